//! The record editor: a stepper of the five stages, each stage's checklist rendered from the
//! procedure data, the live report under it, and the stage gate. Every edit goes through the
//! engine and is saved within a second; a save never overwrites a revision another tab stored.

use super::fields::{field_widget, parties_editor};
use super::repo::Ctx;
use super::route::{listen, Route};
use super::storage::SaveOutcome;
use super::tabs::TabMessage;
use crate::domain::gates::{can_complete, GateError};
use crate::domain::procedure::Procedure;
use crate::domain::procedure::{FieldKind, Requirement, Severity, Stage};
use crate::domain::record::{Edit, EditError, ItemState, Record, StageStatus};
use crate::domain::validate::{validate, Report};
use crate::domain::when;
use crate::i18n::{clause_id, data, t, tf, tn, Data, Key, Lang};
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`EditorPage`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// Record id.
    pub id: String,
    /// Stage to show; the current one when `None`.
    pub stage: Option<String>,
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Missing,
    Failed(super::storage::StoreError),
    Ready,
}

#[derive(Clone, PartialEq)]
enum SaveState {
    Saved,
    Pending,
    Failed(super::storage::StoreError),
    Conflict(Rc<Record>),
    Reloaded,
    Deleted,
}

/// Serialises saves: one at a time, the latest record last.
#[derive(Default)]
struct Saver {
    latest: Option<Record>,
    /// The revision last stored (or taken from storage).
    saved: u64,
    generation: u32,
    running: bool,
    again: bool,
    /// The record was deleted in another tab (or found deleted at a save) and not restored here:
    /// a save of it by another tab is then news even at this page's revision.
    deleted: bool,
    /// When (ms, the page's clock) the oldest edit not yet handed to a save was made: however
    /// fast the typing goes, a save starts at most [`SAVE_AT_MOST_MS`] after it.
    since: Option<f64>,
}

/// A save starts this long after the typing pauses …
const SAVE_PAUSE_MS: f64 = 300.0;
/// … and at most this long after the first edit it carries, pause or not (a crash during steady
/// typing loses at most about a second of it).
const SAVE_AT_MOST_MS: f64 = 1000.0;

/// The page's monotonic clock in milliseconds.
fn clock_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or_else(js_sys::Date::now, |p| p.now())
}

impl Saver {
    /// Whether the page holds edits not yet stored (or a save under way).
    fn dirty(&self) -> bool {
        self.running || self.latest.as_ref().is_some_and(|l| l.revision != self.saved)
    }
}

/// An edit the engine refused: where it was made (the item, or the stage's gate when `None`)
/// and why, in words. Shown there until the next accepted edit; the fields show what is stored.
#[derive(Clone, PartialEq)]
struct Refusal {
    item: Option<String>,
    message: String,
    /// The element to give the focus back to (the field typed in), once it shows the stored value.
    focus: Option<String>,
}

impl Refusal {
    fn of(lang: Lang, procedure: &Procedure, edit: &Edit, error: &EditError) -> Refusal {
        let (item, focus) = match edit {
            Edit::SetValue { field, .. } => {
                (procedure.field(field).map(|(_, item, _)| item.id.clone()), Some(format!("f-{field}")))
            }
            Edit::SetItem { item, .. } => (Some(item.clone()), None),
            Edit::AddParty(_) | Edit::UpdateParty { .. } | Edit::RemoveParty { .. } => (
                procedure
                    .fields()
                    .find(|(_, _, f)| matches!(f.kind, FieldKind::Parties { .. }))
                    .map(|(_, item, _)| item.id.clone()),
                None,
            ),
            Edit::LinkOpinion { .. } => (
                procedure.field(&procedure.key_fields.source_summary).map(|(_, item, _)| item.id.clone()),
                None,
            ),
            Edit::AddProgress(_) | Edit::UpdateProgress { .. } | Edit::RemoveProgress { .. } => (
                procedure
                    .fields()
                    .find(|(_, _, f)| f.kind == FieldKind::Progress)
                    .map(|(_, item, _)| item.id.clone()),
                None,
            ),
            Edit::CompleteStage(_) | Edit::ReopenStage(_) | Edit::Supersede { .. } | Edit::Upgrade { .. } => {
                (None, None)
            }
        };
        let message = match error {
            EditError::Locked(stage) => {
                let (n, title) = stage_named(lang, procedure, stage);
                tf(lang, Key::RefusedLocked, &[&n, &title])
            }
            EditError::BadValue(name) | EditError::Unknown(name) => {
                let label = procedure
                    .field(name)
                    .map(|(_, _, f)| data(lang, Data::Field, &f.id, &f.label).to_owned())
                    .unwrap_or_else(|| name.clone());
                let key = if matches!(error, EditError::BadValue(_)) {
                    Key::RefusedBadValue
                } else {
                    Key::RefusedUnknown
                };
                tf(lang, key, &[&label])
            }
            EditError::Gate(gate) => tf(lang, Key::RefusedGate, &[&gate_message(lang, procedure, gate)]),
            EditError::FromReports(name) => {
                let label = procedure
                    .field(name)
                    .map(|(_, _, f)| data(lang, Data::Field, &f.id, &f.label).to_owned())
                    .unwrap_or_else(|| name.clone());
                tf(lang, Key::RefusedFromReports, &[&label])
            }
            EditError::NoNote => t(lang, Key::RefusedNoNote).to_owned(),
        };
        Refusal { item, message, focus }
    }

