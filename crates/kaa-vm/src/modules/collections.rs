//! `_collections`: `deque` (a `VecDeque` with CPython's methods, messages, reprs and the
//! "mutated during iteration" check), its iterators, and `_count_elements` (Counter's loop).

use super::native_class::{
    add_class, check_arity, class_named, cls_of, new_instance, no_kwargs, self_iter, state, state_of, stop,
    type_name_of, Slots,
};
use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::{index_value, keywords};
use crate::objects::dict::DictObject;
use crate::objects::function::NativeFn;
use crate::objects::types::PropertyObject;
use crate::value::Value;
use kaa_bytecode::opcode::CompareKind;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

const MODULE: &str = "collections";
const NAME: &str = "collections.deque";

pub fn init(vm: &mut Vm, dict: &DictObject) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", deque_init),
        ("append", append),
        ("appendleft", appendleft),
        ("pop", pop),
        ("popleft", popleft),
        ("extend", extend),
        ("extendleft", extendleft),
        ("clear", clear),
        ("copy", copy),
        ("__copy__", copy),
        ("count", count),
        ("index", index),
        ("insert", insert),
        ("remove", remove),
        ("reverse", reverse),
        ("rotate", rotate),
        ("__len__", len),
        ("__bool__", bool_),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__reversed__", reversed),
        ("__repr__", repr),
        ("__eq__", |vm, a, _| compare(vm, a, CompareKind::Eq)),
        ("__ne__", |vm, a, _| compare(vm, a, CompareKind::Ne)),
        ("__lt__", |vm, a, _| compare(vm, a, CompareKind::Lt)),
        ("__le__", |vm, a, _| compare(vm, a, CompareKind::Le)),
        ("__gt__", |vm, a, _| compare(vm, a, CompareKind::Gt)),
        ("__ge__", |vm, a, _| compare(vm, a, CompareKind::Ge)),
        ("__add__", add),
        ("__iadd__", iadd),
        ("__mul__", mul),
        ("__rmul__", mul),
        ("__imul__", imul),
    ];
    let deque = add_class(vm, dict, MODULE, "deque", Some(deque_new), methods);
    deque.dict.set_str("__hash__", Value::None);
    let fget = Value::Builtin(Rc::new(crate::objects::function::BuiltinFunction {
        name: "maxlen",
        func: maxlen,
        bound_self: None,
        is_method: true,
    }));
    deque.dict.set_str(
        "maxlen",
        Value::Property(Rc::new(PropertyObject {
            fget,
            fset: Value::None,
            fdel: Value::None,
            doc: Default::default(),
        })),
    );
    vm.native_classes.insert("collections.deque", deque);
    let iter_methods: &[(&'static str, NativeFn)] =
        &[("__iter__", self_iter), ("__next__", iter_next), ("__length_hint__", iter_length_hint)];
    let it = add_class(vm, dict, MODULE, "_deque_iterator", None, iter_methods);
    vm.native_classes.insert("collections._deque_iterator", it);
    let rit = add_class(vm, dict, MODULE, "_deque_reverse_iterator", None, iter_methods);
    vm.native_classes.insert("collections._deque_reverse_iterator", rit);
    super::add_functions(dict, &[("_count_elements", count_elements)]);
}

pub struct Deque {
    items: VecDeque<Value>,
    maxlen: Option<usize>,
    /// Bumped by every change of length or order: live iterators compare it.
    mutations: u64,
    /// A repr of this deque is being built (a deque inside itself shows as `[...]`).
    in_repr: bool,
}
impl Slots for Deque {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        for v in self.items.iter_mut() {
            f(v);
        }
    }
}

