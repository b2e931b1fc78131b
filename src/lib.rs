//! An interactive news explainer: a Leptos app that renders one story from a content file.
//!
//! The code knows nothing about any particular story; everything a reader sees comes from
//! `content/<lang>.json`, read by [`content`] and shown by [`ui`].

pub mod asset_url;
pub mod content;
pub mod embed;
pub mod embed_options;
pub mod plan;
pub mod plan_export;
pub mod storage;
pub mod text_match;
pub mod ui;
