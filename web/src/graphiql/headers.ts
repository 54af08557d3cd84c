/** What the headers editor starts with: where the access token goes. */
export const TOKEN_PLACEHOLDER = '<access token>';

export const DEFAULT_HEADERS = JSON.stringify({ authorization: `Bearer ${TOKEN_PLACEHOLDER}` }, null, 2);

export const DEFAULT_QUERY = `# Silkport GraphQL API.
#
# Get an access token with the mutation below, then replace ${TOKEN_PLACEHOLDER} in the
# Headers tab with it. The same header signs subscriptions (sent in connection_init).
#
# mutation SignIn {
#   sessionCreate(input: { email: "you@example.com", password: "…", tenantSlug: "your-tenant" }) {
#     accessToken
#     expiresAt
#     userErrors { field message }
#   }
# }

query Viewer {
  viewer {
    role
    user { name email }
    tenant { slug name modules }
  }
}
`;

/** The graphql-ws endpoint on this origin: `ws:`/`wss:` + host + `/graphql/ws`. */
export function subscriptionUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql/ws`;
}

/**
 * The headers the user typed, minus any still holding the placeholder: an untouched
 * `Bearer <access token>` would make the server reject even anonymous requests
 * (such as the schema introspection GraphiQL runs on load).
 */
export function typedHeaders(headers: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!headers) return headers;
  return Object.fromEntries(
    Object.entries(headers).filter(([, value]) => !(typeof value === 'string' && value.includes(TOKEN_PLACEHOLDER))),
  );
}
