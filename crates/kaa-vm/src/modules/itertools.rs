//! `itertools`: every iterator of CPython 3.11's module as a native class, with its argument
//! checking, error messages and (for `count` and `repeat`) reprs. Each class keeps its state in
//! a `Native<State>` payload; `__next__` borrows it only between calls into Python code.

use super::native_class::{
    add_class, add_classmethod, check_arity, class_named, cls_of, new_instance, no_kwargs, opt_slot,
    self_iter, state, state_of, stop, tuple, type_name_of, Slots,
};
use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::keywords;
use crate::objects::dict::DictObject;
use crate::objects::function::NativeFn;
use crate::value::Value;
use kaa_bytecode::opcode::BinaryOpKind;
use std::cell::RefCell;
use std::rc::Rc;

const MODULE: &str = "itertools";

pub fn init(vm: &mut Vm, dict: &DictObject) {
    let it =
        |next: NativeFn| -> [(&'static str, NativeFn); 2] { [("__iter__", self_iter), ("__next__", next)] };
    let with = |next: NativeFn, more: &[(&'static str, NativeFn)]| {
        let mut v = it(next).to_vec();
        v.extend_from_slice(more);
        v
    };
    add_class(vm, dict, MODULE, "count", Some(count_new), &with(count_next, &[("__repr__", count_repr)]));
    add_class(vm, dict, MODULE, "cycle", Some(cycle_new), &it(cycle_next));
    add_class(
        vm,
        dict,
        MODULE,
        "repeat",
        Some(repeat_new),
        &with(repeat_next, &[("__repr__", repeat_repr), ("__length_hint__", repeat_length_hint)]),
    );
    add_class(vm, dict, MODULE, "accumulate", Some(accumulate_new), &it(accumulate_next));
    let chain = add_class(vm, dict, MODULE, "chain", Some(chain_new), &it(chain_next));
    add_classmethod(&chain, "from_iterable", chain_from_iterable);
    add_class(vm, dict, MODULE, "compress", Some(compress_new), &it(compress_next));
    add_class(vm, dict, MODULE, "dropwhile", Some(dropwhile_new), &it(dropwhile_next));
    add_class(vm, dict, MODULE, "takewhile", Some(takewhile_new), &it(takewhile_next));
    add_class(vm, dict, MODULE, "filterfalse", Some(filterfalse_new), &it(filterfalse_next));
    add_class(vm, dict, MODULE, "starmap", Some(starmap_new), &it(starmap_next));
    add_class(vm, dict, MODULE, "groupby", Some(groupby_new), &it(groupby_next));
    let grouper = add_class(vm, dict, MODULE, "_grouper", None, &it(grouper_next));
    vm.native_classes.insert("itertools._grouper", grouper);
    add_class(vm, dict, MODULE, "islice", Some(islice_new), &it(islice_next));
    add_class(vm, dict, MODULE, "pairwise", Some(pairwise_new), &it(pairwise_next));
    let tee_class =
        add_class(vm, dict, MODULE, "_tee", Some(tee_new), &with(tee_next, &[("__copy__", tee_copy)]));
    vm.native_classes.insert("itertools._tee", tee_class);
    add_class(vm, dict, MODULE, "zip_longest", Some(zip_longest_new), &it(zip_longest_next));
    add_class(vm, dict, MODULE, "product", Some(product_new), &it(product_next));
    add_class(vm, dict, MODULE, "permutations", Some(permutations_new), &it(permutations_next));
    add_class(vm, dict, MODULE, "combinations", Some(combinations_new), &it(combinations_next));
    add_class(vm, dict, MODULE, "combinations_with_replacement", Some(cwr_new), &it(cwr_next));
    super::add_functions(dict, &[("tee", tee)]);
}

#[cold]
fn missing(fname: &str, arg: &str, pos: usize) -> PyErr {
    PyErr::type_error(format!("{fname}() missing required argument '{arg}' (pos {pos})"))
}

/// A `Py_ssize_t` argument of Argument Clinic.
fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if matches!(v, Value::Float(_)) {
        return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
    }
    crate::objects::args::ssize_arg(vm, v)
}

// ---- count ----

struct Count {
    cnt: Value,
    step: Value,
}
impl Slots for Count {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        f(&mut self.cnt);
        f(&mut self.step);
    }
}

fn is_number(v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Bool(_) | Value::Complex(_) => true,
        Value::Instance(i) => {
            ["__index__", "__int__", "__float__", "__complex__"].iter().any(|n| i.class.lookup(n).is_some())
        }
        _ => false,
    }
}

fn count_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    let [start, step] = keywords("count", &args[1..], kwargs, ["start", "step"], 2)?;
    let start = start.unwrap_or(Value::Int(0));
    let step = step.unwrap_or(Value::Int(1));
    if !is_number(&start) || !is_number(&step) {
        return Err(PyErr::type_error("a number is required"));
    }
    Ok(new_instance(vm, &cls, Count { cnt: start, step }))
}

