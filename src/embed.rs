//! Living inside other pages: telling a parent window how tall the explainer is and where to
//! scroll (pym.js, AMP and our own `embed.js` messages), and mounting into a host element's
//! shadow root for the script embed.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::asset_url::app_asset_url;
use crate::embed_options::EmbedOptions;
use crate::ui::app::App;

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

/// Sends the document's height to the parent whenever it changes: as pym.js and AMP messages,
/// and as our own. Measures the body, which (unlike the viewport) shrinks with the content.
pub fn report_height(child_id: Option<String>) {
    let last = std::rc::Rc::new(Cell::new(0u32));
    let send = move || {
        let Some(body) = document().body() else {
            return;
        };
        let height = body.get_bounding_client_rect().height().ceil() as u32;
        if height == last.get() {
            return;
        }
        last.set(height);
        let px = f64::from(height);
        post_to_parent(&pym_message(
            child_id.as_deref(),
            "height",
            &height.to_string(),
        ));
        post_to_parent(&object(&[
            ("sentinel", "amp".into()),
            ("type", "embed-size".into()),
            ("height", px.into()),
        ]));
        post_to_parent(&object(&[
            (MESSAGE_KEY, "height".into()),
            ("height", px.into()),
        ]));
    };
    let callback = Closure::<dyn Fn()>::new(send);
    if let (Ok(observer), Some(body)) = (
        web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()),
        document().body(),
    ) {
        observer.observe(&body);
    }
    // The observer lives as long as the page.
    callback.forget();
}

/// Asks the parent to scroll so that a point `top` pixels below the frame's top is in view.
pub fn ask_parent_to_scroll(child_id: Option<&str>, top: f64) {
    let top = top.max(0.0).round();
    post_to_parent(&pym_message(child_id, "scrollToChildPos", &top.to_string()));
    post_to_parent(&object(&[
        (MESSAGE_KEY, "scroll".into()),
        ("top", top.into()),
    ]));
}

/// The script embed: mounts an explainer in `host`, inside a shadow root that also loads the
/// stylesheet at `stylesheet`. Options come from the host's `data-explainer-*` attributes.
#[wasm_bindgen]
pub fn mount_explainer(host: web_sys::HtmlElement, stylesheet: String) -> Result<(), JsValue> {
    let options =
        EmbedOptions::from_attributes(|name| host.get_attribute(&format!("data-explainer-{name}")));
    let init = web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open);
    let shadow = host.attach_shadow(&init)?;
    let document = document();
    let link = document.create_element("link")?;
    link.set_attribute("rel", "stylesheet")?;
    link.set_attribute("href", &stylesheet)?;
    shadow.append_child(&link)?;
    let container: web_sys::HtmlElement = document.create_element("div")?.unchecked_into();
    shadow.append_child(&container)?;
    let content_url = app_asset_url(&options.content_path());
    let root: web_sys::Node = shadow.into();
    let mounted = leptos::mount::mount_to(container, move || {
        view! { <App content_url options root /> }
    });
    // It stays for the life of the page.
    mounted.forget();
    Ok(())
}
