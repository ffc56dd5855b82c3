//! The string a pattern runs over, in the form the engine reads: an ASCII `str` or a bytes-like
//! object is read in place as bytes (one byte = one character); any other `str` is decoded
//! once into code points. Slices come back as the caller's type (`str` or `bytes`).

use super::engine::{Failure, Matcher, State};
use crate::exceptions::{PyErr, PyResult};
use crate::objects::bytes::Buf;
use crate::objects::str::StrObject;
use crate::value::Value;
use std::rc::Rc;

/// The last non-ASCII `str` a pattern decoded, by identity.
pub type DecodeCache = std::cell::RefCell<Option<(std::rc::Weak<StrObject>, Rc<[u32]>)>>;

pub enum Subject {
    /// A `str` whose characters are all ASCII.
    Ascii(Rc<StrObject>),
    /// Any other `str`, as code points.
    Wide(Rc<[u32]>),
    /// bytes, bytearray (a snapshot), memoryview.
    Bytes(Buf),
}

/// What kind of string a value is for `_sre`: Some(false) for str, Some(true) for bytes-like.
pub fn kind_of(v: &Value) -> Option<bool> {
    match v {
        Value::Str(_) => Some(false),
        Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_) => Some(true),
        _ => None,
    }
}

impl Subject {
    /// The subject for `v`, or CPython's TypeError for what is neither str nor bytes-like.
    /// A non-ASCII `str` is decoded once per pattern: `cache` keeps the last one, so loops that
    /// call `match(s, pos)` over one long string (tokenizers, json) stay linear.
    pub fn from_value(v: &Value, cache: &DecodeCache) -> PyResult<Subject> {
        match v {
            Value::Str(s) if s.is_ascii() => Ok(Subject::Ascii(s.clone())),
            Value::Str(s) => {
                let mut slot = cache.borrow_mut();
                if let Some((text, chars)) = &*slot {
                    if text.upgrade().is_some_and(|t| Rc::ptr_eq(&t, s)) {
                        return Ok(Subject::Wide(chars.clone()));
                    }
                }
                let chars: Rc<[u32]> = s.as_str().chars().map(|c| c as u32).collect();
                *slot = Some((Rc::downgrade(s), chars.clone()));
                Ok(Subject::Wide(chars))
            }
            _ => match crate::objects::bytes::buffer(v) {
                Some(b) => Ok(Subject::Bytes(b)),
                None => Err(not_a_string(v)),
            },
        }
    }

    pub fn is_bytes(&self) -> bool {
        matches!(self, Subject::Bytes(_))
    }

    pub fn len(&self) -> usize {
        match self {
            Subject::Ascii(s) => s.as_str().len(),
            Subject::Wide(w) => w.len(),
            Subject::Bytes(b) => b.len(),
        }
    }

    /// Characters `i..j` as a new `str` or `bytes` (the original object itself when it is a
    /// `bytes` taken whole, as CPython returns it).
    pub fn slice(&self, original: &Value, i: usize, j: usize) -> Value {
        let j = j.min(self.len());
        let i = i.min(j);
        match self {
            Subject::Ascii(s) => {
                if i == 0 && j == s.as_str().len() {
                    return Value::Str(s.clone());
                }
                Value::str(&s.as_str()[i..j])
            }
            Subject::Wide(w) => {
                let text: String = w[i..j].iter().filter_map(|&c| char::from_u32(c)).collect();
                Value::Str(Rc::new(StrObject::from_string(text)))
            }
            Subject::Bytes(b) => {
                if let Value::Bytes(_) = original {
                    if i == 0 && j == b.len() {
                        return original.clone();
                    }
                }
                crate::objects::bytes::new_bytes(b[i..j].to_vec())
            }
        }
    }

    /// The empty string of the subject's type (the joiner of `sub`).
    pub fn empty(&self) -> Value {
        match self {
            Subject::Bytes(_) => crate::objects::bytes::new_bytes(Vec::new()),
            _ => Value::str(""),
        }
    }

    /// Runs `search` (or `match`) of `code` over this subject with `state`.
    pub fn run(&self, code: &[u32], state: &mut State, search: bool) -> Result<bool, Failure> {
        fn go<T: ?Sized + super::engine::Text>(
            text: &T,
            code: &[u32],
            st: &mut State,
            search: bool,
        ) -> Result<bool, Failure> {
            let mut m = Matcher { text, code, st };
            if search {
                m.search()
            } else {
                m.match_here()
            }
        }
        match self {
            Subject::Ascii(s) => go(s.as_str().as_bytes(), code, state, search),
            Subject::Wide(w) => go(&w[..], code, state, search),
            Subject::Bytes(b) => go(&b[..], code, state, search),
        }
    }
}

#[cold]
pub fn not_a_string(v: &Value) -> PyErr {
    PyErr::type_error(format!("expected string or bytes-like object, got '{}'", v.type_name()))
}
