//! What a newsroom pastes to embed the explainer, or a part of it, in one edition: the frame
//! snippet (which works where a CMS strips every script: the frame carries a height, and a
//! `<noscript>` card, the part's, links to the page), the script snippet, and the oEmbed answer a CMS gets
//! for a pasted address (the frame alone: WordPress keeps nothing else). Also how tall each
//! frame is where no script sizes it, from the table the build reads (`embed-heights.json`).

use std::collections::BTreeMap;

use crate::html_text::escape;
use crate::names::{CARDS_FOLDER, FRAME_FILE, PART_FRAMES_FOLDER, SHARE_CARD_FILE};
use crate::page_kind::Edition;

/// The key of the whole explainer in the heights table; a part's key is its slug.
pub const WHOLE: &str = "explainer";
/// The width, in CSS pixels, at which the table's heights are measured: a phone's.
pub const PHONE_WIDTH: u32 = 375;
/// The tallest a frame is made where no script sizes it (WordPress's own cap): a taller part
/// scrolls inside its frame.
pub const MAX_FRAME_HEIGHT: u32 = 1000;
/// The frame's width in the oEmbed answer, in pixels; the snippet's style makes it the
/// column's.
pub const OEMBED_WIDTH: u32 = 600;
/// How long a CMS may keep an oEmbed answer, in seconds: a day.
pub const OEMBED_CACHE_AGE: u32 = 86_400;
/// The cards' size, in pixels (the share card's and each part's).
pub const CARD_SIZE: (u32, u32) = (1200, 630);

/// Each part's height, and the whole explainer's ([`WHOLE`]), in CSS pixels at [`PHONE_WIDTH`]
/// in the edition where it is tallest, by slug. A list, not a map: "Embed this" carries it to
/// the browser, where a dozen entries are found faster than a map's code is fetched.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmbedHeights(pub Vec<(String, u32)>);

impl EmbedHeights {
    /// Reads the table, or says what is wrong with it, by place.
    pub fn parse(text: &str) -> Result<Self, String> {
        serde_json::from_str::<BTreeMap<String, u32>>(text)
            .map(|table| EmbedHeights(table.into_iter().collect()))
            .map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))
    }

    /// The height recorded for `slug`.
    pub fn get(&self, slug: &str) -> Option<u32> {
        (self.0.iter())
            .find(|(key, _)| key == slug)
            .map(|(_, px)| *px)
    }

    /// What the table lacks, or holds in vain, for an explainer with these parts' `slugs`.
    pub fn problems(&self, slugs: &[String]) -> Vec<String> {
        let known = |key: &str| key == WHOLE || slugs.iter().any(|slug| slug == key);
        let missing = (std::iter::once(WHOLE).chain(slugs.iter().map(String::as_str)))
            .filter(|slug| self.get(slug).is_none())
            .map(|slug| format!("{slug}: missing (its height at {PHONE_WIDTH} px wide)"));
        let unknown = (self.0.iter().map(|(key, _)| key))
            .filter(|key| !known(key))
            .map(|key| format!("{key}: no such part"));
        let implausible = (self.0.iter())
            .filter(|(_, px)| !(100..=50_000).contains(px))
            .map(|(key, px)| format!("{key}: {px} px is not a page's height"));
        missing.chain(unknown).chain(implausible).collect()
    }

    /// The height a frame of `part` (or the whole explainer) is given where no script sizes it.
    pub fn frame_height(&self, part: Option<&str>) -> u32 {
        let recorded = self.get(part.unwrap_or(WHOLE));
        recorded.unwrap_or(MAX_FRAME_HEIGHT).min(MAX_FRAME_HEIGHT)
    }
}

/// The frame page for `part` (or the whole explainer) of `edition`, under the explainer's `base`.
pub fn frame_url(base: &str, edition: &Edition, part: Option<&str>) -> String {
    let path = &edition.path;
    match part {
        Some(part) => format!("{base}{path}{PART_FRAMES_FOLDER}/{part}.html"),
        None => format!("{base}{path}{FRAME_FILE}"),
    }
}

/// The card of `part` of `edition` (the edition's share card for the whole explainer), under
/// the explainer's `base`.
pub fn card_url(base: &str, edition: &Edition, part: Option<&str>) -> String {
    let path = &edition.path;
    match part {
        Some(part) => format!("{base}{path}{CARDS_FOLDER}/{part}.png"),
        None => format!("{base}{path}{SHARE_CARD_FILE}"),
    }
}

/// What an embed of `part` (or the whole explainer) of `edition`, published under `base`,
/// shows: its frame's address, its title, and its height where no script sizes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Embed<'a> {
    pub base: &'a str,
    pub edition: &'a Edition,
    pub title: &'a str,
    pub part: Option<&'a str>,
    pub height: u32,
}

