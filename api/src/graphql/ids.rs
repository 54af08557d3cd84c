//! Opaque global ids, `gid://silkport/<Type>/<uuid>`, as the big commerce
//! APIs use: one `node(id:)` resolves any of them.

use async_graphql::ID;
use uuid::Uuid;

const PREFIX: &str = "gid://silkport/";

pub fn encode(kind: &str, id: Uuid) -> ID {
    ID(format!("{PREFIX}{kind}/{id}"))
}

/// Splits a global id into its type and uuid.
pub fn decode_any(id: &str) -> Option<(&str, Uuid)> {
    let rest = id.strip_prefix(PREFIX)?;
    let (kind, uuid) = rest.split_once('/')?;
    Some((kind, Uuid::try_parse(uuid).ok()?))
}

/// The uuid of a global id of type `kind`, or None when it is another type.
pub fn decode(kind: &str, id: &str) -> Option<Uuid> {
    decode_any(id).filter(|(k, _)| *k == kind).map(|(_, uuid)| uuid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_other_types() {
        let id = Uuid::now_v7();
        let gid = encode("Member", id);
        assert_eq!(decode("Member", &gid), Some(id));
        assert_eq!(decode("Job", &gid), None);
        assert_eq!(decode_any("gid://other/Member/x"), None);
        assert_eq!(decode_any("not an id"), None);
    }
}
