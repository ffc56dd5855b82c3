//! Python functions (`def`, `lambda`) and built-in functions.

use crate::exceptions::PyResult;
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::str::Name;
use crate::value::Value;
use kaa_bytecode::CodeObject;
use std::cell::RefCell;
use std::rc::Rc;

/// A code object's constants and names as runtime values (names as `str` objects, so namespace
/// lookups hash them once and never allocate).
pub struct CodeValues {
    pub consts: Vec<Value>,
    pub names: Vec<Value>,
    /// LOAD_GLOBAL's inline cache, per name: the value found, valid while the globals dict (by
    /// address) and both its and the builtins' versions are unchanged.
    pub global_cache: RefCell<Vec<Option<GlobalCacheEntry>>>,
}

#[derive(Clone)]
pub struct GlobalCacheEntry {
    pub globals: usize,
    pub globals_version: u64,
    pub builtins_version: u64,
    pub value: Value,
}

/// A frame's cell and free variable slots (shared with closures, so a call that creates no new
/// cells just shares its function's).
pub type Cells = Rc<[Rc<RefCell<Value>>]>;

pub struct FunctionObject {
    pub code: Rc<CodeObject>,
    /// `co_consts` and `co_names` turned into values once, when the code object is first loaded.
    pub consts: Rc<CodeValues>,
    pub globals: Rc<DictObject>,
    pub name: String,
    pub qualname: String,
    pub defaults: Vec<Value>,
    pub kwdefaults: Vec<(Name, Value)>,
    pub annotations: Vec<(Name, Value)>,
    pub closure: Cells,
    /// Attributes set on the function (`f.tag = ...`), its `__dict__`.
    pub dict: crate::objects::dict::DictObject,
}

/// A built-in function: positional arguments and keyword (name, value) pairs.
pub type NativeFn = fn(&mut Vm, &[Value], &[(Name, Value)]) -> PyResult<Value>;

pub struct BuiltinFunction {
    pub name: &'static str,
    pub func: NativeFn,
    /// Set for methods bound to an object (`[].append`).
    pub bound_self: Option<Value>,
    /// A native method stored in a type's dict (like `BaseException.__init__`): looking it up on
    /// an instance binds it, as a Python function would be.
    pub is_method: bool,
}
