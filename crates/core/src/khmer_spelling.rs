//! Khmer spellings that readers and writers use interchangeably, brought to the one form the
//! Chuon Nath dictionary prints (and ICU's Khmer word list knows): the subscript da ្ដ for the
//! subscript ta ្ត it looks like, and ឲ for ឱ. The FAQ filter folds both sides with it, so a
//! search matches either spelling; the build segments Khmer text into words in this form.
//! Each character keeps its length in UTF-8, so offsets in the folded text are offsets in the
//! original.

/// The coeng, which stacks the consonant after it below the one before.
const COENG: char = '\u{17D2}';

/// `c` in the dictionary's spelling, given the character before it.
pub fn dictionary_char(previous: Option<char>, c: char) -> char {
    match (previous, c) {
        // ្ត (coeng ta) is written for ្ដ (coeng da): the two look alike.
        (Some(COENG), 'ត') => 'ដ',
        (_, 'ឱ') => 'ឲ',
        _ => c,
    }
}

/// `text` in the dictionary's spelling, of the same length in bytes.
pub fn dictionary_form(text: &str) -> String {
    let mut previous = None;
    text.chars()
        .map(|c| dictionary_char(previous.replace(c), c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::dictionary_form;

    #[test]
    fn subscript_ta_and_o_take_the_dictionarys_spelling() {
        assert_eq!(dictionary_form("សេចក្តី"), "សេចក្ដី");
        assert_eq!(dictionary_form("ធ្វើឱ្យ"), "ធ្វើឲ្យ");
        // A ta that is not subscript is another letter, and stays.
        assert_eq!(dictionary_form("តម្លៃ"), "តម្លៃ");
        assert_eq!(dictionary_form("Phnom Penh"), "Phnom Penh");
        let text = "សេចក្តីពន្យល់ ឱកាស";
        assert_eq!(dictionary_form(text).len(), text.len());
    }
}
