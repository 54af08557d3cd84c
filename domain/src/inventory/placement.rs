//! Where goods go, for other contexts that move stock through the ledger
//! (inbound receiving and putaway): a location's facts, the first location
//! of a type in a warehouse, and the suggested putaway location of a SKU.
//! Callers have checked their own permission; these read the tenant's
//! locations and, through owner scoping, the bins the caller may see.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait};
use uuid::Uuid;

use super::entities::{bin_stock, location};
use super::locations::LocationType;
use super::warehouses::{self, Warehouse};
use crate::platform::errors::DomainResult;
use crate::platform::tenancy::TenantTx;

/// What a mover needs to know of a location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub id: Uuid,
    pub warehouse_id: Uuid,
    pub code: String,
    pub kind: LocationType,
    pub active: bool,
}

impl From<location::Model> for Place {
    fn from(row: location::Model) -> Self {
        Self {
            id: row.id,
            warehouse_id: row.warehouse_id,
            // Only ever written from `LocationType`.
            kind: LocationType::parse(&row.kind).unwrap_or(LocationType::Pick),
            code: row.code,
            active: row.active,
        }
    }
}

/// The warehouse `id` of this tenant.
pub(crate) async fn warehouse(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Warehouse>> {
    Ok(warehouses::by_ids(tx, [id]).await?.remove(&id))
}

/// The location `id` of this tenant.
pub(crate) async fn place(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Place>> {
    Ok(tx.find_by_id::<location::Entity>(id).one(tx.conn()).await?.map(Place::from))
}

/// The first active location of `kind` in the warehouse, by code.
pub(crate) async fn first_of(tx: &TenantTx, warehouse_id: Uuid, kind: LocationType) -> DomainResult<Option<Place>> {
    let row = tx
        .find::<location::Entity>()
        .filter(location::Column::WarehouseId.eq(warehouse_id))
        .filter(location::Column::Kind.eq(kind.as_str()))
        .filter(location::Column::Active.eq(true))
        .order_by_asc(location::Column::Code)
        .one(tx.conn())
        .await?;
    Ok(row.map(Place::from))
}

/// Where to put away units of `sku_id` in the warehouse: the active PICK
/// or BULK location already holding the most of them (a tie goes to the
/// first code), else the first empty active PICK location by code; none
/// when neither exists. Emptiness is judged over the bins the caller may
/// see, so only a caller that sees every merchant's (warehouse staff)
/// gets a suggestion that is safe to follow.
pub(crate) async fn suggest_putaway(tx: &TenantTx, warehouse_id: Uuid, sku_id: Uuid) -> DomainResult<Option<Place>> {
    let storage = [LocationType::Pick.as_str(), LocationType::Bulk.as_str()];
    let bins = tx
        .find::<bin_stock::Entity>()
        .filter(bin_stock::Column::WarehouseId.eq(warehouse_id))
        .filter(bin_stock::Column::SkuId.eq(sku_id))
        .all(tx.conn())
        .await?;
    let mut held: HashMap<Uuid, i64> = HashMap::new();
    for bin in bins {
        *held.entry(bin.location_id).or_default() += bin.on_hand;
    }
    if !held.is_empty() {
        let mut holding: Vec<(i64, Place)> = tx
            .find::<location::Entity>()
            .filter(location::Column::Id.is_in(held.keys().copied()))
            .filter(location::Column::Kind.is_in(storage))
            .filter(location::Column::Active.eq(true))
            .all(tx.conn())
            .await?
            .into_iter()
            .map(|row| (held[&row.id], Place::from(row)))
            .collect();
        holding.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.code.cmp(&b.1.code)));
        if let Some((_, place)) = holding.into_iter().next() {
            return Ok(Some(place));
        }
    }
    let occupied = tx
        .find::<bin_stock::Entity>()
        .select_only()
        .column(bin_stock::Column::LocationId)
        .filter(bin_stock::Column::WarehouseId.eq(warehouse_id))
        .into_query();
    let empty = tx
        .find::<location::Entity>()
        .filter(location::Column::WarehouseId.eq(warehouse_id))
        .filter(location::Column::Kind.eq(LocationType::Pick.as_str()))
        .filter(location::Column::Active.eq(true))
        .filter(location::Column::Id.not_in_subquery(occupied))
        .order_by_asc(location::Column::Code)
        .one(tx.conn())
        .await?;
    Ok(empty.map(Place::from))
}

/// Units of a SKU in one storage bin (an active PICK or BULK location),
/// for a picker's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredBin {
    pub sku_id: Uuid,
    pub location_id: Uuid,
    pub location_code: String,
    /// Empty for a SKU whose lots are not tracked.
    pub lot: String,
    pub received_on: chrono::NaiveDate,
    pub expires_on: Option<chrono::NaiveDate>,
    pub on_hand: i64,
}

/// The bins of `sku_ids` in the warehouse's active PICK and BULK
/// locations, each SKU's in the order the ledger takes units out
/// (earliest expiry, then oldest receipt, then lot; FEFO then FIFO), then by code.
pub(crate) async fn storage_bins(tx: &TenantTx, warehouse_id: Uuid, sku_ids: &[Uuid]) -> DomainResult<Vec<StoredBin>> {
    let storage = [LocationType::Pick.as_str(), LocationType::Bulk.as_str()];
    let locations: HashMap<Uuid, String> = tx
        .find::<location::Entity>()
        .filter(location::Column::WarehouseId.eq(warehouse_id))
        .filter(location::Column::Kind.is_in(storage))
        .filter(location::Column::Active.eq(true))
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|l| (l.id, l.code))
        .collect();
    let bins = tx
        .find::<bin_stock::Entity>()
        .filter(bin_stock::Column::WarehouseId.eq(warehouse_id))
        .filter(bin_stock::Column::SkuId.is_in(sku_ids.iter().copied()))
        .all(tx.conn())
        .await?;
    let mut stored: Vec<StoredBin> = bins
        .into_iter()
        .filter_map(|b| {
            Some(StoredBin {
                location_code: locations.get(&b.location_id)?.clone(),
                sku_id: b.sku_id,
                location_id: b.location_id,
                lot: b.lot,
                received_on: b.received_on,
                expires_on: b.expires_on,
                on_hand: b.on_hand,
            })
        })
        .collect();
    stored.sort_by(|a, b| {
        (a.sku_id, a.expires_on.is_none(), a.expires_on, a.received_on, &a.lot, &a.location_code).cmp(&(
            b.sku_id,
            b.expires_on.is_none(),
            b.expires_on,
            b.received_on,
            &b.lot,
            &b.location_code,
        ))
    });
    Ok(stored)
}
