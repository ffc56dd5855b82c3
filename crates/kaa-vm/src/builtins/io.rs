//! Text input and output: `print` (to any object with `write`), `input`, and `open` for text
//! files (binary files are in `binary_io.rs`).
//!
//! A file object is an instance of `_io.TextIOWrapper` keeping its state in its dict under `int`
//! keys (see `Slot`): a file opened for reading is decoded whole when opened and read from
//! memory; a file opened for writing appends each write to the file at once. (CPython buffers,
//! but flushes when the file object dies, which `open(p, 'w').write(s)` relies on; Kaa's
//! objects have no finalizers, so writing through is the closer behaviour.)

use super::{arity, hidden, native_type, Kwargs};
use crate::exceptions::{ExcKind, ExceptionObject, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::ssize_arg;
use crate::objects::dict::DictObject;
use crate::objects::function::NativeFn;
use crate::objects::types::{InstanceObject, PropertyObject, TypeObject};
use crate::value::Value;
use std::io::{BufRead, Write};
use std::rc::Rc;

// ---- print ----

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
pub fn builtin_print(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let mut sep: Option<Rc<crate::objects::str::StrObject>> = None;
    let mut end: Option<Rc<crate::objects::str::StrObject>> = None;
    let mut file = Value::None;
    let mut flush = false;
    for (k, v) in kwargs {
        let text = |what: &str| match v {
            Value::None => Ok(None),
            Value::Str(s) => Ok(Some(s.clone())),
            other => {
                Err(PyErr::type_error(format!("{what} must be None or a string, not {}", other.type_name())))
            }
        };
        match k.as_str() {
            "sep" => sep = text("sep")?,
            "end" => end = text("end")?,
            "file" => file = v.clone(),
            "flush" => flush = vm.truthy(v)?,
            other => {
                return Err(PyErr::type_error(format!(
                    "'{other}' is an invalid keyword argument for print()"
                )))
            }
        }
    }
    let sep = sep.as_ref().map_or(" ", |s| s.as_str());
    let end = end.as_ref().map_or("\n", |s| s.as_str());
    if matches!(file, Value::None) {
        let mut out = String::new();
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            match a {
                Value::Str(s) => out.push_str(s.as_str()),
                _ => out.push_str(&vm.str(a)?),
            }
        }
        out.push_str(end);
        let _ = vm.stdout.write_all(out.as_bytes());
        if flush {
            let _ = vm.stdout.flush();
        }
        return Ok(Value::None);
    }
    // Any object with a `write` method: one call per piece, as CPython makes them.
    let write = vm.get_attr(&file, "write")?;
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            vm.call_value(&write, vec![Value::str(sep)], Vec::new())?;
        }
        let text = match a {
            Value::Str(_) => a.clone(),
            _ => Value::str(&vm.str(a)?),
        };
        vm.call_value(&write, vec![text], Vec::new())?;
    }
    vm.call_value(&write, vec![Value::str(end)], Vec::new())?;
    if flush {
        let f = vm.get_attr(&file, "flush")?;
        vm.call_value(&f, Vec::new(), Vec::new())?;
    }
    Ok(Value::None)
}

// ---- input ----

/// `input(prompt='')`: the prompt to stdout, then one line from stdin without its newline.
pub fn builtin_input(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    super::no_kwargs("input", kwargs)?;
    arity("input", args, 0, 1)?;
    if let Some(p) = args.first() {
        let text = vm.str(p)?;
        let _ = vm.stdout.write_all(text.as_bytes());
    }
    let _ = vm.stdout.flush();
    let mut line = Vec::new();
    let n = std::io::stdin().lock().read_until(b'\n', &mut line).map_err(|e| os_error(vm, &e, None))?;
    if n == 0 {
        return Err(PyErr::new(ExcKind::EOFError, "EOF when reading a line"));
    }
    if line.last() == Some(&b'\n') {
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
    }
    Ok(Value::str(&String::from_utf8_lossy(&line)))
}

