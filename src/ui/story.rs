//! The story page: header with key facts, contents, reading controls, the sections, the FAQ and
//! the source note; it also sets up the state those parts share.

use std::sync::Arc;

use leptos::prelude::*;

use crate::content::model::KeyFact;
use crate::content::Content;
use crate::ui::deep_link::DeepLinks;
use crate::ui::faq::{Faq, FAQ_ID};
use crate::ui::glossary::Glossary;
use crate::ui::reading::{Reading, ReadingModeSwitch};
use crate::ui::rich_text::RichText;
use crate::ui::scroll::{track_scroll, ReadingProgress};
use crate::ui::section::StorySection;
use crate::ui::toc::Toc;

/// Everything the content file holds, laid out as one page.
#[component]
pub fn Story(content: Arc<Content>) -> impl IntoView {
    // The parts the contents list and the scroll tracker follow: every section, then the FAQ.
    let mut part_ids: Vec<String> = content
        .story
        .sections
        .iter()
        .map(|s| s.id.clone())
        .collect();
    if !content.faq.is_empty() {
        part_ids.push(FAQ_ID.to_string());
    }
    provide_context(content.clone());
    provide_context(Reading::from_storage());
    provide_context(Glossary::install());
    provide_context(track_scroll(part_ids));
    provide_context(DeepLinks::install());
    document().set_title(&content.labels.page_title);
    let labels = &content.labels;
    let story = &content.story;
    view! {
        <div class="story" lang=content.lang.clone()>
            <a class="skip-link" href="#main">{labels.skip_to_content.clone()}</a>
            <ReadingProgress />
            <header class="story-header">
                <p class="story-header__kicker">{story.kicker.clone()}</p>
                <h1 class="story-header__headline">{story.headline.clone()}</h1>
                <p class="story-header__standfirst"><RichText text=story.standfirst.clone() /></p>
                <KeyFacts title=labels.key_facts.clone() facts=story.key_facts.clone() />
            </header>
            <div class="story-layout">
                <Toc />
                <main id="main" class="story-body" tabindex="-1">
                    <ReadingModeSwitch />
                    {story
                        .sections
                        .iter()
                        .map(|section| view! { <StorySection section=section.clone() /> })
                        .collect_view()}
                    <Faq />
                </main>
            </div>
            <footer class="story-footer">
                <p>{labels.source_note.clone()}</p>
            </footer>
        </div>
    }
}

/// The strip of labelled facts under the headline.
#[component]
fn KeyFacts(title: String, facts: Vec<KeyFact>) -> impl IntoView {
    (!facts.is_empty()).then(|| {
        view! {
            <section class="key-facts" aria-labelledby="key-facts-title">
                <h2 id="key-facts-title" class="visually-hidden">{title}</h2>
                <dl class="key-facts__list">
                    {facts
                        .into_iter()
                        .map(|fact| view! {
                            <div class="key-facts__item">
                                <dt>{fact.label}</dt>
                                <dd>{fact.value}</dd>
                            </div>
                        })
                        .collect_view()}
                </dl>
            </section>
        }
    })
}
