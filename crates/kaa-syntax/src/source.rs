//! Loading source: bytes → text per PEP 263 — a UTF-8 BOM, else a coding cookie in a comment on
//! line 1 (or line 2 when line 1 is blank or a comment), else UTF-8.

use crate::error::{SyntaxError, SyntaxErrorKind};

/// Decoded source text and the encoding name `tokenize.detect_encoding` reports for it
/// (`utf-8`, `utf-8-sig` after a BOM, `iso-8859-1`, or the cookie as written).
pub struct Source {
    pub text: String,
    pub encoding: String,
    /// A coding cookie or a BOM declared the encoding. CPython 3.11 reports the columns of
    /// parser errors in bytes when a file declares none (see `tokenizer::Options`).
    pub encoding_declared: bool,
}

/// The codecs a cookie may name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Codec {
    Utf8,
    Latin1,
    Ascii,
    /// A single-byte code page: bytes 0x80..=0xFF through a table (0xFFFF = undefined).
    Table(&'static [u16; 128]),
}

fn error(msg: String, lineno: u32, text: Option<String>) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        lineno,
        offset: if lineno == 0 { 0 } else { 1 },
        end_lineno: lineno,
        end_offset: 0,
        text,
    }
}

/// Decodes a source file as CPython does before tokenizing it; errors read as `python3 FILE`
/// reports them.
pub fn decode(bytes: &[u8], filename: &str) -> Result<Source, SyntaxError> {
    let (body, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let (line1, rest) = split_line(body);
    let mut cookie = find_cookie(line1);
    let mut cookie_line = 1;
    if cookie.is_none() && is_blank_or_comment(line1) {
        cookie = find_cookie(split_line(rest).0);
        cookie_line = 2;
    }
    let Some(cookie) = cookie else {
        let text = decode_utf8(body, filename, false)?;
        return Ok(Source {
            text,
            encoding: if bom { "utf-8-sig" } else { "utf-8" }.into(),
            encoding_declared: bom,
        });
    };
    // Line 1 must be UTF-8 when the cookie is on line 2 (it is read before the cookie).
    if cookie_line == 2 && std::str::from_utf8(line1).is_err() {
        decode_utf8(line1, filename, false)?;
    }
    let c_name = c_normal_name(cookie);
    let Some(codec) = lookup(cookie) else {
        return Err(error(format!("encoding problem: {c_name}"), 0, None));
    };
    // After a BOM the cookie must say UTF-8 in a spelling `get_normal_name` maps to "utf-8".
    if bom && (codec != Codec::Utf8 || c_name != "utf-8") {
        return Err(error(format!("encoding problem: {c_name} with BOM"), 0, None));
    }
    let text = match codec {
        Codec::Utf8 => decode_utf8(body, filename, true)?,
        Codec::Latin1 => body.iter().map(|&b| b as char).collect(),
        Codec::Ascii => {
            if !body.is_ascii() {
                return Err(error(format!("encoding problem: {c_name}"), 0, None));
            }
            body.iter().map(|&b| b as char).collect()
        }
        Codec::Table(table) => {
            let mut s = String::with_capacity(body.len() + body.len() / 4);
            for &b in body {
                if b < 0x80 {
                    s.push(b as char);
                } else {
                    match char::from_u32(table[(b - 0x80) as usize] as u32) {
                        Some(c) if table[(b - 0x80) as usize] != 0xFFFF => s.push(c),
                        _ => return Err(error(format!("encoding problem: {c_name}"), 0, None)),
                    }
                }
            }
            s
        }
    };
    let py_name = py_normal_name(cookie);
    let encoding = if bom && py_name == "utf-8" { "utf-8-sig".to_string() } else { py_name };
    Ok(Source { text, encoding, encoding_declared: true })
}

/// The first line (through its `\n`) and the rest.
fn split_line(b: &[u8]) -> (&[u8], &[u8]) {
    match b.iter().position(|&c| c == b'\n') {
        Some(i) => b.split_at(i + 1),
        None => (b, &[]),
    }
}

/// `^[ \t\f]*(?:[#\r\n]|$)`
fn is_blank_or_comment(line: &[u8]) -> bool {
    let i = line.iter().position(|&c| !matches!(c, b' ' | b'\t' | 0x0C)).unwrap_or(line.len());
    matches!(line.get(i), None | Some(b'#' | b'\r' | b'\n'))
}

/// The cookie in `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` (ASCII `\w`), if the line has one.
fn find_cookie(line: &[u8]) -> Option<&str> {
    let line = match line.iter().position(|&c| c == b'\n') {
        Some(i) => &line[..i],
        None => line,
    };
    let i = line.iter().position(|&c| !matches!(c, b' ' | b'\t' | 0x0C))?;
    if line[i] != b'#' {
        return None;
    }
    let is_name = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.');
    let mut j = i + 1;
    while j + 7 <= line.len() {
        if &line[j..j + 6] == b"coding" && matches!(line[j + 6], b':' | b'=') {
            let mut k = j + 7;
            while k < line.len() && matches!(line[k], b' ' | b'\t') {
                k += 1;
            }
            let e = k + line[k..].iter().take_while(|&&c| is_name(c)).count();
            if e > k {
                // The name is ASCII, so this cannot fail.
                return std::str::from_utf8(&line[k..e]).ok();
            }
        }
        j += 1;
    }
    None
}

/// The first 12 characters, lowercased, `_` → `-` (CPython's `get_normal_name` works on them).
fn head12(name: &str) -> String {
    name.chars().take(12).map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() }).collect()
}

