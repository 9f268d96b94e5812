//! The documents as Word files (.docx), for Word and WPS, rendered from the same print model as
//! the print view and laid out after GB/T 9704-2012: A4, margins 37/26/35/28 mm, title in
//! 小标宋 22 pt, body in 仿宋 16 pt on a fixed 29 pt line, page numbers “— N —” at the outer
//! side, the record's digest in every page's foot, table rows that never split, header rows repeated on
//! every page a table runs onto.

use super::documents::{Block, Document};
use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, Footer, Header, HeightRule, LineSpacing, LineSpacingType,
    PageMargin, PageNum, Paragraph, Run, RunFonts, SpecialIndentType, Tab, TabValueType, Table, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableRow, WidthType,
};

const FANGSONG: &str = "仿宋_GB2312";
const XIAOBIAOSONG: &str = "方正小标宋简体";
const HEITI: &str = "黑体";
/// Twips per millimetre.
const MM: f64 = 56.692;
/// The text block is 156 mm wide.
const TEXT_WIDTH: usize = (156.0 * MM) as usize;

fn mm(v: f64) -> i32 {
    (v * MM).round() as i32
}

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new().east_asia(east_asia).ascii("Times New Roman").hi_ansi("Times New Roman")
}

/// Body text: 3号 (16 pt) 仿宋.
fn body(text: &str) -> Run {
    Run::new().add_text(text).size(32).fonts(fonts(FANGSONG))
}

fn fixed_line() -> LineSpacing {
    // 29 pt: a character's height plus 7/8 of a 3号 character, 22 lines to the page.
    LineSpacing::new().line(580).line_rule(LineSpacingType::Exact)
}

/// A tight document's line (Document::tight): 24 pt, as its print view.
fn tight_line() -> LineSpacing {
    LineSpacing::new().line(480).line_rule(LineSpacingType::Exact)
}

fn paragraph(text: &str, tight: bool) -> Paragraph {
    Paragraph::new()
        .add_run(body(text))
        .line_spacing(if tight { tight_line() } else { fixed_line() })
        .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
        .align(AlignmentType::Both)
}

/// Text whose typed lines are kept: each line after the first starts after a line break (Word's
/// own manual break, `<w:br/>`).
fn lines(text: &str, size: usize, east_asia: &str) -> Run {
    let mut run = Run::new().size(size).fonts(fonts(east_asia));
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    run
}

/// A table cell's text (`size` in half points) on an exact line of `line` twips, as the print
/// view sets it (1.5 times the size; 1.3 in a tight document's fields).
fn cell(text: &str, size: usize, line: usize, width: Option<usize>) -> TableCell {
    let c = TableCell::new().add_paragraph(
        Paragraph::new()
            .add_run(lines(text, size, FANGSONG))
            // The cell's padding above and below as paragraph spacing (LibreOffice does not
            // take a table's top and bottom cell margins): 2 pt, and below it the 0.75 pt of
            // the rule the print view's row also takes, so that rows are as tall as printed.
            .line_spacing(
                LineSpacing::new().line(line as i32).line_rule(LineSpacingType::Exact).before(40).after(55),
            ),
    );
    match width {
        Some(w) => c.width(w, WidthType::Dxa),
        None => c,
    }
}

fn page_foot(odd: bool, doc: &Document) -> Footer {
    let number = Paragraph::new()
        .add_run(Run::new().add_text("— ").size(28).fonts(fonts(FANGSONG)))
        .add_page_num(PageNum::new())
        .add_run(Run::new().add_text(" —").size(28).fonts(fonts(FANGSONG)))
        .align(if odd { AlignmentType::Right } else { AlignmentType::Left })
        .indent(if odd { None } else { Some(mm(4.5)) }, None, if odd { Some(mm(4.5)) } else { None }, None);
    let digest = Paragraph::new()
        .add_run(Run::new().add_text(doc.foot()).size(18).fonts(fonts("黑体")))
        .align(AlignmentType::Center);
    Footer::new().add_paragraph(number).add_paragraph(digest)
}

