//! The Yew UI: renders the engine's data and reports and sends it edits; it re-implements no
//! rule. Browser only. Pages: catalogue, opinion ledger, records ledger, record editor, the
//! county's list, settings.

mod catalogue;
mod county_list;
mod editor;
pub mod embed;
pub mod extras;
mod fields;
mod first_view;
mod ledger;
mod opinions;
mod overview;
mod print;
mod progress;
pub mod repo;
pub mod route;
mod settings;
pub mod storage;
mod supervise;
pub mod tabs;
mod training;
mod transfer;
mod verify;

pub use catalogue::{CatalogueView, CatalogueViewProps};

use crate::domain::when::{self, Date, OffsetDateTime};
use crate::i18n::{t, tn, Key, Lang};
use repo::{Ctx, Repo};
use route::{use_route, Route};
use std::rc::Rc;
use yew::prelude::*;

/// The database the app uses unless told otherwise.
pub const DEFAULT_DB: &str = "xieshang";

/// Props of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// IndexedDB database name (a storage namespace).
    #[prop_or(AttrValue::Static(DEFAULT_DB))]
    pub db: AttrValue,
    /// The language of the interface.
    #[prop_or_default]
    pub lang: Lang,
    /// The address of a county's list file to take up when this browser has no list yet (set
    /// by a host page that embeds the app).
    #[prop_or_default]
    pub list: Option<AttrValue>,
}

impl Default for AppProps {
    fn default() -> Self {
        AppProps { db: AttrValue::Static(DEFAULT_DB), lang: Lang::Zh, list: None }
    }
}

/// The suffix of the training database: `xieshang` → `xieshang-training`.
pub const TRAINING_SUFFIX: &str = "-training";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Makes English showable: installs the English file (`i18n::install_english`) from the text
/// already in the page (`english_at_hand`) or from the address the start script names
/// (`globals::ENGLISH_URL`). False when it cannot be had (no network, nothing kept).
pub async fn ensure_english() -> bool {
    if english_at_hand() {
        return true;
    }
    let url = crate::globals::get(crate::globals::ENGLISH_URL)
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "./english.json".to_owned());
    let busy = Busy::new();
    let Some(text) = fetch_text(&url).await else { return false };
    drop(busy);
    if !crate::i18n::install_english(&text) {
        return false;
    }
    // Left for the other module of the page (each wasm module has its own copy of the strings),
    // which then shows English from its first frame.
    crate::globals::set(crate::globals::ENGLISH_TEXT, &wasm_bindgen::JsValue::from_str(&text));
    true
}

/// Installs the English file if its text is already in the page (the single file carries it; the
/// other module leaves it there once fetched): at once, without waiting.
pub fn english_at_hand() -> bool {
    crate::i18n::english_ready()
        || crate::globals::get(crate::globals::ENGLISH_TEXT)
            .and_then(|v| v.as_string())
            .is_some_and(|text| crate::i18n::install_english(&text))
}

/// The text at `url`, if it can be fetched.
pub async fn fetch_text(url: &str) -> Option<String> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.ok()?;
    let response = wasm_bindgen::JsCast::dyn_into::<web_sys::Response>(response).ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

/// The text of a file the user chose: its bytes go into wasm memory as they are (no UTF-16
/// string in between) and are read as UTF-8; a file in another encoding is named as such.
pub async fn file_text(file: &web_sys::File) -> Result<String, crate::domain::transfer::ImportError> {
    let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
        .unwrap_or_default();
    crate::domain::transfer::decode(bytes)
}

thread_local! {
    /// The English file could not be had when English was chosen (shown until dismissed).
    static ENGLISH_FAILED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// This tab followed another's switch into (true) or out of (false) training mode (shown
    /// until dismissed or until this tab switches itself).
    static TRAINING_FOLLOWED: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
}

/// The language this browser chose last, if any.
fn stored_lang() -> Option<Lang> {
    match local_storage()?.get_item("xieshang:lang").ok()??.as_str() {
        "en" => Some(Lang::En),
        "zh" => Some(Lang::Zh),
        _ => None,
    }
}

fn training_key(db: &str) -> String {
    format!("xieshang:training:{db}")
}

