//! `_json`: the speedups `json` uses when present — `scanstring`, the `make_scanner` type
//! (`_json.Scanner`, the whole decoder), `make_encoder` (`_json.Encoder`, the whole one-shot
//! encoder) and `encode_basestring(_ascii)` — with the C module's semantics: its error
//! messages and positions (as JSONDecodeError), its type tests (subclasses of str/int/float/
//! list/tuple/dict are encoded as their base type), and its recursion errors.

use super::native_class::{add_class, cls_of, new_instance, state, tuple, Slots};
use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::builtin_subclass::base_value;
use crate::objects::dict::DictObject;
use crate::value::Value;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

pub fn init(vm: &mut Vm, dict: &DictObject) {
    super::add_functions(
        dict,
        &[
            ("scanstring", scanstring),
            ("encode_basestring_ascii", encode_basestring_ascii),
            ("encode_basestring", encode_basestring),
        ],
    );
    let scanner = add_class(vm, dict, "_json", "Scanner", Some(scanner_new), &[("__call__", scanner_call)]);
    dict.set_str("make_scanner", Value::Type(scanner));
    dict.remove_str("Scanner");
    let encoder = add_class(vm, dict, "_json", "Encoder", Some(encoder_new), &[("__call__", encoder_call)]);
    dict.set_str("make_encoder", Value::Type(encoder));
    dict.remove_str("Encoder");
}

/// Native depth beyond which nesting is refused even under a huge recursion limit (the Rust
/// stack is the real bound).
const MAX_NATIVE_NESTING: usize = 50_000;

#[cold]
fn recursion_error(what: &str) -> PyErr {
    PyErr::new(ExcKind::RecursionError, format!("maximum recursion depth exceeded {what}"))
}

fn too_deep(vm: &Vm, depth: usize) -> bool {
    depth + vm.frames.len() > vm.recursion_limit || depth > MAX_NATIVE_NESTING
}

#[cold]
fn first_arg_error(v: &Value) -> PyErr {
    PyErr::type_error(format!(
        "first argument must be a string, not {}",
        super::native_class::type_name_of(v)
    ))
}

// ---- the text being decoded ----

/// A str as code points: ASCII text is read in place, other text once decoded to chars.
enum Text<'a> {
    Ascii(&'a [u8]),
    Wide(Vec<char>),
}

impl Text<'_> {
    fn of(s: &crate::objects::str::StrObject) -> Text<'_> {
        if s.is_ascii() {
            Text::Ascii(s.as_str().as_bytes())
        } else {
            Text::Wide(s.as_str().chars().collect())
        }
    }
    #[inline]
    fn len(&self) -> usize {
        match self {
            Text::Ascii(b) => b.len(),
            Text::Wide(c) => c.len(),
        }
    }
    #[inline]
    fn at(&self, i: usize) -> u32 {
        match self {
            Text::Ascii(b) => b[i] as u32,
            Text::Wide(c) => c[i] as u32,
        }
    }
    fn push_range(&self, out: &mut String, a: usize, b: usize) {
        match self {
            // The bytes are ASCII, so any range is valid UTF-8.
            Text::Ascii(bytes) => out.push_str(std::str::from_utf8(&bytes[a..b]).unwrap_or_default()),
            Text::Wide(c) => out.extend(&c[a..b]),
        }
    }
    fn starts_with_at(&self, i: usize, word: &str) -> bool {
        i + word.len() <= self.len() && word.bytes().enumerate().all(|(k, b)| self.at(i + k) == b as u32)
    }
}

#[inline]
fn is_ws(c: u32) -> bool {
    matches!(c, 0x20 | 0x09 | 0x0a | 0x0d)
}

