//! Island: the explainer's outermost element. It holds the state its inner islands share
//! (deep links, where the app lives) and, once hydrated, applies what the host asked for
//! (theme, a part to open).

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::browser::app_root::AppRoot;
use crate::ui::browser::deep_link::DeepLinks;
use crate::ui::browser::page_text;
use crate::ui::browser::section_links;
use crate::ui::views::language_switch::keep_place_across_languages;
use explainer_core::names::FRAME_CLASS;
use explainer_core::page_kind::PageKind;

/// Which page the explainer is rendered for, and its content's language. The root island takes
/// no props (so the first module the page loads needs no JSON parser): the page provides this
/// as context at build time, and in the browser the island reads it back from the page.
#[derive(Clone, Debug, PartialEq)]
pub struct RootSettings {
    pub kind: PageKind,
    pub lang: String,
}

impl RootSettings {
    /// The settings the page was rendered with: a fragment lives in a shadow root, a frame's
    /// body is marked, and the root element carries the language.
    fn read_back() -> Self {
        let island = page_text::hydrating_island();
        let in_shadow_root = island.as_ref().is_some_and(|island| {
            island
                .get_root_node()
                .is_instance_of::<web_sys::ShadowRoot>()
        });
        let in_frame = document()
            .body()
            .is_some_and(|body| body.class_list().contains(FRAME_CLASS));
        let kind = match (in_shadow_root, in_frame) {
            (true, _) => PageKind::Fragment,
            (false, true) => PageKind::Frame,
            (false, false) => PageKind::Page,
        };
        let lang = page_text::read_attributes(".explainer", "lang")
            .into_iter()
            .next()
            .unwrap_or_default();
        RootSettings { kind, lang }
    }
}

/// Wraps the whole explainer (`children`, rendered at build time), as [`RootSettings`] say.
#[island]
pub fn ExplainerRoot(children: Children) -> impl IntoView {
    let RootSettings { kind, lang } = use_context().unwrap_or_else(RootSettings::read_back);
    let element = NodeRef::<Div>::new();
    let root = AppRoot::new(element, kind);
    provide_context(root);
    let links = DeepLinks::install(root);
    provide_context(links);
    // Once every island is hydrated, so the page first shows exactly what was rendered at
    // build time, and every part a link may open has said how.
    Effect::new(move |_| {
        keep_place_across_languages();
        root.when_hydrated(move || {
            let open = root.read_options();
            section_links::install(element, links);
            links.start(open);
        });
    });
    let theme = move || root.theme();
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
