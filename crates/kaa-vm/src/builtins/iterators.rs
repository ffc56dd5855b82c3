//! The lazy iterator types of `builtins`: `zip`, `map`, `filter`, `reversed` (with the
//! `list_reverseiterator` and `dict_reversekeyiterator` it returns for lists and dicts) and the
//! `callable_iterator` of `iter(f, sentinel)`.
//!
//! Each is a type whose instances keep their state in their dict under `int` keys (which no
//! attribute name can reach) and whose `__next__` is native, so the interpreter loop drives them
//! like any iterator object with `__next__`.

use super::{hidden, native_type, Kwargs};
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::{range_len, Vm};
use crate::objects::args::{descriptor_error, err_is};
use crate::objects::dict::DictObject;
use crate::objects::iter::IterState;
use crate::objects::types::{InstanceObject, TypeObject};
use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

/// Builds the types and puts the public ones in the builtins namespace.
pub fn install(ns: &DictObject, object: &Rc<TypeObject>) {
    let next_iter: &[(&'static str, crate::objects::function::NativeFn)] = &[("__iter__", self_iter)];
    let zip = native_type(object, "zip", Some(zip_new), &[next_iter[0], ("__next__", zip_next)]);
    let map = native_type(object, "map", Some(map_new), &[next_iter[0], ("__next__", map_next)]);
    let filter = native_type(object, "filter", Some(filter_new), &[next_iter[0], ("__next__", filter_next)]);
    let reversed = native_type(
        object,
        "reversed",
        Some(reversed_new),
        &[next_iter[0], ("__next__", reversed_next), ("__length_hint__", reversed_length_hint)],
    );
    let enumerate =
        native_type(object, "enumerate", Some(enumerate_new), &[next_iter[0], ("__next__", enumerate_next)]);
    for t in [zip, map, filter, reversed, enumerate] {
        ns.set_str(&t.name.to_string(), Value::Type(t));
    }
    for name in ["list_reverseiterator", "dict_reversekeyiterator"] {
        let t = native_type(
            object,
            name,
            None,
            &[next_iter[0], ("__next__", reversed_next), ("__length_hint__", reversed_length_hint)],
        );
        ns.set_str(&hidden(name), Value::Type(t));
    }
    let callable =
        native_type(object, "callable_iterator", None, &[next_iter[0], ("__next__", callable_next)]);
    ns.set_str(&hidden("callable_iterator"), Value::Type(callable));
}

fn self_iter(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

/// A new instance of `cls` with `slots` as its state.
fn instance(cls: &Value, slots: Vec<Value>) -> PyResult<Value> {
    let Value::Type(cls) = cls else {
        return Err(PyErr::type_error("__new__(X): X is not a type object"));
    };
    let dict = DictObject::new();
    for (i, v) in slots.into_iter().enumerate() {
        dict.set(Value::Int(i as i64), v)?;
    }
    Ok(Value::Instance(Rc::new(InstanceObject::with_dict(cls.clone(), dict))))
}

fn slot(me: &InstanceObject, i: i64) -> Value {
    me.dict.get(&Value::Int(i)).ok().flatten().unwrap_or(Value::None)
}

fn set_slot(me: &InstanceObject, i: i64, v: Value) {
    let _ = me.dict.set(Value::Int(i), v);
}

fn this<'a>(tp: &str, name: &str, args: &'a [Value]) -> PyResult<&'a InstanceObject> {
    match args.first() {
        Some(Value::Instance(me)) => Ok(me),
        _ => Err(descriptor_error(tp, name, args)),
    }
}

#[cold]
fn stop() -> PyErr {
    PyErr::new(ExcKind::StopIteration, "")
}

#[cold]
fn no_keywords(name: &str) -> PyErr {
    PyErr::type_error(format!("{name}() takes no keyword arguments"))
}

// ---- zip ----

/// `zip(*iterables, strict=False)`. Slots: 0 the iterators (a tuple), 1 strict.
fn zip_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let mut strict = false;
    if kwargs.len() > 1 {
        return Err(PyErr::type_error(format!(
            "zip() takes at most 1 keyword argument ({} given)",
            kwargs.len()
        )));
    }
    if let Some((k, v)) = kwargs.first() {
        if k.as_str() != "strict" {
            return Err(PyErr::type_error(format!("'{k}' is an invalid keyword argument for zip()")));
        }
        strict = vm.truthy(v)?;
    }
    let mut iters = Vec::with_capacity(args.len().saturating_sub(1));
    for a in args.iter().skip(1) {
        iters.push(vm.get_iter(a)?);
    }
    instance(&args[0], vec![Value::Tuple(Rc::new(iters)), Value::Bool(strict)])
}

fn zip_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = this("zip", "__next__", args)?;
    let Value::Tuple(iters) = slot(me, 0) else { return Err(stop()) };
    if iters.is_empty() {
        return Err(stop());
    }
    let mut out = Vec::with_capacity(iters.len());
    for (i, it) in iters.iter().enumerate() {
        match vm.next_of(it)? {
            Some(v) => out.push(v),
            None => {
                if matches!(slot(me, 1), Value::Bool(true)) {
                    return Err(zip_length_error(vm, &iters, i)?);
                }
                return Err(stop());
            }
        }
    }
    Ok(Value::Tuple(Rc::new(out)))
}

