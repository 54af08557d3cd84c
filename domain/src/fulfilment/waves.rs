//! Waves: orders of one warehouse picked together, and their pick list.
//!
//! `create` takes ALLOCATED orders whose every reservation is in the
//! warehouse (a split order waits until each part can be waved in its own
//! warehouse: taking half an order would leave it half PICKING, which the
//! order's one status cannot say), oldest first, optionally only orders of
//! one line, and plans one task per (order line, bin, lot): units taken in
//! the order the ledger takes them out (earliest expiry, then oldest
//! receipt; FEFO then FIFO) among the warehouse's active PICK and BULK
//! locations, minus what open tasks already claim there. An order whose
//! units are not all in such bins yet (still at receiving) stays ALLOCATED.
//! The pick list is sorted by location code: the pick path. A wave for a
//! carrier's collection may name its cut-off (`HH:MM` in the warehouse's
//! time zone): it then takes only orders placed before today's cut-off.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::carriers::CarrierCode;
use super::entities::{pick_task, wave};
use super::{WAVE, messages};
use crate::catalog::skus;
use crate::inventory::ledger;
use crate::inventory::placement::{self, StoredBin};
use crate::orders::entities::{order, order_allocation, order_line};
use crate::orders::intake;
use crate::orders::status::{OrderEventKind, OrderStatus};
use crate::platform::access::Permission;
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode};
use crate::platform::idempotency::{self, IdempotencyKey};
use crate::platform::ids::new_id;
use crate::platform::paging::{self, Order as PageOrder, Page, PageRequest};
use crate::platform::tenancy::TenantTx;
use crate::platform::text_enum::string_enum;

/// Orders a wave takes when not told.
pub const DEFAULT_MAX_ORDERS: i64 = 50;
/// Most orders of one wave: a picker's cart, not the whole day.
pub const MAX_ORDERS: i64 = 250;
/// Allocated orders looked at for one wave, oldest first.
const CANDIDATES: u64 = 2_000;

string_enum!(
    /// Where a wave is: PICKING (tasks left) or PICKED (every task done).
    WaveStatus {
        Picking = "picking",
        Picked = "picked",
    }
);

/// What `create` is asked for.
#[derive(Debug, Clone, Serialize)]
pub struct NewWave {
    pub warehouse_id: Uuid,
    /// The carrier whose collection the wave is for; recorded on the wave
    /// (orders carry no carrier until they ship).
    pub carrier: Option<CarrierCode>,
    /// Only orders of exactly one line (picked straight into their package).
    pub single_line_only: bool,
    /// 1 to [`MAX_ORDERS`]; [`DEFAULT_MAX_ORDERS`] when not given.
    pub max_orders: Option<i64>,
    /// The collection's cut-off, `HH:MM` in the warehouse's time zone:
    /// only orders placed before it today are taken.
    pub cutoff: Option<String>,
}

/// Units of one order line to take from one bin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PickTask {
    pub id: Uuid,
    pub wave_id: Uuid,
    pub order_id: Uuid,
    pub order_reference: String,
    pub line_id: Uuid,
    pub sku_id: Uuid,
    pub sku_code: String,
    pub location_id: Uuid,
    pub location_code: String,
    /// None for a SKU whose lots are not tracked.
    pub lot: Option<String>,
    pub received_on: NaiveDate,
    pub expires_on: Option<NaiveDate>,
    pub quantity: i64,
    pub picked: i64,
    pub picked_at: Option<DateTime<Utc>>,
}

impl PickTask {
    pub fn done(&self) -> bool {
        self.picked >= self.quantity
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wave {
    pub id: Uuid,
    pub warehouse_id: Uuid,
    pub status: WaveStatus,
    pub carrier: Option<CarrierCode>,
    pub single_line_only: bool,
    /// `HH:MM` in the warehouse's time zone.
    pub cutoff: Option<String>,
    pub order_count: i32,
    /// In pick path order: by location code, then order and SKU.
    pub tasks: Vec<PickTask>,
    pub created_at: DateTime<Utc>,
}

/// Creates a wave; a retry with the same idempotency key returns the first.
pub async fn create(tx: &mut TenantTx, input: NewWave, key: Option<&IdempotencyKey>) -> DomainResult<Wave> {
    let request = input.clone();
    idempotency::once(tx, key, "waveCreate", &request, async |tx| create_now(tx, input).await).await
}

/// A task planned, before it is written.
struct Planned {
    order: order::Model,
    take: Take,
}

/// Units open tasks of orders still PICKING claim, per (location, SKU, lot, receipt day).
type Claims = HashMap<(Uuid, Uuid, String, NaiveDate), i64>;

async fn claims(tx: &TenantTx, warehouse_id: Uuid) -> DomainResult<Claims> {
    let waves: Vec<Uuid> = tx
        .find::<wave::Entity>()
        .filter(wave::Column::WarehouseId.eq(warehouse_id))
        .filter(wave::Column::Status.eq(WaveStatus::Picking.as_str()))
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|w| w.id)
        .collect();
    let open = tx.find::<pick_task::Entity>().filter(pick_task::Column::WaveId.is_in(waves)).all(tx.conn()).await?;
    let mut claimed = Claims::new();
    for task in open.into_iter().filter(|t| t.picked < t.quantity) {
        *claimed.entry((task.location_id, task.sku_id, task.lot, task.received_on)).or_default() +=
            task.quantity - task.picked;
    }
    Ok(claimed)
}

/// Units of one line to take from one bin.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Take {
    line_id: Uuid,
    bin: StoredBin,
    quantity: i64,
}

