//! The methods of `set` and `frozenset`.

use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::function::NativeFn;
use crate::objects::key_lookup as kl;
use crate::objects::set::{SetObject, SetTable};
use crate::value::Value;
use std::rc::Rc;

/// The methods of `set`/`frozenset`, by name; each receives the set as `args[0]`.
pub static METHODS: &[(&str, NativeFn)] = &[
    ("add", set_add),
    ("remove", set_remove),
    ("discard", set_discard),
    ("pop", set_pop),
    ("clear", set_clear),
    ("copy", set_copy),
    ("update", set_update),
    ("union", set_union),
    ("intersection", set_intersection),
    ("difference", set_difference),
    ("symmetric_difference", set_symmetric_difference),
    ("issubset", set_issubset),
    ("issuperset", set_issuperset),
    ("isdisjoint", set_isdisjoint),
    ("intersection_update", set_intersection_update),
    ("difference_update", set_difference_update),
    ("symmetric_difference_update", set_symmetric_difference_update),
];

fn this(args: &[Value]) -> PyResult<&Rc<SetObject>> {
    match args.first() {
        Some(Value::Set(s)) => Ok(s),
        other => match other.and_then(crate::objects::builtin_subclass::base_value) {
            Some(Value::Set(s)) => Ok(s),
            _ => Err(PyErr::type_error("descriptor requires a 'set' object")),
        },
    }
}

fn mutable<'a>(args: &'a [Value], method: &str) -> PyResult<&'a Rc<SetObject>> {
    let s = this(args)?;
    if s.frozen {
        return Err(PyErr::new(
            ExcKind::AttributeError,
            format!("'frozenset' object has no attribute '{method}'"),
        ));
    }
    Ok(s)
}

fn one_arg<'a>(args: &'a [Value], method: &str) -> PyResult<&'a Value> {
    match args {
        [_, x] => Ok(x),
        _ => Err(PyErr::type_error(format!(
            "set.{method}() takes exactly one argument ({} given)",
            args.len() - 1
        ))),
    }
}

/// Any iterable as a set table (a set's own table is copied).
pub fn table_of(vm: &mut Vm, v: &Value) -> PyResult<SetTable> {
    if let Value::Set(s) = v {
        return Ok(s.table.borrow().clone());
    }
    let items = vm.collect_iterable(v)?;
    crate::objects::key_lookup::table_from(vm, items)
}

fn result(like: &SetObject, table: SetTable) -> Value {
    Value::Set(Rc::new(SetObject::from_table(table, like.frozen)))
}

fn set_add(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = mutable(args, "add")?;
    crate::objects::key_lookup::set_add(vm, s, one_arg(args, "add")?.clone())?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = mutable(args, "remove")?;
    let key = one_arg(args, "remove")?;
    if !crate::objects::key_lookup::set_discard(vm, s, key)? {
        return Err(crate::objects::dict::DictObject::key_error(key, vm));
    }
    Ok(Value::None)
}

fn set_discard(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = mutable(args, "discard")?;
    let key = one_arg(args, "discard")?;
    crate::objects::key_lookup::set_discard(vm, s, key)?;
    Ok(Value::None)
}

fn set_pop(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = mutable(args, "pop")?;
    let popped = s.table.borrow_mut().pop();
    popped.ok_or_else(|| PyErr::new(ExcKind::KeyError, "pop from an empty set"))
}

fn set_clear(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = mutable(args, "clear")?;
    *s.table.borrow_mut() = SetTable::default();
    Ok(Value::None)
}

fn set_copy(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = this(args)?;
    let mut t = SetTable::default();
    t.merge(&s.table.borrow());
    Ok(result(s, t))
}

fn set_update(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = mutable(args, "update")?.clone();
    for other in &args[1..] {
        let t = table_of(vm, other)?;
        if !kl::table_runs_python(&t) && !kl::table_runs_python(&s.table.borrow()) {
            s.table.borrow_mut().merge(&t);
            continue;
        }
        let mine = s.table.borrow().clone();
        let merged = kl::table_union(vm, &mine, &t)?;
        *s.table.borrow_mut() = merged;
    }
    Ok(Value::None)
}

/// A set operation that may run keys' `__eq__` (`key_lookup`).
type TableOp = fn(&mut Vm, &SetTable, &SetTable) -> PyResult<SetTable>;

/// Folds `op` over the set and every argument (`a.union(b, c)`).
fn fold(vm: &mut Vm, args: &[Value], op: TableOp) -> PyResult<(Rc<SetObject>, SetTable)> {
    let s = this(args)?.clone();
    let mut acc = s.table.borrow().clone();
    if args.len() == 1 {
        let mut copy = SetTable::default();
        copy.merge(&acc);
        return Ok((s, copy));
    }
    for other in &args[1..] {
        let t = table_of(vm, other)?;
        acc = op(vm, &acc, &t)?;
    }
    Ok((s, acc))
}

fn set_union(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (s, t) = fold(vm, args, kl::table_union)?;
    Ok(result(&s, t))
}

fn set_intersection(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (s, t) = fold(vm, args, kl::table_intersection)?;
    Ok(result(&s, t))
}

fn set_difference(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (s, t) = fold(vm, args, kl::table_difference)?;
    Ok(result(&s, t))
}

fn set_symmetric_difference(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let other = one_arg(args, "symmetric_difference")?;
    let s = this(args)?;
    let t = table_of(vm, other)?;
    let mine = s.table.borrow().clone();
    Ok(result(s, kl::table_symmetric_difference(vm, &mine, &t)?))
}

fn in_place(vm: &mut Vm, args: &[Value], name: &str, op: TableOp) -> PyResult<Value> {
    let s = mutable(args, name)?.clone();
    for other in &args[1..] {
        let t = table_of(vm, other)?;
        let mine = s.table.borrow().clone();
        let new = op(vm, &mine, &t)?;
        *s.table.borrow_mut() = new;
    }
    Ok(Value::None)
}

fn set_intersection_update(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    in_place(vm, args, "intersection_update", kl::table_intersection)
}

fn set_difference_update(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    in_place(vm, args, "difference_update", kl::table_difference)
}

fn set_symmetric_difference_update(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    in_place(vm, args, "symmetric_difference_update", kl::table_symmetric_difference)
}

/// Is every key of `a` in `b`?
pub fn is_subset(a: &SetTable, b: &SetTable) -> bool {
    a.len() <= b.len() && a.entries().iter().all(|(h, k)| b.contains(*h, k))
}

fn set_issubset(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let other = table_of(vm, one_arg(args, "issubset")?)?;
    let mine = this(args)?.table.borrow().clone();
    Ok(Value::Bool(crate::objects::key_lookup::table_is_subset(vm, &mine, &other)?))
}

fn set_issuperset(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let other = table_of(vm, one_arg(args, "issuperset")?)?;
    let mine = this(args)?.table.borrow().clone();
    Ok(Value::Bool(crate::objects::key_lookup::table_is_subset(vm, &other, &mine)?))
}

fn set_isdisjoint(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let other = table_of(vm, one_arg(args, "isdisjoint")?)?;
    let mine = this(args)?.table.borrow().clone();
    Ok(Value::Bool(crate::objects::key_lookup::table_intersection(vm, &mine, &other)?.is_empty()))
}
