//! Allocation: deciding which warehouse each ordered unit comes from and
//! reserving it there. The rule, in order: stock first (a warehouse with
//! every unit of the line), then the warehouse nearest the destination
//! country, then fewest splits (on a tie, a warehouse the order already
//! uses). A line no single warehouse can serve takes what there is,
//! nearest first, and the rest waits as a backorder. Each reservation is a
//! ledger movement (ALLOCATION, referencing the order) and keeps why it
//! went where it did.
//!
//! The levels of the order's SKUs are locked before anything is read, so
//! orders racing for the last units are served one after another and
//! never more than there is (on SQLite, write transactions are one at a time).

use std::collections::HashMap;

use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::distance;
use super::entities::{order, order_allocation, order_line};
use super::status::AllocationRule;
use crate::inventory::ledger::{self, Effect, Entry, Reference};
use crate::inventory::quantities::{MovementKind, StockKey};
use crate::inventory::warehouses;
use crate::platform::clock;
use crate::platform::errors::{DomainError, DomainResult};
use crate::platform::ids::new_id;
use crate::platform::tenancy::TenantTx;

/// Units of a line still to reserve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Want {
    pub line_id: Uuid,
    pub sku_id: Uuid,
    pub quantity: i64,
}

/// A warehouse that may serve the order, with its distance to the destination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub warehouse_id: Uuid,
    pub code: String,
    /// `None` when the distance is unknown: such a warehouse comes last.
    pub distance_km: Option<i32>,
}

/// Units of one line to reserve in one warehouse, and why there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    pub line_id: Uuid,
    pub sku_id: Uuid,
    pub warehouse_id: Uuid,
    pub quantity: i64,
    pub rule: AllocationRule,
    pub distance_km: Option<i32>,
    /// The SKU's available units in that warehouse just before.
    pub available_before: i64,
}

/// Decides the picks for `wants` from `sites` and the units available per
/// (SKU, warehouse); what no pick covers is backordered. Pure: the same
/// inputs give the same plan.
pub fn plan(wants: &[Want], sites: &[Site], available: &HashMap<(Uuid, Uuid), i64>) -> Vec<Pick> {
    let mut sites: Vec<&Site> = sites.iter().collect();
    sites.sort_by(|a, b| {
        (a.distance_km.is_none(), a.distance_km, &a.code).cmp(&(b.distance_km.is_none(), b.distance_km, &b.code))
    });
    let mut left = available.clone();
    let mut used: Vec<Uuid> = Vec::new();
    let mut picks = Vec::new();
    for want in wants {
        let free = |left: &HashMap<(Uuid, Uuid), i64>, site: &Site| {
            left.get(&(want.sku_id, site.warehouse_id)).copied().unwrap_or(0).max(0)
        };
        // Stock first, nearest next, then a warehouse the order already uses.
        let whole = sites
            .iter()
            .filter(|s| free(&left, s) >= want.quantity)
            .min_by_key(|s| (s.distance_km.is_none(), s.distance_km, !used.contains(&s.warehouse_id)));
        let takes: Vec<(&Site, i64, AllocationRule)> = match whole {
            Some(site) => vec![(site, want.quantity, AllocationRule::InStockNearest)],
            None => {
                let mut remaining = want.quantity;
                let mut takes = Vec::new();
                for site in &sites {
                    let take = free(&left, site).min(remaining);
                    if take > 0 {
                        takes.push((*site, take, AllocationRule::Split));
                        remaining -= take;
                    }
                }
                takes
            }
        };
        for (site, quantity, rule) in takes {
            let before = free(&left, site);
            *left.entry((want.sku_id, site.warehouse_id)).or_default() -= quantity;
            if !used.contains(&site.warehouse_id) {
                used.push(site.warehouse_id);
            }
            picks.push(Pick {
                line_id: want.line_id,
                sku_id: want.sku_id,
                warehouse_id: site.warehouse_id,
                quantity,
                rule,
                distance_km: site.distance_km,
                available_before: before,
            });
        }
    }
    picks
}

