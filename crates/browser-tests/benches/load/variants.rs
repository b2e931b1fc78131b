//! The versions of `index.html` that Lighthouse compares, each served with the same files by the
//! same server in the same run: as built; the static limit (every script that runs taken out,
//! with the preload links that only serve those scripts); and as built without its preloads.

use explainer_browser_tests::bundle::{parse, select};
use lol_html::html_content::Element;
use lol_html::{element, rewrite_str, RewriteStrSettings};

/// A version of `index.html`.
pub struct Variant {
    /// Names its Lighthouse reports.
    pub slug: &'static str,
    pub label: &'static str,
    pub html: String,
}

impl Variant {
    /// The files this page preloads (`<link rel="preload">` or `rel="modulepreload"`).
    pub fn preloads(&self) -> Vec<String> {
        let page = parse(&self.html);
        select(&page, PRELOADS)
            .iter()
            .filter_map(|link| link.value().attr("href"))
            .map(str::to_string)
            .collect()
    }

    /// How many `<script>` elements the page has that the browser would run.
    pub fn scripts(&self) -> usize {
        let page = parse(&self.html);
        select(&page, "script")
            .iter()
            .filter(|script| runs(script.value().attr("type")))
            .count()
    }
}

/// The `<link>` elements that preload a file.
const PRELOADS: &str = "link[rel~=preload], link[rel~=modulepreload]";

/// The index of the page as built in [`variants`].
pub const BUILT: usize = 0;
/// The index of the static limit in [`variants`].
pub const STATIC_LIMIT: usize = 1;
/// The index of the Khmer edition's page as built, when the build has one.
pub const KHMER: usize = 3;

/// The Khmer edition's page (`km/index.html`) as built, served in place of `index.html`: its
/// links to the shared files are absolute, so it loads them as it would from `km/`.
pub fn khmer(html: String) -> Variant {
    Variant {
        slug: "khmer",
        label: "Khmer page as built",
        html,
    }
}

/// The page as built, the static limit and the page without preloads, in that order.
pub fn variants(html: &str) -> Vec<Variant> {
    let without_preloads = without(html, PRELOADS, |_| true);
    let static_limit = without(&without_preloads, "script", |script| {
        runs(script.get_attribute("type").as_deref())
    });
    let variants = vec![
        Variant {
            slug: "built",
            label: "as built",
            html: html.to_string(),
        },
        Variant {
            slug: "static-limit",
            label: "static limit (no scripts)",
            html: static_limit,
        },
        Variant {
            slug: "no-preload",
            label: "as built − preloads",
            html: without_preloads,
        },
    ];
    assert!(
        variants[BUILT].scripts() > 0 && variants[STATIC_LIMIT].scripts() == 0,
        "the static limit must differ from the page as built by its scripts"
    );
    variants
}

/// `html` without the elements that match `css` and that `remove` picks, every other byte as
/// it was.
fn without(html: &str, css: &str, remove: impl Fn(&Element) -> bool) -> String {
    let settings =
        RewriteStrSettings::new().append_element_content_handler(element!(css, |element| {
            if remove(element) {
                element.remove();
            }
            Ok(())
        }));
    rewrite_str(html, settings).unwrap_or_else(|e| panic!("rewriting index.html: {e}"))
}

/// Whether the browser runs a `<script>` element of type `kind`: data blocks such as the FAQ's
/// JSON-LD (`application/ld+json`) and the code block (`application/json`) are data, not code,
/// and stay in the static limit.
fn runs(kind: Option<&str>) -> bool {
    !matches!(kind, Some("application/ld+json" | "application/json"))
}
