//! The reader's checklist plan in the browser: restored from and saved to localStorage,
//! kept in step with other tabs, opened from share links, and reset with a chance to undo.

use leptos::ev;
use leptos::prelude::*;

use explainer_core::content::model::Checklists;
use explainer_core::plan::{Plan, StoredPlanError};
use explainer_core::storage_keys::{PLAN as PLAN_KEY, PLAN_SET_ASIDE as SET_ASIDE_KEY};

use crate::ui::browser::json;
use crate::ui::browser::storage::{self, Area};

/// The start of a share link's fragment: `#plan=<code>`.
pub const SHARE_PREFIX: &str = "plan=";
/// How long Undo is offered after a reset, in milliseconds.
const UNDO_WINDOW_MS: u64 = 8000;

/// Something the reader should know about their plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    StorageUnavailable,
    StorageReset,
    ChangedElsewhere,
    SharedInvalid,
}

/// Shared through context by the checklist views.
#[derive(Clone, Copy)]
pub struct PlanState {
    /// The reader's own plan.
    pub mine: RwSignal<Plan>,
    /// A plan opened from a link, shown instead of `mine` until kept or put away.
    pub shared: RwSignal<Option<Plan>>,
    pub notice: RwSignal<Option<Notice>>,
    /// The plan as it was before a reset, while Undo is offered.
    pub undo: RwSignal<Option<Plan>>,
    can_save: StoredValue<bool>,
    items: StoredValue<Vec<String>>,
    roles: StoredValue<Vec<String>>,
}

impl PlanState {
    /// An empty plan, as rendered at build time.
    pub fn new(checklists: &Checklists) -> Self {
        PlanState {
            mine: RwSignal::new(Plan::default()),
            shared: RwSignal::new(None),
            notice: RwSignal::new(None),
            undo: RwSignal::new(None),
            can_save: StoredValue::new(false),
            items: StoredValue::new(checklists.item_ids().map(str::to_string).collect()),
            roles: StoredValue::new(
                checklists
                    .role_ids()
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
            ),
        }
    }

    /// Restores the saved plan, opens a share link if the URL has one, and listens for changes
    /// made in other tabs. Call after hydration.
    pub fn restore(&self) {
        let state = *self;
        let can_save = storage::is_available(Area::Local);
        self.can_save.set_value(can_save);
        let mut notice = (!can_save).then_some(Notice::StorageUnavailable);
        let stored = storage::read(Area::Local, PLAN_KEY);
        match stored.as_deref().map(read_stored) {
            None => {}
            Some(Ok(plan)) => self.mine.set(self.fit(&plan)),
            Some(Err(_)) => {
                storage::write(
                    Area::Local,
                    SET_ASIDE_KEY,
                    stored.as_deref().unwrap_or_default(),
                );
                storage::remove(Area::Local, PLAN_KEY);
                notice = Some(Notice::StorageReset);
            }
        }
        self.notice.set(notice);
        self.open_share_link();
        let on_storage = window_event_listener(ev::storage, move |event| {
            if event.key().as_deref() != Some(PLAN_KEY) {
                return;
            }
            let plan = event
                .new_value()
                .and_then(|v| read_stored(&v).ok())
                .unwrap_or_default();
            let plan = state.fit(&plan);
            if plan != state.mine.get_untracked() {
                state.mine.set(plan);
                state.notice.set(Some(Notice::ChangedElsewhere));
            }
        });
        // A share link pasted into the address bar of an open page arrives as a hash change.
        let on_hash = window_event_listener(ev::hashchange, move |_| state.open_share_link());
        on_cleanup(move || {
            on_storage.remove();
            on_hash.remove();
        });
    }

    fn fit(&self, plan: &Plan) -> Plan {
        self.items
            .with_value(|items| self.roles.with_value(|roles| fit(plan, items, roles)))
    }

    /// Item ids in content order, for share codes.
    fn item_ids(&self) -> Vec<String> {
        self.items.get_value()
    }

