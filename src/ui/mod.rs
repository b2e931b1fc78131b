//! The views, one component (or one shared piece of view state) a file.

pub mod app;
pub mod checklists;
pub mod clipboard;
pub mod deep_link;
pub mod embed_code;
pub mod faq;
pub mod glossary;
pub mod perspectives;
pub mod plan_state;
pub mod progress_bar;
pub mod reading;
pub mod rich_text;
pub mod root;
pub mod scroll;
pub mod section;
pub mod status;
pub mod story;
pub mod toc;