fn count_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Count>(args, "itertools.count", "__next__")?;
    let (cnt, step) = {
        let s = st.borrow();
        (s.cnt.clone(), s.step.clone())
    };
    let next = match (&cnt, &step) {
        (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
        _ => vm.binary_value_op(BinaryOpKind::Add, &cnt, &step)?,
    };
    st.borrow_mut().cnt = next;
    Ok(cnt)
}

fn count_repr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Count>(args, "itertools.count", "__repr__")?;
    let (cnt, step) = {
        let s = st.borrow();
        (s.cnt.clone(), s.step.clone())
    };
    let name = type_name_of(&args[0]);
    let step_is_one = matches!(step, Value::Int(1) | Value::Bool(true));
    let text = if step_is_one {
        format!("{name}({})", vm.repr(&cnt)?)
    } else {
        format!("{name}({}, {})", vm.repr(&cnt)?, vm.repr(&step)?)
    };
    Ok(Value::str(&text))
}

// ---- cycle ----

struct Cycle {
    it: Option<Value>,
    saved: Vec<Value>,
    index: usize,
}
impl Slots for Cycle {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        opt_slot(&mut self.it, f);
        self.saved.iter_mut().for_each(f);
    }
}

fn cycle_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    no_kwargs("cycle", kwargs)?;
    let [iterable] = one_positional("cycle", args)?;
    let it = vm.get_iter(&iterable)?;
    Ok(new_instance(vm, &cls, Cycle { it: Some(it), saved: Vec::new(), index: 0 }))
}

fn cycle_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Cycle>(args, "itertools.cycle", "__next__")?;
    let it = st.borrow().it.clone();
    if let Some(it) = it {
        match vm.next_of(&it)? {
            Some(v) => {
                st.borrow_mut().saved.push(v.clone());
                return Ok(v);
            }
            None => st.borrow_mut().it = None,
        }
    }
    let mut s = st.borrow_mut();
    if s.saved.is_empty() {
        return Err(stop());
    }
    let i = s.index.min(s.saved.len() - 1);
    let v = s.saved[i].clone();
    s.index = if i + 1 >= s.saved.len() { 0 } else { i + 1 };
    Ok(v)
}

/// `PyArg_UnpackTuple(args, name, 1, 1)`.
fn one_positional(name: &str, args: &[Value]) -> PyResult<[Value; 1]> {
    match &args[1..] {
        [a] => Ok([a.clone()]),
        rest => Err(PyErr::type_error(format!("{name} expected 1 argument, got {}", rest.len()))),
    }
}

/// `PyArg_UnpackTuple(args, name, 2, 2)`.
fn two_positional(name: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<(Value, Value)> {
    no_kwargs(name, kwargs)?;
    check_arity(name, args.len() - 1, 2, 2)?;
    Ok((args[1].clone(), args[2].clone()))
}

// ---- repeat ----

struct Repeat {
    obj: Value,
    /// Items still to give; None repeats forever.
    left: Option<i64>,
}
impl Slots for Repeat {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        f(&mut self.obj);
    }
}

fn repeat_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    if args.len() - 1 + kwargs.len() > 2 {
        return Err(PyErr::type_error(format!(
            "repeat() takes at most 2 arguments ({} given)",
            args.len() - 1 + kwargs.len()
        )));
    }
    let [obj, times] = keywords("repeat", &args[1..], kwargs, ["object", "times"], 2)?;
    let obj = obj.ok_or_else(|| PyErr::type_error("repeat() missing required argument 'object' (pos 1)"))?;
    let left = match times {
        Some(t) => Some(ssize(vm, &t)?.max(0)),
        None => None,
    };
    Ok(new_instance(vm, &cls, Repeat { obj, left }))
}

fn repeat_next(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Repeat>(args, "itertools.repeat", "__next__")?;
    let mut s = st.borrow_mut();
    match &mut s.left {
        None => {}
        Some(0) => return Err(stop()),
        Some(n) => *n -= 1,
    }
    Ok(s.obj.clone())
}

fn repeat_repr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Repeat>(args, "itertools.repeat", "__repr__")?;
    let (obj, left) = {
        let s = st.borrow();
        (s.obj.clone(), s.left)
    };
    let name = type_name_of(&args[0]);
    let obj = vm.repr(&obj)?;
    Ok(Value::str(&match left {
        None => format!("{name}({obj})"),
        Some(n) => format!("{name}({obj}, {n})"),
    }))
}

fn repeat_length_hint(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Repeat>(args, "itertools.repeat", "__length_hint__")?;
    match st.borrow().left {
        None => Err(PyErr::type_error("len() of unsized object")),
        Some(n) => Ok(Value::Int(n)),
    }
}

// ---- accumulate ----

struct Accumulate {
    it: Value,
    func: Value,
    total: Option<Value>,
    initial: Option<Value>,
}
impl Slots for Accumulate {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        f(&mut self.it);
        f(&mut self.func);
        opt_slot(&mut self.total, f);
        opt_slot(&mut self.initial, f);
    }
}

fn accumulate_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    let [iterable, func, initial] =
        keywords("accumulate", &args[1..], kwargs, ["iterable", "func", "initial"], 2)?;
    let iterable = iterable.ok_or_else(|| missing("accumulate", "iterable", 1))?;
    let it = vm.get_iter(&iterable)?;
    let initial = initial.filter(|v| !matches!(v, Value::None));
    Ok(new_instance(vm, &cls, Accumulate { it, func: func.unwrap_or(Value::None), total: None, initial }))
}

