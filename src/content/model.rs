//! The content file's shape: typed structs that serde reads from `content/<lang>.json`.

use serde::Deserialize;

/// One story, with every reader-visible string the interface shows.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    /// Language tag of the file, such as `en`; set on the app root as `lang`.
    pub lang: String,
    /// Interface labels: nothing the reader sees is written in the code.
    pub labels: Labels,
    pub story: Story,
    /// Terms that story text may reference inline as `[[id]]` or `[[id|shown words]]`.
    #[serde(default)]
    pub glossary: Vec<GlossaryEntry>,
    #[serde(default)]
    pub faq: Vec<FaqEntry>,
}

/// Words of the interface itself.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// The page's `<title>`.
    pub page_title: String,
    pub skip_to_content: String,
    /// Names the table of contents, and is the phone menu's button.
    pub contents: String,
    /// Names the short/full reading switch.
    pub reading_mode: String,
    pub short_read: String,
    pub full_read: String,
    /// The button that opens one section's full text.
    pub section_open: String,
    /// The button that closes it again.
    pub section_close: String,
    pub key_facts: String,
    pub faq_heading: String,
    /// Introduces the link from a FAQ answer to the section it draws on.
    pub faq_related_section: String,
    pub faq_show_all: String,
    pub faq_hide_all: String,
    /// Names the box that filters the questions.
    pub faq_filter_label: String,
    pub faq_filter_clear: String,
    /// Announced while filtering; must hold the blanks `{shown}` and `{total}`.
    pub faq_filter_count: String,
    /// Shown when nothing matches; must hold the blank `{query}`.
    pub faq_no_match: String,
    pub faq_copy_link: String,
    pub faq_link_copied: String,
    /// Said when the clipboard refused; the link is then in the address bar.
    pub faq_copy_failed: String,
    /// Credits the reporting the explainer retells.
    pub source_note: String,
}

/// The story's header and its sections.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    pub kicker: String,
    pub headline: String,
    pub standfirst: String,
    #[serde(default)]
    pub key_facts: Vec<KeyFact>,
    pub sections: Vec<Section>,
}

/// A short labelled fact, as in the header strip or a section's fact card.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFact {
    pub label: String,
    pub value: String,
}

/// One part of the story, addressable as `#<id>`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: String,
    /// One sentence, always visible.
    pub summary: String,
    /// Paragraphs; each may reference glossary terms.
    pub body: Vec<String>,
    #[serde(default)]
    pub list: Option<SectionList>,
    #[serde(default)]
    pub fact: Option<KeyFact>,
    /// The same subject seen from several sides, shown as tabs.
    #[serde(default)]
    pub perspectives: Option<Perspectives>,
}

/// A bulleted list inside a section, with the sentence that introduces it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionList {
    pub intro: String,
    pub items: Vec<String>,
}

/// A set of points of view on one subject, one tab each.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Perspectives {
    /// Names the tab list for screen readers.
    pub label: String,
    pub tabs: Vec<Perspective>,
}

/// One point of view: what this reader stands to gain.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Perspective {
    pub id: String,
    /// The tab's name.
    pub label: String,
    pub intro: String,
    pub items: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A term and its short definition.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub id: String,
    pub term: String,
    pub definition: String,
}

/// A question and its plain-text answer, addressable as `#faq-<id>`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaqEntry {
    pub id: String,
    pub question: String,
    pub answer: String,
    /// Id of the section the answer draws on.
    #[serde(default)]
    pub section: Option<String>,
}
