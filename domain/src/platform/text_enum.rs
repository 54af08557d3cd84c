//! Enums stored and exchanged as fixed strings (roles, scopes, states).
//!
//! Every such enum implements [`TextEnum`], which is all the API edge
//! needs to show it as a GraphQL enum without a hand-written copy.

/// A closed set of values with a stored text and a Rust variant name.
pub trait TextEnum: Copy + Eq + Send + Sync + 'static {
    /// The type's name, as the API shows it (`Role`, `JobState`).
    const NAME: &'static str;
    /// The type's doc comment.
    const DESCRIPTION: &'static str;
    /// Every value, in declaration order.
    const ALL: &'static [Self];

    /// The stored and exchanged text (`store_staff`, `tenant:read`).
    fn as_str(self) -> &'static str;

    /// The Rust variant name (`StoreStaff`), from which the API derives
    /// its `SCREAMING_SNAKE_CASE` value names.
    fn variant_name(self) -> &'static str;

    fn parse(text: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == text)
    }
}

macro_rules! string_enum {
    ($(#[doc = $doc:literal])* $name:ident { $($variant:ident = $text:literal),* $(,)? }) => {
        string_enum!(@define [$($doc)*] $name, stringify!($name), { $($variant = $text),* });
    };
    // The API shows the type under another name than Rust's.
    ($(#[doc = $doc:literal])* $name:ident as $api_name:literal { $($variant:ident = $text:literal),* $(,)? }) => {
        string_enum!(@define [$($doc)*] $name, $api_name, { $($variant = $text),* });
    };
    (@define [$($doc:literal)*] $name:ident, $api_name:expr, { $($variant:ident = $text:literal),* }) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }

            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)* _ => None }
            }
        }

        impl $crate::platform::text_enum::TextEnum for $name {
            const NAME: &'static str = $api_name;
            const DESCRIPTION: &'static str = concat!($($doc, "\n"),*);
            const ALL: &'static [Self] = $name::ALL;

            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }

            fn variant_name(self) -> &'static str {
                match self { $($name::$variant => stringify!($variant)),* }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                $name::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("unknown {} `{text}`", stringify!($name))))
            }
        }
    };
}

pub(crate) use string_enum;
