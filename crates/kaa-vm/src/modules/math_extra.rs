//! The rest of `math`: the functions CPython computes with its own algorithms (so the last
//! bit matches): `gamma`/`lgamma` (Lanczos), `fsum` (Shewchuk's exact partials), `hypot`/`dist`
//! (the scaled, compensated vector norm), `remainder`; and the thin wrappers over libm
//! (`erf`, `expm1`, `cbrt`, ...), `frexp`/`ldexp`/`modf`, `nextafter`/`ulp`, `lcm`.

// The Lanczos coefficients are given with the digits they were published with.
#![allow(clippy::excessive_precision)]

use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::float::as_f64;
use crate::objects::function::NativeFn;
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::{Signed, Zero};
use std::f64::consts::PI;

extern "C" {
    #[link_name = "ldexp"]
    fn c_ldexp(x: f64, e: i32) -> f64;
    fn erf(x: f64) -> f64;
    fn cbrt(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
}

pub const TABLE: &[(&str, NativeFn)] = &[
    ("gamma", |_, a, k| unary(a, k, "gamma", m_tgamma)),
    ("lgamma", |_, a, k| unary(a, k, "lgamma", m_lgamma)),
    ("erf", |_, a, k| unary(a, k, "erf", |x| Checked::value(unsafe { erf(x) }))),
    ("erfc", |_, a, k| unary(a, k, "erfc", |x| Checked::value(unsafe { erfc(x) }))),
    ("acosh", |_, a, k| unary(a, k, "acosh", |x| Checked::libm(x, x.acosh()))),
    ("asinh", |_, a, k| unary(a, k, "asinh", |x| Checked::libm(x, x.asinh()))),
    ("atanh", |_, a, k| {
        unary(a, k, "atanh", |x| if x.abs() >= 1.0 { Checked::Domain } else { Checked::libm(x, x.atanh()) })
    }),
    ("cbrt", |_, a, k| unary(a, k, "cbrt", |x| Checked::libm(x, unsafe { cbrt(x) }))),
    ("exp2", |_, a, k| unary(a, k, "exp2", |x| Checked::libm(x, x.exp2()))),
    ("expm1", |_, a, k| unary(a, k, "expm1", |x| Checked::libm(x, x.exp_m1()))),
    ("log1p", |_, a, k| {
        unary(a, k, "log1p", |x| if x <= -1.0 { Checked::Domain } else { Checked::libm(x, x.ln_1p()) })
    }),
    ("frexp", frexp_fn),
    ("ldexp", ldexp_fn),
    ("modf", modf_fn),
    ("remainder", remainder_fn),
    ("nextafter", nextafter_fn),
    ("ulp", ulp_fn),
    ("hypot", hypot_fn),
    ("dist", dist_fn),
    ("fsum", fsum_fn),
    ("lcm", lcm_fn),
];

/// The outcome of a float function, as CPython's errno conventions classify it.
enum Checked {
    Value(f64),
    /// EDOM: ValueError("math domain error").
    Domain,
    /// ERANGE with an infinite result: OverflowError("math range error").
    Range,
}

impl Checked {
    fn value(r: f64) -> Checked {
        Checked::Value(r)
    }
    /// A libm result judged as CPython's `math_1` judges it.
    fn libm(x: f64, r: f64) -> Checked {
        if r.is_nan() && !x.is_nan() {
            Checked::Domain
        } else if r.is_infinite() && x.is_finite() {
            Checked::Range
        } else {
            Checked::Value(r)
        }
    }
}

fn float_of(v: &Value) -> PyResult<f64> {
    match as_f64(v) {
        Some(r) => r,
        None => Err(PyErr::type_error(format!("must be real number, not {}", v.type_name()))),
    }
}

fn one_float(args: &[Value], kwargs: &Kwargs, name: &str) -> PyResult<f64> {
    super::native_class::no_kwargs(name, kwargs)?;
    if args.len() != 1 {
        return Err(PyErr::type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    float_of(&args[0])
}

fn two_floats(args: &[Value], kwargs: &Kwargs, name: &str) -> PyResult<(f64, f64)> {
    super::native_class::no_kwargs(name, kwargs)?;
    super::native_class::check_arity(name, args.len(), 2, 2)?;
    Ok((float_of(&args[0])?, float_of(&args[1])?))
}

fn unary(args: &[Value], kwargs: &Kwargs, name: &str, f: fn(f64) -> Checked) -> PyResult<Value> {
    let x = one_float(args, kwargs, name)?;
    finish(f(x))
}

fn finish(c: Checked) -> PyResult<Value> {
    match c {
        Checked::Value(r) => Ok(Value::Float(r)),
        Checked::Domain => Err(PyErr::value_error("math domain error")),
        Checked::Range => Err(PyErr::new(ExcKind::OverflowError, "math range error")),
    }
}

// ---- gamma and lgamma (CPython's Lanczos approximation) ----

const LANCZOS_G: f64 = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];
const LOG_PI: f64 = 1.144729885849400174143427351353058711647;

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

fn m_sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1f64.copysign(x) * r
}

fn m_tgamma(x: f64) -> Checked {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { Checked::Value(x) } else { Checked::Domain };
    }
    if x == 0.0 {
        return Checked::Domain;
    }
    if x == x.floor() {
        if x < 0.0 {
            return Checked::Domain;
        }
        if x <= 23.0 {
            return Checked::Value(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Checked::Range } else { Checked::Value(r) };
    }
    if absx > 200.0 {
        return if x < 0.0 { Checked::Value(0.0 / m_sinpi(x)) } else { Checked::Range };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / m_sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        Checked::Range
    } else {
        Checked::Value(r)
    }
}

fn m_lgamma(x: f64) -> Checked {
    if !x.is_finite() {
        return Checked::Value(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { Checked::Domain } else { Checked::Value(0.0) };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Checked::Value(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOG_PI - m_sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        Checked::Range
    } else {
        Checked::Value(r)
    }
}

// ---- frexp, ldexp, modf, remainder, nextafter, ulp ----

pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

fn ldexp(x: f64, e: i64) -> f64 {
    // libm's ldexp rounds a subnormal result once, as CPython's call does.
    unsafe { c_ldexp(x, e.clamp(i32::MIN as i64, i32::MAX as i64) as i32) }
}

fn frexp_fn(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let x = one_float(args, kwargs, "frexp")?;
    let (m, e) = frexp(x);
    Ok(Value::Tuple(std::rc::Rc::new(vec![Value::Float(m), Value::Int(e as i64)])))
}

fn ldexp_fn(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    super::native_class::no_kwargs("ldexp", kwargs)?;
    super::native_class::check_arity("ldexp", args.len(), 2, 2)?;
    let x = float_of(&args[0])?;
    let e = match &args[1] {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => {
            if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        Value::Instance(_) => match crate::objects::args::index_value(vm, &args[1])? {
            Value::Int(i) => i,
            _ => i64::MAX,
        },
        _ => return Err(PyErr::type_error("Expected an int as second argument to ldexp.")),
    };
    let r = ldexp(x, e);
    if r.is_infinite() && x.is_finite() {
        return Err(PyErr::new(ExcKind::OverflowError, "math range error"));
    }
    Ok(Value::Float(r))
}

fn modf_fn(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let x = one_float(args, kwargs, "modf")?;
    let (frac, int) = if x.is_infinite() {
        (0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let t = x.trunc();
        ((x - t).copysign(x), t)
    };
    Ok(Value::Tuple(std::rc::Rc::new(vec![Value::Float(frac), Value::Float(int)])))
}

fn remainder_fn(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (x, y) = two_floats(args, kwargs, "remainder")?;
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return Err(PyErr::value_error("math domain error"));
        }
        let (absx, absy) = (x.abs(), y.abs());
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return Ok(Value::Float(1f64.copysign(x) * r));
    }
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    if y.is_nan() {
        return Ok(Value::Float(y));
    }
    if x.is_infinite() {
        return Err(PyErr::value_error("math domain error"));
    }
    Ok(Value::Float(x))
}

fn next_toward(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn nextafter_fn(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (x, y) = two_floats(args, kwargs, "nextafter")?;
    Ok(Value::Float(next_toward(x, y)))
}

fn ulp_fn(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let x = one_float(args, kwargs, "ulp")?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let x2 = next_toward(x, f64::INFINITY);
    if x2.is_infinite() {
        let x2 = next_toward(x, -f64::INFINITY);
        return Ok(Value::Float(x - x2));
    }
    Ok(Value::Float(x2 - x))
}

// ---- hypot and dist ----

/// `a * b` as an exact double-length sum (hi, lo).
fn dl_mul(a: f64, b: f64) -> (f64, f64) {
    let hi = a * b;
    (hi, a.mul_add(b, -hi))
}

fn dl_fast_sum(a: f64, b: f64) -> (f64, f64) {
    let hi = a + b;
    (hi, (a - hi) + b)
}

/// CPython's `vector_norm`: the Euclidean norm of `vec` (absolute values, `max` their largest).
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    if max_e < -1023 {
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp(1.0, -max_e as i64);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &x in vec.iter() {
        let x = x * scale;
        let (hi, lo) = dl_mul(x, x);
        let (shi, slo) = dl_fast_sum(csum, hi);
        csum = shi;
        frac1 += lo;
        frac2 += slo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (hi, lo) = dl_mul(-h, h);
    let (shi, slo) = dl_fast_sum(csum, hi);
    csum = shi;
    frac1 += lo;
    frac2 += slo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn norm_of(values: impl Iterator<Item = PyResult<f64>>) -> PyResult<f64> {
    let mut vec = Vec::new();
    let (mut max, mut found_nan) = (0.0f64, false);
    for x in values {
        let x = x?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        vec.push(x);
    }
    Ok(vector_norm(&mut vec, max, found_nan))
}

fn hypot_fn(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    super::native_class::no_kwargs("hypot", kwargs)?;
    Ok(Value::Float(norm_of(args.iter().map(float_of))?))
}

fn dist_fn(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    super::native_class::no_kwargs("dist", kwargs)?;
    super::native_class::check_arity("dist", args.len(), 2, 2)?;
    let point = |vm: &mut Vm, v: &Value, _which: usize| -> PyResult<Vec<Value>> {
        match v {
            Value::Tuple(t) => Ok(t.to_vec()),
            _ => vm.collect_iterable(v),
        }
    };
    let p = point(vm, &args[0], 1)?;
    let q = point(vm, &args[1], 2)?;
    if p.len() != q.len() {
        return Err(PyErr::value_error("both points must have the same number of dimensions"));
    }
    let diffs = p.iter().zip(&q).map(|(a, b)| Ok(float_of(a)? - float_of(b)?));
    Ok(Value::Float(norm_of(diffs)?))
}

// ---- fsum ----

fn fsum_fn(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    super::native_class::no_kwargs("fsum", kwargs)?;
    super::native_class::check_arity("fsum", args.len(), 1, 1)?;
    let it = vm.get_iter(&args[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = vm.next_of(&it)? {
        let mut x = float_of(&item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(PyErr::new(ExcKind::OverflowError, "intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(PyErr::value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

// ---- lcm ----

fn int_of(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    let n = crate::objects::args::index_value(vm, v)?;
    Ok(crate::objects::int::to_bigint(&n).unwrap_or_default())
}

fn lcm_fn(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    super::native_class::no_kwargs("lcm", kwargs)?;
    let mut acc = BigInt::from(1);
    if args.is_empty() {
        return Ok(Value::Int(1));
    }
    for v in args {
        let x = int_of(vm, v)?;
        if acc.is_zero() || x.is_zero() {
            acc = BigInt::zero();
            continue;
        }
        let g = num_integer::Integer::gcd(&acc, &x);
        acc = (&acc / &g * &x).abs();
    }
    Ok(Value::from_bigint(acc))
}
