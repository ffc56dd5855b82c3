//! `cmath`: CPython's complex functions, which follow C99 Annex G: the special-value tables
//! below decide every infinite or NaN input, the finite formulas avoid spurious overflow and
//! underflow the way CPython's do, and results that Annex G flags raise ValueError ("math
//! domain error") or OverflowError ("math range error").

use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::complex::Complex;
use crate::objects::dict::DictObject;
use crate::value::Value;
use std::f64::consts::{E, LN_2, PI};
use std::rc::Rc;

// The C library's versions, so results agree with CPython's to the last bit.
extern "C" {
    fn asinh(x: f64) -> f64;
    fn log1p(x: f64) -> f64;
    fn atan2(y: f64, x: f64) -> f64;
    fn hypot(x: f64, y: f64) -> f64;
}

fn c_asinh(x: f64) -> f64 {
    // SAFETY: pure libm function.
    unsafe { asinh(x) }
}
fn c_log1p(x: f64) -> f64 {
    // SAFETY: pure libm function.
    unsafe { log1p(x) }
}
fn c_atan2_raw(y: f64, x: f64) -> f64 {
    // SAFETY: pure libm function.
    unsafe { atan2(y, x) }
}
fn c_hypot(x: f64, y: f64) -> f64 {
    // SAFETY: pure libm function.
    unsafe { hypot(x, y) }
}

type Table = [[(f64, f64); 7]; 7];
const P: f64 = PI;
const P12: f64 = 0.5 * PI;
const P14: f64 = 0.25 * PI;
const P34: f64 = 0.75 * PI;
const INF: f64 = f64::INFINITY;
const N: f64 = f64::NAN;
const U: f64 = -9.542_631_940_771_103e33;

const LARGE_DOUBLE: f64 = f64::MAX / 4.0;
const MANT_DIG: i32 = 53;
const SCALE_UP: i32 = 2 * (MANT_DIG / 2) + 1;
const SCALE_DOWN: i32 = -(SCALE_UP + 1) / 2;
const LN_10: f64 = std::f64::consts::LN_10;

fn sqrt_large_double() -> f64 {
    LARGE_DOUBLE.sqrt()
}
fn log_large_double() -> f64 {
    LARGE_DOUBLE.ln()
}
fn sqrt_dbl_min() -> f64 {
    f64::MIN_POSITIVE.sqrt()
}

fn ldexp(x: f64, e: i32) -> f64 {
    x * 2f64.powi(e)
}

/// What a computation reports besides its value (C's errno).
#[derive(Clone, Copy, PartialEq)]
enum Err {
    None,
    Domain,
    Range,
}

type Z = (f64, f64);
type Out = (Z, Err);

fn special_type(d: f64) -> usize {
    if d.is_finite() {
        match (d != 0.0, d.is_sign_positive()) {
            (true, true) => 4,
            (true, false) => 1,
            (false, true) => 3,
            (false, false) => 2,
        }
    } else if d.is_nan() {
        6
    } else if d > 0.0 {
        5
    } else {
        0
    }
}