impl Deque {
    fn push_back(&mut self, v: Value) -> Option<Value> {
        self.mutations += 1;
        if self.maxlen == Some(0) {
            return Some(v);
        }
        self.items.push_back(v);
        match self.maxlen {
            Some(m) if self.items.len() > m => self.items.pop_front(),
            _ => None,
        }
    }
    fn push_front(&mut self, v: Value) -> Option<Value> {
        self.mutations += 1;
        if self.maxlen == Some(0) {
            return Some(v);
        }
        self.items.push_front(v);
        match self.maxlen {
            Some(m) if self.items.len() > m => self.items.pop_back(),
            _ => None,
        }
    }
}

type DequeRef<'a> = &'a RefCell<Deque>;

fn me<'a>(args: &'a [Value], method: &str) -> PyResult<DequeRef<'a>> {
    state::<Deque>(args, NAME, method)
}

fn deque_new(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    Ok(new_instance(vm, &cls, Deque { items: VecDeque::new(), maxlen: None, mutations: 0, in_repr: false }))
}

fn maxlen_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            if !matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
                return Err(PyErr::type_error("an integer is required"));
            }
            let n = crate::objects::args::ssize_arg(vm, &v)?;
            if n < 0 {
                return Err(PyErr::value_error("maxlen must be non-negative"));
            }
            Ok(Some(n as usize))
        }
    }
}

fn deque_init(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__init__")?;
    if args.len() - 1 + kwargs.len() > 2 {
        return Err(PyErr::type_error(format!(
            "deque() takes at most 2 arguments ({} given)",
            args.len() - 1 + kwargs.len()
        )));
    }
    let [iterable, maxlen] = keywords("deque", &args[1..], kwargs, ["iterable", "maxlen"], 2)?;
    let maxlen = maxlen_arg(vm, maxlen)?;
    {
        let mut d = st.borrow_mut();
        d.maxlen = maxlen;
        if !d.items.is_empty() {
            d.items.clear();
            d.mutations += 1;
        }
    }
    if let Some(iterable) = iterable {
        extend_with(vm, &args[0], st, &iterable, false)?;
    }
    Ok(Value::None)
}

fn maxlen(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "maxlen")?;
    let m = st.borrow().maxlen;
    Ok(m.map_or(Value::None, |m| Value::Int(m as i64)))
}

fn one<'a>(args: &'a [Value], kwargs: &Kwargs, name: &str) -> PyResult<&'a Value> {
    crate::objects::args::one_arg("deque", name, args, kwargs)
}

fn append(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "append")?;
    let v = one(args, kwargs, "append")?.clone();
    let dropped = st.borrow_mut().push_back(v);
    drop(dropped);
    Ok(Value::None)
}

fn appendleft(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "appendleft")?;
    let v = one(args, kwargs, "appendleft")?.clone();
    let dropped = st.borrow_mut().push_front(v);
    drop(dropped);
    Ok(Value::None)
}

fn noargs(args: &[Value], kwargs: &Kwargs, name: &str) -> PyResult<()> {
    crate::objects::args::noargs("deque", name, args, kwargs)
}

#[cold]
fn empty_pop() -> PyErr {
    PyErr::new(ExcKind::IndexError, "pop from an empty deque")
}

fn pop(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "pop")?;
    noargs(args, kwargs, "pop")?;
    let mut d = st.borrow_mut();
    d.mutations += 1;
    d.items.pop_back().ok_or_else(empty_pop)
}

fn popleft(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "popleft")?;
    noargs(args, kwargs, "popleft")?;
    let mut d = st.borrow_mut();
    d.mutations += 1;
    d.items.pop_front().ok_or_else(empty_pop)
}

