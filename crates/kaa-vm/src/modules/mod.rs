//! Native modules: what CPython writes in C, written here in Rust. Importing one builds its
//! namespace once; `sys.modules` keeps it.

use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::function::{BuiltinFunction, NativeFn};
use crate::value::Value;
use std::rc::Rc;

pub mod abc;
pub(crate) mod array;
pub mod ast;
pub mod atexit;
pub mod binascii;
mod bisect;
mod cmath;
pub mod codecs;
pub mod collections;
pub mod errno;
mod functools;
pub mod gc;
mod hashes;
mod heapq;
pub mod io;
pub mod itertools;
mod json;
mod locale;
mod lru_cache;
mod marshal;
pub mod math;
mod math_extra;
mod native_class;
mod partial;
pub mod posix;
mod posix_process;
mod posix_scandir;
pub mod random;
mod select;
pub mod signal;
mod socket;
pub mod sre;
mod stat;
pub mod string;
pub mod structs;
pub mod structseq;
pub mod sys;
mod sys_config;
mod sys_os;
pub mod thread;
pub mod time;
mod unicodedata;
mod unicodedata_tables;
pub mod warnings;
pub mod weakref;
mod zlib;

/// A module object: a name and a namespace.
pub struct ModuleObject {
    pub name: String,
    pub dict: Rc<DictObject>,
}

/// Adds native functions to a module namespace.
pub fn add_functions(dict: &DictObject, table: &[(&'static str, NativeFn)]) {
    for (name, func) in table {
        dict.set_str(
            name,
            Value::Builtin(Rc::new(BuiltinFunction {
                name,
                func: *func,
                bound_self: None,
                is_method: false,
            })),
        );
    }
}

/// Runs the Python half of a native module (source compiled into Kaa) in its namespace; a
/// failure is a bug in that source, printed when the module is first imported.
pub fn run_python_part(vm: &mut Vm, dict: &Rc<DictObject>, source: &str, filename: &str) {
    dict.set_str("__builtins__", Value::Dict(vm.builtins.clone()));
    let result = crate::builtins::compile_builtin_module(vm, source, filename)
        .and_then(|code| vm.run_code_in(code, dict.clone(), dict.clone()));
    if let Err(e) = result {
        let exc = vm.materialize(e);
        vm.print_exception(&exc);
    }
}

/// The modules written in Rust (importable before anything on `sys.path`).
/// Keep in step with `create` below (a name missing here still imports, but its repr and
/// `BuiltinImporter.find_spec` would not call it built in).
pub const NATIVE: &[&str] = &[
    "sys",
    "math",
    "time",
    "gc",
    "builtins",
    "_kaa_imp",
    "posix",
    "weakref",
    "_weakref",
    "_sre",
    "itertools",
    "_collections",
    "_random",
    "_struct",
    "binascii",
    "_string",
    "_contextvars",
    "_md5",
    "_sha1",
    "_sha256",
    "_sha512",
    "_sha3",
    "_blake2",
    "_heapq",
    "_bisect",
    "_functools",
    "zlib",
    "unicodedata",
    "array",
    "errno",
    "_posixsubprocess",
    "_signal",
    "_thread",
    "atexit",
    "_io",
    "_codecs",
    "_ast",
    "_abc",
    "select",
    "_warnings",
    "_json",
    "_socket",
    "marshal",
    "_stat",
    "cmath",
    "_locale",
];

pub fn is_native(name: &str) -> bool {
    NATIVE.contains(&name)
}

/// Builds the native module `name`, if Kaa has one.
pub(crate) fn create(vm: &mut Vm, name: &str) -> Option<Value> {
    let dict = Rc::new(DictObject::new());
    dict.set_str("__name__", Value::str(name));
    dict.set_str("__doc__", Value::None);
    match name {
        "sys" => sys::init(vm, &dict),
        "math" => math::init(&dict),
        "time" => time::init(vm, &dict),
        "gc" => gc::init(&dict, vm),
        "weakref" | "_weakref" => weakref::init(vm, &dict),
        "_kaa_imp" => crate::import::init_kaa_imp(vm, &dict),
        "posix" => posix::init(vm, &dict),
        "errno" => errno::init(&dict),
        "_signal" => signal::init(vm, &dict),
        "_thread" => thread::init(vm, &dict),
        "atexit" => atexit::init(vm, &dict),
        "_io" => io::init(vm, &dict),
        "_posixsubprocess" => posix_process::init_posixsubprocess(&dict),
        "_sre" => sre::init(vm, &dict),
        "itertools" => itertools::init(vm, &dict),
        "_ast" => ast::init(vm, &dict),
        "_collections" => {
            collections::init(vm, &dict);
            run_python_part(vm, &dict, include_str!("defaultdict.py"), "<frozen _collections>");
        }
        "_random" => random::init(vm, &dict),
        "_struct" => structs::init(vm, &dict),
        "binascii" => binascii::init(vm, &dict),
        "_string" => string::init(&dict),
        "_heapq" => heapq::init(&dict),
        "_bisect" => bisect::init(&dict),
        "_functools" => functools::init(vm, &dict),
        "zlib" => zlib::init(vm, &dict),
        "unicodedata" => unicodedata::init(vm, &dict),
        "array" => array::init(vm, &dict),
        "_md5" | "_sha1" | "_sha256" | "_sha512" | "_sha3" | "_blake2" => hashes::init(vm, &dict, name),
        "_contextvars" => run_python_part(vm, &dict, include_str!("contextvars.py"), "<frozen _contextvars>"),
        "_codecs" => codecs::init(vm, &dict),
        "_abc" => abc::init(vm, &dict),
        "select" => select::init(vm, &dict),
        "_warnings" => warnings::init(vm, &dict),
        "_json" => json::init(vm, &dict),
        "_socket" => socket::init(vm, &dict),
        "marshal" => marshal::init(&dict),
        "_stat" => stat::init(&dict),
        "cmath" => cmath::init(&dict),
        "_locale" => locale::init(vm, &dict),
        "builtins" => {
            return Some(Value::Module(Rc::new(ModuleObject {
                name: name.into(),
                dict: vm.builtins.clone(),
            })))
        }
        _ => return None,
    }
    Some(Value::Module(Rc::new(ModuleObject { name: name.to_string(), dict })))
}
