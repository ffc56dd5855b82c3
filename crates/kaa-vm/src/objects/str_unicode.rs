//! Character classes and case mappings for `str`'s methods, answered as CPython 3.11 answers them
//! (tables generated from its Unicode 14.0 database by tools/gen_str_tables.py). Rust's own
//! `char` methods follow a newer Unicode and other definitions (`is_alphabetic` is not `isalpha`,
//! `is_whitespace` misses U+001C..U+001F), so they are not used here.

use crate::objects::str_tables as t;

use kaa_syntax::unicode::in_table as in_ranges;

pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(t::ALPHA, c as u32)
}

pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(t::DECIMAL, c as u32)
}

/// The value of a decimal digit of any script (`Py_UNICODE_TODECIMAL`).
pub fn to_decimal(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let cp = c as u32;
    let i = t::DECIMAL.partition_point(|&(_, hi)| hi < cp);
    match t::DECIMAL.get(i) {
        Some(&(lo, _)) if lo <= cp => Some((cp - lo) % 10),
        _ => None,
    }
}

pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(t::DIGIT, c as u32)
}

pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(t::NUMERIC, c as u32)
}

pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_alpha(c) || is_numeric(c)
}

pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    in_ranges(t::LOWER, c as u32)
}

pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    in_ranges(t::UPPER, c as u32)
}

/// General category Lt (ǅ, ᾈ, ...).
pub fn is_title(c: char) -> bool {
    !c.is_ascii() && in_ranges(t::TITLE, c as u32)
}

pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(t::CASED, c as u32)
}

pub fn is_case_ignorable(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\'' | '.' | ':' | '^' | '`');
    }
    in_ranges(t::CASE_IGNORABLE, c as u32)
}

/// `str.isspace` for one character: category Zs or bidirectional class WS, B or S.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ');
    }
    in_ranges(t::SPACE, c as u32)
}

/// A line boundary for `str.splitlines` (`\r\n` is handled by the caller).
pub fn is_linebreak(c: char) -> bool {
    matches!(c, '\n' | '\x0b' | '\x0c' | '\r' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn lookup(table: &[(u32, u32)], c: char) -> Option<u32> {
    let cp = c as u32;
    table.binary_search_by_key(&cp, |&(k, _)| k).ok().map(|i| table[i].1)
}

fn push_target(out: &mut String, target: u32) {
    if target < 0x110000 {
        out.push(char::from_u32(target).unwrap_or('\u{FFFD}'));
    } else {
        for &cp in t::MULTI[(target - 0x110000) as usize].iter().take_while(|&&cp| cp != 0) {
            out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
        }
    }
}

/// Appends the full lowercase mapping of `c` (without the final-sigma rule).
pub fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        match lookup(t::LOWER_MAP, c) {
            Some(m) => push_target(out, m),
            None => out.push(c),
        }
    }
}

pub fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        match lookup(t::UPPER_MAP, c) {
            Some(m) => push_target(out, m),
            None => out.push(c),
        }
    }
}

pub fn push_title(out: &mut String, c: char) {
    match (c.is_ascii(), lookup(t::TITLE_MAP, c)) {
        (false, Some(m)) => push_target(out, m),
        _ => push_upper(out, c),
    }
}

pub fn push_fold(out: &mut String, c: char) {
    match (c.is_ascii(), lookup(t::FOLD_MAP, c)) {
        (false, Some(m)) => push_target(out, m),
        _ => push_lower(out, c),
    }
}

/// Is the capital sigma at `chars[i]` word-final (lowercased to ς)? It is when a cased letter
/// precedes it and none follows, skipping case-ignorable characters both ways.
pub fn is_final_sigma(chars: &[char], i: usize) -> bool {
    let before = chars[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    if !before.is_some_and(|&c| is_cased(c)) {
        return false;
    }
    let after = chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
    !after.is_some_and(|&c| is_cased(c))
}

/// Appends the lowercase of `chars[i]` in context (capital sigma depends on its neighbours).
pub fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == '\u{3A3}' {
        out.push(if is_final_sigma(chars, i) { '\u{3C2}' } else { '\u{3C3}' });
    } else {
        push_lower(out, c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted() {
        for table in [t::ALPHA, t::DECIMAL, t::DIGIT, t::NUMERIC, t::LOWER, t::UPPER, t::CASED] {
            assert!(table.windows(2).all(|w| w[0].1 < w[1].0));
        }
        for table in [t::LOWER_MAP, t::UPPER_MAP, t::TITLE_MAP, t::FOLD_MAP] {
            assert!(table.windows(2).all(|w| w[0].0 < w[1].0));
        }
    }

    #[test]
    fn ascii_fast_paths_agree_with_tables() {
        for cp in 0..128u32 {
            let c = char::from_u32(cp).unwrap();
            assert_eq!(is_alpha(c), in_ranges(t::ALPHA, cp), "{cp}");
            assert_eq!(is_decimal(c), in_ranges(t::DECIMAL, cp), "{cp}");
            assert_eq!(is_digit(c), in_ranges(t::DIGIT, cp), "{cp}");
            assert_eq!(is_numeric(c), in_ranges(t::NUMERIC, cp), "{cp}");
            assert_eq!(is_lower(c), in_ranges(t::LOWER, cp), "{cp}");
            assert_eq!(is_upper(c), in_ranges(t::UPPER, cp), "{cp}");
            assert_eq!(is_title(c), in_ranges(t::TITLE, cp), "{cp}");
            assert_eq!(is_cased(c), in_ranges(t::CASED, cp), "{cp}");
            assert_eq!(is_case_ignorable(c), in_ranges(t::CASE_IGNORABLE, cp), "{cp}");
            assert_eq!(is_space(c), in_ranges(t::SPACE, cp), "{cp}");
            assert_eq!(is_linebreak(c), in_ranges(t::LINEBREAK, cp), "{cp}");
            assert_eq!(lookup(t::TITLE_MAP, c), None);
            assert_eq!(lookup(t::FOLD_MAP, c), None);
        }
        for cp in 128..0x110000u32 {
            if let Some(c) = char::from_u32(cp) {
                assert_eq!(is_linebreak(c), in_ranges(t::LINEBREAK, cp), "{cp}");
            }
        }
    }

    #[test]
    fn classes() {
        assert!(is_alpha('é') && !is_alpha('\u{2160}') && is_numeric('\u{2160}') && is_numeric('一'));
        assert_eq!(to_decimal('\u{663}'), Some(3));
        assert_eq!(to_decimal('\u{1D7D9}'), Some(1));
        assert!(is_space('\x1f') && is_space('\u{3000}') && !is_space('\u{200b}'));
        assert!(is_digit('²') && !is_decimal('²'));
    }

    #[test]
    fn mappings() {
        let mut s = String::new();
        push_upper(&mut s, 'ß');
        push_title(&mut s, 'ǆ');
        push_title(&mut s, 'ﬁ');
        push_fold(&mut s, 'ß');
        push_lower(&mut s, 'İ');
        assert_eq!(s, "SSǅFissi\u{307}");
    }
}
