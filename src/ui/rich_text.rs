//! Story text with its glossary references, always rendered as text nodes, never as HTML.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;

use crate::content::inline::{parse, Inline};
use crate::content::Content;
use crate::ui::glossary::Term;

/// One paragraph or phrase of story text; glossary references become [`Term`]s.
#[component]
pub fn RichText(#[prop(into)] text: String) -> impl IntoView {
    let content = expect_context::<Arc<Content>>();
    // Validation has already rejected broken markup; show such text plainly all the same.
    let runs = parse(&text).unwrap_or_else(|_| vec![Inline::Text(&text)]);
    runs.into_iter()
        .map(|run| match run {
            Inline::Text(words) => Either::Left(words.to_string()),
            Inline::Term { id, shown } => match content.glossary.iter().find(|g| g.id == id) {
                Some(entry) => {
                    let shown = shown.unwrap_or(&entry.term).to_string();
                    Either::Right(view! { <Term entry=entry.clone() shown /> })
                }
                None => Either::Left(shown.unwrap_or(id).to_string()),
            },
        })
        .collect_view()
}
