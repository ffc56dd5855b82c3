//! `sys`: the interpreter's own state as Python sees it.

use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::types::{InstanceObject, TypeObject};
use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

/// A simple namespace object (`sys.implementation`, ...): an instance with attributes.
fn namespace(vm: &Vm, type_name: &str, attrs: &[(&str, Value)]) -> Value {
    let class = Rc::new(TypeObject::builtin(type_name, Some(vm.types.object.clone()), None));
    let dict = DictObject::new();
    for (k, v) in attrs {
        dict.set_str(k, v.clone());
    }
    Value::Instance(Rc::new(InstanceObject::with_dict(class, dict)))
}

/// `sys.exit([code])` raises SystemExit(code).
fn exit(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let class = vm.exception_type(ExcKind::SystemExit);
    Err(PyErr::Raised(Rc::new(crate::exceptions::ExceptionObject::new(
        class,
        args.iter().take(1).cloned().collect(),
    ))))
}

pub fn init(vm: &mut Vm, dict: &DictObject) {
    let argv: Vec<Value> = vm.argv.iter().map(|a| Value::str(a)).collect();
    dict.set_str("argv", Value::List(Rc::new(RefCell::new(argv))));
    dict.set_str("maxsize", Value::Int(i64::MAX));
    dict.set_str("byteorder", Value::str("little"));
    dict.set_str("platform", Value::str("linux"));
    dict.set_str("version", Value::str("3.11.7 (kaa)"));
    dict.set_str("hexversion", Value::Int(0x030B07F0));
    dict.set_str(
        "version_info",
        Value::Tuple(Rc::new(vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(7),
            Value::str("final"),
            Value::Int(0),
        ])),
    );
    let implementation = namespace(
        vm,
        "SimpleNamespace",
        &[
            ("name", Value::str("kaa")),
            ("cache_tag", Value::str("kaa-311")),
            ("version", Value::Tuple(Rc::new(vec![Value::Int(0), Value::Int(1), Value::Int(0)]))),
        ],
    );
    dict.set_str("implementation", implementation);
    dict.set_str("modules", Value::Dict(vm.modules.clone()));
    let mut builtin_names: Vec<&str> = super::NATIVE.to_vec();
    builtin_names.sort_unstable();
    let builtin_names = builtin_names.into_iter().map(Value::str).collect();
    dict.set_str("builtin_module_names", Value::Tuple(Rc::new(builtin_names)));
    let mut path = vm.config.path.clone();
    if let Some(lib) = &vm.imports.stdlib {
        path.push(lib.to_string_lossy().into_owned());
    }
    dict.set_str("path", Value::List(Rc::new(RefCell::new(path.iter().map(|p| Value::str(p)).collect()))));
    let empty_list = || Value::List(Rc::new(RefCell::new(Vec::new())));
    dict.set_str("meta_path", empty_list());
    dict.set_str("path_hooks", empty_list());
    dict.set_str("path_importer_cache", Value::Dict(Rc::new(DictObject::new())));
    dict.set_str("dont_write_bytecode", Value::Bool(vm.config.flags.dont_write_bytecode != 0));
    let prefix = vm.import_settings().pycache_prefix;
    dict.set_str("pycache_prefix", prefix.map_or(Value::None, |p| Value::str(&p.to_string_lossy())));
    super::sys_config::install(vm, dict);
    super::sys_os::install(vm, dict);
    super::add_functions(
        dict,
        &[
            ("exit", |vm, a, _| exit(vm, a)),
            ("getrecursionlimit", |vm, _, _| Ok(Value::Int(vm.recursion_limit as i64))),
            ("setrecursionlimit", |vm, a, _| match a.first() {
                Some(Value::Int(n)) if *n >= 1 => {
                    vm.recursion_limit = *n as usize;
                    Ok(Value::None)
                }
                Some(Value::Int(_)) => {
                    Err(PyErr::value_error("recursion limit must be greater or equal than 1"))
                }
                _ => Err(PyErr::type_error("an integer is required")),
            }),
            ("get_int_max_str_digits", |_, _, _| Ok(Value::Int(crate::builtins::int_limit::get() as i64))),
            ("set_int_max_str_digits", set_int_max_str_digits),
            // Kaa's file names and str defaults are UTF-8 in every mode.
            ("getdefaultencoding", |_, _, _| Ok(Value::str("utf-8"))),
            ("getfilesystemencoding", |_, _, _| Ok(Value::str("utf-8"))),
            ("getfilesystemencodeerrors", |_, _, _| Ok(Value::str("surrogateescape"))),
            ("intern", |_, a, _| Ok(a.first().cloned().unwrap_or(Value::None))),
            ("exc_info", |vm, _, _| Ok(vm.exc_info())),
            ("_getframe", |vm, a, _| vm.getframe(a.first().unwrap_or(&Value::Int(0)))),
        ],
    );
}

