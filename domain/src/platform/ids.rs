//! Identifiers and secrets made by the application, and the one format of
//! global ids (`gid://silkport/<Type>/<uuid>`) that the API shows and the
//! audit log records.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// A new time-ordered id (UUID v7), so keys sort by creation and cursors
/// over them are stable.
pub fn new_id() -> Uuid {
    Uuid::now_v7()
}

/// A random secret of 32 bytes, URL-safe base64.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// How secrets are stored: SHA-256, hex. Random 256-bit secrets need no
/// slow hash; passwords do (see `identity::password`).
pub fn hash_secret(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

/// Compares two secret hashes in constant time.
pub fn secret_hash_eq(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq;
    a.as_bytes().ct_eq(b.as_bytes()).into()
}

const GID_PREFIX: &str = "gid://silkport/";

/// The type part of a global id, one constant per object type, declared
/// by the context that owns the type (`identity::MEMBER`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NodeType(pub &'static str);

impl NodeType {
    pub const fn name(self) -> &'static str {
        self.0
    }

    /// `gid://silkport/<Type>/<uuid>`.
    pub fn gid(self, id: Uuid) -> String {
        format!("{GID_PREFIX}{}/{id}", self.0)
    }

    /// The uuid of `gid` when it is a global id of this type.
    pub fn parse(self, gid: &str) -> Option<Uuid> {
        parse_gid(gid).filter(|(kind, _)| *kind == self.0).map(|(_, id)| id)
    }
}

/// Splits a global id into its type name and uuid.
pub fn parse_gid(gid: &str) -> Option<(&str, Uuid)> {
    let (kind, uuid) = gid.strip_prefix(GID_PREFIX)?.split_once('/')?;
    Some((kind, Uuid::try_parse(uuid).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MEMBER: NodeType = NodeType("Member");

    #[test]
    fn global_ids_round_trip_and_reject_other_types() {
        let id = Uuid::now_v7();
        let gid = MEMBER.gid(id);
        assert_eq!(gid, format!("gid://silkport/Member/{id}"));
        assert_eq!(MEMBER.parse(&gid), Some(id));
        assert_eq!(NodeType("Job").parse(&gid), None);
        assert_eq!(parse_gid("gid://other/Member/x"), None);
        assert_eq!(parse_gid("not an id"), None);
    }

    #[test]
    fn secret_hashes_are_hex_sha256() {
        assert_eq!(hash_secret("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert!(secret_hash_eq(&hash_secret("x"), &hash_secret("x")));
        assert!(!secret_hash_eq(&hash_secret("x"), &hash_secret("y")));
    }
}
