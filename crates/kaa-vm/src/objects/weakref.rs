//! Weak references (`weakref.ref`, `weakref.proxy`): a Rust `Weak` pointer to the referent, an
//! optional callback, and the per-VM registry that `getweakrefcount` and the callbacks use.
//!
//! A weak pointer keeps the referent's allocation (not its contents) alive, so the referent's
//! address cannot be reused while any weak reference to it exists: addresses are safe keys.
//! Instances report their death (their class carries the VM's `GcSignals` once a weak reference
//! to one of them has been made), so callbacks run at the next safe point, as promptly as CPython
//! runs them. Other referents (functions, classes, sets, ...) are checked for death at every
//! collection and at exit.

use crate::exceptions::{ExcKind, ExceptionObject, PyErr, PyResult};
use crate::interp::Vm;
use crate::modules::ModuleObject;
use crate::objects::function::FunctionObject;
use crate::objects::generator::GeneratorObject;
use crate::objects::set::SetObject;
use crate::objects::str::Name;
use crate::objects::types::{InstanceObject, TypeObject};
use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

pub enum WeakTarget {
    Instance(Weak<InstanceObject>),
    Function(Weak<FunctionObject>),
    Type(Weak<TypeObject>),
    Set(Weak<SetObject>),
    Generator(Weak<GeneratorObject>),
    BoundMethod(Weak<(Value, Value)>),
    Exception(Weak<ExceptionObject>),
    Module(Weak<ModuleObject>),
    Code(Weak<kaa_bytecode::CodeObject>),
}

fn weak_address<T>(w: &Weak<T>) -> usize {
    w.as_ptr() as *const u8 as usize
}

impl WeakTarget {
    /// The weak pointer for `v`, or None if its type does not support weak references.
    pub fn of(v: &Value) -> Option<WeakTarget> {
        Some(match v {
            Value::Instance(r) => WeakTarget::Instance(Rc::downgrade(r)),
            Value::Function(r) => WeakTarget::Function(Rc::downgrade(r)),
            Value::Type(r) => WeakTarget::Type(Rc::downgrade(r)),
            Value::Set(r) => WeakTarget::Set(Rc::downgrade(r)),
            Value::Generator(r) => WeakTarget::Generator(Rc::downgrade(r)),
            Value::BoundMethod(r) => WeakTarget::BoundMethod(Rc::downgrade(r)),
            Value::Exception(r) => WeakTarget::Exception(Rc::downgrade(r)),
            Value::Module(r) => WeakTarget::Module(Rc::downgrade(r)),
            Value::Code(r) => WeakTarget::Code(Rc::downgrade(r)),
            _ => return None,
        })
    }

    pub fn upgrade(&self) -> Option<Value> {
        Some(match self {
            WeakTarget::Instance(w) => Value::Instance(w.upgrade()?),
            WeakTarget::Function(w) => Value::Function(w.upgrade()?),
            WeakTarget::Type(w) => Value::Type(w.upgrade()?),
            WeakTarget::Set(w) => Value::Set(w.upgrade()?),
            WeakTarget::Generator(w) => Value::Generator(w.upgrade()?),
            WeakTarget::BoundMethod(w) => Value::BoundMethod(w.upgrade()?),
            WeakTarget::Exception(w) => Value::Exception(w.upgrade()?),
            WeakTarget::Module(w) => Value::Module(w.upgrade()?),
            WeakTarget::Code(w) => Value::Code(w.upgrade()?),
        })
    }

    pub fn is_alive(&self) -> bool {
        match self {
            WeakTarget::Instance(w) => w.strong_count() > 0,
            WeakTarget::Function(w) => w.strong_count() > 0,
            WeakTarget::Type(w) => w.strong_count() > 0,
            WeakTarget::Set(w) => w.strong_count() > 0,
            WeakTarget::Generator(w) => w.strong_count() > 0,
            WeakTarget::BoundMethod(w) => w.strong_count() > 0,
            WeakTarget::Exception(w) => w.strong_count() > 0,
            WeakTarget::Module(w) => w.strong_count() > 0,
            WeakTarget::Code(w) => w.strong_count() > 0,
        }
    }

