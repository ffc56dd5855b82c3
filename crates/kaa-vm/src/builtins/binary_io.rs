//! Binary files: `open(path, 'rb' | 'wb' | 'ab' | 'xb' | 'r+b' | ...)` returning
//! `_io.BufferedReader`, `BufferedWriter` or `BufferedRandom` objects.
//!
//! Like the text files of `io.rs`, a file object is an instance keeping its state in its dict
//! under `int` keys. It mirrors the whole file in a bytearray (read when opened) and writes
//! every `write` through to the file at once, so reads after writes, `seek` and `tell` are plain
//! operations on the mirror and nothing is lost when the object is dropped unclosed.

use super::io::os_error;
use super::{arity, hidden, native_type, Kwargs};
use crate::exceptions::{ExcKind, ExceptionObject, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::bytearray::ByteArrayObject;
use crate::objects::dict::DictObject;
use crate::objects::function::NativeFn;
use crate::objects::types::{InstanceObject, PropertyObject, TypeObject};
use crate::value::Value;
use std::io::{Seek, SeekFrom, Write};
use std::rc::Rc;

#[derive(Clone, Copy)]
enum Slot {
    /// 'r', 'w', 'a' or 'x'.
    Kind = 0,
    /// Opened with '+'.
    Plus = 1,
    /// The file's bytes (a bytearray).
    Data = 2,
    Pos = 3,
    Closed = 4,
    Path = 5,
}

fn get(me: &InstanceObject, s: Slot) -> Value {
    me.dict.get(&Value::Int(s as i64)).ok().flatten().unwrap_or(Value::None)
}

fn put(me: &InstanceObject, s: Slot, v: Value) {
    let _ = me.dict.set(Value::Int(s as i64), v);
}

const TYPE_NAMES: [&str; 3] = ["BufferedReader", "BufferedWriter", "BufferedRandom"];

/// Builds the three buffered file types (kept hidden in builtins; `open` makes their instances).
pub fn install(ns: &DictObject, object: &Rc<TypeObject>) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__enter__", file_enter),
        ("__exit__", file_close),
        ("__iter__", file_enter),
        ("__next__", file_next),
        ("__repr__", file_repr),
        ("close", file_close),
        ("flush", file_flush),
        ("read", file_read),
        ("readable", |vm, a, _| state(vm, a, "readable").map(|s| Value::Bool(s.readable))),
        ("readline", file_readline),
        ("readlines", file_readlines),
        ("seek", file_seek),
        ("seekable", |vm, a, _| state(vm, a, "seekable").map(|_| Value::Bool(true))),
        ("tell", |vm, a, _| state(vm, a, "tell").map(|s| Value::Int(s.pos as i64))),
        ("writable", |vm, a, _| state(vm, a, "writable").map(|s| Value::Bool(s.writable))),
        ("write", file_write),
        ("writelines", file_writelines),
    ];
    for name in TYPE_NAMES {
        let t = native_type(object, name, None, methods);
        *t.module.borrow_mut() = Some(Value::str("_io"));
        let closed: NativeFn = |_, a, _| match a.first() {
            Some(Value::Instance(me)) => Ok(Value::Bool(matches!(get(me, Slot::Closed), Value::Bool(true)))),
            _ => Ok(Value::Bool(false)),
        };
        let fget = Value::Builtin(Rc::new(crate::objects::function::BuiltinFunction {
            name: "closed",
            func: closed,
            bound_self: None,
            is_method: false,
        }));
        t.dict.set_str(
            "closed",
            Value::Property(Rc::new(PropertyObject { fget, fset: Value::None, fdel: Value::None })),
        );
        ns.set_str(&hidden(name), Value::Type(t));
    }
}

/// Opens `path` in binary mode; `kind` and `plus` come from the checked mode string.
pub fn open_binary(vm: &mut Vm, file: &Value, path: &str, kind: char, plus: bool) -> PyResult<Value> {
    let err = |vm: &Vm, e: std::io::Error| os_error(vm, &e, Some(path));
    let mut options = std::fs::OpenOptions::new();
    options.read(kind == 'r' || plus);
    match kind {
        'r' => options.write(plus),
        'w' => options.write(true).create(true).truncate(true),
        'a' => options.append(true).create(true),
        _ => options.write(true).create_new(true),
    };
    options.open(path).map_err(|e| err(vm, e))?;
    let data = match kind {
        'r' | 'a' => std::fs::read(path).map_err(|e| err(vm, e))?,
        _ => Vec::new(),
    };
    let pos = if kind == 'a' { data.len() } else { 0 };
    let type_name = match (kind, plus) {
        (_, true) => TYPE_NAMES[2],
        ('r', false) => TYPE_NAMES[0],
        _ => TYPE_NAMES[1],
    };
    let Some(Value::Type(class)) = vm.builtins.get_str(&hidden(type_name)) else {
        return Err(PyErr::new(ExcKind::SystemError, "builtins lost the buffered file types"));
    };
    let raw_mode = match (kind, plus) {
        ('r', false) => "rb",
        ('r' | 'w', true) => "rb+",
        ('w', false) => "wb",
        ('a', false) => "ab",
        ('a', true) => "ab+",
        (_, false) => "xb",
        (_, true) => "xb+",
    };
    let dict = DictObject::new();
    dict.set_str("name", file.clone());
    dict.set_str("mode", Value::str(raw_mode));
    let me = InstanceObject::with_dict(class, dict);
    put(&me, Slot::Kind, Value::str(&kind.to_string()));
    put(&me, Slot::Plus, Value::Bool(plus));
    put(&me, Slot::Data, Value::ByteArray(Rc::new(ByteArrayObject::new(data))));
    put(&me, Slot::Pos, Value::Int(pos as i64));
    put(&me, Slot::Closed, Value::Bool(false));
    put(&me, Slot::Path, Value::str(path));
    Ok(Value::Instance(Rc::new(me)))
}

