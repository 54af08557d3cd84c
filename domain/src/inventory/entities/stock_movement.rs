use sea_orm::entity::prelude::*;

/// One change of one named quantity; never updated once written.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stock_movements")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub sku_id: Uuid,
    pub warehouse_id: Uuid,
    /// Set for `on_hand` movements: the bin they changed.
    pub location_id: Option<Uuid>,
    pub lot: Option<String>,
    pub received_on: Option<Date>,
    /// A `MovementKind`.
    pub kind: String,
    /// A `Quantity`'s stored name.
    pub quantity: String,
    pub delta: i64,
    /// The quantity before and after: the bin's for `on_hand`, the level's otherwise.
    pub before: i64,
    pub after: i64,
    pub reason: Option<String>,
    pub reference_type: Option<String>,
    pub reference_id: Option<String>,
    pub note: Option<String>,
    /// `user:<id>`, `client:<id>` or `system`.
    pub actor: String,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
