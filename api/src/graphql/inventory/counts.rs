//! Cycle counts: `countTasks`, `cycleCountCreate`, `cycleCountSubmit`
//! (the counter's findings) and `cycleCountDecide` (someone else approves
//! or rejects).

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use domain::catalog::SKU;
use domain::inventory::counts::{self, CountStatus, Counted, NewCount};
use domain::inventory::{COUNT_TASK, LOCATION, WAREHOUSE};
use uuid::Uuid;

use super::locations::Location;
use super::warehouses::Warehouse;
use crate::graphql::catalog::Sku;
use crate::graphql::kit::context::{db, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::payload::{OrGql, UserError, into_payload};
use crate::graphql::kit::units::units;

pub struct CountTask(counts::CountTask);

impl CountTask {
    /// A blind count shows what the system expects only once it is counted.
    fn reveals(&self) -> bool {
        !self.0.blind || self.0.status != CountStatus::Open
    }
}

/// A cycle count of one location or one SKU in a warehouse.
#[Object]
impl CountTask {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(COUNT_TASK, self.0.id)
    }
    async fn warehouse(&self, ctx: &Context<'_>) -> Result<Option<Warehouse>> {
        Warehouse::load(ctx, self.0.warehouse_id).await
    }
    /// The location counted, for a count of a location.
    async fn location(&self, ctx: &Context<'_>) -> Result<Option<Location>> {
        match self.0.location_id {
            Some(id) => Location::load(ctx, id).await,
            None => Ok(None),
        }
    }
    /// The SKU counted, for a count of a SKU.
    async fn sku(&self, ctx: &Context<'_>) -> Result<Option<Sku>> {
        match self.0.sku_id {
            Some(id) => Sku::load(ctx, id).await,
            None => Ok(None),
        }
    }
    /// The counter is not shown the expected units.
    async fn blind(&self) -> bool {
        self.0.blind
    }
    async fn status(&self) -> Enum<CountStatus> {
        Enum(self.0.status)
    }
    /// `user:<id>` of who made, counted and decided it.
    async fn created_by(&self) -> &str {
        &self.0.created_by
    }
    async fn counted_by(&self) -> Option<&str> {
        self.0.counted_by.as_deref()
    }
    async fn decided_by(&self) -> Option<&str> {
        self.0.decided_by.as_deref()
    }
    async fn lines(&self) -> Vec<CountTaskLine> {
        let reveals = self.reveals();
        self.0.lines.iter().cloned().map(|line| CountTaskLine { line, reveals }).collect()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn counted_at(&self) -> Option<DateTime<Utc>> {
        self.0.counted_at
    }
    async fn decided_at(&self) -> Option<DateTime<Utc>> {
        self.0.decided_at
    }
}

pub struct CountTaskLine {
    line: counts::CountLine,
    reveals: bool,
}

#[Object]
impl CountTaskLine {
    async fn sku(&self, ctx: &Context<'_>) -> Result<Option<Sku>> {
        Sku::load(ctx, self.line.sku_id).await
    }
    async fn location(&self, ctx: &Context<'_>) -> Result<Option<Location>> {
        Location::load(ctx, self.line.location_id).await
    }
    async fn lot(&self) -> Option<&str> {
        self.line.lot.as_deref()
    }
    /// Units on hand when the task was made; null on an open blind count.
    async fn expected(&self) -> Option<i32> {
        self.reveals.then(|| units(self.line.expected))
    }
    async fn counted(&self) -> Option<i32> {
        self.line.counted.map(units)
    }
    /// Found less expected, once counted.
    async fn variance(&self) -> Option<i32> {
        self.line.variance().map(units)
    }
}

pub async fn count_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<CountTask>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| counts::get(tx, id).await).await.or_gql()?.map(CountTask))
}

#[derive(Default)]
pub struct CountQuery;

