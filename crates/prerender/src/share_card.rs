//! The cards: 1200×630 PNGs drawn at build time. An edition's share card, which link previews
//! show (the kicker, the headline wrapped to fit, the locator map), and a card for each part
//! that embeds alone, which hosts with no frames show in its place (newsletters, feeds, AMP's
//! placeholder, an oEmbed answer's thumbnail): the explainer's title, the part's, and its
//! opening lines. Each is written as SVG and rendered with resvg, shaping text with Debian's
//! Noto Sans and Noto Sans Khmer.

use std::path::Path;

use explainer_core::content::inline::shown;
use explainer_core::content::parts::{EmbeddablePart, Part};
use explainer_core::content::Content;
use explainer_core::embed_snippets::CARD_SIZE;
use explainer_core::html_text::escape;
use partnership_explainer::ui::views::locator_map::{MapShapes, MAP_WIDTH};
use unicode_segmentation::UnicodeSegmentation;

use crate::line_breaks::{phrases, word_ends};

/// The card's size, in pixels: what Open Graph and X's large cards ask for (core's
/// `CARD_SIZE`, which the snippets and oEmbed answers name).
pub const WIDTH: u32 = CARD_SIZE.0;
pub const HEIGHT: u32 = CARD_SIZE.1;

/// The fonts the card is set in (`fonts-noto-core`, which `scripts/setup` installs).
const FONT_DIR: &str = "/usr/share/fonts/truetype/noto";
const FONT_FILES: [&str; 4] = [
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSansKhmer-Regular.ttf",
    "NotoSansKhmer-Bold.ttf",
];
/// The family for Khmer letters, and for every other character.
const KHMER_FONT: &str = "Noto Sans Khmer";
const LATIN_FONT: &str = "Noto Sans";

/// The text column's left edge and width, and the headline's size and line height, in pixels.
const MARGIN: f64 = 64.0;
const TEXT_WIDTH: f64 = 600.0;
const HEADLINE_SIZE: f64 = 50.0;
/// The size of a part card's opening lines, in pixels.
const BODY_SIZE: f64 = 32.0;
const LINE_HEIGHT: f64 = 1.35;
/// The most headline lines the card holds; a longer headline ends in an ellipsis.
const MAX_LINES: usize = 6;

/// The share card in the other shapes search engines ask for (Google's Article documentation:
/// 16:9, 4:3 and 1:1, each at least 50,000 pixels): the card in the middle, on its paper. Each
/// is the file `share-card-<name>.png` beside the card, `width` by `height`.
pub const SHAPES: [(&str, u32, u32); 3] =
    [("16x9", 1200, 675), ("4x3", 1200, 900), ("1x1", 1200, 1200)];

/// The file of the share card in the shape `name` (one of [`SHAPES`]).
pub fn shaped_file(name: &str) -> String {
    format!("share-card-{name}.png")
}

/// The card's colours: the page's light theme (`PAPER` also fills the shaped cards' canvas).
const PAPER: &str = "#f4f1ec";
const INK: &str = "#1c1b1a";
const ACCENT: &str = "#b3261e";
const SEA: &str = "#e6eef2";
const LAND: &str = "#ddd8cf";
const MEMBER: &str = "#f0b8a8";

/// Text measured and rendered with the card's fonts.
pub struct Typesetter {
    options: resvg::usvg::Options<'static>,
}

impl Typesetter {
    /// Loads the card's fonts, or says which is missing.
    pub fn new() -> Result<Self, String> {
        let mut options = resvg::usvg::Options::default();
        for file in FONT_FILES {
            let path = Path::new(FONT_DIR).join(file);
            let data = std::fs::read(&path).map_err(|e| {
                format!(
                    "{}: {e} (scripts/setup installs fonts-noto-core)",
                    path.display()
                )
            })?;
            options.fontdb_mut().load_font_data(data);
        }
        Ok(Typesetter { options })
    }

    fn tree(&self, svg: &str) -> Result<resvg::usvg::Tree, String> {
        resvg::usvg::Tree::from_str(svg, &self.options)
            .map_err(|e| format!("share card: cannot read the SVG it wrote: {e}"))
    }

    /// How wide `text` is set at `size` pixels in bold, in pixels.
    fn width(&self, text: &str, size: f64) -> Result<f64, String> {
        Ok(self.bounds(text, size)?.0)
    }