    fn view(&self) -> Html {
        html! { <p class="refused" role="alert">{ &self.message }</p> }
    }
}

/// What an upgrade filled in (a record made by an earlier build, opened here): the place and
/// lead body as the record now holds them.
fn upgrade_note(lang: Lang, procedure: &Procedure, r: &Record) -> String {
    use crate::domain::record::fields;
    let text = |f: &str| match r.value(procedure, f) {
        Some(crate::domain::Value::Text(t)) => t,
        _ => t(lang, Key::NotSet).to_owned(),
    };
    tf(lang, Key::UpgradeNote, &[&text(fields::COUNTY), &text(fields::TOWNSHIP), &r.organiser()])
}

/// A stage's number and title, as messages name it.
fn stage_named(lang: Lang, procedure: &Procedure, id: &str) -> (usize, String) {
    let title =
        procedure.stage(id).map(|s| data(lang, Data::Stage, &s.id, &s.title).to_owned()).unwrap_or_default();
    (stage_number(&procedure.stages, id), title)
}

/// Why a stage gate refused, in words.
fn gate_message(lang: Lang, procedure: &Procedure, e: &GateError) -> String {
    match e {
        GateError::PreviousNotCompleted(prev) => {
            let (n, title) = stage_named(lang, procedure, prev);
            tf(lang, Key::GatePrevious, &[&n, &title])
        }
        GateError::HasErrors(list) => {
            tn(lang, [Key::GateErrorsOne, Key::GateErrors], list.len() as u64, &[&list.len()])
        }
        GateError::AlreadyCompleted => t(lang, Key::GateAlreadyCompleted).to_owned(),
        GateError::NotCompleted => t(lang, Key::GateNotCompleted).to_owned(),
        GateError::UnknownStage(id) => tf(lang, Key::GateUnknownStage, &[id]),
    }
}

