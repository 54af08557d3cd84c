//! Transfers between warehouses: the `stockTransfers` connection,
//! `stockTransferCreate` (sends at once), `stockTransferReceive`,
//! `stockTransferCancel`; a transfer is also read as a node.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use domain::catalog::MERCHANT;
use domain::catalog::SKU;
use domain::inventory::transfers::{self, NewTransfer, NewTransferLine, TransferFilter, TransferStatus};
use domain::inventory::{LOCATION, STOCK_TRANSFER, WAREHOUSE};
use uuid::Uuid;

use super::locations::Location;
use super::warehouses::Warehouse;
use crate::graphql::catalog::{Merchant, Sku};
use crate::graphql::kit::connection::{CountedConnection, counted, page_request};
use crate::graphql::kit::context::{db, idempotency_key, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::payload::{OrGql, UserError, into_payload};
use crate::graphql::kit::units::units;

pub struct StockTransfer(transfers::Transfer);

/// Units of one merchant's SKUs sent from one warehouse to another; while
/// IN_TRANSIT they count as `incoming` at the destination.
#[Object]
impl StockTransfer {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(STOCK_TRANSFER, self.0.id)
    }
    /// Unique per merchant.
    async fn reference(&self) -> &str {
        &self.0.reference
    }
    async fn merchant(&self, ctx: &Context<'_>) -> Result<Option<Merchant>> {
        Merchant::load(ctx, self.0.merchant_id).await
    }
    #[graphql(name = "fromWarehouse")]
    async fn source_warehouse(&self, ctx: &Context<'_>) -> Result<Option<Warehouse>> {
        Warehouse::load(ctx, self.0.from_warehouse_id).await
    }
    async fn to_warehouse(&self, ctx: &Context<'_>) -> Result<Option<Warehouse>> {
        Warehouse::load(ctx, self.0.to_warehouse_id).await
    }
    async fn status(&self) -> Enum<TransferStatus> {
        Enum(self.0.status)
    }
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
    async fn lines(&self) -> Vec<StockTransferLine> {
        self.0.lines.iter().cloned().map(StockTransferLine).collect()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn received_at(&self) -> Option<DateTime<Utc>> {
        self.0.received_at
    }
}

pub struct StockTransferLine(transfers::TransferLine);

#[Object]
impl StockTransferLine {
    async fn sku(&self, ctx: &Context<'_>) -> Result<Option<Sku>> {
        Sku::load(ctx, self.0.sku_id).await
    }
    /// The bin the units left.
    #[graphql(name = "fromLocation")]
    async fn source_location(&self, ctx: &Context<'_>) -> Result<Option<Location>> {
        Location::load(ctx, self.0.from_location_id).await
    }
    async fn lot(&self) -> Option<&str> {
        self.0.lot.as_deref()
    }
    async fn quantity(&self) -> i32 {
        units(self.0.quantity)
    }
    /// The bin they were received into, once they were.
    async fn to_location(&self, ctx: &Context<'_>) -> Result<Option<Location>> {
        match self.0.to_location_id {
            Some(id) => Location::load(ctx, id).await,
            None => Ok(None),
        }
    }
}

pub async fn transfer_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<StockTransfer>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| transfers::get(tx, id).await).await.or_gql()?.map(StockTransfer))
}

#[derive(Default)]
pub struct TransferQuery;

#[Object]
impl TransferQuery {
    /// Transfers between warehouses, newest first, each with its lines. A
    /// merchant user or merchant-bound client sees only its own merchant's.
    /// `query` matches a prefix of the reference (without regard to case).
    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    #[expect(clippy::too_many_arguments, reason = "the Relay arguments and the filters")]
    async fn stock_transfers(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        status: Option<Enum<TransferStatus>>,
        merchant_id: Option<ID>,
        from_warehouse_id: Option<ID>,
        to_warehouse_id: Option<ID>,
        query: Option<String>,
    ) -> Result<CountedConnection<StockTransfer>> {
        let request = page_request(first, after, last, before)?;
        let filter = TransferFilter {
            status: status.map(Enum::into_inner),
            merchant_id: ids::decode_opt(MERCHANT, "merchantId", merchant_id.as_ref()).or_gql()?,
            from_warehouse_id: ids::decode_opt(WAREHOUSE, "fromWarehouseId", from_warehouse_id.as_ref()).or_gql()?,
            to_warehouse_id: ids::decode_opt(WAREHOUSE, "toWarehouseId", to_warehouse_id.as_ref()).or_gql()?,
            query,
        };
        let count_too = ctx.look_ahead().field("totalCount").exists();
        let (page, total) = db(ctx)
            .read(&tenant_ctx(ctx)?, async |tx| {
                let page = transfers::list(tx, &request, &filter).await?;
                let total = if count_too { transfers::count(tx, &filter).await? } else { 0 };
                Ok((page, total))
            })
            .await
            .or_gql()?;
        Ok(counted(page, total, StockTransfer))
    }
}

