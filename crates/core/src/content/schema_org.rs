//! The explainer as schema.org JSON-LD, built from the same content the reader sees: the page as
//! a `NewsArticle`, and its FAQ as a `FAQPage`.

use serde_json::{json, Value};

use super::Content;

/// The `FAQPage` document for the content's questions and answers.
pub fn faq_page(content: &Content) -> Value {
    let questions: Vec<Value> = content
        .faq
        .iter()
        .map(|entry| {
            json!({
                "@type": "Question",
                "name": entry.question,
                "acceptedAnswer": { "@type": "Answer", "text": entry.answer },
            })
        })
        .collect();
    json!({
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": content.lang,
        "mainEntity": questions,
    })
}

/// The `NewsArticle` document for the edition published at `page_url`: its headline and
/// description, the newsroom's dates, its language, its pictures (`images`: the share card in
/// the shapes Google's Article documentation asks for, 16:9, 4:3 and 1:1), its author (the desk)
/// and its publisher.
pub fn news_article(content: &Content, page_url: &str, images: &[String]) -> Value {
    let publication = &content.publication;
    json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": content.story.headline,
        "description": content.labels.page_description,
        "datePublished": publication.published,
        "dateModified": publication.updated,
        "inLanguage": content.lang,
        "url": page_url,
        "mainEntityOfPage": page_url,
        "image": images,
        "author": [{ "@type": "Organization", "name": publication.author }],
        "publisher": { "@type": "Organization", "name": publication.publisher },
    })
}
