//! `list[int]` (PEP 585): `__class_getitem__` of the built-in generic types makes a
//! `types.GenericAlias`. The alias class is Python code compiled into Kaa (`generic_alias.py`),
//! made on first use and kept under a hidden name in the builtins namespace.

use crate::builtins::{hidden, Kwargs};
use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::function::BuiltinFunction;
use crate::value::Value;
use std::rc::Rc;

const SOURCE: &str = include_str!("generic_alias.py");

/// The `types.GenericAlias` class.
pub fn alias_class(vm: &mut Vm) -> PyResult<Value> {
    python_part(vm, "GenericAlias")
}

/// A name defined by `generic_alias.py`.
fn python_part(vm: &mut Vm, name: &str) -> PyResult<Value> {
    frozen_part(vm, "types", SOURCE, "<frozen types>", name)
}

/// A name defined by a small Python module compiled into Kaa (`source`), run on first use in a
/// namespace of its own kept under a hidden name (`key`) in the builtins namespace.
pub fn frozen_part(vm: &mut Vm, key: &str, source: &str, filename: &str, name: &str) -> PyResult<Value> {
    let hidden_key = hidden(key);
    let ns = match vm.builtins.get_str(&hidden_key) {
        Some(Value::Dict(d)) => d,
        _ => {
            let ns = Rc::new(crate::objects::dict::DictObject::new());
            ns.set_str("__name__", Value::str("builtins"));
            ns.set_str("__builtins__", Value::Dict(vm.builtins.clone()));
            let code = crate::builtins::compile_builtin_module(vm, source, filename)?;
            vm.run_code_in(code, ns.clone(), ns.clone())?;
            vm.builtins.set_str(&hidden_key, Value::Dict(ns.clone()));
            ns
        }
    };
    ns.get_str(name)
        .ok_or_else(|| PyErr::new(crate::exceptions::ExcKind::SystemError, format!("{name} is missing")))
}

/// `X | Y` where both are classes or None: a `types.UnionType` (None when this is not that case).
#[cold]
pub fn type_union(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let unionable = |v: &Value| matches!(v, Value::Type(_) | Value::None);
    if !(unionable(a) && unionable(b)) || !(matches!(a, Value::Type(_)) || matches!(b, Value::Type(_))) {
        return Ok(None);
    }
    let union = python_part(vm, "_union")?;
    vm.call_value(&union, vec![a.clone(), b.clone()], Vec::new()).map(Some)
}

/// `cls[item]` for a built-in generic class: `GenericAlias(cls, item)`.
fn class_getitem(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let [cls, item] = args else {
        return Err(PyErr::type_error("__class_getitem__ expected 1 argument"));
    };
    let class = alias_class(vm)?;
    vm.call_value(&class, vec![cls.clone(), item.clone()], Vec::new())
}

/// Gives the built-in generic types their `__class_getitem__`.
pub fn install(types: &crate::objects::builtin_types::Types) {
    for t in [&types.list, &types.dict, &types.tuple, &types.set, &types.frozenset, &types.mappingproxy] {
        let f = Value::Builtin(Rc::new(BuiltinFunction {
            name: "__class_getitem__",
            func: class_getitem,
            bound_self: None,
            is_method: false,
        }));
        t.dict.set_str("__class_getitem__", Value::ClassMethod(Rc::new(f)));
    }
}

/// `T[key]` for a class without `__class_getitem__`: `type[int]` is an alias (CPython special-
/// cases `type` itself), anything else is not subscriptable.
#[cold]
pub fn subscript_type(
    vm: &mut Vm,
    t: &Rc<crate::objects::types::TypeObject>,
    key: &Value,
) -> PyResult<Value> {
    if Rc::ptr_eq(t, &vm.types.type_) {
        return class_getitem(vm, &[Value::Type(t.clone()), key.clone()], &[]);
    }
    Err(PyErr::type_error(format!("type '{}' is not subscriptable", t.name)))
}
