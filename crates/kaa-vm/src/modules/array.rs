//! `array`: typed arrays of numbers (or `u` characters) stored as raw machine-layout bytes, so
//! `tobytes`/`frombytes`/`byteswap` are byte copies; items are converted (with CPython's range
//! checks and messages) only where Python code reads or writes them.

use super::native_class::{add_class, check_arity, cls_of, new_instance, no_kwargs, state, state_of, Slots};
use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::bytes::new_bytes;
use crate::objects::dict::DictObject;
use crate::value::Value;
use kaa_bytecode::opcode::CompareKind;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use std::cell::RefCell;
use std::rc::Rc;

const TYPECODES: &str = "bBuhHiIlLqQfd";
const NAME: &str = "array.array";

struct ArrayState {
    code: u8,
    data: Vec<u8>,
}
impl Slots for ArrayState {}

fn itemsize(code: u8) -> usize {
    match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'u' | b'i' | b'I' | b'f' => 4,
        _ => 8,
    }
}

impl ArrayState {
    fn size(&self) -> usize {
        itemsize(self.code)
    }
    fn len(&self) -> usize {
        self.data.len() / self.size()
    }
    fn chunk(&self, i: usize) -> &[u8] {
        let n = self.size();
        &self.data[i * n..(i + 1) * n]
    }
    fn get(&self, i: usize) -> Value {
        decode(self.code, self.chunk(i))
    }
}

