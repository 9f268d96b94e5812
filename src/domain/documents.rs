//! The documents the procedure produces, as a print model: what each printed page says, in
//! blocks (headings, paragraphs, label–value lists, tables, a signature block). The print view
//! and the Word export both render this model; neither decides what a document contains.

use super::catalogue::Catalogue;
use super::procedure::{FieldKind, Procedure};
use super::record::{Change, ItemState, Record, StageStatus, Value};
use super::settings::Settings;
use super::transfer;
use super::when::{self, Date};
use serde::{Deserialize, Serialize};

/// The documents the procedure produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DocKind {
    /// 协商议题公示 (二（四）2).
    Publicity,
    /// 协商议事记录 (二（四）3).
    Minutes,
    /// 协商成果公示 (二（四）4).
    ResultNotice,
    /// 督办公函 (二（五）, “公函制”).
    Letter,
    /// 归档表: the whole record (二（四）4, 整理归档).
    Archive,
    /// A county's 城乡社区协商事项指导目录清单, for filing with the prefecture bureau (the
    /// notice's closing paragraph: 上报州民政局统一备案).
    /// Not a record's document: it is printed from the list page.
    Filing,
    /// The blank checklists of the five stages, for training sessions held on paper. Not a
    /// record's document: it is printed from the training page.
    Checklists,
    /// The overview across villages (汇总分析), for a bureau's report. Not a record's document.
    Overview,
}

impl DocKind {
    /// Every document, in the order of the procedure.
    pub const ALL: [DocKind; 5] =
        [DocKind::Publicity, DocKind::Minutes, DocKind::ResultNotice, DocKind::Letter, DocKind::Archive];

    /// Stable id used in addresses and file names.
    pub fn id(self) -> &'static str {
        match self {
            DocKind::Publicity => "publicity",
            DocKind::Minutes => "minutes",
            DocKind::ResultNotice => "result",
            DocKind::Letter => "letter",
            DocKind::Archive => "archive",
            DocKind::Filing => "filing",
            DocKind::Checklists => "checklists",
            DocKind::Overview => "overview",
        }
    }

    /// The kind with this id.
    pub fn from_id(id: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The document's title as printed.
    pub fn title(self) -> &'static str {
        match self {
            DocKind::Publicity => "协商议题公示",
            DocKind::Minutes => "协商议事记录",
            DocKind::ResultNotice => "协商成果公示",
            DocKind::Letter => "督办公函",
            DocKind::Archive => "城乡社区协商归档表",
            DocKind::Filing => "城乡社区协商事项指导目录清单",
            DocKind::Checklists => "城乡社区协商程序核对表",
            DocKind::Overview => "城乡社区协商情况汇总表",
        }
    }
}

/// A part of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    /// A heading (“一、…”), kept with what follows.
    Heading(String),
    /// A paragraph of body text, first line indented two characters.
    Paragraph(String),
    /// Label–value pairs, printed as a two-column table.
    Fields(Vec<(String, String)>),
    /// A table whose rows never split across pages; the header repeats.
    Table {
        /// Column headings.
        header: Vec<String>,
        /// Rows.
        rows: Vec<Vec<String>>,
        /// Columns of short values that should not wrap (numbers, clauses, states).
        nowrap: Vec<usize>,
    },
    /// Lines to sign on (e.g. 主持人（签字）), kept on one page.
    SignLines(Vec<String>),
    /// A bar chart of counts, kept on one page (printed in black; the numbers are written).
    Bars {
        /// What it shows.
        caption: String,
        /// Label and count of each bar.
        rows: Vec<(String, usize)>,
    },
}

/// A document ready to print. (Serialisable: the Word export runs in a worker.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Which document.
    pub kind: DocKind,
    /// Title (小标宋, 2号).
    pub title: String,
    /// The addressee (主送), for a letter.
    pub addressee: Option<String>,
    /// The body.
    pub blocks: Vec<Block>,
    /// The issuing organisation, printed above the date with room for the seal.
    pub issuer: String,
    /// The date of the document (成文日期), if the record has it yet.
    #[serde(with = "when::date_format::option")]
    pub date: Option<Date>,
    /// The record's id.
    pub record_id: String,
    /// The short digest of the record, printed on every page.
    pub digest: String,
    /// Made in training mode: every page is marked 培训练习.
    #[serde(default)]
    pub training: bool,
}

