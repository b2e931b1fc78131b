//! The lazy islands (the FAQ, the checklists, the embed panel): a reader at the top of the page
//! loads none of their code; coming near one loads its module and hydrates it; a link followed
//! before then still opens its part; a module that cannot be loaded leaves the page readable.

use fantoccini::Client;
use serde_json::json;

use crate::support::browser::{
    click, click_now, errors_and_warnings, eval, open_page, wait_until, with_browser,
};
use crate::support::server::{Reply, StaticServer};
use crate::support::{content, dist_dir, file_named};

/// The names of the lazy modules the page has fetched so far.
async fn lazy_modules_fetched(client: &Client) -> serde_json::Value {
    eval(
        client,
        "return performance.getEntriesByType('resource').map(r => r.name.split('/').pop()) \
         .filter(n => n.endsWith('.wasm') && !n.includes('_bg.'))",
    )
    .await
}

/// The file name, in `dist/`, of the module split out for the FAQ.
fn faq_module() -> String {
    file_named(&dist_dir(), "split_faq_island_loader_", ".wasm")
}

#[tokio::test]
async fn a_reader_at_the_top_loads_the_faq_only_on_coming_near_it() {
    let server = StaticServer::start(dist_dir());
    let id = content().faq[0].id.clone();
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        // Time enough for anything eager to have arrived.
        wait_until(&client, "return performance.now() > 1500").await;
        assert_eq!(lazy_modules_fetched(&client).await, json!([]));
        assert_eq!(
            eval(
                &client,
                "return document.querySelectorAll('leptos-island[data-hydrated]:is([data-component^=FaqIsland_], [data-component^=Checklists_], [data-component^=EmbedCode_])').length"
            )
            .await,
            json!(0)
        );

        click(&client, &format!("#faq-{id}-button")).await;
        wait_until(
            &client,
            &format!("return document.getElementById('faq-{id}').open"),
        )
        .await;
        let fetched = lazy_modules_fetched(&client).await;
        assert!(
            fetched
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m.as_str() == Some(&faq_module())),
            "{fetched}"
        );
        assert_eq!(errors_and_warnings(&client).await, Vec::<String>::new());
    })
    .await;
}

#[tokio::test]
async fn a_link_followed_before_the_faq_is_hydrated_opens_its_answer() {
    let server = StaticServer::start(dist_dir());
    let id = content().faq[4].id.clone();
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        // As a link in the page would: the browser jumps to the entry, near which the FAQ
        // hydrates and then opens the answer the address names.
        eval(&client, &format!("location.hash = 'faq-{id}'")).await;
        wait_until(
            &client,
            &format!(
                "return document.getElementById('faq-{id}').open && \
                 document.getElementById('faq-{id}').open"
            ),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn a_lazy_module_that_cannot_load_leaves_its_part_readable_and_the_rest_working() {
    let server = StaticServer::start(dist_dir());
    server.set(&format!("/{}", faq_module()), Reply::Hangup);
    let last = content().faq.last().unwrap().id.clone();
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        eval(&client, "document.getElementById('faq').scrollIntoView()").await;
        // The FAQ keeps its static layout and says why; the rest of the page keeps its own.
        wait_until(
            &client,
            "return document.querySelector('leptos-island[data-load-failed] #faq') !== null \
             && getComputedStyle(document.querySelector('#faq').closest('leptos-island').previousElementSibling).display !== 'none'",
        )
        .await;
        // Its questions still open their answers, with no code.
        click_now(&client, &format!("#faq-{last}-button")).await;
        wait_until(&client, &format!("return document.getElementById('faq-{last}').open")).await;
        assert_eq!(
            eval(&client, "return [...document.styleSheets].some(s => s.href && s.href.endsWith('/static.css'))").await,
            json!(false)
        );
        let logged = errors_and_warnings(&client).await;
        assert!(
            logged.iter().any(|line| line.contains("could not be loaded")),
            "{logged:?}"
        );
        // The islands already hydrated still work: the reading switch and the glossary's terms.
        click(&client, "input[name='reading-mode'][value='full']").await;
        click(&client, ".story-section__body .term").await;
        wait_until(
            &client,
            "return document.querySelector('.story-section__body .term + .term__definition').matches(':popover-open')",
        )
        .await;
        // And another lazy island still loads and works when a reader comes to it.
        click(&client, ".checklist input[type=checkbox]").await;
        wait_until(&client, "return document.querySelector('.checklist input[type=checkbox]').checked").await;
        wait_until(&client, "return document.querySelector('leptos-island[data-hydrated] #checklists') !== null").await;
    })
    .await;
}
