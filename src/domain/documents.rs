//! The documents the procedure produces, as a print model: what each printed page says, in
//! blocks (headings, paragraphs, label–value lists, tables, a signature block). The print view
//! and the Word export both render this model; neither decides what a document contains.

use super::catalogue::Catalogue;
use super::procedure::{FieldKind, Procedure, Property, Requirement};
use super::record::{fields, AuditEntry, Change, ItemState, Record, StageStatus, Value};
pub use super::text::paper_text;
use super::when::{self, Date};
use crate::i18n::{self, Data, Lang};
use serde::{Deserialize, Serialize};

/// The documents the procedure produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DocKind {
    /// 协商议题公示 (二（四）2).
    Publicity,
    /// 协商议事记录 (二（四）3).
    Minutes,
    /// 协商成果公示 (二（四）4).
    ResultNotice,
    /// 督办公函 (二（五）, “公函制”).
    Letter,
    /// 督办催办函: the second letter, when the deadline passed and the result is not carried out.
    Reminder,
    /// 归档表: the whole record (二（四）4, 整理归档), with how it went (办理经过).
    Archive,
    /// The archive form's appendix: every change of the record, one line per change as it
    /// stands (a field typed in over a minute is one line, with its final value).
    Changes,
    /// A county's 城乡社区协商事项指导目录清单, for filing with the prefecture bureau (the
    /// notice's closing paragraph: 上报州民政局统一备案).
    /// Not a record's document: it is printed from the list page.
    Filing,
    /// The blank checklists of the five stages, for training sessions held on paper. Not a
    /// record's document: it is printed from the training page.
    Checklists,
    /// The overview across villages (汇总分析), for a bureau's report. Not a record's document.
    Overview,
}

impl DocKind {
    /// Every document, in the order of the procedure.
    pub const ALL: [DocKind; 6] = [
        DocKind::Publicity,
        DocKind::Minutes,
        DocKind::ResultNotice,
        DocKind::Letter,
        DocKind::Archive,
        DocKind::Changes,
    ];

    /// Stable id used in addresses and file names.
    pub fn id(self) -> &'static str {
        match self {
            DocKind::Publicity => "publicity",
            DocKind::Minutes => "minutes",
            DocKind::ResultNotice => "result",
            DocKind::Letter => "letter",
            DocKind::Reminder => "reminder",
            DocKind::Archive => "archive",
            DocKind::Changes => "changes",
            DocKind::Filing => "filing",
            DocKind::Checklists => "checklists",
            DocKind::Overview => "overview",
        }
    }

    /// The kind with this id.
    pub fn from_id(id: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().chain([DocKind::Reminder]).find(|k| k.id() == id)
    }

    /// The documents a record has: every one of [`DocKind::ALL`] (blank where not yet filled), and
    /// the 督办催办函 once a reminder was issued as the rules allow ([`Record::reminder_issued`]),
    /// after the 督办公函.
    pub fn of_record(record: &Record) -> Vec<DocKind> {
        let mut kinds = DocKind::ALL.to_vec();
        if record.reminder_issued() {
            kinds.insert(4, DocKind::Reminder);
        }
        kinds
    }

    /// The document's title as printed.
    pub fn title(self) -> &'static str {
        match self {
            DocKind::Publicity => "协商议题公示",
            DocKind::Minutes => "协商议事记录",
            DocKind::ResultNotice => "协商成果公示",
            DocKind::Letter => "督办公函",
            DocKind::Reminder => "督办催办函",
            DocKind::Archive => "城乡社区协商归档表",
            DocKind::Changes => "协商记录修改明细",
            DocKind::Filing => "城乡社区协商事项指导目录清单",
            DocKind::Checklists => "城乡社区协商程序核对表",
            DocKind::Overview => "城乡社区协商情况汇总表",
        }
    }
}

/// A part of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    /// A heading (“一、…”), kept with what follows.
    Heading(String),
    /// A paragraph of body text, first line indented two characters.
    Paragraph(String),
    /// Label–value pairs, printed as a two-column table.
    Fields(Vec<(String, String)>),
    /// A table whose rows never split across pages; the header repeats.
    Table {
        /// Column headings.
        header: Vec<String>,
        /// Rows.
        rows: Vec<Vec<String>>,
        /// Columns of short values that should not wrap (numbers, clauses, states).
        nowrap: Vec<usize>,
    },
    /// Lines to sign on (e.g. 主持人（签字）), kept on one page.
    SignLines(Vec<String>),
    /// A bar chart of counts, kept on one page (printed in black; the numbers are written).
    Bars {
        /// What it shows.
        caption: String,
        /// Label and count of each bar.
        rows: Vec<(String, usize)>,
    },
}

/// A document ready to print. (Serialisable: the Word export runs in a worker.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Which document.
    pub kind: DocKind,
    /// Title (小标宋, 2号).
    pub title: String,
    /// The addressee (主送), for a letter.
    pub addressee: Option<String>,
    /// The body.
    pub blocks: Vec<Block>,
    /// The issuing organisation, printed above the date with room for the seal.
    pub issuer: String,
    /// The date of the document (成文日期), if the record has it yet.
    #[serde(with = "when::date_format::option")]
    pub date: Option<Date>,
    /// The record's id.
    pub record_id: String,
    /// The short digest of the record, printed on every page.
    pub digest: String,
    /// The record's revision, printed on every page beside its digest (0 for a document that is
    /// not a record's): 核验 tells from it what changed since a copy was printed.
    #[serde(default)]
    pub revision: u64,
    /// Made in training mode: every page is marked 培训练习.
    #[serde(default)]
    pub training: bool,
    /// The language its labels are printed in (Chinese unless asked otherwise); what users typed
    /// stays as typed.
    #[serde(default)]
    pub lang: Lang,
    /// A one-page notice too long for 22 lines of the standard layout: printed with the lines
    /// and tables closer together (GB/T 9704-2012 7.3.5 allows adjusting the line spacing) so
    /// that it stays on one page; print and .docx both follow it.
    #[serde(default)]
    pub tight: bool,
}

/// The body lines an A4 page holds in the standard layout (GB/T 9704-2012: 22 lines of 28
/// characters of 3号 text).
pub const LINES_PER_PAGE: f64 = 22.0;

/// The width of a text in characters of its size: a Chinese character 1, a Latin letter or
/// digit about half.
fn text_width(text: &str) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum()
}

/// The share of the text block's width each column of a table takes, the same in print and in
/// Word: a column of short values (`nowrap`) as wide as its longest text (12 pt characters, a
/// Latin letter or digit 0.6 of one) and its padding; the other columns share the rest so that the
/// table is as short as it can be (two columns: the split that gives the fewest lines, each
/// row as tall as its tallest cell; more: in proportion to the average length of their filled
/// cells), none narrower than its heading or ten characters (five where more than two wrap).
pub fn column_shares(header: &[String], rows: &[Vec<String>], nowrap: &[usize]) -> Vec<f64> {
    // Characters of 12 pt across the 156 mm (442 pt) text block; a cell's padding and rule.
    const ACROSS: f64 = 442.0 / 12.0;
    const PADDING: f64 = 1.2;
    fn cell(r: &[String], i: usize) -> &str {
        r.get(i).map_or("", String::as_str)
    }
    let n = header.len().max(1);
    let heading = |i: usize| header.get(i).map_or(0.0, |h| text_width(h));
    let fixed: Vec<Option<f64>> = (0..n)
        .map(|i| {
            nowrap.contains(&i).then(|| {
                // Latin letters and digits at 0.6 of a character: Word's and LibreOffice's
                // stand-ins for Times New Roman run wider than the Chinese fonts' own digits.
                let wide = |t: &str| t.chars().map(|c| if c.is_ascii() { 0.6 } else { 1.0 }).sum::<f64>();
                let widest = rows.iter().map(|r| wide(cell(r, i))).fold(heading(i).max(2.0), f64::max);
                (widest + PADDING) / ACROSS
            })
        })
        .collect();
    let free = (1.0 - fixed.iter().flatten().sum::<f64>()).max(0.2);
    // No wrapping column narrower than its heading or ten characters (a short numbered line
    // stays whole), nor five where more than two share the width.
    let least_chars = if n - fixed.iter().flatten().count() > 2 { 5.0 } else { 10.0 };
    let least = |i: usize| (heading(i).max(least_chars) + PADDING) / ACROSS;
    let wrapping: Vec<usize> = (0..n).filter(|i| fixed[*i].is_none()).collect();
    let mut shares: Vec<f64> = fixed.iter().map(|f| f.unwrap_or(0.0)).collect();
    match wrapping[..] {
        [] => {}
        [only] => shares[only] = free,
        [a, b] => {
            // The lines of the table when column `a` takes `x` of the free width.
            let lines = |x: f64| -> f64 {
                let chars = |share: f64| (share * ACROSS - PADDING).max(1.0);
                let (ca, cb) = (chars(x), chars(free - x));
                rows.iter().map(|r| wrapped(cell(r, a), ca, 0.0).max(wrapped(cell(r, b), cb, 0.0))).sum()
            };
            let (lo, hi) = (least(a), free - least(b));
            let mut best = (f64::MAX, free / 2.0);
            let mut x = lo;
            while x <= hi {
                let l = lines(x);
                // The fewest lines; of equals, the most even split.
                if l < best.0 || (l == best.0 && (x - free / 2.0).abs() < (best.1 - free / 2.0).abs()) {
                    best = (l, x);
                }
                x += 0.01;
            }
            shares[a] = best.1;
            shares[b] = free - best.1;
        }
        _ => {
            let weight = |i: usize| {
                let filled: Vec<f64> =
                    rows.iter().map(|r| text_width(cell(r, i))).filter(|w| *w > 0.0).collect();
                let average = filled.iter().sum::<f64>() / filled.len().max(1) as f64;
                average.max(heading(i)).max(2.0)
            };
            let total: f64 = wrapping.iter().map(|&i| weight(i)).sum::<f64>().max(1.0);
            for &i in &wrapping {
                shares[i] = (free * weight(i) / total).max(least(i));
            }
            // Widths raised to their least are taken back from the widest.
            let over = shares.iter().sum::<f64>() - 1.0;
            if over > 0.0 {
                if let Some(&widest) = wrapping.iter().max_by(|&&a, &&b| shares[a].total_cmp(&shares[b])) {
                    shares[widest] -= over;
                }
            }
        }
    }
    shares
}

