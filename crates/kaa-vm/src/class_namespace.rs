//! Class bodies run in the mapping `__prepare__` returned when it is not a plain dict (enum's
//! `_EnumDict`, an ordered or recording mapping): the frame keeps a namespace dict marked
//! "routed", and the name operations of the body go to the mapping's `__setitem__`,
//! `__getitem__` and `__delitem__`. For a dict subclass the stand-in dict is the subclass's own
//! payload, so reads that the mapping does not override are served from it directly.

use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::value::Value;
use std::rc::Rc;

impl Vm {
    /// The namespace dict a class body runs in for the mapping `__prepare__` returned.
    pub(crate) fn routed_namespace(&mut self, mapping: &Value) -> Rc<DictObject> {
        let ns = match crate::objects::builtin_subclass::base_value(mapping) {
            Some(Value::Dict(d)) => d.clone(),
            _ => Rc::new(DictObject::new()),
        };
        ns.mark_routed();
        ns
    }

    fn mapping_of(&self, ns: &Rc<DictObject>) -> Option<Value> {
        self.prepared_namespaces.iter().rev().find(|(d, _)| Rc::ptr_eq(d, ns)).map(|(_, m)| m.clone())
    }

    /// LOAD_NAME's miss in a routed namespace: `mapping[name]`, None on KeyError.
    #[cold]
    pub(crate) fn routed_load(&mut self, ns: &Rc<DictObject>, name: &Value) -> PyResult<Option<Value>> {
        let Some(mapping) = self.mapping_of(ns) else { return ns.get(name) };
        if matches!(mapping, Value::Instance(ref i) if i.class.lookup("__getitem__").is_none()) {
            return Ok(None);
        }
        match self.subscript(&mapping, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if crate::objects::args::err_is(self, &e, ExcKind::KeyError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// STORE_NAME in a routed namespace: `mapping[name] = value`.
    #[cold]
    pub(crate) fn routed_store(&mut self, ns: &Rc<DictObject>, name: Value, value: Value) -> PyResult<()> {
        match self.mapping_of(ns) {
            Some(mapping) => self.store_subscript(&mapping, name, value),
            None => ns.set(name, value),
        }
    }

    /// DELETE_NAME in a routed namespace: `del mapping[name]`; false when the name is absent.
    #[cold]
    pub(crate) fn routed_delete(&mut self, ns: &Rc<DictObject>, name: &Value) -> PyResult<bool> {
        let Some(mapping) = self.mapping_of(ns) else { return Ok(ns.remove(name)?.is_some()) };
        match self.delete_subscript(&mapping, name) {
            Ok(()) => Ok(true),
            Err(e) if crate::objects::args::err_is(self, &e, ExcKind::KeyError) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// The namespace of `type.__new__(meta, name, bases, ns)` as a dict: a dict, a dict
    /// subclass's contents, or another mapping's items copied.
    pub(crate) fn namespace_dict(&mut self, ns: &Value) -> PyResult<Option<Rc<DictObject>>> {
        match ns {
            Value::Dict(d) => Ok(Some(d.clone())),
            Value::Instance(_) => {
                if let Some(Value::Dict(d)) = crate::objects::builtin_subclass::base_value(ns) {
                    return Ok(Some(d.clone()));
                }
                if self.type_of(ns).lookup("keys").is_none() {
                    return Ok(None);
                }
                let copy = DictObject::new();
                for (k, v) in crate::objects::builtin_subclass::mapping_items(self, ns)? {
                    copy.set(k, v)?;
                }
                Ok(Some(Rc::new(copy)))
            }
            _ => Ok(None),
        }
    }
}

#[cold]
pub(crate) fn not_a_mapping(meta_name: &str, got: &Value) -> PyErr {
    PyErr::type_error(format!("{meta_name}.__prepare__() must return a mapping, not {}", got.type_name()))
}
