//! Small text helpers shared by the views and the doctor summary.
//!
//! Amounts are formatted with integer arithmetic: `format!` of a float pulls about
//! 14 KB of float-printing code into the wasm. Whole numbers go through `number` and
//! texts are put together with `concat` (`[…].concat()`), not `format!`/`to_string`: each
//! `format!` is code of its own at its call, and `u64`'s `Display` is code of its own too.

/// Formats an amount: whole numbers from 10 up, else at most one decimal:
/// 156.0 → "156", 155.46 → "155", 2.94 → "2.9", 0.45 → "0.5". Each value is rounded
/// once, from the original figure.
pub fn amount(value: f64) -> String {
    let value = value.max(0.0);
    // 9.95 and above round to 10.0 or more at one decimal: show those whole.
    if value >= 9.95 {
        return number(value.round() as u64);
    }
    let tenths = (value * 10.0).round() as u64;
    let mut out = number(tenths / 10);
    if tenths % 10 != 0 {
        out.push('.');
        out.push(char::from(b'0' + (tenths % 10) as u8));
    }
    out
}

/// A whole number in decimal, as `to_string` writes it.
pub fn number(mut n: u64) -> String {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits[start..].iter().map(|&d| char::from(d)).collect()
}

/// A template with each `{name}` replaced by its value; unknown names stay as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}').and_then(|end| Some((values.iter().find(|(n, _)| *n == &after[..end])?, end))) {
            Some(((_, value), end)) => {
                out.push_str(value);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The items with `between` between them. A short loop for each kind of list: the
/// standard `join` is a larger copy per kind of item in the wasm, and a `dyn Iterator`
/// brings each kind's whole vtable (its `nth`, `advance_by`, …), heavier than the loop.
pub fn join<'a>(items: &mut (impl Iterator<Item = &'a str> + ?Sized), between: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(between);
        }
        out.push_str(item);
    }
    out
}

/// "a", "a or b", "a, b or c": `last` joins the last two.
pub fn list_words(items: &[&str], last: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == items.len() { " " } else { ", " });
            if i + 1 == items.len() {
                out.push_str(last);
                out.push(' ');
            }
        }
        out.push_str(item);
    }
    out
}

/// A food's name as it reads inside a sentence: the part before any comma, with a
/// capital first letter lowered unless the word is an abbreviation ("Almonds,
/// dry-roasted" → "almonds"; "UHT milk" stays). ASCII capitals only: Unicode case tables
/// would cost kilobytes of wasm, and the names start with plain letters.
pub fn in_sentence(name: &str) -> String {
    lower_first(name.split(',').next().unwrap_or(name).trim())
}

/// Words as they read inside a sentence: a capital first letter lowered unless the word
/// is an abbreviation ("A water tablet" → "a water tablet"; "PPI tablets" stays). ASCII
/// capitals only, as [`in_sentence`].
pub fn lower_first(words: &str) -> String {
    let mut out = words.to_string();
    let bytes = words.as_bytes();
    if bytes.len() > 1 && bytes[0].is_ascii_uppercase() && !bytes[1].is_ascii_uppercase() {
        out[..1].make_ascii_lowercase();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{amount, fill, in_sentence, list_words, lower_first, number};

    #[test]
    fn numbers_read_as_to_string_writes_them() {
        for n in [0, 7, 10, 99, 100, 2026, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(number(n), n.to_string());
        }
    }

    #[test]
    fn templates_fill_known_names_only() {
        assert_eq!(
            fill("Part {n} of {m}: {name}", &[("n", "1"), ("m", "4"), ("name", "About you")]),
            "Part 1 of 4: About you"
        );
        assert_eq!(fill("{a}{b}", &[("a", "{b}"), ("b", "x")]), "{b}x", "a value is never filled again");
        assert_eq!(fill("{unknown} {", &[("a", "1")]), "{unknown} {");
    }

    #[test]
    fn lists_read_as_english() {
        assert_eq!(list_words(&[], "or"), "");
        assert_eq!(list_words(&["a"], "or"), "a");
        assert_eq!(list_words(&["a", "b"], "or"), "a or b");
        assert_eq!(list_words(&["a", "b", "c"], "and"), "a, b and c");
    }

    #[test]
    fn food_names_shorten_inside_sentences() {
        assert_eq!(in_sentence("Almonds, dry-roasted"), "almonds");
        assert_eq!(in_sentence("Tahini (sesame paste)"), "tahini (sesame paste)");
        assert_eq!(in_sentence("UHT milk"), "UHT milk");
        assert_eq!(lower_first("A water tablet, like furosemide"), "a water tablet, like furosemide");
        assert_eq!(lower_first("PPI tablets"), "PPI tablets");
        assert_eq!(in_sentence("Édam"), "Édam", "non-ASCII capitals are left alone");
    }

    #[test]
    fn amounts_round_to_one_decimal_below_ten() {
        assert_eq!(amount(156.0), "156");
        assert_eq!(amount(155.6), "156");
        assert_eq!(amount(155.46), "155", "rounded once, not to tenths first");
        assert_eq!(amount(10.45), "10");
        assert_eq!(amount(9.94), "9.9");
        assert_eq!(amount(2.94), "2.9");
        assert_eq!(amount(0.45), "0.5");
        assert_eq!(amount(9.96), "10");
        assert_eq!(amount(3.0), "3");
        assert_eq!(amount(0.0), "0");
    }
}
