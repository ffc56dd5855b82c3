//! `range` objects whose bounds do not fit in 64 bits (`range(1 << 1000)`). Rare, so they live
//! behind `Value::Native` and use big-int arithmetic, while ordinary ranges stay `Value::Range`.
//! Python sees one type, `range`; iterating gives a `longrange_iterator` as in CPython.

use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

pub struct LongRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
}

/// Any `int` value (small or big) as a BigInt.
pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

impl LongRange {
    /// The number of items (may itself be huge).
    pub fn length(&self) -> BigInt {
        let (lo, hi, step) = if self.step.is_positive() {
            (&self.start, &self.stop, self.step.clone())
        } else {
            (&self.stop, &self.start, -&self.step)
        };
        if lo >= hi {
            return BigInt::zero();
        }
        (hi - lo - 1u32) / step + 1u32
    }

    /// `len()`: CPython's OverflowError when the length does not fit a machine size.
    pub fn len(&self) -> PyResult<usize> {
        self.length()
            .to_usize()
            .filter(|n| *n <= isize::MAX as usize)
            .ok_or_else(|| PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C ssize_t"))
    }

    pub fn is_empty(&self) -> bool {
        self.length().is_zero()
    }

    pub fn contains(&self, v: &BigInt) -> bool {
        let inside = if self.step.is_positive() {
            &self.start <= v && v < &self.stop
        } else {
            &self.stop < v && v <= &self.start
        };
        inside && (v - &self.start).mod_floor(&self.step).is_zero()
    }

    /// `r[i]` for an int index (negative counts from the end).
    pub fn item(&self, index: &BigInt) -> PyResult<Value> {
        let len = self.length();
        let i = if index.is_negative() { index + &len } else { index.clone() };
        if i.is_negative() || i >= len {
            return Err(PyErr::new(ExcKind::IndexError, "range object index out of range"));
        }
        Ok(Value::from_bigint(&self.start + &self.step * i))
    }

    pub fn repr(&self) -> String {
        if self.step == BigInt::from(1) {
            format!("range({}, {})", self.start, self.stop)
        } else {
            format!("range({}, {}, {})", self.start, self.stop, self.step)
        }
    }
}

/// The state of a `longrange_iterator`.
pub struct LongRangeIter {
    pub next: BigInt,
    pub remaining: BigInt,
    pub step: BigInt,
}

impl LongRangeIter {
    pub fn new(r: &LongRange) -> LongRangeIter {
        LongRangeIter { next: r.start.clone(), remaining: r.length(), step: r.step.clone() }
    }

    pub fn next_value(&mut self) -> Option<Value> {
        if !self.remaining.is_positive() {
            return None;
        }
        self.remaining -= 1u32;
        let v = self.next.clone();
        self.next += &self.step;
        Some(Value::from_bigint(v))
    }
}
