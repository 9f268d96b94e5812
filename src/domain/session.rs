//! The editor's session: one record open in one page, from loading it to the last save, with
//! what other tabs do to it meanwhile. A pure state machine: [`Session::step`] takes an
//! [`Event`] (the record loaded, an edit, a save done, a word from another tab, the user's choice
//! in a conflict, the page hidden or left) and returns the next session with the [`Effect`]s the
//! page is to carry out (store, journal, focus, tell the host page, …), whose answers come back
//! as events. The page runs no rule of its own: what is saved when, what a save that lost to
//! another tab means, and what the user is asked, are decided here and tested natively.
//!
//! Generic over `F`, the page's storage failure, which the session only carries to the status
//! line. Time comes in with each event ([`Env`]): the session reads no clock.

use super::ledger::{standing, Status as LedgerStatus};
use super::procedure::{CountyRules, Procedure, StageId};
use super::record::{Edit, EditError, Record};
use super::settings::Place;
use super::when::OffsetDateTime;
use std::rc::Rc;

/// A save starts this long after the typing pauses …
pub const SAVE_PAUSE_MS: f64 = 300.0;
/// … and at most this long after the first edit it carries, pause or not (a crash during steady
/// typing loses at most about a second of it).
pub const SAVE_AT_MOST_MS: f64 = 1000.0;

/// What the page holds of the record.
#[derive(Clone, Debug, PartialEq)]
pub enum Load<F> {
    /// Being read.
    Loading,
    /// Not in this database.
    Missing,
    /// Storage could not be read.
    Failed(F),
    /// Shown ([`Session::record`]).
    Ready,
}

/// Where the record's saving stands (the status line), and what the user is asked.
#[derive(Clone, Debug, PartialEq)]
pub enum Status<F> {
    /// Everything shown is stored.
    Saved,
    /// A save is due or under way.
    Pending,
    /// The last save failed; the edits are kept here (and journalled when the page closes).
    Failed(F),
    /// Another tab stored this version meanwhile: keep this page's edits or take it? (asked)
    Conflict(Rc<Record>),
    /// Another tab's newer version is shown (nothing here was unsaved).
    Reloaded,
    /// Another tab deleted the record: restore it from this page? (asked)
    Deleted,
}

impl<F> Status<F> {
    /// Whether the user is asked to decide (saving waits for the decision).
    pub fn asking(&self) -> bool {
        matches!(self, Status::Conflict(_) | Status::Deleted)
    }
}

/// An edit the engine refused, shown where it was made until the next accepted edit.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    /// The edit.
    pub edit: Edit,
    /// Why.
    pub error: EditError,
}

/// What a store of the record came to.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome<F> {
    /// Stored.
    Saved,
    /// Not stored: storage holds another tab's newer version, this one.
    Conflict(Box<Record>),
    /// Not stored: the record was deleted meanwhile.
    Deleted,
    /// Not stored: storage failed.
    Failed(F),
}

/// What another tab said of this record.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Heard {
    /// It stored the record at this revision.
    Saved {
        /// The revision stored there.
        revision: u64,
    },
    /// It deleted the record.
    Deleted,
}

/// Something that happened to the session.
#[derive(Clone, Debug, PartialEq)]
pub enum Event<F> {
    /// The record was read; `journalled` when it comes with edits a closing page journalled but
    /// did not store (they are stored at once).
    Found {
        /// The record as read (with the journalled edits).
        record: Record,
        /// Whether it holds edits not in storage.
        journalled: bool,
    },
    /// No such record in this database.
    Missing,
    /// Storage could not be read.
    LoadFailed(F),
    /// The user made an edit.
    Edit(Edit),
    /// A [`Effect::Wake`] came due.
    Wake {
        /// The edit generation it was set for.
        generation: u32,
    },
    /// A [`Effect::Store`] finished.
    Stored {
        /// The generation of the edits it carried.
        generation: u32,
        /// The revision it stored (or tried to).
        revision: u64,
        /// What came of it.
        outcome: Outcome<F>,
    },
    /// Another tab said something of this record.
    Heard(Heard),
    /// The record as storage holds it now (the answer to [`Effect::Fetch`]).
    Fetched(Record),
    /// In a conflict: keep this page's version over the other.
    KeepMine,
    /// In a conflict: take the other version, dropping this page's edits.
    TakeTheirs,
    /// After a deletion elsewhere: store the record again as this page shows it.
    Restore,
    /// The page is hidden (another tab or app, or about to close): anything unsaved is journalled.
    Hidden,
    /// The editor is left: for another page of the app (`still_on_record` when that page is of
    /// this record: another stage, a print view) or because the page closes.
    Left {
        /// Whether the page shown next is of this record.
        still_on_record: bool,
    },
}

