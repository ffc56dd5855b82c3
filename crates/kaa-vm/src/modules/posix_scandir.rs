//! `posix.scandir` and its `DirEntry` objects: a directory's entries with the file type the
//! directory listing already reports, so `is_dir()`/`is_file()` usually need no `stat`.

use super::posix::{do_stat, errno_error, path_or_fd, wrap_name, PathArg, PathOrFd};
use crate::builtins::{clinic, native_self, native_type, new_native_instance, Kwargs};
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::err_is;
use crate::objects::dict::DictObject;
use crate::objects::function::NativeFn;
use crate::objects::types::NativeData;
use crate::value::Value;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;

/// One directory entry.
struct DirEntry {
    /// The full path (directory joined with the name), as bytes.
    path: Vec<u8>,
    file_type: Option<std::fs::FileType>,
    ino: u64,
    /// `stat()` and `stat(follow_symlinks=False)`, fetched at most once each.
    stat: RefCell<Option<Value>>,
    lstat: RefCell<Option<Value>>,
    /// The `path` attribute as Python sees it (str or bytes).
    path_value: Value,
}

impl NativeData for DirEntry {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.path_value);
        if let Some(v) = &*self.stat.borrow() {
            visit(v);
        }
        if let Some(v) = &*self.lstat.borrow() {
            visit(v);
        }
    }
}

/// The entries not yet returned by a `scandir` iterator.
struct ScandirIterator {
    entries: RefCell<VecDeque<Value>>,
}

impl NativeData for ScandirIterator {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.entries.borrow().iter().for_each(visit);
    }
    fn clear(&self, bin: &mut Vec<Value>) {
        bin.extend(self.entries.borrow_mut().drain(..));
    }
}

fn entry<'a>(args: &'a [Value], method: &str) -> PyResult<&'a DirEntry> {
    native_self::<DirEntry>(args, "posix.DirEntry", method)
}

fn follow_arg(vm: &mut Vm, fname: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<bool> {
    let [follow] = clinic(fname, &args[1.min(args.len())..], kwargs, ["follow_symlinks"], 0, 0)?;
    match follow {
        None => Ok(true),
        Some(v) => vm.truthy(&v),
    }
}

fn entry_stat(vm: &mut Vm, e: &DirEntry, follow: bool) -> PyResult<Value> {
    let is_link = e.file_type.is_some_and(|t| t.is_symlink());
    let cache = if follow && is_link { &e.stat } else { &e.lstat };
    if let Some(v) = &*cache.borrow() {
        return Ok(v.clone());
    }
    let c = CString::new(e.path.clone()).map_err(|_| PyErr::value_error("embedded null byte"))?;
    let target = PathOrFd::Path(PathArg { c, obj: e.path_value.clone(), bytes: false });
    let v = do_stat(vm, &target, follow && is_link)?;
    *cache.borrow_mut() = Some(v.clone());
    Ok(v)
}

/// Is the entry of file type `want` (S_IFDIR, S_IFREG)? A missing target answers False.
fn test_mode(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, fname: &str, want: u32) -> PyResult<Value> {
    let follow = follow_arg(vm, fname, args, kwargs)?;
    let e = entry(args, fname)?;
    if let Some(t) = e.file_type {
        if !(follow && t.is_symlink()) {
            let yes = if want == libc::S_IFDIR { t.is_dir() } else { t.is_file() };
            return Ok(Value::Bool(yes));
        }
    }
    match entry_stat(vm, e, follow) {
        Ok(st) => {
            let mode = vm.get_attr(&st, "st_mode")?;
            Ok(Value::Bool(matches!(mode, Value::Int(m) if (m as u32) & libc::S_IFMT == want)))
        }
        Err(err) if err_is(vm, &err, ExcKind::FileNotFoundError) => Ok(Value::Bool(false)),
        Err(err) => Err(err),
    }
}

fn is_symlink(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::objects::args::noargs("DirEntry", "is_symlink", args, kwargs)?;
    let e = entry(args, "is_symlink")?;
    if let Some(t) = e.file_type {
        return Ok(Value::Bool(t.is_symlink()));
    }
    let st = entry_stat(vm, e, false)?;
    let mode = vm.get_attr(&st, "st_mode")?;
    Ok(Value::Bool(matches!(mode, Value::Int(m) if (m as u32) & libc::S_IFMT == libc::S_IFLNK)))
}

fn stat(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let follow = follow_arg(vm, "stat", args, kwargs)?;
    let e = entry(args, "stat")?;
    entry_stat(vm, e, follow)
}

fn repr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let Some(Value::Instance(inst)) = args.first() else { return Ok(Value::None) };
    let name = inst.dict.get_str("name").unwrap_or(Value::None);
    Ok(Value::str(&format!("<DirEntry {}>", vm.repr(&name)?)))
}

