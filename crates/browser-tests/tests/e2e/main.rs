//! End-to-end journeys: the release `dist/`, served on 127.0.0.1, in headless Chromium, and
//! the reader's journey in Firefox and WebKit too (`engines`).
//! Build `dist/` first (`scripts/build`); `scripts/test` does both.

mod accessibility;
mod build;
mod checklists;
mod cms;
mod conformance;
mod csp;
mod embed;
mod engines;
mod failure;
mod faq;
mod host_events;
mod hydration;
mod khmer;
mod layout;
mod lazy;
mod parts;
mod save_data;
mod stall;
mod story;
mod without_javascript;
