//! The `builtins` module: built-in functions, methods of the built-in types, `repr`, `format`.

use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::function::{BuiltinFunction, NativeFn};
use crate::objects::str::Name;
use crate::value::Value;
use std::rc::Rc;

pub(crate) mod code;
pub(crate) mod constructors;
mod dir_tables;
mod format;
pub(crate) mod functions;
pub mod int_limit;
mod io;
mod iterators;
pub(crate) mod numeric;
mod percent;

pub use code::{builtin_dir, compile_builtin_module};
pub use constructors::{int_of, parse_float, parse_int_literal};
pub use format::{format_complex, format_float, format_value};
pub use functions::{builtin_slice, hash_of, is_callable};
pub use io::os_error;
pub use iterators::callable_iterator;
pub use numeric::round_float;
pub use percent::{percent_format, percent_format_bytes};

pub type Kwargs = [(Name, Value)];

fn builtin(name: &'static str, func: NativeFn) -> Value {
    Value::Builtin(Rc::new(BuiltinFunction { name, func, bound_self: None, is_method: false }))
}

/// The constructors of the built-in types.
pub fn constructors() -> crate::objects::builtin_types::Constructors {
    use constructors::*;
    crate::objects::builtin_types::Constructors {
        object: functions::builtin_object,
        type_: functions::builtin_type,
        int: builtin_int,
        bool_: builtin_bool,
        float: builtin_float,
        str_: builtin_str,
        list: builtin_list,
        tuple: builtin_tuple,
        dict: builtin_dict,
        range: builtin_range,
        property: builtin_property,
        classmethod: builtin_classmethod,
        staticmethod: builtin_staticmethod,
        super_: builtin_super,
        set: |vm, a, kw| make_set(vm, a, kw, false),
        frozenset: |vm, a, kw| make_set(vm, a, kw, true),
        slice: builtin_slice,
        bytes: |vm, a, kw| {
            let data = crate::objects::bytes_methods::construct(vm, a, kw, "bytes")?;
            Ok(crate::objects::bytes::new_bytes(data))
        },
        bytearray: |vm, a, kw| {
            let data = crate::objects::bytes_methods::construct(vm, a, kw, "bytearray")?;
            Ok(crate::objects::bytearray::new_bytearray(data))
        },
        complex: crate::objects::complex::builtin_complex,
        memoryview: crate::objects::memoryview::builtin_memoryview,
    }
}

