//! 培训练习: training mode (its own database, marked on every screen and printout, wiped in one
//! step), the worked cases, and the blank checklists of the five stages to print.

use super::repo::Ctx;
use super::route::Route;
use super::Message;
use crate::domain::documents;
use crate::domain::training::{self, Case, Text};
use crate::i18n::{data, matter_name, t, tf, Data, Key, Lang};
use std::rc::Rc;
use yew::prelude::*;

/// The case to open once training mode has loaded (one click from real mode opens a case).
const PENDING_CASE: &str = "xieshang:training-case";

fn text(lang: Lang, text: Text) -> &'static str {
    match lang {
        Lang::Zh => text.zh,
        Lang::En => text.en,
    }
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// Makes the case's record in the training database and opens it at the case's stage.
fn open_case(ctx: &Ctx, case: &'static Case) {
    let repo = ctx.repo.clone();
    let refresh = ctx.refresh.clone();
    let Some(record) =
        training::open(case.id, &repo.procedure(), &repo.catalogue(), super::new_id("t"), super::now())
    else {
        return;
    };
    yew::platform::spawn_local(async move {
        // Even when storage fails the record is kept in memory, so the editor opens.
        let _ = repo.save(&record, None).await;
        refresh.emit(());
        Route::Record { id: record.id.clone(), stage: Some(case.stage.to_owned()) }.go();
    });
}

