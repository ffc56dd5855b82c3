//! `binascii`: hex, base64, uuencode and quoted-printable conversions and the CRC-32/CRC-HQX
//! checksums, with `binascii.Error` and CPython's messages.

use super::native_class::{check_arity, no_kwargs};
use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, ExceptionObject, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::keywords;
use crate::objects::bytes::new_bytes;
use crate::objects::dict::DictObject;
use crate::value::Value;
use std::rc::Rc;

const PYTHON_PART: &str = "\
class Error(ValueError):
    pass
Error.__module__ = 'binascii'
class Incomplete(Exception):
    pass
Incomplete.__module__ = 'binascii'
";

pub fn init(vm: &mut Vm, dict: &Rc<DictObject>) {
    let result = crate::builtins::compile_builtin_module(vm, PYTHON_PART, "<frozen binascii>")
        .and_then(|code| vm.run_code_in(code, dict.clone(), dict.clone()));
    if let Err(e) = result {
        let exc = vm.materialize(e);
        vm.print_exception(&exc);
    }
    if let Some(Value::Type(err)) = dict.get_str("Error") {
        vm.native_classes.insert("binascii.Error", err);
    }
    super::add_functions(
        dict,
        &[
            ("hexlify", |vm, a, k| hexlify(vm, a, k, "hexlify")),
            ("b2a_hex", |vm, a, k| hexlify(vm, a, k, "b2a_hex")),
            ("unhexlify", |vm, a, k| unhexlify(vm, a, k, "unhexlify")),
            ("a2b_hex", |vm, a, k| unhexlify(vm, a, k, "a2b_hex")),
            ("b2a_base64", b2a_base64),
            ("a2b_base64", a2b_base64),
            ("crc32", crc32_fn),
            ("crc_hqx", crc_hqx),
            ("b2a_uu", b2a_uu),
            ("a2b_uu", a2b_uu),
            ("b2a_qp", b2a_qp),
            ("a2b_qp", a2b_qp),
        ],
    );
}

pub fn binascii_error(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    let msg = msg.into();
    match vm.native_classes.get("binascii.Error") {
        Some(cls) => {
            let cls = cls.clone();
            PyErr::Raised(Rc::new(ExceptionObject::new(cls, vec![Value::str(&msg)])))
        }
        None => PyErr::new(ExcKind::ValueError, msg),
    }
}

/// A bytes-like argument.
fn data_arg(v: &Value) -> PyResult<Vec<u8>> {
    Ok(crate::objects::bytes::buffer_arg(v)?.to_vec())
}

/// The argument of the `a2b_*` functions: bytes-like or an ASCII-only str.
fn ascii_data_arg(v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Str(s) => {
            if !s.as_str().is_ascii() {
                return Err(PyErr::value_error("string argument should contain only ASCII characters"));
            }
            Ok(s.as_str().as_bytes().to_vec())
        }
        other => crate::objects::bytes::buffer(other).map(|b| b.to_vec()).ok_or_else(|| {
            PyErr::type_error(format!(
                "argument should be bytes, buffer or ASCII string, not '{}'",
                other.type_name()
            ))
        }),
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// `hexlify(data, sep=None, bytes_per_sep=1)`; also used by `bytes.hex`-like callers.
pub fn hex_with_sep(data: &[u8], sep: Option<u8>, bytes_per_sep: i64) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() * 3);
    let group = bytes_per_sep.unsigned_abs() as usize;
    match sep {
        Some(sep) if group > 0 && !data.is_empty() => {
            let n = data.len();
            for (i, b) in data.iter().enumerate() {
                let boundary =
                    if bytes_per_sep > 0 { (n - i).is_multiple_of(group) } else { i.is_multiple_of(group) };
                if i > 0 && boundary {
                    out.push(sep);
                }
                out.push(HEX[(b >> 4) as usize]);
                out.push(HEX[(b & 15) as usize]);
            }
        }
        _ => {
            for b in data {
                out.push(HEX[(b >> 4) as usize]);
                out.push(HEX[(b & 15) as usize]);
            }
        }
    }
    out
}