/// The record editor page.
#[component]
pub fn EditorPage(props: &EditorProps) -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.lang;
    let record = use_state(|| None::<Record>);
    let load = use_state(|| Load::Loading);
    let save_state = use_state(|| SaveState::Saved);
    let saver = use_mut_ref(Saver::default);
    let heading = use_node_ref();
    let first_render = use_mut_ref(|| true);
    // The last refused edit, and how many there were (the stage's fields are drawn afresh from
    // the record at each, so that they show what is stored, not what was refused).
    let refusal = use_state(|| None::<Refusal>);
    let refusals = use_state(|| 0u32);

    // Load the record; edits journalled when a page closed are saved at once. A record made by
    // an earlier build is brought to the procedure's version once (its place from 设置, its lead
    // body written in), saved, and the user is told what was filled in.
    let pending_load = use_mut_ref(|| false);
    let upgraded = use_state(|| false);
    {
        let (record, load, repo, id, saver, pending_load, upgraded) = (
            record.clone(),
            load.clone(),
            ctx.repo.clone(),
            props.id.clone(),
            saver.clone(),
            pending_load.clone(),
            upgraded.clone(),
        );
        use_effect_with(props.id.clone(), move |_| {
            yew::platform::spawn_local(async move {
                match repo.record(&id).await {
                    Ok(Some((mut r, mut unsaved))) => {
                        let saved_at = if unsaved { 0 } else { r.revision };
                        if r.procedure.version < repo.procedure().version {
                            let (place, rules) = {
                                let s = repo.settings.borrow();
                                (s.place(), s.rules)
                            };
                            let before = r.revision;
                            let edit = Edit::Upgrade { place };
                            if r.apply(repo.procedure(), &rules, edit, super::now()).is_ok()
                                && r.revision != before
                            {
                                unsaved = true; // saved_at stays the stored revision
                                repo.set_working(Some(r.clone()));
                                upgraded.set(true);
                            }
                        }
                        {
                            let mut s = saver.borrow_mut();
                            s.saved = saved_at;
                            if unsaved {
                                s.latest = Some(r.clone());
                                s.generation += 1;
                            }
                        }
                        *pending_load.borrow_mut() = unsaved;
                        record.set(Some(r));
                        load.set(Load::Ready);
                    }
                    Ok(None) => load.set(Load::Missing),
                    Err(m) => load.set(Load::Failed(m)),
                }
            });
        });
    }

    // Saving: `save_now` stores the latest record, one save at a time.
    let save_now: Rc<dyn Fn()> = {
        let (saver, repo, save_state, refresh) =
            (saver.clone(), ctx.repo.clone(), save_state.clone(), ctx.refresh.clone());
        Rc::new(move || {
            let saver = saver.clone();
            if saver.borrow().running {
                saver.borrow_mut().again = true;
                return;
            }
            saver.borrow_mut().running = true;
            let (repo, save_state, refresh) = (repo.clone(), save_state.clone(), refresh.clone());
            yew::platform::spawn_local(async move {
                loop {
                    saver.borrow_mut().since = None;
                    let Some(latest) = saver.borrow().latest.clone() else { break };
                    match repo.save(&latest, None).await {
                        Ok(SaveOutcome::Saved) => {
                            saver.borrow_mut().saved = latest.revision;
                            save_state.set(SaveState::Saved);
                        }
                        Ok(SaveOutcome::Conflict(theirs)) => {
                            save_state.set(SaveState::Conflict(Rc::new(*theirs)));
                            // A save queued behind this one for the same edits would only
                            // conflict again; one queued for newer edits (a choice the user
                            // made meanwhile) still runs.
                            let mut s = saver.borrow_mut();
                            if s.latest.as_ref() == Some(&latest) {
                                s.again = false;
                            }
                        }
                        Ok(SaveOutcome::Deleted) => {
                            save_state.set(SaveState::Deleted);
                            let mut s = saver.borrow_mut();
                            s.again = false;
                            s.deleted = true;
                        }
                        Err(e) => save_state.set(SaveState::Failed(e)),
                    }
                    refresh.emit(());
                    let again = std::mem::take(&mut saver.borrow_mut().again);
                    if !again {
                        break;
                    }
                }
                saver.borrow_mut().running = false;
            });
        })
    };

    // Journalled edits found on opening: save them now.
    {
        let (save_now, pending_load, save_state) =
            (save_now.clone(), pending_load.clone(), save_state.clone());
        use_effect_with(*load == Load::Ready, move |ready| {
            if *ready && std::mem::take(&mut *pending_load.borrow_mut()) {
                save_state.set(SaveState::Pending);
                save_now();
            }
        });
    }

    // Leaving or hiding the page: journal unsaved edits in one request (an awaited, checked
    // save may not finish in time), then start the checked save as well.
    {
        let save_now = save_now.clone();
        let saver = saver.clone();
        let repo = ctx.repo.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("window");
            let flush = move || {
                let unsaved = {
                    let s = saver.borrow();
                    s.latest.clone().filter(|r| r.revision != s.saved)
                };
                if let Some(r) = unsaved {
                    repo.journal_now(&r);
                    save_now();
                }
            };
            let (f2, f3) = (flush.clone(), flush.clone());
            let a = listen(&window, "pagehide", move |_| flush());
            let b = web_sys::window()
                .and_then(|w| w.document())
                .map(|d| listen(&d, "visibilitychange", move |_| f2()));
            // Leaving the editor for another page of the app (a print view, the ledger): saved
            // now rather than 300 ms later, so that the next page reads what is on screen.
            move || {
                drop((a, b));
                f3();
            }
        });
    }

    // Leaving a record this page started without putting anything in it (发起协商 on a matter
    // only looked at): it is discarded, so that no empty record stays behind. Staying on the
    // record (another stage, one of its print views) is not leaving it.
    let shown_revision = use_mut_ref(|| None::<u64>);
    *shown_revision.borrow_mut() = (*record).as_ref().map(|r| r.revision);
    {
        let (repo, refresh, shown_revision) = (ctx.repo.clone(), ctx.refresh.clone(), shown_revision.clone());
        use_effect_with(props.id.clone(), move |id| {
            let id = id.clone();
            move || {
                let still_here = match super::route::current() {
                    Route::Record { id: here, .. } | Route::Print { id: here, .. } => here == id,
                    _ => false,
                };
                let Some(revision) = *shown_revision.borrow() else { return };
                if !still_here && repo.discard_untouched(&id, revision) {
                    yew::platform::spawn_local(async move {
                        let _ = repo.delete(&id).await;
                        refresh.emit(());
                    });
                }
            }
        });
    }

    // Another tab saved (or deleted) this record: take its version if nothing here is unsaved,
    // else ask. The state is read when the message arrives, not when the listener was set up.
    {
        let (record_state, save_state, repo, id, saver) =
            (record.clone(), save_state.clone(), ctx.repo.clone(), props.id.clone(), saver.clone());
        let channel_name = ctx.repo.name().to_owned();
        use_effect_with(props.id.clone(), move |_| {
            let channel = web_sys::BroadcastChannel::new(&channel_name).ok();
            let listener = channel.as_ref().map(|ch| {
                listen(ch, "message", move |e: web_sys::Event| {
                    use wasm_bindgen::JsCast;
                    let Some(text) = e.dyn_ref::<web_sys::MessageEvent>().and_then(|m| m.data().as_string())
                    else {
                        return;
                    };
                    let Some(msg) = TabMessage::read(&text) else { return };
                    if msg.record() != Some(id.as_str()) {
                        return;
                    }
                    let TabMessage::Saved { revision, .. } = msg else {
                        saver.borrow_mut().deleted = true;
                        save_state.set(SaveState::Deleted);
                        return;
                    };
                    // A save at this page's revision is this page's own, unless the record was
                    // deleted meanwhile: then another tab restored it.
                    if revision == saver.borrow().saved && !saver.borrow().deleted {
                        return;
                    }
                    let (repo, record_state, save_state, id, saver) =
                        (repo.clone(), record_state.clone(), save_state.clone(), id.clone(), saver.clone());
                    yew::platform::spawn_local(async move {
                        let Ok(Some(theirs)) = repo.stored_record(&id).await else { return };
                        if theirs.revision == saver.borrow().saved && !saver.borrow().deleted {
                            return;
                        }
                        saver.borrow_mut().deleted = false;
                        if saver.borrow().dirty() {
                            save_state.set(SaveState::Conflict(Rc::new(theirs)));
                        } else {
                            repo.accept_stored(&id, theirs.revision);
                            repo.discard_local(&id);
                            {
                                let mut s = saver.borrow_mut();
                                s.latest = None;
                                s.saved = theirs.revision;
                            }
                            record_state.set(Some(theirs));
                            save_state.set(SaveState::Reloaded);
                        }
                    });
                })
            });
            move || {
                drop(listener);
                if let Some(ch) = channel {
                    ch.close();
                }
            }
        });
    }

    let repo = &ctx.repo;
    let procedure = repo.procedure().clone();
    let county = repo.settings.borrow().rules;

    // Apply an edit through the engine, then schedule a save within a second.
    let on_edit: Callback<Edit> = {
        let (record, saver, save_state, save_now, procedure, repo, refusal, refusals) = (
            record.clone(),
            saver.clone(),
            save_state.clone(),
            save_now.clone(),
            procedure.clone(),
            repo.clone(),
            refusal.clone(),
            refusals.clone(),
        );
        Callback::from(move |edit: Edit| {
            let Some(mut next) = (*record).clone() else { return };
            let completing = match &edit {
                Edit::CompleteStage(stage) => Some(stage.clone()),
                _ => None,
            };
            if let Err(e) = next.apply(&procedure, &county, edit.clone(), super::now()) {
                // Said where it was made; the fields are drawn again from the stored record.
                let refused = Refusal::of(lang, &procedure, &edit, &e);
                if let Some(id) = refused.focus.clone() {
                    super::focus_later(id); // the field typed in, now drawn afresh
                }
                refusal.set(Some(refused));
                refusals.set(*refusals + 1);
                return;
            }
            if refusal.is_some() {
                refusal.set(None);
            }
            if let Some(stage) = completing {
                let at = procedure.stage_index(&stage).map_or(usize::MAX, |i| i + 1);
                if let Some(following) = procedure.stages.get(at) {
                    Route::Record { id: next.id.clone(), stage: Some(following.id.clone()) }.go();
                }
                // A host page is told whether the record is a practice one (培训练习).
                super::embed::host_event(
                    "stage-completed",
                    serde_json::json!({ "record": next.id, "stage": stage, "training": next.training }),
                );
                let (_, status) = crate::domain::ledger::standing(&next, &procedure);
                if status == crate::domain::ledger::Status::Completed {
                    super::embed::host_event(
                        "record-completed",
                        serde_json::json!({ "record": next.id, "training": next.training }),
                    );
                }
            }
            repo.set_working(Some(next.clone()));
            let now_ms = clock_ms();
            let (generation, since) = {
                let mut s = saver.borrow_mut();
                s.latest = Some(next.clone());
                s.generation += 1;
                (s.generation, *s.since.get_or_insert(now_ms))
            };
            record.set(Some(next));
            if matches!(*save_state, SaveState::Conflict(_) | SaveState::Deleted) {
                return; // the user decides first
            }
            save_state.set(SaveState::Pending);
            // Saved after a pause in the typing, or when the oldest unsaved edit is a second old.
            let wait = SAVE_PAUSE_MS.min(since + SAVE_AT_MOST_MS - now_ms).max(0.0);
            let (saver, save_now) = (saver.clone(), save_now.clone());
            yew::platform::spawn_local(async move {
                yew::platform::time::sleep(std::time::Duration::from_millis(wait as u64)).await;
                let due = {
                    let s = saver.borrow();
                    s.generation == generation
                        || s.since.is_some_and(|since| clock_ms() >= since + SAVE_AT_MOST_MS - 1.0)
                };
                if due {
                    save_now();
                }
            });
        })
    };

    let stage_id = (*record).as_ref().map(|r| {
        props
            .stage
            .clone()
            .filter(|s| procedure.stage(s).is_some())
            .or_else(|| r.current_stage(&procedure).cloned())
            .unwrap_or_else(|| procedure.stages.last().map(|s| s.id.clone()).unwrap_or_default())
    });

    // Move focus to the stage heading when the stage changes (not on first load).
    {
        let heading = heading.clone();
        let first_render = first_render.clone();
        use_effect_with(stage_id.clone(), move |stage| {
            if stage.is_some() {
                let first = std::mem::replace(&mut *first_render.borrow_mut(), false);
                if !first {
                    if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                        let _ = h.focus();
                    }
                }
            }
        });
    }

    // A dialog that needs a decision takes the focus (the dialog itself, not one of its choices, so
    // that a key pressed by habit chooses nothing), so that keyboard users meet it at once; but not
    // from a field the user is typing in: the dialog comes unasked, from another tab, and typing
    // goes on where it was (the dialog is in view at the foot of the screen and read out by the
    // record's status line). Once decided, the stage's heading has the focus.
    let dialog = use_node_ref();
    let was_asking = use_mut_ref(|| false);
    {
        let (dialog, heading) = (dialog.clone(), heading.clone());
        let asking = matches!(*save_state, SaveState::Conflict(_) | SaveState::Deleted);
        use_effect_with(asking, move |asking| {
            let target = if *asking {
                (!typing_in_a_field()).then_some(dialog)
            } else {
                std::mem::take(&mut *was_asking.borrow_mut()).then_some(heading)
            };
            *was_asking.borrow_mut() = *asking;
            if let Some(e) = target.and_then(|r| r.cast::<web_sys::HtmlElement>()) {
                let _ = e.focus();
            }
        });
    }

    match &*load {
        Load::Loading => return html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> },
        Load::Missing => {
            // The record may be of the other mode (real work or training): say so, with the way.
            let (note, switch) = if ctx.training {
                (Key::NotFoundInTraining, Key::LeaveTraining)
            } else {
                (Key::NotFoundInReal, Key::EnterTraining)
            };
            let on_switch = {
                let (set, to) = (ctx.set_training.clone(), !ctx.training);
                Callback::from(move |_: MouseEvent| set.emit(to))
            };
            // Said first, as the likelier reason when a tab has just followed another's switch.
            return html! {
                <section><p role="alert">{ t(lang, note) }</p>
                <p><button type="button" onclick={on_switch}>{ t(lang, switch) }</button></p>
                <p><a href={Route::Records.href()}>{ t(lang, Key::BackToLedger) }</a></p></section>
            };
        }
        Load::Failed(m) => {
            return html! {
                <section><p role="alert">{ m.message(lang) }</p>
                <p><a href={Route::Records.href()}>{ t(lang, Key::BackToLedger) }</a></p></section>
            }
        }
        Load::Ready => {}
    }
    let Some(r) = (*record).clone() else { return Html::default() };
    let stage_id = stage_id.unwrap_or_default();
    let Some(stage) = procedure.stage(&stage_id).cloned() else { return Html::default() };
    let report = validate(&r, &procedure, &county);

    let conflict = match &*save_state {
        SaveState::Conflict(theirs) => {
            let keep = {
                let (theirs, record, repo, saver, save_state, save_now) = (
                    theirs.clone(),
                    record.clone(),
                    ctx.repo.clone(),
                    saver.clone(),
                    save_state.clone(),
                    save_now.clone(),
                );
                let procedure = ctx.repo.procedure().clone();
                Callback::from(move |_: MouseEvent| {
                    let Some(mut mine) = (*record).clone() else { return };
                    repo.accept_stored(&mine.id, theirs.revision);
                    let edit = Edit::Supersede { revision: theirs.revision };
                    let rules = repo.settings.borrow().rules;
                    if mine.apply(&procedure, &rules, edit, super::now()).is_err() {
                        return;
                    }
                    saver.borrow_mut().latest = Some(mine.clone());
                    record.set(Some(mine));
                    save_state.set(SaveState::Pending);
                    save_now();
                })
            };
            let take = {
                let (theirs, record, repo, saver, save_state) =
                    (theirs.clone(), record.clone(), ctx.repo.clone(), saver.clone(), save_state.clone());
                Callback::from(move |_: MouseEvent| {
                    repo.accept_stored(&theirs.id, theirs.revision);
                    repo.discard_local(&theirs.id);
                    saver.borrow_mut().latest = None;
                    saver.borrow_mut().saved = theirs.revision;
                    record.set(Some((*theirs).clone()));
                    save_state.set(SaveState::Saved);
                })
            };
            html! {
                <div class="conflict" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-body" tabindex="-1" ref={dialog.clone()}>
                    <h3 id="conflict-title">{ t(lang, Key::ConflictTitle) }</h3>
                    <p id="conflict-body">{ tf(lang, Key::ConflictBody, &[&theirs.revision]) }</p>
                    <div class="actions">
                        <button type="button" onclick={keep}>{ t(lang, Key::ConflictKeepMine) }</button>
                        <button type="button" onclick={take}>{ t(lang, Key::ConflictTakeTheirs) }</button>
                    </div>
                </div>
            }
        }
        SaveState::Deleted => {
            let restore = {
                let (record, repo, saver, save_state, save_now) =
                    (record.clone(), ctx.repo.clone(), saver.clone(), save_state.clone(), save_now.clone());
                Callback::from(move |_: MouseEvent| {
                    let Some(mine) = (*record).clone() else { return };
                    repo.forget_stored(&mine.id);
                    saver.borrow_mut().deleted = false;
                    saver.borrow_mut().latest = Some(mine);
                    save_state.set(SaveState::Pending);
                    save_now();
                })
            };
            // Whether this page had edits of its own decides what there is to restore.
            let body = if saver.borrow().dirty() {
                Key::DeletedElsewhereUnsaved
            } else {
                Key::DeletedElsewhereShown
            };
            html! {
                <div class="conflict" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-body" tabindex="-1" ref={dialog.clone()}>
                    <h3 id="conflict-title">{ t(lang, Key::DeletedElsewhere) }</h3>
                    <p id="conflict-body">{ t(lang, body) }</p>
                    <div class="actions">
                        <button type="button" onclick={restore}>{ t(lang, Key::RestoreHere) }</button>
                        <a href={Route::Records.href()}>{ t(lang, Key::BackToLedger) }</a>
                    </div>
                </div>
            }
        }
        _ => Html::default(),
    };
    let status_text = match &*save_state {
        SaveState::Saved => t(lang, Key::Saved).to_owned(),
        SaveState::Reloaded => t(lang, Key::ReloadedOther).to_owned(),
        SaveState::Pending => t(lang, Key::Saving).to_owned(),
        SaveState::Failed(m) => format!("{}：{}", t(lang, Key::SaveFailed), m.message(lang)),
        SaveState::Conflict(_) => t(lang, Key::ConflictTitle).to_owned(),
        SaveState::Deleted => t(lang, Key::DeletedElsewhere).to_owned(),
    };

    let category = match &r.matter.category {
        Some(c) => crate::i18n::category_name(lang, r.matter.id.as_deref(), c).to_owned(),
        None => t(lang, Key::UnlabelledGroup).to_owned(),
    };
    let on_export = {
        let (repo, r) = (ctx.repo.clone(), r.clone());
        Callback::from(move |_: MouseEvent| {
            let opinions =
                repo.opinions.borrow().iter().filter(|o| r.opinions.contains(&o.id)).cloned().collect();
            let place = repo.settings.borrow().place();
            let envelope =
                crate::domain::transfer::export(std::slice::from_ref(&r), opinions, &place, super::now());
            let name = format!("协商记录-{}.json", r.id);
            super::download(&name, &crate::domain::transfer::to_json(&envelope), "application/json");
        })
    };
    let digest = crate::domain::transfer::short_digest(&crate::domain::transfer::digest(&r));
    let colon = if lang == Lang::Zh { "：" } else { ": " };
    html! {
        <article class="editor">
            <p class="crumb"><a href={Route::Records.href()}>{ t(lang, Key::BackToLedger) }</a></p>
            <header class="record-head">
                <h2>{ crate::i18n::matter_name(lang, r.matter.id.as_deref(), &r.matter.name) }</h2>
                <p class="meta">
                    <span>{ t(lang, Key::Category) }{ colon }{ category }</span>
                    if !r.community.is_empty() {
                        <span>{ t(lang, Key::Community) }{ colon }{ &r.community }</span>
                    }
                    <span>{ t(lang, Key::RecordId) }{ colon }{ &r.id }</span>
                    <span>{ t(lang, Key::Revision) }{ colon }{ r.revision }</span>
                    <span class={classes!("save", matches!(*save_state, SaveState::Failed(_)).then_some("error"))} role="status">{ status_text }</span>
                </p>
                <nav class="print-links" aria-label={t(lang, Key::PrintDocuments)}>
                    <span>{ t(lang, Key::PrintDocuments) }{ colon }</span>
                    { for crate::domain::documents::DocKind::of_record(&r).iter().map(|k| {
                        let href = Route::Print { id: r.id.clone(), doc: k.id().to_owned() }.href();
                        html! { <a href={href}>{ crate::domain::documents::doc_title(lang, *k) }</a> }
                    }) }
                </nav>
                <p class="meta">
                    <span>{ t(lang, Key::DigestLabel) }{ colon }<span class="digest">{ digest }</span></span>
                    <button type="button" class="small" onclick={on_export}>{ t(lang, Key::ExportRecord) }</button>
                </p>
                if !r.opinions.is_empty() {
                    <p class="meta">
                        <a href={Route::Opinions.href()}>{ tn(lang, [Key::LinkedOpinionsOne, Key::LinkedOpinions], r.opinions.len() as u64, &[&r.opinions.len()]) }</a>
                    </p>
                }
                if r.is_complete(&procedure) {
                    // What the engine says of the record: carried out (已办结), or closed as
                    // impossible to carry out (未能落实) — never called 已办结.
                    <p class="done-note">{
                        match crate::domain::ledger::standing(&r, &procedure).1 {
                            crate::domain::ledger::Status::Unfulfilled => t(lang, Key::AllDoneUnfulfilled),
                            _ => t(lang, Key::AllDone),
                        }
                    }</p>
                }
                if *upgraded {
                    <p class="upgrade-note" role="status">{ upgrade_note(lang, &procedure, &r) }</p>
                }
            </header>
            { conflict }
            { stepper(lang, &procedure.stages, &r, &report, &stage_id) }
            <div class="stage-wrap" key={format!("{stage_id}-{}", *refusals)}>
                { stage_view(lang, &ctx, &stage, &r, &report, &county, on_edit, heading, (*refusal).as_ref()) }
            </div>
            if let SaveState::Failed(e) = &*save_state {
                // Where the user works (at the foot of the screen), not only in the record's head.
                <div class="save-failed" role="alert">{ tf(lang, Key::SaveFailedHere, &[&e.message(lang)]) }</div>
            }
        </article>
    }
}

