//! Records leave and enter the browser: the export file (a versioned envelope), each record's
//! canonical JSON and its SHA-256 digest, the ledger as CSV, and import — parsed into the same
//! types or rejected with the place of the first problem, then compared with the local copies
//! for a preview. Nothing here changes stored data.

use super::ledger::{Status, Summary};
use super::opinion::Opinion;
use super::procedure::{FieldKind, Procedure};
use super::record::Record;
use super::settings::{Place, Settings};
use super::when::{self, Date, OffsetDateTime};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// The name of the export format.
pub const FORMAT: &str = "xieshang-records";
/// The name of the emergency backup files that builds before 2026-12 wrote (导出备份): every
/// record held only in memory, the opinions and the settings, without digests. Import reads
/// them as records files; backups are now records files themselves.
pub const OLD_BACKUP_FORMAT: &str = "xieshang-backup";
/// The highest revision a file may carry: a record's revision is raised by every edit, and
/// JavaScript, which also reads the files, counts exactly only up to 2^53 − 1.
pub const MAX_REVISION: u64 = (1 << 53) - 1;
/// The version of the export format this build writes and reads.
pub const VERSION: u32 = 1;
/// The largest file import accepts.
pub const MAX_FILE_BYTES: usize = 200 * 1024 * 1024;
/// The longest text import accepts in any one field.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// An export file.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    /// Always [`FORMAT`].
    pub format: String,
    /// The format's version ([`VERSION`]).
    pub version: u32,
    /// When the file was made.
    #[serde(with = "super::when::rfc3339")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub exported_at: OffsetDateTime,
    /// The program that made it, e.g. `xieshang 0.1.0`.
    pub generator: String,
    /// Who exported it (the organisation in the settings), if known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    /// Where it was exported (county, township, village), as the settings say.
    #[serde(default, skip_serializing_if = "Place::is_empty")]
    pub place: Place,
    /// The records, each with its digest.
    pub records: Vec<Exported>,
    /// Residents' opinions the records took up (in a backup: every opinion).
    #[serde(default)]
    pub opinions: Vec<Opinion>,
    /// The settings of the copy that wrote the file: only in a backup (导出备份), whose import
    /// offers to restore them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Settings>,
}

/// A record in an export file, with the SHA-256 digest of its canonical JSON.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Exported {
    /// Lower-case hex SHA-256 of [`canonical_json`] of the record.
    pub digest: String,
    /// The record.
    pub record: Record,
}

/// The canonical JSON of a record: keys sorted at every level, no white space. The same record
/// always gives the same text, whatever the order its fields are declared or were read in.
pub fn canonical_json(record: &Record) -> String {
    // serde_json's Value keeps object keys in a BTreeMap (no `preserve_order`), so they come out
    // sorted.
    serde_json::to_value(record).map(|v| v.to_string()).unwrap_or_default()
}

/// The SHA-256 digest of a record's canonical JSON, in lower-case hex.
pub fn digest(record: &Record) -> String {
    digest_of_text(&canonical_json(record))
}

/// The SHA-256 of a text, in lower-case hex (for a record, its canonical JSON).
pub fn digest_of_text(canonical: &str) -> String {
    hex(&Sha256::digest(canonical.as_bytes()))
}

/// Bytes (a digest) in lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

