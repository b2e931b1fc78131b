//! One static server for the end-to-end tests and the load benchmark: a bundle such as `dist/`
//! on 127.0.0.1, served as a production host would (tower-http's `ServeDir`: the build's `.br` or
//! `.gz` copy when the browser accepts it, keep-alive connections, proper content types), with
//! the cross-origin reads the README recommends for the script embed allowed. A test can replace
//! or remove the reply for a path, cut the connection for it, stall it, add a header to every
//! reply, or put a file of its own in place of one of the bundle's.
//!
//! Every server runs on one background tokio runtime, which ends with the test process.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use futures_util::StreamExt;
use hyper_util::rt::TokioIo;
use tower::ServiceExt;
use tower_http::cors::CorsLayer;
use tower_http::services::ServeDir;

use crate::compress::{brotli, gzip};
use crate::content_type::content_type;

/// What the server sends for a path instead of the file on disk.
#[derive(Clone, Debug)]
pub enum Reply {
    /// Answer 404, as if the file were gone.
    Missing,
    /// Answer 200 with this body.
    Body(String),
    /// Close the connection without an answer, as when the network fails: `fetch` rejects.
    Hangup,
    /// Answer with the file's headers (its length among them) and the first half of its first
    /// chunk, then send nothing more and never finish, as a stalled connection does: `fetch`
    /// resolves, but reading the body never ends.
    Stall,
}

/// A reply in place of the file, by the path it is for.
#[derive(Clone)]
enum Override {
    Missing,
    Hangup,
    Stall,
    /// 200 with `raw`, or its brotli or gzip copy when there is one and the browser accepts it.
    Body {
        raw: Bytes,
        br: Option<Bytes>,
        gzip: Option<Bytes>,
    },
}

/// What the replies of one server share with the test that runs it.
#[derive(Default)]
struct Shared {
    overrides: Mutex<HashMap<String, Override>>,
    headers: Mutex<HeaderMap>,
    /// How long to wait before answering a path, as a slow network would.
    delays: Mutex<HashMap<String, Duration>>,
}

impl Shared {
    /// The reply in place of the file at `path`; a folder's path (`/`, `/km/`) stands for its
    /// `index.html`, as for the files.
    fn override_for(&self, path: &str) -> Option<Override> {
        let overrides = self.overrides.lock().unwrap();
        overrides.get(path).cloned().or_else(|| {
            path.ends_with('/')
                .then(|| overrides.get(&format!("{path}index.html")).cloned())
                .flatten()
        })
    }
}

/// A running server; it answers as long as the test process lives.
pub struct StaticServer {
    origin: String,
    shared: Arc<Shared>,
}

impl StaticServer {
    /// Serves `root` at `http://127.0.0.1:<free port>/`.
    pub fn start(root: impl Into<PathBuf>) -> Self {
        Self::start_under(root, "/")
    }

    /// Serves `root` under the URL path `prefix` (which starts and ends with `/`); all else is 404.
    pub fn start_under(root: impl Into<PathBuf>, prefix: &str) -> Self {
        assert!(
            prefix.starts_with('/') && prefix.ends_with('/'),
            "a prefix starts and ends with /: {prefix}"
        );
        let files = ServeDir::new(root.into())
            .precompressed_br()
            .precompressed_gzip();
        let router = match prefix.trim_end_matches('/') {
            "" => Router::new().fallback_service(files),
            under => Router::new().nest_service(under, files.redirect_path_prefix(under)),
        };
        Self::launch(router)
    }

    /// A host page on its own origin (another port), empty but for `html` at `/host.html`.
    pub fn host_page(html: String) -> Self {
        let host = Self::launch(Router::new());
        host.set("/host.html", Reply::Body(html));
        host
    }

    /// The absolute URL of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }

    /// Answers `path` with `reply` from now on.
    pub fn set(&self, path: &str, reply: Reply) {
        let answer = match reply {
            Reply::Missing => Override::Missing,
            Reply::Hangup => Override::Hangup,
            Reply::Stall => Override::Stall,
            Reply::Body(body) => Override::Body {
                raw: body.into(),
                br: None,
                gzip: None,
            },
        };
        self.overrides().insert(path.to_string(), answer);
    }