/// The mark on every page of a document made in training mode.
pub const TRAINING_MARK: &str = "培训练习";

impl Document {
    /// The line at the foot of every page: which record (or list) and its short digest.
    pub fn foot(&self) -> String {
        let mark = if self.training { format!("{TRAINING_MARK}　") } else { String::new() };
        format!("{mark}{} {}　校验码 {}", self.foot_label(), self.record_id, self.digest)
    }

    /// What the foot calls the thing the document is of: a record (记录) or a list (清单).
    pub fn foot_label(&self) -> &'static str {
        match self.kind {
            DocKind::Filing => "清单",
            DocKind::Checklists => "程序",
            DocKind::Overview => "汇总",
            _ => "记录",
        }
    }
}

/// The filing document of a county's list: the numbered table (序号, 类别, 事项, 备注) of the
/// matters in use, how each flaw of the template was resolved, and the matters retired, titled
/// and dated for the county. `hint_words` are the words printed for a matter's hints.
pub fn filing(list: &Catalogue, issuer: &str, hint_words: [&str; 3]) -> Document {
    let mut blocks = Vec::new();
    let version = match list.dated {
        Some(d) => format!("第{}版（{}）", list.version, when::format_date_zh(d)),
        None => format!("第{}版", list.version),
    };
    let mut fields = vec![(
        "县（市）".to_owned(),
        if list.county.is_empty() { "＿＿＿＿＿＿".into() } else { list.county.clone() },
    )];
    fields.push(("版本".into(), version));
    if let Some(base) = &list.based_on {
        fields.push(("依据".into(), format!("{}（{}）", BASIS.trim_start_matches("根据"), base.id)));
    }
    blocks.push(Block::Fields(fields));
    let rows: Vec<Vec<String>> = list
        .matters()
        .enumerate()
        .map(|(i, (g, m))| {
            let mut remark: Vec<String> = Vec::new();
            for (on, word) in
                [m.hints.cross_village, m.hints.technical, m.hints.wide_reaching].into_iter().zip(hint_words)
            {
                if on {
                    remark.push(word.to_owned());
                }
            }
            if !m.remark.is_empty() {
                remark.push(m.remark.clone());
            }
            vec![
                (i + 1).to_string(),
                g.label.clone().unwrap_or_else(|| "（未标类别）".into()),
                m.name.clone(),
                remark.join("；"),
            ]
        })
        .collect();
    blocks.push(Block::Heading(format!("一、协商事项（共{}项）", rows.len())));
    blocks.push(Block::Table {
        header: vec!["序号".into(), "类别".into(), "事项".into(), "备注".into()],
        rows,
        nowrap: vec![0],
    });
    if !list.flaws.is_empty() {
        blocks.push(Block::Heading("二、模板问题的处理".into()));
        blocks.push(Block::Table {
            header: vec!["模板问题".into(), "处理情况".into()],
            rows: list
                .flaws
                .iter()
                .map(|f| {
                    let done = match &f.resolution {
                        Some(r) => format!("{}（{}）", r.note, when::format_date_zh(r.on)),
                        None => "未处理".into(),
                    };
                    vec![f.note.clone(), done]
                })
                .collect(),
            nowrap: vec![],
        });
    }
    let retired: Vec<Vec<String>> = list
        .all_matters()
        .filter_map(|(g, m)| {
            let on = m.retired?;
            Some(vec![
                g.label.clone().unwrap_or_else(|| "（未标类别）".into()),
                m.name.clone(),
                when::format_date_zh(on),
            ])
        })
        .collect();
    if !retired.is_empty() {
        blocks.push(Block::Heading(format!("{}、停用事项", if list.flaws.is_empty() { "二" } else { "三" })));
        blocks.push(Block::Table {
            header: vec!["类别".into(), "事项".into(), "停用日期".into()],
            rows: retired,
            nowrap: vec![2],
        });
    }
    let canonical = serde_json::to_value(list).map(|v| v.to_string()).unwrap_or_default();
    Document {
        kind: DocKind::Filing,
        title: list.title.clone(),
        addressee: None,
        blocks,
        issuer: issuer.to_owned(),
        date: list.dated,
        record_id: format!("{}-v{}", list.id, list.version),
        digest: super::transfer::short_digest(&super::transfer::digest_of_text(&canonical)),
        training: false,
    }
}

