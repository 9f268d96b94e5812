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
