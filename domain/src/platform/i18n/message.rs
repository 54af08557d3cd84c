//! A user-facing text as the code names it: a catalogue id and its
//! arguments, not a sentence. It becomes words only in the reader's
//! language, at the edge.

use std::fmt;

use super::Locale;
use super::catalogue;

/// A message of the catalogues, e.g. `identity-locked` with
/// `minutes = 14`. Build one with the constructors a context's
/// `messages!` declares, so the id and its arguments are checked by tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// A Fluent argument: text (names, codes) or an integer (counts,
/// minutes: Fluent picks the plural form from it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<i64> for Arg {
    fn from(number: i64) -> Self {
        Self::Number(number)
    }
}

impl From<usize> for Arg {
    fn from(number: usize) -> Self {
        Self::Number(i64::try_from(number).unwrap_or(i64::MAX))
    }
}

impl Message {
    /// The message `id` with no arguments yet.
    pub const fn new(id: &'static str) -> Self {
        Self { id, args: Vec::new() }
    }

    /// Adds the argument `$name`.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The catalogue id.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The arguments, in the order given.
    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }

    /// The message in `locale`. A missing id or argument is a bug the
    /// catalogue tests catch; should one slip through, the reader gets
    /// the English text (or the id) and the log says what is missing.
    pub fn render(&self, locale: Locale) -> String {
        catalogue::render(self.id, &self.args, locale)
    }
}

/// English, for logs and `Debug` of errors.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Locale::En))
    }
}
