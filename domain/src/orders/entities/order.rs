use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "orders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub merchant_id: Uuid,
    /// The merchant's own order reference, unique per merchant.
    pub reference: String,
    /// An `OrderChannel`.
    pub channel: String,
    /// An `OrderStatus`.
    pub status: String,
    pub ship_to_name: String,
    pub ship_to_company: Option<String>,
    pub ship_to_line1: String,
    pub ship_to_line2: Option<String>,
    pub ship_to_city: String,
    pub ship_to_region: Option<String>,
    pub ship_to_postal_code: Option<String>,
    pub ship_to_country: String,
    pub ship_to_phone: Option<String>,
    pub ship_to_email: Option<String>,
    pub service_level: Option<String>,
    pub note: Option<String>,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
    pub allocated_at: Option<ChronoDateTimeUtc>,
    pub cancelled_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
