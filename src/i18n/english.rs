//! The English file (`assets/english.json`: the UI strings in the order of the keys, and the
//! data's labels): fetched and installed only when English is chosen; natively compiled in.

#[cfg(not(target_arch = "wasm32"))]
use super::keys::EN_UI;
use super::keys::KEY_COUNT;
#[cfg(target_arch = "wasm32")]
use super::labels::DataEn;
use serde::{Deserialize, Serialize};

/// The English strings of the keys: natively the table's; in the browser those installed.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn english_ui() -> &'static [&'static str] {
    EN_UI
}

#[cfg(target_arch = "wasm32")]
pub(super) fn english_ui() -> &'static [&'static str] {
    ENGLISH.get().map_or(&[], |e| e.ui.as_slice())
}

/// The English file: the UI strings in the order of [`super::Key`], and the data's labels by id
/// (`data/en.json`). Written by `cargo run --example english` into `assets/english.json`
/// (a test keeps it in step); fetched by the browser only when English is chosen.
#[derive(Serialize, Deserialize)]
pub struct EnglishFile {
    /// The UI strings, in the order of [`super::Key`].
    pub ui: Vec<String>,
    /// The data's labels (`data/en.json` as it is), read when installed.
    pub data: Box<serde_json::value::RawValue>,
}

#[cfg(target_arch = "wasm32")]
pub(super) struct English {
    ui: Vec<&'static str>,
    pub(super) data: DataEn,
}

#[cfg(target_arch = "wasm32")]
pub(super) static ENGLISH: std::sync::OnceLock<English> = std::sync::OnceLock::new();

/// Whether English can be shown now (always, natively).
pub fn english_ready() -> bool {
    #[cfg(target_arch = "wasm32")]
    return ENGLISH.get().is_some();
    #[cfg(not(target_arch = "wasm32"))]
    true
}

/// Installs the English file (its text); false when it does not read, or is not this build's
/// (another number of strings). Installed once; later calls change nothing.
pub fn install_english(text: &str) -> bool {
    let Ok(file) = serde_json::from_str::<EnglishFile>(text) else { return false };
    if file.ui.len() != KEY_COUNT {
        return false;
    }
    #[cfg(target_arch = "wasm32")]
    {
        let Ok(data) = serde_json::from_str::<DataEn>(file.data.get()) else { return false };
        let ui = file.ui.into_iter().map(|s| &*Box::leak(s.into_boxed_str())).collect();
        let _ = ENGLISH.set(English { ui, data });
    }
    true
}

/// The English labels of the data (procedure and template catalogue), by id: `data/en.json`
/// (natively; the browser has them from the English file).
#[cfg(not(target_arch = "wasm32"))]
pub const EN_JSON: &str = include_str!("../../data/en.json");
