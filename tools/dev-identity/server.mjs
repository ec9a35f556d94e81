// A certified OpenID Connect provider (panva/oidc-provider) with a few test staff users, for local
// development and the sign-in tests. Sign in with the user name alone; any password is accepted.
import Provider from 'oidc-provider';

if ((process.env.NODE_ENV ?? 'development') !== 'development') {
  console.error('The development identity provider refuses to run outside NODE_ENV=development.');
  process.exit(1);
}

const port = Number(process.env.PORT ?? 5081);
const issuer = process.env.ISSUER ?? `http://127.0.0.1:${port}`;
const appUrls = (process.env.APP_URLS ?? 'http://localhost:5080').split(',').map((u) => u.trim().replace(/\/$/, ''));

export const users = {
  ohjaaja: { name: 'Olli Ohjaaja', jobTitle: 'Työvalmentaja', roles: ['Instructor'] },
  ohjaaja2: { name: 'Outi Ohjaaja', jobTitle: 'Ohjaaja', roles: ['Instructor'] },
  hanke: { name: 'Hanna Hanketyöntekijä', jobTitle: 'Projektisuunnittelija', roles: ['ProjectStaff'] },
  admin: { name: 'Aaro Admin', jobTitle: 'Pääkäyttäjä', roles: ['Admin'] },
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.CLIENT_ID ?? 'osaamismerkit-dev',
      client_secret: process.env.CLIENT_SECRET ?? 'osaamismerkit-dev-secret',
      redirect_uris: appUrls.map((u) => `${u}/signin-oidc`),
      post_logout_redirect_uris: appUrls.map((u) => `${u}/signout-callback-oidc`),
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  pkce: { methods: ['S256'], required: () => true },
  scopes: ['openid', 'profile', 'roles'],
  claims: { openid: ['sub'], profile: ['name', 'jobTitle'], roles: ['roles'] },
  // The staff service reads name and roles from the ID token, as it does with Entra ID.
  conformIdTokenClaims: false,
  findAccount: async (ctx, id) => {
    const user = users[id];
    if (!user) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...user }) };
  },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      // Sign-out ends the provider session without a second question, like a shared workshop tablet needs.
      logoutSource: async (ctx, form) => {
        ctx.body = `<!DOCTYPE html><title>Signing out</title><body>${form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>')}<script>document.forms[0].submit()</script></body>`;
      },
    },
  },
  cookies: { keys: ['osaamismerkit-dev-identity'] },
  loadExistingGrant: async (ctx) => {
    // Staff sign-in needs no consent screen: grant what the client asked for.
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile roles');
    await grant.save();
    return grant;
  },
});
provider.proxy = false;

provider.listen(port, '127.0.0.1', () => {
  console.log(`dev identity provider listening on ${issuer} for ${appUrls.join(', ')}`);
});
