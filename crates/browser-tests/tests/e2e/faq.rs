//! The FAQ: the accordion by mouse and keyboard, Show all / Hide all, deep links, copying a
//! link, the filter, JSON-LD, remembered answers, and storage that is unavailable.

use serde_json::{json, Value};

use explainer_core::content::model::{FaqEntry, Labels};

use explainer_browser_tests::browser::{
    before_each_page, cdp, click, eval, fill, focused_id, island_ready, keys, open_page, press,
    reload, text_of, wait_until, with_browser, BLOCK_STORAGE,
};
use explainer_browser_tests::server::StaticServer;
use explainer_browser_tests::{content, dist_dir, storage_keys};

fn faq() -> &'static [FaqEntry] {
    &content().faq
}

fn labels() -> &'static Labels {
    &content().labels
}

fn faq_id(entry: &FaqEntry) -> String {
    entry.id.clone()
}

fn answer_open(id: &str, open: bool) -> String {
    format!("return document.getElementById('faq-{id}').open === {open}")
}

const OPEN_ANSWERS: &str = "return document.querySelectorAll('.faq__entry[open]').length";
const SHOWN_ENTRIES: &str = "return document.querySelectorAll('.faq__entry:not([hidden])').length";

#[tokio::test]
async fn a_question_toggles_by_click_enter_and_space() {
    let server = StaticServer::start(dist_dir());
    let id = faq_id(&faq()[0]);
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        assert_eq!(eval(&client, &answer_open(&id, false)).await, json!(true));
        // The question is the summary of the entry's <details>, and holds its heading.
        let shape = format!(
            "const s = document.getElementById('faq-{id}-button'); \
             return [s.tagName, s.parentElement.tagName, s.firstElementChild.tagName]"
        );
        assert_eq!(
            eval(&client, &shape).await,
            json!(["SUMMARY", "DETAILS", "H3"])
        );
        click(&client, &format!("#faq-{id}-button")).await;
        wait_until(&client, &answer_open(&id, true)).await;
        assert_eq!(focused_id(&client).await, format!("faq-{id}-button"));
        press(&client, keys::ENTER).await;
        wait_until(&client, &answer_open(&id, false)).await;
        press(&client, keys::SPACE).await;
        wait_until(&client, &answer_open(&id, true)).await;
        assert_eq!(eval(&client, OPEN_ANSWERS).await, json!(1));
    })
    .await;
}

#[tokio::test]
async fn show_all_and_hide_all_follow_the_state() {
    let server = StaticServer::start(dist_dir());
    let total = faq().len();
    let (show, hide) = (labels().faq_show_all.clone(), labels().faq_hide_all.clone());
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        let toggle = ".faq__toggle-all";
        let state = format!("const b = document.querySelector('{toggle}'); return [b.textContent, b.getAttribute('aria-expanded')]");
        assert_eq!(eval(&client, &state).await, json!([show, "false"]));
        click(&client, toggle).await;
        wait_until(&client, &format!("{OPEN_ANSWERS} === {total}")).await;
        assert_eq!(eval(&client, &state).await, json!([hide, "true"]));
        click(&client, toggle).await;
        wait_until(&client, &format!("{OPEN_ANSWERS} === 0")).await;
        assert_eq!(eval(&client, &state).await, json!([show, "false"]));

        // Opening every answer one by one turns the control into Hide all too.
        for entry in faq() {
            click(&client, &format!("#faq-{}-button", faq_id(entry))).await;
        }
        wait_until(&client, &format!("return document.querySelector('{toggle}').textContent === {hide:?}")).await;
    })
    .await;
}

#[tokio::test]
async fn a_deep_link_opens_its_answer_and_scrolls_to_it() {
    let server = StaticServer::start(dist_dir());
    let id = faq_id(&faq()[4]);
    with_browser(move |client| async move {
        open_page(&client, &server, &format!("/#faq-{id}")).await;
        wait_until(&client, &answer_open(&id, true)).await;
        wait_until(
            &client,
            &format!("const top = document.getElementById('faq-{id}').getBoundingClientRect().top; return top >= -2 && top < 120"),
        )
        .await;
        assert_eq!(eval(&client, OPEN_ANSWERS).await, json!(1));
    })
    .await;
}

