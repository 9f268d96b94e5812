//! Dates and timestamps are read and written in the app's three fixed forms exactly as `time`'s
//! own format descriptions read and write them (stored records and their digests depend on it).

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Duration, OffsetDateTime, UtcOffset};
use xieshang::domain::when;

#[test]
fn timestamps_are_written_as_time_writes_rfc3339() {
    let start = time::macros::datetime!(2026-01-01 00:00 UTC);
    // Whole seconds, milliseconds as a browser gives them, and odd nanoseconds; two offsets.
    for i in 0..5000i64 {
        let t = start + Duration::milliseconds(i * 7_919_777 + i % 1000) + Duration::nanoseconds(i % 7 * 13);
        for offset in
            [UtcOffset::UTC, UtcOffset::from_hms(8, 0, 0).unwrap(), UtcOffset::from_hms(-5, -30, 0).unwrap()]
        {
            let t = t.to_offset(offset);
            let theirs = t.format(&Rfc3339).unwrap();
            assert_eq!(when::format_rfc3339(t).as_deref(), Some(theirs.as_str()));
            assert_eq!(when::parse_rfc3339(&theirs), Some(t), "{theirs}");
        }
    }
    let millis = when::from_unix_millis(1_795_000_000_123.0);
    assert_eq!(when::format_rfc3339(millis).unwrap(), millis.format(&Rfc3339).unwrap());
}

#[test]
fn timestamps_are_read_as_time_reads_rfc3339() {
    let cases = [
        "2026-11-27T08:30:05Z",
        "2026-11-27t08:30:05z",
        "2026-11-27 08:30:05Z",
        "2026-11-27T08:30:05.1Z",
        "2026-11-27T08:30:05.123456789Z",
        "2026-11-27T08:30:05.1234567891Z",
        "2026-11-27T08:30:05+08:00",
        "2026-11-27T08:30:05-00:30",
        "2016-12-31T23:59:60Z",
        "2026-11-27T23:59:60Z",
        "2026-02-30T08:30:05Z",
        "2026-11-27T24:00:00Z",
        "2026-11-27T08:30:05",
        "2026-11-27T08:30:05.Z",
        "2026-11-27T08:30:05+24:00",
        "2026-11-27T08:30:05+0800",
        "2026-11-27T08:30Z",
        "2026-11-27",
        "26-11-27T08:30:05Z",
        "2026-11-27T08:30:05Z ",
        "",
    ];
    for text in cases {
        let theirs = OffsetDateTime::parse(text, &Rfc3339).ok();
        assert_eq!(when::parse_rfc3339(text), theirs, "{text:?}");
    }
}

#[test]
fn dates_and_local_times_are_read_and_written_as_before() {
    let date = format_description!("[year]-[month]-[day]");
    let datetime = format_description!("[year]-[month]-[day]T[hour]:[minute]");
    let mut d = time::macros::date!(2024 - 01 - 01);
    for _ in 0..800 {
        let text = d.format(&date).unwrap();
        assert_eq!(when::format_date(d), text);
        assert_eq!(when::parse_date(&text), Some(d));
        let dt = d.with_hms(d.day() % 24, d.ordinal() as u8 % 60, 0).unwrap();
        let text = dt.format(&datetime).unwrap();
        assert_eq!(when::format_datetime(dt), text);
        assert_eq!(when::parse_datetime(&text), Some(dt));
        d = d.next_day().unwrap();
    }
    for text in
        ["2026-02-29", "2026-13-01", "2026-1-01", "2026/11/27", "20261127", "2026-11-27x", " 2026-11-27 "]
    {
        assert_eq!(when::parse_date(text), time::Date::parse(text.trim(), &date).ok(), "{text:?}");
    }
    for text in
        ["2026-11-27T09:30", "2026-11-27T09:30:15", "2026-11-27 09:30", "2026-11-27T25:00", "2026-11-27T09:3"]
    {
        let t = text.trim();
        let theirs = time::PrimitiveDateTime::parse(t.get(..16).unwrap_or(t), &datetime).ok();
        assert_eq!(when::parse_datetime(text), theirs, "{text:?}");
    }
}
