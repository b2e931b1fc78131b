//! Island: the explainer's outermost element. It holds the state its inner islands share
//! (reading mode, glossary, deep links, where the app lives) and, once hydrated, applies what
//! the host asked for (theme, a part to open) and what the reader left last time.

use leptos::html::Div;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use explainer_core::embed_options::{EmbedOptions, Placement};

use crate::ui::deep_link::DeepLinks;
use crate::ui::glossary::Glossary;
use crate::ui::reading::Reading;

/// Which page this copy of the explainer was rendered for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PageKind {
    /// Its own page, `index.html`: with the reading-progress bar and "Embed this".
    Page,
    /// `embed.html`, shown in a host's iframe: no chrome, nothing sticky, reports its height.
    Frame,
    /// `fragment.html`, put into a host element's shadow root by the script embed.
    Fragment,
}

/// Where this copy of the app lives: its root element (in the document, or in a shadow root on
/// a host page) and the host's options. Shared through context; cheap to copy.
#[derive(Clone, Copy)]
pub struct AppRoot {
    element: NodeRef<Div>,
    kind: PageKind,
    options: RwSignal<Option<EmbedOptions>>,
}

impl AppRoot {
    /// The element with `id` in this copy of the app; a shadow root's elements cannot be found
    /// from the document.
    pub fn by_id(&self, id: &str) -> Option<web_sys::Element> {
        let root = self.element.get_untracked()?.get_root_node();
        match root.dyn_ref::<web_sys::ShadowRoot>() {
            Some(shadow) => shadow.get_element_by_id(id),
            None => document().get_element_by_id(id),
        }
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

    pub fn kind(&self) -> PageKind {
        self.kind
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

    /// The host's options: from the page's query string, or from the attributes of the element
    /// whose shadow root holds the app.
    fn read_options(&self) -> EmbedOptions {
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

/// Wraps the whole explainer (`children`, rendered at build time); `lang` is the content's.
#[island]
pub fn ExplainerRoot(kind: PageKind, lang: String, children: Children) -> impl IntoView {
    let element = NodeRef::<Div>::new();
    let root = AppRoot {
        element,
        kind,
        options: RwSignal::new(None),
    };
    provide_context(root);
    let reading = Reading::new();
    provide_context(reading);
    provide_context(Glossary::install(root));
    let links = DeepLinks::install(root);
    provide_context(links);
    // After hydration, so the page first shows exactly what was rendered at build time.
    Effect::new(move |_| {
        let options = root.read_options();
        let open = options.open.clone();
        root.options.set(Some(options));
        reading.restore();
        links.start(open);
    });
    let theme = move || {
        root.options
            .with(|o| o.as_ref().and_then(|o| o.theme.attribute()))
    };
    view! {
        <div
            class="explainer"
            class:explainer--embedded=kind != PageKind::Page
            data-theme=theme
            lang=lang
            node_ref=element
        >
            {children()}
        </div>
    }
}
