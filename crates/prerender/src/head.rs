//! What crawlers and link previews read: the page's title and description, its canonical
//! address, Open Graph, article dates and Twitter card tags, and (on the explainer's own page)
//! the page as a `NewsArticle` and the FAQ as a `FAQPage` in schema.org JSON-LD. All from the
//! content file, escaped.

use explainer_core::content::schema_org::{faq_page, news_article};
use explainer_core::content::Content;
use explainer_core::html_text::escape;
use explainer_core::names::SHARE_CARD_FILE;

use explainer_core::page_kind::PageKind;

use crate::share_card;

/// An edition of the story, as other pages point to it.
pub struct Alternate {
    pub lang: String,
    /// Its own page's address.
    pub href: String,
}

/// The tags for the head of a `kind` page of the edition published at `page_url` (ending `/`),
/// pointing to every edition (`alternates`, the reference first) as alternates, and to the
/// page's oEmbed answer at `oembed`, if it has one, for CMSs that embed a pasted address.
pub fn head_tags(
    content: &Content,
    kind: PageKind,
    page_url: &str,
    alternates: &[Alternate],
    oembed: Option<&str>,
) -> String {
    let labels = &content.labels;
    let title = escape(&labels.page_title);
    let description = escape(&labels.page_description);
    let url = escape(page_url);
    let image = escape(&share_card_url(page_url));
    let image_alt = escape(&labels.share_card_alt);
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
        format!(
            "<meta property=\"article:published_time\" content=\"{}\">",
            escape(&content.publication.published)
        ),
        format!(
            "<meta property=\"article:modified_time\" content=\"{}\">",
            escape(&content.publication.updated)
        ),
        format!("<meta property=\"og:image\" content=\"{image}\">"),
        format!(
            "<meta property=\"og:image:width\" content=\"{}\">",
            share_card::WIDTH
        ),
        format!(
            "<meta property=\"og:image:height\" content=\"{}\">",
            share_card::HEIGHT
        ),
        format!("<meta property=\"og:image:alt\" content=\"{image_alt}\">"),
        "<meta name=\"twitter:card\" content=\"summary_large_image\">".to_string(),
        format!("<meta name=\"twitter:title\" content=\"{title}\">"),
        format!("<meta name=\"twitter:description\" content=\"{description}\">"),
        format!("<meta name=\"twitter:image\" content=\"{image}\">"),
        format!("<meta name=\"twitter:image:alt\" content=\"{image_alt}\">"),
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
    if let Some(href) = oembed {
        tags.push(format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{title}\">",
            escape(href)
        ));
    }
    match kind {
        PageKind::Page => {
            let faq = (!content.faq.is_empty()).then(|| faq_page(content));
            let images: Vec<String> = (share_card::SHAPES.iter())
                .map(|(name, _, _)| format!("{page_url}{}", share_card::shaped_file(name)))
                .collect();
            let article = news_article(content, page_url, &images);
            for document in [Some(article), faq].into_iter().flatten() {
                tags.push(format!(
                    "<script type=\"application/ld+json\">{}</script>",
                    json_in_script(&document.to_string())
                ));
            }
        }
        PageKind::Frame => tags.push("<meta name=\"robots\" content=\"noindex\">".to_string()),
        PageKind::Fragment => {}
    }
    tags.join("\n    ")
}

/// The share card of the edition published at `page_url` (ending `/`).
pub fn share_card_url(page_url: &str) -> String {
    format!("{page_url}{}", SHARE_CARD_FILE)
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
    fn json_cannot_close_its_script() {
        assert_eq!(
            json_in_script("{\"a\":\"</script>\"}"),
            "{\"a\":\"\\u003c/script>\"}"
        );
    }
}
