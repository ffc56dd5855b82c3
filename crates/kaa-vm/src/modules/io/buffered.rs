//! `BufferedReader`, `BufferedWriter`, `BufferedRandom` (one implementation, three kinds) and
//! `BufferedRWPair`. Over a plain `FileIO` they make the system calls themselves; over any
//! other raw object they call its methods. The console streams' buffers (`sys.stdout.buffer`)
//! write into the VM's stdout buffer, so text and binary output stay in order.

use super::fileio::plain_fileio;
use super::{call_method, make_class, method_args, size_arg, unsupported, DEFAULT_BUFFER_SIZE};
use crate::builtins::{clinic, native_self, new_native_instance, Kwargs};
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::bytes::new_bytes;
use crate::objects::function::NativeFn;
use crate::objects::types::{NativeData, TypeObject};
use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::io::Write;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq)]
pub enum Kind {
    Reader,
    Writer,
    Random,
}

pub struct Buffered {
    raw: RefCell<Value>,
    kind: Kind,
    size: Cell<usize>,
    read_buf: RefCell<Vec<u8>>,
    read_pos: Cell<usize>,
    write_buf: RefCell<Vec<u8>>,
    /// 1 or 2 for the console streams' buffers (writes go to the VM's stdout / to stderr).
    pub console: Cell<i32>,
    initialized: Cell<bool>,
}

impl NativeData for Buffered {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.raw.borrow());
    }
    fn clear(&self, bin: &mut Vec<Value>) {
        bin.push(self.raw.replace(Value::None));
    }
}

impl Drop for Buffered {
    /// What CPython's finalizer does for an unclosed buffered file: write out what is pending
    /// (here only possible, without the VM, over a plain FileIO).
    fn drop(&mut self) {
        let pending = std::mem::take(&mut *self.write_buf.borrow_mut());
        if pending.is_empty() {
            return;
        }
        if let Some(f) = plain_fileio(&self.raw.borrow()) {
            let fd = f.fd.get();
            let mut rest = &pending[..];
            while fd >= 0 && !rest.is_empty() {
                // SAFETY: `rest` is valid for its length.
                let n = unsafe { libc::write(fd, rest.as_ptr().cast(), rest.len()) };
                if n <= 0 {
                    break;
                }
                rest = &rest[n as usize..];
            }
        }
    }
}

impl Buffered {
    pub fn new(kind: Kind, raw: Value, size: usize) -> Buffered {
        Buffered {
            raw: RefCell::new(raw),
            kind,
            size: Cell::new(size),
            read_buf: RefCell::new(Vec::new()),
            read_pos: Cell::new(0),
            write_buf: RefCell::new(Vec::new()),
            console: Cell::new(-1),
            initialized: Cell::new(true),
        }
    }

    fn raw(&self) -> PyResult<Value> {
        let raw = self.raw.borrow().clone();
        if matches!(raw, Value::None) {
            return Err(PyErr::value_error("raw stream has been detached"));
        }
        Ok(raw)
    }

    pub fn is_closed(&self, vm: &mut Vm) -> PyResult<bool> {
        if self.console.get() > 0 {
            return Ok(false);
        }
        let raw = self.raw()?;
        if let Some(f) = plain_fileio(&raw) {
            return Ok(f.fd.get() < 0);
        }
        super::base::is_closed(vm, &raw)
    }

    fn check_open(&self, vm: &mut Vm, msg: &str) -> PyResult<()> {
        if self.is_closed(vm)? {
            return Err(PyErr::value_error(msg));
        }
        Ok(())
    }

    /// One read from the raw stream: None when it would block, empty at end of file.
    fn raw_read(&self, vm: &mut Vm, n: usize) -> PyResult<Option<Vec<u8>>> {
        let raw = self.raw()?;
        if let Some(f) = plain_fileio(&raw) {
            return f.read(vm, n);
        }
        let r = call_method(vm, &raw, "read", vec![Value::Int(n as i64)])?;
        if matches!(r, Value::None) {
            return Ok(None);
        }
        Ok(Some(crate::objects::bytes::buffer_arg(&r)?.into_vec()))
    }

