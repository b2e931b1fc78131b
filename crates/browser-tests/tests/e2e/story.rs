//! The story's interactions: contents, deep links, short and full reads, points of view and the
//! glossary, by mouse and by keyboard.

use serde_json::json;

use explainer_core::content::model::Section;

use explainer_browser_tests::browser::{
    click, emulate_media, eval, focused_id, keys, open_page, press, reload, wait_until,
    with_browser, with_browser_sized,
};
use explainer_browser_tests::server::StaticServer;
use explainer_browser_tests::{content, dist_dir};

fn sections() -> &'static [Section] {
    &content().story.sections
}

fn id_of(section: &Section) -> String {
    section.id.clone()
}

/// The first section that shows points of view, and the ids of their radio buttons.
fn section_with_points_of_view() -> (String, Vec<String>) {
    let section = sections()
        .iter()
        .find(|s| s.perspectives.is_some())
        .unwrap();
    let id = id_of(section);
    let choice_ids = section
        .perspectives
        .iter()
        .flat_map(|p| &p.tabs)
        .map(|t| format!("{id}-{}-choice", t.id))
        .collect();
    (id, choice_ids)
}

/// True once the section's top edge is near the top of the window.
fn landed_on(id: &str) -> String {
    format!(
        "const top = document.getElementById('{id}').getBoundingClientRect().top; \
         return top >= -2 && top < 120;"
    )
}

/// A section's body takes room on the page only when it is open (closed, it keeps
/// `hidden="until-found"` and no size).
fn is_open(id: &str) -> String {
    format!("return document.getElementById('{id}-body').getBoundingClientRect().height > 1")
}

fn is_closed(id: &str) -> String {
    format!("return document.getElementById('{id}-body').getBoundingClientRect().height <= 1")
}

const OPEN_SECTIONS: &str = "return [...document.querySelectorAll('.story-section__body')] \
     .filter(b => b.getBoundingClientRect().height > 1).length";

fn open_sections_are(count: usize) -> String {
    format!("{OPEN_SECTIONS} === {count}")
}

#[tokio::test]
async fn contents_links_land_on_their_sections_and_mark_them() {
    let server = StaticServer::start(dist_dir());
    let target = id_of(&sections()[5]);
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        click(&client, &format!(".toc a[href='#{target}']")).await;
        wait_until(&client, &landed_on(&target)).await;
        assert_eq!(client.current_url().await.unwrap().fragment(), Some(target.as_str()));
        wait_until(
            &client,
            &format!("return document.querySelector('.toc a[href=\"#{target}\"]').getAttribute('aria-current') === 'location'"),
        )
        .await;
        let marked = eval(&client, "return document.querySelectorAll('.toc [aria-current]').length").await;
        assert_eq!(marked, json!(1));

        // After the sections come the checklists, the questions and answers, and the glossary.
        for part in ["checklists", "faq", "glossary"] {
            click(&client, &format!(".toc a[href='#{part}']")).await;
            wait_until(&client, &landed_on(part)).await;
        }
        let last = eval(&client, "return document.querySelector('.toc li:last-child a').getAttribute('href')").await;
        assert_eq!(last, json!("#glossary"));
    })
    .await;
}

#[tokio::test]
async fn a_deep_link_opens_the_page_at_its_section() {
    let server = StaticServer::start(dist_dir());
    let all = sections();
    let (target, other) = (id_of(&all[6]), id_of(&all[1]));
    with_browser(move |client| async move {
        open_page(&client, &server, &format!("/#{target}")).await;
        wait_until(&client, &landed_on(&target)).await;
        wait_until(&client, &is_open(&target)).await;
        assert_eq!(
            eval(&client, &is_open(&other)).await,
            json!(false),
            "only the linked section opens"
        );
    })
    .await;
}

#[tokio::test]
async fn on_a_phone_the_contents_are_a_menu() {
    let server = StaticServer::start(dist_dir());
    let target = id_of(&sections()[3]);
    with_browser_sized(375, 800, move |client| async move {
        open_page(&client, &server, "/").await;
        let list_shown = "return document.getElementById('toc-list').checkVisibility()";
        assert_eq!(eval(&client, list_shown).await, json!(false));
        click(&client, ".toc__toggle").await;
        assert_eq!(eval(&client, list_shown).await, json!(true));
        // The menu opens right under its button, in the window.
        let placed = "const r = document.getElementById('toc-list').getBoundingClientRect(); \
             const b = document.querySelector('.toc__toggle').getBoundingClientRect(); \
             return r.top >= b.bottom && r.top <= b.bottom + 16 && r.top < innerHeight";
        assert_eq!(eval(&client, placed).await, json!(true));
        press(&client, keys::ESCAPE).await;
        assert_eq!(eval(&client, list_shown).await, json!(false));
        assert_eq!(
            eval(
                &client,
                "return document.activeElement.classList.contains('toc__toggle')"
            )
            .await,
            json!(true)
        );
        click(&client, ".toc__toggle").await;
        click(&client, &format!(".toc a[href='#{target}']")).await;
        assert_eq!(eval(&client, list_shown).await, json!(false));
        wait_until(&client, &landed_on(&target)).await;
    })
    .await;
}

