//! `_functools`: `reduce` and `cmp_to_key` in Rust; `partial` (`partial.rs`) and
//! `_lru_cache_wrapper` (`lru_cache.rs`) are native classes of their own files.

use super::native_class::{add_class, check_arity, class_named, no_kwargs, state, state_of, Slots};
use crate::builtins::Kwargs;
use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::err_is;
use crate::objects::dict::DictObject;
use crate::value::Value;
use kaa_bytecode::opcode::CompareKind;

pub fn init(vm: &mut Vm, dict: &DictObject) {
    super::add_functions(dict, &[("reduce", reduce), ("cmp_to_key", cmp_to_key)]);
    super::partial::init(vm, dict);
    super::lru_cache::init(vm, dict);
    let wrapper = add_class(vm, dict, "functools", "KeyWrapper", None, &[("__call__", key_wrapper_call)]);
    vm.native_classes.insert("functools.KeyWrapper", wrapper);
    let k = add_class(
        vm,
        dict,
        "functools",
        "KeyWrapper",
        None,
        &[
            ("__lt__", |vm, a, _| key_compare(vm, a, CompareKind::Lt)),
            ("__le__", |vm, a, _| key_compare(vm, a, CompareKind::Le)),
            ("__eq__", |vm, a, _| key_compare(vm, a, CompareKind::Eq)),
            ("__ne__", |vm, a, _| key_compare(vm, a, CompareKind::Ne)),
            ("__gt__", |vm, a, _| key_compare(vm, a, CompareKind::Gt)),
            ("__ge__", |vm, a, _| key_compare(vm, a, CompareKind::Ge)),
        ],
    );
    k.dict.set_str("__hash__", Value::None);
    let fget = Value::Builtin(std::rc::Rc::new(crate::objects::function::BuiltinFunction {
        name: "obj",
        func: |_, a, _| Ok(state::<Key>(a, "functools.KeyWrapper", "obj")?.borrow().obj.clone()),
        bound_self: None,
        is_method: true,
    }));
    k.dict.set_str(
        "obj",
        Value::Property(std::rc::Rc::new(crate::objects::types::PropertyObject {
            fget,
            fset: Value::None,
            fdel: Value::None,
            doc: Default::default(),
        })),
    );
    vm.native_classes.insert("functools.K", k);
    // The wrapper classes are not part of the module's public namespace in CPython.
    dict.remove_str("KeyWrapper");
}

fn reduce(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("reduce", kwargs)?;
    check_arity("reduce", args.len(), 2, 3)?;
    let func = &args[0];
    let it = match vm.get_iter(&args[1]) {
        Ok(it) => it,
        Err(e) if err_is(vm, &e, crate::exceptions::ExcKind::TypeError) => {
            return Err(PyErr::type_error("reduce() arg 2 must support iteration"))
        }
        Err(e) => return Err(e),
    };
    let mut acc = args.get(2).cloned();
    while let Some(item) = vm.next_of(&it)? {
        acc = Some(match acc {
            None => item,
            Some(a) => vm.call_value(func, vec![a, item], vec![])?,
        });
    }
    acc.ok_or_else(|| PyErr::type_error("reduce() of empty iterable with no initial value"))
}

struct Cmp {
    cmp: Value,
}
impl Slots for Cmp {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        f(&mut self.cmp);
    }
}

struct Key {
    cmp: Value,
    obj: Value,
}
impl Slots for Key {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        f(&mut self.cmp);
        f(&mut self.obj);
    }
}

fn cmp_to_key(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [cmp] = crate::objects::args::keywords("cmp_to_key", args, kwargs, ["mycmp"], 1)?;
    let cmp =
        cmp.ok_or_else(|| PyErr::type_error("cmp_to_key() missing required argument 'mycmp' (pos 1)"))?;
    let cls = class_named(vm, "functools.KeyWrapper")?;
    Ok(super::native_class::new_instance(vm, &cls, Cmp { cmp }))
}

fn key_wrapper_call(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = state::<Cmp>(args, "functools.KeyWrapper", "__call__")?;
    let [obj] = crate::objects::args::keywords("K", &args[1..], kwargs, ["obj"], 1)?;
    let obj = obj.ok_or_else(|| PyErr::type_error("K() missing required argument 'obj' (pos 1)"))?;
    let cmp = st.borrow().cmp.clone();
    let cls = class_named(vm, "functools.K")?;
    Ok(super::native_class::new_instance(vm, &cls, Key { cmp, obj }))
}

fn key_compare(vm: &mut Vm, args: &[Value], op: CompareKind) -> PyResult<Value> {
    let st = state::<Key>(args, "functools.KeyWrapper", "__lt__")?;
    let Some(other) = args.get(1).and_then(state_of::<Key>) else {
        return Err(PyErr::type_error("other argument must be K instance"));
    };
    let (cmp, a) = {
        let s = st.borrow();
        (s.cmp.clone(), s.obj.clone())
    };
    let b = other.borrow().obj.clone();
    let r = vm.call_value(&cmp, vec![a, b], vec![])?;
    Ok(Value::Bool(vm.compare(op, &r, &Value::Int(0))?))
}
