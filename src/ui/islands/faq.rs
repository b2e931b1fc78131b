//! Island: the FAQ, each question a `<details>` whose summary opens its answer with no code
//! (a click, Enter or Space; find-in-page opens it too). Once hydrated it adds Show all / Hide
//! all, a filter that marks what it finds, a link to each answer, and open answers kept for
//! the session.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;
use serde::Serialize;

use explainer_core::content::model::Labels;
use explainer_core::content::numbers::Digits;
use explainer_core::content::template::fill;
use explainer_core::content::Content;
use explainer_core::json::Json;
use explainer_core::storage_keys;
use explainer_core::strings_from_json;
use explainer_core::text_match::{match_ranges, matches_all, query_words, split_marked};

use crate::ui::browser::clipboard::copy_text;
use crate::ui::browser::deep_link::DeepLinks;
use crate::ui::browser::json;
use crate::ui::browser::page_text;
use crate::ui::browser::storage::{self, Area};

/// The FAQ section's element id, and so its address (`#faq`).
pub const FAQ_ID: &str = "faq";

/// One entry: its id, the section its answer draws on, and the words the filter searches and
/// the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct FaqItem {
    pub id: String,
    pub section: Option<String>,
    pub question: String,
    pub answer: String,
    pub section_title: String,
}

impl FaqItem {
    fn anchor(&self) -> String {
        format!("faq-{}", self.id)
    }
}

/// The interface words the FAQ island shows, and the edition's digits, for the count of
/// questions shown. They travel to the browser as JSON in the section's `data-words`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FaqLabels {
    pub heading: String,
    pub related_section: String,
    pub show_all: String,
    pub hide_all: String,
    pub filter_label: String,
    pub filter_clear: String,
    pub filter_count: String,
    pub no_match: String,
    pub copy_link: String,
    pub link_copied: String,
    pub copy_failed: String,
    pub digits: Digits,
}

impl From<&Labels> for FaqLabels {
    fn from(labels: &Labels) -> Self {
        FaqLabels {
            heading: labels.faq_heading.clone(),
            related_section: labels.faq_related_section.clone(),
            show_all: labels.faq_show_all.clone(),
            hide_all: labels.faq_hide_all.clone(),
            filter_label: labels.faq_filter_label.clone(),
            filter_clear: labels.faq_filter_clear.clone(),
            filter_count: labels.faq_filter_count.clone(),
            no_match: labels.faq_no_match.clone(),
            copy_link: labels.faq_copy_link.clone(),
            link_copied: labels.faq_link_copied.clone(),
            copy_failed: labels.faq_copy_failed.clone(),
            digits: labels.digits.clone(),
        }
    }
}

impl FaqLabels {
    fn from_words(words: &Json) -> Self {
        strings_from_json!(
            words,
            FaqLabels {
                heading,
                related_section,
                show_all,
                hide_all,
                filter_label,
                filter_clear,
                filter_count,
                no_match,
                copy_link,
                link_copied,
                copy_failed,
                digits,
            }
        )
    }
}

/// What the FAQ island shows. The island takes no props (so its module needs no JSON parser):
/// the page provides this as context at build time, and in the browser the island reads it back
/// from the page ([`FaqSettings::read_back`]).
#[derive(Clone, Debug, PartialEq)]
pub struct FaqSettings {
    pub items: Vec<FaqItem>,
    pub labels: FaqLabels,
    /// Where the sections an answer draws on are, when not on this page (empty when they are).
    pub sections_page: String,
    /// The labels as JSON, for the section's `data-words`; none in the browser, where the
    /// page has them already.
    words: Option<String>,
}

impl FaqSettings {
    /// The FAQ of `content`, its related sections on `sections_page`.
    pub fn new(content: &Content, sections_page: String) -> Self {
        let items = (content.faq.iter())
            .map(|entry| FaqItem {
                id: entry.id.clone(),
                section: entry.section.clone(),
                question: entry.question.clone(),
                answer: entry.answer.clone(),
                section_title: (entry.section.as_deref())
                    .and_then(|id| content.story.sections.iter().find(|s| s.id == id))
                    .map(|section| section.title.clone())
                    .unwrap_or_default(),
            })
            .collect();
        let labels = FaqLabels::from(&content.labels);
        let words = page_text::words_attribute(&labels, &[]);
        FaqSettings {
            items,
            labels,
            sections_page,
            words,
        }
    }

