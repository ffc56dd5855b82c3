//! Character predicates and case mappings as `_sre` sees them: ASCII classes for bytes and
//! `re.ASCII`, the C locale's for `re.LOCALE` (Python runs with a UTF-8 or C `LC_CTYPE`, where
//! only ASCII letters and digits are alphanumeric), and Unicode's (CPython 3.11's tables, via
//! `str_unicode`) otherwise.

use super::constants::*;
use crate::objects::str_tables as tables;
use crate::objects::str_unicode as uni;

#[inline]
pub fn is_ascii_digit(ch: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&ch)
}

#[inline]
pub fn is_ascii_space(ch: u32) -> bool {
    matches!(ch, 9..=13 | 32)
}

#[inline]
pub fn is_ascii_word(ch: u32) -> bool {
    ch < 128 && ((ch as u8).is_ascii_alphanumeric() || ch == b'_' as u32)
}

#[inline]
pub fn is_linebreak(ch: u32) -> bool {
    ch == b'\n' as u32
}

/// `re.LOCALE`'s word characters (`isalnum` of the C library in a C or UTF-8 locale).
#[inline]
pub fn is_locale_word(ch: u32) -> bool {
    is_ascii_word(ch)
}

#[inline]
fn with_char(ch: u32, f: fn(char) -> bool) -> bool {
    char::from_u32(ch).is_some_and(f)
}

pub fn is_uni_word(ch: u32) -> bool {
    if ch < 128 {
        return is_ascii_word(ch);
    }
    with_char(ch, uni::is_alnum)
}

pub fn is_uni_digit(ch: u32) -> bool {
    if ch < 128 {
        return is_ascii_digit(ch);
    }
    with_char(ch, uni::is_decimal)
}

pub fn is_uni_space(ch: u32) -> bool {
    if ch < 128 {
        return matches!(ch, 9..=13 | 28..=32);
    }
    with_char(ch, uni::is_space)
}

pub fn is_uni_linebreak(ch: u32) -> bool {
    with_char(ch, uni::is_linebreak)
}

#[inline]
pub fn lower_ascii(ch: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&ch) {
        ch + 32
    } else {
        ch
    }
}

/// `tolower` of the C locale: ASCII only.
#[inline]
pub fn lower_locale(ch: u32) -> u32 {
    lower_ascii(ch)
}

#[inline]
pub fn upper_locale(ch: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&ch) {
        ch - 32
    } else {
        ch
    }
}

/// The first character of `ch`'s mapping in `table` (what CPython's `Py_UNICODE_TOLOWER` and
/// `Py_UNICODE_TOUPPER` return for one character), or `ch` when it has none.
fn first_of_mapping(table: &[(u32, u32)], ch: u32) -> u32 {
    match table.binary_search_by_key(&ch, |&(k, _)| k) {
        Ok(i) => {
            let target = table[i].1;
            if target < 0x110000 {
                target
            } else {
                tables::MULTI.get((target - 0x110000) as usize).map_or(ch, |m| m[0])
            }
        }
        Err(_) => ch,
    }
}

#[inline]
pub fn lower_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return lower_ascii(ch);
    }
    first_of_mapping(tables::LOWER_MAP, ch)
}

#[inline]
pub fn upper_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return upper_locale(ch);
    }
    first_of_mapping(tables::UPPER_MAP, ch)
}

/// Does `ch` match the `LITERAL_LOC_IGNORE` operand `pattern`?
#[inline]
pub fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}

pub fn category(code: u32, ch: u32) -> bool {
    match code {
        CATEGORY_DIGIT => is_ascii_digit(ch),
        CATEGORY_NOT_DIGIT => !is_ascii_digit(ch),
        CATEGORY_SPACE => is_ascii_space(ch),
        CATEGORY_NOT_SPACE => !is_ascii_space(ch),
        CATEGORY_WORD => is_ascii_word(ch),
        CATEGORY_NOT_WORD => !is_ascii_word(ch),
        CATEGORY_LINEBREAK => is_linebreak(ch),
        CATEGORY_NOT_LINEBREAK => !is_linebreak(ch),
        CATEGORY_LOC_WORD => is_locale_word(ch),
        CATEGORY_LOC_NOT_WORD => !is_locale_word(ch),
        CATEGORY_UNI_DIGIT => is_uni_digit(ch),
        CATEGORY_UNI_NOT_DIGIT => !is_uni_digit(ch),
        CATEGORY_UNI_SPACE => is_uni_space(ch),
        CATEGORY_UNI_NOT_SPACE => !is_uni_space(ch),
        CATEGORY_UNI_WORD => is_uni_word(ch),
        CATEGORY_UNI_NOT_WORD => !is_uni_word(ch),
        CATEGORY_UNI_LINEBREAK => is_uni_linebreak(ch),
        CATEGORY_UNI_NOT_LINEBREAK => !is_uni_linebreak(ch),
        _ => false,
    }
}
