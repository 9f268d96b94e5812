//! Dates and times as the engine stores them: calendar dates (`2026-11-27`), local date-times as
//! `<input type="datetime-local">` gives them (`2026-11-27T09:30`), and UTC timestamps (RFC 3339)
//! for the audit trail. The engine never reads a clock: callers pass `now`.
//!
//! The values are `time`'s types; reading and writing these three fixed forms is done here, in a
//! few lines, rather than through `time`'s format descriptions, whose general parser and
//! formatter weighed about 12 KB gzip in every copy of the app for three forms. What is written
//! is exactly what `time` wrote (`tests/it/record.rs` compares them), so digests are unchanged.

use serde::de::{Unexpected, Visitor};
use serde::{Deserializer, Serializer};
use std::fmt;
pub use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// The digits of `text[at..at + n]` as a number, if they are all ASCII digits.
fn digits(text: &[u8], at: usize, n: usize) -> Option<u32> {
    let part = text.get(at..at + n)?;
    part.iter().try_fold(0u32, |acc, b| b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0')))
}

/// `YYYY-MM-DD` at the start of `text`.
fn date_at(text: &[u8]) -> Option<Date> {
    let (year, month, day) = (digits(text, 0, 4)?, digits(text, 5, 2)?, digits(text, 8, 2)?);
    if text.get(4) != Some(&b'-') || text.get(7) != Some(&b'-') {
        return None;
    }
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(i32::try_from(year).ok()?, month, u8::try_from(day).ok()?).ok()
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim().as_bytes();
    (text.len() == 10).then(|| date_at(text)).flatten()
}

/// Parses `YYYY-MM-DDTHH:MM` (seconds, if present, are ignored).
pub fn parse_datetime(text: &str) -> Option<PrimitiveDateTime> {
    let text = text.trim();
    let text = text.get(..16).unwrap_or(text).as_bytes();
    if text.len() != 16 || text[10] != b'T' || text[13] != b':' {
        return None;
    }
    let time =
        Time::from_hms(u8::try_from(digits(text, 11, 2)?).ok()?, u8::try_from(digits(text, 14, 2)?).ok()?, 0)
            .ok()?;
    Some(PrimitiveDateTime::new(date_at(text)?, time))
}

/// Formats a date as `YYYY-MM-DD`.
pub fn format_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Formats a date-time as `YYYY-MM-DDTHH:MM`.
pub fn format_datetime(d: PrimitiveDateTime) -> String {
    format!("{}T{:02}:{:02}", format_date(d.date()), d.hour(), d.minute())
}

/// A timestamp as RFC 3339: `2026-11-27T08:30:05.25Z` (fractions of a second without trailing
/// zeros, `Z` for UTC, otherwise `+HH:MM`); `None` outside the years 0–9999.
pub fn format_rfc3339(t: OffsetDateTime) -> Option<String> {
    if !(0..10_000).contains(&t.year()) || t.offset().seconds_past_minute() != 0 {
        return None;
    }
    let mut out = format!("{}T{:02}:{:02}:{:02}", format_date(t.date()), t.hour(), t.minute(), t.second());
    if t.nanosecond() != 0 {
        let fraction = format!("{:09}", t.nanosecond());
        out.push('.');
        out.push_str(fraction.trim_end_matches('0'));
    }
    let offset = t.offset();
    if offset.is_utc() {
        out.push('Z');
    } else {
        let sign = if offset.is_negative() { '-' } else { '+' };
        let (h, m) = (offset.whole_hours().unsigned_abs(), offset.minutes_past_hour().unsigned_abs());
        out.push_str(&format!("{sign}{h:02}:{m:02}"));
    }
    Some(out)
}

/// Reads an RFC 3339 timestamp (`2026-11-27T08:30:05Z`, `…05.250+08:00`; any one character
/// between the date and the time, `z` or `Z`; a leap second only where one may fall).
pub fn parse_rfc3339(text: &str) -> Option<OffsetDateTime> {
    let b = text.as_bytes();
    let date = date_at(b)?;
    // Any one character separates the date and the time (RFC 3339, section 5.6).
    if b.len() < 19 || !text.is_char_boundary(11) || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (hour, minute, mut second) = (digits(b, 11, 2)?, digits(b, 14, 2)?, digits(b, 17, 2)?);
    let mut at = 19;
    let mut nanos = 0u32;
    if b.get(at) == Some(&b'.') {
        at += 1;
        let start = at;
        let mut scale = 100_000_000u32;
        while let Some(d) = b.get(at).filter(|d| d.is_ascii_digit()) {
            nanos += u32::from(d - b'0') * scale;
            scale /= 10;
            at += 1;
        }
        if at == start {
            return None;
        }
    }
    let offset = match b.get(at)? {
        b'Z' | b'z' if at + 1 == b.len() => UtcOffset::UTC,
        sign @ (b'+' | b'-') if at + 6 == b.len() && b[at + 3] == b':' => {
            let (h, m) = (digits(b, at + 1, 2)?, digits(b, at + 4, 2)?);
            if h > 23 {
                return None;
            }
            let (h, m) = (i8::try_from(h).ok()?, i8::try_from(m).ok()?);
            let (h, m) = if *sign == b'-' { (-h, -m) } else { (h, m) };
            UtcOffset::from_hms(h, m, 0).ok()?
        }
        _ => return None,
    };
    let leap = second == 60;
    if leap {
        second = 59;
        nanos = 999_999_999;
    }
    let time = Time::from_hms_nano(
        u8::try_from(hour).ok()?,
        u8::try_from(minute).ok()?,
        u8::try_from(second).ok()?,
        nanos,
    )
    .ok()?;
    let t = PrimitiveDateTime::new(date, time).assume_offset(offset);
    // A leap second is only ever the last second of a month, in UTC.
    if leap {
        let utc = t.to_offset(UtcOffset::UTC);
        let last_of_month = utc.date().next_day().is_none_or(|d| d.month() != utc.month());
        if !(utc.hour() == 23 && utc.minute() == 59 && last_of_month) {
            return None;
        }
    }
    Some(t)
}

/// A serde visitor of strings read by `read`, described as `what`.
struct TextVisitor<T> {
    read: fn(&str) -> Option<T>,
    what: &'static str,
}

impl<T> Visitor<'_> for TextVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.what)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        (self.read)(v).ok_or_else(|| E::invalid_value(Unexpected::Str(v), &self))
    }
}

