//! The editor's session as a state machine, case by case: each case a table of steps (an event,
//! or storage answering the store under way, or the save timer coming due), each with the effects
//! it must ask for and the status line after it. The cases mirror the end-to-end tests of keeping
//! work (`tests/e2e/keeping.test.mjs`) and of the workflow (`workflow.test.mjs`).

use crate::fixture::{text, World};
use std::rc::Rc;
use xieshang::domain::record::{Edit, EditError, Record};
use xieshang::domain::session::{
    Effect, Env, Event, Heard, Load, Outcome, Session, Status, SAVE_AT_MOST_MS, SAVE_PAUSE_MS,
};

/// Storage failures, as the page would carry them.
type Fail = &'static str;

/// One step of a case.
enum Step {
    /// An event, as the page would send it.
    Do(Event<Fail>),
    /// Storage answers the store under way (the last `Store` effect asked for).
    Answer(Outcome<Fail>),
    /// The save timer set last comes due (the clock moves on by its wait).
    Due,
    /// The clock moves on (ms).
    Wait(f64),
}
use Step::*;

/// A page running the session, with what it was last asked to do.
struct Page {
    session: Session<Fail>,
    env: Env,
    store: Option<(u32, u64)>,
    wake: Option<(f64, u32)>,
}

impl Page {
    fn new() -> Page {
        let w = World::new();
        Page {
            session: Session::new(),
            env: Env {
                procedure: Rc::new(w.procedure),
                rules: w.county,
                place: Default::default(),
                now: w.clock,
                clock: 0.0,
            },
            store: None,
            wake: None,
        }
    }

    /// A page showing `record` (stored, nothing unsaved).
    fn showing(record: &Record) -> Page {
        let mut page = Page::new();
        page.send(Event::Found { record: record.clone(), journalled: false });
        page
    }

    fn send(&mut self, event: Event<Fail>) -> Vec<Effect> {
        self.env.now += time::Duration::seconds(1);
        let (next, fx) = std::mem::take(&mut self.session).step(event, &self.env);
        self.session = next;
        for e in &fx {
            match e {
                Effect::Store { record, generation } => self.store = Some((*generation, record.revision)),
                Effect::Wake { after_ms, generation } => self.wake = Some((*after_ms, *generation)),
                _ => {}
            }
        }
        fx
    }

    fn run(&mut self, step: Step) -> Vec<Effect> {
        match step {
            Do(event) => self.send(event),
            Answer(outcome) => {
                let (generation, revision) = self.store.take().expect("a store under way");
                self.send(Event::Stored { generation, revision, outcome })
            }
            Due => {
                let (after, generation) = self.wake.take().expect("a timer set");
                self.env.clock += after;
                self.send(Event::Wake { generation })
            }
            Wait(ms) => {
                self.env.clock += ms;
                Vec::new()
            }
        }
    }

    fn record(&self) -> &Record {
        self.session.record.as_ref().expect("a record shown")
    }
}

fn name(e: &Effect) -> &'static str {
    match e {
        Effect::Store { .. } => "store",
        Effect::Wake { .. } => "wake",
        Effect::Journal(_) => "journal",
        Effect::Working(_) => "working",
        Effect::Fetch => "fetch",
        Effect::Accept { .. } => "accept",
        Effect::DiscardLocal => "discard-local",
        Effect::ForgetStored => "forget-stored",
        Effect::Refresh => "refresh",
        Effect::DiscardIfUntouched { .. } => "discard-if-untouched",
        Effect::Show(_) => "show",
        Effect::StageCompleted { .. } => "stage-completed",
        Effect::RecordCompleted { .. } => "record-completed",
        Effect::FocusField(_) => "focus-field",
        Effect::FocusDialog => "focus-dialog",
        Effect::FocusHeading => "focus-heading",
    }
}

fn status(s: &Status<Fail>) -> &'static str {
    match s {
        Status::Saved => "saved",
        Status::Pending => "pending",
        Status::Failed(_) => "failed",
        Status::Conflict(_) => "conflict",
        Status::Reloaded => "reloaded",
        Status::Deleted => "deleted",
    }
}

