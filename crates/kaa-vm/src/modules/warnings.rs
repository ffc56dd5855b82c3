//! `_warnings`: `warn`, `warn_explicit` and the filter machinery `warnings.py` builds on, with
//! CPython 3.11's rules: the filters, default action and once-registry of the `warnings` module
//! take precedence over this module's own once it is imported; each module's
//! `__warningregistry__` remembers what was shown and is reset when the filters change; when
//! `warnings` is not imported the warning is printed here (`FILE:LINE: Category: text` and the
//! source line). `warn` is also the entry point for warnings the VM raises itself.

use crate::builtins::{hidden, Kwargs};
use crate::exceptions::{ExcKind, ExceptionObject, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::key_lookup::{dict_get, dict_set};
use crate::objects::types::TypeObject;
use crate::value::Value;
use std::rc::Rc;

const VERSION_KEY: &str = "filters_version";

pub fn init(vm: &mut Vm, dict: &DictObject) {
    super::add_functions(
        dict,
        &[("warn", warn_fn), ("warn_explicit", warn_explicit_fn), ("_filters_mutated", filters_mutated)],
    );
    // CPython's default filters of a release build.
    let filter = |action: &str, category: ExcKind, module: Option<&str>| {
        Value::Tuple(Rc::new(vec![
            Value::str(action),
            Value::None,
            Value::Type(vm.exception_type(category)),
            module.map_or(Value::None, Value::str),
            Value::Int(0),
        ]))
    };
    let filters = vec![
        filter("default", ExcKind::DeprecationWarning, Some("__main__")),
        filter("ignore", ExcKind::DeprecationWarning, None),
        filter("ignore", ExcKind::PendingDeprecationWarning, None),
        filter("ignore", ExcKind::ImportWarning, None),
        filter("ignore", ExcKind::ResourceWarning, None),
    ];
    let filters = vm.new_list(filters);
    dict.set_str("filters", filters);
    dict.set_str("_defaultaction", Value::str("default"));
    let once = vm.new_dict(DictObject::new());
    dict.set_str("_onceregistry", once);
    dict.set_str(&hidden(VERSION_KEY), Value::Int(1));
}

/// The `_warnings` module's namespace (imported on first use by a warning from the VM).
fn state(vm: &mut Vm) -> PyResult<Rc<DictObject>> {
    if let Some(Value::Module(m)) = vm.modules.get_str("_warnings") {
        return Ok(m.dict.clone());
    }
    match vm.import_module("_warnings")? {
        Value::Module(m) => Ok(m.dict.clone()),
        _ => Err(PyErr::new(ExcKind::SystemError, "_warnings is not a module")),
    }
}

/// `warnings.NAME` if the `warnings` module has been imported (and has it).
fn warnings_attr(vm: &Vm, name: &str) -> Option<Value> {
    match vm.modules.get_str("warnings") {
        Some(Value::Module(m)) => m.dict.get_str(name),
        _ => None,
    }
}

fn filters_version(st: &DictObject) -> i64 {
    match st.get_str(&hidden(VERSION_KEY)) {
        Some(Value::Int(v)) => v,
        _ => 0,
    }
}

fn filters_mutated(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = state(vm)?;
    st.set_str(&hidden(VERSION_KEY), Value::Int(filters_version(&st) + 1));
    Ok(Value::None)
}

// ---- warn ----

/// Issues a warning of `category` from native code, attributed to the Python code `stacklevel`
/// frames up (1: the code running now). An `error` filter makes it an exception.
pub fn warn(vm: &mut Vm, category: ExcKind, text: &str, stacklevel: i64) -> PyResult<()> {
    let category = Value::Type(vm.exception_type(category));
    do_warn(vm, &Value::str(text), &category, stacklevel, None)
}

fn warn_fn(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [message, category, stacklevel, source] =
        crate::builtins::clinic("warn", args, kwargs, ["message", "category", "stacklevel", "source"], 4, 1)?;
    let message = message.unwrap_or(Value::None);
    let category = category_of(vm, &message, category.unwrap_or(Value::None))?;
    let stacklevel = match stacklevel {
        Some(v) => crate::objects::args::ssize_arg(vm, &v)?,
        None => 1,
    };
    let source = source.filter(|s| !matches!(s, Value::None));
    do_warn(vm, &message, &category, stacklevel, source)?;
    Ok(Value::None)
}

/// The category of `warn(message, category)`: the message's class for a Warning instance,
/// UserWarning for None, else the argument, which must be a Warning subclass.
fn category_of(vm: &mut Vm, message: &Value, category: Value) -> PyResult<Value> {
    let warning = vm.exception_type(ExcKind::Warning);
    if let Some(cls) = warning_instance_class(message, &warning) {
        return Ok(Value::Type(cls));
    }
    match category {
        Value::None => Ok(Value::Type(vm.exception_type(ExcKind::UserWarning))),
        Value::Type(t) if t.is_subclass(&warning) => Ok(Value::Type(t)),
        other => Err(PyErr::type_error(format!(
            "category must be a Warning subclass, not '{}'",
            crate::modules::native_class::type_name_of(&other)
        ))),
    }
}

fn warning_instance_class(v: &Value, warning: &Rc<TypeObject>) -> Option<Rc<TypeObject>> {
    match v {
        Value::Exception(e) if e.class.is_subclass(warning) => Some(e.class.clone()),
        _ => None,
    }
}

/// Frames whose code is the import machinery's are skipped when counting `stacklevel`.
fn is_internal(filename: &str) -> bool {
    (filename.contains("importlib") && filename.contains("_bootstrap"))
        || filename.starts_with("<frozen _frozen_importlib")
}

/// Where a warning `stacklevel` frames up comes from: the globals, file name and line.
fn setup_context(vm: &mut Vm, stacklevel: i64) -> (Option<Rc<DictObject>>, String, i64) {
    let mut index = vm.frames.len().checked_sub(1);
    let mut level = stacklevel;
    let internal_at = |vm: &Vm, i: usize| is_internal(&vm.frames[i].code.filename);
    let plain = level <= 0 || index.is_some_and(|i| internal_at(vm, i));
    loop {
        level -= 1;
        if level <= 0 {
            break;
        }
        let Some(i) = index else { break };
        index = i.checked_sub(1);
        if !plain {
            while let Some(j) = index {
                if !internal_at(vm, j) {
                    break;
                }
                index = j.checked_sub(1);
            }
        }
    }
    match index {
        Some(i) => {
            let f = &vm.frames[i];
            let line = f.code.lines.get(f.pc.saturating_sub(1)).copied().unwrap_or(f.code.firstlineno);
            (Some(f.globals.clone()), f.code.filename.clone(), line as i64)
        }
        None => (None, "sys".into(), 1),
    }
}

fn do_warn(
    vm: &mut Vm,
    message: &Value,
    category: &Value,
    stacklevel: i64,
    source: Option<Value>,
) -> PyResult<()> {
    let (globals, filename, lineno) = setup_context(vm, stacklevel);
    let globals = match globals {
        Some(g) => g,
        None => match vm.modules.get_str("sys") {
            Some(Value::Module(m)) => m.dict.clone(),
            _ => Rc::new(DictObject::new()),
        },
    };
    let registry = match globals.get_str("__warningregistry__") {
        Some(r) => r,
        None => {
            let r = vm.new_dict(DictObject::new());
            globals.set_str("__warningregistry__", r.clone());
            r
        }
    };
    let module = match globals.get_str("__name__") {
        Some(m @ (Value::Str(_) | Value::None)) => m,
        _ => Value::str("<string>"),
    };
    warn_explicit(
        vm,
        category,
        message,
        &Value::str(&filename),
        lineno,
        Some(module),
        &registry,
        None,
        source,
    )
}

// ---- warn_explicit ----

fn warn_explicit_fn(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [message, category, filename, lineno, module, registry, module_globals, source] =
        crate::builtins::clinic(
            "warn_explicit",
            args,
            kwargs,
            ["message", "category", "filename", "lineno", "module", "registry", "module_globals", "source"],
            8,
            4,
        )?;
    let message = message.unwrap_or(Value::None);
    let category = category.unwrap_or(Value::None);
    let filename = filename.unwrap_or(Value::None);
    if !matches!(filename, Value::Str(_)) {
        return Err(PyErr::type_error(format!(
            "warn_explicit() argument 3 must be str, not {}",
            crate::modules::native_class::type_name_of(&filename)
        )));
    }
    let lineno = match lineno {
        Some(v) => crate::objects::args::cint_arg(vm, &v)?,
        None => 0,
    };
    let registry = registry.unwrap_or(Value::None);
    let sourceline = match module_globals {
        None | Some(Value::None) => None,
        Some(Value::Dict(g)) => source_line(vm, &g, lineno)?,
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "module_globals must be a dict, not '{}'",
                crate::modules::native_class::type_name_of(&other)
            )))
        }
    };
    let source = source.filter(|s| !matches!(s, Value::None));
    warn_explicit(vm, &category, &message, &filename, lineno, module, &registry, sourceline, source)?;
    Ok(Value::None)
}

