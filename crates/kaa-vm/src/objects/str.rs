//! `str`: the object, `repr`, and the methods of Python 3.11's `str` with CPython's results and
//! error messages. Indices are code points; the text is UTF-8, so ASCII strings take fast paths.

use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::{
    adjust_indices, cint_arg, descriptor_error, err_is, get_item, keywords, noargs, one_arg, parse_tuple,
    positional, slice_index, ssize_arg,
};
use crate::objects::dict::DictObject;
use crate::objects::function::NativeFn;
use crate::objects::str_format::{self, Source};
use crate::objects::str_unicode as uni;
use crate::value::Value;
use kaa_syntax::PyStr;
use std::cell::RefCell;
use std::rc::Rc;

/// `repr(s)`.
pub fn repr(s: &str) -> String {
    kaa_syntax::repr::str_repr(&PyStr::from(s))
}

/// Keyword-argument names and other interned-ish strings the VM passes around.
pub type Name = std::rc::Rc<StrObject>;

/// A `str` object: the text plus facts computed once, so `len()` and indexing of ASCII text are
/// O(1) and hashing is done at most once.
pub struct StrObject {
    text: Box<str>,
    /// Number of code points.
    char_len: usize,
    /// The cached hash; -1 (never a Python hash) until computed. A plain i64 rather than an
    /// Option keeps a short string's object at 48 bytes with its Rc header.
    hash: std::cell::Cell<i64>,
}

impl StrObject {
    pub fn new(text: &str) -> StrObject {
        let char_len = if text.is_ascii() { text.len() } else { text.chars().count() };
        StrObject { text: text.into(), char_len, hash: std::cell::Cell::new(-1) }
    }

    /// Takes ownership of a built string (no copy when it has no spare capacity).
    pub fn from_string(text: String) -> StrObject {
        let char_len = if text.is_ascii() { text.len() } else { text.chars().count() };
        StrObject { text: text.into_boxed_str(), char_len, hash: std::cell::Cell::new(-1) }
    }

    /// `a + b`, knowing both lengths (no rescan of the text).
    pub fn concat(a: &StrObject, b: &StrObject) -> StrObject {
        let mut text = String::with_capacity(a.text.len() + b.text.len());
        text.push_str(&a.text);
        text.push_str(&b.text);
        StrObject {
            text: text.into_boxed_str(),
            char_len: a.char_len + b.char_len,
            hash: std::cell::Cell::new(-1),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn is_ascii(&self) -> bool {
        self.char_len == self.text.len()
    }

    /// `len(s)`: code points, not bytes.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// The code point at index `i` (0-based, in range).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.text.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.text.chars().nth(i)
        }
    }

    /// The byte offset of code point `i` (`i <= char_len()`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.text.char_indices().nth(i).map_or(self.text.len(), |(b, _)| b)
        }
    }

    /// The cached hash, computing it with `f` the first time.
    pub fn hash_with(&self, f: impl FnOnce(&str) -> i64) -> i64 {
        let cached = self.hash.get();
        if cached != -1 {
            return cached;
        }
        let h = f(&self.text);
        self.hash.set(h);
        h
    }
}

impl std::ops::Deref for StrObject {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl PartialEq for StrObject {
    fn eq(&self, other: &StrObject) -> bool {
        self.text == other.text
    }
}

impl std::fmt::Display for StrObject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// The methods of `str`, sorted by name (`builtins::method` binary-searches them); each receives
/// the string as `args[0]`.
pub static METHODS: &[(&str, NativeFn)] = &[
    ("capitalize", str_capitalize),
    ("casefold", str_casefold),
    ("center", str_center),
    ("count", str_count),
    ("encode", crate::objects::codecs::str_encode),
    ("endswith", str_endswith),
    ("expandtabs", str_expandtabs),
    ("find", str_find),
    ("format", str_format),
    ("format_map", str_format_map),
    ("index", str_index),
    ("isalnum", str_isalnum),
    ("isalpha", str_isalpha),
    ("isascii", str_isascii),
    ("isdecimal", str_isdecimal),
    ("isdigit", str_isdigit),
    ("isidentifier", str_isidentifier),
    ("islower", str_islower),
    ("isnumeric", str_isnumeric),
    ("isprintable", str_isprintable),
    ("isspace", str_isspace),
    ("istitle", str_istitle),
    ("isupper", str_isupper),
    ("join", str_join),
    ("ljust", str_ljust),
    ("lower", str_lower),
    ("lstrip", str_lstrip),
    ("maketrans", str_maketrans),
    ("partition", str_partition),
    ("removeprefix", str_removeprefix),
    ("removesuffix", str_removesuffix),
    ("replace", str_replace),
    ("rfind", str_rfind),
    ("rindex", str_rindex),
    ("rjust", str_rjust),
    ("rpartition", str_rpartition),
    ("rsplit", str_rsplit),
    ("rstrip", str_rstrip),
    ("split", str_split),
    ("splitlines", str_splitlines),
    ("startswith", str_startswith),
    ("strip", str_strip),
    ("swapcase", str_swapcase),
    ("title", str_title),
    ("translate", str_translate),
    ("upper", str_upper),
    ("zfill", str_zfill),
];

/// The entries of `METHODS` that are static methods: `str.maketrans` binds to the class, and
/// the function ignores `args[0]`.
pub static CLASS_METHODS: &[&str] = &["maketrans"];

#[inline]
fn this<'a>(args: &'a [Value], name: &str) -> PyResult<&'a Rc<StrObject>> {
    match args.first() {
        Some(Value::Str(s)) => Ok(s),
        other => match other.and_then(crate::objects::builtin_subclass::base_value) {
            Some(Value::Str(s)) => Ok(s),
            _ => Err(descriptor_error("str", name, args)),
        },
    }
}