fn accumulate_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Accumulate>(args, "itertools.accumulate", "__next__")?;
    let (it, func, total) = {
        let mut s = st.borrow_mut();
        if let Some(init) = s.initial.take() {
            s.total = Some(init.clone());
            return Ok(init);
        }
        (s.it.clone(), s.func.clone(), s.total.clone())
    };
    let Some(val) = vm.next_of(&it)? else { return Err(stop()) };
    let new_total = match total {
        None => val,
        Some(total) => match func {
            Value::None => vm.binary_value_op(BinaryOpKind::Add, &total, &val)?,
            f => vm.call_value(&f, vec![total, val], vec![])?,
        },
    };
    st.borrow_mut().total = Some(new_total.clone());
    Ok(new_total)
}

// ---- chain ----

struct Chain {
    /// The iterator over the iterables; None once exhausted.
    source: Option<Value>,
    /// The iterator of the current iterable.
    active: Option<Value>,
}
impl Slots for Chain {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        opt_slot(&mut self.source, f);
        opt_slot(&mut self.active, f);
    }
}

fn chain_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    no_kwargs("chain", kwargs)?;
    let source = vm.get_iter(&tuple(args[1..].to_vec()))?;
    Ok(new_instance(vm, &cls, Chain { source: Some(source), active: None }))
}

fn chain_from_iterable(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    no_kwargs("from_iterable", kwargs)?;
    let [iterable] = match &args[1..] {
        [a] => [a.clone()],
        rest => {
            return Err(PyErr::type_error(format!(
                "chain.from_iterable() takes exactly one argument ({} given)",
                rest.len()
            )))
        }
    };
    let source = vm.get_iter(&iterable)?;
    Ok(new_instance(vm, &cls, Chain { source: Some(source), active: None }))
}

fn chain_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Chain>(args, "itertools.chain", "__next__")?;
    loop {
        let (source, active) = {
            let s = st.borrow();
            (s.source.clone(), s.active.clone())
        };
        let active = match active {
            Some(a) => a,
            None => {
                let Some(source) = source else { return Err(stop()) };
                match vm.next_of(&source)? {
                    None => {
                        st.borrow_mut().source = None;
                        return Err(stop());
                    }
                    Some(iterable) => {
                        let a = vm.get_iter(&iterable)?;
                        st.borrow_mut().active = Some(a.clone());
                        a
                    }
                }
            }
        };
        match vm.next_of(&active)? {
            Some(v) => return Ok(v),
            None => st.borrow_mut().active = None,
        }
    }
}

// ---- compress ----

struct Compress {
    data: Value,
    selectors: Value,
}
impl Slots for Compress {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        f(&mut self.data);
        f(&mut self.selectors);
    }
}

fn compress_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    let [data, selectors] = keywords("compress", &args[1..], kwargs, ["data", "selectors"], 2)?;
    let data = data.ok_or_else(|| missing("compress", "data", 1))?;
    let selectors = selectors.ok_or_else(|| missing("compress", "selectors", 2))?;
    let data = vm.get_iter(&data)?;
    let selectors = vm.get_iter(&selectors)?;
    Ok(new_instance(vm, &cls, Compress { data, selectors }))
}

fn compress_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Compress>(args, "itertools.compress", "__next__")?;
    let (data, selectors) = {
        let s = st.borrow();
        (s.data.clone(), s.selectors.clone())
    };
    loop {
        let Some(datum) = vm.next_of(&data)? else { return Err(stop()) };
        let Some(sel) = vm.next_of(&selectors)? else { return Err(stop()) };
        if vm.truthy(&sel)? {
            return Ok(datum);
        }
    }
}

// ---- dropwhile, takewhile, filterfalse, starmap ----

struct Predicated {
    func: Value,
    it: Value,
    /// dropwhile: dropping is over; takewhile: taking is over.
    done: bool,
}
impl Slots for Predicated {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        f(&mut self.func);
        f(&mut self.it);
    }
}

fn predicated_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str) -> PyResult<Value> {
    let cls = cls_of(args)?;
    let (func, iterable) = two_positional(name, args, kwargs)?;
    let it = vm.get_iter(&iterable)?;
    Ok(new_instance(vm, &cls, Predicated { func, it, done: false }))
}

fn dropwhile_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    predicated_new(vm, args, kwargs, "dropwhile")
}
fn takewhile_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    predicated_new(vm, args, kwargs, "takewhile")
}
fn filterfalse_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    predicated_new(vm, args, kwargs, "filterfalse")
}
fn starmap_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    predicated_new(vm, args, kwargs, "starmap")
}

fn predicated_parts(st: &RefCell<Predicated>) -> (Value, Value, bool) {
    let s = st.borrow();
    (s.func.clone(), s.it.clone(), s.done)
}

