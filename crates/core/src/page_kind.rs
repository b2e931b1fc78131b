//! Which page a copy of the explainer is rendered for (its own page, a frame, the script
//! embed's fragment) and which edition it shows: chosen at build time. The edition is passed to
//! "Embed this" in its settings; the root island reads the page kind back from the page.

/// Which page this copy of the explainer was rendered for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    /// Its own page, `index.html`: with the reading-progress bar and "Embed this".
    Page,
    /// `embed.html`, shown in a host's iframe: no chrome, nothing sticky, reports its height.
    Frame,
    /// `fragment.html`, put into a host element's shadow root by the script embed.
    Fragment,
}

/// Which edition of the story a page shows: its language, and its folder under the
/// explainer's (empty for the reference edition, `km/` for another).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Edition {
    pub lang: String,
    pub path: String,
}