    /// The referent's address (the same as `Value::address` while it lives).
    pub fn address(&self) -> usize {
        match self {
            WeakTarget::Instance(w) => weak_address(w),
            WeakTarget::Function(w) => weak_address(w),
            WeakTarget::Type(w) => weak_address(w),
            WeakTarget::Set(w) => weak_address(w),
            WeakTarget::Generator(w) => weak_address(w),
            WeakTarget::BoundMethod(w) => weak_address(w),
            WeakTarget::Exception(w) => weak_address(w),
            WeakTarget::Module(w) => weak_address(w),
            WeakTarget::Code(w) => weak_address(w),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum WeakKind {
    Ref,
    Proxy,
    CallableProxy,
}

pub struct WeakRefObject {
    pub target: WeakTarget,
    /// `__callback__`: None, or called once with this weak reference when the referent dies.
    pub callback: RefCell<Value>,
    pub kind: WeakKind,
    /// The referent's hash, remembered so a dead reference stays usable as a dict key.
    pub hash: Cell<Option<i64>>,
}

/// Every live weak reference, by referent address.
#[derive(Default)]
pub struct WeakRegistry {
    by_target: HashMap<usize, Vec<Weak<WeakRefObject>>>,
    /// Addresses of non-instance referents that have weak references with callbacks: checked for
    /// death at collections.
    polled: Vec<usize>,
}

impl WeakRegistry {
    /// The live weak references to the object at `address` (whose referent is `target`).
    fn refs_to(&self, address: usize) -> Vec<Rc<WeakRefObject>> {
        self.by_target
            .get(&address)
            .map(|v| v.iter().filter_map(Weak::upgrade).filter(|r| r.target.address() == address).collect())
            .unwrap_or_default()
    }
}

impl Vm {
    /// `weakref.ref(obj, callback)` / `weakref.proxy(obj, callback)`.
    pub fn new_weakref(&mut self, obj: &Value, callback: Value, kind: WeakKind) -> PyResult<Value> {
        let Some(target) = WeakTarget::of(obj) else {
            return Err(PyErr::type_error(format!(
                "cannot create weak reference to '{}' object",
                obj.type_name()
            )));
        };
        let address = obj.address();
        let has_callback = !matches!(callback, Value::None);
        let kind = match (kind, obj) {
            (WeakKind::Proxy, Value::Function(_) | Value::BoundMethod(_) | Value::Type(_)) => {
                WeakKind::CallableProxy
            }
            (WeakKind::Proxy, Value::Instance(i)) if i.class.lookup("__call__").is_some() => {
                WeakKind::CallableProxy
            }
            (k, _) => k,
        };
        // Without a callback, an existing plain reference (or proxy) is shared, as CPython does.
        if !has_callback {
            if let Some(r) = self
                .weakrefs
                .refs_to(address)
                .into_iter()
                .find(|r| r.kind == kind && matches!(*r.callback.borrow(), Value::None))
            {
                return Ok(Value::WeakRef(r));
            }
        }
        let r =
            Rc::new(WeakRefObject { target, callback: RefCell::new(callback), kind, hash: Cell::new(None) });
        let entry = self.weakrefs.by_target.entry(address).or_default();
        entry.retain(|w| w.strong_count() > 0);
        entry.push(Rc::downgrade(&r));
        match obj {
            Value::Instance(i) => {
                // The instance will tell us when it dies.
                i.has_weakrefs.set(true);
                let _ = i.class.gc_signals.set(self.gc.signals.clone());
            }
            _ if has_callback => self.weakrefs.polled.push(address),
            _ => {}
        }
        Ok(Value::WeakRef(r))
    }

    /// `weakref.getweakrefcount(obj)` / `getweakrefs(obj)`.
    pub fn weakrefs_to(&self, obj: &Value) -> Vec<Value> {
        if WeakTarget::of(obj).is_none() {
            return Vec::new();
        }
        self.weakrefs.refs_to(obj.address()).into_iter().map(Value::WeakRef).collect()
    }

    /// The referent at `address` died: call the callbacks of the weak references to it (most
    /// recent first, as CPython does) and forget them.
    pub fn run_weakref_callbacks(&mut self, address: usize) {
        let Some(entry) = self.weakrefs.by_target.remove(&address) else { return };
        let refs: Vec<Rc<WeakRefObject>> = entry.iter().filter_map(Weak::upgrade).collect();
        for r in refs.into_iter().rev() {
            if r.target.address() != address || r.target.is_alive() {
                continue;
            }
            let cb = std::mem::replace(&mut *r.callback.borrow_mut(), Value::None);
            if matches!(cb, Value::None) {
                continue;
            }
            if let Err(e) = self.call_value(&cb, vec![Value::WeakRef(r.clone())], Vec::new()) {
                let exc = self.materialize(e);
                self.report_unraisable("Exception ignored in", &cb, &exc);
            }
        }
    }

    /// Runs the callbacks of weak references whose non-instance referents have died.
    pub fn poll_dead_weakrefs(&mut self) {
        if self.weakrefs.polled.is_empty() {
            return;
        }
        let polled = std::mem::take(&mut self.weakrefs.polled);
        let (dead, alive): (Vec<usize>, Vec<usize>) = polled.into_iter().partition(|a| {
            self.weakrefs.by_target.get(a).is_none_or(|v| {
                v.iter().filter_map(Weak::upgrade).all(|r| r.target.address() != *a || !r.target.is_alive())
            })
        });
        self.weakrefs.polled = alive;
        for address in dead {
            self.run_weakref_callbacks(address);
        }
        // Forget entries whose weak references are all gone.
        self.weakrefs.by_target.retain(|_, v| {
            v.retain(|w| w.strong_count() > 0);
            !v.is_empty()
        });
    }

    /// The referent, or ReferenceError for a dead proxy.
    pub fn proxy_target(&self, r: &WeakRefObject) -> PyResult<Value> {
        r.target
            .upgrade()
            .ok_or_else(|| PyErr::new(ExcKind::ReferenceError, "weakly-referenced object no longer exists"))
    }

    /// `repr()` of a weak reference or proxy.
    pub fn weakref_repr(&mut self, r: &Rc<WeakRefObject>) -> PyResult<String> {
        let me = Rc::as_ptr(r) as *const u8 as usize;
        let Some(obj) = r.target.upgrade() else {
            return Ok(format!("<weakref at {me:#x}; dead>"));
        };
        if r.kind != WeakKind::Ref {
            return Ok(format!("<weakproxy at {me:#x}; to '{}' at {:#x}>", obj.type_name(), obj.address()));
        }
        let name = match self.get_attr(&obj, "__name__") {
            Ok(Value::Str(s)) => Some(s.to_string()),
            _ => None,
        };
        Ok(match name {
            Some(n) => {
                format!("<weakref at {me:#x}; to '{}' at {:#x} ({n})>", obj.type_name(), obj.address())
            }
            None => format!("<weakref at {me:#x}; to '{}' at {:#x}>", obj.type_name(), obj.address()),
        })
    }

    /// `hash(ref)`: the referent's hash, remembered; a reference that died unhashed cannot hash.
    pub fn weakref_hash(&mut self, r: &WeakRefObject) -> PyResult<i64> {
        if let Some(h) = r.hash.get() {
            return Ok(h);
        }
        let Some(obj) = r.target.upgrade() else {
            return Err(PyErr::type_error("weak object has gone away"));
        };
        let h = crate::builtins::hash_of(self, &obj)?;
        r.hash.set(Some(h));
        Ok(h)
    }

    /// `ref == other`: the referents compare when both are alive, else identity.
    pub fn weakref_eq(&mut self, a: &Rc<WeakRefObject>, b: &Rc<WeakRefObject>) -> PyResult<bool> {
        match (a.target.upgrade(), b.target.upgrade()) {
            (Some(x), Some(y)) => self.equals(&x, &y),
            _ => Ok(Rc::ptr_eq(a, b)),
        }
    }
}

/// Calling a weak reference: the referent, or None once it is gone. (Proxies forward the call.)
pub fn call_weakref(
    vm: &mut Vm,
    r: &Rc<WeakRefObject>,
    args: Vec<Value>,
    kwargs: Vec<(Name, Value)>,
) -> PyResult<Value> {
    if r.kind == WeakKind::Ref {
        if !args.is_empty() || !kwargs.is_empty() {
            return Err(PyErr::type_error(format!(
                "weakref expected 0 arguments, got {}",
                args.len() + kwargs.len()
            )));
        }
        return Ok(r.target.upgrade().unwrap_or(Value::None));
    }
    let target = vm.proxy_target(r)?;
    vm.call_value(&target, args, kwargs)
}

fn construct(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Name, Value)],
    kind: WeakKind,
    name: &str,
) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    match args {
        [obj] => vm.new_weakref(obj, Value::None, kind),
        [obj, cb] => vm.new_weakref(obj, cb.clone(), kind),
        _ => Err(PyErr::type_error(format!("{name} expected 1 or 2 arguments, got {}", args.len()))),
    }
}

/// The `weakref.ref` type's constructor.
pub fn ref_new(vm: &mut Vm, args: &[Value], kwargs: &[(Name, Value)]) -> PyResult<Value> {
    construct(vm, args, kwargs, WeakKind::Ref, "__new__")
}

/// `weakref.proxy(obj[, callback])`.
pub fn proxy_new(vm: &mut Vm, args: &[Value], kwargs: &[(Name, Value)]) -> PyResult<Value> {
    construct(vm, args, kwargs, WeakKind::Proxy, "proxy")
}
