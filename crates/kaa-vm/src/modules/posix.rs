//! `posix`: the operating-system calls `os`, `os.path`, `shutil`, `tempfile`, `pathlib`, `glob`
//! and `subprocess` are built on, made through `libc`. Errors are OSError subclasses with
//! `errno`, `strerror` and `filename` as CPython sets them. Directory scanning (`scandir`,
//! `DirEntry`) is in `posix_scandir.rs`, processes in `posix_process.rs`.

use crate::builtins::{arity, clinic, Kwargs};
use crate::exceptions::{ExcKind, ExceptionObject, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::{cint_arg, ssize_arg};
use crate::objects::bytes::new_bytes;
use crate::objects::dict::DictObject;
use crate::objects::function::NativeFn;
use crate::objects::types::TypeObject;
use crate::value::Value;
use std::ffi::{CStr, CString};
use std::rc::Rc;

// ---- errors ----

/// The errno of the last failed call.
pub fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// The C library's message for an errno.
pub fn strerror_text(errno: i32) -> String {
    // SAFETY: strerror returns a pointer to a NUL-terminated string valid until the next call.
    unsafe {
        let p = libc::strerror(errno);
        if p.is_null() {
            return format!("Unknown error {errno}");
        }
        CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

/// `OSError(errno, strerror, filename, None, filename2)` as the C functions raise it: the
/// subclass for the errno, message `[Errno N] text: 'filename'`.
#[cold]
pub fn errno_error(vm: &Vm, errno: i32, filename: Option<&Value>, filename2: Option<&Value>) -> PyErr {
    let strerror = Value::str(&strerror_text(errno));
    let kind = crate::exception_methods::os_error_subclass(errno as i64).unwrap_or(ExcKind::OSError);
    let exc = ExceptionObject::new(vm.exception_type(kind), vec![Value::Int(errno as i64), strerror.clone()]);
    exc.set_member("errno", Value::Int(errno as i64));
    exc.set_member("strerror", strerror);
    exc.set_member("filename", filename.cloned().unwrap_or(Value::None));
    if let Some(f2) = filename2 {
        exc.set_member("filename2", f2.clone());
    }
    PyErr::Raised(Rc::new(exc))
}

/// The error of the last failed call, about `filename`.
#[cold]
pub fn last_error(vm: &Vm, filename: Option<&Value>) -> PyErr {
    errno_error(vm, last_errno(), filename, None)
}

/// Retries a call interrupted by a signal (EINTR), as CPython does (PEP 475).
fn retry<T: PartialEq + Copy>(failed: T, mut call: impl FnMut() -> T) -> T {
    loop {
        let r = call();
        if r != failed || last_errno() != libc::EINTR {
            return r;
        }
        if crate::interrupt::pending() {
            return r;
        }
    }
}

// ---- paths ----

/// A path argument: its C string, the object given (for error messages), and whether the
/// caller gave bytes (results then are bytes too).
pub struct PathArg {
    pub c: CString,
    pub obj: Value,
    pub bytes: bool,
}

impl PathArg {
    pub fn as_str(&self) -> String {
        String::from_utf8_lossy(self.c.as_bytes()).into_owned()
    }
    /// `name` (bytes from the OS) as str or bytes, matching the argument's type.
    pub fn wrap(&self, name: &[u8]) -> Value {
        wrap_name(name, self.bytes)
    }
}

pub fn wrap_name(name: &[u8], bytes: bool) -> Value {
    if bytes {
        new_bytes(name.to_vec())
    } else {
        Value::str(&String::from_utf8_lossy(name))
    }
}

/// `os.fspath(v)`: str and bytes as they are, else `__fspath__()`.
pub fn fspath(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Str(_) | Value::Bytes(_) => Ok(v.clone()),
        _ => {
            let has = match v {
                Value::Instance(i) => i.class.lookup("__fspath__").is_some(),
                _ => false,
            };
            if !has {
                return Err(PyErr::type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    v.type_name()
                )));
            }
            let r = vm.call_dunder(v, "__fspath__", &[])?.unwrap_or(Value::None);
            match r {
                Value::Str(_) | Value::Bytes(_) => Ok(r),
                other => Err(PyErr::type_error(format!(
                    "expected {}.__fspath__() to return str or bytes, not {}",
                    v.type_name(),
                    other.type_name()
                ))),
            }
        }
    }
}

/// A path or (where `allow_fd`) a file descriptor.
pub enum PathOrFd {
    Path(PathArg),
    Fd(i32),
}

pub fn path_or_fd(vm: &mut Vm, fname: &str, arg: &str, v: &Value, allow_fd: bool) -> PyResult<PathOrFd> {
    if allow_fd && matches!(v, Value::Int(_) | Value::Bool(_)) {
        return Ok(PathOrFd::Fd(cint_arg(vm, v)? as i32));
    }
    let resolved = match v {
        Value::Str(_) | Value::Bytes(_) => v.clone(),
        Value::Instance(i) if i.class.lookup("__fspath__").is_some() => fspath(vm, v)?,
        _ => {
            let kinds = if allow_fd {
                "string, bytes, os.PathLike or integer"
            } else {
                "string, bytes or os.PathLike"
            };
            return Err(PyErr::type_error(format!(
                "{fname}: {arg} should be {kinds}, not {}",
                v.type_name()
            )));
        }
    };
    let (raw, bytes) = match &resolved {
        Value::Str(s) => (s.as_str().as_bytes().to_vec(), false),
        Value::Bytes(b) => (b.to_vec(), true),
        _ => unreachable!("fspath returns str or bytes"),
    };
    let c = CString::new(raw).map_err(|_| PyErr::value_error("embedded null byte"))?;
    Ok(PathOrFd::Path(PathArg { c, obj: v.clone(), bytes }))
}

