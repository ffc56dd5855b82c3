//! `functools._lru_cache_wrapper` as a native class (part of `_functools`), with CPython's
//! three strategies: no cache (`maxsize=0`), unbounded (`maxsize=None`) and a bounded
//! least-recently-used cache. Keys are made as `_make_key` makes them (a lone str or int
//! argument is its own key; `typed` adds the argument types), so equal arguments share an
//! entry. The bounded cache is a dict from key to a slot of a doubly linked list ordered from
//! least to most recently used, as in CPython.

use super::native_class::{add_class, cls_of, new_instance, state, tuple, Slots};
use crate::builtins::Kwargs;
use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::key_lookup::{dict_get, dict_remove, dict_set};
use crate::value::Value;
use std::rc::Rc;

const CLASS: &str = "functools._lru_cache_wrapper";
const KWD_MARK: &str = "functools._lru_kwd_mark";
const NIL: usize = usize::MAX;

struct Link {
    key: Value,
    result: Value,
    prev: usize,
    next: usize,
}

struct Lru {
    func: Value,
    /// None: unbounded; Some(0): no caching.
    maxsize: Option<usize>,
    typed: bool,
    cache_info_type: Value,
    /// key -> result (unbounded) or key -> index in `links` (bounded).
    cache: Rc<DictObject>,
    links: Vec<Link>,
    /// Least and most recently used links.
    oldest: usize,
    newest: usize,
    hits: i64,
    misses: i64,
}

impl Slots for Lru {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        f(&mut self.func);
        f(&mut self.cache_info_type);
        let mut cache = Value::Dict(self.cache.clone());
        f(&mut cache);
        for link in &mut self.links {
            f(&mut link.key);
            f(&mut link.result);
        }
    }
}

impl Lru {
    fn unlink(&mut self, i: usize) {
        let (prev, next) = (self.links[i].prev, self.links[i].next);
        match prev {
            NIL => self.oldest = next,
            p => self.links[p].next = next,
        }
        match next {
            NIL => self.newest = prev,
            n => self.links[n].prev = prev,
        }
    }
    fn push_newest(&mut self, i: usize) {
        self.links[i].prev = self.newest;
        self.links[i].next = NIL;
        match self.newest {
            NIL => self.oldest = i,
            n => self.links[n].next = i,
        }
        self.newest = i;
    }
}

pub fn init(vm: &mut Vm, dict: &DictObject) {
    let t = add_class(
        vm,
        dict,
        "functools",
        "_lru_cache_wrapper",
        Some(lru_new),
        &[
            ("__call__", lru_call),
            ("cache_info", cache_info),
            ("cache_clear", cache_clear),
            ("__get__", lru_get),
            ("__copy__", |_, a, _| Ok(a.first().cloned().unwrap_or(Value::None))),
            ("__deepcopy__", |_, a, _| Ok(a.first().cloned().unwrap_or(Value::None))),
        ],
    );
    vm.native_classes.insert(CLASS, t);
    // A private class object serves as the unique marker between positional and keyword
    // arguments in keys.
    let mark = crate::builtins::native_type(&vm.types.object, "_kwd_mark", None, &[]);
    vm.native_classes.insert(KWD_MARK, mark);
}

fn lru_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    let [func, maxsize, typed, info] = crate::builtins::clinic(
        "_lru_cache_wrapper",
        &args[1..],
        kwargs,
        ["user_function", "maxsize", "typed", "cache_info_type"],
        4,
        4,
    )?;
    let func = func.unwrap_or(Value::None);
    if !crate::builtins::functions::is_callable(vm, &func) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    let maxsize = match maxsize.unwrap_or(Value::None) {
        Value::None => None,
        v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => {
            let n = crate::objects::args::ssize_arg(vm, &v)?;
            Some(n.max(0) as usize)
        }
        _ => return Err(PyErr::type_error("maxsize should be integer or None")),
    };
    let typed = vm.truthy(&typed.unwrap_or(Value::None))?;
    let cache = match vm.new_dict(DictObject::new()) {
        Value::Dict(d) => d,
        _ => Rc::new(DictObject::new()),
    };
    let st = Lru {
        func,
        maxsize,
        typed,
        cache_info_type: info.unwrap_or(Value::None),
        cache,
        links: Vec::new(),
        oldest: NIL,
        newest: NIL,
        hits: 0,
        misses: 0,
    };
    Ok(new_instance(vm, &cls, st))
}

