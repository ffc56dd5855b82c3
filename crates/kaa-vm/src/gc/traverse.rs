//! Each object's references, as the cycle collector sees them.
//!
//! `for_each_reference` must report every strong reference an object holds *at most once per
//! strong count it owns*: reporting a reference the object does not own could make a live object
//! look unreachable. Missing one is harmless (its target just looks externally referenced).
//!
//! Objects of untracked kinds (tuples, closure cell arrays, bound methods, ...) that are owned by
//! exactly one reference are looked through: their references count as their owner's. That lets
//! a cycle through `([],)` or a function's closure be found without tracking every tuple.

use crate::objects::iter::IterState;
use crate::value::Value;
use std::rc::Rc;

/// A node reached while looking through an owner: a value, or a closure's array of cells.
pub enum Node {
    Value(Value),
    Cells(crate::objects::function::Cells),
}

pub fn strong_count(v: &Value) -> usize {
    match v {
        Value::List(r) => Rc::strong_count(r),
        Value::Dict(r) => Rc::strong_count(r),
        Value::Instance(r) => Rc::strong_count(r),
        Value::Function(r) => Rc::strong_count(r),
        Value::Type(r) => Rc::strong_count(r),
        Value::Generator(r) => Rc::strong_count(r),
        Value::Set(r) => Rc::strong_count(r),
        Value::Cell(r) => Rc::strong_count(r),
        Value::Tuple(r) => Rc::strong_count(r),
        Value::BoundMethod(r) => Rc::strong_count(r),
        Value::Property(r) => Rc::strong_count(r),
        Value::ClassMethod(r) | Value::StaticMethod(r) => Rc::strong_count(r),
        Value::Super(r) => Rc::strong_count(r),
        Value::Iterator(r) => Rc::strong_count(r),
        Value::Slice(r) => Rc::strong_count(r),
        Value::Exception(r) => Rc::strong_count(r),
        Value::WeakRef(r) => Rc::strong_count(r),
        Value::Frame(r) => Rc::strong_count(r),
        Value::Traceback(r) => Rc::strong_count(r),
        _ => usize::MAX,
    }
}

/// Kinds the collector looks through when they have a single owner.
fn is_see_through(v: &Value) -> bool {
    matches!(
        v,
        Value::Tuple(_)
            | Value::BoundMethod(_)
            | Value::Property(_)
            | Value::ClassMethod(_)
            | Value::StaticMethod(_)
            | Value::Super(_)
            | Value::Iterator(_)
            | Value::Slice(_)
            | Value::Exception(_)
            | Value::WeakRef(_)
            | Value::Traceback(_)
    )
}

/// Calls `visit` with every object `v` references (looking through singly-owned untracked
/// objects). `work` is scratch space, passed in to reuse its allocation.
pub fn for_each_reference(v: &Value, work: &mut Vec<Node>, visit: &mut dyn FnMut(&Value)) {
    work.clear();
    direct_references(v, work);
    while let Some(node) = work.pop() {
        match node {
            // The array holds one strong count of each cell; it is ours to look through when
            // `work`'s handle and the owner's are its only two.
            Node::Cells(cells) => {
                if Rc::strong_count(&cells) == 2 {
                    work.extend(cells.iter().map(|c| Node::Value(Value::Cell(c.clone()))));
                }
            }
            Node::Value(child) => {
                // `work` holds one extra count of `child`.
                if is_see_through(&child) && strong_count(&child) == 2 {
                    direct_references(&child, work);
                } else {
                    visit(&child);
                }
            }
        }
    }
}

/// Counts what CPython would report as unreachable: the tracked objects, plus the singly-owned
/// tuples, closure tuples and other containers looked through inside them.
pub fn count_unreachable(candidates: &[Value], unreachable: &[bool]) -> usize {
    let mut count = 0;
    let mut work = Vec::new();
    for (v, &dead) in candidates.iter().zip(unreachable) {
        if !dead {
            continue;
        }
        count += 1;
        work.clear();
        direct_references(v, &mut work);
        while let Some(node) = work.pop() {
            match node {
                Node::Cells(cells) => {
                    if Rc::strong_count(&cells) == 2 {
                        count += 1;
                        work.extend(cells.iter().map(|c| Node::Value(Value::Cell(c.clone()))));
                    }
                }
                Node::Value(child) => {
                    if is_see_through(&child) && strong_count(&child) == 2 {
                        if counted_by_cpython(&child) {
                            count += 1;
                        }
                        direct_references(&child, &mut work);
                    }
                }
            }
        }
    }
    count
}

