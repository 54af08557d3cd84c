//! Domain enums shown as GraphQL enums without a hand-written copy: any
//! [`TextEnum`] becomes `enum <Name> { SCREAMING_SNAKE_CASE values }`,
//! named and described as the domain declares it.

use std::borrow::Cow;

use async_graphql::parser::types::Field;
use async_graphql::registry::{Deprecation, MetaEnumValue, MetaType, MetaTypeId, Registry};
use async_graphql::{
    ContextSelectionSet, InputType, InputValueError, InputValueResult, Name, OutputType, Positioned, ServerResult,
    Value,
};
use domain::platform::text_enum::TextEnum;

/// A domain enum as a GraphQL enum. `Enum(Role::StoreStaff)` is `STORE_STAFF`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Enum<T>(pub T);

impl<T> Enum<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> From<T> for Enum<T> {
    fn from(value: T) -> Self {
        Self(value)
    }
}

/// `StoreStaff` → `STORE_STAFF`, `Gtin13` → `GTIN_13`.
fn value_name(variant: &str) -> String {
    let mut name = String::with_capacity(variant.len() + 4);
    let mut previous: Option<char> = None;
    for c in variant.chars() {
        let starts_word = c.is_uppercase() || (c.is_ascii_digit() && !previous.is_some_and(|p| p.is_ascii_digit()));
        if starts_word && previous.is_some() {
            name.push('_');
        }
        name.push(c.to_ascii_uppercase());
        previous = Some(c);
    }
    name
}

fn description(doc: &str) -> Option<String> {
    let text = doc.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

fn create_type_info<T: TextEnum>(registry: &mut Registry, input: bool) -> String {
    let meta = |_: &mut Registry| MetaType::Enum {
        name: T::NAME.to_owned(),
        description: description(T::DESCRIPTION),
        enum_values: T::ALL
            .iter()
            .map(|v| {
                let name = value_name(v.variant_name());
                let value = MetaEnumValue {
                    name: name.clone(),
                    description: None,
                    deprecation: Deprecation::NoDeprecated,
                    visible: None,
                    inaccessible: false,
                    tags: Vec::new(),
                    directive_invocations: Vec::new(),
                };
                (name, value)
            })
            .collect(),
        visible: None,
        inaccessible: false,
        tags: Vec::new(),
        rust_typename: Some(std::any::type_name::<Enum<T>>()),
        directive_invocations: Vec::new(),
        requires_scopes: Vec::new(),
    };
    if input {
        registry.create_input_type::<Enum<T>, _>(MetaTypeId::Enum, meta)
    } else {
        registry.create_output_type::<Enum<T>, _>(MetaTypeId::Enum, meta)
    }
}

fn to_value<T: TextEnum>(value: T) -> Value {
    Value::Enum(Name::new(value_name(value.variant_name())))
}

impl<T: TextEnum> InputType for Enum<T> {
    type RawValueType = Self;

    fn type_name() -> Cow<'static, str> {
        Cow::Borrowed(T::NAME)
    }

    fn create_type_info(registry: &mut Registry) -> String {
        create_type_info::<T>(registry, true)
    }

    fn parse(value: Option<Value>) -> InputValueResult<Self> {
        let value = value.unwrap_or_default();
        let text = match &value {
            Value::Enum(name) => name.as_str(),
            Value::String(text) => text.as_str(),
            _ => return Err(InputValueError::expected_type(value)),
        };
        T::ALL.iter().copied().find(|v| value_name(v.variant_name()) == text).map(Enum).ok_or_else(|| {
            InputValueError::custom(format_args!(r#"Enumeration type does not contain value "{text}"."#))
        })
    }

    fn to_value(&self) -> Value {
        to_value(self.0)
    }

    fn as_raw_value(&self) -> Option<&Self::RawValueType> {
        Some(self)
    }
}

impl<T: TextEnum> OutputType for Enum<T> {
    fn type_name() -> Cow<'static, str> {
        Cow::Borrowed(T::NAME)
    }

    fn create_type_info(registry: &mut Registry) -> String {
        create_type_info::<T>(registry, false)
    }

    async fn resolve(&self, _: &ContextSelectionSet<'_>, _: &Positioned<Field>) -> ServerResult<Value> {
        Ok(to_value(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_names_become_screaming_snake_case() {
        assert_eq!(value_name("StoreStaff"), "STORE_STAFF");
        assert_eq!(value_name("ZhCn"), "ZH_CN");
        assert_eq!(value_name("Owner"), "OWNER");
        assert_eq!(value_name("Gtin13"), "GTIN_13");
    }

    #[test]
    fn values_parse_from_their_graphql_names_only() {
        use domain::platform::access::Role;
        let parsed = <Enum<Role> as InputType>::parse(Some(Value::Enum(Name::new("STORE_STAFF"))));
        assert_eq!(parsed.ok(), Some(Enum(Role::StoreStaff)));
        assert!(<Enum<Role> as InputType>::parse(Some(Value::Enum(Name::new("store_staff")))).is_err());
        assert_eq!(InputType::to_value(&Enum(Role::Owner)), Value::Enum(Name::new("OWNER")));
    }
}
