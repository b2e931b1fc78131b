//! Embedding in news sites: an iframe on a host page of another origin sized by `embed.js` and
//! pym.js-style messages, the script embed in shadow roots immune to the host's CSS (and
//! harmless to it), two embeds on one page, and a build for a sub-path.

use fantoccini::Client;
use serde_json::{json, Value};

use crate::support::browser::{eval, text_of, wait_until, with_browser};
use crate::support::server::{Reply, StaticServer};
use crate::support::{dist_dir, shipped_content};

/// A host page on its own origin (another port), empty but for `html` at `/host.html`.
fn host_page(html: String) -> StaticServer {
    let empty = std::env::temp_dir();
    let host = StaticServer::start(empty);
    host.set("/host.html", Reply::Body(html));
    host
}

fn headline() -> String {
    shipped_content()["story"]["headline"]
        .as_str()
        .unwrap()
        .to_string()
}

const FRAME_HEIGHT: &str = "return document.querySelector('iframe').getBoundingClientRect().height";

async fn frame_height(client: &Client) -> f64 {
    eval(client, FRAME_HEIGHT).await.as_f64().unwrap()
}

/// Inside the frame: the content's height, and whether the frame scrolls.
async fn inside_frame(client: &Client, script: &str) -> Value {
    client.clone().enter_frame(0).await.unwrap();
    let value = eval(client, script).await;
    client.clone().enter_parent_frame().await.unwrap();
    value
}

#[tokio::test]
async fn an_iframe_on_another_origin_is_sized_to_its_content_as_it_changes() {
    let app = StaticServer::start(dist_dir());
    let base = app.url("/");
    let host = host_page(format!(
        "<!doctype html><html><head><style>iframe {{ height: 100% }}</style></head><body>\
         <p>Host article text.</p>\
         <iframe src=\"{base}?embed=1&childId=story\" title=\"Explainer\" style=\"width:100%;border:0\"></iframe>\
         <iframe id=\"second\" src=\"{base}?embed=1&childId=again&theme=dark\" title=\"Explainer again\" style=\"width:100%;border:0\"></iframe>\
         <script>window.pym = []; addEventListener('message', e => {{ if (typeof e.data === 'string') pym.push(e.data) }});</script>\
         <script src=\"{base}embed.js\" async></script></body></html>"
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

        let messages = eval(&client, "return pym").await;
        let messages: Vec<String> = messages.as_array().unwrap().iter().map(|m| m.as_str().unwrap().to_string()).collect();
        let heights: Vec<&String> = messages.iter().filter(|m| m.starts_with("pymxPYMxstoryxPYMx")).collect();
        assert!(!heights.is_empty(), "{messages:?}");
        for message in &heights {
            let px = message.strip_prefix("pymxPYMxstoryxPYMxheightxPYMx").expect(message);
            assert!(px.parse::<u32>().is_ok(), "{message}");
        }

        // Opening every answer makes the frame taller; closing them makes it short again.
        let before = frame_height(&client).await;
        client.clone().enter_frame(0).await.unwrap();
        eval(&client, "document.querySelector('.faq__toggle-all').click()").await;
        client.clone().enter_parent_frame().await.unwrap();
        wait_until(&client, &format!("return document.querySelector('iframe').getBoundingClientRect().height > {}", before + 200.0)).await;
        client.clone().enter_frame(0).await.unwrap();
        eval(&client, "document.querySelector('.faq__toggle-all').click()").await;
        client.clone().enter_parent_frame().await.unwrap();
        wait_until(&client, &format!("return Math.abs(document.querySelector('iframe').getBoundingClientRect().height - {before}) <= 3")).await;
    })
    .await;
}

