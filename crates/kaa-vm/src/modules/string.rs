//! `_string`: the two parsers `string.Formatter` is built on, `formatter_parser` (a format
//! string into literal text and replacement fields) and `formatter_field_name_split` (a field
//! name into its first part and the `.attr` / `[key]` accessors), with CPython's errors.

use super::native_class::{check_arity, no_kwargs, tuple};
use crate::builtins::Kwargs;
use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::value::Value;

pub fn init(dict: &DictObject) {
    super::add_functions(
        dict,
        &[("formatter_parser", formatter_parser), ("formatter_field_name_split", formatter_field_name_split)],
    );
}

fn str_arg<'a>(args: &'a [Value], name: &str) -> PyResult<&'a str> {
    match args.first() {
        Some(Value::Str(s)) => Ok(s.as_str()),
        Some(other) => {
            Err(PyErr::type_error(format!("{name}() argument must be str, not {}", other.type_name())))
        }
        None => Err(PyErr::type_error(format!("{name}() takes exactly one argument (0 given)"))),
    }
}

fn s(text: &[char]) -> Value {
    Value::str(&text.iter().collect::<String>())
}

/// The (literal, field_name, format_spec, conversion) tuples of `format`.
fn parse_markup(text: &[char]) -> PyResult<Vec<Value>> {
    let mut out = Vec::new();
    let mut pos = 0;
    let end = text.len();
    while pos < end {
        // Literal text up to the first brace.
        let start = pos;
        let mut c = '\0';
        let mut markup_follows = false;
        while pos < end {
            c = text[pos];
            pos += 1;
            if c == '{' || c == '}' {
                markup_follows = true;
                break;
            }
        }
        let at_end = pos >= end;
        let mut len = pos - start;
        if c == '}' && markup_follows && (at_end || text[pos] != c) {
            return Err(PyErr::value_error("Single '}' encountered in format string"));
        }
        if at_end && c == '{' && markup_follows {
            return Err(PyErr::value_error("Single '{' encountered in format string"));
        }
        if !at_end && markup_follows {
            if text[pos] == c {
                // A doubled brace: the literal keeps one of them.
                pos += 1;
                markup_follows = false;
            } else {
                len -= 1;
            }
        }
        let literal = s(&text[start..start + len]);
        if !markup_follows {
            out.push(tuple(vec![literal, Value::None, Value::None, Value::None]));
            continue;
        }
        let (name, spec, conversion) = parse_field(text, &mut pos)?;
        out.push(tuple(vec![literal, name, spec, conversion]));
    }
    Ok(out)
}

/// A replacement field starting at `*pos` (after its '{'), through its closing '}'.
fn parse_field(text: &[char], pos: &mut usize) -> PyResult<(Value, Value, Value)> {
    let end = text.len();
    let name_start = *pos;
    let mut c = '\0';
    while *pos < end {
        c = text[*pos];
        *pos += 1;
        match c {
            '{' => return Err(PyErr::value_error("unexpected '{' in field name")),
            '[' => {
                while *pos < end && text[*pos] != ']' {
                    *pos += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    if c != '!' && c != ':' {
        if c != '}' {
            return Err(PyErr::value_error("expected '}' before end of string"));
        }
        return Ok((s(&text[name_start..*pos - 1]), Value::str(""), Value::None));
    }
    let name = s(&text[name_start..*pos - 1]);
    let mut conversion = Value::None;
    if c == '!' {
        if *pos >= end {
            return Err(PyErr::value_error("end of string while looking for conversion specifier"));
        }
        conversion = Value::str(text[*pos].encode_utf8(&mut [0; 4]));
        *pos += 1;
        if *pos < end {
            let next = text[*pos];
            *pos += 1;
            if next == '}' {
                return Ok((name, Value::str(""), conversion));
            }
            if next != ':' {
                return Err(PyErr::value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = *pos;
    let mut depth = 1;
    while *pos < end {
        let ch = text[*pos];
        *pos += 1;
        if ch == '{' {
            depth += 1;
        } else if ch == '}' {
            depth -= 1;
            if depth == 0 {
                return Ok((name, s(&text[spec_start..*pos - 1]), conversion));
            }
        }
    }
    Err(PyErr::value_error("unmatched '{' in format spec"))
}

fn formatter_parser(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("formatter_parser", kwargs)?;
    check_arity("formatter_parser", args.len(), 1, 1)?;
    let text: Vec<char> = str_arg(args, "formatter_parser")?.chars().collect();
    let items = parse_markup(&text)?;
    let list = vm.new_list(items);
    vm.get_iter(&list)
}

fn field_key(text: &[char]) -> Value {
    if !text.is_empty() && text.iter().all(|c| c.is_ascii_digit()) {
        let digits: String = text.iter().collect();
        if let Ok(n) = digits.parse::<i64>() {
            return Value::Int(n);
        }
    }
    s(text)
}

fn formatter_field_name_split(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("formatter_field_name_split", kwargs)?;
    check_arity("formatter_field_name_split", args.len(), 1, 1)?;
    let text: Vec<char> = str_arg(args, "formatter_field_name_split")?.chars().collect();
    let first_end = text.iter().position(|&c| c == '.' || c == '[').unwrap_or(text.len());
    let first = field_key(&text[..first_end]);
    let mut rest = Vec::new();
    let mut pos = first_end;
    while pos < text.len() {
        let c = text[pos];
        pos += 1;
        match c {
            '.' => {
                let start = pos;
                while pos < text.len() && text[pos] != '.' && text[pos] != '[' {
                    pos += 1;
                }
                if pos == start {
                    return Err(PyErr::value_error("Empty attribute in format string"));
                }
                rest.push(tuple(vec![Value::Bool(true), s(&text[start..pos])]));
            }
            '[' => {
                let start = pos;
                while pos < text.len() && text[pos] != ']' {
                    pos += 1;
                }
                if pos >= text.len() {
                    return Err(PyErr::value_error("Missing ']' in format string"));
                }
                if pos == start {
                    return Err(PyErr::value_error("Empty attribute in format string"));
                }
                rest.push(tuple(vec![Value::Bool(false), field_key(&text[start..pos])]));
                pos += 1;
                if pos < text.len() && text[pos] != '.' && text[pos] != '[' {
                    return Err(PyErr::value_error(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    ));
                }
            }
            _ => return Err(PyErr::value_error("Only '.' or '[' may follow ']' in format field specifier")),
        }
    }
    let list = vm.new_list(rest);
    let it = vm.get_iter(&list)?;
    Ok(tuple(vec![first, it]))
}
