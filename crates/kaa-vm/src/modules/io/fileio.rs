//! `FileIO`: a raw file over an OS file descriptor; every method is one system call (or a
//! loop of them for `readall`).

use super::{make_class, method_args, size_arg, unsupported};
use crate::builtins::{clinic, native_self, new_native_instance, Kwargs};
use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::modules::posix::{errno_error, last_error, path_or_fd, read_fd, write_fd, PathOrFd};
use crate::objects::bytes::new_bytes;
use crate::objects::function::NativeFn;
use crate::objects::types::{NativeData, TypeObject};
use crate::value::Value;
use std::cell::Cell;
use std::rc::Rc;

pub struct FileIo {
    /// -1 once closed (or before `__init__` opened anything).
    pub fd: Cell<i32>,
    pub readable: Cell<bool>,
    pub writable: Cell<bool>,
    appending: Cell<bool>,
    created: Cell<bool>,
    closefd: Cell<bool>,
    /// Unknown (-1), no (0), yes (1).
    seekable: Cell<i8>,
}

impl NativeData for FileIo {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Drop for FileIo {
    fn drop(&mut self) {
        let fd = self.fd.get();
        if fd >= 0 && self.closefd.get() {
            // SAFETY: the descriptor is ours to close.
            unsafe { libc::close(fd) };
        }
    }
}

impl FileIo {
    pub fn closed() -> FileIo {
        FileIo {
            fd: Cell::new(-1),
            readable: Cell::new(false),
            writable: Cell::new(false),
            appending: Cell::new(false),
            created: Cell::new(false),
            closefd: Cell::new(true),
            seekable: Cell::new(-1),
        }
    }

    fn mode(&self) -> &'static str {
        match (self.created.get(), self.appending.get(), self.readable.get(), self.writable.get()) {
            (true, _, true, _) => "xb+",
            (true, _, false, _) => "xb",
            (_, true, true, _) => "ab+",
            (_, true, false, _) => "ab",
            (_, _, true, true) => "rb+",
            (_, _, true, false) => "rb",
            _ => "wb",
        }
    }

    /// The open descriptor, or CPython's error for a closed file.
    pub fn open_fd(&self) -> PyResult<i32> {
        let fd = self.fd.get();
        if fd < 0 {
            return Err(PyErr::value_error("I/O operation on closed file"));
        }
        Ok(fd)
    }

    pub fn read(&self, vm: &mut Vm, n: usize) -> PyResult<Option<Vec<u8>>> {
        let fd = self.open_fd()?;
        if !self.readable.get() {
            return Err(unsupported(vm, "File not open for reading"));
        }
        match read_fd(vm, fd, n) {
            Ok(v) => Ok(Some(v)),
            Err(e) if would_block() => {
                drop(e);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    pub fn readall(&self, vm: &mut Vm) -> PyResult<Vec<u8>> {
        let fd = self.open_fd()?;
        if !self.readable.get() {
            return Err(unsupported(vm, "File not open for reading"));
        }
        // SAFETY: a zeroed stat is a valid out-parameter; lseek only queries.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        let hint = if unsafe { libc::fstat(fd, &mut st) } == 0 && st.st_size > 0 {
            let pos = unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) };
            (st.st_size - pos.max(0)).max(0) as usize + 1
        } else {
            super::DEFAULT_BUFFER_SIZE
        };
        let mut out = Vec::with_capacity(hint);
        loop {
            let want = (out.capacity() - out.len()).max(super::DEFAULT_BUFFER_SIZE);
            let chunk = read_fd(vm, fd, want)?;
            if chunk.is_empty() {
                return Ok(out);
            }
            out.extend_from_slice(&chunk);
        }
    }

