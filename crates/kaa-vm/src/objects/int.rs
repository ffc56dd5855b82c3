//! `int` (and `bool`, its subclass): arithmetic on i64 that overflows into big integers, and
//! CPython's hash function for numbers.

use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::value::Value;
use kaa_bytecode::opcode::BinaryOpKind;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

/// The modulus of CPython's numeric hash: 2**61 - 1.
const HASH_MODULUS: i64 = (1 << 61) - 1;

pub fn hash_int(i: i64) -> i64 {
    let m = (i.unsigned_abs() % HASH_MODULUS as u64) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

fn hash_bigint(b: &BigInt) -> i64 {
    let m = (b.abs() % BigInt::from(HASH_MODULUS)).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's hash of a float: equal to the hash of an equal int, else a reduction of the binary
/// fraction modulo 2**61 - 1.
pub fn hash_float(x: f64) -> i64 {
    if x.is_nan() {
        return 0; // CPython 3.11 hashes NaN by identity; 0 keeps dict lookups working.
    }
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    let (mut m, mut e) = frexp(x.abs());
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & HASH_MODULUS as u64) | (h >> (61 - 28));
        m *= 268435456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= HASH_MODULUS as u64 {
            h -= HASH_MODULUS as u64;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    h = ((h << e) & HASH_MODULUS as u64) | (h >> (61 - e));
    let mut r = h as i64;
    if x < 0.0 {
        r = -r;
    }
    if r == -1 {
        -2
    } else {
        r
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7FF) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(54));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7FF << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// The hash of a `str`. CPython randomizes str hashes per process, so any good stable mix does;
/// this is FNV-1a over the UTF-8 bytes.
pub fn str_hash(text: &str) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x100000001b3);
    }
    let h = (h >> 1) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// A tuple's hash, fed its items' hashes one by one (no buffer needed): CPython's xxHash-based
/// tuple hash, so sets and dicts keyed by tuples of ints iterate in CPython's order.
pub struct TupleHasher {
    acc: u64,
    len: u64,
}

impl TupleHasher {
    const PRIME_1: u64 = 11400714785074694791;
    const PRIME_2: u64 = 14029467366897019727;
    const PRIME_5: u64 = 2870177450012600261;

    pub fn new() -> TupleHasher {
        TupleHasher { acc: Self::PRIME_5, len: 0 }
    }

    #[inline]
    pub fn add(&mut self, lane: i64) {
        self.acc = self.acc.wrapping_add((lane as u64).wrapping_mul(Self::PRIME_2));
        self.acc = self.acc.rotate_left(31).wrapping_mul(Self::PRIME_1);
        self.len += 1;
    }

    pub fn finish(&self) -> i64 {
        let acc = self.acc.wrapping_add(self.len ^ (Self::PRIME_5 ^ 3527539));
        if acc == u64::MAX {
            return 1546275796;
        }
        acc as i64
    }
}

impl Default for TupleHasher {
    fn default() -> Self {
        TupleHasher::new()
    }
}

