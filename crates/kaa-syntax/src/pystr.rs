//! `PyStr`: Python's text type, a sequence of code points that may include lone surrogates
//! (`"\ud800"` is a valid Python literal), which Rust's `String` cannot hold. Stored as
//! generalized UTF-8 (WTF-8): valid UTF-8 plus surrogates encoded as 3-byte sequences.

#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PyStr {
    bytes: Vec<u8>,
}

impl PyStr {
    pub fn new() -> PyStr {
        PyStr { bytes: Vec::new() }
    }

    /// Appends one code point (0..=0x10FFFF, surrogates allowed).
    pub fn push(&mut self, cp: u32) {
        match cp {
            0..=0x7F => self.bytes.push(cp as u8),
            0x80..=0x7FF => self.bytes.extend_from_slice(&[0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8]),
            0x800..=0xFFFF => self.bytes.extend_from_slice(&[
                0xE0 | (cp >> 12) as u8,
                0x80 | ((cp >> 6) & 0x3F) as u8,
                0x80 | (cp & 0x3F) as u8,
            ]),
            _ => self.bytes.extend_from_slice(&[
                0xF0 | (cp >> 18) as u8,
                0x80 | ((cp >> 12) & 0x3F) as u8,
                0x80 | ((cp >> 6) & 0x3F) as u8,
                0x80 | (cp & 0x3F) as u8,
            ]),
        }
    }

    pub fn push_str(&mut self, s: &str) {
        self.bytes.extend_from_slice(s.as_bytes());
    }

    pub fn push_pystr(&mut self, s: &PyStr) {
        self.bytes.extend_from_slice(&s.bytes);
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The text as `&str` when it holds no surrogates.
    pub fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.bytes).ok()
    }

    /// The text with each surrogate replaced by U+FFFD.
    pub fn to_string_lossy(&self) -> String {
        self.code_points().map(|cp| char::from_u32(cp).unwrap_or('\u{FFFD}')).collect()
    }

    /// The code points, in order.
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints { bytes: &self.bytes, pos: 0 }
    }

    pub fn as_wtf8_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Rebuilds a string from its `as_wtf8_bytes` form (read back from a bytecode cache), or
    /// `None` when the bytes are not well-formed generalized UTF-8.
    pub fn from_wtf8(bytes: Vec<u8>) -> Option<PyStr> {
        if std::str::from_utf8(&bytes).is_ok() || is_wtf8(&bytes) {
            Some(PyStr { bytes })
        } else {
            None
        }
    }
}

/// Is `b` UTF-8 in which surrogate code points (ED A0..BF xx) are also allowed?
#[cold]
fn is_wtf8(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        let lead = b[i];
        let (len, min) = match lead {
            0x00..=0x7F => (1, 0),
            0xC2..=0xDF => (2, 0x80),
            0xE0..=0xEF => (3, 0x800),
            0xF0..=0xF4 => (4, 0x10000),
            _ => return false,
        };
        if i + len > b.len() || !b[i + 1..i + len].iter().all(|c| c & 0xC0 == 0x80) {
            return false;
        }
        let mut cp = if len == 1 { lead as u32 } else { (lead as u32) & (0x7F >> len) };
        for c in &b[i + 1..i + len] {
            cp = (cp << 6) | (c & 0x3F) as u32;
        }
        if cp < min || cp > 0x10FFFF {
            return false;
        }
        i += len;
    }
    true
}

impl From<&str> for PyStr {
    fn from(s: &str) -> PyStr {
        PyStr { bytes: s.as_bytes().to_vec() }
    }
}

impl From<String> for PyStr {
    fn from(s: String) -> PyStr {
        PyStr { bytes: s.into_bytes() }
    }
}

impl std::fmt::Debug for PyStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::repr::str_repr(self))
    }
}

pub struct CodePoints<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Iterator for CodePoints<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        let b = self.bytes;
        let i = self.pos;
        let first = *b.get(i)? as u32;
        let (cp, len) = if first < 0x80 {
            (first, 1)
        } else if first < 0xE0 {
            (((first & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F), 2)
        } else if first < 0xF0 {
            (((first & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F), 3)
        } else {
            (
                ((first & 0x07) << 18)
                    | ((b[i + 1] as u32 & 0x3F) << 12)
                    | ((b[i + 2] as u32 & 0x3F) << 6)
                    | (b[i + 3] as u32 & 0x3F),
                4,
            )
        };
        self.pos += len;
        Some(cp)
    }
}