/// An optional value read by `read`: `null` (or nothing) is `None`.
struct OptionVisitor<T>(TextVisitor<T>);

impl<'de, T> Visitor<'de> for OptionVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.0.what)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self.0).map(Some)
    }
}

macro_rules! text_format {
    ($(#[$doc:meta])* $name:ident, $ty:ty, $read:expr, $write:expr, $what:literal) => {
        $(#[$doc])*
        pub mod $name {
            use super::*;

            /// Writes the value.
            pub fn serialize<S: Serializer>(value: &$ty, s: S) -> Result<S::Ok, S::Error> {
                let write: fn(&$ty) -> Option<String> = $write;
                match write(value) {
                    Some(text) => s.serialize_str(&text),
                    None => Err(serde::ser::Error::custom(concat!("cannot be written as ", $what))),
                }
            }

            /// Reads the value.
            pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                d.deserialize_str(TextVisitor { read: $read, what: $what })
            }

            /// The same for an optional value (`null` when absent).
            pub mod option {
                use super::*;

                /// Writes the value, or `null`.
                pub fn serialize<S: Serializer>(value: &Option<$ty>, s: S) -> Result<S::Ok, S::Error> {
                    match value {
                        Some(v) => super::serialize(v, s),
                        None => s.serialize_none(),
                    }
                }

                /// Reads the value, or `null`.
                pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<$ty>, D::Error> {
                    d.deserialize_option(OptionVisitor(TextVisitor { read: $read, what: $what }))
                }
            }
        }
    };
}

text_format!(
    /// `YYYY-MM-DD`, for `#[serde(with = "when::date_format")]`.
    date_format,
    Date,
    parse_date_exact,
    |d| Some(format_date(*d)),
    "a date as YYYY-MM-DD"
);

text_format!(
    /// `YYYY-MM-DDTHH:MM`, for `#[serde(with = "when::datetime_format")]`.
    datetime_format,
    PrimitiveDateTime,
    parse_datetime_exact,
    |d| Some(format_datetime(*d)),
    "a date and time as YYYY-MM-DDTHH:MM"
);

text_format!(
    /// RFC 3339 timestamps, for `#[serde(with = "when::rfc3339")]`.
    rfc3339,
    OffsetDateTime,
    parse_rfc3339,
    |t| format_rfc3339(*t),
    "an RFC 3339 timestamp"
);

/// `YYYY-MM-DD` exactly (stored values are not trimmed).
fn parse_date_exact(text: &str) -> Option<Date> {
    (text.len() == 10).then(|| date_at(text.as_bytes())).flatten()
}

/// `YYYY-MM-DDTHH:MM` exactly.
fn parse_datetime_exact(text: &str) -> Option<PrimitiveDateTime> {
    (text.len() == 16).then(|| parse_datetime(text)).flatten()
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

/// Where moments (the audit trail's timestamps, kept in UTC) are shown: a person reads the day
/// and time on their own clock. The app passes the browser's zone (for these users China
/// Standard Time); tests pass a fixed offset. Screens and documents both ask it, so that one
/// moment is never shown as two different days.
pub trait Zone {
    /// The zone's offset from UTC at a moment (it may differ from one moment to another where
    /// the zone keeps summer time).
    fn offset_at(&self, at: OffsetDateTime) -> UtcOffset;

    /// A moment on this zone's clock.
    fn local(&self, at: OffsetDateTime) -> OffsetDateTime {
        at.checked_to_offset(self.offset_at(at)).unwrap_or(at)
    }

    /// A moment as the change log shows it, to the minute on this zone's clock
    /// (`2026-11-27 09:30`).
    fn minute(&self, at: OffsetDateTime) -> String {
        let at = self.local(at);
        format!("{} {:02}:{:02}", format_date(at.date()), at.hour(), at.minute())
    }
}

impl Zone for UtcOffset {
    fn offset_at(&self, _: OffsetDateTime) -> UtcOffset {
        *self
    }
}

/// China Standard Time (UTC+8, no summer time): what the native tests and examples print in.
pub const CHINA: UtcOffset = match UtcOffset::from_hms(8, 0, 0) {
    Ok(o) => o,
    Err(_) => UtcOffset::UTC,
};
