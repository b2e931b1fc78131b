//! What crawlers and link previews read: the page's title and description, its canonical
//! address, Open Graph and Twitter card tags, and (on the explainer's own page) the FAQ as
//! schema.org JSON-LD. All from the content file, escaped.

use explainer_core::content::schema_org::faq_page;
use explainer_core::content::Content;

use partnership_explainer::ui::app_root::PageKind;

/// An edition of the story, as other pages point to it.
pub struct Alternate {
    pub lang: String,
    /// Its own page's address.
    pub href: String,
}

/// The tags for the head of a `kind` page of the edition published at `page_url` (ending `/`),
/// pointing to every edition (`alternates`, the reference first) as alternates.
pub fn head_tags(
    content: &Content,
    kind: PageKind,
    page_url: &str,
    alternates: &[Alternate],
) -> String {
    let labels = &content.labels;
    let title = escape(&labels.page_title);
    let description = escape(&labels.page_description);
    let url = escape(page_url);
    let mut tags = vec![
        format!("<title>{title}</title>"),
        format!("<meta name=\"description\" content=\"{description}\">"),
        format!("<link rel=\"canonical\" href=\"{url}\">"),
        format!("<meta property=\"og:type\" content=\"article\">"),
        format!("<meta property=\"og:title\" content=\"{title}\">"),
        format!("<meta property=\"og:description\" content=\"{description}\">"),
        format!("<meta property=\"og:url\" content=\"{url}\">"),
        format!(
            "<meta property=\"og:locale\" content=\"{}\">",
            escape(&content.lang)
        ),
        "<meta name=\"twitter:card\" content=\"summary\">".to_string(),
        format!("<meta name=\"twitter:title\" content=\"{title}\">"),
        format!("<meta name=\"twitter:description\" content=\"{description}\">"),
    ];
    if alternates.len() > 1 {
        for alternate in alternates {
            tags.push(format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                escape(&alternate.lang),
                escape(&alternate.href)
            ));
        }
        tags.push(format!(
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">",
            escape(&alternates[0].href)
        ));
    }
    match kind {
        PageKind::Page if !content.faq.is_empty() => tags.push(format!(
            "<script type=\"application/ld+json\">{}</script>",
            json_in_script(&faq_page(content).to_string())
        )),
        PageKind::Frame => tags.push("<meta name=\"robots\" content=\"noindex\">".to_string()),
        _ => {}
    }
    tags.join("\n    ")
}

/// `text` made safe inside HTML text and quoted attribute values.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// JSON that cannot end its `<script>` element early: every `<` is written as `\u003c`, which
/// JSON reads as the same character.
fn json_in_script(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape("<b onclick=\"x\">'&'</b>"),
            "&lt;b onclick=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn json_cannot_close_its_script() {
        assert_eq!(
            json_in_script("{\"a\":\"</script>\"}"),
            "{\"a\":\"\\u003c/script>\"}"
        );
    }
}
