-- OpenID4VCI delivery of Open Badges 3.0 credentials to a digital wallet (issue 20). Codes, access tokens and nonces
-- are stored only as SHA-256 hashes: the values travel in the offer and the wallet's requests, never in the database.

-- One offer per "Add to a digital wallet": a one-time pre-authorized code bound to one badge and to the wallet link
-- it was made from. Revoking the badge or the link kills the offer, because both are checked at every step.
CREATE TABLE credential_offers (
    id                NVARCHAR(64)   NOT NULL PRIMARY KEY,
    assertion_id      NVARCHAR(64)   NOT NULL REFERENCES assertions (id),
    wallet_link_id    NVARCHAR(64)   NOT NULL REFERENCES wallet_links (id),
    code_hash         NVARCHAR(64)   NOT NULL,
    created_at        DATETIMEOFFSET NOT NULL,
    code_expires_at   DATETIMEOFFSET NOT NULL,
    code_used_at      DATETIMEOFFSET NULL,
    token_hash        NVARCHAR(64)   NULL,
    token_expires_at  DATETIMEOFFSET NULL,
    issued_at         DATETIMEOFFSET NULL,
    holder_id         NVARCHAR(2000) NULL
);

CREATE UNIQUE INDEX ux_credential_offers_code ON credential_offers (code_hash);
CREATE UNIQUE INDEX ux_credential_offers_token ON credential_offers (token_hash) WHERE token_hash IS NOT NULL;

CREATE TABLE credential_nonces (
    nonce_hash  NVARCHAR(64)   NOT NULL PRIMARY KEY,
    expires_at  DATETIMEOFFSET NOT NULL,
    used_at     DATETIMEOFFSET NULL
);
