//! Browser behaviour for the sections, which otherwise work with no code: a link naming a
//! section (`#<id>`, or the host's `open` option) ticks its Read more, and so opens it; a section
//! the browser's find-in-page opened ticks it too; and a section closed again is findable again.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::browser::deep_link::DeepLinks;

/// Every section's Read more checkbox carries this class.
const TOGGLE: &str = ".section-toggle__input";

/// Registers each section under `root` with `links`, and keeps find-in-page and the toggles in
/// step. Call once, in the browser, before the links start.
pub fn install(root: NodeRef<Div>, links: DeepLinks) {
    let Some(root) = root.get_untracked() else {
        return;
    };
    let Ok(toggles) = root.query_selector_all(TOGGLE) else {
        return;
    };
    for i in 0..toggles.length() {
        let Some(toggle) = toggles
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            continue;
        };
        let Some(section) = toggle.closest("section").ok().flatten() else {
            continue;
        };
        links.register(section.id(), move || toggle.set_checked(true));
    }
    // Find-in-page opened a closed section (removing its `hidden`): tick it, so its toggle
    // says Show less. `beforematch` does not bubble; it is caught on its way down.
    let on_match = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
        if let Some(toggle) = toggle_of(event.target()) {
            toggle.set_checked(true);
        }
    });
    // A section closed by hand: put back `hidden="until-found"`, which find-in-page removed.
    let on_change = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
        let Some(toggle) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .filter(|t| t.matches(TOGGLE).unwrap_or(false))
        else {
            return;
        };
        // The section's body comes right before its toggle.
        if let Some(body) = toggle.previous_element_sibling() {
            let _ = body.set_attribute("hidden", "until-found");
        }
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_capture(true);
    let _ = root.add_event_listener_with_callback_and_add_event_listener_options(
        "beforematch",
        on_match.as_ref().unchecked_ref(),
        &options,
    );
    let _ = root.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    // The listeners live as long as the page.
    on_match.forget();
    on_change.forget();
}

/// The Read more checkbox of the section holding `target`.
fn toggle_of(target: Option<web_sys::EventTarget>) -> Option<web_sys::HtmlInputElement> {
    let element = target?.dyn_into::<web_sys::Element>().ok()?;
    let section = element.closest("section").ok()??;
    section
        .query_selector(TOGGLE)
        .ok()??
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()
}
