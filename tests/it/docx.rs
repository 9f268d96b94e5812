//! The documents as Word files: LibreOffice converts each .docx to PDF, and the text is there.

use crate::fixture::*;
use std::process::Command;
use xieshang::domain::documents::{document, DocKind};
use xieshang::domain::docx::to_docx;
use xieshang::domain::when;

/// Converts `files` (in `dir`) to PDF with LibreOffice, one conversion at a time (each starts a
/// whole office suite; several at once on a small machine have crashed it at start-up), tried up
/// to three times: a LibreOffice that dies while starting (it has, with “Unspecified Application
/// Error”, on a fresh profile) says nothing of the files. True when it converted them.
fn to_pdf<P: AsRef<std::ffi::OsStr>>(dir: &std::path::Path, files: impl IntoIterator<Item = P>) -> bool {
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let files: Vec<_> = files.into_iter().map(|f| f.as_ref().to_owned()).collect();
    (0..3).any(|_| {
        Command::new("soffice")
            .args(["--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
            .arg(dir)
            .args(&files)
            .env("HOME", dir)
            .status()
            .expect("LibreOffice (soffice) is installed by scripts/setup.sh")
            .success()
    })
}

#[test]
fn each_document_opens_in_libreoffice_with_its_text() {
    let w = World::completed();
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("docx");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    for kind in DocKind::ALL {
        let doc = document(kind, &w.record, &w.procedure, xieshang::i18n::Lang::Zh, &when::CHINA);
        let bytes = to_docx(&doc);
        assert!(bytes.starts_with(b"PK"), "{} is a zip", kind.id());
        let path = dir.join(format!("{}.docx", kind.id()));
        std::fs::write(&path, bytes).unwrap();
        files.push((kind, doc, path));
    }
    assert!(to_pdf(&dir, files.iter().map(|(_, _, p)| p)), "LibreOffice converted the files");
    for (kind, doc, path) in files {
        let pdf = path.with_extension("pdf");
        let text = Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext");
        let text: String =
            String::from_utf8_lossy(&text.stdout).chars().filter(|c| !c.is_whitespace()).collect();
        assert!(text.contains(kind.title()), "{} title in {text}", kind.id());
        assert!(text.contains("幸福社区党组织、幸福社区居民委员会"), "{} issuer", kind.id());
        assert!(text.contains(&doc.digest), "{} digest", kind.id());
        assert!(text.contains("—1—"), "{} page number", kind.id());
        let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
        let info = String::from_utf8_lossy(&info.stdout);
        assert!(info.contains("(A4)"), "{} is A4: {info}", kind.id());
    }
    let minutes = dir.join("minutes.pdf");
    let text =
        String::from_utf8_lossy(&Command::new("pdftotext").arg(&minutes).arg("-").output().unwrap().stdout)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>();
    assert!(text.contains("在3号楼东侧空地设立充电桩"), "{text}");
}

#[test]
fn a_table_that_runs_onto_more_pages_repeats_its_header_row_on_each() {
    use xieshang::domain::documents::{Block, Document};
    let doc = Document {
        kind: DocKind::Archive,
        title: "台账".into(),
        addressee: None,
        blocks: vec![
            Block::Fields(vec![("村（社区）".into(), "幸福社区".into())]),
            Block::Table {
                header: vec!["序号".into(), "协商议题表头".into(), "状态".into()],
                rows: (1..=90)
                    .map(|i| vec![i.to_string(), format!("第{i}项议题"), "已办结".into()])
                    .collect(),
                nowrap: vec![0, 2],
            },
        ],
        issuer: "幸福社区居民委员会".into(),
        date: None,
        record_id: "r-test".into(),
        digest: "abcdef12".into(),
        training: false,
        lang: xieshang::i18n::Lang::Zh,
        tight: false,
        revision: 0,
    };
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("docx-header");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("ledger.docx");
    std::fs::write(&path, to_docx(&doc)).unwrap();
    assert!(to_pdf(&dir, [&path]), "LibreOffice converted the files");
    let pdf = path.with_extension("pdf");
    let info =
        String::from_utf8_lossy(&Command::new("pdfinfo").arg(&pdf).output().unwrap().stdout).into_owned();
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert!(pages >= 3, "90 rows run onto several pages: {info}");
    for page in 1..=pages {
        let out = Command::new("pdftotext")
            .args(["-f", &page.to_string(), "-l", &page.to_string()])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let text: String =
            String::from_utf8_lossy(&out.stdout).chars().filter(|c| !c.is_whitespace()).collect();
        if text.contains("项议题") {
            assert!(text.contains("协商议题表头"), "page {page} of the table repeats its header: {text}");
        }
    }
}

#[test]
fn typed_lines_and_control_characters_open_in_libreoffice_with_each_line_kept() {
    // Pasted from Word (U+000B is its manual line break) and from elsewhere: a backspace, a
    // page break, a unit separator and U+FFFF, which made earlier .docx files unreadable.
    let mut w = World::completed();
    w.record.values.insert(
        "outcome".into(),
        xieshang::domain::record::Value::Text(
            "一、在3号楼东侧设立充电桩\r\n二、费用由使用者分摊\u{000B}三、物业负责日常维护\u{0008}\u{000C}四、消防通道\u{001F}不得占用\u{FFFF}".into(),
        ),
    );
    let mut p = w.record.parties[0].clone();
    p.organisation = "幸福社区\u{000B}党支部".into();
    w.record.parties[0] = p;
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("docx-lines");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    for kind in DocKind::ALL {
        let doc = document(kind, &w.record, &w.procedure, xieshang::i18n::Lang::Zh, &when::CHINA);
        let path = dir.join(format!("{}.docx", kind.id()));
        std::fs::write(&path, to_docx(&doc)).unwrap();
        files.push((kind, path));
    }
    assert!(to_pdf(&dir, files.iter().map(|(_, p)| p)), "LibreOffice converted the files");
    for (kind, path) in &files {
        let pdf = path.with_extension("pdf");
        assert!(pdf.exists(), "LibreOffice could not read {}.docx", kind.id());
        let text =
            String::from_utf8_lossy(&Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap().stdout)
                .into_owned();
        assert!(text.contains(kind.title()), "{} title", kind.id());
    }
    // The outcome's points stand on lines of their own, in the minutes and in the 公函.
    for kind in ["minutes", "letter", "result"] {
        let pdf = dir.join(format!("{kind}.pdf"));
        let text =
            String::from_utf8_lossy(&Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap().stdout)
                .into_owned();
        let lines: Vec<String> =
            text.lines().map(|l| l.chars().filter(|c| !c.is_whitespace()).collect()).collect();
        for point in [
            "一、在3号楼东侧设立充电桩",
            "二、费用由使用者分摊",
            "三、物业负责日常维护",
            "四、消防通道不得占用",
        ] {
            assert!(
                lines.iter().any(|l| l.ends_with(point)),
                "{kind}: “{point}” on a line of its own in\n{text}"
            );
        }
    }
}

#[test]
fn a_notice_with_twenty_parties_is_set_tight_and_stays_on_one_page_in_word_too() {
    let mut w = World::completed();
    w.record.community = "勇进村、榆树沟村".into();
    let surnames = "马王李张刘陈杨赵黄周吴徐孙胡朱高林何郭罗";
    w.record.parties = surnames
        .chars()
        .enumerate()
        .map(|(i, s)| {
            let mut p = party(&format!("{s}建国"), "resident", false);
            p.organisation =
                if i < 10 { format!("勇进村{}组", i + 1) } else { format!("榆树沟村{}组", i - 9) };
            p
        })
        .collect();
    // A short notice keeps the standard layout. (The completed fixture's four parties, with its
    // long introduction and a matter on two lines, take 22.3 lines: 644 pt of the page's 638 in
    // Chromium, so it is set tight too.)
    let mut short = World::filled().record;
    short.matter.name = "充电桩设立".into();
    let few = document(DocKind::Publicity, &short, &w.procedure, xieshang::i18n::Lang::Zh, &when::CHINA);
    assert!(!few.tight, "a short notice fits the standard layout ({:.1} lines)", few.estimated_lines());
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("docx-twenty");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let kinds = [DocKind::Publicity, DocKind::ResultNotice, DocKind::Letter];
    for kind in kinds {
        let doc = document(kind, &w.record, &w.procedure, xieshang::i18n::Lang::Zh, &when::CHINA);
        if kind == DocKind::Publicity {
            assert!(doc.tight, "twenty parties: {:.1} lines", doc.estimated_lines());
        }
        std::fs::write(dir.join(format!("{}.docx", kind.id())), to_docx(&doc)).unwrap();
    }
    assert!(
        to_pdf(&dir, kinds.map(|k| dir.join(format!("{}.docx", k.id())))),
        "LibreOffice converted the files"
    );
    for kind in kinds {
        let info = Command::new("pdfinfo").arg(dir.join(format!("{}.pdf", kind.id()))).output().unwrap();
        let info = String::from_utf8_lossy(&info.stdout);
        assert!(info.contains("Pages:           1"), "{} of twenty parties in Word: {info}", kind.id());
    }
}
