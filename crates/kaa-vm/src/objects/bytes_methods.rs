//! The methods `bytes` and `bytearray` share, with CPython 3.11's results and error messages.
//! Each receives the object as `args[0]` and returns the same type where CPython does (a
//! bytearray's `upper()` is a bytearray). Character classes are ASCII only, as for bytes.

use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::{
    adjust_indices, descriptor_error, keywords, noargs, parse_tuple, positional, slice_index, ssize_arg,
};
use crate::objects::bytearray::new_bytearray;
use crate::objects::bytes::{buffer, buffer_arg, byte_value, find, new_bytes, rfind, with_capacity, Buf};
use crate::objects::function::NativeFn;
use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

/// The object a method was called on.
struct Me {
    data: Buf,
    bytearray: bool,
}

impl Me {
    fn make(&self, v: Vec<u8>) -> Value {
        if self.bytearray {
            new_bytearray(v)
        } else {
            new_bytes(v)
        }
    }

    fn tp(&self) -> &'static str {
        if self.bytearray {
            "bytearray"
        } else {
            "bytes"
        }
    }
}

fn me(args: &[Value], name: &str) -> PyResult<Me> {
    match args.first() {
        Some(v @ Value::Bytes(_)) => Ok(Me { data: buffer_arg(v)?, bytearray: false }),
        Some(v @ Value::ByteArray(_)) => Ok(Me { data: buffer_arg(v)?, bytearray: true }),
        other => match other.and_then(crate::objects::builtin_subclass::base_value) {
            Some(v @ Value::Bytes(_)) => Ok(Me { data: buffer_arg(v)?, bytearray: false }),
            Some(v @ Value::ByteArray(_)) => Ok(Me { data: buffer_arg(v)?, bytearray: true }),
            _ => Err(descriptor_error("bytes", name, args)),
        },
    }
}

/// Unchanged `bytes` come back as the same object, as CPython returns them.
fn same_or(args: &[Value], me: &Me, v: Vec<u8>) -> Value {
    if !me.bytearray && *me.data == v[..] {
        return args[0].clone();
    }
    me.make(v)
}

