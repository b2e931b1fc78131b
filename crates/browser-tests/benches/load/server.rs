//! Serves `dist/` on 127.0.0.1 as a production host would: the build's precompressed `.br` or
//! `.gz` copy when the browser accepts it, keep-alive connections, and proper content types.
//! Its `index.html` can be replaced, so variants of the page are measured against the same files.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread;

use explainer_browser_tests::content_type::content_type;
use explainer_browser_tests::first_load::{brotli, gzip};

/// Files served from memory instead of from disk, by path under `dist/`.
type Replaced = Arc<HashMap<String, Vec<u8>>>;

/// The origin of a server running on a background thread until the process ends.
pub struct Server {
    pub origin: String,
}

impl Server {
    /// Serves `dist` at `http://127.0.0.1:<free port>/`, with `index` as its `index.html`.
    pub fn start(dist: PathBuf, index: &str) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let origin = format!("http://{}", listener.local_addr().unwrap());
        let replaced: Replaced = Arc::new(HashMap::from([
            ("index.html".into(), index.as_bytes().to_vec()),
            ("index.html.br".into(), brotli(index.as_bytes())),
            ("index.html.gz".into(), gzip(index.as_bytes())),
        ]));
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (dist, replaced) = (dist.clone(), replaced.clone());
                thread::spawn(move || serve(stream, &dist, &replaced));
            }
        });
        Server { origin }
    }
}

/// Answers the requests of one connection until the browser closes it.
fn serve(stream: TcpStream, dist: &Path, replaced: &Replaced) {
    let mut reader = BufReader::new(&stream);
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
            return;
        }
        let mut accept_encoding = String::new();
        let mut header = String::new();
        while reader.read_line(&mut header).unwrap_or(0) > 2 {
            if let Some((name, value)) = header.split_once(':') {
                if name.eq_ignore_ascii_case("accept-encoding") {
                    accept_encoding = value.trim().to_string();
                }
            }
            header.clear();
        }
        let target = request_line.split_whitespace().nth(1).unwrap_or("/");
        let path = target.split(['?', '#']).next().unwrap_or("/");
        let (head, body) = match find(dist, replaced, path, &accept_encoding) {
            Some((kind, encoding, body)) => {
                let encoding = encoding
                    .map(|e| format!("Content-Encoding: {e}\r\n"))
                    .unwrap_or_default();
                let head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\n{encoding}Content-Length: {}\r\nVary: Accept-Encoding\r\nCache-Control: no-cache\r\n\r\n",
                    body.len()
                );
                (head, body)
            }
            None => (
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\n"
                    .to_string(),
                b"not found".to_vec(),
            ),
        };
        let mut stream = &stream;
        if stream
            .write_all(head.as_bytes())
            .and_then(|_| stream.write_all(&body))
            .is_err()
        {
            return;
        }
    }
}

/// The content type, the content coding and the body for `path`: the brotli, then the gzip copy
/// when the browser accepts that coding and the copy exists, else the file itself.
fn find(
    dist: &Path,
    replaced: &Replaced,
    path: &str,
    accept_encoding: &str,
) -> Option<(&'static str, Option<&'static str>, Vec<u8>)> {
    let mut file = path.trim_start_matches('/').to_string();
    if file.is_empty() || file.ends_with('/') {
        file += "index.html";
    }
    if file.split('/').any(|part| part == "..") {
        return None;
    }
    let read = |name: String| {
        replaced
            .get(&name)
            .cloned()
            .or_else(|| std::fs::read(dist.join(&name)).ok())
    };
    let accepts = |coding: &str| {
        accept_encoding
            .split(',')
            .any(|item| item.split(';').next().unwrap().trim() == coding)
    };
    let kind = content_type(&file);
    for (coding, suffix) in [("br", "br"), ("gzip", "gz")] {
        if accepts(coding) {
            if let Some(body) = read(format!("{file}.{suffix}")) {
                return Some((kind, Some(coding), body));
            }
        }
    }
    read(file).map(|body| (kind, None, body))
}
