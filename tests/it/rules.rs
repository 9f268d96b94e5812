//! Every validation rule, as a table: start from a valid record, change one thing, and expect
//! exactly the problems named — stage, severity, clause, what it points at, and the message.

use crate::fixture::*;
use xieshang::domain::procedure::Severity::{self, Error, Warning};
use xieshang::domain::record::{Edit, ItemState};
use xieshang::domain::validate::{ProblemKind, Target};
use xieshang::i18n::Lang;

/// What one expected problem looks like.
struct Want {
    stage: &'static str,
    severity: Severity,
    clause: &'static str,
    /// The rule id, or the item id for item problems.
    what: &'static str,
    /// Words the Chinese message must contain.
    says: &'static str,
}

fn want(
    stage: &'static str,
    severity: Severity,
    clause: &'static str,
    what: &'static str,
    says: &'static str,
) -> Want {
    Want { stage, severity, clause, what, says }
}

fn check(name: &str, change: impl FnOnce(&mut World), expected: Vec<Want>) {
    let mut w = World::filled();
    assert!(w.report().problems.is_empty(), "the fixture is valid: {:#?}", w.report());
    change(&mut w);
    let report = w.report();
    let got: Vec<String> = report
        .problems
        .iter()
        .map(|p| {
            let what = match (&p.kind, &p.target) {
                (ProblemKind::Rule { rule, .. }, _) => rule.clone(),
                (_, Target::Item { item } | Target::Field { item, .. }) => item.clone(),
                (_, Target::Party { field, .. }) => field.clone(),
            };
            format!(
                "{} {:?} {} {} | {}",
                p.stage,
                p.severity,
                p.clause,
                what,
                xieshang::i18n::problem_message(Lang::Zh, p)
            )
        })
        .collect();
    assert_eq!(got.len(), expected.len(), "{name}: got {got:#?}");
    for (g, e) in got.iter().zip(&expected) {
        let head = format!("{} {:?} {} {} | ", e.stage, e.severity, e.clause, e.what);
        assert!(g.starts_with(&head) && g.contains(e.says), "{name}: got {g}, wanted {head}…{}", e.says);
    }
}

#[test]
fn required_items_and_fields() {
    check(
        "a required item left open",
        |w| w.edit(Edit::SetItem { item: "s2.publicity".into(), state: ItemState::Open }),
        vec![want("s2", Error, "二（四）2", "s2.publicity", "尚未完成：公示协商议题")],
    );
    check(
        "a done item with a required field empty",
        |w| w.set("host", None),
        vec![want("s2", Error, "二（四）2", "s2.publicity", "未填写“主持人”")],
    );
    check(
        "an open required item lists its empty fields too",
        |w| {
            w.edit(Edit::SetItem { item: "s4.archive".into(), state: ItemState::Open });
            w.set("archived_on", None);
        },
        vec![
            want("s4", Error, "二（四）4", "s4.archive", "尚未完成"),
            want("s4", Error, "二（四）4", "s4.archive", "未填写“归档日期”"),
        ],
    );
    check(
        "several problems in several stages are all reported",
        |w| {
            w.set("topic", None);
            w.set("outcome", Some(xieshang::domain::Value::Text("  ".into())));
            w.set("deadline", None);
        },
        vec![
            want("s1", Error, "二（四）1", "s1.topic", "协商议题"),
            want("s3", Error, "二（四）3", "s3.consensus", "协商结果"),
            want("s5", Error, "二（五）", "s5.implement", "落实期限"),
        ],
    );
    check(
        "an optional item done needs its fields",
        |w| w.done("s3.observers"),
        vec![want("s3", Error, "二（四）3", "s3.observers", "列席旁听人员")],
    );
    check("an optional item left open is fine", |_| {}, vec![]);
}

#[test]
fn not_applicable_needs_a_reason() {
    check(
        "not applicable without a reason",
        |w| {
            w.edit(Edit::SetItem {
                item: "s5.letter".into(),
                state: ItemState::NotApplicable { reason: " ".into() },
            })
        },
        vec![want("s5", Error, "二（五）", "s5.letter", "标为不适用，须写明理由")],
    );
    check(
        "not applicable with a reason: its fields are not asked for",
        |w| {
            w.set("letter_date", None);
            w.edit(Edit::SetItem {
                item: "s5.letter".into(),
                state: ItemState::NotApplicable { reason: "由社区自行落实，无需发函".into() },
            })
        },
        vec![],
    );
}

