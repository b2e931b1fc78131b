//! Embedding in news sites: an iframe of `embed.html` on a host page of another origin, sized
//! by `embed.js` and pym.js-style messages (the old `index.html?embed=1` address still works);
//! the script embed, hydrated in shadow roots immune to the host's CSS (and harmless to it),
//! two on one page, with a message and Retry when the explainer cannot be fetched; and a build
//! for a sub-path.

use fantoccini::Client;
use serde_json::{json, Value};

use explainer_browser_tests::browser::{
    eval, open_page, shadow_of, text_of, touch_island, wait_for_embed, wait_for_hydration,
    wait_until, with_browser,
};
use explainer_browser_tests::server::{Reply, StaticServer};
use explainer_browser_tests::{content, dist_dir, sub_path_dist_dir, SUB_PATH};
use explainer_core::names::{FRAGMENT_FILE, FRAME_CLASS, FRAME_FILE};

fn headline() -> String {
    content().story.headline.clone()
}

const FRAME_HEIGHT: &str = "return document.querySelector('iframe').getBoundingClientRect().height";

async fn frame_height(client: &Client) -> f64 {
    eval(client, FRAME_HEIGHT).await.as_f64().unwrap()
}

/// Runs `script` inside the first frame, once its islands are hydrated.
async fn inside_frame(client: &Client, script: &str) -> Value {
    client.clone().enter_frame(0).await.unwrap();
    wait_for_hydration(client).await;
    let value = eval(client, script).await;
    client.clone().enter_parent_frame().await.unwrap();
    value
}

/// The pym.js messages the host page received, as kept by [`RECORD_PYM`].
async fn pym_messages(client: &Client) -> Vec<String> {
    let messages = eval(client, "return pym").await;
    serde_json::from_value(messages).unwrap()
}

/// Keeps every string message the host page receives, in `window.pym`.
const RECORD_PYM: &str = "<script>window.pym = []; addEventListener('message', e => { if (typeof e.data === 'string') pym.push(e.data) });</script>";

#[tokio::test]
async fn an_iframe_on_another_origin_is_sized_to_its_content_as_it_changes() {
    let app = StaticServer::start(dist_dir());
    let base = app.url("/");
    let host = StaticServer::host_page(format!(
        "<!doctype html><html><head><style>iframe {{ height: 100% }}</style></head><body>\
         <p>Host article text.</p>\
         <iframe src=\"{base}{FRAME_FILE}?childId=story\" title=\"Explainer\" style=\"width:100%;border:0\"></iframe>\
         <iframe id=\"second\" src=\"{base}{FRAME_FILE}?childId=again&theme=dark\" title=\"Explainer again\" style=\"width:100%;border:0\"></iframe>\
         {RECORD_PYM}<script src=\"{base}embed.js\" async></script></body></html>"
    ));
    with_browser(move |client| async move {
        client.goto(&host.url("/host.html")).await.unwrap();
        wait_until(&client, &format!("{FRAME_HEIGHT} > 800")).await;
        let inner = "return [document.body.getBoundingClientRect().height, \
                     document.documentElement.scrollHeight - window.innerHeight]";
        let measure = inside_frame(&client, inner).await;
        let content = measure[0].as_f64().unwrap();
        assert!((frame_height(&client).await - content).abs() <= 3.0, "frame {} vs content {content}", frame_height(&client).await);
        assert!(measure[1].as_f64().unwrap() <= 1.0, "no scrollbar inside the frame: {measure}");

        // The second frame on the page is sized too, from its own messages, once it comes near
        // the viewport (Chromium pauses rendering in cross-origin frames that are off screen).
        eval(&client, "document.getElementById('second').scrollIntoView()").await;
        wait_until(&client, "return document.getElementById('second').getBoundingClientRect().height > 800").await;
        eval(&client, "window.scrollTo(0, 0)").await;

        // pym.js's form: `pymxPYMx<child id>xPYMxheightxPYMx<pixels>` (the child id is tested
        // below).
        let messages = pym_messages(&client).await;
        let heights: Vec<&String> = messages.iter().filter(|m| m.contains("xPYMxheightxPYMx")).collect();
        assert!(!heights.is_empty(), "{messages:?}");
        for message in &heights {
            let px = message.rsplit("xPYMx").next().unwrap();
            assert!(message.starts_with("pymxPYMx") && px.parse::<u32>().is_ok(), "{message}");
        }

        // Opening every answer makes the frame taller; closing them makes it short again.
        let before = frame_height(&client).await;
        inside_frame(&client, "document.querySelector('.faq__toggle-all').click()").await;
        wait_until(&client, &format!("return document.querySelector('iframe').getBoundingClientRect().height > {}", before + 200.0)).await;
        inside_frame(&client, "document.querySelector('.faq__toggle-all').click()").await;
        wait_until(&client, &format!("return Math.abs(document.querySelector('iframe').getBoundingClientRect().height - {before}) <= 3")).await;
    })
    .await;
}