fn is_latin1_name(e: &str) -> bool {
    ["latin-1", "iso-8859-1", "iso-latin-1"].iter().any(|n| e == *n || e.starts_with(&format!("{n}-")))
}

/// `tokenize._get_normal_name`: what `tokenize` reports for a cookie.
fn py_normal_name(name: &str) -> String {
    let e = head12(name);
    if e == "utf-8" || e.starts_with("utf-8-") {
        "utf-8".into()
    } else if is_latin1_name(&e) {
        "iso-8859-1".into()
    } else {
        name.into()
    }
}

/// The C tokenizer's `get_normal_name`, used in its messages.
fn c_normal_name(name: &str) -> String {
    py_normal_name(name)
}

/// Python's codec lookup (`encodings.normalize_encoding` plus the alias table) for the codecs
/// supported here.
fn lookup(name: &str) -> Option<Codec> {
    let normal = py_normal_name(name);
    if normal == "utf-8" {
        return Some(Codec::Utf8);
    }
    // Lowercase; runs of other than alphanumerics and '.' become one '_', none at the ends.
    let mut key = String::new();
    let mut punct = false;
    for c in normal.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !key.is_empty() {
                key.push('_');
            }
            key.push(c.to_ascii_lowercase());
            punct = false;
        } else {
            punct = true;
        }
    }
    let codec = match key.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" | "utf_8_sig" => Codec::Utf8,
        "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859" | "cp819" | "ibm819"
        | "iso_ir_100" | "csisolatin1" | "iso_8859_1_1987" | "iso8859" => Codec::Latin1,
        "ascii" | "646" | "us_ascii" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986"
        | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" => Codec::Ascii,
        "cp1252" | "windows_1252" | "1252" => Codec::Table(&CP1252),
        "koi8_r" | "cskoi8r" => Codec::Table(&KOI8_R),
        "iso8859_15" | "iso_8859_15" | "latin9" | "l9" => Codec::Table(&ISO8859_15),
        "cp1251" | "windows_1251" | "1251" => Codec::Table(&CP1251),
        "iso8859_2" | "iso_8859_2" | "latin2" | "l2" | "iso_ir_101" | "csisolatin2" => {
            Codec::Table(&ISO8859_2)
        }
        _ => return None,
    };
    Some(codec)
}

/// UTF-8 text, or CPython's complaint about the first bad byte.
fn decode_utf8(b: &[u8], filename: &str, declared: bool) -> Result<String, SyntaxError> {
    match std::str::from_utf8(b) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let lineno = 1 + b[..at].iter().filter(|&&c| c == b'\n').count() as u32;
            let bad = b.get(at).copied().unwrap_or(0);
            if !declared {
                return Err(error(
                    format!(
                        "Non-UTF-8 code starting with '\\x{bad:02x}' in file {filename} on line {lineno}, \
                         but no encoding declared; see https://peps.python.org/pep-0263/ for details"
                    ),
                    0,
                    None,
                ));
            }
            let why = match e.error_len() {
                None => "unexpected end of data",
                Some(_) if (0x80..0xC2).contains(&bad) || bad >= 0xF5 => "invalid start byte",
                Some(_) => "invalid continuation byte",
            };
            let ls = b[..at].iter().rposition(|&c| c == b'\n').map_or(0, |i| i + 1);
            let le = b[at..].iter().position(|&c| c == b'\n').map_or(b.len(), |i| at + i + 1);
            Err(error(
                format!("(unicode error) 'utf-8' codec can't decode byte 0x{bad:02x} in position 0: {why}"),
                lineno,
                Some(String::from_utf8_lossy(&b[ls..le]).into_owned()),
            ))
        }
    }
}

