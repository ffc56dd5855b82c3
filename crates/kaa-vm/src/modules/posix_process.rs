//! Processes: `fork`, `exec*`, `waitpid` and the wait-status helpers, `kill`, `_exit`, and
//! `_posixsubprocess.fork_exec`, the child-side setup `subprocess.Popen` relies on.

use super::posix::{last_errno, last_error};
use crate::builtins::{arity, clinic, Kwargs};
use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::{cint_arg, ssize_arg};
use crate::objects::dict::DictObject;
use crate::objects::function::NativeFn;
use crate::value::Value;
use std::ffi::CString;
use std::io::Write;
use std::rc::Rc;

fn int_args<const N: usize>(vm: &mut Vm, fname: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<[i64; N]> {
    crate::builtins::no_kwargs(fname, kwargs)?;
    arity(fname, args, N, N)?;
    let mut out = [0; N];
    for (slot, v) in out.iter_mut().zip(args) {
        *slot = ssize_arg(vm, v)?;
    }
    Ok(out)
}

fn waitpid(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [pid, options] = int_args::<2>(vm, "waitpid", args, kwargs)?;
    let mut status: libc::c_int = 0;
    loop {
        // SAFETY: `status` is a valid out-pointer.
        let r = unsafe { libc::waitpid(pid as libc::pid_t, &mut status, options as libc::c_int) };
        if r >= 0 {
            return Ok(Value::Tuple(Rc::new(vec![Value::Int(r as i64), Value::Int(status as i64)])));
        }
        if last_errno() != libc::EINTR || crate::interrupt::pending() {
            return Err(last_error(vm, None));
        }
    }
}

fn wait(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    int_args::<0>(vm, "wait", args, kwargs)?;
    let mut status: libc::c_int = 0;
    // SAFETY: `status` is a valid out-pointer.
    let r = unsafe { libc::wait(&mut status) };
    if r < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Tuple(Rc::new(vec![Value::Int(r as i64), Value::Int(status as i64)])))
}

fn waitstatus_to_exitcode(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [status] = clinic("waitstatus_to_exitcode", args, kwargs, ["status"], 1, 1)?;
    let status = cint_arg(vm, &status.unwrap_or(Value::None))? as libc::c_int;
    if libc::WIFEXITED(status) {
        return Ok(Value::Int(libc::WEXITSTATUS(status) as i64));
    }
    if libc::WIFSIGNALED(status) {
        return Ok(Value::Int(-(libc::WTERMSIG(status) as i64)));
    }
    if libc::WIFSTOPPED(status) {
        return Err(PyErr::value_error(format!(
            "process stopped by delivery of signal {}",
            libc::WSTOPSIG(status)
        )));
    }
    Err(PyErr::value_error(format!("invalid wait status: {status}")))
}

fn kill(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [pid, sig] = int_args::<2>(vm, "kill", args, kwargs)?;
    let _ = vm.stdout.flush();
    // SAFETY: plain system call.
    if unsafe { libc::kill(pid as libc::pid_t, sig as libc::c_int) } != 0 {
        return Err(last_error(vm, None));
    }
    // A signal sent to ourselves is handled before the next instruction, as in CPython.
    if crate::interrupt::pending() && crate::interrupt::take() {
        vm.run_signal_handlers()?;
    }
    Ok(Value::None)
}

fn killpg(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [pgid, sig] = int_args::<2>(vm, "killpg", args, kwargs)?;
    // SAFETY: plain system call.
    if unsafe { libc::killpg(pgid as libc::pid_t, sig as libc::c_int) } != 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::None)
}

fn exit_now(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [status] = clinic("_exit", args, kwargs, ["status"], 1, 1)?;
    let status = cint_arg(vm, &status.unwrap_or(Value::None))?;
    // SAFETY: ends the process at once, as `os._exit` promises.
    unsafe { libc::_exit(status as libc::c_int) }
}

fn fork(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    int_args::<0>(vm, "fork", args, kwargs)?;
    let _ = vm.stdout.flush();
    // SAFETY: the child continues running this single-threaded interpreter.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Int(pid as i64))
}

