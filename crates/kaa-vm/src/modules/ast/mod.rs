//! `_ast`: the node classes (Python, `ast_module.py` + generated `ast_classes.py`) and the two
//! conversions behind `compile()`: a parsed tree to node objects (`ast.parse`), and node objects
//! back to a tree the compiler takes (`compile(tree, ...)`), checked like CPython checks them.
//!
//! The conversions need the node classes as `_ast` made them (not as the module's namespace
//! says later), so creating the module records them in an `AstState` kept in the builtins
//! namespace under a hidden name.

mod codec;
mod from_python;
mod to_python;
mod validate;

use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::types::{InstanceObject, NativeData, TypeObject};
use crate::value::Value;
use codec::{Class, CLASS_COUNT, CLASS_FIELDS, CLASS_NAMES};
use kaa_syntax::ast::Mod;
use std::rc::Rc;

/// `compile()` flags.
pub const PYCF_ONLY_AST: i64 = 0x400;
pub const PYCF_TYPE_COMMENTS: i64 = 0x1000;

/// What the conversions need from `_ast`, fixed when the module is made.
pub struct AstState {
    /// The concrete node classes, in `Class` order.
    classes: Vec<Rc<TypeObject>>,
    /// The one instance of each context and operator class (`Load()`, `Add()`, ...) that parsed
    /// trees share; None for the other classes.
    singletons: Vec<Value>,
    /// Interned field names of each class.
    field_keys: Vec<Vec<Value>>,
    /// Interned `lineno`, `col_offset`, `end_lineno`, `end_col_offset`.
    attribute_keys: [Value; 4],
    /// `_ast.AST`.
    base: Rc<TypeObject>,
}

struct StateHolder(Rc<AstState>);

impl NativeData for StateHolder {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

const STATE_KEY: &str = " _ast state";

/// Builds the `_ast` module in `dict`.
pub(crate) fn init(vm: &mut Vm, dict: &Rc<DictObject>) {
    let source = concat!(include_str!("ast_module.py"), "\n", include_str!("ast_classes.py"));
    super::run_python_part(vm, dict, source, "<frozen _ast>");
    let class = |name: &str| match dict.get_str(name) {
        Some(Value::Type(t)) => Some(t),
        _ => None,
    };
    let Some(base) = class("AST") else { return };
    let mut classes = Vec::with_capacity(CLASS_COUNT);
    for name in CLASS_NAMES {
        match class(name) {
            Some(t) => classes.push(t),
            None => return,
        }
    }
    let singletons = classes
        .iter()
        .zip(CLASS_FIELDS)
        .map(|(c, fields)| {
            let simple = fields.is_empty() && c.bases.first().is_some_and(|b| is_simple_sum(&b.name));
            if simple {
                Value::Instance(Rc::new(InstanceObject::new(c.clone())))
            } else {
                Value::None
            }
        })
        .collect();
    let field_keys = CLASS_FIELDS.iter().map(|fs| fs.iter().map(|f| vm.intern(f)).collect()).collect();
    let attribute_keys = ["lineno", "col_offset", "end_lineno", "end_col_offset"].map(|a| vm.intern(a));
    let state = AstState { classes, singletons, field_keys, attribute_keys, base };
    let holder = InstanceObject::new(vm.types.object.clone());
    let _ = holder.native.set(Box::new(StateHolder(Rc::new(state))));
    vm.builtins.set_str(STATE_KEY, Value::Instance(Rc::new(holder)));
}

fn is_simple_sum(name: &str) -> bool {
    matches!(name, "expr_context" | "boolop" | "operator" | "unaryop" | "cmpop")
}

/// The state, if `_ast` was imported already.
fn loaded_state(vm: &Vm) -> Option<Rc<AstState>> {
    match vm.builtins.get_str(STATE_KEY) {
        Some(Value::Instance(i)) => i.native_data::<StateHolder>().map(|h| h.0.clone()),
        _ => None,
    }
}

/// The state, importing `_ast` first if needed.
fn state(vm: &mut Vm) -> PyResult<Rc<AstState>> {
    if let Some(s) = loaded_state(vm) {
        return Ok(s);
    }
    vm.import_module("_ast")?;
    loaded_state(vm).ok_or_else(|| PyErr::new(ExcKind::SystemError, "the _ast module could not be set up"))
}

/// Is `v` an `_ast.AST` node? (Nothing is before `_ast` is imported.)
pub fn is_node(vm: &Vm, v: &Value) -> bool {
    match loaded_state(vm) {
        Some(s) => vm.type_of(v).is_subclass(&s.base),
        None => false,
    }
}

/// A parsed tree as `_ast` node objects.
pub fn tree_to_python(vm: &mut Vm, tree: &Mod) -> PyResult<Value> {
    use to_python::ToPy;
    let state = state(vm)?;
    let mut cx = to_python::ToPyCx::new(vm, state);
    tree.to_py(&mut cx)
}

/// A tree of `_ast` node objects as the compiler's tree, for `compile(tree, filename, mode)`
/// (`mode` is "exec", "eval", "single" or "func_type"), checked as CPython checks it.
pub fn tree_from_python(vm: &mut Vm, obj: &Value, mode: &str) -> PyResult<Mod> {
    let state = state(vm)?;
    let expected = match mode {
        "exec" => Class::Module,
        "eval" => Class::Expression,
        "single" => Class::Interactive,
        _ => Class::FunctionType,
    };
    let t = vm.type_of(obj);
    if !t.is_subclass(&state.classes[expected as usize]) {
        return Err(PyErr::type_error(format!(
            "expected {} node, got {}",
            CLASS_NAMES[expected as usize], t.name
        )));
    }
    let mut cx = from_python::FromPy::new(vm, state);
    let tree = cx.mod_(obj)?.ok_or_else(|| PyErr::value_error("field 'body' is required for Module"))?;
    if let Some(e) = cx.deferred.take() {
        return Err(e);
    }
    validate::module(&tree)?;
    Ok(tree)
}
