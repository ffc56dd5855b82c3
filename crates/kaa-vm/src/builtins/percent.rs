//! printf-style formatting, `str % values`, as CPython's `PyUnicode_Format` does it.

use super::format::format_float;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::int::to_bigint;
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// Where conversions take their values from.
struct Args<'a> {
    items: &'a [Value],
    next: usize,
    /// A single non-tuple value (counts as one argument).
    single: bool,
    /// Set once a `%(key)` conversion used the mapping: leftover arguments are then fine.
    used_mapping: bool,
}

impl Args<'_> {
    fn next(&mut self) -> PyResult<Value> {
        match self.items.get(self.next) {
            Some(v) => {
                self.next += 1;
                Ok(v.clone())
            }
            None => Err(PyErr::type_error("not enough arguments for format string")),
        }
    }
}

#[derive(Default)]
struct Flags {
    left: bool,
    plus: bool,
    space: bool,
    alternate: bool,
    zero: bool,
}

/// `fmt % values` for str.
pub fn percent_format(vm: &mut Vm, fmt: &str, values: &Value) -> PyResult<String> {
    format_with(vm, fmt, values, false)
}

/// `fmt % values` for bytes and bytearray: the same machinery over Latin-1 text, where `%s`/`%b`
/// take bytes-like objects (or `__bytes__`), `%r`/`%a` give ASCII reprs and `%c` one byte.
pub fn percent_format_bytes(vm: &mut Vm, fmt: &[u8], values: &Value) -> PyResult<Vec<u8>> {
    let text: String = fmt.iter().map(|&b| b as char).collect();
    let out = format_with(vm, &text, values, true)?;
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

/// The bytes `%b` inserts, as Latin-1 text.
fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let data = match crate::objects::bytes::buffer(v) {
        Some(b) => b.into_vec(),
        None => match v {
            Value::Instance(i) if i.class.lookup("__bytes__").is_some() => {
                match vm.call_dunder(v, "__bytes__", &[])? {
                    Some(Value::Bytes(b)) => b.to_vec(),
                    Some(other) => {
                        return Err(PyErr::type_error(format!(
                            "__bytes__ returned non-bytes (type {})",
                            other.type_name()
                        )))
                    }
                    None => Vec::new(),
                }
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                    v.type_name()
                )))
            }
        },
    };
    Ok(data.iter().map(|&b| b as char).collect())
}

/// The byte `%c` inserts into bytes.
fn byte_char_arg(v: &Value) -> PyResult<String> {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let code = to_bigint(v).and_then(|b| b.to_i64()).unwrap_or(-1);
            u8::try_from(code)
                .map(|b| (b as char).to_string())
                .map_err(|_| PyErr::new(ExcKind::OverflowError, "%c arg not in range(256)"))
        }
        Value::Bytes(b) if b.len() == 1 => Ok((b[0] as char).to_string()),
        Value::ByteArray(b) if b.data.borrow().len() == 1 => Ok((b.data.borrow()[0] as char).to_string()),
        _ => Err(PyErr::type_error("%c requires an integer in range(256) or a single byte")),
    }
}