/// The takes of one order's `lines` from `bins` (in the ledger's take-out
/// order), past what `claimed` holds already; none when its units are not
/// all in storage bins, and then `claimed` is left as it was. Pure.
fn plan_order(lines: &[order_line::Model], bins: &[StoredBin], claimed: &mut Claims) -> Option<Vec<Take>> {
    let mut trial = claimed.clone();
    let mut takes = Vec::new();
    for line in lines {
        let mut left = line.quantity;
        for bin in bins.iter().filter(|b| b.sku_id == line.sku_id) {
            if left == 0 {
                break;
            }
            let key = (bin.location_id, bin.sku_id, bin.lot.clone(), bin.received_on);
            let taken = trial.entry(key).or_default();
            let take = (bin.on_hand - *taken).min(left);
            if take > 0 {
                *taken += take;
                left -= take;
                takes.push(Take { line_id: line.id, bin: bin.clone(), quantity: take });
            }
        }
        if left > 0 {
            return None;
        }
    }
    *claimed = trial;
    Some(takes)
}

/// Today's `HH:MM` in time zone `zone` (an IANA name), as of `now`, in
/// UTC; a time the zone skips that day (a DST gap) is read an hour later.
fn cutoff_today(text: &str, zone: &str, now: DateTime<Utc>) -> DomainResult<DateTime<Utc>> {
    use chrono::TimeZone;
    let refused = || DomainError::user("cutoff", UserErrorCode::Invalid, messages::cutoff_format());
    let time = chrono::NaiveTime::parse_from_str(text, "%H:%M").map_err(|_| refused())?;
    let zone: chrono_tz::Tz = zone.parse().unwrap_or(chrono_tz::UTC);
    let local = now.with_timezone(&zone).date_naive().and_time(time);
    let at = zone
        .from_local_datetime(&local)
        .earliest()
        .or_else(|| zone.from_local_datetime(&(local + chrono::Duration::hours(1))).earliest())
        .ok_or_else(refused)?;
    Ok(at.with_timezone(&Utc))
}

