//! `object`'s special methods as attributes (`object.__init__`, `C().__eq__`,
//! `object.__reduce_ex__`, ...). They are made once per VM and kept under hidden names in the
//! builtins namespace, so `C.__init__ is object.__init__` and `int.__str__ is object.__str__`
//! hold as in CPython (`functools.total_ordering` and `enum` compare them by identity). They
//! are not put in `object`'s own dict: the VM asks `class.lookup("__init__")` and friends to
//! learn whether a class defines a hook itself.

use crate::builtins::{hidden, Kwargs};
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::function::{BuiltinFunction, NativeFn};
use crate::value::Value;
use std::rc::Rc;

/// The special methods every object has through `object`.
const NAMES: &[&str] = &[
    "__delattr__",
    "__dir__",
    "__eq__",
    "__format__",
    "__ge__",
    "__getattribute__",
    "__getstate__",
    "__gt__",
    "__hash__",
    "__init__",
    "__init_subclass__",
    "__le__",
    "__lt__",
    "__ne__",
    "__new__",
    "__reduce__",
    "__reduce_ex__",
    "__repr__",
    "__setattr__",
    "__sizeof__",
    "__str__",
    "__subclasshook__",
];

fn key(name: &str) -> String {
    hidden(&format!("object.{name}"))
}

/// Makes the unbound methods (run once, when the builtins namespace is filled).
pub fn install(ns: &crate::objects::dict::DictObject) {
    for &name in NAMES {
        let func: NativeFn = match extra(name) {
            Some(f) => f,
            None => match crate::builtins::object_method(&Value::None, name) {
                Some(Value::Builtin(b)) => b.func,
                _ => continue,
            },
        };
        let is_method = !matches!(name, "__new__" | "__init_subclass__" | "__subclasshook__");
        let f = Value::Builtin(Rc::new(BuiltinFunction { name, func, bound_self: None, is_method }));
        let v = match name {
            "__new__" => Value::StaticMethod(Rc::new(f)),
            "__init_subclass__" | "__subclasshook__" => Value::ClassMethod(Rc::new(f)),
            _ => f,
        };
        ns.set_str(&key(name), v);
    }
}

/// `object.NAME` (unbound; class methods and `__new__` wrapped as such), if `object` has it.
pub fn lookup(vm: &Vm, name: &str) -> Option<Value> {
    if !name.starts_with("__") {
        return None;
    }
    vm.builtins.get_str(&key(name))
}

fn extra(name: &str) -> Option<NativeFn> {
    Some(match name {
        "__lt__" | "__le__" | "__gt__" | "__ge__" => |_, _, _| Ok(Value::NotImplemented),
        "__subclasshook__" => |_, _, _| Ok(Value::NotImplemented),
        "__sizeof__" => |_, _, _| Ok(Value::Int(32)),
        "__format__" => object_format,
        "__dir__" => |vm, a, _| crate::builtins::builtin_dir(vm, &a[..a.len().min(1)], &[]),
        "__getstate__" => |vm, a, _| match a.first() {
            Some(obj) => object_getstate(vm, obj),
            None => Err(PyErr::type_error("descriptor '__getstate__' of 'object' object needs an argument")),
        },
        "__reduce_ex__" => object_reduce_ex,
        "__reduce__" => |vm, a, _| match a.first() {
            Some(obj) => copyreg_reduce(vm, obj, 0),
            None => Err(PyErr::type_error("descriptor '__reduce__' of 'object' object needs an argument")),
        },
        _ => return None,
    })
}

/// `object.__format__(spec)`: `str(self)` for an empty spec, a TypeError otherwise.
fn object_format(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (Some(obj), Some(spec)) = (args.first(), args.get(1)) else {
        return Err(PyErr::type_error("__format__() takes exactly one argument"));
    };
    match spec {
        Value::Str(s) if s.is_empty() => Ok(Value::str(&vm.str(obj)?)),
        Value::Str(_) => Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            obj.type_name()
        ))),
        other => {
            Err(PyErr::type_error(format!("__format__() argument must be str, not {}", other.type_name())))
        }
    }
}

