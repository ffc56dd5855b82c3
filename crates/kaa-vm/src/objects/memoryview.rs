//! `memoryview`: a typed, possibly multi-dimensional window on the bytes of a bytes, bytearray
//! or `array.array`, described as CPython's `Py_buffer` is (byte offset of the first item,
//! format, item size, shape, strides in bytes). Items are converted to and from Python values
//! with the native struct formats only where they are read or written. A view of a bytearray
//! counts as an export while it lives (or until `release()`), so the bytearray cannot change
//! size meanwhile, as in CPython.

use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::{descriptor_error, noargs};
use crate::objects::function::NativeFn;
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::cell::Cell;
use std::rc::Rc;

pub struct MemoryViewObject {
    /// The bytes, bytearray or array.array viewed.
    source: Value,
    /// Byte offset of the first item in the source.
    offset: isize,
    /// The struct format of the items ("B", "@i", ...).
    format: Rc<str>,
    itemsize: usize,
    shape: Vec<usize>,
    /// Byte distance between neighbours, per dimension.
    strides: Vec<isize>,
    readonly: bool,
    released: Cell<bool>,
}

impl Drop for MemoryViewObject {
    fn drop(&mut self) {
        self.unexport();
    }
}

/// C-order strides of a contiguous array of `shape`.
fn c_strides(shape: &[usize], itemsize: usize) -> Vec<isize> {
    let mut strides = vec![0isize; shape.len()];
    let mut step = itemsize as isize;
    for (k, n) in shape.iter().enumerate().rev() {
        strides[k] = step;
        step *= *n as isize;
    }
    strides
}

/// The size of one item of the native single-character format `f` (an optional '@' first).
fn native_itemsize(f: &str) -> Option<usize> {
    let f = f.strip_prefix('@').unwrap_or(f);
    let mut chars = f.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else { return None };
    Some(match c {
        'c' | 'b' | 'B' | '?' => 1,
        'h' | 'H' => 2,
        'i' | 'I' | 'f' => 4,
        'l' | 'L' | 'q' | 'Q' | 'n' | 'N' | 'd' | 'P' => 8,
        _ => return None,
    })
}

impl MemoryViewObject {
    /// A view with `source`'s own layout; `format` and `itemsize` describe its items.
    fn whole(
        source: Value,
        nbytes: usize,
        format: &str,
        itemsize: usize,
        readonly: bool,
    ) -> MemoryViewObject {
        let n = nbytes / itemsize.max(1);
        MemoryViewObject::derived(
            source,
            0,
            format.into(),
            itemsize,
            vec![n],
            vec![itemsize as isize],
            readonly,
        )
    }

    fn derived(
        source: Value,
        offset: isize,
        format: Rc<str>,
        itemsize: usize,
        shape: Vec<usize>,
        strides: Vec<isize>,
        readonly: bool,
    ) -> MemoryViewObject {
        if let Value::ByteArray(b) = &source {
            b.exports.set(b.exports.get() + 1);
        }
        MemoryViewObject {
            source,
            offset,
            format,
            itemsize,
            shape,
            strides,
            readonly,
            released: Cell::new(false),
        }
    }

    /// Another view of the same memory with the same layout.
    fn copy(&self) -> MemoryViewObject {
        MemoryViewObject::derived(
            self.source.clone(),
            self.offset,
            self.format.clone(),
            self.itemsize,
            self.shape.clone(),
            self.strides.clone(),
            self.readonly,
        )
    }

    fn unexport(&self) {
        if !self.released.replace(true) {
            if let Value::ByteArray(b) = &self.source {
                b.exports.set(b.exports.get().saturating_sub(1));
            }
        }
    }

    pub fn readonly(&self) -> bool {
        self.readonly
    }

    fn ndim(&self) -> usize {
        self.shape.len()
    }

    fn item_count(&self) -> usize {
        self.shape.iter().product()
    }

    fn nbytes(&self) -> usize {
        self.item_count() * self.itemsize
    }

    /// The format character the item codecs use ('@' dropped); None for longer formats.
    fn format_char(&self) -> PyResult<u8> {
        let f = self.format.strip_prefix('@').unwrap_or(&self.format);
        match f.as_bytes() {
            [c] => Ok(*c),
            _ => Err(PyErr::new(
                ExcKind::NotImplementedError,
                format!("memoryview: unsupported format {}", self.format),
            )),
        }
    }

