// A holder's wallet, played by @openid4vc/openid4vci (OpenID4VCI 1.0, "V1" in the library): it takes a credential offer
// link, reads the issuer's metadata, trades the pre-authorized code for an access token, asks for a nonce, proves
// possession of a fresh P-256 key (jose) and collects the credential. Then it tries the same code once more.
//
// The service under test runs in-process in the NUnit test, so HTTP goes through a relay: each request is written to
// stdout as one JSON line {fetch:{url,method,headers,body}} and its response read back from stdin as
// {status,headers,body}. The library sees an ordinary fetch. The first stdin line is the input:
// { offerUri, now, secondUse? }. The last stdout line is the answer:
// { ok, credential?, holderDid?, tokenError?, credentialError?, secondUseError? }.
import { createInterface } from 'node:readline';
import { createHash, randomBytes } from 'node:crypto';
import { Openid4vciClient, setGlobalConfig } from '@openid4vc/openid4vci';
import { clientAuthenticationAnonymous } from '@openid4vc/oauth2';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const next = async () => JSON.parse((await lines.next()).value);
const input = await next();
// The test service answers at http://localhost; a real issuer is https, which the library insists on otherwise.
setGlobalConfig({ allowInsecureUrls: true });

async function relayFetch(url, init = {}) {
  const headers = Object.fromEntries(new Headers(init.headers ?? {}).entries());
  const body = init.body === undefined || init.body === null ? null : init.body.toString();
  process.stdout.write(JSON.stringify({ fetch: { url: url.toString(), method: init.method ?? 'GET', headers, body } }) + '\n');
  const reply = await next();
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}

const { publicKey, privateKey } = await generateKeyPair('ES256');
const publicJwk = await exportJWK(publicKey);
const client = new Openid4vciClient({
  callbacks: {
    fetch: relayFetch,
    hash: (data, alg) => createHash(alg.replace('-', '')).update(data).digest(),
    generateRandom: (length) => randomBytes(length),
    clientAuthentication: clientAuthenticationAnonymous(),
    signJwt: async (signer, { header, payload }) => ({
      jwt: await new SignJWT(payload).setProtectedHeader(header).sign(privateKey),
      signerJwk: signer.publicJwk,
    }),
  },
});

const describe = (e) => e?.errorResponse?.error ?? e?.credentialErrorResponseResult?.data?.error ?? `${e?.name}: ${e?.message}`;

const result = { ok: false };
try {
  const credentialOffer = await client.resolveCredentialOffer(input.offerUri);
  result.offer = credentialOffer;
  const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
  result.version = issuerMetadata.originalDraftVersion;
  let accessTokenResponse;
  try {
    ({ accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata }));
  } catch (e) {
    result.tokenError = describe(e);
    throw e;
  }
  const credentialConfigurationId = credentialOffer.credential_configuration_ids[0];
  const { c_nonce } = await client.requestNonce({ issuerMetadata });
  const { jwt } = await client.createCredentialRequestJwtProof({
    issuerMetadata,
    credentialConfigurationId,
    nonce: c_nonce,
    issuedAt: new Date(input.now),
    signer: { method: 'jwk', alg: 'ES256', publicJwk },
  });
  const response = await client.retrieveCredentials({
    issuerMetadata,
    accessToken: accessTokenResponse.access_token,
    credentialConfigurationId,
    proofs: { jwt: [jwt] },
  });
  if (!response.credentialResponse) {
    result.credentialError = describe(response);
    throw new Error('no credential');
  }
  result.credential = response.credentialResponse.credentials[0].credential;
  const { crv, kty, x, y } = publicJwk;
  result.holderDid = 'did:jwk:' + Buffer.from(JSON.stringify({ crv, kty, x, y })).toString('base64url');
  result.ok = true;
  try {
    await client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata });
    result.secondUseError = null;
  } catch (e) {
    result.secondUseError = describe(e);
  }
} catch (e) {
  result.problem ??= describe(e);
}
process.stdout.write(JSON.stringify({ answer: result }) + '\n');
process.exit(0);
