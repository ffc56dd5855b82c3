//! `StringIO`: a text stream over a string. Positions (`tell`, `seek`) count characters; the
//! text is kept as UTF-8 with the position as a byte offset.

use super::newline::{self, Mode};
use super::{make_class, method_args, size_arg};
use crate::builtins::{clinic, native_self, new_native_instance, Kwargs};
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::function::NativeFn;
use crate::objects::types::{NativeData, TypeObject};
use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

struct StringIo {
    text: RefCell<String>,
    /// Byte offset of the position (may lie past the end after a seek).
    pos: Cell<usize>,
    /// Characters past the end the position lies (a seek beyond the end).
    beyond: Cell<usize>,
    mode: Cell<Mode>,
    seen: Cell<u8>,
    closed: Cell<bool>,
}

impl NativeData for StringIo {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn me<'a>(args: &'a [Value], method: &str) -> PyResult<&'a StringIo> {
    let s = native_self::<StringIo>(args, "_io.StringIO", method)?;
    if s.closed.get() {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    Ok(s)
}

fn new(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let Some(Value::Type(cls)) = args.first() else {
        return Err(PyErr::type_error("StringIO.__new__(X): X is not a type object"));
    };
    let state = StringIo {
        text: RefCell::new(String::new()),
        pos: Cell::new(0),
        beyond: Cell::new(0),
        mode: Cell::new(Mode::Lf),
        seen: Cell::new(0),
        closed: Cell::new(false),
    };
    Ok(new_native_instance(vm, cls, Box::new(state)))
}

fn init(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let state = me(args, "__init__")?;
    let [initial, nl] = clinic("StringIO", &args[1..], kwargs, ["initial_value", "newline"], 2, 0)?;
    let mode = newline::parse(nl.as_ref(), Mode::Lf)?;
    state.mode.set(mode);
    state.seen.set(0);
    state.text.borrow_mut().clear();
    state.pos.set(0);
    state.beyond.set(0);
    match initial {
        None | Some(Value::None) => {}
        Some(Value::Str(s)) => {
            write_text(state, s.as_str());
            state.pos.set(0);
        }
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "initial_value must be str or None, not {}",
                other.type_name()
            )))
        }
    }
    Ok(Value::None)
}

/// Writes at the position (overwriting), translating newlines as the mode says.
fn write_text(state: &StringIo, s: &str) {
    let mode = state.mode.get();
    let translated: std::borrow::Cow<str> = match mode {
        Mode::Translate => {
            let mut seen = state.seen.get();
            newline::note_seen(s, &mut seen);
            state.seen.set(seen);
            if s.contains('\r') {
                std::borrow::Cow::Owned(newline::translate_in(s, 0, &mut Vec::new()))
            } else {
                std::borrow::Cow::Borrowed(s)
            }
        }
        Mode::Universal => {
            let mut seen = state.seen.get();
            newline::note_seen(s, &mut seen);
            state.seen.set(seen);
            std::borrow::Cow::Borrowed(s)
        }
        _ => newline::translate_out(s, mode),
    };
    let mut text = state.text.borrow_mut();
    if state.beyond.get() > 0 {
        let pad = state.beyond.replace(0);
        text.extend(std::iter::repeat_n('\0', pad));
        state.pos.set(text.len());
    }
    let pos = state.pos.get();
    if pos >= text.len() {
        text.push_str(&translated);
    } else {
        let n = translated.chars().count();
        let end = text[pos..].char_indices().nth(n).map_or(text.len(), |(i, _)| pos + i);
        text.replace_range(pos..end, &translated);
    }
    state.pos.set(pos + translated.len());
}

fn write(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("write", args, kwargs, 1, 1)?;
    let state = me(args, "write")?;
    let Value::Str(s) = &rest[0] else {
        return Err(PyErr::type_error(format!("string argument expected, got '{}'", rest[0].type_name())));
    };
    write_text(state, s.as_str());
    Ok(Value::Int(s.char_len() as i64))
}

/// The text from the position to `end` (a byte offset), moving the position there.
fn take(state: &StringIo, end: usize) -> Value {
    let text = state.text.borrow();
    let pos = state.pos.get().min(text.len());
    let end = end.max(pos).min(text.len());
    state.pos.set(end);
    Value::str(&text[pos..end])
}

fn read(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("read", args, kwargs, 0, 1)?;
    let n = size_arg(vm, rest.first())?;
    let state = me(args, "read")?;
    if state.beyond.get() > 0 {
        return Ok(Value::str(""));
    }
    let end = {
        let text = state.text.borrow();
        let pos = state.pos.get().min(text.len());
        match n {
            None => text.len(),
            Some(n) => text[pos..].char_indices().nth(n).map_or(text.len(), |(i, _)| pos + i),
        }
    };
    Ok(take(state, end))
}

fn readline_end(state: &StringIo, limit: Option<usize>) -> usize {
    let text = state.text.borrow();
    let pos = state.pos.get().min(text.len());
    let mode = match state.mode.get() {
        Mode::Translate => Mode::Lf,
        m => m,
    };
    let mut end = newline::line_end(&text, pos, mode, true).unwrap_or(text.len());
    if let Some(l) = limit {
        end = end.min(text[pos..].char_indices().nth(l).map_or(text.len(), |(i, _)| pos + i));
    }
    end
}

