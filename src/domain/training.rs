//! Worked cases for training sessions (培训练习): realistic consultations drawn from the
//! catalogue, each left at some stage with a deliberate gap that the stage gate and the report
//! point out. A case is made through the same edits a user makes, so its audit trail reads like
//! real work; the gap is simply what the staff in the story did not do, or did wrongly.

use super::catalogue::Catalogue;
use super::procedure::{CountyRules, Procedure};
use super::record::{Edit, MatterCopy, Party, Record, Value};
use super::sample::{choice, multi, text, Filler};
use super::settings::Place;
use super::when::{OffsetDateTime, PrimitiveDateTime};
use time::Duration;

/// A text in Chinese and in English (the training layer carries both; the UI picks one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    /// 简体中文.
    pub zh: &'static str,
    /// English.
    pub en: &'static str,
}

/// A worked case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Case {
    /// Stable id (`cross-village-lead`, …).
    pub id: &'static str,
    /// The catalogue matter it is drawn from (an id of the template).
    pub matter: &'static str,
    /// Title of the case.
    pub title: Text,
    /// The situation, as the trainee is told it.
    pub situation: Text,
    /// What the trainee is asked to do.
    pub task: Text,
    /// The consultation topic of its record (how a practice record is known to be of it).
    pub topic: &'static str,
    /// The stage the case stands at (the first one not completed).
    pub stage: &'static str,
    /// The rule of the procedure its gap breaks, where the gap is a rule (otherwise the gap is a
    /// required item left undone).
    pub rule: Option<&'static str>,
}

/// The worked cases, in the order of the procedure.
pub const CASES: [Case; 5] = [
    Case {
        id: "cross-village-lead",
        matter: "tpl-07",
        title: Text {
            zh: "东湖村、西湖村共用机耕道的修缮",
            en: "Repairing a farm road shared by Donghu and Xihu villages",
        },
        situation: Text {
            zh: "东湖村与西湖村共用的一段机耕道年久失修，两村村民都反映强烈。东湖村村民委员会收集意见后，自行牵头确定了议题、参与主体和协商形式，准备提交确定议题。",
            en: "A farm road shared by Donghu and Xihu villages is in disrepair and residents of both complain. The Donghu villagers' committee gathered the opinions and led the preparation of the topic, parties and form itself, and is about to complete the first stage.",
        },
        task: Text {
            zh: "查看“确定议题”阶段的问题报告，按通知要求改正后完成本阶段。",
            en: "Read the report of the stage “Set the topic”, correct what the notice requires, then complete the stage.",
        },
        topic: "东湖村—西湖村机耕道修缮的一事一议筹资筹劳方案",
        stage: "s1",
        rule: Some("cross_village_lead"),
    },
    Case {
        id: "wide-reaching-small-talk",
        matter: "tpl-41",
        title: Text {
            zh: "团结社区老旧小区拆迁改造计划",
            en: "Redevelopment plan for the old estates of Tuanjie community",
        },
        situation: Text {
            zh: "团结社区的老旧小区拆迁改造计划涉及三百多户居民，关注度很高。社区为了尽快推进，打算只请几户居民开一次小范围恳谈。",
            en: "The redevelopment plan for the old estates of Tuanjie community affects over three hundred households and draws wide attention. To move fast, the community plans only a small talk with a few households.",
        },
        task: Text {
            zh: "找出协商形式的问题，选择通知要求的形式后完成“确定议题”阶段。",
            en: "Find what is wrong with the form of consultation, choose a form the notice requires, then complete the stage “Set the topic”.",
        },
        topic: "团结社区老旧小区拆迁改造计划的编制",
        stage: "s1",
        rule: Some("wide_reaching_form"),
    },
    Case {
        id: "absent-stakeholder",
        matter: "tpl-26",
        title: Text {
            zh: "幸福社区3号楼前健身器材的选址",
            en: "Siting fitness equipment in front of building 3, Xingfu community",
        },
        situation: Text {
            zh: "幸福社区拟在3号楼前空地安装健身器材。协商会已按公示召开，但住在1楼、受影响最大的赵桂芳没有到会，也没有留下书面意见，记录中未作说明。",
            en: "Xingfu community plans fitness equipment on the open space in front of building 3. The meeting was held as publicised, but Zhao Guifang, the ground-floor resident most affected, did not attend and left no written opinion, and the record says nothing about it.",
        },
        task: Text {
            zh: "在“开展协商”阶段补齐未到会利益相关方的书面意见（或记明未提交的原因）后完成本阶段。",
            en: "In the stage “Hold the consultation”, record the absent stakeholder's written opinion (or why there is none), then complete the stage.",
        },
        topic: "幸福社区3号楼前健身器材的选址",
        stage: "s3",
        rule: Some("absent_stakeholder"),
    },
    Case {
        id: "result-never-published",
        matter: "tpl-27",
        title: Text {
            zh: "和平社区地下车库充电桩的设立",
            en: "Charging points in the underground car park of Heping community",
        },
        situation: Text {
            zh: "和平社区关于在地下车库设立电动车充电桩的协商已达成共识，材料已归档，也电话通报了各方，但协商成果一直没有在村（居）务公开栏等平台公示。",
            en: "Heping community reached agreement on charging points in the underground car park; the papers are filed and the parties were told by phone, but the result was never posted on the notice board or any other platform.",
        },
        task: Text {
            zh: "在“公开成果”阶段补上成果公示（日期和平台）后完成本阶段。",
            en: "In the stage “Publish the result”, add the public notice of the result (date and platform), then complete the stage.",
        },
        topic: "和平社区地下车库电动车充电桩的设立",
        stage: "s4",
        rule: None,
    },
    Case {
        id: "result-not-carried-out",
        matter: "tpl-26",
        title: Text {
            zh: "光明村文化广场路灯的安装",
            en: "Street lights for the culture square of Guangming village",
        },
        situation: Text {
            zh: "光明村协商决定在文化广场安装路灯，发出公函后落实期限已过，台账上显示逾期，记录里的落实情况仍是“未落实”。今天村委会回访：施工队已完工，村民代表验收合格。",
            en: "Guangming village agreed to put street lights on the culture square. The letter went out, the deadline has passed, the ledger shows the record overdue, and its implementation still reads “Not implemented”. Today the village committee checked: the contractor has finished and the villagers' representatives accepted the work.",
        },
        task: Text {
            zh: "在“运用协商成果”阶段按实际情况更新落实情况和反馈日期，然后完成本阶段（未落实的成果不能办结）。",
            en: "In the stage “Use the result”, record the implementation as it now stands and the feedback date, then complete the stage (a result not carried out cannot be closed).",
        },
        topic: "光明村文化广场安装路灯",
        stage: "s5",
        rule: Some("closed_when_carried_out"),
    },
];