fn scandir(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [path] = clinic("scandir", args, kwargs, ["path"], 1, 0)?;
    let (dir, obj, bytes): (Vec<u8>, Value, bool) = match path {
        None | Some(Value::None) => (b".".to_vec(), Value::str("."), false),
        Some(v) => match path_or_fd(vm, "scandir", "path", &v, false)? {
            PathOrFd::Path(p) => (p.c.as_bytes().to_vec(), p.obj, p.bytes),
            PathOrFd::Fd(_) => unreachable!("fds not allowed"),
        },
    };
    let os_dir = std::path::Path::new(std::ffi::OsStr::from_bytes(&dir));
    let read = std::fs::read_dir(os_dir)
        .map_err(|e| errno_error(vm, e.raw_os_error().unwrap_or(0), Some(&obj), None))?;
    let class = super::posix::own_type(vm, "DirEntry")?;
    let mut entries = VecDeque::new();
    for item in read {
        let item = item.map_err(|e| errno_error(vm, e.raw_os_error().unwrap_or(0), Some(&obj), None))?;
        let name = item.file_name().as_bytes().to_vec();
        let mut full = dir.clone();
        if !full.ends_with(b"/") {
            full.push(b'/');
        }
        full.extend_from_slice(&name);
        let path_value = wrap_name(&full, bytes);
        let data = DirEntry {
            path: full,
            file_type: item.file_type().ok(),
            ino: std::os::unix::fs::DirEntryExt::ino(&item),
            stat: RefCell::new(None),
            lstat: RefCell::new(None),
            path_value: path_value.clone(),
        };
        let v = new_native_instance(vm, &class, Box::new(data));
        if let Value::Instance(inst) = &v {
            inst.dict.set_str("name", wrap_name(&name, bytes));
            inst.dict.set_str("path", path_value);
        }
        entries.push_back(v);
    }
    let class = super::posix::own_type(vm, " ScandirIterator")?;
    Ok(new_native_instance(vm, &class, Box::new(ScandirIterator { entries: RefCell::new(entries) })))
}

fn iterator<'a>(args: &'a [Value], method: &str) -> PyResult<&'a ScandirIterator> {
    native_self::<ScandirIterator>(args, "posix.ScandirIterator", method)
}

pub fn init(vm: &mut Vm, dict: &DictObject) {
    let entry_methods: &[(&'static str, NativeFn)] = &[
        ("is_dir", |vm, a, k| test_mode(vm, a, k, "is_dir", libc::S_IFDIR)),
        ("is_file", |vm, a, k| test_mode(vm, a, k, "is_file", libc::S_IFREG)),
        ("is_symlink", is_symlink),
        ("stat", stat),
        ("inode", |_, a, _| Ok(Value::Int(entry(a, "inode")?.ino as i64))),
        ("__fspath__", |_, a, _| Ok(entry(a, "__fspath__")?.path_value.clone())),
        ("__repr__", repr),
    ];
    let t = native_type(&vm.types.object, "DirEntry", None, entry_methods);
    *t.module.borrow_mut() = Some(Value::str("posix"));
    dict.set_str("DirEntry", Value::Type(t));
    let iter_methods: &[(&'static str, NativeFn)] = &[
        ("__iter__", |_, a, _| {
            iterator(a, "__iter__")?;
            Ok(a[0].clone())
        }),
        ("__next__", |_, a, _| {
            let it = iterator(a, "__next__")?;
            let next = it.entries.borrow_mut().pop_front();
            next.ok_or_else(|| PyErr::new(ExcKind::StopIteration, ""))
        }),
        ("close", |_, a, _| {
            iterator(a, "close")?.entries.borrow_mut().clear();
            Ok(Value::None)
        }),
        ("__enter__", |_, a, _| {
            iterator(a, "__enter__")?;
            Ok(a[0].clone())
        }),
        ("__exit__", |_, a, _| {
            iterator(a, "__exit__")?.entries.borrow_mut().clear();
            Ok(Value::None)
        }),
    ];
    let t = native_type(&vm.types.object, "ScandirIterator", None, iter_methods);
    *t.module.borrow_mut() = Some(Value::str("posix"));
    dict.set_str(" ScandirIterator", Value::Type(t));
    super::add_functions(dict, &[("scandir", scandir)]);
}
