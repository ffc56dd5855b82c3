//! `_bisect`: binary search and insertion in sorted sequences (`key=` included), comparing
//! with `<` exactly as CPython's C version does.

use crate::builtins::Kwargs;
use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::keywords;
use crate::objects::dict::DictObject;
use crate::value::Value;
use kaa_bytecode::opcode::CompareKind;

pub fn init(dict: &DictObject) {
    super::add_functions(
        dict,
        &[
            ("bisect_right", |vm, a, k| search_fn(vm, a, k, "bisect_right", true)),
            ("bisect_left", |vm, a, k| search_fn(vm, a, k, "bisect_left", false)),
            ("insort_right", |vm, a, k| insort(vm, a, k, "insort_right", true)),
            ("insort_left", |vm, a, k| insort(vm, a, k, "insort_left", false)),
        ],
    );
}

struct Args {
    a: Value,
    x: Value,
    lo: i64,
    hi: Option<i64>,
    key: Value,
}

fn parse(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str) -> PyResult<Args> {
    let [a, x, lo, hi, key] = keywords(name, args, kwargs, ["a", "x", "lo", "hi", "key"], 4)?;
    let a = a.ok_or_else(|| PyErr::type_error(format!("{name}() missing required argument 'a' (pos 1)")))?;
    let x = x.ok_or_else(|| PyErr::type_error(format!("{name}() missing required argument 'x' (pos 2)")))?;
    let lo = match lo {
        Some(v) => crate::objects::args::ssize_arg(vm, &v)?,
        None => 0,
    };
    if lo < 0 {
        return Err(PyErr::value_error("lo must be non-negative"));
    }
    let hi = match hi {
        None | Some(Value::None) => None,
        Some(v) => Some(crate::objects::args::ssize_arg(vm, &v)?),
    };
    Ok(Args { a, x, lo, hi, key: key.unwrap_or(Value::None) })
}

/// The insertion point of `x` in `a[lo:hi]` (after equal items when `right`).
fn search(vm: &mut Vm, p: &Args, right: bool) -> PyResult<i64> {
    let (mut lo, mut hi) = (
        p.lo,
        match p.hi {
            Some(h) => h,
            None => vm.len_of(&p.a)? as i64,
        },
    );
    while lo < hi {
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut item = match &p.a {
            Value::List(l) => match l.borrow().get(mid as usize) {
                Some(v) => v.clone(),
                None => {
                    return Err(PyErr::new(crate::exceptions::ExcKind::IndexError, "list index out of range"))
                }
            },
            other => crate::objects::args::get_item(vm, other, &Value::Int(mid))?,
        };
        if !matches!(p.key, Value::None) {
            item = vm.call_value(&p.key, vec![item], vec![])?;
        }
        let go_left = if right { less(vm, &p.x, &item)? } else { !less(vm, &item, &p.x)? };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn less(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        _ => vm.compare(CompareKind::Lt, a, b),
    }
}

fn search_fn(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str, right: bool) -> PyResult<Value> {
    let p = parse(vm, args, kwargs, name)?;
    let key_x = p.x.clone();
    let p = Args { x: key_x, ..p };
    Ok(Value::Int(search(vm, &p, right)?))
}

fn insort(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str, right: bool) -> PyResult<Value> {
    let p = parse(vm, args, kwargs, name)?;
    // With a key, the search compares key(x) with the keys of the items.
    let item = p.x.clone();
    let probe = if matches!(p.key, Value::None) {
        p.x.clone()
    } else {
        vm.call_value(&p.key, vec![p.x.clone()], vec![])?
    };
    let p = Args { x: probe, ..p };
    let at = search(vm, &p, right)?;
    match &p.a {
        Value::List(l) => {
            let mut l = l.borrow_mut();
            let at = (at.max(0) as usize).min(l.len());
            l.insert(at, item);
        }
        other => {
            let insert = vm.get_attr(other, "insert")?;
            vm.call_value(&insert, vec![Value::Int(at), item], vec![])?;
        }
    }
    Ok(Value::None)
}
