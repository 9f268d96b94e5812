//! Hash routing (`#/records`, `#/record/ID/s3`, …): works under any sub-path and from a file,
//! with no server configuration. A few lines instead of a router crate.

use yew::prelude::*;

/// Pages of the app: the one page type, in the app's module and in the extras module alike (the
/// bridge between them passes a `Route`, see `ui::extras`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// 协商事项目录 (home).
    Catalogue,
    /// 群众意见台账.
    Opinions,
    /// 协商台账.
    Records,
    /// One record, at a stage (the current one when `None`).
    Record {
        /// Record id.
        id: String,
        /// Stage id.
        stage: Option<String>,
    },
    /// A printable document of a record.
    Print {
        /// Record id.
        id: String,
        /// Document id (`publicity`, `minutes`, `result`, `letter`, `archive`).
        doc: String,
    },
    /// 事项清单: the county's list, edited, compared, passed on and filed.
    List,
    /// The filing document of the county's list.
    ListPrint,
    /// 设置.
    Settings,
    /// 培训练习: training mode, worked cases, blank checklists.
    Training,
    /// The blank checklists of the five stages, to print.
    TrainingPrint,
    /// 汇总分析: an overview across villages from exported files.
    Overview,
    /// 核验文书: a paper copy checked by its 校验码.
    Verify,
    /// 督办: implementations overdue or due soon.
    Supervise,
    /// Anything else.
    NotFound,
}

impl Route {
    /// Whether the page lives in the extras module: the bureau's tools (the documents of a record
    /// and their Word files, the county's list, training, the overview, 核验文书), which a
    /// village's first task never needs. Every other page is in the app's own module.
    pub fn in_extras(&self) -> bool {
        matches!(
            self,
            Route::Print { .. }
                | Route::List
                | Route::ListPrint
                | Route::Training
                | Route::TrainingPrint
                | Route::Overview
                | Route::Verify
        )
    }

    /// Parses a location hash.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] | ["catalogue"] => Route::Catalogue,
            ["opinions"] => Route::Opinions,
            ["records"] => Route::Records,
            ["record", id] => Route::Record { id: (*id).to_owned(), stage: None },
            ["record", id, "print", doc] => Route::Print { id: (*id).to_owned(), doc: (*doc).to_owned() },
            ["record", id, stage] => Route::Record { id: (*id).to_owned(), stage: Some((*stage).to_owned()) },
            ["settings"] => Route::Settings,
            ["list"] => Route::List,
            ["list", "print"] => Route::ListPrint,
            ["training"] => Route::Training,
            ["training", "print"] => Route::TrainingPrint,
            ["overview"] => Route::Overview,
            ["verify"] => Route::Verify,
            ["supervise"] => Route::Supervise,
            _ => Route::NotFound,
        }
    }

    /// The hash for a route.
    pub fn href(&self) -> String {
        match self {
            Route::Catalogue => "#/catalogue".into(),
            Route::Opinions => "#/opinions".into(),
            Route::Records => "#/records".into(),
            Route::Record { id, stage: None } => format!("#/record/{id}"),
            Route::Record { id, stage: Some(s) } => format!("#/record/{id}/{s}"),
            Route::Print { id, doc } => format!("#/record/{id}/print/{doc}"),
            Route::Settings => "#/settings".into(),
            Route::List => "#/list".into(),
            Route::ListPrint => "#/list/print".into(),
            Route::Training => "#/training".into(),
            Route::TrainingPrint => "#/training/print".into(),
            Route::Overview => "#/overview".into(),
            Route::Verify => "#/verify".into(),
            Route::Supervise => "#/supervise".into(),
            Route::NotFound => "#/".into(),
        }
    }

    /// Goes to a route.
    pub fn go(&self) {
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(&self.href());
        }
    }
}

/// The route the location shows now.
pub fn current() -> Route {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    Route::parse(&hash)
}

/// The current route, updated on `hashchange`.
#[hook]
pub fn use_route() -> Route {
    let route = use_state(current);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener =
                web_sys::window().map(|w| on_event(&w, "hashchange", move || route.set(current())));
            move || drop(listener)
        });
    }
    (*route).clone()
}

/// An event listener removed when dropped (gloo-events', which Yew already builds in).
pub type Listener = gloo_events::EventListener;

/// Listens to `kind` events on `target` until the returned value is dropped.
pub fn on_event(
    target: &web_sys::EventTarget,
    kind: &'static str,
    mut f: impl FnMut() + 'static,
) -> Listener {
    gloo_events::EventListener::new(target, kind, move |_| f())
}

/// Like [`on_event`], with the event.
pub fn listen(
    target: &web_sys::EventTarget,
    kind: &'static str,
    mut f: impl FnMut(web_sys::Event) + 'static,
) -> Listener {
    gloo_events::EventListener::new(target, kind, move |e| f(e.clone()))
}
