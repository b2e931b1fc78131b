//! What the islands share in the browser, one service a file: where this copy of the app lives,
//! storage, JSON by the browser's own parser, the clipboard, messages to a frame's host, deep
//! links, the page's own text, and the reader's plan.

pub mod app_root;
pub mod clipboard;
pub mod deep_link;
pub mod frame_messages;
pub mod json;
pub mod page_text;
pub mod plan_state;
pub mod section_links;
pub mod storage;