fn special(z: Z, table: &Table) -> Option<Z> {
    if z.0.is_finite() && z.1.is_finite() {
        return None;
    }
    Some(table[special_type(z.0)][special_type(z.1)])
}
// C99 Annex G special values, indexed [class of real part][class of imaginary part]
// (classes: -inf, negative, -0, +0, positive, +inf, nan); U marks finite inputs, never looked up.
const ACOS_SPECIAL: Table = [
    [(P34, INF), (P, INF), (P, INF), (P, -INF), (P, -INF), (P34, -INF), (N, INF)],
    [(P12, INF), (U, U), (U, U), (U, U), (U, U), (P12, -INF), (N, N)],
    [(P12, INF), (U, U), (P12, 0.0), (P12, -0.0), (U, U), (P12, -INF), (P12, N)],
    [(P12, INF), (U, U), (P12, 0.0), (P12, -0.0), (U, U), (P12, -INF), (P12, N)],
    [(P12, INF), (U, U), (U, U), (U, U), (U, U), (P12, -INF), (N, N)],
    [(P14, INF), (0.0, INF), (0.0, INF), (0.0, -INF), (0.0, -INF), (P14, -INF), (N, INF)],
    [(N, INF), (N, N), (N, N), (N, N), (N, N), (N, -INF), (N, N)],
];
const ACOSH_SPECIAL: Table = [
    [(INF, -P34), (INF, -P), (INF, -P), (INF, P), (INF, P), (INF, P34), (INF, N)],
    [(INF, -P12), (U, U), (U, U), (U, U), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (0.0, -P12), (0.0, P12), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (0.0, -P12), (0.0, P12), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (U, U), (U, U), (U, U), (INF, P12), (N, N)],
    [(INF, -P14), (INF, -0.0), (INF, -0.0), (INF, 0.0), (INF, 0.0), (INF, P14), (INF, N)],
    [(INF, N), (N, N), (N, N), (N, N), (N, N), (INF, N), (N, N)],
];
const ASINH_SPECIAL: Table = [
    [(-INF, -P14), (-INF, -0.0), (-INF, -0.0), (-INF, 0.0), (-INF, 0.0), (-INF, P14), (-INF, N)],
    [(-INF, -P12), (U, U), (U, U), (U, U), (U, U), (-INF, P12), (N, N)],
    [(-INF, -P12), (U, U), (-0.0, -0.0), (-0.0, 0.0), (U, U), (-INF, P12), (N, N)],
    [(INF, -P12), (U, U), (0.0, -0.0), (0.0, 0.0), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (U, U), (U, U), (U, U), (INF, P12), (N, N)],
    [(INF, -P14), (INF, -0.0), (INF, -0.0), (INF, 0.0), (INF, 0.0), (INF, P14), (INF, N)],
    [(INF, N), (N, N), (N, -0.0), (N, 0.0), (N, N), (INF, N), (N, N)],
];
const ATANH_SPECIAL: Table = [
    [(-0.0, -P12), (-0.0, -P12), (-0.0, -P12), (-0.0, P12), (-0.0, P12), (-0.0, P12), (-0.0, N)],
    [(-0.0, -P12), (U, U), (U, U), (U, U), (U, U), (-0.0, P12), (N, N)],
    [(-0.0, -P12), (U, U), (-0.0, -0.0), (-0.0, 0.0), (U, U), (-0.0, P12), (-0.0, N)],
    [(0.0, -P12), (U, U), (0.0, -0.0), (0.0, 0.0), (U, U), (0.0, P12), (0.0, N)],
    [(0.0, -P12), (U, U), (U, U), (U, U), (U, U), (0.0, P12), (N, N)],
    [(0.0, -P12), (0.0, -P12), (0.0, -P12), (0.0, P12), (0.0, P12), (0.0, P12), (0.0, N)],
    [(0.0, -P12), (N, N), (N, N), (N, N), (N, N), (0.0, P12), (N, N)],
];
const COSH_SPECIAL: Table = [
    [(INF, N), (U, U), (INF, 0.0), (INF, -0.0), (U, U), (INF, N), (INF, N)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(N, 0.0), (U, U), (1.0, 0.0), (1.0, -0.0), (U, U), (N, 0.0), (N, 0.0)],
    [(N, 0.0), (U, U), (1.0, -0.0), (1.0, 0.0), (U, U), (N, 0.0), (N, 0.0)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(INF, N), (U, U), (INF, -0.0), (INF, 0.0), (U, U), (INF, N), (INF, N)],
    [(N, N), (N, N), (N, 0.0), (N, 0.0), (N, N), (N, N), (N, N)],
];
const EXP_SPECIAL: Table = [
    [(0.0, 0.0), (U, U), (0.0, -0.0), (0.0, 0.0), (U, U), (0.0, 0.0), (0.0, 0.0)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (1.0, -0.0), (1.0, 0.0), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (1.0, -0.0), (1.0, 0.0), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(INF, N), (U, U), (INF, -0.0), (INF, 0.0), (U, U), (INF, N), (INF, N)],
    [(N, N), (N, N), (N, -0.0), (N, 0.0), (N, N), (N, N), (N, N)],
];
const LOG_SPECIAL: Table = [
    [(INF, -P34), (INF, -P), (INF, -P), (INF, P), (INF, P), (INF, P34), (INF, N)],
    [(INF, -P12), (U, U), (U, U), (U, U), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (-INF, -P), (-INF, P), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (-INF, -0.0), (-INF, 0.0), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (U, U), (U, U), (U, U), (INF, P12), (N, N)],
    [(INF, -P14), (INF, -0.0), (INF, -0.0), (INF, 0.0), (INF, 0.0), (INF, P14), (INF, N)],
    [(INF, N), (N, N), (N, N), (N, N), (N, N), (INF, N), (N, N)],
];
const SINH_SPECIAL: Table = [
    [(INF, N), (U, U), (-INF, -0.0), (-INF, 0.0), (U, U), (INF, N), (INF, N)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(0.0, N), (U, U), (-0.0, -0.0), (-0.0, 0.0), (U, U), (0.0, N), (0.0, N)],
    [(0.0, N), (U, U), (0.0, -0.0), (0.0, 0.0), (U, U), (0.0, N), (0.0, N)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(INF, N), (U, U), (INF, -0.0), (INF, 0.0), (U, U), (INF, N), (INF, N)],
    [(N, N), (N, N), (N, -0.0), (N, 0.0), (N, N), (N, N), (N, N)],
];
const SQRT_SPECIAL: Table = [
    [(INF, -INF), (0.0, -INF), (0.0, -INF), (0.0, INF), (0.0, INF), (INF, INF), (N, INF)],
    [(INF, -INF), (U, U), (U, U), (U, U), (U, U), (INF, INF), (N, N)],
    [(INF, -INF), (U, U), (0.0, -0.0), (0.0, 0.0), (U, U), (INF, INF), (N, N)],
    [(INF, -INF), (U, U), (0.0, -0.0), (0.0, 0.0), (U, U), (INF, INF), (N, N)],
    [(INF, -INF), (U, U), (U, U), (U, U), (U, U), (INF, INF), (N, N)],
    [(INF, -INF), (INF, -0.0), (INF, -0.0), (INF, 0.0), (INF, 0.0), (INF, INF), (INF, N)],
    [(INF, -INF), (N, N), (N, N), (N, N), (N, N), (INF, INF), (N, N)],
];
const TANH_SPECIAL: Table = [
    [(-1.0, 0.0), (U, U), (-1.0, -0.0), (-1.0, 0.0), (U, U), (-1.0, 0.0), (-1.0, 0.0)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (-0.0, -0.0), (-0.0, 0.0), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (0.0, -0.0), (0.0, 0.0), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(1.0, 0.0), (U, U), (1.0, -0.0), (1.0, 0.0), (U, U), (1.0, 0.0), (1.0, 0.0)],
    [(N, N), (N, N), (N, -0.0), (N, 0.0), (N, N), (N, N), (N, N)],
];
const RECT_SPECIAL: Table = [
    [(INF, N), (U, U), (-INF, 0.0), (-INF, -0.0), (U, U), (INF, N), (INF, N)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(0.0, 0.0), (U, U), (-0.0, 0.0), (-0.0, -0.0), (U, U), (0.0, 0.0), (0.0, 0.0)],
    [(0.0, 0.0), (U, U), (0.0, -0.0), (0.0, 0.0), (U, U), (0.0, 0.0), (0.0, 0.0)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(INF, N), (U, U), (INF, -0.0), (INF, 0.0), (U, U), (INF, N), (INF, N)],
    [(N, N), (N, N), (N, 0.0), (N, 0.0), (N, N), (N, N), (N, N)],
];

