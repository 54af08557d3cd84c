use sea_orm::entity::prelude::*;

/// Failed sign-in attempts of one email address (known or not).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sign_in_attempts")]
pub struct Model {
    /// SHA-256 of the normalised email, hex: the address itself is not kept.
    #[sea_orm(primary_key, auto_increment = false)]
    pub email_key: String,
    /// Attempts counted since the last success or lock expiry, including
    /// those still being checked.
    pub failures: i32,
    pub locked_until: Option<ChronoDateTimeUtc>,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
