//! Quantities of units as GraphQL `Int`s.

/// Units (stored as 64-bit) as GraphQL's 32-bit `Int`, saturating at its
/// bounds: no stock, order or return quantity comes near them.
pub fn units(n: i64) -> i32 {
    i32::try_from(n).unwrap_or(if n < 0 { i32::MIN } else { i32::MAX })
}