/// Fills the builtins namespace.
pub fn install(ns: &DictObject, types: &crate::objects::builtin_types::Types) {
    use code::*;
    use functions::*;
    use numeric::*;
    crate::class_creation::install_type_methods(&types.type_);
    crate::objects::native::install(types);
    crate::objects::slot_wrappers::install(types);
    crate::objects::generic_alias::install(types);
    crate::objects::object_dunders::install(ns);
    let table: &[(&'static str, NativeFn)] = &[
        ("__build_class__", builtin_build_class),
        ("__import__", builtin_import),
        ("abs", builtin_abs),
        ("aiter", builtin_aiter),
        ("all", builtin_all),
        ("anext", builtin_anext),
        ("any", builtin_any),
        ("ascii", builtin_ascii),
        ("bin", builtin_bin),
        ("breakpoint", builtin_breakpoint),
        ("callable", builtin_callable),
        ("chr", builtin_chr),
        ("compile", builtin_compile),
        ("delattr", builtin_delattr),
        ("dir", builtin_dir),
        ("divmod", builtin_divmod),
        ("eval", builtin_eval),
        ("exec", builtin_exec),
        ("format", builtin_format),
        ("getattr", builtin_getattr),
        ("globals", builtin_globals),
        ("hasattr", builtin_hasattr),
        ("hash", builtin_hash),
        ("hex", builtin_hex),
        ("id", builtin_id),
        ("input", io::builtin_input),
        ("isinstance", builtin_isinstance),
        ("issubclass", builtin_issubclass),
        ("iter", builtin_iter),
        ("len", builtin_len),
        ("locals", builtin_locals),
        ("max", builtin_max),
        ("min", builtin_min),
        ("next", builtin_next),
        ("oct", builtin_oct),
        ("open", crate::modules::io::builtin_open),
        ("ord", builtin_ord),
        ("pow", builtin_pow),
        ("print", io::builtin_print),
        ("repr", builtin_repr),
        ("round", builtin_round),
        ("setattr", builtin_setattr),
        ("sorted", builtin_sorted),
        ("sum", builtin_sum),
        ("vars", builtin_vars),
    ];
    for (name, f) in table {
        ns.set_str(name, builtin(name, *f));
    }
    for t in [
        &types.object,
        &types.type_,
        &types.int,
        &types.bool_,
        &types.float,
        &types.str_,
        &types.list,
        &types.tuple,
        &types.dict,
        &types.range,
        &types.slice,
        &types.property,
        &types.classmethod,
        &types.staticmethod,
        &types.super_,
        &types.set,
        &types.frozenset,
        &types.bytes,
        &types.bytearray,
        &types.complex,
        &types.memoryview,
    ] {
        ns.set_str(&t.name, Value::Type(t.clone()));
    }
    iterators::install(ns, &types.object);
    functions::install_quitters(ns, &types.object);
    crate::modules::io::install(ns, &types.object);
    // Code run with globals lacking `__name__` (exec(src, {})) finds this one, as in CPython.
    ns.set_str("__name__", Value::str("builtins"));
    ns.set_str("__debug__", Value::Bool(true));
    ns.set_str("None", Value::None);
    ns.set_str("True", Value::Bool(true));
    ns.set_str("False", Value::Bool(false));
    ns.set_str("NotImplemented", Value::NotImplemented);
    ns.set_str("Ellipsis", Value::Ellipsis);
}

/// The key of a builtins entry that Python code cannot name (a leading space): what the
/// built-in functions keep for themselves (types without a public name, the display hook).
pub fn hidden(name: &str) -> String {
    format!(" {name}")
}

pub fn is_hidden(name: &str) -> bool {
    name.starts_with(' ')
}

/// A built-in type implemented natively: `new` (if any) as its `__new__`, `methods` in its dict.
/// Its instances are plain instances, so they keep native state in their dict.
pub fn native_type(
    object: &Rc<crate::objects::types::TypeObject>,
    name: &str,
    new: Option<NativeFn>,
    methods: &[(&'static str, NativeFn)],
) -> Rc<crate::objects::types::TypeObject> {
    let Ok(t) = crate::objects::types::TypeObject::new_class(name, name, vec![object.clone()]) else {
        unreachable!("a single base always has an MRO")
    };
    *t.module.borrow_mut() = Some(Value::str("builtins"));
    if let Some(new) = new {
        t.dict.set_str("__new__", Value::StaticMethod(Rc::new(builtin("__new__", new))));
    }
    for &(n, f) in methods {
        t.dict.set_str(
            n,
            Value::Builtin(Rc::new(BuiltinFunction { name: n, func: f, bound_self: None, is_method: true })),
        );
    }
    Rc::new(t)
}

/// A new instance of the native class `cls` (or of a Python subclass of it) carrying `data`:
/// what a native class's `__new__` returns.
pub fn new_native_instance(
    vm: &mut Vm,
    cls: &Rc<crate::objects::types::TypeObject>,
    data: Box<dyn crate::objects::types::NativeData>,
) -> Value {
    let inst = crate::objects::types::InstanceObject::new(cls.clone());
    let _ = inst.native.set(data);
    let v = Value::Instance(Rc::new(inst));
    vm.gc_track(&v);
    v
}

/// The payload of type `T` of a native method's `self` (`args[0]`), or CPython's TypeError for
/// an unbound call with a wrong object: "descriptor 'append' for 'collections.deque' objects
/// doesn't apply to a 'int' object".
pub fn native_self<'a, T: crate::objects::types::NativeData>(
    args: &'a [Value],
    class_name: &str,
    method: &str,
) -> PyResult<&'a T> {
    if let Some(Value::Instance(inst)) = args.first() {
        if let Some(data) = inst.native_data::<T>() {
            return Ok(data);
        }
    }
    Err(native_self_error(args.first(), class_name, method))
}

#[cold]
fn native_self_error(got: Option<&Value>, class_name: &str, method: &str) -> PyErr {
    match got {
        Some(v) => PyErr::type_error(format!(
            "descriptor '{method}' for '{class_name}' objects doesn't apply to a '{}' object",
            v.type_name()
        )),
        None => {
            PyErr::type_error(format!("descriptor '{method}' of '{class_name}' object needs an argument"))
        }
    }
}

/// The names `dir()` adds for built-in type `name`, beyond its base's.
pub fn dir_tables_for(name: &str) -> Option<&'static [&'static str]> {
    let table = dir_tables::DIR_TABLES;
    table.binary_search_by(|(n, _)| (*n).cmp(name)).ok().map(|i| table[i].1)
}