fn hexlify(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str) -> PyResult<Value> {
    let [data, sep, per] = keywords(name, args, kwargs, ["data", "sep", "bytes_per_sep"], 3)?;
    let data =
        data.ok_or_else(|| PyErr::type_error(format!("{name}() missing required argument 'data' (pos 1)")))?;
    let data = data_arg(&data)?;
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => {
            if s.as_str().chars().count() != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            let c = s.as_str().chars().next().unwrap_or(' ');
            if !c.is_ascii() {
                return Err(PyErr::value_error("sep must be ASCII."));
            }
            Some(c as u8)
        }
        Some(Value::Bytes(b)) => {
            if b.as_slice().len() != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            Some(b.as_slice()[0])
        }
        Some(other) => {
            return Err(PyErr::type_error(format!("sep must be str or bytes, not {}", other.type_name())))
        }
    };
    let per = match per {
        Some(p) => crate::objects::args::cint_arg(vm, &p)?,
        None => 1,
    };
    Ok(new_bytes(hex_with_sep(&data, sep, per)))
}

fn hex_digit(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

fn unhexlify(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str) -> PyResult<Value> {
    let [data] = keywords(name, args, kwargs, ["hexstr"], 1)?;
    let data = data
        .ok_or_else(|| PyErr::type_error(format!("{name}() missing required argument 'hexstr' (pos 1)")))?;
    let data = ascii_data_arg(&data)?;
    if data.len() % 2 != 0 {
        return Err(binascii_error(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        match (hex_digit(pair[0]), hex_digit(pair[1])) {
            (Some(a), Some(b)) => out.push(a << 4 | b),
            _ => return Err(binascii_error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(new_bytes(out))
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b2a_base64(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [data, newline] = keywords("b2a_base64", args, kwargs, ["data", "newline"], 1)?;
    let data =
        data.ok_or_else(|| PyErr::type_error("b2a_base64() missing required argument 'data' (pos 1)"))?;
    let data = data_arg(&data)?;
    let newline = match newline {
        Some(Value::Bool(b)) => b,
        Some(Value::Int(i)) => i != 0,
        Some(_) => true,
        None => true,
    };
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        out.push(B64[(b[0] >> 2) as usize]);
        out.push(B64[((b[0] & 3) << 4 | b[1] >> 4) as usize]);
        out.push(if chunk.len() > 1 { B64[((b[1] & 15) << 2 | b[2] >> 6) as usize] } else { b'=' });
        out.push(if chunk.len() > 2 { B64[(b[2] & 63) as usize] } else { b'=' });
    }
    if newline {
        out.push(b'\n');
    }
    Ok(new_bytes(out))
}

fn b64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

fn a2b_base64(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [data, strict] = keywords("a2b_base64", args, kwargs, ["data", "strict_mode"], 1)?;
    let data =
        data.ok_or_else(|| PyErr::type_error("a2b_base64() missing required argument 'data' (pos 1)"))?;
    let data = ascii_data_arg(&data)?;
    let strict = match strict {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    let (mut quad_pos, mut left, mut pads) = (0usize, 0u8, 0usize);
    let mut padding_started = false;
    let mut data_chars = 0usize;
    if strict && data.first() == Some(&b'=') {
        return Err(binascii_error(vm, "Leading padding not allowed"));
    }
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        i += 1;
        if c == b'=' {
            padding_started = true;
            pads += 1;
            if quad_pos >= 2 && quad_pos + pads >= 4 {
                if strict && i < data.len() {
                    return Err(binascii_error(vm, "Excess data after padding"));
                }
                return Ok(new_bytes(out));
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err(binascii_error(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(binascii_error(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        data_chars += 1;
        match quad_pos {
            0 => {
                quad_pos = 1;
                left = v;
            }
            1 => {
                quad_pos = 2;
                out.push(left << 2 | v >> 4);
                left = v & 0x0f;
            }
            2 => {
                quad_pos = 3;
                out.push(left << 4 | v >> 2);
                left = v & 0x03;
            }
            _ => {
                quad_pos = 0;
                out.push(left << 6 | v);
                left = 0;
            }
        }
    }
    if quad_pos != 0 {
        if quad_pos == 1 {
            return Err(binascii_error(
                vm,
                format!(
                    "Invalid base64-encoded string: number of data characters ({data_chars}) cannot be 1 more than a multiple of 4"
                ),
            ));
        }
        return Err(binascii_error(vm, "Incorrect padding"));
    }
    Ok(new_bytes(out))
}

/// CRC-32 as zlib computes it (reflected polynomial 0xEDB88320), continuing from `crc`.
pub fn crc32(data: &[u8], crc: u32) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, slot) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            }
            *slot = c;
        }
        t
    });
    let mut c = !crc;
    for &b in data {
        c = table[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

/// An unsigned 32-bit start value (`crc=`), taken modulo 2**32 as CPython's `unsigned int`
/// converter does for ints.
pub fn crc_start(vm: &mut Vm, v: Option<&Value>) -> PyResult<u32> {
    match v {
        None => Ok(0),
        Some(v) => {
            let n = crate::objects::args::index_value(vm, v)?;
            let b = crate::objects::int::to_bigint(&n).unwrap_or_default();
            let m = b % num_bigint::BigInt::from(1u64 << 32);
            let m =
                if m < num_bigint::BigInt::from(0) { m + num_bigint::BigInt::from(1u64 << 32) } else { m };
            Ok(num_traits::ToPrimitive::to_u32(&m).unwrap_or(0))
        }
    }
}

fn crc32_fn(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("crc32", kwargs)?;
    check_arity("crc32", args.len(), 1, 2)?;
    let data = data_arg(&args[0])?;
    let start = crc_start(vm, args.get(1))?;
    Ok(Value::Int(crc32(&data, start) as i64))
}

fn crc_hqx(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("crc_hqx", kwargs)?;
    check_arity("crc_hqx", args.len(), 2, 2)?;
    let data = data_arg(&args[0])?;
    let mut crc = (crc_start(vm, args.get(1))? & 0xffff) as u16;
    for &b in &data {
        crc ^= (b as u16) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 { (crc << 1) ^ 0x1021 } else { crc << 1 };
        }
    }
    Ok(Value::Int(crc as i64))
}

fn b2a_uu(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [data, backtick] = keywords("b2a_uu", args, kwargs, ["data", "backtick"], 1)?;
    let data = data.ok_or_else(|| PyErr::type_error("b2a_uu() missing required argument 'data' (pos 1)"))?;
    let data = data_arg(&data)?;
    let backtick = match backtick {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    if data.len() > 45 {
        return Err(binascii_error(vm, "At most 45 bytes at once"));
    }
    let enc = |v: u8| -> u8 {
        if backtick && v == 0 {
            b'`'
        } else {
            b' ' + v
        }
    };
    let mut out = vec![enc(data.len() as u8)];
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        out.push(enc(b[0] >> 2));
        out.push(enc((b[0] & 3) << 4 | b[1] >> 4));
        out.push(enc((b[1] & 15) << 2 | b[2] >> 6));
        out.push(enc(b[2] & 63));
    }
    out.push(b'\n');
    Ok(new_bytes(out))
}

fn a2b_uu(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("a2b_uu", kwargs)?;
    check_arity("a2b_uu", args.len(), 1, 1)?;
    let data = ascii_data_arg(&args[0])?;
    let mut data = data.as_slice();
    while let Some((&last, rest)) = data.split_last() {
        if last == b'\n' || last == b'\r' {
            data = rest;
        } else {
            break;
        }
    }
    let Some((&first, body)) = data.split_first() else {
        return Ok(new_bytes(vec![0; 32]));
    };
    let len = ((first.wrapping_sub(b' ')) & 0x3f) as usize;
    let mut out = Vec::with_capacity(len);
    let mut bits: u32 = 0;
    let mut nbits = 0;
    let mut pos = 0;
    while out.len() < len {
        let c = body.get(pos).copied().unwrap_or(b' ');
        pos += 1;
        if c == b'\n' || c == b'\r' {
            continue;
        }
        if !(b' '..=b' ' + 64).contains(&c) {
            return Err(binascii_error(vm, "Illegal char"));
        }
        bits = (bits << 6) | ((c - b' ') & 0x3f) as u32;
        nbits += 6;
        if nbits >= 8 {
            nbits -= 8;
            out.push((bits >> nbits) as u8);
            bits &= (1 << nbits) - 1;
        }
    }
    for &c in body.iter().skip(pos) {
        if c != b' ' && c != b' ' + 64 && c != b'\n' && c != b'\r' {
            return Err(binascii_error(vm, "Trailing garbage"));
        }
    }
    Ok(new_bytes(out))
}

fn a2b_qp(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [data, header] = keywords("a2b_qp", args, kwargs, ["data", "header"], 2)?;
    let data = data.ok_or_else(|| PyErr::type_error("a2b_qp() missing required argument 'data' (pos 1)"))?;
    let data = ascii_data_arg(&data)?;
    let header = match header {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c == b'=' {
            i += 1;
            if i >= data.len() {
                break;
            }
            if data[i] == b'\n' || data[i] == b'\r' {
                if data[i] != b'\n' {
                    while i < data.len() && data[i] != b'\n' {
                        i += 1;
                    }
                }
                i += 1;
            } else if data[i] == b'=' {
                out.push(b'=');
                i += 1;
            } else if i + 1 < data.len() {
                match (hex_digit(data[i]), hex_digit(data[i + 1])) {
                    (Some(a), Some(b)) => {
                        out.push(a << 4 | b);
                        i += 2;
                    }
                    _ => out.push(b'='),
                }
            } else {
                out.push(b'=');
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(new_bytes(out))
}

fn b2a_qp(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [data, quotetabs, istext, header] =
        keywords("b2a_qp", args, kwargs, ["data", "quotetabs", "istext", "header"], 4)?;
    let data = data.ok_or_else(|| PyErr::type_error("b2a_qp() missing required argument 'data' (pos 1)"))?;
    let data = data_arg(&data)?;
    let flag = |vm: &mut Vm, v: Option<Value>, d: bool| -> PyResult<bool> {
        match v {
            Some(v) => vm.truthy(&v),
            None => Ok(d),
        }
    };
    let quotetabs = flag(vm, quotetabs, false)?;
    let istext = flag(vm, istext, true)?;
    let header = flag(vm, header, false)?;
    const MAXLINE: usize = 76;
    // Line ends are written as the input's first one is (CPython looks at the first \n).
    let crlf = data.iter().position(|&c| c == b'\n').is_some_and(|p| p > 0 && data[p - 1] == b'\r');
    let mut out: Vec<u8> = Vec::with_capacity(data.len() * 2);
    let mut linelen = 0usize;
    let mut i = 0;
    let hexu = b"0123456789ABCDEF";
    while i < data.len() {
        let c = data[i];
        let needs_quote = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.'
                && linelen == 0
                && (i + 1 == data.len() || data[i + 1] == b'\n' || data[i + 1] == b'\r' || data[i + 1] == 0))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && i + 1 == data.len())
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if needs_quote {
            if linelen + 3 >= MAXLINE {
                out.push(b'=');
                if crlf {
                    out.push(b'\r');
                }
                out.push(b'\n');
                linelen = 0;
            }
            out.push(b'=');
            out.push(hexu[(c >> 4) as usize]);
            out.push(hexu[(c & 15) as usize]);
            linelen += 3;
            i += 1;
        } else if istext && (c == b'\n' || (i + 1 < data.len() && c == b'\r' && data[i + 1] == b'\n')) {
            linelen = 0;
            if let Some(&last) = out.last() {
                if last == b' ' || last == b'\t' {
                    out.pop();
                    out.push(b'=');
                    out.push(hexu[(last >> 4) as usize]);
                    out.push(hexu[(last & 15) as usize]);
                }
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if i + 1 != data.len() && data[i + 1] != b'\n' && linelen + 1 >= MAXLINE {
                out.push(b'=');
                if crlf {
                    out.push(b'\r');
                }
                out.push(b'\n');
                linelen = 0;
            }
            linelen += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            i += 1;
        }
    }
    Ok(new_bytes(out))
}
