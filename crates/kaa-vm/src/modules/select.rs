//! `select`: `select()`, `poll` objects and `epoll` objects over the system calls of the same
//! names, with CPython 3.11's argument conversions (file descriptors from ints or `fileno()`,
//! timeouts rounded up) and error messages. `subprocess` and `selectors` are built on it.

use super::native_class::{add_class, add_classmethod, cls_of, new_instance, state, tuple, Slots};
use super::posix::{errno_error, last_errno};
use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::err_is;
use crate::objects::dict::DictObject;
use crate::value::Value;

const MODULE: &str = "select";

pub fn init(vm: &mut Vm, dict: &DictObject) {
    super::add_functions(dict, &[("select", select)]);
    dict.set_str("error", Value::Type(vm.exception_type(ExcKind::OSError)));
    let poll_class = add_class(
        vm,
        dict,
        MODULE,
        "poll",
        None,
        &[
            ("register", poll_register),
            ("modify", poll_modify),
            ("unregister", poll_unregister),
            ("poll", poll_poll),
        ],
    );
    vm.native_classes.insert("select.poll", poll_class);
    // `select.poll` is a factory function; the class is reached only through its instances.
    super::add_functions(dict, &[("poll", poll_new)]);
    let epoll = add_class(
        vm,
        dict,
        MODULE,
        "epoll",
        Some(epoll_new),
        &[
            ("register", epoll_register),
            ("modify", epoll_modify),
            ("unregister", epoll_unregister),
            ("poll", epoll_poll),
            ("close", epoll_close),
            ("fileno", epoll_fileno),
            ("__enter__", epoll_enter),
            ("__exit__", epoll_exit),
        ],
    );
    epoll.dict.set_str("closed", super::io::property("closed", epoll_closed, None));
    add_classmethod(&epoll, "fromfd", epoll_fromfd);
    vm.native_classes.insert("select.epoll", epoll);

    let constants: &[(&str, i64)] = &[
        ("PIPE_BUF", libc::PIPE_BUF as i64),
        ("POLLIN", libc::POLLIN as i64),
        ("POLLPRI", libc::POLLPRI as i64),
        ("POLLOUT", libc::POLLOUT as i64),
        ("POLLERR", libc::POLLERR as i64),
        ("POLLHUP", libc::POLLHUP as i64),
        ("POLLNVAL", libc::POLLNVAL as i64),
        ("POLLRDNORM", libc::POLLRDNORM as i64),
        ("POLLRDBAND", libc::POLLRDBAND as i64),
        ("POLLWRNORM", libc::POLLWRNORM as i64),
        ("POLLWRBAND", libc::POLLWRBAND as i64),
        ("POLLMSG", 0x400),
        ("POLLRDHUP", 0x2000),
        ("EPOLLIN", libc::EPOLLIN as i64),
        ("EPOLLOUT", libc::EPOLLOUT as i64),
        ("EPOLLPRI", libc::EPOLLPRI as i64),
        ("EPOLLERR", libc::EPOLLERR as i64),
        ("EPOLLHUP", libc::EPOLLHUP as i64),
        ("EPOLLET", libc::EPOLLET as u32 as i64),
        ("EPOLLONESHOT", libc::EPOLLONESHOT as i64),
        ("EPOLLEXCLUSIVE", libc::EPOLLEXCLUSIVE as i64),
        ("EPOLLRDHUP", libc::EPOLLRDHUP as i64),
        ("EPOLLRDNORM", libc::EPOLLRDNORM as i64),
        ("EPOLLRDBAND", libc::EPOLLRDBAND as i64),
        ("EPOLLWRNORM", libc::EPOLLWRNORM as i64),
        ("EPOLLWRBAND", libc::EPOLLWRBAND as i64),
        ("EPOLLMSG", libc::EPOLLMSG as i64),
        ("EPOLL_CLOEXEC", libc::EPOLL_CLOEXEC as i64),
    ];
    for (name, v) in constants {
        dict.set_str(name, Value::Int(*v));
    }
}

// ---- conversions ----

