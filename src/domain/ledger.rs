//! The records ledger (协商台账): one summary row per record, filters, sorting and counts.
//! Summaries are small and stored beside the records, so that the ledger opens without reading
//! every record.

use super::procedure::{Procedure, StageId};
use super::record::{Record, Value};
use super::when::{Date, OffsetDateTime};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// One row of the ledger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The record's id.
    pub id: String,
    /// The matter's wording.
    pub matter: String,
    /// The matter's category label ("" where the list has none).
    pub category: String,
    /// The consultation topic, once set.
    pub topic: String,
    /// The village or community.
    pub community: String,
    /// The first stage not completed; `None` when all are.
    pub stage: Option<StageId>,
    /// Where the record stands.
    pub status: Status,
    /// The implementation deadline, once set.
    #[serde(with = "super::when::date_format::option")]
    pub deadline: Option<Date>,
    /// Whether implementation is reported done.
    pub implemented: bool,
    /// When the record was opened.
    #[serde(with = "super::when::rfc3339")]
    pub created: OffsetDateTime,
    /// When it last changed.
    #[serde(with = "super::when::rfc3339")]
    pub updated: OffsetDateTime,
    /// The record's revision.
    pub revision: u64,
    /// Residents' opinions it took up.
    #[serde(default)]
    pub opinions: Vec<String>,
    /// SHA-256 of the record's canonical JSON (see `transfer::digest`): tells an identical
    /// imported copy without reading the record.
    #[serde(default)]
    pub digest: String,
    /// The version of the rules it was worked out by ([`SUMMARY_VERSION`]; 0 before versions).
    #[serde(default)]
    pub version: u32,
    /// What 督办 shows of a result being implemented: the implementer, the 公函, a 催办 and the
    /// latest progress report. `None` until a deadline is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervision: Option<Supervision>,
}

/// What 督办 lists of a result being implemented.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supervision {
    /// 落实方.
    #[serde(default)]
    pub implementer: String,
    /// 公函发出日期.
    #[serde(default, with = "super::when::date_format::option")]
    pub letter_date: Option<Date>,
    /// 公函编号.
    #[serde(default)]
    pub letter_ref: String,
    /// 催办日期, once a reminder was sent as the rules allow (after the deadline and the 公函).
    #[serde(default, with = "super::when::date_format::option")]
    pub reminder_date: Option<Date>,
    /// The latest progress report.
    #[serde(default)]
    pub last_report: Option<super::record::ProgressReport>,
}

/// How an implementation stands against its deadline on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Due {
    /// Past the deadline and not carried out: this many days past.
    Overdue(i64),
    /// Due within the county's days: this many days left (0 on the day).
    Soon(i64),
}

/// The records 督办 lists on `today`: results not carried out whose deadline passed (most days
/// past first), then those due within `within` days (nearest first), each with how it stands.
pub fn supervision(rows: &[Summary], today: Date, within: u32) -> Vec<(Due, &Summary)> {
    let mut listed: Vec<(Due, &Summary)> = rows
        .iter()
        .filter(|r| !r.status.is_closed() && !r.implemented)
        .filter_map(|r| {
            let days = (r.deadline? - today).whole_days();
            match days {
                d if d < 0 => Some((Due::Overdue(-d), r)),
                d if d <= i64::from(within) => Some((Due::Soon(d), r)),
                _ => None,
            }
        })
        .collect();
    listed.sort_by(|(a, x), (b, y)| {
        match (a, b) {
            (Due::Overdue(m), Due::Overdue(n)) => n.cmp(m),
            (Due::Soon(m), Due::Soon(n)) => m.cmp(n),
            _ => a.cmp(b),
        }
        .then_with(|| x.id.cmp(&y.id))
    });
    listed
}

/// The option of 落实情况 that says the result is carried out.
const DONE: &str = "done";
/// The option of 落实情况 that closes a result that cannot be carried out (with the reason).
const IMPOSSIBLE: &str = "impossible";

/// Where a record stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Stages 1–4 under way (协商中).
    Consulting,
    /// Result published, being implemented: stage 5 open (落实中).
    Implementing,
    /// All five stages completed with the result carried out (已办结).
    Completed,
    /// All five stages completed, the result closed as impossible to carry out, with the reason
    /// (未能落实): closed, but not a completion.
    Unfulfilled,
}