#[tokio::test]
async fn the_frame_page_names_itself_by_the_child_id_pym_js_gives_it() {
    let app = StaticServer::start(dist_dir());
    let base = app.url("/");
    // pym.js's Parent adds `childId` (and more) to the frame's address; so may a host by hand.
    let host = StaticServer::host_page(format!(
        "<!doctype html><html><body>\
         <iframe src=\"{base}{FRAME_FILE}?initialWidth=800&childId=story&parentTitle=Host\" title=\"Explainer\" style=\"width:100%;border:0\"></iframe>\
         {RECORD_PYM}<script src=\"{base}embed.js\" async></script></body></html>"
    ));
    with_browser(move |client| async move {
        client.goto(&host.url("/host.html")).await.unwrap();
        wait_until(&client, &format!("{FRAME_HEIGHT} > 800")).await;
        let messages = pym_messages(&client).await;
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("pymxPYMxstoryxPYMxheightxPYMx")),
            "height messages name the frame's child id: {messages:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn contents_links_in_a_frame_ask_the_host_to_scroll() {
    let app = StaticServer::start(dist_dir());
    let base = app.url("/");
    let target = content().story.sections[8].id.clone();
    let host = StaticServer::host_page(format!(
        "<!doctype html><html><body><p>Host text.</p>\
         <iframe src=\"{base}{FRAME_FILE}\" title=\"Explainer\" style=\"width:100%;border:0\"></iframe>\
         <script src=\"{base}embed.js\" async></script></body></html>"
    ));
    with_browser(move |client| async move {
        client.goto(&host.url("/host.html")).await.unwrap();
        wait_until(
            &client,
            "return document.querySelector('iframe').getBoundingClientRect().height > 800",
        )
        .await;
        assert_eq!(eval(&client, "return window.scrollY").await, json!(0));
        client.clone().enter_frame(0).await.unwrap();
        wait_for_hydration(&client).await;
        eval(
            &client,
            &format!("document.querySelector(\".toc a[href='#{target}']\").click()"),
        )
        .await;
        let offset = eval(
            &client,
            &format!(
                "return document.getElementById('{target}').getBoundingClientRect().top + scrollY"
            ),
        )
        .await;
        client.clone().enter_parent_frame().await.unwrap();
        let expected = offset.as_f64().unwrap();
        let landed = format!(
            "const frame = document.querySelector('iframe'); \
             const want = Math.min(frame.getBoundingClientRect().top + scrollY + {expected}, \
                                   document.documentElement.scrollHeight - innerHeight); \
             return scrollY > 200 && Math.abs(scrollY - want) <= 5"
        );
        wait_until(&client, &landed).await;
    })
    .await;
}

/// A host stylesheet that restyles everything it can reach.
const AGGRESSIVE_CSS: &str = "* { color: rgb(255, 0, 0) !important; font-family: monospace !important; letter-spacing: 3px; } \
    button { background: rgb(0, 255, 0) !important; padding: 40px !important; } \
    h1, h2 { font-size: 80px !important; text-transform: uppercase; } body { line-height: 3; }";

fn script_host(base: &str, first_faq: &str) -> String {
    format!(
        "<!doctype html><html><head><style>{AGGRESSIVE_CSS}</style></head><body>\
         <h2 id=\"host-heading\">Host heading</h2><button id=\"host-button\">Host button</button>\
         <div data-explainer id=\"one\"></div>\
         <div data-explainer id=\"two\" data-explainer-theme=\"dark\" data-explainer-open=\"faq-{first_faq}\" style=\"--explainer-accent: rgb(1, 2, 3)\"></div>\
         <script type=\"module\" src=\"{base}embed.js\"></script></body></html>"
    )
}

/// Runs `script` with `r` bound to the shadow root of the element with id `host`.
async fn in_shadow(client: &Client, host: &str, script: &str) -> Value {
    eval(client, &format!("const r = {}; {script}", shadow_of(host))).await
}

#[tokio::test]
async fn the_script_embed_lives_in_shadow_roots_that_host_css_cannot_touch() {
    let app = StaticServer::start(dist_dir());
    let faq = content().faq[0].id.clone();
    let host = StaticServer::host_page(script_host(&app.url("/"), &faq));
    let headline = headline();
    with_browser(move |client| async move {
        client.goto(&host.url("/host.html")).await.unwrap();
        for id in ["one", "two"] {
            wait_for_embed(&client, id).await;
            let h1 = in_shadow(&client, id, "return r.querySelector('h1').textContent").await;
            assert_eq!(h1, json!(headline));
        }
        let inside = in_shadow(
            &client,
            "one",
            "const h1 = getComputedStyle(r.querySelector('h1')); const b = getComputedStyle(r.querySelector('button')); \
             const p = getComputedStyle(r.querySelector('.story-section__summary')); \
             return [h1.color, h1.fontFamily.includes('monospace'), h1.fontSize, p.letterSpacing, h1.textTransform, b.backgroundColor, b.paddingTop]",
        )
        .await;
        let inside = inside.as_array().unwrap();
        assert_ne!(inside[0], json!("rgb(255, 0, 0)"), "{inside:?}");
        assert_eq!(inside[1], json!(false), "{inside:?}");
        assert_ne!(inside[2], json!("80px"), "{inside:?}");
        assert_eq!(inside[3], json!("normal"), "{inside:?}");
        assert_eq!(inside[4], json!("none"), "{inside:?}");
        assert_ne!(inside[5], json!("rgb(0, 255, 0)"), "{inside:?}");
        assert_ne!(inside[6], json!("40px"), "{inside:?}");

        let host_styles = eval(
            &client,
            "return [getComputedStyle(document.getElementById('host-heading')).fontSize, \
             getComputedStyle(document.getElementById('host-button')).backgroundColor, \
             getComputedStyle(document.body).margin, document.title, \
             document.querySelectorAll('script[type=\"application/ld+json\"], .explainer').length]",
        )
        .await;
        assert_eq!(host_styles, json!(["80px", "rgb(0, 255, 0)", "8px", "", 0]), "the host is untouched");

        // The second embed took its options from its attributes.
        let second = in_shadow(
            &client,
            "two",
            &format!("return [r.querySelector('.explainer').dataset.theme, String(r.getElementById('faq-{faq}').open)]"),
        )
        .await;
        assert_eq!(second, json!(["dark", "true"]));
        let accent = in_shadow(&client, "two", "return getComputedStyle(r.querySelector('.story-header__kicker')).color").await;
        assert_eq!(accent, json!("rgb(1, 2, 3)"), "the host's accent colour reaches inside");
        // And they do not share ids or state: opening an answer in one leaves the other alone.
        in_shadow(&client, "one", "r.querySelector('.faq__toggle-all').click()").await;
        wait_until(&client, &format!("return {}.querySelectorAll('.faq__entry[open]').length > 3", shadow_of("one"))).await;
        let other = in_shadow(&client, "two", "return r.querySelectorAll('.faq__entry[open]').length").await;
        assert_eq!(other, json!(1));
    })
    .await;
}

#[tokio::test]
async fn the_script_embed_hydrates_in_two_shadow_roots_each_interactive() {
    let app = StaticServer::start(dist_dir());
    let faq = content().faq[2].id.clone();
    let section = content().story.sections[0].id.clone();
    let host = StaticServer::host_page(script_host(&app.url("/"), &content().faq[0].id));
    with_browser(move |client| async move {
        client.goto(&host.url("/host.html")).await.unwrap();
        for id in ["one", "two"] {
            wait_for_embed(&client, id).await;
            // A section opens by its toggle.
            in_shadow(&client, id, &format!("r.querySelector('#{section} .section-toggle').click()")).await;
            let opened = format!("return {}.getElementById('{section}-body').getBoundingClientRect().height > 1", shadow_of(id));
            wait_until(&client, &opened).await;
            // An answer opens by its question.
            in_shadow(&client, id, &format!("r.getElementById('faq-{faq}-button').click()")).await;
            let answered = format!("return {}.getElementById('faq-{faq}').open", shadow_of(id));
            wait_until(&client, &answered).await;
            // A glossary term shows its definition, and the term again closes it.
            in_shadow(&client, id, "r.querySelector('.term').click()").await;
            let definition = format!("{}.getElementById({}.querySelector('.term').getAttribute('popovertarget'))", shadow_of(id), shadow_of(id));
            wait_until(&client, &format!("return {definition}.matches(':popover-open')")).await;
            in_shadow(&client, id, "r.querySelector('.term').click()").await;
            wait_until(&client, &format!("return !{definition}.matches(':popover-open')")).await;
            // The filter narrows the questions.
            in_shadow(
                &client,
                id,
                "const f = r.getElementById('faq-filter'); f.value = 'zebra crossing'; \
                 f.dispatchEvent(new Event('input', { bubbles: true }))",
            )
            .await;
            wait_until(&client, &format!("return {}.querySelectorAll('.faq__entry:not([hidden])').length === 0", shadow_of(id))).await;
        }
        // What was done in the second did not reach the first.
        let first = in_shadow(&client, "one", "return r.querySelectorAll('.faq__entry:not([hidden])').length").await;
        assert_eq!(first, json!(0), "the first keeps its own filter");
        in_shadow(
            &client,
            "two",
            "const f = r.getElementById('faq-filter'); f.value = ''; f.dispatchEvent(new Event('input', { bubbles: true }))",
        )
        .await;
        wait_until(&client, &format!("return {}.querySelectorAll('.faq__entry:not([hidden])').length === {}", shadow_of("two"), content().faq.len())).await;
        let first = in_shadow(&client, "one", "return r.querySelectorAll('.faq__entry:not([hidden])').length").await;
        assert_eq!(first, json!(0), "clearing the second's filter leaves the first alone");
    })
    .await;
}

/// The host page for the failure tests: one script embed.
fn single_embed_host(base: &str) -> String {
    format!(
        "<!doctype html><html><body><div data-explainer id=\"one\"></div>\
         <script type=\"module\" src=\"{base}embed.js\"></script></body></html>"
    )
}

/// True once the embed in `#one` shows a failure message not yet marked as seen; marks it.
const NEW_FAILURE: &str = "const r = document.getElementById('one').shadowRoot; \
    const p = r && r.querySelector('.explainer-failure:not([data-seen])'); \
    if (!p) return false; p.dataset.seen = '1'; return true";

#[tokio::test]
async fn an_unreachable_explainer_says_so_in_the_host_and_retry_recovers() {
    let app = StaticServer::start(dist_dir());
    // The network fails: the connection closes with no answer at all.
    app.set(&format!("/{FRAGMENT_FILE}"), Reply::Hangup);
    let host = StaticServer::host_page(single_embed_host(&app.url("/")));
    let headline = headline();
    with_browser(move |client| async move {
        client.goto(&host.url("/host.html")).await.unwrap();
        wait_until(&client, NEW_FAILURE).await;
        let message = in_shadow(
            &client,
            "one",
            "const p = r.querySelector('.explainer-failure'); \
             return [p.getAttribute('role'), p.textContent, p.querySelector('button').textContent, r.querySelectorAll('.explainer').length]",
        )
        .await;
        assert_eq!(
            message,
            json!([
                "alert",
                "The explainer could not be loaded. Check your connection and try again. Retry",
                "Retry",
                0
            ])
        );

        // The server answers now, but with an error: Retry fails again, and says so again.
        app.set(&format!("/{FRAGMENT_FILE}"), Reply::Missing);
        in_shadow(&client, "one", "r.querySelector('.explainer-failure button').click()").await;
        wait_until(&client, NEW_FAILURE).await;
        assert_eq!(
            in_shadow(&client, "one", "return r.querySelectorAll('.explainer-failure').length").await,
            json!(1),
            "one message at a time"
        );

        // Back: Retry loads and hydrates the explainer in place of the message.
        app.reset(&format!("/{FRAGMENT_FILE}"));
        in_shadow(&client, "one", "r.querySelector('.explainer-failure button').click()").await;
        wait_for_embed(&client, "one").await;
        let shown = in_shadow(
            &client,
            "one",
            "return [r.querySelector('h1').textContent, r.querySelectorAll('.explainer-failure').length]",
        )
        .await;
        assert_eq!(shown, json!([headline, 0]));
        in_shadow(&client, "one", "r.querySelector('.faq__toggle-all').click()").await;
        wait_until(
            &client,
            &format!("return {}.querySelectorAll('.faq__entry[open]').length === {}", shadow_of("one"), content().faq.len()),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn a_sub_path_build_works_in_both_modes() {
    let app = StaticServer::start_under(sub_path_dist_dir(), SUB_PATH);
    let base = app.url(SUB_PATH);
    let host = StaticServer::host_page(format!(
        "<!doctype html><html><body>\
         <iframe src=\"{base}{FRAME_FILE}\" title=\"Explainer\" style=\"width:100%;border:0\"></iframe>\
         <div data-explainer id=\"mounted\"></div>\
         <script type=\"module\" src=\"{base}embed.js\"></script></body></html>"
    ));
    let headline = headline();
    with_browser(move |client| async move {
        client.goto(&host.url("/host.html")).await.unwrap();
        wait_for_embed(&client, "mounted").await;
        wait_until(
            &client,
            "return document.querySelector('iframe').getBoundingClientRect().height > 800",
        )
        .await;
        client.clone().enter_frame(0).await.unwrap();
        wait_for_hydration(&client).await;
        assert_eq!(text_of(&client, "h1").await, headline);
    })
    .await;
}

#[tokio::test]
async fn the_old_frame_address_moves_to_the_frame_page_with_its_options() {
    let app = StaticServer::start(dist_dir());
    let base = app.url("/");
    let host = StaticServer::host_page(format!(
        "<!doctype html><html><body><p>Host text.</p>\
         <iframe src=\"{base}?embed=1&childId=x&theme=dark#faq\" title=\"Explainer\" style=\"width:100%;border:0\"></iframe>\
         {RECORD_PYM}<script src=\"{base}embed.js\" async></script></body></html>"
    ));
    with_browser(move |client| async move {
        client.goto(&host.url("/host.html")).await.unwrap();
        wait_until(&client, &format!("{FRAME_HEIGHT} > 800")).await;
        let inside = inside_frame(
            &client,
            &format!("return [location.pathname, location.search, location.hash, \
             document.body.classList.contains('{FRAME_CLASS}'), document.querySelector('.explainer').dataset.theme]"),
        )
        .await;
        assert_eq!(
            inside,
            json!([format!("/{FRAME_FILE}"), "?embed=1&childId=x&theme=dark", "#faq", true, "dark"])
        );
        wait_until(&client, "return pym.some(m => m.startsWith('pymxPYMxxxPYMxheightxPYMx'))").await;
    })
    .await;
}

#[tokio::test]
async fn the_own_page_offers_both_snippets_and_the_demo_page_shows_both_modes() {
    let app = StaticServer::start(dist_dir());
    let base = app.url("/");
    let headline = headline();
    with_browser(move |client| async move {
        open_page(&client, &app, "/").await;
        // "Embed this" gets its code, which knows the address in use, when a reader opens it.
        touch_island(&client, ".embed-code__summary").await;
        let snippets = eval(&client, "return [...document.querySelectorAll('.embed-code__text')].map(t => t.textContent)").await;
        let snippets = snippets.as_array().unwrap();
        assert_eq!(snippets.len(), 2);
        let frame = snippets[0].as_str().unwrap();
        assert!(frame.starts_with(&format!("<iframe src=\"{base}{FRAME_FILE}\"")), "{frame}");
        assert!(frame.contains(&format!("<script src=\"{base}embed.js\" async></script>")), "{frame}");
        assert_eq!(
            snippets[1],
            json!(format!("<div data-explainer></div>\n<script type=\"module\" src=\"{base}embed.js\"></script>"))
        );

        open_page(&client, &app, &format!("/{FRAME_FILE}")).await;
        let chrome = "return document.querySelectorAll('.embed-code, .reading-progress').length";
        assert_eq!(eval(&client, chrome).await, json!(0), "no page chrome in a frame");

        client.goto(&app.url("/demo.html")).await.unwrap();
        wait_until(&client, "const r = document.querySelector('[data-explainer]').shadowRoot; return !!(r && r.querySelector('leptos-island[data-hydrated]'))").await;
        wait_until(&client, &format!("return document.querySelector('iframe[src$=\"/{FRAME_FILE}\"]').getBoundingClientRect().height > 800")).await;
        let mounted = eval(&client, "return document.querySelector('[data-explainer]').shadowRoot.querySelector('h1').textContent").await;
        assert_eq!(mounted, json!(headline));
        // And two parts alone: the key facts in a frame sized to them, the FAQ by the script.
        wait_until(&client, "const f = document.querySelector('iframe[src$=\"/embed/key-facts.html\"]'); \
            return f.style.height !== '' && f.getBoundingClientRect().height < 1500").await;
        wait_until(&client, "const r = document.querySelector('[data-explainer-part=\"faq\"]').shadowRoot; \
            return !!(r && r.querySelector('leptos-island[data-hydrated] .faq') && !r.querySelector('.story-section'))").await;
    })
    .await;
}
