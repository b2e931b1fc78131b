//! Islands: one subject from several points of view, as tabs (the WAI-ARIA tabs pattern: arrow
//! keys, Home and End move between tabs, and the tab in focus is the one shown). The panels are
//! rendered at build time; without JavaScript the tabs are hidden and every panel shows.

use leptos::ev;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::ui::app_root::AppRoot;

/// One tab: its panel's id and the tab's name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TabName {
    pub id: String,
    pub label: String,
}

/// The selected tab of the nearest tab set.
#[derive(Clone, Copy)]
struct Selected(RwSignal<usize>);

/// The id of a tab and of its panel, kept unique on the page by `prefix` (the section id).
pub fn tab_ids(prefix: &str, id: &str) -> (String, String) {
    (format!("{prefix}-{id}-tab"), format!("{prefix}-{id}-panel"))
}

/// The tab list named `label`, over `children`: one [`TabPanel`] per tab, in order.
#[island]
pub fn PerspectiveTabs(
    label: String,
    prefix: String,
    tabs: Vec<TabName>,
    children: Children,
) -> impl IntoView {
    let count = tabs.len();
    let selected = RwSignal::new(0usize);
    provide_context(Selected(selected));
    let ids: Vec<String> = tabs.iter().map(|t| tab_ids(&prefix, &t.id).0).collect();
    let root = expect_context::<AppRoot>();
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
        selected.set(next);
        root.focus(&ids[next]);
    };
    let buttons = tabs
        .into_iter()
        .enumerate()
        .map(|(i, tab)| {
            let (tab_id, panel_id) = tab_ids(&prefix, &tab.id);
            let is_selected = move || selected.get() == i;
            view! {
                <button
                    type="button"
                    role="tab"
                    class="perspectives__tab"
                    id=tab_id
                    aria-selected=move || is_selected().to_string()
                    aria-controls=panel_id
                    tabindex=move || if is_selected() { "0" } else { "-1" }
                    on:click=move |_| selected.set(i)
                >
                    {tab.label}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="perspectives">
            <div role="tablist" class="perspectives__tabs js-only" aria-label=label on:keydown=on_keydown>
                {buttons}
            </div>
            {children()}
        </div>
    }
}

/// The `index`th panel of the enclosing [`PerspectiveTabs`]; `children` is its text.
#[island]
pub fn TabPanel(index: usize, id: String, tab_id: String, children: Children) -> impl IntoView {
    let Selected(selected) = expect_context::<Selected>();
    view! {
        <div
            role="tabpanel"
            class="perspectives__panel"
            id=id
            aria-labelledby=tab_id
            tabindex="0"
            hidden=move || selected.get() != index
        >
            {children()}
        </div>
    }
}
