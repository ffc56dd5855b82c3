//! `_sre.SRE_Scanner`: a search state kept between calls, so that `match()`/`search()` go on
//! where the previous match ended (what `finditer` and `re.Scanner` iterate with).

use super::engine::State;
use super::match_object::new_match;
use super::pattern::PatternData;
use super::subject::Subject;
use crate::builtins::native_self;
use crate::exceptions::PyResult;
use crate::interp::Vm;
use crate::objects::function::NativeFn;
use crate::objects::types::NativeData;
use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub struct ScannerData {
    pattern: Value,
    string: Value,
    subject: Rc<Subject>,
    state: RefCell<State>,
    /// A search failed: every later call answers None.
    exhausted: Cell<bool>,
}

impl NativeData for ScannerData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.string);
    }
}

pub fn new_scanner(
    vm: &mut Vm,
    pattern: &Value,
    p: &PatternData,
    string: Value,
    pos: i64,
    endpos: i64,
) -> PyResult<Value> {
    let (subject, state) = p.prepare(&string, pos, endpos)?;
    let data = ScannerData {
        pattern: pattern.clone(),
        string,
        subject,
        state: RefCell::new(state),
        exhausted: Cell::new(false),
    };
    Ok(crate::builtins::new_native_instance(vm, &p.types.scanner, Box::new(data)))
}

fn next(vm: &mut Vm, args: &[Value], search: bool) -> PyResult<Value> {
    let s = native_self::<ScannerData>(args, "_sre.SRE_Scanner", if search { "search" } else { "match" })?;
    if s.exhausted.get() {
        return Ok(Value::None);
    }
    let Value::Instance(pi) = &s.pattern else { return Ok(Value::None) };
    let Some(p) = pi.native_data::<PatternData>() else { return Ok(Value::None) };
    let mut state = s.state.borrow_mut();
    state.reset();
    state.ptr = state.start;
    let found =
        if search { p.search(&s.subject, &mut state)? } else { p.match_here(&s.subject, &mut state)? };
    if !found {
        s.exhausted.set(true);
        return Ok(Value::None);
    }
    let m = new_match(vm, &s.pattern, p, &s.subject, &s.string, &state)?;
    state.must_advance = state.ptr == state.start;
    state.start = state.ptr;
    Ok(m)
}

pub const METHODS: &[(&str, NativeFn)] =
    &[("match", |vm, a, _| next(vm, a, false)), ("search", |vm, a, _| next(vm, a, true))];

pub const PROPERTIES: &[(&str, NativeFn)] = &[("pattern", |_, a, _| {
    Ok(native_self::<ScannerData>(a, "_sre.SRE_Scanner", "pattern")?.pattern.clone())
})];
