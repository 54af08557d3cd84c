//! Waves and their pick tasks, sorted by the pick path.

use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, NaiveDate, Utc};
use domain::fulfilment::carriers::CarrierCode;
use domain::fulfilment::waves::{self, WaveFilter, WaveStatus};
use domain::fulfilment::{PICK_TASK, WAVE};
use domain::inventory::WAREHOUSE;
use domain::orders::ORDER;
use uuid::Uuid;

use crate::graphql::catalog::Sku;
use crate::graphql::inventory::{Location, Warehouse};
use crate::graphql::kit::connection::{CountedConnection, counted, page_request};
use crate::graphql::kit::context::{db, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::payload::OrGql;
use crate::graphql::kit::units::units;

pub struct Wave(pub waves::Wave);

/// Orders of one warehouse picked together, and their pick list.
#[Object]
impl Wave {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(WAVE, self.0.id)
    }
    /// Needs `warehouses:read`.
    async fn warehouse(&self, ctx: &Context<'_>) -> Result<Option<Warehouse>> {
        Warehouse::load(ctx, self.0.warehouse_id).await
    }
    async fn status(&self) -> Enum<WaveStatus> {
        Enum(self.0.status)
    }
    /// The carrier whose collection the wave is for, if one was named.
    async fn carrier(&self) -> Option<Enum<CarrierCode>> {
        self.0.carrier.map(Enum)
    }
    async fn single_line_only(&self) -> bool {
        self.0.single_line_only
    }
    /// The collection's cut-off, `HH:MM` in the warehouse's time zone: the
    /// wave took only orders placed before it that day.
    async fn cutoff(&self) -> Option<&str> {
        self.0.cutoff.as_deref()
    }
    async fn order_count(&self) -> i32 {
        self.0.order_count
    }
    /// The pick list in path order: by location code, then order and SKU.
    async fn tasks(&self) -> Vec<PickTask> {
        self.0.tasks.iter().cloned().map(PickTask).collect()
    }
    /// The first task with units left to pick, in path order.
    async fn next_task(&self) -> Option<PickTask> {
        self.0.tasks.iter().find(|t| !t.done()).cloned().map(PickTask)
    }
    async fn total_units(&self) -> i32 {
        units(self.0.tasks.iter().map(|t| t.quantity).sum())
    }
    async fn picked_units(&self) -> i32 {
        units(self.0.tasks.iter().map(|t| t.picked).sum())
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

pub struct PickTask(pub waves::PickTask);

/// Units of one order line to take from one bin (location, lot, receipt day).
#[Object]
impl PickTask {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(PICK_TASK, self.0.id)
    }
    async fn wave_id(&self) -> ID {
        ids::encode(WAVE, self.0.wave_id)
    }
    async fn order_id(&self) -> ID {
        ids::encode(ORDER, self.0.order_id)
    }
    /// The merchant's reference of the order.
    async fn order_reference(&self) -> &str {
        &self.0.order_reference
    }
    /// Needs `catalog:read`.
    async fn sku(&self, ctx: &Context<'_>) -> Result<Option<Sku>> {
        Sku::load(ctx, self.0.sku_id).await
    }
    async fn sku_code(&self) -> &str {
        &self.0.sku_code
    }
    /// Needs `warehouses:read`.
    async fn location(&self, ctx: &Context<'_>) -> Result<Option<Location>> {
        Location::load(ctx, self.0.location_id).await
    }
    /// The code on the location's label: scan it first.
    async fn location_code(&self) -> &str {
        &self.0.location_code
    }
    async fn lot(&self) -> Option<&str> {
        self.0.lot.as_deref()
    }
    /// The day the units were received, in the warehouse's time zone.
    async fn received_on(&self) -> NaiveDate {
        self.0.received_on
    }
    async fn expires_on(&self) -> Option<NaiveDate> {
        self.0.expires_on
    }
    /// Units to pick.
    async fn quantity(&self) -> i32 {
        units(self.0.quantity)
    }
    async fn picked(&self) -> i32 {
        units(self.0.picked)
    }
    async fn done(&self) -> bool {
        self.0.done()
    }
    async fn picked_at(&self) -> Option<DateTime<Utc>> {
        self.0.picked_at
    }
}

pub async fn wave_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<Wave>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| waves::get(tx, id).await).await.or_gql()?.map(Wave))
}

pub async fn task_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<PickTask>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| waves::task(tx, id).await).await.or_gql()?.map(PickTask))
}

#[derive(Default)]
pub struct WavesQuery;

#[Object]
impl WavesQuery {
    /// Waves, newest first, each with its pick list in path order.
    /// Warehouse staff only (`fulfilment:read`).
    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    #[expect(clippy::too_many_arguments, reason = "the Relay arguments and the filters")]
    async fn waves(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        warehouse_id: Option<ID>,
        status: Option<Enum<WaveStatus>>,
    ) -> Result<CountedConnection<Wave>> {
        let request = page_request(first, after, last, before)?;
        let filter = WaveFilter {
            warehouse_id: ids::decode_opt(WAREHOUSE, "warehouseId", warehouse_id.as_ref()).or_gql()?,
            status: status.map(Enum::into_inner),
        };
        let count_too = ctx.look_ahead().field("totalCount").exists();
        let (page, total) = db(ctx)
            .read(&tenant_ctx(ctx)?, async |tx| {
                let page = waves::list(tx, &request, &filter).await?;
                let total = if count_too { waves::count(tx, &filter).await? } else { 0 };
                Ok((page, total))
            })
            .await
            .or_gql()?;
        Ok(counted(page, total, Wave))
    }
}
