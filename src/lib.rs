//! The explainer's components. The same code renders the whole page to HTML at build time
//! (feature `ssr`, run by `crates/prerender`) and brings its interactive parts to life in the
//! browser as Leptos islands (feature `hydrate`, built by `crates/web`). Static parts are plain
//! components and ship no code to the browser; each `#[island]` is one interactive part.
//!
//! The code knows nothing about any particular story: everything a reader sees comes from a
//! content file, read and checked by [`explainer_core::content`].

// The page's view type is deep; rendering it to HTML needs more than the default.
#![recursion_limit = "256"]

pub mod ui;

pub use explainer_core as core;
