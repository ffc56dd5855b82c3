//! Decoding the body of one string literal: prefixes, backslash escapes for `str` and `bytes`,
//! `\N{NAME}` lookup, and CPython's wording for the errors its codecs raise.
//!
//! CPython decodes a non-raw `str` body by first rewriting every non-ASCII character as a
//! `\UXXXXXXXX` escape (10 bytes) and a backslash before non-ASCII or at the end as `\u005c`
//! (6 bytes), then running the `unicodeescape` codec on that buffer. Error positions in its
//! messages count bytes of that rewritten buffer, so [`rewritten_pos`] reproduces them; the
//! decoding itself works on the UTF-8 text directly.

use crate::pystr::PyStr;

/// The prefix flags of one STRING token, and where its body lies inside the token text.
#[derive(Clone, Copy, Debug)]
pub struct Literal {
    pub bytes: bool,
    pub raw: bool,
    pub fstring: bool,
    /// Byte range of the body (between the quotes) within the token text.
    pub body_start: usize,
    pub body_end: usize,
}

/// Splits a STRING token's text into prefix flags and body. `None` if the text is not a
/// well-formed literal (the tokenizer never produces one; callers report an internal error).
pub fn split_literal(text: &str) -> Option<Literal> {
    let b = text.as_bytes();
    let mut lit = Literal { bytes: false, raw: false, fstring: false, body_start: 0, body_end: 0 };
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'b' | b'B' => lit.bytes = true,
            b'r' | b'R' => lit.raw = true,
            b'f' | b'F' => lit.fstring = true,
            b'u' | b'U' => {}
            _ => break,
        }
        i += 1;
    }
    let quote = *b.get(i)?;
    if quote != b'\'' && quote != b'"' {
        return None;
    }
    let rest = &b[i..];
    let q = if rest.len() >= 6 && rest[1] == quote && rest[2] == quote { 3 } else { 1 };
    if rest.len() < 2 * q || rest[rest.len() - q..].iter().any(|&c| c != quote) {
        return None;
    }
    lit.body_start = i + q;
    lit.body_end = b.len() - q;
    Some(lit)
}

/// A failure of the `unicodeescape` codec (positions in the rewritten buffer, end exclusive) or
/// of the bytes escape decoder, rendered by [`DecodeError::message`] as CPython's parser does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    Unicode {
        start: usize,
        end: usize,
        first_byte: u8,
        reason: &'static str,
    },
    /// `_PyBytes_DecodeEscape`'s `ValueError` text.
    Value(String),
}

impl DecodeError {
    /// The `SyntaxError` message: `(unicode error) ...` or `(value error) ...`.
    pub fn message(&self) -> String {
        match self {
            DecodeError::Unicode { start, end, first_byte, reason } => {
                if end - start == 1 {
                    format!(
                        "(unicode error) 'unicodeescape' codec can't decode byte 0x{first_byte:02x} \
                         in position {start}: {reason}"
                    )
                } else {
                    format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {reason}",
                        start,
                        end - 1
                    )
                }
            }
            DecodeError::Value(msg) => format!("(value error) {msg}"),
        }
    }
}

/// Decodes a `str` literal body (or an f-string's literal piece). `raw` bodies are taken as is.
/// Line ends inside the body are `\n` (a `\r\n` or lone `\r` is read as `\n`, as CPython's
/// tokenizer translates them before the parser sees the text).
pub fn decode_str(body: &str, raw: bool) -> Result<PyStr, DecodeError> {
    let bytes = body.as_bytes();
    let has_cr = bytes.contains(&b'\r');
    if (raw || !bytes.contains(&b'\\')) && !has_cr {
        return Ok(PyStr::from(body));
    }
    let mut out = PyStr::new();
    let mut i = 0;
    let mut run = 0; // start of the pending run of plain text
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'\r' {
            out.push_str(&body[run..i]);
            out.push(u32::from(b'\n'));
            i += if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            run = i;
            continue;
        }
        if c != b'\\' || raw {
            i += 1;
            continue;
        }
        out.push_str(&body[run..i]);
        i = decode_str_escape(body, i, &mut out)?;
        run = i;
    }
    out.push_str(&body[run..]);
    Ok(out)
}

