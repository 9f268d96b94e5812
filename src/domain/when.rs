//! Dates and times as the engine stores them: calendar dates (`2026-11-27`), local date-times as
//! `<input type="datetime-local">` gives them (`2026-11-27T09:30`), and UTC timestamps (RFC 3339)
//! for the audit trail. The engine never reads a clock: callers pass `now`.

pub use time::{Date, OffsetDateTime, PrimitiveDateTime};

time::serde::format_description!(pub date_format, Date, "[year]-[month]-[day]");
time::serde::format_description!(pub datetime_format, PrimitiveDateTime, "[year]-[month]-[day]T[hour]:[minute]");

/// Parses `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text.trim(), time::macros::format_description!("[year]-[month]-[day]")).ok()
}

/// Parses `YYYY-MM-DDTHH:MM` (seconds, if present, are ignored).
pub fn parse_datetime(text: &str) -> Option<PrimitiveDateTime> {
    let text = text.trim();
    let text = text.get(..16).unwrap_or(text);
    PrimitiveDateTime::parse(text, time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]"))
        .ok()
}

/// Formats a date as `YYYY-MM-DD`.
pub fn format_date(d: Date) -> String {
    d.format(time::macros::format_description!("[year]-[month]-[day]")).unwrap_or_default()
}

/// Formats a date-time as `YYYY-MM-DDTHH:MM`.
pub fn format_datetime(d: PrimitiveDateTime) -> String {
    d.format(time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]")).unwrap_or_default()
}

/// A date the Chinese way: `2026年11月27日`.
pub fn format_date_zh(d: Date) -> String {
    format!("{}年{}月{}日", d.year(), u8::from(d.month()), d.day())
}

/// A date the English way: `27 November 2026`.
pub fn format_date_en(d: Date) -> String {
    format!("{} {} {}", d.day(), d.month(), d.year())
}

/// A timestamp from milliseconds since the Unix epoch (what `Date.now()` gives in a browser).
pub fn from_unix_millis(ms: f64) -> OffsetDateTime {
    let nanos = (ms as i128) * 1_000_000;
    OffsetDateTime::from_unix_timestamp_nanos(nanos).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}
