//! Headless Chromium driven through Debian's chromedriver, one fresh profile per test.

use std::future::Future;
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use explainer_core::names::{near_islands, FRAME_FILE, LOAD_FAILED_ATTRIBUTE, STATIC_CSS_FILE};
use fantoccini::elements::Element;
use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use crate::server::StaticServer;

/// How long a test waits for something to appear before it fails.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// A WebDriver server process (chromedriver, geckodriver, WebKitWebDriver) on a free port,
/// stopped when dropped.
pub(crate) struct Driver {
    child: Child,
    pub(crate) port: u16,
}

impl Driver {
    fn start() -> Self {
        let program = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        Self::spawn(&program, |port| vec![format!("--port={port}")], &[])
    }

    /// Starts `program` with the arguments `args` gives for its port, and `env` set; waits
    /// until it listens.
    pub(crate) fn spawn(
        program: &str,
        args: impl Fn(u16) -> Vec<String>,
        env: &[(&str, String)],
    ) -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(program)
            .args(args(port))
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {program} ({e}); run scripts/setup"));
        let driver = Driver { child, port };
        let deadline = Instant::now() + Duration::from_secs(15);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "{program} did not start listening"
            );
            // Pacing only: polls until the driver listens, bounded by the deadline.
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

fn capabilities(width: u32, height: u32, extra_args: &[&str]) -> Capabilities {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let mut args = json!([
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // Smooth scrolling would move elements while WebDriver clicks them.
        "--force-prefers-reduced-motion",
        format!("--window-size={width},{height}"),
    ]);
    args.as_array_mut()
        .unwrap()
        .extend(extra_args.iter().map(|a| json!(a)));
    let mut options = json!({ "binary": chromium, "args": args });
    // Desktop Chromium will not make a window narrower than about 500px; phones are emulated.
    if width < 600 {
        options["mobileEmulation"] = json!({
            "deviceMetrics": { "width": width, "height": height, "pixelRatio": 1, "touch": false }
        });
    }
    let mut caps = Capabilities::new();
    caps.insert("goog:chromeOptions".into(), options);
    // Keep the console and the browser's own messages, for [`browser_log`].
    caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
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
    with_browser_configured(width, height, &[], test).await
}

/// Chromium's flag for a browser with JavaScript turned off. WebDriver's own scripts still run.
pub const NO_JAVASCRIPT: &[&str] = &["--blink-settings=scriptEnabled=false"];

/// Chromium's flags for a system set to dark mode.
pub const DARK_MODE: &[&str] = &[
    "--force-dark-mode",
    "--blink-settings=preferredColorScheme=0",
];

/// Like [`with_browser_sized`], with extra Chromium flags such as [`DARK_MODE`].
pub async fn with_browser_configured<F, Fut>(width: u32, height: u32, extra_args: &[&str], test: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let driver = Driver::start();
    let client = ClientBuilder::new(HttpConnector::new())
        .capabilities(capabilities(width, height, extra_args))
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

/// True once the boot script has loaded the wasm and hydrated the page's islands: it marks the
/// document (`<html data-hydrated>`) when `hydrate_page` has finished.
pub const HYDRATED: &str = "return document.documentElement.hasAttribute('data-hydrated')";

/// Waits for two animation frames, so that effects scheduled by what just happened have run.
pub async fn two_frames(client: &Client) {
    client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)))",
            vec![],
        )
        .await
        .unwrap_or_else(|e| panic!("waiting for two animation frames: {e}"));
}

/// Waits until the page has loaded and the browser has gone idle after it: `document.readyState`
/// is `complete`, two animation frames have passed (observers have delivered their first records,
/// effects the load scheduled have run), and then an idle period has begun
/// (`requestIdleCallback`: the tasks the load queued have all run). A test that asserts that
/// something did *not* happen waits for this first, so that the page has had its chance to do it
/// however slow the machine; no fixed delay could promise that.
pub async fn wait_until_idle(client: &Client) {
    wait_until(client, "return document.readyState === 'complete'").await;
    client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             requestAnimationFrame(() => requestAnimationFrame(() => \
               requestIdleCallback(() => done(true))))",
            vec![],
        )
        .await
        .unwrap_or_else(|e| panic!("waiting for the page to go idle: {e}"));
}

