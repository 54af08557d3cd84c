// GraphiQL for the Silkport API, bundled by Vite as its own page (`graphiql.html`): no CDN,
// no external fonts (graphiql's CSS inlines them), nothing shared with the portal's code.
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_HEADERS, DEFAULT_QUERY, subscriptionUrl, typedHeaders } from './headers';
import './page.css';

// Queries and mutations: POST /graphql with the headers from the editor. Subscriptions:
// graphql-ws at /graphql/ws; the toolkit passes the same headers as the connection_init
// payload, where the server reads `authorization` (browsers cannot set WebSocket headers).
const toolkitFetcher = createGraphiQLFetcher({
  url: '/graphql',
  subscriptionUrl: subscriptionUrl(window.location),
});

const fetcher: Fetcher = (params, opts) =>
  toolkitFetcher(params, opts && { ...opts, headers: typedHeaders(opts.headers) });

const root = document.getElementById('graphiql');
if (!root) throw new Error('#graphiql missing from graphiql.html');

createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={DEFAULT_QUERY}
      defaultHeaders={DEFAULT_HEADERS}
      isHeadersEditorEnabled
      defaultEditorToolsVisibility="headers"
    />
  </StrictMode>,
);
