//! Slot wrappers: the special methods of the built-in types as attributes of their type
//! objects (`int.__add__`, `str.__len__`, `dict.__getitem__`, `list.__init__`, ...), as CPython
//! exposes its type slots.
//!
//! Each wrapper is a native method in the type's dict. It accepts as `self` a plain value of
//! its type or an instance of a Python subclass (whose payload is the plain value, see
//! `builtin_subclass.rs`), and performs the ordinary operation on plain values. Binary
//! operations and comparisons return NotImplemented for operands the type does not handle
//! (`int.__add__(1, 1.5)`), as CPython's do. Through these wrappers a subclass instance behaves
//! as its base in every protocol the interpreter dispatches to special methods.
//!
//! A native function is a plain `fn` pointer, so each (type, slot) pair is its own
//! monomorphization of [`wrapper`], which knows its type and slot by const parameters.

use crate::builtins::Kwargs;
use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::builtin_subclass::{base_value, BaseKind};
use crate::objects::function::{BuiltinFunction, NativeFn};
use crate::objects::types::TypeObject;
use crate::value::Value;
use kaa_bytecode::opcode::{BinaryOpKind as B, CompareKind as C};
use std::rc::Rc;

#[derive(Clone, Copy)]
enum Slot {
    Bin(B),
    RBin(B),
    IBin(B),
    Cmp(C),
    DivMod,
    RDivMod,
    Neg,
    Pos,
    Abs,
    Invert,
    Bool,
    Int,
    Float,
    Index,
    Complex,
    Hash,
    Repr,
    Str,
    Format,
    Len,
    Iter,
    Contains,
    GetItem,
    SetItem,
    DelItem,
    Reversed,
    Trunc,
    Floor,
    Ceil,
    Round,
    GetNewArgs,
    Bytes,
    Init,
}

const SLOT_COUNT: usize = 74;
/// Every special method a built-in type's slot wrapper can stand for, by index.
static SLOTS: [(&str, Slot); SLOT_COUNT] = [
    ("__add__", Slot::Bin(B::Add)),
    ("__radd__", Slot::RBin(B::Add)),
    ("__iadd__", Slot::IBin(B::Add)),
    ("__sub__", Slot::Bin(B::Subtract)),
    ("__rsub__", Slot::RBin(B::Subtract)),
    ("__isub__", Slot::IBin(B::Subtract)),
    ("__mul__", Slot::Bin(B::Multiply)),
    ("__rmul__", Slot::RBin(B::Multiply)),
    ("__imul__", Slot::IBin(B::Multiply)),
    ("__truediv__", Slot::Bin(B::TrueDivide)),
    ("__rtruediv__", Slot::RBin(B::TrueDivide)),
    ("__itruediv__", Slot::IBin(B::TrueDivide)),
    ("__floordiv__", Slot::Bin(B::FloorDivide)),
    ("__rfloordiv__", Slot::RBin(B::FloorDivide)),
    ("__ifloordiv__", Slot::IBin(B::FloorDivide)),
    ("__mod__", Slot::Bin(B::Remainder)),
    ("__rmod__", Slot::RBin(B::Remainder)),
    ("__imod__", Slot::IBin(B::Remainder)),
    ("__pow__", Slot::Bin(B::Power)),
    ("__rpow__", Slot::RBin(B::Power)),
    ("__ipow__", Slot::IBin(B::Power)),
    ("__lshift__", Slot::Bin(B::Lshift)),
    ("__rlshift__", Slot::RBin(B::Lshift)),
    ("__ilshift__", Slot::IBin(B::Lshift)),
    ("__rshift__", Slot::Bin(B::Rshift)),
    ("__rrshift__", Slot::RBin(B::Rshift)),
    ("__irshift__", Slot::IBin(B::Rshift)),
    ("__and__", Slot::Bin(B::And)),
    ("__rand__", Slot::RBin(B::And)),
    ("__iand__", Slot::IBin(B::And)),
    ("__or__", Slot::Bin(B::Or)),
    ("__ror__", Slot::RBin(B::Or)),
    ("__ior__", Slot::IBin(B::Or)),
    ("__xor__", Slot::Bin(B::Xor)),
    ("__rxor__", Slot::RBin(B::Xor)),
    ("__ixor__", Slot::IBin(B::Xor)),
    ("__matmul__", Slot::Bin(B::MatrixMultiply)),
    ("__rmatmul__", Slot::RBin(B::MatrixMultiply)),
    ("__imatmul__", Slot::IBin(B::MatrixMultiply)),
    ("__eq__", Slot::Cmp(C::Eq)),
    ("__ne__", Slot::Cmp(C::Ne)),
    ("__lt__", Slot::Cmp(C::Lt)),
    ("__le__", Slot::Cmp(C::Le)),
    ("__gt__", Slot::Cmp(C::Gt)),
    ("__ge__", Slot::Cmp(C::Ge)),
    ("__divmod__", Slot::DivMod),
    ("__rdivmod__", Slot::RDivMod),
    ("__neg__", Slot::Neg),
    ("__pos__", Slot::Pos),
    ("__abs__", Slot::Abs),
    ("__invert__", Slot::Invert),
    ("__bool__", Slot::Bool),
    ("__int__", Slot::Int),
    ("__float__", Slot::Float),
    ("__index__", Slot::Index),
    ("__complex__", Slot::Complex),
    ("__hash__", Slot::Hash),
    ("__repr__", Slot::Repr),
    ("__str__", Slot::Str),
    ("__format__", Slot::Format),
    ("__len__", Slot::Len),
    ("__iter__", Slot::Iter),
    ("__contains__", Slot::Contains),
    ("__getitem__", Slot::GetItem),
    ("__setitem__", Slot::SetItem),
    ("__delitem__", Slot::DelItem),
    ("__reversed__", Slot::Reversed),
    ("__trunc__", Slot::Trunc),
    ("__floor__", Slot::Floor),
    ("__ceil__", Slot::Ceil),
    ("__round__", Slot::Round),
    ("__getnewargs__", Slot::GetNewArgs),
    ("__bytes__", Slot::Bytes),
    ("__init__", Slot::Init),
];