/// The items of `iterable` appended on the right (or the left); a deque extended by itself
/// takes a copy first.
fn extend_with(vm: &mut Vm, this: &Value, st: DequeRef, iterable: &Value, left: bool) -> PyResult<()> {
    let same = match (this, iterable) {
        (Value::Instance(a), Value::Instance(b)) => Rc::ptr_eq(a, b),
        _ => false,
    };
    let items: Vec<Value> = match iterable {
        _ if same => st.borrow().items.iter().cloned().collect(),
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        _ => {
            let it = vm.get_iter(iterable)?;
            while let Some(v) = vm.next_of(&it)? {
                let dropped = if left { st.borrow_mut().push_front(v) } else { st.borrow_mut().push_back(v) };
                drop(dropped);
            }
            return Ok(());
        }
    };
    let mut dropped = Vec::new();
    {
        let mut d = st.borrow_mut();
        for v in items {
            dropped.extend(if left { d.push_front(v) } else { d.push_back(v) });
        }
    }
    Ok(())
}

fn extend(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "extend")?;
    let iterable = one(args, kwargs, "extend")?;
    extend_with(vm, &args[0], st, iterable, false)?;
    Ok(Value::None)
}

fn extendleft(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "extendleft")?;
    let iterable = one(args, kwargs, "extendleft")?;
    extend_with(vm, &args[0], st, iterable, true)?;
    Ok(Value::None)
}

fn clear(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "clear")?;
    noargs(args, kwargs, "clear")?;
    let old = {
        let mut d = st.borrow_mut();
        d.mutations += 1;
        std::mem::take(&mut d.items)
    };
    drop(old);
    Ok(Value::None)
}

fn snapshot(st: DequeRef) -> (Vec<Value>, Option<usize>) {
    let d = st.borrow();
    (d.items.iter().cloned().collect(), d.maxlen)
}

fn copy(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "copy")?;
    let (items, maxlen) = snapshot(st);
    let cls = vm.type_of(&args[0]);
    let plain = Rc::ptr_eq(&cls, &class_named(vm, "collections.deque")?);
    if plain {
        return Ok(make_deque(vm, &cls, items, maxlen));
    }
    // A subclass is rebuilt through its constructor, as CPython does.
    let list = vm.new_list(items);
    let mut call_args = vec![list];
    if let Some(m) = maxlen {
        call_args.push(Value::Int(m as i64));
    }
    vm.call_value(&Value::Type(cls), call_args, vec![])
}

fn make_deque(
    vm: &mut Vm,
    cls: &Rc<crate::objects::types::TypeObject>,
    items: Vec<Value>,
    maxlen: Option<usize>,
) -> Value {
    let mut dq = Deque { items: VecDeque::with_capacity(items.len()), maxlen, mutations: 0, in_repr: false };
    for v in items {
        drop(dq.push_back(v));
    }
    new_instance(vm, cls, dq)
}

fn count(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "count")?;
    let x = one(args, kwargs, "count")?;
    let (items, _) = snapshot(st);
    let start = st.borrow().mutations;
    let mut n = 0;
    for v in &items {
        if vm.equals(v, x)? {
            n += 1;
        }
        if st.borrow().mutations != start {
            return Err(mutated());
        }
    }
    Ok(Value::Int(n))
}

#[cold]
fn mutated() -> PyErr {
    PyErr::new(ExcKind::RuntimeError, "deque mutated during iteration")
}

fn index(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "index")?;
    no_kwargs("index", kwargs)?;
    if args.len() < 2 || args.len() > 4 {
        check_arity("index", args.len() - 1, 1, 3)?;
    }
    let x = &args[1];
    let len = st.borrow().items.len() as i64;
    let bound = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None => Ok(default),
            Some(v) => {
                let i = crate::objects::args::slice_index(vm, v, false)?.unwrap_or(default);
                Ok(if i < 0 { (i + len).max(0) } else { i.min(len) })
            }
        }
    };
    let start = bound(vm, args.get(2), 0)?;
    let stop_at = bound(vm, args.get(3), len)?;
    let start_mut = st.borrow().mutations;
    let mut i = start;
    while i < stop_at {
        let item = st.borrow().items.get(i as usize).cloned();
        let Some(item) = item else { break };
        if vm.equals(&item, x)? {
            return Ok(Value::Int(i));
        }
        if st.borrow().mutations != start_mut {
            return Err(mutated());
        }
        i += 1;
    }
    let r = vm.repr(x)?;
    Err(PyErr::value_error(format!("{r} is not in deque")))
}

