-- OpenID4VCI delivery of Open Badges 3.0 credentials to a digital wallet (issue 20). Codes, access tokens and nonces
-- are stored only as SHA-256 hashes: the values travel in the offer and the wallet's requests, never in the database.

-- One offer per "Add to a digital wallet": a one-time pre-authorized code bound to one badge and to the wallet link
-- it was made from. Revoking the badge or the link kills the offer, because both are checked at every step.
CREATE TABLE credential_offers (
    id                TEXT NOT NULL PRIMARY KEY,
    assertion_id      TEXT NOT NULL REFERENCES assertions (id),
    wallet_link_id    TEXT NOT NULL REFERENCES wallet_links (id),
    code_hash         TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    code_expires_at   TEXT NOT NULL,
    code_used_at      TEXT NULL,
    token_hash        TEXT NULL,
    token_expires_at  TEXT NULL,
    issued_at         TEXT NULL,
    holder_id         TEXT NULL
);

CREATE UNIQUE INDEX ux_credential_offers_code ON credential_offers (code_hash);
CREATE UNIQUE INDEX ux_credential_offers_token ON credential_offers (token_hash) WHERE token_hash IS NOT NULL;

-- The c_nonce values the nonce endpoint hands out, each good for one key proof within its lifetime.
CREATE TABLE credential_nonces (
    nonce_hash  TEXT NOT NULL PRIMARY KEY,
    expires_at  TEXT NOT NULL,
    used_at     TEXT NULL
);
