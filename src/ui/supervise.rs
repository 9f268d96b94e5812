//! 督办: the results whose deadline has passed without being carried out (逾期), then those due
//! within the county's days, each with its 公函, its 催办 and the latest progress report. What is
//! due is the engine's (`ledger::supervision`); this page only lays it out.

use super::repo::Ctx;
use super::route::Route;
use crate::domain::documents::{date_in, progress_line};
use crate::domain::ledger::{supervision, Due};
use crate::i18n::{t, tf, tn, Key};
use yew::prelude::*;

/// The 督办 page.
#[component]
pub fn SupervisePage() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.lang;
    let repo = ctx.repo.clone();
    let procedure = repo.procedure().clone();
    let within = repo.settings.borrow().rules.supervise_within();
    let set = repo.settings.borrow().rules.supervise_days.is_some();
    let today = super::today();
    let rows = repo.summaries.borrow();
    let listed = supervision(&rows, today, within);
    let overdue = listed.iter().filter(|(d, _)| matches!(d, Due::Overdue(_))).count();
    let body = listed.iter().map(|(due, s)| {
        let (class, due_text) = match due {
            Due::Overdue(n) => {
                ("overdue", tn(lang, [Key::SuperviseOverdueOne, Key::SuperviseOverdue], *n as u64, &[n]))
            }
            Due::Soon(0) => ("due", t(lang, Key::SuperviseDueToday).to_owned()),
            Due::Soon(n) => ("due", tn(lang, [Key::SuperviseDueInOne, Key::SuperviseDueIn], *n as u64, &[n])),
        };
        let sup = s.supervision.clone().unwrap_or_else(|| crate::domain::ledger::Supervision {
            implementer: String::new(),
            letter_date: None,
            letter_ref: String::new(),
            reminder_date: None,
            last_report: None,
        });
        let letter = match (sup.letter_date, sup.letter_ref.as_str()) {
            (Some(d), "") => date_in(lang, d),
            (Some(d), r) => format!("{}　{r}", date_in(lang, d)),
            (None, _) => t(lang, Key::SuperviseNoLetter).to_owned(),
        };
        let last = sup
            .last_report
            .as_ref()
            .map(|r| progress_line(lang, &procedure, r))
            .unwrap_or_else(|| t(lang, Key::SuperviseNoReport).to_owned());
        let topic = if s.topic.is_empty() { s.matter.clone() } else { s.topic.clone() };
        let record = Route::Record { id: s.id.clone(), stage: Some("s5".into()) }.href();
        let reminder = match sup.reminder_date {
            Some(d) => html! {
                <a href={Route::Print { id: s.id.clone(), doc: "reminder".into() }.href()}>
                    { tf(lang, Key::SuperviseReminded, &[&date_in(lang, d)]) }
                </a>
            },
            // A 催办 follows a 公函 (it is refused before one): the 公函 first.
            None if sup.letter_date.is_none() => html! {
                <a href={record.clone()}>{ t(lang, Key::SuperviseIssueLetter) }</a>
            },
            None if matches!(due, Due::Overdue(_)) => html! {
                <a href={record.clone()}>{ t(lang, Key::SuperviseIssueReminder) }</a>
            },
            None => html! { { t(lang, Key::SuperviseNoReminder) } },
        };
        html! {
            <tr class={class} key={s.id.clone()}>
                <td class="nowrap"><strong>{ due_text }</strong></td>
                <td><a href={record}>{ topic }</a><br /><span class="muted">{ &s.community }</span></td>
                <td>{ if sup.implementer.is_empty() { "—".to_owned() } else { sup.implementer.clone() } }</td>
                <td class="nowrap">{ s.deadline.map(|d| date_in(lang, d)).unwrap_or_default() }</td>
                <td>{ letter }</td>
                <td>{ last }</td>
                <td>{ reminder }</td>
            </tr>
        }
    });
    html! {
        <section class="supervise" aria-labelledby="supervise-heading">
            <h2 id="supervise-heading">{ t(lang, Key::SuperviseHeading) }</h2>
            <p class="intro">{
                if set { tn(lang, [Key::SuperviseIntroOne, Key::SuperviseIntro], within as u64, &[&within]) } else { tf(lang, Key::SuperviseIntroDefault, &[&within, &within]) }
            }</p>
            <p role="status">{ tf(lang, Key::SuperviseCounts, &[&overdue, &(listed.len() - overdue)]) }</p>
            if listed.is_empty() {
                <p class="muted">{ t(lang, Key::SuperviseNone) }</p>
            } else {
                // On a phone the table scrolls sideways, from the keyboard too (a named group).
                <div class="table-wrap" tabindex="0" role="group" aria-label={tf(lang, Key::TableOf, &[&t(lang, Key::NavSupervise)])}>
                    <table class="records supervise-table">
                        <thead><tr>
                            <th scope="col">{ t(lang, Key::SuperviseColDue) }</th>
                            <th scope="col">{ t(lang, Key::SuperviseColTopic) }</th>
                            <th scope="col">{ t(lang, Key::SuperviseColImplementer) }</th>
                            <th scope="col">{ t(lang, Key::ColDeadline) }</th>
                            <th scope="col">{ t(lang, Key::SuperviseColLetter) }</th>
                            <th scope="col">{ t(lang, Key::SuperviseColReport) }</th>
                            <th scope="col">{ t(lang, Key::SuperviseColReminder) }</th>
                        </tr></thead>
                        <tbody>{ for body }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}
