-- Whole-month reports (spend by use case, model or app; Pareto; unit costs) summed about 24,000 daily
-- rows for 50 use cases and 8 models, 15 to 30 ms each; a month is one row per key here. Kept by the
-- same signed statement as daily_rollup, so that it always equals the sum of its days.
CREATE TABLE monthly_rollup (
    month                       date NOT NULL, -- first day of the month, in the reporting zone
    app_id                      bigint NOT NULL REFERENCES app (id),
    use_case                    text NOT NULL,
    model_key                   text NOT NULL,
    service_tier                text NOT NULL,
    requests                    bigint NOT NULL,
    input_tokens                bigint NOT NULL,
    output_tokens               bigint NOT NULL,
    cache_creation_input_tokens bigint NOT NULL,
    cache_read_input_tokens     bigint NOT NULL,
    cache_write_5m_tokens       bigint NOT NULL,
    cache_write_1h_tokens       bigint NOT NULL,
    web_search_requests         bigint NOT NULL,
    cost                        numeric NOT NULL,
    business_units              numeric NOT NULL,
    unpriced_events             bigint NOT NULL,
    PRIMARY KEY (month, app_id, use_case, model_key, service_tier)
);

INSERT INTO monthly_rollup
SELECT date_trunc('month', day::timestamp)::date, app_id, use_case, model_key, service_tier, sum(requests), sum(input_tokens),
       sum(output_tokens), sum(cache_creation_input_tokens), sum(cache_read_input_tokens), sum(cache_write_5m_tokens),
       sum(cache_write_1h_tokens), sum(web_search_requests), sum(cost), sum(business_units), sum(unpriced_events)
FROM daily_rollup
GROUP BY 1, 2, 3, 4, 5;
