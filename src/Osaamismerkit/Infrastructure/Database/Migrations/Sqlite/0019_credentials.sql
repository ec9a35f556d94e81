-- Open Badges 3.0 credentials (issue 20). A credential is built from its assertion whenever it is asked for; what must
-- stay fixed across builds is kept here.

-- Each assertion's place in the Bitstring Status List. The index is drawn at random from the whole list, never in
-- issue order, so that a set bit says nothing about when or to whom a badge was issued; unique, so two badges never
-- share a bit. Revocation itself is the assertion's revoked_at: the list is read from it, so there is one action.
CREATE TABLE credential_status (
    assertion_id TEXT    NOT NULL PRIMARY KEY REFERENCES assertions (id),
    list_index   INTEGER NOT NULL,
    allocated_at TEXT    NOT NULL
);

CREATE UNIQUE INDEX ux_credential_status_index ON credential_status (list_index);

-- Public halves of the Ed25519 keys that sign Data Integrity proofs. Every key ever used stays published in the DID
-- document, so a credential signed before a rotation still verifies.
CREATE TABLE credential_keys (
    id                   TEXT NOT NULL PRIMARY KEY,
    public_key_multibase TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    retired_at           TEXT NULL
);
