//! The pages used less often, in a second wasm module (`extras`, built from `src/bin/extras.rs`)
//! that the browser fetches the first time one of them is opened: the print views, the
//! county's list, training, the overview across villages, and the ledger's import and export
//! panel. The app's own module then stays small, so the catalogue is on screen sooner.
//!
//! - **In the app's module**: [`Lazy`] stands where such a page (or the panel) goes. It asks the
//!   page's loader (`globalThis.__xieshangExtras`, set by the start script, `embed.js` or the
//!   single file) for the module, mounts the page into its own element, passes it what it needs
//!   as JSON ([`Spec`]: the page, the database, the language, training mode, a change counter)
//!   and the app's callbacks, and takes it away when the page changes.
//! - **In the extras module**: [`mount`] renders [`ExtrasRoot`], which opens the same database
//!   through its own [`Repo`] and gives the page the same [`Ctx`] the app's pages get. After a
//!   change it asks the app to re-read its data (`reload`); the app's change counter tells it to
//!   re-read its own.

use super::repo::{Ctx, Repo};
use crate::domain::record::MatterCopy;
use crate::i18n::{t, Key, Lang};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A page (or panel) that lives in the extras module.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Page {
    /// A printable document of a record.
    Print {
        /// Record id.
        id: String,
        /// Document id.
        doc: String,
    },
    /// 事项清单.
    List,
    /// The filing document of the county's list.
    ListPrint,
    /// 培训练习.
    Training,
    /// The blank checklists.
    TrainingPrint,
    /// 汇总分析.
    Overview,
    /// 核验文书.
    Verify,
    /// 督办.
    Supervise,
    /// 协商台账 (with its import and export panel).
    Records,
    /// 群众意见台账.
    Opinions,
    /// One record in the editor, at a stage (the current one when `None`).
    Record {
        /// Record id.
        id: String,
        /// Stage id.
        stage: Option<String>,
    },
    /// 设置.
    Settings,
    /// A new record on a matter (发起协商 on the catalogue): made, stored, then opened.
    Start {
        /// The matter, as the record keeps it.
        matter: MatterCopy,
    },
}

impl Page {
    /// Whether the page is a whole page (with the storage banner), not a step of another.
    fn whole(&self) -> bool {
        !matches!(self, Page::Start { .. })
    }
}

/// What the app tells the extras module.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spec {
    /// The page.
    pub page: Page,
    /// The IndexedDB database the app has open.
    pub db: String,
    /// The interface language.
    pub lang: Lang,
    /// Training mode.
    pub training: bool,
}

// ---------------------------------------------------------------------------------------------
// In the app's module.

/// Props of [`Lazy`].
#[derive(Properties, PartialEq, Clone)]
pub struct LazyProps {
    /// The page to show.
    pub page: Page,
}

/// The extras module as the page's loader gives it.
#[derive(Clone)]
struct Module(JsValue);

thread_local! {
    static MODULE: RefCell<Option<Module>> = const { RefCell::new(None) };
    /// In the extras module: the data read, by database. It stays for the life of the page, as
    /// the app's data did when these pages were part of it: records held only in memory (storage
    /// failing), the revisions last seen, the record in the editor.
    static READ: RefCell<Option<Rc<Repo>>> = const { RefCell::new(None) };
}

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined())
}

/// Loads the extras module (once per page; a failed load may be tried again).
async fn load_module() -> Result<Module, ()> {
    if let Some(m) = MODULE.with(|m| m.borrow().clone()) {
        return Ok(m);
    }
    let loader =
        get(&js_sys::global(), "__xieshangExtras").and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let promise = loader
        .and_then(|f| f.call0(&JsValue::NULL).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or(())?;
    let module = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|_| ())?;
    let module = Module(module);
    MODULE.with(|m| *m.borrow_mut() = Some(module.clone()));
    Ok(module)
}

