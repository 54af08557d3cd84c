use sea_orm::entity::prelude::*;

/// An advance shipping notice: one merchant's goods on their way to one warehouse.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "inbound_shipments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub warehouse_id: Uuid,
    /// The merchant's own reference, unique per merchant.
    pub reference: String,
    /// A `FirstLegMode`'s stored text.
    pub mode: String,
    pub container_number: Option<String>,
    pub waybill_number: Option<String>,
    pub carrier_name: Option<String>,
    /// Expected arrival, a date in the warehouse's time zone.
    pub eta: Option<Date>,
    pub cartons: Option<i32>,
    pub note: Option<String>,
    /// A `ShipmentStatus`'s stored text.
    pub status: String,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
    /// The first receipt.
    pub arrived_at: Option<ChronoDateTimeUtc>,
    /// Closed (received) or cancelled.
    pub closed_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
