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
    rust_files(&root.join("src/i18n"), &mut files);
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
        "scripts/embed.js",
        "scripts/sw.js",
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

/// The engine's layers, bottom up: the core knows no language; the presentation (the translation
/// layer, the documents and what is printed from them) stands on the core; the UI (`ui`, `ui::*`)
/// on both. Every module under `src/domain/` is in one of the two lists. A folder's files are
/// its module's: `domain/record/` holds the record with its gates and its validation.
const CORE: [&str; 15] = [
    "globals",
    "domain::when",
    "domain::procedure",
    "domain::file",
    "domain::text",
    "domain::catalogue",
    "domain::county_list",
    "domain::settings",
    "domain::record",
    "domain::ledger",
    "domain::opinion",
    "domain::transfer",
    "domain::sample",
    "domain::training",
    "domain::session",
];
const PRESENTATION: [&str; 5] =
    ["i18n", "domain::documents", "domain::overview", "domain::docx", "domain::verify"];

/// The code without its comments (`//`, `///`, `//!` to the end of the line; string literals
/// are left, none of them holds a path).
fn code_of(text: &str) -> String {
    text.lines().map(|l| l.find("//").map_or(l, |i| &l[..i])).collect::<Vec<_>>().join("\n")
}

/// The module a file of `src/` is (`domain/record/gates.rs` is `domain::record::gates`), and the
/// unit it belongs to (`domain::record`); `None` for the entry points and the module maps.
fn module_of(rel: &str) -> Option<(String, String)> {
    let rel = rel.strip_suffix(".rs")?;
    if matches!(rel, "lib" | "main" | "domain/mod") || rel.starts_with("bin/") {
        return None;
    }
    let path = rel.strip_suffix("/mod").unwrap_or(rel).replace('/', "::");
    // A unit is a module of `domain` or `ui` (`domain::record`), or a module of the crate itself
    // (`i18n`, whose folder's files are its own).
    let depth = if path.starts_with("domain::") || path.starts_with("ui::") { 2 } else { 1 };
    let unit = path.split("::").take(depth).collect::<Vec<_>>().join("::");
    Some((path, unit))
}

/// Every path a module's code names, made absolute: `crate::a::b`, `super::a` (from the module's
/// parent) and each member of a group (`crate::domain::{record::Edit, Catalogue}`).
fn paths_named(code: &str, module: &str) -> Vec<String> {
    let parent = module.rsplit_once("::").map_or("", |(p, _)| p);
    let mut out = Vec::new();
    for (prefix, base) in [("crate::", String::new()), ("super::", parent.to_owned())] {
        for (at, _) in code.match_indices(prefix) {
            if code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let rest = &code[at + prefix.len()..];
            let path: String =
                rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
            let path = path.trim_end_matches(':');
            let absolute = if base.is_empty() { path.to_owned() } else { format!("{base}::{path}") };
            let after = &rest[path.len()..];
            if let Some(group) = after.strip_prefix("::{") {
                let group = &group[..group.find('}').unwrap_or(group.len())];
                for member in group.split(',').map(str::trim).filter(|m| !m.is_empty() && *m != "self") {
                    out.push(format!("{absolute}::{member}"));
                }
            }
            out.push(absolute);
        }
    }
    out
}

#[test]
fn layers_point_one_way_and_modules_form_no_cycle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    // What `domain/mod.rs` re-exports (`pub use record::{gates, Edit}`), by the unit it is in.
    let map = code_of(&std::fs::read_to_string(src.join("domain/mod.rs")).unwrap());
    let mut aliases = std::collections::BTreeMap::new();
    for line in map.lines().filter_map(|l| l.trim().strip_prefix("pub use ")) {
        let unit = format!("domain::{}", line.split("::").next().unwrap());
        let names = line.rsplit_once("::").map_or(line, |(_, n)| n);
        for name in names.trim_end_matches(';').trim_matches(|c| c == '{' || c == '}').split(',') {
            aliases.insert(format!("domain::{}", name.trim()), unit.clone());
        }
    }
    let mut units = std::collections::BTreeMap::<String, std::collections::BTreeSet<String>>::new();
    let mut code_by_unit = std::collections::BTreeMap::<String, String>::new();
    let modules: Vec<(String, String, String)> = files
        .iter()
        .filter_map(|f| {
            let rel = f.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
            let (module, unit) = module_of(&rel)?;
            Some((module, unit, code_of(&std::fs::read_to_string(f).unwrap())))
        })
        .collect();
    for (_, unit, code) in &modules {
        units.entry(unit.clone()).or_default();
        code_by_unit.entry(unit.clone()).or_default().push_str(code);
    }
    let resolve = |path: &str| -> Option<String> {
        if let Some(unit) =
            aliases.iter().find(|(a, _)| path == a.as_str() || path.starts_with(&format!("{a}::")))
        {
            return Some(unit.1.clone());
        }
        units
            .keys()
            .filter(|u| path == u.as_str() || path.starts_with(&format!("{u}::")))
            .max_by_key(|u| u.len())
            .cloned()
    };
    let mut uses = std::collections::BTreeMap::<String, std::collections::BTreeSet<String>>::new();
    for (module, unit, code) in &modules {
        for path in paths_named(code, module) {
            let Some(to) = resolve(&path) else { continue };
            // A module's own unit, and the parent it is declared in (`ui` for `ui::editor`), are
            // not dependencies between modules.
            if to == *unit || unit.starts_with(&format!("{to}::")) {
                continue;
            }
            uses.entry(unit.clone()).or_default().insert(to);
        }
    }
    // Every module of the domain has a layer; each uses only its own layer and those below.
    let layer = |unit: &str| -> usize {
        if CORE.contains(&unit) {
            0
        } else if PRESENTATION.contains(&unit) {
            1
        } else {
            assert!(
                unit == "ui" || unit.starts_with("ui::"),
                "{unit} is in no layer: add it to CORE or PRESENTATION"
            );
            2
        }
    };
    for (from, tos) in &uses {
        for to in tos {
            assert!(layer(to) <= layer(from), "{from} uses {to}, a layer above it");
        }
    }
    // The core knows no language.
    for unit in CORE {
        let code = code_by_unit.get(unit).unwrap_or_else(|| panic!("no module {unit}"));
        for word in ["i18n", "Lang"] {
            let found = code.match_indices(word).any(|(at, _)| {
                let before = code[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_');
                let after =
                    code[at + word.len()..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_');
                !before && !after
            });
            assert!(!found, "{unit} (core) names {word}");
        }
    }
    // No cycle: a depth-first walk that meets a module still on its path has found one.
    fn walk<'a>(
        at: &'a str,
        uses: &'a std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut std::collections::BTreeSet<&'a str>,
    ) {
        if let Some(i) = path.iter().position(|p| *p == at) {
            panic!("modules in a cycle: {} → {at}", path[i..].join(" → "));
        }
        if !done.insert(at) {
            return;
        }
        path.push(at);
        for next in uses.get(at).into_iter().flatten() {
            walk(next, uses, path, done);
        }
        path.pop();
    }
    let mut done = std::collections::BTreeSet::new();
    for unit in units.keys() {
        walk(unit, &uses, &mut Vec::new(), &mut done);
    }
    assert!(units.len() > 30 && uses.values().map(|u| u.len()).sum::<usize>() > 60, "{uses:?}");
}
