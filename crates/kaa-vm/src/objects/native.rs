//! The smaller built-in objects of the class model, behind one `Value::Native` variant: slot
//! member descriptors (`__slots__`), the `__dict__`/`__weakref__` attribute descriptors of
//! classes, live dict views (`keys()`, `values()`, `items()`) and `mappingproxy` (`C.__dict__`).
//! Their behaviour is in methods stored in their types' dicts, so the generic dunder dispatch
//! (`len`, `in`, `iter`, operators) reaches them like any class.

use crate::builtins::{self, Kwargs};
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::function::{BuiltinFunction, NativeFn};
use crate::objects::set::{SetObject, SetTable};
use crate::objects::types::TypeObject;
use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

pub enum NativeObject {
    /// A `__slots__` entry: reads and writes slot `index` of an instance.
    Member(MemberDescriptor),
    /// `<attribute '__dict__' of 'C' objects>` (or `__weakref__`).
    Getset {
        name: &'static str,
        owner: String,
    },
    DictView(ViewKind, Rc<DictObject>),
    /// A read-only live view of a class's namespace (`C.__dict__`) or of a dict (`view.mapping`).
    MappingProxy(ProxyTarget),
    /// A `range` with bounds beyond 64 bits.
    LongRange(crate::objects::long_range::LongRange),
}

pub enum ProxyTarget {
    Class(Rc<TypeObject>),
    Dict(Rc<DictObject>),
}

impl ProxyTarget {
    pub fn dict(&self) -> &DictObject {
        match self {
            ProxyTarget::Class(t) => &t.dict,
            ProxyTarget::Dict(d) => d,
        }
    }
}

pub struct MemberDescriptor {
    /// The attribute name (mangled, as stored).
    pub name: String,
    pub owner: String,
    pub index: usize,
}

impl NativeObject {
    pub fn type_name(&self) -> &'static str {
        match self {
            NativeObject::Member(_) => "member_descriptor",
            NativeObject::Getset { .. } => "getset_descriptor",
            NativeObject::DictView(ViewKind::Keys, _) => "dict_keys",
            NativeObject::DictView(ViewKind::Values, _) => "dict_values",
            NativeObject::DictView(ViewKind::Items, _) => "dict_items",
            NativeObject::MappingProxy(_) => "mappingproxy",
            NativeObject::LongRange(_) => "range",
        }
    }

    pub fn truthy(&self) -> bool {
        match self {
            NativeObject::DictView(_, d) => !d.is_empty(),
            NativeObject::MappingProxy(t) => !t.dict().is_empty(),
            NativeObject::LongRange(r) => !r.is_empty(),
            _ => true,
        }
    }
}

pub fn view(kind: ViewKind, d: &Rc<DictObject>) -> Value {
    Value::Native(Rc::new(NativeObject::DictView(kind, d.clone())))
}

pub fn repr(vm: &mut Vm, n: &NativeObject, depth: usize) -> PyResult<String> {
    Ok(match n {
        NativeObject::Member(m) => format!("<member '{}' of '{}' objects>", m.name, m.owner),
        NativeObject::Getset { name, owner } => format!("<attribute '{name}' of '{owner}' objects>"),
        NativeObject::DictView(kind, d) => {
            let items = view_items(*kind, d);
            let mut parts = Vec::with_capacity(items.len());
            for x in &items {
                parts.push(builtins::repr_value(vm, x, depth + 1)?);
            }
            format!("{}([{}])", n.type_name(), parts.join(", "))
        }
        NativeObject::MappingProxy(t) => format!("mappingproxy({})", proxy_str(vm, t, depth)?),
        NativeObject::LongRange(r) => r.repr(),
    })
}

/// `str(proxy)`: the underlying mapping's repr.
fn proxy_str(vm: &mut Vm, t: &ProxyTarget, depth: usize) -> PyResult<String> {
    let mut parts = Vec::new();
    for (k, v) in t.dict().items() {
        parts.push(format!(
            "{}: {}",
            builtins::repr_value(vm, &k, depth + 1)?,
            builtins::repr_value(vm, &v, depth + 1)?
        ));
    }
    Ok(format!("{{{}}}", parts.join(", ")))
}

/// `view.mapping`.
pub fn view_mapping(n: &NativeObject) -> Option<Value> {
    match n {
        NativeObject::DictView(_, d) => {
            Some(Value::Native(Rc::new(NativeObject::MappingProxy(ProxyTarget::Dict(d.clone())))))
        }
        _ => None,
    }
}

/// A snapshot of what a view yields.
pub fn view_items(kind: ViewKind, d: &DictObject) -> Vec<Value> {
    match kind {
        ViewKind::Keys => d.keys(),
        ViewKind::Values => d.items().into_iter().map(|(_, v)| v).collect(),
        ViewKind::Items => d.items().into_iter().map(|(k, v)| Value::Tuple(Rc::new(vec![k, v]))).collect(),
    }
}