/// Line `lineno` of the module whose globals are `g`, from its loader's `get_source`.
fn source_line(vm: &mut Vm, g: &DictObject, lineno: i64) -> PyResult<Option<String>> {
    let (Some(loader), Some(name)) = (g.get_str("__loader__"), g.get_str("__name__")) else {
        return Ok(None);
    };
    let get_source = vm.get_attr(&loader, "get_source")?;
    let source = vm.call_value(&get_source, vec![name], vec![])?;
    let Value::Str(text) = source else { return Ok(None) };
    let line =
        usize::try_from(lineno - 1).ok().and_then(|i| text.as_str().lines().nth(i)).map(str::to_string);
    Ok(line)
}

/// The module name a file name stands for: without `.py`, `<unknown>` if empty.
fn normalize_module(filename: &str) -> Value {
    match filename.strip_suffix(".py") {
        Some(m) => Value::str(m),
        None if filename.is_empty() => Value::str("<unknown>"),
        None => Value::str(filename),
    }
}

#[allow(clippy::too_many_arguments)]
fn warn_explicit(
    vm: &mut Vm,
    category: &Value,
    message: &Value,
    filename: &Value,
    lineno: i64,
    module: Option<Value>,
    registry: &Value,
    sourceline: Option<String>,
    source: Option<Value>,
) -> PyResult<()> {
    let registry = match registry {
        Value::Dict(d) => Some(d.clone()),
        Value::None => None,
        // CPython's registry bookkeeping fails quietly on other objects: nothing is shown.
        _ => return Ok(()),
    };
    let fname = match filename {
        Value::Str(s) => s.as_str().to_string(),
        _ => String::new(),
    };
    let module = module.unwrap_or_else(|| normalize_module(&fname));
    let warning = vm.exception_type(ExcKind::Warning);
    let (text, category, message) = match warning_instance_class(message, &warning) {
        Some(cls) => (Value::str(&vm.str(message)?), Value::Type(cls), message.clone()),
        None => {
            let instance = vm.call_value(category, vec![message.clone()], vec![])?;
            (message.clone(), category.clone(), instance)
        }
    };
    let key = Value::Tuple(Rc::new(vec![text.clone(), category.clone(), Value::Int(lineno)]));
    let st = state(vm)?;
    if let Some(reg) = &registry {
        if already_warned(vm, &st, reg, &key, false)? {
            return Ok(());
        }
    }
    let (action, item) = get_filter(vm, &st, &category, &text, lineno, &module)?;
    match action.as_str() {
        "error" => {
            return Err(match &message {
                Value::Exception(e) => PyErr::Raised(e.clone()),
                other => PyErr::Raised(Rc::new(ExceptionObject::new(warning, vec![other.clone()]))),
            })
        }
        "ignore" => return Ok(()),
        _ => {}
    }
    let mut already = false;
    if action != "always" {
        if let Some(reg) = &registry {
            dict_set(vm, reg, key.clone(), Value::Bool(true))?;
        }
        match action.as_str() {
            "once" => {
                let reg = match &registry {
                    Some(r) => r.clone(),
                    None => once_registry(vm, &st)?,
                };
                already = update_registry(vm, &st, &reg, &text, &category)?;
            }
            "module" => {
                if let Some(reg) = &registry {
                    already = update_registry(vm, &st, reg, &text, &category)?;
                }
            }
            "default" => {}
            _ => {
                let action_repr = vm.repr(&Value::str(&action))?;
                let item_repr = vm.repr(&item)?;
                return Err(PyErr::new(
                    ExcKind::RuntimeError,
                    format!("Unrecognized action ({action_repr}) in warnings.filters:\n {item_repr}"),
                ));
            }
        }
    }
    if already {
        return Ok(());
    }
    show(vm, &category, &text, &message, filename, lineno, sourceline, source)
}

