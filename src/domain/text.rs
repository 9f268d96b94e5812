//! Text as the program writes it out: on paper (print, .docx) and in CSV. Core: knows no
//! language.

/// Text as it goes on paper (print, .docx, CSV): line breaks kept, whatever way they were typed
/// or pasted (`\r\n`, `\r`; Word's manual line break U+000B, a page break U+000C, U+2028/2029,
/// U+0085 become `\n`), a tab a space, and every other control character and non-character
/// (U+0008, U+001F, U+FFFF, …) dropped: Word and LibreOffice refuse a file that holds one.
/// Spaces at the ends of lines go, and blank lines at the start and end.
pub fn paper_text(text: &str) -> String {
    if !text.chars().any(|c| c.is_control() || is_noncharacter(c) || matches!(c, '\u{2028}' | '\u{2029}')) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            c if c.is_control() || is_noncharacter(c) => {}
            c => out.push(c),
        }
    }
    out.lines().map(str::trim_end).collect::<Vec<_>>().join("\n").trim_matches('\n').to_owned()
}

/// Unicode's non-characters (U+FDD0–U+FDEF and the last two code points of every plane).
fn is_noncharacter(c: char) -> bool {
    let n = c as u32;
    (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE
}
