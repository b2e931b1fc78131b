//! Messages to the page around a frame: where to scroll, as pym.js and `embed.js` expect it.
//! (The frame's height is sent by the loader, `boot.js`, which does not wait for the wasm.)
//! Sends nothing when there is no parent window.

use leptos::prelude::window;
use wasm_bindgen::JsValue;

/// Our own messages carry this key, so `embed.js` can tell them from others.
const MESSAGE_KEY: &str = "explainer";

fn post_to_parent(message: &JsValue) {
    let window = window();
    if let Ok(Some(parent)) = window.parent() {
        if parent != window {
            let _ = parent.post_message(message, "*");
        }
    }
}

fn pym_message(child_id: Option<&str>, kind: &str, value: &str) -> JsValue {
    JsValue::from_str(&format!(
        "pymxPYMx{}xPYMx{kind}xPYMx{value}",
        child_id.unwrap_or_default()
    ))
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// Asks the parent to scroll so that a point `top` pixels below the frame's top is in view.
pub fn ask_parent_to_scroll(child_id: Option<&str>, top: f64) {
    // Whole pixels, written as an integer: formatting a float would add kilobytes of wasm.
    let top = top.max(0.0).round() as u32;
    post_to_parent(&pym_message(child_id, "scrollToChildPos", &top.to_string()));
    post_to_parent(&object(&[
        (MESSAGE_KEY, "scroll".into()),
        ("top", f64::from(top).into()),
    ]));
}
