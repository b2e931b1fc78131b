//! The story page: header with key facts, contents, reading controls, the sections, the FAQ and
//! the source note; it also sets up the state those parts share.

use std::sync::Arc;

use leptos::prelude::*;

use crate::content::model::KeyFact;
use crate::content::Content;
use crate::ui::checklists::{Checklists, CHECKLISTS_ID};
use crate::ui::deep_link::DeepLinks;
use crate::ui::embed_code::EmbedCode;
use crate::ui::faq::{Faq, FAQ_ID};
use crate::ui::glossary::Glossary;
use crate::ui::reading::{Reading, ReadingModeSwitch};
use crate::ui::rich_text::RichText;
use crate::ui::root::AppRoot;
use crate::ui::scroll::{track_scroll, ReadingProgress};
use crate::ui::section::StorySection;
use crate::ui::toc::Toc;

/// Everything the content file holds, laid out as one page.
#[component]
pub fn Story(content: Arc<Content>) -> impl IntoView {
    let parts = page_parts(&content);
    provide_context(content.clone());
    provide_context(Reading::from_storage());
    provide_context(Glossary::install());
    provide_context(track_scroll(
        parts.iter().map(|(id, _)| id.clone()).collect(),
    ));
    provide_context(DeepLinks::install());
    let root = expect_context::<AppRoot>();
    if root.owns_page() {
        document().set_title(&content.labels.page_title);
    }
    let labels = &content.labels;
    let story = &content.story;
    view! {
        <div class="story" lang=content.lang.clone()>
            <a class="skip-link" href="#main">{labels.skip_to_content.clone()}</a>
            {root.owns_page().then(|| view! { <ReadingProgress /> })}
            <header class="story-header">
                <p class="story-header__kicker">{story.kicker.clone()}</p>
                <h1 class="story-header__headline">{story.headline.clone()}</h1>
                <p class="story-header__standfirst"><RichText text=story.standfirst.clone() /></p>
                <KeyFacts title=labels.key_facts.clone() facts=story.key_facts.clone() />
            </header>
            <div class="story-layout">
                <Toc parts />
                <main id="main" class="story-body" tabindex="-1">
                    <ReadingModeSwitch />
                    {story
                        .sections
                        .iter()
                        .map(|section| view! { <StorySection section=section.clone() /> })
                        .collect_view()}
                    <Checklists />
                    <Faq />
                </main>
            </div>
            <footer class="story-footer">
                <p>{labels.source_note.clone()}</p>
                {root.owns_page().then(|| view! { <EmbedCode /> })}
            </footer>
        </div>
    }
}

/// The parts of the page the contents list and the scroll tracker follow, as ids and titles:
/// every section, then the checklists and the FAQ where the content has them.
fn page_parts(content: &Content) -> Vec<(String, String)> {
    let sections = content
        .story
        .sections
        .iter()
        .map(|s| (s.id.clone(), s.title.clone()));
    let checklists = content
        .checklists
        .as_ref()
        .map(|c| (CHECKLISTS_ID.to_string(), c.heading.clone()));
    let faq =
        (!content.faq.is_empty()).then(|| (FAQ_ID.to_string(), content.labels.faq_heading.clone()));
    sections.chain(checklists).chain(faq).collect()
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
