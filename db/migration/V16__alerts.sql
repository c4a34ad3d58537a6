-- Alerts that reach a person: spend by hour for spike detection, the alerts themselves (each opens once and
-- resolves when its condition is gone), the channels they go to, and the delivery outbox written in the same
-- transaction as the alert, retried until a 2xx.

-- Cost per use case and UTC hour, kept by the rollup job with the daily rollups (same signed statement rule).
CREATE TABLE hourly_use_case_rollup (
    hour     timestamptz NOT NULL,
    use_case text NOT NULL,
    requests bigint NOT NULL,
    cost     numeric NOT NULL,
    PRIMARY KEY (use_case, hour)
);
INSERT INTO hourly_use_case_rollup (hour, use_case, requests, cost)
SELECT date_trunc('hour', e.occurred_at), e.use_case, count(*), coalesce(sum(e.cost), 0)
FROM usage_event e
WHERE e.ingest_xid < (SELECT processed_below FROM rollup_watermark WHERE stream = 'usage_event')
GROUP BY 1, 2;

CREATE TABLE alert (
    id          bigserial PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('spend_spike', 'daily_anomaly', 'budget_threshold', 'budget_forecast',
                                              'new_spend')),
    use_case    text NOT NULL,
    -- What makes the alert one of its kind: the hour of a spike, the day of an anomaly, the month and share of a
    -- budget threshold ('2026-12:80'), the month of a forecast; each opens once.
    occasion    text NOT NULL,
    status      text NOT NULL CHECK (status IN ('open', 'resolved')),
    opened_at   timestamptz NOT NULL,
    resolved_at timestamptz,
    amount      numeric,
    threshold   numeric,
    summary     text NOT NULL,
    UNIQUE (kind, use_case, occasion),
    CHECK ((status = 'resolved') = (resolved_at IS NOT NULL))
);
CREATE INDEX alert_open ON alert (kind, use_case) WHERE status = 'open';

CREATE TABLE alert_channel (
    name       text PRIMARY KEY,
    kind       text NOT NULL CHECK (kind IN ('webhook', 'slack', 'email')),
    target     text NOT NULL,
    secret     text,
    use_cases  text[],
    teams      text[],
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL
);

CREATE TABLE alert_delivery (
    id              bigserial PRIMARY KEY,
    delivery_id     uuid NOT NULL UNIQUE,
    alert_id        bigint REFERENCES alert (id),
    channel         text NOT NULL REFERENCES alert_channel (name) ON DELETE CASCADE,
    event           text NOT NULL CHECK (event IN ('opened', 'resolved', 'test')),
    -- The alert as it stood when the event happened: what every attempt sends, whatever the alert becomes later.
    alert           jsonb NOT NULL,
    status          text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_status     integer,
    last_error      text,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz
);
CREATE INDEX alert_delivery_due ON alert_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX alert_delivery_channel ON alert_delivery (channel, created_at DESC);
