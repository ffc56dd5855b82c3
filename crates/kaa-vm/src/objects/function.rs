//! Python functions (`def`, `lambda`) and built-in functions.

use crate::exceptions::PyResult;
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::str::Name;
use crate::value::Value;
use kaa_bytecode::CodeObject;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A code object's constants and names as runtime values (names as `str` objects, so namespace
/// lookups hash them once and never allocate).
pub struct CodeValues {
    pub consts: Vec<Value>,
    pub names: Vec<Value>,
    /// LOAD_GLOBAL's inline cache, per name: the value found, valid while the globals dict (by
    /// address) and both its and the builtins' versions are unchanged.
    pub global_cache: RefCell<Vec<Option<GlobalCacheEntry>>>,
    /// The instructions the interpreter runs: the code object's, except that the argument of
    /// LOAD_ATTR, LOAD_METHOD and STORE_ATTR is rewritten to the index of that instruction's
    /// entry in `attr_caches` (which remembers the name index).
    pub instructions: Box<[kaa_bytecode::Instr]>,
    pub attr_caches: Box<[AttrCache]>,
    /// Entry hints of LOAD_NAME, STORE_NAME and DELETE_NAME (whose argument indexes this).
    pub name_caches: Box<[NameCache]>,
}

/// The cache of a LOAD_NAME/STORE_NAME/DELETE_NAME instruction: the name, and the entry index
/// where the namespace (and for LOAD_NAME, builtins) last held it.
pub struct NameCache {
    pub name: u32,
    pub dict_hint: Cell<u32>,
    pub builtins_hint: Cell<u32>,
}

/// The inline cache of one attribute instruction on instances of classes made by `class`
/// statements. Two entries, so sites that see two classes (a method of a base class called on
/// instances of two subclasses) stay cached. An entry is valid while the instance's type is
/// `type_addr` and the type epoch (see `objects::types::type_epoch`) is `epoch`; it records
/// what the class lookup found, so only the instance dict remains to be searched (with
/// `dict_hint`, the entry index last seen).
pub struct AttrCache {
    /// Index of the attribute's name in `co_names`.
    pub name: u32,
    pub entries: [AttrCacheEntry; 2],
    /// The entry the next fill replaces.
    pub victim: Cell<u8>,
    pub dict_hint: Cell<u32>,
}

pub struct AttrCacheEntry {
    pub type_addr: Cell<usize>,
    pub epoch: Cell<u64>,
    pub kind: Cell<AttrKind>,
    /// The class attribute for `AttrKind::Method` and `AttrKind::ClassValue`.
    pub class_value: RefCell<Value>,
    /// The slot index for `AttrKind::Slot`.
    pub slot: Cell<u32>,
}

/// `attach_caches`'s result: the rewritten instructions and the caches they index.
pub type AttachedCaches = (Box<[kaa_bytecode::Instr]>, Box<[AttrCache]>, Box<[NameCache]>);

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AttrKind {
    /// The class lookup found something the cache doesn't handle (a property, a user
    /// descriptor, a `__getattribute__` override): the general path runs.
    Unhandled,
    /// The class has no attribute of that name: instance dict, else the general path.
    InstanceOnly,
    /// A plain Python function on the class: instance dict first, else a method.
    Method,
    /// A plain class attribute that is no descriptor: instance dict first, else this value.
    ClassValue,
    /// LOAD_METHOD on a value of a built-in type: the cached value is the unbound native
    /// method (the entry's "type address" is a `builtin_method_tag`).
    BuiltinMethod,
    /// STORE_ATTR: the class has no `__setattr__` and no data descriptor of that name, so the
    /// value goes straight into the instance dict.
    StoreToDict,
    /// A `__slots__` member (no `__getattribute__`/`__setattr__` override): the instance's slot
    /// `AttrCacheEntry::slot` is read or written directly.
    Slot,
}

impl AttrCache {
    pub fn new(name: u32) -> AttrCache {
        let entry = || AttrCacheEntry {
            type_addr: Cell::new(0),
            epoch: Cell::new(0),
            kind: Cell::new(AttrKind::Unhandled),
            class_value: RefCell::new(Value::Null),
            slot: Cell::new(0),
        };
        AttrCache { name, entries: [entry(), entry()], victim: Cell::new(0), dict_hint: Cell::new(0) }
    }

    /// The entry filled for this type in the current epoch, if any.
    #[inline(always)]
    pub fn lookup(&self, type_addr: usize) -> Option<&AttrCacheEntry> {
        let epoch = crate::objects::types::type_epoch();
        self.entries.iter().find(|e| e.type_addr.get() == type_addr && e.epoch.get() == epoch)
    }

    pub fn fill(&self, type_addr: usize, kind: AttrKind, class_value: Value) -> &AttrCacheEntry {
        let victim = self.victim.get() as usize;
        self.victim.set((victim as u8 + 1) % 2);
        let e = &self.entries[victim];
        e.type_addr.set(type_addr);
        e.epoch.set(crate::objects::types::type_epoch());
        e.kind.set(kind);
        *e.class_value.borrow_mut() = class_value;
        e
    }
}

/// Rewrites the attribute and name instructions of `code` to index fresh caches (see
/// `CodeValues`).
pub fn attach_caches(code: &kaa_bytecode::CodeObject) -> AttachedCaches {
    use kaa_bytecode::{Instr, Opcode};
    let mut caches = Vec::new();
    let mut name_caches = Vec::new();
    let instructions = code
        .instructions
        .iter()
        .map(|&ins| match ins.op() {
            Opcode::LoadAttr | Opcode::LoadMethod | Opcode::StoreAttr => {
                caches.push(AttrCache::new(ins.arg()));
                Instr::new(ins.op(), caches.len() as u32 - 1)
            }
            Opcode::LoadName | Opcode::StoreName | Opcode::DeleteName => {
                name_caches.push(NameCache {
                    name: ins.arg(),
                    dict_hint: Cell::new(0),
                    builtins_hint: Cell::new(0),
                });
                Instr::new(ins.op(), name_caches.len() as u32 - 1)
            }
            _ => ins,
        })
        .collect();
    (instructions, caches.into_boxed_slice(), name_caches.into_boxed_slice())
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
    pub name: crate::objects::types::TypeName,
    pub qualname: crate::objects::types::TypeName,
    /// `__defaults__` and `__kwdefaults__`, which Python code may rebind.
    pub defaults: crate::objects::replaceable::Replaceable<Vec<Value>>,
    pub kwdefaults: crate::objects::replaceable::Replaceable<Vec<(Name, Value)>>,
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
