//! The views, one component a file.

pub mod app;
pub mod faq;
pub mod rich_text;
pub mod section;
pub mod status;
pub mod story;
