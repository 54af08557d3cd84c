//! Packing: an order's picked units go into packages, each weighed and
//! measured. What is packed must be what was picked for the order: an
//! item not in the order is refused, naming it, and so are more units of
//! a SKU than were picked and not yet packed. When every picked unit is
//! packed, the order is PACKED. An order not wholly picked is refused.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::entities::{package, package_item, pick_task};
use super::{PACKAGE, messages};
use crate::catalog::{Dimensions, barcodes, skus};
use crate::orders::entities::order;
use crate::orders::intake;
use crate::orders::status::{OrderEventKind, OrderStatus};
use crate::platform::access::Permission;
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode, UserErrors};
use crate::platform::ids::new_id;
use crate::platform::tenancy::TenantTx;

/// Units of one SKU put in the package: scanned (a barcode or the SKU's
/// code) or chosen.
#[derive(Debug, Clone)]
pub struct PackItem {
    pub barcode: Option<String>,
    pub sku_id: Option<Uuid>,
    pub quantity: i64,
}

#[derive(Debug, Clone)]
pub struct NewPackage {
    pub order_id: Uuid,
    pub items: Vec<PackItem>,
    /// Gross weight, packing included, in grams.
    pub weight_grams: i32,
    /// Outer size, each side in millimetres.
    pub dimensions: Dimensions,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Package {
    pub id: Uuid,
    pub order_id: Uuid,
    /// 1, 2, … within the order.
    pub number: i32,
    pub weight_grams: i32,
    pub length_mm: i32,
    pub width_mm: i32,
    pub height_mm: i32,
    /// (SKU, units), in the order packed.
    pub items: Vec<(Uuid, i64)>,
    pub created_at: DateTime<Utc>,
}

/// Picked units per SKU of the order, less those put back.
async fn picked_of(tx: &TenantTx, order_id: Uuid) -> DomainResult<(HashMap<Uuid, i64>, i64)> {
    let tasks = tx.find::<pick_task::Entity>().filter(pick_task::Column::OrderId.eq(order_id)).all(tx.conn()).await?;
    let mut picked: HashMap<Uuid, i64> = HashMap::new();
    let mut left = 0;
    for task in tasks {
        *picked.entry(task.sku_id).or_default() += task.picked - task.returned;
        left += task.quantity - task.picked;
    }
    Ok((picked, left))
}

/// Packed units per SKU of the order so far.
async fn packed_of(tx: &TenantTx, order_id: Uuid) -> DomainResult<HashMap<Uuid, i64>> {
    let items =
        tx.find::<package_item::Entity>().filter(package_item::Column::OrderId.eq(order_id)).all(tx.conn()).await?;
    let mut packed: HashMap<Uuid, i64> = HashMap::new();
    for item in items {
        *packed.entry(item.sku_id).or_default() += item.quantity;
    }
    Ok(packed)
}

fn check_input(input: &NewPackage) -> DomainResult<()> {
    let mut errors = UserErrors::default();
    if input.items.is_empty() {
        errors.push("items", UserErrorCode::Invalid, messages::items_required());
    }
    for (i, item) in input.items.iter().enumerate() {
        let position = i.to_string();
        let scanned = item.barcode.as_deref().is_some_and(|b| !b.trim().is_empty());
        if scanned == item.sku_id.is_some() {
            errors.push_at(&["items", &position, "barcode"], UserErrorCode::Invalid, messages::scan_or_sku());
        }
        if item.quantity <= 0 {
            errors.push_at(&["items", &position, "quantity"], UserErrorCode::Invalid, messages::quantity_positive());
        }
    }
    if input.weight_grams <= 0 {
        errors.push("weightGrams", UserErrorCode::Invalid, messages::weight_positive());
    }
    let d = input.dimensions;
    for (side, value) in [("length", d.length), ("width", d.width), ("height", d.height)] {
        if value <= 0 {
            errors.push_at(&["dimensionsMm", side], UserErrorCode::Invalid, messages::size_positive());
        }
    }
    errors.finish()
}

/// Packs units of a picked order into a new package.
pub async fn create(tx: &mut TenantTx, input: NewPackage) -> DomainResult<Package> {
    tx.ctx().require(Permission::FulfilmentWrite)?;
    check_input(&input)?;
    // Locked: two packers of one order take turns.
    let order = tx.find_by_id::<order::Entity>(input.order_id).lock_exclusive().one(tx.conn()).await?;
    let order = order.ok_or_else(|| DomainError::not_found("orderId"))?;
    if order.status != OrderStatus::Picking.as_str() {
        return Err(DomainError::user("orderId", UserErrorCode::Invalid, messages::not_picking(&order.status)));
    }
    let (picked, left) = picked_of(tx, order.id).await?;
    if left > 0 {
        return Err(DomainError::user("orderId", UserErrorCode::Invalid, messages::not_picked(left)));
    }
    let packed = packed_of(tx, order.id).await?;
    let codes = skus::facts(tx, picked.keys().copied()).await?;
    let code_of = |sku: &Uuid| codes.get(sku).map(|s| s.code.clone()).unwrap_or_default();

    // Each item's SKU, which must be one the order picked.
    let mut errors = UserErrors::default();
    let mut items: Vec<(Uuid, i64)> = Vec::new();
    for (i, item) in input.items.iter().enumerate() {
        let position = i.to_string();
        let (found, field, scanned) = match (&item.barcode, item.sku_id) {
            (Some(text), _) if !text.trim().is_empty() => {
                let found = barcodes::scan(tx, order.merchant_id, text).await?;
                (found, "barcode", text.trim().to_owned())
            }
            (_, Some(id)) => {
                let name = skus::facts(tx, [id]).await?.remove(&id).map_or_else(|| id.to_string(), |s| s.code);
                (vec![id], "skuId", name)
            }
            _ => return Err(DomainError::internal("a scan or a SKU was checked above")),
        };
        match found.into_iter().find(|sku| picked.contains_key(sku)) {
            Some(sku) => match items.iter_mut().find(|(s, _)| *s == sku) {
                Some((_, quantity)) => *quantity += item.quantity,
                None => items.push((sku, item.quantity)),
            },
            None => {
                errors.push_at(&["items", &position, field], UserErrorCode::Invalid, messages::not_in_order(&scanned))
            }
        }
    }
    errors.finish()?;
    let mut errors = UserErrors::default();
    for (i, (sku, quantity)) in items.iter().enumerate() {
        let unpacked = picked[sku] - packed.get(sku).copied().unwrap_or(0);
        if *quantity > unpacked {
            let position = i.to_string();
            let message = messages::over_pack(&code_of(sku), unpacked, *quantity);
            errors.push_at(&["items", &position, "quantity"], UserErrorCode::Invalid, message);
        }
    }
    errors.finish()?;

    let number = tx
        .find::<package::Entity>()
        .filter(package::Column::OrderId.eq(order.id))
        .order_by_desc(package::Column::Number)
        .one(tx.conn())
        .await?
        .map_or(1, |p| p.number + 1);
    let now = clock::now();
    let id = new_id();
    let d = input.dimensions;
    tx.insert(package::ActiveModel {
        tenant_id: Set(tx.tenant_id()),
        id: Set(id),
        merchant_id: Set(order.merchant_id),
        order_id: Set(order.id),
        number: Set(number),
        weight_grams: Set(input.weight_grams),
        length_mm: Set(d.length),
        width_mm: Set(d.width),
        height_mm: Set(d.height),
        created_at: Set(now),
    })
    .await?;
    let rows = items
        .iter()
        .map(|(sku, quantity)| package_item::ActiveModel {
            tenant_id: Set(tx.tenant_id()),
            id: Set(new_id()),
            merchant_id: Set(order.merchant_id),
            package_id: Set(id),
            order_id: Set(order.id),
            sku_id: Set(*sku),
            quantity: Set(*quantity),
        })
        .collect();
    tx.insert_many(rows).await?;
    let all_packed = picked.iter().all(|(sku, units)| {
        packed.get(sku).copied().unwrap_or(0) + items.iter().filter(|(s, _)| s == sku).map(|(_, q)| q).sum::<i64>()
            >= *units
    });
    if all_packed {
        intake::set_status(tx, order.id, OrderStatus::Packed).await?;
        intake::record(tx, &order, OrderStatus::Packed, OrderEventKind::Packed, None).await?;
    }
    let package = Package {
        id,
        order_id: order.id,
        number,
        weight_grams: input.weight_grams,
        length_mm: d.length,
        width_mm: d.width,
        height_mm: d.height,
        items,
        created_at: now,
    };
    let view = json!({"order": order.reference, "number": number, "weightGrams": input.weight_grams,
                      "dimensionsMm": [d.length, d.width, d.height],
                      "items": package.items.iter().map(|(s, q)| json!({"sku": code_of(s), "quantity": q})).collect::<Vec<_>>(),
                      "orderPacked": all_packed});
    audit::record(tx, Change::of("package.create", PACKAGE, id).after(view)).await?;
    Ok(package)
}

/// The package `id`, if the caller may read its order.
pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Package>> {
    tx.ctx().require(Permission::OrdersRead)?;
    let Some(row) = tx.find_by_id::<package::Entity>(id).one(tx.conn()).await? else { return Ok(None) };
    let mut of_order = of_orders(tx, &[row.order_id]).await?.remove(&row.order_id).unwrap_or_default();
    Ok(of_order.iter().position(|p| p.id == id).map(|i| of_order.swap_remove(i)))
}

/// The packages of `order_ids`, by order, each in number order. The
/// caller reads the orders (`orders:read`); owner scoping applies.
pub async fn of_orders(tx: &TenantTx, order_ids: &[Uuid]) -> DomainResult<HashMap<Uuid, Vec<Package>>> {
    tx.ctx().require(Permission::OrdersRead)?;
    let rows = tx
        .find::<package::Entity>()
        .filter(package::Column::OrderId.is_in(order_ids.iter().copied()))
        .order_by_asc(package::Column::Number)
        .all(tx.conn())
        .await?;
    let items = tx
        .find::<package_item::Entity>()
        .filter(package_item::Column::OrderId.is_in(order_ids.iter().copied()))
        .order_by_asc(package_item::Column::Id)
        .all(tx.conn())
        .await?;
    let mut items_of: HashMap<Uuid, Vec<(Uuid, i64)>> = HashMap::new();
    for item in items {
        items_of.entry(item.package_id).or_default().push((item.sku_id, item.quantity));
    }
    let mut by_order: HashMap<Uuid, Vec<Package>> = HashMap::new();
    for p in rows {
        by_order.entry(p.order_id).or_default().push(Package {
            id: p.id,
            order_id: p.order_id,
            number: p.number,
            weight_grams: p.weight_grams,
            length_mm: p.length_mm,
            width_mm: p.width_mm,
            height_mm: p.height_mm,
            items: items_of.remove(&p.id).unwrap_or_default(),
            created_at: p.created_at,
        });
    }
    Ok(by_order)
}
