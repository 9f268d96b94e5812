//! The records ledger (协商台账): every record with its matter, category, village, stage,
//! status, last change and deadline; filters, sorting, counts per status, overdue rows marked;
//! open, copy as a new record, delete with confirmation and undo.

use super::repo::Ctx;
use super::route::Route;
use crate::domain::ledger::{counts, select, Query, SortKey, Status, Summary};
use crate::domain::record::Record;
use crate::domain::when;
use crate::i18n::{category_name, data, matter_by_name, status_word, t, tf, Data, Key};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

const PAGE: usize = 50;

fn status_id(s: Status) -> &'static str {
    match s {
        Status::Consulting => "consulting",
        Status::Implementing => "implementing",
        Status::Completed => "completed",
        Status::Unfulfilled => "unfulfilled",
    }
}

/// The ledger page.
#[component]
pub fn LedgerPage() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.lang;
    let query = use_state(Query::default);
    let page = use_state(|| 0usize);
    let confirming = use_state(|| None::<String>);
    let deleted = use_state(|| None::<Record>);
    let repo = ctx.repo.clone();
    let procedure = repo.procedure().clone();
    let today = super::today();
    let rows = repo.summaries.borrow();
    let picked = select(&rows, &query, &procedure, today);
    let c = counts(&rows, today);

    let set_query = |f: fn(&mut Query, String)| {
        let (query, page) = (query.clone(), page.clone());
        Callback::from(move |value: String| {
            let mut q = (*query).clone();
            f(&mut q, value);
            query.set(q);
            page.set(0);
        })
    };
    let on_text = set_query(|q, v| q.text = v)
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let on_status = set_query(|q, v| {
        q.status = Status::ALL.into_iter().find(|s| status_id(*s) == v);
    })
    .reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    let on_category = set_query(|q, v| q.category = (v != "*").then_some(v))
        .reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    let on_stage = set_query(|q, v| q.stage = (!v.is_empty()).then_some(v))
        .reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    let on_overdue = set_query(|q, v| q.overdue = v == "true")
        .reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked().to_string());

    let sort_button = |key: SortKey, label: Key| {
        let active = query.sort == key;
        let sort = if active {
            if query.descending {
                "descending"
            } else {
                "ascending"
            }
        } else {
            "none"
        };
        let onclick = {
            let query = query.clone();
            Callback::from(move |_: MouseEvent| {
                let mut q = (*query).clone();
                if q.sort == key {
                    q.descending = !q.descending;
                } else {
                    q.sort = key;
                    q.descending = false;
                }
                query.set(q);
            })
        };
        html! {
            <th scope="col" aria-sort={sort}>
                <button type="button" class="sort" {onclick} title={t(lang, Key::SortBy)}>
                    { t(lang, label) }
                    { match sort { "ascending" => " ▲", "descending" => " ▼", _ => "" } }
                </button>
            </th>
        }
    };

    let mut categories: Vec<String> = rows.iter().map(|r| r.category.clone()).collect();
    categories.sort();
    categories.dedup();

    let start = (*page * PAGE).min(picked.len());
    let end = (start + PAGE).min(picked.len());
    let stage_title = |s: &Option<String>| match s {
        Some(id) => procedure
            .stage_index(id)
            .map(|i| {
                format!(
                    "{}·{}",
                    i + 1,
                    data(lang, Data::Stage, &procedure.stages[i].id, &procedure.stages[i].title)
                )
            })
            .unwrap_or_default(),
        None => t(lang, Key::StatusCompleted).to_owned(),
    };

    let row_html = |r: &Summary| {
        let overdue = r.is_overdue(today);
        let open_href = Route::Record { id: r.id.clone(), stage: None }.href();
        let on_copy = {
            let (repo, refresh, id) = (repo.clone(), ctx.refresh.clone(), r.id.clone());
            Callback::from(move |_: MouseEvent| {
                let (repo, refresh, id) = (repo.clone(), refresh.clone(), id.clone());
                yew::platform::spawn_local(async move {
                    let Ok(Some((original, _))) = repo.record(&id).await else { return };
                    let mut copy = original.copy_as_new(&repo.procedure(), super::new_id("r"), super::now());
                    copy.training = repo.is_training();
                    let _ = repo.save(&copy, None).await;
                    refresh.emit(());
                    Route::Record { id: copy.id, stage: None }.go();
                });
            })
        };
        let on_ask = {
            let (confirming, id) = (confirming.clone(), r.id.clone());
            Callback::from(move |_: MouseEvent| {
                confirming.set(Some(id.clone()));
                super::focus_later(format!("confirm-{id}"));
            })
        };
        let asking = confirming.as_deref() == Some(r.id.as_str());
        let on_cancel = {
            let (confirming, id) = (confirming.clone(), r.id.clone());
            Callback::from(move |_: MouseEvent| {
                confirming.set(None);
                super::focus_later(format!("del-{id}"));
            })
        };
        let on_delete = {
            let (repo, refresh, id, confirming, deleted) =
                (repo.clone(), ctx.refresh.clone(), r.id.clone(), confirming.clone(), deleted.clone());
            Callback::from(move |_: MouseEvent| {
                let (repo, refresh, id, confirming, deleted) =
                    (repo.clone(), refresh.clone(), id.clone(), confirming.clone(), deleted.clone());
                yew::platform::spawn_local(async move {
                    if let Ok(Some(record)) = repo.delete(&id).await {
                        deleted.set(Some(record));
                        super::focus_later("undo-delete".into());
                    }
                    confirming.set(None);
                    refresh.emit(());
                });
            })
        };
        let name = if r.topic.is_empty() { r.matter.clone() } else { r.topic.clone() };
        html! {
            <tr key={r.id.clone()} class={classes!(overdue.then_some("overdue"))}>
                <td class="topic">
                    <a href={open_href}>{ matter_by_name(lang, &r.matter) }</a>
                    if !r.topic.is_empty() { <span class="sub">{ &r.topic }</span> }
                </td>
                <td>{ if r.category.is_empty() { t(lang, Key::UnlabelledGroup).to_owned() } else { category_name(lang, None, &r.category).to_owned() } }</td>
                <td>{ &r.community }</td>
                <td>{ stage_title(&r.stage) }</td>
                <td><span class={classes!("status", status_id(r.status))}>{ status_word(lang, r.status) }</span>
                    if overdue { <span class="flag overdue-flag">{ t(lang, Key::Overdue) }</span> }
                </td>
                <td>{ when::format_date(super::local_date(r.updated)) }</td>
                <td>{ r.deadline.map(when::format_date).unwrap_or_default() }</td>
                <td class="actions">
                    if asking {
                        <span role="group" aria-label={tf(lang, Key::DeleteQuestion, &[&name])}>
                            <span class="ask">{ tf(lang, Key::DeleteQuestion, &[&name]) }</span>
                            <button type="button" id={format!("confirm-{}", r.id)} class="danger" onclick={on_delete}>{ t(lang, Key::ConfirmDelete) }</button>
                            <button type="button" onclick={on_cancel}>{ t(lang, Key::Cancel) }</button>
                        </span>
                    } else {
                        <button type="button" onclick={on_copy}>{ t(lang, Key::Copy) }</button>
                        <button type="button" id={format!("del-{}", r.id)} class="danger" onclick={on_ask}>{ t(lang, Key::Delete) }</button>
                    }
                </td>
            </tr>
        }
    };

    let undo = (*deleted).clone().map(|record| {
        let name = record.matter.name.clone();
        let on_undo = {
            let (repo, refresh, deleted) = (repo.clone(), ctx.refresh.clone(), deleted.clone());
            Callback::from(move |_: MouseEvent| {
                let (repo, refresh, deleted, record) =
                    (repo.clone(), refresh.clone(), deleted.clone(), record.clone());
                yew::platform::spawn_local(async move {
                    repo.forget_stored(&record.id);
                    if let Ok(crate::ui::storage::SaveOutcome::Saved) = repo.save(&record, None).await {
                        deleted.set(None);
                    }
                    refresh.emit(());
                });
            })
        };
        html! {
            <div class="toast" role="status">
                { tf(lang, Key::Deleted, &[&name]) }
                <button type="button" id="undo-delete" onclick={on_undo}>{ t(lang, Key::Undo) }</button>
            </div>
        }
    });

    // The ids of the records shown, worked out when they are exported (not on each keystroke).
    let shown = {
        let (repo, query) = (repo.clone(), (*query).clone());
        Callback::from(move |()| {
            let rows = repo.summaries.borrow();
            let procedure = repo.procedure().clone();
            select(&rows, &query, &procedure, super::today()).iter().map(|&i| rows[i].id.clone()).collect()
        })
    };
    let prev = {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(page.saturating_sub(1)))
    };
    let next = {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(*page + 1))
    };

    html! {
        <section class="ledger" aria-labelledby="ledger-heading">
            <h2 id="ledger-heading">{ t(lang, Key::LedgerHeading) }</h2>
            <ul class="counts" aria-label={t(lang, Key::CountsLabel)}>
                <li>{ t(lang, Key::Total) }{ " " }<strong>{ c.total }</strong></li>
                <li>{ t(lang, Key::StatusConsulting) }{ " " }<strong>{ c.consulting }</strong></li>
                <li>{ t(lang, Key::StatusImplementing) }{ " " }<strong>{ c.implementing }</strong></li>
                <li>{ t(lang, Key::StatusCompleted) }{ " " }<strong>{ c.completed }</strong></li>
                if c.unfulfilled > 0 {
                    <li>{ t(lang, Key::StatusUnfulfilled) }{ " " }<strong>{ c.unfulfilled }</strong></li>
                }
                <li class={classes!((c.overdue > 0).then_some("overdue"))}>{ t(lang, Key::Overdue) }{ " " }<strong>{ c.overdue }</strong></li>
            </ul>
            { undo }
            <super::transfer::TransferPanel shown_count={picked.len()} {shown} />
            if rows.is_empty() {
                <p class="empty">{ t(lang, Key::LedgerEmpty) }</p>
            } else {
                <div class="filters">
                    <div class="field">
                        <label for="ledger-text">{ t(lang, Key::FilterText) }</label>
                        <input type="search" id="ledger-text" value={query.text.clone()} oninput={on_text} />
                    </div>
                    <div class="field">
                        <label for="ledger-status">{ t(lang, Key::FilterStatus) }</label>
                        <select id="ledger-status" onchange={on_status}>
                            <option value="" selected={query.status.is_none()}>{ t(lang, Key::All) }</option>
                            { for Status::ALL.iter().map(|s| html! {
                                <option value={status_id(*s)} selected={query.status == Some(*s)}>{ status_word(lang, *s) }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="ledger-category">{ t(lang, Key::FilterCategory) }</label>
                        <select id="ledger-category" onchange={on_category}>
                            <option value="*" selected={query.category.is_none()}>{ t(lang, Key::All) }</option>
                            { for categories.iter().map(|c| html! {
                                <option value={c.clone()} selected={query.category.as_ref() == Some(c)}>
                                    { if c.is_empty() { t(lang, Key::UnlabelledGroup).to_owned() } else { category_name(lang, None, c).to_owned() } }
                                </option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="ledger-stage">{ t(lang, Key::FilterStage) }</label>
                        <select id="ledger-stage" onchange={on_stage}>
                            <option value="" selected={query.stage.is_none()}>{ t(lang, Key::All) }</option>
                            { for procedure.stages.iter().enumerate().map(|(i, s)| html! {
                                <option value={s.id.clone()} selected={query.stage.as_ref() == Some(&s.id)}>{ format!("{}·{}", i + 1, data(lang, Data::Stage, &s.id, &s.title)) }</option>
                            }) }
                        </select>
                    </div>
                    <label class="check" for="ledger-overdue">
                        <input type="checkbox" id="ledger-overdue" checked={query.overdue} onchange={on_overdue} />
                        { t(lang, Key::FilterOverdue) }
                    </label>
                </div>
                if picked.is_empty() {
                    <p class="empty" role="status">{ t(lang, Key::NoRowsMatch) }</p>
                } else {
                    <p class="range" role="status">{ tf(lang, Key::ShowingRows, &[&(start + 1), &end, &picked.len()]) }</p>
                    <div class="table-wrap" tabindex="0" role="group" aria-label={tf(lang, Key::TableOf, &[&t(lang, Key::NavRecords)])}>
                        <table class="records">
                            <thead>
                                <tr>
                                    { sort_button(SortKey::Matter, Key::ColTopic) }
                                    { sort_button(SortKey::Category, Key::Category) }
                                    { sort_button(SortKey::Community, Key::ColCommunity) }
                                    { sort_button(SortKey::Stage, Key::ColStage) }
                                    { sort_button(SortKey::Status, Key::ColStatus) }
                                    { sort_button(SortKey::Updated, Key::ColUpdated) }
                                    { sort_button(SortKey::Deadline, Key::ColDeadline) }
                                    <th scope="col">{ t(lang, Key::ColAction) }</th>
                                </tr>
                            </thead>
                            <tbody>{ for picked[start..end].iter().map(|&i| row_html(&rows[i])) }</tbody>
                        </table>
                    </div>
                    if picked.len() > PAGE {
                        <div class="pager">
                            <button type="button" onclick={prev} disabled={*page == 0}>{ t(lang, Key::PrevPage) }</button>
                            <button type="button" onclick={next} disabled={end >= picked.len()}>{ t(lang, Key::NextPage) }</button>
                        </div>
                    }
                }
            }
        </section>
    }
}
