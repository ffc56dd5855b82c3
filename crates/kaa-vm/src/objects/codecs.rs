//! `str.encode` and `bytes.decode`: UTF-8, ASCII, Latin-1, UTF-16 and UTF-32 with the error
//! handlers strict, ignore, replace, backslashreplace, xmlcharrefreplace (encoding) and
//! surrogateescape, raising UnicodeEncodeError/UnicodeDecodeError worded as CPython words them.
//!
//! Kaa's `str` is UTF-8 and cannot hold lone surrogates, so `surrogateescape` stands the byte
//! `b` (0x80..=0xFF) that CPython would decode to U+DC00+b for the private-use character
//! U+10DC00+b (`ESCAPE_BASE`), and encodes those back to `b`: file names and other undecodable
//! bytes round-trip through `os.fsdecode`/`os.fsencode` as in CPython. (They print as
//! `'\U0010dcff'` rather than `'\udcff'`, and `strict` UTF-8 encodes them instead of failing.)

use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::value::Value;

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Utf16(Option<bool>),
    Utf32(Option<bool>),
}

impl Codec {
    /// CPython's name for the codec in error messages.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(true)) => "utf-16-be",
            Codec::Utf16(Some(false)) => "utf-16-le",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(true)) => "utf-32-be",
            Codec::Utf32(Some(false)) => "utf-32-le",
        }
    }
}

/// Whether `encoding` is one of the codecs implemented here (others go through `_codecs`).
pub fn is_native(encoding: &str) -> bool {
    lookup(encoding).is_ok()
}

/// Whether the error handler `errors` is one applied here (others go through `_codecs`).
pub fn is_native_handler(errors: &str) -> bool {
    handler(errors).is_ok()
}

fn lookup(encoding: &str) -> PyResult<Codec> {
    let norm: String = encoding
        .trim()
        .chars()
        .map(|c| if c == '_' || c == ' ' { '-' } else { c.to_ascii_lowercase() })
        .collect();
    Ok(match norm.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" | "utf-8-sig" => Codec::Utf8,
        "ascii" | "us-ascii" | "646" | "us" => Codec::Ascii,
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" | "latin" => {
            Codec::Latin1
        }
        "utf-16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf-16-le" | "utf-16le" => Codec::Utf16(Some(false)),
        "utf-16-be" | "utf-16be" => Codec::Utf16(Some(true)),
        "utf-32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf-32-le" | "utf-32le" => Codec::Utf32(Some(false)),
        "utf-32-be" | "utf-32be" => Codec::Utf32(Some(true)),
        _ => return Err(PyErr::new(ExcKind::LookupError, format!("unknown encoding: {encoding}"))),
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    SurrogateEscape,
}

/// The handler named `errors`; an unknown name only fails once an error needs handling.
fn handler(errors: &str) -> PyResult<Handler> {
    Ok(match errors {
        "strict" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        "surrogateescape" => Handler::SurrogateEscape,
        other => {
            return Err(PyErr::new(ExcKind::LookupError, format!("unknown error handler name '{other}'")))
        }
    })
}

/// A Unicode error carrying the message CPython formats for it.
#[cold]
fn unicode_error(kind: ExcKind, msg: String) -> PyErr {
    PyErr::new(kind, msg)
}

/// How CPython shows one character in an encode error: `'\xff'`, `'\u20ac'`, `'\U0001f600'`.
fn char_escape(c: char) -> String {
    let cp = c as u32;
    if cp < 0x100 {
        format!("\\x{cp:02x}")
    } else if cp < 0x10000 {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}

// ---- encoding ----

/// Where `surrogateescape` puts undecodable bytes (see the module comment).
const ESCAPE_BASE: u32 = 0x10DC00;

/// The byte a `surrogateescape` stand-in character holds.
fn escaped_byte(c: char) -> Option<u8> {
    let cp = c as u32;
    (ESCAPE_BASE + 0x80..=ESCAPE_BASE + 0xFF).contains(&cp).then(|| (cp - ESCAPE_BASE) as u8)
}

/// UTF-8 encoding with stand-ins turned back into their bytes.
#[cold]
fn encode_utf8_escaped(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        match escaped_byte(c) {
            Some(b) => out.push(b),
            None => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    out
}

pub fn encode(text: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(encoding)?;
    let limit = match codec {
        Codec::Utf8 => {
            let mut out = if errors == "surrogateescape" {
                encode_utf8_escaped(text)
            } else {
                text.as_bytes().to_vec()
            };
            if encoding.eq_ignore_ascii_case("utf-8-sig") || encoding.eq_ignore_ascii_case("utf_8_sig") {
                out.splice(0..0, [0xEF, 0xBB, 0xBF]);
            }
            return Ok(out);
        }
        Codec::Utf16(order) => return Ok(encode_utf16(text, order)),
        Codec::Utf32(order) => return Ok(encode_utf32(text, order)),
        Codec::Ascii => 0x7F,
        Codec::Latin1 => 0xFF,
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) <= limit {
            out.push(c as u8);
            i += 1;
            continue;
        }
        if let (Some(b), "surrogateescape") = (escaped_byte(c), errors) {
            out.push(b);
            i += 1;
            continue;
        }
        // A run of unencodable characters is reported (and replaced) as one error.
        let mut end = i + 1;
        while end < chars.len() && chars[end] as u32 > limit {
            end += 1;
        }
        match handler(errors)? {
            Handler::Strict | Handler::SurrogateEscape => {
                let range = if limit == 0xFF { 256 } else { 128 };
                let what = if end - i == 1 {
                    format!("character '{}' in position {i}", char_escape(c))
                } else {
                    format!("characters in position {i}-{}", end - 1)
                };
                return Err(unicode_error(
                    ExcKind::UnicodeEncodeError,
                    format!("'{}' codec can't encode {what}: ordinal not in range({range})", codec.name()),
                ));
            }
            Handler::Ignore => {}
            Handler::Replace => out.extend(std::iter::repeat_n(b'?', end - i)),
            Handler::BackslashReplace => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(char_escape(c).as_bytes());
                }
            }
            Handler::XmlCharRefReplace => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
        }
        i = end;
    }
    Ok(out)
}

