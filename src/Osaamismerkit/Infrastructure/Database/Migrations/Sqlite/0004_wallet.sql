-- Private wallet links: a client's own page without an account. Only a SHA-256 hash of the token is stored,
-- so the database alone cannot open anyone's wallet. Links are revoked, never deleted.
CREATE TABLE wallet_links (
    id          TEXT NOT NULL PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    token_hash  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    revoked_at  TEXT NULL,
    revoked_by  TEXT NULL
);

CREATE UNIQUE INDEX ux_wallet_links_token ON wallet_links (token_hash);
CREATE INDEX ix_wallet_links_client ON wallet_links (client_id);
-- At most one link in force per client: rotating revokes the old one in the same transaction.
CREATE UNIQUE INDEX ux_wallet_links_one_active ON wallet_links (client_id) WHERE revoked_at IS NULL;
