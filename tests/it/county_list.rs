//! A county's own list: changes checked and dated, a version history, diffs, and the list file.

use time::macros::{date, datetime};
use xieshang::domain::catalogue::{Catalogue, Entry, Hints};
use xieshang::domain::county_list::{self, diff, Difference, ListEdit, ListError, ListFileError};
use xieshang::domain::transfer::ImportError;

fn county() -> Catalogue {
    Catalogue::for_county(&Catalogue::template(), "list-mns", "玛纳斯县", date!(2026 - 11 - 01))
}

fn add(group: &str, name: &str, remark: &str) -> ListEdit {
    ListEdit::AddMatter {
        group: group.into(),
        id: String::new(),
        name: name.into(),
        hints: Hints::default(),
        remark: remark.into(),
    }
}

#[test]
fn a_county_list_starts_from_the_template_with_the_county_in_its_title() {
    let list = county();
    assert_eq!(list.title, "玛纳斯县城乡社区协商事项指导目录清单");
    assert_eq!(list.version, 1);
    assert_eq!(list.based_on.as_ref().unwrap().id, Catalogue::template().id);
    assert_eq!(list.matters().count(), 55);
    let mut template = Catalogue::template();
    assert_eq!(template.apply(add("gongyi", "新事项", ""), date!(2026 - 11 - 02)), Err(ListError::Template));
}

#[test]
fn every_change_raises_the_version_and_is_recorded_with_its_date() {
    let mut list = county();
    list.apply(add("gongyi", "村（社区）老年食堂运营", "本县新增"), date!(2026 - 11 - 02)).unwrap();
    list.apply(
        ListEdit::FillSlot {
            slot: "tpl-32".into(),
            name: "村（社区）小微水利设施管护".into(),
            hints: Hints { technical: true, ..Hints::default() },
            remark: String::new(),
        },
        date!(2026 - 11 - 03),
    )
    .unwrap();
    assert_eq!(list.version, 3);
    assert_eq!(list.dated, Some(date!(2026 - 11 - 03)));
    assert_eq!(list.history.len(), 2);
    assert_eq!(list.history[0].version, 2);
    assert_eq!(list.history[0].on, date!(2026 - 11 - 02));
    let (g, added) = list.matters().find(|(_, m)| m.name == "村（社区）老年食堂运营").unwrap();
    assert_eq!(g.label.as_deref(), Some("公益事业类"));
    assert_eq!(added.id, "list-mns-m1");
    match &list.history[0].edit {
        ListEdit::AddMatter { id, .. } => assert_eq!(id, "list-mns-m1"),
        other => panic!("{other:?}"),
    }
    let (g, filled) = list.matter("tpl-32").unwrap();
    assert_eq!((g.label.as_deref(), filled.number), (Some("公益事业类"), Some(32)));
    assert!(filled.hints.technical);
    assert_eq!(list.matters().count(), 57);
}

#[test]
fn refused_changes_change_nothing() {
    let mut list = county();
    let before = list.clone();
    let on = date!(2026 - 11 - 02);
    assert_eq!(list.apply(add("gongyi", "  ", ""), on), Err(ListError::Empty));
    assert_eq!(list.apply(add("nowhere", "某事项", ""), on), Err(ListError::NotFound("nowhere".into())));
    assert_eq!(list.apply(add("gongyi", &"长".repeat(501), ""), on), Err(ListError::TooLong));
    assert_eq!(
        list.apply(ListEdit::RenameGroup { group: "gongyi".into(), label: "公益事业类".into() }, on),
        Err(ListError::Unchanged)
    );
    assert_eq!(
        list.apply(ListEdit::ResolveFlaw { flaw: "duplicate-budget".into(), note: " ".into() }, on),
        Err(ListError::Empty)
    );
    assert_eq!(
        list.apply(ListEdit::MoveGroup { group: "gongyi".into(), to: 99 }, on),
        Err(ListError::BadPosition)
    );
    // The same matter twice in one category needs a 备注 saying why.
    assert_eq!(
        list.apply(add("gongyi", "村（社区）公益事业基础设施建设及管理", ""), on),
        Err(ListError::Duplicate {
            name: "村（社区）公益事业基础设施建设及管理".into(),
            group: "公益事业类".into()
        })
    );
    assert_eq!(list, before);
    list.apply(add("gongyi", "村（社区）公益事业基础设施建设及管理", "分列村、社区两级"), on).unwrap();
    assert_eq!(list.version, 2);
}