#[tokio::test]
async fn contents_links_in_a_frame_ask_the_host_to_scroll() {
    let app = StaticServer::start(dist_dir());
    let base = app.url("/");
    let target = shipped_content()["story"]["sections"][8]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let host = host_page(format!(
        "<!doctype html><html><body><p>Host text.</p>\
         <iframe src=\"{base}?embed=1\" title=\"Explainer\" style=\"width:100%;border:0\"></iframe>\
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

#[tokio::test]
async fn the_script_embed_lives_in_shadow_roots_that_host_css_cannot_touch() {
    let app = StaticServer::start(dist_dir());
    let faq = shipped_content()["faq"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let host = host_page(script_host(&app.url("/"), &faq));
    let headline = headline();
    with_browser(move |client| async move {
        client.goto(&host.url("/host.html")).await.unwrap();
        for id in ["one", "two"] {
            wait_until(&client, &format!("const r = document.getElementById('{id}').shadowRoot; return !!(r && r.querySelector('h1'))")).await;
            let h1 = eval(&client, &format!("return document.getElementById('{id}').shadowRoot.querySelector('h1').textContent")).await;
            assert_eq!(h1, json!(headline));
        }
        let inside = eval(
            &client,
            "const r = document.getElementById('one').shadowRoot; \
             const h1 = getComputedStyle(r.querySelector('h1')); const b = getComputedStyle(r.querySelector('button')); \
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
        let second = eval(
            &client,
            &format!("const r = document.getElementById('two').shadowRoot; \
             return [r.querySelector('.explainer').dataset.theme, r.getElementById('faq-{faq}-button').getAttribute('aria-expanded')]"),
        )
        .await;
        assert_eq!(second, json!(["dark", "true"]));
        let accent = eval(&client, "return getComputedStyle(document.getElementById('two').shadowRoot.querySelector('.story-header__kicker')).color").await;
        assert_eq!(accent, json!("rgb(1, 2, 3)"), "the host's accent colour reaches inside");
        // And they do not share ids or state: opening an answer in one leaves the other alone.
        eval(&client, "document.getElementById('one').shadowRoot.querySelector('.faq__toggle-all').click()").await;
        wait_until(&client, "return document.getElementById('one').shadowRoot.querySelectorAll('.faq__answer:not([hidden])').length > 3").await;
        let other = eval(&client, "return document.getElementById('two').shadowRoot.querySelectorAll('.faq__answer:not([hidden])').length").await;
        assert_eq!(other, json!(1));
    })
    .await;
}

#[tokio::test]
async fn a_sub_path_build_works_in_both_modes() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/dist-sub-path");
    let app = StaticServer::start_under(root, "/graphics/explainer/");
    let base = app.url("/graphics/explainer/");
    let host = host_page(format!(
        "<!doctype html><html><body>\
         <iframe src=\"{base}?embed=1\" title=\"Explainer\" style=\"width:100%;border:0\"></iframe>\
         <div data-explainer id=\"mounted\"></div>\
         <script type=\"module\" src=\"{base}embed.js\"></script></body></html>"
    ));
    let headline = headline();
    with_browser(move |client| async move {
        client.goto(&host.url("/host.html")).await.unwrap();
        wait_until(&client, "const r = document.getElementById('mounted').shadowRoot; return !!(r && r.querySelector('h1'))").await;
        wait_until(&client, "return document.querySelector('iframe').getBoundingClientRect().height > 800").await;
        client.clone().enter_frame(0).await.unwrap();
        assert_eq!(text_of(&client, "h1").await, headline);
    })
    .await;
}

#[tokio::test]
async fn the_own_page_offers_both_snippets_and_the_demo_page_shows_both_modes() {
    let app = StaticServer::start(dist_dir());
    let base = app.url("/");
    let headline = headline();
    with_browser(move |client| async move {
        client.goto(&app.url("/")).await.unwrap();
        text_of(&client, "h1").await;
        let snippets = eval(&client, "return [...document.querySelectorAll('.embed-code__text')].map(t => t.value)").await;
        let snippets = snippets.as_array().unwrap();
        assert_eq!(snippets.len(), 2);
        let frame = snippets[0].as_str().unwrap();
        assert!(frame.starts_with(&format!("<iframe src=\"{base}?embed=1\"")), "{frame}");
        assert!(frame.contains(&format!("<script src=\"{base}embed.js\" async></script>")), "{frame}");
        assert_eq!(
            snippets[1],
            json!(format!("<div data-explainer></div>\n<script type=\"module\" src=\"{base}embed.js\"></script>"))
        );

        client.goto(&app.url("/?embed=1")).await.unwrap();
        text_of(&client, "h1").await;
        let chrome = "return document.querySelectorAll('.embed-code, .reading-progress').length";
        assert_eq!(eval(&client, chrome).await, json!(0), "no page chrome in a frame");

        client.goto(&app.url("/demo.html")).await.unwrap();
        wait_until(&client, "const r = document.querySelector('[data-explainer]').shadowRoot; return !!(r && r.querySelector('h1'))").await;
        wait_until(&client, "return document.querySelector('iframe').getBoundingClientRect().height > 800").await;
        let mounted = eval(&client, "return document.querySelector('[data-explainer]').shadowRoot.querySelector('h1').textContent").await;
        assert_eq!(mounted, json!(headline));
    })
    .await;
}