// ---- OSError and friends ----

/// An OS error as CPython raises it: the subclass for its errno, message
/// `[Errno N] strerror: 'filename'`, and the `errno`, `strerror`, `filename` attributes.
#[cold]
pub fn os_error(vm: &Vm, e: &std::io::Error, filename: Option<&str>) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(0);
    let (class_name, strerror) = match errno {
        1 => ("PermissionError", "Operation not permitted"),
        2 => ("FileNotFoundError", "No such file or directory"),
        5 => ("OSError", "Input/output error"),
        9 => ("OSError", "Bad file descriptor"),
        13 => ("PermissionError", "Permission denied"),
        17 => ("FileExistsError", "File exists"),
        20 => ("NotADirectoryError", "Not a directory"),
        21 => ("IsADirectoryError", "Is a directory"),
        22 => ("OSError", "Invalid argument"),
        24 => ("OSError", "Too many open files"),
        28 => ("OSError", "No space left on device"),
        30 => ("OSError", "Read-only file system"),
        36 => ("OSError", "File name too long"),
        40 => ("OSError", "Too many levels of symbolic links"),
        _ => ("OSError", ""),
    };
    let strerror = if strerror.is_empty() { e.to_string() } else { strerror.to_string() };
    let class = match vm.builtins.get_str(class_name) {
        Some(Value::Type(t)) => t,
        _ => vm.exception_type(ExcKind::OSError),
    };
    let exc = ExceptionObject::new(class, vec![Value::Int(errno as i64), Value::str(&strerror)]);
    exc.set_member("errno", Value::Int(errno as i64));
    exc.set_member("strerror", Value::str(&strerror));
    exc.set_member("filename", filename.map_or(Value::None, Value::str));
    PyErr::Raised(Rc::new(exc))
}

/// The OSError subclasses `open` raises that the VM's exception table lacks, and
/// `io.UnsupportedOperation`, made as subclasses of the VM's OSError.
pub fn install_exceptions(ns: &DictObject) {
    let Some(Value::Type(os_error)) = ns.get_str("OSError") else { return };
    for name in ["FileExistsError", "IsADirectoryError", "NotADirectoryError"] {
        if ns.get_str(name).is_none() {
            let mut t = TypeObject::builtin(name, Some(os_error.clone()), None);
            t.exception = os_error.exception;
            ns.set_str(name, Value::Type(Rc::new(t)));
        }
    }
    let Some(Value::Type(value_error)) = ns.get_str("ValueError") else { return };
    if let Ok(mut t) =
        TypeObject::new_class("UnsupportedOperation", "UnsupportedOperation", vec![os_error, value_error])
    {
        t.is_heap_type = false;
        *t.module.borrow_mut() = Some(Value::str("io"));
        ns.set_str(&hidden("UnsupportedOperation"), Value::Type(Rc::new(t)));
    }
}

#[cold]
fn unsupported(vm: &Vm, msg: &str) -> PyErr {
    match vm.builtins.get_str(&hidden("UnsupportedOperation")) {
        Some(Value::Type(t)) => PyErr::Raised(Rc::new(ExceptionObject::new(t, vec![Value::str(msg)]))),
        _ => PyErr::new(ExcKind::OSError, msg),
    }
}

#[cold]
fn closed_file() -> PyErr {
    PyErr::value_error("I/O operation on closed file.")
}

// ---- open ----

/// The state a file object keeps in its dict.
#[derive(Clone, Copy)]
enum Slot {
    /// "r", "w", "a" or "x".
    Kind = 0,
    /// Reading: the decoded text. Writing: the text not yet written out.
    Text = 1,
    /// Reading: byte offset of the next character in `Text`. Writing: bytes written so far.
    Pos = 2,
    Closed = 3,
    Path = 4,
    /// The `newline` argument (None or a str).
    Newline = 5,
    /// The encoding's normalized name: "utf-8", "latin-1" or "ascii".
    Codec = 6,
}

