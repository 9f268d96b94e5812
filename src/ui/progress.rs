//! Stage 5's progress reports (落实进展报告): the history as the documents word it, each with a
//! button to take it back while the stage is open, and a form for the next report. The engine
//! checks each report and writes the latest into the stage's fields; this only gathers them.

use super::fields::options_in;
use crate::domain::documents::progress_line;
use crate::domain::procedure::{Choice, Field, Procedure};
use crate::domain::record::{Edit, ProgressReport};
use crate::domain::when::{self, Date};
use crate::i18n::{data, t, tf, tn, Data, Key, Lang};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The reports of a record, oldest first, and (while the stage is open) the form for a new one.
pub fn progress_editor(
    lang: Lang,
    procedure: &Procedure,
    field: &Field,
    reports: Vec<(usize, &ProgressReport)>,
    disabled: bool,
    today: Date,
    on_edit: Callback<Edit>,
) -> Html {
    let add_id = format!("{}-add", field.id);
    let rows = reports.iter().map(|(index, report)| {
        let index = *index;
        let on_remove = {
            let (on_edit, add_id) = (on_edit.clone(), add_id.clone());
            Callback::from(move |_: MouseEvent| {
                on_edit.emit(Edit::RemoveProgress { index });
                super::focus_later(add_id.clone());
            })
        };
        html! {
            <li key={index}>
                <span>{ progress_line(lang, procedure, report) }</span>
                if !disabled {
                    { " " }<button type="button" class="link danger" onclick={on_remove}>
                        { tf(lang, Key::ProgressRemoveOne, &[&crate::domain::documents::date_in(lang, report.date)]) }
                    </button>
                }
            </li>
        }
    });
    let statuses = procedure
        .field(crate::domain::record::fields::IMPLEMENTATION_STATUS)
        .and_then(|(_, _, f)| f.kind.list())
        .map(|list| options_in(lang, procedure, list))
        .unwrap_or_default();
    let on_add = on_edit.reform(Edit::AddProgress);
    html! {
        <div class="progress">
            <p class="parties-label">{ data(lang, Data::Field, &field.id, &field.label) }</p>
            if reports.is_empty() {
                <p class="muted">{ t(lang, Key::ProgressNone) }</p>
            } else {
                <ol class="progress-list">{ for rows }</ol>
            }
            // Said to a screen reader as a report is added or removed.
            <p class="visually-hidden" role="status">{
                if reports.is_empty() { String::new() } else { tn(lang, [Key::ProgressAddedOne, Key::ProgressAdded], reports.len() as u64, &[&reports.len()]) }
            }</p>
            if !disabled {
                <ProgressForm
                    {lang}
                    id={field.id.clone()}
                    {today}
                    {statuses}
                    reporters={options_in(lang, procedure, "reporters")}
                    channels={options_in(lang, procedure, "publicity_channels")}
                    {on_add}
                />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    lang: Lang,
    id: String,
    today: Date,
    statuses: Vec<Choice>,
    reporters: Vec<Choice>,
    channels: Vec<Choice>,
    on_add: Callback<ProgressReport>,
}

/// The next report, kept here until 添加进展报告 hands it to the engine.
#[function_component(ProgressForm)]
fn progress_form(p: &FormProps) -> Html {
    let blank = {
        let (today, reporter, status) = (
            p.today,
            p.reporters.first().map(|c| c.id.clone()).unwrap_or_default(),
            p.statuses.iter().find(|c| c.id == "in_progress").map(|c| c.id.clone()).unwrap_or_default(),
        );
        move || ProgressReport {
            date: today,
            reporter: reporter.clone(),
            status: status.clone(),
            note: String::new(),
            fed_back_on: None,
            published_on: None,
            channels: Vec::new(),
        }
    };
    let draft = use_state({
        let blank = blank.clone();
        move || blank()
    });
    let lang = p.lang;
    let id = |suffix: &str| format!("{}-new-{suffix}", p.id);
    let change = |f: fn(&mut ProgressReport, String)| {
        let draft = draft.clone();
        move |value: String| {
            let mut next = (*draft).clone();
            f(&mut next, value);
            draft.set(next);
        }
    };
    let on_input = |f: fn(&mut ProgressReport, String)| {
        let set = change(f);
        Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_select = |f: fn(&mut ProgressReport, String)| {
        let set = change(f);
        Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_note = {
        let set = change(|r, v| r.note = v);
        Callback::from(move |e: InputEvent| set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let date_text = |d: Option<Date>| d.map(when::format_date).unwrap_or_default();
    let select = |suffix: &str, key: Key, options: &[Choice], current: &str, f| {
        let sid = id(suffix);
        html! {
            <div class="field">
                <label for={sid.clone()}>{ t(lang, key) }</label>
                <select id={sid} onchange={on_select(f)}>
                    { for options.iter().map(|o| html! {
                        <option value={o.id.clone()} selected={o.id == current}>{ &o.label }</option>
                    }) }
                </select>
            </div>
        }
    };
    let date = |suffix: &str, key: Key, value: Option<Date>, f| {
        let did = id(suffix);
        html! {
            <div class="field">
                <label for={did.clone()}>{ t(lang, key) }</label>
                <input type="date" id={did} value={date_text(value)} onchange={on_input(f)} />
            </div>
        }
    };
    let boxes = p.channels.iter().map(|o| {
        let bid = id(&format!("channel-{}", o.id));
        let checked = draft.channels.contains(&o.id);
        let onchange = {
            let (draft, option) = (draft.clone(), o.id.clone());
            let order: Vec<String> = p.channels.iter().map(|c| c.id.clone()).collect();
            Callback::from(move |e: Event| {
                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                let mut next = (*draft).clone();
                next.channels.retain(|c| *c != option);
                if on {
                    next.channels.push(option.clone());
                }
                next.channels.sort_by_key(|c| order.iter().position(|o| o == c));
                draft.set(next);
            })
        };
        html! {
            <label class="check" for={bid.clone()}>
                <input type="checkbox" id={bid} {checked} {onchange} />{ &o.label }
            </label>
        }
    });
    let on_click = {
        let (draft, on_add) = (draft.clone(), p.on_add.clone());
        Callback::from(move |_: MouseEvent| {
            on_add.emit((*draft).clone());
            draft.set(blank());
        })
    };
    html! {
        <fieldset class="progress-new">
            <legend>{ t(lang, Key::ProgressNew) }</legend>
            { date("date", Key::ProgressDate, Some(draft.date), |r, v| {
                if let Some(d) = when::parse_date(&v) { r.date = d }
            }) }
            { select("reporter", Key::ProgressReporter, &p.reporters, &draft.reporter, |r, v| r.reporter = v) }
            { select("status", Key::ProgressStatus, &p.statuses, &draft.status, |r, v| r.status = v) }
            <div class="field wide">
                <label for={id("note")}>{ t(lang, Key::ProgressNote) }</label>
                <textarea id={id("note")} rows="2" value={draft.note.clone()} oninput={on_note} />
            </div>
            { date("fed", Key::ProgressFedBack, draft.fed_back_on, |r, v| r.fed_back_on = when::parse_date(&v)) }
            { date("published", Key::ProgressPublished, draft.published_on, |r, v| r.published_on = when::parse_date(&v)) }
            <fieldset class="field wide choices">
                <legend>{ t(lang, Key::ProgressChannels) }</legend>
                { for boxes }
            </fieldset>
            if draft.note.trim().is_empty() {
                <p class="muted" id={id("hint")}>{ t(lang, Key::ProgressNoteFirst) }</p>
            }
            <button type="button" id={format!("{}-add", p.id)} onclick={on_click}
                disabled={draft.note.trim().is_empty()}
                aria-describedby={draft.note.trim().is_empty().then(|| id("hint"))}>{ t(lang, Key::ProgressAdd) }</button>
        </fieldset>
    }
}
