//! The abstract bases `_IOBase`, `_RawIOBase`, `_BufferedIOBase`, `_TextIOBase`. Their methods
//! work through the object's own (possibly Python) methods, so a Python subclass defining
//! `read` or `readinto` gets `readline`, iteration, `readlines`, `with` and the rest.

use super::{call_method, make_class, method_args, size_arg, unsupported, DEFAULT_BUFFER_SIZE};
use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::bytes::new_bytes;
use crate::objects::function::NativeFn;
use crate::objects::types::TypeObject;
use crate::value::Value;
use std::rc::Rc;

/// Where a Python-level `_IOBase` keeps its closed flag (as CPython names the attribute).
const CLOSED_ATTR: &str = "__IOBase_closed";

fn this(args: &[Value]) -> PyResult<&Value> {
    args.first().ok_or_else(|| PyErr::type_error("descriptor needs an argument"))
}

/// `self.closed`, through the object's own (possibly overridden) attribute.
pub fn is_closed(vm: &mut Vm, obj: &Value) -> PyResult<bool> {
    let c = vm.get_attr(obj, "closed")?;
    vm.truthy(&c)
}

fn check_closed(vm: &mut Vm, obj: &Value) -> PyResult<()> {
    if is_closed(vm, obj)? {
        return Err(PyErr::value_error("I/O operation on closed file."));
    }
    Ok(())
}

fn base_closed(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    match args.first() {
        Some(Value::Instance(i)) => {
            Ok(Value::Bool(matches!(i.dict.get_str(CLOSED_ATTR), Some(Value::Bool(true)))))
        }
        _ => Ok(Value::Bool(false)),
    }
}

fn base_close(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = this(args)?.clone();
    let Value::Instance(inst) = &me else { return Ok(Value::None) };
    if matches!(inst.dict.get_str(CLOSED_ATTR), Some(Value::Bool(true))) {
        return Ok(Value::None);
    }
    let r = call_method(vm, &me, "flush", Vec::new());
    inst.dict.set_str(CLOSED_ATTR, Value::Bool(true));
    r.map(|_| Value::None)
}

fn base_flush(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_closed(vm, this(args)?)?;
    Ok(Value::None)
}

fn base_enter(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = this(args)?;
    check_closed(vm, me)?;
    Ok(me.clone())
}

fn base_exit(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    call_method(vm, this(args)?, "close", Vec::new())
}

fn base_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let line = call_method(vm, this(args)?, "readline", Vec::new())?;
    if vm.len_of(&line)? == 0 {
        return Err(PyErr::new(ExcKind::StopIteration, ""));
    }
    Ok(line)
}

/// `readline(size=-1)` over `read(1)` (or `peek`, when the object has it).
fn base_readline(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("readline", args, kwargs, 0, 1)?;
    let limit = size_arg(vm, rest.first())?;
    let me = this(args)?.clone();
    let has_peek = vm.get_attr(&me, "peek").is_ok();
    let mut out: Vec<u8> = Vec::new();
    while limit.is_none_or(|l| out.len() < l) {
        let mut n = 1;
        if has_peek {
            let ahead = call_method(vm, &me, "peek", vec![Value::Int(1)])?;
            if let Some(b) = crate::objects::bytes::buffer(&ahead) {
                n = match b.iter().position(|&c| c == b'\n') {
                    Some(i) => i + 1,
                    None => b.len().max(1),
                };
                if let Some(l) = limit {
                    n = n.min(l - out.len());
                }
            }
        }
        let chunk = call_method(vm, &me, "read", vec![Value::Int(n as i64)])?;
        let Some(b) = crate::objects::bytes::buffer(&chunk) else {
            if matches!(chunk, Value::None) {
                break;
            }
            return Err(PyErr::new(
                ExcKind::OSError,
                format!("read() should have returned a bytes object, not '{}'", chunk.type_name()),
            ));
        };
        if b.is_empty() {
            break;
        }
        out.extend_from_slice(&b);
        if out.ends_with(b"\n") {
            break;
        }
    }
    Ok(new_bytes(out))
}

