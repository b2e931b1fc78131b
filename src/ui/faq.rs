//! The questions and answers at the end of the story, each linked to the section it draws on.

use std::sync::Arc;

use leptos::prelude::*;

use crate::content::Content;
use crate::ui::rich_text::RichText;

/// The FAQ list, shown when the content file has one.
#[component]
pub fn Faq() -> impl IntoView {
    let content = expect_context::<Arc<Content>>();
    if content.faq.is_empty() {
        return None;
    }
    let labels = &content.labels;
    let section_title = |id: &str| {
        content
            .story
            .sections
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.title.clone())
    };
    Some(view! {
        <section id="faq" class="faq" aria-labelledby="faq-title">
            <h2 id="faq-title">{labels.faq_heading.clone()}</h2>
            {content
                .faq
                .iter()
                .map(|entry| {
                    let related = entry.section.as_deref().and_then(|id| {
                        section_title(id).map(|title| view! {
                            <p class="faq__related">
                                {labels.faq_related_section.clone()}" "
                                <a href=format!("#{id}")>{title}</a>
                            </p>
                        })
                    });
                    view! {
                        <div id=format!("faq-{}", entry.id) class="faq__entry">
                            <h3 class="faq__question">{entry.question.clone()}</h3>
                            <p class="faq__answer"><RichText text=entry.answer.clone() /></p>
                            {related}
                        </div>
                    }
                })
                .collect_view()}
        </section>
    })
}
