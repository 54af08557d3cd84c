//! The names people and tenants go by.

use super::messages;
use crate::platform::errors::{UserErrorCode, UserErrors};

/// Longest name, in characters.
const MAX_CHARS: usize = 120;

/// A name trimmed of surrounding space: 1 to 120 characters, else
/// `INVALID` on `field` (recorded in `errors`).
pub(crate) fn parse(field: &str, raw: &str, errors: &mut UserErrors) -> String {
    let name = raw.trim();
    if name.is_empty() || name.chars().count() > MAX_CHARS {
        errors.push(field, UserErrorCode::Invalid, messages::name_length(MAX_CHARS as i64));
    }
    name.to_owned()
}