    pub fn write(&self, vm: &mut Vm, data: &[u8]) -> PyResult<Option<usize>> {
        let fd = self.open_fd()?;
        if !self.writable.get() {
            return Err(unsupported(vm, "File not open for writing"));
        }
        match write_fd(vm, fd, data) {
            Ok(n) => Ok(Some(n)),
            Err(e) if would_block() => {
                drop(e);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    pub fn seek(&self, vm: &mut Vm, pos: i64, whence: i32) -> PyResult<i64> {
        let fd = self.open_fd()?;
        // SAFETY: plain system call.
        let r = unsafe { libc::lseek(fd, pos, whence) };
        if r < 0 {
            return Err(last_error(vm, None));
        }
        Ok(r)
    }

    pub fn is_seekable(&self) -> PyResult<bool> {
        let fd = self.open_fd()?;
        if self.seekable.get() < 0 {
            // SAFETY: plain system call (a query).
            let ok = unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) } >= 0;
            self.seekable.set(ok as i8);
        }
        Ok(self.seekable.get() == 1)
    }

    pub fn close(&self, vm: &mut Vm) -> PyResult<()> {
        let fd = self.fd.replace(-1);
        if fd >= 0 && self.closefd.get() {
            // SAFETY: the descriptor is ours to close.
            if unsafe { libc::close(fd) } != 0 {
                return Err(last_error(vm, None));
            }
        }
        Ok(())
    }
}

fn would_block() -> bool {
    let e = crate::modules::posix::last_errno();
    e == libc::EAGAIN
}

fn me<'a>(args: &'a [Value], method: &str) -> PyResult<&'a FileIo> {
    native_self::<FileIo>(args, "_io.FileIO", method)
}

/// The `FileIO` payload of `v` when `v` is a plain `FileIO` (not a subclass that may override
/// its methods): buffered objects then make system calls directly.
pub fn plain_fileio(v: &Value) -> Option<&FileIo> {
    match v {
        Value::Instance(i) if i.class.name == "FileIO" && super::is_io_module(&i.class) => {
            i.native_data::<FileIo>()
        }
        _ => None,
    }
}

fn new(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let Some(Value::Type(cls)) = args.first() else {
        return Err(PyErr::type_error("FileIO.__new__(X): X is not a type object"));
    };
    Ok(new_native_instance(vm, cls, Box::new(FileIo::closed())))
}

