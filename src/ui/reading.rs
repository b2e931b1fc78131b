//! Islands: the short/full reading switch, and each section's Read more / Show less. Sections
//! open by the reading mode, by hand, by find-in-page and by links; the mode is remembered.

use leptos::prelude::*;

use explainer_core::storage_keys;

use crate::ui::deep_link::DeepLinks;
use crate::ui::storage::{self, Area};

/// How much of each section is shown by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadingMode {
    /// Titles and one-line summaries; each section opens on request. Rendered at build time.
    Short,
    /// Every section open.
    Full,
}

impl ReadingMode {
    fn as_str(self) -> &'static str {
        match self {
            ReadingMode::Short => "short",
            ReadingMode::Full => "full",
        }
    }

    fn parse(stored: &str) -> Option<Self> {
        match stored {
            "short" => Some(ReadingMode::Short),
            "full" => Some(ReadingMode::Full),
            _ => None,
        }
    }
}

/// Which sections are open; provided by the root island.
#[derive(Clone, Copy)]
pub struct Reading {
    mode: RwSignal<ReadingMode>,
    /// Sections the reader opened or closed by hand since the mode last changed.
    overrides: RwSignal<Vec<(String, bool)>>,
}

impl Reading {
    /// The short read, as rendered at build time.
    pub fn new() -> Self {
        Reading {
            mode: RwSignal::new(ReadingMode::Short),
            overrides: RwSignal::new(Vec::new()),
        }
    }

    /// Applies the reader's stored choice, if storage has a usable one. Call after hydration.
    pub fn restore(&self) {
        if let Some(mode) = storage::read(Area::Local, storage_keys::READING_MODE)
            .and_then(|s| ReadingMode::parse(&s))
        {
            self.mode.set(mode);
        }
    }

    /// Switches every section to `mode` and remembers the choice if storage allows.
    pub fn set_mode(&self, mode: ReadingMode) {
        self.overrides.update(Vec::clear);
        self.mode.set(mode);
        storage::write(Area::Local, storage_keys::READING_MODE, mode.as_str());
    }

    pub fn is_open(&self, section_id: &str) -> bool {
        let by_mode = self.mode.get() == ReadingMode::Full;
        self.overrides.with(|overrides| {
            overrides
                .iter()
                .find(|(id, _)| id == section_id)
                .map_or(by_mode, |(_, open)| *open)
        })
    }

    pub fn set_open(&self, section_id: &str, open: bool) {
        if self.is_open(section_id) != open {
            self.overrides.update(|overrides| {
                overrides.retain(|(id, _)| id != section_id);
                overrides.push((section_id.to_string(), open));
            });
        }
    }
}

impl Default for Reading {
    fn default() -> Self {
        Self::new()
    }
}

/// The two-way switch between the short and the full read; its words come from the content.
#[island]
pub fn ReadingModeSwitch(legend: String, short: String, full: String) -> impl IntoView {
    let reading = expect_context::<Reading>();
    let option = move |mode: ReadingMode, label: String| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="reading-mode"
                    value=mode.as_str()
                    checked=mode == ReadingMode::Short
                    prop:checked=move || reading.mode.get() == mode
                    on:change=move |_| reading.set_mode(mode)
                />
                <span>{label}</span>
            </label>
        }
    };
    view! {
        <fieldset class="reading-mode js-only">
            <legend class="reading-mode__legend">{legend}</legend>
            <div class="choices">
                {option(ReadingMode::Short, short)}
                {option(ReadingMode::Full, full)}
            </div>
        </fieldset>
    }
}

/// The part of section `id` that opens and closes (`children`), and its toggle. Closed, it stays
/// findable with the browser's find-in-page, which opens it.
#[island]
pub fn SectionBody(
    id: String,
    title: String,
    open_label: String,
    close_label: String,
    children: Children,
) -> impl IntoView {
    let reading = expect_context::<Reading>();
    let body_id = format!("{id}-body");
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
    expect_context::<DeepLinks>().register(id, move || open_on_link(true));
    view! {
        <div
            id=body_id.clone()
            class="story-section__body"
            hidden=move || (!is_open.get()).then_some("until-found")
            on:beforematch=move |_: web_sys::Event| open_on_find(true)
        >
            {children()}
        </div>
        <button
            type="button"
            class="section-toggle js-only"
            aria-expanded=move || is_open.get().to_string()
            aria-controls=body_id
            on:click=move |_| set_open(!is_open.get_untracked())
        >
            {move || if is_open.get() { close_label.clone() } else { open_label.clone() }}
            <span class="visually-hidden">": "{title.clone()}</span>
        </button>
    }
}