fn dropwhile_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Predicated>(args, "itertools.dropwhile", "__next__")?;
    let (func, it, _) = predicated_parts(st);
    loop {
        let Some(item) = vm.next_of(&it)? else { return Err(stop()) };
        if st.borrow().done {
            return Ok(item);
        }
        let keep_dropping = vm.call_value(&func, vec![item.clone()], vec![])?;
        if !vm.truthy(&keep_dropping)? {
            st.borrow_mut().done = true;
            return Ok(item);
        }
    }
}

fn takewhile_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Predicated>(args, "itertools.takewhile", "__next__")?;
    let (func, it, done) = predicated_parts(st);
    if done {
        return Err(stop());
    }
    let Some(item) = vm.next_of(&it)? else { return Err(stop()) };
    let keep = vm.call_value(&func, vec![item.clone()], vec![])?;
    if vm.truthy(&keep)? {
        return Ok(item);
    }
    st.borrow_mut().done = true;
    Err(stop())
}

fn filterfalse_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Predicated>(args, "itertools.filterfalse", "__next__")?;
    let (func, it, _) = predicated_parts(st);
    loop {
        let Some(item) = vm.next_of(&it)? else { return Err(stop()) };
        let verdict = if matches!(func, Value::None) || is_bool_type(vm, &func) {
            vm.truthy(&item)?
        } else {
            let r = vm.call_value(&func, vec![item.clone()], vec![])?;
            vm.truthy(&r)?
        };
        if !verdict {
            return Ok(item);
        }
    }
}

fn is_bool_type(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::Type(t) if Rc::ptr_eq(t, &vm.types.bool_))
}

fn starmap_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Predicated>(args, "itertools.starmap", "__next__")?;
    let (func, it, _) = predicated_parts(st);
    let Some(item) = vm.next_of(&it)? else { return Err(stop()) };
    let call_args = match item {
        Value::Tuple(t) => t.to_vec(),
        other => vm.collect_iterable(&other)?,
    };
    vm.call_value(&func, call_args, vec![])
}

// ---- groupby ----

struct GroupBy {
    it: Value,
    keyfunc: Value,
    tgtkey: Option<Value>,
    currkey: Option<Value>,
    currvalue: Option<Value>,
    /// The serial number of the current `_grouper` (older ones are exhausted).
    current_grouper: u64,
}
impl Slots for GroupBy {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        f(&mut self.it);
        f(&mut self.keyfunc);
        opt_slot(&mut self.tgtkey, f);
        opt_slot(&mut self.currkey, f);
        opt_slot(&mut self.currvalue, f);
    }
}

struct Grouper {
    parent: Value,
    tgtkey: Value,
    serial: u64,
}
impl Slots for Grouper {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        f(&mut self.parent);
        f(&mut self.tgtkey);
    }
}

fn groupby_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    let [iterable, key] = keywords("groupby", &args[1..], kwargs, ["iterable", "key"], 2)?;
    let iterable = iterable.ok_or_else(|| missing("groupby", "iterable", 1))?;
    let it = vm.get_iter(&iterable)?;
    let state = GroupBy {
        it,
        keyfunc: key.unwrap_or(Value::None),
        tgtkey: None,
        currkey: None,
        currvalue: None,
        current_grouper: 0,
    };
    Ok(new_instance(vm, &cls, state))
}

/// Reads the next value and its key into the groupby; false at the end of the input.
fn groupby_step(vm: &mut Vm, st: &RefCell<GroupBy>) -> PyResult<bool> {
    let (it, keyfunc) = {
        let s = st.borrow();
        (s.it.clone(), s.keyfunc.clone())
    };
    let Some(value) = vm.next_of(&it)? else { return Ok(false) };
    let key = match keyfunc {
        Value::None => value.clone(),
        f => vm.call_value(&f, vec![value.clone()], vec![])?,
    };
    let mut s = st.borrow_mut();
    s.currvalue = Some(value);
    s.currkey = Some(key);
    Ok(true)
}

fn groupby_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<GroupBy>(args, "itertools.groupby", "__next__")?;
    st.borrow_mut().current_grouper += 1;
    loop {
        let (tgt, curr) = {
            let s = st.borrow();
            (s.tgtkey.clone(), s.currkey.clone())
        };
        match (tgt, curr) {
            (_, None) => {}
            (None, Some(_)) => break,
            (Some(t), Some(c)) => {
                if !vm.equals(&t, &c)? {
                    break;
                }
            }
        }
        if !groupby_step(vm, st)? {
            return Err(stop());
        }
    }
    let (key, serial) = {
        let mut s = st.borrow_mut();
        s.tgtkey = s.currkey.clone();
        s.current_grouper += 1;
        (s.currkey.clone().unwrap_or(Value::None), s.current_grouper)
    };
    let grouper_class = class_named(vm, "itertools._grouper")?;
    let grouper =
        new_instance(vm, &grouper_class, Grouper { parent: args[0].clone(), tgtkey: key.clone(), serial });
    Ok(tuple(vec![key, grouper]))
}

