//! The default catalogue reproduces the template verbatim and flags its flaws.

use xieshang::domain::catalogue::{Catalogue, Entry, FlawKind};

const NOTICE: &str = include_str!("../../data/notice.txt");

/// The attachment's table rows as they stand in the notice: (序号, 类别 cell, 事项).
fn source_rows() -> Vec<(Option<u32>, String, String)> {
    let mut lines = NOTICE.lines().skip_while(|l| !l.starts_with("序号\t"));
    lines.next();
    lines
        .filter(|l| l.contains('\t'))
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            (cells[0].trim().parse().ok(), cells[1].trim().to_owned(), cells[2].trim().to_owned())
        })
        .collect()
}

#[test]
fn holds_the_55_matters_verbatim_in_order() {
    let catalogue = Catalogue::template();
    let expected: Vec<(Option<u32>, String)> = source_rows()
        .into_iter()
        .filter(|(_, _, name)| !name.is_empty())
        .map(|(n, _, name)| (n, name))
        .collect();
    let actual: Vec<(Option<u32>, String)> =
        catalogue.matters().map(|(_, m)| (m.number, m.name.clone())).collect();
    assert_eq!(expected.len(), 55);
    assert_eq!(actual, expected);
}

#[test]
fn every_source_row_is_a_row_of_the_catalogue_blank_ones_as_slots() {
    let catalogue = Catalogue::template();
    let rows: Vec<(Option<u32>, bool)> = catalogue
        .groups
        .iter()
        .flat_map(|g| &g.entries)
        .map(|e| match e {
            Entry::Matter(m) => (m.number, true),
            Entry::Slot(s) => (s.number, false),
        })
        .collect();
    let source: Vec<(Option<u32>, bool)> =
        source_rows().into_iter().map(|(n, _, name)| (n, !name.is_empty())).collect();
    assert_eq!(rows, source);
}

#[test]
fn categories_in_the_order_of_the_template_one_unlabelled() {
    let catalogue = Catalogue::template();
    let labels: Vec<Option<&str>> = catalogue.groups.iter().map(|g| g.label.as_deref()).collect();
    assert_eq!(
        labels,
        vec![
            Some("制度建设类"),
            Some("公共事务类"),
            Some("为民服务类"),
            Some("公益事业类"),
            Some("民主监督类"),
            Some("村（居）务管理类"),
            None,
            Some("党务服务管理"),
            Some("其他类"),
        ]
    );
    // Every category label of the source table is one of ours.
    for (_, cell, _) in source_rows() {
        if !cell.is_empty() {
            assert!(labels.contains(&Some(cell.as_str())), "{cell}");
        }
    }
    let ranges = [(1, 6), (7, 16), (17, 21), (22, 32), (33, 39), (40, 48), (49, 51), (53, 54), (55, 56)];
    for (group, (lo, hi)) in catalogue.groups.iter().zip(ranges) {
        let numbers: Vec<u32> = group
            .entries
            .iter()
            .filter_map(|e| match e {
                Entry::Matter(m) => m.number,
                Entry::Slot(s) => s.number,
            })
            .collect();
        assert_eq!(numbers, (lo..=hi).collect::<Vec<_>>(), "{:?}", group.label);
    }
}

#[test]
fn flaws_are_flagged_not_fixed() {
    let c = Catalogue::template();
    let kinds_of = |id: &str| c.flaws_of(id).map(|f| f.kind).collect::<Vec<_>>();
    for slot in ["tpl-32", "tpl-39", "tpl-48"] {
        assert_eq!(kinds_of(slot), vec![FlawKind::BlankSlot], "{slot}");
    }
    assert_eq!(c.matter("tpl-42").unwrap().1.name, "财务预决算");
    assert_eq!(c.matter("tpl-49").unwrap().1.name, "财务预决算");
    assert_eq!(kinds_of("tpl-42"), vec![FlawKind::Duplicate]);
    assert_eq!(kinds_of("tpl-49"), vec![FlawKind::Duplicate]);
    assert!(c.matters().all(|(_, m)| m.number != Some(52)));
    assert!(kinds_of("unlabelled").contains(&FlawKind::MissingNumber));
    assert!(kinds_of("unlabelled").contains(&FlawKind::UnlabelledGroup));
    let unnumbered: Vec<&str> =
        c.matters().filter(|(_, m)| m.number.is_none()).map(|(_, m)| m.name.as_str()).collect();
    assert_eq!(unnumbered, ["集体资产处置", "村（社区）级收益分配", "村（居）财务安排及大额资金的管理使用"]);
    for (_, m) in c.matters().filter(|(_, m)| m.number.is_none()) {
        assert_eq!(kinds_of(&m.id), vec![FlawKind::Unnumbered]);
    }
    let (_, row8) = c.matter("tpl-08").unwrap();
    assert!(row8.name.ends_with('。'), "the stray 。 is kept");
    assert_eq!(kinds_of("tpl-08"), vec![FlawKind::StrayPunctuation]);
    // Only those rows carry flags.
    let flagged: Vec<&str> =
        c.matters().filter(|(_, m)| c.flaws_of(&m.id).next().is_some()).map(|(_, m)| m.id.as_str()).collect();
    assert_eq!(flagged, ["tpl-08", "tpl-42", "tpl-49", "tpl-51a", "tpl-51b", "tpl-51c"]);
}

