//! What every business context uses, and nothing that belongs to one:
//! tenancy, access, the database handle, the event bus, jobs (outbox,
//! queue, scheduler), audit, idempotency keys, paging, ids, errors, the
//! clock, outgoing mail, imports of merchants' files (uploads, CSV, fault
//! reports), and the reader's language (message catalogues
//! and mail templates). This module imports no context; the architecture
//! test holds it to that.

pub mod access;
pub mod audit;
pub mod bus;
pub mod clock;
pub mod db;
pub mod email;
pub mod errors;
pub mod i18n;
pub mod idempotency;
pub mod ids;
pub mod imports;
pub mod jobs;
pub mod mail;
pub mod messages;
pub mod money;
pub mod paging;
pub mod tenancy;
pub mod text_enum;
