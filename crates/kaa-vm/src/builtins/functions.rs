//! The general built-in functions: `min`, `max`, `sorted`, `any`, `all`, `hash`, `id`,
//! `callable`, `iter`, `next`, `format`, `isinstance`, `issubclass`, `enumerate`, `breakpoint`,
//! `aiter`, `anext`, and the `type`, `object` and `slice` constructors.

use super::{arity, format_value, no_kwargs, Kwargs};
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::int::hash_value;
use crate::objects::types::{InstanceObject, TypeObject};
use crate::value::Value;
use kaa_bytecode::opcode::CompareKind;
use std::rc::Rc;

// ---- min, max, sorted ----

fn min_max(vm: &mut Vm, name: &str, args: &[Value], kwargs: &Kwargs, op: CompareKind) -> PyResult<Value> {
    if args.is_empty() {
        return Err(PyErr::type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    let mut key = None;
    let mut default = None;
    for (k, v) in kwargs {
        match k.as_str() {
            "key" => key = Some(v.clone()).filter(|k| !matches!(k, Value::None)),
            "default" => default = Some(v.clone()),
            other => {
                return Err(PyErr::type_error(format!(
                    "'{other}' is an invalid keyword argument for {name}()"
                )))
            }
        }
    }
    if args.len() > 1 && default.is_some() {
        return Err(PyErr::type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let mut best: Option<(Value, Value)> = None;
    let mut consider = |vm: &mut Vm, item: Value| -> PyResult<()> {
        let k = match &key {
            Some(f) => vm.call_value(f, vec![item.clone()], Vec::new())?,
            None => item.clone(),
        };
        let better = match &best {
            None => true,
            Some((bk, _)) => vm.compare(op, &k, bk)?,
        };
        if better {
            best = Some((k, item));
        }
        Ok(())
    };
    if args.len() == 1 {
        let it = vm.get_iter(&args[0])?;
        while let Some(item) = vm.next_of(&it)? {
            consider(vm, item)?;
        }
    } else {
        for item in args {
            consider(vm, item.clone())?;
        }
    }
    match (best, default) {
        (Some((_, v)), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(PyErr::value_error(format!("{name}() arg is an empty sequence"))),
    }
}

pub fn builtin_min(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    min_max(vm, "min", args, kwargs, CompareKind::Lt)
}

pub fn builtin_max(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    min_max(vm, "max", args, kwargs, CompareKind::Gt)
}

/// `sorted(iterable, /, *, key=None, reverse=False)`: a new list, stably sorted.
pub fn builtin_sorted(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(PyErr::type_error(format!("sorted expected 1 argument, got {}", args.len())));
    }
    let items = vm.collect_iterable(&args[0])?;
    let list = vm.new_list(items);
    if let Value::List(l) = &list {
        crate::objects::list::sort(vm, l, kwargs)?;
    }
    Ok(list)
}

// ---- any, all ----

/// `any`/`all`: stops at the first item whose truth is `stop_at`.
fn any_all(vm: &mut Vm, name: &str, args: &[Value], kwargs: &Kwargs, stop_at: bool) -> PyResult<Value> {
    no_kwargs(name, kwargs)?;
    arity(name, args, 1, 1)?;
    let it = vm.get_iter(&args[0])?;
    while let Some(v) = vm.next_of(&it)? {
        if vm.truthy(&v)? == stop_at {
            return Ok(Value::Bool(stop_at));
        }
    }
    Ok(Value::Bool(!stop_at))
}

pub fn builtin_any(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    any_all(vm, "any", args, kwargs, true)
}

pub fn builtin_all(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    any_all(vm, "all", args, kwargs, false)
}

// ---- hash, id, callable ----

/// How instances of a class hash, from the first class in its MRO that decides.
enum HashSlot {
    /// A `__hash__` defined in a class body.
    Method(Value),
    /// `__hash__ = None`, or `__eq__` defined without `__hash__` (which sets it to None).
    Unhashable,
    /// Nothing user-defined: the built-in base's hash (identity for `object`).
    Inherited,
}

fn hash_slot(class: &Rc<TypeObject>) -> HashSlot {
    for c in class.mro() {
        if !c.is_heap_type {
            break;
        }
        match c.dict.get_str("__hash__") {
            Some(Value::None) => return HashSlot::Unhashable,
            Some(f) => return HashSlot::Method(f),
            None if c.dict.get_str("__eq__").is_some() => return HashSlot::Unhashable,
            None => {}
        }
    }
    HashSlot::Inherited
}

/// `hash(obj)`, with user `__hash__` and unhashable classes.
pub fn hash_of(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let class = vm.type_of(v);
    if class.is_heap_type {
        match hash_slot(&class) {
            HashSlot::Unhashable => {
                return Err(PyErr::type_error(format!("unhashable type: '{}'", v.type_name())));
            }
            HashSlot::Method(f) => {
                return match vm.call_value(&f, vec![v.clone()], Vec::new())? {
                    // -1 is CPython's error marker, so a hash is never -1.
                    Value::Int(-1) => Ok(-2),
                    Value::Int(i) => Ok(i),
                    Value::Bool(b) => Ok(b as i64),
                    big @ Value::BigInt(_) => hash_value(&big),
                    _ => Err(PyErr::type_error("__hash__ method should return an integer")),
                };
            }
            HashSlot::Inherited => {
                if let Some(base) = crate::objects::builtin_subclass::base_value(v) {
                    return match base {
                        Value::List(_) | Value::Dict(_) | Value::ByteArray(_) => {
                            Err(PyErr::type_error(format!("unhashable type: '{}'", v.type_name())))
                        }
                        Value::Set(s) if !s.frozen => {
                            Err(PyErr::type_error(format!("unhashable type: '{}'", v.type_name())))
                        }
                        base => hash_value(base),
                    };
                }
            }
        }
    }
    hash_value(v)
}

pub fn builtin_hash(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("hash", kwargs)?;
    arity("hash", args, 1, 1)?;
    Ok(Value::Int(crate::objects::key_lookup::hash_key(vm, &args[0])?))
}

pub fn builtin_id(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("id", kwargs)?;
    arity("id", args, 1, 1)?;
    let addr = args[0].address();
    if addr != 0 {
        return Ok(Value::Int(addr as i64));
    }
    // Inline values have no address: the same value is the same object (`is` compares them by
    // value), so the id is made from a per-type tag and the value's bits.
    let (tag, bits): (u64, u64) = match &args[0] {
        Value::None => (1, 0),
        Value::Bool(b) => (2, *b as u64),
        Value::Int(i) => (3, *i as u64),
        Value::Float(f) => (4, f.to_bits()),
        Value::NotImplemented => (5, 0),
        Value::Ellipsis => (6, 0),
        _ => (7, 0),
    };
    let mixed = bits.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17) ^ (tag << 60);
    Ok(Value::Int((mixed >> 1) as i64))
}

/// Is `v` callable?
pub fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Function(_)
        | Value::Builtin(_)
        | Value::BoundMethod(_)
        | Value::Type(_)
        | Value::StaticMethod(_) => true,
        Value::Instance(_) | Value::Exception(_) => {
            matches!(vm.type_of(v).lookup("__call__"), Some(f) if !matches!(f, Value::None))
        }
        _ => false,
    }
}

pub fn builtin_callable(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("callable", kwargs)?;
    arity("callable", args, 1, 1)?;
    Ok(Value::Bool(is_callable(vm, &args[0])))
}

// ---- iter, next, aiter, anext ----

/// `iter(object)` / `iter(callable, sentinel)`.
pub fn builtin_iter(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("iter", kwargs)?;
    arity("iter", args, 1, 2)?;
    if let [func, sentinel] = args {
        if !is_callable(vm, func) {
            return Err(PyErr::type_error("iter(v, w): v must be callable"));
        }
        return super::iterators::callable_iterator(vm, func, sentinel);
    }
    let it = vm.get_iter(&args[0])?;
    let is_iterator = match &it {
        Value::Iterator(_) | Value::Generator(_) | Value::AsyncGenOp(_) => true,
        Value::Instance(_) | Value::Exception(_) => vm.type_of(&it).lookup("__next__").is_some(),
        _ => false,
    };
    if !is_iterator {
        return Err(PyErr::type_error(format!("iter() returned non-iterator of type '{}'", it.type_name())));
    }
    Ok(it)
}

/// `next(iterator[, default])`.
pub fn builtin_next(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("next", kwargs)?;
    arity("next", args, 1, 2)?;
    if let (Value::Generator(g), None) = (&args[0], args.get(1)) {
        // Keeps the generator's return value in the StopIteration.
        return vm.generator_send(g, Value::None);
    }
    match vm.next_of(&args[0])? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::new(ExcKind::StopIteration, "")),
        },
    }
}