fn grouper_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let gst = state::<Grouper>(args, "itertools._grouper", "__next__")?;
    let (parent, tgtkey, serial) = {
        let g = gst.borrow();
        (g.parent.clone(), g.tgtkey.clone(), g.serial)
    };
    let Some(pst) = state_of::<GroupBy>(&parent) else { return Err(stop()) };
    if pst.borrow().current_grouper != serial {
        return Err(stop());
    }
    if pst.borrow().currvalue.is_none() && !groupby_step(vm, pst)? {
        return Err(stop());
    }
    let currkey = pst.borrow().currkey.clone().unwrap_or(Value::None);
    if !vm.equals(&tgtkey, &currkey)? {
        return Err(stop());
    }
    let value = pst.borrow_mut().currvalue.take();
    Ok(value.unwrap_or(Value::None))
}

// ---- islice ----

struct ISlice {
    it: Option<Value>,
    next: i64,
    /// -1: no stop.
    stop: i64,
    step: i64,
    cnt: i64,
}
impl Slots for ISlice {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        opt_slot(&mut self.it, f);
    }
}

/// `PyNumber_AsSsize_t` for islice's arguments: None when the value is no integer or too big.
fn islice_index(vm: &mut Vm, v: &Value) -> Option<i64> {
    match crate::objects::args::index_value(vm, v) {
        Ok(Value::Int(i)) => Some(i),
        _ => None,
    }
}

fn islice_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    no_kwargs("islice", kwargs)?;
    let rest = &args[1..];
    if rest.len() < 2 {
        return Err(PyErr::type_error(format!("islice expected at least 2 arguments, got {}", rest.len())));
    }
    if rest.len() > 4 {
        return Err(PyErr::type_error(format!("islice expected at most 4 arguments, got {}", rest.len())));
    }
    const STOP_MSG: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const INDEX_MSG: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (mut start, mut stop_at, mut step) = (0i64, -1i64, 1i64);
    if rest.len() == 2 {
        if !matches!(rest[1], Value::None) {
            stop_at = match islice_index(vm, &rest[1]) {
                Some(s) if s != -1 => s,
                _ => return Err(PyErr::value_error(STOP_MSG)),
            };
            if stop_at < -1 {
                return Err(PyErr::value_error(STOP_MSG));
            }
        }
    } else {
        if !matches!(rest[1], Value::None) {
            start = islice_index(vm, &rest[1]).unwrap_or(-1);
        }
        if !matches!(rest[2], Value::None) {
            stop_at = match islice_index(vm, &rest[2]) {
                Some(s) if s != -1 => s,
                _ => return Err(PyErr::value_error(STOP_MSG)),
            };
        }
    }
    if start < 0 || stop_at < -1 {
        return Err(PyErr::value_error(INDEX_MSG));
    }
    if rest.len() == 4 && !matches!(rest[3], Value::None) {
        step = match crate::objects::args::index_value(vm, &rest[3]) {
            Ok(Value::Int(i)) => i,
            Ok(Value::BigInt(b)) if num_traits::Signed::is_positive(&*b) => i64::MAX,
            _ => -1,
        };
    }
    if step < 1 {
        return Err(PyErr::value_error("Step for islice() must be a positive integer or None."));
    }
    let it = vm.get_iter(&rest[0])?;
    Ok(new_instance(vm, &cls, ISlice { it: Some(it), next: start, stop: stop_at, step, cnt: 0 }))
}

fn islice_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<ISlice>(args, "itertools.islice", "__next__")?;
    let Some(it) = st.borrow().it.clone() else { return Err(stop()) };
    loop {
        let (cnt, next) = {
            let s = st.borrow();
            (s.cnt, s.next)
        };
        if cnt >= next {
            break;
        }
        if vm.next_of(&it)?.is_none() {
            st.borrow_mut().it = None;
            return Err(stop());
        }
        st.borrow_mut().cnt += 1;
    }
    {
        let mut s = st.borrow_mut();
        if s.stop != -1 && s.cnt >= s.stop {
            s.it = None;
            return Err(stop());
        }
    }
    let Some(item) = vm.next_of(&it)? else {
        st.borrow_mut().it = None;
        return Err(stop());
    };
    let mut s = st.borrow_mut();
    s.cnt += 1;
    let old = s.next;
    s.next = s.next.saturating_add(s.step);
    if s.next < old || (s.stop != -1 && s.next > s.stop) {
        s.next = s.stop;
    }
    Ok(item)
}

// ---- pairwise ----

struct Pairwise {
    it: Option<Value>,
    old: Option<Value>,
}
impl Slots for Pairwise {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        opt_slot(&mut self.it, f);
        opt_slot(&mut self.old, f);
    }
}

fn pairwise_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    no_kwargs("pairwise", kwargs)?;
    let [iterable] = one_positional("pairwise", args)?;
    let it = vm.get_iter(&iterable)?;
    Ok(new_instance(vm, &cls, Pairwise { it: Some(it), old: None }))
}

fn pairwise_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Pairwise>(args, "itertools.pairwise", "__next__")?;
    let (it, old) = {
        let s = st.borrow();
        (s.it.clone(), s.old.clone())
    };
    let Some(it) = it else { return Err(stop()) };
    let old = match old {
        Some(o) => o,
        None => match vm.next_of(&it)? {
            Some(o) => {
                st.borrow_mut().old = Some(o.clone());
                o
            }
            None => {
                st.borrow_mut().it = None;
                return Err(stop());
            }
        },
    };
    match vm.next_of(&it)? {
        Some(new) => {
            st.borrow_mut().old = Some(new.clone());
            Ok(tuple(vec![old, new]))
        }
        None => {
            let mut s = st.borrow_mut();
            s.it = None;
            s.old = None;
            Err(stop())
        }
    }
}