/// Decodes the escape whose backslash is at `start`; returns the index after it.
fn decode_str_escape(body: &str, start: usize, out: &mut PyStr) -> Result<usize, DecodeError> {
    let b = body.as_bytes();
    let mut i = start + 1;
    let Some(&c) = b.get(i) else {
        // A backslash ending an f-string literal piece (`f"\{x}"`) stays a backslash.
        out.push(u32::from(b'\\'));
        return Ok(i);
    };
    if c >= 0x80 {
        // Not an escape: the backslash is kept and the character decoded normally.
        out.push(u32::from(b'\\'));
        return Ok(i);
    }
    i += 1;
    let simple = match c {
        b'\n' => Some(None),
        b'\r' => {
            if b.get(i) == Some(&b'\n') {
                i += 1;
            }
            Some(None)
        }
        b'\\' => Some(Some(b'\\')),
        b'\'' => Some(Some(b'\'')),
        b'"' => Some(Some(b'"')),
        b'b' => Some(Some(8)),
        b'f' => Some(Some(12)),
        b't' => Some(Some(b'\t')),
        b'n' => Some(Some(b'\n')),
        b'r' => Some(Some(b'\r')),
        b'v' => Some(Some(11)),
        b'a' => Some(Some(7)),
        _ => None,
    };
    if let Some(ch) = simple {
        if let Some(ch) = ch {
            out.push(u32::from(ch));
        }
        return Ok(i);
    }
    match c {
        b'0'..=b'7' => {
            let mut v = u32::from(c - b'0');
            for _ in 0..2 {
                match b.get(i) {
                    Some(&d @ b'0'..=b'7') => {
                        v = (v << 3) | u32::from(d - b'0');
                        i += 1;
                    }
                    _ => break,
                }
            }
            out.push(v);
            Ok(i)
        }
        b'x' | b'u' | b'U' => {
            let (count, reason) = match c {
                b'x' => (2, "truncated \\xXX escape"),
                b'u' => (4, "truncated \\uXXXX escape"),
                _ => (8, "truncated \\UXXXXXXXX escape"),
            };
            let mut v: u32 = 0;
            for _ in 0..count {
                match b.get(i).and_then(|&d| (d as char).to_digit(16)) {
                    Some(d) => {
                        v = (v << 4) | d;
                        i += 1;
                    }
                    None => return Err(unicode_error(body, start, i, reason)),
                }
            }
            if v > 0x10FFFF {
                return Err(unicode_error(body, start, i, "illegal Unicode character"));
            }
            out.push(v);
            Ok(i)
        }
        b'N' => {
            const MALFORMED: &str = "malformed \\N character escape";
            if b.get(i) != Some(&b'{') {
                return Err(unicode_error(body, start, i.min(b.len()), MALFORMED));
            }
            i += 1;
            let name_start = i;
            while i < b.len() && b[i] != b'}' {
                i += 1;
            }
            if i >= b.len() || i == name_start {
                return Err(unicode_error(body, start, i, MALFORMED));
            }
            let name = &b[name_start..i];
            i += 1;
            match lookup_name(name) {
                Some(cp) => {
                    out.push(cp);
                    Ok(i)
                }
                None => Err(unicode_error(body, start, i, "unknown Unicode character name")),
            }
        }
        _ => {
            // An invalid escape (CPython only warns): kept as written.
            out.push(u32::from(b'\\'));
            out.push(u32::from(c));
            Ok(i)
        }
    }
}

fn unicode_error(body: &str, start: usize, end: usize, reason: &'static str) -> DecodeError {
    let b = body.as_bytes();
    let (rs, re) = (rewritten_pos(b, start), rewritten_pos(b, end));
    // The rewritten buffer holds a backslash at every escape start.
    DecodeError::Unicode { start: rs, end: re.max(rs + 1), first_byte: b'\\', reason }
}

