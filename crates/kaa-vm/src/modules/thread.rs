//! `_thread`: locks and thread identity for `threading`. Kaa's interpreter is single-threaded
//! (its objects are `Rc`), so `start_new_thread` runs the function to completion at once, as a
//! *virtual thread* with its own identity: `threading.Thread(...).start()` then `join()` behave
//! as in CPython for work that does not wait on other threads. A blocking acquire of a lock
//! that is held could never succeed, so it raises RuntimeError instead of hanging (with a
//! timeout it waits the timeout out and fails, as it would in CPython).

use crate::builtins::{clinic, native_self, native_type, new_native_instance, Kwargs};
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::function::NativeFn;
use crate::objects::types::NativeData;
use crate::value::Value;
use std::cell::Cell;
use std::rc::Rc;

/// `_thread.lock`: held or not.
struct Lock {
    held: Cell<bool>,
}

impl NativeData for Lock {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `_thread.RLock`: the owning thread and how many times it acquired.
struct RLock {
    owner: Cell<i64>,
    count: Cell<u64>,
}

impl NativeData for RLock {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Where the module keeps the stack of running virtual threads (their idents).
const RUNNING_KEY: &str = " running";
const TIMEOUT_MAX: f64 = 9223372036.0;

fn module_dict(vm: &Vm) -> Option<Rc<DictObject>> {
    match vm.modules.get_str("_thread") {
        Some(Value::Module(m)) => Some(m.dict.clone()),
        _ => None,
    }
}

fn main_ident() -> i64 {
    // SAFETY: pthread_self cannot fail.
    unsafe { libc::pthread_self() as i64 }
}

/// The ident of the running (virtual) thread.
pub fn current_ident(vm: &Vm) -> i64 {
    if let Some(d) = module_dict(vm) {
        if let Some(Value::List(l)) = d.get_str(RUNNING_KEY) {
            if let Some(Value::Int(i)) = l.borrow().last() {
                return *i;
            }
        }
    }
    main_ident()
}

/// `acquire(blocking=True, timeout=-1)`'s arguments: whether to wait and for how long.
fn acquire_args(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<(bool, Option<f64>)> {
    let [blocking, timeout] =
        clinic("acquire", &args[1.min(args.len())..], kwargs, ["blocking", "timeout"], 2, 0)?;
    let blocking = match blocking {
        Some(v) => vm.truthy(&v)?,
        None => true,
    };
    let timeout = match timeout {
        None => -1.0,
        Some(Value::Int(i)) => i as f64,
        Some(Value::Float(f)) => f,
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )))
        }
    };
    if !blocking && timeout != -1.0 {
        return Err(PyErr::value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(PyErr::value_error("timeout value must be a non-negative number"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(PyErr::new(ExcKind::OverflowError, "timeout value is too large"));
    }
    Ok((blocking, if timeout < 0.0 { None } else { Some(timeout) }))
}

/// What waiting for a lock nobody else can release comes to.
fn wait_in_vain(blocking: bool, timeout: Option<f64>) -> PyResult<Value> {
    if !blocking {
        return Ok(Value::Bool(false));
    }
    match timeout {
        Some(t) => {
            std::thread::sleep(std::time::Duration::from_secs_f64(t.min(TIMEOUT_MAX)));
            Ok(Value::Bool(false))
        }
        None => Err(PyErr::new(
            ExcKind::RuntimeError,
            "deadlock: waiting for a lock that no other thread can release (Kaa runs each thread to completion when it starts)",
        )),
    }
}

fn lock<'a>(args: &'a [Value], method: &str) -> PyResult<&'a Lock> {
    native_self::<Lock>(args, "_thread.lock", method)
}

fn lock_acquire(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    lock(args, "acquire")?;
    let (blocking, timeout) = acquire_args(vm, args, kwargs)?;
    let me = lock(args, "acquire")?;
    if !me.held.get() {
        me.held.set(true);
        return Ok(Value::Bool(true));
    }
    wait_in_vain(blocking, timeout)
}

fn lock_release(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = lock(args, "release")?;
    if !me.held.get() {
        return Err(PyErr::new(ExcKind::RuntimeError, "release unlocked lock"));
    }
    me.held.set(false);
    Ok(Value::None)
}

fn lock_repr(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = lock(args, "__repr__")?;
    let state = if me.held.get() { "locked" } else { "unlocked" };
    let addr = match &args[0] {
        Value::Instance(i) => Rc::as_ptr(i) as usize,
        _ => 0,
    };
    Ok(Value::str(&format!("<{state} _thread.lock object at {addr:#x}>")))
}

