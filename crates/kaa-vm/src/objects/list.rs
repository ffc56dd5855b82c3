//! `list`: its methods (the object itself is `Value::List`, a shared `RefCell<Vec<Value>>`).
//! Searches re-borrow the list at every step: `__eq__` and `key=` functions may mutate it.

use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::{cint_arg, descriptor_error, keywords, noargs, one_arg, positional, ssize_arg};
use crate::objects::function::NativeFn;
use crate::objects::tuple::{count_in, index_in, item_equals};
use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

type List = Rc<RefCell<Vec<Value>>>;

/// The methods of `list`, sorted by name; each receives the list as `args[0]`.
pub static METHODS: &[(&str, NativeFn)] = &[
    ("append", list_append),
    ("clear", list_clear),
    ("copy", list_copy),
    ("count", list_count),
    ("extend", list_extend),
    ("index", list_index),
    ("insert", list_insert),
    ("pop", list_pop),
    ("remove", list_remove),
    ("reverse", list_reverse),
    ("sort", list_sort),
];

#[inline]
fn this<'a>(args: &'a [Value], name: &str) -> PyResult<&'a List> {
    match args.first() {
        Some(Value::List(l)) => Ok(l),
        other => match other.and_then(crate::objects::builtin_subclass::base_value) {
            Some(Value::List(l)) => Ok(l),
            _ => Err(descriptor_error("list", name, args)),
        },
    }
}

fn list_append(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let l = this(args, "append")?;
    let x = one_arg("list", "append", args, kwargs)?;
    l.borrow_mut().push(x.clone());
    Ok(Value::None)
}

fn list_clear(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let l = this(args, "clear")?;
    noargs("list", "clear", args, kwargs)?;
    // Dropping the items may run Python code that looks at the list: empty it first.
    let old = std::mem::take(&mut *l.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let l = this(args, "copy")?;
    noargs("list", "copy", args, kwargs)?;
    let items = l.borrow().clone();
    Ok(vm.new_list(items))
}

fn list_count(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let l = this(args, "count")?.clone();
    let value = one_arg("list", "count", args, kwargs)?;
    count_in(vm, value, |i| l.borrow().get(i).cloned())
}

/// Appends item by item, so a failing iterator leaves the items before the failure.
fn list_extend(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let l = this(args, "extend")?;
    let iterable = one_arg("list", "extend", args, kwargs)?;
    match iterable {
        Value::List(src) => {
            let items = src.borrow().clone();
            l.borrow_mut().extend(items);
        }
        Value::Tuple(t) => l.borrow_mut().extend(t.iter().cloned()),
        other => {
            let it = vm.get_iter(other)?;
            while let Some(x) = vm.next_of(&it)? {
                l.borrow_mut().push(x);
            }
        }
    }
    Ok(Value::None)
}

fn list_index(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let l = this(args, "index")?.clone();
    let found = index_in(vm, "list", args, kwargs, || l.borrow().len(), |i| l.borrow().get(i).cloned())?;
    match found {
        Some(i) => Ok(Value::Int(i)),
        None => Err(PyErr::value_error(format!("{} is not in list", vm.repr(&args[1])?))),
    }
}

fn list_insert(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let l = this(args, "insert")?;
    let rest = positional("list", "insert", args, kwargs, 2, 2)?;
    let i = ssize_arg(vm, &rest[0])?;
    let mut items = l.borrow_mut();
    let n = items.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(at as usize, rest[1].clone());
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let l = this(args, "pop")?;
    let rest = positional("list", "pop", args, kwargs, 0, 1)?;
    let i = match rest.first() {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let mut items = l.borrow_mut();
    if items.is_empty() {
        return Err(PyErr::new(ExcKind::IndexError, "pop from empty list"));
    }
    let n = items.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyErr::new(ExcKind::IndexError, "pop index out of range"));
    }
    Ok(items.remove(j as usize))
}

