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
    let text = transfer::to_json(&transfer::export(records, vec![], place, now()));
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
    for want in ["一、按地区统计", "玛纳斯县", "呼图壁县", "逾期未落实", "从确定议题到成果公示的用时", "18条"]
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
    let records = transfer::to_json(&transfer::export(&[], vec![], &here, now()));
    assert!(matches!(opinion::parse_ledger_file(&records), Err(transfer::ImportError::WrongFormat { .. })));
    let dup = text.replace("\"o2\"", "\"o1\"");
    assert!(matches!(opinion::parse_ledger_file(&dup), Err(transfer::ImportError::DuplicateId { .. })));
}
