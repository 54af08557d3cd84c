use sea_orm::entity::prelude::*;

/// Units of a SKU on hand in one location, of one lot, received on one day.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bin_stocks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub sku_id: Uuid,
    pub warehouse_id: Uuid,
    pub location_id: Uuid,
    /// Empty for a SKU whose lots are not tracked.
    pub lot: String,
    /// The day the units were received, in the warehouse's time zone.
    pub received_on: Date,
    pub expires_on: Option<Date>,
    pub on_hand: i64,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