/// A list or tuple of str/bytes (or path-like) as C strings.
fn c_strings(vm: &mut Vm, v: &Value, fname: &str, what: &str) -> PyResult<Vec<CString>> {
    let items = match v {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        _ => return Err(PyErr::type_error(format!("{fname}: {what} must be a tuple or list"))),
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(c_string(vm, &item)?);
    }
    Ok(out)
}

fn c_string(vm: &mut Vm, v: &Value) -> PyResult<CString> {
    let raw = match super::posix::fspath(vm, v)? {
        Value::Str(s) => s.as_str().as_bytes().to_vec(),
        Value::Bytes(b) => b.to_vec(),
        _ => Vec::new(),
    };
    CString::new(raw).map_err(|_| PyErr::value_error("embedded null byte"))
}

fn env_strings(vm: &mut Vm, env: &Value) -> PyResult<Vec<CString>> {
    let keys = vm.get_attr(env, "keys")?;
    let keys = vm.call_value(&keys, Vec::new(), Vec::new())?;
    let keys = vm.collect_iterable(&keys)?;
    let mut out = Vec::new();
    for k in keys {
        let v = crate::objects::args::get_item(vm, env, &k)?;
        let mut entry = c_string(vm, &k)?.into_bytes();
        if entry.is_empty() || entry.contains(&b'=') {
            return Err(PyErr::value_error("illegal environment variable name"));
        }
        entry.push(b'=');
        entry.extend_from_slice(c_string(vm, &v)?.as_bytes());
        out.push(CString::new(entry).map_err(|_| PyErr::value_error("embedded null byte"))?);
    }
    Ok(out)
}

fn pointers(strings: &[CString]) -> Vec<*const libc::c_char> {
    strings.iter().map(|s| s.as_ptr()).chain(std::iter::once(std::ptr::null())).collect()
}

fn execv(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("execv", kwargs)?;
    arity("execv", args, 2, 2)?;
    let path = c_string(vm, &args[0])?;
    let argv = c_strings(vm, &args[1], "execv()", "argv")?;
    if argv.is_empty() {
        return Err(PyErr::value_error("execv() arg 2 must not be empty"));
    }
    let _ = vm.stdout.flush();
    let ptrs = pointers(&argv);
    // SAFETY: NUL-terminated strings and a NULL-terminated pointer array, alive across the call.
    unsafe { libc::execv(path.as_ptr(), ptrs.as_ptr()) };
    Err(last_error(vm, None))
}

fn execve(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [path, argv, env] = clinic("execve", args, kwargs, ["path", "argv", "env"], 3, 3)?;
    let path = c_string(vm, &path.unwrap_or(Value::None))?;
    let argv = c_strings(vm, &argv.unwrap_or(Value::None), "execve", "argv")?;
    if argv.is_empty() {
        return Err(PyErr::value_error("execve: argv must not be empty"));
    }
    let env = env_strings(vm, &env.unwrap_or(Value::None))?;
    let _ = vm.stdout.flush();
    let (argp, envp) = (pointers(&argv), pointers(&env));
    // SAFETY: NUL-terminated strings and NULL-terminated pointer arrays, alive across the call.
    unsafe { libc::execve(path.as_ptr(), argp.as_ptr(), envp.as_ptr()) };
    Err(last_error(vm, None))
}

fn system(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [command] = clinic("system", args, kwargs, ["command"], 1, 1)?;
    let command = c_string(vm, &command.unwrap_or(Value::None))?;
    let _ = vm.stdout.flush();
    // SAFETY: NUL-terminated command.
    Ok(Value::Int(unsafe { libc::system(command.as_ptr()) } as i64))
}

/// The descriptors this process has open (read before forking, so the child allocates nothing).
fn open_fds() -> Vec<i32> {
    let Ok(dir) = std::fs::read_dir("/proc/self/fd") else { return (3..1024).collect() };
    dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok()).collect()
}

