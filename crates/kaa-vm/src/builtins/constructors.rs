//! Calling the built-in types: `int(...)`, `float(...)`, `str(...)`, `bool`, `list`, `tuple`,
//! `dict`, `set`, `frozenset`, `range`, `property`, `classmethod`, `staticmethod`, `super`.

use super::{arity, no_kwargs, Kwargs};
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::{index_value, keywords};
use crate::objects::dict::DictObject;
use crate::value::Value;
use num_bigint::BigInt;
use std::rc::Rc;

// ---- int ----

/// `int([x])` / `int(x, base=10)`.
pub fn builtin_int(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [x, base] = keywords("int", args, kwargs, ["", "base"], 2)?;
    if let Some(base) = base {
        let Some(x) = x else { return Err(PyErr::type_error("int() missing string argument")) };
        let base = match index_value(vm, &base)? {
            Value::Int(b) if b == 0 || (2..=36).contains(&b) => b as u32,
            _ => return Err(PyErr::value_error("int() base must be >= 2 and <= 36, or 0")),
        };
        return match &x {
            Value::Str(s) => parse_int_literal(s, base),
            Value::Bytes(_) | Value::ByteArray(_) => parse_int_bytes(&x, base),
            _ => Err(PyErr::type_error("int() can't convert non-string with explicit base")),
        };
    }
    let Some(x) = x else { return Ok(Value::Int(0)) };
    int_of(vm, &x)
}

/// `int(x)` for one argument.
pub fn int_of(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => super::numeric::float_to_int(f.trunc()),
        Value::Str(s) => parse_int_literal(s, 10),
        Value::Bytes(_) | Value::ByteArray(_) => parse_int_bytes(x, 10),
        Value::Instance(_) => {
            for name in ["__int__", "__index__"] {
                if let Some(r) = vm.call_dunder(x, name, &[])? {
                    return match r {
                        Value::Int(_) | Value::BigInt(_) => Ok(r),
                        Value::Bool(b) => Ok(Value::Int(b as i64)),
                        other => Err(PyErr::type_error(format!(
                            "{name} returned non-int (type {})",
                            other.type_name()
                        ))),
                    };
                }
            }
            if let Some(r) = vm.call_dunder(x, "__trunc__", &[])? {
                return match r {
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => Ok(super::as_int(&r)),
                    other => match index_value(vm, &other) {
                        Ok(v) => Ok(v),
                        Err(_) => Err(PyErr::type_error(format!(
                            "__trunc__ returned non-Integral (type {})",
                            other.type_name()
                        ))),
                    },
                };
            }
            Err(not_a_number_for_int(x))
        }
        _ => Err(not_a_number_for_int(x)),
    }
}

#[cold]
fn not_a_number_for_int(x: &Value) -> PyErr {
    PyErr::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        x.type_name()
    ))
}

/// Python's whitespace for `int()`/`float()` strings (str.strip()'s set).
fn is_space(c: char) -> bool {
    crate::objects::str_unicode::is_space(c)
}

/// `int(b'...', base)`: the bytes read as ASCII text; errors show the bytes' repr.
fn parse_int_bytes(x: &Value, base: u32) -> PyResult<Value> {
    let data = crate::objects::bytes::buffer(x).map(|b| b.into_vec()).unwrap_or_default();
    let text: String = data.iter().map(|&b| if b.is_ascii() { b as char } else { '\u{FFFD}' }).collect();
    parse_int_literal(&text, base).map_err(|_| {
        // CPython shows the digits as bytes even for a bytearray argument.
        let mut r = crate::objects::bytes::repr(&data);
        if r.chars().count() > 200 {
            r = r.chars().take(200).collect();
        }
        PyErr::value_error(format!("invalid literal for int() with base {base}: {r}"))
    })
}

