//! The Yew UI: renders the engine's data and reports; it re-implements no rule. Browser only.

mod catalogue;

pub use catalogue::{CatalogueView, CatalogueViewProps};

use crate::domain::Catalogue;
use crate::i18n::{t, Key, Lang};
use std::rc::Rc;
use yew::prelude::*;

/// The whole app.
#[component]
pub fn App() -> Html {
    // Parsed once; the catalogue is shared by reference with every page.
    let catalogue = use_memo((), |_| Catalogue::template());
    let lang = Lang::Zh;
    html! {
        <ContextProvider<Lang> context={lang}>
            <div class="app">
                <header class="app-header">
                    <h1>{ t(lang, Key::AppTitle) }</h1>
                    <p class="tagline">{ t(lang, Key::AppTagline) }</p>
                </header>
                <main id="main" class="app-main">
                    <CatalogueView catalogue={Rc::clone(&catalogue)} />
                </main>
                <footer class="app-footer">
                    <p>{ t(lang, Key::SourceNote) }</p>
                </footer>
            </div>
        </ContextProvider<Lang>>
    }
}

/// Mounts the app on `#app` (or the body), replacing the loading message.
pub fn start() {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    match document.get_element_by_id("app") {
        Some(root) => {
            root.set_text_content(None);
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