/// The short form printed on paper: the first 16 hex digits in groups of four, upper case,
/// e.g. `3F2A-91C0-77B4-E1D2`.
pub fn short_digest(digest: &str) -> String {
    let head: Vec<char> = digest.chars().take(16).map(|c| c.to_ascii_uppercase()).collect();
    head.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// Whether an id of a record or an opinion follows the one rule ids follow: 1 to 100 ASCII
/// letters, digits, `.`, `_` and `-`, the first a letter or digit. The app makes ids so; an id
/// outside it (spaces, CJK, `/`, markup, control characters, look-alike letters) could not be
/// opened by its address, or would open another record, so import refuses it.
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 100
        && bytes[0].is_ascii_alphanumeric()
        && bytes.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// The stages a record marks completed whose gate the engine refuses (checked as if each were
/// still open): a file may say a stage is done that was never filled in. The ledger does not
/// count such a record as 已办结, and the import preview says so.
pub fn unearned_stages(record: &Record, procedure: &Procedure) -> Vec<String> {
    let report = super::validate::validate(record, procedure, &super::procedure::CountyRules::default());
    procedure
        .stages
        .iter()
        .filter(|s| record.is_completed(&s.id) && report.errors_of(&s.id).next().is_some())
        .map(|s| s.id.clone())
        .collect()
}

/// Makes an export file.
pub fn export(records: &[Record], opinions: Vec<Opinion>, place: &Place, now: OffsetDateTime) -> Envelope {
    Envelope {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: now,
        generator: format!("xieshang {}", env!("CARGO_PKG_VERSION")),
        organisation: place.organisation(),
        place: place.clone(),
        records: records.iter().map(|r| Exported { digest: digest(r), record: r.clone() }).collect(),
        opinions,
        settings: None,
    }
}

/// An export file as text; each record is written as its canonical JSON.
pub fn to_json(envelope: &Envelope) -> String {
    let canonical: Vec<(String, String)> = envelope
        .records
        .iter()
        .map(|e| {
            let text = canonical_json(&e.record);
            (digest_of_text(&text), text)
        })
        .collect();
    let (before, after) =
        frame(&envelope.opinions, &envelope.place, envelope.settings.as_ref(), envelope.exported_at);
    let mut text = assemble(&before, &canonical, &after);
    // The generator is this program unless the envelope says otherwise.
    let default_generator = format!("xieshang {}", env!("CARGO_PKG_VERSION"));
    if envelope.generator != default_generator {
        let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
        text = text.replacen(&quoted(&default_generator), &quoted(&envelope.generator), 1);
    }
    text
}

/// An export file assembled from records already in canonical JSON (as they are stored), without
/// reading them: each `(digest, text)` is written as it is, the digest being that of the text
/// (stored beside it, or computed). [`to_json`] writes the same file for the same records.
pub fn to_json_from_canonical(
    canonical_records: &[(String, String)],
    opinions: &[Opinion],
    place: &Place,
    now: OffsetDateTime,
) -> String {
    let (before, after) = frame(opinions, place, None, now);
    assemble(&before, canonical_records, &after)
}

/// The file from its frame and its records' `(digest, canonical JSON)`.
fn assemble(before: &str, canonical_records: &[(String, String)], after: &str) -> String {
    let total: usize = canonical_records.iter().map(|(_, r)| r.len() + 90).sum();
    let mut out = String::with_capacity(before.len() + total + after.len());
    out.push_str(before);
    for (i, (digest, r)) in canonical_records.iter().enumerate() {
        out.push_str(&record_opening(i, digest));
        out.push_str(r);
        out.push('}');
    }
    out.push_str(after);
    out
}

/// The text of an export file around its records: what comes before the first record and
/// after the last. Between them go, for each record, [`record_opening`], its canonical JSON, and
/// `}`. (The browser assembles large exports this way without copying the stored texts.) A
/// backup carries the settings as well.
pub fn frame(
    opinions: &[Opinion],
    place: &Place,
    settings: Option<&Settings>,
    now: OffsetDateTime,
) -> (String, String) {
    let head = Envelope {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: now,
        generator: format!("xieshang {}", env!("CARGO_PKG_VERSION")),
        organisation: place.organisation(),
        place: place.clone(),
        records: Vec::new(),
        opinions: opinions.to_vec(),
        settings: settings.cloned(),
    };
    let head = serde_json::to_string(&head).unwrap_or_default();
    // `head` has `"records":[]`; the records go inside the brackets.
    let at = head.find("\"records\":[]").map_or(head.len(), |at| at + "\"records\":[".len());
    (head[..at].to_owned(), head[at..].to_owned())
}

/// What precedes the `index`-th record's JSON in an export file.
pub fn record_opening(index: usize, digest: &str) -> String {
    let comma = if index > 0 { "," } else { "" };
    format!("{comma}{{\"digest\":\"{digest}\",\"record\":")
}

/// Why a file cannot be imported. Each says where the first problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// Its size.
        bytes: usize,
    },
    /// Empty.
    Empty,
    /// Not JSON, or cut short.
    NotJson {
        /// Line of the problem (1-based).
        line: usize,
        /// Column.
        column: usize,
        /// The text ends before the JSON does (a truncated file).
        truncated: bool,
        /// Nesting deeper than JSON readers accept.
        too_deep: bool,
    },
    /// Not an export of this program.
    WrongFormat {
        /// What the file calls itself.
        found: String,
    },
    /// A version this build does not know.
    UnknownVersion {
        /// The file's version.
        found: u64,
    },
    /// A value of the wrong shape.
    Shape {
        /// Where, e.g. `records[3].record.values.topic`.
        path: String,
        /// What the reader said.
        detail: String,
    },
    /// Two records (or opinions) with one id.
    DuplicateId {
        /// Where the second is.
        path: String,
        /// The id.
        id: String,
    },
    /// The file is not UTF-8 text (UTF-16, GBK, …): saved in another encoding.
    NotUtf8 {
        /// The encoding recognised, when its byte-order mark or its zero bytes tell it.
        encoding: Option<&'static str>,
    },
    /// A revision beyond [`MAX_REVISION`].
    BadRevision {
        /// Where.
        path: String,
    },
    /// An id that is empty or too long.
    BadId {
        /// Where.
        path: String,
    },
    /// A text longer than [`MAX_TEXT_CHARS`].
    TooLong {
        /// Where.
        path: String,
        /// Its length in characters.
        chars: usize,
    },
    /// A record made for another procedure definition.
    UnknownProcedure {
        /// Where.
        path: String,
        /// Its id.
        id: String,
    },
    /// A field, item, stage, role or option the procedure does not have, or a value of the
    /// wrong kind for its field.
    NotInProcedure {
        /// Where.
        path: String,
        /// What it is.
        name: String,
    },
}

