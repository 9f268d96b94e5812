//! The pages used less often (print views, the county's list, training, the overview, the
//! ledger's import and export), in a wasm module of their own that the app fetches the first
//! time one is opened (see `ui::extras`). Native builds have nothing to run.

fn main() {}

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// A page mounted by the app.
    #[wasm_bindgen]
    pub struct Extras(xieshang::ui::extras::Mounted);

    #[wasm_bindgen]
    impl Extras {
        /// Passes what the app says now (a `Spec` as JSON).
        pub fn update(&mut self, spec: &str) {
            self.0.update(spec);
        }

        /// Takes the page away.
        pub fn unmount(&mut self) {
            self.0.unmount();
        }
    }

    /// Takes up the county's list file at `url` into the database `db` if it has none yet.
    #[wasm_bindgen(js_name = takeUpList)]
    pub async fn take_up_list(db: String, url: String) -> bool {
        xieshang::ui::extras::take_up_list_here(&db, &url).await
    }

    /// Mounts the page `spec` (JSON) names into `element`, with the app's callbacks.
    #[wasm_bindgen]
    pub fn mount(element: web_sys::Element, spec: &str, host: JsValue) -> Result<Extras, JsValue> {
        xieshang::ui::extras::mount(element, spec, host).map(Extras)
    }
}