/// The whole app: loads the data, then shows the page the location names. The language and
/// training mode can be switched at run time; training mode loads the training database.
#[component]
pub fn App(props: &AppProps) -> Html {
    let repo = use_state(|| None::<Rc<Repo>>);
    let tick = use_state(|| 0u32);
    // A host page's language wins over the one stored; otherwise the user's last choice.
    let lang = {
        let asked = props.lang;
        use_state(move || if asked != Lang::Zh { asked } else { stored_lang().unwrap_or(asked) })
    };
    let training = {
        let key = training_key(&props.db);
        use_state(move || {
            local_storage().and_then(|s| s.get_item(&key).ok().flatten()).as_deref() == Some("1")
        })
    };
    // The mode is kept per browser: when another tab switches it, this one follows (a tab left in
    // training would put real work where 清除全部培训数据 wipes it) and says so. A page being
    // edited saves to the database it was opened from as it goes.
    {
        let (training, key) = (training.clone(), training_key(&props.db));
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("window");
            let listener = route::listen(&window, "storage", move |e: web_sys::Event| {
                use wasm_bindgen::JsCast;
                let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else { return };
                if e.key().as_deref() != Some(key.as_str()) {
                    return;
                }
                let on = e.new_value().as_deref() == Some("1");
                if on != (e.old_value().as_deref() == Some("1")) {
                    TRAINING_FOLLOWED.with(|f| f.set(Some(on)));
                    training.set(on);
                }
            });
            move || drop(listener)
        });
    }
    let name = if *training { format!("{}{TRAINING_SUFFIX}", props.db) } else { props.db.to_string() };
    // Loads counted, so that a load finishing after a later switch is dropped.
    let generation = use_mut_ref(|| 0u32);
    {
        let repo = repo.clone();
        let list = props.list.clone();
        let generation = generation.clone();
        use_effect_with(name.clone(), move |name| {
            let name = name.clone();
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            repo.set(None);
            yew::platform::spawn_local(async move {
                let loaded = Rc::new(Repo::load_with_history(&name).await);
                // A county's list named by a host page, taken up if this browser has none yet.
                if let Some(url) = list {
                    take_up_list(&loaded, &url).await;
                }
                if *generation.borrow() == mine {
                    journal_when_hidden(loaded.clone());
                    repo.set(Some(loaded));
                }
            });
        });
    }
    // What other tabs — and the extras module of this page — change (records saved or deleted,
    // settings, opinions, the county's list, an import, the training data wiped) is taken into
    // the data, and the page on screen shows it.
    {
        let tick = tick.clone();
        let data = (*repo).clone().filter(|r| r.name() == name);
        use_other_tabs(data, Callback::from(move |()| tick.set(tick.wrapping_add(1))));
    }
    // English is shown once its file is installed (fetched the first time it is chosen); until
    // then the Chinese stands in, and if it cannot be had the language goes back to Chinese.
    let english = use_state(crate::i18n::english_ready);
    {
        let (english, lang, tick) = (english.clone(), lang.clone(), tick.clone());
        use_effect_with(*lang, move |l| {
            if *l == Lang::En && !crate::i18n::english_ready() {
                yew::platform::spawn_local(async move {
                    if ensure_english().await {
                        english.set(true);
                    } else {
                        // Said on screen (StorageBanner), not only left in Chinese.
                        ENGLISH_FAILED.with(|f| f.set(true));
                        lang.set(Lang::Zh);
                        // The pages read the context: a new tick has them show it.
                        tick.set(tick.wrapping_add(1));
                    }
                });
            }
        });
    }
    // English asked for at the start and its file on the way (the start script fetches it with
    // the wasm when English was the last choice): the loading line stays rather than a Chinese
    // page for a moment. Chosen later, the page stays in Chinese until the file is there.
    let shown = use_mut_ref(|| false);
    // On a first visit the page opens on a copy of the catalogue (ui/first_view.rs): what the user
    // did in it is done again once this app's page is drawn.
    use_effect(first_view::hand_over);
    let waiting = *lang == Lang::En && !*english;
    // While the copy is on screen it is the loading line.
    let loading = |lang| match first_view::showing() {
        true => html! {},
        false => html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> },
    };
    if waiting && !*shown.borrow() {
        return loading(Lang::Zh);
    }
    let lang_now = if waiting { Lang::Zh } else { *lang };
    // Until the data of the mode asked for is loaded (a switch takes a moment), say so.
    let Some(data) = (*repo).clone().filter(|r| r.name() == name) else {
        return loading(lang_now);
    };
    *shown.borrow_mut() = true;
    // The page is drawn in full in this turn: the copy goes now.
    first_view::take_down();
    let refresh = {
        let tick = tick.clone();
        Callback::from(move |()| tick.set(tick.wrapping_add(1)))
    };
    let set_lang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| {
            if let Some(s) = local_storage() {
                let _ = s.set_item("xieshang:lang", if l == Lang::En { "en" } else { "zh" });
            }
            lang.set(l);
        })
    };
    let set_training = {
        let (training, key) = (training.clone(), training_key(&props.db));
        Callback::from(move |on: bool| {
            if let Some(s) = local_storage() {
                let _ = if on { s.set_item(&key, "1") } else { s.remove_item(&key) };
            }
            TRAINING_FOLLOWED.with(|f| f.set(None));
            training.set(on);
        })
    };
    let ctx = Ctx {
        repo: data,
        tick: *tick,
        refresh,
        generation: *generation.borrow(),
        lang: lang_now,
        set_lang,
        training: *training,
        set_training,
    };
    html! {
        <ContextProvider<Lang> context={lang_now}>
        <ContextProvider<Ctx> context={ctx}>
            <Shell />
        </ContextProvider<Ctx>>
        </ContextProvider<Lang>>
    }
}

