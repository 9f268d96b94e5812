//! 核验文书: a paper copy checked against this copy's records by the 校验码 printed on each of its
//! pages (and the record number and revision beside it). The engine decides (domain::verify);
//! this page asks and says.

use super::repo::Ctx;
use super::route::Route;
use crate::domain::documents::describe_change;
use crate::domain::verify::{changes_since, find, Finding};
use crate::domain::when::Zone;
use crate::i18n::{t, tf, Key};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the page found, ready to show.
#[derive(Clone, PartialEq)]
enum Answer {
    Found(Finding),
    /// The changes after the printed revision: (when, revision, what).
    Since {
        finding: Finding,
        printed: u64,
        changes: Vec<(String, u64, String)>,
    },
}

/// The 核验文书 page.
#[component]
pub fn VerifyPage() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.lang;
    let code = use_state(String::new);
    let id = use_state(String::new);
    let revision = use_state(String::new);
    let answer = use_state(|| None::<Answer>);
    // Typing anew clears the last answer: it spoke of what was typed before.
    let input = |state: &UseStateHandle<String>| {
        let (state, answer) = (state.clone(), answer.clone());
        Callback::from(move |e: InputEvent| {
            state.set(e.target_unchecked_into::<HtmlInputElement>().value());
            answer.set(None);
        })
    };
    let on_submit = {
        let (repo, code, id, revision, answer) =
            (ctx.repo.clone(), code.clone(), id.clone(), revision.clone(), answer.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let summaries = repo.summaries.borrow().clone();
            let finding = find(&code, Some(id.as_str()), &summaries);
            let printed = revision.trim().parse::<u64>().ok();
            let (repo, answer) = (repo.clone(), answer.clone());
            match (&finding, printed) {
                (Finding::Changed { id, revision, .. }, Some(printed)) if printed < *revision => {
                    let id = id.clone();
                    yew::platform::spawn_local(async move {
                        let Ok(Some((record, _))) = repo.record(&id).await else {
                            answer.set(Some(Answer::Found(finding)));
                            return;
                        };
                        let changes = changes_since(&record, printed)
                            .iter()
                            .map(|a| {
                                (
                                    super::BrowserZone.minute(a.at),
                                    a.revision,
                                    describe_change(lang, repo.procedure(), &a.change),
                                )
                            })
                            .collect();
                        answer.set(Some(Answer::Since { finding, printed, changes }));
                    });
                }
                _ => answer.set(Some(Answer::Found(finding))),
            }
        })
    };
    let topic_of = |id: &str| {
        ctx.repo
            .summaries
            .borrow()
            .iter()
            .find(|s| s.id == id)
            .map(|s| (s.topic.clone(), s.community.clone()))
    };
    let open = |id: &str| {
        html! { <a href={Route::Record { id: id.to_owned(), stage: None }.href()}>{ t(lang, Key::VerifyOpen) }</a> }
    };
    let said = |finding: &Finding| -> Html {
        match finding {
            Finding::BadCode => html! { <p class="message error">{ t(lang, Key::VerifyBadCode) }</p> },
            Finding::Current { id, revision } => {
                let (topic, community) = topic_of(id).unwrap_or_default();
                html! {
                    <p class="message ok">
                        { tf(lang, Key::VerifyCurrent, &[id, &revision.to_string(), &topic, &community]) }
                        { " " }{ open(id) }
                    </p>
                }
            }
            Finding::Changed { id, revision, code } => html! {
                <p class="message error">
                    { tf(lang, Key::VerifyChanged, &[id, &revision.to_string(), code]) }
                    { " " }{ open(id) }
                </p>
            },
            Finding::UnknownRecord(id) => {
                html! { <p class="message error">{ tf(lang, Key::VerifyUnknownRecord, &[id]) }</p> }
            }
            Finding::NotFound => html! { <p class="message error">{ t(lang, Key::VerifyNotFound) }</p> },
        }
    };
    let result = match &*answer {
        None => Html::default(),
        Some(Answer::Found(finding)) => {
            let hint = matches!(finding, Finding::Changed { .. }).then(|| t(lang, Key::VerifyRevisionHint));
            html! { <>{ said(finding) } if let Some(h) = hint { <p>{ h }</p> }</> }
        }
        Some(Answer::Since { finding, printed, changes }) => html! {
            <>
                { said(finding) }
                <h3>{ tf(lang, Key::VerifySince, &[&printed.to_string()]) }</h3>
                <div class="table-wrap" tabindex="0" role="group" aria-label={tf(lang, Key::VerifySince, &[&printed.to_string()])}>
                    <table class="records">
                        <thead><tr>
                            <th scope="col">{ t(lang, Key::VerifyWhen) }</th>
                            <th scope="col">{ t(lang, Key::VerifyRevision) }</th>
                            <th scope="col">{ t(lang, Key::VerifyWhat) }</th>
                        </tr></thead>
                        <tbody>
                            { for changes.iter().map(|(at, rev, what)| html! {
                                <tr><td>{ at }</td><td>{ rev }</td><td>{ what }</td></tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </>
        },
    };
    html! {
        <section class="verify card" aria-labelledby="verify-heading">
            <h2 id="verify-heading">{ t(lang, Key::NavVerify) }</h2>
            <p>{ t(lang, Key::VerifyIntro) }</p>
            <form class="row" onsubmit={on_submit}>
                <div class="field">
                    <label for="verify-code">{ t(lang, Key::VerifyCode) }</label>
                    <input type="text" id="verify-code" value={(*code).clone()} oninput={input(&code)} autocomplete="off" spellcheck="false" />
                </div>
                <div class="field">
                    <label for="verify-id">{ t(lang, Key::VerifyRecordId) }</label>
                    <input type="text" id="verify-id" value={(*id).clone()} oninput={input(&id)} autocomplete="off" spellcheck="false" />
                </div>
                <div class="field">
                    <label for="verify-revision">{ t(lang, Key::VerifyPrintedRevision) }</label>
                    <input type="text" inputmode="numeric" id="verify-revision" value={(*revision).clone()} oninput={input(&revision)} autocomplete="off" />
                </div>
                <button type="submit" class="primary">{ t(lang, Key::VerifyButton) }</button>
            </form>
            <div role="status" class="verify-result">{ result }</div>
        </section>
    }
}