fn get(me: &InstanceObject, s: Slot) -> Value {
    me.dict.get(&Value::Int(s as i64)).ok().flatten().unwrap_or(Value::None)
}

fn put(me: &InstanceObject, s: Slot, v: Value) {
    let _ = me.dict.set(Value::Int(s as i64), v);
}

/// Builds `_io.TextIOWrapper` (kept hidden in builtins; `open` makes its instances).
pub fn install(ns: &DictObject, object: &Rc<TypeObject>) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__enter__", file_enter),
        ("__exit__", file_exit),
        ("__iter__", file_enter),
        ("__next__", file_next),
        ("__repr__", file_repr),
        ("close", file_close),
        ("flush", file_flush),
        ("read", file_read),
        ("readable", |vm, a, _| Ok(Value::Bool(kind_of(vm, a, "readable")? == "r"))),
        ("readline", file_readline),
        ("readlines", file_readlines),
        ("seek", file_seek),
        ("seekable", |vm, a, _| open_file(vm, a, "seekable").map(|_| Value::Bool(true))),
        ("tell", file_tell),
        ("writable", |vm, a, _| Ok(Value::Bool(kind_of(vm, a, "writable")? != "r"))),
        ("write", file_write),
        ("writelines", file_writelines),
    ];
    let t = native_type(object, "TextIOWrapper", None, methods);
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
    ns.set_str(&hidden("TextIOWrapper"), Value::Type(t));
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
/// opener=None)` for text files.
pub fn builtin_open(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [file, mode, _buffering, encoding, errors, newline, _closefd, _opener] = super::clinic(
        "open",
        args,
        kwargs,
        ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"],
        8,
        1,
    )?;
    let file = file.unwrap_or(Value::None);
    let path = match &file {
        Value::Str(s) => s.to_string(),
        Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        Value::Int(_) | Value::Bool(_) => {
            return Err(PyErr::new(ExcKind::NotImplementedError, "Kaa cannot open file descriptors yet"))
        }
        other => {
            return Err(PyErr::type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                other.type_name()
            )))
        }
    };
    let mode_text = match &mode {
        None => "r".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "open() argument 'mode' must be str, not {}",
                other.type_name()
            )))
        }
    };
    let (kind, binary, plus) = parse_mode(&mode_text)?;
    if binary {
        let given = |v: &Option<Value>| !matches!(v, None | Some(Value::None));
        for (arg, what) in [(&encoding, "an encoding"), (&errors, "an errors"), (&newline, "a newline")] {
            if given(arg) {
                return Err(PyErr::value_error(format!("binary mode doesn't take {what} argument")));
            }
        }
        return super::binary_io::open_binary(vm, &file, &path, kind, plus);
    }
    if plus {
        return Err(PyErr::new(
            ExcKind::NotImplementedError,
            "Kaa cannot open text files for update ('+') yet",
        ));
    }
    let encoding = match &encoding {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => Some(s.to_string()),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "open() argument 'encoding' must be str or None, not {}",
                other.type_name()
            )))
        }
    };
    let codec = match encoding.as_deref().map(|e| e.to_ascii_lowercase().replace('_', "-")) {
        None => "utf-8",
        Some(e) => match e.as_str() {
            "utf-8" | "utf8" | "u8" | "utf" => "utf-8",
            "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" | "latin" => "latin-1",
            "ascii" | "us-ascii" | "646" => "ascii",
            _ => {
                return Err(PyErr::new(
                    ExcKind::LookupError,
                    format!("unknown encoding: {}", encoding.unwrap_or_default()),
                ))
            }
        },
    };
    let newline = match &newline {
        None | Some(Value::None) => Value::None,
        Some(Value::Str(s)) if matches!(s.as_str(), "" | "\n" | "\r" | "\r\n") => Value::Str(s.clone()),
        Some(Value::Str(s)) => return Err(PyErr::value_error(format!("illegal newline value: {s}"))),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "open() argument 'newline' must be str or None, not {}",
                other.type_name()
            )))
        }
    };
    let (text, pos) = match kind {
        'r' => {
            let bytes = std::fs::read(&path).map_err(|e| os_error(vm, &e, Some(&path)))?;
            let mut text = decode(&bytes, codec)?;
            if matches!(newline, Value::None) && text.contains('\r') {
                text = text.replace("\r\n", "\n").replace('\r', "\n");
            }
            (Value::str(&text), 0)
        }
        _ => {
            let mut options = std::fs::OpenOptions::new();
            match kind {
                'w' => options.write(true).create(true).truncate(true),
                'a' => options.append(true).create(true),
                _ => options.write(true).create_new(true),
            };
            options.open(&path).map_err(|e| os_error(vm, &e, Some(&path)))?;
            let pos =
                if kind == 'a' { std::fs::metadata(&path).map(|m| m.len() as i64).unwrap_or(0) } else { 0 };
            (Value::str(""), pos)
        }
    };
    let Some(Value::Type(class)) = vm.builtins.get_str(&hidden("TextIOWrapper")) else {
        return Err(PyErr::new(ExcKind::SystemError, "builtins lost the TextIOWrapper type"));
    };
    let dict = DictObject::new();
    dict.set_str("name", file.clone());
    dict.set_str("mode", Value::str(&mode_text));
    dict.set_str("encoding", Value::str(encoding.as_deref().unwrap_or("UTF-8")));
    let me = InstanceObject::with_dict(class, dict);
    put(&me, Slot::Kind, Value::str(&kind.to_string()));
    put(&me, Slot::Text, text);
    put(&me, Slot::Pos, Value::Int(pos));
    put(&me, Slot::Closed, Value::Bool(false));
    put(&me, Slot::Path, Value::str(&path));
    put(&me, Slot::Newline, newline);
    put(&me, Slot::Codec, Value::str(codec));
    Ok(Value::Instance(Rc::new(me)))
}