impl ImportError {
    /// Where the problem is, as a path into the file (`$` for the whole file).
    pub fn path(&self) -> String {
        match self {
            ImportError::TooLarge { .. }
            | ImportError::Empty
            | ImportError::NotJson { .. }
            | ImportError::NotUtf8 { .. } => "$".into(),
            ImportError::WrongFormat { .. } => "format".into(),
            ImportError::UnknownVersion { .. } => "version".into(),
            ImportError::Shape { path, .. }
            | ImportError::DuplicateId { path, .. }
            | ImportError::BadId { path }
            | ImportError::BadRevision { path }
            | ImportError::TooLong { path, .. }
            | ImportError::UnknownProcedure { path, .. }
            | ImportError::NotInProcedure { path, .. } => path.clone(),
        }
    }

    /// The 1-based number of the record the problem is in, if it is in one.
    pub fn record_number(&self) -> Option<usize> {
        let path = self.path();
        let rest = path.strip_prefix("records[")?;
        let end = rest.find(']')?;
        rest[..end].parse::<usize>().ok().map(|i| i + 1)
    }
}

/// A file that parsed and passed every check.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// Its content.
    pub envelope: Envelope,
    /// Ids of records whose digest in the file does not match their content.
    pub digest_mismatches: Vec<String>,
    /// Each record's canonical JSON, in the order of `envelope.records` (ready to store).
    pub canonical: Vec<String>,
}

/// Parses an export file and checks it against the procedure. The first problem found is
/// returned with its place; nothing is partly accepted.
///
/// A good file is read in one pass, without tracking paths. Only when that fails is the file
/// read again, slowly, to say where and why: first its head (so that another format or version
/// is named as such), then with every value's path tracked.
///
/// This is [`read`], [`FileText::check`] and [`Unverified::verify`] in a row, with the digests
/// of the records' texts computed here; the browser computes them with its own SHA-256 while
/// the records are being checked.
pub fn parse(text: &str, procedure: &Procedure) -> Result<Parsed, ImportError> {
    let unverified = read(text)?.check(procedure)?;
    let digests: Vec<String> = unverified.texts().map(digest_of_text).collect();
    Ok(unverified.verify(&digests))
}

/// The format a JSON file names itself (`xieshang-records`, `xieshang-opinions`, …), if it is
/// a JSON object with a `format` text.
pub fn file_format(text: &str) -> Option<String> {
    let head: Head = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    head.format?.as_str().map(str::to_owned)
}

/// An export file whose head is checked and whose records' texts are found, not yet read.
pub struct FileText<'a> {
    raw: RawEnvelope<'a>,
    /// An emergency backup of an earlier build: its records carry no digest (theirs are
    /// computed), and it has no export time (the latest change it holds stands for it).
    old_backup: bool,
}

