//! `math`: the float functions of C's libm (through Rust's f64), with CPython's errors.

use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::float::as_f64;
use crate::objects::function::NativeFn;
use crate::objects::int::to_bigint;
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

fn float_arg(args: &[Value], i: usize, fname: &str) -> PyResult<f64> {
    match args.get(i) {
        Some(v) => match as_f64(v) {
            Some(r) => r,
            None => Err(PyErr::type_error(format!("must be real number, not {}", v.type_name()))),
        },
        None => Err(PyErr::type_error(format!(
            "math.{fname}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

fn int_arg(args: &[Value], i: usize) -> PyResult<BigInt> {
    match args.get(i) {
        Some(v) => to_bigint(v).ok_or_else(|| {
            PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name()))
        }),
        None => Err(PyErr::type_error("missing argument")),
    }
}

#[cold]
fn domain_error() -> PyErr {
    PyErr::value_error("math domain error")
}

/// Applies `f`; NaN out of a non-NaN input is a domain error, infinity out of finite input a range error.
fn unary(args: &[Value], name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let x = float_arg(args, 0, name)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(PyErr::new(ExcKind::OverflowError, "math range error"));
    }
    Ok(Value::Float(r))
}

/// floor/ceil/trunc return ints.
fn to_int(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(PyErr::new(ExcKind::OverflowError, "cannot convert float infinity to integer"));
    }
    if x.abs() < 9.0e18 {
        return Ok(Value::Int(x as i64));
    }
    Ok(Value::from_bigint(num_bigint::BigInt::from(x as i128)))
}

/// `floor`/`ceil`/`trunc`: ints as they are, `__floor__`/`__ceil__`/`__trunc__` when the
/// class has it, otherwise the float's (trunc requires the method, as in CPython).
fn rounding(vm: &mut Vm, args: &[Value], name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(PyErr::type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    match &args[0] {
        Value::Int(_) | Value::BigInt(_) => return Ok(args[0].clone()),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        Value::Float(x) => return to_int(f(*x)),
        Value::Instance(_) => {
            if let Some(r) = vm.call_dunder(&args[0], &format!("__{name}__"), &[])? {
                return Ok(r);
            }
            if name == "trunc" {
                return Err(PyErr::type_error(format!(
                    "type {} doesn't define __trunc__ method",
                    args[0].type_name()
                )));
            }
            if let Some(Value::Float(x)) = vm.call_dunder(&args[0], "__float__", &[])? {
                return to_int(f(x));
            }
        }
        _ => {}
    }
    to_int(f(float_arg(args, 0, name)?))
}

fn log(args: &[Value]) -> PyResult<Value> {
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error("math.log requires 1 to 2 arguments"));
    }
    let ln = |v: &Value| -> PyResult<f64> {
        // Big ints take logs exactly enough through their bit length.
        if let Value::BigInt(b) = v {
            if b.is_positive() {
                let bits = b.bits() as i64;
                let shift = (bits - 60).max(0);
                let top = (&**b >> shift as usize).to_f64().unwrap_or(f64::INFINITY);
                return Ok(top.ln() + shift as f64 * std::f64::consts::LN_2);
            }
        }
        let x = float_arg(std::slice::from_ref(v), 0, "log")?;
        if x <= 0.0 {
            return Err(domain_error());
        }
        Ok(x.ln())
    };
    let x = args.first().ok_or_else(|| PyErr::type_error("log expected at least 1 argument, got 0"))?;
    let num = ln(x)?;
    match args.get(1) {
        None => Ok(Value::Float(num)),
        Some(b) => {
            let den = ln(b)?;
            if den == 0.0 {
                return Err(PyErr::new(ExcKind::ZeroDivisionError, "float division by zero"));
            }
            Ok(Value::Float(num / den))
        }
    }
}

fn gcd(args: &[Value]) -> PyResult<Value> {
    let mut g = BigInt::zero();
    for i in 0..args.len() {
        let x = int_arg(args, i)?;
        g = num_integer::Integer::gcd(&g, &x);
    }
    Ok(Value::from_bigint(g))
}