#[derive(InputObject)]
pub struct StockTransferLineInput {
    sku_id: ID,
    /// A bin of the source warehouse (every line's in the same one).
    from_location_id: ID,
    lot: Option<String>,
    /// Units, above zero.
    quantity: i32,
}

#[derive(InputObject)]
pub struct StockTransferCreateInput {
    /// Unique per merchant (`TR-0001`).
    reference: String,
    to_warehouse_id: ID,
    note: Option<String>,
    /// One merchant's SKUs, from one warehouse; 1 to 200 lines.
    lines: Vec<StockTransferLineInput>,
    /// Makes a retry safe: the same key and input return the first result
    /// for 24 hours (or send an `Idempotency-Key` header).
    idempotency_key: Option<String>,
}

#[derive(InputObject)]
pub struct StockTransferReceiveInput {
    id: ID,
    /// A RECEIVING location of the destination warehouse.
    to_location_id: ID,
}

#[derive(InputObject)]
pub struct StockTransferCancelInput {
    id: ID,
}

#[derive(SimpleObject)]
pub struct StockTransferPayload {
    stock_transfer: Option<StockTransfer>,
    user_errors: Vec<UserError>,
}

fn payload(result: domain::DomainResult<transfers::Transfer>) -> Result<StockTransferPayload> {
    let (transfer, user_errors) = into_payload(result)?;
    Ok(StockTransferPayload { stock_transfer: transfer.map(StockTransfer), user_errors })
}

#[derive(Default)]
pub struct TransferMutations;

#[Object]
impl TransferMutations {
    /// Sends units to another warehouse: out of their bins now, `incoming`
    /// at the destination until received.
    async fn stock_transfer_create(
        &self,
        ctx: &Context<'_>,
        input: StockTransferCreateInput,
    ) -> Result<StockTransferPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let key = idempotency_key(ctx, input.idempotency_key.as_deref())?;
            let lines = input
                .lines
                .into_iter()
                .map(|line| {
                    Ok(NewTransferLine {
                        sku_id: ids::decode(SKU, "skuId", &line.sku_id)?,
                        from_location_id: ids::decode(LOCATION, "fromLocationId", &line.from_location_id)?,
                        lot: line.lot,
                        quantity: line.quantity.into(),
                    })
                })
                .collect::<domain::DomainResult<Vec<_>>>()?;
            let new = NewTransfer {
                reference: input.reference,
                to_warehouse_id: ids::decode(WAREHOUSE, "toWarehouseId", &input.to_warehouse_id)?,
                note: input.note,
                lines,
            };
            db(ctx).write(&tctx, async |tx| transfers::send(tx, new, key.as_ref()).await).await
        };
        payload(result.await)
    }

    /// Receives a transfer whole into a receiving location of its destination.
    async fn stock_transfer_receive(
        &self,
        ctx: &Context<'_>,
        input: StockTransferReceiveInput,
    ) -> Result<StockTransferPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let id = ids::decode(STOCK_TRANSFER, "id", &input.id)?;
            let to = ids::decode(LOCATION, "toLocationId", &input.to_location_id)?;
            db(ctx).write(&tctx, async |tx| transfers::receive(tx, id, to).await).await
        };
        payload(result.await)
    }

    /// Calls a transfer off before it arrives: its units go back to their bins.
    async fn stock_transfer_cancel(
        &self,
        ctx: &Context<'_>,
        input: StockTransferCancelInput,
    ) -> Result<StockTransferPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let id = ids::decode(STOCK_TRANSFER, "id", &input.id)?;
            db(ctx).write(&tctx, async |tx| transfers::cancel(tx, id).await).await
        };
        payload(result.await)
    }
}