#[cold]
fn must_be_str(v: &Value) -> PyErr {
    PyErr::type_error(format!("must be str, not {}", v.type_name()))
}

/// A string of `n` bytes' capacity, or MemoryError rather than an abort.
fn with_capacity(n: usize) -> PyResult<String> {
    let mut s = String::new();
    s.try_reserve_exact(n).map_err(|_| PyErr::new(ExcKind::MemoryError, ""))?;
    Ok(s)
}

fn new_str(s: String) -> Value {
    Value::Str(Rc::new(StrObject::from_string(s)))
}

fn list_of(items: Vec<Value>) -> Value {
    Value::List(Rc::new(RefCell::new(items)))
}

// ---- case ----

fn str_lower(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = this(args, "lower")?;
    noargs("str", "lower", args, kwargs)?;
    if s.is_ascii() {
        return Ok(new_str(s.to_ascii_lowercase()));
    }
    let mut out = String::with_capacity(s.len());
    if s.contains('\u{3A3}') {
        let chars: Vec<char> = s.chars().collect();
        for i in 0..chars.len() {
            uni::push_lower_at(&mut out, &chars, i);
        }
    } else {
        for c in s.chars() {
            uni::push_lower(&mut out, c);
        }
    }
    Ok(new_str(out))
}

/// A per-character case mapping: the ASCII fast path, else the full Unicode mapping (which may
/// turn one character into several).
fn map_case(s: &str, ascii: fn(&str) -> String, push: fn(&mut String, char)) -> String {
    if s.is_ascii() {
        return ascii(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push(&mut out, c);
    }
    out
}

fn str_upper(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = this(args, "upper")?;
    noargs("str", "upper", args, kwargs)?;
    Ok(new_str(map_case(s, str::to_ascii_uppercase, uni::push_upper)))
}

fn str_casefold(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = this(args, "casefold")?;
    noargs("str", "casefold", args, kwargs)?;
    Ok(new_str(map_case(s, str::to_ascii_lowercase, uni::push_fold)))
}

fn str_swapcase(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = this(args, "swapcase")?;
    noargs("str", "swapcase", args, kwargs)?;
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if uni::is_upper(c) {
            uni::push_lower_at(&mut out, &chars, i);
        } else if uni::is_lower(c) {
            uni::push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Ok(new_str(out))
}

/// Title case for the first character (since 3.8), lowercase for the rest.
fn str_capitalize(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = this(args, "capitalize")?;
    noargs("str", "capitalize", args, kwargs)?;
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            uni::push_title(&mut out, c);
        } else {
            uni::push_lower_at(&mut out, &chars, i);
        }
    }
    Ok(new_str(out))
}

/// Words are runs of cased characters: each starts in title case, the rest is lowercase.
fn str_title(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = this(args, "title")?;
    noargs("str", "title", args, kwargs)?;
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_cased {
            uni::push_lower_at(&mut out, &chars, i);
        } else {
            uni::push_title(&mut out, c);
        }
        previous_cased = uni::is_cased(c);
    }
    Ok(new_str(out))
}

// ---- classification ----

/// Non-empty and every character satisfies `pred`.
fn all_chars(
    args: &[Value],
    kwargs: &Kwargs,
    name: &str,
    ascii: fn(u8) -> bool,
    pred: fn(char) -> bool,
) -> PyResult<Value> {
    let s = this(args, name)?;
    noargs("str", name, args, kwargs)?;
    Ok(Value::Bool(!s.is_empty() && if s.is_ascii() { s.bytes().all(ascii) } else { s.chars().all(pred) }))
}

