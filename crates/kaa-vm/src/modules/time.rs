//! `time`: clocks and sleeping.

use crate::exceptions::{PyErr, PyResult};
use crate::objects::dict::DictObject;
use crate::value::Value;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn since_epoch() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
}

/// A monotonic clock in seconds (its zero is arbitrary, as in CPython).
fn monotonic() -> f64 {
    thread_local! {
        static START: Instant = Instant::now();
    }
    START.with(|s| s.elapsed().as_secs_f64())
}

fn sleep(args: &[Value]) -> PyResult<Value> {
    let secs = match args.first() {
        Some(Value::Int(i)) => *i as f64,
        Some(Value::Float(f)) => *f,
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )))
        }
        None => return Err(PyErr::type_error("time.sleep() takes exactly one argument (0 given)")),
    };
    if secs < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    std::thread::sleep(Duration::from_secs_f64(secs));
    Ok(Value::None)
}

pub fn init(dict: &DictObject) {
    super::add_functions(
        dict,
        &[
            ("time", |_, _, _| Ok(Value::Float(since_epoch()))),
            ("time_ns", |_, _, _| Ok(Value::Int((since_epoch() * 1e9) as i64))),
            ("perf_counter", |_, _, _| Ok(Value::Float(monotonic()))),
            ("monotonic", |_, _, _| Ok(Value::Float(monotonic()))),
            ("sleep", |_, a, _| sleep(a)),
        ],
    );
}
