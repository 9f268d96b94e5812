//! The catalogue page: categories and matters of the list in use, with the template's flaws
//! flagged beside the rows they concern, and a search as you type.

use super::repo::Ctx;
use super::route::Route;
use crate::domain::catalogue::{Catalogue, Entry, Flaw};
use crate::domain::record::{MatterCopy, Record};
use crate::i18n::{catalogue_title, category_name, data, flaw_tag, matter_name, t, tf, Data, Key, Lang};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`CatalogueView`].
#[derive(Properties)]
pub struct CatalogueViewProps {
    /// The list to show.
    pub catalogue: Rc<Catalogue>,
    /// Called with a matter's id when the user starts a consultation on it; without it the
    /// list is read-only.
    #[prop_or_default]
    pub on_start: Option<Callback<String>>,
}

// The same list is the same `Rc` (a changed list is a new one): no deep comparison.
impl PartialEq for CatalogueViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.catalogue, &other.catalogue) && self.on_start == other.on_start
    }
}

/// The catalogue grouped by category, flags visible.
#[component]
pub fn CatalogueView(props: &CatalogueViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let query = use_state(String::new);
    let on_search = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let c = &props.catalogue;
    let on_start = props.on_start.clone();
    let action = |id: &str| -> Html {
        match &on_start {
            Some(cb) => {
                let id = id.to_owned();
                let onclick = cb.reform(move |_: MouseEvent| id.clone());
                html! { <td class="action"><button type="button" {onclick}>{ t(lang, Key::StartConsultation) }</button></td> }
            }
            None => Html::default(),
        }
    };
    let action_head =
        on_start.is_some().then(|| html! { <th scope="col" class="action">{ t(lang, Key::ColAction) }</th> });
    let slot_action = on_start.is_some().then(|| html! { <td class="action"></td> });
    let needle = query.trim();
    let searching = !needle.is_empty();
    let count = c.matters().count();
    let flags = |id: &str| -> Html {
        c.flaws_of(id)
            .map(|f: &Flaw| html! { <span class="flag" title={data(lang, Data::Flaw, &f.id, &f.note).to_owned()}>{ flaw_tag(lang, f.kind) }</span> })
            .collect()
    };

    let groups: Html = c
        .groups
        .iter()
        .filter_map(|g| {
            let rows: Vec<Html> = g
                .entries
                .iter()
                .filter(|e| match e {
                    Entry::Matter(m) => m.retired.is_none() && crate::domain::catalogue::matches(g, m, needle),
                    Entry::Slot(_) => !searching,
                })
                .map(|e| match e {
                    Entry::Matter(m) => html! {
                        <tr key={m.id.clone()} class="matter">
                            <td class="num">{ number(lang, m.number) }</td>
                            <td class="name">{ matter_name(lang, Some(&m.id), &m.name) }</td>
                            <td class="remark">
                                { if m.remark.is_empty() { Html::default() } else { html! { <span>{ &m.remark }</span> } } }
                                { for [
                                    (m.hints.cross_village, Key::HintCross),
                                    (m.hints.technical, Key::HintTechnical),
                                    (m.hints.wide_reaching, Key::HintWide),
                                ].into_iter().filter(|(on, _)| *on).map(|(_, k)| html! { <span class="hint">{ t(lang, k) }</span> }) }
                                { flags(&m.id) }
                            </td>
                            { action(&m.id) }
                        </tr>
                    },
                    Entry::Slot(s) => html! {
                        <tr key={s.id.clone()} class="slot">
                            <td class="num">{ number(lang, s.number) }</td>
                            <td class="name blank">{ t(lang, Key::BlankRow) }</td>
                            <td class="remark">{ flags(&s.id) }</td>
                            { slot_action.clone() }
                        </tr>
                    },
                })
                .collect();
            if rows.is_empty() {
                return None;
            }
            let heading_id = format!("group-{}", g.id);
            let label = match &g.label {
                Some(l) => html! { { category_name(lang, None, l) } },
                None => html! { <span class="unlabelled">{ t(lang, Key::UnlabelledGroup) }</span> },
            };
            Some(html! {
                <section class="group" key={g.id.clone()} aria-labelledby={heading_id.clone()}>
                    <h3 id={heading_id}>{ label }{ flags(&g.id) }</h3>
                    <table class="matters">
                        <thead>
                            <tr>
                                <th scope="col" class="num">{ t(lang, Key::ColNumber) }</th>
                                <th scope="col">{ t(lang, Key::ColMatter) }</th>
                                <th scope="col" class="remark">{ t(lang, Key::ColRemark) }</th>
                                { action_head.clone() }
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </section>
            })
        })
        .collect::<Vec<_>>()
        .into_iter()
        .collect();
    let nothing_found = searching && c.search(needle).next().is_none();

    html! {
        <section class="catalogue" aria-labelledby="catalogue-heading">
            <h2 id="catalogue-heading">{ t(lang, Key::CatalogueHeading) }</h2>
            <p class="intro">{ t(lang, if c.is_template() { Key::CatalogueIntro } else { Key::CatalogueIntroCounty }) }</p>
            <p class="meta">
                <span class="title">{ catalogue_title(lang, &c.title) }</span>
                <span class="source">{
                    if lang != Lang::Zh && c.source == crate::domain::Catalogue::template_ref().source {
                        t(lang, Key::TemplateSource).to_owned()
                    } else {
                        c.source.clone()
                    }
                }</span>
                if !c.is_template() {
                    <span class="version">{ tf(lang, Key::ListVersion, &[&c.version, &c.dated.map(crate::domain::when::format_date).unwrap_or_default()]) }</span>
                }
                <span class="count">{ format!("{}：{}", t(lang, Key::MatterCount), count) }</span>
            </p>
            <div class="search">
                <label for="catalogue-search">{ t(lang, Key::SearchLabel) }</label>
                <input id="catalogue-search" type="search" value={(*query).clone()}
                    placeholder={t(lang, Key::SearchPlaceholder)} oninput={on_search} />
            </div>
            if nothing_found {
                <p class="empty" role="status">{ t(lang, Key::NoMatch) }</p>
            }
            { groups }
            if !searching {
                <section class="flaws" aria-labelledby="flaws-heading">
                    <h3 id="flaws-heading">{ t(lang, Key::FlawsHeading) }</h3>
                    <p>{ t(lang, Key::FlawsIntro) }</p>
                    <ul>
                        { for c.flaws.iter().map(|f| html! {
                            <li key={f.id.clone()}>
                                <span class="flag">{ flaw_tag(lang, f.kind) }</span>{ data(lang, Data::Flaw, &f.id, &f.note) }
                                if let Some(r) = &f.resolution {
                                    <span class="resolved">{ tf(lang, Key::FlawResolvedAs, &[&r.note, &crate::domain::when::format_date(r.on)]) }</span>
                                }
                            </li>
                        }) }
                    </ul>
                </section>
            }
        </section>
    }
}

