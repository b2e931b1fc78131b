//! One subject from several points of view, rendered at build time with no code: a radio group
//! names the points of view, and CSS (`:has()`) shows the panel of the one chosen. Arrow keys
//! move between them, as in any radio group; without CSS every panel shows, under its title.
//! The CSS pairs choices and panels by position, up to
//! [`MAX_POINTS_OF_VIEW`](explainer_core::content::validate::MAX_POINTS_OF_VIEW).

use leptos::prelude::*;

use explainer_core::content::model::Perspectives;

use crate::ui::views::rich_text::RichText;

/// The id of a point of view's radio button and of its panel, kept unique on the page by
/// `prefix` (the section id).
pub fn choice_ids(prefix: &str, id: &str) -> (String, String) {
    (
        format!("{prefix}-{id}-choice"),
        format!("{prefix}-{id}-panel"),
    )
}

/// A section's points of view: the choice, then one panel per point of view, in order.
#[component]
pub fn PointsOfView(perspectives: Perspectives, prefix: String) -> impl IntoView {
    let group = format!("{prefix}-point-of-view");
    let choices = perspectives
        .tabs
        .iter()
        .enumerate()
        .map(|(i, tab)| {
            let (choice_id, panel_id) = choice_ids(&prefix, &tab.id);
            view! {
                <label class="choice perspectives__choice">
                    <input
                        type="radio"
                        name=group.clone()
                        value=tab.id.clone()
                        id=choice_id
                        aria-controls=panel_id
                        checked=i == 0
                    />
                    <span>{tab.label.clone()}</span>
                </label>
            }
        })
        .collect_view();
    let panels = perspectives
        .tabs
        .into_iter()
        .map(|tab| {
            let (_, panel_id) = choice_ids(&prefix, &tab.id);
            view! {
                <div class="perspectives__panel" id=panel_id>
                    <p class="perspectives__print-title">{tab.label}</p>
                    <p><RichText text=tab.intro /></p>
                    <ul>
                        {tab.items.into_iter().map(|item| view! { <li><RichText text=item /></li> }).collect_view()}
                    </ul>
                    {tab.note.map(|note| view! { <p class="perspectives__note"><RichText text=note /></p> })}
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="perspectives">
            <fieldset class="perspectives__choices">
                <legend class="perspectives__legend">{perspectives.label}</legend>
                <div class="choices">{choices}</div>
            </fieldset>
            {panels}
        </div>
    }
}
