//! `bytes`: the object, its repr and hash, the buffer view every bytes-like argument goes
//! through, and the operators (`+`, `*`, `%`, comparison, `in`, indexing) that `bytes` and
//! `bytearray` share. Methods are in `bytes_methods.rs`, mutation in `bytearray.rs`.

use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::value::Value;
use kaa_bytecode::opcode::BinaryOpKind;
use std::cell::Cell;
use std::rc::Rc;

/// An immutable byte string; its hash is computed at most once.
pub struct BytesObject {
    data: Box<[u8]>,
    hash: Cell<Option<i64>>,
}

impl BytesObject {
    pub fn new(data: Vec<u8>) -> BytesObject {
        BytesObject { data: data.into_boxed_slice(), hash: Cell::new(None) }
    }

    pub fn as_slice(&self) -> &[u8] {
        &self.data
    }

    /// Hashes like a `str` of the same (Latin-1) characters, so `hash(b'ab') == hash('ab')` as
    /// in CPython.
    pub fn hash(&self) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = crate::objects::int::bytes_hash(&self.data);
        self.hash.set(Some(h));
        h
    }
}

impl std::ops::Deref for BytesObject {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.data
    }
}

pub fn new_bytes(data: Vec<u8>) -> Value {
    Value::Bytes(Rc::new(BytesObject::new(data)))
}

/// The bytes of a bytes-like object: shared for `bytes`, a copy for mutable buffers (so no
/// borrow is held while Python code runs).
pub enum Buf {
    Shared(Rc<BytesObject>),
    Owned(Vec<u8>),
}

impl std::ops::Deref for Buf {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Buf::Shared(b) => b,
            Buf::Owned(v) => v,
        }
    }
}

impl Buf {
    pub fn into_vec(self) -> Vec<u8> {
        match self {
            Buf::Shared(b) => b.to_vec(),
            Buf::Owned(v) => v,
        }
    }
}

/// The contents of a bytes-like object (bytes, bytearray, memoryview); None for anything else.
pub fn buffer(v: &Value) -> Option<Buf> {
    match v {
        Value::Bytes(b) => Some(Buf::Shared(b.clone())),
        Value::ByteArray(a) => Some(Buf::Owned(a.data.borrow().clone())),
        Value::MemoryView(m) => m.contents().map(Buf::Owned),
        Value::Instance(_) => crate::modules::array::with_array_bytes(v, |d| d.to_vec()).map(Buf::Owned),
        _ => None,
    }
}

/// `buffer`, or CPython's "a bytes-like object is required" TypeError.
pub fn buffer_arg(v: &Value) -> PyResult<Buf> {
    buffer(v).ok_or_else(|| not_bytes_like(v))
}

#[cold]
pub fn not_bytes_like(v: &Value) -> PyErr {
    PyErr::type_error(format!("a bytes-like object is required, not '{}'", v.type_name()))
}

/// A byte vector of `n` bytes' capacity, or MemoryError rather than an abort.
pub fn with_capacity(n: usize) -> PyResult<Vec<u8>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| PyErr::new(ExcKind::MemoryError, ""))?;
    Ok(v)
}

/// `data * n` with CPython's errors for sizes that cannot exist.
pub fn repeat(data: &[u8], n: i64, what: &str) -> PyResult<Vec<u8>> {
    if n <= 0 || data.is_empty() {
        return Ok(Vec::new());
    }
    let total = (data.len() as i64)
        .checked_mul(n)
        .ok_or_else(|| PyErr::new(ExcKind::OverflowError, format!("repeated {what} are too long")))?;
    let mut out = with_capacity(total as usize)?;
    for _ in 0..n {
        out.extend_from_slice(data);
    }
    Ok(out)
}

/// The repeat count of `seq * n`: an index-sized int.
fn repeat_count(n: &Value) -> PyResult<i64> {
    match n {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        _ => Err(PyErr::new(ExcKind::OverflowError, "cannot fit 'int' into an index-sized integer")),
    }
}

/// `repr(b'...')`: single quotes unless the bytes hold a `'` and no `"`.
pub fn repr(data: &[u8]) -> String {
    repr_with(data, false)
}