/// `strict=True` and iterator `i` (0-based) ran out: which argument was shorter or longer.
#[cold]
fn zip_length_error(vm: &mut Vm, iters: &[Value], i: usize) -> PyResult<PyErr> {
    let plural = |n: usize| if n == 1 { " 1".to_string() } else { format!("s 1-{n}") };
    if i > 0 {
        return Ok(PyErr::value_error(format!(
            "zip() argument {} is shorter than argument{}",
            i + 1,
            plural(i)
        )));
    }
    for (j, it) in iters.iter().enumerate().skip(1) {
        if vm.next_of(it)?.is_some() {
            return Ok(PyErr::value_error(format!(
                "zip() argument {} is longer than argument{}",
                j + 1,
                plural(j)
            )));
        }
    }
    Ok(stop())
}

// ---- enumerate ----

/// `enumerate(iterable, start=0)`. Over the built-in containers' iterators this is the
/// interpreter's own enumerate iterator; otherwise an instance with slots 0 the iterator,
/// 1 the next count.
fn enumerate_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [iterable, start] =
        crate::objects::args::keywords("enumerate", &args[1..], kwargs, ["iterable", "start"], 2)?;
    let iterable =
        iterable.ok_or_else(|| PyErr::type_error("enumerate() missing required argument 'iterable'"))?;
    let inner = vm.get_iter(&iterable)?;
    let count = match start {
        Some(v) => crate::objects::args::index_value(vm, &v)?,
        None => Value::Int(0),
    };
    // `enumerate` itself (not a subclass): its only base is object.
    let plain = matches!(&args[0], Value::Type(t) if t.name == "enumerate" && t.mro_tail.len() == 1);
    if let (true, Value::Iterator(_), Value::Int(n)) = (plain, &inner, &count) {
        return Ok(Value::Iterator(Rc::new(RefCell::new(IterState::Enumerate { inner, count: *n }))));
    }
    instance(&args[0], vec![inner, count])
}

fn enumerate_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = this("enumerate", "__next__", args)?;
    let Some(item) = vm.next_of(&slot(me, 0))? else { return Err(stop()) };
    let n = slot(me, 1);
    let next = match &n {
        Value::Int(i) if *i < i64::MAX => Value::Int(i + 1),
        _ => vm.binary_value_op(kaa_bytecode::opcode::BinaryOpKind::Add, &n, &Value::Int(1))?,
    };
    set_slot(me, 1, next);
    Ok(Value::Tuple(Rc::new(vec![n, item])))
}

// ---- map ----

/// `map(func, *iterables)`. Slots: 0 func, 1 the iterators (a tuple).
fn map_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(no_keywords("map"));
    }
    if args.len() < 3 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(args.len() - 2);
    for a in &args[2..] {
        iters.push(vm.get_iter(a)?);
    }
    instance(&args[0], vec![args[1].clone(), Value::Tuple(Rc::new(iters))])
}

fn map_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = this("map", "__next__", args)?;
    let Value::Tuple(iters) = slot(me, 1) else { return Err(stop()) };
    let mut call_args = Vec::with_capacity(iters.len());
    for it in iters.iter() {
        match vm.next_of(it)? {
            Some(v) => call_args.push(v),
            None => return Err(stop()),
        }
    }
    vm.call_value(&slot(me, 0), call_args, Vec::new())
}

// ---- filter ----

/// `filter(function, iterable)`. Slots: 0 function (None: truth of the item), 1 the iterator.
fn filter_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(no_keywords("filter"));
    }
    if args.len() != 3 {
        return Err(PyErr::type_error(format!("filter expected 2 arguments, got {}", args.len() - 1)));
    }
    let it = vm.get_iter(&args[2])?;
    instance(&args[0], vec![args[1].clone(), it])
}

fn filter_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = this("filter", "__next__", args)?;
    let (func, it) = (slot(me, 0), slot(me, 1));
    // `filter(bool, ...)` needs no call, as in CPython.
    let plain = match &func {
        Value::None => true,
        Value::Type(t) => t.name == "bool" && !t.is_heap_type,
        _ => false,
    };
    while let Some(item) = vm.next_of(&it)? {
        let keep = if plain {
            vm.truthy(&item)?
        } else {
            let r = vm.call_value(&func, vec![item.clone()], Vec::new())?;
            vm.truthy(&r)?
        };
        if keep {
            return Ok(item);
        }
    }
    Err(stop())
}

// ---- reversed ----

