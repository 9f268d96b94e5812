//! The overview across villages (汇总分析): many exported files (record exports and opinion
//! ledgers from different villages, townships or counties) read together, each record and
//! opinion counted once however many files carry it, and the counts a bureau reports: by place,
//! by category and matter, by stage and status, overdue implementations, matters that never
//! reach stage 4 or 5, and the time from topic to published result. Nothing here touches the
//! local records: the overview holds its own rows.

use super::documents::{self, numbered, w, Block, DocKind, Document};
use super::ledger::{Status, Summary};
use super::opinion::{LedgerFile, Opinion, OpinionStatus};
use super::procedure::Procedure;
use super::record::{Change, Record};
use super::settings::Place;
use super::transfer::Parsed;

use super::when::{self, Date};
use crate::i18n::{self, Data, Lang};
use std::collections::{BTreeMap, BTreeSet};

/// What a file was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// An export of records (`xieshang-records`).
    Records,
    /// An opinion ledger (`xieshang-opinions`).
    Opinions,
}

/// One file loaded, and what it brought.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileNote {
    /// The file's name.
    pub name: String,
    /// What it was.
    pub kind: FileKind,
    /// Where it says it comes from.
    pub place: Place,
    /// Records in it.
    pub records: usize,
    /// Opinions in it.
    pub opinions: usize,
    /// Of those, already loaded from another file (recognised, not counted twice).
    pub repeated: usize,
    /// Records whose digest does not match their content (counted, but the user is warned).
    pub mismatches: usize,
    /// Practice records (培训练习) in the file, left out of the overview.
    pub training: usize,
}

/// One record as the overview counts it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Row {
    place: Place,
    category: String,
    matter: String,
    topic: String,
    /// Stages completed in order (0 to 5).
    reached: usize,
    status: Status,
    summary_deadline: Option<Date>,
    implemented: bool,
    /// The dates the record holds for each step, as typed: 约请日期, the consultation (实际协商
    /// 时间), 成果公示日期, and the day the result was reported carried out (反馈日期 with
    /// 已落实).
    steps: [Option<Date>; 4],
    /// When the topic was first typed (the audit trail), or the record opened: stands in for a
    /// missing 约请日期, and is said to.
    topic_typed: Date,
    /// Stages the record marks completed in order (0 to 5): which steps it should hold dates for.
    completed: usize,
    revision: u64,
    digest: String,
}

/// The overview.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overview {
    rows: BTreeMap<String, Row>,
    opinions: BTreeMap<String, (Opinion, Place)>,
    /// The files loaded, in order.
    pub files: Vec<FileNote>,
}

/// The fields whose dates mark the steps the overview times: the topic set and the parties
/// invited (约请日期, 二（四）1), the consultation held (实际协商时间, 二（四）3), the result
/// published (成果公示日期, 二（四）4), and its implementation fed back (反馈日期, 二（五）; counted
/// only when the result is 已落实).
fn step_fields(procedure: &Procedure) -> [&str; 4] {
    let f = &procedure.key_fields.paper;
    [&f.invited_on, &f.held_at, &f.result_publicity_date, &f.feedback_on]
}

/// The stage each step is recorded in (a record that completed it should hold the date; the
/// last step counts once the result is reported carried out).
const STEP_STAGES: [usize; 4] = [1, 3, 4, 5];

/// One interval the overview times, from the record's own dates.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Span {
    /// Days, of each record that holds both dates, sorted.
    pub days: Vec<i64>,
    /// Of those, how many started from the day the topic was typed, for want of a 约请日期.
    pub from_typing: usize,
    /// Records that completed the later step's stage but lack one of its dates (or hold them
    /// in the wrong order): not counted as 0 days.
    pub missing: usize,
}

/// Whether results were carried out by their deadlines, for one place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OnTime {
    /// Records with a deadline that has come, or carried out.
    pub due: usize,
    /// Of those, carried out on or before the deadline.
    pub on_time: usize,
    /// Days past the deadline of each late one (carried out late, or still not carried out),
    /// sorted.
    pub late_days: Vec<i64>,
}

