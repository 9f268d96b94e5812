//! The records ledger, the opinion ledger and copying a record.

use crate::fixture::*;
use time::macros::date;
use xieshang::domain::ledger::{counts, select, Query, SortKey, Status, Summary};
use xieshang::domain::opinion::{promote, Opinion, OpinionStatus};
use xieshang::domain::record::{Change, Record};

fn summaries() -> (World, Vec<Summary>) {
    let done = World::completed();
    let mut implementing = World::filled();
    implementing.set("community", text("东村"));
    for s in ["s1", "s2", "s3", "s4"] {
        implementing.complete(s);
    }
    implementing.record.id = "rec-2".into();
    let mut fresh = World::new();
    fresh.record.id = "rec-3".into();
    let rows = vec![
        Summary::of(&done.record, &done.procedure),
        Summary::of(&implementing.record, &implementing.procedure),
        Summary::of(&fresh.record, &fresh.procedure),
    ];
    (done, rows)
}

#[test]
fn a_summary_says_where_a_record_stands() {
    let (_, rows) = summaries();
    assert_eq!(rows[0].status, Status::Completed);
    assert_eq!(rows[0].stage, None);
    assert_eq!(rows[0].topic, "在3号楼前设立电动自行车充电桩");
    assert_eq!(rows[0].deadline, Some(date!(2026 - 12 - 31)));
    assert!(rows[0].implemented);
    assert_eq!(rows[1].status, Status::Implementing);
    assert_eq!(rows[1].stage.as_deref(), Some("s5"));
    assert_eq!(rows[2].status, Status::Consulting);
    assert_eq!(rows[2].stage.as_deref(), Some("s1"));
    assert_eq!(rows[2].category, "公益事业类");
    let json = serde_json::to_string(&rows[1]).unwrap();
    assert_eq!(serde_json::from_str::<Summary>(&json).unwrap(), rows[1]);
}

#[test]
fn a_record_is_stored_as_its_canonical_json_its_digest_and_its_row_worked_out_in_one_place() {
    use xieshang::domain::ledger::Stored;
    use xieshang::domain::record::{canonical_json, digest};
    let done = World::completed();
    let stored = Stored::of(&done.record, &done.procedure);
    assert_eq!(stored.canonical, canonical_json(&done.record));
    assert_eq!(stored.digest, digest(&done.record));
    assert_eq!(stored.summary, Summary::of(&done.record, &done.procedure));
    assert_eq!(stored.summary.digest, stored.digest);
    // From the text a file holds: the same, that text kept as it is.
    let again = Stored::with_canonical(&done.record, stored.canonical.clone(), &done.procedure);
    assert_eq!(again, stored);
}

#[test]
fn overdue_means_past_the_deadline_and_not_done() {
    let (w, mut rows) = summaries();
    let after = date!(2027 - 01 - 05);
    assert!(!rows[0].is_overdue(after), "completed");
    rows[1].implemented = false;
    assert!(rows[1].is_overdue(after));
    assert!(!rows[1].is_overdue(date!(2026 - 12 - 31)), "the deadline day itself is not overdue");
    assert!(!rows[2].is_overdue(after), "no deadline");
    let c = counts(&rows, after);
    assert_eq!((c.total, c.consulting, c.implementing, c.completed, c.overdue), (3, 1, 1, 1, 1));
    let q = Query { overdue: true, ..Query::default() };
    assert_eq!(select(&rows, &q, &w.procedure, after), [1]);
}

