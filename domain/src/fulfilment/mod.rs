//! Fulfilment: getting orders to their recipients (issue 7). For now, the
//! carriers a package is shipped with.

pub mod carriers;