#[tokio::test]
async fn the_short_and_full_reads_switch_by_mouse_and_keyboard_and_are_remembered() {
    let server = StaticServer::start(dist_dir());
    let count = sections().len();
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        assert_eq!(
            eval(&client, OPEN_SECTIONS).await,
            json!(0),
            "the short read is the default"
        );

        click(&client, "input[value=full]").await;
        wait_until(&client, &open_sections_are(count)).await;

        // Keyboard: arrows move between the two radio buttons.
        press(&client, keys::LEFT).await;
        wait_until(&client, &open_sections_are(0)).await;
        press(&client, keys::DOWN).await;
        wait_until(&client, &open_sections_are(count)).await;

        reload(&client).await;
        assert_eq!(
            eval(
                &client,
                "return document.querySelector('input[value=full]').checked"
            )
            .await,
            json!(true)
        );
        assert_eq!(eval(&client, OPEN_SECTIONS).await, json!(count));
    })
    .await;
}

#[tokio::test]
async fn a_single_section_opens_and_closes_by_click_and_space() {
    let server = StaticServer::start(dist_dir());
    let first = id_of(&sections()[0]);
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        let toggle = format!("#{first} .section-toggle");
        let checked = format!("return document.getElementById('{first}-more').checked");
        assert_eq!(eval(&client, &checked).await, json!(false));
        let said = format!("return document.querySelector('{toggle}').innerText");
        let closed_label = eval(&client, &said).await;
        click(&client, &toggle).await;
        wait_until(&client, &is_open(&first)).await;
        assert_eq!(eval(&client, &checked).await, json!(true));
        assert_ne!(
            eval(&client, &said).await,
            closed_label,
            "the label says Show less"
        );

        // From the keyboard, as any checkbox: Space.
        eval(
            &client,
            &format!("document.getElementById('{first}-more').focus()"),
        )
        .await;
        press(&client, keys::SPACE).await;
        wait_until(&client, &is_closed(&first)).await;
        assert_eq!(eval(&client, &said).await, closed_label);
        press(&client, keys::SPACE).await;
        wait_until(&client, &is_open(&first)).await;
        assert_eq!(
            eval(&client, OPEN_SECTIONS).await,
            json!(1),
            "only that section opened"
        );
    })
    .await;
}

#[tokio::test]
async fn points_of_view_are_a_radio_group_that_works_by_mouse_and_keyboard() {
    let server = StaticServer::start(dist_dir());
    let (section, choices) = section_with_points_of_view();
    with_browser(move |client| async move {
        open_page(&client, &server, &format!("/#{section}")).await;
        let chosen = format!("return [...document.querySelectorAll('#{section} .perspectives input')].filter(i => i.checked).map(i => i.id)");
        let visible_panels = format!("return [...document.querySelectorAll('#{section} .perspectives__panel')].filter(p => p.checkVisibility()).map(p => p.id)");
        let panel_of = |choice: &str| choice.replace("-choice", "-panel");
        assert_eq!(eval(&client, &chosen).await, json!([choices[0]]));
        assert_eq!(eval(&client, &visible_panels).await, json!([panel_of(&choices[0])]));

        click(&client, &format!("label:has(#{})", choices[1])).await;
        assert_eq!(eval(&client, &chosen).await, json!([choices[1]]));
        assert_eq!(eval(&client, &visible_panels).await, json!([panel_of(&choices[1])]));

        // The arrow keys move the choice, wrapping, as in any radio group.
        click(&client, &format!("#{}", choices[0])).await;
        press(&client, keys::RIGHT).await;
        assert_eq!(focused_id(&client).await, choices[1]);
        assert_eq!(eval(&client, &visible_panels).await, json!([panel_of(&choices[1])]));
        press(&client, keys::LEFT).await;
        press(&client, keys::LEFT).await;
        let last = choices.last().unwrap().clone();
        assert_eq!(focused_id(&client).await, last, "Left from the first wraps to the last");
        assert_eq!(eval(&client, &visible_panels).await, json!([panel_of(&last)]));
    })
    .await;
}