/// An emergency backup of an earlier build, read as a records file.
fn read_old_backup(text: &str) -> Result<FileText<'_>, ImportError> {
    #[derive(Deserialize)]
    struct RawBackup<'a> {
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
        #[serde(borrow)]
        records: Vec<&'a serde_json::value::RawValue>,
        #[serde(default)]
        opinions: Vec<Opinion>,
        #[serde(default)]
        settings: Option<Settings>,
    }
    let raw = match read_whole::<RawBackup>(text) {
        Ok(raw) => raw,
        Err(_) => return Err(first_problem::<RawBackup>(text, "", Some((OLD_BACKUP_FORMAT, 1)))),
    };
    check_head(raw.format, raw.version, OLD_BACKUP_FORMAT, 1)?;
    Ok(FileText {
        raw: RawEnvelope {
            format: None,
            version: None,
            exported_at: OffsetDateTime::UNIX_EPOCH,
            generator: OLD_BACKUP_FORMAT.to_owned(),
            organisation: String::new(),
            place: raw.settings.as_ref().map(Settings::place).unwrap_or_default(),
            records: raw
                .records
                .into_iter()
                .map(|record| RawExported { digest: String::new(), record })
                .collect(),
            opinions: raw.opinions,
            settings: Some(raw.settings.unwrap_or_default()),
        },
        old_backup: true,
    })
}

/// Reads an export file's head and finds each record's text: the first step of [`parse`].
pub fn read(text: &str) -> Result<FileText<'_>, ImportError> {
    let text = preflight(text)?;
    if file_format(text).as_deref() == Some(OLD_BACKUP_FORMAT) {
        return read_old_backup(text);
    }
    match read_whole::<RawEnvelope>(text) {
        Ok(mut raw) => {
            check_head(raw.format.take(), raw.version.take(), FORMAT, VERSION)?;
            Ok(FileText { raw, old_backup: false })
        }
        Err(_) => Err(first_problem::<RawEnvelope>(text, "", Some((FORMAT, VERSION)))),
    }
}

/// A file's bytes as text: UTF-8, with or without a byte-order mark. A file saved in another
/// encoding is named as such (UTF-16 by its byte-order mark or its zero bytes; anything else
/// that is not UTF-8, such as GBK, as not UTF-8), rather than read as garbled text.
pub fn decode(bytes: Vec<u8>) -> Result<String, ImportError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportError::NotUtf8 { encoding: Some("UTF-16") });
    }
    // JSON text in UTF-16 without a mark: every other byte of its ASCII is zero.
    let head = &bytes[..bytes.len().min(64)];
    if head.len() >= 4 && head.iter().filter(|b| **b == 0).count() * 3 >= head.len() {
        return Err(ImportError::NotUtf8 { encoding: Some("UTF-16") });
    }
    String::from_utf8(bytes).map_err(|_| ImportError::NotUtf8 { encoding: None })
}

/// The checks every file gets before it is read: size, emptiness, and that it is a JSON object.
/// Returns the text without a byte-order mark.
fn preflight(text: &str) -> Result<&str, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if !text.trim_start().starts_with('{') {
        let found: String = text.trim_start().chars().take(20).collect();
        return Err(ImportError::WrongFormat { found });
    }
    Ok(text)
}

/// Reads another kind of file of this program (`format`, `version`) with the same checks and
/// the same messages as an export file of records: the first problem, with its place.
pub fn read_file<T: serde::de::DeserializeOwned>(
    text: &str,
    format: &str,
    version: u32,
) -> Result<T, ImportError> {
    let text = preflight(text)?;
    match read_whole::<T>(text) {
        Ok(value) => {
            let head: Head = serde_json::from_str(text).map_err(|e| syntax(text, &e))?;
            check_head(head.format, head.version, format, version)?;
            Ok(value)
        }
        Err(_) => Err(first_problem::<T>(text, "", Some((format, version)))),
    }
}

impl<'a> FileText<'a> {
    /// Each record's text as it is in the file, in order.
    pub fn texts(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.raw.records.iter().map(|r| r.record.get())
    }

