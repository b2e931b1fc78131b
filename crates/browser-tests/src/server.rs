//! A small HTTP server for `dist/` on 127.0.0.1, whose replies a test can replace or remove.
//! Like the hosting the README recommends for the script embed, it allows cross-origin reads.
//! It runs on a background thread and ends with the test process.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;

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
}

type Overrides = Arc<Mutex<HashMap<String, Reply>>>;
type Headers = Arc<Mutex<Vec<String>>>;

/// A running server; the listener lives as long as the test process.
pub struct StaticServer {
    origin: String,
    overrides: Overrides,
    headers: Headers,
}

impl StaticServer {
    /// Serves `root` at `http://127.0.0.1:<free port>/`.
    pub fn start(root: impl Into<PathBuf>) -> Self {
        Self::start_under(root, "/")
    }

    /// Serves `root` under the URL path `prefix` (which starts and ends with `/`); all else is 404.
    pub fn start_under(root: impl Into<PathBuf>, prefix: &str) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let origin = format!("http://{}", listener.local_addr().unwrap());
        let overrides = Overrides::default();
        let headers = Headers::default();
        let root = root.into();
        let (shared, extra) = (overrides.clone(), headers.clone());
        let prefix = prefix.to_string();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, shared, prefix) = (root.clone(), shared.clone(), prefix.clone());
                let extra = extra.lock().unwrap().concat();
                thread::spawn(move || serve(stream, &root, &prefix, &shared, &extra));
            }
        });
        StaticServer {
            origin,
            overrides,
            headers,
        }
    }

    /// A host page on its own origin (another port), empty but for `html` at `/host.html`.
    pub fn host_page(html: String) -> Self {
        let host = Self::start(std::env::temp_dir());
        host.set("/host.html", Reply::Body(html));
        host
    }

    /// The absolute URL of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }

    /// Answers `path` with `reply` from now on.
    pub fn set(&self, path: &str, reply: Reply) {
        self.overrides
            .lock()
            .unwrap()
            .insert(path.to_string(), reply);
    }

    /// Sends `name: value` with every reply from now on.
    pub fn add_header(&self, name: &str, value: &str) {
        self.headers
            .lock()
            .unwrap()
            .push(format!("{name}: {value}\r\n"));
    }

    /// Serves the file on disk for `path` again.
    pub fn reset(&self, path: &str) {
        self.overrides.lock().unwrap().remove(path);
    }
}

fn serve(stream: TcpStream, root: &Path, prefix: &str, overrides: &Overrides, extra: &str) {
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Read and ignore the headers.
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let reply = overrides.lock().unwrap().get(path).cloned();
    let (status, kind, body) = match reply {
        Some(Reply::Hangup) => {
            let _ = stream.shutdown(std::net::Shutdown::Both);
            return;
        }
        Some(Reply::Missing) => not_found(),
        Some(Reply::Body(body)) => ("200 OK", content_type(path), body.into_bytes()),
        None => match path.strip_prefix(prefix) {
            Some(inside) => read_file(root, &format!("/{inside}")),
            None => not_found(),
        },
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nAccess-Control-Allow-Origin: *\r\n{extra}Connection: close\r\n\r\n",
        body.len()
    );
    let mut stream = &stream;
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|_| stream.write_all(&body));
}

fn read_file(root: &Path, path: &str) -> (&'static str, &'static str, Vec<u8>) {
    let relative = path.trim_start_matches('/');
    if relative.split('/').any(|part| part == "..") {
        return not_found();
    }
    let mut file = root.join(relative);
    if path.ends_with('/') {
        file.push("index.html");
    }
    match std::fs::read(&file) {
        Ok(body) => ("200 OK", content_type(&file.to_string_lossy()), body),
        Err(_) => not_found(),
    }
}

fn not_found() -> (&'static str, &'static str, Vec<u8>) {
    ("404 Not Found", "text/plain", b"not found".to_vec())
}