    /// The FAQ as the page shows it: the entries' ids, questions and answers, the sections
    /// their links point to, and the interface words in `data-words`. The sections' titles stay
    /// empty (hydrating them keeps the page's).
    fn read_back() -> Self {
        // A related section's link: `#<section>` on the own page, `<page>#<section>` elsewhere.
        let split = |href: &str| {
            let (page, section) = href.split_once('#')?;
            Some((page.to_string(), section.to_string()))
        };
        let items = page_text::matching(".faq__entry")
            .iter()
            .map(|entry| FaqItem {
                id: page_text::id_after(entry, "faq-"),
                section: (entry.query_selector(".faq__related a").ok().flatten())
                    .and_then(|link| split(&link.get_attribute("href")?))
                    .map(|(_, section)| section),
                question: page_text::first_text(entry, ".faq__question"),
                answer: page_text::first_text(entry, ".faq__answer > p"),
                section_title: String::new(),
            })
            .collect();
        let links = page_text::read_attributes(".faq__related a", "href");
        let sections_page = (links.first().and_then(|href| split(href)))
            .map(|(page, _)| page)
            .unwrap_or_default();
        FaqSettings {
            items,
            labels: FaqLabels::from_words(&page_text::words(".faq")),
            sections_page,
            words: None,
        }
    }
}

/// What the FAQ shows; shared by its entries through context.
#[derive(Clone, Copy)]
struct FaqState {
    open: RwSignal<Vec<String>>,
    query: RwSignal<String>,
    /// The entry whose link was last copied, and whether copying worked.
    copied: RwSignal<Option<(String, bool)>>,
}

impl FaqState {
    /// Opens the answers opened earlier in this session, where storage allows, and those the
    /// browser has shown already (found in the page, or linked to, before the island was
    /// hydrated): what a reader sees open is open.
    fn restore(&self, known: &[FaqItem], section: Option<web_sys::HtmlElement>) {
        let saved = storage::read(Area::Session, storage_keys::FAQ_OPEN)
            .and_then(|text| json::parse(&text)?.to_strings())
            .unwrap_or_default();
        let shown_by_browser = |id: &str| {
            section
                .as_ref()
                .and_then(|s| s.query_selector(&format!("#faq-{id}")).ok().flatten())
                .is_some_and(|entry| entry.has_attribute("open"))
        };
        let ids = known
            .iter()
            .map(|item| item.id.as_str())
            .filter(|id| saved.iter().any(|s| s == id) || shown_by_browser(id));
        self.set_open(ids, true);
    }

    fn is_open(&self, id: &str) -> bool {
        self.open.with(|open| open.iter().any(|o| o == id))
    }

    fn set_open<'a>(&self, ids: impl IntoIterator<Item = &'a str>, open: bool) {
        self.open.update(|set| {
            for id in ids {
                set.retain(|o| o != id);
                if open {
                    set.push(id.to_string());
                }
            }
        });
        let ids = self
            .open
            .with_untracked(|set| Json::strings(set.iter().map(String::as_str)));
        storage::write(
            Area::Session,
            storage_keys::FAQ_OPEN,
            &json::stringify(&ids),
        );
    }
}

/// The FAQ section of `content`. An answer's link to the section it draws on points into this
/// page, or where the sections are not on it, to `sections_page` (opened outside a frame).
#[component]
pub fn Faq(content: Arc<Content>, sections_page: String) -> impl IntoView {
    provide_context(FaqSettings::new(&content, sections_page));
    view! { <FaqIsland /> }
}

