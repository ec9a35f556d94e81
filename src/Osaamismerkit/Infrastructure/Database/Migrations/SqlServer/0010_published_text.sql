-- What is published is kept apart from what staff write for themselves (issue 14, finding 3). The evidence_note
-- column keeps the published statement of what was demonstrated; internal_note is for staff of the client's units
-- and is never signed into a badge or printed.
ALTER TABLE assessments ADD internal_note NVARCHAR(4000) NULL;

-- A revocation is published as a reason code from a fixed list; anything staff add goes into revocation_note.
ALTER TABLE assertions ADD revocation_note NVARCHAR(500) NULL;
GO

-- Free-text reasons written before the list existed may name the client: they become "other", with the text moved to
-- the staff-only note. Reasons the service wrote itself (renewal, claim, erasure) carry nothing personal and keep
-- their own public wording.
UPDATE assertions
SET revocation_note = revocation_reason,
    revocation_reason = 'other'
WHERE revocation_reason IS NOT NULL
  AND revocation_reason NOT IN ('issued_in_error', 'criteria_not_met', 'replaced', 'holder_request', 'other',
                                'superseded by renewal', 'erased at the client''s request')
  AND revocation_reason NOT LIKE 'claimed:%';
