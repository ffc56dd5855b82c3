//! Native modules: what CPython writes in C, written here in Rust. Importing one builds its
//! namespace once; `sys.modules` keeps it.

use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::function::{BuiltinFunction, NativeFn};
use crate::value::Value;
use std::rc::Rc;

pub mod gc;
pub mod math;
pub mod posix;
pub mod sys;
mod sys_config;
pub mod time;

/// A module object: a name and a namespace.
pub struct ModuleObject {
    pub name: String,
    pub dict: Rc<DictObject>,
}

/// Adds native functions to a module namespace.
pub fn add_functions(dict: &DictObject, table: &[(&'static str, NativeFn)]) {
    for (name, func) in table {
        dict.set_str(
            name,
            Value::Builtin(Rc::new(BuiltinFunction {
                name,
                func: *func,
                bound_self: None,
                is_method: false,
            })),
        );
    }
}

/// Builds the native module `name`, if Kaa has one.
fn create(vm: &mut Vm, name: &str) -> Option<Value> {
    let dict = Rc::new(DictObject::new());
    dict.set_str("__name__", Value::str(name));
    dict.set_str("__doc__", Value::None);
    match name {
        "sys" => sys::init(vm, &dict),
        "math" => math::init(&dict),
        "time" => time::init(&dict),
        "gc" => gc::init(&dict),
        "posix" => posix::init(&dict),
        "builtins" => {
            return Some(Value::Module(Rc::new(ModuleObject {
                name: name.into(),
                dict: vm.builtins.clone(),
            })))
        }
        _ => return None,
    }
    Some(Value::Module(Rc::new(ModuleObject { name: name.to_string(), dict })))
}

impl Vm {
    /// Imports one module by its full dotted name (native modules only, for now).
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get_str(name) {
            return Ok(m);
        }
        match create(self, name) {
            Some(m) => {
                self.modules.set_str(name, m.clone());
                Ok(m)
            }
            None => Err(PyErr::new(ExcKind::ModuleNotFoundError, format!("No module named '{name}'"))),
        }
    }

    /// IMPORT_NAME: the top package for `import a.b`, the module itself when `fromlist` is given.
    pub fn import_name(&mut self, name: &str, fromlist: &Value, level: i64) -> PyResult<Value> {
        if level > 0 {
            return Err(PyErr::new(
                ExcKind::ImportError,
                "attempted relative import with no known parent package",
            ));
        }
        if name.is_empty() {
            return Err(PyErr::value_error("Empty module name"));
        }
        let mut first = None;
        let mut last = Value::None;
        let mut prefix = String::new();
        for part in name.split('.') {
            if !prefix.is_empty() {
                prefix.push('.');
            }
            prefix.push_str(part);
            last = self.import_module(&prefix)?;
            first.get_or_insert_with(|| last.clone());
        }
        let wants_leaf =
            !matches!(fromlist, Value::None) && !matches!(fromlist, Value::Tuple(t) if t.is_empty());
        Ok(if wants_leaf { last } else { first.unwrap_or(last) })
    }
}
