//! The data's labels in a language: the procedure's stages, items, fields, options, rules and
//! clauses, and the template catalogue's categories, matters and flaws, by id (their Chinese is
//! the data's own text; the English comes with the English file).

use super::{t, Key, Lang};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The data's English labels.
#[derive(Debug, Default, Deserialize)]
pub struct DataEn {
    stages: BTreeMap<String, String>,
    items: BTreeMap<String, String>,
    fields: BTreeMap<String, String>,
    lists: BTreeMap<String, BTreeMap<String, String>>,
    option_groups: BTreeMap<String, String>,
    pub(super) rules: BTreeMap<String, String>,
    clauses: BTreeMap<String, String>,
    /// The template catalogue's title.
    pub catalogue_title: String,
    groups: BTreeMap<String, String>,
    matters: BTreeMap<String, String>,
    flaws: BTreeMap<String, String>,
}

/// The data's English labels: natively parsed on first use; in the browser those of the
/// English file once installed (none before: Chinese is shown).
pub fn en() -> &'static DataEn {
    #[cfg(not(target_arch = "wasm32"))]
    {
        static EN: std::sync::OnceLock<DataEn> = std::sync::OnceLock::new();
        EN.get_or_init(|| serde_json::from_str(super::english::EN_JSON).unwrap_or_default())
    }
    #[cfg(target_arch = "wasm32")]
    {
        static NONE: std::sync::OnceLock<DataEn> = std::sync::OnceLock::new();
        super::english::ENGLISH.get().map(|e| &e.data).unwrap_or_else(|| NONE.get_or_init(DataEn::default))
    }
}

/// Kinds of data labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Data {
    /// A stage's title.
    Stage,
    /// A checklist item's label.
    Item,
    /// A field's label.
    Field,
    /// A clause's title.
    Clause,
    /// A category of the template catalogue.
    Group,
    /// A matter of the template catalogue (a county's own wording has no translation: it stays).
    Matter,
    /// A flaw of the template.
    Flaw,
}

impl DataEn {
    fn section(&self, kind: Data) -> &BTreeMap<String, String> {
        match kind {
            Data::Stage => &self.stages,
            Data::Item => &self.items,
            Data::Field => &self.fields,
            Data::Clause => &self.clauses,
            Data::Group => &self.groups,
            Data::Matter => &self.matters,
            Data::Flaw => &self.flaws,
        }
    }

    /// Every id of a section (for the test that the table is complete).
    pub fn ids(&self, kind: Data) -> impl Iterator<Item = &str> {
        self.section(kind).keys().map(String::as_str)
    }

    /// Every option id of a list.
    pub fn option_ids(&self, list: &str) -> impl Iterator<Item = &str> {
        self.lists.get(list).into_iter().flat_map(|l| l.keys().map(String::as_str))
    }

    /// Every option group heading (Chinese) translated.
    pub fn option_group_ids(&self) -> impl Iterator<Item = &str> {
        self.option_groups.keys().map(String::as_str)
    }

    /// Every rule id.
    pub fn rule_ids(&self) -> impl Iterator<Item = &str> {
        self.rules.keys().map(String::as_str)
    }
}

/// A data label in a language: `zh` (the data's own text) in Chinese, the English by id
/// otherwise, or `zh` where there is none.
pub fn data<'a>(lang: Lang, kind: Data, id: &str, zh: &'a str) -> &'a str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en().section(kind).get(id).map_or(zh, String::as_str),
    }
}

/// A matter's name in a language, found by its Chinese wording among the template's matters
/// (for rows that carry no id, such as the ledger's).
pub fn matter_by_name<'a>(lang: Lang, zh: &'a str) -> &'a str {
    if lang == Lang::Zh {
        return zh;
    }
    let found = crate::domain::Catalogue::template_ref().all_matters().find(|(_, m)| m.name == zh);
    match found {
        Some((_, m)) => data(lang, Data::Matter, &m.id, zh),
        None => zh,
    }
}

/// The catalogue's title in a language (the template's has an English title; a county's own
/// stays as written).
pub fn catalogue_title<'a>(lang: Lang, zh: &'a str) -> &'a str {
    if lang == Lang::En && zh == crate::domain::Catalogue::template_ref().title {
        &en().catalogue_title
    } else {
        zh
    }
}

/// A matter's name in a language: the template's matters have an English name, but only while
/// the wording is the template's (a county's own wording stays as written).
pub fn matter_name<'a>(lang: Lang, id: Option<&str>, zh: &'a str) -> &'a str {
    if lang == Lang::Zh {
        return zh;
    }
    let template = crate::domain::Catalogue::template_name(id.unwrap_or_default());
    match template {
        Some(name) if name == zh => data(lang, Data::Matter, id.unwrap_or_default(), zh),
        _ => zh,
    }
}

/// The heading of a group of options (keyed by its Chinese text) in a language.
pub fn option_group<'a>(lang: Lang, zh: &'a str) -> &'a str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en().option_groups.get(zh).map_or(zh, String::as_str),
    }
}

/// A matter's category label in a language: the template's categories have English labels
/// (found through the matter's id, while the label is the template's).
pub fn category_name<'a>(lang: Lang, matter: Option<&str>, zh: &'a str) -> &'a str {
    if lang == Lang::Zh {
        return zh;
    }
    if zh == crate::domain::catalogue::OTHER_MATTER {
        return t(lang, Key::OtherCategory);
    }
    let template = crate::domain::Catalogue::template_ref();
    let group = template.groups.iter().find(|g| {
        g.label.as_deref() == Some(zh)
            && (matter.is_none()
                || g.entries
                    .iter()
                    .any(|e| matches!(e, crate::domain::Entry::Matter(m) if Some(m.id.as_str()) == matter)))
    });
    match group {
        Some(g) => data(lang, Data::Group, &g.id, zh),
        None => zh,
    }
}

/// How a clause of the notice is cited in a language: `二（四）1` as it stands in Chinese;
/// in English its numbers in digits, `2(4)1`, and a clause without numbers by its title.
pub fn clause_id(lang: Lang, id: &str) -> String {
    if lang == Lang::Zh {
        return id.to_owned();
    }
    const NUMERALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    if !id.chars().any(|c| NUMERALS.contains(&c)) {
        return data(lang, Data::Clause, id, id).to_owned();
    }
    id.chars()
        .map(|c| match c {
            '（' => "(".to_owned(),
            '）' => ")".to_owned(),
            c => match NUMERALS.iter().position(|n| *n == c) {
                Some(i) => (i + 1).to_string(),
                None => c.to_string(),
            },
        })
        .collect()
}

/// An option of a list in a language.
pub fn option<'a>(lang: Lang, list: &str, id: &str, zh: &'a str) -> &'a str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en().lists.get(list).and_then(|l| l.get(id)).map_or(zh, String::as_str),
    }
}
