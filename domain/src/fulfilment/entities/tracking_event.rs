use sea_orm::entity::prelude::*;

/// A status a carrier reported for a shipment (once per status).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tracking_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub shipment_id: Uuid,
    pub order_id: Uuid,
    /// A `TrackingStatus`.
    pub status: String,
    /// When it happened, as the carrier says.
    pub occurred_at: ChronoDateTimeUtc,
    /// When we learnt of it.
    pub recorded_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
