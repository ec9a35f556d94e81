-- Messages to clients (issued, claimed, expiring, revoked) go through a transactional outbox: the row is written in
-- the same transaction as the change it tells of, and a background worker sends it. The recipient's address is read
-- from the client at send time; the wallet link the message carries is kept encrypted in payload_protected only
-- until the message is sent. One message per assertion and kind, so a retried scan or change never queues two.
CREATE TABLE outbox_messages (
    id                TEXT    NOT NULL PRIMARY KEY,
    client_id         TEXT    NOT NULL REFERENCES clients (id),
    assertion_id      TEXT    NOT NULL,
    badge_id          TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    language          TEXT    NOT NULL,
    payload_protected TEXT    NULL,
    status            TEXT    NOT NULL,
    attempts          INTEGER NOT NULL DEFAULT 0,
    next_attempt_at   TEXT    NOT NULL,
    claimed_until     TEXT    NULL,
    last_error        TEXT    NULL,
    created_at        TEXT    NOT NULL,
    sent_at           TEXT    NULL
);

CREATE UNIQUE INDEX ux_outbox_messages_event ON outbox_messages (assertion_id, kind);
CREATE INDEX ix_outbox_messages_due ON outbox_messages (status, next_attempt_at);
CREATE INDEX ix_outbox_messages_client ON outbox_messages (client_id);

-- A client may refuse messages; staff see it on the client.
ALTER TABLE clients ADD COLUMN refuses_messages INTEGER NOT NULL DEFAULT 0;

-- Each message carries a wallet link of its own (the token of the client's link in force is not stored, so it cannot
-- be repeated): it opens the same wallet, and rotating or revoking the client's link revokes these with it. The rule
-- of one link in force per client is kept for the links staff hand out.
ALTER TABLE wallet_links ADD COLUMN outbox_message_id TEXT NULL;
DROP INDEX ux_wallet_links_one_active;
CREATE UNIQUE INDEX ux_wallet_links_one_active ON wallet_links (client_id) WHERE revoked_at IS NULL AND outbox_message_id IS NULL;