    fn raw_write(&self, vm: &mut Vm, data: &[u8]) -> PyResult<Option<usize>> {
        match self.console.get() {
            1 => {
                let _ = vm.stdout.write_all(data);
                return Ok(Some(data.len()));
            }
            2 => {
                let _ = vm.stdout.flush();
                let _ = std::io::stderr().write_all(data);
                return Ok(Some(data.len()));
            }
            _ => {}
        }
        let raw = self.raw()?;
        if let Some(f) = plain_fileio(&raw) {
            return f.write(vm, data);
        }
        let r = call_method(vm, &raw, "write", vec![new_bytes(data.to_vec())])?;
        match r {
            Value::None => Ok(None),
            v => Ok(Some(crate::objects::args::ssize_arg(vm, &v)?.max(0) as usize)),
        }
    }

    fn raw_seek(&self, vm: &mut Vm, pos: i64, whence: i32) -> PyResult<i64> {
        let raw = self.raw()?;
        if let Some(f) = plain_fileio(&raw) {
            return f.seek(vm, pos, whence);
        }
        let r = call_method(vm, &raw, "seek", vec![Value::Int(pos), Value::Int(whence as i64)])?;
        crate::objects::args::ssize_arg(vm, &r)
    }

    /// Writes out everything pending.
    pub fn flush_writes(&self, vm: &mut Vm) -> PyResult<()> {
        loop {
            let pending = std::mem::take(&mut *self.write_buf.borrow_mut());
            if pending.is_empty() {
                return Ok(());
            }
            let mut done = 0;
            while done < pending.len() {
                match self.raw_write(vm, &pending[done..]) {
                    Ok(Some(n)) => done += n,
                    Ok(None) => {
                        // Keep what could not be written (non-blocking raw stream).
                        let mut buf = self.write_buf.borrow_mut();
                        let rest: Vec<u8> = pending[done..].iter().chain(buf.iter()).copied().collect();
                        *buf = rest;
                        return Err(PyErr::new(
                            ExcKind::BlockingIOError,
                            "write could not complete without blocking",
                        ));
                    }
                    Err(e) => {
                        let mut buf = self.write_buf.borrow_mut();
                        let rest: Vec<u8> = pending[done..].iter().chain(buf.iter()).copied().collect();
                        *buf = rest;
                        return Err(e);
                    }
                }
            }
        }
    }

    /// Forgets read-ahead, moving the raw position back to the logical one.
    fn drop_read_ahead(&self, vm: &mut Vm) -> PyResult<()> {
        let unread = self.unread();
        if unread > 0 {
            self.raw_seek(vm, -(unread as i64), 1)?;
        }
        self.read_buf.borrow_mut().clear();
        self.read_pos.set(0);
        Ok(())
    }

    /// Appends bytes to the write buffer without the VM (a text layer being dropped hands
    /// over what it has pending; this object's own drop writes it out).
    pub fn push_pending(&self, data: &[u8]) {
        self.write_buf.borrow_mut().extend_from_slice(data);
    }

    /// `read1(n)` for the text layer.
    pub fn read1_public(&self, vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
        self.read1(vm, Some(n))
    }

    fn unread(&self) -> usize {
        self.read_buf.borrow().len() - self.read_pos.get()
    }

    /// Takes up to `n` buffered bytes.
    fn take_buffered(&self, n: usize) -> Vec<u8> {
        let buf = self.read_buf.borrow();
        let pos = self.read_pos.get();
        let end = pos + n.min(buf.len() - pos);
        self.read_pos.set(end);
        buf[pos..end].to_vec()
    }