#[test]
fn cross_village_matters_are_led_by_the_township() {
    check(
        "cross-village, led by the village",
        |w| w.set("scope", choice("cross_village")),
        vec![
            want("s1", Error, "二（二）", "cross_village_lead", "乡镇（街道）党（工）委牵头"),
            want("s3", Error, "二（四）3", "s3.cross_procedure", "尚未完成"),
            want("s3", Error, "二（四）3", "s3.cross_procedure", "乡镇（街道）确定的协商程序"),
            want("s5", Error, "二（五）", "s5.township_supervision", "尚未完成"),
            want("s5", Error, "二（五）", "s5.township_supervision", "督促实施的乡镇（街道）"),
        ],
    );
    check(
        "cross-village, led by the township, with its procedure and supervision",
        |w| {
            w.set("scope", choice("cross_village"));
            w.set("lead", choice("township"));
            w.set("township_procedure", text("镇党委会议纪要〔2026〕12号"));
            w.done("s3.cross_procedure");
            w.set("supervised_by", text("城关镇"));
            w.done("s5.township_supervision");
        },
        vec![],
    );
}

#[test]
fn technical_matters_ask_for_an_expert_as_a_warning() {
    check(
        "technical, no expert",
        |w| w.set("technical", yes(true)),
        vec![want("s1", Warning, "二（二）", "technical_expert", "专家学者、专业技术人员或第三方机构")],
    );
    check(
        "technical, with a third party",
        |w| {
            w.set("technical", yes(true));
            w.edit(Edit::AddParty(party("某电力设计院", "third_party", false)));
        },
        // The new party's attendance is not yet recorded.
        vec![want("s3", Error, "二（二）", "attendance_recorded", "某电力设计院：尚未登记出席情况")],
    );
}

#[test]
fn the_notice_asks_for_representatives_as_a_warning() {
    check(
        "no veteran party member, representative or deputy",
        |w| w.edit(Edit::RemoveParty { index: 1 }),
        vec![want("s1", Warning, "二（二）", "representatives", "老党员、老干部、群众代表")],
    );
}

#[test]
fn wide_reaching_matters_go_to_a_meeting_not_a_small_talk() {
    // 二（四）3 names 专题议事会、民主听证会等程序 and ends in 等; 二（三） keeps 个别走访、单独约谈、
    // 小范围恳谈 for matters with few stakeholders. Which forms count is data (procedure.json).
    check(
        "wide-reaching, held as a 小范围恳谈",
        |w| {
            w.set("wide_reaching", yes(true));
            w.set("form", choice("small_talk"));
        },
        vec![
            want("s1", Error, "二（四）3", "wide_reaching_form", "小范围恳谈是涉及利益相关方不多的事项"),
            want("s1", Warning, "二（四）3", "wide_reaching_meeting", "所选形式不是会议程序"),
        ],
    );
    for (form, label) in [
        ("council", "村（居）民议事会"),
        ("public_hearing", "民主听证会"),
        ("representatives_meeting", "村（居）民代表会议"),
        ("villagers_meeting", "村（居）民会议"),
    ] {
        check(
            &format!("wide-reaching, held as a {label}"),
            |w| {
                w.set("wide_reaching", yes(true));
                w.set("form", choice(form));
            },
            vec![],
        );
    }
    check(
        "wide-reaching, held on a 民情恳谈日: allowed, with a warning to confirm",
        |w| {
            w.set("wide_reaching", yes(true));
            w.set("form", choice("talk_day"));
        },
        vec![want("s1", Warning, "二（四）3", "wide_reaching_meeting", "所选形式不是会议程序")],
    );
    check(
        "a small talk for a matter that is not wide-reaching",
        |w| w.set("form", choice("small_talk")),
        vec![],
    );
    check(
        "another form must be named",
        |w| w.set("form", choice("other")),
        vec![want("s1", Error, "二（三）", "s1.form", "其他形式名称")],
    );
}

