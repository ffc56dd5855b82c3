//! Argument checking for the methods of the built-in types, with the exact messages of the
//! several conventions CPython's C methods use (METH_NOARGS, METH_O, Argument Clinic, and the
//! older `PyArg_ParseTuple`). Every method receives its object as `args[0]`.

use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::value::Value;
use num_traits::Signed;

/// `tp.name()` called with no object at all, or with an object of another type.
#[cold]
pub fn descriptor_error(tp: &str, name: &str, args: &[Value]) -> PyErr {
    match args.first() {
        None => PyErr::type_error(format!("unbound method {tp}.{name}() needs an argument")),
        Some(v) => PyErr::type_error(format!(
            "descriptor '{name}' for '{tp}' objects doesn't apply to a '{}' object",
            v.type_name()
        )),
    }
}

#[cold]
fn no_keywords(tp: &str, name: &str) -> PyErr {
    PyErr::type_error(format!("{tp}.{name}() takes no keyword arguments"))
}

/// METH_NOARGS.
#[inline]
pub fn noargs(tp: &str, name: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<()> {
    if !kwargs.is_empty() {
        return Err(no_keywords(tp, name));
    }
    if args.len() != 1 {
        return Err(PyErr::type_error(format!(
            "{tp}.{name}() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(())
}

/// METH_O: exactly one positional argument.
#[inline]
pub fn one_arg<'a>(tp: &str, name: &str, args: &'a [Value], kwargs: &Kwargs) -> PyResult<&'a Value> {
    if !kwargs.is_empty() {
        return Err(no_keywords(tp, name));
    }
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "{tp}.{name}() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    Ok(&args[1])
}

/// Argument Clinic's positional-only parameters (`_PyArg_CheckPositional`): returns the
/// arguments after the object.
#[inline]
pub fn positional<'a>(
    tp: &str,
    name: &str,
    args: &'a [Value],
    kwargs: &Kwargs,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if !kwargs.is_empty() {
        return Err(no_keywords(tp, name));
    }
    let rest = &args[1..];
    if rest.len() < min || rest.len() > max {
        return Err(positional_error(name, rest.len(), min, max));
    }
    Ok(rest)
}

#[cold]
fn positional_error(name: &str, n: usize, min: usize, max: usize) -> PyErr {
    let (how, count) = if n < min {
        (if min == max { "" } else { "at least " }, min)
    } else {
        (if min == max { "" } else { "at most " }, max)
    };
    PyErr::type_error(format!("{name} expected {how}{count} argument{}, got {n}", plural(count)))
}

/// `PyArg_ParseTuple("O|nn:name")`-style checking (str.find, count, startswith, ...).
#[inline]
pub fn parse_tuple<'a>(
    tp: &str,
    name: &str,
    args: &'a [Value],
    kwargs: &Kwargs,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if !kwargs.is_empty() {
        return Err(no_keywords(tp, name));
    }
    let rest = &args[1..];
    if rest.len() < min || rest.len() > max {
        return Err(parse_tuple_error(name, rest.len(), min, max));
    }
    Ok(rest)
}

#[cold]
fn parse_tuple_error(name: &str, n: usize, min: usize, max: usize) -> PyErr {
    let (how, count) = if min == max {
        ("exactly", min)
    } else if n < min {
        ("at least", min)
    } else {
        ("at most", max)
    };
    PyErr::type_error(format!("{name}() takes {how} {count} argument{} ({n} given)", plural(count)))
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Argument Clinic's keyword-capable parameters (`_PyArg_UnpackKeywords`): `names[i]` may be
/// given by position when `i < maxpos`, and always by name. `args` excludes the object.
pub fn keywords<const N: usize>(
    fname: &str,
    args: &[Value],
    kwargs: &Kwargs,
    names: [&str; N],
    maxpos: usize,
) -> PyResult<[Option<Value>; N]> {
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    if args.len() + kwargs.len() > N {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most {N} {}argument{} ({} given)",
            if args.is_empty() { "keyword " } else { "" },
            plural(N),
            args.len() + kwargs.len()
        )));
    }
    if args.len() > maxpos {
        return Err(if maxpos == 0 {
            PyErr::type_error(format!("{fname}() takes no positional arguments"))
        } else {
            PyErr::type_error(format!(
                "{fname}() takes at most {maxpos} positional argument{} ({} given)",
                plural(maxpos),
                args.len()
            ))
        });
    }
    for (slot, a) in out.iter_mut().zip(args) {
        *slot = Some(a.clone());
    }
    for (k, v) in kwargs {
        match names.iter().position(|n| *n == k.as_str()) {
            Some(i) if i < args.len() => {
                return Err(PyErr::type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => out[i] = Some(v.clone()),
            None => {
                return Err(PyErr::type_error(format!("'{k}' is an invalid keyword argument for {fname}()")))
            }
        }
    }
    Ok(out)
}

/// Is `err` an instance of the built-in exception `kind` (or a subclass)?
pub fn err_is(vm: &Vm, err: &PyErr, kind: ExcKind) -> bool {
    let class = vm.exception_type(kind);
    match err {
        PyErr::New(k, _) => {
            let mut k = Some(*k);
            while let Some(x) = k {
                if x == kind {
                    return true;
                }
                k = x.parent();
            }
            false
        }
        PyErr::Raised(e) | PyErr::Reraised(e) => e.class.is_subclass(&class),
    }
}

/// The integer behind `v` as `operator.index` finds it: ints, bools, `__index__`.
pub fn index_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Instance(_) => match vm.call_dunder(v, "__index__", &[])? {
            Some(r @ (Value::Int(_) | Value::BigInt(_))) => Ok(r),
            Some(Value::Bool(b)) => Ok(Value::Int(b as i64)),
            Some(r) => Err(PyErr::type_error(format!("__index__ returned non-int (type {})", r.type_name()))),
            None => Err(not_integer(v)),
        },
        _ => Err(not_integer(v)),
    }
}

