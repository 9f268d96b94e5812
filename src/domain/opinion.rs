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
    #[serde(with = "time::serde::rfc3339")]
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
    let summary = chosen
        .iter()
        .map(|o| {
            let channel = procedure.choice_label("channels", &o.channel);
            let who = if o.who.is_empty() { String::new() } else { format!(" {}", o.who) };
            format!("{} {}{}：{}", when::format_date(o.date), channel, who, o.content)
        })
        .collect::<Vec<_>>()
        .join("\n");
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
        o.status = OpinionStatus::Promoted;
        o.record = Some(record.id.clone());
    }
    record
}
