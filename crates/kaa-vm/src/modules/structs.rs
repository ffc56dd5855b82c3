//! `_struct`: packing values into C layouts. A format is parsed once into `Item`s (code,
//! count, offset); native mode (`@`, the default) uses this machine's sizes and alignment
//! (x86-64/aarch64 LP64), the other modes standard sizes without alignment. Errors are
//! `struct.error` with CPython's texts.

use super::native_class::{add_class, check_arity, cls_of, new_instance, no_kwargs, state, Slots};
use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, ExceptionObject, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::bytes::new_bytes;
use crate::objects::dict::DictObject;
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::rc::Rc;

const PYTHON_PART: &str = "class error(Exception):\n    pass\nerror.__module__ = 'struct'\n";

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Native,
    /// Native byte order, standard sizes (`=`).
    NativeStd,
    Little,
    Big,
}

impl Mode {
    fn little(self) -> bool {
        match self {
            Mode::Native | Mode::NativeStd => cfg!(target_endian = "little"),
            Mode::Little => true,
            Mode::Big => false,
        }
    }
}

#[derive(Clone)]
struct Item {
    code: u8,
    /// For `s` and `p` the byte length; otherwise 1 (repeats are expanded).
    len: usize,
    offset: usize,
    size: usize,
}

#[derive(Clone)]
struct Layout {
    mode: Mode,
    items: Vec<Item>,
    size: usize,
    /// Values pack takes (`x` takes none; `s`/`p` one each).
    nargs: usize,
    format: Value,
}
impl Slots for Layout {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        f(&mut self.format);
    }
}

fn struct_error(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    let msg = msg.into();
    match vm.native_classes.get("struct.error") {
        Some(cls) => {
            let cls = cls.clone();
            PyErr::Raised(Rc::new(ExceptionObject::new(cls, vec![Value::str(&msg)])))
        }
        None => PyErr::new(ExcKind::ValueError, msg),
    }
}

/// (size, alignment) of `code` in `mode`; None for a code the mode does not have.
fn code_size(code: u8, mode: Mode) -> Option<(usize, usize)> {
    let native = mode == Mode::Native;
    let size = match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                std::mem::size_of::<std::ffi::c_long>()
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => std::mem::size_of::<usize>(),
        _ => return None,
    };
    Some((size, if native { size } else { 1 }))
}

fn parse(vm: &mut Vm, format: &Value) -> PyResult<Layout> {
    let text: Vec<u8> = match format {
        Value::Str(s) => s.as_str().as_bytes().to_vec(),
        Value::Bytes(b) => b.as_slice().to_vec(),
        other => {
            return Err(PyErr::type_error(format!(
                "Struct() argument 1 must be a str or bytes object, not {}",
                other.type_name()
            )))
        }
    };
    let (mode, body) = match text.first() {
        Some(b'@') => (Mode::Native, &text[1..]),
        Some(b'=') => (Mode::NativeStd, &text[1..]),
        Some(b'<') => (Mode::Little, &text[1..]),
        Some(b'>') | Some(b'!') => (Mode::Big, &text[1..]),
        _ => (Mode::Native, &text[..]),
    };
    let mut items = Vec::new();
    let mut offset = 0usize;
    let mut nargs = 0usize;
    let mut i = 0;
    let too_long = |vm: &mut Vm| struct_error(vm, "total struct size too long");
    while i < body.len() {
        let c = body[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count: Option<usize> = None;
        if c.is_ascii_digit() {
            let mut n: usize = 0;
            while i < body.len() && body[i].is_ascii_digit() {
                n = match n.checked_mul(10).and_then(|n| n.checked_add((body[i] - b'0') as usize)) {
                    Some(n) => n,
                    None => return Err(too_long(vm)),
                };
                i += 1;
            }
            if i >= body.len() {
                return Err(struct_error(vm, "repeat count given without format specifier"));
            }
            count = Some(n);
        }
        let code = body[i];
        i += 1;
        let Some((size, align)) = code_size(code, mode) else {
            return Err(struct_error(vm, "bad char in struct format"));
        };
        let n = count.unwrap_or(1);
        if align > 1 {
            offset = offset.div_ceil(align) * align;
        }
        match code {
            b's' | b'p' => {
                items.push(Item { code, len: n, offset, size: n });
                offset = offset.checked_add(n).ok_or_else(|| too_long(vm))?;
                nargs += 1;
            }
            b'x' => {
                offset = offset.checked_add(n).ok_or_else(|| too_long(vm))?;
            }
            _ => {
                for _ in 0..n {
                    items.push(Item { code, len: 1, offset, size });
                    offset = offset.checked_add(size).ok_or_else(|| too_long(vm))?;
                }
                nargs += n;
            }
        }
        if offset > isize::MAX as usize {
            return Err(too_long(vm));
        }
    }
    let format = match format {
        Value::Bytes(b) => Value::str(&String::from_utf8_lossy(b.as_slice())),
        other => other.clone(),
    };
    Ok(Layout { mode, items, size: offset, nargs, format })
}

// ---- packing ----

/// The integer behind `v` for the integer codes (ints, bools, `__index__`).
fn int_value(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(*b as i64)),
        Value::BigInt(b) => Ok((**b).clone()),
        Value::Instance(i) if i.class.lookup("__index__").is_some() => {
            match crate::objects::args::index_value(vm, v)? {
                Value::Int(i) => Ok(BigInt::from(i)),
                Value::BigInt(b) => Ok((*b).clone()),
                _ => Err(struct_error(vm, "required argument is not an integer")),
            }
        }
        _ => Err(struct_error(vm, "required argument is not an integer")),
    }
}

