//! Running the import: native modules first, then a spec from `sys.meta_path` and the frozen
//! `_frozen_importlib` (whose `_load_unlocked` creates, registers and executes the module); and
//! `_kaa_imp`, the native functions that Python half calls.

use super::{cache, finder, import_error, str_of};
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::{RunError, Vm};
use crate::objects::dict::DictObject;
use crate::objects::str::Name;
use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

/// Modules written in Python and compiled into Kaa: (name, source, is a package).
const FROZEN: &[(&str, &str, bool)] = &[
    ("_frozen_importlib", include_str!("frozen/bootstrap.py"), false),
    ("importlib", include_str!("frozen/importlib.py"), true),
    ("importlib.util", include_str!("frozen/importlib_util.py"), false),
    ("importlib.machinery", include_str!("frozen/importlib_machinery.py"), false),
];

fn frozen(name: &str) -> Option<&'static (&'static str, &'static str, bool)> {
    FROZEN.iter().find(|(n, _, _)| *n == name)
}

/// A fresh module object, its namespace holding what `ModuleType(name)` sets.
pub fn new_module(name: &str) -> Value {
    let dict = Rc::new(DictObject::new());
    dict.set_str("__name__", Value::str(name));
    dict.set_str("__doc__", Value::None);
    dict.set_str("__package__", Value::None);
    dict.set_str("__loader__", Value::None);
    dict.set_str("__spec__", Value::None);
    Value::Module(Rc::new(crate::modules::ModuleObject { name: name.to_string(), dict }))
}

/// `module(name, doc=None)`, the type of modules (`types.ModuleType`).
pub fn module_constructor(_vm: &mut Vm, args: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    match args.first() {
        Some(Value::Str(s)) => {
            let m = new_module(s.as_str());
            if let (Value::Module(m), Some(doc)) = (&m, args.get(1)) {
                m.dict.set_str("__doc__", doc.clone());
            }
            Ok(m)
        }
        Some(other) => Err(PyErr::type_error(format!(
            "module.__init__() argument 'name' must be str, not {}",
            other.type_name()
        ))),
        None => Err(PyErr::type_error("module.__init__() missing required argument 'name' (pos 1)")),
    }
}

/// `repr(module)`.
pub fn module_repr(m: &crate::modules::ModuleObject) -> String {
    let name = m.dict.get_str("__name__").and_then(|v| str_of(&v)).unwrap_or_else(|| "?".into());
    if let Some(Value::Str(file)) = m.dict.get_str("__file__") {
        return format!("<module '{name}' from '{}'>", file.as_str());
    }
    if crate::modules::is_native(&name) {
        return format!("<module '{name}' (built-in)>");
    }
    if frozen(&name).is_some() {
        return format!("<module '{name}' (frozen)>");
    }
    if let Some(Value::List(_)) = m.dict.get_str("__path__") {
        return format!("<module '{name}' (namespace)>");
    }
    format!("<module '{name}'>")
}

/// Is `module` still running its body (its spec's `_initializing` flag)?
pub fn is_initializing(vm: &mut Vm, module: &Value) -> bool {
    let spec = match module {
        // Straight from the namespace: a missing __spec__ must not recurse into this check.
        Value::Module(m) => m.dict.get_str("__spec__"),
        other => vm.get_attr(other, "__spec__").ok(),
    };
    let Some(spec) = spec else { return false };
    if matches!(spec, Value::None) {
        return false;
    }
    match vm.get_attr(&spec, "_initializing") {
        Ok(v) => vm.truthy(&v).unwrap_or(false),
        Err(_) => false,
    }
}

/// Runs `code` as the body of a module whose namespace is `dict`.
fn exec_in(vm: &mut Vm, code: Rc<kaa_bytecode::CodeObject>, dict: &Rc<DictObject>) -> PyResult<()> {
    if dict.get_str("__builtins__").is_none() {
        dict.set_str("__builtins__", Value::Dict(vm.builtins.clone()));
    }
    vm.run_module(code, dict.clone()).map(|_| ()).map_err(|RunError::Exception(e)| PyErr::Raised(e))
}

fn module_dict(vm: &mut Vm, module: &Value) -> PyResult<Rc<DictObject>> {
    match module {
        Value::Module(m) => Ok(m.dict.clone()),
        other => match vm.get_attr(other, "__dict__")? {
            Value::Dict(d) => Ok(d),
            _ => Err(PyErr::type_error("module has no __dict__")),
        },
    }
}

