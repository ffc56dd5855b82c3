//! `int.to_bytes` and `int.from_bytes`: two's-complement conversion between ints and bytes.

use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::value::Value;
use num_bigint::{BigInt, Sign};
use num_traits::Signed;

/// `byteorder`: true for big-endian.
fn byteorder(v: Option<Value>, fname: &str) -> PyResult<bool> {
    match v {
        None => Ok(true),
        Some(Value::Str(s)) => match s.as_str() {
            "big" => Ok(true),
            "little" => Ok(false),
            _ => Err(PyErr::value_error("byteorder must be either 'little' or 'big'")),
        },
        Some(other) => Err(PyErr::type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            other.type_name()
        ))),
    }
}

/// The `signed` keyword (any truth value).
fn signed_flag(vm: &mut Vm, v: Option<Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(v) => vm.truthy(&v),
    }
}

#[cold]
fn too_many_positional(fname: &str, n: usize) -> PyErr {
    PyErr::type_error(format!("{fname}() takes at most 2 positional arguments ({n} given)"))
}

/// Splits keyword-only `signed` from the other arguments.
fn take_signed(kwargs: &Kwargs) -> (Option<Value>, Vec<(crate::objects::str::Name, Value)>) {
    let mut signed = None;
    let mut rest = Vec::new();
    for (k, v) in kwargs {
        if k.as_str() == "signed" {
            signed = Some(v.clone());
        } else {
            rest.push((k.clone(), v.clone()));
        }
    }
    (signed, rest)
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
pub fn int_to_bytes(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let n = match args.first() {
        Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => {
            crate::objects::int::to_bigint(v).unwrap_or_default()
        }
        _ => return Err(crate::objects::args::descriptor_error("int", "to_bytes", args)),
    };
    if args.len() > 3 {
        return Err(too_many_positional("to_bytes", args.len() - 1));
    }
    let (signed, rest) = take_signed(kwargs);
    let [length, order] =
        crate::objects::args::keywords("to_bytes", &args[1..], &rest, ["length", "byteorder"], 2)?;
    let length = match length {
        Some(v) => crate::objects::args::ssize_arg(vm, &v)?,
        None => 1,
    };
    if length < 0 {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let big = byteorder(order, "to_bytes")?;
    let signed = signed_flag(vm, signed)?;
    if !signed && n.is_negative() {
        return Err(PyErr::new(ExcKind::OverflowError, "can't convert negative int to unsigned"));
    }
    let mut le = n.to_signed_bytes_le();
    if !signed {
        // Unsigned: drop the sign byte two's complement may have added.
        while le.len() > 1 && le.last() == Some(&0) {
            le.pop();
        }
    }
    let fits = if n == BigInt::from(0) { true } else { le.len() as i64 <= length };
    if !fits {
        return Err(PyErr::new(ExcKind::OverflowError, "int too big to convert"));
    }
    let fill = if n.is_negative() { 0xFF } else { 0 };
    let mut out = crate::objects::bytes::with_capacity(length as usize)?;
    out.extend(le.iter().take(length as usize));
    out.resize(length as usize, fill);
    if big {
        out.reverse();
    }
    Ok(crate::objects::bytes::new_bytes(out))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`.
pub fn int_from_bytes(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    // args[0] is the class (or an int, reached through an instance).
    if args.len() > 3 {
        return Err(too_many_positional("from_bytes", args.len() - 1));
    }
    let (signed, rest) = take_signed(kwargs);
    let [data, order] =
        crate::objects::args::keywords("from_bytes", &args[1..], &rest, ["bytes", "byteorder"], 2)?;
    let Some(data) = data else {
        return Err(PyErr::type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let big = byteorder(order, "from_bytes")?;
    let signed = signed_flag(vm, signed)?;
    let mut bytes = match crate::objects::bytes::buffer(&data) {
        Some(b) => b.into_vec(),
        None => match &data {
            Value::Str(_) => return Err(PyErr::type_error("cannot convert 'str' object to bytes")),
            _ => crate::objects::bytes_methods::bytes_from_object(vm, &data, "bytes")?,
        },
    };
    if big {
        bytes.reverse();
    }
    let n =
        if signed { BigInt::from_signed_bytes_le(&bytes) } else { BigInt::from_bytes_le(Sign::Plus, &bytes) };
    Ok(Value::from_bigint(n))
}
