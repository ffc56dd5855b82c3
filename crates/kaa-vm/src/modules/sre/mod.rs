//! `_sre`: the regular-expression engine under CPython's own `re` package. `re._compiler`
//! turns a pattern into a list of code words and calls `_sre.compile`; the Pattern it gets
//! back searches with the matcher in `engine.rs` (CPython 3.11's semantics, MAGIC 20220615).
//!
//! - `engine.rs`: the matcher (explicit backtracking stack, no recursion per repeat/branch)
//! - `validate.rs`: rejects malformed code ("invalid SRE code") before it runs
//! - `subject.rs`: str/bytes as the engine reads them; slicing results back
//! - `pattern.rs`, `match_object.rs`, `scanner.rs`: the three classes
//! - `chars.rs`, `constants.rs`: character classes, case mappings, opcode numbers

mod chars;
pub mod constants;
mod engine;
mod match_object;
mod pattern;
mod scanner;
mod subject;
mod validate;

use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::function::{BuiltinFunction, NativeFn};
use crate::objects::types::{PropertyObject, TypeObject};
use crate::value::Value;
use constants::*;
use std::rc::Rc;

/// The classes of the module, shared by every Pattern (a Pattern makes Matches and Scanners).
pub struct SreTypes {
    pub pattern: Rc<TypeObject>,
    pub match_: Rc<TypeObject>,
    pub scanner: Rc<TypeObject>,
}

/// `_sre.compile` is bound to the tuple (Pattern, Match, SRE_Scanner).
fn types_from(t: &[Value]) -> PyResult<Rc<SreTypes>> {
    match t {
        [Value::Type(p), Value::Type(m), Value::Type(s)] => {
            Ok(Rc::new(SreTypes { pattern: p.clone(), match_: m.clone(), scanner: s.clone() }))
        }
        _ => Err(PyErr::new(crate::exceptions::ExcKind::SystemError, "_sre.compile lost its types")),
    }
}

fn make_type(
    object: &Rc<TypeObject>,
    name: &str,
    module: &str,
    new: NativeFn,
    methods: &[(&'static str, NativeFn)],
    properties: &[(&'static str, NativeFn)],
) -> Rc<TypeObject> {
    let t = crate::builtins::native_type(object, name, Some(new), methods);
    *t.module.borrow_mut() = Some(Value::str(module));
    for &(n, f) in properties {
        let fget =
            Value::Builtin(Rc::new(BuiltinFunction { name: n, func: f, bound_self: None, is_method: false }));
        t.dict.set_str(
            n,
            Value::Property(Rc::new(PropertyObject {
                fget,
                fset: Value::None,
                fdel: Value::None,
                doc: Default::default(),
            })),
        );
    }
    t
}

fn char_arg(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<u32> {
    match args {
        [v] => Ok(crate::objects::args::cint_arg(vm, v)? as i32 as u32),
        _ => Err(PyErr::type_error(format!("{name}() takes exactly one argument ({} given)", args.len()))),
    }
}

pub fn init(vm: &mut Vm, dict: &Rc<DictObject>) {
    let object = vm.types.object.clone();
    let pattern = make_type(
        &object,
        "Pattern",
        "re",
        |_, _, _| Err(PyErr::type_error("cannot create 're.Pattern' instances")),
        pattern::METHODS,
        pattern::PROPERTIES,
    );
    let match_ = make_type(
        &object,
        "Match",
        "re",
        |_, _, _| Err(PyErr::type_error("cannot create 're.Match' instances")),
        match_object::METHODS,
        match_object::PROPERTIES,
    );
    let scanner = make_type(
        &object,
        "SRE_Scanner",
        "_sre",
        |_, _, _| Err(PyErr::type_error("cannot create '_sre.SRE_Scanner' instances")),
        scanner::METHODS,
        scanner::PROPERTIES,
    );
    let types = Value::Tuple(Rc::new(vec![Value::Type(pattern), Value::Type(match_), Value::Type(scanner)]));
    dict.set_str(
        "compile",
        Value::Builtin(Rc::new(BuiltinFunction {
            name: "compile",
            func: pattern::compile,
            bound_self: Some(types),
            is_method: false,
        })),
    );
    super::add_functions(
        dict,
        &[
            ("getcodesize", |_, _, _| Ok(Value::Int(CODESIZE))),
            ("ascii_iscased", |vm, a, _| {
                let ch = char_arg(vm, a, "ascii_iscased")?;
                Ok(Value::Bool(ch < 128 && (ch as u8).is_ascii_alphabetic()))
            }),
            ("unicode_iscased", |vm, a, _| {
                let ch = char_arg(vm, a, "unicode_iscased")?;
                Ok(Value::Bool(ch != chars::lower_unicode(ch) || ch != chars::upper_unicode(ch)))
            }),
            ("ascii_tolower", |vm, a, _| {
                Ok(Value::Int(chars::lower_ascii(char_arg(vm, a, "ascii_tolower")?) as i64))
            }),
            ("unicode_tolower", |vm, a, _| {
                Ok(Value::Int(chars::lower_unicode(char_arg(vm, a, "unicode_tolower")?) as i32 as i64))
            }),
        ],
    );
    dict.set_str("MAGIC", Value::Int(MAGIC));
    dict.set_str("CODESIZE", Value::Int(CODESIZE));
    dict.set_str("MAXREPEAT", Value::Int(MAXREPEAT as i64));
    dict.set_str("MAXGROUPS", Value::Int(MAXGROUPS));
    dict.set_str("copyright", Value::str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "));
}