pub fn path_arg(vm: &mut Vm, fname: &str, arg: &str, v: &Value) -> PyResult<PathArg> {
    match path_or_fd(vm, fname, arg, v, false)? {
        PathOrFd::Path(p) => Ok(p),
        PathOrFd::Fd(_) => unreachable!("fds not allowed"),
    }
}

fn required(v: Option<Value>) -> Value {
    v.unwrap_or(Value::None)
}

fn int_of(vm: &mut Vm, v: Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => cint_arg(vm, &v),
    }
}

fn bool_of(vm: &mut Vm, v: Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => vm.truthy(&v),
    }
}

fn reject_dir_fd(fname: &str, dir_fd: &Option<Value>) -> PyResult<()> {
    match dir_fd {
        None | Some(Value::None) => Ok(()),
        Some(_) => Err(PyErr::new(
            ExcKind::NotImplementedError,
            format!("{fname}: dir_fd unavailable on this platform"),
        )),
    }
}

// ---- stat ----

/// The module's own types, kept in the module dict under keys Python cannot name.
pub fn own_type(vm: &Vm, key: &str) -> PyResult<Rc<TypeObject>> {
    let module = vm.modules.get_str("posix");
    if let Some(Value::Module(m)) = module {
        if let Some(Value::Type(t)) = m.dict.get_str(key) {
            return Ok(t);
        }
    }
    Err(PyErr::new(ExcKind::SystemError, format!("posix lost its {key} type")))
}

pub fn stat_value(vm: &mut Vm, st: &libc::stat) -> PyResult<Value> {
    let class = own_type(vm, "stat_result")?;
    let time = |s: i64, ns: i64| {
        (Value::Int(s), Value::Float(s as f64 + ns as f64 * 1e-9), Value::Int(s * 1_000_000_000 + ns))
    };
    let (ai, af, ans) = time(st.st_atime, st.st_atime_nsec);
    let (mi, mf, mns) = time(st.st_mtime, st.st_mtime_nsec);
    let (ci, cf, cns) = time(st.st_ctime, st.st_ctime_nsec);
    let values = vec![
        Value::Int(st.st_mode as i64),
        Value::Int(st.st_ino as i64),
        Value::Int(st.st_dev as i64),
        Value::Int(st.st_nlink as i64),
        Value::Int(st.st_uid as i64),
        Value::Int(st.st_gid as i64),
        Value::Int(st.st_size),
        ai,
        mi,
        ci,
        af,
        mf,
        cf,
        ans,
        mns,
        cns,
        Value::Int(st.st_blksize),
        Value::Int(st.st_blocks),
        Value::Int(st.st_rdev as i64),
    ];
    Ok(super::structseq::make(vm, &class, values))
}

/// `stat` of a path or fd, following symlinks or not.
pub fn do_stat(vm: &mut Vm, target: &PathOrFd, follow: bool) -> PyResult<Value> {
    // SAFETY: a zeroed `stat` is a valid out-parameter.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let r = match target {
        // SAFETY: `st` is a valid out-pointer; the path is NUL-terminated.
        PathOrFd::Fd(fd) => unsafe { libc::fstat(*fd, &mut st) },
        PathOrFd::Path(p) if follow => unsafe { libc::stat(p.c.as_ptr(), &mut st) },
        PathOrFd::Path(p) => unsafe { libc::lstat(p.c.as_ptr(), &mut st) },
    };
    if r != 0 {
        let name = match target {
            PathOrFd::Path(p) => Some(p.obj.clone()),
            PathOrFd::Fd(_) => None,
        };
        return Err(last_error(vm, name.as_ref()));
    }
    stat_value(vm, &st)
}

fn stat(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [path, dir_fd, follow] = clinic("stat", args, kwargs, ["path", "dir_fd", "follow_symlinks"], 1, 1)?;
    reject_dir_fd("stat", &dir_fd)?;
    let target = path_or_fd(vm, "stat", "path", &required(path), true)?;
    let follow = bool_of(vm, follow, true)?;
    do_stat(vm, &target, follow)
}

fn lstat(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [path, dir_fd] = clinic("lstat", args, kwargs, ["path", "dir_fd"], 1, 1)?;
    reject_dir_fd("lstat", &dir_fd)?;
    let target = path_or_fd(vm, "lstat", "path", &required(path), false)?;
    do_stat(vm, &target, false)
}

fn fstat(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [fd] = clinic("fstat", args, kwargs, ["fd"], 1, 1)?;
    let fd = cint_arg(vm, &required(fd))? as i32;
    do_stat(vm, &PathOrFd::Fd(fd), true)
}

// ---- files and directories ----

/// Runs `call` on the path's C string; an error names the path.
fn on_path(vm: &mut Vm, p: &PathArg, call: impl FnOnce(&CStr) -> libc::c_int) -> PyResult<Value> {
    if call(&p.c) != 0 {
        return Err(last_error(vm, Some(&p.obj)));
    }
    Ok(Value::None)
}