/// `json.decoder.JSONDecodeError(msg, s, pos)`.
#[cold]
fn decode_error(vm: &mut Vm, msg: &str, s: &Value, pos: usize) -> PyErr {
    let cls = match vm.import_module("json.decoder") {
        Ok(Value::Module(m)) => m.dict.get_str("JSONDecodeError"),
        Ok(_) => None,
        Err(e) => return e,
    };
    let Some(cls) = cls else {
        return PyErr::new(ExcKind::SystemError, "json.decoder.JSONDecodeError is missing");
    };
    match vm.call_value(&cls, vec![Value::str(msg), s.clone(), Value::Int(pos as i64)], vec![]) {
        Ok(Value::Exception(e)) => PyErr::Raised(e),
        Ok(_) => PyErr::new(ExcKind::SystemError, "JSONDecodeError() did not make an exception"),
        Err(e) => e,
    }
}

#[cold]
fn stop_iteration(vm: &Vm, idx: usize) -> PyErr {
    let cls = vm.exception_type(ExcKind::StopIteration);
    let exc = crate::exceptions::ExceptionObject::new(cls, vec![Value::Int(idx as i64)]);
    exc.set_member("value", Value::Int(idx as i64));
    PyErr::Raised(Rc::new(exc))
}

fn hex_digit(c: u32) -> Option<u32> {
    char::from_u32(c).and_then(|c| c.to_digit(16))
}

/// Reads the JSON string whose opening quote is just before `end`; returns it and the index
/// after the closing quote.
fn scan_string(
    vm: &mut Vm,
    s: &Value,
    text: &Text,
    mut end: usize,
    strict: bool,
) -> PyResult<(String, usize)> {
    let len = text.len();
    let begin = end.wrapping_sub(1);
    let mut out = String::new();
    loop {
        let mut next = end;
        let mut c = 0;
        while next < len {
            c = text.at(next);
            if c == '"' as u32 || c == '\\' as u32 {
                break;
            }
            if c <= 0x1f && strict {
                return Err(decode_error(vm, "Invalid control character at", s, next));
            }
            next += 1;
        }
        if next >= len {
            return Err(decode_error(vm, "Unterminated string starting at", s, begin));
        }
        text.push_range(&mut out, end, next);
        next += 1;
        if c == '"' as u32 {
            return Ok((out, next));
        }
        if next == len {
            return Err(decode_error(vm, "Unterminated string starting at", s, begin));
        }
        let esc = text.at(next);
        let ch = if esc != 'u' as u32 {
            end = next + 1;
            match char::from_u32(esc) {
                Some('"') => '"',
                Some('\\') => '\\',
                Some('/') => '/',
                Some('b') => '\u{8}',
                Some('f') => '\u{c}',
                Some('n') => '\n',
                Some('r') => '\r',
                Some('t') => '\t',
                _ => return Err(decode_error(vm, "Invalid \\escape", s, end - 2)),
            }
        } else {
            next += 1;
            end = next + 4;
            if end >= len {
                return Err(decode_error(vm, "Invalid \\uXXXX escape", s, next - 1));
            }
            let mut code = 0;
            for i in next..end {
                match hex_digit(text.at(i)) {
                    Some(d) => code = code << 4 | d,
                    None => return Err(decode_error(vm, "Invalid \\uXXXX escape", s, end - 5)),
                }
            }
            next = end;
            if (0xd800..0xdc00).contains(&code)
                && end + 6 < len
                && text.at(next) == '\\' as u32
                && text.at(next + 1) == 'u' as u32
            {
                let mut low = 0;
                for i in end + 2..end + 6 {
                    match hex_digit(text.at(i)) {
                        Some(d) => low = low << 4 | d,
                        None => return Err(decode_error(vm, "Invalid \\uXXXX escape", s, end + 1)),
                    }
                }
                if (0xdc00..0xe000).contains(&low) {
                    code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00));
                    end += 6;
                }
            }
            // Kaa's str cannot hold a lone surrogate: it decodes as U+FFFD.
            char::from_u32(code).unwrap_or('\u{fffd}')
        };
        out.push(ch);
    }
}

