-- Reports round their counts to multiples of five by the cell-key method: each client has a secret random record key,
-- a cell's key is the sum of its clients' keys, and that key decides whether the cell rounds up or down, so that the
-- same clients always give the same published number. A stored random key (not a hash of the client id) lets a report
-- add the keys up in SQL with its counts, and means there is no key to derive it from. It is never shown or exported.
-- SQLite's random() draws from its ChaCha20 generator seeded by the operating system; ALTER TABLE cannot give a column
-- a non-constant default, so new clients get theirs from a trigger.
ALTER TABLE clients ADD COLUMN report_key INTEGER NULL;

UPDATE clients SET report_key = random() & 4294967295;

CREATE TRIGGER clients_report_key AFTER INSERT ON clients
FOR EACH ROW WHEN NEW.report_key IS NULL
BEGIN
    UPDATE clients SET report_key = random() & 4294967295 WHERE id = NEW.id;
END;
