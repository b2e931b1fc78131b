//! The pages the build writes for each edition of the story, each rendered from its content
//! with the app's own components around what Trunk staged in `index.html` (its stylesheet,
//! preloads and loader): `index.html` (the explainer's own page), `embed.html` (for frames)
//! and `fragment.html` (the markup alone, for the script embed), in the edition's folder; and
//! for each part that embeds alone, `embed/<part>.html` and `fragment/<part>.html`. Beside the
//! own page and each part's frame page, the oEmbed answer a CMS finds from the page's head.

use std::sync::Arc;

use explainer_core::content::parts::{embeddable_parts, EmbeddablePart};
use explainer_core::content::Content;
use explainer_core::embed_snippets::{oembed_file, Embed, EmbedHeights};
use explainer_core::html_text::escape;
use explainer_core::names::{
    FRAGMENT_FILE, FRAME_CLASS, FRAME_FILE, PAGE_FILE, PART_FRAGMENTS_FOLDER, PART_FRAMES_FOLDER,
    READING_MODE_FILE, STATIC_CSS_FILE,
};
use explainer_core::page_kind::{Edition, PageKind};
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use partnership_explainer::ui::pages::explainer_page::ExplainerPage;
use partnership_explainer::ui::pages::part_page::PartPage;
use partnership_explainer::ui::views::language_switch::LanguageLink;
use partnership_explainer::ui::views::locator_map::MapShapes;

use crate::content_files::CheckedEdition;
use crate::edits::replace_exactly;
use crate::head::{head_tags, Alternate};
use crate::settings::BuildSettings;

/// `<body>`'s class on the explainer's own page.
const PAGE_BODY_CLASS: &str = "explainer-page";

/// One file to write into the bundle, at `file` (relative to its top): a page, or an oEmbed
/// answer.
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

/// Renders every page of every edition around `template` (Trunk's `index.html`), with each
/// edition's locator map drawn as in `maps` (in the order of `editions`).
pub fn pages(
    editions: &[CheckedEdition],
    template: &str,
    settings: &BuildSettings,
    maps: &[Option<MapShapes>],
    embed_heights: &EmbedHeights,
) -> Result<Vec<Page>, String> {
    if maps.len() != editions.len() {
        return Err(format!(
            "{} editions but {} maps",
            editions.len(),
            maps.len()
        ));
    }
    let public_url = &settings.public_url;
    // The no-JavaScript stylesheet and the reading-mode script are found from pages in
    // editions' folders too.
    let mut head = inside(template, "head")?.to_string();
    for (attribute, file) in [("href", STATIC_CSS_FILE), ("src", READING_MODE_FILE)] {
        let relative = format!("{attribute}=\"{file}\"");
        let absolute = format!("{attribute}=\"{public_url}{file}\"");
        head = replace_exactly(&head, &relative, &absolute, 1, "index.html's head")?;
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
    // The frames' body is marked for the loader, which reports their height to the host.
    let frame_body_class = format!("{PAGE_BODY_CLASS} {FRAME_CLASS}");
    let mut pages = Vec::new();
    for (edition, map) in editions.iter().zip(maps) {
        let content = Arc::new(edition.content.clone());
        let here = Edition {
            lang: content.lang.clone(),
            path: edition.path.clone(),
        };
        let document = |kind: PageKind,
                        body_class: &str,
                        explainer: String,
                        oembed: Option<&str>| {
            let page_url = format!("{base}{}", edition.path);
            let oembed = oembed.map(|file| format!("{page_url}{file}"));
            format!(
                "<!doctype html>\n<html lang=\"{lang}\">\n<head>{head}\n    {tags}\n</head>\n<body class=\"{body_class}\">{explainer}{scripts}</body>\n</html>\n",
                lang = escape(&content.lang),
                head = staged.head.trim_end(),
                tags = head_tags(&content, kind, &page_url, &alternates, oembed.as_deref()),
                scripts = staged.body,
            )
        };
        let whole = |kind: PageKind| {
            let links = language_links(editions, edition, kind);
            render(
                &content,
                kind,
                base,
                &here,
                links,
                map.clone(),
                embed_heights,
            )
        };
        // The oEmbed answer for the page of `part` (or the whole explainer's own page).
        let oembed = |part: Option<&str>, title: &str| Page {
            file: format!("{}{}", edition.path, oembed_file(part)),
            html: Embed {
                base,
                edition: &here,
                title,
                part,
                height: embed_heights.frame_height(part),
            }
            .oembed(&content.publication.publisher)
            .to_string(),
        };
        let own_oembed = oembed_file(None);
        pages.push(Page {
            file: format!("{}{PAGE_FILE}", edition.path),
            html: document(
                PageKind::Page,
                PAGE_BODY_CLASS,
                whole(PageKind::Page),
                Some(&own_oembed),
            ),
        });
        pages.push(oembed(None, &content.labels.page_title));
        pages.push(Page {
            file: format!("{}{FRAME_FILE}", edition.path),
            html: document(
                PageKind::Frame,
                &frame_body_class,
                whole(PageKind::Frame),
                None,
            ),
        });
        pages.push(Page {
            file: format!("{}{FRAGMENT_FILE}", edition.path),
            html: whole(PageKind::Fragment),
        });
        let full_page = format!("{base}{}", edition.path);
        for part in embeddable_parts(&content) {
            let alone = |kind: PageKind| render_part(&content, kind, &part, &full_page);
            let part_oembed = oembed_file(Some(&part.slug));
            pages.push(Page {
                file: format!("{}{PART_FRAMES_FOLDER}/{}.html", edition.path, part.slug),
                html: document(
                    PageKind::Frame,
                    &frame_body_class,
                    alone(PageKind::Frame),
                    Some(&part_oembed),
                ),
            });
            let title = format!("{} · {}", part.name, content.labels.page_title);
            pages.push(oembed(Some(&part.slug), &title));
            pages.push(Page {
                file: format!("{}{PART_FRAGMENTS_FOLDER}/{}.html", edition.path, part.slug),
                html: alone(PageKind::Fragment),
            });
        }
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
        PageKind::Frame => FRAME_FILE,
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
            path: other.path.clone(),
        })
        .collect()
}

/// The explainer as HTML, as `kind` of page shows it, for `edition`, linking to `languages`,
/// with the locator map drawn as `map` (if the content has one) and embed snippets whose frames
/// take `embed_heights`.
pub fn render(
    content: &Arc<Content>,
    kind: PageKind,
    base_url: &str,
    edition: &Edition,
    languages: Vec<LanguageLink>,
    map: Option<MapShapes>,
    embed_heights: &EmbedHeights,
) -> String {
    let content = content.clone();
    let base_url = base_url.to_string();
    let edition = edition.clone();
    let embed_heights = embed_heights.clone();
    in_islands_mode(
        move || view! { <ExplainerPage content kind base_url edition languages map embed_heights /> },
    )
}

/// `part` of the explainer alone as HTML, as `kind` of page shows it; `full_page` is the
/// address of the edition's own page.
pub fn render_part(
    content: &Arc<Content>,
    kind: PageKind,
    part: &EmbeddablePart,
    full_page: &str,
) -> String {
    let (content, part, full_page) = (content.clone(), part.clone(), full_page.to_string());
    in_islands_mode(move || view! { <PartPage content kind part full_page /> })
}

/// The view `make` builds, as HTML, rendered in islands mode: nothing is marked for hydration
/// except the islands themselves.
fn in_islands_mode<V: RenderHtml>(make: impl FnOnce() -> V) -> String {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new_islands())));
    owner.with(|| make().to_html())
}
