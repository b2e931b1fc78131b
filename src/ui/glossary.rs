//! Island: glossary terms inline in the story. A term is a button that reveals its short
//! definition right after it, closed again by the button, by Escape or by a click elsewhere.
//! Rendered disabled, so that before hydration (or without JavaScript) it is plain text; every
//! definition is also listed in the page's glossary section.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::app_root::AppRoot;

/// Which term, if any, shows its definition (one at a time), and whether the terms work yet.
/// Provided by the root island.
#[derive(Clone, Copy)]
pub struct Glossary {
    open: RwSignal<Option<usize>>,
    ready: RwSignal<bool>,
}

/// Every term on the page is a `.term-wrap`; a click outside all of them closes the open one.
const TERM_SELECTOR: &str = ".term-wrap";

impl Glossary {
    /// Creates the state and the page-wide listeners that close an open definition.
    pub fn install(root: AppRoot) -> Self {
        let glossary = Glossary {
            open: RwSignal::new(None),
            ready: RwSignal::new(false),
        };
        // Listeners exist only in the browser: effects do not run at build time.
        Effect::new(move |_| glossary.listen(root));
        glossary
    }

    /// Makes the terms work. Called once every island is hydrated: a term hydrated after the
    /// change would keep the `disabled` it was rendered with.
    pub fn enable(&self) {
        self.ready.set(true);
    }

    /// Closes the open definition on Escape (focus goes back to its term) and on a click
    /// outside every term.
    fn listen(self, root: AppRoot) {
        let glossary = self;
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
    }
}

/// The id of the `n`th term's button on the page.
pub fn button_id(n: usize) -> String {
    format!("term-{n}")
}

/// The `n`th glossary term on the page, showing `shown`; `children` is its definition.
#[island]
pub fn Term(n: usize, shown: String, children: Children) -> impl IntoView {
    let glossary = expect_context::<Glossary>();
    let definition_id = format!("term-{n}-definition");
    let is_open = move || glossary.open.get() == Some(n);
    view! {
        <span class="term-wrap">
            <button
                type="button"
                class="term"
                id=button_id(n)
                disabled=move || !glossary.ready.get()
                aria-expanded=move || is_open().to_string()
                aria-controls=definition_id.clone()
                on:click=move |_| glossary.open.set(if is_open() { None } else { Some(n) })
            >
                {shown}
            </button>
            <span id=definition_id class="term__definition" hidden=move || !is_open()>
                {children()}
            </span>
        </span>
    }
}
