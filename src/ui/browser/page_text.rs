//! What the page already holds: the islands take no props, and read the texts and attributes they
//! need back from their own element as they hydrate (the words their code shows, from the
//! `data-words` the build writes). (Hydrating a text leaves the page's text as it is, so an island
//! built with an empty string shows what was rendered at build time.)

use std::cell::RefCell;

use explainer_core::json::Json;
use wasm_bindgen::JsCast;

use crate::ui::browser::json;

thread_local! {
    /// The island element being hydrated; islands hydrate one at a time.
    static HYDRATING: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// Names `island` as the one being hydrated, until `None`; called by the wasm entry around each
/// island's hydration.
pub fn set_hydrating(island: Option<web_sys::Element>) {
    HYDRATING.with(|current| *current.borrow_mut() = island);
}

/// The island element being hydrated (none at build time, where there is no page).
pub fn hydrating_island() -> Option<web_sys::Element> {
    HYDRATING.with(|current| current.borrow().clone())
}

/// Every element matching `selector` in the island being hydrated, in page order.
pub fn matching(selector: &str) -> Vec<web_sys::Element> {
    hydrating_island().map_or_else(Vec::new, |island| within(&island, selector))
}

/// Every element matching `selector` inside `element`, in page order.
pub fn within(element: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(found) = element.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into().ok())
        .collect()
}

/// The text of the first element matching `selector` inside `element`; empty where none does.
pub fn first_text(element: &web_sys::Element, selector: &str) -> String {
    (element.query_selector(selector).ok().flatten())
        .and_then(|found| found.text_content())
        .unwrap_or_default()
}

/// `element`'s id without `prefix` (`item-build` → `build`).
pub fn id_after(element: &web_sys::Element, prefix: &str) -> String {
    let id = element.id();
    id.strip_prefix(prefix).unwrap_or(&id).to_string()
}

/// The attribute `name` of every element matching `selector` in the island being hydrated
/// that has it, in page order.
pub fn read_attributes(selector: &str, name: &str) -> Vec<String> {
    (matching(selector).iter())
        .filter_map(|element| element.get_attribute(name))
        .collect()
}

/// The `data-words` attribute of an island's element, written at build time: `labels` (an
/// interface words struct) and the `extra` fields, as JSON; [`words`] reads it back.
pub fn words_attribute(
    labels: &impl serde::Serialize,
    extra: &[(&str, serde_json::Value)],
) -> Option<String> {
    let mut words = serde_json::to_value(labels).ok()?;
    for (key, value) in extra {
        words[*key] = value.clone();
    }
    Some(words.to_string())
}

/// The interface words the first element matching `selector` in the island being hydrated carries
/// as JSON in its `data-words` ([`words_attribute`]), parsed by the browser; `Json::Null` (every
/// word empty) where there are none.
pub fn words(selector: &str) -> Json {
    let words = read_attributes(selector, "data-words");
    (words.first())
        .and_then(|text| json::parse(text))
        .unwrap_or(Json::Null)
}
