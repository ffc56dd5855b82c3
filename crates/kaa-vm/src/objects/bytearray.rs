//! `bytearray`: the mutable byte string and its mutating methods (append, extend, insert, pop,
//! remove, clear, reverse, copy) and item/slice assignment and deletion. While a memoryview
//! exports it, it cannot change size (BufferError), as in CPython.

use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::{descriptor_error, noargs, one_arg, positional, ssize_arg};
use crate::objects::bytes::{buffer, byte_value, with_capacity};
use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub struct ByteArrayObject {
    pub data: RefCell<Vec<u8>>,
    /// Live memoryviews over this bytearray.
    pub exports: Cell<usize>,
}

impl ByteArrayObject {
    pub fn new(data: Vec<u8>) -> ByteArrayObject {
        ByteArrayObject { data: RefCell::new(data), exports: Cell::new(0) }
    }

    /// Fails while a memoryview holds the buffer.
    pub fn check_resizable(&self) -> PyResult<()> {
        if self.exports.get() > 0 {
            return Err(PyErr::new(
                ExcKind::BufferError,
                "Existing exports of data: object cannot be re-sized",
            ));
        }
        Ok(())
    }
}

pub fn new_bytearray(data: Vec<u8>) -> Value {
    Value::ByteArray(Rc::new(ByteArrayObject::new(data)))
}

fn this<'a>(args: &'a [Value], name: &str) -> PyResult<&'a Rc<ByteArrayObject>> {
    match args.first() {
        Some(Value::ByteArray(b)) => Ok(b),
        _ => Err(descriptor_error("bytearray", name, args)),
    }
}

/// The mutating methods, sorted by name; `bytes_methods` adds the shared ones.
pub static METHODS: &[(&str, crate::objects::function::NativeFn)] = &[
    ("append", bytearray_append),
    ("clear", bytearray_clear),
    ("copy", bytearray_copy),
    ("extend", bytearray_extend),
    ("insert", bytearray_insert),
    ("pop", bytearray_pop),
    ("remove", bytearray_remove),
    ("reverse", bytearray_reverse),
];

fn bytearray_append(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let me = this(args, "append")?;
    let item = one_arg("bytearray", "append", args, kwargs)?;
    let b = byte_value(vm, item)?;
    me.check_resizable()?;
    me.data.borrow_mut().push(b);
    Ok(Value::None)
}

fn bytearray_clear(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let me = this(args, "clear")?;
    noargs("bytearray", "clear", args, kwargs)?;
    me.check_resizable()?;
    me.data.borrow_mut().clear();
    Ok(Value::None)
}

fn bytearray_copy(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let me = this(args, "copy")?;
    noargs("bytearray", "copy", args, kwargs)?;
    let data = me.data.borrow().clone();
    Ok(new_bytearray(data))
}

fn bytearray_reverse(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let me = this(args, "reverse")?;
    noargs("bytearray", "reverse", args, kwargs)?;
    me.data.borrow_mut().reverse();
    Ok(Value::None)
}

/// The bytes an iterable of ints (or a buffer) stands for, as `bytearray.extend` takes them.
pub fn bytes_of_iterable(vm: &mut Vm, v: &Value, range_msg: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer(v) {
        return Ok(b.into_vec());
    }
    let it = vm.get_iter(v)?;
    let mut out = Vec::new();
    while let Some(x) = vm.next_of(&it)? {
        let b = match x {
            Value::Int(i) => u8::try_from(i).map_err(|_| PyErr::value_error(range_msg.to_string()))?,
            other => match byte_value(vm, &other) {
                Ok(b) => b,
                Err(e) if crate::objects::args::err_is(vm, &e, ExcKind::ValueError) => {
                    return Err(PyErr::value_error(range_msg.to_string()))
                }
                Err(e) => return Err(e),
            },
        };
        out.push(b);
    }
    Ok(out)
}

fn bytearray_extend(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let me = this(args, "extend")?.clone();
    let src = one_arg("bytearray", "extend", args, kwargs)?;
    let extra = match src {
        Value::Int(_) | Value::Float(_) | Value::None | Value::Bool(_) => {
            return Err(PyErr::type_error(format!("can't extend bytearray with {}", src.type_name())))
        }
        _ => bytes_of_iterable(vm, src, "byte must be in range(0, 256)")?,
    };
    me.check_resizable()?;
    me.data.borrow_mut().extend_from_slice(&extra);
    Ok(Value::None)
}

