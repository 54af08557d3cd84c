//! Background work: the queue runner that claims jobs from the database,
//! and the handlers that do them (email for now). Jobs are at-least-once;
//! every handler is idempotent.

pub mod email;
pub mod mailer;
pub mod runner;
pub mod wake;

pub use mailer::Mailer;
pub use runner::{JobError, JobHandler, Runner, RunnerConfig};
