//! The Khmer edition (`/km/`): in Khmer with and without JavaScript, a language switch that
//! leads both ways and keeps the reader's place, one plan across languages, and a FAQ filter
//! that finds Khmer inside words and in either spelling of a subscript, and Khmer digits in
//! "Embed this".

use serde_json::json;

use explainer_browser_tests::browser::{
    click, eval, fill, open, open_page, reach, shadow_of, wait_for_embed, wait_until, with_browser,
    with_browser_configured, NO_JAVASCRIPT,
};
use explainer_browser_tests::server::StaticServer;
use explainer_browser_tests::{content, dist_dir, khmer};
use explainer_core::names::FRAME_FILE;

const LANGS: &str =
    "return [document.documentElement.lang, document.querySelector('.explainer').lang]";

#[tokio::test]
async fn the_khmer_page_is_in_khmer_with_javascript() {
    let server = StaticServer::start(dist_dir());
    with_browser(move |client| async move {
        open_page(&client, &server, "/km/").await;
        assert_eq!(eval(&client, LANGS).await, json!(["km", "km"]));
        let headline = eval(&client, "return document.querySelector('h1').innerText").await;
        assert_eq!(headline, json!(khmer().story.headline));
        assert_eq!(
            eval(&client, "return document.title").await,
            json!(khmer().labels.page_title)
        );
    })
    .await;
}

#[tokio::test]
async fn the_khmer_page_is_in_khmer_without_javascript() {
    let server = StaticServer::start(dist_dir());
    with_browser_configured(1280, 900, NO_JAVASCRIPT, move |client| async move {
        client.goto(&server.url("/km/")).await.unwrap();
        let source = client.source().await.unwrap();
        let lang = explainer_browser_tests::bundle::parse(&source)
            .root_element()
            .value()
            .attr("lang")
            .map(str::to_string);
        assert_eq!(lang.as_deref(), Some("km"));
        let headline = client
            .find(fantoccini::Locator::Css("h1"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(headline, khmer().story.headline);
        // The last FAQ question opens its answer, with no code.
        let last = khmer().faq.last().unwrap();
        explainer_browser_tests::browser::click_now(&client, &format!("#faq-{}-button", last.id))
            .await;
        let answer = client
            .find(fantoccini::Locator::Css(&format!(
                "#faq-{}-answer p",
                last.id
            )))
            .await
            .unwrap();
        assert!(answer.is_displayed().await.unwrap());
        assert_eq!(answer.text().await.unwrap(), last.answer);
    })
    .await;
}

#[tokio::test]
async fn the_switch_leads_both_ways_and_keeps_the_section() {
    let server = StaticServer::start(dist_dir());
    let section = content().story.sections[3].id.clone();
    with_browser(move |client| async move {
        open_page(&client, &server, &format!("/#{section}")).await;
        let link = ".language-switch__link";
        assert_eq!(
            eval(
                &client,
                &format!("return document.querySelector('{link}').innerText")
            )
            .await,
            json!(khmer().labels.language_name)
        );
        click(&client, link).await;
        wait_until(&client, "return location.pathname === '/km/'").await;
        explainer_browser_tests::browser::wait_for_hydration(&client).await;
        assert_eq!(
            client.current_url().await.unwrap().fragment(),
            Some(section.as_str())
        );
        wait_until(
            &client,
            &format!("return document.getElementById('{section}-body').getBoundingClientRect().height > 1"),
        )
        .await;
        assert_eq!(
            eval(
                &client,
                &format!("return document.querySelector('{link}').innerText")
            )
            .await,
            json!(content().labels.language_name)
        );
        click(&client, link).await;
        wait_until(&client, "return location.pathname === '/'").await;
        assert_eq!(
            client.current_url().await.unwrap().fragment(),
            Some(section.as_str())
        );
    })
    .await;
}

#[tokio::test]
async fn a_plan_ticked_in_english_is_ticked_in_khmer() {
    let server = StaticServer::start(dist_dir());
    let item = content().checklists.as_ref().unwrap().lists[0].groups[0].items[0]
        .id
        .clone();
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        click(&client, &format!("#item-{item}")).await;
        wait_until(
            &client,
            &format!("return document.getElementById('item-{item}').checked"),
        )
        .await;
        open(&client, &server.url("/km/")).await;
        reach(&client, &format!("#item-{item}")).await;
        wait_until(
            &client,
            &format!("return document.getElementById('item-{item}').checked"),
        )
        .await;
        let label = eval(
            &client,
            &format!("return document.querySelector('label[for=item-{item}]').innerText"),
        )
        .await;
        let khmer_text = &khmer().checklists.as_ref().unwrap().lists[0].groups[0].items[0].text;
        assert_eq!(label, json!(khmer_text));
    })
    .await;
}

/// A stretch of Khmer letters from the middle of a run with no space in it, in the answer of
/// the FAQ entry at `index`: a word as a reader would type it, inside a longer run of text.
fn khmer_inside_a_word(answer: &str) -> String {
    let run = answer
        .split(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || c == '។')
        .max_by_key(|run| run.chars().count())
        .unwrap();
    let chars: Vec<char> = run.chars().collect();
    assert!(chars.len() >= 8, "{run}");
    // Four characters starting at a consonant (U+1780–U+17A2) past the run's start.
    let start = (2..chars.len() - 4)
        .find(|&i| ('\u{1780}'..='\u{17A2}').contains(&chars[i]))
        .unwrap();
    chars[start..start + 4].iter().collect()
}

