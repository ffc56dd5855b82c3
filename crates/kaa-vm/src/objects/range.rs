//! `range`: its methods (the object itself is `Value::Range(start, stop, step)`).

use crate::builtins::Kwargs;
use crate::exceptions::{PyErr, PyResult};
use crate::interp::{range_len, Vm};
use crate::objects::args::{descriptor_error, one_arg};
use crate::objects::function::NativeFn;
use crate::objects::tuple::item_equals;
use crate::value::Value;

/// The methods of `range`, sorted by name; each receives the range as `args[0]`.
pub static METHODS: &[(&str, NativeFn)] = &[("count", range_count), ("index", range_index)];

fn this(args: &[Value], name: &str) -> PyResult<(i64, i64, i64)> {
    match args.first() {
        Some(Value::Range(r)) => Ok(**r),
        _ => Err(descriptor_error("range", name, args)),
    }
}

/// The position of int `i` in the range, if it is there.
fn position(r: (i64, i64, i64), i: i64) -> Option<i64> {
    let (start, stop, step) = r;
    let inside = if step > 0 { start <= i && i < stop } else { stop < i && i <= start };
    let offset = (i as i128) - (start as i128);
    (inside && offset % step as i128 == 0).then(|| (offset / step as i128) as i64)
}

/// Ints are found arithmetically; anything else is compared with each item.
fn search(vm: &mut Vm, r: (i64, i64, i64), value: &Value) -> PyResult<Vec<i64>> {
    match value {
        Value::Int(i) => Ok(position(r, *i).into_iter().collect()),
        Value::Bool(b) => Ok(position(r, *b as i64).into_iter().collect()),
        Value::BigInt(_) => Ok(Vec::new()),
        _ => {
            let mut found = Vec::new();
            for k in 0..range_len(r.0, r.1, r.2) {
                if item_equals(vm, &Value::Int(r.0 + k * r.2), value)? {
                    found.push(k);
                }
            }
            Ok(found)
        }
    }
}

fn range_count(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let r = this(args, "count")?;
    let value = one_arg("range", "count", args, kwargs)?;
    Ok(Value::Int(search(vm, r, value)?.len() as i64))
}

fn range_index(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let r = this(args, "index")?;
    let value = one_arg("range", "index", args, kwargs)?;
    match search(vm, r, value)?.first() {
        Some(&k) => Ok(Value::Int(k)),
        None if matches!(value, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
            Err(PyErr::value_error(format!("{} is not in range", vm.repr(value)?)))
        }
        None => Err(PyErr::value_error("sequence.index(x): x not in sequence")),
    }
}
