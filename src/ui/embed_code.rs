//! "Embed this": on the explainer's own page, ready-to-copy snippets for both ways of putting
//! it in another page, filled in with the address it is served from.

use std::sync::Arc;

use leptos::prelude::*;

use crate::asset_url::app_asset_url;
use crate::content::Content;
use crate::ui::clipboard::copy_text;

/// The iframe snippet and the script snippet for an explainer served from `base` (ending `/`).
pub fn snippets(base: &str, title: &str) -> [String; 2] {
    let title = title
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    [
        format!(
            "<iframe src=\"{base}?embed=1\" title=\"{title}\" loading=\"lazy\" style=\"width:100%;border:0\"></iframe>\n\
             <script src=\"{base}embed.js\" async></script>"
        ),
        format!("<div data-explainer></div>\n<script type=\"module\" src=\"{base}embed.js\"></script>"),
    ]
}

/// A disclosure holding the two snippets, each with a copy button.
#[component]
pub fn EmbedCode() -> impl IntoView {
    let content = expect_context::<Arc<Content>>();
    let labels = &content.labels;
    let [frame, script] = snippets(&app_asset_url("./"), &labels.page_title);
    let copied = RwSignal::new(None::<usize>);
    let snippet = move |index: usize, label: String, code: String| {
        let id = format!("embed-code-{index}");
        let text = code.clone();
        let copy = move |_| {
            let text = text.clone();
            leptos::task::spawn_local(async move {
                if copy_text(&text).await {
                    copied.set(Some(index));
                }
            });
        };
        let copied_label = labels.embed_copied.clone();
        view! {
            <div class="embed-code__snippet">
                <label for=id.clone() class="embed-code__label">{label}</label>
                <textarea id=id class="embed-code__text" readonly rows="3" spellcheck="false">{code}</textarea>
                <button type="button" class="control" on:click=copy>{labels.embed_copy.clone()}</button>
                <span role="status">{move || (copied.get() == Some(index)).then(|| copied_label.clone())}</span>
            </div>
        }
    };
    view! {
        <details class="embed-code">
            <summary class="embed-code__summary">{labels.embed_heading.clone()}</summary>
            <p>{labels.embed_intro.clone()}</p>
            {snippet(0, labels.embed_frame_label.clone(), frame)}
            {snippet(1, labels.embed_script_label.clone(), script)}
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
            frame.starts_with("<iframe src=\"https://news.example/graphics/explainer/?embed=1\"")
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
