//! `str.format` and `str.format_map`: CPython's format-string mini-language (replacement
//! fields with auto or manual numbering, `.attr` and `[key]` lookups, `!r`/`!s`/`!a`
//! conversions, and nested replacement fields inside the spec), with CPython's error messages.

use crate::builtins::{ascii_of, format_value, Kwargs};
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::get_item;
use crate::objects::dict::DictObject;
use crate::objects::str_unicode::to_decimal;
use crate::value::Value;

/// Where replacement fields get their values.
pub enum Source<'a> {
    /// `str.format(*args, **kwargs)`.
    Args(&'a [Value], &'a Kwargs),
    /// `str.format_map(mapping)`: names only, looked up by subscription.
    Map(&'a Value),
}

#[derive(Clone, Copy, PartialEq)]
enum Numbering {
    Unset,
    Auto,
    Manual,
}

struct Formatter<'a> {
    source: Source<'a>,
    numbering: Numbering,
    next_auto: usize,
}

/// Formats `fmt` with the values of `source`.
pub fn format(vm: &mut Vm, fmt: &str, source: Source) -> PyResult<String> {
    let mut f = Formatter { source, numbering: Numbering::Unset, next_auto: 0 };
    f.build(vm, fmt, 2)
}

#[cold]
fn value_error(msg: &str) -> PyErr {
    PyErr::value_error(msg)
}

/// One parsed replacement field.
struct Field<'f> {
    name: &'f str,
    conversion: Option<char>,
    spec: &'f str,
    spec_has_fields: bool,
}