/// A live iterator over a dict (what `iter(d)` and the views return).
pub fn dict_iterator(kind: ViewKind, d: &Rc<DictObject>, reversed: bool) -> Value {
    let len = d.len();
    let pos = if reversed { d.entry_count() } else { 0 };
    Value::Iterator(Rc::new(RefCell::new(crate::objects::iter::IterState::Dict {
        dict: d.clone(),
        kind,
        pos,
        len,
        reversed,
    })))
}

/// The next item of a live dict iterator; a size change since the start is an error.
#[inline]
pub fn dict_iter_next(
    d: &DictObject,
    kind: ViewKind,
    pos: &mut usize,
    len: &mut usize,
    reversed: bool,
) -> PyResult<Option<Value>> {
    if d.len() != *len {
        // Stay failed, as CPython's iterator does.
        *len = usize::MAX;
        return Err(PyErr::new(ExcKind::RuntimeError, "dictionary changed size during iteration"));
    }
    let Some((ix, item)) = d.next_live(*pos, reversed, kind) else {
        *pos = if reversed { 0 } else { usize::MAX };
        return Ok(None);
    };
    *pos = if reversed { ix } else { ix + 1 };
    Ok(Some(item))
}

// ---- descriptors ----

/// `member.__get__(obj)`: the slot's value, or AttributeError when unset.
pub fn member_get(vm: &mut Vm, m: &MemberDescriptor, obj: &Value) -> PyResult<Value> {
    if let Value::Instance(i) = obj {
        if let Some(v) = i.slots.borrow().get(m.index) {
            if !v.is_null() {
                return Ok(v.clone());
            }
        }
    }
    Err(vm.attribute_error(
        obj,
        &m.name,
        format!("'{}' object has no attribute '{}'", obj.type_name(), m.name),
    ))
}

/// `member.__set__(obj, value)`, or `__delete__` when `value` is None.
pub fn member_set(vm: &mut Vm, m: &MemberDescriptor, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let Value::Instance(i) = obj else {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            m.name,
            m.owner,
            obj.type_name()
        )));
    };
    let mut slots = i.slots.borrow_mut();
    let Some(slot) = slots.get_mut(m.index) else {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            m.name,
            m.owner,
            obj.type_name()
        )));
    };
    match value {
        Some(v) => *slot = v,
        None => {
            if slot.is_null() {
                drop(slots);
                // CPython words this one with the bare name.
                return Err(vm.attribute_error(obj, &m.name, m.name.clone()));
            }
            *slot = Value::Null;
        }
    }
    Ok(())
}

// ---- methods installed in the types' dicts ----

fn method(name: &'static str, func: NativeFn) -> Value {
    Value::Builtin(Rc::new(BuiltinFunction { name, func, bound_self: None, is_method: true }))
}

