//! Small text helpers shared by the views and the doctor summary.
//!
//! Amounts are formatted with integer arithmetic: `format!` of a float pulls about
//! 14 KB of float-printing code into the wasm.

/// Formats an amount with at most one decimal: 156.0 → "156", 2.94 → "2.9", 0.45 → "0.5".
pub fn amount(value: f64) -> String {
    let tenths = (value * 10.0).round().max(0.0) as u64;
    let (whole, frac) = (tenths / 10, tenths % 10);
    if frac == 0 || whole >= 10 {
        let rounded = if whole >= 10 { (tenths + 5) / 10 } else { whole };
        rounded.to_string()
    } else {
        format!("{whole}.{frac}")
    }
}

/// Turns a snake_case id into words for a fallback label: "vitamin_d" → "vitamin d".
pub fn id_words(id: &str) -> String {
    id.replace('_', " ")
}

#[cfg(test)]
mod tests {
    use super::amount;

    #[test]
    fn amounts_round_to_one_decimal_below_ten() {
        assert_eq!(amount(156.0), "156");
        assert_eq!(amount(155.6), "156");
        assert_eq!(amount(2.94), "2.9");
        assert_eq!(amount(0.45), "0.5");
        assert_eq!(amount(9.96), "10");
        assert_eq!(amount(3.0), "3");
        assert_eq!(amount(0.0), "0");
    }
}
