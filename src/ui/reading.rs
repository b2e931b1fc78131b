//! The short/full reading switch and each section's Read more / Show less, rendered at build
//! time with no code: the switch is two radio buttons and each toggle a checkbox, and CSS
//! (`:has()`) opens the sections they ask for. Closed, a section stays findable with the
//! browser's find-in-page, which opens it. The reader's choice of read is remembered by the
//! page's reading-mode script (`public/reading-mode.js`), which applies it before the first paint.

use leptos::prelude::*;

/// The radio buttons' name, and the values CSS and the reading-mode script look for.
const MODE: &str = "reading-mode";

/// The id of section `id`'s Read more checkbox.
pub fn toggle_id(section_id: &str) -> String {
    format!("{section_id}-more")
}

/// The two-way switch between the short and the full read; its words come from the content.
#[component]
pub fn ReadingModeSwitch(legend: String, short: String, full: String) -> impl IntoView {
    let option = |value: &'static str, label: String| {
        view! {
            <label class="choice">
                <input type="radio" name=MODE value=value checked=value == "short" />
                <span>{label}</span>
            </label>
        }
    };
    view! {
        <fieldset class="reading-mode">
            <legend class="reading-mode__legend">{legend}</legend>
            <div class="choices">{option("short", short)} {option("full", full)}</div>
        </fieldset>
    }
}

/// The part of section `id` that opens and closes (`children`), and its toggle: a checkbox
/// whose label says Read more or Show less, named with the section's `title`.
#[component]
pub fn SectionBody(
    id: String,
    title: String,
    open_label: String,
    close_label: String,
    children: Children,
) -> impl IntoView {
    let body_id = format!("{id}-body");
    let toggle = toggle_id(&id);
    view! {
        <div id=body_id.clone() class="story-section__body" hidden="until-found">
            {children()}
        </div>
        <input type="checkbox" id=toggle.clone() class="section-toggle__input" aria-controls=body_id />
        <label for=toggle class="section-toggle">
            <span class="section-toggle__open">{open_label}</span>
            <span class="section-toggle__close">{close_label}</span>
            <span class="visually-hidden">": "{title}</span>
        </label>
    }
}
