-- Daily charts, budgets, anomalies and feature pages group by day and use case only: about 50 rows a day
-- here against about 800 in daily_rollup (apps, models and tiers). Kept by the same signed statement,
-- so that it always equals daily_rollup summed by day and use case.
CREATE TABLE daily_use_case_rollup (
    day                         date NOT NULL,
    use_case                    text NOT NULL,
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
    PRIMARY KEY (day, use_case)
);

INSERT INTO daily_use_case_rollup
SELECT day, use_case, sum(requests), sum(input_tokens), sum(output_tokens), sum(cache_creation_input_tokens),
       sum(cache_read_input_tokens), sum(cache_write_5m_tokens), sum(cache_write_1h_tokens), sum(web_search_requests),
       sum(cost), sum(business_units), sum(unpriced_events)
FROM daily_rollup
GROUP BY 1, 2;
