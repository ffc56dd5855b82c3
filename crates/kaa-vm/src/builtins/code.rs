//! Running and inspecting code: `compile`, `exec`, `eval`, `globals`, `locals`, `vars`, `dir`,
//! `__import__`.

use super::{arity, clinic, hidden, is_hidden, no_kwargs, Kwargs};
use crate::exceptions::{ExcKind, ExceptionObject, PyErr, PyResult};
use crate::interp::Vm;
use crate::modules::ast;
use crate::objects::dict::DictObject;
use crate::objects::types::TypeObject;
use crate::value::Value;
use kaa_bytecode::CodeObject;
use kaa_syntax::ast::{Expr, ExprContext, ExprKind, Mod, Stmt, StmtKind};
use kaa_syntax::parser::{self, Mode, ParseOptions};
use std::rc::Rc;

/// Where eval-mode code leaves its value: code compiled for `eval` assigns the expression to
/// this name in its locals namespace, which `eval` then takes back out. No Python name can
/// spell it, and it is bound only once the expression is evaluated.
const EVAL_RESULT: &str = " eval result";

#[derive(Clone, Copy, PartialEq)]
enum CompileMode {
    Exec,
    Eval,
}

/// Parses `source` as `compile()` does, raising SyntaxError as CPython words it.
fn parse_tree(vm: &Vm, source: &str, filename: &str, mode: Mode, type_comments: bool) -> PyResult<Mod> {
    if source.contains('\0') {
        return Err(PyErr::new(ExcKind::SyntaxError, "source code string cannot contain null bytes"));
    }
    parser::parse(source, ParseOptions { mode, type_comments }).map_err(|mut e| {
        if !matches!(mode, Mode::Exec) {
            unterminated_input_error(&mut e, source);
        }
        syntax_error(vm, e, filename, source)
    })
}

/// Outside `exec` mode CPython does not end the input with a newline: an error on a last line
/// without one shows that line without a newline, and one at the end of input (the ENDMARKER)
/// has no column.
#[cold]
fn unterminated_input_error(e: &mut kaa_syntax::SyntaxError, source: &str) {
    if source.ends_with('\n') {
        return;
    }
    let last_line = source.rsplit('\n').next().unwrap_or("");
    let last_lineno = source.matches('\n').count() as u32 + 1;
    if e.lineno != last_lineno {
        return;
    }
    if e.text.as_deref().and_then(|t| t.strip_suffix('\n')) == Some(last_line) {
        e.text = Some(last_line.to_string());
    }
    if e.msg == "invalid syntax" && e.offset as usize == last_line.chars().count() + 1 {
        e.offset = 0;
        e.end_offset = 0;
    }
}

/// Compiles a tree (parsed from `source`, or built in Python when `source` is empty).
fn compile_tree(vm: &Vm, tree: Mod, filename: &str, source: &str) -> PyResult<Rc<CodeObject>> {
    let code = compile_tree_unkept(vm, tree, filename, source)?;
    keep_alive(vm, &code);
    Ok(code)
}

/// `compile_tree` before the code object is kept alive (still unshared).
fn compile_tree_unkept(vm: &Vm, tree: Mod, filename: &str, source: &str) -> PyResult<Rc<CodeObject>> {
    let tree = match tree {
        Mod::Expression { body } => {
            let span = body.span;
            let target =
                Expr { kind: ExprKind::Name { id: EVAL_RESULT.into(), ctx: ExprContext::Store }, span };
            let assign = Stmt {
                kind: StmtKind::Assign { targets: vec![target], value: body, type_comment: None },
                span,
            };
            Mod::Module { body: vec![assign], type_ignores: Vec::new() }
        }
        // `single` mode compiles as such: the compiler sends expression statements' values to
        // `sys.displayhook` (PRINT_EXPR).
        other => other,
    };
    match kaa_compiler::compile_module(&tree, filename) {
        Ok(code) => Ok(code),
        Err(kaa_compiler::codegen::CompileError::Syntax(e)) => Err(syntax_error(vm, e, filename, source)),
        Err(kaa_compiler::codegen::CompileError::Unsupported { what, .. }) => {
            Err(PyErr::new(ExcKind::SystemError, format!("Kaa cannot compile {what} yet")))
        }
    }
}

