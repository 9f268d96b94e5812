//! The engine's results in words: a ledger status, a catalogue flaw's tag, a validation problem.

use super::labels::{data, en, Data};
use super::{t, Key, Lang};
use crate::domain::catalogue::FlawKind;
use crate::domain::validate::{Problem, ProblemKind, Target};

/// A ledger status's word (协商中, 落实中, 已办结, 未能落实).
pub fn status_word(lang: Lang, s: crate::domain::ledger::Status) -> &'static str {
    use crate::domain::ledger::Status;
    match s {
        Status::Consulting => t(lang, Key::StatusConsulting),
        Status::Implementing => t(lang, Key::StatusImplementing),
        Status::Completed => t(lang, Key::StatusCompleted),
        Status::Unfulfilled => t(lang, Key::StatusUnfulfilled),
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

/// The message of a validation problem: labels and rule texts in the language, found by the
/// ids the problem points at (the Chinese labels it carries are the fallback).
pub fn problem_message(lang: Lang, problem: &Problem) -> String {
    let (item_id, field_id) = match &problem.target {
        Target::Item { item } => (Some(item.as_str()), None),
        Target::Field { item, field } => (Some(item.as_str()), Some(field.as_str())),
        Target::Party { .. } => (None, None),
    };
    let item_in =
        |zh: &str| item_id.map_or_else(|| zh.to_owned(), |id| data(lang, Data::Item, id, zh).to_owned());
    let field_in =
        |zh: &str| field_id.map_or_else(|| zh.to_owned(), |id| data(lang, Data::Field, id, zh).to_owned());
    match (lang, &problem.kind) {
        (Lang::Zh, ProblemKind::ItemOpen { item }) => format!("尚未完成：{item}"),
        (Lang::En, ProblemKind::ItemOpen { item }) => format!("Not done yet: {}", item_in(item)),
        (Lang::Zh, ProblemKind::FieldMissing { item, field }) => {
            format!("未填写“{field}”（{item}）")
        }
        (Lang::En, ProblemKind::FieldMissing { item, field }) => {
            format!("“{}” is empty ({})", field_in(field), item_in(item))
        }
        (Lang::Zh, ProblemKind::PartyUnnamed { index }) => {
            format!("参与主体第{}位未填写姓名或名称", index + 1)
        }
        (Lang::En, ProblemKind::PartyUnnamed { index }) => format!("Party {} has no name", index + 1),
        (Lang::Zh, ProblemKind::NoReason { item }) => format!("“{item}”标为不适用，须写明理由"),
        (Lang::En, ProblemKind::NoReason { item }) => {
            format!("“{}” is marked not applicable: give the reason", item_in(item))
        }
        (Lang::Zh, ProblemKind::Rule { message, party: Some(party), .. }) => format!("{party}：{message}"),
        (Lang::Zh, ProblemKind::Rule { message, party: None, .. }) => message.clone(),
        (Lang::En, ProblemKind::Rule { rule, message, party, fill }) => {
            let mut text = match en().rules.get(rule) {
                Some(template) => template.clone(),
                None => message.clone(),
            };
            for (name, value) in fill {
                text = text.replace(&format!("{{{name}}}"), value);
            }
            match party {
                Some(party) => format!("{party}: {text}"),
                None => text,
            }
        }
    }
}
