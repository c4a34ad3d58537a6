-- The price catalog: models, the names they are called by, and effective-dated price versions.
-- Prices are absolute dollars per million tokens, never multipliers of the input price:
-- Haiku 3's published cache prices do not follow 1.25x / 0.1x.

CREATE TABLE model (
    id                   text PRIMARY KEY,
    tier                 text CHECK (tier IN ('haiku', 'sonnet', 'opus')),
    min_cacheable_tokens integer NOT NULL DEFAULT 1024 CHECK (min_cacheable_tokens >= 0),
    -- Applied to the whole token cost when usage.inference_geo = 'us'; null: the model has none.
    us_geo_multiplier    numeric CHECK (us_geo_multiplier > 0),
    routing_target       boolean NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX model_one_routing_target_per_tier ON model (tier) WHERE routing_target;

CREATE TABLE model_alias (
    alias    text PRIMARY KEY,
    model_id text NOT NULL REFERENCES model (id)
);

CREATE TABLE price_version (
    id                          bigserial PRIMARY KEY,
    model_id                    text NOT NULL REFERENCES model (id),
    effective_from              timestamptz NOT NULL,
    input_per_mtok              numeric NOT NULL CHECK (input_per_mtok >= 0),
    cache_write_5m_per_mtok     numeric NOT NULL CHECK (cache_write_5m_per_mtok >= 0),
    cache_write_1h_per_mtok     numeric NOT NULL CHECK (cache_write_1h_per_mtok >= 0),
    cache_read_per_mtok         numeric NOT NULL CHECK (cache_read_per_mtok >= 0),
    output_per_mtok             numeric NOT NULL CHECK (output_per_mtok >= 0),
    -- Above this many total input tokens (input + cache writes + cache reads) every term uses
    -- the long-context prices.
    long_context_threshold      bigint CHECK (long_context_threshold > 0),
    lc_input_per_mtok           numeric CHECK (lc_input_per_mtok >= 0),
    lc_cache_write_5m_per_mtok  numeric CHECK (lc_cache_write_5m_per_mtok >= 0),
    lc_cache_write_1h_per_mtok  numeric CHECK (lc_cache_write_1h_per_mtok >= 0),
    lc_cache_read_per_mtok      numeric CHECK (lc_cache_read_per_mtok >= 0),
    lc_output_per_mtok          numeric CHECK (lc_output_per_mtok >= 0),
    batch_multiplier            numeric NOT NULL DEFAULT 0.5 CHECK (batch_multiplier > 0),
    web_search_per_request      numeric NOT NULL DEFAULT 0.01 CHECK (web_search_per_request >= 0),
    created_at                  timestamptz NOT NULL DEFAULT now(),
    created_by                  text NOT NULL DEFAULT 'migration',
    UNIQUE (model_id, effective_from),
    CHECK ((long_context_threshold IS NULL) = (lc_input_per_mtok IS NULL)
       AND (long_context_threshold IS NULL) = (lc_cache_write_5m_per_mtok IS NULL)
       AND (long_context_threshold IS NULL) = (lc_cache_write_1h_per_mtok IS NULL)
       AND (long_context_threshold IS NULL) = (lc_cache_read_per_mtok IS NULL)
       AND (long_context_threshold IS NULL) = (lc_output_per_mtok IS NULL))
);

-- Bumped in the same transaction as any catalog change, so that every app instance can tell
-- cheaply whether its in-memory copy of the catalog is still current.
CREATE TABLE catalog_revision (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    revision  bigint NOT NULL
);
INSERT INTO catalog_revision (revision) VALUES (1);