/// The blank checklists of the five stages: for each stage, its clause, its items in order with
/// what each asks to be filled in, whether it is required, the clause it rests on and boxes to
/// tick; the points the stage's rules check; lines to sign. The foot names the procedure and the
/// digest of its definition, so a paper copy says which version of the procedure it follows.
pub fn checklists(procedure: &Procedure, issuer: &str) -> Document {
    const NUMBERS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    let mut blocks = vec![Block::Fields(vec![
        ("村（社区）".into(), "＿＿＿＿＿＿＿＿".into()),
        ("协商议题".into(), "＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿".into()),
    ])];
    for (i, stage) in procedure.stages.iter().enumerate() {
        let number = NUMBERS.get(i).copied().unwrap_or("");
        blocks.push(Block::Heading(format!("{number}、{}（{}）", stage.title, stage.clause)));
        let rows = stage
            .items
            .iter()
            .enumerate()
            .map(|(n, item)| {
                let requirement = match &item.requirement {
                    super::procedure::Requirement::Required => "必办",
                    super::procedure::Requirement::Optional => "选办",
                    super::procedure::Requirement::When { .. } => "符合条件时必办",
                };
                let fields: Vec<&str> = item.fields.iter().map(|f| f.label.as_str()).collect();
                let asks = if fields.is_empty() {
                    item.label.clone()
                } else {
                    format!("{}（填写：{}）", item.label, fields.join("、"))
                };
                vec![
                    (n + 1).to_string(),
                    asks,
                    requirement.to_owned(),
                    item.clause.clone(),
                    "□已办　□不适用".into(),
                ]
            })
            .collect();
        blocks.push(Block::Table {
            header: vec!["序号".into(), "核对事项".into(), "要求".into(), "依据".into(), "办理情况".into()],
            rows,
            nowrap: vec![0, 2, 3, 4],
        });
        let points: Vec<String> = procedure
            .rules
            .iter()
            .filter(|r| r.stage == stage.id)
            .map(|r| r.message.replace("{min}", "＿").replace("{max}", "＿").replace("{actual}", "＿"))
            .collect();
        if !points.is_empty() {
            blocks.push(Block::Paragraph(format!("核对要点：{}", points.join(""))));
        }
        blocks.push(Block::SignLines(vec![
            "经办人（签字）：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日".into()
        ]));
    }
    Document {
        kind: DocKind::Checklists,
        title: DocKind::Checklists.title().to_owned(),
        addressee: None,
        blocks,
        issuer: issuer.to_owned(),
        date: None,
        record_id: format!("{}-v{}", procedure.id, procedure.version),
        digest: super::transfer::short_digest(&super::transfer::digest_of_text(
            super::procedure::PROCEDURE_JSON,
        )),
        training: false,
    }
}

/// A value as printed.
pub fn display(procedure: &Procedure, list: Option<&str>, value: &Value) -> String {
    match value {
        Value::Text(t) => t.clone(),
        Value::Date(d) => when::format_date_zh(*d),
        Value::Datetime(dt) => {
            format!("{} {:02}:{:02}", when::format_date_zh(dt.date()), dt.hour(), dt.minute())
        }
        Value::Choice(c) => list.map_or(c.clone(), |l| procedure.choice_label(l, c).to_owned()),
        Value::Multichoice(cs) => cs
            .iter()
            .map(|c| list.map_or(c.as_str(), |l| procedure.choice_label(l, c)))
            .collect::<Vec<_>>()
            .join("、"),
        Value::Yesno(b) => if *b { "是" } else { "否" }.into(),
    }
}

struct Reader<'a> {
    record: &'a Record,
    procedure: &'a Procedure,
}

impl Reader<'_> {
    fn get(&self, field: &str) -> String {
        let list = self.procedure.field(field).and_then(|(_, _, f)| f.kind.list());
        self.record
            .value(self.procedure, field)
            .map(|v| display(self.procedure, list, &v))
            .unwrap_or_default()
    }

    fn or_blank(&self, field: &str) -> String {
        let v = self.get(field);
        if v.is_empty() {
            "＿＿＿＿＿＿".into()
        } else {
            v
        }
    }

    fn date(&self, field: &str) -> Option<Date> {
        self.record.value(self.procedure, field).and_then(|v| v.date())
    }

    fn form(&self) -> String {
        match self.record.form.as_deref() {
            Some("other") => self.get("form_other"),
            Some(f) => self.procedure.choice_label("forms", f).to_owned(),
            None => String::new(),
        }
    }

    fn role(&self, id: &str) -> String {
        self.procedure.choice_label("roles", id).to_owned()
    }

    fn participants(&self) -> String {
        self.record
            .parties
            .iter()
            .map(|p| format!("{}（{}）", p.name, self.role(&p.role)))
            .collect::<Vec<_>>()
            .join("、")
    }
}

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