/// `aiter(async_iterable)`: its `__aiter__()`.
pub fn builtin_aiter(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("aiter", kwargs)?;
    arity("aiter", args, 1, 1)?;
    match vm.call_dunder(&args[0], "__aiter__", &[])? {
        Some(v) => Ok(v),
        None => Err(PyErr::type_error(format!("'{}' object is not an async iterable", args[0].type_name()))),
    }
}

/// `anext(async_iterator)`: its `__anext__()` awaitable.
pub fn builtin_anext(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("anext", kwargs)?;
    arity("anext", args, 1, 2)?;
    if args.len() == 2 {
        return Err(PyErr::new(ExcKind::NotImplementedError, "Kaa's anext() does not take a default yet"));
    }
    match vm.call_dunder(&args[0], "__anext__", &[])? {
        Some(v) => Ok(v),
        None => Err(PyErr::type_error(format!("'{}' object is not an async iterator", args[0].type_name()))),
    }
}

// ---- format ----

/// `format(value, format_spec='')`: `value.__format__(format_spec)`.
pub fn builtin_format(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("format", kwargs)?;
    arity("format", args, 1, 2)?;
    let spec = match args.get(1) {
        None => Rc::new(crate::objects::str::StrObject::new("")),
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "format() argument 2 must be str, not {}",
                other.type_name()
            )))
        }
    };
    Ok(Value::str(&format_value(vm, &args[0], &spec)?))
}

