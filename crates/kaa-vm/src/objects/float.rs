//! `float`: arithmetic with Python's semantics (floor division and modulo round toward -inf).

use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::value::Value;
use kaa_bytecode::opcode::BinaryOpKind;
use num_traits::ToPrimitive;

/// The value as a float, for `int`, `bool` and `float` operands.
pub fn as_f64(v: &Value) -> Option<PyResult<f64>> {
    match v {
        Value::Float(f) => Some(Ok(*f)),
        Value::Int(i) => Some(Ok(*i as f64)),
        Value::Bool(b) => Some(Ok(*b as i64 as f64)),
        Value::BigInt(b) => Some(
            b.to_f64()
                .filter(|f| f.is_finite())
                .ok_or_else(|| PyErr::new(ExcKind::OverflowError, "int too large to convert to float")),
        ),
        _ => None,
    }
}

fn float_mod(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 && ((y < 0.0) != (m < 0.0)) {
        m + y
    } else if m == 0.0 {
        0.0f64.copysign(y)
    } else {
        m
    }
}

/// Python's float floor division: exact quotient of (a - a mod b) / b, snapped to an integer.
fn floor_div(a: f64, b: f64) -> f64 {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        m += b;
        div -= 1.0;
    }
    let _ = m;
    if div != 0.0 {
        let fl = div.floor();
        if div - fl > 0.5 {
            fl + 1.0
        } else {
            fl
        }
    } else {
        0.0f64.copysign(a / b)
    }
}

/// `a <op> b` where at least one side is a float and both are numbers.
pub fn float_binary(op: BinaryOpKind, a: f64, b: f64) -> PyResult<Option<Value>> {
    use BinaryOpKind::*;
    let zero = |m: &str| Err(PyErr::new(ExcKind::ZeroDivisionError, m.to_string()));
    Ok(Some(Value::Float(match op {
        Add => a + b,
        Subtract => a - b,
        Multiply => a * b,
        TrueDivide => {
            if b == 0.0 {
                return zero("float division by zero");
            }
            a / b
        }
        FloorDivide => {
            if b == 0.0 {
                return zero("float floor division by zero");
            }
            floor_div(a, b)
        }
        Remainder => {
            if b == 0.0 {
                return zero("float modulo");
            }
            float_mod(a, b)
        }
        Power => {
            if a == 0.0 && b < 0.0 {
                return zero("0.0 cannot be raised to a negative power");
            }
            if a < 0.0 && b.fract() != 0.0 {
                return Err(PyErr::value_error("complex results are not supported yet"));
            }
            a.powf(b)
        }
        _ => return Ok(None),
    })))
}
