//! Story text with its glossary references, rendered at build time as text (never as HTML),
//! each reference a [`Term`] numbered in page order.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;

use explainer_core::content::inline::{shown, Shown};
use explainer_core::content::Content;

use crate::ui::views::glossary::Term;

/// Counts the terms rendered so far, so each gets its own number; provided by the page.
#[derive(Clone, Copy)]
pub struct TermCount(pub StoredValue<usize>);

/// One paragraph or phrase of story text; glossary references become [`Term`]s.
#[component]
pub fn RichText(#[prop(into)] text: String) -> impl IntoView {
    let content = expect_context::<Arc<Content>>();
    let TermCount(count) = expect_context::<TermCount>();
    shown(&text, &content.glossary)
        .into_iter()
        .map(|run| match run {
            Shown::Words(words) => Either::Left(words.to_string()),
            Shown::Term { entry, words } => {
                count.update_value(|n| *n += 1);
                let shown = words.to_string();
                let (term, definition) = (entry.term.clone(), entry.definition.clone());
                Either::Right(view! {
                    <Term n=count.get_value() shown>
                        <strong>{term}</strong>" "{definition}
                    </Term>
                })
            }
        })
        .collect_view()
}