/// Has the extras module take up a county's list file from `url` into the database `db` (see
/// [`take_up_list_here`]); true when it did. False too when the module cannot be fetched.
pub async fn take_up_list(db: &str, url: &str) -> bool {
    let Ok(module) = load_module().await else { return false };
    let Some(f) = get(&module.0, "takeUpList").and_then(|f| f.dyn_into::<js_sys::Function>().ok()) else {
        return false;
    };
    let Some(promise) = f
        .call2(&JsValue::NULL, &JsValue::from_str(db), &JsValue::from_str(url))
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.map(|v| v.is_truthy()).unwrap_or(false)
}

/// The app's callbacks as JavaScript functions, for the extras module to call; they always
/// reach the latest context.
struct Bridge {
    ctx: Rc<RefCell<Ctx>>,
    object: js_sys::Object,
    _closures: Vec<Closure<dyn FnMut(JsValue, JsValue)>>,
}

impl Bridge {
    fn new(ctx: Ctx) -> Bridge {
        let ctx = Rc::new(RefCell::new(ctx));
        let object = js_sys::Object::new();
        let mut closures = Vec::new();
        let mut add = |name: &str, f: Box<dyn FnMut(JsValue, JsValue)>| {
            let closure = Closure::wrap(f);
            let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), closure.as_ref());
            closures.push(closure);
        };
        let c = ctx.clone();
        add("reload", Box::new(move |_, _| c.borrow().reload.emit(())));
        let c = ctx.clone();
        add("setTraining", Box::new(move |on: JsValue, _| c.borrow().set_training.emit(on.is_truthy())));
        let c = ctx.clone();
        add(
            "setLang",
            Box::new(move |lang: JsValue, _| {
                let lang = if lang.as_string().as_deref() == Some("en") { Lang::En } else { Lang::Zh };
                c.borrow().set_lang.emit(lang)
            }),
        );
        add(
            "event",
            Box::new(move |kind: JsValue, detail: JsValue| {
                if let Some(kind) = kind.as_string() {
                    super::embed::host_event_json(
                        &kind,
                        &detail.as_string().unwrap_or_else(|| "null".into()),
                    );
                }
            }),
        );
        Bridge { ctx, object, _closures: closures }
    }
}

/// Where a page of the extras module goes: fetches the module the first time, mounts the page,
/// and says so while it loads or when it cannot be fetched.
#[component]
pub fn Lazy(props: &LazyProps) -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.lang;
    let host = use_node_ref();
    // None while loading, Some(false) when the module could not be fetched.
    let state = use_state(|| None::<bool>);
    let tries = use_state(|| 0u32);
    let bridge = use_mut_ref(|| None::<Bridge>);
    let handle = use_mut_ref(|| None::<JsValue>);
    let spec =
        Spec { page: props.page.clone(), db: ctx.repo.name().to_owned(), lang, training: ctx.training };
    let json = serde_json::to_string(&spec).unwrap_or_default();
    // The latest spec, for a mount that finishes after later renders.
    let latest = use_mut_ref(String::new);
    latest.borrow_mut().clone_from(&json);
    if let Some(b) = bridge.borrow().as_ref() {
        *b.ctx.borrow_mut() = ctx.clone();
    }
    // Mount once the module is there; take the page away when this place goes.
    {
        let (host, state, bridge, handle, ctx, latest) =
            (host.clone(), state.clone(), bridge.clone(), handle.clone(), ctx.clone(), latest.clone());
        use_effect_with(*tries, move |_| {
            let alive = Rc::new(std::cell::Cell::new(true));
            {
                let alive = alive.clone();
                let handle = handle.clone();
                yew::platform::spawn_local(async move {
                    let module = load_module().await;
                    if !alive.get() {
                        return;
                    }
                    let (Ok(module), Some(element)) = (module, host.cast::<web_sys::Element>()) else {
                        state.set(Some(false));
                        return;
                    };
                    let b = Bridge::new(ctx);
                    let json = latest.borrow().clone();
                    let mount = get(&module.0, "mount").and_then(|f| f.dyn_into::<js_sys::Function>().ok());
                    let mounted = mount.and_then(|f| {
                        f.call3(&JsValue::NULL, &element, &JsValue::from_str(&json), &b.object).ok()
                    });
                    match mounted {
                        Some(h) => {
                            *handle.borrow_mut() = Some(h);
                            *bridge.borrow_mut() = Some(b);
                            state.set(Some(true));
                        }
                        None => state.set(Some(false)),
                    }
                });
            }
            move || {
                alive.set(false);
                if let Some(h) = handle.borrow_mut().take() {
                    if let Some(f) = get(&h, "unmount").and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
                        let _ = f.call0(&h);
                    }
                }
            }
        });
    }
    // Tell the mounted page what changed.
    {
        let handle = handle.clone();
        use_effect_with(json, move |json| {
            if let Some(h) = handle.borrow().as_ref() {
                if let Some(f) = get(h, "update").and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
                    let _ = f.call1(h, &JsValue::from_str(json));
                }
            }
        });
    }
    // When the module cannot be fetched, the focus goes to 重试: the user asked for this page
    // (or for 发起协商) and meets the reason and the way on at once.
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
        <>
            if *state == None {
                <p class="loading" role="status">{ t(lang, Key::Loading) }</p>
            }
            if *state == Some(false) {
                <div class="message error" role="alert">
                    <p>{ t(lang, Key::ExtrasFailed) }</p>
                    <button type="button" ref={retry} onclick={on_retry}>{ t(lang, Key::Retry) }</button>
                </div>
            }
            <div class="extras" ref={host}></div>
        </>
    }
}

