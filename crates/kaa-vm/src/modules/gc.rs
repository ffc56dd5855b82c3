//! `gc`: the cycle collector's interface (the collector itself is `crate::gc`).

use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::str::Name;
use crate::value::Value;

pub fn init(dict: &DictObject, vm: &mut Vm) {
    super::add_functions(
        dict,
        &[
            ("collect", collect),
            ("enable", |vm, _, _| {
                vm.gc.enabled = true;
                Ok(Value::None)
            }),
            ("disable", |vm, _, _| {
                vm.gc.enabled = false;
                Ok(Value::None)
            }),
            ("isenabled", |vm, _, _| Ok(Value::Bool(vm.gc.enabled))),
            ("get_threshold", |vm, _, _| {
                Ok(Value::Tuple(std::rc::Rc::new(
                    vm.gc.thresholds.iter().map(|&t| Value::Int(t as i64)).collect(),
                )))
            }),
            ("set_threshold", set_threshold),
            ("get_count", |vm, _, _| {
                Ok(Value::Tuple(std::rc::Rc::new(
                    vm.gc.counts.iter().map(|&t| Value::Int(t as i64)).collect(),
                )))
            }),
            ("is_tracked", |vm, args, _| match args {
                [v] => Ok(Value::Bool(is_tracked(vm, v))),
                _ => Err(PyErr::type_error(format!(
                    "gc.is_tracked() takes exactly one argument ({} given)",
                    args.len()
                ))),
            }),
            ("is_finalized", |_, args, _| match args {
                [Value::Instance(i)] => Ok(Value::Bool(i.finalized.get())),
                [_] => Ok(Value::Bool(false)),
                _ => Err(PyErr::type_error(format!(
                    "is_finalized() takes exactly one argument ({} given)",
                    args.len()
                ))),
            }),
            ("get_stats", |vm, _, _| {
                let mut out = Vec::new();
                for g in 0..crate::gc::GENERATIONS {
                    let d = DictObject::new();
                    d.set_str("collections", Value::Int(vm.gc.collections[g] as i64));
                    d.set_str("collected", Value::Int(vm.gc.collected[g] as i64));
                    d.set_str("uncollectable", Value::Int(0));
                    out.push(Value::Dict(std::rc::Rc::new(d)));
                }
                Ok(vm.new_list(out))
            }),
        ],
    );
    dict.set_str("garbage", Value::List(vm.gc.garbage.clone()));
    dict.set_str("callbacks", Value::List(vm.gc.callbacks.clone()));
    for (name, value) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        dict.set_str(name, Value::Int(value));
    }
}

/// `gc.collect(generation=2)`: the number of unreachable objects found.
fn collect(vm: &mut Vm, args: &[Value], kwargs: &[(Name, Value)]) -> PyResult<Value> {
    let generation = match (args, kwargs) {
        ([], []) => 2,
        ([Value::Int(g)], []) => *g,
        ([], [(k, Value::Int(g))]) if k.as_str() == "generation" => *g,
        ([other], []) => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )))
        }
        _ => return Err(PyErr::type_error("collect() takes at most 1 argument")),
    };
    if !(0..crate::gc::GENERATIONS as i64).contains(&generation) {
        return Err(PyErr::value_error("invalid generation"));
    }
    vm.run_pending_finalizers();
    let found = vm.collect_generation(generation as usize, "manual");
    vm.run_pending_finalizers();
    vm.poll_dead_weakrefs();
    Ok(Value::Int(found as i64))
}

/// `gc.set_threshold(threshold0[, threshold1[, threshold2]])`.
fn set_threshold(vm: &mut Vm, args: &[Value], kwargs: &[(Name, Value)]) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(PyErr::type_error("set_threshold() takes no keyword arguments"));
    }
    if args.is_empty() || args.len() > 3 {
        return Err(PyErr::type_error(if args.is_empty() {
            "set_threshold() takes at least 1 argument (0 given)".to_string()
        } else {
            format!("set_threshold() takes at most 3 arguments ({} given)", args.len())
        }));
    }
    for (i, a) in args.iter().enumerate() {
        match a {
            Value::Int(n) => vm.gc.thresholds[i] = (*n).max(0) as usize,
            Value::Bool(b) => vm.gc.thresholds[i] = *b as usize,
            other => {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    other.type_name()
                )))
            }
        }
    }
    Ok(Value::None)
}

/// `gc.is_tracked(obj)`, answered as CPython would: atomic values are never tracked, and dicts and
/// tuples only while they hold something that is.
fn is_tracked(vm: &Vm, v: &Value) -> bool {
    let _ = vm;
    match v {
        Value::Dict(d) => {
            let mut any = false;
            d.for_each_entry(&mut |k, x| any |= holds_containers(k) || holds_containers(x));
            any
        }
        Value::Tuple(items) => items.iter().any(holds_containers),
        other => holds_containers(other),
    }
}

fn holds_containers(v: &Value) -> bool {
    !matches!(
        v,
        Value::Null
            | Value::None
            | Value::NotImplemented
            | Value::Ellipsis
            | Value::Bool(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::Range(_)
            | Value::Code(_)
            | Value::Builtin(_)
    ) && !matches!(v, Value::Tuple(t) if !t.iter().any(holds_containers))
}