fn one_path(vm: &mut Vm, fname: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<PathArg> {
    let [path, dir_fd] = clinic(fname, args, kwargs, ["path", "dir_fd"], 1, 1)?;
    reject_dir_fd(fname, &dir_fd)?;
    path_arg(vm, fname, "path", &required(path))
}

fn remove(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let p = one_path(vm, "remove", args, kwargs)?;
    // SAFETY: NUL-terminated path.
    on_path(vm, &p, |c| unsafe { libc::unlink(c.as_ptr()) })
}

fn unlink(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let p = one_path(vm, "unlink", args, kwargs)?;
    // SAFETY: NUL-terminated path.
    on_path(vm, &p, |c| unsafe { libc::unlink(c.as_ptr()) })
}

fn rmdir(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let p = one_path(vm, "rmdir", args, kwargs)?;
    // SAFETY: NUL-terminated path.
    on_path(vm, &p, |c| unsafe { libc::rmdir(c.as_ptr()) })
}

fn mkdir(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [path, mode, dir_fd] = clinic("mkdir", args, kwargs, ["path", "mode", "dir_fd"], 2, 1)?;
    reject_dir_fd("mkdir", &dir_fd)?;
    let p = path_arg(vm, "mkdir", "path", &required(path))?;
    let mode = int_of(vm, mode, 0o777)?;
    // SAFETY: NUL-terminated path.
    on_path(vm, &p, |c| unsafe { libc::mkdir(c.as_ptr(), mode as libc::mode_t) })
}

fn chdir(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [path] = clinic("chdir", args, kwargs, ["path"], 1, 1)?;
    match path_or_fd(vm, "chdir", "path", &required(path), true)? {
        // SAFETY: plain system calls on a NUL-terminated path / an fd.
        PathOrFd::Path(p) => on_path(vm, &p, |c| unsafe { libc::chdir(c.as_ptr()) }),
        PathOrFd::Fd(fd) => fd_result(vm, unsafe { libc::fchdir(fd) }),
    }
}

fn getcwd_bytes(vm: &Vm) -> PyResult<Vec<u8>> {
    std::env::current_dir()
        .map(|p| std::os::unix::ffi::OsStrExt::as_bytes(p.as_os_str()).to_vec())
        .map_err(|e| errno_error(vm, e.raw_os_error().unwrap_or(libc::ENOENT), None, None))
}

fn two_paths(vm: &mut Vm, fname: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<(PathArg, PathArg)> {
    let [src, dst, src_dir_fd, dst_dir_fd] =
        clinic(fname, args, kwargs, ["src", "dst", "src_dir_fd", "dst_dir_fd"], 2, 2)?;
    reject_dir_fd(fname, &src_dir_fd)?;
    reject_dir_fd(fname, &dst_dir_fd)?;
    let src = path_arg(vm, fname, "src", &required(src))?;
    let dst = path_arg(vm, fname, "dst", &required(dst))?;
    Ok((src, dst))
}

fn on_two_paths(vm: &mut Vm, src: &PathArg, dst: &PathArg, r: libc::c_int) -> PyResult<Value> {
    if r != 0 {
        return Err(errno_error(vm, last_errno(), Some(&src.obj), Some(&dst.obj)));
    }
    Ok(Value::None)
}

fn rename(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (src, dst) = two_paths(vm, "rename", args, kwargs)?;
    // SAFETY: NUL-terminated paths.
    let r = unsafe { libc::rename(src.c.as_ptr(), dst.c.as_ptr()) };
    on_two_paths(vm, &src, &dst, r)
}

fn replace(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (src, dst) = two_paths(vm, "replace", args, kwargs)?;
    // SAFETY: NUL-terminated paths.
    let r = unsafe { libc::rename(src.c.as_ptr(), dst.c.as_ptr()) };
    on_two_paths(vm, &src, &dst, r)
}

fn link(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [src, dst, _sfd, _dfd, _follow] =
        clinic("link", args, kwargs, ["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"], 2, 2)?;
    let src = path_arg(vm, "link", "src", &required(src))?;
    let dst = path_arg(vm, "link", "dst", &required(dst))?;
    // SAFETY: NUL-terminated paths.
    let r = unsafe { libc::link(src.c.as_ptr(), dst.c.as_ptr()) };
    on_two_paths(vm, &src, &dst, r)
}

fn symlink(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [src, dst, _is_dir, dir_fd] =
        clinic("symlink", args, kwargs, ["src", "dst", "target_is_directory", "dir_fd"], 3, 2)?;
    reject_dir_fd("symlink", &dir_fd)?;
    let src = path_arg(vm, "symlink", "src", &required(src))?;
    let dst = path_arg(vm, "symlink", "dst", &required(dst))?;
    // SAFETY: NUL-terminated paths.
    let r = unsafe { libc::symlink(src.c.as_ptr(), dst.c.as_ptr()) };
    on_two_paths(vm, &src, &dst, r)
}

fn readlink(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let p = one_path(vm, "readlink", args, kwargs)?;
    let mut buf = vec![0u8; libc::PATH_MAX as usize + 1];
    // SAFETY: `buf` has room for `buf.len()` bytes.
    let n = unsafe { libc::readlink(p.c.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
    if n < 0 {
        return Err(last_error(vm, Some(&p.obj)));
    }
    Ok(p.wrap(&buf[..n as usize]))
}

fn access(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [path, mode, dir_fd, _eff, _follow] =
        clinic("access", args, kwargs, ["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"], 2, 2)?;
    reject_dir_fd("access", &dir_fd)?;
    let p = path_arg(vm, "access", "path", &required(path))?;
    let mode = int_of(vm, mode, 0)?;
    // SAFETY: NUL-terminated path.
    Ok(Value::Bool(unsafe { libc::access(p.c.as_ptr(), mode as libc::c_int) } == 0))
}

fn chmod(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [path, mode, dir_fd, _follow] =
        clinic("chmod", args, kwargs, ["path", "mode", "dir_fd", "follow_symlinks"], 2, 2)?;
    reject_dir_fd("chmod", &dir_fd)?;
    let mode = int_of(vm, mode, 0)? as libc::mode_t;
    match path_or_fd(vm, "chmod", "path", &required(path), true)? {
        // SAFETY: plain system calls.
        PathOrFd::Path(p) => on_path(vm, &p, |c| unsafe { libc::chmod(c.as_ptr(), mode) }),
        PathOrFd::Fd(fd) => fd_result(vm, unsafe { libc::fchmod(fd, mode) }),
    }
}

fn fchmod(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [fd, mode] = clinic("fchmod", args, kwargs, ["fd", "mode"], 2, 2)?;
    let fd = int_of(vm, fd, 0)? as i32;
    let mode = int_of(vm, mode, 0)? as libc::mode_t;
    // SAFETY: plain system call.
    fd_result(vm, unsafe { libc::fchmod(fd, mode) })
}

/// Seconds as a float or int into (seconds, nanoseconds).
fn split_time(vm: &mut Vm, v: &Value) -> PyResult<(i64, i64)> {
    match v {
        Value::Float(f) => {
            let s = f.floor();
            Ok((s as i64, ((f - s) * 1e9).round() as i64))
        }
        other => Ok((ssize_arg(vm, other)?, 0)),
    }
}

fn utime(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [path, times, ns, dir_fd, follow] =
        clinic("utime", args, kwargs, ["path", "times", "ns", "dir_fd", "follow_symlinks"], 2, 1)?;
    reject_dir_fd("utime", &dir_fd)?;
    let target = path_or_fd(vm, "utime", "path", &required(path), true)?;
    let follow = bool_of(vm, follow, true)?;
    let now = libc::timespec { tv_sec: 0, tv_nsec: libc::UTIME_NOW };
    let mut spec = [now, now];
    match (times, ns) {
        (Some(Value::Tuple(t)), None) | (Some(Value::Tuple(t)), Some(Value::None)) => {
            if t.len() != 2 {
                return Err(PyErr::type_error("utime: 'times' must be either a tuple of two ints or None"));
            }
            for (slot, v) in spec.iter_mut().zip(t.iter()) {
                let (s, n) = split_time(vm, v)?;
                *slot = libc::timespec { tv_sec: s, tv_nsec: n };
            }
        }
        (None | Some(Value::None), Some(Value::Tuple(t))) => {
            if t.len() != 2 {
                return Err(PyErr::type_error("utime: 'ns' must be a tuple of two ints"));
            }
            for (slot, v) in spec.iter_mut().zip(t.iter()) {
                let total = ssize_arg(vm, v)?;
                *slot = libc::timespec {
                    tv_sec: total.div_euclid(1_000_000_000),
                    tv_nsec: total.rem_euclid(1_000_000_000),
                };
            }
        }
        (None | Some(Value::None), None) => {}
        (Some(Value::Tuple(_)), Some(_)) => {
            return Err(PyErr::value_error("utime: you may specify either 'times' or 'ns' but not both"))
        }
        (Some(_), _) => {
            return Err(PyErr::type_error("utime: 'times' must be either a tuple of two ints or None"))
        }
        (_, Some(_)) => return Err(PyErr::type_error("utime: 'ns' must be a tuple of two ints")),
    }
    match target {
        PathOrFd::Path(p) => {
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: NUL-terminated path; `spec` holds two timespecs.
            on_path(vm, &p, |c| unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), spec.as_ptr(), flags) })
        }
        // SAFETY: `spec` holds two timespecs.
        PathOrFd::Fd(fd) => fd_result(vm, unsafe { libc::futimens(fd, spec.as_ptr()) }),
    }
}

fn truncate(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [path, length] = clinic("truncate", args, kwargs, ["path", "length"], 2, 2)?;
    let length = ssize_arg(vm, &required(length))?;
    match path_or_fd(vm, "truncate", "path", &required(path), true)? {
        // SAFETY: plain system calls.
        PathOrFd::Path(p) => on_path(vm, &p, |c| unsafe { libc::truncate(c.as_ptr(), length) }),
        PathOrFd::Fd(fd) => fd_result(vm, unsafe { libc::ftruncate(fd, length) }),
    }
}

fn listdir(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [path] = clinic("listdir", args, kwargs, ["path"], 1, 0)?;
    let (dir, obj, bytes) = match path {
        None | Some(Value::None) => (std::path::PathBuf::from("."), Value::str("."), false),
        Some(v) => match path_or_fd(vm, "listdir", "path", &v, true)? {
            PathOrFd::Path(p) => {
                let os: &std::ffi::OsStr = std::os::unix::ffi::OsStrExt::from_bytes(p.c.as_bytes());
                (std::path::PathBuf::from(os), p.obj, p.bytes)
            }
            PathOrFd::Fd(fd) => (std::path::PathBuf::from(format!("/proc/self/fd/{fd}")), v, false),
        },
    };
    let entries = std::fs::read_dir(&dir)
        .map_err(|e| errno_error(vm, e.raw_os_error().unwrap_or(0), Some(&obj), None))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| errno_error(vm, e.raw_os_error().unwrap_or(0), Some(&obj), None))?;
        names.push(wrap_name(std::os::unix::ffi::OsStrExt::as_bytes(entry.file_name().as_os_str()), bytes));
    }
    Ok(vm.new_list(names))
}