    /// Serves `bytes` for `path` from now on, in place of the file, as the release build would
    /// have written them: with brotli and gzip copies, one of which goes to a browser that
    /// accepts it. For an `index.html`, its folder's path is answered the same.
    pub fn replace_file(&self, path: &str, bytes: impl Into<Vec<u8>>) {
        let raw = bytes.into();
        let answer = Override::Body {
            br: Some(brotli(&raw).into()),
            gzip: Some(gzip(&raw).into()),
            raw: raw.into(),
        };
        self.overrides().insert(path.to_string(), answer);
    }

    /// Sends `name: value` with every reply from now on, in place of any value it had. Replies
    /// carry `Cache-Control: no-store` until a test sets another.
    pub fn add_header(&self, name: &str, value: &str) {
        let name = HeaderName::try_from(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        let value = HeaderValue::try_from(value).unwrap_or_else(|e| panic!("{value}: {e}"));
        self.shared.headers.lock().unwrap().insert(name, value);
    }

    /// Answers `path` (its file, or the reply set for it) only after `wait`, as a slow network
    /// would.
    pub fn delay(&self, path: &str, wait: Duration) {
        self.shared
            .delays
            .lock()
            .unwrap()
            .insert(path.to_string(), wait);
    }

    /// Serves the file on disk for `path` again.
    pub fn reset(&self, path: &str) {
        self.overrides().remove(path);
    }

    fn overrides(&self) -> std::sync::MutexGuard<'_, HashMap<String, Override>> {
        self.shared.overrides.lock().unwrap()
    }

    /// Binds a free port on 127.0.0.1 and answers there with `router`, wrapped in what every
    /// server does: the test's replies, content types, cross-origin reads and extra headers.
    fn launch(router: Router<()>) -> Self {
        let shared = Arc::new(Shared::default());
        shared
            .headers
            .lock()
            .unwrap()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        let app = router
            .layer(middleware::from_fn_with_state(shared.clone(), answer))
            .layer(CorsLayer::new().allow_origin(tower_http::cors::Any))
            .layer(middleware::from_fn_with_state(
                shared.clone(),
                extra_headers,
            ));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let origin = format!("http://{}", listener.local_addr().unwrap());
        listener.set_nonblocking(true).unwrap();
        let hangups = shared.clone();
        runtime().spawn(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let (app, hangups) = (app.clone(), hangups.clone());
                // Hyper closes the connection, sending nothing, when the service fails: that is
                // how a path set to `Reply::Hangup` is answered.
                let service = hyper::service::service_fn(move |request: Request<_>| {
                    let hangup = matches!(
                        hangups.override_for(request.uri().path()),
                        Some(Override::Hangup)
                    );
                    let app = app.clone();
                    async move {
                        if hangup {
                            return Err(HungUp);
                        }
                        let response = app.oneshot(request.map(Body::new)).await;
                        Ok::<_, HungUp>(response.unwrap_or_else(|never| match never {}))
                    }
                });
                tokio::spawn(async move {
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        StaticServer { origin, shared }
    }
}

/// The one runtime every server of the process runs on, on threads of its own: the tests' own
/// runtimes come and go with each test.
fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("static-server")
            .enable_all()
            .build()
            .expect("start the static server's runtime")
    })
}

/// Why a connection was closed with no answer: the test asked for it ([`Reply::Hangup`]).
#[derive(Debug)]
struct HungUp;

impl std::fmt::Display for HungUp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("hung up, as the test asked")
    }
}

impl std::error::Error for HungUp {}