/// Was `key` already shown under the current filters? Resets a registry made under older
/// filters; with `set`, records `key`.
fn already_warned(
    vm: &mut Vm,
    st: &DictObject,
    reg: &Rc<DictObject>,
    key: &Value,
    set: bool,
) -> PyResult<bool> {
    let version = filters_version(st);
    match reg.get_str("version") {
        Some(Value::Int(v)) if v == version => {
            if let Some(seen) = dict_get(vm, reg, key)? {
                if vm.truthy(&seen)? {
                    return Ok(true);
                }
            }
        }
        _ => {
            reg.clear();
            reg.set_str("version", Value::Int(version));
        }
    }
    if set {
        dict_set(vm, reg, key.clone(), Value::Bool(true))?;
    }
    Ok(false)
}

fn update_registry(
    vm: &mut Vm,
    st: &DictObject,
    reg: &Rc<DictObject>,
    text: &Value,
    category: &Value,
) -> PyResult<bool> {
    let alt = Value::Tuple(Rc::new(vec![text.clone(), category.clone()]));
    already_warned(vm, st, reg, &alt, true)
}

fn once_registry(vm: &mut Vm, st: &DictObject) -> PyResult<Rc<DictObject>> {
    let reg = warnings_attr(vm, "onceregistry").or_else(|| st.get_str("_onceregistry"));
    match reg {
        Some(Value::Dict(d)) => Ok(d),
        other => Err(PyErr::type_error(format!(
            "_warnings.onceregistry must be a dict, not '{}'",
            other.as_ref().map_or("NoneType".into(), crate::modules::native_class::type_name_of)
        ))),
    }
}