// ---- file descriptors ----

fn fd_result(vm: &mut Vm, r: libc::c_int) -> PyResult<Value> {
    if r != 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::None)
}

fn open(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [path, flags, mode, dir_fd] =
        clinic("open", args, kwargs, ["path", "flags", "mode", "dir_fd"], 3, 2)?;
    reject_dir_fd("open", &dir_fd)?;
    let p = path_arg(vm, "open", "path", &required(path))?;
    let flags = int_of(vm, flags, 0)? as libc::c_int | libc::O_CLOEXEC;
    let mode = int_of(vm, mode, 0o777)? as libc::c_uint;
    // SAFETY: NUL-terminated path.
    let fd = retry(-1, || unsafe { libc::open(p.c.as_ptr(), flags, mode) });
    if fd < 0 {
        return Err(last_error(vm, Some(&p.obj)));
    }
    Ok(Value::Int(fd as i64))
}

fn fd_only(vm: &mut Vm, fname: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<i32> {
    let [fd] = clinic(fname, args, kwargs, ["fd"], 1, 1)?;
    Ok(cint_arg(vm, &required(fd))? as i32)
}

fn close(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let fd = fd_only(vm, "close", args, kwargs)?;
    // SAFETY: closing a descriptor number is memory-safe.
    fd_result(vm, unsafe { libc::close(fd) })
}

fn closerange(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("closerange", kwargs)?;
    arity("closerange", args, 2, 2)?;
    let lo = cint_arg(vm, &args[0])?;
    let hi = cint_arg(vm, &args[1])?;
    for fd in lo.max(0)..hi {
        // SAFETY: closing a descriptor number is memory-safe.
        unsafe { libc::close(fd as i32) };
    }
    Ok(Value::None)
}

/// `read(fd, length)`.
pub fn read_fd(vm: &mut Vm, fd: i32, n: usize) -> PyResult<Vec<u8>> {
    let mut buf = crate::objects::bytes::with_capacity(n)?;
    buf.resize(n, 0);
    // SAFETY: `buf` has room for `n` bytes.
    let got = retry(-1, || unsafe { libc::read(fd, buf.as_mut_ptr().cast(), n) });
    if got < 0 {
        return Err(last_error(vm, None));
    }
    buf.truncate(got as usize);
    Ok(buf)
}

/// One `write(2)`: how many bytes went out.
pub fn write_fd(vm: &mut Vm, fd: i32, data: &[u8]) -> PyResult<usize> {
    // SAFETY: `data` is valid for its length.
    let n = retry(-1, || unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) });
    if n < 0 {
        return Err(last_error(vm, None));
    }
    Ok(n as usize)
}