// ---------------------------------------------------------------------------------------------
// In the extras module.

/// The app's callbacks, as the app gave them.
#[derive(Clone)]
struct Host(JsValue);

impl PartialEq for Host {
    fn eq(&self, other: &Self) -> bool {
        js_sys::Object::is(&self.0, &other.0)
    }
}

impl Host {
    fn call(&self, name: &str, a: JsValue, b: JsValue) {
        if let Some(f) = get(&self.0, name).and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
            let _ = f.call2(&JsValue::NULL, &a, &b);
        }
    }
}

/// Props of [`ExtrasRoot`].
#[derive(Properties, PartialEq, Clone)]
pub struct ExtrasProps {
    spec: Spec,
    host: Host,
}

/// A page of the extras module, with its own copy of the data.
#[component]
pub fn ExtrasRoot(props: &ExtrasProps) -> Html {
    let spec = &props.spec;
    // The data read once per database, for every page of this module.
    let db = spec.db.clone();
    let repo = use_state(|| READ.with(|r| r.borrow().clone().filter(|r| r.name() == db)));
    let tick = use_state(|| 0u32);
    // Each read of the data counted: pages that read a record once read it again.
    let reads = use_state(|| 0u32);
    // The county's list the app was last told of.
    let list_seen = use_mut_ref(|| None::<Rc<crate::domain::Catalogue>>);
    let page_number = use_state(|| PAGES.with(|p| p.replace(p.get() + 1) + 1));
    {
        let mine = *page_number;
        use_effect_with((), move |_| {
            move || {
                ON_CHANGE.with(|c| {
                    let mut c = c.borrow_mut();
                    if c.as_ref().is_some_and(|(n, _)| *n == mine) {
                        *c = None;
                    }
                })
            }
        });
    }
    {
        let (repo, reads) = (repo.clone(), reads.clone());
        use_effect_with(db, move |db| {
            let cached = READ.with(|r| r.borrow().clone().filter(|r| r.name() == db));
            match cached {
                Some(r) => {
                    if !repo.as_ref().is_some_and(|have| Rc::ptr_eq(have, &r)) {
                        repo.set(Some(r));
                    }
                }
                None => {
                    let reading = read(db);
                    yew::platform::spawn_local(async move {
                        let loaded = reading.await;
                        reads.set(*reads + 1);
                        repo.set(Some(loaded));
                    });
                }
            }
        });
    }
    // This module's English (its own copy of the strings) installed before it shows English. Until
    // it is (None), a page opened in English shows the loading line rather than a Chinese page for
    // a moment; one already shown stays as it is until then. If it cannot be had, Chinese (the
    // app says why).
    let english = use_state(|| super::english_at_hand().then_some(true));
    let shown = use_mut_ref(|| false);
    {
        let english = english.clone();
        use_effect_with(spec.lang, move |lang| {
            if *lang == Lang::En && !crate::i18n::english_ready() {
                yew::platform::spawn_local(async move {
                    english.set(Some(super::ensure_english().await));
                });
            }
        });
    }
    let lang = if spec.lang == Lang::En && *english != Some(true) { Lang::Zh } else { spec.lang };
    let data = (*repo).clone().filter(|r| r.name() == spec.db);
    let Some(data) = data.filter(|_| spec.lang != Lang::En || english.is_some() || *shown.borrow()) else {
        return html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> };
    };
    *shown.borrow_mut() = true;
    let host = props.host.clone();
    // After a change: this module's pages re-render; the app re-reads what it shows (the
    // county's list) when that changed.
    let refresh = {
        let (tick, host, data, list) = (tick.clone(), host.clone(), data.clone(), list_seen.clone());
        if list.borrow().is_none() {
            *list.borrow_mut() = Some(data.catalogue());
        }
        Callback::from(move |()| {
            tick.set(tick.wrapping_add(1));
            let now = data.catalogue();
            if !list.borrow().as_ref().is_some_and(|l| Rc::ptr_eq(l, &now)) {
                *list.borrow_mut() = Some(now);
                host.call("reload", JsValue::UNDEFINED, JsValue::UNDEFINED);
            }
        })
    };
    let set_lang = {
        let host = host.clone();
        Callback::from(move |l: Lang| {
            host.call(
                "setLang",
                JsValue::from_str(if l == Lang::En { "en" } else { "zh" }),
                JsValue::UNDEFINED,
            )
        })
    };
    let set_training = {
        let host = host.clone();
        Callback::from(move |on: bool| host.call("setTraining", JsValue::from_bool(on), JsValue::UNDEFINED))
    };
    // This page shows what other tabs change (see `hear_other_tabs`) while it is on screen.
    ON_CHANGE.with(|c| *c.borrow_mut() = Some((*page_number, refresh.clone())));
    let ctx = Ctx {
        repo: data,
        tick: *tick,
        refresh: refresh.clone(),
        reload: refresh,
        generation: *reads,
        lang,
        set_lang,
        training: spec.training,
        set_training,
    };
    let page = match &spec.page {
        Page::Print { id, doc } => {
            html! { <super::print::PrintPage key={format!("{id}/{doc}")} id={id.clone()} doc={doc.clone()} /> }
        }
        Page::List => html! { <super::county_list::ListPage /> },
        Page::ListPrint => html! { <super::county_list::ListPrintPage /> },
        Page::Training => html! { <super::training::TrainingPage /> },
        Page::TrainingPrint => html! { <super::training::ChecklistPrintPage /> },
        Page::Overview => html! { <super::overview::OverviewPage /> },
        Page::Verify => html! { <super::verify::VerifyPage /> },
        Page::Supervise => html! { <super::supervise::SupervisePage /> },
        Page::Records => html! { <super::ledger::LedgerPage /> },
        Page::Opinions => html! { <super::opinions::OpinionsPage /> },
        Page::Record { id, stage } => html! {
            <super::editor::EditorPage key={id.clone()} id={id.clone()} stage={stage.clone()} />
        },
        Page::Settings => html! { <super::settings::SettingsPage /> },
        Page::Start { matter } => html! { <super::catalogue::StartRecord matter={matter.clone()} /> },
    };
    html! {
        <ContextProvider<Lang> context={lang}>
        <ContextProvider<Ctx> context={ctx}>
            if spec.page.whole() { <super::StorageBanner /> }
            { page }
        </ContextProvider<Ctx>>
        </ContextProvider<Lang>>
    }
}