/// Parses an int literal as `int(s, base)` does: surrounding whitespace, a sign, a base prefix
/// (required for base 0, optional for a matching base), underscores between digits.
pub fn parse_int_literal(s: &str, base: u32) -> PyResult<Value> {
    let invalid = || {
        let mut r = crate::objects::str::repr(s);
        if r.chars().count() > 200 {
            r = r.chars().take(200).collect();
        }
        PyErr::value_error(format!("invalid literal for int() with base {base}: {r}"))
    };
    let t = s.trim_matches(is_space);
    let (neg, rest) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = rest.get(..2).map(|p| p.to_ascii_lowercase());
    let prefix_base = match lower.as_deref() {
        Some("0x") => Some(16),
        Some("0o") => Some(8),
        Some("0b") => Some(2),
        _ => None,
    };
    let (radix, mut digits, prefixed) = match (base, prefix_base) {
        (0, Some(b)) => (b, &rest[2..], true),
        (0, None) => (10, rest, false),
        (b, Some(p)) if b == p => (b, &rest[2..], true),
        (b, _) => (b, rest, false),
    };
    // After a prefix, one underscore may come before the first digit.
    if prefixed && digits.starts_with('_') {
        digits = &digits[1..];
    }
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return Err(invalid());
    }
    let mut clean = String::with_capacity(digits.len());
    for c in digits.chars() {
        if c == '_' {
            continue;
        }
        let d = match c.to_digit(36) {
            Some(d) => d,
            // Other scripts' decimal digits count as their values.
            None => match crate::objects::str_unicode::to_decimal(c) {
                Some(d) => d,
                None => return Err(invalid()),
            },
        };
        if d >= radix {
            return Err(invalid());
        }
        clean.push(char::from_digit(d, 36).unwrap_or('0'));
    }
    // Base 0 without a prefix is decimal, where leading zeros are only allowed for zero itself.
    if base == 0 && !prefixed && clean.len() > 1 && clean.starts_with('0') && clean.bytes().any(|b| b != b'0')
    {
        return Err(invalid());
    }
    if !radix.is_power_of_two() {
        super::int_limit::check_parse(clean.len())?;
    }
    let b = BigInt::parse_bytes(clean.as_bytes(), radix).ok_or_else(invalid)?;
    Ok(Value::from_bigint(if neg { -b } else { b }))
}

// ---- float ----

/// `float(x=0.0)`.
pub fn builtin_float(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("float", kwargs)?;
    arity("float", args, 0, 1)?;
    let Some(x) = args.first() else { return Ok(Value::Float(0.0)) };
    match x {
        Value::Float(_) => Ok(x.clone()),
        Value::Str(s) => parse_float(s).map(Value::Float).ok_or_else(|| {
            PyErr::value_error(format!("could not convert string to float: {}", crate::objects::str::repr(s)))
        }),
        Value::Bytes(_) | Value::ByteArray(_) => {
            let data = crate::objects::bytes::buffer(x).map(|b| b.into_vec()).unwrap_or_default();
            let text: String =
                data.iter().map(|&b| if b.is_ascii() { b as char } else { '\u{FFFD}' }).collect();
            parse_float(&text).map(Value::Float).ok_or_else(|| {
                let r = match x {
                    Value::ByteArray(_) => crate::objects::bytes::bytearray_repr(&data),
                    _ => crate::objects::bytes::repr(&data),
                };
                PyErr::value_error(format!("could not convert string to float: {r}"))
            })
        }
        Value::Instance(_) => {
            if let Some(r) = vm.call_dunder(x, "__float__", &[])? {
                return match r {
                    Value::Float(_) => Ok(r),
                    other => Err(PyErr::type_error(format!(
                        "{}.__float__ returned non-float (type {})",
                        x.type_name(),
                        other.type_name()
                    ))),
                };
            }
            if vm.type_of(x).lookup("__index__").is_some() {
                let i = index_value(vm, x)?;
                return crate::objects::float::as_f64(&i).unwrap_or(Ok(0.0)).map(Value::Float);
            }
            Err(not_a_number_for_float(x))
        }
        _ => match crate::objects::float::as_f64(x) {
            Some(f) => Ok(Value::Float(f?)),
            None => Err(not_a_number_for_float(x)),
        },
    }
}

#[cold]
fn not_a_number_for_float(x: &Value) -> PyErr {
    PyErr::type_error(format!("float() argument must be a string or a real number, not '{}'", x.type_name()))
}