/// The case with this id.
pub fn case(id: &str) -> Option<&'static Case> {
    CASES.iter().find(|c| c.id == id)
}

/// How far a practice record of a case has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attempt {
    /// Still at the case's stage (or before it).
    Open,
    /// Past the case's stage, the gap mended as the notice asks.
    Solved,
    /// Past the case's stage, but by changing the situation of the story instead (e.g. a road
    /// shared by two villages entered as one village's matter): the rule the case is about no
    /// longer applies, so the gate had nothing to refuse.
    SituationChanged,
}

impl Case {
    /// How far `record`, a practice record of this case, has come.
    pub fn attempt(&self, record: &Record, procedure: &Procedure) -> Attempt {
        let at = procedure.stage_index(self.stage).unwrap_or(0);
        let past =
            record.current_stage(procedure).and_then(|s| procedure.stage_index(s)).is_none_or(|i| i > at);
        if !past {
            return Attempt::Open;
        }
        let rule = self.rule.and_then(|id| procedure.rules.iter().find(|r| r.id == id));
        match rule {
            Some(rule) if !record.holds(procedure, &rule.when) => Attempt::SituationChanged,
            _ => Attempt::Solved,
        }
    }
}

fn party(name: &str, role: &str, organisation: &str, stakeholder: bool) -> Party {
    Party {
        name: name.into(),
        role: role.into(),
        organisation: organisation.into(),
        stakeholder,
        ..Party::default()
    }
}

