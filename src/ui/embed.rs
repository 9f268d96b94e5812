//! The app inside other pages.
//!
//! - **Mounted into a host element** (`embed.js`, written by the build): `mount(element, options)`
//!   attaches a shadow root to the element, so that the host's styles do not reach the app and
//!   the app's do not reach the host, and renders the app there. Options: `namespace` (the
//!   storage namespace: its own IndexedDB database), `list` (the address of a county's list
//!   file, loaded if this browser has no list yet), `start` (the page to open, e.g. `records`),
//!   `lang` (`zh` or `en`), and `onEvent(type, detail)`. Events are also dispatched on the host
//!   element as `xieshang:<type>` (`CustomEvent`, bubbling, with `detail`).
//! - **In an iframe** (`index.html?parent=<origin>`): events go to `window.parent` by
//!   `postMessage` with that origin as the target, and only messages from the parent window and
//!   that origin are read (`{ "type": "navigate", "route": "records" }`); any other is ignored.
//!
//! Events: `ready`, `stage-completed` (`{ record, stage }`), `record-completed` (`{ record }`),
//! `export-produced` (`{ file, type }`).

use super::{App, AppProps};
use crate::i18n::Lang;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static HOST: RefCell<Option<(web_sys::Element, Option<js_sys::Function>)>> = const { RefCell::new(None) };
    static PARENT: RefCell<Option<String>> = const { RefCell::new(None) };
    /// In the extras module: the app's module, which tells the host.
    static FORWARD: RefCell<Option<Box<dyn Fn(&str, &str)>>> = const { RefCell::new(None) };
    /// In the extras module mounted inside a host's shadow root: that root.
    static SHADOW: RefCell<Option<web_sys::ShadowRoot>> = const { RefCell::new(None) };
}

thread_local! {
    /// The element the app is mounted on (its own page's `#app`, or a host page's shadow root's):
    /// the extras module's host goes after it (`extras`).
    static APP_ROOT: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// Notes the element the app is mounted on.
pub fn set_app_root(root: &web_sys::Element) {
    APP_ROOT.with(|r| *r.borrow_mut() = Some(root.clone()));
}

/// The element the app is mounted on, once it is.
pub fn app_root() -> Option<web_sys::Element> {
    APP_ROOT.with(|r| r.borrow().clone())
}

/// In the extras module: events for the host go to the app's module, which knows the host.
pub fn forward_events(to: Box<dyn Fn(&str, &str)>) {
    FORWARD.with(|f| *f.borrow_mut() = Some(to));
}

/// In the extras module: elements are looked up in this shadow root (the host page's).
pub fn look_up_in(shadow: web_sys::ShadowRoot) {
    SHADOW.with(|s| *s.borrow_mut() = Some(shadow));
}

/// Tells the host page (or the parent window of an iframe) that something happened. Does
/// nothing when the app runs on its own page.
pub fn host_event(kind: &str, detail: serde_json::Value) {
    host_event_json(kind, &detail.to_string());
}

/// [`host_event`] with the detail as JSON text (as the extras module passes it on).
pub fn host_event_json(kind: &str, detail: &str) {
    if FORWARD.with(|f| f.borrow().as_ref().map(|f| f(kind, detail)).is_some()) {
        return;
    }
    let detail_js = js_sys::JSON::parse(detail).unwrap_or(JsValue::NULL);
    HOST.with(|h| {
        if let Some((element, callback)) = h.borrow().as_ref() {
            let init = web_sys::CustomEventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            init.set_detail(&detail_js);
            if let Ok(event) =
                web_sys::CustomEvent::new_with_event_init_dict(&format!("xieshang:{kind}"), &init)
            {
                let _ = element.dispatch_event(&event);
            }
            if let Some(f) = callback {
                let _ = f.call2(&JsValue::NULL, &JsValue::from_str(kind), &detail_js);
            }
        }
    });
    PARENT.with(|p| {
        if let (Some(origin), Some(window)) = (p.borrow().as_ref(), web_sys::window()) {
            let message = js_sys::Object::new();
            for (key, value) in [
                ("source", JsValue::from_str("xieshang")),
                ("type", JsValue::from_str(kind)),
                ("detail", detail_js.clone()),
            ] {
                let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), &value);
            }
            if let Ok(Some(parent)) = window.parent() {
                let _ = parent.post_message(&message, origin);
            }
        }
    });
}

