//! `dict`: insertion-ordered hash map with Python's key semantics (`1 == 1.0 == True`).
//!
//! Entries live in a dense vector (iteration order); an index table maps hashes to entry slots.
//! Deleted entries leave a tombstone that compaction removes.

use crate::exceptions::{PyErr, PyResult};
use crate::objects::dict_table::Table;
use crate::objects::int::{hash_value, str_hash};
use crate::value::Value;
use std::cell::RefCell;

pub struct DictObject {
    inner: RefCell<Table>,
    /// Changes on every mutation and is never shared by two dicts, so a cached lookup
    /// (LOAD_GLOBAL's) is valid exactly while the tag is unchanged. The high 32 bits are a
    /// process-wide serial taken at creation, the low 32 bits count mutations (a cheap
    /// non-atomic increment; a fresh serial is taken when they wrap).
    version: std::cell::Cell<u64>,
    /// Set for the namespace of a type: its mutations also advance the type epoch, which
    /// invalidates every attribute cache (see `objects::types::type_epoch`).
    type_namespace: std::cell::Cell<bool>,
}

/// Source of dict serials. Only uniqueness matters; it holds no interpreter state.
static NEXT_SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn fresh_version() -> u64 {
    NEXT_SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed) << 32
}

impl Default for DictObject {
    fn default() -> Self {
        DictObject {
            inner: RefCell::default(),
            version: std::cell::Cell::new(fresh_version()),
            type_namespace: std::cell::Cell::new(false),
        }
    }
}

/// Key equality for built-in hashable types, without calling Python code.
pub fn keys_equal(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        (Str(x), Str(y)) => std::rc::Rc::ptr_eq(x, y) || x.as_str() == y.as_str(),
        (Int(x), Int(y)) => x == y,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Bool(y)) | (Bool(y), Int(x)) => *x == *y as i64,
        (Float(x), Float(y)) => x == y,
        (Int(x), Float(y)) | (Float(y), Int(x)) => (*x as f64) == *y && (*y as i64) == *x,
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => (*x as i64 as f64) == *y,
        (BigInt(x), BigInt(y)) => x == y,
        (BigInt(n), Float(f)) | (Float(f), BigInt(n)) => {
            crate::objects::int::cmp_int_float(n, *f) == Some(std::cmp::Ordering::Equal)
        }
        (Tuple(x), Tuple(y)) => x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| keys_equal(p, q)),
        (Set(x), Set(y)) => {
            let (a, b) = (x.table.borrow(), y.table.borrow());
            a.len() == b.len() && crate::objects::set_methods::is_subset(&a, &b)
        }
        (WeakRef(x), WeakRef(y)) => {
            std::rc::Rc::ptr_eq(x, y)
                || matches!((x.target.upgrade(), y.target.upgrade()), (Some(p), Some(q)) if keys_equal(&p, &q))
        }
        (Bytes(_) | ByteArray(_) | MemoryView(_), _) | (_, Bytes(_) | ByteArray(_) | MemoryView(_)) => {
            crate::objects::bytes::equal(a, b).unwrap_or(false)
        }
        (Complex(z), other) | (other, Complex(z)) => {
            crate::objects::complex::equal(z, other).unwrap_or(false)
        }
        _ => a.is(b),
    }
}

/// The entry index of a `str` key. Names: the hash is cached and interned keys usually match by
/// pointer, so no text is hashed or compared.
#[inline]
fn find_str(t: &Table, key: &Rc<crate::objects::str::StrObject>) -> Option<usize> {
    t.find(key.hash_with(str_hash), |stored| match stored {
        Value::Str(s) => Rc::ptr_eq(s, key) || s.as_str() == key.as_str(),
        _ => false,
    })
}

impl DictObject {
    pub fn new() -> DictObject {
        DictObject::default()
    }

    pub fn len(&self) -> usize {
        self.inner.borrow().len()
    }

    /// Changes whenever the dict is mutated.
    #[inline]
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    #[inline]
    fn bump(&self) {
        let v = self.version.get().wrapping_add(1);
        self.version.set(if v as u32 == 0 { fresh_version() } else { v });
        if self.type_namespace.get() {
            crate::objects::types::advance_type_epoch();
        }
    }

    /// Marks this dict as a type's namespace (see `type_namespace`).
    pub fn mark_type_namespace(&self) {
        self.type_namespace.set(true);
    }