/// Checks a mode string as CPython's `open` does; returns 'r', 'w', 'a' or 'x', and whether it
/// is binary and has '+'.
fn parse_mode(mode: &str) -> PyResult<(char, bool, bool)> {
    let invalid = || PyErr::value_error(format!("invalid mode: {}", crate::objects::str::repr(mode)));
    let (mut kinds, mut text, mut binary, mut plus) = (Vec::new(), false, false, false);
    for (i, c) in mode.char_indices() {
        if !"xrwab+t".contains(c) || mode[i + c.len_utf8()..].contains(c) {
            return Err(invalid());
        }
        match c {
            't' => text = true,
            'b' => binary = true,
            '+' => plus = true,
            k => kinds.push(k),
        }
    }
    if text && binary {
        return Err(PyErr::value_error("can't have text and binary mode at once"));
    }
    if kinds.len() > 1 {
        return Err(PyErr::value_error("must have exactly one of create/read/write/append mode"));
    }
    let Some(&kind) = kinds.first() else {
        return Err(PyErr::value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    };
    Ok((kind, binary, plus))
}

fn decode(bytes: &[u8], codec: &str) -> PyResult<String> {
    match codec {
        "latin-1" => Ok(bytes.iter().map(|&b| b as char).collect()),
        "ascii" => match bytes.iter().position(|&b| b >= 0x80) {
            None => Ok(bytes.iter().map(|&b| b as char).collect()),
            Some(i) => Err(PyErr::new(
                ExcKind::UnicodeError,
                format!(
                    "'ascii' codec can't decode byte {:#04x} in position {i}: ordinal not in range(128)",
                    bytes[i]
                ),
            )),
        },
        _ => String::from_utf8(bytes.to_vec()).map_err(|e| {
            let i = e.utf8_error().valid_up_to();
            let why = if e.utf8_error().error_len().is_none() {
                "unexpected end of data"
            } else {
                "invalid start byte"
            };
            PyErr::new(
                ExcKind::UnicodeError,
                format!("'utf-8' codec can't decode byte {:#04x} in position {i}: {why}", bytes[i]),
            )
        }),
    }
}

fn encode(text: &str, codec: &str) -> PyResult<Vec<u8>> {
    let limit = match codec {
        "latin-1" => 0xFF,
        "ascii" => 0x7F,
        _ => return Ok(text.as_bytes().to_vec()),
    };
    let mut out = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        if c as u32 > limit {
            let range = if limit == 0xFF { 256 } else { 128 };
            return Err(PyErr::new(
                ExcKind::UnicodeError,
                format!(
                    "'{codec}' codec can't encode character '\\x{:02x}' in position {i}: ordinal not in range({range})",
                    c as u32
                ),
            ));
        }
        out.push(c as u8);
    }
    Ok(out)
}