/// The methods, sorted by name (`builtins::method` binary-searches them).
pub static METHODS: &[(&str, NativeFn)] = &[
    ("__bytes__", bytes_bytes),
    ("capitalize", bytes_capitalize),
    ("center", |vm, a, k| pad(vm, a, k, "center")),
    ("count", bytes_count),
    ("decode", bytes_decode),
    ("endswith", |vm, a, k| starts_or_ends(vm, a, k, "endswith")),
    ("expandtabs", bytes_expandtabs),
    ("find", |vm, a, k| find_family(vm, a, k, "find")),
    ("fromhex", bytes_fromhex),
    ("hex", bytes_hex),
    ("index", |vm, a, k| find_family(vm, a, k, "index")),
    ("isalnum", |_, a, k| predicate(a, k, "isalnum", |c| c.is_ascii_alphanumeric())),
    ("isalpha", |_, a, k| predicate(a, k, "isalpha", |c| c.is_ascii_alphabetic())),
    ("isascii", bytes_isascii),
    ("isdigit", |_, a, k| predicate(a, k, "isdigit", |c| c.is_ascii_digit())),
    ("islower", |_, a, k| cased(a, k, "islower", false)),
    ("isspace", |_, a, k| predicate(a, k, "isspace", is_space)),
    ("istitle", bytes_istitle),
    ("isupper", |_, a, k| cased(a, k, "isupper", true)),
    ("join", bytes_join),
    ("ljust", |vm, a, k| pad(vm, a, k, "ljust")),
    ("lower", |_, a, k| map_bytes(a, k, "lower", |c| c.to_ascii_lowercase())),
    ("lstrip", |_, a, k| strip(a, k, "lstrip", true, false)),
    ("maketrans", bytes_maketrans),
    ("partition", |_, a, k| partition(a, k, "partition", false)),
    ("removeprefix", |_, a, k| remove_affix(a, k, "removeprefix", true)),
    ("removesuffix", |_, a, k| remove_affix(a, k, "removesuffix", false)),
    ("replace", bytes_replace),
    ("rfind", |vm, a, k| find_family(vm, a, k, "rfind")),
    ("rindex", |vm, a, k| find_family(vm, a, k, "rindex")),
    ("rjust", |vm, a, k| pad(vm, a, k, "rjust")),
    ("rpartition", |_, a, k| partition(a, k, "rpartition", true)),
    ("rsplit", |vm, a, k| split(vm, a, k, "rsplit")),
    ("rstrip", |_, a, k| strip(a, k, "rstrip", false, true)),
    ("split", |vm, a, k| split(vm, a, k, "split")),
    ("splitlines", bytes_splitlines),
    ("startswith", |vm, a, k| starts_or_ends(vm, a, k, "startswith")),
    ("strip", |_, a, k| strip(a, k, "strip", true, true)),
    ("swapcase", |_, a, k| {
        map_bytes(a, k, "swapcase", |c| {
            if c.is_ascii_lowercase() {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
    }),
    ("title", bytes_title),
    ("translate", bytes_translate),
    ("upper", |_, a, k| map_bytes(a, k, "upper", |c| c.to_ascii_uppercase())),
    ("zfill", bytes_zfill),
];

/// Methods called on the type rather than an instance (`bytes.fromhex`, `bytes.maketrans`).
pub static CLASS_METHODS: &[&str] = &["fromhex"];

/// A bound method of a bytes or bytearray object.
pub fn lookup(obj: &Value, name: &str) -> Option<(&'static str, NativeFn)> {
    if let Value::ByteArray(_) = obj {
        if let Ok(i) = crate::objects::bytearray::METHODS.binary_search_by(|(n, _)| (*n).cmp(name)) {
            return Some(crate::objects::bytearray::METHODS[i]);
        }
        if name == "__bytes__" {
            return None;
        }
    }
    METHODS.binary_search_by(|(n, _)| (*n).cmp(name)).ok().map(|i| METHODS[i])
}

/// Python's `isspace` for bytes: space, \t, \n, \r, \v, \f.
pub fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn bytes_bytes(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let m = me(args, "__bytes__")?;
    noargs(m.tp(), "__bytes__", args, kwargs)?;
    Ok(args[0].clone())
}

fn map_bytes(args: &[Value], kwargs: &Kwargs, name: &str, f: fn(u8) -> u8) -> PyResult<Value> {
    let m = me(args, name)?;
    noargs(m.tp(), name, args, kwargs)?;
    let out: Vec<u8> = m.data.iter().map(|&c| f(c)).collect();
    Ok(m.make(out))
}

fn bytes_capitalize(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let m = me(args, "capitalize")?;
    noargs(m.tp(), "capitalize", args, kwargs)?;
    let out: Vec<u8> = m
        .data
        .iter()
        .enumerate()
        .map(|(i, &c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
        .collect();
    Ok(m.make(out))
}

fn bytes_title(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let m = me(args, "title")?;
    noargs(m.tp(), "title", args, kwargs)?;
    let mut previous_cased = false;
    let out: Vec<u8> = m
        .data
        .iter()
        .map(|&c| {
            let r = if previous_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
            previous_cased = c.is_ascii_alphabetic();
            r
        })
        .collect();
    Ok(m.make(out))
}

fn predicate(args: &[Value], kwargs: &Kwargs, name: &str, f: fn(u8) -> bool) -> PyResult<Value> {
    let m = me(args, name)?;
    noargs(m.tp(), name, args, kwargs)?;
    Ok(Value::Bool(!m.data.is_empty() && m.data.iter().all(|&c| f(c))))
}

fn bytes_isascii(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let m = me(args, "isascii")?;
    noargs(m.tp(), "isascii", args, kwargs)?;
    Ok(Value::Bool(m.data.is_ascii()))
}

/// `islower` / `isupper`: some cased byte, none of the other case.
fn cased(args: &[Value], kwargs: &Kwargs, name: &str, upper: bool) -> PyResult<Value> {
    let m = me(args, name)?;
    noargs(m.tp(), name, args, kwargs)?;
    let (mut wanted, mut other) = (false, false);
    for &c in m.data.iter() {
        if c.is_ascii_uppercase() {
            if upper {
                wanted = true
            } else {
                other = true
            }
        } else if c.is_ascii_lowercase() {
            if upper {
                other = true
            } else {
                wanted = true
            }
        }
    }
    Ok(Value::Bool(wanted && !other))
}

fn bytes_istitle(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let m = me(args, "istitle")?;
    noargs(m.tp(), "istitle", args, kwargs)?;
    let (mut cased, mut previous_cased) = (false, false);
    for &c in m.data.iter() {
        if c.is_ascii_uppercase() {
            if previous_cased {
                return Ok(Value::Bool(false));
            }
            previous_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !previous_cased {
                return Ok(Value::Bool(false));
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

/// The `sub` of find/count/index: a bytes-like object or a byte value.
fn needle(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer(v) {
        return Ok(b.into_vec());
    }
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Ok(vec![byte_value(vm, v)?]),
        Value::Instance(i) if i.class.lookup("__index__").is_some() => Ok(vec![byte_value(vm, v)?]),
        other => Err(PyErr::type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            other.type_name()
        ))),
    }
}

/// `(sub, start, end)` of find, count, index and their r-versions, with start/end adjusted.
fn finds_args(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &Kwargs,
    name: &str,
    len: usize,
) -> PyResult<(Vec<u8>, i64, i64)> {
    let rest = parse_tuple("bytes", name, args, kwargs, 1, 3)?;
    let sub = needle(vm, &rest[0])?;
    let start = match rest.get(1) {
        Some(v) => slice_index(vm, v, true)?,
        None => None,
    };
    let end = match rest.get(2) {
        Some(v) => slice_index(vm, v, true)?,
        None => None,
    };
    let (start, end) = adjust_indices(start, end, len);
    Ok((sub, start, end))
}

fn find_family(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str) -> PyResult<Value> {
    let m = me(args, name)?;
    let (sub, start, end) = finds_args(vm, args, kwargs, name, m.data.len())?;
    let reverse = name.starts_with('r');
    let found = if start > end || (end - start) < sub.len() as i64 {
        None
    } else {
        let window = &m.data[..end as usize];
        if reverse {
            rfind(window, &sub, end as usize).filter(|&i| i as i64 >= start)
        } else {
            find(window, &sub, start as usize)
        }
    };
    match (found, name.ends_with("index")) {
        (Some(i), _) => Ok(Value::Int(i as i64)),
        (None, false) => Ok(Value::Int(-1)),
        (None, true) => Err(PyErr::value_error("subsection not found")),
    }
}

fn bytes_count(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let m = me(args, "count")?;
    let (sub, start, end) = finds_args(vm, args, kwargs, "count", m.data.len())?;
    if start > end {
        return Ok(Value::Int(0));
    }
    let window = &m.data[start as usize..end as usize];
    if sub.is_empty() {
        return Ok(Value::Int(window.len() as i64 + 1));
    }
    let (mut n, mut at) = (0, 0);
    while let Some(i) = find(window, &sub, at) {
        n += 1;
        at = i + sub.len();
    }
    Ok(Value::Int(n))
}

fn starts_or_ends(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str) -> PyResult<Value> {
    let m = me(args, name)?;
    let rest = parse_tuple("bytes", name, args, kwargs, 1, 3)?;
    let start = match rest.get(1) {
        Some(v) => slice_index(vm, v, true)?,
        None => None,
    };
    let end = match rest.get(2) {
        Some(v) => slice_index(vm, v, true)?,
        None => None,
    };
    let (start, end) = adjust_indices(start, end, m.data.len());
    let test = |affix: &[u8]| -> bool {
        if start > end || (end - start) < affix.len() as i64 {
            return false;
        }
        let window = &m.data[start as usize..end as usize];
        if name == "startswith" {
            window.starts_with(affix)
        } else {
            window.ends_with(affix)
        }
    };
    match &rest[0] {
        Value::Tuple(items) => {
            for item in items.iter() {
                if test(&buffer_arg(item)?) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        v => match buffer(v) {
            Some(b) => Ok(Value::Bool(test(&b))),
            None => Err(PyErr::type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                v.type_name()
            ))),
        },
    }
}

fn bytes_decode(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let m = me(args, "decode")?;
    let [encoding, errors] = keywords("decode", &args[1..], kwargs, ["encoding", "errors"], 2)?;
    let encoding = str_param("decode", "encoding", encoding)?;
    let errors = str_param("decode", "errors", errors)?;
    let encoding = encoding.as_deref().unwrap_or("utf-8");
    let errors = errors.as_deref().unwrap_or("strict");
    if !crate::objects::codecs::is_native(encoding) || !crate::objects::codecs::is_native_handler(errors) {
        return crate::modules::codecs::decode_text(vm, &args[0], encoding, errors);
    }
    let text = crate::objects::codecs::decode(&m.data, encoding, errors)?;
    Ok(Value::Str(Rc::new(crate::objects::str::StrObject::from_string(text))))
}

/// A `str` parameter of an Argument Clinic function.
pub fn str_param(fname: &str, pname: &str, v: Option<Value>) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.to_string())),
        Some(other) => Err(PyErr::type_error(format!(
            "{fname}() argument '{pname}' must be str, not {}",
            other.type_name()
        ))),
    }
}

fn bytes_expandtabs(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let m = me(args, "expandtabs")?;
    let [tabsize] = keywords("expandtabs", &args[1..], kwargs, ["tabsize"], 1)?;
    let tabsize = match tabsize {
        Some(v) => crate::objects::args::cint_arg(vm, &v)?,
        None => 8,
    };
    let mut out = Vec::with_capacity(m.data.len());
    let mut column: i64 = 0;
    for &c in m.data.iter() {
        match c {
            b'\t' => {
                if tabsize > 0 {
                    let n = tabsize - column % tabsize;
                    column += n;
                    let needed = out.len() + n as usize;
                    out.try_reserve(n as usize).map_err(|_| PyErr::new(ExcKind::MemoryError, ""))?;
                    out.resize(needed, b' ');
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    Ok(m.make(out))
}

fn hex_digit(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

fn bytes_fromhex(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    // A class method: args[0] is the class (or an instance, reached through one).
    let bytearray = match args.first() {
        Some(Value::Type(t)) => t.name == "bytearray",
        Some(v) => matches!(v, Value::ByteArray(_)),
        None => false,
    };
    if !kwargs.is_empty() {
        return Err(PyErr::type_error("fromhex() takes no keyword arguments"));
    }
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "fromhex() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let Value::Str(s) = &args[1] else {
        return Err(PyErr::type_error(format!(
            "fromhex() argument must be str, not {}",
            args[1].type_name()
        )));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    let bad = |pos: usize| {
        PyErr::value_error(format!("non-hexadecimal number found in fromhex() arg at position {pos}"))
    };
    let digit = |c: Option<&char>| c.filter(|c| c.is_ascii()).and_then(|&c| hex_digit(c as u8));
    while i < chars.len() {
        if chars[i].is_ascii() && is_space(chars[i] as u8) {
            i += 1;
            continue;
        }
        let hi = digit(chars.get(i)).ok_or_else(|| bad(i))?;
        let lo = digit(chars.get(i + 1)).ok_or_else(|| bad(i + 1))?;
        out.push(hi * 16 + lo);
        i += 2;
    }
    Ok(if bytearray { new_bytearray(out) } else { new_bytes(out) })
}

/// `hex(sep=..., bytes_per_sep=1)` for bytes, bytearray and memoryview.
pub fn hex_of(vm: &mut Vm, data: &[u8], args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [sep, per] = keywords("hex", args, kwargs, ["sep", "bytes_per_sep"], 2)?;
    let sep: Option<char> = match sep {
        None => None,
        Some(v) => {
            let text: Vec<char> = match &v {
                Value::Str(s) => s.chars().collect(),
                other => match buffer(other) {
                    Some(b) => b.iter().map(|&c| c as char).collect(),
                    None => {
                        vm.len_of(other)?;
                        Vec::new()
                    }
                },
            };
            if text.len() != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            if !text[0].is_ascii() {
                return Err(PyErr::value_error("sep must be ASCII."));
            }
            Some(text[0])
        }
    };
    let per = match per {
        Some(v) => crate::objects::args::cint_arg(vm, &v)?,
        None => 1,
    };
    let mut out = String::with_capacity(data.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, b) in data.iter().enumerate() {
        if let (Some(s), true) = (sep, i > 0 && group > 0) {
            // Groups count from the right for a positive bytes_per_sep, from the left otherwise.
            let boundary =
                if per > 0 { (data.len() - i).is_multiple_of(group) } else { i.is_multiple_of(group) };
            if boundary {
                out.push(s);
            }
        }
        out.push_str(&format!("{b:02x}"));
    }
    Ok(Value::str(&out))
}

fn bytes_hex(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let m = me(args, "hex")?;
    hex_of(vm, &m.data, &args[1..], kwargs)
}

fn bytes_join(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let m = me(args, "join")?;
    let iterable = crate::objects::args::one_arg(m.tp(), "join", args, kwargs)?;
    let items = match vm.collect_iterable(iterable) {
        Ok(items) => items,
        Err(e)
            if crate::objects::args::err_is(vm, &e, ExcKind::TypeError)
                && !matches!(iterable, Value::Instance(_)) =>
        {
            return Err(PyErr::type_error("can only join an iterable"))
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(b) = buffer(item) else {
            return Err(PyErr::type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                item.type_name()
            )));
        };
        if i > 0 {
            out.extend_from_slice(&m.data);
        }
        out.extend_from_slice(&b);
    }
    Ok(m.make(out))
}

/// center, ljust, rjust.
fn pad(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str) -> PyResult<Value> {
    let m = me(args, name)?;
    let rest = positional(m.tp(), name, args, kwargs, 1, 2)?;
    let width = ssize_arg(vm, &rest[0])?;
    let fill = match rest.get(1) {
        None => b' ',
        Some(v) => match (v, buffer(v)) {
            (Value::Bytes(_) | Value::ByteArray(_), Some(b)) if b.len() == 1 => b[0],
            _ => {
                return Err(PyErr::type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    v.type_name()
                )))
            }
        },
    };
    let len = m.data.len() as i64;
    if width <= len {
        let v = m.data.to_vec();
        return Ok(same_or(args, &m, v));
    }
    let total = (width - len) as usize;
    let (left, right) = match name {
        "ljust" => (0, total),
        "rjust" => (total, 0),
        _ => {
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let mut out = with_capacity(width as usize)?;
    out.resize(left, fill);
    out.extend_from_slice(&m.data);
    out.resize(left + m.data.len() + right, fill);
    Ok(m.make(out))
}

fn bytes_zfill(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let m = me(args, "zfill")?;
    let width = crate::objects::args::one_arg(m.tp(), "zfill", args, kwargs)?;
    let width = ssize_arg(vm, width)?;
    let len = m.data.len() as i64;
    if width <= len {
        let v = m.data.to_vec();
        return Ok(same_or(args, &m, v));
    }
    let fill = (width - len) as usize;
    let mut out = with_capacity(width as usize)?;
    let signed = matches!(m.data.first(), Some(b'+' | b'-'));
    if signed {
        out.push(m.data[0]);
    }
    out.resize(out.len() + fill, b'0');
    out.extend_from_slice(&m.data[signed as usize..]);
    Ok(m.make(out))
}

/// strip, lstrip, rstrip.
fn strip(args: &[Value], kwargs: &Kwargs, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let m = me(args, name)?;
    let rest = positional(m.tp(), name, args, kwargs, 0, 1)?;
    let chars: Option<Buf> = match rest.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(buffer_arg(v)?),
    };
    let strip_it = |c: u8| match &chars {
        None => is_space(c),
        Some(set) => set.contains(&c),
    };
    let data = &m.data[..];
    let mut start = 0;
    let mut end = data.len();
    if left {
        while start < end && strip_it(data[start]) {
            start += 1;
        }
    }
    if right {
        while end > start && strip_it(data[end - 1]) {
            end -= 1;
        }
    }
    let v = data[start..end].to_vec();
    Ok(same_or(args, &m, v))
}

fn remove_affix(args: &[Value], kwargs: &Kwargs, name: &str, prefix: bool) -> PyResult<Value> {
    let m = me(args, name)?;
    let rest = positional(m.tp(), name, args, kwargs, 1, 1)?;
    let affix = buffer_arg(&rest[0])?;
    let data = &m.data[..];
    let v = if prefix && data.starts_with(&affix) {
        data[affix.len()..].to_vec()
    } else if !prefix && data.ends_with(&affix) {
        data[..data.len() - affix.len()].to_vec()
    } else {
        data.to_vec()
    };
    Ok(same_or(args, &m, v))
}

fn partition(args: &[Value], kwargs: &Kwargs, name: &str, reverse: bool) -> PyResult<Value> {
    let m = me(args, name)?;
    let sep = crate::objects::args::one_arg(m.tp(), name, args, kwargs)?;
    let sep = buffer_arg(sep)?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let data = &m.data[..];
    let found = if reverse { rfind(data, &sep, data.len()) } else { find(data, &sep, 0) };
    let parts = match found {
        Some(i) => [data[..i].to_vec(), sep.to_vec(), data[i + sep.len()..].to_vec()],
        None if reverse => [Vec::new(), Vec::new(), data.to_vec()],
        None => [data.to_vec(), Vec::new(), Vec::new()],
    };
    let whole_at = if reverse { 2 } else { 0 };
    let items: Vec<Value> = parts
        .into_iter()
        .enumerate()
        .map(
            |(i, p)| {
                if found.is_none() && i == whole_at && !m.bytearray {
                    args[0].clone()
                } else {
                    m.make(p)
                }
            },
        )
        .collect();
    Ok(Value::Tuple(Rc::new(items)))
}

fn bytes_replace(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let m = me(args, "replace")?;
    let rest = positional(m.tp(), "replace", args, kwargs, 2, 3)?;
    let old = buffer_arg(&rest[0])?;
    let new = buffer_arg(&rest[1])?;
    let count = match rest.get(2) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let limit = if count < 0 { usize::MAX } else { count as usize };
    let data = &m.data[..];
    let mut out = Vec::with_capacity(data.len());
    let mut done = 0;
    if old.is_empty() {
        // An empty pattern matches before every byte and at the end.
        for (i, &c) in data.iter().enumerate() {
            if done < limit {
                out.extend_from_slice(&new);
                done += 1;
            }
            out.push(c);
            if i + 1 == data.len() && done < limit {
                out.extend_from_slice(&new);
            }
        }
        if data.is_empty() && limit > 0 {
            out.extend_from_slice(&new);
        }
        return Ok(m.make(out));
    }
    let mut at = 0;
    while done < limit {
        match find(data, &old, at) {
            Some(i) => {
                out.extend_from_slice(&data[at..i]);
                out.extend_from_slice(&new);
                at = i + old.len();
                done += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&data[at..]);
    Ok(same_or(args, &m, out))
}

fn split(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str) -> PyResult<Value> {
    let m = me(args, name)?;
    let [sep, maxsplit] = keywords(name, &args[1..], kwargs, ["sep", "maxsplit"], 2)?;
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => Some(buffer_arg(&v)?),
    };
    let maxsplit = match maxsplit {
        Some(v) => ssize_arg(vm, &v)?,
        None => -1,
    };
    let limit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let data = &m.data[..];
    let reverse = name == "rsplit";
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            if reverse {
                let mut end = data.len();
                while parts.len() < limit {
                    match rfind(data, &sep, end) {
                        Some(i) => {
                            parts.push(data[i + sep.len()..end].to_vec());
                            end = i;
                        }
                        None => break,
                    }
                }
                parts.push(data[..end].to_vec());
                parts.reverse();
            } else {
                let mut at = 0;
                while parts.len() < limit {
                    match find(data, &sep, at) {
                        Some(i) => {
                            parts.push(data[at..i].to_vec());
                            at = i + sep.len();
                        }
                        None => break,
                    }
                }
                parts.push(data[at..].to_vec());
            }
        }
        None if reverse => {
            let mut end = data.len();
            loop {
                while end > 0 && is_space(data[end - 1]) {
                    end -= 1;
                }
                if end == 0 {
                    break;
                }
                if parts.len() == limit {
                    parts.push(data[..end].to_vec());
                    break;
                }
                let mut start = end;
                while start > 0 && !is_space(data[start - 1]) {
                    start -= 1;
                }
                parts.push(data[start..end].to_vec());
                end = start;
            }
            parts.reverse();
        }
        None => {
            let mut at = 0;
            loop {
                while at < data.len() && is_space(data[at]) {
                    at += 1;
                }
                if at == data.len() {
                    break;
                }
                if parts.len() == limit {
                    parts.push(data[at..].to_vec());
                    break;
                }
                let start = at;
                while at < data.len() && !is_space(data[at]) {
                    at += 1;
                }
                parts.push(data[start..at].to_vec());
            }
        }
    }
    let items: Vec<Value> = parts.into_iter().map(|p| m.make(p)).collect();
    Ok(Value::List(Rc::new(RefCell::new(items))))
}

fn bytes_splitlines(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let m = me(args, "splitlines")?;
    let [keepends] = keywords("splitlines", &args[1..], kwargs, ["keepends"], 1)?;
    let keepends = match keepends {
        Some(v) => crate::objects::args::cint_arg(vm, &v)? != 0,
        None => false,
    };
    let data = &m.data[..];
    let mut items = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < data.len() {
        let eol = match data[i] {
            b'\r' if data.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => {
                i += 1;
                continue;
            }
        };
        let end = if keepends { i + eol } else { i };
        items.push(m.make(data[start..end].to_vec()));
        i += eol;
        start = i;
    }
    if start < data.len() {
        items.push(m.make(data[start..].to_vec()));
    }
    Ok(Value::List(Rc::new(RefCell::new(items))))
}

fn bytes_translate(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let m = me(args, "translate")?;
    let rest = &args[1..];
    let mut table = None;
    let mut delete = None;
    if rest.len() > 2 {
        return Err(PyErr::type_error(format!("translate expected at most 2 arguments, got {}", rest.len())));
    }
    if let Some(t) = rest.first() {
        table = Some(t.clone());
    }
    if let Some(d) = rest.get(1) {
        delete = Some(d.clone());
    }
    for (k, v) in kwargs {
        match k.as_str() {
            "delete" if delete.is_none() => delete = Some(v.clone()),
            other => {
                return Err(PyErr::type_error(format!(
                    "'{other}' is an invalid keyword argument for translate()"
                )))
            }
        }
    }
    let Some(table) = table else {
        return Err(PyErr::type_error("translate() missing required argument 'table' (pos 1)"));
    };
    let table = match &table {
        Value::None => None,
        v => {
            let t = buffer_arg(v)?;
            if t.len() != 256 {
                return Err(PyErr::value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match &delete {
        None => None,
        Some(v) => Some(buffer_arg(v)?),
    };
    let out: Vec<u8> = m
        .data
        .iter()
        .filter(|c| delete.as_ref().is_none_or(|d| !d.contains(c)))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    Ok(same_or(args, &m, out))
}

fn bytes_maketrans(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    // Reached unbound (`bytes.maketrans(a, b)`) or bound to an instance (`b''.maketrans(a, b)`).
    let rest = match args.first() {
        Some(Value::Bytes(_) | Value::ByteArray(_)) if args.len() == 3 => &args[1..],
        _ => args,
    };
    if !kwargs.is_empty() {
        return Err(PyErr::type_error("maketrans() takes no keyword arguments"));
    }
    if rest.len() != 2 {
        return Err(PyErr::type_error(format!("maketrans expected 2 arguments, got {}", rest.len())));
    }
    let from = buffer_arg(&rest[0])?;
    let to = buffer_arg(&rest[1])?;
    if from.len() != to.len() {
        return Err(PyErr::value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in from.iter().zip(to.iter()) {
        table[f as usize] = t;
    }
    Ok(new_bytes(table))
}

/// `bytes(x)` / `bytearray(x)` for an object with `__bytes__`, a buffer, an int count or an
/// iterable of ints; `what` names the type for the error messages.
pub fn bytes_from_object(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<u8>> {
    if let Value::MemoryView(m) = v {
        m.len()?; // a released view fails here
    }
    if let Some(b) = buffer(v) {
        return Ok(b.into_vec());
    }
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let n = match v {
                Value::Int(i) => *i,
                Value::Bool(b) => *b as i64,
                _ if num_traits::Signed::is_negative(
                    &crate::objects::int::to_bigint(v).unwrap_or_default(),
                ) =>
                {
                    -1
                }
                _ => {
                    return Err(PyErr::new(
                        ExcKind::OverflowError,
                        "cannot fit 'int' into an index-sized integer",
                    ))
                }
            };
            if n < 0 {
                return Err(PyErr::value_error("negative count"));
            }
            let mut out = with_capacity(n as usize)?;
            out.resize(n as usize, 0);
            return Ok(out);
        }
        Value::Str(_) => return Err(PyErr::type_error("string argument without an encoding")),
        _ => {}
    }
    if let Value::Instance(i) = v {
        if i.class.lookup("__index__").is_some() && i.class.lookup("__iter__").is_none() {
            let n = crate::objects::args::index_value(vm, v)?;
            return bytes_from_object(vm, &n, what);
        }
    }
    let iterable = match v {
        Value::Instance(i) => i.class.lookup("__iter__").is_some() || i.class.lookup("__getitem__").is_some(),
        Value::List(_)
        | Value::Tuple(_)
        | Value::Range(_)
        | Value::Dict(_)
        | Value::Set(_)
        | Value::Iterator(_)
        | Value::Generator(_) => true,
        _ => false,
    };
    if !iterable {
        return Err(PyErr::type_error(format!("cannot convert '{}' object to {what}", v.type_name())));
    }
    let msg =
        if what == "bytes" { "bytes must be in range(0, 256)" } else { "byte must be in range(0, 256)" };
    crate::objects::bytearray::bytes_of_iterable(vm, v, msg)
}

/// `bytes(...)` and `bytearray(...)`: (source, encoding, errors).
pub fn construct(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, what: &str) -> PyResult<Vec<u8>> {
    let [source, encoding, errors] =
        crate::objects::args::keywords(what, args, kwargs, ["source", "encoding", "errors"], 3)?;
    let encoding = match encoding {
        None => None,
        Some(Value::Str(s)) => Some(s.to_string()),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "{what}() argument 'encoding' must be str, not {}",
                other.type_name()
            )))
        }
    };
    let errors = match errors {
        None => None,
        Some(Value::Str(s)) => Some(s.to_string()),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "{what}() argument 'errors' must be str, not {}",
                other.type_name()
            )))
        }
    };
    let Some(source) = source else {
        if encoding.is_some() || errors.is_some() {
            return Err(PyErr::type_error(if encoding.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        }
        return Ok(Vec::new());
    };
    if let Value::Str(s) = &source {
        let Some(encoding) = encoding else {
            return Err(PyErr::type_error("string argument without an encoding"));
        };
        return crate::objects::codecs::encode(s, &encoding, errors.as_deref().unwrap_or("strict"));
    }
    if encoding.is_some() {
        return Err(PyErr::type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(PyErr::type_error("errors without a string argument"));
    }
    if what == "bytes" {
        if let Value::Instance(i) = &source {
            if let Some(f) = i.class.lookup("__bytes__") {
                let r = vm.call_value(&f, vec![source.clone()], Vec::new())?;
                return match r {
                    Value::Bytes(b) => Ok(b.to_vec()),
                    other => Err(PyErr::type_error(format!(
                        "__bytes__ returned non-bytes (type {})",
                        other.type_name()
                    ))),
                };
            }
        }
    }
    bytes_from_object(vm, &source, what)
}
