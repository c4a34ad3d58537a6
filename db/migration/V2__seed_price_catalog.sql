-- Seed catalog from DESIGN.md section 2 (dollars per million tokens). The seed versions take
-- effect from 2023-01-01 so that historical imports are priced too.

INSERT INTO model (id, tier, min_cacheable_tokens, us_geo_multiplier, routing_target) VALUES
    ('claude-opus-4-6',            'opus',   4096, 1.1,  true),
    ('claude-opus-4-5-20251101',   'opus',   4096, NULL, false),
    ('claude-opus-4-1-20250805',   'opus',   1024, NULL, false),
    ('claude-opus-4-20250514',     'opus',   1024, NULL, false),
    ('claude-sonnet-4-6',          'sonnet', 1024, 1.1,  true),
    ('claude-sonnet-4-5-20250929', 'sonnet', 1024, NULL, false),
    ('claude-sonnet-4-20250514',   'sonnet', 1024, NULL, false),
    ('claude-3-7-sonnet-20250219', 'sonnet', 1024, NULL, false),
    ('claude-haiku-4-5-20251001',  'haiku',  4096, NULL, true),
    ('claude-3-5-haiku-20241022',  'haiku',  2048, NULL, false),
    ('claude-3-haiku-20240307',    'haiku',  2048, NULL, false);

INSERT INTO model_alias (alias, model_id) VALUES
    ('claude-opus-4-5',          'claude-opus-4-5-20251101'),
    ('claude-opus-4-1',          'claude-opus-4-1-20250805'),
    ('claude-opus-4-0',          'claude-opus-4-20250514'),
    ('claude-sonnet-4-5',        'claude-sonnet-4-5-20250929'),
    ('claude-sonnet-4-0',        'claude-sonnet-4-20250514'),
    ('claude-3-7-sonnet-latest', 'claude-3-7-sonnet-20250219'),
    ('claude-haiku-4-5',         'claude-haiku-4-5-20251001'),
    ('claude-3-5-haiku-latest',  'claude-3-5-haiku-20241022');

INSERT INTO price_version (model_id, effective_from, input_per_mtok, cache_write_5m_per_mtok,
                           cache_write_1h_per_mtok, cache_read_per_mtok, output_per_mtok) VALUES
    ('claude-opus-4-6',            '2023-01-01T00:00:00Z', 5,    6.25,  10,  0.50, 25),
    ('claude-opus-4-5-20251101',   '2023-01-01T00:00:00Z', 5,    6.25,  10,  0.50, 25),
    ('claude-opus-4-1-20250805',   '2023-01-01T00:00:00Z', 15,   18.75, 30,  1.50, 75),
    ('claude-opus-4-20250514',     '2023-01-01T00:00:00Z', 15,   18.75, 30,  1.50, 75),
    ('claude-sonnet-4-6',          '2023-01-01T00:00:00Z', 3,    3.75,  6,   0.30, 15),
    ('claude-3-7-sonnet-20250219', '2023-01-01T00:00:00Z', 3,    3.75,  6,   0.30, 15),
    ('claude-haiku-4-5-20251001',  '2023-01-01T00:00:00Z', 1,    1.25,  2,   0.10, 5),
    ('claude-3-5-haiku-20241022',  '2023-01-01T00:00:00Z', 0.80, 1,     1.6, 0.08, 4),
    ('claude-3-haiku-20240307',    '2023-01-01T00:00:00Z', 0.25, 0.30,  0.50, 0.03, 1.25);

-- Sonnet 4 and 4.5: long-context prices above 200,000 total input tokens until 2026-03-31,
-- then a version without the long-context tier.
INSERT INTO price_version (model_id, effective_from, input_per_mtok, cache_write_5m_per_mtok,
                           cache_write_1h_per_mtok, cache_read_per_mtok, output_per_mtok,
                           long_context_threshold, lc_input_per_mtok, lc_cache_write_5m_per_mtok,
                           lc_cache_write_1h_per_mtok, lc_cache_read_per_mtok, lc_output_per_mtok)
SELECT m, e, 3, 3.75, 6, 0.30, 15, t, li, lw5, lw1, lr, lo
FROM (VALUES
    ('claude-sonnet-4-5-20250929', timestamptz '2023-01-01T00:00:00Z', 200000, 6, 7.50, 12, 0.60, 22.50),
    ('claude-sonnet-4-20250514',   timestamptz '2023-01-01T00:00:00Z', 200000, 6, 7.50, 12, 0.60, 22.50),
    ('claude-sonnet-4-5-20250929', timestamptz '2026-04-01T00:00:00Z', NULL, NULL, NULL, NULL, NULL, NULL),
    ('claude-sonnet-4-20250514',   timestamptz '2026-04-01T00:00:00Z', NULL, NULL, NULL, NULL, NULL, NULL)
) AS v(m, e, t, li, lw5, lw1, lr, lo);