/// Asserts that the page's first frame is as tall as its content, within 3 px, as the host page
/// sees it: the frame reported its height, and the host set it. `what` names the case.
pub async fn assert_frame_fits_content(client: &Client, what: &str) {
    let frame = eval(
        client,
        "return document.querySelector('iframe').getBoundingClientRect().height",
    )
    .await;
    client.clone().enter_frame(0).await.unwrap();
    let content = eval(
        client,
        "return document.body.getBoundingClientRect().height",
    )
    .await;
    client.clone().enter_parent_frame().await.unwrap();
    let (frame, content) = (frame.as_f64().unwrap(), content.as_f64().unwrap());
    assert!(
        (frame - content).abs() <= 3.0,
        "{what}: frame {frame} px, content {content} px"
    );
}

/// Touches the page as a reader would (the loader fetches the code on the first sign of use),
/// then waits until its islands are hydrated and the reader's state (applied in effects after
/// hydration) is in place. The text shows long before.
pub async fn wait_for_hydration(client: &Client) {
    touch(client).await;
    wait_until(client, HYDRATED).await;
    two_frames(client).await;
}

/// Touches the page as a reader would (a pointer going down on it), which brings its code;
/// returns when, in the page's `performance.now()` milliseconds.
pub async fn touch(client: &Client) -> f64 {
    let script = "const t = performance.now(); \
        document.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })); return t";
    eval(client, script).await.as_f64().unwrap()
}

/// Opens `url`, touches it and waits for hydration.
pub async fn open(client: &Client, url: &str) {
    client
        .goto(url)
        .await
        .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    wait_for_hydration(client).await;
}

/// Opens `path` (which starts with `/`) on `server` and waits for hydration.
pub async fn open_page(client: &Client, server: &StaticServer, path: &str) {
    open(client, &server.url(path)).await;
}

/// Opens the frame's old address (`?embed=1` on the page itself) and checks that the loader
/// moved it to the frame page.
pub async fn open_old_frame_address(client: &Client, server: &StaticServer) {
    open_page(client, server, "/?embed=1").await;
    let url = client.current_url().await.unwrap();
    assert!(url.path().ends_with(&format!("/{FRAME_FILE}")), "{url}");
}

/// Reloads the page, touches it and waits for hydration again.
pub async fn reload(client: &Client) {
    client.refresh().await.unwrap();
    wait_for_hydration(client).await;
}

/// A script expression for the shadow root of the element with id `host`.
pub fn shadow_of(host: &str) -> String {
    format!("document.getElementById('{host}').shadowRoot")
}

/// Waits until the script embed in the element with id `host` has fetched the explainer into
/// its shadow root and every island in it is hydrated (or marked as failed, its module missing),
/// and two frames more. (The glossary's terms, which once became buttons only on hydration, are
/// buttons from the start since they are popovers: they no longer tell.)
pub async fn wait_for_embed(client: &Client, host: &str) {
    let root = shadow_of(host);
    wait_until(
        client,
        &format!(
            "const r = {root}; const islands = r ? [...r.querySelectorAll('leptos-island')] : []; \
             return islands.length > 0 && islands.every(i => {})",
            island_settled("i")
        ),
    )
    .await;
    two_frames(client).await;
}

/// Waits for an element matching `css` and scrolls it to the middle of the screen, as a reader
/// would, clear of the sticky bar at the top of phones.
pub async fn scrolled_to(client: &Client, css: &str) -> Element {
    let element = client
        .wait()
        .at_most(PATIENCE)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no element matches {css}: {e}"));
    let arg = serde_json::to_value(&element).unwrap();
    client
        .execute(
            "arguments[0].scrollIntoView({ block: 'center' })",
            vec![arg],
        )
        .await
        .unwrap();
    element
}

/// [`scrolled_to`] the element matching `css` and, if it is in a lazy island (hydrated only
/// when a reader comes near it), waits until that island is hydrated.
pub async fn reach(client: &Client, css: &str) -> Element {
    let element = scrolled_to(client, css).await;
    wait_until(
        client,
        &island_ready(&format!("document.querySelector({css:?})")),
    )
    .await;
    element
}

