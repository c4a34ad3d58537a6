-- Append-only usage events, priced at write time. (app_id, event_id) is the idempotency key.
-- cost is null exactly when no price was in force for the event's model at occurred_at.

CREATE TABLE usage_event (
    id                          bigserial PRIMARY KEY,
    app_id                      bigint NOT NULL REFERENCES app (id),
    event_id                    text NOT NULL,
    occurred_at                 timestamptz NOT NULL,
    received_at                 timestamptz NOT NULL DEFAULT now(),
    use_case                    text NOT NULL,
    model                       text NOT NULL,            -- as the app sent it
    model_id                    text REFERENCES model (id), -- resolved catalog model, null if unknown
    input_tokens                bigint NOT NULL CHECK (input_tokens >= 0),
    output_tokens               bigint NOT NULL CHECK (output_tokens >= 0),
    cache_creation_input_tokens bigint NOT NULL CHECK (cache_creation_input_tokens >= 0),
    cache_read_input_tokens     bigint NOT NULL CHECK (cache_read_input_tokens >= 0),
    cache_write_5m_tokens       bigint NOT NULL CHECK (cache_write_5m_tokens >= 0),
    cache_write_1h_tokens       bigint NOT NULL CHECK (cache_write_1h_tokens >= 0),
    web_search_requests         bigint NOT NULL CHECK (web_search_requests >= 0),
    service_tier                text NOT NULL CHECK (service_tier IN ('standard', 'priority', 'batch')),
    inference_geo               text NOT NULL CHECK (inference_geo IN ('global', 'us', 'not_available')),
    task_type                   text,
    latency_class               text CHECK (latency_class IN ('interactive', 'background')),
    prefix_hash                 text,
    prefix_tokens               bigint CHECK (prefix_tokens >= 0),
    conversation_id             text,
    conversation_turn           integer CHECK (conversation_turn >= 1),
    business_units              numeric CHECK (business_units >= 0),
    quality_score               numeric CHECK (quality_score BETWEEN 0 AND 1),
    tags                        jsonb,
    cost                        numeric CHECK (cost >= 0),
    price_version_id            bigint REFERENCES price_version (id),
    CHECK (cache_write_5m_tokens + cache_write_1h_tokens = cache_creation_input_tokens),
    CHECK ((cost IS NULL) = (price_version_id IS NULL)),
    UNIQUE (app_id, event_id)
);

CREATE INDEX usage_event_occurred_at ON usage_event (occurred_at);
CREATE INDEX usage_event_model_time ON usage_event (model_id, occurred_at);
-- Unknown models are few; this keeps "which raw names are still unresolved" cheap.
CREATE INDEX usage_event_unresolved ON usage_event (model) WHERE model_id IS NULL;

CREATE TABLE outcome (
    id          bigserial PRIMARY KEY,
    app_id      bigint NOT NULL REFERENCES app (id),
    outcome_id  text NOT NULL,
    occurred_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    use_case    text NOT NULL,
    units       numeric NOT NULL CHECK (units >= 0),
    UNIQUE (app_id, outcome_id)
);
CREATE INDEX outcome_occurred_at ON outcome (occurred_at);
