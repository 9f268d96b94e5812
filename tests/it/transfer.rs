//! Export and import: the envelope, digests, the preview's verdicts, CSV, and a corpus of bad
//! files, each rejected with the place of its first problem.

use crate::fixture::*;
use xieshang::domain::ledger::{Status, Summary};
use xieshang::domain::record::Edit;
use xieshang::domain::transfer::{self, classify, parse, ImportError, Verdict};

fn place() -> xieshang::domain::settings::Place {
    xieshang::domain::settings::Place {
        county: "玛纳斯县".into(),
        township: String::new(),
        community: "幸福社区".into(),
    }
}

fn file_with(records: &[xieshang::domain::Record]) -> String {
    transfer::to_json(transfer::export(records, vec![], &place(), now()))
}

#[test]
fn an_export_round_trips_and_names_itself() {
    let w = World::completed();
    let text = file_with(&[w.record.clone()]);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "xieshang-records");
    assert_eq!(v["version"], 1);
    assert_eq!(v["exported_at"], "2026-11-01T08:00:00Z");
    assert!(v["generator"].as_str().unwrap().starts_with("xieshang "));
    assert_eq!(v["records"][0]["digest"].as_str().unwrap().len(), 64);
    assert_eq!(v["organisation"], "玛纳斯县幸福社区");
    assert_eq!(v["place"]["county"], "玛纳斯县");
    assert!(v["place"].get("township").is_none());
    let parsed = parse(&text, &w.procedure).unwrap();
    assert_eq!(parsed.envelope.place, place());
    assert_eq!(parsed.envelope.records[0].record, w.record);
    assert!(parsed.digest_mismatches.is_empty());
    // A byte-order mark in front is fine.
    assert!(parse(&format!("\u{feff}{text}"), &w.procedure).is_ok());
}

#[test]
fn the_digest_is_of_canonical_json() {
    let w = World::completed();
    let d = transfer::digest(&w.record);
    assert_eq!(d, transfer::digest(&w.record.clone()));
    assert_eq!(d.len(), 64);
    // Reading the record back from differently ordered JSON gives the same digest.
    let mut v = serde_json::to_value(&w.record).unwrap();
    let obj = v.as_object_mut().unwrap();
    let id = obj.remove("id").unwrap();
    obj.insert("id".into(), id);
    let back: xieshang::domain::Record = serde_json::from_value(v).unwrap();
    assert_eq!(transfer::digest(&back), d);
    let short = transfer::short_digest(&d);
    assert_eq!(short.len(), 19);
    assert_eq!(short.matches('-').count(), 3);
    assert_eq!(short, short.to_uppercase());
    let mut changed = w.record.clone();
    changed.community.push('村');
    assert_ne!(transfer::digest(&changed), d);
}

#[test]
fn a_changed_record_is_imported_with_a_digest_warning() {
    let w = World::completed();
    let mut v: serde_json::Value = serde_json::from_str(&file_with(&[w.record.clone()])).unwrap();
    v["records"][0]["record"]["community"] = "别的社区".into();
    let parsed = parse(&v.to_string(), &w.procedure).unwrap();
    assert_eq!(parsed.digest_mismatches, ["rec-1"]);
}

#[test]
fn the_preview_tells_new_identical_newer_older_and_conflicting() {
    let mut w = World::filled();
    let base = w.record.clone();
    assert_eq!(classify(&base, None), Verdict::New);
    assert_eq!(classify(&base, Some(&base)), Verdict::Identical);
    w.clock += time::Duration::minutes(10);
    w.complete("s1");
    let later = w.record.clone();
    assert_eq!(classify(&later, Some(&base)), Verdict::Newer);
    assert_eq!(classify(&base, Some(&later)), Verdict::Older);
    // Two copies that each went their own way.
    let mut other = World { record: base.clone(), ..World::filled() };
    other.clock += time::Duration::minutes(10);
    other.edit(Edit::RemoveParty { index: 1 });
    assert_eq!(classify(&other.record, Some(&later)), Verdict::Conflicting);
    // Different records that happen to share an id.
    let stranger = World::new().record;
    let mut stranger = stranger;
    stranger.created += time::Duration::days(1);
    assert_eq!(classify(&stranger, Some(&base)), Verdict::Conflicting);
}

