//! `str`: methods and `repr`.

use crate::builtins::{format_value, Kwargs};
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::function::NativeFn;
use crate::value::Value;
use kaa_syntax::PyStr;

/// `repr(s)`.
pub fn repr(s: &str) -> String {
    kaa_syntax::repr::str_repr(&PyStr::from(s))
}

/// Calls method `name` of string `s`; None when str has no such method (yet).
pub fn call_method(s: &str, name: &str, args: &[Value]) -> Option<PyResult<Value>> {
    let arg_str = |i: usize| -> PyResult<&str> {
        match args.get(i) {
            Some(Value::Str(a)) => Ok(a),
            Some(other) => Err(PyErr::type_error(format!("must be str, not {}", other.type_name()))),
            None => Err(PyErr::type_error(format!("{name}() takes at least {} argument", i + 1))),
        }
    };
    Some(match name {
        "upper" => Ok(Value::str(&s.to_uppercase())),
        "lower" => Ok(Value::str(&s.to_lowercase())),
        "strip" => Ok(Value::str(s.trim())),
        "startswith" => arg_str(0).map(|p| Value::Bool(s.starts_with(p))),
        "endswith" => arg_str(0).map(|p| Value::Bool(s.ends_with(p))),
        "join" => return None,
        "split" => Ok(Value::List(std::rc::Rc::new(std::cell::RefCell::new(match args.first() {
            None => s.split_whitespace().map(Value::str).collect(),
            Some(_) => match arg_str(0) {
                Ok(sep) if !sep.is_empty() => s.split(sep).map(Value::str).collect(),
                Ok(_) => return Some(Err(PyErr::value_error("empty separator"))),
                Err(e) => return Some(Err(e)),
            },
        })))),
        "replace" => arg_str(0).and_then(|a| arg_str(1).map(|b| Value::str(&s.replace(a, b)))),
        _ => return None,
    })
}

/// Keyword-argument names and other interned-ish strings the VM passes around.
pub type Name = std::rc::Rc<StrObject>;

/// A `str` object: the text plus facts computed once, so `len()` and indexing of ASCII text are
/// O(1) and hashing is done at most once.
pub struct StrObject {
    text: Box<str>,
    /// Number of code points.
    char_len: usize,
    hash: std::cell::Cell<Option<i64>>,
}

impl StrObject {
    pub fn new(text: &str) -> StrObject {
        let char_len = if text.is_ascii() { text.len() } else { text.chars().count() };
        StrObject { text: text.into(), char_len, hash: std::cell::Cell::new(None) }
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

    /// The cached hash, computing it with `f` the first time.
    pub fn hash_with(&self, f: impl FnOnce(&str) -> i64) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = f(&self.text);
        self.hash.set(Some(h));
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

/// The methods of `str`, by name; each receives the string as `args[0]`.
pub static METHODS: &[(&str, NativeFn)] = &[
    ("join", str_join),
    ("format", str_format),
    ("upper", str_upper),
    ("lower", str_lower),
    ("strip", str_strip),
    ("startswith", str_startswith),
    ("endswith", str_endswith),
    ("split", str_split),
    ("replace", str_replace),
];

fn str_join(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let Some(Value::Str(sep)) = args.first() else { return Err(PyErr::type_error("join needs a str")) };
    let items = vm.collect_iterable(args.get(1).unwrap_or(&Value::None))?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        match it {
            Value::Str(s) => out.push_str(s),
            other => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    other.type_name()
                )))
            }
        }
    }
    Ok(Value::str(&out))
}

/// Defines native wrappers that forward to `objects::str::call_method` under a fixed name.
macro_rules! str_methods {
    ($($fn_name:ident => $method:literal),* $(,)?) => {$(
        fn $fn_name(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
            let Some(Value::Str(s)) = args.first() else {
                return Err(PyErr::type_error(concat!("descriptor '", $method, "' requires a 'str' object")));
            };
            call_method(s, $method, &args[1..])
                .unwrap_or_else(|| Err(PyErr::new(ExcKind::SystemError, concat!("str.", $method))))
        }
    )*};
}

str_methods! {
    str_upper => "upper",
    str_lower => "lower",
    str_strip => "strip",
    str_startswith => "startswith",
    str_endswith => "endswith",
    str_split => "split",
    str_replace => "replace",
}

fn str_format(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Some(Value::Str(fmt)) = args.first() else { return Err(PyErr::type_error("format needs a str")) };
    let mut out = String::new();
    let mut auto = 1;
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' && chars.get(i + 1) == Some(&'{') || c == '}' && chars.get(i + 1) == Some(&'}') {
            out.push(c);
            i += 2;
            continue;
        }
        if c == '{' {
            let close = chars[i..].iter().position(|&x| x == '}').map(|p| p + i);
            let Some(close) = close else {
                return Err(PyErr::value_error("expected '}' before end of string"));
            };
            let field: String = chars[i + 1..close].iter().collect();
            let (name, spec) = field.split_once(':').unwrap_or((&field, ""));
            let value = if name.is_empty() {
                let v = args.get(auto).cloned();
                auto += 1;
                v
            } else if let Ok(n) = name.parse::<usize>() {
                args.get(n + 1).cloned()
            } else {
                kwargs.iter().find(|(k, _)| k.as_str() == name).map(|(_, v)| v.clone())
            };
            let Some(value) = value else {
                return Err(PyErr::new(
                    ExcKind::IndexError,
                    format!("Replacement index {} out of range for positional args tuple", auto - 2),
                ));
            };
            out.push_str(&format_value(vm, &value, spec)?);
            i = close + 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    Ok(Value::str(&out))
}