fn stage_number(stages: &[Stage], id: &str) -> usize {
    stages.iter().position(|s| s.id == id).map_or(0, |i| i + 1)
}

fn stepper(lang: Lang, stages: &[Stage], r: &Record, report: &Report, current: &str) -> Html {
    html! {
        <nav class="stepper" aria-label={t(lang, Key::StepperLabel)}>
            <ol>
                { for stages.iter().enumerate().map(|(i, s)| {
                    let status = r.stage_status(&s.id);
                    let (class, word) = match status {
                        StageStatus::Completed { .. } => ("completed", t(lang, Key::StageCompleted)),
                        StageStatus::Recheck => ("recheck", t(lang, Key::StageRecheck)),
                        StageStatus::Open => ("open", t(lang, Key::StageOpen)),
                    };
                    let errors = report.errors_of(&s.id).count();
                    let here = s.id == current;
                    let href = Route::Record { id: r.id.clone(), stage: Some(s.id.clone()) }.href();
                    html! {
                        <li class={classes!(class, here.then_some("here"))}>
                            <a href={href} aria-current={here.then_some("step")}>
                                <span class="step-no">{ i + 1 }</span>
                                <span class="step-title">{ data(lang, Data::Stage, &s.id, &s.title) }</span>
                                <span class="step-state">{ word }
                                    if errors > 0 && !matches!(status, StageStatus::Completed { .. }) {
                                        { format!(" · {}", tn(lang, [Key::StepProblemsOne, Key::StepProblems], errors as u64, &[&errors])) }
                                    }
                                </span>
                            </a>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}

#[allow(clippy::too_many_arguments)]
fn stage_view(
    lang: Lang,
    ctx: &Ctx,
    stage: &Stage,
    r: &Record,
    report: &Report,
    county: &crate::domain::CountyRules,
    on_edit: Callback<Edit>,
    heading: NodeRef,
    refusal: Option<&Refusal>,
) -> Html {
    let procedure = &ctx.repo.procedure();
    let number = stage_number(&procedure.stages, &stage.id);
    let completed = r.is_completed(&stage.id);
    let items = stage.items.iter().map(|item| {
        let state = r.item_state(&item.id);
        let (req_class, req_word) = match &item.requirement {
            Requirement::Required => ("required", t(lang, Key::Required)),
            Requirement::Optional => ("optional", t(lang, Key::Optional)),
            Requirement::When { when } if r.holds(procedure, when) => ("required", t(lang, Key::Conditional)),
            Requirement::When { .. } => ("optional", t(lang, Key::ConditionalOff)),
        };
        let name = format!("state-{}", item.id);
        let radio = |value: ItemState, key: Key, suffix: &str| {
            let id = format!("{name}-{suffix}");
            let checked = std::mem::discriminant(&state) == std::mem::discriminant(&value);
            let item_id = item.id.clone();
            let keep_reason = match &state {
                ItemState::NotApplicable { reason } => reason.clone(),
                _ => String::new(),
            };
            let onchange = on_edit.reform(move |_: Event| {
                let state = match &value {
                    ItemState::NotApplicable { .. } => ItemState::NotApplicable { reason: keep_reason.clone() },
                    other => other.clone(),
                };
                Edit::SetItem { item: item_id.clone(), state }
            });
            html! {
                <label class="check" for={id.clone()}>
                    <input type="radio" id={id} name={name.clone()} {checked} disabled={completed} {onchange} />
                    { t(lang, key) }
                </label>
            }
        };
        let reason = match &state {
            ItemState::NotApplicable { reason } => {
                let id = format!("{name}-reason");
                let item_id = item.id.clone();
                let oninput = on_edit.reform(move |e: InputEvent| Edit::SetItem {
                    item: item_id.clone(),
                    state: ItemState::NotApplicable {
                        reason: e.target_unchecked_into::<HtmlTextAreaElement>().value(),
                    },
                });
                html! {
                    <div class="field wide">
                        <label for={id.clone()}>{ t(lang, Key::NaReason) }</label>
                        <textarea id={id} rows="2" value={reason.clone()} disabled={completed} {oninput} />
                    </div>
                }
            }
            _ => Html::default(),
        };
        let fields = if matches!(state, ItemState::NotApplicable { .. }) {
            Html::default()
        } else {
            item.fields
                .iter()
                .map(|field| {
                    // The engine says what is required and what can no longer change (a field a
                    // completed stage shares with one still open stays editable).
                    let required = r.requires(procedure, &field.requirement);
                    let locked = r.field_locked(procedure, &field.id);
                    match &field.kind {
                        FieldKind::Parties { attendance } => parties_editor(
                            lang, procedure, field, &r.parties, *attendance, locked, on_edit.clone(),
                        ),
                        FieldKind::Progress => super::progress::progress_editor(
                            lang, procedure, field, r.progress_by_date(), locked, super::today(), on_edit.clone(),
                        ),
                        _ => {
                            let field_id = field.id.clone();
                            let on_change = on_edit.reform(move |value| Edit::SetValue { field: field_id.clone(), value });
                            // What the latest progress report says is shown, not typed over.
                            let reported = r.filled_by_reports(&field.id);
                            let widget = field_widget(lang, procedure, field, r.value(procedure, &field.id), locked || reported, required, r.suggestion(&field.id), on_change);
                            if reported {
                                html! { <>{ widget }<p class="muted field-note">{ tf(lang, Key::FilledByReport, &[&r.progress.len()]) }</p></> }
                            } else {
                                widget
                            }
                        }
                    }
                })
                .collect::<Html>()
        };
        let problems = report.for_stage(&stage.id).any(|p| match &p.target {
            crate::domain::Target::Item { item: i } | crate::domain::Target::Field { item: i, .. } => *i == item.id,
            _ => false,
        });
        html! {
            <fieldset class={classes!("item", req_class, problems.then_some("has-problem"))} id={format!("item-{}", item.id)} key={item.id.clone()}>
                <legend>
                    <span class="item-label">{ data(lang, Data::Item, &item.id, &item.label) }</span>
                    <span class={classes!("req", req_class)}>{ req_word }</span>
                </legend>
                <p class="cite">{ t(lang, Key::Clause) }{ " " }{ clause_id(lang, &item.clause) }{ if lang == Lang::Zh { "：“" } else { ": “" } }<span lang="zh-CN">{ &item.quote }</span>{ "”" }</p>
                if let Some(clause) = procedure.clauses.iter().find(|c| c.id == item.clause) {
                    <details class="clause-text">
                        <summary>{ t(lang, Key::NoticeText) }{ " " }{ clause_id(lang, &clause.id) }{ " " }{ data(lang, Data::Clause, &clause.id, &clause.title) }</summary>
                        <blockquote lang="zh-CN">{ &clause.text }</blockquote>
                    </details>
                }
                <fieldset class="state">
                    <legend>{ t(lang, Key::ItemState) }</legend>
                    { radio(ItemState::Open, Key::ItemOpen, "open") }
                    { radio(ItemState::Done, Key::ItemDone, "done") }
                    { radio(ItemState::NotApplicable { reason: String::new() }, Key::ItemNa, "na") }
                </fieldset>
                { reason }
                { fields }
                if item.fields.iter().any(|f| f.id == procedure.key_fields.source_summary) && !matches!(state, ItemState::NotApplicable { .. }) {
                    <super::opinions::OpinionLinker record={r.id.clone()} linked={r.opinions.clone()} disabled={completed} on_edit={on_edit.clone()} />
                }
                if let Some(refused) = refusal.filter(|x| x.item.as_deref() == Some(item.id.as_str())) {
                    { refused.view() }
                }
            </fieldset>
        }
    });

    let errors: Vec<_> = report.errors_of(&stage.id).collect();
    let warnings: Vec<_> = report.for_stage(&stage.id).filter(|p| p.severity == Severity::Warning).collect();
    let problem_li = |p: &&crate::domain::Problem| {
        html! { <li>{ crate::i18n::problem_message(lang, p) }<span class="cite">{ if lang == Lang::Zh { "（" } else { " (" } }{ t(lang, Key::Clause) }{ " " }{ clause_id(lang, &p.clause) }{ if lang == Lang::Zh { "）" } else { ")" } }</span></li> }
    };
    let report_html = html! {
        <section class="report" aria-labelledby="report-title">
            <h3 id="report-title">{ t(lang, Key::ReportHeading) }</h3>
            if errors.is_empty() {
                <p class="ok">{ t(lang, Key::ReportClean) }</p>
            } else {
                <p role="status">{ tn(lang, [Key::ReportErrorsOne, Key::ReportErrors], errors.len() as u64, &[&errors.len()]) }</p>
                <ul class="errors">{ for errors.iter().map(problem_li) }</ul>
            }
            if !warnings.is_empty() {
                <p>{ t(lang, Key::ReportWarnings) }</p>
                <ul class="warnings">{ for warnings.iter().map(problem_li) }</ul>
            }
        </section>
    };

    let refused_here = refusal.filter(|x| x.item.is_none()).map(Refusal::view);
    let gate = if completed {
        let at = match r.stage_status(&stage.id) {
            StageStatus::Completed { at } => {
                if lang == Lang::Zh {
                    when::format_date_zh(super::local_date(at))
                } else {
                    when::format_date(super::local_date(at))
                }
            }
            _ => String::new(),
        };
        let stage_id = stage.id.clone();
        let on_reopen = on_edit.reform(move |_: MouseEvent| Edit::ReopenStage(stage_id.clone()));
        html! {
            <div class="gate">
                <p id="gate-why">{ tf(lang, Key::CompletedAt, &[&at]) }</p>
                <button type="button" onclick={on_reopen}>{ t(lang, Key::ReopenStage) }</button>
                { refused_here }
            </div>
        }
    } else {
        let why =
            can_complete(r, procedure, county, &stage.id).err().map(|e| gate_message(lang, procedure, &e));
        let stage_id = stage.id.clone();
        // The editor moves on to the next stage once the engine has accepted the completion.
        let on_complete = on_edit.reform(move |_: MouseEvent| Edit::CompleteStage(stage_id.clone()));
        html! {
            <div class="gate">
                if matches!(r.stage_status(&stage.id), StageStatus::Recheck) {
                    <p class="recheck">{ t(lang, Key::RecheckNote) }</p>
                }
                <button type="button" class="primary" disabled={why.is_some()} aria-describedby="gate-why" onclick={on_complete}>
                    { t(lang, Key::CompleteStage) }
                </button>
                <p id="gate-why" class={classes!(why.is_some().then_some("blocked"))}>
                    { why.unwrap_or_else(|| t(lang, Key::GateReady).to_owned()) }
                </p>
                { refused_here }
            </div>
        }
    };

    html! {
        <section class="stage" aria-labelledby="stage-title">
            <h2 id="stage-title" tabindex="-1" ref={heading}>
                { tf(lang, Key::StageNumber, &[&number]) }{ "　" }{ data(lang, Data::Stage, &stage.id, &stage.title) }
            </h2>
            <p class="cite">{ t(lang, Key::Clause) }{ " " }{ clause_id(lang, &stage.clause) }</p>
            { for items }
            { report_html }
            { gate }
        </section>
    }
}

/// Whether the focus is in a field the user types in (a text box, text area or list), looked for
/// through shadow roots (the app embedded in a host page).
fn typing_in_a_field() -> bool {
    let mut active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    while let Some(inner) = active.as_ref().and_then(|e| e.shadow_root()).and_then(|r| r.active_element()) {
        active = Some(inner);
    }
    active.is_some_and(|e| {
        matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            && e.get_attribute("type").is_none_or(|t| !matches!(t.as_str(), "checkbox" | "radio" | "button"))
    })
}
