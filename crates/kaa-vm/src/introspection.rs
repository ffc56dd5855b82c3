//! What the built-in functions `exec`, `eval`, `globals`, `locals`, `vars` and `dir` need from
//! the interpreter: running a code object in given namespaces, and the namespaces of the frame
//! that called them. Written against the VM's public interface only.

use crate::exceptions::{PyErr, PyResult};
use crate::interp::{RunError, Vm};
use crate::objects::dict::DictObject;
use crate::objects::function::FunctionObject;
use crate::objects::replaceable::Replaceable;
use crate::objects::types::TypeName;
use crate::value::Value;
use kaa_bytecode::CodeObject;
use std::rc::Rc;

impl Vm {
    /// Runs a module-level code object with `globals`, and `locals` as the namespace its
    /// LOAD_NAME / STORE_NAME use (as `exec(code, globals, locals)` does); returns what the code
    /// returns.
    pub fn run_code_in(
        &mut self,
        code: Rc<CodeObject>,
        globals: Rc<DictObject>,
        locals: Rc<DictObject>,
    ) -> PyResult<Value> {
        if Rc::ptr_eq(&globals, &locals) {
            return self.run_module(code, globals).map_err(|RunError::Exception(e)| PyErr::Raised(e));
        }
        // A frame with separate locals is what a class body runs in.
        let consts = self.consts_for(&code);
        let body = Rc::new(FunctionObject {
            name: TypeName::from_string(code.name.clone()),
            qualname: TypeName::from_string(code.name.clone()),
            code,
            consts,
            globals,
            defaults: Replaceable::new(Vec::new()),
            kwdefaults: Replaceable::new(Vec::new()),
            annotations: Vec::new(),
            closure: Rc::new([]),
            dict: DictObject::new(),
        });
        self.run_class_body(&body, locals)?;
        Ok(Value::None)
    }

    /// The globals of the innermost running Python frame (the caller of a built-in function).
    pub fn frame_globals(&self) -> Option<Rc<DictObject>> {
        self.current_globals()
    }

    /// `locals()` of the innermost running Python frame: its namespace dict in module and class
    /// bodies; in a function, a new dict of its bound fast locals, cell and free variables.
    pub fn frame_locals(&self) -> Option<Rc<DictObject>> {
        self.current_locals()
    }
}