/// `object.__getstate__()`: the instance dict (None when empty) and, when the class has
/// `__slots__` with values set, `(dict_or_None, {slot: value})`.
fn object_getstate(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let state = match obj {
        Value::Instance(i) if i.class.instances_have_dict && !i.dict.is_empty() => {
            Value::Dict(i.dict.clone())
        }
        _ => Value::None,
    };
    let Value::Instance(i) = obj else { return Ok(state) };
    if i.class.slot_count == 0 {
        return Ok(state);
    }
    let copyreg = vm.import_module("copyreg")?;
    let slotnames = vm.get_attr(&copyreg, "_slotnames")?;
    let names = vm.call_value(&slotnames, vec![Value::Type(i.class.clone())], Vec::new())?;
    let slots = crate::objects::dict::DictObject::new();
    for name in vm.collect_iterable(&names)? {
        let Value::Str(n) = &name else { continue };
        match vm.get_attr(obj, n.as_str()) {
            Ok(v) => slots.set(name.clone(), v)?,
            Err(e) if crate::objects::args::err_is(vm, &e, ExcKind::AttributeError) => {}
            Err(e) => return Err(e),
        }
    }
    if slots.is_empty() {
        return Ok(state);
    }
    let slots = vm.new_dict(slots);
    Ok(Value::Tuple(Rc::new(vec![state, slots])))
}

/// `copyreg._reduce_ex(obj, proto)`: the protocol 0/1 reduction.
fn copyreg_reduce(vm: &mut Vm, obj: &Value, proto: i64) -> PyResult<Value> {
    let copyreg = vm.import_module("copyreg")?;
    let f = vm.get_attr(&copyreg, "_reduce_ex")?;
    vm.call_value(&f, vec![obj.clone(), Value::Int(proto)], Vec::new())
}

/// `object.__reduce_ex__(protocol)`: a class's own `__reduce__` if it has one, else
/// `(copyreg.__newobj__, (cls, *args), state, listitems, dictitems)` for protocol 2 and up.
fn object_reduce_ex(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (Some(obj), Some(proto)) = (args.first(), args.get(1)) else {
        return Err(PyErr::type_error("__reduce_ex__() takes exactly one argument"));
    };
    let proto = crate::builtins::int_arg(proto, "__reduce_ex__")?;
    let cls = vm.type_of(obj);
    if cls.is_heap_type && cls.lookup("__reduce__").is_some() {
        let reduce = vm.get_attr(obj, "__reduce__")?;
        return vm.call_value(&reduce, Vec::new(), Vec::new());
    }
    if proto < 2 {
        return copyreg_reduce(vm, obj, proto);
    }
    let copyreg = vm.import_module("copyreg")?;
    let mut ctor_args = vec![Value::Type(cls.clone())];
    let newobj = if cls.lookup("__getnewargs_ex__").is_some() {
        let f = vm.get_attr(obj, "__getnewargs_ex__")?;
        let pair = vm.call_value(&f, Vec::new(), Vec::new())?;
        let items = vm.collect_iterable(&pair)?;
        ctor_args.extend(items);
        vm.get_attr(&copyreg, "__newobj_ex__")?
    } else {
        if let Ok(f) = vm.get_attr(obj, "__getnewargs__") {
            let extra = vm.call_value(&f, Vec::new(), Vec::new())?;
            ctor_args.extend(vm.collect_iterable(&extra)?);
        }
        vm.get_attr(&copyreg, "__newobj__")?
    };
    let getstate = vm.get_attr(obj, "__getstate__")?;
    let state = vm.call_value(&getstate, Vec::new(), Vec::new())?;
    let plain = crate::objects::builtin_subclass::plain(obj).clone();
    let list_items = match &plain {
        Value::List(_) => vm.get_iter(obj)?,
        _ => Value::None,
    };
    let dict_items = match &plain {
        Value::Dict(_) => {
            let items = vm.get_attr(obj, "items")?;
            let view = vm.call_value(&items, Vec::new(), Vec::new())?;
            vm.get_iter(&view)?
        }
        _ => Value::None,
    };
    Ok(Value::Tuple(Rc::new(vec![newobj, Value::Tuple(Rc::new(ctor_args)), state, list_items, dict_items])))
}
