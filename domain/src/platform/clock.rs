//! The one source of "now". Timestamps are UTC and cut to whole
//! microseconds, the precision PostgreSQL keeps, so a time written and read
//! back compares equal on every backend.

use chrono::{DateTime, SubsecRound, Utc};

pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}
