//! The exported schema (`api/schema.graphql`, read by the portal's code
//! generator and by partners) matches the server's.

#[test]
fn exported_schema_has_not_drifted() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../api/schema.graphql");
    let exported = std::fs::read_to_string(&path).expect("api/schema.graphql exists");
    assert!(
        exported == api::graphql::sdl(),
        "api/schema.graphql is out of date: run `silkport schema > api/schema.graphql`"
    );
}

/// The introspection query GraphiQL and graphql-js send (`getIntrospectionQuery()`).
const INTROSPECTION: &str = "query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType {
  kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }";

#[tokio::test]
async fn graphiql_can_read_the_schema_under_the_default_limits() {
    let app = silkport_tests::TestApp::spawn().await;
    let answer = app.gql(None, INTROSPECTION, serde_json::json!({})).await;
    assert!(answer["errors"].is_null(), "{answer}");
    let types = answer["data"]["__schema"]["types"].as_array().map(Vec::len).unwrap_or_default();
    assert!(types > 50, "the schema's types are listed: {types}");
}
