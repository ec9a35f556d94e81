-- Messages to clients (issued, claimed, expiring, revoked) go through a transactional outbox: the row is written in
-- the same transaction as the change it tells of, and a background worker sends it. The recipient's address is read
-- from the client at send time; the wallet link the message carries is kept encrypted in payload_protected only
-- until the message is sent. One message per assertion and kind, so a retried scan or change never queues two.
CREATE TABLE outbox_messages (
    id                NVARCHAR(64)   NOT NULL PRIMARY KEY,
    client_id         NVARCHAR(64)   NOT NULL REFERENCES clients (id),
    assertion_id      NVARCHAR(64)   NOT NULL,
    badge_id          NVARCHAR(80)   NOT NULL,
    kind              NVARCHAR(20)   NOT NULL,
    language          NVARCHAR(5)    NOT NULL,
    payload_protected NVARCHAR(2000) NULL,
    status            NVARCHAR(20)   NOT NULL,
    attempts          INT            NOT NULL DEFAULT 0,
    next_attempt_at   DATETIMEOFFSET NOT NULL,
    claimed_until     DATETIMEOFFSET NULL,
    last_error        NVARCHAR(500)  NULL,
    created_at        DATETIMEOFFSET NOT NULL,
    sent_at           DATETIMEOFFSET NULL
);

CREATE UNIQUE INDEX ux_outbox_messages_event ON outbox_messages (assertion_id, kind);
CREATE INDEX ix_outbox_messages_due ON outbox_messages (status, next_attempt_at);
CREATE INDEX ix_outbox_messages_client ON outbox_messages (client_id);

-- A client may refuse messages; staff see it on the client.
ALTER TABLE clients ADD refuses_messages INT NOT NULL CONSTRAINT df_clients_refuses_messages DEFAULT 0;

-- Each message carries a wallet link of its own (the token of the client's link in force is not stored, so it cannot
-- be repeated): it opens the same wallet, and rotating or revoking the client's link revokes these with it. The rule
-- of one link in force per client is kept for the links staff hand out.
ALTER TABLE wallet_links ADD outbox_message_id NVARCHAR(64) NULL;
GO
DROP INDEX ux_wallet_links_one_active ON wallet_links;
CREATE UNIQUE INDEX ux_wallet_links_one_active ON wallet_links (client_id) WHERE revoked_at IS NULL AND outbox_message_id IS NULL;
