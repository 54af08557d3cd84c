//! Global ids in the API: `gid://silkport/<Type>/<uuid>`, the format the
//! domain defines once ([`NodeType`]); one `node(id:)` resolves any of them.

use async_graphql::ID;
use domain::platform::ids::NodeType;
use domain::platform::messages;
use domain::{DomainError, DomainResult, UserErrorCode};
use uuid::Uuid;

pub fn encode(kind: NodeType, id: Uuid) -> ID {
    ID(kind.gid(id))
}

/// The uuid of an input id of type `kind`, or the user error naming
/// `field` ("Not a Merchant id.").
pub fn decode(kind: NodeType, field: &str, id: &ID) -> DomainResult<Uuid> {
    kind.parse(id).ok_or_else(|| DomainError::user(field, UserErrorCode::Invalid, messages::invalid_id(kind.name())))
}

/// Like [`decode`] for an optional input.
pub fn decode_opt(kind: NodeType, field: &str, id: Option<&ID>) -> DomainResult<Option<Uuid>> {
    id.map(|id| decode(kind, field, id)).transpose()
}
