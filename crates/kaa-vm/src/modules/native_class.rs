//! Small shared pieces for the native classes of the native modules (itertools, _collections,
//! _functools, ...): making a class that belongs to a module, the `cls` argument of `__new__`,
//! and the errors every iterator type raises.

use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::function::{BuiltinFunction, NativeFn};
use crate::objects::types::TypeObject;
use crate::value::Value;
use std::rc::Rc;

/// A native class named `name` whose `__module__` is `module`, put into the module's namespace.
pub fn add_class(
    vm: &Vm,
    dict: &DictObject,
    module: &str,
    name: &str,
    new: Option<NativeFn>,
    methods: &[(&'static str, NativeFn)],
) -> Rc<TypeObject> {
    let t = crate::builtins::native_type(&vm.types.object, name, new, methods);
    *t.module.borrow_mut() = Some(Value::str(module));
    dict.set_str(name, Value::Type(t.clone()));
    t
}

/// Adds `name` as a classmethod (the native function receives the class as `args[0]`).
pub fn add_classmethod(t: &TypeObject, name: &'static str, func: NativeFn) {
    let f = Value::Builtin(Rc::new(BuiltinFunction { name, func, bound_self: None, is_method: true }));
    t.dict.set_str(name, Value::ClassMethod(Rc::new(f)));
}

/// The class `__new__` was called for (`args[0]`).
pub fn cls_of(args: &[Value]) -> PyResult<Rc<TypeObject>> {
    match args.first() {
        Some(Value::Type(t)) => Ok(t.clone()),
        _ => Err(PyErr::type_error("__new__(X): X is not a type object")),
    }
}

/// The end of an iteration.
#[cold]
pub fn stop() -> PyErr {
    PyErr::new(ExcKind::StopIteration, "")
}

/// `name() takes no keyword arguments` unless `kwargs` is empty.
#[inline]
pub fn no_kwargs(name: &str, kwargs: &Kwargs) -> PyResult<()> {
    if kwargs.is_empty() {
        Ok(())
    } else {
        Err(no_kwargs_error(name))
    }
}

#[cold]
fn no_kwargs_error(name: &str) -> PyErr {
    PyErr::type_error(format!("{name}() takes no keyword arguments"))
}

/// `__iter__` of an iterator: itself.
pub fn self_iter(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

/// The name of `v`'s type as `_PyType_Name` gives it (for reprs of subclass instances).
pub fn type_name_of(v: &Value) -> String {
    match v {
        Value::Instance(i) => i.class.name.to_string(),
        other => other.type_name().to_string(),
    }
}

/// A tuple value.
#[inline]
pub fn tuple(items: Vec<Value>) -> Value {
    Value::Tuple(Rc::new(items))
}

/// The payload of a native class's instances: the state `T` behind a `RefCell`. Methods borrow
/// it only briefly and never across a call into Python code, so re-entrant calls cannot fail
/// to borrow.
pub struct Native<T>(pub std::cell::RefCell<T>);

/// The Python values a native state holds, for the cycle collector.
pub trait Slots: 'static {
    /// Calls `f` on every Python value held (each exactly once).
    fn slots(&mut self, _f: &mut dyn FnMut(&mut Value)) {}
}

impl<T: Slots> crate::objects::types::NativeData for Native<T> {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // A state borrowed right now is skipped: missing a reference is safe for the collector.
        if let Ok(mut s) = self.0.try_borrow_mut() {
            s.slots(&mut |v| visit(v));
        }
    }
    fn clear(&self, bin: &mut Vec<Value>) {
        if let Ok(mut s) = self.0.try_borrow_mut() {
            s.slots(&mut |v| bin.push(std::mem::replace(v, Value::None)));
        }
    }
}

/// A new instance of `cls` (a native class or a Python subclass of one) holding `state`.
pub fn new_instance<T: Slots>(vm: &mut Vm, cls: &Rc<TypeObject>, state: T) -> Value {
    crate::builtins::new_native_instance(vm, cls, Box::new(Native(std::cell::RefCell::new(state))))
}

/// The state of `args[0]`, or CPython's descriptor TypeError.
#[inline]
pub fn state<'a, T: Slots>(
    args: &'a [Value],
    class_name: &str,
    method: &str,
) -> PyResult<&'a std::cell::RefCell<T>> {
    crate::builtins::native_self::<Native<T>>(args, class_name, method).map(|n| &n.0)
}

/// The state of any value that is an instance of the native class with state `T`.
pub fn state_of<T: Slots>(v: &Value) -> Option<&std::cell::RefCell<T>> {
    match v {
        Value::Instance(i) => i.native_data::<Native<T>>().map(|n| &n.0),
        _ => None,
    }
}

/// Calls `f` on the value inside an `Option<Value>`.
#[inline]
pub fn opt_slot(v: &mut Option<Value>, f: &mut dyn FnMut(&mut Value)) {
    if let Some(v) = v {
        f(v)
    }
}

/// A class registered by its module's `init` under `key` (`vm.native_classes`).
pub fn class_named(vm: &Vm, key: &str) -> PyResult<Rc<TypeObject>> {
    vm.native_classes.get(key).cloned().ok_or_else(|| missing_class(key))
}

#[cold]
fn missing_class(key: &str) -> PyErr {
    PyErr::new(ExcKind::SystemError, format!("native class {key} is not initialized"))
}

/// `_PyArg_CheckPositional`: "NAME expected at least 1 argument, got 0".
#[inline]
pub fn check_arity(name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n < min || n > max {
        return Err(arity_error(name, n, min, max));
    }
    Ok(())
}

#[cold]
fn arity_error(name: &str, n: usize, min: usize, max: usize) -> PyErr {
    let (how, count) = if n < min {
        (if min == max { "" } else { "at least " }, min)
    } else {
        (if min == max { "" } else { "at most " }, max)
    };
    let s = if count == 1 { "" } else { "s" };
    PyErr::type_error(format!("{name} expected {how}{count} argument{s}, got {n}"))
}