/// The offset in CPython's rewritten buffer (see the module docs) of byte offset `pos`.
fn rewritten_pos(b: &[u8], pos: usize) -> usize {
    let mut i = 0;
    let mut out = 0;
    while i < pos && i < b.len() {
        let c = b[i];
        if c == b'\\' {
            out += 1;
            i += 1;
            match b.get(i) {
                None => out += 5,
                Some(&n) if n >= 0x80 => out += 5,
                Some(_) => {
                    out += 1;
                    i += 1;
                }
            }
        } else if c >= 0x80 {
            // One `\UXXXXXXXX` per code point: count lead bytes only.
            out += 10;
            i += 1;
            while i < b.len() && (b[i] & 0xC0) == 0x80 {
                i += 1;
            }
        } else {
            out += 1;
            i += 1;
        }
    }
    out
}

/// Decodes a `bytes` literal body (already checked to be ASCII). `raw` bodies are taken as is.
pub fn decode_bytes(body: &[u8], raw: bool) -> Result<Vec<u8>, DecodeError> {
    let has_cr = body.contains(&b'\r');
    if (raw || !body.contains(&b'\\')) && !has_cr {
        return Ok(body.to_vec());
    }
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        i += 1;
        if c == b'\r' {
            out.push(b'\n');
            if body.get(i) == Some(&b'\n') {
                i += 1;
            }
            continue;
        }
        if c != b'\\' || raw {
            out.push(c);
            continue;
        }
        let Some(&e) = body.get(i) else {
            return Err(DecodeError::Value("Trailing \\ in string".into()));
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\r' => {
                if body.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' | b'\'' | b'"' => out.push(e),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(11),
            b'a' => out.push(7),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                for _ in 0..2 {
                    match body.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = (v << 3) | u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                // Values above 0o377 keep their low byte (CPython warns).
                out.push(v as u8);
            }
            b'x' => {
                let hex = |k: usize| body.get(k).and_then(|&d| (d as char).to_digit(16));
                match (hex(i), hex(i + 1)) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => return Err(DecodeError::Value(format!("invalid \\x escape at position {}", i - 2))),
                }
            }
            _ => {
                // Invalid escape: the backslash stays and the character is read again.
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    Ok(out)
}

/// Unicode 14.0 (CPython 3.11's database) ranges of `CJK UNIFIED IDEOGRAPH-XXXX` names.
const CJK_UNIFIED: &[(u32, u32)] = &[
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B738),
    (0x2B740, 0x2B81D),
    (0x2B820, 0x2CEA1),
    (0x2CEB0, 0x2EBE0),
    (0x30000, 0x3134A),
];

/// Named characters that `str.isprintable()` rejects (Unicode 14.0): with the printable ones,
/// exactly the characters CPython 3.11 knows a name for.
const NAMED_NONPRINTABLE: &[(u32, u32)] = &[
    (0xA0, 0xA0),
    (0xAD, 0xAD),
    (0x600, 0x605),
    (0x61C, 0x61C),
    (0x6DD, 0x6DD),
    (0x70F, 0x70F),
    (0x890, 0x891),
    (0x8E2, 0x8E2),
    (0x1680, 0x1680),
    (0x180E, 0x180E),
    (0x2000, 0x200F),
    (0x2028, 0x202F),
    (0x205F, 0x2064),
    (0x2066, 0x206F),
    (0x3000, 0x3000),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x13438),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
];

/// Hangul jamo short names, for `HANGUL SYLLABLE <L><V><T>` names.
const JAMO_L: [&str; 19] =
    ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const JAMO_V: [&str; 21] = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI",
    "YU", "EU", "YI", "I",
];
const JAMO_T: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS",
    "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
];

/// The longest jamo name in `table` that starts `s`: (index, length).
fn longest_jamo(s: &[u8], table: &[&str]) -> Option<(u32, usize)> {
    let mut best: Option<(u32, usize)> = None;
    for (i, name) in table.iter().enumerate() {
        let n = name.as_bytes();
        if s.starts_with(n) && best.is_none_or(|(_, len)| n.len() > len) {
            best = Some((i as u32, n.len()));
        }
    }
    best
}

