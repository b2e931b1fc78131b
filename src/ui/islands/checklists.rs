//! Island: the opportunity checklists: a "who are you?" choice that orders and opens the lists,
//! real checkboxes with progress as text and bars, and tools to reset, copy, download, print and
//! share the plan. Rendered at build time with every list open and nothing ticked.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::browser::clipboard::copy_text;
use crate::ui::browser::page_text;
use crate::ui::browser::plan_state::{Notice, PlanState};
use crate::ui::views::progress_bar::ProgressBar;
use explainer_core::content::model::{
    Checklist, ChecklistGroup, ChecklistItem, ChecklistLabels, Checklists as ChecklistsContent,
    Role,
};
use explainer_core::content::numbers::Digits;
use explainer_core::plan_export::{export, progress_text, Format};
use explainer_core::strings_from_json;

/// The checklists section's element id, and so its address.
pub const CHECKLISTS_ID: &str = "checklists";
/// The name of the "who are you?" radio buttons.
const ROLE_INPUT_NAME: &str = "plan-role";
/// Put on the app root while the plan alone is being printed.
const PRINT_PLAN_CLASS: &str = "explainer--print-plan";

/// What the checklists island shows: the checklists, with every text, and the edition's digits.
/// The island takes no props (so its module needs no JSON parser): the page provides this as
/// context at build time, and in the browser the island reads it back from the page
/// ([`ChecklistsSettings::read_back`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ChecklistsSettings {
    pub checklists: ChecklistsContent,
    pub digits: Digits,
    /// The interface words and the digits as JSON, for the section's `data-words`; none in the
    /// browser, where the page has them already.
    words: Option<String>,
}

impl ChecklistsSettings {
    pub fn new(checklists: ChecklistsContent, digits: Digits) -> Self {
        let digits_word = serde_json::to_value(&digits).unwrap_or_default();
        let words = page_text::words_attribute(&checklists.labels, &[("digits", digits_word)]);
        ChecklistsSettings {
            checklists,
            digits,
            words,
        }
    }

    /// The checklists as the page shows them: the roles, lists, groups and items with their ids
    /// and the texts an export writes, each list's audience (`data-audience`), and the
    /// interface words and digits (`data-words`). The heading and the intros stay empty
    /// (hydrating them keeps the page's).
    fn read_back() -> Self {
        let words = page_text::words(".checklists");
        let roles = page_text::matching(&format!("input[name=\"{ROLE_INPUT_NAME}\"]"))
            .iter()
            .map(|input| Role {
                id: input.get_attribute("value").unwrap_or_default(),
                label: input
                    .next_element_sibling()
                    .and_then(|label| label.text_content())
                    .unwrap_or_default(),
            })
            .collect();
        let lists = page_text::matching(".checklist")
            .iter()
            .map(read_list)
            .collect();
        let labels = strings_from_json!(
            words,
            ChecklistLabels {
                role_question,
                progress,
                whole_plan,
                reset,
                reset_confirm,
                reset_yes,
                reset_no,
                reset_done,
                undo,
                copy_text,
                text_copied,
                copy_failed,
                download,
                print,
                share,
                share_ready,
                shared_notice,
                shared_save,
                shared_discard,
                shared_invalid,
                storage_unavailable,
                storage_reset,
                changed_elsewhere,
                dismiss,
                export_title,
                export_role,
                guidance_note,
            }
        );
        ChecklistsSettings {
            checklists: ChecklistsContent {
                heading: String::new(),
                intro: String::new(),
                labels,
                roles,
                lists,
            },
            digits: Digits::from(words.text("digits")),
            words: None,
        }
    }
}

/// One list as the page shows it (see [`ChecklistsSettings::read_back`]).
fn read_list(list: &web_sys::Element) -> Checklist {
    let groups = page_text::within(list, ".checklist__group")
        .iter()
        .map(|group| ChecklistGroup {
            id: String::new(),
            title: page_text::first_text(group, ".checklist__group-title"),
            text: (page_text::within(group, ".checklist__group-text").first())
                .map(|_| String::new()),
            items: page_text::within(group, ".checklist__item input")
                .iter()
                .map(|input| ChecklistItem {
                    id: page_text::id_after(input, ITEM_INPUT_PREFIX),
                    text: page_text::first_text(group, &format!("label[for=\"{}\"]", input.id())),
                })
                .collect(),
        })
        .collect();
    Checklist {
        id: page_text::id_after(list, LIST_PREFIX),
        title: page_text::first_text(list, ".checklist__title"),
        intro: String::new(),
        audience: (list.get_attribute("data-audience").unwrap_or_default())
            .split_whitespace()
            .map(str::to_string)
            .collect(),
        groups,
    }
}

