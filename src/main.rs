//! Entry point: start the UI in the browser, and the export that embeds it in a host page
//! (`embed.js` calls `mount`). Native builds have nothing to run.

fn main() {
    #[cfg(target_arch = "wasm32")]
    xieshang::ui::start();
}

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// The app mounted in a host page; `unmount()` takes it away.
    #[wasm_bindgen]
    pub struct Embedded {
        app: Option<yew::AppHandle<xieshang::ui::App>>,
    }

    #[wasm_bindgen]
    impl Embedded {
        /// Removes the app from the host element.
        pub fn unmount(&mut self) {
            if let Some(app) = self.app.take() {
                // Yew runs a destroy before a create queued in the same turn, so an app taken away
                // in the turn it was mounted would be made afterwards and never go (a host that
                // mounts again and again had such apps answer the bureau page's messages). The
                // destroy waits for the scheduler's turn, in which the create runs.
                yew::platform::spawn_local(async move {
                    yew::platform::time::sleep(std::time::Duration::ZERO).await;
                    app.destroy();
                });
            }
            xieshang::ui::extras::unmount();
            xieshang::ui::embed::forget_host();
        }
    }

    /// Mounts the app into `host` (see `ui::embed`).
    #[wasm_bindgen]
    pub fn mount(host: web_sys::Element, options: JsValue) -> Result<Embedded, JsValue> {
        xieshang::ui::embed::mount(host, options).map(|app| Embedded { app: Some(app) })
    }
}
