//! The Word export, in a web worker of its own: the main app sends a document (the print model,
//! as JSON) and gets the .docx bytes back. Kept out of the main wasm so that docx-rs and its zip
//! back ends are downloaded only when someone asks for a Word file. Native builds have nothing
//! to run.

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
    use xieshang::domain::documents::Document;
    use xieshang::domain::docx::to_docx;

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let doc = e.data().as_string().and_then(|text| serde_json::from_str::<Document>(&text).ok());
            match doc {
                Some(doc) => {
                    let bytes = js_sys::Uint8Array::from(to_docx(&doc).as_slice());
                    let _ = reply.post_message(&bytes);
                }
                None => {
                    let _ = reply.post_message(&JsValue::NULL);
                }
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // Messages sent before this handler existed would be lost: say when it is ready.
        let _ = scope.post_message(&JsValue::from_str("ready"));
    }
}
