//! `marshal`: CPython's byte format for None, booleans, Ellipsis, StopIteration, int, float,
//! complex, str, bytes(-like), tuple, list, dict, set and frozenset, versions 0 to 4 (binary
//! floats from 2, references from 3, short ASCII strings and small tuples from 4). Code
//! objects are not marshallable: Kaa's bytecode is not CPython's.
//!
//! CPython marks an object as referenceable (FLAG_REF) when its reference count is above one
//! and writes later occurrences of the same object as references. Kaa mirrors that with the
//! `Rc` count of heap values; inline ints and floats have no count, so they are treated as the
//! constants they usually are in such programs (referenceable, equal values shared), and
//! identifier-like strings held elsewhere as interned, like CPython's constant strings.

use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::bytes::new_bytes;
use crate::objects::dict::DictObject;
use crate::value::Value;
use num_bigint::{BigInt, Sign};
use std::collections::HashMap;
use std::rc::Rc;

const VERSION: i64 = 4;
const FLAG_REF: u8 = 0x80;
const MAX_DEPTH: usize = 2000;

pub fn init(dict: &DictObject) {
    super::add_functions(dict, &[("dumps", dumps), ("loads", loads), ("dump", dump), ("load", load)]);
    dict.set_str("version", Value::Int(VERSION));
}

fn version_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None => Ok(VERSION),
        Some(v) => crate::objects::args::cint_arg(vm, v),
    }
}

fn dumps(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("dumps", kwargs)?;
    crate::builtins::arity("dumps", args, 1, 2)?;
    let version = version_arg(vm, args.get(1))?;
    let mut w = writer(vm, version);
    w.object(&args[0])?;
    Ok(new_bytes(w.out))
}

fn dump(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("dump", kwargs)?;
    crate::builtins::arity("dump", args, 2, 3)?;
    let version = version_arg(vm, args.get(2))?;
    let mut w = writer(vm, version);
    w.object(&args[0])?;
    let write = vm.get_attr(&args[1], "write")?;
    vm.call_value(&write, vec![new_bytes(w.out)], vec![])?;
    Ok(Value::None)
}

fn loads(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("loads", kwargs)?;
    crate::builtins::arity("loads", args, 1, 1)?;
    let data = crate::objects::bytes::buffer_arg(&args[0])?;
    let mut r = Reader { data: &data, pos: 0, refs: Vec::new(), depth: 0 };
    r.object(vm)
}

fn load(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("load", kwargs)?;
    crate::builtins::arity("load", args, 1, 1)?;
    let read = vm.get_attr(&args[0], "read")?;
    let data = vm.call_value(&read, vec![], vec![])?;
    let data = match crate::objects::bytes::buffer(&data) {
        Some(d) => d,
        None => {
            return Err(PyErr::type_error(format!(
                "file.read() returned not bytes but {}",
                super::native_class::type_name_of(&data)
            )))
        }
    };
    let mut r = Reader { data: &data, pos: 0, refs: Vec::new(), depth: 0 };
    let v = r.object(vm)?;
    // Leave the file just after the object, as CPython's exact reads do.
    let unread = data.len() - r.pos;
    if unread > 0 {
        let seek = vm.get_attr(&args[0], "seek")?;
        vm.call_value(&seek, vec![Value::Int(-(unread as i64)), Value::Int(1)], vec![])?;
    }
    Ok(v)
}

// ---- writing ----

fn writer(vm: &Vm, version: i64) -> Writer {
    let stop_iteration = vm.exception_type(ExcKind::StopIteration);
    Writer { out: Vec::new(), version, refs: HashMap::new(), depth: 0, stop_iteration }
}

/// What identifies an object for references: a heap pointer, or an inline value's bits.
#[derive(Hash, PartialEq, Eq)]
enum Identity {
    Ptr(usize),
    Int(i64),
    Float(u64),
}

struct Writer {
    out: Vec<u8>,
    version: i64,
    refs: HashMap<Identity, u32>,
    depth: usize,
    stop_iteration: Rc<crate::objects::types::TypeObject>,
}