/// `_make_key`: the cache key of a call.
fn make_key(vm: &Vm, args: &[Value], kwargs: &Kwargs, typed: bool) -> PyResult<Value> {
    if !typed && kwargs.is_empty() {
        if let [one @ (Value::Str(_) | Value::Int(_) | Value::BigInt(_))] = args {
            return Ok(one.clone());
        }
        return Ok(tuple(args.to_vec()));
    }
    let mut key = args.to_vec();
    if !kwargs.is_empty() {
        let mark = super::native_class::class_named(vm, KWD_MARK)?;
        key.push(Value::Type(mark));
        for (k, v) in kwargs {
            key.push(Value::Str(k.clone()));
            key.push(v.clone());
        }
    }
    if typed {
        for a in args {
            key.push(Value::Type(vm.type_of(a)));
        }
        for (_, v) in kwargs {
            key.push(Value::Type(vm.type_of(v)));
        }
    }
    Ok(tuple(key))
}

fn lru_call(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = state::<Lru>(args, CLASS, "__call__")?;
    let call_args = &args[1..];
    let (func, maxsize, typed, cache) = {
        let s = st.borrow();
        (s.func.clone(), s.maxsize, s.typed, s.cache.clone())
    };
    let kw = || kwargs.to_vec();
    if maxsize == Some(0) {
        st.borrow_mut().misses += 1;
        return vm.call_value(&func, call_args.to_vec(), kw());
    }
    let key = make_key(vm, call_args, kwargs, typed)?;
    let found = dict_get(vm, &cache, &key)?;
    match maxsize {
        None => {
            if let Some(result) = found {
                st.borrow_mut().hits += 1;
                return Ok(result);
            }
            st.borrow_mut().misses += 1;
            let result = vm.call_value(&func, call_args.to_vec(), kw())?;
            dict_set(vm, &cache, key, result.clone())?;
            Ok(result)
        }
        Some(max) => {
            if let Some(Value::Int(i)) = found {
                let mut s = st.borrow_mut();
                let i = i as usize;
                if i < s.links.len() {
                    s.hits += 1;
                    s.unlink(i);
                    s.push_newest(i);
                    return Ok(s.links[i].result.clone());
                }
            }
            st.borrow_mut().misses += 1;
            let result = vm.call_value(&func, call_args.to_vec(), kw())?;
            // The function may have cached this key itself meanwhile (re-entrant calls).
            if dict_get(vm, &cache, &key)?.is_some() {
                return Ok(result);
            }
            let full = st.borrow().links.len() >= max;
            let index = if full {
                let (oldest, old_key) = {
                    let s = st.borrow();
                    (s.oldest, s.links.get(s.oldest).map(|l| l.key.clone()))
                };
                if let Some(old_key) = old_key {
                    dict_remove(vm, &cache, &old_key)?;
                }
                let mut s = st.borrow_mut();
                s.unlink(oldest);
                let old = std::mem::replace(
                    &mut s.links[oldest],
                    Link { key: key.clone(), result: result.clone(), prev: NIL, next: NIL },
                );
                s.push_newest(oldest);
                drop(s);
                drop(old); // may run __del__ of the evicted key or result
                oldest
            } else {
                let mut s = st.borrow_mut();
                s.links.push(Link { key: key.clone(), result: result.clone(), prev: NIL, next: NIL });
                let i = s.links.len() - 1;
                s.push_newest(i);
                i
            };
            dict_set(vm, &cache, key, Value::Int(index as i64))?;
            Ok(result)
        }
    }
}

fn cache_info(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Lru>(args, CLASS, "cache_info")?;
    let (info, values) = {
        let s = st.borrow();
        let maxsize = s.maxsize.map_or(Value::None, |m| Value::Int(m as i64));
        let size = if s.maxsize.is_some() { s.links.len() } else { s.cache.len() };
        (
            s.cache_info_type.clone(),
            vec![Value::Int(s.hits), Value::Int(s.misses), maxsize, Value::Int(size as i64)],
        )
    };
    vm.call_value(&info, values, vec![])
}

fn cache_clear(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Lru>(args, CLASS, "cache_clear")?;
    let (cache, links) = {
        let mut s = st.borrow_mut();
        s.hits = 0;
        s.misses = 0;
        s.oldest = NIL;
        s.newest = NIL;
        (s.cache.clone(), std::mem::take(&mut s.links))
    };
    cache.clear();
    drop(links);
    Ok(Value::None)
}

/// Binds like a function: through an instance it becomes a bound method.
fn lru_get(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    match args {
        [me, Value::None, ..] | [me] => Ok(me.clone()),
        [me, obj, ..] => Ok(Value::BoundMethod(Rc::new((me.clone(), obj.clone())))),
        [] => Ok(Value::None),
    }
}
