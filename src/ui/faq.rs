//! The FAQ: an accordion of questions (the WAI-ARIA pattern) with Show all / Hide all, a filter
//! that marks what it finds, links to each answer, open answers kept for the session, and the
//! same questions as schema.org JSON-LD in the document head.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;

use crate::content::model::FaqEntry;
use crate::content::schema_org::faq_page;
use crate::content::template::fill;
use crate::content::Content;
use crate::storage::{self, Area};
use crate::text_match::{match_ranges, matches_all, query_words, split_marked};
use crate::ui::clipboard::copy_text;
use crate::ui::deep_link::DeepLinks;
use crate::ui::root::AppRoot;

/// The FAQ section's element id, and so its address (`#faq`).
pub const FAQ_ID: &str = "faq";
/// Where the open answers are kept for the session.
const STORAGE_KEY: &str = "explainer:v1:faq-open";
/// The id of the JSON-LD script this component puts in the document head.
const SCHEMA_ID: &str = "faq-schema";

/// What the FAQ shows; shared by its entries through context.
#[derive(Clone, Copy)]
struct FaqState {
    open: RwSignal<HashSet<String>>,
    query: RwSignal<String>,
    /// The entry whose link was last copied, and whether copying worked.
    copied: RwSignal<Option<(String, bool)>>,
}

impl FaqState {
    /// Starts with the answers opened earlier in this session, where storage allows.
    fn restore(known: &[FaqEntry]) -> Self {
        let saved = storage::read(Area::Session, STORAGE_KEY)
            .and_then(|json| serde_json::from_str::<serde_json::Value>(&json).ok());
        let open = saved
            .as_ref()
            .and_then(serde_json::Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(serde_json::Value::as_str)
            .filter(|id| known.iter().any(|e| e.id == *id))
            .map(str::to_string)
            .collect();
        FaqState {
            open: RwSignal::new(open),
            query: RwSignal::new(String::new()),
            copied: RwSignal::new(None),
        }
    }

    fn is_open(&self, id: &str) -> bool {
        self.open.with(|open| open.contains(id))
    }

    fn set_open<'a>(&self, ids: impl IntoIterator<Item = &'a str>, open: bool) {
        self.open.update(|set| {
            for id in ids {
                if open {
                    set.insert(id.to_string());
                } else {
                    set.remove(id);
                }
            }
        });
        let ids: Vec<String> = self
            .open
            .with_untracked(|set| set.iter().cloned().collect());
        storage::write(
            Area::Session,
            STORAGE_KEY,
            &serde_json::Value::from(ids).to_string(),
        );
    }
}

