//! Reads the table of how tall each embed's frame is where no script sizes it
//! (`public/embed-heights.json`, or `$EXPLAINER_EMBED_HEIGHTS`), and checks it names every
//! part of every edition: a missing or broken table stops the build with its place named.

use std::path::Path;

use explainer_core::content::parts::embeddable_parts;
use explainer_core::embed_snippets::EmbedHeights;

use crate::content_files::CheckedEdition;
use crate::files::read;

/// The table at `path`, checked against the parts of `editions`.
pub fn load(path: &Path, editions: &[CheckedEdition]) -> Result<EmbedHeights, String> {
    let at = |message: String| format!("{}: {message}", path.display());
    let heights = EmbedHeights::parse(&read(path)?).map_err(at)?;
    let mut slugs: Vec<String> = Vec::new();
    for edition in editions {
        for part in embeddable_parts(&edition.content) {
            if !slugs.contains(&part.slug) {
                slugs.push(part.slug);
            }
        }
    }
    let problems: Vec<String> = heights.problems(&slugs).into_iter().map(at).collect();
    if problems.is_empty() {
        Ok(heights)
    } else {
        Err(problems.join("\n"))
    }
}