fn str_isalnum(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    all_chars(args, kwargs, "isalnum", |b| b.is_ascii_alphanumeric(), uni::is_alnum)
}

fn str_isalpha(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    all_chars(args, kwargs, "isalpha", |b| b.is_ascii_alphabetic(), uni::is_alpha)
}

fn str_isdecimal(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    all_chars(args, kwargs, "isdecimal", |b| b.is_ascii_digit(), uni::is_decimal)
}

fn str_isdigit(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    all_chars(args, kwargs, "isdigit", |b| b.is_ascii_digit(), uni::is_digit)
}

fn str_isnumeric(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    all_chars(args, kwargs, "isnumeric", |b| b.is_ascii_digit(), uni::is_numeric)
}

fn str_isspace(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    all_chars(args, kwargs, "isspace", |b| uni::is_space(b as char), uni::is_space)
}

fn str_isascii(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = this(args, "isascii")?;
    noargs("str", "isascii", args, kwargs)?;
    Ok(Value::Bool(s.is_ascii()))
}

fn str_isprintable(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = this(args, "isprintable")?;
    noargs("str", "isprintable", args, kwargs)?;
    Ok(Value::Bool(s.chars().all(|c| kaa_syntax::unicode::is_printable(c as u32))))
}

fn str_isidentifier(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = this(args, "isidentifier")?;
    noargs("str", "isidentifier", args, kwargs)?;
    let mut chars = s.chars();
    Ok(Value::Bool(match chars.next() {
        Some(first) => {
            kaa_syntax::unicode::is_id_start(first as u32)
                && chars.all(|c| kaa_syntax::unicode::is_id_continue(c as u32))
        }
        None => false,
    }))
}

/// Upper- or titlecase characters make it false; it needs at least one lowercase one.
fn str_islower(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = this(args, "islower")?;
    noargs("str", "islower", args, kwargs)?;
    let mut cased = false;
    for c in s.chars() {
        if uni::is_upper(c) || uni::is_title(c) {
            return Ok(Value::Bool(false));
        }
        cased |= uni::is_lower(c);
    }
    Ok(Value::Bool(cased))
}

fn str_isupper(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = this(args, "isupper")?;
    noargs("str", "isupper", args, kwargs)?;
    let mut cased = false;
    for c in s.chars() {
        if uni::is_lower(c) || uni::is_title(c) {
            return Ok(Value::Bool(false));
        }
        cased |= uni::is_upper(c);
    }
    Ok(Value::Bool(cased))
}