fn read(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("read", kwargs)?;
    arity("read", args, 2, 2)?;
    let fd = cint_arg(vm, &args[0])? as i32;
    let n = ssize_arg(vm, &args[1])?;
    if n < 0 {
        return Err(errno_error(vm, libc::EINVAL, None, None));
    }
    Ok(new_bytes(read_fd(vm, fd, n as usize)?))
}

fn write(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("write", kwargs)?;
    arity("write", args, 2, 2)?;
    let fd = cint_arg(vm, &args[0])? as i32;
    let data = crate::objects::bytes::buffer_arg(&args[1])?;
    Ok(Value::Int(write_fd(vm, fd, &data)? as i64))
}

fn lseek(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("lseek", kwargs)?;
    arity("lseek", args, 3, 3)?;
    let fd = cint_arg(vm, &args[0])? as i32;
    let pos = ssize_arg(vm, &args[1])?;
    let how = cint_arg(vm, &args[2])? as i32;
    // SAFETY: plain system call.
    let r = unsafe { libc::lseek(fd, pos, how) };
    if r < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Int(r))
}

fn dup(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let fd = fd_only(vm, "dup", args, kwargs)?;
    // SAFETY: plain system call.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Int(r as i64))
}

fn dup2(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [fd, fd2, inheritable] = clinic("dup2", args, kwargs, ["fd", "fd2", "inheritable"], 3, 2)?;
    let fd = int_of(vm, fd, 0)? as i32;
    let fd2 = int_of(vm, fd2, 0)? as i32;
    let inheritable = bool_of(vm, inheritable, true)?;
    let flags = if inheritable { 0 } else { libc::O_CLOEXEC };
    // SAFETY: plain system call.
    let r = unsafe { libc::dup3(fd, fd2, flags) };
    let r = if r < 0 && fd == fd2 && last_errno() == libc::EINVAL { fd2 } else { r };
    if r < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Int(r as i64))
}

