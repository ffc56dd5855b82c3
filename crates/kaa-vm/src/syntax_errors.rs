//! SyntaxError objects as CPython's: the members `SyntaxError(msg, (filename, lineno, offset,
//! text, end_lineno, end_offset))` sets, `str()` (`msg (file.py, line 3)`), and the location
//! block a traceback prints above the message (`File "...", line N`, the text, the carets).

use crate::exceptions::{ExcKind, ExceptionObject, PyErr, PyResult};
use crate::interp::Vm;
use crate::value::Value;
use std::rc::Rc;

const MEMBERS: [&str; 8] =
    ["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"];

fn is_syntax_error(vm: &Vm, exc: &ExceptionObject) -> bool {
    exc.class.is_subclass(&vm.exception_type(ExcKind::SyntaxError))
}

/// `SyntaxError.__init__`: every member None unless the arguments give it.
pub(crate) fn init_members(vm: &mut Vm, exc: &ExceptionObject) -> PyResult<()> {
    if !is_syntax_error(vm, exc) {
        return Ok(());
    }
    let args = exc.args.borrow().clone();
    let mut values: Vec<Value> = vec![Value::None; MEMBERS.len()];
    if let Some(msg) = args.first() {
        values[0] = msg.clone();
    }
    if args.len() == 2 {
        let info = vm.collect_iterable(&args[1])?;
        if info.len() < 4 {
            return Err(PyErr::type_error(format!(
                "function takes at least 4 arguments ({} given)",
                info.len()
            )));
        }
        if info.len() > 6 {
            return Err(PyErr::type_error(format!(
                "function takes at most 6 arguments ({} given)",
                info.len()
            )));
        }
        for (slot, v) in values[1..].iter_mut().zip(info) {
            *slot = v;
        }
    }
    for (name, v) in MEMBERS.into_iter().zip(values) {
        exc.set_member(name, v);
    }
    Ok(())
}

/// `str()` of a SyntaxError: the message, with the file's base name and the line when known.
pub(crate) fn message(vm: &mut Vm, exc: &ExceptionObject) -> PyResult<Option<String>> {
    if !is_syntax_error(vm, exc) || exc.member("msg").is_none() {
        return Ok(None);
    }
    let msg = vm.str(&exc.member("msg").unwrap_or(Value::None))?;
    let filename = match exc.member("filename") {
        Some(Value::Str(s)) => Some(s.as_str().rsplit('/').next().unwrap_or("").to_string()),
        _ => None,
    };
    let lineno = match exc.member("lineno") {
        Some(Value::Int(n)) => Some(n),
        _ => None,
    };
    Ok(Some(match (filename, lineno) {
        (Some(f), Some(n)) => format!("{msg} ({f}, line {n})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(n)) => format!("{msg} (line {n})"),
        (None, None) => msg,
    }))
}

/// What a traceback prints for a SyntaxError instead of `Name: str(exc)`: the location block
/// and `Name: msg`. None for other exceptions (and SyntaxErrors without a line number).
pub(crate) fn traceback_text(vm: &mut Vm, exc: &Rc<ExceptionObject>, name: &str) -> Option<String> {
    if !is_syntax_error(vm, exc) {
        return None;
    }
    let int = |v: Option<Value>| match v {
        Some(Value::Int(n)) => Some(n),
        _ => None,
    };
    let lineno = int(exc.member("lineno"))?;
    let filename = match exc.member("filename") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => "<string>".to_string(),
    };
    let text = match exc.member("text") {
        Some(Value::Str(s)) => Some(s.as_str().to_string()),
        _ => None,
    };
    let kind = if exc.class.is_subclass(&vm.exception_type(ExcKind::IndentationError)) {
        kaa_syntax::SyntaxErrorKind::IndentationError
    } else {
        kaa_syntax::SyntaxErrorKind::SyntaxError
    };
    let clamp = |n: Option<i64>| n.map_or(0, |n| n.clamp(0, u32::MAX as i64) as u32);
    let located = kaa_syntax::SyntaxError {
        kind,
        msg: String::new(),
        lineno: clamp(Some(lineno)),
        offset: clamp(int(exc.member("offset"))),
        end_lineno: clamp(int(exc.member("end_lineno"))),
        end_offset: clamp(int(exc.member("end_offset"))),
        text,
    };
    let rendered = located.render(&filename);
    // `render` ends with the kind's own name line; the exception's class name goes there.
    let block = rendered.trim_end_matches('\n');
    let block = &block[..block.rfind('\n').map_or(0, |i| i + 1)];
    let msg = match exc.member("msg") {
        Some(Value::None) | None => String::new(),
        Some(m) => vm.str(&m).unwrap_or_default(),
    };
    let last = if msg.is_empty() { format!("{name}\n") } else { format!("{name}: {msg}\n") };
    Some(format!("{block}{last}"))
}