    /// Refills the read buffer with one raw read; false at end of file (or would block).
    fn fill(&self, vm: &mut Vm) -> PyResult<bool> {
        let size = self.size.get();
        let chunk = self.raw_read(vm, size)?;
        let mut buf = self.read_buf.borrow_mut();
        let pos = self.read_pos.get();
        buf.drain(..pos);
        self.read_pos.set(0);
        match chunk {
            Some(c) if !c.is_empty() => {
                buf.extend_from_slice(&c);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    pub fn read(&self, vm: &mut Vm, n: Option<usize>) -> PyResult<Option<Vec<u8>>> {
        if self.kind == Kind::Writer {
            return Err(unsupported(vm, "read"));
        }
        self.check_open(vm, "read of closed file")?;
        self.flush_writes(vm)?;
        match n {
            None => {
                let mut out = self.take_buffered(usize::MAX);
                let raw = self.raw()?;
                let rest = if let Some(f) = plain_fileio(&raw) {
                    Some(f.readall(vm)?)
                } else if vm.get_attr(&raw, "readall").is_ok() {
                    let r = call_method(vm, &raw, "readall", Vec::new())?;
                    match r {
                        Value::None => None,
                        v => Some(crate::objects::bytes::buffer_arg(&v)?.into_vec()),
                    }
                } else {
                    let mut all = Vec::new();
                    while let Some(chunk) = self.raw_read(vm, self.size.get())? {
                        if chunk.is_empty() {
                            break;
                        }
                        all.extend_from_slice(&chunk);
                    }
                    Some(all)
                };
                match rest {
                    Some(r) => out.extend_from_slice(&r),
                    None if out.is_empty() => return Ok(None),
                    None => {}
                }
                Ok(Some(out))
            }
            Some(n) => {
                let mut out = self.take_buffered(n);
                while out.len() < n {
                    if n - out.len() >= self.size.get() {
                        // Large reads go straight to the raw stream.
                        match self.raw_read(vm, n - out.len())? {
                            Some(c) if !c.is_empty() => out.extend_from_slice(&c),
                            None if out.is_empty() => return Ok(None),
                            _ => break,
                        }
                    } else {
                        if !self.fill(vm)? {
                            break;
                        }
                        let more = self.take_buffered(n - out.len());
                        out.extend_from_slice(&more);
                    }
                }
                Ok(Some(out))
            }
        }
    }

    fn read1(&self, vm: &mut Vm, n: Option<usize>) -> PyResult<Vec<u8>> {
        if self.kind == Kind::Writer {
            return Err(unsupported(vm, "read1"));
        }
        self.check_open(vm, "read of closed file")?;
        self.flush_writes(vm)?;
        let n = n.unwrap_or(self.size.get());
        if n == 0 {
            return Ok(Vec::new());
        }
        if self.unread() == 0 {
            if n >= self.size.get() {
                return Ok(self.raw_read(vm, n)?.unwrap_or_default());
            }
            self.fill(vm)?;
        }
        Ok(self.take_buffered(n))
    }

    fn readline(&self, vm: &mut Vm, limit: Option<usize>) -> PyResult<Vec<u8>> {
        if self.kind == Kind::Writer {
            return Err(unsupported(vm, "read"));
        }
        self.check_open(vm, "readline of closed file")?;
        self.flush_writes(vm)?;
        let mut out = Vec::new();
        loop {
            let want = limit.map_or(usize::MAX, |l| l - out.len());
            if want == 0 {
                break;
            }
            let (found, chunk) = {
                let buf = self.read_buf.borrow();
                let pos = self.read_pos.get();
                let avail = &buf[pos..];
                let avail = &avail[..avail.len().min(want)];
                match avail.iter().position(|&b| b == b'\n') {
                    Some(i) => (true, avail[..=i].to_vec()),
                    None => (false, avail.to_vec()),
                }
            };
            self.read_pos.set(self.read_pos.get() + chunk.len());
            out.extend_from_slice(&chunk);
            if found || limit.is_some_and(|l| out.len() >= l) {
                break;
            }
            if !self.fill(vm)? {
                break;
            }
        }
        Ok(out)
    }

    pub fn write(&self, vm: &mut Vm, data: &[u8]) -> PyResult<usize> {
        if self.kind == Kind::Reader {
            return Err(unsupported(vm, "write"));
        }
        if self.console.get() > 0 {
            self.raw_write(vm, data)?;
            return Ok(data.len());
        }
        self.check_open(vm, "write to closed file")?;
        if self.unread() > 0 {
            self.drop_read_ahead(vm)?;
        }
        // What does not fit goes out first; data larger than the buffer goes straight through.
        if self.write_buf.borrow().len() + data.len() > self.size.get() {
            self.flush_writes(vm)?;
        }
        if data.len() > self.size.get() {
            let mut done = 0;
            while done < data.len() {
                match self.raw_write(vm, &data[done..])? {
                    Some(n) => done += n,
                    None => {
                        self.write_buf.borrow_mut().extend_from_slice(&data[done..]);
                        break;
                    }
                }
            }
        } else {
            self.write_buf.borrow_mut().extend_from_slice(data);
        }
        Ok(data.len())
    }

    pub fn flush(&self, vm: &mut Vm) -> PyResult<()> {
        if self.console.get() > 0 {
            let _ = vm.stdout.flush();
            return Ok(());
        }
        if self.kind != Kind::Reader {
            self.check_open(vm, "flush of closed file")?;
        }
        self.flush_writes(vm)
    }

    fn tell(&self, vm: &mut Vm) -> PyResult<i64> {
        let pos = self.raw_seek(vm, 0, 1)?;
        let pos = pos - self.unread() as i64 + self.write_buf.borrow().len() as i64;
        Ok(pos.max(0))
    }

    fn seek(&self, vm: &mut Vm, pos: i64, whence: i32) -> PyResult<i64> {
        if !(0..=2).contains(&whence) {
            return Err(PyErr::value_error(format!("whence value {whence} unsupported")));
        }
        self.check_open(vm, "seek of closed file")?;
        self.flush_writes(vm)?;
        let target = if whence == 1 { pos - self.unread() as i64 } else { pos };
        self.read_buf.borrow_mut().clear();
        self.read_pos.set(0);
        self.raw_seek(vm, target, whence)
    }

    pub fn close(&self, vm: &mut Vm) -> PyResult<()> {
        if self.console.get() > 0 {
            let _ = vm.stdout.flush();
            return Ok(());
        }
        if self.is_closed(vm)? {
            return Ok(());
        }
        let flushed = self.flush_writes(vm);
        let raw = self.raw()?;
        let closed = if let Some(f) = plain_fileio(&raw) {
            if let Value::Instance(i) = &raw {
                i.dict.set_str("__IOBase_closed", Value::Bool(true));
            }
            f.close(vm)
        } else {
            call_method(vm, &raw, "close", Vec::new()).map(|_| ())
        };
        self.read_buf.borrow_mut().clear();
        self.read_pos.set(0);
        flushed.and(closed)
    }
}

fn me<'a>(args: &'a [Value], method: &str) -> PyResult<&'a Buffered> {
    let b = native_self::<Buffered>(args, "_io._Buffered", method)?;
    if !b.initialized.get() {
        return Err(PyErr::value_error("I/O operation on uninitialized object"));
    }
    Ok(b)
}

fn kind_of(cls: &TypeObject) -> Kind {
    let mut t = Some(cls);
    let mro = cls.mro_tail.clone();
    let mut i = 0;
    while let Some(c) = t {
        if super::is_io_module(c) {
            match c.name.as_str() {
                "BufferedReader" => return Kind::Reader,
                "BufferedWriter" => return Kind::Writer,
                "BufferedRandom" => return Kind::Random,
                _ => {}
            }
        }
        t = mro.get(i).map(|r| &**r);
        i += 1;
    }
    Kind::Random
}

fn new(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let Some(Value::Type(cls)) = args.first() else {
        return Err(PyErr::type_error("Buffered.__new__(X): X is not a type object"));
    };
    let state = Buffered::new(kind_of(cls), Value::None, DEFAULT_BUFFER_SIZE);
    state.initialized.set(false);
    Ok(new_native_instance(vm, cls, Box::new(state)))
}

fn init(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let state = native_self::<Buffered>(args, "_io._Buffered", "__init__")?;
    let [raw, size] = clinic("BufferedReader", &args[1..], kwargs, ["raw", "buffer_size"], 2, 1)?;
    let raw = raw.unwrap_or(Value::None);
    let size = match size {
        None => DEFAULT_BUFFER_SIZE as i64,
        Some(v) => crate::objects::args::ssize_arg(vm, &v)?,
    };
    if size <= 0 {
        return Err(PyErr::value_error("buffer size must be strictly positive"));
    }
    if state.kind != Kind::Writer && plain_fileio(&raw).is_none() {
        let ok = call_method(vm, &raw, "readable", Vec::new())?;
        if !vm.truthy(&ok)? {
            return Err(unsupported(vm, "File or stream is not readable."));
        }
    }
    if state.kind != Kind::Reader && plain_fileio(&raw).is_none() {
        let ok = call_method(vm, &raw, "writable", Vec::new())?;
        if !vm.truthy(&ok)? {
            return Err(unsupported(vm, "File or stream is not writable."));
        }
    }
    *state.raw.borrow_mut() = raw;
    state.size.set(size as usize);
    state.initialized.set(true);
    Ok(Value::None)
}

fn read(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("read", args, kwargs, 0, 1)?;
    let n = size_arg(vm, rest.first())?;
    Ok(me(args, "read")?.read(vm, n)?.map_or(Value::None, new_bytes))
}

fn read1(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("read1", args, kwargs, 0, 1)?;
    let n = size_arg(vm, rest.first())?;
    Ok(new_bytes(me(args, "read1")?.read1(vm, n)?))
}

fn peek(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    method_args("peek", args, kwargs, 0, 1)?;
    let state = me(args, "peek")?;
    if state.kind == Kind::Writer {
        return Err(unsupported(vm, "peek"));
    }
    state.check_open(vm, "peek of closed file")?;
    state.flush_writes(vm)?;
    if state.unread() == 0 {
        state.fill(vm)?;
    }
    let buf = state.read_buf.borrow();
    Ok(new_bytes(buf[state.read_pos.get()..].to_vec()))
}

fn readline(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("readline", args, kwargs, 0, 1)?;
    let limit = size_arg(vm, rest.first())?;
    Ok(new_bytes(me(args, "readline")?.readline(vm, limit)?))
}

fn next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let line = me(args, "__next__")?.readline(vm, None)?;
    if line.is_empty() {
        return Err(PyErr::new(ExcKind::StopIteration, ""));
    }
    Ok(new_bytes(line))
}

