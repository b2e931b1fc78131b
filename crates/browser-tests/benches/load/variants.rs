//! The versions of `index.html` that Lighthouse compares, each served with the same files by the
//! same server in the same run: as built; the static limit (every script that runs taken out,
//! with the preload links that only serve those scripts); and as built without its preloads.

/// A version of `index.html`.
pub struct Variant {
    /// Names its Lighthouse reports.
    pub slug: &'static str,
    pub label: &'static str,
    pub html: String,
}

impl Variant {
    /// The files this page preloads (`<link rel="preload">` or `rel="modulepreload"`).
    pub fn preloads(&self) -> Vec<&str> {
        preload_links(&self.html)
            .into_iter()
            .filter_map(|tag| tag.split("href=\"").nth(1)?.split('"').next())
            .collect()
    }

    /// How many `<script>` elements the page has that the browser would run.
    pub fn scripts(&self) -> usize {
        script_elements(&self.html)
            .into_iter()
            .filter(|element| runs(element))
            .count()
    }
}

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
    let without_preloads = remove(html, preload_links(html));
    let static_limit = remove(
        &without_preloads,
        script_elements(&without_preloads)
            .into_iter()
            .filter(|element| runs(element))
            .collect(),
    );
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

/// `html` without each of `pieces`.
fn remove(html: &str, pieces: Vec<&str>) -> String {
    pieces
        .into_iter()
        .fold(html.to_string(), |html, piece| html.replacen(piece, "", 1))
}

/// The `<link>` tags of `html` that preload a file.
fn preload_links(html: &str) -> Vec<&str> {
    tags(html, "<link")
        .filter(|tag| tag.contains(r#"rel="preload""#) || tag.contains(r#"rel="modulepreload""#))
        .collect()
}

/// The `<script …>…</script>` elements of `html`, whole.
fn script_elements(html: &str) -> Vec<&str> {
    html.match_indices("<script")
        .filter_map(|(start, _)| {
            let end = start + html[start..].find("</script>")? + "</script>".len();
            Some(&html[start..end])
        })
        .collect()
}

/// Whether the browser runs a `<script>` element: data blocks such as the FAQ's JSON-LD
/// (`type="application/ld+json"`) are data, not code, and stay in the static limit.
fn runs(element: &str) -> bool {
    let open = &element[..element.find('>').unwrap_or(element.len())];
    !open.contains("application/ld+json") && !open.contains("application/json")
}

/// The start tags of `html` that begin with `start` (such as `<link`).
fn tags<'a>(html: &'a str, start: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    html.match_indices(start).filter_map(move |(at, _)| {
        let end = at + html[at..].find('>')? + 1;
        Some(&html[at..end])
    })
}
