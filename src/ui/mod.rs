//! The components, by role, each layer using only those below it:
//!
//! - `pages`: the whole explainer and each part alone, rendered at build time;
//! - `islands`: the parts that hydrate in the browser (each ships code);
//! - `views`: the pieces rendered only at build time (they ship none);
//! - `browser`: what the islands share in the browser: where the app lives, storage, the
//!   clipboard, frame messages, deep links, the page's own text, the reader's plan.

pub mod browser;
pub mod islands;
pub mod pages;
pub mod views;