#[test]
fn filters_and_sorts() {
    let (w, rows) = summaries();
    let today = date!(2026 - 11 - 20);
    let ids = |q: Query| select(&rows, &q, &w.procedure, today);
    assert_eq!(ids(Query::default()).len(), 3);
    assert_eq!(ids(Query { status: Some(Status::Implementing), ..Query::default() }), [1]);
    assert_eq!(ids(Query { stage: Some("s1".into()), ..Query::default() }), [2]);
    assert_eq!(ids(Query { text: "东村".into(), ..Query::default() }), [1]);
    assert_eq!(ids(Query { text: "充电桩 幸福".into(), ..Query::default() }), [0]);
    assert_eq!(ids(Query { category: Some("公益事业类".into()), ..Query::default() }).len(), 3);
    assert!(ids(Query { category: Some("其他类".into()), ..Query::default() }).is_empty());
    assert_eq!(ids(Query { sort: SortKey::Stage, ..Query::default() }), [2, 1, 0]);
    assert_eq!(ids(Query { sort: SortKey::Stage, descending: true, ..Query::default() }), [0, 1, 2]);
    assert_eq!(ids(Query { sort: SortKey::Community, ..Query::default() })[0], 2, "empty community first");
    // Newest change first by default.
    let default = ids(Query::default());
    assert!(rows[default[0]].updated >= rows[default[1]].updated);
}

#[test]
fn promoting_opinions_opens_a_linked_record() {
    let w = World::new();
    let mut opinions = vec![
        Opinion {
            id: "op-1".into(),
            date: date!(2026 - 10 - 20),
            channel: "opinion_box".into(),
            who: "3号楼住户".into(),
            content: "电动车在楼道充电，存在火灾隐患".into(),
            status: OpinionStatus::Pending,
            record: None,
            created: now(),
        },
        Opinion {
            id: "op-2".into(),
            date: date!(2026 - 10 - 22),
            channel: "home_visit".into(),
            who: String::new(),
            content: "希望设立充电桩".into(),
            status: OpinionStatus::Pending,
            record: None,
            created: now(),
        },
        Opinion {
            id: "op-3".into(),
            date: date!(2026 - 10 - 23),
            channel: "phone".into(),
            who: String::new(),
            content: "路灯不亮".into(),
            status: OpinionStatus::Pending,
            record: None,
            created: now(),
        },
    ];
    let record =
        promote(&mut opinions, &["op-1".into(), "op-2".into()], w.record.clone(), &w.procedure, now());
    assert_eq!(record.opinions, ["op-1", "op-2"]);
    assert_eq!(record.value(&w.procedure, "topic"), text("电动车在楼道充电，存在火灾隐患"));
    assert_eq!(record.value(&w.procedure, "source_channels"), multi(&["opinion_box", "home_visit"]));
    let summary = record.value(&w.procedure, "source_summary").unwrap();
    assert_eq!(
        summary,
        xieshang::domain::Value::Text(
            "2026-10-20 群众意见箱 3号楼住户：电动车在楼道充电，存在火灾隐患\n2026-10-22 入户走访：希望设立充电桩".into()
        )
    );
    assert_eq!(opinions[0].status, OpinionStatus::Promoted);
    assert_eq!(opinions[1].record.as_deref(), Some("rec-1"));
    assert_eq!(opinions[2].status, OpinionStatus::Pending);
    assert_eq!(Summary::of(&record, &w.procedure).opinions, ["op-1", "op-2"]);
}

#[test]
fn copying_a_record_keeps_stage_one_and_starts_afresh() {
    let w = World::completed();
    let copy: Record = w.record.copy_as_new(&w.procedure, "rec-9".into(), now());
    assert_eq!(copy.id, "rec-9");
    assert_eq!(copy.matter, w.record.matter);
    assert_eq!(copy.community, "幸福社区");
    assert_eq!(copy.parties.len(), 4);
    assert!(copy.parties.iter().all(|p| p.attended.is_none()));
    assert_eq!(copy.value(&w.procedure, "topic"), w.record.value(&w.procedure, "topic"));
    assert_eq!(copy.value(&w.procedure, "publicity_date"), None);
    assert!(copy.stages.is_empty() && copy.items.is_empty());
    assert_eq!(copy.revision, 1);
    assert_eq!(copy.audit.len(), 1);
    assert_eq!(copy.audit[0].change, Change::Created { from: Some("rec-1".into()) });
}

