//! Struct sequences (`os.stat_result`, `time.struct_time`, `os.terminal_size`, ...): tuples
//! whose items also have names, and which may carry extra named fields beyond the tuple part.
//!
//! An instance is a native instance whose payload holds the visible (tuple) items; every named
//! field is also stored in the instance dict, so `st.st_mode` is a plain attribute load.

use crate::builtins::{native_self, native_type, new_native_instance, Kwargs};
use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::function::NativeFn;
use crate::objects::types::{NativeData, TypeObject};
use crate::value::Value;
use std::rc::Rc;

/// The tuple part of a struct sequence.
pub struct StructSeq {
    items: Vec<Value>,
}

impl NativeData for StructSeq {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.items.iter().for_each(visit);
    }
}

/// Where a struct-sequence class keeps its layout (not nameable from Python).
const LAYOUT_KEY: &str = " structseq layout";

/// A struct-sequence type named `module.name`: `fields` in order (`None` for an unnamed
/// field), the first `visible` of which form the tuple.
pub fn new_type(
    vm: &Vm,
    module: &str,
    name: &str,
    fields: &[Option<&str>],
    visible: usize,
) -> Rc<TypeObject> {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__getitem__", getitem),
        ("__len__", |_, a, _| Ok(Value::Int(me(a, "__len__")?.items.len() as i64))),
        ("__iter__", |vm, a, _| vm.get_iter(&as_tuple(a, "__iter__")?)),
        ("__repr__", repr),
        ("__eq__", |vm, a, _| compare(vm, a, true)),
        ("__ne__", |vm, a, _| compare(vm, a, false)),
        ("__hash__", |vm, a, _| {
            let t = as_tuple(a, "__hash__")?;
            Ok(Value::Int(crate::builtins::functions::hash_of(vm, &t)?))
        }),
        ("__reduce__", |_, a, _| {
            let Some(Value::Instance(inst)) = a.first() else { return Ok(Value::None) };
            let t = as_tuple(a, "__reduce__")?;
            Ok(Value::Tuple(Rc::new(vec![Value::Type(inst.class.clone()), Value::Tuple(Rc::new(vec![t]))])))
        }),
    ];
    let t = native_type(&vm.types.object, name, Some(new), methods);
    *t.module.borrow_mut() = Some(Value::str(module));
    let names: Vec<Value> = fields.iter().map(|f| f.map_or(Value::None, Value::str)).collect();
    t.dict.set_str(
        LAYOUT_KEY,
        Value::Tuple(Rc::new(vec![Value::Tuple(Rc::new(names)), Value::Int(visible as i64)])),
    );
    t.dict.set_str("n_sequence_fields", Value::Int(visible as i64));
    t.dict.set_str("n_fields", Value::Int(fields.len() as i64));
    t.dict.set_str("n_unnamed_fields", Value::Int(fields.iter().filter(|f| f.is_none()).count() as i64));
    t
}

/// The field names (None for unnamed) and visible count of `class` or its nearest base.
fn layout(class: &Rc<TypeObject>) -> (Rc<Vec<Value>>, usize) {
    if let Some(Value::Tuple(l)) = class.lookup(LAYOUT_KEY) {
        if let (Some(Value::Tuple(names)), Some(Value::Int(n))) = (l.first(), l.get(1)) {
            return (names.clone(), *n as usize);
        }
    }
    (Rc::new(Vec::new()), 0)
}

/// Builds an instance of `class` from all its fields' values (`values.len()` = n_fields).
pub fn make(vm: &mut Vm, class: &Rc<TypeObject>, values: Vec<Value>) -> Value {
    let (names, visible) = layout(class);
    let items = values[..visible.min(values.len())].to_vec();
    let v = new_native_instance(vm, class, Box::new(StructSeq { items }));
    if let Value::Instance(inst) = &v {
        for (name, value) in names.iter().zip(values) {
            if let Value::Str(n) = name {
                inst.dict.set_str(n.as_str(), value);
            }
        }
    }
    v
}

/// `T(sequence, dict=None)`.
fn new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Some(Value::Type(cls)) = args.first() else {
        return Err(PyErr::type_error("structseq.__new__(X): X is not a type object"));
    };
    let [seq, dict] = crate::builtins::clinic("structseq", &args[1..], kwargs, ["sequence", "dict"], 2, 1)?;
    let (names, visible) = layout(cls);
    let type_name = qualified_name(cls);
    let items = vm.collect_iterable(&seq.unwrap_or(Value::None))?;
    let total = names.len();
    if items.len() < visible {
        let what = if visible == total { "a" } else { "an at least" };
        return Err(PyErr::type_error(format!(
            "{type_name}() takes {what} {visible}-sequence ({}-sequence given)",
            items.len()
        )));
    }
    if items.len() > total {
        let what = if visible == total { "a" } else { "an at most" };
        return Err(PyErr::type_error(format!(
            "{type_name}() takes {what} {total}-sequence ({}-sequence given)",
            items.len()
        )));
    }
    let mut values = items;
    while values.len() < total {
        let name = &names[values.len()];
        let from_dict = match (&dict, name) {
            (Some(Value::Dict(d)), Value::Str(n)) => d.get_str(n.as_str()),
            _ => None,
        };
        values.push(from_dict.unwrap_or(Value::None));
    }
    Ok(make(vm, cls, values))
}

fn qualified_name(cls: &TypeObject) -> String {
    match &*cls.module.borrow() {
        Some(Value::Str(m)) if m.as_str() != "builtins" => format!("{m}.{}", cls.name),
        _ => cls.name.to_string(),
    }
}

fn me<'a>(args: &'a [Value], method: &str) -> PyResult<&'a StructSeq> {
    native_self::<StructSeq>(args, "structseq", method)
}

fn as_tuple(args: &[Value], method: &str) -> PyResult<Value> {
    Ok(Value::Tuple(Rc::new(me(args, method)?.items.clone())))
}

fn getitem(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let t = as_tuple(args, "__getitem__")?;
    let key = args.get(1).cloned().unwrap_or(Value::None);
    vm.subscript(&t, &key)
}

fn compare(vm: &mut Vm, args: &[Value], eq: bool) -> PyResult<Value> {
    let t = as_tuple(args, "__eq__")?;
    let other = match args.get(1) {
        Some(Value::Instance(o)) => match o.native_data::<StructSeq>() {
            Some(s) => Value::Tuple(Rc::new(s.items.clone())),
            None => return Ok(Value::NotImplemented),
        },
        Some(v @ Value::Tuple(_)) => v.clone(),
        _ => return Ok(Value::NotImplemented),
    };
    Ok(Value::Bool(vm.equals(&t, &other)? == eq))
}

fn repr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = me(args, "__repr__")?;
    let Some(Value::Instance(inst)) = args.first() else { return Ok(Value::None) };
    let (names, _) = layout(&inst.class);
    let mut out = format!("{}(", qualified_name(&inst.class));
    let named = names.iter().filter_map(|n| if let Value::Str(s) = n { Some(s.clone()) } else { None });
    for (i, (name, value)) in named.zip(s.items.iter()).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(name.as_str());
        out.push('=');
        out.push_str(&vm.repr(value)?);
    }
    out.push(')');
    Ok(Value::str(&out))
}