    /// Lookup of an interned name with a remembered entry index: when the entry at `hint` holds
    /// this very key object the probe is skipped; otherwise the hint is updated.
    #[inline]
    pub fn get_hinted(
        &self,
        key: &Rc<crate::objects::str::StrObject>,
        hint: &std::cell::Cell<u32>,
    ) -> Option<Value> {
        let t = self.inner.borrow();
        if let Some(e) = t.entry_at(hint.get() as usize) {
            if let Value::Str(s) = &e.key {
                if Rc::ptr_eq(s, key) {
                    return Some(e.value.clone());
                }
            }
        }
        let ix = find_str(&t, key)?;
        hint.set(ix as u32);
        Some(t.entry(ix).value.clone())
    }

    /// `set` of an interned name with a remembered entry index (see `get_hinted`).
    #[inline]
    pub fn set_hinted(
        &self,
        key: &Rc<crate::objects::str::StrObject>,
        value: Value,
        hint: &std::cell::Cell<u32>,
    ) {
        self.bump();
        let mut t = self.inner.borrow_mut();
        let ix = hint.get() as usize;
        if let Some(e) = t.entry_at(ix) {
            if matches!(&e.key, Value::Str(s) if Rc::ptr_eq(s, key)) {
                let old = std::mem::replace(t.value_mut(ix), value);
                drop(t);
                drop(old);
                return;
            }
        }
        let found = find_str(&t, key);
        let ix = match found {
            Some(ix) => {
                let old = std::mem::replace(t.value_mut(ix), value);
                drop(t);
                drop(old);
                ix
            }
            None => t.insert_new(key.hash_with(str_hash), Value::Str(key.clone()), value),
        };
        hint.set(ix as u32);
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, key: &Value) -> PyResult<Option<Value>> {
        if let Value::Str(k) = key {
            let t = self.inner.borrow();
            return Ok(find_str(&t, k).map(|ix| t.entry(ix).value.clone()));
        }
        let hash = hash_value(key)?;
        let t = self.inner.borrow();
        Ok(t.find(hash, |k| keys_equal(k, key)).map(|ix| t.entry(ix).value.clone()))
    }

    /// The table itself, for lookups that run Python code (`key_lookup.rs`).
    pub(crate) fn table(&self) -> &RefCell<Table> {
        &self.inner
    }

    /// Marks a mutation made through `table()`.
    pub(crate) fn touch(&self) {
        self.bump();
    }

    /// Lookup by string key (globals, builtins), without allocating a key object.
    pub fn get_str(&self, key: &str) -> Option<Value> {
        let t = self.inner.borrow();
        let found = t.find(str_hash(key), |k| matches!(k, Value::Str(s) if s.as_str() == key));
        found.map(|ix| t.entry(ix).value.clone())
    }

    pub fn set(&self, key: Value, value: Value) -> PyResult<()> {
        let hash = hash_value(&key)?;
        self.bump();
        let mut t = self.inner.borrow_mut();
        match t.find(hash, |k| keys_equal(k, &key)) {
            Some(ix) => *t.value_mut(ix) = value,
            None => {
                t.insert_new(hash, key, value);
            }
        }
        Ok(())
    }

    pub fn remove_str(&self, key: &str) -> Option<Value> {
        self.remove(&Value::str(key)).ok().flatten()
    }

    /// A shallow copy (hashes reused, no key code runs).
    pub fn copy(&self) -> DictObject {
        let out = DictObject::new();
        {
            let t = self.inner.borrow();
            let mut o = out.inner.borrow_mut();
            for e in t.iter() {
                o.insert_new(e.hash, e.key.clone(), e.value.clone());
            }
        }
        out
    }

    /// Entry positions (live or deleted) so far: where a reversed walk starts.
    pub fn entry_count(&self) -> usize {
        self.inner.borrow().entry_count()
    }

    /// The first live entry at or after `pos` (or, reversed, the last one before `pos`), with
    /// its position.
    #[inline]
    pub fn next_live(&self, pos: usize, reversed: bool, kind: ViewKind) -> Option<(usize, Value)> {
        let t = self.inner.borrow();
        let ix = if reversed { t.prev_live(pos) } else { t.next_live(pos) }?;
        let e = t.entry(ix);
        Some((
            ix,
            match kind {
                ViewKind::Keys => e.key.clone(),
                ViewKind::Values => e.value.clone(),
                ViewKind::Items => Value::Tuple(Rc::new(vec![e.key.clone(), e.value.clone()])),
            },
        ))
    }

    pub fn set_str(&self, key: &str, value: Value) {
        // A str key always hashes, so this cannot fail.
        let _ = self.set(Value::str(key), value);
    }