#[component]
fn Shell() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.lang;
    let route = use_route();
    // Another page (not another stage of the same record): see `bring_page_into_view`. A page of
    // the extras module does this in its own element.
    let main = use_node_ref();
    // Whether the user has gone from the page first shown (opened by its address) to another:
    // from then on, each page is reached from another page.
    let first = use_mut_ref(|| route.clone());
    let navigated = use_mut_ref(|| false);
    if *first.borrow() != route {
        *navigated.borrow_mut() = true;
    }
    let moved = *navigated.borrow();
    {
        let main = main.clone();
        let shown = use_mut_ref(|| None::<String>);
        let key = match &route {
            Route::Record { id, .. } => format!("record/{id}"),
            other => other.href(),
        };
        let extras = route.in_extras();
        use_effect_with(key, move |key| {
            let before = shown.borrow_mut().replace(key.clone());
            if before.is_some_and(|b| b != *key) && !extras {
                if let Some(main) = main.cast::<web_sys::HtmlElement>() {
                    bring_page_into_view(&main);
                }
            }
        });
    }
    // The extras module is told what to show (nothing, on the app's own pages), once this page
    // is rendered.
    {
        let showing = extras::Showing {
            route: route.in_extras().then(|| route.clone()),
            db: ctx.repo.name().to_owned(),
            lang,
            training: ctx.training,
            moved,
        };
        let ctx = ctx.clone();
        use_effect_with(showing, move |showing| extras::show(showing.clone(), &ctx));
    }
    // The window's title follows the language, on the app's own page only (never a host's).
    use_effect_with(lang, move |lang| {
        if build_id().is_some() {
            if let Some(d) = web_sys::window().and_then(|w| w.document()) {
                d.set_title(t(*lang, Key::AppTitle));
                if let Some(html) = d.document_element() {
                    let _ = html.set_attribute("lang", if *lang == Lang::En { "en" } else { "zh-CN" });
                }
            }
        }
    });
    let page = match &route {
        Route::Catalogue => html! { <catalogue::CataloguePage /> },
        Route::Opinions => html! { <opinions::OpinionsPage /> },
        Route::Records => html! { <ledger::LedgerPage /> },
        Route::Record { id, stage } => html! {
            <editor::EditorPage key={id.clone()} id={id.clone()} stage={stage.clone()} />
        },
        Route::Settings => html! { <settings::SettingsPage /> },
        Route::Supervise => html! { <supervise::SupervisePage /> },
        Route::NotFound => html! { <p>{ t(lang, Key::PageNotFound) }</p> },
        // In the extras module's own element, after this app's.
        _ => html! {},
    };
    let link = |target: Route, key: Key| {
        let here = match (&route, &target) {
            (Route::Record { .. } | Route::Print { .. }, Route::Records) => true,
            (Route::ListPrint, Route::List) => true,
            (Route::TrainingPrint, Route::Training) => true,
            (a, b) => a == b,
        };
        html! {
            <li><a href={target.href()} aria-current={here.then_some("page")}>{ t(lang, key) }</a></li>
        }
    };
    // The skip link: past the header to the page's content (this app's or the extras module's
    // `<main>`). (Routes live in the hash, so the link moves the focus itself instead of
    // following `#main`.)
    let on_skip = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        let main = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"))
            .or_else(|| embed::element_by_id("main"));
        if let Some(main) = main.and_then(|m| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m).ok())
        {
            let _ = main.focus();
        }
    });
    let printing = printing(&route);
    let beside = route.in_extras();
    // The switch names the other language in that language.
    let (other, other_name, other_code) = match lang {
        Lang::Zh => (Lang::En, "English", "en"),
        Lang::En => (Lang::Zh, "中文", "zh-CN"),
    };
    let on_lang = {
        let set_lang = ctx.set_lang.clone();
        Callback::from(move |_: MouseEvent| set_lang.emit(other))
    };
    let on_leave_training = {
        let set_training = ctx.set_training.clone();
        Callback::from(move |_: MouseEvent| set_training.emit(false))
    };
    html! {
        <div class={classes!("app", printing.then_some("printing"), ctx.training.then_some("training"), beside.then_some("beside"))}
            lang={if lang == Lang::En { "en" } else { "zh-CN" }}>
            if ctx.training {
                <div class="training-mark" role="note" aria-label={t(lang, Key::TrainingMark)}>
                    <strong>{ t(lang, Key::TrainingMark) }</strong>
                    <span>{ t(lang, Key::TrainingMarkNote) }</span>
                    <button type="button" class="small" onclick={on_leave_training}>{ t(lang, Key::LeaveTraining) }</button>
                </div>
            }
            <a class="skip-link" href="#main" onclick={on_skip}>{ t(lang, Key::SkipToContent) }</a>
            <header class="app-header">
                <div class="title-row">
                    <h1 class="app-title">{ t(lang, Key::AppTitle) }</h1>
                    <button type="button" class="lang-switch small" lang={other_code} title={t(lang, Key::LanguageSwitch)} onclick={on_lang}>{ other_name }</button>
                </div>
                <p class="tagline">{ t(lang, Key::AppTagline) }</p>
                <nav aria-label={t(lang, Key::MainNav)}>
                    <ul class="nav">
                        { link(Route::Catalogue, Key::NavCatalogue) }
                        { link(Route::Opinions, Key::NavOpinions) }
                        { link(Route::Records, Key::NavRecords) }
                        { link(Route::Supervise, Key::NavSupervise) }
                        { link(Route::List, Key::NavList) }
                        { link(Route::Overview, Key::NavOverview) }
                        { link(Route::Verify, Key::NavVerify) }
                        { link(Route::Training, Key::NavTraining) }
                        { link(Route::Settings, Key::NavSettings) }
                    </ul>
                </nav>
            </header>
            // A page of the extras module shows the storage banner of its own data, its <main>
            // and the footer in its own element (after this one); here only while it comes.
            if beside {
                <AppBanners />
                <extras::ExtrasSlot />
            } else {
                <StorageBanner />
                <AppBanners />
                <main id="main" class="app-main" tabindex="-1" ref={main}>{ page }</main>
                <footer class="app-footer"><p>{ t(lang, Key::SourceNote) }</p></footer>
            }
        </div>
    }
}

