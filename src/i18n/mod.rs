//! The one translation layer: every string the UI shows that is not data (catalogue and
//! procedure labels are data, in Chinese) goes through [`t`] or a function here. Simplified
//! Chinese is the default; English follows key by key.
//!
//! - here: [`Lang`], and a key's text: [`t`], [`tf`] (with `{}` filled), [`tn`] (a count's);
//! - `keys`: the table of UI strings, each key with its Chinese and its English;
//! - `english`: the English file (UI strings and data labels), fetched and installed when
//!   English is chosen;
//! - `labels`: the data's labels (stages, items, fields, options, clauses, the template's
//!   matters) in a language, by id;
//! - `words`: the engine's results in words (a status, a flaw's tag, a validation problem);
//! - `reader`: what serde's reader said of a file's value of the wrong form, in Chinese.

mod english;
mod keys;
mod labels;
mod reader;
mod words;

#[cfg(not(target_arch = "wasm32"))]
pub use english::EN_JSON;
pub use english::{english_ready, install_english, EnglishFile};
pub use keys::{Key, KEY_COUNT};
#[cfg(not(target_arch = "wasm32"))]
pub use keys::{EN_UI, ZH_UI};
pub use labels::{
    catalogue_title, category_name, clause_id, data, en, matter_by_name, matter_name, option, option_group,
    Data, DataEn,
};
pub use reader::reader_detail;
use serde::{Deserialize, Serialize};
pub use words::{flaw_tag, problem_message, status_word};

/// A UI language (and the language of a printed document: `"zh"` or `"en"` in JSON).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 简体中文 (default).
    #[default]
    Zh,
    /// English.
    En,
}

/// The string for a key. English before the English file is installed (in the browser) falls
/// back to Chinese.
pub fn t(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::Zh => key.zh,
        Lang::En => english::english_ui().get(usize::from(key.index)).copied().unwrap_or(key.zh),
    }
}

/// The string for a key with its `{}` filled in order.
pub fn tf(lang: Lang, key: Key, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::new();
    let mut args = args.iter();
    let mut parts = t(lang, key).split("{}").peekable();
    while let Some(part) = parts.next() {
        out.push_str(part);
        if parts.peek().is_some() {
            if let Some(a) = args.next() {
                out.push_str(&a.to_string());
            }
        }
    }
    out
}

/// Like [`tf`] for a text about a count `n`, with its two keys: the one for exactly one and the
/// one for any other number (`[Key::GateErrorsOne, Key::GateErrors]`). Chinese says both alike;
/// English says “1 problem remains”, “2 problems remain”.
pub fn tn(lang: Lang, [one, other]: [Key; 2], n: u64, args: &[&dyn std::fmt::Display]) -> String {
    tf(lang, if n == 1 { one } else { other }, args)
}