macro_rules! row {
    ($t:expr) => {
        [
            wrapper::<{ $t }, 0> as NativeFn,
            wrapper::<{ $t }, 1> as NativeFn,
            wrapper::<{ $t }, 2> as NativeFn,
            wrapper::<{ $t }, 3> as NativeFn,
            wrapper::<{ $t }, 4> as NativeFn,
            wrapper::<{ $t }, 5> as NativeFn,
            wrapper::<{ $t }, 6> as NativeFn,
            wrapper::<{ $t }, 7> as NativeFn,
            wrapper::<{ $t }, 8> as NativeFn,
            wrapper::<{ $t }, 9> as NativeFn,
            wrapper::<{ $t }, 10> as NativeFn,
            wrapper::<{ $t }, 11> as NativeFn,
            wrapper::<{ $t }, 12> as NativeFn,
            wrapper::<{ $t }, 13> as NativeFn,
            wrapper::<{ $t }, 14> as NativeFn,
            wrapper::<{ $t }, 15> as NativeFn,
            wrapper::<{ $t }, 16> as NativeFn,
            wrapper::<{ $t }, 17> as NativeFn,
            wrapper::<{ $t }, 18> as NativeFn,
            wrapper::<{ $t }, 19> as NativeFn,
            wrapper::<{ $t }, 20> as NativeFn,
            wrapper::<{ $t }, 21> as NativeFn,
            wrapper::<{ $t }, 22> as NativeFn,
            wrapper::<{ $t }, 23> as NativeFn,
            wrapper::<{ $t }, 24> as NativeFn,
            wrapper::<{ $t }, 25> as NativeFn,
            wrapper::<{ $t }, 26> as NativeFn,
            wrapper::<{ $t }, 27> as NativeFn,
            wrapper::<{ $t }, 28> as NativeFn,
            wrapper::<{ $t }, 29> as NativeFn,
            wrapper::<{ $t }, 30> as NativeFn,
            wrapper::<{ $t }, 31> as NativeFn,
            wrapper::<{ $t }, 32> as NativeFn,
            wrapper::<{ $t }, 33> as NativeFn,
            wrapper::<{ $t }, 34> as NativeFn,
            wrapper::<{ $t }, 35> as NativeFn,
            wrapper::<{ $t }, 36> as NativeFn,
            wrapper::<{ $t }, 37> as NativeFn,
            wrapper::<{ $t }, 38> as NativeFn,
            wrapper::<{ $t }, 39> as NativeFn,
            wrapper::<{ $t }, 40> as NativeFn,
            wrapper::<{ $t }, 41> as NativeFn,
            wrapper::<{ $t }, 42> as NativeFn,
            wrapper::<{ $t }, 43> as NativeFn,
            wrapper::<{ $t }, 44> as NativeFn,
            wrapper::<{ $t }, 45> as NativeFn,
            wrapper::<{ $t }, 46> as NativeFn,
            wrapper::<{ $t }, 47> as NativeFn,
            wrapper::<{ $t }, 48> as NativeFn,
            wrapper::<{ $t }, 49> as NativeFn,
            wrapper::<{ $t }, 50> as NativeFn,
            wrapper::<{ $t }, 51> as NativeFn,
            wrapper::<{ $t }, 52> as NativeFn,
            wrapper::<{ $t }, 53> as NativeFn,
            wrapper::<{ $t }, 54> as NativeFn,
            wrapper::<{ $t }, 55> as NativeFn,
            wrapper::<{ $t }, 56> as NativeFn,
            wrapper::<{ $t }, 57> as NativeFn,
            wrapper::<{ $t }, 58> as NativeFn,
            wrapper::<{ $t }, 59> as NativeFn,
            wrapper::<{ $t }, 60> as NativeFn,
            wrapper::<{ $t }, 61> as NativeFn,
            wrapper::<{ $t }, 62> as NativeFn,
            wrapper::<{ $t }, 63> as NativeFn,
            wrapper::<{ $t }, 64> as NativeFn,
            wrapper::<{ $t }, 65> as NativeFn,
            wrapper::<{ $t }, 66> as NativeFn,
            wrapper::<{ $t }, 67> as NativeFn,
            wrapper::<{ $t }, 68> as NativeFn,
            wrapper::<{ $t }, 69> as NativeFn,
            wrapper::<{ $t }, 70> as NativeFn,
            wrapper::<{ $t }, 71> as NativeFn,
            wrapper::<{ $t }, 72> as NativeFn,
            wrapper::<{ $t }, 73> as NativeFn,
        ]
    };
}

