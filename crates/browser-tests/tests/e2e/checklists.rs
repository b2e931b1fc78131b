//! The opportunity checklists: choosing a role, ticking and keeping ticks, reset and undo,
//! damaged or blocked storage, other tabs, exports, printing and share links.

use fantoccini::Client;
use serde_json::json;

use explainer_core::content::model::ChecklistLabels;
use explainer_core::plan::Plan;
use explainer_core::plan_export::{export, Format};

use explainer_browser_tests::browser::{
    before_each_page, cdp, click, emulate_media, eval, open_page, reach, reload, text_of,
    wait_for_file, wait_for_hydration, wait_until, with_browser, BLOCK_STORAGE,
};
use explainer_browser_tests::server::StaticServer;
use explainer_browser_tests::storage_keys::{PLAN, PLAN_SET_ASIDE};
use explainer_browser_tests::{checklists, content, dist_dir, scratch_dir};

fn labels() -> &'static ChecklistLabels {
    &checklists().labels
}

/// Every item id, in content order.
fn item_ids() -> Vec<String> {
    checklists().item_ids().map(str::to_string).collect()
}

/// The id of the first list whose audience is `role`, and its first two items.
fn list_for(role: &str) -> (String, Vec<String>) {
    let list = checklists()
        .lists
        .iter()
        .find(|l| l.is_for(Some(role)))
        .unwrap();
    let items = list.item_ids().take(2).map(str::to_string).collect();
    (list.id.clone(), items)
}

/// How many items the list `id` has.
fn items_in(id: &str) -> usize {
    let list = checklists().lists.iter().find(|l| l.id == id).unwrap();
    list.item_ids().count()
}

fn labels_digits() -> &'static explainer_core::content::numbers::Digits {
    &content().labels.digits
}

fn progress(done: usize, total: usize) -> String {
    labels()
        .progress
        .replace("{done}", &labels_digits().format(done))
        .replace("{total}", &labels_digits().format(total))
}

async fn choose_role(client: &Client, role: &str) {
    click(client, &format!("input[name=plan-role][value={role}]")).await;
}

async fn tick(client: &Client, item: &str) {
    click(client, &format!("#item-{item}")).await;
}

fn is_ticked(item: &str) -> String {
    format!("return document.getElementById('item-{item}').checked")
}

const OVERALL: &str = ".checklists__overall-count";
const TICKED: &str =
    "return [...document.querySelectorAll('.checklist__item input:checked')].map(i => i.id)";

#[tokio::test]
async fn choosing_a_role_orders_and_opens_the_lists() {
    let server = StaticServer::start(dist_dir());
    let (american, _) = list_for("american-company");
    let (cambodian, _) = list_for("cambodian-business");
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        let lists = "return [...document.querySelectorAll('.checklist')].map(d => [d.id, d.open])";
        let all_open = eval(&client, lists).await;
        assert!(
            all_open
                .as_array()
                .unwrap()
                .iter()
                .all(|l| l[1] == json!(true)),
            "no role yet: all open"
        );
        // The reader closes a list by hand; choosing its role opens it again.
        click(&client, &format!("#list-{american} summary")).await;
        wait_until(
            &client,
            &format!("return !document.getElementById('list-{american}').open"),
        )
        .await;

        choose_role(&client, "american-company").await;
        wait_until(
            &client,
            &format!("return document.querySelector('.checklist').id === 'list-{american}'"),
        )
        .await;
        let shown = eval(&client, lists).await;
        let shown = shown.as_array().unwrap();
        assert_eq!(shown[0], json!([format!("list-{american}"), true]));
        assert!(
            shown[1..].iter().all(|l| l[1] == json!(false)),
            "other lists start closed: {shown:?}"
        );

        choose_role(&client, "cambodian-business").await;
        let cambodian_first = format!(
            "const first = document.querySelector('.checklist'); \
             return first.id === 'list-{cambodian}' && first.open"
        );
        wait_until(&client, &cambodian_first).await;

        reload(&client).await;
        wait_until(&client, &cambodian_first).await;
    })
    .await;
}

