//! 核验文书: a paper copy checked against this copy's records by the 校验码 printed on each of its
//! pages (and the record number and revision beside it). The engine decides (domain::verify);
//! this page asks and says. An exported records file is checked the same way, record by record.

use super::repo::Ctx;
use super::route::Route;
use super::transfer::{import_error_message, read_records_file};
use crate::domain::documents::describe_change;
use crate::domain::ledger::Summary;
use crate::domain::record::AuditEntry;
use crate::domain::transfer::ImportError;
use crate::domain::verify::{changes_since, check_copy, find, quick_check, CopyCheck, CopyState, Finding};
use crate::domain::when::Zone;
use crate::i18n::{t, tf, Key};
use std::collections::BTreeMap;
use std::rc::Rc;
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
            <VerifyFile />
        </section>
    }
}

/// What checking a file found: its name and each record checked, or why it could not be read.
#[derive(Clone, PartialEq)]
enum FileAnswer {
    Reading,
    Checked { file: String, checks: Rc<Vec<CopyCheck>> },
    Failed(String),
}

/// How many of a file's records are listed one by one (the counts cover them all).
const LISTED: usize = 200;

/// 核验导出的文件: an exported records file checked, record by record, against what is stored
/// here. The file is only read.
#[component]
fn VerifyFile() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.lang;
    let answer = use_state(|| None::<FileAnswer>);
    let on_file = {
        let (repo, answer) = (ctx.repo.clone(), answer.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            let (repo, answer) = (repo.clone(), answer.clone());
            answer.set(Some(FileAnswer::Reading));
            yew::platform::spawn_local(async move {
                let name = file.name();
                let fail = |e: ImportError| {
                    answer.set(Some(FileAnswer::Failed(import_error_message(lang, &name, &e))));
                };
                let procedure = repo.procedure();
                let parsed = match read_records_file(&file, &procedure).await {
                    Ok(parsed) => parsed,
                    Err(e) => return fail(e),
                };
                let summaries: BTreeMap<String, Summary> =
                    repo.summaries.borrow().iter().map(|s| (s.id.clone(), s.clone())).collect();
                let mut checks = Vec::with_capacity(parsed.envelope.records.len());
                for exported in &parsed.envelope.records {
                    let summary = summaries.get(&exported.record.id);
                    let check = match quick_check(&procedure, exported, summary) {
                        Some(check) => check,
                        None => {
                            let here = repo.local_for_preview(&exported.record.id).await;
                            check_copy(&procedure, exported, here.as_ref())
                        }
                    };
                    checks.push(check);
                }
                answer.set(Some(FileAnswer::Checked { file: name, checks: Rc::new(checks) }));
            });
        })
    };
    let changes = |list: &[AuditEntry]| {
        html! {
            <ul class="changes">
                { for list.iter().map(|a| html! {
                    <li>{ format!("{}　{}　{}", super::BrowserZone.minute(a.at), tf(lang, Key::VerifyFileRevision, &[&a.revision]), describe_change(lang, &ctx.repo.procedure(), &a.change)) }</li>
                }) }
            </ul>
        }
    };
    let row = |c: &CopyCheck| {
        let here = c
            .here
            .map(|r| tf(lang, Key::VerifyFileRevision, &[&r]))
            .unwrap_or_else(|| t(lang, Key::VerifyFileNone).to_owned());
        let said = match &c.state {
            CopyState::Same => html! { <p>{ t(lang, Key::VerifyFileSame) }</p> },
            CopyState::NotHere => html! { <p>{ t(lang, Key::VerifyFileNotHere) }</p> },
            CopyState::Diverged => html! {
                <p>{ tf(lang, Key::VerifyFileDiverged, &[&c.revision, &c.here.unwrap_or_default()]) }</p>
            },
            CopyState::ChangedHere(list) => html! {
                <><p>{ tf(lang, Key::VerifyFileChangedHere, &[&c.revision, &c.here.unwrap_or_default()]) }</p>{ changes(list) }</>
            },
            CopyState::ChangedInFile(list) => html! {
                <><p>{ tf(lang, Key::VerifyFileChangedInFile, &[&c.revision, &c.here.unwrap_or_default()]) }</p>{ changes(list) }</>
            },
        };
        let ok = c.state == CopyState::Same && !c.altered;
        html! {
            <tr class={classes!((!ok).then_some("mismatch"))}>
                <th scope="row">{ &c.id }</th>
                <td>{ &c.topic }</td>
                <td>{ tf(lang, Key::VerifyFileRevisionCode, &[&c.revision, &c.code]) }</td>
                <td>{ here }</td>
                <td>
                    if c.altered { <p class="error">{ t(lang, Key::VerifyFileAltered) }</p> }
                    { said }
                </td>
            </tr>
        }
    };
    let result = match &*answer {
        None => Html::default(),
        Some(FileAnswer::Reading) => html! { <p>{ t(lang, Key::ImportReading) }</p> },
        Some(FileAnswer::Failed(m)) => html! { <p class="message error">{ m }</p> },
        Some(FileAnswer::Checked { file, checks }) => {
            let count = |f: &dyn Fn(&CopyState) -> bool| checks.iter().filter(|c| f(&c.state)).count();
            let altered = checks.iter().filter(|c| c.altered).count();
            let all_same = altered == 0 && checks.iter().all(|c| c.state == CopyState::Same);
            html! {
                <>
                    <p class={classes!("message", if all_same { "ok" } else { "error" })}>
                        { tf(lang, Key::VerifyFileCounts, &[
                            file,
                            &checks.len(),
                            &count(&|s| *s == CopyState::Same),
                            &count(&|s| matches!(s, CopyState::ChangedHere(_))),
                            &count(&|s| matches!(s, CopyState::ChangedInFile(_))),
                            &count(&|s| *s == CopyState::Diverged),
                            &count(&|s| *s == CopyState::NotHere),
                        ]) }
                        if altered > 0 { { " " }{ tf(lang, Key::VerifyFileAlteredCount, &[&altered]) } }
                    </p>
                    if checks.len() > LISTED { <p>{ tf(lang, Key::VerifyFileFirst, &[&LISTED]) }</p> }
                    <div class="table-wrap" tabindex="0" role="group" aria-label={t(lang, Key::VerifyFileHeading)}>
                        <table class="records">
                            <thead><tr>
                                <th scope="col">{ t(lang, Key::VerifyFileRecord) }</th>
                                <th scope="col">{ t(lang, Key::VerifyFileTopic) }</th>
                                <th scope="col">{ t(lang, Key::VerifyFileInFile) }</th>
                                <th scope="col">{ t(lang, Key::VerifyFileHere) }</th>
                                <th scope="col">{ t(lang, Key::VerifyFileResult) }</th>
                            </tr></thead>
                            <tbody>{ for checks.iter().take(LISTED).map(row) }</tbody>
                        </table>
                    </div>
                </>
            }
        }
    };
    html! {
        <section class="verify-file" aria-labelledby="verify-file-heading">
            <h3 id="verify-file-heading">{ t(lang, Key::VerifyFileHeading) }</h3>
            <p>{ t(lang, Key::VerifyFileIntro) }</p>
            <div class="field">
                <label for="verify-file">{ t(lang, Key::VerifyFileLabel) }</label>
                <input type="file" id="verify-file" accept=".json,application/json" onchange={on_file} />
            </div>
            <div role="status" class="verify-file-result">{ result }</div>
        </section>
    }
}
