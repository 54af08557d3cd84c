//! The barcodes a SKU is scanned by: GS1 GTINs (EAN-8, UPC-A, EAN-13,
//! GTIN-14), whose digits and check digit are checked (the check is
//! `gtin-validate`'s), and internal barcodes a warehouse or merchant prints
//! itself (1 to 64 printable ASCII characters, not checked further).
//!
//! A scanner may report one GTIN with or without leading zeros (a UPC-A
//! `036000291452` as the EAN-13 `0036000291452`), so a GTIN is matched by
//! its 14-digit form, its *scan key*. A scan key belongs to at most one
//! SKU of a merchant: what a scan finds must be one thing.

use std::collections::HashMap;

use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::SelectStatement;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::entities::{sku, sku_barcode};
use super::{SKU, messages};
use crate::platform::errors::{DomainError, DomainResult, UserError, UserErrorCode, UserErrors};
use crate::platform::i18n::Message;
use crate::platform::ids::new_id;
use crate::platform::tenancy::TenantTx;
use crate::platform::text_enum::string_enum;

/// Most barcodes one SKU may have.
pub const MAX_PER_SKU: usize = 20;

/// Most characters of an internal barcode.
pub const MAX_INTERNAL: usize = 64;

string_enum!(
    /// What a barcode is: a GS1 GTIN of 8, 12 (UPC-A), 13 (EAN-13) or 14
    /// digits, or an internal code of the merchant's or the warehouse's.
    BarcodeKind {
        Gtin8 = "gtin_8",
        Gtin12 = "gtin_12",
        Gtin13 = "gtin_13",
        Gtin14 = "gtin_14",
        Internal = "internal",
    }
);

impl BarcodeKind {
    /// How many digits a GTIN of this kind has.
    fn digits(self) -> Option<usize> {
        match self {
            BarcodeKind::Gtin8 => Some(8),
            BarcodeKind::Gtin12 => Some(12),
            BarcodeKind::Gtin13 => Some(13),
            BarcodeKind::Gtin14 => Some(14),
            BarcodeKind::Internal => None,
        }
    }

