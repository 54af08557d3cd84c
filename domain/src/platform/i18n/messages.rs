//! `messages!`: how a context names the catalogue messages its code uses.
//!
//! ```ignore
//! messages! {
//!     /// "This person is already a member."
//!     already_member = "identity-already-member";
//!     /// "Too many failed attempts; try again in … minutes …"
//!     locked(minutes: i64) = "identity-locked";
//! }
//! ```
//!
//! declares `pub fn already_member() -> Message` and
//! `pub fn locked(minutes: i64) -> Message`, and a unit test that
//! fails unless every language's catalogue has each id with exactly
//! those arguments.

macro_rules! messages {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident $(( $($arg:ident : $ty:ty),* $(,)? ))? = $id:literal;
    )*) => {
        $(
            $(#[doc = $doc])*
            pub fn $name($($($arg: $ty),*)?) -> $crate::platform::i18n::Message {
                $crate::platform::i18n::Message::new($id) $($(.arg(stringify!($arg), $arg))*)?
            }
        )*

        #[cfg(test)]
        #[test]
        fn every_message_is_in_every_catalogue_with_its_arguments() {
            $crate::platform::i18n::check_declared(&[
                $(($id, &[$($(stringify!($arg)),*)?])),*
            ]);
        }
    };
}

pub(crate) use messages;
