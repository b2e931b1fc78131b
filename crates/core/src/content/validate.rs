//! Reading and checking a content file: every problem is reported with its place, such as `faq[3].answer: missing`.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde_json::Value;

use super::dates::PublishingDate;
use super::inline::{self, Inline};
use super::model::{Checklists, Content, LocatorMap, Publication, Section};
use super::parts::RESERVED_SLUGS;
use super::template::missing_blanks;
use crate::plan::short_code;

/// One thing wrong with a content file, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// A path into the file (`sections[2].title`) or, for broken JSON, a line and column.
    pub place: String,
    pub message: String,
}

impl Problem {
    pub fn new(place: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            place: place.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// Parses and checks a content file; on failure, returns every problem found.
pub fn parse_content(json: &str) -> Result<Content, Vec<Problem>> {
    let raw: Value = serde_json::from_str(json).map_err(|e| vec![syntax_problem(&e)])?;
    if !raw.is_object() {
        // serde would read a list as a struct by position; a content file is an object.
        let found = if raw.is_array() {
            "a list"
        } else {
            "a single value"
        };
        return Err(vec![Problem::new(
            "(top level)",
            format!("invalid type: {found}, expected an object"),
        )]);
    }
    let mut problems = Vec::new();
    find_empty_text(&raw, &mut String::new(), &mut problems);
    match serde_path_to_error::deserialize::<_, Content>(&raw) {
        Ok(content) => {
            problems.extend(check(&content));
            if problems.is_empty() {
                return Ok(content);
            }
        }
        Err(error) => problems.push(shape_problem(&error)),
    }
    Err(problems)
}

fn syntax_problem(err: &serde_json::Error) -> Problem {
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    Problem::new(
        format!("line {}, column {}", err.line(), err.column()),
        format!("not valid JSON: {message}"),
    )
}

/// A value of the wrong shape, named at its place: serde's "missing field `answer`" at `faq[1]`
/// becomes `faq[1].answer: missing`, and an unknown field is named as such.
fn shape_problem(error: &serde_path_to_error::Error<serde_json::Error>) -> Problem {
    let path = error.path().to_string();
    let path = if path == "." { String::new() } else { path };
    let message = error.inner().to_string();
    let missing = || {
        let field = message.strip_prefix("missing field `")?.split('`').next()?;
        Some(Problem::new(join(&path, field), "missing"))
    };
    // serde's path already ends with the unknown field's name.
    let unknown = || {
        message
            .starts_with("unknown field `")
            .then(|| Problem::new(path.clone(), "not a known field (is it misspelt?)"))
    };
    missing().or_else(unknown).unwrap_or_else(|| {
        let place = if path.is_empty() {
            "(top level)"
        } else {
            &path
        };
        Problem::new(place, in_plain_words(&message))
    })
}

/// serde's words for JSON's shapes, as an editor would say them: "map" is an object and
/// "sequence" a list; the name of the Rust struct expected is left out.
fn in_plain_words(message: &str) -> String {
    let message = message
        .replace("invalid type: map", "invalid type: an object")
        .replace("invalid type: sequence", "invalid type: a list")
        .replace("expected a sequence", "expected a list");
    match message.split_once("expected struct ") {
        Some((before, _name)) => format!("{before}expected an object"),
        None => message,
    }
}

/// `field` inside the object at `place`.
fn join(place: &str, field: &str) -> String {
    if place.is_empty() {
        field.to_string()
    } else {
        format!("{place}.{field}")
    }
}

/// Every string in a content file is read by someone, so none may be blank.
fn find_empty_text(value: &Value, place: &mut String, problems: &mut Vec<Problem>) {
    let len = place.len();
    match value {
        Value::String(text) if text.trim().is_empty() => {
            problems.push(Problem::new(place.clone(), "must not be empty"));
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                place.push_str(&format!("[{i}]"));
                find_empty_text(item, place, problems);
                place.truncate(len);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                if !place.is_empty() {
                    place.push('.');
                }
                place.push_str(key);
                find_empty_text(item, place, problems);
                place.truncate(len);
            }
        }
        _ => {}
    }
}

/// Checks what the types cannot: ids, references between parts, and inline markup.
fn check(content: &Content) -> Vec<Problem> {
    let mut problems = Vec::new();
    let story = &content.story;
    if story.sections.is_empty() {
        problems.push(Problem::new("story.sections", "needs at least one section"));
    }
    let section_ids = unique_ids(
        &mut story.sections.iter().map(|s| s.id.as_str()),
        "story.sections",
        &mut problems,
    );
    for (i, section) in story.sections.iter().enumerate() {
        if RESERVED_SLUGS.contains(&section.id.as_str()) {
            problems.push(Problem::new(
                format!("story.sections[{i}].id"),
                format!(
                    "\"{}\" names another part of the page; a section cannot take it",
                    section.id
                ),
            ));
        }
    }
    let glossary_ids = unique_ids(
        &mut content.glossary.iter().map(|g| g.id.as_str()),
        "glossary",
        &mut problems,
    );
    unique_ids(
        &mut content.faq.iter().map(|f| f.id.as_str()),
        "faq",
        &mut problems,
    );

    let mut rich =
        |place: String, text: &str| check_inline(&place, text, &glossary_ids, &mut problems);
    rich("story.standfirst".into(), &story.standfirst);
    for (i, section) in story.sections.iter().enumerate() {
        for (place, text) in section_texts(section, &format!("story.sections[{i}]")) {
            rich(place, text);
        }
    }
    // Answers are searched and marked as plain text, and copied into JSON-LD as they are.
    for (i, entry) in content.faq.iter().enumerate() {
        if entry.answer.contains("[[") {
            problems.push(Problem::new(
                format!("faq[{i}].answer"),
                "glossary references [[…]] are not available in answers; write the words plainly",
            ));
        }
    }
    let labels = &content.labels;
    if let Some(problem) = labels.digits.problem() {
        problems.push(Problem::new("labels.digits", problem));
    }
    require_blanks(
        "labels.faq_filter_count",
        &labels.faq_filter_count,
        &["shown", "total"],
        &mut problems,
    );
    require_blanks(
        "labels.faq_no_match",
        &labels.faq_no_match,
        &["query"],
        &mut problems,
    );
    for (place, template) in [
        ("labels.published", &labels.published),
        ("labels.updated", &labels.updated),
    ] {
        require_blanks(place, template, &["date"], &mut problems);
    }
    require_blanks(
        "labels.part_source",
        &labels.part_source,
        &["title"],
        &mut problems,
    );
    require_blanks(
        "labels.date_format",
        &labels.date_format,
        &["day", "month", "year"],
        &mut problems,
    );
    if labels.months.len() != 12 {
        problems.push(Problem::new(
            "labels.months",
            format!(
                "needs the twelve months' names, January first; found {}",
                labels.months.len()
            ),
        ));
    }
    check_publication(&content.publication, &mut problems);
    if let Some(map) = &content.locator_map {
        check_locator_map(map, &section_ids, &mut problems);
    }

    for (i, entry) in content.faq.iter().enumerate() {
        if let Some(section) = &entry.section {
            if !section_ids.contains(section.as_str()) {
                problems.push(Problem::new(
                    format!("faq[{i}].section"),
                    format!("names section \"{section}\", which does not exist"),
                ));
            }
        }
    }
    for (i, section) in story.sections.iter().enumerate() {
        check_section_lists(section, &format!("story.sections[{i}]"), &mut problems);
    }
    if let Some(checklists) = &content.checklists {
        check_checklists(checklists, &mut problems);
    }
    problems
}

/// The map follows a real section, its extent is a box on the globe, its countries are named
/// by three-digit codes, and its labels sit inside it.
fn check_locator_map(map: &LocatorMap, section_ids: &HashSet<&str>, problems: &mut Vec<Problem>) {
    if !section_ids.contains(map.section.as_str()) {
        problems.push(Problem::new(
            "locator_map.section",
            format!("names section \"{}\", which does not exist", map.section),
        ));
    }
    let [west, south, east, north] = map.extent;
    let on_globe = (-180.0..=180.0).contains(&west)
        && (-180.0..=180.0).contains(&east)
        && (-90.0..=90.0).contains(&south)
        && (-90.0..=90.0).contains(&north);
    if !(on_globe && west < east && south < north) {
        problems.push(Problem::new(
            "locator_map.extent",
            "must be [west, south, east, north] in degrees, west of east and south of north",
        ));
    }
    let is_code = |code: &str| code.len() == 3 && code.bytes().all(|b| b.is_ascii_digit());
    let codes = std::iter::once(("locator_map.highlight".to_string(), &map.highlight)).chain(
        (map.members.iter().enumerate())
            .map(|(i, code)| (format!("locator_map.members[{i}]"), code)),
    );
    let codes = codes.chain(
        (map.labels.iter().enumerate())
            .map(|(i, label)| (format!("locator_map.labels[{i}].country"), &label.country)),
    );
    for (place, code) in codes {
        if !is_code(code) {
            problems.push(Problem::new(
                place,
                format!("\"{code}\" is not an ISO 3166-1 numeric code such as \"116\""),
            ));
        }
    }
    for (i, label) in map.labels.iter().enumerate() {
        if label.leader.len() == 1 {
            problems.push(Problem::new(
                format!("locator_map.labels[{i}].leader"),
                "needs two points or more: one under the name, one inside the country",
            ));
        }
        let points = std::iter::once(("at", label.at))
            .chain(label.leader.iter().map(|point| ("leader", *point)));
        for (field, [longitude, latitude]) in points {
            if !((west..=east).contains(&longitude) && (south..=north).contains(&latitude)) {
                problems.push(Problem::new(
                    format!("locator_map.labels[{i}].{field}"),
                    "lies outside the map's extent",
                ));
            }
        }
    }
}

/// The address absolute, both dates well-formed, and the update not before the first
/// publication.
fn check_publication(publication: &Publication, problems: &mut Vec<Problem>) {
    let address = &publication.base_url;
    if !(address.starts_with("https://") || address.starts_with("http://"))
        || !address.ends_with('/')
    {
        problems.push(Problem::new(
            "publication.base_url",
            format!("\"{address}\" is not an address such as https://news.example/explainer/ (http or https, ending /)"),
        ));
    }
    let mut read = |place: &str, text: &str| {
        PublishingDate::parse(text)
            .map_err(|message| problems.push(Problem::new(place, message)))
            .ok()
    };
    let published = read("publication.published", &publication.published);
    let updated = read("publication.updated", &publication.updated);
    if let (Some(published), Some(updated)) = (published, updated) {
        if updated.instant() < published.instant() {
            problems.push(Problem::new(
                "publication.updated",
                format!(
                    "\"{}\" is before the first publication, \"{}\"",
                    publication.updated, publication.published
                ),
            ));
        }
    }
}

/// Roles, lists and items: ids unique (item ids across every list, since plans store them),
/// audiences that name real roles, share codes that tell items apart, and label blanks.
fn check_checklists(checklists: &Checklists, problems: &mut Vec<Problem>) {
    let roles = unique_ids(
        &mut checklists.roles.iter().map(|r| r.id.as_str()),
        "checklists.roles",
        problems,
    );
    if checklists.roles.is_empty() {
        problems.push(Problem::new("checklists.roles", "needs at least one role"));
    }
    unique_ids(
        &mut checklists.lists.iter().map(|l| l.id.as_str()),
        "checklists.lists",
        problems,
    );
    let mut items = HashSet::new();
    let mut codes: HashMap<String, &str> = HashMap::new();
    for (role, code) in checklists
        .roles
        .iter()
        .map(|r| (r.id.as_str(), short_code(&r.id)))
    {
        codes.entry(code).or_insert(role);
    }
    for (l, list) in checklists.lists.iter().enumerate() {
        let place = format!("checklists.lists[{l}]");
        for (a, role) in list.audience.iter().enumerate() {
            if !roles.contains(role.as_str()) {
                problems.push(Problem::new(
                    format!("{place}.audience[{a}]"),
                    format!("names role \"{role}\", which does not exist"),
                ));
            }
        }
        unique_ids(
            &mut list.groups.iter().map(|g| g.id.as_str()),
            &format!("{place}.groups"),
            problems,
        );
        if list.groups.is_empty() {
            problems.push(Problem::new(
                format!("{place}.groups"),
                "needs at least one group",
            ));
        }
        for (g, group) in list.groups.iter().enumerate() {
            let place = format!("{place}.groups[{g}]");
            if group.items.is_empty() {
                problems.push(Problem::new(
                    format!("{place}.items"),
                    "needs at least one item",
                ));
            }
            for (i, item) in group.items.iter().enumerate() {
                let place = format!("{place}.items[{i}].id");
                if !item.id.trim().is_empty() && !is_slug(&item.id) {
                    problems.push(Problem::new(
                        &place,
                        format!("\"{}\" is not a slug", item.id),
                    ));
                }
                if !items.insert(item.id.as_str()) {
                    problems.push(Problem::new(
                        &place,
                        format!("\"{}\" is used twice", item.id),
                    ));
                    continue;
                }
                let code = short_code(&item.id);
                if let Some(other) = codes.insert(code, &item.id) {
                    problems.push(Problem::new(
                        &place,
                        format!(
                            "\"{}\" shares its link code with \"{other}\"; rename one",
                            item.id
                        ),
                    ));
                }
            }
        }
    }
    let labels = &checklists.labels;
    require_blanks(
        "checklists.labels.progress",
        &labels.progress,
        &["done", "total"],
        problems,
    );
    require_blanks(
        "checklists.labels.shared_notice",
        &labels.shared_notice,
        &["done", "total"],
        problems,
    );
    require_blanks(
        "checklists.labels.export_role",
        &labels.export_role,
        &["role"],
        problems,
    );
}

/// A label template must keep each of its blanks, or the filled-in text would lose them.
fn require_blanks(place: &str, template: &str, blanks: &[&str], problems: &mut Vec<Problem>) {
    for blank in missing_blanks(template, blanks) {
        problems.push(Problem::new(
            place,
            format!("must contain the blank {{{blank}}}"),
        ));
    }
}

/// The most points of view a section may have: the page's CSS pairs each choice with its
/// panel by position, up to this many.
pub const MAX_POINTS_OF_VIEW: usize = 6;

/// Lists in a section that must not be empty, and its points of view.
fn check_section_lists(section: &Section, place: &str, problems: &mut Vec<Problem>) {
    let mut require = |empty: bool, what: String, message: &str| {
        if empty {
            problems.push(Problem::new(what, message));
        }
    };
    require(
        section.body.is_empty(),
        format!("{place}.body"),
        "needs at least one paragraph",
    );
    if let Some(list) = &section.list {
        require(
            list.items.is_empty(),
            format!("{place}.list.items"),
            "needs at least one item",
        );
    }
    if let Some(perspectives) = &section.perspectives {
        let tabs = format!("{place}.perspectives.tabs");
        require(
            perspectives.tabs.len() < 2,
            tabs.clone(),
            "needs at least two points of view",
        );
        require(
            perspectives.tabs.len() > MAX_POINTS_OF_VIEW,
            tabs.clone(),
            "has more than six points of view; split them across sections",
        );
        for (t, tab) in perspectives.tabs.iter().enumerate() {
            require(
                tab.items.is_empty(),
                format!("{tabs}[{t}].items"),
                "needs at least one item",
            );
        }
        unique_ids(
            &mut perspectives.tabs.iter().map(|t| t.id.as_str()),
            &tabs,
            problems,
        );
    }
}

/// The texts of a section that may hold glossary references, each with its place.
fn section_texts<'a>(section: &'a Section, place: &str) -> Vec<(String, &'a str)> {
    let mut texts = vec![(format!("{place}.summary"), section.summary.as_str())];
    for (i, paragraph) in section.body.iter().enumerate() {
        texts.push((format!("{place}.body[{i}]"), paragraph));
    }
    if let Some(list) = &section.list {
        for (i, item) in list.items.iter().enumerate() {
            texts.push((format!("{place}.list.items[{i}]"), item));
        }
    }
    for (t, tab) in section
        .perspectives
        .iter()
        .flat_map(|p| &p.tabs)
        .enumerate()
    {
        let tab_place = format!("{place}.perspectives.tabs[{t}]");
        texts.push((format!("{tab_place}.intro"), &tab.intro));
        for (i, item) in tab.items.iter().enumerate() {
            texts.push((format!("{tab_place}.items[{i}]"), item));
        }
        if let Some(note) = &tab.note {
            texts.push((format!("{tab_place}.note"), note));
        }
    }
    texts
}