#[derive(Clone, Copy, PartialEq)]
enum Context {
    /// The argument, or an item of a tuple that is not shared.
    Top,
    /// An item of a copy of a list's, dict's or set's contents (one reference is the copy's).
    Copied,
    /// An item of a shared tuple: a constant, whose nested tuples CPython also shares.
    InSharedTuple,
}

#[cold]
fn unmarshallable() -> PyErr {
    PyErr::value_error("unmarshallable object")
}

fn is_name_like(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

impl Writer {
    fn u32(&mut self, n: u32) {
        self.out.extend_from_slice(&n.to_le_bytes());
    }

    fn len(&mut self, n: usize) -> PyResult<()> {
        let n = u32::try_from(n).ok().filter(|n| *n <= i32::MAX as u32).ok_or_else(unmarshallable)?;
        self.u32(n);
        Ok(())
    }

    /// Writes a reference if `id` was seen; otherwise returns the flag for the type byte
    /// (FLAG_REF when the object is shared and references are in use).
    fn reference(&mut self, id: Identity, shared: bool) -> Option<u8> {
        if self.version < 3 || !shared {
            return Some(0);
        }
        if let Some(&index) = self.refs.get(&id) {
            self.out.push(b'r');
            self.u32(index);
            return None;
        }
        let index = self.refs.len() as u32;
        self.refs.insert(id, index);
        Some(FLAG_REF)
    }

    fn float_bytes(&mut self, f: f64) {
        self.out.extend_from_slice(&f.to_le_bytes());
    }

    fn float_text(&mut self, f: f64) {
        let text = format_g17(f);
        self.out.push(text.len() as u8);
        self.out.extend_from_slice(text.as_bytes());
    }

    fn object(&mut self, v: &Value) -> PyResult<()> {
        self.item(v, Context::Top)
    }

    /// Writes `v`, reached as `context` says (which tells how many of its references are this
    /// writer's own copies, and whether it sits inside a constant tuple).
    fn item(&mut self, v: &Value, context: Context) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(PyErr::value_error("object too deeply nested to marshal"));
        }
        let r = self.object_inner(v, context);
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self, v: &Value, context: Context) -> PyResult<()> {
        let own = if context == Context::Copied { 1 } else { 0 };
        let shared_count = |count: usize| count > 1 + own;
        match v {
            Value::None => self.out.push(b'N'),
            Value::Bool(true) => self.out.push(b'T'),
            Value::Bool(false) => self.out.push(b'F'),
            Value::Ellipsis => self.out.push(b'.'),
            Value::Type(t) if Rc::ptr_eq(t, &self.stop_iteration) => self.out.push(b'S'),
            Value::Int(i) => {
                let Some(flag) = self.reference(Identity::Int(*i), true) else { return Ok(()) };
                if let Ok(small) = i32::try_from(*i) {
                    self.out.push(b'i' | flag);
                    self.out.extend_from_slice(&small.to_le_bytes());
                } else {
                    self.long(&BigInt::from(*i), flag)?;
                }
            }
            Value::BigInt(b) => {
                let shared = shared_count(Rc::strong_count(b));
                let Some(flag) = self.reference(Identity::Ptr(Rc::as_ptr(b) as usize), shared) else {
                    return Ok(());
                };
                self.long(b, flag)?;
            }
            Value::Float(f) => {
                let Some(flag) = self.reference(Identity::Float(f.to_bits()), true) else { return Ok(()) };
                if self.version > 1 {
                    self.out.push(b'g' | flag);
                    self.float_bytes(*f);
                } else {
                    self.out.push(b'f' | flag);
                    self.float_text(*f);
                }
            }
            Value::Complex(c) => {
                let shared = shared_count(Rc::strong_count(c));
                let Some(flag) = self.reference(Identity::Ptr(Rc::as_ptr(c) as usize), shared) else {
                    return Ok(());
                };
                if self.version > 1 {
                    self.out.push(b'y' | flag);
                    self.float_bytes(c.re);
                    self.float_bytes(c.im);
                } else {
                    self.out.push(b'x' | flag);
                    self.float_text(c.re);
                    self.float_text(c.im);
                }
            }
            Value::Str(s) => {
                let shared = shared_count(Rc::strong_count(s));
                let Some(flag) = self.reference(Identity::Ptr(Rc::as_ptr(s) as usize), shared) else {
                    return Ok(());
                };
                let text = s.as_str();
                let interned = shared && is_name_like(text) && self.version >= 3;
                if self.version >= 4 && text.is_ascii() {
                    let short = text.len() < 256;
                    let code = match (interned, short) {
                        (true, true) => b'Z',
                        (true, false) => b'A',
                        (false, true) => b'z',
                        (false, false) => b'a',
                    };
                    self.out.push(code | flag);
                    if short {
                        self.out.push(text.len() as u8);
                    } else {
                        self.len(text.len())?;
                    }
                } else {
                    self.out.push(if interned { b't' } else { b'u' } | flag);
                    self.len(text.len())?;
                }
                self.out.extend_from_slice(text.as_bytes());
            }
            Value::Bytes(b) => {
                let shared = shared_count(Rc::strong_count(b));
                let Some(flag) = self.reference(Identity::Ptr(Rc::as_ptr(b) as usize), shared) else {
                    return Ok(());
                };
                self.out.push(b's' | flag);
                self.len(b.as_slice().len())?;
                self.out.extend_from_slice(b.as_slice());
            }
            Value::ByteArray(_) | Value::MemoryView(_) => {
                let data = crate::objects::bytes::buffer(v).ok_or_else(unmarshallable)?;
                self.out.push(b's');
                self.len(data.len())?;
                self.out.extend_from_slice(&data);
            }
            Value::Tuple(t) => {
                let shared = shared_count(Rc::strong_count(t)) || context == Context::InSharedTuple;
                let Some(flag) = self.reference(Identity::Ptr(Rc::as_ptr(t) as *const () as usize), shared)
                else {
                    return Ok(());
                };
                if self.version >= 4 && t.len() < 256 {
                    self.out.push(b')' | flag);
                    self.out.push(t.len() as u8);
                } else {
                    self.out.push(b'(' | flag);
                    self.len(t.len())?;
                }
                let inner = if shared { Context::InSharedTuple } else { Context::Top };
                for item in t.iter() {
                    self.item(item, inner)?;
                }
            }
            Value::List(l) => {
                let shared = shared_count(Rc::strong_count(l));
                let Some(flag) = self.reference(Identity::Ptr(Rc::as_ptr(l) as *const () as usize), shared)
                else {
                    return Ok(());
                };
                let items = l.borrow().clone();
                self.out.push(b'[' | flag);
                self.len(items.len())?;
                for item in &items {
                    self.item(item, Context::Copied)?;
                }
            }
            Value::Dict(d) => {
                let shared = shared_count(Rc::strong_count(d));
                let Some(flag) = self.reference(Identity::Ptr(Rc::as_ptr(d) as usize), shared) else {
                    return Ok(());
                };
                self.out.push(b'{' | flag);
                for (k, val) in d.items() {
                    self.item(&k, Context::Copied)?;
                    self.item(&val, Context::Copied)?;
                }
                self.out.push(b'0');
            }
            Value::Set(s) => {
                let shared = shared_count(Rc::strong_count(s));
                let Some(flag) = self.reference(Identity::Ptr(Rc::as_ptr(s) as usize), shared) else {
                    return Ok(());
                };
                let items = s.keys();
                self.out.push(if s.frozen { b'>' } else { b'<' } | flag);
                self.len(items.len())?;
                for item in &items {
                    self.item(item, Context::Copied)?;
                }
            }
            _ => return Err(unmarshallable()),
        }
        Ok(())
    }

    /// A long as base-2**15 digits, least significant first; the sign goes on the count.
    fn long(&mut self, b: &BigInt, flag: u8) -> PyResult<()> {
        let (sign, mut mag) = (b.sign(), b.magnitude().clone());
        let mut digits: Vec<u16> = Vec::new();
        let base = num_bigint::BigUint::from(1u32 << 15);
        while mag > num_bigint::BigUint::from(0u32) {
            let d = &mag % &base;
            digits.push(d.to_u32_digits().first().copied().unwrap_or(0) as u16);
            mag /= &base;
        }
        self.out.push(b'l' | flag);
        let n = i32::try_from(digits.len()).map_err(|_| unmarshallable())?;
        let n = if sign == Sign::Minus { -n } else { n };
        self.out.extend_from_slice(&n.to_le_bytes());
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
        Ok(())
    }
}

