//! The methods of `slice` objects (their attributes are read in `attributes.rs`).

use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::function::NativeFn;
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::{Signed, Zero};
use std::rc::Rc;

/// `slice.indices(length)`: start, stop and step adjusted to a sequence of `length` items,
/// computed on unbounded ints as CPython's `_PySlice_GetLongIndices` does.
fn indices(vm: &mut Vm, args: &[Value], kwargs: &crate::builtins::Kwargs) -> PyResult<Value> {
    let Some(Value::Slice(s)) = args.first() else {
        return Err(crate::objects::args::descriptor_error("slice", "indices", args));
    };
    let s = s.clone();
    let length = crate::objects::args::one_arg("slice", "indices", args, kwargs)?.clone();
    let as_int = |vm: &mut Vm, v: &Value| -> PyResult<BigInt> {
        let n = crate::objects::args::index_value(vm, v).map_err(|_| {
            PyErr::type_error("slice indices must be integers or None or have an __index__ method")
        })?;
        Ok(crate::objects::int::to_bigint(&n).unwrap_or_default())
    };
    let length =
        crate::objects::int::to_bigint(&crate::objects::args::index_value(vm, &length)?).unwrap_or_default();
    if length.is_negative() {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let step = match &s.2 {
        Value::None => BigInt::from(1),
        v => as_int(vm, v)?,
    };
    if step.is_zero() {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let backwards = step.is_negative();
    let (lower, upper) =
        if backwards { (BigInt::from(-1), &length - 1) } else { (BigInt::zero(), length.clone()) };
    let adjust = |vm: &mut Vm, v: &Value, default: &BigInt| -> PyResult<BigInt> {
        if matches!(v, Value::None) {
            return Ok(default.clone());
        }
        let mut i = as_int(vm, v)?;
        if i.is_negative() {
            i += &length;
            if i < lower {
                i = lower.clone();
            }
        } else if i > upper {
            i = upper.clone();
        }
        Ok(i)
    };
    let start = adjust(vm, &s.0, if backwards { &upper } else { &lower })?;
    let stop = adjust(vm, &s.1, if backwards { &lower } else { &upper })?;
    Ok(Value::Tuple(Rc::new(vec![
        Value::from_bigint(start),
        Value::from_bigint(stop),
        Value::from_bigint(step),
    ])))
}

pub static METHODS: &[(&str, NativeFn)] = &[("indices", indices)];
