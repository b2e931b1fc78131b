//! The islands: the parts of the page that hydrate in the browser, one a file. Those named in
//! [`explainer_core::names::LAZY_ISLANDS`] are built `#[island(lazy)]` (feature `lazy-islands`)
//! and their code is split out of the main wasm at build time.

pub mod checklists;
pub mod embed_code;
pub mod explainer_root;
pub mod faq;
pub mod reading_progress;
pub mod toc;