/// `PyObject_AsFileDescriptor`: an int, or the int its `fileno()` returns; never negative.
pub fn file_descriptor(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let fd = match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => c_int(vm, v)?,
        _ => {
            let method = match vm.get_attr(v, "fileno") {
                Ok(m) => m,
                Err(e) if err_is(vm, &e, ExcKind::AttributeError) => {
                    return Err(PyErr::type_error("argument must be an int, or have a fileno() method."))
                }
                Err(e) => return Err(e),
            };
            let r = vm.call_value(&method, vec![], vec![])?;
            match r {
                Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => c_int(vm, &r)?,
                _ => return Err(PyErr::type_error("fileno() returned a non-integer")),
            }
        }
    };
    if fd < 0 {
        return Err(PyErr::value_error(format!("file descriptor cannot be a negative integer ({fd})")));
    }
    Ok(fd)
}

fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    Ok(crate::objects::args::cint_arg(vm, v)? as i32)
}

/// The largest timeout `_PyTime_t` (nanoseconds in an i64) can hold, in seconds.
const MAX_TIME_SECONDS: f64 = i64::MAX as f64 / 1e9;

/// A timeout in seconds (`_PyTime_FromSecondsObject`, rounded up) as nanoseconds; None is
/// "wait forever". `type_message` is the TypeError for anything that is not a number.
fn timeout_ns(vm: &mut Vm, v: &Value, unit_ns: f64, type_message: &str) -> PyResult<Option<i64>> {
    match v {
        Value::None => Ok(None),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(PyErr::value_error("Invalid value NaN (not a number)"));
            }
            let ns = (f * unit_ns).ceil();
            if ns.abs() >= MAX_TIME_SECONDS * 1e9 {
                return Err(PyErr::new(ExcKind::OverflowError, "timestamp out of range for platform time_t"));
            }
            Ok(Some(ns as i64))
        }
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let i = match crate::objects::args::index_value(vm, v)? {
                Value::Int(i) => i,
                _ => i64::MAX,
            };
            match i.checked_mul(unit_ns as i64) {
                Some(ns) => Ok(Some(ns)),
                None => {
                    Err(PyErr::new(ExcKind::OverflowError, "timestamp too large to convert to C _PyTime_t"))
                }
            }
        }
        _ => Err(PyErr::type_error(type_message.to_string())),
    }
}

/// Milliseconds for `poll(2)`/`epoll_wait(2)`, rounded up; None or negative waits forever (-1).
fn timeout_ms(ns: Option<i64>) -> PyResult<i32> {
    match ns {
        None => Ok(-1),
        Some(ns) if ns < 0 => Ok(-1),
        Some(ns) => {
            let ms = ns / 1_000_000 + i64::from(ns % 1_000_000 != 0);
            i32::try_from(ms)
                .map_err(|_| PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C int"))
        }
    }
}

/// The current monotonic time in nanoseconds (for recomputing a timeout after EINTR).
fn monotonic_ns() -> i64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid timespec to write into.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}

/// After EINTR: runs the signal handlers (which may raise) and says how long is left to wait.
fn after_interrupt(vm: &mut Vm, deadline: Option<i64>) -> PyResult<Option<i64>> {
    vm.run_signal_handlers()?;
    Ok(deadline.map(|d| (d - monotonic_ns()).max(0)))
}

// ---- select() ----

