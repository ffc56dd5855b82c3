//! `_ast` node objects → Kaa's Rust AST (what `compile(tree, ...)` compiles), with CPython's
//! errors for malformed trees: a missing field (`required field "lineno" missing from stmt`), a
//! wrong type (`expected some sort of expr, but got 1`), None where a node is required
//! (`field 'value' is required for Expr`), lists that are not lists. Fields are read with
//! `getattr` semantics (class defaults count), in schema order; the per-node code is generated
//! (`codec.rs`). The checks CPython's validator makes afterwards are in `validate.rs`, except
//! the position checks, made here while the values are still signed.

use super::codec::Class;
use super::AstState;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::err_is;
use crate::value::Value;
use kaa_syntax::ast::{Constant, Int, Span};
use kaa_syntax::PyStr;
use std::rc::Rc;

pub struct FromPy<'a> {
    pub vm: &'a mut Vm,
    state: Rc<AstState>,
    depth: usize,
    limit: usize,
    /// The first error CPython's validator (not its conversion) would report: None in a list,
    /// a value a Constant cannot hold, a bad position. Conversion goes on, as CPython converts
    /// the whole tree before validating it; this is raised after.
    pub deferred: Option<PyErr>,
}

impl<'a> FromPy<'a> {
    pub fn new(vm: &'a mut Vm, state: Rc<AstState>) -> FromPy<'a> {
        let depth = vm.frames.len();
        let limit = vm.recursion_limit;
        FromPy { vm, state, depth, limit, deferred: None }
    }

    #[inline]
    pub fn enter(&mut self, what: &str) -> PyResult<()> {
        self.depth += 1;
        if self.depth > self.limit {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                format!("maximum recursion depth exceeded while traversing '{what}' node"),
            ));
        }
        Ok(())
    }

    #[inline]
    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    /// `getattr(obj, name)`, None when there is no such attribute (`_PyObject_LookupAttr`).
    fn lookup(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        // A plain node (the usual case): its own dict, or a plain class default (the None of an
        // optional field). Anything else, such as a descriptor, takes the general path.
        if let Value::Instance(inst) = obj {
            if !inst.class.has_getattribute_hook() {
                match inst.class.lookup(name) {
                    None => {
                        if let Some(v) = inst.dict.get_str(name) {
                            return Ok(Some(v));
                        }
                    }
                    Some(default @ (Value::None | Value::Str(_) | Value::Int(_) | Value::Tuple(_))) => {
                        return Ok(Some(inst.dict.get_str(name).unwrap_or(default)));
                    }
                    Some(_) => {}
                }
            }
        }
        match self.vm.get_attr(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if err_is(self.vm, &e, ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// A field that must be present (it may still be None).
    fn field(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Value> {
        match self.lookup(obj, name)? {
            Some(v) => Ok(v),
            None => Err(missing(name, owner)),
        }
    }

    /// An optional field: absent and None are both "nothing".
    fn opt_field(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(self.lookup(obj, name)?.filter(|v| !matches!(v, Value::None)))
    }

    #[cold]
    fn defer(&mut self, e: PyErr) {
        if self.deferred.is_none() {
            self.deferred = Some(e);
        }
    }

    /// The class among `candidates` that `obj` is an instance of (the first, as CPython tries
    /// them in schema order).
    pub fn classify(&mut self, obj: &Value, candidates: &[Class]) -> PyResult<Option<Class>> {
        let t = self.vm.type_of(obj);
        let classes = &self.state.classes;
        if let Some(c) = candidates.iter().find(|c| Rc::ptr_eq(&t, &classes[**c as usize])) {
            return Ok(Some(*c));
        }
        Ok(candidates.iter().find(|c| t.is_subclass(&classes[**c as usize])).copied())
    }

    pub fn classify_simple(&mut self, obj: &Value, candidates: &[Class]) -> PyResult<Option<Class>> {
        self.classify(obj, candidates)
    }

    /// `expected some sort of expr, but got <repr>`.
    #[cold]
    pub fn expected(&mut self, what: &str, obj: &Value) -> PyErr {
        match self.vm.repr(obj) {
            Ok(r) => PyErr::type_error(format!("expected some sort of {what}, but got {r}")),
            Err(e) => e,
        }
    }

    /// A required node field's value, checked after all the node's fields were read (as
    /// CPython's node constructors check them).
    pub fn present<T>(value: Option<T>, field: &str, owner: &str) -> PyResult<T> {
        match value {
            Some(v) => Ok(v),
            None => Err(PyErr::value_error(format!("field '{field}' is required for {owner}"))),
        }
    }

    /// The position attributes of a `stmt`, `expr`, `pattern` or `excepthandler` node.
    pub fn span(&mut self, obj: &Value, owner: &str) -> PyResult<Span> {
        let lineno = self.c_int(obj, "lineno", owner)?;
        let col_offset = self.c_int(obj, "col_offset", owner)?;
        let (end_lineno, end_col_offset) = if owner == "pattern" {
            // Required for patterns (their schema has no `int?` here).
            (self.c_int(obj, "end_lineno", owner)?, self.c_int(obj, "end_col_offset", owner)?)
        } else {
            (
                self.opt_c_int(obj, "end_lineno")?.unwrap_or(lineno),
                self.opt_c_int(obj, "end_col_offset")?.unwrap_or(col_offset),
            )
        };
        if owner != "excepthandler" {
            if let Err(e) = validate_positions(lineno, col_offset, end_lineno, end_col_offset) {
                self.defer(e);
            }
        }
        Ok(span_of(lineno, col_offset, end_lineno, end_col_offset))
    }

    /// The position attributes of an `arg`, `keyword` or `alias` (read after its fields).
    pub fn product_span(&mut self, obj: &Value, owner: &str) -> PyResult<Span> {
        let lineno = self.c_int(obj, "lineno", owner)?;
        let col_offset = self.c_int(obj, "col_offset", owner)?;
        let end_lineno = self.opt_c_int(obj, "end_lineno")?.unwrap_or(lineno);
        let end_col_offset = self.opt_c_int(obj, "end_col_offset")?.unwrap_or(col_offset);
        // CPython's validator checks the positions of parameters, not of keywords or aliases.
        if owner == "arg" {
            if let Err(e) = validate_positions(lineno, col_offset, end_lineno, end_col_offset) {
                self.defer(e);
            }
        }
        Ok(span_of(lineno, col_offset, end_lineno, end_col_offset))
    }

    fn c_int(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<i32> {
        let v = self.field(obj, name, owner)?;
        self.int_value(&v)
    }

    fn opt_c_int(&mut self, obj: &Value, name: &str) -> PyResult<Option<i32>> {
        match self.opt_field(obj, name)? {
            Some(v) => Ok(Some(self.int_value(&v)?)),
            None => Ok(None),
        }
    }

    /// `obj2ast_int`: an int (or bool) that fits a C int.
    fn int_value(&mut self, v: &Value) -> PyResult<i32> {
        let n = match v {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::BigInt(_) => i64::MAX,
            other => {
                let r = self.vm.repr(other)?;
                return Err(PyErr::value_error(format!("invalid integer value: {r}")));
            }
        };
        i32::try_from(n)
            .map_err(|_| PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C int"))
    }

    pub fn int(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<i64> {
        Ok(self.c_int(obj, name, owner)? as i64)
    }

    /// `int?` (ImportFrom's level): nothing means 0.
    pub fn opt_int(&mut self, obj: &Value, name: &str, _owner: &str) -> PyResult<Option<i64>> {
        Ok(Some(self.opt_c_int(obj, name)?.unwrap_or(0) as i64))
    }

    fn identifier_value(&mut self, v: Value) -> PyResult<Option<String>> {
        match v {
            Value::None => Ok(None),
            Value::Str(s) => Ok(Some(s.as_str().to_string())),
            _ => Err(PyErr::type_error("AST identifier must be of type str")),
        }
    }

    /// `string` fields (type comments, a Constant's kind) also take bytes, as CPython's do.
    fn string_value(&mut self, v: Value) -> PyResult<Option<String>> {
        match v {
            Value::None => Ok(None),
            Value::Str(s) => Ok(Some(s.as_str().to_string())),
            Value::Bytes(b) => Ok(Some(String::from_utf8_lossy(b.as_slice()).into_owned())),
            _ => Err(PyErr::type_error("AST string must be of type str")),
        }
    }

    pub fn identifier(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Option<String>> {
        let v = self.field(obj, name, owner)?;
        self.identifier_value(v)
    }

    pub fn opt_identifier(&mut self, obj: &Value, name: &str, _owner: &str) -> PyResult<Option<String>> {
        match self.opt_field(obj, name)? {
            Some(v) => self.identifier_value(v),
            None => Ok(None),
        }
    }

    pub fn identifiers(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Vec<String>> {
        let items = self.list(obj, name, owner, |cx, v| cx.identifier_value(v.clone()))?;
        items
            .into_iter()
            .map(|i| i.ok_or_else(|| PyErr::value_error(format!("field '{name}' is required for {owner}"))))
            .collect()
    }

    pub fn string(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Option<String>> {
        let v = self.field(obj, name, owner)?;
        self.string_value(v)
    }

    pub fn opt_string(&mut self, obj: &Value, name: &str, _owner: &str) -> PyResult<Option<String>> {
        match self.opt_field(obj, name)? {
            Some(v) => self.string_value(v),
            None => Ok(None),
        }
    }

    pub fn constant(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Constant> {
        let v = self.field(obj, name, owner)?;
        match constant_of(self.vm, &v) {
            Ok(c) => Ok(c),
            Err(e) => {
                self.defer(e);
                Ok(Constant::None)
            }
        }
    }

    /// A list field: must be a list; each item converted by `conv`.
    pub fn list<R>(
        &mut self,
        obj: &Value,
        name: &str,
        owner: &str,
        conv: impl Fn(&mut Self, &Value) -> PyResult<R>,
    ) -> PyResult<Vec<R>> {
        let v = self.field(obj, name, owner)?;
        let Value::List(items) = &v else {
            return Err(PyErr::type_error(format!(
                "{owner} field \"{name}\" must be a list, not a {}",
                self.vm.type_of(&v).name
            )));
        };
        let len = items.borrow().len();
        let mut out = Vec::with_capacity(len);
        for i in 0..len {
            let item = items.borrow().get(i).cloned();
            let Some(item) = item else { break };
            out.push(conv(self, &item)?);
            if items.borrow().len() != len {
                return Err(PyErr::new(
                    ExcKind::RuntimeError,
                    format!("{owner} field \"{name}\" changed size during iteration"),
                ));
            }
        }
        Ok(out)
    }

    /// A list of nodes where None is not allowed (`None disallowed in expression list`).
    pub fn list_no_none<T>(
        &mut self,
        obj: &Value,
        name: &str,
        owner: &str,
        conv: impl Fn(&mut Self, &Value) -> PyResult<Option<T>>,
        what: &str,
    ) -> PyResult<Vec<T>> {
        let items = self.list(obj, name, owner, conv)?;
        if items.iter().any(Option::is_none) {
            self.defer(none_in_list(what));
        }
        Ok(items.into_iter().flatten().collect())
    }

    pub fn required_node<T>(
        &mut self,
        obj: &Value,
        name: &str,
        owner: &str,
        conv: impl Fn(&mut Self, &Value) -> PyResult<Option<T>>,
    ) -> PyResult<Option<T>> {
        let v = self.field(obj, name, owner)?;
        conv(self, &v)
    }

    pub fn optional<T>(
        &mut self,
        obj: &Value,
        name: &str,
        _owner: &str,
        conv: impl Fn(&mut Self, &Value) -> PyResult<Option<T>>,
    ) -> PyResult<Option<T>> {
        match self.opt_field(obj, name)? {
            Some(v) => conv(self, &v),
            None => Ok(None),
        }
    }

    pub fn optional_product<T>(
        &mut self,
        obj: &Value,
        name: &str,
        _owner: &str,
        conv: impl Fn(&mut Self, &Value) -> PyResult<T>,
    ) -> PyResult<Option<T>> {
        match self.opt_field(obj, name)? {
            Some(v) => conv(self, &v).map(Some),
            None => Ok(None),
        }
    }

    pub fn required_simple<T>(
        &mut self,
        obj: &Value,
        name: &str,
        owner: &str,
        conv: impl Fn(&mut Self, &Value) -> PyResult<T>,
    ) -> PyResult<T> {
        let v = self.field(obj, name, owner)?;
        conv(self, &v)
    }

    pub fn required_product<T>(
        &mut self,
        obj: &Value,
        name: &str,
        owner: &str,
        conv: impl Fn(&mut Self, &Value) -> PyResult<T>,
    ) -> PyResult<T> {
        let v = self.field(obj, name, owner)?;
        conv(self, &v)
    }
}

#[cold]
fn missing(field: &str, owner: &str) -> PyErr {
    PyErr::type_error(format!("required field \"{field}\" missing from {owner}"))
}

#[cold]
fn none_in_list(what: &str) -> PyErr {
    PyErr::value_error(format!("None disallowed in {what} list"))
}

/// CPython's position checks (`VALIDATE_POSITIONS`).
fn validate_positions(lineno: i32, col: i32, end_lineno: i32, end_col: i32) -> PyResult<()> {
    if lineno > end_lineno {
        return Err(PyErr::value_error(format!("AST node line range ({lineno}, {end_lineno}) is not valid")));
    }
    if (lineno < 0 && end_lineno != lineno) || (col < 0 && col != end_col) {
        return Err(PyErr::value_error(format!(
            "AST node column range ({col}, {end_col}) for line range ({lineno}, {end_lineno}) is not valid"
        )));
    }
    if lineno == end_lineno && col > end_col {
        return Err(PyErr::value_error(format!(
            "line {lineno}, column {col}-{end_col} is not a valid range"
        )));
    }
    Ok(())
}

/// Kaa's spans are unsigned: negative positions (which CPython's checks let through in a few
/// shapes) become 0, "no position".
fn span_of(lineno: i32, col: i32, end_lineno: i32, end_col: i32) -> Span {
    let u = |v: i32| v.max(0) as u32;
    Span::new(u(lineno), u(col), u(end_lineno), u(end_col))
}

/// A `Constant`'s value: only the immutable built-in constants (exact types), and tuples and
/// frozensets of them.
pub fn constant_of(vm: &mut Vm, v: &Value) -> PyResult<Constant> {
    Ok(match v {
        Value::None => Constant::None,
        Value::Ellipsis => Constant::Ellipsis,
        Value::Bool(b) => Constant::Bool(*b),
        Value::Int(i) => Constant::Int(Int::Small(*i)),
        Value::BigInt(b) => Constant::Int(Int::Big((**b).clone())),
        Value::Float(f) => Constant::Float(*f),
        Value::Complex(c) => Constant::Complex { real: c.re, imag: c.im },
        Value::Str(s) => Constant::Str(PyStr::from(s.as_str())),
        Value::Bytes(b) => Constant::Bytes(b.as_slice().to_vec()),
        Value::Tuple(items) => {
            Constant::Tuple(items.iter().map(|i| constant_of(vm, i)).collect::<PyResult<_>>()?)
        }
        Value::Set(s) if s.frozen => {
            Constant::FrozenSet(s.keys().iter().map(|i| constant_of(vm, i)).collect::<PyResult<_>>()?)
        }
        other => {
            return Err(PyErr::type_error(format!(
                "got an invalid type in Constant: {}",
                vm.type_of(other).name
            )))
        }
    })
}
