//! Training: every worked case stands at its stage with the gap it is made for, the report names
//! that gap, and fixing it (as a trainee would) lets the stage complete.

use xieshang::domain::procedure::CountyRules;
use xieshang::domain::record::{Edit, ItemState, Party, Value};
use xieshang::domain::training::{self, CASES};
use xieshang::domain::{gates, validate, Catalogue, GateError, ProblemKind, Procedure};

fn now() -> time::OffsetDateTime {
    time::macros::datetime!(2026-11-27 10:00 UTC)
}

#[test]
fn every_case_stands_at_its_stage_with_its_gap_and_a_fix_completes_the_stage() {
    let procedure = Procedure::standard();
    let catalogue = Catalogue::template();
    let county = CountyRules::default();
    assert_eq!(CASES.len(), 5);
    for case in &CASES {
        let mut record = training::open(case.id, &procedure, &catalogue, format!("t-{}", case.id), now())
            .unwrap_or_else(|| panic!("case {} opens", case.id));
        assert_eq!(record.current_stage(&procedure).map(String::as_str), Some(case.stage), "{}", case.id);
        assert_eq!(record.matter.id.as_deref(), Some(case.matter));
        assert_eq!(record.value(&procedure, "topic"), Some(Value::Text(case.topic.into())));
        assert!(record.training);
        assert!(record.audit.len() > 10, "{} made through edits", case.id);
        // The gap: the gate refuses and the report names it.
        let refused = gates::can_complete(&record, &procedure, &county, case.stage);
        let Err(GateError::HasErrors(errors)) = refused else {
            panic!("{}: gate should refuse, got {refused:?}", case.id)
        };
        match case.rule {
            Some(rule) => assert!(
                errors.iter().any(|p| matches!(&p.kind, ProblemKind::Rule { rule: r, .. } if r == rule)),
                "{}: {errors:?}",
                case.id
            ),
            None => assert!(errors.iter().all(|p| p.stage == case.stage) && !errors.is_empty()),
        }
        // The fix a trainee makes.
        let fixes: Vec<Edit> = match case.id {
            "cross-village-lead" => {
                vec![Edit::SetValue { field: "lead".into(), value: Some(Value::Choice("township".into())) }]
            }
            "wide-reaching-small-talk" => {
                vec![Edit::SetValue {
                    field: "form".into(),
                    value: Some(Value::Choice("public_hearing".into())),
                }]
            }
            "absent-stakeholder" => {
                let (index, absent) = record
                    .parties
                    .iter()
                    .enumerate()
                    .find(|(_, p)| p.attended == Some(false))
                    .expect("absent");
                let party = Party {
                    written_opinion: "同意选址，建议晚上九点后停用。".into(),
                    ..absent.clone()
                };
                vec![Edit::UpdateParty { index, party }]
            }
            "result-never-published" => vec![
                Edit::SetValue {
                    field: "result_publicity_date".into(),
                    value: Some(Value::Date(time::macros::date!(2026 - 11 - 25))),
                },
                Edit::SetValue {
                    field: "result_publicity_channel".into(),
                    value: Some(Value::Multichoice(vec!["notice_board".into()])),
                },
                Edit::SetItem { item: "s4.publish".into(), state: ItemState::Done },
            ],
            // Carried out after all: 已落实, told on the day it was checked.
            "result-not-carried-out" => vec![
                Edit::SetValue {
                    field: "implementation_status".into(),
                    value: Some(Value::Choice("done".into())),
                },
                Edit::SetValue {
                    field: "feedback_on".into(),
                    value: Some(Value::Date(time::macros::date!(2026 - 11 - 27))),
                },
            ],
            other => panic!("no fix for {other}"),
        };
        for fix in fixes {
            record.apply(&procedure, &county, fix, now()).expect("fix applies");
        }
        let report = validate(&record, &procedure, &county);
        assert_eq!(report.errors_of(case.stage).count(), 0, "{}: {:?}", case.id, report.problems);
        record.apply(&procedure, &county, Edit::CompleteStage(case.stage.into()), now()).expect("completes");
    }
}

#[test]
fn an_unknown_case_opens_nothing_and_every_case_has_both_languages() {
    let procedure = Procedure::standard();
    assert!(training::open("no-such-case", &procedure, &Catalogue::template(), "x".into(), now()).is_none());
    for case in &CASES {
        for text in [case.title, case.situation, case.task] {
            assert!(!text.zh.is_empty() && !text.en.is_empty());
            assert!(
                text.en.is_ascii() || text.en.chars().all(|c| !('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{}",
                text.en
            );
        }
    }
}

#[test]
fn changing_the_story_instead_of_mending_the_gap_does_not_solve_the_case() {
    use xieshang::domain::training::Attempt;
    let procedure = Procedure::standard();
    let catalogue = Catalogue::template();
    let county = CountyRules::default();
    let cases = [
        // The road is shared by two villages; entering it as one village's matter is not a fix.
        (
            "cross-village-lead",
            Edit::SetValue { field: "scope".into(), value: Some(Value::Choice("single".into())) },
            Edit::SetValue { field: "lead".into(), value: Some(Value::Choice("township".into())) },
        ),
        // Three hundred households are affected; saying it is not wide-reaching is not a fix.
        (
            "wide-reaching-small-talk",
            Edit::SetValue { field: "wide_reaching".into(), value: Some(Value::Yesno(false)) },
            Edit::SetValue { field: "form".into(), value: Some(Value::Choice("public_hearing".into())) },
        ),
    ];
    for (id, changed_story, fix) in cases {
        let case = training::case(id).expect("case");
        let open = training::open(id, &procedure, &catalogue, format!("t-{id}"), now()).expect("opens");
        assert_eq!(case.attempt(&open, &procedure), Attempt::Open);

        let mut bypassed = open.clone();
        bypassed.apply(&procedure, &county, changed_story, now()).expect("applies");
        bypassed
            .apply(&procedure, &county, Edit::CompleteStage(case.stage.into()), now())
            .expect("the gate lets it by");
        assert_eq!(case.attempt(&bypassed, &procedure), Attempt::SituationChanged, "{id}");

        let mut mended = open.clone();
        mended.apply(&procedure, &county, fix, now()).expect("applies");
        mended.apply(&procedure, &county, Edit::CompleteStage(case.stage.into()), now()).expect("completes");
        assert_eq!(case.attempt(&mended, &procedure), Attempt::Solved, "{id}");
    }
}