/// What a method needs to know about its open file.
struct State<'a> {
    me: &'a InstanceObject,
    data: Rc<ByteArrayObject>,
    pos: usize,
    readable: bool,
    writable: bool,
    append: bool,
}

fn is_closed(me: &InstanceObject) -> bool {
    matches!(get(me, Slot::Closed), Value::Bool(true))
}

#[cold]
fn unsupported(vm: &Vm, msg: &str) -> PyErr {
    match vm.builtins.get_str(&hidden("UnsupportedOperation")) {
        Some(Value::Type(t)) => PyErr::Raised(Rc::new(ExceptionObject::new(t, vec![Value::str(msg)]))),
        _ => PyErr::new(ExcKind::OSError, msg),
    }
}

/// The open file in `args[0]`; a closed one raises `closed_msg`.
fn state_or<'a>(args: &'a [Value], name: &str, closed_msg: &str) -> PyResult<State<'a>> {
    let Some(Value::Instance(me)) = args.first() else {
        return Err(crate::objects::args::descriptor_error("_io._BufferedIOBase", name, args));
    };
    let Value::ByteArray(data) = get(me, Slot::Data) else {
        return Err(crate::objects::args::descriptor_error("_io._BufferedIOBase", name, args));
    };
    let kind = match get(me, Slot::Kind) {
        Value::Str(s) => s.chars().next().unwrap_or('r'),
        _ => 'r',
    };
    let plus = matches!(get(me, Slot::Plus), Value::Bool(true));
    // A BufferedWriter is not readable even once closed: that is checked first.
    if is_closed(me)
        && !(kind != 'r'
            && !plus
            && matches!(name, "read" | "readline" | "readlines" | "__next__" | "readable"))
    {
        return Err(PyErr::value_error(closed_msg));
    }
    let pos = match get(me, Slot::Pos) {
        Value::Int(p) => p.max(0) as usize,
        _ => 0,
    };
    Ok(State {
        me,
        data,
        pos,
        readable: kind == 'r' || plus,
        writable: kind != 'r' || plus,
        append: kind == 'a',
    })
}

fn state<'a>(_vm: &Vm, args: &'a [Value], name: &str) -> PyResult<State<'a>> {
    state_or(args, name, "I/O operation on closed file")
}

fn readable_state<'a>(vm: &Vm, args: &'a [Value], name: &str, closed_msg: &str) -> PyResult<State<'a>> {
    let s = state_or(args, name, closed_msg)?;
    if !s.readable {
        return Err(unsupported(vm, "read"));
    }
    if is_closed(s.me) {
        return Err(PyErr::value_error(closed_msg));
    }
    Ok(s)
}

/// A `size` argument: None or negative means "all".
fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Instance(_))) => {
            let n = crate::objects::args::ssize_arg(vm, v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
        Some(other) => {
            Err(PyErr::type_error(format!("argument should be integer or None, not '{}'", other.type_name())))
        }
    }
}

fn file_read(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    super::no_kwargs("read", kwargs)?;
    arity("read", &args[1.min(args.len())..], 0, 1)?;
    let size = size_arg(vm, args.get(1))?;
    let s = readable_state(vm, args, "read", "read of closed file")?;
    let data = s.data.data.borrow();
    let start = s.pos.min(data.len());
    let end = size.map_or(data.len(), |n| start.saturating_add(n).min(data.len()));
    let out = data[start..end].to_vec();
    put(s.me, Slot::Pos, Value::Int(end.max(s.pos) as i64));
    Ok(crate::objects::bytes::new_bytes(out))
}

/// The next line from the position (at most `limit` bytes), advancing past it.
fn next_line(s: &State, limit: Option<usize>) -> Vec<u8> {
    let data = s.data.data.borrow();
    let start = s.pos.min(data.len());
    let mut end = data[start..].iter().position(|&b| b == b'\n').map_or(data.len(), |i| start + i + 1);
    if let Some(n) = limit {
        end = end.min(start.saturating_add(n));
    }
    put(s.me, Slot::Pos, Value::Int(end.max(s.pos) as i64));
    data[start..end].to_vec()
}