/// The interactive FAQ; see the module's note.
#[cfg_attr(feature = "lazy-islands", island(lazy))]
#[cfg_attr(not(feature = "lazy-islands"), island)]
fn FaqIsland() -> impl IntoView {
    let FaqSettings {
        items,
        labels,
        sections_page,
        words,
    } = use_context().unwrap_or_else(FaqSettings::read_back);
    let state = FaqState {
        open: RwSignal::new(Vec::new()),
        query: RwSignal::new(String::new()),
        copied: RwSignal::new(None),
    };
    // Inside the explainer, links to answers open them.
    if let Some(links) = use_context::<DeepLinks>() {
        for item in &items {
            let id = item.id.clone();
            links.register(format!("faq-{id}"), move || {
                state.query.set(String::new());
                state.set_open([id.as_str()], true);
            });
        }
    }
    let items = Arc::new(items);
    let section = NodeRef::<leptos::html::Section>::new();
    Effect::new({
        let items = items.clone();
        move |_| state.restore(&items, section.get_untracked())
    });
    let total = items.len();
    let shown_ids = Memo::new({
        let items = items.clone();
        move |_| {
            // The query is read once per change, not once per entry.
            let words = state.query.with(|q| query_words(q));
            items
                .iter()
                .filter(|item| matches_all(&[&item.question, &item.answer], &words))
                .map(|item| item.id.clone())
                .collect::<Vec<_>>()
        }
    });
    let all_open =
        move || shown_ids.with(|ids| !ids.is_empty() && ids.iter().all(|id| state.is_open(id)));
    let toggle_all = move |_| {
        let open = !all_open();
        shown_ids.with_untracked(|ids| state.set_open(ids.iter().map(String::as_str), open));
    };
    let on_filter = {
        let items = items.clone();
        move |event: leptos::ev::Event| {
            let query = event_target_value(&event);
            // Answers that hold the words open, so the marks can be seen.
            let words = query_words(&query);
            if !words.is_empty() {
                let found = items
                    .iter()
                    .filter(|item| !match_ranges(&item.answer, &words).is_empty());
                state.set_open(found.map(|item| item.id.as_str()), true);
            }
            state.query.set(query);
        }
    };
    let input = NodeRef::<leptos::html::Input>::new();
    let clear = move |_| {
        state.query.set(String::new());
        if let Some(input) = input.get_untracked() {
            let _ = input.focus();
        }
    };
    let status = {
        let labels = labels.clone();
        move || {
            let query = state.query.get();
            if query_words(&query).is_empty() {
                return String::new();
            }
            match shown_ids.with(Vec::len) {
                0 => fill(&labels.no_match, &[("query", query.trim())]),
                shown => fill(
                    &labels.filter_count,
                    &[
                        ("shown", &labels.digits.format(shown)),
                        ("total", &labels.digits.format(total)),
                    ],
                ),
            }
        }
    };
    let panel_ids = items
        .iter()
        .map(|item| format!("{}-answer", item.anchor()))
        .collect::<Vec<_>>()
        .join(" ");
    let entries = items
        .iter()
        .cloned()
        .map(|item| {
            let id = item.id.clone();
            let shown = move || shown_ids.with(|ids| ids.contains(&id));
            faq_entry(item, Signal::derive(shown), state, &labels, &sections_page)
        })
        .collect_view();
    view! {
        <section id=FAQ_ID class="faq" aria-labelledby="faq-title" data-words=words node_ref=section>
            <h2 id="faq-title">{labels.heading.clone()}</h2>
            <div class="faq__tools js-only">
                <div class="faq__filter">
                    <label for="faq-filter" class="faq__filter-label">{labels.filter_label.clone()}</label>
                    <div class="faq__filter-row">
                        <input
                            id="faq-filter"
                            class="faq__filter-input"
                            type="search"
                            autocomplete="off"
                            node_ref=input
                            prop:value=move || state.query.get()
                            on:input=on_filter
                        />
                        <button
                            type="button"
                            class="control faq__clear"
                            hidden=move || state.query.with(String::is_empty)
                            on:click=clear
                        >
                            {labels.filter_clear.clone()}
                        </button>
                    </div>
                </div>
                <button
                    type="button"
                    class="control faq__toggle-all"
                    aria-expanded=move || all_open().to_string()
                    aria-controls=panel_ids
                    on:click=toggle_all
                >
                    {
                        let labels = labels.clone();
                        move || if all_open() { labels.hide_all.clone() } else { labels.show_all.clone() }
                    }
                </button>
            </div>
            <p class="faq__status" role="status" aria-live="polite">{status}</p>
            <div class="faq__list">{entries}</div>
        </section>
    }
}

