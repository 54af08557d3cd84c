use sea_orm::entity::prelude::*;

/// One step of an order's timeline.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub order_id: Uuid,
    /// The order's `OrderStatus` after this step.
    pub status: String,
    /// An `OrderEventKind`.
    pub kind: String,
    /// What else the step says (the warehouse code, a tracking number).
    pub detail: Option<String>,
    /// `user:<id>`, `client:<id>` or `system`.
    pub actor: String,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
