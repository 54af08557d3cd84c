//! Names in two languages (a product's title, a SKU's name): Chinese for
//! the merchant and the warehouse floor, English for customs and the
//! destination market. Goods often arrive with only one of them, so one
//! is enough, but never neither.

use serde::{Deserialize, Serialize};

use super::messages;
use crate::platform::errors::{UserErrorCode, UserErrors};

/// Most characters of a name in one language.
pub const MAX_NAME: usize = 255;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    /// Simplified Chinese (zh-CN).
    pub zh: Option<String>,
    /// English.
    pub en: Option<String>,
}

/// One language's name as given: trimmed, empty is none.
fn one(field: &str, raw: Option<&str>, errors: &mut UserErrors) -> Option<String> {
    let text = raw.map(str::trim).filter(|t| !t.is_empty())?;
    if text.chars().count() > MAX_NAME {
        errors.push(field, UserErrorCode::Invalid, messages::too_long(MAX_NAME));
    }
    Some(text.to_owned())
}

impl Names {
    /// Checks the names given in fields `<field>Zh` and `<field>En`
    /// (`titleZh`, `nameEn`): at most [`MAX_NAME`] characters each and at
    /// least one of them; a fault is reported on the English field.
    pub(super) fn parse(field: &str, zh: Option<&str>, en: Option<&str>, errors: &mut UserErrors) -> Names {
        let (zh_field, en_field) = (format!("{field}Zh"), format!("{field}En"));
        let names = Names { zh: one(&zh_field, zh, errors), en: one(&en_field, en, errors) };
        names.require(field, errors);
        names
    }

    /// These names with the changes of an update applied: `None` keeps a
    /// name, `Some("")` removes it (one must remain).
    pub(super) fn changed(&self, field: &str, zh: Option<&str>, en: Option<&str>, errors: &mut UserErrors) -> Names {
        let (zh_field, en_field) = (format!("{field}Zh"), format!("{field}En"));
        let names = Names {
            zh: if zh.is_some() { one(&zh_field, zh, errors) } else { self.zh.clone() },
            en: if en.is_some() { one(&en_field, en, errors) } else { self.en.clone() },
        };
        names.require(field, errors);
        names
    }

    fn require(&self, field: &str, errors: &mut UserErrors) {
        if self.zh.is_none() && self.en.is_none() {
            errors.push(&format!("{field}En"), UserErrorCode::Invalid, messages::name_missing());
        }
    }
}