fn row(record: &Record, procedure: &Procedure, place: &Place, digest: &str) -> Row {
    let summary = Summary::with_digest(record, procedure, digest.to_owned());
    let reached = match &summary.stage {
        None => procedure.stages.len(),
        Some(s) => procedure.stage_index(s).unwrap_or(0),
    };
    let topic_field = &procedure.key_fields.topic;
    let topic_typed = record
        .audit
        .iter()
        .find(|e| matches!(&e.change, Change::Field { field, to: Some(_), .. } if field == topic_field))
        .map_or(record.created.date(), |e| e.at.date());
    let date = |field: &str| record.value(procedure, field).and_then(|v| v.date());
    let [invited, held, published, fed_back] = step_fields(procedure);
    let steps = [date(invited), date(held), date(published), date(fed_back).filter(|_| summary.implemented)];
    let mut place = place.clone();
    if !record.community.trim().is_empty() {
        place.community = record.community.trim().to_owned();
    }
    Row {
        place,
        category: summary.category.clone(),
        matter: summary.matter.clone(),
        topic: summary.topic.clone(),
        reached,
        status: summary.status,
        summary_deadline: summary.deadline,
        implemented: summary.implemented,
        steps,
        topic_typed,
        // The stages the record itself marks completed, in order (a file's claim, even where a
        // gate does not hold here): a date missing from one of them is counted as missing.
        completed: procedure
            .stages
            .iter()
            .take_while(|st| {
                matches!(record.stage_status(&st.id), super::record::StageStatus::Completed { .. })
            })
            .count(),
        revision: record.revision,
        digest: summary.digest,
    }
}

impl Overview {
    /// Adds a record export. A record already loaded (same id) is counted once: the copy with
    /// the higher revision is kept.
    pub fn add_records(&mut self, name: &str, parsed: &Parsed, procedure: &Procedure) -> FileNote {
        let place = parsed.envelope.place.clone();
        let mut repeated = 0;
        let mut training = 0;
        for exported in &parsed.envelope.records {
            // Practice records (培训练习) are not consultations: they are left out, and counted.
            if exported.record.training {
                training += 1;
                continue;
            }
            let mut new = row(&exported.record, procedure, &place, &exported.digest);
            match self.rows.get(&exported.record.id) {
                Some(old) => {
                    repeated += 1;
                    if new.revision > old.revision {
                        // A copy from a file that does not name its county or township keeps
                        // what the other file said.
                        if new.place.county.is_empty() {
                            new.place.county = old.place.county.clone();
                        }
                        if new.place.township.is_empty() {
                            new.place.township = old.place.township.clone();
                        }
                        self.rows.insert(exported.record.id.clone(), new);
                    }
                }
                None => {
                    self.rows.insert(exported.record.id.clone(), new);
                }
            }
        }
        let mut opinions_repeated = 0;
        for o in &parsed.envelope.opinions {
            opinions_repeated += usize::from(self.add_opinion(o, &place));
        }
        let note = FileNote {
            name: name.to_owned(),
            kind: FileKind::Records,
            place,
            records: parsed.envelope.records.len(),
            opinions: parsed.envelope.opinions.len(),
            repeated: repeated + opinions_repeated,
            mismatches: parsed.digest_mismatches.len(),
            training,
        };
        self.files.push(note.clone());
        note
    }

    /// Adds an opinion ledger. An opinion already loaded (same id) is counted once.
    pub fn add_opinions(&mut self, name: &str, file: &LedgerFile) -> FileNote {
        let repeated = file.opinions.iter().filter(|o| self.add_opinion(o, &file.place)).count();
        let note = FileNote {
            name: name.to_owned(),
            kind: FileKind::Opinions,
            place: file.place.clone(),
            records: 0,
            opinions: file.opinions.len(),
            repeated,
            mismatches: 0,
            training: 0,
        };
        self.files.push(note.clone());
        note
    }

    /// Adds one opinion; true if it was loaded already (a promoted one replaces a pending
    /// copy: it is the later state).
    fn add_opinion(&mut self, o: &Opinion, place: &Place) -> bool {
        match self.opinions.get_mut(&o.id) {
            Some((old, _)) => {
                if old.status == OpinionStatus::Pending && o.status != OpinionStatus::Pending {
                    *old = o.clone();
                }
                true
            }
            None => {
                self.opinions.insert(o.id.clone(), (o.clone(), place.clone()));
                false
            }
        }
    }

    /// Records counted (each once).
    pub fn record_count(&self) -> usize {
        self.rows.len()
    }

    /// Opinions counted (each once).
    pub fn opinion_count(&self) -> usize {
        self.opinions.len()
    }

