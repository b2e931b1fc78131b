//! Loading the content file: it renders, and a missing, malformed or hostile file is handled.

use fantoccini::Locator;
use serde_json::json;

use crate::support::browser::{eval, text_of, with_browser};
use crate::support::server::{Reply, StaticServer};
use crate::support::{dist_dir, shipped_content};

const CONTENT: &str = "/content/en.json";

#[tokio::test]
async fn the_content_file_renders() {
    let server = StaticServer::start(dist_dir());
    let content = shipped_content();
    with_browser(move |client| async move {
        client.goto(&server.url("/")).await.unwrap();
        assert_eq!(
            text_of(&client, "h1").await,
            content["story"]["headline"].as_str().unwrap()
        );
        let sections = content["story"]["sections"].as_array().unwrap();
        let first_title = text_of(&client, ".story-section h2").await;
        assert_eq!(first_title, sections[0]["title"].as_str().unwrap());
        let shown = eval(
            &client,
            "return document.querySelectorAll('.story-section').length",
        )
        .await;
        assert_eq!(shown, json!(sections.len()));
        assert_eq!(
            client.title().await.unwrap(),
            content["labels"]["page_title"].as_str().unwrap()
        );
    })
    .await;
}

#[tokio::test]
async fn a_missing_content_file_shows_an_error_and_retry_recovers() {
    let server = StaticServer::start(dist_dir());
    server.set(CONTENT, Reply::Missing);
    let headline = shipped_content()["story"]["headline"]
        .as_str()
        .unwrap()
        .to_string();
    with_browser(move |client| async move {
        client.goto(&server.url("/")).await.unwrap();
        let panel = text_of(&client, "[role=alert]").await;
        assert!(panel.contains("could not be loaded"), "{panel}");
        assert!(panel.contains("HTTP 404"), "{panel}");

        server.reset(CONTENT);
        client
            .find(Locator::Css("[role=alert] button"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        assert_eq!(text_of(&client, "h1").await, headline);
        let alerts = eval(
            &client,
            "return document.querySelectorAll('[role=alert]').length",
        )
        .await;
        assert_eq!(alerts, json!(0));
    })
    .await;
}

#[tokio::test]
async fn an_invalid_content_file_lists_each_problem_with_its_place() {
    let server = StaticServer::start(dist_dir());
    let mut content = shipped_content();
    content["story"]["sections"][1]["title"] = json!("");
    content["faq"][0]["section"] = json!("nowhere");
    server.set(CONTENT, Reply::Body(content.to_string()));
    with_browser(move |client| async move {
        client.goto(&server.url("/")).await.unwrap();
        text_of(&client, "[role=alert] li").await;
        let items = eval(
            &client,
            "return [...document.querySelectorAll('[role=alert] li')].map(li => li.textContent)",
        )
        .await;
        assert_eq!(
            items,
            json!([
                "story.sections[1].title: must not be empty",
                "faq[0].section: names section \"nowhere\", which does not exist",
            ])
        );
    })
    .await;
}

#[tokio::test]
async fn broken_json_names_its_line_and_column() {
    let server = StaticServer::start(dist_dir());
    server.set(
        CONTENT,
        Reply::Body("{\n  \"lang\": \"en\",\n  oops\n}".into()),
    );
    with_browser(move |client| async move {
        client.goto(&server.url("/")).await.unwrap();
        let problem = text_of(&client, "[role=alert] li").await;
        assert!(
            problem.starts_with("line 3, column 3: not valid JSON"),
            "{problem}"
        );
        let heading = text_of(&client, "[role=alert] h1").await;
        assert!(heading.contains("problems"), "{heading}");
    })
    .await;
}

#[tokio::test]
async fn markup_in_content_is_shown_as_text_and_never_runs() {
    let server = StaticServer::start(dist_dir());
    let image = "<img src=x onerror=\"window.__pwned = 'img'\">";
    let script = "<script>window.__pwned = 'script'</script>";
    let mut content = shipped_content();
    content["story"]["headline"] = json!(image);
    content["story"]["sections"][0]["body"][0] = json!(script);
    content["story"]["key_facts"][0]["value"] = json!(format!("<b>bold</b>{image}"));
    server.set(CONTENT, Reply::Body(content.to_string()));
    with_browser(move |client| async move {
        client.goto(&server.url("/")).await.unwrap();
        assert_eq!(text_of(&client, "h1").await, image);
        let paragraph = eval(&client, "return document.querySelector('.story-section__body p').textContent").await;
        assert_eq!(paragraph, json!(script));
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let injected = eval(
            &client,
            "return [document.querySelectorAll('.explainer img, .explainer script, .explainer b').length, \
             typeof window.__pwned]",
        )
        .await;
        assert_eq!(injected, json!([0, "undefined"]));
    })
    .await;
}

/// `scripts/test` builds this copy with `trunk build --release --public-url /graphics/explainer/`.
const SUB_PATH_DIST: &str = "target/dist-sub-path";

#[tokio::test]
async fn a_build_for_a_sub_path_loads_its_content_from_there() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SUB_PATH_DIST);
    assert!(
        root.join("index.html").is_file(),
        "no {SUB_PATH_DIST}: run `trunk build --release --public-url /graphics/explainer/ --dist {SUB_PATH_DIST}`"
    );
    let server = StaticServer::start_under(root, "/graphics/explainer/");
    let headline = shipped_content()["story"]["headline"]
        .as_str()
        .unwrap()
        .to_string();
    with_browser(move |client| async move {
        client
            .goto(&server.url("/graphics/explainer/"))
            .await
            .unwrap();
        assert_eq!(text_of(&client, "h1").await, headline);
    })
    .await;
}