fn select(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(PyErr::type_error("select.select() takes no keyword arguments"));
    }
    crate::builtins::arity("select", args, 3, 4)?;
    let timeout = match args.get(3) {
        None => None,
        Some(v) => {
            let t = timeout_ns(vm, v, 1e9, "timeout must be a float or None")?;
            if t.is_some_and(|t| t < 0) {
                return Err(PyErr::value_error("timeout must be non-negative"));
            }
            t
        }
    };
    let mut lists: [Vec<(Value, i32)>; 3] = Default::default();
    for (slot, arg) in lists.iter_mut().zip(&args[..3]) {
        let items = match vm.collect_iterable(arg) {
            Ok(items) => items,
            Err(e) if err_is(vm, &e, ExcKind::TypeError) => {
                return Err(PyErr::type_error("arguments 1-3 must be sequences"))
            }
            Err(e) => return Err(e),
        };
        for item in items {
            let fd = file_descriptor(vm, &item)?;
            if fd >= libc::FD_SETSIZE as i32 {
                return Err(PyErr::value_error("filedescriptor out of range in select()"));
            }
            slot.push((item, fd));
        }
    }
    let deadline = timeout.map(|t| monotonic_ns().saturating_add(t));
    let mut remaining = timeout;
    loop {
        // SAFETY: fd_set is plain data; zeroed is its empty state, and every fd is < FD_SETSIZE.
        let mut sets: [libc::fd_set; 3] = unsafe { std::mem::zeroed() };
        let mut max_fd = -1;
        for (set, list) in sets.iter_mut().zip(&lists) {
            for (_, fd) in list {
                unsafe { libc::FD_SET(*fd, set) };
                max_fd = max_fd.max(*fd);
            }
        }
        let mut tv = remaining.map(|ns| {
            let us = ns / 1000 + i64::from(ns % 1000 != 0);
            libc::timeval { tv_sec: us / 1_000_000, tv_usec: us % 1_000_000 }
        });
        let tv_ptr = tv.as_mut().map_or(std::ptr::null_mut(), |t| t as *mut libc::timeval);
        let [r, w, x] = &mut sets;
        // SAFETY: the sets and the timeval outlive the call.
        let n = unsafe { libc::select(max_fd + 1, r, w, x, tv_ptr) };
        if n < 0 {
            let errno = last_errno();
            if errno == libc::EINTR {
                remaining = after_interrupt(vm, deadline)?;
                continue;
            }
            return Err(errno_error(vm, errno, None, None));
        }
        let mut out = Vec::with_capacity(3);
        for (set, list) in sets.iter().zip(&lists) {
            let ready: Vec<Value> = list
                .iter()
                .filter(|(_, fd)| unsafe { libc::FD_ISSET(*fd, set) })
                .map(|(v, _)| v.clone())
                .collect();
            out.push(vm.new_list(ready));
        }
        return Ok(tuple(out));
    }
}

// ---- poll objects ----

/// A `select.poll` object: the registered descriptors and their event masks, in registration
/// order (the order `poll()` reports them in).
#[derive(Default)]
struct Poll {
    fds: Vec<(i32, i16)>,
}
impl Slots for Poll {}

fn poll_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(PyErr::type_error("select.poll() takes no keyword arguments"));
    }
    if !args.is_empty() {
        return Err(PyErr::type_error(format!("select.poll() takes no arguments ({} given)", args.len())));
    }
    let cls = super::native_class::class_named(vm, "select.poll")?;
    Ok(new_instance(vm, &cls, Poll::default()))
}

/// `_PyLong_UnsignedShort_Converter` for an event mask.
fn event_mask(vm: &mut Vm, v: &Value) -> PyResult<i16> {
    let i = match crate::objects::args::index_value(vm, v)? {
        Value::Int(i) => i,
        Value::BigInt(b) if num_traits::Signed::is_negative(&*b) => -1,
        _ => i64::MAX,
    };
    if i < 0 {
        return Err(PyErr::value_error("value must be positive"));
    }
    if i > u16::MAX as i64 {
        return Err(PyErr::new(ExcKind::OverflowError, "Python int too large for C unsigned short"));
    }
    Ok(i as u16 as i16)
}

fn poll_args<'a>(
    name: &str,
    args: &'a [Value],
    kwargs: &Kwargs,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if !kwargs.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    super::native_class::check_arity(name, args.len().saturating_sub(1), min, max)?;
    Ok(&args[1..])
}

fn poll_register(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = state::<Poll>(args, "select.poll", "register")?;
    let rest = poll_args("register", args, kwargs, 1, 2)?;
    let fd = file_descriptor(vm, &rest[0])?;
    let events = match rest.get(1) {
        Some(v) => event_mask(vm, v)?,
        None => libc::POLLIN | libc::POLLPRI | libc::POLLOUT,
    };
    let mut s = st.borrow_mut();
    match s.fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(entry) => entry.1 = events,
        None => s.fds.push((fd, events)),
    }
    Ok(Value::None)
}

fn poll_modify(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = state::<Poll>(args, "select.poll", "modify")?;
    let rest = poll_args("modify", args, kwargs, 2, 2)?;
    let fd = file_descriptor(vm, &rest[0])?;
    let events = event_mask(vm, &rest[1])?;
    let mut s = st.borrow_mut();
    match s.fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(entry) => {
            entry.1 = events;
            Ok(Value::None)
        }
        None => {
            drop(s);
            Err(errno_error(vm, libc::ENOENT, None, None))
        }
    }
}