    /// Whether nothing is loaded.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The counts, worked out once for the tables, the charts and the CSV.
    pub fn figures(&self, procedure: &Procedure, today: Date) -> Figures {
        let mut f = Figures::default();
        f.records = self.rows.len();
        f.opinions = self.opinions.len();
        f.files = self.files.len();
        f.repeated = self.files.iter().map(|n| n.repeated).sum();
        let stages = procedure.stages.len();
        // Stages 1–5 by index, then one place for the completed.
        f.by_stage = vec![0; stages + 1];
        for (id, r) in &self.rows {
            let overdue =
                !r.status.is_closed() && !r.implemented && r.summary_deadline.is_some_and(|d| d < today);
            let completed = r.status == Status::Completed;
            let place = f.by_place.entry(PlaceKey::of(&r.place)).or_default();
            place.records += 1;
            place.completed += usize::from(completed);
            place.overdue += usize::from(overdue);
            match r.status {
                Status::Consulting => f.consulting += 1,
                Status::Implementing => f.implementing += 1,
                Status::Completed => f.completed += 1,
                Status::Unfulfilled => f.unfulfilled += 1,
            }
            f.overdue += usize::from(overdue);
            *f.by_category.entry(r.category.clone()).or_default() += 1;
            let m = f.by_matter.entry((r.category.clone(), r.matter.clone())).or_default();
            m.records += 1;
            m.reached_4 += usize::from(r.reached >= 3);
            m.reached_5 += usize::from(r.reached >= 4);
            m.completed += usize::from(completed);
            f.by_stage[r.reached.min(stages)] += 1;
            if overdue {
                let deadline = r.summary_deadline.unwrap_or(today);
                f.overdue_rows.push(OverdueRow {
                    id: id.clone(),
                    place: PlaceKey::of(&r.place),
                    topic: if r.topic.is_empty() { r.matter.clone() } else { r.topic.clone() },
                    deadline,
                    days: (today - deadline).whole_days(),
                });
            }
            // The intervals between the steps, from the dates typed: topic → meeting → result
            // published → carried out, and topic → result published.
            for (k, (a, b)) in [(0, 1), (1, 2), (2, 3), (0, 2)].into_iter().enumerate() {
                // A step counts once the record marks its stage completed; being carried out,
                // once the result is reported 已落实.
                let reached = if b == 3 { r.implemented } else { r.completed >= STEP_STAGES[b] };
                if !reached {
                    continue;
                }
                let (start, typed) = match (a, r.steps[a]) {
                    (0, None) => (Some(r.topic_typed), true),
                    (_, d) => (d, false),
                };
                let span = &mut f.spans[k];
                match (start, r.steps[b]) {
                    (Some(x), Some(y)) if y >= x => {
                        let days = (y - x).whole_days();
                        span.days.push(days);
                        span.from_typing += usize::from(typed);
                        if k == 3 {
                            f.topic_to_result_by_county.entry(r.place.county.clone()).or_default().push(days);
                        }
                    }
                    _ => span.missing += 1,
                }
            }
            // Carried out by the deadline, per township.
            if let Some(deadline) = r.summary_deadline {
                let done = r.steps[3];
                let late = match done {
                    Some(d) => Some((d - deadline).whole_days()).filter(|days| *days > 0),
                    None if deadline < today => Some((today - deadline).whole_days()),
                    None => None,
                };
                if done.is_some() || deadline < today {
                    let key = (r.place.county.clone(), r.place.township.clone());
                    for t in [&mut f.on_time, f.on_time_by_township.entry(key).or_default()] {
                        t.due += 1;
                        match late {
                            Some(days) => t.late_days.push(days),
                            None => t.on_time += 1,
                        }
                    }
                }
            }
        }
        f.overdue_rows.sort_by(|a, b| b.days.cmp(&a.days).then(a.id.cmp(&b.id)));
        for span in &mut f.spans {
            span.days.sort_unstable();
        }
        f.topic_to_result = f.spans[3].days.clone();
        for days in f.topic_to_result_by_county.values_mut() {
            days.sort_unstable();
        }
        f.on_time.late_days.sort_unstable();
        for t in f.on_time_by_township.values_mut() {
            t.late_days.sort_unstable();
        }
        for (o, place) in self.opinions.values() {
            let c = f.opinions_by_place.entry(PlaceKey::of(place)).or_default();
            c.0 += 1;
            match o.status {
                OpinionStatus::Pending => c.1 += 1,
                OpinionStatus::Promoted => c.2 += 1,
                OpinionStatus::Answered { .. } => c.3 += 1,
            }
        }
        f
    }
}

/// A place as counted: county, township, village (blank where a file does not say).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct PlaceKey {
    /// 县（市）.
    pub county: String,
    /// 乡镇（街道）.
    pub township: String,
    /// 村（社区）.
    pub community: String,
}

impl PlaceKey {
    fn of(p: &Place) -> PlaceKey {
        PlaceKey { county: p.county.clone(), township: p.township.clone(), community: p.community.clone() }
    }
}

/// Counts of one place.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlaceCount {
    /// Records.
    pub records: usize,
    /// Of which all five stages completed.
    pub completed: usize,
    /// Of which overdue.
    pub overdue: usize,
}

/// Counts of one matter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MatterCount {
    /// Records.
    pub records: usize,
    /// That reached stage 4 (stage 3 completed).
    pub reached_4: usize,
    /// That reached stage 5 (stage 4 completed).
    pub reached_5: usize,
    /// That completed all five stages.
    pub completed: usize,
}