fn decode(code: u8, b: &[u8]) -> Value {
    let mut buf = [0u8; 8];
    buf[..b.len()].copy_from_slice(b);
    match code {
        b'b' => Value::Int(b[0] as i8 as i64),
        b'B' => Value::Int(b[0] as i64),
        b'h' => Value::Int(i16::from_ne_bytes([b[0], b[1]]) as i64),
        b'H' => Value::Int(u16::from_ne_bytes([b[0], b[1]]) as i64),
        b'i' => Value::Int(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        b'I' => Value::Int(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        b'l' | b'q' => Value::Int(i64::from_ne_bytes(buf)),
        b'L' | b'Q' => {
            let u = u64::from_ne_bytes(buf);
            if u <= i64::MAX as u64 {
                Value::Int(u as i64)
            } else {
                Value::from_bigint(BigInt::from(u))
            }
        }
        b'f' => Value::Float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
        b'd' => Value::Float(f64::from_ne_bytes(buf)),
        _ => {
            let c = char::from_u32(u32::from_ne_bytes([b[0], b[1], b[2], b[3]])).unwrap_or('\u{fffd}');
            Value::str(c.encode_utf8(&mut [0; 4]))
        }
    }
}

#[cold]
fn overflow(msg: &str) -> PyErr {
    PyErr::new(ExcKind::OverflowError, msg)
}

/// The bytes of `v` as an item of type `code`, with CPython's checks and messages.
fn encode(vm: &mut Vm, code: u8, v: &Value) -> PyResult<Vec<u8>> {
    match code {
        b'f' | b'd' => {
            let x = match crate::objects::float::as_f64(v) {
                Some(r) => r?,
                None => return Err(PyErr::type_error(format!("must be real number, not {}", v.type_name()))),
            };
            return Ok(if code == b'f' {
                (x as f32).to_ne_bytes().to_vec()
            } else {
                x.to_ne_bytes().to_vec()
            });
        }
        b'u' => {
            if let Value::Str(s) = v {
                let mut it = s.as_str().chars();
                if let (Some(c), None) = (it.next(), it.next()) {
                    return Ok((c as u32).to_ne_bytes().to_vec());
                }
            }
            return Err(PyErr::type_error("array item must be unicode character"));
        }
        _ => {}
    }
    let n: BigInt = match v {
        Value::Int(i) => BigInt::from(*i),
        Value::Bool(b) => BigInt::from(*b as i64),
        Value::BigInt(b) => (**b).clone(),
        Value::Instance(i) if i.class.lookup("__index__").is_some() => {
            let r = crate::objects::args::index_value(vm, v)?;
            crate::objects::int::to_bigint(&r).unwrap_or_default()
        }
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )))
        }
    };
    let long = n.to_i64();
    let c_long = || overflow("Python int too large to convert to C long");
    let check = |lo: i64, hi: i64, small: &str, big: &str| -> PyResult<i64> {
        let x = long.ok_or_else(c_long)?;
        if x < lo {
            return Err(overflow(small));
        }
        if x > hi {
            return Err(overflow(big));
        }
        Ok(x)
    };
    Ok(match code {
        b'b' => {
            let x = check(
                i16::MIN as i64,
                i16::MAX as i64,
                "signed short integer is less than minimum",
                "signed short integer is greater than maximum",
            )?;
            let x = check_range(
                x,
                -128,
                127,
                "signed char is less than minimum",
                "signed char is greater than maximum",
            )?;
            vec![x as i8 as u8]
        }
        b'B' => vec![check(
            0,
            255,
            "unsigned byte integer is less than minimum",
            "unsigned byte integer is greater than maximum",
        )? as u8],
        b'h' => (check(
            i16::MIN as i64,
            i16::MAX as i64,
            "signed short integer is less than minimum",
            "signed short integer is greater than maximum",
        )? as i16)
            .to_ne_bytes()
            .to_vec(),
        b'H' => {
            let x = check(
                i32::MIN as i64,
                i32::MAX as i64,
                "signed integer is less than minimum",
                "signed integer is greater than maximum",
            )?;
            let x = check_range(
                x,
                0,
                65535,
                "unsigned short is less than minimum",
                "unsigned short is greater than maximum",
            )?;
            (x as u16).to_ne_bytes().to_vec()
        }
        b'i' => (check(
            i32::MIN as i64,
            i32::MAX as i64,
            "signed integer is less than minimum",
            "signed integer is greater than maximum",
        )? as i32)
            .to_ne_bytes()
            .to_vec(),
        b'I' | b'L' => {
            if n.is_negative() {
                return Err(overflow("can't convert negative value to unsigned int"));
            }
            let u =
                n.to_u64().ok_or_else(|| overflow("Python int too large to convert to C unsigned long"))?;
            if code == b'I' {
                if u > u32::MAX as u64 {
                    return Err(overflow("unsigned int is greater than maximum"));
                }
                (u as u32).to_ne_bytes().to_vec()
            } else {
                u.to_ne_bytes().to_vec()
            }
        }
        b'l' => long.ok_or_else(c_long)?.to_ne_bytes().to_vec(),
        b'q' => long.ok_or_else(|| overflow("int too big to convert"))?.to_ne_bytes().to_vec(),
        _ => {
            if n.is_negative() {
                return Err(overflow("can't convert negative int to unsigned"));
            }
            n.to_u64().ok_or_else(|| overflow("int too big to convert"))?.to_ne_bytes().to_vec()
        }
    })
}

fn check_range(x: i64, lo: i64, hi: i64, small: &str, big: &str) -> PyResult<i64> {
    if x < lo {
        return Err(overflow(small));
    }
    if x > hi {
        return Err(overflow(big));
    }
    Ok(x)
}

