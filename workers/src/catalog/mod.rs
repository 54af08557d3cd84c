//! The catalog context's jobs: SKU imports.

use std::sync::Arc;

use async_trait::async_trait;
use domain::Db;
use domain::catalog::import::{self, IMPORT_SKUS};
use domain::platform::jobs::queue::ClaimedJob;
use uuid::Uuid;

use crate::handler::{JobError, JobHandler};
use crate::registry::Registry;

pub fn register(registry: &mut Registry) {
    registry.handle(IMPORT_SKUS, Arc::new(ImportSkus));
}

/// `catalog.sku_import`: checks and writes the rows of one import.
struct ImportSkus;

#[async_trait]
impl JobHandler for ImportSkus {
    async fn run(&self, db: &Db, job: &ClaimedJob) -> Result<(), JobError> {
        let id = job.payload["importId"]
            .as_str()
            .and_then(|id| Uuid::try_parse(id).ok())
            .ok_or_else(|| JobError::Payload(format!("no importId in {}", job.payload)))?;
        import::run(db, job.tenant_id, id, job.is_last_attempt()).await.map_err(|e| JobError::Failed(e.to_string()))
    }
}