fn check_inline(
    place: &str,
    text: &str,
    glossary_ids: &HashSet<&str>,
    problems: &mut Vec<Problem>,
) {
    match inline::parse(text) {
        Err(err) => problems.push(Problem::new(place, err.to_string())),
        Ok(runs) => {
            for run in runs {
                if let Inline::Term { id, .. } = run {
                    if !glossary_ids.contains(id) {
                        problems.push(Problem::new(
                            place,
                            format!("refers to glossary term \"{id}\", which does not exist"),
                        ));
                    }
                }
            }
        }
    }
}

/// Checks that each id is a slug and appears once; returns the set of ids. (Taking `dyn`
/// compiles it once rather than once per caller.)
fn unique_ids<'a>(
    ids: &mut dyn Iterator<Item = &'a str>,
    list: &str,
    problems: &mut Vec<Problem>,
) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        let place = format!("{list}[{i}].id");
        if !id.trim().is_empty() && !is_slug(id) {
            problems.push(Problem::new(
                &place,
                format!("\"{id}\" is not a slug (lower-case letters, digits and single hyphens)"),
            ));
        }
        if !seen.insert(id) {
            problems.push(Problem::new(&place, format!("\"{id}\" is used twice")));
        }
    }
    seen
}

/// A slug: lower-case ASCII letters and digits in groups joined by single hyphens.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::is_slug;

    #[test]
    fn slugs() {
        for good in ["a", "trade-2024", "boeing-737-max"] {
            assert!(is_slug(good), "{good}");
        }
        for bad in ["", "-a", "a-", "a--b", "Trade", "a b", "été", "a_b"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