fn float_value(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => b
            .to_f64()
            .filter(|f| f.is_finite())
            .ok_or_else(|| PyErr::new(ExcKind::OverflowError, "int too large to convert to float")),
        Value::Instance(_) => match vm.call_dunder(v, "__float__", &[])? {
            Some(Value::Float(f)) => Ok(f),
            _ => match vm.call_dunder(v, "__index__", &[])? {
                Some(Value::Int(i)) => Ok(i as f64),
                _ => Err(struct_error(vm, "required argument is not a float")),
            },
        },
        _ => Err(struct_error(vm, "required argument is not a float")),
    }
}

fn range_error(vm: &mut Vm, code: u8, size: usize, unsigned: bool) -> PyErr {
    let ulargest: u128 = (1u128 << (size * 8)) - 1;
    if unsigned {
        struct_error(vm, format!("'{}' format requires 0 <= number <= {ulargest}", code as char))
    } else {
        let largest = (ulargest >> 1) as i128;
        struct_error(
            vm,
            format!("'{}' format requires {} <= number <= {largest}", code as char, -largest - 1),
        )
    }
}

/// Writes the integer `n` for `item` into `out`, with the range checks (and messages) of
/// CPython's pack functions for `mode`.
fn pack_int(vm: &mut Vm, item: &Item, mode: Mode, n: &BigInt, out: &mut [u8]) -> PyResult<()> {
    let code = item.code;
    let size = item.size;
    let signed = matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
    let value: i128 = match n.to_i128() {
        Some(v) => v,
        None => return Err(overflow_error(vm, code, size, mode, n)),
    };
    let (min, max): (i128, i128) = if signed {
        (-(1i128 << (size * 8 - 1)), (1i128 << (size * 8 - 1)) - 1)
    } else {
        (0, (1i128 << (size * 8)) - 1)
    };
    if value < min || value > max {
        return Err(overflow_error(vm, code, size, mode, n));
    }
    let bytes = (value as u128).to_le_bytes();
    let dst = &mut out[item.offset..item.offset + size];
    if mode.little() {
        dst.copy_from_slice(&bytes[..size]);
    } else {
        for (k, b) in dst.iter_mut().enumerate() {
            *b = bytes[size - 1 - k];
        }
    }
    Ok(())
}

