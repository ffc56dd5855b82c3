//! `re.Match`: the spans of a successful match (-1 for groups that did not take part), the
//! string and the pattern, and the accessors over them (`group`, `groups`, `groupdict`,
//! `start`/`end`/`span`, `regs`, `lastindex`, `lastgroup`, `expand`).

use super::engine::State;
use super::pattern::{truncated_repr, PatternData};
use super::subject::Subject;
use crate::builtins::{native_self, Kwargs};
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::function::NativeFn;
use crate::objects::types::NativeData;
use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

pub struct MatchData {
    /// The Pattern instance.
    pattern: Value,
    string: Value,
    subject: Rc<Subject>,
    /// Start and end of group 0, 1, ...; -1 when a group did not match.
    marks: Vec<isize>,
    pos: usize,
    endpos: usize,
    lastindex: isize,
    regs: RefCell<Option<Value>>,
}

impl NativeData for MatchData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.string);
        if let Some(r) = &*self.regs.borrow() {
            visit(r);
        }
    }
    fn clear(&self, bin: &mut Vec<Value>) {
        if let Some(r) = self.regs.borrow_mut().take() {
            bin.push(r);
        }
    }
}

/// A Match for the search that just succeeded in `state`.
pub fn new_match(
    vm: &mut Vm,
    pattern: &Value,
    p: &PatternData,
    subject: &Rc<Subject>,
    string: &Value,
    state: &State,
) -> PyResult<Value> {
    let mut marks = Vec::with_capacity(2 * (p.groups + 1));
    marks.push(state.start as isize);
    marks.push(state.ptr as isize);
    for g in 1..=p.groups {
        match state.group_span(g) {
            Some((a, b)) if a > b => {
                return Err(PyErr::new(
                    ExcKind::SystemError,
                    "The span of capturing group is wrong, please report a bug for the re module.",
                ))
            }
            Some((a, b)) => {
                marks.push(a as isize);
                marks.push(b as isize);
            }
            None => {
                marks.push(-1);
                marks.push(-1);
            }
        }
    }
    let data = MatchData {
        pattern: pattern.clone(),
        string: string.clone(),
        subject: subject.clone(),
        marks,
        pos: state.pos,
        endpos: state.endpos,
        lastindex: state.lastindex,
        regs: RefCell::new(None),
    };
    Ok(crate::builtins::new_native_instance(vm, &p.types.match_, Box::new(data)))
}

const CLASS: &str = "re.Match";

fn this<'a>(args: &'a [Value], method: &str) -> PyResult<&'a MatchData> {
    native_self::<MatchData>(args, CLASS, method)
}

impl MatchData {
    fn pattern_data(&self) -> Option<&PatternData> {
        match &self.pattern {
            Value::Instance(i) => i.native_data::<PatternData>(),
            _ => None,
        }
    }

    fn groups(&self) -> usize {
        self.marks.len() / 2
    }

    /// The group number `index` names (an int, or a group name), or IndexError.
    fn index_of(&self, vm: &mut Vm, index: &Value) -> PyResult<usize> {
        let i = match index {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::BigInt(_) => -1,
            Value::Instance(inst) if inst.class.lookup("__index__").is_some() => {
                crate::objects::args::ssize_arg(vm, index)?
            }
            Value::Str(name) => match self.pattern_data().map(|p| &p.groupindex) {
                Some(Value::Dict(d)) => match d.get_str(name.as_str()) {
                    Some(Value::Int(i)) => i,
                    _ => -1,
                },
                _ => -1,
            },
            _ => -1,
        };
        if i < 0 || i as usize >= self.groups() {
            return Err(PyErr::new(ExcKind::IndexError, "no such group"));
        }
        Ok(i as usize)
    }

    fn slice(&self, g: usize, default: &Value) -> Value {
        let (a, b) = (self.marks[2 * g], self.marks[2 * g + 1]);
        if a < 0 || b < 0 {
            return default.clone();
        }
        self.subject.slice(&self.string, a as usize, b as usize)
    }

    fn span(&self, g: usize) -> Value {
        Value::Tuple(Rc::new(vec![
            Value::Int(self.marks[2 * g] as i64),
            Value::Int(self.marks[2 * g + 1] as i64),
        ]))
    }
}

/// The optional group argument of start/end/span (default 0).
fn group_arg(vm: &mut Vm, m: &MatchData, args: &[Value], name: &str) -> PyResult<usize> {
    match args.len() {
        1 => Ok(0),
        2 => m.index_of(vm, &args[1]),
        n => Err(PyErr::type_error(format!("{name} expected at most 1 argument, got {}", n - 1))),
    }
}