#[tokio::test]
async fn ticks_show_progress_and_survive_a_reload() {
    let server = StaticServer::start(dist_dir());
    let total = item_ids().len();
    let (list, items) = list_for("cambodian-business");
    let list_total = items_in(&list);
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        assert_eq!(text_of(&client, OVERALL).await, progress(0, total));
        assert_eq!(eval(&client, &format!("return document.querySelector('{OVERALL}').getAttribute('aria-live')")).await, json!("polite"));
        choose_role(&client, "cambodian-business").await;
        tick(&client, &items[0]).await;
        tick(&client, &items[1]).await;
        wait_until(&client, &format!("return document.querySelector('{OVERALL}').textContent === {:?}", progress(2, total))).await;
        let list_count = text_of(&client, &format!("#list-{list} .checklist__count")).await;
        assert_eq!(list_count, progress(2, list_total));
        let bar = eval(&client, &format!("return getComputedStyle(document.querySelector('#list-{list} .progress__bar')).transform")).await;
        assert_ne!(bar, json!("matrix(0, 0, 0, 1, 0, 0)"), "the list's bar moved");

        reload(&client).await;
        wait_until(&client, &is_ticked(&items[0])).await;
        assert_eq!(eval(&client, TICKED).await, json!([format!("item-{}", items[0]), format!("item-{}", items[1])]));
        assert_eq!(eval(&client, "return document.querySelector('input[name=plan-role]:checked').value").await, json!("cambodian-business"));
        assert_eq!(text_of(&client, OVERALL).await, progress(2, total));
    })
    .await;
}

/// The checkboxes and the lists' disclosures work before the checklists' code arrives; what a
/// reader did then is theirs: hydrating (which sets each box from the plan) keeps the tick,
/// counts it and saves it, and a list they closed stays closed.
#[tokio::test]
async fn what_a_reader_did_before_the_code_came_is_kept() {
    let server = StaticServer::start(dist_dir());
    let total = item_ids().len();
    let item = item_ids()[0].clone();
    let closed = checklists().lists[1].id.clone();
    with_browser(move |client| async move {
        client.goto(&server.url("/")).await.unwrap();
        wait_until(&client, "return document.readyState === 'complete'").await;
        // From a script: no pointer, key or scroll, so the page fetches no code yet.
        let before_code = format!(
            "document.getElementById('item-{item}').click(); \
             document.getElementById('list-{closed}').open = false"
        );
        eval(&client, &before_code).await;
        let hydrated = "return document.documentElement.hasAttribute('data-hydrated')";
        assert_eq!(eval(&client, hydrated).await, json!(false));
        wait_for_hydration(&client).await;
        reach(&client, OVERALL).await;
        let counted = format!(
            "return document.querySelector('{OVERALL}').textContent === {:?}",
            progress(1, total)
        );
        wait_until(&client, &counted).await;
        assert_eq!(eval(&client, &is_ticked(&item)).await, json!(true));
        let saved = format!("return JSON.parse(localStorage.getItem('{PLAN}')).done");
        assert_eq!(eval(&client, &saved).await, json!([item]));
        let open = format!("return document.getElementById('list-{closed}').open");
        assert_eq!(eval(&client, &open).await, json!(false));
    })
    .await;
}