async fn create_now(tx: &mut TenantTx, input: NewWave) -> DomainResult<Wave> {
    tx.ctx().require(Permission::FulfilmentWrite)?;
    let max_orders = input.max_orders.unwrap_or(DEFAULT_MAX_ORDERS);
    if !(1..=MAX_ORDERS).contains(&max_orders) {
        return Err(DomainError::user("maxOrders", UserErrorCode::Invalid, messages::max_orders(MAX_ORDERS)));
    }
    let warehouse = placement::warehouse(tx, input.warehouse_id).await?;
    let warehouse = warehouse.ok_or_else(|| DomainError::not_found("warehouseId"))?;
    let cutoff = match input.cutoff.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(text) => Some((text.to_owned(), cutoff_today(text, &warehouse.timezone, clock::now())?)),
        None => None,
    };

    // Locked: a concurrent wave waits, then no longer finds these ALLOCATED.
    let candidates = tx
        .find::<order::Entity>()
        .filter(order::Column::Status.eq(OrderStatus::Allocated.as_str()))
        .order_by_asc(order::Column::CreatedAt)
        .order_by_asc(order::Column::Id)
        .limit(CANDIDATES)
        .lock_exclusive()
        .all(tx.conn())
        .await?;
    let ids: Vec<Uuid> = candidates.iter().map(|o| o.id).collect();
    let allocations = tx
        .find::<order_allocation::Entity>()
        .filter(order_allocation::Column::OrderId.is_in(ids.clone()))
        .filter(order_allocation::Column::ReleasedAt.is_null())
        .all(tx.conn())
        .await?;
    let lines = tx
        .find::<order_line::Entity>()
        .filter(order_line::Column::OrderId.is_in(ids))
        .order_by_asc(order_line::Column::Position)
        .all(tx.conn())
        .await?;
    let mut lines_of: HashMap<Uuid, Vec<order_line::Model>> = HashMap::new();
    for line in lines {
        lines_of.entry(line.order_id).or_default().push(line);
    }
    let elsewhere: Vec<Uuid> =
        allocations.iter().filter(|a| a.warehouse_id != warehouse.id).map(|a| a.order_id).collect();
    let here: Vec<Uuid> = allocations.iter().filter(|a| a.warehouse_id == warehouse.id).map(|a| a.order_id).collect();
    let eligible: Vec<&order::Model> = candidates
        .iter()
        .filter(|o| here.contains(&o.id) && !elsewhere.contains(&o.id))
        .filter(|o| !input.single_line_only || lines_of.get(&o.id).is_some_and(|l| l.len() == 1))
        .filter(|o| cutoff.as_ref().is_none_or(|(_, before)| o.created_at < *before))
        .collect();
    let mut sku_ids: Vec<Uuid> = eligible.iter().flat_map(|o| lines_of[&o.id].iter().map(|l| l.sku_id)).collect();
    sku_ids.sort();
    sku_ids.dedup();
    // The SKUs' levels locked first, as postings lock them: bins and open
    // tasks are then read as no concurrent pick or wave changes them.
    ledger::lock_existing(tx, &sku_ids).await.map_err(|e| e.at("warehouseId", "warehouseId"))?;
    let bins = placement::storage_bins(tx, warehouse.id, &sku_ids).await?;
    let mut claimed = claims(tx, warehouse.id).await?;
    let mut planned = Vec::new();
    let mut taken: Vec<&order::Model> = Vec::new();
    for order in eligible {
        if taken.len() as i64 >= max_orders {
            break;
        }
        if let Some(takes) = plan_order(&lines_of[&order.id], &bins, &mut claimed) {
            planned.extend(takes.into_iter().map(|take| Planned { order: order.clone(), take }));
            taken.push(order);
        }
    }
    if taken.is_empty() {
        return Err(DomainError::user("warehouseId", UserErrorCode::Invalid, messages::nothing_to_pick()));
    }

    let now = clock::now();
    let id = new_id();
    tx.insert(wave::ActiveModel {
        tenant_id: Set(tx.tenant_id()),
        id: Set(id),
        warehouse_id: Set(warehouse.id),
        status: Set(WaveStatus::Picking.as_str().to_owned()),
        carrier: Set(input.carrier.map(|c| c.as_str().to_owned())),
        single_line_only: Set(input.single_line_only),
        cutoff: Set(cutoff.map(|(text, _)| text)),
        order_count: Set(taken.len() as i32),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .await?;
    let rows = planned
        .iter()
        .map(|p| pick_task::ActiveModel {
            tenant_id: Set(tx.tenant_id()),
            id: Set(new_id()),
            merchant_id: Set(p.order.merchant_id),
            wave_id: Set(id),
            order_id: Set(p.order.id),
            line_id: Set(p.take.line_id),
            sku_id: Set(p.take.bin.sku_id),
            location_id: Set(p.take.bin.location_id),
            location_code: Set(p.take.bin.location_code.clone()),
            lot: Set(p.take.bin.lot.clone()),
            received_on: Set(p.take.bin.received_on),
            expires_on: Set(p.take.bin.expires_on),
            quantity: Set(p.take.quantity),
            picked: Set(0),
            returned: Set(0),
            created_at: Set(now),
            picked_at: Set(None),
        })
        .collect();
    tx.insert_many(rows).await?;
    for order in &taken {
        intake::set_status(tx, order.id, OrderStatus::Picking).await?;
        let detail = Some(warehouse.code.clone());
        intake::record(tx, order, OrderStatus::Picking, OrderEventKind::Picking, detail).await?;
    }
    let wave = get_one(tx, id).await?.ok_or_else(|| DomainError::internal("wave vanished"))?;
    let after = json!({"warehouse": warehouse.code, "orders": taken.iter().map(|o| &o.reference).collect::<Vec<_>>(),
                       "tasks": wave.tasks.len(), "singleLineOnly": input.single_line_only,
                       "carrier": input.carrier.map(|c| c.as_str()), "cutoff": input.cutoff});
    audit::record(tx, Change::of("wave.create", WAVE, id).after(after)).await?;
    Ok(wave)
}

/// Which waves a list covers; each field given narrows it.
#[derive(Debug, Clone, Default)]
pub struct WaveFilter {
    pub warehouse_id: Option<Uuid>,
    pub status: Option<WaveStatus>,
}

impl WaveFilter {
    fn select(&self, tx: &TenantTx) -> Select<wave::Entity> {
        let mut select = tx.find::<wave::Entity>();
        if let Some(id) = self.warehouse_id {
            select = select.filter(wave::Column::WarehouseId.eq(id));
        }
        if let Some(status) = self.status {
            select = select.filter(wave::Column::Status.eq(status.as_str()));
        }
        select
    }
}

/// Waves, newest first, each with its pick list in path order.
pub async fn list(tx: &TenantTx, request: &PageRequest, filter: &WaveFilter) -> DomainResult<Page<Wave>> {
    tx.ctx().require(Permission::FulfilmentRead)?;
    let page = paging::fetch(tx, filter.select(tx), PageOrder::NewestFirst, request).await?;
    let (ids, rows): (Vec<Uuid>, Vec<wave::Model>) = page.items.into_iter().unzip();
    let items = ids.into_iter().zip(assemble(tx, rows).await?).collect();
    Ok(Page { items, has_next_page: page.has_next_page, has_previous_page: page.has_previous_page })
}

pub async fn count(tx: &TenantTx, filter: &WaveFilter) -> DomainResult<u64> {
    tx.ctx().require(Permission::FulfilmentRead)?;
    Ok(filter.select(tx).count(tx.conn()).await?)
}

pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Wave>> {
    tx.ctx().require(Permission::FulfilmentRead)?;
    get_one(tx, id).await
}

/// [`get`] for a writer of this context that checked its own permission.
pub(super) async fn get_one(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Wave>> {
    let Some(row) = tx.find_by_id::<wave::Entity>(id).one(tx.conn()).await? else { return Ok(None) };
    Ok(assemble(tx, vec![row]).await?.pop())
}

/// The task `id`, as a picker sees it.
pub async fn task(tx: &TenantTx, id: Uuid) -> DomainResult<Option<PickTask>> {
    tx.ctx().require(Permission::FulfilmentRead)?;
    let Some(row) = tx.find_by_id::<pick_task::Entity>(id).one(tx.conn()).await? else { return Ok(None) };
    Ok(tasks_of(tx, vec![row]).await?.pop())
}

fn stored<T: crate::platform::text_enum::TextEnum>(what: &str, text: &str) -> DomainResult<T> {
    T::parse(text).ok_or_else(|| DomainError::Internal(format!("stored {what} `{text}` is unknown")))
}

/// Tasks with their order's reference and SKU's code, in pick path order.
pub(super) async fn tasks_of(tx: &TenantTx, mut rows: Vec<pick_task::Model>) -> DomainResult<Vec<PickTask>> {
    let order_ids: Vec<Uuid> = rows.iter().map(|t| t.order_id).collect();
    let references: HashMap<Uuid, String> = tx
        .find::<order::Entity>()
        .filter(order::Column::Id.is_in(order_ids))
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|o| (o.id, o.reference))
        .collect();
    let codes = skus::facts(tx, rows.iter().map(|t| t.sku_id)).await?;
    rows.sort_by(|a, b| (&a.location_code, a.order_id, a.sku_id).cmp(&(&b.location_code, b.order_id, b.sku_id)));
    Ok(rows
        .into_iter()
        .map(|t| PickTask {
            id: t.id,
            wave_id: t.wave_id,
            order_reference: references.get(&t.order_id).cloned().unwrap_or_default(),
            order_id: t.order_id,
            line_id: t.line_id,
            sku_code: codes.get(&t.sku_id).map(|s| s.code.clone()).unwrap_or_default(),
            sku_id: t.sku_id,
            location_id: t.location_id,
            location_code: t.location_code,
            lot: Some(t.lot).filter(|l| !l.is_empty()),
            received_on: t.received_on,
            expires_on: t.expires_on,
            quantity: t.quantity,
            picked: t.picked,
            picked_at: t.picked_at,
        })
        .collect())
}

async fn assemble(tx: &TenantTx, rows: Vec<wave::Model>) -> DomainResult<Vec<Wave>> {
    let ids: Vec<Uuid> = rows.iter().map(|w| w.id).collect();
    let tasks = tx.find::<pick_task::Entity>().filter(pick_task::Column::WaveId.is_in(ids)).all(tx.conn()).await?;
    let mut tasks_by: HashMap<Uuid, Vec<PickTask>> = HashMap::new();
    for task in tasks_of(tx, tasks).await? {
        tasks_by.entry(task.wave_id).or_default().push(task);
    }
    rows.into_iter()
        .map(|w| {
            Ok(Wave {
                id: w.id,
                warehouse_id: w.warehouse_id,
                status: stored("wave status", &w.status)?,
                carrier: w.carrier.as_deref().map(|c| stored("carrier", c)).transpose()?,
                single_line_only: w.single_line_only,
                cutoff: w.cutoff,
                order_count: w.order_count,
                tasks: tasks_by.remove(&w.id).unwrap_or_default(),
                created_at: w.created_at,
            })
        })
        .collect()
}

/// Marks the wave PICKED when none of its tasks has units left to pick.
pub(super) async fn settle(tx: &TenantTx, wave_id: Uuid) -> DomainResult<()> {
    let tasks = tx.find::<pick_task::Entity>().filter(pick_task::Column::WaveId.eq(wave_id)).all(tx.conn()).await?;
    if tasks.iter().all(|t| t.picked >= t.quantity) {
        use sea_orm::sea_query::Expr;
        tx.update_many::<wave::Entity>()
            .col_expr(wave::Column::Status, Expr::value(WaveStatus::Picked.as_str()))
            .col_expr(wave::Column::UpdatedAt, Expr::value(clock::now()))
            .filter(wave::Column::Id.eq(wave_id))
            .exec(tx.conn())
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bin(sku: Uuid, code: &str, day: u32, expires: Option<u32>, on_hand: i64) -> StoredBin {
        let date = |d| NaiveDate::from_ymd_opt(2026, 12, d).expect("a day");
        StoredBin {
            sku_id: sku,
            location_id: Uuid::from_u128(u128::from(code.as_bytes()[0])),
            location_code: code.to_owned(),
            lot: String::new(),
            received_on: date(day),
            expires_on: expires.map(date),
            on_hand,
        }
    }

    fn line(sku: Uuid, quantity: i64) -> order_line::Model {
        order_line::Model {
            tenant_id: Uuid::nil(),
            id: Uuid::from_u128(quantity as u128),
            merchant_id: Uuid::nil(),
            order_id: Uuid::nil(),
            position: 0,
            sku_id: sku,
            quantity,
            allocated: quantity,
        }
    }

    #[test]
    fn units_come_from_bins_in_the_ledgers_order_past_what_open_tasks_claim() {
        let sku = Uuid::from_u128(7);
        // In take-out order: expiring first, then the oldest receipt (as `storage_bins` sorts them).
        let bins = [bin(sku, "C-01", 5, Some(20), 2), bin(sku, "A-01", 1, None, 3), bin(sku, "B-01", 2, None, 9)];
        let mut claimed = Claims::new();
        let first = plan_order(&[line(sku, 4)], &bins, &mut claimed).expect("planned");
        let taken: Vec<(&str, i64)> = first.iter().map(|t| (t.bin.location_code.as_str(), t.quantity)).collect();
        assert_eq!(taken, [("C-01", 2), ("A-01", 2)]);
        let second = plan_order(&[line(sku, 3)], &bins, &mut claimed).expect("planned");
        let taken: Vec<(&str, i64)> = second.iter().map(|t| (t.bin.location_code.as_str(), t.quantity)).collect();
        assert_eq!(taken, [("A-01", 1), ("B-01", 2)], "the first order's units are claimed");
    }

    #[test]
    fn a_cut_off_is_today_in_the_warehouses_zone() {
        let now = "2026-12-12T03:30:00Z".parse::<DateTime<Utc>>().expect("a time");
        // 19:30 on the 11th in Los Angeles: today there is the 11th.
        let at = cutoff_today("16:00", "America/Los_Angeles", now).expect("a cut-off");
        assert_eq!(at, "2026-12-12T00:00:00Z".parse::<DateTime<Utc>>().expect("a time"));
        let at = cutoff_today("16:00", "Asia/Shanghai", now).expect("a cut-off");
        assert_eq!(at, "2026-12-12T08:00:00Z".parse::<DateTime<Utc>>().expect("a time"));
        for bad in ["4pm", "24:00", "16", "16:60"] {
            assert!(cutoff_today(bad, "UTC", now).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_order_whose_units_are_not_all_in_storage_is_left_out_and_claims_nothing() {
        let sku = Uuid::from_u128(7);
        let bins = [bin(sku, "A-01", 1, None, 3)];
        let mut claimed = Claims::new();
        assert_eq!(plan_order(&[line(sku, 4)], &bins, &mut claimed), None);
        assert!(claimed.is_empty());
        assert_eq!(plan_order(&[line(sku, 3)], &bins, &mut claimed).map(|t| t.len()), Some(1));
    }
}
