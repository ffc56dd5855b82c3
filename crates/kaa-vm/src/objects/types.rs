//! `type` objects: built-in types and classes made by `class` statements, with C3 method
//! resolution order and a namespace dict.

use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::objects::dict::DictObject;
use crate::objects::function::NativeFn;
use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

pub struct TypeObject {
    pub name: String,
    pub qualname: String,
    pub bases: Vec<Rc<TypeObject>>,
    /// The method resolution order after this type itself (C3 linearization).
    pub mro_tail: Vec<Rc<TypeObject>>,
    /// Class attributes and methods.
    pub dict: DictObject,
    /// Set for the built-in exception classes.
    pub exception: Option<ExcKind>,
    /// Calling a built-in type runs this (int("3"), list(x), ...).
    pub constructor: Option<NativeFn>,
    /// Classes made by `class` statements (their instances carry a `__dict__`).
    pub is_heap_type: bool,
    pub module: RefCell<Option<Value>>,
    /// Cache for `has_setattr_hook`.
    pub setattr_hook: std::cell::Cell<Option<bool>>,
    /// Cache for `simple_init`: the type epoch it was computed in, and the answer.
    pub simple_init_cache: RefCell<(u64, Option<Value>)>,
}

/// The type epoch: advanced whenever any type is created or any type's namespace changes.
/// Attribute caches remember the epoch they were filled in and are valid only while it is
/// unchanged, so class-level changes (a method replaced, an attribute added to a base) are seen
/// at once. Programs rarely change classes in hot loops, so one global counter suffices.
static TYPE_EPOCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

#[inline]
pub fn type_epoch() -> u64 {
    TYPE_EPOCH.load(std::sync::atomic::Ordering::Relaxed)
}

pub fn advance_type_epoch() {
    TYPE_EPOCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}

/// A type's namespace dict: marked so that its mutations advance the type epoch. Creating a
/// type advances the epoch too, so a cache keyed on a freed type's address cannot match a new
/// type allocated at the same address.
fn type_namespace() -> DictObject {
    advance_type_epoch();
    let d = DictObject::new();
    d.mark_type_namespace();
    d
}

impl TypeObject {
    pub fn builtin(name: &str, base: Option<Rc<TypeObject>>, constructor: Option<NativeFn>) -> TypeObject {
        let mro_tail = match &base {
            Some(b) => std::iter::once(b.clone()).chain(b.mro_tail.iter().cloned()).collect(),
            None => Vec::new(),
        };
        TypeObject {
            name: name.to_string(),
            qualname: name.to_string(),
            bases: base.into_iter().collect(),
            mro_tail,
            dict: type_namespace(),
            exception: None,
            constructor,
            is_heap_type: false,
            module: RefCell::new(None),
            setattr_hook: std::cell::Cell::new(None),
            simple_init_cache: RefCell::new((0, None)),
        }
    }

    /// A class from a `class` statement: name, bases (never empty: `object` at least), namespace.
    pub fn new_class(name: &str, qualname: &str, bases: Vec<Rc<TypeObject>>) -> PyResult<TypeObject> {
        let mro_tail = c3_merge(&bases)?;
        let exception = mro_tail.iter().find_map(|t| t.exception);
        Ok(TypeObject {
            name: name.to_string(),
            qualname: qualname.to_string(),
            bases,
            mro_tail,
            dict: type_namespace(),
            exception,
            constructor: None,
            is_heap_type: true,
            module: RefCell::new(None),
            setattr_hook: std::cell::Cell::new(None),
            simple_init_cache: RefCell::new((0, None)),
        })
    }

    /// Is `self` `other` or a subclass of it?
    pub fn is_subclass(self: &Rc<Self>, other: &Rc<TypeObject>) -> bool {
        Rc::ptr_eq(self, other) || self.mro_tail.iter().any(|t| Rc::ptr_eq(t, other))
    }

    /// Looks `name` up along the MRO (this type first).
    pub fn lookup(self: &Rc<Self>, name: &str) -> Option<Value> {
        if let Some(v) = self.dict.get_str(name) {
            return Some(v);
        }
        self.mro_tail.iter().find_map(|t| t.dict.get_str(name))
    }

