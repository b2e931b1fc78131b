//! What the reader sees while the content file loads or when it cannot be used.
//!
//! These are the only words not taken from the content file, since they show when there is none.

use leptos::prelude::*;

use crate::content::load::LoadError;

/// A polite, visible "loading" notice.
#[component]
pub fn LoadingPanel() -> impl IntoView {
    view! {
        <div class="status-panel" role="status" aria-live="polite">
            <p class="status-panel__title">"Loading the explainer…"</p>
        </div>
    }
}

/// Says what went wrong, lists any problems in the content file, and offers to try again.
#[component]
pub fn ErrorPanel(error: LoadError, on_retry: impl Fn() + 'static) -> impl IntoView {
    let (title, detail) = match &error {
        LoadError::Unreachable => (
            "The explainer could not be loaded",
            "The story did not arrive. Check your connection, then try again.".to_string(),
        ),
        LoadError::Status(code) => (
            "The explainer could not be loaded",
            format!(
                "The server could not send the story (HTTP {code}). Please try again in a moment."
            ),
        ),
        LoadError::Invalid(problems) => (
            "The explainer's content file has problems",
            format!(
                "The story file was found but cannot be shown until {} fixed:",
                if problems.len() == 1 {
                    "this is".to_string()
                } else {
                    format!("these {} problems are", problems.len())
                }
            ),
        ),
    };
    let problems = match error {
        LoadError::Invalid(problems) => Some(view! {
            <ul class="status-panel__problems">
                {problems.into_iter().map(|p| view! { <li><code>{p.place}</code>": "{p.message}</li> }).collect_view()}
            </ul>
        }),
        _ => None,
    };
    view! {
        <div class="status-panel status-panel--error" role="alert">
            <h1 class="status-panel__title">{title}</h1>
            <p>{detail}</p>
            {problems}
            <button type="button" class="button" on:click=move |_| on_retry()>"Try again"</button>
        </div>
    }
}