/// `float(s)`: whitespace around, `inf`/`infinity`/`nan` in any case, underscores only between
/// digits.
pub fn parse_float(s: &str) -> Option<f64> {
    // Other scripts' decimal digits count as ASCII ones.
    let ascii: String;
    let s = if s.is_ascii() {
        s
    } else {
        ascii = s
            .chars()
            .map(|c| match crate::objects::str_unicode::to_decimal(c) {
                Some(d) if !c.is_ascii() => char::from_digit(d, 10).unwrap_or(c),
                _ => c,
            })
            .collect();
        &ascii
    };
    let t = s.trim_matches(is_space);
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let v = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            let bytes = body.as_bytes();
            for (i, &b) in bytes.iter().enumerate() {
                let ok = match b {
                    b'0'..=b'9' | b'.' | b'e' | b'E' => true,
                    b'+' | b'-' => i > 0 && matches!(bytes[i - 1], b'e' | b'E'),
                    b'_' => {
                        i > 0
                            && bytes[i - 1].is_ascii_digit()
                            && bytes.get(i + 1).is_some_and(|n| n.is_ascii_digit())
                    }
                    _ => false,
                };
                if !ok {
                    return None;
                }
            }
            if !bytes.iter().any(|b| b.is_ascii_digit()) {
                return None;
            }
            body.replace('_', "").parse::<f64>().ok()?
        }
    };
    Some(if neg { -v } else { v })
}

// ---- str, bool, list, tuple, dict, set, range ----

/// `str(object='')` / `str(object, encoding, errors)`.
pub fn builtin_str(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [object, encoding, errors] = keywords("str", args, kwargs, ["object", "encoding", "errors"], 3)?;
    if encoding.is_some() || errors.is_some() {
        let encoding = crate::objects::bytes_methods::str_param("str", "encoding", encoding)?;
        let errors = crate::objects::bytes_methods::str_param("str", "errors", errors)?;
        let data = match &object {
            Some(Value::Str(_)) => return Err(PyErr::type_error("decoding str is not supported")),
            Some(other) => crate::objects::bytes::buffer(other).ok_or_else(|| {
                PyErr::type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    other.type_name()
                ))
            })?,
            None => return Ok(Value::str("")),
        };
        let encoding = encoding.as_deref().unwrap_or("utf-8");
        let errors = errors.as_deref().unwrap_or("strict");
        if !crate::objects::codecs::is_native(encoding) || !crate::objects::codecs::is_native_handler(errors)
        {
            let data = crate::objects::bytes::new_bytes(data.to_vec());
            return crate::modules::codecs::decode_text(vm, &data, encoding, errors);
        }
        let text = crate::objects::codecs::decode(&data, encoding, errors)?;
        return Ok(Value::str(&text));
    }
    match object {
        None => Ok(Value::str("")),
        Some(v @ Value::Str(_)) => Ok(v),
        Some(v) => Ok(Value::str(&vm.str(&v)?)),
    }
}

pub fn builtin_bool(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("bool", kwargs)?;
    arity("bool", args, 0, 1)?;
    match args.first() {
        None => Ok(Value::Bool(false)),
        Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
    }
}

pub fn builtin_list(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("list", kwargs)?;
    arity("list", args, 0, 1)?;
    let items = match args.first() {
        Some(v) => vm.collect_iterable(v)?,
        None => Vec::new(),
    };
    Ok(vm.new_list(items))
}

pub fn builtin_tuple(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("tuple", kwargs)?;
    arity("tuple", args, 0, 1)?;
    match args.first() {
        Some(t @ Value::Tuple(_)) => Ok(t.clone()),
        Some(v) => Ok(Value::Tuple(Rc::new(vm.collect_iterable(v)?))),
        None => Ok(Value::Tuple(Rc::new(Vec::new()))),
    }
}

/// `dict(**kwargs)` / `dict(mapping, **kwargs)` / `dict(iterable, **kwargs)`.
pub fn builtin_dict(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    arity("dict", args, 0, 1)?;
    let d = DictObject::new();
    if let Some(src) = args.first() {
        crate::objects::dict::update_from(vm, &d, src)?;
    }
    for (k, v) in kwargs {
        d.set(Value::Str(k.clone()), v.clone())?;
    }
    Ok(vm.new_dict(d))
}

