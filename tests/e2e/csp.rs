//! A strict Content-Security-Policy: the page and the frame run under it, used in full, with no
//! violation and no console error.

use fantoccini::Client;
use serde_json::json;

use crate::support::browser::{before_each_page, click, eval, text_of, with_browser};
use crate::support::dist_dir;
use crate::support::server::StaticServer;

/// The policy the README recommends for hosting the explainer.
const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
    img-src 'self' data:; font-src 'self'; connect-src 'self'";

/// Records policy violations, console errors and uncaught errors, from before the page loads.
const RECORD_PROBLEMS: &str = "window.__problems = []; \
    document.addEventListener('securitypolicyviolation', e => __problems.push('CSP ' + e.violatedDirective + ' ' + e.blockedURI)); \
    addEventListener('error', e => __problems.push('error ' + e.message)); \
    addEventListener('unhandledrejection', e => __problems.push('rejection ' + e.reason)); \
    const original = console.error; console.error = (...a) => { __problems.push('console ' + a.join(' ')); original(...a); };";

async fn no_problems(client: &Client, state: &str) {
    let problems = eval(client, "return window.__problems").await;
    assert_eq!(problems, json!([]), "{state}");
}

#[tokio::test]
async fn the_page_and_the_frame_run_under_a_strict_policy() {
    let server = StaticServer::start(dist_dir());
    server.add_header("Content-Security-Policy", POLICY);
    with_browser(move |client| async move {
        before_each_page(&client, RECORD_PROBLEMS).await;
        client.goto(&server.url("/")).await.unwrap();
        text_of(&client, "h1").await;
        click(&client, "input[value=full]").await;
        click(&client, ".story-section__body .term").await;
        click(&client, ".faq__toggle-all").await;
        click(&client, "input[name=plan-role][value=following]").await;
        click(&client, ".checklist__item input").await;
        let bar = eval(
            &client,
            "return document.querySelector('.checklist .progress__bar').style.transform",
        )
        .await;
        assert_ne!(bar, json!(""), "styles set from code still apply");
        no_problems(&client, "the page").await;

        client.goto(&server.url("/?embed=1")).await.unwrap();
        text_of(&client, "h1").await;
        click(&client, ".faq__toggle-all").await;
        no_problems(&client, "the frame").await;
    })
    .await;
}

#[test]
fn the_served_page_has_no_inline_script_or_style() {
    let page = std::fs::read_to_string(dist_dir().join("index.html")).unwrap();
    assert!(!page.contains("style="), "{page}");
    let scripts: Vec<&str> = page.split("<script").skip(1).collect();
    assert!(!scripts.is_empty());
    for script in scripts {
        let tag = script.split('>').next().unwrap();
        assert!(tag.contains(" src="), "inline script: <script{tag}>");
    }
}
