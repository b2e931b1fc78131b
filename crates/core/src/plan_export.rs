//! A plan written out for people: plain text to paste anywhere, and Markdown to download.

use crate::content::model::Checklists;
use crate::content::numbers::Digits;
use crate::content::template::fill;
use crate::plan::{Plan, Progress};

/// The two written forms of a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
}

/// `progress` in the content's words and digits, such as "3 of 9 done".
pub fn progress_text(template: &str, progress: Progress, digits: &Digits) -> String {
    fill(
        template,
        &[
            ("done", &digits.format(progress.done)),
            ("total", &digits.format(progress.total)),
        ],
    )
}

/// Backslashes before every character Markdown could read as formatting or markup.
fn escape_markdown(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_{}[]<>()#+-.!|~".contains(c) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// The plan, with every list in the order the page shows it and each item ticked or not.
/// Numbers are written in `digits`.
pub fn export(plan: &Plan, checklists: &Checklists, digits: &Digits, format: Format) -> String {
    let labels = &checklists.labels;
    let md = format == Format::Markdown;
    let esc = |text: &str| {
        if md {
            escape_markdown(text)
        } else {
            text.to_string()
        }
    };
    let overall = progress_text(
        &labels.progress,
        plan.progress(checklists.item_ids()),
        digits,
    );
    let role = plan
        .role
        .as_deref()
        .and_then(|id| checklists.roles.iter().find(|r| r.id == id))
        .map(|r| fill(&labels.export_role, &[("role", &r.label)]));

    let mut out = String::new();
    out += &format!(
        "{}{}\n",
        if md { "# " } else { "" },
        esc(&labels.export_title)
    );
    if md {
        out.push('\n');
    }
    for line in role.iter().chain([&overall]) {
        out += &format!("{}\n", esc(line));
    }
    out += &if md {
        format!("\n_{}_\n", esc(&labels.guidance_note))
    } else {
        format!("{}\n", labels.guidance_note)
    };
    for list in checklists.lists_for(plan.role.as_deref()) {
        let progress = progress_text(&labels.progress, plan.progress(list.item_ids()), digits);
        out += &if md {
            format!("\n## {} ({})\n", esc(&list.title), esc(&progress))
        } else {
            format!("\n{} ({})\n", list.title, progress)
        };
        for group in &list.groups {
            out += &if md {
                format!("\n### {}\n\n", esc(&group.title))
            } else {
                format!("\n  {}\n", group.title)
            };
            for item in &group.items {
                let tick = if plan.is_done(&item.id) { "[x]" } else { "[ ]" };
                out += &if md {
                    format!("- {tick} {}\n", esc(&item.text))
                } else {
                    format!("  {tick} {}\n", item.text)
                };
            }
        }
    }
    out
}