    /// Runs `f` on the source's bytes; None if they cannot be reached.
    fn with_source<R>(&self, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
        match &self.source {
            Value::Bytes(b) => Some(f(b.as_slice())),
            Value::ByteArray(b) => Some(f(&b.data.try_borrow().ok()?)),
            other => crate::modules::array::with_array_bytes(other, |data| f(data)),
        }
    }

    fn with_source_mut<R>(&self, f: impl FnOnce(&mut [u8]) -> R) -> Option<R> {
        match &self.source {
            Value::ByteArray(b) => Some(f(&mut b.data.try_borrow_mut().ok()?)),
            Value::Bytes(_) => None,
            other => crate::modules::array::with_array_bytes(other, |data| f(data)),
        }
    }

    /// Byte offsets of every item, in C order.
    fn positions(&self) -> Vec<isize> {
        let mut out = vec![self.offset];
        for (n, stride) in self.shape.iter().zip(&self.strides) {
            out = out.iter().flat_map(|p| (0..*n as isize).map(move |k| p + k * stride)).collect();
        }
        out
    }

    /// The raw bytes of the item at byte offset `pos` (zeros past the source's end, which only
    /// an array shrunk under the view can cause).
    fn item_bytes(&self, data: &[u8], pos: isize) -> Vec<u8> {
        let mut out = vec![0u8; self.itemsize];
        if pos >= 0 {
            for (k, b) in out.iter_mut().enumerate() {
                if let Some(x) = data.get(pos as usize + k) {
                    *b = *x;
                }
            }
        }
        out
    }

    /// The viewed bytes in C order (what `tobytes()` returns); None once released.
    pub fn contents(&self) -> Option<Vec<u8>> {
        if self.released.get() {
            return None;
        }
        let positions = self.positions();
        self.with_source(|data| {
            let mut out = Vec::with_capacity(positions.len() * self.itemsize);
            for p in positions {
                out.extend(self.item_bytes(data, p));
            }
            out
        })
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
        match self.shape.first() {
            Some(n) => Ok(*n),
            None => Ok(1),
        }
    }

    fn read_item(&self, pos: isize) -> PyResult<Value> {
        let c = self.format_char()?;
        let bytes = self.with_source(|data| self.item_bytes(data, pos)).ok_or_else(released)?;
        unpack(c, &bytes)
    }

    fn write_item(&self, vm: &mut Vm, pos: isize, value: &Value) -> PyResult<()> {
        let c = self.format_char()?;
        let bytes = pack(vm, c, value)?;
        self.check()?;
        self.store_bytes(pos, &bytes)
    }

    fn store_bytes(&self, pos: isize, bytes: &[u8]) -> PyResult<()> {
        self.with_source_mut(|data| {
            for (k, b) in bytes.iter().enumerate() {
                if let Some(slot) = data.get_mut(pos as usize + k) {
                    *slot = *b;
                }
            }
        })
        .ok_or_else(|| PyErr::type_error("cannot modify read-only memory"))
    }

    /// The items as values in C order (nested lists for several dimensions are built by `tolist`).
    fn values(&self) -> PyResult<Vec<Value>> {
        let c = self.format_char()?;
        let positions = self.positions();
        let raw = self
            .with_source(|data| positions.iter().map(|p| self.item_bytes(data, *p)).collect::<Vec<_>>())
            .ok_or_else(released)?;
        raw.iter().map(|b| unpack(c, b)).collect()
    }

    fn is_c_contiguous(&self) -> bool {
        self.item_count() == 0 || strides_match(&self.shape, &self.strides, self.itemsize, true)
    }

    fn is_f_contiguous(&self) -> bool {
        self.item_count() == 0 || strides_match(&self.shape, &self.strides, self.itemsize, false)
    }
}

/// Do `strides` lay `shape` out contiguously in C (or Fortran) order? Dimensions of length 1
/// may have any stride.
fn strides_match(shape: &[usize], strides: &[isize], itemsize: usize, c_order: bool) -> bool {
    let mut expected = itemsize as isize;
    let dims: Vec<usize> =
        if c_order { (0..shape.len()).rev().collect() } else { (0..shape.len()).collect() };
    for k in dims {
        if shape[k] > 1 && strides[k] != expected {
            return false;
        }
        expected *= shape[k] as isize;
    }
    true
}

