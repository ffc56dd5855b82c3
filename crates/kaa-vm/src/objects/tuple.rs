//! `tuple`: its methods (the object itself is `Value::Tuple`, a shared `Vec<Value>`), and the
//! `count`/`index` searches it shares with `list`.

use crate::builtins::Kwargs;
use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::{descriptor_error, one_arg, positional, slice_index};
use crate::objects::function::NativeFn;
use crate::value::Value;

/// The methods of `tuple`, sorted by name; each receives the tuple as `args[0]`.
pub static METHODS: &[(&str, NativeFn)] = &[("count", tuple_count), ("index", tuple_index)];

/// `item == value` as the containers test it: identity first, then `==` (which may call
/// `__eq__`, item's first).
#[inline]
pub fn item_equals(vm: &mut Vm, item: &Value, value: &Value) -> PyResult<bool> {
    Ok(item.is(value) || vm.equals(item, value)?)
}

/// How many items equal `value`. `get` re-reads the sequence each step, since `__eq__` may
/// mutate a list while it is searched.
pub fn count_in(vm: &mut Vm, value: &Value, get: impl Fn(usize) -> Option<Value>) -> PyResult<Value> {
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = get(i) {
        if item_equals(vm, &item, value)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

/// The `(value[, start[, stop]])` search of `index`; None when absent. `len` is re-read each step.
pub fn index_in(
    vm: &mut Vm,
    tp: &str,
    args: &[Value],
    kwargs: &Kwargs,
    len: impl Fn() -> usize,
    get: impl Fn(usize) -> Option<Value>,
) -> PyResult<Option<i64>> {
    let rest = positional(tp, "index", args, kwargs, 1, 3)?;
    let bound = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<i64> {
        let Some(v) = v else { return Ok(default) };
        let i = slice_index(vm, v, false)?.unwrap_or(default);
        Ok(if i < 0 { i.saturating_add(len() as i64).max(0) } else { i })
    };
    let start = bound(vm, rest.get(1), 0)?;
    let stop = bound(vm, rest.get(2), i64::MAX)?;
    let mut i = start;
    while i < stop && (i as usize) < len() {
        let Some(item) = get(i as usize) else { break };
        if item_equals(vm, &item, &rest[0])? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn this<'a>(args: &'a [Value], name: &str) -> PyResult<&'a std::rc::Rc<Vec<Value>>> {
    match args.first() {
        Some(Value::Tuple(t)) => Ok(t),
        other => match other.and_then(crate::objects::builtin_subclass::base_value) {
            Some(Value::Tuple(t)) => Ok(t),
            _ => Err(descriptor_error("tuple", name, args)),
        },
    }
}

fn tuple_count(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let t = this(args, "count")?.clone();
    let value = one_arg("tuple", "count", args, kwargs)?;
    count_in(vm, value, |i| t.get(i).cloned())
}

fn tuple_index(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let t = this(args, "index")?.clone();
    match index_in(vm, "tuple", args, kwargs, || t.len(), |i| t.get(i).cloned())? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(PyErr::value_error("tuple.index(x): x not in tuple")),
    }
}

#[cfg(test)]
mod tests {
    use crate::objects as o;

    /// `builtins::method` binary-searches these tables.
    #[test]
    fn method_tables_are_sorted() {
        for table in [
            o::str::METHODS,
            o::list::METHODS,
            o::tuple::METHODS,
            o::dict::METHODS,
            o::int::METHODS,
            o::float::METHODS,
            o::range::METHODS,
        ] {
            assert!(table.windows(2).all(|w| w[0].0 < w[1].0));
        }
    }
}

/// Compares two sequences as list comparison does: by the first items that differ, compared with
/// `op`, or by length when one is a prefix of the other (array and deque comparisons).
pub fn sequence_compare(
    vm: &mut Vm,
    op: kaa_bytecode::opcode::CompareKind,
    a: &[Value],
    b: &[Value],
) -> PyResult<bool> {
    use kaa_bytecode::opcode::CompareKind;
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if !vm.equals(&a[i], &b[i])? {
            break;
        }
        i += 1;
    }
    if i >= a.len() || i >= b.len() {
        let (x, y) = (a.len(), b.len());
        return Ok(match op {
            CompareKind::Lt => x < y,
            CompareKind::Le => x <= y,
            CompareKind::Eq => x == y,
            CompareKind::Ne => x != y,
            CompareKind::Gt => x > y,
            CompareKind::Ge => x >= y,
        });
    }
    match op {
        CompareKind::Eq => Ok(false),
        CompareKind::Ne => Ok(true),
        _ => vm.compare(op, &a[i], &b[i]),
    }
}