#[tokio::test]
async fn reset_asks_first_and_can_be_undone() {
    let server = StaticServer::start(dist_dir());
    let (_, items) = list_for("american-company");
    let total = item_ids().len();
    let (reset_yes, undo) = (labels().reset_yes.clone(), labels().undo.clone());
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        tick(&client, &items[0]).await;
        tick(&client, &items[1]).await;
        click(&client, ".control--quiet").await;
        assert_eq!(
            eval(
                &client,
                "return document.getElementById('plan-reset-confirm').hidden"
            )
            .await,
            json!(false)
        );
        click(&client, "#plan-reset-confirm button:last-child").await;
        assert_eq!(
            eval(
                &client,
                "return document.getElementById('plan-reset-confirm').hidden"
            )
            .await,
            json!(true)
        );
        assert_eq!(
            text_of(&client, OVERALL).await,
            progress(2, total),
            "cancelling keeps the ticks"
        );

        click(&client, ".control--quiet").await;
        let yes = text_of(&client, "#plan-reset-confirm .control--primary").await;
        assert_eq!(yes, reset_yes);
        click(&client, "#plan-reset-confirm .control--primary").await;
        wait_until(
            &client,
            &format!(
                "return document.querySelector('{OVERALL}').textContent === {:?}",
                progress(0, total)
            ),
        )
        .await;
        let undo_button = ".checklists__message button";
        assert_eq!(text_of(&client, undo_button).await, undo);
        click(&client, undo_button).await;
        wait_until(
            &client,
            &format!(
                "return document.querySelector('{OVERALL}').textContent === {:?}",
                progress(2, total)
            ),
        )
        .await;
        reload(&client).await;
        wait_until(&client, &is_ticked(&items[1])).await;
    })
    .await;
}

#[tokio::test]
async fn a_corrupt_or_unknown_stored_plan_is_set_aside_and_reported_once() {
    let server = StaticServer::start(dist_dir());
    let item = item_ids()[0].clone();
    let notice = labels().storage_reset.clone();
    with_browser(move |client| async move {
        for stored in ["{not json", "{\"version\":99,\"role\":null,\"done\":[]}"] {
            open_page(&client, &server, "/").await;
            eval(
                &client,
                &format!("localStorage.setItem('{PLAN}', {stored:?})"),
            )
            .await;
            reload(&client).await;
            assert_eq!(shown_notice(&client).await, notice);
            assert_eq!(
                eval(
                    &client,
                    "return document.querySelectorAll('.checklist__item input:checked').length"
                )
                .await,
                json!(0)
            );
            let aside = eval(
                &client,
                &format!("return localStorage.getItem('{PLAN_SET_ASIDE}')"),
            )
            .await;
            assert_eq!(aside, json!(stored), "the old value is kept aside");

            tick(&client, &item).await;
            reload(&client).await;
            wait_until(&client, &is_ticked(&item)).await;
            assert_eq!(
                eval(
                    &client,
                    "return document.querySelectorAll('.checklists__notice:not([hidden])').length"
                )
                .await,
                json!(0),
                "told once"
            );
            eval(&client, "localStorage.clear()").await;
        }
    })
    .await;
}

#[tokio::test]
async fn a_plan_works_in_memory_when_storage_throws() {
    let server = StaticServer::start(dist_dir());
    let item = item_ids()[3].clone();
    let total = item_ids().len();
    let notice = labels().storage_unavailable.clone();
    with_browser(move |client| async move {
        before_each_page(&client, BLOCK_STORAGE).await;
        open_page(&client, &server, "/").await;
        assert_eq!(shown_notice(&client).await, notice);
        tick(&client, &item).await;
        wait_until(
            &client,
            &format!(
                "return document.querySelector('{OVERALL}').textContent === {:?}",
                progress(1, total)
            ),
        )
        .await;
        choose_role(&client, "following").await;
        wait_until(&client, &is_ticked(&item)).await;
    })
    .await;
}

#[tokio::test]
async fn a_change_in_another_tab_shows_up() {
    let server = StaticServer::start(dist_dir());
    let item = item_ids()[5].clone();
    let notice = labels().changed_elsewhere.clone();
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        // The reader has the checklists in view in both tabs.
        reach(&client, "#checklists").await;
        let first = client.window().await.unwrap();
        let second = client.new_window(true).await.unwrap();
        client.switch_to_window(second.handle).await.unwrap();
        open_page(&client, &server, "/").await;
        tick(&client, &item).await;
        client.switch_to_window(first).await.unwrap();
        wait_until(&client, &is_ticked(&item)).await;
        assert_eq!(shown_notice(&client).await, notice);
    })
    .await;
}