/// Says at once when storage fails, and offers the export that keeps the work.
#[component]
pub(crate) fn StorageBanner() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.lang;
    let repo = &ctx.repo;
    let on_export = {
        let repo = repo.clone();
        Callback::from(move |_| {
            let repo = repo.clone();
            yew::platform::spawn_local(async move {
                let (parts, _) = repo.backup_parts(now()).await;
                download_parts(t(lang, Key::BackupFileName), &parts, "application/json");
            });
        })
    };
    let failure = repo.failure.borrow().clone();
    let unsaved = repo.unsaved_count();
    let corrupt = repo.corrupt;
    html! {
        <>
        if let Some(message) = failure {
            <div class="banner error" role="alert">
                <p>
                    { t(lang, Key::StorageFailed) }{ message.message(lang) }{ "。" }{ t(lang, Key::StorageFailedKeep) }
                    if unsaved > 0 { { tn(lang, [Key::UnsavedCountOne, Key::UnsavedCount], unsaved as u64, &[&unsaved]) } }
                </p>
                <button type="button" onclick={on_export}>{ t(lang, Key::ExportBackup) }</button>
            </div>
        }
        if corrupt > 0 {
            <div class="banner warning" role="status"><p>{ corrupt }{ " " }{ t(lang, Key::StorageCorrupt) }</p></div>
        }
        </>
    }
}