/// The `default` argument of groups/groupdict.
fn default_arg(args: &[Value], kwargs: &Kwargs, name: &str) -> PyResult<Value> {
    let [default] = crate::builtins::clinic(name, &args[1..], kwargs, ["default"], 1, 0)?;
    Ok(default.unwrap_or(Value::None))
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("group", |vm, a, kw| {
        crate::builtins::no_kwargs("group", kw)?;
        let m = this(a, "group")?;
        match a.len() {
            1 => Ok(m.slice(0, &Value::None)),
            2 => {
                let g = m.index_of(vm, &a[1])?;
                Ok(m.slice(g, &Value::None))
            }
            _ => {
                let mut out = Vec::with_capacity(a.len() - 1);
                for idx in &a[1..] {
                    let g = m.index_of(vm, idx)?;
                    out.push(m.slice(g, &Value::None));
                }
                Ok(Value::Tuple(Rc::new(out)))
            }
        }
    }),
    ("__getitem__", |vm, a, _| {
        let m = this(a, "__getitem__")?;
        let key = a.get(1).cloned().unwrap_or(Value::None);
        let g = m.index_of(vm, &key)?;
        Ok(m.slice(g, &Value::None))
    }),
    ("groups", |_, a, kw| {
        let m = this(a, "groups")?;
        let default = default_arg(a, kw, "groups")?;
        Ok(Value::Tuple(Rc::new((1..m.groups()).map(|g| m.slice(g, &default)).collect())))
    }),
    ("groupdict", |vm, a, kw| {
        let m = this(a, "groupdict")?;
        let default = default_arg(a, kw, "groupdict")?;
        let out = crate::objects::dict::DictObject::new();
        if let Some(Value::Dict(d)) = m.pattern_data().map(|p| p.groupindex.clone()) {
            for (k, _) in d.items() {
                let g = m.index_of(vm, &k)?;
                out.set(k, m.slice(g, &default))?;
            }
        }
        Ok(vm.new_dict(out))
    }),
    ("start", |vm, a, _| {
        let m = this(a, "start")?;
        let g = group_arg(vm, m, a, "start")?;
        Ok(Value::Int(m.marks[2 * g] as i64))
    }),
    ("end", |vm, a, _| {
        let m = this(a, "end")?;
        let g = group_arg(vm, m, a, "end")?;
        Ok(Value::Int(m.marks[2 * g + 1] as i64))
    }),
    ("span", |vm, a, _| {
        let m = this(a, "span")?;
        let g = group_arg(vm, m, a, "span")?;
        Ok(m.span(g))
    }),
    ("expand", |vm, a, kw| {
        let m = this(a, "expand")?;
        let [template] = crate::builtins::clinic("expand", &a[1..], kw, ["template"], 1, 1)?;
        let template = template.unwrap_or(Value::None);
        let pattern = m.pattern.clone();
        let re = vm.import_module("re")?;
        let expand = vm.get_attr(&re, "_expand")?;
        vm.call_value(&expand, vec![pattern, a[0].clone(), template], Vec::new())
    }),
    ("__copy__", |_, a, _| this(a, "__copy__").map(|_| a[0].clone())),
    ("__deepcopy__", |_, a, _| this(a, "__deepcopy__").map(|_| a[0].clone())),
    ("__repr__", |vm, a, _| {
        let m = this(a, "__repr__")?;
        let group0 = m.slice(0, &Value::None);
        let shown = truncated_repr(vm, &group0, 50)?;
        Ok(Value::str(&format!("<re.Match object; span=({}, {}), match={shown}>", m.marks[0], m.marks[1])))
    }),
];

pub const PROPERTIES: &[(&str, NativeFn)] = &[
    ("string", |_, a, _| Ok(this(a, "string")?.string.clone())),
    ("re", |_, a, _| Ok(this(a, "re")?.pattern.clone())),
    ("pos", |_, a, _| Ok(Value::Int(this(a, "pos")?.pos as i64))),
    ("endpos", |_, a, _| Ok(Value::Int(this(a, "endpos")?.endpos as i64))),
    ("lastindex", |_, a, _| {
        let m = this(a, "lastindex")?;
        Ok(if m.lastindex >= 0 { Value::Int(m.lastindex as i64) } else { Value::None })
    }),
    ("lastgroup", |_, a, _| {
        let m = this(a, "lastgroup")?;
        if m.lastindex >= 0 {
            if let Some(Value::Tuple(t)) = m.pattern_data().map(|p| &p.indexgroup) {
                if let Some(name) = t.get(m.lastindex as usize) {
                    return Ok(name.clone());
                }
            }
        }
        Ok(Value::None)
    }),
    ("regs", |_, a, _| {
        let m = this(a, "regs")?;
        if let Some(r) = &*m.regs.borrow() {
            return Ok(r.clone());
        }
        let regs = Value::Tuple(Rc::new((0..m.groups()).map(|g| m.span(g)).collect()));
        *m.regs.borrow_mut() = Some(regs.clone());
        Ok(regs)
    }),
];