/// The file object in `args[0]`, checked to be open.
fn open_file<'a>(_vm: &Vm, args: &'a [Value], name: &str) -> PyResult<&'a InstanceObject> {
    let Some(Value::Instance(me)) = args.first() else {
        return Err(crate::objects::args::descriptor_error("_io.TextIOWrapper", name, args));
    };
    if !matches!(get(me, Slot::Kind), Value::Str(_)) {
        return Err(crate::objects::args::descriptor_error("_io.TextIOWrapper", name, args));
    }
    if matches!(get(me, Slot::Closed), Value::Bool(true)) {
        return Err(closed_file());
    }
    Ok(me)
}

fn kind_of(vm: &Vm, args: &[Value], name: &str) -> PyResult<String> {
    let me = open_file(vm, args, name)?;
    Ok(match get(me, Slot::Kind) {
        Value::Str(s) => s.to_string(),
        _ => String::new(),
    })
}

/// The file in `args[0]`, open for reading: its text and position.
fn reader<'a>(
    vm: &Vm,
    args: &'a [Value],
    name: &str,
) -> PyResult<(&'a InstanceObject, Rc<crate::objects::str::StrObject>, usize)> {
    let me = open_file(vm, args, name)?;
    if !matches!(get(me, Slot::Kind), Value::Str(s) if s.as_str() == "r") {
        return Err(unsupported(vm, "not readable"));
    }
    let Value::Str(text) = get(me, Slot::Text) else { return Err(closed_file()) };
    let pos = match get(me, Slot::Pos) {
        Value::Int(p) => (p.max(0) as usize).min(text.len()),
        _ => 0,
    };
    Ok((me, text, pos))
}

/// A `size` argument: None or negative means "all".
fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Instance(_))) => {
            let n = ssize_arg(vm, v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
        Some(other) => {
            Err(PyErr::type_error(format!("argument should be integer or None, not '{}'", other.type_name())))
        }
    }
}

/// The byte offset `n` characters after `pos` (or the end).
fn advance(text: &str, pos: usize, n: Option<usize>) -> usize {
    match n {
        None => text.len(),
        Some(n) => text[pos..].char_indices().nth(n).map_or(text.len(), |(i, _)| pos + i),
    }
}

fn file_read(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    super::no_kwargs("read", kwargs)?;
    arity("read", &args[1.min(args.len())..], 0, 1)?;
    let size = size_arg(vm, args.get(1))?;
    let (me, text, pos) = reader(vm, args, "read")?;
    let end = advance(&text, pos, size);
    put(me, Slot::Pos, Value::Int(end as i64));
    Ok(Value::str(&text[pos..end]))
}

/// Where the line starting at `pos` ends (after its terminator), for the file's newline mode.
fn line_end(text: &str, pos: usize, newline: &Value) -> usize {
    let rest = &text[pos..];
    let found = match newline {
        Value::Str(s) if s.is_empty() => {
            rest.find(['\n', '\r']).map(|i| if rest[i..].starts_with("\r\n") { i + 2 } else { i + 1 })
        }
        Value::Str(s) if s.as_str() != "\n" => rest.find(s.as_str()).map(|i| i + s.len()),
        _ => rest.find('\n').map(|i| i + 1),
    };
    pos + found.unwrap_or(rest.len())
}