#[tokio::test]
async fn copy_link_copies_the_answers_address_and_says_so() {
    let server = StaticServer::start(dist_dir());
    let id = faq_id(&faq()[2]);
    let origin = server.url("");
    let copied = labels().faq_link_copied.clone();
    with_browser(move |client| async move {
        cdp(
            &client,
            "Browser.grantPermissions",
            json!({ "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] }),
        )
        .await;
        open_page(&client, &server, "/?from=test").await;
        click(&client, &format!("#faq-{id}-button")).await;
        click(&client, &format!("#faq-{id} .faq__copy")).await;
        wait_until(&client, &format!("return document.querySelector('#faq-{id} .faq__copied').textContent === {copied:?}")).await;
        let expected = server.url(&format!("/?from=test#faq-{id}"));
        assert_eq!(client.current_url().await.unwrap().as_str(), expected);
        let clipboard = client
            .execute_async("navigator.clipboard.readText().then(arguments[0])", vec![])
            .await
            .unwrap();
        assert_eq!(clipboard, json!(expected));
    })
    .await;
}

#[tokio::test]
async fn the_filter_narrows_marks_announces_and_clears() {
    let server = StaticServer::start(dist_dir());
    let entries = faq();
    let total = entries.len();
    let holds = |word: &str| {
        entries
            .iter()
            .filter(|e| {
                let text = format!("{} {}", e.question, e.answer).to_lowercase();
                text.contains(word)
            })
            .count()
    };
    let (boeing, defense) = (holds("boeing"), holds("defense"));
    assert!(boeing > 0 && boeing < total && defense > 0);
    let count = labels().faq_filter_count.clone();
    let no_match = labels().faq_no_match.clone();
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        fill(&client, "#faq-filter", "BOEING").await;
        wait_until(&client, &format!("{SHOWN_ENTRIES} === {boeing}")).await;
        let status = count.replace("{shown}", &boeing.to_string()).replace("{total}", &total.to_string());
        assert_eq!(text_of(&client, ".faq__status").await, status);
        assert_eq!(
            eval(&client, "return document.querySelector('.faq__status').getAttribute('aria-live')").await,
            json!("polite")
        );
        let marks = eval(&client, "return [...document.querySelectorAll('.faq mark')].map(m => m.textContent.toLowerCase())").await;
        let marks = marks.as_array().unwrap();
        assert!(!marks.is_empty() && marks.iter().all(|m| m == "boeing"), "{marks:?}");

        // Accents and case do not matter.
        fill(&client, "#faq-filter", "DÉFENSE").await;
        wait_until(&client, &format!("{SHOWN_ENTRIES} === {defense}")).await;

        fill(&client, "#faq-filter", "zebra crossing").await;
        wait_until(&client, &format!("{SHOWN_ENTRIES} === 0")).await;
        assert_eq!(text_of(&client, ".faq__status").await, no_match.replace("{query}", "zebra crossing"));

        click(&client, ".faq__clear").await;
        wait_until(&client, &format!("{SHOWN_ENTRIES} === {total}")).await;
        assert_eq!(eval(&client, "return document.getElementById('faq-filter').value").await, json!(""));
        assert_eq!(focused_id(&client).await, "faq-filter");
        assert_eq!(eval(&client, "return document.querySelectorAll('.faq mark').length").await, json!(0));
        assert_eq!(text_of(&client, ".faq__status").await, "");
    })
    .await;
}

