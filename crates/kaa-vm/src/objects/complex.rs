//! `complex`: arithmetic with CPython's algorithms (so results agree to the last bit: Smith's
//! division, repeated squaring for small integer powers), repr, hash, parsing and the
//! constructor.

use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::float::as_f64;
use crate::value::Value;
use kaa_bytecode::opcode::BinaryOpKind;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

const ONE: Complex = Complex { re: 1.0, im: 0.0 };

pub fn new_complex(re: f64, im: f64) -> Value {
    Value::Complex(Rc::new(Complex { re, im }))
}

/// `repr(z)`: `1j`, `(1+2j)`, `(nan+infj)`; parts print like floats without a `.0`.
pub fn repr(z: &Complex) -> String {
    kaa_syntax::repr::complex_repr(z.re, z.im)
}

/// CPython's complex hash: hash(re) + 1000003 * hash(im), wrapping.
pub fn hash(z: &Complex) -> i64 {
    let re = crate::objects::int::hash_float(z.re) as u64;
    let im = crate::objects::int::hash_float(z.im) as u64;
    let h = re.wrapping_add(im.wrapping_mul(1000003)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// A number operand as a complex; None for non-numbers.
fn operand(v: &Value) -> Option<PyResult<Complex>> {
    match v {
        Value::Complex(z) => Some(Ok(**z)),
        _ => as_f64(v).map(|r| r.map(|re| Complex { re, im: 0.0 })),
    }
}

fn prod(a: Complex, b: Complex) -> Complex {
    Complex { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re }
}

/// Smith's algorithm, as CPython's `_Py_c_quot`; None for division by zero.
fn quot(a: Complex, b: Complex) -> Option<Complex> {
    let abs_breal = b.re.abs();
    let abs_bimag = b.im.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Some(Complex { re: (a.re + a.im * ratio) / denom, im: (a.im - a.re * ratio) / denom })
    } else if abs_bimag >= abs_breal {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Some(Complex { re: (a.re * ratio + a.im) / denom, im: (a.im * ratio - a.re) / denom })
    } else {
        Some(Complex { re: f64::NAN, im: f64::NAN })
    }
}

#[cold]
fn zero_power() -> PyErr {
    PyErr::new(ExcKind::ZeroDivisionError, "0.0 to a negative or complex power")
}

/// `_Py_c_pow`: the general power through polar form.
fn general_pow(a: Complex, b: Complex) -> PyResult<Complex> {
    if b.re == 0.0 && b.im == 0.0 {
        return Ok(ONE);
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(zero_power());
        }
        return Ok(Complex { re: 0.0, im: 0.0 });
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    Ok(Complex { re: len * phase.cos(), im: len * phase.sin() })
}

/// Binary exponentiation by a non-negative integer (`c_powu`).
fn pow_unsigned(x: Complex, n: i64) -> Complex {
    let mut r = ONE;
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

/// `a ** b` as CPython's `complex_pow` computes it.
pub fn pow(a: Complex, b: Complex) -> PyResult<Complex> {
    let small_int = b.im == 0.0 && b.re == b.re.trunc() && b.re.abs() <= 100.0;
    let r = if small_int {
        let n = b.re as i64;
        if n > 0 {
            pow_unsigned(a, n)
        } else {
            quot(ONE, pow_unsigned(a, -n)).ok_or_else(zero_power)?
        }
    } else {
        general_pow(a, b)?
    };
    if r.re.is_infinite() || r.im.is_infinite() {
        return Err(PyErr::new(ExcKind::OverflowError, "complex exponentiation"));
    }
    Ok(r)
}

/// `a <op> b` where one side is complex and the other a number; None otherwise.
pub fn binary_op(op: BinaryOpKind, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if !matches!(a, Value::Complex(_)) && !matches!(b, Value::Complex(_)) {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (operand(a), operand(b)) else { return Ok(None) };
    let (x, y) = (x?, y?);
    let r = match op {
        BinaryOpKind::Add => Complex { re: x.re + y.re, im: x.im + y.im },
        BinaryOpKind::Subtract => Complex { re: x.re - y.re, im: x.im - y.im },
        BinaryOpKind::Multiply => prod(x, y),
        BinaryOpKind::TrueDivide => {
            quot(x, y).ok_or_else(|| PyErr::new(ExcKind::ZeroDivisionError, "complex division by zero"))?
        }
        BinaryOpKind::Power => pow(x, y)?,
        _ => return Ok(None),
    };
    Ok(Some(Value::Complex(Rc::new(r))))
}

/// `-z`, `+z`, `abs(z)`.
pub fn unary(op: char, z: &Complex) -> PyResult<Value> {
    Ok(match op {
        '-' => new_complex(-z.re, -z.im),
        '+' => new_complex(z.re, z.im),
        _ => {
            let r = z.re.hypot(z.im);
            if r.is_infinite() && z.re.is_finite() && z.im.is_finite() {
                return Err(PyErr::new(ExcKind::OverflowError, "absolute value too large"));
            }
            Value::Float(r)
        }
    })
}

/// `z == v` for a complex and a number (exact, like int/float comparison).
pub fn equal(z: &Complex, v: &Value) -> Option<bool> {
    match v {
        Value::Complex(w) => Some(z.re == w.re && z.im == w.im),
        Value::Float(f) => Some(z.im == 0.0 && z.re == *f),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let n = crate::objects::int::to_bigint(v)?;
            Some(
                z.im == 0.0
                    && crate::objects::int::cmp_int_float(&n, z.re) == Some(std::cmp::Ordering::Equal),
            )
        }
        _ => None,
    }
}

/// `z.real`, `z.imag`.
pub fn attr(z: &Complex, name: &str) -> Option<Value> {
    match name {
        "real" => Some(Value::Float(z.re)),
        "imag" => Some(Value::Float(z.im)),
        _ => None,
    }
}

pub static METHODS: &[(&str, crate::objects::function::NativeFn)] = &[
    ("__complex__", |_, a, k| {
        let z = this(a, "__complex__")?;
        crate::objects::args::noargs("complex", "__complex__", a, k)?;
        Ok(new_complex(z.re, z.im))
    }),
    ("__format__", |_, a, k| {
        let z = this(a, "__format__")?;
        let spec = crate::objects::args::one_arg("complex", "__format__", a, k)?;
        let Value::Str(spec) = spec else {
            return Err(PyErr::type_error(format!(
                "__format__() argument must be str, not {}",
                spec.type_name()
            )));
        };
        if spec.is_empty() {
            return Ok(Value::str(&repr(&z)));
        }
        Ok(Value::str(&crate::builtins::format_complex(z.re, z.im, spec)?))
    }),
    ("__getnewargs__", |_, a, k| {
        let z = this(a, "__getnewargs__")?;
        crate::objects::args::noargs("complex", "__getnewargs__", a, k)?;
        Ok(Value::Tuple(Rc::new(vec![Value::Float(z.re), Value::Float(z.im)])))
    }),
    ("conjugate", |_, a, k| {
        let z = this(a, "conjugate")?;
        crate::objects::args::noargs("complex", "conjugate", a, k)?;
        Ok(new_complex(z.re, -z.im))
    }),
];

fn this(args: &[Value], name: &str) -> PyResult<Complex> {
    match args.first() {
        Some(Value::Complex(z)) => Ok(**z),
        _ => Err(crate::objects::args::descriptor_error("complex", name, args)),
    }
}

#[cold]
fn malformed() -> PyErr {
    PyErr::value_error("complex() arg is a malformed string")
}

/// Parses `complex("...")`: optional parentheses and surrounding whitespace, then `a`, `bj`,
/// `a+bj` or `a-bj`, where the imaginary coefficient may be omitted (`j`, `-j`).
pub fn parse(text: &str) -> PyResult<Complex> {
    let mut s = text.trim();
    if let Some(inner) = s.strip_prefix('(') {
        s = inner.strip_suffix(')').ok_or_else(malformed)?.trim();
    }
    if s.is_empty() {
        return Err(malformed());
    }
    let float = |t: &str| -> PyResult<f64> {
        if t.is_empty() || t.contains(char::is_whitespace) {
            return Err(malformed());
        }
        crate::builtins::parse_float(t).ok_or_else(malformed)
    };
    let Some(body) = s.strip_suffix(['j', 'J']) else {
        return Ok(Complex { re: float(s)?, im: 0.0 });
    };
    // The split between the parts is the last sign not part of an exponent.
    let bytes = body.as_bytes();
    let split = (1..bytes.len())
        .rev()
        .find(|&i| matches!(bytes[i], b'+' | b'-') && !matches!(bytes[i - 1], b'e' | b'E'));
    let coefficient = |t: &str| -> PyResult<f64> {
        match t {
            "" | "+" => Ok(1.0),
            "-" => Ok(-1.0),
            _ => float(t),
        }
    };
    match split {
        Some(i) => Ok(Complex { re: float(&body[..i])?, im: coefficient(&body[i..])? }),
        None => Ok(Complex { re: 0.0, im: coefficient(body)? }),
    }
}

/// A constructor argument as a complex: `__complex__`, then a real number.
fn number_arg(vm: &mut Vm, v: &Value, first: bool) -> PyResult<(Complex, bool)> {
    match v {
        Value::Complex(z) => return Ok((**z, true)),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) => {
            return Ok((Complex { re: as_f64(v).unwrap_or(Ok(0.0))?, im: 0.0 }, false))
        }
        Value::Instance(i) => {
            if let Some(f) = i.class.lookup("__complex__") {
                let r = vm.call_value(&f, vec![v.clone()], Vec::new())?;
                return match r {
                    Value::Complex(z) => Ok((*z, true)),
                    other => Err(PyErr::type_error(format!(
                        "__complex__ returned non-complex (type {})",
                        other.type_name()
                    ))),
                };
            }
            if i.class.lookup("__float__").is_some() || i.class.lookup("__index__").is_some() {
                let float = Value::Type(vm.types.float.clone());
                let f = vm.call_value(&float, vec![v.clone()], Vec::new())?;
                return Ok((Complex { re: as_f64(&f).unwrap_or(Ok(0.0))?, im: 0.0 }, false));
            }
        }
        _ => {}
    }
    Err(PyErr::type_error(if first {
        format!("complex() first argument must be a string or a number, not '{}'", v.type_name())
    } else {
        format!("complex() second argument must be a number, not '{}'", v.type_name())
    }))
}

/// `complex(real=0, imag=0)`.
pub fn builtin_complex(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [real, imag] = crate::objects::args::keywords("complex", args, kwargs, ["real", "imag"], 2)?;
    match (&real, &imag) {
        (Some(Value::Str(s)), None) => {
            // Underscores are checked by a separate pass in CPython, with its own message.
            let z = parse(s).map_err(|e| {
                if s.contains('_') {
                    PyErr::value_error(format!(
                        "could not convert string to complex: {}",
                        crate::objects::str::repr(s)
                    ))
                } else {
                    e
                }
            })?;
            return Ok(new_complex(z.re, z.im));
        }
        (Some(Value::Str(_)), Some(_)) => {
            return Err(PyErr::type_error("complex() can't take second arg if first is a string"))
        }
        (_, Some(Value::Str(_))) => return Err(PyErr::type_error("complex() second arg can't be a string")),
        (Some(v @ Value::Complex(_)), None) => return Ok(v.clone()),
        _ => {}
    }
    let (r, r_complex) = match &real {
        Some(v) => number_arg(vm, v, true)?,
        None => (Complex { re: 0.0, im: 0.0 }, false),
    };
    let Some(imag) = imag else {
        return Ok(new_complex(r.re, r.im));
    };
    let (i, i_complex) = number_arg(vm, &imag, false)?;
    // real + imag*1j, without multiplying (so signed zeros survive as CPython keeps them).
    let mut re = r.re;
    let mut im = i.re;
    if i_complex {
        re -= i.im;
    }
    if r_complex {
        im += r.im;
    }
    Ok(new_complex(re, im))
}
