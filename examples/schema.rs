//! Prints the JSON Schema of the export file, generated from the Rust types:
//! `cargo run --example schema --features schema > schema/xieshang-records.schema.json`.

fn main() {
    #[cfg(feature = "schema")]
    {
        let mut schema = schemars::schema_for!(xieshang::domain::transfer::Envelope);
        schema.insert("$id".into(), "https://xieshang.invalid/schema/xieshang-records.schema.json".into());
        schema.insert("title".into(), "协商工作台导出文件 (xieshang-records, version 1)".into());
        println!("{}", serde_json::to_string_pretty(&schema).expect("schema"));
    }
    #[cfg(not(feature = "schema"))]
    eprintln!("build with --features schema");
}