#[cold]
fn released() -> PyErr {
    PyErr::value_error("operation forbidden on released memoryview object")
}

#[cold]
fn not_supported(c: u8) -> PyErr {
    PyErr::new(ExcKind::NotImplementedError, format!("memoryview: format {} not supported", c as char))
}

#[cold]
fn invalid_type(c: u8) -> PyErr {
    PyErr::type_error(format!("memoryview: invalid type for format '{}'", c as char))
}

#[cold]
fn invalid_value(c: u8) -> PyErr {
    PyErr::value_error(format!("memoryview: invalid value for format '{}'", c as char))
}

/// The value of one native item of format `c` held in `b` (exactly the item's size).
fn unpack(c: u8, b: &[u8]) -> PyResult<Value> {
    let mut w = [0u8; 8];
    w[..b.len().min(8)].copy_from_slice(&b[..b.len().min(8)]);
    let unsigned = |u: u64| {
        if u <= i64::MAX as u64 {
            Value::Int(u as i64)
        } else {
            Value::from_bigint(BigInt::from(u))
        }
    };
    Ok(match c {
        b'B' => Value::Int(w[0] as i64),
        b'b' => Value::Int(w[0] as i8 as i64),
        b'h' => Value::Int(i16::from_ne_bytes([w[0], w[1]]) as i64),
        b'H' => Value::Int(u16::from_ne_bytes([w[0], w[1]]) as i64),
        b'i' => Value::Int(i32::from_ne_bytes([w[0], w[1], w[2], w[3]]) as i64),
        b'I' => Value::Int(u32::from_ne_bytes([w[0], w[1], w[2], w[3]]) as i64),
        b'l' | b'q' | b'n' => Value::Int(i64::from_ne_bytes(w)),
        b'L' | b'Q' | b'N' | b'P' => unsigned(u64::from_ne_bytes(w)),
        b'f' => Value::Float(f32::from_ne_bytes([w[0], w[1], w[2], w[3]]) as f64),
        b'd' => Value::Float(f64::from_ne_bytes(w)),
        b'e' => Value::Float(crate::modules::structs::half_to_f64(u16::from_ne_bytes([w[0], w[1]]))),
        b'?' => Value::Bool(w[0] != 0),
        b'c' => crate::objects::bytes::new_bytes(vec![w[0]]),
        _ => return Err(not_supported(c)),
    })
}

/// The bytes of `v` as one native item of format `c`, with CPython's memoryview errors.
fn pack(vm: &mut Vm, c: u8, v: &Value) -> PyResult<Vec<u8>> {
    match c {
        b'f' | b'd' | b'e' => {
            let x = match crate::objects::float::as_f64(v) {
                Some(Ok(x)) => x,
                Some(Err(_)) => return Err(invalid_value(c)),
                None => return Err(invalid_type(c)),
            };
            return Ok(match c {
                b'f' => (x as f32).to_ne_bytes().to_vec(),
                b'd' => x.to_ne_bytes().to_vec(),
                _ => crate::modules::structs::f64_to_half(x)
                    .ok_or_else(|| invalid_value(c))?
                    .to_ne_bytes()
                    .to_vec(),
            });
        }
        b'?' => return Ok(vec![vm.truthy(v)? as u8]),
        b'c' => {
            return match v {
                Value::Bytes(b) if b.len() == 1 => Ok(vec![b[0]]),
                Value::Bytes(_) => Err(invalid_value(c)),
                _ => Err(invalid_type(c)),
            }
        }
        b'B' | b'b' | b'h' | b'H' | b'i' | b'I' | b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'P' => {}
        _ => return Err(not_supported(c)),
    }
    let n = match crate::objects::args::index_value(vm, v) {
        Ok(n) => n,
        Err(e) if crate::objects::args::err_is(vm, &e, ExcKind::TypeError) => return Err(invalid_type(c)),
        Err(e) => return Err(e),
    };
    let n: BigInt = crate::objects::int::to_bigint(&n).unwrap_or_default();
    let out_of_range = || invalid_value(c);
    Ok(match c {
        b'B' => vec![n.to_u8().ok_or_else(out_of_range)?],
        b'b' => n.to_i8().ok_or_else(out_of_range)?.to_ne_bytes().to_vec(),
        b'h' => n.to_i16().ok_or_else(out_of_range)?.to_ne_bytes().to_vec(),
        b'H' => n.to_u16().ok_or_else(out_of_range)?.to_ne_bytes().to_vec(),
        b'i' => n.to_i32().ok_or_else(out_of_range)?.to_ne_bytes().to_vec(),
        b'I' => n.to_u32().ok_or_else(out_of_range)?.to_ne_bytes().to_vec(),
        b'l' | b'q' | b'n' => n.to_i64().ok_or_else(out_of_range)?.to_ne_bytes().to_vec(),
        _ => n.to_u64().ok_or_else(out_of_range)?.to_ne_bytes().to_vec(),
    })
}