/// How many lines a text takes at `per_line` characters a line, each typed line starting
/// `indent` characters in.
fn wrapped(text: &str, per_line: f64, indent: f64) -> f64 {
    text.split('\n').map(|l| ((text_width(l) + indent) / per_line).ceil().max(1.0)).sum()
}

/// The mark on every page of a document made in training mode.
pub const TRAINING_MARK: &str = "培训练习";

/// The mark on every page of an English document made in training mode.
pub const TRAINING_MARK_EN: &str = "TRAINING";

/// A note in brackets after a name: （…） in Chinese, or 〔…〕 around a note that has （…） of its
/// own (马建军〔乡镇（街道）党（工）委〕: brackets within brackets take 六角括号 outside, as
/// Chinese typesetting does, rather than （（…））); (…) in English.
fn bracketed(lang: Lang, note: &str) -> String {
    match lang {
        Lang::Zh if note.contains('（') => format!("〔{note}〕"),
        Lang::Zh => format!("（{note}）"),
        Lang::En => format!(" ({note})"),
    }
}

impl Document {
    /// About how many body lines of the standard layout the document takes, the organisation,
    /// date and room for the seal included (the print view and .docx lay it out alike: 3号 body
    /// text, 28 characters a line of 28.95 pt; 4号 label–value tables; 小四 tables).
    pub fn estimated_lines(&self) -> f64 {
        const LINE: f64 = 28.95;
        let mut points = 2.1 * LINE; // the title and the space under it
        if self.addressee.is_some() {
            points += LINE;
        }
        for block in &self.blocks {
            points += match block {
                // The text block is 156 mm (442 pt): 27 whole characters of 16 pt a line in the
                // browser, which sets no character grid (Word's grid fits 28).
                Block::Heading(t) | Block::Paragraph(t) => wrapped(t, 27.0, 2.0) * LINE,
                // 14 pt on a 21 pt line; the value column holds about 23 characters.
                Block::Fields(pairs) => {
                    16.0 + pairs.iter().map(|(_, v)| wrapped(v, 23.0, 0.0) * 21.0 + 5.0).sum::<f64>()
                }
                // 12 pt on an 18 pt line, the columns sharing 36 characters.
                Block::Table { header, rows, .. } => {
                    let per = (36.0 / header.len().max(1) as f64).max(2.0);
                    let row = |r: &Vec<String>| {
                        r.iter().map(|c| wrapped(c, per, 0.0)).fold(1.0, f64::max) * 18.0 + 5.0
                    };
                    16.0 + row(header) + rows.iter().map(row).sum::<f64>()
                }
                Block::SignLines(_) => 2.0 * LINE,
                Block::Bars { rows, .. } => 30.0 + rows.len() as f64 * 20.0,
            };
        }
        points += 145.0; // space, room for the seal, organisation and date
        points / LINE
    }

    /// Where the part that is kept on the page of the organisation and date begins (GB/T
    /// 9704-2012 7.3.5: the seal never stands alone, and at least two lines of body text stand
    /// above it): the block, and the first kept typed line of a paragraph or row of a table.
    /// Everything after it is kept too: the trailing sign lines, and before them two lines of
    /// body text, counted back across blocks (a one-line result takes the row above it, a closing
    /// line the last row of the table above it), with a heading that would otherwise end a page
    /// above them. `None` when nothing stands before the sign lines.
    pub fn kept_with_signature(&self) -> Option<(usize, usize)> {
        let mut k = self.blocks.len();
        while k > 0 && matches!(self.blocks[k - 1], Block::SignLines(_)) {
            k -= 1;
        }
        let mut need = 2;
        let mut kept = None;
        for i in (0..k).rev() {
            let lines = match &self.blocks[i] {
                Block::Paragraph(p) => p.split('\n').count(),
                Block::Fields(rows) => rows.len(),
                Block::Table { rows, .. } => rows.len(),
                Block::Heading(_) => {
                    kept = Some((i, 0));
                    continue;
                }
                // A chart is not broken up; it is not body text either.
                Block::Bars { .. } | Block::SignLines(_) => break,
            };
            if lines >= need {
                kept = Some((i, lines - need));
                // A heading directly above what is kept goes with it.
                if lines == need && i > 0 && matches!(self.blocks[i - 1], Block::Heading(_)) {
                    kept = Some((i - 1, 0));
                }
                return kept;
            }
            need -= lines;
            kept = Some((i, 0));
        }
        kept.or((k < self.blocks.len()).then_some((k, 0)))
    }

    /// The document with every text as it goes on paper ([`paper_text`]), and set tight when it
    /// is a one-page notice that the standard layout would carry onto a second page.
    pub(crate) fn on_paper(self) -> Document {
        let mut doc = self.texts_on_paper();
        doc.tight = matches!(
            doc.kind,
            DocKind::Publicity | DocKind::ResultNotice | DocKind::Letter | DocKind::Reminder
        ) && doc.estimated_lines() > LINES_PER_PAGE;
        doc
    }

    fn texts_on_paper(mut self) -> Document {
        let p = |s: &mut String| *s = paper_text(s);
        p(&mut self.title);
        p(&mut self.issuer);
        if let Some(a) = &mut self.addressee {
            p(a);
        }
        for block in &mut self.blocks {
            match block {
                Block::Heading(t) | Block::Paragraph(t) => p(t),
                Block::Fields(pairs) => pairs.iter_mut().for_each(|(l, v)| {
                    p(l);
                    p(v);
                }),
                Block::Table { header, rows, .. } => {
                    header.iter_mut().chain(rows.iter_mut().flatten()).for_each(p);
                }
                Block::SignLines(lines) => lines.iter_mut().for_each(p),
                Block::Bars { caption, rows } => {
                    p(caption);
                    rows.iter_mut().for_each(|(l, _)| p(l));
                }
            }
        }
        self
    }

    /// The line at the foot of every page: which record (or list) and its short digest.
    pub fn foot(&self) -> String {
        match self.lang {
            Lang::Zh => {
                let mark = if self.training { format!("{TRAINING_MARK}　") } else { String::new() };
                let revision =
                    if self.revision > 0 { format!(" 第{}版", self.revision) } else { String::new() };
                format!("{mark}{} {}{revision}　校验码 {}", self.foot_label(), self.record_id, self.digest)
            }
            Lang::En => {
                let mark = if self.training { format!("{TRAINING_MARK_EN}  ") } else { String::new() };
                let revision =
                    if self.revision > 0 { format!(" rev. {}", self.revision) } else { String::new() };
                format!("{mark}{} {}{revision}  Digest {}", self.foot_label(), self.record_id, self.digest)
            }
        }
    }

    /// What the foot calls the thing the document is of: a record (记录) or a list (清单).
    pub fn foot_label(&self) -> &'static str {
        let (zh, en) = match self.kind {
            DocKind::Filing => ("清单", "List"),
            DocKind::Checklists => ("程序", "Procedure"),
            DocKind::Overview => ("汇总", "Overview"),
            _ => ("记录", "Record"),
        };
        w(self.lang, zh, en)
    }

    /// The mark on every page in training mode, in the document's language.
    pub fn training_mark(&self) -> &'static str {
        w(self.lang, TRAINING_MARK, TRAINING_MARK_EN)
    }

    /// The date under the issuer: the document's date, or a blank to fill in by hand.
    pub fn date_text(&self) -> String {
        match self.date {
            Some(d) => date_in(self.lang, d),
            None => i18n::t(self.lang, i18n::Key::BlankDate).to_owned(),
        }
    }
}

