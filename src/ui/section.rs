//! One story section, rendered at build time: title and summary always shown; the body
//! (paragraphs, list, points of view, fact card) inside a [`SectionBody`] that opens
//! and closes it.

use leptos::prelude::*;

use explainer_core::content::model::{Labels, Section};

use crate::ui::perspectives::PointsOfView;
use crate::ui::reading::SectionBody;
use crate::ui::rich_text::RichText;

/// A section of the story, addressable as `#<id>`.
#[component]
pub fn StorySection(section: Section, labels: Labels) -> impl IntoView {
    let id = section.id.clone();
    let title_id = format!("{id}-title");
    let (section_id, labelled_by) = (id.clone(), title_id.clone());
    let perspectives = section
        .perspectives
        .map(|p| view! { <PointsOfView perspectives=p prefix=id.clone() /> });
    view! {
        <section id=section_id class="story-section" aria-labelledby=labelled_by>
            <h2 id=title_id class="story-section__title">{section.title.clone()}</h2>
            <p class="story-section__summary"><RichText text=section.summary /></p>
            <SectionBody
                id
                title=section.title
                open_label=labels.section_open
                close_label=labels.section_close
            >
                {section.body.into_iter().map(|paragraph| view! { <p><RichText text=paragraph /></p> }).collect_view()}
                {section.list.map(|list| view! {
                    <p class="story-section__list-intro"><RichText text=list.intro /></p>
                    <ul class="story-section__list">
                        {list.items.into_iter().map(|item| view! { <li><RichText text=item /></li> }).collect_view()}
                    </ul>
                })}
                {perspectives}
                {section.fact.map(|fact| view! {
                    <aside class="fact-card">
                        <p class="fact-card__label">{fact.label}</p>
                        <p class="fact-card__value">{fact.value}</p>
                    </aside>
                })}
            </SectionBody>
        </section>
    }
}
