//! Island: "Embed this", on the explainer's own page only: ready-to-copy snippets for both
//! ways of putting it in another page, filled in with the address it is served from. Once
//! hydrated, an editor picks what to embed (the whole explainer or one part) and in which
//! edition, and sees it live in a preview at the width they choose.

use explainer_core::content::model::Labels;
use explainer_core::content::numbers::Digits;
use leptos::ev;
use leptos::html::{Div, Iframe};
use leptos::prelude::*;
use serde::Serialize;

use crate::ui::browser::clipboard::copy_text;
use crate::ui::browser::page_text;
use explainer_core::embed_snippets::{frame_url, Embed, EmbedHeights, WHOLE};
use explainer_core::page_kind::Edition;
use explainer_core::strings_from_json;

/// The interface words "Embed this" shows. They travel to the browser as JSON in the
/// disclosure's `data-words`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EmbedLabels {
    pub page_title: String,
    pub heading: String,
    pub intro: String,
    pub frame_label: String,
    pub script_label: String,
    pub copy: String,
    pub copied: String,
    pub part_label: String,
    pub whole: String,
    pub edition_label: String,
    pub width_label: String,
    pub preview_label: String,
    /// The edition's digits, for the preview's width.
    pub digits: Digits,
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
            part_label: labels.embed_part_label.clone(),
            whole: labels.embed_whole.clone(),
            edition_label: labels.embed_edition_label.clone(),
            width_label: labels.embed_width_label.clone(),
            preview_label: labels.embed_preview_label.clone(),
            digits: labels.digits.clone(),
        }
    }
}

/// One choice in a picker: its value, and its name.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub value: String,
    pub name: String,
}

/// What "Embed this" offers. The island takes no props (so its module needs no JSON parser):
/// the page provides this as context at build time, and in the browser the island reads it back
/// from the page ([`EmbedSettings::read_back`]).
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedSettings {
    pub labels: EmbedLabels,
    /// Where the build says the explainer is published, ending `/`.
    pub base_url: String,
    /// The parts, by slug.
    pub parts: Vec<Choice>,
    /// The editions, by language, this page's first, each with its folder.
    pub editions: Vec<(Choice, Edition)>,
    /// How tall each part's frame is where no script sizes it (each picker option's
    /// `data-height` in the page).
    pub heights: EmbedHeights,
    /// The labels and the base address as JSON, for the disclosure's `data-words`; none in the
    /// browser, where the page has them already.
    words: Option<String>,
}

impl EmbedSettings {
    pub fn new(
        labels: EmbedLabels,
        base_url: String,
        parts: Vec<Choice>,
        editions: Vec<(Choice, Edition)>,
        heights: EmbedHeights,
    ) -> Self {
        let words = page_text::words_attribute(&labels, &[("base_url", base_url.clone().into())]);
        EmbedSettings {
            labels,
            base_url,
            parts,
            editions,
            heights,
            words,
        }
    }

