//! Cycle counts: a task to count one location (every SKU and lot in it)
//! or one SKU (in every location of the warehouse) snapshots what the
//! system expects; the counter enters what they find, blind by default
//! (the expected units are not shown to them); the variance (found less
//! expected) changes the ledger only when someone else approves it — a
//! person other than the counter, holding `counts:approve` (owners and
//! admins, while operators count). Approval posts COUNT movements of the
//! variance, so movements made since the snapshot stand.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, IntoActiveModel, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::entities::{bin_stock, count_line, count_task, location};
use super::ledger::{self, Effect, Entry, Reference};
use super::quantities::{MovementKind, StockKey};
use super::{COUNT_TASK, messages};
use crate::catalog::skus;
use crate::platform::access::Permission;
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode, UserErrors};
use crate::platform::ids::new_id;
use crate::platform::tenancy::TenantTx;
use crate::platform::text_enum::string_enum;

string_enum!(
    /// Where a count is: OPEN (to count, again after a rejection),
    /// COUNTED (awaiting a decision) or APPROVED (the variance is in the ledger).
    CountStatus {
        Open = "open",
        Counted = "counted",
        Approved = "approved",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountLine {
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub sku_id: Uuid,
    pub location_id: Uuid,
    pub lot: Option<String>,
    /// Units on hand when the task was made.
    pub expected: i64,
    pub counted: Option<i64>,
}

impl CountLine {
    /// Found less expected, once counted.
    pub fn variance(&self) -> Option<i64> {
        self.counted.map(|c| c - self.expected)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountTask {
    pub id: Uuid,
    pub warehouse_id: Uuid,
    pub location_id: Option<Uuid>,
    pub sku_id: Option<Uuid>,
    pub blind: bool,
    pub status: CountStatus,
    pub created_by: String,
    pub counted_by: Option<String>,
    pub decided_by: Option<String>,
    pub lines: Vec<CountLine>,
    pub created_at: DateTime<Utc>,
    pub counted_at: Option<DateTime<Utc>>,
    pub decided_at: Option<DateTime<Utc>>,
}

/// What to count: a location, or a SKU across the warehouse.
#[derive(Debug, Clone)]
enum CountScope {
    Location(Uuid),
    Sku { sku_id: Uuid, warehouse_id: Uuid },
}

/// A count to make: `location_id`, or `sku_id` with `warehouse_id`.
#[derive(Debug, Clone)]
pub struct NewCount {
    pub location_id: Option<Uuid>,
    pub sku_id: Option<Uuid>,
    pub warehouse_id: Option<Uuid>,
    /// Hide the expected units from the counter.
    pub blind: bool,
}

/// One count entered: units of a SKU (and lot) found in a location.
#[derive(Debug, Clone)]
pub struct Counted {
    pub sku_id: Uuid,
    pub location_id: Uuid,
    pub lot: Option<String>,
    /// Units found, zero or more.
    pub counted: i64,
}

async fn read(tx: &TenantTx, row: count_task::Model) -> DomainResult<CountTask> {
    let lines = tx
        .find::<count_line::Entity>()
        .filter(count_line::Column::TaskId.eq(row.id))
        .order_by_asc(count_line::Column::Id)
        .all(tx.conn())
        .await?;
    Ok(CountTask {
        id: row.id,
        warehouse_id: row.warehouse_id,
        location_id: row.location_id,
        sku_id: row.sku_id,
        blind: row.blind,
        status: CountStatus::parse(&row.status).unwrap_or(CountStatus::Open),
        created_by: row.created_by,
        counted_by: row.counted_by,
        decided_by: row.decided_by,
        lines: lines
            .into_iter()
            .map(|l| CountLine {
                id: l.id,
                merchant_id: l.merchant_id,
                sku_id: l.sku_id,
                location_id: l.location_id,
                lot: (!l.lot.is_empty()).then_some(l.lot),
                expected: l.expected,
                counted: l.counted,
            })
            .collect(),
        created_at: row.created_at,
        counted_at: row.counted_at,
        decided_at: row.decided_at,
    })
}

pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Option<CountTask>> {
    tx.ctx().require(Permission::InventoryWrite)?;
    match tx.find_by_id::<count_task::Entity>(id).one(tx.conn()).await? {
        Some(row) => read(tx, row).await.map(Some),
        None => Ok(None),
    }
}

/// Count tasks, newest first, optionally of one status.
pub async fn list(tx: &TenantTx, status: Option<CountStatus>) -> DomainResult<Vec<CountTask>> {
    tx.ctx().require(Permission::InventoryWrite)?;
    let mut select = tx.find::<count_task::Entity>().order_by_desc(count_task::Column::Id);
    if let Some(status) = status {
        select = select.filter(count_task::Column::Status.eq(status.as_str()));
    }
    let mut tasks = Vec::new();
    for row in select.all(tx.conn()).await? {
        tasks.push(read(tx, row).await?);
    }
    Ok(tasks)
}

/// Makes a count task of `scope`, snapshotting what the bins hold now
/// (one line per SKU and lot in each location).
pub async fn create(tx: &mut TenantTx, input: NewCount) -> DomainResult<CountTask> {
    tx.ctx().require(Permission::InventoryWrite)?;
    let blind = input.blind;
    let scope = match (input.location_id, input.sku_id, input.warehouse_id) {
        (Some(location), None, _) => CountScope::Location(location),
        (None, Some(sku_id), Some(warehouse_id)) => CountScope::Sku { sku_id, warehouse_id },
        _ => return Err(DomainError::user("locationId", UserErrorCode::Invalid, messages::count_scope())),
    };
    let (warehouse_id, location_id, sku_id, bins) = match scope {
        CountScope::Location(id) => {
            let place = tx.find_by_id::<location::Entity>(id).one(tx.conn()).await?;
            let place = place.ok_or_else(|| DomainError::not_found("locationId"))?;
            let bins =
                tx.find::<bin_stock::Entity>().filter(bin_stock::Column::LocationId.eq(id)).all(tx.conn()).await?;
            (place.warehouse_id, Some(id), None, bins)
        }
        CountScope::Sku { sku_id, warehouse_id } => {
            if skus::facts(tx, [sku_id]).await?.is_empty() {
                return Err(DomainError::not_found("skuId"));
            }
            if super::warehouses::by_ids(tx, [warehouse_id]).await?.is_empty() {
                return Err(DomainError::not_found("warehouseId"));
            }
            let bins = tx
                .find::<bin_stock::Entity>()
                .filter(bin_stock::Column::SkuId.eq(sku_id))
                .filter(bin_stock::Column::WarehouseId.eq(warehouse_id))
                .all(tx.conn())
                .await?;
            (warehouse_id, None, Some(sku_id), bins)
        }
    };
    let id = new_id();
    let row = count_task::Model {
        tenant_id: tx.tenant_id(),
        id,
        warehouse_id,
        location_id,
        sku_id,
        blind,
        status: CountStatus::Open.as_str().to_owned(),
        created_by: tx.ctx().actor.label(),
        counted_by: None,
        decided_by: None,
        created_at: clock::now(),
        counted_at: None,
        decided_at: None,
    };
    tx.insert(row.clone().into_active_model()).await?;
    // Bins of one SKU, location and lot received on different days are one line.
    let mut expected: HashMap<(Uuid, Uuid, String), (Uuid, i64)> = HashMap::new();
    for bin in bins {
        let entry = expected.entry((bin.sku_id, bin.location_id, bin.lot)).or_insert((bin.merchant_id, 0));
        entry.1 += bin.on_hand;
    }
    let lines = expected
        .into_iter()
        .map(|((sku_id, location_id, lot), (merchant_id, units))| {
            line_row(tx, id, merchant_id, sku_id, location_id, lot, units)
        })
        .collect();
    tx.insert_many(lines).await?;
    let task = read(tx, row).await?;
    let view = json!({"warehouseId": warehouse_id, "scope": if location_id.is_some() { "location" } else { "sku" },
                      "blind": blind, "lines": task.lines.len()});
    audit::record(tx, Change::of("count.create", COUNT_TASK, id).after(view)).await?;
    Ok(task)
}

fn line_row(
    tx: &TenantTx,
    task_id: Uuid,
    merchant_id: Uuid,
    sku_id: Uuid,
    location_id: Uuid,
    lot: String,
    expected: i64,
) -> count_line::ActiveModel {
    count_line::ActiveModel {
        tenant_id: Set(tx.tenant_id()),
        id: Set(new_id()),
        task_id: Set(task_id),
        merchant_id: Set(merchant_id),
        sku_id: Set(sku_id),
        location_id: Set(location_id),
        lot: Set(lot),
        expected: Set(expected),
        counted: Set(None),
    }
}

async fn task_in(tx: &TenantTx, id: Uuid, status: CountStatus) -> DomainResult<count_task::Model> {
    let Some(row) = tx.find_by_id::<count_task::Entity>(id).one(tx.conn()).await? else {
        return Err(DomainError::not_found("id"));
    };
    if row.status != status.as_str() {
        return Err(DomainError::user("id", UserErrorCode::Invalid, messages::count_not_in(&row.status)));
    }
    Ok(row)
}

/// Records what the counter found. Every line of the task must be
/// counted (zero when nothing is there); units of another SKU found in a
/// counted location are added as lines expecting none.
pub async fn submit(tx: &mut TenantTx, id: Uuid, counts: Vec<Counted>) -> DomainResult<CountTask> {
    tx.ctx().require(Permission::InventoryWrite)?;
    let row = task_in(tx, id, CountStatus::Open).await?;
    let task = read(tx, row.clone()).await?;
    let mut errors = UserErrors::default();
    for (i, count) in counts.iter().enumerate() {
        if count.counted < 0 {
            let position = i.to_string();
            errors.push_at(&["lines", &position, "counted"], UserErrorCode::Invalid, messages::quantity_not_negative());
        }
    }
    let key = |sku: Uuid, location: Uuid, lot: &Option<String>| (sku, location, lot.clone().unwrap_or_default());
    let given: HashMap<_, i64> = counts.iter().map(|c| (key(c.sku_id, c.location_id, &c.lot), c.counted)).collect();
    if task.lines.iter().any(|l| !given.contains_key(&key(l.sku_id, l.location_id, &l.lot))) {
        errors.push("lines", UserErrorCode::Invalid, messages::count_every_line());
    }
    errors.finish()?;
    let facts = skus::facts(tx, counts.iter().map(|c| c.sku_id)).await?;
    for (i, count) in counts.iter().enumerate() {
        let k = key(count.sku_id, count.location_id, &count.lot);
        match task.lines.iter().find(|l| key(l.sku_id, l.location_id, &l.lot) == k) {
            Some(line) => {
                tx.update_many::<count_line::Entity>()
                    .col_expr(count_line::Column::Counted, Expr::value(count.counted))
                    .filter(count_line::Column::Id.eq(line.id))
                    .exec(tx.conn())
                    .await?;
            }
            None => {
                let position = i.to_string();
                let Some(sku) = facts.get(&count.sku_id) else {
                    return Err(DomainError::User(vec![crate::platform::errors::UserError::at(
                        &["lines", &position, "skuId"],
                        UserErrorCode::NotFound,
                        messages::not_found_here(),
                    )]));
                };
                let place = tx.find_by_id::<location::Entity>(count.location_id).one(tx.conn()).await?;
                if place.is_none_or(|p| p.warehouse_id != task.warehouse_id) {
                    return Err(DomainError::User(vec![crate::platform::errors::UserError::at(
                        &["lines", &position, "locationId"],
                        UserErrorCode::NotFound,
                        messages::not_found_here(),
                    )]));
                }
                let mut extra = line_row(tx, id, sku.merchant_id, sku.id, count.location_id, k.2.clone(), 0);
                extra.counted = Set(Some(count.counted));
                tx.insert(extra).await?;
            }
        }
    }
    tx.update_many::<count_task::Entity>()
        .col_expr(count_task::Column::Status, Expr::value(CountStatus::Counted.as_str()))
        .col_expr(count_task::Column::CountedBy, Expr::value(tx.ctx().actor.label()))
        .col_expr(count_task::Column::CountedAt, Expr::value(clock::now()))
        .filter(count_task::Column::Id.eq(id))
        .exec(tx.conn())
        .await?;
    let after = read(tx, task_in(tx, id, CountStatus::Counted).await?).await?;
    let variance: i64 = after.lines.iter().filter_map(CountLine::variance).sum();
    let change = Change::of("count.submit", COUNT_TASK, id)
        .before(json!({"status": "open"}))
        .after(json!({"status": "counted", "lines": after.lines.len(), "variance": variance}));
    audit::record(tx, change).await?;
    Ok(after)
}

/// Approves (the variance goes into the ledger as COUNT movements) or
/// rejects (the task opens again to be counted anew) a counted task; the
/// counter cannot decide on their own count.
pub async fn decide(tx: &mut TenantTx, id: Uuid, approve: bool) -> DomainResult<CountTask> {
    tx.ctx().require(Permission::CountsApprove)?;
    let row = task_in(tx, id, CountStatus::Counted).await?;
    let me = tx.ctx().actor.label();
    if row.counted_by.as_deref() == Some(me.as_str()) {
        return Err(DomainError::user("id", UserErrorCode::Invalid, messages::count_own()));
    }
    let task = read(tx, row.clone()).await?;
    if approve {
        let entries: Vec<Entry> = task
            .lines
            .iter()
            .filter_map(|line| Some((line, line.variance().filter(|v| *v != 0)?)))
            .map(|(line, variance)| Entry {
                key: StockKey { sku_id: line.sku_id, warehouse_id: task.warehouse_id, merchant_id: line.merchant_id },
                kind: MovementKind::Count,
                effect: if variance > 0 {
                    Effect::IntoBin {
                        location_id: line.location_id,
                        lot: line.lot.clone(),
                        received_on: None,
                        expires_on: None,
                        quantity: variance,
                    }
                } else {
                    Effect::OutOfBin {
                        location_id: line.location_id,
                        lot: Some(line.lot.clone().unwrap_or_default()),
                        received_on: None,
                        quantity: -variance,
                    }
                },
                reason: Some("cycle_count".to_owned()),
            })
            .collect();
        let reference = Reference { kind: COUNT_TASK.name(), id: id.to_string() };
        ledger::post(tx, &entries, Some(&reference), None).await.map_err(|e| e.at("id", "id"))?;
    } else {
        tx.update_many::<count_line::Entity>()
            .col_expr(count_line::Column::Counted, Expr::value(Option::<i64>::None))
            .filter(count_line::Column::TaskId.eq(id))
            .exec(tx.conn())
            .await?;
    }
    let next = if approve { CountStatus::Approved } else { CountStatus::Open };
    tx.update_many::<count_task::Entity>()
        .col_expr(count_task::Column::Status, Expr::value(next.as_str()))
        .col_expr(count_task::Column::DecidedBy, Expr::value(me))
        .col_expr(count_task::Column::DecidedAt, Expr::value(clock::now()))
        .filter(count_task::Column::Id.eq(id))
        .exec(tx.conn())
        .await?;
    let variance: i64 = task.lines.iter().filter_map(CountLine::variance).sum();
    let change = Change::of(if approve { "count.approve" } else { "count.reject" }, COUNT_TASK, id)
        .before(json!({"status": "counted", "variance": variance}))
        .after(json!({"status": next.as_str()}));
    audit::record(tx, change).await?;
    let row = tx.find_by_id::<count_task::Entity>(id).one(tx.conn()).await?;
    read(tx, row.ok_or_else(|| DomainError::Internal("count task vanished".into()))?).await
}
