//! The parts of the explainer a newsroom can embed on their own, each named by a slug: the key
//! facts, each section by its id, the checklists and the FAQ.

use super::model::Content;

/// The slugs of the parts that are not sections; no section may take one as its id.
pub const KEY_FACTS: &str = "key-facts";
pub const CHECKLISTS: &str = "checklists";
pub const FAQ: &str = "faq";
pub const RESERVED_SLUGS: [&str; 3] = [KEY_FACTS, CHECKLISTS, FAQ];

/// Which part of the content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The headline with the strip of key facts.
    KeyFacts,
    /// The story's section at this index.
    Section(usize),
    Checklists,
    Faq,
}

/// A part as an editor picks it: its slug (its frame page is `embed/<slug>.html`), its name in
/// the edition's words, and which part it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbeddablePart {
    pub slug: String,
    pub name: String,
    pub part: Part,
}

/// The parts `content` has, in page order.
pub fn embeddable_parts(content: &Content) -> Vec<EmbeddablePart> {
    let part = |slug: &str, name: &str, part: Part| EmbeddablePart {
        slug: slug.to_string(),
        name: name.to_string(),
        part,
    };
    let story = &content.story;
    let key_facts = (!story.key_facts.is_empty())
        .then(|| part(KEY_FACTS, &content.labels.key_facts, Part::KeyFacts));
    let sections = (story.sections.iter().enumerate())
        .map(|(i, section)| part(&section.id, &section.title, Part::Section(i)));
    let checklists = (content.checklists.as_ref())
        .map(|checklists| part(CHECKLISTS, &checklists.heading, Part::Checklists));
    let faq = (!content.faq.is_empty()).then(|| part(FAQ, &content.labels.faq_heading, Part::Faq));
    key_facts
        .into_iter()
        .chain(sections)
        .chain(checklists)
        .chain(faq)
        .collect()
}