fn scanstring(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("scanstring", kwargs)?;
    if args.len() < 2 || args.len() > 3 {
        let (how, n) = if args.len() < 2 { ("at least", 2) } else { ("at most", 3) };
        return Err(PyErr::type_error(format!(
            "scanstring() takes {how} {n} arguments ({} given)",
            args.len()
        )));
    }
    let end = crate::objects::args::ssize_arg(vm, &args[1])?;
    let strict = match args.get(2) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let Value::Str(s) = &args[0] else { return Err(first_arg_error(&args[0])) };
    let text = Text::of(s);
    if end < 0 || end as usize > text.len() {
        return Err(PyErr::value_error("end is out of bounds"));
    }
    let (out, next) = scan_string(vm, &args[0], &text, end as usize, strict)?;
    Ok(tuple(vec![Value::str(&out), Value::Int(next as i64)]))
}

// ---- the scanner ----

struct Scanner {
    strict: bool,
    object_hook: Value,
    object_pairs_hook: Value,
    /// None when it is `float` itself (parsed natively).
    parse_float: Option<Value>,
    /// None when it is `int` itself.
    parse_int: Option<Value>,
    parse_constant: Value,
}

impl Slots for Scanner {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        f(&mut self.object_hook);
        f(&mut self.object_pairs_hook);
        super::native_class::opt_slot(&mut self.parse_float, f);
        super::native_class::opt_slot(&mut self.parse_int, f);
        f(&mut self.parse_constant);
    }
}

fn scanner_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    let [ctx] = crate::builtins::clinic("Scanner", &args[1..], kwargs, ["context"], 1, 1)?;
    let ctx = ctx.unwrap_or(Value::None);
    let strict = vm.get_attr(&ctx, "strict")?;
    let strict = vm.truthy(&strict)?;
    let object_hook = vm.get_attr(&ctx, "object_hook")?;
    let object_pairs_hook = vm.get_attr(&ctx, "object_pairs_hook")?;
    let parse_float = vm.get_attr(&ctx, "parse_float")?;
    let parse_int = vm.get_attr(&ctx, "parse_int")?;
    let parse_constant = vm.get_attr(&ctx, "parse_constant")?;
    let is = |v: &Value, t: &Rc<crate::objects::types::TypeObject>| matches!(v, Value::Type(x) if Rc::ptr_eq(x, t));
    let parse_float = (!is(&parse_float, &vm.types.float)).then_some(parse_float);
    let parse_int = (!is(&parse_int, &vm.types.int)).then_some(parse_int);
    let st = Scanner { strict, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant };
    Ok(new_instance(vm, &cls, st))
}

fn scanner_call(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = state::<Scanner>(args, "_json.Scanner", "__call__")?;
    let [string, idx] = crate::builtins::clinic("scan_once", &args[1..], kwargs, ["string", "idx"], 2, 2)?;
    let string = string.unwrap_or(Value::None);
    let idx = crate::objects::args::ssize_arg(vm, idx.as_ref().unwrap_or(&Value::None))?;
    let Value::Str(s) = &string else { return Err(first_arg_error(&string)) };
    if idx < 0 {
        return Err(PyErr::value_error("idx cannot be negative"));
    }
    let config = {
        let s = st.borrow();
        Scanner {
            strict: s.strict,
            object_hook: s.object_hook.clone(),
            object_pairs_hook: s.object_pairs_hook.clone(),
            parse_float: s.parse_float.clone(),
            parse_int: s.parse_int.clone(),
            parse_constant: s.parse_constant.clone(),
        }
    };
    let text = Text::of(s);
    let mut d = Decoder { s: &string, text: &text, cfg: &config, memo: HashMap::new(), depth: 0 };
    let (v, end) = d.scan_once(vm, idx as usize)?;
    Ok(tuple(vec![v, Value::Int(end as i64)]))
}

struct Decoder<'a> {
    s: &'a Value,
    text: &'a Text<'a>,
    cfg: &'a Scanner,
    /// Object keys seen in this document, so equal keys share one str.
    memo: HashMap<String, Value>,
    depth: usize,
}

