//! `memoryview` over bytes and bytearray, format 'B' only: a window (start, step, length) on
//! its source. A view of a bytearray counts as an export while it lives (or until `release()`),
//! so the bytearray cannot change size meanwhile, as in CPython.

use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::{descriptor_error, noargs};
use crate::objects::function::NativeFn;
use crate::value::Value;
use std::cell::Cell;
use std::rc::Rc;

pub struct MemoryViewObject {
    /// The bytes or bytearray viewed.
    source: Value,
    start: usize,
    step: isize,
    len: usize,
    released: Cell<bool>,
}

impl Drop for MemoryViewObject {
    fn drop(&mut self) {
        self.unexport();
    }
}

impl MemoryViewObject {
    fn new(source: Value, start: usize, step: isize, len: usize) -> MemoryViewObject {
        if let Value::ByteArray(b) = &source {
            b.exports.set(b.exports.get() + 1);
        }
        MemoryViewObject { source, start, step, len, released: Cell::new(false) }
    }

    fn unexport(&self) {
        if !self.released.replace(true) {
            if let Value::ByteArray(b) = &self.source {
                b.exports.set(b.exports.get().saturating_sub(1));
            }
        }
    }

    pub fn readonly(&self) -> bool {
        !matches!(self.source, Value::ByteArray(_))
    }

    /// The viewed bytes; None once released.
    pub fn contents(&self) -> Option<Vec<u8>> {
        if self.released.get() {
            return None;
        }
        let pick = |data: &[u8]| -> Vec<u8> {
            (0..self.len)
                .filter_map(|k| data.get((self.start as isize + k as isize * self.step) as usize).copied())
                .collect()
        };
        match &self.source {
            Value::Bytes(b) => Some(pick(b)),
            Value::ByteArray(b) => Some(pick(&b.data.borrow())),
            _ => None,
        }
    }

    fn check(&self) -> PyResult<()> {
        if self.released.get() {
            return Err(released());
        }
        Ok(())
    }

    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> PyResult<usize> {
        self.check()?;
        Ok(self.len)
    }
}

#[cold]
fn released() -> PyErr {
    PyErr::value_error("operation forbidden on released memoryview object")
}

/// `memoryview(obj)`.
pub fn builtin_memoryview(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [object] = crate::objects::args::keywords("memoryview", args, kwargs, ["object"], 1)?;
    let Some(object) = object else {
        return Err(PyErr::type_error("memoryview() missing required argument 'object' (pos 1)"));
    };
    let view = match &object {
        Value::Bytes(b) => MemoryViewObject::new(object.clone(), 0, 1, b.len()),
        Value::ByteArray(b) => {
            let n = b.data.borrow().len();
            MemoryViewObject::new(object.clone(), 0, 1, n)
        }
        Value::MemoryView(m) => {
            m.check()?;
            MemoryViewObject::new(m.source.clone(), m.start, m.step, m.len)
        }
        other => {
            return Err(PyErr::type_error(format!(
                "memoryview: a bytes-like object is required, not '{}'",
                other.type_name()
            )))
        }
    };
    Ok(Value::MemoryView(Rc::new(view)))
}

/// `m[key]`: an int, or a view for a slice.
pub fn subscript(vm: &mut Vm, m: &Rc<MemoryViewObject>, key: &Value) -> PyResult<Value> {
    m.check()?;
    if let Value::Slice(s) = key {
        let (start, step, len) = slice_window(s, m.len)?;
        let view = MemoryViewObject::new(
            m.source.clone(),
            (m.start as isize + start as isize * m.step) as usize,
            m.step * step,
            len,
        );
        return Ok(Value::MemoryView(Rc::new(view)));
    }
    let i = index(vm, key, m.len)?;
    let data = m.contents().ok_or_else(released)?;
    Ok(Value::Int(data[i] as i64))
}

/// start, step and length of `s` over `len` items.
fn slice_window(s: &(Value, Value, Value), len: usize) -> PyResult<(usize, isize, usize)> {
    let idx = crate::interp::slice_indices(s, len)?;
    let step = match &s.2 {
        Value::Int(i) => *i as isize,
        Value::Bool(b) => *b as isize,
        _ => 1,
    };
    Ok((idx.first().copied().unwrap_or(0), step, idx.len()))
}

fn index(vm: &mut Vm, key: &Value, len: usize) -> PyResult<usize> {
    let i = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::Instance(_) => crate::objects::args::ssize_arg(vm, key)?,
        Value::BigInt(_) => {
            return Err(PyErr::new(ExcKind::IndexError, "cannot fit 'int' into an index-sized integer"))
        }
        _ => return Err(PyErr::type_error("memoryview: invalid slice key")),
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(PyErr::new(ExcKind::IndexError, "index out of bounds on dimension 1"));
    }
    Ok(j as usize)
}

