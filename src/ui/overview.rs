//! 汇总分析: the overview across villages from exported files. Files are read into the page's
//! own overview; nothing here writes to the local records.

use super::repo::Ctx;
use super::transfer::import_error_message;
use super::Message;
use crate::domain::opinion;
use crate::domain::overview::{FileKind, Overview};
use crate::domain::transfer;
use crate::i18n::{t, tf, tn, Key};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

thread_local! {
    /// What was loaded, kept while the user visits other pages (never stored).
    static LOADED: std::cell::RefCell<Rc<Overview>> = std::cell::RefCell::new(Rc::new(Overview::default()));
}

/// The overview page.
#[component]
pub fn OverviewPage() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.lang;
    let overview = use_state(|| LOADED.with(|l| l.borrow().clone()));
    let keep = |o: Rc<Overview>| LOADED.with(|l| *l.borrow_mut() = o);
    let messages = use_state(Vec::<Message>::new);
    let busy = use_state(|| false);
    let on_files = {
        let (overview, messages, busy, procedure) =
            (overview.clone(), messages.clone(), busy.clone(), ctx.repo.procedure().clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(list) = input.files() else { return };
            let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
            input.set_value("");
            if files.is_empty() {
                return;
            }
            let (overview, messages, busy, procedure) =
                (overview.clone(), messages.clone(), busy.clone(), procedure.clone());
            busy.set(true);
            yew::platform::spawn_local(async move {
                let mut next = (**overview).clone();
                let mut said = Vec::new();
                let (mut records, mut opinions) = (0, 0);
                for file in files {
                    let name = file.name();
                    let result = match super::file_text(&file).await {
                        Err(e) => Err(e),
                        Ok(text) => match transfer::file_format(&text).as_deref() {
                            Some(opinion::FILE_FORMAT) => {
                                opinion::parse_ledger_file(&text).map(|f| next.add_opinions(&name, &f))
                            }
                            _ => transfer::parse(&text, &procedure)
                                .map(|p| next.add_records(&name, &p, &procedure)),
                        },
                    };
                    match result {
                        Ok(note) => {
                            records += note.records;
                            opinions += note.opinions;
                            if note.training > 0 {
                                said.push(Message::Error(tf(
                                    lang,
                                    Key::OverviewTraining,
                                    &[&name, &note.training],
                                )));
                            }
                            if note.mismatches > 0 {
                                said.push(Message::Error(tn(
                                    lang,
                                    [Key::OverviewMismatchOne, Key::OverviewMismatch],
                                    note.mismatches as u64,
                                    &[&name, &note.mismatches],
                                )));
                            }
                        }
                        Err(e) => said.push(Message::Error(import_error_message(lang, &name, &e))),
                    }
                }
                said.insert(
                    0,
                    Message::Info(tf(
                        lang,
                        Key::OverviewRead,
                        &[&records, &opinions, &next.record_count(), &next.opinion_count()],
                    )),
                );
                let next = Rc::new(next);
                keep(next.clone());
                overview.set(next);
                messages.set(said);
                busy.set(false);
            });
        })
    };
    let on_clear = {
        let (overview, messages) = (overview.clone(), messages.clone());
        Callback::from(move |_: MouseEvent| {
            keep(Rc::new(Overview::default()));
            overview.set(Rc::new(Overview::default()));
            messages.set(Vec::new());
        })
    };
    let today = super::today();
    let figures = overview.figures(&ctx.repo.procedure(), today);
    let on_csv = {
        let (figures, procedure) = (figures.clone(), ctx.repo.procedure().clone());
        Callback::from(move |_: MouseEvent| {
            let name =
                format!("{}-{}.csv", t(lang, Key::OverviewFileName), crate::domain::when::format_date(today));
            super::download(&name, &figures.csv(&procedure, lang), "text/csv;charset=utf-8");
        })
    };
    let issuer = ctx.repo.settings.borrow().organisation();
    let doc = Rc::new(figures.document(&ctx.repo.procedure(), &issuer, today, crate::i18n::Lang::Zh));
    let english = (lang == crate::i18n::Lang::En)
        .then(|| Rc::new(figures.document(&ctx.repo.procedure(), &issuer, today, crate::i18n::Lang::En)));
    let kind_word = |k: FileKind| match k {
        FileKind::Records => t(lang, Key::KindRecords),
        FileKind::Opinions => t(lang, Key::KindOpinions),
    };
    let top = html! {
        <section class="overview-controls" aria-labelledby="overview-heading">
            <h2 id="overview-heading">{ t(lang, Key::OverviewHeading) }</h2>
            <p>{ t(lang, Key::OverviewIntro) }</p>
            <div class="field">
                <label for="overview-files">{ t(lang, Key::OverviewFiles) }</label>
                <input type="file" id="overview-files" multiple=true accept=".json,application/json"
                    onchange={on_files} disabled={*busy} />
            </div>
            if *busy {
                <p class="message" role="status">{ t(lang, Key::ImportReading) }</p>
            }
            { for messages.iter().map(|m| Message::view(Some(m))) }
            if overview.is_empty() {
                <p class="muted">{ t(lang, Key::OverviewNothing) }</p>
            } else {
                <div class="table-wrap" tabindex="0" role="group" aria-label={tf(lang, Key::TableOf, &[&t(lang, Key::OverviewLoaded)])}>
                <table class="overview-files">
                    <caption>{ t(lang, Key::OverviewLoaded) }</caption>
                    <thead><tr>
                        <th scope="col">{ t(lang, Key::ColFile) }</th>
                        <th scope="col">{ t(lang, Key::ColKind) }</th>
                        <th scope="col">{ t(lang, Key::ColPlace) }</th>
                        <th scope="col">{ t(lang, Key::ColRecords) }</th>
                        <th scope="col">{ t(lang, Key::ColOpinions) }</th>
                        <th scope="col">{ t(lang, Key::ColRepeated) }</th>
                    </tr></thead>
                    <tbody>
                        { for overview.files.iter().map(|f| html! {
                            <tr>
                                <td>{ &f.name }</td>
                                <td>{ kind_word(f.kind) }</td>
                                <td>{ f.place.organisation() }</td>
                                <td>{ f.records }</td>
                                <td>{ f.opinions }</td>
                                <td>{ f.repeated }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                </div>
                <p class="muted">{ t(lang, Key::OverviewLocalNote) }</p>
                <p class="row">
                    <button type="button" onclick={on_csv}>{ t(lang, Key::OverviewExportCsv) }</button>
                    <button type="button" onclick={on_clear}>{ t(lang, Key::OverviewClear) }</button>
                </p>
            }
        </section>
    };
    if overview.is_empty() {
        return top;
    }
    html! { <super::print::PrintView {doc} {english} {top} /> }
}
