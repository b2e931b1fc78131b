//! The views, by role. `islands` hydrate in the browser (each ships code); `views` render only
//! at build time (and ship none); `browser` holds what the islands share in the browser:
//! storage, the clipboard, frame messages, deep links, the page's own text.

pub mod browser;
pub mod islands;
pub mod views;
