//! `obj.__class__ = C`: CPython's rules. Both classes must come from `class` statements and
//! lay instances out alike: walking up from each while a class adds nothing to the layout (no
//! slots, no `__dict__`, no `__weakref__`) must reach the same class, or two classes that add
//! the same things to the same base.

use crate::exceptions::{PyErr, PyResult};
use crate::objects::native::NativeObject;
use crate::objects::types::TypeObject;
use crate::value::Value;
use std::rc::Rc;

/// The base CPython would call `tp_base`: the one carrying the most slots, the first on ties.
fn layout_parent(t: &Rc<TypeObject>) -> Option<&Rc<TypeObject>> {
    let mut best: Option<&Rc<TypeObject>> = None;
    for b in &t.bases {
        if best.is_none_or(|x| b.slot_count > x.slot_count) {
            best = Some(b);
        }
    }
    best
}

fn has_weakref(t: &Rc<TypeObject>) -> bool {
    t.lookup("__weakref__").is_some()
}

/// Does `t` lay instances out exactly as `base` does?
fn same_layout_as(t: &Rc<TypeObject>, base: &Rc<TypeObject>) -> bool {
    t.slot_count == base.slot_count
        && t.instances_have_dict == base.instances_have_dict
        && has_weakref(t) == has_weakref(base)
}

/// The nearest ancestor (or `t`) that adds something to the instance layout.
fn solid(t: &Rc<TypeObject>) -> Rc<TypeObject> {
    let mut t = t.clone();
    while t.is_heap_type {
        match layout_parent(&t) {
            Some(b) if same_layout_as(&t, b) => t = b.clone(),
            _ => break,
        }
    }
    t
}

/// The nearest ancestor (or `t`) that added slots: what decides whether classes with slots
/// can be combined as bases.
pub fn slots_solid_base(t: &Rc<TypeObject>) -> Rc<TypeObject> {
    let mut t = t.clone();
    while let Some(b) = layout_parent(&t) {
        if b.slot_count != t.slot_count {
            break;
        }
        let b = b.clone();
        t = b;
    }
    t
}

/// The slot names `t` adds after its layout parent's, in member order.
fn added_slots(t: &Rc<TypeObject>) -> Vec<String> {
    let first = layout_parent(t).map_or(0, |b| b.slot_count);
    let mut members: Vec<(usize, String)> = t
        .dict
        .items()
        .into_iter()
        .filter_map(|(_, v)| match v {
            Value::Native(n) => match &*n {
                NativeObject::Member(m) if m.index >= first => Some((m.index, m.name.clone())),
                _ => None,
            },
            _ => None,
        })
        .collect();
    members.sort();
    members.into_iter().map(|(_, n)| n).collect()
}

/// Can an instance of `old` become an instance of `new`?
fn compatible(old: &Rc<TypeObject>, new: &Rc<TypeObject>) -> bool {
    let (a, b) = (solid(old), solid(new));
    if Rc::ptr_eq(&a, &b) {
        return true;
    }
    let same_parent = match (layout_parent(&a), layout_parent(&b)) {
        (Some(x), Some(y)) => Rc::ptr_eq(x, y),
        _ => false,
    };
    same_parent
        && a.is_heap_type
        && b.is_heap_type
        && a.instances_have_dict == b.instances_have_dict
        && has_weakref(&a) == has_weakref(&b)
        && added_slots(&a) == added_slots(&b)
}

/// `obj.__class__ = value` (`value` None: `del obj.__class__`).
#[cold]
pub fn set_class(obj: &Value, old: &Rc<TypeObject>, value: Option<&Value>) -> PyResult<()> {
    let new = match value {
        None => return Err(PyErr::type_error("can't delete __class__ attribute")),
        Some(Value::Type(t)) => t,
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "__class__ must be set to a class, not '{}' object",
                other.type_name()
            )))
        }
    };
    let Value::Instance(instance) = obj else {
        return Err(not_mutable());
    };
    if !new.is_heap_type || !old.is_heap_type {
        return Err(not_mutable());
    }
    if !compatible(old, new) {
        return Err(PyErr::type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.name, old.name
        )));
    }
    instance.class.replace(new.clone());
    Ok(())
}

#[cold]
fn not_mutable() -> PyErr {
    PyErr::type_error("__class__ assignment only supported for mutable types or ModuleType subclasses")
}