#[cold]
fn not_integer(v: &Value) -> PyErr {
    PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name()))
}

/// A `Py_ssize_t` parameter.
pub fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Value::Int(i) = v {
        return Ok(*i);
    }
    match index_value(vm, v)? {
        Value::Int(i) => Ok(i),
        _ => Err(PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C ssize_t")),
    }
}

/// A C `int` parameter.
pub fn cint_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match index_value(vm, v)? {
        Value::Int(i) if i32::try_from(i).is_ok() => Ok(i),
        _ => Err(PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C int")),
    }
}

/// A slice index (`start`/`end` of find, count, index, ...): out-of-range big ints clamp. None
/// means "not given" where `none_ok`.
pub fn slice_index(vm: &mut Vm, v: &Value, none_ok: bool) -> PyResult<Option<i64>> {
    if let Value::Int(i) = v {
        return Ok(Some(*i));
    }
    if none_ok && matches!(v, Value::None) {
        return Ok(None);
    }
    let has_index = match v {
        Value::Bool(_) | Value::BigInt(_) => true,
        Value::Instance(i) => i.class.lookup("__index__").is_some(),
        _ => false,
    };
    if !has_index {
        return Err(PyErr::type_error(if none_ok {
            "slice indices must be integers or None or have an __index__ method"
        } else {
            "slice indices must be integers or have an __index__ method"
        }));
    }
    Ok(Some(match index_value(vm, v)? {
        Value::Int(i) => i,
        Value::BigInt(b) if b.is_negative() => i64::MIN,
        _ => i64::MAX,
    }))
}

/// CPython's ADJUST_INDICES: negative indices count from the end; `end` is clamped to `len`,
/// `start` is not (a start past the end finds nothing).
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut start = start.unwrap_or(0);
    let mut end = end.unwrap_or(i64::MAX);
    if end > len {
        end = len;
    } else if end < 0 {
        end = end.saturating_add(len).max(0);
    }
    if start < 0 {
        start = start.saturating_add(len).max(0);
    }
    (start, end)
}

/// `container[key]` for what methods subscript (`str.translate` tables, `format` fields,
/// `format_map` mappings): the built-in containers and classes with `__getitem__`.
pub fn get_item(vm: &mut Vm, container: &Value, key: &Value) -> PyResult<Value> {
    fn seq_index(len: usize, key: &Value, what: &str) -> PyResult<usize> {
        let i = match key {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::BigInt(_) => {
                return Err(PyErr::new(
                    ExcKind::IndexError,
                    "cannot fit 'int' into an index-sized integer".to_string(),
                ))
            }
            _ if what == "string" => {
                return Err(PyErr::type_error(format!(
                    "string indices must be integers, not '{}'",
                    key.type_name()
                )))
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "{what} indices must be integers or slices, not {}",
                    key.type_name()
                )))
            }
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(PyErr::new(ExcKind::IndexError, format!("{what} index out of range")));
        }
        Ok(j as usize)
    }
    match container {
        Value::Dict(d) => match d.get(key)? {
            Some(v) => Ok(v),
            None => Err(crate::objects::dict::DictObject::key_error(key, vm)),
        },
        Value::List(l) => {
            let len = l.borrow().len();
            let i = seq_index(len, key, "list")?;
            Ok(l.borrow()[i].clone())
        }
        Value::Tuple(t) => Ok(t[seq_index(t.len(), key, "tuple")?].clone()),
        Value::Str(s) => {
            let i = seq_index(s.char_len(), key, "string")?;
            let c = s.char_at(i).unwrap_or('\0');
            Ok(Value::str(c.encode_utf8(&mut [0; 4])))
        }
        Value::Range(r) => {
            let n = crate::interp::range_len(r.0, r.1, r.2);
            let i = seq_index(n as usize, key, "range object")?;
            Ok(Value::Int(r.0 + r.2 * i as i64))
        }
        Value::Bytes(b) => crate::objects::bytes::subscript(vm, container, b, key),
        Value::ByteArray(b) => {
            let data = b.data.borrow().clone();
            crate::objects::bytes::subscript(vm, container, &data, key)
        }
        Value::MemoryView(m) => crate::objects::memoryview::subscript(vm, m, key),
        _ => match vm.call_dunder(container, "__getitem__", std::slice::from_ref(key))? {
            Some(v) => Ok(v),
            None => {
                Err(PyErr::type_error(format!("'{}' object is not subscriptable", container.type_name())))
            }
        },
    }
}
