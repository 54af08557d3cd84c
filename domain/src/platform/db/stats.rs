//! Work done on the database since start, for `/metrics` and the benchmarks.

use std::sync::atomic::{AtomicU64, Ordering};

/// Statements sent and transactions opened (each also costs a BEGIN and a
/// COMMIT round trip).
#[derive(Debug, Default)]
pub struct DbStats {
    statements: AtomicU64,
    transactions: AtomicU64,
}

impl DbStats {
    pub fn statements(&self) -> u64 {
        self.statements.load(Ordering::Relaxed)
    }

    pub fn transactions(&self) -> u64 {
        self.transactions.load(Ordering::Relaxed)
    }

    /// Statements plus BEGIN and COMMIT of every transaction.
    pub fn round_trips(&self) -> u64 {
        self.statements() + 2 * self.transactions()
    }

    pub(super) fn statement(&self) {
        self.statements.fetch_add(1, Ordering::Relaxed);
    }

    pub(super) fn transaction(&self) {
        self.transactions.fetch_add(1, Ordering::Relaxed);
    }
}