/// Runs a case's table on `page`: after each step, the effects asked for (by name, in order) and
/// the status line.
fn check(case: &str, page: &mut Page, table: Vec<(Step, &[&str], &str)>) {
    for (i, (step, effects, expected)) in table.into_iter().enumerate() {
        let fx = page.run(step);
        let names: Vec<_> = fx.iter().map(name).collect();
        assert_eq!(names, effects, "{case}, step {}: effects", i + 1);
        assert_eq!(status(&page.session.status), expected, "{case}, step {}: status", i + 1);
    }
}

fn topic(s: &str) -> Event<Fail> {
    Event::Edit(Edit::SetValue { field: "topic".into(), value: text(s) })
}

/// Another tab's version of `record`: one more edit, stored.
fn theirs(record: &Record, topic_text: &str) -> Record {
    let mut w = World::new();
    w.record = record.clone();
    w.set("topic", text(topic_text));
    w.record
}

#[test]
fn typing_is_stored_after_a_pause_and_a_stored_save_is_said() {
    let start = World::new().record;
    let mut page = Page::showing(&start);
    check(
        "a pause in the typing",
        &mut page,
        vec![
            (Do(topic("调处3号楼漏水纠纷")), &["working", "wake"], "pending"),
            (Due, &["store"], "pending"),
            (Answer(Outcome::Saved), &["refresh"], "saved"),
            // Its own save, heard back from the channel, is not news.
            (Do(Event::Heard(Heard::Saved { revision: start.revision + 1 })), &[], "saved"),
        ],
    );
    assert_eq!(page.session.load, Load::Ready);
    assert!(!page.session.dirty());
    assert_eq!(page.wake.map(|w| w.0), None);
    assert_eq!(SAVE_PAUSE_MS, 300.0);
}

#[test]
fn typing_is_stored_at_most_about_a_second_after_the_first_unsaved_key_however_fast_the_keys_come() {
    // A key every 120 ms for 2.4 s (never a 300 ms pause), as keeping.test.mjs types; the timers
    // the session asks for run at their time, each store answered 50 ms after it starts.
    let mut page = Page::showing(&World::new().record);
    let mut timers: Vec<(f64, u32)> = Vec::new();
    let mut answer_at: Option<f64> = None;
    let mut oldest_unstored: Option<f64> = None;
    let mut stores = Vec::new();
    let typed: Vec<char> = "楼道堆物影响消防通道需要协商清理办法".chars().collect();
    let mut typed_so_far = String::new();
    let mut t = 0.0;
    let end = 120.0 * typed.len() as f64;
    while t <= end + 2000.0 {
        page.env.clock = t;
        let mut fx = Vec::new();
        if answer_at.is_some_and(|a| a <= t) {
            answer_at = None;
            fx.extend(page.run(Answer(Outcome::Saved)));
        }
        timers.retain(|&(at, generation)| {
            if at <= t {
                fx.extend(page.send(Event::Wake { generation }));
                false
            } else {
                true
            }
        });
        let key = (t / 120.0) as usize;
        if t < end && t == key as f64 * 120.0 {
            typed_so_far.push(typed[key]);
            fx.extend(page.send(topic(&typed_so_far)));
            oldest_unstored.get_or_insert(t);
        }
        for e in fx {
            match e {
                Effect::Wake { after_ms, generation } => timers.push((t + after_ms, generation)),
                Effect::Store { .. } => {
                    let first = oldest_unstored.take().expect("a store carries an edit");
                    assert!(
                        t - first <= SAVE_AT_MOST_MS,
                        "stored {} ms after the first unstored key",
                        t - first
                    );
                    stores.push(t);
                    answer_at = Some(t + 50.0);
                }
                _ => {}
            }
        }
        t += 10.0;
    }
    // 2.2 s of steady typing is stored twice (after its first second, and after the next), and
    // everything typed is stored at the end.
    assert_eq!(stores, [1000.0, 2080.0]);
    assert_eq!(page.record().value(&page.env.procedure, "topic"), text(&typed_so_far));
    assert!(!page.session.dirty());
    assert_eq!(page.session.status, Status::Saved);
}