/// A fixed text of a document in its language.
pub(crate) fn w(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A date as a document prints it: `2026年11月27日`, or `27 November 2026`.
pub fn date_in(lang: Lang, d: Date) -> String {
    match lang {
        Lang::Zh => when::format_date_zh(d),
        Lang::En => when::format_date_en(d),
    }
}

/// A numbered heading: `一、title` in Chinese, `1. title` in English (`n` counts from 1).
pub(crate) fn numbered(lang: Lang, n: usize, title: &str) -> String {
    match lang {
        Lang::Zh => format!("{}、{title}", NUMERALS.get(n.wrapping_sub(1)).unwrap_or(&"")),
        Lang::En => format!("{n}. {title}"),
    }
}

/// A blank to fill in by hand.
fn blank(lang: Lang) -> String {
    w(lang, "＿＿＿＿＿＿", "______").to_owned()
}

/// The filing document of a county's list: the numbered table (序号, 类别, 事项, 备注) of the
/// matters in use, how each flaw of the template was resolved, and the matters retired, titled
/// and dated for the county. `hint_words` are the words printed for a matter's hints. In English
/// the title is the document's English title, and the template's categories, matters and flaws
/// have their English labels (a county's own wording stays as written).
pub fn filing(list: &Catalogue, issuer: &str, hint_words: [&str; 3], lang: Lang) -> Document {
    let mut blocks = Vec::new();
    let version = match (lang, list.dated) {
        (Lang::Zh, Some(d)) => format!("第{}版（{}）", list.version, when::format_date_zh(d)),
        (Lang::Zh, None) => format!("第{}版", list.version),
        (Lang::En, Some(d)) => format!("Version {} ({})", list.version, when::format_date_en(d)),
        (Lang::En, None) => format!("Version {}", list.version),
    };
    let mut fields = vec![(
        w(lang, "县（市）", "County").to_owned(),
        if list.county.is_empty() { blank(lang) } else { list.county.clone() },
    )];
    fields.push((w(lang, "版本", "Version").into(), version));
    if let Some(base) = &list.based_on {
        let basis = match lang {
            Lang::Zh => format!("{}（{}）", BASIS.trim_start_matches("根据"), base.id),
            Lang::En => format!("{NOTICE_EN} ({})", base.id),
        };
        fields.push((w(lang, "依据", "Basis").into(), basis));
    }
    blocks.push(Block::Fields(fields));
    let unlabelled = w(lang, "（未标类别）", "(no category)");
    let category = |g: &super::catalogue::Group, matter: &str| match &g.label {
        Some(l) => i18n::category_name(lang, Some(matter), l).to_owned(),
        None => unlabelled.to_owned(),
    };
    let rows: Vec<Vec<String>> = list
        .matters()
        .enumerate()
        .map(|(i, (g, m))| {
            let mut remark: Vec<String> = Vec::new();
            for (on, word) in
                [m.hints.cross_village, m.hints.technical, m.hints.wide_reaching].into_iter().zip(hint_words)
            {
                if on {
                    remark.push(word.to_owned());
                }
            }
            if !m.remark.is_empty() {
                remark.push(m.remark.clone());
            }
            vec![
                (i + 1).to_string(),
                category(g, &m.id),
                i18n::matter_name(lang, Some(&m.id), &m.name).to_owned(),
                remark.join(w(lang, "；", "; ")),
            ]
        })
        .collect();
    let matters = match lang {
        Lang::Zh => format!("协商事项（共{}项）", rows.len()),
        Lang::En => format!("Consultation matters ({} in all)", rows.len()),
    };
    blocks.push(Block::Heading(numbered(lang, 1, &matters)));
    blocks.push(Block::Table {
        header: match lang {
            Lang::Zh => vec!["序号".into(), "类别".into(), "事项".into(), "备注".into()],
            Lang::En => vec!["No.".into(), "Category".into(), "Matter".into(), "Remarks".into()],
        },
        rows,
        nowrap: vec![0],
    });
    if !list.flaws.is_empty() {
        let title = w(lang, "模板问题的处理", "How the flaws of the template were resolved");
        blocks.push(Block::Heading(numbered(lang, 2, title)));
        blocks.push(Block::Table {
            header: match lang {
                Lang::Zh => vec!["模板问题".into(), "处理情况".into()],
                Lang::En => vec!["Flaw of the template".into(), "Resolution".into()],
            },
            rows: list
                .flaws
                .iter()
                .map(|f| {
                    let done = match (lang, &f.resolution) {
                        (Lang::Zh, Some(r)) => format!("{}（{}）", r.note, when::format_date_zh(r.on)),
                        (Lang::En, Some(r)) => format!("{} ({})", r.note, when::format_date_en(r.on)),
                        (_, None) => w(lang, "未处理", "Not resolved").into(),
                    };
                    vec![i18n::data(lang, Data::Flaw, &f.id, &f.note).to_owned(), done]
                })
                .collect(),
            nowrap: vec![],
        });
    }
    let retired: Vec<Vec<String>> = list
        .all_matters()
        .filter_map(|(g, m)| {
            let on = m.retired?;
            Some(vec![
                category(g, &m.id),
                i18n::matter_name(lang, Some(&m.id), &m.name).to_owned(),
                date_in(lang, on),
            ])
        })
        .collect();
    if !retired.is_empty() {
        let n = if list.flaws.is_empty() { 2 } else { 3 };
        blocks.push(Block::Heading(numbered(lang, n, w(lang, "停用事项", "Matters retired"))));
        blocks.push(Block::Table {
            header: match lang {
                Lang::Zh => vec!["类别".into(), "事项".into(), "停用日期".into()],
                Lang::En => vec!["Category".into(), "Matter".into(), "Retired on".into()],
            },
            rows: retired,
            nowrap: vec![2],
        });
    }
    let canonical = serde_json::to_value(list).map(|v| v.to_string()).unwrap_or_default();
    Document {
        kind: DocKind::Filing,
        title: match lang {
            Lang::Zh => list.title.clone(),
            Lang::En => doc_title(lang, DocKind::Filing).to_owned(),
        },
        addressee: None,
        blocks,
        issuer: issuer.to_owned(),
        date: list.dated,
        record_id: format!("{}-v{}", list.id, list.version),
        digest: super::file::short_digest(&super::file::digest_of_text(&canonical)),
        training: false,
        lang,
        tight: false,
        revision: 0,
    }
    .on_paper()
}

/// The blank checklists of the five stages: for each stage, its clause, its items in order with
/// what each asks to be filled in, whether it is required, the clause it rests on and boxes to
/// tick; the points the stage's rules check; lines to sign. The foot names the procedure and the
/// digest of its definition, so a paper copy says which version of the procedure it follows.
pub fn checklists(procedure: &Procedure, issuer: &str, lang: Lang) -> Document {
    let line = |n: usize| match lang {
        Lang::Zh => "＿".repeat(n),
        Lang::En => "_".repeat(n * 2),
    };
    let head: [(&str, &str, usize); 6] = [
        ("乡镇（街道）", "Township (subdistrict)", 10),
        ("村（社区）", "Village (community)", 10),
        ("协商事项", "Consultation matter", 16),
        ("协商议题", "Consultation topic", 16),
        ("记录编号", "Record", 10),
        ("核对人", "Checked by", 10),
    ];
    let mut blocks =
        vec![Block::Fields(head.iter().map(|(zh, en, n)| (w(lang, zh, en).to_owned(), line(*n))).collect())];
    for (i, stage) in procedure.stages.iter().enumerate() {
        let title = i18n::data(lang, Data::Stage, &stage.id, &stage.title);
        let heading = match lang {
            Lang::Zh => format!("{title}（{}）", stage.clause),
            Lang::En => format!("{title} ({})", i18n::clause_id(lang, &stage.clause)),
        };
        blocks.push(Block::Heading(numbered(lang, i + 1, &heading)));
        let rows = stage
            .items
            .iter()
            .enumerate()
            .map(|(n, item)| {
                let requirement = match &item.requirement {
                    super::procedure::Requirement::Required => w(lang, "必办", "Required"),
                    super::procedure::Requirement::Optional => w(lang, "选办", "Optional"),
                    super::procedure::Requirement::When { .. } => w(lang, "视情必办", "If it applies"),
                };
                vec![
                    (n + 1).to_string(),
                    i18n::data(lang, Data::Item, &item.id, &item.label).to_owned(),
                    requirement.to_owned(),
                    i18n::clause_id(lang, &item.clause),
                    w(lang, "□已办　□不适用", "□ Done  □ Not applicable").into(),
                ]
            })
            .collect();
        blocks.push(Block::Table {
            header: match lang {
                Lang::Zh => {
                    vec!["序号".into(), "核对事项".into(), "要求".into(), "依据".into(), "办理情况".into()]
                }
                Lang::En => {
                    vec![
                        "No.".into(),
                        "Item to check".into(),
                        "Requirement".into(),
                        "Notice".into(),
                        "State".into(),
                    ]
                }
            },
            rows,
            nowrap: vec![0, 2, 3, 4],
        });
        // Room to write what each item asks to be recorded, numbered as the items are.
        let fields: Vec<(String, String)> = stage
            .items
            .iter()
            .enumerate()
            .flat_map(|(n, item)| {
                item.fields.iter().map(move |f| {
                    let label = i18n::data(lang, Data::Field, &f.id, &f.label);
                    (format!("{}. {label}", n + 1), String::new())
                })
            })
            .collect();
        if !fields.is_empty() {
            blocks.push(Block::Paragraph(w(lang, "填写内容：", "To record:").to_owned()));
            blocks.push(Block::Fields(fields));
        }
        blocks.push(Block::SignLines(vec![
            w(lang, "经办人（签字）：", "Officer (signature):").into(),
            w(lang, "日期：　　年　　月　　日", "Date:").into(),
        ]));
    }
    Document {
        kind: DocKind::Checklists,
        title: doc_title(lang, DocKind::Checklists).to_owned(),
        addressee: None,
        blocks,
        issuer: issuer.to_owned(),
        date: None,
        record_id: format!("{}-v{}", procedure.id, procedure.version),
        digest: super::file::short_digest(&super::file::digest_of_text(super::procedure::PROCEDURE_JSON)),
        training: false,
        lang,
        tight: false,
        revision: 0,
    }
    .on_paper()
}

/// A value as printed.
pub fn display(procedure: &Procedure, list: Option<&str>, value: &Value) -> String {
    display_in(Lang::Zh, procedure, list, value)
}

/// A value as printed in a language: dates and options in it; text as typed.
pub fn display_in(lang: Lang, procedure: &Procedure, list: Option<&str>, value: &Value) -> String {
    let choice = |l: &str, c: &str| i18n::option(lang, l, c, procedure.choice_label(l, c)).to_owned();
    match value {
        Value::Text(t) => t.clone(),
        Value::Date(d) => date_in(lang, *d),
        Value::Datetime(dt) => {
            format!("{} {:02}:{:02}", date_in(lang, dt.date()), dt.hour(), dt.minute())
        }
        Value::Choice(c) => list.map_or(c.clone(), |l| choice(l, c)),
        Value::Multichoice(cs) => cs
            .iter()
            .map(|c| list.map_or(c.clone(), |l| choice(l, c)))
            .collect::<Vec<_>>()
            .join(w(lang, "、", ", ")),
        Value::Yesno(b) => if *b { w(lang, "是", "Yes") } else { w(lang, "否", "No") }.into(),
    }
}

struct Reader<'a> {
    record: &'a Record,
    procedure: &'a Procedure,
    lang: Lang,
    /// Where the record's moments are shown.
    zone: &'a dyn when::Zone,
}