fn poll_unregister(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = state::<Poll>(args, "select.poll", "unregister")?;
    let rest = poll_args("unregister", args, kwargs, 1, 1)?;
    let fd = file_descriptor(vm, &rest[0])?;
    let mut s = st.borrow_mut();
    match s.fds.iter().position(|(f, _)| *f == fd) {
        Some(i) => {
            s.fds.remove(i);
            Ok(Value::None)
        }
        None => {
            drop(s);
            Err(DictObject::key_error(&Value::Int(fd as i64), vm))
        }
    }
}

fn poll_poll(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = state::<Poll>(args, "select.poll", "poll")?;
    let rest = poll_args("poll", args, kwargs, 0, 1)?;
    let timeout = match rest.first() {
        None => None,
        Some(v) => timeout_ns(vm, v, 1e6, "timeout must be an integer or None")?,
    };
    let mut pollfds: Vec<libc::pollfd> =
        st.borrow().fds.iter().map(|&(fd, events)| libc::pollfd { fd, events, revents: 0 }).collect();
    let deadline = timeout.filter(|t| *t >= 0).map(|t| monotonic_ns().saturating_add(t));
    let mut remaining = timeout;
    let n = loop {
        let ms = timeout_ms(remaining)?;
        // SAFETY: `pollfds` is a valid array of its length.
        let n = unsafe { libc::poll(pollfds.as_mut_ptr(), pollfds.len() as libc::nfds_t, ms) };
        if n < 0 {
            let errno = last_errno();
            if errno == libc::EINTR {
                remaining = after_interrupt(vm, deadline)?.or(remaining);
                continue;
            }
            return Err(errno_error(vm, errno, None, None));
        }
        break n;
    };
    let mut out = Vec::with_capacity(n as usize);
    for p in pollfds.iter().filter(|p| p.revents != 0) {
        out.push(tuple(vec![Value::Int(p.fd as i64), Value::Int(p.revents as u16 as i64)]));
    }
    Ok(vm.new_list(out))
}

// ---- epoll objects ----

/// A `select.epoll` object: its epoll descriptor (-1 once closed), closed when dropped.
struct Epoll {
    fd: i32,
}
impl Slots for Epoll {}

impl Drop for Epoll {
    fn drop(&mut self) {
        if self.fd >= 0 {
            // SAFETY: the descriptor is ours and still open.
            unsafe { libc::close(self.fd) };
        }
    }
}

fn epoll_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    let [sizehint, _flags] =
        crate::builtins::clinic("epoll", &args[1..], kwargs, ["sizehint", "flags"], 2, 0)?;
    if let Some(v) = sizehint {
        let n = crate::objects::args::cint_arg(vm, &v)?;
        if n != -1 && n <= 0 {
            return Err(PyErr::value_error("negative sizehint"));
        }
    }
    // SAFETY: plain system call.
    let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
    if fd < 0 {
        return Err(errno_error(vm, last_errno(), None, None));
    }
    Ok(new_instance(vm, &cls, Epoll { fd }))
}

fn epoll_fromfd(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    super::native_class::no_kwargs("fromfd", kwargs)?;
    super::native_class::check_arity("fromfd", args.len() - 1, 1, 1)?;
    let fd = c_int(vm, &args[1])?;
    Ok(new_instance(vm, &cls, Epoll { fd }))
}

/// The open epoll descriptor of `args[0]`.
fn epoll_fd(args: &[Value], method: &str) -> PyResult<i32> {
    let fd = state::<Epoll>(args, "select.epoll", method)?.borrow().fd;
    if fd < 0 {
        return Err(PyErr::value_error("I/O operation on closed epoll object"));
    }
    Ok(fd)
}

fn epoll_ctl(vm: &mut Vm, epfd: i32, op: i32, fd: i32, events: u32) -> PyResult<Value> {
    let mut ev = libc::epoll_event { events, u64: fd as u64 };
    // SAFETY: `ev` is valid for the call.
    if unsafe { libc::epoll_ctl(epfd, op, fd, &mut ev) } < 0 {
        return Err(errno_error(vm, last_errno(), None, None));
    }
    Ok(Value::None)
}

