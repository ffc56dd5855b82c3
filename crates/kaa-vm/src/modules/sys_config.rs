//! The parts of `sys` that report how the interpreter was started (`sys.flags`,
//! `sys.warnoptions`, `sys._xoptions`) and the interactive hooks (`sys.displayhook`).

use crate::config::FlagValue;
use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::function::BuiltinFunction;
use crate::objects::types::{InstanceObject, TypeObject};
use crate::value::Value;
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

fn flag_value(v: FlagValue) -> Value {
    match v {
        FlagValue::Int(n) => Value::Int(n),
        FlagValue::Bool(b) => Value::Bool(b),
    }
}

fn method(name: &'static str, func: crate::objects::function::NativeFn) -> Value {
    Value::Builtin(Rc::new(BuiltinFunction { name, func, bound_self: None, is_method: true }))
}

/// `sys.flags`: a read-only record whose fields are also reachable by index, like CPython's
/// struct sequence.
fn flags_object(vm: &Vm) -> Value {
    let mut class = TypeObject::builtin("flags", Some(vm.types.object.clone()), None);
    class.is_heap_type = false;
    class.dict.set_str(
        "__repr__",
        method("__repr__", |vm, _, _| {
            let fields: Vec<String> = vm
                .config
                .flags
                .fields()
                .into_iter()
                .map(|(name, v)| match v {
                    FlagValue::Int(n) => format!("{name}={n}"),
                    FlagValue::Bool(b) => format!("{name}={}", if b { "True" } else { "False" }),
                })
                .collect();
            Ok(Value::str(&format!("sys.flags({})", fields.join(", "))))
        }),
    );
    class.dict.set_str(
        "__len__",
        method("__len__", |vm, _, _| Ok(Value::Int(vm.config.flags.fields().len() as i64))),
    );
    class.dict.set_str(
        "__getitem__",
        method("__getitem__", |vm, a, _| {
            let fields = vm.config.flags.fields();
            let n = fields.len() as i64;
            let Some(Value::Int(i)) = a.get(1) else {
                return Err(PyErr::type_error("tuple indices must be integers or slices, not str"));
            };
            let i = if *i < 0 { i + n } else { *i };
            match fields.into_iter().nth(i as usize).filter(|_| i >= 0) {
                Some((_, v)) => Ok(flag_value(v)),
                None => Err(PyErr::new(crate::exceptions::ExcKind::IndexError, "tuple index out of range")),
            }
        }),
    );
    let dict = DictObject::new();
    for (name, v) in vm.config.flags.fields() {
        dict.set_str(name, flag_value(v));
    }
    Value::Instance(Rc::new(InstanceObject::with_dict(Rc::new(class), dict)))
}

/// `sys.displayhook(value)`: what the interactive prompt does with an expression statement's
/// value — nothing for None, otherwise print its repr and keep it in `builtins._`.
fn displayhook(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let [value] = args else {
        return Err(PyErr::type_error(format!(
            "displayhook() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    if matches!(value, Value::None) {
        return Ok(Value::None);
    }
    // `_` is cleared first so the repr cannot see a stale value, as CPython does.
    vm.builtins.set_str("_", Value::None);
    let text = vm.repr(value)?;
    let _ = vm.stdout.write_all(text.as_bytes());
    let _ = vm.stdout.write_all(b"\n");
    vm.builtins.set_str("_", value.clone());
    Ok(Value::None)
}

pub fn install(vm: &mut Vm, dict: &DictObject) {
    dict.set_str("flags", flags_object(vm));
    let warnoptions = vm.config.warnoptions.iter().map(|w| Value::str(w)).collect();
    dict.set_str("warnoptions", Value::List(Rc::new(RefCell::new(warnoptions))));
    let xoptions = DictObject::new();
    for (name, value) in &vm.config.xoptions {
        xoptions.set_str(name, value.as_deref().map_or(Value::Bool(true), Value::str));
    }
    dict.set_str("_xoptions", Value::Dict(Rc::new(xoptions)));
    let hook = Value::Builtin(Rc::new(BuiltinFunction {
        name: "displayhook",
        func: |vm, a, _| displayhook(vm, a),
        bound_self: None,
        is_method: false,
    }));
    dict.set_str("displayhook", hook.clone());
    dict.set_str("__displayhook__", hook);
}

impl Vm {
    /// PRINT_EXPR: calls `sys.displayhook(value)`.
    #[cold]
    pub(crate) fn display_value(&mut self, value: Value) -> PyResult<()> {
        let sys = self.import_module("sys")?;
        let hook = match &sys {
            Value::Module(m) => m.dict.get_str("displayhook"),
            _ => None,
        };
        let Some(hook) = hook else {
            return Err(PyErr::new(crate::exceptions::ExcKind::RuntimeError, "lost sys.displayhook"));
        };
        self.call_value(&hook, vec![value], Vec::new())?;
        Ok(())
    }
}
