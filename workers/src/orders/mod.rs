//! The orders context's jobs: allocating backorders when stock arrives
//! (woken by the inventory ledger) and every minute.

use std::sync::Arc;

use async_trait::async_trait;
use domain::Db;
use domain::inventory::ledger::STOCK_ARRIVED;
use domain::orders::backorders::{self, SCHEDULE};
use domain::platform::jobs::queue::ClaimedJob;

use crate::handler::{JobError, JobHandler, in_job_tx};
use crate::registry::Registry;

pub fn register(registry: &mut Registry) {
    let handler = Arc::new(AllocateBackorders);
    registry.handle(STOCK_ARRIVED, handler.clone()).schedule_job(SCHEDULE, handler);
}

/// `inventory.stock_arrived` and `orders.allocate_backorders`: allocates
/// backordered orders, oldest first, as far as stock now allows.
struct AllocateBackorders;

#[async_trait]
impl JobHandler for AllocateBackorders {
    async fn run(&self, db: &Db, job: &ClaimedJob) -> Result<(), JobError> {
        let allocated = in_job_tx(db, job, async |tx| backorders::allocate_waiting(tx).await).await?;
        if allocated > 0 {
            tracing::info!(allocated, "backordered orders allocated");
        }
        Ok(())
    }
}