fn file_readline(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    super::no_kwargs("readline", kwargs)?;
    arity("readline", &args[1.min(args.len())..], 0, 1)?;
    let size = size_arg(vm, args.get(1))?;
    let s = readable_state(vm, args, "readline", "readline of closed file")?;
    Ok(crate::objects::bytes::new_bytes(next_line(&s, size)))
}

fn file_readlines(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    super::no_kwargs("readlines", kwargs)?;
    arity("readlines", &args[1.min(args.len())..], 0, 1)?;
    let hint = size_arg(vm, args.get(1))?.filter(|&h| h > 0);
    let mut s = readable_state(vm, args, "readlines", "I/O operation on closed file.")?;
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let line = next_line(&s, None);
        if line.is_empty() {
            break;
        }
        total += line.len();
        s.pos += line.len();
        lines.push(crate::objects::bytes::new_bytes(line));
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(Value::List(Rc::new(std::cell::RefCell::new(lines))))
}

fn file_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = readable_state(vm, args, "__next__", "I/O operation on closed file.")?;
    let line = next_line(&s, None);
    if line.is_empty() {
        return Err(PyErr::new(ExcKind::StopIteration, ""));
    }
    Ok(crate::objects::bytes::new_bytes(line))
}

fn file_enter(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    state_or(args, "__enter__", "I/O operation on closed file.")?;
    Ok(args[0].clone())
}

/// Writes `bytes` at the file's position, in the file and in the mirror.
fn write_at(vm: &Vm, s: &State, bytes: &[u8]) -> PyResult<usize> {
    let path = match get(s.me, Slot::Path) {
        Value::Str(p) => p.to_string(),
        _ => String::new(),
    };
    let len = s.data.data.borrow().len();
    let at = if s.append { len } else { s.pos };
    let io = |e: std::io::Error| os_error(vm, &e, None);
    let mut f = std::fs::OpenOptions::new().write(true).open(&path).map_err(io)?;
    f.seek(SeekFrom::Start(at as u64)).map_err(io)?;
    f.write_all(bytes).map_err(io)?;
    let mut data = s.data.data.borrow_mut();
    if at > data.len() {
        data.resize(at, 0);
    }
    let overlap = (data.len() - at).min(bytes.len());
    data[at..at + overlap].copy_from_slice(&bytes[..overlap]);
    data.extend_from_slice(&bytes[overlap..]);
    put(s.me, Slot::Pos, Value::Int((at + bytes.len()) as i64));
    Ok(bytes.len())
}

fn writable_state<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<State<'a>> {
    let s = state_or(args, "write", "write to closed file")?;
    if !s.writable {
        return Err(unsupported(vm, "write"));
    }
    Ok(s)
}

fn file_write(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    super::no_kwargs("write", kwargs)?;
    arity("write", &args[1.min(args.len())..], 1, 1)?;
    let s = writable_state(vm, args)?;
    let bytes = crate::objects::bytes::buffer_arg(&args[1])?;
    Ok(Value::Int(write_at(vm, &s, &bytes)? as i64))
}

fn file_writelines(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    super::no_kwargs("writelines", kwargs)?;
    arity("writelines", &args[1.min(args.len())..], 1, 1)?;
    writable_state(vm, args)?;
    let lines = vm.collect_iterable(&args[1])?;
    for line in &lines {
        let bytes = crate::objects::bytes::buffer_arg(line)?;
        let s = writable_state(vm, args)?;
        write_at(vm, &s, &bytes)?;
    }
    Ok(Value::None)
}

fn file_seek(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    super::no_kwargs("seek", kwargs)?;
    arity("seek", &args[1.min(args.len())..], 1, 2)?;
    let offset = crate::objects::args::ssize_arg(vm, &args[1])?;
    let whence = match args.get(2) {
        Some(w) => crate::objects::args::cint_arg(vm, w)?,
        None => 0,
    };
    let s = state_or(args, "seek", "seek of closed file")?;
    let base = match whence {
        0 => 0,
        1 => s.pos as i64,
        2 => s.data.data.borrow().len() as i64,
        other => return Err(PyErr::value_error(format!("whence value {other} unsupported"))),
    };
    let target = base.saturating_add(offset);
    if target < 0 {
        return Err(os_error(vm, &std::io::Error::from_raw_os_error(22), None));
    }
    put(s.me, Slot::Pos, Value::Int(target));
    Ok(Value::Int(target))
}

fn file_flush(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    state_or(args, "flush", "flush of closed file")?;
    Ok(Value::None)
}

fn file_close(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    if let Some(Value::Instance(me)) = args.first() {
        put(me, Slot::Closed, Value::Bool(true));
    }
    Ok(Value::None)
}

fn file_repr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let Some(Value::Instance(me)) = args.first() else { return Ok(Value::str("<_io file>")) };
    let name = me.dict.get_str("name").unwrap_or(Value::None);
    let name = vm.repr(&name)?;
    Ok(Value::str(&format!("<_io.{} name={name}>", me.class.name)))
}
