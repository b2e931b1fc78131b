//! Labels with blanks, such as `"{shown} of {total} questions"`, filled in at run time.

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// The blanks of `required` that `template` lacks.
pub fn missing_blanks<'a>(template: &str, required: &[&'a str]) -> Vec<&'a str> {
    required
        .iter()
        .copied()
        .filter(|name| !template.contains(&format!("{{{name}}}")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_every_blank() {
        assert_eq!(
            fill(
                "{shown} of {total} questions",
                &[("shown", "3"), ("total", "12")]
            ),
            "3 of 12 questions"
        );
        assert_eq!(
            fill("No match for “{query}”", &[("query", "{total}")]),
            "No match for “{total}”"
        );
    }

    #[test]
    fn finds_missing_blanks() {
        assert_eq!(
            missing_blanks("{shown} questions", &["shown", "total"]),
            ["total"]
        );
        assert!(missing_blanks("{a}{b}", &["a", "b"]).is_empty());
    }
}
