//! Reading any file of this program: its bytes as text, the checks every file gets (size,
//! emptiness, format and version), the first problem with its place in the file
//! (`records[3].record.values.topic`), and the SHA-256 digests printed on paper. Core: the
//! records format (`transfer`), the county's list file (`county_list`) and the opinion ledger's
//! file (`opinion`) all read through here.

use serde::Deserialize;
use sha2::{Digest, Sha256};

/// The largest file import accepts.
pub const MAX_FILE_BYTES: usize = 200 * 1024 * 1024;
/// The SHA-256 of a text, in lower-case hex (for a record, its canonical JSON).
pub fn digest_of_text(canonical: &str) -> String {
    hex(&Sha256::digest(canonical.as_bytes()))
}

/// Bytes (a digest) in lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

/// The short form printed on paper: the first 16 hex digits in groups of four, upper case,
/// e.g. `3F2A-91C0-77B4-E1D2`.
pub fn short_digest(digest: &str) -> String {
    let head: Vec<char> = digest.chars().take(16).map(|c| c.to_ascii_uppercase()).collect();
    head.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// Why a file cannot be imported. Each says where the first problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// Its size.
        bytes: usize,
    },
    /// Empty.
    Empty,
    /// Not JSON, or cut short.
    NotJson {
        /// Line of the problem (1-based).
        line: usize,
        /// Column.
        column: usize,
        /// The text ends before the JSON does (a truncated file).
        truncated: bool,
        /// Nesting deeper than JSON readers accept.
        too_deep: bool,
    },
    /// Not an export of this program.
    WrongFormat {
        /// What the file calls itself.
        found: String,
    },
    /// A version this build does not know.
    UnknownVersion {
        /// The file's version.
        found: u64,
    },
    /// A value of the wrong shape.
    Shape {
        /// Where, e.g. `records[3].record.values.topic`.
        path: String,
        /// What the reader said.
        detail: String,
    },
    /// Two records (or opinions) with one id.
    DuplicateId {
        /// Where the second is.
        path: String,
        /// The id.
        id: String,
    },
    /// The file is not UTF-8 text (UTF-16, GBK, …): saved in another encoding.
    NotUtf8 {
        /// The encoding recognised, when its byte-order mark or its zero bytes tell it.
        encoding: Option<&'static str>,
    },
    /// A revision beyond [`MAX_REVISION`].
    BadRevision {
        /// Where.
        path: String,
    },
    /// An id that is empty or too long.
    BadId {
        /// Where.
        path: String,
    },
    /// A text longer than [`MAX_TEXT_CHARS`].
    TooLong {
        /// Where.
        path: String,
        /// Its length in characters.
        chars: usize,
    },
    /// A record made for another procedure definition.
    UnknownProcedure {
        /// Where.
        path: String,
        /// Its id.
        id: String,
    },
    /// A field, item, stage, role or option the procedure does not have, or a value of the
    /// wrong kind for its field.
    NotInProcedure {
        /// Where.
        path: String,
        /// What it is.
        name: String,
    },
}

impl ImportError {
    /// Where the problem is, as a path into the file (`$` for the whole file).
    pub fn path(&self) -> String {
        match self {
            ImportError::TooLarge { .. }
            | ImportError::Empty
            | ImportError::NotJson { .. }
            | ImportError::NotUtf8 { .. } => "$".into(),
            ImportError::WrongFormat { .. } => "format".into(),
            ImportError::UnknownVersion { .. } => "version".into(),
            ImportError::Shape { path, .. }
            | ImportError::DuplicateId { path, .. }
            | ImportError::BadId { path }
            | ImportError::BadRevision { path }
            | ImportError::TooLong { path, .. }
            | ImportError::UnknownProcedure { path, .. }
            | ImportError::NotInProcedure { path, .. } => path.clone(),
        }
    }

    /// The 1-based number of the record the problem is in, if it is in one.
    pub fn record_number(&self) -> Option<usize> {
        let path = self.path();
        let rest = path.strip_prefix("records[")?;
        let end = rest.find(']')?;
        rest[..end].parse::<usize>().ok().map(|i| i + 1)
    }
}

/// A file's bytes as text: UTF-8, with or without a byte-order mark. A file saved in another
/// encoding is named as such (UTF-16 by its byte-order mark or its zero bytes; anything else
/// that is not UTF-8, such as GBK, as not UTF-8), rather than read as garbled text.
pub fn decode(bytes: Vec<u8>) -> Result<String, ImportError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportError::NotUtf8 { encoding: Some("UTF-16") });
    }
    // JSON text in UTF-16 without a mark: every other byte of its ASCII is zero.
    let head = &bytes[..bytes.len().min(64)];
    if head.len() >= 4 && head.iter().filter(|b| **b == 0).count() * 3 >= head.len() {
        return Err(ImportError::NotUtf8 { encoding: Some("UTF-16") });
    }
    String::from_utf8(bytes).map_err(|_| ImportError::NotUtf8 { encoding: None })
}