fn new_lock(vm: &mut Vm) -> PyResult<Value> {
    let class = own_type(vm, "LockType")?;
    Ok(new_native_instance(vm, &class, Box::new(Lock { held: Cell::new(false) })))
}

fn own_type(vm: &Vm, name: &str) -> PyResult<Rc<crate::objects::types::TypeObject>> {
    match module_dict(vm).and_then(|d| d.get_str(name)) {
        Some(Value::Type(t)) => Ok(t),
        _ => Err(PyErr::new(ExcKind::SystemError, format!("_thread lost its {name} type"))),
    }
}

fn rlock<'a>(args: &'a [Value], method: &str) -> PyResult<&'a RLock> {
    native_self::<RLock>(args, "_thread.RLock", method)
}

fn rlock_acquire(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    rlock(args, "acquire")?;
    let (blocking, timeout) = acquire_args(vm, args, kwargs)?;
    let me = rlock(args, "acquire")?;
    let ident = current_ident(vm);
    if me.count.get() == 0 || me.owner.get() == ident {
        me.owner.set(ident);
        me.count.set(me.count.get() + 1);
        return Ok(Value::Bool(true));
    }
    wait_in_vain(blocking, timeout)
}

fn rlock_release(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = rlock(args, "release")?;
    if me.count.get() == 0 || me.owner.get() != current_ident(vm) {
        return Err(PyErr::new(ExcKind::RuntimeError, "cannot release un-acquired lock"));
    }
    me.count.set(me.count.get() - 1);
    Ok(Value::None)
}

fn rlock_new(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let Some(Value::Type(cls)) = args.first() else {
        return Err(PyErr::type_error("RLock.__new__(X): X is not a type object"));
    };
    Ok(new_native_instance(vm, cls, Box::new(RLock { owner: Cell::new(0), count: Cell::new(0) })))
}

fn rlock_repr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = rlock(args, "__repr__")?;
    let Value::Instance(inst) = &args[0] else { return Ok(Value::None) };
    let class = match &*inst.class.module.borrow() {
        Some(Value::Str(m)) => format!("{m}.{}", inst.class.name),
        _ => inst.class.name.to_string(),
    };
    let state = if me.count.get() > 0 { "locked" } else { "unlocked" };
    let _ = vm;
    Ok(Value::str(&format!(
        "<{state} {class} object owner={} count={} at {:#x}>",
        if me.count.get() > 0 { me.owner.get() } else { 0 },
        me.count.get(),
        Rc::as_ptr(inst) as usize
    )))
}

/// `start_new_thread(function, args, kwargs={})`: runs `function` now, as a new virtual
/// thread; an exception it lets escape is reported as CPython reports one in a thread.
fn start_new_thread(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("start_new_thread", kwargs)?;
    crate::builtins::arity("start_new_thread", args, 2, 3)?;
    let func = args[0].clone();
    let Value::Tuple(call_args) = &args[1] else {
        return Err(PyErr::type_error("2nd arg must be a tuple"));
    };
    let call_kwargs = match args.get(2) {
        None => Vec::new(),
        Some(Value::Dict(d)) => {
            let mut out = Vec::new();
            for (k, v) in d.items() {
                let Value::Str(k) = k else { return Err(PyErr::type_error("keywords must be strings")) };
                out.push((k, v));
            }
            out
        }
        Some(_) => return Err(PyErr::type_error("optional 3rd arg must be a dictionary")),
    };
    let dict = module_dict(vm).ok_or_else(|| PyErr::new(ExcKind::SystemError, "_thread is not imported"))?;
    let Some(Value::List(running)) = dict.get_str(RUNNING_KEY) else {
        return Err(PyErr::new(ExcKind::SystemError, "_thread lost its thread table"));
    };
    let serial = match dict.get_str(" serial") {
        Some(Value::Int(n)) => n + 1,
        _ => 1,
    };
    dict.set_str(" serial", Value::Int(serial));
    let ident = main_ident().wrapping_add(serial * 0x1000);
    running.borrow_mut().push(Value::Int(ident));
    let result = vm.call_value(&func, call_args.to_vec(), call_kwargs);
    running.borrow_mut().pop();
    if let Err(e) = result {
        let exc = vm.materialize(e);
        if !exc.class.is_subclass(&vm.exception_type(ExcKind::SystemExit)) {
            vm.report_unraisable("Exception ignored in thread started by", &func, &exc);
        }
    }
    Ok(Value::Int(ident))
}