fn rejected(text: &str) -> ImportError {
    parse(text, &xieshang::domain::Procedure::standard()).expect_err("must be rejected")
}

#[test]
fn bad_files_are_rejected_with_the_place_of_the_first_problem() {
    let w = World::completed();
    let good = file_with(&[w.record.clone(), World::new().record]);
    // Two different ids.
    let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
    v["records"][1]["record"]["id"] = "rec-2".into();
    let good = v.to_string();
    assert!(parse(&good, &w.procedure).is_ok());
    let spoil = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
        f(&mut v);
        v.to_string()
    };

    let e = rejected(&good[..good.len() / 2]);
    assert!(matches!(e, ImportError::NotJson { truncated: true, .. }), "truncated: {e:?}");
    assert!(matches!(rejected(""), ImportError::Empty));
    assert!(matches!(rejected("你好"), ImportError::WrongFormat { .. }));
    let broken = r#"{"format": "xieshang-records", "version": 1, "records": [}"#;
    assert!(
        matches!(rejected(broken), ImportError::NotJson { truncated: false, line: 1, .. }),
        "{:?}",
        rejected(broken)
    );
    assert!(matches!(rejected("[1,2,3]"), ImportError::Shape { .. } | ImportError::WrongFormat { .. }));
    assert_eq!(
        rejected(r#"{"format":"surveyjs","version":1}"#),
        ImportError::WrongFormat { found: "\"surveyjs\"".into() }
    );
    assert_eq!(rejected(&spoil(&|v| v["version"] = 7.into())), ImportError::UnknownVersion { found: 7 });

    let e = rejected(&spoil(&|v| v["records"][1]["record"]["revision"] = "三".into()));
    assert_eq!(e.path(), "records[1].record.revision");
    assert_eq!(e.record_number(), Some(2));
    let e = rejected(&spoil(&|v| v["records"][0]["record"]["parties"][2]["stakeholder"] = "yes".into()));
    assert_eq!(e.path(), "records[0].record.parties[2].stakeholder");
    let e =
        rejected(&spoil(&|v| v["records"][0]["record"]["values"]["publicity_date"]["value"] = "明天".into()));
    assert_eq!(e.path(), "records[0].record.values.publicity_date.value");
    let e = rejected(&spoil(&|v| {
        v["records"][0]["record"]["values"]["topic"] =
            serde_json::json!({"type": "date", "value": "2026-01-01"})
    }));
    assert_eq!(
        e,
        ImportError::NotInProcedure { path: "records[0].record.values.topic".into(), name: "topic".into() }
    );
    let e = rejected(&spoil(&|v| v["records"][0]["record"]["parties"][0]["role"] = "king".into()));
    assert_eq!(e.path(), "records[0].record.parties[0].role");
    let e = rejected(&spoil(&|v| {
        v["records"][0]["record"]["items"]["s9.magic"] = serde_json::json!({"state": "done"})
    }));
    assert_eq!(e.path(), "records[0].record.items.s9.magic");
    let e = rejected(&spoil(&|v| v["records"][0]["record"]["procedure"]["id"] = "another".into()));
    assert!(matches!(e, ImportError::UnknownProcedure { .. }));

    let e = rejected(&spoil(&|v| v["records"][1]["record"]["id"] = "rec-1".into()));
    assert_eq!(e, ImportError::DuplicateId { path: "records[1].record.id".into(), id: "rec-1".into() });
    let e = rejected(&spoil(&|v| v["records"][1]["record"]["id"] = "".into()));
    assert_eq!(e, ImportError::BadId { path: "records[1].record.id".into() });

    let huge = "长".repeat(transfer::MAX_TEXT_CHARS + 1);
    let e =
        rejected(&spoil(&|v| v["records"][0]["record"]["values"]["outcome"]["value"] = huge.clone().into()));
    assert_eq!(
        e,
        ImportError::TooLong {
            path: "records[0].record.values.outcome.value".into(),
            chars: transfer::MAX_TEXT_CHARS + 1
        }
    );
    let e = rejected(&spoil(&|v| v["records"][0]["record"]["parties"][1]["name"] = huge.clone().into()));
    assert_eq!(e.path(), "records[0].record.parties[1].name");

    let deep = format!(
        r#"{{"format":"xieshang-records","version":1,"exported_at":"2026-11-01T08:00:00Z","generator":"x","records":{}{}}}"#,
        "[".repeat(5000),
        "]".repeat(5000)
    );
    // Rejected at the first level where nesting is out of place, long before any stack is at risk.
    let e = rejected(&deep);
    assert!(
        matches!(&e, ImportError::NotJson { too_deep: true, .. }) || e.path() == "records[0][0]",
        "{e:?}"
    );
    let deep_head = format!(
        r#"{{"format":"xieshang-records","version":1,"x":{}1{}}}"#,
        "[".repeat(5000),
        "]".repeat(5000)
    );
    assert!(matches!(
        rejected(&deep_head),
        ImportError::NotJson { too_deep: true, .. } | ImportError::Shape { .. }
    ));
    let too_large = " ".repeat(transfer::MAX_FILE_BYTES + 1);
    assert!(matches!(rejected(&too_large), ImportError::TooLarge { .. }));
}