fn insert(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "insert")?;
    crate::objects::args::parse_tuple("deque", "insert", args, kwargs, 2, 2)?;
    let i = crate::objects::args::ssize_arg(vm, &args[1])?;
    let mut d = st.borrow_mut();
    if d.maxlen == Some(d.items.len()) {
        return Err(PyErr::new(ExcKind::IndexError, "deque already at its maximum size"));
    }
    let len = d.items.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    d.items.insert(at as usize, args[2].clone());
    d.mutations += 1;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "remove")?;
    let x = one(args, kwargs, "remove")?;
    let (items, _) = snapshot(st);
    let start = st.borrow().mutations;
    for (i, v) in items.iter().enumerate() {
        let eq = vm.equals(v, x)?;
        if st.borrow().mutations != start {
            return Err(PyErr::new(ExcKind::IndexError, "deque mutated during iteration"));
        }
        if eq {
            let removed = {
                let mut d = st.borrow_mut();
                d.mutations += 1;
                d.items.remove(i)
            };
            drop(removed);
            return Ok(Value::None);
        }
    }
    let r = vm.repr(x)?;
    Err(PyErr::value_error(format!("{r} is not in deque")))
}

fn reverse(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "reverse")?;
    noargs(args, kwargs, "reverse")?;
    let mut d = st.borrow_mut();
    d.items.make_contiguous().reverse();
    d.mutations += 1;
    Ok(Value::None)
}

fn rotate(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "rotate")?;
    no_kwargs("rotate", kwargs)?;
    check_arity("rotate", args.len() - 1, 0, 1)?;
    let n = match args.get(1) {
        Some(v) => {
            if matches!(v, Value::Float(_)) {
                return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
            }
            crate::objects::args::ssize_arg(vm, v)?
        }
        None => 1,
    };
    let mut d = st.borrow_mut();
    let len = d.items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        d.items.rotate_right(k);
    }
    d.mutations += 1;
    Ok(Value::None)
}

fn len(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__len__")?;
    let n = st.borrow().items.len();
    Ok(Value::Int(n as i64))
}

fn bool_(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__bool__")?;
    let n = st.borrow().items.len();
    Ok(Value::Bool(n > 0))
}

/// The position `key` names in a deque of `len` items.
fn position(vm: &mut Vm, key: &Value, len: usize) -> PyResult<usize> {
    let i = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => {
            return Err(PyErr::new(ExcKind::IndexError, "cannot fit 'int' into an index-sized integer"))
        }
        Value::Instance(inst) if inst.class.lookup("__index__").is_some() => match index_value(vm, key)? {
            Value::Int(i) => i,
            _ => return Err(PyErr::new(ExcKind::IndexError, "cannot fit 'int' into an index-sized integer")),
        },
        other => {
            return Err(PyErr::type_error(format!(
                "sequence index must be integer, not '{}'",
                other.type_name()
            )))
        }
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(PyErr::new(ExcKind::IndexError, "deque index out of range"));
    }
    Ok(j as usize)
}

fn getitem(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__getitem__")?;
    check_arity("__getitem__", args.len() - 1, 1, 1)?;
    let len = st.borrow().items.len();
    let i = position(vm, &args[1], len)?;
    let v = st.borrow().items.get(i).cloned();
    v.ok_or_else(|| PyErr::new(ExcKind::IndexError, "deque index out of range"))
}

