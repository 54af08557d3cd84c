use sea_orm::entity::prelude::*;

/// One SKU (and lot) of a shipment, in units.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "inbound_lines")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub shipment_id: Uuid,
    pub sku_id: Uuid,
    /// Empty for a SKU whose lots are not tracked.
    pub lot: String,
    pub expires_on: Option<Date>,
    pub expected: i64,
    /// Every unit counted in, damaged ones included.
    pub received: i64,
    pub damaged: i64,
    pub put_away: i64,
    /// Where the line's good units were last received.
    pub receiving_location_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
