//! `type` objects: built-in types and classes made by `class` statements, with C3 method
//! resolution order and a namespace dict.

use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::objects::dict::DictObject;
use crate::objects::function::NativeFn;
use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

/// A class's or function's `__name__` or `__qualname__`: assignable, yet readable as a plain
/// `&str` (error messages borrow it everywhere); see `Replaceable`.
pub struct TypeName(crate::objects::replaceable::Replaceable<String>);

impl TypeName {
    pub fn new(s: &str) -> TypeName {
        TypeName(crate::objects::replaceable::Replaceable::new(s.to_string()))
    }
    pub fn from_string(s: String) -> TypeName {
        TypeName(crate::objects::replaceable::Replaceable::new(s))
    }
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
    pub fn set(&self, s: &str) {
        self.0.replace(s.to_string());
    }
}

impl std::ops::Deref for TypeName {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for TypeName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for TypeName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl PartialEq<str> for TypeName {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for TypeName {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

pub struct TypeObject {
    pub name: TypeName,
    pub qualname: TypeName,
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
    /// Set once instances of this class need to report their death to the VM: the class has a
    /// `__del__`, or weak references to its instances exist (see `gc::finalize`).
    pub gc_signals: std::cell::OnceCell<Rc<crate::gc::GcSignals>>,
    /// Cache for `has_getattribute_hook`.
    pub getattribute_hook: std::cell::Cell<Option<bool>>,
    /// `type(cls)` when it is not `type` itself (a class made with `metaclass=M`).
    pub metaclass: Option<Rc<TypeObject>>,
    /// Direct subclasses, for `__subclasses__()` and for invalidating the caches above.
    pub subclasses: RefCell<Vec<std::rc::Weak<TypeObject>>>,
    /// Do instances carry a `__dict__`? False when this class and all its bases use `__slots__`.
    pub instances_have_dict: bool,
    /// Slots per instance, this class's and its bases' (`__slots__`).
    pub slot_count: usize,
    /// Recent `lookup` answers (see `type_lookup_cache`).
    pub lookup_cache: crate::objects::type_lookup_cache::LookupCache,
    /// Classes that instances left for this one by `__class__` assignment (see `InstanceClass`).
    pub retired: RefCell<Vec<Rc<TypeObject>>>,
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
            name: TypeName::new(name),
            qualname: TypeName::new(name),
            bases: base.into_iter().collect(),
            mro_tail,
            dict: type_namespace(),
            exception: None,
            constructor,
            is_heap_type: false,
            module: RefCell::new(None),
            setattr_hook: std::cell::Cell::new(None),
            simple_init_cache: RefCell::new((0, None)),
            gc_signals: std::cell::OnceCell::new(),
            getattribute_hook: std::cell::Cell::new(None),
            metaclass: None,
            subclasses: RefCell::new(Vec::new()),
            instances_have_dict: true,
            slot_count: 0,
            lookup_cache: Default::default(),
            retired: RefCell::new(Vec::new()),
        }
    }

    /// A class from a `class` statement: name, bases (never empty: `object` at least), namespace.
    pub fn new_class(name: &str, qualname: &str, bases: Vec<Rc<TypeObject>>) -> PyResult<TypeObject> {
        let mro_tail = c3_merge(&bases)?;
        let slot_count = bases.iter().map(|b| b.slot_count).max().unwrap_or(0);
        let exception = mro_tail.iter().find_map(|t| t.exception);
        Ok(TypeObject {
            name: TypeName::new(name),
            qualname: TypeName::new(qualname),
            bases,
            mro_tail,
            dict: type_namespace(),
            exception,
            constructor: None,
            is_heap_type: true,
            module: RefCell::new(None),
            setattr_hook: std::cell::Cell::new(None),
            simple_init_cache: RefCell::new((0, None)),
            gc_signals: std::cell::OnceCell::new(),
            getattribute_hook: std::cell::Cell::new(None),
            metaclass: None,
            subclasses: RefCell::new(Vec::new()),
            instances_have_dict: true,
            slot_count,
            lookup_cache: Default::default(),
            retired: RefCell::new(Vec::new()),
        })
    }

    /// Records `class` as a direct subclass of each of its bases.
    pub fn register_subclass(class: &Rc<TypeObject>) {
        for b in &class.bases {
            let mut subs = b.subclasses.borrow_mut();
            subs.retain(|w| w.strong_count() > 0);
            subs.push(Rc::downgrade(class));
        }
    }

    /// Live direct subclasses, oldest first.
    pub fn live_subclasses(&self) -> Vec<Rc<TypeObject>> {
        self.subclasses.borrow().iter().filter_map(|w| w.upgrade()).collect()
    }