fn pipe(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("pipe", kwargs)?;
    arity("pipe", args, 0, 0)?;
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` has room for two descriptors.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Tuple(Rc::new(vec![Value::Int(fds[0] as i64), Value::Int(fds[1] as i64)])))
}

fn fsync(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [fd] = clinic("fsync", args, kwargs, ["fd"], 1, 1)?;
    let fd = match required(fd) {
        v @ (Value::Int(_) | Value::Bool(_)) => cint_arg(vm, &v)?,
        other => {
            let r = vm.get_attr(&other, "fileno")?;
            let r = vm.call_value(&r, Vec::new(), Vec::new())?;
            cint_arg(vm, &r)?
        }
    };
    // SAFETY: plain system call.
    fd_result(vm, unsafe { libc::fsync(fd as i32) })
}

fn ftruncate(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("ftruncate", kwargs)?;
    arity("ftruncate", args, 2, 2)?;
    let fd = cint_arg(vm, &args[0])? as i32;
    let len = ssize_arg(vm, &args[1])?;
    // SAFETY: plain system call.
    fd_result(vm, unsafe { libc::ftruncate(fd, len) })
}

fn isatty(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let fd = fd_only(vm, "isatty", args, kwargs)?;
    // SAFETY: plain system call.
    Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
}

fn get_inheritable(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let fd = fd_only(vm, "get_inheritable", args, kwargs)?;
    // SAFETY: plain system call.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFD) };
    if flags < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Bool(flags & libc::FD_CLOEXEC == 0))
}

fn set_inheritable(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("set_inheritable", kwargs)?;
    arity("set_inheritable", args, 2, 2)?;
    let fd = cint_arg(vm, &args[0])? as i32;
    let inheritable = vm.truthy(&args[1])?;
    // SAFETY: plain system calls.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFD) };
    if flags < 0 {
        return Err(last_error(vm, None));
    }
    let flags = if inheritable { flags & !libc::FD_CLOEXEC } else { flags | libc::FD_CLOEXEC };
    fd_result(vm, unsafe { libc::fcntl(fd, libc::F_SETFD, flags) })
}

fn get_blocking(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let fd = fd_only(vm, "get_blocking", args, kwargs)?;
    // SAFETY: plain system call.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Bool(flags & libc::O_NONBLOCK == 0))
}

fn set_blocking(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("set_blocking", kwargs)?;
    arity("set_blocking", args, 2, 2)?;
    let fd = cint_arg(vm, &args[0])? as i32;
    let blocking = vm.truthy(&args[1])?;
    // SAFETY: plain system calls.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(last_error(vm, None));
    }
    let flags = if blocking { flags & !libc::O_NONBLOCK } else { flags | libc::O_NONBLOCK };
    fd_result(vm, unsafe { libc::fcntl(fd, libc::F_SETFL, flags) })
}

fn device_encoding(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let fd = fd_only(vm, "device_encoding", args, kwargs)?;
    // SAFETY: plain system call.
    if unsafe { libc::isatty(fd) } == 1 {
        return Ok(Value::str("UTF-8"));
    }
    Ok(Value::None)
}

fn get_terminal_size(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("get_terminal_size", kwargs)?;
    arity("get_terminal_size", args, 0, 1)?;
    let fd = match args.first() {
        Some(v) => cint_arg(vm, v)? as i32,
        None => 1,
    };
    // SAFETY: a zeroed winsize is a valid out-parameter for TIOCGWINSZ.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) } != 0 {
        return Err(last_error(vm, None));
    }
    let class = own_type(vm, "terminal_size")?;
    Ok(super::structseq::make(vm, &class, vec![Value::Int(ws.ws_col as i64), Value::Int(ws.ws_row as i64)]))
}

// ---- process facts ----

fn uname(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    // SAFETY: a zeroed utsname is a valid out-parameter.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    if unsafe { libc::uname(&mut u) } != 0 {
        return Err(last_error(vm, None));
    }
    let field = |f: &[libc::c_char]| {
        // SAFETY: uname fills each field with a NUL-terminated string.
        Value::str(&unsafe { CStr::from_ptr(f.as_ptr()) }.to_string_lossy())
    };
    let values =
        vec![field(&u.sysname), field(&u.nodename), field(&u.release), field(&u.version), field(&u.machine)];
    let class = own_type(vm, "uname_result")?;
    Ok(super::structseq::make(vm, &class, values))
}

fn times(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    // SAFETY: a zeroed tms is a valid out-parameter; sysconf is a plain query.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    let elapsed = unsafe { libc::times(&mut t) };
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let f = |x: libc::clock_t| Value::Float(x as f64 / ticks);
    let values = vec![f(t.tms_utime), f(t.tms_stime), f(t.tms_cutime), f(t.tms_cstime), f(elapsed)];
    let class = own_type(vm, "times_result")?;
    Ok(super::structseq::make(vm, &class, values))
}

fn strerror(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("strerror", kwargs)?;
    arity("strerror", args, 1, 1)?;
    let code = cint_arg(vm, &args[0])? as i32;
    Ok(Value::str(&strerror_text(code)))
}

fn urandom(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("urandom", kwargs)?;
    arity("urandom", args, 1, 1)?;
    let n = ssize_arg(vm, &args[0])?;
    if n < 0 {
        return Err(PyErr::value_error("negative argument not allowed"));
    }
    let mut buf = crate::objects::bytes::with_capacity(n as usize)?;
    buf.resize(n as usize, 0);
    let mut filled = 0;
    while filled < buf.len() {
        // SAFETY: the slice from `filled` is valid for the remaining length.
        let r = unsafe { libc::getrandom(buf[filled..].as_mut_ptr().cast(), buf.len() - filled, 0) };
        if r < 0 {
            if last_errno() == libc::EINTR {
                continue;
            }
            return Err(last_error(vm, None));
        }
        filled += r as usize;
    }
    Ok(new_bytes(buf))
}

fn cpu_count(_: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(std::thread::available_parallelism().map_or(Value::None, |n| Value::Int(n.get() as i64)))
}

fn umask(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("umask", kwargs)?;
    arity("umask", args, 1, 1)?;
    let mask = cint_arg(vm, &args[0])?;
    // SAFETY: plain system call.
    Ok(Value::Int(unsafe { libc::umask(mask as libc::mode_t) } as i64))
}

fn env_entry(vm: &mut Vm, v: &Value, what: &str) -> PyResult<CString> {
    let raw = match fspath(vm, v) {
        Ok(Value::Str(s)) => s.as_str().as_bytes().to_vec(),
        Ok(Value::Bytes(b)) => b.to_vec(),
        _ => return Err(PyErr::type_error(format!("str expected, not {}", v.type_name()))),
    };
    CString::new(raw).map_err(|_| PyErr::value_error("embedded null byte")).and_then(|c| {
        if what == "name" && (c.as_bytes().is_empty() || c.as_bytes().contains(&b'=')) {
            Err(PyErr::value_error("illegal environment variable name"))
        } else {
            Ok(c)
        }
    })
}

fn putenv(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("putenv", kwargs)?;
    arity("putenv", args, 2, 2)?;
    let name = env_entry(vm, &args[0], "name")?;
    let value = env_entry(vm, &args[1], "value")?;
    // SAFETY: both strings are NUL-terminated; Kaa runs Python on one thread.
    if unsafe { libc::setenv(name.as_ptr(), value.as_ptr(), 1) } != 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::None)
}

fn unsetenv(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("unsetenv", kwargs)?;
    arity("unsetenv", args, 1, 1)?;
    let name = env_entry(vm, &args[0], "name")?;
    // SAFETY: NUL-terminated name; Kaa runs Python on one thread.
    if unsafe { libc::unsetenv(name.as_ptr()) } != 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::None)
}

fn environ(vm: &mut Vm) -> Value {
    let d = DictObject::new();
    for (k, v) in std::env::vars_os() {
        let k = std::os::unix::ffi::OsStrExt::as_bytes(k.as_os_str()).to_vec();
        let v = std::os::unix::ffi::OsStrExt::as_bytes(v.as_os_str()).to_vec();
        let _ = d.set(new_bytes(k), new_bytes(v));
    }
    vm.new_dict(d)
}

fn os_fspath(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [path] = clinic("fspath", args, kwargs, ["path"], 1, 1)?;
    fspath(vm, &required(path))
}

fn simple_ids(name: &str) -> i64 {
    // SAFETY: these queries cannot fail.
    unsafe {
        match name {
            "getpid" => libc::getpid() as i64,
            "getppid" => libc::getppid() as i64,
            "getuid" => libc::getuid() as i64,
            "geteuid" => libc::geteuid() as i64,
            "getgid" => libc::getgid() as i64,
            "getegid" => libc::getegid() as i64,
            "getpgrp" => libc::getpgrp() as i64,
            _ => libc::getsid(0) as i64,
        }
    }
}

fn getgroups(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    // SAFETY: a null buffer with size 0 asks for the count; the second call fills `groups`.
    let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    if n < 0 {
        return Err(last_error(vm, None));
    }
    let mut groups = vec![0 as libc::gid_t; n as usize];
    let n = unsafe { libc::getgroups(n, groups.as_mut_ptr()) };
    if n < 0 {
        return Err(last_error(vm, None));
    }
    let items = groups[..n as usize].iter().map(|&g| Value::Int(g as i64)).collect();
    Ok(vm.new_list(items))
}

fn sysconf(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    arity("sysconf", args, 1, 1)?;
    let name = match &args[0] {
        Value::Str(s) => match s.as_str() {
            "SC_PAGE_SIZE" | "SC_PAGESIZE" => libc::_SC_PAGESIZE,
            "SC_NPROCESSORS_ONLN" => libc::_SC_NPROCESSORS_ONLN,
            "SC_NPROCESSORS_CONF" => libc::_SC_NPROCESSORS_CONF,
            "SC_CLK_TCK" => libc::_SC_CLK_TCK,
            "SC_OPEN_MAX" => libc::_SC_OPEN_MAX,
            "SC_ARG_MAX" => libc::_SC_ARG_MAX,
            _ => return Err(PyErr::value_error("unrecognized configuration name")),
        },
        other => cint_arg(vm, other)? as libc::c_int,
    };
    // SAFETY: plain query.
    Ok(Value::Int(unsafe { libc::sysconf(name) } as i64))
}

fn getloadavg(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    let mut avg = [0f64; 3];
    // SAFETY: `avg` has room for three values.
    if unsafe { libc::getloadavg(avg.as_mut_ptr(), 3) } != 3 {
        return Err(PyErr::new(ExcKind::OSError, "Load averages are unobtainable"));
    }
    let _ = vm;
    Ok(Value::Tuple(Rc::new(avg.iter().map(|&a| Value::Float(a)).collect())))
}

const INT_CONSTANTS: &[(&str, i64)] = &[
    ("F_OK", libc::F_OK as i64),
    ("R_OK", libc::R_OK as i64),
    ("W_OK", libc::W_OK as i64),
    ("X_OK", libc::X_OK as i64),
    ("O_RDONLY", libc::O_RDONLY as i64),
    ("O_WRONLY", libc::O_WRONLY as i64),
    ("O_RDWR", libc::O_RDWR as i64),
    ("O_APPEND", libc::O_APPEND as i64),
    ("O_CREAT", libc::O_CREAT as i64),
    ("O_EXCL", libc::O_EXCL as i64),
    ("O_TRUNC", libc::O_TRUNC as i64),
    ("O_NONBLOCK", libc::O_NONBLOCK as i64),
    ("O_NDELAY", libc::O_NDELAY as i64),
    ("O_SYNC", libc::O_SYNC as i64),
    ("O_DSYNC", libc::O_DSYNC as i64),
    ("O_NOCTTY", libc::O_NOCTTY as i64),
    ("O_CLOEXEC", libc::O_CLOEXEC as i64),
    ("O_DIRECTORY", libc::O_DIRECTORY as i64),
    ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
    ("O_ACCMODE", libc::O_ACCMODE as i64),
    ("O_TMPFILE", libc::O_TMPFILE as i64),
    ("O_PATH", libc::O_PATH as i64),
    ("O_NOATIME", libc::O_NOATIME as i64),
    ("O_ASYNC", libc::O_ASYNC as i64),
    ("O_DIRECT", libc::O_DIRECT as i64),
    ("O_LARGEFILE", 0),
    ("SEEK_DATA", libc::SEEK_DATA as i64),
    ("SEEK_HOLE", libc::SEEK_HOLE as i64),
    ("WNOHANG", libc::WNOHANG as i64),
    ("WUNTRACED", libc::WUNTRACED as i64),
    ("WCONTINUED", libc::WCONTINUED as i64),
    ("EX_OK", 0),
    ("NGROUPS_MAX", 65536),
    ("TMP_MAX", 238328),
    ("F_LOCK", libc::F_LOCK as i64),
    ("F_TLOCK", libc::F_TLOCK as i64),
    ("F_ULOCK", libc::F_ULOCK as i64),
    ("F_TEST", libc::F_TEST as i64),
    ("P_PID", 1),
    ("P_PGID", 2),
    ("P_ALL", 0),
    ("SCHED_OTHER", 0),
];

pub fn init(vm: &mut Vm, dict: &DictObject) {
    let functions: &[(&str, NativeFn)] = &[
        ("stat", stat),
        ("lstat", lstat),
        ("fstat", fstat),
        ("remove", remove),
        ("unlink", unlink),
        ("rmdir", rmdir),
        ("mkdir", mkdir),
        ("chdir", chdir),
        ("getcwd", |vm, _, _| Ok(Value::str(&String::from_utf8_lossy(&getcwd_bytes(vm)?)))),
        ("getcwdb", |vm, _, _| Ok(new_bytes(getcwd_bytes(vm)?))),
        ("rename", rename),
        ("replace", replace),
        ("link", link),
        ("symlink", symlink),
        ("readlink", readlink),
        ("access", access),
        ("chmod", chmod),
        ("fchmod", fchmod),
        ("utime", utime),
        ("truncate", truncate),
        ("listdir", listdir),
        ("open", open),
        ("close", close),
        ("closerange", closerange),
        ("read", read),
        ("write", write),
        ("lseek", lseek),
        ("dup", dup),
        ("dup2", dup2),
        ("pipe", pipe),
        ("fsync", fsync),
        ("fdatasync", fsync),
        ("ftruncate", ftruncate),
        ("isatty", isatty),
        ("get_inheritable", get_inheritable),
        ("set_inheritable", set_inheritable),
        ("get_blocking", get_blocking),
        ("set_blocking", set_blocking),
        ("device_encoding", device_encoding),
        ("get_terminal_size", get_terminal_size),
        ("uname", uname),
        ("times", times),
        ("strerror", strerror),
        ("urandom", urandom),
        ("cpu_count", cpu_count),
        ("umask", umask),
        ("putenv", putenv),
        ("unsetenv", unsetenv),
        ("fspath", os_fspath),
        // Kaa has no threads to protect across fork: the hooks are accepted (random, tempfile
        // and logging register them at import) and never run.
        ("register_at_fork", |_, _, _| Ok(Value::None)),
        ("getpid", |_, _, _| Ok(Value::Int(simple_ids("getpid")))),
        ("getppid", |_, _, _| Ok(Value::Int(simple_ids("getppid")))),
        ("getuid", |_, _, _| Ok(Value::Int(simple_ids("getuid")))),
        ("geteuid", |_, _, _| Ok(Value::Int(simple_ids("geteuid")))),
        ("getgid", |_, _, _| Ok(Value::Int(simple_ids("getgid")))),
        ("getegid", |_, _, _| Ok(Value::Int(simple_ids("getegid")))),
        ("getpgrp", |_, _, _| Ok(Value::Int(simple_ids("getpgrp")))),
        ("getgroups", getgroups),
        ("sysconf", sysconf),
        ("getloadavg", getloadavg),
    ];
    super::add_functions(dict, functions);
    super::posix_scandir::init(vm, dict);
    super::posix_process::init(dict);
    for &(name, value) in INT_CONSTANTS {
        dict.set_str(name, Value::Int(value));
    }
    let env = environ(vm);
    dict.set_str("environ", env);
    let have: Vec<Value> = ["HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FTRUNCATE", "HAVE_FUTIMENS", "HAVE_LSTAT"]
        .iter()
        .map(|s| Value::str(s))
        .collect();
    dict.set_str("_have_functions", vm.new_list(have));
    let error = vm.exception_type(ExcKind::OSError);
    dict.set_str("error", Value::Type(error));
    let stat_fields = [
        Some("st_mode"),
        Some("st_ino"),
        Some("st_dev"),
        Some("st_nlink"),
        Some("st_uid"),
        Some("st_gid"),
        Some("st_size"),
        None,
        None,
        None,
        Some("st_atime"),
        Some("st_mtime"),
        Some("st_ctime"),
        Some("st_atime_ns"),
        Some("st_mtime_ns"),
        Some("st_ctime_ns"),
        Some("st_blksize"),
        Some("st_blocks"),
        Some("st_rdev"),
    ];
    let types = [
        ("stat_result", super::structseq::new_type(vm, "os", "stat_result", &stat_fields, 10)),
        (
            "terminal_size",
            super::structseq::new_type(vm, "os", "terminal_size", &[Some("columns"), Some("lines")], 2),
        ),
        (
            "uname_result",
            super::structseq::new_type(
                vm,
                "posix",
                "uname_result",
                &[Some("sysname"), Some("nodename"), Some("release"), Some("version"), Some("machine")],
                5,
            ),
        ),
        (
            "times_result",
            super::structseq::new_type(
                vm,
                "posix",
                "times_result",
                &[
                    Some("user"),
                    Some("system"),
                    Some("children_user"),
                    Some("children_system"),
                    Some("elapsed"),
                ],
                5,
            ),
        ),
    ];
    for (name, t) in types {
        dict.set_str(name, Value::Type(t));
    }
}
