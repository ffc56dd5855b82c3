//! `dict`: insertion-ordered hash map with Python's key semantics (`1 == 1.0 == True`).
//!
//! Entries live in a dense vector (iteration order); an index table maps hashes to entry slots.
//! Deleted entries leave a tombstone that compaction removes.

use crate::exceptions::{PyErr, PyResult};
use crate::objects::int::hash_value;
use crate::value::Value;
use std::cell::RefCell;
use std::collections::HashMap;

#[derive(Default)]
pub struct DictObject {
    inner: RefCell<DictInner>,
}

#[derive(Default)]
struct DictInner {
    entries: Vec<Option<(i64, Value, Value)>>,
    index: HashMap<i64, Vec<usize>>,
    len: usize,
}

/// Key equality for built-in hashable types, without calling Python code.
pub fn keys_equal(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        (Str(x), Str(y)) => x == y,
        (Int(x), Int(y)) => x == y,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Bool(y)) | (Bool(y), Int(x)) => *x == *y as i64,
        (Float(x), Float(y)) => x == y,
        (Int(x), Float(y)) | (Float(y), Int(x)) => (*x as f64) == *y && (*y as i64) == *x,
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => (*x as i64 as f64) == *y,
        (BigInt(x), BigInt(y)) => x == y,
        (Tuple(x), Tuple(y)) => x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| keys_equal(p, q)),
        _ => a.is(b),
    }
}

impl DictObject {
    pub fn new() -> DictObject {
        DictObject::default()
    }

    pub fn len(&self) -> usize {
        self.inner.borrow().len
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn find(inner: &DictInner, hash: i64, key: &Value) -> Option<usize> {
        let slots = inner.index.get(&hash)?;
        slots.iter().copied().find(|&i| matches!(&inner.entries[i], Some((_, k, _)) if keys_equal(k, key)))
    }

    pub fn get(&self, key: &Value) -> PyResult<Option<Value>> {
        let hash = hash_value(key)?;
        let inner = self.inner.borrow();
        Ok(Self::find(&inner, hash, key).and_then(|i| inner.entries[i].as_ref().map(|e| e.2.clone())))
    }

    /// Lookup by string key (globals, builtins); strings always hash.
    pub fn get_str(&self, key: &str) -> Option<Value> {
        let k = Value::str(key);
        self.get(&k).ok().flatten()
    }

    pub fn set(&self, key: Value, value: Value) -> PyResult<()> {
        let hash = hash_value(&key)?;
        let mut inner = self.inner.borrow_mut();
        if let Some(i) = Self::find(&inner, hash, &key) {
            if let Some(e) = inner.entries[i].as_mut() {
                e.2 = value;
            }
            return Ok(());
        }
        let slot = inner.entries.len();
        inner.entries.push(Some((hash, key, value)));
        inner.index.entry(hash).or_default().push(slot);
        inner.len += 1;
        Ok(())
    }

    pub fn set_str(&self, key: &str, value: Value) {
        // A str key always hashes, so this cannot fail.
        let _ = self.set(Value::str(key), value);
    }

    pub fn remove(&self, key: &Value) -> PyResult<Option<Value>> {
        let hash = hash_value(key)?;
        let mut inner = self.inner.borrow_mut();
        let Some(i) = Self::find(&inner, hash, key) else { return Ok(None) };
        let old = inner.entries[i].take().map(|e| e.2);
        if let Some(slots) = inner.index.get_mut(&hash) {
            slots.retain(|&s| s != i);
        }
        inner.len -= 1;
        Ok(old)
    }

    /// A snapshot of the (key, value) pairs in insertion order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.inner.borrow().entries.iter().flatten().map(|(_, k, v)| (k.clone(), v.clone())).collect()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.inner.borrow().entries.iter().flatten().map(|(_, k, _)| k.clone()).collect()
    }

    /// `KeyError(key)`: the exception carries the key itself.
    #[cold]
    pub fn key_error(key: &Value, vm: &mut crate::Vm) -> PyErr {
        let class = vm.exception_type(crate::exceptions::ExcKind::KeyError);
        PyErr::Raised(std::rc::Rc::new(crate::exceptions::ExceptionObject::new(class, vec![key.clone()])))
    }
}

/// The methods of `dict`, by name; each receives the dict as `args[0]`.
pub static METHODS: &[(&str, crate::objects::function::NativeFn)] =
    &[("get", dict_get), ("items", dict_items), ("keys", dict_keys), ("values", dict_values)];

use crate::builtins::Kwargs;
use crate::interp::Vm;
use std::rc::Rc;

fn this_dict(args: &[Value]) -> PyResult<&Rc<DictObject>> {
    match args.first() {
        Some(Value::Dict(d)) => Ok(d),
        _ => Err(PyErr::type_error("descriptor requires a 'dict' object")),
    }
}

fn dict_get(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = this_dict(args)?;
    let key = args.get(1).ok_or_else(|| PyErr::type_error("get expected at least 1 argument, got 0"))?;
    Ok(d.get(key)?.unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn dict_items(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = this_dict(args)?;
    let items = d.items().into_iter().map(|(k, v)| Value::Tuple(Rc::new(vec![k, v]))).collect();
    Ok(Value::List(Rc::new(RefCell::new(items))))
}

fn dict_keys(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::List(Rc::new(RefCell::new(this_dict(args)?.keys()))))
}

fn dict_values(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let values = this_dict(args)?.items().into_iter().map(|(_, v)| v).collect();
    Ok(Value::List(Rc::new(RefCell::new(values))))
}
