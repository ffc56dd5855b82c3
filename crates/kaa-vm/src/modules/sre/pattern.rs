//! `re.Pattern`: a compiled code array and what `re` knows about it (groups, names, flags),
//! with the searching methods built on the engine (`match`, `search`, `findall`, `split`,
//! `sub`, ...). Loops that search repeatedly keep one `State` and set `must_advance` after an
//! empty match, as CPython does, so empty matches next to previous ones are skipped the same way.

use super::constants::*;
use super::engine::{Failure, State};
use super::match_object::new_match;
use super::subject::{self, Subject};
use super::SreTypes;
use crate::builtins::{clinic, native_self, Kwargs};
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::ssize_arg;
use crate::objects::types::NativeData;
use crate::value::Value;
use std::rc::Rc;

pub struct PatternData {
    pub code: Vec<u32>,
    /// The source (str, bytes or None).
    pub pattern: Value,
    pub flags: i64,
    /// Number of capturing groups.
    pub groups: usize,
    /// name -> number (a dict), or None when the pattern has no named group.
    pub groupindex: Value,
    /// number -> name (a tuple), or None.
    pub indexgroup: Value,
    /// -1: compiled without a source (accepts both kinds), 0: str, 1: bytes.
    pub isbytes: i8,
    pub types: Rc<SreTypes>,
    pub decoded: subject::DecodeCache,
}

impl NativeData for PatternData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.groupindex);
        visit(&self.indexgroup);
    }
}

const CLASS: &str = "re.Pattern";

pub fn this<'a>(args: &'a [Value], method: &str) -> PyResult<&'a PatternData> {
    native_self::<PatternData>(args, CLASS, method)
}

pub const METHODS: &[(&str, crate::objects::function::NativeFn)] = &[
    ("match", |vm, a, kw| find_one(vm, a, kw, "match", Mode::Match)),
    ("fullmatch", |vm, a, kw| find_one(vm, a, kw, "fullmatch", Mode::FullMatch)),
    ("search", |vm, a, kw| find_one(vm, a, kw, "search", Mode::Search)),
    ("findall", pattern_findall),
    ("finditer", pattern_finditer),
    ("scanner", pattern_scanner),
    ("split", pattern_split),
    ("sub", |vm, a, kw| pattern_sub(vm, a, kw, "sub", false)),
    ("subn", |vm, a, kw| pattern_sub(vm, a, kw, "subn", true)),
    ("__copy__", |_, a, _| this(a, "__copy__").map(|_| a[0].clone())),
    ("__deepcopy__", |_, a, _| this(a, "__deepcopy__").map(|_| a[0].clone())),
    ("__repr__", pattern_repr),
    ("__eq__", |vm, a, _| pattern_compare(vm, a, false)),
    ("__ne__", |vm, a, _| pattern_compare(vm, a, true)),
    ("__hash__", pattern_hash),
];

pub const PROPERTIES: &[(&str, crate::objects::function::NativeFn)] = &[
    ("pattern", |_, a, _| Ok(this(a, "pattern")?.pattern.clone())),
    ("flags", |_, a, _| Ok(Value::Int(this(a, "flags")?.flags))),
    ("groups", |_, a, _| Ok(Value::Int(this(a, "groups")?.groups as i64))),
    ("groupindex", |vm, a, _| {
        let p = this(a, "groupindex")?;
        Ok(match &p.groupindex {
            Value::Dict(d) => Value::Native(Rc::new(crate::objects::native::NativeObject::MappingProxy(
                crate::objects::native::ProxyTarget::Dict(d.clone()),
            ))),
            _ => vm.new_dict(crate::objects::dict::DictObject::new()),
        })
    }),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Match,
    FullMatch,
    Search,
}

/// The engine's failure as CPython reports it.
#[cold]
pub fn engine_error(f: Failure) -> PyErr {
    match f {
        Failure::Illegal => PyErr::new(ExcKind::RuntimeError, "internal error in regular expression engine"),
        Failure::Interrupted => PyErr::new(ExcKind::KeyboardInterrupt, ""),
        Failure::Recursion => PyErr::new(ExcKind::RecursionError, "maximum recursion limit exceeded"),
    }
}