/// A new record of a case, with id `id`, made as if its work had been done over the two weeks
/// before `now`. The matter is taken from `catalogue` where it is in use there, otherwise from
/// the template. `None` for an unknown case.
pub fn open(
    case_id: &str,
    procedure: &Procedure,
    catalogue: &Catalogue,
    id: String,
    now: OffsetDateTime,
) -> Option<Record> {
    let case = case(case_id)?;
    let template = Catalogue::template();
    let (list, (group, matter)) = match catalogue.matter(case.matter) {
        Some(found) if found.1.retired.is_none() => (catalogue, found),
        _ => (&template, template.matter(case.matter)?),
    };
    let day0 = now.date() - Duration::days(14);
    let created = PrimitiveDateTime::new(day0, time::Time::from_hms(9, 0, 0).unwrap_or(time::Time::MIDNIGHT))
        .assume_utc();
    let record =
        Record::start(id, procedure, MatterCopy::of(list, group, matter), &Place::default(), true, created);
    let mut f = Filler { record, procedure, county: CountyRules::default(), now: created };
    let date = |d: i64| Some(Value::Date(day0 + Duration::days(d)));
    let at = |d: i64, h: u8| {
        Some(Value::Datetime(PrimitiveDateTime::new(
            day0 + Duration::days(d),
            time::Time::from_hms(h, 0, 0).unwrap_or(time::Time::MIDNIGHT),
        )))
    };
    let yes = Some(Value::Yesno(true));
    // Stage 1 is filled the same way in every case; only its values differ.
    let first = match case.id {
        "cross-village-lead" => Stage1 {
            channels: &["home_visit", "speak_day"],
            summary: Some("两村村民反映机耕道路面塌陷、雨天无法通行，秋收农机进出困难。"),
            community: "东湖村、西湖村",
            detail: Some("修缮两村交界处约1.2公里机耕道，商议筹资筹劳标准和施工管理。"),
            scope: "cross_village",
            lead: "village_committee",
            lead_contact: Some("东湖村村委会主任 马建军"),
            wide_reaching: false,
            parties: vec![
                party("东湖村村民委员会", "village_committee", "东湖村", false),
                party("西湖村村民委员会", "village_committee", "西湖村", false),
                party("周德明", "veteran_party_member", "东湖村", false),
                party("李春花", "resident", "东湖村3组", true),
                party("阿不都热合曼", "resident", "西湖村1组", true),
            ],
            form: "council",
            invited: 3,
        },
        "wide-reaching-small-talk" => Stage1 {
            channels: &["opinion_box", "online"],
            summary: Some("居民关心拆迁补偿、过渡安置和改造后的停车位。"),
            wide_reaching: true,
            ..Stage1::plain(
                "团结社区",
                vec![
                    party("团结社区党支部", "village_party", "团结社区", false),
                    party("刘淑珍", "resident_representative", "团结社区", false),
                    party("王海", "resident", "5号楼", true),
                    party("陈玉兰", "resident", "7号楼", true),
                ],
                "small_talk",
                2,
            )
        },
        "absent-stakeholder" => Stage1::plain(
            "幸福社区",
            vec![
                party("幸福社区居民委员会", "village_committee", "幸福社区", false),
                party("孙立华", "veteran_cadre", "幸福社区", false),
                party("赵桂芳", "resident", "3号楼1单元101", true),
                party("钱志强", "resident", "3号楼2单元502", true),
            ],
            "council",
            1,
        ),
        "result-never-published" => Stage1::plain(
            "和平社区",
            vec![
                party("和平社区居民委员会", "village_committee", "和平社区", false),
                party("郑晓燕", "resident_representative", "和平社区", false),
                party("某物业服务有限公司", "property_company", "和平社区", true),
                party("吴强", "resident", "车库车位业主", true),
            ],
            "speak_day",
            1,
        ),
        "result-not-carried-out" => Stage1::plain(
            "光明村",
            vec![
                party("光明村党支部", "village_party", "光明村", false),
                party("马玉兰", "resident_representative", "光明村", false),
                party("李建国", "resident", "光明村2组", true),
                party("王芳", "resident", "光明村3组", true),
            ],
            "council",
            1,
        ),
        _ => return None,
    };
    let community = first.community;
    let invited_on = date(first.invited);
    first.fill(&mut f, case.topic, invited_on);
    if matches!(case.id, "absent-stakeholder" | "result-never-published" | "result-not-carried-out") {
        f.complete("s1");
        f.set("publicity_date", date(2));
        f.set("meeting_time", at(7, 19));
        f.set("meeting_place", text(format!("{community}党群服务中心")));
        f.set("host", text(format!("{community}党支部书记")));
        f.set("publicity_channel", multi(&["notice_board", "online"]));
        f.done("s2.publicity");
        f.complete("s2");
        f.set("held_at", at(7, 19));
        f.set("held_place", text(format!("{community}党群服务中心")));
        f.set("as_publicised", yes.clone());
        f.done("s3.meeting");
        let absent = if case.id == "absent-stakeholder" { Some(2) } else { None };
        for index in 0..f.record.parties.len() {
            let party = Party { attended: Some(Some(index) != absent), ..f.record.parties[index].clone() };
            f.edit(Edit::UpdateParty { index, party });
        }
        f.done("s3.attendance");
        f.set("opinions", text("多数居民赞成；有居民担心噪音和夜间使用，建议限定使用时间。"));
        f.done("s3.opinions");
        f.set("consensus", yes.clone());
        f.set("outcome", text("按多数意见实施，并在显著位置公示使用时间。"));
        f.done("s3.consensus");
        if matches!(case.id, "result-never-published" | "result-not-carried-out") {
            f.complete("s3");
            f.set("archived_on", date(9));
            f.set("archive_ref", text("和平社区协商档案2026-07"));
            f.done("s4.archive");
            f.set("notify_methods", multi(&["phone"]));
            f.set("notified_on", date(9));
            f.done("s4.notify");
        }
        if case.id == "result-not-carried-out" {
            f.set("result_publicity_date", date(9));
            f.set("result_publicity_channel", multi(&["notice_board"]));
            f.done("s4.publish");
            f.complete("s4");
            // Due four days ago, and still reported 未落实.
            f.set("implementer", text("光明村村民委员会"));
            f.set("deadline", date(10));
            f.done("s5.implement");
            f.set("letter_date", date(9));
            f.set("letter_ref", text("光明村函〔2026〕3号"));
            f.done("s5.letter");
            f.set("implementation_publicity_date", date(11));
            f.set("implementation_publicity_channel", multi(&["notice_board"]));
            f.done("s5.publish");
            f.set("implementation_status", choice("not_done"));
            f.set("feedback_on", date(11));
            f.set("feedback_note", text("施工队尚未进场。"));
            f.done("s5.feedback");
            f.done("s5.lawful");
        }
    }
    Some(f.record)
}

