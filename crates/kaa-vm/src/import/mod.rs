//! The import system: `import`/`from … import` statements, `sys.modules`, `sys.path`,
//! `sys.meta_path`, packages (regular and namespace), relative imports, the bytecode cache.
//!
//! The algorithm is CPython's `importlib._bootstrap` (find a spec through `sys.meta_path`, create
//! the module, put it in `sys.modules` before running it, bind it on its parent), implemented
//! natively so that an import costs no Python-level calls while `sys.meta_path` holds only the
//! default finders. The pieces Python code sees (`ModuleSpec`, the loaders and finders, the
//! `importlib` package) are small Python modules compiled into Kaa (`frozen/`), as CPython
//! freezes its own importlib.
//!
//! - `finder.rs` — where a module's file is: `sys.path` entries, packages, namespace packages.
//! - `cache.rs` — reading, validating and atomically writing `__pycache__/*.kaa-311.pyc`.
//! - `stdlib.rs` — locating CPython 3.11's `Lib/` and building the initial `sys.path`.
//! - `load.rs` — specs, module objects, running a module's code, `_kaa_imp`.
//! - `compileall.rs` — `kaa --compile`.

pub mod cache;
pub mod compileall;
pub mod finder;
mod load;
pub mod stdlib;
mod trace;

use crate::exceptions::{ExcKind, ExceptionObject, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::value::Value;
use std::path::PathBuf;
use std::rc::Rc;

pub use load::{init_kaa_imp, module_constructor, module_repr};

/// How the bytecode cache is used.
#[derive(Clone, Debug)]
pub struct ImportConfig {
    /// False under `-B` or `PYTHONDONTWRITEBYTECODE` (`sys.flags.dont_write_bytecode`).
    pub write_bytecode: bool,
    /// `-X pycache_prefix=DIR` or `PYTHONPYCACHEPREFIX`: cache files go to a mirror tree there.
    pub pycache_prefix: Option<PathBuf>,
    /// `kaa -v` or `KAA_DEBUG_IMPORT=1`: report each cache hit, rejection and write on stderr.
    pub verbose: bool,
    /// `-O`/`-OO` (`sys.flags.optimize`): modules are compiled at this level, and cached in
    /// `NAME.kaa-311.opt-N.pyc` files of their own, as CPython's `cache_from_source` names them.
    pub optimize: u32,
}

impl ImportConfig {
    /// The settings the environment alone gives (for `kaa --compile`, which has no VM).
    pub fn from_env() -> ImportConfig {
        ImportConfig {
            write_bytecode: true,
            pycache_prefix: std::env::var_os("PYTHONPYCACHEPREFIX")
                .filter(|v| !v.is_empty())
                .map(|p| stdlib::absolute(&PathBuf::from(p))),
            verbose: std::env::var_os("KAA_DEBUG_IMPORT").is_some_and(|v| !v.is_empty()),
            optimize: 0,
        }
    }
}

impl Vm {
    /// The cache settings for this interpreter: the embedder's flags (`-B`, `-v`, `-E`, `-X`)
    /// over the environment.
    pub fn import_settings(&self) -> ImportConfig {
        let flags = &self.config.flags;
        let env = &self.imports.env;
        let xprefix = self.config.xoptions.iter().find(|(k, _)| k == "pycache_prefix");
        let pycache_prefix = match xprefix {
            Some((_, Some(dir))) => Some(stdlib::absolute(&PathBuf::from(dir))),
            _ if flags.ignore_environment != 0 => None,
            _ => env.pycache_prefix.clone(),
        };
        ImportConfig {
            write_bytecode: flags.dont_write_bytecode == 0,
            pycache_prefix,
            verbose: env.verbose || flags.verbose > 0,
            optimize: flags.optimize,
        }
    }
}

/// The import system's part of the interpreter state.
pub struct ImportState {
    /// What the environment says (read once); see `Vm::import_settings`.
    env: ImportConfig,
    /// The namespace of `_frozen_importlib` once loaded (ModuleSpec, the loaders and finders).
    bootstrap: Option<Rc<DictObject>>,
    /// Modules being imported inside one another right now (each nests a run of the loop).
    depth: usize,
    /// CPython 3.11's `Lib/` directory, if one was found.
    pub stdlib: Option<PathBuf>,
    /// `-X importtime`'s running totals.
    timer: trace::ImportTimer,
}

impl Default for ImportState {
    fn default() -> Self {
        ImportState {
            env: ImportConfig::from_env(),
            bootstrap: None,
            depth: 0,
            stdlib: stdlib::location(),
            timer: trace::ImportTimer::default(),
        }
    }
}

/// Nested imports deeper than this raise RecursionError instead of exhausting the native stack.
const MAX_IMPORT_DEPTH: usize = 200;

/// `ImportError(*args, name=None, path=None)`: sets the keyword attributes on a new exception.
#[cold]
pub fn import_error_keywords(
    e: &ExceptionObject,
    kwargs: &[(crate::objects::str::Name, Value)],
) -> PyResult<()> {
    for (k, v) in kwargs {
        match k.as_str() {
            "name" | "path" => e.dict.set_str(k.as_str(), v.clone()),
            other => {
                return Err(PyErr::type_error(format!(
                    "'{other}' is an invalid keyword argument for {}()",
                    e.class.name
                )))
            }
        }
    }
    Ok(())
}

/// An ImportError (or ModuleNotFoundError) with its `name` and `path` attributes.
#[cold]
pub fn import_error(vm: &Vm, kind: ExcKind, msg: String, name: Option<&str>, path: Option<&str>) -> PyErr {
    let exc = ExceptionObject::new(vm.exception_type(kind), vec![Value::str(&msg)]);
    exc.dict.set_str("msg", Value::str(&msg));
    exc.dict.set_str("name", name.map_or(Value::None, Value::str));
    exc.dict.set_str("path", path.map_or(Value::None, Value::str));
    PyErr::Raised(Rc::new(exc))
}

#[cold]
fn not_found(vm: &Vm, name: &str) -> PyErr {
    let mut msg = format!("No module named '{name}'");
    if vm.imports.stdlib.is_none() {
        msg.push_str(&format!(" ({})", stdlib::MISSING_HINT));
    }
    import_error(vm, ExcKind::ModuleNotFoundError, msg, Some(name), None)
}

fn str_of(v: &Value) -> Option<String> {
    match v {
        Value::Str(s) => Some(s.as_str().to_string()),
        _ => None,
    }
}

impl Vm {
    /// The `sys` module's namespace (importing `sys` first if nothing has yet).
    pub(crate) fn sys_dict(&mut self) -> PyResult<Rc<DictObject>> {
        match self.import_module("sys")? {
            Value::Module(m) => Ok(m.dict.clone()),
            _ => Err(PyErr::new(ExcKind::SystemError, "sys is not a module")),
        }
    }

    /// Imports one module by its full dotted name (parents first) and returns it: CPython's
    /// `_gcd_import`.
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        match self.modules.get_str(name) {
            Some(Value::None) => Err(import_error(
                self,
                ExcKind::ModuleNotFoundError,
                format!("import of {name} halted; None in sys.modules"),
                Some(name),
                None,
            )),
            Some(m) => Ok(m),
            None => self.find_and_load(name),
        }
    }

    #[cold]
    fn find_and_load(&mut self, name: &str) -> PyResult<Value> {
        if self.imports.depth >= MAX_IMPORT_DEPTH {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded while importing",
            ));
        }
        let level = self.imports.depth;
        // Kaa's own import glue (`_kaa_imp`) is not something CPython would list.
        let timing =
            (self.config.import_time && !name.starts_with("_kaa")).then(|| self.imports.timer.start());
        self.imports.depth += 1;
        let r = self.find_and_load_unlocked(name);
        self.imports.depth -= 1;
        if let Some(started) = timing {
            self.imports.timer.finish(started, name, level);
        }
        if let Err(PyErr::Raised(exc)) = &r {
            // As CPython hides importlib's own frames: tracebacks show the importing line, then
            // the imported module's lines.
            let head = exc.traceback.borrow_mut().take();
            *exc.traceback.borrow_mut() = crate::objects::frame::retain_links(head, |link| {
                !link.frame.code.filename.starts_with("<frozen ")
            });
        }
        r
    }

    fn find_and_load_unlocked(&mut self, name: &str) -> PyResult<Value> {
        if !name.contains('.') {
            if let Some(m) = self.load_native(name)? {
                return Ok(m);
            }
        }
        let mut search_path = None;
        let mut parent_module = None;
        if let Some((parent, _)) = name.rsplit_once('.') {
            let pm = self.import_module(parent)?;
            // Importing the parent may have imported this module as a side effect.
            if let Some(m) = self.modules.get_str(name) {
                return Ok(m);
            }
            match self.get_attr(&pm, "__path__") {
                Ok(p) => search_path = Some(p),
                Err(_) => {
                    return Err(import_error(
                        self,
                        ExcKind::ModuleNotFoundError,
                        format!("No module named '{name}'; '{parent}' is not a package"),
                        Some(name),
                        None,
                    ))
                }
            }
            parent_module = Some(pm);
        }
        let Some(spec) = self.find_spec(name, search_path.as_ref())? else {
            return Err(not_found(self, name));
        };
        let module = self.load_from_spec(name, &spec)?;
        if let (Some(parent), Some((parent_name, child))) = (parent_module, name.rsplit_once('.')) {
            // Bind the submodule on its parent, unless the parent is gone from sys.modules.
            if self.modules.get_str(parent_name).is_some() {
                self.set_attr(&parent, child, module.clone())?;
            }
        }
        Ok(module)
    }

    /// IMPORT_NAME and `__import__`: the top package for `import a.b`, the module itself when a
    /// `fromlist` is given (after importing the submodules it names).
    pub fn import_name(&mut self, name: &str, fromlist: &Value, level: i64) -> PyResult<Value> {
        let globals = self.current_globals();
        self.import_with_globals(name, globals.as_deref(), fromlist, level)
    }

    pub fn import_with_globals(
        &mut self,
        name: &str,
        globals: Option<&DictObject>,
        fromlist: &Value,
        level: i64,
    ) -> PyResult<Value> {
        let full = if level > 0 {
            let package = self.calc_package(globals)?;
            resolve_name(self, name, &package, level)?
        } else {
            if name.is_empty() {
                return Err(PyErr::value_error("Empty module name"));
            }
            name.to_string()
        };
        let module = self.import_module(&full)?;
        let wants_module = match fromlist {
            Value::None => false,
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            other => self.truthy(&other.clone())?,
        };
        if !wants_module {
            if level == 0 {
                let top = name.split('.').next().unwrap_or(name);
                return self.import_module(top);
            }
            if name.is_empty() {
                return Ok(module);
            }
            // `from . import x`-less relative `import`: the package the dotted name starts in.
            let cut = name.len() - name.split('.').next().unwrap_or(name).len();
            let module_name = self.module_name(&module).unwrap_or(full.clone());
            let keep = module_name.len().saturating_sub(cut);
            return match self.modules.get_str(&module_name[..keep]) {
                Some(m) => Ok(m),
                None => Err(PyErr::new(ExcKind::KeyError, format!("'{}'", &module_name[..keep]))),
            };
        }
        if self.get_attr(&module, "__path__").is_ok() {
            let names = self.collect_iterable(fromlist)?;
            self.handle_fromlist(&module, &names, false)?;
        }
        Ok(module)
    }

    /// `__package__` of the importing module, as `_calc___package__` works it out.
    fn calc_package(&mut self, globals: Option<&DictObject>) -> PyResult<String> {
        let no_parent =
            || PyErr::new(ExcKind::ImportError, "attempted relative import with no known parent package");
        let Some(globals) = globals else { return Err(no_parent()) };
        if let Some(p) = globals.get_str("__package__") {
            match p {
                Value::Str(s) => return Ok(s.as_str().to_string()),
                Value::None => {}
                _ => return Err(PyErr::type_error("package must be a string")),
            }
        }
        if let Some(spec) = globals.get_str("__spec__").filter(|s| !matches!(s, Value::None)) {
            if let Ok(Value::Str(p)) = self.get_attr(&spec, "parent") {
                return Ok(p.as_str().to_string());
            }
        }
        let Some(Value::Str(name)) = globals.get_str("__name__") else {
            return Err(PyErr::new(ExcKind::KeyError, "'__name__' not in globals"));
        };
        if globals.get_str("__path__").is_some() {
            return Ok(name.as_str().to_string());
        }
        Ok(name.as_str().rsplit_once('.').map_or(String::new(), |(p, _)| p.to_string()))
    }

    /// CPython's `_handle_fromlist`: imports `package.x` for each name `x` in the list that the
    /// package does not have yet (and the names in `__all__` for `*`).
    fn handle_fromlist(&mut self, module: &Value, names: &[Value], recursive: bool) -> PyResult<()> {
        let module_name = self.module_name(module).unwrap_or_default();
        for x in names {
            let Value::Str(s) = x else {
                let what = if recursive { format!("{module_name}.__all__") } else { "``from list''".into() };
                return Err(PyErr::type_error(format!("Item in {what} must be str, not {}", x.type_name())));
            };
            let x = s.as_str();
            if x == "*" {
                if !recursive {
                    if let Ok(all) = self.get_attr(module, "__all__") {
                        let all = self.collect_iterable(&all)?;
                        self.handle_fromlist(module, &all, true)?;
                    }
                }
                continue;
            }
            if self.get_attr(module, x).is_ok() {
                continue;
            }
            let from_name = format!("{module_name}.{x}");
            if let Err(e) = self.import_module(&from_name) {
                // A missing submodule is fine here: IMPORT_FROM reports the missing name.
                if self.is_not_found_for(&e, &from_name)
                    && !matches!(self.modules.get_str(&from_name), Some(Value::None))
                {
                    continue;
                }
                return Err(e);
            }
        }
        Ok(())
    }

    fn is_not_found_for(&self, e: &PyErr, name: &str) -> bool {
        match e {
            PyErr::Raised(exc) => {
                exc.class.is_subclass(&self.exception_type(ExcKind::ModuleNotFoundError))
                    && matches!(exc.dict.get_str("name"), Some(Value::Str(n)) if n.as_str() == name)
            }
            _ => false,
        }
    }

    fn module_name(&mut self, module: &Value) -> Option<String> {
        match module {
            Value::Module(m) => m.dict.get_str("__name__").and_then(|v| str_of(&v)),
            other => self.get_attr(other, "__name__").ok().and_then(|v| str_of(&v)),
        }
    }

    /// IMPORT_FROM: `module.name`, else the submodule `module.name` from `sys.modules`, else
    /// CPython's ImportError (mentioning a circular import when the module is still running).
    pub fn import_from(&mut self, module: &Value, name: &str) -> PyResult<Value> {
        match self.get_attr(module, name) {
            Ok(v) => Ok(v),
            Err(_) => self.import_from_fallback(module, name),
        }
    }

    #[cold]
    fn import_from_fallback(&mut self, module: &Value, name: &str) -> PyResult<Value> {
        let Some(pkgname) = self.module_name(module) else {
            return Err(import_error(
                self,
                ExcKind::ImportError,
                format!("cannot import name '{name}' from <unknown module name>"),
                None,
                None,
            ));
        };
        if let Some(m) = self.modules.get_str(&format!("{pkgname}.{name}")) {
            return Ok(m);
        }
        let path = self.get_attr(module, "__file__").ok().and_then(|v| str_of(&v));
        let where_ = path.clone().unwrap_or_else(|| "unknown location".into());
        let msg = if load::is_initializing(self, module) {
            format!(
                "cannot import name '{name}' from partially initialized module '{pkgname}' (most likely due to a circular import) ({where_})"
            )
        } else {
            format!("cannot import name '{name}' from '{pkgname}' ({where_})")
        };
        Err(import_error(self, ExcKind::ImportError, msg, Some(&pkgname), path.as_deref()))
    }

    /// IMPORT_STAR into `ns`: the names in `__all__`, else every public name of the module.
    pub fn import_star(&mut self, module: &Value, ns: &DictObject) -> PyResult<()> {
        let names = match self.get_attr(module, "__all__") {
            Ok(all) => self.collect_iterable(&all)?,
            Err(_) => {
                let dict = match module {
                    Value::Module(m) => m.dict.clone(),
                    other => match self.get_attr(other, "__dict__")? {
                        Value::Dict(d) => d,
                        _ => {
                            return Err(PyErr::new(
                                ExcKind::ImportError,
                                "from-import-* object has no __dict__ and no __all__",
                            ))
                        }
                    },
                };
                dict.keys()
                    .into_iter()
                    .filter(|k| matches!(k, Value::Str(s) if !s.as_str().starts_with('_')))
                    .collect()
            }
        };
        for n in names {
            let Value::Str(s) = &n else {
                let owner = self.module_name(module).unwrap_or_default();
                return Err(PyErr::type_error(format!(
                    "Item in {owner}.__all__ must be str, not {}",
                    n.type_name()
                )));
            };
            let v = self.get_attr(module, s.as_str())?;
            ns.set(n.clone(), v)?;
        }
        Ok(())
    }
}