/// Parses and compiles `source` as `compile()` does, raising SyntaxError as CPython words it.
fn compile_source(vm: &Vm, source: &str, filename: &str, mode: CompileMode) -> PyResult<Rc<CodeObject>> {
    let parse_mode = match mode {
        CompileMode::Exec => Mode::Exec,
        CompileMode::Eval => Mode::Eval,
    };
    let tree = parse_tree(vm, source, filename, parse_mode, false)?;
    compile_tree(vm, tree, filename, source)
}

/// `exec`/`eval` of a string: compiled once per distinct source (code objects are immutable, so
/// sharing one is unobservable), which also bounds what `keep_alive` holds.
fn compile_string(vm: &Vm, source: &str, mode: CompileMode) -> PyResult<Rc<CodeObject>> {
    let key = hidden("compiled strings");
    let cache = match vm.builtins.get_str(&key) {
        Some(Value::Dict(d)) => d,
        _ => {
            let d = Rc::new(DictObject::new());
            vm.builtins.set_str(&key, Value::Dict(d.clone()));
            d
        }
    };
    let tag = if mode == CompileMode::Eval { "eval:" } else { "exec:" };
    let text = Value::str(&format!("{tag}{source}"));
    if let Some(Value::Code(code)) = cache.get(&text)? {
        return Ok(code);
    }
    let code = compile_source(vm, source, "<string>", mode)?;
    cache.set(text, Value::Code(code.clone()))?;
    Ok(code)
}

/// Compiles the Python source of a module Kaa ships inside the binary (such as the pure-Python
/// half of `weakref`).
pub fn compile_builtin_module(vm: &Vm, source: &str, filename: &str) -> PyResult<Rc<CodeObject>> {
    let tree = parse_tree(vm, source, filename, Mode::Exec, false)?;
    let mut code = compile_tree_unkept(vm, tree, filename, source)?;
    mark_internal(&mut code);
    keep_alive(vm, &code);
    Ok(code)
}

/// Flags a freshly compiled code object and those nested in it as Kaa-internal (no traceback
/// entries, like CPython's C functions).
fn mark_internal(code: &mut Rc<CodeObject>) {
    let Some(code) = Rc::get_mut(code) else { return };
    code.flags.0 |= kaa_bytecode::code::CodeFlags::KAA_INTERNAL;
    for c in &mut code.consts {
        if let kaa_bytecode::code::ConstValue::Code(inner) = c {
            mark_internal(inner);
        }
    }
}

/// Keeps a compiled code object (and so the code objects nested in it) alive for the rest of
/// the run: the interpreter caches each code object's constants by its address, so a freed code
/// object's address must not come back for a new one.
fn keep_alive(vm: &Vm, code: &Rc<CodeObject>) {
    let key = hidden("compiled code");
    match vm.builtins.get_str(&key) {
        Some(Value::List(l)) => l.borrow_mut().push(Value::Code(code.clone())),
        _ => vm
            .builtins
            .set_str(&key, Value::List(Rc::new(std::cell::RefCell::new(vec![Value::Code(code.clone())])))),
    }
}

