//! The server's schema as a document, for tests that must cover every
//! operation it has.

use async_graphql::parser::types::{TypeKind, TypeSystemDefinition};

/// The field names of the root type of `operation` (`query`, `mutation`
/// or `subscription`), whatever the root type is called.
pub fn root_fields(operation: &str) -> Vec<String> {
    let document = async_graphql::parser::parse_schema(api::graphql::sdl()).expect("the schema parses");
    let root = document
        .definitions
        .iter()
        .find_map(|d| match d {
            TypeSystemDefinition::Schema(schema) => match operation {
                "query" => schema.node.query.as_ref(),
                "mutation" => schema.node.mutation.as_ref(),
                _ => schema.node.subscription.as_ref(),
            }
            .map(|name| name.node.to_string()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("the schema has a {operation} root"));
    document
        .definitions
        .into_iter()
        .filter_map(|d| match d {
            TypeSystemDefinition::Type(t) if t.node.name.node == root => match t.node.kind {
                TypeKind::Object(o) => {
                    Some(o.fields.into_iter().map(|f| f.node.name.node.to_string()).collect::<Vec<_>>())
                }
                _ => None,
            },
            _ => None,
        })
        .flatten()
        .collect()
}

/// A selection of every field of object `type_name` with no required
/// arguments, descending into object fields (to `depth` levels).
pub fn all_fields(type_name: &str, depth: usize) -> String {
    use async_graphql::parser::types::{BaseType, Type};
    let document = async_graphql::parser::parse_schema(api::graphql::sdl()).expect("the schema parses");
    let objects: std::collections::HashMap<String, Vec<(String, String, bool)>> = document
        .definitions
        .iter()
        .filter_map(|d| match d {
            TypeSystemDefinition::Type(t) => match &t.node.kind {
                TypeKind::Object(o) => Some((
                    t.node.name.node.to_string(),
                    o.fields
                        .iter()
                        .map(|f| {
                            fn base(ty: &Type) -> String {
                                match &ty.base {
                                    BaseType::Named(name) => name.to_string(),
                                    BaseType::List(inner) => base(inner),
                                }
                            }
                            let required_args = f
                                .node
                                .arguments
                                .iter()
                                .any(|a| !a.node.ty.node.nullable && a.node.default_value.is_none());
                            (f.node.name.node.to_string(), base(&f.node.ty.node), required_args)
                        })
                        .collect(),
                )),
                _ => None,
            },
            _ => None,
        })
        .collect();
    fn select(
        objects: &std::collections::HashMap<String, Vec<(String, String, bool)>>,
        ty: &str,
        depth: usize,
    ) -> String {
        let fields = &objects[ty];
        let parts: Vec<String> = fields
            .iter()
            .filter(|(_, _, required)| !required)
            .filter_map(|(name, returns, _)| match objects.contains_key(returns) {
                false => Some(name.clone()),
                true if depth > 0 => Some(format!("{name} {}", select(objects, returns, depth - 1))),
                true => None,
            })
            .collect();
        format!("{{ {} }}", parts.join(" "))
    }
    select(&objects, type_name, depth)
}
