//! Picking by scan: the picker scans the task's location, then the item.
//! A wrong location or a wrong item is refused, naming what was scanned
//! and what was expected, and changes nothing; a right one takes the units
//! out of that bin and lot and out of the order's reservation in one
//! ledger posting (PICK, referring to the order). When every task of an
//! order is done, its units wait at packing (timeline: PICKED).
//!
//! Cancelling an order after picking puts its picked units back into the
//! bins they came from ([`put_back`]).

use std::collections::HashMap;

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
use serde_json::json;
use uuid::Uuid;

use super::entities::pick_task;
use super::waves::{self, Wave};
use super::{PICK_TASK, messages};
use crate::catalog::barcodes;
use crate::inventory::ledger::{self, Effect, Entry, Reference};
use crate::inventory::quantities::{MovementKind, StockKey};
use crate::orders::ORDER;
use crate::orders::entities::order;
use crate::orders::intake;
use crate::orders::status::{OrderEventKind, OrderStatus};
use crate::platform::access::Permission;
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode};
use crate::platform::tenancy::TenantTx;

/// One scan at a task.
#[derive(Debug, Clone)]
pub struct PickScan {
    pub task_id: Uuid,
    /// What the scanner read off the location label.
    pub location_code: String,
    /// What it read off the item: a barcode of the SKU or its code.
    pub barcode: String,
    /// Units, above zero (1 a scan).
    pub quantity: i64,
}

fn order_reference(order_id: Uuid) -> Reference {
    Reference { kind: ORDER.name(), id: order_id.to_string() }
}

/// Confirms a pick by its scans; returns the task's wave as it is now.
pub async fn confirm(tx: &mut TenantTx, scan: PickScan) -> DomainResult<Wave> {
    tx.ctx().require(Permission::FulfilmentWrite)?;
    if scan.quantity <= 0 {
        return Err(DomainError::user("quantity", UserErrorCode::Invalid, messages::quantity_positive()));
    }
    // The order, then the task, locked: two scans of one task, or a scan
    // and a cancel, take turns.
    let task = tx.find_by_id::<pick_task::Entity>(scan.task_id).one(tx.conn()).await?;
    let task = task.ok_or_else(|| DomainError::not_found("taskId"))?;
    let order = tx.find_by_id::<order::Entity>(task.order_id).lock_exclusive().one(tx.conn()).await?;
    let order = order.ok_or_else(|| DomainError::internal("a task's order vanished"))?;
    let task = tx.find_by_id::<pick_task::Entity>(task.id).lock_exclusive().one(tx.conn()).await?;
    let task = task.ok_or_else(|| DomainError::not_found("taskId"))?;
    if order.status != OrderStatus::Picking.as_str() {
        return Err(DomainError::user("taskId", UserErrorCode::Invalid, messages::not_picking(&order.status)));
    }
    let location = scan.location_code.trim();
    if !location.eq_ignore_ascii_case(&task.location_code) {
        let message = messages::wrong_location(location, &task.location_code);
        return Err(DomainError::user("locationCode", UserErrorCode::Invalid, message));
    }
    let barcode = scan.barcode.trim();
    if !barcodes::scan(tx, task.merchant_id, barcode).await?.contains(&task.sku_id) {
        let code = crate::catalog::skus::facts(tx, [task.sku_id]).await?.remove(&task.sku_id).map(|s| s.code);
        let message = messages::wrong_sku(barcode, &code.unwrap_or_default());
        return Err(DomainError::user("barcode", UserErrorCode::Invalid, message));
    }
    let left = task.quantity - task.picked;
    if scan.quantity > left {
        return Err(DomainError::user("quantity", UserErrorCode::Invalid, messages::over_pick(left, scan.quantity)));
    }
    let warehouse_id = crate::inventory::placement::place(tx, task.location_id)
        .await?
        .ok_or_else(|| DomainError::internal("a task's location vanished"))?
        .warehouse_id;
    let key = StockKey { sku_id: task.sku_id, warehouse_id, merchant_id: task.merchant_id };
    let out = Effect::OutOfBin {
        location_id: task.location_id,
        lot: Some(task.lot.clone()),
        received_on: Some(task.received_on),
        quantity: scan.quantity,
    };
    let entries = [
        Entry { key, kind: MovementKind::Pick, effect: out, reason: None },
        Entry { key, kind: MovementKind::Pick, effect: Effect::Reserved(-scan.quantity), reason: None },
    ];
    ledger::post(tx, &entries, Some(&order_reference(order.id)), None)
        .await
        .map_err(|e| e.at("quantity", "locationCode"))?;

    let picked = task.picked + scan.quantity;
    let now = clock::now();
    let mut update = tx
        .update_many::<pick_task::Entity>()
        .col_expr(pick_task::Column::Picked, Expr::value(picked))
        .filter(pick_task::Column::Id.eq(task.id));
    if picked == task.quantity {
        update = update.col_expr(pick_task::Column::PickedAt, Expr::value(now));
    }
    update.exec(tx.conn()).await?;
    let of_order =
        tx.find::<pick_task::Entity>().filter(pick_task::Column::OrderId.eq(order.id)).all(tx.conn()).await?;
    let order_done = of_order.iter().all(|t| t.picked >= t.quantity);
    if order_done {
        intake::record(tx, &order, OrderStatus::Picking, OrderEventKind::Picked, None).await?;
    }
    waves::settle(tx, task.wave_id).await?;
    let change = Change::of("pick.confirm", PICK_TASK, task.id)
        .before(json!({"picked": task.picked, "quantity": task.quantity}))
        .after(json!({"picked": picked, "location": task.location_code, "scanned": barcode,
                      "order": order.reference, "orderPicked": order_done}));
    audit::record(tx, change).await?;
    waves::get_one(tx, task.wave_id).await?.ok_or_else(|| DomainError::internal("wave vanished"))
}

