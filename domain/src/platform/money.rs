//! Money (DESIGN.md §5): an exact amount (a decimal, never a float) in an
//! ISO 4217 currency, with no more decimal places than the currency's
//! minor unit (2 for USD, 0 for JPY, 3 for KWD). The API shows it as
//! `{ amount: "12.50", currencyCode: "USD" }`.
//!
//! The currency table is `iso_currency`'s and the arithmetic is
//! `rust_decimal`'s: neither is a rule of ours.

use std::str::FromStr;

use iso_currency::Currency;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::errors::{DomainError, DomainResult, UserErrorCode, UserErrors};
use super::messages;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Written", into = "Written")]
pub struct Money {
    /// Scaled to the currency's minor unit: `12.50` for USD, `1200` for JPY.
    pub amount: Decimal,
    pub currency: Currency,
}

/// Money as a caller wrote it (`{ amount: "12.5", currencyCode: "usd" }`),
/// before [`MoneyInput::parse`] checks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MoneyInput {
    pub amount: String,
    pub currency_code: String,
}

impl MoneyInput {
    /// See [`Money::parse`].
    pub fn parse(&self, field: &str, errors: &mut UserErrors) -> Option<Money> {
        Money::parse(field, &self.amount, &self.currency_code, errors)
    }
}

/// Money as it is stored and exchanged: two strings.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Written {
    amount: String,
    currency_code: String,
}

impl From<Money> for Written {
    fn from(money: Money) -> Self {
        Self { amount: money.amount_text(), currency_code: money.currency_code().to_owned() }
    }
}

impl TryFrom<Written> for Money {
    type Error = DomainError;

    fn try_from(written: Written) -> DomainResult<Self> {
        Money::stored(&written.amount, &written.currency_code)
    }
}

impl Money {
    /// `12.50`: the amount with the currency's minor-unit digits.
    pub fn amount_text(&self) -> String {
        self.amount.to_string()
    }

    /// `USD`.
    pub fn currency_code(&self) -> &'static str {
        self.currency.code()
    }

    /// The amount and currency as a caller wrote them (`"12.5"`, `"usd"`),
    /// checked: a decimal number (digits and at most one point), not
    /// negative, with at most the currency's minor-unit digits once
    /// trailing zeros are dropped. Faults are recorded under `field`
    /// (`declaredValue.amount`, `declaredValue.currencyCode`).
    pub fn parse(field: &str, amount: &str, currency: &str, errors: &mut UserErrors) -> Option<Money> {
        let code = currency.trim().to_uppercase();
        let currency = match Currency::from_str(&code) {
            Ok(currency) => Some(currency),
            Err(_) => {
                errors.push_at(&[field, "currencyCode"], UserErrorCode::Invalid, messages::currency_invalid(&code));
                None
            }
        };
        // Funds, precious metals and testing codes have no minor unit: not a price.
        let digits = match currency.map(|c| c.exponent()) {
            Some(Some(digits)) => Some(u32::from(digits)),
            Some(None) => {
                errors.push_at(
                    &[field, "currencyCode"],
                    UserErrorCode::Invalid,
                    messages::currency_not_for_prices(&code),
                );
                None
            }
            None => None,
        };
        let amount = match parse_amount(amount.trim()) {
            Ok(amount) if amount.is_sign_negative() && !amount.is_zero() => {
                errors.push_at(&[field, "amount"], UserErrorCode::Invalid, messages::amount_negative());
                return None;
            }
            Ok(amount) => amount.abs(),
            Err(()) => {
                errors.push_at(&[field, "amount"], UserErrorCode::Invalid, messages::amount_invalid(amount.trim()));
                return None;
            }
        };
        let (currency, digits) = (currency?, digits?);
        if amount.normalize().scale() > digits {
            let message = messages::amount_too_many_decimals(&code, i64::from(digits));
            errors.push_at(&[field, "amount"], UserErrorCode::Invalid, message);
            return None;
        }
        let mut amount = amount;
        amount.rescale(digits);
        Some(Money { amount, currency })
    }

    /// A value written by [`Money::parse`], read back.
    pub fn stored(amount: &str, currency: &str) -> DomainResult<Money> {
        let currency =
            Currency::from_str(currency).map_err(|_| DomainError::internal(format!("currency {currency}")))?;
        let amount = Decimal::from_str(amount).map_err(|e| DomainError::internal(format!("amount {amount}: {e}")))?;
        Ok(Money { amount, currency })
    }
}

/// Digits with at most one decimal point and an optional leading minus;
/// nothing else (no exponent, sign `+`, separators or spaces), so what is
/// stored is what was meant.
fn parse_amount(text: &str) -> Result<Decimal, ()> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let plain = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !plain(whole) || !plain(fraction) {
        return Err(());
    }
    Decimal::from_str(text).map_err(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(amount: &str, currency: &str) -> Result<Money, Vec<String>> {
        let mut errors = UserErrors::default();
        let money = Money::parse("price", amount, currency, &mut errors);
        match errors.finish() {
            Ok(()) => Ok(money.expect("a value when no fault")),
            Err(DomainError::User(faults)) => Err(faults.into_iter().map(|f| f.field.join(".")).collect()),
            Err(other) => panic!("{other}"),
        }
    }

    #[test]
    fn amounts_are_scaled_to_the_currency_minor_unit() {
        assert_eq!(parse("12.5", "usd").map(|m| m.amount_text()), Ok("12.50".into()));
        assert_eq!(parse("1200", "JPY").map(|m| m.amount_text()), Ok("1200".into()));
        assert_eq!(parse("1.230", "USD").map(|m| m.amount_text()), Ok("1.23".into()), "trailing zeros are not digits");
        assert_eq!(parse("0.125", "KWD").map(|m| m.amount_text()), Ok("0.125".into()));
        assert_eq!(parse("-0", "CNY").map(|m| m.amount_text()), Ok("0.00".into()));
    }

    #[test]
    fn faults_name_the_part_at_fault() {
        let amount = Err(vec!["input.price.amount".to_owned()]);
        assert_eq!(parse("12.345", "USD"), amount);
        assert_eq!(parse("1.5", "JPY"), amount);
        assert_eq!(parse("-1", "USD"), amount);
        for bad in ["", "1e3", "+1", "1,000", "1_000", ".5", "5.", "1.2.3", "NaN", "１２"] {
            assert_eq!(parse(bad, "USD"), amount, "{bad:?}");
        }
        assert_eq!(parse("1", "ABC"), Err(vec!["input.price.currencyCode".to_owned()]));
        assert_eq!(parse("1", "XAU"), Err(vec!["input.price.currencyCode".to_owned()]));
        assert_eq!(parse("x", "ABC").map_err(|f| f.len()), Err(2), "both faults at once");
    }

    #[test]
    fn money_round_trips_as_two_strings() {
        let money = parse("7", "EUR").expect("money");
        let json = serde_json::to_value(money).expect("json");
        assert_eq!(json, serde_json::json!({"amount": "7.00", "currencyCode": "EUR"}));
        assert_eq!(serde_json::from_value::<Money>(json).expect("back"), money);
    }
}
