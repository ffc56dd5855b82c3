//! Behaviour of exception objects: construction (OSError's errno mapping, the keyword arguments
//! of NameError/AttributeError/ImportError, exception groups), `str`/`repr`, `add_note`,
//! `with_traceback`, and the attributes CPython keeps outside `__dict__`.

use crate::exceptions::{ExcKind, ExceptionObject, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::function::{BuiltinFunction, NativeFn};
use crate::objects::str::Name;
use crate::objects::types::TypeObject;
use crate::value::Value;
use std::rc::Rc;

/// The OSError subclass CPython picks for an errno (Linux numbering).
pub(crate) fn os_error_subclass(errno: i64) -> Option<ExcKind> {
    Some(match errno {
        11 | 114 | 115 => ExcKind::BlockingIOError,
        10 => ExcKind::ChildProcessError,
        32 | 108 => ExcKind::BrokenPipeError,
        103 => ExcKind::ConnectionAbortedError,
        111 => ExcKind::ConnectionRefusedError,
        104 => ExcKind::ConnectionResetError,
        17 => ExcKind::FileExistsError,
        2 => ExcKind::FileNotFoundError,
        21 => ExcKind::IsADirectoryError,
        20 => ExcKind::NotADirectoryError,
        4 => ExcKind::InterruptedError,
        1 | 13 => ExcKind::PermissionError,
        3 => ExcKind::ProcessLookupError,
        110 => ExcKind::TimeoutError,
        _ => return None,
    })
}

/// The keyword arguments an exception kind accepts (stored as members).
fn keyword_members(class: &Rc<TypeObject>, vm: &Vm) -> &'static [&'static str] {
    let is = |k: ExcKind| class.is_subclass(&vm.exception_type(k));
    if is(ExcKind::ImportError) {
        &["name", "path"]
    } else if is(ExcKind::AttributeError) {
        &["name", "obj"]
    } else if is(ExcKind::NameError) {
        &["name"]
    } else {
        &[]
    }
}

impl Vm {
    /// `BaseException.__new__(class, *args, **kwargs)` for every built-in kind.
    pub fn new_exception(
        &mut self,
        class: &Rc<TypeObject>,
        args: Vec<Value>,
        kwargs: &[(Name, Value)],
    ) -> PyResult<Rc<ExceptionObject>> {
        if crate::exception_group::is_group_class(class) {
            let group = self.new_exception_group(class, args)?;
            if !kwargs.is_empty() && !class.is_heap_type {
                return Err(PyErr::type_error(format!("{}() takes no keyword arguments", group.class.name)));
            }
            return Ok(group);
        }
        let allowed = keyword_members(class, self);
        for (k, _) in kwargs {
            if allowed.is_empty() {
                // A subclass with its own __init__ may take keywords; only the bare kind refuses.
                if class.is_heap_type {
                    continue;
                }
                return Err(PyErr::type_error(format!("{}() takes no keyword arguments", class.name)));
            }
            if !allowed.contains(&k.as_str()) && !class.is_heap_type {
                return Err(PyErr::type_error(format!(
                    "'{}' is an invalid keyword argument for {}()",
                    k.as_str(),
                    class.name
                )));
            }
        }
        let os_error = self.exception_type(ExcKind::OSError);
        let exc = if class.is_subclass(&os_error) {
            self.new_os_error(class, args)
        } else {
            let exc = ExceptionObject::new(class.clone(), args);
            if class.is_subclass(&self.exception_type(ExcKind::ImportError)) {
                // `msg` is the argument when there is exactly one.
                let msg = match exc.args.borrow().as_slice() {
                    [only] => only.clone(),
                    _ => Value::None,
                };
                exc.set_member("msg", msg);
            }
            crate::unicode_errors::init_members(self, &exc)?;
            crate::syntax_errors::init_members(self, &exc)?;
            exc
        };
        for (k, v) in kwargs {
            if let Some(name) = allowed.iter().find(|n| **n == k.as_str()) {
                exc.set_member(name, v.clone());
            }
        }
        Ok(Rc::new(exc))
    }