fn readline(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("readline", args, kwargs, 0, 1)?;
    let limit = size_arg(vm, rest.first())?;
    let state = me(args, "readline")?;
    if state.beyond.get() > 0 {
        return Ok(Value::str(""));
    }
    let end = readline_end(state, limit);
    Ok(take(state, end))
}

fn next(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let state = me(args, "__next__")?;
    if state.beyond.get() > 0 || state.pos.get() >= state.text.borrow().len() {
        return Err(PyErr::new(ExcKind::StopIteration, ""));
    }
    let end = readline_end(state, None);
    Ok(take(state, end))
}

fn tell(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let state = me(args, "tell")?;
    let text = state.text.borrow();
    let pos = state.pos.get().min(text.len());
    Ok(Value::Int((text[..pos].chars().count() + state.beyond.get()) as i64))
}

fn seek(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("seek", args, kwargs, 1, 2)?;
    let state = me(args, "seek")?;
    let pos = crate::objects::args::ssize_arg(vm, &rest[0])?;
    let whence = match rest.get(1) {
        Some(w) => crate::objects::args::cint_arg(vm, w)?,
        None => 0,
    };
    let text = state.text.borrow();
    match whence {
        0 if pos < 0 => Err(PyErr::value_error(format!("Negative seek position {pos}"))),
        0 => {
            let n = pos as usize;
            match text.char_indices().nth(n) {
                Some((i, _)) => {
                    state.pos.set(i);
                    state.beyond.set(0);
                }
                None => {
                    let total = text.chars().count();
                    state.pos.set(text.len());
                    state.beyond.set(n - total);
                }
            }
            Ok(Value::Int(pos))
        }
        1 | 2 if pos != 0 => Err(PyErr::new(
            ExcKind::OSError,
            if whence == 1 {
                "Can't do nonzero cur-relative seeks"
            } else {
                "Can't do nonzero end-relative seeks"
            },
        )),
        1 => {
            let p = text[..state.pos.get().min(text.len())].chars().count() + state.beyond.get();
            Ok(Value::Int(p as i64))
        }
        2 => {
            state.pos.set(text.len());
            state.beyond.set(0);
            Ok(Value::Int(text.chars().count() as i64))
        }
        w => Err(PyErr::value_error(format!("Invalid whence ({w}, should be 0, 1 or 2)"))),
    }
}

fn truncate(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("truncate", args, kwargs, 0, 1)?;
    let state = me(args, "truncate")?;
    let chars = match rest.first() {
        None | Some(Value::None) => {
            let text = state.text.borrow();
            text[..state.pos.get().min(text.len())].chars().count() + state.beyond.get()
        }
        Some(v) => {
            let n = crate::objects::args::ssize_arg(vm, v)?;
            if n < 0 {
                return Err(PyErr::value_error(format!("Negative size value {n}")));
            }
            n as usize
        }
    };
    let mut text = state.text.borrow_mut();
    if let Some((i, _)) = text.char_indices().nth(chars) {
        text.truncate(i);
    }
    Ok(Value::Int(chars as i64))
}

fn closed_flag(args: &[Value]) -> PyResult<bool> {
    Ok(native_self::<StringIo>(args, "_io.StringIO", "closed")?.closed.get())
}

fn repr(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let addr = match args.first() {
        Some(Value::Instance(i)) => Rc::as_ptr(i) as usize,
        _ => 0,
    };
    Ok(Value::str(&format!("<_io.StringIO object at {addr:#x}>")))
}

pub fn make_type(text_base: &Rc<TypeObject>) -> Rc<TypeObject> {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", init),
        ("write", write),
        ("read", read),
        ("readline", readline),
        ("__next__", next),
        ("tell", tell),
        ("seek", seek),
        ("truncate", truncate),
        ("getvalue", |_, a, _| Ok(Value::str(&me(a, "getvalue")?.text.borrow()))),
        ("close", |_, a, _| {
            let s = native_self::<StringIo>(a, "_io.StringIO", "close")?;
            s.closed.set(true);
            s.text.borrow_mut().clear();
            Ok(Value::None)
        }),
        ("readable", |_, a, _| me(a, "readable").map(|_| Value::Bool(true))),
        ("writable", |_, a, _| me(a, "writable").map(|_| Value::Bool(true))),
        ("seekable", |_, a, _| me(a, "seekable").map(|_| Value::Bool(true))),
        ("__repr__", repr),
    ];
    let properties: &[(&'static str, NativeFn, Option<NativeFn>)] = &[
        ("closed", |_, a, _| Ok(Value::Bool(closed_flag(a)?)), None),
        ("line_buffering", |_, a, _| me(a, "line_buffering").map(|_| Value::Bool(false)), None),
        (
            "newlines",
            |_, a, _| {
                let s = me(a, "newlines")?;
                Ok(if s.mode.get().tracks_seen() { newline::seen_value(s.seen.get()) } else { Value::None })
            },
            None,
        ),
    ];
    make_class(text_base, "StringIO", Some(new), methods, properties)
}