fn base_readlines(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("readlines", args, kwargs, 0, 1)?;
    let hint = size_arg(vm, rest.first())?.filter(|&h| h > 0);
    let me = this(args)?.clone();
    let it = vm.get_iter(&me)?;
    let mut lines = Vec::new();
    let mut total = 0;
    while let Some(line) = vm.next_of(&it)? {
        total += vm.len_of(&line)?;
        lines.push(line);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(vm.new_list(lines))
}

fn base_writelines(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("writelines", args, kwargs, 1, 1)?;
    let me = this(args)?.clone();
    check_closed(vm, &me)?;
    let it = vm.get_iter(&rest[0])?;
    while let Some(line) = vm.next_of(&it)? {
        call_method(vm, &me, "write", vec![line])?;
    }
    Ok(Value::None)
}

fn check_flag(vm: &mut Vm, args: &[Value], method: &str, msg: &str) -> PyResult<Value> {
    let me = this(args)?.clone();
    let ok = call_method(vm, &me, method, Vec::new())?;
    if !vm.truthy(&ok)? {
        let text = match args.get(1) {
            Some(Value::Str(s)) => s.to_string(),
            _ => msg.to_string(),
        };
        return Err(unsupported(vm, &text));
    }
    Ok(Value::None)
}

pub fn make_iobase(object: &Rc<TypeObject>) -> Rc<TypeObject> {
    let methods: &[(&'static str, NativeFn)] = &[
        ("seek", |vm, _, _| Err(unsupported(vm, "seek"))),
        ("tell", |vm, a, _| call_method(vm, this(a)?, "seek", vec![Value::Int(0), Value::Int(1)])),
        ("truncate", |vm, _, _| Err(unsupported(vm, "truncate"))),
        ("flush", base_flush),
        ("close", base_close),
        ("seekable", |_, _, _| Ok(Value::Bool(false))),
        ("readable", |_, _, _| Ok(Value::Bool(false))),
        ("writable", |_, _, _| Ok(Value::Bool(false))),
        ("fileno", |vm, _, _| Err(unsupported(vm, "fileno"))),
        ("isatty", |vm, a, _| {
            check_closed(vm, this(a)?)?;
            Ok(Value::Bool(false))
        }),
        ("_checkClosed", |vm, a, _| {
            check_closed(vm, this(a)?)?;
            Ok(Value::None)
        }),
        ("_checkSeekable", |vm, a, _| check_flag(vm, a, "seekable", "File or stream is not seekable.")),
        ("_checkReadable", |vm, a, _| check_flag(vm, a, "readable", "File or stream is not readable.")),
        ("_checkWritable", |vm, a, _| check_flag(vm, a, "writable", "File or stream is not writable.")),
        ("__enter__", base_enter),
        ("__exit__", base_exit),
        ("__iter__", base_enter),
        ("__next__", base_next),
        ("readline", base_readline),
        ("readlines", base_readlines),
        ("writelines", base_writelines),
    ];
    make_class(object, "_IOBase", None, methods, &[("closed", base_closed, None)])
}

/// `_RawIOBase.read(size=-1)`: `readinto` a buffer of that size, or `readall`.
fn raw_read(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("read", args, kwargs, 0, 1)?;
    let me = this(args)?.clone();
    let Some(n) = size_arg(vm, rest.first())? else {
        return call_method(vm, &me, "readall", Vec::new());
    };
    let buf = crate::objects::bytearray::new_bytearray(vec![0; n]);
    let got = call_method(vm, &me, "readinto", vec![buf.clone()])?;
    if matches!(got, Value::None) {
        return Ok(Value::None);
    }
    let got = crate::objects::args::ssize_arg(vm, &got)?;
    let Value::ByteArray(a) = &buf else { return Ok(Value::None) };
    let data = a.data.borrow();
    if got < 0 || got as usize > data.len() {
        return Err(PyErr::value_error(format!("readinto returned {got} outside buffer size {n}")));
    }
    Ok(new_bytes(data[..got as usize].to_vec()))
}

fn raw_readall(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = this(args)?.clone();
    let mut out = Vec::new();
    loop {
        let chunk = call_method(vm, &me, "read", vec![Value::Int(DEFAULT_BUFFER_SIZE as i64)])?;
        if matches!(chunk, Value::None) {
            if out.is_empty() {
                return Ok(Value::None);
            }
            break;
        }
        let b = crate::objects::bytes::buffer_arg(&chunk)?;
        if b.is_empty() {
            break;
        }
        out.extend_from_slice(&b);
    }
    Ok(new_bytes(out))
}

pub fn make_raw_base(iobase: &Rc<TypeObject>) -> Rc<TypeObject> {
    let methods: &[(&'static str, NativeFn)] = &[
        ("read", raw_read),
        ("readall", raw_readall),
        ("readinto", |_, _, _| Err(PyErr::new(ExcKind::NotImplementedError, ""))),
        ("write", |_, _, _| Err(PyErr::new(ExcKind::NotImplementedError, ""))),
    ];
    make_class(iobase, "_RawIOBase", None, methods, &[])
}

/// `readinto(b)` through `read(len(b))` (or `read1`).
fn buffered_readinto(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, method: &str) -> PyResult<Value> {
    let rest = method_args("readinto", args, kwargs, 1, 1)?;
    let me = this(args)?.clone();
    let n = super::buffer_len(vm, &rest[0])?;
    let data = call_method(vm, &me, method, vec![Value::Int(n as i64)])?;
    let b = crate::objects::bytes::buffer_arg(&data)?;
    if b.len() > n {
        return Err(PyErr::value_error(format!(
            "read() returned too much data: {n} bytes requested, {} returned",
            b.len()
        )));
    }
    super::fill_buffer(vm, &rest[0], &b)?;
    Ok(Value::Int(b.len() as i64))
}

pub fn make_buffered_base(iobase: &Rc<TypeObject>) -> Rc<TypeObject> {
    let methods: &[(&'static str, NativeFn)] = &[
        ("read", |vm, _, _| Err(unsupported(vm, "read"))),
        ("read1", |vm, _, _| Err(unsupported(vm, "read1"))),
        ("write", |vm, _, _| Err(unsupported(vm, "write"))),
        ("detach", |vm, _, _| Err(unsupported(vm, "detach"))),
        ("readinto", |vm, a, k| buffered_readinto(vm, a, k, "read")),
        ("readinto1", |vm, a, k| buffered_readinto(vm, a, k, "read1")),
    ];
    make_class(iobase, "_BufferedIOBase", None, methods, &[])
}

pub fn make_text_base(iobase: &Rc<TypeObject>) -> Rc<TypeObject> {
    let methods: &[(&'static str, NativeFn)] = &[
        ("read", |vm, _, _| Err(unsupported(vm, "read"))),
        ("readline", |vm, _, _| Err(unsupported(vm, "readline"))),
        ("write", |vm, _, _| Err(unsupported(vm, "write"))),
        ("detach", |vm, _, _| Err(unsupported(vm, "detach"))),
    ];
    let none: NativeFn = |_, _, _| Ok(Value::None);
    make_class(
        iobase,
        "_TextIOBase",
        None,
        methods,
        &[("encoding", none, None), ("newlines", none, None), ("errors", none, None)],
    )
}
