//! Story text with its glossary references, always rendered as text nodes, never as HTML.

use std::sync::Arc;

use leptos::prelude::*;

use crate::content::inline::{parse, Inline};
use crate::content::Content;

/// One paragraph or phrase of story text; glossary references show as marked terms.
#[component]
pub fn RichText(#[prop(into)] text: String) -> impl IntoView {
    let content = expect_context::<Arc<Content>>();
    // Validation has already rejected broken markup; show such text plainly all the same.
    let runs = parse(&text).unwrap_or_else(|_| vec![Inline::Text(&text)]);
    runs.into_iter()
        .map(|run| match run {
            Inline::Text(words) => words.to_string().into_any(),
            Inline::Term { id, shown } => {
                let entry = content.glossary.iter().find(|g| g.id == id);
                let words = shown
                    .map(str::to_string)
                    .or_else(|| entry.map(|g| g.term.clone()))
                    .unwrap_or_else(|| id.to_string());
                view! { <span class="term">{words}</span> }.into_any()
            }
        })
        .collect_view()
}