#[test]
fn two_tabs_do_not_lose_each_others_edits() {
    let start = World::new().record;
    // B, with nothing unsaved, follows what A stores.
    let mut b = Page::showing(&start);
    let a_saved = theirs(&start, "调处3号楼漏水纠纷");
    check(
        "a tab with nothing unsaved",
        &mut b,
        vec![
            (Do(Event::Heard(Heard::Saved { revision: a_saved.revision })), &["fetch"], "saved"),
            (Do(Event::Fetched(a_saved.clone())), &["accept", "discard-local"], "reloaded"),
        ],
    );
    assert_eq!(b.record(), &a_saved);

    // C hears nothing (no channel): its store meets A's newer version, and the user is asked.
    let mut c = Page::showing(&start);
    let a_again = theirs(&a_saved, "调处3号楼漏水纠纷（A）");
    check(
        "a tab that cannot hear the other",
        &mut c,
        vec![
            (Do(topic("调处漏水纠纷（C页）")), &["working", "wake"], "pending"),
            (Due, &["store"], "pending"),
            (Answer(Outcome::Conflict(Box::new(a_again.clone()))), &["refresh", "focus-dialog"], "conflict"),
            // Typing meanwhile is kept here, and not stored until the user decides.
            (Do(topic("调处漏水纠纷（C页）！")), &["working"], "conflict"),
            // Taking the other version shows A's; nothing of A's was overwritten.
            (Do(Event::TakeTheirs), &["accept", "discard-local", "focus-heading"], "saved"),
        ],
    );
    assert_eq!(c.record(), &a_again);
    assert!(!c.session.dirty());

    // Once more, and this time C keeps its version, knowingly: it supersedes A's.
    let a_third = theirs(&a_again, "调处3号楼漏水纠纷，已持续一月");
    check(
        "keeping this tab's version",
        &mut c,
        vec![
            (Do(topic("调处漏水纠纷（以C页为准）")), &["working", "wake"], "pending"),
            (Due, &["store"], "pending"),
            (Answer(Outcome::Conflict(Box::new(a_third.clone()))), &["refresh", "focus-dialog"], "conflict"),
            (Do(Event::KeepMine), &["accept", "store", "focus-heading"], "pending"),
            (Answer(Outcome::Saved), &["refresh"], "saved"),
        ],
    );
    assert!(c.record().revision > a_third.revision);
    assert_eq!(c.record().value(&c.env.procedure, "topic"), text("调处漏水纠纷（以C页为准）"));
}

#[test]
fn a_conflict_heard_from_another_tab_while_this_one_has_edits_asks_and_keeps_typing() {
    let start = World::new().record;
    let mut page = Page::showing(&start);
    let other = theirs(&start, "另一处");
    check(
        "heard while dirty",
        &mut page,
        vec![
            (Do(topic("本页")), &["working", "wake"], "pending"),
            (Do(Event::Heard(Heard::Saved { revision: other.revision })), &["fetch"], "pending"),
            (Do(Event::Fetched(other.clone())), &["focus-dialog"], "conflict"),
            // The timer set before the question still stores (it is checked, and conflicts).
            (Due, &["store"], "conflict"),
            (Answer(Outcome::Conflict(Box::new(other))), &["refresh"], "conflict"),
        ],
    );
    assert_eq!(page.record().value(&page.env.procedure, "topic"), text("本页"));
}

#[test]
fn a_record_deleted_in_another_tab_each_tab_is_told_what_it_holds_and_one_restores_it() {
    let start = World::new().record;
    // A, with nothing unsaved, is told; it types on (kept, not stored) and restores the record.
    let mut a = Page::showing(&start);
    check(
        "A restores",
        &mut a,
        vec![
            (Do(Event::Heard(Heard::Deleted)), &["focus-dialog"], "deleted"),
            (Do(topic("调处楼道堆物纠纷续")), &["working"], "deleted"),
            (Do(Event::Restore), &["forget-stored", "store", "focus-heading"], "pending"),
            (Answer(Outcome::Saved), &["refresh"], "saved"),
        ],
    );
    assert!(!a.session.dirty());
    let restored = a.record().clone();

    // B, not dirty at the deletion, types meanwhile; A's restoring (at a revision B may even
    // hold) is news because the record was deleted: B, now with edits, is asked which to keep.
    let mut b = Page::showing(&start);
    check(
        "B leaves its deleted dialog for the conflict",
        &mut b,
        vec![
            (Do(Event::Heard(Heard::Deleted)), &["focus-dialog"], "deleted"),
            (
                Do(Event::Edit(Edit::SetValue { field: "topic_detail".into(), value: text("B页补充") })),
                &["working"],
                "deleted",
            ),
            (Do(Event::Heard(Heard::Saved { revision: restored.revision })), &["fetch"], "deleted"),
            (Do(Event::Fetched(restored.clone())), &[], "conflict"),
            (Do(Event::KeepMine), &["accept", "store", "focus-heading"], "pending"),
            (Answer(Outcome::Saved), &["refresh"], "saved"),
        ],
    );
    assert!(b.record().revision > restored.revision);

    // A store that finds the record gone says so too.
    let mut c = Page::showing(&start);
    check(
        "found deleted at a store",
        &mut c,
        vec![
            (Do(topic("C")), &["working", "wake"], "pending"),
            (Due, &["store"], "pending"),
            (Answer(Outcome::Deleted), &["refresh", "focus-dialog"], "deleted"),
        ],
    );
    assert!(c.session.dirty());
}

