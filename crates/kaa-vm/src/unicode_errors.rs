//! The attributes and messages of `UnicodeEncodeError`, `UnicodeDecodeError` and
//! `UnicodeTranslateError` made from Python (`UnicodeDecodeError('utf-8', b'\xff', 0, 1,
//! 'invalid start byte')`): `encoding`, `object`, `start`, `end`, `reason`, and CPython's `str()`.

use crate::exceptions::{ExcKind, ExceptionObject, PyErr, PyResult};
use crate::interp::Vm;
use crate::value::Value;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Encode,
    Decode,
    Translate,
}

fn kind_of(vm: &Vm, e: &ExceptionObject) -> Option<Kind> {
    let is = |k: ExcKind| e.class.is_subclass(&vm.exception_type(k));
    if is(ExcKind::UnicodeEncodeError) {
        Some(Kind::Encode)
    } else if is(ExcKind::UnicodeDecodeError) {
        Some(Kind::Decode)
    } else if is(ExcKind::UnicodeTranslateError) {
        Some(Kind::Translate)
    } else {
        None
    }
}

/// Checks the constructor arguments and records them as attributes (the `__init__` of the
/// three kinds). (Errors raised by Kaa's own codecs carry only their message.)
pub fn init(vm: &mut Vm, e: &ExceptionObject) -> PyResult<()> {
    let Some(kind) = kind_of(vm, e) else { return Ok(()) };
    let args = e.args.borrow().clone();
    let want = if kind == Kind::Translate { 4 } else { 5 };
    if args.len() != want {
        return Err(PyErr::type_error(format!(
            "function takes exactly {want} arguments ({} given)",
            args.len()
        )));
    }
    let (encoding, rest) =
        if kind == Kind::Translate { (None, &args[..]) } else { (Some(&args[0]), &args[1..]) };
    if let Some(enc) = encoding {
        if !matches!(enc, Value::Str(_)) {
            return Err(PyErr::type_error(format!("argument 1 must be str, not {}", enc.type_name())));
        }
    }
    let n = if kind == Kind::Translate { 1 } else { 2 };
    let object_ok = match kind {
        Kind::Decode => matches!(rest[0], Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_)),
        _ => matches!(rest[0], Value::Str(_)),
    };
    if !object_ok {
        return Err(PyErr::type_error(match kind {
            Kind::Decode => format!("a bytes-like object is required, not '{}'", rest[0].type_name()),
            _ => format!("argument {n} must be str, not {}", rest[0].type_name()),
        }));
    }
    if let Some(v) = rest[1..3].iter().find(|v| !matches!(v, Value::Int(_) | Value::Bool(_))) {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        )));
    }
    if !matches!(rest[3], Value::Str(_)) {
        return Err(PyErr::type_error(format!(
            "argument {} must be str, not {}",
            n + 3,
            rest[3].type_name()
        )));
    }
    if let Some(enc) = encoding {
        e.set_member("encoding", enc.clone());
    }
    let object = match &rest[0] {
        Value::Bytes(_) => rest[0].clone(),
        other if kind == Kind::Decode => match crate::objects::bytes::buffer(other) {
            Some(data) => crate::objects::bytes::new_bytes(data.to_vec()),
            None => other.clone(),
        },
        other => other.clone(),
    };
    e.set_member("object", object);
    e.set_member("start", rest[1].clone());
    e.set_member("end", rest[2].clone());
    e.set_member("reason", rest[3].clone());
    Ok(())
}

/// CPython's `str()` of the three kinds, from the current attribute values.
pub fn message(vm: &mut Vm, e: &Rc<ExceptionObject>) -> Option<PyResult<String>> {
    let kind = kind_of(vm, e)?;
    let object = e.member("object")?;
    let int = |v: Option<Value>| match v {
        Some(Value::Int(i)) => i,
        Some(Value::Bool(b)) => b as i64,
        _ => 0,
    };
    let (start, end) = (int(e.member("start")), int(e.member("end")));
    let reason = match e.member("reason") {
        Some(r) => match vm.str(&r) {
            Ok(s) => s,
            Err(err) => return Some(Err(err)),
        },
        None => String::new(),
    };
    let encoding = match e.member("encoding") {
        Some(enc) => match vm.str(&enc) {
            Ok(s) => s,
            Err(err) => return Some(Err(err)),
        },
        None => String::new(),
    };
    Some(Ok(match kind {
        Kind::Decode => {
            let data = crate::objects::bytes::buffer(&object).map(|d| d.to_vec()).unwrap_or_default();
            match data.get(start.max(0) as usize) {
                Some(b) if end == start + 1 => {
                    format!("'{encoding}' codec can't decode byte 0x{b:02x} in position {start}: {reason}")
                }
                _ => {
                    format!("'{encoding}' codec can't decode bytes in position {start}-{}: {reason}", end - 1)
                }
            }
        }
        Kind::Encode | Kind::Translate => {
            let text = match &object {
                Value::Str(s) => s.to_string(),
                _ => String::new(),
            };
            let ch = text.chars().nth(start.max(0) as usize);
            let verb = if kind == Kind::Encode {
                format!("'{encoding}' codec can't encode")
            } else {
                "can't translate".into()
            };
            match ch {
                Some(c) if end == start + 1 => {
                    let n = c as u32;
                    let esc = if n <= 0xff {
                        format!("\\x{n:02x}")
                    } else if n <= 0xffff {
                        format!("\\u{n:04x}")
                    } else {
                        format!("\\U{n:08x}")
                    };
                    format!("{verb} character '{esc}' in position {start}: {reason}")
                }
                _ => format!("{verb} characters in position {start}-{}: {reason}", end - 1),
            }
        }
    }))
}