impl Vm {
    /// A module attribute that is not in its namespace: the module's `__getattr__` (PEP 562), or
    /// AttributeError (saying so when the module is still being imported).
    #[cold]
    pub(crate) fn module_attr_missing(
        &mut self,
        obj: &Value,
        m: &crate::modules::ModuleObject,
        name: &str,
    ) -> PyResult<Value> {
        if let Some(hook) = m.dict.get_str("__getattr__") {
            return self.call_value(&hook, vec![Value::str(name)], Vec::new());
        }
        let module_name = m.dict.get_str("__name__").and_then(|v| str_of(&v));
        let msg = match module_name {
            Some(n) if is_initializing(self, obj) => format!(
                "partially initialized module '{n}' has no attribute '{name}' (most likely due to a circular import)"
            ),
            Some(n) => format!("module '{n}' has no attribute '{name}'"),
            None => format!("module has no attribute '{name}'"),
        };
        Err(self.attribute_error(obj, name, msg))
    }

    /// The namespace of `_frozen_importlib`, loading it the first time.
    fn bootstrap(&mut self) -> PyResult<Rc<DictObject>> {
        if let Some(b) = &self.imports.bootstrap {
            return Ok(b.clone());
        }
        self.import_module("sys")?;
        let module = new_module("_frozen_importlib");
        let Value::Module(m) = &module else { unreachable!("new_module makes a module") };
        let dict = m.dict.clone();
        self.imports.bootstrap = Some(dict.clone());
        self.modules.set_str("_frozen_importlib", module.clone());
        self.modules.set_str("_frozen_importlib_external", module.clone());
        let code = compile_frozen(self, "_frozen_importlib")?;
        if let Err(e) = exec_in(self, code, &dict) {
            self.imports.bootstrap = None;
            return Err(e);
        }
        Ok(dict)
    }

    fn bootstrap_function(&mut self, name: &str) -> PyResult<Value> {
        let b = self.bootstrap()?;
        b.get_str(name)
            .ok_or_else(|| PyErr::new(ExcKind::SystemError, format!("_frozen_importlib.{name} is missing")))
    }

    /// A spec for `name` from the finders on `sys.meta_path` (`path` is the parent's
    /// `__path__` for a submodule).
    pub(crate) fn find_spec(&mut self, name: &str, path: Option<&Value>) -> PyResult<Option<Value>> {
        let f = self.bootstrap_function("_find_spec")?;
        let spec =
            self.call_value(&f, vec![Value::str(name), path.cloned().unwrap_or(Value::None)], Vec::new())?;
        Ok(if matches!(spec, Value::None) { None } else { Some(spec) })
    }

    /// Creates, registers and runs the module `spec` describes.
    pub(crate) fn load_from_spec(&mut self, _name: &str, spec: &Value) -> PyResult<Value> {
        let f = self.bootstrap_function("_load_unlocked")?;
        self.call_value(&f, vec![spec.clone()], Vec::new())
    }

    /// The native module `name`, built and registered, if Kaa has one: these take precedence
    /// over files of the same name, as CPython's built-in modules do.
    pub(crate) fn load_native(&mut self, name: &str) -> PyResult<Option<Value>> {
        let Some(m) = crate::modules::create(self, name) else { return Ok(None) };
        self.modules.set_str(name, m.clone());
        if name == "sys" {
            if let Value::Module(md) = &m {
                crate::modules::sys::install_streams(self, &md.dict);
            }
        }
        if self.config.flags.verbose > 0 {
            super::trace::verbose_builtin(name);
        }
        if name != "sys" && name != "_kaa_imp" {
            if let Some(b) = self.imports.bootstrap.clone() {
                if let Some(class) = b.get_str("BuiltinImporter") {
                    let spec = self.call_value(
                        &b.get_str("ModuleSpec").unwrap_or(Value::None),
                        vec![Value::str(name), class.clone()],
                        Vec::new(),
                    );
                    if let (Value::Module(md), Ok(spec)) = (&m, spec) {
                        md.dict.set_str("__loader__", class);
                        md.dict.set_str("__spec__", spec);
                    }
                }
            }
        }
        Ok(Some(m))
    }
}

fn compile_frozen(vm: &mut Vm, name: &str) -> PyResult<Rc<kaa_bytecode::CodeObject>> {
    let (_, source, _) = frozen(name)
        .ok_or_else(|| PyErr::new(ExcKind::ImportError, format!("No such frozen object named '{name}'")))?;
    cache::compile_text(vm, source, &format!("<frozen {name}>"))
}

fn arg_str(args: &[Value], i: usize, func: &str) -> PyResult<String> {
    match args.get(i) {
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        Some(other) => Err(PyErr::type_error(format!(
            "{func}() argument {} must be str, not {}",
            i + 1,
            other.type_name()
        ))),
        None => Err(PyErr::type_error(format!("{func}() missing required argument {}", i + 1))),
    }
}

fn list_of(items: Vec<String>) -> Value {
    Value::List(Rc::new(RefCell::new(items.iter().map(|s| Value::str(s)).collect())))
}

