//! `functools.partial` as a native class (part of `_functools`): construction flattens a
//! partial of a plain partial, calls merge the frozen and given arguments, and `repr` follows
//! CPython's format (with `...` for a partial that contains itself).

use super::native_class::{add_class, cls_of, new_instance, state, state_of, Slots};
use crate::builtins::Kwargs;
use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::value::Value;
use std::rc::Rc;

const CLASS: &str = "functools.partial";

pub struct Partial {
    func: Value,
    args: Rc<Vec<Value>>,
    /// A dict of str keys.
    keywords: Rc<DictObject>,
    /// Set while `repr` runs, to print a partial that contains itself as `...`.
    in_repr: bool,
}

impl Slots for Partial {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        f(&mut self.func);
        // The args tuple and keywords dict are owned by the partial alone unless read out; the
        // collector looks through single-owner tuples, and the dict is visited as a value.
        let mut kw = Value::Dict(self.keywords.clone());
        f(&mut kw);
        let mut args = Value::Tuple(self.args.clone());
        f(&mut args);
    }
}

pub fn init(vm: &mut Vm, dict: &DictObject) {
    let t = add_class(
        vm,
        dict,
        "functools",
        "partial",
        Some(partial_new),
        &[("__call__", partial_call), ("__repr__", partial_repr)],
    );
    let prop = |name: &'static str, f: crate::objects::function::NativeFn| {
        t.dict.set_str(name, super::io::property(name, f, None));
    };
    prop("func", |_, a, _| Ok(state::<Partial>(a, CLASS, "func")?.borrow().func.clone()));
    prop("args", |_, a, _| Ok(Value::Tuple(state::<Partial>(a, CLASS, "args")?.borrow().args.clone())));
    prop("keywords", |_, a, _| {
        Ok(Value::Dict(state::<Partial>(a, CLASS, "keywords")?.borrow().keywords.clone()))
    });
    vm.native_classes.insert(CLASS, t);
}

fn partial_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    let Some(mut func) = args.get(1).cloned() else {
        return Err(PyErr::type_error("type 'partial' takes at least one argument"));
    };
    if !crate::builtins::functions::is_callable(vm, &func) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    let mut frozen: Vec<Value> = Vec::new();
    let keywords = DictObject::new();
    // A plain partial (no instance attributes, not overriding __call__) is flattened.
    if let Value::Instance(inner) = &func {
        let plain_call = inner.class.lookup("__call__").is_some_and(|c| {
            matches!(c, Value::Builtin(b) if b.name == "__call__" && b.func as *const () == partial_call as *const ())
        });
        if plain_call && inner.dict.is_empty() {
            if let Some(st) = state_of::<Partial>(&func) {
                let (f, a, k) = {
                    let s = st.borrow();
                    (s.func.clone(), s.args.clone(), s.keywords.clone())
                };
                frozen.extend(a.iter().cloned());
                for (key, value) in k.items() {
                    keywords.set(key, value)?;
                }
                func = f;
            }
        }
    }
    frozen.extend(args[2..].iter().cloned());
    for (k, v) in kwargs {
        keywords.set_str(k.as_str(), v.clone());
    }
    let keywords = match vm.new_dict(keywords) {
        Value::Dict(d) => d,
        _ => Rc::new(DictObject::new()),
    };
    let st = Partial { func, args: Rc::new(frozen), keywords, in_repr: false };
    Ok(new_instance(vm, &cls, st))
}

fn partial_call(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = state::<Partial>(args, CLASS, "__call__")?;
    let (func, mut all, keywords) = {
        let s = st.borrow();
        let mut all = Vec::with_capacity(s.args.len() + args.len() - 1);
        all.extend(s.args.iter().cloned());
        (s.func.clone(), all, s.keywords.clone())
    };
    all.extend(args[1..].iter().cloned());
    let mut kw: Vec<(crate::objects::str::Name, Value)> = Vec::new();
    if !keywords.is_empty() || !kwargs.is_empty() {
        for (k, v) in keywords.items() {
            if let Value::Str(s) = &k {
                if !kwargs.iter().any(|(name, _)| name.as_str() == s.as_str()) {
                    kw.push((s.clone(), v));
                }
            }
        }
        kw.extend(kwargs.iter().cloned());
    }
    vm.call_value(&func, all, kw)
}

fn partial_repr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Partial>(args, CLASS, "__repr__")?;
    let name = match &args[0] {
        Value::Instance(i)
            if i.class
                .module
                .borrow()
                .as_ref()
                .is_some_and(|m| matches!(m, Value::Str(s) if s.as_str() == "functools"))
                && i.class.name == "partial" =>
        {
            "functools.partial".to_string()
        }
        Value::Instance(i) => i.class.name.to_string(),
        _ => "partial".into(),
    };
    let (func, frozen, keywords) = {
        let mut s = st.borrow_mut();
        if s.in_repr {
            return Ok(Value::str("..."));
        }
        s.in_repr = true;
        (s.func.clone(), s.args.clone(), s.keywords.clone())
    };
    let result = (|| -> PyResult<String> {
        let mut parts = vec![vm.repr(&func)?];
        for a in frozen.iter() {
            parts.push(vm.repr(a)?);
        }
        for (k, v) in keywords.items() {
            let key = vm.str(&k)?;
            parts.push(format!("{key}={}", vm.repr(&v)?));
        }
        Ok(format!("{name}({})", parts.join(", ")))
    })();
    st.borrow_mut().in_repr = false;
    Ok(Value::str(&result?))
}
