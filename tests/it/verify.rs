//! 核验: a printed copy checked by its 校验码, record number and revision.

use crate::fixture::*;
use xieshang::domain::documents::{describe_change, document, DocKind};
use xieshang::domain::ledger::Summary;
use xieshang::domain::verify::{changes_since, code_of, find, Finding};
use xieshang::domain::when;
use xieshang::i18n::Lang;

#[test]
fn a_code_is_read_however_it_was_typed() {
    let want = Some("243d4596774ab365".to_owned());
    assert_eq!(code_of("243D-4596-774A-B365"), want);
    assert_eq!(code_of(" 243d 4596 774a b365 "), want);
    assert_eq!(
        code_of("２４３Ｄ－４５９６－７７４Ａ－Ｂ３６５"),
        want,
        "full-width, as a Chinese input method types it"
    );
    assert_eq!(code_of("243D-4596-774A"), None);
    assert_eq!(code_of("243D-4596-774A-B36G"), None);
}

#[test]
fn a_printed_copy_is_the_record_as_it_stands_or_says_what_changed_since() {
    let mut w = World::filled();
    w.complete("s1");
    let printed = document(DocKind::Publicity, &w.record, &w.procedure, Lang::Zh, &when::CHINA);
    assert!(
        printed.foot().contains(&format!("记录 rec-1 第{}版　校验码 {}", w.record.revision, printed.digest)),
        "{}",
        printed.foot()
    );
    let summaries = |w: &World| vec![Summary::of(&w.record, &w.procedure)];
    assert_eq!(
        find(&printed.digest, None, &summaries(&w)),
        Finding::Current { id: "rec-1".into(), revision: w.record.revision }
    );
    // Changed after printing: the code alone finds nothing; with the record number, what changed.
    let at = printed.revision;
    w.set("host", text("王主任"));
    w.set("meeting_place", text("村委会会议室"));
    assert_eq!(find(&printed.digest, None, &summaries(&w)), Finding::NotFound);
    let Finding::Changed { id, revision, code } = find(&printed.digest, Some("rec-1"), &summaries(&w)) else {
        panic!("changed")
    };
    assert_eq!((id.as_str(), revision), ("rec-1", at + 2));
    assert_ne!(code, printed.digest);
    let since: Vec<String> = changes_since(&w.record, at)
        .iter()
        .map(|a| describe_change(Lang::Zh, &w.procedure, &a.change))
        .collect();
    assert_eq!(since, ["修改“主持人”：由刘书记改为王主任", "修改“协商地点”：由社区议事厅改为村委会会议室"]);
    assert_eq!(find(&printed.digest, Some("rec-9"), &summaries(&w)), Finding::UnknownRecord("rec-9".into()));
    assert_eq!(find("不是校验码", None, &summaries(&w)), Finding::BadCode);
}

#[test]
fn an_exported_file_is_checked_record_by_record_against_what_is_stored_here() {
    use xieshang::domain::transfer::{digest, Exported};
    use xieshang::domain::verify::{check_copy, quick_check, CopyState};
    let mut w = World::filled();
    w.complete("s1");
    let exported = |r: &xieshang::domain::Record| Exported { digest: digest(r), record: r.clone() };
    let file = exported(&w.record);
    let summary = Summary::with_digest(&w.record, &w.procedure, digest(&w.record));
    // Stored here as exported: the ledger alone says so.
    let same = quick_check(&w.procedure, &file, Some(&summary)).expect("said by the ledger");
    assert_eq!(same.state, CopyState::Same);
    assert_eq!((same.revision, same.here, same.altered), (w.record.revision, Some(w.record.revision), false));
    assert_eq!(same.topic, "在3号楼前设立电动自行车充电桩");
    assert_eq!(same.code, xieshang::domain::transfer::short_digest(&file.digest));
    assert_eq!(quick_check(&w.procedure, &file, None).expect("not here").state, CopyState::NotHere);
    assert_eq!(check_copy(&w.procedure, &file, Some(&w.record)).state, CopyState::Same);

    // The record went on here after the export: the file is an older revision, and the change
    // since is named with its final value.
    let before = w.record.clone();
    w.set("meeting_place", text("社区活动室"));
    let summary = Summary::with_digest(&w.record, &w.procedure, digest(&w.record));
    assert_eq!(quick_check(&w.procedure, &file, Some(&summary)), None, "the record here must be read");
    let older = check_copy(&w.procedure, &file, Some(&w.record));
    assert_eq!(older.here, Some(w.record.revision));
    let CopyState::ChangedHere(changes) = &older.state else { panic!("{older:?}") };
    let said: Vec<String> =
        changes.iter().map(|a| describe_change(Lang::Zh, &w.procedure, &a.change)).collect();
    assert_eq!(said, ["修改“协商地点”：由社区议事厅改为社区活动室"]);

    // A file exported later elsewhere continues the copy here.
    let newer = check_copy(&w.procedure, &exported(&w.record), Some(&before));
    let CopyState::ChangedInFile(changes) = &newer.state else { panic!("{newer:?}") };
    assert_eq!(changes.len(), 1);

    // A file changed by hand after export: its content is not its digest.
    let mut altered = exported(&before);
    altered.record.community = "团结社区".into();
    let checked = check_copy(&w.procedure, &altered, Some(&before));
    assert!(checked.altered);
    assert_eq!(checked.state, CopyState::Diverged, "same history, different content: {checked:?}");
    let summary = Summary::with_digest(&before, &w.procedure, digest(&before));
    let mut forged = altered.clone();
    forged.digest = digest(&before);
    assert_eq!(
        quick_check(&w.procedure, &forged, Some(&summary)),
        None,
        "a forged digest is not taken on trust"
    );
}