fn builtin_build_class(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    vm.build_class(args, kwargs)
}

/// `prop.setter` / `.getter` / `.deleter`: a function making a copy with one accessor replaced.
pub fn property_copier(prop: &Value, which: &str) -> Value {
    let f: NativeFn = match which {
        "setter" => |_, a, _| property_with(a, 1),
        "deleter" => |_, a, _| property_with(a, 2),
        _ => |_, a, _| property_with(a, 0),
    };
    Value::Builtin(Rc::new(BuiltinFunction {
        name: match which {
            "setter" => "setter",
            "deleter" => "deleter",
            _ => "getter",
        },
        func: f,
        bound_self: Some(prop.clone()),
        is_method: false,
    }))
}

fn property_with(args: &[Value], slot: usize) -> PyResult<Value> {
    let (Some(Value::Property(p)), Some(f)) = (args.first(), args.get(1)) else {
        return Err(PyErr::type_error("property accessor needs a function"));
    };
    let mut parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    parts[slot] = f.clone();
    let [fget, fset, fdel] = parts;
    let doc = std::cell::RefCell::new(p.doc.borrow().clone());
    Ok(Value::Property(Rc::new(crate::objects::types::PropertyObject { fget, fset, fdel, doc })))
}

fn name_arg(args: &[Value], i: usize, what: &str) -> PyResult<Name> {
    match args.get(i) {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => {
            Err(PyErr::type_error(format!("attribute name must be string, not '{}'", other.type_name())))
        }
        None => Err(PyErr::type_error(format!("{what} expected at least 2 arguments, got {}", args.len()))),
    }
}

fn builtin_getattr(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("getattr", kwargs)?;
    arity("getattr", args, 2, 3)?;
    let name = name_arg(args, 1, "getattr")?;
    match vm.get_attr(&args[0], &name) {
        Err(PyErr::New(ExcKind::AttributeError, _)) if args.len() == 3 => Ok(args[2].clone()),
        Err(PyErr::Raised(e)) if args.len() == 3 && e.class.exception == Some(ExcKind::AttributeError) => {
            Ok(args[2].clone())
        }
        other => other,
    }
}