impl Decoder<'_> {
    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.text.len() && is_ws(self.text.at(i)) {
            i += 1;
        }
        i
    }

    fn scan_once(&mut self, vm: &mut Vm, idx: usize) -> PyResult<(Value, usize)> {
        let t = self.text;
        if idx >= t.len() {
            return Err(stop_iteration(vm, idx));
        }
        let c = char::from_u32(t.at(idx)).unwrap_or('\0');
        match c {
            '"' => {
                let (s, end) = scan_string(vm, self.s, t, idx + 1, self.cfg.strict)?;
                Ok((Value::str(&s), end))
            }
            '{' | '[' => {
                self.depth += 1;
                if too_deep(vm, self.depth) {
                    self.depth -= 1;
                    return Err(recursion_error(if c == '{' {
                        "while decoding a JSON object from a unicode string"
                    } else {
                        "while decoding a JSON array from a unicode string"
                    }));
                }
                let r = if c == '{' { self.parse_object(vm, idx + 1) } else { self.parse_array(vm, idx + 1) };
                self.depth -= 1;
                r
            }
            'n' if t.starts_with_at(idx, "null") => Ok((Value::None, idx + 4)),
            't' if t.starts_with_at(idx, "true") => Ok((Value::Bool(true), idx + 4)),
            'f' if t.starts_with_at(idx, "false") => Ok((Value::Bool(false), idx + 5)),
            'N' if t.starts_with_at(idx, "NaN") => self.constant(vm, "NaN", idx + 3),
            'I' if t.starts_with_at(idx, "Infinity") => self.constant(vm, "Infinity", idx + 8),
            '-' if t.starts_with_at(idx, "-Infinity") => self.constant(vm, "-Infinity", idx + 9),
            _ => self.number(vm, idx),
        }
    }

    fn constant(&mut self, vm: &mut Vm, name: &str, end: usize) -> PyResult<(Value, usize)> {
        let v = vm.call_value(&self.cfg.parse_constant, vec![Value::str(name)], vec![])?;
        Ok((v, end))
    }

    fn number(&mut self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        let t = self.text;
        let digit = |i: usize| i < t.len() && (0x30..=0x39).contains(&t.at(i));
        let mut idx = start;
        if t.at(idx) == '-' as u32 {
            idx += 1;
            if idx >= t.len() {
                return Err(stop_iteration(vm, start));
            }
        }
        let c = t.at(idx);
        if (0x31..=0x39).contains(&c) {
            idx += 1;
            while digit(idx) {
                idx += 1;
            }
        } else if c == '0' as u32 {
            idx += 1;
        } else {
            return Err(stop_iteration(vm, start));
        }
        let mut is_float = false;
        if idx + 1 < t.len() && t.at(idx) == '.' as u32 && digit(idx + 1) {
            is_float = true;
            idx += 2;
            while digit(idx) {
                idx += 1;
            }
        }
        if idx + 1 < t.len() && (t.at(idx) == 'e' as u32 || t.at(idx) == 'E' as u32) {
            let e_start = idx;
            idx += 1;
            if idx + 1 < t.len() && (t.at(idx) == '-' as u32 || t.at(idx) == '+' as u32) {
                idx += 1;
            }
            while digit(idx) {
                idx += 1;
            }
            if (0x30..=0x39).contains(&t.at(idx - 1)) {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        let mut num = String::with_capacity(idx - start);
        t.push_range(&mut num, start, idx);
        let custom = if is_float { &self.cfg.parse_float } else { &self.cfg.parse_int };
        if let Some(f) = custom {
            let v = vm.call_value(f, vec![Value::str(&num)], vec![])?;
            return Ok((v, idx));
        }
        let v = if is_float {
            Value::Float(num.parse::<f64>().unwrap_or(f64::NAN))
        } else if let Ok(i) = num.parse::<i64>() {
            Value::Int(i)
        } else {
            let digits = num.trim_start_matches('-').len();
            crate::builtins::int_limit::check_parse(digits)?;
            match num_bigint::BigInt::parse_bytes(num.as_bytes(), 10) {
                Some(b) => Value::from_bigint(b),
                None => return Err(PyErr::value_error("invalid literal for int() with base 10")),
            }
        };
        Ok((v, idx))
    }

    fn parse_object(&mut self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        let t = self.text;
        let pairs_hook = !matches!(self.cfg.object_pairs_hook, Value::None);
        let mut pairs: Vec<Value> = Vec::new();
        let dict = DictObject::new();
        let mut idx = self.skip_ws(start);
        if idx >= t.len() || t.at(idx) != '}' as u32 {
            loop {
                if idx >= t.len() || t.at(idx) != '"' as u32 {
                    return Err(decode_error(
                        vm,
                        "Expecting property name enclosed in double quotes",
                        self.s,
                        idx,
                    ));
                }
                let (key, next) = scan_string(vm, self.s, t, idx + 1, self.cfg.strict)?;
                let key = match self.memo.get(&key) {
                    Some(k) => k.clone(),
                    None => {
                        let k = Value::str(&key);
                        self.memo.insert(key, k.clone());
                        k
                    }
                };
                idx = self.skip_ws(next);
                if idx >= t.len() || t.at(idx) != ':' as u32 {
                    return Err(decode_error(vm, "Expecting ':' delimiter", self.s, idx));
                }
                idx = self.skip_ws(idx + 1);
                let (val, next) = self.scan_once(vm, idx)?;
                if pairs_hook {
                    pairs.push(tuple(vec![key, val]));
                } else {
                    dict.set(key, val)?;
                }
                idx = self.skip_ws(next);
                if idx < t.len() && t.at(idx) == '}' as u32 {
                    break;
                }
                if idx >= t.len() || t.at(idx) != ',' as u32 {
                    return Err(decode_error(vm, "Expecting ',' delimiter", self.s, idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        let end = idx + 1;
        if pairs_hook {
            let list = vm.new_list(pairs);
            let hook = self.cfg.object_pairs_hook.clone();
            return Ok((vm.call_value(&hook, vec![list], vec![])?, end));
        }
        let d = vm.new_dict(dict);
        if !matches!(self.cfg.object_hook, Value::None) {
            let hook = self.cfg.object_hook.clone();
            return Ok((vm.call_value(&hook, vec![d], vec![])?, end));
        }
        Ok((d, end))
    }

    fn parse_array(&mut self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        let t = self.text;
        let mut items = Vec::new();
        let mut idx = self.skip_ws(start);
        if idx >= t.len() || t.at(idx) != ']' as u32 {
            loop {
                let (val, next) = self.scan_once(vm, idx)?;
                items.push(val);
                idx = self.skip_ws(next);
                if idx < t.len() && t.at(idx) == ']' as u32 {
                    break;
                }
                if idx >= t.len() || t.at(idx) != ',' as u32 {
                    return Err(decode_error(vm, "Expecting ',' delimiter", self.s, idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        Ok((vm.new_list(items), idx + 1))
    }
}

// ---- string encoding ----

fn push_u_escape(out: &mut String, unit: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((unit >> shift) & 0xf) as usize] as char);
    }
}

/// `"..."` with everything outside printable ASCII escaped.
fn escape_ascii(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            _ => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    push_u_escape(out, *u as u32);
                }
            }
        }
    }
    out.push('"');
}

/// `"..."` with only quotes, backslashes and control characters escaped.
fn escape_unicode(s: &str, out: &mut String) {
    out.push('"');
    let mut plain_from = 0;
    for (i, b) in s.bytes().enumerate() {
        if b == b'"' || b == b'\\' || b <= 0x1f {
            out.push_str(&s[plain_from..i]);
            plain_from = i + 1;
            match b {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                b'\t' => out.push_str("\\t"),
                8 => out.push_str("\\b"),
                12 => out.push_str("\\f"),
                _ => push_u_escape(out, b as u32),
            }
        }
    }
    out.push_str(&s[plain_from..]);
    out.push('"');
}

/// The text of a str or str-subclass value.
fn str_text(v: &Value) -> Option<&str> {
    match v {
        Value::Str(s) => Some(s.as_str()),
        other => match base_value(other) {
            Some(Value::Str(s)) => Some(s.as_str()),
            _ => None,
        },
    }
}

fn encode_basestring_ascii(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("encode_basestring_ascii", kwargs)?;
    crate::builtins::arity("encode_basestring_ascii", args, 1, 1)?;
    let s = str_text(&args[0]).ok_or_else(|| first_arg_error(&args[0]))?;
    let mut out = String::with_capacity(s.len() + 2);
    escape_ascii(s, &mut out);
    Ok(Value::str(&out))
}

fn encode_basestring(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("encode_basestring", kwargs)?;
    crate::builtins::arity("encode_basestring", args, 1, 1)?;
    let s = str_text(&args[0]).ok_or_else(|| first_arg_error(&args[0]))?;
    let mut out = String::with_capacity(s.len() + 2);
    escape_unicode(s, &mut out);
    Ok(Value::str(&out))
}

// ---- the encoder ----

#[derive(Clone, Copy, PartialEq)]
enum FastEncode {
    Ascii,
    Unicode,
    No,
}

struct Encoder {
    check_circular: bool,
    default: Value,
    encoder: Value,
    fast: FastEncode,
    key_separator: String,
    item_separator: String,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
}

impl Slots for Encoder {
    fn slots(&mut self, f: &mut dyn FnMut(&mut Value)) {
        f(&mut self.default);
        f(&mut self.encoder);
    }
}

fn encoder_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    let names = [
        "markers",
        "default",
        "encoder",
        "indent",
        "key_separator",
        "item_separator",
        "sort_keys",
        "skipkeys",
        "allow_nan",
    ];
    let a = crate::builtins::clinic("make_encoder", &args[1..], kwargs, names, 9, 9)?;
    let a: Vec<Value> = a.into_iter().map(|v| v.unwrap_or(Value::None)).collect();
    let check_circular = match &a[0] {
        Value::None => false,
        Value::Dict(_) => true,
        other => {
            return Err(PyErr::type_error(format!(
                "make_encoder() argument 1 must be dict or None, not {}",
                super::native_class::type_name_of(other)
            )))
        }
    };
    let sep = |i: usize| -> PyResult<String> {
        str_text(&a[i]).map(str::to_string).ok_or_else(|| {
            PyErr::type_error(format!(
                "make_encoder() argument {} must be str, not {}",
                i + 1,
                super::native_class::type_name_of(&a[i])
            ))
        })
    };
    let key_separator = sep(4)?;
    let item_separator = sep(5)?;
    let fast = match &a[2] {
        // Only this module makes built-in functions with these names.
        Value::Builtin(b) if b.name == "encode_basestring_ascii" => FastEncode::Ascii,
        Value::Builtin(b) if b.name == "encode_basestring" => FastEncode::Unicode,
        _ => FastEncode::No,
    };
    let st = Encoder {
        check_circular,
        default: a[1].clone(),
        encoder: a[2].clone(),
        fast,
        key_separator,
        item_separator,
        sort_keys: vm.truthy(&a[6])?,
        skipkeys: vm.truthy(&a[7])?,
        allow_nan: vm.truthy(&a[8])?,
    };
    Ok(new_instance(vm, &cls, st))
}

fn encoder_call(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = state::<Encoder>(args, "_json.Encoder", "__call__")?;
    let [obj, level] =
        crate::builtins::clinic("_iterencode", &args[1..], kwargs, ["obj", "_current_indent_level"], 2, 2)?;
    crate::objects::args::ssize_arg(vm, level.as_ref().unwrap_or(&Value::None))?;
    let cfg = {
        let s = st.borrow();
        Encoder {
            check_circular: s.check_circular,
            default: s.default.clone(),
            encoder: s.encoder.clone(),
            fast: s.fast,
            key_separator: s.key_separator.clone(),
            item_separator: s.item_separator.clone(),
            sort_keys: s.sort_keys,
            skipkeys: s.skipkeys,
            allow_nan: s.allow_nan,
        }
    };
    let mut w = Writer { cfg: &cfg, out: String::new(), markers: HashSet::new(), depth: 0 };
    w.encode(vm, obj.as_ref().unwrap_or(&Value::None))?;
    Ok(vm.new_list(vec![Value::str(&w.out)]))
}

struct Writer<'a> {
    cfg: &'a Encoder,
    out: String,
    /// Addresses of the containers being encoded (circular-reference check).
    markers: HashSet<usize>,
    depth: usize,
}

/// The address that identifies a container for the circular-reference check.
fn identity(v: &Value) -> usize {
    match v {
        Value::List(l) => Rc::as_ptr(l) as *const () as usize,
        Value::Tuple(t) => Rc::as_ptr(t) as *const () as usize,
        Value::Dict(d) => Rc::as_ptr(d) as *const () as usize,
        Value::Instance(i) => Rc::as_ptr(i) as *const () as usize,
        other => other as *const Value as usize,
    }
}

impl Writer<'_> {
    fn enter(&mut self, vm: &Vm) -> PyResult<()> {
        self.depth += 1;
        if too_deep(vm, self.depth) {
            self.depth -= 1;
            return Err(recursion_error("while encoding a JSON object"));
        }
        Ok(())
    }

    fn mark(&mut self, v: &Value) -> PyResult<Option<usize>> {
        if !self.cfg.check_circular {
            return Ok(None);
        }
        let id = identity(v);
        if !self.markers.insert(id) {
            return Err(PyErr::value_error("Circular reference detected"));
        }
        Ok(Some(id))
    }

    fn unmark(&mut self, id: Option<usize>) {
        if let Some(id) = id {
            self.markers.remove(&id);
        }
    }

    fn float(&mut self, f: f64) -> PyResult<()> {
        if !f.is_finite() {
            if !self.cfg.allow_nan {
                return Err(PyErr::value_error("Out of range float values are not JSON compliant"));
            }
            self.out.push_str(if f > 0.0 {
                "Infinity"
            } else if f < 0.0 {
                "-Infinity"
            } else {
                "NaN"
            });
            return Ok(());
        }
        self.out.push_str(&kaa_syntax::repr::float_repr(f));
        Ok(())
    }

    fn int(&mut self, v: &Value) -> PyResult<()> {
        match v {
            Value::Int(i) => {
                use std::fmt::Write;
                let _ = write!(self.out, "{i}");
            }
            Value::BigInt(b) => self.out.push_str(&crate::builtins::int_limit::to_decimal(b)?),
            _ => {}
        }
        Ok(())
    }

    fn string(&mut self, vm: &mut Vm, s: &str, original: &Value) -> PyResult<()> {
        match self.cfg.fast {
            FastEncode::Ascii => escape_ascii(s, &mut self.out),
            FastEncode::Unicode => escape_unicode(s, &mut self.out),
            FastEncode::No => {
                let encoder = self.cfg.encoder.clone();
                let r = vm.call_value(&encoder, vec![original.clone()], vec![])?;
                match str_text(&r) {
                    Some(t) => self.out.push_str(t),
                    None => {
                        return Err(PyErr::type_error(format!(
                            "encoder() must return a string, not {}",
                            super::native_class::type_name_of(&r)
                        )))
                    }
                }
            }
        }
        Ok(())
    }

    fn encode(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        let plain = base_value(obj).unwrap_or(obj);
        match plain {
            Value::None => self.out.push_str("null"),
            Value::Bool(true) => self.out.push_str("true"),
            Value::Bool(false) => self.out.push_str("false"),
            Value::Str(s) => self.string(vm, s.as_str(), obj)?,
            Value::Int(_) | Value::BigInt(_) => self.int(plain)?,
            Value::Float(f) => self.float(*f)?,
            Value::List(_) | Value::Tuple(_) => {
                self.enter(vm)?;
                let r = self.list(vm, obj, plain);
                self.depth -= 1;
                r?
            }
            Value::Dict(d) => {
                self.enter(vm)?;
                let r = self.dict(vm, obj, d);
                self.depth -= 1;
                r?
            }
            _ => {
                let id = self.mark(obj)?;
                let default = self.cfg.default.clone();
                let new = vm.call_value(&default, vec![obj.clone()], vec![])?;
                self.enter(vm)?;
                let r = self.encode(vm, &new);
                self.depth -= 1;
                r?;
                self.unmark(id);
            }
        }
        Ok(())
    }

    fn list(&mut self, vm: &mut Vm, obj: &Value, plain: &Value) -> PyResult<()> {
        let items: Vec<Value> = match plain {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            _ => Vec::new(),
        };
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        let id = self.mark(obj)?;
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(&self.cfg.item_separator);
            }
            self.encode(vm, item)?;
        }
        self.out.push(']');
        self.unmark(id);
        Ok(())
    }

    fn dict(&mut self, vm: &mut Vm, obj: &Value, d: &Rc<DictObject>) -> PyResult<()> {
        if d.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        let id = self.mark(obj)?;
        self.out.push('{');
        let exact = matches!(obj, Value::Dict(_));
        let items: Vec<(Value, Value)> = if self.cfg.sort_keys || !exact {
            let items_fn = vm.get_attr(obj, "items")?;
            let view = vm.call_value(&items_fn, vec![], vec![])?;
            let list = vm.collect_iterable(&view)?;
            let list_value = vm.new_list(list);
            if self.cfg.sort_keys {
                if let Value::List(l) = &list_value {
                    crate::objects::list::sort(vm, l, &[])?;
                }
            }
            let list = match &list_value {
                Value::List(l) => l.borrow().clone(),
                _ => Vec::new(),
            };
            let mut pairs = Vec::with_capacity(list.len());
            for item in list {
                match &item {
                    Value::Tuple(t) if t.len() == 2 => pairs.push((t[0].clone(), t[1].clone())),
                    _ => return Err(PyErr::value_error("items must return 2-tuples")),
                }
            }
            pairs
        } else {
            d.items()
        };
        let mut first = true;
        for (key, value) in &items {
            let key_plain = base_value(key).unwrap_or(key);
            let mut text = String::new();
            let key_str: Option<&str> = match key_plain {
                Value::Str(s) => Some(s.as_str()),
                Value::Float(f) => {
                    let saved = std::mem::take(&mut self.out);
                    let r = self.float(*f);
                    text = std::mem::replace(&mut self.out, saved);
                    r?;
                    None
                }
                Value::Bool(b) => {
                    text.push_str(if *b { "true" } else { "false" });
                    None
                }
                Value::None => {
                    text.push_str("null");
                    None
                }
                Value::Int(_) | Value::BigInt(_) => {
                    let saved = std::mem::take(&mut self.out);
                    let r = self.int(key_plain);
                    text = std::mem::replace(&mut self.out, saved);
                    r?;
                    None
                }
                _ if self.cfg.skipkeys => continue,
                _ => {
                    return Err(PyErr::type_error(format!(
                        "keys must be str, int, float, bool or None, not {}",
                        super::native_class::type_name_of(key)
                    )))
                }
            };
            if !first {
                self.out.push_str(&self.cfg.item_separator);
            }
            first = false;
            match key_str {
                Some(s) => self.string(vm, s, key)?,
                None => {
                    let k = Value::str(&text);
                    self.string(vm, &text, &k)?
                }
            }
            self.out.push_str(&self.cfg.key_separator);
            self.encode(vm, value)?;
        }
        self.out.push('}');
        self.unmark(id);
        Ok(())
    }
}
