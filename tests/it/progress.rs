//! Implementation as a history: progress reports, and the status they give a record with its
//! deadline and today (`now` passed in).

use crate::fixture::{date, multi, text, World};
use time::macros::date;
use xieshang::domain::ledger::{Status, Summary};
use xieshang::domain::record::{Change, Edit, ProgressReport, Value};
use xieshang::domain::when::{parse_date, Date};

/// Stages 1–4 completed; stage 5 filled up to the 公函 (deadline 2026-12-31), nothing reported.
fn after_the_letter() -> World {
    let mut w = World::through_stage4();
    w.set("implementer", text("物业服务企业"));
    w.set("deadline", date("2026-12-31"));
    w.done("s5.implement");
    w.set("letter_date", date("2026-11-13"));
    w.done("s5.letter");
    w.done("s5.publish");
    w.done("s5.feedback");
    w.done("s5.lawful");
    w
}

/// A report: `on`, status, whether fed back and published (that day), note.
fn report(on: &str, status: &str, told: bool, note: &str) -> ProgressReport {
    let on: Date = parse_date(on).expect("a date");
    ProgressReport {
        date: on,
        reporter: "implementer".into(),
        status: status.into(),
        // Every report says what was done (an empty note is refused).
        note: if note.is_empty() { "按计划推进。".into() } else { note.into() },
        fed_back_on: told.then_some(on),
        published_on: told.then_some(on),
        channels: if told { vec!["notice_board".into()] } else { Vec::new() },
    }
}

#[test]
fn the_latest_report_with_the_deadline_and_today_decides_where_a_record_stands() {
    let before = date!(2026 - 12 - 20);
    let after = date!(2027 - 01 - 10);
    // (reports in the order entered, whether stage 5 then completes, status once it is tried,
    // overdue before the deadline, overdue after it)
    #[rustfmt::skip]
    let cases: Vec<(&str, Vec<ProgressReport>, bool, Status, bool, bool)> = vec![
        ("nothing reported", vec![], false, Status::Implementing, false, true),
        ("under way", vec![report("2026-11-20", "in_progress", false, "")], false, Status::Implementing, false, true),
        ("not started", vec![report("2026-11-20", "not_started", true, "")], false, Status::Implementing, false, true),
        ("under way, then partly", vec![
            report("2026-11-20", "in_progress", false, ""),
            report("2026-12-10", "partly", true, "一期完成"),
        ], false, Status::Implementing, false, true),
        ("three reports, the last carried out, fed back and published", vec![
            report("2026-11-20", "in_progress", false, ""),
            report("2026-12-10", "partly", true, ""),
            report("2026-12-28", "done", true, "已完工"),
        ], true, Status::Completed, false, false),
        ("carried out, not yet fed back or published", vec![
            report("2026-12-10", "partly", true, ""),
            report("2026-12-28", "done", false, "已完工"),
        ], false, Status::Implementing, false, false),
        ("an earlier report entered last does not undo the latest", vec![
            report("2026-12-28", "done", true, ""),
            report("2026-11-20", "in_progress", false, ""),
        ], true, Status::Completed, false, false),
        ("carried out, then undone", vec![
            report("2026-12-10", "done", true, ""),
            report("2026-12-20", "not_done", true, "路面开裂，返工"),
        ], false, Status::Implementing, false, true),
        ("two reports on one day: the one entered last", vec![
            report("2026-12-28", "partly", true, ""),
            report("2026-12-28", "done", true, ""),
        ], true, Status::Completed, false, false),
        ("impossible, with the reason", vec![
            report("2026-12-10", "impossible", true, "选址被划入河道管理范围"),
        ], true, Status::Unfulfilled, false, false),
    ];
    for (said, reports, completes, status, overdue_before, overdue_after) in cases {
        let mut w = after_the_letter();
        for r in reports {
            w.edit(Edit::AddProgress(r));
        }
        let completed = w.try_edit(Edit::CompleteStage("s5".into())).is_ok();
        assert_eq!(completed, completes, "{said}: {:?}", w.report().problems);
        let s = Summary::of(&w.record, &w.procedure);
        assert_eq!(s.status, status, "{said}");
        assert_eq!(s.is_overdue(before), overdue_before, "{said}, before the deadline");
        assert_eq!(s.is_overdue(after), overdue_after, "{said}, after the deadline");
    }
}