#[test]
fn samples_stand_at_every_stage_and_are_valid_so_far() {
    use xieshang::domain::{sample, Catalogue, Procedure};
    let procedure = Procedure::standard();
    let catalogue = Catalogue::template();
    let start = date!(2026 - 09 - 01);
    let rows: Vec<Summary> =
        (0..12).map(|i| Summary::of(&sample::record(&procedure, &catalogue, i, start), &procedure)).collect();
    let stages: Vec<Option<&str>> = rows.iter().map(|r| r.stage.as_deref()).collect();
    assert_eq!(
        stages[..6],
        [Some("s1"), Some("s2"), Some("s3"), Some("s4"), Some("s5"), None],
        "index % 6 stages completed"
    );
    let c = counts(&rows, date!(2026 - 12 - 31));
    assert_eq!((c.consulting, c.implementing, c.completed), (8, 2, 2));
    assert!(c.overdue >= 1);
    assert_eq!(rows[7].matter, catalogue.matters().nth(7).unwrap().1.name);
}

#[test]
fn a_record_is_closed_only_when_its_result_is_carried_out_or_declared_impossible_with_a_reason() {
    use xieshang::domain::record::Edit;
    let today = date!(2027 - 01 - 10);
    // Stages 1–4 done, stage 5 filled; the deadline (2026-12-31) has passed.
    let open = || {
        let mut w = World::filled();
        for s in ["s1", "s2", "s3", "s4"] {
            w.complete(s);
        }
        w
    };
    for (status, said) in [("not_done", "未落实"), ("in_progress", "正在落实"), ("partly", "部分落实")]
    {
        let mut w = open();
        w.set("implementation_status", choice(status));
        let refused = w.try_edit(Edit::CompleteStage("s5".into()));
        assert!(refused.is_err(), "{said}: stage 5 is not completed");
        let report = w.report();
        assert!(
            report
                .problems
                .iter()
                .any(|p| p.stage == "s5" && format!("{:?}", p.kind).contains("closed_when_carried_out")),
            "{said}: {report:?}"
        );
        let s = Summary::of(&w.record, &w.procedure);
        assert_eq!(s.status, Status::Implementing, "{said}");
        assert!(s.is_overdue(today), "{said}, past the deadline: 逾期");
        assert!(!s.is_overdue(date!(2026 - 12 - 31)), "{said}, on the deadline day: not yet");
    }
    // Carried out: 已办结, never overdue.
    let mut w = open();
    w.complete("s5");
    let s = Summary::of(&w.record, &w.procedure);
    assert_eq!((s.status, s.implemented, s.is_overdue(today)), (Status::Completed, true, false));
    // Impossible to carry out: only with the reason, then 未能落实 — closed, not completed.
    let mut w = open();
    w.set("implementation_status", choice("impossible"));
    w.set("feedback_note", None);
    assert!(w.try_edit(Edit::CompleteStage("s5".into())).is_err(), "no reason given");
    w.set("feedback_note", text("选址地块被划入河道管理范围，经两村群众代表会议同意，改为另行协商。"));
    w.complete("s5");
    let s = Summary::of(&w.record, &w.procedure);
    assert_eq!((s.status, s.implemented, s.is_overdue(today)), (Status::Unfulfilled, false, false));
    assert_eq!(counts(&[s], today).unfulfilled, 1);
}

#[test]
fn a_record_an_earlier_build_closed_while_its_result_was_not_carried_out_is_not_closed_now() {
    // As an earlier build stored it: stage 5 completed with 未落实 (the gate did not ask).
    let mut w = World::completed();
    w.record
        .values
        .insert("implementation_status".into(), xieshang::domain::record::Value::Choice("not_done".into()));
    let s = Summary::of(&w.record, &w.procedure);
    assert_eq!(s.stage.as_deref(), Some("s5"), "it stands at stage 5, whose gate does not hold");
    assert_eq!(s.status, Status::Implementing);
    assert!(s.is_overdue(date!(2027 - 01 - 10)));
    // A summary an earlier build stored carries no version: it is worked out again.
    let mut stored = serde_json::to_value(&s).unwrap();
    stored.as_object_mut().unwrap().remove("version");
    let old: Summary = serde_json::from_value(stored).unwrap();
    assert!(old.is_stale() && !s.is_stale());
}
