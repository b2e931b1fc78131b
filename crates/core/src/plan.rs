//! A reader's checklist plan as pure data: who they are and which items they ticked; its
//! versioned storage format, its merge with a changed content file, and compact share codes.

use std::collections::HashSet;
use std::fmt;

use crate::json::Json;

/// The storage format's version; stored values of any other version are set aside.
pub const PLAN_VERSION: u32 = 1;

/// The share code's version, its first character.
const SHARE_VERSION: char = '1';

/// A role and the ticked items, by their content ids.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub role: Option<String>,
    pub done: HashSet<String>,
}

/// How far along a list (or the whole plan) is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    /// From 0 to 1; an empty list counts as complete.
    pub fn fraction(self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.done as f64 / self.total as f64
        }
    }
}

/// Why a stored plan could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredPlanError {
    /// Not a plan at all (damaged, or written by something else).
    Corrupt,
    /// A plan from another version of the app.
    UnknownVersion(u64),
}

/// Why a share code could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareCodeError {
    Malformed,
    UnknownVersion,
}

impl fmt::Display for StoredPlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoredPlanError::Corrupt => f.write_str("not a readable plan"),
            StoredPlanError::UnknownVersion(v) => write!(f, "a plan of unknown version {v}"),
        }
    }
}

impl Plan {
    pub fn is_done(&self, item: &str) -> bool {
        self.done.contains(item)
    }

    pub fn set_done(&mut self, item: &str, done: bool) {
        if done {
            self.done.insert(item.to_string());
        } else {
            self.done.remove(item);
        }
    }

    /// How many of `items` are ticked.
    pub fn progress<'a>(&self, items: impl IntoIterator<Item = &'a str>) -> Progress {
        let mut progress = Progress { done: 0, total: 0 };
        for item in items {
            progress.total += 1;
            progress.done += usize::from(self.is_done(item));
        }
        progress
    }

    /// The plan fitted to a content file: ticks on items it no longer has are dropped, and a
    /// role it no longer offers is forgotten. New items start unticked.
    pub fn fitted_to<'a>(&self, items: impl IntoIterator<Item = &'a str>, roles: &[&str]) -> Plan {
        let known: Vec<&str> = items.into_iter().collect();
        Plan {
            role: self
                .role
                .clone()
                .filter(|role| roles.contains(&role.as_str())),
            done: self
                .done
                .iter()
                .filter(|id| known.contains(&id.as_str()))
                .cloned()
                .collect(),
        }
    }

    /// The versioned JSON kept in storage: `{"version":1,"role":…,"done":[…]}`, ticks in no
    /// particular order.
    pub fn to_stored(&self) -> Json {
        let done = Json::strings(self.done.iter().map(String::as_str));
        Json::Object(vec![
            ("version".into(), Json::Number(f64::from(PLAN_VERSION))),
            (
                "role".into(),
                self.role.clone().map_or(Json::Null, Json::String),
            ),
            ("done".into(), done),
        ])
    }

    /// Reads what [`Plan::to_stored`] wrote; other fields are ignored.
    pub fn from_stored(stored: &Json) -> Result<Plan, StoredPlanError> {
        use StoredPlanError::Corrupt;
        match stored.get("version") {
            Some(&Json::Number(v)) if v == f64::from(PLAN_VERSION) => {}
            Some(&Json::Number(v)) if v.fract() == 0.0 && v >= 0.0 => {
                return Err(StoredPlanError::UnknownVersion(v as u64))
            }
            _ => return Err(Corrupt),
        }
        let role = match stored.get("role") {
            None | Some(Json::Null) => None,
            Some(Json::String(role)) => Some(role.clone()),
            Some(_) => return Err(Corrupt),
        };
        let done = stored
            .get("done")
            .and_then(Json::to_strings)
            .ok_or(Corrupt)?;
        Ok(Plan {
            role,
            done: done.into_iter().collect(),
        })
    }

    /// A short code for a link: the version, the role's code (or `-`), then each ticked
    /// item's code, in content order, so unknown items in an old link are simply skipped.
    pub fn share_code<'a>(&self, items: impl IntoIterator<Item = &'a str>) -> String {
        let mut code = String::from(SHARE_VERSION);
        code.push('.');
        match &self.role {
            Some(role) => code.push_str(&short_code(role)),
            None => code.push('-'),
        }
        code.push('.');
        for item in items.into_iter().filter(|item| self.is_done(item)) {
            code.push_str(&short_code(item));
        }
        code
    }

    /// Reads a share code against the content's items and roles.
    pub fn from_share_code<'a>(
        code: &str,
        items: impl IntoIterator<Item = &'a str>,
        roles: &[&str],
    ) -> Result<Plan, ShareCodeError> {
        let mut parts = code.split('.');
        let (Some(version), Some(role), Some(ticks), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(ShareCodeError::Malformed);
        };
        if version.len() != 1 || !version.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(ShareCodeError::Malformed);
        }
        if version != SHARE_VERSION.to_string() {
            return Err(ShareCodeError::UnknownVersion);
        }
        let valid = |s: &str| {
            s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        };
        if !valid(ticks) || ticks.len() % CODE_LEN != 0 {
            return Err(ShareCodeError::Malformed);
        }
        let role = match role {
            "-" => None,
            code if code.len() == CODE_LEN && valid(code) => roles
                .iter()
                .find(|r| short_code(r) == code)
                .map(|r| r.to_string()),
            _ => return Err(ShareCodeError::Malformed),
        };
        let ticked: Vec<&str> = (0..ticks.len())
            .step_by(CODE_LEN)
            .map(|i| &ticks[i..i + CODE_LEN])
            .collect();
        let done = items
            .into_iter()
            .filter(|item| ticked.contains(&short_code(item).as_str()))
            .map(str::to_string)
            .collect();
        Ok(Plan { role, done })
    }
}