/// Types `query` in the FAQ filter, waits until the answer `id` shows, opened, and returns the
/// stretches marked in it.
async fn search_and_read_the_marks(
    client: &fantoccini::Client,
    query: &str,
    id: &str,
) -> serde_json::Value {
    fill(client, "#faq-filter", query).await;
    wait_until(
        client,
        &format!("return !document.getElementById('faq-{id}').hidden && document.getElementById('faq-{id}').open"),
    )
    .await;
    eval(
        client,
        &format!(
            "return [...document.querySelectorAll('#faq-{id}-answer mark')].map(m => m.innerText)"
        ),
    )
    .await
}

#[tokio::test]
async fn the_filter_finds_a_khmer_word_inside_an_answer() {
    let server = StaticServer::start(dist_dir());
    let entries = &khmer().faq;
    let target = &entries[entries.len() / 2];
    let word = khmer_inside_a_word(&target.answer);
    let id = target.id.clone();
    with_browser(move |client| async move {
        open_page(&client, &server, "/km/").await;
        let marked = search_and_read_the_marks(&client, &word, &id).await;
        assert!(
            marked.as_array().is_some_and(|m| !m.is_empty()),
            "{word}: {marked}"
        );
        let shown = eval(
            &client,
            "return document.querySelectorAll('.faq__entry:not([hidden])').length",
        )
        .await;
        let expected = khmer()
            .labels
            .faq_filter_count
            .replace(
                "{shown}",
                &khmer()
                    .labels
                    .digits
                    .format(shown.as_u64().unwrap() as usize),
            )
            .replace("{total}", &khmer().labels.digits.format(khmer().faq.len()));
        wait_until(
            &client,
            &format!(
                "return document.querySelector('.faq__status').innerText === {:?}",
                expected
            ),
        )
        .await;
    })
    .await;
}

/// A stretch of an answer around its first subscript ta (្ត), written as the dictionary writes
/// it, with subscript da (្ដ), as a reader searching may type it.
fn with_the_dictionarys_subscript(answer: &str) -> String {
    let chars: Vec<char> = answer.chars().collect();
    let at = (1..chars.len() - 1)
        .find(|&i| chars[i] == '\u{17D2}' && chars[i + 1] == 'ត')
        .expect("an answer with a subscript ta");
    let stretch: String = chars[at.saturating_sub(3)..(at + 4).min(chars.len())]
        .iter()
        .collect();
    stretch.replace("\u{17D2}ត", "\u{17D2}ដ")
}

#[tokio::test]
async fn the_filter_finds_khmer_written_with_the_other_subscript() {
    let server = StaticServer::start(dist_dir());
    let target = (khmer().faq.iter())
        .find(|e| e.answer.contains("\u{17D2}ត"))
        .expect("an answer with a subscript ta")
        .clone();
    let typed = with_the_dictionarys_subscript(&target.answer);
    assert!(
        !target.answer.contains(&typed),
        "{typed} is spelt as the answer spells it"
    );
    with_browser(move |client| async move {
        open_page(&client, &server, "/km/").await;
        let marked = search_and_read_the_marks(&client, &typed, &target.id).await;
        let first = marked[0].as_str().unwrap_or_default().to_string();
        assert!(first.contains("\u{17D2}ត"), "{typed}: {marked}");
    })
    .await;
}

#[tokio::test]
async fn embed_this_shows_the_preview_width_in_khmer_digits() {
    let server = StaticServer::start(dist_dir());
    with_browser(move |client| async move {
        open_page(&client, &server, "/km/").await;
        explainer_browser_tests::browser::touch_island(&client, ".embed-code__summary").await;
        eval(&client, "const r = document.querySelector('.embed-code__width'); r.value = '600'; \
            r.dispatchEvent(new Event('input', { bubbles: true })); return true").await;
        let expected = format!("{} px", khmer().labels.digits.format(600));
        assert_eq!(expected, "៦០០ px");
        wait_until(
            &client,
            &format!("return document.querySelector('.embed-code__preview output').innerText === {expected:?}"),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn both_embeds_show_the_khmer_edition() {
    let app = StaticServer::start(dist_dir());
    let base = app.url("/");
    let host = StaticServer::host_page(format!(
        "<!doctype html><html><body>\
         <iframe src=\"{base}km/{FRAME_FILE}\" title=\"frame\" style=\"width:100%;border:0\"></iframe>\
         <div data-explainer id=\"one\" data-explainer-lang=\"km\"></div>\
         <script type=\"module\" src=\"{base}embed.js\"></script></body></html>"
    ));
    with_browser(move |client| async move {
        client.goto(&host.url("/host.html")).await.unwrap();
        wait_for_embed(&client, "one").await;
        let shadow = shadow_of("one");
        let mounted = eval(
            &client,
            &format!("return [{shadow}.querySelector('h1').textContent, {shadow}.querySelector('.explainer').lang]"),
        )
        .await;
        assert_eq!(mounted, json!([khmer().story.headline, "km"]));
        client.clone().enter_frame(0).await.unwrap();
        explainer_browser_tests::browser::wait_for_hydration(&client).await;
        assert_eq!(eval(&client, LANGS).await, json!(["km", "km"]));
        client.clone().enter_parent_frame().await.unwrap();
    })
    .await;
}
