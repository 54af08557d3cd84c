use sea_orm::entity::prelude::*;

/// Units of one merchant's SKUs on their way from one warehouse to another.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stock_transfers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub merchant_id: Uuid,
    /// Unique per merchant.
    pub reference: String,
    pub from_warehouse_id: Uuid,
    pub to_warehouse_id: Uuid,
    /// A `TransferStatus`.
    pub status: String,
    pub note: Option<String>,
    pub created_at: ChronoDateTimeUtc,
    pub received_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