#[tokio::test]
async fn a_glossary_term_opens_and_closes_by_button_escape_and_clicking_elsewhere() {
    let server = StaticServer::start(dist_dir());
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        click(&client, "input[value=full]").await;
        let term = "document.querySelector('.story-section .term')";
        wait_until(&client, &format!("return {term}.offsetParent !== null")).await;
        let definition = format!("document.getElementById({term}.getAttribute('popovertarget'))");
        let shown = format!("return {definition}.matches(':popover-open') && {definition}.checkVisibility()");
        let hidden = format!("return !{definition}.matches(':popover-open')");

        let term_id = eval(&client, &format!("return {term}.id"))
            .await
            .as_str()
            .unwrap()
            .to_string();
        click(&client, &format!("#{term_id}")).await;
        wait_until(&client, &shown).await;
        let text = eval(&client, &format!("return {definition}.textContent")).await;
        let known = content()
            .glossary
            .iter()
            .any(|g| text.as_str().unwrap().contains(&g.definition));
        assert!(known, "the definition comes from the glossary: {text}");
        // The card is within the window, where the reader can see it.
        let inside = format!("const r = {definition}.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight");
        assert_eq!(eval(&client, &inside).await, json!(true));

        press(&client, keys::ESCAPE).await;
        wait_until(&client, &hidden).await;
        assert_eq!(focused_id(&client).await, term_id, "focus stays on the term");

        press(&client, keys::ENTER).await;
        wait_until(&client, &shown).await;
        click(&client, "h1").await;
        wait_until(&client, &hidden).await;

        click(&client, &format!("#{term_id}")).await;
        wait_until(&client, &shown).await;
        click(&client, &format!("#{term_id}")).await;
        wait_until(&client, &hidden).await;
    })
    .await;
}

#[tokio::test]
async fn printing_shows_every_section_and_point_of_view_without_controls() {
    let server = StaticServer::start(dist_dir());
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        emulate_media(&client, "print").await;
        let shown = |css: &str| {
            format!(
                "return [...document.querySelectorAll('{css}')].map(e => getComputedStyle(e)) \
                 .map(s => s.display !== 'none' && s.contentVisibility !== 'hidden')"
            )
        };
        let all_true = |v: serde_json::Value| {
            let items = v.as_array().unwrap().clone();
            !items.is_empty() && items.iter().all(|b| b == &json!(true))
        };
        let none_true =
            |v: serde_json::Value| v.as_array().unwrap().iter().all(|b| b == &json!(false));
        assert!(
            all_true(eval(&client, &shown(".story-section__body")).await),
            "closed sections print"
        );
        assert!(
            all_true(eval(&client, &shown(".perspectives__panel")).await),
            "every point of view prints"
        );
        for control in [
            ".section-toggle",
            ".reading-mode",
            ".toc",
            ".perspectives__choices",
            ".reading-progress",
        ] {
            assert!(
                none_true(eval(&client, &shown(control)).await),
                "{control} is hidden in print"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn the_reading_progress_bar_fills_as_the_reader_scrolls() {
    let server = StaticServer::start(dist_dir());
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        // The bar's width as a share of its track's, from its scaleX transform.
        let filled =
            "const bar = document.querySelector('.reading-progress .reading-progress__bar'); \
            if (!bar) return -1; const t = getComputedStyle(bar).transform; \
            return t === 'none' ? 1 : new DOMMatrix(t).a";
        assert_eq!(eval(&client, filled).await, json!(0), "empty at the top");
        let shown = eval(
            &client,
            "const r = document.querySelector('.reading-progress').getBoundingClientRect(); \
             return [r.top, r.width - document.documentElement.clientWidth, r.height > 0]",
        )
        .await;
        assert_eq!(
            shown,
            json!([0, 0, true]),
            "a track along the top of the window"
        );
        eval(
            &client,
            "window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2)",
        )
        .await;
        wait_until(
            &client,
            &format!("const f = (() => {{ {filled} }})(); return f > 0.45 && f < 0.55"),
        )
        .await;
        eval(
            &client,
            "window.scrollTo(0, document.documentElement.scrollHeight)",
        )
        .await;
        wait_until(&client, &format!("return (() => {{ {filled} }})() === 1")).await;
    })
    .await;
}
