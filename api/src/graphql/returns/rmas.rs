//! Returns: the `returns` connection, `returnCreate`, `returnReceive` and
//! `returnInspect`.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use domain::catalog::SKU;
use domain::inventory::LOCATION;
use domain::orders::ORDER;
use domain::returns::RETURN;
use domain::returns::rmas::{self, Inspection, NewReturn, NewReturnLine, ReturnFilter, ReturnStatus, Scan};
use uuid::Uuid;

use crate::graphql::catalog::Sku;
use crate::graphql::inventory::Warehouse;
use crate::graphql::kit::connection::{CountedConnection, counted, page_request};
use crate::graphql::kit::context::{db, idempotency_key, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::payload::{OrGql, UserError, into_payload};
use crate::graphql::kit::units::units;
use crate::graphql::orders::Order;

pub struct Return(rmas::Return);

/// A return (RMA): units of a shipped order coming back to the warehouse
/// that shipped it.
#[Object]
impl Return {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(RETURN, self.0.id)
    }
    /// `RMA-000001`, unique in the tenant.
    async fn reference(&self) -> &str {
        &self.0.reference
    }
    async fn status(&self) -> Enum<ReturnStatus> {
        Enum(self.0.status)
    }
    async fn order(&self, ctx: &Context<'_>) -> Result<Option<Order>> {
        crate::graphql::orders::order_node(ctx, self.0.order_id).await
    }
    /// Where the units come back to.
    async fn warehouse(&self, ctx: &Context<'_>) -> Result<Option<Warehouse>> {
        Warehouse::load(ctx, self.0.warehouse_id).await
    }
    async fn reason(&self) -> Option<&str> {
        self.0.reason.as_deref()
    }
    async fn lines(&self) -> Vec<ReturnLine> {
        self.0.lines.iter().cloned().map(ReturnLine).collect()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn completed_at(&self) -> Option<DateTime<Utc>> {
        self.0.completed_at
    }
}

pub struct ReturnLine(rmas::ReturnLine);

/// Units of one SKU: expected back, received, and what inspection made of them.
#[Object]
impl ReturnLine {
    async fn sku(&self, ctx: &Context<'_>) -> Result<Option<Sku>> {
        Sku::load(ctx, self.0.sku_id).await
    }
    async fn expected(&self) -> i32 {
        units(self.0.expected)
    }
    async fn received(&self) -> i32 {
        units(self.0.received)
    }
    /// Back in a sellable location.
    async fn restocked(&self) -> i32 {
        units(self.0.restocked)
    }
    async fn damaged(&self) -> i32 {
        units(self.0.damaged)
    }
    async fn disposed(&self) -> i32 {
        units(self.0.disposed)
    }
    /// Received and waiting in quarantine.
    async fn awaiting_inspection(&self) -> i32 {
        units(self.0.awaiting_inspection())
    }
}

pub async fn return_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<Return>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| rmas::get(tx, id).await).await.or_gql()?.map(Return))
}

#[derive(Default)]
pub struct ReturnQuery;

#[Object]
impl ReturnQuery {
    /// Returns, newest first. A merchant user or merchant-bound client sees
    /// only its own merchant's.
    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    #[expect(clippy::too_many_arguments, reason = "the Relay arguments and the filters")]
    async fn returns(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        status: Option<Enum<ReturnStatus>>,
        order_id: Option<ID>,
    ) -> Result<CountedConnection<Return>> {
        let request = page_request(first, after, last, before)?;
        let filter = ReturnFilter {
            status: status.map(Enum::into_inner),
            order_id: ids::decode_opt(ORDER, "orderId", order_id.as_ref()).or_gql()?,
        };
        let count_too = ctx.look_ahead().field("totalCount").exists();
        let (page, total) = db(ctx)
            .read(&tenant_ctx(ctx)?, async |tx| {
                let page = rmas::list(tx, &request, &filter).await?;
                let total = if count_too { rmas::count(tx, &filter).await? } else { 0 };
                Ok((page, total))
            })
            .await
            .or_gql()?;
        Ok(counted(page, total, Return))
    }
}

