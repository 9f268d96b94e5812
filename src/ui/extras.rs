//! The bureau's tools in a second wasm module (`extras`, built from `src/bin/extras.rs`), which a
//! village's first task never needs: the documents of a record (print and Word), the county's
//! list, training, the overview across villages and 核验文书 ([`Route::in_extras`]). Everything
//! a village does first — the catalogue, 发起协商, the editor, the ledgers, 督办 and 设置 — is in
//! the app's own module, so the first task downloads one module.
//!
//! The two modules are two Yew apps side by side, never one inside the other:
//! - **The app** renders its header and, on a page of the extras module, [`ExtrasSlot`] where the
//!   page goes: it fetches the module the first time (says so while it comes, and offers 重试 when
//!   it cannot be had), mounts it once into its own host element placed after the app's root
//!   ([`host_element`]), and from then on tells it what to show ([`show`], on every change of
//!   the route, the database, the language, training mode and the app's data).
//! - **The extras module** ([`mount`]) renders [`ExtrasRoot`] there: the page the route names, with
//!   its own copy of the data (read once per database, read again after the app changed it), its
//!   own `<main>` and footer; on any other route, nothing.
//!
//! Everything that crosses between them is in this file: the module's three exports (`mount`,
//! `send` and `unmount`, in `src/bin/extras.rs`), the two message types [`ToModule`] and
//! [`ToApp`] (JSON, written and read by [`encode`] and [`decode`] only); the names of the page's
//! JavaScript globals the modules share are in [`crate::globals`].

use super::repo::{Ctx, Repo};
use super::route::Route;
use crate::i18n::{t, Key, Lang};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::globals;

/// What the extras module is to show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Showing {
    /// The page, when it is one of the extras module's; `None`: nothing (the app shows its own).
    pub route: Option<Route>,
    /// The IndexedDB database the app has open.
    pub db: String,
    /// The interface language.
    pub lang: Lang,
    /// Training mode.
    pub training: bool,
    /// The user came here from another page of the app (not by opening the page's address): the
    /// page takes the focus, as the app's own pages do.
    pub moved: bool,
}

/// A message from the app to the extras module.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ToModule {
    /// Show this (see [`Showing`]).
    Show(Showing),
}

/// A message from the extras module to the app.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ToApp {
    /// Switch the interface language.
    SetLang(Lang),
    /// Switch training mode on or off.
    SetTraining(bool),
    /// Tell the host page (see `ui::embed`): the event's type and its detail as JSON.
    HostEvent {
        /// The event's type.
        kind: String,
        /// The detail, as JSON text.
        detail: String,
    },
}

/// A message as it crosses: JSON text.
pub fn encode<T: Serialize>(message: &T) -> String {
    serde_json::to_string(message).unwrap_or_default()
}

/// A message as it arrived; `None` for anything else.
pub fn decode<T: for<'de> Deserialize<'de>>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok()
}

// ---------------------------------------------------------------------------------------------
// In the app's module.

/// The extras module as the page's loader gives it.
#[derive(Clone)]
struct Module(JsValue);

/// The module mounted into its host: its handle (with `send` and `unmount`), and the function it
/// calls with [`ToApp`] messages.
struct Mounted {
    handle: JsValue,
    _to_app: Closure<dyn Fn(String)>,
}

thread_local! {
    static MODULE: RefCell<Option<Module>> = const { RefCell::new(None) };
    static MOUNTED: RefCell<Option<Mounted>> = const { RefCell::new(None) };
    /// What the module is to show, as the app last said (sent once it is mounted).
    static SHOWING: RefCell<Option<Showing>> = const { RefCell::new(None) };
    /// The app's context, for the module's messages to reach the latest one.
    static APP: RefCell<Option<Ctx>> = const { RefCell::new(None) };
}

fn method(target: &JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).ok()?.dyn_into::<js_sys::Function>().ok()
}

/// Loads the extras module (once per page; a failed load may be tried again).
async fn load_module() -> Result<Module, ()> {
    if let Some(m) = MODULE.with(|m| m.borrow().clone()) {
        return Ok(m);
    }
    let _busy = super::Busy::new();
    let promise = globals::get(globals::EXTRAS_LOADER)
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&JsValue::NULL).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or(())?;
    let module = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|_| ())?;
    let module = Module(module);
    MODULE.with(|m| *m.borrow_mut() = Some(module.clone()));
    Ok(module)
}

