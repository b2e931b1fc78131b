//! The pages the build writes, each rendered from the content with the app's own components
//! around what Trunk staged in `index.html` (its stylesheet, preloads and loader):
//! `index.html` (the explainer's own page), `embed.html` (for frames) and `fragment.html` (the
//! markup alone, for the script embed).

use std::sync::Arc;

use explainer_core::content::Content;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use partnership_explainer::ui::app_root::PageKind;
use partnership_explainer::ui::page::ExplainerPage;

use crate::head::{escape, head_tags};
use crate::BuildSettings;

/// One file to write into the bundle.
pub struct Page {
    pub file: &'static str,
    pub html: String,
}

/// What Trunk staged: the inside of the template's `<head>` and `<body>`.
struct Staged<'a> {
    head: &'a str,
    body: &'a str,
}

/// The inside of the first `<tag …>…</tag>` in `html`.
fn inside<'a>(html: &'a str, tag: &str) -> Result<&'a str, String> {
    let open = html
        .find(&format!("<{tag}"))
        .and_then(|start| html[start..].find('>').map(|end| start + end + 1))
        .ok_or_else(|| format!("index.html: no <{tag}>"))?;
    let close = html[open..]
        .find(&format!("</{tag}>"))
        .map(|end| open + end)
        .ok_or_else(|| format!("index.html: <{tag}> is not closed"))?;
    Ok(&html[open..close])
}

/// Renders every page from `content` around `template` (Trunk's `index.html`).
pub fn pages(
    content: &Content,
    template: &str,
    settings: &BuildSettings,
) -> Result<Vec<Page>, String> {
    let staged = Staged {
        head: inside(template, "head")?,
        body: inside(template, "body")?,
    };
    let content = Arc::new(content.clone());
    let base = &settings.base_url;
    let page = |kind: PageKind, body_class: &str| {
        format!(
            "<!doctype html>\n<html lang=\"{lang}\">\n<head>{head}\n    {tags}\n</head>\n<body class=\"{body_class}\">{explainer}{scripts}</body>\n</html>\n",
            lang = escape(&content.lang),
            head = staged.head.trim_end(),
            tags = head_tags(&content, kind, base),
            explainer = render(&content, kind, base),
            scripts = staged.body,
        )
    };
    Ok(vec![
        Page {
            file: "index.html",
            html: page(PageKind::Page, "explainer-page"),
        },
        Page {
            file: "embed.html",
            html: page(PageKind::Frame, "explainer-page explainer-frame"),
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