/// The app's own notices: English unavailable, training mode switched by another tab, a new
/// version in use.
#[component]
fn AppBanners() -> Html {
    let lang = use_context::<Ctx>().expect("context").lang;
    let updated = use_state(was_updated);
    let on_dismiss = {
        let updated = updated.clone();
        Callback::from(move |_: MouseEvent| updated.set(false))
    };
    let no_english = ENGLISH_FAILED.with(|f| f.get());
    let followed = TRAINING_FOLLOWED.with(|f| f.get());
    let dismissed = use_state(|| 0u32);
    let on_dismiss_english = {
        let dismissed = dismissed.clone();
        Callback::from(move |_: MouseEvent| {
            ENGLISH_FAILED.with(|f| f.set(false));
            dismissed.set(*dismissed + 1);
        })
    };
    let on_dismiss_followed = Callback::from(move |_: MouseEvent| {
        TRAINING_FOLLOWED.with(|f| f.set(None));
        dismissed.set(*dismissed + 1);
    });
    html! {
        <>
        if no_english {
            <div class="banner warning" role="status">
                <p>{ t(lang, Key::EnglishUnavailable) }</p>
                <button type="button" onclick={on_dismiss_english}>{ t(lang, Key::Dismiss) }</button>
            </div>
        }
        if let Some(on) = followed {
            <div class="banner info" role="status">
                <p>{ t(lang, if on { Key::TrainingFollowedOn } else { Key::TrainingFollowedOff }) }</p>
                <button type="button" onclick={on_dismiss_followed}>{ t(lang, Key::Dismiss) }</button>
            </div>
        }
        if *updated {
            <div class="banner info" role="status">
                <p>{ t(lang, Key::AppUpdated) }</p>
                <button type="button" onclick={on_dismiss}>{ t(lang, Key::Dismiss) }</button>
            </div>
        }
        </>
    }
}

/// A line telling the user what an action did, or why it failed.
#[derive(Clone, PartialEq)]
pub enum Message {
    /// Done, or under way (a status).
    Info(String),
    /// Failed (an alert).
    Error(String),
}

impl Message {
    /// The message as a paragraph with its live-region role; nothing for none.
    pub fn view(message: Option<&Message>) -> Html {
        match message {
            Some(Message::Info(m)) => html! { <p class="message" role="status">{ m }</p> },
            Some(Message::Error(m)) => html! { <p class="message error" role="alert">{ m }</p> },
            None => Html::default(),
        }
    }
}

/// Now, from the browser's clock.
pub fn now() -> OffsetDateTime {
    when::from_unix_millis(js_sys::Date::now())
}

/// Today's date where the user is.
pub fn today() -> Date {
    date_of(&js_sys::Date::new_0())
}

/// The browser's zone (for these users China Standard Time): where the screens and documents show
/// moments, each at the offset the browser gives for that moment.
pub struct BrowserZone;

impl when::Zone for BrowserZone {
    fn offset_at(&self, at: OffsetDateTime) -> time::UtcOffset {
        let ms = (at.unix_timestamp_nanos() / 1_000_000) as f64;
        // Minutes behind UTC (-480 in Beijing).
        let behind = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms)).get_timezone_offset();
        time::UtcOffset::from_whole_seconds(-(behind as i32) * 60).unwrap_or(time::UtcOffset::UTC)
    }
}

/// The date a moment falls on where the user is (the browser's zone: for these users China
/// Standard Time), not in UTC: a stage completed at 07:00 in Beijing was completed that day.
pub fn local_date(at: OffsetDateTime) -> Date {
    use when::Zone;
    BrowserZone.local(at).date()
}

fn date_of(d: &js_sys::Date) -> Date {
    let month = time::Month::try_from(d.get_month() as u8 + 1).unwrap_or(time::Month::January);
    Date::from_calendar_date(d.get_full_year() as i32, month, d.get_date() as u8).unwrap_or(Date::MIN)
}

/// A new unique id with a prefix (`r` records, `o` opinions).
pub fn new_id(prefix: &str) -> String {
    let ms = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1_679_616.0) as u64; // 36^4
    format!("{prefix}{}{}", base36(ms), base36(random))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Moves the focus to the element with this id once the page has re-rendered (after a control
/// the user was on disappears).
pub fn focus_later(id: String) {
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(std::time::Duration::from_millis(0)).await;
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .or_else(|| embed::element_by_id(&id));
        if let Some(el) = el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
            let _ = el.focus();
        }
    });
}