impl Status {
    /// Every status, in order.
    pub const ALL: [Status; 4] =
        [Status::Consulting, Status::Implementing, Status::Completed, Status::Unfulfilled];

    /// Whether the record is closed (已办结 or 未能落实): nothing is due from it any more.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Completed | Status::Unfulfilled)
    }
}

/// The version of the rules a stored summary was worked out by. A summary stored by an earlier
/// version is worked out again from its record when the ledger loads (a record an earlier build
/// called 已办结 may not be one under today's rules).
pub const SUMMARY_VERSION: u32 = 2;

/// A record as it is stored: its canonical JSON, the digest of that text, and its ledger row —
/// worked out here, in one place, wherever a record is saved, imported or heard of.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    /// The canonical JSON (`record::canonical_json`).
    pub canonical: String,
    /// The SHA-256 of `canonical`, in lower-case hex.
    pub digest: String,
    /// The ledger row.
    pub summary: Summary,
}

impl Stored {
    /// The stored form of a record.
    pub fn of(record: &Record, procedure: &Procedure) -> Stored {
        Stored::with_canonical(record, super::record::canonical_json(record), procedure)
    }

    /// The stored form of a record whose canonical JSON is at hand (read from a file, where the
    /// record came from that text).
    pub fn with_canonical(record: &Record, canonical: String, procedure: &Procedure) -> Stored {
        let digest = super::file::digest_of_text(&canonical);
        let summary = Summary::with_digest(record, procedure, digest.clone());
        Stored { canonical, digest, summary }
    }
}

impl Summary {
    /// The summary of a record.
    pub fn of(record: &Record, procedure: &Procedure) -> Summary {
        Summary::with_digest(record, procedure, super::record::digest(record))
    }

    /// The summary of a record whose digest is known already (computed from its canonical JSON).
    pub fn with_digest(record: &Record, procedure: &Procedure, digest: String) -> Summary {
        let (stage, status) = standing(record, procedure);
        let implementation = match record.value(procedure, &procedure.key_fields.implementation_status) {
            Some(Value::Choice(c)) => Some(c),
            _ => None,
        };
        let keys = &procedure.key_fields;
        let deadline = record.value(procedure, &keys.deadline).and_then(|v| v.date());
        let text = |field: &str| match record.value(procedure, field) {
            Some(Value::Text(t)) => t.trim().to_owned(),
            _ => String::new(),
        };
        let date = |field: &str| record.value(procedure, field).and_then(|v| v.date());
        use super::record::fields;
        let supervision = deadline.map(|_| Supervision {
            implementer: text(fields::IMPLEMENTER),
            letter_date: date(fields::LETTER_DATE),
            letter_ref: text(fields::LETTER_REF),
            reminder_date: date(fields::REMINDER_DATE).filter(|_| record.reminder_issued()),
            last_report: record.latest_progress().cloned(),
        });
        let topic = match record.value(procedure, &keys.topic) {
            Some(Value::Text(t)) => t,
            _ => String::new(),
        };
        Summary {
            id: record.id.clone(),
            matter: record.matter.name.clone(),
            category: record.matter.category.clone().unwrap_or_default(),
            topic,
            community: record.community.clone(),
            stage,
            status,
            deadline,
            implemented: implementation.as_deref() == Some(DONE),
            created: record.created,
            updated: record.updated,
            revision: record.revision,
            opinions: record.opinions.clone(),
            digest,
            version: SUMMARY_VERSION,
            supervision,
        }
    }

    /// Overdue (逾期): the deadline has passed, the record is not closed and its result is not
    /// reported carried out.
    pub fn is_overdue(&self, today: Date) -> bool {
        !self.status.is_closed() && !self.implemented && self.deadline.is_some_and(|d| d < today)
    }

    /// Whether this summary was worked out by an earlier version of the rules.
    pub fn is_stale(&self) -> bool {
        self.version < SUMMARY_VERSION
    }
}