// ---- isinstance, issubclass ----

fn class_info_matches(t: &Rc<TypeObject>, info: &Value, what: &str) -> PyResult<bool> {
    match info {
        Value::Type(c) => Ok(t.is_subclass(c)),
        Value::Tuple(items) => {
            for i in items.iter() {
                if class_info_matches(t, i, what)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ if what == "isinstance" => {
            Err(PyErr::type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
        }
        _ => Err(PyErr::type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")),
    }
}

pub fn builtin_isinstance(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("isinstance", kwargs)?;
    arity("isinstance", args, 2, 2)?;
    if has_check_hooks(&args[1]) {
        return check_with_hooks(vm, &args[0], &args[1], "__instancecheck__").map(Value::Bool);
    }
    let t = vm.type_of(&args[0]);
    if class_info_matches(&t, &args[1], "isinstance")? {
        return Ok(Value::Bool(true));
    }
    // Like CPython, an instance whose class overrides `__class__` is also judged by what that
    // attribute says (mocks and proxies rely on it).
    if let Value::Instance(i) = &args[0] {
        if i.class.lookup("__class__").is_some() {
            if let Ok(Value::Type(claimed)) = vm.get_attr(&args[0], "__class__") {
                if !Rc::ptr_eq(&claimed, &t) {
                    return Ok(Value::Bool(class_info_matches(&claimed, &args[1], "isinstance")?));
                }
            }
        }
    }
    Ok(Value::Bool(false))
}

pub fn builtin_issubclass(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("issubclass", kwargs)?;
    arity("issubclass", args, 2, 2)?;
    if has_check_hooks(&args[1]) {
        return check_with_hooks(vm, &args[0], &args[1], "__subclasscheck__").map(Value::Bool);
    }
    let Value::Type(t) = &args[0] else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    Ok(Value::Bool(class_info_matches(t, &args[1], "issubclass")?))
}

/// Is `info` (or a member of it) a class whose metaclass is written in Python (and so may
/// define `__instancecheck__`/`__subclasscheck__`)?
fn has_check_hooks(info: &Value) -> bool {
    match info {
        Value::Type(t) => t.metaclass.is_some(),
        Value::Tuple(items) => items.iter().any(has_check_hooks),
        // `int | str`, `list[int]` and other objects whose class defines the hooks.
        Value::Instance(_) => true,
        _ => false,
    }
}

/// isinstance/issubclass through the metaclass hooks (`hook` names which).
fn check_with_hooks(vm: &mut Vm, obj: &Value, info: &Value, hook: &str) -> PyResult<bool> {
    match info {
        Value::Tuple(items) => {
            for i in items.iter() {
                if check_with_hooks(vm, obj, i, hook)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Type(cls) => {
            // An exact type match never asks the hook.
            if hook == "__instancecheck__" && Rc::ptr_eq(&vm.type_of(obj), cls) {
                return Ok(true);
            }
            let meta = vm.type_of(info);
            let f = meta.lookup(hook).unwrap_or(Value::None);
            let r = vm.call_value(&f, vec![info.clone(), obj.clone()], Vec::new())?;
            vm.truthy(&r)
        }
        Value::Instance(i) if i.class.lookup(hook).is_some() => {
            let f = i.class.lookup(hook).unwrap_or(Value::None);
            let r = vm.call_value(&f, vec![info.clone(), obj.clone()], Vec::new())?;
            vm.truthy(&r)
        }
        _ => {
            let t = vm.type_of(obj);
            let what = if hook == "__instancecheck__" { "isinstance" } else { "issubclass" };
            class_info_matches(&t, info, what)
        }
    }
}

// ---- object, type, slice, breakpoint ----

pub fn builtin_object(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if !args.is_empty() || !kwargs.is_empty() {
        return Err(PyErr::type_error("object() takes no arguments"));
    }
    Ok(Value::Instance(Rc::new(InstanceObject::new(vm.types.object.clone()))))
}

/// `type(obj)` / `type(name, bases, dict)`.
pub fn builtin_type(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    match (args, kwargs.is_empty()) {
        ([obj], true) => Ok(Value::Type(vm.type_of(obj))),
        ([_], false) => Err(PyErr::type_error("type() takes no keyword arguments")),
        ([name, bases, dict], _) => {
            let type_ = vm.types.type_.clone();
            if let Some(cls) = crate::class_creation::type_call_with_metaclass(vm, name, bases, dict, kwargs)?
            {
                return Ok(cls);
            }
            crate::class_creation::type_new_checked(vm, &type_, name, bases, dict, kwargs)
        }
        _ => Err(PyErr::type_error("type() takes 1 or 3 arguments")),
    }
}

/// `slice(stop)` / `slice(start, stop[, step])`. (Callable once the VM's `slice` type takes
/// this as its constructor.)
pub fn builtin_slice(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("slice", kwargs)?;
    arity("slice", args, 1, 3)?;
    let parts = match args {
        [stop] => (Value::None, stop.clone(), Value::None),
        [start, stop] => (start.clone(), stop.clone(), Value::None),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        _ => unreachable!("arity checked"),
    };
    Ok(Value::Slice(Rc::new(parts)))
}

/// `breakpoint()`: Kaa has no debugger, so it does what CPython does with PYTHONBREAKPOINT=0.
pub fn builtin_breakpoint(_vm: &mut Vm, _args: &[Value], _kwargs: &Kwargs) -> PyResult<Value> {
    Ok(Value::None)
}

// ---- exit, quit ----

/// `exit` and `quit` (which CPython's `site` adds to builtins): objects whose repr says how to
/// leave and whose call raises SystemExit.
pub fn install_quitters(ns: &DictObject, object: &Rc<TypeObject>) {
    let methods: &[(&'static str, crate::objects::function::NativeFn)] = &[
        ("__call__", quitter_call),
        ("__repr__", |_, a, _| {
            let name = match a.first() {
                Some(Value::Instance(me)) => me.dict.get_str("name").unwrap_or(Value::None),
                _ => Value::None,
            };
            let name = if let Value::Str(n) = &name { n.to_string() } else { "exit".into() };
            Ok(Value::str(&format!("Use {name}() or Ctrl-D (i.e. EOF) to exit")))
        }),
    ];
    let t = super::native_type(object, "Quitter", None, methods);
    *t.module.borrow_mut() = Some(Value::str("_sitebuiltins"));
    for name in ["exit", "quit"] {
        let dict = DictObject::new();
        dict.set_str("name", Value::str(name));
        dict.set_str("eof", Value::str("Ctrl-D (i.e. EOF)"));
        ns.set_str(name, Value::Instance(Rc::new(InstanceObject::with_dict(t.clone(), dict))));
    }
}

fn quitter_call(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [code] =
        crate::objects::args::keywords("__call__", args.get(1..).unwrap_or(&[]), kwargs, ["code"], 1)?;
    let class = vm.exception_type(ExcKind::SystemExit);
    let args = code.into_iter().collect();
    Err(PyErr::Raised(Rc::new(crate::exceptions::ExceptionObject::new(class, args))))
}
