//! Hosts that publish through a CMS: WordPress framing an oEmbed answer its own way (only the
//! iframe, `sandbox="allow-scripts"`, `#?secret=` on the address, and a listener that sizes the
//! frame from `{message: "height", value, secret}`, clamped to 200–1000 px, and sends
//! `{message: "ready", secret}` once loaded), as `wp-includes/js/wp-embed.js` documents it.

use fantoccini::Client;
use serde_json::json;

use explainer_browser_tests::browser::{errors_and_warnings, eval, wait_until, with_browser};
use explainer_browser_tests::server::StaticServer;
use explainer_browser_tests::{content, dist_dir};

const SECRET: &str = "Ab3dE5gH9k";

/// A host page as WordPress writes one for an oEmbed answer whose frame is `src`, with a
/// listener written from WordPress's protocol; `window.heights` keeps every height it set.
fn wordpress_host(src: &str) -> String {
    format!(
        "<!doctype html><html><head><link rel=\"icon\" href=\"data:,\"></head><body><p>A post.</p>\
         <iframe class=\"wp-embedded-content\" sandbox=\"allow-scripts\" security=\"restricted\" \
          src=\"{src}#?secret={SECRET}\" data-secret=\"{SECRET}\" width=\"600\" height=\"338\" \
          title=\"Explainer\" frameborder=\"0\" marginwidth=\"0\" marginheight=\"0\"></iframe>\
         <script>\
         window.heights = [];\
         addEventListener('message', function (e) {{\
           var data = e.data;\
           if (!data || !(data.secret || data.message || data.value)) return;\
           if (/[^a-zA-Z0-9]/.test(data.secret)) return;\
           document.querySelectorAll('iframe[data-secret=\"' + data.secret + '\"]').forEach(function (frame) {{\
             if (e.source !== frame.contentWindow || data.message !== 'height') return;\
             var height = parseInt(data.value, 10);\
             if (height > 1000) height = 1000; else if (~~height < 200) height = 200;\
             frame.height = height; heights.push(height);\
           }});\
         }});\
         addEventListener('load', function () {{\
           document.querySelectorAll('iframe[data-secret]').forEach(function (frame) {{\
             frame.contentWindow.postMessage({{ message: 'ready', secret: frame.getAttribute('data-secret') }}, '*');\
           }});\
         }});\
         </script></body></html>"
    )
}

/// Runs `script` inside the host's frame.
async fn in_frame(client: &Client, script: &str) -> serde_json::Value {
    client.clone().enter_frame(0).await.unwrap();
    let value = eval(client, script).await;
    client.clone().enter_parent_frame().await.unwrap();
    value
}

#[tokio::test]
async fn wordpress_sizes_a_part_from_its_messages_and_the_code_runs_in_the_sandbox() {
    let app = StaticServer::start(dist_dir());
    let host = StaticServer::host_page(wordpress_host(&app.url("/embed/key-facts.html")));
    with_browser(move |client| async move {
        client.goto(&host.url("/host.html")).await.unwrap();
        wait_until(&client, "return heights.length > 0").await;
        // The frame's own code ran under the sandbox (an opaque origin: every module a CORS
        // request) and the height it reports is its content's, which WordPress set.
        client.clone().enter_frame(0).await.unwrap();
        wait_until(&client, "return document.documentElement.hasAttribute('data-hydrated')").await;
        let (origin, content) = (
            eval(&client, "return self.origin").await,
            eval(&client, "return Math.ceil(document.body.getBoundingClientRect().height)").await,
        );
        client.clone().enter_parent_frame().await.unwrap();
        assert_eq!(origin, json!("null"), "the frame is sandboxed");
        let content = content.as_f64().unwrap().clamp(200.0, 1000.0);
        wait_until(&client, &format!("return Number(document.querySelector('iframe').height) === {content}")).await;
        // Styled: the stylesheet loaded into the opaque origin too.
        let font = in_frame(&client, "return getComputedStyle(document.querySelector('h1, h2')).fontFamily").await;
        assert!(!font.as_str().unwrap_or_default().contains("Times"), "unstyled: {font}");
        // A link that would open a new tab (the part's line naming the explainer) opens in the
        // frame instead: the sandbox allows no popups.
        let target = in_frame(&client, "const a = document.querySelector('a[target=\"_blank\"]'); a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: false })); return a.target").await;
        assert_eq!(target, json!("_self"));
        let errors = errors_and_warnings(&client).await;
        assert!(errors.iter().all(|e| !e.starts_with("SEVERE")), "{errors:#?}");
    })
    .await;
}

#[tokio::test]
async fn wordpress_caps_the_whole_explainer_which_scrolls_inside_and_keeps_the_plan_for_the_visit()
{
    let app = StaticServer::start(dist_dir());
    let host = StaticServer::host_page(wordpress_host(&app.url("/embed/checklists.html")));
    let checklists = content().checklists.clone().unwrap();
    let first = checklists.lists[0].groups[0].items[0].id.clone();
    let notice = checklists.labels.storage_unavailable.clone();
    with_browser(move |client| async move {
        client.goto(&host.url("/host.html")).await.unwrap();
        wait_until(&client, "return heights.includes(1000)").await;
        assert_eq!(eval(&client, "return document.querySelector('iframe').height").await, json!("1000"));
        client.clone().enter_frame(0).await.unwrap();
        wait_until(&client, "return document.documentElement.hasAttribute('data-hydrated')").await;
        // Taller than WordPress's cap: the reader scrolls inside the frame.
        let scrollable = eval(&client, "return document.documentElement.scrollHeight > innerHeight && getComputedStyle(document.documentElement).overflowY !== 'hidden'").await;
        assert_eq!(scrollable, json!(true));
        // No storage in an opaque origin: ticks last for the visit, and the checklists say so.
        wait_until(&client, &format!("const n = document.querySelector('.checklists__notice'); return !n.hidden && n.innerText.includes({notice:?})")).await;
        eval(&client, &format!("document.getElementById('item-{first}').click(); return true")).await;
        wait_until(&client, &format!("return document.getElementById('item-{first}').checked")).await;
    })
    .await;
}