/// Column widths in twips: the print model's shares of the text block
/// ([`super::documents::column_shares`]), as the print view sets them.
fn column_widths(header: &[String], rows: &[Vec<String>], nowrap: &[usize]) -> Vec<usize> {
    super::documents::column_shares(header, rows, nowrap)
        .into_iter()
        .map(|share| (share * TEXT_WIDTH as f64) as usize)
        .collect()
}

/// A part of a Word document in order.
enum Piece {
    P(Paragraph),
    T(Table),
}

/// The document as a .docx file.
pub fn to_docx(doc: &Document) -> Vec<u8> {
    let mut d = Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new().top(mm(37.0)).bottom(mm(35.0)).left(mm(28.0)).right(mm(26.0)).footer(mm(21.0)),
        )
        .default_fonts(fonts(FANGSONG))
        .default_size(32)
        .footer(page_foot(true, doc))
        .even_footer(page_foot(false, doc));
    if doc.training {
        // Every page of a training document says so at its head.
        let mark = || {
            Header::new().add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text(doc.training_mark()).size(28).bold().fonts(fonts(HEITI)))
                    .align(AlignmentType::Center),
            )
        };
        d = d.header(mark()).even_header(mark());
    }
    d = d.add_paragraph(
        Paragraph::new()
            .add_run(Run::new().add_text(&doc.title).size(44).fonts(fonts(XIAOBIAOSONG)))
            .align(AlignmentType::Center)
            // As the print view sets it: a 32 pt line and a line's space below (28.6 pt and 14 pt
            // in a tight document).
            .line_spacing(
                LineSpacing::new()
                    .line(if doc.tight { 572 } else { 640 })
                    .line_rule(LineSpacingType::Exact)
                    .after(if doc.tight { 280 } else { 580 }),
            ),
    );
    if let Some(a) = &doc.addressee {
        d = d.add_paragraph(Paragraph::new().add_run(body(a)).line_spacing(fixed_line()));
    }
    let line = || if doc.tight { tight_line() } else { fixed_line() };
    // Fields of a tight document in 小四 (12 pt) rather than 四号.
    let field_size = if doc.tight { 24 } else { 28 };
    let field_line = if doc.tight { 312 } else { 420 };
    // What the print model keeps with the organisation and date is kept with the next paragraph
    // (GB/T 9704-2012 7.3.5: the seal never stands alone), as in the print view.
    let held = doc.kept_with_signature().unwrap_or((doc.blocks.len(), 0));
    // The small space after a table.
    let spacer = Paragraph::new().line_spacing(LineSpacing::new().line(200));
    // A paragraph of 1 pt between a table's rows and their continuation in the kept box: two
    // tables with nothing between them are one table to Word and LibreOffice, which then drew
    // the first without rules, as the box is drawn.
    let between =
        || Paragraph::new().line_spacing(LineSpacing::new().line(20).line_rule(LineSpacingType::Exact));
    // What goes on paper in order: paragraphs and tables, each marked whether it is kept with
    // the signature.
    let mut pieces: Vec<(Piece, bool)> = Vec::new();
    for (at, block) in doc.blocks.iter().enumerate() {
        let kept = at >= held.0;
        match block {
            Block::Heading(h) => pieces.push((
                Piece::P(
                    Paragraph::new()
                        .add_run(Run::new().add_text(h).size(32).fonts(fonts(HEITI)))
                        .line_spacing(fixed_line())
                        .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
                        .keep_next(true),
                ),
                kept,
            )),
            // Each typed line its own paragraph, indented as body text is (numbered points).
            Block::Paragraph(p) => {
                for (n, text) in p.split('\n').enumerate() {
                    pieces.push((Piece::P(paragraph(text, doc.tight)), (at, n) >= held));
                }
            }
            Block::Fields(fields) => {
                let label_width = (TEXT_WIDTH as f64 * 0.22) as usize;
                let row = |(l, v): &(String, String)| {
                    TableRow::new(vec![
                        cell(l, field_size, field_line, Some(label_width)),
                        cell(v, field_size, field_line, Some(TEXT_WIDTH - label_width)),
                    ])
                    .cant_split()
                };
                let split = if at == held.0 {
                    held.1.min(fields.len())
                } else if kept {
                    0
                } else {
                    fields.len()
                };
                if split > 0 {
                    pieces.push((Piece::T(Table::new(fields[..split].iter().map(row).collect())), false));
                }
                if split < fields.len() {
                    if split > 0 {
                        pieces.push((Piece::P(between()), false));
                    }
                    pieces.push((Piece::T(Table::new(fields[split..].iter().map(row).collect())), true));
                }
                pieces.push((Piece::P(spacer.clone()), kept));
            }
            Block::Table { header, rows, nowrap } => {
                let widths = column_widths(header, rows, nowrap);
                let head = TableRow::new(
                    header
                        .iter()
                        .zip(&widths)
                        .map(|(h, w)| {
                            // Keep the header row with the first row below it.
                            TableCell::new().width(*w, WidthType::Dxa).add_paragraph(
                                Paragraph::new()
                                    .add_run(Run::new().add_text(h).size(24).fonts(fonts(HEITI)))
                                    .line_spacing(
                                        LineSpacing::new()
                                            .line(360)
                                            .line_rule(LineSpacingType::Exact)
                                            .before(40)
                                            .after(55),
                                    )
                                    .keep_next(true),
                            )
                        })
                        .collect(),
                )
                .cant_split()
                .row_height(HEADER_MARK_HEIGHT)
                .height_rule(HeightRule::Auto);
                let row = |r: &Vec<String>| {
                    TableRow::new(r.iter().zip(&widths).map(|(c, w)| cell(c, 24, 360, Some(*w))).collect())
                        .cant_split()
                };
                // The rows kept with the signature continue the table below its other rows.
                let split = if at == held.0 {
                    held.1.min(rows.len())
                } else if kept {
                    0
                } else {
                    rows.len()
                };
                let mut all = vec![head];
                all.extend(rows[..split].iter().map(row));
                pieces.push((Piece::T(Table::new(all).set_grid(widths.clone())), split == 0 && kept));
                if split < rows.len() {
                    if split > 0 {
                        pieces.push((Piece::P(between()), false));
                    }
                    let rest = Table::new(rows[split..].iter().map(row).collect()).set_grid(widths.clone());
                    pieces.push((Piece::T(rest), true));
                }
                pieces.push((Piece::P(spacer.clone()), kept));
            }
            Block::Bars { caption, rows } => {
                // A chart as a table of bars drawn with ■, each as long as its share of the
                // largest count (at most 20), the count written after it.
                let max = rows.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
                let label_width = (TEXT_WIDTH as f64 * 0.3) as usize;
                pieces.push((
                    Piece::P(
                        Paragraph::new()
                            .add_run(Run::new().add_text(caption).size(24).fonts(fonts(HEITI)))
                            .align(AlignmentType::Center)
                            .keep_next(true),
                    ),
                    kept,
                ));
                let all = rows
                    .iter()
                    .map(|(l, n)| {
                        let bar = "■".repeat((n * 20).div_ceil(max).min(20));
                        TableRow::new(vec![
                            cell(l, 21, 315, Some(label_width)),
                            cell(&format!("{bar} {n}"), 21, 315, Some(TEXT_WIDTH - label_width)),
                        ])
                        .cant_split()
                    })
                    .collect();
                pieces.push((Piece::T(Table::new(all)), kept));
                pieces.push((Piece::P(spacer.clone()), kept));
            }
            // The sign lines side by side as the print view sets them (the second at the middle
            // of the line), a line of room above them to sign in.
            Block::SignLines(lines) => {
                let mut p = Paragraph::new()
                    .line_spacing(LineSpacing::new().line(580).line_rule(LineSpacingType::Exact).before(580))
                    .add_tab(Tab::new().val(TabValueType::Left).pos(TEXT_WIDTH / 2));
                for (i, l) in lines.iter().enumerate() {
                    if i > 0 {
                        p = p.add_run(Run::new().add_tab());
                    }
                    p = p.add_run(body(l));
                }
                pieces.push((Piece::P(p), true));
            }
        }
    }
    // The issuing organisation and the date, right-aligned four characters in, with room for the
    // seal above them.
    let right = |text: &str| {
        Paragraph::new()
            .add_run(body(text))
            .align(AlignmentType::Right)
            .indent(None, None, Some(4 * 320), None)
            .line_spacing(line())
    };
    // The date in the document's language, or a blank to fill in by hand (“　　年　　月　　日”).
    let date = doc.date_text();
    pieces.push((
        Piece::P(Paragraph::new().line_spacing(LineSpacing::new().before(if doc.tight {
            560
        } else {
            1160
        }))),
        true,
    ));
    pieces.push((Piece::P(right(&doc.issuer)), true));
    pieces.push((Piece::P(right(&date)), true));
    // What is kept with the signature goes into one borderless row that does not break across
    // pages: Word and LibreOffice both move such a row whole (LibreOffice does not follow a chain
    // of paragraphs kept with the next). Everything else goes on as it is.
    // A table across the text block, its cells padded at the sides as the print view pads them
    // (5 pt; above and below, see `cell`: LibreOffice does not take a table's top and bottom cell
    // margins for a row's height).
    // Ruled as the print view rules it: 0.75 pt lines (1 px), so that a row is as tall in Word
    // as on the printed page and long tables break alike.
    let rules = |border: BorderType, size: usize| {
        [
            TableBorderPosition::Top,
            TableBorderPosition::Left,
            TableBorderPosition::Bottom,
            TableBorderPosition::Right,
            TableBorderPosition::InsideH,
            TableBorderPosition::InsideV,
        ]
        .into_iter()
        .fold(TableBorders::new(), |b, p| b.set(TableBorder::new(p).border_type(border).size(size)))
    };
    let framed = |t: Table| {
        t.width(TEXT_WIDTH, WidthType::Dxa)
            .margins(TableCellMargins::new().margin(0, 100, 0, 100))
            .set_borders(rules(BorderType::Single, 6))
    };
    let mut kept = TableCell::new().width(TEXT_WIDTH, WidthType::Dxa);
    for (piece, held) in pieces {
        match (piece, held) {
            (Piece::P(p), false) => d = d.add_paragraph(p),
            (Piece::T(t), false) => d = d.add_table(framed(t)),
            (Piece::P(p), true) => kept = kept.add_paragraph(p),
            (Piece::T(t), true) => kept = kept.add_table(framed(t)),
        }
    }
    // No rule around it: every border set to nil (an empty border list lets LibreOffice draw
    // its default frame).
    let no_borders = rules(BorderType::Nil, 0);
    d = d.add_table(
        Table::new(vec![TableRow::new(vec![kept]).cant_split()])
            .set_borders(no_borders)
            .width(TEXT_WIDTH, WidthType::Dxa)
            .margins(TableCellMargins::new().margin(0, 0, 0, 0)),
    );
    let mut xml = d.build();
    xml.document = repeat_header_rows(std::mem::take(&mut xml.document));
    let mut out = std::io::Cursor::new(Vec::new());
    // Writing to memory cannot fail for want of space; a failure would leave an empty file.
    let _ = xml.pack(&mut out);
    out.into_inner()
}

/// docx-rs 0.4 cannot mark a table's header row to be repeated on every page the table runs
/// onto (`<w:tblHeader/>`). A header row is built with a height no other row has (1 twip, rule
/// "auto": the row is as tall as its content), and that height is replaced here by the mark.
const HEADER_MARK_HEIGHT: f32 = 1.0;
const HEADER_MARK: &str = r#"<w:trHeight w:val="1" w:hRule="auto" />"#;

fn repeat_header_rows(document: Vec<u8>) -> Vec<u8> {
    match String::from_utf8(document) {
        Ok(text) => text.replace(HEADER_MARK, "<w:tblHeader />").into_bytes(),
        Err(e) => e.into_bytes(),
    }
}