/// Parses a FileIO mode: (readable, writable, appending, created, flags).
fn parse_mode(mode: &str) -> PyResult<(bool, bool, bool, bool, libc::c_int)> {
    let bad = || PyErr::value_error(format!("invalid mode: {mode}"));
    let (mut r, mut w, mut a, mut x, mut plus, mut kinds) = (false, false, false, false, false, 0);
    for c in mode.chars() {
        match c {
            'r' if !r => {
                r = true;
                kinds += 1
            }
            'w' if !w => {
                w = true;
                kinds += 1
            }
            'a' if !a => {
                a = true;
                kinds += 1
            }
            'x' if !x => {
                x = true;
                kinds += 1
            }
            '+' if !plus => plus = true,
            'b' => {}
            _ => return Err(bad()),
        }
    }
    if kinds != 1 {
        return Err(PyErr::value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    let readable = r || plus;
    let writable = w || a || x || plus;
    let mut flags = if readable && writable {
        libc::O_RDWR
    } else if readable {
        libc::O_RDONLY
    } else {
        libc::O_WRONLY
    };
    if w {
        flags |= libc::O_CREAT | libc::O_TRUNC;
    }
    if x {
        flags |= libc::O_CREAT | libc::O_EXCL;
    }
    if a {
        flags |= libc::O_CREAT | libc::O_APPEND;
    }
    Ok((readable, writable, a, x, flags | libc::O_CLOEXEC))
}

/// `FileIO(file, mode='r', closefd=True, opener=None)`.
fn init(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let state = me(args, "__init__")?;
    let [file, mode, closefd, opener] =
        clinic("FileIO", &args[1..], kwargs, ["file", "mode", "closefd", "opener"], 4, 1)?;
    let file = file.unwrap_or(Value::None);
    let mode = match mode {
        None => "r".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "FileIO() argument 'mode' must be str, not {}",
                other.type_name()
            )))
        }
    };
    let closefd = match closefd {
        None => true,
        Some(v) => vm.truthy(&v)?,
    };
    let (readable, writable, appending, created, flags) = parse_mode(&mode)?;
    if state.fd.get() >= 0 {
        state.close(vm)?;
    }
    let fd = if let Value::Float(_) = file {
        return Err(PyErr::type_error("integer argument expected, got float"));
    } else if matches!(file, Value::Int(_) | Value::Bool(_)) {
        let fd = crate::objects::args::cint_arg(vm, &file)? as i32;
        if fd < 0 {
            return Err(PyErr::value_error("negative file descriptor"));
        }
        fd
    } else {
        if !closefd {
            return Err(PyErr::value_error("Cannot use closefd=False with file name"));
        }
        let path = match path_or_fd(vm, "FileIO", "file", &file, false) {
            Ok(PathOrFd::Path(p)) => p,
            Ok(PathOrFd::Fd(_)) => unreachable!("fds handled above"),
            Err(_) => {
                return Err(PyErr::type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    file.type_name()
                )))
            }
        };
        match opener {
            Some(op) if !matches!(op, Value::None) => {
                let r = vm.call_value(&op, vec![file.clone(), Value::Int(flags as i64)], Vec::new())?;
                let fd = crate::objects::args::cint_arg(vm, &r)? as i32;
                if fd < 0 {
                    return Err(PyErr::value_error(format!("opener returned {fd}")));
                }
                fd
            }
            _ => {
                // SAFETY: NUL-terminated path.
                let fd = unsafe { libc::open(path.c.as_ptr(), flags, 0o666 as libc::c_uint) };
                if fd < 0 {
                    return Err(last_error(vm, Some(&file)));
                }
                fd
            }
        }
    };
    state.fd.set(fd);
    state.closefd.set(closefd);
    state.readable.set(readable);
    state.writable.set(writable);
    state.appending.set(appending);
    state.created.set(created);
    state.seekable.set(-1);
    // SAFETY: a zeroed stat is a valid out-parameter.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let blksize = if unsafe { libc::fstat(fd, &mut st) } == 0 {
        if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
            let _ = state.close(vm);
            return Err(errno_error(vm, libc::EISDIR, Some(&file), None));
        }
        if st.st_blksize > 1 {
            st.st_blksize as i64
        } else {
            super::DEFAULT_BUFFER_SIZE as i64
        }
    } else {
        super::DEFAULT_BUFFER_SIZE as i64
    };
    if let Value::Instance(inst) = &args[0] {
        inst.dict.set_str("name", file);
        inst.dict.set_str("_blksize", Value::Int(blksize));
    }
    if appending {
        // SAFETY: plain system call.
        unsafe { libc::lseek(fd, 0, libc::SEEK_END) };
    }
    Ok(Value::None)
}

fn read(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("read", args, kwargs, 0, 1)?;
    let state = me(args, "read")?;
    let size = size_arg(vm, rest.first())?;
    match size {
        None => Ok(new_bytes(state.readall(vm)?)),
        Some(n) => Ok(state.read(vm, n)?.map_or(Value::None, new_bytes)),
    }
}

fn readinto(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("readinto", args, kwargs, 1, 1)?;
    let state = me(args, "readinto")?;
    state.open_fd()?;
    let n = super::buffer_len(vm, &rest[0])?;
    let Some(data) = state.read(vm, n)? else { return Ok(Value::None) };
    super::fill_buffer(vm, &rest[0], &data)?;
    Ok(Value::Int(data.len() as i64))
}

fn write(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("write", args, kwargs, 1, 1)?;
    let state = me(args, "write")?;
    state.open_fd()?;
    let data = super::bytes_arg(&rest[0])?;
    Ok(state.write(vm, &data)?.map_or(Value::None, |n| Value::Int(n as i64)))
}

