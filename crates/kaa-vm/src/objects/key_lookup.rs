//! Dict and set operations whose keys may run Python code: instances of user classes hash with
//! their `__hash__` and compare with their `__eq__`. Keys of the built-in types (str, int, ...)
//! take the plain table paths, so a str-keyed lookup pays one variant check here.
//!
//! Python `__eq__` runs with no table borrowed: the candidates with an equal hash are collected
//! first, then compared one by one; if the dict changed meanwhile the lookup starts over, as
//! CPython's does.

use crate::builtins::functions::hash_of;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::{keys_equal, DictObject};
use crate::objects::set::{SetObject, SetTable};
use crate::value::Value;

/// Can hashing or comparing `key` run Python code?
#[inline(always)]
pub fn runs_python(key: &Value) -> bool {
    match key {
        Value::Instance(_) => true,
        Value::Exception(e) => e.class.is_heap_type,
        Value::Tuple(items) => items.iter().any(runs_python),
        _ => false,
    }
}

/// `hash(key)`, running `__hash__` of user classes (also inside tuples).
pub fn hash_key(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    match key {
        Value::Tuple(items) => {
            let mut h = crate::objects::int::TupleHasher::new();
            for it in items.iter() {
                h.add(hash_key(vm, it)?);
            }
            Ok(h.finish())
        }
        _ => hash_of(vm, key),
    }
}

fn keys_match(vm: &mut Vm, stored: &Value, key: &Value) -> PyResult<bool> {
    if stored.is(key) {
        return Ok(true);
    }
    if !runs_python(stored) && !runs_python(key) {
        return Ok(keys_equal(stored, key));
    }
    vm.equals(stored, key)
}

/// Lookups restart when `__eq__` mutates the dict; this many restarts means it always does.
const MAX_RESTARTS: usize = 10_000;

#[cold]
fn find_slow(vm: &mut Vm, d: &DictObject, key: &Value, hash: i64) -> PyResult<Option<usize>> {
    'restart: for _ in 0..MAX_RESTARTS {
        let version = d.version();
        let candidates = d.table().borrow().candidates(hash);
        for ix in candidates {
            let stored = d.table().borrow().entry(ix).key.clone();
            if stored.is_null() {
                continue;
            }
            let eq = keys_match(vm, &stored, key)?;
            if d.version() != version {
                continue 'restart;
            }
            if eq {
                return Ok(Some(ix));
            }
        }
        return Ok(None);
    }
    Err(PyErr::new(ExcKind::RuntimeError, "dictionary keeps changing during lookup"))
}

/// `d[key]` without the KeyError: None when absent.
#[inline(always)]
pub fn dict_get(vm: &mut Vm, d: &DictObject, key: &Value) -> PyResult<Option<Value>> {
    if !runs_python(key) {
        return d.get(key);
    }
    dict_get_slow(vm, d, key)
}

#[cold]
fn dict_get_slow(vm: &mut Vm, d: &DictObject, key: &Value) -> PyResult<Option<Value>> {
    let hash = hash_key(vm, key)?;
    Ok(find_slow(vm, d, key, hash)?.map(|ix| d.table().borrow().entry(ix).value.clone()))
}

/// `d[key] = value`.
#[inline(always)]
pub fn dict_set(vm: &mut Vm, d: &DictObject, key: Value, value: Value) -> PyResult<()> {
    if !runs_python(&key) {
        return d.set(key, value);
    }
    dict_set_slow(vm, d, key, value)
}

#[cold]
fn dict_set_slow(vm: &mut Vm, d: &DictObject, key: Value, value: Value) -> PyResult<()> {
    let hash = hash_key(vm, &key)?;
    let found = find_slow(vm, d, &key, hash)?;
    d.touch();
    let mut t = d.table().borrow_mut();
    match found {
        Some(ix) => *t.value_mut(ix) = value,
        None => t.insert_new(hash, key, value),
    }
    Ok(())
}

/// `d.pop(key)` without the default: None when absent.
#[inline(always)]
pub fn dict_remove(vm: &mut Vm, d: &DictObject, key: &Value) -> PyResult<Option<Value>> {
    if !runs_python(key) {
        return d.remove(key);
    }
    dict_remove_slow(vm, d, key)
}

#[cold]
fn dict_remove_slow(vm: &mut Vm, d: &DictObject, key: &Value) -> PyResult<Option<Value>> {
    let hash = hash_key(vm, key)?;
    let Some(ix) = find_slow(vm, d, key, hash)? else { return Ok(None) };
    d.touch();
    Ok(Some(d.table().borrow_mut().remove(ix).1))
}

// ---- sets ----

/// The slot of a key equal to `key` in `t`, found without holding a borrow across `__eq__`.
fn set_find(vm: &mut Vm, t: &SetTable, key: &Value, hash: i64) -> PyResult<Option<usize>> {
    for (j, stored) in t.candidates(hash) {
        if keys_match(vm, &stored, key)? {
            return Ok(Some(j));
        }
    }
    Ok(None)
}