/// The error for an integer out of range for `code`, worded as the CPython pack function that
/// handles this code in this mode words it. On a little-endian machine the `<` and `=` tables
/// use the native functions wherever the sizes agree (all but `l`/`L`), as CPython's do.
#[cold]
fn overflow_error(vm: &mut Vm, code: u8, size: usize, mode: Mode, n: &BigInt) -> PyErr {
    let native_fn = mode == Mode::Native
        || (mode != Mode::Big && cfg!(target_endian = "little") && !matches!(code, b'l' | b'L'));
    let fits_long = n.to_i64().is_some();
    let fits_ulong = n.to_u64().is_some();
    match code {
        b'b' => struct_error(vm, "byte format requires -128 <= number <= 127"),
        b'B' => struct_error(vm, "ubyte format requires 0 <= number <= 255"),
        b'h' if native_fn => struct_error(vm, "short format requires -32768 <= number <= 32767"),
        b'H' if native_fn => struct_error(vm, "ushort format requires 0 <= number <= 65535"),
        b'q' | b'Q' if !native_fn => struct_error(vm, "int too large to convert"),
        b'q' | b'Q' | b'n' | b'N' | b'P' => struct_error(vm, "argument out of range"),
        b'l' | b'L' if size == 8 => struct_error(vm, "argument out of range"),
        b'h' | b'i' | b'l' if !fits_long => struct_error(vm, "argument out of range"),
        b'H' | b'I' | b'L' if !fits_ulong => struct_error(vm, "argument out of range"),
        b'h' | b'i' | b'l' => range_error(vm, code, size, false),
        _ => range_error(vm, code, size, true),
    }
}

fn pack_float(vm: &mut Vm, item: &Item, mode: Mode, x: f64, out: &mut [u8]) -> PyResult<()> {
    let bytes: Vec<u8> = match item.code {
        b'd' => x.to_le_bytes().to_vec(),
        b'f' => {
            let y = x as f32;
            // Native mode converts as C does; the standard modes refuse to overflow.
            if y.is_infinite() && x.is_finite() && mode != Mode::Native {
                return Err(PyErr::new(ExcKind::OverflowError, "float too large to pack with f format"));
            }
            y.to_le_bytes().to_vec()
        }
        _ => match f64_to_half(x) {
            Some(h) => h.to_le_bytes().to_vec(),
            None => return Err(PyErr::new(ExcKind::OverflowError, "float too large to pack with e format")),
        },
    };
    let _ = vm;
    let dst = &mut out[item.offset..item.offset + item.size];
    if mode.little() {
        dst.copy_from_slice(&bytes);
    } else {
        for (k, b) in dst.iter_mut().enumerate() {
            *b = bytes[item.size - 1 - k];
        }
    }
    Ok(())
}

/// IEEE 754 binary16 with round-half-even, as `PyFloat_Pack2`; None when out of range.
pub(crate) fn f64_to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 1 } else { 0 };
    if x.is_nan() {
        return Some((sign << 15) | 0x7e00);
    }
    if x.is_infinite() {
        return Some((sign << 15) | 0x7c00);
    }
    if x == 0.0 {
        return Some(sign << 15);
    }
    let (mut f, mut e) = frexp(x.abs());
    f *= 2.0;
    e -= 1;
    if e >= 16 {
        return None;
    } else if e < -25 {
        f = 0.0;
        e = 0;
    } else if e < -14 {
        f *= 2f64.powi(14 + e);
        e = 0;
    } else {
        e += 15;
        f -= 1.0;
    }
    f *= 1024.0;
    let mut bits = f as u16;
    let frac = f - bits as f64;
    if frac > 0.5 || (frac == 0.5 && bits % 2 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            e += 1;
            if e == 31 {
                return None;
            }
        }
    }
    Some(bits | ((e as u16) << 10) | (sign << 15))
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (f, e) = frexp(x * 2f64.powi(64));
        return (f, e - 64);
    }
    let f = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (f, exp - 1022)
}

pub(crate) fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    let v = if e == 0 {
        m * 2f64.powi(-24)
    } else if e == 31 {
        if m == 0.0 {
            f64::INFINITY
        } else {
            f64::NAN
        }
    } else {
        (1.0 + m / 1024.0) * 2f64.powi(e - 15)
    };
    sign * v
}