/// Characters in one id's code.
const CODE_LEN: usize = 3;
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Three URL-safe characters derived from an id (18 bits of its FNV-1a hash). Validation
/// rejects content in which two ids share a code.
pub fn short_code(id: &str) -> String {
    let hash = id.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    (0..CODE_LEN)
        .map(|i| char::from(ALPHABET[((hash >> (6 * i)) & 63) as usize]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEMS: [&str; 5] = ["research", "rules", "buyers", "pitch", "books"];
    const ROLES: [&str; 2] = ["seller", "buyer"];

    fn plan(role: Option<&str>, done: &[&str]) -> Plan {
        Plan {
            role: role.map(str::to_string),
            done: done.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn ticking_and_unticking() {
        let mut p = Plan::default();
        p.set_done("rules", true);
        p.set_done("rules", true);
        assert!(p.is_done("rules"));
        p.set_done("rules", false);
        assert!(!p.is_done("rules"));
        assert_eq!(p, Plan::default());
    }

    #[test]
    fn progress_counts_ticked_items_of_a_list() {
        let p = plan(None, &["rules", "pitch", "elsewhere"]);
        assert_eq!(
            p.progress(ITEMS[..3].iter().copied()),
            Progress { done: 1, total: 3 }
        );
        assert_eq!(p.progress(ITEMS), Progress { done: 2, total: 5 });
        assert_eq!(Progress { done: 0, total: 0 }.fraction(), 1.0);
        assert_eq!(Progress { done: 1, total: 4 }.fraction(), 0.25);
    }

    #[test]
    fn fitting_to_changed_content_keeps_what_still_exists() {
        let saved = plan(Some("seller"), &["rules", "removed-item", "books"]);
        let fitted = saved.fitted_to(["rules", "books", "brand-new"], &ROLES);
        assert_eq!(fitted, plan(Some("seller"), &["rules", "books"]));
        assert!(!fitted.is_done("brand-new"));
        let without_role = saved.fitted_to(ITEMS, &["buyer"]);
        assert_eq!(without_role.role, None);
    }

    /// A stored text read as the browser reads it: parsed, then checked.
    fn read_stored(text: &str) -> Result<Plan, StoredPlanError> {
        let json: Json = text.parse().map_err(|_| StoredPlanError::Corrupt)?;
        Plan::from_stored(&json)
    }

    #[test]
    fn stored_form_round_trips_with_its_version() {
        let p = plan(Some("buyer"), &["pitch", "rules"]);
        let text = p.to_stored().to_string();
        assert!(text.contains("\"version\":1"), "{text}");
        assert_eq!(read_stored(&text), Ok(p));
        assert_eq!(
            read_stored(&Plan::default().to_stored().to_string()),
            Ok(Plan::default())
        );
    }

    #[test]
    fn plans_stored_by_earlier_builds_still_read() {
        let stored = r#"{"version":1,"role":"buyer","done":["rules","pitch"]}"#;
        assert_eq!(
            read_stored(stored),
            Ok(plan(Some("buyer"), &["pitch", "rules"]))
        );
        let value: serde_json::Value =
            serde_json::from_str(&plan(None, &["books"]).to_stored().to_string()).unwrap();
        assert_eq!(
            value,
            serde_json::json!({ "version": 1, "role": null, "done": ["books"] })
        );
    }

    #[test]
    fn corrupt_or_foreign_stored_values_are_rejected() {
        for text in [
            "",
            "{",
            "null",
            "[]",
            "42",
            "{\"done\":[]}",
            "{\"version\":\"1\"}",
            "{\"version\":1.5,\"done\":[]}",
            "{\"version\":1,\"done\":\"rules\"}",
            "{\"version\":1,\"done\":[\"rules\",2]}",
            "{\"version\":1,\"role\":7,\"done\":[]}",
        ] {
            assert_eq!(read_stored(text), Err(StoredPlanError::Corrupt), "{text}");
        }
        assert_eq!(
            read_stored("{\"version\":2,\"role\":null,\"done\":[]}"),
            Err(StoredPlanError::UnknownVersion(2))
        );
    }

    #[test]
    fn share_codes_round_trip() {
        for p in [
            plan(Some("seller"), &["research", "books"]),
            plan(None, &[]),
            plan(Some("buyer"), &ITEMS),
        ] {
            let code = p.share_code(ITEMS);
            assert_eq!(
                Plan::from_share_code(&code, ITEMS, &ROLES),
                Ok(p.clone()),
                "{code}"
            );
        }
    }

    #[test]
    fn share_codes_are_compact_and_url_safe() {
        let code = plan(Some("seller"), &ITEMS).share_code(ITEMS);
        assert_eq!(code.len(), 2 + 3 + 1 + 3 * ITEMS.len());
        assert!(
            code.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
            "{code}"
        );
    }

    #[test]
    fn share_codes_survive_content_changes() {
        let code = plan(Some("seller"), &["rules", "books"]).share_code(ITEMS);
        let fewer = ["rules", "pitch", "new-one"];
        assert_eq!(
            Plan::from_share_code(&code, fewer, &["buyer"]),
            Ok(plan(None, &["rules"]))
        );
    }

    #[test]
    fn garbage_share_codes_are_rejected() {
        for code in [
            "",
            "1",
            "1.",
            "1.-",
            "1.-.AB",
            "1.-.AB$",
            "1.xx.ABC",
            "1.-.ABC.DEF",
            "<script>",
            "1.-.🙂🙂🙂",
        ] {
            assert_eq!(
                Plan::from_share_code(code, ITEMS, &ROLES),
                Err(ShareCodeError::Malformed),
                "{code:?}"
            );
        }
        assert_eq!(
            Plan::from_share_code("9.-.", ITEMS, &ROLES),
            Err(ShareCodeError::UnknownVersion)
        );
    }

    #[test]
    fn short_codes_are_stable() {
        // Pinned: readers' saved share links hold these codes, so a change must break this.
        assert_eq!(short_code("research"), "M78");
        assert_eq!(short_code("rules"), "gv7");
        assert_eq!(short_code("cambodian-business"), "k3r");
        assert_eq!(short_code("anything").len(), 3);
    }
}
