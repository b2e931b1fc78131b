//! Island: "Embed this", on the explainer's own page only: ready-to-copy snippets for both
//! ways of putting it in another page, filled in with the address it is served from.

use explainer_core::content::model::Labels;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::ui::clipboard::copy_text;

/// The iframe snippet and the script snippet for an explainer served from `base` (ending `/`).
pub fn snippets(base: &str, title: &str) -> [String; 2] {
    let title = title
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    [
        format!(
            "<iframe src=\"{base}embed.html\" title=\"{title}\" loading=\"lazy\" style=\"width:100%;border:0\"></iframe>\n\
             <script src=\"{base}embed.js\" async></script>"
        ),
        format!("<div data-explainer></div>\n<script type=\"module\" src=\"{base}embed.js\"></script>"),
    ]
}

/// The interface words "Embed this" shows: only these travel to the browser.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EmbedLabels {
    pub page_title: String,
    pub heading: String,
    pub intro: String,
    pub frame_label: String,
    pub script_label: String,
    pub copy: String,
    pub copied: String,
}

impl From<&Labels> for EmbedLabels {
    fn from(labels: &Labels) -> Self {
        EmbedLabels {
            page_title: labels.page_title.clone(),
            heading: labels.embed_heading.clone(),
            intro: labels.embed_intro.clone(),
            frame_label: labels.embed_frame_label.clone(),
            script_label: labels.embed_script_label.clone(),
            copy: labels.embed_copy.clone(),
            copied: labels.embed_copied.clone(),
        }
    }
}

/// The folder the page was loaded from, as an absolute URL ending `/`.
fn served_from() -> Option<String> {
    let base = document().base_uri().ok().flatten()?;
    web_sys::Url::new_with_base("./", &base)
        .ok()
        .map(|url| url.href())
}

/// A disclosure holding the two snippets, each with a copy button. Rendered for `base_url`
/// (where the build says it is published); once hydrated, for the address actually in use.
#[island]
pub fn EmbedCode(labels: EmbedLabels, base_url: String) -> impl IntoView {
    let base = RwSignal::new(base_url);
    Effect::new(move |_| {
        if let Some(here) = served_from() {
            base.set(here);
        }
    });
    let copied = RwSignal::new(None::<usize>);
    let title = labels.page_title.clone();
    let snippet = move |index: usize, label: String| {
        let label_id = format!("embed-code-{index}-label");
        let title = title.clone();
        let code = move || snippets(&base.get(), &title)[index].clone();
        let copy = {
            let code = code.clone();
            move |_| {
                let text = code();
                leptos::task::spawn_local(async move {
                    if copy_text(&text).await {
                        copied.set(Some(index));
                    }
                });
            }
        };
        let copied_label = labels.copied.clone();
        view! {
            <div class="embed-code__snippet">
                <p id=label_id.clone() class="embed-code__label">{label}</p>
                // Text, escaped like any other (a textarea's content would not be).
                <pre class="embed-code__text" tabindex="0" aria-labelledby=label_id><code>{code.clone()}</code></pre>
                <button type="button" class="control js-only" on:click=copy>{labels.copy.clone()}</button>
                <span role="status">{move || (copied.get() == Some(index)).then(|| copied_label.clone())}</span>
            </div>
        }
    };
    view! {
        <details class="embed-code">
            <summary class="embed-code__summary">{labels.heading.clone()}</summary>
            <p>{labels.intro.clone()}</p>
            {snippet(0, labels.frame_label.clone())}
            {snippet(1, labels.script_label.clone())}
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::snippets;

    #[test]
    fn snippets_name_the_base_and_escape_the_title() {
        let [frame, script] = snippets(
            "https://news.example/graphics/explainer/",
            "Trade & \"ties\"",
        );
        assert!(
            frame.starts_with("<iframe src=\"https://news.example/graphics/explainer/embed.html\"")
        );
        assert!(frame.contains("title=\"Trade &amp; &quot;ties&quot;\""));
        assert!(frame.contains(
            "<script src=\"https://news.example/graphics/explainer/embed.js\" async></script>"
        ));
        assert_eq!(
            script,
            "<div data-explainer></div>\n<script type=\"module\" src=\"https://news.example/graphics/explainer/embed.js\"></script>"
        );
    }
}
