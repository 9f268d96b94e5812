//! The domain engine: the catalogue and the procedure as data, the consultation record, its
//! validation report and the stage gates. Pure Rust: it knows nothing of Yew, web-sys or storage,
//! and never reads a clock (a test in `tests/it/tidy.rs` enforces the imports).

pub mod catalogue;
pub mod county_list;
pub mod documents;
pub mod docx;
pub mod file;
pub mod ledger;
pub mod opinion;
pub mod overview;
pub mod procedure;
pub mod record;
pub mod sample;
pub mod session;
pub mod settings;
pub mod text;
pub mod training;
pub mod transfer;
pub mod verify;
pub mod when;

pub use catalogue::{Catalogue, Entry, FlawKind, Group, Matter};
pub use procedure::{CountyRules, Procedure, Severity};
pub use record::gates::GateError;
pub use record::validate::{validate, Problem, ProblemKind, Report, Target};
pub use record::{gates, validate};
pub use record::{Edit, EditError, ItemState, MatterCopy, Party, Record, Scope, StageStatus, Value};
