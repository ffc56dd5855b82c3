//! `_abc`: the state and checks behind `abc.ABCMeta` (`abc.py` is CPython's own; it imports
//! these). Each abstract class holds an `_abc_data` object in `_abc_impl` with its registry of
//! virtual subclasses and its positive and negative caches. The sets hold weak references to
//! classes keyed by address: a `Weak` keeps the class's allocation (not the class) alive, so an
//! address in a set can never be reused by another class while its entry exists.

use super::native_class::{self, Slots};
use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::types::TypeObject;
use crate::value::Value;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

/// Where the module keeps `ABCMeta._abc_invalidation_counter` (CPython keeps it in the module's
/// state; `get_cache_token()` returns it).
const COUNTER: &str = "_abc_invalidation_counter";

pub fn init(vm: &Vm, dict: &DictObject) {
    native_class::add_class(vm, dict, "_abc", "_abc_data", Some(data_new), &[]);
    dict.set_str(COUNTER, Value::Int(0));
    super::add_functions(
        dict,
        &[
            ("get_cache_token", |vm, _, _| Ok(Value::Int(counter(vm)))),
            ("_abc_init", |vm, a, k| abc_init(vm, arg(a, k, 1, "_abc_init")?)),
            ("_abc_register", |vm, a, k| {
                native_class::no_kwargs("_abc_register", k)?;
                exact_args("_abc_register", a, 2)?;
                abc_register(vm, &a[0], &a[1])
            }),
            ("_abc_instancecheck", |vm, a, k| {
                native_class::no_kwargs("_abc_instancecheck", k)?;
                exact_args("_abc_instancecheck", a, 2)?;
                instance_check(vm, &a[0], &a[1])
            }),
            ("_abc_subclasscheck", |vm, a, k| {
                native_class::no_kwargs("_abc_subclasscheck", k)?;
                exact_args("_abc_subclasscheck", a, 2)?;
                subclass_check(vm, &a[0], &a[1]).map(Value::Bool)
            }),
            ("_get_dump", |vm, a, k| get_dump(vm, arg(a, k, 1, "_get_dump")?)),
            ("_reset_registry", |vm, a, k| {
                let data = impl_of(vm, arg(a, k, 1, "_reset_registry")?)?;
                data.data().borrow_mut().registry.clear();
                Ok(Value::None)
            }),
            ("_reset_caches", |vm, a, k| {
                let data = impl_of(vm, arg(a, k, 1, "_reset_caches")?)?;
                let mut d = data.data().borrow_mut();
                d.cache.clear();
                d.negative.clear();
                Ok(Value::None)
            }),
        ],
    );
}

/// A set of classes held weakly.
#[derive(Default)]
struct ClassSet(HashMap<usize, Weak<TypeObject>>);

impl ClassSet {
    fn contains(&self, t: &Rc<TypeObject>) -> bool {
        self.0.get(&(Rc::as_ptr(t) as usize)).is_some_and(|w| w.strong_count() > 0)
    }

    fn add(&mut self, t: &Rc<TypeObject>) {
        if self.0.len() >= 64 && self.0.len().is_power_of_two() {
            self.0.retain(|_, w| w.strong_count() > 0);
        }
        self.0.insert(Rc::as_ptr(t) as usize, Rc::downgrade(t));
    }

    fn clear(&mut self) {
        self.0.clear();
    }

    fn live(&self) -> Vec<Rc<TypeObject>> {
        self.0.values().filter_map(Weak::upgrade).collect()
    }
}

/// `_abc_data`: one abstract class's registry and caches.
#[derive(Default)]
struct AbcData {
    registry: ClassSet,
    cache: ClassSet,
    negative: ClassSet,
    negative_version: i64,
}

impl Slots for AbcData {}

fn data_new(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let cls = native_class::cls_of(args)?;
    let data = AbcData { negative_version: counter(vm), ..AbcData::default() };
    Ok(native_class::new_instance(vm, &cls, data))
}

fn exact_args(name: &str, args: &[Value], n: usize) -> PyResult<()> {
    if args.len() == n {
        Ok(())
    } else {
        Err(PyErr::type_error(format!("{name} expected {n} arguments, got {}", args.len())))
    }
}

fn arg<'a>(args: &'a [Value], kwargs: &Kwargs, n: usize, name: &str) -> PyResult<&'a Value> {
    native_class::no_kwargs(name, kwargs)?;
    if args.len() != n {
        return Err(PyErr::type_error(format!("{name}() takes exactly one argument ({} given)", args.len())));
    }
    Ok(&args[0])
}

