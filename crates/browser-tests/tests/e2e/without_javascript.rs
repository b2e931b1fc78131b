//! Without JavaScript (turned off, or the wasm failing to load) the whole story reads, and every
//! control shown works: a section opens by its Read more and every section by the full read;
//! each FAQ question opens its answer; the glossary and the checklists show; each point of view
//! shows once chosen;
//! each glossary term opens its definition; every contents link lands (through the menu on a
//! phone); and no control that needs JavaScript is shown.

use fantoccini::Client;
use serde_json::json;

use explainer_browser_tests::browser::{
    click_now, eval, static_css_added, touch, wait_until, wait_until_idle, with_browser_configured,
    NO_JAVASCRIPT,
};
use explainer_browser_tests::server::{Reply, StaticServer};
use explainer_browser_tests::{content, dist_dir, shown_text, wasm_file};
use explainer_core::names::FRAME_FILE;

/// Each part of the page that must be readable (a CSS selector) and the words it must show.
fn readable_parts() -> Vec<(String, Vec<String>)> {
    let content = content();
    let story = &content.story;
    let mut parts = Vec::new();
    let mut header = vec![
        story.kicker.clone(),
        story.headline.clone(),
        shown_text(&story.standfirst),
    ];
    for fact in &story.key_facts {
        header.extend([fact.label.clone(), fact.value.clone()]);
    }
    parts.push((".story-header".to_string(), header));
    for section in &story.sections {
        let id = &section.id;
        parts.push((
            format!("#{id}"),
            vec![section.title.clone(), shown_text(&section.summary)],
        ));
        let mut body: Vec<String> = section.body.iter().map(|p| shown_text(p)).collect();
        if let Some(list) = &section.list {
            body.push(shown_text(&list.intro));
            body.extend(list.items.iter().map(|i| shown_text(i)));
        }
        if let Some(fact) = &section.fact {
            body.extend([fact.label.clone(), fact.value.clone()]);
        }
        parts.push((format!("#{id}-body"), body));
    }
    for entry in &content.faq {
        let id = &entry.id;
        parts.push((format!("#faq-{id}"), vec![entry.question.clone()]));
        parts.push((format!("#faq-{id}-answer"), vec![entry.answer.clone()]));
    }
    for entry in &content.glossary {
        parts.push((
            format!("#glossary-{}", entry.id),
            vec![entry.term.clone(), entry.definition.clone()],
        ));
    }
    for list in content.checklists.iter().flat_map(|c| &c.lists) {
        let mut words = vec![list.title.clone(), list.intro.clone()];
        for group in &list.groups {
            words.push(group.title.clone());
            words.extend(group.text.clone());
            words.extend(group.items.iter().map(|i| i.text.clone()));
        }
        parts.push((format!("#list-{}", list.id), words));
    }
    parts
}

/// Lists every part that is missing, not shown, or lacks some of its words (in any case:
/// `innerText` applies the styles' `text-transform`).
const UNREADABLE: &str = "const [parts] = arguments; \
    const norm = t => t.replace(/\\s+/g, ' ').trim().toLowerCase(); const problems = []; \
    for (const [css, texts] of parts) { \
      const el = document.querySelector(css); \
      if (!el) { problems.push(css + ': missing'); continue; } \
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) \
          || el.getBoundingClientRect().height < 1) { problems.push(css + ': not shown'); continue; } \
      const shown = norm(el.innerText); \
      for (const t of texts) if (!shown.includes(norm(t))) problems.push(css + ': lacks ' + JSON.stringify(t)); \
    } \
    return problems;";

/// Each point of view: the radio button that chooses it, and its panel with the words it shows.
fn points_of_view() -> Vec<(String, (String, Vec<String>))> {
    let mut out = Vec::new();
    for section in &content().story.sections {
        for tab in section.perspectives.iter().flat_map(|p| &p.tabs) {
            let mut panel = vec![shown_text(&tab.intro)];
            panel.extend(tab.items.iter().map(|i| shown_text(i)));
            panel.extend(tab.note.iter().map(|n| shown_text(n)));
            let ids = format!("#{}-{}", section.id, tab.id);
            out.push((format!("{ids}-choice"), (format!("{ids}-panel"), panel)));
        }
    }
    out
}

/// Controls that do nothing without JavaScript, and must not be shown then.
const JS_ONLY: &[&str] = &[
    ".js-only",
    ".reading-progress",
    ".faq__tools",
    ".faq__copy",
    ".checklists__tools",
    ".embed-code button",
];