/// An element of the mounted app by id (inside the shadow root, where `document` cannot see).
pub fn element_by_id(id: &str) -> Option<web_sys::Element> {
    HOST.with(|h| h.borrow().as_ref().and_then(|(host, _)| host.shadow_root()?.get_element_by_id(id)))
        .or_else(|| SHADOW.with(|s| s.borrow().as_ref()?.get_element_by_id(id)))
}

fn option(options: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(options, &JsValue::from_str(name)).ok().and_then(|v| v.as_string())
}

/// A page name given by a host (`records`, `#/records`, …) as this app's hash route.
fn route_hash(start: &str) -> Option<String> {
    let path = start.trim().trim_start_matches('#').trim_start_matches('/');
    let route = super::route::Route::parse(path);
    (route != super::route::Route::NotFound).then(|| route.href())
}

/// Forgets the host page (after the app was taken away from it).
pub fn forget_host() {
    HOST.with(|h| *h.borrow_mut() = None);
}

/// Mounts the app into `host` (see the module's documentation for `options`). The build's
/// `embed.js` calls this, through the export in `main.rs` (kept out of the library so that the
/// Word worker, which links the library, does not carry the whole app), with `css`, the address
/// of the app's stylesheet, added.
pub fn mount(host: web_sys::Element, options: JsValue) -> Result<yew::AppHandle<App>, JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let shadow = match host.shadow_root() {
        Some(s) => s,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    shadow.set_inner_html("");
    if let Some(css) = option(&options, "css") {
        let link = document.create_element("link")?;
        link.set_attribute("rel", "stylesheet")?;
        link.set_attribute("href", &css)?;
        shadow.append_child(&link)?;
    }
    let root = document.create_element("div")?;
    root.set_class_name("xs-root");
    shadow.append_child(&root)?;
    let callback = js_sys::Reflect::get(&options, &JsValue::from_str("onEvent"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    HOST.with(|h| *h.borrow_mut() = Some((host.clone(), callback)));
    if let Some(hash) = option(&options, "start").as_deref().and_then(route_hash) {
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(&hash);
        }
    }
    let db = option(&options, "namespace")
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .map(|n| format!("{}-{n}", super::DEFAULT_DB))
        .unwrap_or_else(|| super::DEFAULT_DB.to_owned());
    let lang = match option(&options, "lang").as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    };
    let props = AppProps { db: db.into(), lang, list: option(&options, "list").map(Into::into) };
    set_app_root(&root);
    let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
    host_event("ready", serde_json::json!({}));
    Ok(app)
}

/// In an iframe whose address names the parent's origin (`?parent=https://portal.example`),
/// talks to the parent by `postMessage`, to that origin only, and reads only the parent's
/// messages from it.
pub fn setup_iframe() {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    if js_sys::Object::is(&parent, &window) {
        return;
    }
    let search = window.location().search().unwrap_or_default();
    let Some(origin) = web_sys::UrlSearchParams::new_with_str(&search).ok().and_then(|p| p.get("parent"))
    else {
        return;
    };
    // Only a plain origin (scheme, host, port) is accepted as the target; never "*".
    let Ok(url) = web_sys::Url::new(&origin) else { return };
    if url.origin() != origin || !(origin.starts_with("https://") || origin.starts_with("http://")) {
        return;
    }
    PARENT.with(|p| *p.borrow_mut() = Some(origin.clone()));
    let listener = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let from_parent = e.source().map(|s| js_sys::Object::is(&s, &parent)).unwrap_or(false);
        if e.origin() != origin || !from_parent {
            return; // not our parent: ignored
        }
        let data = e.data();
        let kind = option(&data, "type");
        if kind.as_deref() == Some("navigate") {
            if let Some(hash) = option(&data, "route").as_deref().and_then(route_hash) {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().set_hash(&hash);
                }
            }
        }
    });
    let _ = window.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    listener.forget();
    host_event("ready", serde_json::json!({}));
}