pub fn install(types: &crate::objects::builtin_types::Types) {
    let member: &[(&'static str, NativeFn)] = &[
        ("__get__", |vm, a, _| match (a.first(), a.get(1)) {
            (Some(Value::Native(n)), Some(obj)) => match &**n {
                NativeObject::Member(m) if !matches!(obj, Value::None) => member_get(vm, m, obj),
                _ => Ok(a[0].clone()),
            },
            _ => Err(PyErr::type_error("expected at least 1 argument, got 0")),
        }),
        ("__set__", |vm, a, _| match (a.first(), a.get(1), a.get(2)) {
            (Some(Value::Native(n)), Some(obj), Some(v)) => match &**n {
                NativeObject::Member(m) => member_set(vm, m, obj, Some(v.clone())).map(|_| Value::None),
                _ => Ok(Value::None),
            },
            _ => Err(PyErr::type_error("expected 2 arguments")),
        }),
        ("__delete__", |vm, a, _| match (a.first(), a.get(1)) {
            (Some(Value::Native(n)), Some(obj)) => match &**n {
                NativeObject::Member(m) => member_set(vm, m, obj, None).map(|_| Value::None),
                _ => Ok(Value::None),
            },
            _ => Err(PyErr::type_error("expected 1 argument")),
        }),
    ];
    for &(n, f) in member {
        types.member_descriptor.dict.set_str(n, method(n, f));
    }
    let common: &[(&'static str, NativeFn)] = &[
        ("__len__", |_, a, _| Ok(Value::Int(this_view(a)?.1.len() as i64))),
        ("__iter__", |_, a, _| {
            let (kind, d) = this_view(a)?;
            Ok(dict_iterator(kind, &d, false))
        }),
        ("__reversed__", |_, a, _| {
            let (kind, d) = this_view(a)?;
            Ok(dict_iterator(kind, &d, true))
        }),
        ("__contains__", view_contains),
        ("__eq__", |vm, a, _| view_compare(vm, a, false)),
        ("__ne__", |vm, a, _| view_compare(vm, a, true)),
    ];
    let set_like: &[(&'static str, NativeFn)] = &[
        ("__and__", |vm, a, _| view_set_op(vm, a, '&', false)),
        ("__or__", |vm, a, _| view_set_op(vm, a, '|', false)),
        ("__sub__", |vm, a, _| view_set_op(vm, a, '-', false)),
        ("__xor__", |vm, a, _| view_set_op(vm, a, '^', false)),
        ("__rand__", |vm, a, _| view_set_op(vm, a, '&', true)),
        ("__ror__", |vm, a, _| view_set_op(vm, a, '|', true)),
        ("__rsub__", |vm, a, _| view_set_op(vm, a, '-', true)),
        ("__rxor__", |vm, a, _| view_set_op(vm, a, '^', true)),
        ("isdisjoint", |vm, a, _| {
            let mine = view_table(vm, &a[0])?;
            let other = a
                .get(1)
                .ok_or_else(|| PyErr::type_error("isdisjoint() takes exactly one argument (0 given)"))?;
            for x in vm.collect_iterable(other)? {
                if crate::objects::key_lookup::set_contains(vm, &mine, &x)? {
                    return Ok(Value::Bool(false));
                }
            }
            Ok(Value::Bool(true))
        }),
    ];
    for t in [&types.dict_keys, &types.dict_values, &types.dict_items] {
        for &(n, f) in common {
            t.dict.set_str(n, method(n, f));
        }
    }
    for t in [&types.dict_keys, &types.dict_items] {
        for &(n, f) in set_like {
            t.dict.set_str(n, method(n, f));
        }
    }
    // Values views compare by identity only.
    types.dict_values.dict.remove_str("__eq__");
    types.dict_values.dict.remove_str("__ne__");
    let proxy: &[(&'static str, NativeFn)] = &[
        ("__len__", |_, a, _| Ok(Value::Int(this_proxy(a)?.dict().len() as i64))),
        ("__getitem__", |vm, a, _| {
            let t = this_proxy(a)?;
            let key = a.get(1).cloned().unwrap_or(Value::None);
            match t.dict().get(&key)? {
                Some(v) => Ok(v),
                None => Err(DictObject::key_error(&key, vm)),
            }
        }),
        ("__contains__", |_, a, _| {
            let t = this_proxy(a)?;
            Ok(Value::Bool(t.dict().get(a.get(1).unwrap_or(&Value::None))?.is_some()))
        }),
        ("__iter__", |_, a, _| {
            let t = this_proxy(a)?;
            Ok(Value::Iterator(Rc::new(RefCell::new(crate::objects::iter::IterState::Values {
                items: Rc::new(t.dict().keys()),
                index: 0,
                kind: "dict_keyiterator",
            }))))
        }),
        ("get", |_, a, _| {
            let t = this_proxy(a)?;
            Ok(t.dict()
                .get(a.get(1).unwrap_or(&Value::None))?
                .unwrap_or_else(|| a.get(2).cloned().unwrap_or(Value::None)))
        }),
        ("keys", |_, a, _| Ok(proxy_copy(this_proxy(a)?, ViewKind::Keys))),
        ("values", |_, a, _| Ok(proxy_copy(this_proxy(a)?, ViewKind::Values))),
        ("items", |_, a, _| Ok(proxy_copy(this_proxy(a)?, ViewKind::Items))),
        ("__str__", |vm, a, _| Ok(Value::str(&proxy_str(vm, this_proxy(a)?, 0)?))),
        ("copy", |_, a, _| Ok(Value::Dict(Rc::new(this_proxy(a)?.dict().copy())))),
    ];
    for &(n, f) in proxy {
        types.mappingproxy.dict.set_str(n, method(n, f));
    }
}

/// The proxy's views are views of a copy (the class namespace is not an `Rc<DictObject>`).
fn proxy_copy(t: &ProxyTarget, kind: ViewKind) -> Value {
    match t {
        ProxyTarget::Dict(d) => view(kind, d),
        ProxyTarget::Class(c) => view(kind, &Rc::new(c.dict.copy())),
    }
}

fn this_proxy(a: &[Value]) -> PyResult<&ProxyTarget> {
    match a.first() {
        Some(Value::Native(n)) => match &**n {
            NativeObject::MappingProxy(t) => Ok(t),
            _ => Err(PyErr::type_error("descriptor requires a 'mappingproxy' object")),
        },
        _ => Err(PyErr::type_error("descriptor requires a 'mappingproxy' object")),
    }
}

fn this_view(a: &[Value]) -> PyResult<(ViewKind, Rc<DictObject>)> {
    match a.first() {
        Some(Value::Native(n)) => match &**n {
            NativeObject::DictView(kind, d) => Ok((*kind, d.clone())),
            _ => Err(PyErr::type_error("descriptor requires a dict view")),
        },
        _ => Err(PyErr::type_error("descriptor requires a dict view")),
    }
}

fn view_contains(vm: &mut Vm, a: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (kind, d) = this_view(a)?;
    let item = a.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Bool(match kind {
        ViewKind::Keys => crate::objects::key_lookup::dict_get(vm, &d, &item)?.is_some(),
        ViewKind::Items => match &item {
            Value::Tuple(t) if t.len() == 2 => match crate::objects::key_lookup::dict_get(vm, &d, &t[0])? {
                Some(v) => v.is(&t[1]) || vm.equals(&v, &t[1])?,
                None => false,
            },
            _ => false,
        },
        ViewKind::Values => {
            let mut found = false;
            for v in view_items(ViewKind::Values, &d) {
                if v.is(&item) || vm.equals(&v, &item)? {
                    found = true;
                    break;
                }
            }
            found
        }
    }))
}

/// The view's items as a set table (what the set operators work on).
fn view_table(vm: &mut Vm, v: &Value) -> PyResult<SetTable> {
    match v {
        Value::Native(n) => match &**n {
            NativeObject::DictView(kind, d) => {
                let items = view_items(*kind, d);
                crate::objects::key_lookup::table_from(vm, items)
            }
            _ => crate::objects::set_methods::table_of(vm, v),
        },
        _ => crate::objects::set_methods::table_of(vm, v),
    }
}

/// `keys_view <op> iterable` (or reflected): always a new `set`.
fn view_set_op(vm: &mut Vm, a: &[Value], op: char, reflected: bool) -> PyResult<Value> {
    let (Some(me), Some(other)) = (a.first(), a.get(1)) else {
        return Err(PyErr::type_error("expected 1 argument"));
    };
    let (x, y) = if reflected { (other, me) } else { (me, other) };
    let (tx, ty) = (view_table(vm, x)?, view_table(vm, y)?);
    use crate::objects::key_lookup as kl;
    let out = match op {
        '&' => kl::table_intersection(vm, &tx, &ty)?,
        '|' => kl::table_union(vm, &tx, &ty)?,
        '-' => kl::table_difference(vm, &tx, &ty)?,
        _ => kl::table_symmetric_difference(vm, &tx, &ty)?,
    };
    Ok(Value::Set(Rc::new(SetObject::from_table(out, false))))
}

/// `view == other`: keys and items views equal sets (and views) with the same elements.
fn view_compare(vm: &mut Vm, a: &[Value], negate: bool) -> PyResult<Value> {
    let (Some(me), Some(other)) = (a.first(), a.get(1)) else {
        return Err(PyErr::type_error("expected 1 argument"));
    };
    let other_is_setlike = match other {
        Value::Set(_) => true,
        Value::Native(n) => matches!(&**n, NativeObject::DictView(ViewKind::Keys | ViewKind::Items, _)),
        _ => false,
    };
    if !other_is_setlike {
        return Ok(Value::NotImplemented);
    }
    let (tx, ty) = (view_table(vm, me)?, view_table(vm, other)?);
    let mut equal = tx.len() == ty.len();
    if equal {
        for (_, k) in tx.entries() {
            if !crate::objects::key_lookup::set_contains(vm, &ty, &k)? {
                equal = false;
                break;
            }
        }
    }
    Ok(Value::Bool(equal != negate))
}

/// `types.MappingProxyType(mapping)`: a read-only live view of a dict.
pub fn mappingproxy_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() || args.len() != 1 {
        return Err(PyErr::type_error(format!(
            "mappingproxy() takes exactly one argument ({} given)",
            args.len() + kwargs.len()
        )));
    }
    match &args[0] {
        Value::Dict(d) => {
            Ok(Value::Native(Rc::new(NativeObject::MappingProxy(ProxyTarget::Dict(d.clone())))))
        }
        Value::Native(n) if matches!(**n, NativeObject::MappingProxy(_)) => Ok(args[0].clone()),
        other => {
            if let Some(Value::Dict(d)) = crate::objects::builtin_subclass::base_value(other).cloned() {
                return Ok(Value::Native(Rc::new(NativeObject::MappingProxy(ProxyTarget::Dict(d)))));
            }
            let _ = vm;
            Err(PyErr::type_error(format!(
                "mappingproxy() argument must be a mapping, not {}",
                other.type_name()
            )))
        }
    }
}