#[test]
fn the_duplicate_is_resolved_with_its_resolution_kept_and_retired_ids_are_never_reused() {
    let mut list = county();
    let on = date!(2026 - 11 - 05);
    list.apply(ListEdit::RetireMatter { matter: "tpl-49".into() }, on).unwrap();
    list.apply(
        ListEdit::ResolveFlaw {
            flaw: "duplicate-budget".into(), note: "保留第42行，停用第49行。".into()
        },
        on,
    )
    .unwrap();
    let flaw = list.flaws.iter().find(|f| f.id == "duplicate-budget").unwrap();
    assert_eq!(flaw.resolution.as_ref().unwrap().note, "保留第42行，停用第49行。");
    assert_eq!(flaw.resolution.as_ref().unwrap().on, on);
    assert_eq!(list.matters().filter(|(_, m)| m.name == "财务预决算").count(), 1);
    let (_, retired) = list.matter("tpl-49").unwrap();
    assert_eq!(retired.retired, Some(on));
    // Ids go on counting; a retired matter keeps its id.
    list.apply(add("qita", "甲", ""), on).unwrap();
    list.apply(ListEdit::RetireMatter { matter: "list-mns-m1".into() }, on).unwrap();
    list.apply(add("qita", "乙", ""), on).unwrap();
    let ids: Vec<String> = list.all_matters().map(|(_, m)| m.id.clone()).collect();
    assert!(ids.contains(&"list-mns-m1".to_owned()) && ids.contains(&"list-mns-m2".to_owned()));
    // 第42行 and 第49行 stand in different categories, so restoring is allowed.
    list.apply(ListEdit::RestoreMatter { matter: "tpl-49".into() }, on).unwrap();
    assert_eq!(list.matters().filter(|(_, m)| m.name == "财务预决算").count(), 2);
}

#[test]
fn reordering_and_renaming_categories_and_rows() {
    let mut list = county();
    let on = date!(2026 - 11 - 06);
    list.apply(ListEdit::RenameGroup { group: "unlabelled".into(), label: "集体经济类".into() }, on).unwrap();
    list.apply(ListEdit::MoveGroup { group: "qita".into(), to: 0 }, on).unwrap();
    list.apply(ListEdit::MoveEntry { entry: "tpl-33".into(), to: 2 }, on).unwrap();
    assert_eq!(list.groups[0].id, "qita");
    let jiandu = list.groups.iter().find(|g| g.id == "jiandu").unwrap();
    assert_eq!(jiandu.entries[2].id(), "tpl-33");
    let d = diff(&Catalogue::template(), &list);
    assert!(d.contains(&Difference::GroupOrder));
    assert!(d.contains(&Difference::GroupLabel { from: None, to: Some("集体经济类".into()) }));
    assert!(d.contains(&Difference::EntryOrder { group: Some("民主监督类".into()) }));
}

#[test]
fn earlier_versions_are_rebuilt_from_the_history_and_compared() {
    let mut list = county();
    list.apply(add("gongyi", "新事项甲", ""), date!(2026 - 11 - 02)).unwrap();
    list.apply(ListEdit::RetireMatter { matter: "tpl-08".into() }, date!(2026 - 11 - 03)).unwrap();
    list.apply(
        ListEdit::EditMatter {
            matter: "tpl-31".into(),
            name: "村（社区）公益事业基础设施建设及管护".into(),
            hints: Hints { cross_village: true, ..Hints::default() },
            remark: "含跨村项目".into(),
        },
        date!(2026 - 11 - 04),
    )
    .unwrap();
    let template = Catalogue::template();
    let v3 = list.at_version(&template, 3).unwrap();
    assert_eq!(v3.version, 3);
    assert_eq!(v3.dated, Some(date!(2026 - 11 - 03)));
    assert_eq!(list.at_version(&template, 4).unwrap(), list);
    let v1 = list.at_version(&template, 1).unwrap();
    assert_eq!(v1.matters().count(), 55);
    assert_eq!((v1.dated, list.created), (Some(date!(2026 - 11 - 01)), Some(date!(2026 - 11 - 01))));
    assert_eq!(list.at_version(&template, 5), None);
    assert_eq!(
        diff(&v3, &list),
        vec![
            Difference::Renamed {
                from: "村（社区）公益事业基础设施建设及管理".into(),
                to: "村（社区）公益事业基础设施建设及管护".into()
            },
            Difference::Annotated { name: "村（社区）公益事业基础设施建设及管护".into() },
        ]
    );
    let all = diff(&template, &list);
    assert!(all
        .contains(&Difference::Added { group: Some("公益事业类".into()), name: "新事项甲".into() }));
    assert!(all.iter().any(|d| matches!(d, Difference::Retired { .. })));
    assert!(all.iter().any(|d| matches!(d, Difference::Title { .. })));
}

