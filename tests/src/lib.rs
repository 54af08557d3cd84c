//! Test harness: a real server over HTTP on a fresh database (a new SQLite
//! file, or a PostgreSQL database cloned from a migrated template and used
//! through the non-owner application role), with real Redis and a real
//! SMTP sink when the environment names them.

pub mod app;
pub mod audit;
pub mod db;
pub mod fixtures;
pub mod mail;
pub mod runner;
pub mod schema;
pub mod served;
pub mod services;
pub mod sweep;
pub mod ws;

pub use app::TestApp;
pub use fixtures::identity::{PASSWORD, Session};
