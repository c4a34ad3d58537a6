-- Apps send events with keys; people sign in as users. Keys are stored only as SHA-256 hashes
-- of their secret part; the key_id part is public and used to find the row.

CREATE TABLE app (
    id         bigserial PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_key (
    id          bigserial PRIMARY KEY,
    key_id      text NOT NULL UNIQUE,
    app_id      bigint NOT NULL REFERENCES app (id),
    secret_hash bytea NOT NULL CHECK (length(secret_hash) = 32),
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);
CREATE INDEX app_key_app ON app_key (app_id);

CREATE TABLE app_user (
    id            bigserial PRIMARY KEY,
    username      text NOT NULL UNIQUE,
    password_hash text NOT NULL,
    role          text NOT NULL CHECK (role IN ('ADMIN', 'FINANCE', 'ENGINEER')),
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Written in the same transaction as the change it records.
CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL,
    action      text NOT NULL,
    subject     text NOT NULL,
    before      jsonb,
    after       jsonb
);
