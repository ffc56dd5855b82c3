//! UnicodeEncodeError, UnicodeDecodeError and UnicodeTranslateError: their constructor arguments
//! (`encoding`, `object`, `start`, `end`, `reason`) kept as members, and the message CPython
//! builds from them. Codec error handlers (`_codecs`) read and replace these members.

use crate::exceptions::{ExcKind, ExceptionObject, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::types::TypeObject;
use crate::value::Value;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq)]
enum UnicodeErrorKind {
    Encode,
    Decode,
    Translate,
}

fn kind_of(vm: &Vm, class: &Rc<TypeObject>) -> Option<UnicodeErrorKind> {
    if !class.is_subclass(&vm.exception_type(ExcKind::UnicodeError)) {
        return None;
    }
    if class.is_subclass(&vm.exception_type(ExcKind::UnicodeEncodeError)) {
        Some(UnicodeErrorKind::Encode)
    } else if class.is_subclass(&vm.exception_type(ExcKind::UnicodeDecodeError)) {
        Some(UnicodeErrorKind::Decode)
    } else if class.is_subclass(&vm.exception_type(ExcKind::UnicodeTranslateError)) {
        Some(UnicodeErrorKind::Translate)
    } else {
        None
    }
}

#[cold]
fn wrong_type(position: usize, expected: &str, got: &Value) -> PyErr {
    PyErr::type_error(format!("argument {position} must be {expected}, not {}", got.type_name()))
}

fn want_str(args: &[Value], i: usize) -> PyResult<Value> {
    match &args[i] {
        v @ Value::Str(_) => Ok(v.clone()),
        other => Err(wrong_type(i + 1, "str", other)),
    }
}

fn want_int(args: &[Value], i: usize) -> PyResult<Value> {
    match &args[i] {
        v @ (Value::Int(_) | Value::Bool(_)) => Ok(v.clone()),
        other => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
    }
}

/// Checks a new Unicode error's arguments and stores them as members.
pub fn init_members(vm: &mut Vm, exc: &ExceptionObject) -> PyResult<()> {
    let Some(kind) = kind_of(vm, &exc.class) else { return Ok(()) };
    let args = exc.args.borrow().clone();
    let expected = if kind == UnicodeErrorKind::Translate { 4 } else { 5 };
    if args.len() != expected {
        // A subclass with its own __init__ may take other arguments.
        if exc.class.is_heap_type {
            return Ok(());
        }
        return Err(PyErr::type_error(format!(
            "function takes exactly {expected} arguments ({} given)",
            args.len()
        )));
    }
    let (encoding, rest) = match kind {
        UnicodeErrorKind::Translate => (None, &args[..]),
        _ => (Some(want_str(&args, 0)?), &args[1..]),
    };
    let offset = args.len() - rest.len();
    let object = match kind {
        UnicodeErrorKind::Decode => match crate::objects::bytes::buffer(&rest[0]) {
            Some(data) => crate::objects::bytes::new_bytes(data.to_vec()),
            None => {
                return Err(PyErr::type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    rest[0].type_name()
                )))
            }
        },
        _ => want_str(&args, offset)?,
    };
    let start = want_int(&args, offset + 1)?;
    let end = want_int(&args, offset + 2)?;
    let reason = want_str(&args, offset + 3)?;
    if let Some(encoding) = encoding {
        exc.set_member("encoding", encoding);
    }
    exc.set_member("object", object);
    exc.set_member("start", start);
    exc.set_member("end", end);
    exc.set_member("reason", reason);
    Ok(())
}

/// The message of a Unicode error made from its five (four) arguments; None for one made with
/// a plain message.
pub fn message(vm: &mut Vm, e: &Rc<ExceptionObject>) -> PyResult<Option<String>> {
    let Some(kind) = kind_of(vm, &e.class) else { return Ok(None) };
    let (Some(object), Some(start), Some(end), Some(reason)) =
        (e.member("object"), e.member("start"), e.member("end"), e.member("reason"))
    else {
        return Ok(None);
    };
    let (Value::Int(start), Value::Int(end)) = (start, end) else { return Ok(None) };
    let reason = vm.str(&reason)?;
    let encoding = match e.member("encoding") {
        Some(enc) => vm.str(&enc)?,
        None => String::new(),
    };
    let single = end == start + 1 && start >= 0;
    Ok(Some(match kind {
        UnicodeErrorKind::Decode => {
            let data = crate::objects::bytes::buffer(&object).map(|b| b.to_vec()).unwrap_or_default();
            match data.get(start as usize) {
                Some(byte) if single => {
                    format!("'{encoding}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}")
                }
                _ => {
                    format!("'{encoding}' codec can't decode bytes in position {start}-{}: {reason}", end - 1)
                }
            }
        }
        _ => {
            let text = match &object {
                Value::Str(s) => s.to_string(),
                _ => String::new(),
            };
            let verb = if kind == UnicodeErrorKind::Encode {
                format!("'{encoding}' codec can't encode")
            } else {
                "can't translate".to_string()
            };
            match text.chars().nth(start.max(0) as usize) {
                Some(c) if single => {
                    let cp = c as u32;
                    let shown = if cp <= 0xFF {
                        format!("\\x{cp:02x}")
                    } else if cp <= 0xFFFF {
                        format!("\\u{cp:04x}")
                    } else {
                        format!("\\U{cp:08x}")
                    };
                    format!("{verb} character '{shown}' in position {start}: {reason}")
                }
                _ => format!("{verb} characters in position {start}-{}: {reason}", end - 1),
            }
        }
    }))
}