/// CPython's collector tracks tuples only while they hold containers.
fn counted_by_cpython(v: &Value) -> bool {
    match v {
        Value::Tuple(items) => {
            items.iter().any(|x| strong_count(x) != usize::MAX && !matches!(x, Value::Str(_)))
        }
        Value::Slice(_) | Value::Iterator(_) => false,
        _ => true,
    }
}

fn push_dict(d: &crate::objects::dict::DictObject, out: &mut Vec<Node>) {
    d.for_each_entry(&mut |k, v| {
        out.push(Node::Value(k.clone()));
        out.push(Node::Value(v.clone()));
    });
}

/// The references `v` holds itself.
fn direct_references(v: &Value, out: &mut Vec<Node>) {
    match v {
        Value::List(l) => {
            if let Ok(items) = l.try_borrow() {
                out.extend(items.iter().map(|x| Node::Value(x.clone())));
            }
        }
        Value::Tuple(items) => out.extend(items.iter().map(|x| Node::Value(x.clone()))),
        Value::Dict(d) => push_dict(d, out),
        Value::Instance(i) => {
            out.push(Node::Value(Value::Type(i.class.clone())));
            // The `__dict__` is the instance's own unless `obj.__dict__` was handed out and kept
            // (then it is an untracked object referenced from outside: conservative).
            if std::rc::Rc::strong_count(&i.dict) == 1 {
                push_dict(&i.dict, out);
            } else {
                out.push(Node::Value(Value::Dict(i.dict.clone())));
            }
            if let Ok(slots) = i.slots.try_borrow() {
                out.extend(slots.iter().map(|x| Node::Value(x.clone())));
            }
            if let Some(data) = i.native.get() {
                data.traverse(&mut |x| out.push(Node::Value(x.clone())));
            }
        }
        Value::Function(f) => {
            out.push(Node::Value(Value::Dict(f.globals.clone())));
            out.extend(f.defaults.iter().map(|x| Node::Value(x.clone())));
            out.extend(f.kwdefaults.iter().map(|(_, x)| Node::Value(x.clone())));
            out.extend(f.annotations.iter().map(|(_, x)| Node::Value(x.clone())));
            out.push(Node::Cells(f.closure.clone()));
            push_dict(&f.dict, out);
        }
        Value::Type(t) => {
            out.extend(t.bases.iter().map(|b| Node::Value(Value::Type(b.clone()))));
            out.extend(t.mro_tail.iter().map(|b| Node::Value(Value::Type(b.clone()))));
            push_dict(&t.dict, out);
            if let Ok(m) = t.module.try_borrow() {
                out.extend(m.iter().map(|x| Node::Value(x.clone())));
            }
        }
        Value::Generator(g) => {
            if let Ok(saved) = g.saved.try_borrow() {
                if let Some((frame, values)) = saved.parts() {
                    frame.gc_references(&mut |n| out.push(n));
                    out.extend(values.iter().map(|x| Node::Value(x.clone())));
                }
            }
        }
        Value::Set(s) => {
            if let Ok(t) = s.table.try_borrow() {
                out.extend(t.keys().into_iter().map(Node::Value));
            }
        }
        Value::Cell(c) => {
            if let Ok(x) = c.try_borrow() {
                out.push(Node::Value(x.clone()));
            }
        }
        Value::BoundMethod(m) => {
            out.push(Node::Value(m.0.clone()));
            out.push(Node::Value(m.1.clone()));
        }
        Value::Property(p) => {
            out.push(Node::Value(p.fget.clone()));
            out.push(Node::Value(p.fset.clone()));
            out.push(Node::Value(p.fdel.clone()));
        }
        Value::ClassMethod(f) | Value::StaticMethod(f) => out.push(Node::Value((**f).clone())),
        Value::Super(s) => {
            out.push(Node::Value(Value::Type(s.start.clone())));
            out.push(Node::Value(s.obj.clone()));
            out.push(Node::Value(Value::Type(s.obj_type.clone())));
        }
        Value::Iterator(it) => {
            if let Ok(state) = it.try_borrow() {
                match &*state {
                    IterState::List { list, .. } => out.push(Node::Value(Value::List(list.clone()))),
                    IterState::Values { items, .. } => out.push(Node::Value(Value::Tuple(items.clone()))),
                    IterState::Enumerate { inner, .. } => out.push(Node::Value(inner.clone())),
                    _ => {}
                }
            }
        }
        Value::Slice(s) => {
            out.push(Node::Value(s.0.clone()));
            out.push(Node::Value(s.1.clone()));
            out.push(Node::Value(s.2.clone()));
        }
        Value::Exception(e) => {
            out.push(Node::Value(Value::Type(e.class.clone())));
            if let Ok(args) = e.args.try_borrow() {
                out.extend(args.iter().map(|x| Node::Value(x.clone())));
            }
            for link in [&e.context, &e.cause] {
                if let Ok(l) = link.try_borrow() {
                    out.extend(l.iter().map(|x| Node::Value(Value::Exception(x.clone()))));
                }
            }
            push_dict(&e.dict, out);
            if let Ok(tb) = e.traceback.try_borrow() {
                out.extend(tb.iter().map(|t| Node::Value(Value::Traceback(t.clone()))));
            }
        }
        Value::Traceback(t) => {
            out.push(Node::Value(Value::Frame(t.frame.clone())));
            if let Ok(next) = t.next.try_borrow() {
                out.extend(next.iter().map(|n| Node::Value(Value::Traceback(n.clone()))));
            }
        }
        Value::Frame(f) => {
            out.push(Node::Value(Value::Dict(f.globals.clone())));
            out.extend(f.back.iter().map(|b| Node::Value(Value::Frame(b.clone()))));
            if let Ok(locals) = f.locals.try_borrow() {
                // The recorded locals are the frame's own unless `f_locals` was handed out.
                match locals.as_ref() {
                    Some(d) if Rc::strong_count(d) == 1 => push_dict(d, out),
                    Some(d) => out.push(Node::Value(Value::Dict(d.clone()))),
                    None => {}
                }
            }
        }
        Value::WeakRef(w) => {
            if let Ok(cb) = w.callback.try_borrow() {
                out.push(Node::Value(cb.clone()));
            }
        }
        _ => {}
    }
}

