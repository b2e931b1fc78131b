//! One part of the explainer alone, rendered at build time for a newsroom's frame
//! (`embed/<part>.html`) or script embed (`fragment/<part>.html`): the part as the full page
//! shows it, and a line naming the explainer that links to its full page, outside the frame.

use std::sync::Arc;

use leptos::prelude::*;

use explainer_core::content::parts::{EmbeddablePart, Part};
use explainer_core::content::Content;

use crate::ui::islands::checklists::Checklists;
use crate::ui::islands::explainer_root::{ExplainerRoot, RootSettings};
use crate::ui::islands::faq::Faq;
use crate::ui::pages::explainer_page::{KeyFacts, PartUnavailable};
use crate::ui::views::rich_text::TermCount;
use crate::ui::views::save_data_notice::SaveDataNotice;
use crate::ui::views::section::StorySection;
use explainer_core::page_kind::PageKind;

/// `part` of `content`, in a `kind` page (a frame or a fragment); `full_page` is the address of
/// the edition's own page.
#[component]
pub fn PartPage(
    content: Arc<Content>,
    kind: PageKind,
    part: EmbeddablePart,
    full_page: String,
) -> impl IntoView {
    provide_context(content.clone());
    provide_context(RootSettings {
        kind,
        lang: content.lang.clone(),
    });
    provide_context(TermCount(StoredValue::new(0)));
    let labels = content.labels.clone();
    let story = &content.story;
    let shown = match part.part {
        Part::KeyFacts => view! {
            <header class="story-header">
                <p class="story-header__kicker">{story.kicker.clone()}</p>
                <h1 class="story-header__headline">{story.headline.clone()}</h1>
                <KeyFacts title=labels.key_facts.clone() facts=story.key_facts.clone() />
            </header>
        }
        .into_any(),
        Part::Section(i) => {
            let section = story.sections[i].clone();
            view! { <StorySection section labels=labels.clone() /> }.into_any()
        }
        Part::Checklists => {
            let checklists = content.checklists.clone();
            view! {
                <PartUnavailable text=labels.part_unavailable.clone() />
                {checklists.map(|checklists| view! {
                    <Checklists checklists digits=labels.digits.clone() />
                })}
            }
            .into_any()
        }
        Part::Faq => view! {
            <PartUnavailable text=labels.part_unavailable.clone() />
            <Faq content=content.clone() sections_page=full_page.clone() />
        }
        .into_any(),
    };
    let (before, after) = match labels.part_source.split_once("{title}") {
        Some((before, after)) => (before.to_string(), after.to_string()),
        None => (labels.part_source.clone(), String::new()),
    };
    view! {
        <ExplainerRoot>
            <div class="story story--part" data-part=part.slug>
                <SaveDataNotice labels=labels.clone() kind />
                <main class="story-body">{shown}</main>
                <p class="part-source">
                    {before}
                    <a href=full_page target="_blank" rel="noopener">{labels.page_title.clone()}</a>
                    {after}
                </p>
            </div>
        </ExplainerRoot>
    }
}
