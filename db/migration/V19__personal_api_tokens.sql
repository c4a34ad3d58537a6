-- Personal API tokens (issue 19): a person's scripts call /api with "Authorization: Bearer twp_<lookup>_<secret>".
-- Only a SHA-256 of the secret is kept; the token acts with its owner's current role.
CREATE TABLE api_token (
    id           bigserial PRIMARY KEY,
    username     text NOT NULL REFERENCES app_user (username),
    name         text NOT NULL,
    lookup       text NOT NULL UNIQUE,
    secret_hash  text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
