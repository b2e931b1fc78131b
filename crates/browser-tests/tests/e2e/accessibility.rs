//! Accessibility: axe-core (from npm, installed by scripts/setup) finds no violation of the
//! WCAG 2.0, 2.1 and 2.2 A and AA rules on the page as loaded, with everything open, with the
//! checklists in use, with "Embed this" open (at a phone's width too, in both editions), and in a
//! frame, in light and dark themes; and the keyboard reaches every
//! part in a sensible order with its focus always visible and no trap.

use fantoccini::Client;
use serde_json::{json, Value};

use explainer_browser_tests::browser::{
    click, eval, fill, keys, open_page, press, press_on_page, touch_island, wait_until,
    with_browser_configured, with_browser_sized, DARK_MODE,
};
use explainer_browser_tests::dist_dir;
use explainer_browser_tests::server::StaticServer;
use explainer_core::names::FRAME_FILE;

fn axe_source() -> String {
    let path = explainer_browser_tests::repo_dir().join("node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run scripts/setup", path.display()))
}

/// Runs axe on the page and fails with a readable list of violations, if any.
async fn assert_no_violations(client: &Client, state: &str) {
    client.execute(&axe_source(), vec![]).await.unwrap();
    let result = client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             axe.run(document, { runOnly: { type: 'tag', values: \
               ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } }) \
               .then(r => done(r.violations.map(v => ({ id: v.id, help: v.help, \
                 nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary) }))))",
            vec![],
        )
        .await
        .unwrap();
    let violations = result.as_array().cloned().unwrap_or_default();
    assert!(
        violations.is_empty(),
        "{state}: {}",
        serde_json::to_string_pretty(&Value::Array(violations)).unwrap()
    );
}

async fn audit(dark: bool) {
    let server = StaticServer::start(dist_dir());
    let args = if dark { DARK_MODE } else { &[] };
    let theme = if dark { "dark" } else { "light" };
    with_browser_configured(1280, 900, args, move |client| async move {
        open_page(&client, &server, "/").await;
        assert_no_violations(&client, &format!("{theme}, as loaded")).await;

        click(&client, "input[value=full]").await;
        click(&client, ".faq__toggle-all").await;
        click(&client, ".story-section__body .term").await;
        assert_no_violations(&client, &format!("{theme}, everything open")).await;

        click(&client, "input[name=plan-role][value=american-company]").await;
        click(&client, ".checklist__item input").await;
        click(&client, ".control--quiet").await;
        fill(&client, "#faq-filter", "trade").await;
        assert_no_violations(&client, &format!("{theme}, checklists and filter in use")).await;

        open_embed_this(&client).await;
        assert_no_violations(&client, &format!("{theme}, Embed this open")).await;

        open_page(&client, &server, &format!("/{FRAME_FILE}")).await;
        assert_no_violations(&client, &format!("{theme}, in a frame")).await;
    })
    .await;
}

/// Opens "Embed this" and waits for its preview to be sized to the part it shows.
async fn open_embed_this(client: &Client) {
    touch_island(client, ".embed-code__summary").await;
    wait_until(
        client,
        "const frame = document.querySelector('.embed-code__frame'); \
         return frame !== null && frame.style.height !== ''",
    )
    .await;
}

#[tokio::test]
async fn embed_this_opens_within_a_phones_column_reachable_by_keyboard_in_both_editions() {
    let server = StaticServer::start(dist_dir());
    for path in ["/", "/km/"] {
        let url = server.url(path);
        with_browser_sized(375, 812, move |client| async move {
            client.goto(&url).await.unwrap();
            open_embed_this(&client).await;
            let fits = eval(
                &client,
                "const box = document.querySelector('.embed-code__frame-box'); \
                 return [document.querySelector('.embed-code__frame').offsetWidth <= box.clientWidth, box.tabIndex]",
            )
            .await;
            assert_eq!(fits, json!([true, 0]), "{path}: the preview fits its column, and its box takes focus");
            assert_no_violations(&client, &format!("{path} at 375 px, Embed this open")).await;
        })
        .await;
    }
}

/// The Khmer edition, with the FAQ fully open.
async fn audit_khmer(dark: bool) {
    let server = StaticServer::start(dist_dir());
    let args = if dark { DARK_MODE } else { &[] };
    let theme = if dark { "dark" } else { "light" };
    with_browser_configured(1280, 900, args, move |client| async move {
        open_page(&client, &server, "/km/").await;
        assert_no_violations(&client, &format!("Khmer, {theme}, as loaded")).await;
        click(&client, ".faq__toggle-all").await;
        assert_no_violations(&client, &format!("Khmer, {theme}, the FAQ open")).await;
    })
    .await;
}

