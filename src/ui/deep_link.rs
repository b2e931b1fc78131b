//! Links into the page: opening it at `#<id>`, or following such a link later, brings the
//! element with that id into view, opening it first when it is a part that opens (a section,
//! a FAQ entry). The browser cannot do this alone: the page is rendered after it loads.

use std::collections::HashMap;
use std::rc::Rc;

use leptos::ev;
use leptos::prelude::*;

/// What opens the part with a given id.
type Openers = HashMap<String, Rc<dyn Fn()>>;

/// What to do for each id a link may name; shared through context.
#[derive(Clone, Copy)]
pub struct DeepLinks {
    openers: StoredValue<Openers, LocalStorage>,
}

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

impl DeepLinks {
    /// Creates the registry, then follows the fragment after the first render (the page may
    /// have been opened with one) and whenever it changes.
    pub fn install() -> Self {
        let links = DeepLinks {
            openers: StoredValue::new_local(HashMap::new()),
        };
        let on_change = window_event_listener(ev::hashchange, move |_| links.follow());
        on_cleanup(move || on_change.remove());
        Effect::new(move |_| links.follow());
        links
    }

    /// Runs `open` whenever the URL's fragment names `id`.
    pub fn register(&self, id: impl Into<String>, open: impl Fn() + 'static) {
        self.openers.update_value(|openers| {
            openers.insert(id.into(), Rc::new(open));
        });
    }

    fn follow(&self) {
        let Some(id) = fragment_id() else { return };
        if let Some(open) = self.openers.with_value(|openers| openers.get(&id).cloned()) {
            open();
        }
        // Once the opened part is rendered (reactive updates run before the next frame).
        request_animation_frame(move || {
            if let Some(target) = document().get_element_by_id(&id) {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_behavior(web_sys::ScrollBehavior::Instant);
                target.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }
}