// ---- tee ----

/// Values read from the shared iterator are kept in a chain of blocks; each `_tee` holds the
/// block it reads from, so blocks every tee has passed are freed.
const TEE_BLOCK: usize = 57;

struct TeeSource {
    it: Value,
    running: std::cell::Cell<bool>,
}

struct TeeBlock {
    values: RefCell<Vec<Value>>,
    next: RefCell<Option<Rc<TeeBlock>>>,
    source: Rc<TeeSource>,
}

impl Drop for TeeBlock {
    /// Unlinks the chain iteratively: a long chain must not recurse once per block.
    fn drop(&mut self) {
        let mut next = self.next.get_mut().take();
        while let Some(block) = next {
            match Rc::try_unwrap(block) {
                Ok(mut b) => next = b.next.get_mut().take(),
                Err(_) => break,
            }
        }
    }
}

struct Tee {
    block: Rc<TeeBlock>,
    index: usize,
}
// The blocks are shared between tees: their values are not reported (a shared value reported
// by each tee would look referenced too often).
impl Slots for Tee {}

/// A tee over `it` (copying `it` when it is a tee already).
fn tee_from_iterator(vm: &mut Vm, cls: &Rc<crate::objects::types::TypeObject>, it: Value) -> PyResult<Value> {
    if let Some(t) = state_of::<Tee>(&it) {
        let (block, index) = {
            let t = t.borrow();
            (t.block.clone(), t.index)
        };
        return Ok(new_instance(vm, cls, Tee { block, index }));
    }
    let source = Rc::new(TeeSource { it, running: std::cell::Cell::new(false) });
    let block = Rc::new(TeeBlock { values: RefCell::new(Vec::new()), next: RefCell::new(None), source });
    Ok(new_instance(vm, cls, Tee { block, index: 0 }))
}

fn tee_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    no_kwargs("_tee", kwargs)?;
    check_arity("_tee", args.len() - 1, 1, 1)?;
    let it = vm.get_iter(&args[1])?;
    tee_from_iterator(vm, &cls, it)
}

fn tee_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Tee>(args, "itertools._tee", "__next__")?;
    let (block, index) = {
        let mut t = st.borrow_mut();
        if t.index >= TEE_BLOCK {
            let next = t.block.next.borrow().clone();
            let next = match next {
                Some(n) => n,
                None => {
                    let n = Rc::new(TeeBlock {
                        values: RefCell::new(Vec::new()),
                        next: RefCell::new(None),
                        source: t.block.source.clone(),
                    });
                    *t.block.next.borrow_mut() = Some(n.clone());
                    n
                }
            };
            t.block = next;
            t.index = 0;
        }
        (t.block.clone(), t.index)
    };
    if let Some(v) = block.values.borrow().get(index) {
        let v = v.clone();
        st.borrow_mut().index += 1;
        return Ok(v);
    }
    let source = block.source.clone();
    if source.running.get() {
        return Err(PyErr::new(ExcKind::RuntimeError, "cannot re-enter the tee iterator"));
    }
    source.running.set(true);
    let got = vm.next_of(&source.it);
    source.running.set(false);
    let Some(v) = got? else { return Err(stop()) };
    block.values.borrow_mut().push(v.clone());
    st.borrow_mut().index += 1;
    Ok(v)
}

fn tee_copy(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Tee>(args, "itertools._tee", "__copy__")?;
    let (block, index) = {
        let t = st.borrow();
        (t.block.clone(), t.index)
    };
    let cls = vm.type_of(&args[0]);
    Ok(new_instance(vm, &cls, Tee { block, index }))
}

/// `tee(iterable, n=2, /)`.
fn tee(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("tee", kwargs)?;
    check_arity("tee", args.len(), 1, 2)?;
    let rest = args;
    let n = match rest.get(1) {
        Some(v) => ssize(vm, v)?,
        None => 2,
    };
    if n < 0 {
        return Err(PyErr::value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(tuple(Vec::new()));
    }
    let it = vm.get_iter(&rest[0])?;
    let class = class_named(vm, "itertools._tee")?;
    let mut out = Vec::with_capacity(n as usize);
    let has_copy = state_of::<Tee>(&it).is_some() || vm.type_of(&it).lookup("__copy__").is_some();
    let first = if has_copy { it } else { tee_from_iterator(vm, &class, it)? };
    out.push(first);
    for _ in 1..n {
        let prev = out[out.len() - 1].clone();
        let copy = match state_of::<Tee>(&prev) {
            Some(_) => tee_copy(vm, &[prev], &[])?,
            None => vm
                .call_dunder(&prev, "__copy__", &[])?
                .ok_or_else(|| PyErr::type_error("__copy__ is missing"))?,
        };
        out.push(copy);
    }
    Ok(tuple(out))
}

// ---- zip_longest ----

struct ZipLongest {
    iters: Vec<Option<Value>>,
    active: usize,
    fill: Value,
}
impl Slots for ZipLongest {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        self.iters.iter_mut().for_each(|i| opt_slot(i, f));
        f(&mut self.fill);
    }
}

