//! The dateline under the standfirst, rendered at build time: when this edition was published
//! and, if on a later day, updated, in the edition's words and digits, each date a `<time>`
//! holding its ISO 8601 value.

use leptos::prelude::*;

use explainer_core::content::dates::PublishingDate;
use explainer_core::content::model::{Labels, Publication};

/// "Published …", then " · Updated …" once the edition was updated on a later day.
#[component]
pub fn Dateline(publication: Publication, labels: Labels) -> impl IntoView {
    let published = PublishingDate::parse(&publication.published);
    let updated = PublishingDate::parse(&publication.updated);
    let later = match (&published, &updated) {
        (Ok(published), Ok(updated)) => !updated.same_day(published),
        _ => publication.updated != publication.published,
    };
    view! {
        <p class="dateline">
            {stamp(&labels.published, &publication.published, &labels)}
            {later.then(|| view! { " · " {stamp(&labels.updated, &publication.updated, &labels)} })}
        </p>
    }
}

/// `template` with its `{date}` blank as a `<time>`: `iso` written in the edition's words.
fn stamp(template: &str, iso: &str, labels: &Labels) -> impl IntoView {
    let written =
        PublishingDate::parse(iso).map_or_else(|_| iso.to_string(), |d| d.written(labels));
    let (before, after) = template.split_once("{date}").unwrap_or((template, ""));
    view! {
        <span>{before.to_string()}<time datetime=iso.to_string()>{written}</time>{after.to_string()}</span>
    }
}
