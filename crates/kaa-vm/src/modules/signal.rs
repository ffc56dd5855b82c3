//! `_signal`: Python signal handlers. A handler set with `signal()` installs a C handler that
//! only records the signal (`interrupt::request_signal`); the interpreter calls the Python
//! handler at its next backward jump (`Vm::run_signal_handlers`), as CPython does between
//! bytecodes.

use crate::builtins::{arity, Kwargs};
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::cint_arg;
use crate::objects::dict::DictObject;
use crate::objects::function::NativeFn;
use crate::value::Value;
use std::rc::Rc;

const NSIG: i32 = 65;
/// Where the module keeps the Python-level handler of each signal (a list indexed by number).
const HANDLERS_KEY: &str = " handlers";

const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGSTKFLT", libc::SIGSTKFLT),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
    ("SIGRTMIN", 34),
    ("SIGRTMAX", 64),
];

extern "C" fn on_signal(signum: libc::c_int) {
    crate::interrupt::request_signal(signum);
}

fn module_dict(vm: &Vm) -> Option<Rc<DictObject>> {
    match vm.modules.get_str("_signal") {
        Some(Value::Module(m)) => Some(m.dict.clone()),
        _ => None,
    }
}

fn handlers(dict: &DictObject) -> Option<Rc<std::cell::RefCell<Vec<Value>>>> {
    match dict.get_str(HANDLERS_KEY) {
        Some(Value::List(l)) => Some(l),
        _ => None,
    }
}

impl Vm {
    /// Runs the Python handlers of the signals that arrived; SIGINT without one (or with
    /// `default_int_handler`) raises KeyboardInterrupt.
    #[cold]
    pub fn run_signal_handlers(&mut self) -> PyResult<()> {
        let bits = crate::interrupt::take_signals();
        let dict = module_dict(self);
        for signum in 1..64 {
            if bits & (1 << signum) == 0 {
                continue;
            }
            let handler =
                dict.as_ref().and_then(|d| handlers(d)).and_then(|h| h.borrow().get(signum).cloned());
            let default = dict.as_ref().and_then(|d| d.get_str("default_int_handler"));
            match handler {
                Some(h)
                    if !matches!(h, Value::Int(_) | Value::None)
                        && !default.as_ref().is_some_and(|d| d.is(&h)) =>
                {
                    self.call_value(&h, vec![Value::Int(signum as i64), Value::None], Vec::new())?;
                }
                _ if signum == libc::SIGINT as usize => {
                    return Err(PyErr::new(ExcKind::KeyboardInterrupt, ""))
                }
                _ => {}
            }
        }
        Ok(())
    }
}

fn signum_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = cint_arg(vm, v)? as i32;
    if !(1..NSIG).contains(&n) {
        return Err(PyErr::value_error("signal number out of range"));
    }
    Ok(n)
}

fn signal(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("signal", kwargs)?;
    arity("signal", args, 2, 2)?;
    let signum = signum_arg(vm, &args[0])?;
    let handler = args[1].clone();
    let action = match &handler {
        Value::Int(0) => libc::SIG_DFL,
        Value::Int(1) => libc::SIG_IGN,
        h if crate::builtins::functions::is_callable(vm, h) => {
            on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t
        }
        _ => {
            return Err(PyErr::type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ))
        }
    };
    if signum == libc::SIGKILL || signum == libc::SIGSTOP {
        return Err(super::posix::errno_error(vm, libc::EINVAL, None, None));
    }
    // SAFETY: the installed handler only touches atomics.
    if unsafe { libc::signal(signum, action) } == libc::SIG_ERR {
        return Err(super::posix::last_error(vm, None));
    }
    let Some(dict) = module_dict(vm) else { return Ok(Value::None) };
    let Some(table) = handlers(&dict) else { return Ok(Value::None) };
    let old = std::mem::replace(&mut table.borrow_mut()[signum as usize], handler);
    Ok(old)
}

fn getsignal(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("getsignal", kwargs)?;
    arity("getsignal", args, 1, 1)?;
    let signum = signum_arg(vm, &args[0])?;
    let Some(dict) = module_dict(vm) else { return Ok(Value::None) };
    Ok(handlers(&dict).and_then(|h| h.borrow().get(signum as usize).cloned()).unwrap_or(Value::None))
}

