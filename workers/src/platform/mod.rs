//! The platform's jobs: sending mail, and nightly clean-up of finished
//! jobs and expired idempotency keys.

mod email;
mod retention;

use std::sync::Arc;

use domain::platform::idempotency;
use domain::platform::jobs::retention::PURGE_FINISHED;
use domain::platform::mail::SEND_EMAIL;

use crate::registry::Registry;

pub fn register(registry: &mut Registry) {
    let mailer = registry.mailer().clone();
    registry
        .handle(SEND_EMAIL, Arc::new(email::SendEmail { mailer }))
        .schedule_job(PURGE_FINISHED, Arc::new(retention::PurgeFinishedJobs))
        .schedule_job(idempotency::PURGE_EXPIRED, Arc::new(retention::PurgeIdempotencyKeys));
}
