//! The views rendered only at build time, with no code in the browser: the page and its parts,
//! one component a file, and the page kinds and editions they are rendered for.

pub mod dateline;
pub mod glossary;
pub mod language_switch;
pub mod locator_map;
pub mod page;
pub mod page_kind;
pub mod part_page;
pub mod perspectives;
pub mod progress_bar;
pub mod reading_mode_switch;
pub mod rich_text;
pub mod section;