/// `_kaa_imp`: the native functions `_frozen_importlib` and `importlib` call.
pub fn init_kaa_imp(_vm: &mut Vm, dict: &DictObject) {
    dict.set_str(
        "MAGIC_NUMBER",
        Value::str(&format!("{:08x}", kaa_bytecode::cache_file::bytecode_version())),
    );
    crate::modules::add_functions(
        dict,
        &[
            ("is_builtin", |_, a, _| {
                Ok(Value::Bool(crate::modules::is_native(&arg_str(a, 0, "is_builtin")?)))
            }),
            ("create_builtin", |vm, a, _| {
                let name = arg_str(a, 0, "create_builtin")?;
                if let Some(m) = vm.modules.get_str(&name) {
                    return Ok(m);
                }
                crate::modules::create(vm, &name).ok_or_else(|| {
                    import_error(
                        vm,
                        ExcKind::ImportError,
                        format!("no built-in module named {name}"),
                        Some(&name),
                        None,
                    )
                })
            }),
            ("is_frozen", |_, a, _| Ok(Value::Bool(frozen(&arg_str(a, 0, "is_frozen")?).is_some()))),
            ("is_frozen_package", |_, a, _| {
                Ok(Value::Bool(frozen(&arg_str(a, 0, "is_frozen_package")?).is_some_and(|f| f.2)))
            }),
            ("exec_frozen", |vm, a, _| {
                let name = arg_str(a, 1, "exec_frozen")?;
                let module = a.first().cloned().unwrap_or(Value::None);
                let dict = module_dict(vm, &module)?;
                if frozen(&name).is_some_and(|f| f.2) && dict.get_str("__path__").is_none() {
                    dict.set_str("__path__", list_of(Vec::new()));
                }
                let code = compile_frozen(vm, &name)?;
                exec_in(vm, code, &dict)?;
                Ok(Value::None)
            }),
            ("find_in_path", |vm, a, _| {
                let name = arg_str(a, 0, "find_in_path")?;
                let entries = match a.get(1) {
                    None | Some(Value::None) => {
                        let sys = vm.sys_dict()?;
                        sys.get_str("path").unwrap_or(Value::None)
                    }
                    Some(p) => p.clone(),
                };
                let entries: Vec<String> = vm.collect_iterable(&entries)?.iter().filter_map(str_of).collect();
                let tail = name.rsplit('.').next().unwrap_or(&name);
                Ok(match finder::search(&entries, tail) {
                    None => Value::None,
                    Some(finder::Found::Module(p)) => {
                        Value::Tuple(Rc::new(vec![Value::str("module"), Value::str(&p)]))
                    }
                    Some(finder::Found::Package(p)) => {
                        Value::Tuple(Rc::new(vec![Value::str("package"), Value::str(&p)]))
                    }
                    Some(finder::Found::Namespace(dirs)) => {
                        Value::Tuple(Rc::new(vec![Value::str("namespace"), list_of(dirs)]))
                    }
                })
            }),
            ("exec_source", |vm, a, _| {
                let path = arg_str(a, 1, "exec_source")?;
                let module = a.first().cloned().unwrap_or(Value::None);
                let dict = module_dict(vm, &module)?;
                let code = cache::get_code(vm, &path)?;
                exec_in(vm, code, &dict)?;
                Ok(Value::None)
            }),
            ("get_code", |vm, a, _| {
                let path = arg_str(a, 0, "get_code")?;
                Ok(Value::Code(cache::get_code(vm, &path)?))
            }),
            ("cache_from_source", |vm, a, _| {
                let path = arg_str(a, 0, "cache_from_source")?;
                let config = vm.import_settings();
                let source = std::path::Path::new(&path);
                let p = match a.get(1) {
                    Some(Value::Str(tag)) => cache::cache_path_tagged(&config, source, tag.as_str()),
                    _ => cache::cache_path(&config, source),
                };
                Ok(Value::str(&p.to_string_lossy()))
            }),
            ("source_from_cache", |vm, a, _| {
                let path = arg_str(a, 0, "source_from_cache")?;
                cache::source_from_cache(&vm.import_settings(), &path)
                    .map(|s| Value::str(&s))
                    .map_err(PyErr::value_error)
            }),
            ("new_module", |_, a, _| Ok(new_module(&arg_str(a, 0, "new_module")?))),
            ("gcd_import", |vm, a, _| {
                let name = arg_str(a, 0, "gcd_import")?;
                let level = match a.get(2) {
                    Some(Value::Int(l)) => *l,
                    _ => 0,
                };
                let full = if level > 0 {
                    let package = match a.get(1) {
                        Some(Value::Str(p)) => p.as_str().to_string(),
                        _ => String::new(),
                    };
                    if !package.is_empty() && vm.modules.get_str(&package).is_none() {
                        vm.import_module(&package)?;
                    }
                    super::resolve_name(vm, &name, &package, level)?
                } else {
                    if name.is_empty() {
                        return Err(PyErr::value_error("Empty module name"));
                    }
                    name
                };
                vm.import_module(&full)
            }),
        ],
    );
}
