//! 核验: a paper copy checked against the records of this copy. Every page of a record's document
//! carries the record's number, its revision and its 校验码 (the first 16 hexadecimal digits of
//! the SHA-256 of its canonical JSON, see [`super::transfer::digest`]). A person types the code
//! (and, if it does not match, the number and revision printed beside it) and is told which
//! record it is, whether the paper says what the record says now, and if not, what changed
//! after the copy was printed.

use super::documents::compacted;
use super::ledger::Summary;
use super::record::{AuditEntry, Record};

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