fn builtin_hasattr(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("hasattr", kwargs)?;
    arity("hasattr", args, 2, 2)?;
    let name = name_arg(args, 1, "hasattr")?;
    match vm.get_attr(&args[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(PyErr::New(ExcKind::AttributeError, _)) => Ok(Value::Bool(false)),
        Err(PyErr::Raised(e)) if e.class.exception == Some(ExcKind::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn builtin_setattr(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("setattr", kwargs)?;
    arity("setattr", args, 3, 3)?;
    let name = name_arg(args, 1, "setattr")?;
    vm.set_attr(&args[0], &name, args[2].clone())?;
    Ok(Value::None)
}

fn builtin_delattr(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("delattr", kwargs)?;
    arity("delattr", args, 2, 2)?;
    let name = name_arg(args, 1, "delattr")?;
    vm.del_attr(&args[0], &name)?;
    Ok(Value::None)
}

/// Methods reached through a built-in type object (`str.upper`, `dict.fromkeys`, ...).
pub fn type_method(t: &Rc<crate::objects::types::TypeObject>, name: &str) -> Option<Value> {
    use crate::objects as o;
    if t.is_heap_type {
        return None;
    }
    let (table, class_methods): (&[(&'static str, NativeFn)], &[&str]) = match t.name.as_str() {
        "str" => (o::str::METHODS, o::str::CLASS_METHODS),
        "list" => (o::list::METHODS, &[]),
        "tuple" => (o::tuple::METHODS, &[]),
        "dict" => (o::dict::METHODS, o::dict::CLASS_METHODS),
        "int" | "bool" => (o::int::METHODS, o::int::CLASS_METHODS),
        "float" => (o::float::METHODS, o::float::CLASS_METHODS),
        "range" => (o::range::METHODS, &[]),
        "bytes" => (o::bytes_methods::METHODS, o::bytes_methods::CLASS_METHODS),
        "bytearray" => match sorted_lookup(o::bytearray::METHODS, name) {
            Some(_) => (o::bytearray::METHODS, &[]),
            None => (o::bytes_methods::METHODS, o::bytes_methods::CLASS_METHODS),
        },
        "complex" => (o::complex::METHODS, &[]),
        _ => return None,
    };
    let &(n, func) = sorted_lookup(table, name)?;
    Some(if class_methods.contains(&name) {
        bound(n, func, &Value::Type(t.clone()))
    } else {
        Value::Builtin(Rc::new(BuiltinFunction { name: n, func, bound_self: None, is_method: true }))
    })
}

/// Puts native methods into a built-in type's dict (for protocols looked up on the type, such
/// as `with`'s `__enter__`/`__exit__`).
pub fn add_methods(t: &crate::objects::types::TypeObject, methods: &[(&'static str, NativeFn)]) {
    for &(n, f) in methods {
        t.dict.set_str(
            n,
            Value::Builtin(Rc::new(BuiltinFunction { name: n, func: f, bound_self: None, is_method: true })),
        );
    }
}

/// `BaseException.__init__` and friends, stored in BaseException's type dict.
pub fn install_exception_methods(dict: &DictObject) {
    let init: NativeFn = |vm, a, kw| {
        if let Some(Value::Exception(e)) = a.first() {
            if !kw.is_empty()
                && e.class.is_subclass(&vm.exception_type(crate::exceptions::ExcKind::ImportError))
            {
                *e.args.borrow_mut() = a[1..].to_vec();
                return crate::import::import_error_keywords(e, kw).map(|_| Value::None);
            }
        }
        if !kw.is_empty() {
            let name = match a.first() {
                Some(Value::Exception(e)) => e.class.name.to_string(),
                _ => "BaseException".into(),
            };
            return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
        }
        if let Some(Value::Exception(e)) = a.first() {
            *e.args.borrow_mut() = a[1..].to_vec();
        }
        Ok(Value::None)
    };
    dict.set_str(
        "__init__",
        Value::Builtin(Rc::new(BuiltinFunction {
            name: "__init__",
            func: init,
            bound_self: None,
            is_method: true,
        })),
    );
}

/// `object`'s own methods, reached through `super()` when no class in the MRO defines them.
pub fn object_method(obj: &Value, name: &str) -> Option<Value> {
    let f: (&'static str, NativeFn) = match name {
        "__init__" => ("__init__", |_, _, _| Ok(Value::None)),
        "__init_subclass__" => ("__init_subclass__", |_, a, kw| match (a.first(), kw.is_empty()) {
            (Some(Value::Type(t)), false) => {
                Err(PyErr::type_error(format!("{}.__init_subclass__() takes no keyword arguments", t.name)))
            }
            _ => Ok(Value::None),
        }),
        "__repr__" => ("__repr__", |vm, a, _| Ok(Value::str(&default_repr(vm, &a[0])))),
        "__str__" => ("__str__", |vm, a, _| Ok(Value::str(&vm.repr(&a[0])?))),
        "__setattr__" => ("__setattr__", |vm, a, _| {
            let (Some(obj), Some(Value::Str(n)), Some(v)) = (a.first(), a.get(1), a.get(2)) else {
                return Err(PyErr::type_error("__setattr__ expected 2 arguments"));
            };
            let class = vm.type_of(obj);
            vm.generic_set_attr(obj, &class, n, v.clone())?;
            Ok(Value::None)
        }),
        "__hash__" => ("__hash__", |_, a, _| match a.first() {
            Some(obj) => Ok(Value::Int(crate::objects::int::hash_value(obj)?)),
            None => Err(PyErr::type_error("__hash__ expected 0 arguments")),
        }),
        "__eq__" => ("__eq__", |_, a, _| match (a.first(), a.get(1)) {
            (Some(x), Some(y)) if x.is(y) => Ok(Value::Bool(true)),
            _ => Ok(Value::NotImplemented),
        }),
        "__ne__" => ("__ne__", |_, a, _| match (a.first(), a.get(1)) {
            (Some(x), Some(y)) if x.is(y) => Ok(Value::Bool(false)),
            _ => Ok(Value::NotImplemented),
        }),
        "__getattribute__" => ("__getattribute__", |vm, a, _| match (a.first(), a.get(1)) {
            (Some(obj), Some(Value::Str(n))) => vm.object_getattribute(obj, n),
            _ => Err(PyErr::type_error("__getattribute__ expected 1 argument")),
        }),
        "__delattr__" => ("__delattr__", |vm, a, _| match (a.first(), a.get(1)) {
            (Some(obj), Some(Value::Str(n))) => vm.generic_del_attr(obj, n).map(|_| Value::None),
            _ => Err(PyErr::type_error("__delattr__ expected 1 argument")),
        }),
        "__new__" => ("__new__", |vm, a, _| match a.first() {
            // Reached through super() from a `__new__`: bound to the class, which is passed again.
            Some(Value::Type(_)) if matches!(a.get(1), Some(Value::Type(t)) if t.exception.is_some()) => {
                match a.get(1) {
                    Some(Value::Type(t)) => {
                        Ok(Value::Exception(vm.new_exception(t, a[2..].to_vec(), &[])?))
                    }
                    _ => Err(PyErr::type_error("object.__new__(X): X is not a type object")),
                }
            }
            Some(Value::Type(t)) if t.exception.is_some() => {
                Ok(Value::Exception(vm.new_exception(t, a[1..].to_vec(), &[])?))
            }
            Some(Value::Type(t)) => {
                crate::objects::types::check_not_abstract(vm, t)?;
                let v = Value::Instance(Rc::new(crate::objects::types::InstanceObject::new(t.clone())));
                vm.gc_track(&v);
                Ok(v)
            }
            _ => {
                let _ = vm;
                Err(PyErr::type_error("object.__new__(X): X is not a type object"))
            }
        }),
        _ => return None,
    };
    Some(bound(f.0, f.1, obj))
}

/// `<__main__.Point object at 0x...>`.
pub fn default_repr(vm: &mut Vm, v: &Value) -> String {
    let t = vm.type_of(v);
    let module = match &*t.module.borrow() {
        Some(Value::Str(m)) if m.as_str() != "builtins" => format!("{m}."),
        _ => String::new(),
    };
    format!("<{module}{} object at {:#x}>", t.qualname, v.address())
}

/// An int or bool as a plain int.
pub fn as_int(v: &Value) -> Value {
    match v {
        Value::Bool(b) => Value::Int(*b as i64),
        other => other.clone(),
    }
}

pub fn arity(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    if args.len() < min || args.len() > max {
        let msg = if min == max {
            if min == 1 {
                format!("{name}() takes exactly one argument ({} given)", args.len())
            } else {
                format!("{name} expected {min} arguments, got {}", args.len())
            }
        } else if args.len() < min {
            format!(
                "{name} expected at least {min} argument{}, got {}",
                if min == 1 { "" } else { "s" },
                args.len()
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {}",
                if max == 1 { "" } else { "s" },
                args.len()
            )
        };
        return Err(PyErr::type_error(msg));
    }
    Ok(())
}

/// Argument Clinic's parsing (`_PyArg_UnpackKeywords`) where `names[..required]` must be
/// given: a missing one is reported before unknown keywords, as CPython does.
pub fn clinic<const N: usize>(
    fname: &str,
    args: &[Value],
    kwargs: &Kwargs,
    names: [&str; N],
    maxpos: usize,
    required: usize,
) -> PyResult<[Option<Value>; N]> {
    if args.len() + kwargs.len() <= N {
        for (i, name) in names.iter().enumerate().take(required).skip(args.len()) {
            if !kwargs.iter().any(|(k, _)| k.as_str() == *name) {
                return Err(PyErr::type_error(format!(
                    "{fname}() missing required argument '{name}' (pos {})",
                    i + 1
                )));
            }
        }
    }
    crate::objects::args::keywords(fname, args, kwargs, names, maxpos)
}

pub fn no_kwargs(name: &str, kwargs: &Kwargs) -> PyResult<()> {
    if !kwargs.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

fn builtin_len(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("len", kwargs)?;
    arity("len", args, 1, 1)?;
    Ok(Value::Int(vm.len_of(&args[0])? as i64))
}

fn builtin_repr(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("repr", kwargs)?;
    arity("repr", args, 1, 1)?;
    Ok(Value::str(&vm.repr(&args[0])?))
}

fn builtin_ascii(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("ascii", kwargs)?;
    arity("ascii", args, 1, 1)?;
    Ok(Value::str(&ascii_of(&vm.repr(&args[0])?)))
}

/// `ascii()`: the repr with non-ASCII characters escaped.
pub fn ascii_of(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        let cp = c as u32;
        match cp {
            0..=0x7F => out.push(c),
            0x80..=0xFF => out.push_str(&format!("\\x{cp:02x}")),
            0x100..=0xFFFF => out.push_str(&format!("\\u{cp:04x}")),
            _ => out.push_str(&format!("\\U{cp:08x}")),
        }
    }
    out
}

pub fn int_arg(v: &Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        other => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer{what}",
            other.type_name()
        ))),
    }
}

pub fn key_of(vm: &mut Vm, key: &Option<Value>, v: &Value) -> PyResult<Value> {
    match key {
        Some(k) if !matches!(k, Value::None) => vm.call_value(k, vec![v.clone()], Vec::new()),
        _ => Ok(v.clone()),
    }
}

fn builtin_chr(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("chr", kwargs)?;
    arity("chr", args, 1, 1)?;
    let i = match crate::objects::args::index_value(vm, &args[0])? {
        Value::Int(i) if i32::try_from(i).is_ok() => i,
        _ => return Err(PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C int")),
    };
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::str(c.encode_utf8(&mut [0; 4]))),
        None => Err(PyErr::value_error("chr() arg not in range(0x110000)")),
    }
}

fn builtin_ord(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("ord", kwargs)?;
    arity("ord", args, 1, 1)?;
    match &args[0] {
        Value::Str(s) => {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(PyErr::type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.chars().count()
                ))),
            }
        }
        Value::Bytes(_) | Value::ByteArray(_) => {
            let data = crate::objects::bytes::buffer(&args[0]).map(|b| b.into_vec()).unwrap_or_default();
            match data[..] {
                [b] => Ok(Value::Int(b as i64)),
                _ => Err(PyErr::type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    data.len()
                ))),
            }
        }
        other => Err(PyErr::type_error(format!(
            "ord() expected string of length 1, but {} found",
            other.type_name()
        ))),
    }
}

