//! Fetching a content file with gloo-net; every way it can fail becomes a `LoadError`.

use gloo_net::http::Request;

use super::{parse_content, Content, Problem};

/// Why the story could not be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No answer came back: offline, blocked, or the server is down. The browser's own reason
    /// is in its console; the reader is told what to do.
    Unreachable,
    /// The server answered with an error status, such as 404.
    Status(u16),
    /// The file arrived but is not a valid content file.
    Invalid(Vec<Problem>),
}

/// Fetches the content file at `url` (relative URLs resolve against the document's base URL).
pub async fn fetch_content(url: &str) -> Result<Content, LoadError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|_| LoadError::Unreachable)?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    let text = response.text().await.map_err(|_| LoadError::Unreachable)?;
    parse_content(&text).map_err(LoadError::Invalid)
}