    /// The width and height of the ink of `text` set at `size` pixels in bold, in pixels.
    pub fn bounds(&self, text: &str, size: f64) -> Result<(f64, f64), String> {
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4000\" height=\"200\">\
             <text x=\"0\" y=\"100\" font-weight=\"700\" font-size=\"{size}\">{}</text></svg>",
            in_fonts(text)
        );
        let ink = self.tree(&svg)?.root().abs_bounding_box();
        Ok((f64::from(ink.width()), f64::from(ink.height())))
    }

    /// `text` in lines no wider than `width` at `size`: broken between phrases, and inside a
    /// phrase too wide for a line between its words (`line_breaks`), and inside a word too
    /// wide for a line between its letters' clusters (never inside a Khmer stack: no break
    /// after a coeng, U+17D2). At most `max` lines, the last ending in "…" if text was left.
    pub fn wrap(
        &self,
        text: &str,
        width: f64,
        size: f64,
        max: usize,
    ) -> Result<Vec<String>, String> {
        let mut lines = Lines {
            done: Vec::new(),
            line: String::new(),
            fits: |line: &str| Ok(self.width(line.trim_end(), size)? <= width),
        };
        for phrase in phrases(text) {
            if lines.add(phrase)? {
                continue;
            }
            let mut start = 0;
            let ends = word_ends(phrase).into_iter().chain([phrase.len()]);
            for word in ends.map(|end| &phrase[std::mem::replace(&mut start, end)..end]) {
                if !lines.add(word)? {
                    for piece in breakable_pieces(word) {
                        lines.force(&piece)?;
                    }
                }
            }
        }
        let mut lines = lines.finish();
        if lines.len() > max {
            lines.truncate(max);
            if let Some(last) = lines.last_mut() {
                last.push('…');
            }
        }
        Ok(lines)
    }

    /// `svg` rendered as a PNG of the card's size.
    pub fn render_png(&self, svg: &str) -> Result<Vec<u8>, String> {
        self.render_png_on(svg, WIDTH, HEIGHT)
    }

    /// `svg`, a card, rendered in the middle of a PNG `width` by `height`, on the card's paper.
    pub fn render_png_on(&self, svg: &str, width: u32, height: u32) -> Result<Vec<u8>, String> {
        let tree = self.tree(svg)?;
        let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height)
            .ok_or("share card: cannot make its canvas")?;
        pixmap.fill(resvg::tiny_skia::Color::from_rgba8(0xf4, 0xf1, 0xec, 0xff));
        let (x, y) = (
            width.saturating_sub(WIDTH) / 2,
            height.saturating_sub(HEIGHT) / 2,
        );
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::from_translate(x as f32, y as f32),
            &mut pixmap.as_mut(),
        );
        pixmap
            .encode_png()
            .map_err(|e| format!("share card: cannot encode the PNG: {e}"))
    }
}

/// Lines filled one piece of text at a time.
struct Lines<F: Fn(&str) -> Result<bool, String>> {
    done: Vec<String>,
    line: String,
    fits: F,
}

impl<F: Fn(&str) -> Result<bool, String>> Lines<F> {
    /// Adds `piece` to the line, or starts the next line with it; false, adding nothing, if it
    /// is too wide for a line of its own.
    fn add(&mut self, piece: &str) -> Result<bool, String> {
        if (self.fits)(&format!("{}{piece}", self.line))? {
            self.line.push_str(piece);
        } else if (self.fits)(piece)? {
            self.next_line(piece);
        } else {
            return Ok(false);
        }
        Ok(true)
    }

    /// Adds `piece` to the line, or starts the next line with it, even if it is too wide.
    fn force(&mut self, piece: &str) -> Result<(), String> {
        if !self.add(piece)? {
            self.next_line(piece);
        }
        Ok(())
    }

    fn next_line(&mut self, piece: &str) {
        let line = std::mem::replace(&mut self.line, piece.to_string());
        self.done.push(line.trim_end().to_string());
    }

    fn finish(mut self) -> Vec<String> {
        self.done.push(self.line.trim_end().to_string());
        self.done.retain(|line| !line.is_empty());
        self.done
    }
}

/// `text` as SVG text, each run of Khmer letters in the Khmer font and the rest (spaces going
/// with the run before) in the Latin one: usvg takes the first family it has for a whole run,
/// so a Khmer font would leave "·" or "–" as empty boxes.
fn in_fonts(text: &str) -> String {
    let is_khmer =
        |c: char| ('\u{1780}'..='\u{17FF}').contains(&c) || ('\u{19E0}'..='\u{19FF}').contains(&c);
    let mut runs: Vec<(bool, String)> = Vec::new();
    for c in text.chars() {
        let khmer = is_khmer(c);
        match runs.last_mut() {
            Some((run_khmer, run)) if *run_khmer == khmer || c == ' ' => run.push(c),
            _ => runs.push((khmer, c.to_string())),
        }
    }
    runs.iter()
        .map(|(khmer, run)| {
            let family = if *khmer { KHMER_FONT } else { LATIN_FONT };
            format!("<tspan font-family=\"{family}\">{}</tspan>", escape(run))
        })
        .collect()
}