impl<'a> Reader<'a> {
    /// The fields the documents print, as the procedure names them.
    fn paper(&self) -> &'a super::procedure::PaperFields {
        &self.procedure.key_fields.paper
    }

    /// The procedure's key fields (topic, deadline, meeting time…).
    fn keys(&self) -> &'a super::procedure::KeyFields {
        &self.procedure.key_fields
    }

    fn get(&self, field: &str) -> String {
        let list = self.procedure.field(field).and_then(|(_, _, f)| f.kind.list());
        self.record
            .value(self.procedure, field)
            .map(|v| display_in(self.lang, self.procedure, list, &v))
            .unwrap_or_default()
    }

    fn or_blank(&self, field: &str) -> String {
        let v = self.get(field);
        if v.is_empty() {
            blank(self.lang)
        } else {
            v
        }
    }

    fn date(&self, field: &str) -> Option<Date> {
        self.record.value(self.procedure, field).and_then(|v| v.date())
    }

    fn form(&self) -> String {
        match self.record.form.as_deref() {
            Some("other") => self.get(&self.paper().form_other),
            Some(f) => self.choice("forms", f),
            None => String::new(),
        }
    }

    fn choice(&self, list: &str, id: &str) -> String {
        i18n::option(self.lang, list, id, self.procedure.choice_label(list, id)).to_owned()
    }

    fn role(&self, id: &str) -> String {
        self.choice("roles", id)
    }

    /// A period from one date to another (公示期限), a blank to fill by hand for a missing end.
    fn period(&self, from: &str, to: &str) -> String {
        let day = |f: &str| self.date(f).map(|d| date_in(self.lang, d)).unwrap_or_else(|| blank(self.lang));
        match self.lang {
            Lang::Zh => format!("{}至{}", day(from), day(to)),
            Lang::En => format!("{} to {}", day(from), day(to)),
        }
    }

    /// When a party joined ([`joined_note`]).
    fn joined(&self, party: &super::record::Party) -> String {
        joined_note(self.lang, self.procedure, party)
    }

    /// The parties settled in stage 1 (those the 公示 names), not those who joined later.
    fn participants(&self) -> String {
        self.record
            .parties
            .iter()
            .filter(|p| p.joined.is_none())
            .map(|p| {
                // The organisation typed, where there is one; else the role in the notice's words.
                let what = if p.organisation.trim().is_empty() {
                    self.role(&p.role)
                } else {
                    p.organisation.trim().to_owned()
                };
                format!("{}{}", p.name, bracketed(self.lang, &what))
            })
            .collect::<Vec<_>>()
            .join(w(self.lang, "、", ", "))
    }

    /// Who attended and who did not, with the written opinion of each one absent (or why there
    /// is none), as the minutes record them.
    fn attendance(&self) -> String {
        let lang = self.lang;
        let names = |attended: Option<bool>| {
            self.record
                .parties
                .iter()
                .filter(|p| p.attended == attended)
                .map(|p| {
                    let (opinion, reason) = (p.written_opinion.trim(), p.no_opinion_reason.trim());
                    let name = format!("{}{}", p.name, self.joined(p));
                    match (attended, lang) {
                        (Some(false), Lang::Zh) if !opinion.is_empty() => {
                            format!("{name}（书面意见：{opinion}）")
                        }
                        (Some(false), Lang::Zh) if !reason.is_empty() => {
                            format!("{name}（未交书面意见：{reason}）")
                        }
                        (Some(false), Lang::En) if !opinion.is_empty() => {
                            format!("{name} (written opinion: {opinion})")
                        }
                        (Some(false), Lang::En) if !reason.is_empty() => {
                            format!("{name} (no written opinion: {reason})")
                        }
                        _ => name,
                    }
                })
                .collect::<Vec<_>>()
                .join(w(lang, "、", ", "))
        };
        [
            (w(lang, "出席", "Attended"), names(Some(true))),
            (w(lang, "未出席", "Absent"), names(Some(false))),
            (w(lang, "未登记", "Not recorded"), names(None)),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}{}{v}", w(lang, "：", ": ")))
        .collect::<Vec<_>>()
        .join(w(lang, "；", "; "))
    }
}

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

const BASIS: &str = "根据《关于进一步做好昌吉州城乡社区协商工作的通知》（昌州民字〔2021〕85号）";

/// The notice, in English.
const NOTICE_EN: &str = "Notice on Further Improving Urban and Rural Community Consultation in Changji \
                         Prefecture (Changzhou Minzi [2021] No. 85)";

