//! The procedure data: five stages in the notice's order, every item citing a clause whose words
//! it quotes verbatim, every reference resolving.

use xieshang::domain::procedure::{FieldKind, Procedure, ProcedureError, Requirement};

const NOTICE: &str = include_str!("../../data/notice.txt");

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn five_stages_of_the_notice_in_order() {
    let p = Procedure::standard();
    let stages: Vec<(&str, &str, &str)> =
        p.stages.iter().map(|s| (s.id.as_str(), s.title.as_str(), s.clause.as_str())).collect();
    assert_eq!(
        stages,
        [
            ("s1", "确定议题", "二（四）1"),
            ("s2", "公示信息", "二（四）2"),
            ("s3", "开展协商", "二（四）3"),
            ("s4", "公开成果", "二（四）4"),
            ("s5", "运用协商成果", "二（五）"),
        ]
    );
}

#[test]
fn clauses_are_quoted_verbatim_from_the_notice() {
    let p = Procedure::standard();
    let notice = squeeze(NOTICE);
    for clause in &p.clauses {
        if clause.id == "县（市）规定" {
            continue; // not a clause of the notice: the county's own numbers
        }
        assert!(notice.contains(&squeeze(&clause.text)), "clause {} is not verbatim", clause.id);
    }
    for stage in &p.stages {
        for item in &stage.items {
            let clause = p.clause(&item.clause).expect("clause exists");
            assert!(
                squeeze(&clause.text).contains(&squeeze(&item.quote)),
                "item {} quotes words not in {}",
                item.id,
                item.clause
            );
            assert!(!item.label.is_empty());
        }
    }
}

#[test]
fn every_kind_of_requirement_and_field_is_used() {
    let p = Procedure::standard();
    let items: Vec<_> = p.stages.iter().flat_map(|s| &s.items).collect();
    assert!(items.iter().any(|i| i.requirement == Requirement::Required));
    assert!(items.iter().any(|i| i.requirement == Requirement::Optional));
    assert!(items.iter().any(|i| matches!(i.requirement, Requirement::When { .. })));
    let kinds: Vec<&FieldKind> = p.fields().map(|(_, _, f)| &f.kind).collect();
    for wanted in ["text", "longtext", "date", "datetime", "choice", "multichoice", "yesno", "parties"] {
        assert!(
            kinds.iter().any(|k| serde_json::to_value(k).unwrap()["type"] == wanted),
            "no field of kind {wanted}"
        );
    }
}

#[test]
fn the_forms_of_consultation_are_those_of_clause_2_3() {
    let p = Procedure::standard();
    let clause = squeeze(&p.clause("二（三）").unwrap().text);
    for form in &p.lists["forms"] {
        if form.id != "other" {
            assert!(clause.contains(&form.label), "{} is not in 二（三）", form.label);
        }
    }
    let roles = squeeze(&p.clause("二（二）").unwrap().text);
    for role in &p.lists["roles"] {
        let found =
            roles.contains(&role.label) || squeeze(NOTICE).contains(&role.label) || role.id == "other";
        assert!(found, "role {} is not named in the notice", role.label);
    }
}

#[test]
fn broken_procedure_data_is_rejected() {
    let good =
        serde_json::from_str::<serde_json::Value>(xieshang::domain::procedure::PROCEDURE_JSON).unwrap();
    let cases: Vec<(&str, Box<dyn Fn(&mut serde_json::Value)>)> = vec![
        (
            "unknown list",
            Box::new(|v| v["stages"][0]["items"][0]["fields"][0]["kind"]["list"] = "nope".into()),
        ),
        ("duplicate item", Box::new(|v| v["stages"][1]["items"][0]["id"] = "s1.ledger".into())),
        ("unknown clause", Box::new(|v| v["stages"][0]["items"][0]["clause"] = "九（九）".into())),
        ("rule on unknown role", Box::new(|v| v["rules"][1]["check"]["roles"][0] = "wizard".into())),
        ("date rule on a text field", Box::new(|v| v["rules"][7]["check"]["before"] = "topic".into())),
        (
            "form rule on an unknown form",
            Box::new(|v| v["rules"][3]["check"]["forms"][0] = "tea_party".into()),
        ),
    ];
    for (name, spoil) in cases {
        let mut v = good.clone();
        spoil(&mut v);
        let result = Procedure::from_json(&v.to_string());
        assert!(
            matches!(result, Err(ProcedureError::Unknown(_) | ProcedureError::DuplicateId(_))),
            "{name}: {result:?}"
        );
    }
    assert!(Procedure::from_json(&good.to_string()).is_ok());
}