    pub fn remove(&self, key: &Value) -> PyResult<Option<Value>> {
        let hash = hash_value(key)?;
        let mut t = self.inner.borrow_mut();
        let Some(ix) = t.find(hash, |k| keys_equal(k, key)) else { return Ok(None) };
        self.bump();
        Ok(Some(t.remove(ix).1))
    }

    /// Removes and returns the most recently inserted pair (`popitem`).
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let mut t = self.inner.borrow_mut();
        let ix = t.last_index()?;
        self.bump();
        Some(t.remove(ix))
    }

    pub fn clear(&self) {
        self.bump();
        self.inner.borrow_mut().clear();
    }

    /// Calls `f` on each (key, value) pair (the cycle collector's traversal; a dict being
    /// mutated right now is skipped, which only makes the collector more conservative).
    pub fn for_each_entry(&self, f: &mut dyn FnMut(&Value, &Value)) {
        if let Ok(t) = self.inner.try_borrow() {
            for e in t.iter() {
                f(&e.key, &e.value);
            }
        }
    }

    /// Empties the dict, moving its keys and values into `bin` (for the cycle collector, which
    /// drops them later, outside any borrow).
    pub fn take_all(&self, bin: &mut Vec<Value>) {
        let Ok(mut t) = self.inner.try_borrow_mut() else { return };
        let taken = std::mem::take(&mut *t);
        drop(t);
        self.bump();
        for e in taken.iter() {
            bin.push(e.key.clone());
            bin.push(e.value.clone());
        }
        drop(taken);
    }

    /// A snapshot of the (key, value) pairs in insertion order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.inner.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.inner.borrow().iter().map(|e| e.key.clone()).collect()
    }

    /// `KeyError(key)`: the exception carries the key itself.
    #[cold]
    pub fn key_error(key: &Value, vm: &mut crate::Vm) -> PyErr {
        let class = vm.exception_type(crate::exceptions::ExcKind::KeyError);
        PyErr::Raised(std::rc::Rc::new(crate::exceptions::ExceptionObject::new(class, vec![key.clone()])))
    }
}

/// The methods of `dict`, sorted by name; each receives the dict as `args[0]`.
pub static METHODS: &[(&str, NativeFn)] = &[
    ("clear", dict_clear),
    ("copy", dict_copy),
    ("fromkeys", dict_fromkeys),
    ("get", dict_get),
    ("items", dict_items),
    ("keys", dict_keys),
    ("pop", dict_pop),
    ("popitem", dict_popitem),
    ("setdefault", dict_setdefault),
    ("update", dict_update),
    ("values", dict_values),
];

/// The entries of `METHODS` that are class methods: `dict.fromkeys` binds to the class, and the
/// function ignores `args[0]`.
pub static CLASS_METHODS: &[&str] = &["fromkeys"];

use crate::builtins::Kwargs;
use crate::exceptions::ExcKind;
use crate::interp::Vm;
use crate::objects::args::{descriptor_error, err_is, get_item, noargs, positional};
use crate::objects::function::NativeFn;
use crate::objects::key_lookup as kl;
use crate::objects::native::{self, ViewKind};
use std::rc::Rc;

#[inline]
fn this<'a>(args: &'a [Value], name: &str) -> PyResult<&'a Rc<DictObject>> {
    match args.first() {
        Some(Value::Dict(d)) => Ok(d),
        other => match other.and_then(crate::objects::builtin_subclass::base_value) {
            Some(Value::Dict(d)) => Ok(d),
            _ => Err(descriptor_error("dict", name, args)),
        },
    }
}

fn dict_clear(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let d = this(args, "clear")?;
    noargs("dict", "clear", args, kwargs)?;
    d.clear();
    Ok(Value::None)
}

fn dict_copy(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let d = this(args, "copy")?;
    noargs("dict", "copy", args, kwargs)?;
    Ok(Value::Dict(Rc::new(d.copy())))
}

/// `dict.fromkeys(iterable, value=None, /)`, a class method.
fn dict_fromkeys(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = positional("dict", "fromkeys", args, kwargs, 1, 2)?;
    let value = rest.get(1).cloned().unwrap_or(Value::None);
    let d = DictObject::new();
    for k in vm.collect_iterable(&rest[0])? {
        kl::dict_set(vm, &d, k, value.clone())?;
    }
    Ok(Value::Dict(Rc::new(d)))
}

fn dict_get(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let d = this(args, "get")?;
    let rest = positional("dict", "get", args, kwargs, 1, 2)?;
    Ok(kl::dict_get(vm, d, &rest[0])?.unwrap_or_else(|| rest.get(1).cloned().unwrap_or(Value::None)))
}