    /// `OSError(errno, strerror[, filename[, winerror[, filename2]]])`: the errno picks the
    /// subclass when the class is OSError itself; with a filename only two args are kept.
    fn new_os_error(&mut self, class: &Rc<TypeObject>, mut args: Vec<Value>) -> ExceptionObject {
        let mut class = class.clone();
        let n = args.len();
        if !(2..=5).contains(&n) {
            return ExceptionObject::new(class, args);
        }
        if class.exception == Some(ExcKind::OSError) && !class.is_heap_type {
            if let Some(kind) = os_error_subclass(match args[0] {
                Value::Int(i) => i,
                _ => -1,
            }) {
                class = self.exception_type(kind);
            }
        }
        let errno = args[0].clone();
        let strerror = args[1].clone();
        let filename = args.get(2).cloned();
        let filename2 = args.get(4).cloned();
        if filename.is_some() {
            args.truncate(2);
        }
        let exc = ExceptionObject::new(class, args);
        exc.set_member("errno", errno);
        exc.set_member("strerror", strerror);
        if let Some(f) = filename {
            exc.set_member("filename", f);
        }
        if let Some(f) = filename2 {
            exc.set_member("filename2", f);
        }
        exc
    }

    /// `BaseException.__str__` (and the forms its built-in subclasses give it).
    pub fn exception_str(&mut self, e: &Rc<ExceptionObject>) -> PyResult<String> {
        if let Some(members) = e.group.borrow().clone() {
            let message = e.args.borrow().first().cloned().unwrap_or_else(|| Value::str(""));
            let message = self.str(&message)?;
            let n = members.len();
            return Ok(format!("{message} ({n} sub-exception{})", if n == 1 { "" } else { "s" }));
        }
        if let Some(message) = crate::unicode_errors::message(self, e)? {
            return Ok(message);
        }
        if let Some(message) = crate::syntax_errors::message(self, e)? {
            return Ok(message);
        }
        if e.class.is_subclass(&self.exception_type(ExcKind::OSError)) {
            let given = |v: Option<Value>| v.filter(|v| !matches!(v, Value::None));
            let errno = given(e.member("errno"));
            let strerror = given(e.member("strerror"));
            if let Some(filename) = given(e.member("filename")) {
                let errno = self.str(&errno.unwrap_or(Value::None))?;
                let strerror = self.str(&strerror.unwrap_or(Value::None))?;
                let filename = self.repr(&filename)?;
                return Ok(match given(e.member("filename2")) {
                    Some(f2) => format!("[Errno {errno}] {strerror}: {filename} -> {}", self.repr(&f2)?),
                    None => format!("[Errno {errno}] {strerror}: {filename}"),
                });
            }
            if let (Some(errno), Some(strerror)) = (errno, strerror) {
                return Ok(format!("[Errno {}] {}", self.str(&errno)?, self.str(&strerror)?));
            }
        }
        let args = e.args.borrow().clone();
        match args.len() {
            0 => Ok(String::new()),
            // A KeyError shows its key's repr: KeyError: 'k'.
            1 if e.class.is_subclass(&self.exception_type(ExcKind::KeyError)) => self.repr(&args[0]),
            1 => self.str(&args[0]),
            _ => self.repr(&Value::Tuple(Rc::new(args))),
        }
    }

    /// `BaseException.__repr__`: `Name(arg, ...)`.
    pub fn exception_repr(&mut self, e: &Rc<ExceptionObject>) -> PyResult<String> {
        let args = e.args.borrow().clone();
        let mut parts = Vec::with_capacity(args.len());
        for a in &args {
            parts.push(self.repr(a)?);
        }
        Ok(format!("{}({})", e.class.name, parts.join(", ")))
    }

    /// Attributes of exceptions found neither in their `__dict__` nor their class.
    pub(crate) fn exception_attr(&mut self, e: &Rc<ExceptionObject>, name: &str) -> Option<Value> {
        if let Some(v) = e.member(name) {
            return Some(v);
        }
        let is = |vm: &Vm, k: ExcKind| e.class.is_subclass(&vm.exception_type(k));
        Some(match name {
            "__traceback__" => e.traceback.borrow().clone().map_or(Value::None, Value::Traceback),
            "message" if e.group.borrow().is_some() => {
                e.args.borrow().first().cloned().unwrap_or(Value::None)
            }
            "exceptions" => Value::Tuple(e.group.borrow().clone()?.as_ref().clone().into()),
            "errno" | "strerror" | "filename" | "filename2" if is(self, ExcKind::OSError) => Value::None,
            "name" if is(self, ExcKind::NameError) => match &*e.suggest.borrow() {
                Some(crate::exceptions::SuggestFrom::Names { name, .. }) => Value::str(name),
                _ => Value::None,
            },
            "name" | "obj" if is(self, ExcKind::AttributeError) => match &*e.suggest.borrow() {
                Some(crate::exceptions::SuggestFrom::Attribute { obj, name: n }) => {
                    if name == "name" {
                        Value::str(n)
                    } else {
                        obj.clone()
                    }
                }
                _ => Value::None,
            },
            "name" | "path" | "msg" if is(self, ExcKind::ImportError) => Value::None,
            _ => return None,
        })
    }

