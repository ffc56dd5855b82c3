//! The limit on decimal digits in int ↔ str conversions (CPython 3.11's defence against
//! quadratic-time conversions): `-X int_max_str_digits`, `PYTHONINTMAXSTRDIGITS`,
//! `sys.get_int_max_str_digits()` / `sys.set_int_max_str_digits()`. 0 means no limit. Bases that
//! are powers of two are never limited. The limit is per process, as the command line sets it.

use crate::exceptions::{PyErr, PyResult};
use num_bigint::BigInt;
use std::sync::atomic::{AtomicUsize, Ordering};

/// CPython's default (`sys.int_info.default_max_str_digits`).
pub const DEFAULT: usize = 4300;
/// The smallest limit other than 0 (`sys.int_info.str_digits_check_threshold`).
pub const THRESHOLD: usize = 640;

static LIMIT: AtomicUsize = AtomicUsize::new(DEFAULT);

pub fn get() -> usize {
    LIMIT.load(Ordering::Relaxed)
}

/// Sets the limit from `sys.flags.int_max_str_digits` (-1: the default).
pub fn set_from_flag(flag: i64) {
    LIMIT.store(usize::try_from(flag).unwrap_or(DEFAULT), Ordering::Relaxed);
}

/// `sys.set_int_max_str_digits(maxdigits)`.
pub fn set(maxdigits: i64) -> PyResult<()> {
    match usize::try_from(maxdigits) {
        Ok(n) if n == 0 || n >= THRESHOLD => {
            LIMIT.store(n, Ordering::Relaxed);
            Ok(())
        }
        _ => Err(PyErr::value_error(format!("maxdigits must be 0 or larger than {THRESHOLD}"))),
    }
}

/// Parsing `digits` decimal digits (the caller counts them, without sign or underscores).
pub fn check_parse(digits: usize) -> PyResult<()> {
    let limit = get();
    if limit > 0 && digits > limit {
        return Err(parse_error(limit, digits));
    }
    Ok(())
}

#[cold]
fn parse_error(limit: usize, digits: usize) -> PyErr {
    PyErr::value_error(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `n` in decimal, unless it has more digits than the limit.
pub fn to_decimal(n: &BigInt) -> PyResult<String> {
    let limit = get();
    // A cheap bound first: n has at least bits * log10(2) digits.
    if limit > 0 && (n.bits() as f64 * std::f64::consts::LOG10_2) as usize > limit {
        return Err(to_str_error(limit));
    }
    let text = n.to_string();
    let digits = text.len() - usize::from(text.starts_with('-'));
    if limit > 0 && digits > limit {
        return Err(to_str_error(limit));
    }
    Ok(text)
}

#[cold]
fn to_str_error(limit: usize) -> PyErr {
    PyErr::value_error(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    ))
}