/// Answers with the test's reply for the path, if it set one; else serves the file, with the
/// content type [`content_type`] gives for its name.
async fn answer(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    let file = if path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.clone()
    };
    let kind = content_type(&file);
    let wait = shared.delays.lock().unwrap().get(&path).copied();
    if let Some(wait) = wait {
        tokio::time::sleep(wait).await;
    }
    let mut response = match shared.override_for(&path) {
        // (A hang-up never gets here: `launch` has cut the connection.)
        Some(Override::Missing) | Some(Override::Hangup) => {
            return StatusCode::NOT_FOUND.into_response()
        }
        Some(Override::Body { raw, br, gzip }) => {
            let accepted = request
                .headers()
                .get(header::ACCEPT_ENCODING)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default();
            let mut response = match (br, gzip) {
                (Some(br), _) if accepts(accepted, "br") => {
                    ([(header::CONTENT_ENCODING, "br")], br).into_response()
                }
                (_, Some(gzip)) if accepts(accepted, "gzip") => {
                    ([(header::CONTENT_ENCODING, "gzip")], gzip).into_response()
                }
                _ => raw.into_response(),
            };
            response
                .headers_mut()
                .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
            response
        }
        Some(Override::Stall) => {
            let (parts, body) = next.run(request).await.into_parts();
            let stalled = body
                .into_data_stream()
                .take(1)
                .map(|chunk| chunk.map(|bytes| bytes.slice(..bytes.len() / 2)))
                .chain(futures_util::stream::pending());
            Response::from_parts(parts, Body::from_stream(stalled))
        }
        None => next.run(request).await,
    };
    if response.status().is_success() {
        if let Some(kind) = kind {
            response
                .headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
        }
    }
    response
}

/// Whether an `Accept-Encoding` header's value accepts `coding` (named, and not with `q=0`).
fn accepts(accepted: &str, coding: &str) -> bool {
    accepted.split(',').any(|item| {
        let mut parts = item.split(';').map(str::trim);
        parts.next() == Some(coding)
            && parts.all(|param| {
                param
                    .strip_prefix("q=")
                    .is_none_or(|q| q.parse::<f32>().is_ok_and(|q| q > 0.0))
            })
    })
}

