//! Fast lists: objects whose fields are plain data are resolved in one
//! pass over the selection set, with no future, extension hop or registry
//! lookup per field.
//!
//! async-graphql resolves every field of every object as a boxed future;
//! for a 50-row page with ten fields a row that was most of the CPU of the
//! request (docs/benchmarks.md). A type that also implements [`Plain`] is
//! listed as [`Fast<T>`]: the schema is the same (`Fast<T>` registers as
//! `T`), the values are the same (`tests/integration/platform/fast_lists.rs`
//! compares every field with the slow path), only the work differs.
//!
//! The walk follows GraphQL's rules for what the executor leaves to it:
//! aliases, `__typename`, inline fragments and fragment spreads whose type
//! condition is the object or an interface it implements, and merging of
//! fields selected twice. `@skip`/`@include` were applied before execution.

use std::borrow::Cow;

use async_graphql::parser::types::{Field, Selection as Item, SelectionSet};
use async_graphql::registry::Registry;
use async_graphql::{
    ContextSelectionSet, InputType, Name, OutputType, Positioned, QueryEnv, ScalarType, ServerResult, Value,
};
use chrono::{DateTime, Utc};

use super::enums::Enum;

type Map = async_graphql::indexmap::IndexMap<Name, Value>;

/// An object type whose fields can all be answered at once from data in hand.
pub trait Plain: OutputType {
    /// The interfaces it implements, for fragments on them.
    const INTERFACES: &'static [&'static str] = &[];

    /// The value of the field `name`; `selection` is what is selected under
    /// it (for object fields). `None` for a field it does not have, which
    /// validation has already ruled out.
    fn field(&self, name: &str, selection: Selection<'_>) -> Option<Value>;
}

/// What is selected under a field, and the fragments of the document.
#[derive(Clone, Copy)]
pub struct Selection<'a> {
    env: &'a QueryEnv,
    set: &'a SelectionSet,
}

impl<'a> Selection<'a> {
    /// The value of `object` under this selection.
    pub fn object<T: Plain>(self, object: &T) -> Value {
        let mut map = Map::new();
        collect(object, self, &mut map);
        Value::Object(map)
    }

    fn under(self, field: &'a Field) -> Self {
        Self { env: self.env, set: &field.selection_set.node }
    }
}

fn applies<T: Plain>(condition: &str) -> bool {
    condition == T::type_name() || T::INTERFACES.contains(&condition)
}

fn collect<T: Plain>(object: &T, selection: Selection<'_>, map: &mut Map) {
    for item in &selection.set.items {
        match &item.node {
            Item::Field(field) => {
                let field = &field.node;
                let value = match field.name.node.as_str() {
                    "__typename" => Value::String(T::type_name().into_owned()),
                    name => object.field(name, selection.under(field)).unwrap_or(Value::Null),
                };
                insert(map, field.response_key().node.clone(), value);
            }
            Item::FragmentSpread(spread) => {
                if let Some(fragment) = selection.env.fragments.get(&spread.node.fragment_name.node)
                    && applies::<T>(&fragment.node.type_condition.node.on.node)
                {
                    collect(object, Selection { env: selection.env, set: &fragment.node.selection_set.node }, map);
                }
            }
            Item::InlineFragment(inline) => {
                let condition = inline.node.type_condition.as_ref().map(|c| c.node.on.node.as_str());
                if condition.is_none_or(applies::<T>) {
                    collect(object, Selection { env: selection.env, set: &inline.node.selection_set.node }, map);
                }
            }
        }
    }
}

/// Adds a field to an object, merging the selections of a key seen before.
fn insert(map: &mut Map, key: Name, value: Value) {
    match (map.get_mut(&key), value) {
        (Some(Value::Object(old)), Value::Object(new)) => {
            for (key, value) in new {
                insert(old, key, value);
            }
        }
        (Some(_), _) => {}
        (None, value) => {
            map.insert(key, value);
        }
    }
}

/// A [`Plain`] object in a list: the same GraphQL type, resolved in one pass.
pub struct Fast<T>(pub T);

impl<T: Plain + Send + Sync> OutputType for Fast<T> {
    fn type_name() -> Cow<'static, str> {
        T::type_name()
    }

    fn create_type_info(registry: &mut Registry) -> String {
        T::create_type_info(registry)
    }

    async fn resolve(&self, ctx: &ContextSelectionSet<'_>, _: &Positioned<Field>) -> ServerResult<Value> {
        Ok(Selection { env: ctx.query_env, set: &ctx.item.node }.object(&self.0))
    }
}

/// A Rust value as the GraphQL value its output type would give.
pub trait PlainValue {
    fn plain(&self) -> Value;
}

impl PlainValue for str {
    fn plain(&self) -> Value {
        Value::String(self.to_owned())
    }
}

impl PlainValue for String {
    fn plain(&self) -> Value {
        Value::String(self.clone())
    }
}

impl PlainValue for i32 {
    fn plain(&self) -> Value {
        Value::from(*self)
    }
}

impl PlainValue for bool {
    fn plain(&self) -> Value {
        Value::Boolean(*self)
    }
}

impl PlainValue for DateTime<Utc> {
    fn plain(&self) -> Value {
        ScalarType::to_value(self)
    }
}

impl PlainValue for async_graphql::ID {
    fn plain(&self) -> Value {
        Value::String(self.0.clone())
    }
}

impl<T: domain::platform::text_enum::TextEnum> PlainValue for Enum<T> {
    fn plain(&self) -> Value {
        InputType::to_value(self)
    }
}

impl PlainValue for serde_json::Value {
    /// As the `JSON` scalar gives it.
    fn plain(&self) -> Value {
        async_graphql::to_value(self).unwrap_or(Value::Null)
    }
}

impl<T: PlainValue + ?Sized> PlainValue for &T {
    fn plain(&self) -> Value {
        (**self).plain()
    }
}

impl<T: PlainValue> PlainValue for Option<T> {
    fn plain(&self) -> Value {
        self.as_ref().map_or(Value::Null, PlainValue::plain)
    }
}