// ---- methods of built-in types ----

pub fn bound(name: &'static str, func: NativeFn, this: &Value) -> Value {
    Value::Builtin(Rc::new(BuiltinFunction { name, func, bound_self: Some(this.clone()), is_method: false }))
}

/// The methods of the interpreter's own iterators (list, tuple, range, str, dict iterators).
static ITERATOR_METHODS: &[(&str, NativeFn)] = &[
    ("__iter__", |_, a, _| Ok(a.first().cloned().unwrap_or(Value::None))),
    ("__next__", |vm, a, _| match a.first() {
        Some(Value::Iterator(it)) => {
            let it = it.clone();
            vm.iter_next(&it)?.ok_or_else(|| PyErr::new(ExcKind::StopIteration, ""))
        }
        _ => Err(PyErr::type_error("__next__ needs an iterator")),
    }),
];

static GENERATOR_METHODS: &[(&str, NativeFn)] = &[
    ("send", |vm, a, _| {
        let (Some(Value::Generator(g)), Some(v)) = (a.first(), a.get(1)) else {
            return Err(PyErr::type_error("send() takes exactly one argument"));
        };
        vm.generator_send(g, v.clone())
    }),
    ("__next__", |vm, a, _| match a.first() {
        Some(Value::Generator(g)) => vm.generator_send(g, Value::None),
        _ => Err(PyErr::type_error("__next__ needs a generator")),
    }),
    ("throw", |vm, a, _| match a.first() {
        Some(Value::Generator(g)) => {
            let exc = crate::objects::generator_throw::thrown_exception(vm, &a[1..])?;
            vm.generator_throw(g, exc)
        }
        _ => Err(PyErr::type_error("throw expected at least 1 argument, got 0")),
    }),
    ("close", |vm, a, _| match a.first() {
        Some(Value::Generator(g)) => vm.generator_close(g),
        _ => Err(PyErr::type_error("close needs a generator")),
    }),
    ("__iter__", |_, a, _| Ok(a[0].clone())),
];

