//! The English labels of the data (`data/en.json`) cover every id of the procedure and of the
//! template catalogue, and rule messages keep their placeholders.

use std::collections::BTreeSet;
use xieshang::domain::{Catalogue, Entry, Procedure};
use xieshang::i18n::{self, en, Data, Lang};

fn set<'a>(ids: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
    ids.map(str::to_owned).collect()
}

#[test]
fn every_label_of_the_procedure_and_the_template_has_its_english() {
    let p = Procedure::standard();
    let c = Catalogue::template();
    let en = en();
    assert_eq!(set(en.ids(Data::Stage)), set(p.stages.iter().map(|s| s.id.as_str())));
    assert_eq!(set(en.ids(Data::Item)), set(p.stages.iter().flat_map(|s| &s.items).map(|i| i.id.as_str())));
    assert_eq!(
        set(en.ids(Data::Field)),
        set(p.stages.iter().flat_map(|s| &s.items).flat_map(|i| &i.fields).map(|f| f.id.as_str()))
    );
    for (list, options) in &p.lists {
        assert_eq!(set(en.option_ids(list)), set(options.iter().map(|o| o.id.as_str())), "list {list}");
    }
    let groups = set(p.lists.values().flatten().filter_map(|o| o.group.as_deref()));
    assert_eq!(set(en.option_group_ids()), groups);
    assert_eq!(set(en.rule_ids()), set(p.rules.iter().map(|r| r.id.as_str())));
    assert_eq!(set(en.ids(Data::Clause)), set(p.clauses.iter().map(|c| c.id.as_str())));
    assert_eq!(
        set(en.ids(Data::Group)),
        set(c.groups.iter().filter(|g| g.label.is_some()).map(|g| g.id.as_str()))
    );
    let matters = c.groups.iter().flat_map(|g| &g.entries).filter_map(|e| match e {
        Entry::Matter(m) => Some(m.id.as_str()),
        _ => None,
    });
    assert_eq!(set(en.ids(Data::Matter)), set(matters));
    assert_eq!(set(en.ids(Data::Flaw)), set(c.flaws.iter().map(|f| f.id.as_str())));
    assert!(!en.catalogue_title.is_empty());
}

#[test]
fn labels_follow_the_language_and_a_county_wording_stays_as_written() {
    let p = Procedure::standard();
    let s1 = &p.stages[0];
    assert_eq!(i18n::data(Lang::Zh, Data::Stage, &s1.id, &s1.title), "确定议题");
    assert_eq!(i18n::data(Lang::En, Data::Stage, &s1.id, &s1.title), "Set the topic");
    let (_, m) = Catalogue::template().matter("tpl-27").map(|(g, m)| (g.clone(), m.clone())).expect("tpl-27");
    let english = i18n::matter_name(Lang::En, Some("tpl-27"), &m.name).to_owned();
    assert!(english.is_ascii() || !english.contains('门'), "{english}");
    assert_ne!(english, m.name);
    assert_eq!(i18n::matter_name(Lang::En, Some("tpl-27"), "门禁改造（本县表述）"), "门禁改造（本县表述）");
    assert_eq!(i18n::matter_name(Lang::En, None, "其他事项"), "其他事项");
    // The category of a matter the list does not name is data (stored the same whatever the
    // interface's language), shown in the interface's language.
    let other = xieshang::domain::catalogue::OTHER_MATTER;
    assert_eq!(i18n::category_name(Lang::Zh, None, other), "其他事项");
    assert_eq!(i18n::category_name(Lang::En, None, other), "Other matter");
}

#[test]
fn english_counts_of_one_are_singular() {
    use xieshang::i18n::{t, tf, tn, Key};
    // A count's two keys: the English for one and for any other number; one Chinese for both.
    let pairs = [
        [Key::StepProblemsOne, Key::StepProblems],
        [Key::GateErrorsOne, Key::GateErrors],
        [Key::ExportedNOne, Key::ExportedN],
        [Key::SuperviseOverdueOne, Key::SuperviseOverdue],
        [Key::ListSummaryOne, Key::ListSummary],
    ];
    for [one, other] in pairs {
        assert_eq!(t(Lang::Zh, one), t(Lang::Zh, other));
        assert_ne!(t(Lang::En, one), t(Lang::En, other));
    }
    assert_eq!(tn(Lang::En, pairs[0], 1, &[&1]), "1 problem");
    assert_eq!(tn(Lang::En, pairs[0], 2, &[&2]), "2 problems");
    assert_eq!(tn(Lang::En, pairs[0], 0, &[&0]), "0 problems");
    assert_eq!(tn(Lang::En, pairs[2], 1, &[&1]), "Exported 1 record.");
    assert!(tn(Lang::En, pairs[1], 1, &[&1]).starts_with("1 problem remains in this stage"));
    assert!(tn(Lang::En, pairs[1], 3, &[&3]).starts_with("3 problems remain in this stage"));
    assert_eq!(tn(Lang::En, pairs[3], 1, &[&1]), "1 day overdue");
    assert_eq!(tn(Lang::Zh, pairs[0], 1, &[&1]), "1个问题");
    // Other words after a count of one stay as written (the text is never rewritten).
    assert!(tf(Lang::En, Key::ConflictBody, &[&1]).starts_with("Revision 1 was saved elsewhere."));
}