/// A read of the data under way, shared by the pages mounted meanwhile (a quick move from one
/// page to the next must not make two copies of the data, one of them then lost).
type Reading = futures::future::Shared<std::pin::Pin<Box<dyn std::future::Future<Output = Rc<Repo>>>>>;

thread_local! {
    static READING: RefCell<Option<(String, Reading)>> = const { RefCell::new(None) };
}

/// The data of the database `db`, read once: kept in [`READ`] for the life of the page.
fn read(db: &str) -> Reading {
    use futures::FutureExt;
    if let Some(reading) =
        READING.with(|r| r.borrow().as_ref().filter(|(d, _)| d == db).map(|(_, f)| f.clone()))
    {
        return reading;
    }
    let name = db.to_owned();
    let reading: Reading = (Box::pin(async move {
        let loaded = Rc::new(Repo::load_with_history(&name).await);
        READ.with(|r| *r.borrow_mut() = Some(loaded.clone()));
        READING.with(|r| {
            let mut r = r.borrow_mut();
            if r.as_ref().is_some_and(|(d, _)| *d == name) {
                *r = None;
            }
        });
        journal_when_hidden();
        hear_other_tabs(&name);
        loaded
    }) as std::pin::Pin<Box<dyn std::future::Future<Output = Rc<Repo>>>>)
        .shared();
    READING.with(|r| *r.borrow_mut() = Some((db.to_owned(), reading.clone())));
    reading
}