/// Units of an order's lines picked in each warehouse, per (line, warehouse).
pub type PickedUnits = HashMap<(Uuid, Uuid), i64>;

/// For a cancelled order: puts every picked unit back into the bin it
/// came from (RETURN, reason "cancelled after pick", keeping lot, receipt
/// day and expiry), drops what was left to pick from its wave, and returns
/// what had been picked, whose reservation the pick already used up.
pub(crate) async fn put_back(tx: &mut TenantTx, order: &order::Model) -> DomainResult<PickedUnits> {
    let tasks = tx.find::<pick_task::Entity>().filter(pick_task::Column::OrderId.eq(order.id)).all(tx.conn()).await?;
    let mut picked = PickedUnits::new();
    let mut entries = Vec::new();
    for task in &tasks {
        let place = crate::inventory::placement::place(tx, task.location_id).await?;
        let warehouse_id = place.ok_or_else(|| DomainError::internal("a task's location vanished"))?.warehouse_id;
        *picked.entry((task.line_id, warehouse_id)).or_default() += task.picked;
        let back = task.picked - task.returned;
        if back > 0 {
            entries.push(Entry {
                key: StockKey { sku_id: task.sku_id, warehouse_id, merchant_id: task.merchant_id },
                kind: MovementKind::Return,
                effect: Effect::IntoBin {
                    location_id: task.location_id,
                    lot: Some(task.lot.clone()),
                    received_on: Some(task.received_on),
                    expires_on: task.expires_on,
                    quantity: back,
                },
                reason: Some("cancelled after pick".to_owned()),
            });
        }
    }
    if !entries.is_empty() {
        ledger::post(tx, &entries, Some(&order_reference(order.id)), None)
            .await
            .map_err(|e| DomainError::Internal(format!("putting picked units back was refused: {e}")))?;
    }
    // What was never picked leaves the pick list; what was, stays as done.
    for task in &tasks {
        if task.picked == 0 {
            tx.delete_many::<pick_task::Entity>().filter(pick_task::Column::Id.eq(task.id)).exec(tx.conn()).await?;
        } else {
            tx.update_many::<pick_task::Entity>()
                .col_expr(pick_task::Column::Quantity, Expr::value(task.picked))
                .col_expr(pick_task::Column::Returned, Expr::value(task.picked))
                .filter(pick_task::Column::Id.eq(task.id))
                .exec(tx.conn())
                .await?;
        }
    }
    let mut touched: Vec<Uuid> = tasks.iter().map(|t| t.wave_id).collect();
    touched.dedup();
    for wave in touched {
        waves::settle(tx, wave).await?;
    }
    Ok(picked)
}