    /// Reads every record and checks it, and the opinions, against the procedure: the second
    /// step of [`parse`]. Digests are not checked yet.
    pub fn check(self, procedure: &Procedure) -> Result<Unverified<'a>, ImportError> {
        let (raw, old_backup) = (self.raw, self.old_backup);
        let mut records = Vec::with_capacity(raw.records.len());
        let mut texts = Vec::with_capacity(raw.records.len());
        for (i, r) in raw.records.into_iter().enumerate() {
            let body = r.record.get();
            let record: Record = match read_whole(body) {
                Ok(record) => record,
                Err(_) => return Err(first_problem::<Record>(body, &format!("records[{i}].record"), None)),
            };
            // No string can be longer, in characters, than the record's text is in bytes.
            if body.len() > MAX_TEXT_CHARS && longest_string(body) > MAX_TEXT_CHARS {
                let value = serde_json::to_value(&record).unwrap_or_default();
                longest_text(&value, &mut format!("records[{i}].record"))?;
            }
            texts.push(body);
            records.push(Exported { digest: r.digest, record });
        }
        // A backup of an earlier build says when it was made by its latest change.
        let latest =
            records.iter().map(|e| e.record.updated).chain(raw.opinions.iter().map(|o| o.created)).max();
        let exported_at = match latest {
            Some(at) if old_backup => at,
            _ => raw.exported_at,
        };
        let envelope = Envelope {
            format: FORMAT.into(),
            version: VERSION,
            exported_at,
            generator: raw.generator,
            organisation: raw.organisation,
            place: raw.place,
            records,
            opinions: raw.opinions,
            settings: raw.settings,
        };
        Ok(Unverified { parsed: check(envelope, procedure)?, texts, old_backup })
    }
}

/// A file whose records are read and checked, with their digests not yet compared.
pub struct Unverified<'a> {
    parsed: Parsed,
    texts: Vec<&'a str>,
    old_backup: bool,
}

impl<'a> Unverified<'a> {
    /// Each record's text as it is in the file, in order.
    pub fn texts(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.texts.iter().copied()
    }

    /// Compares each record's digest in the file with `text_digests` (the SHA-256, lower-case
    /// hex, of each of [`Unverified::texts`], in order): the last step of [`parse`]. A record
    /// whose text is not the canonical JSON the digest was made from (re-indented, say) is
    /// checked on its canonical JSON instead; the records whose digest matches neither are
    /// listed in [`Parsed::digest_mismatches`].
    pub fn verify(self, text_digests: &[String]) -> Parsed {
        let mut parsed = self.parsed;
        let mut canonical = Vec::with_capacity(self.texts.len());
        for (i, (e, body)) in parsed.envelope.records.iter_mut().zip(&self.texts).enumerate() {
            if text_digests.get(i) == Some(&e.digest) {
                canonical.push((*body).to_owned());
            } else {
                let c = canonical_json(&e.record);
                let d = digest_of_text(&c);
                if self.old_backup {
                    // Its records carry no digest: theirs is the one of what they hold.
                    e.digest = d;
                } else if d != e.digest {
                    parsed.digest_mismatches.push(e.record.id.clone());
                }
                canonical.push(c);
            }
        }
        parsed.canonical = canonical;
        parsed
    }
}

/// An export file as read in the first pass: each record is kept as its own text, so that a
/// record exported as canonical JSON (as this program writes it) has its digest checked on that
/// text, without rebuilding it.
#[derive(Deserialize)]
struct RawEnvelope<'a> {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
    #[serde(with = "super::when::rfc3339")]
    exported_at: OffsetDateTime,
    generator: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    place: Place,
    #[serde(borrow)]
    records: Vec<RawExported<'a>>,
    #[serde(default)]
    opinions: Vec<Opinion>,
    #[serde(default)]
    settings: Option<Settings>,
}

#[derive(Deserialize)]
struct RawExported<'a> {
    digest: String,
    #[serde(borrow)]
    record: &'a serde_json::value::RawValue,
}

#[derive(Deserialize)]
struct Head {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

/// A whole text as one `T`, with nothing after it.
fn read_whole<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// Whether the format and version are this program's.
fn check_head(
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
    want_format: &str,
    want_version: u32,
) -> Result<(), ImportError> {
    match format.as_ref().and_then(|f| f.as_str()) {
        Some(f) if f == want_format => {}
        _ => {
            let found = format.map(|f| f.to_string()).unwrap_or_default();
            return Err(ImportError::WrongFormat { found });
        }
    }
    match version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(want_version) => Ok(()),
        Some(v) => Err(ImportError::UnknownVersion { found: v }),
        None => Err(ImportError::Shape { path: "version".into(), detail: "missing or not a number".into() }),
    }
}

