//! Architecture invariants written as absences: the domain (and the translation layer it uses)
//! knows nothing of Yew, the browser or storage, and never reads a clock.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_domain_has_no_web_imports() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/domain"), &mut files);
    files.push(root.join("src/i18n.rs"));
    assert!(files.len() >= 6);
    let banned = [
        "yew",
        "web_sys",
        "js_sys",
        "wasm_bindgen",
        "gloo",
        "indexed_db",
        "localStorage",
        "SystemTime",
        "now_utc",
        "now_local",
        "Instant::now",
    ];
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for word in banned {
            assert!(!text.contains(word), "{} mentions {word}", file.display());
        }
    }
}

#[test]
fn every_module_says_what_it_owns() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.trim_start().starts_with("//!"), "{} has no //! line", file.display());
    }
}

#[test]
fn the_pages_js_globals_are_named_in_one_place() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The build's scripts use only the names `globals` gives…
    let mut used = std::collections::BTreeSet::new();
    for script in [
        "scripts/postbuild.mjs",
        "scripts/start.js",
        "scripts/modules.js",
        "scripts/single.mjs",
        "scripts/browser-check.js",
        "scripts/unsupported.js",
        "scripts/first-view.js",
    ] {
        let text = std::fs::read_to_string(root.join(script)).unwrap();
        for (at, _) in text.match_indices("__xieshang") {
            let name: String =
                text[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            assert!(xieshang::globals::ALL.contains(&name.as_str()), "{script} uses {name}, not in globals");
            used.insert(name);
        }
    }
    assert!(used.len() >= 4, "{used:?}");
    // The first view's id and attributes, likewise.
    let first_view = |script: &str| std::fs::read_to_string(root.join(script)).unwrap();
    assert!(first_view("scripts/prerender.mjs")
        .contains(&format!("FIRST_ID = '{}'", xieshang::globals::FIRST_VIEW)));
    let shows = first_view("scripts/first-view.js");
    assert!(shows.contains(&format!("getElementById('{}')", xieshang::globals::FIRST_VIEW)));
    for attribute in xieshang::globals::FIRST_VIEW_PRESSED {
        assert!(shows.contains(&format!("'{attribute}'")), "scripts/first-view.js does not set {attribute}");
    }
    // …and no Rust file but `globals.rs` spells one out.
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    for file in files.iter().filter(|f| !f.ends_with("globals.rs")) {
        let text = std::fs::read_to_string(file).unwrap();
        assert!(!text.contains("__xieshang"), "{} spells out a global's name", file.display());
    }
}
