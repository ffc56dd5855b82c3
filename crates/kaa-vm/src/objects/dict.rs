//! `dict`: insertion-ordered hash map with Python's key semantics (`1 == 1.0 == True`).
//!
//! Entries live in a dense vector (iteration order); an index table maps hashes to entry slots.
//! Deleted entries leave a tombstone that compaction removes.

use crate::exceptions::{PyErr, PyResult};
use crate::objects::dict_table::Table;
use crate::objects::int::{hash_value, str_hash};
use crate::value::Value;
use std::cell::RefCell;

#[derive(Default)]
pub struct DictObject {
    inner: RefCell<Table>,
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
        (Tuple(x), Tuple(y)) => x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| keys_equal(p, q)),
        (Set(x), Set(y)) => {
            let (a, b) = (x.table.borrow(), y.table.borrow());
            a.len() == b.len() && crate::objects::set_methods::is_subset(&a, &b)
        }
        _ => a.is(b),
    }
}

impl DictObject {
    pub fn new() -> DictObject {
        DictObject::default()
    }

    pub fn len(&self) -> usize {
        self.inner.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, key: &Value) -> PyResult<Option<Value>> {
        if let Value::Str(k) = key {
            // Names: the hash is cached and interned keys usually match by pointer.
            let hash = k.hash_with(str_hash);
            let t = self.inner.borrow();
            let found = t.find(hash, |stored| match stored {
                Value::Str(s) => std::rc::Rc::ptr_eq(s, k) || s.as_str() == k.as_str(),
                _ => false,
            });
            return Ok(found.map(|ix| t.entry(ix).value.clone()));
        }
        let hash = hash_value(key)?;
        let t = self.inner.borrow();
        Ok(t.find(hash, |k| keys_equal(k, key)).map(|ix| t.entry(ix).value.clone()))
    }

    /// Lookup by string key (globals, builtins), without allocating a key object.
    pub fn get_str(&self, key: &str) -> Option<Value> {
        let t = self.inner.borrow();
        let found = t.find(str_hash(key), |k| matches!(k, Value::Str(s) if s.as_str() == key));
        found.map(|ix| t.entry(ix).value.clone())
    }

    pub fn set(&self, key: Value, value: Value) -> PyResult<()> {
        let hash = hash_value(&key)?;
        let mut t = self.inner.borrow_mut();
        match t.find(hash, |k| keys_equal(k, &key)) {
            Some(ix) => *t.value_mut(ix) = value,
            None => t.insert_new(hash, key, value),
        }
        Ok(())
    }

    pub fn set_str(&self, key: &str, value: Value) {
        // A str key always hashes, so this cannot fail.
        let _ = self.set(Value::str(key), value);
    }

    pub fn remove(&self, key: &Value) -> PyResult<Option<Value>> {
        let hash = hash_value(key)?;
        let mut t = self.inner.borrow_mut();
        let Some(ix) = t.find(hash, |k| keys_equal(k, key)) else { return Ok(None) };
        Ok(Some(t.remove(ix).1))
    }

    /// Removes and returns the most recently inserted pair (`popitem`).
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let mut t = self.inner.borrow_mut();
        let ix = t.last_index()?;
        Some(t.remove(ix))
    }

    pub fn clear(&self) {
        self.inner.borrow_mut().clear();
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