fn read_line(me: &InstanceObject, text: &str, pos: usize, limit: Option<usize>) -> String {
    let newline = get(me, Slot::Newline);
    let mut end = line_end(text, pos, &newline);
    if limit.is_some() {
        end = end.min(advance(text, pos, limit));
    }
    put(me, Slot::Pos, Value::Int(end as i64));
    text[pos..end].to_string()
}

fn file_readline(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    super::no_kwargs("readline", kwargs)?;
    arity("readline", &args[1.min(args.len())..], 0, 1)?;
    let size = size_arg(vm, args.get(1))?;
    let (me, text, pos) = reader(vm, args, "readline")?;
    Ok(Value::str(&read_line(me, &text, pos, size)))
}

fn file_readlines(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    super::no_kwargs("readlines", kwargs)?;
    arity("readlines", &args[1.min(args.len())..], 0, 1)?;
    let hint = size_arg(vm, args.get(1))?.filter(|&h| h > 0);
    let (me, text, mut pos) = reader(vm, args, "readlines")?;
    let mut lines = Vec::new();
    let mut total = 0;
    while pos < text.len() {
        let line = read_line(me, &text, pos, None);
        pos += line.len();
        total += line.chars().count();
        lines.push(Value::str(&line));
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(Value::List(Rc::new(std::cell::RefCell::new(lines))))
}

fn file_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (me, text, pos) = reader(vm, args, "__next__")?;
    if pos >= text.len() {
        return Err(PyErr::new(ExcKind::StopIteration, ""));
    }
    Ok(Value::str(&read_line(me, &text, pos, None)))
}

/// The file in `args[0]`, open for writing.
fn writer<'a>(vm: &Vm, args: &'a [Value], name: &str) -> PyResult<&'a InstanceObject> {
    let me = open_file(vm, args, name)?;
    if matches!(get(me, Slot::Kind), Value::Str(s) if s.as_str() == "r") {
        return Err(unsupported(vm, "not writable"));
    }
    Ok(me)
}

/// Appends the pending text to the file.
fn flush_pending(vm: &Vm, me: &InstanceObject) -> PyResult<()> {
    // A reading file's `Text` is its content, not pending output.
    if matches!(get(me, Slot::Kind), Value::Str(k) if k.as_str() == "r") {
        return Ok(());
    }
    let Value::Str(pending) = get(me, Slot::Text) else { return Ok(()) };
    if pending.is_empty() {
        return Ok(());
    }
    let Value::Str(path) = get(me, Slot::Path) else { return Ok(()) };
    let codec = match get(me, Slot::Codec) {
        Value::Str(c) => c.to_string(),
        _ => "utf-8".into(),
    };
    let bytes = encode(&pending, &codec)?;
    put(me, Slot::Text, Value::str(""));
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(path.as_str())
        .map_err(|e| os_error(vm, &e, Some(&path)))?;
    f.write_all(&bytes).map_err(|e| os_error(vm, &e, Some(&path)))?;
    Ok(())
}

fn write_text(vm: &Vm, me: &InstanceObject, s: &str) -> PyResult<()> {
    let translated;
    let s = match get(me, Slot::Newline) {
        Value::Str(nl) if matches!(nl.as_str(), "\r" | "\r\n") && s.contains('\n') => {
            translated = s.replace('\n', nl.as_str());
            translated.as_str()
        }
        _ => s,
    };
    let mut pending = match get(me, Slot::Text) {
        Value::Str(p) => p.to_string(),
        _ => String::new(),
    };
    pending.push_str(s);
    if let Value::Int(p) = get(me, Slot::Pos) {
        let written = if matches!(get(me, Slot::Codec), Value::Str(c) if c.as_str() != "utf-8") {
            s.chars().count()
        } else {
            s.len()
        };
        put(me, Slot::Pos, Value::Int(p + written as i64));
    }
    put(me, Slot::Text, Value::str(&pending));
    flush_pending(vm, me)
}

