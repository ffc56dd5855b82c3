//! `print` (to `sys.stdout` or any object with `write`) and `input`. Files, `open` and the
//! standard streams are the `_io` module (`modules/io/`).

use super::{arity, Kwargs};
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::value::Value;
use std::io::Write;
use std::rc::Rc;

// ---- print ----

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
pub fn builtin_print(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let mut sep: Option<Rc<crate::objects::str::StrObject>> = None;
    let mut end: Option<Rc<crate::objects::str::StrObject>> = None;
    let mut file = Value::None;
    let mut flush = false;
    for (k, v) in kwargs {
        let text = |what: &str| match v {
            Value::None => Ok(None),
            Value::Str(s) => Ok(Some(s.clone())),
            other => {
                Err(PyErr::type_error(format!("{what} must be None or a string, not {}", other.type_name())))
            }
        };
        match k.as_str() {
            "sep" => sep = text("sep")?,
            "end" => end = text("end")?,
            "file" => file = v.clone(),
            "flush" => flush = vm.truthy(v)?,
            other => {
                return Err(PyErr::type_error(format!(
                    "'{other}' is an invalid keyword argument for print()"
                )))
            }
        }
    }
    let sep = sep.as_ref().map_or(" ", |s| s.as_str());
    let end = end.as_ref().map_or("\n", |s| s.as_str());
    if matches!(file, Value::None) {
        file = sys_stream(vm, "stdout");
        if matches!(file, Value::None) {
            return Ok(Value::None);
        }
        if crate::modules::io::console_of(&file).is_some() {
            // `sys.stdout` is still the console: straight into the VM's stdout buffer.
            let mut out = String::new();
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(sep);
                }
                match a {
                    Value::Str(s) => out.push_str(s.as_str()),
                    _ => out.push_str(&vm.str(a)?),
                }
            }
            out.push_str(end);
            let _ = vm.stdout.write_all(out.as_bytes());
            if flush {
                let _ = vm.stdout.flush();
            }
            return Ok(Value::None);
        }
    }
    // Any object with a `write` method: one call per piece, as CPython makes them.
    let write = vm.get_attr(&file, "write")?;
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            vm.call_value(&write, vec![Value::str(sep)], Vec::new())?;
        }
        let text = match a {
            Value::Str(_) => a.clone(),
            _ => Value::str(&vm.str(a)?),
        };
        vm.call_value(&write, vec![text], Vec::new())?;
    }
    vm.call_value(&write, vec![Value::str(end)], Vec::new())?;
    if flush {
        let f = vm.get_attr(&file, "flush")?;
        vm.call_value(&f, Vec::new(), Vec::new())?;
    }
    Ok(Value::None)
}

// ---- input ----

/// `sys.stdout`, `sys.stdin`, ... as they are now (None if unset).
fn sys_stream(vm: &mut Vm, name: &str) -> Value {
    let sys = match vm.modules.get_str("sys") {
        Some(m) => m,
        // `sys` exists from the start in CPython; Kaa builds it on first use.
        None => vm.import_module("sys").unwrap_or(Value::None),
    };
    match sys {
        Value::Module(m) => m.dict.get_str(name).unwrap_or(Value::None),
        _ => Value::None,
    }
}

/// `input(prompt='')`: the prompt to stdout, then one line from `sys.stdin` without its newline.
pub fn builtin_input(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    super::no_kwargs("input", kwargs)?;
    arity("input", args, 0, 1)?;
    let stdout = sys_stream(vm, "stdout");
    if let Some(p) = args.first() {
        let text = vm.str(p)?;
        if crate::modules::io::console_of(&stdout).is_some() {
            let _ = vm.stdout.write_all(text.as_bytes());
        } else if !matches!(stdout, Value::None) {
            crate::modules::io::call_method(vm, &stdout, "write", vec![Value::str(&text)])?;
        }
    }
    if crate::modules::io::console_of(&stdout).is_some() {
        let _ = vm.stdout.flush();
    } else if !matches!(stdout, Value::None) {
        crate::modules::io::call_method(vm, &stdout, "flush", Vec::new())?;
    }
    let stdin = sys_stream(vm, "stdin");
    if matches!(stdin, Value::None) {
        return Err(PyErr::new(ExcKind::RuntimeError, "input(): lost sys.stdin"));
    }
    let line = crate::modules::io::call_method(vm, &stdin, "readline", Vec::new())?;
    let Value::Str(line) = line else {
        return Err(PyErr::type_error("object.readline() returned non-string"));
    };
    if line.is_empty() {
        return Err(PyErr::new(ExcKind::EOFError, "EOF when reading a line"));
    }
    let text = line.as_str();
    let text = text.strip_suffix('\n').unwrap_or(text);
    Ok(Value::str(text))
}

// ---- OSError and friends ----

/// An OS error as CPython raises it: the subclass for its errno, message
/// `[Errno N] strerror: 'filename'`, and the `errno`, `strerror`, `filename` attributes.
#[cold]
pub fn os_error(vm: &Vm, e: &std::io::Error, filename: Option<&str>) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(0);
    let name = filename.map(Value::str);
    crate::modules::posix::errno_error(vm, errno, name.as_ref(), None)
}
