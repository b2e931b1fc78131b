//! How an edition writes numbers: its own ten digits (`labels.digits`), so the Khmer edition
//! shows ០–៩ in every count, announcement and export while the code formats numbers one way.

use serde::{Deserialize, Serialize};

/// The ten digits an edition writes numbers with, zero to nine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Digits(String);

impl Default for Digits {
    /// The Latin digits 0–9.
    fn default() -> Self {
        Digits("0123456789".into())
    }
}

/// Digits as given, such as read back from a page (the content's checks, [`Digits::problem`],
/// passed on them where they were loaded); the Latin digits where these are not ten digits, so
/// numbers are always written.
impl From<String> for Digits {
    fn from(digits: String) -> Self {
        if digits.chars().filter(|c| c.is_numeric()).count() == 10 {
            Digits(digits)
        } else {
            Digits::default()
        }
    }
}

impl Digits {
    /// What is wrong with these digits, if anything: there must be ten distinct decimal digits.
    pub fn problem(&self) -> Option<String> {
        let digits: Vec<char> = self.0.chars().collect();
        if digits.len() != 10 {
            return Some(format!(
                "must be the ten digits zero to nine, not {} characters",
                digits.len()
            ));
        }
        if let Some(other) = digits.iter().find(|c| !c.is_numeric()) {
            return Some(format!("{other:?} is not a digit"));
        }
        let mut sorted = digits.clone();
        sorted.sort_unstable();
        sorted.dedup();
        (sorted.len() != 10).then(|| "a digit is given twice".to_string())
    }

    /// `n` written with these digits. Falls back to Latin digits for a digit these lack,
    /// which [`Digits::problem`] keeps from ever shipping.
    pub fn format(&self, n: usize) -> String {
        n.to_string()
            .chars()
            .map(|c| {
                c.to_digit(10)
                    .and_then(|d| self.0.chars().nth(d as usize))
                    .unwrap_or(c)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_numbers_in_the_editions_digits() {
        assert_eq!(Digits::default().format(1203), "1203");
        let khmer = Digits("០១២៣៤៥៦៧៨៩".into());
        assert_eq!(khmer.format(0), "០");
        assert_eq!(khmer.format(34), "៣៤");
        assert_eq!(khmer.format(1209), "១២០៩");
    }

    #[test]
    fn digits_read_from_a_page_fall_back_to_latin_when_unusable() {
        let khmer = Digits::from("០១២៣៤៥៦៧៨៩".to_string());
        assert_eq!(khmer.format(12), "១២");
        assert_eq!(Digits::from(String::new()).format(12), "12");
    }

    #[test]
    fn names_what_is_wrong_with_a_set_of_digits() {
        assert_eq!(Digits::default().problem(), None);
        assert_eq!(Digits("០១២៣៤៥៦៧៨៩".into()).problem(), None);
        assert_eq!(
            Digits("012345678".into()).problem().as_deref(),
            Some("must be the ten digits zero to nine, not 9 characters")
        );
        assert_eq!(
            Digits("01234567a9".into()).problem().as_deref(),
            Some("'a' is not a digit")
        );
        assert_eq!(
            Digits("0123456780".into()).problem().as_deref(),
            Some("a digit is given twice")
        );
    }
}
