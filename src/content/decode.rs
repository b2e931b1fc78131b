//! Reading the typed model out of parsed JSON by hand, naming the place of the first value of
//! the wrong shape (`faq[3].answer: missing`). Written out rather than derived with serde:
//! derived decoders that track their place cost the wasm 43 KB more.

use serde_json::{Map, Value};

use super::model::*;
use super::validate::Problem;

type Decoded<T> = Result<T, Problem>;

/// Reads a struct whose fields are all required text, naming each field once.
macro_rules! all_text {
    ($ty:ident, $value:expr, $place:expr, [$($field:ident),* $(,)?]) => {{
        let o = Object::new($value, $place, &[$(stringify!($field)),*])?;
        Ok($ty { $($field: o.text(stringify!($field))?),* })
    }};
}

/// Reads a whole content file from its parsed JSON.
pub fn decode_content(value: &Value) -> Decoded<Content> {
    let o = Object::new(
        value,
        "",
        &["lang", "labels", "story", "glossary", "faq", "checklists"],
    )?;
    Ok(Content {
        lang: o.text("lang")?,
        labels: o.required("labels", labels)?,
        story: o.required("story", story)?,
        glossary: o.list_or_empty("glossary", glossary_entry)?,
        faq: o.list_or_empty("faq", faq_entry)?,
        checklists: o.optional("checklists", checklists)?,
    })
}

/// A JSON object being read field by field, at `place` in the file.
struct Object<'a> {
    fields: &'a Map<String, Value>,
    place: String,
}

impl<'a> Object<'a> {
    /// Checks that `value` is an object whose fields are all among `known`.
    fn new(value: &'a Value, place: &str, known: &[&str]) -> Decoded<Self> {
        let Value::Object(fields) = value else {
            return Err(wrong_type(value, "an object", place));
        };
        if let Some(unknown) = fields.keys().find(|key| !known.contains(&key.as_str())) {
            return Err(Problem::new(
                join(place, unknown),
                "not a known field (is it misspelt?)",
            ));
        }
        Ok(Object {
            fields,
            place: place.to_string(),
        })
    }

    fn required<T>(&self, name: &str, read: impl Fn(&Value, &str) -> Decoded<T>) -> Decoded<T> {
        let place = join(&self.place, name);
        match self.fields.get(name) {
            Some(value) => read(value, &place),
            None => Err(Problem::new(place, "missing")),
        }
    }

    /// A field that may be left out or set to `null`.
    fn optional<T>(&self, name: &str, read: fn(&Value, &str) -> Decoded<T>) -> Decoded<Option<T>> {
        match self.fields.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => read(value, &join(&self.place, name)).map(Some),
        }
    }

    fn text(&self, name: &str) -> Decoded<String> {
        self.required(name, text)
    }

    fn optional_text(&self, name: &str) -> Decoded<Option<String>> {
        self.optional(name, text)
    }

    fn list<T>(&self, name: &str, read: fn(&Value, &str) -> Decoded<T>) -> Decoded<Vec<T>> {
        self.required(name, |value, place| list(value, place, read))
    }

    /// A list that may be left out, which reads as empty.
    fn list_or_empty<T>(
        &self,
        name: &str,
        read: fn(&Value, &str) -> Decoded<T>,
    ) -> Decoded<Vec<T>> {
        match self.fields.get(name) {
            Some(value) => list(value, &join(&self.place, name), read),
            None => Ok(Vec::new()),
        }
    }
}

fn list<T>(value: &Value, place: &str, read: fn(&Value, &str) -> Decoded<T>) -> Decoded<Vec<T>> {
    let Value::Array(items) = value else {
        return Err(wrong_type(value, "a list", place));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| read(item, &format!("{place}[{i}]")))
        .collect()
}

fn text(value: &Value, place: &str) -> Decoded<String> {
    match value {
        Value::String(text) => Ok(text.clone()),
        other => Err(wrong_type(other, "a string", place)),
    }
}

fn join(place: &str, name: &str) -> String {
    if place.is_empty() {
        name.to_string()
    } else {
        format!("{place}.{name}")
    }
}

/// Worded as serde words it: "invalid type: integer `3`, expected a string".
fn wrong_type(value: &Value, expected: &str, place: &str) -> Problem {
    let found = match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) if n.is_f64() => format!("floating point `{n}`"),
        Value::Number(n) => format!("integer `{n}`"),
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "an object".to_string(),
    };
    let place = if place.is_empty() {
        "(top level)"
    } else {
        place
    };
    Problem::new(place, format!("invalid type: {found}, expected {expected}"))
}

