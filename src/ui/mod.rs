//! The views, one component (or one piece of shared browser state) a file. Files holding an
//! `#[island]` say so in their first line; the rest render only at build time.

pub mod app_root;
pub mod checklists;
pub mod clipboard;
pub mod dateline;
pub mod deep_link;
pub mod embed_code;
pub mod faq;
pub mod frame;
pub mod glossary;
pub mod html_text;
pub mod language_switch;
pub mod locator_map;
pub mod page;
pub mod page_text;
pub mod part_page;
pub mod perspectives;
pub mod plan_state;
pub mod progress_bar;
pub mod reading;
pub mod rich_text;
pub mod root;
pub mod scroll;
pub mod section;
pub mod section_links;
pub mod storage;
pub mod toc;

/// The islands built `#[island(lazy)]` (with feature `lazy-islands`): their code is split out
/// of the main wasm at build time (crates/prerender/src/split.rs) and loaded when they are
/// hydrated, which on the explainer's own page is when a reader comes near them. None holds
/// another island.
pub const LAZY_ISLANDS: [&str; 3] = ["Checklists", "FaqIsland", "EmbedCode"];