/// Checks that everything reads and no control that needs JavaScript shows.
async fn assert_static_layout(client: &Client, state: &str) {
    // A section opens by its Read more, with no code.
    let first = &content().story.sections[0].id;
    let opened = format!(
        "return document.getElementById('{first}-body').getBoundingClientRect().height > 1"
    );
    assert_eq!(
        eval(client, &opened).await,
        json!(false),
        "{state}: the short read first"
    );
    click_now(client, &format!("#{first} .section-toggle")).await;
    assert_eq!(
        eval(client, &opened).await,
        json!(true),
        "{state}: Read more opens it"
    );
    // The full read opens every section, with no code; each question opens its answer.
    click_now(client, "input[name='reading-mode'][value='full']").await;
    for entry in &content().faq {
        click_now(client, &format!("#faq-{}-button", entry.id)).await;
    }
    let parts = readable_parts();
    let problems = client
        .execute(UNREADABLE, vec![json!(parts)])
        .await
        .unwrap();
    assert_eq!(problems, json!([]), "{state}: unreadable parts");
    // The points of view work with no code: choosing one shows its panel.
    for (choice, panel) in points_of_view() {
        click_now(client, &choice).await;
        let problems = client
            .execute(UNREADABLE, vec![json!([panel])])
            .await
            .unwrap();
        assert_eq!(problems, json!([]), "{state}: after choosing {choice}");
    }
    // So do the glossary terms: each opens its definition.
    let terms = eval(
        client,
        "return [...document.querySelectorAll('.story-section__body .term')].filter(t => t.checkVisibility()).map(t => t.id)",
    )
    .await;
    for id in terms.as_array().unwrap() {
        let id = id.as_str().unwrap();
        click_now(client, &format!("#{id}")).await;
        let open = format!(
            "return document.getElementById('{id}').nextElementSibling.matches(':popover-open')"
        );
        assert_eq!(
            eval(client, &open).await,
            json!(true),
            "{state}: {id} opens its definition"
        );
    }
    let shown = eval(
        client,
        &format!(
            "return [...document.querySelectorAll({:?})].filter(e => e.checkVisibility({{ visibilityProperty: true }})) \
             .map(e => e.outerHTML.slice(0, 80))",
            JS_ONLY.join(", ")
        ),
    )
    .await;
    assert_eq!(
        shown,
        json!([]),
        "{state}: controls that need JavaScript show"
    );
}

/// Follows every link of the contents, as a reader would, and checks that its target shows at
/// the top of the window, below its scroll margin (or the page is scrolled to its end).
async fn assert_contents_links_land(client: &Client, state: &str) {
    let targets = eval(
        client,
        "return [...document.querySelectorAll('.toc a')].map(a => a.getAttribute('href'))",
    )
    .await;
    let targets: Vec<String> = serde_json::from_value(targets).unwrap();
    let expected = explainer_browser_tests::content().story.sections.len() + 3;
    assert_eq!(
        targets.len(),
        expected,
        "{state}: sections, checklists, FAQ, glossary: {targets:?}"
    );
    for href in targets {
        let id = href
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("{href} is not a fragment"));
        eval(client, "window.scrollTo(0, 0)").await;
        // On a phone the contents are a menu: open it first (with no code, it stays open).
        let menu_closed = "return document.querySelector('.toc__toggle').checkVisibility() \
             && !document.getElementById('toc-list').matches(':popover-open')";
        if eval(client, menu_closed).await == json!(true) {
            click_now(client, ".toc__toggle").await;
        }
        click_now(client, &format!(".toc a[href='{href}']")).await;
        let landed = format!(
            "const e = document.getElementById('{id}'); if (!e || !e.checkVisibility()) return false; \
             const top = e.getBoundingClientRect().top - parseFloat(getComputedStyle(e).scrollMarginTop); \
             const end = Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight - 1; \
             return location.hash === '{href}' && (Math.abs(top) <= 2 || (end && top > 0 && top < innerHeight))"
        );
        wait_until(client, &landed).await;
    }
}