/// `sys.set_int_max_str_digits(maxdigits)`.
fn set_int_max_str_digits(
    _: &mut Vm,
    args: &[Value],
    kwargs: &[(crate::objects::str::Name, Value)],
) -> PyResult<Value> {
    let given = args.len() + kwargs.len();
    if given > 1 {
        return Err(PyErr::type_error(format!(
            "set_int_max_str_digits() takes at most 1 argument ({given} given)"
        )));
    }
    let value = match (args.first(), kwargs.first()) {
        (Some(v), _) => v.clone(),
        (None, Some((k, v))) if k.as_str() == "maxdigits" => v.clone(),
        (None, Some((k, _))) => {
            return Err(PyErr::type_error(format!(
                "set_int_max_str_digits() got an unexpected keyword argument '{}'",
                k.as_str()
            )))
        }
        (None, None) => {
            return Err(PyErr::type_error(
                "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)",
            ))
        }
    };
    let n = match value {
        Value::Int(n) => n,
        Value::Bool(b) => i64::from(b),
        Value::BigInt(_) => -1,
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )))
        }
    };
    crate::builtins::int_limit::set(n)?;
    Ok(Value::None)
}

/// `sys.stdin`/`stdout`/`stderr` (and their `__x__` twins). Made once `sys` is registered: an
/// encoding from PYTHONIOENCODING that only the codec registry knows imports `encodings`, which
/// imports `sys`.
pub(crate) fn install_streams(vm: &mut Vm, dict: &DictObject) {
    for (fd, name) in [(0, "stdin"), (1, "stdout"), (2, "stderr")] {
        match super::io::console_stream(vm, fd) {
            Ok(stream) => {
                dict.set_str(name, stream.clone());
                dict.set_str(&format!("__{name}__"), stream);
            }
            Err(e) => stdio_failed(vm, e),
        }
    }
}

/// The standard streams cannot be made (PYTHONIOENCODING names an unknown or non-text codec):
/// CPython stops with a fatal error, and so does Kaa, in the same words.
#[cold]
fn stdio_failed(vm: &mut Vm, e: PyErr) -> ! {
    let exc = Value::Exception(vm.materialize(e));
    let kind = exc.type_name().to_string();
    let text = vm.str(&exc).unwrap_or_default();
    let step = if text.starts_with("unknown encoding") {
        "init_stdio_encoding: failed to get the Python codec name of the stdio encoding"
    } else {
        "init_sys_streams: can't initialize sys standard streams"
    };
    // SAFETY: plain library call.
    let thread = unsafe { libc::pthread_self() } as u64;
    let _ = std::io::Write::flush(&mut vm.stdout);
    eprintln!(
        "Fatal Python error: {step}\nPython runtime state: core initialized\n{kind}: {text}\n\n\
         Current thread 0x{thread:016x} (most recent call first):\n  <no Python frame>"
    );
    std::process::exit(1)
}
