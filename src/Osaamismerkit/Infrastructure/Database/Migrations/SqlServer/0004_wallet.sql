-- Private wallet links: a client's own page without an account. Only a SHA-256 hash of the token is stored,
-- so the database alone cannot open anyone's wallet. Links are revoked, never deleted.
CREATE TABLE wallet_links (
    id          NVARCHAR(64)   NOT NULL PRIMARY KEY,
    client_id   NVARCHAR(64)   NOT NULL REFERENCES clients (id),
    token_hash  NVARCHAR(64)   NOT NULL,
    created_at  DATETIMEOFFSET NOT NULL,
    created_by  NVARCHAR(200)  NOT NULL,
    revoked_at  DATETIMEOFFSET NULL,
    revoked_by  NVARCHAR(200)  NULL
);

CREATE UNIQUE INDEX ux_wallet_links_token ON wallet_links (token_hash);
CREATE INDEX ix_wallet_links_client ON wallet_links (client_id);
-- At most one link in force per client: rotating revokes the old one in the same transaction.
CREATE UNIQUE INDEX ux_wallet_links_one_active ON wallet_links (client_id) WHERE revoked_at IS NULL;
