//! Island: the explainer's outermost element. It holds the state its inner islands share
//! (deep links, where the app lives) and, once hydrated, applies what the host asked for
//! (theme, a part to open).

use leptos::html::Div;
use leptos::prelude::*;

use crate::ui::browser::app_root::AppRoot;
use crate::ui::browser::deep_link::DeepLinks;
use crate::ui::browser::section_links;
use crate::ui::views::language_switch::keep_place_across_languages;
use explainer_core::page_kind::PageKind;

/// Wraps the whole explainer (`children`, rendered at build time); `lang` is the content's.
#[island]
pub fn ExplainerRoot(kind: PageKind, lang: String, children: Children) -> impl IntoView {
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