/// Upper/titlecase characters only at word starts, lowercase ones only after a cased one.
fn str_istitle(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = this(args, "istitle")?;
    noargs("str", "istitle", args, kwargs)?;
    let (mut cased, mut previous_cased) = (false, false);
    for c in s.chars() {
        if uni::is_upper(c) || uni::is_title(c) {
            if previous_cased {
                return Ok(Value::Bool(false));
            }
            previous_cased = true;
            cased = true;
        } else if uni::is_lower(c) {
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

// ---- searching ----

/// The `(sub[, start[, end]])` arguments of find, count, index and their r-variants: the
/// substring and the adjusted code-point range.
fn find_args<'a>(
    vm: &mut Vm,
    name: &str,
    args: &'a [Value],
    kwargs: &Kwargs,
) -> PyResult<(&'a Rc<StrObject>, &'a Rc<StrObject>, i64, i64)> {
    let s = this(args, name)?;
    let rest = parse_tuple("str", name, args, kwargs, 1, 3)?;
    let start = match rest.get(1) {
        Some(v) => slice_index(vm, v, true)?,
        None => None,
    };
    let end = match rest.get(2) {
        Some(v) => slice_index(vm, v, true)?,
        None => None,
    };
    let Value::Str(sub) = &rest[0] else { return Err(must_be_str(&rest[0])) };
    let (start, end) = adjust_indices(start, end, s.char_len());
    Ok((s, sub, start, end))
}

/// The text of code points `start..end` (`0 <= start <= end <= len`).
fn region(s: &StrObject, start: i64, end: i64) -> &str {
    &s[s.byte_offset(start as usize)..s.byte_offset(end as usize)]
}

/// `s.find(sub, start, end)` (or `rfind`) as a code-point index, -1 when absent.
fn find_in(s: &StrObject, sub: &StrObject, start: i64, end: i64, reverse: bool) -> i64 {
    if end - start < sub.char_len() as i64 {
        return -1;
    }
    let hay = region(s, start, end);
    let found = if reverse { hay.rfind(sub.as_str()) } else { hay.find(sub.as_str()) };
    match found {
        Some(p) if s.is_ascii() => start + p as i64,
        Some(p) => start + hay[..p].chars().count() as i64,
        None => -1,
    }
}

fn str_find(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (s, sub, start, end) = find_args(vm, "find", args, kwargs)?;
    Ok(Value::Int(find_in(s, sub, start, end, false)))
}

fn str_rfind(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (s, sub, start, end) = find_args(vm, "rfind", args, kwargs)?;
    Ok(Value::Int(find_in(s, sub, start, end, true)))
}

fn str_index(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (s, sub, start, end) = find_args(vm, "index", args, kwargs)?;
    match find_in(s, sub, start, end, false) {
        -1 => Err(PyErr::value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn str_rindex(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (s, sub, start, end) = find_args(vm, "rindex", args, kwargs)?;
    match find_in(s, sub, start, end, true) {
        -1 => Err(PyErr::value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn str_count(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (s, sub, start, end) = find_args(vm, "count", args, kwargs)?;
    if end - start < sub.char_len() as i64 {
        return Ok(Value::Int(0));
    }
    if sub.is_empty() {
        return Ok(Value::Int(end - start + 1));
    }
    Ok(Value::Int(region(s, start, end).matches(sub.as_str()).count() as i64))
}

/// Does `sub` occur at the start (or end) of code points `start..end` of `s`?
fn tailmatch(s: &StrObject, sub: &StrObject, start: i64, end: i64, at_end: bool) -> bool {
    let last = end - sub.char_len() as i64;
    if last < start {
        return false;
    }
    if sub.is_empty() {
        return true;
    }
    let at = s.byte_offset(if at_end { last } else { start } as usize);
    s[at..].starts_with(sub.as_str())
}

fn starts_ends(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str, at_end: bool) -> PyResult<Value> {
    let s = this(args, name)?;
    let rest = parse_tuple("str", name, args, kwargs, 1, 3)?;
    let start = match rest.get(1) {
        Some(v) => slice_index(vm, v, true)?,
        None => None,
    };
    let end = match rest.get(2) {
        Some(v) => slice_index(vm, v, true)?,
        None => None,
    };
    let (start, end) = adjust_indices(start, end, s.char_len());
    match &rest[0] {
        Value::Str(sub) => Ok(Value::Bool(tailmatch(s, sub, start, end, at_end))),
        Value::Tuple(subs) => {
            for sub in subs.iter() {
                let Value::Str(sub) = sub else {
                    return Err(PyErr::type_error(format!(
                        "tuple for {name} must only contain str, not {}",
                        sub.type_name()
                    )));
                };
                if tailmatch(s, sub, start, end, at_end) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(PyErr::type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            other.type_name()
        ))),
    }
}

fn str_startswith(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    starts_ends(vm, args, kwargs, "startswith", false)
}

fn str_endswith(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    starts_ends(vm, args, kwargs, "endswith", true)
}

fn partition(args: &[Value], kwargs: &Kwargs, name: &str, reverse: bool) -> PyResult<Value> {
    let s = this(args, name)?;
    let sep = match one_arg("str", name, args, kwargs)? {
        Value::Str(sep) => sep,
        other => return Err(must_be_str(other)),
    };
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let found = if reverse { s.rfind(sep.as_str()) } else { s.find(sep.as_str()) };
    let empty = || Value::str("");
    let parts = match found {
        Some(p) => vec![Value::str(&s[..p]), Value::Str(sep.clone()), Value::str(&s[p + sep.len()..])],
        None if reverse => vec![empty(), empty(), args[0].clone()],
        None => vec![args[0].clone(), empty(), empty()],
    };
    Ok(Value::Tuple(Rc::new(parts)))
}

fn str_partition(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    partition(args, kwargs, "partition", false)
}

fn str_rpartition(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    partition(args, kwargs, "rpartition", true)
}

// ---- padding and stripping ----

#[derive(Clone, Copy)]
enum Justify {
    Left,
    Right,
    Center,
}

fn justify(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str, how: Justify) -> PyResult<Value> {
    let s = this(args, name)?;
    let rest = positional("str", name, args, kwargs, 1, 2)?;
    let width = ssize_arg(vm, &rest[0])?;
    let fill = match rest.get(1) {
        None => ' ',
        Some(Value::Str(f)) if f.char_len() == 1 => f.chars().next().unwrap_or(' '),
        Some(Value::Str(_)) => {
            return Err(PyErr::type_error("The fill character must be exactly one character long"))
        }
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "The fill character must be a unicode character, not {}",
                other.type_name()
            )))
        }
    };
    let len = s.char_len() as i64;
    if len >= width {
        return Ok(args[0].clone());
    }
    let marg = width - len;
    let left = match how {
        Justify::Left => 0,
        Justify::Right => marg,
        // CPython's rounding: the odd extra goes left only when the width is odd too.
        Justify::Center => marg / 2 + (marg & width & 1),
    };
    let right = marg - left;
    let mut out = with_capacity((marg as usize).saturating_mul(fill.len_utf8()).saturating_add(s.len()))?;
    out.extend(std::iter::repeat_n(fill, left as usize));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right as usize));
    Ok(new_str(out))
}

fn str_center(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    justify(vm, args, kwargs, "center", Justify::Center)
}

fn str_ljust(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    justify(vm, args, kwargs, "ljust", Justify::Left)
}

fn str_rjust(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    justify(vm, args, kwargs, "rjust", Justify::Right)
}

/// Zero-pads on the left, keeping a leading sign in front.
fn str_zfill(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = this(args, "zfill")?;
    let width = ssize_arg(vm, one_arg("str", "zfill", args, kwargs)?)?;
    let len = s.char_len() as i64;
    if len >= width {
        return Ok(args[0].clone());
    }
    let mut out = with_capacity((width - len) as usize + s.len())?;
    let body = match s.as_bytes().first() {
        Some(&sign @ (b'+' | b'-')) => {
            out.push(sign as char);
            &s[1..]
        }
        _ => s.as_str(),
    };
    out.extend(std::iter::repeat_n('0', (width - len) as usize));
    out.push_str(body);
    Ok(new_str(out))
}

fn strip(args: &[Value], kwargs: &Kwargs, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let s = this(args, name)?;
    let rest = positional("str", name, args, kwargs, 0, 1)?;
    let text = s.as_str();
    let out = match rest.first() {
        None | Some(Value::None) => {
            let t = if left { text.trim_start_matches(uni::is_space) } else { text };
            if right {
                t.trim_end_matches(uni::is_space)
            } else {
                t
            }
        }
        Some(Value::Str(chars)) => {
            let set = |c: char| chars.contains(c);
            let t = if left { text.trim_start_matches(set) } else { text };
            if right {
                t.trim_end_matches(set)
            } else {
                t
            }
        }
        Some(_) => return Err(PyErr::type_error(format!("{name} arg must be None or str"))),
    };
    Ok(if out.len() == text.len() { args[0].clone() } else { Value::str(out) })
}

fn str_strip(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    strip(args, kwargs, "strip", true, true)
}

fn str_lstrip(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    strip(args, kwargs, "lstrip", true, false)
}

fn str_rstrip(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    strip(args, kwargs, "rstrip", false, true)
}

fn remove_affix(args: &[Value], kwargs: &Kwargs, name: &str, suffix: bool) -> PyResult<Value> {
    let s = this(args, name)?;
    let affix = match one_arg("str", name, args, kwargs)? {
        Value::Str(a) => a,
        other => {
            return Err(PyErr::type_error(format!(
                "{name}() argument must be str, not {}",
                other.type_name()
            )))
        }
    };
    let out = if suffix { s.strip_suffix(affix.as_str()) } else { s.strip_prefix(affix.as_str()) };
    Ok(match out {
        Some(rest) if !affix.is_empty() => Value::str(rest),
        _ => args[0].clone(),
    })
}

fn str_removeprefix(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    remove_affix(args, kwargs, "removeprefix", false)
}

fn str_removesuffix(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    remove_affix(args, kwargs, "removesuffix", true)
}

fn str_expandtabs(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = this(args, "expandtabs")?;
    let [tabsize] = keywords("expandtabs", &args[1..], kwargs, ["tabsize"], 1)?;
    let tabsize = match tabsize {
        Some(v) => cint_arg(vm, &v)?,
        None => 8,
    };
    if !s.contains('\t') {
        return Ok(args[0].clone());
    }
    let mut out = String::with_capacity(s.len());
    let mut column: i64 = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let n = tabsize - column % tabsize;
                column += n;
                out.extend(std::iter::repeat_n(' ', n as usize));
            }
        } else {
            out.push(c);
            column += 1;
            if c == '\n' || c == '\r' {
                column = 0;
            }
        }
    }
    Ok(new_str(out))
}