pub fn init(vm: &mut Vm, dict: &DictObject) {
    let methods: &[(&'static str, crate::objects::function::NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("index", index),
        ("count", count),
        ("reverse", reverse),
        ("byteswap", byteswap),
        ("tobytes", |_, a, _| Ok(new_bytes(me(a, "tobytes")?.borrow().data.clone()))),
        ("frombytes", frombytes),
        ("tolist", tolist),
        ("fromlist", fromlist),
        ("tounicode", tounicode),
        ("fromunicode", fromunicode),
        ("buffer_info", |_, a, _| {
            let st = me(a, "buffer_info")?.borrow();
            Ok(Value::Tuple(Rc::new(vec![Value::Int(st.data.as_ptr() as i64), Value::Int(st.len() as i64)])))
        }),
        ("__len__", |_, a, _| Ok(Value::Int(me(a, "__len__")?.borrow().len() as i64))),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__repr__", repr),
        ("__add__", add),
        ("__iadd__", iadd),
        ("__mul__", mul),
        ("__rmul__", mul),
        ("__imul__", imul),
        ("__copy__", copy),
        ("__deepcopy__", copy),
        ("__eq__", |vm, a, _| compare(vm, a, CompareKind::Eq)),
        ("__ne__", |vm, a, _| compare(vm, a, CompareKind::Ne)),
        ("__lt__", |vm, a, _| compare(vm, a, CompareKind::Lt)),
        ("__le__", |vm, a, _| compare(vm, a, CompareKind::Le)),
        ("__gt__", |vm, a, _| compare(vm, a, CompareKind::Gt)),
        ("__ge__", |vm, a, _| compare(vm, a, CompareKind::Ge)),
    ];
    let cls = add_class(vm, dict, "array", "array", Some(array_new), methods);
    cls.dict.set_str("__hash__", Value::None);
    for (attr, getter) in [
        (
            "typecode",
            (|_, a, _| Ok(Value::str(&(me(a, "typecode")?.borrow().code as char).to_string())))
                as crate::objects::function::NativeFn,
        ),
        ("itemsize", |_, a, _| Ok(Value::Int(me(a, "itemsize")?.borrow().size() as i64))),
    ] {
        let fget = Value::Builtin(Rc::new(crate::objects::function::BuiltinFunction {
            name: attr,
            func: getter,
            bound_self: None,
            is_method: true,
        }));
        cls.dict.set_str(
            attr,
            Value::Property(Rc::new(crate::objects::types::PropertyObject {
                fget,
                fset: Value::None,
                fdel: Value::None,
                doc: Default::default(),
            })),
        );
    }
    dict.set_str("ArrayType", Value::Type(cls.clone()));
    dict.set_str("typecodes", Value::str(TYPECODES));
    vm.native_classes.insert("array.array", cls);
    let it = add_class(
        vm,
        dict,
        "array",
        "arrayiterator",
        None,
        &[("__iter__", super::native_class::self_iter), ("__next__", iter_next)],
    );
    vm.native_classes.insert("array.arrayiterator", it);
    dict.remove_str("arrayiterator");
}

fn me<'a>(args: &'a [Value], method: &str) -> PyResult<&'a RefCell<ArrayState>> {
    state::<ArrayState>(args, NAME, method)
}

fn array_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    no_kwargs("array.array", kwargs)?;
    check_arity("array", args.len() - 1, 1, 2)?;
    let code = match &args[1] {
        Value::Str(s) if s.as_str().chars().count() == 1 => s.as_str().chars().next().unwrap_or(' '),
        other => {
            return Err(PyErr::type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                other.type_name()
            )))
        }
    };
    if !code.is_ascii() || !TYPECODES.contains(code) {
        return Err(PyErr::value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"));
    }
    let code = code as u8;
    let mut st = ArrayState { code, data: Vec::new() };
    if let Some(init) = args.get(2) {
        match init {
            Value::Str(s) => {
                if code != b'u' {
                    return Err(PyErr::type_error(format!(
                        "cannot use a str to initialize an array with typecode '{}'",
                        code as char
                    )));
                }
                for c in s.as_str().chars() {
                    st.data.extend_from_slice(&(c as u32).to_ne_bytes());
                }
            }
            Value::Bytes(_) | Value::ByteArray(_) => {
                let b = crate::objects::bytes::buffer_arg(init)?.to_vec();
                if b.len() % itemsize(code) != 0 {
                    return Err(PyErr::value_error("bytes length not a multiple of item size"));
                }
                st.data = b;
            }
            other => {
                if let Some(src) = state_of::<ArrayState>(other) {
                    let items: Vec<Value> = {
                        let s = src.borrow();
                        (0..s.len()).map(|i| s.get(i)).collect()
                    };
                    for v in items {
                        let b = encode(vm, code, &v)?;
                        st.data.extend_from_slice(&b);
                    }
                } else {
                    let items = vm.collect_iterable(other)?;
                    for v in items {
                        let b = encode(vm, code, &v)?;
                        st.data.extend_from_slice(&b);
                    }
                }
            }
        }
    }
    Ok(new_instance(vm, &cls, st))
}

