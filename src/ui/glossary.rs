//! Glossary terms inline in the story: a button that reveals the term's short definition right
//! after it, closed again by the button, by Escape, or by a click anywhere else.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::content::model::GlossaryEntry;
use crate::ui::root::AppRoot;

/// Which term, if any, shows its definition; one at a time. Shared through context.
#[derive(Clone, Copy)]
pub struct Glossary {
    open: RwSignal<Option<usize>>,
    issued: StoredValue<usize>,
}

/// Every term on the page is a `.term-wrap`; a click outside all of them closes the open one.
const TERM_SELECTOR: &str = ".term-wrap";

impl Glossary {
    /// Creates the state and the page-wide listeners that close an open definition.
    pub fn install() -> Self {
        let glossary = Glossary {
            open: RwSignal::new(None),
            issued: StoredValue::new(0),
        };
        let root = expect_context::<AppRoot>();
        let on_key = window_event_listener(ev::keydown, move |event| {
            if event.key() == "Escape" {
                if let Some(n) = glossary.open.get_untracked() {
                    glossary.open.set(None);
                    root.focus(&button_id(n));
                }
            }
        });
        let on_click = window_event_listener(ev::click, move |event| {
            // The composed path sees inside a shadow root, where `target` would be the host.
            let inside_a_term = event.composed_path().iter().any(|node| {
                node.dyn_into::<web_sys::Element>()
                    .is_ok_and(|el| el.matches(TERM_SELECTOR).unwrap_or(false))
            });
            if !inside_a_term && glossary.open.get_untracked().is_some() {
                glossary.open.set(None);
            }
        });
        on_cleanup(move || {
            on_key.remove();
            on_click.remove();
        });
        glossary
    }

    /// A fresh number for one occurrence of a term, so its ids are unique on the page.
    fn issue(&self) -> usize {
        self.issued.update_value(|n| *n += 1);
        self.issued.get_value()
    }
}

fn button_id(n: usize) -> String {
    format!("term-{n}")
}

/// One occurrence of a glossary term in the text, showing `shown`.
#[component]
pub fn Term(entry: GlossaryEntry, shown: String) -> impl IntoView {
    let glossary = expect_context::<Glossary>();
    let n = glossary.issue();
    let definition_id = format!("term-{n}-definition");
    let is_open = move || glossary.open.get() == Some(n);
    view! {
        <span class="term-wrap">
            <button
                type="button"
                class="term"
                id=button_id(n)
                aria-expanded=move || is_open().to_string()
                aria-controls=definition_id.clone()
                on:click=move |_| glossary.open.set(if is_open() { None } else { Some(n) })
            >
                {shown}
            </button>
            <span id=definition_id class="term__definition" hidden=move || !is_open()>
                <strong>{entry.term}</strong>
                " "
                {entry.definition}
            </span>
        </span>
    }
}