/// `word` as the pieces a line may break between: its grapheme clusters, each kept with the
/// next where the first ends in a Khmer coeng (whose consonant is stacked below it).
fn breakable_pieces(word: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    for cluster in word.graphemes(true) {
        match pieces.last_mut() {
            Some(last) if last.ends_with('\u{17D2}') => last.push_str(cluster),
            _ => pieces.push(cluster.to_string()),
        }
    }
    pieces
}

/// The headline's lines on the card.
pub fn headline_lines(headline: &str, typesetter: &Typesetter) -> Result<Vec<String>, String> {
    typesetter.wrap(headline, TEXT_WIDTH, HEADLINE_SIZE, MAX_LINES)
}

/// The card's SVG: the kicker and the headline on the left, the locator map on the right.
pub fn svg(
    content: &Content,
    map: Option<&MapShapes>,
    typesetter: &Typesetter,
) -> Result<String, String> {
    let story = &content.story;
    let lines = headline_lines(&story.headline, typesetter)?;
    let step = HEADLINE_SIZE * LINE_HEIGHT;
    let top = (f64::from(HEIGHT) - lines.len() as f64 * step) / 2.0 + HEADLINE_SIZE;
    let headline: String = (lines.iter().enumerate())
        .map(|(i, line)| {
            let y = top + i as f64 * step;
            format!(
                "<tspan x=\"{MARGIN}\" y=\"{y:.0}\">{}</tspan>",
                in_fonts(line)
            )
        })
        .collect();
    let kicker = typesetter
        .wrap(&story.kicker, TEXT_WIDTH, 26.0, 1)?
        .concat();
    let map = match (map, content.locator_map.as_ref()) {
        (Some(shapes), Some(locator)) => map_group(shapes, &locator.highlight, &locator.members),
        _ => String::new(),
    };
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\">\
         <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"{PAPER}\"/>\
         {map}\
         <rect x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"12\" fill=\"{ACCENT}\"/>\
         <text x=\"{MARGIN}\" y=\"{kicker_y:.0}\" font-weight=\"700\" font-size=\"26\" fill=\"{ACCENT}\">{kicker}</text>\
         <text font-weight=\"700\" font-size=\"{HEADLINE_SIZE}\" fill=\"{INK}\">{headline}</text>\
         </svg>",
        kicker = in_fonts(&kicker),
        kicker_y = top - HEADLINE_SIZE - 28.0,
    ))
}

/// A part's card: the explainer's title over the part's, and the part's opening lines, across
/// the whole card.
pub fn part_svg(
    content: &Content,
    part: &EmbeddablePart,
    typesetter: &Typesetter,
) -> Result<String, String> {
    let width = f64::from(WIDTH) - 2.0 * MARGIN;
    let kicker = typesetter
        .wrap(&content.labels.page_title, width, 26.0, 1)?
        .concat();
    let [(_, title), (_, opening)] = part_lines(content, part, typesetter)?;
    // The block (kicker, title, opening) in the card's middle.
    let (kicker_height, gap) = (40.0, 16.0);
    let block = kicker_height
        + title.len() as f64 * HEADLINE_SIZE * LINE_HEIGHT
        + gap
        + opening.len() as f64 * BODY_SIZE * LINE_HEIGHT;
    let kicker_y = (f64::from(HEIGHT) - block) / 2.0 + 26.0;
    let mut y = kicker_y + kicker_height - HEADLINE_SIZE * (LINE_HEIGHT - 1.0);
    let title = tspans(&title, HEADLINE_SIZE, &mut y);
    y += gap;
    let opening = tspans(&opening, BODY_SIZE, &mut y);
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\">\
         <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"{PAPER}\"/>\
         <rect x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"12\" fill=\"{ACCENT}\"/>\
         <text x=\"{MARGIN}\" y=\"{kicker_y:.0}\" font-weight=\"700\" font-size=\"26\" fill=\"{ACCENT}\">{kicker}</text>\
         <text font-weight=\"700\" font-size=\"{HEADLINE_SIZE}\" fill=\"{INK}\">{title}</text>\
         <text font-weight=\"700\" font-size=\"{BODY_SIZE}\" fill=\"{INK}\" fill-opacity=\"0.8\">{opening}</text>\
         </svg>",
        kicker = in_fonts(&kicker),
    ))
}