#[test]
fn the_list_file_round_trips_and_bad_files_are_refused_with_a_reason() {
    let template = Catalogue::template();
    let mut list = county();
    list.apply(add("gongyi", "新事项甲", ""), date!(2026 - 11 - 02)).unwrap();
    let text = county_list::export(&list, datetime!(2026-11-27 10:00 UTC));
    assert_eq!(county_list::parse(&text, &template).unwrap(), list);
    // A records file is another format.
    let records = r#"{"format":"xieshang-records","version":1,"records":[]}"#;
    assert!(matches!(
        county_list::parse(records, &template),
        Err(ListFileError::File(ImportError::WrongFormat { .. }))
    ));
    let v2 = text.replacen("\"version\": 1", "\"version\": 2", 1);
    assert!(matches!(
        county_list::parse(&v2, &template),
        Err(ListFileError::File(ImportError::UnknownVersion { found: 2 }))
    ));
    assert!(matches!(
        county_list::parse(&text[..text.len() / 2], &template),
        Err(ListFileError::File(ImportError::NotJson { truncated: true, .. }))
    ));
    // A wrong shape is named by its path.
    let bad = text.replacen("\"next_id\": 1", "\"next_id\": \"x\"", 1);
    match county_list::parse(&bad, &template) {
        Err(ListFileError::File(ImportError::Shape { path, .. })) => assert_eq!(path, "catalogue.next_id"),
        other => panic!("{other:?}"),
    }
    // A wrong shape in the history too (it is read in a pass of its own).
    let bad_history = text.replacen("\"on\": \"2026-11-02\"", "\"on\": 20261102", 1);
    assert_ne!(bad_history, text);
    match county_list::parse(&bad_history, &template) {
        Err(ListFileError::File(ImportError::Shape { path, .. })) => {
            assert_eq!(path, "catalogue.history[0].on")
        }
        other => panic!("{other:?}"),
    }
    // An id used twice.
    let twice = text.replacen("\"id\": \"tpl-02\"", "\"id\": \"tpl-01\"", 1);
    assert_eq!(county_list::parse(&twice, &template), Err(ListFileError::DuplicateId("tpl-01".into())));
    // An empty name, named by its place.
    let empty = text.replacen("\"name\": \"新事项甲\"", "\"name\": \" \"", 1);
    assert!(
        matches!(county_list::parse(&empty, &template), Err(ListFileError::Empty(at)) if at.ends_with(".name"))
    );
    // A list whose history does not lead to it (edited by hand, or a version left out).
    let forged = text.replacen("\"name\": \"新事项甲\"", "\"name\": \"新事项乙\"", 1);
    assert_eq!(county_list::parse(&forged, &template), Err(ListFileError::History));
    let gap = text.replacen("\"version\": 2,\n", "\"version\": 3,\n", 1);
    assert!(county_list::parse(&gap, &template).is_err());
    // The bare template is not a county's list.
    let bare = county_list::export(&template, datetime!(2026-11-27 10:00 UTC));
    assert_eq!(county_list::parse(&bare, &template), Err(ListFileError::Template));
    // Markup stays text.
    let mut marked = county();
    marked.apply(add("gongyi", "<script>alert(1)</script>", ""), date!(2026 - 11 - 02)).unwrap();
    let back = county_list::parse(&county_list::export(&marked, datetime!(2026-11-27 10:00 UTC)), &template)
        .unwrap();
    assert!(back.matters().any(|(_, m)| m.name == "<script>alert(1)</script>"));
    assert!(matches!(back.groups[3].entries.last(), Some(Entry::Matter(_))));
}

#[test]
fn the_history_is_read_only_where_it_is_asked_for() {
    let mut list = county();
    list.apply(add("gongyi", "新事项甲", ""), date!(2026 - 11 - 02)).unwrap();
    let stored = serde_json::to_string(&list).unwrap();
    assert!(stored.contains("\"history\""), "written with the list");
    assert_eq!(Catalogue::from_json(&stored).unwrap(), list);
    // What only shows the list reads it without its history (and never stores it back).
    let shown = Catalogue::from_json_without_history(&stored).unwrap();
    assert!(shown.history.is_empty());
    assert_eq!(shown.version, list.version);
    assert_eq!(shown.matters().count(), list.matters().count());
}