fn setitem(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__setitem__")?;
    check_arity("__setitem__", args.len() - 1, 2, 2)?;
    let len = st.borrow().items.len();
    let i = position(vm, &args[1], len)?;
    let old = st.borrow_mut().items.get_mut(i).map(|slot| std::mem::replace(slot, args[2].clone()));
    drop(old);
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__delitem__")?;
    check_arity("__delitem__", args.len() - 1, 1, 1)?;
    let len = st.borrow().items.len();
    let i = position(vm, &args[1], len)?;
    let old = {
        let mut d = st.borrow_mut();
        d.mutations += 1;
        d.items.remove(i)
    };
    drop(old);
    Ok(Value::None)
}

fn contains(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__contains__")?;
    check_arity("__contains__", args.len() - 1, 1, 1)?;
    let (items, _) = snapshot(st);
    let start = st.borrow().mutations;
    for v in &items {
        if vm.equals(v, &args[1])? {
            return Ok(Value::Bool(true));
        }
        if st.borrow().mutations != start {
            return Err(mutated());
        }
    }
    Ok(Value::Bool(false))
}

// ---- iterators ----

struct DequeIter {
    deque: Value,
    /// Items still to give.
    left: usize,
    /// The position of the next item (from the right for a reverse iterator).
    pos: usize,
    mutations: u64,
    reverse: bool,
}
impl Slots for DequeIter {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        f(&mut self.deque);
    }
}

fn make_iter(vm: &mut Vm, args: &[Value], reverse: bool) -> PyResult<Value> {
    let st = me(args, if reverse { "__reversed__" } else { "__iter__" })?;
    let (left, mutations) = {
        let d = st.borrow();
        (d.items.len(), d.mutations)
    };
    let key = if reverse { "collections._deque_reverse_iterator" } else { "collections._deque_iterator" };
    let cls = class_named(vm, key)?;
    Ok(new_instance(vm, &cls, DequeIter { deque: args[0].clone(), left, pos: 0, mutations, reverse }))
}

fn iter(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    make_iter(vm, args, false)
}

fn reversed(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    make_iter(vm, args, true)
}

fn iter_next(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<DequeIter>(args, "_collections._deque_iterator", "__next__")?;
    let mut it = st.borrow_mut();
    let deque = it.deque.clone();
    let Some(d) = state_of::<Deque>(&deque) else { return Err(stop()) };
    let d = d.borrow();
    if d.mutations != it.mutations {
        it.left = 0;
        return Err(mutated());
    }
    if it.left == 0 {
        return Err(stop());
    }
    let len = d.items.len();
    let i = if it.reverse { len.wrapping_sub(1 + it.pos) } else { it.pos };
    let v = d.items.get(i).cloned().ok_or_else(stop)?;
    it.pos += 1;
    it.left -= 1;
    Ok(v)
}

fn iter_length_hint(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<DequeIter>(args, "_collections._deque_iterator", "__length_hint__")?;
    let n = st.borrow().left;
    Ok(Value::Int(n as i64))
}

// ---- repr, comparison, arithmetic ----

fn repr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__repr__")?;
    if st.borrow().in_repr {
        return Ok(Value::str("[...]"));
    }
    let (items, maxlen) = snapshot(st);
    st.borrow_mut().in_repr = true;
    let mut parts = Vec::with_capacity(items.len());
    let mut result = Ok(());
    for v in &items {
        match vm.repr(v) {
            Ok(s) => parts.push(s),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    st.borrow_mut().in_repr = false;
    result?;
    let name = type_name_of(&args[0]);
    let body = parts.join(", ");
    Ok(Value::str(&match maxlen {
        Some(m) => format!("{name}([{body}], maxlen={m})"),
        None => format!("{name}([{body}])"),
    }))
}

fn compare(vm: &mut Vm, args: &[Value], op: CompareKind) -> PyResult<Value> {
    let st = me(args, "__eq__")?;
    let Some(other) = args.get(1).and_then(state_of::<Deque>) else { return Ok(Value::NotImplemented) };
    let (a, _) = snapshot(st);
    let (b, _) = snapshot(other);
    Ok(Value::Bool(crate::objects::tuple::sequence_compare(vm, op, &a, &b)?))
}

fn add(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__add__")?;
    check_arity("__add__", args.len() - 1, 1, 1)?;
    let Some(other) = state_of::<Deque>(&args[1]) else {
        return Err(PyErr::type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            args[1].type_name()
        )));
    };
    let (mut items, maxlen) = snapshot(st);
    items.extend(snapshot(other).0);
    let cls = vm.type_of(&args[0]);
    Ok(make_deque(vm, &cls, items, maxlen))
}