/// What the page is to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Store the record, checked against the revision last stored ([`Event::Stored`] answers).
    Store {
        /// The record.
        record: Record,
        /// The generation of the edits it carries.
        generation: u32,
    },
    /// Come back with [`Event::Wake`] after this long (ms).
    Wake {
        /// How long.
        after_ms: f64,
        /// The generation of the edits the wait is for.
        generation: u32,
    },
    /// Write the record into the closing journal now, in one request (the page may be going).
    Journal(Record),
    /// The page's working copy of the record (what other pages of the app read) is this.
    Working(Record),
    /// Read the record as storage holds it ([`Event::Fetched`] answers; nothing when it is gone).
    Fetch,
    /// This page now knows storage's revision (a save at it from this page is not a conflict).
    Accept {
        /// The revision.
        revision: u64,
    },
    /// Drop this page's unsaved copy and journal (storage's version is taken).
    DiscardLocal,
    /// Forget that the record was stored (it was deleted; a save stores it afresh).
    ForgetStored,
    /// The app's lists are to show what storage now holds.
    Refresh,
    /// Delete the record if it is still as it was started (nothing put in): it was only looked at.
    DiscardIfUntouched {
        /// The revision shown when it was left.
        revision: u64,
    },
    /// Show this stage (the one after a stage just completed).
    Show(StageId),
    /// Tell a host page a stage was completed.
    StageCompleted {
        /// The record.
        record: String,
        /// The stage.
        stage: StageId,
        /// Whether the record is a practice one (培训练习).
        training: bool,
    },
    /// Tell a host page the record is complete (已办结).
    RecordCompleted {
        /// The record.
        record: String,
        /// Whether the record is a practice one.
        training: bool,
    },
    /// Give the focus back to this field (the edit typed in it was refused; it shows what is
    /// stored again).
    FocusField(String),
    /// The dialog asking the user takes the focus, unless the user is typing in a field (the
    /// dialog came unasked, from another tab: typing goes on where it was).
    FocusDialog,
    /// The question is answered: the stage's heading takes the focus.
    FocusHeading,
}

/// What an event is weighed with: the rules in force and the moment (never read by the session
/// itself).
#[derive(Clone, Debug)]
pub struct Env {
    /// The procedure.
    pub procedure: Rc<Procedure>,
    /// The county's rules (设置).
    pub rules: CountyRules,
    /// Where this copy is run (设置): a record of an earlier build takes it when upgraded.
    pub place: Place,
    /// Now, for the audit trail.
    pub now: OffsetDateTime,
    /// The page's monotonic clock (ms): when saves are due.
    pub clock: f64,
}

/// One record open in one page.
#[derive(Clone, Debug, PartialEq)]
pub struct Session<F> {
    /// What the page holds of the record.
    pub load: Load<F>,
    /// The record as shown (every accepted edit in it).
    pub record: Option<Record>,
    /// Where saving stands; what the user is asked.
    pub status: Status<F>,
    /// The record was made by an earlier build and brought to this one on opening (the user is
    /// told what was filled in).
    pub upgraded: bool,
    /// The last refused edit, until the next accepted one.
    pub refused: Option<Refused>,
    /// How many edits were refused (the stage's fields are drawn afresh at each, to show what is
    /// stored rather than what was refused).
    pub refusals: u32,
    /// The record to store next (`None` when nothing is to be stored).
    latest: Option<Record>,
    /// The revision last stored (or taken from storage); 0 when journalled edits were found.
    saved: u64,
    /// Counts every change of `latest`.
    generation: u32,
    /// A store is under way.
    running: bool,
    /// Another store is to follow the one under way.
    again: bool,
    /// The record was deleted elsewhere (or found deleted at a save) and not restored here: a
    /// save of it by another tab is then news even at this page's revision.
    deleted: bool,
    /// When (clock ms) the oldest edit not yet handed to a store was made: however fast the
    /// typing goes, a store starts at most [`SAVE_AT_MOST_MS`] after it.
    since: Option<f64>,
}

impl<F> Default for Session<F> {
    fn default() -> Self {
        Session {
            load: Load::Loading,
            record: None,
            status: Status::Saved,
            upgraded: false,
            refused: None,
            refusals: 0,
            latest: None,
            saved: 0,
            generation: 0,
            running: false,
            again: false,
            deleted: false,
            since: None,
        }
    }
}

