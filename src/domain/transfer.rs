//! Records leave and enter the browser: the export file (a versioned envelope), each record's
//! canonical JSON and its SHA-256 digest, the ledger as CSV, and import — parsed into the same
//! types or rejected with the place of the first problem, then compared with the local copies
//! for a preview. Nothing here changes stored data.

use super::file::{check_head, first_problem, preflight, read_whole, Head};
pub use super::file::{
    decode, digest_of_text, hex, path_at, read_file, short_digest, ImportError, MAX_FILE_BYTES,
};
pub use super::gates::unearned_stages;
use super::ledger::{Status, Summary};
use super::opinion::Opinion;
use super::procedure::{FieldKind, Procedure};
use super::record::Record;
pub use super::record::{canonical_json, digest};
use super::settings::{Place, Settings};
use super::when::{self, Date, OffsetDateTime};
use serde::{Deserialize, Serialize};
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
/// The longest text import accepts in any one field.
pub const MAX_TEXT_CHARS: usize = 20_000;

super::file::file_format! {
    schema
    /// An export file.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct Envelope(FORMAT, VERSION) {
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

/// Makes an export file.
pub fn export(records: &[Record], opinions: Vec<Opinion>, place: &Place, now: OffsetDateTime) -> Envelope {
    Envelope {
        records: records.iter().map(|e| Exported { digest: digest(e), record: e.clone() }).collect(),
        ..head(opinions, place, None, now)
    }
}

/// An export file with no records yet: what this program writes around them.
fn head(opinions: Vec<Opinion>, place: &Place, settings: Option<Settings>, now: OffsetDateTime) -> Envelope {
    Envelope::made(now, place.organisation(), place.clone(), Vec::new(), opinions, settings)
}

/// An export file as text; each record is written as its canonical JSON.
pub fn to_json(mut envelope: Envelope) -> String {
    let canonical: Vec<(String, String)> = std::mem::take(&mut envelope.records)
        .iter()
        .map(|e| {
            let text = canonical_json(&e.record);
            (digest_of_text(&text), text)
        })
        .collect();
    let (before, after) = around_records(&envelope);
    assemble(&before, &canonical, &after)
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
    around_records(&head(opinions.to_vec(), place, settings.cloned(), now))
}

/// The text of `head` (a file with no records) before and after where its records go: inside
/// the brackets of `"records":[]`, which serde_json writes so for an empty list (the transfer
/// tests pin the file byte for byte).
fn around_records(head: &Envelope) -> (String, String) {
    let text = serde_json::to_string(head).unwrap_or_default();
    let at = text.find("\"records\":[]").map_or(text.len(), |at| at + "\"records\":[".len());
    (text[..at].to_owned(), text[at..].to_owned())
}

/// What precedes the `index`-th record's JSON in an export file.
pub fn record_opening(index: usize, digest: &str) -> String {
    let comma = if index > 0 { "," } else { "" };
    format!("{comma}{{\"digest\":\"{digest}\",\"record\":")
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
            generator: OLD_BACKUP_FORMAT.to_owned(),
            ..RawEnvelope::made(
                OffsetDateTime::UNIX_EPOCH,
                String::new(),
                raw.settings.as_ref().map(Settings::place).unwrap_or_default(),
                raw.records.into_iter().map(|record| RawExported { digest: String::new(), record }).collect(),
                raw.opinions,
                Some(raw.settings.unwrap_or_default()),
            )
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
        Ok(raw) => {
            check_head(Some(raw.format.as_str().into()), Some(raw.version.into()), FORMAT, VERSION)?;
            Ok(FileText { raw, old_backup: false })
        }
        Err(_) => Err(first_problem::<RawEnvelope>(text, "", Some((FORMAT, VERSION)))),
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
        // Read as this program reads it; the program that wrote it is kept.
        let envelope = Envelope {
            generator: raw.generator,
            ..Envelope::made(exported_at, raw.organisation, raw.place, records, raw.opinions, raw.settings)
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

super::file::file_format! {
    /// An export file as read in the first pass: each record is kept as its own text, so that a
    /// record exported as canonical JSON (as this program writes it) has its digest checked on
    /// that text, without rebuilding it.
    #[derive(Deserialize)]
    struct RawEnvelope<'a>(FORMAT, VERSION) {
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
}

#[derive(Deserialize)]
struct RawExported<'a> {
    digest: String,
    #[serde(borrow)]
    record: &'a serde_json::value::RawValue,
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
/// Texts as they go on paper ([`super::text::paper_text`]); 最后修改 on the clock of `zone`.
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
            .map(|cell| super::text::paper_text(&cell)),
        );
    }
    let body = writer.into_inner().unwrap_or_default();
    let mut out = String::from('\u{feff}');
    out.push_str(&String::from_utf8_lossy(&body));
    out
}