#[test]
fn a_full_disk_is_said_and_nothing_typed_is_dropped() {
    let mut page = Page::showing(&World::new().record);
    check(
        "storage refuses",
        &mut page,
        vec![
            (Do(topic("楼道")), &["working", "wake"], "pending"),
            (Due, &["store"], "pending"),
            (Answer(Outcome::Failed("quota")), &["refresh"], "failed"),
            // The edits stay; the page closing journals them; the next edit tries again.
            (Do(Event::Hidden), &["journal", "store"], "failed"),
            (Answer(Outcome::Failed("quota")), &["refresh"], "failed"),
            (Do(topic("楼道堆物")), &["working", "wake"], "pending"),
            (Due, &["store"], "pending"),
            (Answer(Outcome::Saved), &["refresh"], "saved"),
        ],
    );
    assert_eq!(page.record().value(&page.env.procedure, "topic"), text("楼道堆物"));
}

#[test]
fn an_edit_typed_just_before_the_page_is_closed_is_journalled_and_stored_on_opening() {
    let start = World::new().record;
    let mut page = Page::showing(&start);
    check(
        "closing",
        &mut page,
        vec![
            (Do(Event::Hidden), &[], "saved"),
            (Do(topic("关窗前")), &["working", "wake"], "pending"),
            (Do(Event::Hidden), &["journal", "store"], "pending"),
            // The timer, due after the store started, starts nothing more.
            (Due, &[], "pending"),
        ],
    );
    let Some(Effect::Journal(journalled)) = page.send(Event::Hidden).into_iter().next() else {
        panic!("journalled while the store runs");
    };

    // The next page opening it stores the journalled edits at once.
    let mut next = Page::new();
    check(
        "opening",
        &mut next,
        vec![
            (Do(Event::Found { record: journalled.clone(), journalled: true }), &["store"], "pending"),
            (Answer(Outcome::Saved), &["refresh"], "saved"),
        ],
    );
    assert_eq!(next.record(), &journalled);
}

#[test]
fn an_edit_the_engine_refuses_is_said_where_it_was_made_and_changes_nothing() {
    let mut w = World::new();
    w.fill_s1();
    w.complete("s1");
    let mut page = Page::showing(&w.record);
    check(
        "a locked field",
        &mut page,
        vec![
            (Do(topic("改动已锁定的议题")), &["focus-field"], "saved"),
            (Do(topic("再改")), &["focus-field"], "saved"),
        ],
    );
    assert_eq!(page.record(), &w.record);
    assert_eq!(page.session.refusals, 2);
    let refused = page.session.refused.clone().expect("said");
    assert_eq!(refused.error, EditError::Locked("s1".into()));
    // The next accepted edit clears it.
    check(
        "an accepted edit",
        &mut page,
        vec![(Do(Event::Edit(Edit::ReopenStage("s1".into()))), &["working", "wake"], "pending")],
    );
    assert_eq!(page.session.refused, None);
}

#[test]
fn completing_a_stage_shows_the_next_and_tells_the_host_and_completing_the_last_tells_it_the_record_is_done()
{
    let mut w = World::new();
    w.fill_s1();
    let mut page = Page::showing(&w.record);
    let fx = page.send(Event::Edit(Edit::CompleteStage("s1".into())));
    assert_eq!(fx.iter().map(name).collect::<Vec<_>>(), ["show", "stage-completed", "working", "wake"]);
    assert_eq!(fx[0], Effect::Show("s2".into()));

    let mut w = World::through_stage4();
    w.fill_s5();
    let mut page = Page::showing(&w.record);
    let fx = page.send(Event::Edit(Edit::CompleteStage("s5".into())));
    assert_eq!(
        fx.iter().map(name).collect::<Vec<_>>(),
        ["stage-completed", "record-completed", "working", "wake"]
    );

    // A gate that refuses is said at the gate.
    let mut page = Page::showing(&World::new().record);
    let fx = page.send(Event::Edit(Edit::CompleteStage("s1".into())));
    assert!(fx.is_empty());
    assert!(matches!(page.session.refused.as_ref().map(|r| &r.error), Some(EditError::Gate(_))));
}

