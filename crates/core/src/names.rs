//! The names the components, the wasm entry, the build and the tests must agree on: files the
//! build writes, classes and attributes the loader and the tests look for, the events the code
//! sends. Each is typed here once; JavaScript templates get theirs filled in by the build.

/// The explainer's own page, in each edition's folder.
pub const PAGE_FILE: &str = "index.html";
/// The page made for frames, in each edition's folder.
pub const FRAME_FILE: &str = "embed.html";
/// The markup alone, for the script embed, in each edition's folder.
pub const FRAGMENT_FILE: &str = "fragment.html";
/// The folder of each part's frame page (`embed/<part>.html`) and oEmbed answer, in each
/// edition's folder.
pub const PART_FRAMES_FOLDER: &str = "embed";
/// The folder of each part's markup alone (`fragment/<part>.html`), in each edition's folder.
pub const PART_FRAGMENTS_FOLDER: &str = "fragment";
/// The stylesheet that lays the page out for reading with no code (no JavaScript, or code that
/// failed), at the bundle's root.
pub const STATIC_CSS_FILE: &str = "static.css";
/// The small render-blocking script that applies the stored reading mode, at the bundle's root.
pub const READING_MODE_FILE: &str = "reading-mode.js";
/// The edition's share card, in each edition's folder.
pub const SHARE_CARD_FILE: &str = "share-card.png";
/// The folder of the parts' cards (`<part>.png`), in each edition's folder.
pub const CARDS_FOLDER: &str = "cards";

/// Put on `<body>` of the pages made for frames.
pub const FRAME_CLASS: &str = "explainer-frame";
/// The id of the data block naming the glue and the wasm, for the script embed.
pub const CODE_BLOCK_ID: &str = "explainer-code";
/// Put on an island whose code could not be loaded: it stays as rendered and says so.
pub const LOAD_FAILED_ATTRIBUTE: &str = "data-load-failed";

/// Sent to each explainer root (`.explainer`) once the islands of its page or fragment have
/// hydrated; the root island waits for it to apply state that spans islands.
pub const HYDRATED_EVENT: &str = "explainer-hydrated";
/// Sent on `window` by the lazy modules' loader when a module cannot be loaded.
pub const MODULE_FAILED_EVENT: &str = "explainer-module-failed";
/// The line a page shows when its reader's browser asks it to save data; the loader shows it.
pub const SAVE_DATA_NOTICE_CLASS: &str = "save-data-notice";
/// Put by the loader on a lazy island a reader touched before the page's code arrived, while
/// saving data: the island then gets its code as soon as the page's has come.
pub const TOUCHED_ATTRIBUTE: &str = "data-touched";
/// Sent on `window` by the loader when a reader asks for every part's code now.
pub const LOAD_EVERYTHING_EVENT: &str = "explainer-load-everything";

/// How long a lazy module may take to arrive, in milliseconds. The loader gives up on one that
/// has not arrived by then, as if it had failed, so that a stalled response holds back only its
/// own part; if it arrives later, it is not used.
pub const STALL_BOUND_MS: u32 = 10_000;

/// The islands built `#[island(lazy)]` (with the components' feature `lazy-islands`): their
/// code is split out of the main wasm at build time and loaded when they are hydrated, which on
/// the explainer's own page is when a reader comes near them. None holds another island.
pub const LAZY_ISLANDS: [&str; 3] = ["ChecklistsIsland", "FaqIsland", "EmbedCode"];

/// An island's component name as Leptos writes it in `data-component` (`FaqIsland_1234…`),
/// without the hash it adds: the name [`LAZY_ISLANDS`] and [`ON_TOUCH_ISLANDS`] use.
pub fn island_base_name(component: &str) -> &str {
    component
        .rsplit_once('_')
        .map_or(component, |(base, _)| base)
}

/// The lazy islands hydrated only when a reader touches them (a pointer pressed in them, focus
/// coming into them, a disclosure in them opened), never just for coming near: tools for the
/// newsroom, whose code a reader scrolling past should not pay for.
pub const ON_TOUCH_ISLANDS: [&str; 1] = ["EmbedCode"];

/// The lazy islands hydrated when a reader comes near them: all but [`ON_TOUCH_ISLANDS`].
pub fn near_islands() -> Vec<&'static str> {
    LAZY_ISLANDS
        .into_iter()
        .filter(|island| !ON_TOUCH_ISLANDS.contains(island))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::island_base_name;

    #[test]
    fn an_islands_base_name_drops_the_hash_leptos_adds() {
        assert_eq!(
            island_base_name("FaqIsland_3377171720701790744"),
            "FaqIsland"
        );
        assert_eq!(island_base_name("Toc"), "Toc");
    }
}
