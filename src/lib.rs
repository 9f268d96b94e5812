//! 协商 (Xieshang): a browser-only workbench for urban and rural community consultation
//! (城乡社区协商). The crate is a library so that tests can reach every part; `main.rs` only
//! starts the UI.
//!
//! - [`domain`]: the engine — catalogue, procedure, record, validation, stage gates. Pure Rust.
//! - [`i18n`]: the one translation layer for UI strings.
//! - [`globals`]: the page's JavaScript globals the modules and the build's scripts share.
//! - `ui` (wasm only): Yew components that render the engine's data and reports.

pub mod domain;
pub mod globals;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// Every wasm module of the app (the app's, the extras', the Word worker's) allocates with Talc
/// rather than the default dlmalloc: smaller code in the module every first visit downloads, and
/// faster. The modules are single-threaded (no `atomics`), which Talc's cell requires.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
