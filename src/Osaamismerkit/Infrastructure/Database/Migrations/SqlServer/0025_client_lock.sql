-- Written by every transaction that reads a client's badges, baselines or claim codes before it writes: the UPDATE of
-- this column takes the client row's exclusive lock and holds it to commit, under READ COMMITTED with locking reads and
-- under READ_COMMITTED_SNAPSHOT alike, so two such transactions for one client run one after the other and the second
-- reads what the first committed. Other clients are not held up: the lock is one row.
ALTER TABLE clients ADD lock_version INT NOT NULL CONSTRAINT df_clients_lock_version DEFAULT 0;
