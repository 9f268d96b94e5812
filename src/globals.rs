//! The names of the page's JavaScript globals that the wasm modules and the build's scripts
//! (`scripts/start.js`, `scripts/modules.js`, `scripts/postbuild.mjs`, `scripts/single.mjs`,
//! `scripts/browser-check.js`) share: here once;
//! a test (`tests/it/tidy.rs`) checks that the scripts use no other and that no Rust file spells
//! one out.

/// `() => Promise<module>`: loads the extras module (set by the module loader, `scripts/modules.js`,
/// or the single file).
pub const EXTRAS_LOADER: &str = "__xieshangExtras";
/// The address of the English file.
pub const ENGLISH_URL: &str = "__xieshangEnglish";
/// The English file's text once one module has it, for the other (the single file sets it too).
pub const ENGLISH_TEXT: &str = "__xieshangEnglishText";
/// The address of the Word worker's loader (a blob: URL in the single file).
pub const DOCX_WORKER: &str = "__xieshangDocxWorker";
/// Set by the browser check when this browser cannot run the app: the start script then stops.
pub const UNSUPPORTED: &str = "__xieshangUnsupported";

/// Every name above.
pub const ALL: [&str; 5] = [EXTRAS_LOADER, ENGLISH_URL, ENGLISH_TEXT, DOCX_WORKER, UNSUPPORTED];

/// The first view (`ui::first_view`; `scripts/prerender.mjs` writes it, `scripts/first-view.js`
/// shows it and notes a press on it): the id of the copy of the catalogue in index.html…
pub const FIRST_VIEW: &str = "xs-first";
/// …and the attributes that note the button pressed in it: its words, its table row's text, its
/// place (from 0) among the buttons with the same words and row.
pub const FIRST_VIEW_PRESSED: [&str; 3] = ["data-pressed", "data-pressed-row", "data-pressed-nth"];

/// The page's global `name`, if it is set.
#[cfg(target_arch = "wasm32")]
pub fn get(name: &str) -> Option<wasm_bindgen::JsValue> {
    js_sys::Reflect::get(&js_sys::global(), &wasm_bindgen::JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined())
}

/// Sets the page's global `name`.
#[cfg(target_arch = "wasm32")]
pub fn set(name: &str, value: &wasm_bindgen::JsValue) {
    let _ = js_sys::Reflect::set(&js_sys::global(), &wasm_bindgen::JsValue::from_str(name), value);
}