fn format_with(vm: &mut Vm, fmt: &str, values: &Value, bytes_mode: bool) -> PyResult<String> {
    let tuple_items;
    let single = [values.clone()];
    let (items, is_single): (&[Value], bool) = match values {
        Value::Tuple(t) => {
            tuple_items = t.clone();
            (&tuple_items[..], false)
        }
        _ => (&single[..], true),
    };
    // A mapping argument (anything subscriptable but a tuple or str) serves `%(key)s`.
    let mapping = match values {
        Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_) => None,
        Value::Dict(_) | Value::List(_) | Value::Range(_) => Some(values.clone()),
        Value::Instance(_) if vm.type_of(values).lookup("__getitem__").is_some() => Some(values.clone()),
        _ => None,
    };
    let mut args = Args { items, next: 0, single: is_single, used_mapping: false };
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let mut value: Option<Value> = None;
        if chars.get(i) == Some(&'(') {
            let Some(map) = &mapping else {
                return Err(PyErr::type_error("format requires a mapping"));
            };
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                match chars[i] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(PyErr::value_error("incomplete format key"));
            }
            let key: String = chars[start..i - 1].iter().collect();
            let key = if bytes_mode {
                crate::objects::bytes::new_bytes(key.chars().map(|c| c as u32 as u8).collect())
            } else {
                Value::str(&key)
            };
            value = Some(crate::objects::args::get_item(vm, map, &key)?);
            args.used_mapping = true;
            // After a key, positional arguments are no longer available.
            args.next = args.items.len();
        }
        let mut flags = Flags::default();
        while let Some(&f) = chars.get(i) {
            match f {
                '-' => flags.left = true,
                '+' => flags.plus = true,
                ' ' => flags.space = true,
                '#' => flags.alternate = true,
                '0' => flags.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width: Option<usize> = None;
        if chars.get(i) == Some(&'*') {
            let w = star_arg(&mut args)?;
            if w < 0 {
                flags.left = true;
            }
            width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            width = read_number(&chars, &mut i, "width too big")?.or(width);
        }
        let mut precision: Option<usize> = None;
        if chars.get(i) == Some(&'.') {
            i += 1;
            if chars.get(i) == Some(&'*') {
                let p = star_arg(&mut args)?;
                if p > i32::MAX as i64 {
                    return Err(PyErr::new(
                        crate::exceptions::ExcKind::OverflowError,
                        "Python int too large to convert to C int",
                    ));
                }
                precision = Some(p.max(0) as usize);
                i += 1;
            } else {
                precision = Some(read_number(&chars, &mut i, "precision too big")?.unwrap_or(0));
            }
        }
        while matches!(chars.get(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let Some(&conv) = chars.get(i) else {
            return Err(PyErr::value_error("incomplete format"));
        };
        let conv_index = i;
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match value.take() {
            Some(v) => v,
            None => args.next()?,
        };
        let (prefix, body, numeric) = match conv {
            's' | 'r' | 'a' | 'b' if bytes_mode => {
                let text = match conv {
                    's' | 'b' => bytes_arg(vm, &v)?,
                    _ => super::ascii_of(&vm.repr(&v)?),
                };
                let text = match precision {
                    Some(p) => text.chars().take(p).collect(),
                    None => text,
                };
                (String::new(), text, false)
            }
            'c' if bytes_mode => (String::new(), byte_char_arg(&v)?, false),
            's' | 'r' | 'a' => {
                let text = match conv {
                    's' => vm.str(&v)?,
                    'r' => vm.repr(&v)?,
                    _ => super::ascii_of(&vm.repr(&v)?),
                };
                let text = match precision {
                    Some(p) => text.chars().take(p).collect(),
                    None => text,
                };
                (String::new(), text, false)
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = integer_arg(vm, &v, conv)?;
                if !matches!(conv, 'x' | 'X' | 'o') {
                    super::int_limit::to_decimal(&n)?;
                }
                let (sign, prefix, digits) = int_parts(&n, conv, &flags, precision);
                (format!("{sign}{prefix}"), digits, true)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = float_arg(vm, &v)?;
                let negative = x.is_sign_negative() && !x.is_nan();
                let body = format_float(x.abs(), conv, Some(precision.unwrap_or(6)), flags.alternate);
                (sign_of(negative, &flags).to_string(), body, x.is_finite())
            }
            'c' => (String::new(), char_arg(vm, &v)?, false),
            other => {
                return Err(PyErr::value_error(format!(
                    "unsupported format character '{other}' ({:#x}) at index {conv_index}",
                    other as u32
                )))
            }
        };
        let len = prefix.chars().count() + body.chars().count();
        let w = width.unwrap_or(0);
        if w > len {
            // Padding that cannot be allocated is a MemoryError, not an abort.
            // (Beyond 4 GiB the allocation may "succeed" by overcommit and the process be
            // killed while filling it.)
            let memory_error = || PyErr::new(crate::exceptions::ExcKind::MemoryError, "");
            if w - len > 1 << 32 {
                return Err(memory_error());
            }
            out.try_reserve(w - len).map_err(|_| memory_error())?;
        }
        if len >= w {
            out.push_str(&prefix);
            out.push_str(&body);
        } else if flags.left {
            out.push_str(&prefix);
            out.push_str(&body);
            out.push_str(&" ".repeat(w - len));
        } else if flags.zero && numeric {
            out.push_str(&prefix);
            out.push_str(&"0".repeat(w - len));
            out.push_str(&body);
        } else {
            out.push_str(&" ".repeat(w - len));
            out.push_str(&prefix);
            out.push_str(&body);
        }
    }
    let leftover = args.next < args.items.len() && !(args.single && mapping.is_some());
    if leftover && !args.used_mapping {
        return Err(PyErr::type_error(if bytes_mode {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    Ok(out)
}

fn read_number(chars: &[char], i: &mut usize, too_big: &str) -> PyResult<Option<usize>> {
    let start = *i;
    let mut n: usize = 0;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .filter(|&n| n <= i32::MAX as usize)
            .ok_or_else(|| PyErr::value_error(too_big))?;
        *i += 1;
    }
    Ok(if *i == start { None } else { Some(n) })
}

fn star_arg(args: &mut Args) -> PyResult<i64> {
    match args.next()? {
        Value::Int(n) => Ok(n),
        Value::Bool(b) => Ok(b as i64),
        _ => Err(PyErr::type_error("* wants int")),
    }
}

fn sign_of(negative: bool, flags: &Flags) -> &'static str {
    if negative {
        "-"
    } else if flags.plus {
        "+"
    } else if flags.space {
        " "
    } else {
        ""
    }
}

/// The integer for %d/%i/%u (any real number, truncated) or %x/%X/%o (an integer).
fn integer_arg(vm: &mut Vm, v: &Value, conv: char) -> PyResult<BigInt> {
    let decimal = matches!(conv, 'd' | 'i' | 'u');
    let as_int = match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => Some(v.clone()),
        Value::Float(f) if decimal => Some(super::numeric::float_to_int(f.trunc())?),
        Value::Instance(_) => {
            let class = vm.type_of(v);
            if decimal && (class.lookup("__int__").is_some() || class.lookup("__index__").is_some()) {
                Some(super::constructors::int_of(vm, v)?)
            } else if decimal && class.lookup("__float__").is_some() {
                let f = float_arg(vm, v)?;
                Some(super::numeric::float_to_int(f.trunc())?)
            } else if class.lookup("__index__").is_some() {
                Some(crate::objects::args::index_value(vm, v)?)
            } else {
                None
            }
        }
        _ => None,
    };
    match as_int {
        Some(i) => Ok(to_bigint(&i).unwrap_or_default()),
        None if decimal => Err(PyErr::type_error(format!(
            "%{conv} format: a real number is required, not {}",
            v.type_name()
        ))),
        None => {
            Err(PyErr::type_error(format!("%{conv} format: an integer is required, not {}", v.type_name())))
        }
    }
}

fn int_parts(
    n: &BigInt,
    conv: char,
    flags: &Flags,
    precision: Option<usize>,
) -> (&'static str, &'static str, String) {
    let (radix, prefix) = match conv {
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        'o' => (8, "0o"),
        _ => (10, ""),
    };
    let mut digits = n.abs().to_str_radix(radix);
    if conv == 'X' {
        digits = digits.to_uppercase();
    }
    if let Some(p) = precision {
        if digits.len() < p {
            digits = format!("{}{digits}", "0".repeat(p - digits.len()));
        }
    }
    let prefix = if flags.alternate { prefix } else { "" };
    (sign_of(n.is_negative(), flags), prefix, digits)
}

fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            crate::objects::float::as_f64(v).unwrap_or(Ok(0.0))
        }
        Value::Instance(_) => {
            if let Some(r) = vm.call_dunder(v, "__float__", &[])? {
                return match r {
                    Value::Float(f) => Ok(f),
                    other => Err(PyErr::type_error(format!(
                        "{}.__float__ returned non-float (type {})",
                        v.type_name(),
                        other.type_name()
                    ))),
                };
            }
            if vm.type_of(v).lookup("__index__").is_some() {
                let i = crate::objects::args::index_value(vm, v)?;
                return crate::objects::float::as_f64(&i).unwrap_or(Ok(0.0));
            }
            Err(PyErr::type_error(format!("must be real number, not {}", v.type_name())))
        }
        _ => Err(PyErr::type_error(format!("must be real number, not {}", v.type_name()))),
    }
}

fn char_arg(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) if s.char_len() == 1 => Ok(s.to_string()),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Instance(_) => {
            let n = match v {
                Value::Instance(_) if vm.type_of(v).lookup("__index__").is_none() => {
                    return Err(PyErr::type_error("%c requires int or char"))
                }
                _ => crate::objects::args::index_value(vm, v)?,
            };
            let code = to_bigint(&n).and_then(|b| b.to_i64()).unwrap_or(-1);
            u32::try_from(code)
                .ok()
                .filter(|&c| c <= 0x10FFFF)
                .and_then(char::from_u32)
                .map(|c| c.to_string())
                .ok_or_else(|| PyErr::new(ExcKind::OverflowError, "%c arg not in range(0x110000)"))
        }
        _ => Err(PyErr::type_error("%c requires int or char")),
    }
}