fn append(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "append")?;
    let v = crate::objects::args::one_arg("array", "append", args, kwargs)?;
    let code = st.borrow().code;
    let b = encode(vm, code, v)?;
    st.borrow_mut().data.extend_from_slice(&b);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "extend")?;
    let v = crate::objects::args::one_arg("array", "extend", args, kwargs)?;
    extend_with(vm, st, v)?;
    Ok(Value::None)
}

fn extend_with(vm: &mut Vm, st: &RefCell<ArrayState>, v: &Value) -> PyResult<()> {
    let code = st.borrow().code;
    if let Some(other) = state_of::<ArrayState>(v) {
        let (ocode, data) = {
            let o = other.borrow();
            (o.code, o.data.clone())
        };
        if ocode != code {
            return Err(PyErr::type_error("can only extend with array of same kind"));
        }
        st.borrow_mut().data.extend_from_slice(&data);
        return Ok(());
    }
    let items = vm.collect_iterable(v)?;
    for item in items {
        let b = encode(vm, code, &item)?;
        st.borrow_mut().data.extend_from_slice(&b);
    }
    Ok(())
}

fn insert(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "insert")?;
    no_kwargs("insert", kwargs)?;
    check_arity("insert", args.len() - 1, 2, 2)?;
    let i = crate::objects::args::ssize_arg(vm, &args[1])?;
    let code = st.borrow().code;
    let b = encode(vm, code, &args[2])?;
    let mut s = st.borrow_mut();
    let len = s.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    let n = s.size();
    s.data.splice(at * n..at * n, b);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "pop")?;
    no_kwargs("pop", kwargs)?;
    check_arity("pop", args.len() - 1, 0, 1)?;
    let i = match args.get(1) {
        Some(v) => crate::objects::args::ssize_arg(vm, v)?,
        None => -1,
    };
    let mut s = st.borrow_mut();
    let len = s.len() as i64;
    if len == 0 {
        return Err(PyErr::new(ExcKind::IndexError, "pop from empty array"));
    }
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(PyErr::new(ExcKind::IndexError, "pop index out of range"));
    }
    let v = s.get(j as usize);
    let n = s.size();
    s.data.drain(j as usize * n..(j as usize + 1) * n);
    Ok(v)
}

fn items(st: &RefCell<ArrayState>) -> Vec<Value> {
    let s = st.borrow();
    (0..s.len()).map(|i| s.get(i)).collect()
}

fn find(
    vm: &mut Vm,
    st: &RefCell<ArrayState>,
    x: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let all = items(st);
    for (i, v) in all.iter().enumerate().take(stop).skip(start) {
        if vm.equals(v, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn remove(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "remove")?;
    let x = crate::objects::args::one_arg("array", "remove", args, kwargs)?;
    let len = st.borrow().len();
    match find(vm, st, x, 0, len)? {
        Some(i) => {
            let mut s = st.borrow_mut();
            let n = s.size();
            s.data.drain(i * n..(i + 1) * n);
            Ok(Value::None)
        }
        None => Err(PyErr::value_error("array.remove(x): x not in array")),
    }
}

fn index(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "index")?;
    no_kwargs("index", kwargs)?;
    check_arity("index", args.len() - 1, 1, 3)?;
    let len = st.borrow().len() as i64;
    let bound = |vm: &mut Vm, v: Option<&Value>, d: i64| -> PyResult<usize> {
        let i = match v {
            Some(v) => crate::objects::args::ssize_arg(vm, v)?,
            None => d,
        };
        Ok((if i < 0 { (i + len).max(0) } else { i.min(len) }) as usize)
    };
    let start = bound(vm, args.get(2), 0)?;
    let stop = bound(vm, args.get(3), len)?;
    match find(vm, st, &args[1], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(PyErr::value_error("array.index(x): x not in array")),
    }
}

fn count(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "count")?;
    let x = crate::objects::args::one_arg("array", "count", args, kwargs)?;
    let mut n = 0;
    for v in items(st) {
        if vm.equals(&v, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn reverse(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "reverse")?;
    crate::objects::args::noargs("array", "reverse", args, kwargs)?;
    let mut s = st.borrow_mut();
    let n = s.size();
    let chunks: Vec<Vec<u8>> = s.data.chunks(n).rev().map(|c| c.to_vec()).collect();
    s.data = chunks.concat();
    Ok(Value::None)
}

fn byteswap(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "byteswap")?;
    crate::objects::args::noargs("array", "byteswap", args, kwargs)?;
    let mut s = st.borrow_mut();
    let n = s.size();
    for c in s.data.chunks_mut(n) {
        c.reverse();
    }
    Ok(Value::None)
}

fn frombytes(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "frombytes")?;
    let v = crate::objects::args::one_arg("array", "frombytes", args, kwargs)?;
    let b = crate::objects::bytes::buffer_arg(v)?.to_vec();
    let mut s = st.borrow_mut();
    if b.len() % s.size() != 0 {
        return Err(PyErr::value_error("bytes length not a multiple of item size"));
    }
    s.data.extend_from_slice(&b);
    Ok(Value::None)
}