// ---- splitting and joining ----

/// Split on runs of whitespace, at most `max` times, from the left.
fn split_whitespace(s: &str, max: usize) -> Vec<Value> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    loop {
        while it.next_if(|&(_, c)| uni::is_space(c)).is_some() {}
        let Some(&(start, _)) = it.peek() else { break };
        if out.len() == max {
            out.push(Value::str(&s[start..]));
            break;
        }
        while it.next_if(|&(_, c)| !uni::is_space(c)).is_some() {}
        let end = it.peek().map_or(s.len(), |&(i, _)| i);
        out.push(Value::str(&s[start..end]));
    }
    out
}

/// Split on runs of whitespace, at most `max` times, from the right.
fn rsplit_whitespace(s: &str, max: usize) -> Vec<Value> {
    let mut out = Vec::new();
    let mut it = s.char_indices().rev().peekable();
    loop {
        while it.next_if(|&(_, c)| uni::is_space(c)).is_some() {}
        let Some(&(i, c)) = it.peek() else { break };
        let end = i + c.len_utf8();
        if out.len() == max {
            out.push(Value::str(&s[..end]));
            break;
        }
        while it.next_if(|&(_, c)| !uni::is_space(c)).is_some() {}
        let start = it.peek().map_or(0, |&(i, c)| i + c.len_utf8());
        out.push(Value::str(&s[start..end]));
    }
    out.reverse();
    out
}

