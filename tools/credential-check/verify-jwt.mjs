// Verifies an Open Badges 3.0 VC-JWT with panva's jose, knowing only what a verifier can fetch: the issuer's DID
// document and the status list credential. Input: { jwt, didDocument, statusList?, now? }.
// Output: { valid, problem?, revoked?, payload? }.
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { answer, readInput, statusBit } from './lib.mjs';

const { jwt, didDocument, statusList, now } = await readInput();
try {
  const { kid, alg } = decodeProtectedHeader(jwt);
  if (alg !== 'RS256') throw new Error(`alg ${alg}, expected RS256`);
  if (!kid?.startsWith(didDocument.id + '#')) throw new Error(`kid ${kid} is not a key of ${didDocument.id}`);
  const method = didDocument.verificationMethod.find((m) => m.id === kid);
  if (!method) throw new Error(`kid ${kid} is not in the DID document`);
  if (!didDocument.assertionMethod.includes(kid)) throw new Error(`kid ${kid} may not make assertions`);
  const key = await importJWK(method.publicKeyJwk, 'RS256');
  const { payload } = await jwtVerify(jwt, key, {
    algorithms: ['RS256'],
    issuer: didDocument.id,
    currentDate: now ? new Date(now) : undefined,
  });
  const issuerId = typeof payload.issuer === 'string' ? payload.issuer : payload.issuer?.id;
  if (issuerId !== payload.iss) throw new Error('iss is not the credential issuer');
  if (payload.jti !== payload.id) throw new Error('jti is not the credential id');
  if (payload.nbf !== Math.floor(Date.parse(payload.validFrom) / 1000)) throw new Error('nbf is not validFrom');
  let revoked = false;
  if (payload.credentialStatus) {
    const status = payload.credentialStatus;
    if (!statusList) throw new Error('the credential has a status but no status list was given');
    if (status.type !== 'BitstringStatusListEntry' || status.statusListCredential !== statusList.id) throw new Error('status list mismatch');
    if (statusList.credentialSubject.statusPurpose !== status.statusPurpose) throw new Error('status purpose mismatch');
    revoked = statusBit(statusList.credentialSubject.encodedList, Number(status.statusListIndex));
  }
  answer(revoked ? { valid: false, problem: 'revoked', revoked, payload } : { valid: true, revoked, payload });
} catch (e) {
  answer({ valid: false, problem: `${e.code ?? e.name}: ${e.message}` });
}