#[Object]
impl CountQuery {
    /// Count tasks, newest first (warehouse staff).
    async fn count_tasks(&self, ctx: &Context<'_>, status: Option<Enum<CountStatus>>) -> Result<Vec<CountTask>> {
        let status = status.map(Enum::into_inner);
        let tasks = db(ctx).read(&tenant_ctx(ctx)?, async |tx| counts::list(tx, status).await).await.or_gql()?;
        Ok(tasks.into_iter().map(CountTask).collect())
    }
}

/// What to count: a location (every SKU and lot in it), or a SKU in every
/// location of a warehouse — one of the two.
#[derive(InputObject)]
pub struct CycleCountCreateInput {
    location_id: Option<ID>,
    sku_id: Option<ID>,
    /// With `skuId`: the warehouse to count it in.
    warehouse_id: Option<ID>,
    /// Hide the expected units from the counter (default true).
    blind: Option<bool>,
}

#[derive(InputObject)]
pub struct CycleCountLineInput {
    sku_id: ID,
    location_id: ID,
    lot: Option<String>,
    /// Units found, zero or more.
    counted: i32,
}

#[derive(InputObject)]
pub struct CycleCountSubmitInput {
    id: ID,
    /// Every line of the task, and any SKU found that was not expected.
    lines: Vec<CycleCountLineInput>,
}

#[derive(InputObject)]
pub struct CycleCountDecideInput {
    id: ID,
    /// True approves (the variance goes into the ledger); false rejects
    /// (the task is counted again).
    approve: bool,
}

#[derive(SimpleObject)]
pub struct CountTaskPayload {
    count_task: Option<CountTask>,
    user_errors: Vec<UserError>,
}

fn payload(result: domain::DomainResult<counts::CountTask>) -> Result<CountTaskPayload> {
    let (task, user_errors) = into_payload(result)?;
    Ok(CountTaskPayload { count_task: task.map(CountTask), user_errors })
}

#[derive(Default)]
pub struct CountMutations;

#[Object]
impl CountMutations {
    /// Makes a count task, snapshotting what the bins hold now.
    async fn cycle_count_create(&self, ctx: &Context<'_>, input: CycleCountCreateInput) -> Result<CountTaskPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let new = NewCount {
                location_id: ids::decode_opt(LOCATION, "locationId", input.location_id.as_ref())?,
                sku_id: ids::decode_opt(SKU, "skuId", input.sku_id.as_ref())?,
                warehouse_id: ids::decode_opt(WAREHOUSE, "warehouseId", input.warehouse_id.as_ref())?,
                blind: input.blind.unwrap_or(true),
            };
            db(ctx).write(&tctx, async |tx| counts::create(tx, new).await).await
        };
        payload(result.await)
    }

    /// Records what the counter found; the task awaits someone else's decision.
    async fn cycle_count_submit(&self, ctx: &Context<'_>, input: CycleCountSubmitInput) -> Result<CountTaskPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let id = ids::decode(COUNT_TASK, "id", &input.id)?;
            let lines = input
                .lines
                .into_iter()
                .map(|line| {
                    Ok(Counted {
                        sku_id: ids::decode(SKU, "skuId", &line.sku_id)?,
                        location_id: ids::decode(LOCATION, "locationId", &line.location_id)?,
                        lot: line.lot,
                        counted: line.counted.into(),
                    })
                })
                .collect::<domain::DomainResult<Vec<_>>>()?;
            db(ctx).write(&tctx, async |tx| counts::submit(tx, id, lines).await).await
        };
        payload(result.await)
    }

    /// Approves or rejects a counted task; not by its counter.
    async fn cycle_count_decide(&self, ctx: &Context<'_>, input: CycleCountDecideInput) -> Result<CountTaskPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let id = ids::decode(COUNT_TASK, "id", &input.id)?;
            db(ctx).write(&tctx, async |tx| counts::decide(tx, id, input.approve).await).await
        };
        payload(result.await)
    }
}