fn raise_signal(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("raise_signal", kwargs)?;
    arity("raise_signal", args, 1, 1)?;
    let signum = signum_arg(vm, &args[0])?;
    let _ = std::io::Write::flush(&mut vm.stdout);
    // SAFETY: plain system call.
    if unsafe { libc::raise(signum) } != 0 {
        return Err(super::posix::last_error(vm, None));
    }
    if crate::interrupt::pending() && crate::interrupt::take() {
        vm.run_signal_handlers()?;
    }
    Ok(Value::None)
}

fn alarm(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("alarm", kwargs)?;
    arity("alarm", args, 1, 1)?;
    let secs = cint_arg(vm, &args[0])?;
    // SAFETY: plain system call.
    Ok(Value::Int(unsafe { libc::alarm(secs as libc::c_uint) } as i64))
}

fn strsignal(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("strsignal", kwargs)?;
    arity("strsignal", args, 1, 1)?;
    let signum = signum_arg(vm, &args[0])?;
    // SAFETY: strsignal returns a NUL-terminated description (or null).
    let p = unsafe { libc::strsignal(signum) };
    if p.is_null() {
        return Ok(Value::None);
    }
    Ok(Value::str(&unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy()))
}

fn valid_signals(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    let set = crate::objects::set::SetObject::new(false);
    for n in 1..NSIG {
        if n != 32 && n != 33 {
            set.add(Value::Int(n as i64))?;
        }
    }
    let _ = vm;
    Ok(Value::Set(Rc::new(set)))
}

pub fn init(vm: &mut Vm, dict: &DictObject) {
    let functions: &[(&str, NativeFn)] = &[
        ("signal", signal),
        ("getsignal", getsignal),
        ("raise_signal", raise_signal),
        ("alarm", alarm),
        ("strsignal", strsignal),
        ("valid_signals", valid_signals),
        ("default_int_handler", |_, _, _| Err(PyErr::new(ExcKind::KeyboardInterrupt, ""))),
        ("pause", |vm, _, _| {
            // SAFETY: plain system call; returns when a signal arrives.
            unsafe { libc::pause() };
            if crate::interrupt::pending() && crate::interrupt::take() {
                vm.run_signal_handlers()?;
            }
            Ok(Value::None)
        }),
        ("siginterrupt", |_, _, _| Ok(Value::None)),
        ("set_wakeup_fd", |_, _, _| Ok(Value::Int(-1))),
    ];
    super::add_functions(dict, functions);
    for &(name, n) in SIGNALS {
        dict.set_str(name, Value::Int(n as i64));
    }
    dict.set_str("NSIG", Value::Int(NSIG as i64));
    dict.set_str("SIG_DFL", Value::Int(0));
    dict.set_str("SIG_IGN", Value::Int(1));
    dict.set_str("SIG_BLOCK", Value::Int(libc::SIG_BLOCK as i64));
    dict.set_str("SIG_UNBLOCK", Value::Int(libc::SIG_UNBLOCK as i64));
    dict.set_str("SIG_SETMASK", Value::Int(libc::SIG_SETMASK as i64));
    dict.set_str("ITIMER_REAL", Value::Int(0));
    dict.set_str("ITIMER_VIRTUAL", Value::Int(1));
    dict.set_str("ITIMER_PROF", Value::Int(2));
    // The current dispositions, as Python sees them at startup.
    let default_int = dict.get_str("default_int_handler").unwrap_or(Value::None);
    let mut table = vec![Value::None; NSIG as usize];
    for (n, slot) in table.iter_mut().enumerate().skip(1) {
        // SAFETY: querying a disposition (a null new action changes nothing).
        let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
        if unsafe { libc::sigaction(n as i32, std::ptr::null(), &mut old) } != 0 {
            continue;
        }
        *slot = match old.sa_sigaction {
            libc::SIG_DFL => Value::Int(0),
            libc::SIG_IGN => Value::Int(1),
            _ if n as i32 == libc::SIGINT => default_int.clone(),
            _ => Value::None,
        };
    }
    let list = vm.new_list(table);
    dict.set_str(HANDLERS_KEY, list);
}