fn readinto(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, one: bool) -> PyResult<Value> {
    let rest = method_args("readinto", args, kwargs, 1, 1)?;
    let n = super::buffer_len(vm, &rest[0])?;
    let state = me(args, "readinto")?;
    let data = if one { state.read1(vm, Some(n))? } else { state.read(vm, Some(n))?.unwrap_or_default() };
    super::fill_buffer(vm, &rest[0], &data)?;
    Ok(Value::Int(data.len() as i64))
}

fn write(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("write", args, kwargs, 1, 1)?;
    let state = me(args, "write")?;
    let data = super::bytes_arg(&rest[0])?;
    Ok(Value::Int(state.write(vm, &data)? as i64))
}

fn seek(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("seek", args, kwargs, 1, 2)?;
    let pos = crate::objects::args::ssize_arg(vm, &rest[0])?;
    let whence = match rest.get(1) {
        Some(w) => crate::objects::args::cint_arg(vm, w)? as i32,
        None => 0,
    };
    Ok(Value::Int(me(args, "seek")?.seek(vm, pos, whence)?))
}

fn truncate(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("truncate", args, kwargs, 0, 1)?;
    let state = me(args, "truncate")?;
    state.check_open(vm, "truncate of closed file")?;
    if state.kind == Kind::Reader {
        return Err(unsupported(vm, "truncate"));
    }
    state.flush_writes(vm)?;
    let pos = match rest.first() {
        None | Some(Value::None) => Value::Int(state.tell(vm)?),
        Some(v) => v.clone(),
    };
    state.drop_read_ahead(vm)?;
    let raw = state.raw()?;
    call_method(vm, &raw, "truncate", vec![pos])
}

