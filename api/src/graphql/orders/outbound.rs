//! Orders: the `orders` connection, `orderCreate` (idempotent by the
//! merchant's reference and by key; allocates at once) and `orderCancel`.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use domain::catalog::{MERCHANT, SKU};
use domain::orders::ORDER;
use domain::orders::addresses::ShipTo;
use domain::orders::intake::{self, NewLine, NewOrder};
use domain::orders::read::{self, OrderFilter};
use domain::orders::status::{AllocationRule, OrderChannel, OrderEventKind, OrderStatus};
use uuid::Uuid;

use crate::graphql::catalog::{Merchant, Sku};
use crate::graphql::inventory::Warehouse;
use crate::graphql::kit::connection::{CountedConnection, counted, page_request};
use crate::graphql::kit::context::{db, idempotency_key, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::payload::{OrGql, UserError, into_payload};
use crate::graphql::kit::units::units;

pub struct Order(pub read::Order);

/// An outbound order: what a merchant asked the warehouse to ship, where
/// to, where each unit is reserved and why, and what happened to it.
#[Object]
impl Order {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(ORDER, self.0.id)
    }
    /// The merchant's own reference, unique per merchant (`SHOP-1001`).
    async fn reference(&self) -> &str {
        &self.0.reference
    }
    async fn channel(&self) -> Enum<OrderChannel> {
        Enum(self.0.channel)
    }
    async fn status(&self) -> Enum<OrderStatus> {
        Enum(self.0.status)
    }
    /// Needs `merchants:read`.
    async fn merchant(&self, ctx: &Context<'_>) -> Result<Option<Merchant>> {
        Merchant::load(ctx, self.0.merchant_id).await
    }
    /// As checked against the destination country's address rules.
    async fn ship_to(&self) -> ShipToAddress {
        ShipToAddress(self.0.ship_to.clone())
    }
    async fn service_level(&self) -> Option<&str> {
        self.0.service_level.as_deref()
    }
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
    /// In the order given.
    async fn lines(&self) -> Vec<OrderLine> {
        self.0.lines.iter().cloned().map(OrderLine).collect()
    }
    /// Units ordered, over every line.
    async fn total_units(&self) -> i32 {
        units(self.0.lines.iter().map(|l| l.quantity).sum())
    }
    /// The packages its picked units were packed into, in number order.
    async fn packages(&self, ctx: &Context<'_>) -> Result<Vec<crate::graphql::fulfilment::Package>> {
        crate::graphql::fulfilment::packages_of(ctx, self.0.id).await
    }
    /// Its packages as handed to carriers, with tracking and labels.
    async fn shipments(&self, ctx: &Context<'_>) -> Result<Vec<crate::graphql::fulfilment::Shipment>> {
        crate::graphql::fulfilment::shipments_of(ctx, self.0.id).await
    }
    /// What happened to it, oldest first.
    async fn timeline(&self) -> Vec<OrderEvent> {
        self.0.events.iter().cloned().map(OrderEvent).collect()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// A ship-to address.
pub struct ShipToAddress(ShipTo);

#[Object]
impl ShipToAddress {
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn company(&self) -> Option<&str> {
        self.0.company.as_deref()
    }
    async fn line1(&self) -> &str {
        &self.0.line1
    }
    async fn line2(&self) -> Option<&str> {
        self.0.line2.as_deref()
    }
    async fn city(&self) -> &str {
        &self.0.city
    }
    /// State, province or prefecture, as the country's address data keys it (`CA`).
    async fn region(&self) -> Option<&str> {
        self.0.region.as_deref()
    }
    async fn postal_code(&self) -> Option<&str> {
        self.0.postal_code.as_deref()
    }
    /// ISO 3166-1 alpha-2 (`US`).
    async fn country_code(&self) -> &str {
        &self.0.country
    }
    async fn phone(&self) -> Option<&str> {
        self.0.phone.as_deref()
    }
    async fn email(&self) -> Option<&str> {
        self.0.email.as_deref()
    }
}

pub struct OrderLine(read::Line);

/// Units of one SKU in an order.
#[Object]
impl OrderLine {
    /// Needs `catalog:read`.
    async fn sku(&self, ctx: &Context<'_>) -> Result<Option<Sku>> {
        Sku::load(ctx, self.0.sku_id).await
    }
    async fn quantity(&self) -> i32 {
        units(self.0.quantity)
    }
    /// Units reserved in warehouses.
    async fn allocated(&self) -> i32 {
        units(self.0.allocated)
    }
    /// Units waiting for stock.
    async fn backordered(&self) -> i32 {
        units(self.0.quantity - self.0.allocated)
    }
    /// Where its units are reserved and why there.
    async fn allocations(&self) -> Vec<OrderAllocation> {
        self.0.allocations.iter().cloned().map(OrderAllocation).collect()
    }
}

pub struct OrderAllocation(read::Allocation);

/// Units of a line reserved in one warehouse, with the reason: the rule
/// that chose it, how far it is from the destination and what it had.
#[Object]
impl OrderAllocation {
    /// Needs `warehouses:read`.
    async fn warehouse(&self, ctx: &Context<'_>) -> Result<Option<Warehouse>> {
        Warehouse::load(ctx, self.0.warehouse_id).await
    }
    async fn quantity(&self) -> i32 {
        units(self.0.quantity)
    }
    async fn rule(&self) -> Enum<AllocationRule> {
        Enum(self.0.rule)
    }
    /// Kilometres from the warehouse's country to the destination's
    /// (centroid to centroid; 0 within one country).
    async fn distance_km(&self) -> Option<i32> {
        self.0.distance_km
    }
    /// The SKU's available units in that warehouse just before.
    async fn available_before(&self) -> i32 {
        units(self.0.available_before)
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// When the units were given back (the order was cancelled).
    async fn released_at(&self) -> Option<DateTime<Utc>> {
        self.0.released_at
    }
}

pub struct OrderEvent(read::Event);

/// A step of an order's timeline.
#[Object]
impl OrderEvent {
    async fn kind(&self) -> Enum<OrderEventKind> {
        Enum(self.0.kind)
    }
    /// The order's status after this step.
    async fn status(&self) -> Enum<OrderStatus> {
        Enum(self.0.status)
    }
    async fn detail(&self) -> Option<&str> {
        self.0.detail.as_deref()
    }
    /// `user:<id>`, `client:<id>` or `system`.
    async fn actor(&self) -> &str {
        &self.0.actor
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

pub async fn order_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<Order>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| read::get(tx, id).await).await.or_gql()?.map(Order))
}

#[derive(Default)]
pub struct OrderQuery;

#[Object]
impl OrderQuery {
    /// Orders, newest first, each with its lines, allocations and timeline.
    /// `query` keeps the orders whose reference starts with it. A merchant
    /// user or merchant-bound client sees only its own merchant's.
    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    #[expect(clippy::too_many_arguments, reason = "the Relay arguments and the filters")]
    async fn orders(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        status: Option<Enum<OrderStatus>>,
        merchant_id: Option<ID>,
        query: Option<String>,
    ) -> Result<CountedConnection<Order>> {
        let request = page_request(first, after, last, before)?;
        let filter = OrderFilter {
            status: status.map(Enum::into_inner),
            merchant_id: ids::decode_opt(MERCHANT, "merchantId", merchant_id.as_ref()).or_gql()?,
            query,
        };
        let count_too = ctx.look_ahead().field("totalCount").exists();
        let (page, total) = db(ctx)
            .read(&tenant_ctx(ctx)?, async |tx| {
                let page = read::list(tx, &request, &filter).await?;
                let total = if count_too { read::count(tx, &filter).await? } else { 0 };
                Ok((page, total))
            })
            .await
            .or_gql()?;
        Ok(counted(page, total, Order))
    }
}

/// A ship-to address; which fields are required and how a postal code
/// looks depend on the destination country (Google's address data, as
/// Saleor uses it): a field at fault is named under `shipTo`.
#[derive(InputObject)]
pub struct ShipToInput {
    name: String,
    company: Option<String>,
    line1: String,
    line2: Option<String>,
    city: Option<String>,
    /// State, province or prefecture: its code or name (`CA`, `California`).
    region: Option<String>,
    postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 (`US`).
    country_code: String,
    phone: Option<String>,
    email: Option<String>,
}

impl From<ShipToInput> for ShipTo {
    fn from(input: ShipToInput) -> Self {
        Self {
            name: input.name,
            company: input.company,
            line1: input.line1,
            line2: input.line2,
            city: input.city.unwrap_or_default(),
            region: input.region,
            postal_code: input.postal_code,
            country: input.country_code,
            phone: input.phone,
            email: input.email,
        }
    }
}

/// A line: the SKU by `skuId` or by the merchant's `skuCode` (one of the two).
#[derive(InputObject)]
pub struct OrderLineInput {
    sku_id: Option<ID>,
    sku_code: Option<String>,
    /// Units, above zero.
    quantity: i32,
}

#[derive(InputObject)]
pub struct OrderCreateInput {
    /// Required unless the caller is bound to a merchant (then it is its own).
    merchant_id: Option<ID>,
    /// The merchant's own order reference, unique per merchant: sending
    /// an order with a reference already used returns that first order.
    reference: String,
    ship_to: ShipToInput,
    /// 1 to 500 lines.
    lines: Vec<OrderLineInput>,
    /// The carrier service asked for (`standard`, `express`).
    service_level: Option<String>,
    note: Option<String>,
    /// Makes a retry safe: the same key and input return the first result
    /// for 24 hours (or send an `Idempotency-Key` header).
    idempotency_key: Option<String>,
}

#[derive(InputObject)]
pub struct OrderCancelInput {
    id: ID,
    /// Kept in the timeline.
    reason: Option<String>,
}

#[derive(SimpleObject)]
pub struct OrderPayload {
    order: Option<Order>,
    user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct OrderMutations;

#[Object]
impl OrderMutations {
    /// Takes an order and allocates it at once: ALLOCATED when every unit
    /// is reserved, BACKORDERED when some wait for stock (they are
    /// allocated, oldest order first, when it arrives).
    async fn order_create(&self, ctx: &Context<'_>, input: OrderCreateInput) -> Result<OrderPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let key = idempotency_key(ctx, input.idempotency_key.as_deref())?;
            let lines = input
                .lines
                .into_iter()
                .enumerate()
                .map(|(i, line)| {
                    let field = format!("lines.{i}.skuId");
                    Ok(NewLine {
                        sku_id: ids::decode_opt(SKU, &field, line.sku_id.as_ref())?,
                        sku_code: line.sku_code,
                        quantity: line.quantity.into(),
                    })
                })
                .collect::<domain::DomainResult<Vec<_>>>()?;
            let channel = match tctx.actor {
                domain::platform::tenancy::Actor::ApiClient { .. } => OrderChannel::Api,
                _ => OrderChannel::Portal,
            };
            let new = NewOrder {
                merchant_id: ids::decode_opt(MERCHANT, "merchantId", input.merchant_id.as_ref())?,
                reference: input.reference,
                channel,
                ship_to: input.ship_to.into(),
                service_level: input.service_level,
                note: input.note,
                lines,
            };
            db(ctx).write(&tctx, async |tx| intake::create(tx, new, key.as_ref()).await).await
        };
        let (order, user_errors) = into_payload(result.await)?;
        Ok(OrderPayload { order: order.map(Order), user_errors })
    }

    /// Cancels an order before it ships and gives back every unit reserved
    /// for it; a shipped, delivered or cancelled order is refused.
    async fn order_cancel(&self, ctx: &Context<'_>, input: OrderCancelInput) -> Result<OrderPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let id = ids::decode(ORDER, "id", &input.id)?;
            db(ctx).write(&tctx, async |tx| intake::cancel(tx, id, input.reason).await).await
        };
        let (order, user_errors) = into_payload(result.await)?;
        Ok(OrderPayload { order: order.map(Order), user_errors })
    }
}
