//! Small text helpers shared by the views and the doctor summary.
//!
//! Amounts are formatted with integer arithmetic: `format!` of a float pulls about
//! 14 KB of float-printing code into the wasm.

/// Formats an amount: whole numbers from 10 up, else at most one decimal:
/// 156.0 → "156", 155.46 → "155", 2.94 → "2.9", 0.45 → "0.5". Each value is rounded
/// once, from the original figure.
pub fn amount(value: f64) -> String {
    let value = value.max(0.0);
    // 9.95 and above round to 10.0 or more at one decimal: show those whole.
    if value >= 9.95 {
        return (value.round() as u64).to_string();
    }
    let tenths = (value * 10.0).round() as u64;
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::amount;

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
