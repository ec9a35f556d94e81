-- Catalogue versions, organisation structure and the append-only audit log.
CREATE TABLE badge_definitions (
    badge_id        TEXT NOT NULL,
    version         TEXT NOT NULL,
    content_hash    TEXT NOT NULL,
    definition_json TEXT NOT NULL,
    loaded_at       TEXT NOT NULL,
    PRIMARY KEY (badge_id, version)
);

CREATE TABLE municipalities (
    code    TEXT NOT NULL PRIMARY KEY,
    name_fi TEXT NOT NULL,
    name_sv TEXT NOT NULL
);

CREATE TABLE units (
    id                TEXT NOT NULL PRIMARY KEY,
    name              TEXT NOT NULL,
    municipality_code TEXT NOT NULL REFERENCES municipalities (code),
    created_at        TEXT NOT NULL
);

-- Which units an instructor works in (managed by admins); the subject is the identity provider's stable id.
CREATE TABLE unit_memberships (
    unit_id       TEXT NOT NULL REFERENCES units (id),
    staff_subject TEXT NOT NULL,
    PRIMARY KEY (unit_id, staff_subject)
);

CREATE INDEX ix_unit_memberships_staff ON unit_memberships (staff_subject);

CREATE TABLE audit_log (
    id          TEXT NOT NULL PRIMARY KEY,
    occurred_at TEXT NOT NULL,
    actor_id    TEXT NOT NULL,
    actor_role  TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    detail      TEXT NULL
);

CREATE INDEX ix_audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX ix_audit_log_actor ON audit_log (actor_id, occurred_at);
CREATE INDEX ix_audit_log_time ON audit_log (occurred_at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