impl<F: Clone> Session<F> {
    /// A session whose record is being read.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether the page holds edits not yet stored (or a store is under way).
    pub fn dirty(&self) -> bool {
        self.running || self.latest.as_ref().is_some_and(|l| l.revision != self.saved)
    }

    /// The next session, and what the page is to do, after `event`.
    pub fn step(mut self, event: Event<F>, env: &Env) -> (Self, Vec<Effect>) {
        let mut fx = Vec::new();
        let asked_before = self.status.asking();
        match event {
            Event::Found { record, journalled } => self.found(record, journalled, env, &mut fx),
            Event::Missing => self.load = Load::Missing,
            Event::LoadFailed(e) => self.load = Load::Failed(e),
            Event::Edit(edit) => self.edit(edit, env, &mut fx),
            Event::Wake { generation } => {
                // Due after a pause (no edit since the one it was set for) or once the oldest
                // edit not yet handed to a store is a second old; never when every edit has been
                // handed to one already.
                let due = self.since.is_some_and(|since| {
                    self.generation == generation || env.clock >= since + SAVE_AT_MOST_MS - 1.0
                });
                if due {
                    self.store_now(&mut fx);
                }
            }
            Event::Stored { generation, revision, outcome } => {
                match outcome {
                    Outcome::Saved => {
                        self.saved = revision;
                        self.status = Status::Saved;
                    }
                    Outcome::Conflict(theirs) => {
                        self.status = Status::Conflict(Rc::new(*theirs));
                        // A store queued behind this one for the same edits would only conflict
                        // again; one queued for newer edits (a choice the user made meanwhile)
                        // still runs.
                        if self.generation == generation {
                            self.again = false;
                        }
                    }
                    Outcome::Deleted => {
                        self.status = Status::Deleted;
                        self.again = false;
                        self.deleted = true;
                    }
                    Outcome::Failed(e) => self.status = Status::Failed(e),
                }
                fx.push(Effect::Refresh);
                if std::mem::take(&mut self.again) {
                    self.store_next(&mut fx);
                } else {
                    self.running = false;
                }
            }
            Event::Heard(Heard::Deleted) => {
                self.deleted = true;
                self.status = Status::Deleted;
            }
            Event::Heard(Heard::Saved { revision }) => {
                // A save at this page's revision is this page's own, unless the record was
                // deleted meanwhile: then another tab restored it.
                if revision != self.saved || self.deleted {
                    fx.push(Effect::Fetch);
                }
            }
            Event::Fetched(theirs) => self.fetched(theirs, &mut fx),
            Event::KeepMine => {
                if let (Status::Conflict(theirs), Some(mine)) = (&self.status, &self.record) {
                    let revision = theirs.revision;
                    let mut mine = mine.clone();
                    fx.push(Effect::Accept { revision });
                    if mine.apply(&env.procedure, &env.rules, Edit::Supersede { revision }, env.now).is_ok() {
                        self.set_latest(Some(mine.clone()));
                        self.record = Some(mine);
                        self.status = Status::Pending;
                        self.store_now(&mut fx);
                    }
                }
            }
            Event::TakeTheirs => {
                if let Status::Conflict(theirs) = &self.status {
                    let theirs = (**theirs).clone();
                    self.take(theirs, Status::Saved, &mut fx);
                }
            }
            Event::Restore => {
                if let (Status::Deleted, Some(mine)) = (&self.status, &self.record) {
                    let mine = mine.clone();
                    fx.push(Effect::ForgetStored);
                    self.deleted = false;
                    self.set_latest(Some(mine));
                    self.status = Status::Pending;
                    self.store_now(&mut fx);
                }
            }
            Event::Hidden => self.flush(&mut fx),
            Event::Left { still_on_record } => {
                // Saved now rather than 300 ms later, so that the next page reads what was shown.
                self.flush(&mut fx);
                if let (false, Some(r)) = (still_on_record, &self.record) {
                    fx.push(Effect::DiscardIfUntouched { revision: r.revision });
                }
            }
        }
        match (asked_before, self.status.asking()) {
            (false, true) => fx.push(Effect::FocusDialog),
            (true, false) => fx.push(Effect::FocusHeading),
            _ => {}
        }
        (self, fx)
    }

