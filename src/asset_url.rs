//! Finds the app's own files (such as the content file) next to the script that loaded the app,
//! so the app works from any host page and under any `--public-url`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    type ImportMeta;

    /// `import.meta` of wasm-bindgen's generated module, which Trunk puts at the root of `dist/`.
    #[wasm_bindgen(thread_local_v2, js_namespace = import, js_name = meta)]
    static IMPORT_META: ImportMeta;

    #[wasm_bindgen(method, getter)]
    fn url(this: &ImportMeta) -> String;
}

/// The absolute URL of `path` (such as `content/en.json`) in the app's own folder.
pub fn app_asset_url(path: &str) -> String {
    let base = IMPORT_META.with(ImportMeta::url);
    web_sys::Url::new_with_base(path, &base)
        .map(|url| url.href())
        .unwrap_or_else(|_| path.to_string())
}
