//! Location codes as the WMS trade writes them: zone, aisle, bay, level and
//! bin joined by dashes, so `A-01-03-2-B` is zone A, aisle 01, bay 03,
//! level 2, bin B, and codes sorted as text walk the warehouse in pick-path
//! order. Each part is 1 to [`MAX_PART_LEN`] upper-case letters or digits,
//! and a part is given only with every part outside it (a bay is in an
//! aisle, a level in a bay), so a code never skips a level of the layout.
//!
//! A [`CodeRange`] makes many codes at once: zone A, aisles 01–10, bays
//! 01–20, levels 1–4, bins A–B is 10 × 20 × 4 × 2 = 1,600 codes, in that
//! order, because nobody types 800 bins one by one.

use serde::{Deserialize, Serialize};

use super::messages;
use crate::platform::errors::{UserErrorCode, UserErrors};

/// The parts of a code, outermost first, as the API names them.
pub const PARTS: [&str; 5] = ["zone", "aisle", "bay", "level", "bin"];

/// Longest part: a full code is then at most 24 characters, whose Code 128
/// barcode still fits a 70 mm label with bars a hand scanner reads.
pub const MAX_PART_LEN: usize = 4;

/// Most codes one range may make: they are made in one transaction, all or
/// none, and a bigger layout is made zone by zone.
pub const MAX_RANGE: u64 = 5_000;

/// The parts of one code, outermost first; a `None` part has every part
/// inside it `None` too.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeParts {
    pub zone: String,
    pub aisle: Option<String>,
    pub bay: Option<String>,
    pub level: Option<String>,
    pub bin: Option<String>,
}

impl CodeParts {
    fn from_given(mut given: Vec<String>) -> Self {
        given.resize(PARTS.len(), String::new());
        let mut parts = given.into_iter().map(|p| Some(p).filter(|p| !p.is_empty()));
        let mut next = || parts.next().flatten();
        Self { zone: next().unwrap_or_default(), aisle: next(), bay: next(), level: next(), bin: next() }
    }

    /// The parts given, outermost first.
    pub fn given(&self) -> impl Iterator<Item = &str> {
        [
            Some(self.zone.as_str()),
            self.aisle.as_deref(),
            self.bay.as_deref(),
            self.level.as_deref(),
            self.bin.as_deref(),
        ]
        .into_iter()
        .map_while(|part| part)
    }

    /// The location code: the parts joined by dashes.
    pub fn code(&self) -> String {
        self.given().collect::<Vec<_>>().join("-")
    }
}

/// One part as typed: trimmed and upper-cased; `None` when it is not
/// 1 to [`MAX_PART_LEN`] ASCII letters or digits.
fn clean(raw: &str) -> Option<String> {
    let part = raw.trim().to_ascii_uppercase();
    let ok = (1..=MAX_PART_LEN).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric());
    ok.then_some(part)
}

/// Which parts count as given when checking their nesting: the zone always,
/// since a missing zone is reported as such, not again as a gap before
/// the aisle.
fn nesting(mut given: [bool; 5]) -> [bool; 5] {
    given[0] = true;
    given
}

/// Checks that a part is given only with every part outside it; records an
/// error on the first part that is not.
fn check_nesting(given: [bool; 5], errors: &mut UserErrors) {
    if let Some(inner) = (1..PARTS.len()).find(|&i| given[i] && !given[i - 1]) {
        errors.push(PARTS[inner], UserErrorCode::Invalid, messages::part_needs_outer(PARTS[inner - 1]));
    }
}

/// Checks the parts of one code (`raw[0]` is the zone, which is required;
/// an empty part is not given). Every fault is recorded.
pub(crate) fn parse_parts(raw: [Option<&str>; 5], errors: &mut UserErrors) -> CodeParts {
    let raw = raw.map(|part| part.filter(|p| !p.trim().is_empty()));
    let mut given = Vec::new();
    for (name, part) in PARTS.iter().zip(raw) {
        match (part.map(clean), *name == "zone") {
            (Some(Some(part)), _) => given.push(part),
            (Some(None), _) | (None, true) => {
                errors.push(name, UserErrorCode::Invalid, messages::part_format(MAX_PART_LEN));
            }
            (None, false) => {}
        }
    }
    check_nesting(nesting(raw.map(|part| part.is_some())), errors);
    CodeParts::from_given(given)
}