pub fn make_set(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, frozen: bool) -> PyResult<Value> {
    let name = if frozen { "frozenset" } else { "set" };
    no_kwargs(name, kwargs)?;
    arity(name, args, 0, 1)?;
    if let (true, Some(v @ Value::Set(s))) = (frozen, args.first()) {
        if s.frozen {
            return Ok(v.clone());
        }
    }
    let set = crate::objects::set::SetObject::new(frozen);
    if let Some(src) = args.first() {
        if let Value::Set(other) = src {
            set.table.borrow_mut().merge(&other.table.borrow());
        } else {
            let it = vm.get_iter(src)?;
            while let Some(item) = vm.next_of(&it)? {
                crate::objects::key_lookup::set_add(vm, &set, item)?;
            }
        }
    }
    let set = Value::Set(Rc::new(set));
    if !frozen {
        vm.gc_track(&set);
    }
    Ok(set)
}

/// `range(stop)` / `range(start, stop[, step])`.
pub fn builtin_range(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("range", kwargs)?;
    arity("range", args, 1, 3)?;
    let mut ends = [0i64; 3];
    let mut indexes = Vec::with_capacity(args.len());
    for a in args {
        indexes.push(index_value(vm, a)?);
    }
    if indexes.iter().any(|v| matches!(v, Value::BigInt(_))) {
        return long_range(&indexes);
    }
    for (slot, a) in ends.iter_mut().zip(&indexes) {
        if let Value::Int(i) = a {
            *slot = *i;
        }
    }
    let (start, stop, step) = match args.len() {
        1 => (0, ends[0], 1),
        2 => (ends[0], ends[1], 1),
        _ => (ends[0], ends[1], ends[2]),
    };
    if step == 0 {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new((start, stop, step))))
}

/// A range with a bound beyond 64 bits (rare: kept out of `Value::Range`).
#[cold]
fn long_range(ends: &[Value]) -> PyResult<Value> {
    use crate::objects::long_range::{to_bigint, LongRange};
    use num_bigint::BigInt;
    let big: Vec<BigInt> = ends.iter().map(|v| to_bigint(v).unwrap_or_default()).collect();
    let (start, stop, step) = match big.as_slice() {
        [stop] => (BigInt::from(0), stop.clone(), BigInt::from(1)),
        [start, stop] => (start.clone(), stop.clone(), BigInt::from(1)),
        [start, stop, step, ..] => (start.clone(), stop.clone(), step.clone()),
        [] => return Err(PyErr::type_error("range expected at least 1 argument, got 0")),
    };
    if step == BigInt::from(0) {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    let r = crate::objects::native::NativeObject::LongRange(LongRange { start, stop, step });
    Ok(Value::Native(Rc::new(r)))
}

// ---- property, classmethod, staticmethod, super ----

/// `property(fget=None, fset=None, fdel=None, doc=None)`.
pub fn builtin_property(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [fget, fset, fdel, doc] = keywords("property", args, kwargs, ["fget", "fset", "fdel", "doc"], 4)?;
    let get = |v: Option<Value>| v.unwrap_or(Value::None);
    Ok(Value::Property(Rc::new(crate::objects::types::PropertyObject {
        fget: get(fget),
        fset: get(fset),
        fdel: get(fdel),
        doc: std::cell::RefCell::new(doc.filter(|d| !matches!(d, Value::None))),
    })))
}

fn one_function(name: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs(name, kwargs)?;
    if args.len() != 1 {
        return Err(PyErr::type_error(format!("{name} expected 1 argument, got {}", args.len())));
    }
    Ok(args[0].clone())
}

pub fn builtin_classmethod(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    Ok(Value::ClassMethod(Rc::new(one_function("classmethod", args, kwargs)?)))
}

pub fn builtin_staticmethod(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    Ok(Value::StaticMethod(Rc::new(one_function("staticmethod", args, kwargs)?)))
}

/// `super()` / `super(type)` / `super(type, obj)`.
pub fn builtin_super(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("super", kwargs)?;
    if args.len() > 2 {
        return Err(PyErr::type_error(format!("super() expected at most 2 arguments, got {}", args.len())));
    }
    match args {
        [] => vm.zero_arg_super(),
        [Value::Type(t), obj] => vm.make_super(t.clone(), obj.clone()),
        [Value::Type(_)] => {
            Err(PyErr::new(ExcKind::NotImplementedError, "Kaa has no unbound super objects yet"))
        }
        [other, ..] => {
            Err(PyErr::type_error(format!("super() argument 1 must be a type, not {}", other.type_name())))
        }
    }
}
