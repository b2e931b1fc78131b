//! The `Content-Type` the static server sends for a file of the bundle, by its extension.

/// The content type of the file at `path` (a file name or a URL path), for the kinds of file the
/// bundle has; `None` for others, which the server leaves to `ServeDir`'s guess.
pub fn content_type(path: &str) -> Option<&'static str> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let kind = match name.rsplit_once('.')?.1 {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => return None,
    };
    Some(kind)
}