fn tolist(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "tolist")?;
    crate::objects::args::noargs("array", "tolist", args, kwargs)?;
    let all = items(st);
    Ok(vm.new_list(all))
}

fn fromlist(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "fromlist")?;
    let v = crate::objects::args::one_arg("array", "fromlist", args, kwargs)?;
    let Value::List(l) = v else { return Err(PyErr::type_error("arg must be list")) };
    let code = st.borrow().code;
    let list = l.borrow().clone();
    let mut out = Vec::new();
    for item in &list {
        out.extend_from_slice(&encode(vm, code, item)?);
    }
    st.borrow_mut().data.extend_from_slice(&out);
    Ok(Value::None)
}

fn unicode_text(st: &ArrayState) -> String {
    st.data
        .chunks(4)
        .map(|c| char::from_u32(u32::from_ne_bytes([c[0], c[1], c[2], c[3]])).unwrap_or('\u{fffd}'))
        .collect()
}

fn tounicode(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "tounicode")?;
    crate::objects::args::noargs("array", "tounicode", args, kwargs)?;
    let s = st.borrow();
    if s.code != b'u' {
        return Err(PyErr::value_error("tounicode() may only be called on unicode type arrays"));
    }
    Ok(Value::str(&unicode_text(&s)))
}

fn fromunicode(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args, "fromunicode")?;
    let v = crate::objects::args::one_arg("array", "fromunicode", args, kwargs)?;
    let Value::Str(text) = v else {
        return Err(PyErr::type_error(format!("fromunicode() argument must be str, not {}", v.type_name())));
    };
    let mut s = st.borrow_mut();
    if s.code != b'u' {
        return Err(PyErr::value_error("fromunicode() may only be called on unicode type arrays"));
    }
    for c in text.as_str().chars() {
        s.data.extend_from_slice(&(c as u32).to_ne_bytes());
    }
    Ok(Value::None)
}

fn index_of(vm: &mut Vm, key: &Value, len: usize) -> PyResult<usize> {
    let i = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => {
            return Err(PyErr::new(ExcKind::IndexError, "cannot fit 'int' into an index-sized integer"))
        }
        Value::Instance(inst) if inst.class.lookup("__index__").is_some() => {
            crate::objects::args::ssize_arg(vm, key)?
        }
        _ => return Err(PyErr::type_error("array indices must be integers")),
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(PyErr::new(ExcKind::IndexError, "array index out of range"));
    }
    Ok(j as usize)
}

fn make(vm: &mut Vm, cls: &Rc<crate::objects::types::TypeObject>, code: u8, data: Vec<u8>) -> Value {
    new_instance(vm, cls, ArrayState { code, data })
}

