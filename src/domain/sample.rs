//! Sample records, made through the same edits a user makes: for benchmarks of large ledgers and
//! for tests that need records at every stage. Deterministic for a given index.

use super::catalogue::Catalogue;
use super::procedure::{CountyRules, Procedure};
use super::record::{Edit, ItemState, MatterCopy, Party, Record, Value};
use super::when::{Date, OffsetDateTime, PrimitiveDateTime};
use time::Duration;

const COMMUNITIES: [&str; 12] = [
    "幸福社区",
    "团结社区",
    "东村",
    "西村",
    "南湖村",
    "北山村",
    "新华社区",
    "和平社区",
    "建设村",
    "光明村",
    "红旗社区",
    "友谊村",
];

pub(super) fn text(s: impl Into<String>) -> Option<Value> {
    Some(Value::Text(s.into()))
}

pub(super) fn choice(s: &str) -> Option<Value> {
    Some(Value::Choice(s.into()))
}

pub(super) fn multi(s: &[&str]) -> Option<Value> {
    Some(Value::Multichoice(s.iter().map(|s| (*s).to_owned()).collect()))
}

/// Makes a record through edits, three minutes apart (shared with the training cases).
pub(super) struct Filler<'a> {
    pub(super) record: Record,
    pub(super) procedure: &'a Procedure,
    pub(super) county: CountyRules,
    pub(super) now: OffsetDateTime,
}

impl Filler<'_> {
    pub(super) fn edit(&mut self, edit: Edit) {
        self.now += Duration::minutes(3);
        // Sample data is made to be valid; an edit the engine refused would only leave a gap.
        let _ = self.record.apply(self.procedure, &self.county, edit, self.now);
    }
    pub(super) fn set(&mut self, field: &str, value: Option<Value>) {
        self.edit(Edit::SetValue { field: field.into(), value });
    }
    pub(super) fn done(&mut self, item: &str) {
        self.edit(Edit::SetItem { item: item.into(), state: ItemState::Done });
    }
    pub(super) fn complete(&mut self, stage: &str) {
        self.edit(Edit::CompleteStage(stage.into()));
    }
}

/// Record number `index`: a matter of the catalogue in turn, a community, and `index % 6`
/// stages completed (0 to 5); its dates start at `start`. Some deadlines fall before `start`
/// plus a few weeks, so a ledger of samples has overdue rows.
pub fn record(procedure: &Procedure, catalogue: &Catalogue, index: usize, start: Date) -> Record {
    let matters: Vec<_> = catalogue.matters().collect();
    let (group, matter) = matters[index % matters.len()];
    let day0 = start + Duration::days((index % 90) as i64);
    let created = PrimitiveDateTime::new(day0, time::Time::from_hms(9, 0, 0).unwrap_or(time::Time::MIDNIGHT))
        .assume_utc();
    let record = Record::new(
        format!("sample-{index:05}"),
        procedure,
        MatterCopy::of(catalogue, group, matter),
        created,
    );
    let mut f = Filler { record, procedure, county: CountyRules::default(), now: created };
    let stages = index % 6;
    let community = COMMUNITIES[index % COMMUNITIES.len()];
    let date = |d: i64| Some(Value::Date(day0 + Duration::days(d)));
    let at = |d: i64, h: u8| {
        Some(Value::Datetime(PrimitiveDateTime::new(
            day0 + Duration::days(d),
            time::Time::from_hms(h, 0, 0).unwrap_or(time::Time::MIDNIGHT),
        )))
    };

    f.set("source_channels", multi(&["opinion_box", "home_visit"]));
    f.done("s1.ledger");
    f.set("community", text(community));
    f.set("topic", text(format!("{}（{}第{}号）", matter.name, community, index + 1)));
    if stages == 0 {
        return f.record;
    }
    f.done("s1.topic");
    f.set("scope", choice("single"));
    f.set("lead", choice("village_party_and_committee"));
    f.done("s1.scope");
    for fact in ["technical", "wide_reaching", "dispute", "commissioned"] {
        f.set(fact, Some(Value::Yesno(false)));
    }
    f.done("s1.nature");
    let parties = [
        ("村党支部", "village_party", false),
        ("王建国", "veteran_party_member", false),
        ("李秀兰", "resident", true),
        ("张伟", "resident", true),
    ];
    for (name, role, stakeholder) in parties {
        f.edit(Edit::AddParty(Party {
            name: name.into(),
            role: role.into(),
            stakeholder,
            ..Party::default()
        }));
    }
    f.done("s1.parties");
    f.set("form", choice("council"));
    f.done("s1.form");
    f.set("invited_on", date(1));
    f.done("s1.invite");
    f.complete("s1");
    if stages == 1 {
        return f.record;
    }
    f.set("publicity_date", date(2));
    f.set("meeting_time", at(9, 15));
    f.set("host", text("村党支部书记"));
    f.set("publicity_channel", multi(&["notice_board"]));
    f.done("s2.publicity");
    f.complete("s2");
    if stages == 2 {
        return f.record;
    }
    f.set("held_at", at(9, 15));
    f.set("as_publicised", Some(Value::Yesno(true)));
    f.done("s3.meeting");
    for index in 0..f.record.parties.len() {
        let party = Party { attended: Some(true), ..f.record.parties[index].clone() };
        f.edit(Edit::UpdateParty { index, party });
    }
    f.done("s3.attendance");
    f.set("opinions", text("各方充分发表意见。"));
    f.done("s3.opinions");
    f.set("consensus", Some(Value::Yesno(true)));
    f.set("outcome", text("按多数意见实施。"));
    f.done("s3.consensus");
    f.complete("s3");
    if stages == 3 {
        return f.record;
    }
    f.set("archived_on", date(10));
    f.done("s4.archive");
    f.set("notify_methods", multi(&["phone"]));
    f.set("notified_on", date(10));
    f.done("s4.notify");
    f.set("result_publicity_date", date(11));
    f.set("result_publicity_channel", multi(&["notice_board"]));
    f.done("s4.publish");
    f.complete("s4");
    f.set("implementer", text("村民委员会"));
    f.set("deadline", date(30 + (index % 4) as i64 * 20));
    f.done("s5.implement");
    if stages == 4 {
        return f.record;
    }
    f.set("letter_date", date(12));
    f.done("s5.letter");
    f.set("implementation_publicity_date", date(25));
    f.set("implementation_publicity_channel", multi(&["notice_board"]));
    f.done("s5.publish");
    f.set("implementation_status", choice("done"));
    f.set("feedback_on", date(26));
    f.done("s5.feedback");
    f.done("s5.lawful");
    f.complete("s5");
    f.record
}
