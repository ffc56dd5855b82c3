//! `open()` (the builtin and `io.open`) and `open_code`: checks the arguments as CPython does,
//! then stacks FileIO, a buffered object and (in text mode) a TextIOWrapper.

use super::buffered::{self, Kind};
use super::{call_method, textio, DEFAULT_BUFFER_SIZE};
use crate::builtins::{clinic, new_native_instance, Kwargs};
use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::value::Value;
use std::rc::Rc;

struct ModeFlags {
    creating: bool,
    reading: bool,
    writing: bool,
    appending: bool,
    updating: bool,
    text: bool,
    binary: bool,
}

fn parse_mode(mode: &str) -> PyResult<ModeFlags> {
    let mut f = ModeFlags {
        creating: false,
        reading: false,
        writing: false,
        appending: false,
        updating: false,
        text: false,
        binary: false,
    };
    for (i, c) in mode.char_indices() {
        if !"axrwb+t".contains(c) || mode[i + c.len_utf8()..].contains(c) {
            return Err(PyErr::value_error(format!("invalid mode: {}", crate::objects::str::repr(mode))));
        }
        match c {
            'x' => f.creating = true,
            'r' => f.reading = true,
            'w' => f.writing = true,
            'a' => f.appending = true,
            '+' => f.updating = true,
            't' => f.text = true,
            _ => f.binary = true,
        }
    }
    if f.text && f.binary {
        return Err(PyErr::value_error("can't have text and binary mode at once"));
    }
    let kinds = [f.creating, f.reading, f.writing, f.appending].iter().filter(|&&k| k).count();
    if kinds > 1 {
        return Err(PyErr::value_error("must have exactly one of create/read/write/append mode"));
    }
    if kinds == 0 {
        return Err(PyErr::value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    Ok(f)
}

fn str_or_none(v: Option<Value>, what: &str) -> PyResult<Value> {
    match v {
        None => Ok(Value::None),
        Some(v @ (Value::None | Value::Str(_))) => Ok(v),
        Some(other) => Err(PyErr::type_error(format!(
            "open() argument '{what}' must be str or None, not {}",
            other.type_name()
        ))),
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`.
pub fn builtin_open(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [file, mode, buffering, encoding, errors, newline, closefd, opener] = clinic(
        "open",
        args,
        kwargs,
        ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"],
        8,
        1,
    )?;
    let file = file.unwrap_or(Value::None);
    let mode_text = match &mode {
        None => "r".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "open() argument 'mode' must be str, not {}",
                other.type_name()
            )))
        }
    };
    let buffering = match buffering {
        None => -1,
        Some(v) => crate::objects::args::cint_arg(vm, &v)?,
    };
    let encoding = str_or_none(encoding, "encoding")?;
    let errors = str_or_none(errors, "errors")?;
    let newline = str_or_none(newline, "newline")?;
    if let Value::Float(_) = file {
        return Err(PyErr::type_error("expected str, bytes or os.PathLike object, not float"));
    }
    let f = parse_mode(&mode_text)?;
    if f.binary {
        for (arg, what) in [(&encoding, "an encoding"), (&errors, "an errors"), (&newline, "a newline")] {
            if !matches!(arg, Value::None) {
                return Err(PyErr::value_error(format!("binary mode doesn't take {what} argument")));
            }
        }
    }
    if !f.binary {
        super::newline::parse(Some(&newline), super::newline::Mode::Translate)?;
    }
    if buffering == 0 && !f.binary {
        return Err(PyErr::value_error("can't have unbuffered text I/O"));
    }
    let mut raw_mode = String::from(if f.creating {
        "x"
    } else if f.reading {
        "r"
    } else if f.writing {
        "w"
    } else {
        "a"
    });
    if f.updating {
        raw_mode.push('+');
    }
    let fileio = super::io_type(vm, "FileIO")?;
    let raw = new_native_instance(vm, &fileio, Box::new(super::fileio::FileIo::closed()));
    let init = vm.get_attr(&raw, "__init__")?;
    let name = |s: &str| Rc::new(crate::objects::str::StrObject::new(s));
    let mut kw = vec![(name("closefd"), closefd.unwrap_or(Value::Bool(true)))];
    if let Some(op) = opener {
        kw.push((name("opener"), op));
    }
    vm.call_value(&init, vec![file, Value::str(&raw_mode)], kw)?;
    let result = stack(vm, &raw, &f, buffering, &encoding, &errors, &newline, &mode_text);
    if result.is_err() {
        let _ = call_method(vm, &raw, "close", Vec::new());
    }
    result
}

#[allow(clippy::too_many_arguments)]
fn stack(
    vm: &mut Vm,
    raw: &Value,
    f: &ModeFlags,
    buffering: i64,
    encoding: &Value,
    errors: &Value,
    newline: &Value,
    mode: &str,
) -> PyResult<Value> {
    let mut line_buffering = buffering == 1;
    let mut size = buffering;
    if buffering < 0 || buffering == 1 {
        if buffering < 0 {
            let tty = call_method(vm, raw, "isatty", Vec::new())?;
            line_buffering = vm.truthy(&tty)?;
        }
        size = match vm.get_attr(raw, "_blksize") {
            Ok(Value::Int(n)) if n > 1 => n,
            _ => DEFAULT_BUFFER_SIZE as i64,
        };
    }
    if size == 0 {
        return Ok(raw.clone());
    }
    let kind = if f.updating {
        Kind::Random
    } else if f.writing || f.creating || f.appending {
        Kind::Writer
    } else {
        Kind::Reader
    };
    let buffer = buffered::wrap(vm, kind, raw.clone(), size as usize)?;
    if f.binary {
        return Ok(buffer);
    }
    let text = textio::wrap(vm, buffer, encoding, errors, newline, line_buffering)?;
    if let Value::Instance(i) = &text {
        i.dict.set_str("mode", Value::str(mode));
    }
    Ok(text)
}

/// `open_code(path)`: the file opened for reading in binary mode.
pub fn open_code(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [path] = clinic("open_code", args, kwargs, ["path"], 1, 1)?;
    let path = path.unwrap_or(Value::None);
    if !matches!(path, Value::Str(_)) {
        return Err(PyErr::type_error(format!(
            "open_code() argument 'path' must be str, not {}",
            path.type_name()
        )));
    }
    builtin_open(vm, &[path, Value::str("rb")], &[])
}
