use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "skus")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub merchant_id: Uuid,
    pub product_id: Uuid,
    pub code: String,
    pub name_zh: Option<String>,
    pub name_en: Option<String>,
    /// JSON text: `[{"name": "Color", "value": "Red"}]`.
    pub options: String,
    pub hs_code: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub origin_country: Option<String>,
    /// Decimal text with the currency's minor-unit digits.
    pub declared_amount: Option<String>,
    /// ISO 4217 code; set exactly when `declared_amount` is.
    pub declared_currency: Option<String>,
    pub weight_grams: Option<i32>,
    pub length_mm: Option<i32>,
    pub width_mm: Option<i32>,
    pub height_mm: Option<i32>,
    pub lot_tracked: bool,
    pub expiry_tracked: bool,
    /// A `SkuStatus`.
    pub status: String,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