#[derive(InputObject)]
pub struct ReturnLineInput {
    sku_id: ID,
    /// Units, at most what the order shipped less earlier returns.
    quantity: i32,
}

#[derive(InputObject)]
pub struct ReturnCreateInput {
    /// A shipped or delivered order.
    order_id: ID,
    reason: Option<String>,
    lines: Vec<ReturnLineInput>,
    /// Makes a retry safe: the same key and input return the first result
    /// for 24 hours (or send an `Idempotency-Key` header).
    idempotency_key: Option<String>,
}

#[derive(InputObject)]
pub struct ReturnReceiveInput {
    return_id: ID,
    /// What the scanner read: a barcode or the code of a SKU on the return.
    barcode: String,
    /// Units, default 1 (one scan, one unit).
    quantity: Option<i32>,
}

#[derive(InputObject)]
pub struct ReturnInspectInput {
    return_id: ID,
    barcode: String,
    /// Units, default 1.
    quantity: Option<i32>,
    outcome: Enum<Inspection>,
    /// RESTOCK: a sellable location of the warehouse (required); DAMAGED:
    /// a damaged location (its first when not given); DISPOSE: none.
    to_location_id: Option<ID>,
}

#[derive(SimpleObject)]
pub struct ReturnPayload {
    #[graphql(name = "return")]
    rma: Option<Return>,
    user_errors: Vec<UserError>,
}

fn payload(result: domain::DomainResult<rmas::Return>) -> Result<ReturnPayload> {
    let (rma, user_errors) = into_payload(result)?;
    Ok(ReturnPayload { rma: rma.map(Return), user_errors })
}

fn scan(return_id: &ID, barcode: String, quantity: Option<i32>) -> domain::DomainResult<Scan> {
    Ok(Scan { return_id: ids::decode(RETURN, "returnId", return_id)?, barcode, quantity: quantity.unwrap_or(1).into() })
}

#[derive(Default)]
pub struct ReturnMutations;

#[Object]
impl ReturnMutations {
    /// Announces units of a shipped order coming back (merchant or warehouse).
    async fn return_create(&self, ctx: &Context<'_>, input: ReturnCreateInput) -> Result<ReturnPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let key = idempotency_key(ctx, input.idempotency_key.as_deref())?;
            let lines = input
                .lines
                .into_iter()
                .map(|l| {
                    Ok(NewReturnLine { sku_id: ids::decode(SKU, "skuId", &l.sku_id)?, quantity: l.quantity.into() })
                })
                .collect::<domain::DomainResult<Vec<_>>>()?;
            let new =
                NewReturn { order_id: ids::decode(ORDER, "orderId", &input.order_id)?, reason: input.reason, lines };
            db(ctx).write(&tctx, async |tx| rmas::create(tx, new, key.as_ref()).await).await
        };
        payload(result.await)
    }

    /// Receives scanned units into quarantine, to await inspection.
    async fn return_receive(&self, ctx: &Context<'_>, input: ReturnReceiveInput) -> Result<ReturnPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let scan = scan(&input.return_id, input.barcode, input.quantity)?;
            db(ctx).write(&tctx, async |tx| rmas::receive(tx, scan).await).await
        };
        payload(result.await)
    }

    /// Inspects received units: restock, damaged or dispose.
    async fn return_inspect(&self, ctx: &Context<'_>, input: ReturnInspectInput) -> Result<ReturnPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let scan = scan(&input.return_id, input.barcode, input.quantity)?;
            let to = ids::decode_opt(LOCATION, "toLocationId", input.to_location_id.as_ref())?;
            let outcome = input.outcome.into_inner();
            db(ctx).write(&tctx, async |tx| rmas::inspect(tx, scan, outcome, to).await).await
        };
        payload(result.await)
    }
}