    /// "Embed this" as the page shows it: the pickers' values (each edition's folder in its
    /// option's `data-path`), and the words and base address in `data-words`. The choices'
    /// names stay empty (hydrating them keeps the page's).
    fn read_back() -> Self {
        let words = page_text::words(".embed-code");
        let choice = |option: &web_sys::Element| Choice {
            value: option.get_attribute("value").unwrap_or_default(),
            name: String::new(),
        };
        let part_options = page_text::matching(".embed-code__part option");
        let heights = EmbedHeights(
            (part_options.iter())
                .filter_map(|option| {
                    let height = option.get_attribute("data-height")?.parse().ok()?;
                    let value = option.get_attribute("value").unwrap_or_default();
                    let slug = if value.is_empty() {
                        WHOLE.to_string()
                    } else {
                        value
                    };
                    Some((slug, height))
                })
                .collect(),
        );
        let parts = (part_options.iter())
            .map(choice)
            .filter(|part| !part.value.is_empty())
            .collect();
        let editions = page_text::matching(".embed-code__edition option")
            .iter()
            .map(|option| {
                let edition = Edition {
                    lang: option.get_attribute("value").unwrap_or_default(),
                    path: option.get_attribute("data-path").unwrap_or_default(),
                };
                (choice(option), edition)
            })
            .collect();
        let labels = strings_from_json!(
            words,
            EmbedLabels {
                page_title,
                heading,
                intro,
                frame_label,
                script_label,
                copy,
                copied,
                part_label,
                whole,
                edition_label,
                width_label,
                preview_label,
                digits,
            }
        );
        EmbedSettings {
            labels,
            base_url: words.text("base_url"),
            parts,
            editions,
            heights,
            words: None,
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

/// The preview's width at first, and its bounds, in CSS pixels: a phone's, up to a wide
/// article column's.
const PREVIEW_WIDTH: (u32, u32, u32) = (360, 280, 1000);

/// A disclosure holding the two snippets for the chosen part and edition, each with a copy
/// button, the pickers and the live preview ([`EmbedSettings`]). Rendered for the whole
/// explainer in this page's edition at the address the build says it is published at; once
/// hydrated, for the address in use.
#[cfg_attr(feature = "lazy-islands", island(lazy))]
#[cfg_attr(not(feature = "lazy-islands"), island)]
pub fn EmbedCode() -> impl IntoView {
    let EmbedSettings {
        labels,
        base_url,
        parts,
        editions,
        heights,
        words,
    } = use_context().unwrap_or_else(EmbedSettings::read_back);
    let edition = (editions.first())
        .map(|(_, edition)| edition.clone())
        .unwrap_or_default();
    let base = RwSignal::new(base_url);
    Effect::new({
        let edition = edition.clone();
        move |_| {
            if let Some(here) = served_from(&edition) {
                base.set(here);
            }
        }
    });
    // Whether the disclosure is open: the preview loads only then. The code comes on a
    // reader's first touch, which may be the click that opened it, before it had arrived.
    let open = RwSignal::new(false);
    let details = NodeRef::<leptos::html::Details>::new();
    Effect::new(move |_| {
        if details.get().is_some_and(|details| details.open()) {
            open.set(true);
        }
    });
    let part = RwSignal::new(None::<String>);
    let chosen_edition = RwSignal::new(edition);
    let width = RwSignal::new(PREVIEW_WIDTH.0);
    let copied = RwSignal::new(None::<usize>);
    let title = labels.page_title.clone();
    let code = {
        let heights = heights.clone();
        move |index: usize| {
            let (title, heights) = (title.clone(), heights.clone());
            move || {
                let (base, edition, part) = (base.get(), chosen_edition.get(), part.get());
                let embed = Embed {
                    base: &base,
                    edition: &edition,
                    title: &title,
                    part: part.as_deref(),
                    height: heights.frame_height(part.as_deref()),
                };
                if index == 0 {
                    embed.frame_snippet()
                } else {
                    embed.script_snippet()
                }
            }
        }
    };
    let snippet = |index: usize, label: String| {
        let label_id = format!("embed-code-{index}-label");
        let code = code(index);
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
                <pre class="embed-code__text" tabindex="0" role="region" aria-labelledby=label_id><code>{code}</code></pre>
                <button type="button" class="control js-only" on:click=copy>{labels.copy.clone()}</button>
                <span role="status">{move || (copied.get() == Some(index)).then(|| copied_label.clone())}</span>
            </div>
        }
    };
    let on_part = move |event: ev::Event| {
        let value = event_target_value(&event);
        part.set((!value.is_empty()).then_some(value));
        copied.set(None);
    };
    let on_edition = {
        let editions = editions.clone();
        move |event: ev::Event| {
            let lang = event_target_value(&event);
            if let Some((_, edition)) = editions.iter().find(|(_, e)| e.lang == lang) {
                chosen_edition.set(edition.clone());
                copied.set(None);
            }
        }
    };
    let height_of = |part: Option<&str>| heights.get(part.unwrap_or(WHOLE));
    let whole_height = height_of(None);
    let part_options = (parts.into_iter())
        .map(|Choice { value, name }| {
            let height = height_of(Some(&value));
            view! { <option value=value data-height=height>{name}</option> }
        })
        .collect_view();
    let edition_options = (editions.into_iter())
        .map(|(Choice { value, name }, edition)| {
            view! { <option value=value data-path=edition.path>{name}</option> }
        })
        .collect_view();
    view! {
        <details class="embed-code" data-words=words node_ref=details on:toggle=move |event| open.set(event_target::<web_sys::HtmlDetailsElement>(&event).open())>
            <summary class="embed-code__summary">{labels.heading.clone()}</summary>
            <p>{labels.intro.clone()}</p>
            <div class="embed-code__choices js-only">
                <label class="embed-code__choice">
                    <span>{labels.part_label.clone()}</span>
                    <select class="embed-code__part" on:change=on_part>
                        <option value="" data-height=whole_height>{labels.whole.clone()}</option>
                        {part_options}
                    </select>
                </label>
                <label class="embed-code__choice">
                    <span>{labels.edition_label.clone()}</span>
                    <select class="embed-code__edition" on:change=on_edition>
                        {edition_options}
                    </select>
                </label>
            </div>
            {snippet(0, labels.frame_label.clone())}
            {snippet(1, labels.script_label.clone())}
            <Preview labels=labels.clone() open width base part edition=chosen_edition />
        </details>
    }
}

/// The chosen part in its own frame page, at the chosen width, sized to its content as a host
/// page's `embed.js` would size it. Only while "Embed this" is open (which only the code sees):
/// a frame loads a whole page, which no reader passing by should pay for.
#[component]
fn Preview(
    labels: EmbedLabels,
    open: RwSignal<bool>,
    width: RwSignal<u32>,
    base: RwSignal<String>,
    part: RwSignal<Option<String>>,
    edition: RwSignal<Edition>,
) -> impl IntoView {
    let frame = NodeRef::<Iframe>::new();
    // In whole pixels: formatting a float would bring float printing into the module (12 KB).
    let height = RwSignal::new(None::<u32>);
    // The frame page reports its height to its parent, as it does to any host.
    let _ = window_event_listener(ev::message, move |event| {
        let Some(frame) = frame.get_untracked() else {
            return;
        };
        let from_frame = frame.content_window().is_some_and(|w| {
            event
                .source()
                .is_some_and(|source| js_sys::Object::is(&source, &w))
        });
        let data = event.data();
        let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok();
        let is_height = field("explainer").and_then(|v| v.as_string()).as_deref() == Some("height");
        if from_frame && is_height {
            let pixels = field("height").and_then(|v| v.as_f64());
            height.set(pixels.map(|h| h.ceil() as u32));
        }
    });
    let src = move || frame_url(&base.get(), &edition.get(), part.get().as_deref());
    let (initial, least, most) = PREVIEW_WIDTH;
    // The preview starts no wider than the column it sits in, narrower than a phone on one.
    let frame_box = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(frame_box) = frame_box.get() {
            let column = u32::try_from(frame_box.client_width()).unwrap_or(0) / 10 * 10;
            width.update(|width| *width = (*width).min(column).max(least));
        }
    });
    move || {
        open.get().then(|| {
            let labels = labels.clone();
            let digits = labels.digits.clone();
            view! {
                <div class="embed-code__preview">
                    <label class="embed-code__choice">
                        <span>{labels.width_label.clone()}</span>
                        <input
                            type="range"
                            class="embed-code__width"
                            min=least
                            max=most
                            step="10"
                            value=initial
                            prop:value=move || width.get()
                            on:input=move |event| {
                                if let Ok(value) = event_target_value(&event).parse() {
                                    width.set(value);
                                }
                            }
                        />
                        <output>{move || format!("{} px", digits.format(width.get() as usize))}</output>
                    </label>
                    <p class="embed-code__label">{labels.preview_label.clone()}</p>
                    // Scrolls when the preview is wider or taller than the column, so it can
                    // be reached from the keyboard.
                    <div
                        class="embed-code__frame-box"
                        node_ref=frame_box
                        tabindex="0"
                        role="region"
                        aria-label=labels.preview_label.clone()
                    >
                        <iframe
                            class="embed-code__frame"
                            title=labels.preview_label.clone()
                            src=src
                            node_ref=frame
                            style:width=move || format!("{}px", width.get())
                            style:height=move || height.get().map(|h| format!("{h}px"))
                        ></iframe>
                    </div>
                </div>
            }
        })
    }
}