/// The extras module's own element: after the app's root, made the first time.
fn host_element() -> Option<web_sys::Element> {
    let root = super::embed::app_root()?;
    let document = web_sys::window()?.document()?;
    let host = document.create_element("div").ok()?;
    host.set_class_name("xs-extras");
    root.after_with_node_1(&host).ok()?;
    Some(host)
}

/// What the module says, done in the app.
fn from_module(message: ToApp) {
    let Some(ctx) = APP.with(|a| a.borrow().clone()) else { return };
    match message {
        ToApp::SetLang(lang) => ctx.set_lang.emit(lang),
        ToApp::SetTraining(on) => ctx.set_training.emit(on),
        ToApp::HostEvent { kind, detail } => super::embed::host_event_json(&kind, &detail),
    }
}

/// Mounts the module into its host, once per page; true when it is (or already was) mounted.
fn mount_once(module: &Module) -> bool {
    if MOUNTED.with(|m| m.borrow().is_some()) {
        return true;
    }
    let Some(host) = host_element() else { return false };
    let to_app = Closure::<dyn Fn(String)>::new(|text: String| {
        if let Some(message) = decode::<ToApp>(&text) {
            from_module(message);
        }
    });
    let handle =
        method(&module.0, "mount").and_then(|f| f.call2(&JsValue::NULL, &host, to_app.as_ref()).ok());
    match handle {
        Some(handle) => {
            MOUNTED.with(|m| *m.borrow_mut() = Some(Mounted { handle, _to_app: to_app }));
            send_showing();
            true
        }
        None => {
            host.remove();
            false
        }
    }
}

fn send_showing() {
    let Some(showing) = SHOWING.with(|s| s.borrow().clone()) else { return };
    MOUNTED.with(|m| {
        if let Some(mounted) = m.borrow().as_ref() {
            if let Some(send) = method(&mounted.handle, "send") {
                let _ = send.call1(&mounted.handle, &JsValue::from_str(&encode(&ToModule::Show(showing))));
            }
        }
    });
}

/// Tells the extras module (if mounted; else once it is) what to show, and which context its
/// messages reach. The app's shell calls this after each render that changes what to show.
pub fn show(showing: Showing, ctx: &Ctx) {
    APP.with(|a| *a.borrow_mut() = Some(ctx.clone()));
    let changed = SHOWING.with(|s| {
        let mut s = s.borrow_mut();
        let changed = s.as_ref() != Some(&showing);
        *s = Some(showing);
        changed
    });
    if changed {
        send_showing();
    }
}

/// Takes the extras module away (the app is being taken away from a host page).
pub fn unmount() {
    if let Some(mounted) = MOUNTED.with(|m| m.borrow_mut().take()) {
        if let Some(f) = method(&mounted.handle, "unmount") {
            let _ = f.call0(&mounted.handle);
        }
    }
    SHOWING.with(|s| *s.borrow_mut() = None);
    APP.with(|a| *a.borrow_mut() = None);
}

/// Where a page of the extras module goes, in the app: while the module comes, a loading line;
/// when it cannot be fetched, why, and 重试. Once it is mounted, nothing (the page is in the
/// module's own element).
#[component]
pub fn ExtrasSlot() -> Html {
    let lang = use_context::<Ctx>().expect("context").lang;
    // None while loading, Some(false) when the module could not be fetched, Some(true) mounted.
    let state = use_state(|| MOUNTED.with(|m| m.borrow().is_some()).then_some(true));
    let tries = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with(*tries, move |_| {
            let alive = Rc::new(std::cell::Cell::new(true));
            if *state != Some(true) {
                let alive = alive.clone();
                yew::platform::spawn_local(async move {
                    let module = load_module().await;
                    if alive.get() {
                        state.set(Some(module.is_ok_and(|m| mount_once(&m))));
                    }
                });
            }
            move || alive.set(false)
        });
    }
    // When the module cannot be fetched, the focus goes to 重试: the user asked for this page and
    // meets the reason and the way on at once.
    let retry = use_node_ref();
    {
        let retry = retry.clone();
        use_effect_with(*state, move |state| {
            if *state == Some(false) {
                if let Some(b) = retry.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        });
    }
    let on_retry = {
        let (tries, state) = (tries.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            state.set(None);
            tries.set(*tries + 1);
        })
    };
    html! {
        <div class="extras-slot">
            if state.is_none() {
                <p class="loading" role="status">{ t(lang, Key::Loading) }</p>
            }
            if *state == Some(false) {
                <div class="message error" role="alert">
                    <p>{ t(lang, Key::ExtrasFailed) }</p>
                    <button type="button" ref={retry} onclick={on_retry}>{ t(lang, Key::Retry) }</button>
                </div>
            }
        </div>
    }
}