fn iadd(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__iadd__")?;
    check_arity("__iadd__", args.len() - 1, 1, 1)?;
    extend_with(vm, &args[0], st, &args[1], false)?;
    Ok(args[0].clone())
}

fn times_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            Ok(Some(crate::objects::args::ssize_arg(vm, v)?))
        }
        Value::Instance(i) if i.class.lookup("__index__").is_some() => {
            Ok(Some(crate::objects::args::ssize_arg(vm, v)?))
        }
        other => Err(PyErr::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            other.type_name()
        ))),
    }
}

fn repeated(st: DequeRef, n: i64) -> (Vec<Value>, Option<usize>) {
    let (items, maxlen) = snapshot(st);
    let n = n.max(0) as usize;
    let mut out = Vec::with_capacity(items.len().saturating_mul(n).min(1 << 20));
    for _ in 0..n {
        out.extend(items.iter().cloned());
        if let Some(m) = maxlen {
            if out.len() > m {
                out.drain(..out.len() - m);
            }
        }
    }
    (out, maxlen)
}

fn mul(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__mul__")?;
    check_arity("__mul__", args.len() - 1, 1, 1)?;
    let Some(n) = times_arg(vm, &args[1])? else { return Ok(Value::NotImplemented) };
    let (items, maxlen) = repeated(st, n);
    let cls = vm.type_of(&args[0]);
    Ok(make_deque(vm, &cls, items, maxlen))
}

fn imul(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__imul__")?;
    check_arity("__imul__", args.len() - 1, 1, 1)?;
    let Some(n) = times_arg(vm, &args[1])? else { return Ok(Value::NotImplemented) };
    let (items, _) = repeated(st, n);
    let old = {
        let mut d = st.borrow_mut();
        d.mutations += 1;
        std::mem::replace(&mut d.items, items.into_iter().collect())
    };
    drop(old);
    Ok(args[0].clone())
}

// ---- _count_elements ----

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1` for each item.
fn count_elements(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("_count_elements", kwargs)?;
    check_arity("_count_elements", args.len(), 2, 2)?;
    let (mapping, iterable) = (&args[0], &args[1]);
    let it = vm.get_iter(iterable)?;
    let (get, set) = match mapping {
        Value::Dict(_) => (None, None),
        _ => (Some(vm.get_attr(mapping, "get")?), Some(vm.get_attr(mapping, "__setitem__")?)),
    };
    while let Some(item) = vm.next_of(&it)? {
        match (mapping, &get, &set) {
            (Value::Dict(d), _, _) => {
                let old = crate::objects::key_lookup::dict_get(vm, d, &item)?;
                let new = match old {
                    None => Value::Int(1),
                    Some(Value::Int(n)) if n < i64::MAX => Value::Int(n + 1),
                    Some(o) => {
                        vm.binary_value_op(kaa_bytecode::opcode::BinaryOpKind::Add, &o, &Value::Int(1))?
                    }
                };
                crate::objects::key_lookup::dict_set(vm, d, item, new)?;
            }
            (_, Some(get), Some(set)) => {
                let old = vm.call_value(get, vec![item.clone(), Value::Int(0)], vec![])?;
                let new =
                    vm.binary_value_op(kaa_bytecode::opcode::BinaryOpKind::Add, &old, &Value::Int(1))?;
                vm.call_value(set, vec![item, new], vec![])?;
            }
            _ => {}
        }
    }
    Ok(Value::None)
}