fn zip_longest_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    let mut fill = Value::None;
    if !kwargs.is_empty() {
        match kwargs {
            [(k, v)] if k.as_str() == "fillvalue" => fill = v.clone(),
            _ => return Err(PyErr::type_error("zip_longest() got an unexpected keyword argument")),
        }
    }
    let mut iters = Vec::with_capacity(args.len() - 1);
    for a in &args[1..] {
        iters.push(Some(vm.get_iter(a)?));
    }
    let active = iters.len();
    Ok(new_instance(vm, &cls, ZipLongest { iters, active, fill }))
}

fn zip_longest_next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<ZipLongest>(args, "itertools.zip_longest", "__next__")?;
    let (iters, fill) = {
        let s = st.borrow();
        if s.iters.is_empty() || s.active == 0 {
            return Err(stop());
        }
        (s.iters.clone(), s.fill.clone())
    };
    let mut out = Vec::with_capacity(iters.len());
    for (i, it) in iters.iter().enumerate() {
        match it {
            None => out.push(fill.clone()),
            Some(it) => match vm.next_of(it)? {
                Some(v) => out.push(v),
                None => {
                    let mut s = st.borrow_mut();
                    s.active = s.active.saturating_sub(1);
                    if s.active == 0 {
                        return Err(stop());
                    }
                    s.iters[i] = None;
                    out.push(fill.clone());
                }
            },
        }
    }
    Ok(tuple(out))
}

// ---- product, permutations, combinations, combinations_with_replacement ----

/// The shared state of the combinatoric iterators.
struct Combinatoric {
    pools: Vec<Rc<Vec<Value>>>,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    r: usize,
    result: Option<Vec<Value>>,
    stopped: bool,
}
impl Slots for Combinatoric {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        if let Some(r) = &mut self.result {
            for v in r.iter_mut() {
                f(v);
            }
        }
        // Pools are shared only among this iterator's own entries (product's repeat): each
        // distinct pool is reported once.
        let mut seen: Vec<*const Vec<Value>> = Vec::new();
        for p in &mut self.pools {
            let ptr = Rc::as_ptr(p);
            if seen.contains(&ptr) {
                continue;
            }
            seen.push(ptr);
            if let Some(p) = Rc::get_mut(p) {
                p.iter_mut().for_each(&mut *f);
            }
        }
    }
}

fn product_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    let mut repeat = 1i64;
    for (k, v) in kwargs {
        if k.as_str() != "repeat" {
            return Err(PyErr::type_error(format!("'{k}' is an invalid keyword argument for product()")));
        }
        repeat = ssize(vm, v)?;
    }
    if repeat < 0 {
        return Err(PyErr::value_error("repeat argument cannot be negative"));
    }
    let mut base = Vec::with_capacity(args.len() - 1);
    for a in &args[1..] {
        base.push(Rc::new(vm.collect_iterable(a)?));
    }
    let total = (base.len() as u128) * (repeat as u128);
    if total > (isize::MAX as u128) / 8 {
        return Err(PyErr::new(ExcKind::OverflowError, "repeat argument too large"));
    }
    let mut pools = Vec::with_capacity(total as usize);
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let n = pools.len();
    let state =
        Combinatoric { pools, indices: vec![0; n], cycles: Vec::new(), r: n, result: None, stopped: false };
    Ok(new_instance(vm, &cls, state))
}

fn product_next(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Combinatoric>(args, "itertools.product", "__next__")?;
    let mut guard = st.borrow_mut();
    let s = &mut *guard;
    if s.stopped {
        return Err(stop());
    }
    match &mut s.result {
        None => {
            if s.pools.iter().any(|p| p.is_empty()) {
                s.stopped = true;
                return Err(stop());
            }
            let r: Vec<Value> = s.pools.iter().map(|p| p[0].clone()).collect();
            s.result = Some(r.clone());
            Ok(tuple(r))
        }
        Some(result) => {
            let mut i = s.pools.len();
            loop {
                if i == 0 {
                    s.stopped = true;
                    return Err(stop());
                }
                i -= 1;
                let pool = &s.pools[i];
                s.indices[i] += 1;
                if s.indices[i] == pool.len() {
                    s.indices[i] = 0;
                    result[i] = pool[0].clone();
                } else {
                    result[i] = pool[s.indices[i]].clone();
                    break;
                }
            }
            Ok(tuple(result.clone()))
        }
    }
}

/// The `r` argument of the combinatoric iterators (None where allowed means "len(pool)").
fn r_arg(vm: &mut Vm, r: Option<Value>, n: usize) -> PyResult<usize> {
    match r {
        None | Some(Value::None) => Ok(n),
        Some(v) => {
            if !matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
                return Err(PyErr::type_error("Expected int as r"));
            }
            let r = ssize(vm, &v)?;
            if r < 0 {
                return Err(PyErr::value_error("r must be non-negative"));
            }
            Ok(r as usize)
        }
    }
}

