//! The faults of an import's rows and the report a merchant downloads:
//! one line per fault, `line,column,code,message`, worded in the reader's
//! language. Faults are worded in every language when found (a message
//! is an id with arguments, which is not kept as such) and the first
//! [`MAX_STORED_FAULTS`] are kept with the import. The same shape carries
//! notices (rows an import passed over on purpose, saying why), under a
//! code of their own.

use serde::{Deserialize, Serialize};

use crate::platform::errors::{DomainError, DomainResult, UserErrorCode};
use crate::platform::i18n::{Locale, Message};

/// Most faults kept with one import; the count goes on past it.
pub const MAX_STORED_FAULTS: usize = 1000;

/// One fault of a row: where (line, column) and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowFault {
    /// The line of the file the row starts on (the header is line 1).
    pub line: u64,
    /// The header name of the cell at fault; none when the whole row is.
    pub column: Option<String>,
    /// A `UserErrorCode`, e.g. `invalid` or `taken`, or a notice's code
    /// (`skipped`).
    pub code: String,
    pub en: String,
    #[serde(rename = "zh-CN")]
    pub zh_cn: String,
}

impl RowFault {
    /// The reason in `locale`.
    pub fn message(&self, locale: Locale) -> &str {
        match locale {
            Locale::ZhCn => &self.zh_cn,
            Locale::En => &self.en,
        }
    }
}

/// Faults as they are found, in the order of the file once sorted.
#[derive(Debug, Default)]
pub struct Faults(Vec<RowFault>);

impl Faults {
    pub fn push(&mut self, line: u64, column: Option<&str>, code: UserErrorCode, message: &Message) {
        self.push_as(line, column, code.as_str(), message);
    }

    /// A fault, or a notice, under `code`.
    pub fn push_as(&mut self, line: u64, column: Option<&str>, code: &str, message: &Message) {
        self.0.push(RowFault {
            line,
            column: column.map(str::to_owned),
            code: code.to_owned(),
            en: message.render(Locale::En),
            zh_cn: message.render(Locale::ZhCn),
        });
    }

    /// A fault of a row's form or contents (`invalid`).
    pub fn row(&mut self, line: u64, column: Option<&str>, message: Message) {
        self.push(line, column, UserErrorCode::Invalid, &message);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The faults by line (then as found), the first [`MAX_STORED_FAULTS`]
    /// as the JSON kept with the import.
    pub fn stored(mut self) -> DomainResult<String> {
        self.0.sort_by_key(|f| f.line);
        self.0.truncate(MAX_STORED_FAULTS);
        serde_json::to_string(&self.0).map_err(DomainError::internal)
    }
}

/// Faults kept by [`Faults::stored`], read back.
pub fn read(stored: &str) -> DomainResult<Vec<RowFault>> {
    serde_json::from_str(stored).map_err(DomainError::internal)
}

/// `faults` as the CSV report in `locale`: header `line,column,code,
/// message`, one line per fault, UTF-8 without a byte-order mark.
pub fn csv<'a>(faults: impl IntoIterator<Item = &'a RowFault>, locale: Locale) -> DomainResult<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let write = |w: &mut csv::Writer<Vec<u8>>, cells: [&str; 4]| w.write_record(cells).map_err(DomainError::internal);
    write(&mut writer, ["line", "column", "code", "message"])?;
    for fault in faults {
        let line = fault.line.to_string();
        write(&mut writer, [&line, fault.column.as_deref().unwrap_or_default(), &fault.code, fault.message(locale)])?;
    }
    writer.into_inner().map_err(DomainError::internal)
}
