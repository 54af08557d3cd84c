//! The one source of "now". Timestamps are UTC and cut to whole
//! microseconds, the precision PostgreSQL keeps, so a time written and read
//! back compares equal on every backend.
//!
//! Tests move this clock forward with [`advance`] to see links, tokens and
//! lockouts expire without sleeping; nothing in the binaries calls it.

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, SubsecRound, Utc};

/// Microseconds added to the system time (process-wide).
static OFFSET_MICROS: AtomicI64 = AtomicI64::new(0);

pub fn now() -> DateTime<Utc> {
    let offset = Duration::microseconds(OFFSET_MICROS.load(Ordering::Relaxed));
    (Utc::now() + offset).trunc_subsecs(6)
}

/// Moves this process's clock forward by `by` (tests: one process per test).
pub fn advance(by: Duration) {
    let micros = by.num_microseconds().expect("a test moves the clock by less than 292,000 years");
    OFFSET_MICROS.fetch_add(micros, Ordering::Relaxed);
}