fn pool_state(pool: Vec<Value>, r: usize) -> Combinatoric {
    let n = pool.len();
    Combinatoric {
        pools: vec![Rc::new(pool)],
        indices: Vec::new(),
        cycles: Vec::new(),
        r,
        result: None,
        stopped: r > n,
    }
}

fn permutations_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    let [iterable, r] = keywords("permutations", &args[1..], kwargs, ["iterable", "r"], 2)?;
    let iterable = iterable.ok_or_else(|| missing("permutations", "iterable", 1))?;
    let pool = vm.collect_iterable(&iterable)?;
    let r = r_arg(vm, r, pool.len())?;
    let n = pool.len();
    let mut state = pool_state(pool, r);
    state.indices = (0..n).collect();
    state.cycles = (0..r.min(n)).map(|i| n - i).collect();
    Ok(new_instance(vm, &cls, state))
}

fn permutations_next(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Combinatoric>(args, "itertools.permutations", "__next__")?;
    let mut guard = st.borrow_mut();
    let s = &mut *guard;
    if s.stopped {
        return Err(stop());
    }
    let pool = s.pools[0].clone();
    let (n, r) = (pool.len(), s.r);
    match &mut s.result {
        None => {
            let res: Vec<Value> = s.indices[..r].iter().map(|&i| pool[i].clone()).collect();
            s.result = Some(res.clone());
            Ok(tuple(res))
        }
        Some(result) => {
            if n == 0 {
                s.stopped = true;
                return Err(stop());
            }
            let mut i = r;
            loop {
                if i == 0 {
                    s.stopped = true;
                    return Err(stop());
                }
                i -= 1;
                s.cycles[i] -= 1;
                if s.cycles[i] == 0 {
                    let index = s.indices[i];
                    s.indices.copy_within(i + 1..n, i);
                    s.indices[n - 1] = index;
                    s.cycles[i] = n - i;
                } else {
                    let j = s.cycles[i];
                    s.indices.swap(i, n - j);
                    for k in i..r {
                        result[k] = pool[s.indices[k]].clone();
                    }
                    break;
                }
            }
            Ok(tuple(result.clone()))
        }
    }
}

fn combinations_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    combinations_like_new(vm, args, kwargs, "combinations")
}

fn cwr_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    combinations_like_new(vm, args, kwargs, "combinations_with_replacement")
}

fn combinations_like_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str) -> PyResult<Value> {
    let cls = cls_of(args)?;
    let [iterable, r] = keywords(name, &args[1..], kwargs, ["iterable", "r"], 2)?;
    let iterable = iterable.ok_or_else(|| missing(name, "iterable", 1))?;
    let r = r.ok_or_else(|| missing(name, "r", 2))?;
    let pool = vm.collect_iterable(&iterable)?;
    let r = ssize(vm, &r)?;
    if r < 0 {
        return Err(PyErr::value_error("r must be non-negative"));
    }
    let r = r as usize;
    let n = pool.len();
    let mut state = pool_state(pool, r);
    if name == "combinations" {
        state.indices = (0..r).collect();
    } else {
        state.indices = vec![0; r];
        state.stopped = n == 0 && r > 0;
    }
    Ok(new_instance(vm, &cls, state))
}

fn combinations_next(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Combinatoric>(args, "itertools.combinations", "__next__")?;
    let mut guard = st.borrow_mut();
    let s = &mut *guard;
    if s.stopped {
        return Err(stop());
    }
    let pool = s.pools[0].clone();
    let (n, r) = (pool.len(), s.r);
    match &mut s.result {
        None => {
            let res: Vec<Value> = pool[..r].to_vec();
            s.result = Some(res.clone());
            Ok(tuple(res))
        }
        Some(result) => {
            let Some(i) = (0..r).rev().find(|&i| s.indices[i] != i + n - r) else {
                s.stopped = true;
                return Err(stop());
            };
            s.indices[i] += 1;
            for j in i + 1..r {
                s.indices[j] = s.indices[j - 1] + 1;
            }
            for j in i..r {
                result[j] = pool[s.indices[j]].clone();
            }
            Ok(tuple(result.clone()))
        }
    }
}

fn cwr_next(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Combinatoric>(args, "itertools.combinations_with_replacement", "__next__")?;
    let mut guard = st.borrow_mut();
    let s = &mut *guard;
    if s.stopped {
        return Err(stop());
    }
    let pool = s.pools[0].clone();
    let (n, r) = (pool.len(), s.r);
    match &mut s.result {
        None => {
            let res: Vec<Value> = if r > 0 { vec![pool[0].clone(); r] } else { Vec::new() };
            s.result = Some(res.clone());
            Ok(tuple(res))
        }
        Some(result) => {
            let Some(i) = (0..r).rev().find(|&i| s.indices[i] != n - 1) else {
                s.stopped = true;
                return Err(stop());
            };
            let index = s.indices[i] + 1;
            for (slot, idx) in result[i..r].iter_mut().zip(&mut s.indices[i..r]) {
                *idx = index;
                *slot = pool[index].clone();
            }
            Ok(tuple(result.clone()))
        }
    }
}
