//! Unicode character classes, answered exactly as CPython 3.11 answers them (tables generated
//! from its database by tools/gen_unicode.py).

use crate::unicode_tables::{PRINTABLE, WORD, XID_CONTINUE, XID_START};

/// Is `cp` inside one of the sorted, inclusive ranges of `table`?
pub fn in_table(table: &[(u32, u32)], cp: u32) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `chr(cp).isprintable()`.
pub fn is_printable(cp: u32) -> bool {
    if cp < 0x80 {
        return (0x20..0x7F).contains(&cp);
    }
    in_table(PRINTABLE, cp)
}

/// Can `cp` start an identifier (`chr(cp).isidentifier()`)? Includes `_`.
pub fn is_id_start(cp: u32) -> bool {
    if cp < 0x80 {
        return (cp as u8).is_ascii_alphabetic() || cp == b'_' as u32;
    }
    in_table(XID_START, cp)
}

/// Can `cp` continue an identifier?
pub fn is_id_continue(cp: u32) -> bool {
    if cp < 0x80 {
        return (cp as u8).is_ascii_alphanumeric() || cp == b'_' as u32;
    }
    in_table(XID_CONTINUE, cp)
}

/// Does the regex `\w` match `cp` (as in Python's `re` on `str`)?
pub fn is_word(cp: u32) -> bool {
    if cp < 0x80 {
        return (cp as u8).is_ascii_alphanumeric() || cp == b'_' as u32;
    }
    in_table(WORD, cp)
}