#[test]
fn the_template_sets_no_hints_and_no_remarks() {
    let c = Catalogue::template();
    assert!(c.matters().all(|(_, m)| m.hints.is_empty() && m.remark.is_empty()));
}

#[test]
fn ids_are_stable_and_unique() {
    let c = Catalogue::template();
    let (_, m) = c.matter("tpl-27").unwrap();
    assert_eq!(m.name, "门禁改造、视频监控、电子快递柜、充电桩设立");
    let mut ids: Vec<&str> = c.groups.iter().flat_map(|g| g.entries.iter().map(|e| e.id())).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n);
}

#[test]
fn search_finds_chinese_substrings_in_matters_and_categories() {
    let c = Catalogue::template();
    let names = |q| c.search(q).map(|(_, m)| m.name.clone()).collect::<Vec<_>>();
    assert_eq!(names("充电桩"), ["门禁改造、视频监控、电子快递柜、充电桩设立"]);
    assert_eq!(names("财务预决算").len(), 2);
    assert_eq!(names("为民服务类").len(), 5);
    assert_eq!(names("").len(), 55);
    assert!(names("不存在的事项").is_empty());
}

#[test]
fn bad_catalogue_data_is_rejected() {
    use xieshang::domain::catalogue::CatalogueError;
    let mut c = Catalogue::template();
    let dup = c.groups[0].entries[0].clone();
    c.groups[0].entries.push(dup);
    let text = serde_json::to_string(&c).unwrap();
    assert_eq!(Catalogue::from_json(&text), Err(CatalogueError::DuplicateId("tpl-01".into())));
    let mut c = Catalogue::template();
    c.flaws[0].refs.push("nowhere".into());
    let text = serde_json::to_string(&c).unwrap();
    assert_eq!(Catalogue::from_json(&text), Err(CatalogueError::DanglingRef("nowhere".into())));
    assert!(matches!(Catalogue::from_json("{"), Err(CatalogueError::Parse(_))));
}

#[test]
fn rows_are_read_as_they_are_written_and_a_bad_row_is_refused() {
    use xieshang::domain::catalogue::{CatalogueError, Hints};
    // A county's list with every kind of row and every field a matter may carry.
    let mut c = Catalogue::template();
    if let Entry::Matter(m) = &mut c.groups[0].entries[0] {
        m.hints = Hints { cross_village: true, technical: false, wide_reaching: true };
        m.remark = "县（市）补充".into();
        m.retired = Some(time::macros::date!(2026 - 11 - 27));
    }
    let text = serde_json::to_string(&c).unwrap();
    assert!(text.contains(r#""kind":"matter""#) && text.contains(r#""kind":"slot""#));
    assert_eq!(Catalogue::from_json(&text).unwrap(), c);
    assert_eq!(Catalogue::from_json_without_history(&text).unwrap(), c);

    // A matter without its name, a row of an unknown kind, a row without a kind.
    let row = serde_json::to_string(&c.groups[0].entries[0]).unwrap();
    for bad in [
        row.replace(r#""name":"#, r#""title":"#),
        row.replace(r#""kind":"matter""#, r#""kind":"other""#),
        row.replace(r#""kind":"matter","#, ""),
    ] {
        assert_ne!(bad, row);
        let broken = text.replacen(&row, &bad, 1);
        assert!(matches!(Catalogue::from_json(&broken), Err(CatalogueError::Parse(_))), "{bad}");
    }
}