/// Reserves what can be reserved of `order`'s unallocated units and
/// records where and why; true when every unit of it is now reserved.
pub(super) async fn allocate(tx: &mut TenantTx, order: &order::Model) -> DomainResult<bool> {
    let lines = tx
        .find::<order_line::Entity>()
        .filter(order_line::Column::OrderId.eq(order.id))
        .order_by_asc(order_line::Column::Position)
        .all(tx.conn())
        .await?;
    let wants: Vec<Want> = lines
        .iter()
        .filter(|l| l.allocated < l.quantity)
        .map(|l| Want { line_id: l.id, sku_id: l.sku_id, quantity: l.quantity - l.allocated })
        .collect();
    if wants.is_empty() {
        return Ok(true);
    }
    let mut sku_ids: Vec<Uuid> = wants.iter().map(|w| w.sku_id).collect();
    sku_ids.sort_unstable();
    sku_ids.dedup();
    let levels = ledger::lock_existing(tx, &sku_ids).await.map_err(|e| e.at("lines", "lines"))?;
    let available: HashMap<(Uuid, Uuid), i64> =
        levels.iter().map(|l| ((l.key.sku_id, l.key.warehouse_id), l.available())).collect();
    let sites: Vec<Site> = warehouses::active(tx)
        .await?
        .into_iter()
        .map(|w| Site {
            distance_km: distance::km(&w.country, &order.ship_to_country),
            warehouse_id: w.id,
            code: w.code,
        })
        .collect();
    let picks = plan(&wants, &sites, &available);
    if !picks.is_empty() {
        let entries: Vec<Entry> = picks
            .iter()
            .map(|p| Entry {
                key: StockKey { sku_id: p.sku_id, warehouse_id: p.warehouse_id, merchant_id: order.merchant_id },
                kind: MovementKind::Allocation,
                effect: Effect::Reserved(p.quantity),
                reason: Some(p.rule.as_str().to_owned()),
            })
            .collect();
        let reference = Reference { kind: super::ORDER.name(), id: order.id.to_string() };
        ledger::post(tx, &entries, Some(&reference), None)
            .await
            .map_err(|e| DomainError::Internal(format!("a reservation planned under lock was refused: {e}")))?;
        let now = clock::now();
        let rows = picks
            .iter()
            .map(|p| order_allocation::ActiveModel {
                tenant_id: Set(tx.tenant_id()),
                id: Set(new_id()),
                merchant_id: Set(order.merchant_id),
                order_id: Set(order.id),
                line_id: Set(p.line_id),
                warehouse_id: Set(p.warehouse_id),
                quantity: Set(p.quantity),
                rule: Set(p.rule.as_str().to_owned()),
                distance_km: Set(p.distance_km),
                available_before: Set(p.available_before),
                created_at: Set(now),
                released_at: Set(None),
            })
            .collect();
        tx.insert_many(rows).await?;
        for line in &lines {
            let more: i64 = picks.iter().filter(|p| p.line_id == line.id).map(|p| p.quantity).sum();
            if more > 0 {
                tx.update_many::<order_line::Entity>()
                    .col_expr(order_line::Column::Allocated, Expr::value(line.allocated + more))
                    .filter(order_line::Column::Id.eq(line.id))
                    .exec(tx.conn())
                    .await?;
            }
        }
    }
    let wanted: i64 = wants.iter().map(|w| w.quantity).sum();
    Ok(picks.iter().map(|p| p.quantity).sum::<i64>() == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(code: &str, km: i32) -> Site {
        Site { warehouse_id: Uuid::new_v4(), code: code.into(), distance_km: Some(km) }
    }

    #[test]
    fn the_nearest_warehouse_with_every_unit_wins_then_the_one_already_used() {
        let (lax, nyc, fra) = (site("LAX1", 0), site("NYC1", 0), site("FRA1", 8_000));
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let available = HashMap::from([
            ((a, lax.warehouse_id), 1),
            ((a, nyc.warehouse_id), 5),
            ((a, fra.warehouse_id), 50),
            ((b, lax.warehouse_id), 5),
            ((b, nyc.warehouse_id), 5),
        ]);
        let wants = [
            Want { line_id: Uuid::new_v4(), sku_id: a, quantity: 3 },
            Want { line_id: Uuid::new_v4(), sku_id: b, quantity: 2 },
        ];
        let picks = plan(&wants, &[fra.clone(), lax.clone(), nyc.clone()], &available);
        let chosen: Vec<(Uuid, i64, AllocationRule)> =
            picks.iter().map(|p| (p.warehouse_id, p.quantity, p.rule)).collect();
        // LAX1 lacks A; NYC1 has it, is as near, and then serves B too (one shipment).
        assert_eq!(
            chosen,
            [
                (nyc.warehouse_id, 3, AllocationRule::InStockNearest),
                (nyc.warehouse_id, 2, AllocationRule::InStockNearest)
            ]
        );
        assert_eq!(picks[0].available_before, 5);
    }

    #[test]
    fn a_line_no_warehouse_can_serve_whole_is_split_nearest_first_and_the_rest_waits() {
        let (lax, fra) = (site("LAX1", 0), site("FRA1", 9_000));
        let a = Uuid::new_v4();
        let available = HashMap::from([((a, lax.warehouse_id), 2), ((a, fra.warehouse_id), 3)]);
        let wants = [Want { line_id: Uuid::new_v4(), sku_id: a, quantity: 7 }];
        let picks = plan(&wants, &[fra.clone(), lax.clone()], &available);
        let chosen: Vec<(Uuid, i64)> = picks.iter().map(|p| (p.warehouse_id, p.quantity)).collect();
        assert_eq!(chosen, [(lax.warehouse_id, 2), (fra.warehouse_id, 3)], "2 units stay backordered");
        assert!(picks.iter().all(|p| p.rule == AllocationRule::Split));
    }

    #[test]
    fn two_lines_of_one_sku_do_not_reserve_the_same_units_twice() {
        let lax = site("LAX1", 0);
        let a = Uuid::new_v4();
        let available = HashMap::from([((a, lax.warehouse_id), 4)]);
        let line = || Want { line_id: Uuid::new_v4(), sku_id: a, quantity: 3 };
        let picks = plan(&[line(), line()], &[lax], &available);
        assert_eq!(picks.iter().map(|p| p.quantity).collect::<Vec<_>>(), [3, 1]);
    }
}