#[test]
fn the_outcome_is_reported_after_the_consultation() {
    check(
        "通报 the day before the meeting",
        |w| w.set("notified_on", date("2026-11-09")),
        vec![want("s4", Error, "二（四）4", "held_before_notified", "通报日期早于实际协商时间")],
    );
    check("通报 on the day of the meeting", |w| w.set("notified_on", date("2026-11-10")), vec![]);
}

fn absent(w: &mut World, index: usize, opinion: &str, reason: &str) {
    let mut p = w.record.parties[index].clone();
    p.attended = Some(false);
    p.written_opinion = opinion.into();
    p.no_opinion_reason = reason.into();
    w.edit(Edit::UpdateParty { index, party: p });
}

#[test]
fn absent_stakeholders_are_heard_in_writing_or_the_reason_is_recorded() {
    check(
        "an absent stakeholder, nothing recorded",
        |w| absent(w, 3, "", ""),
        vec![want("s3", Error, "二（二）", "absent_stakeholder", "张伟：未出席的利益相关者应有书面意见")],
    );
    check("with a written opinion", |w| absent(w, 3, "同意，但须避开消防通道", ""), vec![]);
    check("with a reason", |w| absent(w, 3, "", "外出务工，电话联系未果"), vec![]);
    check("an absent party who is no stakeholder", |w| absent(w, 1, "", ""), vec![]);
    check(
        "attendance not recorded",
        |w| {
            let mut p = w.record.parties[2].clone();
            p.attended = None;
            w.edit(Edit::UpdateParty { index: 2, party: p });
        },
        vec![want("s3", Error, "二（二）", "attendance_recorded", "李秀兰：尚未登记出席情况")],
    );
}

#[test]
fn dates_follow_the_procedure() {
    check("published after the meeting time", |w| w.set("publicity_date", date("2026-11-10")), vec![]);
    check(
        "published after the planned and the actual meeting",
        |w| w.set("publicity_date", date("2026-11-11")),
        vec![
            want("s2", Error, "二（四）2", "publicity_before_meeting", "先公示信息，再开展协商"),
            want("s3", Error, "二（四）3", "publicity_before_held", "早于公示日期"),
        ],
    );
    check(
        "result published before the meeting",
        |w| w.set("result_publicity_date", date("2026-11-09")),
        vec![want("s4", Error, "二（四）4", "held_before_result", "成果公示日期早于实际协商时间")],
    );
    check(
        "deadline before the result was published",
        |w| w.set("deadline", date("2026-11-11")),
        vec![want("s5", Error, "二（五）", "result_before_deadline", "落实期限早于成果公示日期")],
    );
}

#[test]
fn commissioned_matters_report_back() {
    check(
        "commissioned, no report, no body named",
        |w| w.set("commissioned", yes(true)),
        vec![
            want("s1", Error, "二（二）", "s1.nature", "委托单位"),
            want("s5", Error, "二（五）", "s5.report", "尚未完成：受委托的协商事项"),
            want("s5", Error, "二（五）", "s5.report", "报告日期"),
        ],
    );
    check(
        "commissioned, reported",
        |w| {
            w.set("commissioned", yes(true));
            w.set("commissioned_by", text("城关镇人民政府"));
            w.set("reported_on", date("2026-12-05"));
            w.done("s5.report");
        },
        vec![],
    );
}

#[test]
fn disputes_need_mediation_recorded() {
    check(
        "touches a dispute",
        |w| w.set("dispute", yes(true)),
        vec![
            want("s5", Error, "二（五）", "s5.mediation", "尚未完成"),
            want("s5", Error, "二（五）", "s5.mediation", "化解调处情况"),
        ],
    );
}

#[test]
fn county_numbers_are_off_unless_the_county_sets_them() {
    check("publicity one week before, no county rule", |_| {}, vec![]);
    check(
        "the county asks for ten days of publicity",
        |w| w.county.publicity_days = Some(10),
        vec![want(
            "s3",
            Error,
            "县（市）规定",
            "county_publicity_days",
            "不足本县（市）规定的10天（实际7天）",
        )],
    );
    check("the county asks for seven", |w| w.county.publicity_days = Some(7), vec![]);
    check(
        "the county sets a time limit for publishing the implementation",
        |w| w.county.implementation_publicity_days = Some(14),
        vec![want(
            "s5",
            Error,
            "县（市）规定",
            "county_implementation_days",
            "14天内公开（本县（市）规定），实际为21天",
        )],
    );
}
