//! The pages the build writes for each edition of the story, each rendered from its content
//! with the app's own components around what Trunk staged in `index.html` (its stylesheet,
//! preloads and loader): `index.html` (the explainer's own page), `embed.html` (for frames)
//! and `fragment.html` (the markup alone, for the script embed), in the edition's folder.

use std::sync::Arc;

use explainer_core::content::Content;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use partnership_explainer::ui::app_root::{Edition, PageKind};
use partnership_explainer::ui::language_switch::LanguageLink;
use partnership_explainer::ui::page::ExplainerPage;

use crate::content_files::CheckedEdition;
use crate::head::{escape, head_tags, Alternate};
use crate::BuildSettings;

/// One file to write into the bundle, at `file` (relative to its top).
pub struct Page {
    pub file: String,
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

/// Renders every page of every edition around `template` (Trunk's `index.html`).
pub fn pages(
    editions: &[CheckedEdition],
    template: &str,
    settings: &BuildSettings,
) -> Result<Vec<Page>, String> {
    let public_url = &settings.public_url;
    // The no-JavaScript stylesheet and the reading-mode script are found from pages in
    // editions' folders too.
    let mut head = inside(template, "head")?.to_string();
    for (attribute, file) in [("href", "static.css"), ("src", "reading-mode.js")] {
        let relative = format!("{attribute}=\"{file}\"");
        if !head.contains(&relative) {
            return Err(format!("index.html: the head has no {relative}"));
        }
        head = head.replace(&relative, &format!("{attribute}=\"{public_url}{file}\""));
    }
    let staged = Staged {
        head: &head,
        body: inside(template, "body")?,
    };
    let base = &settings.base_url;
    let alternates: Vec<Alternate> = editions
        .iter()
        .map(|e| Alternate {
            lang: e.content.lang.clone(),
            href: format!("{base}{}", e.path),
        })
        .collect();
    let mut pages = Vec::new();
    for edition in editions {
        let content = Arc::new(edition.content.clone());
        let here = Edition {
            lang: content.lang.clone(),
            path: edition.path.clone(),
        };
        let page = |kind: PageKind, body_class: &str| {
            let links = language_links(editions, edition, kind);
            format!(
                "<!doctype html>\n<html lang=\"{lang}\">\n<head>{head}\n    {tags}\n</head>\n<body class=\"{body_class}\">{explainer}{scripts}</body>\n</html>\n",
                lang = escape(&content.lang),
                head = staged.head.trim_end(),
                tags = head_tags(&content, kind, &format!("{base}{}", edition.path), &alternates),
                explainer = render(&content, kind, base, &here, links),
                scripts = staged.body,
            )
        };
        pages.push(Page {
            file: format!("{}index.html", edition.path),
            html: page(PageKind::Page, "explainer-page"),
        });
        pages.push(Page {
            file: format!("{}embed.html", edition.path),
            html: page(PageKind::Frame, "explainer-page explainer-frame"),
        });
        pages.push(Page {
            file: format!("{}fragment.html", edition.path),
            html: render(&content, PageKind::Fragment, base, &here, Vec::new()),
        });
    }
    Ok(pages)
}

/// Links from `edition`'s page of `kind` to the same page of every other edition. A fragment
/// has none: it lives in a host's page, which the reader would leave.
fn language_links(
    editions: &[CheckedEdition],
    edition: &CheckedEdition,
    kind: PageKind,
) -> Vec<LanguageLink> {
    let file = match kind {
        PageKind::Page => "",
        PageKind::Frame => "embed.html",
        PageKind::Fragment => return Vec::new(),
    };
    let up = "../".repeat(edition.path.matches('/').count());
    editions
        .iter()
        .filter(|other| other.path != edition.path)
        .map(|other| LanguageLink {
            lang: other.content.lang.clone(),
            name: other.content.labels.language_name.clone(),
            href: format!("{up}{}{file}", other.path),
        })
        .collect()
}

/// The explainer as HTML, as `kind` of page shows it, for `edition`, linking to `languages`.
pub fn render(
    content: &Arc<Content>,
    kind: PageKind,
    base_url: &str,
    edition: &Edition,
    languages: Vec<LanguageLink>,
) -> String {
    // Islands mode: nothing is marked for hydration except the islands themselves.
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new_islands())));
    owner.with(|| {
        let content = content.clone();
        let base_url = base_url.to_string();
        let edition = edition.clone();
        view! { <ExplainerPage content kind base_url edition languages /> }.to_html()
    })
}
