//! Glossary terms inline in the story, rendered at build time with no code: each term is a
//! button that opens its short definition with the platform's popover (`popovertarget`), which
//! Escape, a click elsewhere or the term again close; one is open at a time. Every definition is
//! also listed in the page's glossary section.

use leptos::prelude::*;

/// The id of the `n`th term's button on the page.
pub fn button_id(n: usize) -> String {
    format!("term-{n}")
}

/// The `n`th glossary term on the page, showing `shown`; `children` is its definition.
#[component]
pub fn Term(n: usize, shown: String, children: Children) -> impl IntoView {
    let definition_id = format!("term-{n}-definition");
    view! {
        <button type="button" class="term" id=button_id(n) popovertarget=definition_id.clone()>
            {shown}
        </button>
        <span id=definition_id class="term__definition" popover="auto">
            {children()}
        </span>
    }
}
