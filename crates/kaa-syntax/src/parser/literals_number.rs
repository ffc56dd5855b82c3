//! The value of a NUMBER token, as CPython 3.11's `parsenumber` computes it.

use crate::ast::{Constant, Int};
use num_bigint::BigInt;

/// CPython 3.11's default `sys.get_int_max_str_digits()`: longer decimal literals are refused.
const INT_MAX_STR_DIGITS: usize = 4300;

pub fn parse_number(text: &str) -> Result<Constant, String> {
    let cleaned;
    let s = if text.contains('_') {
        cleaned = text.replace('_', "");
        cleaned.as_str()
    } else {
        text
    };
    let b = s.as_bytes();
    if let Some(imag) = s.strip_suffix(['j', 'J']) {
        return Ok(Constant::Complex { real: 0.0, imag: parse_float(imag)? });
    }
    if b.len() > 2 && b[0] == b'0' {
        let radix = match b[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        if radix != 0 {
            return parse_int(&s[2..], radix);
        }
    }
    if b.iter().any(|&c| matches!(c, b'.' | b'e' | b'E')) {
        return Ok(Constant::Float(parse_float(s)?));
    }
    // Leading zeros only ever come as an all-zero literal ("000"), which CPython reads without
    // the digit limit.
    if b.first() == Some(&b'0') {
        return match b.iter().all(|&c| c == b'0') {
            true => Ok(Constant::Int(Int::Small(0))),
            false => Err(format!("invalid decimal literal {text:?}")),
        };
    }
    if b.len() > INT_MAX_STR_DIGITS {
        return Err(format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: value has {} \
             digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for \
             huge integer literals to avoid decimal conversion limits.",
            b.len()
        ));
    }
    parse_int(s, 10)
}

fn parse_int(digits: &str, radix: u32) -> Result<Constant, String> {
    if digits.is_empty() {
        return Err(format!("invalid integer literal digits {digits:?}"));
    }
    if let Ok(v) = i64::from_str_radix(digits, radix) {
        return Ok(Constant::Int(Int::Small(v)));
    }
    match BigInt::parse_bytes(digits.as_bytes(), radix) {
        Some(v) => Ok(Constant::Int(Int::Big(v))),
        None => Err(format!("invalid integer literal digits {digits:?}")),
    }
}

/// Correctly rounded, like CPython's `PyOS_string_to_double`; overflow gives `inf`.
fn parse_float(s: &str) -> Result<f64, String> {
    // Rust also accepts "inf"/"nan"/signs, which are never NUMBER tokens: refuse them.
    if !s.bytes().all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-')) {
        return Err(format!("invalid float literal {s:?}"));
    }
    s.parse::<f64>().map_err(|_| format!("invalid float literal {s:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> Constant {
        Constant::Int(Int::Big(s.parse().unwrap()))
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("1_000"), Ok(Constant::Int(Int::Small(1000))));
        assert_eq!(parse_number("0xff"), Ok(Constant::Int(Int::Small(255))));
        assert_eq!(parse_number("0O17"), Ok(Constant::Int(Int::Small(15))));
        assert_eq!(parse_number("0b1_01"), Ok(Constant::Int(Int::Small(5))));
        assert_eq!(parse_number("000"), Ok(Constant::Int(Int::Small(0))));
        assert_eq!(parse_number("9223372036854775807"), Ok(Constant::Int(Int::Small(i64::MAX))));
        assert_eq!(parse_number("9223372036854775808"), Ok(big("9223372036854775808")));
        assert_eq!(parse_number("0xffffffffffffffffff"), Ok(big("4722366482869645213695")));
        assert_eq!(parse_number("1.5"), Ok(Constant::Float(1.5)));
        assert_eq!(parse_number("1."), Ok(Constant::Float(1.0)));
        assert_eq!(parse_number(".5e-3"), Ok(Constant::Float(0.0005)));
        assert_eq!(parse_number("1e999"), Ok(Constant::Float(f64::INFINITY)));
        assert_eq!(parse_number("0e0"), Ok(Constant::Float(0.0)));
        assert_eq!(parse_number("1_0E1_0"), Ok(Constant::Float(1e11)));
        assert_eq!(parse_number("2j"), Ok(Constant::Complex { real: 0.0, imag: 2.0 }));
        assert_eq!(parse_number("1e999J"), Ok(Constant::Complex { real: 0.0, imag: f64::INFINITY }));
        assert_eq!(parse_number("0.1"), Ok(Constant::Float(0.1)));
        let long = "1".repeat(4301);
        assert!(parse_number(&long).unwrap_err().starts_with(
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys."
        ));
        assert!(parse_number(&"1".repeat(4300)).is_ok());
        assert!(parse_number(&format!("{long}j")).is_ok());
        assert!(parse_number(&format!("0x{long}")).is_ok());
        assert!(parse_number(&"0".repeat(5000)).is_ok());
        assert!(parse_number("").is_err());
        assert!(parse_number("inf").is_err());
        assert!(parse_number("0x").is_err());
    }
}
