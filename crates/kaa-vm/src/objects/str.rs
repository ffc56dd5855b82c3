//! `str`: methods and `repr`.

use crate::exceptions::{PyErr, PyResult};
use crate::value::Value;
use kaa_syntax::PyStr;

/// `repr(s)`.
pub fn repr(s: &str) -> String {
    kaa_syntax::repr::str_repr(&PyStr::from(s))
}

/// Calls method `name` of string `s`; None when str has no such method (yet).
pub fn call_method(s: &str, name: &str, args: &[Value]) -> Option<PyResult<Value>> {
    let arg_str = |i: usize| -> PyResult<&str> {
        match args.get(i) {
            Some(Value::Str(a)) => Ok(a),
            Some(other) => Err(PyErr::type_error(format!("must be str, not {}", other.type_name()))),
            None => Err(PyErr::type_error(format!("{name}() takes at least {} argument", i + 1))),
        }
    };
    Some(match name {
        "upper" => Ok(Value::str(&s.to_uppercase())),
        "lower" => Ok(Value::str(&s.to_lowercase())),
        "strip" => Ok(Value::str(s.trim())),
        "startswith" => arg_str(0).map(|p| Value::Bool(s.starts_with(p))),
        "endswith" => arg_str(0).map(|p| Value::Bool(s.ends_with(p))),
        "join" => return None,
        "split" => Ok(Value::List(std::rc::Rc::new(std::cell::RefCell::new(match args.first() {
            None => s.split_whitespace().map(Value::str).collect(),
            Some(_) => match arg_str(0) {
                Ok(sep) if !sep.is_empty() => s.split(sep).map(Value::str).collect(),
                Ok(_) => return Some(Err(PyErr::value_error("empty separator"))),
                Err(e) => return Some(Err(e)),
            },
        })))),
        "replace" => arg_str(0).and_then(|a| arg_str(1).map(|b| Value::str(&s.replace(a, b)))),
        _ => return None,
    })
}
