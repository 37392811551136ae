/** Your values: the OAuth client (Code Authorization with PKCE) and the Mend service. See docs/hosts/genesys.md. */
export const config = {
  /** Admin > Integrations > OAuth: a "Code Authorization" client whose redirect URI is this page. */
  clientId: 'YOUR-OAUTH-CLIENT-ID',
  /** The Mend service (fund, policy, taxonomy, recurrence). */
  serviceUrl: 'https://mend.example.com',
  /** ISO 4217 currency of the agents' funds. */
  currency: 'USD',
};
