//! Catalog: the merchants (货主) whose goods a warehouse tenant keeps, their
//! products and the SKUs the warehouse stores, with barcodes and customs
//! data. A merchant owns its rows: a merchant user or merchant-bound
//! client sees only its own merchant's.

pub(crate) mod barcodes;
mod customs;
mod entities;
pub mod import;
pub mod merchants;
mod messages;
mod names;
pub mod products;
mod search;
mod sku_input;
pub mod skus;

use crate::platform::ids::NodeType;

pub use self::barcodes::{Barcode, BarcodeKind};
pub use self::names::Names;
pub use self::sku_input::{Dimensions, SkuOption};

pub const MERCHANT: NodeType = NodeType("Merchant");
pub const PRODUCT: NodeType = NodeType("Product");
pub const SKU: NodeType = NodeType("Sku");
pub const SKU_IMPORT: NodeType = NodeType("SkuImport");