// ---------------------------------------------------------------------------------------------
// In the extras module.

/// The app's function for [`ToApp`] messages.
#[derive(Clone)]
pub struct ToAppFn(js_sys::Function);

impl PartialEq for ToAppFn {
    fn eq(&self, other: &Self) -> bool {
        js_sys::Object::is(&self.0, &other.0)
    }
}

impl ToAppFn {
    fn send(&self, message: &ToApp) {
        let _ = self.0.call1(&JsValue::NULL, &JsValue::from_str(&encode(message)));
    }
}

/// Props of [`ExtrasRoot`].
#[derive(Properties, PartialEq, Clone)]
pub struct ExtrasProps {
    showing: Showing,
    to_app: ToAppFn,
}

/// The extras module's app: the page the route names, with this module's copy of the data.
#[component]
pub fn ExtrasRoot(props: &ExtrasProps) -> Html {
    let showing = &props.showing;
    let route = showing.route.clone().filter(Route::in_extras);
    // The data, read the first time a page is shown, and again for another database; kept between
    // pages, as the records held only in memory when storage fails must be.
    let repo = use_state(|| None::<Rc<Repo>>);
    let read_of = use_mut_ref(|| None::<String>);
    let tick = use_state(|| 0u32);
    let reads = use_state(|| 0u32);
    {
        let (repo, reads, read_of) = (repo.clone(), reads.clone(), read_of.clone());
        let wanted = route.is_some().then(|| showing.db.clone());
        use_effect_with(wanted, move |wanted| {
            let Some(db) = wanted.clone() else { return };
            if read_of.borrow().as_ref() == Some(&db) {
                return;
            }
            *read_of.borrow_mut() = Some(db.clone());
            yew::platform::spawn_local(async move {
                let loaded = Rc::new(Repo::load_with_history(&db).await);
                super::journal_when_hidden(loaded.clone());
                repo.set(Some(loaded));
                reads.set(*reads + 1);
            });
        });
    }
    // What other tabs change — and the app, which tells its changes as another tab's (each
    // module has its own id, `page_tab`) — is taken into the data as it happens, whether a page
    // of this module is on screen or not: only the part that changed is read again.
    {
        let tick = tick.clone();
        super::use_other_tabs((*repo).clone(), Callback::from(move |()| tick.set(tick.wrapping_add(1))));
    }
    // This module's English (its own copy of the strings) installed before it shows English. Until
    // it is (None), a page opened in English shows the loading line rather than a Chinese page
    // for a moment. If it cannot be had, Chinese (the app says why).
    let english = use_state(|| super::english_at_hand().then_some(true));
    {
        let english = english.clone();
        use_effect_with(showing.lang, move |lang| {
            if *lang == Lang::En && !crate::i18n::english_ready() {
                yew::platform::spawn_local(async move {
                    english.set(Some(super::ensure_english().await));
                });
            }
        });
    }
    let lang = if showing.lang == Lang::En && *english != Some(true) { Lang::Zh } else { showing.lang };
    // Another page, reached from another page of the app: it starts at its top with the focus on
    // it (as the app's pages do). Opened by its address, the focus stays where the browser put it.
    let main = use_node_ref();
    {
        let main = main.clone();
        let key = route.as_ref().map(Route::href).filter(|_| showing.moved);
        use_effect_with(key, move |key| {
            if key.is_some() {
                if let Some(main) = main.cast::<web_sys::HtmlElement>() {
                    super::bring_page_into_view(&main);
                }
            }
        });
    }
    let Some(route) = route else { return html! {} };
    let printing = super::printing(&route);
    // The same elements whether the data is read yet or not: the focus given to <main> stays.
    let frame = |banner: Html, content: Html| {
        html! {
            <div class={classes!("extras-app", printing.then_some("printing"), showing.training.then_some("training"))}
                lang={if lang == Lang::En { "en" } else { "zh-CN" }}>
                <div class="extras-banners">{ banner }</div>
                <main id="main" class="app-main" tabindex="-1" ref={main.clone()}>{ content }</main>
                <footer class="app-footer"><p>{ t(lang, Key::SourceNote) }</p></footer>
            </div>
        }
    };
    let data = (*repo).clone().filter(|r| r.name() == showing.db);
    let Some(data) = data.filter(|_| showing.lang != Lang::En || english.is_some()) else {
        return frame(html! {}, html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> });
    };
    let to_app = props.to_app.clone();
    // After a change here: this module's page re-renders (the app hears of it as another tab's
    // change).
    let refresh = {
        let tick = tick.clone();
        Callback::from(move |()| tick.set(tick.wrapping_add(1)))
    };
    let set_lang = {
        let to_app = to_app.clone();
        Callback::from(move |l: Lang| to_app.send(&ToApp::SetLang(l)))
    };
    let set_training = {
        let to_app = to_app.clone();
        Callback::from(move |on: bool| to_app.send(&ToApp::SetTraining(on)))
    };
    let ctx = Ctx {
        repo: data,
        tick: *tick,
        refresh,
        generation: *reads,
        lang,
        set_lang,
        training: showing.training,
        set_training,
    };
    let page = match &route {
        Route::Print { id, doc } => {
            html! { <super::print::PrintPage key={format!("{id}/{doc}")} id={id.clone()} doc={doc.clone()} /> }
        }
        Route::List => html! { <super::county_list::ListPage /> },
        Route::ListPrint => html! { <super::county_list::ListPrintPage /> },
        Route::Training => html! { <super::training::TrainingPage /> },
        Route::TrainingPrint => html! { <super::training::ChecklistPrintPage /> },
        Route::Overview => html! { <super::overview::OverviewPage /> },
        Route::Verify => html! { <super::verify::VerifyPage /> },
        _ => html! {},
    };
    let provide = |inner: Html| {
        html! {
            <ContextProvider<Lang> context={lang}>
            <ContextProvider<Ctx> context={ctx.clone()}>{ inner }</ContextProvider<Ctx>>
            </ContextProvider<Lang>>
        }
    };
    frame(provide(html! { <super::StorageBanner /> }), provide(page))
}

