//! The reader's language on the server: every user error and every mail is
//! written in [Project Fluent](https://projectfluent.org) message catalogues
//! and rendered in the reader's [`Locale`] only where it leaves the server
//! (the API edge for errors, the mail job for mail).
//!
//! Found by convention, so a context adds strings and templates without
//! touching code outside its folder:
//!
//! - `src/<context>/locales/<locale>.ftl`, one file per [`Locale`], with
//!   ids prefixed by the context (`identity-already-member`);
//! - `src/<context>/templates/<name>.html` and `<name>.txt`, mail bodies
//!   in minijinja (HTML auto-escaped), which call `t("id", arg=…)`;
//! - `messages!` in the context's code names the ids it uses, with
//!   their arguments, and tests that both languages have each of them.

mod catalogue;
mod message;
pub(crate) mod messages;
mod templates;
mod zone;

#[cfg(test)]
pub(crate) use catalogue::check_declared;
pub use message::{Arg, Message};
pub use templates::{RenderedMail, render_mail};
pub use zone::zoned_time;

/// The catalogues and templates of every context, embedded in the binary.
#[derive(rust_embed::RustEmbed)]
#[folder = "src/"]
#[include = "*/locales/*.ftl"]
#[include = "*/templates/*"]
struct Sources;

use super::text_enum::string_enum;

string_enum!(
    /// Language of a user, a tenant's default, and of the mail we send.
    Locale {
        ZhCn = "zh-CN",
        En = "en",
    }
);

impl Default for Locale {
    /// English: what a reader gets who states no language we have.
    fn default() -> Self {
        Self::En
    }
}

impl Locale {
    /// The first of `ranked` (language tags such as `zh-Hans-CN`, `en-GB`,
    /// best first, as RFC 9110 §12.5.4 `Accept-Language` ranks them) that
    /// we have, else English. Any Chinese tag reads our Simplified Chinese
    /// (better than English for a reader of Traditional Chinese); `*`
    /// and unknown languages are skipped.
    pub fn negotiate<'a>(ranked: impl IntoIterator<Item = &'a str>) -> Self {
        ranked
            .into_iter()
            .find_map(|tag| {
                let primary = tag.split(['-', '_']).next().unwrap_or_default();
                match primary.to_ascii_lowercase().as_str() {
                    "zh" => Some(Self::ZhCn),
                    "en" => Some(Self::En),
                    _ => None,
                }
            })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::Locale;

    #[test]
    fn negotiation_takes_the_first_language_we_have() {
        assert_eq!(Locale::negotiate(["zh"]), Locale::ZhCn);
        assert_eq!(Locale::negotiate(["zh-CN"]), Locale::ZhCn);
        assert_eq!(Locale::negotiate(["zh-Hans"]), Locale::ZhCn);
        assert_eq!(Locale::negotiate(["ZH-hans-cn"]), Locale::ZhCn);
        assert_eq!(Locale::negotiate(["fr-CH", "fr", "zh-TW", "en"]), Locale::ZhCn);
        assert_eq!(Locale::negotiate(["de", "en-GB", "zh"]), Locale::En);
        assert_eq!(Locale::negotiate(["*"]), Locale::En);
        assert_eq!(Locale::negotiate(["fr"]), Locale::En);
        assert_eq!(Locale::negotiate([]), Locale::En);
    }
}
