//! Summary-first reading: a short read (summaries) or the full read, single sections opened or
//! closed on top of that, and the switch between the two, remembered across visits.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::content::Content;
use crate::storage::{self, Area};

/// Where the reader's choice is kept.
const STORAGE_KEY: &str = "explainer:v1:reading-mode";

/// How much of each section is shown by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadingMode {
    /// Titles and one-line summaries; each section opens on request.
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

/// Which sections are open; shared through context.
#[derive(Clone, Copy)]
pub struct Reading {
    mode: RwSignal<ReadingMode>,
    /// Sections the reader opened or closed by hand since the mode last changed.
    overrides: RwSignal<HashMap<String, bool>>,
}

impl Reading {
    /// Starts from the stored choice, or the short read.
    pub fn from_storage() -> Self {
        let mode = storage::read(Area::Local, STORAGE_KEY)
            .and_then(|stored| ReadingMode::parse(&stored))
            .unwrap_or(ReadingMode::Short);
        Reading {
            mode: RwSignal::new(mode),
            overrides: RwSignal::new(HashMap::new()),
        }
    }

    pub fn mode(&self) -> ReadingMode {
        self.mode.get()
    }

    /// Switches every section to `mode` and remembers the choice if storage allows.
    pub fn set_mode(&self, mode: ReadingMode) {
        self.overrides.update(HashMap::clear);
        self.mode.set(mode);
        storage::write(Area::Local, STORAGE_KEY, mode.as_str());
    }

    pub fn is_open(&self, section_id: &str) -> bool {
        let by_mode = self.mode.get() == ReadingMode::Full;
        self.overrides
            .with(|o| o.get(section_id).copied().unwrap_or(by_mode))
    }

    pub fn set_open(&self, section_id: &str, open: bool) {
        if self.is_open(section_id) != open {
            self.overrides.update(|o| {
                o.insert(section_id.to_string(), open);
            });
        }
    }
}

/// The two-way switch between the short and the full read.
#[component]
pub fn ReadingModeSwitch() -> impl IntoView {
    let content = expect_context::<Arc<Content>>();
    let reading = expect_context::<Reading>();
    let labels = &content.labels;
    let option = |mode: ReadingMode, label: String| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="reading-mode"
                    value=mode.as_str()
                    prop:checked=move || reading.mode() == mode
                    on:change=move |_| reading.set_mode(mode)
                />
                <span>{label}</span>
            </label>
        }
    };
    view! {
        <fieldset class="reading-mode">
            <legend class="reading-mode__legend">{labels.reading_mode.clone()}</legend>
            <div class="choices">
                {option(ReadingMode::Short, labels.short_read.clone())}
                {option(ReadingMode::Full, labels.full_read.clone())}
            </div>
        </fieldset>
    }
}
