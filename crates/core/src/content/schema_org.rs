//! The FAQ as schema.org `FAQPage` JSON-LD, built from the same content the reader sees.

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
