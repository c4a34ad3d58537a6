-- One recommendation per (use case, kind), updated in place by each analysis run so that its
-- status survives; evidence and assumptions hold everything needed to redo the arithmetic.
CREATE TABLE recommendation (
    id                          bigserial PRIMARY KEY,
    use_case                    text NOT NULL,
    kind                        text NOT NULL CHECK (kind IN ('prompt_caching', 'cache_busting', 'model_routing',
                                    'batch_api', 'conversation_summarization', 'document_prefilter')),
    title                       text NOT NULL,
    status                      text NOT NULL CHECK (status IN ('open', 'accepted', 'dismissed', 'implemented', 'resolved')),
    confidence                  text NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    estimated_monthly_savings   numeric NOT NULL,
    evidence                    jsonb NOT NULL,
    assumptions                 jsonb NOT NULL,
    how_to                      text NOT NULL,
    note                        text,
    dismissed_savings           numeric,
    implemented_at              timestamptz,
    realized_monthly_savings    numeric,
    measurement                 jsonb,
    created_at                  timestamptz NOT NULL DEFAULT now(),
    updated_at                  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (use_case, kind)
);

-- The detectors read one use case's trailing window at a time.
CREATE INDEX usage_event_use_case_time ON usage_event (use_case, occurred_at);