/// The action of the first matching filter (and the filter), or the default action.
fn get_filter(
    vm: &mut Vm,
    st: &DictObject,
    category: &Value,
    text: &Value,
    lineno: i64,
    module: &Value,
) -> PyResult<(String, Value)> {
    let filters = match warnings_attr(vm, "filters") {
        Some(f) => {
            st.set_str("filters", f.clone());
            f
        }
        None => st.get_str("filters").unwrap_or(Value::None),
    };
    let Value::List(list) = filters else {
        return Err(PyErr::value_error("_warnings.filters must be a list"));
    };
    let mut i = 0;
    loop {
        let item = match list.borrow().get(i) {
            Some(item) => item.clone(),
            None => break,
        };
        let parts = match &item {
            Value::Tuple(t) if t.len() == 5 => t.clone(),
            _ => return Err(PyErr::value_error(format!("_warnings.filters item {i} isn't a 5-tuple"))),
        };
        let action = match &parts[0] {
            Value::Str(s) => s.as_str().to_string(),
            other => {
                return Err(PyErr::type_error(format!(
                    "action must be a string, not '{}'",
                    crate::modules::native_class::type_name_of(other)
                )))
            }
        };
        let good_msg = check_matched(vm, &parts[1], text)?;
        let is_subclass = match (&parts[2], category) {
            (Value::Type(cat), Value::Type(c)) => c.is_subclass(cat),
            (cat, c) => {
                let issubclass = vm.builtins.get_str("issubclass").unwrap_or(Value::None);
                let r = vm.call_value(&issubclass, vec![c.clone(), cat.clone()], vec![])?;
                vm.truthy(&r)?
            }
        };
        let good_mod = check_matched(vm, &parts[3], module)?;
        let ln = crate::objects::args::ssize_arg(vm, &parts[4])?;
        if good_msg && is_subclass && good_mod && (ln == 0 || ln == lineno) {
            return Ok((action, item));
        }
        i += 1;
    }
    let action = warnings_attr(vm, "defaultaction").or_else(|| st.get_str("_defaultaction"));
    match action {
        Some(Value::Str(s)) => Ok((s.as_str().to_string(), Value::None)),
        other => Err(PyErr::type_error(format!(
            "_warnings.defaultaction must be a string, not '{}'",
            other.as_ref().map_or("NoneType".into(), crate::modules::native_class::type_name_of)
        ))),
    }
}