    /// The record read. Journalled edits are stored at once; a record made by an earlier build is
    /// brought to the procedure's version once (its place from 设置, its lead body written in)
    /// and stored.
    fn found(&mut self, mut record: Record, journalled: bool, env: &Env, fx: &mut Vec<Effect>) {
        let mut unsaved = journalled;
        self.saved = if journalled { 0 } else { record.revision };
        if record.procedure.version < env.procedure.version {
            let before = record.revision;
            let edit = Edit::Upgrade { place: env.place.clone() };
            if record.apply(&env.procedure, &env.rules, edit, env.now).is_ok() && record.revision != before {
                unsaved = true; // `saved` stays the stored revision
                fx.push(Effect::Working(record.clone()));
                self.upgraded = true;
            }
        }
        if unsaved {
            self.set_latest(Some(record.clone()));
        }
        self.record = Some(record);
        self.load = Load::Ready;
        if unsaved {
            self.status = Status::Pending;
            self.store_now(fx);
        }
    }

    /// An edit: through the engine, then stored after a pause in the typing or when the oldest
    /// unstored edit is a second old. A refused edit changes nothing and is said where it was made.
    fn edit(&mut self, edit: Edit, env: &Env, fx: &mut Vec<Effect>) {
        let Some(mut next) = self.record.clone() else { return };
        if let Err(error) = next.apply(&env.procedure, &env.rules, edit.clone(), env.now) {
            if let Edit::SetValue { field, .. } = &edit {
                fx.push(Effect::FocusField(field.clone()));
            }
            self.refused = Some(Refused { edit, error });
            self.refusals += 1;
            return;
        }
        self.refused = None;
        if let Edit::CompleteStage(stage) = &edit {
            let at = env.procedure.stage_index(stage).map_or(usize::MAX, |i| i + 1);
            if let Some(following) = env.procedure.stages.get(at) {
                fx.push(Effect::Show(following.id.clone()));
            }
            fx.push(Effect::StageCompleted {
                record: next.id.clone(),
                stage: stage.clone(),
                training: next.training,
            });
            if standing(&next, &env.procedure).1 == LedgerStatus::Completed {
                fx.push(Effect::RecordCompleted { record: next.id.clone(), training: next.training });
            }
        }
        fx.push(Effect::Working(next.clone()));
        self.set_latest(Some(next.clone()));
        let since = *self.since.get_or_insert(env.clock);
        self.record = Some(next);
        if self.status.asking() {
            return; // the user decides first
        }
        self.status = Status::Pending;
        let after_ms = SAVE_PAUSE_MS.min(since + SAVE_AT_MOST_MS - env.clock).max(0.0);
        fx.push(Effect::Wake { after_ms, generation: self.generation });
    }

    /// Another tab's version, read after it said it stored one: taken if nothing here is
    /// unsaved, else the user is asked.
    fn fetched(&mut self, theirs: Record, fx: &mut Vec<Effect>) {
        if theirs.revision == self.saved && !self.deleted {
            return;
        }
        self.deleted = false;
        if self.dirty() {
            self.status = Status::Conflict(Rc::new(theirs));
        } else {
            self.take(theirs, Status::Reloaded, fx);
        }
    }

    /// Storage's version shown, this page's edits dropped.
    fn take(&mut self, theirs: Record, status: Status<F>, fx: &mut Vec<Effect>) {
        fx.push(Effect::Accept { revision: theirs.revision });
        fx.push(Effect::DiscardLocal);
        self.set_latest(None);
        self.since = None;
        self.saved = theirs.revision;
        self.record = Some(theirs);
        self.status = status;
    }

    /// Anything unsaved is journalled in one request (an awaited, checked store may not finish in
    /// time), and the checked store started as well.
    fn flush(&mut self, fx: &mut Vec<Effect>) {
        if let Some(r) = self.latest.as_ref().filter(|r| r.revision != self.saved) {
            fx.push(Effect::Journal(r.clone()));
            self.store_now(fx);
        }
    }

    fn set_latest(&mut self, latest: Option<Record>) {
        self.latest = latest;
        self.generation = self.generation.wrapping_add(1);
    }

    /// Stores the latest record, one store at a time.
    fn store_now(&mut self, fx: &mut Vec<Effect>) {
        if self.running {
            self.again = true;
        } else {
            self.running = true;
            self.store_next(fx);
        }
    }

    fn store_next(&mut self, fx: &mut Vec<Effect>) {
        self.since = None;
        match &self.latest {
            Some(record) => fx.push(Effect::Store { record: record.clone(), generation: self.generation }),
            None => self.running = false,
        }
    }
}
