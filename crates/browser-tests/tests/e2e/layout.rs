//! Layout at phone and desktop widths, light and dark: nothing overflows sideways, lines keep a
//! readable length, and a screenshot of each is saved under `target/screenshots/` for review.

use serde_json::json;

use explainer_browser_tests::browser::{
    click, eval, open_page, with_browser_configured, DARK_MODE,
};
use explainer_browser_tests::server::StaticServer;
use explainer_browser_tests::{dist_dir, repo_dir};

/// Checks the edition at `path` (`/`, `/km/`), saving its screenshots as `<name>-…png`.
async fn check_layout(path: &'static str, name: &'static str, width: u32, dark: bool) {
    let server = StaticServer::start(dist_dir());
    let args = if dark { DARK_MODE } else { &[] };
    with_browser_configured(width, 1000, args, move |client| async move {
        open_page(&client, &server, path).await;
        click(&client, "input[value=full]").await;
        click(&client, ".faq__button").await;
        click(&client, "input[name=plan-role][value=cambodian-business]").await;
        click(&client, ".checklist__item input").await;
        click(&client, ".story-section__body .term").await;

        let overflow = eval(
            &client,
            "return document.documentElement.scrollWidth - window.innerWidth",
        )
        .await;
        assert!(
            overflow.as_i64().unwrap() <= 0,
            "{path} at {width}px: the page scrolls sideways by {overflow}px"
        );
        // About 75 characters a line at most: the body column stays within 45em of its text.
        let measure = eval(
            &client,
            "const p = document.querySelector('.story-section__body p'); \
             return p.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize)",
        )
        .await;
        assert!(
            measure.as_f64().unwrap() <= 45.0,
            "{path} at {width}px: lines are {measure}em wide"
        );
        let scheme = eval(
            &client,
            "return matchMedia('(prefers-color-scheme: dark)').matches",
        )
        .await;
        assert_eq!(scheme, json!(dark));

        let folder = repo_dir().join("target/screenshots");
        std::fs::create_dir_all(&folder).unwrap();
        let theme = if dark { "dark" } else { "light" };
        for (place, script) in [
            ("top", "window.scrollTo(0, 0)"),
            ("term", "document.querySelector('.term:has(+ :popover-open)').scrollIntoView({block: 'center'})"),
            ("tabs", "document.querySelector('.perspectives').scrollIntoView({block: 'center'})"),
            ("faq", "document.getElementById('faq').scrollIntoView()"),
            ("checklists", "document.getElementById('checklists').scrollIntoView()"),
        ] {
            eval(&client, script).await;
            let shot = client.screenshot().await.unwrap();
            std::fs::write(folder.join(format!("{name}-{width}-{theme}-{place}.png")), shot).unwrap();
        }
    })
    .await;
}

#[tokio::test]
async fn phone_320_light() {
    check_layout("/", "story", 320, false).await;
}

#[tokio::test]
async fn phone_375_light() {
    check_layout("/", "story", 375, false).await;
}

#[tokio::test]
async fn phone_375_dark() {
    check_layout("/", "story", 375, true).await;
}

#[tokio::test]
async fn desktop_1280_light() {
    check_layout("/", "story", 1280, false).await;
}

#[tokio::test]
async fn desktop_1280_dark() {
    check_layout("/", "story", 1280, true).await;
}

#[tokio::test]
async fn khmer_phone_320_light() {
    check_layout("/km/", "story-km", 320, false).await;
}

#[tokio::test]
async fn khmer_phone_375_dark() {
    check_layout("/km/", "story-km", 375, true).await;
}

#[tokio::test]
async fn khmer_desktop_1280_light() {
    check_layout("/km/", "story-km", 1280, false).await;
}

#[tokio::test]
async fn khmer_desktop_1280_dark() {
    check_layout("/km/", "story-km", 1280, true).await;
}
