//! Reading an uploaded file as CSV (RFC 4180, with the `csv` crate):
//! UTF-8 (a byte-order mark is dropped, as Excel's "CSV UTF-8" writes
//! one), comma separated, the first line a header naming the format's
//! columns. A file that is none of these is refused as a whole with a
//! message that says what to do; a row that is bad on its own is a fault
//! of that row (see [`super::report`]).

use std::collections::HashMap;

use super::report::Faults;
use crate::platform::i18n::Message;
use crate::platform::messages;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What a format's header must hold.
#[derive(Debug, Clone, Copy)]
pub struct Header {
    /// How people call the format, in messages (`Shopify product CSV`).
    pub label: &'static str,
    /// Columns every file of the format has.
    pub required: &'static [&'static str],
    /// Whether a column of this name belongs to the format; `None` takes
    /// any (an export whose later versions add columns).
    pub known: Option<fn(&str) -> bool>,
}

/// One data record: the line it starts on (1 is the header; a quoted cell
/// may span lines, so this is the line an editor shows) and its cells.
pub struct Record {
    pub line: u64,
    pub cells: csv::StringRecord,
}

/// A file that reads as CSV of its format, header checked.
pub struct CsvFile<'a> {
    text: &'a str,
    /// Column name to position.
    columns: HashMap<String, usize>,
    width: usize,
}

impl<'a> CsvFile<'a> {
    /// Reads the header of `bytes` for `format`, or says why the file is
    /// not such a CSV.
    pub fn open(bytes: &'a [u8], format: Header) -> Result<Self, Message> {
        let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let line = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
            messages::import_not_utf8(i64::try_from(line).unwrap_or(i64::MAX))
        })?;
        if text.trim().is_empty() {
            return Err(messages::import_empty());
        }
        let mut reader = reader(text);
        let header = reader.headers().map_err(|_| messages::import_malformed(1))?.clone();
        let names: Vec<String> = header.iter().map(|h| h.trim().to_owned()).collect();
        let missing: Vec<&str> = format.required.iter().copied().filter(|c| !names.iter().any(|n| n == c)).collect();
        if !missing.is_empty() {
            // One cell holding the whole header: another separator was used.
            if names.len() == 1
                && let Some(found) = [';', '\t', '|'].into_iter().find(|sep| names[0].contains(*sep))
            {
                let shown = if found == '\t' { "Tab".to_owned() } else { found.to_string() };
                return Err(messages::import_wrong_delimiter(&shown));
            }
            return Err(missing_columns(&missing, format));
        }
        let mut columns = HashMap::new();
        for (i, name) in names.iter().enumerate() {
            if format.known.is_some_and(|known| !known(name)) {
                return Err(messages::import_unknown_column(name));
            }
            if columns.insert(name.clone(), i).is_some() {
                return Err(messages::import_column_twice(name));
            }
        }
        Ok(Self { text, columns, width: names.len() })
    }

    /// How many data records the file has (a malformed one counts as one).
    pub fn record_count(&self) -> usize {
        reader(self.text).records().count()
    }

    /// Every data record; a record that is not CSV, or has more or fewer
    /// cells than the header, is a fault of its line instead.
    pub fn records(&self, faults: &mut Faults) -> Vec<Record> {
        let mut records = Vec::new();
        for (i, record) in reader(self.text).records().enumerate() {
            match record {
                Ok(cells) if cells.len() == self.width => {
                    let line = cells.position().map_or(i as u64 + 2, |p| line_at(self.text, p));
                    records.push(Record { line, cells });
                }
                Ok(cells) => {
                    let line = cells.position().map_or(i as u64 + 2, |p| line_at(self.text, p));
                    let given = i64::try_from(cells.len()).unwrap_or(i64::MAX);
                    let expected = i64::try_from(self.width).unwrap_or(i64::MAX);
                    faults.row(line, None, messages::import_row_length(given, expected));
                }
                Err(e) => {
                    let line = e.position().map_or(i as u64 + 2, |p| line_at(self.text, p));
                    faults.row(line, None, messages::import_malformed(i64::try_from(line).unwrap_or(i64::MAX)));
                }
            }
        }
        records
    }

    /// Whether the header has `column`.
    pub fn has(&self, column: &str) -> bool {
        self.columns.contains_key(column)
    }

    /// The header's column names, in no particular order.
    pub fn columns(&self) -> impl Iterator<Item = &str> {
        self.columns.keys().map(String::as_str)
    }

    /// The cell of `column` in `record`, trimmed; empty when the file has
    /// no such column.
    pub fn cell<'r>(&self, record: &'r Record, column: &str) -> &'r str {
        self.columns.get(column).and_then(|i| record.cells.get(*i)).map(str::trim).unwrap_or_default()
    }
}

/// Rows of differing lengths are read, so that each is reported by line.
fn reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes())
}

/// The header lacks `columns` of `format`.
fn missing_columns(columns: &[&str], format: Header) -> Message {
    let quoted: Vec<String> = columns.iter().map(|c| format!("`{c}`")).collect();
    messages::import_missing_columns(&quoted.join(", "), format.label)
}

/// The line (1-based) a record starting at `position` starts on. The csv
/// reader's own line count is one short after CRLF line ends (what Excel's
/// "CSV UTF-8" writes): a record's start there is the LF ending the line
/// before, so lines are counted from the byte offset, past that LF.
fn line_at(text: &str, position: &csv::Position) -> u64 {
    let bytes = text.as_bytes();
    let mut start = usize::try_from(position.byte()).unwrap_or(usize::MAX).min(bytes.len());
    if bytes.get(start) == Some(&b'\n') {
        start += 1;
    }
    bytes[..start].iter().filter(|b| **b == b'\n').count() as u64 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<u64> {
        let header = Header { label: "test", required: &["a"], known: None };
        let file = CsvFile::open(text.as_bytes(), header).expect("a CSV");
        let mut faults = Faults::default();
        file.records(&mut faults).iter().map(|r| r.line).collect()
    }

    #[test]
    fn records_are_numbered_by_the_line_they_start_on_whatever_the_line_ends() {
        assert_eq!(lines("a,b\n1,2\n\"x\ny\",3\n4,5\n"), vec![2, 3, 5]);
        assert_eq!(lines("a,b\r\n1,2\r\n\"x\r\ny\",3\r\n4,5\r\n"), vec![2, 3, 5]);
        assert_eq!(lines("\u{feff}a,b\r\n1,2\r\n"), vec![2]);
    }
}