fn bytearray_insert(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let me = this(args, "insert")?;
    let rest = positional("bytearray", "insert", args, kwargs, 2, 2)?;
    let i = ssize_arg(vm, &rest[0])?;
    let b = byte_value(vm, &rest[1])?;
    me.check_resizable()?;
    let mut data = me.data.borrow_mut();
    let len = data.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    data.insert(at as usize, b);
    Ok(Value::None)
}

fn bytearray_pop(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let me = this(args, "pop")?;
    let rest = positional("bytearray", "pop", args, kwargs, 0, 1)?;
    let i = match rest.first() {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    me.check_resizable()?;
    let mut data = me.data.borrow_mut();
    if data.is_empty() {
        return Err(PyErr::new(ExcKind::IndexError, "pop from empty bytearray"));
    }
    let len = data.len() as i64;
    let at = if i < 0 { i + len } else { i };
    if at < 0 || at >= len {
        return Err(PyErr::new(ExcKind::IndexError, "pop index out of range"));
    }
    Ok(Value::Int(data.remove(at as usize) as i64))
}

fn bytearray_remove(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let me = this(args, "remove")?;
    let item = one_arg("bytearray", "remove", args, kwargs)?;
    let b = byte_value(vm, item)?;
    me.check_resizable()?;
    let mut data = me.data.borrow_mut();
    match data.iter().position(|&c| c == b) {
        Some(i) => {
            data.remove(i);
            Ok(Value::None)
        }
        None => Err(PyErr::value_error("value not found in bytearray")),
    }
}

/// `ba[key] = value`.
pub fn store_subscript(vm: &mut Vm, me: &Rc<ByteArrayObject>, key: &Value, value: &Value) -> PyResult<()> {
    if let Value::Slice(s) = key {
        let new: Vec<u8> = match value {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                return Err(PyErr::type_error(
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                ))
            }
            Value::Str(_) => {
                return Err(PyErr::type_error(
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                ))
            }
            _ => bytes_of_iterable(vm, value, "byte must be in range(0, 256)")?,
        };
        return assign_slice(me, s, Some(new));
    }
    let len = me.data.borrow().len();
    let i = crate::objects::bytes::item_index(vm, key, len, "bytearray")?;
    let b = match value {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Instance(_) => byte_value(vm, value)?,
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )))
        }
    };
    // The index was checked against the length before Python code could run.
    if let Some(slot) = me.data.borrow_mut().get_mut(i) {
        *slot = b;
    }
    Ok(())
}

/// `del ba[key]`.
pub fn delete_subscript(vm: &mut Vm, me: &Rc<ByteArrayObject>, key: &Value) -> PyResult<()> {
    if let Value::Slice(s) = key {
        return assign_slice(me, s, None);
    }
    let len = me.data.borrow().len();
    let i = crate::objects::bytes::item_index(vm, key, len, "bytearray")?;
    me.check_resizable()?;
    let mut data = me.data.borrow_mut();
    if i < data.len() {
        data.remove(i);
    }
    Ok(())
}

/// Slice assignment (`new` given) or deletion (`new` None).
fn assign_slice(me: &Rc<ByteArrayObject>, s: &(Value, Value, Value), new: Option<Vec<u8>>) -> PyResult<()> {
    let len = me.data.borrow().len();
    let idx = crate::interp::slice_indices(s, len)?;
    let step_one = matches!(s.2, Value::None | Value::Int(1));
    if step_one {
        let start = match idx.first() {
            Some(&i) => i,
            None => {
                let i = match &s.0 {
                    Value::Int(i) => *i,
                    Value::Bool(b) => *b as i64,
                    _ => 0,
                };
                let i = if i < 0 { (i + len as i64).max(0) } else { i };
                (i as usize).min(len)
            }
        };
        let new = new.unwrap_or_default();
        if new.len() != idx.len() {
            me.check_resizable()?;
        }
        let mut data = me.data.borrow_mut();
        let mut out = with_capacity(len - idx.len() + new.len())?;
        out.extend_from_slice(&data[..start]);
        out.extend_from_slice(&new);
        out.extend_from_slice(&data[start + idx.len()..]);
        *data = out;
        return Ok(());
    }
    match new {
        Some(items) => {
            if items.len() != idx.len() {
                return Err(PyErr::value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {}",
                    items.len(),
                    idx.len()
                )));
            }
            let mut data = me.data.borrow_mut();
            for (i, b) in idx.into_iter().zip(items) {
                data[i] = b;
            }
        }
        None => {
            if !idx.is_empty() {
                me.check_resizable()?;
            }
            let mut sorted = idx;
            sorted.sort_unstable();
            let mut data = me.data.borrow_mut();
            for i in sorted.into_iter().rev() {
                data.remove(i);
            }
        }
    }
    Ok(())
}