/// Where a record stands: the first stage whose gate does not hold (`None` when every stage is
/// completed and earned) and its [`Status`]. The one place the ledger, the editor and the host
/// page's events learn whether a record is 已办结 or 未能落实.
pub fn standing(record: &Record, procedure: &Procedure) -> (Option<StageId>, Status) {
    // A record (from a file) that says a stage is done stands at the first stage whose gate
    // does not hold: it is 已办结 only if every stage's does.
    let current = record.current_stage(procedure).cloned();
    let unearned = if record.stages.is_empty() {
        None
    } else {
        super::gates::unearned_stages(record, procedure).into_iter().next()
    };
    let stage = match (current, unearned) {
        (Some(c), Some(u)) => Some(if procedure.stage_index(&u) < procedure.stage_index(&c) { u } else { c }),
        (c, u) => c.or(u),
    };
    let last = procedure.stages.last().map(|s| &s.id);
    let implementation = match record.value(procedure, &procedure.key_fields.implementation_status) {
        Some(Value::Choice(c)) => Some(c),
        _ => None,
    };
    let status = match &stage {
        None if implementation.as_deref() == Some(IMPOSSIBLE) => Status::Unfulfilled,
        None => Status::Completed,
        Some(s) if Some(s) == last => Status::Implementing,
        Some(_) => Status::Consulting,
    };
    (stage, status)
}

/// Columns the ledger sorts by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// Last change (default, newest first).
    #[default]
    Updated,
    /// Matter wording.
    Matter,
    /// Category.
    Category,
    /// Village or community.
    Community,
    /// Stage reached.
    Stage,
    /// Status.
    Status,
    /// Implementation deadline (records without one last).
    Deadline,
}

/// What the ledger shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Words that must appear in the matter, topic, category or community.
    pub text: String,
    /// Only this status.
    pub status: Option<Status>,
    /// Only this category ("" for the unlabelled group).
    pub category: Option<String>,
    /// Only records standing at this stage.
    pub stage: Option<StageId>,
    /// Only overdue records.
    pub overdue: bool,
    /// Sort column.
    pub sort: SortKey,
    /// Reverse the column's natural order.
    pub descending: bool,
}

/// Counts shown above the ledger.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// All records.
    pub total: usize,
    /// 协商中.
    pub consulting: usize,
    /// 落实中.
    pub implementing: usize,
    /// 已办结.
    pub completed: usize,
    /// 未能落实.
    pub unfulfilled: usize,
    /// 逾期.
    pub overdue: usize,
}

/// Counts per status.
pub fn counts(rows: &[Summary], today: Date) -> Counts {
    let mut c = Counts { total: rows.len(), ..Counts::default() };
    for r in rows {
        match r.status {
            Status::Consulting => c.consulting += 1,
            Status::Implementing => c.implementing += 1,
            Status::Completed => c.completed += 1,
            Status::Unfulfilled => c.unfulfilled += 1,
        }
        c.overdue += usize::from(r.is_overdue(today));
    }
    c
}

/// The rows a query selects, in its order, as indices into `rows`.
pub fn select(rows: &[Summary], query: &Query, procedure: &Procedure, today: Date) -> Vec<usize> {
    let words: Vec<&str> = query.text.split_whitespace().collect();
    let mut picked: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            query.status.is_none_or(|s| r.status == s)
                && query.category.as_ref().is_none_or(|c| &r.category == c)
                && query.stage.as_ref().is_none_or(|s| r.stage.as_ref() == Some(s))
                && (!query.overdue || r.is_overdue(today))
                && words.iter().all(|w| {
                    r.matter.contains(w)
                        || r.topic.contains(w)
                        || r.community.contains(w)
                        || r.category.contains(w)
                })
        })
        .map(|(i, _)| i)
        .collect();
    let stage_rank =
        |r: &Summary| r.stage.as_ref().and_then(|s| procedure.stage_index(s)).unwrap_or(usize::MAX);
    let order = |a: &Summary, b: &Summary| -> Ordering {
        match query.sort {
            // Newest first is the natural order of "last change".
            SortKey::Updated => b.updated.cmp(&a.updated),
            SortKey::Matter => a.matter.cmp(&b.matter),
            SortKey::Category => a.category.cmp(&b.category),
            SortKey::Community => a.community.cmp(&b.community),
            SortKey::Stage => stage_rank(a).cmp(&stage_rank(b)),
            SortKey::Status => a.status.cmp(&b.status),
            SortKey::Deadline => match (a.deadline, b.deadline) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
        }
        .then_with(|| b.updated.cmp(&a.updated))
    };
    picked.sort_by(|&i, &j| {
        let o = order(&rows[i], &rows[j]);
        if query.descending {
            o.reverse()
        } else {
            o
        }
    });
    picked
}
