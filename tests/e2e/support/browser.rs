//! Headless Chromium driven through Debian's chromedriver, one fresh profile per test.

use std::future::Future;
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

/// How long a test waits for something to appear before it fails.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// A chromedriver process, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let program = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let child = Command::new(&program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {program} ({e}); run scripts/setup"));
        let driver = Driver { child, port };
        let deadline = Instant::now() + Duration::from_secs(15);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not start listening"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn capabilities(width: u32, height: u32) -> Capabilities {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let options = json!({
        "binary": chromium,
        "args": [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync",
            format!("--window-size={width},{height}"),
        ],
    });
    let mut caps = Capabilities::new();
    caps.insert("goog:chromeOptions".into(), options);
    caps
}

/// Runs `test` against a fresh headless Chromium at desktop size, closing it whatever happens.
pub async fn with_browser<F, Fut>(test: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    with_browser_sized(1280, 900, test).await
}

/// Like [`with_browser`], with a window of the given size.
pub async fn with_browser_sized<F, Fut>(width: u32, height: u32, test: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let driver = Driver::start();
    let client = ClientBuilder::new(HttpConnector::new())
        .capabilities(capabilities(width, height))
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("start a Chromium session");
    let outcome = tokio::spawn(test(client.clone())).await;
    let _ = client.close().await;
    drop(driver);
    if let Err(failure) = outcome {
        std::panic::resume_unwind(failure.into_panic());
    }
}

/// Waits for an element matching `css` and returns its visible text.
pub async fn text_of(client: &Client, css: &str) -> String {
    let element = client
        .wait()
        .at_most(PATIENCE)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no element matches {css}: {e}"));
    element.text().await.unwrap()
}

/// Runs `script` in the page and returns its result.
pub async fn eval(client: &Client, script: &str) -> serde_json::Value {
    client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("{script}: {e}"))
}
