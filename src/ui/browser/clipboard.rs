//! Copying text to the clipboard, where the browser allows it.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Copies `text`; resolves to whether it worked. Never throws: the Clipboard API is missing
/// outside secure contexts and may be refused in frames or without permission.
pub async fn copy_text(text: &str) -> bool {
    let navigator = leptos::prelude::window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null());
    match clipboard {
        Some(clipboard) => {
            let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
            JsFuture::from(clipboard.write_text(text)).await.is_ok()
        }
        None => false,
    }
}
