//! The print model: what each document says for a record.

use crate::fixture::*;
use xieshang::domain::documents::{document, Block, DocKind, Document};
use xieshang::domain::record::{Edit, ItemState};
use xieshang::domain::settings::Settings;
use xieshang::domain::when;
use xieshang::i18n::Lang;

pub fn text_of(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| match b {
            Block::Heading(t) | Block::Paragraph(t) => t.clone(),
            Block::Fields(f) => f.iter().map(|(l, v)| format!("{l}：{v}")).collect::<Vec<_>>().join("\n"),
            Block::Table { header, rows, .. } => std::iter::once(header.join("|"))
                .chain(rows.iter().map(|r| r.join("|")))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::SignLines(l) => l.join("\n"),
            Block::Bars { caption, rows } => std::iter::once(caption.clone())
                .chain(rows.iter().map(|(l, n)| format!("{l} {n}")))
                .collect::<Vec<_>>()
                .join("\n"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_publicity_notice_names_topic_time_place_participants_and_host() {
    let w = World::completed();
    let d = document(DocKind::Publicity, &w.record, &w.procedure, Lang::Zh, &when::CHINA);
    assert_eq!(d.title, "协商议题公示");
    assert_eq!(d.issuer, "幸福社区党组织、幸福社区居民委员会", "the lead body the record names");
    assert_eq!(d.date, Some(time::macros::date!(2026 - 11 - 03)));
    assert_eq!(d.digest.len(), 19);
    let t = text_of(&d.blocks);
    for want in [
        "协商议题：在3号楼前设立电动自行车充电桩",
        "协商时间：2026年11月10日 15:00",
        "协商地点：社区议事厅",
        "主持人：刘书记",
        "协商形式：村（居）民议事会",
        "参加人员：社区党支部〔村（社区）党组织〕、王建国（老党员）、李秀兰〔村（居）民〕、张伟〔村（居）民〕",
        "可以申请参加协商议事",
        "昌州民字〔2021〕85号",
    ] {
        assert!(t.contains(want), "missing {want} in\n{t}");
    }
}

#[test]
fn the_minutes_record_attendance_absent_opinions_and_consensus() {
    let mut w = World::filled();
    let mut p = w.record.parties[3].clone();
    p.attended = Some(false);
    p.written_opinion = "同意，但须避开消防通道".into();
    w.edit(Edit::UpdateParty { index: 3, party: p });
    let d = document(DocKind::Minutes, &w.record, &w.procedure, Lang::Zh, &when::CHINA);
    let t = text_of(&d.blocks);
    assert!(t.contains("4|张伟|村（居）民||是|未出席"), "{t}");
    assert!(t.contains("张伟|同意，但须避开消防通道|"));
    assert!(t.contains("是否达成共识：是"));
    assert!(t.contains("在3号楼东侧空地设立充电桩"));
    assert!(t.contains("三、列席旁听人员\n无。"), "numbered in turn: {t}");
    assert!(matches!(d.blocks.last(), Some(Block::SignLines(_))));
}

#[test]
fn the_letter_is_addressed_to_the_implementer_with_the_deadline() {
    let w = World::completed();
    let d = document(DocKind::Letter, &w.record, &w.procedure, Lang::Zh, &when::CHINA);
    assert_eq!(d.addressee.as_deref(), Some("物业服务企业："));
    assert_eq!(d.date, Some(time::macros::date!(2026 - 11 - 13)));
    let t = text_of(&d.blocks);
    assert!(t.contains("请你单位于2026年12月31日前落实上述协商成果"), "{t}");
    assert!(t.contains("公函制"));
}

#[test]
fn missing_values_print_as_blanks_to_fill_by_hand() {
    let w = World::new();
    let d = document(DocKind::Publicity, &w.record, &w.procedure, Lang::Zh, &when::CHINA);
    assert!(text_of(&d.blocks).contains("协商时间：＿＿＿＿＿＿"));
    assert_eq!(d.date, None);
}

#[test]
fn the_archive_holds_every_stage_item_reason_and_the_audit_trail() {
    let mut w = World::filled();
    w.edit(Edit::SetItem {
        item: "s5.letter".into(),
        state: ItemState::NotApplicable { reason: "由社区自行落实，无需发函".into() },
    });
    w.complete("s1");
    let d = document(DocKind::Archive, &w.record, &w.procedure, Lang::Zh, &when::CHINA);
    let t = text_of(&d.blocks);
    let items: usize = w.procedure.stages.iter().map(|s| s.items.len()).sum();
    let tables: Vec<_> = d.blocks.iter().filter(|b| matches!(b, Block::Table { .. })).collect();
    assert_eq!(tables.len(), 6, "five stages and the audit trail");
    let rows: usize =
        tables[..5].iter().map(|b| if let Block::Table { rows, .. } = b { rows.len() } else { 0 }).sum();
    assert_eq!(rows, items);
    assert!(t.contains("一、确定议题（已于2026年11月1日完成）"), "{t}");
    assert!(t.contains("研究提出协商议题〔二（四）1〕|已完成"), "{t}");
    assert!(t.contains("不适用|理由：由社区自行落实，无需发函"));
    assert!(t.contains("六、办理经过"), "{t}");
    assert!(t.contains("完成第1阶段“确定议题”"));
    assert!(t.contains("每一处修改见附件《协商记录修改明细》。"));
    // The typing is not in the form; it is in its appendix.
    assert!(!t.contains("添加参与主体"), "{t}");
    let changes =
        text_of(&document(DocKind::Changes, &w.record, &w.procedure, Lang::Zh, &when::CHINA).blocks);
    assert!(changes.contains("添加参与主体：张伟〔村（居）民〕"), "{changes}");
    assert!(changes.contains("完成第1阶段“确定议题”"), "{changes}");
}

#[test]
fn the_blank_checklists_list_every_stage_and_item_with_its_clause() {
    let p = xieshang::domain::Procedure::standard();
    let doc = xieshang::domain::documents::checklists(&p, "某县民政局", Lang::Zh);
    let text = text_of(&doc.blocks);
    for stage in &p.stages {
        assert!(text.contains(&format!("{}（{}）", stage.title, stage.clause)), "{}", stage.title);
        for item in &stage.items {
            assert!(text.contains(&item.label), "{}", item.label);
        }
    }
    assert_eq!(text.matches("□已办　□不适用").count(), p.stages.iter().map(|s| s.items.len()).sum::<usize>());
    // Room to write each field an item asks for, numbered by its item.
    for field in p.stages.iter().flat_map(|s| &s.items).flat_map(|i| &i.fields) {
        assert!(text.contains(&format!(". {}：", field.label)), "{}", field.label);
    }
    assert!(text.contains("核对人：＿"));
    assert!(!doc.training);
    assert!(doc.foot().starts_with("程序 "));
    let marked = xieshang::domain::documents::Document { training: true, ..doc };
    assert!(marked.foot().starts_with("培训练习"));
}

/// Whether a text has a Han character (U+4E00–U+9FFF).
fn han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// What a document prints as labels (not values): headings, field labels, table headers, sign
/// lines and bar captions.
fn labels(d: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for b in &d.blocks {
        match b {
            Block::Heading(h) => out.push(h.clone()),
            Block::Fields(f) => out.extend(f.iter().map(|(l, _)| l.clone())),
            Block::Table { header, .. } => out.extend(header.iter().cloned()),
            Block::SignLines(l) => out.extend(l.iter().cloned()),
            Block::Bars { caption, .. } => out.push(caption.clone()),
            Block::Paragraph(_) => {}
        }
    }
    out
}

/// The layout of a document: each block's kind and size, without its words.
fn shape(d: &Document) -> Vec<(std::mem::Discriminant<Block>, usize, usize)> {
    d.blocks
        .iter()
        .map(|b| {
            let (a, z) = match b {
                Block::Heading(_) | Block::Paragraph(_) => (0, 0),
                Block::Fields(f) => (f.len(), 0),
                Block::Table { header, rows, .. } => (header.len(), rows.len()),
                Block::SignLines(l) => (l.len(), 0),
                Block::Bars { rows, .. } => (rows.len(), 0),
            };
            (std::mem::discriminant(b), a, z)
        })
        .collect()
}

fn assert_english(d: &Document, zh: &Document) {
    assert_eq!(d.lang, Lang::En);
    assert_eq!(d.title, xieshang::domain::documents::doc_title(Lang::En, d.kind), "{:?}", d.kind);
    assert!(!han(&d.title), "{}", d.title);
    for l in labels(d) {
        assert!(!han(&l), "{:?} has a Chinese label: {l}", d.kind);
    }
    assert!(!han(d.foot_label()));
    assert_eq!(shape(d), shape(zh), "{:?} is laid out as in Chinese", d.kind);
    assert_eq!((&d.digest, &d.date), (&zh.digest, &zh.date));
    if d.kind != DocKind::Overview {
        assert_eq!(d.record_id, zh.record_id);
    }
}

#[test]
fn every_record_document_in_english_has_an_english_title_and_labels_and_the_same_layout() {
    let w = World::completed();
    for kind in DocKind::ALL {
        let en = document(kind, &w.record, &w.procedure, Lang::En, &when::CHINA);
        let zh = document(kind, &w.record, &w.procedure, Lang::Zh, &when::CHINA);
        assert_english(&en, &zh);
        assert_eq!(en.issuer, zh.issuer, "the issuer stays as typed");
    }
    let d = document(DocKind::Publicity, &w.record, &w.procedure, Lang::En, &when::CHINA);
    let t = text_of(&d.blocks);
    for want in [
        "Consultation topic：在3号楼前设立电动自行车充电桩",
        "Consultation time：10 November 2026 15:00",
        "Consultation venue：社区议事厅",
        "Chair：刘书记",
        "王建国 (Veteran Party member)",
        "Changzhou Minzi [2021] No. 85",
    ] {
        assert!(t.contains(want), "missing {want} in\n{t}");
    }
    let letter = document(DocKind::Letter, &w.record, &w.procedure, Lang::En, &when::CHINA);
    assert!(text_of(&letter.blocks).contains("by 31 December 2026"), "{}", text_of(&letter.blocks));
    assert_eq!(letter.date_text(), "13 November 2026");
    let archive = document(DocKind::Archive, &w.record, &w.procedure, Lang::En, &when::CHINA);
    let t = text_of(&archive.blocks);
    assert!(t.contains("1. Stage 1: Set the topic (completed on 1 November 2026)"), "{t}");
    assert!(t.contains("6. How it went"), "{t}");
    assert!(t.contains("Completed stage 1 “Set the topic”"), "{t}");
}

#[test]
fn the_minutes_in_english_number_their_headings_and_name_the_absent() {
    let mut w = World::filled();
    let mut p = w.record.parties[3].clone();
    p.attended = Some(false);
    p.written_opinion = "同意，但须避开消防通道".into();
    w.edit(Edit::UpdateParty { index: 3, party: p });
    let en = document(DocKind::Minutes, &w.record, &w.procedure, Lang::En, &when::CHINA);
    let zh = document(DocKind::Minutes, &w.record, &w.procedure, Lang::Zh, &when::CHINA);
    assert_english(&en, &zh);
    let t = text_of(&en.blocks);
    assert!(t.contains("4|张伟|Villager/resident||Yes|Absent"), "{t}");
    assert!(t.contains("2. Written opinions of those absent"), "{t}");
    assert!(t.contains("3. Observers\nNone."), "{t}");
    assert!(t.contains("Consensus reached：Yes"), "{t}");
}

#[test]
fn the_blank_checklists_in_english_have_english_labels_and_the_same_layout() {
    let p = xieshang::domain::Procedure::standard();
    let en = xieshang::domain::documents::checklists(&p, "某县民政局", Lang::En);
    let zh = xieshang::domain::documents::checklists(&p, "某县民政局", Lang::Zh);
    assert_english(&en, &zh);
    let t = text_of(&en.blocks);
    assert!(t.contains("1. Set the topic (2(4)1)"), "{t}");
    assert!(t.contains("To record:"), "{t}");
    assert!(t.contains("Checked by："), "{t}");
    assert!(en.foot().starts_with("Procedure "), "{}", en.foot());
}

#[test]
fn the_filing_document_in_english_has_english_labels_and_the_same_layout() {
    use xieshang::domain::Catalogue;
    let list = Catalogue::for_county(
        &Catalogue::template(),
        "list-mns",
        "玛纳斯县",
        time::macros::date!(2026 - 11 - 01),
    );
    let words = ["cross-village", "technical", "wide-reaching"];
    let en = xieshang::domain::documents::filing(&list, "玛纳斯县民政局", words, Lang::En);
    let zh = xieshang::domain::documents::filing(&list, "玛纳斯县民政局", words, Lang::Zh);
    assert_english(&en, &zh);
    let t = text_of(&en.blocks);
    assert!(t.contains("County：玛纳斯县"), "{t}");
    assert!(t.contains("Version 1 (1 November 2026)"), "{t}");
    assert!(en.foot().starts_with("List list-mns-v1  Digest "), "{}", en.foot());
}

#[test]
fn the_overview_in_english_has_english_labels_and_the_same_layout() {
    use xieshang::domain::overview::Overview;
    use xieshang::domain::settings::Place;
    use xieshang::domain::{sample, transfer, Catalogue, Procedure};
    let p = Procedure::standard();
    let c = Catalogue::template();
    let records: Vec<_> =
        (0..12).map(|i| sample::record(&p, &c, i, time::macros::date!(2026 - 06 - 01))).collect();
    let place =
        Place { county: "玛纳斯县".into(), township: "乐土驿镇".into(), community: String::new() };
    let now = time::macros::datetime!(2026-11-27 10:00 UTC);
    let text = transfer::to_json(transfer::export(&records, vec![], &place, now));
    let mut o = Overview::default();
    o.add_records("a.json", &transfer::parse(&text, &p).expect("parses"), &p);
    let today = time::macros::date!(2026 - 11 - 27);
    let f = o.figures(&p, today);
    let en = f.document(&p, "昌吉州民政局", today, Lang::En);
    let zh = f.document(&p, "昌吉州民政局", today, Lang::Zh);
    assert_english(&en, &zh);
    assert!(labels(&en).iter().any(|l| l == "1. By place"));
    assert!(text_of(&en.blocks).contains("Date of the overview：27 November 2026"));
    assert_eq!(en.foot(), format!("Overview 12 records  Digest {}", en.digest));
    // Nothing loaded: the sentences that stand in for empty tables are English too.
    let none = Overview::default().figures(&p, today);
    let en = none.document(&p, "昌吉州民政局", today, Lang::En);
    assert_english(&en, &none.document(&p, "昌吉州民政局", today, Lang::Zh));
    assert!(en.blocks.iter().all(|b| !matches!(b, Block::Paragraph(t) if han(t))));
}

#[test]
fn the_foot_of_an_english_document_names_the_record_and_its_digest() {
    let w = World::completed();
    let d = document(DocKind::Minutes, &w.record, &w.procedure, Lang::En, &when::CHINA);
    assert_eq!(d.foot(), format!("Record rec-1 rev. {}  Digest {}", w.record.revision, d.digest));
    assert_eq!(d.training_mark(), "TRAINING");
    let marked = Document { training: true, ..d.clone() };
    assert_eq!(
        marked.foot(),
        format!("TRAINING  Record rec-1 rev. {}  Digest {}", w.record.revision, d.digest)
    );
    let zh = Document { lang: Lang::Zh, ..marked };
    assert_eq!(zh.foot(), format!("培训练习　记录 rec-1 第{}版　校验码 {}", w.record.revision, d.digest));
    assert_eq!(zh.training_mark(), xieshang::domain::documents::TRAINING_MARK);
    let undated = Document { date: None, ..d };
    assert_eq!(undated.date_text(), "____-__-__");
    assert_eq!(Document { lang: Lang::Zh, ..undated }.date_text(), "　　年　　月　　日");
}

#[test]
fn a_document_round_trips_through_json_with_its_language() {
    let w = World::completed();
    let d = document(DocKind::Archive, &w.record, &w.procedure, Lang::En, &when::CHINA);
    let json = serde_json::to_string(&d).unwrap();
    assert!(json.contains(r#""lang":"en""#), "{json}");
    let back: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back, d);
    assert_eq!(back.lang, Lang::En);
    // A document sent without a language (by an older page) is Chinese.
    let zh = document(DocKind::Archive, &w.record, &w.procedure, Lang::Zh, &when::CHINA);
    let mut value = serde_json::to_value(&zh).unwrap();
    assert_eq!(value["lang"], "zh");
    value.as_object_mut().unwrap().remove("lang");
    let back: Document = serde_json::from_value(value).unwrap();
    assert_eq!(back, zh);
}

#[test]
fn the_archive_form_shows_moments_on_the_clock_of_its_zone_not_utc() {
    // Completed at 16:30 UTC on 28 February 2028: 00:30 on the leap day in Beijing.
    let mut w = World::filled();
    w.clock = time::macros::datetime!(2028-02-28 16:30 UTC);
    w.complete("s1");
    let d = document(DocKind::Archive, &w.record, &w.procedure, Lang::Zh, &when::CHINA);
    let t = text_of(&d.blocks);
    assert!(t.contains("已于2028年2月29日完成"), "{t}");
    assert!(t.contains("2028-02-29 00:30"), "{t}");
    assert!(t.contains("2028年2月29日最后修改"), "{t}");
    assert!(!t.contains("UTC"), "{t}");
    // The same record read in UTC says the day before: the zone is the reader's, given by the app.
    let utc =
        text_of(&document(DocKind::Archive, &w.record, &w.procedure, Lang::Zh, &time::UtcOffset::UTC).blocks);
    assert!(utc.contains("已于2028年2月28日完成"), "{utc}");
}

/// A cross-village road led by the township's Party committee (matter 7 of the template): the
/// record names the place, both villages and the township that supervises implementation.
fn cross_village_road() -> World {
    let mut w = World::filled();
    w.record.stages.clear();
    let place = Settings {
        county: "昌吉市".into(),
        township: "榆树沟镇".into(),
        community: "勇进村".into(),
        ..Settings::default()
    }
    .place();
    let started = xieshang::domain::record::Record::start(
        "road".into(),
        &w.procedure,
        w.record.matter.clone(),
        &place,
        false,
        w.clock,
    );
    assert_eq!(started.community, "勇进村");
    assert_eq!(
        started.value(&w.procedure, "township"),
        Some(xieshang::domain::record::Value::Text("榆树沟镇".into()))
    );
    assert_eq!(
        started.value(&w.procedure, "county"),
        Some(xieshang::domain::record::Value::Text("昌吉市".into()))
    );
    w.record.values.insert("county".into(), xieshang::domain::record::Value::Text("昌吉市".into()));
    w.record.values.insert("township".into(), xieshang::domain::record::Value::Text("榆树沟镇".into()));
    w.set("community", text("勇进村、榆树沟村"));
    w.set("scope", choice("cross_village"));
    w.set("lead", choice("township"));
    w.set("supervised_by", text("榆树沟镇人民政府"));
    w
}

#[test]
fn every_document_names_the_body_the_record_names_never_this_copys_settings() {
    let mut w = cross_village_road();
    let publicity = document(DocKind::Publicity, &w.record, &w.procedure, Lang::Zh, &when::CHINA);
    assert_eq!(publicity.issuer, "榆树沟镇党委");
    assert!(
        text_of(&publicity.blocks).contains("经榆树沟镇党委研究，确定以下协商议题"),
        "{}",
        text_of(&publicity.blocks)
    );
    let minutes =
        text_of(&document(DocKind::Minutes, &w.record, &w.procedure, Lang::Zh, &when::CHINA).blocks);
    assert!(minutes.contains("牵头组织者：榆树沟镇党委"), "{minutes}");
    // The 公函 of a cross-village result comes from the township that supervises it, and is
    // reported back to it.
    let letter = document(DocKind::Letter, &w.record, &w.procedure, Lang::Zh, &when::CHINA);
    assert_eq!(letter.issuer, "榆树沟镇人民政府");
    let body = text_of(&letter.blocks);
    assert!(body.contains("榆树沟镇党委就“在3号楼前设立电动自行车充电桩”组织开展协商"), "{body}");
    assert!(body.contains("并将落实情况书面反馈榆树沟镇人民政府。"), "{body}");
    // Villages led by their own bodies: each village's Party organisation and committee.
    w.set("lead", choice("village_party_and_committee"));
    assert_eq!(
        document(DocKind::ResultNotice, &w.record, &w.procedure, Lang::Zh, &when::CHINA).issuer,
        "勇进村党组织、勇进村村民委员会、榆树沟村党组织、榆树沟村村民委员会"
    );
    // What the user types is what prints.
    w.set("organiser", text("中共勇进村支部委员会"));
    assert_eq!(
        document(DocKind::Publicity, &w.record, &w.procedure, Lang::Zh, &when::CHINA).issuer,
        "中共勇进村支部委员会"
    );
}

#[test]
fn the_lead_body_is_written_into_the_record_when_stage_1_completes() {
    let mut w = World::new();
    w.fill_s1();
    assert!(w.record.value(&w.procedure, "organiser").is_none());
    assert_eq!(w.record.suggestion("organiser").as_deref(), Some("幸福社区党组织、幸福社区居民委员会"));
    w.complete("s1");
    assert_eq!(
        w.record.value(&w.procedure, "organiser"),
        Some(xieshang::domain::record::Value::Text("幸福社区党组织、幸福社区居民委员会".into()))
    );
    let n = w.record.audit.len();
    assert!(
        matches!(&w.record.audit[n - 2].change, xieshang::domain::record::Change::Field { field, .. } if field == "organiser")
    );
    assert_eq!(w.record.audit[n - 2].revision, w.record.audit[n - 1].revision, "one change, one revision");
    // Locked with the stage, as the rest of it.
    assert!(w.try_edit(Edit::SetValue { field: "organiser".into(), value: text("别的单位") }).is_err());
}

#[test]
fn the_archive_form_shows_who_was_absent_and_their_written_opinion_as_the_minutes_do() {
    let mut w = World::filled();
    let mut p = w.record.parties[3].clone();
    p.attended = Some(false);
    p.written_opinion = "同意，但须避开消防通道".into();
    w.edit(Edit::UpdateParty { index: 3, party: p });
    let t = text_of(&document(DocKind::Archive, &w.record, &w.procedure, Lang::Zh, &when::CHINA).blocks);
    assert!(t.contains("未出席：张伟（书面意见：同意，但须避开消防通道）"), "{t}");
    assert!(t.contains("出席：社区党支部、王建国、李秀兰"), "{t}");
    assert!(
        t.contains("牵头组织者：幸福社区党组织、幸福社区居民委员会〔村（社区）党组织、村（居）民委员会〕"),
        "{t}"
    );
    // A party's organisation, where typed, says who they are on the 公示.
    let mut p = w.record.parties[1].clone();
    p.organisation = "幸福社区第三党小组".into();
    w.record.parties[1] = p;
    let publicity =
        text_of(&document(DocKind::Publicity, &w.record, &w.procedure, Lang::Zh, &when::CHINA).blocks);
    assert!(publicity.contains("王建国（幸福社区第三党小组）"), "{publicity}");
}

#[test]
fn text_goes_on_paper_with_its_lines_and_without_characters_word_refuses() {
    use xieshang::domain::documents::paper_text;
    assert_eq!(
        paper_text("一、甲\r\n二、乙\r三、丙\u{000B}四、丁\u{2028}五、戊"),
        "一、甲\n二、乙\n三、丙\n四、丁\n五、戊"
    );
    assert_eq!(paper_text("甲\u{0008}乙\u{001F}丙\u{FFFF}丁\u{FDD0}"), "甲乙丙丁");
    assert_eq!(paper_text("\n\n甲  \n\t乙\n\n"), "甲\n 乙");
    assert_eq!(paper_text("普通的一行"), "普通的一行");
    let mut w = World::filled();
    w.set("outcome", text("一、设立充电桩\u{000B}二、费用分摊\u{0008}"));
    let d = document(DocKind::Minutes, &w.record, &w.procedure, Lang::Zh, &when::CHINA);
    assert!(d.blocks.iter().any(|b| matches!(b, Block::Paragraph(p) if p == "一、设立充电桩\n二、费用分摊")));
}

#[test]
fn the_publicity_notice_says_how_long_it_is_posted_and_whom_to_ask_to_join() {
    let mut w = World::filled();
    let t = text_of(&document(DocKind::Publicity, &w.record, &w.procedure, Lang::Zh, &when::CHINA).blocks);
    assert!(t.contains("公示期限：2026年11月3日至＿＿＿＿＿＿"), "{t}");
    w.set("publicity_until", date("2026-11-09"));
    w.set("application_contact", text("社区居委会 王会计 0994-1234567"));
    w.set("recorder", text("赵文书"));
    w.set("topic", text("硬化勇进村至榆树沟村连接道路"));
    w.set("implementer", text("榆树沟镇村镇建设发展中心"));
    let t = text_of(&document(DocKind::Publicity, &w.record, &w.procedure, Lang::Zh, &when::CHINA).blocks);
    assert!(t.contains("公示期限：2026年11月3日至2026年11月9日"), "{t}");
    assert!(t.contains("可以申请参加协商议事，请与社区居委会 王会计 0994-1234567联系。"), "{t}");
    let minutes =
        text_of(&document(DocKind::Minutes, &w.record, &w.procedure, Lang::Zh, &when::CHINA).blocks);
    assert!(minutes.contains("记录人：赵文书"), "{minutes}");
    // Posted until a day before it was posted: the engine says so.
    w.set("publicity_until", date("2026-11-01"));
    let report = xieshang::domain::validate::validate(&w.record, &w.procedure, &w.county);
    assert!(
        report.problems.iter().any(|p| matches!(&p.kind, xieshang::domain::validate::ProblemKind::Rule { rule, .. } if rule == "publicity_period_order")),
        "{:?}",
        report.problems
    );
}

#[test]
fn the_change_log_shows_each_change_as_it_stands_and_the_archive_what_was_changed_after_reopening() {
    use xieshang::domain::record::Party;
    let mut w = World::new();
    w.fill_s1();
    // A party added blank and then filled in, field by field, as the editor does.
    w.edit(Edit::AddParty(party("", "resident", false)));
    let index = w.record.parties.len() - 1;
    for name in ["马", "马建", "马建军"] {
        let p = Party { name: name.into(), ..w.record.parties[index].clone() };
        w.edit(Edit::UpdateParty { index, party: p });
    }
    // A topic typed key by key.
    for topic in ["在", "在3号楼", "在3号楼前设立充电桩"] {
        w.set("topic", text(topic));
    }
    w.complete("s1");
    w.edit(Edit::ReopenStage("s1".into()));
    w.set("topic_detail", text("补充说明"));
    w.complete("s1");
    let changes =
        text_of(&document(DocKind::Changes, &w.record, &w.procedure, Lang::Zh, &when::CHINA).blocks);
    assert!(changes.contains("添加参与主体：马建军〔村（居）民〕"), "{changes}");
    assert!(!changes.contains("修改参与主体：马"), "{changes}");
    assert!(!changes.contains("（未填姓名）"), "{changes}");
    // Once by fill_s1, once for the three keystrokes here.
    assert_eq!(changes.matches("“协商议题”").count(), 2, "{changes}");
    assert!(changes.contains("填写“协商议题”：在3号楼前设立电动自行车充电桩"), "{changes}");
    // The keystrokes are one change, from the value before them to the last.
    assert!(
        changes.contains("修改“协商议题”：由在3号楼前设立电动自行车充电桩改为在3号楼前设立充电桩"),
        "{changes}"
    );
    let archive =
        text_of(&document(DocKind::Archive, &w.record, &w.procedure, Lang::Zh, &when::CHINA).blocks);
    assert!(archive.contains("重新打开第1阶段“确定议题”"), "{archive}");
    assert!(archive.contains("完成第1阶段“确定议题”（重新打开后修改了：议题说明）"), "{archive}");
}

/// A document as a clerk reads it off paper: title, addressee, body, organisation, date, foot.
fn paper_of(d: &Document) -> String {
    [
        d.title.clone(),
        d.addressee.clone().unwrap_or_default(),
        text_of(&d.blocks),
        d.issuer.clone(),
        d.date_text(),
        d.foot(),
        format!("（tight: {}）", d.tight),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join("\n")
}

#[test]
fn the_paper_of_a_cross_village_road_is_a_reviewed_snapshot() {
    // The road case (domain::sample::road, the record the end-to-end tests print): two villages,
    // led by the township's Party committee, eleven parties, one stakeholder absent with a
    // written opinion, one who applied during the publicity, a result in five numbered points.
    let procedure = xieshang::domain::Procedure::standard();
    let road = xieshang::domain::sample::road(&procedure, &xieshang::domain::Catalogue::template());
    for kind in DocKind::ALL {
        let d = document(kind, &road, &procedure, Lang::Zh, &when::CHINA);
        insta::assert_snapshot!(format!("road-{}", kind.id()), paper_of(&d));
    }
    // Followed in three progress reports: the 归档表 lists them, the change log says each once.
    let reported =
        xieshang::domain::sample::road_reported(&procedure, &xieshang::domain::Catalogue::template());
    for kind in [DocKind::Archive, DocKind::Changes] {
        let d = document(kind, &reported, &procedure, Lang::Zh, &when::CHINA);
        insta::assert_snapshot!(format!("road-reported-{}", kind.id()), paper_of(&d));
    }
}

#[test]
fn a_party_who_joins_later_is_not_on_paper_printed_before_and_is_marked_on_paper_after() {
    let mut w = World::filled();
    w.complete("s1");
    // Applied during the publicity (stage 2 open), recorded at the consultation.
    w.edit(Edit::AddParty(party("孙晓燕", "resident", true)));
    let late = w.record.parties.last().unwrap().clone();
    assert_eq!(late.joined.as_deref(), Some("s2"), "the stage open when the party was added");
    // An edit cannot move when a party joined.
    let index = w.record.parties.len() - 1;
    w.edit(Edit::UpdateParty {
        index,
        party: xieshang::domain::Party { joined: None, attended: Some(true), ..late },
    });
    assert_eq!(w.record.parties[index].joined.as_deref(), Some("s2"));
    let publicity =
        text_of(&document(DocKind::Publicity, &w.record, &w.procedure, Lang::Zh, &when::CHINA).blocks);
    assert!(!publicity.contains("孙晓燕"), "the 公示 names those named when it was published: {publicity}");
    let minutes =
        text_of(&document(DocKind::Minutes, &w.record, &w.procedure, Lang::Zh, &when::CHINA).blocks);
    assert!(minutes.contains("5|孙晓燕（公示期间加入）|村（居）民"), "{minutes}");
    let archive =
        text_of(&document(DocKind::Archive, &w.record, &w.procedure, Lang::Zh, &when::CHINA).blocks);
    assert!(archive.contains("孙晓燕（公示期间加入）"), "{archive}");
    assert!(!archive.contains("参与协商的主体：社区党支部〔村（社区）党组织〕、王建国（老党员）、李秀兰〔村（居）民〕、张伟〔村（居）民〕、孙晓燕"), "{archive}");
    // A copy starts with everyone as parties of its own stage 1.
    let copy = w.record.copy_as_new(&w.procedure, "rec-2".into(), w.clock);
    assert!(copy.parties.iter().all(|p| p.joined.is_none()));
}

#[test]
fn a_record_made_by_an_earlier_build_takes_its_place_once_in_the_audit_trail() {
    let mut w = World::filled();
    w.complete("s1");
    // As an earlier build wrote it: procedure version 1, no place fields, no lead body stored.
    w.record.procedure.version = 1;
    w.record.values.remove("organiser");
    let audit = w.record.audit.len();
    let place =
        Settings { county: "玛纳斯县".into(), township: "玛纳斯镇".into(), ..Settings::default() }.place();
    w.edit(Edit::Upgrade { place: place.clone() });
    assert_eq!(w.record.procedure.version, w.procedure.version);
    assert_eq!(w.record.value(&w.procedure, "county"), text("玛纳斯县"));
    assert_eq!(w.record.value(&w.procedure, "township"), text("玛纳斯镇"));
    assert_eq!(w.record.value(&w.procedure, "organiser"), text("幸福社区党组织、幸福社区居民委员会"));
    let added: Vec<String> =
        w.record.audit[audit..].iter().map(|a| describe_change_zh(&w, &a.change)).collect();
    assert_eq!(
        added,
        [
            "填写“县（市）”：玛纳斯县",
            "填写“乡镇（街道）”：玛纳斯镇",
            "填写“牵头组织单位（公示落款）”：幸福社区党组织、幸福社区居民委员会",
            "按新版程序补记地点和牵头组织单位（本记录建于早期版本）",
        ]
    );
    // Once: a second upgrade (other settings) changes nothing.
    let revision = w.record.revision;
    let other = Settings { county: "呼图壁县".into(), ..Settings::default() }.place();
    w.edit(Edit::Upgrade { place: other });
    assert_eq!(w.record.revision, revision);
    assert_eq!(w.record.value(&w.procedure, "county"), text("玛纳斯县"));
}

fn describe_change_zh(w: &World, change: &xieshang::domain::record::Change) -> String {
    xieshang::domain::documents::describe_change(Lang::Zh, &w.procedure, change)
}

#[test]
fn the_road_sample_is_a_whole_case() {
    let procedure = xieshang::domain::Procedure::standard();
    let catalogue = xieshang::domain::Catalogue::template();
    let r = xieshang::domain::sample::road(&procedure, &catalogue);
    let report = xieshang::domain::validate(&r, &procedure, &xieshang::domain::CountyRules::default());
    assert_eq!(r.stages.len(), 5, "{report:?}");
}

#[test]
fn two_lines_of_body_text_are_always_kept_with_the_signature() {
    use xieshang::domain::documents::Block;
    let lines_kept = |d: &xieshang::domain::documents::Document| -> Vec<String> {
        let (at, from) = d.kept_with_signature().expect("something is kept");
        let mut kept = Vec::new();
        for (i, b) in d.blocks.iter().enumerate().skip(at) {
            let skip = if i == at { from } else { 0 };
            match b {
                Block::Paragraph(p) => kept.extend(p.split('\n').skip(skip).map(str::to_owned)),
                Block::Heading(h) => kept.push(h.clone()),
                Block::Fields(rows) => kept.extend(rows.iter().skip(skip).map(|(l, v)| format!("{l}：{v}"))),
                Block::Table { rows, .. } => kept.extend(rows.iter().skip(skip).map(|r| r.join("|"))),
                Block::SignLines(s) => kept.extend(s.iter().cloned()),
                Block::Bars { .. } => {}
            }
        }
        kept
    };
    // A result of five typed lines: its last two.
    let procedure = xieshang::domain::Procedure::standard();
    let road = xieshang::domain::sample::road(&procedure, &xieshang::domain::Catalogue::template());
    let minutes = document(DocKind::Minutes, &road, &procedure, Lang::Zh, &when::CHINA);
    assert_eq!(
        lines_kept(&minutes),
        ["四、镇政府申请一事一议奖补", "五、2027年6月30日前完工", "主持人（签字）：", "记录人（签字）："]
    );
    // The archive form ends in one closing line: the last row of the table above goes with it.
    let archive = document(DocKind::Archive, &road, &procedure, Lang::Zh, &when::CHINA);
    let kept = lines_kept(&archive);
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert!(kept[0].contains("完成第5阶段"), "{kept:?}");
    assert!(kept[1].contains("协商记录修改明细"), "{kept:?}");
    // A one-line result: the row above it, and the heading above that.
    let w = World::completed();
    let minutes = document(DocKind::Minutes, &w.record, &w.procedure, Lang::Zh, &when::CHINA);
    assert_eq!(
        lines_kept(&minutes),
        [
            "四、协商结果",
            "是否达成共识：是",
            "在3号楼东侧空地设立充电桩，避开消防通道。",
            "主持人（签字）：",
            "记录人（签字）："
        ]
    );
    // Every document of both records keeps at least two lines of body text.
    for r in [&road, &w.record] {
        for kind in [
            DocKind::Publicity,
            DocKind::Minutes,
            DocKind::ResultNotice,
            DocKind::Letter,
            DocKind::Archive,
            DocKind::Changes,
        ] {
            let d = document(kind, r, &procedure, Lang::Zh, &when::CHINA);
            let body = lines_kept(&d)
                .iter()
                .filter(|l| !l.contains("（签字）") && !l.starts_with("一、") || l.contains('：'))
                .count();
            assert!(body >= 2, "{kind:?}: {:?}", lines_kept(&d));
        }
    }
}
