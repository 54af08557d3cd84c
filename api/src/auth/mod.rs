//! Authentication at the edge: signing keys and their JWKS, access tokens,
//! and the principal a verified token yields.

pub mod keys;
pub mod standing;
pub mod tokens;

pub use keys::SigningKeys;
pub use tokens::{AuthError, Principal, TokenIssuer, bearer_token};