/// The hash of a `bytes`: that of the `str` with the same (Latin-1) characters, as in CPython.
pub fn bytes_hash(data: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    let mut utf8 = [0u8; 2];
    for &b in data {
        for &u in (b as char).encode_utf8(&mut utf8).as_bytes() {
            h = (h ^ u as u64).wrapping_mul(0x100000001b3);
        }
    }
    let h = (h >> 1) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(value)` for the built-in hashable types.
pub fn hash_value(v: &Value) -> PyResult<i64> {
    Ok(match v {
        Value::Int(i) => hash_int(*i),
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => hash_bigint(b),
        Value::Float(f) => hash_float(*f),
        Value::Str(s) => s.hash_with(str_hash),
        Value::None => 0x5f3759df,
        Value::Tuple(items) => {
            let mut h = TupleHasher::new();
            for it in items.iter() {
                h.add(hash_value(it)?);
            }
            h.finish()
        }
        Value::Set(s) if s.frozen => crate::objects::set::frozenset_hash(&s.table.borrow()),
        Value::Bytes(b) => b.hash(),
        Value::Complex(z) => crate::objects::complex::hash(z),
        Value::MemoryView(m) => crate::objects::memoryview::hash(m)?,
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::ByteArray(_) => {
            return Err(PyErr::type_error(format!("unhashable type: '{}'", v.type_name())))
        }
        // The referent's hash, remembered so the reference still hashes after it dies.
        Value::WeakRef(r) => match (r.hash.get(), r.target.upgrade()) {
            (Some(h), _) => h,
            (None, Some(target)) => {
                let h = hash_value(&target)?;
                r.hash.set(Some(h));
                h
            }
            (None, None) => return Err(PyErr::type_error("weak object has gone away")),
        },
        other => {
            // Identity hash for other objects.
            let p = other.address();
            (p >> 4) as i64
        }
    })
}

/// Exact comparison of an int with a float (no rounding of the int), None for NaN.
pub fn cmp_int_float(n: &BigInt, x: f64) -> Option<std::cmp::Ordering> {
    use num_traits::FromPrimitive;
    use std::cmp::Ordering;
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let floor = x.floor();
    let whole = BigInt::from_f64(floor)?;
    Some(match n.cmp(&whole) {
        // n == floor(x): x is bigger exactly when it has a fractional part.
        Ordering::Equal if x > floor => Ordering::Less,
        other => other,
    })
}

/// The value as a big integer, for `int` and `bool`.
pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

fn int_pow(a: &BigInt, b: &BigInt) -> PyResult<Value> {
    if b.is_negative() {
        let (x, y) = (a.to_f64().unwrap_or(f64::INFINITY), b.to_f64().unwrap_or(f64::NEG_INFINITY));
        if x == 0.0 {
            return Err(PyErr::new(ExcKind::ZeroDivisionError, "0.0 cannot be raised to a negative power"));
        }
        return Ok(Value::Float(x.powf(y)));
    }
    let exp = b.to_u32().ok_or_else(|| PyErr::new(ExcKind::MemoryError, ""))?;
    Ok(Value::from_bigint(num_traits::pow(a.clone(), exp as usize)))
}

/// `a <op> b` for two ints (either may be big). Returns None for operators ints do not support.
/// An int operand as an `i128`, if it fits.
#[inline]
fn wide(v: &Value) -> Option<i128> {
    match v {
        Value::Int(i) => Some(*i as i128),
        Value::Bool(b) => Some(*b as i128),
        Value::BigInt(b) if b.bits() < 127 => b.to_i128(),
        _ => None,
    }
}

/// Integer arithmetic whose operands and result fit in 128 bits, without building `BigInt`s
/// for the operands (hashes and random-number generators work mod 2**64 with products just
/// above 64 bits). None when the general path must decide (overflow, division by zero, `/`,
/// `**`).
fn wide_binary(op: BinaryOpKind, a: &Value, b: &Value) -> Option<Value> {
    use BinaryOpKind::*;
    let (x, y) = (wide(a)?, wide(b)?);
    let r = match op {
        Add => x.checked_add(y)?,
        Subtract => x.checked_sub(y)?,
        Multiply => x.checked_mul(y)?,
        FloorDivide if y != 0 => {
            let q = x.checked_div(y)?;
            if x % y != 0 && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }
        }
        Remainder if y != 0 => {
            let r = x.checked_rem(y)?;
            if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            }
        }
        And => x & y,
        Or => x | y,
        Xor => x ^ y,
        Lshift if (0..127).contains(&y) => {
            let r = x.checked_mul(1i128 << y)?;
            if r >> y != x {
                return None;
            }
            r
        }
        Rshift if y >= 0 => {
            if y >= 128 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            }
        }
        _ => return None,
    };
    Some(match i64::try_from(r) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::BigInt(std::rc::Rc::new(BigInt::from(r))),
    })
}

pub fn int_binary(op: BinaryOpKind, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    use BinaryOpKind::*;
    if let (Some(x), Some(y)) = (small(a), small(b)) {
        let fast = match op {
            Add => x.checked_add(y),
            Subtract => x.checked_sub(y),
            Multiply => x.checked_mul(y),
            FloorDivide | Remainder if y == 0 => None,
            FloorDivide => x.checked_div_euclid(y).map(|_| Integer::div_floor(&x, &y)),
            Remainder => x.checked_rem_euclid(y).map(|_| Integer::mod_floor(&x, &y)),
            And => Some(x & y),
            Or => Some(x | y),
            Xor => Some(x ^ y),
            Lshift if (0..63).contains(&y) => x.checked_mul(1i64 << y).filter(|r| r >> y == x),
            Rshift if y >= 0 => Some(if y >= 64 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            }),
            _ => None,
        };
        if let Some(r) = fast {
            return Ok(Some(Value::Int(r)));
        }
    }
    if let Some(r) = wide_binary(op, a, b) {
        return Ok(Some(r));
    }
    let (Some(x), Some(y)) = (to_bigint(a), to_bigint(b)) else { return Ok(None) };
    let zero_div = |what: &str| PyErr::new(ExcKind::ZeroDivisionError, what.to_string());
    Ok(Some(match op {
        Add => Value::from_bigint(x + y),
        Subtract => Value::from_bigint(x - y),
        Multiply => Value::from_bigint(x * y),
        FloorDivide => {
            if y.is_zero() {
                return Err(zero_div("integer division or modulo by zero"));
            }
            Value::from_bigint(x.div_floor(&y))
        }
        Remainder => {
            if y.is_zero() {
                return Err(zero_div("integer modulo by zero"));
            }
            Value::from_bigint(x.mod_floor(&y))
        }
        TrueDivide => {
            if y.is_zero() {
                return Err(zero_div("division by zero"));
            }
            let (xf, yf) = (x.to_f64().unwrap_or(f64::NAN), y.to_f64().unwrap_or(f64::NAN));
            if xf.is_infinite() || yf.is_infinite() {
                return Err(PyErr::new(
                    ExcKind::OverflowError,
                    "integer division result too large for a float",
                ));
            }
            Value::Float(xf / yf)
        }
        Power => int_pow(&x, &y)?,
        And => Value::from_bigint(x & y),
        Or => Value::from_bigint(x | y),
        Xor => Value::from_bigint(x ^ y),
        Lshift | Rshift => {
            if y.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            let n = y
                .to_usize()
                .ok_or_else(|| PyErr::new(ExcKind::OverflowError, "too many digits in integer"))?;
            Value::from_bigint(if op == Lshift { x << n } else { x >> n })
        }
        MatrixMultiply => return Ok(None),
    }))
}

fn small(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

/// `int(s)` parsing for base 10 (underscores between digits allowed, surrounding whitespace).
pub fn parse_int(s: &str, base: u32) -> Option<Value> {
    let t = s.trim();
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    let b = BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some(Value::from_bigint(if neg { -b } else { b }))
}

// ---- methods ----

/// The methods of `int` (and `bool`), sorted by name; each receives the number as `args[0]`.
pub static METHODS: &[(&str, crate::objects::function::NativeFn)] = &[
    ("as_integer_ratio", int_as_integer_ratio),
    ("bit_count", int_bit_count),
    ("bit_length", int_bit_length),
    ("conjugate", int_conjugate),
    ("from_bytes", crate::objects::int_bytes::int_from_bytes),
    ("to_bytes", crate::objects::int_bytes::int_to_bytes),
];

/// The entries of `METHODS` that are class methods.
pub static CLASS_METHODS: &[&str] = &["from_bytes"];

use crate::builtins::Kwargs;
use crate::interp::Vm;
use crate::objects::args::{descriptor_error, noargs};

/// The receiver of an int method, as a plain int (a bool becomes 0 or 1).
fn this_int(args: &[Value], kwargs: &Kwargs, name: &str) -> PyResult<Value> {
    let v = match args.first() {
        Some(Value::Int(i)) => Value::Int(*i),
        Some(Value::Bool(b)) => Value::Int(*b as i64),
        Some(v @ Value::BigInt(_)) => v.clone(),
        other => match other.and_then(crate::objects::builtin_subclass::base_value) {
            Some(v @ (Value::Int(_) | Value::BigInt(_))) => v.clone(),
            Some(Value::Bool(b)) => Value::Int(*b as i64),
            _ => return Err(descriptor_error("int", name, args)),
        },
    };
    noargs("int", name, args, kwargs)?;
    Ok(v)
}

fn int_bit_length(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(match this_int(args, kwargs, "bit_length")? {
        Value::Int(i) => 64 - i.unsigned_abs().leading_zeros() as i64,
        Value::BigInt(b) => b.bits() as i64,
        _ => 0,
    }))
}

fn int_bit_count(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(match this_int(args, kwargs, "bit_count")? {
        Value::Int(i) => i.unsigned_abs().count_ones() as i64,
        Value::BigInt(b) => b.magnitude().count_ones() as i64,
        _ => 0,
    }))
}

fn int_conjugate(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    this_int(args, kwargs, "conjugate")
}

fn int_as_integer_ratio(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let n = this_int(args, kwargs, "as_integer_ratio")?;
    Ok(Value::Tuple(std::rc::Rc::new(vec![n, Value::Int(1)])))
}
