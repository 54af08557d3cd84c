use sea_orm::entity::prelude::*;

/// The named quantities of one merchant's SKU in one warehouse, in units.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stock_levels")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub sku_id: Uuid,
    pub warehouse_id: Uuid,
    /// The sum of the warehouse's bins.
    pub on_hand: i64,
    pub reserved: i64,
    /// The part of `on_hand` in damaged locations.
    pub damaged: i64,
    /// The part of `on_hand` in quarantine locations.
    pub quality_control: i64,
    pub safety_stock: i64,
    pub incoming: i64,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
