//! The JSON Schema of the export file is generated from the Rust types and kept in the
//! repository (and shipped with the app); this test fails when they drift apart.

#[cfg(feature = "schema")]
#[test]
fn the_published_schema_matches_the_types() {
    let generated = std::process::Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", "schema", "--features", "schema"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(generated.status.success(), "{}", String::from_utf8_lossy(&generated.stderr));
    let published =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schema/xieshang-records.schema.json"))
            .expect("schema/xieshang-records.schema.json exists");
    assert_eq!(
        String::from_utf8_lossy(&generated.stdout),
        published,
        "regenerate: cargo run --example schema --features schema > schema/xieshang-records.schema.json"
    );
}

#[test]
fn the_published_schema_describes_an_export() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schema/xieshang-records.schema.json"))
            .unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let required: Vec<&str> =
        schema["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    for field in ["format", "version", "exported_at", "generator", "records"] {
        assert!(required.contains(&field), "{field}");
    }
    for def in ["Record", "Party", "Value", "AuditEntry", "Opinion"] {
        assert!(schema["$defs"][def].is_object(), "{def}");
    }
}
