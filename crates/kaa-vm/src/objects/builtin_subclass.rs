//! Instances of Python subclasses of built-in types (`class Name(str)`, `class Row(tuple)`,
//! `class Registry(dict)`, `IntEnum`, ...).
//!
//! Such an instance is an ordinary `Value::Instance` (so it has a class, a `__dict__` and
//! overridden methods) whose native payload is a [`BaseValue`]: the plain built-in value it
//! stands for (`Value::Int(5)`, a `Value::List` it owns, ...). The base type's `__new__` makes the
//! payload; everything the base type does is done by its slot wrappers (`slot_wrappers.rs`),
//! which unwrap `self` to the payload and run the ordinary operation on it. The interpreter's
//! fast paths never see these instances (they are not `Value::Int`/`Value::List`), and its
//! instance paths find the wrappers through the class's MRO like any other special method.

use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::types::{NativeData, TypeObject};
use crate::value::Value;
use std::rc::Rc;

/// The built-in value a subclass instance stands for. Set once, by the base type's `__new__`.
pub struct BaseValue(pub Value);

impl NativeData for BaseValue {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.0);
    }
    fn clear(&self, _bin: &mut Vec<Value>) {
        // The payload is immutable once set; containers it holds are cleared through their own
        // traversal (a list payload is itself a tracked container).
    }
}

/// The plain built-in value behind `v` when `v` is an instance of a subclass of a built-in type.
#[inline]
pub fn base_value(v: &Value) -> Option<&Value> {
    match v {
        Value::Instance(i) => i.native_data::<BaseValue>().map(|b| &b.0),
        _ => None,
    }
}

/// `v` itself, or the built-in value it stands for.
#[inline]
pub fn plain(v: &Value) -> &Value {
    base_value(v).unwrap_or(v)
}

/// Both operands as plain built-in values, when at least one of them is a subclass instance:
/// what a binary operation or comparison falls back to after the Python-level special methods
/// (the subclass's overrides and the base's slot wrappers) have declined.
#[cold]
pub fn plain_pair(a: &Value, b: &Value) -> Option<(Value, Value)> {
    if base_value(a).is_none() && base_value(b).is_none() {
        return None;
    }
    Some((plain(a).clone(), plain(b).clone()))
}

/// A new instance of `cls` (a subclass of a built-in type) standing for `base`.
pub fn new_instance(vm: &mut Vm, cls: &Rc<TypeObject>, base: Value) -> Value {
    let base = plain(&base).clone();
    crate::builtins::new_native_instance(vm, cls, Box::new(BaseValue(base)))
}

/// Built-in types that Python classes may extend, with the built-in payload they carry.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BaseKind {
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
}

impl BaseKind {
    pub const ALL: [BaseKind; 11] = [
        BaseKind::Int,
        BaseKind::Float,
        BaseKind::Complex,
        BaseKind::Str,
        BaseKind::Bytes,
        BaseKind::ByteArray,
        BaseKind::List,
        BaseKind::Tuple,
        BaseKind::Dict,
        BaseKind::Set,
        BaseKind::FrozenSet,
    ];

    pub fn from_u8(n: u8) -> BaseKind {
        BaseKind::ALL[n as usize % BaseKind::ALL.len()]
    }