thread_local! {
    /// The page on screen's way to show a change (its `refresh`), with a number so that a page
    /// taken away clears only its own.
    static ON_CHANGE: RefCell<Option<(u32, Callback<()>)>> = const { RefCell::new(None) };
    static PAGES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// The database whose changes in other tabs this module hears, and how.
    static HEARING: RefCell<Option<(String, web_sys::BroadcastChannel, super::route::Listener)>> =
        const { RefCell::new(None) };
}

/// What other tabs change in the database `db` (records saved or deleted, settings, opinions,
/// the county's list, an import) is taken into the data read here, and the page on screen shows
/// it (the app re-reads the list when it changed: the page's `refresh`).
fn hear_other_tabs(db: &str) {
    if HEARING.with(|h| h.borrow().as_ref().is_some_and(|(d, _, _)| d == db)) {
        return;
    }
    let Ok(channel) = web_sys::BroadcastChannel::new(db) else { return };
    let name = db.to_owned();
    let listener = super::route::listen(&channel, "message", move |e: web_sys::Event| {
        let Some(text) = e.dyn_ref::<web_sys::MessageEvent>().and_then(|m| m.data().as_string()) else {
            return;
        };
        let Some(repo) = READ.with(|r| r.borrow().clone()).filter(|r| r.name() == name) else { return };
        yew::platform::spawn_local(async move {
            if repo.hear(&text).await {
                if let Some((_, show)) = ON_CHANGE.with(|c| c.borrow().clone()) {
                    show.emit(());
                }
            }
        });
    });
    HEARING.with(|h| {
        if let Some((_, old, _)) = h.borrow_mut().replace((db.to_owned(), channel, listener)) {
            old.close();
        }
    });
}