/// What a case's first stage holds.
struct Stage1 {
    channels: &'static [&'static str],
    summary: Option<&'static str>,
    community: &'static str,
    detail: Option<&'static str>,
    scope: &'static str,
    lead: &'static str,
    lead_contact: Option<&'static str>,
    wide_reaching: bool,
    parties: Vec<Party>,
    form: &'static str,
    invited: i64,
}

impl Stage1 {
    /// A one-village matter led by the Party organisation and the committee together, opinions
    /// from the box and home visits, nothing technical, wide-reaching, disputed or commissioned.
    fn plain(community: &'static str, parties: Vec<Party>, form: &'static str, invited: i64) -> Stage1 {
        Stage1 {
            channels: &["opinion_box", "home_visit"],
            summary: None,
            community,
            detail: None,
            scope: "single",
            lead: "village_party_and_committee",
            lead_contact: None,
            wide_reaching: false,
            parties,
            form,
            invited,
        }
    }

    /// Fills stage 1 as staff would, item by item (not completed: a case may stop here).
    fn fill(self, f: &mut Filler<'_>, topic: &str, invited_on: Option<Value>) {
        f.set("source_channels", multi(self.channels));
        if let Some(s) = self.summary {
            f.set("source_summary", text(s));
        }
        f.done("s1.ledger");
        f.set("community", text(self.community));
        f.set("topic", text(topic));
        if let Some(d) = self.detail {
            f.set("topic_detail", text(d));
        }
        f.done("s1.topic");
        f.set("scope", choice(self.scope));
        f.set("lead", choice(self.lead));
        if let Some(c) = self.lead_contact {
            f.set("lead_contact", text(c));
        }
        f.done("s1.scope");
        for fact in ["technical", "wide_reaching", "dispute", "commissioned"] {
            f.set(fact, Some(Value::Yesno(fact == "wide_reaching" && self.wide_reaching)));
        }
        f.done("s1.nature");
        for p in self.parties {
            f.edit(Edit::AddParty(p));
        }
        f.done("s1.parties");
        f.set("form", choice(self.form));
        f.done("s1.form");
        f.set("invited_on", invited_on);
        f.done("s1.invite");
    }
}