fn getitem(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__getitem__")?;
    check_arity("__getitem__", args.len() - 1, 1, 1)?;
    let len = st.borrow().len();
    if let Value::Slice(s) = &args[1] {
        let idx = crate::interp::slice_indices(s, len)?;
        let (code, data) = {
            let a = st.borrow();
            let mut out = Vec::with_capacity(idx.len() * a.size());
            for &i in &idx {
                out.extend_from_slice(a.chunk(i));
            }
            (a.code, out)
        };
        let cls = vm.type_of(&args[0]);
        return Ok(make(vm, &cls, code, data));
    }
    let i = index_of(vm, &args[1], len)?;
    Ok(st.borrow().get(i))
}

fn setitem(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__setitem__")?;
    check_arity("__setitem__", args.len() - 1, 2, 2)?;
    let (len, code, n) = {
        let s = st.borrow();
        (s.len(), s.code, s.size())
    };
    if let Value::Slice(sl) = &args[1] {
        let Some(src) = state_of::<ArrayState>(&args[2]) else {
            return Err(PyErr::type_error(format!(
                "can only assign array (not \"{}\") to array slice",
                args[2].type_name()
            )));
        };
        let (scode, new) = {
            let o = src.borrow();
            (o.code, o.data.clone())
        };
        if scode != code {
            return Err(PyErr::type_error("bad argument type for built-in operation"));
        }
        let idx = crate::interp::slice_indices(sl, len)?;
        let step_one = matches!(sl.2, Value::None | Value::Int(1));
        let mut s = st.borrow_mut();
        if step_one {
            let start = idx.first().copied().unwrap_or_else(|| {
                let i = match &sl.0 {
                    Value::Int(i) => *i,
                    _ => 0,
                };
                (if i < 0 { (i + len as i64).max(0) } else { i.min(len as i64) }) as usize
            });
            s.data.splice(start * n..(start + idx.len()) * n, new);
            return Ok(Value::None);
        }
        if new.len() / n != idx.len() {
            return Err(PyErr::value_error(format!(
                "attempt to assign array of size {} to extended slice of size {}",
                new.len() / n,
                idx.len()
            )));
        }
        for (k, &i) in idx.iter().enumerate() {
            s.data[i * n..(i + 1) * n].copy_from_slice(&new[k * n..(k + 1) * n]);
        }
        return Ok(Value::None);
    }
    let i = index_of(vm, &args[1], len)?;
    let b = encode(vm, code, &args[2])?;
    let mut s = st.borrow_mut();
    if (i + 1) * n <= s.data.len() {
        s.data[i * n..(i + 1) * n].copy_from_slice(&b);
    }
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__delitem__")?;
    check_arity("__delitem__", args.len() - 1, 1, 1)?;
    let (len, n) = {
        let s = st.borrow();
        (s.len(), s.size())
    };
    let mut drop_idx = match &args[1] {
        Value::Slice(sl) => crate::interp::slice_indices(sl, len)?,
        key => vec![index_of(vm, key, len)?],
    };
    drop_idx.sort_unstable();
    let mut s = st.borrow_mut();
    let mut out = Vec::with_capacity(s.data.len());
    let mut k = 0;
    for i in 0..len {
        if k < drop_idx.len() && drop_idx[k] == i {
            k += 1;
            continue;
        }
        out.extend_from_slice(&s.data[i * n..(i + 1) * n]);
    }
    s.data = out;
    Ok(Value::None)
}

fn contains(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__contains__")?;
    check_arity("__contains__", args.len() - 1, 1, 1)?;
    let len = st.borrow().len();
    Ok(Value::Bool(find(vm, st, &args[1], 0, len)?.is_some()))
}

struct ArrayIter {
    array: Value,
    pos: usize,
}
impl Slots for ArrayIter {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        f(&mut self.array);
    }
}

fn iter(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    me(args, "__iter__")?;
    let cls = super::native_class::class_named(vm, "array.arrayiterator")?;
    Ok(new_instance(vm, &cls, ArrayIter { array: args[0].clone(), pos: 0 }))
}

fn iter_next(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state::<ArrayIter>(args, "array.arrayiterator", "__next__")?;
    let mut it = st.borrow_mut();
    let array = it.array.clone();
    let Some(a) = state_of::<ArrayState>(&array) else { return Err(super::native_class::stop()) };
    let a = a.borrow();
    if it.pos >= a.len() {
        return Err(super::native_class::stop());
    }
    let v = a.get(it.pos);
    it.pos += 1;
    Ok(v)
}

