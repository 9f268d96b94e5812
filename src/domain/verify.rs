//! 核验: a paper copy checked against the records of this copy. Every page of a record's document
//! carries the record's number, its revision and its 校验码 (the first 16 hexadecimal digits of
//! the SHA-256 of its canonical JSON, see [`super::transfer::digest`]). A person types the code
//! (and, if it does not match, the number and revision printed beside it) and is told which
//! record it is, whether the paper says what the record says now, and if not, what changed
//! after the copy was printed.
//!
//! An exported file is checked the same way, record by record ([`check_copy`]): whether each
//! says exactly what is stored here, and if not, which side went on and what changed.

use super::documents::compacted;
use super::ledger::Summary;
use super::procedure::Procedure;
use super::record::{AuditEntry, Record, Value};
use super::transfer::{classify, digest, short_digest, Exported, Verdict};

/// The 16 hexadecimal digits of a 校验码 as a person may type or paste it (`243D-4596-774A-B365`,
/// with spaces, lower case, full-width digits and letters or dashes); `None` when it is not one.
pub fn code_of(text: &str) -> Option<String> {
    let digits: String = text
        .chars()
        .map(|c| match c {
            // Full-width forms (typed with a Chinese input method) as their ASCII twins.
            '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF26}' | '\u{FF41}'..='\u{FF46}' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            c => c,
        })
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '－' | '—' | '–' | '_'))
        .collect();
    (digits.len() == 16 && digits.chars().all(|c| c.is_ascii_hexdigit())).then(|| digits.to_ascii_lowercase())
}

/// What a paper copy is, against this copy's records.
#[derive(Clone, Debug, PartialEq)]
pub enum Finding {
    /// The code is not 16 hexadecimal digits.
    BadCode,
    /// The record whose code this is, as it stands now: the paper says what the record says.
    Current {
        /// The record's id.
        id: String,
        /// Its revision.
        revision: u64,
    },
    /// The record named on the paper is here, but no longer at this code: it changed after the
    /// copy was printed (or the paper was altered).
    Changed {
        /// The record's id.
        id: String,
        /// Its revision now.
        revision: u64,
        /// Its code now.
        code: String,
    },
    /// The record named on the paper is not in this copy.
    UnknownRecord(String),
    /// No record of this copy stands at this code, and the paper's record number was not given.
    NotFound,
}

/// Checks a code (and, where given, the record number printed beside it) against the ledger.
pub fn find(code: &str, id: Option<&str>, summaries: &[Summary]) -> Finding {
    let Some(code) = code_of(code) else { return Finding::BadCode };
    let id = id.map(str::trim).filter(|i| !i.is_empty());
    let at_code = summaries
        .iter()
        .find(|s| s.digest.to_ascii_lowercase().starts_with(&code) && id.is_none_or(|i| i == s.id));
    if let Some(s) = at_code {
        return Finding::Current { id: s.id.clone(), revision: s.revision };
    }
    match id {
        None => Finding::NotFound,
        Some(i) => match summaries.iter().find(|s| s.id == i) {
            Some(s) => Finding::Changed {
                id: s.id.clone(),
                revision: s.revision,
                code: super::transfer::short_digest(&s.digest),
            },
            None => Finding::UnknownRecord(i.to_owned()),
        },
    }
}

/// What changed in a record after the revision a paper copy carries, as the change log shows it
/// (a field typed over a minute is one change with its final value).
pub fn changes_since(record: &Record, revision: u64) -> Vec<AuditEntry> {
    compacted(&record.audit).into_iter().filter(|a| a.revision > revision).collect()
}

/// What an exported file's copy of a record is, against the record of the same number here.
#[derive(Clone, Debug, PartialEq)]
pub enum CopyState {
    /// No record of this number is stored here.
    NotHere,
    /// The file holds exactly what is stored here.
    Same,
    /// The record here went on after the file was exported: the changes since the file's
    /// revision, as the change log shows them.
    ChangedHere(Vec<AuditEntry>),
    /// The file's copy went on after the one here (exported from another computer later): the
    /// changes in the file after this copy's revision.
    ChangedInFile(Vec<AuditEntry>),
    /// Both changed since they parted, or they are different records with one number.
    Diverged,
}

/// One record of an exported file, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct CopyCheck {
    /// The record's number.
    pub id: String,
    /// Its topic in the file.
    pub topic: String,
    /// Its revision in the file.
    pub revision: u64,
    /// The 校验码 of its content in the file (what a page printed from it carries).
    pub code: String,
    /// Its content is not what the file's digest says: the file was changed after it was
    /// exported.
    pub altered: bool,
    /// The revision stored here, if any.
    pub here: Option<u64>,
    /// How it compares.
    pub state: CopyState,
}

fn copy_check(procedure: &Procedure, exported: &Exported, here: Option<u64>, state: CopyState) -> CopyCheck {
    let r = &exported.record;
    let content = digest(r);
    CopyCheck {
        id: r.id.clone(),
        topic: match r.value(procedure, &procedure.key_fields.topic) {
            Some(Value::Text(t)) => t,
            _ => String::new(),
        },
        revision: r.revision,
        code: short_digest(&content),
        altered: content != exported.digest,
        here,
        state,
    }
}

/// What a file's record is when the ledger alone can say (not stored here, or stored with the
/// digest the file gives and the file's content is that digest); `None` when the record stored
/// here must be read ([`check_copy`]).
pub fn quick_check(
    procedure: &Procedure,
    exported: &Exported,
    summary: Option<&Summary>,
) -> Option<CopyCheck> {
    match summary {
        None => Some(copy_check(procedure, exported, None, CopyState::NotHere)),
        Some(s) if s.digest == exported.digest && digest(&exported.record) == exported.digest => {
            Some(copy_check(procedure, exported, Some(s.revision), CopyState::Same))
        }
        Some(_) => None,
    }
}

/// What a file's record is against the record of the same number stored here: the same, or
/// which side went on and with what changes (by the audit trails, as an import decides).
pub fn check_copy(procedure: &Procedure, exported: &Exported, here: Option<&Record>) -> CopyCheck {
    let Some(local) = here else { return copy_check(procedure, exported, None, CopyState::NotHere) };
    let file = &exported.record;
    let state = match classify(file, Some(local)) {
        Verdict::New => CopyState::NotHere,
        Verdict::Identical => CopyState::Same,
        Verdict::Older => CopyState::ChangedHere(changes_since(local, file.revision)),
        Verdict::Newer => CopyState::ChangedInFile(changes_since(file, local.revision)),
        Verdict::Conflicting => CopyState::Diverged,
    };
    copy_check(procedure, exported, Some(local.revision), state)
}
