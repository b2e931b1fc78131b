//! Island: the table of contents, links to the parts of the page with the one being read
//! marked; on phones, a menu. The links work as plain links before hydration.

use leptos::ev;
use leptos::prelude::*;

use crate::ui::scroll::track_scroll;

/// A `nav` named `label` of links to `parts`, given as ids and titles.
#[island]
pub fn Toc(label: String, parts: Vec<(String, String)>) -> impl IntoView {
    let scroll = track_scroll(parts.iter().map(|(id, _)| id.clone()).collect());
    let menu_open = RwSignal::new(false);
    let toggle = NodeRef::<leptos::html::Button>::new();
    let close_on_escape = move |event: ev::KeyboardEvent| {
        if event.key() == "Escape" && menu_open.get_untracked() {
            menu_open.set(false);
            if let Some(button) = toggle.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    let links = parts
        .into_iter()
        .map(|(id, title)| {
            let href = format!("#{id}");
            let is_current = move || scroll.current.with(|c| c.as_deref() == Some(id.as_str()));
            view! {
                <li>
                    <a
                        href=href
                        class="toc__link"
                        aria-current=move || is_current().then_some("location")
                        on:click=move |_| menu_open.set(false)
                    >
                        {title}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav
            class="toc"
            class:toc--open=move || menu_open.get()
            aria-labelledby="toc-title"
            on:keydown=close_on_escape
        >
            <h2 id="toc-title" class="toc__title">{label.clone()}</h2>
            <button
                type="button"
                class="toc__toggle js-only"
                node_ref=toggle
                aria-expanded=move || menu_open.get().to_string()
                aria-controls="toc-list"
                on:click=move |_| menu_open.update(|open| *open = !*open)
            >
                {label}
            </button>
            <ol id="toc-list" class="toc__list">{links}</ol>
        </nav>
    }
}