fn detach(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let state = me(args, "detach")?;
    state.flush(vm)?;
    let raw = state.raw()?;
    *state.raw.borrow_mut() = Value::None;
    Ok(raw)
}

/// Asks the raw stream (`raw.name`, `raw.fileno()`, ...).
fn delegate(vm: &mut Vm, args: &[Value], method: &str, call: bool) -> PyResult<Value> {
    let raw = me(args, method)?.raw()?;
    if call {
        call_method(vm, &raw, method, Vec::new())
    } else {
        vm.get_attr(&raw, method)
    }
}

fn repr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let Some(Value::Instance(inst)) = args.first() else { return Ok(Value::None) };
    let class = format!("_io.{}", inst.class.name);
    let raw = native_self::<Buffered>(args, "_io._Buffered", "__repr__")?.raw.borrow().clone();
    match vm.get_attr(&raw, "name") {
        Ok(name) => Ok(Value::str(&format!("<{class} name={}>", vm.repr(&name)?))),
        Err(_) => Ok(Value::str(&format!("<{class}>"))),
    }
}

pub fn make_type(buffered_base: &Rc<TypeObject>, name: &str) -> Rc<TypeObject> {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", init),
        ("read", read),
        ("read1", read1),
        ("peek", peek),
        ("readline", readline),
        ("__next__", next),
        ("readinto", |vm, a, k| readinto(vm, a, k, false)),
        ("readinto1", |vm, a, k| readinto(vm, a, k, true)),
        ("write", write),
        ("flush", |vm, a, _| {
            me(a, "flush")?.flush(vm)?;
            Ok(Value::None)
        }),
        ("seek", seek),
        ("tell", |vm, a, _| Ok(Value::Int(me(a, "tell")?.tell(vm)?))),
        ("truncate", truncate),
        ("close", |vm, a, _| {
            me(a, "close")?.close(vm)?;
            Ok(Value::None)
        }),
        ("detach", detach),
        ("fileno", |vm, a, _| delegate(vm, a, "fileno", true)),
        ("isatty", |vm, a, _| delegate(vm, a, "isatty", true)),
        ("readable", |vm, a, _| {
            let s = me(a, "readable")?;
            if s.kind == Kind::Writer {
                return Ok(Value::Bool(false));
            }
            delegate(vm, a, "readable", true)
        }),
        ("writable", |vm, a, _| {
            let s = me(a, "writable")?;
            if s.kind == Kind::Reader {
                return Ok(Value::Bool(false));
            }
            delegate(vm, a, "writable", true)
        }),
        ("seekable", |vm, a, _| delegate(vm, a, "seekable", true)),
        ("__repr__", repr),
        ("_dealloc_warn", |_, _, _| Ok(Value::None)),
    ];
    let properties: &[(&'static str, NativeFn, Option<NativeFn>)] = &[
        ("closed", |vm, a, _| Ok(Value::Bool(me(a, "closed")?.is_closed(vm)?)), None),
        ("raw", |_, a, _| Ok(me(a, "raw")?.raw.borrow().clone()), None),
        ("name", |vm, a, _| delegate(vm, a, "name", false), None),
        ("mode", |vm, a, _| delegate(vm, a, "mode", false), None),
    ];
    make_class(buffered_base, name, Some(new), methods, properties)
}

