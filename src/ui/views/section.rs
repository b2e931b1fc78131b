//! One story section, rendered at build time: title and summary always shown; the body
//! (paragraphs, list, points of view, fact card) inside a [`SectionBody`] that opens and closes
//! with no code: its Read more / Show less is a checkbox, and CSS (`:has()`) opens the body.
//! Closed, a body stays findable with the browser's find-in-page, which opens it.

use leptos::prelude::*;

use explainer_core::content::model::{Labels, Section};

use crate::ui::views::perspectives::PointsOfView;
use crate::ui::views::rich_text::RichText;

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

/// The id of section `id`'s Read more checkbox.
fn toggle_id(section_id: &str) -> String {
    format!("{section_id}-more")
}

/// The part of section `id` that opens and closes (`children`), and its toggle: a checkbox
/// whose label says Read more or Show less, named with the section's `title`.
#[component]
pub fn SectionBody(
    id: String,
    title: String,
    open_label: String,
    close_label: String,
    children: Children,
) -> impl IntoView {
    let body_id = format!("{id}-body");
    let toggle = toggle_id(&id);
    view! {
        <div id=body_id.clone() class="story-section__body" hidden="until-found">
            {children()}
        </div>
        <input type="checkbox" id=toggle.clone() class="section-toggle__input" aria-controls=body_id />
        <label for=toggle class="section-toggle">
            <span class="section-toggle__open">{open_label}</span>
            <span class="section-toggle__close">{close_label}</span>
            <span class="visually-hidden">": "{title}</span>
        </label>
    }
}