fn count(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    let n = match module_dict(vm).and_then(|d| d.get_str(RUNNING_KEY)) {
        Some(Value::List(l)) => l.borrow().len(),
        _ => 0,
    };
    Ok(Value::Int(n as i64))
}

pub fn init(vm: &mut Vm, dict: &DictObject) {
    let lock_methods: &[(&'static str, NativeFn)] = &[
        ("acquire", lock_acquire),
        ("acquire_lock", lock_acquire),
        ("__enter__", lock_acquire),
        ("release", lock_release),
        ("release_lock", lock_release),
        ("__exit__", lock_release),
        ("locked", |_, a, _| Ok(Value::Bool(lock(a, "locked")?.held.get()))),
        ("locked_lock", |_, a, _| Ok(Value::Bool(lock(a, "locked_lock")?.held.get()))),
        ("_at_fork_reinit", |_, a, _| {
            lock(a, "_at_fork_reinit")?.held.set(false);
            Ok(Value::None)
        }),
        ("__repr__", lock_repr),
    ];
    let t = native_type(&vm.types.object, "lock", None, lock_methods);
    *t.module.borrow_mut() = Some(Value::str("_thread"));
    dict.set_str("LockType", Value::Type(t));
    let rlock_methods: &[(&'static str, NativeFn)] = &[
        ("acquire", rlock_acquire),
        ("__enter__", rlock_acquire),
        ("release", rlock_release),
        ("__exit__", rlock_release),
        ("_is_owned", |vm, a, _| {
            let me = rlock(a, "_is_owned")?;
            Ok(Value::Bool(me.count.get() > 0 && me.owner.get() == current_ident(vm)))
        }),
        ("_release_save", |vm, a, _| {
            let me = rlock(a, "_release_save")?;
            if me.count.get() == 0 {
                return Err(PyErr::new(ExcKind::RuntimeError, "cannot release un-acquired lock"));
            }
            let state =
                Value::Tuple(Rc::new(vec![Value::Int(me.count.get() as i64), Value::Int(me.owner.get())]));
            me.count.set(0);
            let _ = vm;
            Ok(state)
        }),
        ("_acquire_restore", |_, a, _| {
            let me = rlock(a, "_acquire_restore")?;
            if let Some(Value::Tuple(t)) = a.get(1) {
                if let (Some(Value::Int(c)), Some(Value::Int(o))) = (t.first(), t.get(1)) {
                    me.count.set(*c as u64);
                    me.owner.set(*o);
                }
            }
            Ok(Value::None)
        }),
        ("_at_fork_reinit", |_, a, _| {
            rlock(a, "_at_fork_reinit")?.count.set(0);
            Ok(Value::None)
        }),
        ("__repr__", rlock_repr),
    ];
    let t = native_type(&vm.types.object, "RLock", Some(rlock_new), rlock_methods);
    *t.module.borrow_mut() = Some(Value::str("_thread"));
    dict.set_str("RLock", Value::Type(t));
    let local = native_type(&vm.types.object, "_local", None, &[]);
    *local.module.borrow_mut() = Some(Value::str("_thread"));
    dict.set_str("_local", Value::Type(local));
    let functions: &[(&str, NativeFn)] = &[
        ("allocate_lock", |vm, _, _| new_lock(vm)),
        ("allocate", |vm, _, _| new_lock(vm)),
        ("_set_sentinel", |vm, _, _| new_lock(vm)),
        ("get_ident", |vm, _, _| Ok(Value::Int(current_ident(vm)))),
        ("get_native_id", |_, _, _| {
            // SAFETY: gettid cannot fail.
            Ok(Value::Int(unsafe { libc::gettid() } as i64))
        }),
        ("start_new_thread", start_new_thread),
        ("start_new", start_new_thread),
        ("_count", count),
        ("stack_size", |_, _, _| Ok(Value::Int(0))),
        ("interrupt_main", |_, _, _| {
            crate::interrupt::request();
            Ok(Value::None)
        }),
        ("exit", |_, _, _| Err(PyErr::new(ExcKind::SystemExit, ""))),
        ("daemon_threads_allowed", |_, _, _| Ok(Value::Bool(true))),
    ];
    super::add_functions(dict, functions);
    dict.set_str("TIMEOUT_MAX", Value::Float(TIMEOUT_MAX));
    dict.set_str("error", Value::Type(vm.exception_type(ExcKind::RuntimeError)));
    let running = vm.new_list(Vec::new());
    dict.set_str(RUNNING_KEY, running);
}
