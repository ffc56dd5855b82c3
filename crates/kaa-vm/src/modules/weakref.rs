//! `weakref` (and `_weakref`): `ref`, `proxy`, `getweakrefcount`, `getweakrefs` are native
//! (`objects/weakref.rs`); the containers and `finalize` are written in Python on top of them
//! (`weakref.py`, compiled into the module when it is first imported) until the standard
//! library's own `weakref.py` can be imported.

use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::weakref::{proxy_new, WeakKind};
use crate::value::Value;
use std::rc::Rc;

const PYTHON_PART: &str = include_str!("weakref.py");

pub fn init(vm: &mut Vm, dict: &Rc<DictObject>) {
    super::add_functions(
        dict,
        &[
            ("proxy", proxy_new),
            ("getweakrefcount", |vm, args, _| match args {
                [obj] => Ok(Value::Int(vm.weakrefs_to(obj).len() as i64)),
                _ => Err(arity("getweakrefcount", args.len())),
            }),
            ("getweakrefs", |vm, args, _| match args {
                [obj] => {
                    let refs = vm.weakrefs_to(obj);
                    Ok(vm.new_list(refs))
                }
                _ => Err(arity("getweakrefs", args.len())),
            }),
            ("_is_dead_proxy", |_, args, _| match args {
                [Value::WeakRef(r)] => Ok(Value::Bool(r.kind != WeakKind::Ref && !r.target.is_alive())),
                _ => Ok(Value::Bool(false)),
            }),
        ],
    );
    dict.set_str("ref", Value::Type(vm.types.weakref.clone()));
    dict.set_str("ReferenceType", Value::Type(vm.types.weakref.clone()));
    dict.set_str("ProxyType", Value::Type(vm.types.weakproxy.clone()));
    dict.set_str("CallableProxyType", Value::Type(vm.types.weakcallableproxy.clone()));
    dict.set_str(
        "ProxyTypes",
        Value::Tuple(Rc::new(vec![
            Value::Type(vm.types.weakproxy.clone()),
            Value::Type(vm.types.weakcallableproxy.clone()),
        ])),
    );
    dict.set_str("__builtins__", Value::Dict(vm.builtins.clone()));
    // The Python half; a failure here is a bug in weakref.py, reported on first use.
    let result = crate::builtins::compile_builtin_module(vm, PYTHON_PART, "<frozen weakref>")
        .and_then(|code| vm.run_code_in(code, dict.clone(), dict.clone()));
    if let Err(e) = result {
        let exc = vm.materialize(e);
        vm.print_exception(&exc);
    }
}

#[cold]
fn arity(name: &str, given: usize) -> PyErr {
    PyErr::type_error(format!("{name}() takes exactly one argument ({given} given)"))
}

impl Vm {
    /// At exit, `weakref.finalize` objects still alive with `atexit` set run (CPython does this
    /// from an atexit hook).
    pub fn run_exit_finalizers(&mut self) -> PyResult<()> {
        let Some(Value::Module(m)) = self.modules.get_str("weakref") else { return Ok(()) };
        if let Some(f) = m.dict.get_str("_run_exit_finalizers") {
            self.call_value(&f, Vec::new(), Vec::new())?;
        }
        Ok(())
    }
}