/// The code point `\N{name}` denotes in CPython 3.11: names and aliases of Unicode 14.0, matched
/// case-insensitively, except that the algorithmic `HANGUL SYLLABLE` and `CJK UNIFIED IDEOGRAPH-`
/// names must be upper case (as CPython's `unicodedata` requires). Named sequences are refused.
pub fn lookup_name(name: &[u8]) -> Option<u32> {
    if let Some(rest) = name.strip_prefix(b"HANGUL SYLLABLE ") {
        let (l, n1) = longest_jamo(rest, &JAMO_L)?;
        let rest = &rest[n1..];
        let (v, n2) = longest_jamo(rest, &JAMO_V)?;
        let rest = &rest[n2..];
        let (t, n3) = longest_jamo(rest, &JAMO_T)?;
        return (n3 == rest.len()).then(|| 0xAC00 + (l * 21 + v) * 28 + t);
    }
    if let Some(hex) = name.strip_prefix(b"CJK UNIFIED IDEOGRAPH-") {
        if hex.len() != 4 && hex.len() != 5 {
            return None;
        }
        let mut v = 0u32;
        for &d in hex {
            v = v * 16
                + match d {
                    b'0'..=b'9' => u32::from(d - b'0'),
                    b'A'..=b'F' => u32::from(d - b'A' + 10),
                    _ => return None,
                };
        }
        return CJK_UNIFIED.iter().any(|&(lo, hi)| (lo..=hi).contains(&v)).then_some(v);
    }
    let upper: Vec<u8> = name.iter().map(|c| c.to_ascii_uppercase()).collect();
    // Those two prefixes name only the algorithmic characters handled above.
    if upper.starts_with(b"HANGUL SYLLABLE ") || upper.starts_with(b"CJK UNIFIED IDEOGRAPH-") {
        return None;
    }
    let name = std::str::from_utf8(name).ok()?;
    let cp = unicode_names2::character(name)? as u32;
    // unicode_names2 knows a newer Unicode; keep what 14.0 had. Controls only have aliases.
    let known = cp < 0x20
        || (0x7F..=0x9F).contains(&cp)
        || crate::unicode::is_printable(cp)
        || NAMED_NONPRINTABLE.iter().any(|&(lo, hi)| (lo..=hi).contains(&cp));
    if !known || NEWER_ALIASES.iter().any(|a| a.as_bytes() == upper.as_slice()) {
        return None;
    }
    Some(cp)
}