/// The checklists of the content, numbers written in the edition's `digits`.
#[component]
pub fn Checklists(checklists: ChecklistsContent, digits: Digits) -> impl IntoView {
    provide_context(ChecklistsSettings::new(checklists, digits));
    view! { <ChecklistsIsland /> }
}

/// The checklists, with the reader's plan restored once hydrated; see the module's note.
#[cfg_attr(feature = "lazy-islands", island(lazy))]
#[cfg_attr(not(feature = "lazy-islands"), island)]
fn ChecklistsIsland() -> impl IntoView {
    let ChecklistsSettings {
        checklists,
        digits,
        words,
    } = use_context().unwrap_or_else(ChecklistsSettings::read_back);
    let checklists = Arc::new(checklists);
    provide_context(digits.clone());
    let state = PlanState::new(&checklists);
    let ticked_early = ticked_before_code();
    Effect::new(move |_| {
        state.restore();
        if !ticked_early.is_empty() {
            state.update(|plan| ticked_early.iter().for_each(|id| plan.set_done(id, true)));
        }
    });
    provide_context(state);
    provide_context(checklists.clone());
    let labels = &checklists.labels;
    let role = Memo::new(move |_| state.with_shown(|plan| plan.role.clone()));
    let overall = {
        let checklists = checklists.clone();
        move || state.with_shown(|plan| plan.progress(checklists.item_ids()))
    };
    let progress_label = labels.progress.clone();
    let lists = NodeRef::<Div>::new();
    put_lists_in_order(lists, role, checklists.clone());
    view! {
        <section
            id=CHECKLISTS_ID
            class="checklists"
            aria-labelledby="checklists-title"
            data-words=words
        >
            <h2 id="checklists-title">{checklists.heading.clone()}</h2>
            <p>{checklists.intro.clone()}</p>
            <PlanNotices />
            <SharedBanner />
            <RoleChooser />
            <div class="checklists__overall js-only">
                <p class="checklists__overall-label">{labels.whole_plan.clone()}</p>
                <ProgressBar class="progress" fraction=Signal::derive({
                    let overall = overall.clone();
                    move || overall().fraction()
                }) />
                <p class="checklists__overall-count" role="status" aria-live="polite">
                    {move || progress_text(&progress_label, overall(), &digits)}
                </p>
            </div>
            <p class="checklists__guidance">{labels.guidance_note.clone()}</p>
            <div class="checklists__lists" node_ref=lists>
                {checklists.lists.iter().map(|list| view! { <ChecklistView list=list.clone() /> }).collect_view()}
            </div>
            <PlanTools />
        </section>
    }
}

/// Keeps the lists in the order the role asks for, theirs first, and opens those for the role
/// (all of them when none is chosen), closing the rest, on every change of role. The lists are
/// built once; a new role moves their elements rather than building them again (8 KB less wasm).
/// With no role at first, the lists stay as the page shows them: open as rendered, or as the
/// reader left them before the code came.
fn put_lists_in_order(
    lists: NodeRef<Div>,
    role: Memo<Option<String>>,
    checklists: Arc<ChecklistsContent>,
) {
    Effect::new(move |ran_before: Option<()>| {
        let Some(parent) = lists.get() else { return };
        role.with(|role| {
            if ran_before.is_none() && role.is_none() {
                return;
            }
            for list in checklists.lists_for(role.as_deref()) {
                let selector = format!("#{}", list_id(&list.id));
                if let Ok(Some(element)) = parent.query_selector(&selector) {
                    let open = role.is_none() || list.is_for(role.as_deref());
                    let _ = element.toggle_attribute_with_force("open", open);
                    let _ = parent.append_child(&element);
                }
            }
        });
    });
}

/// The start of a list's element id.
const LIST_PREFIX: &str = "list-";

fn list_id(id: &str) -> String {
    format!("{LIST_PREFIX}{id}")
}

/// The start of an item's checkbox id.
const ITEM_INPUT_PREFIX: &str = "item-";

fn item_input_id(id: &str) -> String {
    format!("{ITEM_INPUT_PREFIX}{id}")
}

/// The items a reader ticked before the island's code came (the checkboxes work with none),
/// read from the page as it hydrates: hydrating sets each box from the plan, which would untick
/// them. None at build time.
fn ticked_before_code() -> Vec<String> {
    page_text::read_attributes(".checklist__item input:checked", "id")
        .iter()
        .filter_map(|id| id.strip_prefix(ITEM_INPUT_PREFIX).map(str::to_string))
        .collect()
}

