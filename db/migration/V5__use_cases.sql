-- Settings per use case. A row appears as soon as an event names the use case; every setting
-- stays null until an admin sets it.
CREATE TABLE use_case (
    name               text PRIMARY KEY,
    display_name       text,
    owner_team         text,
    unit_name          text,
    value_per_unit     numeric CHECK (value_per_unit >= 0),
    monthly_budget     numeric CHECK (monthly_budget >= 0),
    latency_class      text CHECK (latency_class IN ('interactive', 'background')),
    default_task_type  text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

INSERT INTO use_case (name) SELECT DISTINCT use_case FROM usage_event ON CONFLICT DO NOTHING;
INSERT INTO use_case (name) SELECT DISTINCT use_case FROM outcome ON CONFLICT DO NOTHING;