fn pack_values(vm: &mut Vm, layout: &Layout, values: &[Value], out: &mut [u8]) -> PyResult<()> {
    if values.len() != layout.nargs {
        return Err(struct_error(
            vm,
            format!("pack expected {} items for packing (got {})", layout.nargs, values.len()),
        ));
    }
    for (item, v) in layout.items.iter().zip(values) {
        match item.code {
            b's' | b'p' => {
                let data: Vec<u8> = match v {
                    Value::Bytes(b) => b.as_slice().to_vec(),
                    Value::ByteArray(b) => b.data.borrow().clone(),
                    _ => {
                        return Err(struct_error(
                            vm,
                            format!("argument for '{}' must be a bytes object", item.code as char),
                        ))
                    }
                };
                let dst = &mut out[item.offset..item.offset + item.len];
                if item.code == b's' {
                    let n = data.len().min(item.len);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if item.len > 0 {
                    let n = data.len().min(item.len - 1);
                    dst[1..1 + n].copy_from_slice(&data[..n]);
                    dst[0] = n.min(255) as u8;
                }
            }
            b'c' => match v {
                Value::Bytes(b) if b.as_slice().len() == 1 => out[item.offset] = b.as_slice()[0],
                Value::ByteArray(b) if b.data.borrow().len() == 1 => out[item.offset] = b.data.borrow()[0],
                _ => return Err(struct_error(vm, "char format requires a bytes object of length 1")),
            },
            b'?' => out[item.offset] = vm.truthy(v)? as u8,
            b'e' | b'f' | b'd' => {
                let x = float_value(vm, v)?;
                pack_float(vm, item, layout.mode, x, out)?;
            }
            _ => {
                let n = int_value(vm, v)?;
                pack_int(vm, item, layout.mode, &n, out)?;
            }
        }
    }
    Ok(())
}

fn unpack_values(layout: &Layout, data: &[u8]) -> Value {
    let little = layout.mode.little();
    let mut out = Vec::with_capacity(layout.items.len());
    for item in &layout.items {
        let raw = &data[item.offset..item.offset + item.size];
        let v = match item.code {
            b's' => new_bytes(raw.to_vec()),
            b'p' => {
                let n = raw.first().map_or(0, |&n| (n as usize).min(item.len.saturating_sub(1)));
                new_bytes(raw[1.min(raw.len())..1.min(raw.len()) + n].to_vec())
            }
            b'c' => new_bytes(raw.to_vec()),
            b'?' => Value::Bool(raw[0] != 0),
            code => {
                let mut buf = [0u8; 16];
                for k in 0..item.size {
                    buf[k] = if little { raw[k] } else { raw[item.size - 1 - k] };
                }
                match code {
                    b'd' => Value::Float(f64::from_le_bytes(buf[..8].try_into().unwrap_or([0; 8]))),
                    b'f' => Value::Float(f32::from_le_bytes(buf[..4].try_into().unwrap_or([0; 4])) as f64),
                    b'e' => Value::Float(half_to_f64(u16::from_le_bytes([buf[0], buf[1]]))),
                    _ => {
                        let u = u128::from_le_bytes(buf);
                        let signed = matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
                        let bits = item.size * 8;
                        if signed && u >> (bits - 1) & 1 == 1 {
                            let v = (u as i128) - (1i128 << bits);
                            Value::Int(v as i64)
                        } else if u <= i64::MAX as u128 {
                            Value::Int(u as i64)
                        } else {
                            Value::from_bigint(BigInt::from(u))
                        }
                    }
                }
            }
        };
        out.push(v);
    }
    Value::Tuple(Rc::new(out))
}

// ---- the functions and the Struct class ----

pub fn init(vm: &mut Vm, dict: &Rc<DictObject>) {
    let result = crate::builtins::compile_builtin_module(vm, PYTHON_PART, "<frozen _struct>")
        .and_then(|code| vm.run_code_in(code, dict.clone(), dict.clone()));
    if let Err(e) = result {
        let exc = vm.materialize(e);
        vm.print_exception(&exc);
    }
    if let Some(Value::Type(err)) = dict.get_str("error") {
        vm.native_classes.insert("struct.error", err);
    }
    let cls = add_class(
        vm,
        dict,
        "_struct",
        "Struct",
        Some(struct_new),
        &[
            ("__init__", |_, _, _| Ok(Value::None)),
            ("pack", |vm, a, k| {
                let l = layout_of(a, "pack")?;
                pack(vm, &l, &a[1..], k)
            }),
            ("pack_into", |vm, a, k| {
                let l = layout_of(a, "pack_into")?;
                pack_into(vm, &l, &a[1..], k)
            }),
            ("unpack", |vm, a, k| {
                let l = layout_of(a, "unpack")?;
                check_arity("unpack", a.len() - 1, 1, 1)?;
                no_kwargs("unpack", k)?;
                unpack(vm, &l, &a[1])
            }),
            ("unpack_from", |vm, a, k| {
                let l = layout_of(a, "unpack_from")?;
                unpack_from(vm, &l, &a[1..], k)
            }),
            ("iter_unpack", |vm, a, k| {
                let l = layout_of(a, "iter_unpack")?;
                check_arity("iter_unpack", a.len() - 1, 1, 1)?;
                no_kwargs("iter_unpack", k)?;
                iter_unpack(vm, &l, &a[1])
            }),
            ("__sizeof__", |_, a, _| {
                let l = layout_of(a, "__sizeof__")?;
                Ok(Value::Int(56 + l.items.len() as i64 * 24))
            }),
        ],
    );
    *cls.module.borrow_mut() = Some(Value::str("_struct"));
    for (name, getter) in [
        ("format", (|_, a, _| Ok(layout_of(a, "format")?.format)) as crate::objects::function::NativeFn),
        ("size", |_, a, _| Ok(Value::Int(layout_of(a, "size")?.size as i64))),
    ] {
        let fget = Value::Builtin(Rc::new(crate::objects::function::BuiltinFunction {
            name,
            func: getter,
            bound_self: None,
            is_method: true,
        }));
        cls.dict.set_str(
            name,
            Value::Property(Rc::new(crate::objects::types::PropertyObject {
                fget,
                fset: Value::None,
                fdel: Value::None,
                doc: Default::default(),
            })),
        );
    }
    super::add_functions(
        dict,
        &[
            ("pack", |vm, a, k| {
                let l = format_arg(vm, a, "pack")?;
                pack(vm, &l, &a[1..], k)
            }),
            ("pack_into", |vm, a, k| {
                let l = format_arg(vm, a, "pack_into")?;
                pack_into(vm, &l, &a[1..], k)
            }),
            ("unpack", |vm, a, k| {
                no_kwargs("unpack", k)?;
                check_arity("unpack", a.len(), 2, 2)?;
                let l = format_arg(vm, a, "unpack")?;
                unpack(vm, &l, &a[1])
            }),
            ("unpack_from", |vm, a, k| {
                let l = format_arg(vm, a, "unpack_from")?;
                unpack_from(vm, &l, &a[1..], k)
            }),
            ("iter_unpack", |vm, a, k| {
                no_kwargs("iter_unpack", k)?;
                check_arity("iter_unpack", a.len(), 2, 2)?;
                let l = format_arg(vm, a, "iter_unpack")?;
                iter_unpack(vm, &l, &a[1])
            }),
            ("calcsize", |vm, a, k| {
                no_kwargs("calcsize", k)?;
                check_arity("calcsize", a.len(), 1, 1)?;
                let l = format_arg(vm, a, "calcsize")?;
                Ok(Value::Int(l.size as i64))
            }),
            ("_clearcache", |_, _, _| Ok(Value::None)),
        ],
    );
}

fn layout_of(args: &[Value], method: &str) -> PyResult<Layout> {
    Ok(state::<Layout>(args, "_struct.Struct", method)?.borrow().clone())
}

fn format_arg(vm: &mut Vm, args: &[Value], fname: &str) -> PyResult<Layout> {
    match args.first() {
        Some(f) => {
            if let Some(l) = super::native_class::state_of::<Layout>(f) {
                return Ok(l.borrow().clone());
            }
            parse(vm, f)
        }
        None => Err(PyErr::type_error(format!("{fname}() missing required argument 'format' (pos 1)"))),
    }
}

fn struct_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    let [format] = crate::objects::args::keywords("Struct", &args[1..], kwargs, ["format"], 1)?;
    let format =
        format.ok_or_else(|| PyErr::type_error("Struct() missing required argument 'format' (pos 1)"))?;
    let layout = parse(vm, &format)?;
    Ok(new_instance(vm, &cls, layout))
}

