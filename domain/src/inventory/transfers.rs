//! Transfers between warehouses, with an in-transit stage: sending takes
//! the units out of their bins at the source and announces them as
//! `incoming` at the destination (both TRANSFER movements referencing the
//! transfer); receiving puts them into a bin there and takes them off
//! `incoming`; cancelling before arrival puts them back where they came
//! from. A transfer carries one merchant's goods; the list of transfers is
//! owner-scoped like every owned row.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr};
use sea_orm::{ActiveValue::Set, ColumnTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, Select};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::entities::{location, stock_transfer, stock_transfer_line};
use super::ledger::{self, Effect, Entry, Reference};
use super::locations::LocationType;
use super::quantities::{MovementKind, StockKey};
use super::{STOCK_TRANSFER, messages, warehouses};
use crate::catalog::skus;
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
    /// Where a transfer is: IN_TRANSIT (left the source, `incoming` at
    /// the destination), RECEIVED, or CANCELLED (put back at the source).
    TransferStatus {
        InTransit = "in_transit",
        Received = "received",
        Cancelled = "cancelled",
    }
);

/// Most lines of one transfer.
const MAX_LINES: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferLine {
    pub id: Uuid,
    pub sku_id: Uuid,
    pub from_location_id: Uuid,
    pub lot: Option<String>,
    pub quantity: i64,
    pub to_location_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transfer {
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub reference: String,
    pub from_warehouse_id: Uuid,
    pub to_warehouse_id: Uuid,
    pub status: TransferStatus,
    pub note: Option<String>,
    pub lines: Vec<TransferLine>,
    pub created_at: DateTime<Utc>,
    pub received_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NewTransferLine {
    pub sku_id: Uuid,
    pub from_location_id: Uuid,
    pub lot: Option<String>,
    /// Units, above zero.
    pub quantity: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct NewTransfer {
    /// Unique per merchant (`TR-0001`).
    pub reference: String,
    pub to_warehouse_id: Uuid,
    pub note: Option<String>,
    /// From one source warehouse: the one the first line's location is in.
    pub lines: Vec<NewTransferLine>,
}

/// The transfers of `rows` with their lines, read in one query whatever
/// the number of rows.
async fn read_all(tx: &TenantTx, rows: Vec<stock_transfer::Model>) -> DomainResult<Vec<Transfer>> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let lines = tx
        .find::<stock_transfer_line::Entity>()
        .filter(stock_transfer_line::Column::TransferId.is_in(ids))
        .order_by_asc(stock_transfer_line::Column::Id)
        .all(tx.conn())
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| Transfer {
            lines: lines
                .iter()
                .filter(|l| l.transfer_id == row.id)
                .map(|l| TransferLine {
                    id: l.id,
                    sku_id: l.sku_id,
                    from_location_id: l.from_location_id,
                    lot: l.lot.clone(),
                    quantity: l.quantity,
                    to_location_id: l.to_location_id,
                })
                .collect(),
            id: row.id,
            merchant_id: row.merchant_id,
            reference: row.reference,
            from_warehouse_id: row.from_warehouse_id,
            to_warehouse_id: row.to_warehouse_id,
            status: TransferStatus::parse(&row.status).unwrap_or(TransferStatus::InTransit),
            note: row.note,
            created_at: row.created_at,
            received_at: row.received_at,
        })
        .collect())
}

async fn read(tx: &TenantTx, row: stock_transfer::Model) -> DomainResult<Transfer> {
    read_all(tx, vec![row]).await?.pop().ok_or_else(|| DomainError::Internal("transfer vanished".into()))
}

pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Transfer>> {
    tx.ctx().require(Permission::InventoryRead)?;
    match tx.find_by_id::<stock_transfer::Entity>(id).one(tx.conn()).await? {
        Some(row) => read(tx, row).await.map(Some),
        None => Ok(None),
    }
}

/// Which transfers a list covers; each field given narrows it.
#[derive(Debug, Clone, Default)]
pub struct TransferFilter {
    pub status: Option<TransferStatus>,
    pub merchant_id: Option<Uuid>,
    pub from_warehouse_id: Option<Uuid>,
    pub to_warehouse_id: Option<Uuid>,
    /// A prefix of the reference, without regard to case.
    pub query: Option<String>,
}