/// A built-in method of `obj`, bound to it, from its type's method table.
pub fn method(obj: &Value, name: &str) -> Option<Value> {
    use crate::objects as o;
    // These tables are sorted by name.
    let table: &[(&'static str, NativeFn)] = match obj {
        Value::Str(_) => o::str::METHODS,
        Value::List(_) => o::list::METHODS,
        Value::Dict(_) => o::dict::METHODS,
        Value::Tuple(_) => o::tuple::METHODS,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => o::int::METHODS,
        Value::Float(_) => o::float::METHODS,
        Value::Range(_) => o::range::METHODS,
        Value::Generator(g) if g.is_async_generator => crate::objects::async_generator::ASYNC_GEN_METHODS,
        Value::Generator(_) => GENERATOR_METHODS,
        Value::AsyncGenOp(_) => crate::objects::async_generator::OP_METHODS,
        Value::Iterator(_) => ITERATOR_METHODS,
        Value::Set(_) => crate::objects::set_methods::METHODS,
        Value::Complex(_) => o::complex::METHODS,
        Value::Bytes(_) | Value::ByteArray(_) => {
            return o::bytes_methods::lookup(obj, name).map(|(n, f)| bound(n, f, obj))
        }
        _ => return None,
    };
    let found = match obj {
        Value::Generator(_) | Value::Set(_) | Value::AsyncGenOp(_) => table.iter().find(|(n, _)| *n == name),
        _ => sorted_lookup(table, name),
    };
    found.map(|(n, f)| bound(n, *f, obj))
}

fn sorted_lookup<'t>(
    table: &'t [(&'static str, NativeFn)],
    name: &str,
) -> Option<&'t (&'static str, NativeFn)> {
    table.binary_search_by(|(n, _)| (*n).cmp(name)).ok().map(|i| &table[i])
}