/// An overdue implementation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverdueRow {
    /// Record id.
    pub id: String,
    /// County, township and village.
    pub place: PlaceKey,
    /// Topic (or the matter, where no topic is set).
    pub topic: String,
    /// The deadline.
    pub deadline: Date,
    /// Days past it.
    pub days: i64,
}

/// Every figure of the overview.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    /// Files loaded.
    pub files: usize,
    /// Records, each once.
    pub records: usize,
    /// Opinions, each once.
    pub opinions: usize,
    /// Records and opinions found in more than one file (counted once).
    pub repeated: usize,
    /// Records in stages 1–4.
    pub consulting: usize,
    /// Records in stage 5.
    pub implementing: usize,
    /// Records with all five stages completed and the result carried out (已办结).
    pub completed: usize,
    /// Records closed with the result impossible to carry out (未能落实).
    pub unfulfilled: usize,
    /// Overdue implementations.
    pub overdue: usize,
    /// By county, township and village.
    pub by_place: BTreeMap<PlaceKey, PlaceCount>,
    /// By category.
    pub by_category: BTreeMap<String, usize>,
    /// By category and matter.
    pub by_matter: BTreeMap<(String, String), MatterCount>,
    /// By the stage a record stands at: index 0–4 for stages 1–5, 5 for completed.
    pub by_stage: Vec<usize>,
    /// The overdue implementations, longest overdue first.
    pub overdue_rows: Vec<OverdueRow>,
    /// The intervals, from the records' own dates: topic → consultation, consultation →
    /// result published, result published → carried out, topic → result published.
    pub spans: [Span; 4],
    /// Days from topic to published result (the last of `spans`), sorted.
    pub topic_to_result: Vec<i64>,
    /// Results carried out by their deadlines, in all.
    pub on_time: OnTime,
    /// The same by county and township.
    pub on_time_by_township: BTreeMap<(String, String), OnTime>,
    /// The same by county.
    pub topic_to_result_by_county: BTreeMap<String, Vec<i64>>,
    /// Opinions by place: (all, pending, promoted, answered).
    pub opinions_by_place: BTreeMap<PlaceKey, (usize, usize, usize, usize)>,
}

/// The median of sorted numbers.
pub fn median(sorted: &[i64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2] as f64),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0),
    }
}

/// The mean of numbers.
pub fn mean(xs: &[i64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<i64>() as f64 / xs.len() as f64)
}

fn one_decimal(x: Option<f64>) -> String {
    x.map_or_else(|| "—".into(), |x| format!("{x:.1}"))
}

fn blank_in(lang: Lang, s: &str) -> String {
    if s.trim().is_empty() {
        w(lang, "（未注明）", "(not stated)").into()
    } else {
        s.to_owned()
    }
}

/// What a stage position is called: “第N阶段 名称”, or 已办结 after the last.
pub fn stage_label(procedure: &Procedure, index: usize) -> String {
    stage_label_in(Lang::Zh, procedure, index)
}

/// What a stage position is called in a language: “第N阶段 名称” or “Stage N name”, or
/// 已办结 (completed) after the last.
pub fn stage_label_in(lang: Lang, procedure: &Procedure, index: usize) -> String {
    match (lang, procedure.stages.get(index)) {
        (Lang::Zh, Some(s)) => format!("第{}阶段 {}", index + 1, s.title),
        (Lang::En, Some(s)) => {
            format!("Stage {} {}", index + 1, i18n::data(lang, Data::Stage, &s.id, &s.title))
        }
        (_, None) => w(lang, "已办结", "Completed").into(),
    }
}

impl Figures {
    /// Matters (with records) that no record took to stage 4, and those none took to stage 5.
    pub fn never_reached(&self) -> Vec<(&(String, String), &MatterCount)> {
        self.by_matter.iter().filter(|(_, c)| c.reached_5 == 0).collect()
    }

