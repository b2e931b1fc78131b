//! Where this copy of the explainer lives: its root element (in the document, or in a shadow
//! root on a host page), which page it was rendered for, and what the host asked for. Shared
//! through context by the root island.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use explainer_core::embed_options::{EmbedOptions, Placement};
use explainer_core::names::HYDRATED_EVENT;

use explainer_core::page_kind::PageKind;

/// Where this copy of the app lives: its root element (in the document, or in a shadow root on
/// a host page) and the host's options. Shared through context; cheap to copy.
#[derive(Clone, Copy)]
pub struct AppRoot {
    element: NodeRef<Div>,
    kind: PageKind,
    options: RwSignal<Option<EmbedOptions>>,
}

impl AppRoot {
    /// The app rooted at `element`, before the host's options are read.
    pub fn new(element: NodeRef<Div>, kind: PageKind) -> Self {
        AppRoot {
            element,
            kind,
            options: RwSignal::new(None),
        }
    }

    /// The element with `id` in this copy of the app; a shadow root's elements cannot be found
    /// from the document.
    pub fn by_id(&self, id: &str) -> Option<web_sys::Element> {
        let root = self.element.get_untracked()?.get_root_node();
        match root.dyn_ref::<web_sys::ShadowRoot>() {
            Some(shadow) => shadow.get_element_by_id(id),
            None => document().get_element_by_id(id),
        }
    }

    /// The pym.js child id when the explainer is in a frame, as `Some(None)` without one.
    pub fn frame_child_id(&self) -> Option<Option<String>> {
        self.options.with_untracked(|options| match options {
            Some(EmbedOptions {
                placement: Placement::Frame { child_id },
                ..
            }) => Some(child_id.clone()),
            _ => None,
        })
    }

    /// Runs `then` once the islands inside the root element are all hydrated.
    pub fn when_hydrated(&self, then: impl FnOnce() + 'static) {
        let Some(element) = self.element.get_untracked() else {
            return;
        };
        let callback = Closure::once_into_js(then);
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        let _ = element.add_event_listener_with_callback_and_add_event_listener_options(
            HYDRATED_EVENT,
            callback.unchecked_ref(),
            &options,
        );
    }

    /// Reads the host's options (from the page's query string, or from the attributes of the
    /// element whose shadow root holds the app) and returns the part they ask to open.
    pub fn read_options(&self) -> Option<String> {
        let options = self.host_options();
        let open = options.open.clone();
        self.options.set(Some(options));
        open
    }

    /// The theme the host asked for, as `data-theme`; tracked.
    pub fn theme(&self) -> Option<&'static str> {
        self.options
            .with(|o| o.as_ref().and_then(|o| o.theme.attribute()))
    }

    fn host_options(&self) -> EmbedOptions {
        let host = self
            .element
            .get_untracked()
            .and_then(|el| el.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok())
            .map(|shadow| shadow.host());
        let query = || window().location().search().unwrap_or_default();
        match (host, self.kind) {
            (Some(host), _) => EmbedOptions::from_attributes(|name| {
                host.get_attribute(&format!("data-explainer-{name}"))
            }),
            (None, PageKind::Frame) => EmbedOptions::from_frame_query(&query()),
            (None, _) => EmbedOptions::from_query(&query()),
        }
    }
}