fn repr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__repr__")?;
    let code = st.borrow().code;
    let name = super::native_class::type_name_of(&args[0]);
    if st.borrow().data.is_empty() {
        return Ok(Value::str(&format!("{name}('{}')", code as char)));
    }
    let body = if code == b'u' {
        let text = unicode_text(&st.borrow());
        vm.repr(&Value::str(&text))?
    } else {
        let list = vm.new_list(items(st));
        vm.repr(&list)?
    };
    Ok(Value::str(&format!("{name}('{}', {body})", code as char)))
}

fn add(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__add__")?;
    check_arity("__add__", args.len() - 1, 1, 1)?;
    let Some(other) = state_of::<ArrayState>(&args[1]) else {
        return Err(PyErr::type_error(format!(
            "can only append array (not \"{}\") to array",
            args[1].type_name()
        )));
    };
    let (code, mut data) = {
        let s = st.borrow();
        (s.code, s.data.clone())
    };
    let (ocode, odata) = {
        let o = other.borrow();
        (o.code, o.data.clone())
    };
    if ocode != code {
        return Err(PyErr::type_error("bad argument type for built-in operation"));
    }
    data.extend_from_slice(&odata);
    let cls = vm.type_of(&args[0]);
    Ok(make(vm, &cls, code, data))
}

fn iadd(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__iadd__")?;
    check_arity("__iadd__", args.len() - 1, 1, 1)?;
    if state_of::<ArrayState>(&args[1]).is_none() {
        return Err(PyErr::type_error(format!(
            "can only extend array with array (not \"{}\")",
            args[1].type_name()
        )));
    }
    extend_with(vm, st, &args[1])?;
    Ok(args[0].clone())
}

fn times(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => crate::objects::args::ssize_arg(vm, v),
        Value::Instance(i) if i.class.lookup("__index__").is_some() => crate::objects::args::ssize_arg(vm, v),
        other => Err(PyErr::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            other.type_name()
        ))),
    }
}

fn mul(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__mul__")?;
    check_arity("__mul__", args.len() - 1, 1, 1)?;
    let n = times(vm, &args[1])?.max(0) as usize;
    let (code, data) = {
        let s = st.borrow();
        (s.code, s.data.repeat(n))
    };
    let cls = vm.type_of(&args[0]);
    Ok(make(vm, &cls, code, data))
}

fn imul(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__imul__")?;
    check_arity("__imul__", args.len() - 1, 1, 1)?;
    let n = times(vm, &args[1])?.max(0) as usize;
    let mut s = st.borrow_mut();
    s.data = s.data.repeat(n);
    Ok(args[0].clone())
}

fn copy(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args, "__copy__")?;
    let (code, data) = {
        let s = st.borrow();
        (s.code, s.data.clone())
    };
    let cls = vm.type_of(&args[0]);
    Ok(make(vm, &cls, code, data))
}

fn compare(vm: &mut Vm, args: &[Value], op: CompareKind) -> PyResult<Value> {
    let st = me(args, "__eq__")?;
    let Some(other) = args.get(1).and_then(state_of::<ArrayState>) else { return Ok(Value::NotImplemented) };
    let a = items(st);
    let b = items(other);
    Ok(Value::Bool(crate::objects::tuple::sequence_compare(vm, op, &a, &b)?))
}

/// The typecode and byte length of `v` if it is an array (for memoryview and bytes-like uses).
pub fn buffer_info(v: &Value) -> Option<(u8, usize)> {
    let st = state_of::<ArrayState>(v)?.try_borrow().ok()?;
    Some((st.code, st.data.len()))
}

/// Runs `f` on the raw bytes of `v` if it is an array not borrowed elsewhere.
pub fn with_array_bytes<R>(v: &Value, f: impl FnOnce(&mut [u8]) -> R) -> Option<R> {
    let mut st = state_of::<ArrayState>(v)?.try_borrow_mut().ok()?;
    Some(f(&mut st.data))
}
