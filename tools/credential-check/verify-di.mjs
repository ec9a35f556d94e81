// Verifies an Open Badges 3.0 credential with an embedded Data Integrity proof (eddsa-rdfc-2022) with Digital Bazaar's
// @digitalbazaar/vc, and its revocation status with @digitalbazaar/vc-bitstring-status-list (which verifies the status
// list credential's own proof too). Nothing is fetched: the documentLoader serves the service's bundled contexts and the
// documents the test hands over (the DID document, the status list). Input: { credential, documents: {url: doc}, now? }.
// Output: { valid, problem?, revoked? }.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022CryptoSuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { answer, readInput } from './lib.mjs';

const contextsFolder = new URL('../../src/Osaamismerkit/Credentials/LinkedData/Contexts/', import.meta.url);
const contextIndex = JSON.parse(readFileSync(new URL('index.json', contextsFolder), 'utf8'));
const MULTIKEY = 'https://w3id.org/security/multikey/v1';

const { credential, documents, now } = await readInput();

async function documentLoader(url) {
  if (contextIndex[url]) {
    const document = JSON.parse(readFileSync(fileURLToPath(new URL(contextIndex[url], contextsFolder)), 'utf8'));
    return { contextUrl: null, documentUrl: url, document };
  }
  const [base, fragment] = url.split('#');
  const document = documents[base];
  if (!document) throw new Error(`documentLoader: ${url} is neither a bundled context nor a given document`);
  if (fragment && base.startsWith('did:')) {
    // DID URL dereferencing: the verification method itself, in the Multikey context.
    const method = document.verificationMethod.find((m) => m.id === url);
    if (!method) throw new Error(`documentLoader: ${url} is not in the DID document`);
    return { contextUrl: null, documentUrl: url, document: { '@context': MULTIKEY, ...method } };
  }
  return { contextUrl: null, documentUrl: url, document };
}

const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022CryptoSuite });
try {
  const result = await vc.verifyCredential({
    credential,
    suite,
    documentLoader,
    checkStatus,
    now: now ? new Date(now) : undefined,
  });
  // vc reports the status check as "verified" when the list could be checked; whether the bit is set is its "status".
  const revoked = result.statusResult?.verified === true
    && (result.statusResult.results ?? [result.statusResult]).some((r) => r.status === true && r.credentialStatus?.statusPurpose !== 'suspension');
  if (result.verified && !revoked) {
    answer({ valid: true, revoked: false });
  } else if (result.verified) {
    answer({ valid: false, revoked: true, problem: 'revoked', statusResult: result.statusResult });
  } else {
    const problems = [result.error, ...(result.results ?? []).map((r) => r.error), result.statusResult?.error]
      .filter(Boolean).map((e) => e.errors ? e.errors.map((x) => x.message).join('; ') : e.message);
    answer({ valid: false, revoked, problem: problems.join(' | ') || 'not verified', statusResult: result.statusResult ?? null });
  }
} catch (e) {
  answer({ valid: false, problem: `${e.name}: ${e.message}` });
}