/// `(string, pos=0, endpos=sys.maxsize)` of match, search, findall, ...
fn string_pos_endpos(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<(Value, i64, i64)> {
    let [string, pos, endpos] = clinic(fname, args, kwargs, ["string", "pos", "endpos"], 3, 1)?;
    let string = string.unwrap_or(Value::None);
    let pos = match pos {
        Some(v) => ssize_arg(vm, &v)?,
        None => 0,
    };
    let endpos = match endpos {
        Some(v) => ssize_arg(vm, &v)?,
        None => i64::MAX,
    };
    Ok((string, pos, endpos))
}

impl PatternData {
    /// The subject for `string` and a fresh state over `pos..endpos`, after CPython's checks.
    pub fn prepare(&self, string: &Value, pos: i64, endpos: i64) -> PyResult<(Rc<Subject>, State)> {
        let subject = Subject::from_value(string, &self.decoded)?;
        if subject.is_bytes() && self.isbytes == 0 {
            return Err(PyErr::type_error("cannot use a string pattern on a bytes-like object"));
        }
        if !subject.is_bytes() && self.isbytes > 0 {
            return Err(PyErr::type_error("cannot use a bytes pattern on a string-like object"));
        }
        let state = State::new(self.groups, subject.len(), pos, endpos);
        Ok((Rc::new(subject), state))
    }

    pub fn search(&self, subject: &Subject, state: &mut State) -> PyResult<bool> {
        subject.run(&self.code, state, true).map_err(engine_error)
    }

    pub fn match_here(&self, subject: &Subject, state: &mut State) -> PyResult<bool> {
        subject.run(&self.code, state, false).map_err(engine_error)
    }

    /// Group `g`'s text after a search (None, or empty when `empty`, if it did not match).
    fn group_slice(&self, subject: &Subject, string: &Value, state: &State, g: usize, empty: bool) -> Value {
        match state.group_span(g) {
            Some((i, j)) => subject.slice(string, i, j),
            None if empty => subject.slice(string, 0, 0),
            None => Value::None,
        }
    }
}

fn find_one(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str, mode: Mode) -> PyResult<Value> {
    let p = this(args, name)?;
    let (string, pos, endpos) = string_pos_endpos(vm, name, &args[1..], kwargs)?;
    let (subject, mut state) = p.prepare(&string, pos, endpos)?;
    let found = match mode {
        Mode::Search => p.search(&subject, &mut state)?,
        _ => {
            state.match_all = mode == Mode::FullMatch;
            p.match_here(&subject, &mut state)?
        }
    };
    if !found {
        return Ok(Value::None);
    }
    new_match(vm, &args[0], p, &subject, &string, &state)
}

fn pattern_findall(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let p = this(args, "findall")?;
    let (string, pos, endpos) = string_pos_endpos(vm, "findall", &args[1..], kwargs)?;
    let (subject, mut state) = p.prepare(&string, pos, endpos)?;
    let mut out = Vec::new();
    while state.start <= state.end {
        state.reset();
        state.ptr = state.start;
        if !p.search(&subject, &mut state)? {
            break;
        }
        let item = match p.groups {
            0 => subject.slice(&string, state.start, state.ptr),
            1 => p.group_slice(&subject, &string, &state, 1, true),
            n => Value::Tuple(Rc::new(
                (1..=n).map(|g| p.group_slice(&subject, &string, &state, g, true)).collect(),
            )),
        };
        out.push(item);
        state.must_advance = state.ptr == state.start;
        state.start = state.ptr;
    }
    Ok(vm.new_list(out))
}

fn pattern_scanner(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let p = this(args, "scanner")?;
    let (string, pos, endpos) = string_pos_endpos(vm, "scanner", &args[1..], kwargs)?;
    super::scanner::new_scanner(vm, &args[0], p, string, pos, endpos)
}

fn pattern_finditer(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let p = this(args, "finditer")?;
    let (string, pos, endpos) = string_pos_endpos(vm, "finditer", &args[1..], kwargs)?;
    let scanner = super::scanner::new_scanner(vm, &args[0], p, string, pos, endpos)?;
    let search = vm.get_attr(&scanner, "search")?;
    crate::builtins::callable_iterator(vm, &search, &Value::None)
}

fn pattern_split(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let p = this(args, "split")?;
    let [string, maxsplit] = clinic("split", &args[1..], kwargs, ["string", "maxsplit"], 2, 1)?;
    let string = string.unwrap_or(Value::None);
    let maxsplit = match maxsplit {
        Some(v) => ssize_arg(vm, &v)?,
        None => 0,
    };
    let (subject, mut state) = p.prepare(&string, 0, i64::MAX)?;
    let mut out = Vec::new();
    let mut last = state.start;
    let mut n = 0;
    while maxsplit == 0 || n < maxsplit {
        state.reset();
        state.ptr = state.start;
        if !p.search(&subject, &mut state)? {
            break;
        }
        out.push(subject.slice(&string, last, state.start));
        for g in 1..=p.groups {
            out.push(p.group_slice(&subject, &string, &state, g, false));
        }
        n += 1;
        state.must_advance = state.ptr == state.start;
        state.start = state.ptr;
        last = state.ptr;
    }
    out.push(subject.slice(&string, last, state.endpos));
    Ok(vm.new_list(out))
}

/// What replaces each match in `sub`.
enum Filter {
    Literal(Value),
    Callable(Value),
}

fn pattern_sub(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str, subn: bool) -> PyResult<Value> {
    let p = this(args, name)?;
    let [repl, string, count] = clinic(name, &args[1..], kwargs, ["repl", "string", "count"], 3, 2)?;
    let repl = repl.unwrap_or(Value::None);
    let string = string.unwrap_or(Value::None);
    let count = match count {
        Some(v) => ssize_arg(vm, &v)?,
        None => 0,
    };
    let filter = if crate::builtins::is_callable(vm, &repl) {
        Filter::Callable(repl)
    } else {
        let literal = match &repl {
            Value::Str(s) => !s.as_str().contains('\\'),
            other => crate::objects::bytes::buffer(other).is_some_and(|b| !b.contains(&b'\\')),
        };
        if literal {
            Filter::Literal(repl)
        } else {
            // A template with escapes: `re._subx` compiles it (3.11 does this in Python).
            let re = vm.import_module("re")?;
            let subx = vm.get_attr(&re, "_subx")?;
            let f = vm.call_value(&subx, vec![args[0].clone(), repl], Vec::new())?;
            if crate::builtins::is_callable(vm, &f) {
                Filter::Callable(f)
            } else {
                Filter::Literal(f)
            }
        }
    };
    let (subject, mut state) = p.prepare(&string, 0, i64::MAX)?;
    let mut pieces = Vec::new();
    let mut n: i64 = 0;
    let mut i = 0;
    while count == 0 || n < count {
        state.reset();
        state.ptr = state.start;
        if !p.search(&subject, &mut state)? {
            break;
        }
        let (b, e) = (state.start, state.ptr);
        if i < b {
            pieces.push(subject.slice(&string, i, b));
        }
        let item = match &filter {
            Filter::Literal(v) => v.clone(),
            Filter::Callable(f) => {
                let m = new_match(vm, &args[0], p, &subject, &string, &state)?;
                vm.call_value(f, vec![m], Vec::new())?
            }
        };
        if !matches!(item, Value::None) {
            pieces.push(item);
        }
        i = e;
        n += 1;
        state.must_advance = state.ptr == state.start;
        state.start = state.ptr;
    }
    if i < state.endpos {
        pieces.push(subject.slice(&string, i, state.endpos));
    }
    let joined = join(&subject, pieces)?;
    if subn {
        Ok(Value::Tuple(Rc::new(vec![joined, Value::Int(n)])))
    } else {
        Ok(joined)
    }
}

/// `"".join(pieces)` or `b"".join(pieces)` with their errors.
fn join(subject: &Subject, pieces: Vec<Value>) -> PyResult<Value> {
    if subject.is_bytes() {
        if pieces.is_empty() {
            return Ok(subject.empty());
        }
        let mut out = Vec::new();
        for (k, piece) in pieces.iter().enumerate() {
            match crate::objects::bytes::buffer(piece) {
                Some(b) => out.extend_from_slice(&b),
                None => {
                    return Err(PyErr::type_error(format!(
                        "sequence item {k}: expected a bytes-like object, {} found",
                        piece.type_name()
                    )))
                }
            }
        }
        return Ok(crate::objects::bytes::new_bytes(out));
    }
    if pieces.len() == 1 {
        if let Value::Str(_) = &pieces[0] {
            return Ok(pieces.into_iter().next().unwrap_or(Value::None));
        }
    }
    let mut out = String::new();
    for (k, piece) in pieces.iter().enumerate() {
        match piece {
            Value::Str(s) => out.push_str(s.as_str()),
            other => {
                return Err(PyErr::type_error(format!(
                    "sequence item {k}: expected str instance, {} found",
                    other.type_name()
                )))
            }
        }
    }
    Ok(Value::Str(Rc::new(crate::objects::str::StrObject::from_string(out))))
}

/// `repr(x)` cut to `limit` characters (C's `%.200R`).
pub fn truncated_repr(vm: &mut Vm, v: &Value, limit: usize) -> PyResult<String> {
    let r = vm.repr(v)?;
    Ok(match r.char_indices().nth(limit) {
        Some((cut, _)) => r[..cut].to_string(),
        None => r,
    })
}

fn pattern_repr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let p = this(args, "__repr__")?;
    const NAMES: &[(&str, i64)] = &[
        ("re.TEMPLATE", FLAG_TEMPLATE),
        ("re.IGNORECASE", FLAG_IGNORECASE),
        ("re.LOCALE", FLAG_LOCALE),
        ("re.MULTILINE", FLAG_MULTILINE),
        ("re.DOTALL", FLAG_DOTALL),
        ("re.UNICODE", FLAG_UNICODE),
        ("re.VERBOSE", FLAG_VERBOSE),
        ("re.DEBUG", FLAG_DEBUG),
        ("re.ASCII", FLAG_ASCII),
    ];
    let mut flags = p.flags;
    // re.UNICODE is the default for str patterns: not shown.
    if p.isbytes == 0 && flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII) == FLAG_UNICODE {
        flags &= !FLAG_UNICODE;
    }
    let mut items = Vec::new();
    for &(name, bit) in NAMES {
        if flags & bit != 0 {
            items.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        items.push(format!("0x{:x}", flags as i32 as u32));
    }
    let source = truncated_repr(vm, &p.pattern, 200)?;
    Ok(Value::str(&if items.is_empty() {
        format!("re.compile({source})")
    } else {
        format!("re.compile({source}, {})", items.join("|"))
    }))
}

