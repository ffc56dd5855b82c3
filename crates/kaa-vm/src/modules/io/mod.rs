//! `_io`: the I/O stack CPython's `io` module is built on, in Rust. Raw files (`FileIO`,
//! `fileio.rs`) do system calls; buffered objects (`buffered.rs`) batch them; text wrappers
//! (`textio.rs`) encode, decode and translate newlines; `BytesIO` and `StringIO` keep their data
//! in memory. The abstract bases (`_IOBase` and its three children, `base.rs`) give Python
//! subclasses the generic methods (`readline` from `read`, iteration, context management).
//!
//! The types are built once with the builtins (`install`, kept under hidden names) because
//! `open`, `print` and `sys.stdout` need them before anything imports `_io`. `sys.stdout` and
//! `sys.stderr` are real `TextIOWrapper`s marked as the console: their writes go straight to
//! the VM's stdout buffer (or stderr), so `print` keeps its fast path while `sys.stdout.write`,
//! `sys.stdout.buffer.write` and `print` stay in order.

mod base;
mod buffered;
mod bytesio;
mod fileio;
mod newline;
mod open;
mod stringio;
mod textio;

pub use open::builtin_open;
pub use textio::{complete_prefix, console_of, console_stream};

use crate::builtins::{hidden, Kwargs};
use crate::exceptions::{ExcKind, ExceptionObject, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::function::{BuiltinFunction, NativeFn};
use crate::objects::types::{PropertyObject, TypeObject};
use crate::value::Value;
use std::rc::Rc;

pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// The names of the `_io` types, as kept in builtins (`hidden("_io.NAME")`).
const TYPE_NAMES: &[&str] = &[
    "_IOBase",
    "_RawIOBase",
    "_BufferedIOBase",
    "_TextIOBase",
    "FileIO",
    "BytesIO",
    "StringIO",
    "BufferedReader",
    "BufferedWriter",
    "BufferedRandom",
    "BufferedRWPair",
    "TextIOWrapper",
    "IncrementalNewlineDecoder",
];

/// Builds the `_io` types into builtins (hidden) and `UnsupportedOperation`.
pub fn install(ns: &DictObject, object: &Rc<TypeObject>) {
    install_exceptions(ns);
    let iobase = base::make_iobase(object);
    let raw = base::make_raw_base(&iobase);
    let buffered_base = base::make_buffered_base(&iobase);
    let text_base = base::make_text_base(&iobase);
    let types = [
        ("FileIO", fileio::make_type(&raw)),
        ("BytesIO", bytesio::make_type(&buffered_base)),
        ("StringIO", stringio::make_type(&text_base)),
        ("BufferedReader", buffered::make_type(&buffered_base, "BufferedReader")),
        ("BufferedWriter", buffered::make_type(&buffered_base, "BufferedWriter")),
        ("BufferedRandom", buffered::make_type(&buffered_base, "BufferedRandom")),
        ("BufferedRWPair", buffered::make_pair_type(&buffered_base)),
        ("TextIOWrapper", textio::make_type(&text_base)),
        ("IncrementalNewlineDecoder", textio::make_newline_decoder_type(object)),
        ("_IOBase", iobase),
        ("_RawIOBase", raw),
        ("_BufferedIOBase", buffered_base),
        ("_TextIOBase", text_base),
    ];
    for (name, t) in types {
        *t.module.borrow_mut() = Some(Value::str("_io"));
        ns.set_str(&hidden(&format!("_io.{name}")), Value::Type(t));
    }
}

/// The OSError subclasses the VM's table lacks, and `io.UnsupportedOperation`.
fn install_exceptions(ns: &DictObject) {
    let Some(Value::Type(os_error)) = ns.get_str("OSError") else { return };
    let Some(Value::Type(value_error)) = ns.get_str("ValueError") else { return };
    if let Ok(t) =
        TypeObject::new_class("UnsupportedOperation", "UnsupportedOperation", vec![os_error, value_error])
    {
        // A heap type, so io.py's `UnsupportedOperation.__module__ = "io"` is allowed.
        *t.module.borrow_mut() = Some(Value::str("io"));
        ns.set_str(&hidden("UnsupportedOperation"), Value::Type(Rc::new(t)));
    }
}

/// One of the `_io` types.
pub fn io_type(vm: &Vm, name: &str) -> PyResult<Rc<TypeObject>> {
    match vm.builtins.get_str(&hidden(&format!("_io.{name}"))) {
        Some(Value::Type(t)) => Ok(t),
        _ => Err(PyErr::new(ExcKind::SystemError, format!("builtins lost _io.{name}"))),
    }
}

/// The `_io` module.
pub fn init(vm: &mut Vm, dict: &DictObject) {
    for name in TYPE_NAMES {
        if let Ok(t) = io_type(vm, name) {
            dict.set_str(name, Value::Type(t));
        }
    }
    if let Some(u) = vm.builtins.get_str(&hidden("UnsupportedOperation")) {
        dict.set_str("UnsupportedOperation", u);
    }
    dict.set_str("BlockingIOError", Value::Type(vm.exception_type(ExcKind::BlockingIOError)));
    dict.set_str("DEFAULT_BUFFER_SIZE", Value::Int(DEFAULT_BUFFER_SIZE as i64));
    let functions: &[(&str, NativeFn)] =
        &[("open", builtin_open), ("open_code", open::open_code), ("text_encoding", text_encoding)];
    super::add_functions(dict, functions);
}

/// `text_encoding(encoding, stacklevel=2)`: the encoding `open` uses when given None.
fn text_encoding(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [encoding, _stacklevel] =
        crate::builtins::clinic("text_encoding", args, kwargs, ["encoding", "stacklevel"], 2, 1)?;
    let _ = vm;
    match encoding {
        None | Some(Value::None) => Ok(Value::str(if utf8_mode() { "utf-8" } else { "locale" })),
        Some(v) => Ok(v),
    }
}

fn utf8_mode() -> bool {
    false
}

// ---- helpers shared by the classes ----

/// `obj.name(*args)`.
pub fn call_method(vm: &mut Vm, obj: &Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
    let m = vm.get_attr(obj, name)?;
    vm.call_value(&m, args, Vec::new())
}

/// `io.UnsupportedOperation(msg)`.
#[cold]
pub fn unsupported(vm: &Vm, msg: &str) -> PyErr {
    match vm.builtins.get_str(&hidden("UnsupportedOperation")) {
        Some(Value::Type(t)) => PyErr::Raised(Rc::new(ExceptionObject::new(t, vec![Value::str(msg)]))),
        _ => PyErr::new(ExcKind::OSError, msg),
    }
}

#[cold]
pub fn closed_error(msg: &str) -> PyErr {
    PyErr::value_error(msg)
}

/// A `size` argument: None or negative means "all".
pub fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(if *i < 0 { None } else { Some(*i as usize) }),
        Some(v @ (Value::Bool(_) | Value::BigInt(_) | Value::Instance(_))) => {
            let n = crate::objects::args::ssize_arg(vm, v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
        Some(other) => {
            Err(PyErr::type_error(format!("argument should be integer or None, not '{}'", other.type_name())))
        }
    }
}

/// A property whose getter is `fget` (and setter `fset`, if any).
pub fn property(name: &'static str, fget: NativeFn, fset: Option<NativeFn>) -> Value {
    let f =
        |func| Value::Builtin(Rc::new(BuiltinFunction { name, func, bound_self: None, is_method: false }));
    Value::Property(Rc::new(PropertyObject {
        fget: f(fget),
        fset: fset.map_or(Value::None, f),
        fdel: Value::None,
        doc: Default::default(),
    }))
}

/// Builds a type with `methods` and `properties` over `base`.
pub fn make_class(
    base: &Rc<TypeObject>,
    name: &str,
    new: Option<NativeFn>,
    methods: &[(&'static str, NativeFn)],
    properties: &[(&'static str, NativeFn, Option<NativeFn>)],
) -> Rc<TypeObject> {
    let t = crate::builtins::native_type(base, name, new, methods);
    for &(pname, fget, fset) in properties {
        t.dict.set_str(pname, property(pname, fget, fset));
    }
    t
}

/// The positional arguments after `self`, checked against a count range (METH_VARARGS style).
pub fn method_args<'a>(
    name: &str,
    args: &'a [Value],
    kwargs: &Kwargs,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    crate::builtins::no_kwargs(name, kwargs)?;
    let rest = &args[1.min(args.len())..];
    crate::builtins::arity(name, rest, min, max)?;
    Ok(rest)
}

/// The bytes of `b` for `write`, or the TypeError CPython gives.
pub fn bytes_arg(v: &Value) -> PyResult<crate::objects::bytes::Buf> {
    crate::objects::bytes::buffer_arg(v)
}

/// Copies `data` into the writable buffer `target` (bytearray or memoryview) at its start.
pub fn fill_buffer(vm: &mut Vm, target: &Value, data: &[u8]) -> PyResult<()> {
    if let Value::ByteArray(a) = target {
        let mut d = a.data.borrow_mut();
        let n = data.len().min(d.len());
        d[..n].copy_from_slice(&data[..n]);
        return Ok(());
    }
    let slice = Value::Slice(Rc::new((Value::Int(0), Value::Int(data.len() as i64), Value::None)));
    vm.store_subscript(target, slice, crate::objects::bytes::new_bytes(data.to_vec()))
}

/// The length of a writable buffer argument.
pub fn buffer_len(vm: &mut Vm, target: &Value) -> PyResult<usize> {
    match target {
        Value::ByteArray(a) => Ok(a.data.borrow().len()),
        Value::MemoryView(_) => Ok(vm.len_of(target)?),
        other => Err(PyErr::type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            other.type_name()
        ))),
    }
}

/// Is `class` one of `_io`'s own classes (not a Python subclass)?
pub fn is_io_module(class: &TypeObject) -> bool {
    matches!(&*class.module.borrow(), Some(Value::Str(m)) if m.as_str() == "_io")
}
