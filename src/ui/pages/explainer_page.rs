//! The whole explainer as one page, rendered at build time: header with key facts, contents,
//! reading controls, the sections, the checklists, the FAQ, the glossary and the source note.
//! Everything here is static except the islands it places.

use std::sync::Arc;

use leptos::prelude::*;

use explainer_core::content::model::KeyFact;
use explainer_core::content::parts::embeddable_parts;
use explainer_core::content::Content;

use crate::ui::islands::checklists::{Checklists, CHECKLISTS_ID};
use crate::ui::islands::embed_code::{Choice, EmbedCode, EmbedLabels, EmbedSettings};
use crate::ui::islands::explainer_root::{ExplainerRoot, RootSettings};
use crate::ui::islands::faq::{Faq, FAQ_ID};
use crate::ui::islands::reading_progress::ReadingProgress;
use crate::ui::islands::toc::{Toc, TocContents, TocPart};
use crate::ui::views::dateline::Dateline;
use crate::ui::views::language_switch::{LanguageLink, LanguageSwitch};
use crate::ui::views::locator_map::{LocatorMapFigure, MapShapes};
use crate::ui::views::reading_mode_switch::ReadingModeSwitch;
use crate::ui::views::rich_text::{RichText, TermCount};
use crate::ui::views::save_data_notice::SaveDataNotice;
use crate::ui::views::section::StorySection;
use explainer_core::embed_snippets::EmbedHeights;
use explainer_core::page_kind::{Edition, PageKind};

/// The glossary section's element id, and so its address.
pub const GLOSSARY_ID: &str = "glossary";

/// Everything the content file holds, laid out for `kind` of page. `base_url` is where the
/// explainer is published (ending `/`), for the embed snippets; `edition` says which edition
/// of the story this is, and `languages` links to the others.
#[component]
pub fn ExplainerPage(
    content: Arc<Content>,
    kind: PageKind,
    base_url: String,
    edition: Edition,
    languages: Vec<LanguageLink>,
    /// The locator map's shapes, drawn by the build.
    map: Option<MapShapes>,
    /// How tall each embed's frame is where no script sizes it, for the snippets.
    embed_heights: EmbedHeights,
) -> impl IntoView {
    provide_context(content.clone());
    provide_context(RootSettings {
        kind,
        lang: content.lang.clone(),
    });
    provide_context(TermCount(StoredValue::new(0)));
    let labels = content.labels.clone();
    let story = content.story.clone();
    provide_context(TocContents {
        label: labels.contents.clone(),
        parts: page_parts(&content),
    });
    let own_page = kind == PageKind::Page;
    if own_page {
        provide_context(EmbedSettings::new(
            EmbedLabels::from(&labels),
            base_url,
            embed_parts(&content),
            embed_editions(&content, &edition, &languages),
            embed_heights,
        ));
    }
    view! {
        <ExplainerRoot>
            <div class="story">
                <a class="skip-link" href="#main">{labels.skip_to_content.clone()}</a>
                <SaveDataNotice labels=labels.clone() kind />
                {own_page.then(|| view! { <ReadingProgress /> })}
                <LanguageSwitch label=labels.languages_label.clone() languages />
                <header class="story-header">
                    <p class="story-header__kicker">{story.kicker}</p>
                    <h1 class="story-header__headline">{story.headline}</h1>
                    <p class="story-header__standfirst"><RichText text=story.standfirst /></p>
                    <Dateline publication=content.publication.clone() labels=labels.clone() />
                    <KeyFacts title=labels.key_facts.clone() facts=story.key_facts />
                </header>
                <div class="story-layout">
                    <Toc />
                    <main id="main" class="story-body" tabindex="-1">
                        <ReadingModeSwitch
                            legend=labels.reading_mode.clone()
                            short=labels.short_read.clone()
                            full=labels.full_read.clone()
                        />
                        {story
                            .sections
                            .into_iter()
                            .map(|section| {
                                let figure = (content.locator_map.clone())
                                    .filter(|locator| locator.section == section.id)
                                    .zip(map.clone())
                                    .map(|(map, shapes)| view! { <LocatorMapFigure map shapes /> });
                                view! { <StorySection section labels=labels.clone() /> {figure} }
                            })
                            .collect_view()}
                        {content.checklists.clone().map(|checklists| view! {
                            <PartUnavailable text=labels.part_unavailable.clone() />
                            <Checklists checklists digits=labels.digits.clone() />
                        })}
                        {(!content.faq.is_empty()).then(|| view! {
                            <PartUnavailable text=labels.part_unavailable.clone() />
                            <Faq content=content.clone() sections_page=String::new() />
                        })}
                        <GlossaryList content=content.clone() />
                    </main>
                </div>
                <footer class="story-footer">
                    <p>{labels.source_note.clone()}</p>
                    {own_page.then(|| view! {
                        <PartUnavailable text=labels.part_unavailable.clone() />
                        <EmbedCode />
                    })}
                </footer>
            </div>
        </ExplainerRoot>
    }
}