    pub fn name(self) -> &'static str {
        match self {
            BaseKind::Int => "int",
            BaseKind::Float => "float",
            BaseKind::Complex => "complex",
            BaseKind::Str => "str",
            BaseKind::Bytes => "bytes",
            BaseKind::ByteArray => "bytearray",
            BaseKind::List => "list",
            BaseKind::Tuple => "tuple",
            BaseKind::Dict => "dict",
            BaseKind::Set => "set",
            BaseKind::FrozenSet => "frozenset",
        }
    }

    pub fn type_object(self, vm: &Vm) -> Rc<TypeObject> {
        let t = &vm.types;
        match self {
            BaseKind::Int => t.int.clone(),
            BaseKind::Float => t.float.clone(),
            BaseKind::Complex => t.complex.clone(),
            BaseKind::Str => t.str_.clone(),
            BaseKind::Bytes => t.bytes.clone(),
            BaseKind::ByteArray => t.bytearray.clone(),
            BaseKind::List => t.list.clone(),
            BaseKind::Tuple => t.tuple.clone(),
            BaseKind::Dict => t.dict.clone(),
            BaseKind::Set => t.set.clone(),
            BaseKind::FrozenSet => t.frozenset.clone(),
        }
    }

    /// Is `v` a plain value of this type (`bool` counts as `int`)?
    pub fn holds(self, v: &Value) -> bool {
        match self {
            BaseKind::Int => matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)),
            BaseKind::Float => matches!(v, Value::Float(_)),
            BaseKind::Complex => matches!(v, Value::Complex(_)),
            BaseKind::Str => matches!(v, Value::Str(_)),
            BaseKind::Bytes => matches!(v, Value::Bytes(_)),
            BaseKind::ByteArray => matches!(v, Value::ByteArray(_)),
            BaseKind::List => matches!(v, Value::List(_)),
            BaseKind::Tuple => matches!(v, Value::Tuple(_)),
            BaseKind::Dict => matches!(v, Value::Dict(_)),
            BaseKind::Set => matches!(v, Value::Set(s) if !s.frozen),
            BaseKind::FrozenSet => matches!(v, Value::Set(s) if s.frozen),
        }
    }

    /// Mutable containers are made empty by `__new__` and filled by `__init__`.
    fn filled_by_init(self) -> bool {
        matches!(self, BaseKind::List | BaseKind::Dict | BaseKind::Set | BaseKind::ByteArray)
    }

    fn empty(self) -> Value {
        match self {
            BaseKind::List => Value::List(Rc::new(std::cell::RefCell::new(Vec::new()))),
            BaseKind::Dict => Value::Dict(Rc::new(crate::objects::dict::DictObject::new())),
            BaseKind::Set => Value::Set(Rc::new(crate::objects::set::SetObject::from_table(
                crate::objects::set::SetTable::default(),
                false,
            ))),
            _ => crate::objects::bytearray::new_bytearray(Vec::new()),
        }
    }
}

/// `T.__new__(cls, *args, **kwargs)` of built-in type `T`: the built-in constructor for `T`
/// itself, else an instance of the subclass carrying the constructed (or empty) base value.
pub fn base_new(
    vm: &mut Vm,
    kind: BaseKind,
    args: &[Value],
    kwargs: &crate::builtins::Kwargs,
) -> PyResult<Value> {
    let base = kind.type_object(vm);
    let name = kind.name();
    let cls = match args.first() {
        Some(Value::Type(t)) => t.clone(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "{name}.__new__(X): X is not a type object ({})",
                other.type_name()
            )))
        }
        None => return Err(PyErr::type_error(format!("{name}.__new__(): not enough arguments"))),
    };
    if !cls.is_subclass(&base) {
        return Err(PyErr::type_error(format!(
            "{name}.__new__({}): {} is not a subtype of {name}",
            cls.name, cls.name
        )));
    }
    let Some(ctor) = base.constructor else {
        return Err(PyErr::type_error(format!("cannot create '{name}' instances")));
    };
    if Rc::ptr_eq(&cls, &base) {
        return ctor(vm, &args[1..], kwargs);
    }
    let value = if kind.filled_by_init() { kind.empty() } else { ctor(vm, &args[1..], kwargs)? };
    Ok(new_instance(vm, &cls, value))
}

/// The built-in base a class's instances carry a payload for, if any (the first built-in type
/// other than `object` in its MRO).
pub fn base_kind_of(vm: &Vm, cls: &Rc<TypeObject>) -> Option<BaseKind> {
    let t = cls.mro().into_iter().find(|t| !t.is_heap_type)?;
    BaseKind::ALL.into_iter().find(|k| Rc::ptr_eq(&k.type_object(vm), &t))
}