fn c_sqrt(z: Z) -> Out {
    if let Some(r) = special(z, &SQRT_SPECIAL) {
        return (r, Err::None);
    }
    if z.0 == 0.0 && z.1 == 0.0 {
        return ((0.0, z.1), Err::None);
    }
    let (mut ax, ay) = (z.0.abs(), z.1.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE && (ax > 0.0 || ay > 0.0) {
        ax = ldexp(ax, SCALE_UP);
        ldexp((ax + c_hypot(ax, ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + c_hypot(ax, ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    let r = if z.0 >= 0.0 { (s, d.copysign(z.1)) } else { (d, s.copysign(z.1)) };
    (r, Err::None)
}

fn c_acos(z: Z) -> Out {
    if let Some(r) = special(z, &ACOS_SPECIAL) {
        return (r, Err::None);
    }
    let r = if z.0.abs() > LARGE_DOUBLE || z.1.abs() > LARGE_DOUBLE {
        let re = c_atan2_raw(z.1.abs(), z.0);
        let l = (c_hypot(z.0 / 2.0, z.1 / 2.0)).ln() + LN_2 * 2.0;
        let im = if z.0 < 0.0 { -l.copysign(z.1) } else { l.copysign(-z.1) };
        (re, im)
    } else {
        let s1 = c_sqrt((1.0 - z.0, -z.1)).0;
        let s2 = c_sqrt((1.0 + z.0, z.1)).0;
        (2.0 * c_atan2_raw(s1.0, s2.0), c_asinh(s2.0 * s1.1 - s2.1 * s1.0))
    };
    (r, Err::None)
}

fn c_acosh(z: Z) -> Out {
    if let Some(r) = special(z, &ACOSH_SPECIAL) {
        return (r, Err::None);
    }
    let r = if z.0.abs() > LARGE_DOUBLE || z.1.abs() > LARGE_DOUBLE {
        ((c_hypot(z.0 / 2.0, z.1 / 2.0)).ln() + LN_2 * 2.0, c_atan2_raw(z.1, z.0))
    } else {
        let s1 = c_sqrt((z.0 - 1.0, z.1)).0;
        let s2 = c_sqrt((z.0 + 1.0, z.1)).0;
        (c_asinh(s1.0 * s2.0 + s1.1 * s2.1), 2.0 * c_atan2_raw(s1.1, s2.0))
    };
    (r, Err::None)
}

fn c_asinh_z(z: Z) -> Out {
    if let Some(r) = special(z, &ASINH_SPECIAL) {
        return (r, Err::None);
    }
    let r = if z.0.abs() > LARGE_DOUBLE || z.1.abs() > LARGE_DOUBLE {
        let l = (c_hypot(z.0 / 2.0, z.1 / 2.0)).ln() + LN_2 * 2.0;
        let re = if z.1 >= 0.0 { l.copysign(z.0) } else { -l.copysign(-z.0) };
        (re, c_atan2_raw(z.1, z.0.abs()))
    } else {
        let s1 = c_sqrt((1.0 + z.1, -z.0)).0;
        let s2 = c_sqrt((1.0 - z.1, z.0)).0;
        (c_asinh(s1.0 * s2.1 - s2.0 * s1.1), c_atan2_raw(z.1, s1.0 * s2.0 - s1.1 * s2.1))
    };
    (r, Err::None)
}

fn c_asin(z: Z) -> Out {
    let (s, e) = c_asinh_z((-z.1, z.0));
    ((s.1, -s.0), e)
}

fn c_atanh(z: Z) -> Out {
    if let Some(r) = special(z, &ATANH_SPECIAL) {
        return (r, Err::None);
    }
    if z.0 < 0.0 {
        let (r, e) = c_atanh((-z.0, -z.1));
        return ((-r.0, -r.1), e);
    }
    let ay = z.1.abs();
    if z.0 > sqrt_large_double() || ay > sqrt_large_double() {
        let h = c_hypot(z.0 / 2.0, z.1 / 2.0);
        ((z.0 / 4.0 / h / h, -(PI / 2.0).copysign(-z.1)), Err::None)
    } else if z.0 == 1.0 && ay < sqrt_dbl_min() {
        if ay == 0.0 {
            ((INF, z.1), Err::Domain)
        } else {
            let re = -((ay.sqrt()) / c_hypot(ay, 2.0).sqrt()).ln();
            ((re, (c_atan2_raw(2.0, -ay) / 2.0).copysign(z.1)), Err::None)
        }
    } else {
        let re = c_log1p(4.0 * z.0 / ((1.0 - z.0) * (1.0 - z.0) + ay * ay)) / 4.0;
        let im = -c_atan2_raw(-2.0 * z.1, (1.0 - z.0) * (1.0 + z.0) - ay * ay) / 2.0;
        ((re, im), Err::None)
    }
}

fn c_atan(z: Z) -> Out {
    let (s, e) = c_atanh((-z.1, z.0));
    ((s.1, -s.0), e)
}

fn overflowed(r: Z) -> Err {
    if r.0.is_infinite() || r.1.is_infinite() {
        Err::Range
    } else {
        Err::None
    }
}

fn c_cosh(z: Z) -> Out {
    if !z.0.is_finite() || !z.1.is_finite() {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            if z.0 > 0.0 {
                (INF.copysign(z.1.cos()), INF.copysign(z.1.sin()))
            } else {
                (INF.copysign(z.1.cos()), -INF.copysign(z.1.sin()))
            }
        } else {
            COSH_SPECIAL[special_type(z.0)][special_type(z.1)]
        };
        let e = if z.1.is_infinite() && !z.0.is_nan() { Err::Domain } else { Err::None };
        return (r, e);
    }
    let r = if z.0.abs() > log_large_double() {
        let x1 = z.0 - 1f64.copysign(z.0);
        (z.1.cos() * x1.cosh() * E, z.1.sin() * x1.sinh() * E)
    } else {
        (z.1.cos() * z.0.cosh(), z.1.sin() * z.0.sinh())
    };
    (r, overflowed(r))
}

fn c_cos(z: Z) -> Out {
    c_cosh((-z.1, z.0))
}

fn c_sinh(z: Z) -> Out {
    if !z.0.is_finite() || !z.1.is_finite() {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            if z.0 > 0.0 {
                (INF.copysign(z.1.cos()), INF.copysign(z.1.sin()))
            } else {
                (-INF.copysign(z.1.cos()), INF.copysign(z.1.sin()))
            }
        } else {
            SINH_SPECIAL[special_type(z.0)][special_type(z.1)]
        };
        let e = if z.1.is_infinite() && !z.0.is_nan() { Err::Domain } else { Err::None };
        return (r, e);
    }
    let r = if z.0.abs() > log_large_double() {
        let x1 = z.0 - 1f64.copysign(z.0);
        (z.1.cos() * x1.sinh() * E, z.1.sin() * x1.cosh() * E)
    } else {
        (z.1.cos() * z.0.sinh(), z.1.sin() * z.0.cosh())
    };
    (r, overflowed(r))
}

fn c_sin(z: Z) -> Out {
    let (s, e) = c_sinh((-z.1, z.0));
    ((s.1, -s.0), e)
}

fn c_tanh(z: Z) -> Out {
    if !z.0.is_finite() || !z.1.is_finite() {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let im = 0f64.copysign(2.0 * z.1.sin() * z.1.cos());
            (if z.0 > 0.0 { 1.0 } else { -1.0 }, im)
        } else {
            TANH_SPECIAL[special_type(z.0)][special_type(z.1)]
        };
        let e = if z.1.is_infinite() && z.0.is_finite() { Err::Domain } else { Err::None };
        return (r, e);
    }
    let r = if z.0.abs() > log_large_double() {
        (1f64.copysign(z.0), 4.0 * z.1.sin() * z.1.cos() * (-2.0 * z.0.abs()).exp())
    } else {
        let tx = z.0.tanh();
        let ty = z.1.tan();
        let cx = 1.0 / z.0.cosh();
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        (tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    (r, Err::None)
}

fn c_tan(z: Z) -> Out {
    let (s, e) = c_tanh((-z.1, z.0));
    ((s.1, -s.0), e)
}

fn c_exp(z: Z) -> Out {
    if !z.0.is_finite() || !z.1.is_finite() {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            if z.0 > 0.0 {
                (INF.copysign(z.1.cos()), INF.copysign(z.1.sin()))
            } else {
                (0f64.copysign(z.1.cos()), 0f64.copysign(z.1.sin()))
            }
        } else {
            EXP_SPECIAL[special_type(z.0)][special_type(z.1)]
        };
        let e = if z.1.is_infinite() && (z.0.is_finite() || (z.0.is_infinite() && z.0 > 0.0)) {
            Err::Domain
        } else {
            Err::None
        };
        return (r, e);
    }
    let r = if z.0 > log_large_double() {
        let l = (z.0 - 1.0).exp();
        (l * z.1.cos() * E, l * z.1.sin() * E)
    } else {
        let l = z.0.exp();
        (l * z.1.cos(), l * z.1.sin())
    };
    (r, overflowed(r))
}

fn c_log(z: Z) -> Out {
    if let Some(r) = special(z, &LOG_SPECIAL) {
        return (r, Err::None);
    }
    let (ax, ay) = (z.0.abs(), z.1.abs());
    let re = if ax > LARGE_DOUBLE || ay > LARGE_DOUBLE {
        c_hypot(ax / 2.0, ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            c_hypot(ldexp(ax, MANT_DIG), ldexp(ay, MANT_DIG)).ln() - MANT_DIG as f64 * LN_2
        } else {
            return ((-INF, c_atan2_raw(z.1, z.0)), Err::Domain);
        }
    } else {
        let h = c_hypot(ax, ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            c_log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            h.ln()
        }
    };
    ((re, c_atan2_raw(z.1, z.0)), Err::None)
}

fn c_log10(z: Z) -> Out {
    let (r, e) = c_log(z);
    ((r.0 / LN_10, r.1 / LN_10), e)
}

/// atan2 with CPython's own rules for infinities and NaNs.
fn phase_of(z: Z) -> f64 {
    if z.0.is_nan() || z.1.is_nan() {
        return N;
    }
    if z.1.is_infinite() {
        if z.0.is_infinite() {
            return if z.0.is_sign_positive() {
                (0.25 * PI).copysign(z.1)
            } else {
                (0.75 * PI).copysign(z.1)
            };
        }
        return (0.5 * PI).copysign(z.1);
    }
    if z.0.is_infinite() || z.1 == 0.0 {
        return if z.0.is_sign_positive() { 0f64.copysign(z.1) } else { PI.copysign(z.1) };
    }
    c_atan2_raw(z.1, z.0)
}

// ---- the Python layer ----

pub fn init(dict: &DictObject) {
    super::add_functions(
        dict,
        &[
            ("acos", |vm, a, k| unary(vm, a, k, "acos", c_acos)),
            ("acosh", |vm, a, k| unary(vm, a, k, "acosh", c_acosh)),
            ("asin", |vm, a, k| unary(vm, a, k, "asin", c_asin)),
            ("asinh", |vm, a, k| unary(vm, a, k, "asinh", c_asinh_z)),
            ("atan", |vm, a, k| unary(vm, a, k, "atan", c_atan)),
            ("atanh", |vm, a, k| unary(vm, a, k, "atanh", c_atanh)),
            ("cos", |vm, a, k| unary(vm, a, k, "cos", c_cos)),
            ("cosh", |vm, a, k| unary(vm, a, k, "cosh", c_cosh)),
            ("exp", |vm, a, k| unary(vm, a, k, "exp", c_exp)),
            ("log10", |vm, a, k| unary(vm, a, k, "log10", c_log10)),
            ("sin", |vm, a, k| unary(vm, a, k, "sin", c_sin)),
            ("sinh", |vm, a, k| unary(vm, a, k, "sinh", c_sinh)),
            ("sqrt", |vm, a, k| unary(vm, a, k, "sqrt", c_sqrt)),
            ("tan", |vm, a, k| unary(vm, a, k, "tan", c_tan)),
            ("tanh", |vm, a, k| unary(vm, a, k, "tanh", c_tanh)),
            ("log", log),
            ("phase", phase),
            ("polar", polar),
            ("rect", rect),
            ("isfinite", |vm, a, k| test(vm, a, k, "isfinite", |z| z.0.is_finite() && z.1.is_finite())),
            ("isnan", |vm, a, k| test(vm, a, k, "isnan", |z| z.0.is_nan() || z.1.is_nan())),
            ("isinf", |vm, a, k| test(vm, a, k, "isinf", |z| z.0.is_infinite() || z.1.is_infinite())),
            ("isclose", isclose),
        ],
    );
    dict.set_str("pi", Value::Float(PI));
    dict.set_str("e", Value::Float(E));
    dict.set_str("tau", Value::Float(std::f64::consts::TAU));
    dict.set_str("inf", Value::Float(INF));
    dict.set_str("nan", Value::Float(N));
    dict.set_str("infj", complex((0.0, INF)));
    dict.set_str("nanj", complex((0.0, N)));
}

fn complex(z: Z) -> Value {
    Value::Complex(Rc::new(Complex { re: z.0, im: z.1 }))
}

/// `PyComplex_AsCComplex`: complex, int, float, or `__complex__`/`__float__`/`__index__`.
fn complex_arg(vm: &mut Vm, v: &Value) -> PyResult<Z> {
    if let Value::Complex(c) = v {
        return Ok((c.re, c.im));
    }
    if let Some(f) = crate::objects::float::as_f64(v) {
        return Ok((f?, 0.0));
    }
    if let Some(Value::Complex(c)) = crate::objects::builtin_subclass::base_value(v) {
        return Ok((c.re, c.im));
    }
    if matches!(v, Value::Instance(_)) {
        if let Some(r) = vm.call_dunder(v, "__complex__", &[])? {
            return match r {
                Value::Complex(c) => Ok((c.re, c.im)),
                other => Err(PyErr::type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    super::native_class::type_name_of(&other)
                ))),
            };
        }
        if let Some(Value::Float(f)) = vm.call_dunder(v, "__float__", &[])? {
            return Ok((f, 0.0));
        }
        if let Some(r) = vm.call_dunder(v, "__index__", &[])? {
            if let Some(f) = crate::objects::float::as_f64(&r) {
                return Ok((f?, 0.0));
            }
        }
    }
    Err(PyErr::type_error(format!("must be real number, not {}", super::native_class::type_name_of(v))))
}

fn result(out: Out) -> PyResult<Value> {
    match out.1 {
        Err::None => Ok(complex(out.0)),
        Err::Domain => Err(PyErr::value_error("math domain error")),
        Err::Range => Err(PyErr::new(ExcKind::OverflowError, "math range error")),
    }
}

fn one_arg(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str) -> PyResult<Z> {
    crate::builtins::no_kwargs(name, kwargs)?;
    if args.len() != 1 {
        return Err(PyErr::type_error(format!(
            "cmath.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    complex_arg(vm, &args[0])
}

fn unary(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str, f: fn(Z) -> Out) -> PyResult<Value> {
    let z = one_arg(vm, args, kwargs, name)?;
    result(f(z))
}

fn test(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str, f: fn(Z) -> bool) -> PyResult<Value> {
    let z = one_arg(vm, args, kwargs, name)?;
    Ok(Value::Bool(f(z)))
}

fn log(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("log", kwargs)?;
    crate::builtins::arity("log", args, 1, 2)?;
    let x = complex_arg(vm, &args[0])?;
    let (mut r, mut e) = c_log(x);
    if let Some(base) = args.get(1) {
        let b = complex_arg(vm, base)?;
        let (lb, eb) = c_log(b);
        if eb != Err::None {
            e = eb;
        }
        r = quotient(r, lb, &mut e);
    }
    result((r, e))
}

/// `_Py_c_quot`: Smith's division; a zero divisor is a domain error.
fn quotient(a: Z, b: Z, e: &mut Err) -> Z {
    let (abs_breal, abs_bimag) = (b.0.abs(), b.1.abs());
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            *e = Err::Domain;
            (0.0, 0.0)
        } else {
            let ratio = b.1 / b.0;
            let denom = b.0 + b.1 * ratio;
            ((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom)
        }
    } else if abs_bimag >= abs_breal {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        ((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom)
    } else {
        (N, N)
    }
}

fn phase(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let z = one_arg(vm, args, kwargs, "phase")?;
    // CPython reports what the C library's atan2 leaves in errno (ERANGE when it underflows).
    // SAFETY: errno is thread-local.
    unsafe { *libc::__errno_location() = 0 };
    let phi = phase_of(z);
    // SAFETY: as above.
    match unsafe { *libc::__errno_location() } {
        0 => Ok(Value::Float(phi)),
        libc::EDOM => Err(PyErr::value_error("math domain error")),
        libc::ERANGE => Err(PyErr::new(ExcKind::OverflowError, "math range error")),
        e => Err(PyErr::value_error(super::posix::strerror_text(e))),
    }
}

fn polar(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let z = one_arg(vm, args, kwargs, "polar")?;
    let phi = phase_of(z);
    let r = if z.0.is_infinite() || z.1.is_infinite() {
        INF
    } else if z.0.is_nan() || z.1.is_nan() {
        N
    } else {
        let r = c_hypot(z.0, z.1);
        if r.is_infinite() {
            return Err(PyErr::new(ExcKind::OverflowError, "math range error"));
        }
        r
    };
    Ok(super::native_class::tuple(vec![Value::Float(r), Value::Float(phi)]))
}

fn real_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match crate::objects::float::as_f64(v) {
        Some(f) => f,
        None => {
            if matches!(v, Value::Instance(_)) {
                if let Some(Value::Float(f)) = vm.call_dunder(v, "__float__", &[])? {
                    return Ok(f);
                }
            }
            Err(PyErr::type_error(format!(
                "must be real number, not {}",
                super::native_class::type_name_of(v)
            )))
        }
    }
}

fn rect(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("rect", kwargs)?;
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("rect expected 2 arguments, got {}", args.len())));
    }
    let r = real_arg(vm, &args[0])?;
    let phi = real_arg(vm, &args[1])?;
    let (z, e) = if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            if r > 0.0 {
                (INF.copysign(phi.cos()), INF.copysign(phi.sin()))
            } else {
                (-INF.copysign(phi.cos()), -INF.copysign(phi.sin()))
            }
        } else {
            RECT_SPECIAL[special_type(r)][special_type(phi)]
        };
        let e = if r != 0.0 && !r.is_nan() && phi.is_infinite() { Err::Domain } else { Err::None };
        (z, e)
    } else if phi == 0.0 {
        ((r, r * phi), Err::None)
    } else {
        ((r * phi.cos(), r * phi.sin()), Err::None)
    };
    result((z, e))
}

fn isclose(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [a, b, rel, abs] =
        crate::builtins::clinic("isclose", args, kwargs, ["a", "b", "rel_tol", "abs_tol"], 2, 2)?;
    let a = complex_arg(vm, a.as_ref().unwrap_or(&Value::None))?;
    let b = complex_arg(vm, b.as_ref().unwrap_or(&Value::None))?;
    let rel_tol = match rel {
        Some(v) => real_arg(vm, &v)?,
        None => 1e-9,
    };
    let abs_tol = match abs {
        Some(v) => real_arg(vm, &v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if a.0 == b.0 && a.1 == b.1 {
        return Ok(Value::Bool(true));
    }
    if a.0.is_infinite() || a.1.is_infinite() || b.0.is_infinite() || b.1.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = c_hypot(a.0 - b.0, a.1 - b.1);
    let close = diff <= rel_tol * c_hypot(b.0, b.1) || diff <= rel_tol * c_hypot(a.0, a.1) || diff <= abs_tol;
    Ok(Value::Bool(close))
}