/// A compile-time error as a SyntaxError (or IndentationError, TabError) exception object with
/// CPython's attributes.
#[cold]
pub(crate) fn syntax_error(vm: &Vm, e: kaa_syntax::SyntaxError, filename: &str, source: &str) -> PyErr {
    use kaa_syntax::SyntaxErrorKind as K;
    let kind = match e.kind {
        K::SyntaxError => ExcKind::SyntaxError,
        K::IndentationError => ExcKind::IndentationError,
        K::TabError => ExcKind::TabError,
    };
    let text = e.text.clone().or_else(|| {
        source.split_inclusive('\n').nth(e.lineno.saturating_sub(1) as usize).map(str::to_string)
    });
    let text = text.map_or(Value::None, |t| Value::str(&t));
    let location = [
        Value::str(filename),
        Value::Int(e.lineno as i64),
        Value::Int(e.offset as i64),
        text,
        Value::Int(e.end_lineno as i64),
        Value::Int(end_offset_attribute(&e)),
    ];
    let exc = ExceptionObject::new(
        vm.exception_type(kind),
        vec![Value::str(&e.msg), Value::Tuple(Rc::new(location.to_vec()))],
    );
    exc.set_member("msg", Value::str(&e.msg));
    for (name, v) in
        ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"].into_iter().zip(location)
    {
        exc.set_member(name, v);
    }
    exc.set_member("print_file_and_line", Value::None);
    PyErr::Raised(Rc::new(exc))
}