fn file_write(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    super::no_kwargs("write", kwargs)?;
    arity("write", &args[1.min(args.len())..], 1, 1)?;
    let me = writer(vm, args, "write")?;
    let Value::Str(s) = &args[1] else {
        return Err(PyErr::type_error(format!("write() argument must be str, not {}", args[1].type_name())));
    };
    write_text(vm, me, s)?;
    Ok(Value::Int(s.char_len() as i64))
}

fn file_writelines(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    super::no_kwargs("writelines", kwargs)?;
    arity("writelines", &args[1.min(args.len())..], 1, 1)?;
    writer(vm, args, "writelines")?;
    let it = vm.get_iter(&args[1])?;
    while let Some(line) = vm.next_of(&it)? {
        let me = writer(vm, args, "writelines")?;
        let Value::Str(s) = &line else {
            return Err(PyErr::type_error(format!("write() argument must be str, not {}", line.type_name())));
        };
        write_text(vm, me, s)?;
    }
    Ok(Value::None)
}

fn file_flush(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = open_file(vm, args, "flush")?;
    flush_pending(vm, me)?;
    Ok(Value::None)
}

fn file_close(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    if let Some(Value::Instance(me)) = args.first() {
        if matches!(get(me, Slot::Closed), Value::Bool(false)) {
            let r = flush_pending(vm, me);
            put(me, Slot::Closed, Value::Bool(true));
            // A reading file's text is no longer needed.
            put(me, Slot::Text, Value::None);
            r?;
        }
    }
    Ok(Value::None)
}

fn file_enter(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    open_file(vm, args, "__enter__")?;
    Ok(args[0].clone())
}

fn file_exit(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    file_close(vm, &args[..1.min(args.len())], &[])?;
    Ok(Value::None)
}

fn file_tell(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = open_file(vm, args, "tell")?;
    Ok(get(me, Slot::Pos))
}

fn file_seek(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    super::no_kwargs("seek", kwargs)?;
    arity("seek", &args[1.min(args.len())..], 1, 2)?;
    let me = open_file(vm, args, "seek")?;
    let offset = ssize_arg(vm, &args[1])?;
    let whence = match args.get(2) {
        Some(w) => ssize_arg(vm, w)?,
        None => 0,
    };
    let is_reader = matches!(get(me, Slot::Kind), Value::Str(s) if s.as_str() == "r");
    if !is_reader {
        flush_pending(vm, me)?;
        return Ok(get(me, Slot::Pos));
    }
    let len = match get(me, Slot::Text) {
        Value::Str(t) => t.len() as i64,
        _ => 0,
    };
    let pos = match whence {
        0 if offset < 0 => return Err(PyErr::value_error(format!("negative seek position {offset}"))),
        0 => offset.min(len),
        1 if offset != 0 => return Err(unsupported(vm, "can't do nonzero cur-relative seeks")),
        1 => return Ok(get(me, Slot::Pos)),
        2 if offset != 0 => return Err(unsupported(vm, "can't do nonzero end-relative seeks")),
        2 => len,
        w => return Err(PyErr::value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
    };
    put(me, Slot::Pos, Value::Int(pos));
    Ok(Value::Int(pos))
}

fn file_repr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let Some(Value::Instance(me)) = args.first() else { return Ok(Value::str("<_io.TextIOWrapper>")) };
    let mut out = String::from("<_io.TextIOWrapper");
    for key in ["name", "mode", "encoding"] {
        if let Some(v) = me.dict.get_str(key) {
            out.push_str(&format!(" {key}={}", vm.repr(&v)?));
        }
    }
    out.push('>');
    Ok(Value::str(&out))
}
