//! `Value`: every Python object as the VM holds it.

use crate::exceptions::ExceptionObject;
use crate::objects::dict::DictObject;
use crate::objects::function::{BuiltinFunction, FunctionObject};
use crate::objects::types::{InstanceObject, PropertyObject, SuperObject, TypeObject};
use num_bigint::BigInt;
use std::cell::RefCell;
use std::rc::Rc;

/// A Python value. Common scalars are stored inline; the rest are `Rc` pointers, so a `Value` is
/// two words and cloning one is at most a non-atomic reference-count increment.
///
/// `repr(C, u64)`: the tag is word 0 and every payload is word 1. With the default layout
/// `Bool`'s payload sat at byte 1, so moving any `Value` copied the unaligned bytes 1..16 as
/// overlapping pieces, which defeated store-to-load forwarding on every push and pop (measured:
/// the largest single stall in the eval loop). `Option<Value>` still uses the tag as its niche.
#[repr(C, u64)]
pub enum Value {
    /// CPython's NULL: an unbound local or the "no self" marker of a call. Never seen by Python code.
    Null,
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    /// An `int` that fits in 64 bits.
    Int(i64),
    /// An `int` that does not (always normalized: never fits in i64).
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(Rc<crate::objects::str::StrObject>),
    Tuple(Rc<Vec<Value>>),
    List(Rc<RefCell<Vec<Value>>>),
    Dict(Rc<DictObject>),
    Function(Rc<FunctionObject>),
    Builtin(Rc<BuiltinFunction>),
    /// A method bound to its `self`.
    BoundMethod(Rc<(Value, Value)>),
    Range(Rc<(i64, i64, i64)>),
    Iterator(Rc<RefCell<crate::objects::iter::IterState>>),
    Slice(Rc<(Value, Value, Value)>),
    Type(Rc<TypeObject>),
    Exception(Rc<ExceptionObject>),
    Cell(Rc<RefCell<Value>>),
    Code(Rc<kaa_bytecode::CodeObject>),
    /// An instance of a class made by a `class` statement.
    Instance(Rc<InstanceObject>),
    Property(Rc<PropertyObject>),
    ClassMethod(Rc<Value>),
    StaticMethod(Rc<Value>),
    Super(Rc<SuperObject>),
    Generator(Rc<crate::objects::generator::GeneratorObject>),
    /// `set` or `frozenset` (see `SetObject::frozen`).
    Set(Rc<crate::objects::set::SetObject>),
    Module(Rc<crate::modules::ModuleObject>),
    /// `weakref.ref` or `weakref.proxy`.
    WeakRef(Rc<crate::objects::weakref::WeakRefObject>),
    Frame(Rc<crate::objects::frame::FrameObject>),
    /// The awaitable of an async generator's `__anext__`/`asend`/`athrow`/`aclose`.
    AsyncGenOp(Rc<crate::objects::async_generator::AsyncGenOp>),
    Traceback(Rc<crate::objects::frame::TracebackObject>),
    /// The smaller built-in objects of the class model: slot member descriptors, dict views,
    /// `mappingproxy` (see `objects/native.rs`).
    Native(Rc<crate::objects::native::NativeObject>),
    Bytes(Rc<crate::objects::bytes::BytesObject>),
    ByteArray(Rc<crate::objects::bytearray::ByteArrayObject>),
    Complex(Rc<crate::objects::complex::Complex>),
    MemoryView(Rc<crate::objects::memoryview::MemoryViewObject>),
}

// A `Value` must stay two words: it is copied on every stack operation.
const _: () = assert!(std::mem::size_of::<Value>() == 16);
// ... and so must `Option<Value>` (the tag is its niche).
const _: () = assert!(std::mem::size_of::<Option<Value>>() == 16);

