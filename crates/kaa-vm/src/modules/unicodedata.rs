//! `unicodedata` (Unicode 14.0.0, as CPython 3.11): character properties from tables generated
//! from CPython's own database (`tools/gen_unicodedata.py`), names through `unicode_names2`,
//! normalization through `unicode-normalization`. Both crates carry a newer Unicode; characters
//! unassigned in 14.0 are treated as unassigned (no name, no decomposition).

use super::native_class::no_kwargs;
use super::unicodedata_tables as tables;
use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::value::Value;
use std::rc::Rc;
use unicode_normalization::UnicodeNormalization;

const PYTHON_PART: &str = "\
class UCD:
    'The Unicode 3.2.0 database view stringprep and idna ask for (Kaa answers from 14.0.0).'
    unidata_version = '3.2.0'
    def __getattr__(self, name):
        import unicodedata
        return getattr(unicodedata, name)
UCD.__module__ = 'unicodedata'
ucd_3_2_0 = UCD()
";

pub fn init(vm: &mut Vm, dict: &Rc<DictObject>) {
    dict.set_str("unidata_version", Value::str("14.0.0"));
    super::add_functions(
        dict,
        &[
            ("category", |_, a, k| {
                Ok(Value::str(tables::CATEGORY_NAMES[props(char_arg(a, k, "category")?).1 as usize]))
            }),
            ("bidirectional", |_, a, k| {
                Ok(Value::str(tables::BIDI_NAMES[props(char_arg(a, k, "bidirectional")?).2 as usize]))
            }),
            ("east_asian_width", |_, a, k| {
                Ok(Value::str(tables::EAW_NAMES[props(char_arg(a, k, "east_asian_width")?).3 as usize]))
            }),
            ("combining", |_, a, k| Ok(Value::Int(props(char_arg(a, k, "combining")?).4 as i64))),
            ("mirrored", |_, a, k| Ok(Value::Int(props(char_arg(a, k, "mirrored")?).5 as i64))),
            ("decomposition", |_, a, k| {
                let c = char_arg(a, k, "decomposition")?;
                let found = tables::DECOMPOSITIONS.binary_search_by_key(&(c as u32), |e| e.0);
                Ok(Value::str(found.map_or("", |i| tables::DECOMPOSITIONS[i].1)))
            }),
            ("decimal", |_, a, k| {
                numeric_prop(a, k, "decimal", |e| (e.1 >= 0).then(|| Value::Int(e.1 as i64)), "not a decimal")
            }),
            ("digit", |_, a, k| {
                numeric_prop(a, k, "digit", |e| (e.2 >= 0).then(|| Value::Int(e.2 as i64)), "not a digit")
            }),
            ("numeric", |_, a, k| {
                numeric_prop(a, k, "numeric", |e| Some(Value::Float(e.3)), "not a numeric character")
            }),
            ("name", name),
            ("lookup", lookup),
            ("normalize", |_, a, k| normalize(a, k, false)),
            ("is_normalized", |_, a, k| normalize(a, k, true)),
        ],
    );
    super::run_python_part(vm, dict, PYTHON_PART, "<frozen unicodedata>");
}

/// The character argument (`args[0]`), with CPython's TypeError for anything else.
fn char_arg(args: &[Value], kwargs: &Kwargs, fname: &str) -> PyResult<char> {
    no_kwargs(fname, kwargs)?;
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "{fname}() takes {} argument{} ({} given)",
            if matches!(fname, "decimal" | "digit" | "numeric" | "name") {
                "at most 2"
            } else {
                "exactly one"
            },
            if matches!(fname, "decimal" | "digit" | "numeric" | "name") { "s" } else { "" },
            args.len()
        )));
    }
    if let Value::Str(s) = &args[0] {
        let mut it = s.as_str().chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            return Ok(c);
        }
    }
    Err(PyErr::type_error(format!(
        "{fname}() argument must be a unicode character, not {}",
        args[0].type_name()
    )))
}

/// (first, category, bidi, eaw, combining, mirrored) of the range holding `c`.
fn props(c: char) -> (u32, u8, u8, u8, u8, bool) {
    let cp = c as u32;
    let i = tables::RANGES.partition_point(|r| r.0 <= cp);
    tables::RANGES[i.saturating_sub(1)]
}

fn assigned(c: char) -> bool {
    props(c).1 != 0
}

fn numeric_prop(
    args: &[Value],
    kwargs: &Kwargs,
    fname: &str,
    get: fn(&(u32, i8, i8, f64)) -> Option<Value>,
    msg: &str,
) -> PyResult<Value> {
    let c = char_arg(args, kwargs, fname)?;
    let found = tables::NUMERIC
        .binary_search_by_key(&(c as u32), |e| e.0)
        .ok()
        .and_then(|i| get(&tables::NUMERIC[i]));
    match (found, args.get(1)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(PyErr::value_error(msg)),
    }
}

fn name(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let c = char_arg(args, kwargs, "name")?;
    let found = if assigned(c) { unicode_names2::name(c).map(|n| n.to_string()) } else { None };
    match (found, args.get(1)) {
        (Some(n), _) => Ok(Value::str(&n)),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(PyErr::value_error("no such name")),
    }
}

fn lookup(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("lookup", kwargs)?;
    if args.len() != 1 {
        return Err(PyErr::type_error(format!("lookup() takes exactly one argument ({} given)", args.len())));
    }
    let text = match &args[0] {
        Value::Str(s) => s.as_str().to_string(),
        Value::Bytes(b) => String::from_utf8_lossy(b.as_slice()).into_owned(),
        other => {
            return Err(PyErr::type_error(format!(
                "lookup() argument must be str, not {}",
                other.type_name()
            )))
        }
    };
    match unicode_names2::character(&text).filter(|&c| assigned(c)) {
        Some(c) => Ok(Value::str(c.encode_utf8(&mut [0; 4]))),
        None => Err(PyErr::new(ExcKind::KeyError, format!("undefined character name '{text}'"))),
    }
}

fn normalize(args: &[Value], kwargs: &Kwargs, check_only: bool) -> PyResult<Value> {
    let fname = if check_only { "is_normalized" } else { "normalize" };
    no_kwargs(fname, kwargs)?;
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("{fname} expected 2 arguments, got {}", args.len())));
    }
    let Value::Str(form) = &args[0] else {
        return Err(PyErr::type_error(format!(
            "{fname}() argument 1 must be str, not {}",
            args[0].type_name()
        )));
    };
    let Value::Str(text) = &args[1] else {
        return Err(PyErr::type_error(format!(
            "{fname}() argument 2 must be str, not {}",
            args[1].type_name()
        )));
    };
    let s = text.as_str();
    let out: String = match form.as_str() {
        "NFC" => s.nfc().collect(),
        "NFD" => s.nfd().collect(),
        "NFKC" => s.nfkc().collect(),
        "NFKD" => s.nfkd().collect(),
        _ => return Err(PyErr::value_error("invalid normalization form")),
    };
    if check_only {
        return Ok(Value::Bool(out == s));
    }
    if out == s {
        return Ok(args[1].clone());
    }
    Ok(Value::str(&out))
}