    /// `lookup` with the name as an interned `str` value: its hash is cached and keys usually
    /// match by pointer, so attribute access hashes no text.
    pub fn lookup_value(self: &Rc<Self>, name: &Value) -> Option<Value> {
        if let Ok(Some(v)) = self.dict.get(name) {
            return Some(v);
        }
        self.mro_tail.iter().find_map(|t| t.dict.get(name).ok().flatten())
    }

    /// The Python `__init__` to run when calling this class needs nothing else: a class from a
    /// `class` statement, not an exception, no `__new__` anywhere in its MRO (so the instance is
    /// a plain one), `__init__` a Python function. Cached until the type epoch moves.
    /// (A metaclass with its own `__call__` must make this None.)
    pub fn simple_init(self: &Rc<Self>) -> Option<Value> {
        let epoch = type_epoch();
        {
            let cached = self.simple_init_cache.borrow();
            if cached.0 == epoch {
                return cached.1.clone();
            }
        }
        let found = if self.is_heap_type && self.exception.is_none() && self.lookup("__new__").is_none() {
            match self.lookup("__init__") {
                Some(f @ Value::Function(_)) => Some(f),
                _ => None,
            }
        } else {
            None
        };
        *self.simple_init_cache.borrow_mut() = (epoch, found.clone());
        found
    }

    /// Does this class (or a base) define `__setattr__`? Cached: decided when the class is
    /// made, and redone when `__setattr__` is assigned on the class itself.
    pub fn has_setattr_hook(self: &Rc<Self>) -> bool {
        match self.setattr_hook.get() {
            Some(b) => b,
            None => {
                let b = self.lookup("__setattr__").is_some();
                self.setattr_hook.set(Some(b));
                b
            }
        }
    }

    /// Looks `name` up along the MRO, starting after `after` (for `super()`).
    pub fn lookup_after(self: &Rc<Self>, after: &Rc<TypeObject>, name: &str) -> Option<Value> {
        let mro: Vec<Rc<TypeObject>> =
            std::iter::once(self.clone()).chain(self.mro_tail.iter().cloned()).collect();
        let start = mro.iter().position(|t| Rc::ptr_eq(t, after))? + 1;
        mro[start..].iter().find_map(|t| t.dict.get_str(name))
    }

    /// The whole MRO, this type first.
    pub fn mro(self: &Rc<Self>) -> Vec<Rc<TypeObject>> {
        std::iter::once(self.clone()).chain(self.mro_tail.iter().cloned()).collect()
    }
}

/// C3 linearization of the bases' MROs (the part of the MRO after the new class itself).
fn c3_merge(bases: &[Rc<TypeObject>]) -> PyResult<Vec<Rc<TypeObject>>> {
    let mut seqs: Vec<Vec<Rc<TypeObject>>> = bases.iter().map(|b| b.mro()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<TypeObject>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        // A head that appears in no other sequence's tail.
        let candidate = seqs
            .iter()
            .map(|s| s[0].clone())
            .find(|head| !seqs.iter().any(|s| s[1..].iter().any(|t| Rc::ptr_eq(t, head))));
        let Some(next) = candidate else {
            let names: Vec<String> = bases.iter().map(|b| b.name.clone()).collect();
            return Err(PyErr::type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in &mut seqs {
            if Rc::ptr_eq(&s[0], &next) {
                s.remove(0);
            }
        }
        out.push(next);
    }
}

/// An instance of a class made by a `class` statement.
pub struct InstanceObject {
    pub class: Rc<TypeObject>,
    pub dict: DictObject,
}

/// `property(fget, fset, fdel, doc)`.
pub struct PropertyObject {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
}

/// The object `super()` returns: look up attributes after `start` in `obj`'s type's MRO.
pub struct SuperObject {
    pub start: Rc<TypeObject>,
    pub obj: Value,
    /// The type whose MRO is searched (type of obj, or obj itself when it is a class).
    pub obj_type: Rc<TypeObject>,
}
