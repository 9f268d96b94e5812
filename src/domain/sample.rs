//! Sample records, made through the same edits a user makes: for benchmarks of large ledgers and
//! for tests that need records at every stage. Deterministic for a given index.

use super::catalogue::Catalogue;
use super::procedure::{CountyRules, Procedure};
use super::record::{Edit, ItemState, MatterCopy, Party, ProgressReport, Record, Value};
use super::settings::Place;
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
    let record = Record::start(
        format!("sample-{index:05}"),
        procedure,
        MatterCopy::of(catalogue, group, matter),
        &Place::default(),
        false,
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

/// The road case as a village office keeps it: a road between two villages (matter 7 of the
/// template), led by the township's Party committee and supervised by the township government,
/// ten parties with their organisations, one stakeholder absent with a written opinion, a
/// villager who applied to join during the publicity, numbered opinions and a five-point result,
/// every stage completed on the days the work was done, typing folded as a user types. Used by
/// the tests of paper (page counts, the signature, 核验 of an exported file).
pub fn road(procedure: &Procedure, catalogue: &Catalogue) -> Record {
    road_as(procedure, catalogue, false)
}

/// The road case with its implementation followed in three progress reports (落实进展报告), the
/// last one carried out, fed back and published: record `road-reported`.
pub fn road_reported(procedure: &Procedure, catalogue: &Catalogue) -> Record {
    road_as(procedure, catalogue, true)
}

fn road_as(procedure: &Procedure, catalogue: &Catalogue, reported: bool) -> Record {
    let (group, matter) = catalogue.matter("tpl-07").unwrap_or_else(|| {
        let mut all = catalogue.matters();
        all.next().expect("a catalogue has matters")
    });
    let day = |m: u8, d: u8| {
        Date::from_calendar_date(2026, time::Month::try_from(m).unwrap_or(time::Month::November), d)
            .unwrap_or(Date::MIN)
    };
    // 09:00 in Beijing on that day.
    let morning = |m: u8, d: u8| {
        PrimitiveDateTime::new(day(m, d), time::Time::from_hms(1, 0, 0).unwrap_or(time::Time::MIDNIGHT))
            .assume_utc()
    };
    let place = super::settings::Place {
        county: "昌吉市".into(),
        township: "榆树沟镇".into(),
        community: "勇进村".into(),
    };
    let record = Record::start(
        if reported { "road-reported" } else { "road" }.into(),
        procedure,
        MatterCopy::of(catalogue, group, matter),
        &place,
        false,
        morning(11, 1),
    );
    let mut f = Filler { record, procedure, county: CountyRules::default(), now: morning(11, 1) };
    let date = |m: u8, d: u8| Some(Value::Date(day(m, d)));
    let at = |m: u8, d: u8, h: u8| {
        Some(Value::Datetime(PrimitiveDateTime::new(
            day(m, d),
            time::Time::from_hms(h, 0, 0).unwrap_or(time::Time::MIDNIGHT),
        )))
    };

    f.set("source_channels", multi(&["opinion_box", "home_visit"]));
    f.set(
        "source_summary",
        text("两村群众通过意见箱和入户走访反映：连接道路为土路，雨雪天无法通行，学生上学、农产品外运困难。"),
    );
    f.done("s1.ledger");
    f.set("community", text("勇进村"));
    f.set("community", text("勇进村、榆树沟村"));
    // Typed in steps, as a person types: the change log keeps the final value.
    f.set("topic", text("硬化"));
    f.set("topic", text("硬化勇进村至榆树沟村"));
    f.set("topic", text("硬化勇进村至榆树沟村连接道路"));
    f.set("topic_detail", text("连接道路长约3.2公里，途经两村耕地和4户宅基地旁，需统一筹劳、申请奖补。"));
    f.done("s1.topic");
    f.set("scope", choice("cross_village"));
    f.set("lead", choice("township"));
    f.set("lead_contact", text("榆树沟镇党委 马建军 0994-7654321"));
    f.done("s1.scope");
    for fact in ["technical", "wide_reaching", "dispute", "commissioned"] {
        f.set(fact, Some(Value::Yesno(false)));
    }
    f.done("s1.nature");
    let parties = [
        ("马建军", "township", "榆树沟镇党委", false),
        ("王秀兰", "resident", "勇进村1组", true),
        ("李志强", "resident", "勇进村2组", true),
        ("张桂英", "resident", "勇进村3组", true),
        ("刘国庆", "resident", "勇进村4组", false),
        ("陈玉梅", "resident", "榆树沟村1组", true),
        ("杨振华", "resident", "榆树沟村2组", false),
        ("赵淑珍", "resident", "榆树沟村3组", false),
        ("黄永刚", "village_party", "榆树沟村党支部", false),
        ("周丽娟", "village_committee", "勇进村村民委员会", false),
    ];
    for (name, role, organisation, stakeholder) in parties {
        f.edit(Edit::AddParty(Party {
            name: name.into(),
            role: role.into(),
            organisation: organisation.into(),
            stakeholder,
            ..Party::default()
        }));
    }
    f.done("s1.parties");
    f.set("form", choice("council"));
    f.done("s1.form");
    f.set("invited_on", date(11, 2));
    f.done("s1.invite");
    f.complete("s1");

    f.now = morning(11, 3);
    f.set("publicity_date", date(11, 3));
    f.set("publicity_until", date(11, 9));
    f.set("meeting_time", at(11, 10, 15));
    f.set("meeting_place", text("勇进村村委会会议室"));
    f.set("host", text("马建军"));
    f.set("publicity_channel", multi(&["notice_board"]));
    f.done("s2.publicity");
    f.set("application_contact", text("勇进村村委会 马会计 0994-1234567"));
    f.set("applications_note", text("公示期间，榆树沟村村民孙晓燕申请参加，经研究同意。"));
    f.done("s2.applications");
    // Applied during the publicity: a party of stage 2, not of the 公示.
    f.edit(Edit::AddParty(Party {
        name: "孙晓燕".into(),
        role: "resident".into(),
        organisation: "榆树沟村4组".into(),
        stakeholder: true,
        ..Party::default()
    }));
    f.complete("s2");

    // Recorded after the meeting (15:00), at 16:00 in Beijing.
    f.now =
        PrimitiveDateTime::new(day(11, 10), time::Time::from_hms(8, 0, 0).unwrap_or(time::Time::MIDNIGHT))
            .assume_utc();
    f.set("held_at", at(11, 10, 15));
    f.set("held_place", text("勇进村村委会会议室"));
    f.set("recorder", text("赵文书"));
    f.set("as_publicised", Some(Value::Yesno(true)));
    f.done("s3.meeting");
    for index in 0..f.record.parties.len() {
        let mut party = f.record.parties[index].clone();
        party.attended = Some(party.name != "张桂英");
        if party.name == "张桂英" {
            party.written_opinion = "1. 同意硬化\n2. 占地须按标准补偿".into();
        }
        f.edit(Edit::UpdateParty { index, party });
    }
    f.done("s3.attendance");
    f.set(
        "opinions",
        text("1. 两村群众一致赞成硬化连接道路；\n2. 王秀兰提出路面宽度不少于4.5米，方便农机通行；\n3. 陈玉梅提出占用耕地应按标准补偿；\n4. 黄永刚提出两村按户数分摊筹劳。"),
    );
    f.done("s3.opinions");
    f.set("consensus", Some(Value::Yesno(true)));
    f.set("outcome", text("一、硬化连接道路3.2公里\n二、宽度4.5米\n三、两村按户数分摊筹劳\n四、镇政府申请一事一议奖补\n五、2027年6月30日前完工"));
    f.done("s3.consensus");
    f.set("observers", text("驻村工作队队员2名、县人大代表1名列席旁听。"));
    f.done("s3.observers");
    f.set(
        "township_procedure",
        text("经榆树沟镇党委研究，由镇党委牵头、两村党组织协同组织协商，两村群众代表按户数比例参加。"),
    );
    f.done("s3.cross_procedure");
    f.complete("s3");

    f.now = morning(11, 11);
    f.set("archived_on", date(11, 11));
    f.set("archive_ref", text("榆协〔2026〕7号"));
    f.done("s4.archive");
    f.set("notify_methods", multi(&["phone", "written"]));
    f.set("notified_on", date(11, 11));
    f.done("s4.notify");
    f.set("result_publicity_date", date(11, 12));
    f.set("result_publicity_channel", multi(&["notice_board"]));
    f.done("s4.publish");
    f.complete("s4");

    f.now = morning(11, 13);
    f.set("implementer", text("榆树沟镇村镇建设发展中心"));
    f.set(
        "deadline",
        Some(Value::Date(Date::from_calendar_date(2027, time::Month::June, 30).unwrap_or(Date::MIN))),
    );
    f.done("s5.implement");
    f.set("letter_date", date(11, 13));
    f.set("letter_ref", text("榆督〔2026〕3号"));
    f.done("s5.letter");
    f.set("supervised_by", text("榆树沟镇人民政府"));
    f.done("s5.township_supervision");
    if reported {
        // Three reports on how the work went; the last one, carried out, fed back and published,
        // writes 落实情况, 反馈日期 and 公开日期 as the stage's fields.
        let report = |on: Date, reporter: &str, status: &str, note: &str| ProgressReport {
            date: on,
            reporter: reporter.into(),
            status: status.into(),
            note: note.into(),
            fed_back_on: None,
            published_on: None,
            channels: Vec::new(),
        };
        f.now = morning(11, 20);
        f.edit(Edit::AddProgress(report(
            day(11, 20),
            "implementer",
            "in_progress",
            "路基开挖完成，正在铺设碎石垫层。",
        )));
        f.now = morning(11, 27);
        f.edit(Edit::AddProgress(ProgressReport {
            fed_back_on: Some(day(11, 27)),
            ..report(day(11, 27), "township", "partly", "勇进村段路面硬化完成，榆树沟村段正在施工。")
        }));
        f.now = morning(12, 2);
        f.edit(Edit::AddProgress(ProgressReport {
            fed_back_on: Some(day(12, 2)),
            published_on: Some(day(12, 1)),
            channels: vec!["notice_board".into(), "supervision_board".into()],
            ..report(day(12, 2), "village_committee", "done", "道路已硬化完工，经两村群众代表验收合格。")
        }));
    } else {
        f.now = morning(12, 1);
        f.set("implementation_publicity_date", date(12, 1));
        f.set("implementation_publicity_channel", multi(&["notice_board", "supervision_board"]));
        f.now = morning(12, 2);
        f.set("implementation_status", choice("done"));
        f.set("feedback_on", date(12, 2));
        f.set("feedback_note", text("道路已硬化完工，经两村群众代表验收合格。"));
    }
    f.done("s5.publish");
    f.done("s5.feedback");
    f.done("s5.lawful");
    f.complete("s5");
    f.record
}