/// Every value of one part from `from` to `to`, both included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartRange {
    pub from: String,
    pub to: String,
}

/// Ranges of every part; the zone is required, and a part is given only
/// with every part outside it, as for one code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CodeRange {
    pub zone: Option<PartRange>,
    pub aisle: Option<PartRange>,
    pub bay: Option<PartRange>,
    pub level: Option<PartRange>,
    pub bin: Option<PartRange>,
}

/// The values of one part's range. Digits count in decimal, padded to the
/// width of `from` (`01`–`12`); letters count A to Z and on to AA when both
/// ends are letters of the same length (`A`–`D`, `AA`–`AF`).
#[derive(Debug, Clone, Copy)]
struct Sequence {
    first: u64,
    count: u64,
    width: usize,
    letters: bool,
}

impl Sequence {
    fn of(name: &str, range: &PartRange, errors: &mut UserErrors) -> Option<Self> {
        let ends = [("from", &range.from), ("to", &range.to)].map(|(end, raw)| {
            let part = clean(raw);
            if part.is_none() {
                errors.push_at(&[name, end], UserErrorCode::Invalid, messages::part_format(MAX_PART_LEN));
            }
            part
        });
        let [Some(from), Some(to)] = ends else { return None };
        let digits = |p: &str| p.chars().all(|c| c.is_ascii_digit());
        let letters = |p: &str| p.chars().all(|c| c.is_ascii_uppercase());
        let (first, last, letters) = if digits(&from) && digits(&to) {
            (from.parse().ok()?, to.parse().ok()?, false)
        } else if letters(&from) && letters(&to) && from.len() == to.len() {
            (base26(&from), base26(&to), true)
        } else {
            errors.push(name, UserErrorCode::Invalid, messages::range_ends());
            return None;
        };
        if first > last {
            errors.push(name, UserErrorCode::Invalid, messages::range_order());
            return None;
        }
        Some(Self { first, count: last - first + 1, width: from.len(), letters })
    }

    fn value(self, index: u64) -> String {
        let n = self.first + index;
        if self.letters {
            let mut text = vec![b'A'; self.width];
            let mut rest = n;
            for place in text.iter_mut().rev() {
                *place = b'A' + (rest % 26) as u8;
                rest /= 26;
            }
            text.into_iter().map(char::from).collect()
        } else {
            format!("{n:0width$}", width = self.width)
        }
    }
}

/// `A` is 0, `Z` 25, `AA` 0 again: letters of one length as a base-26 number.
fn base26(letters: &str) -> u64 {
    letters.bytes().fold(0, |n, b| n * 26 + u64::from(b - b'A'))
}

