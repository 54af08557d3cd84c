//! Uploaded files, kept as they came (bytes, name, SHA-256) in the
//! uploader's tenant until an import reads them. Only the uploader may
//! import an upload; a merchant-bound uploader's upload is also owned by
//! its merchant, so no other merchant can even see it. Whoever may import
//! something (`catalog:write` for SKUs, `orders:write` for orders) may
//! upload; the import then checks its own permission.

use sea_orm::ActiveValue::Set;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::upload_entity as upload;
use crate::platform::access::Permission;
use crate::platform::clock;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode};
use crate::platform::ids::{hex, new_id};
use crate::platform::messages;
use crate::platform::tenancy::TenantTx;

/// Most bytes of one upload: 10 MiB, some 50,000 rows of a Shopify export.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;

/// Most characters kept of a file's name.
const MAX_FILENAME: usize = 255;

/// An upload, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    pub id: Uuid,
    pub filename: String,
    pub size_bytes: i32,
    /// Hex SHA-256 of the bytes.
    pub sha256: String,
}

/// An upload with its bytes, for an import.
pub struct Stored {
    pub id: Uuid,
    pub filename: String,
    pub sha256: String,
    pub content: Vec<u8>,
}

/// Keeps `content` (a file named `filename`), for a caller who may
/// import something: `catalog:write` or `orders:write`.
pub async fn store(tx: &TenantTx, filename: &str, content: Vec<u8>) -> DomainResult<Upload> {
    if !tx.ctx().can(Permission::CatalogWrite) && !tx.ctx().can(Permission::OrdersWrite) {
        return Err(DomainError::Forbidden("catalog:write or orders:write"));
    }
    if content.is_empty() {
        return Err(DomainError::user("file", UserErrorCode::Invalid, messages::import_empty()));
    }
    if content.len() > MAX_UPLOAD_BYTES {
        let mib = i64::try_from(MAX_UPLOAD_BYTES / (1024 * 1024)).unwrap_or(i64::MAX);
        return Err(DomainError::user("file", UserErrorCode::Invalid, messages::import_too_large(mib)));
    }
    // A name is for people only: control characters and paths are dropped.
    let name: String =
        filename.rsplit(['/', '\\']).next().unwrap_or_default().chars().filter(|c| !c.is_control()).collect();
    let name: String = name.trim().chars().take(MAX_FILENAME).collect();
    let saved = Upload {
        id: new_id(),
        filename: if name.is_empty() { "upload.csv".to_owned() } else { name },
        size_bytes: i32::try_from(content.len()).unwrap_or(i32::MAX),
        sha256: hex(&Sha256::digest(&content)),
    };
    tx.insert(upload::ActiveModel {
        tenant_id: Set(tx.tenant_id()),
        id: Set(saved.id),
        merchant_id: Set(tx.ctx().merchant_id),
        uploaded_by: Set(tx.ctx().actor.key()),
        filename: Set(saved.filename.clone()),
        size_bytes: Set(saved.size_bytes),
        sha256: Set(saved.sha256.clone()),
        content: Set(content),
        created_at: Set(clock::now()),
    })
    .await?;
    Ok(saved)
}

/// Upload `id` of this caller's, with its bytes; another's is not found
/// (or, in the same merchant or tenant-wide, refused as not theirs).
pub async fn load(tx: &TenantTx, id: Uuid) -> DomainResult<Stored> {
    let Some(row) = tx.find_by_id::<upload::Entity>(id).one(tx.conn()).await? else {
        return Err(DomainError::not_found("uploadId"));
    };
    if row.uploaded_by != tx.ctx().actor.key() {
        return Err(DomainError::user("uploadId", UserErrorCode::Invalid, messages::import_upload_not_yours()));
    }
    Ok(Stored { id: row.id, filename: row.filename, sha256: row.sha256, content: row.content })
}

/// The bytes of upload `id` whoever sent it (the import job's read).
pub async fn content(tx: &TenantTx, id: Uuid) -> DomainResult<Vec<u8>> {
    let row = tx.find_by_id::<upload::Entity>(id).one(tx.conn()).await?;
    row.map(|r| r.content).ok_or_else(|| DomainError::internal(format!("upload {id} of an import is missing")))
}
