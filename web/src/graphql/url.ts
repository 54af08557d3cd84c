/** Same-origin endpoint: the Rust server in production, Vite's proxy in development. */
export const GRAPHQL_URL = '/graphql';
