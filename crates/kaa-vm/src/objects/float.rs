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
            if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
                // A negative base to a fractional power is a complex number.
                use crate::objects::complex::{pow, Complex};
                let z = pow(Complex { re: a, im: 0.0 }, Complex { re: b, im: 0.0 })?;
                return Ok(Some(crate::objects::complex::new_complex(z.re, z.im)));
            }
            let r = a.powf(b);
            if r.is_infinite() && a.is_finite() && b.is_finite() {
                // CPython reports libm's ERANGE as an OSError-style pair.
                return Err(PyErr::new(ExcKind::OverflowError, "(34, 'Numerical result out of range')"));
            }
            r
        }
        _ => return Ok(None),
    })))
}

// ---- methods ----

/// The methods of `float`, sorted by name; each receives the float as `args[0]`.
pub static METHODS: &[(&str, crate::objects::function::NativeFn)] = &[
    ("__getformat__", float_getformat),
    ("as_integer_ratio", float_as_integer_ratio),
    ("conjugate", float_conjugate),
    ("fromhex", float_fromhex),
    ("hex", float_hex),
    ("is_integer", float_is_integer),
];

/// The entries of `METHODS` that are class methods: `float.fromhex` binds to the class, and the
/// function ignores `args[0]`.
pub static CLASS_METHODS: &[&str] = &["__getformat__", "fromhex"];

/// `float.__getformat__(typestr)`: how C doubles and floats are stored.
fn float_getformat(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let arg = one_arg("float", "__getformat__", args, kwargs)?;
    match arg {
        Value::Str(s) if matches!(s.as_str(), "double" | "float") => {
            Ok(Value::str(if cfg!(target_endian = "little") {
                "IEEE, little-endian"
            } else {
                "IEEE, big-endian"
            }))
        }
        Value::Str(_) => Err(PyErr::value_error("__getformat__() argument 1 must be 'double' or 'float'")),
        other => {
            Err(PyErr::type_error(format!("__getformat__() argument must be str, not {}", other.type_name())))
        }
    }
}

use crate::builtins::Kwargs;
use crate::interp::Vm;
use crate::objects::args::{descriptor_error, noargs, one_arg};
use num_bigint::{BigInt, BigUint};

fn this_float(args: &[Value], kwargs: &Kwargs, name: &str) -> PyResult<f64> {
    let Some(Value::Float(x)) = args.first().map(crate::objects::builtin_subclass::plain) else {
        return Err(descriptor_error("float", name, args));
    };
    noargs("float", name, args, kwargs)?;
    Ok(*x)
}

fn float_conjugate(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    this_float(args, kwargs, "conjugate").map(Value::Float)
}

fn float_is_integer(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let x = this_float(args, kwargs, "is_integer")?;
    Ok(Value::Bool(x.is_finite() && x.fract() == 0.0))
}

/// `x == mantissa * 2**exponent` with an odd mantissa (x finite, non-zero).
fn decompose(x: f64) -> (i64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7FF) as i32;
    let frac = (bits & ((1 << 52) - 1)) as i64;
    let (mut m, mut e) = if exp == 0 { (frac, -1074) } else { (frac | (1 << 52), exp - 1075) };
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i32;
    (if x < 0.0 { -m } else { m }, e)
}

