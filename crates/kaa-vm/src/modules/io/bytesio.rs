//! `BytesIO`: a binary stream over a growable byte buffer.

use super::{make_class, method_args, size_arg};
use crate::builtins::{clinic, native_self, new_native_instance, Kwargs};
use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::bytes::new_bytes;
use crate::objects::function::NativeFn;
use crate::objects::types::{NativeData, TypeObject};
use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

struct BytesIo {
    data: RefCell<Vec<u8>>,
    pos: Cell<usize>,
    closed: Cell<bool>,
}

impl NativeData for BytesIo {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn me<'a>(args: &'a [Value], method: &str) -> PyResult<&'a BytesIo> {
    let s = native_self::<BytesIo>(args, "_io.BytesIO", method)?;
    if s.closed.get() {
        return Err(PyErr::value_error("I/O operation on closed file."));
    }
    Ok(s)
}

fn new(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let Some(Value::Type(cls)) = args.first() else {
        return Err(PyErr::type_error("BytesIO.__new__(X): X is not a type object"));
    };
    let state = BytesIo { data: RefCell::new(Vec::new()), pos: Cell::new(0), closed: Cell::new(false) };
    Ok(new_native_instance(vm, cls, Box::new(state)))
}

fn init(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let state = me(args, "__init__")?;
    let [initial] = clinic("BytesIO", &args[1..], kwargs, ["initial_bytes"], 1, 0)?;
    let data = match initial {
        None | Some(Value::None) => Vec::new(),
        Some(v) => super::bytes_arg(&v)?.into_vec(),
    };
    let _ = vm;
    *state.data.borrow_mut() = data;
    state.pos.set(0);
    Ok(Value::None)
}

fn read_n(state: &BytesIo, n: Option<usize>) -> Vec<u8> {
    let data = state.data.borrow();
    let pos = state.pos.get().min(data.len());
    let end = n.map_or(data.len(), |n| pos.saturating_add(n).min(data.len()));
    state.pos.set(end.max(state.pos.get()));
    data[pos..end].to_vec()
}

fn read(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("read", args, kwargs, 0, 1)?;
    let n = size_arg(vm, rest.first())?;
    Ok(new_bytes(read_n(me(args, "read")?, n)))
}

fn readline(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("readline", args, kwargs, 0, 1)?;
    let limit = size_arg(vm, rest.first())?;
    let state = me(args, "readline")?;
    let n = {
        let data = state.data.borrow();
        let pos = state.pos.get().min(data.len());
        let line = data[pos..].iter().position(|&b| b == b'\n').map_or(data.len() - pos, |i| i + 1);
        limit.map_or(line, |l| l.min(line))
    };
    Ok(new_bytes(read_n(state, Some(n))))
}

fn readinto(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("readinto", args, kwargs, 1, 1)?;
    me(args, "readinto")?;
    let n = super::buffer_len(vm, &rest[0])?;
    let data = read_n(me(args, "readinto")?, Some(n));
    super::fill_buffer(vm, &rest[0], &data)?;
    Ok(Value::Int(data.len() as i64))
}

fn write(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("write", args, kwargs, 1, 1)?;
    let state = me(args, "write")?;
    let bytes = super::bytes_arg(&rest[0])?;
    let mut data = state.data.borrow_mut();
    let pos = state.pos.get();
    if pos > data.len() {
        data.resize(pos, 0);
    }
    let end = pos + bytes.len();
    if end > data.len() {
        data.resize(end, 0);
    }
    data[pos..end].copy_from_slice(&bytes);
    state.pos.set(end);
    Ok(Value::Int(bytes.len() as i64))
}

fn seek(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("seek", args, kwargs, 1, 2)?;
    let state = me(args, "seek")?;
    let pos = crate::objects::args::ssize_arg(vm, &rest[0])?;
    let whence = match rest.get(1) {
        Some(w) => crate::objects::args::cint_arg(vm, w)?,
        None => 0,
    };
    let base = match whence {
        0 => {
            if pos < 0 {
                return Err(PyErr::value_error(format!("negative seek value {pos}")));
            }
            0
        }
        1 => state.pos.get() as i64,
        2 => state.data.borrow().len() as i64,
        w => return Err(PyErr::value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
    };
    let new = (base + pos).max(0) as usize;
    state.pos.set(new);
    Ok(Value::Int(new as i64))
}

fn truncate(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("truncate", args, kwargs, 0, 1)?;
    let state = me(args, "truncate")?;
    let size = match rest.first() {
        None | Some(Value::None) => state.pos.get() as i64,
        Some(v) => crate::objects::args::ssize_arg(vm, v)?,
    };
    if size < 0 {
        return Err(PyErr::value_error(format!("negative size value {size}")));
    }
    state.data.borrow_mut().truncate(size as usize);
    Ok(Value::Int(size))
}

fn closed_flag(args: &[Value]) -> PyResult<bool> {
    Ok(native_self::<BytesIo>(args, "_io.BytesIO", "closed")?.closed.get())
}

pub fn make_type(buffered_base: &Rc<TypeObject>) -> Rc<TypeObject> {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", init),
        ("read", read),
        ("read1", read),
        ("readline", readline),
        ("readinto", readinto),
        ("readinto1", readinto),
        ("write", write),
        ("seek", seek),
        ("tell", |_, a, _| Ok(Value::Int(me(a, "tell")?.pos.get() as i64))),
        ("truncate", truncate),
        ("getvalue", |_, a, _| Ok(new_bytes(me(a, "getvalue")?.data.borrow().clone()))),
        ("getbuffer", |vm, a, _| {
            let data = me(a, "getbuffer")?.data.borrow().clone();
            let ba = crate::objects::bytearray::new_bytearray(data);
            let mv = vm.builtins.get_str("memoryview").unwrap_or(Value::None);
            vm.call_value(&mv, vec![ba], Vec::new())
        }),
        ("close", |_, a, _| {
            let s = native_self::<BytesIo>(a, "_io.BytesIO", "close")?;
            s.closed.set(true);
            s.data.borrow_mut().clear();
            Ok(Value::None)
        }),
        ("flush", |_, a, _| me(a, "flush").map(|_| Value::None)),
        ("readable", |_, a, _| me(a, "readable").map(|_| Value::Bool(true))),
        ("writable", |_, a, _| me(a, "writable").map(|_| Value::Bool(true))),
        ("seekable", |_, a, _| me(a, "seekable").map(|_| Value::Bool(true))),
        ("isatty", |_, a, _| me(a, "isatty").map(|_| Value::Bool(false))),
    ];
    let properties: &[(&'static str, NativeFn, Option<NativeFn>)] =
        &[("closed", |_, a, _| Ok(Value::Bool(closed_flag(a)?)), None)];
    make_class(buffered_base, "BytesIO", Some(new), methods, properties)
}