#[tokio::test]
async fn no_wcag_violations_on_the_khmer_page_in_light_mode() {
    audit_khmer(false).await;
}

#[tokio::test]
async fn no_wcag_violations_on_the_khmer_page_in_dark_mode() {
    audit_khmer(true).await;
}

#[tokio::test]
async fn no_wcag_violations_in_light_mode() {
    audit(false).await;
}

#[tokio::test]
async fn no_wcag_violations_in_dark_mode() {
    audit(true).await;
}

/// Describes the focused element, and whether it shows a focus outline.
const FOCUSED: &str = "const e = document.activeElement; const s = getComputedStyle(e); \
    return [e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ')[0] : '') \
            + (e.getAttribute('type') ? '[' + e.getAttribute('type') + ']' : ''), \
            s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2]";

/// Describes, as [`FOCUSED`] does, the last element in document order that Tab can reach.
const LAST_FOCUSABLE: &str = "const all = [...document.querySelectorAll(\
    'a[href], button, input, select, textarea, summary, [tabindex]')] \
    .filter(e => e.tabIndex >= 0 && !e.disabled && e.checkVisibility()); \
    const e = all[all.length - 1]; \
    return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ')[0] : '') \
            + (e.getAttribute('type') ? '[' + e.getAttribute('type') + ']' : '')";

#[tokio::test]
async fn the_keyboard_reaches_every_part_in_order_with_focus_always_visible() {
    let server = StaticServer::start(dist_dir());
    with_browser_configured(1280, 900, &[], move |client| async move {
        open_page(&client, &server, "/").await;

        // The first Tab stop is the skip link, and it takes the reader to the story.
        press_on_page(&client, keys::TAB).await;
        let first = eval(&client, FOCUSED).await;
        assert_eq!(first[0], json!("a.skip-link"), "{first}");
        press(&client, keys::ENTER).await;
        let focused = eval(&client, "return document.activeElement.id").await;
        assert_eq!(focused, json!("main"));

        // Tab through the whole page: every stop shows its focus, and none traps the reader.
        let mut stops: Vec<String> = Vec::new();
        let mut left_the_page = false;
        for _ in 0..400 {
            press(&client, keys::TAB).await;
            let now = eval(&client, FOCUSED).await;
            let name = now[0].as_str().unwrap().to_string();
            // Past the last stop, focus leaves the page (to the body): the end, not a trap.
            if name.starts_with("body") {
                left_the_page = true;
                break;
            }
            assert_eq!(now[1], json!(true), "no visible focus on {name}");
            stops.push(name);
        }
        assert!(
            left_the_page,
            "Tab never left the page after {} stops: {:?}",
            stops.len(),
            &stops[stops.len().saturating_sub(10)..]
        );
        // It left from the page's last control, having been everywhere in between once.
        let last = eval(&client, LAST_FOCUSABLE).await;
        assert_eq!(
            stops.last(),
            last.as_str().map(str::to_string).as_ref(),
            "{stops:?}"
        );
        let visited: std::collections::HashSet<&String> = stops.iter().collect();
        let unique_ids = stops.iter().filter(|s| s.contains('#')).count();
        let unique_visited = visited.iter().filter(|s| s.contains('#')).count();
        assert_eq!(
            unique_ids, unique_visited,
            "a control was reached twice: {stops:?}"
        );
        let at = |part: &str| {
            stops
                .iter()
                .position(|s| s.contains(part))
                .unwrap_or_else(|| panic!("{part} never focused: {stops:?}"))
        };
        let plan_checkbox = stops
            .iter()
            .position(|s| s.ends_with("[checkbox]") && !s.contains("section-toggle"))
            .unwrap_or_else(|| panic!("no checklist item focused: {stops:?}"));
        let order = [
            at("input[radio]"),
            at(".section-toggle__input[checkbox]"),
            plan_checkbox,
            at("#faq-filter"),
            at(".faq__button"),
            at("summary.embed-code__summary"),
        ];
        assert!(
            order.windows(2).all(|w| w[0] < w[1]),
            "out of order: {order:?} in {stops:?}"
        );
    })
    .await;
}