static WRAPPERS: [[NativeFn; SLOT_COUNT]; 11] =
    [row!(0), row!(1), row!(2), row!(3), row!(4), row!(5), row!(6), row!(7), row!(8), row!(9), row!(10)];

static NEW: [NativeFn; 11] = [
    base_new::<0>,
    base_new::<1>,
    base_new::<2>,
    base_new::<3>,
    base_new::<4>,
    base_new::<5>,
    base_new::<6>,
    base_new::<7>,
    base_new::<8>,
    base_new::<9>,
    base_new::<10>,
];

fn base_new<const T: u8>(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::objects::builtin_subclass::base_new(vm, BaseKind::from_u8(T), args, kwargs)
}

fn wrapper<const T: u8, const I: usize>(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    call_slot(vm, BaseKind::from_u8(T), SLOTS[I].0, SLOTS[I].1, args, kwargs)
}

/// The special methods each type defines itself (its own `__dict__` entries in CPython 3.11).
fn own_slots(kind: BaseKind) -> &'static [&'static str] {
    match kind {
        BaseKind::Int => &[
            "__abs__",
            "__add__",
            "__and__",
            "__bool__",
            "__ceil__",
            "__divmod__",
            "__eq__",
            "__float__",
            "__floor__",
            "__floordiv__",
            "__format__",
            "__ge__",
            "__getnewargs__",
            "__gt__",
            "__hash__",
            "__index__",
            "__int__",
            "__invert__",
            "__le__",
            "__lshift__",
            "__lt__",
            "__mod__",
            "__mul__",
            "__ne__",
            "__neg__",
            "__or__",
            "__pos__",
            "__pow__",
            "__radd__",
            "__rand__",
            "__rdivmod__",
            "__repr__",
            "__rfloordiv__",
            "__rlshift__",
            "__rmod__",
            "__rmul__",
            "__ror__",
            "__round__",
            "__rpow__",
            "__rrshift__",
            "__rshift__",
            "__rsub__",
            "__rtruediv__",
            "__rxor__",
            "__sub__",
            "__truediv__",
            "__trunc__",
            "__xor__",
        ],
        BaseKind::Float => &[
            "__abs__",
            "__add__",
            "__bool__",
            "__ceil__",
            "__divmod__",
            "__eq__",
            "__float__",
            "__floor__",
            "__floordiv__",
            "__format__",
            "__ge__",
            "__getnewargs__",
            "__gt__",
            "__hash__",
            "__int__",
            "__le__",
            "__lt__",
            "__mod__",
            "__mul__",
            "__ne__",
            "__neg__",
            "__pos__",
            "__pow__",
            "__radd__",
            "__rdivmod__",
            "__repr__",
            "__rfloordiv__",
            "__rmod__",
            "__rmul__",
            "__round__",
            "__rpow__",
            "__rsub__",
            "__rtruediv__",
            "__sub__",
            "__truediv__",
            "__trunc__",
        ],
        BaseKind::Complex => &[
            // (`__complex__`, `__format__` and `__getnewargs__` are complex's own methods.)
            "__abs__",
            "__add__",
            "__bool__",
            "__eq__",
            "__ge__",
            "__gt__",
            "__hash__",
            "__le__",
            "__lt__",
            "__mul__",
            "__ne__",
            "__neg__",
            "__pos__",
            "__pow__",
            "__radd__",
            "__repr__",
            "__rmul__",
            "__rpow__",
            "__rsub__",
            "__rtruediv__",
            "__sub__",
            "__truediv__",
        ],
        BaseKind::Str => &[
            "__add__",
            "__contains__",
            "__eq__",
            "__format__",
            "__ge__",
            "__getitem__",
            "__getnewargs__",
            "__gt__",
            "__hash__",
            "__iter__",
            "__le__",
            "__len__",
            "__lt__",
            "__mod__",
            "__mul__",
            "__ne__",
            "__repr__",
            "__rmod__",
            "__rmul__",
            "__str__",
        ],
        BaseKind::Bytes => &[
            "__add__",
            "__bytes__",
            "__contains__",
            "__eq__",
            "__ge__",
            "__getitem__",
            "__getnewargs__",
            "__gt__",
            "__hash__",
            "__iter__",
            "__le__",
            "__len__",
            "__lt__",
            "__mod__",
            "__mul__",
            "__ne__",
            "__repr__",
            "__rmod__",
            "__rmul__",
            "__str__",
        ],
        BaseKind::ByteArray => &[
            "__add__",
            "__contains__",
            "__delitem__",
            "__eq__",
            "__ge__",
            "__getitem__",
            "__gt__",
            "__iadd__",
            "__imul__",
            "__init__",
            "__iter__",
            "__le__",
            "__len__",
            "__lt__",
            "__mod__",
            "__mul__",
            "__ne__",
            "__repr__",
            "__rmod__",
            "__rmul__",
            "__setitem__",
            "__str__",
        ],
        BaseKind::List => &[
            "__add__",
            "__contains__",
            "__delitem__",
            "__eq__",
            "__ge__",
            "__getitem__",
            "__gt__",
            "__iadd__",
            "__imul__",
            "__init__",
            "__iter__",
            "__le__",
            "__len__",
            "__lt__",
            "__mul__",
            "__ne__",
            "__repr__",
            "__reversed__",
            "__rmul__",
            "__setitem__",
        ],
        BaseKind::Tuple => &[
            "__add__",
            "__contains__",
            "__eq__",
            "__ge__",
            "__getitem__",
            "__getnewargs__",
            "__gt__",
            "__hash__",
            "__iter__",
            "__le__",
            "__len__",
            "__lt__",
            "__mul__",
            "__ne__",
            "__repr__",
            "__rmul__",
        ],
        BaseKind::Dict => &[
            "__contains__",
            "__delitem__",
            "__eq__",
            "__ge__",
            "__getitem__",
            "__gt__",
            "__init__",
            "__ior__",
            "__iter__",
            "__le__",
            "__len__",
            "__lt__",
            "__ne__",
            "__or__",
            "__repr__",
            "__reversed__",
            "__ror__",
            "__setitem__",
        ],
        BaseKind::Set => &[
            "__and__",
            "__contains__",
            "__eq__",
            "__ge__",
            "__gt__",
            "__iand__",
            "__init__",
            "__ior__",
            "__isub__",
            "__iter__",
            "__ixor__",
            "__le__",
            "__len__",
            "__lt__",
            "__ne__",
            "__or__",
            "__rand__",
            "__repr__",
            "__ror__",
            "__rsub__",
            "__rxor__",
            "__sub__",
            "__xor__",
        ],
        BaseKind::FrozenSet => &[
            "__and__",
            "__contains__",
            "__eq__",
            "__ge__",
            "__gt__",
            "__hash__",
            "__iter__",
            "__le__",
            "__len__",
            "__lt__",
            "__ne__",
            "__or__",
            "__rand__",
            "__repr__",
            "__ror__",
            "__rsub__",
            "__rxor__",
            "__sub__",
            "__xor__",
        ],
    }
}