/// A reader's error that serde_json counts as syntax. Some of them are about values of valid JSON
/// that this program cannot hold (a number beyond its range, a lone surrogate in a string): those
/// are named as a value of the wrong form, at their place, not as "not JSON".
fn syntax(text: &str, e: &serde_json::Error) -> ImportError {
    let message = e.to_string();
    let detail =
        ["number out of range", "lone leading surrogate in hex escape", "invalid unicode code point"]
            .into_iter()
            .find(|m| message.starts_with(m));
    if let Some(detail) = detail {
        let path = path_at(text, offset_of(text, e.line(), e.column()), false);
        return ImportError::Shape {
            path: if path.is_empty() { "$".into() } else { path },
            detail: detail.into(),
        };
    }
    ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        truncated: e.is_eof(),
        too_deep: e.to_string().contains("recursion limit"),
    }
}

/// Why the whole of `text` does not read as a `T`, with the place of the first problem.
pub(crate) fn problem_in<'a, T: Deserialize<'a>>(text: &'a str) -> ImportError {
    first_problem::<T>(text, "", None)
}

/// Why `text` (found at `at`; empty for the whole file) does not read as a `T`. With `head` (the
/// format and version the file should have), the text is a whole file, and another format or
/// version is reported before anything else. The place is found from where the reader stopped:
/// [`path_at`] walks the text up to that point (no second, path-tracking reader is compiled for
/// every type, which keeps the app small).
fn first_problem<'a, T: Deserialize<'a>>(text: &'a str, at: &str, head: Option<(&str, u32)>) -> ImportError {
    if let Some((want_format, want_version)) = head {
        match serde_json::from_str::<Head>(text) {
            Ok(h) => {
                if let Err(e) = check_head(h.format, h.version, want_format, want_version) {
                    return e;
                }
            }
            Err(e) if e.is_syntax() || e.is_eof() => return syntax(text, &e),
            Err(e) => return ImportError::Shape { path: "$".into(), detail: e.to_string() },
        }
    }
    let e = match read_whole::<T>(text) {
        Ok(_) => return ImportError::Shape { path: "$".into(), detail: String::new() },
        Err(e) => e,
    };
    if e.is_syntax() || e.is_eof() {
        return match syntax(text, &e) {
            ImportError::Shape { path, detail } => ImportError::Shape { path: joined(at, &path), detail },
            other => other,
        };
    }
    // A missing field is reported where its object closes: the place is the object.
    let detail = e.to_string();
    let whole_object = detail.starts_with("missing field");
    let path = path_at(text, offset_of(text, e.line(), e.column()), whole_object);
    let path = joined(at, &path);
    // serde_json's message ends with “at line L column C”: the path says where instead.
    let detail = match detail.rfind(" at line ") {
        Some(i) => detail[..i].to_owned(),
        None => detail,
    };
    ImportError::Shape { path, detail }
}

/// A path found inside a text that was found at `at` (empty for the whole file).
fn joined(at: &str, path: &str) -> String {
    match (at, path) {
        ("", "") | ("", "$") => "$".to_owned(),
        ("", p) => p.to_owned(),
        (at, "") | (at, "$") => at.to_owned(),
        (at, p) if p.starts_with('[') => format!("{at}{p}"),
        (at, p) => format!("{at}.{p}"),
    }
}

/// The byte offset of a 1-based line and column (serde_json counts columns in bytes).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    (start + column).min(text.len())
}

