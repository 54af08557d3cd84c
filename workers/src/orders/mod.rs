//! The orders context's jobs: allocating backorders when stock arrives
//! (woken by the inventory ledger) and every minute, and order imports.

use std::sync::Arc;

use async_trait::async_trait;
use domain::Db;
use domain::inventory::ledger::STOCK_ARRIVED;
use domain::orders::backorders::{self, SCHEDULE};
use domain::orders::import::{self, IMPORT_ORDERS};
use domain::platform::jobs::queue::ClaimedJob;
use uuid::Uuid;

use crate::handler::{JobError, JobHandler, in_job_tx};
use crate::registry::Registry;

pub fn register(registry: &mut Registry) {
    let handler = Arc::new(AllocateBackorders);
    registry.handle(STOCK_ARRIVED, handler.clone()).schedule_job(SCHEDULE, handler);
    registry.handle(IMPORT_ORDERS, Arc::new(ImportOrders));
}

/// `orders.order_import`: checks and takes in the orders of one import.
struct ImportOrders;

#[async_trait]
impl JobHandler for ImportOrders {
    async fn run(&self, db: &Db, job: &ClaimedJob) -> Result<(), JobError> {
        let id = job.payload["importId"]
            .as_str()
            .and_then(|id| Uuid::try_parse(id).ok())
            .ok_or_else(|| JobError::Payload(format!("no importId in {}", job.payload)))?;
        import::run(db, job.tenant_id, id, job.is_last_attempt()).await.map_err(|e| JobError::Failed(e.to_string()))
    }
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
