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
    let r = Record::new("r".into(), &procedure, copy, now());
    assert_eq!(r.scope, Some(Scope::CrossVillage));
    assert_eq!(r.facts.technical, Some(true));
    assert_eq!(r.facts.wide_reaching, None);
    assert_eq!(r.matter.name, "乡镇、村庄道路命名");
    assert_eq!(r.matter.category.as_deref(), Some("公共事务类"));
}
