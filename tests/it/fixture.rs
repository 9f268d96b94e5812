//! A record filled stage by stage through the public edit API, and helpers to build edits.

use time::macros::datetime;
use xieshang::domain::record::{Edit, ItemState, MatterCopy, Party, Record, Value};
use xieshang::domain::when::{parse_date, parse_datetime, OffsetDateTime};
use xieshang::domain::{Catalogue, CountyRules, Procedure};

pub struct World {
    pub procedure: Procedure,
    pub county: CountyRules,
    pub record: Record,
    pub clock: OffsetDateTime,
}

pub fn now() -> OffsetDateTime {
    datetime!(2026-11-01 08:00 UTC)
}

pub fn text(s: &str) -> Option<Value> {
    Some(Value::Text(s.to_owned()))
}
pub fn choice(s: &str) -> Option<Value> {
    Some(Value::Choice(s.to_owned()))
}
pub fn multi(s: &[&str]) -> Option<Value> {
    Some(Value::Multichoice(s.iter().map(|s| s.to_string()).collect()))
}
pub fn yes(b: bool) -> Option<Value> {
    Some(Value::Yesno(b))
}
pub fn date(s: &str) -> Option<Value> {
    Some(Value::Date(parse_date(s).expect("test date")))
}
pub fn datetime(s: &str) -> Option<Value> {
    Some(Value::Datetime(parse_datetime(s).expect("test date-time")))
}

pub fn party(name: &str, role: &str, stakeholder: bool) -> Party {
    Party {
        name: name.into(),
        role: role.into(),
        organisation: String::new(),
        stakeholder,
        attended: None,
        written_opinion: String::new(),
        no_opinion_reason: String::new(),
        joined: None,
    }
}

impl World {
    /// A new record for matter 27 (门禁改造、视频监控、电子快递柜、充电桩设立).
    pub fn new() -> World {
        let procedure = Procedure::standard();
        let catalogue = Catalogue::template();
        let (group, matter) = catalogue.matter("tpl-27").expect("matter 27");
        let record = Record::start(
            "rec-1".into(),
            &procedure,
            MatterCopy::of(&catalogue, group, matter),
            &Default::default(),
            false,
            now(),
        );
        World { procedure, county: CountyRules::default(), record, clock: now() }
    }

    pub fn try_edit(&mut self, edit: Edit) -> Result<(), xieshang::domain::EditError> {
        self.clock += time::Duration::seconds(1);
        self.record.apply(&self.procedure, &self.county, edit, self.clock)
    }

    pub fn edit(&mut self, edit: Edit) {
        let shown = format!("{edit:?}");
        self.try_edit(edit).unwrap_or_else(|e| panic!("edit {shown} refused: {e:?}"));
    }

    pub fn set(&mut self, field: &str, value: Option<Value>) {
        self.edit(Edit::SetValue { field: field.into(), value });
    }

    pub fn done(&mut self, item: &str) {
        self.edit(Edit::SetItem { item: item.into(), state: ItemState::Done });
    }

    pub fn complete(&mut self, stage: &str) {
        self.edit(Edit::CompleteStage(stage.into()));
    }

    pub fn report(&self) -> xieshang::domain::Report {
        xieshang::domain::validate(&self.record, &self.procedure, &self.county)
    }

    /// Fills stage 1 with valid data (a single-community matter, held as a 议事会).
    pub fn fill_s1(&mut self) {
        self.set("source_channels", multi(&["opinion_box", "home_visit"]));
        self.done("s1.ledger");
        self.set("community", text("幸福社区"));
        self.set("topic", text("在3号楼前设立电动自行车充电桩"));
        self.done("s1.topic");
        self.set("scope", choice("single"));
        self.set("lead", choice("village_party_and_committee"));
        self.done("s1.scope");
        self.set("technical", yes(false));
        self.set("wide_reaching", yes(false));
        self.set("dispute", yes(false));
        self.set("commissioned", yes(false));
        self.done("s1.nature");
        self.edit(Edit::AddParty(party("社区党支部", "village_party", false)));
        self.edit(Edit::AddParty(party("王建国", "veteran_party_member", false)));
        self.edit(Edit::AddParty(party("李秀兰", "resident", true)));
        self.edit(Edit::AddParty(party("张伟", "resident", true)));
        self.done("s1.parties");
        self.set("form", choice("council"));
        self.done("s1.form");
        self.set("invited_on", date("2026-11-02"));
        self.done("s1.invite");
    }

    pub fn fill_s2(&mut self) {
        self.set("publicity_date", date("2026-11-03"));
        self.set("meeting_time", datetime("2026-11-10T15:00"));
        self.set("meeting_place", text("社区议事厅"));
        self.set("host", text("刘书记"));
        self.set("publicity_channel", multi(&["notice_board"]));
        self.done("s2.publicity");
    }

    pub fn fill_s3(&mut self) {
        self.set("held_at", datetime("2026-11-10T15:00"));
        self.set("as_publicised", yes(true));
        self.done("s3.meeting");
        let n = self.record.parties.len();
        for index in 0..n {
            let mut p = self.record.parties[index].clone();
            p.attended = Some(true);
            self.edit(Edit::UpdateParty { index, party: p });
        }
        self.done("s3.attendance");
        self.set("opinions", text("多数居民赞成，张伟担心占用消防通道。"));
        self.done("s3.opinions");
        self.set("consensus", yes(true));
        self.set("outcome", text("在3号楼东侧空地设立充电桩，避开消防通道。"));
        self.done("s3.consensus");
    }

    pub fn fill_s4(&mut self) {
        self.set("archived_on", date("2026-11-11"));
        self.done("s4.archive");
        self.set("notify_methods", multi(&["phone", "written"]));
        self.set("notified_on", date("2026-11-11"));
        self.done("s4.notify");
        self.set("result_publicity_date", date("2026-11-12"));
        self.set("result_publicity_channel", multi(&["notice_board"]));
        self.done("s4.publish");
    }

    pub fn fill_s5(&mut self) {
        self.set("implementer", text("物业服务企业"));
        self.set("deadline", date("2026-12-31"));
        self.done("s5.implement");
        self.set("letter_date", date("2026-11-13"));
        self.done("s5.letter");
        self.set("implementation_publicity_date", date("2026-12-01"));
        self.set("implementation_publicity_channel", multi(&["notice_board", "supervision_board"]));
        self.done("s5.publish");
        self.set("implementation_status", choice("done"));
        self.set("feedback_on", date("2026-12-02"));
        self.done("s5.feedback");
        self.done("s5.lawful");
    }

    /// A record with stages 1–4 filled and completed, stage 5 untouched.
    pub fn through_stage4() -> World {
        let mut w = World::new();
        w.fill_s1();
        w.complete("s1");
        w.fill_s2();
        w.complete("s2");
        w.fill_s3();
        w.complete("s3");
        w.fill_s4();
        w.complete("s4");
        w
    }

    /// A record with every stage filled and completed.
    pub fn completed() -> World {
        let mut w = World::through_stage4();
        w.fill_s5();
        w.complete("s5");
        w
    }

    /// Stages 1–4 filled (and completed up to `upto`), stage 5 filled but open.
    pub fn filled() -> World {
        let mut w = World::new();
        w.fill_s1();
        w.fill_s2();
        w.fill_s3();
        w.fill_s4();
        w.fill_s5();
        w
    }
}
