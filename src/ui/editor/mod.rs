//! The record editor: a stepper of the five stages, each stage's checklist rendered from the
//! procedure data, the live report under it, and the stage gate. Every edit goes through the
//! engine and is saved within a second; a save never overwrites a revision another tab stored.
//!
//! The page runs the editor's session (`domain::session`: what is stored when, what other tabs
//! did, what the user is asked) with `use_reducer`, and carries out the effects it asks for in
//! one place ([`Runner`]); the session's answers come back to it as events.
//! - `stepper`: the five stages; `stage`: a stage's checklist and report; `gate`: the gate panel
//!   and the words of a refused edit; `dialog`: the question after another tab's change.

mod dialog;
mod gate;
mod stage;
mod stepper;

use super::repo::{Ctx, Repo};
use super::route::{listen, Route};
use super::storage::{SaveOutcome, StoreError};
use super::tabs::TabMessage;
use crate::domain::procedure::Procedure;
use crate::domain::record::Record;
use crate::domain::session::{Effect, Env, Event, Heard, Load, Outcome, Session, Status};
use crate::domain::validate::validate;
use crate::i18n::{t, tf, tn, Key, Lang};
use gate::Refusal;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`EditorPage`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// Record id.
    pub id: String,
    /// Stage to show; the current one when `None`.
    pub stage: Option<String>,
}

/// The session as the page holds it, with the effects its last step asked for.
#[derive(Clone, Default)]
struct Live {
    session: Session<StoreError>,
    effects: Vec<Effect>,
}

impl Reducible for Live {
    type Action = (Event<StoreError>, Env);

    fn reduce(self: Rc<Self>, (event, env): Self::Action) -> Rc<Self> {
        let (session, effects) = Rc::unwrap_or_clone(self).session.step(event, &env);
        Rc::new(Live { session, effects })
    }
}

/// The page's monotonic clock in milliseconds.
fn clock_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or_else(js_sys::Date::now, |p| p.now())
}

/// Sends the session its events and carries out the effects each step asks for.
#[derive(Clone)]
struct Runner {
    live: UseReducerHandle<Live>,
    repo: Rc<Repo>,
    refresh: Callback<()>,
    id: String,
}

impl Runner {
    fn env(&self) -> Env {
        let (rules, place) = {
            let s = self.repo.settings.borrow();
            (s.rules, s.place())
        };
        Env { procedure: self.repo.procedure().clone(), rules, place, now: super::now(), clock: clock_ms() }
    }

    /// One step of the session, then its effects (the handle reads the state the dispatch left).
    fn send(&self, event: Event<StoreError>) {
        self.live.dispatch((event, self.env()));
        let effects = self.live.effects.clone();
        for effect in effects {
            self.run(effect);
        }
    }

    /// Runs `future` and sends the event it comes to, if any.
    fn answer(&self, future: impl std::future::Future<Output = Option<Event<StoreError>>> + 'static) {
        let me = self.clone();
        yew::platform::spawn_local(async move {
            if let Some(event) = future.await {
                me.send(event);
            }
        });
    }

