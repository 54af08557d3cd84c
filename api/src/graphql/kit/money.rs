//! Money in the API (DESIGN.md §5), as the big commerce APIs show it:
//! `{ amount: "12.50", currencyCode: "USD" }`, the amount a decimal string
//! with the currency's minor-unit digits, never a float.

use async_graphql::{InputObject, SimpleObject, Value};
use domain::platform::money;

use super::plain::{Plain, PlainValue, Selection};

/// An amount of money in a currency.
#[derive(SimpleObject, Clone)]
pub struct Money {
    /// Decimal number as a string, with the currency's minor-unit digits
    /// (`"12.50"` for USD, `"1200"` for JPY).
    amount: String,
    /// ISO 4217 code, e.g. `USD`.
    currency_code: String,
}

impl From<money::Money> for Money {
    fn from(money: money::Money) -> Self {
        Self { amount: money.amount_text(), currency_code: money.currency_code().to_owned() }
    }
}

impl Plain for Money {
    fn field(&self, name: &str, _: Selection<'_>) -> Option<Value> {
        Some(match name {
            "amount" => self.amount.plain(),
            "currencyCode" => self.currency_code.plain(),
            _ => return None,
        })
    }
}

/// An amount of money to set.
#[derive(InputObject)]
pub struct MoneyInput {
    /// Decimal number as a string (`"12.5"`): digits and at most one
    /// point, not negative, with no more decimal places than the
    /// currency has.
    amount: String,
    /// ISO 4217 code, e.g. `USD`.
    currency_code: String,
}

impl From<MoneyInput> for money::MoneyInput {
    fn from(input: MoneyInput) -> Self {
        Self { amount: input.amount, currency_code: input.currency_code }
    }
}
