//! Entry point: start the UI in the browser. Native builds have nothing to run.

fn main() {
    #[cfg(target_arch = "wasm32")]
    xieshang::ui::start();
}