#[tokio::test]
async fn json_ld_in_the_head_matches_the_visible_questions() {
    let server = StaticServer::start(dist_dir());
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        let schema = eval(&client, "return [...document.querySelectorAll('head script[type=\"application/ld+json\"]')].map(s => JSON.parse(s.textContent)).find(d => d['@type'] === 'FAQPage')").await;
        assert_eq!(schema["@context"], json!("https://schema.org"));
        assert_eq!(schema["@type"], json!("FAQPage"));
        let names: Vec<Value> = schema["mainEntity"].as_array().unwrap().iter().map(|q| q["name"].clone()).collect();
        let visible = eval(&client, "return [...document.querySelectorAll('.faq__button')].map(b => b.textContent)").await;
        assert_eq!(json!(names), visible);
        let answers: Vec<Value> = schema["mainEntity"].as_array().unwrap().iter().map(|q| q["acceptedAnswer"]["text"].clone()).collect();
        let shown = eval(&client, "return [...document.querySelectorAll('.faq__answer > p:first-child')].map(p => p.textContent)").await;
        assert_eq!(json!(answers), shown);
        // Beside the page's own NewsArticle.
        let count = eval(&client, "return document.querySelectorAll('script[type=\"application/ld+json\"]').length").await;
        assert_eq!(count, json!(2));
    })
    .await;
}

#[tokio::test]
async fn open_answers_are_remembered_for_the_session() {
    let server = StaticServer::start(dist_dir());
    let (first, second) = (faq_id(&faq()[1]), faq_id(&faq()[3]));
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        click(&client, &format!("#faq-{first}-button")).await;
        click(&client, &format!("#faq-{second}-button")).await;
        click(&client, &format!("#faq-{second}-button")).await;
        wait_until(&client, &answer_open(&second, false)).await;
        let stored = eval(
            &client,
            &format!(
                "return JSON.parse(sessionStorage.getItem('{}'))",
                storage_keys::FAQ_OPEN
            ),
        )
        .await;
        assert_eq!(stored, json!([first]));
        reload(&client).await;
        // Once the FAQ's own code has arrived (the browser brings the reader back to it).
        wait_until(&client, &island_ready("document.getElementById('faq')")).await;
        wait_until(&client, &answer_open(&first, true)).await;
        assert_eq!(eval(&client, OPEN_ANSWERS).await, json!(1));
    })
    .await;
}

#[tokio::test]
async fn everything_works_when_storage_is_unavailable() {
    let server = StaticServer::start(dist_dir());
    let id = faq_id(&faq()[0]);
    with_browser(move |client| async move {
        before_each_page(&client, BLOCK_STORAGE).await;
        open_page(&client, &server, "/").await;
        let blocked = eval(
            &client,
            "try { localStorage; return false } catch (e) { return true }",
        )
        .await;
        assert_eq!(blocked, json!(true), "the page really has no storage");
        click(&client, &format!("#faq-{id}-button")).await;
        wait_until(&client, &answer_open(&id, true)).await;
        click(&client, ".faq__toggle-all").await;
        wait_until(&client, &format!("{OPEN_ANSWERS} === {}", faq().len())).await;
        click(&client, "input[value=full]").await;
        wait_until(
            &client,
            "return [...document.querySelectorAll('.story-section__body')].every(b => b.getBoundingClientRect().height > 1)",
        )
        .await;
        reload(&client).await;
        assert_eq!(
            eval(&client, OPEN_ANSWERS).await,
            json!(0),
            "nothing was kept, and nothing broke"
        );
    })
    .await;
}

#[tokio::test]
async fn a_closed_answer_revealed_by_the_browser_counts_as_open() {
    let server = StaticServer::start(dist_dir());
    let id = faq_id(&faq()[5]);
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        // Scrolling to a fragment inside a closed <details> opens it the way find-in-page
        // does, and the FAQ counts it as open: one click closes it.
        eval(&client, &format!("location.hash = 'faq-{id}-answer'")).await;
        wait_until(&client, &answer_open(&id, true)).await;
        click(&client, &format!("#faq-{id}-button")).await;
        wait_until(&client, &answer_open(&id, false)).await;
    })
    .await;
}
