//! The numeric built-ins: `abs`, `divmod`, `pow`, `round`, `sum`, `bin`, `oct`, `hex`.

use super::{arity, clinic, no_kwargs, Kwargs};
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::{index_value, keywords};
use crate::objects::float::{as_f64, float_binary};
use crate::objects::int::{int_binary, to_bigint};
use crate::value::Value;
use kaa_bytecode::opcode::BinaryOpKind;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::rc::Rc;

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
}

/// A user object's special method `name` applied to `args`; None when its class lacks it or
/// it returns NotImplemented.
fn dunder(vm: &mut Vm, obj: &Value, name: &str, args: Vec<Value>) -> PyResult<Option<Value>> {
    match vm.call_dunder(obj, name, &args)? {
        Some(Value::NotImplemented) | None => Ok(None),
        Some(v) => Ok(Some(v)),
    }
}

pub fn builtin_abs(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("abs", kwargs)?;
    arity("abs", args, 1, 1)?;
    Ok(match &args[0] {
        Value::Int(i) => match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_bigint(-BigInt::from(*i)),
        },
        Value::Bool(b) => Value::Int(*b as i64),
        Value::BigInt(b) => Value::from_bigint(b.abs()),
        Value::Float(f) => Value::Float(f.abs()),
        Value::Complex(z) => crate::objects::complex::unary('a', z)?,
        other => match vm.call_dunder(other, "__abs__", &[])? {
            Some(v) => v,
            None => {
                return Err(PyErr::type_error(format!("bad operand type for abs(): '{}'", other.type_name())))
            }
        },
    })
}

pub fn builtin_divmod(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("divmod", kwargs)?;
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("divmod expected 2 arguments, got {}", args.len())));
    }
    let (a, b) = (&args[0], &args[1]);
    if is_int(a) && is_int(b) {
        let (x, y) = (to_bigint(a).unwrap_or_default(), to_bigint(b).unwrap_or_default());
        if y.is_zero() {
            return Err(PyErr::new(ExcKind::ZeroDivisionError, "integer division or modulo by zero"));
        }
        let (q, r) = x.div_mod_floor(&y);
        return Ok(pair(Value::from_bigint(q), Value::from_bigint(r)));
    }
    if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
        if let (Some(x), Some(y)) = (as_f64(a), as_f64(b)) {
            let (x, y) = (x?, y?);
            if y == 0.0 {
                return Err(PyErr::new(ExcKind::ZeroDivisionError, "float divmod()"));
            }
            let q = float_binary(BinaryOpKind::FloorDivide, x, y)?.unwrap_or(Value::None);
            let r = float_binary(BinaryOpKind::Remainder, x, y)?.unwrap_or(Value::None);
            return Ok(pair(q, r));
        }
    }
    if let Some(v) = dunder(vm, a, "__divmod__", vec![b.clone()])? {
        return Ok(v);
    }
    if !vm.type_of(a).is_subclass(&vm.type_of(b)) || !vm.type_of(b).is_subclass(&vm.type_of(a)) {
        if let Some(v) = dunder(vm, b, "__rdivmod__", vec![a.clone()])? {
            return Ok(v);
        }
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        a.type_name(),
        b.type_name()
    )))
}

fn pair(a: Value, b: Value) -> Value {
    Value::Tuple(Rc::new(vec![a, b]))
}

/// `pow(base, exp, mod=None)`.
pub fn builtin_pow(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [base, exp, modulus] = clinic("pow", args, kwargs, ["base", "exp", "mod"], 3, 2)?;
    let (base, exp) = (base.unwrap_or(Value::None), exp.unwrap_or(Value::None));
    match modulus {
        None | Some(Value::None) => vm.binary_value_op(BinaryOpKind::Power, &base, &exp),
        Some(m) => ternary_pow(vm, &base, &exp, &m),
    }
}

fn ternary_pow(vm: &mut Vm, base: &Value, exp: &Value, m: &Value) -> PyResult<Value> {
    if [base, exp, m].iter().any(|v| matches!(v, Value::Complex(_))) {
        return Err(PyErr::value_error("complex modulo"));
    }
    if !(is_int(base) && is_int(exp) && is_int(m)) {
        if let Some(v) = dunder(vm, base, "__pow__", vec![exp.clone(), m.clone()])? {
            return Ok(v);
        }
        let numbers = [base, exp, m]
            .iter()
            .all(|v| matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)));
        if numbers {
            return Err(PyErr::type_error(
                "pow() 3rd argument not allowed unless all arguments are integers",
            ));
        }
        return Err(PyErr::type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            base.type_name(),
            exp.type_name(),
            m.type_name()
        )));
    }
    let (mut b, mut e, m) = (
        to_bigint(base).unwrap_or_default(),
        to_bigint(exp).unwrap_or_default(),
        to_bigint(m).unwrap_or_default(),
    );
    if m.is_zero() {
        return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
    }
    let modulus = m.abs();
    if e.is_negative() {
        // A negative exponent raises the modular inverse of the base.
        b = mod_inverse(&b.mod_floor(&modulus), &modulus)
            .ok_or_else(|| PyErr::value_error("base is not invertible for the given modulus"))?;
        e = -e;
    }
    let mut r = b.mod_floor(&modulus).modpow(&e, &modulus);
    if m.is_negative() && !r.is_zero() {
        r -= &modulus;
    }
    Ok(Value::from_bigint(r))
}

/// The inverse of `a` modulo `m` (both non-negative, m > 0), if they are coprime.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(m))
}