/// Puts a built-in type's ordinary methods in its dict (so `dict.__dict__['fromkeys']`, `vars(str)`
/// and subclasses see them); class methods are wrapped as such.
fn install_methods(
    t: &TypeObject,
    table: &[(&'static str, NativeFn)],
    class_methods: &[&str],
    only: Option<&[&str]>,
) {
    for &(name, func) in table {
        if only.is_some_and(|names| !names.contains(&name)) {
            continue;
        }
        let f = Value::Builtin(Rc::new(BuiltinFunction {
            name,
            func,
            bound_self: None,
            is_method: !class_methods.contains(&name),
        }));
        let v = if class_methods.contains(&name) { Value::ClassMethod(Rc::new(f)) } else { f };
        t.dict.set_str(name, v);
    }
}

/// Fills the dicts of the built-in types with their methods, slot wrappers, `__new__`, and
/// `__hash__ = None` for the mutable ones. Run once, when the VM is made.
pub fn install(types: &crate::objects::builtin_types::Types) {
    use crate::objects as o;
    install_methods(&types.str_, o::str::METHODS, o::str::CLASS_METHODS, None);
    install_methods(&types.list, o::list::METHODS, &[], None);
    install_methods(&types.tuple, o::tuple::METHODS, &[], None);
    install_methods(&types.dict, o::dict::METHODS, o::dict::CLASS_METHODS, None);
    install_methods(&types.int, o::int::METHODS, o::int::CLASS_METHODS, None);
    install_methods(&types.float, o::float::METHODS, o::float::CLASS_METHODS, None);
    install_methods(&types.range, o::range::METHODS, &[], None);
    install_methods(&types.complex, o::complex::METHODS, &[], None);
    install_methods(&types.bytes, o::bytes_methods::METHODS, o::bytes_methods::CLASS_METHODS, None);
    install_methods(&types.bytearray, o::bytes_methods::METHODS, o::bytes_methods::CLASS_METHODS, None);
    install_methods(&types.bytearray, o::bytearray::METHODS, &[], None);
    install_methods(&types.set, o::set_methods::METHODS, &[], None);
    let frozen: &[&str] = &[
        "copy",
        "difference",
        "intersection",
        "isdisjoint",
        "issubset",
        "issuperset",
        "symmetric_difference",
        "union",
    ];
    install_methods(&types.frozenset, o::set_methods::METHODS, &[], Some(frozen));
    for name in [
        "__annotations__",
        "__builtins__",
        "__closure__",
        "__code__",
        "__defaults__",
        "__globals__",
        "__kwdefaults__",
        "__name__",
        "__qualname__",
    ] {
        let getset = crate::objects::native::NativeObject::Getset { name, owner: "function".to_string() };
        types.function.dict.set_str(name, Value::Native(Rc::new(getset)));
    }
    for kind in BaseKind::ALL {
        let t: &Rc<TypeObject> = match kind {
            BaseKind::Int => &types.int,
            BaseKind::Float => &types.float,
            BaseKind::Complex => &types.complex,
            BaseKind::Str => &types.str_,
            BaseKind::Bytes => &types.bytes,
            BaseKind::ByteArray => &types.bytearray,
            BaseKind::List => &types.list,
            BaseKind::Tuple => &types.tuple,
            BaseKind::Dict => &types.dict,
            BaseKind::Set => &types.set,
            BaseKind::FrozenSet => &types.frozenset,
        };
        let row = &WRAPPERS[kind as usize];
        for name in own_slots(kind) {
            let Some(i) = SLOTS.iter().position(|(n, _)| n == name) else { continue };
            t.dict.set_str(
                name,
                Value::Builtin(Rc::new(BuiltinFunction {
                    name: SLOTS[i].0,
                    func: row[i],
                    bound_self: None,
                    is_method: true,
                })),
            );
        }
        if matches!(kind, BaseKind::List | BaseKind::Dict | BaseKind::Set | BaseKind::ByteArray) {
            t.dict.set_str("__hash__", Value::None);
        }
        let new =
            BuiltinFunction { name: "__new__", func: NEW[kind as usize], bound_self: None, is_method: false };
        t.dict.set_str("__new__", Value::StaticMethod(Rc::new(Value::Builtin(Rc::new(new)))));
    }
}

/// `self` as a plain value of `kind`, or CPython's descriptor TypeError.
fn receiver<'a>(kind: BaseKind, name: &str, args: &'a [Value]) -> PyResult<&'a Value> {
    let Some(recv) = args.first() else {
        return Err(PyErr::type_error(format!(
            "descriptor '{name}' of '{}' object needs an argument",
            kind.name()
        )));
    };
    if kind.holds(recv) {
        return Ok(recv);
    }
    match base_value(recv) {
        Some(v) if kind.holds(v) => Ok(v),
        // A subclass of a subclass of int and float alike cannot exist; a bool payload is an int.
        _ => Err(PyErr::type_error(format!(
            "descriptor '{name}' requires a '{}' object but received a '{}'",
            kind.name(),
            recv.type_name()
        ))),
    }
}