/// `SyntaxError.end_offset` as CPython sets it: the parser's errors that have no end column
/// (indentation errors, a missing `except` block, end of input) say -1; Kaa's errors record
/// both -1 and 0 as 0.
fn end_offset_attribute(e: &kaa_syntax::SyntaxError) -> i64 {
    use kaa_syntax::SyntaxErrorKind as K;
    let no_end = match e.kind {
        K::IndentationError => e.msg != "too many levels of indentation",
        K::SyntaxError => {
            matches!(e.msg.as_str(), "expected 'except' or 'finally' block" | "unexpected EOF while parsing")
        }
        K::TabError => false,
    };
    if e.end_offset == 0 && no_end {
        -1
    } else {
        e.end_offset as i64
    }
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
pub fn builtin_compile(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [source, filename, mode, flags, _dont_inherit, _optimize, _feature] = clinic(
        "compile",
        args,
        kwargs,
        ["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"],
        6,
        3,
    )?;
    let (source, filename, mode) =
        (source.unwrap_or(Value::None), filename.unwrap_or(Value::None), mode.unwrap_or(Value::None));
    let filename = match &filename {
        Value::Str(s) => s.to_string(),
        other => {
            return Err(PyErr::type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                other.type_name()
            )))
        }
    };
    let flags = match flags {
        None => 0,
        Some(Value::Int(f)) if i32::try_from(f).is_ok() => f,
        Some(Value::Int(_) | Value::BigInt(_)) => {
            return Err(PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C int"))
        }
        Some(Value::Bool(b)) => b as i64,
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )))
        }
    };
    // The future-feature flags, CO_NESTED, and the PyCF_* flags compile() knows.
    const KNOWN_FLAGS: i64 = 0x1fe_0000 | 0x10 | 0x400 | 0x2000 | 0x1000 | 0x200 | 0x4000;
    if flags & !KNOWN_FLAGS != 0 {
        return Err(PyErr::value_error("compile(): unrecognised flags"));
    }
    let only_ast = flags & ast::PYCF_ONLY_AST != 0;
    let mode = match &mode {
        Value::Str(s) => s.as_str().to_string(),
        other => {
            return Err(PyErr::type_error(format!(
                "compile() argument 'mode' must be str, not {}",
                other.type_name()
            )))
        }
    };
    let parse_mode = match mode.as_str() {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        "func_type" if only_ast => Mode::FuncType,
        "func_type" => {
            return Err(PyErr::value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST"))
        }
        _ if only_ast => {
            return Err(PyErr::value_error("compile() mode must be 'exec', 'eval', 'single' or 'func_type'"))
        }
        _ => return Err(PyErr::value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    if ast::is_node(vm, &source) {
        if only_ast {
            return Ok(source);
        }
        let tree = ast::tree_from_python(vm, &source, &mode)?;
        return Ok(Value::Code(compile_tree(vm, tree, &filename, "")?));
    }
    let decoded;
    let text: &str = match &source {
        Value::Str(s) => s.as_str(),
        Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_) => {
            let Some(buf) = crate::objects::bytes::buffer(&source) else {
                return Err(PyErr::type_error("compile() arg 1 must be a string, bytes or AST object"));
            };
            if buf.contains(&0) {
                return Err(PyErr::new(ExcKind::SyntaxError, "source code string cannot contain null bytes"));
            }
            decoded = kaa_syntax::source::decode(&buf, &filename)
                .map_err(|e| syntax_error(vm, e, &filename, ""))?;
            &decoded.text
        }
        _ => return Err(PyErr::type_error("compile() arg 1 must be a string, bytes or AST object")),
    };
    if only_ast {
        let tree = parse_tree(vm, text, &filename, parse_mode, flags & ast::PYCF_TYPE_COMMENTS != 0)?;
        return ast::tree_to_python(vm, &tree);
    }
    let tree = parse_tree(vm, text, &filename, parse_mode, false)?;
    Ok(Value::Code(compile_tree(vm, tree, &filename, text)?))
}

/// The globals and locals `exec`/`eval` run in, checked as CPython checks them.
fn namespaces(
    vm: &mut Vm,
    fname: &str,
    source: &Value,
    globals: Option<&Value>,
    locals: Option<&Value>,
) -> PyResult<(Rc<DictObject>, Rc<DictObject>)> {
    let locals = match locals {
        None | Some(Value::None) => None,
        Some(Value::Dict(d)) => Some(d.clone()),
        Some(other) if is_mapping(vm, other) => {
            return Err(PyErr::new(
                ExcKind::NotImplementedError,
                format!("Kaa's {fname}() needs a dict for locals, not {}", other.type_name()),
            ))
        }
        Some(other) => {
            return Err(PyErr::type_error(if fname == "exec" {
                format!("locals must be a mapping or None, not {}", other.type_name())
            } else {
                "locals must be a mapping".to_string()
            }))
        }
    };
    let globals = match globals {
        None | Some(Value::None) => None,
        Some(Value::Dict(d)) => Some(d.clone()),
        Some(other) => {
            return Err(PyErr::type_error(if fname == "exec" {
                format!("exec() globals must be a dict, not {}", other.type_name())
            } else if is_mapping(vm, other) {
                "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
            } else {
                "globals must be a dict".to_string()
            }))
        }
    };
    if !matches!(source, Value::Code(_) | Value::Str(_)) {
        return Err(PyErr::type_error(format!("{fname}() arg 1 must be a string, bytes or code object")));
    }
    let (globals, locals) = match (globals, locals) {
        (Some(g), Some(l)) => (g, l),
        (Some(g), None) => (g.clone(), g),
        (None, l) => {
            let g = vm.frame_globals().ok_or_else(|| no_frame_hook(&format!("{fname}() without globals")))?;
            let l = match l {
                Some(l) => l,
                None => vm.frame_locals().unwrap_or_else(|| g.clone()),
            };
            (g, l)
        }
    };
    if globals.get_str("__builtins__").is_none() {
        // What CPython inserts: the running code's builtins namespace.
        globals.set_str("__builtins__", Value::Dict(vm.builtins.clone()));
    }
    Ok((globals, locals))
}

/// CPython's PyMapping_Check: the object supports `obj[key]`.
fn is_mapping(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Dict(_) | Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_) => true,
        Value::Instance(_) => vm.type_of(v).lookup("__getitem__").is_some(),
        _ => false,
    }
}

/// The interpreter does not (yet) let built-in functions see the calling frame.
#[cold]
fn no_frame_hook(what: &str) -> PyErr {
    PyErr::new(ExcKind::SystemError, format!("{what} needs the caller's frame, which Kaa cannot see yet"))
}