    fn open_share_link(&self) {
        let hash = window().location().hash().unwrap_or_default();
        let Some(code) = hash
            .strip_prefix('#')
            .and_then(|h| h.strip_prefix(SHARE_PREFIX))
        else {
            return;
        };
        let items = self.item_ids();
        let roles = self.roles.get_value();
        let role_ids: Vec<&str> = roles.iter().map(String::as_str).collect();
        match Plan::from_share_code(code, items.iter().map(String::as_str), &role_ids) {
            Ok(plan) => self.shared.set(Some(plan)),
            Err(_) => {
                self.notice.set(Some(Notice::SharedInvalid));
                clear_fragment();
            }
        }
    }

    /// Reads the plan on screen (a shared one being looked at, or the reader's own) without
    /// copying it; tracked, so views that call this follow changes.
    pub fn with_shown<R>(&self, read: impl FnOnce(&Plan) -> R) -> R {
        self.shared.with(|shared| match shared {
            Some(plan) => read(plan),
            None => self.mine.with(read),
        })
    }

    /// Changes the plan on screen; the reader's own is saved where storage allows.
    pub fn update(&self, change: impl FnOnce(&mut Plan)) {
        if self.shared.with_untracked(Option::is_some) {
            self.shared.update(|plan| {
                if let Some(plan) = plan {
                    change(plan);
                }
            });
            return;
        }
        self.mine.update(change);
        self.save();
    }

    fn save(&self) {
        if !self.can_save.get_value() {
            return;
        }
        let saved = storage::write(
            Area::Local,
            PLAN_KEY,
            &json::stringify(&self.mine.get_untracked().to_stored()),
        );
        if !saved {
            self.can_save.set_value(false);
            self.notice.set(Some(Notice::StorageUnavailable));
        }
    }

    /// Makes the shared plan the reader's own.
    pub fn keep_shared(&self) {
        if let Some(plan) = self.shared.get_untracked() {
            self.shared.set(None);
            self.mine.set(plan);
            self.save();
        }
        clear_fragment();
    }

    /// Puts the shared plan away and shows the reader's own again.
    pub fn discard_shared(&self) {
        self.shared.set(None);
        clear_fragment();
    }

    /// Clears every tick (the role stays) and offers Undo for a few seconds.
    pub fn reset(&self) {
        let before = self.shown_untracked();
        self.undo.set(Some(before.clone()));
        self.update(|plan| plan.done.clear());
        let undo = self.undo;
        set_timeout(
            move || undo.set(None),
            std::time::Duration::from_millis(UNDO_WINDOW_MS),
        );
    }

    pub fn undo_reset(&self) {
        if let Some(before) = self.undo.get_untracked() {
            self.undo.set(None);
            self.update(|plan| *plan = before);
        }
    }

    fn shown_untracked(&self) -> Plan {
        self.shared
            .get_untracked()
            .unwrap_or_else(|| self.mine.get_untracked())
    }

    /// The address of the plan on screen, as a share link.
    pub fn share_url(&self) -> String {
        let items = self.item_ids();
        let code = self
            .shown_untracked()
            .share_code(items.iter().map(String::as_str));
        let location = window().location();
        let page = location.href().unwrap_or_default();
        let page = page.split('#').next().unwrap_or_default();
        format!("{page}#{SHARE_PREFIX}{code}")
    }
}

/// A plan as stored, parsed by the browser and checked.
fn read_stored(text: &str) -> Result<Plan, StoredPlanError> {
    let stored = json::parse(text).ok_or(StoredPlanError::Corrupt)?;
    Plan::from_stored(&stored)
}

fn fit(plan: &Plan, items: &[String], roles: &[String]) -> Plan {
    let role_ids: Vec<&str> = roles.iter().map(String::as_str).collect();
    plan.fitted_to(items.iter().map(String::as_str), &role_ids)
}

/// Takes `#plan=…` out of the address bar without reloading.
fn clear_fragment() {
    let window = window();
    let location = window.location();
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
