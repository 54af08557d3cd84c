// graphql-js's standard introspection query, as GraphiQL, codegen and
// schema tools send it, passes the server's default limits, and the schema
// it returns builds in graphql-js; the limits still refuse what they are
// for (a deep data query is covered by the Rust tests, the circular
// introspection that multiplies the schema by itself here).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';

const base = process.env.SILKPORT_URL;
if (!base) throw new Error('set SILKPORT_URL to a running Silkport server, e.g. http://127.0.0.1:8080');

async function post(query, accept = 'application/graphql-response+json, application/json;q=0.9') {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
}

const OPTIONS = {
  'default options': undefined,
  'every option': {
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
  },
};

describe('graphql-js getIntrospectionQuery', () => {
  for (const [name, options] of Object.entries(OPTIONS)) {
    test(`with ${name} it passes the default limits and builds a schema`, async () => {
      const { status, body } = await post(getIntrospectionQuery(options));
      assert.equal(status, 200, JSON.stringify(body.errors));
      assert.equal(body.errors, undefined);
      const schema = buildClientSchema(body.data);
      assert.ok(schema.getQueryType().getFields().viewer, 'the query root has `viewer`');
      assert.match(printSchema(schema), /enum Scope \{/);
    });
  }

  test('circular introspection is refused with one coded error', async () => {
    const query = '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }';
    const { status, body } = await post(query);
    assert.equal(status, 400);
    assert.equal(body.data, undefined);
    assert.equal(body.errors.length, 1);
    assert.equal(body.errors[0].extensions.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.match(body.errors[0].message, /Introspection is nested too deep/);
  });
});
