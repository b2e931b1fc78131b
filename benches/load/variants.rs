//! The versions of `index.html` that Lighthouse compares: as built, without its preload links,
//! and with a preload of the content file added.

/// The preload the content file would need: the app fetches it with `fetch`, same-origin.
const CONTENT_PRELOAD: &str =
    r#"<link rel="preload" href="content/en.json" as="fetch" crossorigin>"#;

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
}

/// The page as built, without its preloads, and (unless it has one) with the content preloaded.
pub fn variants(html: &str) -> Vec<Variant> {
    let mut without = html.to_string();
    for tag in preload_links(html) {
        without = without.replace(tag, "");
    }
    let mut variants = vec![
        Variant {
            slug: "built",
            label: "as built",
            html: html.to_string(),
        },
        Variant {
            slug: "no-preload",
            label: "preloads removed",
            html: without,
        },
    ];
    if !variants[0]
        .preloads()
        .iter()
        .any(|href| href.ends_with("content/en.json"))
    {
        variants.push(Variant {
            slug: "content-preload",
            label: "as built + content preload",
            html: html.replacen("</head>", &format!("{CONTENT_PRELOAD}</head>"), 1),
        });
    }
    variants
}

/// The `<link>` tags of `html` that preload a file.
fn preload_links(html: &str) -> Vec<&str> {
    html.match_indices("<link")
        .filter_map(|(start, _)| {
            let tag = &html[start..start + html[start..].find('>')? + 1];
            let preload =
                tag.contains(r#"rel="preload""#) || tag.contains(r#"rel="modulepreload""#);
            preload.then_some(tag)
        })
        .collect()
}