fn list_remove(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let l = this(args, "remove")?;
    let value = one_arg("list", "remove", args, kwargs)?;
    let mut i = 0;
    loop {
        let item = l.borrow().get(i).cloned();
        let Some(item) = item else { break };
        if item_equals(vm, &item, value)? {
            let mut items = l.borrow_mut();
            if i < items.len() {
                items.remove(i);
            }
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(PyErr::value_error("list.remove(x): x not in list"))
}

fn list_reverse(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let l = this(args, "reverse")?;
    noargs("list", "reverse", args, kwargs)?;
    l.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_sort(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let l = this(args, "sort")?.clone();
    let [key, reverse] = keywords("sort", &args[1..], kwargs, ["key", "reverse"], 0)?;
    sort_with(vm, &l, key, reverse)?;
    Ok(Value::None)
}

/// `list.sort(*, key=None, reverse=False)` for `sorted()` too: the keyword arguments only.
pub fn sort(vm: &mut Vm, list: &List, kwargs: &Kwargs) -> PyResult<()> {
    let [key, reverse] = keywords("sort", &[], kwargs, ["key", "reverse"], 0)?;
    sort_with(vm, list, key, reverse)
}

/// As CPython: the list is empty while it is sorted (so `key` and `__lt__` see it empty), keys
/// are computed once each, in order, and a list changed meanwhile is an error.
fn sort_with(vm: &mut Vm, list: &List, key: Option<Value>, reverse: Option<Value>) -> PyResult<()> {
    let reverse = match reverse {
        Some(v) => cint_arg(vm, &v)? != 0,
        None => false,
    };
    let key = key.filter(|k| !matches!(k, Value::None));
    let mut items = std::mem::take(&mut *list.borrow_mut());
    let outcome = sort_items(vm, &mut items, key.as_ref(), reverse);
    let modified = !list.borrow().is_empty();
    let meanwhile = std::mem::replace(&mut *list.borrow_mut(), items);
    drop(meanwhile);
    outcome?;
    if modified {
        return Err(PyErr::value_error("list modified during sort"));
    }
    Ok(())
}

fn sort_items(vm: &mut Vm, items: &mut Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<()> {
    let keys = match key {
        Some(f) => {
            let mut keys = Vec::with_capacity(items.len());
            for item in items.iter() {
                keys.push(vm.call_value(f, vec![item.clone()], Vec::new())?);
            }
            keys
        }
        None => items.clone(),
    };
    if items.len() < 2 {
        return Ok(());
    }
    // Reversing before and after a stable sort keeps equal items in their original order.
    let mut order: Vec<usize> = (0..items.len()).collect();
    if reverse {
        order.reverse();
    }
    let result = crate::objects::list_sort::timsort(vm, &keys, &mut order);
    if reverse {
        order.reverse();
    }
    let old = std::mem::take(items);
    let mut slots: Vec<Option<Value>> = old.into_iter().map(Some).collect();
    *items = order.iter().map(|&i| slots[i].take().unwrap_or(Value::None)).collect();
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_are_sorted() {
        assert!(METHODS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn sorts_long_lists_stably() {
        let mut vm = Vm::new();
        let n = 1000;
        // Keys with many duplicates, items remembering their original position.
        let items: Vec<Value> =
            (0..n).map(|i| Value::Tuple(Rc::new(vec![Value::Int((i * 7919) % 13), Value::Int(i)]))).collect();
        let list = Rc::new(RefCell::new(items));
        let key: NativeFn = |_, a, _| match &a[0] {
            Value::Tuple(t) => Ok(t[0].clone()),
            _ => Ok(Value::None),
        };
        let key = Value::Builtin(Rc::new(crate::objects::function::BuiltinFunction {
            name: "key",
            func: key,
            bound_self: None,
            is_method: false,
        }));
        for reverse in [false, true] {
            sort_with(&mut vm, &list, Some(key.clone()), Some(Value::Bool(reverse))).ok().expect("sorts");
            let got: Vec<(i64, i64)> = list
                .borrow()
                .iter()
                .map(|v| match v {
                    Value::Tuple(t) => match (&t[0], &t[1]) {
                        (Value::Int(a), Value::Int(b)) => (*a, *b),
                        _ => (0, 0),
                    },
                    _ => (0, 0),
                })
                .collect();
            // Equal keys keep their previous order, which is by original position both times.
            let mut want = got.clone();
            want.sort_by_key(|&(k, i)| (if reverse { -k } else { k }, i));
            assert_eq!(got, want);
        }
    }
}