    /// The overview as a document to print or save as Word: tables and bar charts, labelled in
    /// `lang` (places, topics and a county's own wording stay as written).
    pub fn document(&self, procedure: &Procedure, issuer: &str, today: Date, lang: Lang) -> Document {
        let zh = lang == Lang::Zh;
        let l = |zh: &'static str, en: &'static str| -> String { w(lang, zh, en).to_owned() };
        let blank = |s: &str| blank_in(lang, s);
        let headers = |zh: &[&str], en: &[&str]| -> Vec<String> {
            if lang == Lang::Zh { zh } else { en }.iter().map(|h| (*h).to_owned()).collect()
        };
        let count = |n: usize| if zh { format!("{n}条") } else { n.to_string() };
        let category = |c: &str| i18n::category_name(lang, None, c).to_owned();
        let matter = |m: &str| i18n::matter_by_name(lang, m).to_owned();
        let mut blocks = vec![Block::Fields(vec![
            (l("汇总日期", "Date of the overview"), documents::date_in(lang, today)),
            (l("汇总文件", "Files"), if zh { format!("{}个", self.files) } else { self.files.to_string() }),
            (
                l("协商记录", "Consultation records"),
                if zh {
                    format!(
                        "{}条（多个文件中重复出现的记录和意见{}条，已识别，只计一次）",
                        self.records, self.repeated
                    )
                } else {
                    format!(
                        "{} ({} records and opinions found in more than one file were recognised and counted once)",
                        self.records, self.repeated
                    )
                },
            ),
            (l("协商中（第一至第四阶段）", "Consulting (stages 1 to 4)"), count(self.consulting)),
            (l("落实中（第五阶段）", "Implementing (stage 5)"), count(self.implementing)),
            (l("已办结", "Completed"), count(self.completed)),
            (l("未能落实（已说明原因）", "Could not be implemented (reason given)"), count(self.unfulfilled)),
            (l("逾期未落实", "Overdue, not implemented"), count(self.overdue)),
            (l("群众意见", "Residents' opinions"), count(self.opinions)),
        ])];
        blocks.push(Block::Heading(numbered(lang, 1, w(lang, "按地区统计", "By place"))));
        blocks.push(Block::Table {
            header: headers(
                &["县（市）", "乡镇（街道）", "村（社区）", "记录数", "已办结", "逾期"],
                &["County", "Township (street)", "Village (community)", "Records", "Completed", "Overdue"],
            ),
            rows: self
                .by_place
                .iter()
                .map(|(p, c)| {
                    vec![
                        blank(&p.county),
                        blank(&p.township),
                        blank(&p.community),
                        c.records.to_string(),
                        c.completed.to_string(),
                        c.overdue.to_string(),
                    ]
                })
                .collect(),
            nowrap: vec![3, 4, 5],
        });
        let mut by_township: BTreeMap<(String, String), usize> = BTreeMap::new();
        for (p, c) in &self.by_place {
            *by_township.entry((p.county.clone(), p.township.clone())).or_default() += c.records;
        }
        blocks.push(Block::Bars {
            caption: l("各乡镇（街道）协商记录数", "Records by township (street)"),
            rows: by_township
                .into_iter()
                .map(|((c, t), n)| {
                    let place = if zh {
                        format!("{}{}", blank(&c), blank(&t))
                    } else {
                        format!("{} {}", blank(&c), blank(&t))
                    };
                    (place, n)
                })
                .collect(),
        });
        blocks.push(Block::Heading(numbered(lang, 2, w(lang, "按类别和事项统计", "By category and matter"))));
        // Categories and matters in the order of the template (a county's own at the end, by name).
        let template = super::catalogue::Catalogue::template_ref();
        let group_rank = |label: &str| {
            template.groups.iter().position(|g| g.label.as_deref() == Some(label)).unwrap_or(usize::MAX)
        };
        let matter_rank =
            |name: &str| template.all_matters().position(|(_, m)| m.name == name).unwrap_or(usize::MAX);
        let mut categories: Vec<(&String, &usize)> = self.by_category.iter().collect();
        categories.sort_by_key(|(c, _)| (group_rank(c), (*c).clone()));
        let mut matters: Vec<(&(String, String), &MatterCount)> = self.by_matter.iter().collect();
        matters.sort_by_key(|((c, m), _)| (group_rank(c), c.clone(), matter_rank(m), m.clone()));
        blocks.push(Block::Bars {
            caption: l("各类别协商记录数", "Records by category"),
            rows: categories.iter().map(|(c, n)| (blank(&category(c)), **n)).collect(),
        });
        blocks.push(Block::Table {
            header: headers(
                &["类别", "事项", "记录数", "进入第四阶段", "进入第五阶段", "已办结"],
                &["Category", "Matter", "Records", "Reached stage 4", "Reached stage 5", "Completed"],
            ),
            rows: matters
                .iter()
                .map(|((cat, m), c)| {
                    vec![
                        blank(&category(cat)),
                        matter(m),
                        c.records.to_string(),
                        c.reached_4.to_string(),
                        c.reached_5.to_string(),
                        c.completed.to_string(),
                    ]
                })
                .collect(),
            nowrap: vec![2, 3, 4, 5],
        });
        blocks.push(Block::Heading(numbered(lang, 3, w(lang, "按阶段和状态统计", "By stage and status"))));
        let stage_rows: Vec<(String, usize)> =
            self.by_stage.iter().enumerate().map(|(i, n)| (stage_label_in(lang, procedure, i), *n)).collect();
        blocks.push(Block::Table {
            header: headers(&["所处阶段", "记录数"], &["Stage", "Records"]),
            rows: stage_rows.iter().map(|(l, n)| vec![l.clone(), n.to_string()]).collect(),
            nowrap: vec![1],
        });
        blocks.push(Block::Bars {
            caption: l("各阶段协商记录数", "Records by stage"), rows: stage_rows
        });
        blocks.push(Block::Heading(numbered(lang, 4, w(lang, "逾期未落实", "Overdue implementations"))));
        if self.overdue_rows.is_empty() {
            blocks.push(Block::Paragraph(l(
                "没有逾期未落实的协商成果。",
                "No consultation outcome is overdue for implementation.",
            )));
        } else {
            blocks.push(Block::Table {
                header: headers(
                    &["地区", "协商议题", "落实期限", "逾期天数", "记录编号"],
                    &["Place", "Consultation topic", "Deadline", "Days overdue", "Record"],
                ),
                rows: self
                    .overdue_rows
                    .iter()
                    .map(|r| {
                        vec![
                            [&r.place.county, &r.place.township, &r.place.community]
                                .iter()
                                .filter(|s| !s.is_empty())
                                .map(|s| s.as_str())
                                .collect::<Vec<_>>()
                                .join(" "),
                            matter(&r.topic),
                            when::format_date(r.deadline),
                            r.days.to_string(),
                            r.id.clone(),
                        ]
                    })
                    .collect(),
                nowrap: vec![2, 3],
            });
        }
        blocks.push(Block::Heading(numbered(
            lang,
            5,
            w(lang, "未进入第四、第五阶段的事项", "Matters that did not reach stage 4 or 5"),
        )));
        let never = self.never_reached();
        if never.is_empty() {
            blocks.push(Block::Paragraph(l(
                "每个事项都至少有一条记录进入了第五阶段。",
                "Every matter has at least one record that reached stage 5.",
            )));
        } else {
            blocks.push(Block::Table {
                header: headers(
                    &["类别", "事项", "记录数", "未进入"],
                    &["Category", "Matter", "Records", "Not reached"],
                ),
                rows: never
                    .iter()
                    .map(|((cat, m), c)| {
                        let which = if c.reached_4 == 0 {
                            l("第四、第五阶段", "stages 4 and 5")
                        } else {
                            l("第五阶段", "stage 5")
                        };
                        vec![blank(&category(cat)), matter(m), c.records.to_string(), which]
                    })
                    .collect(),
                nowrap: vec![2, 3],
            });
        }
        blocks.push(Block::Heading(numbered(
            lang,
            6,
            w(
                lang,
                "各环节用时（按记录中填写的日期）",
                "Time between the steps (from the dates the records hold)",
            ),
        )));
        blocks.push(Block::Paragraph(l(
            "用时按各记录填写的约请日期、实际协商时间、成果公示日期和落实反馈日期（已落实的）计算，不按在本工具中点击完成的时间；缺少日期的记录单独列出，不计为0天。",
            "Times come from the dates each record holds (invitation, consultation, result notice, feedback on a result carried out), not from when stages were ticked complete in this tool; records missing a date are counted apart, never as 0 days.",
        )));
        let span_names = [
            l("确定议题至开展协商", "Topic to consultation"),
            l("开展协商至成果公示", "Consultation to result notice"),
            l("成果公示至落实", "Result notice to implementation"),
            l("确定议题至成果公示", "Topic to result notice"),
        ];
        blocks.push(Block::Table {
            header: headers(
                &["环节", "记录数", "平均天数", "中位天数", "最短／最长", "缺少日期"],
                &["Step", "Records", "Mean days", "Median days", "Shortest / longest", "Missing a date"],
            ),
            rows: self
                .spans
                .iter()
                .zip(span_names)
                .map(|(span, name)| {
                    let t = &span.days;
                    // Records timed from the day the topic was typed, for want of a 约请日期.
                    let name = match (span.from_typing, zh) {
                        (0, _) => name,
                        (n, true) => format!("{name}（其中{n}条缺约请日期，以议题录入日计）"),
                        (n, false) => format!(
                            "{name} ({n} without an invitation date, from the day the topic was typed)"
                        ),
                    };
                    vec![
                        name,
                        t.len().to_string(),
                        one_decimal(mean(t)),
                        one_decimal(median(t)),
                        match (t.first(), t.last()) {
                            (Some(a), Some(b)) => format!("{a}／{b}"),
                            _ => "—".into(),
                        },
                        span.missing.to_string(),
                    ]
                })
                .collect(),
            nowrap: vec![1, 2, 3, 4, 5],
        });
        if !self.topic_to_result_by_county.is_empty() {
            blocks.push(Block::Table {
                header: headers(
                    &["县（市）", "确定议题至成果公示：记录数", "平均天数", "中位天数"],
                    &["County", "Topic to result notice: records", "Mean days", "Median days"],
                ),
                rows: self
                    .topic_to_result_by_county
                    .iter()
                    .map(|(c, d)| {
                        vec![blank(c), d.len().to_string(), one_decimal(mean(d)), one_decimal(median(d))]
                    })
                    .collect(),
                nowrap: vec![1, 2, 3],
            });
        }
        // Carried out by the deadline.
        let share = |t: &OnTime| match t.due {
            0 => "—".to_owned(),
            due => format!("{:.0}%", t.on_time as f64 * 100.0 / due as f64),
        };
        blocks.push(Block::Paragraph(match lang {
            Lang::Zh => format!(
                "按期落实：落实期限已到或已落实的记录{}条，按期落实{}条（{}）；逾期的（含逾期后落实的）{}条，逾期天数中位数{}天。",
                self.on_time.due,
                self.on_time.on_time,
                share(&self.on_time),
                self.on_time.late_days.len(),
                one_decimal(median(&self.on_time.late_days)),
            ),
            Lang::En => format!(
                "On time: {} records whose deadline has come or that were carried out; {} carried out on time ({}); {} late (including those carried out late), median {} days past the deadline.",
                self.on_time.due,
                self.on_time.on_time,
                share(&self.on_time),
                self.on_time.late_days.len(),
                one_decimal(median(&self.on_time.late_days)),
            ),
        }));
        if !self.on_time_by_township.is_empty() {
            blocks.push(Block::Table {
                header: headers(
                    &[
                        "县（市）",
                        "乡镇（街道）",
                        "应落实",
                        "按期落实",
                        "按期落实率",
                        "逾期",
                        "逾期天数中位数",
                    ],
                    &["County", "Township", "Due", "On time", "Share on time", "Late", "Median days late"],
                ),
                rows: self
                    .on_time_by_township
                    .iter()
                    .map(|((c, t), o)| {
                        vec![
                            blank(c),
                            blank(t),
                            o.due.to_string(),
                            o.on_time.to_string(),
                            share(o),
                            o.late_days.len().to_string(),
                            one_decimal(median(&o.late_days)),
                        ]
                    })
                    .collect(),
                nowrap: vec![2, 3, 4, 5, 6],
            });
        }
        blocks.push(Block::Heading(numbered(lang, 7, w(lang, "群众意见", "Residents' opinions"))));
        if self.opinions_by_place.is_empty() {
            blocks.push(Block::Paragraph(l(
                "所载文件中没有群众意见。",
                "The files loaded hold no residents' opinions.",
            )));
        } else {
            blocks.push(Block::Table {
                header: headers(
                    &["县（市）", "乡镇（街道）", "村（社区）", "意见数", "待研究", "已转议题", "已答复"],
                    &[
                        "County",
                        "Township (street)",
                        "Village (community)",
                        "Opinions",
                        "Pending",
                        "Taken up",
                        "Answered",
                    ],
                ),
                rows: self
                    .opinions_by_place
                    .iter()
                    .map(|(p, (all, pending, promoted, answered))| {
                        vec![
                            blank(&p.county),
                            blank(&p.township),
                            blank(&p.community),
                            all.to_string(),
                            pending.to_string(),
                            promoted.to_string(),
                            answered.to_string(),
                        ]
                    })
                    .collect(),
                nowrap: vec![3, 4, 5, 6],
            });
        }
        // The digest is that of the figures as the CSV gives them: the same figures, the same digest.
        let canonical = self.csv(procedure, Lang::Zh);
        Document {
            kind: DocKind::Overview,
            title: super::documents::doc_title(lang, DocKind::Overview).into(),
            addressee: None,
            blocks,
            issuer: issuer.to_owned(),
            date: Some(today),
            record_id: if zh {
                format!("{}条记录", self.records)
            } else {
                format!("{} records", self.records)
            },
            digest: super::transfer::short_digest(&super::transfer::digest_of_text(&canonical)),
            training: false,
            lang,
            tight: false,
            revision: 0,
        }
        .on_paper()
    }