// ---- repr and format ----

/// `repr(v)`; `depth` guards against runaway nesting.
pub fn repr_value(vm: &mut Vm, v: &Value, depth: usize) -> PyResult<String> {
    if depth > 1000 {
        return Err(PyErr::new(
            ExcKind::RecursionError,
            "maximum recursion depth exceeded while getting the repr of an object",
        ));
    }
    Ok(match v {
        Value::Null => "<NULL>".into(),
        Value::None => "None".into(),
        Value::NotImplemented => "NotImplemented".into(),
        Value::Ellipsis => "Ellipsis".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => int_limit::to_decimal(b)?,
        Value::Float(f) => kaa_syntax::repr::float_repr(*f),
        Value::Str(s) => crate::objects::str::repr(s),
        Value::List(l) => {
            let items = l.borrow().clone();
            let parts: PyResult<Vec<String>> = items.iter().map(|x| repr_value(vm, x, depth + 1)).collect();
            format!("[{}]", parts?.join(", "))
        }
        Value::Tuple(t) => {
            let parts: PyResult<Vec<String>> = t.iter().map(|x| repr_value(vm, x, depth + 1)).collect();
            let parts = parts?;
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Value::Dict(d) => {
            let mut parts = Vec::new();
            for (k, val) in d.items() {
                parts.push(format!(
                    "{}: {}",
                    repr_value(vm, &k, depth + 1)?,
                    repr_value(vm, &val, depth + 1)?
                ));
            }
            format!("{{{}}}", parts.join(", "))
        }
        Value::Function(f) => {
            format!("<function {} at {:#x}>", f.qualname, Rc::as_ptr(f) as *const u8 as usize)
        }
        Value::Builtin(b) => match &b.bound_self {
            Some(s) => format!(
                "<built-in method {} of {} object at {:#x}>",
                b.name,
                s.type_name(),
                Rc::as_ptr(b) as *const u8 as usize
            ),
            None => format!("<built-in function {}>", b.name),
        },
        Value::BoundMethod(m) => {
            let name = match &m.0 {
                Value::Function(f) => f.qualname.to_string(),
                _ => "?".into(),
            };
            format!("<bound method {name} of {}>", repr_value(vm, &m.1, depth + 1)?)
        }
        Value::Range(r) => {
            if r.2 == 1 {
                format!("range({}, {})", r.0, r.1)
            } else {
                format!("range({}, {}, {})", r.0, r.1, r.2)
            }
        }
        Value::Iterator(it) => {
            format!("<{} object at {:#x}>", it.borrow().type_name(), Rc::as_ptr(it) as *const u8 as usize)
        }
        Value::Slice(s) => format!(
            "slice({}, {}, {})",
            repr_value(vm, &s.0, depth + 1)?,
            repr_value(vm, &s.1, depth + 1)?,
            repr_value(vm, &s.2, depth + 1)?
        ),
        Value::Native(n) => crate::objects::native::repr(vm, n, depth)?,
        Value::Type(t)
            if t.metaclass
                .as_ref()
                .is_some_and(|m| matches!(m.lookup("__repr__"), Some(Value::Function(_)))) =>
        {
            let f = t.metaclass.as_ref().and_then(|m| m.lookup("__repr__")).unwrap_or(Value::None);
            match vm.call_value(&f, vec![v.clone()], Vec::new())? {
                Value::Str(s) => s.to_string(),
                other => {
                    return Err(PyErr::type_error(format!(
                        "__repr__ returned non-string (type {})",
                        other.type_name()
                    )))
                }
            }
        }
        Value::Type(t) => {
            let module = match &*t.module.borrow() {
                Some(Value::Str(m)) if m.as_str() != "builtins" => format!("{m}."),
                _ => String::new(),
            };
            format!("<class '{module}{}'>", t.qualname)
        }
        Value::Instance(i) => match i.class.lookup("__repr__") {
            Some(f) => {
                let r = vm.call_value(&f, vec![v.clone()], Vec::new())?;
                match r {
                    Value::Str(s) => s.to_string(),
                    other => {
                        return Err(PyErr::type_error(format!(
                            "__repr__ returned non-string (type {})",
                            other.type_name()
                        )))
                    }
                }
            }
            None => default_repr(vm, v),
        },
        Value::Property(_) | Value::ClassMethod(_) | Value::StaticMethod(_) | Value::Super(_) => {
            default_repr(vm, v)
        }
        Value::Exception(e) => {
            if let (true, Some(f)) = (e.class.is_heap_type, e.class.lookup("__repr__")) {
                if !matches!(&f, Value::Builtin(b) if b.name == "__repr__") {
                    let r = vm.call_value(&f, vec![v.clone()], Vec::new())?;
                    return vm.str(&r);
                }
            }
            vm.exception_repr(e)?
        }
        Value::Frame(f) => crate::frames::frame_repr(vm, f),
        Value::Traceback(_) => format!("<traceback object at {:#x}>", v.address()),
        Value::Cell(_) => "<cell>".into(),
        Value::WeakRef(r) => {
            let r = r.clone();
            vm.weakref_repr(&r)?
        }
        Value::Generator(g) => format!("<{} object {} at {:#x}>", v.type_name(), g.qualname, v.address()),
        Value::AsyncGenOp(o) => format!("<{} object at {:#x}>", o.type_name(), v.address()),
        Value::Module(m) => crate::import::module_repr(m),
        Value::Set(s) => {
            let keys = s.keys();
            let parts: PyResult<Vec<String>> = keys.iter().map(|x| repr_value(vm, x, depth + 1)).collect();
            let body = parts?.join(", ");
            match (s.frozen, keys.is_empty()) {
                (false, true) => "set()".into(),
                (false, false) => format!("{{{body}}}"),
                (true, true) => "frozenset()".into(),
                (true, false) => format!("frozenset({{{body}}})"),
            }
        }
        Value::Bytes(b) => crate::objects::bytes::repr(b),
        Value::ByteArray(b) => crate::objects::bytes::bytearray_repr(&b.data.borrow()),
        Value::Complex(z) => crate::objects::complex::repr(z),
        Value::MemoryView(m) => crate::objects::memoryview::repr(m, v.address()),
        Value::Code(c) => {
            format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.name,
                v.address(),
                c.filename,
                c.firstlineno
            )
        }
    })
}