/// A filter's message or module part: None matches anything, a plain str must be equal, and
/// anything else is a compiled pattern whose `match` decides.
fn check_matched(vm: &mut Vm, pattern: &Value, arg: &Value) -> PyResult<bool> {
    match pattern {
        Value::None => Ok(true),
        Value::Str(p) => Ok(matches!(arg, Value::Str(a) if a.as_str() == p.as_str())),
        _ => {
            let m = vm.get_attr(pattern, "match")?;
            let r = vm.call_value(&m, vec![arg.clone()], vec![])?;
            vm.truthy(&r)
        }
    }
}

// ---- showing ----

#[allow(clippy::too_many_arguments)]
fn show(
    vm: &mut Vm,
    category: &Value,
    text: &Value,
    message: &Value,
    filename: &Value,
    lineno: i64,
    sourceline: Option<String>,
    source: Option<Value>,
) -> PyResult<()> {
    if source.is_some() && warnings_attr(vm, "_showwarnmsg").is_none() {
        vm.import_module("warnings")?;
    }
    if let Some(show_fn) = warnings_attr(vm, "_showwarnmsg") {
        if !crate::builtins::functions::is_callable(vm, &show_fn) {
            return Err(PyErr::type_error("warnings._showwarnmsg() must be set to a callable"));
        }
        let Some(cls) = warnings_attr(vm, "WarningMessage") else {
            return Err(PyErr::new(ExcKind::RuntimeError, "unable to get warnings.WarningMessage"));
        };
        let msg = vm.call_value(
            &cls,
            vec![
                message.clone(),
                category.clone(),
                filename.clone(),
                Value::Int(lineno),
                Value::None,
                Value::None,
                source.unwrap_or(Value::None),
            ],
            vec![],
        )?;
        vm.call_value(&show_fn, vec![msg], vec![])?;
        return Ok(());
    }
    // `warnings` is not imported: print as the C code does.
    let name = match category {
        Value::Type(t) => t.name.to_string(),
        _ => "Warning".into(),
    };
    let fname = vm.str(filename)?;
    let mut out = format!("{fname}:{lineno}: {name}: {}\n", vm.str(text)?);
    let line = match sourceline {
        Some(l) => Some(l),
        None => std::fs::read(&fname).ok().and_then(|bytes| {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            usize::try_from(lineno - 1).ok().and_then(|i| text.lines().nth(i).map(str::to_string))
        }),
    };
    if let Some(l) = line {
        out.push_str("  ");
        out.push_str(l.trim());
        out.push('\n');
    }
    let stderr = match vm.modules.get_str("sys") {
        Some(Value::Module(m)) => m.dict.get_str("stderr"),
        _ => None,
    };
    match stderr {
        Some(f) if !matches!(f, Value::None) => {
            let write = vm.get_attr(&f, "write")?;
            vm.call_value(&write, vec![Value::str(&out)], vec![])?;
        }
        _ => eprint!("{out}"),
    }
    Ok(())
}