/// `bin`, `oct`, `hex`: the integer behind the argument in base 2, 8 or 16 with its prefix.
pub fn radix(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
    base: u32,
    prefix: &str,
) -> PyResult<Value> {
    no_kwargs(name, kwargs)?;
    arity(name, args, 1, 1)?;
    let n = to_bigint(&index_value(vm, &args[0])?).unwrap_or_default();
    let sign = if n.is_negative() { "-" } else { "" };
    Ok(Value::str(&format!("{sign}{prefix}{}", n.abs().to_str_radix(base))))
}

pub fn builtin_bin(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    radix(vm, "bin", args, kwargs, 2, "0b")
}

pub fn builtin_oct(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    radix(vm, "oct", args, kwargs, 8, "0o")
}

pub fn builtin_hex(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    radix(vm, "hex", args, kwargs, 16, "0x")
}

// ---- round ----

/// `round(number, ndigits=None)`.
pub fn builtin_round(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [number, ndigits] = clinic("round", args, kwargs, ["number", "ndigits"], 2, 1)?;
    let number = number.unwrap_or(Value::None);
    let ndigits = ndigits.filter(|n| !matches!(n, Value::None));
    match &number {
        Value::Float(x) => match ndigits {
            None => float_to_int(x.round_ties_even()),
            Some(n) => {
                let n = match index_value(vm, &n)? {
                    Value::Int(i) => i,
                    Value::BigInt(b) if b.is_negative() => i64::MIN,
                    _ => i64::MAX,
                };
                round_float(*x, n).map(Value::Float)
            }
        },
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => match ndigits {
            None => Ok(super::as_int(&number)),
            Some(n) => {
                let n = index_value(vm, &n)?;
                round_int(&to_bigint(&number).unwrap_or_default(), &to_bigint(&n).unwrap_or_default())
            }
        },
        _ => {
            let class = vm.type_of(&number);
            match class.lookup("__round__") {
                Some(_) => {
                    let extra: Vec<Value> = ndigits.into_iter().collect();
                    Ok(vm.call_dunder(&number, "__round__", &extra)?.unwrap_or(Value::None))
                }
                None => Err(PyErr::type_error(format!(
                    "type {} doesn't define __round__ method",
                    number.type_name()
                ))),
            }
        }
    }
}

/// A float with an integral value as an int.
pub fn float_to_int(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(PyErr::new(ExcKind::OverflowError, "cannot convert float infinity to integer"));
    }
    if x.abs() < 9.2e18 {
        return Ok(Value::Int(x as i64));
    }
    Ok(Value::from_bigint(num_traits::FromPrimitive::from_f64(x).unwrap_or_default()))
}

/// `round(x, n)` for a float, correctly rounded as CPython's: the exact binary value of `x`
/// rounded half-to-even at the n-th decimal place, then read back as the nearest float.
pub fn round_float(x: f64, n: i64) -> PyResult<f64> {
    // Beyond these, every float is already exact / rounds to zero (CPython's NDIGITS_MAX/MIN).
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || n > NDIGITS_MAX {
        return Ok(x);
    }
    if n < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let (mantissa, exponent) = decompose(x.abs());
    // |x| * 10^n as the fraction num / den.
    let mut num = BigInt::from(mantissa);
    let mut den = BigInt::one();
    if exponent >= 0 {
        num <<= exponent as usize;
    } else {
        den <<= (-exponent) as usize;
    }
    let ten = BigInt::from(10);
    if n >= 0 {
        num *= num_traits::pow(ten, n as usize);
    } else {
        den *= num_traits::pow(ten, (-n) as usize);
    }
    let (mut q, r) = num.div_rem(&den);
    let twice: BigInt = r << 1;
    if twice > den || (twice == den && q.is_odd()) {
        q += 1;
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let text = format!("{sign}{q}e{}", -n);
    let y: f64 = text.parse().unwrap_or(f64::INFINITY);
    if y.is_infinite() {
        return Err(PyErr::new(ExcKind::OverflowError, "rounded value too large to represent"));
    }
    Ok(y)
}

/// A finite non-negative float as mantissa * 2^exponent, exactly.
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    }
}

/// `round(i, n)` for an int: unchanged for n >= 0, else to a multiple of 10^-n, ties to even.
fn round_int(i: &BigInt, n: &BigInt) -> PyResult<Value> {
    if !n.is_negative() {
        return Ok(Value::from_bigint(i.clone()));
    }
    // 10^k exceeds |i| once k passes its digit count: the result is 0.
    let digits = (i.bits() as f64 * std::f64::consts::LOG10_2) as u64 + 2;
    let k = match (-n).to_u64() {
        Some(k) if k <= digits => k,
        _ => return Ok(Value::Int(0)),
    };
    let p = num_traits::pow(BigInt::from(10), k as usize);
    let (mut q, r) = i.div_mod_floor(&p);
    let twice: BigInt = r << 1;
    if twice > p || (twice == p && q.is_odd()) {
        q += 1;
    }
    Ok(Value::from_bigint(q * p))
}

// ---- sum ----

/// `sum(iterable, /, start=0)`: left to right, as CPython 3.11 (plain float addition).
pub fn builtin_sum(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if args.is_empty() {
        return Err(PyErr::type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    // The iterable is positional-only: no keyword can name it.
    let [iterable, start] = keywords("sum", args, kwargs, ["", "start"], 2)?;
    let iterable = iterable.unwrap_or(Value::None);
    let mut total = start.unwrap_or(Value::Int(0));
    if let Value::Str(_) = total {
        return Err(PyErr::type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = vm.get_iter(&iterable)?;
    while let Some(item) = vm.next_of(&it)? {
        total = match (&total, &item) {
            (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            _ => match int_binary(BinaryOpKind::Add, &total, &item)? {
                Some(v) => v,
                None => vm.binary_value_op(BinaryOpKind::Add, &total, &item)?,
            },
        };
    }
    Ok(total)
}