/// Reads the `Value` at `p` as two separate 8-byte loads (a bitwise move: the caller takes over
/// the reference, if any).
///
/// Why not `ptr::read`: that compiles to one 16-byte load, and a 16-byte load of a slot that was
/// just written as two 8-byte stores (how a `Value` computed in registers is stored, e.g. every
/// arithmetic result) cannot be store-forwarded: the CPU stalls until both stores retire, on
/// nearly every push/pop pair of the stack machine. 8-byte loads forward from either kind of
/// store. Volatile only so LLVM keeps them as two loads.
///
/// # Safety
/// `p` must point to an initialized `Value` whose ownership the caller takes.
#[inline(always)]
pub unsafe fn read_value_words(p: *const Value) -> Value {
    let w = p as *const u64;
    let words = [std::ptr::read_volatile(w), std::ptr::read_volatile(w.add(1))];
    // SAFETY: the words are the bits of a valid `Value` (it is `repr(C, u64)`, two words).
    std::mem::transmute::<[u64; 2], Value>(words)
}

/// Writes `v` to `p` as two 8-byte stores (see `read_value_words`).
///
/// # Safety
/// `p` must be valid for writes; what it held is overwritten without being dropped.
#[inline(always)]
pub unsafe fn write_value_words(p: *mut Value, v: Value) {
    let words = std::mem::transmute::<Value, [u64; 2]>(v);
    let w = p as *mut u64;
    std::ptr::write_volatile(w, words[0]);
    std::ptr::write_volatile(w.add(1), words[1]);
}

impl Clone for Value {
    /// Inline scalars are copied in place; only heap objects take the out-of-line path that
    /// increments a reference count (the derived clone was a call for every value).
    #[inline(always)]
    fn clone(&self) -> Value {
        if self.is_inline() {
            // SAFETY: inline variants own no heap data, so a bitwise copy is a valid clone.
            unsafe { std::ptr::read(self) }
        } else {
            self.clone_heap()
        }
    }
}

impl Value {
    /// Is this a value stored entirely inline (nothing to count or free)?
    #[inline(always)]
    pub fn is_inline(&self) -> bool {
        matches!(
            self,
            Value::Null
                | Value::None
                | Value::NotImplemented
                | Value::Ellipsis
                | Value::Bool(_)
                | Value::Int(_)
                | Value::Float(_)
        )
    }

    /// Adds one reference to what `self` points to (nothing for inline scalars): for code that
    /// then copies the value bitwise (the interpreter's in-place pushes).
    #[inline(always)]
    pub fn add_ref(&self) {
        if !self.is_inline() {
            std::mem::forget(self.clone_heap());
        }
    }

    #[inline(never)]
    fn clone_heap(&self) -> Value {
        match self {
            Value::BigInt(r) => Value::BigInt(r.clone()),
            Value::Str(r) => Value::Str(r.clone()),
            Value::Tuple(r) => Value::Tuple(r.clone()),
            Value::List(r) => Value::List(r.clone()),
            Value::Dict(r) => Value::Dict(r.clone()),
            Value::Function(r) => Value::Function(r.clone()),
            Value::Builtin(r) => Value::Builtin(r.clone()),
            Value::BoundMethod(r) => Value::BoundMethod(r.clone()),
            Value::Range(r) => Value::Range(r.clone()),
            Value::Iterator(r) => Value::Iterator(r.clone()),
            Value::Slice(r) => Value::Slice(r.clone()),
            Value::Type(r) => Value::Type(r.clone()),
            Value::Exception(r) => Value::Exception(r.clone()),
            Value::Cell(r) => Value::Cell(r.clone()),
            Value::Code(r) => Value::Code(r.clone()),
            Value::Instance(r) => Value::Instance(r.clone()),
            Value::Property(r) => Value::Property(r.clone()),
            Value::ClassMethod(r) => Value::ClassMethod(r.clone()),
            Value::StaticMethod(r) => Value::StaticMethod(r.clone()),
            Value::Super(r) => Value::Super(r.clone()),
            Value::Generator(r) => Value::Generator(r.clone()),
            Value::Set(r) => Value::Set(r.clone()),
            Value::Module(r) => Value::Module(r.clone()),
            Value::Bytes(r) => Value::Bytes(r.clone()),
            Value::ByteArray(r) => Value::ByteArray(r.clone()),
            Value::Complex(r) => Value::Complex(r.clone()),
            Value::MemoryView(r) => Value::MemoryView(r.clone()),
            Value::Native(r) => Value::Native(r.clone()),
            Value::Frame(r) => Value::Frame(r.clone()),
            Value::AsyncGenOp(r) => Value::AsyncGenOp(r.clone()),
            Value::Traceback(r) => Value::Traceback(r.clone()),
            Value::WeakRef(r) => Value::WeakRef(r.clone()),
            // Every variant is listed (no catch-all), so a new heap variant cannot be copied
            // bitwise by mistake: the match stops compiling until it gets its arm.
            Value::Null => Value::Null,
            Value::None => Value::None,
            Value::NotImplemented => Value::NotImplemented,
            Value::Ellipsis => Value::Ellipsis,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
        }
    }