/// The path (`records[3].record.values.topic`) of the value a JSON reader was in when it stopped
/// at byte `offset`: keys and indexes of the objects and arrays open there. With `whole_object`,
/// the innermost object itself (not the member last read).
pub fn path_at(text: &str, offset: usize, whole_object: bool) -> String {
    enum Frame {
        Object { key: Option<String>, in_value: bool },
        Array { index: usize },
    }
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object { key: None, in_value: false }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, in_value }) => {
                    *key = None;
                    *in_value = false;
                }
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, in_value: false }) = stack.last_mut() {
                    let raw = &text[start..(i + 1).min(text.len())];
                    *key = Some(
                        serde_json::from_str::<String>(raw)
                            .unwrap_or_else(|_| raw.trim_matches('"').to_owned()),
                    );
                }
            }
            _ => {}
        }
        i += 1;
    }
    if whole_object {
        if let Some(Frame::Object { key, .. }) = stack.last_mut() {
            *key = None;
        }
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

/// The length in characters of the longest string literal in a JSON text (escapes count as
/// one character): a quick scan that spares the slow, path-reporting walk for most files.
fn longest_string(json: &str) -> usize {
    let (mut longest, mut current, mut inside, mut escaped) = (0, 0, false, false);
    for &b in json.as_bytes() {
        if !inside {
            inside = b == b'"';
            current = 0;
            continue;
        }
        if escaped {
            escaped = false;
            current += 1;
        } else if b == b'\\' {
            escaped = true;
        } else if b == b'"' {
            inside = false;
            longest = longest.max(current);
        } else if b & 0xC0 != 0x80 {
            // Not a UTF-8 continuation byte: a character starts here.
            current += 1;
        }
    }
    longest
}

fn check(envelope: Envelope, procedure: &Procedure) -> Result<Parsed, ImportError> {
    let mut ids = BTreeSet::new();
    for (i, exported) in envelope.records.iter().enumerate() {
        let r = &exported.record;
        let at = |rest: &str| format!("records[{i}].record{rest}");
        if !is_valid_id(&r.id) {
            return Err(ImportError::BadId { path: at(".id") });
        }
        if !ids.insert(r.id.as_str()) {
            return Err(ImportError::DuplicateId { path: at(".id"), id: r.id.clone() });
        }
        if r.revision > MAX_REVISION {
            return Err(ImportError::BadRevision { path: at(".revision") });
        }
        if r.procedure.id != procedure.id {
            return Err(ImportError::UnknownProcedure {
                path: at(".procedure.id"),
                id: r.procedure.id.clone(),
            });
        }
        check_against_procedure(r, procedure, &at)?;
    }
    let mut opinion_ids = BTreeSet::new();
    for (i, o) in envelope.opinions.iter().enumerate() {
        let path = format!("opinions[{i}]");
        if !is_valid_id(&o.id) {
            return Err(ImportError::BadId { path: format!("{path}.id") });
        }
        if o.record.as_deref().is_some_and(|id| !is_valid_id(id)) {
            return Err(ImportError::BadId { path: format!("{path}.record") });
        }
        if !opinion_ids.insert(o.id.as_str()) {
            return Err(ImportError::DuplicateId { path: format!("{path}.id"), id: o.id.clone() });
        }
        if procedure.choice("channels", &o.channel).is_none() {
            return Err(ImportError::NotInProcedure {
                path: format!("{path}.channel"),
                name: o.channel.clone(),
            });
        }
        let note = match &o.status {
            super::opinion::OpinionStatus::Answered { note } => note.as_str(),
            _ => "",
        };
        for (field, text) in [("who", &o.who), ("content", &o.content), ("status.note", &note.to_owned())] {
            let chars = text.chars().count();
            if chars > MAX_TEXT_CHARS {
                return Err(ImportError::TooLong { path: format!("{path}.{field}"), chars });
            }
        }
    }
    if let Some(settings) = &envelope.settings {
        for (field, text) in [
            ("county", &settings.county),
            ("township", &settings.township),
            ("community", &settings.community),
        ] {
            let chars = text.chars().count();
            if chars > MAX_TEXT_CHARS {
                return Err(ImportError::TooLong { path: format!("settings.{field}"), chars });
            }
        }
    }
    Ok(Parsed { envelope, digest_mismatches: Vec::new(), canonical: Vec::new() })
}

fn longest_text(value: &serde_json::Value, path: &mut String) -> Result<(), ImportError> {
    match value {
        serde_json::Value::String(s) => {
            let chars = s.chars().count();
            if chars > MAX_TEXT_CHARS {
                return Err(ImportError::TooLong { path: path.clone(), chars });
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                longest_text(v, path)?;
                path.truncate(len);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let len = path.len();
                path.push('.');
                path.push_str(k);
                longest_text(v, path)?;
                path.truncate(len);
            }
        }
        _ => {}
    }
    Ok(())
}

fn check_against_procedure(
    r: &Record,
    procedure: &Procedure,
    at: &dyn Fn(&str) -> String,
) -> Result<(), ImportError> {
    let not_in = |path: String, name: &str| ImportError::NotInProcedure { path, name: name.to_owned() };
    for (field, value) in &r.values {
        let Some((_, _, def)) = procedure.field(field) else {
            return Err(not_in(at(&format!(".values.{field}")), field));
        };
        if def.property.is_some() || !value.fits(&def.kind) {
            return Err(not_in(at(&format!(".values.{field}")), field));
        }
        let options_ok = match (value, &def.kind) {
            (super::record::Value::Choice(c), FieldKind::Choice { list }) => {
                procedure.choice(list, c).is_some()
            }
            (super::record::Value::Multichoice(cs), FieldKind::Multichoice { list }) => {
                cs.iter().all(|c| procedure.choice(list, c).is_some())
            }
            _ => true,
        };
        if !options_ok {
            return Err(not_in(at(&format!(".values.{field}.value")), field));
        }
    }
    for item in r.items.keys() {
        if procedure.item(item).is_none() {
            return Err(not_in(at(&format!(".items.{item}")), item));
        }
    }
    for stage in r.stages.keys() {
        if procedure.stage(stage).is_none() {
            return Err(not_in(at(&format!(".stages.{stage}")), stage));
        }
    }
    for (i, p) in r.parties.iter().enumerate() {
        if procedure.choice("roles", &p.role).is_none() {
            return Err(not_in(at(&format!(".parties[{i}].role")), &p.role));
        }
    }
    let lists = [("lead", &r.lead, ".lead"), ("forms", &r.form, ".form")];
    for (list, value, path) in lists {
        if let Some(v) = value {
            if procedure.choice(list, v).is_none() {
                return Err(not_in(at(path), v));
            }
        }
    }
    Ok(())
}

/// How an imported record compares with the local one of the same id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// No local record has this id.
    New,
    /// The same content.
    Identical,
    /// The imported one continues the local one's history.
    Newer,
    /// The local one continues the imported one's history.
    Older,
    /// Both changed since they parted, or they are different records with one id.
    Conflicting,
}