impl TransferFilter {
    fn select(&self, tx: &TenantTx) -> Select<stock_transfer::Entity> {
        use stock_transfer::Column as C;
        let mut select = tx.find::<stock_transfer::Entity>();
        if let Some(status) = self.status {
            select = select.filter(C::Status.eq(status.as_str()));
        }
        if let Some(id) = self.merchant_id {
            select = select.filter(C::MerchantId.eq(id));
        }
        if let Some(id) = self.from_warehouse_id {
            select = select.filter(C::FromWarehouseId.eq(id));
        }
        if let Some(id) = self.to_warehouse_id {
            select = select.filter(C::ToWarehouseId.eq(id));
        }
        if let Some(query) = self.query.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
            let literal = query.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
            let pattern = LikeExpr::new(format!("{literal}%")).escape('\\');
            select = select.filter(Expr::expr(Func::lower(Expr::col(C::Reference))).like(pattern));
        }
        select
    }
}

/// Transfers, newest first, with their lines; a merchant sees its own only.
pub async fn list(tx: &TenantTx, request: &PageRequest, filter: &TransferFilter) -> DomainResult<Page<Transfer>> {
    tx.ctx().require(Permission::InventoryRead)?;
    let page = paging::fetch(tx, filter.select(tx), PageOrder::NewestFirst, request).await?;
    let (ids, rows): (Vec<Uuid>, Vec<stock_transfer::Model>) = page.items.into_iter().unzip();
    let items = ids.into_iter().zip(read_all(tx, rows).await?).collect();
    Ok(Page { items, has_next_page: page.has_next_page, has_previous_page: page.has_previous_page })
}

pub async fn count(tx: &TenantTx, filter: &TransferFilter) -> DomainResult<u64> {
    tx.ctx().require(Permission::InventoryRead)?;
    Ok(filter.select(tx).count(tx.conn()).await?)
}

fn reference_of(id: Uuid) -> Reference {
    Reference { kind: STOCK_TRANSFER.name(), id: id.to_string() }
}

/// Sends units from their bins to another warehouse; a retry with the
/// same idempotency key returns the first transfer.
pub async fn send(tx: &mut TenantTx, input: NewTransfer, key: Option<&IdempotencyKey>) -> DomainResult<Transfer> {
    let request = input.clone();
    idempotency::once(tx, key, "stockTransferCreate", &request, async |tx| send_now(tx, input).await).await
}

