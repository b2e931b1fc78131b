//! One story section: title and summary always shown; the body (paragraphs, list, fact card,
//! points of view) opens and closes, and stays findable with the browser's find-in-page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::content::model::Section;
use crate::content::Content;
use crate::ui::deep_link::DeepLinks;
use crate::ui::perspectives::PerspectiveTabs;
use crate::ui::reading::Reading;
use crate::ui::rich_text::RichText;

/// A section of the story, addressable as `#<id>`.
#[component]
pub fn StorySection(section: Section) -> impl IntoView {
    let labels = expect_context::<Arc<Content>>().labels.clone();
    let reading = expect_context::<Reading>();
    let id = section.id.clone();
    let title_id = format!("{id}-title");
    let body_id = format!("{id}-body");
    let labelled_by = title_id.clone();
    let is_open = Memo::new({
        let id = id.clone();
        move |_| reading.is_open(&id)
    });
    let set_open = {
        let id = id.clone();
        move |open: bool| reading.set_open(&id, open)
    };
    let open_on_find = set_open.clone();
    let open_on_link = set_open.clone();
    expect_context::<DeepLinks>().register(id.clone(), move || open_on_link(true));
    let perspectives = section
        .perspectives
        .map(|p| view! { <PerspectiveTabs perspectives=p prefix=id.clone() /> });
    view! {
        <section id=id.clone() class="story-section" aria-labelledby=labelled_by>
            <h2 id=title_id class="story-section__title">{section.title.clone()}</h2>
            <p class="story-section__summary"><RichText text=section.summary /></p>
            <div
                id=body_id.clone()
                class="story-section__body"
                hidden=move || (!is_open.get()).then_some("until-found")
                on:beforematch=move |_: web_sys::Event| open_on_find(true)
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
            </div>
            <button
                type="button"
                class="section-toggle"
                aria-expanded=move || is_open.get().to_string()
                aria-controls=body_id
                on:click=move |_| set_open(!is_open.get_untracked())
            >
                {move || if is_open.get() { labels.section_close.clone() } else { labels.section_open.clone() }}
                <span class="visually-hidden">": "{section.title}</span>
            </button>
        </section>
    }
}
