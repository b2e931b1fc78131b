//! The views rendered only at build time, with no code in the browser, one component a file:
//! the pieces the pages and the islands are made of.

pub mod dateline;
pub mod glossary;
pub mod language_switch;
pub mod locator_map;
pub mod perspectives;
pub mod progress_bar;
pub mod reading_mode_switch;
pub mod rich_text;
pub mod save_data_notice;
pub mod section;