/// Creates a buffered object of `kind` over `raw` (for `open` and the console streams).
pub fn wrap(vm: &mut Vm, kind: Kind, raw: Value, size: usize) -> PyResult<Value> {
    let name = match kind {
        Kind::Reader => "BufferedReader",
        Kind::Writer => "BufferedWriter",
        Kind::Random => "BufferedRandom",
    };
    let cls = super::io_type(vm, name)?;
    Ok(new_native_instance(vm, &cls, Box::new(Buffered::new(kind, raw, size))))
}

/// The buffered payload of a plain `_io` buffered object (for the text layer's fast path).
pub fn plain_buffered(v: &Value) -> Option<&Buffered> {
    match v {
        Value::Instance(i) if super::is_io_module(&i.class) => i.native_data::<Buffered>(),
        _ => None,
    }
}

// ---- BufferedRWPair ----

struct Pair {
    reader: Value,
    writer: Value,
}

impl NativeData for Pair {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.reader);
        visit(&self.writer);
    }
}

fn pair_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Some(Value::Type(cls)) = args.first() else {
        return Err(PyErr::type_error("BufferedRWPair.__new__(X): X is not a type object"));
    };
    crate::builtins::no_kwargs("BufferedRWPair", kwargs)?;
    crate::builtins::arity("BufferedRWPair", &args[1..], 2, 3)?;
    let size = match args.get(3) {
        Some(v) => crate::objects::args::ssize_arg(vm, v)?,
        None => DEFAULT_BUFFER_SIZE as i64,
    };
    if size <= 0 {
        return Err(PyErr::value_error("buffer size must be strictly positive"));
    }
    let reader = wrap(vm, Kind::Reader, args[1].clone(), size as usize)?;
    let writer = wrap(vm, Kind::Writer, args[2].clone(), size as usize)?;
    Ok(new_native_instance(vm, cls, Box::new(Pair { reader, writer })))
}

