//! What every import of a merchant's file shares, whatever it makes (SKUs
//! in the catalog, orders in orders):
//!
//! - [`upload`]: the file as it came (bytes, name, SHA-256), kept in the
//!   uploader's tenant until an import reads it; only its uploader may
//!   import it.
//! - [`csv_file`]: the file read as CSV (UTF-8 with or without a
//!   byte-order mark, comma separated, the format's header on line 1),
//!   or refused as a whole with a message that says what to do.
//! - [`report`]: the faults of its rows (line, column, reason), worded in
//!   every language when found, kept with the import and downloaded as
//!   CSV (`line,column,code,message`).
//! - [`ImportState`]: where an import's job is.
//!
//! A context's import keeps its own record (its counts are its own) and
//! job; the rule they all follow is that every row is checked before any
//! is written, and a file with any bad row writes none.

pub mod csv_file;
pub mod report;
pub mod upload;
pub(crate) mod upload_entity;

use super::ids::NodeType;
use super::tenancy::tenant_entity;
use super::text_enum::string_enum;

pub use self::csv_file::{CsvFile, Header, Record};
pub use self::report::{Faults, MAX_STORED_FAULTS, RowFault};
pub use self::upload::{MAX_UPLOAD_BYTES, Upload};

tenant_entity!(upload_entity owned by MerchantId);

/// Node type of an uploaded file (`gid://silkport/Upload/<uuid>`).
pub const UPLOAD: NodeType = NodeType("Upload");

string_enum!(
    /// Where an import is: queued, checking every row, writing them, done
    /// (`succeeded`), or `failed` (bad rows, none written; see its errors).
    ImportState {
        Queued = "queued",
        Validating = "validating",
        Applying = "applying",
        Succeeded = "succeeded",
        Failed = "failed",
    }
);

impl ImportState {
    pub fn is_finished(self) -> bool {
        matches!(self, ImportState::Succeeded | ImportState::Failed)
    }
}