/// Registers `globals` as the namespace of `sys.modules['__main__']` (and gives it
/// `__builtins__`), as CPython's `__main__` is a module like any other. Call before the program
/// runs; calling again with the same namespace changes nothing.
pub fn register_main(vm: &mut Vm, globals: &Rc<DictObject>) {
    if let Some(Value::Module(m)) = vm.modules.get_str("__main__") {
        if Rc::ptr_eq(&m.dict, globals) {
            return;
        }
    }
    if globals.get_str("__builtins__").is_none() {
        if let Ok(builtins) = vm.import_module("builtins") {
            globals.set_str("__builtins__", builtins);
        }
    }
    for key in ["__doc__", "__package__", "__loader__", "__spec__"] {
        if globals.get_str(key).is_none() {
            globals.set_str(key, Value::None);
        }
    }
    let main = crate::modules::ModuleObject { name: "__main__".into(), dict: globals.clone() };
    vm.modules.set_str("__main__", Value::Module(Rc::new(main)));
}

/// The absolute name of a relative import (`_resolve_name` plus `_sanity_check`).
pub(crate) fn resolve_name(vm: &Vm, name: &str, package: &str, level: i64) -> PyResult<String> {
    if package.is_empty() {
        return Err(PyErr::new(
            ExcKind::ImportError,
            "attempted relative import with no known parent package",
        ));
    }
    let bits: Vec<&str> = package.rsplitn(level as usize, '.').collect();
    if (bits.len() as i64) < level {
        return Err(PyErr::new(ExcKind::ImportError, "attempted relative import beyond top-level package"));
    }
    let base = bits[bits.len() - 1];
    let _ = vm;
    Ok(if name.is_empty() { base.to_string() } else { format!("{base}.{name}") })
}