/// [`scrolled_to`] the element matching `css` in an island hydrated on a reader's touch
/// (`ON_TOUCH_ISLANDS`), clicks it, and waits until its island is hydrated.
pub async fn touch_island(client: &Client, css: &str) {
    scrolled_to(client, css).await;
    click(client, css).await;
    wait_until(
        client,
        &format!("return document.querySelector({css:?}).closest('leptos-island').hasAttribute('data-hydrated')"),
    )
    .await;
}

/// A script that is true when the element `element` (a script expression) is not in an island
/// hydrated on coming near (a lazy one not in `ON_TOUCH_ISLANDS`), or its island is hydrated.
pub fn island_ready(element: &str) -> String {
    let near = serde_json::to_string(&near_islands()).unwrap();
    format!(
        "const island = {element}.closest('leptos-island'); \
         return !island || !{near}.includes({}) || island.hasAttribute('data-hydrated')",
        component_name("island")
    )
}

/// A script expression for the component name of the island `island` (a script expression),
/// without the hash Leptos adds to it.
pub fn component_name(island: &str) -> String {
    format!("{island}.dataset.component.replace(/_[0-9]+$/, '')")
}

/// A script expression, true when the island `island` (a script expression) is hydrated or
/// marked as failed (its module could not be loaded).
pub fn island_settled(island: &str) -> String {
    format!(
        "({island}.hasAttribute('data-hydrated') || {island}.hasAttribute('{LOAD_FAILED_ATTRIBUTE}'))"
    )
}

/// A script expression, true once the static stylesheet (`static.css`: from `<noscript>`, or
/// added by the loader when the wasm cannot be loaded) is among the page's stylesheets.
pub fn static_css_added() -> String {
    format!("[...document.styleSheets].some(s => s.href && s.href.endsWith('/{STATIC_CSS_FILE}'))")
}

/// Types `text` into the field matching `css`, replacing what it held.
pub async fn fill(client: &Client, css: &str, text: &str) {
    let field = reach(client, css).await;
    field.clear().await.unwrap();
    if !text.is_empty() {
        field
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("cannot type into {css}: {e}"));
    }
}

/// Waits for an element matching `css` and returns its visible text.
pub async fn text_of(client: &Client, css: &str) -> String {
    reach(client, css).await.text().await.unwrap()
}

/// Runs `script` in the page and returns its result.
pub async fn eval(client: &Client, script: &str) -> serde_json::Value {
    client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("{script}: {e}"))
}