/// Runs `code` and returns what eval-mode code computed (None for other code).
fn run(
    vm: &mut Vm,
    code: Rc<CodeObject>,
    globals: Rc<DictObject>,
    locals: Rc<DictObject>,
) -> PyResult<Value> {
    let returned = vm.run_code_in(code, globals, locals.clone())?;
    match locals.remove(&Value::str(EVAL_RESULT))? {
        Some(v) => Ok(v),
        None => Ok(returned),
    }
}

/// `exec(source, globals=None, locals=None, /, *, closure=None)`.
pub fn builtin_exec(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if args.is_empty() {
        return Err(PyErr::type_error("exec() takes at least 1 positional argument (0 given)"));
    }
    if args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "exec() takes at most 3 positional arguments ({} given)",
            args.len()
        )));
    }
    for (k, v) in kwargs {
        match k.as_str() {
            "closure" if matches!(v, Value::None) => {}
            "closure" => {
                return Err(PyErr::type_error("cannot use a closure with this code object"));
            }
            other => {
                return Err(PyErr::type_error(format!("'{other}' is an invalid keyword argument for exec()")))
            }
        }
    }
    let (globals, locals) = namespaces(vm, "exec", &args[0], args.get(1), args.get(2))?;
    let code = match &args[0] {
        Value::Code(c) => c.clone(),
        Value::Str(s) => compile_string(vm, s, CompileMode::Exec)?,
        _ => unreachable!("checked by namespaces"),
    };
    run(vm, code, globals, locals)?;
    Ok(Value::None)
}

/// `eval(source, globals=None, locals=None, /)`.
pub fn builtin_eval(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("eval", kwargs)?;
    if args.is_empty() || args.len() > 3 {
        let (how, n) = if args.is_empty() { ("at least", 1) } else { ("at most", 3) };
        return Err(PyErr::type_error(format!(
            "eval expected {how} {n} argument{}, got {}",
            if n == 1 { "" } else { "s" },
            args.len()
        )));
    }
    let (globals, locals) = namespaces(vm, "eval", &args[0], args.get(1), args.get(2))?;
    let code = match &args[0] {
        Value::Code(c) => c.clone(),
        // eval ignores leading spaces and tabs.
        Value::Str(s) => compile_string(vm, s.trim_start_matches([' ', '\t']), CompileMode::Eval)?,
        _ => unreachable!("checked by namespaces"),
    };
    run(vm, code, globals, locals)
}

/// `globals()`.
pub fn builtin_globals(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_args("globals", args, kwargs)?;
    vm.frame_globals().map(Value::Dict).ok_or_else(|| no_frame_hook("globals()"))
}

/// `locals()`.
pub fn builtin_locals(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_args("locals", args, kwargs)?;
    vm.frame_locals().map(Value::Dict).ok_or_else(|| no_frame_hook("locals()"))
}

fn no_args(name: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<()> {
    no_kwargs(name, kwargs)?;
    if !args.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes no arguments ({} given)", args.len())));
    }
    Ok(())
}

/// `vars([object])`.
pub fn builtin_vars(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("vars", kwargs)?;
    arity("vars", args, 0, 1)?;
    let Some(obj) = args.first() else {
        return vm.frame_locals().map(Value::Dict).ok_or_else(|| no_frame_hook("vars()"));
    };
    match obj {
        Value::Module(m) => Ok(Value::Dict(m.dict.clone())),
        Value::Instance(_) | Value::Exception(_) | Value::Type(_) | Value::Function(_) => {
            match vm.get_attr(obj, "__dict__") {
                Ok(d) => Ok(d),
                Err(e) if crate::objects::args::err_is(vm, &e, ExcKind::AttributeError) => Err(no_dict()),
                Err(e) => Err(e),
            }
        }
        _ => Err(no_dict()),
    }
}

#[cold]
fn no_dict() -> PyErr {
    PyErr::type_error("vars() argument must have __dict__ attribute")
}