async fn send_now(tx: &mut TenantTx, input: NewTransfer) -> DomainResult<Transfer> {
    tx.ctx().require(Permission::InventoryWrite)?;
    let mut errors = UserErrors::default();
    let reference = input.reference.trim().to_owned();
    if reference.is_empty() || reference.chars().count() > 64 {
        errors.push("reference", UserErrorCode::Invalid, messages::too_long(64));
    }
    if input.lines.is_empty() || input.lines.len() > MAX_LINES {
        errors.push("lines", UserErrorCode::Invalid, messages::lines_count(MAX_LINES));
    }
    for (i, line) in input.lines.iter().enumerate() {
        if line.quantity <= 0 {
            let position = i.to_string();
            errors.push_at(&["lines", &position, "quantity"], UserErrorCode::Invalid, messages::quantity_positive());
        }
    }
    errors.finish()?;
    let facts = skus::facts(tx, input.lines.iter().map(|l| l.sku_id)).await?;
    let location_ids: Vec<Uuid> = input.lines.iter().map(|l| l.from_location_id).collect();
    let places = tx.find::<location::Entity>().filter(location::Column::Id.is_in(location_ids)).all(tx.conn()).await?;
    let mut errors = UserErrors::default();
    let mut merchant = None;
    let mut from_warehouse = None;
    for (i, line) in input.lines.iter().enumerate() {
        let position = i.to_string();
        match facts.get(&line.sku_id) {
            Some(sku) if merchant.is_none_or(|m| m == sku.merchant_id) => merchant = Some(sku.merchant_id),
            Some(_) => errors.push_at(&["lines", &position, "skuId"], UserErrorCode::Invalid, messages::one_merchant()),
            None => errors.push_at(&["lines", &position, "skuId"], UserErrorCode::NotFound, messages::not_found_here()),
        }
        match places.iter().find(|p| p.id == line.from_location_id) {
            Some(place) if from_warehouse.is_none_or(|w| w == place.warehouse_id) => {
                from_warehouse = Some(place.warehouse_id)
            }
            Some(_) => {
                errors.push_at(&["lines", &position, "fromLocationId"], UserErrorCode::Invalid, messages::one_source())
            }
            None => errors.push_at(
                &["lines", &position, "fromLocationId"],
                UserErrorCode::NotFound,
                messages::not_found_here(),
            ),
        }
    }
    errors.finish()?;
    let (Some(merchant_id), Some(from_warehouse_id)) = (merchant, from_warehouse) else {
        return Err(DomainError::Internal("a checked transfer without merchant or source".into()));
    };
    let destination = warehouses::by_ids(tx, [input.to_warehouse_id]).await?.remove(&input.to_warehouse_id);
    match destination {
        None => return Err(DomainError::not_found("toWarehouseId")),
        Some(_) if input.to_warehouse_id == from_warehouse_id => {
            return Err(DomainError::user("toWarehouseId", UserErrorCode::Invalid, messages::same_warehouse()));
        }
        Some(w) if !w.active => {
            return Err(DomainError::user(
                "toWarehouseId",
                UserErrorCode::Invalid,
                messages::warehouse_closed(&w.code),
            ));
        }
        Some(_) => {}
    }
    let taken = tx
        .find::<stock_transfer::Entity>()
        .filter(stock_transfer::Column::MerchantId.eq(merchant_id))
        .filter(stock_transfer::Column::Reference.eq(&reference))
        .one(tx.conn())
        .await?;
    if taken.is_some() {
        return Err(DomainError::user(
            "reference",
            UserErrorCode::Taken,
            messages::transfer_reference_taken(&reference),
        ));
    }
    let id = new_id();
    let row = stock_transfer::Model {
        tenant_id: tx.tenant_id(),
        id,
        merchant_id,
        reference,
        from_warehouse_id,
        to_warehouse_id: input.to_warehouse_id,
        status: TransferStatus::InTransit.as_str().to_owned(),
        note: input.note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()),
        created_at: clock::now(),
        received_at: None,
    };
    tx.insert(row.clone().into_active_model()).await?;
    let mut entries = Vec::new();
    let mut lines = Vec::new();
    for line in &input.lines {
        let lot = line.lot.as_deref().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned);
        let from = StockKey { sku_id: line.sku_id, warehouse_id: from_warehouse_id, merchant_id };
        let to = StockKey { warehouse_id: input.to_warehouse_id, ..from };
        entries.push(Entry {
            key: from,
            kind: MovementKind::Transfer,
            effect: Effect::OutOfBin {
                location_id: line.from_location_id,
                lot: lot.clone(),
                received_on: None,
                quantity: line.quantity,
            },
            reason: None,
        });
        entries.push(Entry {
            key: to,
            kind: MovementKind::Transfer,
            effect: Effect::Incoming(line.quantity),
            reason: None,
        });
        lines.push(stock_transfer_line::ActiveModel {
            tenant_id: Set(tx.tenant_id()),
            id: Set(new_id()),
            merchant_id: Set(merchant_id),
            transfer_id: Set(id),
            sku_id: Set(line.sku_id),
            from_location_id: Set(line.from_location_id),
            lot: Set(lot),
            quantity: Set(line.quantity),
            to_location_id: Set(None),
        });
    }
    tx.insert_many(lines).await?;
    ledger::post(tx, &entries, Some(&reference_of(id)), None).await.map_err(|e| e.at("lines", "lines"))?;
    let transfer = read(tx, row).await?;
    let units: i64 = transfer.lines.iter().map(|l| l.quantity).sum();
    let view =
        json!({"reference": transfer.reference, "status": "in_transit", "lines": transfer.lines.len(), "units": units});
    audit::record(tx, Change::of("transfer.send", STOCK_TRANSFER, id).after(view)).await?;
    Ok(transfer)
}

async fn in_transit(tx: &TenantTx, id: Uuid) -> DomainResult<stock_transfer::Model> {
    let Some(row) = tx.find_by_id::<stock_transfer::Entity>(id).one(tx.conn()).await? else {
        return Err(DomainError::not_found("id"));
    };
    if row.status != TransferStatus::InTransit.as_str() {
        return Err(DomainError::user("id", UserErrorCode::Invalid, messages::transfer_not_in_transit(&row.status)));
    }
    Ok(row)
}

async fn settle(tx: &TenantTx, id: Uuid, status: TransferStatus) -> DomainResult<()> {
    let mut update = tx
        .update_many::<stock_transfer::Entity>()
        .col_expr(stock_transfer::Column::Status, Expr::value(status.as_str()));
    if status == TransferStatus::Received {
        update = update.col_expr(stock_transfer::Column::ReceivedAt, Expr::value(clock::now()));
    }
    update.filter(stock_transfer::Column::Id.eq(id)).exec(tx.conn()).await?;
    Ok(())
}