fn split(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str, reverse: bool) -> PyResult<Value> {
    let s = this(args, name)?;
    let [sep, maxsplit] = keywords(name, &args[1..], kwargs, ["sep", "maxsplit"], 2)?;
    let maxsplit = match maxsplit {
        Some(v) => ssize_arg(vm, &v)?,
        None => -1,
    };
    let max = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let parts = match sep {
        None | Some(Value::None) if reverse => rsplit_whitespace(s, max),
        None | Some(Value::None) => split_whitespace(s, max),
        Some(Value::Str(sep)) => {
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            let sep = sep.as_str();
            match (reverse, max) {
                (false, usize::MAX) => s.split(sep).map(Value::str).collect(),
                (false, n) => s.splitn(n + 1, sep).map(Value::str).collect(),
                (true, n) => {
                    let mut v: Vec<Value> = s.rsplitn(n.saturating_add(1), sep).map(Value::str).collect();
                    v.reverse();
                    v
                }
            }
        }
        Some(other) => {
            return Err(PyErr::type_error(format!("must be str or None, not {}", other.type_name())))
        }
    };
    Ok(list_of(parts))
}

fn str_split(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    split(vm, args, kwargs, "split", false)
}

fn str_rsplit(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    split(vm, args, kwargs, "rsplit", true)
}

/// Lines end at `\n`, `\r`, `\r\n`, `\v`, `\f`, `\x1c`-`\x1e`, `\x85`, U+2028 and U+2029.
fn str_splitlines(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = this(args, "splitlines")?;
    let [keepends] = keywords("splitlines", &args[1..], kwargs, ["keepends"], 1)?;
    let keepends = match keepends {
        Some(v) => cint_arg(vm, &v)? != 0,
        None => false,
    };
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    let mut start = 0;
    while it.peek().is_some() {
        let mut eol = s.len();
        let mut next = s.len();
        for (i, c) in it.by_ref() {
            if uni::is_linebreak(c) {
                eol = i;
                next = i + c.len_utf8();
                if c == '\r' && it.next_if(|&(_, c)| c == '\n').is_some() {
                    next += 1;
                }
                break;
            }
        }
        out.push(Value::str(&s[start..if keepends { next } else { eol }]));
        start = next;
    }
    Ok(list_of(out))
}

fn str_join(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let sep = this(args, "join")?;
    let iterable = one_arg("str", "join", args, kwargs)?;
    let items = match iterable {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        other => {
            let it = match vm.get_iter(other) {
                Ok(it) => it,
                Err(e) if err_is(vm, &e, ExcKind::TypeError) => {
                    return Err(PyErr::type_error("can only join an iterable"))
                }
                Err(e) => return Err(e),
            };
            let mut items = Vec::new();
            while let Some(x) = vm.next_of(&it)? {
                items.push(x);
            }
            items
        }
    };
    if let [only @ Value::Str(_)] = items.as_slice() {
        return Ok(only.clone());
    }
    let mut total = sep.len().saturating_mul(items.len().saturating_sub(1));
    let mut items = items;
    for (i, item) in items.iter_mut().enumerate() {
        if let Some(Value::Str(s)) = crate::objects::builtin_subclass::base_value(item) {
            // A str subclass joins as its text.
            *item = Value::Str(s.clone());
        }
        match item {
            Value::Str(s) => total = total.saturating_add(s.len()),
            other => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    other.type_name()
                )))
            }
        }
    }
    let mut out = with_capacity(total)?;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        if let Value::Str(s) = item {
            out.push_str(s);
        }
    }
    Ok(new_str(out))
}

// ---- replacing and translating ----

