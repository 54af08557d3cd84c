// graphql-http's audit suite for the GraphQL over HTTP specification
// (https://graphql.github.io/graphql-over-http/draft/), every audit against
// the server at $SILKPORT_URL. Each audit is a test: a failing MUST or SHOULD
// fails the run, and so does a failing MAY, since the server passes them all.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { serverAudits } from 'graphql-http';

const base = process.env.SILKPORT_URL;
if (!base) throw new Error('set SILKPORT_URL to a running Silkport server, e.g. http://127.0.0.1:8080');

const counts = { MUST: [0, 0], SHOULD: [0, 0], MAY: [0, 0] };

describe('graphql-http server audits', () => {
  for (const audit of serverAudits({ url: `${base}/graphql` })) {
    const level = audit.name.split(' ')[0];
    test(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      counts[level][1] += 1;
      if (result.status === 'ok') {
        counts[level][0] += 1;
        return;
      }
      const body = await result.response.text().catch(() => '');
      assert.fail(`${result.reason} (status ${result.response.status}): ${body.slice(0, 500)}`);
    });
  }

  after(() => {
    const line = Object.entries(counts)
      .map(([level, [ok, all]]) => `${level} ${ok}/${all}`)
      .join(', ');
    console.log(`graphql-http audit: ${line}`);
  });
});