/// `m[key] = value`.
pub fn store_subscript(vm: &mut Vm, m: &Rc<MemoryViewObject>, key: &Value, value: &Value) -> PyResult<()> {
    m.check()?;
    let Value::ByteArray(target) = &m.source else {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    };
    let positions: Vec<usize>;
    let new: Vec<u8>;
    if let Value::Slice(s) = key {
        let (start, step, len) = slice_window(s, m.len)?;
        positions = (0..len)
            .map(|k| (m.start as isize + (start as isize + k as isize * step) * m.step) as usize)
            .collect();
        let Some(src) = crate::objects::bytes::buffer(value) else {
            return Err(PyErr::type_error(format!(
                "a bytes-like object is required, not '{}'",
                value.type_name()
            )));
        };
        if src.len() != positions.len() {
            return Err(PyErr::value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        new = src.into_vec();
    } else {
        let i = index(vm, key, m.len)?;
        positions = vec![(m.start as isize + i as isize * m.step) as usize];
        let b = match value {
            Value::Int(i) => u8::try_from(*i).ok(),
            Value::Bool(b) => Some(*b as u8),
            _ => return Err(PyErr::type_error("memoryview: invalid type for format 'B'")),
        };
        let Some(b) = b else {
            return Err(PyErr::value_error("memoryview: invalid value for format 'B'"));
        };
        new = vec![b];
    }
    let mut data = target.data.borrow_mut();
    for (p, b) in positions.into_iter().zip(new) {
        if let Some(slot) = data.get_mut(p) {
            *slot = b;
        }
    }
    Ok(())
}

/// `m == other`: equal contents (format 'B' on both sides).
pub fn equal(a: &Value, b: &Value) -> Option<bool> {
    let released_view = |v: &Value| matches!(v, Value::MemoryView(m) if m.released.get());
    if released_view(a) || released_view(b) {
        return Some(a.is(b));
    }
    let x = crate::objects::bytes::buffer(a)?;
    let y = crate::objects::bytes::buffer(b)?;
    Some(*x == *y)
}

pub fn repr(m: &MemoryViewObject, address: usize) -> String {
    if m.released.get() {
        format!("<released memory at {address:#x}>")
    } else {
        format!("<memory at {address:#x}>")
    }
}

pub fn hash(m: &MemoryViewObject) -> PyResult<i64> {
    m.check()?;
    if !m.readonly() {
        return Err(PyErr::value_error("cannot hash writable memoryview object"));
    }
    Ok(crate::objects::int::bytes_hash(&m.contents().unwrap_or_default()))
}

fn this<'a>(args: &'a [Value], name: &str) -> PyResult<&'a Rc<MemoryViewObject>> {
    match args.first() {
        Some(Value::MemoryView(m)) => Ok(m),
        _ => Err(descriptor_error("memoryview", name, args)),
    }
}

/// Attributes that are not methods.
pub fn attr(m: &MemoryViewObject, name: &str) -> PyResult<Option<Value>> {
    if !matches!(
        name,
        "format"
            | "itemsize"
            | "readonly"
            | "nbytes"
            | "ndim"
            | "shape"
            | "strides"
            | "obj"
            | "contiguous"
            | "c_contiguous"
            | "f_contiguous"
            | "suboffsets"
    ) {
        return Ok(None);
    }
    m.check()?;
    let tuple = |items: Vec<Value>| Value::Tuple(Rc::new(items));
    Ok(Some(match name {
        "format" => Value::str("B"),
        "itemsize" => Value::Int(1),
        "readonly" => Value::Bool(m.readonly()),
        "nbytes" => Value::Int(m.len as i64),
        "ndim" => Value::Int(1),
        "shape" => tuple(vec![Value::Int(m.len as i64)]),
        "strides" => tuple(vec![Value::Int(m.step as i64)]),
        "suboffsets" => tuple(vec![]),
        "obj" => m.source.clone(),
        _ => Value::Bool(m.step == 1 || m.len <= 1),
    }))
}

/// The methods, kept in memoryview's type dict (so `with` finds `__enter__`/`__exit__`).
pub static METHODS: &[(&str, NativeFn)] = &[
    ("__enter__", |_, a, _| {
        let m = this(a, "__enter__")?;
        m.check()?;
        Ok(a[0].clone())
    }),
    ("__exit__", |_, a, _| {
        this(a, "__exit__")?.unexport();
        Ok(Value::None)
    }),
    ("hex", |vm, a, k| {
        let data = this(a, "hex")?.contents().ok_or_else(released)?;
        crate::objects::bytes_methods::hex_of(vm, &data, &a[1..], k)
    }),
    ("release", |_, a, k| {
        let m = this(a, "release")?;
        noargs("memoryview", "release", a, k)?;
        m.unexport();
        Ok(Value::None)
    }),
    ("tobytes", |_, a, k| {
        let m = this(a, "tobytes")?;
        let [order] = crate::objects::args::keywords("tobytes", &a[1..], k, ["order"], 1)?;
        let _ = order;
        Ok(crate::objects::bytes::new_bytes(m.contents().ok_or_else(released)?))
    }),
    ("tolist", |_, a, k| {
        let m = this(a, "tolist")?;
        noargs("memoryview", "tolist", a, k)?;
        let data = m.contents().ok_or_else(released)?;
        Ok(Value::List(Rc::new(std::cell::RefCell::new(crate::objects::bytes::iter_items(&data)))))
    }),
    ("toreadonly", |_, a, k| {
        let m = this(a, "toreadonly")?;
        noargs("memoryview", "toreadonly", a, k)?;
        m.check()?;
        let data = m.contents().ok_or_else(released)?;
        let n = data.len();
        Ok(Value::MemoryView(Rc::new(MemoryViewObject::new(crate::objects::bytes::new_bytes(data), 0, 1, n))))
    }),
];