#[test]
fn markup_in_every_text_field_is_kept_as_text() {
    let mut w = World::filled();
    let evil = "<script>alert(1)</script><img src=x onerror=alert(2)>&amp;\"'";
    for (_, _, f) in w.procedure.clone().fields() {
        if matches!(
            f.kind,
            xieshang::domain::procedure::FieldKind::Text | xieshang::domain::procedure::FieldKind::Longtext
        ) {
            w.set(&f.id, text(evil));
        }
    }
    let mut p = w.record.parties[0].clone();
    p.name = evil.into();
    p.organisation = evil.into();
    w.edit(Edit::UpdateParty { index: 0, party: p });
    let parsed = parse(&file_with(&[w.record.clone()]), &w.procedure).unwrap();
    let back = &parsed.envelope.records[0].record;
    assert_eq!(back, &w.record);
    assert_eq!(back.parties[0].name, evil);
    assert_eq!(back.value(&w.procedure, "topic"), text(evil));
}

#[test]
fn a_file_of_50_megabytes_is_read() {
    use xieshang::domain::{sample, Catalogue, Procedure};
    let procedure = Procedure::standard();
    let catalogue = Catalogue::template();
    let start = time::macros::date!(2026 - 06 - 01);
    let records: Vec<_> = (0..600).map(|i| sample::record(&procedure, &catalogue, i, start)).collect();
    let set_bytes: usize = records.iter().map(|r| serde_json::to_string(r).unwrap().len()).sum();
    // Repeat the set under new ids until the file passes 50 MB.
    let rounds = 52 * 1024 * 1024 / set_bytes + 1;
    let mut all = Vec::new();
    for round in 0..rounds {
        for r in &records {
            let mut r = r.clone();
            r.id = format!("{}-{round}", r.id);
            all.push(r);
        }
    }
    let text = file_with(&all);
    assert!(text.len() > 50 * 1024 * 1024, "{} bytes", text.len());
    let started = std::time::Instant::now();
    let parsed = parse(&text, &procedure).unwrap();
    assert_eq!(parsed.envelope.records.len(), all.len());
    eprintln!("parsed {} MB, {} records in {:?}", text.len() / 1_048_576, all.len(), started.elapsed());
}

#[test]
fn the_ledger_as_csv_opens_in_excel_and_wps() {
    let w = World::completed();
    let mut tricky = World::new();
    tricky.set("topic", text("议题，含逗号、\"引号\"\n和换行"));
    let rows = [Summary::of(&w.record, &w.procedure), Summary::of(&tricky.record, &tricky.procedure)];
    let refs: Vec<&Summary> = rows.iter().collect();
    let csv = transfer::ledger_csv(
        &refs,
        &w.procedure,
        time::macros::date!(2027 - 01 - 10),
        &xieshang::domain::when::CHINA,
        |s| {
            match s {
                Status::Consulting => "协商中",
                Status::Implementing => "落实中",
                Status::Completed => "已办结",
                Status::Unfulfilled => "未能落实",
            }
            .into()
        },
    );
    assert!(csv.starts_with('\u{feff}'), "UTF-8 with BOM");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[..7], ["序号", "事项", "协商议题", "类别", "村（社区）", "当前阶段", "状态"]);
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(records.len(), 2);
    assert_eq!(&records[0][1], "门禁改造、视频监控、电子快递柜、充电桩设立");
    assert_eq!(&records[0][6], "已办结");
    assert_eq!(&records[0][8], "2026-12-31");
    assert_eq!(&records[1][2], "议题，含逗号、\"引号\"\n和换行");
    assert_eq!(&records[1][5], "1·确定议题");
    assert!(csv.contains("\r\n"));
}