/// The format, item size and byte length `v` presents as a buffer; None if it is not one.
fn buffer_layout(v: &Value) -> Option<(String, usize, usize)> {
    match v {
        Value::Bytes(b) => Some(("B".into(), 1, b.len())),
        Value::ByteArray(b) => Some(("B".into(), 1, b.data.borrow().len())),
        other => {
            let (code, len) = crate::modules::array::buffer_info(other)?;
            let size = native_itemsize(&(code as char).to_string()).unwrap_or(4);
            Some(((code as char).to_string(), size, len))
        }
    }
}

/// `memoryview(obj)`.
pub fn builtin_memoryview(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [object] = crate::objects::args::keywords("memoryview", args, kwargs, ["object"], 1)?;
    let Some(object) = object else {
        return Err(PyErr::type_error("memoryview() missing required argument 'object' (pos 1)"));
    };
    Ok(Value::MemoryView(Rc::new(view_of(&object)?)))
}

fn view_of(object: &Value) -> PyResult<MemoryViewObject> {
    if let Value::MemoryView(m) = object {
        m.check()?;
        return Ok(m.copy());
    }
    let source = match crate::objects::builtin_subclass::base_value(object) {
        Some(base @ (Value::Bytes(_) | Value::ByteArray(_))) => base.clone(),
        _ => object.clone(),
    };
    match buffer_layout(&source) {
        Some((format, itemsize, len)) => {
            let readonly = matches!(source, Value::Bytes(_));
            Ok(MemoryViewObject::whole(source, len, &format, itemsize, readonly))
        }
        None => Err(PyErr::type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            object.type_name()
        ))),
    }
}

/// The index `key` stands for, as `PyNumber_AsSsize_t(key, IndexError)`; None if not index-like.
fn index_of(vm: &mut Vm, key: &Value) -> PyResult<Option<i64>> {
    match key {
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(*b as i64)),
        Value::BigInt(_) => Err(cannot_fit()),
        Value::Instance(i) if i.class.lookup("__index__").is_some() => {
            match crate::objects::args::index_value(vm, key)? {
                Value::Int(i) => Ok(Some(i)),
                _ => Err(cannot_fit()),
            }
        }
        _ => Ok(None),
    }
}

#[cold]
fn cannot_fit() -> PyErr {
    PyErr::new(ExcKind::IndexError, "cannot fit 'int' into an index-sized integer")
}

/// The byte offset of item `index` along dimension `dim`, starting from `base`.
fn locate(m: &MemoryViewObject, base: isize, dim: usize, index: i64) -> PyResult<isize> {
    let n = m.shape[dim] as i64;
    let j = if index < 0 { index + n } else { index };
    if j < 0 || j >= n {
        return Err(PyErr::new(ExcKind::IndexError, format!("index out of bounds on dimension {}", dim + 1)));
    }
    Ok(base + m.strides[dim] * j as isize)
}

/// What a subscript key selects.
enum Target {
    /// One item at this byte offset.
    Item(isize),
    /// The whole view (`m[...]` of a 0-dim view).
    Whole,
}