    /// Drops a value, skipping the out-of-line drop glue for inline scalars.
    #[inline(always)]
    pub fn discard(self) {
        if self.is_inline() {
            std::mem::forget(self);
        } else {
            drop_heap(self);
        }
    }
}

#[inline(never)]
fn drop_heap(v: Value) {
    drop(v);
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::new(crate::objects::str::StrObject::new(s)))
    }

    /// An `int` from a big integer, stored inline when it fits.
    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(b)),
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Identity, as `is` compares: same inline value or same heap object.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (Null, Null) | (None, None) | (NotImplemented, NotImplemented) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            // Small ints are cached in CPython (-5..=256); larger equal ints are usually distinct.
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Str(a), Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            (Tuple(a), Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (List(a), List(b)) => Rc::ptr_eq(a, b),
            (Dict(a), Dict(b)) => Rc::ptr_eq(a, b),
            (Function(a), Function(b)) => Rc::ptr_eq(a, b),
            (Builtin(a), Builtin(b)) => Rc::ptr_eq(a, b),
            (Type(a), Type(b)) => Rc::ptr_eq(a, b),
            (Exception(a), Exception(b)) => Rc::ptr_eq(a, b),
            (BigInt(a), BigInt(b)) => Rc::ptr_eq(a, b),
            (Range(a), Range(b)) => Rc::ptr_eq(a, b),
            (Iterator(a), Iterator(b)) => Rc::ptr_eq(a, b),
            (Cell(a), Cell(b)) => Rc::ptr_eq(a, b),
            (Code(a), Code(b)) => Rc::ptr_eq(a, b),
            (Instance(a), Instance(b)) => Rc::ptr_eq(a, b),
            (Property(a), Property(b)) => Rc::ptr_eq(a, b),
            (ClassMethod(a), ClassMethod(b)) | (StaticMethod(a), StaticMethod(b)) => Rc::ptr_eq(a, b),
            (Super(a), Super(b)) => Rc::ptr_eq(a, b),
            (Generator(a), Generator(b)) => Rc::ptr_eq(a, b),
            (Set(a), Set(b)) => Rc::ptr_eq(a, b),
            (Module(a), Module(b)) => Rc::ptr_eq(a, b),
            (WeakRef(a), WeakRef(b)) => Rc::ptr_eq(a, b),
            (BoundMethod(a), BoundMethod(b)) => Rc::ptr_eq(a, b),
            (Slice(a), Slice(b)) => Rc::ptr_eq(a, b),
            (Frame(a), Frame(b)) => Rc::ptr_eq(a, b),
            (AsyncGenOp(a), AsyncGenOp(b)) => Rc::ptr_eq(a, b),
            (Traceback(a), Traceback(b)) => Rc::ptr_eq(a, b),
            (Native(a), Native(b)) => Rc::ptr_eq(a, b),
            (Bytes(a), Bytes(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (ByteArray(a), ByteArray(b)) => Rc::ptr_eq(a, b),
            (Complex(a), Complex(b)) => Rc::ptr_eq(a, b),
            (MemoryView(a), MemoryView(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// A stable address for `id()` and default reprs: the heap pointer, or 0 for inline values.
    pub fn address(&self) -> usize {
        fn p<T: ?Sized>(r: &Rc<T>) -> usize {
            Rc::as_ptr(r) as *const u8 as usize
        }
        match self {
            Value::BigInt(r) => p(r),
            Value::Str(r) => p(r),
            Value::Tuple(r) => p(r),
            Value::List(r) => p(r),
            Value::Dict(r) => p(r),
            Value::Function(r) => p(r),
            Value::Builtin(r) => p(r),
            Value::BoundMethod(r) => p(r),
            Value::Range(r) => p(r),
            Value::Iterator(r) => p(r),
            Value::Slice(r) => p(r),
            Value::Type(r) => p(r),
            Value::Exception(r) => p(r),
            Value::Cell(r) => p(r),
            Value::Code(r) => p(r),
            Value::Instance(r) => p(r),
            Value::Property(r) => p(r),
            Value::ClassMethod(r) | Value::StaticMethod(r) => p(r),
            Value::Super(r) => p(r),
            Value::Generator(r) => p(r),
            Value::Set(r) => p(r),
            Value::Module(r) => p(r),
            Value::WeakRef(r) => p(r),
            Value::Frame(r) => p(r),
            Value::AsyncGenOp(r) => p(r),
            Value::Traceback(r) => p(r),
            Value::Native(r) => p(r),
            Value::Bytes(r) => p(r),
            Value::ByteArray(r) => p(r),
            Value::Complex(r) => p(r),
            Value::MemoryView(r) => p(r),
            _ => 0,
        }
    }

    /// The name `type(x).__name__` gives.
    pub fn type_name(&self) -> &str {
        match self {
            Value::Null => "NULL",
            Value::None => "NoneType",
            Value::NotImplemented => "NotImplementedType",
            Value::Ellipsis => "ellipsis",
            Value::Bool(_) => "bool",
            Value::Int(_) | Value::BigInt(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::Tuple(_) => "tuple",
            Value::List(_) => "list",
            Value::Dict(_) => "dict",
            Value::Function(_) => "function",
            Value::Builtin(_) => "builtin_function_or_method",
            Value::BoundMethod(_) => "method",
            Value::Range(_) => "range",
            Value::Iterator(it) => it.borrow().type_name(),
            Value::Slice(_) => "slice",
            Value::Type(t) => t.metaclass.as_ref().map_or("type", |m| m.name.as_str()),
            Value::Exception(e) => e.class.name.as_str(),
            Value::Cell(_) => "cell",
            Value::Code(_) => "code",
            Value::Instance(i) => i.class.name.as_str(),
            Value::Property(_) => "property",
            Value::ClassMethod(_) => "classmethod",
            Value::StaticMethod(_) => "staticmethod",
            Value::Super(_) => "super",
            Value::Generator(g) => {
                if g.is_coroutine {
                    "coroutine"
                } else if g.is_async_generator {
                    "async_generator"
                } else {
                    "generator"
                }
            }
            Value::Module(_) => "module",
            Value::WeakRef(r) => match r.kind {
                crate::objects::weakref::WeakKind::Ref => "weakref.ReferenceType",
                crate::objects::weakref::WeakKind::Proxy => "weakref.ProxyType",
                crate::objects::weakref::WeakKind::CallableProxy => "weakref.CallableProxyType",
            },
            Value::Frame(_) => "frame",
            Value::AsyncGenOp(o) => o.type_name(),
            Value::Traceback(_) => "traceback",
            Value::Native(n) => n.type_name(),
            Value::Bytes(_) => "bytes",
            Value::ByteArray(_) => "bytearray",
            Value::Complex(_) => "complex",
            Value::MemoryView(_) => "memoryview",
            Value::Set(s) => {
                if s.frozen {
                    "frozenset"
                } else {
                    "set"
                }
            }
        }
    }
}
