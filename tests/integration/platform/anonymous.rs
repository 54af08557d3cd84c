//! Without a valid token, every query root field answers UNAUTHENTICATED:
//! none answers null or an empty list as if the caller had asked about an
//! empty tenant. The fields are read from the schema, so a new root field
//! is checked as soon as it exists.

use serde_json::{Value, json};
use silkport_tests::TestApp;

/// A value for a required argument of named type `type_name`; `variant`
/// 1 gives an id that is no global id (a resolver may stop early there).
fn argument(type_name: &str, kind: &str, enum_values: &[Value], variant: usize) -> String {
    match (type_name, kind) {
        ("ID", _) if variant == 1 => "\"not-a-global-id\"".into(),
        ("ID", _) => "\"gid://silkport/Tenant/0196b6c2-0000-7000-8000-000000000000\"".into(),
        ("String", _) => "\"x\"".into(),
        ("Int", _) => "1".into(),
        ("Boolean", _) => "true".into(),
        (_, "ENUM") => enum_values[0]["name"].as_str().expect("an enum value").to_owned(),
        _ => panic!("extend this test: a root field takes a required `{type_name}` argument"),
    }
}

/// Unwraps NON_NULL and LIST to the named type.
fn named(ty: &Value) -> &Value {
    if ty["ofType"].is_null() { ty } else { named(&ty["ofType"]) }
}

const ROOT: &str = "{ __schema { queryType { fields { name
    args { name defaultValue type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
    type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }";

/// `{ field(required arguments) { __typename } }` for a root field.
fn query_of(field: &Value, types: &[Value], variant: usize) -> String {
    let name = field["name"].as_str().expect("name");
    let args: Vec<String> = field["args"]
        .as_array()
        .expect("args")
        .iter()
        .filter(|a| a["type"]["kind"] == "NON_NULL" && a["defaultValue"].is_null())
        .map(|a| {
            let ty = named(&a["type"]);
            let type_name = ty["name"].as_str().expect("a named type");
            let info = types.iter().find(|t| t["name"] == type_name).expect("a known type");
            let values = info["enumValues"].as_array().cloned().unwrap_or_default();
            let kind = ty["kind"].as_str().unwrap_or_default();
            format!("{}: {}", a["name"].as_str().expect("argument name"), argument(type_name, kind, &values, variant))
        })
        .collect();
    let args = if args.is_empty() { String::new() } else { format!("({})", args.join(", ")) };
    let leaf = matches!(named(&field["type"])["kind"].as_str(), Some("SCALAR" | "ENUM"));
    let selection = if leaf { "" } else { "{ __typename }" };
    format!("{{ {name}{args} {selection} }}")
}

#[tokio::test]
async fn every_query_root_field_requires_a_token() {
    let app = TestApp::spawn().await;
    let schema = app.gql(None, ROOT, json!({})).await;
    let fields = schema["data"]["__schema"]["queryType"]["fields"].as_array().expect("root fields").clone();
    assert!(fields.len() >= 10, "{schema}");
    let kinds = app.gql(None, "{ __schema { types { name kind enumValues { name } } } }", json!({})).await;
    let types = kinds["data"]["__schema"]["types"].as_array().expect("types").clone();

    for field in &fields {
        let name = field["name"].as_str().expect("name");
        for variant in [0, 1] {
            let query = query_of(field, &types, variant);
            for token in [None, Some("not-a-token")] {
                let answer = app.gql(token, &query, json!({})).await;
                let code = &answer["errors"][0]["extensions"]["code"];
                assert_eq!(code, "UNAUTHENTICATED", "`{query}` with token {token:?}: {answer}");
                let data = answer["data"].get(name).cloned().unwrap_or(Value::Null);
                assert!(data.is_null(), "`{name}` answers nothing: {answer}");
            }
        }
    }
}