impl Embed<'_> {
    /// The frame alone, as the oEmbed answer gives it.
    pub fn frame(&self) -> String {
        format!(
            "<iframe src=\"{src}\" title=\"{title}\" width=\"{OEMBED_WIDTH}\" height=\"{height}\" loading=\"lazy\" style=\"width:100%;border:0\"></iframe>",
            src = escape(&frame_url(self.base, self.edition, self.part)),
            title = escape(self.title),
            height = self.height,
        )
    }

    /// The frame snippet: the frame, the part's card linking to the edition's page for readers
    /// of a host that shows no frames, and `embed.js`, which sizes the frame exactly where it
    /// runs.
    pub fn frame_snippet(&self) -> String {
        let page = format!("{}{}", self.base, self.edition.path);
        let (width, height) = CARD_SIZE;
        format!(
            "{frame}\n<noscript><a href=\"{page}\"><img src=\"{card}\" alt=\"{title}\" width=\"{width}\" height=\"{height}\" style=\"width:100%;height:auto\"></a></noscript>\n<script src=\"{base}embed.js\" async></script>",
            frame = self.frame(),
            page = escape(&page),
            card = escape(&card_url(self.base, self.edition, self.part)),
            title = escape(self.title),
            base = escape(self.base),
        )
    }

    /// The script snippet: the explainer straight in the host's page.
    pub fn script_snippet(&self) -> String {
        let lang = if self.edition.path.is_empty() {
            String::new()
        } else {
            format!(" data-explainer-lang=\"{}\"", escape(&self.edition.lang))
        };
        let part = self.part.map_or(String::new(), |part| {
            format!(" data-explainer-part=\"{}\"", escape(part))
        });
        format!(
            "<div data-explainer{lang}{part}></div>\n<script type=\"module\" src=\"{}embed.js\"></script>",
            escape(self.base)
        )
    }

    /// The oEmbed 1.0 answer (`type: "rich"`) for the page this embed frames, as JSON: right
    /// as it is for every request, since a static host ignores the query a CMS adds.
    pub fn oembed(&self, provider_name: &str) -> serde_json::Value {
        let (card_width, card_height) = CARD_SIZE;
        serde_json::json!({
            "version": "1.0",
            "type": "rich",
            "title": self.title,
            "provider_name": provider_name,
            "provider_url": self.base,
            "html": self.frame(),
            "width": OEMBED_WIDTH,
            "height": self.height,
            "thumbnail_url": card_url(self.base, self.edition, self.part),
            "thumbnail_width": card_width,
            "thumbnail_height": card_height,
            "cache_age": OEMBED_CACHE_AGE,
        })
    }
}

/// Where the oEmbed answer for the page of `part` (or the whole explainer's own page) of an
/// edition is written, relative to the edition's folder: beside the page.
pub fn oembed_file(part: Option<&str>) -> String {
    match part {
        Some(part) => format!("{PART_FRAMES_FOLDER}/{part}.oembed.json"),
        None => "oembed.json".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edition(lang: &str, path: &str) -> Edition {
        Edition {
            lang: lang.into(),
            path: path.into(),
        }
    }

    fn embed<'a>(edition: &'a Edition, part: Option<&'a str>) -> Embed<'a> {
        Embed {
            base: "https://news.example/x/",
            edition,
            title: "Trade & \"ties\"",
            part,
            height: 640,
        }
    }

    #[test]
    fn the_frame_snippet_carries_a_height_a_card_and_the_script() {
        let english = edition("en", "");
        let snippet = embed(&english, None).frame_snippet();
        assert!(snippet.starts_with(
            "<iframe src=\"https://news.example/x/embed.html\" title=\"Trade &amp; &quot;ties&quot;\" width=\"600\" height=\"640\""
        ));
        assert!(snippet.contains("style=\"width:100%;border:0\"></iframe>"));
        assert!(snippet.contains("<noscript><a href=\"https://news.example/x/\"><img src=\"https://news.example/x/share-card.png\""));
        assert!(
            snippet.ends_with("<script src=\"https://news.example/x/embed.js\" async></script>")
        );
        assert_eq!(
            embed(&english, None).script_snippet(),
            "<div data-explainer></div>\n<script type=\"module\" src=\"https://news.example/x/embed.js\"></script>"
        );
    }

    #[test]
    fn a_part_of_another_edition_frames_its_own_page_and_names_itself() {
        let khmer = edition("km", "km/");
        let part = embed(&khmer, Some("faq"));
        assert!(part
            .frame_snippet()
            .starts_with("<iframe src=\"https://news.example/x/km/embed/faq.html\""));
        assert!(part
            .frame_snippet()
            .contains("<img src=\"https://news.example/x/km/cards/faq.png\""));
        assert!(part.script_snippet().starts_with(
            "<div data-explainer data-explainer-lang=\"km\" data-explainer-part=\"faq\"></div>"
        ));
        assert_eq!(oembed_file(Some("faq")), "embed/faq.oembed.json");
    }

    #[test]
    fn the_oembed_answer_holds_every_field_a_rich_embed_needs() {
        let khmer = edition("km", "km/");
        let answer = embed(&khmer, Some("faq")).oembed("The Desk");
        for field in [
            "version",
            "type",
            "html",
            "width",
            "height",
            "title",
            "provider_name",
        ] {
            assert!(!answer[field].is_null(), "{field}");
        }
        assert_eq!(answer["type"], "rich");
        assert_eq!(answer["version"], "1.0");
        assert_eq!(answer["height"], 640);
        let html = answer["html"].as_str().unwrap();
        assert!(
            html.starts_with("<iframe ") && html.ends_with("</iframe>"),
            "{html}"
        );
        assert_eq!(
            answer["thumbnail_url"],
            "https://news.example/x/km/cards/faq.png"
        );
    }

    #[test]
    fn heights_cover_every_part_and_cap_the_frame() {
        let heights =
            EmbedHeights::parse(r#"{"explainer": 9000, "faq": 700, "gone": 300}"#).unwrap();
        assert_eq!(
            heights.problems(&["faq".into(), "key-facts".into()]),
            [
                "key-facts: missing (its height at 375 px wide)",
                "gone: no such part"
            ]
        );
        assert_eq!(heights.frame_height(Some("faq")), 700);
        assert_eq!(heights.frame_height(None), MAX_FRAME_HEIGHT);
        assert!(EmbedHeights::parse("{\"faq\": \"tall\"}")
            .unwrap_err()
            .starts_with("line 1, column"));
    }
}
