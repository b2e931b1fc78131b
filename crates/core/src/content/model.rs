//! The content file's shape: typed structs that serde reads from `content/<lang>.json` (and
//! writes, for the interface words, into the islands' `data-words`). Unknown fields are
//! refused, so a misspelt field is named.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::numbers::Digits;

/// One story, with every reader-visible string the interface shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// Opportunity checklists a reader can work through; absent when the story has none.
    pub checklists: Option<Checklists>,
    /// Who publishes this edition, and when.
    pub publication: Publication,
    /// Where the story's country lies; absent when the story has no map.
    pub locator_map: Option<LocatorMap>,
    /// In a translated edition, for editors only: each translated string's place and a short
    /// hash of the reference text it was translated from (see [`super::translations`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translated_from: BTreeMap<String, String>,
}

/// The newsroom's publishing of this edition (not facts about the story): ISO 8601 dates, such
/// as `2026-12-01` or `2026-12-01T09:00+07:00`, read by [`super::dates::PublishingDate`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    /// The publisher's name, as search engines show it.
    pub publisher: String,
    /// Who wrote it: the desk, named as the article's author to search engines.
    pub author: String,
    /// Where the newsroom publishes the explainer, ending `/`: the address in its links,
    /// snippets and previews (`$EXPLAINER_BASE_URL` overrides it for a build).
    pub base_url: String,
    pub published: String,
    /// Not before `published`.
    pub updated: String,
}

/// A locator map, drawn at build time from Natural Earth: the story's country among its
/// neighbours, with a group of countries marked. Countries are named by their ISO 3166-1 numeric
/// codes (`"116"`), as Natural Earth names them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocatorMap {
    /// The id of the story section the map follows.
    pub section: String,
    /// The map's title and its description for readers who cannot see it.
    pub title: String,
    pub description: String,
    /// The western, southern, eastern and northern edges, in degrees.
    pub extent: [f64; 4],
    /// The country the story is about.
    pub highlight: String,
    /// The group of countries marked (the highlighted one among them).
    pub members: Vec<String>,
    /// The legend's words for the highlighted country and for the rest of the group.
    pub highlight_legend: String,
    pub members_legend: String,
    /// The names written on the map, each at a longitude and latitude inside the extent.
    pub labels: Vec<MapLabel>,
}

/// A name written on the locator map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapLabel {
    pub name: String,
    /// The country it names, by its ISO 3166-1 numeric code, as Natural Earth has it.
    pub country: String,
    /// Longitude and latitude of the name's middle, in degrees: inside the country, or over
    /// the sea beside it where the name would not fit, with a `leader`.
    pub at: [f64; 2],
    /// For a name set over the sea, a line from a point under the name, through any bends, to
    /// a point inside the country, each as longitude and latitude.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leader: Vec<[f64; 2]>,
    /// A country too small to name legibly on a phone's map: its name shows on wider screens.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub small: bool,
}

/// Words of the interface itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// The page's `<title>`, also its title in link previews.
    pub page_title: String,
    /// The page's description for search engines and link previews.
    pub page_description: String,
    /// Describes the share card (the picture link previews show) for those who cannot see it.
    pub share_card_alt: String,
    /// This edition's language, named in itself ("English", "ខ្មែរ"): the link to this edition
    /// on the others' pages.
    pub language_name: String,
    /// The edition's ten digits, zero to nine, in which it writes every number it shows
    /// (`"០១២៣៤៥៦៧៨៩"` for Khmer); Latin digits when left out.
    #[serde(default)]
    pub digits: Digits,
    /// Names the links to the other editions, for screen readers.
    pub languages_label: String,
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
    /// Heads the list of every glossary term and its definition.
    pub glossary_heading: String,
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
    /// "Embed this", on the explainer's own page only.
    pub embed_heading: String,
    pub embed_intro: String,
    pub embed_frame_label: String,
    pub embed_script_label: String,
    pub embed_copy: String,
    pub embed_copied: String,
    /// Names the choice of what to embed: a part, or the whole explainer.
    pub embed_part_label: String,
    pub embed_whole: String,
    /// Names the choice of edition to embed.
    pub embed_edition_label: String,
    /// Names the preview's width, in CSS pixels.
    pub embed_width_label: String,
    /// Names the live preview of what is embedded.
    pub embed_preview_label: String,
    /// Under an embedded part: names the explainer, linking to its full page; holds `{title}`.
    pub part_source: String,
    /// Credits the reporting the explainer retells.
    pub source_note: String,
    /// The dateline's first half; holds `{date}`.
    pub published: String,
    /// The dateline's second half, shown once the edition was updated on a later day; holds
    /// `{date}`.
    pub updated: String,
    /// How a day is written; holds `{day}`, `{month}` and `{year}`.
    pub date_format: String,
    /// The twelve months' names, January first.
    pub months: Vec<String>,
    /// Said over a part whose interactive code could not be loaded: it still reads in full.
    pub part_unavailable: String,
    /// Said once, quietly, at the top of a page whose reader's browser asks it to save data:
    /// each part's interactive code comes only when a reader uses that part.
    pub save_data_notice: String,
    /// The button beside it, which loads every part's code now.
    pub save_data_load: String,
}