fn number(lang: Lang, n: Option<u32>) -> Html {
    match n {
        Some(n) => html! { { n } },
        // The row's flag says why it has none; the cell only marks the gap.
        None => html! { <span class="no-number" title={t(lang, Key::NoNumber)}>{ "—" }</span> },
    }
}

/// Starts a record on a matter (发起协商): made, stored, then opened in the editor. Left
/// untouched, it is discarded again as the user leaves it (see the editor).
fn start_record(ctx: &Ctx, matter: MatterCopy) {
    let (repo, refresh) = (ctx.repo.clone(), ctx.refresh.clone());
    let place = repo.settings.borrow().place();
    let record =
        Record::start(super::new_id("r"), repo.procedure(), matter, &place, repo.is_training(), super::now());
    yew::platform::spawn_local(async move {
        // Even when storage fails the record is kept in memory, so the editor opens.
        let _ = repo.save(&record, None).await;
        repo.note_started(&record);
        refresh.emit(());
        Route::Record { id: record.id.clone(), stage: None }.go();
    });
}

/// The catalogue page: the list in use, "发起协商" on every matter, and a path for a matter the
/// list does not name (其他事项).
#[component]
pub fn CataloguePage() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.lang;
    let other = use_state(String::new);
    let message = use_state(|| None::<String>);
    let start = {
        let ctx = ctx.clone();
        Callback::from(move |matter: MatterCopy| start_record(&ctx, matter))
    };
    let on_start = {
        let (catalogue, start) = (ctx.repo.catalogue(), start.clone());
        Callback::from(move |id: String| {
            if let Some((g, m)) = catalogue.matter(&id) {
                start.emit(MatterCopy::of(&catalogue, g, m));
            }
        })
    };
    let on_other_input = {
        let other = other.clone();
        Callback::from(move |e: InputEvent| other.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_other = {
        let (catalogue, other, message) = (ctx.repo.catalogue(), other.clone(), message.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = other.trim().to_owned();
            if name.is_empty() {
                message.set(Some(t(lang, Key::OtherMatterEmpty).to_owned()));
                return;
            }
            message.set(None);
            start.emit(MatterCopy {
                catalogue: catalogue.id.clone(),
                catalogue_version: catalogue.version,
                id: None,
                number: None,
                name,
                category: Some(crate::domain::catalogue::OTHER_MATTER.to_owned()),
                hints: Default::default(),
            });
        })
    };
    html! {
        <>
            <CatalogueView catalogue={ctx.repo.catalogue()} on_start={Some(on_start)} />
            <section class="other-matter card" aria-labelledby="other-heading">
                <h3 id="other-heading">{ t(lang, Key::OtherMatterHeading) }</h3>
                <p>{ t(lang, Key::OtherMatterIntro) }</p>
                <form class="row" onsubmit={on_other}>
                    <div class="field">
                        <label for="other-name">{ t(lang, Key::OtherMatterName) }</label>
                        <input type="text" id="other-name" value={(*other).clone()} oninput={on_other_input} />
                    </div>
                    <button type="submit" class="primary">{ t(lang, Key::StartConsultation) }</button>
                </form>
                if let Some(m) = (*message).clone() {
                    <p class="message error" role="alert">{ m }</p>
                }
            </section>
        </>
    }
}