/// Does `kind`'s own binary operation or comparison handle `other` (a plain value)?
fn accepts(kind: BaseKind, other: &Value) -> bool {
    let int_like = matches!(other, Value::Int(_) | Value::BigInt(_) | Value::Bool(_));
    match kind {
        BaseKind::Int => int_like,
        BaseKind::Float => int_like || matches!(other, Value::Float(_)),
        BaseKind::Complex => int_like || matches!(other, Value::Float(_) | Value::Complex(_)),
        BaseKind::Str => matches!(other, Value::Str(_)),
        BaseKind::Bytes | BaseKind::ByteArray => matches!(other, Value::Bytes(_) | Value::ByteArray(_)),
        BaseKind::List => matches!(other, Value::List(_)),
        BaseKind::Tuple => matches!(other, Value::Tuple(_)),
        BaseKind::Dict => matches!(other, Value::Dict(_)),
        BaseKind::Set | BaseKind::FrozenSet => matches!(other, Value::Set(_)),
    }
}

fn is_sequence(kind: BaseKind) -> bool {
    matches!(kind, BaseKind::Str | BaseKind::Bytes | BaseKind::ByteArray | BaseKind::List | BaseKind::Tuple)
}

#[cold]
fn arg_count(name: &str, want: usize, got: usize) -> PyErr {
    let _ = name;
    PyErr::type_error(format!("expected {want} argument{}, got {got}", if want == 1 { "" } else { "s" }))
}