/// `bytearray(b'...')`; CPython's bytearray repr escapes `'` even inside double quotes.
pub fn bytearray_repr(data: &[u8]) -> String {
    format!("bytearray({})", repr_with(data, true))
}

fn repr_with(data: &[u8], always_escape_single: bool) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in data {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c == quote || (always_escape_single && c == b'\'') => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

fn is_bytes_kind(v: &Value) -> bool {
    matches!(v, Value::Bytes(_) | Value::ByteArray(_))
}

/// `+`, `*`, `%` and `+=`/`*=` where a bytes or bytearray is involved; None when not ours.
#[cold]
pub fn binary_op(
    vm: &mut Vm,
    op: BinaryOpKind,
    inplace: bool,
    a: &Value,
    b: &Value,
) -> PyResult<Option<Value>> {
    if !is_bytes_kind(a) && !is_bytes_kind(b) {
        return Ok(None);
    }
    match op {
        BinaryOpKind::Add if is_bytes_kind(a) || matches!(a, Value::MemoryView(_)) => {
            let Some(right) = buffer(b) else {
                if matches!(b, Value::Instance(_)) {
                    return Ok(None);
                }
                return Err(PyErr::type_error(format!(
                    "can't concat {} to {}",
                    b.type_name(),
                    a.type_name()
                )));
            };
            if let (true, Value::ByteArray(x)) = (inplace, a) {
                x.check_resizable()?;
                x.data.borrow_mut().extend_from_slice(&right);
                return Ok(Some(a.clone()));
            }
            let left = buffer_arg(a)?;
            let mut out = with_capacity(left.len() + right.len())?;
            out.extend_from_slice(&left);
            out.extend_from_slice(&right);
            Ok(Some(match a {
                Value::ByteArray(_) => crate::objects::bytearray::new_bytearray(out),
                _ => new_bytes(out),
            }))
        }
        BinaryOpKind::Add => {
            // `memoryview + bytes` and `str + bytes` land here with the bytes on the right.
            if matches!(a, Value::Instance(_)) {
                return Ok(None);
            }
            if let Some(left) = buffer(a) {
                let right = buffer_arg(b)?;
                let mut out = left.into_vec();
                out.extend_from_slice(&right);
                return Ok(Some(new_bytes(out)));
            }
            Ok(None)
        }
        BinaryOpKind::Multiply => {
            let (seq, n) = if is_bytes_kind(a) { (a, b) } else { (b, a) };
            let n = match n {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => repeat_count(n)?,
                Value::Instance(i) if i.class.lookup("__index__").is_some() => {
                    let i = crate::objects::args::index_value(vm, n)?;
                    repeat_count(&i)?
                }
                Value::Instance(_) => return Ok(None),
                other => {
                    return Err(PyErr::type_error(format!(
                        "can't multiply sequence by non-int of type '{}'",
                        other.type_name()
                    )))
                }
            };
            match seq {
                Value::ByteArray(x) => {
                    let data = x.data.borrow().clone();
                    // CPython reports an impossible bytearray size as MemoryError.
                    let out = repeat(&data, n, "bytes").map_err(|e| match e {
                        PyErr::New(ExcKind::OverflowError, _) => PyErr::new(ExcKind::MemoryError, ""),
                        other => other,
                    })?;
                    if inplace && std::ptr::eq(seq, a) {
                        x.check_resizable()?;
                        *x.data.borrow_mut() = out;
                        return Ok(Some(a.clone()));
                    }
                    Ok(Some(crate::objects::bytearray::new_bytearray(out)))
                }
                Value::Bytes(x) => {
                    if n == 1 {
                        return Ok(Some(seq.clone()));
                    }
                    Ok(Some(new_bytes(repeat(x, n, "bytes")?)))
                }
                _ => Ok(None),
            }
        }
        BinaryOpKind::Remainder if is_bytes_kind(a) => {
            if matches!(b, Value::Instance(i) if i.class.lookup("__rmod__").is_some()) {
                return Ok(None);
            }
            let fmt = buffer_arg(a)?;
            let out = crate::builtins::percent_format_bytes(vm, &fmt, b)?;
            Ok(Some(match a {
                Value::ByteArray(_) => crate::objects::bytearray::new_bytearray(out),
                _ => new_bytes(out),
            }))
        }
        _ => Ok(None),
    }
}

/// `a == b` for bytes-like values (bytes and bytearray compare by content).
pub fn equal(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Bytes(x), Value::Bytes(y)) => Some(Rc::ptr_eq(x, y) || x.as_slice() == y.as_slice()),
        (Value::Bytes(_) | Value::ByteArray(_), Value::Bytes(_) | Value::ByteArray(_)) => {
            Some(*buffer(a)? == *buffer(b)?)
        }
        (Value::MemoryView(_), _) | (_, Value::MemoryView(_)) => crate::objects::memoryview::equal(a, b),
        _ => None,
    }
}

