-- Reports count badges by unit, delivery mode and municipality over hundreds of thousands of assertions: those three
-- are copied onto each assertion when it is issued (as they were then), so that a report reads one covering index
-- instead of joining every row to its assessment and client.
ALTER TABLE assertions ADD COLUMN unit_id TEXT NULL REFERENCES units (id);
ALTER TABLE assertions ADD COLUMN delivery_mode TEXT NULL;
ALTER TABLE assertions ADD COLUMN municipality_code TEXT NULL REFERENCES municipalities (code);

UPDATE assertions
SET unit_id = COALESCE((SELECT m.unit_id FROM assessments m WHERE m.id = assertions.assessment_id),
                       (SELECT c.unit_id FROM clients c WHERE c.id = assertions.client_id)),
    delivery_mode = (SELECT m.delivery_mode FROM assessments m WHERE m.id = assertions.assessment_id),
    municipality_code = (SELECT c.municipality_code FROM clients c WHERE c.id = assertions.client_id);

CREATE INDEX ix_assertions_report ON assertions (issued_on, badge_id, unit_id, delivery_mode, municipality_code, client_id)
    WHERE replaces_id IS NULL;