/// Writes `Name:hexerrno:message` to the error pipe, as `subprocess` parses it, with no
/// allocation (this runs in the child between fork and exec).
fn report_child_error(fd: i32, name: &[u8], errno: i32, message: &[u8]) {
    let mut buf = [0u8; 128];
    let mut n = 0;
    let mut put = |bytes: &[u8]| {
        for &b in bytes {
            if n < buf.len() {
                buf[n] = b;
                n += 1;
            }
        }
    };
    put(name);
    put(b":");
    let mut digits = [0u8; 8];
    let mut value = errno as u32;
    let mut count = 0;
    loop {
        digits[count] = b"0123456789abcdef"[(value & 15) as usize];
        count += 1;
        value >>= 4;
        if value == 0 {
            break;
        }
    }
    digits[..count].reverse();
    put(&digits[..count]);
    put(b":");
    put(message);
    // SAFETY: `buf[..n]` is initialized.
    unsafe { libc::write(fd, buf.as_ptr().cast(), n) };
}

/// `_posixsubprocess.fork_exec(args, executable_list, close_fds, pass_fds, cwd, env, p2cread,
/// p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write,
/// restore_signals, call_setsid, pgid_to_set, gid, extra_groups, uid, child_umask,
/// preexec_fn, allow_vfork)`.
fn fork_exec(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("fork_exec", kwargs)?;
    if args.len() != 23 {
        return Err(PyErr::type_error(format!(
            "fork_exec() takes exactly 23 arguments ({} given)",
            args.len()
        )));
    }
    let argv = match &args[0] {
        Value::None => Vec::new(),
        v => c_strings(vm, v, "fork_exec", "args")?,
    };
    let executables = c_strings(vm, &args[1], "fork_exec", "executable_list")?;
    let close_fds = vm.truthy(&args[2])?;
    let mut keep = Vec::new();
    for v in vm.collect_iterable(&args[3])? {
        keep.push(cint_arg(vm, &v)? as i32);
    }
    let cwd = match &args[4] {
        Value::None => None,
        v => Some(c_string(vm, v)?),
    };
    let env = match &args[5] {
        Value::None => None,
        v => Some(c_strings(vm, v, "fork_exec", "env")?),
    };
    let mut fds = [0i32; 8];
    for (slot, v) in fds.iter_mut().zip(&args[6..14]) {
        *slot = cint_arg(vm, v)? as i32;
    }
    let [p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, _errpipe_read, errpipe_write] = fds;
    let restore_signals = vm.truthy(&args[14])?;
    let call_setsid = vm.truthy(&args[15])?;
    let pgid = ssize_arg(vm, &args[16])?;
    let umask = ssize_arg(vm, &args[20])?;
    let preexec = args[21].clone();
    let argp = pointers(&argv);
    let envp = env.as_ref().map(|e| pointers(e));
    let to_close: Vec<i32> = if close_fds {
        open_fds().into_iter().filter(|&fd| fd > 2 && !keep.contains(&fd)).collect()
    } else {
        Vec::new()
    };
    let _ = vm.stdout.flush();
    // SAFETY: between fork and exec the child only makes system calls on data prepared above
    // (and runs `preexec_fn` when given, as CPython does).
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(last_error(vm, None));
    }
    if pid > 0 {
        return Ok(Value::Int(pid as i64));
    }
    // The child.
    unsafe {
        for fd in [p2cwrite, c2pread, errread] {
            if fd != -1 {
                libc::close(fd);
            }
        }
        // A descriptor about to be replaced by dup2 must not be the source of a later one.
        let c2pwrite = if c2pwrite == 0 { libc::dup(c2pwrite) } else { c2pwrite };
        let errwrite = if errwrite == 0 || errwrite == 1 { libc::dup(errwrite) } else { errwrite };
        for (fd, target) in [(p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
            if fd == target {
                let flags = libc::fcntl(fd, libc::F_GETFD);
                libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC);
            } else if fd != -1 && libc::dup2(fd, target) < 0 {
                report_child_error(errpipe_write, b"OSError", last_errno(), b"noexec");
                libc::_exit(255);
            }
        }
        // The error pipe stays close-on-exec: its closing is how the parent learns exec worked.
        for &fd in keep.iter().filter(|&&fd| fd != errpipe_write) {
            let flags = libc::fcntl(fd, libc::F_GETFD);
            if flags >= 0 {
                libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC);
            }
        }
        if let Some(dir) = &cwd {
            if libc::chdir(dir.as_ptr()) != 0 {
                report_child_error(errpipe_write, b"OSError", last_errno(), b"noexec");
                libc::_exit(255);
            }
        }
        if umask >= 0 {
            libc::umask(umask as libc::mode_t);
        }
        if restore_signals {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
        }
        if call_setsid {
            libc::setsid();
        }
        if pgid >= 0 {
            libc::setpgid(0, pgid as libc::pid_t);
        }
        if !matches!(preexec, Value::None) && vm.call_value(&preexec, Vec::new(), Vec::new()).is_err() {
            report_child_error(errpipe_write, b"SubprocessError", 0, b"Exception occurred in preexec_fn.");
            libc::_exit(255);
        }
        for &fd in &to_close {
            libc::close(fd);
        }
        let mut saved = 0;
        for exe in &executables {
            match &envp {
                Some(e) => libc::execve(exe.as_ptr(), argp.as_ptr(), e.as_ptr()),
                None => libc::execv(exe.as_ptr(), argp.as_ptr()),
            };
            let e = last_errno();
            if e != libc::ENOENT && e != libc::ENOTDIR && saved == 0 {
                saved = e;
            }
        }
        let errno = if saved != 0 { saved } else { last_errno() };
        report_child_error(errpipe_write, b"OSError", errno, b"");
        libc::_exit(255)
    }
}