fn pack(vm: &mut Vm, layout: &Layout, values: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("pack", kwargs)?;
    let mut out = crate::objects::bytes::with_capacity(layout.size)?;
    out.resize(layout.size, 0);
    pack_values(vm, layout, values, &mut out)?;
    Ok(new_bytes(out))
}

fn pack_into(vm: &mut Vm, layout: &Layout, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("pack_into", kwargs)?;
    if args.len() < 2 {
        return Err(if args.is_empty() {
            PyErr::type_error("pack_into expected buffer argument")
        } else {
            PyErr::type_error("pack_into expected offset argument")
        });
    }
    let (buffer, offset, values) = (&args[0], &args[1], &args[2..]);
    if values.len() != layout.nargs {
        return Err(struct_error(
            vm,
            format!("pack_into expected {} items for packing (got {})", layout.nargs, values.len()),
        ));
    }
    let target = match buffer {
        Value::ByteArray(b) => b.clone(),
        Value::Bytes(_) => {
            return Err(PyErr::type_error("argument must be read-write bytes-like object, not bytes"))
        }
        other => {
            return Err(PyErr::type_error(format!(
                "argument must be read-write bytes-like object, not {}",
                other.type_name()
            )))
        }
    };
    let buflen = target.data.borrow().len() as i64;
    let mut offset = crate::objects::args::ssize_arg(vm, offset)?;
    if offset < 0 {
        if offset + (layout.size as i64) > 0 {
            return Err(struct_error(
                vm,
                format!("no space to pack {} bytes at offset {offset}", layout.size),
            ));
        }
        if offset + buflen < 0 {
            return Err(struct_error(vm, format!("offset {offset} out of range for {buflen}-byte buffer")));
        }
        offset += buflen;
    }
    if buflen - offset < layout.size as i64 {
        return Err(struct_error(
            vm,
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {offset} (actual buffer size is {buflen})",
                layout.size as i64 + offset,
                layout.size
            ),
        ));
    }
    let mut out = vec![0u8; layout.size];
    pack_values(vm, layout, values, &mut out)?;
    let mut data = target.data.borrow_mut();
    let start = offset as usize;
    if start + out.len() <= data.len() {
        data[start..start + out.len()].copy_from_slice(&out);
    }
    Ok(Value::None)
}