/// The story's header and its sections.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFact {
    pub label: String,
    pub value: String,
}

/// One part of the story, addressable as `#<id>`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: String,
    /// One sentence, always visible.
    pub summary: String,
    /// Paragraphs; each may reference glossary terms.
    pub body: Vec<String>,
    pub list: Option<SectionList>,
    pub fact: Option<KeyFact>,
    /// The same subject seen from several sides, shown as tabs.
    pub perspectives: Option<Perspectives>,
}

/// A bulleted list inside a section, with the sentence that introduces it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionList {
    pub intro: String,
    pub items: Vec<String>,
}

/// A set of points of view on one subject, one tab each.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Perspectives {
    /// Names the tab list for screen readers.
    pub label: String,
    pub tabs: Vec<Perspective>,
}

/// One point of view: what this reader stands to gain.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Perspective {
    pub id: String,
    /// The tab's name.
    pub label: String,
    pub intro: String,
    pub items: Vec<String>,
    pub note: Option<String>,
}

/// A term and its short definition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub id: String,
    pub term: String,
    pub definition: String,
}

/// A question and its plain-text answer, addressable as `#faq-<id>`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaqEntry {
    pub id: String,
    pub question: String,
    pub answer: String,
    /// Id of the section the answer draws on.
    pub section: Option<String>,
}

/// Checklists tailored to who the reader is, with their own interface words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklists {
    pub heading: String,
    pub intro: String,
    pub labels: ChecklistLabels,
    /// Who a reader can say they are; the first question the checklists ask.
    pub roles: Vec<Role>,
    pub lists: Vec<Checklist>,
}

/// One kind of reader, such as "a Cambodian business".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub label: String,
}

/// A list of things to do or to watch for, in groups.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    pub id: String,
    pub title: String,
    pub intro: String,
    /// Roles for which this list comes first and starts open.
    pub audience: Vec<String>,
    pub groups: Vec<ChecklistGroup>,
}

/// A heading within a list (such as one opportunity) and its items.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistGroup {
    pub id: String,
    pub title: String,
    /// What the report says about it.
    pub text: Option<String>,
    pub items: Vec<ChecklistItem>,
}

/// One thing to tick; its id is what saved and shared plans remember.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    pub id: String,
    pub text: String,
}

/// The checklists' interface words. Blanks in braces are filled in at run time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistLabels {
    pub role_question: String,
    /// Progress of a list or the plan; holds `{done}` and `{total}`.
    pub progress: String,
    pub whole_plan: String,
    pub reset: String,
    pub reset_confirm: String,
    pub reset_yes: String,
    pub reset_no: String,
    pub reset_done: String,
    pub undo: String,
    pub copy_text: String,
    pub text_copied: String,
    pub copy_failed: String,
    pub download: String,
    pub print: String,
    pub share: String,
    pub share_ready: String,
    /// Shown over a plan opened from a link; holds `{done}` and `{total}`.
    pub shared_notice: String,
    pub shared_save: String,
    pub shared_discard: String,
    pub shared_invalid: String,
    pub storage_unavailable: String,
    pub storage_reset: String,
    pub changed_elsewhere: String,
    pub dismiss: String,
    /// The title of an exported plan.
    pub export_title: String,
    /// The exported plan's role line; holds `{role}`.
    pub export_role: String,
    /// Says that next steps are suggestions, on the page and in exports.
    pub guidance_note: String,
}

impl Checklists {
    /// Every item id, in the order the lists give them.
    pub fn item_ids(&self) -> impl Iterator<Item = &str> {
        self.lists.iter().flat_map(Checklist::item_ids)
    }

    pub fn role_ids(&self) -> Vec<&str> {
        self.roles.iter().map(|r| r.id.as_str()).collect()
    }

    /// The lists in the order a reader in `role` sees them: theirs first, then the rest, each
    /// part in content order.
    pub fn lists_for(&self, role: Option<&str>) -> Vec<&Checklist> {
        let (mut theirs, rest): (Vec<&Checklist>, Vec<&Checklist>) =
            self.lists.iter().partition(|list| list.is_for(role));
        theirs.extend(rest);
        theirs
    }
}

impl Checklist {
    /// Whether `role` is among this list's audience.
    pub fn is_for(&self, role: Option<&str>) -> bool {
        role.is_some_and(|role| self.audience.iter().any(|a| a == role))
    }

    pub fn item_ids(&self) -> impl Iterator<Item = &str> {
        self.groups
            .iter()
            .flat_map(|g| g.items.iter().map(|i| i.id.as_str()))
    }
}
