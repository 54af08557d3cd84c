//! Backorders: orders waiting for stock, allocated oldest first as soon as
//! stock arrives. The inventory ledger writes a wake-up job when a posting
//! leaves more units available ([`crate::inventory::ledger::STOCK_ARRIVED`]);
//! a schedule every minute catches any wake-up that came too early.

use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};

use super::entities::order;
use super::intake;
use super::status::OrderStatus;
use crate::platform::errors::DomainResult;
use crate::platform::jobs::schedule::{Schedule, Zone};
use crate::platform::tenancy::TenantTx;

/// Every minute, in every tenant: allocate what stock now allows.
pub const SCHEDULE: Schedule = Schedule::each_tenant("orders.allocate_backorders", "0 * * * * *", Zone::Utc);

/// Most backorders one run looks at; the next wake-up or schedule goes on.
const PER_RUN: u64 = 500;

/// Allocates backordered orders, oldest first, as far as stock allows;
/// returns how many are now wholly allocated. An order that can take only
/// part keeps it, so the oldest order fills first.
pub async fn allocate_waiting(tx: &mut TenantTx) -> DomainResult<usize> {
    let waiting = tx
        .find::<order::Entity>()
        .filter(order::Column::Status.eq(OrderStatus::Backordered.as_str()))
        .order_by_asc(order::Column::Id)
        .limit(PER_RUN)
        .all(tx.conn())
        .await?;
    let mut allocated = 0;
    for row in waiting {
        if intake::allocate_and_settle(tx, &row).await? == OrderStatus::Allocated {
            allocated += 1;
        }
    }
    Ok(allocated)
}