fn float_as_integer_ratio(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let x = this_float(args, kwargs, "as_integer_ratio")?;
    if x.is_nan() {
        return Err(PyErr::value_error("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(PyErr::new(ExcKind::OverflowError, "cannot convert Infinity to integer ratio"));
    }
    let (n, d) = if x == 0.0 {
        (Value::Int(0), Value::Int(1))
    } else {
        let (m, e) = decompose(x);
        if e >= 0 {
            (Value::from_bigint(BigInt::from(m) << e as usize), Value::Int(1))
        } else {
            (Value::Int(m), Value::from_bigint(BigInt::from(1) << (-e) as usize))
        }
    };
    Ok(Value::Tuple(std::rc::Rc::new(vec![n, d])))
}

/// `0x1.8000000000000p+1`: a leading 1 (0 for subnormals), 13 hex digits, binary exponent.
fn float_hex(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let x = this_float(args, kwargs, "hex")?;
    if !x.is_finite() {
        return Ok(Value::str(&kaa_syntax::repr::float_repr(x)));
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return Ok(Value::str(&format!("{sign}0x0.0p+0")));
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7FF) as i32;
    let frac = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    Ok(Value::str(&format!("{sign}0x{lead}.{frac:013x}p{}{}", if e < 0 { '-' } else { '+' }, e.abs())))
}

#[cold]
fn invalid_hex() -> PyErr {
    PyErr::value_error("invalid hexadecimal floating-point string")
}

/// `float.fromhex(s)`, a class method: hex digits with an optional point and binary exponent,
/// rounded half-to-even to the nearest double (subnormals included).
fn float_fromhex(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Value::Str(s) = one_arg("float", "fromhex", args, kwargs)? else {
        return Err(PyErr::type_error("bad argument type for built-in operation"));
    };
    parse_hex_float(s).map(Value::Float)
}

fn parse_hex_float(s: &str) -> PyResult<f64> {
    let t = s.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'));
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let signed = |x: f64| if negative { -x } else { x };
    let lower = body.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => return Ok(signed(f64::INFINITY)),
        "nan" => return Ok(signed(f64::NAN)),
        _ => {}
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (digits, exponent) = match body.split_once('p') {
        Some((d, e)) => (d, Some(e)),
        None => (body, None),
    };
    let (int_part, frac_part) = digits.split_once('.').unwrap_or((digits, ""));
    let all_hex = |p: &str| p.bytes().all(|b| b.is_ascii_hexdigit());
    if int_part.len() + frac_part.len() == 0 || !all_hex(int_part) || !all_hex(frac_part) {
        return Err(invalid_hex());
    }
    let exp: i64 = match exponent {
        None => 0,
        Some(e) => {
            let (neg, mag) = match e.as_bytes().first() {
                Some(b'-') => (true, &e[1..]),
                Some(b'+') => (false, &e[1..]),
                _ => (false, e),
            };
            if mag.is_empty() || !mag.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid_hex());
            }
            // Saturate: anything this large is already zero or an overflow.
            let m = mag.bytes().fold(0i64, |acc, b| (acc * 10 + (b - b'0') as i64).min(1 << 40));
            if neg {
                -m
            } else {
                m
            }
        }
    };
    let mantissa = BigUint::parse_bytes(format!("{int_part}{frac_part}").as_bytes(), 16).unwrap_or_default();
    if mantissa.bits() == 0 {
        return Ok(signed(0.0));
    }
    // value = mantissa * 2**low
    let low = exp - 4 * frac_part.len() as i64;
    let nbits = mantissa.bits() as i64;
    let top = low + nbits - 1;
    if top > 1024 {
        return Err(hex_overflow());
    }
    // Keep 53 significant bits, fewer for subnormals, so the last kept bit weighs >= 2**-1074.
    let keep = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    if keep < 0 {
        return Ok(signed(0.0));
    }
    let shift = nbits - keep;
    let (mut q, mut weight) = if shift > 0 {
        let q = &mantissa >> shift as usize;
        let rest = &mantissa - (&q << shift as usize);
        let half = BigUint::from(1u8) << (shift - 1) as usize;
        let round_up = rest > half || (rest == half && q.bit(0));
        (q.to_u64().unwrap_or(0) + round_up as u64, low + shift)
    } else {
        ((mantissa << (-shift) as usize).to_u64().unwrap_or(0), low + shift)
    };
    if q == 0 {
        return Ok(signed(0.0));
    }
    if q >> 53 != 0 {
        q >>= 1;
        weight += 1;
    }
    let top = weight + 63 - q.leading_zeros() as i64;
    if top > 1023 {
        return Err(hex_overflow());
    }
    let bits = if top >= -1022 {
        (((top + 1023) as u64) << 52) | ((q << (52 - (top - weight))) & ((1 << 52) - 1))
    } else {
        q // subnormal: weight is -1074
    };
    Ok(signed(f64::from_bits(bits)))
}

#[cold]
fn hex_overflow() -> PyErr {
    PyErr::new(ExcKind::OverflowError, "hexadecimal value too large to represent as a float")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fromhex_rounds_like_cpython() {
        let ok = |s: &str| parse_hex_float(s).ok().expect(s);
        assert_eq!(ok("0x1.8p1"), 3.0);
        assert_eq!(ok(" -0X1.8P+1 "), -3.0);
        assert_eq!(ok("0x.8"), 0.5);
        assert_eq!(ok("ff"), 255.0);
        assert_eq!(ok("0x1p-1074"), 5e-324);
        assert_eq!(ok("0x1p-1075"), 0.0);
        assert_eq!(ok("0x1.0000000000001p-1075"), 5e-324);
        assert_eq!(ok("0x1.fffffffffffff7ffp1023"), f64::MAX);
        assert_eq!(ok("0x1.00000000000008p0"), 1.0);
        assert_eq!(ok("0x1.00000000000018p0"), 1.0000000000000004);
        assert_eq!(ok("0x0p99999999999999999"), 0.0);
        assert_eq!(ok("0x1p-99999999999999999"), 0.0);
        assert_eq!(ok("0xABCDEFp-24"), 0.6711110472679138);
        assert_eq!(ok("0x0.fffffffffffffp-1022"), 2.225073858507201e-308);
        assert_eq!(ok("0x1.fffffffffffffp-1023"), 2.2250738585072014e-308);
        for bad in ["0x", "0x.", "0x1p", "1_0", "0x1 2", "infi", "0x1.p+"] {
            assert!(parse_hex_float(bad).is_err(), "{bad}");
        }
        assert!(parse_hex_float("0x1.fffffffffffff8p1023").is_err());
    }

    #[test]
    fn decomposes() {
        assert_eq!(decompose(1.5), (3, -1));
        assert_eq!(decompose(-0.1), (-3602879701896397, -55));
        assert_eq!(decompose(5e-324), (1, -1074));
    }
}
