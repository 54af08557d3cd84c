//! Orders: what merchants, channels and stores ask a warehouse to ship, and
//! where to (outbound orders, issue 7). For now, the ship-to address rules.

pub mod addresses;