fn status_fn(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str) -> PyResult<libc::c_int> {
    let [status] = clinic(name, args, kwargs, ["status"], 1, 1)?;
    Ok(cint_arg(vm, &status.unwrap_or(Value::None))? as libc::c_int)
}

pub fn init(dict: &DictObject) {
    let functions: &[(&str, NativeFn)] = &[
        ("waitpid", waitpid),
        ("wait", wait),
        ("waitstatus_to_exitcode", waitstatus_to_exitcode),
        ("kill", kill),
        ("killpg", killpg),
        ("_exit", exit_now),
        ("fork", fork),
        ("execv", execv),
        ("execve", execve),
        ("system", system),
        ("WIFEXITED", |vm, a, k| Ok(Value::Bool(libc::WIFEXITED(status_fn(vm, a, k, "WIFEXITED")?)))),
        ("WEXITSTATUS", |vm, a, k| {
            Ok(Value::Int(libc::WEXITSTATUS(status_fn(vm, a, k, "WEXITSTATUS")?) as i64))
        }),
        ("WIFSIGNALED", |vm, a, k| Ok(Value::Bool(libc::WIFSIGNALED(status_fn(vm, a, k, "WIFSIGNALED")?)))),
        ("WTERMSIG", |vm, a, k| Ok(Value::Int(libc::WTERMSIG(status_fn(vm, a, k, "WTERMSIG")?) as i64))),
        ("WIFSTOPPED", |vm, a, k| Ok(Value::Bool(libc::WIFSTOPPED(status_fn(vm, a, k, "WIFSTOPPED")?)))),
        ("WSTOPSIG", |vm, a, k| Ok(Value::Int(libc::WSTOPSIG(status_fn(vm, a, k, "WSTOPSIG")?) as i64))),
        ("WCOREDUMP", |vm, a, k| Ok(Value::Bool(libc::WCOREDUMP(status_fn(vm, a, k, "WCOREDUMP")?)))),
        ("WIFCONTINUED", |vm, a, k| {
            Ok(Value::Bool(libc::WIFCONTINUED(status_fn(vm, a, k, "WIFCONTINUED")?)))
        }),
    ];
    super::add_functions(dict, functions);
}

/// The `_posixsubprocess` module.
pub fn init_posixsubprocess(dict: &DictObject) {
    super::add_functions(dict, &[("fork_exec", fork_exec)]);
}