fn str_replace(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = this(args, "replace")?;
    let rest = positional("str", "replace", args, kwargs, 2, 3)?;
    let arg_str = |i: usize| match &rest[i] {
        Value::Str(x) => Ok(x),
        other => Err(PyErr::type_error(format!(
            "replace() argument {} must be str, not {}",
            i + 1,
            other.type_name()
        ))),
    };
    let (old, new) = (arg_str(0)?, arg_str(1)?);
    let count = match rest.get(2) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    if count == 0 || (!old.is_empty() && !s.contains(old.as_str())) {
        return Ok(args[0].clone());
    }
    // Bound the result's size before building it (replacing "" inserts at every position).
    let occurrences = if old.is_empty() { s.char_len() + 1 } else { s.matches(old.as_str()).count() };
    let n = if count < 0 { occurrences } else { occurrences.min(count as usize) };
    with_capacity(s.len().saturating_add(n.saturating_mul(new.len())))?;
    Ok(new_str(if count < 0 { s.replace(old.as_str(), new) } else { s.replacen(old.as_str(), new, n) }))
}

/// What a translation table says about one character.
enum Mapped {
    Keep,
    Delete,
    Char(char),
    Text(Rc<StrObject>),
}

/// `table[ord(c)]`, checked as `str.translate` checks it; a missing key keeps the character.
fn translate_lookup(vm: &mut Vm, table: &Value, c: char) -> PyResult<Mapped> {
    let key = Value::Int(c as i64);
    let found = match table {
        Value::Dict(d) => d.get(&key)?,
        _ => match get_item(vm, table, &key) {
            Ok(v) => Some(v),
            Err(e) if err_is(vm, &e, ExcKind::LookupError) => None,
            Err(e) => return Err(e),
        },
    };
    Ok(match found {
        None => Mapped::Keep,
        Some(Value::None) => Mapped::Delete,
        Some(Value::Str(s)) => Mapped::Text(s),
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => {
            let cp = match v {
                Value::Int(i) => i,
                Value::Bool(b) => b as i64,
                _ => -1,
            };
            if !(0..0x110000).contains(&cp) {
                return Err(PyErr::value_error("character mapping must be in range(0x110000)"));
            }
            // Lone surrogates cannot live in a Rust string.
            Mapped::Char(char::from_u32(cp as u32).unwrap_or('\u{FFFD}'))
        }
        Some(_) => return Err(PyErr::type_error("character mapping must return integer, None or str")),
    })
}

/// For ASCII text CPython looks each distinct character up once and caches the answer while
/// the answers stay single ASCII characters (or deletions); the first other answer ends the
/// caching, and that character is looked up again. Tables with side effects see the same calls.
fn str_translate(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = this(args, "translate")?;
    let table = one_arg("str", "translate", args, kwargs)?.clone();
    let mut out = String::with_capacity(s.len());
    let mut cache: [Option<Option<u8>>; 128] = [None; 128];
    let mut fast = s.is_ascii();
    for c in s.chars() {
        if fast {
            let slot = c as usize;
            if cache[slot].is_none() {
                cache[slot] = match translate_lookup(vm, &table, c)? {
                    Mapped::Keep => Some(Some(c as u8)),
                    Mapped::Delete => Some(None),
                    Mapped::Char(m) if m.is_ascii() => Some(Some(m as u8)),
                    Mapped::Text(t) if t.len() == 1 => Some(Some(t.as_bytes()[0])),
                    _ => None,
                };
            }
            match cache[slot] {
                Some(Some(b)) => {
                    out.push(b as char);
                    continue;
                }
                Some(None) => continue,
                None => fast = false,
            }
        }
        match translate_lookup(vm, &table, c)? {
            Mapped::Keep => out.push(c),
            Mapped::Delete => {}
            Mapped::Char(m) => out.push(m),
            Mapped::Text(t) => out.push_str(&t),
        }
    }
    Ok(new_str(out))
}

