//! One story section: title, summary, body, and its list or fact card.

use leptos::prelude::*;

use crate::content::model::Section;
use crate::ui::rich_text::RichText;

/// A section of the story, addressable as `#<id>`.
#[component]
pub fn StorySection(section: Section) -> impl IntoView {
    let title_id = format!("{}-title", section.id);
    let labelled_by = title_id.clone();
    view! {
        <section id=section.id.clone() class="story-section" aria-labelledby=labelled_by>
            <h2 id=title_id class="story-section__title">{section.title}</h2>
            <p class="story-section__summary"><RichText text=section.summary /></p>
            {section.body.into_iter().map(|paragraph| view! { <p><RichText text=paragraph /></p> }).collect_view()}
            {section.list.map(|list| view! {
                <p class="story-section__list-intro">{list.intro}</p>
                <ul class="story-section__list">
                    {list.items.into_iter().map(|item| view! { <li><RichText text=item /></li> }).collect_view()}
                </ul>
            })}
            {section.fact.map(|fact| view! {
                <aside class="fact-card">
                    <p class="fact-card__label">{fact.label}</p>
                    <p class="fact-card__value">{fact.value}</p>
                </aside>
            })}
        </section>
    }
}
