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
