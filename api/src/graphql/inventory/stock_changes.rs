//! Stock changed by hand: `inventoryAdjust`, `inventorySetOnHand`
//! (compare-and-swap), `inventoryMove` and `inventorySetSafetyStock`.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use domain::catalog::SKU;
use domain::inventory::adjustments::{self, Adjustment, Relocation, SetOnHand, SetSafetyStock, StockChange};
use domain::inventory::quantities::AdjustmentReason;
use domain::inventory::{LOCATION, WAREHOUSE};

use super::stock::{StockLevel, StockMovement};
use crate::graphql::kit::context::{db, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::payload::{UserError, into_payload};

/// Units added to or taken from one location by hand.
#[derive(InputObject)]
pub struct InventoryAdjustInput {
    sku_id: ID,
    location_id: ID,
    /// The lot: required when adding to a SKU whose lots are tracked,
    /// left out otherwise. When taking, leaving it out takes the earliest
    /// expiry, then the oldest receipt.
    lot: Option<String>,
    /// Units to add (positive) or take (negative); not zero.
    delta: i32,
    reason: Enum<AdjustmentReason>,
    /// Up to 500 characters, kept with the movement.
    note: Option<String>,
}

/// The units of a SKU (and lot) in one location set to `quantity`, only if
/// they are `compareQuantity` now (Shopify's `compareQuantity`): when they
/// changed meanwhile the answer is `STALE` on `compareQuantity`, naming the
/// units there now, and nothing changes.
#[derive(InputObject)]
pub struct InventorySetOnHandInput {
    sku_id: ID,
    location_id: ID,
    lot: Option<String>,
    /// Units, zero or more.
    quantity: i32,
    /// The units the caller last saw there.
    compare_quantity: i32,
    reason: Enum<AdjustmentReason>,
    note: Option<String>,
}

/// Units moved between two locations of one warehouse, each keeping its
/// lot, receipt day and expiry: PUTAWAY out of a RECEIVING location, DAMAGE
/// into a DAMAGED one, MOVE otherwise.
#[derive(InputObject)]
pub struct InventoryMoveInput {
    sku_id: ID,
    from_location_id: ID,
    to_location_id: ID,
    lot: Option<String>,
    /// Units, above zero.
    quantity: i32,
    note: Option<String>,
}

/// The units of a SKU a warehouse holds back from sale, set to `quantity`
/// only if it is `compareQuantity` now; refused when the units free to
/// sell are fewer.
#[derive(InputObject)]
pub struct InventorySetSafetyStockInput {
    sku_id: ID,
    warehouse_id: ID,
    quantity: i32,
    compare_quantity: i32,
}

/// What a stock change did: the level after it and the movements it wrote.
#[derive(SimpleObject)]
pub struct InventoryChangePayload {
    stock_level: Option<StockLevel>,
    movements: Vec<StockMovement>,
    user_errors: Vec<UserError>,
}

impl InventoryChangePayload {
    fn of(result: domain::DomainResult<StockChange>) -> Result<Self> {
        let (change, user_errors) = into_payload(result)?;
        Ok(match change {
            Some(change) => Self {
                stock_level: Some(StockLevel::new(change.level)),
                movements: change.movements.into_iter().map(StockMovement).collect(),
                user_errors,
            },
            None => Self { stock_level: None, movements: Vec::new(), user_errors },
        })
    }
}

#[derive(Default)]
pub struct StockMutations;

#[Object]
impl StockMutations {
    /// Adds or takes units in a location by hand, with a reason code.
    async fn inventory_adjust(&self, ctx: &Context<'_>, input: InventoryAdjustInput) -> Result<InventoryChangePayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let adjustment = Adjustment {
                sku_id: ids::decode(SKU, "skuId", &input.sku_id)?,
                location_id: ids::decode(LOCATION, "locationId", &input.location_id)?,
                lot: input.lot,
                delta: input.delta.into(),
                reason: input.reason.into_inner(),
                note: input.note,
            };
            db(ctx).write(&tctx, async |tx| adjustments::adjust(tx, adjustment).await).await
        };
        InventoryChangePayload::of(result.await)
    }

    /// Sets the units in a location if they are what the caller saw
    /// (compare-and-swap): of two writers that saw the same value, one wins
    /// and the other is told the value is `STALE`.
    async fn inventory_set_on_hand(
        &self,
        ctx: &Context<'_>,
        input: InventorySetOnHandInput,
    ) -> Result<InventoryChangePayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let set = SetOnHand {
                sku_id: ids::decode(SKU, "skuId", &input.sku_id)?,
                location_id: ids::decode(LOCATION, "locationId", &input.location_id)?,
                lot: input.lot,
                quantity: input.quantity.into(),
                compare_quantity: input.compare_quantity.into(),
                reason: input.reason.into_inner(),
                note: input.note,
            };
            db(ctx).write(&tctx, async |tx| adjustments::set_on_hand(tx, set).await).await
        };
        InventoryChangePayload::of(result.await)
    }

    /// Moves units between two locations of one warehouse (putaway,
    /// replenishment, into the damaged area).
    async fn inventory_move(&self, ctx: &Context<'_>, input: InventoryMoveInput) -> Result<InventoryChangePayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let relocation = Relocation {
                sku_id: ids::decode(SKU, "skuId", &input.sku_id)?,
                from_location_id: ids::decode(LOCATION, "fromLocationId", &input.from_location_id)?,
                to_location_id: ids::decode(LOCATION, "toLocationId", &input.to_location_id)?,
                lot: input.lot,
                quantity: input.quantity.into(),
                note: input.note,
            };
            db(ctx).write(&tctx, async |tx| adjustments::relocate(tx, relocation).await).await
        };
        InventoryChangePayload::of(result.await)
    }

    /// Sets a warehouse's safety stock of a SKU if it is what the caller saw.
    async fn inventory_set_safety_stock(
        &self,
        ctx: &Context<'_>,
        input: InventorySetSafetyStockInput,
    ) -> Result<InventoryChangePayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let set = SetSafetyStock {
                sku_id: ids::decode(SKU, "skuId", &input.sku_id)?,
                warehouse_id: ids::decode(WAREHOUSE, "warehouseId", &input.warehouse_id)?,
                quantity: input.quantity.into(),
                compare_quantity: input.compare_quantity.into(),
            };
            db(ctx).write(&tctx, async |tx| adjustments::set_safety_stock(tx, set).await).await
        };
        InventoryChangePayload::of(result.await)
    }
}
