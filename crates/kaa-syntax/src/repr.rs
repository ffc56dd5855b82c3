//! `repr()` of the literal types, character for character as CPython prints them.

use crate::pystr::PyStr;
use crate::unicode::is_printable;
use std::fmt::Write;

/// `repr(s)` for a `str`.
pub fn str_repr(s: &PyStr) -> String {
    let (mut has_single, mut has_double) = (false, false);
    for cp in s.code_points() {
        has_single |= cp == '\'' as u32;
        has_double |= cp == '"' as u32;
    }
    let quote = if has_single && !has_double { '"' } else { '\'' };
    let mut out = String::with_capacity(s.as_wtf8_bytes().len() + 2);
    out.push(quote);
    for cp in s.code_points() {
        match cp {
            0x5C => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            _ if cp == quote as u32 => {
                out.push('\\');
                out.push(quote);
            }
            _ if cp < 0x20 || cp == 0x7F => {
                let _ = write!(out, "\\x{cp:02x}");
            }
            _ if cp < 0x7F => out.push(cp as u8 as char),
            _ if is_printable(cp) => out.push(char::from_u32(cp).unwrap_or('\u{FFFD}')),
            _ if cp <= 0xFF => {
                let _ = write!(out, "\\x{cp:02x}");
            }
            _ if cp <= 0xFFFF => {
                let _ = write!(out, "\\u{cp:04x}");
            }
            _ => {
                let _ = write!(out, "\\U{cp:08x}");
            }
        }
    }
    out.push(quote);
    out
}

/// `repr(b)` for `bytes`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7E => out.push(c as char),
            _ => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote);
    out
}

/// The shortest decimal digits that round-trip, and the decimal exponent: `x = 0.d1d2... × 10^exp`.
fn shortest_digits(x: f64) -> (String, i32) {
    // Rust's `{:e}` prints the shortest round-tripping digits, e.g. "1.2345e-7".
    let s = format!("{:e}", x.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    (digits, exp + 1)
}

/// Python's `repr(float)` body without the `.0` rule: `add_dot_0` appends `.0` to integral
/// values printed without an exponent (floats do that, the parts of a complex do not).
pub fn format_float_r(x: f64, add_dot_0: bool) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0{}", if add_dot_0 { ".0" } else { "" });
    }
    let (digits, decpt) = shortest_digits(x);
    let n = digits.len() as i32;
    // repr switches to exponent notation when the decimal exponent is < -4 or >= 16.
    if decpt - 1 < -4 || decpt > 16 {
        let exp = decpt - 1;
        let mant = if n == 1 { digits.clone() } else { format!("{}.{}", &digits[..1], &digits[1..]) };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{mant}e{esign}{:02}", exp.abs())
    } else if decpt <= 0 {
        format!("{sign}0.{}{}", "0".repeat((-decpt) as usize), digits)
    } else if decpt >= n {
        let zeros = "0".repeat((decpt - n) as usize);
        format!("{sign}{digits}{zeros}{}", if add_dot_0 { ".0" } else { "" })
    } else {
        format!("{sign}{}.{}", &digits[..decpt as usize], &digits[decpt as usize..])
    }
}

/// `repr(x)` for a `float`.
pub fn float_repr(x: f64) -> String {
    format_float_r(x, true)
}

/// `repr(complex(real, imag))`.
pub fn complex_repr(real: f64, imag: f64) -> String {
    let im = format_float_r(imag, false);
    if real == 0.0 && real.is_sign_positive() {
        return format!("{im}j");
    }
    let re = format_float_r(real, false);
    let im_signed = if im.starts_with('-') { im } else { format!("+{im}") };
    format!("({re}{im_signed}j)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_cpython() {
        // Expected strings produced by CPython 3.11's repr().
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (123.456, "123.456"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want, "repr({x:?})");
        }
        assert_eq!(complex_repr(0.0, 2.0), "2j");
        assert_eq!(complex_repr(0.0, 1e16), "1e+16j");
        assert_eq!(complex_repr(1.0, -2.5), "(1-2.5j)");
    }

    #[test]
    fn strings_print_like_cpython() {
        let cases = [
            ("abc", "'abc'"),
            ("it's", "\"it's\""),
            ("both ' and \"", "'both \\' and \"'"),
            ("tab\there\n", "'tab\\there\\n'"),
            ("\u{7f}\u{80}é\u{2028}€\u{e000}", "'\\x7f\\x80é\\u2028€\\ue000'"),
        ];
        for (s, want) in cases {
            assert_eq!(str_repr(&PyStr::from(s)), want);
        }
        let mut lone = PyStr::new();
        lone.push(0xD800);
        assert_eq!(str_repr(&lone), "'\\ud800'");
        assert_eq!(bytes_repr(b"a'\x00\xff"), "b\"a'\\x00\\xff\"");
    }
}
