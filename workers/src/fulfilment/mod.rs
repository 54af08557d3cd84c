//! The fulfilment context's jobs: polling carriers for tracking events
//! every minute, marking orders delivered.

use std::sync::Arc;

use async_trait::async_trait;
use domain::Db;
use domain::fulfilment::tracking::{self, SCHEDULE};
use domain::platform::jobs::queue::ClaimedJob;

use crate::handler::{JobError, JobHandler, in_job_tx};
use crate::registry::Registry;

pub fn register(registry: &mut Registry) {
    registry.schedule_job(SCHEDULE, Arc::new(TrackShipments));
}

/// `fulfilment.track_shipments`: records what carriers report of
/// undelivered shipments; delivered orders become DELIVERED.
struct TrackShipments;

#[async_trait]
impl JobHandler for TrackShipments {
    async fn run(&self, db: &Db, job: &ClaimedJob) -> Result<(), JobError> {
        let polled = in_job_tx(db, job, async |tx| tracking::poll(tx).await).await?;
        if polled.events > 0 {
            tracing::info!(events = polled.events, delivered = polled.delivered_orders, "tracking recorded");
        }
        Ok(())
    }
}
