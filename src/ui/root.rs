//! Where this copy of the app lives: the node it is mounted in (the document, or a shadow
//! root in a host page) and its placement. Element lookups by id go through it, since a
//! shadow root's elements cannot be found from the document.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::embed_options::Placement;

/// Shared through context; cheap to copy into event handlers.
#[derive(Clone, Copy)]
pub struct AppRoot {
    node: StoredValue<web_sys::Node, LocalStorage>,
    placement: StoredValue<Placement>,
}

impl AppRoot {
    pub fn new(node: web_sys::Node, placement: Placement) -> Self {
        AppRoot {
            node: StoredValue::new_local(node),
            placement: StoredValue::new(placement),
        }
    }

    /// The element with `id` in this copy of the app.
    pub fn by_id(&self, id: &str) -> Option<web_sys::Element> {
        self.node.with_value(|node| {
            if let Some(shadow) = node.dyn_ref::<web_sys::ShadowRoot>() {
                shadow.get_element_by_id(id)
            } else {
                node.dyn_ref::<web_sys::Document>()?.get_element_by_id(id)
            }
        })
    }

    /// Focuses the element with `id`, if there is one.
    pub fn focus(&self, id: &str) {
        if let Some(element) = self
            .by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    }

    pub fn placement(&self) -> Placement {
        self.placement.get_value()
    }

    /// Whether the app has the page to itself (not framed or mounted in a host's element).
    pub fn owns_page(&self) -> bool {
        self.placement.with_value(|p| *p == Placement::Page)
    }
}