async fn without_javascript(width: u32) {
    let server = StaticServer::start(dist_dir());
    with_browser_configured(width, 900, NO_JAVASCRIPT, move |client| async move {
        client.goto(&server.url("/")).await.unwrap();
        let ran = eval(
            &client,
            "return [typeof window.wasmBindings, document.documentElement.hasAttribute('data-hydrated')]",
        )
        .await;
        assert_eq!(ran, json!(["undefined", false]), "no script ran");
        assert_static_layout(&client, &format!("{width}px, JavaScript off")).await;
        assert_contents_links_land(&client, &format!("{width}px, JavaScript off")).await;
    })
    .await;
}

#[tokio::test]
async fn with_javascript_off_everything_reads_and_no_control_shows_on_a_desktop() {
    without_javascript(1280).await;
}

#[tokio::test]
async fn with_javascript_off_everything_reads_and_no_control_shows_on_a_phone() {
    without_javascript(375).await;
}

#[tokio::test]
async fn the_frame_page_reads_without_javascript() {
    let server = StaticServer::start(dist_dir());
    with_browser_configured(1280, 900, NO_JAVASCRIPT, move |client| async move {
        client
            .goto(&server.url(&format!("/{FRAME_FILE}")))
            .await
            .unwrap();
        assert_static_layout(&client, &format!("{FRAME_FILE}, JavaScript off")).await;
    })
    .await;
}

/// True once the loader has added the static stylesheet and it applies.
fn static_styles_apply() -> String {
    format!(
        "return {} && getComputedStyle(document.querySelector('.faq__tools')).display === 'none'",
        static_css_added()
    )
}

#[tokio::test]
async fn when_the_wasm_fails_to_load_the_static_layout_applies() {
    let dist = dist_dir();
    let server = StaticServer::start(&dist);
    server.set(&format!("/{}", wasm_file(&dist)), Reply::Missing);
    with_browser_configured(1280, 900, &[], move |client| async move {
        client.goto(&server.url("/")).await.unwrap();
        touch(&client).await;
        wait_until(&client, &static_styles_apply()).await;
        assert_eq!(
            eval(&client, "return typeof window.wasmBindings").await,
            json!("undefined")
        );
        assert_static_layout(&client, "the wasm missing").await;
        assert_contents_links_land(&client, "the wasm missing").await;
    })
    .await;
}

#[tokio::test]
async fn when_the_wasm_glue_fails_to_load_the_static_layout_applies() {
    let dist = dist_dir();
    let glue = wasm_file(&dist).replace("_bg.wasm", ".js");
    let server = StaticServer::start(&dist);
    server.set(&format!("/{glue}"), Reply::Missing);
    with_browser_configured(1280, 900, &[], move |client| async move {
        client.goto(&server.url("/")).await.unwrap();
        touch(&client).await;
        wait_until(&client, &static_styles_apply()).await;
        assert_static_layout(&client, "the wasm's JavaScript missing").await;
    })
    .await;
}

#[tokio::test]
async fn with_every_script_blocked_the_page_works_as_without_javascript() {
    // JavaScript is on, so <noscript> does not apply, but no script of the page ever arrives
    // (a proxy, a failed host, an extension): nothing adds static.css either.
    let dist = dist_dir();
    let server = StaticServer::start(&dist);
    for entry in std::fs::read_dir(&dist).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".js") {
            server.set(&format!("/{name}"), Reply::Missing);
        }
    }
    for width in [1280, 375] {
        let url = server.url("/");
        with_browser_configured(width, 900, &[], move |client| async move {
            client.goto(&url).await.unwrap();
            // Loaded and idle: whatever could run has had its chance.
            wait_until_idle(&client).await;
            let ran = format!(
                "return [typeof window.wasmBindings, {}]",
                static_css_added()
            );
            assert_eq!(eval(&client, &ran).await, json!(["undefined", false]));
            let state = format!("{width}px, every script blocked");
            assert_static_layout(&client, &state).await;
            assert_contents_links_land(&client, &state).await;
        })
        .await;
    }
}

/// Kept from the loading tests: the page shows its content as built, under its title.
#[tokio::test]
async fn the_page_title_and_headline_come_from_the_content() {
    let server = StaticServer::start(dist_dir());
    with_browser_configured(1280, 900, NO_JAVASCRIPT, move |client| async move {
        client.goto(&server.url("/")).await.unwrap();
        let content = content();
        assert_eq!(client.title().await.unwrap(), content.labels.page_title);
        let shown = eval(
            &client,
            "return [document.querySelector('h1').textContent, document.querySelectorAll('.story-section').length]",
        )
        .await;
        assert_eq!(
            shown,
            json!([content.story.headline, content.story.sections.len()])
        );
    })
    .await;
}