/// A count as a message argument.
fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Every code of `range`, outermost part slowest, or the user errors of
/// the range (one of them when it makes more than [`MAX_RANGE`] codes).
pub(crate) fn expand(range: &CodeRange, errors: &mut UserErrors) -> Vec<CodeParts> {
    let ranges = [&range.zone, &range.aisle, &range.bay, &range.level, &range.bin];
    if range.zone.is_none() {
        errors.push("zone", UserErrorCode::Invalid, messages::part_format(MAX_PART_LEN));
    }
    check_nesting(nesting(ranges.map(|r| r.is_some())), errors);
    // Every range is checked, so all their faults are reported at once.
    let checked: Vec<Option<Sequence>> = PARTS
        .iter()
        .zip(ranges)
        .filter_map(|(name, range)| range.as_ref().map(|r| Sequence::of(name, r, errors)))
        .collect();
    let Some(sequences) = checked.into_iter().collect::<Option<Vec<_>>>().filter(|_| errors.is_empty()) else {
        return Vec::new();
    };
    let total = sequences.iter().fold(1u64, |n, s| n.saturating_mul(s.count));
    if total > MAX_RANGE {
        errors.push_at(&[], UserErrorCode::Invalid, messages::range_too_large(count(total), count(MAX_RANGE)));
        return Vec::new();
    }
    (0..total)
        .map(|mut index| {
            let mut given = vec![String::new(); sequences.len()];
            for (slot, sequence) in given.iter_mut().zip(&sequences).rev() {
                *slot = sequence.value(index % sequence.count);
                index /= sequence.count;
            }
            CodeParts::from_given(given)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(from: &str, to: &str) -> Option<PartRange> {
        Some(PartRange { from: from.into(), to: to.into() })
    }

    fn codes(range: &CodeRange) -> Result<Vec<String>, UserErrors> {
        let mut errors = UserErrors::default();
        let codes = expand(range, &mut errors).iter().map(CodeParts::code).collect();
        if errors.is_empty() { Ok(codes) } else { Err(errors) }
    }

    #[test]
    fn parts_join_into_the_code_the_trade_writes() {
        let mut errors = UserErrors::default();
        let parts = parse_parts([Some(" a "), Some("01"), Some("03"), Some("2"), Some("b")], &mut errors);
        assert!(errors.is_empty());
        assert_eq!(parts.code(), "A-01-03-2-B");
        let dock = parse_parts([Some("RECV"), None, Some(""), None, None], &mut errors);
        assert!(errors.is_empty());
        assert_eq!(dock.code(), "RECV");
    }

    #[test]
    fn a_part_needs_every_part_outside_it_and_the_right_characters() {
        let mut errors = UserErrors::default();
        parse_parts([Some("A"), None, Some("03"), None, None], &mut errors);
        let Err(crate::DomainError::User(found)) = errors.finish() else { panic!("a bay without an aisle") };
        assert_eq!(found[0].field, ["input", "bay"]);

        let mut errors = UserErrors::default();
        parse_parts([None, Some("A-1"), Some("TOOLONG"), None, None], &mut errors);
        let Err(crate::DomainError::User(found)) = errors.finish() else { panic!("bad parts") };
        let fields: Vec<&str> = found.iter().map(|e| e.field[1].as_str()).collect();
        assert_eq!(fields, ["zone", "aisle", "bay"]);
    }

    #[test]
    fn ranges_count_digits_with_their_width_and_letters_through_the_alphabet() {
        let shelf = CodeRange {
            zone: range("A", "A"),
            aisle: range("01", "02"),
            bay: range("9", "10"),
            level: None,
            bin: None,
        };
        assert_eq!(
            codes(&shelf).ok(),
            Some(vec!["A-01-9".into(), "A-01-10".into(), "A-02-9".into(), "A-02-10".into()])
        );
        let wide = CodeRange { zone: range("AY", "BB"), ..CodeRange::default() };
        assert_eq!(codes(&wide).ok(), Some(vec!["AY".into(), "AZ".into(), "BA".into(), "BB".into()]));
    }

    #[test]
    fn the_example_layout_is_sixteen_hundred_bins_in_pick_path_order() {
        let layout = CodeRange {
            zone: range("A", "A"),
            aisle: range("01", "10"),
            bay: range("01", "20"),
            level: range("1", "4"),
            bin: range("A", "B"),
        };
        let all = codes(&layout).expect("a valid layout");
        assert_eq!(all.len(), 1_600);
        assert_eq!((all[0].as_str(), all[1].as_str(), all[2].as_str()), ("A-01-01-1-A", "A-01-01-1-B", "A-01-01-2-A"));
        assert_eq!(all.last().map(String::as_str), Some("A-10-20-4-B"));
        let mut sorted = all.clone();
        sorted.sort();
        assert_eq!(sorted, all, "made in the order a picker walks");
    }

    #[test]
    fn bad_ranges_are_refused_before_anything_is_made() {
        let backwards = CodeRange { zone: range("B", "A"), ..CodeRange::default() };
        assert!(codes(&backwards).is_err());
        let mixed = CodeRange { zone: range("A", "1"), ..CodeRange::default() };
        assert!(codes(&mixed).is_err());
        let gap = CodeRange { zone: range("A", "A"), bay: range("1", "2"), ..CodeRange::default() };
        assert!(codes(&gap).is_err());
        let huge = CodeRange {
            zone: range("A", "Z"),
            aisle: range("0001", "9999"),
            bay: range("0001", "9999"),
            level: range("0001", "9999"),
            bin: range("0001", "9999"),
        };
        let Err(errors) = codes(&huge) else { panic!("too many") };
        let Err(crate::DomainError::User(found)) = errors.finish() else { panic!("an error") };
        assert_eq!(found[0].field, ["input"]);
        let at_most = CodeRange { zone: range("A", "E"), aisle: range("1", "1000"), ..CodeRange::default() };
        assert_eq!(codes(&at_most).map(|c| c.len()).ok(), Some(5_000));
        let one_more = CodeRange { zone: range("A", "E"), aisle: range("0", "1000"), ..CodeRange::default() };
        assert!(codes(&one_more).is_err());
    }
}
