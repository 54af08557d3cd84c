//! Periodic work declared by the contexts: a [`Schedule`] names a cron
//! expression, the zone it is read in, and whether it runs once for every
//! tenant (as a job of that tenant) or once for the whole platform.
//!
//! Expressions have six fields, seconds first (`sec min hour day month
//! weekday`, e.g. `0 30 3 * * *` is 03:30:00 every day), as the `cron`
//! crate reads them.

use std::str::FromStr;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::platform::errors::{DomainError, DomainResult};

/// Which clock a schedule's expression is read on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Utc,
    /// Each tenant's own time zone (`tenants.timezone`).
    Tenant,
}

impl Zone {
    pub fn as_str(self) -> &'static str {
        match self {
            Zone::Utc => "utc",
            Zone::Tenant => "tenant",
        }
    }
}

/// Where a schedule's runs happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Once per tenant per fire time, as a job of kind [`Schedule::name`]
    /// in that tenant (retried, dead-lettered and listed like any job).
    EachTenant,
    /// Once per fire time for the whole platform, run by the worker that
    /// claims it (global tables only).
    Platform,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    /// `<context>.<task>`; for [`Scope::EachTenant`] also the job kind.
    pub name: &'static str,
    pub cron: &'static str,
    pub zone: Zone,
    pub scope: Scope,
}

impl Schedule {
    /// Runs as a job in every tenant at `cron`, read in `zone`.
    pub const fn each_tenant(name: &'static str, cron: &'static str, zone: Zone) -> Self {
        Self { name, cron, zone, scope: Scope::EachTenant }
    }

    /// Runs once for the platform at `cron`, read in UTC.
    pub const fn platform(name: &'static str, cron: &'static str) -> Self {
        Self { name, cron, zone: Zone::Utc, scope: Scope::Platform }
    }

    fn parsed(&self) -> DomainResult<cron::Schedule> {
        cron::Schedule::from_str(self.cron).map_err(|e| {
            DomainError::Internal(format!("schedule {} has a bad expression `{}`: {e}", self.name, self.cron))
        })
    }

    /// Fails when the expression does not parse (checked at start).
    pub fn check(&self) -> DomainResult<()> {
        self.parsed().map(drop)
    }

    /// The first fire time strictly after `after`, reading the expression
    /// in `timezone` (an IANA name) when the zone is the tenant's.
    pub fn next_after(&self, after: DateTime<Utc>, timezone: &str) -> DomainResult<DateTime<Utc>> {
        let schedule = self.parsed()?;
        let next = match self.zone {
            Zone::Utc => schedule.after(&after).next(),
            Zone::Tenant => {
                // A tenant whose zone the tz database no longer knows runs on UTC.
                let tz = Tz::from_str(timezone).unwrap_or(Tz::UTC);
                schedule.after(&after.with_timezone(&tz)).next().map(|t| t.with_timezone(&Utc))
            }
        };
        next.ok_or_else(|| DomainError::Internal(format!("schedule {} never fires again", self.name)))
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    const DAILY: Schedule = Schedule::each_tenant("test.daily", "0 30 3 * * *", Zone::Tenant);

    #[test]
    fn a_tenant_schedule_fires_at_local_time() {
        let noon_utc = Utc.with_ymd_and_hms(2026, 11, 29, 12, 0, 0).single().expect("time");
        // 03:30 in Shanghai (UTC+8) is 19:30 UTC the day before.
        let next = DAILY.next_after(noon_utc, "Asia/Shanghai").expect("next");
        assert_eq!(next, Utc.with_ymd_and_hms(2026, 11, 29, 19, 30, 0).single().expect("time"));
        let next = DAILY.next_after(noon_utc, "UTC").expect("next");
        assert_eq!(next, Utc.with_ymd_and_hms(2026, 11, 30, 3, 30, 0).single().expect("time"));
    }

    #[test]
    fn a_utc_schedule_ignores_the_tenant_zone() {
        let hourly = Schedule::platform("test.hourly", "0 0 * * * *");
        let at = Utc.with_ymd_and_hms(2026, 11, 29, 12, 10, 0).single().expect("time");
        let next = hourly.next_after(at, "Asia/Shanghai").expect("next");
        assert_eq!(next, Utc.with_ymd_and_hms(2026, 11, 29, 13, 0, 0).single().expect("time"));
    }

    #[test]
    fn bad_expressions_are_caught() {
        assert!(Schedule::platform("test.bad", "every day").check().is_err());
        assert!(DAILY.check().is_ok());
    }
}
