//! The browser's localStorage, treated as optional: it may be missing, blocked (private mode,
//! sandboxed iframes), full or holding anything at all, and the app must carry on regardless.

use leptos::prelude::window;

fn local() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The stored value of `key`, or `None` when there is none or storage cannot be read.
pub fn read(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`; returns whether it was saved.
pub fn write(key: &str, value: &str) -> bool {
    local().is_some_and(|storage| storage.set_item(key, value).is_ok())
}
