//! What serde's reader said of a file's value of the wrong form, in the user's language.

use super::Lang;

/// What serde's reader said of a value of the wrong form (`missing field `name``, `invalid
/// value: string "2026-02-30", expected a date as YYYY-MM-DD at line 1 column 9`, …), in the
/// user's language: in Chinese the reader's English is put into words (names and values as they
/// are in the file); what it does not recognise is left as it is.
pub fn reader_detail(lang: Lang, detail: &str) -> String {
    if lang != Lang::Zh {
        return detail.to_owned();
    }
    // serde_json adds where it stopped.
    let (text, place) = match detail.rfind(" at line ") {
        Some(i) => {
            let mut numbers = detail[i + 9..].split(" column ").map(|n| n.trim().parse::<u64>());
            match (numbers.next(), numbers.next()) {
                (Some(Ok(line)), Some(Ok(column))) => (&detail[..i], format!("（第{line}行第{column}列）")),
                _ => (detail, String::new()),
            }
        }
        None => (detail, String::new()),
    };
    let quoted = |s: &str| s.trim().trim_matches('`').to_owned();
    let words = if let Some(f) = text.strip_prefix("missing field ") {
        format!("缺少“{}”", quoted(f))
    } else if let Some(f) = text.strip_prefix("duplicate field ") {
        format!("“{}”出现了两次", quoted(f))
    } else if let Some(rest) = text.strip_prefix("unknown field ") {
        format!("多出“{}”", quoted(rest.split(',').next().unwrap_or(rest)))
    } else if let Some(rest) = text.strip_prefix("unknown variant ") {
        let (value, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let choices: Vec<String> = expected
            .trim_start_matches("one of ")
            .split([',', ' '])
            .map(quoted)
            .filter(|c| !c.is_empty() && c != "or")
            .collect();
        format!("“{}”不是可用的取值（可用：{}）", quoted(value), choices.join("、"))
    } else if let Some(rest) = text.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!("应为{}，实为{}", reader_kind(expected), reader_kind(found))
    } else if let Some(rest) = text.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!("{}无效，应为{}", reader_kind(found), reader_kind(expected))
    } else if let Some(rest) = text.strip_prefix("invalid length ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!("长度{}不对，应为{}", found.trim(), reader_kind(expected))
    } else if text == "missing or not a number" {
        "缺少或不是数字".to_owned()
    } else if text == "number out of range" {
        "数字超出本工作台能处理的范围".to_owned()
    } else if text.starts_with("lone leading surrogate") || text.starts_with("invalid unicode code point") {
        "文字中有无效的Unicode字符".to_owned()
    } else if text.starts_with("data did not match any variant") {
        "不符合任何一种可用的形式".to_owned()
    } else if text.is_ascii() {
        // Another reader's message: its English (and the program's names in it) would mean
        // nothing to the user.
        "内容不符合规定的形式".to_owned()
    } else {
        text.to_owned()
    };
    words + &place
}

/// A kind of value as serde names it (`a string`, `string "x"`, `u32`, `a date as YYYY-MM-DD`,
/// `struct Record`, …), in Chinese.
fn reader_kind(kind: &str) -> String {
    let kind = kind.trim();
    let value = |k: &str| kind.strip_prefix(k).map(|v| v.trim().trim_matches('`').to_owned());
    if let Some(v) = value("string ").filter(|v| v.starts_with('"')) {
        let v = v.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(&v);
        // A long text is not repeated whole.
        let short: String = v.chars().take(40).collect();
        let more = if v.chars().count() > 40 { "……" } else { "" };
        return format!("文字“{short}{more}”");
    }
    if kind == "string or map" || kind == "a string or a map" {
        return "文字或对象".into();
    }
    if let Some(v) = value("integer ") {
        return format!("整数{v}");
    }
    if let Some(v) = value("floating point ") {
        return format!("小数{v}");
    }
    if let Some(v) = value("boolean ") {
        return format!("是非值{v}");
    }
    // The program's own type names mean nothing to the user.
    if kind.starts_with("struct ") {
        return "对象".into();
    }
    if kind.starts_with("enum ") || kind.ends_with("tagged enum") || kind.contains("tagged enum ") {
        return "可用的取值之一".into();
    }
    if kind.starts_with("variant ") || kind.ends_with(" identifier") {
        return "可用的名称".into();
    }
    if kind.starts_with("tuple") || kind.starts_with("a tuple") {
        return "列表".into();
    }
    if let Some(form) = kind.strip_prefix("a date and time as ") {
        return format!("日期时间（{form}）");
    }
    if let Some(form) = kind.strip_prefix("a date as ") {
        return format!("日期（{form}）");
    }
    match kind {
        "a string" | "string" => "文字".into(),
        "a boolean" | "bool" => "是非值（true 或 false）".into(),
        "a sequence" | "sequence" => "列表".into(),
        "a map" | "map" => "对象".into(),
        "null" | "unit" => "空值（null）".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" => "非负整数".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "整数".into(),
        "f32" | "f64" => "数字".into(),
        "a character" | "char" => "一个字符".into(),
        "an RFC 3339 timestamp" | "an RFC 3339 date and time" => "时间（如 2026-11-27T08:00:00Z）".into(),
        "" => "其他形式".into(),
        // Another kind's English (a type's name) means nothing to the user.
        other if other.is_ascii() => "规定的形式".into(),
        other => other.to_owned(),
    }
}