/// Storage and link notices, each dismissible.
#[component]
fn PlanNotices() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let labels = expect_context::<Arc<ChecklistsContent>>().labels.clone();
    let dismiss = labels.dismiss.clone();
    let text = move || {
        state.notice.get().map(|notice| match notice {
            Notice::StorageUnavailable => labels.storage_unavailable.clone(),
            Notice::StorageReset => labels.storage_reset.clone(),
            Notice::ChangedElsewhere => labels.changed_elsewhere.clone(),
            Notice::SharedInvalid => labels.shared_invalid.clone(),
        })
    };
    view! {
        <div class="checklists__notice" role="status" hidden=move || state.notice.with(Option::is_none)>
            <p>{text}</p>
            <button type="button" class="control" on:click=move |_| state.notice.set(None)>
                {dismiss}
            </button>
        </div>
    }
}

/// Over a plan opened from a link: what it is, and the choice to keep it or go back.
#[component]
fn SharedBanner() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let checklists = expect_context::<Arc<ChecklistsContent>>();
    let digits = expect_context::<Digits>();
    let labels = checklists.labels.clone();
    let template = labels.shared_notice.clone();
    let notice = move || {
        state.shared.with(|shared| {
            let plan = shared.as_ref()?;
            Some(progress_text(
                &template,
                plan.progress(checklists.item_ids()),
                &digits,
            ))
        })
    };
    view! {
        <div
            class="checklists__shared"
            role="region"
            aria-label=labels.shared_save.clone()
            hidden=move || state.shared.with(Option::is_none)
        >
            <p>{notice}</p>
            <button type="button" class="control control--primary" on:click=move |_| state.keep_shared()>
                {labels.shared_save.clone()}
            </button>
            <button type="button" class="control" on:click=move |_| state.discard_shared()>
                {labels.shared_discard.clone()}
            </button>
        </div>
    }
}

