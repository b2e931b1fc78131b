//! Island: the table of contents, links to the parts of the page with the one being read
//! marked. On phones it is a menu, the platform's popover (`popovertarget`: Escape and a tap
//! elsewhere close it), which works with no code; once hydrated, following a link closes it
//! too. The links are plain links.

use leptos::html::Ol;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::ui::islands::reading_progress::track_scroll;

/// One part of the page the contents link to. Its title is on the page, so the props leave it out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TocPart {
    pub id: String,
    #[serde(skip)]
    pub title: String,
}

/// A `nav` named `label` of links to `parts`.
#[island]
pub fn Toc(label: String, parts: Vec<TocPart>) -> impl IntoView {
    let scroll = track_scroll(parts.iter().map(|part| part.id.clone()).collect());
    let list = NodeRef::<Ol>::new();
    // On wide screens the list is no popover but a column, and hiding it does nothing.
    let close_menu = move || {
        if let Some(list) = list.get_untracked() {
            let _ = list.hide_popover();
        }
    };
    let links = parts
        .into_iter()
        .map(|TocPart { id, title }| {
            let href = format!("#{id}");
            let is_current = move || scroll.current.with(|c| c.as_deref() == Some(id.as_str()));
            view! {
                <li>
                    <a
                        href=href
                        class="toc__link"
                        aria-current=move || is_current().then_some("location")
                        on:click=move |_| close_menu()
                    >
                        {title}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="toc" aria-labelledby="toc-title">
            <h2 id="toc-title" class="toc__title">{label.clone()}</h2>
            <button type="button" class="toc__toggle" popovertarget="toc-list">
                {label}
            </button>
            <ol id="toc-list" class="toc__list" popover="auto" node_ref=list>{links}</ol>
        </nav>
    }
}