/// Aliases unicode_names2 accepts that CPython 3.11's database (Unicode 14.0) lacks.
const NEWER_ALIASES: &[&str] = &[
    "ARABIC SMALL HIGH LIGATURE ALEF WITH YEH BARREE",
    "BAMUM LETTER PHASE-A MAEMGBIEE",
    "CUNEIFORM SIGN KALAM",
    "EM",
    "MENDE KIKAKUI SYLLABLE M172 MBO",
    "MENDE KIKAKUI SYLLABLE M174 MBOO",
    "SUNDANESE LETTER ARCHAIC I",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn s(body: &str) -> String {
        decode_str(body, false).unwrap().to_string_lossy()
    }

    #[test]
    fn escapes() {
        assert_eq!(s(r"a\nb\t\\\'\x41\u00e9\U0001F600\101\0\777"), "a\nb\t\\'A\u{e9}\u{1F600}A\0\u{1FF}");
        assert_eq!(s("a\\\nb"), "ab");
        assert_eq!(s(r"\q\8"), r"\q\8");
        assert_eq!(s("\\é"), "\\é");
        assert_eq!(s(r"\N{EM DASH}\N{latin small letter a}\N{NBSP}"), "\u{2014}a\u{a0}");
        assert_eq!(s("x\r\ny\rz"), "x\ny\nz");
        let sur = decode_str(r"\ud800", false).unwrap();
        assert_eq!(sur.code_points().collect::<Vec<_>>(), vec![0xD800]);
    }

    #[test]
    fn escape_errors() {
        let m = |b: &str| decode_str(b, false).unwrap_err().message();
        assert_eq!(
            m(r"\x1"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape"
        );
        assert_eq!(
            m("é\\x1"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \\xXX escape"
        );
        assert!(m(r"\N{}").contains("position 0-2: malformed \\N character escape"));
        assert!(m(r"\N{").contains("position 0-2: malformed"));
        assert!(m(r"\Nab").contains("position 0-1: malformed"));
        assert!(m("\\N{é}").contains("position 0-13: unknown Unicode character name"));
        assert!(m(r"\U00110000").contains("position 0-9: illegal Unicode character"));
        assert!(m(r"\N{KEYCAP NUMBER SIGN}").contains("position 0-21: unknown"));
    }

    #[test]
    fn bytes() {
        assert_eq!(decode_bytes(br"\x41\777\q\n\0", false).unwrap(), b"A\xff\\q\n\0");
        assert_eq!(
            decode_bytes(br"ab\x1", false).unwrap_err().message(),
            "(value error) invalid \\x escape at position 2"
        );
    }

    #[test]
    fn names() {
        assert_eq!(lookup_name(b"HANGUL SYLLABLE GAG"), Some(0xAC01));
        assert_eq!(lookup_name(b"hangul syllable GAG"), None);
        assert_eq!(lookup_name(b"CJK UNIFIED IDEOGRAPH-04E00"), Some(0x4E00));
        assert_eq!(lookup_name(b"CJK UNIFIED IDEOGRAPH-4e00"), None);
        assert_eq!(lookup_name(b"CJK UNIFIED IDEOGRAPH-2EBF0"), None);
        assert_eq!(lookup_name(b"LATIN CAPITAL LETTER GHA"), Some(0x1A2));
        assert_eq!(lookup_name(b"NULL"), Some(0));
        assert_eq!(lookup_name(b"LATIN SMALL LETTER A "), None);
    }

    /// Every name CPython 3.11 knows resolves, and no other: `cargo test -- --ignored`.
    #[test]
    #[ignore]
    fn names_match_cpython() {
        let script =
            "import unicodedata\nfor cp in range(0x110000):\n    n = unicodedata.name(chr(cp), '')\n    \
                      if n: print('%x %s' % (cp, n))\n";
        let out = std::process::Command::new("python3").arg("-c").arg(script).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let mut known = std::collections::HashSet::new();
        for line in text.lines() {
            let (cp, name) = line.split_once(' ').unwrap();
            let cp = u32::from_str_radix(cp, 16).unwrap();
            assert_eq!(lookup_name(name.as_bytes()), Some(cp), "{name}");
            let algorithmic = name.starts_with("CJK UNIFIED") || name.starts_with("HANGUL SYLLABLE");
            assert_eq!(lookup_name(name.to_lowercase().as_bytes()).is_some(), !algorithmic, "{name}");
            known.insert(name.to_string());
        }
        for cp in 0..0x110000u32 {
            let Some(c) = char::from_u32(cp) else { continue };
            if let Some(n) = unicode_names2::name(c) {
                let n = n.to_string();
                if !known.contains(&n) {
                    assert_eq!(lookup_name(n.as_bytes()), None, "{n} is not in Unicode 14.0");
                }
            }
        }
    }

    #[test]
    fn prefixes() {
        let l = split_literal("Rb'''x'''").unwrap();
        assert!(l.bytes && l.raw && !l.fstring);
        assert_eq!((l.body_start, l.body_end), (5, 6));
        let l = split_literal("''").unwrap();
        assert_eq!((l.body_start, l.body_end), (1, 1));
        let l = split_literal("''''''").unwrap();
        assert_eq!((l.body_start, l.body_end), (3, 3));
        assert!(split_literal("'").is_none());
    }
}