#[tokio::test]
async fn the_plan_copies_as_text_and_downloads_as_markdown() {
    let server = StaticServer::start(dist_dir());
    let origin = server.url("");
    let (_, items) = list_for("cambodian-business");
    let downloads = scratch_dir("downloads");
    let folder = downloads.to_string_lossy().to_string();
    let copied = labels().text_copied.clone();
    with_browser(move |client| async move {
        cdp(&client, "Browser.grantPermissions", json!({ "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] })).await;
        cdp(&client, "Browser.setDownloadBehavior", json!({ "behavior": "allow", "downloadPath": folder })).await;
        open_page(&client, &server, "/").await;
        choose_role(&client, "cambodian-business").await;
        tick(&client, &items[1]).await;
        let plan = Plan { role: Some("cambodian-business".into()), done: [items[1].clone()].into() };
        let lists = checklists();

        click(&client, ".checklists__tool-row button:nth-child(1)").await;
        wait_until(&client, &format!("return document.querySelector('.checklists__said').textContent.includes({copied:?})")).await;
        let clipboard = client.execute_async("navigator.clipboard.readText().then(arguments[0])", vec![]).await.unwrap();
        assert_eq!(clipboard, json!(export(&plan, lists, &content().labels.digits, Format::Text)));

        click(&client, ".checklists__tool-row button:nth-child(2)").await;
        let markdown = wait_for_file(&downloads.join("plan.md")).await;
        assert_eq!(markdown, export(&plan, lists, &content().labels.digits, Format::Markdown));
    })
    .await;
}

/// Stands in for the print dialog: records, at the moment `print()` is called, the app root's
/// classes and which parts the printed page would show (print media is emulated beforehand).
const RECORD_PRINT: &str = "window.__printed = []; window.print = () => { \
    const shows = css => [...document.querySelectorAll(css)].some(e => e.getClientRects().length > 0); \
    const every = css => [...document.querySelectorAll(css)].every(e => e.getClientRects().length > 0); \
    window.__printed.push({ classes: document.querySelector('.explainer').className, \
      header: shows('.story-header'), sections: shows('.story-section'), faq: shows('.faq'), \
      glossary: shows('.glossary'), toc: shows('.toc'), footer: shows('.story-footer'), \
      tools: shows('.checklists__tools'), roles: shows('.checklists__roles'), \
      checklists: shows('.checklists'), items: every('.checklist__item') }); };";

#[tokio::test]
async fn printing_the_plan_shows_only_the_checklists_with_their_ticks() {
    let server = StaticServer::start(dist_dir());
    let (list, items) = list_for("following");
    let item = items[0].clone();
    let print_label = labels().print.clone();
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        choose_role(&client, "following").await;
        tick(&client, &item).await;
        // Another list, closed by hand, prints open all the same.
        let other = checklists()
            .lists
            .iter()
            .find(|l| l.id != list)
            .unwrap()
            .id
            .clone();
        eval(
            &client,
            &format!("document.getElementById('list-{other}').open = false"),
        )
        .await;
        eval(&client, RECORD_PRINT).await;
        let button = ".checklists__tool-row button:nth-child(3)";
        assert_eq!(text_of(&client, button).await, print_label);
        // The tools are not printed, so with print media emulated the button cannot be clicked
        // through WebDriver: it is pressed from the page instead.
        emulate_media(&client, "print").await;
        eval(
            &client,
            &format!("document.querySelector('{button}').click()"),
        )
        .await;
        wait_until(&client, "return window.__printed.length === 1").await;
        let printed = eval(&client, "return window.__printed[0]").await;
        assert!(
            printed["classes"]
                .as_str()
                .unwrap()
                .contains("explainer--print-plan"),
            "{printed}"
        );
        for (part, shown) in [
            ("header", false),
            ("sections", false),
            ("faq", false),
            ("glossary", false),
            ("toc", false),
            ("footer", false),
            ("tools", false),
            ("roles", false),
            ("checklists", true),
            ("items", true),
        ] {
            assert_eq!(printed[part], json!(shown), "{part} printed: {printed}");
        }
        assert_eq!(eval(&client, &is_ticked(&item)).await, json!(true));
        let after = eval(
            &client,
            "return document.querySelector('.explainer').className",
        )
        .await;
        assert!(
            !after.as_str().unwrap().contains("explainer--print-plan"),
            "the mark goes once the dialog closes: {after}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_shared_link_shows_that_plan_and_asks_before_replacing_ones_own() {
    let sender_server = StaticServer::start(dist_dir());
    let origin = sender_server.url("");
    let (_, items) = list_for("american-company");
    let total = item_ids().len();
    let sent = items.clone();
    let (link_tx, link_rx) = tokio::sync::oneshot::channel();
    with_browser(move |client| async move {
        cdp(&client, "Browser.grantPermissions", json!({ "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] })).await;
        open_page(&client, &sender_server, "/").await;
        choose_role(&client, "american-company").await;
        for item in &sent {
            tick(&client, item).await;
        }
        click(&client, ".checklists__tool-row button:nth-child(4)").await;
        wait_until(&client, "return document.querySelector('.checklists__said').textContent.length > 0").await;
        let link = client.execute_async("navigator.clipboard.readText().then(arguments[0])", vec![]).await.unwrap();
        let link = link.as_str().unwrap().to_string();
        assert!(link.contains("#plan="), "{link}");
        link_tx.send(link).unwrap();
    })
    .await;
    let link = link_rx.await.unwrap();

    // A fresh browser profile with a plan of its own.
    let notice = labels()
        .shared_notice
        .replace("{done}", "2")
        .replace("{total}", &total.to_string());
    let own = item_ids().last().unwrap().clone();
    let server = StaticServer::start(dist_dir());
    let path = link
        .split_once("127.0.0.1")
        .unwrap()
        .1
        .split_once('/')
        .map(|(_, p)| format!("/{p}"))
        .unwrap();
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        tick(&client, &own).await;
        client.goto(&server.url(&path)).await.unwrap();
        assert_eq!(
            text_of(&client, ".checklists__shared:not([hidden]) p").await,
            notice
        );
        wait_until(&client, &is_ticked(&items[0])).await;
        assert_eq!(
            eval(&client, &is_ticked(&own)).await,
            json!(false),
            "the shared plan is shown"
        );
        let saved = eval(
            &client,
            &format!("return JSON.parse(localStorage.getItem('{PLAN}')).done"),
        )
        .await;
        assert_eq!(
            saved,
            json!([own]),
            "the reader's own plan is untouched until they choose"
        );

        click(&client, ".checklists__shared button:last-child").await;
        wait_until(&client, &is_ticked(&own)).await;
        assert_eq!(eval(&client, "return location.hash").await, json!(""));

        client.goto(&server.url(&path)).await.unwrap();
        wait_until(
            &client,
            "return !document.querySelector('.checklists__shared').hidden",
        )
        .await;
        click(&client, ".checklists__shared .control--primary").await;
        wait_until(
            &client,
            "return document.querySelectorAll('.checklists__shared:not([hidden])').length === 0",
        )
        .await;
        reload(&client).await;
        wait_until(&client, &is_ticked(&items[1])).await;
        assert_eq!(
            eval(&client, &is_ticked(&own)).await,
            json!(false),
            "the shared plan replaced it"
        );
        assert_eq!(
            eval(
                &client,
                "return document.querySelector('input[name=plan-role]:checked').value"
            )
            .await,
            json!("american-company")
        );
    })
    .await;
}

#[tokio::test]
async fn a_broken_share_link_says_so_and_shows_ones_own_plan() {
    let server = StaticServer::start(dist_dir());
    let notice = labels().shared_invalid.clone();
    with_browser(move |client| async move {
        open_page(&client, &server, "/#plan=<script>alert(1)</script>").await;
        assert_eq!(shown_notice(&client).await, notice);
        assert_eq!(
            eval(
                &client,
                "return document.querySelectorAll('.checklists__shared:not([hidden])').length"
            )
            .await,
            json!(0)
        );
    })
    .await;
}

/// The text of the plan notice on screen, once there is one.
async fn shown_notice(client: &Client) -> String {
    reach(client, "#checklists").await;
    text_of(client, ".checklists__notice:not([hidden]) p").await
}
