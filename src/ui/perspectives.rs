//! One subject from several points of view, as tabs (the WAI-ARIA tabs pattern: arrow keys, Home
//! and End move between tabs, and the tab in focus is the one shown).

use leptos::ev;
use leptos::prelude::*;

use crate::content::model::Perspectives;
use crate::ui::rich_text::RichText;
use crate::ui::root::AppRoot;

/// The tabs of a section's `perspectives`; `prefix` (the section id) keeps their ids unique.
#[component]
pub fn PerspectiveTabs(perspectives: Perspectives, prefix: String) -> impl IntoView {
    let count = perspectives.tabs.len();
    let selected = RwSignal::new(0usize);
    let tab_id = {
        let prefix = prefix.clone();
        move |id: &str| format!("{prefix}-{id}-tab")
    };
    let panel_id = move |id: &str| format!("{prefix}-{id}-panel");
    let ids: Vec<String> = perspectives.tabs.iter().map(|t| tab_id(&t.id)).collect();
    let root = expect_context::<AppRoot>();
    let select_and_focus = move |index: usize| {
        selected.set(index);
        root.focus(&ids[index]);
    };
    let on_keydown = move |event: ev::KeyboardEvent| {
        let current = selected.get_untracked();
        let next = match event.key().as_str() {
            "ArrowRight" => (current + 1) % count,
            "ArrowLeft" => (current + count - 1) % count,
            "Home" => 0,
            "End" => count - 1,
            _ => return,
        };
        event.prevent_default();
        select_and_focus(next);
    };
    let tabs = perspectives
        .tabs
        .iter()
        .enumerate()
        .map(|(i, tab)| {
            let is_selected = move || selected.get() == i;
            view! {
                <button
                    type="button"
                    role="tab"
                    class="perspectives__tab"
                    id=tab_id(&tab.id)
                    aria-selected=move || is_selected().to_string()
                    aria-controls=panel_id(&tab.id)
                    tabindex=move || if is_selected() { "0" } else { "-1" }
                    on:click=move |_| selected.set(i)
                >
                    {tab.label.clone()}
                </button>
            }
        })
        .collect_view();
    let panels = perspectives
        .tabs
        .into_iter()
        .enumerate()
        .map(|(i, tab)| {
            view! {
                <div
                    role="tabpanel"
                    class="perspectives__panel"
                    id=panel_id(&tab.id)
                    aria-labelledby=tab_id(&tab.id)
                    tabindex="0"
                    hidden=move || selected.get() != i
                >
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
            <div role="tablist" class="perspectives__tabs" aria-label=perspectives.label on:keydown=on_keydown>
                {tabs}
            </div>
            {panels}
        </div>
    }
}