fn pair_call(vm: &mut Vm, args: &[Value], method: &str, writer: bool) -> PyResult<Value> {
    let p = native_self::<Pair>(args, "_io.BufferedRWPair", method)?;
    let target = if writer { p.writer.clone() } else { p.reader.clone() };
    call_method(vm, &target, method, args[1..].to_vec())
}

pub fn make_pair_type(buffered_base: &Rc<TypeObject>) -> Rc<TypeObject> {
    let methods: &[(&'static str, NativeFn)] = &[
        ("read", |vm, a, _| pair_call(vm, a, "read", false)),
        ("read1", |vm, a, _| pair_call(vm, a, "read1", false)),
        ("peek", |vm, a, _| pair_call(vm, a, "peek", false)),
        ("readinto", |vm, a, _| pair_call(vm, a, "readinto", false)),
        ("readinto1", |vm, a, _| pair_call(vm, a, "readinto1", false)),
        ("readable", |vm, a, _| pair_call(vm, a, "readable", false)),
        ("write", |vm, a, _| pair_call(vm, a, "write", true)),
        ("flush", |vm, a, _| pair_call(vm, a, "flush", true)),
        ("writable", |vm, a, _| pair_call(vm, a, "writable", true)),
        ("isatty", |vm, a, _| {
            let w = pair_call(vm, a, "isatty", true)?;
            if vm.truthy(&w)? {
                return Ok(w);
            }
            pair_call(vm, a, "isatty", false)
        }),
        ("close", |vm, a, _| {
            let r = pair_call(vm, a, "close", true);
            pair_call(vm, a, "close", false)?;
            r.map(|_| Value::None)
        }),
    ];
    let properties: &[(&'static str, NativeFn, Option<NativeFn>)] = &[(
        "closed",
        |vm, a, _| {
            let p = native_self::<Pair>(a, "_io.BufferedRWPair", "closed")?;
            let w = p.writer.clone();
            vm.get_attr(&w, "closed")
        },
        None,
    )];
    make_class(buffered_base, "BufferedRWPair", Some(pair_new), methods, properties)
}