#[test]
fn every_key_has_its_two_strings_with_the_same_placeholders() {
    use xieshang::i18n::{t, Key, EN_UI, KEY_COUNT, ZH_UI};
    assert_eq!(ZH_UI.len(), KEY_COUNT);
    assert_eq!(EN_UI.len(), KEY_COUNT);
    for (i, (zh, en)) in ZH_UI.iter().zip(EN_UI).enumerate() {
        assert!(!zh.is_empty() && !en.is_empty(), "key {i}");
        assert_eq!(zh.matches("{}").count(), en.matches("{}").count(), "key {i}: {zh} / {en}");
    }
    // A key is its Chinese and its place in the English file's order.
    assert_eq!(t(Lang::Zh, Key::AppTitle), ZH_UI[0]);
    assert_eq!(t(Lang::En, Key::AppTitle), EN_UI[0]);
    assert_eq!(t(Lang::Zh, Key::Retry), "重试");
    assert_eq!(t(Lang::En, Key::Retry), "Try again");
}

#[test]
fn the_english_file_the_browser_fetches_is_this_build_s() {
    let file = xieshang::i18n::EnglishFile {
        ui: xieshang::i18n::EN_UI.iter().map(|s| (*s).to_owned()).collect(),
        data: serde_json::value::to_raw_value(
            &serde_json::from_str::<serde_json::Value>(xieshang::i18n::EN_JSON).unwrap(),
        )
        .unwrap(),
    };
    let expected = serde_json::to_string(&file).unwrap() + "\n";
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/english.json")).unwrap();
    assert!(
        committed == expected,
        "assets/english.json is out of date: run `cargo run --example english > assets/english.json`"
    );
    assert!(xieshang::i18n::install_english(&committed));
    // Another build's file (another number of strings) is refused.
    let mut other: serde_json::Value = serde_json::from_str(&committed).unwrap();
    other["ui"].as_array_mut().unwrap().pop();
    assert!(!xieshang::i18n::install_english(&other.to_string()));
    assert!(!xieshang::i18n::install_english("{"));
}

#[test]
fn the_reader_s_complaints_about_a_file_are_put_into_chinese() {
    use xieshang::i18n::reader_detail;
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Row {
        #[serde(with = "xieshang::domain::when::date_format")]
        date: time::Date,
        number: u32,
        kind: Kind,
        done: bool,
    }
    #[derive(serde::Deserialize, Debug)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Matter,
        Slot,
    }
    let said = |text: &str| serde_json::from_str::<Row>(text).unwrap_err().to_string();
    let cases = [
        (
            r#"{"date":"2026-02-30","number":1,"kind":"slot","done":true}"#,
            "文字“2026-02-30”无效，应为日期（YYYY-MM-DD）",
        ),
        (r#"{"date":"2026-02-03","kind":"slot","done":true}"#, "缺少“number”"),
        (r#"{"date":"2026-02-03","number":"一","kind":"slot","done":true}"#, "应为非负整数，实为文字“一”"),
        (
            r#"{"date":"2026-02-03","number":1,"kind":"row","done":true}"#,
            "“row”不是可用的取值（可用：matter、slot）",
        ),
        (
            r#"{"date":"2026-02-03","number":1,"kind":"slot","done":"yes"}"#,
            "应为是非值（true 或 false），实为文字“yes”",
        ),
        (r#"{"date":"2026-02-03","number":-1,"kind":"slot","done":true}"#, "整数-1无效，应为非负整数"),
    ];
    for (text, words) in cases {
        let english = said(text);
        let chinese = reader_detail(Lang::Zh, &english);
        assert!(chinese.starts_with(words), "{english} → {chinese}");
        assert!(chinese.contains("行第") && chinese.ends_with("列）"), "{chinese}: where the reader stopped");
        for word in ["invalid", "expected", "missing", "variant", "line", "column"] {
            assert!(!chinese.contains(word), "{chinese}");
        }
        // In English the reader's own words stand.
        assert_eq!(reader_detail(Lang::En, &english), english);
    }
    // The program's type names never reach the user (seen in mutated files).
    for (english, words) in [
        (
            "invalid type: string \"x\", expected adjacently tagged enum Value",
            "应为可用的取值之一，实为文字“x”",
        ),
        ("invalid type: integer `5`, expected variant identifier", "应为可用的名称，实为整数5"),
        ("invalid type: map, expected struct ProcedureRef", "应为对象，实为对象"),
        ("invalid type: sequence, expected a tuple of size 2", "应为列表，实为列表"),
        ("number out of range", "数字超出本工作台能处理的范围"),
        ("invalid type: floating point `1.5`, expected string or map", "应为文字或对象，实为小数1.5"),
    ] {
        assert_eq!(reader_detail(Lang::Zh, english), words, "{english}");
    }
    // A long text is not repeated whole.
    let long = format!("invalid type: string \"{}\", expected struct Facts", "x".repeat(25_000));
    assert_eq!(reader_detail(Lang::Zh, &long), format!("应为对象，实为文字“{}……”", "x".repeat(40)));
    // A message it does not know is not shown in English.
    assert_eq!(reader_detail(Lang::Zh, "something else"), "内容不符合规定的形式");
    assert_eq!(reader_detail(Lang::Zh, "缺少“x”"), "缺少“x”");
}