fn module_dict(vm: &Vm) -> Option<Rc<DictObject>> {
    match vm.modules.get_str("_abc") {
        Some(Value::Module(m)) => Some(m.dict.clone()),
        _ => None,
    }
}

fn counter(vm: &Vm) -> i64 {
    match module_dict(vm).and_then(|d| d.get_str(COUNTER)) {
        Some(Value::Int(n)) => n,
        _ => 0,
    }
}

fn bump_counter(vm: &Vm) {
    if let Some(d) = module_dict(vm) {
        let next = counter(vm) + 1;
        d.set_str(COUNTER, Value::Int(next));
    }
}

/// `cls._abc_impl`, checked to be an `_abc_data` (holding it keeps the state alive).
struct Impl(Value);

impl Impl {
    fn data(&self) -> &std::cell::RefCell<AbcData> {
        native_class::state_of::<AbcData>(&self.0).expect("checked when made")
    }
}

fn impl_of(vm: &mut Vm, cls: &Value) -> PyResult<Impl> {
    let data = vm.get_attr(cls, "_abc_impl")?;
    if native_class::state_of::<AbcData>(&data).is_none() {
        return Err(PyErr::type_error("_abc_impl is set to a wrong type"));
    }
    Ok(Impl(data))
}

/// `_abc_init(cls)`: computes `__abstractmethods__`, attaches a fresh `_abc_data`.
fn abc_init(vm: &mut Vm, cls: &Value) -> PyResult<Value> {
    let mut abstracts: Vec<Value> = Vec::new();
    // The class's own namespace, then names abstract in a base and not overridden concretely.
    let ns = vm.get_attr(cls, "__dict__")?;
    let items = call_method(vm, &ns, "items")?;
    for pair in vm.collect_iterable(&items)? {
        let Value::Tuple(kv) = &pair else { continue };
        if kv.len() == 2 && vm.is_abstract(&kv[1])? {
            abstracts.push(kv[0].clone());
        }
    }
    let bases = vm.get_attr(cls, "__bases__")?;
    let Value::Tuple(bases) = bases else {
        return Err(PyErr::type_error("__bases__ is not tuple"));
    };
    for base in bases.iter() {
        let names = match vm.get_attr(base, "__abstractmethods__") {
            Ok(v) => v,
            Err(e) if crate::objects::args::err_is(vm, &e, ExcKind::AttributeError) => continue,
            Err(e) => return Err(e),
        };
        for name in vm.collect_iterable(&names)? {
            let Value::Str(s) = &name else { continue };
            let value = match vm.get_attr(cls, s.as_str()) {
                Ok(v) => v,
                Err(e) if crate::objects::args::err_is(vm, &e, ExcKind::AttributeError) => continue,
                Err(e) => return Err(e),
            };
            if vm.is_abstract(&value)? {
                abstracts.push(name);
            }
        }
    }
    let frozen = set_of(vm, abstracts, true)?;
    vm.set_attr(cls, "__abstractmethods__", frozen)?;
    let data_class = match module_dict(vm).and_then(|d| d.get_str("_abc_data")) {
        Some(c) => c,
        None => return Err(PyErr::new(ExcKind::SystemError, "_abc module is not initialized")),
    };
    let data = vm.call_value(&data_class, Vec::new(), Vec::new())?;
    vm.set_attr(cls, "_abc_impl", data)?;
    Ok(Value::None)
}

fn call_method(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    let f = vm.get_attr(obj, name)?;
    vm.call_value(&f, Vec::new(), Vec::new())
}

fn set_of(vm: &mut Vm, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
    let list = vm.new_list(items);
    crate::builtins::constructors::make_set(vm, &[list], &[], frozen)
}

fn issubclass(vm: &mut Vm, sub: &Value, cls: &Value) -> PyResult<bool> {
    let r = crate::builtins::functions::builtin_issubclass(vm, &[sub.clone(), cls.clone()], &[])?;
    vm.truthy(&r)
}

/// `_abc_register(cls, subclass)`.
fn abc_register(vm: &mut Vm, cls: &Value, subclass: &Value) -> PyResult<Value> {
    let Value::Type(sub) = subclass else {
        return Err(PyErr::type_error("Can only register classes"));
    };
    if issubclass(vm, subclass, cls)? {
        return Ok(subclass.clone());
    }
    // Subtle: test for cycles *after* testing for "already a subclass"; this means we allow
    // X.register(X) and interpret it as a no-op.
    if issubclass(vm, cls, subclass)? {
        return Err(PyErr::new(ExcKind::RuntimeError, "Refusing to create an inheritance cycle"));
    }
    let data = impl_of(vm, cls)?;
    data.data().borrow_mut().registry.add(sub);
    bump_counter(vm);
    Ok(subclass.clone())
}

