//! The no-copy rule, checked without the source article: the repository keeps only a
//! fingerprint of it (a hash of each run of six words, normalised), and content text is checked
//! against those hashes. The fingerprint is made where the article is at hand
//! (`scripts/fingerprint-article`); no sentence of the article is kept.

use std::collections::BTreeSet;

use crate::short_hash::short_hash;

/// The number of consecutive words that counts as copying: content may share at most one word
/// fewer with the article.
pub const RUN: usize = 6;

/// Names and titles that must be written as the article writes them. Each counts as a single
/// word when runs are compared, so "U.S. Deputy Secretary of State Christopher Landau" is two
/// words, not eight. Keep this list to names and fixed terms: a phrase that is merely hard to
/// reword does not belong here. Changing it changes the fingerprint, so make that again.
pub const NAMES: &[&str] = &[
    "U.S. Deputy Secretary of State",
    "Deputy Secretary of State",
    "Christopher Landau",
    "Prime Minister Hun Manet",
    "Board of Peace",
    "Boeing 737 MAX",
    "Air Cambodia",
    "Washington, D.C.",
];

/// The first line of a fingerprint file, naming what it holds.
const HEADER: &str = "# explainer article fingerprint v1: one hash per normalised run of six words";

/// Lower-case words with punctuation stripped: apostrophes (straight or curly) vanish, so
/// "Cambodia’s" and "Cambodia's" are the same word; any other mark separates words.
pub fn words(text: &str) -> Vec<String> {
    text.chars()
        .filter(|c| !matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{02bc}'))
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The text's words, each of [`NAMES`] joined into one.
fn tokens(text: &str) -> Vec<String> {
    let mut names: Vec<Vec<String>> = NAMES.iter().map(|n| words(n)).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let words = words(text);
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match names.iter().find(|n| words[i..].starts_with(n)) {
            Some(name) => {
                tokens.push(name.join(" "));
                i += name.len();
            }
            None => {
                tokens.push(words[i].clone());
                i += 1;
            }
        }
    }
    tokens
}

/// Each run of [`RUN`] tokens in `text`, as words joined by spaces.
fn runs(text: &str) -> Vec<String> {
    tokens(text).windows(RUN).map(|run| run.join(" ")).collect()
}

/// The hashes of a text's runs of six words: all that is kept of the article.
#[derive(Debug, Default, PartialEq)]
pub struct Fingerprint {
    hashes: BTreeSet<String>,
}

impl Fingerprint {
    /// The fingerprint of `article`.
    pub fn of(article: &str) -> Self {
        Fingerprint {
            hashes: runs(article).iter().map(|run| short_hash(run)).collect(),
        }
    }

    /// The fingerprint as a file: a header line, then one hash a line, sorted.
    pub fn to_file(&self) -> String {
        let mut out = format!("{HEADER}\n");
        for hash in &self.hashes {
            out.push_str(hash);
            out.push('\n');
        }
        out
    }

    /// Reads a file written by [`Fingerprint::to_file`]; names the first line it cannot read.
    pub fn from_file(text: &str) -> Result<Self, String> {
        let mut lines = text.lines().enumerate();
        match lines.next() {
            Some((_, HEADER)) => {}
            _ => return Err(format!("line 1: expected the header {HEADER:?}")),
        }
        let mut hashes = BTreeSet::new();
        for (i, line) in lines {
            if line.len() != 16 || !line.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(format!("line {}: not a hash: {line:?}", i + 1));
            }
            hashes.insert(line.to_string());
        }
        if hashes.is_empty() {
            return Err("no hashes: make the fingerprint from the article again".into());
        }
        Ok(Fingerprint { hashes })
    }

    /// How many runs it holds.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// Every run of six words that `text` shares with the fingerprinted article.
    pub fn shared_runs(&self, text: &str) -> Vec<String> {
        runs(text)
            .into_iter()
            .filter(|run| self.hashes.contains(&short_hash(run)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A made-up article, so that these tests need no real one.
    const ARTICLE: &str = "Picture the harbour as the heart of the town. Ships and cranes are \
        its pulse. Christopher Landau, U.S. Deputy Secretary of State, met the delegation. The \
        port remains among Cambodia’s busiest trading gates, especially for rice and rubber.";

    #[test]
    fn catches_a_copied_phrase_whatever_its_punctuation() {
        let print = Fingerprint::of(ARTICLE);
        assert_eq!(
            print.shared_runs("Picture the harbour as the heart: of the town!"),
            [
                "picture the harbour as the heart",
                "the harbour as the heart of",
                "harbour as the heart of the",
                "as the heart of the town",
            ]
        );
        // A straight apostrophe matches the article's curly one.
        assert_eq!(
            print.shared_runs("Among Cambodia's busiest trading gates, especially for tea."),
            [
                "among cambodias busiest trading gates especially",
                "cambodias busiest trading gates especially for"
            ]
        );
    }

    #[test]
    fn lets_names_and_retold_text_through() {
        let print = Fingerprint::of(ARTICLE);
        // A name is one word, so a name and its title share no run of six.
        assert!(print
            .shared_runs("Christopher Landau, U.S. Deputy Secretary of State, spoke.")
            .is_empty());
        assert!(print
            .shared_runs("In the article's view, the port is what keeps the town alive.")
            .is_empty());
    }

    #[test]
    fn keeps_no_word_of_the_article_and_reads_back() {
        let print = Fingerprint::of(ARTICLE);
        let file = print.to_file();
        assert!(!file.to_lowercase().contains("harbour"));
        assert_eq!(Fingerprint::from_file(&file), Ok(print));
    }

    #[test]
    fn a_damaged_file_is_named_by_line() {
        let file = Fingerprint::of(ARTICLE).to_file() + "ships and cranes\n";
        let err = Fingerprint::from_file(&file).unwrap_err();
        assert!(err.contains("not a hash: \"ships and cranes\""), "{err}");
        assert!(Fingerprint::from_file("")
            .unwrap_err()
            .starts_with("line 1:"));
        assert!(Fingerprint::from_file(HEADER).is_err(), "a header alone");
    }
}
