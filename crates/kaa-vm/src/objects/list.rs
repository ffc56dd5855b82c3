//! `list`: its methods (the object itself is `Value::List`, a shared `RefCell<Vec<Value>>`).

use crate::builtins::{int_arg, key_of, Kwargs};
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::function::NativeFn;
use crate::value::Value;
use kaa_bytecode::opcode::CompareKind;
use std::cell::RefCell;
use std::rc::Rc;

/// The methods of `list`, by name; each receives the list as `args[0]`.
pub static METHODS: &[(&str, NativeFn)] = &[
    ("append", list_append),
    ("pop", list_pop),
    ("extend", list_extend),
    ("sort", list_sort_method),
    ("reverse", list_reverse),
];

/// `list.sort(key=None, reverse=False)`: a stable merge sort that may call Python code.
pub fn sort(vm: &mut Vm, list: &Rc<RefCell<Vec<Value>>>, kwargs: &Kwargs) -> PyResult<()> {
    let mut key = None;
    let mut reverse = false;
    for (k, v) in kwargs {
        match k.as_str() {
            "key" => key = Some(v.clone()),
            "reverse" => reverse = vm.truthy(v)?,
            other => {
                return Err(PyErr::type_error(format!("'{other}' is an invalid keyword argument for sort()")))
            }
        }
    }
    let items = list.borrow().clone();
    let mut keyed = Vec::with_capacity(items.len());
    for v in items {
        keyed.push((key_of(vm, &key, &v)?, v));
    }
    // Insertion-merge sort by pairwise comparisons so errors from `<` propagate.
    let mut err = None;
    let mut sorted: Vec<(Value, Value)> = Vec::with_capacity(keyed.len());
    for item in keyed {
        let mut lo = 0;
        let mut hi = sorted.len();
        while lo < hi {
            let mid = (lo + hi) / 2;
            let less = if reverse {
                vm.compare(CompareKind::Lt, &sorted[mid].0, &item.0)
            } else {
                vm.compare(CompareKind::Lt, &item.0, &sorted[mid].0)
            };
            match less {
                Ok(true) => hi = mid,
                Ok(false) => lo = mid + 1,
                Err(e) => {
                    err = Some(e);
                    break;
                }
            }
        }
        if let Some(e) = err.take() {
            return Err(e);
        }
        sorted.insert(lo, item);
    }
    *list.borrow_mut() = sorted.into_iter().map(|(_, v)| v).collect();
    Ok(())
}

fn this_list(args: &[Value]) -> PyResult<&Rc<RefCell<Vec<Value>>>> {
    match args.first() {
        Some(Value::List(l)) => Ok(l),
        _ => Err(PyErr::type_error("descriptor requires a 'list' object")),
    }
}

fn list_append(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "list.append() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    this_list(args)?.borrow_mut().push(args[1].clone());
    Ok(Value::None)
}

fn list_pop(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let list = this_list(args)?;
    let mut l = list.borrow_mut();
    if l.is_empty() {
        return Err(PyErr::new(ExcKind::IndexError, "pop from empty list"));
    }
    let len = l.len() as i64;
    let i = match args.get(1) {
        Some(v) => int_arg(v, "")?,
        None => len - 1,
    };
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(PyErr::new(ExcKind::IndexError, "pop index out of range"));
    }
    Ok(l.remove(j as usize))
}

fn list_extend(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let list = this_list(args)?.clone();
    let items = vm.collect_iterable(&args[1])?;
    list.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_sort_method(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let list = this_list(args)?.clone();
    sort(vm, &list, kwargs)?;
    Ok(Value::None)
}

fn list_reverse(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    this_list(args)?.borrow_mut().reverse();
    Ok(Value::None)
}
