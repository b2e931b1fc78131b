//! The pages the build writes, each rendered from the content with the app's own components
//! and spliced into the page Trunk staged: `index.html` (the explainer's own page),
//! `embed.html` (for frames) and `fragment.html` (the markup alone, for the script embed).

use std::sync::Arc;

use explainer_core::content::Content;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use partnership_explainer::ui::page::ExplainerPage;
use partnership_explainer::ui::root::PageKind;

use crate::head::head_tags;
use crate::BuildSettings;

/// Where the head tags go in `index.html`.
const HEAD_MARKER: &str = "<!-- head -->";
/// Where the explainer goes in `index.html`.
const BODY_MARKER: &str = "<!-- explainer -->";
/// The body of the explainer's own page, as `index.html` has it.
const PAGE_BODY: &str = "<body class=\"explainer-page\">";

/// One file to write into the bundle.
pub struct Page {
    pub file: &'static str,
    pub html: String,
}

/// Renders every page from `content` into `template` (Trunk's `index.html`).
pub fn pages(content: &Content, template: &str, settings: &BuildSettings) -> Result<Vec<Page>, String> {
    for marker in [HEAD_MARKER, BODY_MARKER, PAGE_BODY] {
        if !template.contains(marker) {
            return Err(format!("index.html: `{marker}` is missing"));
        }
    }
    let content = Arc::new(content.clone());
    let base = &settings.base_url;
    let page = |kind: PageKind, body: &str| {
        template
            .replacen(HEAD_MARKER, &head_tags(&content, kind, base), 1)
            .replacen(PAGE_BODY, body, 1)
            .replacen(BODY_MARKER, &render(&content, kind, base), 1)
    };
    Ok(vec![
        Page {
            file: "index.html",
            html: page(PageKind::Page, PAGE_BODY),
        },
        Page {
            file: "embed.html",
            html: page(
                PageKind::Frame,
                "<body class=\"explainer-page explainer-frame\">",
            ),
        },
        Page {
            file: "fragment.html",
            html: render(&content, PageKind::Fragment, base),
        },
    ])
}

/// The explainer as HTML, as `kind` of page shows it.
pub fn render(content: &Arc<Content>, kind: PageKind, base_url: &str) -> String {
    // Islands mode: nothing is marked for hydration except the islands themselves.
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new_islands())));
    owner.with(|| {
        let content = content.clone();
        let base_url = base_url.to_string();
        view! { <ExplainerPage content kind base_url /> }.to_html()
    })
}
