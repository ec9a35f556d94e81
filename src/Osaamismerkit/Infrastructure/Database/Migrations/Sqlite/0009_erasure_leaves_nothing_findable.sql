-- Erasure used to keep each assertion's recipient hash and salt, so the public e-mail check still confirmed an erased
-- client's address, and left on the revocation list whatever reason a person had written. For clients erased before
-- this script, do now what erasure does: drop the hash, the salt and the claim code, and publish only the neutral
-- reason 'withdrawn'. Their documents were already stripped of recipient and evidence, and their JWS removed.
UPDATE assertions
SET recipient_identity = '', recipient_salt = '', claim_code_hash = NULL, claim_code_protected = NULL, revocation_reason = 'withdrawn'
WHERE client_id IN (SELECT client_id FROM assertions WHERE revocation_reason = 'erased at the client''s request');