fn encode_utf16(text: &str, order: Option<bool>) -> Vec<u8> {
    let big = order.unwrap_or(false);
    let mut out = Vec::with_capacity(text.len() * 2 + 2);
    let mut put = |u: u16| out.extend_from_slice(&if big { u.to_be_bytes() } else { u.to_le_bytes() });
    if order.is_none() {
        put(0xFEFF);
    }
    for u in text.encode_utf16() {
        put(u);
    }
    out
}

fn encode_utf32(text: &str, order: Option<bool>) -> Vec<u8> {
    let big = order.unwrap_or(false);
    let mut out = Vec::with_capacity(text.len() * 4 + 4);
    let mut put = |u: u32| out.extend_from_slice(&if big { u.to_be_bytes() } else { u.to_le_bytes() });
    if order.is_none() {
        put(0xFEFF);
    }
    for c in text.chars() {
        put(c as u32);
    }
    out
}

// ---- decoding ----

/// One undecodable stretch `data[start..end]` and why.
struct Bad {
    start: usize,
    end: usize,
    reason: &'static str,
}

/// Applies the error handler to a bad stretch, or builds the UnicodeDecodeError.
fn handle_decode(codec: Codec, data: &[u8], bad: Bad, errors: &str, out: &mut String) -> PyResult<()> {
    let handler = handler(errors)?;
    if handler == Handler::SurrogateEscape && data[bad.start..bad.end].iter().all(|&b| b >= 0x80) {
        for &b in &data[bad.start..bad.end] {
            out.push(char::from_u32(ESCAPE_BASE + b as u32).unwrap_or('\u{FFFD}'));
        }
        return Ok(());
    }
    match handler {
        Handler::Strict | Handler::SurrogateEscape | Handler::XmlCharRefReplace => {
            let what = if bad.end - bad.start == 1 {
                format!("byte 0x{:02x} in position {}", data[bad.start], bad.start)
            } else {
                format!("bytes in position {}-{}", bad.start, bad.end - 1)
            };
            Err(unicode_error(
                ExcKind::UnicodeDecodeError,
                format!("'{}' codec can't decode {what}: {}", codec.name(), bad.reason),
            ))
        }
        Handler::Ignore => Ok(()),
        Handler::Replace => {
            out.push('\u{FFFD}');
            Ok(())
        }
        Handler::BackslashReplace => {
            for b in &data[bad.start..bad.end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
    }
}

pub fn decode(data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = lookup(encoding)?;
    let mut out = String::with_capacity(data.len());
    match codec {
        Codec::Latin1 => return Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    let bad = Bad { start: i, end: i + 1, reason: "ordinal not in range(128)" };
                    handle_decode(codec, data, bad, errors, &mut out)?;
                }
            }
        }
        Codec::Utf8 => {
            let mut rest = data;
            let mut offset = 0;
            if encoding.to_ascii_lowercase().replace('_', "-") == "utf-8-sig"
                && rest.starts_with(&[0xEF, 0xBB, 0xBF])
            {
                rest = &rest[3..];
                offset = 3;
            }
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                        let start = offset + good;
                        let (len, reason) = match e.error_len() {
                            None => (rest.len() - good, "unexpected end of data"),
                            Some(n) => {
                                let first = rest[good];
                                let reason = if n == 1 && !(0xC2..=0xF4).contains(&first) {
                                    "invalid start byte"
                                } else {
                                    "invalid continuation byte"
                                };
                                (n, reason)
                            }
                        };
                        handle_decode(
                            codec,
                            data,
                            Bad { start, end: start + len, reason },
                            errors,
                            &mut out,
                        )?;
                        rest = &rest[good + len..];
                        offset = start + len;
                    }
                }
            }
        }
        Codec::Utf16(order) => decode_utf16(data, order, errors, &mut out)?,
        Codec::Utf32(order) => decode_utf32(data, order, errors, &mut out)?,
    }
    Ok(out)
}