fn factorial(args: &[Value]) -> PyResult<Value> {
    if let Some(Value::Float(_)) = args.first() {
        return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = int_arg(args, 0)?;
    if n.is_negative() {
        return Err(PyErr::value_error("factorial() not defined for negative values"));
    }
    let n = n.to_u64().ok_or_else(|| {
        PyErr::new(ExcKind::OverflowError, "factorial() argument should not exceed 9223372036854775807")
    })?;
    let mut acc = BigInt::one();
    for k in 2..=n {
        acc *= k;
    }
    Ok(Value::from_bigint(acc))
}

fn isqrt(args: &[Value]) -> PyResult<Value> {
    let n = int_arg(args, 0)?;
    if n.is_negative() {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn comb_perm(args: &[Value], comb: bool) -> PyResult<Value> {
    let n = int_arg(args, 0)?;
    let k = match args.get(1) {
        Some(_) => int_arg(args, 1)?,
        None if !comb => n.clone(),
        None => return Err(PyErr::type_error("comb expected 2 arguments, got 1")),
    };
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.to_u64().unwrap_or(0);
    let mut acc = BigInt::one();
    for i in 0..k {
        acc *= &n - BigInt::from(i);
        if comb {
            acc /= BigInt::from(i + 1);
        }
    }
    Ok(Value::from_bigint(acc))
}

fn fsum(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let items = vm.collect_iterable(args.first().unwrap_or(&Value::None))?;
    // Neumaier compensated summation: exact enough for the common cases CPython's fsum covers.
    let (mut sum, mut comp) = (0.0f64, 0.0f64);
    for v in &items {
        let x = float_arg(std::slice::from_ref(v), 0, "fsum")?;
        let t = sum + x;
        comp += if sum.abs() >= x.abs() { (sum - t) + x } else { (x - t) + sum };
        sum = t;
    }
    Ok(Value::Float(sum + comp))
}

fn prod(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let items = vm.collect_iterable(args.first().unwrap_or(&Value::None))?;
    let mut acc =
        kwargs.iter().find(|(k, _)| k.as_str() == "start").map(|(_, v)| v.clone()).unwrap_or(Value::Int(1));
    for v in items {
        acc = vm.binary_value_op(kaa_bytecode::opcode::BinaryOpKind::Multiply, &acc, &v)?;
    }
    Ok(acc)
}

pub fn init(dict: &DictObject) {
    dict.set_str("pi", Value::Float(std::f64::consts::PI));
    dict.set_str("e", Value::Float(std::f64::consts::E));
    dict.set_str("tau", Value::Float(std::f64::consts::TAU));
    dict.set_str("inf", Value::Float(f64::INFINITY));
    dict.set_str("nan", Value::Float(f64::NAN));
    let table: &[(&'static str, NativeFn)] = &[
        ("sqrt", |_, a, _| unary(a, "sqrt", f64::sqrt)),
        ("exp", |_, a, _| unary(a, "exp", f64::exp)),
        ("sin", |_, a, _| unary(a, "sin", f64::sin)),
        ("cos", |_, a, _| unary(a, "cos", f64::cos)),
        ("tan", |_, a, _| unary(a, "tan", f64::tan)),
        ("asin", |_, a, _| unary(a, "asin", f64::asin)),
        ("acos", |_, a, _| unary(a, "acos", f64::acos)),
        ("atan", |_, a, _| unary(a, "atan", f64::atan)),
        ("sinh", |_, a, _| unary(a, "sinh", f64::sinh)),
        ("cosh", |_, a, _| unary(a, "cosh", f64::cosh)),
        ("tanh", |_, a, _| unary(a, "tanh", f64::tanh)),
        ("fabs", |_, a, _| unary(a, "fabs", f64::abs)),
        ("log2", |_, a, _| {
            let x = float_arg(a, 0, "log2")?;
            if x <= 0.0 {
                return Err(domain_error());
            }
            Ok(Value::Float(x.log2()))
        }),
        ("log10", |_, a, _| {
            let x = float_arg(a, 0, "log10")?;
            if x <= 0.0 {
                return Err(domain_error());
            }
            Ok(Value::Float(x.log10()))
        }),
        ("log", |_, a, _| log(a)),
        ("floor", |vm, a, _| rounding(vm, a, "floor", f64::floor)),
        ("ceil", |vm, a, _| rounding(vm, a, "ceil", f64::ceil)),
        ("trunc", |vm, a, _| rounding(vm, a, "trunc", f64::trunc)),
        ("pow", |_, a, _| {
            let (x, y) = (float_arg(a, 0, "pow")?, float_arg(a, 1, "pow")?);
            if x == 0.0 && y < 0.0 {
                return Err(domain_error());
            }
            let r = x.powf(y);
            if r.is_nan() && !x.is_nan() && !y.is_nan() {
                return Err(domain_error());
            }
            Ok(Value::Float(r))
        }),
        ("atan2", |_, a, _| Ok(Value::Float(float_arg(a, 0, "atan2")?.atan2(float_arg(a, 1, "atan2")?)))),
        ("hypot", |_, a, _| {
            let mut acc = 0.0f64;
            for i in 0..a.len() {
                acc = acc.hypot(float_arg(a, i, "hypot")?);
            }
            Ok(Value::Float(acc))
        }),
        ("copysign", |_, a, _| {
            Ok(Value::Float(float_arg(a, 0, "copysign")?.copysign(float_arg(a, 1, "copysign")?)))
        }),
        ("fmod", |_, a, _| {
            let (x, y) = (float_arg(a, 0, "fmod")?, float_arg(a, 1, "fmod")?);
            if y == 0.0 || x.is_infinite() {
                return Err(domain_error());
            }
            Ok(Value::Float(x % y))
        }),
        ("radians", |_, a, _| Ok(Value::Float(float_arg(a, 0, "radians")?.to_radians()))),
        ("degrees", |_, a, _| Ok(Value::Float(float_arg(a, 0, "degrees")?.to_degrees()))),
        ("isnan", |_, a, _| Ok(Value::Bool(float_arg(a, 0, "isnan")?.is_nan()))),
        ("isinf", |_, a, _| Ok(Value::Bool(float_arg(a, 0, "isinf")?.is_infinite()))),
        ("isfinite", |_, a, _| Ok(Value::Bool(float_arg(a, 0, "isfinite")?.is_finite()))),
        ("isclose", |_, a, kw| {
            let (x, y) = (float_arg(a, 0, "isclose")?, float_arg(a, 1, "isclose")?);
            let get = |name: &str, default: f64| -> PyResult<f64> {
                match kw.iter().find(|(k, _)| k.as_str() == name) {
                    Some((_, v)) => float_arg(std::slice::from_ref(v), 0, "isclose"),
                    None => Ok(default),
                }
            };
            let (rel, abs) = (get("rel_tol", 1e-9)?, get("abs_tol", 0.0)?);
            if rel < 0.0 || abs < 0.0 {
                return Err(PyErr::value_error("tolerances must be non-negative"));
            }
            if x == y {
                return Ok(Value::Bool(true));
            }
            if x.is_infinite() || y.is_infinite() {
                return Ok(Value::Bool(false));
            }
            let diff = (x - y).abs();
            Ok(Value::Bool(diff <= (rel * y.abs()).max(rel * x.abs()) || diff <= abs))
        }),
        ("gcd", |_, a, _| gcd(a)),
        ("factorial", |_, a, _| factorial(a)),
        ("isqrt", |_, a, _| isqrt(a)),
        ("comb", |_, a, _| comb_perm(a, true)),
        ("perm", |_, a, _| comb_perm(a, false)),
        ("fsum", |vm, a, _| fsum(vm, a)),
        ("prod", prod),
    ];
    super::add_functions(dict, table);
    // Later entries replace earlier ones of the same name (hypot, fsum: CPython's exact algorithms).
    super::add_functions(dict, super::math_extra::TABLE);
}