/// Compares an imported record with the local one, by digest and then by audit trail: one is
/// newer when its trail continues the other's.
pub fn classify(imported: &Record, local: Option<&Record>) -> Verdict {
    let Some(local) = local else { return Verdict::New };
    if digest(imported) == digest(local) {
        return Verdict::Identical;
    }
    if imported.created != local.created {
        return Verdict::Conflicting;
    }
    let (a, b) = (&local.audit, &imported.audit);
    let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    // The last entry of a trail may still be folding edits of one field, so the shorter trail
    // counts as continued when all but its last entry are shared and the revision moved on.
    let continues =
        |shorter: &Vec<super::record::AuditEntry>, longer_revision: u64, shorter_revision: u64| {
            common + 1 >= shorter.len() && longer_revision > shorter_revision
        };
    if continues(a, imported.revision, local.revision) && b.len() >= a.len() {
        Verdict::Newer
    } else if continues(b, local.revision, imported.revision) && a.len() >= b.len() {
        Verdict::Older
    } else {
        Verdict::Conflicting
    }
}

/// The ledger as CSV that Excel and WPS open with Chinese intact: UTF-8 with a byte-order mark,
/// one row per record with the ledger's columns.
/// Texts as they go on paper ([`super::documents::paper_text`]); 最后修改 on the clock of `zone`.
pub fn ledger_csv(
    rows: &[&Summary],
    procedure: &Procedure,
    today: Date,
    zone: &dyn when::Zone,
    status_word: impl Fn(Status) -> String,
) -> String {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let header = [
        "序号",
        "事项",
        "协商议题",
        "类别",
        "村（社区）",
        "当前阶段",
        "状态",
        "是否逾期",
        "落实期限",
        "最后修改",
        "记录编号",
        "校验码",
    ];
    let _ = writer.write_record(header);
    for (i, r) in rows.iter().enumerate() {
        let stage = r
            .stage
            .as_ref()
            .and_then(|s| procedure.stage_index(s))
            .map(|i| format!("{}·{}", i + 1, procedure.stages[i].title))
            .unwrap_or_else(|| "—".into());
        let updated = zone.local(r.updated).date();
        let _ = writer.write_record(
            [
                (i + 1).to_string(),
                r.matter.clone(),
                r.topic.clone(),
                r.category.clone(),
                r.community.clone(),
                stage,
                status_word(r.status),
                if r.is_overdue(today) { "是".into() } else { "否".into() },
                r.deadline.map(when::format_date).unwrap_or_default(),
                when::format_date(updated),
                r.id.clone(),
                short_digest(&r.digest),
            ]
            .map(|cell| super::documents::paper_text(&cell)),
        );
    }
    let body = writer.into_inner().unwrap_or_default();
    let mut out = String::from('\u{feff}');
    out.push_str(&String::from_utf8_lossy(&body));
    out
}