/// A part card's title and opening, each as its text and the lines it is set in.
pub fn part_lines(
    content: &Content,
    part: &EmbeddablePart,
    typesetter: &Typesetter,
) -> Result<[(String, Vec<String>); 2], String> {
    let width = f64::from(WIDTH) - 2.0 * MARGIN;
    let opening = part_opening(content, part);
    Ok([
        (
            part.name.clone(),
            typesetter.wrap(&part.name, width, HEADLINE_SIZE, 2)?,
        ),
        (
            opening.clone(),
            typesetter.wrap(&opening, width, BODY_SIZE, 5)?,
        ),
    ])
}

/// `lines` as SVG text set at `size`, one under another from below `y`, which ends under the
/// last.
fn tspans(lines: &[String], size: f64, y: &mut f64) -> String {
    (lines.iter())
        .map(|line| {
            *y += size * LINE_HEIGHT;
            format!(
                "<tspan x=\"{MARGIN}\" y=\"{y:.0}\">{}</tspan>",
                in_fonts(line)
            )
        })
        .collect()
}

/// What a part's card says under its title, as a reader sees it: a section's summary, the key
/// facts, the FAQ's first questions, the checklists' introduction.
pub fn part_opening(content: &Content, part: &EmbeddablePart) -> String {
    let glossary = &content.glossary;
    let shown = |text: &str| -> String {
        shown(text, glossary)
            .iter()
            .map(|run| run.words())
            .collect()
    };
    match part.part {
        Part::KeyFacts => (content.story.key_facts.iter())
            .map(|fact| format!("{}: {}", fact.label, shown(&fact.value)))
            .collect::<Vec<_>>()
            .join(" · "),
        Part::Section(i) => shown(&content.story.sections[i].summary),
        Part::Checklists => (content.checklists.as_ref())
            .map_or(String::new(), |checklists| checklists.intro.clone()),
        Part::Faq => (content.faq.iter().take(3))
            .map(|entry| entry.question.as_str())
            .collect::<Vec<_>>()
            .join(" · "),
    }
}

/// The locator map's shapes in the card's right-hand part, the story's country and its group
/// marked as on the page.
fn map_group(shapes: &MapShapes, highlight: &str, members: &[String]) -> String {
    let (left, width) = (
        MARGIN + TEXT_WIDTH + 40.0,
        f64::from(WIDTH) - (MARGIN + TEXT_WIDTH + 40.0),
    );
    let scale = (width / MAP_WIDTH).min(f64::from(HEIGHT) / shapes.projection.height());
    let height = shapes.projection.height() * scale;
    let top = (f64::from(HEIGHT) - height) / 2.0;
    let paths: String = (shapes.countries.iter())
        .map(|country| {
            let fill = if country.code == highlight {
                ACCENT
            } else if members.iter().any(|m| m == &country.code) {
                MEMBER
            } else {
                LAND
            };
            format!(
                "<path d=\"{}\" fill=\"{fill}\" stroke=\"{PAPER}\" stroke-width=\"2\"/>",
                country.path
            )
        })
        .collect();
    format!(
        "<g transform=\"translate({left:.1} {top:.1}) scale({scale:.4})\">\
         <rect width=\"{MAP_WIDTH}\" height=\"{:.0}\" fill=\"{SEA}\"/>{paths}</g>",
        shapes.projection.height()
    )
}

#[cfg(test)]
mod tests {
    use super::{breakable_pieces, in_fonts};

    #[test]
    fn a_khmer_stack_is_never_split() {
        // ពាណិជ្ជកម្ម: the coeng before the second ជ keeps the stack together.
        let pieces = breakable_pieces("ពាណិជ្ជកម្ម");
        assert!(
            pieces.iter().all(|piece| !piece.ends_with('\u{17D2}')),
            "{pieces:?}"
        );
        assert_eq!(pieces.concat(), "ពាណិជ្ជកម្ម");
        assert_eq!(breakable_pieces("trade"), ["t", "r", "a", "d", "e"]);
    }

    #[test]
    fn khmer_letters_and_the_rest_are_set_in_their_own_fonts() {
        assert_eq!(
            in_fonts("ខ្មែរ · <b> 2026"),
            "<tspan font-family=\"Noto Sans Khmer\">ខ្មែរ </tspan>\
             <tspan font-family=\"Noto Sans\">· &lt;b&gt; 2026</tspan>"
        );
    }
}
