//! The print model: what each document says for a record.

use crate::fixture::*;
use xieshang::domain::documents::{document, Block, DocKind};
use xieshang::domain::record::{Edit, ItemState};
use xieshang::domain::settings::Settings;

fn settings() -> Settings {
    Settings {
        county: "玛纳斯县".into(),
        township: "玛纳斯镇".into(),
        community: "幸福社区".into(),
        ..Settings::default()
    }
}

fn text_of(blocks: &[Block]) -> String {
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
    let d = document(DocKind::Publicity, &w.record, &w.procedure, &settings());
    assert_eq!(d.title, "协商议题公示");
    assert_eq!(d.issuer, "玛纳斯县玛纳斯镇幸福社区");
    assert_eq!(d.date, Some(time::macros::date!(2026 - 11 - 03)));
    assert_eq!(d.digest.len(), 19);
    let t = text_of(&d.blocks);
    for want in [
        "协商议题：在3号楼前设立电动自行车充电桩",
        "协商时间：2026年11月10日 15:00",
        "协商地点：社区议事厅",
        "主持人：刘书记",
        "协商形式：村（居）民议事会",
        "参加人员：社区党支部（村（社区）党组织）、王建国（老党员）、李秀兰（村（居）民）、张伟（村（居）民）",
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
    let d = document(DocKind::Minutes, &w.record, &w.procedure, &settings());
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
    let d = document(DocKind::Letter, &w.record, &w.procedure, &settings());
    assert_eq!(d.addressee.as_deref(), Some("物业服务企业："));
    assert_eq!(d.date, Some(time::macros::date!(2026 - 11 - 13)));
    let t = text_of(&d.blocks);
    assert!(t.contains("请你单位于2026年12月31日前落实上述协商成果"), "{t}");
    assert!(t.contains("公函制"));
}

#[test]
fn missing_values_print_as_blanks_to_fill_by_hand() {
    let w = World::new();
    let d = document(DocKind::Publicity, &w.record, &w.procedure, &Settings::default());
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
    let d = document(DocKind::Archive, &w.record, &w.procedure, &settings());
    let t = text_of(&d.blocks);
    let items: usize = w.procedure.stages.iter().map(|s| s.items.len()).sum();
    let tables: Vec<_> = d.blocks.iter().filter(|b| matches!(b, Block::Table { .. })).collect();
    assert_eq!(tables.len(), 6, "five stages and the audit trail");
    let rows: usize =
        tables[..5].iter().map(|b| if let Block::Table { rows, .. } = b { rows.len() } else { 0 }).sum();
    assert_eq!(rows, items);
    assert!(t.contains("一、第1阶段　确定议题（依据二（四）1，已于2026年11月1日完成）"), "{t}");
    assert!(t.contains("不适用|理由：由社区自行落实，无需发函"));
    assert!(t.contains("六、修改记录"));
    assert!(t.contains("完成第1阶段“确定议题”"));
    assert!(t.contains("添加参与主体：张伟"));
}

#[test]
fn the_blank_checklists_list_every_stage_and_item_with_its_clause() {
    let p = xieshang::domain::Procedure::standard();
    let doc = xieshang::domain::documents::checklists(&p, "某县民政局");
    let text = text_of(&doc.blocks);
    for stage in &p.stages {
        assert!(text.contains(&format!("{}（{}）", stage.title, stage.clause)), "{}", stage.title);
        for item in &stage.items {
            assert!(text.contains(&item.label), "{}", item.label);
        }
    }
    assert_eq!(text.matches("□已办　□不适用").count(), p.stages.iter().map(|s| s.items.len()).sum::<usize>());
    assert!(text.contains("跨村（社区）事项应由乡镇（街道）党（工）委牵头组织开展协商。"));
    assert!(!doc.training);
    assert!(doc.foot().starts_with("程序 "));
    let marked = xieshang::domain::documents::Document { training: true, ..doc };
    assert!(marked.foot().starts_with("培训练习"));
}