/// In a dialog whose first and last controls have these ids: Tab from the last goes to the
/// first and Shift+Tab from the first to the last, so the focus stays until it is answered.
pub fn keep_tab_within(e: &KeyboardEvent, first: &str, last: &str) {
    if e.key() != "Tab" {
        return;
    }
    let at = e
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        .map(|el| el.id())
        .unwrap_or_default();
    let to = match (e.shift_key(), at.as_str()) {
        (false, a) if a == last => first,
        (true, a) if a == first => last,
        _ => return,
    };
    e.prevent_default();
    focus_later(to.to_owned());
}

thread_local! {
    static PAGE_TAB: String = new_id("p");
}

/// This module's id in messages between tabs: a module does not act on what it told the others
/// itself. Each wasm module has its own (its own thread-locals), so the app and the extras module
/// of one page hear each other's changes as another tab's, each reading again only the part that
/// changed.
pub fn page_tab() -> String {
    PAGE_TAB.with(Clone::clone)
}

/// Offers a text file to the user.
pub fn download(name: &str, text: &str, mime: &str) {
    offer(name, &js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text)), mime);
}

/// Offers a binary file to the user.
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) {
    let array = js_sys::Uint8Array::from(bytes);
    offer(name, &js_sys::Array::of1(&array), mime);
}

/// Offers a file made of parts (strings or byte arrays) to the user.
pub fn download_parts(name: &str, parts: &js_sys::Array, mime: &str) {
    offer(name, parts, mime);
}

fn offer(name: &str, parts: &js_sys::Array, mime: &str) {
    embed::host_event("export-produced", serde_json::json!({ "file": name, "type": mime }));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &options) else { return };
    use wasm_bindgen::JsCast;
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(a) = document
        .as_ref()
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

thread_local! {
    /// Set at start when this page runs a different build from the one it ran last time.
    static UPDATED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The build id the build wrote into index.html (`scripts/postbuild.mjs`); `None` outside a
/// release page (tests that mount components).
fn build_id() -> Option<String> {
    let document = web_sys::window()?.document()?;
    document.query_selector("meta[name=xieshang-build]").ok()??.get_attribute("content")
}

/// Notes the build this page runs; true when it differs from the one this browser ran before
/// (the app was updated: the user is told).
fn note_build(build: &str) -> bool {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return false;
    };
    let key = "xieshang:build";
    let before = storage.get_item(key).ok().flatten();
    let _ = storage.set_item(key, build);
    before.is_some_and(|b| b != build)
}

/// Registers the service worker (`sw.js`, written by the build) that keeps the app for use
/// offline. Only on a page served over HTTP(S) where the browser has service workers.
///
/// Nothing the user did not ask for competes with what they did: the worker is registered after
/// the page's load event (the app's module, all a village's first task needs, is in by then), and
/// while it fetches the files it keeps (the extras module, the Word worker, …), one at a time, it
/// waits whenever the page says it is fetching something of its own ([`Busy`]).
fn register_service_worker() {
    let Some(window) = web_sys::window() else { return };
    let secure = matches!(window.location().protocol().as_deref(), Ok("http:" | "https:"));
    let navigator = window.navigator();
    let has =
        js_sys::Reflect::has(&navigator, &wasm_bindgen::JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !(secure && has) {
        return;
    }
    // A failed registration changes nothing: the app works online as before.
    let register = move || {
        let _ = navigator.service_worker().register("./sw.js");
    };
    let loaded = window.document().is_some_and(|d| d.ready_state() == "complete");
    if loaded {
        register();
    } else {
        let mut register = Some(register);
        let listener = route::listen(&window, "load", move |_| {
            if let Some(r) = register.take() {
                r();
            }
        });
        std::mem::forget(listener);
    }
}

/// While one lives, the page is fetching something the user asked for (a module, the English
/// file, the Word worker): the service worker, if it is fetching the files it keeps for offline
/// use, waits meanwhile (see `scripts/postbuild.mjs`).
pub struct Busy(());

impl Busy {
    /// Tells the service worker the page is busy until this is dropped.
    pub fn new() -> Busy {
        tell_service_worker("xieshang:busy");
        Busy(())
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        tell_service_worker("xieshang:idle");
    }
}

/// Posts `what` to this page's service worker (the one installing, else waiting, else active), if
/// there is one.
fn tell_service_worker(what: &'static str) {
    let Some(window) = web_sys::window() else { return };
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &wasm_bindgen::JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return;
    }
    let asking = navigator.service_worker().get_registration();
    yew::platform::spawn_local(async move {
        use wasm_bindgen::JsCast;
        let Ok(found) = wasm_bindgen_futures::JsFuture::from(asking).await else { return };
        let Ok(registration) = found.dyn_into::<web_sys::ServiceWorkerRegistration>() else { return };
        let worker =
            registration.installing().or_else(|| registration.waiting()).or_else(|| registration.active());
        if let Some(worker) = worker {
            let _ = worker.post_message(&wasm_bindgen::JsValue::from_str(what));
        }
    });
}