    /// Forgets the cached hook answers of this class and every subclass (a dunder was assigned).
    pub fn invalidate_hooks(&self) {
        self.setattr_hook.set(None);
        self.getattribute_hook.set(None);
        for sub in self.live_subclasses() {
            sub.invalidate_hooks();
        }
    }

    /// Is `self` `other` or a subclass of it?
    pub fn is_subclass(self: &Rc<Self>, other: &Rc<TypeObject>) -> bool {
        Rc::ptr_eq(self, other) || self.mro_tail.iter().any(|t| Rc::ptr_eq(t, other))
    }

    /// Looks `name` up along the MRO (this type first).
    pub fn lookup(self: &Rc<Self>, name: &str) -> Option<Value> {
        let epoch = type_epoch();
        if let Some(found) = self.lookup_cache.get(name, epoch) {
            return found;
        }
        let found = match self.dict.get_str(name) {
            Some(v) => Some(v),
            None => self.mro_tail.iter().find_map(|t| t.dict.get_str(name)),
        };
        self.lookup_cache.put(name, epoch, found.clone());
        found
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
    /// Classes with a metaclass are left to the general path (the metaclass may define
    /// `__call__`).
    pub fn simple_init(self: &Rc<Self>) -> Option<Value> {
        let epoch = type_epoch();
        {
            let cached = self.simple_init_cache.borrow();
            if cached.0 == epoch {
                return cached.1.clone();
            }
        }
        let found = if self.is_heap_type
            && self.exception.is_none()
            && self.metaclass.is_none()
            && self.lookup("__new__").is_none()
            && self.dict.get_str("__abstractmethods__").is_none()
        {
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
    /// Must `obj.name = v` on an instance take the slow path? True when this class (or a base)
    /// defines `__setattr__` or its instances have no `__dict__` (`__slots__`). Cached, and
    /// forgotten when a dunder is assigned on the class or a base.
    pub fn has_setattr_hook(self: &Rc<Self>) -> bool {
        match self.setattr_hook.get() {
            Some(b) => b,
            None => {
                let b = !self.instances_have_dict || self.lookup("__setattr__").is_some();
                self.setattr_hook.set(Some(b));
                b
            }
        }
    }

    /// Does this class (or a base) override `__getattribute__`? Then every attribute read on
    /// its instances goes through it. Cached like `has_setattr_hook`.
    #[inline]
    pub fn has_getattribute_hook(self: &Rc<Self>) -> bool {
        match self.getattribute_hook.get() {
            Some(b) => b,
            None => {
                let b = self.is_heap_type && self.lookup("__getattribute__").is_some();
                self.getattribute_hook.set(Some(b));
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

/// The C3 method resolution order of `t` (what `type.mro()` returns), `t` first.
pub fn c3_order(t: &Rc<TypeObject>) -> PyResult<Vec<Rc<TypeObject>>> {
    let mut out = vec![t.clone()];
    out.extend(c3_merge(&t.bases)?);
    Ok(out)
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
            let names: Vec<String> = bases.iter().map(|b| b.name.to_string()).collect();
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

/// An instance of a class made by a `class` statement. Slot values (`__slots__`) live in `dict`
/// too: a slotted class's instances simply refuse other names and hide `__dict__`.
/// An instance's class: read as a plain `&Rc<TypeObject>` everywhere (no cost on the hot
/// paths), replaced only by `obj.__class__ = C` (`objects/class_assignment.rs`). The class
/// replaced is kept alive by the new one (`TypeObject::retired`), so a borrow of the old
/// `Rc` taken before the assignment never dangles.
pub struct InstanceClass(std::cell::UnsafeCell<Rc<TypeObject>>);

impl InstanceClass {
    pub fn new(class: Rc<TypeObject>) -> InstanceClass {
        InstanceClass(std::cell::UnsafeCell::new(class))
    }

    /// Makes `new` the class; the old one moves into `new.retired`.
    pub fn replace(&self, new: Rc<TypeObject>) {
        // SAFETY: single-threaded; the old `Rc` is not dropped but kept by `new`, so earlier
        // borrows of it stay valid.
        let old = unsafe { std::mem::replace(&mut *self.0.get(), new.clone()) };
        let mut retired = new.retired.borrow_mut();
        if !retired.iter().any(|t| Rc::ptr_eq(t, &old)) && !Rc::ptr_eq(&old, &new) {
            retired.push(old);
        }
    }
}

impl std::ops::Deref for InstanceClass {
    type Target = Rc<TypeObject>;
    #[inline(always)]
    fn deref(&self) -> &Rc<TypeObject> {
        // SAFETY: see `replace`.
        unsafe { &*self.0.get() }
    }
}

pub struct InstanceObject {
    pub class: InstanceClass,
    pub dict: Rc<DictObject>,
    /// `__slots__` values by member index (`Value::Null` while unset); empty without slots.
    pub slots: RefCell<Box<[Value]>>,
    /// `__del__` has run (PEP 442: once per object).
    pub finalized: std::cell::Cell<bool>,
    /// Weak references to this object have been made (its death must be reported).
    pub has_weakrefs: std::cell::Cell<bool>,
    /// The Rust state of an instance of a native class (`deque`, `StringIO`, a regex `Pattern`,
    /// ...) or of a subclass of one: set once, by the native class's `__new__`.
    pub native: std::cell::OnceCell<Box<dyn NativeData>>,
}

/// The Rust state behind instances of a native class. Interior mutability is the payload's own
/// business (a `RefCell` inside); the cycle collector sees held values through `traverse`/`clear`.
pub trait NativeData: std::any::Any {
    /// For downcasting to the concrete payload (`InstanceObject::native_data`).
    fn as_any(&self) -> &dyn std::any::Any;
    /// Calls `visit` on every Python value the payload holds.
    fn traverse(&self, _visit: &mut dyn FnMut(&Value)) {}
    /// Moves every held value into `bin` (the collector breaking a cycle).
    fn clear(&self, _bin: &mut Vec<Value>) {}
}

impl InstanceObject {
    /// The native payload of type `T`, if this instance has one.
    pub fn native_data<T: NativeData>(&self) -> Option<&T> {
        self.native.get().and_then(|d| d.as_any().downcast_ref::<T>())
    }

    pub fn new(class: Rc<TypeObject>) -> InstanceObject {
        if !class.instances_have_dict {
            // Instances without `__dict__` (all `__slots__`, or `object()`) share one empty
            // dict that nothing writes to: every store checks `instances_have_dict` first.
            return InstanceObject::with_shared_dict(class, NO_DICT.with(Rc::clone));
        }
        InstanceObject::with_dict(class, DictObject::new())
    }

    pub fn with_dict(class: Rc<TypeObject>, dict: DictObject) -> InstanceObject {
        InstanceObject::with_shared_dict(class, Rc::new(dict))
    }

    fn with_shared_dict(class: Rc<TypeObject>, dict: Rc<DictObject>) -> InstanceObject {
        // A boxed slice, not a Vec: 8 bytes less per instance (the count never changes). Not
        // `vec![Value::Null; n]`: that clones through the general `Clone` per slot.
        let slots = RefCell::new((0..class.slot_count).map(|_| Value::Null).collect());
        InstanceObject {
            class: InstanceClass::new(class),
            dict,
            slots,
            finalized: std::cell::Cell::new(false),
            has_weakrefs: std::cell::Cell::new(false),
            native: std::cell::OnceCell::new(),
        }
    }
}

thread_local! {
    /// The `dict` of every instance whose class gives instances no `__dict__`.
    static NO_DICT: Rc<DictObject> = Rc::new(DictObject::new());
}

impl Drop for InstanceObject {
    fn drop(&mut self) {
        if self.class.gc_signals.get().is_some() {
            crate::gc::finalize::instance_died(self);
        }
    }
}

/// `property(fget, fset, fdel, doc)`.
pub struct PropertyObject {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    /// `doc=` or a later `prop.__doc__ = ...` (None: the getter's docstring is used).
    pub doc: RefCell<Option<Value>>,
}

/// The object `super()` returns: look up attributes after `start` in `obj`'s type's MRO.
pub struct SuperObject {
    pub start: Rc<TypeObject>,
    pub obj: Value,
    /// The type whose MRO is searched (type of obj, or obj itself when it is a class).
    pub obj_type: Rc<TypeObject>,
}

/// `object.__new__`'s refusal of a class with abstract methods (CPython's IS_ABSTRACT flag is
/// set exactly when the class's own `__abstractmethods__` is assigned something true).
pub fn check_not_abstract(vm: &mut crate::interp::Vm, t: &Rc<TypeObject>) -> PyResult<()> {
    match t.dict.get_str("__abstractmethods__") {
        None => Ok(()),
        Some(methods) => abstract_error(vm, t, &methods),
    }
}

#[cold]
fn abstract_error(vm: &mut crate::interp::Vm, t: &Rc<TypeObject>, methods: &Value) -> PyResult<()> {
    if !vm.truthy(methods)? {
        return Ok(());
    }
    let mut names = Vec::new();
    for m in vm.collect_iterable(methods)? {
        names.push(vm.str(&m)?);
    }
    names.sort();
    let plural = if names.len() > 1 { "s" } else { "" };
    Err(PyErr::type_error(format!(
        "Can't instantiate abstract class {} with abstract method{plural} {}",
        t.name,
        names.join(", ")
    )))
}