fn unpack(vm: &mut Vm, layout: &Layout, buffer: &Value) -> PyResult<Value> {
    let data = crate::objects::bytes::buffer_arg(buffer)?;
    if data.len() != layout.size {
        return Err(struct_error(vm, format!("unpack requires a buffer of {} bytes", layout.size)));
    }
    Ok(unpack_values(layout, &data))
}

fn unpack_from(vm: &mut Vm, layout: &Layout, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [buffer, offset] =
        crate::objects::args::keywords("unpack_from", args, kwargs, ["buffer", "offset"], 2)?;
    let buffer = buffer
        .ok_or_else(|| PyErr::type_error("unpack_from() missing required argument 'buffer' (pos 1)"))?;
    let data = crate::objects::bytes::buffer_arg(&buffer)?;
    let buflen = data.len() as i64;
    let mut offset = match offset {
        Some(o) => crate::objects::args::ssize_arg(vm, &o)?,
        None => 0,
    };
    if offset < 0 {
        if offset + buflen < 0 {
            return Err(struct_error(vm, format!("offset {offset} out of range for {buflen}-byte buffer")));
        }
        offset += buflen;
    }
    if buflen - offset < layout.size as i64 {
        return Err(struct_error(
            vm,
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {offset} (actual buffer size is {buflen})",
                layout.size as i64 + offset,
                layout.size
            ),
        ));
    }
    let start = offset as usize;
    Ok(unpack_values(layout, &data[start..start + layout.size]))
}

fn iter_unpack(vm: &mut Vm, layout: &Layout, buffer: &Value) -> PyResult<Value> {
    let data = crate::objects::bytes::buffer_arg(buffer)?;
    if layout.size == 0 {
        return Err(struct_error(vm, "cannot iteratively unpack with a struct of length 0"));
    }
    if data.len() % layout.size != 0 {
        return Err(struct_error(
            vm,
            format!("iterative unpacking requires a buffer of a multiple of {} bytes", layout.size),
        ));
    }
    let items: Vec<Value> = data.chunks(layout.size).map(|c| unpack_values(layout, c)).collect();
    let list = vm.new_list(items);
    vm.get_iter(&list)
}