pub fn set_contains(vm: &mut Vm, t: &SetTable, key: &Value) -> PyResult<bool> {
    if !runs_python(key) {
        return Ok(t.contains(crate::objects::int::hash_value(key)?, key));
    }
    let hash = hash_key(vm, key)?;
    Ok(set_find(vm, t, key, hash)?.is_some())
}

/// Adds `key` to a table being built (no Python code can see it yet).
pub fn table_add(vm: &mut Vm, t: &mut SetTable, key: Value) -> PyResult<()> {
    if !runs_python(&key) {
        let hash = crate::objects::int::hash_value(&key)?;
        t.add(hash, key);
        return Ok(());
    }
    let hash = hash_key(vm, &key)?;
    if set_find(vm, t, &key, hash)?.is_none() {
        t.add(hash, key);
    }
    Ok(())
}

pub fn table_from(vm: &mut Vm, items: Vec<Value>) -> PyResult<SetTable> {
    let mut t = SetTable::default();
    for x in items {
        table_add(vm, &mut t, x)?;
    }
    Ok(t)
}

/// `s.add(key)` on a live set.
#[inline(always)]
pub fn set_add(vm: &mut Vm, s: &SetObject, key: Value) -> PyResult<()> {
    if !runs_python(&key) {
        return s.add(key);
    }
    let hash = hash_key(vm, &key)?;
    let snapshot = s.table.borrow().clone();
    if set_find(vm, &snapshot, &key, hash)?.is_none() {
        s.table.borrow_mut().add(hash, key);
    }
    Ok(())
}

/// `key in s`.
#[inline(always)]
pub fn set_has(vm: &mut Vm, s: &SetObject, key: &Value) -> PyResult<bool> {
    if !runs_python(key) {
        return s.contains(key);
    }
    let snapshot = s.table.borrow().clone();
    set_contains(vm, &snapshot, key)
}

/// `s.discard(key)`: was it there?
pub fn set_discard(vm: &mut Vm, s: &SetObject, key: &Value) -> PyResult<bool> {
    if !runs_python(key) {
        let hash = crate::objects::int::hash_value(key)?;
        return Ok(s.table.borrow_mut().discard(hash, key));
    }
    let hash = hash_key(vm, key)?;
    let snapshot = s.table.borrow().clone();
    for (j, stored) in snapshot.candidates(hash) {
        if keys_match(vm, &stored, key)? {
            return Ok(s.table.borrow_mut().discard_slot(j, &stored));
        }
    }
    Ok(false)
}

/// Does any element of `t` hash or compare with Python code?
pub fn table_runs_python(t: &SetTable) -> bool {
    t.entries().iter().any(|(_, k)| runs_python(k))
}

pub fn table_intersection(vm: &mut Vm, a: &SetTable, b: &SetTable) -> PyResult<SetTable> {
    if !table_runs_python(a) && !table_runs_python(b) {
        return Ok(crate::objects::set::intersection(a, b));
    }
    let (small, large) = if b.len() > a.len() { (a, b) } else { (b, a) };
    let mut out = SetTable::default();
    for (h, k) in small.entries() {
        if set_find(vm, large, &k, h)?.is_some() {
            out.add(h, k);
        }
    }
    Ok(out)
}

pub fn table_difference(vm: &mut Vm, a: &SetTable, b: &SetTable) -> PyResult<SetTable> {
    if !table_runs_python(a) && !table_runs_python(b) {
        return Ok(crate::objects::set::difference(a, b));
    }
    let mut out = SetTable::default();
    for (h, k) in a.entries() {
        if set_find(vm, b, &k, h)?.is_none() {
            out.add(h, k);
        }
    }
    Ok(out)
}

pub fn table_union(vm: &mut Vm, a: &SetTable, b: &SetTable) -> PyResult<SetTable> {
    if !table_runs_python(a) && !table_runs_python(b) {
        return Ok(crate::objects::set::union(a, b));
    }
    let mut out = a.clone();
    for (h, k) in b.entries() {
        if set_find(vm, &out, &k, h)?.is_none() {
            out.add(h, k);
        }
    }
    Ok(out)
}

pub fn table_symmetric_difference(vm: &mut Vm, a: &SetTable, b: &SetTable) -> PyResult<SetTable> {
    if !table_runs_python(a) && !table_runs_python(b) {
        return Ok(crate::objects::set::symmetric_difference(a, b));
    }
    let mut out = table_difference(vm, a, b)?;
    for (h, k) in b.entries() {
        if set_find(vm, a, &k, h)?.is_none() {
            out.add(h, k);
        }
    }
    Ok(out)
}

/// Do two set tables hold equal elements?
pub fn tables_equal(vm: &mut Vm, a: &SetTable, b: &SetTable) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    if !table_runs_python(a) && !table_runs_python(b) {
        return Ok(crate::objects::set_methods::is_subset(a, b));
    }
    for (h, k) in a.entries() {
        if set_find(vm, b, &k, h)?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Is every element of `a` in `b`?
pub fn table_is_subset(vm: &mut Vm, a: &SetTable, b: &SetTable) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    if !table_runs_python(a) && !table_runs_python(b) {
        return Ok(crate::objects::set_methods::is_subset(a, b));
    }
    for (h, k) in a.entries() {
        if set_find(vm, b, &k, h)?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}