    /// How people call it: `GTIN-13 (EAN-13)`.
    fn label(self) -> &'static str {
        match self {
            BarcodeKind::Gtin8 => "GTIN-8 (EAN-8)",
            BarcodeKind::Gtin12 => "GTIN-12 (UPC-A)",
            BarcodeKind::Gtin13 => "GTIN-13 (EAN-13)",
            BarcodeKind::Gtin14 => "GTIN-14",
            BarcodeKind::Internal => "internal",
        }
    }

    fn check_digit_holds(self, code: &str) -> bool {
        match self {
            BarcodeKind::Gtin8 => gtin_validate::gtin8::check(code),
            BarcodeKind::Gtin12 => gtin_validate::gtin12::check(code),
            BarcodeKind::Gtin13 => gtin_validate::gtin13::check(code),
            BarcodeKind::Gtin14 => gtin_validate::gtin14::check(code),
            BarcodeKind::Internal => true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Barcode {
    pub barcode: String,
    pub kind: BarcodeKind,
}

impl Barcode {
    /// What a scan of this barcode is matched by: a GTIN's 14 digits, an
    /// internal barcode as it is.
    pub(super) fn scan_key(&self) -> String {
        match self.kind {
            BarcodeKind::Internal => self.barcode.clone(),
            _ => format!("{:0>14}", self.barcode),
        }
    }

    /// This barcode trimmed, or the fault that makes it unusable.
    fn checked(&self) -> Result<Barcode, Message> {
        let code = self.barcode.trim();
        let kind = self.kind.label();
        match self.kind.digits() {
            None if code.is_empty()
                || code.chars().count() > MAX_INTERNAL
                || !code.chars().all(|c| c == ' ' || c.is_ascii_graphic()) =>
            {
                return Err(messages::barcode_internal_format(MAX_INTERNAL));
            }
            Some(_) if !code.bytes().all(|b| b.is_ascii_digit()) => return Err(messages::barcode_digits_only(kind)),
            Some(digits) if code.len() != digits => return Err(messages::barcode_length(kind, digits, code.len())),
            _ if !self.kind.check_digit_holds(code) => return Err(messages::barcode_check_digit(code)),
            _ => {}
        }
        Ok(Barcode { barcode: code.to_owned(), kind: self.kind })
    }
}

/// The scan keys a typed or scanned `text` may stand for: itself, and the
/// 14-digit form when it could be a GTIN.
pub(super) fn scan_keys(text: &str) -> Vec<String> {
    let mut keys = vec![text.to_owned()];
    if matches!(text.len(), 8 | 12 | 13 | 14) && text.bytes().all(|b| b.is_ascii_digit()) {
        keys.push(format!("{text:0>14}"));
    }
    keys
}

/// Checks the barcodes of one SKU, each at `barcodes.<i>.barcode`: valid
/// for its kind, at most [`MAX_PER_SKU`], none twice.
pub(super) fn parse(given: &[Barcode], errors: &mut UserErrors) -> Vec<Barcode> {
    if given.len() > MAX_PER_SKU {
        errors.push("barcodes", UserErrorCode::Invalid, messages::too_many_barcodes(MAX_PER_SKU));
    }
    let mut seen: Vec<String> = Vec::new();
    let mut checked = Vec::new();
    for (i, barcode) in given.iter().enumerate() {
        let position = i.to_string();
        let path = ["barcodes", position.as_str(), "barcode"];
        match barcode.checked() {
            Ok(barcode) if seen.contains(&barcode.scan_key()) => {
                errors.push_at(&path, UserErrorCode::Invalid, messages::barcode_twice(&barcode.barcode));
            }
            Ok(barcode) => {
                seen.push(barcode.scan_key());
                checked.push(barcode);
            }
            Err(message) => errors.push_at(&path, UserErrorCode::Invalid, message),
        }
    }
    checked
}

/// Makes `barcodes` (checked by [`parse`]) the barcodes of SKU `sku_id` of
/// merchant `merchant_id`, replacing what it had. A barcode another SKU of
/// the merchant has is refused as taken, naming that SKU; on PostgreSQL a
/// concurrent writer of the same barcode is waited for, so two SKUs never
/// both get it.
pub(super) async fn replace(tx: &TenantTx, merchant_id: Uuid, sku_id: Uuid, barcodes: &[Barcode]) -> DomainResult<()> {
    tx.delete_many::<sku_barcode::Entity>().filter(sku_barcode::Column::SkuId.eq(sku_id)).exec(tx.conn()).await?;
    for (i, barcode) in barcodes.iter().enumerate() {
        let row = sku_barcode::ActiveModel {
            tenant_id: Set(tx.tenant_id()),
            id: Set(new_id()),
            merchant_id: Set(merchant_id),
            sku_id: Set(sku_id),
            barcode: Set(barcode.barcode.clone()),
            kind: Set(barcode.kind.as_str().to_owned()),
            scan_key: Set(barcode.scan_key()),
        };
        let unique = [sku_barcode::Column::TenantId, sku_barcode::Column::MerchantId, sku_barcode::Column::ScanKey];
        if !tx.insert_unless_exists(row, unique).await? {
            let holder = tx
                .find::<sku_barcode::Entity>()
                .filter(sku_barcode::Column::MerchantId.eq(merchant_id))
                .filter(sku_barcode::Column::ScanKey.eq(barcode.scan_key()))
                .one(tx.conn())
                .await?;
            let position = i.to_string();
            let mut error = UserError::at(
                &["barcodes", position.as_str(), "barcode"],
                UserErrorCode::Taken,
                messages::barcode_taken(&barcode.barcode),
            );
            if let Some(holder) = holder {
                error = error.about(SKU.gid(holder.sku_id));
            }
            return Err(DomainError::User(vec![error]));
        }
    }
    Ok(())
}

/// The barcodes of each of `skus`, in the order they were given.
pub(super) async fn of_skus(tx: &TenantTx, skus: &[Uuid]) -> DomainResult<HashMap<Uuid, Vec<Barcode>>> {
    let mut found: HashMap<Uuid, Vec<Barcode>> = HashMap::new();
    if skus.is_empty() {
        return Ok(found);
    }
    let rows = tx
        .find::<sku_barcode::Entity>()
        .filter(sku_barcode::Column::SkuId.is_in(skus.iter().copied()))
        .order_by_asc(sku_barcode::Column::Id)
        .all(tx.conn())
        .await?;
    for row in rows {
        let kind = BarcodeKind::parse(&row.kind)
            .ok_or_else(|| DomainError::internal(format!("barcode kind `{}`", row.kind)))?;
        found.entry(row.sku_id).or_default().push(Barcode { barcode: row.barcode, kind });
    }
    Ok(found)
}

/// The SKU of `merchant_id` holding each of `scan_keys` that one holds.
pub(super) async fn holders(
    tx: &TenantTx,
    merchant_id: Uuid,
    scan_keys: &[String],
) -> DomainResult<HashMap<String, Uuid>> {
    let mut found = HashMap::new();
    for chunk in scan_keys.chunks(500) {
        let rows = tx
            .find::<sku_barcode::Entity>()
            .filter(sku_barcode::Column::MerchantId.eq(merchant_id))
            .filter(sku_barcode::Column::ScanKey.is_in(chunk.iter().cloned()))
            .all(tx.conn())
            .await?;
        found.extend(rows.into_iter().map(|row| (row.scan_key, row.sku_id)));
    }
    Ok(found)
}

/// `SELECT sku_id` of the barcodes a scan of `text` matches (for a
/// SKU search), scoped like every query of `tx`.
pub(super) fn skus_scanned_as(tx: &TenantTx, text: &str) -> SelectStatement {
    tx.find::<sku_barcode::Entity>()
        .select_only()
        .column(sku_barcode::Column::SkuId)
        .filter(sku_barcode::Column::ScanKey.is_in(scan_keys(text)))
        .into_query()
}

/// The SKUs of merchant `merchant_id` a scan of `text` finds: by a barcode
/// (a GTIN with or without leading zeros) or, as scanners of printed pick
/// lists send it, by the SKU's code. For other contexts (receiving) that
/// checked their own permission; owner scoping applies.
pub(crate) async fn scan(tx: &TenantTx, merchant_id: Uuid, text: &str) -> DomainResult<Vec<Uuid>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let by_barcode = tx
        .find::<sku_barcode::Entity>()
        .filter(sku_barcode::Column::MerchantId.eq(merchant_id))
        .filter(sku_barcode::Column::ScanKey.is_in(scan_keys(text)))
        .all(tx.conn())
        .await?;
    let mut found: Vec<Uuid> = by_barcode.into_iter().map(|b| b.sku_id).collect();
    let by_code = tx
        .find::<sku::Entity>()
        .filter(sku::Column::MerchantId.eq(merchant_id))
        .filter(sku::Column::Code.eq(text))
        .all(tx.conn())
        .await?;
    found.extend(by_code.into_iter().map(|s| s.id).filter(|id| !found.contains(id)).collect::<Vec<_>>());
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(barcode: &str, kind: BarcodeKind) -> Result<String, String> {
        Barcode { barcode: barcode.into(), kind }.checked().map(|b| b.barcode).map_err(|m| m.id().to_owned())
    }

    #[test]
    fn gtins_have_their_length_digits_and_check_digit() {
        assert_eq!(check("96385074", BarcodeKind::Gtin8), Ok("96385074".into()));
        assert_eq!(check(" 036000291452 ", BarcodeKind::Gtin12), Ok("036000291452".into()));
        assert_eq!(check("4006381333931", BarcodeKind::Gtin13), Ok("4006381333931".into()));
        assert_eq!(check("10036000291459", BarcodeKind::Gtin14), Ok("10036000291459".into()));
        assert_eq!(check("4006381333932", BarcodeKind::Gtin13), Err("catalog-barcode-check-digit".into()));
        assert_eq!(check("400638133393", BarcodeKind::Gtin13), Err("catalog-barcode-length".into()));
        assert_eq!(check("40063813339A1", BarcodeKind::Gtin13), Err("catalog-barcode-digits-only".into()));
    }

    #[test]
    fn internal_barcodes_are_printable_ascii() {
        assert_eq!(check("LY-BIN 0042", BarcodeKind::Internal), Ok("LY-BIN 0042".into()));
        assert!(check("", BarcodeKind::Internal).is_err());
        assert!(check("条码", BarcodeKind::Internal).is_err());
        assert!(check(&"x".repeat(65), BarcodeKind::Internal).is_err());
    }

    #[test]
    fn a_gtin_is_found_with_or_without_leading_zeros() {
        let upc = Barcode { barcode: "036000291452".into(), kind: BarcodeKind::Gtin12 };
        assert!(scan_keys("0036000291452").contains(&upc.scan_key()));
        assert!(scan_keys("036000291452").contains(&upc.scan_key()));
        assert_eq!(scan_keys("LY-1"), ["LY-1"]);
    }
}