/// `_abc_instancecheck(cls, instance)`.
fn instance_check(vm: &mut Vm, cls: &Value, instance: &Value) -> PyResult<Value> {
    let data = impl_of(vm, cls)?;
    let subclass = vm.get_attr(instance, "__class__")?;
    if let Value::Type(t) = &subclass {
        if data.data().borrow().cache.contains(t) {
            return Ok(Value::Bool(true));
        }
    }
    let subtype = Value::Type(vm.type_of(instance));
    let check = |vm: &mut Vm, c: &Value| -> PyResult<Value> {
        let f = vm.get_attr(cls, "__subclasscheck__")?;
        vm.call_value(&f, vec![c.clone()], Vec::new())
    };
    if subtype.is(&subclass) {
        if let Value::Type(t) = &subclass {
            let d = data.data().borrow();
            if d.negative_version == counter(vm) && d.negative.contains(t) {
                return Ok(Value::Bool(false));
            }
        }
        return check(vm, &subclass);
    }
    let first = check(vm, &subclass)?;
    if vm.truthy(&first)? {
        return Ok(first);
    }
    check(vm, &subtype)
}

/// `_abc_subclasscheck(cls, subclass)`.
fn subclass_check(vm: &mut Vm, cls: &Value, subclass: &Value) -> PyResult<bool> {
    let Value::Type(sub) = subclass else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    let data = impl_of(vm, cls)?;
    // 1. Check cache.
    if data.data().borrow().cache.contains(sub) {
        return Ok(true);
    }
    // 2. Check negative cache; may have to invalidate.
    {
        let now = counter(vm);
        let mut d = data.data().borrow_mut();
        if d.negative_version < now {
            d.negative.clear();
            d.negative_version = now;
        } else if d.negative.contains(sub) {
            return Ok(false);
        }
    }
    // 3. Check the subclass hook.
    let hook = vm.get_attr(cls, "__subclasshook__")?;
    let ok = vm.call_value(&hook, vec![subclass.clone()], Vec::new())?;
    match ok {
        Value::Bool(true) => {
            data.data().borrow_mut().cache.add(sub);
            return Ok(true);
        }
        Value::Bool(false) => {
            data.data().borrow_mut().negative.add(sub);
            return Ok(false);
        }
        Value::NotImplemented => {}
        _ => {
            return Err(PyErr::new(
                ExcKind::AssertionError,
                "__subclasshook__ must return either False, True, or NotImplemented",
            ))
        }
    }
    // 4. Check if it's a direct subclass.
    if let Value::Type(c) = cls {
        if sub.is_subclass(c) {
            data.data().borrow_mut().cache.add(sub);
            return Ok(true);
        }
    }
    // 5. Check if it's a subclass of a registered class (recursive).
    let registered = data.data().borrow().registry.live();
    for r in registered {
        if issubclass(vm, subclass, &Value::Type(r))? {
            data.data().borrow_mut().cache.add(sub);
            return Ok(true);
        }
    }
    // 6. Check if it's a subclass of a subclass (recursive).
    let subclasses = call_method(vm, cls, "__subclasses__")?;
    for s in vm.collect_iterable(&subclasses)? {
        if issubclass(vm, subclass, &s)? {
            data.data().borrow_mut().cache.add(sub);
            return Ok(true);
        }
    }
    // No dice; update negative cache.
    data.data().borrow_mut().negative.add(sub);
    Ok(false)
}

/// `_get_dump(cls)`: (registry, cache, negative cache, negative cache version), the sets holding
/// weak references as CPython's do.
fn get_dump(vm: &mut Vm, cls: &Value) -> PyResult<Value> {
    let data = impl_of(vm, cls)?;
    let (registry, cache, negative, version) = {
        let d = data.data().borrow();
        (d.registry.live(), d.cache.live(), d.negative.live(), d.negative_version)
    };
    let weakref = vm.import_module("_weakref")?;
    let make_ref = vm.get_attr(&weakref, "ref")?;
    let mut sets = Vec::new();
    for classes in [registry, cache, negative] {
        let mut refs = Vec::new();
        for c in classes {
            refs.push(vm.call_value(&make_ref, vec![Value::Type(c)], Vec::new())?);
        }
        sets.push(set_of(vm, refs, false)?);
    }
    sets.push(Value::Int(version));
    Ok(native_class::tuple(sets))
}
