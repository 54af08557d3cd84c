//! The SKUs of a merchant as a Silkport SKU CSV ([`super::silkport_csv`]),
//! every column but opening stock (stock exports on its own, as
//! [`crate::inventory::export`] writes it), in code order: what an import
//! reads back to the same SKUs.

use uuid::Uuid;

use super::super::{products, skus};
use super::silkport_csv::{COLUMNS, cells};
use crate::platform::access::Permission;
use crate::platform::errors::{DomainError, DomainResult};
use crate::platform::tenancy::TenantTx;

/// The CSV of merchant `merchant_id`'s SKUs (a merchant-bound caller may
/// name none: its own), UTF-8 without a byte-order mark; none when this
/// caller cannot see the merchant.
pub async fn skus_csv(tx: &TenantTx, merchant_id: Option<Uuid>) -> DomainResult<Option<Vec<u8>>> {
    tx.ctx().require(Permission::CatalogRead)?;
    let Some(merchant_id) = merchant_id.or(tx.ctx().merchant_id) else {
        return Err(DomainError::user(
            "merchantId",
            crate::platform::errors::UserErrorCode::Invalid,
            super::super::messages::merchant_required(),
        ));
    };
    if super::super::merchants::default_currency(tx, merchant_id).await?.is_none() {
        return Ok(None);
    }
    let products = products::of_merchant(tx, merchant_id).await?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS).map_err(DomainError::internal)?;
    for sku in skus::of_merchant(tx, merchant_id).await? {
        let product = products.get(&sku.product_id);
        let handle = product.map(|p| p.handle.as_str()).unwrap_or_default();
        let zh = product.and_then(|p| p.title.zh.as_deref()).unwrap_or_default();
        let en = product.and_then(|p| p.title.en.as_deref()).unwrap_or_default();
        writer.write_record(cells(&sku, handle, (zh, en))).map_err(DomainError::internal)?;
    }
    writer.into_inner().map(Some).map_err(DomainError::internal)
}
