use sea_orm::entity::prelude::*;

/// Units of one order line to take from one bin (location, lot, receipt day).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pick_tasks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub wave_id: Uuid,
    pub order_id: Uuid,
    pub line_id: Uuid,
    pub sku_id: Uuid,
    pub location_id: Uuid,
    /// The location's code, copied: the pick path is sorted by it.
    pub location_code: String,
    /// Empty for a SKU whose lots are not tracked.
    pub lot: String,
    pub received_on: Date,
    /// Kept so units put back (the order was cancelled) keep their expiry.
    pub expires_on: Option<Date>,
    pub quantity: i64,
    pub picked: i64,
    /// Picked units put back into the bin (the order was cancelled).
    pub returned: i64,
    pub created_at: ChronoDateTimeUtc,
    /// When the last unit was picked.
    pub picked_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