#[test]
fn the_place_of_a_problem_is_found_from_where_the_reader_stopped() {
    let w = World::completed();
    let good = file_with(&[w.record.clone(), World::new().record]);
    let spoil = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
        f(&mut v);
        serde_json::to_string_pretty(&v).unwrap()
    };
    // A missing field: the object it is missing from.
    let e = rejected(&spoil(&|v| {
        v["records"][1]["record"].as_object_mut().unwrap().remove("revision");
    }));
    assert_eq!(e.path(), "records[1].record");
    assert!(
        matches!(&e, ImportError::Shape { detail, .. } if detail.contains("revision") && !detail.contains(" at line "))
    );
    // Inside a list, across lines of a pretty file.
    let e = rejected(&spoil(&|v| v["records"][0]["record"]["audit"][3]["revision"] = "x".into()));
    assert_eq!(e.path(), "records[0].record.audit[3].revision");
    // Keys with quotes, brackets and dots are read as keys.
    assert_eq!(transfer::path_at(r#"{"a\"[b].c":{"x":[1,{"y":"#, 24, false), "a\"[b].c.x[1].y");
    assert_eq!(transfer::path_at(r#"{"a":{"b":1,"#, 12, true), "a");
    assert_eq!(transfer::path_at("", 0, false), "");
}

#[test]
fn a_backup_is_a_records_file_with_the_settings_and_reads_back_whole() {
    use xieshang::domain::settings::Settings;
    let w = World::completed();
    let settings = Settings {
        county: "昌吉市".into(),
        township: "榆树沟镇".into(),
        community: "勇进村".into(),
        rules: xieshang::domain::CountyRules { publicity_days: Some(5), ..Default::default() },
    };
    let mut envelope = transfer::export(std::slice::from_ref(&w.record), vec![], &settings.place(), now());
    envelope.settings = Some(settings.clone());
    let text = transfer::to_json(envelope);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "xieshang-records");
    assert_eq!(v["settings"]["community"], "勇进村");
    let parsed = parse(&text, &w.procedure).unwrap();
    assert_eq!(parsed.envelope.settings, Some(settings));
    assert_eq!(parsed.envelope.records[0].record, w.record);
    assert!(parsed.digest_mismatches.is_empty());
    // An ordinary export carries no settings.
    let plain = file_with(&[w.record.clone()]);
    assert!(serde_json::from_str::<serde_json::Value>(&plain).unwrap().get("settings").is_none());
    assert_eq!(parse(&plain, &w.procedure).unwrap().envelope.settings, None);
}

#[test]
fn a_backup_of_an_earlier_build_is_read_with_digests_of_its_records() {
    let w = World::completed();
    // What the storage banner's button wrote before 2026-12: pretty-printed, no digests.
    let old = serde_json::json!({
        "format": "xieshang-backup",
        "version": 1,
        "records": [w.record],
        "opinions": [],
        "settings": { "county": "昌吉市", "township": "", "community": "幸福社区", "rules": {} },
    });
    let text = serde_json::to_string_pretty(&old).unwrap();
    let parsed = parse(&text, &w.procedure).unwrap();
    assert!(parsed.digest_mismatches.is_empty());
    assert_eq!(parsed.envelope.records[0].digest, transfer::digest(&w.record));
    assert_eq!(parsed.canonical[0], transfer::canonical_json(&w.record));
    assert_eq!(parsed.envelope.exported_at, w.record.updated);
    assert_eq!(parsed.envelope.settings.as_ref().unwrap().community, "幸福社区");
    assert_eq!(parsed.envelope.place.county, "昌吉市");
    // A bad one is still named with its place.
    let bad = text.replacen("\"records\": [", "\"records\": [1, ", 1);
    assert!(matches!(parse(&bad, &w.procedure), Err(ImportError::Shape { .. })));
}

#[test]
fn a_file_in_another_encoding_is_named_as_such() {
    let text = r#"{"format":"xieshang-records"}"#;
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    assert_eq!(transfer::decode(utf16), Err(ImportError::NotUtf8 { encoding: Some("UTF-16") }));
    let bare: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    assert_eq!(transfer::decode(bare), Err(ImportError::NotUtf8 { encoding: Some("UTF-16") }));
    // 协商 in GBK.
    let gbk = [br#"{"generator":""#.as_slice(), &[0xD0, 0xAD, 0xC9, 0xCC], br#""}"#].concat();
    assert_eq!(transfer::decode(gbk), Err(ImportError::NotUtf8 { encoding: None }));
    assert_eq!(transfer::decode(format!("\u{feff}{text}").into_bytes()).unwrap(), format!("\u{feff}{text}"));
}

#[test]
fn a_revision_javascript_cannot_count_and_an_overlong_answer_are_refused() {
    let w = World::completed();
    let mut r = w.record.clone();
    r.revision = u64::MAX;
    let err = parse(&file_with(&[r]), &w.procedure).unwrap_err();
    assert_eq!(err, ImportError::BadRevision { path: "records[0].record.revision".into() });
    let mut r = w.record.clone();
    r.revision = transfer::MAX_REVISION;
    assert!(parse(&file_with(&[r]), &w.procedure).is_ok());

    let opinion = serde_json::json!({
        "id": "o1", "date": "2026-10-01", "channel": "opinion_box", "content": "路灯不亮",
        "status": { "status": "answered", "note": "很".repeat(transfer::MAX_TEXT_CHARS + 1) },
        "created": "2026-10-01T08:00:00Z",
    });
    let mut v: serde_json::Value = serde_json::from_str(&file_with(&[])).unwrap();
    v["opinions"] = serde_json::json!([opinion]);
    let err = parse(&v.to_string(), &w.procedure).unwrap_err();
    assert!(
        matches!(err, ImportError::TooLong { ref path, .. } if path == "opinions[0].status.note"),
        "{err:?}"
    );
}

#[test]
fn ids_follow_one_rule_and_a_stage_marked_done_without_its_gate_is_not_believed() {
    for good in ["r1", "rm3x9k2ab", "sample-00001", "rec_1.2"] {
        assert!(transfer::is_valid_id(good), "{good}");
    }
    for bad in ["", " r1", "r1 ", "记录1", "a/b", "<b>x</b>", "r\u{0}1", "rеc", "-r1", &"r".repeat(101)] {
        assert!(!transfer::is_valid_id(bad), "{bad:?}");
    }
    let w = World::completed();
    let mut r = w.record.clone();
    r.id = "r1 ".into();
    let err = parse(&file_with(&[r]), &w.procedure).unwrap_err();
    assert_eq!(err, ImportError::BadId { path: "records[0].record.id".into() });

    // Every stage marked completed, nothing filled in: not 已办结, and the stages are named.
    assert!(transfer::unearned_stages(&w.record, &w.procedure).is_empty());
    let mut hollow = World::new().record;
    for stage in &w.procedure.stages {
        hollow
            .stages
            .insert(stage.id.clone(), xieshang::domain::record::StageStatus::Completed { at: now() });
    }
    let unearned = transfer::unearned_stages(&hollow, &w.procedure);
    assert_eq!(unearned.first().map(String::as_str), Some("s1"));
    let summary = Summary::of(&hollow, &w.procedure);
    assert_ne!(summary.status, Status::Completed);
    assert_eq!(summary.stage.as_deref(), Some("s1"));
    assert_eq!(Summary::of(&w.record, &w.procedure).status, Status::Completed);
}

#[test]
fn valid_json_with_a_value_out_of_range_is_named_as_such_not_as_not_json() {
    let w = World::completed();
    let text = file_with(&[w.record.clone()]);
    let huge = text.replacen(&format!("\"revision\":{}", w.record.revision), "\"revision\":1e400", 1);
    assert_ne!(huge, text);
    match parse(&huge, &w.procedure).unwrap_err() {
        ImportError::Shape { path, detail } => {
            assert_eq!(detail, "number out of range");
            assert!(path.starts_with("records[0].record"), "{path}");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(parse("{\"format\":", &w.procedure), Err(ImportError::NotJson { truncated: true, .. })));
}

#[test]
fn a_key_the_record_does_not_have_is_refused_with_its_place_even_under_a_matching_digest() {
    let w = World::completed();
    let canonical = transfer::canonical_json(&w.record);
    for (at, extra) in [
        ("{", r#"{"extra":["a","b"],"#),
        (r#""parties":[{"#, r#""parties":[{"extra":1,"#),
        (r#""audit":[{"#, r#""audit":[{"extra":1,"#),
    ] {
        let text = canonical.replacen(at, extra, 1);
        assert_ne!(text, canonical, "{at}");
        // The file's digest is that of the altered text: it matches, and still it is not taken.
        let file = format!(
            r#"{{"format":"xieshang-records","version":1,"exported_at":"2026-11-01T08:00:00Z","generator":"x","records":[{{"digest":"{}","record":{text}}}]}}"#,
            transfer::digest_of_text(&text)
        );
        match parse(&file, &w.procedure).unwrap_err() {
            ImportError::Shape { path, detail } => {
                assert!(path.starts_with("records[0].record"), "{path}");
                assert!(detail.starts_with("unknown field `extra`"), "{detail}");
            }
            other => panic!("{at}: {other:?}"),
        }
    }
}

/// Every file this program writes opens with the one head (`file::file_format!`): its format,
/// version, time and generator, in that order, and reads back as that format.
#[test]
fn every_file_opens_with_the_one_head() {
    use xieshang::domain::{county_list, file::FileFormat, opinion};
    let w = World::completed();
    let template = xieshang::domain::Catalogue::template();
    let files = [
        (
            transfer::to_json(transfer::export(std::slice::from_ref(&w.record), vec![], &place(), now())),
            transfer::Envelope::FORMAT,
            transfer::Envelope::VERSION,
        ),
        (
            county_list::export(&template, now()),
            county_list::ListFile::FORMAT,
            county_list::ListFile::VERSION,
        ),
        (
            opinion::ledger_file(&[], &place(), now()),
            opinion::LedgerFile::FORMAT,
            opinion::LedgerFile::VERSION,
        ),
    ];
    let names = ["xieshang-records", "xieshang-catalogue", "xieshang-opinions"];
    for ((text, format, version), name) in files.iter().zip(names) {
        assert_eq!(*format, name);
        assert_eq!(*version, 1);
        let value: serde_json::Map<String, serde_json::Value> = serde_json::from_str(text).unwrap();
        // The head's keys first, in order (the records file is compact, the others pretty).
        let at = |key: &str| text.find(&format!("\"{key}\":")).unwrap_or_else(|| panic!("{name}: {key}"));
        let head = ["format", "version", "exported_at", "generator"].map(at);
        assert!(text[1..head[0]].trim().is_empty(), "{name} opens with its format");
        assert!(head.windows(2).all(|w| w[0] < w[1]), "{name}: {head:?}");
        let other = value
            .keys()
            .filter(|k| !matches!(k.as_str(), "format" | "version" | "exported_at" | "generator"));
        assert!(other.map(|k| at(k)).all(|p| p > head[3]), "{name}: the head before the rest");
        assert_eq!(value["format"], *format);
        assert_eq!(value["version"], *version);
        assert_eq!(value["exported_at"], "2026-11-01T08:00:00Z", "{name}");
        assert_eq!(value["generator"], format!("xieshang {}", env!("CARGO_PKG_VERSION")));
        assert_eq!(xieshang::domain::transfer::file_format(text).as_deref(), Some(name));
    }
    // Each reads back as its format, and as no other.
    assert!(transfer::parse(&files[0].0, &w.procedure).is_ok());
    // (The template itself is not a county's list: read as a list file, then refused as such.)
    assert!(matches!(county_list::parse(&files[1].0, &template), Err(county_list::ListFileError::Template)));
    assert!(opinion::parse_ledger_file(&files[2].0).is_ok());
    assert!(matches!(opinion::parse_ledger_file(&files[0].0), Err(ImportError::WrongFormat { .. })));
}
