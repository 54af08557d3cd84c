//! The reader's language from `Accept-Language` (RFC 9110 §12.5.4):
//! actix-web parses the header and its q-values, the domain picks the
//! first language it has ([`Locale::negotiate`]); English by default.

use actix_web::HttpRequest;
use actix_web::http::header::{self, Header, HeaderValue, LanguageTag, Preference, Quality, QualityItem};
use domain::platform::i18n::Locale;

type Ranges = Vec<QualityItem<Preference<LanguageTag>>>;

/// The language of a request, from its `Accept-Language` header.
pub fn of_request(req: &HttpRequest) -> Locale {
    header::AcceptLanguage::parse(req).map_or_else(|_| Locale::default(), |accepted| pick(accepted.0))
}

/// The language named by an `Accept-Language` value (`zh-CN`,
/// `en;q=0.5, zh`); English when it is malformed or names none we have.
pub fn negotiate(value: &str) -> Locale {
    let Ok(value) = HeaderValue::from_str(value) else { return Locale::default() };
    header::from_comma_delimited::<_, QualityItem<Preference<LanguageTag>>>(std::iter::once(&value))
        .map_or_else(|_| Locale::default(), pick)
}

fn pick(mut ranges: Ranges) -> Locale {
    // q=0 means "not acceptable"; the rest best first, ties in the order sent.
    ranges.retain(|r| r.quality > Quality::ZERO);
    ranges.sort_by_key(|r| std::cmp::Reverse(r.quality));
    let tags: Vec<String> = ranges.iter().map(|r| r.item.to_string()).collect();
    Locale::negotiate(tags.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_best_ranked_language_we_have() {
        assert_eq!(negotiate("zh-CN"), Locale::ZhCn);
        assert_eq!(negotiate("zh"), Locale::ZhCn);
        assert_eq!(negotiate("zh-Hans"), Locale::ZhCn);
        assert_eq!(negotiate("en-US,en;q=0.9,zh-CN;q=0.8"), Locale::En);
        assert_eq!(negotiate("en;q=0.5, zh-CN"), Locale::ZhCn, "q-values rank, not order");
        assert_eq!(negotiate("fr-CH, fr;q=0.9, zh;q=0.8, en;q=0.7"), Locale::ZhCn);
        assert_eq!(negotiate("zh;q=0, en"), Locale::En, "q=0 refuses a language");
        assert_eq!(negotiate("*"), Locale::En);
        assert_eq!(negotiate("de"), Locale::En);
        assert_eq!(negotiate(""), Locale::En);
        assert_eq!(negotiate("garbage;;q=x"), Locale::En);
    }
}