// Single-byte code pages, bytes 0x80..=0xFF (generated from Python's codecs).
const CP1252: [u16; 128] = [
    0x20AC, 0xFFFF, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
    0xFFFF, 0x017D, 0xFFFF, 0xFFFF, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
    0x0161, 0x203A, 0x0153, 0xFFFF, 0x017E, 0x0178, 0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6,
    0x00A7, 0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF, 0x00B0, 0x00B1, 0x00B2, 0x00B3,
    0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF, 0x00C0,
    0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD,
    0x00CE, 0x00CF, 0x00D0, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA,
    0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF, 0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF, 0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4,
    0x00F5, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,
];
const KOI8_R: [u16; 128] = [
    0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x2524, 0x252C, 0x2534, 0x253C, 0x2580, 0x2584,
    0x2588, 0x258C, 0x2590, 0x2591, 0x2592, 0x2593, 0x2320, 0x25A0, 0x2219, 0x221A, 0x2248, 0x2264, 0x2265,
    0x00A0, 0x2321, 0x00B0, 0x00B2, 0x00B7, 0x00F7, 0x2550, 0x2551, 0x2552, 0x0451, 0x2553, 0x2554, 0x2555,
    0x2556, 0x2557, 0x2558, 0x2559, 0x255A, 0x255B, 0x255C, 0x255D, 0x255E, 0x255F, 0x2560, 0x2561, 0x0401,
    0x2562, 0x2563, 0x2564, 0x2565, 0x2566, 0x2567, 0x2568, 0x2569, 0x256A, 0x256B, 0x256C, 0x00A9, 0x044E,
    0x0430, 0x0431, 0x0446, 0x0434, 0x0435, 0x0444, 0x0433, 0x0445, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C,
    0x043D, 0x043E, 0x043F, 0x044F, 0x0440, 0x0441, 0x0442, 0x0443, 0x0436, 0x0432, 0x044C, 0x044B, 0x0437,
    0x0448, 0x044D, 0x0449, 0x0447, 0x044A, 0x042E, 0x0410, 0x0411, 0x0426, 0x0414, 0x0415, 0x0424, 0x0413,
    0x0425, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F, 0x042F, 0x0420, 0x0421, 0x0422,
    0x0423, 0x0416, 0x0412, 0x042C, 0x042B, 0x0417, 0x0428, 0x042D, 0x0429, 0x0427, 0x042A,
];
const ISO8859_15: [u16; 128] = [
    0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087, 0x0088, 0x0089, 0x008A, 0x008B, 0x008C,
    0x008D, 0x008E, 0x008F, 0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097, 0x0098, 0x0099,
    0x009A, 0x009B, 0x009C, 0x009D, 0x009E, 0x009F, 0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x20AC, 0x00A5, 0x0160,
    0x00A7, 0x0161, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF, 0x00B0, 0x00B1, 0x00B2, 0x00B3,
    0x017D, 0x00B5, 0x00B6, 0x00B7, 0x017E, 0x00B9, 0x00BA, 0x00BB, 0x0152, 0x0153, 0x0178, 0x00BF, 0x00C0,
    0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD,
    0x00CE, 0x00CF, 0x00D0, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA,
    0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF, 0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF, 0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4,
    0x00F5, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,
];
const CP1251: [u16; 128] = [
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A,
    0x040C, 0x040B, 0x040F, 0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0xFFFF, 0x2122,
    0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, 0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6,
    0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407, 0x00B0, 0x00B1, 0x0406, 0x0456,
    0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457, 0x0410,
    0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D,
    0x041E, 0x041F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427, 0x0428, 0x0429, 0x042A,
    0x042B, 0x042C, 0x042D, 0x042E, 0x042F, 0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
    0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F, 0x0440, 0x0441, 0x0442, 0x0443, 0x0444,
    0x0445, 0x0446, 0x0447, 0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
];
const ISO8859_2: [u16; 128] = [
    0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087, 0x0088, 0x0089, 0x008A, 0x008B, 0x008C,
    0x008D, 0x008E, 0x008F, 0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097, 0x0098, 0x0099,
    0x009A, 0x009B, 0x009C, 0x009D, 0x009E, 0x009F, 0x00A0, 0x0104, 0x02D8, 0x0141, 0x00A4, 0x013D, 0x015A,
    0x00A7, 0x00A8, 0x0160, 0x015E, 0x0164, 0x0179, 0x00AD, 0x017D, 0x017B, 0x00B0, 0x0105, 0x02DB, 0x0142,
    0x00B4, 0x013E, 0x015B, 0x02C7, 0x00B8, 0x0161, 0x015F, 0x0165, 0x017A, 0x02DD, 0x017E, 0x017C, 0x0154,
    0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0139, 0x0106, 0x00C7, 0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD,
    0x00CE, 0x010E, 0x0110, 0x0143, 0x0147, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x00D7, 0x0158, 0x016E, 0x00DA,
    0x0170, 0x00DC, 0x00DD, 0x0162, 0x00DF, 0x0155, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7,
    0x010D, 0x00E9, 0x0119, 0x00EB, 0x011B, 0x00ED, 0x00EE, 0x010F, 0x0111, 0x0144, 0x0148, 0x00F3, 0x00F4,
    0x0151, 0x00F6, 0x00F7, 0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD, 0x0163, 0x02D9,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(b: &[u8]) -> String {
        decode(b, "f.py").map(|s| s.encoding).unwrap_or_else(|e| format!("error: {}", e.msg))
    }

    #[test]
    fn encodings() {
        assert_eq!(enc(b"x = 1\n"), "utf-8");
        assert_eq!(enc(b"\xEF\xBB\xBFx = 1\n"), "utf-8-sig");
        assert_eq!(enc(b"# -*- coding: latin-1 -*-\n"), "iso-8859-1");
        assert_eq!(enc(b"# coding=ISO_8859_1\n"), "iso-8859-1");
        assert_eq!(enc(b"# vim: set fileencoding=utf8 :\n"), "utf8");
        assert_eq!(enc(b"#!/usr/bin/python\n# coding: UTF_8\n"), "utf-8");
        assert_eq!(enc(b"# coding:latin1\n"), "latin1");
        assert_eq!(enc(b"x = 1\n# coding: latin-1\n"), "utf-8");
        assert_eq!(enc(b"\xEF\xBB\xBF# coding: utf-8\n"), "utf-8-sig");
        assert_eq!(enc(b"\xEF\xBB\xBF# coding: utf8\n"), "error: encoding problem: utf8 with BOM");
        assert_eq!(enc(b"\xEF\xBB\xBF# coding: latin-1\n"), "error: encoding problem: iso-8859-1 with BOM");
        assert_eq!(enc(b"# coding: uft-8\n"), "error: encoding problem: uft-8");
        assert_eq!(enc(b"# coding: ascii\nx = '\xe9'\n"), "error: encoding problem: ascii");
        assert_eq!(
            enc(b"x = 1\ny = '\xe9'\n"),
            "error: Non-UTF-8 code starting with '\\xe9' in file f.py on line 2, but no encoding declared; \
             see https://peps.python.org/pep-0263/ for details"
        );
    }

    #[test]
    fn code_pages() {
        let s = decode(b"# coding: cp1252\nx = '\x80\xe9'\n", "f.py").unwrap();
        assert_eq!(s.text, "# coding: cp1252\nx = '\u{20ac}\u{e9}'\n");
        let s = decode(b"# coding: koi8-r\nx = '\xc1'\n", "f.py").unwrap();
        assert_eq!(s.text, "# coding: koi8-r\nx = '\u{430}'\n");
        let s = decode(b"# coding: latin-1\nx = '\xe9'\n", "f.py").unwrap();
        assert_eq!(s.text, "# coding: latin-1\nx = '\u{e9}'\n");
        assert!(decode(b"# coding: cp1252\nx = '\x81'\n", "f.py").is_err());
    }
}