fn epoll_events(vm: &mut Vm, v: Option<Value>) -> PyResult<u32> {
    match v {
        None => Ok((libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as u32),
        Some(v) => match crate::objects::args::index_value(vm, &v)? {
            Value::Int(i) if (0..=u32::MAX as i64).contains(&i) => Ok(i as u32),
            // `unsigned int` converters wrap negative values as C does.
            Value::Int(i) if i >= i32::MIN as i64 && i < 0 => Ok(i as i32 as u32),
            _ => {
                Err(PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C unsigned long"))
            }
        },
    }
}

fn epoll_register(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let epfd = epoll_fd(args, "register")?;
    let [fd, mask] = crate::builtins::clinic("register", &args[1..], kwargs, ["fd", "eventmask"], 2, 1)?;
    let fd = file_descriptor(vm, fd.as_ref().unwrap_or(&Value::None))?;
    let events = epoll_events(vm, mask)?;
    epoll_ctl(vm, epfd, libc::EPOLL_CTL_ADD, fd, events)
}

fn epoll_modify(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let epfd = epoll_fd(args, "modify")?;
    let [fd, mask] = crate::builtins::clinic("modify", &args[1..], kwargs, ["fd", "eventmask"], 2, 2)?;
    let fd = file_descriptor(vm, fd.as_ref().unwrap_or(&Value::None))?;
    let events = epoll_events(vm, mask)?;
    epoll_ctl(vm, epfd, libc::EPOLL_CTL_MOD, fd, events)
}

fn epoll_unregister(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let epfd = epoll_fd(args, "unregister")?;
    let [fd] = crate::builtins::clinic("unregister", &args[1..], kwargs, ["fd"], 1, 1)?;
    let fd = file_descriptor(vm, fd.as_ref().unwrap_or(&Value::None))?;
    epoll_ctl(vm, epfd, libc::EPOLL_CTL_DEL, fd, 0)
}

fn epoll_poll(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let epfd = epoll_fd(args, "poll")?;
    let [timeout, maxevents] =
        crate::builtins::clinic("poll", &args[1..], kwargs, ["timeout", "maxevents"], 2, 0)?;
    let timeout = match timeout {
        None => None,
        Some(v) => timeout_ns(vm, &v, 1e9, "timeout must be an integer or None")?,
    };
    let maxevents = match maxevents {
        None => -1,
        Some(v) => c_int(vm, &v)?,
    };
    let maxevents = match maxevents {
        -1 => libc::FD_SETSIZE as i32 - 1,
        n if n <= 0 => return Err(PyErr::value_error(format!("maxevents must be greater than 0, got {n}"))),
        n => n,
    };
    let mut events = vec![libc::epoll_event { events: 0, u64: 0 }; maxevents as usize];
    let deadline = timeout.filter(|t| *t >= 0).map(|t| monotonic_ns().saturating_add(t));
    let mut remaining = timeout;
    let n = loop {
        let ms = timeout_ms(remaining)?;
        // SAFETY: `events` holds `maxevents` entries.
        let n = unsafe { libc::epoll_wait(epfd, events.as_mut_ptr(), maxevents, ms) };
        if n < 0 {
            let errno = last_errno();
            if errno == libc::EINTR {
                remaining = after_interrupt(vm, deadline)?.or(remaining);
                continue;
            }
            return Err(errno_error(vm, errno, None, None));
        }
        break n as usize;
    };
    let out = events[..n]
        .iter()
        .map(|e| {
            let (data, flags) = (e.u64, e.events);
            tuple(vec![Value::Int(data as i32 as i64), Value::Int(flags as i64)])
        })
        .collect();
    Ok(vm.new_list(out))
}

fn epoll_close(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<Epoll>(args, "select.epoll", "close")?;
    let fd = std::mem::replace(&mut st.borrow_mut().fd, -1);
    if fd >= 0 {
        // SAFETY: the descriptor was ours and is forgotten above.
        unsafe { libc::close(fd) };
    }
    Ok(Value::None)
}

fn epoll_closed(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(state::<Epoll>(args, "select.epoll", "closed")?.borrow().fd < 0))
}

fn epoll_fileno(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(epoll_fd(args, "fileno")? as i64))
}

fn epoll_enter(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    epoll_fd(args, "__enter__")?;
    Ok(args[0].clone())
}

fn epoll_exit(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    epoll_close(vm, &args[..1.min(args.len())], kwargs)
}