/// `dir([object])`: sorted attribute names.
pub fn builtin_dir(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("dir", kwargs)?;
    arity("dir", args, 0, 1)?;
    let mut names: Vec<Value> = match args.first() {
        None => {
            let locals = vm.frame_locals().ok_or_else(|| no_frame_hook("dir()"))?;
            locals.keys()
        }
        Some(obj) => {
            let class = vm.type_of(obj);
            if let (true, Some(_)) = (class.is_heap_type, class.lookup("__dir__")) {
                let r = vm.call_dunder(obj, "__dir__", &[])?.unwrap_or(Value::None);
                vm.collect_iterable(&r)?
            } else {
                attribute_names(vm, obj).into_iter().map(|n| Value::str(&n)).collect()
            }
        }
    };
    names.retain(|n| !matches!(n, Value::Str(s) if is_hidden(s)));
    let list = Rc::new(std::cell::RefCell::new(names));
    crate::objects::list::sort(vm, &list, &[])?;
    Ok(Value::List(list))
}

/// The names `dir(obj)` lists (unsorted, without duplicates).
fn attribute_names(vm: &Vm, obj: &Value) -> Vec<String> {
    let mut out = std::collections::BTreeSet::new();
    let add_dict = |d: &DictObject, out: &mut std::collections::BTreeSet<String>| {
        for k in d.keys() {
            if let Value::Str(s) = k {
                out.insert(s.to_string());
            }
        }
    };
    match obj {
        Value::Module(m) => add_dict(&m.dict, &mut out),
        Value::Type(t) => type_names(t, &mut out),
        _ => {
            match obj {
                Value::Instance(i) => add_dict(&i.dict, &mut out),
                Value::Exception(e) => add_dict(&e.dict, &mut out),
                _ => {}
            }
            type_names(&vm.type_of(obj), &mut out);
        }
    }
    out.into_iter().collect()
}

/// The attribute names a class and its bases define.
fn type_names(t: &Rc<TypeObject>, out: &mut std::collections::BTreeSet<String>) {
    let mro = t.mro();
    // Instances of classes deriving from int or tuple (variable-sized) cannot be weakly referenced.
    let var_sized =
        mro.iter().any(|c| !c.is_heap_type && matches!(c.name.as_str(), "int" | "tuple" | "bytes"));
    for c in &mro {
        // Built-in types, including the ones written as native classes (zip, map, ...).
        let native = !c.is_heap_type
            || matches!(&*c.module.borrow(), Some(Value::Str(m)) if matches!(m.as_str(), "builtins" | "_io" | "_sitebuiltins"));
        let builtin_names = if native { super::dir_tables_for(&c.name) } else { None };
        match builtin_names {
            Some(names) => out.extend(names.iter().map(|n| n.to_string())),
            None => {
                for k in c.dict.keys() {
                    if let Value::Str(s) = k {
                        if !matches!(s.as_str(), "__qualname__" | "__classcell__") && !is_hidden(&s) {
                            out.insert(s.to_string());
                        }
                    }
                }
                if c.is_heap_type {
                    out.extend(["__module__", "__doc__", "__dict__"].map(String::from));
                    if !var_sized {
                        out.insert("__weakref__".into());
                    }
                }
            }
        }
    }
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn builtin_import(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [name, globals, _locals, fromlist, level] =
        clinic("__import__", args, kwargs, ["name", "globals", "locals", "fromlist", "level"], 5, 1)?;
    let name = name.unwrap_or(Value::None);
    let Value::Str(name) = name else {
        return Err(PyErr::type_error(format!(
            "__import__() argument 1 must be str, not {}",
            name.type_name()
        )));
    };
    let level = match level {
        Some(v) => crate::objects::args::cint_arg(vm, &v)?,
        None => 0,
    };
    if level < 0 {
        return Err(PyErr::value_error("level must be >= 0"));
    }
    let fromlist = fromlist.unwrap_or(Value::None);
    let globals = match globals {
        Some(Value::Dict(d)) => Some(d),
        _ => vm.current_globals(),
    };
    vm.import_with_globals(&name, globals.as_deref(), &fromlist, level)
}
