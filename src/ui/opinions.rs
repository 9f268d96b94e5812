//! The ledger of residents' opinions (群众意见台账): log what residents raise, by channel, and
//! promote one or more into a consultation topic; a promoted opinion's status follows its record.

use super::repo::Ctx;
use super::route::Route;
use crate::domain::ledger::Status;
use crate::domain::opinion::{promote, Opinion, OpinionStatus};
use crate::domain::record::{MatterCopy, Record};
use crate::domain::when;
use crate::i18n::{t, tf, Key};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The opinion ledger page.
#[component]
pub fn OpinionsPage() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.lang;
    let repo = ctx.repo.clone();
    let procedure = repo.procedure().clone();
    let date = use_state(|| when::format_date(super::today()));
    let channel = use_state(|| "opinion_box".to_owned());
    let who = use_state(String::new);
    let content = use_state(String::new);
    let message = use_state(|| None::<String>);
    let selected = use_state(Vec::<String>::new);
    let matter = use_state(String::new);

    let bind_input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_date = {
        let date = date.clone();
        Callback::from(move |e: Event| date.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_channel = {
        let channel = channel.clone();
        Callback::from(move |e: Event| channel.set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_content = {
        let content = content.clone();
        Callback::from(move |e: InputEvent| {
            content.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_add = {
        let (repo, refresh) = (repo.clone(), ctx.refresh.clone());
        let (date, channel, who, content, message) =
            (date.clone(), channel.clone(), who.clone(), content.clone(), message.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if content.trim().is_empty() {
                message.set(Some(t(lang, Key::OpinionEmpty).to_owned()));
                return;
            }
            let opinion = Opinion {
                id: super::new_id("o"),
                date: when::parse_date(&date).unwrap_or_else(super::today),
                channel: (*channel).clone(),
                who: who.trim().to_owned(),
                content: content.trim().to_owned(),
                status: OpinionStatus::Pending,
                record: None,
                created: super::now(),
            };
            content.set(String::new());
            who.set(String::new());
            message.set(None);
            let (repo, refresh) = (repo.clone(), refresh.clone());
            yew::platform::spawn_local(async move {
                repo.save_opinions(vec![opinion]).await;
                refresh.emit(());
            });
        })
    };

    let on_promote = {
        let (repo, refresh, selected, matter, message) =
            (repo.clone(), ctx.refresh.clone(), selected.clone(), matter.clone(), message.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if selected.is_empty() {
                message.set(Some(t(lang, Key::PromoteNone).to_owned()));
                return;
            }
            let catalogue = repo.catalogue();
            let copy = if *matter == "other" {
                MatterCopy {
                    catalogue: catalogue.id.clone(),
                    catalogue_version: catalogue.version,
                    id: None,
                    number: None,
                    name: crate::domain::catalogue::OTHER_MATTER.to_owned(),
                    category: None,
                    hints: Default::default(),
                }
            } else {
                match catalogue.matter(&matter) {
                    Some((g, m)) => MatterCopy::of(&catalogue, g, m),
                    None => {
                        message.set(Some(t(lang, Key::PromoteNoMatter).to_owned()));
                        return;
                    }
                }
            };
            let now = super::now();
            let place = repo.settings.borrow().place();
            let record =
                Record::start(super::new_id("r"), &repo.procedure(), copy, &place, repo.is_training(), now);
            let mut opinions = repo.opinions.borrow().clone();
            let ids = (*selected).clone();
            let record = promote(&mut opinions, &ids, record, &repo.procedure(), now);
            let changed: Vec<Opinion> = opinions.into_iter().filter(|o| ids.contains(&o.id)).collect();
            selected.set(Vec::new());
            message.set(None);
            let (repo, refresh) = (repo.clone(), refresh.clone());
            yew::platform::spawn_local(async move {
                let _ = repo.save(&record, None).await;
                repo.save_opinions(changed).await;
                refresh.emit(());
                Route::Record { id: record.id.clone(), stage: None }.go();
            });
        })
    };
    let on_matter = {
        let matter = matter.clone();
        Callback::from(move |e: Event| matter.set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };

    let on_export = {
        let repo = repo.clone();
        Callback::from(move |_: MouseEvent| {
            let place = repo.settings.borrow().place();
            let text = crate::domain::opinion::ledger_file(&repo.opinions.borrow(), &place, super::now());
            let name = format!(
                "{}-{}.json",
                t(lang, Key::OpinionsFileName),
                crate::domain::when::format_date(super::today())
            );
            super::download(&name, &text, "application/json");
        })
    };
    let opinions = repo.opinions.borrow();
    let summaries = repo.summaries.borrow();
    let mut sorted: Vec<&Opinion> = opinions.iter().collect();
    sorted.sort_by(|a, b| b.date.cmp(&a.date).then(b.created.cmp(&a.created)));
    let channels = procedure.lists.get("channels").cloned().unwrap_or_default();
    let status_of = |o: &Opinion| -> String {
        match (&o.status, &o.record) {
            (OpinionStatus::Promoted, Some(id)) => match summaries.iter().find(|s| &s.id == id) {
                Some(s) => {
                    let state = match s.status {
                        Status::Completed => t(lang, Key::StatusCompleted).to_owned(),
                        other => crate::i18n::status_word(lang, other).to_owned(),
                    };
                    tf(lang, Key::OpinionInRecord, &[&state])
                }
                None => tf(lang, Key::OpinionInRecord, &[&"—"]),
            },
            (OpinionStatus::Answered { .. }, _) => t(lang, Key::OpinionAnswered).to_owned(),
            _ => t(lang, Key::OpinionPending).to_owned(),
        }
    };

    html! {
        <section class="opinions" aria-labelledby="opinions-heading">
            <h2 id="opinions-heading">{ t(lang, Key::OpinionsHeading) }</h2>
            <p class="intro">{ t(lang, Key::OpinionsIntro) }</p>
            <form class="card" onsubmit={on_add} aria-labelledby="new-opinion">
                <h3 id="new-opinion">{ t(lang, Key::NewOpinion) }</h3>
                <div class="row">
                    <div class="field">
                        <label for="op-date">{ t(lang, Key::OpinionDate) }</label>
                        <input type="date" id="op-date" value={(*date).clone()} onchange={on_date} />
                    </div>
                    <div class="field">
                        <label for="op-channel">{ t(lang, Key::OpinionChannel) }</label>
                        <select id="op-channel" onchange={on_channel}>
                            { for channels.iter().map(|c| html! {
                                <option value={c.id.clone()} selected={*channel == c.id}>{ crate::i18n::option(lang, "channels", &c.id, &c.label) }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="op-who">{ t(lang, Key::OpinionWho) }</label>
                        <input type="text" id="op-who" value={(*who).clone()} oninput={bind_input(&who)} />
                    </div>
                </div>
                <div class="field wide">
                    <label for="op-content">{ t(lang, Key::OpinionContent) }</label>
                    <textarea id="op-content" rows="2" value={(*content).clone()} oninput={on_content} />
                </div>
                <button type="submit" class="primary">{ t(lang, Key::AddOpinion) }</button>
            </form>
            if let Some(m) = (*message).clone() {
                <p class="message" role="alert">{ m }</p>
            }
            if sorted.is_empty() {
                <p class="empty">{ t(lang, Key::NoOpinions) }</p>
            } else {
                <p><button type="button" onclick={on_export}>{ t(lang, Key::ExportOpinions) }</button></p>
                <form class="promote" onsubmit={on_promote} aria-labelledby="promote-heading">
                    <div class="table-wrap" tabindex="0" role="group" aria-label={tf(lang, Key::TableOf, &[&t(lang, Key::NavOpinions)])}>
                        <table class="opinion-table">
                            <thead><tr>
                                <th scope="col">{ t(lang, Key::SelectOpinion) }</th>
                                <th scope="col">{ t(lang, Key::OpinionDate) }</th>
                                <th scope="col">{ t(lang, Key::OpinionChannel) }</th>
                                <th scope="col">{ t(lang, Key::OpinionWho) }</th>
                                <th scope="col">{ t(lang, Key::OpinionContent) }</th>
                                <th scope="col">{ t(lang, Key::OpinionStatus) }</th>
                            </tr></thead>
                            <tbody>
                                { for sorted.iter().map(|o| {
                                    let pending = o.status == OpinionStatus::Pending;
                                    let box_id = format!("sel-{}", o.id);
                                    let onchange = {
                                        let (selected, id) = (selected.clone(), o.id.clone());
                                        Callback::from(move |e: Event| {
                                            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                                            let mut next: Vec<String> = selected.iter().filter(|x| **x != id).cloned().collect();
                                            if on { next.push(id.clone()); }
                                            selected.set(next);
                                        })
                                    };
                                    let label = format!("{} {}", t(lang, Key::SelectOpinion), o.content.chars().take(20).collect::<String>());
                                    html! {
                                        <tr key={o.id.clone()}>
                                            <td>
                                                if pending {
                                                    <input type="checkbox" id={box_id} aria-label={label} checked={selected.contains(&o.id)} {onchange} />
                                                }
                                            </td>
                                            <td>{ when::format_date(o.date) }</td>
                                            <td>{ crate::i18n::option(lang, "channels", &o.channel, procedure.choice_label("channels", &o.channel)) }</td>
                                            <td>{ &o.who }</td>
                                            <td>{ &o.content }</td>
                                            <td>
                                                { status_of(o) }
                                                if let Some(id) = &o.record {
                                                    { " " }<a href={Route::Record { id: id.clone(), stage: None }.href()}>{ t(lang, Key::OpenRecord) }</a>
                                                }
                                            </td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                    </div>
                    <h3 id="promote-heading">{ t(lang, Key::PromoteHeading) }</h3>
                    <div class="row">
                        <div class="field">
                            <label for="promote-matter">{ t(lang, Key::PromoteMatter) }</label>
                            <select id="promote-matter" onchange={on_matter}>
                                <option value="" selected={matter.is_empty()}>{ t(lang, Key::ChooseOne) }</option>
                                { for repo.catalogue().groups.iter().map(|g| html! {
                                    <optgroup label={g.label.as_deref().map(|l| crate::i18n::category_name(lang, None, l).to_owned()).unwrap_or_else(|| t(lang, Key::UnlabelledGroup).to_owned())}>
                                        { for g.entries.iter().filter_map(|e| match e {
                                            crate::domain::Entry::Matter(m) if m.retired.is_none() => Some(html! {
                                                <option value={m.id.clone()} selected={*matter == m.id}>
                                                    { m.number.map(|n| format!("{n}. ")).unwrap_or_default() }{ crate::i18n::matter_name(lang, Some(&m.id), &m.name) }
                                                </option>
                                            }),
                                            _ => None,
                                        }) }
                                    </optgroup>
                                }) }
                                <option value="other" selected={*matter == "other"}>{ t(lang, Key::OtherCategory) }</option>
                            </select>
                        </div>
                        <button type="submit" class="primary">{ t(lang, Key::Promote) }</button>
                    </div>
                </form>
            }
        </section>
    }
}

/// Props of [`OpinionLinker`].
#[derive(Properties, PartialEq)]
pub struct LinkerProps {
    /// The record.
    pub record: String,
    /// The opinions it took up.
    pub linked: Vec<String>,
    /// Stage 1 is completed: nothing more can be taken up.
    pub disabled: bool,
    /// The editor's way to change the record.
    pub on_edit: Callback<crate::domain::record::Edit>,
}

/// In stage 1's item 记入群众意见台账: the opinions of the 群众意见台账 this record took up, and a
/// way to take up a pending one (or, when there is none, why not and where to log one).
#[component]
pub fn OpinionLinker(p: &LinkerProps) -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.lang;
    let repo = ctx.repo.clone();
    let procedure = repo.procedure().clone();
    let chosen = use_state(String::new);
    let opinions = repo.opinions.borrow();
    let linked: Vec<&Opinion> = opinions.iter().filter(|o| p.linked.contains(&o.id)).collect();
    let pending: Vec<&Opinion> =
        opinions.iter().filter(|o| o.status == OpinionStatus::Pending && !p.linked.contains(&o.id)).collect();
    let line = |o: &Opinion| crate::domain::opinion::summary_line(&procedure, o);
    let select_id = format!("link-opinion-{}", p.record);
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| chosen.set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_link = {
        let (chosen, repo, on_edit, record, procedure) =
            (chosen.clone(), repo.clone(), p.on_edit.clone(), p.record.clone(), procedure.clone());
        let first = pending.first().map(|o| o.id.clone()).unwrap_or_default();
        Callback::from(move |_: MouseEvent| {
            let id = if chosen.is_empty() { first.clone() } else { (*chosen).clone() };
            let Some(mut opinion) = repo.opinions.borrow().iter().find(|o| o.id == id).cloned() else {
                return;
            };
            on_edit.emit(crate::domain::opinion::link_edit(&procedure, &opinion));
            // The button may be gone once nothing is left to take up: the focus goes to the list.
            super::focus_later(format!("link-opinion-{record}-taken"));
            crate::domain::opinion::mark_taken_up(&mut opinion, &record);
            chosen.set(String::new());
            let repo = repo.clone();
            yew::platform::spawn_local(async move { repo.save_opinions(vec![opinion]).await });
        })
    };
    html! {
        <div class="opinion-link">
            <p class="parties-label" id={format!("{select_id}-taken")} tabindex="-1">{ t(lang, Key::LinkedOpinionsHeading) }</p>
            if linked.is_empty() {
                <p class="muted">{ t(lang, Key::LinkedOpinionsNone) }</p>
            } else {
                <ul>{ for linked.iter().map(|o| html! { <li key={o.id.clone()}>{ line(o) }</li> }) }</ul>
            }
            if !p.disabled {
                if pending.is_empty() && linked.is_empty() {
                    <p class="muted">{ t(lang, Key::LinkOpinionNonePending) }</p>
                } else if pending.is_empty() {
                    <p class="muted">{ t(lang, Key::LinkOpinionNoOtherPending) }</p>
                } else {
                    <div class="field wide">
                        <label for={select_id.clone()}>{ t(lang, Key::LinkOpinionChoose) }</label>
                        <select id={select_id} onchange={on_choose}>
                            { for pending.iter().map(|o| html! {
                                <option value={o.id.clone()} selected={*chosen == o.id}>{ line(o) }</option>
                            }) }
                        </select>
                    </div>
                    <button type="button" onclick={on_link}>{ t(lang, Key::LinkOpinionButton) }</button>
                }
            }
        </div>
    }
}
