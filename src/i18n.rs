//! The one translation layer: every string the UI shows that is not data (catalogue and
//! procedure labels are data, in Chinese) goes through [`t`] or a function here. Simplified
//! Chinese is the default; English follows key by key.

use crate::domain::catalogue::FlawKind;
use crate::domain::validate::ProblemKind;

/// A UI language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// 简体中文 (default).
    #[default]
    Zh,
    /// English.
    En,
}

/// Keys of UI strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// The product's name.
    AppTitle,
    /// Line under the name.
    AppTagline,
    /// Main navigation label.
    MainNav,
    /// The catalogue page's heading.
    CatalogueHeading,
    /// Explains where the catalogue comes from and what the flags mean.
    CatalogueIntro,
    /// Count of matters, before the number.
    MatterCount,
    /// Heading of a group the source leaves unlabelled.
    UnlabelledGroup,
    /// Column: 序号.
    ColNumber,
    /// Column: 事项.
    ColMatter,
    /// Column: 备注 / flags.
    ColRemark,
    /// A blank row.
    BlankRow,
    /// "No number".
    NoNumber,
    /// Heading of the list of the template's flaws.
    FlawsHeading,
    /// Explains that flaws are kept, not fixed.
    FlawsIntro,
    /// Search box label.
    SearchLabel,
    /// Search box placeholder.
    SearchPlaceholder,
    /// No match for the search.
    NoMatch,
    /// Shown while the app loads.
    Loading,
    /// Footer: the source document.
    SourceNote,
}

/// The string for a key.
pub fn t(lang: Lang, key: Key) -> &'static str {
    let (zh, en) = match key {
        Key::AppTitle => ("城乡社区协商工作台", "Community Consultation Workbench"),
        Key::AppTagline => (
            "从群众意见到协商成果落实，按程序逐项办理、留痕可查",
            "From residents' opinions to implemented results, step by step, on the record",
        ),
        Key::MainNav => ("主导航", "Main navigation"),
        Key::CatalogueHeading => ("协商事项目录", "Catalogue of matters"),
        Key::CatalogueIntro => (
            "以下为《城乡社区协商事项指导目录清单（模板）》原文。模板中的空行、重复、缺号等问题按原样保留并标注，由各县（市）结合实际完善。",
            "The template catalogue as published. Its blank rows, duplicates and gaps are kept as they are and flagged, for each county to resolve.",
        ),
        Key::MatterCount => ("事项数", "Matters"),
        Key::UnlabelledGroup => ("（模板未标注类别）", "(no category in the template)"),
        Key::ColNumber => ("序号", "No."),
        Key::ColMatter => ("事项", "Matter"),
        Key::ColRemark => ("备注", "Remarks"),
        Key::BlankRow => ("（空行，待县（市）补充）", "(blank row, for the county to fill)"),
        Key::NoNumber => ("无序号", "no number"),
        Key::FlawsHeading => ("模板中需完善之处", "What the template leaves to resolve"),
        Key::FlawsIntro => (
            "以下问题照录模板原样，未作改动。",
            "These are reproduced as in the template, not corrected.",
        ),
        Key::SearchLabel => ("查找事项", "Find a matter"),
        Key::SearchPlaceholder => ("输入关键字，如：充电桩", "Type a word, e.g. 充电桩"),
        Key::NoMatch => ("没有找到相符的事项。", "No matching matter."),
        Key::Loading => ("正在加载……", "Loading…"),
        Key::SourceNote => (
            "依据：昌吉回族自治州民政局《关于进一步做好昌吉州城乡社区协商工作的通知》（昌州民字〔2021〕85号）",
            "Source: Changji Prefecture Civil Affairs Bureau notice 昌州民字〔2021〕85号",
        ),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The short tag shown beside a row with a flaw of this kind.
pub fn flaw_tag(lang: Lang, kind: FlawKind) -> &'static str {
    let (zh, en) = match kind {
        FlawKind::BlankSlot => ("空行", "blank row"),
        FlawKind::Duplicate => ("重复事项", "duplicate"),
        FlawKind::MissingNumber => ("缺少序号", "missing number"),
        FlawKind::Unnumbered => ("无序号", "unnumbered"),
        FlawKind::UnlabelledGroup => ("无类别名称", "no category"),
        FlawKind::StrayPunctuation => ("多余标点", "stray punctuation"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The message of a validation problem.
pub fn problem_message(lang: Lang, kind: &ProblemKind) -> String {
    match (lang, kind) {
        (Lang::Zh, ProblemKind::ItemOpen { item }) => format!("尚未完成：{item}"),
        (Lang::En, ProblemKind::ItemOpen { item }) => format!("Not done yet: {item}"),
        (Lang::Zh, ProblemKind::FieldMissing { item, field }) => {
            format!("未填写“{field}”（{item}）")
        }
        (Lang::En, ProblemKind::FieldMissing { item, field }) => {
            format!("“{field}” is empty ({item})")
        }
        (Lang::Zh, ProblemKind::NoReason { item }) => format!("“{item}”标为不适用，须写明理由"),
        (Lang::En, ProblemKind::NoReason { item }) => {
            format!("“{item}” is marked not applicable: give the reason")
        }
        // Rule messages are data of the procedure, in Chinese.
        (_, ProblemKind::Rule { message, party: Some(party), .. }) => format!("{party}：{message}"),
        (_, ProblemKind::Rule { message, party: None, .. }) => message.clone(),
    }
}
