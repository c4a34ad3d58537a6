-- The catalog as sourced data (src/main/resources/catalog/claude-catalog.yaml, loaded at start-up) and the
-- billing rules of 2026: fast mode, price versions that end, service tiers as data, iterations, and the
-- reason an event is left unpriced.

-- Models: life dates and the source of each row. 'frontier' is the tier above Opus (Fable and Mythos).
ALTER TABLE model DROP CONSTRAINT model_tier_check;
ALTER TABLE model ADD CONSTRAINT model_tier_check CHECK (tier IN ('haiku', 'sonnet', 'opus', 'frontier'));
ALTER TABLE model ADD COLUMN released_on date;
ALTER TABLE model ADD COLUMN deprecated_on date;
ALTER TABLE model ADD COLUMN retired_on date;
ALTER TABLE model ADD COLUMN source text;

-- Price versions: one line per (model, speed, effective_from) in force. A version changed by a newer catalog
-- is superseded (kept, for the audit and for the events it priced until then), never edited. A withdrawn
-- version has no prices: from its effective_from on, that speed of the model has no price in force.
ALTER TABLE price_version ADD COLUMN speed text NOT NULL DEFAULT 'standard';
ALTER TABLE price_version ADD COLUMN withdrawn boolean NOT NULL DEFAULT false;
ALTER TABLE price_version ADD COLUMN superseded_at timestamptz;
ALTER TABLE price_version ADD COLUMN source text;
ALTER TABLE price_version ALTER COLUMN input_per_mtok DROP NOT NULL;
ALTER TABLE price_version ALTER COLUMN cache_write_5m_per_mtok DROP NOT NULL;
ALTER TABLE price_version ALTER COLUMN cache_write_1h_per_mtok DROP NOT NULL;
ALTER TABLE price_version ALTER COLUMN cache_read_per_mtok DROP NOT NULL;
ALTER TABLE price_version ALTER COLUMN output_per_mtok DROP NOT NULL;
ALTER TABLE price_version ADD CONSTRAINT price_version_rates_unless_withdrawn CHECK (withdrawn OR (
    input_per_mtok IS NOT NULL AND cache_write_5m_per_mtok IS NOT NULL AND cache_write_1h_per_mtok IS NOT NULL
    AND cache_read_per_mtok IS NOT NULL AND output_per_mtok IS NOT NULL));
ALTER TABLE price_version DROP CONSTRAINT price_version_model_id_effective_from_key;
CREATE UNIQUE INDEX price_version_in_force ON price_version (model_id, speed, effective_from)
    WHERE superseded_at IS NULL;

-- Which service tiers have a price, and how: a tier not listed leaves its events unpriced, with a reason.
CREATE TABLE service_tier_rule (
    tier      text PRIMARY KEY,
    priced_as text NOT NULL CHECK (priced_as IN ('standard', 'batch')),
    note      text,
    source    text
);
INSERT INTO service_tier_rule (tier, priced_as, note) VALUES
    ('standard', 'standard', NULL),
    ('batch', 'batch', NULL),
    ('priority', 'standard', 'Priority Tier has no public price: priced at standard as an estimate');

-- Events: the service tier and speed as sent (an unknown one is stored and left unpriced), the iterations
-- the cost was summed over, Anthropic's cache diagnostics, and why an event has no price.
ALTER TABLE usage_event DROP CONSTRAINT usage_event_service_tier_check;
ALTER TABLE usage_event ADD COLUMN speed text NOT NULL DEFAULT 'standard';
ALTER TABLE usage_event ADD COLUMN iterations jsonb;
ALTER TABLE usage_event ADD COLUMN unpriced_reason text;
ALTER TABLE usage_event ADD COLUMN cache_miss_reason text;
ALTER TABLE usage_event ADD COLUMN cache_missed_input_tokens bigint CHECK (cache_missed_input_tokens >= 0);
UPDATE usage_event e SET unpriced_reason = CASE WHEN e.model_id IS NULL THEN 'unknown model ' || e.model
    ELSE 'no price for ' || e.model_id || ' on ' || to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') END
    WHERE e.cost IS NULL;
CREATE INDEX usage_event_unpriced ON usage_event (occurred_at) WHERE cost IS NULL;

-- The loaded catalog file: which revision of it is applied, so a restart with the same file does nothing.
CREATE TABLE catalog_file (
    id         bigserial PRIMARY KEY,
    version    text NOT NULL,
    sha256     text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by text NOT NULL,
    summary    jsonb NOT NULL
);

-- A recommendation the catalog's life dates make possible: move off a retired, deprecated or dearer model.
ALTER TABLE recommendation DROP CONSTRAINT recommendation_kind_check;
ALTER TABLE recommendation ADD CONSTRAINT recommendation_kind_check CHECK (kind IN ('prompt_caching', 'cache_busting',
    'model_routing', 'model_migration', 'batch_api', 'conversation_summarization', 'document_prefilter'));
