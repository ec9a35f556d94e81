-- Reports round their counts to multiples of five by the cell-key method: each client has a secret random record key,
-- a cell's key is the sum of its clients' keys, and that key decides whether the cell rounds up or down, so that the
-- same clients always give the same published number. A stored random key (not a hash of the client id) lets a report
-- add the keys up in SQL with its counts, and means there is no key to derive it from. It is never shown or exported.
-- NEWID() is evaluated per row (existing rows included, WITH VALUES); its first four bytes are random, read as 0..2^32-1.
ALTER TABLE clients ADD report_key BIGINT NOT NULL
    CONSTRAINT df_clients_report_key DEFAULT (CAST(CAST(NEWID() AS BINARY(4)) AS BIGINT)) WITH VALUES;
