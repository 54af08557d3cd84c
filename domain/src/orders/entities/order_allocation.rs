use sea_orm::entity::prelude::*;

/// Units of one line reserved in one warehouse, and why there.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_allocations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub order_id: Uuid,
    pub line_id: Uuid,
    pub warehouse_id: Uuid,
    pub quantity: i64,
    /// An `AllocationRule`.
    pub rule: String,
    /// From the warehouse's country to the destination's, centroid to centroid.
    pub distance_km: Option<i32>,
    /// The SKU's available units in that warehouse just before.
    pub available_before: i64,
    pub created_at: ChronoDateTimeUtc,
    /// Set when the reservation was given back (the order was cancelled).
    pub released_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