/// Empties an unreachable container, moving what it held into `bin` (dropped by the caller once
/// no borrow is active).
pub fn clear(v: &Value, bin: &mut Vec<Value>) {
    match v {
        Value::List(l) => {
            if let Ok(mut items) = l.try_borrow_mut() {
                bin.append(&mut items);
            }
        }
        Value::Dict(d) => d.take_all(bin),
        Value::Instance(i) => {
            // A `__dict__` someone else holds is alive: leave it alone.
            if Rc::strong_count(&i.dict) == 1 {
                i.dict.take_all(bin);
            }
            if let Ok(mut slots) = i.slots.try_borrow_mut() {
                bin.extend(slots.iter_mut().map(|x| std::mem::replace(x, Value::Null)));
            }
            if let Some(data) = i.native.get() {
                data.clear(bin);
            }
        }
        Value::Function(f) => f.dict.take_all(bin),
        Value::Type(t) => {
            t.dict.take_all(bin);
            if let Ok(mut m) = t.module.try_borrow_mut() {
                bin.extend(m.take());
            }
        }
        Value::Generator(g) => {
            let taken = g.saved.try_borrow_mut().ok().and_then(|mut saved| saved.take());
            if let Some((frame, values)) = taken {
                g.state.set(crate::objects::generator::GenState::Finished);
                bin.extend(values);
                // The frame's own references (cells, globals) go with it, outside the borrow.
                drop(frame);
            }
        }
        Value::Set(s) => {
            if let Ok(mut t) = s.table.try_borrow_mut() {
                bin.extend(std::mem::take(&mut *t).keys());
            }
        }
        Value::Cell(c) => {
            if let Ok(mut x) = c.try_borrow_mut() {
                bin.push(std::mem::replace(&mut *x, Value::Null));
            }
        }
        Value::Frame(f) => {
            let taken = f.locals.try_borrow_mut().ok().and_then(|mut l| l.take());
            bin.extend(taken.map(Value::Dict));
        }
        _ => {}
    }
}
