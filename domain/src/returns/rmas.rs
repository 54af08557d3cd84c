//! Returns (RMA): a merchant or the warehouse announces units of a shipped
//! order coming back; the warehouse receives them by scanning into a
//! QUARANTINE location (they count as `qualityControl`, not sellable),
//! then inspects them unit by unit: RESTOCK moves them to a sellable
//! location, DAMAGED to a damaged one, DISPOSE takes them out of stock.
//! Each is a RETURN movement referencing the return. A return is complete
//! when every unit expected has been received and inspected.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, Select};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::entities::{rma, rma_line};
use super::{RETURN, messages};
use crate::catalog::barcodes;
use crate::inventory::ledger::{self, Effect, Entry, Reference};
use crate::inventory::locations::{Holding, LocationType};
use crate::inventory::placement;
use crate::inventory::quantities::{MovementKind, StockKey};
use crate::orders::read as orders;
use crate::orders::status::OrderStatus;
use crate::platform::access::Permission;
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode, UserErrors};
use crate::platform::idempotency::{self, IdempotencyKey};
use crate::platform::ids::new_id;
use crate::platform::paging::{self, Order as PageOrder, Page, PageRequest};
use crate::platform::tenancy::TenantTx;
use crate::platform::text_enum::string_enum;

string_enum!(
    /// Where a return is: REQUESTED (announced), RECEIVING (units are
    /// arriving or being inspected), COMPLETED (every unit expected was
    /// received and inspected) or CANCELLED (before anything arrived).
    ReturnStatus {
        Requested = "requested",
        Receiving = "receiving",
        Completed = "completed",
        Cancelled = "cancelled",
    }
);