/// "Who are you?": one radio button per role.
#[component]
fn RoleChooser() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let checklists = expect_context::<Arc<ChecklistsContent>>();
    let options = checklists
        .roles
        .iter()
        .map(|role| {
            let id = role.id.clone();
            let chosen = {
                let id = id.clone();
                move || state.with_shown(|plan| plan.role.as_deref() == Some(id.as_str()))
            };
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name=ROLE_INPUT_NAME
                        value=role.id.clone()
                        prop:checked=chosen
                        on:change=move |_| state.update(|plan| plan.role = Some(id.clone()))
                    />
                    <span>{role.label.clone()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="checklists__roles js-only">
            <legend>{checklists.labels.role_question.clone()}</legend>
            <div class="choices">{options}</div>
        </fieldset>
    }
}

/// One list, as a disclosure with its progress in the summary; `put_lists_in_order` opens it.
#[component]
fn ChecklistView(list: Checklist) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let labels = expect_context::<Arc<ChecklistsContent>>().labels.clone();
    let digits = expect_context::<Digits>();
    let ids: Vec<String> = list.item_ids().map(str::to_string).collect();
    let progress = Signal::derive(move || {
        state.with_shown(|plan| plan.progress(ids.iter().map(String::as_str)))
    });
    let groups = list
        .groups
        .into_iter()
        .map(|group| {
            let items = group
                .items
                .into_iter()
                .map(|item| {
                    let input_id = item_input_id(&item.id);
                    let id = item.id.clone();
                    let checked = move || state.with_shown(|plan| plan.is_done(&id));
                    let id = item.id.clone();
                    view! {
                        <li class="checklist__item">
                            <input
                                type="checkbox"
                                id=input_id.clone()
                                prop:checked=checked
                                on:change=move |event| {
                                    let done = event_target_checked(&event);
                                    state.update(|plan| plan.set_done(&id, done));
                                }
                            />
                            <label for=input_id>{item.text}</label>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="checklist__group">
                    <legend class="checklist__group-title">{group.title}</legend>
                    {group.text.map(|text| view! { <p class="checklist__group-text">{text}</p> })}
                    <ul class="checklist__items">{items}</ul>
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <details class="checklist" id=list_id(&list.id) data-audience=list.audience.join(" ") open>
            <summary class="checklist__summary">
                <span class="checklist__title">{list.title}</span>
                <span class="checklist__count js-only">{move || progress_text(&labels.progress, progress.get(), &digits)}</span>
                <ProgressBar class="progress" fraction=Signal::derive(move || progress.get().fraction()) />
            </summary>
            <p class="checklist__intro">{list.intro}</p>
            {groups}
        </details>
    }
}

/// Reset (with confirmation and Undo), copy, download, print and share.
#[component]
fn PlanTools() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let checklists = expect_context::<Arc<ChecklistsContent>>();
    let digits = expect_context::<Digits>();
    let labels = checklists.labels.clone();
    let confirming = RwSignal::new(false);
    let message = RwSignal::new(String::new());
    let say = move |text: String| message.set(text);

    let copy = {
        let (checklists, digits, copied, failed) = (
            checklists.clone(),
            digits.clone(),
            labels.text_copied.clone(),
            labels.copy_failed.clone(),
        );
        move |_| {
            let text = state.with_shown(|plan| export(plan, &checklists, &digits, Format::Text));
            let (copied, failed) = (copied.clone(), failed.clone());
            leptos::task::spawn_local(async move {
                say(if copy_text(&text).await {
                    copied
                } else {
                    failed
                });
            });
        }
    };
    let download = {
        let (checklists, digits) = (checklists.clone(), digits.clone());
        move |_| {
            download_markdown(
                &state.with_shown(|plan| export(plan, &checklists, &digits, Format::Markdown)),
            )
        }
    };
    let share = {
        let (ready, failed) = (labels.share_ready.clone(), labels.copy_failed.clone());
        move |_| {
            let url = state.share_url();
            let (ready, failed) = (ready.clone(), failed.clone());
            leptos::task::spawn_local(async move {
                say(if copy_text(&url).await {
                    ready
                } else {
                    format!("{failed} {url}")
                });
            });
        }
    };
    let section = NodeRef::<leptos::html::Div>::new();
    let print = move |_| print_plan(section.get_untracked());
    let reset_done = labels.reset_done.clone();
    let undo_label = labels.undo.clone();
    view! {
        <div class="checklists__tools js-only" node_ref=section>
            <div class="checklists__tool-row">
                <button type="button" class="control" data-explainer-event="plan-copied" on:click=copy>{labels.copy_text.clone()}</button>
                <button type="button" class="control" data-explainer-event="plan-downloaded" on:click=download>{labels.download.clone()}</button>
                <button type="button" class="control" data-explainer-event="plan-printed" on:click=print>{labels.print.clone()}</button>
                <button type="button" class="control" data-explainer-event="plan-shared" on:click=share>{labels.share.clone()}</button>
                <button
                    type="button"
                    class="control control--quiet"
                    aria-expanded=move || confirming.get().to_string()
                    aria-controls="plan-reset-confirm"
                    on:click=move |_| confirming.update(|c| *c = !*c)
                >
                    {labels.reset.clone()}
                </button>
            </div>
            <div id="plan-reset-confirm" class="checklists__confirm" hidden=move || !confirming.get()>
                <p>{labels.reset_confirm.clone()}</p>
                <button
                    type="button"
                    class="control control--primary"
                    on:click=move |_| {
                        confirming.set(false);
                        state.reset();
                    }
                >
                    {labels.reset_yes.clone()}
                </button>
                <button type="button" class="control" on:click=move |_| confirming.set(false)>
                    {labels.reset_no.clone()}
                </button>
            </div>
            <div class="checklists__message" role="status" aria-live="polite">
                <span class="checklists__undo" hidden=move || state.undo.with(Option::is_none)>
                    {reset_done}" "
                    <button type="button" class="control" on:click=move |_| state.undo_reset()>
                        {undo_label}
                    </button>
                </span>
                <span class="checklists__said">{move || message.get()}</span>
            </div>
        </div>
    }
}

/// Offers the Markdown as a file named `plan.md`.
fn download_markdown(markdown: &str) {
    let parts = js_sys::Array::of1(&markdown.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/markdown;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = document();
    if let Ok(link) = document.create_element("a") {
        let link: web_sys::HtmlAnchorElement = link.unchecked_into();
        link.set_href(&url);
        link.set_download("plan.md");
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Prints the plan alone: the app root is marked while the print dialog is open.
fn print_plan(inside: Option<web_sys::HtmlDivElement>) {
    let root = inside.and_then(|el| el.closest(".explainer").ok().flatten());
    if let Some(root) = &root {
        let _ = root.class_list().add_1(PRINT_PLAN_CLASS);
    }
    let _ = window().print();
    if let Some(root) = &root {
        let _ = root.class_list().remove_1(PRINT_PLAN_CLASS);
    }
}