/// Parses the replacement field starting just after its `{` at byte `pos`; returns the field
/// and the position after its closing `}`. All delimiters are ASCII, so scanning bytes is safe.
fn parse_field(fmt: &str, mut pos: usize) -> PyResult<(Field<'_>, usize)> {
    let b = fmt.as_bytes();
    let start = pos;
    let mut c = 0u8;
    while pos < b.len() {
        c = b[pos];
        pos += 1;
        match c {
            b'{' => return Err(value_error("unexpected '{' in field name")),
            b'[' => {
                while pos < b.len() && b[pos] != b']' {
                    pos += 1;
                }
            }
            b'}' | b':' | b'!' => break,
            _ => {}
        }
    }
    if c != b'}' && c != b':' && c != b'!' {
        return Err(value_error("expected '}' before end of string"));
    }
    let name = &fmt[start..pos - 1];
    let mut field = Field { name, conversion: None, spec: "", spec_has_fields: false };
    if c == b'}' {
        return Ok((field, pos));
    }
    if c == b'!' {
        let Some(conv) = fmt[pos..].chars().next() else {
            return Err(value_error("end of string while looking for conversion specifier"));
        };
        field.conversion = Some(conv);
        pos += conv.len_utf8();
        if pos < b.len() {
            let next = b[pos];
            pos += 1;
            if next == b'}' {
                return Ok((field, pos));
            }
            if next != b':' {
                return Err(value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = pos;
    let mut depth = 1;
    while pos < b.len() {
        let c = b[pos];
        pos += 1;
        match c {
            b'{' => {
                field.spec_has_fields = true;
                depth += 1;
            }
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    field.spec = &fmt[spec_start..pos - 1];
                    return Ok((field, pos));
                }
            }
            _ => {}
        }
    }
    Err(value_error("unmatched '{' in format spec"))
}

/// A field-name part made only of decimal digits (of any script) is an index.
fn parse_index(s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut n: usize = 0;
    for c in s.chars() {
        let Some(d) = to_decimal(c) else { return Ok(None) };
        n = match n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .filter(|&n| n <= isize::MAX as usize)
        {
            Some(n) => n,
            None => return Err(value_error("Too many decimal digits in format string")),
        };
    }
    Ok(Some(n))
}

impl Formatter<'_> {
    fn build(&mut self, vm: &mut Vm, fmt: &str, depth: u32) -> PyResult<String> {
        if depth == 0 {
            return Err(value_error("Max string recursion exceeded"));
        }
        let b = fmt.as_bytes();
        let mut out = String::with_capacity(fmt.len());
        let mut pos = 0;
        while pos < b.len() {
            let start = pos;
            let mut brace = None;
            while pos < b.len() {
                let c = b[pos];
                pos += 1;
                if c == b'{' || c == b'}' {
                    brace = Some(c);
                    break;
                }
            }
            let Some(c) = brace else {
                out.push_str(&fmt[start..]);
                break;
            };
            let at_end = pos >= b.len();
            if c == b'}' && (at_end || b[pos] != b'}') {
                return Err(value_error("Single '}' encountered in format string"));
            }
            if at_end {
                return Err(value_error("Single '{' encountered in format string"));
            }
            if b[pos] == c {
                // A doubled brace is a literal one.
                out.push_str(&fmt[start..pos]);
                pos += 1;
                continue;
            }
            out.push_str(&fmt[start..pos - 1]);
            let (field, next) = parse_field(fmt, pos)?;
            pos = next;
            self.render(vm, &field, depth, &mut out)?;
        }
        Ok(out)
    }

    fn render(&mut self, vm: &mut Vm, field: &Field, depth: u32, out: &mut String) -> PyResult<()> {
        let mut obj = self.field_object(vm, field.name)?;
        if let Some(conv) = field.conversion {
            obj = Value::str(&match conv {
                'r' => vm.repr(&obj)?,
                's' => vm.str(&obj)?,
                'a' => ascii_of(&vm.repr(&obj)?),
                c => return Err(unknown_conversion(c)),
            });
        }
        let spec = if field.spec_has_fields {
            std::borrow::Cow::Owned(self.build(vm, field.spec, depth - 1)?)
        } else {
            std::borrow::Cow::Borrowed(field.spec)
        };
        match (&obj, spec.is_empty()) {
            (Value::Str(s), true) => out.push_str(s),
            _ => out.push_str(&format_object(vm, &obj, &spec)?),
        }
        Ok(())
    }

    /// The object a field name designates: `first` then any `.attr` / `[key]` parts.
    fn field_object(&mut self, vm: &mut Vm, name: &str) -> PyResult<Value> {
        let split = name.find(['.', '[']).unwrap_or(name.len());
        let (first, mut rest) = name.split_at(split);
        let mut index = parse_index(first)?;
        if first.is_empty() || index.is_some() {
            let auto = first.is_empty();
            if self.numbering == Numbering::Unset {
                self.numbering = if auto { Numbering::Auto } else { Numbering::Manual };
            }
            match (self.numbering, auto) {
                (Numbering::Manual, true) => {
                    return Err(value_error(
                        "cannot switch from manual field specification to automatic field numbering",
                    ))
                }
                (Numbering::Auto, false) => {
                    return Err(value_error(
                        "cannot switch from automatic field numbering to manual field specification",
                    ))
                }
                _ => {}
            }
            if auto {
                index = Some(self.next_auto);
                self.next_auto += 1;
            }
        }
        let mut obj = match (index, &self.source) {
            (Some(i), Source::Args(args, _)) => match args.get(i) {
                Some(v) => v.clone(),
                None => {
                    return Err(PyErr::new(
                        ExcKind::IndexError,
                        format!("Replacement index {i} out of range for positional args tuple"),
                    ))
                }
            },
            (Some(_), Source::Map(_)) => return Err(value_error("Format string contains positional fields")),
            (None, Source::Args(_, kwargs)) => match kwargs.iter().find(|(k, _)| k.as_str() == first) {
                Some((_, v)) => v.clone(),
                None => return Err(DictObject::key_error(&Value::str(first), vm)),
            },
            (None, Source::Map(m)) => {
                let m = (*m).clone();
                get_item(vm, &m, &Value::str(first))?
            }
        };
        while !rest.is_empty() {
            let b = rest.as_bytes();
            if b[0] == b'.' {
                let end = rest[1..].find(['.', '[']).map_or(rest.len(), |p| p + 1);
                let attr = &rest[1..end];
                if attr.is_empty() {
                    return Err(value_error("Empty attribute in format string"));
                }
                obj = vm.get_attr(&obj, attr)?;
                rest = &rest[end..];
            } else if b[0] == b'[' {
                let Some(close) = rest.find(']') else {
                    return Err(value_error("Missing ']' in format string"));
                };
                let key = &rest[1..close];
                if key.is_empty() {
                    return Err(value_error("Empty attribute in format string"));
                }
                let key = match parse_index(key)? {
                    Some(i) => Value::Int(i as i64),
                    None => Value::str(key),
                };
                obj = get_item(vm, &obj, &key)?;
                rest = &rest[close + 1..];
            } else {
                return Err(value_error("Only '.' or '[' may follow ']' in format field specifier"));
            }
        }
        Ok(obj)
    }
}

#[cold]
fn unknown_conversion(c: char) -> PyErr {
    if (c as u32) > 32 && (c as u32) < 127 {
        PyErr::value_error(format!("Unknown conversion specifier {c}"))
    } else {
        PyErr::value_error(format!("Unknown conversion specifier \\x{:x}", c as u32))
    }
}

/// `format(obj, spec)`, calling a class's `__format__` when it has one.
pub fn format_object(vm: &mut Vm, obj: &Value, spec: &str) -> PyResult<String> {
    if let Value::Instance(_) = obj {
        if let Some(r) = vm.call_dunder(obj, "__format__", &[Value::str(spec)])? {
            return match r {
                Value::Str(s) => Ok(s.to_string()),
                other => {
                    Err(PyErr::type_error(format!("__format__ must return a str, not {}", other.type_name())))
                }
            };
        }
    }
    format_value(vm, obj, spec)
}