/// `keys()`, `values()` and `items()` are live views (`objects/native.rs`).
fn dict_items(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let d = this(args, "items")?;
    noargs("dict", "items", args, kwargs)?;
    Ok(native::view(ViewKind::Items, d))
}

fn dict_keys(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let d = this(args, "keys")?;
    noargs("dict", "keys", args, kwargs)?;
    Ok(native::view(ViewKind::Keys, d))
}

fn dict_values(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let d = this(args, "values")?;
    noargs("dict", "values", args, kwargs)?;
    Ok(native::view(ViewKind::Values, d))
}

fn dict_pop(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let d = this(args, "pop")?;
    let rest = positional("dict", "pop", args, kwargs, 1, 2)?;
    match (kl::dict_remove(vm, d, &rest[0])?, rest.get(1)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(DictObject::key_error(&rest[0], vm)),
    }
}

/// Removes the most recently inserted pair (LIFO).
fn dict_popitem(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let d = this(args, "popitem")?;
    noargs("dict", "popitem", args, kwargs)?;
    match d.pop_last() {
        Some((k, v)) => Ok(Value::Tuple(Rc::new(vec![k, v]))),
        None => Err(DictObject::key_error(&Value::str("popitem(): dictionary is empty"), vm)),
    }
}

fn dict_setdefault(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let d = this(args, "setdefault")?;
    let rest = positional("dict", "setdefault", args, kwargs, 1, 2)?;
    if let Some(v) = kl::dict_get(vm, d, &rest[0])? {
        return Ok(v);
    }
    let default = rest.get(1).cloned().unwrap_or(Value::None);
    kl::dict_set(vm, d, rest[0].clone(), default.clone())?;
    Ok(default)
}

/// `a | b` (a new dict) and `a |= b` (an update in place; `b` may be any update source).
pub fn dict_or(vm: &mut Vm, a: &Rc<DictObject>, b: &Value, inplace: bool) -> PyResult<Value> {
    if inplace {
        update_from(vm, a, b)?;
        return Ok(Value::Dict(a.clone()));
    }
    let out = Rc::new(a.copy());
    update_from(vm, &out, b)?;
    Ok(Value::Dict(out))
}

/// `d.update([other], **kwargs)`: `other` is a mapping (anything with `keys()`) or an iterable
/// of pairs.
fn dict_update(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let d = this(args, "update")?.clone();
    if args.len() > 2 {
        return Err(PyErr::type_error(format!("update expected at most 1 argument, got {}", args.len() - 1)));
    }
    if let Some(other) = args.get(1) {
        update_from(vm, &d, other)?;
    }
    for (k, v) in kwargs {
        d.set(Value::Str(k.clone()), v.clone())?;
    }
    Ok(Value::None)
}

/// Merges `other` into `d` as `dict.update` and `dict(other)` do.
pub fn update_from(vm: &mut Vm, d: &DictObject, other: &Value) -> PyResult<()> {
    if let Value::Dict(src) = other {
        for (k, v) in src.items() {
            kl::dict_set(vm, d, k, v)?;
        }
        return Ok(());
    }
    let keys = match other {
        Value::Instance(_) | Value::Native(_) => match vm.get_attr(other, "keys") {
            Ok(f) => Some(f),
            Err(e) if err_is(vm, &e, ExcKind::AttributeError) => None,
            Err(e) => return Err(e),
        },
        _ => None,
    };
    if let Some(keys) = keys {
        let keys = vm.call_value(&keys, Vec::new(), Vec::new())?;
        let it = vm.get_iter(&keys)?;
        while let Some(k) = vm.next_of(&it)? {
            let v = get_item(vm, other, &k)?;
            kl::dict_set(vm, d, k, v)?;
        }
        return Ok(());
    }
    let it = vm.get_iter(other)?;
    let mut i = 0;
    while let Some(pair) = vm.next_of(&it)? {
        let kv = match &pair {
            Value::Tuple(t) => t.to_vec(),
            Value::List(l) => l.borrow().clone(),
            _ => match vm.collect_iterable(&pair) {
                Ok(kv) => kv,
                Err(e) if err_is(vm, &e, ExcKind::TypeError) => {
                    return Err(PyErr::type_error(format!(
                        "cannot convert dictionary update sequence element #{i} to a sequence"
                    )))
                }
                Err(e) => return Err(e),
            },
        };
        let [k, v] = <[Value; 2]>::try_from(kv).map_err(|kv| {
            PyErr::value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                kv.len()
            ))
        })?;
        kl::dict_set(vm, d, k, v)?;
        i += 1;
    }
    Ok(())
}