/// The document of this kind for a record, its labels in `lang`, its moments (when the record
/// was opened, changed, a stage completed) on the clock of `zone`, as the screens show them.
/// Everything it says comes from the record: who issues it (the lead body, or for the 督办公函
/// of a cross-village result the township that supervises it), the place, the people; never
/// from this copy's 设置, so that the paper of a record stays what it was.
pub fn document(
    kind: DocKind,
    record: &Record,
    procedure: &Procedure,
    lang: Lang,
    zone: &dyn when::Zone,
) -> Document {
    let r = Reader { record, procedure, lang, zone };
    let l = |zh: &'static str, en: &'static str| -> String { w(lang, zh, en).to_owned() };
    let organisation = record.organiser();
    let issuer = match kind {
        DocKind::Letter | DocKind::Reminder => record.letter_sender(),
        _ => organisation.clone(),
    };
    let topic = r.get(&procedure.key_fields.topic);
    let name = i18n::matter_name(lang, record.matter.id.as_deref(), &record.matter.name);
    let matter = match (lang, record.matter.number) {
        (Lang::Zh, Some(n)) => format!("{name}（目录第{n}项）"),
        (Lang::En, Some(n)) => format!("{name} (no. {n} of the list)"),
        (_, None) => name.to_owned(),
    };
    let mut addressee = None;
    let (blocks, date) = match kind {
        DocKind::Publicity => (
            vec![
                Block::Paragraph(match (lang, organisation.is_empty()) {
                    (Lang::Zh, false) => {
                        format!("{BASIS}要求，经{organisation}研究，确定以下协商议题，现将有关信息公示如下：")
                    }
                    (Lang::Zh, true) => format!(
                        "{BASIS}要求，经村（社区）党组织、村（居）民委员会研究，确定以下协商议题，现将有关信息公示如下："
                    ),
                    (Lang::En, false) => format!(
                        "As required by the {NOTICE_EN}, {organisation} has studied and set the following \
                         consultation topic, and posts its details publicly as follows:"
                    ),
                    (Lang::En, true) => format!(
                        "As required by the {NOTICE_EN}, the village (community) Party organisation and the \
                         villagers’/residents’ committee have studied and set the following consultation topic, and \
                         post its details publicly as follows:"
                    ),
                }),
                Block::Fields(vec![
                    (l("协商议题", "Consultation topic"), topic.clone()),
                    (l("协商事项", "Consultation matter"), matter.clone()),
                    (l("协商时间", "Consultation time"), r.or_blank(&r.keys().meeting_time)),
                    (l("协商地点", "Consultation venue"), r.or_blank(&r.paper().meeting_place)),
                    (l("协商形式", "Consultation form"), r.form()),
                    (l("主持人", "Chair"), r.or_blank(&r.paper().host)),
                    (l("参加人员", "Participants"), r.participants()),
                    (l("公示期限", "Posted"), r.period(&r.paper().publicity_date, &r.paper().publicity_until)),
                ]),
                Block::Paragraph({
                    let contact = r.get(&r.paper().application_contact);
                    match (lang, contact.is_empty()) {
                        (Lang::Zh, true) => {
                            "公示期间，村（居）民、“两代表一委员”、村（社区）其他组织和驻村（社区）单位可以申请参加协商议事。".to_owned()
                        }
                        (Lang::Zh, false) => format!(
                            "公示期间，村（居）民、“两代表一委员”、村（社区）其他组织和驻村（社区）单位可以申请参加协商议事，请与{contact}联系。"
                        ),
                        (Lang::En, empty) => format!(
                            "While this notice is posted, villagers/residents, Party congress and NPC deputies and \
                             CPPCC members, other village (community) organisations and units based in the village \
                             (community) may apply to take part in the consultation{}",
                            if empty { ".".to_owned() } else { format!("; please contact {contact}.") }
                        ),
                    }
                }),
            ],
            r.date(&r.paper().publicity_date),
        ),
        DocKind::Minutes => {
            // Headings are numbered as they come: a section with nothing to say is left out.
            let mut number = 0;
            let mut heading = |zh: &'static str, en: &'static str| {
                number += 1;
                Block::Heading(numbered(lang, number, w(lang, zh, en)))
            };
            let mut blocks = vec![
                Block::Fields(vec![
                    (l("协商议题", "Consultation topic"), topic.clone()),
                    (l("协商事项", "Consultation matter"), matter.clone()),
                    (l("协商时间", "Consultation time"), r.or_blank(&r.paper().held_at)),
                    (l("协商地点", "Consultation venue"), r.get(&r.paper().held_place)),
                    (l("协商形式", "Consultation form"), r.form()),
                    (l("主持人", "Chair"), r.get(&r.paper().host)),
                    (l("记录人", "Minute-taker"), r.get(&r.paper().recorder)),
                    (
                        l("牵头组织者", "Lead organiser"),
                        if organisation.is_empty() {
                            record.lead.as_deref().map(|id| r.choice("lead", id)).unwrap_or_default()
                        } else {
                            organisation.clone()
                        },
                    ),
                ]),
                heading("参加人员及出席情况", "Participants and attendance"),
                Block::Table {
                    nowrap: vec![0, 4, 5],
                    header: match lang {
                        Lang::Zh => ["序号", "姓名或名称", "身份", "单位或住址", "利益相关方", "出席情况"],
                        Lang::En => ["No.", "Name", "Role", "Organisation or address", "Stakeholder", "Attendance"],
                    }
                    .map(String::from)
                    .to_vec(),
                    rows: record
                        .parties
                        .iter()
                        .enumerate()
                        .map(|(i, p)| {
                            vec![
                                (i + 1).to_string(),
                                format!("{}{}", p.name, r.joined(p)),
                                r.role(&p.role),
                                p.organisation.clone(),
                                if p.stakeholder { l("是", "Yes") } else { l("否", "No") },
                                match p.attended {
                                    Some(true) => l("出席", "Attended"),
                                    Some(false) => l("未出席", "Absent"),
                                    None => l("未登记", "Not recorded"),
                                },
                            ]
                        })
                        .collect(),
                },
            ];
            let absent: Vec<Vec<String>> = record
                .parties
                .iter()
                .filter(|p| p.attended == Some(false))
                .map(|p| vec![p.name.clone(), p.written_opinion.clone(), p.no_opinion_reason.clone()])
                .collect();
            if !absent.is_empty() {
                blocks.push(heading("未出席人员的书面意见", "Written opinions of those absent"));
                blocks.push(Block::Table {
                    header: match lang {
                        Lang::Zh => ["姓名或名称", "书面意见", "未交书面意见的原因"],
                        Lang::En => ["Name", "Written opinion", "Why no written opinion"],
                    }
                    .map(String::from)
                    .to_vec(),
                    rows: absent,
                    nowrap: vec![],
                });
            }
            let observers = r.get(&r.paper().observers);
            blocks.push(heading("列席旁听人员", "Observers"));
            blocks.push(Block::Paragraph(if observers.is_empty() { l("无。", "None.") } else { observers }));
            blocks.push(heading("各方意见建议", "Views and suggestions of all parties"));
            blocks.push(Block::Paragraph(r.get(&r.paper().opinions)));
            blocks.push(heading("协商结果", "Outcome of the consultation"));
            blocks.push(Block::Fields(vec![(l("是否达成共识", "Consensus reached"), r.get(&r.paper().consensus))]));
            blocks.push(Block::Paragraph(r.get(&r.paper().outcome)));
            blocks.push(Block::SignLines(vec![
                l("主持人（签字）：", "Chair (signature):"),
                l("记录人（签字）：", "Recorder (signature):"),
            ]));
            (blocks, r.date(&r.paper().held_at))
        }
        DocKind::ResultNotice => {
            let held = r.date(&r.paper().held_at).map(|d| date_in(lang, d)).unwrap_or_default();
            let mut fields = vec![
                (l("协商事项", "Consultation matter"), matter.clone()),
                (l("协商时间", "Consultation time"), r.get(&r.paper().held_at)),
                (l("协商形式", "Consultation form"), r.form()),
            ];
            for (label, field) in
                [(l("落实方", "Implementing party"), &r.paper().implementer), (l("落实期限", "Deadline"), &r.keys().deadline)]
            {
                let v = r.get(field);
                if !v.is_empty() {
                    fields.push((label, v));
                }
            }
            (
                vec![
                    Block::Paragraph(match lang {
                        Lang::Zh => format!("{held}，{organisation}就“{topic}”组织开展协商。现将协商事项和协商成果公示如下："),
                        Lang::En => format!(
                            "On {held}, {organisation} held a consultation on “{topic}”. The matter and the \
                             outcome of the consultation are posted publicly as follows:"
                        ),
                    }),
                    Block::Fields(fields),
                    Block::Heading(l("协商成果", "Outcome of the consultation")),
                    Block::Paragraph(r.get(&r.paper().outcome)),
                    Block::Paragraph(l(
                        "欢迎广大村（居）民监督。",
                        "All villagers/residents are welcome to oversee its implementation.",
                    )),
                ],
                r.date(&r.paper().result_publicity_date),
            )
        }
        DocKind::Letter => {
            addressee = Some(match lang {
                Lang::Zh => format!("{}：", r.or_blank(&r.paper().implementer)),
                Lang::En => format!("To {}:", r.or_blank(&r.paper().implementer)),
            });
            let held = r.date(&r.paper().held_at).map(|d| date_in(lang, d)).unwrap_or_default();
            let deadline = r
                .date(&r.keys().deadline)
                .map(|d| date_in(lang, d))
                .unwrap_or_else(|| l("＿＿年＿＿月＿＿日", "____-__-__"));
            let mut blocks = match lang {
                Lang::Zh => vec![
                    Block::Paragraph(format!("{held}，{organisation}就“{topic}”组织开展协商，形成协商成果如下：")),
                    Block::Paragraph(r.get(&r.paper().outcome)),
                    Block::Paragraph(format!(
                        "{BASIS}关于运用“公函制”督促落实方及时完成协商事宜的要求，请你单位于{deadline}前落实上述协商成果，并将落实情况书面反馈{issuer}。"
                    )),
                ],
                Lang::En => vec![
                    Block::Paragraph(format!(
                        "On {held}, {organisation} held a consultation on “{topic}”, which reached the following \
                         outcome:"
                    )),
                    Block::Paragraph(r.get(&r.paper().outcome)),
                    Block::Paragraph(format!(
                        "The {NOTICE_EN} requires official letters to be used to urge implementing parties to \
                         complete consultation matters on time. Please implement the above outcome by {deadline} \
                         and report on its implementation in writing to {issuer}."
                    )),
                ],
            };
            let number = r.get(&r.paper().letter_ref);
            if !number.is_empty() {
                blocks.insert(0, Block::Fields(vec![(l("公函编号", "Letter no."), number)]));
            }
            (blocks, r.date(&r.paper().letter_date))
        }
        DocKind::Reminder => {
            addressee = Some(match lang {
                Lang::Zh => format!("{}：", r.or_blank(&r.paper().implementer)),
                Lang::En => format!("To {}:", r.or_blank(&r.paper().implementer)),
            });
            let blank_date = || l("＿＿年＿＿月＿＿日", "____-__-__");
            let on = |field: &str| r.date(field).map(|d| date_in(lang, d)).unwrap_or_else(blank_date);
            let (letter_date, deadline, reminded) = (on(&r.paper().letter_date), on(&r.keys().deadline), on(&r.paper().reminder_date));
            let letter = match (lang, r.get(&r.paper().letter_ref)) {
                (_, n) if n.is_empty() => l("督办公函", "an official letter"),
                (Lang::Zh, n) => format!("督办公函（{n}）"),
                (Lang::En, n) => format!("an official letter ({n})"),
            };
            let late = match (r.date(&r.keys().deadline), r.date(&r.paper().reminder_date)) {
                (Some(d), Some(on)) if on > d => Some((on - d).whole_days()),
                _ => None,
            };
            let mut blocks = match lang {
                Lang::Zh => vec![Block::Paragraph(format!(
                    "{letter_date}，{issuer}以{letter}请你单位于{deadline}前落实“{topic}”协商成果。截至{reminded}，{}该协商成果尚未落实到位。",
                    late.map(|n| format!("落实期限已过{n}日，")).unwrap_or_default()
                ))],
                Lang::En => vec![Block::Paragraph(format!(
                    "On {letter_date}, {issuer} asked you by {letter} to implement the outcome of the consultation on “{topic}” by {deadline}. As of {reminded}, {}the outcome has not been implemented.",
                    late.map(|n| format!("{n} days after the deadline, ")).unwrap_or_default()
                ))],
            };
            if let Some(last) = record.latest_progress() {
                blocks.push(Block::Paragraph(match lang {
                    Lang::Zh => format!("最近一次落实进展：{}", progress_line(lang, procedure, last)),
                    Lang::En => format!("Latest progress report: {}", progress_line(lang, procedure, last)),
                }));
            }
            blocks.push(Block::Paragraph(match lang {
                Lang::Zh => format!(
                    "{BASIS}关于运用“公函制”督促落实方及时完成协商事宜的要求，请你单位抓紧落实，并将落实进展和预计完成时间书面反馈{issuer}。\n特此函告。"
                ),
                Lang::En => format!(
                    "The {NOTICE_EN} requires official letters to be used to urge implementing parties to complete consultation matters on time. Please implement the outcome without further delay and report its progress and expected completion in writing to {issuer}.\nThis letter is sent for your action."
                ),
            }));
            let number = r.get(&r.paper().reminder_ref);
            if !number.is_empty() {
                blocks.insert(0, Block::Fields(vec![(l("催办函编号", "Reminder no."), number)]));
            }
            (blocks, r.date(&r.paper().reminder_date))
        }
        // The filing document is the list's, not a record's (see `filing`); a record asked for it gets its 归档表.
        DocKind::Changes => (changes(&r), None),
        DocKind::Archive | DocKind::Filing | DocKind::Checklists | DocKind::Overview => (archive(&r, &topic), None),
    };
    Document {
        kind,
        title: doc_title(lang, kind).into(),
        addressee,
        blocks,
        issuer,
        date,
        record_id: record.id.clone(),
        digest: super::file::short_digest(&super::record::digest(record)),
        // A training record is marked wherever it is printed, whatever mode the app is in.
        training: record.training,
        lang,
        tight: false,
        revision: record.revision,
    }
    .on_paper()
}