/// Polls `script` (which returns a boolean) until it is true; fails after [`PATIENCE`].
pub async fn wait_until(client: &Client, script: &str) {
    let deadline = Instant::now() + PATIENCE;
    while eval(client, script).await != serde_json::Value::Bool(true) {
        assert!(
            Instant::now() < deadline,
            "still false after {PATIENCE:?}: {script}"
        );
        // Pacing only: the condition itself is what the caller waits for.
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits for a file the browser writes (such as a download) and returns its text.
pub async fn wait_for_file(path: &std::path::Path) -> String {
    let deadline = Instant::now() + PATIENCE;
    loop {
        // Chromium writes a download under another name and renames it when complete.
        if let Ok(text) = std::fs::read_to_string(path) {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "{} did not appear within {PATIENCE:?}",
            path.display()
        );
        // Pacing only: polls until the file appears, bounded by PATIENCE.
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Clicks the element matching `css`.
pub async fn click(client: &Client, css: &str) {
    reach(client, css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
}

/// Clicks the element matching `css` from the page's side once a reader could see it. For text
/// inside a section opened by CSS (the full read), whose body keeps `hidden="until-found"` until
/// the page's code has followed: ChromeDriver can count such elements as not displayed, though the
/// reader sees them.
pub async fn click_shown(client: &Client, css: &str) {
    let element = format!("document.querySelector({css:?})");
    wait_until(client, &format!("return {element}.checkVisibility()")).await;
    eval(client, &format!("{element}.click(); return true")).await;
}

/// Scrolls the element matching `css` into view and clicks it at once, without waiting for any
/// island: for controls that need no code, on pages whose code does not run.
pub async fn click_now(client: &Client, css: &str) {
    let element = scrolled_to(client, css).await;
    element
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
}

/// Sends keys to the page as a whole, as when nothing has focus yet.
pub async fn press_on_page(client: &Client, keys: &str) {
    client
        .find(Locator::Css("body"))
        .await
        .unwrap()
        .send_keys(keys)
        .await
        .unwrap();
}

/// Sends keys to the element that has focus.
pub async fn press(client: &Client, keys: &str) {
    client
        .active_element()
        .await
        .unwrap()
        .send_keys(keys)
        .await
        .unwrap();
}

/// The id of the element that has focus.
pub async fn focused_id(client: &Client) -> String {
    let id = eval(
        client,
        "return document.activeElement && document.activeElement.id",
    )
    .await;
    id.as_str().unwrap_or_default().to_string()
}

/// WebDriver's codes for keys that have no character.
pub mod keys {
    pub const ENTER: &str = "\u{E007}";
    pub const ESCAPE: &str = "\u{E00C}";
    pub const SPACE: &str = "\u{E00D}";
    pub const LEFT: &str = "\u{E012}";
    pub const RIGHT: &str = "\u{E014}";
    pub const DOWN: &str = "\u{E015}";
    pub const TAB: &str = "\u{E004}";
}

/// Chromedriver's legacy log endpoint: the browser's messages since the last call.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}

/// What the page wrote to the console, and what the browser itself reported (failed loads,
/// policy violations, unused preloads, deprecations), since the last call: as
/// `LEVEL message`, with levels `SEVERE`, `WARNING`, `INFO` and `DEBUG`.
pub async fn browser_log(client: &Client) -> Vec<String> {
    let entries = client
        .issue_cmd(BrowserLog)
        .await
        .unwrap_or_else(|e| panic!("reading the browser's log: {e}"));
    entries
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|entry| {
            format!(
                "{} {}",
                entry["level"].as_str().unwrap_or("?"),
                entry["message"].as_str().unwrap_or("")
            )
        })
        .collect()
}

/// The browser's errors and warnings since the last call (see [`browser_log`]).
pub async fn errors_and_warnings(client: &Client) -> Vec<String> {
    browser_log(client)
        .await
        .into_iter()
        .filter(|line| line.starts_with("SEVERE") || line.starts_with("WARNING"))
        .collect()
}

/// A Chrome DevTools Protocol command, sent through chromedriver.
#[derive(Debug)]
struct Cdp {
    method: &'static str,
    params: serde_json::Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.method, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Sends a Chrome DevTools Protocol command and returns its result.
pub async fn cdp(
    client: &Client,
    method: &'static str,
    params: serde_json::Value,
) -> serde_json::Value {
    client
        .issue_cmd(Cdp { method, params })
        .await
        .unwrap_or_else(|e| panic!("{method}: {e}"))
}

/// Makes the page render as for `media` (such as `print`), as DevTools' rendering panel does.
pub async fn emulate_media(client: &Client, media: &str) {
    cdp(
        client,
        "Emulation.setEmulatedMedia",
        json!({ "media": media }),
    )
    .await;
}

/// Makes the browser tell pages, from the next navigation on, that its reader asks to save data
/// (`navigator.connection.saveData`, Chromium's Save-Data).
pub async fn save_data(client: &Client) {
    cdp(
        client,
        "Emulation.setDataSaverOverride",
        json!({ "dataSaverEnabled": true }),
    )
    .await;
}

/// Runs `script` in every page before the page's own scripts, from the next navigation on.
pub async fn before_each_page(client: &Client, script: &str) {
    cdp(
        client,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": script }),
    )
    .await;
}

/// Makes both of the page's storages throw, as in a sandboxed iframe or with storage blocked.
pub const BLOCK_STORAGE: &str = "for (const name of ['localStorage', 'sessionStorage']) { \
    Object.defineProperty(window, name, { get() { throw new DOMException('blocked', 'SecurityError'); } }); }";
