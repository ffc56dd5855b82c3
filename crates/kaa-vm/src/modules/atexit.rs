//! `atexit`: functions to call when the interpreter exits, last registered first; the CLI
//! calls `Vm::run_atexit` after the main program (also after an uncaught exception or
//! `sys.exit`), before the final cleanup, as CPython does.

use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::function::NativeFn;
use crate::value::Value;
use std::rc::Rc;

/// The module keeps its callbacks, each a (function, args tuple, kwargs dict) tuple.
const CALLBACKS_KEY: &str = " callbacks";

fn callbacks(vm: &Vm) -> Option<Rc<std::cell::RefCell<Vec<Value>>>> {
    let Some(Value::Module(m)) = vm.modules.get_str("atexit") else { return None };
    match m.dict.get_str(CALLBACKS_KEY) {
        Some(Value::List(l)) => Some(l),
        _ => None,
    }
}

fn register(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Some(func) = args.first() else {
        return Err(PyErr::type_error("register() takes at least 1 argument (0 given)"));
    };
    if !crate::builtins::functions::is_callable(vm, func) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    let kw = DictObject::new();
    for (k, v) in kwargs {
        kw.set_str(k.as_str(), v.clone());
    }
    let entry = Value::Tuple(Rc::new(vec![
        func.clone(),
        Value::Tuple(Rc::new(args[1..].to_vec())),
        Value::Dict(Rc::new(kw)),
    ]));
    if let Some(list) = callbacks(vm) {
        list.borrow_mut().push(entry);
    }
    Ok(func.clone())
}

fn unregister(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    crate::builtins::arity("unregister", args, 1, 1)?;
    let Some(list) = callbacks(vm) else { return Ok(Value::None) };
    let entries = list.borrow().clone();
    let mut keep = Vec::new();
    for e in entries {
        let Value::Tuple(t) = &e else { continue };
        if !vm.equals(&t[0], &args[0])? {
            keep.push(e.clone());
        }
    }
    *list.borrow_mut() = keep;
    Ok(Value::None)
}

impl Vm {
    /// Calls the registered exit functions, last first; an exception in one is reported
    /// ("Exception ignored in atexit callback") and the others still run.
    pub fn run_atexit(&mut self) {
        let Some(list) = callbacks(self) else { return };
        loop {
            let Some(entry) = list.borrow_mut().pop() else { break };
            let Value::Tuple(t) = &entry else { continue };
            let (func, args, kw) = (&t[0], &t[1], &t[2]);
            let args = match args {
                Value::Tuple(a) => a.to_vec(),
                _ => Vec::new(),
            };
            let kwargs = match kw {
                Value::Dict(d) => d
                    .items()
                    .into_iter()
                    .filter_map(|(k, v)| if let Value::Str(k) = k { Some((k, v)) } else { None })
                    .collect(),
                _ => Vec::new(),
            };
            if let Err(e) = self.call_value(func, args, kwargs) {
                let exc = self.materialize(e);
                if !exc.class.is_subclass(&self.exception_type(ExcKind::SystemExit)) {
                    self.report_unraisable("Exception ignored in atexit callback", func, &exc);
                }
            }
        }
    }
}

pub fn init(vm: &mut Vm, dict: &DictObject) {
    let functions: &[(&str, NativeFn)] = &[
        ("register", register),
        ("unregister", unregister),
        ("_run_exitfuncs", |vm, _, _| {
            vm.run_atexit();
            Ok(Value::None)
        }),
        ("_clear", |vm, _, _| {
            if let Some(l) = callbacks(vm) {
                l.borrow_mut().clear();
            }
            Ok(Value::None)
        }),
        ("_ncallbacks", |vm, _, _| Ok(Value::Int(callbacks(vm).map_or(0, |l| l.borrow().len()) as i64))),
    ];
    super::add_functions(dict, functions);
    let list = vm.new_list(Vec::new());
    dict.set_str(CALLBACKS_KEY, list);
}
