//! The record: edits, audit trail, revision, and a serde round trip.

use crate::fixture::*;
use xieshang::domain::record::{Change, Edit, EditError, Record, Scope};

#[test]
fn a_full_record_survives_a_json_round_trip() {
    let w = World::completed();
    let json = serde_json::to_string_pretty(&w.record).unwrap();
    let back: Record = serde_json::from_str(&json).unwrap();
    assert_eq!(back, w.record);
    // Dates are written the way people read them.
    assert!(json.contains("\"2026-11-03\""), "{json}");
    assert!(json.contains("\"2026-11-10T15:00\""));
    assert!(json.contains("\"2026-11-01T08:00:01Z\""));
}

#[test]
fn every_change_raises_the_revision_and_is_audited() {
    let mut w = World::new();
    assert_eq!(w.record.revision, 1);
    assert_eq!(w.record.audit.len(), 1);
    w.set("topic", text("充电桩"));
    assert_eq!(w.record.revision, 2);
    w.set("topic", text("充电桩设立"));
    // Edits of one field within two minutes fold into one entry, keeping before and after.
    assert_eq!(w.record.audit.len(), 2);
    assert_eq!(
        w.record.audit[1].change,
        Change::Field { field: "topic".into(), from: None, to: text("充电桩设立") }
    );
    assert_eq!(w.record.revision, 3);
    w.clock += time::Duration::minutes(5);
    w.set("topic", text("设立充电桩"));
    assert_eq!(w.record.audit.len(), 3);
    // Setting the same value is no change at all.
    w.set("topic", text("设立充电桩"));
    assert_eq!(w.record.revision, 4);
    assert_eq!(w.record.updated, w.record.audit.last().unwrap().at);
}

#[test]
fn properties_are_typed_on_the_record() {
    let mut w = World::new();
    w.set("scope", choice("cross_village"));
    w.set("community", text("东村、西村"));
    w.set("technical", yes(true));
    assert_eq!(w.record.scope, Some(Scope::CrossVillage));
    assert_eq!(w.record.community, "东村、西村");
    assert_eq!(w.record.facts.technical, Some(true));
    assert_eq!(w.record.value(&w.procedure, "scope"), choice("cross_village"));
}

#[test]
fn bad_values_are_refused_and_change_nothing() {
    let mut w = World::new();
    let before = w.record.clone();
    let refused = [
        (Edit::SetValue { field: "nope".into(), value: text("x") }, "unknown field"),
        (Edit::SetValue { field: "publicity_date".into(), value: text("明天") }, "text in a date"),
        (Edit::SetValue { field: "form".into(), value: choice("tea_party") }, "no such form"),
        (Edit::SetValue { field: "scope".into(), value: choice("everywhere") }, "no such scope"),
        (Edit::AddParty(party("某人", "king", false)), "no such role"),
        (Edit::RemoveParty { index: 3 }, "no such party"),
        (Edit::SetItem { item: "s9.x".into(), state: Default::default() }, "unknown item"),
    ];
    for (edit, why) in refused {
        let result = w.try_edit(edit);
        assert!(matches!(result, Err(EditError::Unknown(_) | EditError::BadValue(_))), "{why}: {result:?}");
    }
    assert_eq!(w.record, before);
}

#[test]
fn hints_prefill_the_facts_they_speak_to() {
    use xieshang::domain::{Catalogue, MatterCopy, Procedure};
    let procedure = Procedure::standard();
    let catalogue = Catalogue::template();
    let (group, matter) = catalogue.matter("tpl-11").unwrap();
    let mut copy = MatterCopy::of(&catalogue, group, matter);
    copy.hints.cross_village = true;
    copy.hints.technical = true;
    let r = Record::start("r".into(), &procedure, copy, &Default::default(), false, now());
    assert_eq!(r.scope, Some(Scope::CrossVillage));
    assert_eq!(r.facts.technical, Some(true));
    assert_eq!(r.facts.wide_reaching, None);
    assert_eq!(r.matter.name, "乡镇、村庄道路命名");
    assert_eq!(r.matter.category.as_deref(), Some("公共事务类"));
}

#[test]
fn an_opinion_of_the_ledger_is_taken_up_by_an_open_record_through_apply() {
    use xieshang::domain::opinion::{link_edit, mark_taken_up, Opinion, OpinionStatus};
    let mut w = World::new();
    w.set("source_channels", multi(&["home_visit"]));
    w.set("source_summary", text("入户走访：门禁常坏"));
    let mut opinion = Opinion {
        id: "op-1".into(),
        date: xieshang::domain::when::parse_date("2026-10-01").unwrap(),
        channel: "opinion_box".into(),
        who: "王大爷".into(),
        content: "3号楼门禁常坏，外来人员随意进出".into(),
        status: OpinionStatus::Pending,
        record: None,
        created: now(),
    };
    let revision = w.record.revision;
    w.edit(link_edit(&w.procedure, &opinion));
    mark_taken_up(&mut opinion, &w.record.id);
    assert_eq!(w.record.opinions, vec!["op-1".to_owned()]);
    assert_eq!(w.record.revision, revision + 1, "one edit, one revision");
    assert_eq!(w.record.values.get("source_channels").cloned(), multi(&["home_visit", "opinion_box"]));
    assert_eq!(
        w.record.values.get("source_summary").cloned(),
        text("入户走访：门禁常坏\n2026-10-01 群众意见箱 王大爷：3号楼门禁常坏，外来人员随意进出")
    );
    assert!(w.record.audit.iter().any(|a| matches!(&a.change, Change::OpinionLinked { id } if id == "op-1")));
    assert_eq!((&opinion.status, opinion.record.as_deref()), (&OpinionStatus::Promoted, Some("rec-1")));
    // Taken up twice: nothing changes. Once stage 1 is completed: refused.
    let before = w.record.clone();
    w.edit(link_edit(&w.procedure, &opinion));
    assert_eq!(w.record, before);
    let mut done = World::filled();
    done.complete("s1");
    let other = Opinion { id: "op-2".into(), ..opinion.clone() };
    assert!(matches!(done.try_edit(link_edit(&done.procedure, &other)), Err(EditError::Locked(_))));
}