/// Fetches a county's list file and takes it up if the database has no list yet; true when it
/// did. A list that cannot be fetched or read changes nothing (the template stays in use).
async fn take_up_list(repo: &Repo, url: &str) -> bool {
    if !repo.catalogue().is_template() {
        return false;
    }
    let Some(text) = fetch_text(url).await else { return false };
    match crate::domain::county_list::parse(&text, &crate::domain::Catalogue::template()) {
        Ok(list) => repo.save_catalogue(list, None).await.is_ok(),
        Err(_) => false,
    }
}

/// Records held only in memory (storage failing) are journalled when the page goes, whatever page
/// is open (set up for each database read; the data is not kept alive by it).
pub(crate) fn journal_when_hidden(repo: Rc<Repo>) {
    let Some(window) = web_sys::window() else { return };
    let repo = Rc::downgrade(&repo);
    let listener = route::listen(&window, "pagehide", move |_| {
        if let Some(repo) = repo.upgrade() {
            repo.journal_unsaved();
        }
    });
    // For the life of the page.
    std::mem::forget(listener);
}

/// What other tabs change in `repo`'s database (records saved or deleted, settings, opinions,
/// the county's list, an import) is taken into `repo` (`Repo::hear`) as it happens, and `changed`
/// is called when something was. Listens while there is a `repo`, afresh when it is another
/// database's.
#[hook]
pub(crate) fn use_other_tabs(repo: Option<Rc<Repo>>, changed: Callback<()>) {
    use_effect_with(repo.as_ref().map(|r| r.name().to_owned()), move |_| {
        let listener = repo.and_then(|repo| {
            let name = repo.name().to_owned();
            tabs::hear(&name, move |message| {
                let (repo, changed) = (repo.clone(), changed.clone());
                yew::platform::spawn_local(async move {
                    if repo.hear(message).await {
                        changed.emit(());
                    }
                });
            })
        });
        move || drop(listener)
    });
}

/// Another page is shown: it starts at its top, and the focus goes to it (the control the user
/// was on is gone), so that keyboard and screen-reader users start there too. Embedded in a host
/// page, the app is brought into view only if its top is above the window; the host's own
/// scrolling is left alone otherwise.
pub(crate) fn bring_page_into_view(main: &web_sys::HtmlElement) {
    if build_id().is_some() {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    } else if main.get_bounding_client_rect().top() < 0.0 {
        main.scroll_into_view();
    }
    // Without scrolling: the page stays at its top (focus would bring <main> up).
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = main.focus_with_options(&options);
}

/// Whether the page is a document to print (the app's header and footer are left off paper).
pub(crate) fn printing(route: &Route) -> bool {
    matches!(route, Route::Print { .. } | Route::ListPrint | Route::TrainingPrint | Route::Overview)
}

/// Whether the app was updated since this browser last ran it.
pub fn was_updated() -> bool {
    UPDATED.with(|u| u.get())
}

/// Mounts the app on `#app` (or the body), replacing the loading message.
pub fn start() {
    // Only the app's own page (its index.html, or the single file) starts by itself; a host page
    // that loads the app through embed.js mounts it where it wants (`embed::mount`).
    let Some(build) = build_id() else { return };
    UPDATED.with(|u| u.set(note_build(&build)));
    register_service_worker();
    embed::setup_iframe();
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let root = document.get_element_by_id("app").or_else(|| {
        let root = document.create_element("div").ok()?;
        document.body()?.append_child(&root).ok()?;
        Some(root)
    });
    let Some(root) = root else { return };
    root.set_text_content(None);
    embed::set_app_root(&root);
    yew::Renderer::<App>::with_root(root).render();
}
