//! The overview across villages: three villages' files (one record also in a township's file)
//! give counts that match what the files hold, each record counted once; an opinion ledger adds
//! its opinions; the document and the CSV carry the figures.

use xieshang::domain::opinion::{self, Opinion, OpinionStatus};
use xieshang::domain::overview::{self, Overview};
use xieshang::domain::settings::Place;
use xieshang::domain::{sample, transfer, Catalogue, Procedure, Record};

fn now() -> time::OffsetDateTime {
    time::macros::datetime!(2026-11-27 10:00 UTC)
}

fn place(county: &str, township: &str, community: &str) -> Place {
    Place { county: county.into(), township: township.into(), community: community.into() }
}

fn file(records: &[Record], place: &Place) -> transfer::Parsed {
    let text = transfer::to_json(transfer::export(records, vec![], place, now()));
    transfer::parse(&text, &Procedure::standard()).expect("parses")
}

#[test]
fn three_villages_are_counted_once_each_and_by_place_stage_and_matter() {
    let p = Procedure::standard();
    let c = Catalogue::template();
    let start = time::macros::date!(2026 - 06 - 01);
    let records: Vec<Record> = (0..18).map(|i| sample::record(&p, &c, i, start)).collect();
    let a = place("玛纳斯县", "乐土驿镇", "");
    let b = place("玛纳斯县", "包家店镇", "");
    let d = place("呼图壁县", "大丰镇", "");
    let mut o = Overview::default();
    let na = o.add_records("a.json", &file(&records[0..6], &a), &p);
    let nb = o.add_records("b.json", &file(&records[6..12], &b), &p);
    // The third file also carries a record of the first (a township passing one on).
    let mut third = records[12..18].to_vec();
    third.push(records[0].clone());
    let nd = o.add_records("d.json", &file(&third, &d), &p);
    assert_eq!((na.records, na.repeated, nb.repeated, nd.records, nd.repeated), (6, 0, 0, 7, 1));
    // The same file twice changes nothing but the repeated count.
    o.add_records("a-again.json", &file(&records[0..6], &a), &p);
    assert_eq!(o.record_count(), 18);
    assert_eq!(overview::ids(&o).len(), 18);

    let today = time::macros::date!(2026 - 11 - 27);
    let f = o.figures(&p, today);
    assert_eq!(f.records, 18);
    assert_eq!(f.files, 4);
    assert_eq!(f.repeated, 7);
    // Samples complete `i % 6` stages: 0..5 completed stages, three of each.
    assert_eq!(f.by_stage, vec![3, 3, 3, 3, 3, 3]);
    assert_eq!(f.completed, 3);
    assert_eq!(f.implementing, 3);
    assert_eq!(f.consulting, 12);
    assert_eq!(f.by_place.values().map(|c| c.records).sum::<usize>(), 18);
    let manas: usize =
        f.by_place.iter().filter(|(k, _)| k.county == "玛纳斯县").map(|(_, c)| c.records).sum();
    assert_eq!(manas, 12);
    // Village names come from the records (the samples' communities).
    assert!(f.by_place.keys().all(|k| !k.community.is_empty()));
    assert_eq!(f.by_matter.values().map(|m| m.records).sum::<usize>(), 18);
    // A matter whose records never got past stage 3 is listed.
    let never = f.never_reached();
    assert!(!never.is_empty());
    assert!(never.iter().all(|(_, m)| m.reached_5 == 0));
    // Records with a published result (4 and 5 completed stages: six records) have a time.
    assert_eq!(f.topic_to_result.len(), 6);
    assert!(f.topic_to_result.iter().all(|d| *d >= 0));
    // Overdue: deadlines of samples lie months before today, except implemented ones.
    assert_eq!(f.overdue, f.overdue_rows.len());
    assert!(f.overdue >= 1);

    let doc = f.document(&p, "昌吉州民政局", today, xieshang::i18n::Lang::Zh);
    let text = format!("{:?}", doc.blocks);
    for want in
        ["一、按地区统计", "玛纳斯县", "呼图壁县", "逾期未落实", "各环节用时（按记录中填写的日期）", "18条"]
    {
        assert!(text.contains(want), "{want}");
    }
    let csv = f.csv(&p, xieshang::i18n::Lang::Zh);
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains("概况,,,,,,协商记录,18"));
    // In English: the same lines, English headings and labels; places as the files name them.
    let en = f.csv(&p, xieshang::i18n::Lang::En);
    assert_eq!(en.lines().count(), csv.lines().count());
    assert!(en.starts_with(
        "\u{feff}Table,County,Township,Village (community),Category,Matter,Figure,Value,Deadline"
    ));
    assert!(en.contains("Summary,,,,,,Records,18"));
    assert!(en.contains("By place,玛纳斯县,"));
    assert!(en.contains("By stage,,,,,,Stage 1 "));
    for zh in ["概况", "按地区", "按事项", "记录数", "已办结", "第1阶段"] {
        assert!(!en.contains(zh), "{zh} left in the English CSV");
    }
}