/// Adds the headers a test asked for (and the default `Cache-Control`) to every reply.
async fn extra_headers(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = shared.headers.lock().unwrap().clone();
    response.headers_mut().extend(headers);
    response
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};

    use super::*;

    /// A folder with `index.html`, its brotli copy, `app.wasm` and `km/index.html`.
    fn bundle() -> PathBuf {
        let dir = crate::scratch_dir("server");
        std::fs::write(dir.join("index.html"), "<p>page</p>").unwrap();
        std::fs::write(dir.join("index.html.br"), brotli(b"<p>page</p>")).unwrap();
        std::fs::write(dir.join("app.wasm"), b"\0asm").unwrap();
        std::fs::create_dir(dir.join("km")).unwrap();
        std::fs::write(dir.join("km/index.html"), "<p>km</p>").unwrap();
        dir
    }

    /// One GET over a fresh connection: the status line, the headers (names lowercased) and the
    /// body, or `None` when the server closed the connection without an answer.
    fn get(url: &str, accept_encoding: &str) -> Option<(String, HashMap<String, String>, Vec<u8>)> {
        let rest = url.strip_prefix("http://").unwrap();
        let (host, path) = rest.split_at(rest.find('/').unwrap());
        let mut stream = std::net::TcpStream::connect(host).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nOrigin: http://elsewhere\r\n\
             Accept-Encoding: {accept_encoding}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        if answer.is_empty() {
            return None;
        }
        let end = answer.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8(answer[..end].to_vec()).unwrap();
        let mut lines = head.lines();
        let status = lines.next().unwrap().to_string();
        let headers = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.to_ascii_lowercase(), value.trim().to_string()))
            .collect();
        Some((status, headers, answer[end + 4..].to_vec()))
    }

    /// What a GET over a fresh connection has received when the server has sent nothing for a
    /// second, as text; panics if the server closed the connection.
    fn stalled_get(url: &str) -> String {
        let rest = url.strip_prefix("http://").unwrap();
        let (host, path) = rest.split_at(rest.find('/').unwrap());
        let mut stream = std::net::TcpStream::connect(host).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(1)))
            .unwrap();
        let mut received = Vec::new();
        let mut buffer = [0; 1024];
        loop {
            match stream.read(&mut buffer) {
                Ok(0) => panic!("the server closed the connection: {received:?}"),
                Ok(n) => received.extend_from_slice(&buffer[..n]),
                Err(_) => return String::from_utf8_lossy(&received).into_owned(),
            }
        }
    }

    #[test]
    fn serves_files_with_their_types_their_brotli_copies_and_cross_origin_reads() {
        let server = StaticServer::start(bundle());
        let (status, headers, body) = get(&server.url("/"), "gzip, br").unwrap();
        assert!(status.contains("200"), "{status}");
        assert_eq!(headers["content-type"], "text/html; charset=utf-8");
        assert_eq!(headers["content-encoding"], "br");
        assert_eq!(body, brotli(b"<p>page</p>"));
        assert_eq!(headers["access-control-allow-origin"], "*");
        assert_eq!(headers["cache-control"], "no-store");
        let (_, headers, body) = get(&server.url("/index.html"), "identity").unwrap();
        assert!(!headers.contains_key("content-encoding"));
        assert_eq!(body, b"<p>page</p>");
        let (_, headers, _) = get(&server.url("/app.wasm"), "br").unwrap();
        assert_eq!(headers["content-type"], "application/wasm");
        let (_, _, body) = get(&server.url("/km/"), "").unwrap();
        assert_eq!(body, b"<p>km</p>");
        let (status, _, _) = get(&server.url("/nothing.js"), "").unwrap();
        assert!(status.contains("404"), "{status}");
    }

    #[test]
    fn serves_a_root_under_a_sub_path_only() {
        let server = StaticServer::start_under(bundle(), "/graphics/explainer/");
        let (status, _, body) = get(&server.url("/graphics/explainer/"), "").unwrap();
        assert!(status.contains("200"), "{status}");
        assert_eq!(body, b"<p>page</p>");
        let (_, _, body) = get(&server.url("/graphics/explainer/km/"), "").unwrap();
        assert_eq!(body, b"<p>km</p>");
        let (status, _, _) = get(&server.url("/index.html"), "").unwrap();
        assert!(status.contains("404"), "{status}");
    }

    #[test]
    fn answers_as_the_test_asks() {
        let server = StaticServer::start(bundle());
        server.set("/app.wasm", Reply::Missing);
        let (status, headers, _) = get(&server.url("/app.wasm"), "").unwrap();
        assert!(status.contains("404"), "{status}");
        assert_eq!(headers["access-control-allow-origin"], "*");
        server.set("/app.wasm", Reply::Hangup);
        assert!(get(&server.url("/app.wasm"), "").is_none());
        server.set("/app.wasm", Reply::Stall);
        let stalled = stalled_get(&server.url("/app.wasm"));
        assert!(stalled.starts_with("HTTP/1.1 200"), "{stalled}");
        assert!(stalled.contains("content-length: 4"), "{stalled}");
        assert!(
            stalled.ends_with("\r\n\r\n\0a"),
            "half the body, then nothing: {stalled:?}"
        );
        server.reset("/app.wasm");
        assert_eq!(get(&server.url("/app.wasm"), "").unwrap().2, b"\0asm");

        server.set("/other.html", Reply::Body("<p>other</p>".into()));
        server.add_header("Content-Security-Policy", "default-src 'self'");
        let (status, headers, body) = get(&server.url("/other.html"), "br").unwrap();
        assert!(status.contains("200"), "{status}");
        assert_eq!(headers["content-type"], "text/html; charset=utf-8");
        assert_eq!(headers["content-security-policy"], "default-src 'self'");
        assert_eq!(body, b"<p>other</p>");

        server.replace_file("/index.html", "<p>variant</p>");
        server.add_header("Cache-Control", "no-cache");
        let (_, headers, body) = get(&server.url("/"), "gzip, deflate, br").unwrap();
        assert_eq!(headers["content-encoding"], "br");
        assert_eq!(headers["cache-control"], "no-cache");
        assert_eq!(body, brotli(b"<p>variant</p>"));
        let (_, headers, body) = get(&server.url("/index.html"), "gzip, br;q=0").unwrap();
        assert_eq!(headers["content-encoding"], "gzip");
        assert_eq!(body, gzip(b"<p>variant</p>"));
        assert_eq!(
            get(&server.url("/index.html"), "").unwrap().2,
            b"<p>variant</p>"
        );
    }

    #[test]
    fn a_host_page_is_alone_on_its_origin() {
        let host = StaticServer::host_page("<p>host</p>".into());
        let (_, headers, body) = get(&host.url("/host.html"), "").unwrap();
        assert_eq!(headers["content-type"], "text/html; charset=utf-8");
        assert_eq!(body, b"<p>host</p>");
        let (status, _, _) = get(&host.url("/"), "").unwrap();
        assert!(status.contains("404"), "{status}");
    }
}