const BASIS: &str = "根据《关于进一步做好昌吉州城乡社区协商工作的通知》（昌州民字〔2021〕85号）";

/// The document of this kind for a record.
pub fn document(kind: DocKind, record: &Record, procedure: &Procedure, settings: &Settings) -> Document {
    let r = Reader { record, procedure };
    let organisation = {
        let o = settings.organisation();
        if o.is_empty() {
            record.community.clone()
        } else {
            o
        }
    };
    let topic = r.get(&procedure.key_fields.topic);
    let matter = match record.matter.number {
        Some(n) => format!("{}（目录第{n}项）", record.matter.name),
        None => record.matter.name.clone(),
    };
    let mut addressee = None;
    let (blocks, date) = match kind {
        DocKind::Publicity => (
            vec![
                Block::Paragraph(format!(
                    "{BASIS}要求，经村（社区）党组织、村（居）民委员会研究，确定以下协商议题，现将有关信息公示如下："
                )),
                Block::Fields(vec![
                    ("协商议题".into(), topic.clone()),
                    ("协商事项".into(), matter.clone()),
                    ("协商时间".into(), r.or_blank("meeting_time")),
                    ("协商地点".into(), r.or_blank("meeting_place")),
                    ("协商形式".into(), r.form()),
                    ("主持人".into(), r.or_blank("host")),
                    ("参加人员".into(), r.participants()),
                ]),
                Block::Paragraph(
                    "公示期间，村（居）民、“两代表一委员”、村（社区）其他组织和驻村（社区）单位可以申请参加协商议事。"
                        .into(),
                ),
            ],
            r.date("publicity_date"),
        ),
        DocKind::Minutes => {
            // Headings are numbered as they come: a section with nothing to say is left out.
            let mut number = 0;
            let mut heading = |title: &str| {
                number += 1;
                Block::Heading(format!("{}、{title}", NUMERALS.get(number - 1).unwrap_or(&"")))
            };
            let mut blocks = vec![
                Block::Fields(vec![
                    ("协商议题".into(), topic.clone()),
                    ("协商事项".into(), matter.clone()),
                    ("协商时间".into(), r.or_blank("held_at")),
                    ("协商地点".into(), r.get("held_place")),
                    ("协商形式".into(), r.form()),
                    ("主持人".into(), r.get("host")),
                    ("牵头组织者".into(), record.lead.as_deref().map(|l| procedure.choice_label("lead", l).to_owned()).unwrap_or_default()),
                ]),
                heading("参加人员及出席情况"),
                Block::Table {
                    nowrap: vec![0, 4, 5],
                header: ["序号", "姓名或名称", "身份", "单位或住址", "利益相关方", "出席情况"].map(String::from).to_vec(),
                    rows: record
                        .parties
                        .iter()
                        .enumerate()
                        .map(|(i, p)| {
                            vec![
                                (i + 1).to_string(),
                                p.name.clone(),
                                r.role(&p.role),
                                p.organisation.clone(),
                                if p.stakeholder { "是" } else { "否" }.into(),
                                match p.attended {
                                    Some(true) => "出席",
                                    Some(false) => "未出席",
                                    None => "未登记",
                                }
                                .into(),
                            ]
                        })
                        .collect(),
                },
            ];
            let absent: Vec<Vec<String>> = record
                .parties
                .iter()
                .filter(|p| p.attended == Some(false))
                .map(|p| vec![p.name.clone(), p.written_opinion.clone(), p.no_opinion_reason.clone()])
                .collect();
            if !absent.is_empty() {
                blocks.push(heading("未出席人员的书面意见"));
                blocks.push(Block::Table {
                    header: ["姓名或名称", "书面意见", "未交书面意见的原因"].map(String::from).to_vec(),
                    rows: absent,
                    nowrap: vec![],
                });
            }
            let observers = r.get("observers");
            blocks.push(heading("列席旁听人员"));
            blocks.push(Block::Paragraph(if observers.is_empty() { "无。".into() } else { observers }));
            blocks.push(heading("各方意见建议"));
            blocks.push(Block::Paragraph(r.get("opinions")));
            blocks.push(heading("协商结果"));
            blocks.push(Block::Fields(vec![("是否达成共识".into(), r.get("consensus"))]));
            blocks.push(Block::Paragraph(r.get("outcome")));
            blocks.push(Block::SignLines(vec!["主持人（签字）：".into(), "记录人（签字）：".into()]));
            (blocks, r.date("held_at"))
        }
        DocKind::ResultNotice => {
            let held = r.date("held_at").map(when::format_date_zh).unwrap_or_default();
            let mut fields = vec![
                ("协商事项".into(), matter.clone()),
                ("协商时间".into(), r.get("held_at")),
                ("协商形式".into(), r.form()),
            ];
            for (label, field) in [("落实方", "implementer"), ("落实期限", "deadline")] {
                let v = r.get(field);
                if !v.is_empty() {
                    fields.push((label.into(), v));
                }
            }
            (
                vec![
                    Block::Paragraph(format!("{held}，{organisation}就“{topic}”组织开展协商。现将协商事项和协商成果公示如下：")),
                    Block::Fields(fields),
                    Block::Heading("协商成果".into()),
                    Block::Paragraph(r.get("outcome")),
                    Block::Paragraph("欢迎广大村（居）民监督。".into()),
                ],
                r.date("result_publicity_date"),
            )
        }
        DocKind::Letter => {
            addressee = Some(format!("{}：", r.or_blank("implementer")));
            let held = r.date("held_at").map(when::format_date_zh).unwrap_or_default();
            let deadline = r.date("deadline").map(when::format_date_zh).unwrap_or_else(|| "＿＿年＿＿月＿＿日".into());
            let mut blocks = vec![
                Block::Paragraph(format!("{held}，{organisation}就“{topic}”组织开展协商，形成协商成果如下：")),
                Block::Paragraph(r.get("outcome")),
                Block::Paragraph(format!(
                    "{BASIS}关于运用“公函制”督促落实方及时完成协商事宜的要求，请你单位于{deadline}前落实上述协商成果，并将落实情况书面反馈{organisation}。"
                )),
            ];
            let number = r.get("letter_ref");
            if !number.is_empty() {
                blocks.insert(0, Block::Fields(vec![("公函编号".into(), number)]));
            }
            (blocks, r.date("letter_date"))
        }
        // The filing document is the list's, not a record's (see `filing`); a record asked for it gets its 归档表.
        DocKind::Archive | DocKind::Filing | DocKind::Checklists | DocKind::Overview => (archive(&r, &matter, &topic), None),
    };
    Document {
        kind,
        title: kind.title().into(),
        addressee,
        blocks,
        issuer: organisation,
        date,
        record_id: record.id.clone(),
        digest: transfer::short_digest(&transfer::digest(record)),
        training: false,
    }
}