    /// The overview as CSV (UTF-8 with BOM for Excel and WPS): one line per figure, with the
    /// table it belongs to, its row and column; headings and labels in `lang` (the template's
    /// categories and matters in English by their labels, a county's own wording as written).
    pub fn csv(&self, procedure: &Procedure, lang: Lang) -> String {
        let l = |zh: &'static str, en: &'static str| w(lang, zh, en);
        let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
        let _ = out.write_record([
            l("统计表", "Table"),
            l("县（市）", "County"),
            l("乡镇（街道）", "Township"),
            l("村（社区）", "Village (community)"),
            l("类别", "Category"),
            l("事项", "Matter"),
            l("项目", "Figure"),
            l("数值", "Value"),
            l("落实期限", "Deadline"),
        ]);
        let mut put = |table: &str,
                       place: Option<&PlaceKey>,
                       cat: &str,
                       matter: &str,
                       item: &str,
                       value: String,
                       date: &str| {
            let (c, t, v) = place
                .map_or(("", "", ""), |p| (p.county.as_str(), p.township.as_str(), p.community.as_str()));
            let (cat, matter) = (i18n::category_name(lang, None, cat), i18n::matter_by_name(lang, matter));
            let _ = out.write_record([table, c, t, v, cat, matter, item, &value, date]);
        };
        let summary = [
            (l("协商记录", "Records"), self.records),
            (l("重复出现（只计一次）", "Repeated (counted once)"), self.repeated),
            (l("协商中", "Consulting"), self.consulting),
            (l("落实中", "Implementing"), self.implementing),
            (l("已办结", "Completed"), self.completed),
            (l("未能落实", "Could not be implemented"), self.unfulfilled),
            (l("逾期未落实", "Overdue implementations"), self.overdue),
            (l("群众意见", "Residents' opinions"), self.opinions),
        ];
        for (item, n) in summary {
            put(l("概况", "Summary"), None, "", "", item, n.to_string(), "");
        }
        for (p, c) in &self.by_place {
            let counts = [
                (l("记录数", "Records"), c.records),
                (l("已办结", "Completed"), c.completed),
                (l("逾期", "Overdue"), c.overdue),
            ];
            for (item, n) in counts {
                put(l("按地区", "By place"), Some(p), "", "", item, n.to_string(), "");
            }
        }
        for ((cat, m), c) in &self.by_matter {
            let counts = [
                (l("记录数", "Records"), c.records),
                (l("进入第四阶段", "Reached stage 4"), c.reached_4),
                (l("进入第五阶段", "Reached stage 5"), c.reached_5),
                (l("已办结", "Completed"), c.completed),
            ];
            for (item, n) in counts {
                put(l("按事项", "By matter"), None, cat, m, item, n.to_string(), "");
            }
        }
        for (i, n) in self.by_stage.iter().enumerate() {
            put(
                l("按阶段", "By stage"),
                None,
                "",
                "",
                &stage_label_in(lang, procedure, i),
                n.to_string(),
                "",
            );
        }
        for r in &self.overdue_rows {
            put(
                l("逾期未落实", "Overdue implementations"),
                Some(&r.place),
                "",
                &r.topic,
                l("逾期天数", "Days overdue"),
                r.days.to_string(),
                &when::format_date(r.deadline),
            );
        }
        let span_names = [
            l("确定议题至开展协商", "Topic to consultation"),
            l("开展协商至成果公示", "Consultation to result notice"),
            l("成果公示至落实", "Result notice to implementation"),
            l("确定议题至成果公示", "Topic to result notice"),
        ];
        for (span, name) in self.spans.iter().zip(&span_names) {
            let days = &span.days;
            let values = [
                (l("记录数", "Records"), days.len().to_string()),
                (l("平均天数", "Mean days"), one_decimal(mean(days))),
                (l("中位天数", "Median days"), one_decimal(median(days))),
                (l("缺少日期的记录", "Records missing a date"), span.missing.to_string()),
                (
                    l("以议题录入日计的记录", "Records timed from typing the topic"),
                    span.from_typing.to_string(),
                ),
            ];
            for (item, value) in values {
                let item = format!("{name}{}{item}", w(lang, "：", ": "));
                put(l("各环节用时", "Time between steps"), None, "", "", &item, value, "");
            }
        }
        let mut on_time: Vec<(Option<PlaceKey>, &OnTime)> = vec![(None, &self.on_time)];
        on_time.extend(self.on_time_by_township.iter().map(|((c, t), o)| {
            (Some(PlaceKey { county: c.clone(), township: t.clone(), community: String::new() }), o)
        }));
        for (place, o) in on_time {
            let values = [
                (l("应落实", "Due"), o.due.to_string()),
                (l("按期落实", "On time"), o.on_time.to_string()),
                (l("逾期", "Late"), o.late_days.len().to_string()),
                (l("逾期天数中位数", "Median days late"), one_decimal(median(&o.late_days))),
            ];
            for (item, value) in values {
                put(l("按期落实", "Carried out on time"), place.as_ref(), "", "", item, value, "");
            }
        }
        for (p, (all, pending, promoted, answered)) in &self.opinions_by_place {
            let counts = [
                (l("意见数", "Opinions"), all),
                (l("待研究", "Pending"), pending),
                (l("已转议题", "Taken up as topics"), promoted),
                (l("已答复", "Answered"), answered),
            ];
            for (item, n) in counts {
                put(l("群众意见", "Residents' opinions"), Some(p), "", "", item, n.to_string(), "");
            }
        }
        let bytes = out.into_inner().unwrap_or_default();
        format!("\u{feff}{}", String::from_utf8(bytes).unwrap_or_default())
    }
}

/// Distinct record ids of the overview (tests).
pub fn ids(o: &Overview) -> BTreeSet<&str> {
    o.rows.keys().map(String::as_str).collect()
}