/// The FAQ section, shown when the content file has questions.
#[component]
pub fn Faq() -> impl IntoView {
    let content = expect_context::<Arc<Content>>();
    if content.faq.is_empty() {
        return None;
    }
    let state = FaqState::restore(&content.faq);
    provide_context(state);
    if expect_context::<AppRoot>().owns_page() {
        publish_schema(&content);
    }
    let links = expect_context::<DeepLinks>();
    for entry in &content.faq {
        let id = entry.id.clone();
        links.register(format!("faq-{id}"), move || {
            state.query.set(String::new());
            state.set_open([id.as_str()], true);
        });
    }

    let labels = content.labels.clone();
    let entries = content.faq.clone();
    let total = entries.len();
    let shown_ids = Memo::new({
        let entries = entries.clone();
        move |_| {
            // The query is read once per change, not once per entry.
            let words = state.query.with(|q| query_words(q));
            entries
                .iter()
                .filter(|e| matches_all(&[&e.question, &e.answer], &words))
                .map(|e| e.id.clone())
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
        let entries = entries.clone();
        move |event: leptos::ev::Event| {
            let query = event_target_value(&event);
            // Answers that hold the words open, so the marks can be seen.
            let words = query_words(&query);
            if !words.is_empty() {
                let found = entries
                    .iter()
                    .filter(|e| !match_ranges(&e.answer, &words).is_empty());
                state.set_open(found.map(|e| e.id.as_str()), true);
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
                0 => fill(&labels.faq_no_match, &[("query", query.trim())]),
                shown => fill(
                    &labels.faq_filter_count,
                    &[("shown", &shown.to_string()), ("total", &total.to_string())],
                ),
            }
        }
    };
    let panel_ids = entries
        .iter()
        .map(|e| format!("faq-{}-answer", e.id))
        .collect::<Vec<_>>()
        .join(" ");
    Some(view! {
        <section id=FAQ_ID class="faq" aria-labelledby="faq-title">
            <h2 id="faq-title">{labels.faq_heading.clone()}</h2>
            <div class="faq__tools">
                <div class="faq__filter">
                    <label for="faq-filter" class="faq__filter-label">{labels.faq_filter_label.clone()}</label>
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
                            {labels.faq_filter_clear.clone()}
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
                        move || if all_open() { labels.faq_hide_all.clone() } else { labels.faq_show_all.clone() }
                    }
                </button>
            </div>
            <p class="faq__status" role="status" aria-live="polite">{status}</p>
            <div class="faq__list">
                {entries
                    .into_iter()
                    .map(|entry| {
                        let id = entry.id.clone();
                        let shown = move || shown_ids.with(|ids| ids.contains(&id));
                        view! { <FaqItem entry shown=Signal::derive(shown) /> }
                    })
                    .collect_view()}
            </div>
        </section>
    })
}

/// Puts the FAQ's JSON-LD in the document head, replacing any earlier copy, until unmounted.
fn publish_schema(content: &Content) {
    let document = document();
    let Some(head) = document.head() else { return };
    if let Some(old) = document.get_element_by_id(SCHEMA_ID) {
        old.remove();
    }
    let Ok(script) = document.create_element("script") else {
        return;
    };
    script.set_id(SCHEMA_ID);
    let _ = script.set_attribute("type", "application/ld+json");
    // Set as text, never parsed as HTML.
    script.set_text_content(Some(&faq_page(content).to_string()));
    if head.append_child(&script).is_ok() {
        on_cleanup(move || script.remove());
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
#[component]
fn FaqItem(entry: FaqEntry, shown: Signal<bool>) -> impl IntoView {
    let content = expect_context::<Arc<Content>>();
    let state = expect_context::<FaqState>();
    let labels = &content.labels;
    let anchor = format!("faq-{}", entry.id);
    let button_id = format!("{anchor}-button");
    let answer_id = format!("{anchor}-answer");
    let id = entry.id.clone();
    let is_open = Memo::new(move |_| state.is_open(&id));
    let set_open = {
        let id = entry.id.clone();
        move |open: bool| state.set_open([id.as_str()], open)
    };
    let open_on_find = set_open.clone();
    let related = entry.section.as_deref().and_then(|section_id| {
        let section = content.story.sections.iter().find(|s| s.id == section_id)?;
        Some(view! {
            <p class="faq__related">
                {labels.faq_related_section.clone()}" "
                <a href=format!("#{section_id}")>{section.title.clone()}</a>
            </p>
        })
    });
    let copy = {
        let (id, anchor) = (entry.id.clone(), anchor.clone());
        move |_| copy_link(state, id.clone(), &anchor)
    };
    let copy_message = {
        let (id, copied, failed) = (
            entry.id.clone(),
            labels.faq_link_copied.clone(),
            labels.faq_copy_failed.clone(),
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
    view! {
        <div id=anchor class="faq__entry" hidden=move || !shown.get()>
            <h3 class="faq__question">
                <button
                    type="button"
                    id=button_id.clone()
                    class="faq__button"
                    aria-expanded=move || is_open.get().to_string()
                    aria-controls=answer_id.clone()
                    on:click=move |_| set_open(!is_open.get_untracked())
                >
                    {marked(entry.question, state.query)}
                </button>
            </h3>
            <div
                id=answer_id
                class="faq__answer"
                hidden=move || (!is_open.get()).then_some("until-found")
                on:beforematch=move |_: web_sys::Event| open_on_find(true)
            >
                <p>{marked(entry.answer, state.query)}</p>
                {related}
                <p class="faq__share">
                    <button type="button" class="control faq__copy" on:click=copy>
                        {labels.faq_copy_link.clone()}
                    </button>
                    <span class="faq__copied" role="status">{copy_message}</span>
                </p>
            </div>
        </div>
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
