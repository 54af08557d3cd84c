use sea_orm::entity::prelude::*;

/// A package handed to a carrier.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shipments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub order_id: Uuid,
    pub package_id: Uuid,
    /// A `CarrierCode`.
    pub carrier: String,
    pub tracking_number: String,
    /// A `ServiceLevel`.
    pub service_level: String,
    /// A `LabelFormat`; none when the carrier printed no label.
    pub label_format: Option<String>,
    pub label: Option<Vec<u8>>,
    /// The `TrackingStatus` last reported.
    pub status: String,
    /// When the carrier registered it.
    pub shipped_at: ChronoDateTimeUtc,
    pub delivered_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