    fn run(&self, effect: Effect) {
        let (repo, id) = (self.repo.clone(), self.id.clone());
        match effect {
            Effect::Store { record, generation } => self.answer(async move {
                let outcome = match repo.save(&record, None).await {
                    Ok(SaveOutcome::Saved) => Outcome::Saved,
                    Ok(SaveOutcome::Conflict(theirs)) => Outcome::Conflict(theirs),
                    Ok(SaveOutcome::Deleted) => Outcome::Deleted,
                    Err(e) => Outcome::Failed(e),
                };
                Some(Event::Stored { generation, revision: record.revision, outcome })
            }),
            Effect::Wake { after_ms, generation } => self.answer(async move {
                yew::platform::time::sleep(std::time::Duration::from_millis(after_ms as u64)).await;
                Some(Event::Wake { generation })
            }),
            Effect::Fetch => {
                self.answer(async move { repo.stored_record(&id).await.ok().flatten().map(Event::Fetched) })
            }
            Effect::Journal(record) => repo.journal_now(&record),
            Effect::Working(record) => repo.set_working(Some(record)),
            Effect::Accept { revision } => repo.accept_stored(&id, revision),
            Effect::DiscardLocal => repo.discard_local(&id),
            Effect::ForgetStored => repo.forget_stored(&id),
            Effect::Refresh => self.refresh.emit(()),
            Effect::DiscardIfUntouched { revision } => {
                if repo.discard_untouched(&id, revision) {
                    let refresh = self.refresh.clone();
                    yew::platform::spawn_local(async move {
                        let _ = repo.delete(&id).await;
                        refresh.emit(());
                    });
                }
            }
            Effect::Show(stage) => Route::Record { id, stage: Some(stage) }.go(),
            // A host page is told whether the record is a practice one (培训练习).
            Effect::StageCompleted { record, stage, training } => super::embed::host_event(
                "stage-completed",
                serde_json::json!({ "record": record, "stage": stage, "training": training }),
            ),
            Effect::RecordCompleted { record, training } => super::embed::host_event(
                "record-completed",
                serde_json::json!({ "record": record, "training": training }),
            ),
            // The field typed in, now drawn afresh with what is stored.
            Effect::FocusField(field) => super::focus_later(format!("f-{field}")),
            // The question takes the focus (the dialog itself, not one of its choices, so that a
            // key pressed by habit chooses nothing), so that keyboard users meet it at once; but
            // not from a field the user is typing in: it comes unasked, from another tab, and
            // typing goes on where it was (the dialog is in view at the foot of the screen and
            // read out by the record's status line).
            Effect::FocusDialog => {
                if !typing_in_a_field() {
                    super::focus_later(dialog::QUESTION.to_owned());
                }
            }
            Effect::FocusHeading => super::focus_later("stage-title".to_owned()),
        }
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

/// The record editor page.
#[component]
pub fn EditorPage(props: &EditorProps) -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.lang;
    let live = use_reducer(Live::default);
    let runner = Runner {
        live: live.clone(),
        repo: ctx.repo.clone(),
        refresh: ctx.refresh.clone(),
        id: props.id.clone(),
    };
    let send = {
        let runner = runner.clone();
        Callback::from(move |event| runner.send(event))
    };
    let heading = use_node_ref();
    let first_render = use_mut_ref(|| true);

    // Load the record (with the edits a closing page journalled); the session stores what needs
    // storing. Set up once: the page is keyed by the record.
    {
        let runner = runner.clone();
        use_effect_with((), move |_| {
            let (repo, id) = (runner.repo.clone(), runner.id.clone());
            runner.answer(async move {
                Some(match repo.record(&id).await {
                    Ok(Some((record, journalled))) => Event::Found { record, journalled },
                    Ok(None) => Event::Missing,
                    Err(e) => Event::LoadFailed(e),
                })
            });
        });
    }

    // Hiding the page journals what is unsaved; leaving the editor for another page of the app
    // (a print view, the ledger) stores it now, and discards a record only looked at. Another
    // tab's word on this record goes to the session. The state is read when an event arrives,
    // not when the listener was set up.
    {
        let runner = runner.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("window");
            let hidden = {
                let r = runner.clone();
                move |_| r.send(Event::Hidden)
            };
            let a = listen(&window, "pagehide", hidden.clone());
            let b = window.document().map(|d| listen(&d, "visibilitychange", hidden));
            let heard = {
                let r = runner.clone();
                super::tabs::hear(runner.repo.name(), move |message| match message {
                    TabMessage::Saved { id, revision } if id == r.id => {
                        r.send(Event::Heard(Heard::Saved { revision }))
                    }
                    TabMessage::Deleted { id, .. } if id == r.id => r.send(Event::Heard(Heard::Deleted)),
                    _ => {}
                })
            };
            move || {
                drop((a, b, heard));
                let still_on_record = match super::route::current() {
                    Route::Record { id, .. } | Route::Print { id, .. } => id == runner.id,
                    _ => false,
                };
                runner.send(Event::Left { still_on_record });
            }
        });
    }

    let session = &live.session;
    let repo = &ctx.repo;
    let procedure = repo.procedure().clone();
    let county = repo.settings.borrow().rules;
    let on_edit: Callback<crate::domain::record::Edit> = send.reform(Event::Edit);

    let stage_id = session.record.as_ref().map(|r| {
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

    match &session.load {
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
    let Some(r) = session.record.clone() else { return Html::default() };
    let stage_id = stage_id.unwrap_or_default();
    let Some(stage) = procedure.stage(&stage_id).cloned() else { return Html::default() };
    let report = validate(&r, &procedure, &county);
    let refusal = session.refused.as_ref().map(|x| Refusal::of(lang, &procedure, &x.edit, &x.error));

    let status_text = match &session.status {
        Status::Saved => t(lang, Key::Saved).to_owned(),
        Status::Reloaded => t(lang, Key::ReloadedOther).to_owned(),
        Status::Pending => t(lang, Key::Saving).to_owned(),
        Status::Failed(m) => format!("{}：{}", t(lang, Key::SaveFailed), m.message(lang)),
        Status::Conflict(_) => t(lang, Key::ConflictTitle).to_owned(),
        Status::Deleted => t(lang, Key::DeletedElsewhere).to_owned(),
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
            super::download(&name, &crate::domain::transfer::to_json(envelope), "application/json");
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
                    <span class={classes!("save", matches!(session.status, Status::Failed(_)).then_some("error"))} role="status">{ status_text }</span>
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
                if session.upgraded {
                    <p class="upgrade-note" role="status">{ upgrade_note(lang, &procedure, &r) }</p>
                }
            </header>
            { dialog::question(lang, &session.status, session.dirty(), &send) }
            { stepper::stepper(lang, &procedure.stages, &r, &report, &stage_id) }
            <div class="stage-wrap" key={format!("{stage_id}-{}", session.refusals)}>
                { stage::stage_view(lang, &ctx, &stage, &r, &report, &county, on_edit, heading, refusal.as_ref()) }
            </div>
            if let Status::Failed(e) = &session.status {
                // Where the user works (at the foot of the screen), not only in the record's head.
                <div class="save-failed" role="alert">{ tf(lang, Key::SaveFailedHere, &[&e.message(lang)]) }</div>
            }
        </article>
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
