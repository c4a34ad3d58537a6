-- Gateway policies (issue 16): what a spent budget does to gateway traffic, whether the gateway asks Anthropic for
-- cache diagnostics, and pilots: a share of a use case's gateway traffic served as a recommendation says.
ALTER TABLE use_case
    ADD COLUMN budget_action text NOT NULL DEFAULT 'alert' CHECK (budget_action IN ('alert', 'block', 'downgrade')),
    ADD COLUMN cache_diagnostics boolean NOT NULL DEFAULT true;

-- One pilot per recommendation; share 0 is a stopped pilot, kept so that its arms can still be read.
CREATE TABLE pilot (
    recommendation_id bigint PRIMARY KEY REFERENCES recommendation (id),
    use_case          text NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('model_routing', 'prompt_caching')),
    share             numeric NOT NULL CHECK (share >= 0 AND share <= 1),
    started_at        timestamptz NOT NULL,
    stopped_at        timestamptz,
    target_model      text,   -- model_routing: the model the pilot arm is served by
    task_types        text[], -- model_routing: the eligible task types; null when every request is eligible
    cache_ttl         text CHECK (cache_ttl IN ('5m', '1h')), -- prompt_caching: the breakpoint's TTL
    updated_at        timestamptz NOT NULL
);

-- Calls of a pilot that the upstream refused record no event; the gateway counts them here per arm.
CREATE TABLE pilot_error (
    recommendation_id bigint NOT NULL REFERENCES pilot (recommendation_id),
    arm               text NOT NULL CHECK (arm IN ('control', 'pilot')),
    errors            bigint NOT NULL CHECK (errors >= 0),
    PRIMARY KEY (recommendation_id, arm)
);

-- The arm comparison reads one pilot's events.
CREATE INDEX usage_event_pilot ON usage_event ((tags ->> 'tw_pilot')) WHERE (tags ->> 'tw_pilot') IS NOT NULL;
