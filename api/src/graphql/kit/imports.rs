//! What the imports of every context show alike: a fault (or notice) of a
//! row of an imported file, in the request's language.

use async_graphql::SimpleObject;
use domain::platform::i18n::Locale;
use domain::platform::imports::RowFault;

/// Most faults or notices a list of an import shows at once (its CSV
/// report has them all).
pub const MAX_LISTED: i32 = 250;

/// One fault, or notice, of a row of an imported file.
#[derive(SimpleObject)]
pub struct ImportRowError {
    /// The line of the file the row starts on (the header is line 1).
    line: i64,
    /// The header name of the cell at fault; null when the whole row is.
    column: Option<String>,
    /// `INVALID`, `NOT_FOUND`, `TAKEN` (a code or barcode given twice or
    /// held by another SKU), or, for a notice, `SKIPPED` (passed over on
    /// purpose).
    code: String,
    /// What is wrong (or why the row was passed over), in the request's language.
    message: String,
}

impl ImportRowError {
    pub fn of(fault: RowFault, locale: Locale) -> Self {
        Self {
            line: i64::try_from(fault.line).unwrap_or(i64::MAX),
            message: fault.message(locale).to_owned(),
            column: fault.column,
            code: fault.code.to_uppercase(),
        }
    }
}

/// How many of a list to show for `first`: 0 to [`MAX_LISTED`].
pub fn limit(first: i32) -> usize {
    usize::try_from(first.clamp(0, MAX_LISTED)).unwrap_or_default()
}
