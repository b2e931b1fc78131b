//! A strict Content-Security-Policy: the page and the frame run under it, used in full, with no
//! violation and no console error.

use fantoccini::Client;
use serde_json::json;

use explainer_browser_tests::browser::{
    before_each_page, click, errors_and_warnings, eval, open_page, with_browser,
};
use explainer_browser_tests::dist_dir;
use explainer_browser_tests::server::StaticServer;

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
        open_page(&client, &server, "/?embed=1").await;
        assert!(client
            .current_url()
            .await
            .unwrap()
            .path()
            .ends_with("/embed.html"));
        click(&client, ".faq__toggle-all").await;
        no_problems(&client, "the frame").await;
    })
    .await;
}

/// The tags of an HTML page (what lies between `<` and `>`; text holds `&lt;` instead).
fn tags(page: &str) -> impl Iterator<Item = &str> {
    page.split('<')
        .skip(1)
        .map(|rest| rest.split('>').next().unwrap())
}

#[test]
fn the_served_pages_have_no_inline_script_or_style() {
    for name in ["index.html", "embed.html", "fragment.html"] {
        let page = std::fs::read_to_string(dist_dir().join(name)).unwrap();
        let styled: Vec<&str> = tags(page.as_str())
            .filter(|tag| tag.contains(" style=") || tag.starts_with("style"))
            .collect();
        assert_eq!(styled, Vec::<&str>::new(), "{name}: inline styles");
        for tag in tags(page.as_str()).filter(|tag| tag.starts_with("script")) {
            // Data, not code: the JSON-LD, and the block naming the code for the script embed.
            if tag.contains("type=\"application/ld+json\"")
                || tag.contains("type=\"application/json\"")
            {
                continue;
            }
            assert!(tag.contains(" src="), "{name}: inline script: <{tag}>");
        }
    }
    let index = std::fs::read_to_string(dist_dir().join("index.html")).unwrap();
    assert!(
        tags(&index).any(|tag| tag.starts_with("script type=\"module\" src=")),
        "the loader is a file"
    );
}