/// `%.17g`, the text form of floats in marshal versions 0 and 1.
fn format_g17(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0" } else { "0" }.into();
    }
    let sci = format!("{f:.16e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let strip = |s: &str| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s.to_string()
        }
    };
    if !(-4..17).contains(&exp) {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{}e{sign}{:02}", strip(mantissa), exp.abs())
    } else {
        let decimals = (16 - exp).max(0) as usize;
        strip(&format!("{f:.decimals$}"))
    }
}

// ---- reading ----

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// Objects flagged as referenceable, in order (None while being built).
    refs: Vec<Option<Value>>,
    depth: usize,
}

#[cold]
fn too_short() -> PyErr {
    PyErr::new(ExcKind::EOFError, "marshal data too short")
}

#[cold]
fn bad(what: &str) -> PyErr {
    PyErr::value_error(format!("bad marshal data ({what})"))
}

impl Reader<'_> {
    fn bytes(&mut self, n: usize) -> PyResult<&[u8]> {
        if self.data.len() - self.pos < n {
            return Err(too_short());
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn byte(&mut self) -> PyResult<u8> {
        Ok(self.bytes(1)?[0])
    }
    fn i32(&mut self) -> PyResult<i32> {
        let b = self.bytes(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn size(&mut self) -> PyResult<usize> {
        let n = self.i32()?;
        usize::try_from(n).map_err(|_| bad("size out of range"))
    }
    fn f64(&mut self) -> PyResult<f64> {
        let b = self.bytes(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }
    fn float_text(&mut self) -> PyResult<f64> {
        let n = self.byte()? as usize;
        let text = std::str::from_utf8(self.bytes(n)?).map_err(|_| bad("invalid float"))?.to_string();
        text.trim()
            .parse::<f64>()
            .map_err(|_| PyErr::value_error(format!("could not convert string to float: '{text}'")))
    }
    fn text(&mut self, n: usize) -> PyResult<Value> {
        let b = self.bytes(n)?;
        match std::str::from_utf8(b) {
            Ok(s) => Ok(Value::str(s)),
            Err(_) => Err(PyErr::new(ExcKind::UnicodeDecodeError, "'utf-8' codec can't decode bytes")),
        }
    }

    fn object(&mut self, vm: &mut Vm) -> PyResult<Value> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(PyErr::value_error("recursion limit exceeded"));
        }
        let r = self.object_inner(vm);
        self.depth -= 1;
        r
    }

    /// Reserves a reference slot when the type byte carried FLAG_REF.
    fn reserve(&mut self, flag: bool) -> Option<usize> {
        flag.then(|| {
            self.refs.push(None);
            self.refs.len() - 1
        })
    }

    fn done(&mut self, slot: Option<usize>, v: Value) -> Value {
        if let Some(i) = slot {
            self.refs[i] = Some(v.clone());
        }
        v
    }

    fn object_inner(&mut self, vm: &mut Vm) -> PyResult<Value> {
        if self.pos >= self.data.len() {
            return Err(PyErr::new(ExcKind::EOFError, "EOF read where object expected"));
        }
        let code = self.byte()?;
        let flag = code & FLAG_REF != 0;
        let kind = code & !FLAG_REF;
        let v = match kind {
            b'0' => return Err(bad("NULL object")),
            b'N' => Value::None,
            b'T' => Value::Bool(true),
            b'F' => Value::Bool(false),
            b'.' => Value::Ellipsis,
            b'S' => Value::Type(vm.exception_type(ExcKind::StopIteration)),
            b'r' => {
                let i = self.i32()?;
                return match usize::try_from(i).ok().and_then(|i| self.refs.get(i)) {
                    Some(Some(v)) => Ok(v.clone()),
                    _ => Err(bad("invalid reference")),
                };
            }
            b'i' => {
                let slot = self.reserve(flag);
                let i = self.i32()?;
                self.done(slot, Value::Int(i as i64))
            }
            b'l' => {
                let slot = self.reserve(flag);
                let n = self.i32()?;
                let count = n.unsigned_abs() as usize;
                let mut mag = num_bigint::BigUint::from(0u32);
                let mut digits = Vec::with_capacity(count.min(1 << 16));
                for _ in 0..count {
                    let b = self.bytes(2)?;
                    let d = u16::from_le_bytes([b[0], b[1]]);
                    if d >= 1 << 15 {
                        return Err(bad("digit out of range in long"));
                    }
                    digits.push(d);
                }
                if digits.last() == Some(&0) {
                    return Err(bad("unnormalized long data"));
                }
                for d in digits.iter().rev() {
                    mag = (mag << 15u32) + num_bigint::BigUint::from(*d);
                }
                let sign = if n < 0 { Sign::Minus } else { Sign::Plus };
                self.done(slot, Value::from_bigint(BigInt::from_biguint(sign, mag)))
            }
            b'g' => {
                let slot = self.reserve(flag);
                let f = self.f64()?;
                self.done(slot, Value::Float(f))
            }
            b'f' => {
                let slot = self.reserve(flag);
                let f = self.float_text()?;
                self.done(slot, Value::Float(f))
            }
            b'y' | b'x' => {
                let slot = self.reserve(flag);
                let (re, im) = if kind == b'y' {
                    (self.f64()?, self.f64()?)
                } else {
                    (self.float_text()?, self.float_text()?)
                };
                self.done(slot, Value::Complex(Rc::new(crate::objects::complex::Complex { re, im })))
            }
            b's' => {
                let slot = self.reserve(flag);
                let n = self.size()?;
                let b = self.bytes(n)?.to_vec();
                self.done(slot, new_bytes(b))
            }
            b'u' | b't' | b'a' | b'A' => {
                let slot = self.reserve(flag);
                let n = self.size()?;
                let s = self.text(n)?;
                self.done(slot, s)
            }
            b'z' | b'Z' => {
                let slot = self.reserve(flag);
                let n = self.byte()? as usize;
                let s = self.text(n)?;
                self.done(slot, s)
            }
            b'(' | b')' => {
                let slot = self.reserve(flag);
                let n = if kind == b')' { self.byte()? as usize } else { self.size()? };
                let mut items = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    items.push(self.object(vm)?);
                }
                self.done(slot, Value::Tuple(Rc::new(items)))
            }
            b'[' => {
                let n = self.size()?;
                let list = vm.new_list(Vec::with_capacity(n.min(1 << 16)));
                let slot = self.reserve(flag);
                self.done(slot, list.clone());
                for _ in 0..n {
                    let item = self.object(vm)?;
                    if let Value::List(l) = &list {
                        l.borrow_mut().push(item);
                    }
                }
                list
            }
            b'{' => {
                let d = vm.new_dict(DictObject::new());
                let slot = self.reserve(flag);
                self.done(slot, d.clone());
                loop {
                    if self.pos < self.data.len() && self.data[self.pos] == b'0' {
                        self.pos += 1;
                        break;
                    }
                    let k = self.object(vm)?;
                    let val = self.object(vm)?;
                    if let Value::Dict(dict) = &d {
                        crate::objects::key_lookup::dict_set(vm, dict, k, val)?;
                    }
                }
                d
            }
            b'<' | b'>' => {
                let slot = self.reserve(flag);
                let n = self.size()?;
                let mut items = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    items.push(self.object(vm)?);
                }
                let table = crate::objects::key_lookup::table_from(vm, items)?;
                let set =
                    Value::Set(Rc::new(crate::objects::set::SetObject::from_table(table, kind == b'>')));
                vm.gc_track(&set);
                self.done(slot, set)
            }
            b'c' => {
                return Err(PyErr::value_error("bad marshal data (code objects are not supported by Kaa)"))
            }
            _ => return Err(bad("unknown type code")),
        };
        Ok(v)
    }
}