fn labels(value: &Value, place: &str) -> Decoded<Labels> {
    all_text!(
        Labels,
        value,
        place,
        [
            page_title,
            skip_to_content,
            contents,
            reading_mode,
            short_read,
            full_read,
            section_open,
            section_close,
            key_facts,
            faq_heading,
            faq_related_section,
            faq_show_all,
            faq_hide_all,
            faq_filter_label,
            faq_filter_clear,
            faq_filter_count,
            faq_no_match,
            faq_copy_link,
            faq_link_copied,
            faq_copy_failed,
            embed_heading,
            embed_intro,
            embed_frame_label,
            embed_script_label,
            embed_copy,
            embed_copied,
            source_note,
        ]
    )
}

fn story(value: &Value, place: &str) -> Decoded<Story> {
    let o = Object::new(
        value,
        place,
        &["kicker", "headline", "standfirst", "key_facts", "sections"],
    )?;
    Ok(Story {
        kicker: o.text("kicker")?,
        headline: o.text("headline")?,
        standfirst: o.text("standfirst")?,
        key_facts: o.list_or_empty("key_facts", key_fact)?,
        sections: o.list("sections", section)?,
    })
}

fn key_fact(value: &Value, place: &str) -> Decoded<KeyFact> {
    all_text!(KeyFact, value, place, [label, value])
}

fn section(value: &Value, place: &str) -> Decoded<Section> {
    let o = Object::new(
        value,
        place,
        &[
            "id",
            "title",
            "summary",
            "body",
            "list",
            "fact",
            "perspectives",
        ],
    )?;
    Ok(Section {
        id: o.text("id")?,
        title: o.text("title")?,
        summary: o.text("summary")?,
        body: o.list("body", text)?,
        list: o.optional("list", section_list)?,
        fact: o.optional("fact", key_fact)?,
        perspectives: o.optional("perspectives", perspectives)?,
    })
}

fn section_list(value: &Value, place: &str) -> Decoded<SectionList> {
    let o = Object::new(value, place, &["intro", "items"])?;
    Ok(SectionList {
        intro: o.text("intro")?,
        items: o.list("items", text)?,
    })
}

fn perspectives(value: &Value, place: &str) -> Decoded<Perspectives> {
    let o = Object::new(value, place, &["label", "tabs"])?;
    Ok(Perspectives {
        label: o.text("label")?,
        tabs: o.list("tabs", perspective)?,
    })
}

fn perspective(value: &Value, place: &str) -> Decoded<Perspective> {
    let o = Object::new(value, place, &["id", "label", "intro", "items", "note"])?;
    Ok(Perspective {
        id: o.text("id")?,
        label: o.text("label")?,
        intro: o.text("intro")?,
        items: o.list("items", text)?,
        note: o.optional_text("note")?,
    })
}

fn glossary_entry(value: &Value, place: &str) -> Decoded<GlossaryEntry> {
    all_text!(GlossaryEntry, value, place, [id, term, definition])
}

fn faq_entry(value: &Value, place: &str) -> Decoded<FaqEntry> {
    let o = Object::new(value, place, &["id", "question", "answer", "section"])?;
    Ok(FaqEntry {
        id: o.text("id")?,
        question: o.text("question")?,
        answer: o.text("answer")?,
        section: o.optional_text("section")?,
    })
}

fn checklists(value: &Value, place: &str) -> Decoded<Checklists> {
    let o = Object::new(
        value,
        place,
        &["heading", "intro", "labels", "roles", "lists"],
    )?;
    Ok(Checklists {
        heading: o.text("heading")?,
        intro: o.text("intro")?,
        labels: o.required("labels", checklist_labels)?,
        roles: o.list("roles", role)?,
        lists: o.list("lists", checklist)?,
    })
}

fn role(value: &Value, place: &str) -> Decoded<Role> {
    all_text!(Role, value, place, [id, label])
}

fn checklist(value: &Value, place: &str) -> Decoded<Checklist> {
    let o = Object::new(
        value,
        place,
        &["id", "title", "intro", "audience", "groups"],
    )?;
    Ok(Checklist {
        id: o.text("id")?,
        title: o.text("title")?,
        intro: o.text("intro")?,
        audience: o.list("audience", text)?,
        groups: o.list("groups", checklist_group)?,
    })
}

fn checklist_group(value: &Value, place: &str) -> Decoded<ChecklistGroup> {
    let o = Object::new(value, place, &["id", "title", "text", "items"])?;
    Ok(ChecklistGroup {
        id: o.text("id")?,
        title: o.text("title")?,
        text: o.optional_text("text")?,
        items: o.list("items", checklist_item)?,
    })
}

fn checklist_item(value: &Value, place: &str) -> Decoded<ChecklistItem> {
    all_text!(ChecklistItem, value, place, [id, text])
}

fn checklist_labels(value: &Value, place: &str) -> Decoded<ChecklistLabels> {
    all_text!(
        ChecklistLabels,
        value,
        place,
        [
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
        ]
    )
}