/// The checks every file gets before it is read: size, emptiness, and that it is a JSON object.
/// Returns the text without a byte-order mark.
pub(crate) fn preflight(text: &str) -> Result<&str, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if !text.trim_start().starts_with('{') {
        let found: String = text.trim_start().chars().take(20).collect();
        return Err(ImportError::WrongFormat { found });
    }
    Ok(text)
}

/// Declares one of this program's file formats, its head written once for all of them: a struct
/// whose text opens with `format`, `version`, `exported_at` and `generator` (in that order, so
/// that whoever opens a file sees first what it is) and goes on with the format's own fields,
/// given here; its name and version ([`FileFormat`]); and `made`, the file as this program
/// writes it (the format's name and version, this program as its generator). Read with
/// [`read`] (the records file with `transfer::read`, which keeps each record's text). `schema`
/// first also derives the JSON Schema (feature `schema`), as the published schema of the records
/// file needs.
macro_rules! file_format {
    (@emit [$($derive:tt)*] [$($when_schema:tt)*]
        $(#[$attr:meta])*
        $vis:vis struct $name:ident $(<$lt:lifetime>)? ($format:expr, $version:expr) {
            $( $(#[$field_attr:meta])* $field_vis:vis $field:ident: $ty:ty, )*
        }
    ) => {
        $(#[$attr])*
        $($derive)*
        $vis struct $name $(<$lt>)? {
            /// Always [`FORMAT`].
            pub format: String,
            /// The format's version ([`VERSION`]).
            pub version: u32,
            /// When the file was made.
            #[serde(with = "crate::domain::when::rfc3339")]
            $($when_schema)*
            pub exported_at: crate::domain::when::OffsetDateTime,
            /// The program that made it, e.g. `xieshang 0.1.0`.
            pub generator: String,
            $( $(#[$field_attr])* $field_vis $field: $ty, )*
        }

        impl $(<$lt>)? crate::domain::file::FileFormat for $name $(<$lt>)? {
            const FORMAT: &'static str = $format;
            const VERSION: u32 = $version;
        }

        impl $(<$lt>)? $name $(<$lt>)? {
            /// The file as this program writes it at `exported_at`, holding these.
            #[allow(clippy::too_many_arguments)]
            pub(crate) fn made(exported_at: crate::domain::when::OffsetDateTime, $($field: $ty),*) -> Self {
                use crate::domain::file::FileFormat;
                Self {
                    format: Self::FORMAT.to_owned(),
                    version: Self::VERSION,
                    exported_at,
                    generator: crate::domain::file::generator(),
                    $($field),*
                }
            }
        }
    };
    (schema $($rest:tt)*) => {
        $crate::domain::file::file_format!(@emit
            [#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]]
            [#[cfg_attr(feature = "schema", schemars(with = "String"))]]
            $($rest)*);
    };
    ($($rest:tt)*) => {
        $crate::domain::file::file_format!(@emit [] [] $($rest)*);
    };
}
pub(crate) use file_format;

/// A file format of this program: the name and version its head carries.
pub trait FileFormat {
    /// The name in `format` (`xieshang-records`, …).
    const FORMAT: &'static str;
    /// The version in `version`.
    const VERSION: u32;
}

/// Reads a whole file of the format `F` with the checks and messages every file of this program
/// gets (see [`read_file`]).
pub fn read<F: FileFormat + serde::de::DeserializeOwned>(text: &str) -> Result<F, ImportError> {
    read_file(text, F::FORMAT, F::VERSION)
}

/// The program that writes a file, as every file of this program names it (`generator`).
pub fn generator() -> String {
    format!("xieshang {}", env!("CARGO_PKG_VERSION"))
}

/// Reads another kind of file of this program (`format`, `version`) with the same checks and
/// the same messages as an export file of records: the first problem, with its place.
pub fn read_file<T: serde::de::DeserializeOwned>(
    text: &str,
    format: &str,
    version: u32,
) -> Result<T, ImportError> {
    let text = preflight(text)?;
    match read_whole::<T>(text) {
        Ok(value) => {
            let head: Head = serde_json::from_str(text).map_err(|e| syntax(text, &e))?;
            check_head(head.format, head.version, format, version)?;
            Ok(value)
        }
        Err(_) => Err(first_problem::<T>(text, "", Some((format, version)))),
    }
}

#[derive(Deserialize)]
pub(crate) struct Head {
    pub(crate) format: Option<serde_json::Value>,
    pub(crate) version: Option<serde_json::Value>,
}

/// A whole text as one `T`, with nothing after it.
pub(crate) fn read_whole<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// Whether the format and version are this program's.
pub(crate) fn check_head(
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
    want_format: &str,
    want_version: u32,
) -> Result<(), ImportError> {
    match format.as_ref().and_then(|f| f.as_str()) {
        Some(f) if f == want_format => {}
        _ => {
            let found = format.map(|f| f.to_string()).unwrap_or_default();
            return Err(ImportError::WrongFormat { found });
        }
    }
    match version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(want_version) => Ok(()),
        Some(v) => Err(ImportError::UnknownVersion { found: v }),
        None => Err(ImportError::Shape { path: "version".into(), detail: "missing or not a number".into() }),
    }
}

/// A reader's error that serde_json counts as syntax. Some of them are about values of valid JSON
/// that this program cannot hold (a number beyond its range, a lone surrogate in a string): those
/// are named as a value of the wrong form, at their place, not as "not JSON".
pub(crate) fn syntax(text: &str, e: &serde_json::Error) -> ImportError {
    let message = e.to_string();
    let detail =
        ["number out of range", "lone leading surrogate in hex escape", "invalid unicode code point"]
            .into_iter()
            .find(|m| message.starts_with(m));
    if let Some(detail) = detail {
        let path = path_at(text, offset_of(text, e.line(), e.column()), false);
        return ImportError::Shape {
            path: if path.is_empty() { "$".into() } else { path },
            detail: detail.into(),
        };
    }
    ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        truncated: e.is_eof(),
        too_deep: e.to_string().contains("recursion limit"),
    }
}

/// Why the whole of `text` does not read as a `T`, with the place of the first problem.
pub(crate) fn problem_in<'a, T: Deserialize<'a>>(text: &'a str) -> ImportError {
    first_problem::<T>(text, "", None)
}

/// Why `text` (found at `at`; empty for the whole file) does not read as a `T`. With `head` (the
/// format and version the file should have), the text is a whole file, and another format or
/// version is reported before anything else. The place is found from where the reader stopped:
/// [`path_at`] walks the text up to that point (no second, path-tracking reader is compiled for
/// every type, which keeps the app small).
pub(crate) fn first_problem<'a, T: Deserialize<'a>>(
    text: &'a str,
    at: &str,
    head: Option<(&str, u32)>,
) -> ImportError {
    if let Some((want_format, want_version)) = head {
        match serde_json::from_str::<Head>(text) {
            Ok(h) => {
                if let Err(e) = check_head(h.format, h.version, want_format, want_version) {
                    return e;
                }
            }
            Err(e) if e.is_syntax() || e.is_eof() => return syntax(text, &e),
            Err(e) => return ImportError::Shape { path: "$".into(), detail: e.to_string() },
        }
    }
    let e = match read_whole::<T>(text) {
        Ok(_) => return ImportError::Shape { path: "$".into(), detail: String::new() },
        Err(e) => e,
    };
    if e.is_syntax() || e.is_eof() {
        return match syntax(text, &e) {
            ImportError::Shape { path, detail } => ImportError::Shape { path: joined(at, &path), detail },
            other => other,
        };
    }
    // A missing field is reported where its object closes: the place is the object.
    let detail = e.to_string();
    let whole_object = detail.starts_with("missing field");
    let path = path_at(text, offset_of(text, e.line(), e.column()), whole_object);
    let path = joined(at, &path);
    // serde_json's message ends with “at line L column C”: the path says where instead.
    let detail = match detail.rfind(" at line ") {
        Some(i) => detail[..i].to_owned(),
        None => detail,
    };
    ImportError::Shape { path, detail }
}

/// A path found inside a text that was found at `at` (empty for the whole file).
pub(crate) fn joined(at: &str, path: &str) -> String {
    match (at, path) {
        ("", "") | ("", "$") => "$".to_owned(),
        ("", p) => p.to_owned(),
        (at, "") | (at, "$") => at.to_owned(),
        (at, p) if p.starts_with('[') => format!("{at}{p}"),
        (at, p) => format!("{at}.{p}"),
    }
}

/// The byte offset of a 1-based line and column (serde_json counts columns in bytes).
pub(crate) fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    (start + column).min(text.len())
}

/// The path (`records[3].record.values.topic`) of the value a JSON reader was in when it stopped
/// at byte `offset`: keys and indexes of the objects and arrays open there. With `whole_object`,
/// the innermost object itself (not the member last read).
pub fn path_at(text: &str, offset: usize, whole_object: bool) -> String {
    enum Frame {
        Object { key: Option<String>, in_value: bool },
        Array { index: usize },
    }
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object { key: None, in_value: false }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, in_value }) => {
                    *key = None;
                    *in_value = false;
                }
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, in_value: false }) = stack.last_mut() {
                    let raw = &text[start..(i + 1).min(text.len())];
                    *key = Some(
                        serde_json::from_str::<String>(raw)
                            .unwrap_or_else(|_| raw.trim_matches('"').to_owned()),
                    );
                }
            }
            _ => {}
        }
        i += 1;
    }
    if whole_object {
        if let Some(Frame::Object { key, .. }) = stack.last_mut() {
            *key = None;
        }
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}