fn decode_utf16(data: &[u8], order: Option<bool>, errors: &str, out: &mut String) -> PyResult<()> {
    let mut big = order.unwrap_or(false);
    let mut i = 0;
    if order.is_none() && data.len() >= 2 {
        match (data[0], data[1]) {
            (0xFF, 0xFE) => i = 2,
            (0xFE, 0xFF) => {
                big = true;
                i = 2
            }
            _ => {}
        }
    }
    // Errors name the byte order actually used (little-endian without a BOM).
    let codec = Codec::Utf16(Some(big));
    let unit = |at: usize| -> u16 {
        let pair = [data[at], data[at + 1]];
        if big {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    };
    while i < data.len() {
        if i + 1 >= data.len() {
            let bad = Bad { start: i, end: data.len(), reason: "truncated data" };
            handle_decode(codec, data, bad, errors, out)?;
            break;
        }
        let u = unit(i);
        if !(0xD800..0xE000).contains(&u) {
            out.push(char::from_u32(u as u32).unwrap_or('\u{FFFD}'));
            i += 2;
            continue;
        }
        if u >= 0xDC00 {
            let bad = Bad { start: i, end: i + 2, reason: "illegal encoding" };
            handle_decode(codec, data, bad, errors, out)?;
            i += 2;
            continue;
        }
        if i + 3 >= data.len() {
            let bad = Bad { start: i, end: data.len(), reason: "unexpected end of data" };
            handle_decode(codec, data, bad, errors, out)?;
            break;
        }
        let low = unit(i + 2);
        if !(0xDC00..0xE000).contains(&low) {
            let bad = Bad { start: i, end: i + 2, reason: "illegal UTF-16 surrogate" };
            handle_decode(codec, data, bad, errors, out)?;
            i += 2;
            continue;
        }
        let cp = 0x10000 + (((u as u32) - 0xD800) << 10) + ((low as u32) - 0xDC00);
        out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
        i += 4;
    }
    Ok(())
}

fn decode_utf32(data: &[u8], order: Option<bool>, errors: &str, out: &mut String) -> PyResult<()> {
    let mut big = order.unwrap_or(false);
    let mut i = 0;
    if order.is_none() && data.len() >= 4 {
        if data[..4] == [0xFF, 0xFE, 0, 0] {
            i = 4;
        } else if data[..4] == [0, 0, 0xFE, 0xFF] {
            big = true;
            i = 4;
        }
    }
    let codec = Codec::Utf32(Some(big));
    while i < data.len() {
        if i + 4 > data.len() {
            let bad = Bad { start: i, end: data.len(), reason: "truncated data" };
            handle_decode(codec, data, bad, errors, out)?;
            break;
        }
        let quad = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        let cp = if big { u32::from_be_bytes(quad) } else { u32::from_le_bytes(quad) };
        match char::from_u32(cp) {
            Some(c) => out.push(c),
            None => {
                let reason = if cp > 0x10FFFF {
                    "code point not in range(0x110000)"
                } else {
                    "code point in surrogate code point range(0xd800, 0xe000)"
                };
                handle_decode(codec, data, Bad { start: i, end: i + 4, reason }, errors, out)?;
            }
        }
        i += 4;
    }
    Ok(())
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub fn str_encode(
    vm: &mut crate::interp::Vm,
    args: &[Value],
    kwargs: &crate::builtins::Kwargs,
) -> PyResult<Value> {
    let Some(Value::Str(s)) = args.first() else {
        return Err(crate::objects::args::descriptor_error("str", "encode", args));
    };
    let [encoding, errors] =
        crate::objects::args::keywords("encode", &args[1..], kwargs, ["encoding", "errors"], 2)?;
    let encoding = crate::objects::bytes_methods::str_param("encode", "encoding", encoding)?;
    let errors = crate::objects::bytes_methods::str_param("encode", "errors", errors)?;
    let encoding = encoding.as_deref().unwrap_or("utf-8");
    let errors = errors.as_deref().unwrap_or("strict");
    if !is_native(encoding) || !is_native_handler(errors) {
        return crate::modules::codecs::encode_text(vm, &args[0], encoding, errors);
    }
    let out = encode(s, encoding, errors)?;
    Ok(crate::objects::bytes::new_bytes(out))
}

/// The codec's canonical name ("utf-8", "latin-1", "utf-16-le", ...), or LookupError for an
/// encoding Kaa does not know.
pub fn canonical_name(encoding: &str) -> PyResult<&'static str> {
    lookup(encoding).map(Codec::name)
}
