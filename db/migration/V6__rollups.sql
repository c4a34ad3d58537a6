-- Daily rollups, filled incrementally by the rollup job.
--
-- The job must never miss a row that commits late, so its watermark is not an id (ids are
-- handed out before commit, so a lower id can commit after a higher one was read) but the
-- inserting transaction's id: the job reads rows with ingest_xid in [processed_below,
-- pg_snapshot_xmin(pg_current_snapshot())), and every transaction below that xmin has ended.
ALTER TABLE usage_event ADD COLUMN ingest_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE outcome ADD COLUMN ingest_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX usage_event_ingest_xid ON usage_event (ingest_xid);
CREATE INDEX outcome_ingest_xid ON outcome (ingest_xid);

CREATE TABLE rollup_watermark (
    stream          text PRIMARY KEY CHECK (stream IN ('usage_event', 'outcome')),
    processed_below xid8 NOT NULL,
    -- Days are cut in this zone; when the configured zone changes the rollups are rebuilt.
    reporting_zone  text NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
INSERT INTO rollup_watermark (stream, processed_below, reporting_zone) VALUES
    ('usage_event', '0', 'UTC'), ('outcome', '0', 'UTC');

CREATE TABLE daily_rollup (
    day                         date NOT NULL,
    app_id                      bigint NOT NULL REFERENCES app (id),
    use_case                    text NOT NULL,
    model_key                   text NOT NULL, -- the catalog model, or the name as sent when unknown
    service_tier                text NOT NULL,
    requests                    bigint NOT NULL,
    input_tokens                bigint NOT NULL,
    output_tokens               bigint NOT NULL,
    cache_creation_input_tokens bigint NOT NULL,
    cache_read_input_tokens     bigint NOT NULL,
    cache_write_5m_tokens       bigint NOT NULL,
    cache_write_1h_tokens       bigint NOT NULL,
    web_search_requests         bigint NOT NULL,
    cost                        numeric NOT NULL, -- of the priced events
    business_units              numeric NOT NULL,
    unpriced_events             bigint NOT NULL,
    PRIMARY KEY (day, app_id, use_case, model_key, service_tier)
);
CREATE INDEX daily_rollup_use_case_day ON daily_rollup (use_case, day);

CREATE TABLE daily_tag_rollup (
    day                         date NOT NULL,
    tag_key                     text NOT NULL,
    tag_value                   text NOT NULL,
    requests                    bigint NOT NULL,
    input_tokens                bigint NOT NULL,
    output_tokens               bigint NOT NULL,
    cache_creation_input_tokens bigint NOT NULL,
    cache_read_input_tokens     bigint NOT NULL,
    cost                        numeric NOT NULL,
    unpriced_events             bigint NOT NULL,
    PRIMARY KEY (tag_key, day, tag_value)
);

CREATE TABLE daily_outcome_rollup (
    day      date NOT NULL,
    use_case text NOT NULL,
    units    numeric NOT NULL,
    outcomes bigint NOT NULL,
    PRIMARY KEY (day, use_case)
);
