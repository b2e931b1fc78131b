//! Links to the story's other editions, at the top of each page: each names its language in
//! itself ("ខ្មែរ" on the English page, "English" on the Khmer one), so a reader of only that
//! language finds it. Once the page has hydrated, following one keeps the reader's place
//! (`#<section>` or `#faq-…`).

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Another edition, as this page links to it.
#[derive(Clone, Debug, PartialEq)]
pub struct LanguageLink {
    pub lang: String,
    /// The language named in itself.
    pub name: String,
    /// The edition's page of the same kind, relative to this one (`km/`, `../embed.html`).
    pub href: String,
    /// The edition's folder under the explainer's (`km/`; empty for the reference edition).
    pub path: String,
}

/// The class of every such link; the root island finds them by it.
const LINK_CLASS: &str = "language-switch__link";

/// The links to `languages`, named `label` for screen readers; nothing when there are none.
#[component]
pub fn LanguageSwitch(label: String, languages: Vec<LanguageLink>) -> impl IntoView {
    (!languages.is_empty()).then(|| {
        view! {
            <nav class="language-switch" aria-label=label>
                {languages
                    .into_iter()
                    .map(|language| view! {
                        <a class=LINK_CLASS href=language.href hreflang=language.lang.clone() lang=language.lang data-explainer-event="edition-opened">
                            {language.name}
                        </a>
                    })
                    .collect_view()}
            </nav>
        }
    })
}

/// Makes a followed language link carry the page's query and fragment, so the other edition
/// opens at the same part with the same options (a frame's `childId`, say). Called by the root
/// island, in the browser.
pub fn keep_place_across_languages() {
    let on_click = window_event_listener(ev::click, |event| {
        let link = event
            .composed_path()
            .iter()
            .find_map(|node| node.dyn_into::<web_sys::HtmlAnchorElement>().ok())
            .filter(|a| a.class_list().contains(LINK_CLASS));
        if let Some(link) = link {
            let location = window().location();
            link.set_search(&location.search().unwrap_or_default());
            link.set_hash(&location.hash().unwrap_or_default());
        }
    });
    on_cleanup(move || on_click.remove());
}