/// `reversed(seq)`: `seq.__reversed__()` when defined, else an iterator walking the sequence
/// protocol backwards. Slots: 0 the sequence, 1 the next index (-1 once exhausted).
fn reversed_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(no_keywords("reversed"));
    }
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("reversed expected 1 argument, got {}", args.len() - 1)));
    }
    let (cls, seq) = (&args[0], &args[1]);
    let n = match seq {
        Value::Range(r) => {
            let (start, stop, step) = (r.0, r.1, r.2);
            let n = range_len(start, stop, step);
            let last = start + (n - 1).max(0) * step;
            let state = if n == 0 {
                IterState::Range { next: 0, stop: 0, step: 1 }
            } else {
                IterState::Range { next: last, stop: start.saturating_sub(step), step: -step }
            };
            return Ok(Value::Iterator(Rc::new(RefCell::new(state))));
        }
        Value::List(l) => {
            let n = l.borrow().len() as i64;
            let t = hidden_type(vm, "list_reverseiterator")?;
            return instance(&t, vec![seq.clone(), Value::Int(n - 1)]);
        }
        Value::Dict(d) => {
            return Ok(crate::objects::native::dict_iterator(crate::objects::native::ViewKind::Keys, d, true))
        }
        Value::Native(_) => match vm.call_dunder(seq, "__reversed__", &[])? {
            Some(it) => return Ok(it),
            None => return Err(not_reversible(seq)),
        },
        Value::Tuple(t) => t.len() as i64,
        Value::Str(s) => s.char_len() as i64,
        Value::Bytes(b) => b.len() as i64,
        Value::ByteArray(b) => b.data.borrow().len() as i64,
        Value::Instance(_) | Value::Exception(_) => {
            let class = vm.type_of(seq);
            match class.lookup("__reversed__") {
                Some(Value::None) => return Err(not_reversible(seq)),
                Some(_) => {
                    return Ok(vm.call_dunder(seq, "__reversed__", &[])?.unwrap_or(Value::None));
                }
                None => {}
            }
            if class.lookup("__getitem__").is_none() || class.lookup("__len__").is_none() {
                return Err(not_reversible(seq));
            }
            match vm.call_dunder(seq, "__len__", &[])? {
                Some(v) => crate::objects::args::ssize_arg(vm, &v)?,
                None => return Err(not_reversible(seq)),
            }
        }
        _ => return Err(not_reversible(seq)),
    };
    instance(cls, vec![seq.clone(), Value::Int(n - 1)])
}

#[cold]
fn not_reversible(seq: &Value) -> PyErr {
    PyErr::type_error(format!("'{}' object is not reversible", seq.type_name()))
}

fn hidden_type(vm: &Vm, name: &str) -> PyResult<Value> {
    vm.builtins
        .get_str(&hidden(name))
        .ok_or_else(|| PyErr::new(ExcKind::SystemError, format!("builtins lost the {name} type")))
}

fn reversed_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = this("reversed", "__next__", args)?;
    let Value::Int(index) = slot(me, 1) else { return Err(stop()) };
    if index < 0 {
        return Err(stop());
    }
    let seq = slot(me, 0);
    let item = match &seq {
        Value::List(l) => l.borrow().get(index as usize).cloned(),
        Value::Tuple(t) => t.get(index as usize).cloned(),
        Value::Str(s) => s.char_at(index as usize).map(|c| Value::str(c.encode_utf8(&mut [0; 4]))),
        _ => match crate::objects::args::get_item(vm, &seq, &Value::Int(index)) {
            Ok(v) => Some(v),
            Err(e) if err_is(vm, &e, ExcKind::IndexError) || err_is(vm, &e, ExcKind::StopIteration) => None,
            Err(e) => return Err(e),
        },
    };
    match item {
        Some(v) => {
            set_slot(me, 1, Value::Int(index - 1));
            Ok(v)
        }
        None => {
            set_slot(me, 1, Value::Int(-1));
            Err(stop())
        }
    }
}

fn reversed_length_hint(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = this("reversed", "__length_hint__", args)?;
    let index = match slot(me, 1) {
        Value::Int(i) => i,
        _ => -1,
    };
    let len = match slot(me, 0) {
        Value::List(l) => l.borrow().len() as i64,
        _ => i64::MAX,
    };
    Ok(Value::Int(if index < 0 || index >= len { 0 } else { index + 1 }))
}

// ---- iter(callable, sentinel) ----

/// The iterator `iter(func, sentinel)` returns. Slots: 0 func (None once exhausted), 1 sentinel.
pub fn callable_iterator(vm: &mut Vm, func: &Value, sentinel: &Value) -> PyResult<Value> {
    let t = hidden_type(vm, "callable_iterator")?;
    instance(&t, vec![func.clone(), sentinel.clone()])
}

fn callable_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = this("callable_iterator", "__next__", args)?;
    let func = slot(me, 0);
    if matches!(func, Value::None) {
        return Err(stop());
    }
    let v = match vm.call_value(&func, Vec::new(), Vec::new()) {
        Ok(v) => v,
        Err(e) if err_is(vm, &e, ExcKind::StopIteration) => {
            set_slot(me, 0, Value::None);
            return Err(stop());
        }
        Err(e) => return Err(e),
    };
    if vm.equals(&v, &slot(me, 1))? {
        set_slot(me, 0, Value::None);
        return Err(stop());
    }
    Ok(v)
}