#[test]
fn an_opinion_ledger_file_round_trips_and_its_opinions_count_once() {
    let op = |id: &str, status: OpinionStatus| Opinion {
        id: id.into(),
        date: time::macros::date!(2026 - 10 - 01),
        channel: "opinion_box".into(),
        who: "<b>王</b>".into(),
        content: "路灯不亮".into(),
        status,
        record: None,
        created: now(),
    };
    let here = place("玛纳斯县", "乐土驿镇", "东村");
    let text = opinion::ledger_file(
        &[op("o1", OpinionStatus::Pending), op("o2", OpinionStatus::Promoted)],
        &here,
        now(),
    );
    let back = opinion::parse_ledger_file(&text).expect("reads");
    assert_eq!(back.opinions.len(), 2);
    assert_eq!(back.place, here);
    let mut o = Overview::default();
    o.add_opinions("o.json", &back);
    let note = o.add_opinions("o-again.json", &back);
    assert_eq!(note.repeated, 2);
    assert_eq!(o.opinion_count(), 2);
    let f = o.figures(&Procedure::standard(), time::macros::date!(2026 - 11 - 27));
    assert_eq!(f.opinions_by_place.values().next(), Some(&(2, 1, 1, 0)));
    // A records file is not an opinion ledger, and says so.
    let records = transfer::to_json(transfer::export(&[], vec![], &here, now()));
    assert!(matches!(opinion::parse_ledger_file(&records), Err(transfer::ImportError::WrongFormat { .. })));
    let dup = text.replace("\"o2\"", "\"o1\"");
    assert!(matches!(opinion::parse_ledger_file(&dup), Err(transfer::ImportError::DuplicateId { .. })));
}

#[test]
fn times_come_from_the_dates_the_records_hold_and_a_missing_date_is_counted_as_missing() {
    use xieshang::domain::record::Value;
    let p = Procedure::standard();
    let c = Catalogue::template();
    // The road case: 约请 2 Nov, consultation 10 Nov, result notice 12 Nov, carried out and fed
    // back 2 Dec; every stage was ticked complete on other days (the click times differ).
    let road = sample::road(&p, &c);
    let mut no_invitation = road.clone();
    no_invitation.id = "road-2".into();
    no_invitation.values.remove("invited_on");
    let mut no_meeting = road.clone();
    no_meeting.id = "road-3".into();
    no_meeting.values.remove("held_at");
    // Carried out two days after its deadline.
    let mut late = road.clone();
    late.id = "road-4".into();
    late.values.insert("deadline".into(), Value::Date(time::macros::date!(2026 - 11 - 30)));
    // Not carried out, its deadline a month gone.
    let mut open = road.clone();
    open.id = "road-5".into();
    open.values.insert("deadline".into(), Value::Date(time::macros::date!(2026 - 11 - 15)));
    open.values.insert("implementation_status".into(), Value::Choice("in_progress".into()));
    let mut o = Overview::default();
    let township = place("昌吉市", "榆树沟镇", "");
    o.add_records("road.json", &file(&[road, no_invitation, no_meeting, late, open], &township), &p);
    let today = time::macros::date!(2026 - 12 - 15);
    let f = o.figures(&p, today);
    // Topic → consultation: 8 days (three records; one timed from the day the topic was typed, 1
    // Nov: 9 days); the one without a consultation date is missing, not 0.
    assert_eq!(f.spans[0].days, [8, 8, 8, 9]);
    assert_eq!((f.spans[0].from_typing, f.spans[0].missing), (1, 1));
    // Consultation → result notice: 2 days.
    assert_eq!(f.spans[1].days, [2, 2, 2, 2]);
    assert_eq!(f.spans[1].missing, 1);
    // Result notice → carried out: 20 days, for those carried out (the open one stands at stage 5).
    assert_eq!(f.spans[2].days, [20, 20, 20, 20]);
    assert_eq!(f.spans[2].missing, 0);
    // Topic → result notice: 10 days (11 from typing).
    assert_eq!(f.spans[3].days, [10, 10, 10, 10, 11]);
    assert_eq!(f.topic_to_result, f.spans[3].days);
    // On time: three carried out by 2027-06-30; one two days late; one not carried out, 30 days
    // past its deadline.
    assert_eq!((f.on_time.due, f.on_time.on_time), (5, 3));
    assert_eq!(f.on_time.late_days, [2, 30]);
    let by = &f.on_time_by_township[&("昌吉市".to_owned(), "榆树沟镇".to_owned())];
    assert_eq!(by, &f.on_time);
    let text = format!("{:?}", f.document(&p, "昌吉市民政局", today, xieshang::i18n::Lang::Zh).blocks);
    assert!(text.contains("按期落实：落实期限已到或已落实的记录5条，按期落实3条（60%）；逾期的（含逾期后落实的）2条，逾期天数中位数16.0天。"), "{text}");
    assert!(text.contains("确定议题至开展协商（其中1条缺约请日期，以议题录入日计）"), "{text}");
    let csv = f.csv(&p, xieshang::i18n::Lang::Zh);
    assert!(csv.contains("各环节用时,,,,,,确定议题至开展协商：缺少日期的记录,1"), "{csv}");
    assert!(csv.contains("按期落实,昌吉市,榆树沟镇,,,,按期落实,3"), "{csv}");
}
