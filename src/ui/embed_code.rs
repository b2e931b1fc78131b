//! Island: "Embed this", on the explainer's own page only: ready-to-copy snippets for both
//! ways of putting it in another page, filled in with the address it is served from.

use explainer_core::content::model::Labels;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::ui::app_root::Edition;
use crate::ui::clipboard::copy_text;

/// The iframe snippet and the script snippet for `edition` of an explainer served from `base`
/// (ending `/`).
pub fn snippets(base: &str, edition: &Edition, title: &str) -> [String; 2] {
    let title = title
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    let path = &edition.path;
    let lang = if path.is_empty() {
        String::new()
    } else {
        format!(" data-explainer-lang=\"{}\"", edition.lang)
    };
    [
        format!(
            "<iframe src=\"{base}{path}embed.html\" title=\"{title}\" loading=\"lazy\" style=\"width:100%;border:0\"></iframe>\n\
             <script src=\"{base}embed.js\" async></script>"
        ),
        format!("<div data-explainer{lang}></div>\n<script type=\"module\" src=\"{base}embed.js\"></script>"),
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

/// The explainer's folder as the page was loaded from it, as an absolute URL ending `/`: the
/// page's own folder, less the edition's.
fn served_from(edition: &Edition) -> Option<String> {
    let base = document().base_uri().ok().flatten()?;
    let folder = web_sys::Url::new_with_base("./", &base).ok()?.href();
    Some(
        folder
            .strip_suffix(edition.path.as_str())
            .unwrap_or(&folder)
            .to_string(),
    )
}

/// A disclosure holding the two snippets for `edition`, each with a copy button. Rendered for
/// `base_url` (where the build says it is published); once hydrated, for the address in use.
#[cfg_attr(feature = "lazy-islands", island(lazy))]
#[cfg_attr(not(feature = "lazy-islands"), island)]
pub fn EmbedCode(labels: EmbedLabels, base_url: String, edition: Edition) -> impl IntoView {
    let base = RwSignal::new(base_url);
    Effect::new({
        let edition = edition.clone();
        move |_| {
            if let Some(here) = served_from(&edition) {
                base.set(here);
            }
        }
    });
    let copied = RwSignal::new(None::<usize>);
    let title = labels.page_title.clone();
    let snippet = move |index: usize, label: String| {
        let label_id = format!("embed-code-{index}-label");
        let title = title.clone();
        let edition = edition.clone();
        let code = move || snippets(&base.get(), &edition, &title)[index].clone();
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
    use super::{snippets, Edition};

    #[test]
    fn snippets_name_the_base_and_escape_the_title() {
        let english = Edition {
            lang: "en".into(),
            path: String::new(),
        };
        let [frame, script] = snippets(
            "https://news.example/graphics/explainer/",
            &english,
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

    #[test]
    fn another_edition_frames_its_own_page_and_names_its_language() {
        let khmer = Edition {
            lang: "km".into(),
            path: "km/".into(),
        };
        let [frame, script] = snippets("https://news.example/x/", &khmer, "T");
        assert!(frame.starts_with("<iframe src=\"https://news.example/x/km/embed.html\""));
        assert!(frame.contains("<script src=\"https://news.example/x/embed.js\" async>"));
        assert!(script.starts_with("<div data-explainer data-explainer-lang=\"km\"></div>"));
    }
}
