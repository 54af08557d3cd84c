//! The customs data of a SKU that is checked against a standard: the HS
//! code (the Harmonized System heading, 6 digits worldwide and up to 10 in
//! national tariffs such as China's 10-digit codes) and the country of
//! origin (ISO 3166-1 alpha-2, looked up in `celes`' table).

use super::messages;
use crate::platform::errors::{UserErrorCode, UserErrors};

/// An HS code as written on invoices (`6109.10.00`, `6109 10`): dots and
/// spaces are dropped, then it must be 6 to 10 digits.
pub(super) fn hs_code(raw: &str, errors: &mut UserErrors) -> Option<String> {
    let code: String = raw.chars().filter(|c| *c != '.' && !c.is_whitespace()).collect();
    if !(6..=10).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        errors.push("hsCode", UserErrorCode::Invalid, messages::hs_code_format(raw.trim()));
        return None;
    }
    Some(code)
}

/// An ISO 3166-1 alpha-2 country code, in any case; stored upper case.
pub(super) fn country(raw: &str, errors: &mut UserErrors) -> Option<String> {
    let code = raw.trim();
    // `celes` also takes names and aliases; a code is two letters.
    let known = code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic());
    match celes::Country::from_alpha2(code) {
        Ok(country) if known => Some(country.alpha2.to_owned()),
        _ => {
            errors.push("originCountry", UserErrorCode::Invalid, messages::country_invalid(code));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok<T>(check: impl Fn(&mut UserErrors) -> Option<T>) -> Option<T> {
        let mut errors = UserErrors::default();
        let value = check(&mut errors);
        errors.finish().ok().and(value)
    }

    #[test]
    fn hs_codes_are_six_to_ten_digits_as_written_on_invoices() {
        assert_eq!(ok(|e| hs_code("6109.10", e)).as_deref(), Some("610910"));
        assert_eq!(ok(|e| hs_code(" 6109 10 00 00 ", e)).as_deref(), Some("6109100000"));
        for bad in ["61091", "61091000001", "6109.1a", "", "６１０９１０"] {
            assert_eq!(ok(|e| hs_code(bad, e)), None, "{bad:?}");
        }
    }

    #[test]
    fn countries_are_iso_alpha_2_codes_only() {
        assert_eq!(ok(|e| country("cn", e)).as_deref(), Some("CN"));
        assert_eq!(ok(|e| country(" US ", e)).as_deref(), Some("US"));
        for bad in ["ZZ", "USA", "China", "C", "", "U1"] {
            assert_eq!(ok(|e| country(bad, e)), None, "{bad:?}");
        }
    }
}