string_enum!(
    /// What inspection made of a returned unit.
    Inspection as "ReturnInspection" {
        Restock = "restock",
        Damaged = "damaged",
        Dispose = "dispose",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnLine {
    pub id: Uuid,
    pub sku_id: Uuid,
    pub expected: i64,
    pub received: i64,
    pub restocked: i64,
    pub damaged: i64,
    pub disposed: i64,
}

impl ReturnLine {
    /// Received units not yet inspected (waiting in quarantine).
    pub fn awaiting_inspection(&self) -> i64 {
        self.received - self.restocked - self.damaged - self.disposed
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Return {
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub order_id: Uuid,
    pub warehouse_id: Uuid,
    pub reference: String,
    pub status: ReturnStatus,
    pub reason: Option<String>,
    pub lines: Vec<ReturnLine>,
    pub created_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NewReturnLine {
    pub sku_id: Uuid,
    /// Units, above zero, at most what the order shipped less earlier returns.
    pub quantity: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct NewReturn {
    pub order_id: Uuid,
    pub reason: Option<String>,
    pub lines: Vec<NewReturnLine>,
}

/// Units scanned in, or inspected.
#[derive(Debug, Clone)]
pub struct Scan {
    pub return_id: Uuid,
    /// A barcode or code of the SKU, as scanned.
    pub barcode: String,
    /// Units, above zero (one per scan by default at the API).
    pub quantity: i64,
}

fn reference_of(id: Uuid) -> Reference {
    Reference { kind: RETURN.name(), id: id.to_string() }
}

async fn read(tx: &TenantTx, rows: Vec<rma::Model>) -> DomainResult<Vec<Return>> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let lines = tx
        .find::<rma_line::Entity>()
        .filter(rma_line::Column::ReturnId.is_in(ids))
        .order_by_asc(rma_line::Column::Id)
        .all(tx.conn())
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| Return {
            lines: lines
                .iter()
                .filter(|l| l.return_id == row.id)
                .map(|l| ReturnLine {
                    id: l.id,
                    sku_id: l.sku_id,
                    expected: l.expected,
                    received: l.received,
                    restocked: l.restocked,
                    damaged: l.damaged,
                    disposed: l.disposed,
                })
                .collect(),
            id: row.id,
            merchant_id: row.merchant_id,
            order_id: row.order_id,
            warehouse_id: row.warehouse_id,
            reference: row.reference,
            status: ReturnStatus::parse(&row.status).unwrap_or(ReturnStatus::Requested),
            reason: row.reason,
            created_at: row.created_at,
            completed_at: row.completed_at,
        })
        .collect())
}

async fn one(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Return>> {
    let row = tx.find_by_id::<rma::Entity>(id).one(tx.conn()).await?;
    Ok(match row {
        Some(row) => read(tx, vec![row]).await?.pop(),
        None => None,
    })
}

pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Return>> {
    tx.ctx().require(Permission::ReturnsRead)?;
    one(tx, id).await
}

/// Which returns a list covers.
#[derive(Debug, Clone, Default)]
pub struct ReturnFilter {
    pub status: Option<ReturnStatus>,
    pub order_id: Option<Uuid>,
}

fn select(tx: &TenantTx, filter: &ReturnFilter) -> Select<rma::Entity> {
    let mut select = tx.find::<rma::Entity>();
    if let Some(status) = filter.status {
        select = select.filter(rma::Column::Status.eq(status.as_str()));
    }
    if let Some(order) = filter.order_id {
        select = select.filter(rma::Column::OrderId.eq(order));
    }
    select
}

/// Returns, newest first.
pub async fn list(tx: &TenantTx, request: &PageRequest, filter: &ReturnFilter) -> DomainResult<Page<Return>> {
    tx.ctx().require(Permission::ReturnsRead)?;
    let page = paging::fetch(tx, select(tx, filter), PageOrder::NewestFirst, request).await?;
    let (ids, rows): (Vec<Uuid>, Vec<rma::Model>) = page.items.into_iter().unzip();
    let items = ids.into_iter().zip(read(tx, rows).await?).collect();
    Ok(Page { items, has_next_page: page.has_next_page, has_previous_page: page.has_previous_page })
}

pub async fn count(tx: &TenantTx, filter: &ReturnFilter) -> DomainResult<u64> {
    tx.ctx().require(Permission::ReturnsRead)?;
    Ok(select(tx, filter).count(tx.conn()).await?)
}

/// Announces a return of a shipped or delivered order; a retry with the
/// same idempotency key returns the first.
pub async fn create(tx: &mut TenantTx, input: NewReturn, key: Option<&IdempotencyKey>) -> DomainResult<Return> {
    let request = input.clone();
    idempotency::once(tx, key, "returnCreate", &request, async |tx| create_now(tx, input).await).await
}

async fn create_now(tx: &mut TenantTx, input: NewReturn) -> DomainResult<Return> {
    tx.ctx().require(Permission::ReturnsWrite)?;
    let Some(order) = orders::read_one(tx, input.order_id).await? else {
        return Err(DomainError::not_found("orderId"));
    };
    if !matches!(order.status, OrderStatus::Shipped | OrderStatus::Delivered | OrderStatus::Exception) {
        return Err(DomainError::user("orderId", UserErrorCode::Invalid, messages::not_shipped(order.status.as_str())));
    }
    let mut errors = UserErrors::default();
    if input.lines.is_empty() {
        errors.push("lines", UserErrorCode::Invalid, messages::lines_required());
    }
    let earlier = tx.find::<rma::Entity>().filter(rma::Column::OrderId.eq(order.id)).all(tx.conn()).await?;
    let earlier: Vec<Uuid> =
        earlier.into_iter().filter(|r| r.status != ReturnStatus::Cancelled.as_str()).map(|r| r.id).collect();
    let returned =
        tx.find::<rma_line::Entity>().filter(rma_line::Column::ReturnId.is_in(earlier)).all(tx.conn()).await?;
    for (i, line) in input.lines.iter().enumerate() {
        let position = i.to_string();
        let shipped: i64 = order.lines.iter().filter(|l| l.sku_id == line.sku_id).map(|l| l.quantity).sum();
        let back: i64 = returned.iter().filter(|l| l.sku_id == line.sku_id).map(|l| l.expected).sum();
        if shipped == 0 {
            errors.push_at(&["lines", &position, "skuId"], UserErrorCode::Invalid, messages::not_in_order());
        } else if line.quantity <= 0 || line.quantity > shipped - back {
            let message = messages::quantity_range(shipped - back);
            errors.push_at(&["lines", &position, "quantity"], UserErrorCode::Invalid, message);
        }
    }
    if input.lines.iter().enumerate().any(|(i, l)| input.lines[..i].iter().any(|e| e.sku_id == l.sku_id)) {
        errors.push("lines", UserErrorCode::Invalid, messages::sku_twice());
    }
    errors.finish()?;
    // Back to the warehouse that shipped it (the first it was allocated in).
    let warehouse_id =
        order.lines.iter().flat_map(|l| l.allocations.iter()).map(|a| a.warehouse_id).next().ok_or_else(|| {
            DomainError::user("orderId", UserErrorCode::Invalid, messages::not_shipped("unallocated"))
        })?;
    let id = new_id();
    let now = clock::now();
    let sequence = tx.find::<rma::Entity>().count(tx.conn()).await? + 1;
    let row = rma::Model {
        tenant_id: tx.tenant_id(),
        id,
        merchant_id: order.merchant_id,
        order_id: order.id,
        warehouse_id,
        reference: format!("RMA-{sequence:06}"),
        status: ReturnStatus::Requested.as_str().to_owned(),
        reason: input.reason.map(|r| r.trim().to_owned()).filter(|r| !r.is_empty()),
        created_at: now,
        updated_at: now,
        completed_at: None,
    };
    tx.insert(row.clone().into_active_model()).await?;
    let lines = input
        .lines
        .iter()
        .map(|line| rma_line::ActiveModel {
            tenant_id: Set(tx.tenant_id()),
            id: Set(new_id()),
            merchant_id: Set(order.merchant_id),
            return_id: Set(id),
            sku_id: Set(line.sku_id),
            expected: Set(line.quantity),
            received: Set(0),
            restocked: Set(0),
            damaged: Set(0),
            disposed: Set(0),
        })
        .collect();
    tx.insert_many(lines).await?;
    let made = read(tx, vec![row]).await?.pop().ok_or_else(|| DomainError::Internal("return vanished".into()))?;
    let view = json!({"reference": made.reference, "order": order.reference, "status": "requested",
                      "units": made.lines.iter().map(|l| l.expected).sum::<i64>()});
    audit::record(tx, Change::of("return.create", RETURN, id).after(view)).await?;
    Ok(made)
}

/// The return `id` in a status that takes units, and the line a scan names.
async fn scanned_line(tx: &TenantTx, scan: &Scan) -> DomainResult<(Return, ReturnLine)> {
    let Some(found) = one(tx, scan.return_id).await? else {
        return Err(DomainError::not_found("returnId"));
    };
    if matches!(found.status, ReturnStatus::Completed | ReturnStatus::Cancelled) {
        return Err(DomainError::user("returnId", UserErrorCode::Invalid, messages::closed(found.status.as_str())));
    }
    if scan.quantity <= 0 {
        return Err(DomainError::user("quantity", UserErrorCode::Invalid, messages::quantity_positive()));
    }
    let skus = barcodes::scan(tx, found.merchant_id, &scan.barcode).await?;
    let line = found.lines.iter().find(|l| skus.contains(&l.sku_id)).cloned();
    let line = line.ok_or_else(|| {
        DomainError::user("barcode", UserErrorCode::NotFound, messages::not_on_return(scan.barcode.trim()))
    })?;
    Ok((found, line))
}

async fn save_line(tx: &TenantTx, line: &ReturnLine) -> DomainResult<()> {
    use rma_line::Column as C;
    tx.update_many::<rma_line::Entity>()
        .col_expr(C::Received, Expr::value(line.received))
        .col_expr(C::Restocked, Expr::value(line.restocked))
        .col_expr(C::Damaged, Expr::value(line.damaged))
        .col_expr(C::Disposed, Expr::value(line.disposed))
        .filter(C::Id.eq(line.id))
        .exec(tx.conn())
        .await?;
    Ok(())
}

/// Sets the return's status from its lines: COMPLETED once every unit
/// expected was received and inspected, RECEIVING otherwise.
async fn settle(tx: &TenantTx, id: Uuid) -> DomainResult<Return> {
    let found = one(tx, id).await?.ok_or_else(|| DomainError::Internal("return vanished".into()))?;
    let done = found.lines.iter().all(|l| l.received >= l.expected && l.awaiting_inspection() == 0);
    let status = if done { ReturnStatus::Completed } else { ReturnStatus::Receiving };
    let mut update = tx
        .update_many::<rma::Entity>()
        .col_expr(rma::Column::Status, Expr::value(status.as_str()))
        .col_expr(rma::Column::UpdatedAt, Expr::value(clock::now()));
    if done {
        update = update.col_expr(rma::Column::CompletedAt, Expr::value(clock::now()));
    }
    update.filter(rma::Column::Id.eq(id)).exec(tx.conn()).await?;
    one(tx, id).await?.ok_or_else(|| DomainError::Internal("return vanished".into()))
}

/// Receives scanned units into the warehouse's first QUARANTINE location
/// (they wait there for inspection, counted as quality control).
pub async fn receive(tx: &mut TenantTx, scan: Scan) -> DomainResult<Return> {
    tx.ctx().require(Permission::InventoryWrite)?;
    let (found, mut line) = scanned_line(tx, &scan).await?;
    // An RMA says what comes back: units beyond it are not taken into stock.
    let left = line.expected - line.received;
    if scan.quantity > left {
        return Err(DomainError::user("quantity", UserErrorCode::Invalid, messages::more_than_expected(left.max(0))));
    }
    let quarantine = placement::first_of(tx, found.warehouse_id, LocationType::Quarantine).await?.map(|p| p.id);
    let quarantine = quarantine.ok_or_else(|| {
        DomainError::user("returnId", UserErrorCode::Invalid, messages::no_location(LocationType::Quarantine.as_str()))
    })?;
    let key = StockKey { sku_id: line.sku_id, warehouse_id: found.warehouse_id, merchant_id: found.merchant_id };
    let entry = Entry {
        key,
        kind: MovementKind::Return,
        effect: Effect::IntoBin {
            location_id: quarantine,
            lot: None,
            received_on: None,
            expires_on: None,
            quantity: scan.quantity,
        },
        reason: Some("returned".to_owned()),
    };
    ledger::post(tx, &[entry], Some(&reference_of(found.id)), None).await.map_err(|e| e.at("quantity", "returnId"))?;
    let before = line.received;
    line.received += scan.quantity;
    save_line(tx, &line).await?;
    let after = settle(tx, found.id).await?;
    let change = Change::of("return.receive", RETURN, found.id)
        .before(json!({"received": before}))
        .after(json!({"scanned": scan.barcode.trim(), "quantity": scan.quantity, "received": line.received}));
    audit::record(tx, change).await?;
    Ok(after)
}

/// Inspects received units: RESTOCK to `to_location_id` (a sellable
/// location of the warehouse), DAMAGED to its first DAMAGED location
/// (or `to_location_id`), DISPOSE out of stock.
pub async fn inspect(
    tx: &mut TenantTx,
    scan: Scan,
    outcome: Inspection,
    to_location_id: Option<Uuid>,
) -> DomainResult<Return> {
    tx.ctx().require(Permission::InventoryWrite)?;
    let (found, mut line) = scanned_line(tx, &scan).await?;
    if scan.quantity > line.awaiting_inspection() {
        let message = messages::more_than_awaiting(line.awaiting_inspection());
        return Err(DomainError::user("quantity", UserErrorCode::Invalid, message));
    }
    let quarantine = placement::first_of(tx, found.warehouse_id, LocationType::Quarantine).await?.map(|p| p.id);
    let quarantine = quarantine.ok_or_else(|| {
        DomainError::user("returnId", UserErrorCode::Invalid, messages::no_location(LocationType::Quarantine.as_str()))
    })?;
    let wanted = match outcome {
        Inspection::Restock => Some(Holding::Sellable),
        Inspection::Damaged => Some(Holding::Damaged),
        Inspection::Dispose => None,
    };
    let target = match (wanted, to_location_id) {
        (None, _) => None,
        (Some(holding), Some(id)) => match placement::place(tx, id).await? {
            Some(l) if l.warehouse_id == found.warehouse_id && l.kind.holds() == holding => Some(id),
            _ => return Err(DomainError::user("toLocationId", UserErrorCode::Invalid, messages::wrong_location())),
        },
        (Some(Holding::Damaged), None) => {
            let damaged = placement::first_of(tx, found.warehouse_id, LocationType::Damaged).await?.map(|p| p.id);
            Some(damaged.ok_or_else(|| {
                DomainError::user("toLocationId", UserErrorCode::Invalid, messages::no_location("damaged"))
            })?)
        }
        (Some(_), None) => {
            return Err(DomainError::user("toLocationId", UserErrorCode::Invalid, messages::wrong_location()));
        }
    };
    let key = StockKey { sku_id: line.sku_id, warehouse_id: found.warehouse_id, merchant_id: found.merchant_id };
    let effect = match target {
        Some(to) => Effect::MoveBin { from: quarantine, to, lot: None, received_on: None, quantity: scan.quantity },
        None => Effect::OutOfBin { location_id: quarantine, lot: None, received_on: None, quantity: scan.quantity },
    };
    let entry = Entry { key, kind: MovementKind::Return, effect, reason: Some(outcome.as_str().to_owned()) };
    ledger::post(tx, &[entry], Some(&reference_of(found.id)), None).await.map_err(|e| e.at("quantity", "returnId"))?;
    match outcome {
        Inspection::Restock => line.restocked += scan.quantity,
        Inspection::Damaged => line.damaged += scan.quantity,
        Inspection::Dispose => line.disposed += scan.quantity,
    }
    save_line(tx, &line).await?;
    let after = settle(tx, found.id).await?;
    let change = Change::of("return.inspect", RETURN, found.id).after(json!({
        "scanned": scan.barcode.trim(), "quantity": scan.quantity, "outcome": outcome.as_str(),
        "restocked": line.restocked, "damaged": line.damaged, "disposed": line.disposed}));
    audit::record(tx, change).await?;
    Ok(after)
}