/// The module's app as mounted; [`ModuleApp::send`] passes it a [`ToModule`] message.
pub struct ModuleApp {
    app: Option<yew::AppHandle<ExtrasRoot>>,
    to_app: ToAppFn,
}

impl ModuleApp {
    /// Takes a message from the app (JSON); anything else is ignored.
    pub fn send(&mut self, message: &str) {
        let Some(ToModule::Show(showing)) = decode::<ToModule>(message) else { return };
        if let Some(app) = self.app.as_mut() {
            app.update(ExtrasProps { showing, to_app: self.to_app.clone() });
        }
    }

    /// Takes the module's app away.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Mounts the module's app into `host` (its own element, beside the app's root); `to_app` takes
/// the [`ToApp`] messages. It shows nothing until the app says what (`send`).
pub fn mount(host: web_sys::Element, to_app: js_sys::Function) -> ModuleApp {
    let to_app = ToAppFn(to_app);
    {
        let to_app = to_app.clone();
        super::embed::forward_events(Box::new(move |kind: &str, detail: &str| {
            to_app.send(&ToApp::HostEvent { kind: kind.to_owned(), detail: detail.to_owned() })
        }));
    }
    // Inside a host page's shadow root, elements are looked up there.
    if let Ok(shadow) = host.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        super::embed::look_up_in(shadow);
    }
    let showing = Showing { route: None, db: String::new(), lang: Lang::Zh, training: false, moved: false };
    let props = ExtrasProps { showing, to_app: to_app.clone() };
    let app = yew::Renderer::<ExtrasRoot>::with_root_and_props(host, props).render();
    ModuleApp { app: Some(app), to_app }
}
