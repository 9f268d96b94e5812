//! The ledger of residents' opinions (群众意见台账, 二（四）1): opinions logged as they come in,
//! and promoted into a consultation topic. A promoted opinion's status follows its record.

use super::procedure::Procedure;
use super::record::{Edit, Record, Value};
use super::when::{self, Date, OffsetDateTime};
use serde::{Deserialize, Serialize};

/// A resident's opinion.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opinion {
    /// Unique id.
    pub id: String,
    /// When it was received.
    #[serde(with = "when::date_format")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub date: Date,
    /// Channel, an id of the procedure's `channels` list (意见箱, 入户走访, 说事日, …).
    pub channel: String,
    /// Who raised it.
    #[serde(default)]
    pub who: String,
    /// What was said.
    pub content: String,
    /// Where it stands.
    #[serde(default)]
    pub status: OpinionStatus,
    /// The consultation record it was promoted into.
    #[serde(default)]
    pub record: Option<String>,
    /// When it was logged.
    #[serde(with = "super::when::rfc3339")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub created: OffsetDateTime,
}

/// Where an opinion stands, before a record takes it over.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum OpinionStatus {
    /// 待研究: logged, not yet decided.
    #[default]
    Pending,
    /// 已转为协商议题: taken up by the record in [`Opinion::record`].
    Promoted,
    /// 已答复: answered without a consultation, with the answer kept.
    Answered {
        /// The answer given.
        note: String,
    },
}

/// An opinion as a line of a record's opinion summary: “2026-10-01 群众意见箱 王大爷：路灯不亮”.
pub fn summary_line(procedure: &Procedure, o: &Opinion) -> String {
    let channel = procedure.choice_label("channels", &o.channel);
    let who = if o.who.is_empty() { String::new() } else { format!(" {}", o.who) };
    format!("{} {}{}：{}", when::format_date(o.date), channel, who, o.content)
}

/// An existing record takes up an opinion (记入群众意见台账 from the editor): the edit that links
/// it, to go through [`Record::apply`]; once applied, [`mark_taken_up`] marks the opinion.
pub fn link_edit(procedure: &Procedure, o: &Opinion) -> Edit {
    Edit::LinkOpinion { id: o.id.clone(), channel: o.channel.clone(), line: summary_line(procedure, o) }
}

/// Marks an opinion taken up by a record: 已转为协商议题, its status following the record's.
pub fn mark_taken_up(o: &mut Opinion, record: &str) {
    o.status = OpinionStatus::Promoted;
    o.record = Some(record.to_owned());
}

/// Opens a record for `matter` that takes up these opinions: the record links them, its topic
/// and opinion summary start from what residents said, and each opinion is marked promoted.
pub fn promote(
    opinions: &mut [Opinion],
    ids: &[String],
    mut record: Record,
    procedure: &Procedure,
    now: OffsetDateTime,
) -> Record {
    let chosen: Vec<&Opinion> = opinions.iter().filter(|o| ids.contains(&o.id)).collect();
    let mut channels: Vec<String> = Vec::new();
    for o in &chosen {
        if !channels.contains(&o.channel) {
            channels.push(o.channel.clone());
        }
    }
    let summary = chosen.iter().map(|o| summary_line(procedure, o)).collect::<Vec<_>>().join("\n");
    let topic = chosen.first().map(|o| o.content.chars().take(60).collect::<String>()).unwrap_or_default();
    let keys = &procedure.key_fields;
    let county = super::procedure::CountyRules::default();
    let edits = [
        (keys.source_channels.clone(), Value::Multichoice(channels)),
        (keys.source_summary.clone(), Value::Text(summary)),
        (keys.topic.clone(), Value::Text(topic)),
    ];
    for (field, value) in edits {
        // The fields exist (the procedure checks its key fields) and the record is new, so
        // these edits cannot be refused; a refused one would only leave the field empty.
        let _ = record.apply(procedure, &county, Edit::SetValue { field, value: Some(value) }, now);
    }
    record.opinions = chosen.iter().map(|o| o.id.clone()).collect();
    for o in opinions.iter_mut().filter(|o| ids.contains(&o.id)) {
        mark_taken_up(o, &record.id);
    }
    record
}

/// The name of the opinion-ledger file format.
pub const FILE_FORMAT: &str = "xieshang-opinions";
/// Its version.
pub const FILE_VERSION: u32 = 1;

super::file::file_format! {
    /// The opinion ledger (群众意见台账) as a file, for a township or bureau to look over.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct LedgerFile(FILE_FORMAT, FILE_VERSION) {
        /// Where it was exported.
        #[serde(default, skip_serializing_if = "super::settings::Place::is_empty")]
        pub place: super::settings::Place,
        /// The opinions.
        pub opinions: Vec<Opinion>,
    }
}

/// The opinion ledger as a file (pretty JSON, format and version first).
pub fn ledger_file(opinions: &[Opinion], place: &super::settings::Place, now: OffsetDateTime) -> String {
    let file = LedgerFile::made(now, place.clone(), opinions.to_vec());
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads an opinion-ledger file; the first problem is returned with its place. Two opinions
/// with one id are refused.
pub fn parse_ledger_file(text: &str) -> Result<LedgerFile, super::file::ImportError> {
    let file: LedgerFile = super::file::read(text)?;
    let mut seen = std::collections::BTreeSet::new();
    for (i, o) in file.opinions.iter().enumerate() {
        if !seen.insert(o.id.as_str()) {
            return Err(super::file::ImportError::DuplicateId {
                path: format!("opinions[{i}].id"),
                id: o.id.clone(),
            });
        }
    }
    Ok(file)
}