fn exactly<'a>(name: &str, args: &'a [Value], n: usize) -> PyResult<&'a [Value]> {
    if args.len() != n {
        return Err(arg_count(name, n, args.len()));
    }
    Ok(args)
}

fn call_slot(
    vm: &mut Vm,
    kind: BaseKind,
    name: &'static str,
    slot: Slot,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let this = receiver(kind, name, args)?.clone();
    let recv = &args[0];
    let rest = &args[1..];
    if !kwargs.is_empty() && !matches!(slot, Slot::Init) {
        return Err(PyErr::type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let other = |rest: &[Value]| crate::objects::builtin_subclass::plain(&rest[0]).clone();
    Ok(match slot {
        Slot::Bin(op) | Slot::RBin(op) => {
            if op == B::Power && rest.len() == 2 && matches!(slot, Slot::Bin(_)) {
                let m = crate::objects::builtin_subclass::plain(&rest[1]).clone();
                return crate::builtins::numeric::builtin_pow(vm, &[this, other(rest), m], &[]);
            }
            let rest = exactly(name, rest, 1)?;
            let o = other(rest);
            let sequence_op = is_sequence(kind) && matches!(op, B::Add | B::Multiply | B::Remainder);
            if !sequence_op && !accepts(kind, &o) {
                return Ok(Value::NotImplemented);
            }
            if matches!(slot, Slot::RBin(_)) {
                if sequence_op && op == B::Remainder {
                    return Ok(Value::NotImplemented);
                }
                vm.binary_value_op(op, &o, &this)?
            } else {
                vm.binary_value_op(op, &this, &o)?
            }
        }
        Slot::IBin(op) => {
            let rest = exactly(name, rest, 1)?;
            let o = other(rest);
            if matches!(kind, BaseKind::Set) && !accepts(kind, &o) {
                return Ok(Value::NotImplemented);
            }
            if let (Value::List(l), B::Add | B::Multiply) = (&this, op) {
                // `list += iterable` extends; `list *= n` repeats in place.
                if op == B::Add {
                    let items = vm.collect_iterable(&o)?;
                    l.borrow_mut().extend(items);
                } else {
                    let n = crate::objects::args::index_value(vm, &o)?;
                    let n = match n {
                        Value::Int(n) => n.max(0) as usize,
                        _ => {
                            return Err(PyErr::new(
                                crate::exceptions::ExcKind::OverflowError,
                                "cannot fit 'int' into an index-sized integer",
                            ))
                        }
                    };
                    let items = l.borrow().clone();
                    let mut out = Vec::with_capacity(items.len() * n);
                    for _ in 0..n {
                        out.extend(items.iter().cloned());
                    }
                    *l.borrow_mut() = out;
                }
                return Ok(recv.clone());
            }
            let r = vm.binary_op(op as u32 + 13, &this, &o)?;
            // In-place operations mutate the payload; the result is the receiver itself.
            if r.is(&this) {
                recv.clone()
            } else {
                r
            }
        }
        Slot::Cmp(op) => {
            let rest = exactly(name, rest, 1)?;
            let o = other(rest);
            let ordering = !matches!(op, C::Eq | C::Ne);
            if !accepts(kind, &o) || (ordering && kind == BaseKind::Dict) {
                return Ok(Value::NotImplemented);
            }
            Value::Bool(vm.compare(op, &this, &o)?)
        }
        Slot::DivMod | Slot::RDivMod => {
            let rest = exactly(name, rest, 1)?;
            let o = other(rest);
            if !accepts(kind, &o) {
                return Ok(Value::NotImplemented);
            }
            let pair = if matches!(slot, Slot::DivMod) { [this, o] } else { [o, this] };
            crate::builtins::numeric::builtin_divmod(vm, &pair, &[])?
        }
        Slot::Neg | Slot::Pos | Slot::Invert => {
            exactly(name, rest, 0)?;
            let op = match slot {
                Slot::Neg => kaa_bytecode::Opcode::UnaryNegative,
                Slot::Pos => kaa_bytecode::Opcode::UnaryPositive,
                _ => kaa_bytecode::Opcode::UnaryInvert,
            };
            vm.unary(op, &this)?
        }
        Slot::Abs => crate::builtins::numeric::builtin_abs(vm, &[this], &[])?,
        Slot::Bool => Value::Bool(vm.truthy(&this)?),
        Slot::Int | Slot::Index | Slot::Trunc if kind == BaseKind::Int => crate::builtins::as_int(&this),
        Slot::Floor | Slot::Ceil if kind == BaseKind::Int => crate::builtins::as_int(&this),
        Slot::Int | Slot::Trunc | Slot::Floor | Slot::Ceil => {
            let x = match this {
                Value::Float(x) => x,
                _ => return Err(PyErr::type_error(format!("{name} needs a number"))),
            };
            let x = match slot {
                Slot::Floor => x.floor(),
                Slot::Ceil => x.ceil(),
                _ => x,
            };
            crate::builtins::int_of(vm, &Value::Float(x))?
        }
        Slot::Index => return Err(PyErr::type_error(format!("{name} needs an int"))),
        Slot::Float => {
            exactly(name, rest, 0)?;
            crate::builtins::constructors::builtin_float(vm, &[this], &[])?
        }
        Slot::Complex => this,
        Slot::Hash => Value::Int(crate::objects::int::hash_value(&this)?),
        Slot::Repr => Value::str(&vm.repr(&this)?),
        Slot::Str if kind == BaseKind::Str => this,
        Slot::Str => Value::str(&vm.repr(&this)?),
        Slot::Format => {
            let rest = exactly(name, rest, 1)?;
            let Value::Str(spec) = &rest[0] else {
                return Err(PyErr::type_error(format!(
                    "{name}() argument must be str, not {}",
                    rest[0].type_name()
                )));
            };
            Value::str(&crate::builtins::format_value(vm, &this, spec)?)
        }
        Slot::Len => Value::Int(vm.len_of(&this)? as i64),
        Slot::Iter => vm.get_iter(&this)?,
        Slot::Contains => {
            let rest = exactly(name, rest, 1)?;
            Value::Bool(vm.contains(&this, &rest[0])?)
        }
        Slot::GetItem => {
            let rest = exactly(name, rest, 1)?;
            if let Value::Dict(d) = &this {
                return dict_getitem(vm, recv, d, &rest[0]);
            }
            vm.subscript(&this, &rest[0])?
        }
        Slot::SetItem => {
            let rest = exactly(name, rest, 2)?;
            vm.store_subscript(&this, rest[0].clone(), rest[1].clone())?;
            Value::None
        }
        Slot::DelItem => {
            let rest = exactly(name, rest, 1)?;
            vm.delete_subscript(&this, &rest[0])?;
            Value::None
        }
        Slot::Reversed => {
            let reversed = vm.builtins.get_str("reversed").unwrap_or(Value::None);
            vm.call_value(&reversed, vec![this], Vec::new())?
        }
        Slot::Round => crate::builtins::numeric::builtin_round(vm, &[&[this], rest].concat(), &[])?,
        Slot::GetNewArgs => Value::Tuple(Rc::new(vec![this])),
        Slot::Bytes => this,
        Slot::Init => return base_init(vm, kind, &this, rest, kwargs),
    })
}

/// `dict.__getitem__`: a subclass's `__missing__` answers for absent keys.
fn dict_getitem(
    vm: &mut Vm,
    recv: &Value,
    d: &Rc<crate::objects::dict::DictObject>,
    key: &Value,
) -> PyResult<Value> {
    if let Some(v) = crate::objects::key_lookup::dict_get(vm, d, key)? {
        return Ok(v);
    }
    if let Value::Instance(i) = recv {
        if let Some(missing) = i.class.lookup("__missing__") {
            return vm.call_value(&missing, vec![recv.clone(), key.clone()], Vec::new());
        }
    }
    Err(crate::objects::dict::DictObject::key_error(key, vm))
}

/// `list.__init__`, `dict.__init__`, `set.__init__`, `bytearray.__init__`: (re)fill the
/// container from the arguments.
fn base_init(vm: &mut Vm, kind: BaseKind, this: &Value, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    match (kind, this) {
        (BaseKind::List, Value::List(l)) => {
            if !kwargs.is_empty() {
                return Err(PyErr::type_error("list() takes no keyword arguments"));
            }
            if args.len() > 1 {
                return Err(PyErr::type_error(format!(
                    "list expected at most 1 argument, got {}",
                    args.len()
                )));
            }
            let items = match args.first() {
                Some(src) => vm.collect_iterable(src)?,
                None => Vec::new(),
            };
            let old = std::mem::replace(&mut *l.borrow_mut(), items);
            drop(old);
        }
        (BaseKind::Dict, Value::Dict(_)) => {
            if args.len() > 1 {
                return Err(PyErr::type_error(format!(
                    "dict expected at most 1 argument, got {}",
                    args.len()
                )));
            }
            let update = crate::builtins::method(this, "update").unwrap_or(Value::None);
            vm.call_value(&update, args.to_vec(), kwargs.to_vec())?;
        }
        (BaseKind::Set, Value::Set(s)) => {
            if !kwargs.is_empty() {
                return Err(PyErr::type_error("set() takes no keyword arguments"));
            }
            if args.len() > 1 {
                return Err(PyErr::type_error(format!(
                    "set expected at most 1 argument, got {}",
                    args.len()
                )));
            }
            *s.table.borrow_mut() = crate::objects::set::SetTable::default();
            if let Some(src) = args.first() {
                let update = crate::builtins::method(this, "update").unwrap_or(Value::None);
                vm.call_value(&update, vec![src.clone()], Vec::new())?;
            }
        }
        (BaseKind::ByteArray, Value::ByteArray(b)) => {
            let data = crate::objects::bytes_methods::construct(vm, args, kwargs, "bytearray")?;
            *b.data.borrow_mut() = data;
        }
        _ => {}
    }
    Ok(Value::None)
}
