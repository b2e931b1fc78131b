//! The versions of `index.html` that Lighthouse compares: as built, without its preload links,
//! and with the content file's preload taken out (or added, if the build has none).

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

/// The page as built, without its preloads, and with the content preload toggled: taken out if
/// the build has it, added if not.
pub fn variants(html: &str) -> Vec<Variant> {
    let mut without = html.to_string();
    for tag in preload_links(html) {
        without = without.replace(tag, "");
    }
    let content_preload = preload_links(html)
        .into_iter()
        .find(|tag| tag.contains("content/en.json"));
    let toggled = match content_preload {
        Some(tag) => Variant {
            slug: "no-content-preload",
            label: "as built − content preload",
            html: html.replacen(tag, "", 1),
        },
        None => Variant {
            slug: "content-preload",
            label: "as built + content preload",
            html: html.replacen("</head>", &format!("{CONTENT_PRELOAD}</head>"), 1),
        },
    };
    vec![
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
        toggled,
    ]
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
