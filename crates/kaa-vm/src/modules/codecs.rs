//! `_codecs`: the codec and error-handler registries `codecs.py` and the `encodings` package sit
//! on. The byte-level codecs Kaa knows natively live in `objects/codecs.rs` (used by
//! `str.encode`/`bytes.decode`); the registries, the `(result, consumed)` per-codec functions and
//! the table/escape codecs are Python (`codecs.py`, compiled into the module on first import).
//! `str.encode`/`bytes.decode` with an encoding Kaa does not know natively come here
//! (`encode_text`/`decode_text`) and go through the registry as in CPython.

use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::value::Value;
use std::rc::Rc;

const PYTHON_PART: &str = include_str!("codecs.py");

pub fn init(vm: &mut Vm, dict: &Rc<DictObject>) {
    dict.set_str("__builtins__", Value::Dict(vm.builtins.clone()));
    let result = crate::builtins::compile_builtin_module(vm, PYTHON_PART, "<frozen _codecs>")
        .and_then(|code| vm.run_code_in(code, dict.clone(), dict.clone()));
    if let Err(e) = result {
        let exc = vm.materialize(e);
        vm.print_exception(&exc);
    }
}

/// Calls `_codecs.<helper>(args...)`.
#[cold]
fn call_helper(vm: &mut Vm, helper: &str, args: Vec<Value>) -> PyResult<Value> {
    let module = vm.import_module("_codecs")?;
    let func = vm.get_attr(&module, helper)?;
    vm.call_value(&func, args, Vec::new())
}

/// `str.encode` with a codec found through the registry.
#[cold]
pub fn encode_text(vm: &mut Vm, text: &Value, encoding: &str, errors: &str) -> PyResult<Value> {
    call_helper(vm, "_encode_text", vec![text.clone(), Value::str(encoding), Value::str(errors)])
}

/// `bytes.decode` with a codec found through the registry.
#[cold]
pub fn decode_text(vm: &mut Vm, data: &Value, encoding: &str, errors: &str) -> PyResult<Value> {
    match call_helper(vm, "_decode_text", vec![data.clone(), Value::str(encoding), Value::str(errors)]) {
        Ok(v @ Value::Str(_)) => Ok(v),
        Ok(other) => Err(PyErr::type_error(format!("decoder returned '{}'", other.type_name()))),
        Err(e) => Err(e),
    }
}
