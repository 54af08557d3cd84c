//! Integration tests: one binary, a module per feature, each test on its
//! own fresh database with its own server.

mod architecture;
mod audit;
mod auth;
mod bad_input;
mod email;
mod http_edge;
mod isolation;
mod jobs;
mod members;
mod oauth;
mod row_level_security;
mod schema;
mod sessions;
mod subscriptions;
mod tenants;