/// The training page.
#[component]
pub fn TrainingPage() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.lang;
    let confirming = use_state(|| false);
    let message = use_state(|| None::<Message>);
    // A case asked for from real mode: open it now that the training data is loaded.
    {
        let ctx = ctx.clone();
        use_effect_with(ctx.training, move |training| {
            if *training {
                let pending = session().and_then(|s| {
                    let id = s.get_item(PENDING_CASE).ok().flatten();
                    let _ = s.remove_item(PENDING_CASE);
                    id
                });
                if let Some(case) = pending.as_deref().and_then(training::case) {
                    open_case(&ctx, case);
                }
            }
        });
    }
    let on_enter = {
        let set = ctx.set_training.clone();
        Callback::from(move |_: MouseEvent| set.emit(true))
    };
    let on_wipe = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(true);
            // The question takes the focus; the safe answer (取消) is where it lands.
            super::focus_later("wipe-cancel".into());
        })
    };
    let on_dialog_key = {
        let confirming = confirming.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                confirming.set(false);
                super::focus_later("wipe-training".into());
            } else {
                // The question keeps the focus until it is answered.
                super::keep_tab_within(&e, "wipe-confirm", "wipe-cancel");
            }
        })
    };
    let on_cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            super::focus_later("wipe-training".into());
        })
    };
    let on_confirm = {
        let (ctx, confirming, message) = (ctx.clone(), confirming.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            // Only the training database is ever wiped.
            if !ctx.training {
                return;
            }
            let (repo, refresh, confirming, message) =
                (ctx.repo.clone(), ctx.refresh.clone(), confirming.clone(), message.clone());
            yew::platform::spawn_local(async move {
                match repo.wipe().await {
                    Ok(()) => message.set(Some(Message::Info(t(lang, Key::Wiped).to_owned()))),
                    Err(e) => message.set(Some(Message::Error(format!(
                        "{}{}",
                        t(lang, Key::StorageFailed),
                        e.message(lang)
                    )))),
                }
                confirming.set(false);
                super::focus_later("wipe-training".into());
                refresh.emit(());
            });
        })
    };
    let catalogue = ctx.repo.catalogue();
    let procedure = ctx.repo.procedure().clone();
    // The practice records past their case's stage, read to tell a mended gap from a changed
    // story (`Case::attempt`).
    let past: Vec<(&'static str, String)> = if ctx.training {
        let rows = ctx.repo.summaries.borrow();
        training::CASES
            .iter()
            .flat_map(|case| {
                let at = procedure.stage_index(case.stage).unwrap_or(0);
                rows.iter()
                    .filter(|s| s.topic == case.topic)
                    .filter(|s| {
                        s.stage.as_deref().and_then(|st| procedure.stage_index(st)).is_none_or(|i| i > at)
                    })
                    .map(|s| (case.id, s.id.clone()))
                    .collect::<Vec<_>>()
            })
            .collect()
    } else {
        Vec::new()
    };
    let verdicts = use_state(std::collections::BTreeMap::<String, training::Attempt>::new);
    {
        let (verdicts, repo) = (verdicts.clone(), ctx.repo.clone());
        use_effect_with((past, ctx.tick), move |(past, _)| {
            let past = past.clone();
            yew::platform::spawn_local(async move {
                let procedure = repo.procedure().clone();
                let mut found = std::collections::BTreeMap::new();
                for (case_id, id) in past {
                    if let (Some(case), Ok(Some((record, _)))) =
                        (training::case(case_id), repo.record(&id).await)
                    {
                        found.insert(id, case.attempt(&record, &procedure));
                    }
                }
                verdicts.set(found);
            });
        });
    }
    let case_view = |case: &'static Case| {
        let on_open = {
            let ctx = ctx.clone();
            Callback::from(move |_: MouseEvent| {
                if ctx.training {
                    open_case(&ctx, case);
                } else {
                    if let Some(s) = session() {
                        let _ = s.set_item(PENDING_CASE, case.id);
                    }
                    ctx.set_training.emit(true);
                }
            })
        };
        let stage = procedure
            .stage(case.stage)
            .map(|s| {
                let n = procedure.stage_index(&s.id).unwrap_or(0) + 1;
                format!("{}　{}", tf(lang, Key::StageNumber, &[&n]), data(lang, Data::Stage, &s.id, &s.title))
            })
            .unwrap_or_default();
        let matter = catalogue
            .matter(case.matter)
            .or_else(|| crate::domain::Catalogue::template_ref().matter(case.matter))
            .map(|(_, m)| matter_name(lang, Some(&m.id), &m.name).to_owned())
            .unwrap_or_default();
        let heading = format!("case-{}", case.id);
        // The trainee's attempts at this case (in training), and whether each got past the gap.
        let case_stage = procedure.stage_index(case.stage).unwrap_or(0);
        let attempts: Vec<(String, bool)> = if ctx.training {
            ctx.repo
                .summaries
                .borrow()
                .iter()
                .filter(|s| s.topic == case.topic)
                .map(|s| {
                    let past = s
                        .stage
                        .as_deref()
                        .and_then(|st| procedure.stage_index(st))
                        .is_none_or(|i| i > case_stage);
                    (s.id.clone(), past)
                })
                .collect()
        } else {
            Vec::new()
        };
        html! {
            <li class="card case" aria-labelledby={heading.clone()}>
                <h4 id={heading}>{ text(lang, case.title) }</h4>
                <p class="muted">{ tf(lang, Key::CaseMatter, &[&matter]) }{ "　" }{ tf(lang, Key::CaseStage, &[&stage]) }</p>
                <p>{ text(lang, case.situation) }</p>
                <p><strong>{ t(lang, Key::CaseTask) }</strong>{ text(lang, case.task) }</p>
                <button type="button" class="primary" onclick={on_open}
                    aria-label={tf(lang, Key::OpenCaseNamed, &[&text(lang, case.title)])}>{ t(lang, Key::OpenCase) }</button>
                if !attempts.is_empty() {
                    <ul class="attempts">
                        { for attempts.iter().enumerate().map(|(n, (id, past))| html! {
                            <li>
                                <a href={Route::Record { id: id.clone(), stage: Some(case.stage.to_owned()) }.href()}>
                                    { tf(lang, Key::CaseAttempt, &[&(n + 1)]) }
                                </a>
                                { "　" }
                                { match (*past, verdicts.get(id)) {
                                    (false, _) => html! { <span class="muted">{ t(lang, Key::CaseOpen) }</span> },
                                    (true, Some(training::Attempt::SituationChanged)) => html! {
                                        <span class="changed">{ t(lang, Key::CaseSituationChanged) }</span>
                                    },
                                    (true, Some(_)) => html! { <span class="solved">{ t(lang, Key::CaseSolved) }</span> },
                                    (true, None) => html! { <span class="muted">{ t(lang, Key::Checking) }</span> },
                                } }
                            </li>
                        }) }
                    </ul>
                }
            </li>
        }
    };
    html! {
        <section class="training-page" aria-labelledby="training-heading">
            <h2 id="training-heading">{ t(lang, Key::TrainingHeading) }</h2>
            <p>{ t(lang, Key::TrainingIntro) }</p>
            if ctx.training {
                // 退出培训练习 is on the training band above every page (one button of that name).
                <p class="message" role="status">{ t(lang, Key::TrainingOnNote) }</p>
            } else {
                <p>{ t(lang, Key::TrainingOffNote) }</p>
                <p><button type="button" class="primary" onclick={on_enter}>{ t(lang, Key::EnterTraining) }</button></p>
            }
            <h3>{ t(lang, Key::CasesHeading) }</h3>
            <ul class="cases">{ for training::CASES.iter().map(case_view) }</ul>
            <h3>{ t(lang, Key::ChecklistsHeading) }</h3>
            <p>{ t(lang, Key::ChecklistsIntro) }</p>
            <p><a class="button" href={Route::TrainingPrint.href()}>{ t(lang, Key::PrintChecklists) }</a></p>
            if ctx.training {
                <h3>{ t(lang, Key::WipeHeading) }</h3>
                <p>{ t(lang, Key::WipeIntro) }</p>
                if *confirming {
                    <div class="confirm" role="alertdialog" aria-labelledby="wipe-question" onkeydown={on_dialog_key}>
                        <p id="wipe-question">{ t(lang, Key::WipeQuestion) }</p>
                        <button type="button" id="wipe-confirm" class="danger" onclick={on_confirm}>{ t(lang, Key::ConfirmWipe) }</button>
                        <button type="button" id="wipe-cancel" onclick={on_cancel}>{ t(lang, Key::Cancel) }</button>
                    </div>
                } else {
                    <p><button type="button" id="wipe-training" class="danger" onclick={on_wipe}>{ t(lang, Key::WipeTraining) }</button></p>
                }
            }
            { Message::view((*message).as_ref()) }
        </section>
    }
}

/// The blank checklists of the five stages, to print or download as Word.
#[component]
pub fn ChecklistPrintPage() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.lang;
    let issuer = ctx.repo.settings.borrow().organisation();
    let doc = documents::checklists(&ctx.repo.procedure(), &issuer, Lang::Zh);
    let english =
        (lang == Lang::En).then(|| Rc::new(documents::checklists(&ctx.repo.procedure(), &issuer, Lang::En)));
    let top = html! { <p><a href={Route::Training.href()}>{ t(lang, Key::BackToTraining) }</a></p> };
    html! { <super::print::PrintView doc={Rc::new(doc)} {english} {top} /> }
}