/// Whatever page is open, records held only in memory are journalled when the page goes (set
/// up once, for the data this module has read).
fn journal_when_hidden() {
    thread_local! {
        static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let listener = super::route::listen(&window, "pagehide", move |_| {
        if let Some(repo) = READ.with(|r| r.borrow().clone()) {
            repo.journal_unsaved();
        }
    });
    // For the life of the page.
    std::mem::forget(listener);
}

/// A page mounted by the app; `update` passes a new [`Spec`], `unmount` takes it away.
pub struct Mounted {
    app: Option<yew::AppHandle<ExtrasRoot>>,
    host: Host,
}

impl Mounted {
    /// Passes the app's new [`Spec`] (as JSON).
    pub fn update(&mut self, spec: &str) {
        if let (Some(app), Ok(spec)) = (self.app.as_mut(), serde_json::from_str::<Spec>(spec)) {
            app.update(ExtrasProps { spec, host: self.host.clone() });
        }
    }

    /// Takes the page away.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Fetches a county's list file and takes it up if the database `db` has no list yet; true when
/// it did. A list that cannot be fetched or read changes nothing (the template stays in use).
pub async fn take_up_list_here(db: &str, url: &str) -> bool {
    let repo = Repo::load_with_history(db).await;
    if !repo.catalogue().is_template() {
        return false;
    }
    let Some(text) = super::fetch_text(url).await else { return false };
    match crate::domain::county_list::parse(&text, &crate::domain::Catalogue::template()) {
        Ok(list) => repo.save_catalogue(list, None).await.is_ok(),
        Err(_) => false,
    }
}

#[component]
fn Nothing() -> Html {
    html! {}
}

/// The number Yew gave the tree an element belongs to (`__yew_subtree_id`, written on the
/// roots of trees and on elements with listeners), looking up from `element` and across shadow
/// roots; the app's tree for the element a page of this module is mounted into.
fn tree_number_above(element: &web_sys::Element) -> Option<u32> {
    let mut at = element.parent_element().or_else(|| host_of(element));
    while let Some(el) = at {
        if let Some(n) = get(&el, "__yew_subtree_id").and_then(|v| v.as_f64()) {
            return Some(n as u32);
        }
        at = el.parent_element().or_else(|| host_of(&el));
    }
    None
}

fn host_of(element: &web_sys::Element) -> Option<web_sys::Element> {
    element.parent_node()?.dyn_into::<web_sys::ShadowRoot>().ok().map(|s| s.host())
}

/// Yew numbers the trees it renders into from 1 in each wasm module, and finds which tree an
/// event belongs to by that number, written on the elements. A page of this module sits inside
/// the app's tree: with the same number, the app would take this module's clicks for its own
/// (and call its own listener of the same index). So before mounting, this module takes numbers
/// (by mounting and dropping empty apps) until its next one is above the app's — which cannot
/// change while the page is mounted, since a new app tree (a host page mounting the app again)
/// takes the old one, and this page with it, away first. When the app's number cannot be read
/// (a later Yew), a hundred numbers are skipped.
fn set_numbers_apart(element: &web_sys::Element) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let above = tree_number_above(element);
    for _ in 0..above.map_or(100, |n| n as usize + 1) {
        let Ok(div) = document.create_element("div") else { return };
        yew::Renderer::<Nothing>::with_root(div.clone()).render().destroy();
        let mine = get(&div, "__yew_subtree_id").and_then(|v| v.as_f64()).map(|n| n as u32);
        if let (Some(mine), Some(above)) = (mine, above) {
            if mine > above {
                return;
            }
        }
    }
}

/// Mounts the page a [`Spec`] (JSON) names into `element`, with the app's callbacks (`reload`,
/// `setTraining`, `setLang`, `event`). Events for a host page go through the app.
pub fn mount(element: web_sys::Element, spec: &str, host: JsValue) -> Result<Mounted, JsValue> {
    let spec: Spec = serde_json::from_str(spec).map_err(|e| JsValue::from_str(&e.to_string()))?;
    set_numbers_apart(&element);
    let host = Host(host);
    {
        let host = host.clone();
        super::embed::forward_events(Box::new(move |kind: &str, detail: &str| {
            host.call("event", JsValue::from_str(kind), JsValue::from_str(detail))
        }));
    }
    // Inside a host page's shadow root, elements are looked up there.
    if let Ok(shadow) = element.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        super::embed::look_up_in(shadow);
    }
    let props = ExtrasProps { spec, host: host.clone() };
    let app = yew::Renderer::<ExtrasRoot>::with_root_and_props(element, props).render();
    Ok(Mounted { app: Some(app), host })
}
