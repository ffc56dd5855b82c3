//! `_heapq`: the heap operations on lists, with CPython's exact sift order (so heaps built
//! from equal-comparing items come out in CPython's layout) and its "list changed size" check.

use super::native_class::{check_arity, no_kwargs};
use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::value::Value;
use kaa_bytecode::opcode::CompareKind;
use std::cell::RefCell;
use std::rc::Rc;

type List = Rc<RefCell<Vec<Value>>>;

pub fn init(dict: &DictObject) {
    super::add_functions(
        dict,
        &[
            ("heappush", heappush),
            ("heappop", |vm, a, k| heappop(vm, a, k, false)),
            ("heapify", |vm, a, k| heapify(vm, a, k, false)),
            ("heapreplace", |vm, a, k| heapreplace(vm, a, k, false)),
            ("heappushpop", heappushpop),
            ("_heappop_max", |vm, a, k| heappop(vm, a, k, true)),
            ("_heapify_max", |vm, a, k| heapify(vm, a, k, true)),
            ("_heapreplace_max", |vm, a, k| heapreplace(vm, a, k, true)),
        ],
    );
    dict.set_str(
        "__about__",
        Value::str("Heap queues: min-heaps over lists (heap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2])."),
    );
}

fn heap_arg(name: &str, args: &[Value], kwargs: &Kwargs, n: usize) -> PyResult<List> {
    no_kwargs(name, kwargs)?;
    check_arity(name, args.len(), n, n)?;
    match &args[0] {
        Value::List(l) => Ok(l.clone()),
        other => Err(not_list(name, other, n > 1)),
    }
}

/// Argument Clinic's "heappush() argument 1 must be list, not tuple".
#[cold]
fn not_list(name: &str, got: &Value, numbered: bool) -> PyErr {
    let which = if numbered { "argument 1" } else { "argument" };
    let got = if matches!(got, Value::None) { "None" } else { got.type_name() };
    PyErr::type_error(format!("{name}() {which} must be list, not {got}"))
}

#[cold]
fn changed() -> PyErr {
    PyErr::new(ExcKind::RuntimeError, "list changed size during iteration")
}

#[cold]
fn out_of_range() -> PyErr {
    PyErr::new(ExcKind::IndexError, "index out of range")
}

/// `a < b` for the min-heap, `b < a` for the max-heap.
fn less(vm: &mut Vm, a: &Value, b: &Value, max: bool) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(if max { y < x } else { x < y }),
        _ if max => vm.compare(CompareKind::Lt, b, a),
        _ => vm.compare(CompareKind::Lt, a, b),
    }
}

fn get(heap: &List, i: usize) -> PyResult<Value> {
    heap.borrow().get(i).cloned().ok_or_else(changed)
}

fn siftdown(vm: &mut Vm, heap: &List, startpos: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = heap.borrow().len();
    while pos > startpos {
        let parentpos = (pos - 1) >> 1;
        let newitem = get(heap, pos)?;
        let parent = get(heap, parentpos)?;
        let lt = less(vm, &newitem, &parent, max)?;
        if size != heap.borrow().len() {
            return Err(changed());
        }
        if !lt {
            break;
        }
        heap.borrow_mut().swap(parentpos, pos);
        pos = parentpos;
    }
    Ok(())
}

fn siftup(vm: &mut Vm, heap: &List, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = heap.borrow().len();
    let startpos = pos;
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let a = get(heap, childpos)?;
            let b = get(heap, childpos + 1)?;
            let lt = less(vm, &a, &b, max)?;
            if !lt {
                childpos += 1;
            }
            if endpos != heap.borrow().len() {
                return Err(changed());
            }
        }
        heap.borrow_mut().swap(childpos, pos);
        pos = childpos;
    }
    siftdown(vm, heap, startpos, pos, max)
}

fn heappush(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let heap = heap_arg("heappush", args, kwargs, 2)?;
    heap.borrow_mut().push(args[1].clone());
    let n = heap.borrow().len();
    siftdown(vm, &heap, 0, n - 1, false)?;
    Ok(Value::None)
}

fn heappop(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, max: bool) -> PyResult<Value> {
    let name = if max { "_heappop_max" } else { "heappop" };
    no_kwargs(name, kwargs)?;
    if args.len() != 1 {
        return Err(PyErr::type_error(format!("{name}() takes exactly one argument ({} given)", args.len())));
    }
    let Value::List(heap) = &args[0] else { return Err(not_list(name, &args[0], false)) };
    let last = heap.borrow_mut().pop().ok_or_else(out_of_range)?;
    if heap.borrow().is_empty() {
        return Ok(last);
    }
    let top = std::mem::replace(&mut heap.borrow_mut()[0], last);
    siftup(vm, heap, 0, max)?;
    Ok(top)
}

fn heapreplace(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, max: bool) -> PyResult<Value> {
    let heap = heap_arg(if max { "_heapreplace_max" } else { "heapreplace" }, args, kwargs, 2)?;
    if heap.borrow().is_empty() {
        return Err(out_of_range());
    }
    let top = std::mem::replace(&mut heap.borrow_mut()[0], args[1].clone());
    siftup(vm, &heap, 0, max)?;
    Ok(top)
}

fn heappushpop(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let heap = heap_arg("heappushpop", args, kwargs, 2)?;
    let item = args[1].clone();
    let Some(top) = heap.borrow().first().cloned() else { return Ok(item) };
    if !less(vm, &top, &item, false)? {
        return Ok(item);
    }
    if heap.borrow().is_empty() {
        return Err(out_of_range());
    }
    let top = std::mem::replace(&mut heap.borrow_mut()[0], item);
    siftup(vm, &heap, 0, false)?;
    Ok(top)
}

fn heapify(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, max: bool) -> PyResult<Value> {
    let name = if max { "_heapify_max" } else { "heapify" };
    no_kwargs(name, kwargs)?;
    if args.len() != 1 {
        return Err(PyErr::type_error(format!("{name}() takes exactly one argument ({} given)", args.len())));
    }
    let Value::List(heap) = &args[0] else { return Err(not_list(name, &args[0], false)) };
    let n = heap.borrow().len();
    if n > 2500 {
        return cache_friendly_heapify(vm, heap, max);
    }
    for i in (0..n >> 1).rev() {
        siftup(vm, heap, i, max)?;
    }
    Ok(Value::None)
}

/// CPython's order for big heaps: subtrees bottom-up, a row at a time, each node followed
/// by its parents while it is a left child.
fn cache_friendly_heapify(vm: &mut Vm, heap: &List, max: bool) -> PyResult<Value> {
    let m = heap.borrow().len() >> 1;
    let leftmost = keep_top_bit(m + 1) - 1;
    let mhalf = m >> 1;
    let climb = |vm: &mut Vm, i: usize| -> PyResult<()> {
        let mut j = i;
        loop {
            siftup(vm, heap, j, max)?;
            if j & 1 == 0 {
                break;
            }
            j >>= 1;
        }
        Ok(())
    };
    for i in (mhalf..leftmost).rev() {
        climb(vm, i)?;
    }
    for i in (leftmost..m).rev() {
        climb(vm, i)?;
    }
    Ok(Value::None)
}

fn keep_top_bit(n: usize) -> usize {
    if n == 0 {
        0
    } else {
        1 << (usize::BITS - 1 - n.leading_zeros())
    }
}
