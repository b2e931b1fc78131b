//! Links into the page: opening it at `#<section-id>`, or following such a link later, opens
//! that section and brings it into view.

use leptos::ev;
use leptos::prelude::*;

use crate::ui::reading::Reading;

/// The element id named by the URL's fragment, if any.
fn fragment_id() -> Option<String> {
    let hash = window().location().hash().ok()?;
    let id = hash.strip_prefix('#')?;
    let id = js_sys::decode_uri_component(id)
        .ok()
        .map(String::from)
        .unwrap_or(id.to_string());
    (!id.is_empty()).then_some(id)
}

/// Follows the fragment now (the page may have been opened with one) and on every change.
pub fn follow_fragment(section_ids: Vec<String>) {
    let reading = expect_context::<Reading>();
    let go = move || {
        let Some(id) = fragment_id() else { return };
        if !section_ids.contains(&id) {
            return;
        }
        reading.set_open(&id, true);
        if let Some(target) = document().get_element_by_id(&id) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_behavior(web_sys::ScrollBehavior::Instant);
            target.scroll_into_view_with_scroll_into_view_options(&options);
        }
    };
    let on_change = window_event_listener(ev::hashchange, {
        let go = go.clone();
        move |_| go()
    });
    on_cleanup(move || on_change.remove());
    // After the first render, so the target exists.
    Effect::new(move |_| go());
}