#[test]
fn a_report_goes_through_the_audit_trail_and_writes_the_stage_s_fields() {
    let mut w = after_the_letter();
    let first = report("2026-12-10", "partly", true, "一期完成");
    w.edit(Edit::AddProgress(first.clone()));
    let revision = w.record.revision;
    let status = || Some(Value::Choice("partly".into()));
    assert_eq!(w.record.values.get("implementation_status").cloned(), status());
    assert_eq!(w.record.values.get("feedback_on").cloned(), date("2026-12-10"));
    assert_eq!(w.record.values.get("implementation_publicity_channel").cloned(), multi(&["notice_board"]));
    assert!(w.record.audit.iter().any(|a| a.revision == revision
        && matches!(&a.change, Change::ProgressAdded { report } if *report == first)));
    // A second, later report not fed back: the fields say what it says, and nothing older.
    w.edit(Edit::AddProgress(report("2026-12-20", "in_progress", false, "")));
    assert_eq!(w.record.values.get("feedback_on"), None, "the latest report was not fed back");
    // Changing it and removing it go through `apply` too, and the fields follow.
    let changed = report("2026-12-20", "done", true, "完工");
    w.edit(Edit::UpdateProgress { index: 1, report: changed.clone() });
    assert_eq!(w.record.values.get("implementation_status").cloned(), Some(Value::Choice("done".into())));
    assert!(w
        .record
        .audit
        .iter()
        .any(|a| matches!(&a.change, Change::ProgressChanged { to, .. } if *to == changed)));
    w.edit(Edit::RemoveProgress { index: 1 });
    assert_eq!(w.record.values.get("implementation_status").cloned(), status(), "back to the earlier report");
    assert_eq!(w.record.progress, vec![first.clone()]);
    // Bad options, and a report that says nothing, are refused and change nothing.
    let before = w.record.clone();
    assert_eq!(
        w.try_edit(Edit::AddProgress(ProgressReport { note: "  ".into(), ..first.clone() })),
        Err(xieshang::domain::EditError::NoNote)
    );
    assert!(w
        .try_edit(Edit::AddProgress(ProgressReport { status: "finished".into(), ..first.clone() }))
        .is_err());
    assert!(w
        .try_edit(Edit::AddProgress(ProgressReport { reporter: "mayor".into(), ..first.clone() }))
        .is_err());
    assert!(w.try_edit(Edit::RemoveProgress { index: 5 }).is_err());
    assert_eq!(w.record, before);
    // While there are reports, the fields they fill are not typed over.
    assert_eq!(
        w.try_edit(Edit::SetValue {
            field: "implementation_status".into(),
            value: Some(Value::Choice("done".into()))
        }),
        Err(xieshang::domain::EditError::FromReports("implementation_status".into()))
    );
    // The last report removed: what it wrote goes, and its item is open again.
    let mut lone = after_the_letter();
    lone.edit(Edit::AddProgress(report("2026-12-10", "in_progress", false, "开工")));
    assert_eq!(lone.record.item_state("s5.progress"), xieshang::domain::record::ItemState::Done);
    lone.edit(Edit::RemoveProgress { index: 0 });
    assert_eq!(lone.record.values.get("implementation_status"), None);
    assert_eq!(lone.record.values.get("feedback_note"), None);
    assert_eq!(lone.record.item_state("s5.progress"), xieshang::domain::record::ItemState::Open);
    lone.set("implementation_status", Some(Value::Choice("in_progress".into())));
    // Once stage 5 is completed the history is locked with it.
    w.edit(Edit::AddProgress(report("2026-12-28", "done", true, "")));
    w.complete("s5");
    assert!(w.try_edit(Edit::AddProgress(report("2027-01-02", "done", true, ""))).is_err());
    assert!(w.try_edit(Edit::RemoveProgress { index: 0 }).is_err());
}

#[test]
fn a_record_with_reports_goes_out_and_comes_back_whole() {
    let mut w = after_the_letter();
    w.edit(Edit::AddProgress(report("2026-12-10", "partly", true, "一期完成")));
    let text = serde_json::to_string(&w.record).expect("serialises");
    assert!(text.contains("\"progress\""));
    let back: xieshang::domain::record::Record = serde_json::from_str(&text).expect("reads back");
    assert_eq!(back, w.record);
    // A record without reports is written as before (no `progress` key).
    let plain = serde_json::to_string(&after_the_letter().record).expect("serialises");
    assert!(!plain.contains("\"progress\""));
}

