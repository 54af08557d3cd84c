//! Times for readers: in a named time zone, as the portal shows them.

use chrono::{DateTime, Offset, Utc};
use chrono_tz::Tz;

/// `at` in the IANA zone `zone` (UTC when it is not one), with its offset
/// and name: `2025-01-02 18:00 GMT+8 (Asia/Shanghai)`. The offset is
/// written as the portal's `Intl` `shortOffset` writes it (`GMT`,
/// `GMT+8`, `GMT+5:30`), so a mail and the page it links to agree.
pub fn zoned_time(at: DateTime<Utc>, zone: &str) -> String {
    let tz: Tz = zone.parse().unwrap_or(Tz::UTC);
    let local = at.with_timezone(&tz);
    let seconds = local.offset().fix().local_minus_utc();
    let (sign, minutes) = (if seconds < 0 { '-' } else { '+' }, seconds.abs() / 60);
    let offset = match (minutes / 60, minutes % 60) {
        (0, 0) => "GMT".to_owned(),
        (hours, 0) => format!("GMT{sign}{hours}"),
        (hours, rest) => format!("GMT{sign}{hours}:{rest:02}"),
    };
    format!("{} {offset} ({})", local.format("%Y-%m-%d %H:%M"), tz.name())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn names_the_zone_and_its_offset() {
        let at = Utc.with_ymd_and_hms(2025, 1, 2, 10, 0, 0).single().expect("a time");
        assert_eq!(zoned_time(at, "Asia/Shanghai"), "2025-01-02 18:00 GMT+8 (Asia/Shanghai)");
        assert_eq!(zoned_time(at, "UTC"), "2025-01-02 10:00 GMT (UTC)");
        assert_eq!(zoned_time(at, "Asia/Kolkata"), "2025-01-02 15:30 GMT+5:30 (Asia/Kolkata)");
        assert_eq!(zoned_time(at, "America/St_Johns"), "2025-01-02 06:30 GMT-3:30 (America/St_Johns)");
        assert_eq!(zoned_time(at, "Not/AZone"), "2025-01-02 10:00 GMT (UTC)");
    }
}
