//! Island: the table of contents, links to the parts of the page with the one being read
//! marked. On phones it is a menu, the platform's popover (`popovertarget`: Escape and a tap
//! elsewhere close it), which works with no code; once hydrated, following a link closes it
//! too. The links are plain links.

use leptos::html::Ol;
use leptos::prelude::*;

use crate::ui::browser::page_text;
use crate::ui::islands::reading_progress::track_scroll;

/// One part of the page the contents link to.
#[derive(Clone, Debug, PartialEq)]
pub struct TocPart {
    pub id: String,
    pub title: String,
}

/// What the contents show: their label and the parts they link to. The island takes no props
/// (so the first module the page loads needs no JSON parser): the page provides this as context
/// at build time, and in the browser the island reads the parts' ids back from its links.
#[derive(Clone, Debug, PartialEq)]
pub struct TocContents {
    pub label: String,
    pub parts: Vec<TocPart>,
}

impl TocContents {
    /// The contents as the page shows them, read back from the island's links; the texts stay
    /// empty (hydrating them keeps the page's).
    fn read_back() -> Self {
        let parts = page_text::read_attributes(".toc__link", "href")
            .into_iter()
            .map(|href| TocPart {
                id: href.trim_start_matches('#').to_string(),
                title: String::new(),
            })
            .collect();
        TocContents {
            label: String::new(),
            parts,
        }
    }
}

/// A `nav` of links to the parts of the page ([`TocContents`]).
#[island]
pub fn Toc() -> impl IntoView {
    let TocContents { label, parts } = use_context().unwrap_or_else(TocContents::read_back);
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