#[test]
fn a_reminder_is_issued_after_the_deadline_and_prints_from_the_record() {
    use xieshang::domain::documents::{document, DocKind};
    use xieshang::domain::when;
    use xieshang::i18n::Lang;
    let mut w = after_the_letter();
    w.set("letter_ref", text("幸福社区函〔2026〕7号"));
    w.edit(Edit::AddProgress(report("2026-12-20", "partly", true, "已安装4个充电桩，其余待供电部门增容。")));
    assert!(!DocKind::of_record(&w.record).contains(&DocKind::Reminder), "no reminder issued yet");
    // Before the deadline, or before the 公函, a reminder is refused at the gate.
    w.set("reminder_date", date("2026-12-30"));
    w.done("s5.reminder");
    let problems = w.report().problems;
    assert!(
        problems.iter().any(|p| format!("{:?}", p.kind).contains("reminder_after_deadline")),
        "{problems:?}"
    );
    w.set("reminder_date", date("2027-01-10"));
    w.set("reminder_ref", text("幸福社区催〔2027〕1号"));
    assert!(!w.report().problems.iter().any(|p| format!("{:?}", p.kind).contains("reminder")));
    assert_eq!(DocKind::of_record(&w.record)[4], DocKind::Reminder, "after the 督办公函");
    let d = document(DocKind::Reminder, &w.record, &w.procedure, Lang::Zh, &when::CHINA);
    let text = crate::documents::text_of(&d.blocks);
    for want in [
        "催办函编号：幸福社区催〔2027〕1号",
        "以督办公函（幸福社区函〔2026〕7号）请你单位于2026年12月31日前落实",
        "截至2027年1月10日，落实期限已过10日，该协商成果尚未落实到位。",
        "最近一次落实进展：2026年12月20日　落实方报告：部分落实。已安装4个充电桩，其余待供电部门增容。",
        "请你单位抓紧落实，并将落实进展和预计完成时间书面反馈",
    ] {
        assert!(text.contains(want), "{want} in {text}");
    }
    assert_eq!(d.addressee.as_deref(), Some("物业服务企业："));
    assert_eq!(d.date, parse_date("2027-01-10"));
    assert_eq!(d.title, "督办催办函");
}

#[test]
fn supervision_lists_the_overdue_first_then_those_due_within_the_county_s_days() {
    use xieshang::domain::ledger::{supervision, Due};
    let today = date!(2027 - 01 - 10);
    let summary = |id: &str, deadline: &str, reports: Vec<ProgressReport>, close: bool| {
        let mut w = after_the_letter();
        w.record.id = id.into();
        w.set("deadline", date(deadline));
        for r in reports {
            w.edit(Edit::AddProgress(r));
        }
        if close {
            w.complete("s5");
        }
        Summary::of(&w.record, &w.procedure)
    };
    let rows = vec![
        summary("late-3", "2027-01-07", vec![report("2026-12-20", "in_progress", false, "")], false),
        summary("late-9", "2027-01-01", vec![], false),
        summary("due-5", "2027-01-15", vec![], false),
        summary("due-0", "2027-01-10", vec![], false),
        summary("far", "2027-03-01", vec![], false),
        summary("done-late", "2027-01-01", vec![report("2026-12-28", "done", true, "")], true),
        summary("carried-out", "2027-01-01", vec![report("2026-12-28", "done", false, "")], false),
    ];
    let listed: Vec<(Due, &str)> =
        supervision(&rows, today, 7).into_iter().map(|(d, s)| (d, s.id.as_str())).collect();
    assert_eq!(
        listed,
        vec![
            (Due::Overdue(9), "late-9"),
            (Due::Overdue(3), "late-3"),
            (Due::Soon(0), "due-0"),
            (Due::Soon(5), "due-5")
        ]
    );
    let late =
        rows.iter().find(|s| s.id == "late-3").and_then(|s| s.supervision.clone()).expect("supervision");
    assert_eq!(late.letter_date, parse_date("2026-11-13"));
    assert_eq!(late.last_report.map(|r| r.status), Some("in_progress".into()));
    // The county's days: 3 leaves out the one due in 5.
    assert_eq!(supervision(&rows, today, 3).len(), 3);
}
