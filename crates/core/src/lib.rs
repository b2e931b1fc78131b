//! The explainer's core: everything that needs no browser. The content model and its checks,
//! the reader's plan and its share codes, text matching for the FAQ filter, and the options a
//! host page can pass. Used by the components (at build time and in the browser) and by the
//! native prerender tool, and tested natively.

pub mod content;
pub mod copy_check;
pub mod embed_options;
pub mod embed_snippets;
pub mod html_text;
pub mod json;
pub mod khmer_spelling;
pub mod names;
pub mod page_kind;
pub mod plan;
pub mod plan_export;
pub mod short_hash;
pub mod storage_keys;
pub mod text_match;
