//! The browser's localStorage and sessionStorage, treated as optional: either may be missing,
//! blocked (private mode, sandboxed iframes), full or holding anything at all, and the app must
//! carry on regardless.

use explainer_core::storage_keys;
use leptos::prelude::window;

/// Which of the browser's stores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// Kept across visits.
    Local,
    /// Kept while the tab is open.
    Session,
}

fn store(area: Area) -> Option<web_sys::Storage> {
    let window = window();
    let store = match area {
        Area::Local => window.local_storage(),
        Area::Session => window.session_storage(),
    };
    store.ok().flatten()
}

/// The stored value of `key`, or `None` when there is none or storage cannot be read.
pub fn read(area: Area, key: &str) -> Option<String> {
    store(area)?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`; returns whether it was saved.
pub fn write(area: Area, key: &str, value: &str) -> bool {
    store(area).is_some_and(|storage| storage.set_item(key, value).is_ok())
}

/// Removes `key`, where storage allows.
pub fn remove(area: Area, key: &str) {
    if let Some(storage) = store(area) {
        let _ = storage.remove_item(key);
    }
}

/// Whether values can be saved at all: the store exists and accepts a write.
pub fn is_available(area: Area) -> bool {
    let works = write(area, storage_keys::PROBE, "1");
    remove(area, storage_keys::PROBE);
    works
}
