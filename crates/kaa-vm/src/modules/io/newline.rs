//! Newline handling shared by `TextIOWrapper` and `StringIO`: the `newline` argument's modes,
//! translation of input ("universal newlines") and output, where a line ends, and the
//! `newlines` attribute (which line endings were seen).

use crate::exceptions::{PyErr, PyResult};
use crate::value::Value;
use std::borrow::Cow;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Mode {
    /// `newline=None`: "\r\n" and "\r" read as "\n"; "\n" written as os.linesep ("\n").
    Translate,
    /// `newline=''`: lines end at any of the three, nothing is translated.
    Universal,
    Lf,
    Cr,
    CrLf,
}

/// Bits of the line endings seen (for `newlines`).
pub const SEEN_CR: u8 = 1;
pub const SEEN_LF: u8 = 2;
pub const SEEN_CRLF: u8 = 4;

pub fn parse(v: Option<&Value>, default: Mode) -> PyResult<Mode> {
    match v {
        None => Ok(default),
        Some(Value::None) => Ok(Mode::Translate),
        Some(Value::Str(s)) => match s.as_str() {
            "" => Ok(Mode::Universal),
            "\n" => Ok(Mode::Lf),
            "\r" => Ok(Mode::Cr),
            "\r\n" => Ok(Mode::CrLf),
            other => Err(PyErr::value_error(format!("illegal newline value: {other}"))),
        },
        Some(other) => {
            Err(PyErr::type_error(format!("newline must be str or None, not {}", other.type_name())))
        }
    }
}

impl Mode {
    /// The terminator written for "\n" (None: as is).
    pub fn written(self) -> Option<&'static str> {
        match self {
            Mode::Cr => Some("\r"),
            Mode::CrLf => Some("\r\n"),
            _ => None,
        }
    }

    pub fn tracks_seen(self) -> bool {
        matches!(self, Mode::Translate | Mode::Universal)
    }
}

/// Output translation: "\n" becomes the mode's terminator.
pub fn translate_out(text: &str, mode: Mode) -> Cow<'_, str> {
    match mode.written() {
        Some(nl) if text.contains('\n') => Cow::Owned(text.replace('\n', nl)),
        _ => Cow::Borrowed(text),
    }
}

/// Records the line endings in `text` into `seen`.
pub fn note_seen(text: &str, seen: &mut u8) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\r' if b.get(i + 1) == Some(&b'\n') => {
                *seen |= SEEN_CRLF;
                i += 1;
            }
            b'\r' => *seen |= SEEN_CR,
            b'\n' => *seen |= SEEN_LF,
            _ => {}
        }
        i += 1;
    }
}

/// Input translation for `newline=None`: "\r\n" and "\r" become "\n". `collapsed` receives the
/// byte offsets (in the result, plus `base`) of the "\n"s that were "\r\n".
pub fn translate_in(text: &str, base: usize, collapsed: &mut Vec<usize>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        if rest[i + 1..].starts_with('\n') {
            collapsed.push(base + out.len());
            rest = &rest[i + 2..];
        } else {
            rest = &rest[i + 1..];
        }
        out.push('\n');
    }
    out.push_str(rest);
    out
}

/// Where the line starting at `start` ends (just after its terminator), if the text holds a
/// whole line. A "\r" at the very end in universal mode may be half of "\r\n": it ends a line
/// only at end of file.
pub fn line_end(text: &str, start: usize, mode: Mode, at_eof: bool) -> Option<usize> {
    let rest = &text.as_bytes()[start..];
    match mode {
        Mode::Translate | Mode::Lf => memchr(b'\n', rest).map(|i| start + i + 1),
        Mode::Cr => memchr(b'\r', rest).map(|i| start + i + 1),
        Mode::CrLf => text[start..].find("\r\n").map(|i| start + i + 2),
        Mode::Universal => {
            let i = rest.iter().position(|&c| c == b'\n' || c == b'\r')?;
            if rest[i] == b'\n' {
                return Some(start + i + 1);
            }
            match rest.get(i + 1) {
                Some(b'\n') => Some(start + i + 2),
                Some(_) => Some(start + i + 1),
                None if at_eof => Some(start + i + 1),
                None => None,
            }
        }
    }
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

/// The `newlines` attribute for the endings seen.
pub fn seen_value(seen: u8) -> Value {
    let names: Vec<Value> = [(SEEN_CR, "\r"), (SEEN_LF, "\n"), (SEEN_CRLF, "\r\n")]
        .iter()
        .filter(|(bit, _)| seen & bit != 0)
        .map(|(_, s)| Value::str(s))
        .collect();
    match names.len() {
        0 => Value::None,
        1 => names[0].clone(),
        _ => Value::Tuple(Rc::new(names)),
    }
}