fn archive(r: &Reader, topic: &str) -> Vec<Block> {
    let (record, procedure, lang) = (r.record, r.procedure, r.lang);
    let day = |at| r.zone.local(at).date();
    let l = |zh: &'static str, en: &'static str| -> String { w(lang, zh, en).to_owned() };
    let fact = |v: Option<bool>| match v {
        Some(true) => w(lang, "是", "yes"),
        Some(false) => w(lang, "否", "no"),
        None => w(lang, "未研判", "not assessed"),
    };
    let category = match &record.matter.category {
        Some(c) => i18n::category_name(lang, record.matter.id.as_deref(), c).to_owned(),
        None => l("（模板未标注类别）", "(no category in the template)"),
    };
    let facts =
        [record.facts.technical, record.facts.wide_reaching, record.facts.dispute, record.facts.commissioned]
            .map(fact);
    let mut blocks = vec![Block::Fields(vec![
        (l("记录编号", "Record"), record.id.clone()),
        // The matter with its category and its number in the catalogue, in one note.
        (l("协商事项", "Consultation matter"), {
            let name = i18n::matter_name(lang, record.matter.id.as_deref(), &record.matter.name);
            let number = record.matter.number.map(|n| match lang {
                Lang::Zh => format!("目录第{n}项"),
                Lang::En => format!("no. {n} of the list"),
            });
            let note =
                [Some(category), number].into_iter().flatten().collect::<Vec<_>>().join(w(lang, "，", ", "));
            format!("{name}{}", bracketed(lang, &note))
        }),
        (l("协商议题", "Consultation topic"), topic.to_owned()),
        // The place in one row: 县（市）, 乡镇（街道）, 村（社区）.
        (
            l("所在地", "Place"),
            [r.get(fields::COUNTY), r.get(fields::TOWNSHIP), record.community.trim().to_owned()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(w(lang, "　", ", ")),
        ),
        (l("协商范围", "Consultation scope"), r.get(&r.paper().scope)),
        // The lead body, and the role the notice gives it.
        (l("牵头组织者", "Lead organiser"), {
            let (body, role) = (record.organiser(), r.get(&r.paper().lead));
            match (body.is_empty(), role.is_empty()) {
                (false, false) => format!("{body}{}", bracketed(lang, &role)),
                (true, _) => role,
                (false, true) => body,
            }
        }),
        (
            l("事项性质", "Nature of the matter"),
            match lang {
                Lang::Zh => format!(
                    "专业性技术性较强：{}；涉及面广关注度高：{}；涉及矛盾纠纷：{}；受委托：{}",
                    facts[0], facts[1], facts[2], facts[3]
                ),
                Lang::En => format!(
                    "highly specialised or technical: {}; wide impact, high public concern: {}; involves \
                     disputes: {}; commissioned: {}",
                    facts[0], facts[1], facts[2], facts[3]
                ),
            },
        ),
        (
            l("建档及修改", "Opened and changed"),
            match lang {
                Lang::Zh => format!(
                    "{}建档，{}最后修改（第{}版）",
                    when::format_date_zh(day(record.created)),
                    when::format_date_zh(day(record.updated)),
                    record.revision
                ),
                Lang::En => format!(
                    "opened {}, last changed {} (revision {})",
                    when::format_date_en(day(record.created)),
                    when::format_date_en(day(record.updated)),
                    record.revision
                ),
            },
        ),
    ])];
    // What the head of the form shows is not repeated in the stages' rows.
    let shown_above = |f: &super::procedure::Field| {
        matches!(
            f.property,
            Some(
                Property::Community
                    | Property::Scope
                    | Property::Lead
                    | Property::Technical
                    | Property::WideReaching
                    | Property::Dispute
                    | Property::Commissioned
            )
        ) || [fields::COUNTY, fields::TOWNSHIP, fields::ORGANISER, procedure.key_fields.topic.as_str()]
            .contains(&f.id.as_str())
    };
    for (i, stage) in procedure.stages.iter().enumerate() {
        let status = match (lang, record.stage_status(&stage.id)) {
            (Lang::Zh, StageStatus::Completed { at }) => {
                format!("已于{}完成", when::format_date_zh(day(at)))
            }
            (Lang::En, StageStatus::Completed { at }) => {
                format!("completed on {}", when::format_date_en(day(at)))
            }
            (_, StageStatus::Recheck) => l("需重新确认", "to be checked again"),
            (_, StageStatus::Open) => l("未完成", "open"),
        };
        let title = i18n::data(lang, Data::Stage, &stage.id, &stage.title);
        // The number is the stage's (一、 is stage 1); each item names its clause. One line.
        let heading = match lang {
            Lang::Zh => format!("{title}（{status}）"),
            Lang::En => format!("Stage {}: {title} ({status})", i + 1),
        };
        blocks.push(Block::Heading(numbered(lang, i + 1, &heading)));
        let rows = stage
            .items
            .iter()
            .flat_map(|item| {
                let (state, note) = match record.item_state(&item.id) {
                    ItemState::Done => (l("已完成", "Done"), String::new()),
                    // Open, and not asked of this record: a condition that does not hold here
                    // (no dispute, not commissioned), or an item the notice leaves to choice.
                    ItemState::Open => match &item.requirement {
                        Requirement::When { when } if !record.holds(procedure, when) => {
                            (l("不涉及", "Does not apply"), String::new())
                        }
                        Requirement::Optional => (l("未开展", "Not done"), l("本项可选", "Optional item")),
                        _ => (l("未完成", "Not done"), String::new()),
                    },
                    ItemState::NotApplicable { reason } => (
                        l("不适用", "Not applicable"),
                        match lang {
                            Lang::Zh => format!("理由：{reason}"),
                            Lang::En => format!("Reason: {reason}"),
                        },
                    ),
                };
                let content = item
                    .fields
                    .iter()
                    .filter(|f| !shown_above(f))
                    .filter_map(|f| {
                        let v = match f.kind {
                            FieldKind::Parties { attendance: false } => r.participants(),
                            FieldKind::Parties { attendance: true } => r.attendance(),
                            // The reports take a row each, below (a table breaks between rows).
                            FieldKind::Progress => return None,
                            // What the latest report says is said in its row, once.
                            _ if record.from_latest_report(&f.id) => return None,
                            _ => r.get(&f.id),
                        };
                        let label = i18n::data(lang, Data::Field, &f.id, &f.label);
                        (!v.is_empty()).then(|| match lang {
                            Lang::Zh => format!("{label}：{v}"),
                            Lang::En => format!("{label}: {v}"),
                        })
                    })
                    .collect::<Vec<_>>()
                    .join(w(lang, "；", "; "));
                let content = if content.is_empty() && item.fields.iter().any(shown_above) {
                    l("见表头", "See the head of the form")
                } else {
                    content
                };
                let reported = item.fields.iter().any(|f| record.from_latest_report(&f.id));
                let n = record.progress.len();
                let content = match (lang, reported, content.is_empty()) {
                    (_, false, _) => content,
                    (Lang::Zh, true, true) => format!("见落实进展报告第（{n}）条"),
                    (Lang::Zh, true, false) => format!("{content}；其余见落实进展报告第（{n}）条"),
                    (Lang::En, true, true) => format!("See progress report ({n})"),
                    (Lang::En, true, false) => format!("{content}; otherwise see progress report ({n})"),
                };
                let detail = [note, content]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(w(lang, "；", "; "));
                // The clause the item follows, after it (a column of its own would take a
                // seventh of the width from what was recorded).
                let label = i18n::data(lang, Data::Item, &item.id, &item.label);
                let mut rows = vec![vec![
                    format!("{label}{}", bracketed(lang, &i18n::clause_id(lang, &item.clause))),
                    state,
                    detail,
                ]];
                // The reports are a section of their own, after the stages, in full lines.
                if item.fields.iter().any(|f| f.kind == FieldKind::Progress) && !record.progress.is_empty() {
                    let n = record.progress.len();
                    rows[0][2] = match lang {
                        Lang::Zh => {
                            format!("共{n}次，见“{}、落实进展报告”", NUMERALS[procedure.stages.len()])
                        }
                        Lang::En => format!("{n} reports, see section {}", procedure.stages.len() + 1),
                    };
                }
                rows
            })
            .collect();
        blocks.push(Block::Table {
            header: match lang {
                Lang::Zh => ["检查事项（依据）", "完成情况", "记录内容"],
                Lang::En => ["Item (notice)", "State", "What was recorded"],
            }
            .map(String::from)
            .to_vec(),
            rows,
            nowrap: vec![1],
        });
    }
    let mut section = procedure.stages.len() + 1;
    if !record.progress.is_empty() {
        blocks.push(Block::Heading(numbered(lang, section, w(lang, "落实进展报告", "Progress reports"))));
        let lines: Vec<String> = record
            .progress_by_date()
            .iter()
            .enumerate()
            .map(|(n, (_, report))| format!("（{}）{}", n + 1, progress_line(lang, procedure, report)))
            .collect();
        blocks.push(Block::Paragraph(lines.join("\n")));
        section += 1;
    }
    blocks.push(Block::Heading(numbered(lang, section, w(lang, "办理经过", "How it went"))));
    blocks.push(Block::Table {
        header: match lang {
            Lang::Zh => ["时间", "事项"],
            Lang::En => ["Time", "What happened"],
        }
        .map(String::from)
        .to_vec(),
        rows: course(r),
        nowrap: vec![0],
    });
    blocks.push(Block::Paragraph(match lang {
        Lang::Zh => format!("每一处修改见附件《{}》。", DocKind::Changes.title()),
        Lang::En => {
            format!("Every change is listed in the appendix “{}”.", doc_title(lang, DocKind::Changes))
        }
    }));
    blocks
}

/// What a field, item or party change touched, in words (for 办理经过).
fn touched(r: &Reader, change: &Change) -> Option<String> {
    let (lang, procedure) = (r.lang, r.procedure);
    match change {
        Change::Field { field, .. } => Some(
            procedure
                .field(field)
                .map_or(field.clone(), |(_, _, f)| i18n::data(lang, Data::Field, &f.id, &f.label).to_owned()),
        ),
        Change::Item { item, .. } => Some(
            procedure
                .item(item)
                .map_or(item.clone(), |(_, i)| i18n::data(lang, Data::Item, &i.id, &i.label).to_owned()),
        ),
        Change::PartyAdded { .. } | Change::PartyChanged { .. } | Change::PartyRemoved { .. } => {
            Some(w(lang, "参与主体", "parties").to_owned())
        }
        Change::OpinionLinked { .. } => Some(w(lang, "群众意见", "residents' opinions").to_owned()),
        // Each report is in the form's stage-5 rows with its date.
        Change::ProgressAdded { .. } | Change::ProgressChanged { .. } | Change::ProgressRemoved { .. } => {
            Some(w(lang, "落实进展报告", "progress reports").to_owned())
        }
        _ => None,
    }
}

/// 办理经过: the record opened, each stage completed and reopened, and what was changed while a
/// stage stood reopened, with when; the typing in between is in the appendix.
fn course(r: &Reader) -> Vec<Vec<String>> {
    let (lang, procedure) = (r.lang, r.procedure);
    let mut rows = Vec::new();
    // While a stage stands reopened: what was changed, until it is completed again.
    let mut since_reopened: Option<Vec<String>> = None;
    for a in &r.record.audit {
        if let Some(t) = touched(r, &a.change) {
            if let Some(list) = since_reopened.as_mut().filter(|l| !l.contains(&t)) {
                list.push(t);
            }
            continue;
        }
        let mut what = describe_change(lang, procedure, &a.change);
        match &a.change {
            Change::StageReopened { .. } => since_reopened = Some(Vec::new()),
            Change::StageCompleted { .. } => {
                if let Some(list) = since_reopened.take().filter(|l| !l.is_empty()) {
                    what += &match lang {
                        Lang::Zh => format!("（重新打开后修改了：{}）", list.join("、")),
                        Lang::En => format!(" (changed after reopening: {})", list.join(", ")),
                    };
                }
            }
            _ => {}
        }
        rows.push(vec![r.zone.minute(a.at), what]);
    }
    rows
}

/// The audit trail as it stands: consecutive edits of one field are one change with its final
/// value; a party added and then filled in is one addition of the party as filled in; a party
/// changed several times in a row is one change.
pub fn compacted(audit: &[AuditEntry]) -> Vec<AuditEntry> {
    // What a progress report wrote into the stage's fields (落实情况, 反馈日期, …) and the item it
    // ticked are that report, said once.
    let reported: std::collections::BTreeSet<u64> = audit
        .iter()
        .filter(|a| {
            matches!(
                a.change,
                Change::ProgressAdded { .. }
                    | Change::ProgressChanged { .. }
                    | Change::ProgressRemoved { .. }
            )
        })
        .map(|a| a.revision)
        .collect();
    let said_by_report = |a: &AuditEntry| {
        reported.contains(&a.revision) && matches!(a.change, Change::Field { .. } | Change::Item { .. })
    };
    let mut out: Vec<AuditEntry> = Vec::new();
    for a in audit.iter().filter(|a| !said_by_report(a)) {
        if let Some(last) = out.last_mut() {
            let merged = match (&mut last.change, &a.change) {
                (Change::Field { field: f1, to: t1, .. }, Change::Field { field: f2, to: t2, .. })
                    if f1 == f2 =>
                {
                    *t1 = t2.clone();
                    true
                }
                (Change::PartyAdded { party }, Change::PartyChanged { from, to, .. }) if party == from => {
                    *party = to.clone();
                    true
                }
                (Change::ProgressAdded { report }, Change::ProgressChanged { from, to, .. })
                    if report == from =>
                {
                    *report = to.clone();
                    true
                }
                (
                    Change::PartyChanged { index: i1, to: t1, .. },
                    Change::PartyChanged { index: i2, from, to },
                ) if i1 == i2 && t1 == from => {
                    *t1 = to.clone();
                    true
                }
                _ => false,
            };
            if merged {
                last.at = a.at;
                last.revision = a.revision;
                continue;
            }
        }
        out.push(a.clone());
    }
    // A field left as it was before, or a party added and removed again, changed nothing.
    out.retain(|a| !matches!(&a.change, Change::Field { from, to, .. } if from == to));
    out
}

/// When a party joined, for one who joined after stage 1 (“（公示期间加入）”, “（协商时加入）”),
/// else "": the same words on paper and in the editor.
pub fn joined_note(lang: Lang, procedure: &Procedure, party: &super::record::Party) -> String {
    let Some(stage) = &party.joined else { return String::new() };
    let n = procedure.stage_index(stage).map_or(0, |i| i + 1);
    match (lang, n) {
        (Lang::Zh, 2) => "（公示期间加入）".to_owned(),
        (Lang::Zh, 3) => "（协商时加入）".to_owned(),
        (Lang::Zh, n) => format!("（第{n}阶段加入）"),
        (Lang::En, 2) => " (joined during the publicity)".to_owned(),
        (Lang::En, 3) => " (joined at the consultation)".to_owned(),
        (Lang::En, n) => format!(" (joined in stage {n})"),
    }
}

/// One progress report in one line: “2027年1月10日　落实方报告：落实中。路基已完成。已于2027年1月11日反馈，
/// 2027年1月12日在村务公开栏公开。” The same words in the editor, the 归档表, the change log and the
/// 督办 list.
pub fn progress_line(lang: Lang, procedure: &Procedure, report: &super::record::ProgressReport) -> String {
    let option =
        |list: &str, id: &str| i18n::option(lang, list, id, procedure.choice_label(list, id)).to_owned();
    let channels = report
        .channels
        .iter()
        .map(|c| option("publicity_channels", c))
        .collect::<Vec<_>>()
        .join(w(lang, "、", ", "));
    let note = paper_text(report.note.trim());
    let mut line = match lang {
        Lang::Zh => format!(
            "{}　{}报告：{}",
            date_in(lang, report.date),
            option("reporters", &report.reporter),
            option("implementation_status", &report.status)
        ),
        Lang::En => format!(
            "{} reported on {}: {}",
            option("reporters", &report.reporter),
            date_in(lang, report.date),
            option("implementation_status", &report.status)
        ),
    };
    let end = w(lang, "。", ". ");
    line += end;
    if !note.is_empty() {
        line += &note;
        if !note.ends_with(['。', '！', '？', '.', '!', '?']) {
            line += end;
        }
    }
    match (lang, report.fed_back_on) {
        (Lang::Zh, Some(d)) => line += &format!("已于{}反馈各方", date_in(lang, d)),
        (Lang::En, Some(d)) => line += &format!("Fed back on {}", date_in(lang, d)),
        _ => {}
    }
    match (lang, report.published_on, report.fed_back_on.is_some()) {
        (Lang::Zh, Some(d), fed) => {
            line += &format!("{}{}", if fed { "，" } else { "" }, date_in(lang, d));
            line += &match channels.as_str() {
                "" => "公开".to_owned(),
                c => format!("在{c}公开"),
            };
        }
        (Lang::En, Some(d), fed) => {
            line += &format!("{}published on {}", if fed { ", " } else { "" }, date_in(lang, d));
            if !channels.is_empty() {
                line += &format!(" ({channels})");
            }
        }
        _ => {}
    }
    if report.fed_back_on.is_some() || report.published_on.is_some() {
        line += end;
    }
    line.trim_end().to_owned()
}

/// One change of a record, in words (the change log, and 核验's list of what changed since a
/// paper copy was printed).
pub fn describe_change(lang: Lang, procedure: &Procedure, change: &Change) -> String {
    let l = |zh: &'static str, en: &'static str| -> String { w(lang, zh, en).to_owned() };
    let label = |field: &str| {
        procedure
            .field(field)
            .map_or(field.to_owned(), |(_, _, f)| i18n::data(lang, Data::Field, &f.id, &f.label).to_owned())
    };
    let role = |id: &str| i18n::option(lang, "roles", id, procedure.choice_label("roles", id)).to_owned();
    let party = |p: &super::record::Party| {
        let name = if p.name.trim().is_empty() {
            l("（未填姓名）", "(no name)")
        } else {
            p.name.trim().to_owned()
        };
        format!("{name}{}", bracketed(lang, &role(&p.role)))
    };
    // A name in quotation marks; quotation marks inside it become single ones (“以‘约请’方式…”).
    let quoted = |name: &str| format!("“{}”", name.replace('“', "‘").replace('”', "’"));
    let yes_no = |b: bool| l(if b { "是" } else { "否" }, if b { "yes" } else { "no" });
    // What changed in a party, field by field ("出席情况：未出席；书面意见：…").
    let party_changes = |from: &super::record::Party, to: &super::record::Party| {
        let attended = |a: Option<bool>| match a {
            Some(true) => l("出席", "attended"),
            Some(false) => l("未出席", "absent"),
            None => l("未登记", "not recorded"),
        };
        let mut said = Vec::new();
        let mut note = |zh: &'static str, en: &'static str, value: String| {
            said.push(match lang {
                Lang::Zh => format!("{zh}：{value}"),
                Lang::En => format!("{en}: {value}"),
            })
        };
        if from.name.trim() != to.name.trim() {
            note("姓名或名称", "name", to.name.trim().to_owned());
        }
        if from.role != to.role {
            note("身份", "role", role(&to.role));
        }
        if from.organisation.trim() != to.organisation.trim() {
            note("单位或住址", "organisation or address", to.organisation.trim().to_owned());
        }
        if from.stakeholder != to.stakeholder {
            note("利益相关方", "stakeholder", yes_no(to.stakeholder));
        }
        if from.attended != to.attended {
            note("出席情况", "attendance", attended(to.attended));
        }
        if from.written_opinion.trim() != to.written_opinion.trim() {
            note("书面意见", "written opinion", to.written_opinion.trim().to_owned());
        }
        if from.no_opinion_reason.trim() != to.no_opinion_reason.trim() {
            note("未交书面意见的原因", "why no written opinion", to.no_opinion_reason.trim().to_owned());
        }
        said.join(w(lang, "；", "; "))
    };
    match (lang, change) {
        (_, Change::Field { field, from, to }) => {
            let list = procedure.field(field).and_then(|(_, _, f)| f.kind.list());
            let shown = |v: &Value| display_in(lang, procedure, list, v);
            // A value changed says what it was, when that is short enough to read in a line.
            let before = from.as_ref().map(shown).filter(|b| !b.trim().is_empty() && b.chars().count() <= 30);
            match (lang, to, before) {
                (Lang::Zh, Some(v), Some(b)) => format!("修改{}：由{}改为{}", quoted(&label(field)), b, shown(v)),
                (Lang::En, Some(v), Some(b)) => {
                    format!("Changed {}: from {} to {}", quoted(&label(field)), b, shown(v))
                }
                (Lang::Zh, Some(v), None) if from.is_some() => format!("修改{}为：{}", quoted(&label(field)), shown(v)),
                (Lang::En, Some(v), None) if from.is_some() => {
                    format!("Changed {} to: {}", quoted(&label(field)), shown(v))
                }
                (Lang::Zh, Some(v), _) => format!("填写{}：{}", quoted(&label(field)), shown(v)),
                (Lang::En, Some(v), _) => format!("Entered {}: {}", quoted(&label(field)), shown(v)),
                (Lang::Zh, None, _) => format!("清空{}", quoted(&label(field))),
                (Lang::En, None, _) => format!("Cleared {}", quoted(&label(field))),
            }
        }
        (_, Change::Item { item, to, .. }) => {
            let name = procedure
                .item(item)
                .map_or(item.clone(), |(_, i)| i18n::data(lang, Data::Item, &i.id, &i.label).to_owned());
            let state = match (lang, to) {
                (_, ItemState::Done) => l("已完成", "done"),
                (_, ItemState::Open) => l("未完成", "not done"),
                (Lang::Zh, ItemState::NotApplicable { reason }) => format!("不适用（{reason}）"),
                (Lang::En, ItemState::NotApplicable { reason }) => {
                    format!("not applicable ({reason})")
                }
            };
            match lang {
                Lang::Zh => format!("{}标为{state}", quoted(&name)),
                Lang::En => format!("{} marked {state}", quoted(&name)),
            }
        }
        (Lang::Zh, Change::PartyAdded { party: p }) => format!("添加参与主体：{}", party(p)),
        (Lang::En, Change::PartyAdded { party: p }) => format!("Party added: {}", party(p)),
        (Lang::Zh, Change::PartyChanged { from, to, .. }) => match party_changes(from, to) {
            what if what.is_empty() => format!("修改参与主体：{}", party(to)),
            what => format!("修改参与主体{}，{what}", party(to)),
        },
        (Lang::En, Change::PartyChanged { from, to, .. }) => match party_changes(from, to) {
            what if what.is_empty() => format!("Party changed: {}", party(to)),
            what => format!("Party {} changed, {what}", party(to)),
        },
        (Lang::Zh, Change::PartyRemoved { party: p, .. }) => format!("删除参与主体：{}", party(p)),
        (Lang::En, Change::PartyRemoved { party: p, .. }) => format!("Party removed: {}", party(p)),
        (Lang::Zh, Change::ProgressAdded { report }) => {
            format!("添加落实进展报告：{}", progress_line(lang, procedure, report))
        }
        (Lang::En, Change::ProgressAdded { report }) => {
            format!("Progress report added: {}", progress_line(lang, procedure, report))
        }
        (Lang::Zh, Change::ProgressChanged { to, .. }) => {
            format!("修改落实进展报告为：{}", progress_line(lang, procedure, to))
        }
        (Lang::En, Change::ProgressChanged { to, .. }) => {
            format!("Progress report changed to: {}", progress_line(lang, procedure, to))
        }
        (Lang::Zh, Change::ProgressRemoved { report, .. }) => {
            format!("删除落实进展报告：{}", progress_line(lang, procedure, report))
        }
        (Lang::En, Change::ProgressRemoved { report, .. }) => {
            format!("Progress report removed: {}", progress_line(lang, procedure, report))
        }
        (Lang::Zh, Change::OpinionLinked { id }) => format!("记入群众意见台账中的意见（编号{id}）"),
        (Lang::En, Change::OpinionLinked { id }) => format!("Took up opinion {id} of the opinion ledger"),
        (Lang::Zh, Change::Created { from: None }) => "建立记录".to_owned(),
        (Lang::En, Change::Created { from: None }) => "Record opened".to_owned(),
        (Lang::Zh, Change::Created { from: Some(f) }) => format!("由记录{f}复制建立"),
        (Lang::En, Change::Created { from: Some(f) }) => format!("Opened as a copy of record {f}"),
        (Lang::Zh, Change::StageCompleted { stage }) => {
            format!("完成{}", stage_name(lang, procedure, stage))
        }
        (Lang::En, Change::StageCompleted { stage }) => {
            format!("Completed {}", stage_name(lang, procedure, stage))
        }
        (Lang::Zh, Change::StageReopened { stage, .. }) => {
            format!("重新打开{}", stage_name(lang, procedure, stage))
        }
        (Lang::En, Change::StageReopened { stage, .. }) => {
            format!("Reopened {}", stage_name(lang, procedure, stage))
        }
        (Lang::Zh, Change::Upgraded { .. }) => "按新版程序补记地点和牵头组织单位（本记录建于早期版本）".to_owned(),
        (Lang::En, Change::Upgraded { .. }) => {
            "Place and lead body filled in for the current procedure (the record was made by an earlier build)".to_owned()
        }
        (Lang::Zh, Change::Superseded { revision }) => {
            format!("保留本版本，替代另一处保存的第{revision}版")
        }
        (Lang::En, Change::Superseded { revision }) => {
            format!("Kept this revision, in place of revision {revision} saved elsewhere")
        }
    }
}

/// 协商记录修改明细: every change of the record as it stands.
fn changes(r: &Reader) -> Vec<Block> {
    let (record, procedure, lang) = (r.record, r.procedure, r.lang);
    let l = |zh: &'static str, en: &'static str| -> String { w(lang, zh, en).to_owned() };
    let name = i18n::matter_name(lang, record.matter.id.as_deref(), &record.matter.name);
    let topic = r.get(&procedure.key_fields.topic);
    let mut blocks = vec![Block::Fields(vec![
        (l("记录编号", "Record"), record.id.clone()),
        (l("协商事项", "Consultation matter"), name.to_owned()),
        (l("协商议题", "Consultation topic"), topic),
        (l("村（社区）", "Village (community)"), record.community.clone()),
    ])];
    let rows = compacted(&record.audit)
        .iter()
        .map(|a| {
            let what = describe_change(lang, procedure, &a.change);
            vec![r.zone.minute(a.at), a.revision.to_string(), what]
        })
        .collect();
    blocks.push(Block::Table {
        header: match lang {
            Lang::Zh => ["时间", "版本", "变更"],
            Lang::En => ["Time", "Revision", "Change"],
        }
        .map(String::from)
        .to_vec(),
        rows,
        nowrap: vec![0, 1],
    });
    blocks
}

fn stage_name(lang: Lang, procedure: &Procedure, stage: &str) -> String {
    match (lang, procedure.stage_index(stage)) {
        (Lang::Zh, Some(i)) => format!("第{}阶段“{}”", i + 1, procedure.stages[i].title),
        (Lang::En, Some(i)) => {
            let s = &procedure.stages[i];
            format!("stage {} “{}”", i + 1, i18n::data(lang, Data::Stage, &s.id, &s.title))
        }
        (_, None) => stage.to_owned(),
    }
}

/// A document's title in a language (the printed documents stay Chinese by default).
pub fn doc_title(lang: Lang, kind: DocKind) -> &'static str {
    match lang {
        Lang::Zh => kind.title(),
        Lang::En => match kind {
            DocKind::Publicity => "Public notice of the topic",
            DocKind::Minutes => "Minutes of the consultation",
            DocKind::ResultNotice => "Public notice of the outcome",
            DocKind::Letter => "Official letter to the implementer",
            DocKind::Archive => "Archive form",
            DocKind::Changes => "Changes to the record",
            DocKind::Reminder => "Reminder to the implementer",
            DocKind::Filing => "The county's list, for filing",
            DocKind::Checklists => "Checklists of the procedure",
            DocKind::Overview => "Overview of community consultation",
        },
    }
}