/// Receives a whole transfer into `to_location_id`, a RECEIVING location
/// of the destination (what arrived short is adjusted afterwards, with a
/// reason).
pub async fn receive(tx: &mut TenantTx, id: Uuid, to_location_id: Uuid) -> DomainResult<Transfer> {
    tx.ctx().require(Permission::InventoryWrite)?;
    let row = in_transit(tx, id).await?;
    let place = tx.find_by_id::<location::Entity>(to_location_id).one(tx.conn()).await?;
    match place {
        Some(p) if p.warehouse_id == row.to_warehouse_id && p.kind == LocationType::Receiving.as_str() => {}
        _ => return Err(DomainError::user("toLocationId", UserErrorCode::Invalid, messages::receiving_location())),
    }
    let transfer = read(tx, row).await?;
    let entries: Vec<Entry> = transfer
        .lines
        .iter()
        .flat_map(|line| {
            let key = StockKey {
                sku_id: line.sku_id,
                warehouse_id: transfer.to_warehouse_id,
                merchant_id: transfer.merchant_id,
            };
            [
                Entry {
                    key,
                    kind: MovementKind::Transfer,
                    effect: Effect::IntoBin {
                        location_id: to_location_id,
                        lot: line.lot.clone(),
                        received_on: None,
                        expires_on: None,
                        quantity: line.quantity,
                    },
                    reason: None,
                },
                Entry { key, kind: MovementKind::Transfer, effect: Effect::Incoming(-line.quantity), reason: None },
            ]
        })
        .collect();
    ledger::post(tx, &entries, Some(&reference_of(id)), None).await.map_err(|e| e.at("id", "toLocationId"))?;
    tx.update_many::<stock_transfer_line::Entity>()
        .col_expr(stock_transfer_line::Column::ToLocationId, Expr::value(to_location_id))
        .filter(stock_transfer_line::Column::TransferId.eq(id))
        .exec(tx.conn())
        .await?;
    settle(tx, id, TransferStatus::Received).await?;
    let change = Change::of("transfer.receive", STOCK_TRANSFER, id)
        .before(json!({"status": "in_transit"}))
        .after(json!({"status": "received"}));
    audit::record(tx, change).await?;
    get_after(tx, id).await
}

/// Calls a transfer off before it arrives: its units go back to the bins
/// they left and off the destination's `incoming`.
pub async fn cancel(tx: &mut TenantTx, id: Uuid) -> DomainResult<Transfer> {
    tx.ctx().require(Permission::InventoryWrite)?;
    let row = in_transit(tx, id).await?;
    let transfer = read(tx, row).await?;
    let entries: Vec<Entry> = transfer
        .lines
        .iter()
        .flat_map(|line| {
            let back = StockKey {
                sku_id: line.sku_id,
                warehouse_id: transfer.from_warehouse_id,
                merchant_id: transfer.merchant_id,
            };
            let there = StockKey { warehouse_id: transfer.to_warehouse_id, ..back };
            [
                Entry {
                    key: there,
                    kind: MovementKind::Transfer,
                    effect: Effect::Incoming(-line.quantity),
                    reason: None,
                },
                Entry {
                    key: back,
                    kind: MovementKind::Transfer,
                    effect: Effect::IntoBin {
                        location_id: line.from_location_id,
                        lot: line.lot.clone(),
                        received_on: None,
                        expires_on: None,
                        quantity: line.quantity,
                    },
                    reason: Some("cancelled".to_owned()),
                },
            ]
        })
        .collect();
    ledger::post(tx, &entries, Some(&reference_of(id)), None).await.map_err(|e| e.at("id", "id"))?;
    settle(tx, id, TransferStatus::Cancelled).await?;
    let change = Change::of("transfer.cancel", STOCK_TRANSFER, id)
        .before(json!({"status": "in_transit"}))
        .after(json!({"status": "cancelled"}));
    audit::record(tx, change).await?;
    get_after(tx, id).await
}

async fn get_after(tx: &TenantTx, id: Uuid) -> DomainResult<Transfer> {
    let row = tx.find_by_id::<stock_transfer::Entity>(id).one(tx.conn()).await?;
    read(tx, row.ok_or_else(|| DomainError::Internal("transfer vanished".into()))?).await
}