/// The parts of the page the contents list and the scroll tracker follow: every section, then
/// the checklists, the FAQ and the glossary where the content has them.
pub fn page_parts(content: &Content) -> Vec<TocPart> {
    let part = |id: &str, title: &str| TocPart {
        id: id.to_string(),
        title: title.to_string(),
    };
    let sections = (content.story.sections.iter()).map(|s| part(&s.id, &s.title));
    let checklists = (content.checklists.as_ref()).map(|c| part(CHECKLISTS_ID, &c.heading));
    let labels = &content.labels;
    let faq = (!content.faq.is_empty()).then(|| part(FAQ_ID, &labels.faq_heading));
    let glossary =
        (!content.glossary.is_empty()).then(|| part(GLOSSARY_ID, &labels.glossary_heading));
    sections
        .chain(checklists)
        .chain(faq)
        .chain(glossary)
        .collect()
}

/// The parts "Embed this" offers, by slug.
fn embed_parts(content: &Content) -> Vec<Choice> {
    (embeddable_parts(content).into_iter())
        .map(|part| Choice {
            value: part.slug,
            name: part.name,
        })
        .collect()
}

/// The editions "Embed this" offers on `edition`'s page (this one first, then those of
/// `languages`), by language, with each one's folder.
fn embed_editions(
    content: &Content,
    edition: &Edition,
    languages: &[LanguageLink],
) -> Vec<(Choice, Edition)> {
    let own = (&edition.lang, &content.labels.language_name, &edition.path);
    let others = (languages.iter()).map(|link| (&link.lang, &link.name, &link.path));
    std::iter::once(own)
        .chain(others)
        .map(|(lang, name, path)| {
            let choice = Choice {
                value: lang.clone(),
                name: name.clone(),
            };
            let edition = Edition {
                lang: lang.clone(),
                path: path.clone(),
            };
            (choice, edition)
        })
        .collect()
}

/// The strip of labelled facts under the headline.
#[component]
pub fn KeyFacts(title: String, facts: Vec<KeyFact>) -> impl IntoView {
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

/// Every glossary term with its definition, for reading straight through, printing, and
/// readers without JavaScript (for whom the terms in the text are plain words).
#[component]
fn GlossaryList(content: Arc<Content>) -> impl IntoView {
    (!content.glossary.is_empty()).then(|| {
        view! {
            <section id=GLOSSARY_ID class="glossary" aria-labelledby="glossary-title">
                <h2 id="glossary-title">{content.labels.glossary_heading.clone()}</h2>
                <dl class="glossary__list">
                    {content
                        .glossary
                        .iter()
                        .map(|entry| view! {
                            <div class="glossary__entry" id=format!("glossary-{}", entry.id)>
                                <dt>{entry.term.clone()}</dt>
                                <dd>{entry.definition.clone()}</dd>
                            </div>
                        })
                        .collect_view()}
                </dl>
            </section>
        }
    })
}

/// Shown (by CSS, `style/main.css`) over the lazy island right after it when that island's
/// code could not be loaded: the part stays as rendered, readable in full, and says why its
/// controls are gone.
#[component]
pub fn PartUnavailable(text: String) -> impl IntoView {
    view! { <p class="part-unavailable">{text}</p> }
}