/// `text` with the current filter's words wrapped in `<mark>`.
fn marked(text: String, query: RwSignal<String>) -> impl IntoView {
    move || {
        let words = query.with(|q| query_words(q));
        let ranges = match_ranges(&text, &words);
        split_marked(&text, &ranges)
            .into_iter()
            .map(|(piece, is_match)| {
                let piece = piece.to_string();
                if is_match {
                    Either::Left(view! { <mark>{piece}</mark> })
                } else {
                    Either::Right(piece)
                }
            })
            .collect_view()
    }
}

/// One question and its answer.
fn faq_entry(
    item: FaqItem,
    shown: Signal<bool>,
    state: FaqState,
    labels: &FaqLabels,
    sections_page: &str,
) -> impl IntoView {
    let anchor = item.anchor();
    let FaqItem {
        id,
        section,
        question,
        answer,
        section_title,
    } = item;
    let button_id = format!("{anchor}-button");
    let answer_id = format!("{anchor}-answer");
    let is_open = Memo::new({
        let id = id.clone();
        move |_| state.is_open(&id)
    });
    let set_open = {
        let id = id.clone();
        move |open: bool| state.set_open([id.as_str()], open)
    };
    let related = section.map(|section_id| {
        view! {
            <p class="faq__related">
                {labels.related_section.clone()}" "
                <a
                    href=format!("{sections_page}#{section_id}")
                    target=(!sections_page.is_empty()).then_some("_blank")
                >
                    {section_title}
                </a>
            </p>
        }
    });
    let copy = {
        let (id, anchor) = (id.clone(), anchor.clone());
        move |_| copy_link(state, id.clone(), &anchor)
    };
    let copy_message = {
        let (id, copied, failed) = (
            id.clone(),
            labels.link_copied.clone(),
            labels.copy_failed.clone(),
        );
        move || match state.copied.get() {
            Some((copied_id, worked)) if copied_id == id => {
                if worked {
                    copied.clone()
                } else {
                    failed.clone()
                }
            }
            _ => String::new(),
        }
    };
    // The platform opens and closes the answer (a click, Enter or Space on the question, a
    // find in the page); the island follows, and opens it when a link, the filter or Show all
    // asks: applied after hydration, never during it, since hydration would close an answer the
    // browser opened before the island woke (the state reads those first, in `restore`).
    let details = NodeRef::<leptos::html::Details>::new();
    let on_toggle = move |_: web_sys::Event| {
        if let Some(details) = details.get_untracked() {
            set_open(details.open());
        }
    };
    Effect::new(move |_| {
        let open = is_open.get();
        if let Some(details) = details.get() {
            if details.open() != open {
                details.set_open(open);
            }
        }
    });
    view! {
        <details
            id=anchor
            class="faq__entry"
            hidden=move || !shown.get()
            node_ref=details
            on:toggle=on_toggle
        >
            <summary id=button_id class="faq__button">
                <h3 class="faq__question">{marked(question, state.query)}</h3>
            </summary>
            <div id=answer_id class="faq__answer">
                <p>{marked(answer, state.query)}</p>
                {related}
                <p class="faq__share js-only">
                    <button type="button" class="control faq__copy" on:click=copy>
                        {labels.copy_link.clone()}
                    </button>
                    <span class="faq__copied" role="status">{copy_message}</span>
                </p>
            </div>
        </details>
    }
}

/// Puts the entry's address in the address bar and copies it, then says how that went.
fn copy_link(state: FaqState, id: String, anchor: &str) {
    let window = window();
    let _ = window.history().and_then(|h| {
        h.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("#{anchor}")),
        )
    });
    let url = window.location().href().unwrap_or_default();
    leptos::task::spawn_local(async move {
        let worked = copy_text(&url).await;
        state.copied.set(Some((id, worked)));
    });
}
