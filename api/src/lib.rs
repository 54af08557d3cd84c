//! The HTTP edge and GraphQL API of Silkport. The `silkport` binary
//! (`main.rs`) composes it with the workers; this library never spawns
//! workers itself.

pub mod auth;
pub mod config;
pub mod events;
pub mod graphql;
pub mod http;
pub mod ratelimit;
pub mod state;
pub mod telemetry;

pub use config::Config;
pub use state::AppState;
