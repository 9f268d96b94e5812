//! Stage gates: order, errors, locks, reopening and re-check.

use crate::fixture::*;
use xieshang::domain::record::{Change, Edit, EditError, StageStatus};
use xieshang::domain::GateError;

#[test]
fn a_whole_consultation_completes_all_five_stages() {
    let w = World::completed();
    assert!(w.record.is_complete(&w.procedure));
    assert_eq!(w.record.current_stage(&w.procedure), None);
    assert!(w.report().problems.is_empty());
    let completed: Vec<&str> = w
        .record
        .audit
        .iter()
        .filter_map(|a| match &a.change {
            Change::StageCompleted { stage } => Some(stage.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(completed, ["s1", "s2", "s3", "s4", "s5"]);
}

#[test]
fn a_stage_cannot_complete_before_the_one_before_it() {
    let mut w = World::filled();
    let revision = w.record.revision;
    assert_eq!(
        w.try_edit(Edit::CompleteStage("s2".into())),
        Err(EditError::Gate(GateError::PreviousNotCompleted("s1".into())))
    );
    assert_eq!(w.record.revision, revision, "a refused edit changes nothing");
    assert_eq!(w.record.stage_status("s2"), StageStatus::Open);
}

#[test]
fn a_stage_with_errors_cannot_complete_and_every_error_is_listed() {
    let mut w = World::new();
    let Err(EditError::Gate(GateError::HasErrors(errors))) = w.try_edit(Edit::CompleteStage("s1".into()))
    else {
        panic!("the gate must refuse an empty stage");
    };
    // Seven required items, each open, plus their required fields.
    let items: std::collections::BTreeSet<_> = errors
        .iter()
        .map(|p| match &p.target {
            xieshang::domain::Target::Item { item } | xieshang::domain::Target::Field { item, .. } => {
                item.clone()
            }
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(items.len(), 7, "{items:?}");
    assert!(errors.iter().all(|p| p.stage == "s1"));
    w.fill_s1();
    w.complete("s1");
    assert!(w.record.is_completed("s1"));
    assert_eq!(w.record.current_stage(&w.procedure).map(String::as_str), Some("s2"));
}

#[test]
fn warnings_do_not_block_a_gate() {
    let mut w = World::new();
    w.fill_s1();
    w.set("technical", yes(true));
    assert_eq!(w.report().for_stage("s1").count(), 1);
    w.complete("s1");
}

#[test]
fn a_completed_stage_is_locked_until_reopened() {
    let mut w = World::new();
    w.fill_s1();
    w.complete("s1");
    assert_eq!(
        w.try_edit(Edit::SetValue { field: "topic".into(), value: text("别的议题") }),
        Err(EditError::Locked("s1".into()))
    );
    assert_eq!(
        w.try_edit(Edit::SetItem { item: "s1.topic".into(), state: Default::default() }),
        Err(EditError::Locked("s1".into()))
    );
    assert_eq!(
        w.try_edit(Edit::CompleteStage("s1".into())),
        Err(EditError::Gate(GateError::AlreadyCompleted))
    );
    // Parties stay editable while stage 3, which records attendance, is open.
    w.edit(Edit::AddParty(party("赵敏", "resident_representative", false)));
    // The editor asks the same questions before an edit: stage 1's own fields are locked, the
    // parties (shown in stage 1 and in stage 3) are not until stage 3 is completed too.
    assert!(w.record.field_locked(&w.procedure, "topic"));
    assert!(!w.record.field_locked(&w.procedure, "parties"));
    assert!(!w.record.field_locked(&w.procedure, "attendance"));
    w.edit(Edit::ReopenStage("s1".into()));
    assert!(!w.record.field_locked(&w.procedure, "topic"));
}

#[test]
fn what_is_required_is_one_answer_for_the_gate_and_the_editor() {
    use xieshang::domain::procedure::Requirement;
    let mut w = World::new();
    let form_other = |w: &World| {
        let (_, _, f) = w.procedure.field("form_other").expect("form_other");
        w.record.requires(&w.procedure, &f.requirement)
    };
    assert!(w.record.requires(&w.procedure, &Requirement::Required));
    assert!(!w.record.requires(&w.procedure, &Requirement::Optional));
    // 其他形式 is required only when 协商形式 is 其他; the report says so exactly then.
    assert!(!form_other(&w));
    w.set("form", choice("other"));
    assert!(form_other(&w));
    let missing =
        |w: &World| w.report().for_stage("s1").any(|p| format!("{:?}", p.target).contains("form_other"));
    assert!(missing(&w));
    w.set("form_other", text("院落议事会"));
    assert!(!missing(&w));
    w.set("form", choice("villagers_meeting"));
    assert!(!form_other(&w));
}

#[test]
fn reopening_sends_later_stages_back_for_recheck_and_is_audited() {
    let mut w = World::filled();
    w.complete("s1");
    w.complete("s2");
    w.complete("s3");
    w.edit(Edit::ReopenStage("s1".into()));
    assert_eq!(w.record.stage_status("s1"), StageStatus::Open);
    assert_eq!(w.record.stage_status("s2"), StageStatus::Recheck);
    assert_eq!(w.record.stage_status("s3"), StageStatus::Recheck);
    assert_eq!(w.record.stage_status("s4"), StageStatus::Open);
    let last = &w.record.audit.last().unwrap().change;
    assert_eq!(*last, Change::StageReopened { stage: "s1".into(), rechecks: vec!["s2".into(), "s3".into()] });
    // Stage 1 is editable again; stage 2 must wait for it.
    w.set("topic", text("在3号楼东侧设立充电桩"));
    assert_eq!(
        w.try_edit(Edit::CompleteStage("s2".into())),
        Err(EditError::Gate(GateError::PreviousNotCompleted("s1".into())))
    );
    w.complete("s1");
    w.complete("s2");
    assert!(w.record.is_completed("s2"));
    assert_eq!(w.try_edit(Edit::ReopenStage("s4".into())), Err(EditError::Gate(GateError::NotCompleted)));
}

#[test]
fn a_recheck_stage_passes_its_gate_again() {
    let mut w = World::filled();
    w.complete("s1");
    w.complete("s2");
    w.edit(Edit::ReopenStage("s1".into()));
    w.set("publicity_date", date("2026-11-20"));
    w.complete("s1");
    let refused = w.try_edit(Edit::CompleteStage("s2".into()));
    assert!(matches!(refused, Err(EditError::Gate(GateError::HasErrors(_)))), "{refused:?}");
    assert_eq!(w.record.stage_status("s2"), StageStatus::Recheck);
}
