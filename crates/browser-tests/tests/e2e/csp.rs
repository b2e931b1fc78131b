//! A strict Content-Security-Policy: the page and the frame run under it, used in full, with no
//! violation and no console error.

use fantoccini::Client;
use serde_json::json;

use explainer_browser_tests::browser::{
    before_each_page, click, errors_and_warnings, eval, open_old_frame_address, open_page,
    with_browser,
};
use explainer_browser_tests::bundle::{parse, select};
use explainer_browser_tests::dist_dir;
use explainer_browser_tests::server::StaticServer;
use explainer_core::names::{FRAGMENT_FILE, FRAME_FILE, PAGE_FILE};

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
    // And none the browser reported itself (a blocked load, for one).
    assert_eq!(
        errors_and_warnings(client).await,
        Vec::<String>::new(),
        "{state}"
    );
}

#[tokio::test]
async fn the_page_and_the_frame_run_under_a_strict_policy() {
    let server = StaticServer::start(dist_dir());
    server.add_header("Content-Security-Policy", POLICY);
    with_browser(move |client| async move {
        before_each_page(&client, RECORD_PROBLEMS).await;
        open_page(&client, &server, "/").await;
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

        // The old frame address, moved to the frame page by the loader.
        open_old_frame_address(&client, &server).await;
        click(&client, ".faq__toggle-all").await;
        no_problems(&client, "the frame").await;
    })
    .await;
}

/// The start tag of `element`, for messages.
fn start_tag(element: &scraper::ElementRef) -> String {
    let html = element.html();
    html[..html.find('>').map_or(html.len(), |end| end + 1)].to_string()
}

#[test]
fn the_served_pages_have_no_inline_script_or_style() {
    for name in [PAGE_FILE, FRAME_FILE, FRAGMENT_FILE] {
        // Parsed as with scripting off: what a `<noscript>` holds is checked too.
        let page = parse(&std::fs::read_to_string(dist_dir().join(name)).unwrap());
        let styled: Vec<String> = select(&page, "[style], style")
            .iter()
            .map(start_tag)
            .collect();
        assert_eq!(styled, Vec::<String>::new(), "{name}: inline styles");
        for script in select(&page, "script") {
            // Data, not code: the JSON-LD, and the block naming the code for the script embed.
            let kind = script.value().attr("type").unwrap_or_default();
            if kind == "application/ld+json" || kind == "application/json" {
                continue;
            }
            assert!(
                script.value().attr("src").is_some(),
                "{name}: inline script: {}",
                start_tag(&script)
            );
        }
    }
    let index = parse(&std::fs::read_to_string(dist_dir().join(PAGE_FILE)).unwrap());
    assert!(
        !select(&index, "script[type=module][src]").is_empty(),
        "the loader is a file"
    );
}