fn seek(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("seek", args, kwargs, 1, 2)?;
    let state = me(args, "seek")?;
    state.open_fd()?;
    let pos = crate::objects::args::ssize_arg(vm, &rest[0])?;
    let whence = match rest.get(1) {
        Some(w) => crate::objects::args::cint_arg(vm, w)? as i32,
        None => 0,
    };
    Ok(Value::Int(state.seek(vm, pos, whence)?))
}

fn truncate(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("truncate", args, kwargs, 0, 1)?;
    let state = me(args, "truncate")?;
    let fd = state.open_fd()?;
    if !state.writable.get() {
        return Err(unsupported(vm, "File not open for writing"));
    }
    let size = match rest.first() {
        None | Some(Value::None) => state.seek(vm, 0, libc::SEEK_CUR)?,
        Some(v) => crate::objects::args::ssize_arg(vm, v)?,
    };
    // SAFETY: plain system call.
    if unsafe { libc::ftruncate(fd, size) } != 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Int(size))
}

fn close(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let state = me(args, "close")?;
    if let Value::Instance(inst) = &args[0] {
        // The base class's flag, so Python-level `closed` overrides agree.
        inst.dict.set_str("__IOBase_closed", Value::Bool(true));
    }
    state.close(vm)?;
    Ok(Value::None)
}

fn repr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let state = me(args, "__repr__")?;
    let Value::Instance(inst) = &args[0] else { return Ok(Value::None) };
    let class = format!("_io.{}", inst.class.name);
    if state.fd.get() < 0 {
        return Ok(Value::str(&format!("<{class} [closed]>")));
    }
    let closefd = if state.closefd.get() { "True" } else { "False" };
    let text = match inst.dict.get_str("name") {
        Some(name) => format!("<{class} name={} mode='{}' closefd={closefd}>", vm.repr(&name)?, state.mode()),
        None => format!("<{class} fd={} mode='{}' closefd={closefd}>", state.fd.get(), state.mode()),
    };
    Ok(Value::str(&text))
}

fn check_open(args: &[Value], method: &str) -> PyResult<i32> {
    me(args, method)?.open_fd()
}

pub fn make_type(raw_base: &Rc<TypeObject>) -> Rc<TypeObject> {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", init),
        ("read", read),
        ("readall", |vm, a, _| Ok(new_bytes(me(a, "readall")?.readall(vm)?))),
        ("readinto", readinto),
        ("write", write),
        ("seek", seek),
        ("tell", |vm, a, _| Ok(Value::Int(me(a, "tell")?.seek(vm, 0, libc::SEEK_CUR)?))),
        ("truncate", truncate),
        ("close", close),
        ("fileno", |_, a, _| Ok(Value::Int(check_open(a, "fileno")? as i64))),
        ("isatty", |_, a, _| {
            let fd = check_open(a, "isatty")?;
            // SAFETY: plain system call.
            Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
        }),
        ("readable", |_, a, _| {
            check_open(a, "readable")?;
            Ok(Value::Bool(me(a, "readable")?.readable.get()))
        }),
        ("writable", |_, a, _| {
            check_open(a, "writable")?;
            Ok(Value::Bool(me(a, "writable")?.writable.get()))
        }),
        ("seekable", |_, a, _| Ok(Value::Bool(me(a, "seekable")?.is_seekable()?))),
        ("__repr__", repr),
        ("_dealloc_warn", |_, _, _| Ok(Value::None)),
        ("__getstate__", |_, a, _| {
            Err(PyErr::type_error(format!(
                "cannot pickle '{}' instances",
                a.first().map_or("FileIO", |v| v.type_name())
            )))
        }),
    ];
    let properties: &[(&'static str, NativeFn, Option<NativeFn>)] = &[
        ("closed", |_, a, _| Ok(Value::Bool(me(a, "closed")?.fd.get() < 0)), None),
        ("closefd", |_, a, _| Ok(Value::Bool(me(a, "closefd")?.closefd.get())), None),
        ("mode", |_, a, _| Ok(Value::str(me(a, "mode")?.mode())), None),
    ];
    make_class(raw_base, "FileIO", Some(new), methods, properties)
}