#[test]
fn a_matter_only_looked_at_is_discarded_as_the_user_leaves_it() {
    let start = World::new().record;
    let mut page = Page::showing(&start);
    check(
        "another stage, a print view",
        &mut page,
        vec![(Do(Event::Left { still_on_record: true }), &[], "saved")],
    );
    let fx = page.send(Event::Left { still_on_record: false });
    assert_eq!(fx, [Effect::DiscardIfUntouched { revision: start.revision }]);

    // Left with an edit not yet stored: stored now (and journalled), not 300 ms later.
    let mut page = Page::showing(&start);
    page.send(topic("入户走访"));
    let fx = page.send(Event::Left { still_on_record: false });
    assert_eq!(fx.iter().map(name).collect::<Vec<_>>(), ["journal", "store", "discard-if-untouched"]);
}

#[test]
fn a_store_queued_behind_a_conflicting_one_runs_only_for_newer_edits() {
    let start = World::new().record;
    let other = theirs(&start, "另一处");
    let mut page = Page::showing(&start);
    check(
        "the same edits",
        &mut page,
        vec![
            (Do(topic("一")), &["working", "wake"], "pending"),
            (Due, &["store"], "pending"),
            (Do(Event::Hidden), &["journal"], "pending"),
            (Answer(Outcome::Conflict(Box::new(other.clone()))), &["refresh", "focus-dialog"], "conflict"),
        ],
    );
    let mut page = Page::showing(&start);
    check(
        "newer edits",
        &mut page,
        vec![
            (Do(topic("一")), &["working", "wake"], "pending"),
            (Due, &["store"], "pending"),
            (Do(topic("一二")), &["working", "wake"], "pending"),
            (Due, &[], "pending"),
            (Answer(Outcome::Saved), &["refresh", "store"], "saved"),
            (Answer(Outcome::Saved), &["refresh"], "saved"),
        ],
    );
    assert!(!page.session.dirty());
}

#[test]
fn steady_typing_stores_once_the_oldest_edit_is_a_second_old() {
    let mut page = Page::showing(&World::new().record);
    check(
        "keys 200 ms apart",
        &mut page,
        vec![
            (Do(topic("一")), &["working", "wake"], "pending"),
            (Wait(200.0), &[], "pending"),
            (Do(topic("一二")), &["working", "wake"], "pending"),
            (Wait(200.0), &[], "pending"),
            (Do(topic("一二三")), &["working", "wake"], "pending"),
            (Wait(200.0), &[], "pending"),
            (Do(topic("一二三四")), &["working", "wake"], "pending"),
            (Wait(200.0), &[], "pending"),
            (Do(topic("一二三四五")), &["working", "wake"], "pending"),
        ],
    );
    // 800 ms after the first key: the wait is what is left of the second, not a fresh pause.
    assert_eq!(page.wake.map(|w| w.0), Some(200.0));
    check("the second is up", &mut page, vec![(Due, &["store"], "pending")]);
}

#[test]
fn a_record_of_an_earlier_build_is_brought_to_this_one_once_and_stored() {
    let mut old = World::new().record;
    old.procedure.version -= 1;
    let mut page = Page::new();
    page.env.place.county = "昌吉市".into();
    check(
        "opening",
        &mut page,
        vec![(Do(Event::Found { record: old.clone(), journalled: false }), &["working", "store"], "pending")],
    );
    assert!(page.session.upgraded);
    assert!(page.record().revision > old.revision);
    assert_eq!(page.record().procedure.version, page.env.procedure.version);
}

#[test]
fn a_record_not_found_or_unreadable_is_said_so() {
    let mut page = Page::new();
    page.send(Event::Missing);
    assert_eq!(page.session.load, Load::Missing);
    let mut page = Page::new();
    page.send(Event::LoadFailed("unreadable"));
    assert_eq!(page.session.load, Load::Failed("unreadable"));
    assert_eq!(page.session.record, None);
}
