//! The catalogue page: categories and matters of the list in use, with the template's flaws
//! flagged beside the rows they concern, and a search as you type.

use crate::domain::catalogue::{Catalogue, Entry, Flaw};
use crate::i18n::{flaw_tag, t, Key, Lang};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`CatalogueView`].
#[derive(Properties, PartialEq)]
pub struct CatalogueViewProps {
    /// The list to show.
    pub catalogue: Rc<Catalogue>,
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
    let needle = query.trim();
    let searching = !needle.is_empty();
    let count = c.matters().count();
    let flags = |id: &str| -> Html {
        c.flaws_of(id)
            .map(|f: &Flaw| html! { <span class="flag" title={f.note.clone()}>{ flaw_tag(lang, f.kind) }</span> })
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
                    Entry::Matter(m) => {
                        !searching
                            || m.name.contains(needle)
                            || g.label.as_deref().is_some_and(|l| l.contains(needle))
                    }
                    Entry::Slot(_) => !searching,
                })
                .map(|e| match e {
                    Entry::Matter(m) => html! {
                        <tr key={m.id.clone()} class="matter">
                            <td class="num">{ number(lang, m.number) }</td>
                            <td class="name">{ &m.name }</td>
                            <td class="remark">
                                { if m.remark.is_empty() { Html::default() } else { html! { <span>{ &m.remark }</span> } } }
                                { flags(&m.id) }
                            </td>
                        </tr>
                    },
                    Entry::Slot(s) => html! {
                        <tr key={s.id.clone()} class="slot">
                            <td class="num">{ number(lang, s.number) }</td>
                            <td class="name blank">{ t(lang, Key::BlankRow) }</td>
                            <td class="remark">{ flags(&s.id) }</td>
                        </tr>
                    },
                })
                .collect();
            if rows.is_empty() {
                return None;
            }
            let heading_id = format!("group-{}", g.id);
            let label = match &g.label {
                Some(l) => html! { { l } },
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
            <p class="intro">{ t(lang, Key::CatalogueIntro) }</p>
            <p class="meta">
                <span class="title">{ &c.title }</span>
                <span class="source">{ &c.source }</span>
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
                            <li key={f.id.clone()}><span class="flag">{ flaw_tag(lang, f.kind) }</span>{ &f.note }</li>
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
