-- Users from an OpenID Connect provider (issue 19): created at their first sign-in, their role and teams re-read
-- from the provider's claims at every sign-in. They have no usable password (a hash of a random secret).
ALTER TABLE app_user
    ADD COLUMN source text NOT NULL DEFAULT 'local' CHECK (source IN ('local', 'oidc')),
    ADD COLUMN teams text[] NOT NULL DEFAULT '{}',
    ADD COLUMN last_sign_in_at timestamptz;

-- Ways of signing in an admin can turn off: local passwords on the pages (the bootstrap admin keeps it), and HTTP
-- Basic for scripts (personal API tokens stay).
CREATE TABLE access_setting (
    name       text PRIMARY KEY CHECK (name IN ('local_login', 'http_basic')),
    enabled    boolean NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text NOT NULL
);
