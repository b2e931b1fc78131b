//! Firefox and WebKit, for the journey that must work in every engine: Debian's firefox-esr
//! through geckodriver, and WebKitGTK's MiniBrowser through WebKitWebDriver on a virtual display
//! (Xvfb). Each test gets a fresh browser, closed whatever happens.

use std::future::Future;
use std::process::{Child, Command, Stdio};

use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use crate::browser::Driver;

/// A browser engine other than Chromium's.
#[derive(Clone, Copy, Debug)]
pub enum Engine {
    Firefox,
    WebKit,
}

/// WebKitGTK's own small browser, which WebKitWebDriver drives.
const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/// An X server with no screen, for WebKitGTK, stopped when dropped.
struct VirtualDisplay {
    child: Child,
    display: String,
}

impl VirtualDisplay {
    fn start() -> Self {
        // A display number no other test is using: one per process and test thread is enough.
        let n = 90 + std::process::id() % 1000 * 8 + thread_number() % 8;
        let display = format!(":{n}");
        let child = Command::new("Xvfb")
            .args([&display, "-screen", "0", "1400x1000x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start Xvfb ({e}); run scripts/setup"));
        let socket = format!("/tmp/.X11-unix/X{n}");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !std::path::Path::new(&socket).exists() {
            assert!(std::time::Instant::now() < deadline, "Xvfb did not start");
            // Pacing only: polls until the display's socket appears.
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        VirtualDisplay { child, display }
    }
}

impl Drop for VirtualDisplay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A small number that tells this thread from the others of the test process.
fn thread_number() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    thread_local!(static MINE: u32 = NEXT.fetch_add(1, Ordering::Relaxed));
    MINE.with(|n| *n)
}

fn capabilities(engine: Engine, width: u32, height: u32, javascript: bool) -> Capabilities {
    let mut caps = Capabilities::new();
    match engine {
        Engine::Firefox => {
            caps.insert("browserName".into(), json!("firefox"));
            caps.insert(
                "moz:firefoxOptions".into(),
                json!({
                    "binary": "/usr/bin/firefox-esr",
                    "args": ["-headless", format!("--width={width}"), format!("--height={height}")],
                    "prefs": {
                        "javascript.enabled": javascript,
                        "ui.prefersReducedMotion": 1,
                        "network.proxy.type": 0
                    }
                }),
            );
        }
        Engine::WebKit => {
            assert!(javascript, "WebKit is driven with JavaScript on only");
            caps.insert("browserName".into(), json!("MiniBrowser"));
            caps.insert(
                "webkitgtk:browserOptions".into(),
                json!({ "binary": MINIBROWSER, "args": ["--automation"] }),
            );
        }
    }
    caps
}

/// Runs `test` against a fresh `engine` at `width` × `height`, with JavaScript on or off.
pub async fn with_engine<F, Fut>(engine: Engine, width: u32, height: u32, javascript: bool, test: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let display = matches!(engine, Engine::WebKit).then(VirtualDisplay::start);
    let driver = match engine {
        Engine::Firefox => {
            let program = std::env::var("GECKODRIVER").unwrap_or_else(|_| "geckodriver".into());
            Driver::spawn(&program, |port| vec![format!("--port={port}")], &[])
        }
        Engine::WebKit => {
            let env = [("DISPLAY", display.as_ref().unwrap().display.clone())];
            Driver::spawn(
                "WebKitWebDriver",
                |port| vec![format!("--port={port}")],
                &env,
            )
        }
    };
    let client = ClientBuilder::new(HttpConnector::new())
        .capabilities(capabilities(engine, width, height, javascript))
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .unwrap_or_else(|e| panic!("start a {engine:?} session: {e}"));
    if matches!(engine, Engine::WebKit) {
        let _ = client.set_window_size(width, height).await;
    }
    let outcome = tokio::spawn(test(client.clone())).await;
    let _ = client.close().await;
    drop(driver);
    drop(display);
    if let Err(failure) = outcome {
        std::panic::resume_unwind(failure.into_panic());
    }
}
