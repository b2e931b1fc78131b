//! The short/full reading switch, rendered at build time with no code: two radio buttons, and
//! CSS (`:has()`) opens every section's body when the full read is chosen. The reader's choice
//! is remembered by the page's reading-mode script (`public/reading-mode.js`), which applies it
//! before the first paint.

use leptos::prelude::*;

/// The radio buttons' name, and the values CSS and the reading-mode script look for.
const MODE: &str = "reading-mode";

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
