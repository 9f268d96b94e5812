//! The bureau's tools (the documents of a record, the county's list, training, the overview,
//! 核验文书), in a wasm module of their own that the app fetches the first time one is opened and
//! mounts once beside its own root (see `ui::extras`, which holds the whole bridge). Native
//! builds have nothing to run.

fn main() {}

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// The module's app, mounted by the app.
    #[wasm_bindgen]
    pub struct Extras(xieshang::ui::extras::ModuleApp);

    #[wasm_bindgen]
    impl Extras {
        /// Takes a message from the app (`ui::extras::ToModule`, as JSON).
        pub fn send(&mut self, message: &str) {
            self.0.send(message);
        }

        /// Takes the module's app away.
        pub fn unmount(&mut self) {
            self.0.unmount();
        }
    }

    /// Mounts the module's app into `host`; `to_app` takes its messages to the app
    /// (`ui::extras::ToApp`, as JSON).
    #[wasm_bindgen]
    pub fn mount(host: web_sys::Element, to_app: js_sys::Function) -> Extras {
        Extras(xieshang::ui::extras::mount(host, to_app))
    }
}
