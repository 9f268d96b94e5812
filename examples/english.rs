//! Writes the English file the browser fetches when English is chosen: the UI strings in the
//! order of `i18n::Key` and the data's labels (`data/en.json`).
//!   cargo run --example english > assets/english.json
fn main() {
    let file = xieshang::i18n::EnglishFile {
        ui: xieshang::i18n::EN_UI.iter().map(|s| (*s).to_owned()).collect(),
        data: serde_json::value::to_raw_value(
            &serde_json::from_str::<serde_json::Value>(xieshang::i18n::EN_JSON).expect("data/en.json reads"),
        )
        .expect("written"),
    };
    println!("{}", serde_json::to_string(&file).expect("the English file is written"));
}