/// `str.maketrans(x[, y[, z]])`, a static method.
fn str_maketrans(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = positional("str", "maketrans", args, kwargs, 1, 3)?;
    let table = DictObject::new();
    if rest.len() == 1 {
        let Value::Dict(map) = &rest[0] else {
            return Err(PyErr::type_error("if you give only one argument to maketrans it must be a dict"));
        };
        for (k, v) in map.items() {
            match &k {
                Value::Str(key) => {
                    let mut chars = key.chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) => table.set(Value::Int(c as i64), v)?,
                        _ => {
                            return Err(PyErr::value_error(
                                "string keys in translate table must be of length 1",
                            ))
                        }
                    }
                }
                Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => table.set(k, v)?,
                _ => return Err(PyErr::type_error("keys in translate table must be strings or integers")),
            }
        }
        return Ok(Value::Dict(Rc::new(table)));
    }
    let arg_str = |i: usize| match rest.get(i) {
        Some(Value::Str(x)) => Ok(Some(x)),
        None => Ok(None),
        Some(other) => Err(PyErr::type_error(format!(
            "maketrans() argument {} must be str, not {}",
            i + 1,
            other.type_name()
        ))),
    };
    let (to, delete) = (arg_str(1)?, arg_str(2)?);
    let Value::Str(from) = &rest[0] else {
        return Err(PyErr::type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    let to = to.map_or("", |t| t.as_str());
    if from.char_len() != to.chars().count() {
        return Err(PyErr::value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in from.chars().zip(to.chars()) {
        table.set(Value::Int(a as i64), Value::Int(b as i64))?;
    }
    for c in delete.iter().flat_map(|d| d.chars()) {
        table.set(Value::Int(c as i64), Value::None)?;
    }
    Ok(Value::Dict(Rc::new(table)))
}

// ---- formatting ----

fn str_format(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let fmt = this(args, "format")?.clone();
    Ok(new_str(str_format::format(vm, &fmt, Source::Args(&args[1..], kwargs))?))
}

fn str_format_map(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let fmt = this(args, "format_map")?.clone();
    let mapping = one_arg("str", "format_map", args, kwargs)?;
    Ok(new_str(str_format::format(vm, &fmt, Source::Map(mapping))?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_are_sorted() {
        assert!(METHODS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    fn call(name: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
        let mut vm = Vm::new();
        let f = METHODS.iter().find(|(n, _)| *n == name).expect("method").1;
        f(&mut vm, args, kwargs)
    }

    fn text(v: PyResult<Value>) -> String {
        match v {
            Ok(Value::Str(s)) => s.to_string(),
            Ok(Value::Int(i)) => i.to_string(),
            Ok(Value::Bool(b)) => b.to_string(),
            Ok(Value::List(l)) => l
                .borrow()
                .iter()
                .map(|x| if let Value::Str(s) = x { format!("<{s}>") } else { "?".into() })
                .collect(),
            Ok(_) => "?".into(),
            Err(PyErr::New(k, m)) => format!("{}: {m}", k.name()),
            Err(_) => "raised".into(),
        }
    }

    #[test]
    fn searching() {
        let s = Value::str("héllo wörld");
        assert_eq!(text(call("find", &[s.clone(), Value::str("ö")], &[])), "7");
        assert_eq!(
            text(call("rfind", &[s.clone(), Value::str("l"), Value::Int(0), Value::Int(-2)], &[])),
            "3"
        );
        assert_eq!(text(call("count", &[Value::str("abc"), Value::str(""), Value::Int(1)], &[])), "3");
        assert_eq!(text(call("find", &[Value::str("abc"), Value::str(""), Value::Int(4)], &[])), "-1");
        assert_eq!(text(call("startswith", &[s.clone(), Value::str("ll"), Value::Int(2)], &[])), "true");
        assert_eq!(
            text(call("count", &[Value::str("a"), Value::str("a"), Value::str("x")], &[])),
            "TypeError: slice indices must be integers or None or have an __index__ method"
        );
    }

    #[test]
    fn splitting() {
        assert_eq!(
            text(call("split", &[Value::str("  a  b  "), Value::None, Value::Int(1)], &[])),
            "<a><b  >"
        );
        assert_eq!(
            text(call("rsplit", &[Value::str("  a  b  "), Value::None, Value::Int(1)], &[])),
            "<  a><b>"
        );
        assert_eq!(
            text(call("rsplit", &[Value::str("a,b,,c"), Value::str(","), Value::Int(2)], &[])),
            "<a,b><><c>"
        );
        assert_eq!(
            text(call("splitlines", &[Value::str("x\r\ny\rz\n\x1c\u{85}w")], &[])),
            "<x><y><z><><><w>"
        );
    }

    #[test]
    fn padding_and_case() {
        assert_eq!(text(call("center", &[Value::str("ab"), Value::Int(5), Value::str("*")], &[])), "**ab*");
        assert_eq!(text(call("center", &[Value::str("a"), Value::Int(4), Value::str("*")], &[])), "*a**");
        assert_eq!(text(call("zfill", &[Value::str("-42"), Value::Int(6)], &[])), "-00042");
        assert_eq!(text(call("lower", &[Value::str("ΣΑΣ ΣΑΣ. Σ")], &[])), "σας σας. σ");
        assert_eq!(
            text(call("title", &[Value::str("hello world-foo o'neil 3rd ǆx ﬁsh")], &[])),
            "Hello World-Foo O'Neil 3Rd ǅx Fish"
        );
        assert_eq!(text(call("swapcase", &[Value::str("ßtraße İ ΣΑΣ")], &[])), "SSTRASSE i\u{307} σας");
    }
}
