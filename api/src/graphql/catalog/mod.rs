//! The catalog context's GraphQL: merchants, products and SKUs, and
//! imports of SKUs from files.

mod imports;
mod merchants;
mod products;
mod skus;

use async_graphql::MergedObject;

pub use self::imports::{SkuImport, sku_import_node};
pub use self::merchants::{Merchant, merchant_node};
pub use self::products::{Product, product_node};
pub use self::skus::{Dimensions, DimensionsInput, Sku, sku_node};

#[derive(MergedObject, Default)]
pub struct CatalogQuery(merchants::MerchantQuery, products::ProductQuery, skus::SkuQuery, imports::SkuImportQuery);

#[derive(MergedObject, Default)]
pub struct CatalogMutation(
    merchants::MerchantMutation,
    products::ProductMutation,
    skus::SkuMutation,
    imports::SkuImportMutation,
);
