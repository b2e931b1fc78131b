//! What the page already holds, which the islands' props leave out: an island reads texts and
//! attributes back from its own element as it hydrates. (Hydrating a text leaves the page's text
//! as it is, so an island built with an empty string shows what was rendered at build time.)

use std::cell::RefCell;

use wasm_bindgen::JsCast;

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
fn matching(selector: &str) -> Vec<web_sys::Element> {
    let Some(found) =
        hydrating_island().and_then(|island| island.query_selector_all(selector).ok())
    else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into().ok())
        .collect()
}

/// The texts of every element matching `selector` in the island being hydrated, in page order.
pub fn read_all(selector: &str) -> Vec<String> {
    (matching(selector).iter())
        .filter_map(|element| element.text_content())
        .collect()
}

/// The attribute `name` of every element matching `selector` in the island being hydrated
/// that has it, in page order.
pub fn read_attributes(selector: &str, name: &str) -> Vec<String> {
    (matching(selector).iter())
        .filter_map(|element| element.get_attribute(name))
        .collect()
}

/// `text`, or where it was left out of the props, the page's text at `selector` (the first
/// match in the island being hydrated; none at build time, where there is no page).
pub fn or_read(text: &mut String, selector: &str) {
    if text.is_empty() {
        *text = read_all(selector).into_iter().next().unwrap_or_default();
    }
}