    /// `exc.name = value` for the attributes that are not plain `__dict__` entries; false when
    /// `name` is an ordinary attribute.
    pub(crate) fn set_exception_attr(
        &mut self,
        e: &Rc<ExceptionObject>,
        name: &str,
        value: Value,
    ) -> PyResult<bool> {
        let as_exception = |v: &Value, what: &str| -> PyResult<Option<Rc<ExceptionObject>>> {
            match v {
                Value::None => Ok(None),
                Value::Exception(x) => Ok(Some(x.clone())),
                _ => Err(PyErr::type_error(format!(
                    "exception {what} must be None or derive from BaseException"
                ))),
            }
        };
        match name {
            "__traceback__" => {
                *e.traceback.borrow_mut() = match value {
                    Value::None => None,
                    Value::Traceback(t) => Some(t),
                    _ => return Err(PyErr::type_error("__traceback__ must be a traceback or None")),
                }
            }
            "__cause__" => {
                *e.cause.borrow_mut() = as_exception(&value, "cause")?;
                e.suppress_context.set(true);
            }
            "__context__" => *e.context.borrow_mut() = as_exception(&value, "context")?,
            "__suppress_context__" => {
                let b = self.truthy(&value)?;
                e.suppress_context.set(b);
            }
            "args" => *e.args.borrow_mut() = self.collect_iterable(&value)?,
            _ => {
                let known = e.members.borrow().iter().find(|(n, _)| *n == name).map(|(n, _)| *n);
                let member = known.or(match name {
                    "errno" => Some("errno"),
                    "strerror" => Some("strerror"),
                    "filename" => Some("filename"),
                    "filename2" => Some("filename2"),
                    _ => None,
                });
                match member {
                    Some(m)
                        if e.class.is_subclass(&self.exception_type(ExcKind::OSError)) || known.is_some() =>
                    {
                        e.set_member(m, value)
                    }
                    _ => return Ok(false),
                }
            }
        }
        Ok(true)
    }
}

fn exception_self(a: &[Value]) -> PyResult<Rc<ExceptionObject>> {
    match a.first() {
        Some(Value::Exception(e)) => Ok(e.clone()),
        _ => Err(PyErr::type_error("descriptor requires a 'BaseException' object")),
    }
}

/// BaseException's methods besides `__init__`, stored in its type dict.
pub fn install_methods(dict: &DictObject) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__str__", |vm, a, _| {
            let e = exception_self(a)?;
            Ok(Value::str(&vm.exception_str(&e)?))
        }),
        ("__repr__", |vm, a, _| {
            let e = exception_self(a)?;
            Ok(Value::str(&vm.exception_repr(&e)?))
        }),
        ("add_note", |vm, a, _| {
            let e = exception_self(a)?;
            let note = match a.get(1) {
                Some(n @ Value::Str(_)) => n.clone(),
                Some(other) => {
                    return Err(PyErr::type_error(format!("note must be a str, not '{}'", other.type_name())))
                }
                None => {
                    return Err(PyErr::type_error(
                        "BaseException.add_note() takes exactly one argument (0 given)",
                    ))
                }
            };
            match vm.get_attr(&Value::Exception(e.clone()), "__notes__") {
                Ok(Value::List(l)) => l.borrow_mut().push(note),
                Ok(_) => return Err(PyErr::type_error("Cannot add note: __notes__ is not a list")),
                Err(_) => {
                    e.dict.set_str("__notes__", Value::List(Rc::new(std::cell::RefCell::new(vec![note]))))
                }
            }
            Ok(Value::None)
        }),
        ("with_traceback", |vm, a, _| {
            let e = exception_self(a)?;
            let tb = a.get(1).cloned().unwrap_or(Value::None);
            vm.set_exception_attr(&e, "__traceback__", tb)?;
            Ok(Value::Exception(e))
        }),
    ];
    for (name, func) in methods {
        dict.set_str(
            name,
            Value::Builtin(Rc::new(BuiltinFunction { name, func: *func, bound_self: None, is_method: true })),
        );
    }
}
