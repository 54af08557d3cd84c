//! Integration tests: one binary, a folder per business context (its tests
//! and its part of the isolation sweeps), each test on its own fresh
//! database with its own server.

mod architecture;
mod catalog;
mod demo;
mod fulfilment;
mod identity;
mod inbound;
mod inventory;
mod isolation;
mod orders;
mod owner_scoping;
mod partner_guide;
mod permissions;
mod platform;
mod returns;
mod schema;