/// The item a non-slice key addresses, with CPython's errors.
fn target_of(vm: &mut Vm, m: &MemoryViewObject, key: &Value, storing: bool) -> PyResult<Target> {
    if m.ndim() == 0 {
        return match key {
            Value::Tuple(t) if t.is_empty() => Ok(Target::Item(m.offset)),
            Value::Ellipsis => Ok(if storing { Target::Item(m.offset) } else { Target::Whole }),
            _ => Err(PyErr::type_error("invalid indexing of 0-dim memory")),
        };
    }
    if let Some(i) = index_of(vm, key)? {
        if m.ndim() > 1 {
            let msg = if storing {
                "sub-views are not implemented"
            } else {
                "multi-dimensional sub-views are not implemented"
            };
            return Err(PyErr::new(ExcKind::NotImplementedError, msg));
        }
        return Ok(Target::Item(locate(m, m.offset, 0, i)?));
    }
    if let Value::Tuple(t) = key {
        let mut indices = Vec::with_capacity(t.len());
        for k in t.iter() {
            match index_of(vm, k)? {
                Some(i) => indices.push(i),
                None => {
                    if !t.is_empty() && t.iter().all(|k| matches!(k, Value::Slice(_))) {
                        return Err(PyErr::new(
                            ExcKind::NotImplementedError,
                            if storing {
                                "memoryview slice assignments are currently restricted to ndim = 1"
                            } else {
                                "multi-dimensional slicing is not implemented"
                            },
                        ));
                    }
                    return Err(PyErr::type_error("memoryview: invalid slice key"));
                }
            }
        }
        if indices.len() < m.ndim() {
            return Err(PyErr::new(ExcKind::NotImplementedError, "sub-views are not implemented"));
        }
        if indices.len() > m.ndim() {
            return Err(PyErr::type_error(format!(
                "cannot index {}-dimension view with {}-element tuple",
                m.ndim(),
                indices.len()
            )));
        }
        let mut pos = m.offset;
        for (dim, i) in indices.into_iter().enumerate() {
            pos = locate(m, pos, dim, i)?;
        }
        return Ok(Target::Item(pos));
    }
    Err(PyErr::type_error("memoryview: invalid slice key"))
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

/// `m` with its first dimension cut to the slice `s`.
fn sliced(m: &MemoryViewObject, s: &(Value, Value, Value)) -> PyResult<MemoryViewObject> {
    let (start, step, len) = slice_window(s, m.shape[0])?;
    let mut view = m.copy();
    view.offset += m.strides[0] * start as isize;
    view.shape[0] = len;
    view.strides[0] = m.strides[0] * step;
    Ok(view)
}

/// `m[key]`: an item, or a view for a slice.
pub fn subscript(vm: &mut Vm, m: &Rc<MemoryViewObject>, key: &Value) -> PyResult<Value> {
    m.check()?;
    if let Value::Slice(s) = key {
        if m.ndim() == 0 {
            return Err(PyErr::type_error("invalid indexing of 0-dim memory"));
        }
        return Ok(Value::MemoryView(Rc::new(sliced(m, s)?)));
    }
    m.format_char()?;
    match target_of(vm, m, key, false)? {
        Target::Item(pos) => m.read_item(pos),
        Target::Whole => Ok(Value::MemoryView(m.clone())),
    }
}

/// `m[key] = value`.
pub fn store_subscript(vm: &mut Vm, m: &Rc<MemoryViewObject>, key: &Value, value: &Value) -> PyResult<()> {
    m.check()?;
    m.format_char()?;
    if m.readonly {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    if let (Value::Slice(s), 1) = (key, m.ndim()) {
        let dest = sliced(m, s)?;
        let src = match value {
            Value::MemoryView(v) => {
                v.check()?;
                v.copy()
            }
            other => view_of(other).map_err(|_| {
                PyErr::type_error(format!("a bytes-like object is required, not '{}'", other.type_name()))
            })?,
        };
        let same_format = src.format.strip_prefix('@').unwrap_or(&src.format)
            == dest.format.strip_prefix('@').unwrap_or(&dest.format);
        if !same_format || src.itemsize != dest.itemsize || src.shape != dest.shape {
            return Err(PyErr::value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let bytes = src.contents().ok_or_else(released)?;
        for (k, pos) in dest.positions().into_iter().enumerate() {
            m.store_bytes(pos, &bytes[k * m.itemsize..(k + 1) * m.itemsize])?;
        }
        return Ok(());
    }
    if matches!(key, Value::Slice(_)) && m.ndim() != 0 {
        return Err(PyErr::new(
            ExcKind::NotImplementedError,
            "memoryview slice assignments are currently restricted to ndim = 1",
        ));
    }
    match target_of(vm, m, key, true)? {
        Target::Item(pos) => m.write_item(vm, pos, value),
        Target::Whole => Ok(()),
    }
}

/// The values iterating over `m` yields.
pub fn iter_values(m: &MemoryViewObject) -> PyResult<Vec<Value>> {
    m.check()?;
    match m.ndim() {
        0 => Err(PyErr::type_error("invalid indexing of 0-dim memory")),
        1 => m.values(),
        _ => Err(PyErr::new(ExcKind::NotImplementedError, "multi-dimensional sub-views are not implemented")),
    }
}

/// Items equal as CPython's memoryview comparison sees them (numbers by value, 'c' by byte).
fn items_equal(a: &Value, b: &Value) -> bool {
    use crate::objects::int::to_bigint;
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Float(x), other) | (other, Value::Float(x)) => match to_bigint(other) {
            Some(n) => x.fract() == 0.0 && BigInt::from(*x as i128) == n,
            None => false,
        },
        (Value::Bytes(x), Value::Bytes(y)) => x.as_slice() == y.as_slice(),
        (Value::Bool(x), Value::Bool(y)) => x == y,
        _ => match (to_bigint(a), to_bigint(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        },
    }
}

/// `m == other`; None when `other` is not a buffer (NotImplemented).
pub fn equal(a: &Value, b: &Value) -> Option<bool> {
    let released_view = |v: &Value| matches!(v, Value::MemoryView(m) if m.released.get());
    if released_view(a) || released_view(b) {
        return Some(a.is(b));
    }
    let as_view = |v: &Value| -> Option<MemoryViewObject> {
        match v {
            Value::MemoryView(m) => Some(m.copy()),
            other => view_of(other).ok(),
        }
    };
    let (x, y) = (as_view(a)?, as_view(b)?);
    if x.shape != y.shape {
        return Some(false);
    }
    if x.format == y.format && x.format_char().map(|c| c != b'f' && c != b'd' && c != b'e').unwrap_or(false) {
        return Some(x.contents()? == y.contents()?);
    }
    match (x.values(), y.values()) {
        (Ok(p), Ok(q)) => Some(p.iter().zip(&q).all(|(u, v)| items_equal(u, v))),
        _ => Some(false),
    }
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
    if !matches!(m.format_char(), Ok(b'B' | b'b' | b'c')) {
        return Err(PyErr::value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
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
    let ints = |items: Vec<i64>| Value::Tuple(Rc::new(items.into_iter().map(Value::Int).collect()));
    Ok(Some(match name {
        "format" => Value::str(&m.format),
        "itemsize" => Value::Int(m.itemsize as i64),
        "readonly" => Value::Bool(m.readonly),
        "nbytes" => Value::Int(m.nbytes() as i64),
        "ndim" => Value::Int(m.ndim() as i64),
        "shape" => ints(m.shape.iter().map(|n| *n as i64).collect()),
        "strides" => ints(m.strides.iter().map(|n| *n as i64).collect()),
        "suboffsets" => ints(vec![]),
        "obj" => m.source.clone(),
        "c_contiguous" => Value::Bool(m.is_c_contiguous()),
        "f_contiguous" => Value::Bool(m.is_f_contiguous()),
        _ => Value::Bool(m.is_c_contiguous() || m.is_f_contiguous()),
    }))
}

/// `m.cast(format, shape=None)`, with CPython's checks in CPython's order.
fn cast(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let m = this(args, "cast")?;
    let [format, shape] = crate::objects::args::keywords("cast", &args[1..], kwargs, ["format", "shape"], 2)?;
    m.check()?;
    if !m.is_c_contiguous() {
        return Err(PyErr::type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let shape = match shape {
        Some(Value::Tuple(t)) => Some(t.to_vec()),
        Some(Value::List(l)) => Some(l.borrow().clone()),
        Some(_) => return Err(PyErr::type_error("shape must be a list or a tuple")),
        None => None,
    };
    if (shape.is_some() || m.ndim() != 1) && m.shape.contains(&0) {
        return Err(PyErr::type_error("memoryview: cannot cast view with zeros in shape or strides"));
    }
    if let Some(shape) = &shape {
        if shape.len() > 64 {
            return Err(PyErr::value_error("memoryview: number of dimensions must not exceed 64"));
        }
        if m.ndim() != 1 && shape.len() != 1 {
            return Err(PyErr::type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
        }
    }
    let format = match format {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "cast() argument 'format' must be str, not {}",
                other.type_name()
            )))
        }
        None => return Err(PyErr::type_error("cast() missing required argument 'format' (pos 1)")),
    };
    let Some(itemsize) = native_itemsize(&format) else {
        return Err(PyErr::value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    let is_byte = |f: &str| matches!(f.strip_prefix('@').unwrap_or(f), "B" | "b" | "c");
    if !is_byte(&m.format) && !is_byte(&format) {
        return Err(PyErr::type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = m.nbytes();
    if nbytes % itemsize != 0 {
        return Err(PyErr::type_error("memoryview: length is not a multiple of itemsize"));
    }
    let new_shape = match shape {
        None => vec![nbytes / itemsize],
        Some(items) => {
            let mut dims = Vec::with_capacity(items.len());
            let mut total = itemsize;
            for item in &items {
                let n = match item {
                    Value::Int(n) => *n,
                    Value::Bool(b) => *b as i64,
                    Value::BigInt(_) => {
                        return Err(PyErr::new(
                            ExcKind::OverflowError,
                            "Python int too large to convert to C ssize_t",
                        ))
                    }
                    _ => {
                        return Err(PyErr::type_error(
                            "memoryview.cast(): elements of shape must be integers",
                        ))
                    }
                };
                if n <= 0 {
                    return Err(PyErr::value_error(
                        "memoryview.cast(): elements of shape must be integers > 0",
                    ));
                }
                total = total
                    .checked_mul(n as usize)
                    .filter(|t| *t <= isize::MAX as usize)
                    .ok_or_else(|| PyErr::value_error("memoryview.cast(): product(shape) > SSIZE_MAX"))?;
                dims.push(n as usize);
            }
            if total != nbytes {
                return Err(PyErr::type_error("memoryview: product(shape) * itemsize != buffer size"));
            }
            dims
        }
    };
    let strides = c_strides(&new_shape, itemsize);
    let view = MemoryViewObject::derived(
        m.source.clone(),
        m.offset,
        format.as_str().into(),
        itemsize,
        new_shape,
        strides,
        m.readonly,
    );
    Ok(Value::MemoryView(Rc::new(view)))
}

/// `tolist()`: nested lists for several dimensions.
fn tolist(m: &MemoryViewObject) -> PyResult<Value> {
    m.check()?;
    m.format_char()?;
    let values = m.values()?;
    if m.ndim() == 0 {
        return Ok(values.into_iter().next().unwrap_or(Value::None));
    }
    fn nest(values: &[Value], shape: &[usize]) -> Value {
        let items: Vec<Value> = if shape.len() == 1 {
            values.to_vec()
        } else {
            let chunk = shape[1..].iter().product::<usize>().max(1);
            (0..shape[0])
                .map(|k| nest(values.get(k * chunk..(k + 1) * chunk).unwrap_or(&[]), &shape[1..]))
                .collect()
        };
        Value::List(Rc::new(std::cell::RefCell::new(items)))
    }
    Ok(nest(&values, &m.shape))
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
    ("cast", cast),
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
        m.check()?;
        match &order {
            None | Some(Value::None) => {}
            Some(Value::Str(s)) if matches!(s.as_str(), "C" | "F" | "A") => {}
            Some(Value::Str(_)) => return Err(PyErr::value_error("order must be 'C', 'F' or 'A'")),
            Some(other) => {
                return Err(PyErr::type_error(format!(
                    "tobytes() argument 'order' must be str or None, not {}",
                    other.type_name()
                )))
            }
        }
        Ok(crate::objects::bytes::new_bytes(m.contents().ok_or_else(released)?))
    }),
    ("tolist", |_, a, k| {
        let m = this(a, "tolist")?;
        noargs("memoryview", "tolist", a, k)?;
        tolist(m)
    }),
    ("toreadonly", |_, a, k| {
        let m = this(a, "toreadonly")?;
        noargs("memoryview", "toreadonly", a, k)?;
        m.check()?;
        let mut view = m.copy();
        view.readonly = true;
        Ok(Value::MemoryView(Rc::new(view)))
    }),
];