/// Ordering of two bytes-like values; None when either is not one.
pub fn order(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    if !is_bytes_kind(a) || !is_bytes_kind(b) {
        return None;
    }
    Some((*buffer(a)?).cmp(&*buffer(b)?))
}

/// `item in data`: an int in range(256) or a bytes-like subsequence.
pub fn contains(vm: &mut Vm, data: &[u8], item: &Value) -> PyResult<bool> {
    if let Some(needle) = buffer(item) {
        return Ok(find(data, &needle, 0).is_some());
    }
    let int_like = match item {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => true,
        Value::Instance(i) => i.class.lookup("__index__").is_some(),
        _ => false,
    };
    if !int_like {
        return Err(not_bytes_like(item));
    }
    let byte = byte_value(vm, item)?;
    Ok(data.contains(&byte))
}

/// An int argument that must be a byte value.
pub fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let i = match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => -1,
        Value::Instance(_) => match crate::objects::args::index_value(vm, v)? {
            Value::Int(i) => i,
            _ => -1,
        },
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )))
        }
    };
    u8::try_from(i).map_err(|_| PyErr::value_error("byte must be in range(0, 256)"))
}

/// First position of `needle` in `hay` at or after `from`.
pub fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(from);
    }
    if needle.len() == 1 {
        return hay[from..].iter().position(|&c| c == needle[0]).map(|i| i + from);
    }
    hay[from..].windows(needle.len()).position(|w| w == needle).map(|i| i + from)
}

/// Last position of `needle` in `hay[..end]`.
pub fn rfind(hay: &[u8], needle: &[u8], end: usize) -> Option<usize> {
    let hay = &hay[..end.min(hay.len())];
    if needle.len() > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// `data[key]` for bytes and bytearray: an int, or a new object for a slice.
pub fn subscript(vm: &mut Vm, container: &Value, data: &[u8], key: &Value) -> PyResult<Value> {
    if let Value::Slice(s) = key {
        let idx = crate::interp::slice_indices(s, data.len())?;
        let out: Vec<u8> = idx.into_iter().map(|i| data[i]).collect();
        return Ok(match container {
            Value::ByteArray(_) => crate::objects::bytearray::new_bytearray(out),
            _ => new_bytes(out),
        });
    }
    let i = item_index(vm, key, data.len(), container.type_name())?;
    Ok(Value::Int(data[i] as i64))
}

/// A subscript index made absolute and checked against `len`.
pub fn item_index(vm: &mut Vm, key: &Value, len: usize, what: &str) -> PyResult<usize> {
    let i = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => {
            return Err(PyErr::new(ExcKind::IndexError, "cannot fit 'int' into an index-sized integer"))
        }
        Value::Instance(i) if i.class.lookup("__index__").is_some() => {
            crate::objects::args::ssize_arg(vm, key)?
        }
        other => {
            // CPython words the bytes case differently.
            let what = if what == "bytes" { "byte" } else { what };
            return Err(PyErr::type_error(format!(
                "{what} indices must be integers or slices, not {}",
                other.type_name()
            )));
        }
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        let msg = if what == "bytes" {
            "index out of range".to_string()
        } else {
            format!("{what} index out of range")
        };
        return Err(PyErr::new(ExcKind::IndexError, msg));
    }
    Ok(j as usize)
}

/// The items iteration yields: the byte values as ints.
pub fn iter_items(data: &[u8]) -> Vec<Value> {
    data.iter().map(|&b| Value::Int(b as i64)).collect()
}