fn pattern_compare(vm: &mut Vm, args: &[Value], negate: bool) -> PyResult<Value> {
    let p = this(args, if negate { "__ne__" } else { "__eq__" })?;
    let Some(Value::Instance(other)) = args.get(1) else { return Ok(Value::NotImplemented) };
    let Some(q) = other.native_data::<PatternData>() else { return Ok(Value::NotImplemented) };
    if !Rc::ptr_eq(&other.class, &p.types.pattern) {
        return Ok(Value::NotImplemented);
    }
    let same = if let (Value::Instance(a), Value::Instance(b)) = (&args[0], &args[1]) {
        Rc::ptr_eq(a, b)
    } else {
        false
    };
    let mut equal = same
        || (p.flags == q.flags && p.isbytes == q.isbytes && p.code == q.code && {
            let (a, b) = (p.pattern.clone(), q.pattern.clone());
            vm.equals(&a, &b)?
        });
    if negate {
        equal = !equal;
    }
    Ok(Value::Bool(equal))
}

fn pattern_hash(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let p = this(args, "__hash__")?;
    let source = p.pattern.clone();
    let mut h = crate::builtins::hash_of(vm, &source)?;
    // FNV-1a over the code words stands in for CPython's buffer hash.
    let mut code_hash: u64 = 0xcbf2_9ce4_8422_2325;
    for w in &p.code {
        for byte in w.to_le_bytes() {
            code_hash = (code_hash ^ byte as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    h ^= code_hash as i64;
    h ^= p.flags;
    h ^= p.isbytes as i64;
    h ^= p.code.len() as i64;
    if h == -1 {
        h = -2;
    }
    Ok(Value::Int(h))
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
pub fn compile(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Some(Value::Tuple(types)) = args.first() else {
        return Err(PyErr::new(ExcKind::SystemError, "_sre.compile lost its types"));
    };
    let types = super::types_from(types)?;
    let [pattern, flags, code, groups, groupindex, indexgroup] = clinic(
        "compile",
        &args[1..],
        kwargs,
        ["pattern", "flags", "code", "groups", "groupindex", "indexgroup"],
        6,
        6,
    )?;
    let pattern = pattern.unwrap_or(Value::None);
    let flags = crate::objects::args::cint_arg(vm, &flags.unwrap_or(Value::None))?;
    let code = match code.unwrap_or(Value::None) {
        Value::List(l) => l.borrow().clone(),
        other => {
            return Err(PyErr::type_error(format!(
                "compile() argument 'code' must be list, not {}",
                other.type_name()
            )))
        }
    };
    let groups = ssize_arg(vm, &groups.unwrap_or(Value::None))?;
    let groupindex = match groupindex.unwrap_or(Value::None) {
        d @ Value::Dict(_) => d,
        other => {
            return Err(PyErr::type_error(format!(
                "compile() argument 'groupindex' must be dict, not {}",
                other.type_name()
            )))
        }
    };
    let indexgroup = match indexgroup.unwrap_or(Value::None) {
        t @ Value::Tuple(_) => t,
        other => {
            return Err(PyErr::type_error(format!(
                "compile() argument 'indexgroup' must be tuple, not {}",
                other.type_name()
            )))
        }
    };
    let mut words = Vec::with_capacity(code.len());
    for item in &code {
        let w = match item {
            Value::Int(i) if *i < 0 => {
                return Err(PyErr::new(
                    ExcKind::OverflowError,
                    "can't convert negative value to unsigned int",
                ))
            }
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::BigInt(b) if b.sign() == num_bigint::Sign::Minus => {
                return Err(PyErr::new(
                    ExcKind::OverflowError,
                    "can't convert negative value to unsigned int",
                ))
            }
            Value::BigInt(_) => i64::MAX,
            // re._compiler's opcodes are _NamedIntConstant, an int subclass.
            Value::Instance(inst) if inst.class.lookup("__index__").is_some() => {
                match crate::objects::args::index_value(vm, item)? {
                    Value::Int(i) if i < 0 => {
                        return Err(PyErr::new(
                            ExcKind::OverflowError,
                            "can't convert negative value to unsigned int",
                        ))
                    }
                    Value::Int(i) => i,
                    _ => i64::MAX,
                }
            }
            _ => return Err(PyErr::type_error("an integer is required")),
        };
        let w = u32::try_from(w)
            .map_err(|_| PyErr::new(ExcKind::OverflowError, "regular expression code size limit exceeded"))?;
        words.push(w);
    }
    let isbytes = if matches!(pattern, Value::None) {
        -1
    } else {
        match subject::kind_of(&pattern) {
            Some(b) => b as i8,
            None => return Err(subject::not_a_string(&pattern)),
        }
    };
    let has_names = matches!(&groupindex, Value::Dict(d) if !d.is_empty());
    let has_index = matches!(&indexgroup, Value::Tuple(t) if !t.is_empty());
    let data = PatternData {
        code: words,
        pattern,
        flags,
        groups: groups.max(0) as usize,
        groupindex: if has_names { groupindex } else { Value::None },
        indexgroup: if has_names && has_index { indexgroup } else { Value::None },
        isbytes,
        types: types.clone(),
        decoded: Default::default(),
    };
    if !super::validate::is_valid(&data.code, groups) {
        return Err(PyErr::new(ExcKind::RuntimeError, "invalid SRE code"));
    }
    Ok(crate::builtins::new_native_instance(vm, &types.pattern, Box::new(data)))
}