fn archive(r: &Reader, matter: &str, topic: &str) -> Vec<Block> {
    let (record, procedure) = (r.record, r.procedure);
    let fact = |v: Option<bool>| match v {
        Some(true) => "是",
        Some(false) => "否",
        None => "未研判",
    };
    let mut blocks = vec![Block::Fields(vec![
        ("记录编号".into(), record.id.clone()),
        ("协商事项".into(), matter.to_owned()),
        ("类别".into(), record.matter.category.clone().unwrap_or_else(|| "（模板未标注类别）".into())),
        ("协商议题".into(), topic.to_owned()),
        ("村（社区）".into(), record.community.clone()),
        ("协商范围".into(), r.get("scope")),
        ("牵头组织者".into(), r.get("lead")),
        (
            "事项性质".into(),
            format!(
                "专业性技术性较强：{}；涉及面广关注度高：{}；涉及矛盾纠纷：{}；受委托：{}",
                fact(record.facts.technical),
                fact(record.facts.wide_reaching),
                fact(record.facts.dispute),
                fact(record.facts.commissioned)
            ),
        ),
        ("建档时间".into(), when::format_date_zh(record.created.date())),
        (
            "最后修改".into(),
            format!("{}（第{}版）", when::format_date_zh(record.updated.date()), record.revision),
        ),
    ])];
    for (i, stage) in procedure.stages.iter().enumerate() {
        let status = match record.stage_status(&stage.id) {
            StageStatus::Completed { at } => format!("已于{}完成", when::format_date_zh(at.date())),
            StageStatus::Recheck => "需重新确认".into(),
            StageStatus::Open => "未完成".into(),
        };
        blocks.push(Block::Heading(format!(
            "{}、第{}阶段　{}（依据{}，{status}）",
            NUMERALS.get(i).unwrap_or(&""),
            i + 1,
            stage.title,
            stage.clause
        )));
        let rows = stage
            .items
            .iter()
            .map(|item| {
                let (state, note) = match record.item_state(&item.id) {
                    ItemState::Done => ("已完成".to_owned(), String::new()),
                    ItemState::Open => ("未完成".to_owned(), String::new()),
                    ItemState::NotApplicable { reason } => ("不适用".to_owned(), format!("理由：{reason}")),
                };
                let content = item
                    .fields
                    .iter()
                    .filter_map(|f| {
                        let v = match f.kind {
                            FieldKind::Parties { .. } => r.participants(),
                            _ => r.get(&f.id),
                        };
                        (!v.is_empty()).then(|| format!("{}：{v}", f.label))
                    })
                    .collect::<Vec<_>>()
                    .join("；");
                let detail =
                    [note, content].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join("；");
                vec![item.label.clone(), item.clause.clone(), state, detail]
            })
            .collect();
        blocks.push(Block::Table {
            header: ["检查事项", "依据", "完成情况", "记录内容"].map(String::from).to_vec(),
            rows,
            nowrap: vec![1, 2],
        });
    }
    blocks.push(Block::Heading(format!("{}、修改记录", NUMERALS.get(procedure.stages.len()).unwrap_or(&""))));
    let label = |field: &str| procedure.field(field).map_or(field.to_owned(), |(_, _, f)| f.label.clone());
    let rows = record
        .audit
        .iter()
        .map(|a| {
            let what = match &a.change {
                Change::Created { from: None } => "建立记录".to_owned(),
                Change::Created { from: Some(f) } => format!("由记录{f}复制建立"),
                Change::Field { field, to, .. } => {
                    let list = procedure.field(field).and_then(|(_, _, f)| f.kind.list());
                    let shown =
                        to.as_ref().map(|v| display(procedure, list, v)).unwrap_or_else(|| "（清空）".into());
                    let shown: String = shown.chars().take(60).collect();
                    format!("填写“{}”：{shown}", label(field))
                }
                Change::Item { item, to, .. } => {
                    let name = procedure.item(item).map_or(item.clone(), |(_, i)| i.label.clone());
                    let state = match to {
                        ItemState::Done => "已完成".to_owned(),
                        ItemState::Open => "未完成".to_owned(),
                        ItemState::NotApplicable { reason } => format!("不适用（{reason}）"),
                    };
                    format!("“{name}”标为{state}")
                }
                Change::PartyAdded { party } => format!("添加参与主体：{}", party.name),
                Change::PartyChanged { to, .. } => format!("修改参与主体：{}", to.name),
                Change::PartyRemoved { party, .. } => format!("删除参与主体：{}", party.name),
                Change::StageCompleted { stage } => format!("完成{}", stage_name(procedure, stage)),
                Change::StageReopened { stage, .. } => format!("重新打开{}", stage_name(procedure, stage)),
                Change::Superseded { revision } => format!("保留本版本，替代另一处保存的第{revision}版"),
            };
            let at = a.at;
            vec![
                format!("{} {:02}:{:02}", when::format_date(at.date()), at.hour(), at.minute()),
                a.revision.to_string(),
                what,
            ]
        })
        .collect();
    blocks.push(Block::Table {
        header: ["时间（UTC）", "版本", "变更"].map(String::from).to_vec(),
        rows,
        nowrap: vec![0, 1],
    });
    blocks
}

fn stage_name(procedure: &Procedure, stage: &str) -> String {
    match procedure.stage_index(stage) {
        Some(i) => format!("第{}阶段“{}”", i + 1, procedure.stages[i].title),
        None => stage.to_owned(),
    }
}
