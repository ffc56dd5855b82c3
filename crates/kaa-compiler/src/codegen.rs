//! Code generation: AST → code objects, one `Unit` per scope being compiled.
//!
//! Names are emitted as FAST / DEREF / GLOBAL / NAME operations according to the symbol table.
//! Jumps are emitted against labels and patched when the unit is finished.

use crate::annotations;
use crate::fast_hash::{FastHashMap, FastHasher};
use crate::symtable::{self, node_key, NameScope, Scope, ScopeKind};
use kaa_bytecode::code::ExceptionEntry;
use kaa_bytecode::opcode::{BinaryOpKind, CompareKind};
use kaa_bytecode::{CodeFlags, CodeObject, ConstValue, Instr, Opcode};
use kaa_syntax::ast::*;
use kaa_syntax::{PyStr, SyntaxError, SyntaxErrorKind};
use std::collections::hash_map::Entry;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

/// Why compilation failed.
#[derive(Debug)]
pub enum CompileError {
    /// A compile-time `SyntaxError` CPython also raises (`'return' outside function`, ...).
    Syntax(SyntaxError),
    /// A construct this version of Kaa cannot compile yet (reported as `SystemError`).
    Unsupported { what: String, lineno: u32 },
}

type Result<T> = std::result::Result<T, CompileError>;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Label(usize);

/// A block that `break`, `continue` and `return` must unwind through (CPython's "fblocks").
enum FBlock<'a> {
    /// A loop; a `for` loop keeps its iterator on the stack, so `break` must pop it.
    Loop { continue_to: Label, break_to: Label, is_for: bool },
    /// The body of `try` with a `finally`: leaving it runs the final body.
    TryFinally { finalbody: &'a [Stmt] },
    /// An `except` handler body: leaving it restores the previous exception (and unbinds `as` name).
    ExceptHandler { name: Option<&'a str> },
    /// The final body run because of an exception: leaving it drops that exception.
    FinallyEnd,
    /// A `with` body: leaving it calls the saved `__exit__(None, None, None)`.
    With,
    /// An `async with` body: the same, awaiting `__aexit__`.
    AsyncWith,
    /// An `except*` clause body: `break`, `continue` and `return` may not leave it.
    ExceptStarHandler,
}

/// An exception-table range still open: instructions from `start` on jump to `target`.
struct OpenHandler {
    start: usize,
    target: Label,
    depth: i32,
}

struct Unit<'s, 'a> {
    scope: &'s Scope,
    code: CodeObject,
    line: u32,
    /// The source range instructions are attributed to (the AST node being compiled).
    loc: Span,
    labels: Vec<Option<usize>>,
    /// Stack depth expected at each label (set by the first jump to it).
    label_depth: Vec<Option<i32>>,
    jumps: Vec<(usize, Label)>,
    fblocks: Vec<FBlock<'a>>,
    /// Current and maximum value-stack depth, tracked as instructions are emitted.
    depth: i32,
    max_depth: i32,
    /// False after an unconditional jump, return or raise until the next label: jumps emitted
    /// in such dead code must not fix their target's depth (the tracked depth is stale there).
    reachable: bool,
    /// Closed exception-table ranges: (start, end, target, depth), innermost first.
    handlers: Vec<(usize, usize, Label, i32)>,
    /// `code.consts` by [`const_fingerprint`] (first index with that fingerprint), and
    /// `code.names` by name: pools of big modules hold hundreds of entries.
    const_index: FastHashMap<u64, u32>,
    name_index: FastHashMap<String, u32>,
}

impl FBlock<'_> {
    fn shallow_clone(&self) -> Self {
        match self {
            FBlock::Loop { continue_to, break_to, is_for } => {
                FBlock::Loop { continue_to: *continue_to, break_to: *break_to, is_for: *is_for }
            }
            FBlock::TryFinally { finalbody } => FBlock::TryFinally { finalbody },
            FBlock::ExceptHandler { name } => FBlock::ExceptHandler { name: *name },
            FBlock::FinallyEnd => FBlock::FinallyEnd,
            FBlock::With => FBlock::With,
            FBlock::AsyncWith => FBlock::AsyncWith,
            FBlock::ExceptStarHandler => FBlock::ExceptStarHandler,
        }
    }
}

impl<'s, 'a> Unit<'s, 'a> {
    fn new(scope: &'s Scope, name: &str, qualname: String, filename: &str, firstlineno: u32) -> Unit<'s, 'a> {
        let mut varnames: Vec<String> = scope.params.clone();
        if scope.kind.is_function_like() {
            for s in &scope.symbols {
                if s.scope == NameScope::Local && !varnames.contains(&s.name) {
                    varnames.push(s.name.clone());
                }
            }
        }
        // Parameters that are also cells keep their varnames slot; the VM copies them in.
        let cellvars = scope.names_in(NameScope::Cell);
        for c in &cellvars {
            if scope.params.contains(c) && !varnames.contains(c) {
                varnames.push(c.clone());
            }
        }
        let mut flags = 0;
        if scope.kind.is_function_like() {
            flags |= CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS;
        }
        if scope.is_generator {
            flags |= if scope.is_coroutine { CodeFlags::ASYNC_GENERATOR } else { CodeFlags::GENERATOR };
        } else if scope.is_coroutine {
            flags |= CodeFlags::COROUTINE;
        }
        Unit {
            scope,
            code: CodeObject {
                name: name.to_string(),
                qualname,
                filename: filename.to_string(),
                firstlineno,
                argcount: 0,
                posonlyargcount: 0,
                kwonlyargcount: 0,
                flags: CodeFlags(flags),
                instructions: Vec::new(),
                lines: Vec::new(),
                positions: Vec::new(),
                consts: Vec::new(),
                names: Vec::new(),
                varnames,
                cellvars,
                freevars: scope.free_names(),
                exception_table: Vec::<ExceptionEntry>::new(),
                stacksize: 0,
            },
            line: firstlineno,
            loc: Span::new(firstlineno, 0, firstlineno, 0),
            labels: Vec::new(),
            label_depth: Vec::new(),
            jumps: Vec::new(),
            fblocks: Vec::new(),
            depth: 0,
            max_depth: 0,
            reachable: true,
            handlers: Vec::new(),
            const_index: FastHashMap::default(),
            name_index: FastHashMap::default(),
        }
    }

    fn emit(&mut self, op: Opcode, arg: u32) -> usize {
        self.code.instructions.push(Instr::new(op, arg));
        self.code.lines.push(self.line);
        self.code.positions.push((self.loc.end_lineno, self.loc.col_offset, self.loc.end_col_offset));
        self.depth += op.stack_effect(arg, false);
        self.max_depth = self.max_depth.max(self.depth);
        if matches!(
            op,
            Opcode::ReturnValue
                | Opcode::Reraise
                | Opcode::RaiseVarargs
                | Opcode::JumpForward
                | Opcode::JumpBackward
        ) {
            self.reachable = false;
        }
        self.code.instructions.len() - 1
    }

    fn new_label(&mut self) -> Label {
        self.labels.push(None);
        self.label_depth.push(None);
        Label(self.labels.len() - 1)
    }

    fn bind(&mut self, l: Label) {
        self.labels[l.0] = Some(self.code.instructions.len());
        match self.label_depth[l.0] {
            Some(d) => self.depth = d,
            None => self.label_depth[l.0] = Some(self.depth),
        }
        self.reachable = true;
    }

    fn jump(&mut self, op: Opcode, l: Label) {
        let before = self.depth;
        let live = self.reachable;
        let at = self.emit(op, 0);
        self.jumps.push((at, l));
        if live && self.label_depth[l.0].is_none() {
            self.label_depth[l.0] = Some(before + op.stack_effect(0, true));
        }
    }

    /// Starts an exception-table range whose exceptions go to `target` (the exception is pushed
    /// on a stack trimmed to the current depth).
    fn push_handler(&mut self, target: Label) -> OpenHandler {
        // The handler starts with the exception on the stack.
        if self.label_depth[target.0].is_none() {
            self.label_depth[target.0] = Some(self.depth + 1);
        }
        OpenHandler { start: self.code.instructions.len(), target, depth: self.depth }
    }

    fn pop_handler(&mut self, h: OpenHandler) {
        let end = self.code.instructions.len();
        if end > h.start {
            self.handlers.push((h.start, end, h.target, h.depth));
        }
    }

    fn add_const(&mut self, c: ConstValue) -> u32 {
        // Code objects are never shared; other constants are deduplicated (by kind, so 1 != True).
        if matches!(c, ConstValue::Code(_)) {
            self.code.consts.push(c);
            return (self.code.consts.len() - 1) as u32;
        }
        let key = const_fingerprint(&c);
        let at = self.code.consts.len() as u32;
        match self.const_index.entry(key) {
            Entry::Occupied(first) => {
                let first = *first.get();
                if same_const(&self.code.consts[first as usize], &c) {
                    return first;
                }
                // A fingerprint collision: rare, so a scan is fine.
                if let Some(i) = self.code.consts.iter().position(|x| same_const(x, &c)) {
                    return i as u32;
                }
            }
            Entry::Vacant(slot) => {
                slot.insert(at);
            }
        }
        self.code.consts.push(c);
        at
    }

    fn add_name(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.name_index.get(name) {
            return i;
        }
        let at = self.code.names.len() as u32;
        self.code.names.push(name.to_string());
        self.name_index.insert(name.to_string(), at);
        at
    }

    fn finish(mut self) -> CodeObject {
        for (at, label) in std::mem::take(&mut self.jumps) {
            let target = self.labels[label.0].expect("every label is bound");
            let backward = op_is_backward(self.code.instructions[at].op());
            debug_assert_eq!(backward, target <= at, "jump direction of {:?}", self.code.instructions[at]);
            let arg = if target > at { target - at - 1 } else { at + 1 - target };
            let op = self.code.instructions[at].op();
            self.code.instructions[at] = Instr::new(op, arg as u32);
        }
        for (start, end, target, depth) in std::mem::take(&mut self.handlers) {
            let target = self.labels[target.0].expect("every handler label is bound");
            self.code.exception_table.push(ExceptionEntry {
                start: start as u32,
                end: end as u32,
                target: target as u32,
                depth: depth.max(0) as u32,
                push_lasti: false,
            });
        }
        self.code.stacksize = self.max_depth.max(0) as u32 + 1;
        self.code
    }
}

fn op_is_backward(op: Opcode) -> bool {
    op == Opcode::JumpBackward
}

fn index_of(v: &mut Vec<String>, name: &str) -> u32 {
    if let Some(i) = v.iter().position(|n| n == name) {
        return i as u32;
    }
    v.push(name.to_string());
    (v.len() - 1) as u32
}

/// A hash of a constant that agrees with [`same_const`]: equal constants, equal fingerprints.
fn const_fingerprint(c: &ConstValue) -> u64 {
    fn feed(c: &ConstValue, h: &mut FastHasher) {
        h.write_u8(const_kind(c));
        match c {
            ConstValue::None | ConstValue::Ellipsis | ConstValue::Code(_) => {}
            ConstValue::Bool(b) => h.write_u8(u8::from(*b)),
            ConstValue::Int(Int::Small(i)) => h.write_u64(*i as u64),
            ConstValue::Int(Int::Big(b)) => b.hash(h),
            ConstValue::Float(f) => h.write_u64(f.to_bits()),
            ConstValue::Complex { real, imag } => {
                h.write_u64(real.to_bits());
                h.write_u64(imag.to_bits());
            }
            ConstValue::Str(s) => s.hash(h),
            ConstValue::Bytes(b) => b.hash(h),
            ConstValue::Tuple(items) | ConstValue::FrozenSet(items) => {
                h.write_usize(items.len());
                for item in items {
                    feed(item, h);
                }
            }
        }
    }
    let mut h = FastHasher::default();
    feed(c, &mut h);
    h.finish()
}

fn const_kind(c: &ConstValue) -> u8 {
    match c {
        ConstValue::None => 0,
        ConstValue::Bool(_) => 1,
        ConstValue::Int(_) => 2,
        ConstValue::Float(_) => 3,
        ConstValue::Complex { .. } => 4,
        ConstValue::Str(_) => 5,
        ConstValue::Bytes(_) => 6,
        ConstValue::Ellipsis => 7,
        ConstValue::Tuple(_) => 8,
        ConstValue::FrozenSet(_) => 9,
        ConstValue::Code(_) => 10,
    }
}

fn same_const(a: &ConstValue, b: &ConstValue) -> bool {
    match (a, b) {
        (ConstValue::Float(x), ConstValue::Float(y)) => x.to_bits() == y.to_bits(),
        (ConstValue::Code(_), _) | (_, ConstValue::Code(_)) => false,
        _ => std::mem::discriminant(a) == std::mem::discriminant(b) && a == b,
    }
}

/// Compiles a parsed module into its code object.
pub fn compile_module(module: &Mod, filename: &str) -> Result<Rc<CodeObject>> {
    compile_module_with_warnings(module, filename).map(|(code, _)| code)
}

/// A compile-time warning (CPython's `SyntaxWarning`), to print as the warnings module would.
#[derive(Clone, Debug)]
pub struct CompileWarning {
    pub category: &'static str,
    pub message: String,
    pub lineno: u32,
    /// The node warned about (where `-W error` puts the SyntaxError's carets).
    pub span: Span,
}

/// `compile_module`, also returning the warnings the compiler raised.
pub fn compile_module_with_warnings(
    module: &Mod,
    filename: &str,
) -> Result<(Rc<CodeObject>, Vec<CompileWarning>)> {
    compile_module_with_options(module, filename, 0)
}

/// `compile_module_with_warnings` at an optimization level (`-O` gives 1): above 0, `assert`
/// statements are left out and `__debug__` is the constant False; at 2 (`-OO`) docstrings are
/// dropped too (`__doc__` is None), as in CPython.
pub fn compile_module_with_options(
    module: &Mod,
    filename: &str,
    optimize: u32,
) -> Result<(Rc<CodeObject>, Vec<CompileWarning>)> {
    let future_lineno = crate::future::check(module).map_err(CompileError::Syntax)?;
    let scope = symtable::build(module).map_err(CompileError::Syntax)?;
    let mut c = Compiler {
        future_lineno,
        filename: filename.to_string(),
        units: Vec::new(),
        dict_comprehension: None,
        warnings: Vec::new(),
        interactive: matches!(module, Mod::Interactive { .. }),
        optimize,
        future_annotations: match module {
            Mod::Module { body, .. } | Mod::Interactive { body } => annotations::future_annotations(body),
            _ => false,
        },
    };
    c.units.push(Unit::new(&scope, "<module>", "<module>".into(), filename, 1));
    match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => {
            if let Some(first) = body.first() {
                c.unit().line = first.span.lineno;
                c.unit().loc = first.span;
            }
            c.emit(Opcode::Resume, 0);
            if annotations::has_annotations(body) {
                c.setup_annotations()?;
            }
            match c.docstring(body) {
                // A module's docstring becomes its __doc__, as CPython compiles it.
                Some(doc) if matches!(module, Mod::Module { .. }) => {
                    c.load_const(ConstValue::Str(doc));
                    c.store_name("__doc__")?;
                    c.stmts(&body[1..])?;
                }
                _ => c.stmts(body)?,
            }
            c.return_none();
        }
        Mod::Expression { body } => {
            c.emit(Opcode::Resume, 0);
            c.expr(body)?;
            c.emit(Opcode::ReturnValue, 0);
        }
        Mod::FunctionType { .. } => return Err(unsupported("func_type mode", 1)),
    }
    let unit = c.units.pop().expect("module unit");
    Ok((Rc::new(unit.finish()), c.warnings))
}

fn unsupported(what: &str, lineno: u32) -> CompileError {
    CompileError::Unsupported { what: what.to_string(), lineno }
}

fn syntax_error(msg: &str, span: Span) -> CompileError {
    CompileError::Syntax(SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: msg.to_string(),
        lineno: span.lineno,
        offset: span.col_offset + 1,
        end_lineno: span.end_lineno,
        end_offset: span.end_col_offset + 1,
        text: None,
    })
}

struct Compiler<'s, 'a> {
    filename: String,
    units: Vec<Unit<'s, 'a>>,
    /// The value expression of the dict comprehension being compiled (its key is the `elt`).
    dict_comprehension: Option<&'a Expr>,
    warnings: Vec<CompileWarning>,
    /// Compiling for the interactive prompt (`single` mode): expression statements are shown.
    interactive: bool,
    /// The optimization level (`-O`).
    optimize: u32,
    /// `from __future__ import annotations`: variable annotations are stored as strings.
    future_annotations: bool,
    /// The line of the last leading future import: future imports after it are errors.
    future_lineno: u32,
}

impl<'s, 'a> Compiler<'s, 'a> {
    /// The docstring of a module, class or function body, unless `-OO` drops docstrings.
    fn docstring(&self, body: &[Stmt]) -> Option<PyStr> {
        if self.optimize >= 2 {
            return None;
        }
        docstring(body)
    }

    fn unit(&mut self) -> &mut Unit<'s, 'a> {
        self.units.last_mut().expect("a unit is being compiled")
    }

    fn scope(&self) -> &'s Scope {
        self.units.last().expect("a unit is being compiled").scope
    }

    fn emit(&mut self, op: Opcode, arg: u32) -> usize {
        self.unit().emit(op, arg)
    }

    fn set_line(&mut self, span: Span) {
        self.unit().line = span.lineno;
        self.unit().loc = span;
    }

    fn return_none(&mut self) {
        let k = self.unit().add_const(ConstValue::None);
        self.emit(Opcode::LoadConst, k);
        self.emit(Opcode::ReturnValue, 0);
    }

    fn load_const(&mut self, c: ConstValue) {
        let k = self.unit().add_const(c);
        self.emit(Opcode::LoadConst, k);
    }

    fn stmts(&mut self, body: &'a [Stmt]) -> Result<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &'a Stmt) -> Result<()> {
        self.set_line(s.span);
        match &s.kind {
            StmtKind::Expr { value } => {
                self.expr(value)?;
                // The interactive prompt shows the values of top-level expression statements.
                let at_top = self.units.len() == 1;
                self.emit(if self.interactive && at_top { Opcode::PrintExpr } else { Opcode::PopTop }, 0);
            }
            StmtKind::Pass => {}
            StmtKind::Assign { targets, value, .. } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Opcode::Copy, 1);
                    }
                    self.store(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store(target)?;
                }
                self.annotate(target, annotation, *simple != 0)?;
            }
            StmtKind::If { test, body, orelse } => {
                let else_label = self.unit().new_label();
                let end = self.unit().new_label();
                self.expr(test)?;
                self.unit().jump(Opcode::PopJumpForwardIfFalse, else_label);
                self.stmts(body)?;
                if !orelse.is_empty() {
                    self.unit().jump(Opcode::JumpForward, end);
                }
                self.unit().bind(else_label);
                self.stmts(orelse)?;
                self.unit().bind(end);
            }
            StmtKind::While { test, body, orelse } => {
                let top = self.unit().new_label();
                let else_label = self.unit().new_label();
                let end = self.unit().new_label();
                self.unit().bind(top);
                self.expr(test)?;
                self.unit().jump(Opcode::PopJumpForwardIfFalse, else_label);
                self.unit().fblocks.push(FBlock::Loop { continue_to: top, break_to: end, is_for: false });
                self.stmts(body)?;
                self.unit().fblocks.pop();
                self.unit().jump(Opcode::JumpBackward, top);
                self.unit().bind(else_label);
                self.stmts(orelse)?;
                self.unit().bind(end);
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                let top = self.unit().new_label();
                let else_label = self.unit().new_label();
                let end = self.unit().new_label();
                self.expr(iter)?;
                self.emit(Opcode::GetIter, 0);
                self.unit().bind(top);
                self.unit().jump(Opcode::ForIter, else_label);
                self.store(target)?;
                self.unit().fblocks.push(FBlock::Loop { continue_to: top, break_to: end, is_for: true });
                self.stmts(body)?;
                self.unit().fblocks.pop();
                self.set_line(s.span);
                self.unit().jump(Opcode::JumpBackward, top);
                self.unit().bind(else_label);
                self.stmts(orelse)?;
                self.unit().bind(end);
            }
            StmtKind::Break | StmtKind::Continue => {
                let is_break = matches!(s.kind, StmtKind::Break);
                self.break_or_continue(is_break, s.span)?;
            }
            StmtKind::Return { value } => {
                if !self.scope().kind.is_function_like() {
                    return Err(syntax_error("'return' outside function", s.span));
                }
                if value.is_some() && self.scope().is_generator && self.scope().is_coroutine {
                    return Err(syntax_error("'return' with value in async generator", s.span));
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(ConstValue::None),
                }
                self.unwind_fblocks(None, true)?;
                self.set_line(s.span);
                self.emit(Opcode::ReturnValue, 0);
            }
            StmtKind::With { items, body, .. } => self.with(items, body, false)?,
            StmtKind::Match { subject, cases } => self.match_statement(subject, cases)?,
            StmtKind::AsyncWith { items, body, .. } => {
                self.check_await_allowed(s.span, "async with")?;
                self.with(items, body, true)?
            }
            StmtKind::AsyncFor { target, iter, body, orelse, .. } => {
                self.check_await_allowed(s.span, "async for")?;
                self.async_for(s.span, target, iter, body, orelse)?
            }
            StmtKind::Import { names } => {
                for alias in names {
                    self.load_const(ConstValue::Int(Int::Small(0)));
                    self.load_const(ConstValue::None);
                    let n = self.add_mangled_name(&alias.name);
                    self.emit(Opcode::ImportName, n);
                    match &alias.asname {
                        Some(asname) => {
                            // `import a.b.c as d` binds the innermost module.
                            for part in alias.name.split('.').skip(1) {
                                let p = self.add_mangled_name(part);
                                self.emit(Opcode::ImportFrom, p);
                                self.emit(Opcode::Swap, 2);
                                self.emit(Opcode::PopTop, 0);
                            }
                            self.store_name(asname)?;
                        }
                        None => {
                            let top = alias.name.split('.').next().unwrap_or(&alias.name);
                            self.store_name(top)?;
                        }
                    }
                }
            }
            StmtKind::ImportFrom { module, names, level } => {
                if module.as_deref() == Some("__future__") && s.span.lineno > self.future_lineno {
                    return Err(syntax_error(
                        "from __future__ imports must occur at the beginning of the file",
                        s.span,
                    ));
                }
                let level = level.unwrap_or(0);
                self.load_const(ConstValue::Int(Int::Small(level)));
                let fromlist: Vec<ConstValue> =
                    names.iter().map(|a| ConstValue::Str(PyStr::from(a.name.as_str()))).collect();
                self.load_const(ConstValue::Tuple(fromlist));
                let n = self.unit().add_name(module.as_deref().unwrap_or(""));
                self.emit(Opcode::ImportName, n);
                if names.len() == 1 && names[0].name == "*" {
                    if self.scope().kind.is_function_like() {
                        return Err(syntax_error("import * only allowed at module level", s.span));
                    }
                    self.emit(Opcode::ImportStar, 0);
                } else {
                    for alias in names {
                        let a = self.add_mangled_name(&alias.name);
                        self.emit(Opcode::ImportFrom, a);
                        self.store_name(alias.asname.as_deref().unwrap_or(&alias.name))?;
                    }
                    self.emit(Opcode::PopTop, 0);
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody, false)?;
                }
            }
            StmtKind::TryStar { body, handlers, orelse, finalbody } => {
                if finalbody.is_empty() {
                    self.try_star(body, handlers, orelse)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody, true)?;
                }
            }
            StmtKind::FunctionDef { name, args, body, decorator_list, returns, .. }
            | StmtKind::AsyncFunctionDef { name, args, body, decorator_list, returns, .. } => {
                for d in decorator_list {
                    self.expr(d)?;
                }
                self.function(
                    s.span,
                    node_key(s),
                    name,
                    args,
                    FunctionBody::Block(body),
                    returns.as_deref(),
                )?;
                self.apply_decorators(decorator_list.len());
                self.store_name(name)?;
            }
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list } => {
                for d in decorator_list {
                    self.expr(d)?;
                }
                self.class_def(s.span, node_key(s), name, bases, keywords, body)?;
                self.apply_decorators(decorator_list.len());
                self.store_name(name)?;
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => {}
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Opcode::RaiseVarargs, n);
            }
            StmtKind::Assert { .. } if self.optimize > 0 => {}
            StmtKind::Assert { test, msg } => {
                let end = self.unit().new_label();
                self.expr(test)?;
                self.unit().jump(Opcode::PopJumpForwardIfTrue, end);
                // The AssertionError is located at the test expression, as in CPython.
                self.unit().loc = test.span;
                self.emit(Opcode::LoadAssertionError, 0);
                if let Some(m) = msg {
                    self.emit(Opcode::PushNull, 0);
                    self.emit(Opcode::Swap, 2);
                    self.expr(m)?;
                    self.emit(Opcode::Call, 1);
                }
                self.emit(Opcode::RaiseVarargs, 1);
                self.unit().bind(end);
            }
        }
        Ok(())
    }

    /// `break` / `continue`: unwinds the blocks inside the innermost loop, then jumps.
    fn break_or_continue(&mut self, is_break: bool, span: Span) -> Result<()> {
        let Some(loop_index) = self.unit().fblocks.iter().rposition(|b| matches!(b, FBlock::Loop { .. }))
        else {
            let msg = if is_break { "'break' outside loop" } else { "'continue' not properly in loop" };
            return Err(syntax_error(msg, span));
        };
        self.unwind_fblocks(Some(loop_index + 1), false)?;
        let FBlock::Loop { continue_to, break_to, is_for } = self.unit().fblocks[loop_index] else {
            unreachable!("found above")
        };
        if is_break {
            if is_for {
                self.emit(Opcode::PopTop, 0);
            }
            self.unit().jump(Opcode::JumpForward, break_to);
        } else {
            self.unit().jump(Opcode::JumpBackward, continue_to);
        }
        Ok(())
    }

    /// Emits the exit code of every fblock above `floor` (all when None), innermost first, as
    /// `return`, `break` and `continue` leave them. With `keep_top`, a return value sits on top of
    /// the stack and must survive.
    fn unwind_fblocks(&mut self, floor: Option<usize>, keep_top: bool) -> Result<()> {
        let floor = floor.unwrap_or(0);
        let saved: Vec<FBlock<'a>> = self.unit().fblocks.drain(floor..).collect();
        let mut result = Ok(());
        for i in (0..saved.len()).rev() {
            // While compiling a block's exit code, only the blocks outside it are active.
            let active: Vec<FBlock<'a>> = saved[..i].iter().map(FBlock::shallow_clone).collect();
            let before = self.unit().fblocks.len();
            self.unit().fblocks.extend(active);
            result = self.unwind_one(&saved[i], keep_top);
            self.unit().fblocks.truncate(before);
            if result.is_err() {
                break;
            }
        }
        self.unit().fblocks.extend(saved);
        result
    }

    fn unwind_one(&mut self, block: &FBlock<'a>, keep_top: bool) -> Result<()> {
        match block {
            // The iterator goes, from under a return value too: blocks further out (a `with`'s
            // exit, an except handler) expect their own items on top.
            FBlock::Loop { is_for, .. } => {
                if *is_for {
                    if keep_top {
                        self.emit(Opcode::Swap, 2);
                    }
                    self.emit(Opcode::PopTop, 0);
                }
            }
            FBlock::TryFinally { finalbody } => self.stmts(finalbody)?,
            FBlock::ExceptStarHandler => {
                let at = self.unit().loc;
                return Err(syntax_error(
                    "'break', 'continue' and 'return' cannot appear in an except* block",
                    at,
                ));
            }
            FBlock::ExceptHandler { name } => {
                if keep_top {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopExcept, 0);
                if let Some(n) = name {
                    self.load_const(ConstValue::None);
                    self.store_name(n)?;
                    self.delete_name(n)?;
                }
            }
            FBlock::With | FBlock::AsyncWith => {
                // Stack: ... exit [value]
                if keep_top {
                    self.emit(Opcode::Swap, 2);
                }
                self.call_exit_with_nones();
                if matches!(block, FBlock::AsyncWith) {
                    self.emit(Opcode::GetAwaitable, 0);
                    self.await_loop();
                }
                self.emit(Opcode::PopTop, 0);
            }
            FBlock::FinallyEnd => {
                // Stack: ... prev_exc exc [value]: drop the exception, restore the previous one.
                if keep_top {
                    self.emit(Opcode::Swap, 2);
                    self.emit(Opcode::PopTop, 0);
                    self.emit(Opcode::Swap, 2);
                } else {
                    self.emit(Opcode::PopTop, 0);
                }
                self.emit(Opcode::PopExcept, 0);
            }
        }
        Ok(())
    }

    /// `match subject: case ...`: the subject stays on the stack while the cases are tried; each
    /// case matches a copy of it.
    fn match_statement(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> Result<()> {
        for (i, case) in cases.iter().enumerate() {
            if i + 1 < cases.len() && case.guard.is_none() {
                if let Some(msg) = irrefutable(&case.pattern) {
                    return Err(syntax_error(&msg, case.pattern.span));
                }
            }
        }
        let end = self.unit().new_label();
        self.expr(subject)?;
        for case in cases {
            self.set_line(case.pattern.span);
            let next_case = self.unit().new_label();
            let mut fails = FailLabels::default();
            self.emit(Opcode::Copy, 1);
            self.pattern(&case.pattern, &mut fails, 0)?;
            if let Some(guard) = &case.guard {
                self.expr(guard)?;
                self.unit().jump(Opcode::PopJumpForwardIfFalse, next_case);
            }
            self.emit(Opcode::PopTop, 0); // the subject
            self.stmts(&case.body)?;
            self.unit().jump(Opcode::JumpForward, end);
            self.emit_fail_labels(fails, next_case);
            self.unit().bind(next_case);
        }
        self.emit(Opcode::PopTop, 0);
        self.unit().bind(end);
        Ok(())
    }

    /// The cleanup code for a pattern's failure points: label k pops k items, then goes on.
    fn emit_fail_labels(&mut self, fails: FailLabels, then: Label) {
        let max = fails.labels.iter().map(|(k, _)| *k).max();
        let Some(max) = max else { return };
        let mut by_count: Vec<Option<Label>> = vec![None; max + 1];
        for (k, l) in fails.labels {
            by_count[k] = Some(l);
        }
        for k in (0..=max).rev() {
            if let Some(l) = by_count[k] {
                self.unit().bind(l);
            }
            if k > 0 {
                self.emit(Opcode::PopTop, 0);
            }
        }
        self.unit().jump(Opcode::JumpForward, then);
    }

    /// Jumps to the failure path when the bool on top is false; `extra` more items sit above
    /// the level the failure path restores.
    fn fail_if_false(&mut self, fails: &mut FailLabels, extra: usize) {
        let l = fails.get(self, extra);
        self.unit().jump(Opcode::PopJumpForwardIfFalse, l);
    }

    /// Matches the value on top of the stack against `p`, consuming it; on failure jumps to a
    /// cleanup label that pops `extra` further items (those below the subject that belong to
    /// enclosing patterns).
    fn pattern(&mut self, p: &'a Pattern, fails: &mut FailLabels, extra: usize) -> Result<()> {
        match &p.kind {
            PatternKind::MatchValue { value } => {
                self.expr(value)?;
                self.emit(Opcode::CompareOp, CompareKind::Eq as u32);
                self.fail_if_false(fails, extra);
            }
            PatternKind::MatchSingleton { value } => {
                self.load_const(constant(value));
                self.emit(Opcode::IsOp, 0);
                self.fail_if_false(fails, extra);
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(inner) = pattern {
                    self.emit(Opcode::Copy, 1);
                    self.pattern(inner, fails, extra + 1)?;
                }
                match name {
                    Some(n) => self.store_name(n)?,
                    None => {
                        self.emit(Opcode::PopTop, 0);
                    }
                }
            }
            PatternKind::MatchStar { name } => match name {
                Some(n) => self.store_name(n)?,
                None => {
                    self.emit(Opcode::PopTop, 0);
                }
            },
            PatternKind::MatchOr { patterns } => {
                for alt in patterns.iter().take(patterns.len().saturating_sub(1)) {
                    if let Some(msg) = irrefutable(alt) {
                        return Err(syntax_error(&msg, alt.span));
                    }
                }
                if let Some((first, rest)) = patterns.split_first() {
                    let mut names = Vec::new();
                    pattern_captures(first, &mut names);
                    let mut want: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
                    want.sort_unstable();
                    for alt in rest {
                        let mut got = Vec::new();
                        pattern_captures(alt, &mut got);
                        let last = last_pattern_node(alt);
                        let mut got: Vec<&str> = got.iter().map(|(n, _)| *n).collect();
                        got.sort_unstable();
                        if got != want {
                            return Err(syntax_error("alternative patterns bind different names", last));
                        }
                    }
                }
                let success = self.unit().new_label();
                for alt in patterns {
                    let next_alt = self.unit().new_label();
                    let mut alt_fails = FailLabels::default();
                    self.emit(Opcode::Copy, 1);
                    self.pattern(alt, &mut alt_fails, 0)?;
                    self.emit(Opcode::PopTop, 0);
                    self.unit().jump(Opcode::JumpForward, success);
                    self.emit_fail_labels(alt_fails, next_alt);
                    self.unit().bind(next_alt);
                }
                // No alternative matched: drop the subject and fail.
                self.emit(Opcode::PopTop, 0);
                let l = fails.get(self, extra);
                self.unit().jump(Opcode::JumpForward, l);
                self.unit().bind(success);
            }
            PatternKind::MatchSequence { patterns } => {
                self.emit(Opcode::MatchSequence, 0);
                self.fail_if_false(fails, extra + 1);
                let star = patterns.iter().position(|q| matches!(q.kind, PatternKind::MatchStar { .. }));
                self.emit(Opcode::GetLen, 0);
                let n = patterns.len() - star.is_some() as usize;
                self.load_const(ConstValue::Int(Int::Small(n as i64)));
                let cmp = if star.is_some() { CompareKind::Ge } else { CompareKind::Eq };
                self.emit(Opcode::CompareOp, cmp as u32);
                self.fail_if_false(fails, extra + 1);
                match star {
                    Some(i) => {
                        self.emit(Opcode::UnpackEx, (i | ((patterns.len() - i - 1) << 8)) as u32);
                    }
                    None => {
                        self.emit(Opcode::UnpackSequence, patterns.len() as u32);
                    }
                }
                let total = patterns.len();
                for (i, q) in patterns.iter().enumerate() {
                    self.pattern(q, fails, extra + total - i - 1)?;
                }
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.emit(Opcode::MatchMapping, 0);
                self.fail_if_false(fails, extra + 1);
                if !keys.is_empty() {
                    self.emit(Opcode::GetLen, 0);
                    self.load_const(ConstValue::Int(Int::Small(keys.len() as i64)));
                    self.emit(Opcode::CompareOp, CompareKind::Ge as u32);
                    self.fail_if_false(fails, extra + 1);
                }
                self.exprs(keys)?;
                self.emit(Opcode::BuildTuple, keys.len() as u32); // subject keys
                self.emit(Opcode::MatchKeys, 0); // subject keys values|None
                self.emit(Opcode::Copy, 1);
                self.load_const(ConstValue::None);
                self.emit(Opcode::IsOp, 1);
                self.fail_if_false(fails, extra + 3);
                self.emit(Opcode::UnpackSequence, keys.len() as u32);
                let total = patterns.len();
                for (i, q) in patterns.iter().enumerate() {
                    self.pattern(q, fails, extra + 2 + total - i - 1)?;
                }
                match rest {
                    Some(r) => {
                        self.emit(Opcode::CopyDictWithoutKeys, 0); // subject keys rest
                        self.store_name(r)?;
                        self.emit(Opcode::PopTop, 0);
                        self.emit(Opcode::PopTop, 0);
                    }
                    None => {
                        self.emit(Opcode::PopTop, 0);
                        self.emit(Opcode::PopTop, 0);
                    }
                }
            }
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                self.expr(cls)?;
                let names = kwd_attrs.iter().map(|a| ConstValue::Str(PyStr::from(a.as_str()))).collect();
                self.load_const(ConstValue::Tuple(names));
                self.emit(Opcode::MatchClass, patterns.len() as u32); // attrs|None
                self.emit(Opcode::Copy, 1);
                self.load_const(ConstValue::None);
                self.emit(Opcode::IsOp, 1);
                self.fail_if_false(fails, extra + 1);
                let all: Vec<&'a Pattern> = patterns.iter().chain(kwd_patterns.iter()).collect();
                self.emit(Opcode::UnpackSequence, all.len() as u32);
                let total = all.len();
                for (i, q) in all.into_iter().enumerate() {
                    self.pattern(q, fails, extra + total - i - 1)?;
                }
            }
        }
        Ok(())
    }

    /// `exit -- result`: calls the `__exit__` on top with (None, None, None).
    fn call_exit_with_nones(&mut self) {
        for _ in 0..3 {
            self.load_const(ConstValue::None);
        }
        // [exit, None, None, None] with CALL 2 calls exit(None, None, None) ("method" form).
        self.emit(Opcode::Call, 2);
    }

    /// `with a as x, b: body` is `with a as x: with b: body`. `async with` is the same shape,
    /// awaiting `__aenter__()`, `__aexit__(...)` and its result.
    fn with(&mut self, items: &'a [WithItem], body: &'a [Stmt], is_async: bool) -> Result<()> {
        let Some((item, rest)) = items.split_first() else { return self.stmts(body) };
        let on_exception = self.unit().new_label();
        let cleanup = self.unit().new_label();
        let end = self.unit().new_label();
        self.expr(&item.context_expr)?;
        if is_async {
            self.emit(Opcode::BeforeAsyncWith, 0); // ... exit awaitable
            self.emit(Opcode::GetAwaitable, 0);
            self.await_loop();
        } else {
            self.emit(Opcode::BeforeWith, 0); // ... exit enter_result
        }
        let guard = self.unit().push_handler(on_exception);
        match &item.optional_vars {
            Some(target) => self.store(target)?,
            None => {
                self.emit(Opcode::PopTop, 0);
            }
        }
        self.unit().fblocks.push(if is_async { FBlock::AsyncWith } else { FBlock::With });
        self.with(rest, body, is_async)?;
        self.unit().fblocks.pop();
        self.unit().pop_handler(guard);
        self.call_exit_with_nones();
        if is_async {
            self.emit(Opcode::GetAwaitable, 0);
            self.await_loop();
        }
        self.emit(Opcode::PopTop, 0);
        self.unit().jump(Opcode::JumpForward, end);

        // ... exit exc
        self.unit().bind(on_exception);
        // The cleanup handler's depth is the level below the exception being handled: after
        // PUSH_EXC_INFO that slot holds the previous exception, which cleanup restores.
        let in_exit = self.unit().push_handler(cleanup);
        self.emit(Opcode::PushExcInfo, 0); // ... exit prev_exc exc
        self.emit(Opcode::WithExceptStart, 0); // ... exit prev_exc exc result
        if is_async {
            self.emit(Opcode::GetAwaitable, 0);
            self.await_loop();
        }
        let suppress = self.unit().new_label();
        self.unit().jump(Opcode::PopJumpForwardIfTrue, suppress);
        self.emit(Opcode::Reraise, 0);
        self.unit().bind(suppress); // ... exit prev_exc exc
        self.emit(Opcode::PopTop, 0);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::PopTop, 0);
        self.unit().pop_handler(in_exit);
        self.unit().jump(Opcode::JumpForward, end);

        self.unit().bind(cleanup); // ... exit prev_exc exc2
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 0);
        self.unit().bind(end);
        Ok(())
    }

    fn delete_name(&mut self, name: &str) -> Result<()> {
        self.forbidden_name(name, "delete")?;
        self.name_op(name, Opcode::DeleteFast, Opcode::DeleteDeref, Opcode::DeleteGlobal, Opcode::DeleteName)
    }

    /// `try: body except ...: handlers else: orelse`, with an exception-table range per part.
    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> Result<()> {
        let handler_label = self.unit().new_label();
        let else_label = self.unit().new_label();
        let cleanup = self.unit().new_label();
        let end = self.unit().new_label();
        let guard = self.unit().push_handler(handler_label);
        self.stmts(body)?;
        self.unit().pop_handler(guard);
        self.unit().jump(Opcode::JumpForward, else_label);

        // Stack on entry: ... exc
        self.unit().bind(handler_label);
        if let Some(first) = handlers.first() {
            self.set_line(first.span);
        }
        // The cleanup handler's depth is the level below the exception being handled: after
        // PUSH_EXC_INFO that slot holds the previous exception, which cleanup restores.
        let in_handlers = self.unit().push_handler(cleanup);
        self.emit(Opcode::PushExcInfo, 0); // ... prev_exc exc
        for h in handlers {
            self.set_line(h.span);
            let next = self.unit().new_label();
            if let Some(t) = &h.type_ {
                self.expr(t)?;
                self.emit(Opcode::CheckExcMatch, 0);
                self.unit().jump(Opcode::PopJumpForwardIfFalse, next);
            }
            match &h.name {
                Some(n) => self.store_name(n)?,
                None => {
                    self.emit(Opcode::PopTop, 0);
                }
            }
            // ... prev_exc
            let name = h.name.as_deref();
            let named_cleanup = self.unit().new_label();
            let named_guard = name.map(|_| self.unit().push_handler(named_cleanup));
            self.unit().fblocks.push(FBlock::ExceptHandler { name });
            self.stmts(&h.body)?;
            self.unit().fblocks.pop();
            if let Some(g) = named_guard {
                self.unit().pop_handler(g);
            }
            self.emit(Opcode::PopExcept, 0);
            if let Some(n) = name {
                self.load_const(ConstValue::None);
                self.store_name(n)?;
                self.delete_name(n)?;
            }
            self.unit().jump(Opcode::JumpForward, end);
            if let Some(n) = name {
                // An exception inside `except E as n:` still unbinds n, then propagates.
                self.unit().bind(named_cleanup); // ... prev_exc exc2
                self.load_const(ConstValue::None);
                self.store_name(n)?;
                self.delete_name(n)?;
                self.emit(Opcode::Reraise, 0);
            }
            // Not matched: ... prev_exc exc again, for the next handler.
            self.unit().bind(next);
        }
        // No handler matched: re-raise (the cleanup below restores the previous exception).
        self.emit(Opcode::Reraise, 0);
        self.unit().pop_handler(in_handlers);

        // Stack: ... prev_exc exc2
        self.unit().bind(cleanup);
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 0);

        self.unit().bind(else_label);
        self.stmts(orelse)?;
        self.unit().bind(end);
        Ok(())
    }

    /// `try: body except* ...: handlers else: orelse`, as CPython 3.11 compiles it: each clause
    /// takes its part of the exception with CHECK_EG_MATCH; what clauses raise (and the unmatched
    /// rest) is collected in a list that PREP_RERAISE_STAR turns into the exception to re-raise.
    fn try_star(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> Result<()> {
        let handler_label = self.unit().new_label();
        let else_label = self.unit().new_label();
        let cleanup = self.unit().new_label();
        let reraise = self.unit().new_label();
        let end = self.unit().new_label();
        let guard = self.unit().push_handler(handler_label);
        self.stmts(body)?;
        self.unit().pop_handler(guard);
        self.unit().jump(Opcode::JumpForward, else_label);

        self.unit().bind(handler_label); // ... exc
        if let Some(first) = handlers.first() {
            self.set_line(first.span);
        }
        let in_handlers = self.unit().push_handler(cleanup);
        self.emit(Opcode::PushExcInfo, 0); // ... prev_exc exc
        self.emit(Opcode::Copy, 1); // ... prev_exc orig exc
        self.emit(Opcode::BuildList, 0);
        self.emit(Opcode::Swap, 2); // ... prev_exc orig raised exc
        for h in handlers {
            self.set_line(h.span);
            let next = self.unit().new_label();
            let no_match = self.unit().new_label();
            match &h.type_ {
                Some(t) => self.expr(t)?,
                None => self.load_const(ConstValue::None),
            }
            self.emit(Opcode::CheckEgMatch, 0); // ... prev_exc orig raised rest match
            self.emit(Opcode::Copy, 1);
            self.unit().jump(Opcode::PopJumpForwardIfNone, no_match);
            match &h.name {
                Some(n) => self.store_name(n)?,
                None => {
                    self.emit(Opcode::PopTop, 0);
                }
            }
            // ... prev_exc orig raised rest
            let raised_in_body = self.unit().new_label();
            let body_guard = self.unit().push_handler(raised_in_body);
            self.unit().fblocks.push(FBlock::ExceptStarHandler);
            self.stmts(&h.body)?;
            self.unit().fblocks.pop();
            self.unit().pop_handler(body_guard);
            if let Some(n) = &h.name {
                self.load_const(ConstValue::None);
                self.store_name(n)?;
                self.delete_name(n)?;
            }
            self.unit().jump(Opcode::JumpForward, next);
            // An exception from the clause's body joins the list: ... prev_exc orig raised rest exc
            self.unit().bind(raised_in_body);
            if let Some(n) = &h.name {
                self.load_const(ConstValue::None);
                self.store_name(n)?;
                self.delete_name(n)?;
            }
            self.emit(Opcode::ListAppend, 2);
            self.unit().jump(Opcode::JumpForward, next);
            self.unit().bind(no_match); // ... prev_exc orig raised exc None
            self.emit(Opcode::PopTop, 0);
            self.unit().bind(next);
        }
        // ... prev_exc orig raised rest
        self.emit(Opcode::ListAppend, 1);
        self.emit(Opcode::PrepReraiseStar, 0); // ... prev_exc result
        self.unit().pop_handler(in_handlers);
        self.emit(Opcode::Copy, 1);
        self.unit().jump(Opcode::PopJumpForwardIfNotNone, reraise);
        self.emit(Opcode::PopTop, 0);
        self.emit(Opcode::PopExcept, 0);
        self.unit().jump(Opcode::JumpForward, end);

        self.unit().bind(reraise); // ... prev_exc result
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 0);

        self.unit().bind(cleanup); // ... prev_exc exc2
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 0);

        self.unit().bind(else_label);
        self.stmts(orelse)?;
        self.unit().bind(end);
        Ok(())
    }

    /// `try ... finally: finalbody` (with optional handlers and else inside).
    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        star: bool,
    ) -> Result<()> {
        let on_exception = self.unit().new_label();
        let cleanup = self.unit().new_label();
        let end = self.unit().new_label();
        let guard = self.unit().push_handler(on_exception);
        self.unit().fblocks.push(FBlock::TryFinally { finalbody });
        if handlers.is_empty() {
            self.stmts(body)?;
        } else if star {
            self.try_star(body, handlers, orelse)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.unit().fblocks.pop();
        self.unit().pop_handler(guard);
        // Normal exit: run the final body once.
        self.stmts(finalbody)?;
        self.unit().jump(Opcode::JumpForward, end);

        // Exceptional exit: ... exc
        self.unit().bind(on_exception);
        // The cleanup handler's depth is the level below the exception being handled: after
        // PUSH_EXC_INFO that slot holds the previous exception, which cleanup restores.
        let in_final = self.unit().push_handler(cleanup);
        self.emit(Opcode::PushExcInfo, 0); // ... prev_exc exc
        self.unit().fblocks.push(FBlock::FinallyEnd);
        self.stmts(finalbody)?;
        self.unit().fblocks.pop();
        self.emit(Opcode::Reraise, 0);
        self.unit().pop_handler(in_final);

        self.unit().bind(cleanup); // ... prev_exc exc2
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 0);
        self.unit().bind(end);
        Ok(())
    }

    /// Calls the decorators (already on the stack below the new object), innermost first.
    /// `[decorator, object]` with CALL 0 calls decorator(object): the "method" form of CALL.
    /// An empty `__annotations__` for a module or class body that annotates names (CPython's
    /// SETUP_ANNOTATIONS).
    fn setup_annotations(&mut self) -> Result<()> {
        self.emit(Opcode::BuildMap, 0);
        self.store_name("__annotations__")
    }

    /// The annotation of `target: annotation` in a module or class body: evaluated (or kept as
    /// text under the future import) and, for a plain name, stored in `__annotations__` under
    /// its mangled name. Function bodies do not evaluate them.
    fn annotate(&mut self, target: &'a Expr, annotation: &'a Expr, simple: bool) -> Result<()> {
        if self.scope().kind.is_function_like() {
            return Ok(());
        }
        match &target.kind {
            ExprKind::Name { id, .. } if simple => {
                if self.future_annotations {
                    let text = annotations::annotation_text(annotation);
                    self.load_const(ConstValue::Str(PyStr::from(text.as_str())));
                } else {
                    self.expr(annotation)?;
                }
                self.load_name("__annotations__")?;
                let key = self.scope().mangle(id).into_owned();
                self.load_const(ConstValue::Str(PyStr::from(key.as_str())));
                self.emit(Opcode::StoreSubscr, 0);
            }
            _ if !self.future_annotations => {
                self.expr(annotation)?;
                self.emit(Opcode::PopTop, 0);
            }
            _ => {}
        }
        Ok(())
    }

    fn apply_decorators(&mut self, n: usize) {
        for _ in 0..n {
            self.emit(Opcode::Call, 0);
        }
    }

    /// `class name(bases, **keywords): body` → `__build_class__(body_function, name, *bases)`.
    fn class_def(
        &mut self,
        span: Span,
        node: usize,
        name: &str,
        bases: &'a [Expr],
        keywords: &'a [Keyword],
        body: &'a [Stmt],
    ) -> Result<()> {
        self.emit(Opcode::PushNull, 0);
        self.emit(Opcode::LoadBuildClass, 0);
        let scope = self
            .scope()
            .child_at(node)
            .ok_or_else(|| unsupported("a scope the symbol table did not see", span.lineno))?;
        let qualname = self.qualname(name);
        let unit = Unit::new(scope, name, qualname.clone(), &self.filename, span.lineno);
        self.units.push(unit);
        self.set_line(span);
        self.emit(Opcode::Resume, 0);
        self.load_name("__name__")?;
        self.store_name("__module__")?;
        self.load_const(ConstValue::Str(PyStr::from(qualname.as_str())));
        self.store_name("__qualname__")?;
        if let Some(doc) = self.docstring(body) {
            self.load_const(ConstValue::Str(doc));
            self.store_name("__doc__")?;
        }
        if annotations::has_annotations(body) {
            self.setup_annotations()?;
        }
        self.stmts(body)?;
        if scope.needs_class_cell {
            // Hand the __class__ cell to __build_class__, which fills it with the new class.
            let i = self.cell_index("__class__")?;
            self.emit(Opcode::LoadClosure, i);
            self.store_name("__classcell__")?;
        }
        self.return_none();
        let code = self.units.pop().expect("class body unit").finish();
        self.set_line(span);
        self.make_function(code, 0)?;
        self.load_const(ConstValue::Str(PyStr::from(name)));
        if bases.iter().any(|b| matches!(b.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none())
        {
            // `class C(*bases, **kw)`: (body, name, *bases) as a tuple, keywords as a dict.
            self.emit(Opcode::BuildList, 2);
            for b in bases {
                match &b.kind {
                    ExprKind::Starred { value, .. } => {
                        self.expr(value)?;
                        self.emit(Opcode::ListExtend, 1);
                    }
                    _ => {
                        self.expr(b)?;
                        self.emit(Opcode::ListAppend, 1);
                    }
                }
            }
            self.emit(Opcode::ListToTuple, 0);
            let has_kwargs = !keywords.is_empty();
            if has_kwargs {
                self.keywords_dict(keywords)?;
            }
            self.set_line(span);
            self.emit(Opcode::CallFunctionEx, has_kwargs as u32);
            return Ok(());
        }
        self.exprs(bases)?;
        for k in keywords {
            self.expr(&k.value)?;
        }
        if !keywords.is_empty() {
            let names = keywords
                .iter()
                .map(|k| ConstValue::Str(PyStr::from(k.arg.as_deref().unwrap_or(""))))
                .collect();
            let kn = self.unit().add_const(ConstValue::Tuple(names));
            self.emit(Opcode::KwNames, kn);
        }
        self.emit(Opcode::Call, (2 + bases.len() + keywords.len()) as u32);
        Ok(())
    }

    fn aug_assign(&mut self, target: &'a Expr, op: Operator, value: &'a Expr) -> Result<()> {
        let arg = binary_op_kind(op) as u32 + 13;
        match &target.kind {
            ExprKind::Name { id, .. } => {
                let saved = self.unit().loc;
                self.unit().loc = target.span;
                self.forbidden_name(id, "assign to")?;
                self.load_name(id)?;
                self.unit().loc = saved;
                self.expr(value)?;
                self.emit(Opcode::BinaryOp, arg);
                self.store_name(id)
            }
            ExprKind::Attribute { value: obj, attr, .. } => {
                self.expr(obj)?;
                self.emit(Opcode::Copy, 1);
                let n = self.add_mangled_name(attr);
                self.emit(Opcode::LoadAttr, n);
                self.expr(value)?;
                self.emit(Opcode::BinaryOp, arg);
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::StoreAttr, n);
                Ok(())
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                self.expr(obj)?;
                self.expr(slice)?;
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::BinarySubscr, 0);
                self.expr(value)?;
                self.emit(Opcode::BinaryOp, arg);
                self.emit(Opcode::Swap, 3);
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::StoreSubscr, 0);
                Ok(())
            }
            _ => Err(syntax_error(
                "'expression' is an illegal expression for augmented assignment",
                target.span,
            )),
        }
    }

    /// Compiles a function or lambda and leaves the new function object on the stack.
    fn function(
        &mut self,
        span: Span,
        node: usize,
        name: &str,
        args: &'a Arguments,
        body: FunctionBody<'a>,
        returns: Option<&'a Expr>,
    ) -> Result<()> {
        let star_args = args.vararg.iter().chain(&args.kwarg).map(|a| &**a);
        for a in args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs).chain(star_args) {
            self.forbidden_name(&a.arg, "assign to")?;
        }
        let mut flags = 0;
        if !args.defaults.is_empty() {
            self.exprs(&args.defaults)?;
            self.emit(Opcode::BuildTuple, args.defaults.len() as u32);
            flags |= 1;
        }
        let kwdefaults: Vec<(&Arg, &Expr)> = args
            .kwonlyargs
            .iter()
            .zip(args.kw_defaults.iter())
            .filter_map(|(a, d)| Some((a, d.as_ref()?)))
            .collect();
        if !kwdefaults.is_empty() {
            for (a, d) in &kwdefaults {
                let key = self.scope().mangle(&a.arg).into_owned();
                self.load_const(ConstValue::Str(PyStr::from(key.as_str())));
                self.expr(d)?;
            }
            self.emit(Opcode::BuildMap, kwdefaults.len() as u32);
            flags |= 2;
        }
        let mut annotated = 0;
        let all_args = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(args.vararg.as_deref())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.as_deref());
        for a in all_args {
            if let Some(ann) = &a.annotation {
                let key = self.scope().mangle(&a.arg).into_owned();
                self.load_const(ConstValue::Str(PyStr::from(key.as_str())));
                match &ann.kind {
                    // `*args: *Ts` (PEP 646): the annotation is the one item `[*Ts]` unpacks to.
                    ExprKind::Starred { value, .. } => {
                        self.expr(value)?;
                        self.emit(Opcode::UnpackSequence, 1);
                    }
                    _ => self.expr(ann)?,
                }
                annotated += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(ConstValue::Str(PyStr::from("return")));
            self.expr(r)?;
            annotated += 1;
        }
        if annotated > 0 {
            self.emit(Opcode::BuildTuple, annotated * 2);
            flags |= 4;
        }
        let scope = self
            .scope()
            .child_at(node)
            .ok_or_else(|| unsupported("a scope the symbol table did not see", span.lineno))?;
        let qualname = self.qualname(name);
        let mut unit = Unit::new(scope, name, qualname, &self.filename, span.lineno);
        unit.code.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        unit.code.posonlyargcount = args.posonlyargs.len() as u32;
        unit.code.kwonlyargcount = args.kwonlyargs.len() as u32;
        if args.vararg.is_some() {
            unit.code.flags.0 |= CodeFlags::VARARGS;
        }
        if args.kwarg.is_some() {
            unit.code.flags.0 |= CodeFlags::VARKEYWORDS;
        }
        self.units.push(unit);
        match body {
            FunctionBody::Block(stmts) => {
                if let Some(first) = stmts.first() {
                    self.set_line(first.span);
                }
                self.emit(Opcode::Resume, 0);
                // The docstring is co_consts[0] (None when there is none), as in CPython.
                let doc = self.docstring(stmts).map(ConstValue::Str).unwrap_or(ConstValue::None);
                self.unit().add_const(doc);
                self.stmts(stmts)?;
                self.return_none();
            }
            FunctionBody::Expr(e) => {
                self.set_line(e.span);
                self.emit(Opcode::Resume, 0);
                self.expr(e)?;
                self.emit(Opcode::ReturnValue, 0);
            }
        }
        let code = self.units.pop().expect("function unit").finish();
        self.set_line(span);
        self.make_function(code, flags)
    }

    /// `[defaults...] code -- function`: pushes the closure tuple when the code has free
    /// variables, then the code object, then MAKE_FUNCTION with `flags` (plus the closure bit).
    fn make_function(&mut self, code: CodeObject, mut flags: u32) -> Result<()> {
        if !code.freevars.is_empty() {
            for fv in &code.freevars {
                let i = self.cell_index(fv)?;
                self.emit(Opcode::LoadClosure, i);
            }
            self.emit(Opcode::BuildTuple, code.freevars.len() as u32);
            flags |= 8;
        }
        self.load_const(ConstValue::Code(Rc::new(code)));
        self.emit(Opcode::MakeFunction, flags);
        Ok(())
    }

    fn qualname(&self, name: &str) -> String {
        let parent = self.units.last().expect("unit");
        match parent.scope.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{name}", parent.code.qualname),
            _ => format!("{}.<locals>.{name}", parent.code.qualname),
        }
    }

    fn cell_index(&mut self, name: &str) -> Result<u32> {
        let code = &self.unit().code;
        code.cellvars
            .iter()
            .chain(code.freevars.iter())
            .position(|n| n == name)
            .map(|i| i as u32)
            .ok_or_else(|| unsupported(&format!("closure over '{name}'"), 0))
    }

    fn name_op(
        &mut self,
        name: &str,
        fast: Opcode,
        deref: Opcode,
        global: Opcode,
        by_name: Opcode,
    ) -> Result<()> {
        let scope = self.scope();
        let mangled = scope.mangle(name).into_owned();
        let name = mangled.as_str();
        let op = match (scope.kind, scope.scope_of(name)) {
            (_, NameScope::Free | NameScope::Cell) => deref,
            (_, NameScope::GlobalExplicit) => global,
            (k, NameScope::Local) if k.is_function_like() => fast,
            (k, NameScope::GlobalImplicit) if k.is_function_like() => global,
            _ => by_name,
        };
        let arg = match op {
            _ if op == fast => index_of(&mut self.unit().code.varnames, name),
            _ if op == deref => self.cell_index(name)?,
            Opcode::LoadGlobal => self.unit().add_name(name) << 1,
            _ => self.unit().add_name(name),
        };
        self.emit(op, arg);
        Ok(())
    }

    fn load_name(&mut self, name: &str) -> Result<()> {
        if self.optimize > 0 && name == "__debug__" {
            self.load_const(ConstValue::Bool(false));
            return Ok(());
        }
        self.name_op(name, Opcode::LoadFast, Opcode::LoadDeref, Opcode::LoadGlobal, Opcode::LoadName)
    }

    /// `__debug__` cannot be bound or deleted (CPython's compiler checks this, at the current
    /// location).
    fn forbidden_name(&mut self, name: &str, what: &str) -> Result<()> {
        if name == "__debug__" {
            return Err(syntax_error(&format!("cannot {what} __debug__"), self.unit().loc));
        }
        Ok(())
    }

    fn store_name(&mut self, name: &str) -> Result<()> {
        self.forbidden_name(name, "assign to")?;
        self.name_op(name, Opcode::StoreFast, Opcode::StoreDeref, Opcode::StoreGlobal, Opcode::StoreName)
    }

    fn store(&mut self, target: &'a Expr) -> Result<()> {
        // Errors while storing (unpacking, attribute and item assignment) point at the target.
        let saved = self.unit().loc;
        self.unit().loc = target.span;
        let r = self.store_target(target);
        self.unit().loc = saved;
        r
    }

    fn store_target(&mut self, target: &'a Expr) -> Result<()> {
        match &target.kind {
            ExprKind::Name { id, .. } => self.store_name(id),
            ExprKind::Attribute { value, attr, .. } => {
                self.forbidden_name(attr, "assign to")?;
                self.expr(value)?;
                let n = self.add_mangled_name(attr);
                self.emit(Opcode::StoreAttr, n);
                Ok(())
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Opcode::StoreSubscr, 0);
                Ok(())
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                let stars: Vec<usize> = elts
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| matches!(e.kind, ExprKind::Starred { .. }))
                    .map(|(i, _)| i)
                    .collect();
                match stars.as_slice() {
                    [] => {
                        self.emit(Opcode::UnpackSequence, elts.len() as u32);
                    }
                    [i] => {
                        let (before, after) = (*i, elts.len() - i - 1);
                        if before > 0xFF || after > 0xFFFF {
                            return Err(syntax_error(
                                "too many expressions in star-unpacking assignment",
                                target.span,
                            ));
                        }
                        self.emit(Opcode::UnpackEx, (before | (after << 8)) as u32);
                    }
                    _ => return Err(syntax_error("multiple starred expressions in assignment", target.span)),
                }
                elts.iter().try_for_each(|e| match &e.kind {
                    ExprKind::Starred { value, .. } => self.store(value),
                    _ => self.store(e),
                })
            }
            _ => Err(unsupported("this assignment target", target.span.lineno)),
        }
    }

    fn delete(&mut self, target: &'a Expr) -> Result<()> {
        match &target.kind {
            ExprKind::Name { id, .. } if id == "__debug__" => {
                Err(syntax_error("cannot delete __debug__", target.span))
            }
            ExprKind::Name { id, .. } => self.delete_name(id),
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Opcode::DeleteSubscr, 0);
                Ok(())
            }
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                let n = self.add_mangled_name(attr);
                self.emit(Opcode::DeleteAttr, n);
                Ok(())
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                elts.iter().try_for_each(|e| self.delete(e))
            }
            _ => Err(unsupported("this del target", target.span.lineno)),
        }
    }

    fn exprs(&mut self, es: &'a [Expr]) -> Result<()> {
        es.iter().try_for_each(|e| self.expr(e))
    }

    fn expr(&mut self, e: &'a Expr) -> Result<()> {
        let saved_line = self.unit().line;
        let saved_loc = self.unit().loc;
        self.unit().line = e.span.lineno;
        self.unit().loc = e.span;
        match &e.kind {
            ExprKind::Constant { value, .. } => self.load_const(constant(value)),
            ExprKind::Name { id, .. } => self.load_name(id)?,
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Opcode::BinaryOp, binary_op_kind(*op) as u32);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                let code = match op {
                    UnaryOp::USub => Opcode::UnaryNegative,
                    UnaryOp::UAdd => Opcode::UnaryPositive,
                    UnaryOp::Not => Opcode::UnaryNot,
                    UnaryOp::Invert => Opcode::UnaryInvert,
                };
                self.emit(code, 0);
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.unit().new_label();
                let jump =
                    if *op == BoolOp::And { Opcode::JumpIfFalseOrPop } else { Opcode::JumpIfTrueOrPop };
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        self.unit().jump(jump, end);
                    }
                }
                self.unit().bind(end);
            }
            ExprKind::Compare { left, ops, comparators } => self.compare(left, ops, comparators)?,
            ExprKind::IfExp { test, body, orelse } => {
                let else_label = self.unit().new_label();
                let end = self.unit().new_label();
                self.expr(test)?;
                self.unit().jump(Opcode::PopJumpForwardIfFalse, else_label);
                self.expr(body)?;
                self.unit().jump(Opcode::JumpForward, end);
                self.unit().bind(else_label);
                self.expr(orelse)?;
                self.unit().bind(end);
            }
            ExprKind::Call { func, args, keywords } => self.call(e.span, func, args, keywords)?,
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                let n = self.add_mangled_name(attr);
                self.emit(Opcode::LoadAttr, n);
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Opcode::BinarySubscr, 0);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.load_const(ConstValue::None),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Opcode::BuildSlice, 3);
                    }
                    None => {
                        self.emit(Opcode::BuildSlice, 2);
                    }
                }
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } | ExprKind::Set { elts } => {
                // Three or more constants: one constant tuple (frozenset for sets) extended into
                // an empty container, as CPython 3.11 compiles them (this also fixes set order).
                let all_const = elts.iter().all(|x| matches!(x.kind, ExprKind::Constant { .. }));
                if all_const && elts.len() > 2 && !matches!(e.kind, ExprKind::Tuple { .. }) {
                    let items: Vec<ConstValue> = elts
                        .iter()
                        .map(|x| match &x.kind {
                            ExprKind::Constant { value, .. } => constant(value),
                            _ => ConstValue::None,
                        })
                        .collect();
                    if matches!(e.kind, ExprKind::Set { .. }) {
                        self.emit(Opcode::BuildSet, 0);
                        self.load_const(ConstValue::FrozenSet(items));
                        self.emit(Opcode::SetUpdate, 1);
                    } else {
                        self.emit(Opcode::BuildList, 0);
                        self.load_const(ConstValue::Tuple(items));
                        self.emit(Opcode::ListExtend, 1);
                    }
                    self.unit().line = saved_line;
                    self.unit().loc = saved_loc;
                    return Ok(());
                }
                if elts.iter().any(|x| matches!(x.kind, ExprKind::Starred { .. })) {
                    let build = if matches!(e.kind, ExprKind::Set { .. }) {
                        Opcode::BuildSet
                    } else {
                        Opcode::BuildList
                    };
                    self.sequence_with_stars(elts, build)?;
                    if matches!(e.kind, ExprKind::Tuple { .. }) {
                        self.emit(Opcode::ListToTuple, 0);
                    }
                    self.unit().line = saved_line;
                    self.unit().loc = saved_loc;
                    return Ok(());
                }
                self.exprs(elts)?;
                let op = match e.kind {
                    ExprKind::Tuple { .. } => Opcode::BuildTuple,
                    ExprKind::List { .. } => Opcode::BuildList,
                    _ => Opcode::BuildSet,
                };
                self.emit(op, elts.len() as u32);
            }
            ExprKind::Dict { keys, values } => {
                if keys.iter().any(|k| k.is_none()) {
                    // {**a, 'k': v}: start empty, then update/add in order.
                    self.emit(Opcode::BuildMap, 0);
                    for (k, v) in keys.iter().zip(values) {
                        match k {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(v)?;
                                self.emit(Opcode::MapAdd, 1);
                            }
                            None => {
                                self.expr(v)?;
                                self.emit(Opcode::DictUpdate, 1);
                            }
                        }
                    }
                } else {
                    for (k, v) in keys.iter().zip(values) {
                        if let Some(k) = k {
                            self.expr(k)?;
                        }
                        self.expr(v)?;
                    }
                    self.emit(Opcode::BuildMap, values.len() as u32);
                }
            }
            ExprKind::JoinedStr { values } => {
                for v in values {
                    self.expr(v)?;
                }
                if values.len() != 1 {
                    self.emit(Opcode::BuildString, values.len() as u32);
                }
            }
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.expr(value)?;
                let mut arg = match *conversion as u8 {
                    b's' => 1,
                    b'r' => 2,
                    b'a' => 3,
                    _ => 0,
                };
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                    arg |= 4;
                }
                self.emit(Opcode::FormatValue, arg);
            }
            ExprKind::Lambda { args, body } => {
                self.function(e.span, node_key(e), "<lambda>", args, FunctionBody::Expr(body), None)?;
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e.span, node_key(e), "<listcomp>", elt, generators)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e.span, node_key(e), "<genexpr>", elt, generators)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e.span, node_key(e), "<setcomp>", elt, generators)?
            }
            ExprKind::DictComp { key, value, generators } => {
                self.dict_comprehension = Some(value);
                let r = self.comprehension(e.span, node_key(e), "<dictcomp>", key, generators);
                self.dict_comprehension = None;
                r?
            }
            ExprKind::Yield { value } => {
                self.check_yield_allowed(e.span)?;
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(ConstValue::None),
                }
                self.yield_value();
            }
            ExprKind::Await { value } => {
                self.check_await_allowed(e.span, "await")?;
                self.expr(value)?;
                self.emit(Opcode::GetAwaitable, 0);
                self.await_loop();
            }
            ExprKind::YieldFrom { value } => {
                self.check_yield_allowed(e.span)?;
                if self.scope().is_coroutine {
                    return Err(syntax_error("'yield from' inside async function", e.span));
                }
                self.expr(value)?;
                self.emit(Opcode::GetYieldFromIter, 0);
                self.load_const(ConstValue::None);
                let top = self.unit().new_label();
                let end = self.unit().new_label();
                self.unit().bind(top);
                self.unit().jump(Opcode::Send, end);
                self.emit(Opcode::YieldValue, 0);
                self.unit().jump(Opcode::JumpBackward, top);
                self.unit().bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Opcode::Copy, 1);
                self.store(target)?;
            }
            other => return Err(unsupported(expr_name(other), e.span.lineno)),
        }
        self.unit().line = saved_line;
        self.unit().loc = saved_loc;
        Ok(())
    }

    fn compare(&mut self, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr]) -> Result<()> {
        // `x is 1`: CPython warns that identity with a literal is probably a mistake.
        let mut lhs = left;
        for (op, rhs) in ops.iter().zip(comparators) {
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && (is_literal(lhs) || is_literal(rhs)) {
                let (word, instead) = if *op == CmpOp::Is { ("is", "==") } else { ("is not", "!=") };
                let lineno = self.unit().line;
                let span = self.unit().loc;
                self.warnings.push(CompileWarning {
                    category: "SyntaxWarning",
                    message: format!("\"{word}\" with a literal. Did you mean \"{instead}\"?"),
                    lineno,
                    span,
                });
            }
            lhs = rhs;
        }
        self.expr(left)?;
        let cleanup = self.unit().new_label();
        let end = self.unit().new_label();
        let n = ops.len();
        for (i, (op, right)) in ops.iter().zip(comparators).enumerate() {
            self.expr(right)?;
            if i + 1 < n {
                // Keep the right operand for the next comparison: a < b < c.
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::Copy, 2);
            }
            self.compare_op(*op);
            if i + 1 < n {
                self.unit().jump(Opcode::JumpIfFalseOrPop, cleanup);
            }
        }
        if n > 1 {
            self.unit().jump(Opcode::JumpForward, end);
            self.unit().bind(cleanup);
            self.emit(Opcode::Swap, 2);
            self.emit(Opcode::PopTop, 0);
            self.unit().bind(end);
        }
        Ok(())
    }

    fn compare_op(&mut self, op: CmpOp) {
        let (code, arg) = match op {
            CmpOp::Lt => (Opcode::CompareOp, CompareKind::Lt as u32),
            CmpOp::LtE => (Opcode::CompareOp, CompareKind::Le as u32),
            CmpOp::Eq => (Opcode::CompareOp, CompareKind::Eq as u32),
            CmpOp::NotEq => (Opcode::CompareOp, CompareKind::Ne as u32),
            CmpOp::Gt => (Opcode::CompareOp, CompareKind::Gt as u32),
            CmpOp::GtE => (Opcode::CompareOp, CompareKind::Ge as u32),
            CmpOp::Is => (Opcode::IsOp, 0),
            CmpOp::IsNot => (Opcode::IsOp, 1),
            CmpOp::In => (Opcode::ContainsOp, 0),
            CmpOp::NotIn => (Opcode::ContainsOp, 1),
        };
        self.emit(code, arg);
    }

    fn call(&mut self, span: Span, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> Result<()> {
        for k in keywords {
            if let Some(name) = &k.arg {
                self.forbidden_name(name, "assign to")?;
            }
        }
        if args.iter().any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none())
        {
            return self.call_with_unpacking(span, func, args, keywords);
        }
        match &func.kind {
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                let n = self.add_mangled_name(attr);
                // The attribute lookup is located at `obj.attr`, not the whole call.
                let saved = self.unit().loc;
                self.unit().loc = func.span;
                self.emit(Opcode::LoadMethod, n);
                self.unit().loc = saved;
            }
            ExprKind::Name { id, .. } if self.emits_global(id) => {
                let n = self.add_mangled_name(id);
                self.emit(Opcode::LoadGlobal, (n << 1) | 1);
            }
            _ => {
                self.emit(Opcode::PushNull, 0);
                self.expr(func)?;
            }
        }
        self.exprs(args)?;
        for k in keywords {
            self.expr(&k.value)?;
        }
        if !keywords.is_empty() {
            let names = keywords
                .iter()
                .map(|k| ConstValue::Str(PyStr::from(k.arg.as_deref().unwrap_or(""))))
                .collect();
            let kn = self.unit().add_const(ConstValue::Tuple(names));
            self.emit(Opcode::KwNames, kn);
        }
        self.set_line(span);
        self.emit(Opcode::Call, (args.len() + keywords.len()) as u32);
        Ok(())
    }

    /// `f(*args, **kwargs)` and friends: positional arguments gathered into a tuple, keywords into
    /// a dict, then CALL_FUNCTION_EX.
    fn call_with_unpacking(
        &mut self,
        span: Span,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> Result<()> {
        self.emit(Opcode::PushNull, 0);
        self.expr(func)?;
        self.sequence_with_stars(args, Opcode::BuildList)?;
        self.emit(Opcode::ListToTuple, 0);
        let has_kwargs = !keywords.is_empty();
        if has_kwargs {
            self.keywords_dict(keywords)?;
        }
        self.set_line(span);
        self.emit(Opcode::CallFunctionEx, has_kwargs as u32);
        Ok(())
    }

    /// The keyword arguments of a call with `**` unpacking, merged into one dict.
    fn keywords_dict(&mut self, keywords: &'a [Keyword]) -> Result<()> {
        self.emit(Opcode::BuildMap, 0);
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    self.load_const(ConstValue::Str(PyStr::from(name.as_str())));
                    self.expr(&k.value)?;
                    self.emit(Opcode::BuildMap, 1);
                    self.emit(Opcode::DictMerge, 1);
                }
                None => {
                    self.expr(&k.value)?;
                    self.emit(Opcode::DictMerge, 1);
                }
            }
        }
        Ok(())
    }

    /// Builds a list (or set) from items some of which are `*starred`: an empty container, then
    /// LIST_APPEND/LIST_EXTEND (SET_ADD/SET_UPDATE) per item.
    fn sequence_with_stars(&mut self, items: &'a [Expr], build: Opcode) -> Result<()> {
        let (add, extend) = if build == Opcode::BuildSet {
            (Opcode::SetAdd, Opcode::SetUpdate)
        } else {
            (Opcode::ListAppend, Opcode::ListExtend)
        };
        self.emit(build, 0);
        for item in items {
            match &item.kind {
                ExprKind::Starred { value, .. } => {
                    self.expr(value)?;
                    self.emit(extend, 1);
                }
                _ => {
                    self.expr(item)?;
                    self.emit(add, 1);
                }
            }
        }
        Ok(())
    }

    /// Would loading `name` here be a LOAD_GLOBAL?
    /// `co_names` index of an attribute or imported name, mangled like CPython's ADDOP_NAME.
    fn add_mangled_name(&mut self, name: &str) -> u32 {
        let mangled = self.scope().mangle(name).into_owned();
        self.unit().add_name(&mangled)
    }

    fn emits_global(&self, name: &str) -> bool {
        let scope = self.scope();
        match scope.scope_of(&scope.mangle(name)) {
            NameScope::GlobalExplicit => true,
            NameScope::GlobalImplicit => scope.kind.is_function_like(),
            _ => false,
        }
    }

    /// `awaitable -- result`: drives the awaitable on top to completion, passing what it yields
    /// out to whoever runs this coroutine (the SEND loop of `yield from`).
    fn await_loop(&mut self) {
        self.load_const(ConstValue::None);
        let top = self.unit().new_label();
        let end = self.unit().new_label();
        self.unit().bind(top);
        self.unit().jump(Opcode::Send, end);
        self.emit(Opcode::YieldValue, 0);
        self.unit().jump(Opcode::JumpBackward, top);
        self.unit().bind(end);
    }

    /// YIELD_VALUE, marked as the generator's own value in an async generator.
    fn yield_value(&mut self) {
        let scope = self.scope();
        if scope.is_generator && scope.is_coroutine {
            self.emit(Opcode::AsyncGenWrap, 0);
        }
        self.emit(Opcode::YieldValue, 0);
    }

    #[cold]
    fn check_await_allowed(&self, span: Span, what: &str) -> Result<()> {
        let scope = self.scope();
        if matches!(scope.kind, ScopeKind::Function | ScopeKind::Comprehension) && scope.is_coroutine {
            return Ok(());
        }
        let msg = match (what, scope.kind) {
            ("await", ScopeKind::Function | ScopeKind::Lambda) => {
                "'await' outside async function".to_string()
            }
            ("await", _) => "'await' outside function".to_string(),
            _ => format!("'{what}' outside async function"),
        };
        Err(syntax_error(&msg, span))
    }

    /// `async for target in iter: body else: orelse`, ended by StopAsyncIteration.
    fn async_for(
        &mut self,
        span: Span,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<()> {
        let top = self.unit().new_label();
        let exhausted = self.unit().new_label();
        let end = self.unit().new_label();
        self.expr(iter)?;
        self.emit(Opcode::GetAiter, 0); // ... aiter
        self.unit().bind(top);
        let guard = self.unit().push_handler(exhausted);
        self.emit(Opcode::GetAnext, 0); // ... aiter awaitable
        self.emit(Opcode::GetAwaitable, 0);
        self.await_loop(); // ... aiter value
        self.unit().pop_handler(guard);
        self.store(target)?;
        self.unit().fblocks.push(FBlock::Loop { continue_to: top, break_to: end, is_for: true });
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.set_line(span);
        self.unit().jump(Opcode::JumpBackward, top);
        self.unit().bind(exhausted); // ... aiter exc
        self.emit(Opcode::EndAsyncFor, 0);
        self.stmts(orelse)?;
        self.unit().bind(end);
        Ok(())
    }

    #[cold]
    fn check_yield_allowed(&self, span: Span) -> Result<()> {
        match self.scope().kind {
            ScopeKind::Function | ScopeKind::Lambda => Ok(()),
            ScopeKind::Comprehension if self.scope().name == "<genexpr>" => Ok(()),
            ScopeKind::Comprehension => Err(syntax_error("'yield' inside list comprehension", span)),
            _ => Err(syntax_error("'yield' outside function", span)),
        }
    }

    /// `[elt for ...]` and `(elt for ...)`: a nested function called with the first iterator, as
    /// in CPython 3.11. The list form appends to a list it returns; the generator form yields.
    fn comprehension(
        &mut self,
        span: Span,
        node: usize,
        kind: &str,
        elt: &'a Expr,
        generators: &'a [Comprehension],
    ) -> Result<()> {
        let scope = self
            .scope()
            .child_at(node)
            .ok_or_else(|| unsupported("a scope the symbol table did not see", span.lineno))?;
        let is_generator = kind == "<genexpr>";
        let awaited = scope.is_coroutine && !is_generator;
        if awaited {
            let outer = self.scope();
            let outer_async =
                matches!(outer.kind, ScopeKind::Function | ScopeKind::Comprehension) && outer.is_coroutine;
            if !outer_async {
                return Err(syntax_error(
                    "asynchronous comprehension outside of an asynchronous function",
                    span,
                ));
            }
        }
        let qualname = self.qualname(kind);
        let mut unit = Unit::new(scope, kind, qualname, &self.filename, span.lineno);
        unit.code.argcount = 1;
        let value = self.dict_comprehension.take();
        self.units.push(unit);
        self.set_line(span);
        self.emit(Opcode::Resume, 0);
        match kind {
            "<listcomp>" => {
                self.emit(Opcode::BuildList, 0);
            }
            "<setcomp>" => {
                self.emit(Opcode::BuildSet, 0);
            }
            "<dictcomp>" => {
                self.emit(Opcode::BuildMap, 0);
            }
            _ => {}
        }
        let target = match (kind, value) {
            ("<setcomp>", _) => CompTarget::Set,
            ("<dictcomp>", Some(v)) => CompTarget::Dict(v),
            ("<genexpr>", _) => CompTarget::Yield,
            _ => CompTarget::List,
        };
        self.comprehension_loops(generators, 0, elt, &target)?;
        if is_generator {
            self.return_none();
        } else {
            self.emit(Opcode::ReturnValue, 0);
        }
        let code = self.units.pop().expect("comprehension unit").finish();
        self.make_function(code, 0)?;
        self.expr(&generators[0].iter)?;
        self.emit(if generators[0].is_async != 0 { Opcode::GetAiter } else { Opcode::GetIter }, 0);
        // [function, iterator] with CALL 0 calls function(iterator): the "method" form of CALL.
        self.emit(Opcode::Call, 0);
        if awaited {
            self.emit(Opcode::GetAwaitable, 0);
            self.await_loop();
        }
        Ok(())
    }

    fn comprehension_loops(
        &mut self,
        generators: &'a [Comprehension],
        depth: usize,
        elt: &'a Expr,
        target: &CompTarget<'a>,
    ) -> Result<()> {
        let g = &generators[depth];
        let is_async = g.is_async != 0;
        let top = self.unit().new_label();
        let end = self.unit().new_label();
        if depth == 0 {
            self.emit(Opcode::LoadFast, 0);
        } else {
            self.expr(&g.iter)?;
            self.emit(if is_async { Opcode::GetAiter } else { Opcode::GetIter }, 0);
        }
        self.unit().bind(top);
        if is_async {
            // As `async for`: await __anext__() until StopAsyncIteration.
            let guard = self.unit().push_handler(end);
            self.emit(Opcode::GetAnext, 0);
            self.emit(Opcode::GetAwaitable, 0);
            self.await_loop();
            self.unit().pop_handler(guard);
        } else {
            self.unit().jump(Opcode::ForIter, end);
        }
        self.store(&g.target)?;
        // A failed condition skips to the loop's back edge (jumps only go forward or via
        // JUMP_BACKWARD).
        let next_item = self.unit().new_label();
        for cond in &g.ifs {
            self.expr(cond)?;
            self.unit().jump(Opcode::PopJumpForwardIfFalse, next_item);
        }
        if depth + 1 < generators.len() {
            self.comprehension_loops(generators, depth + 1, elt, target)?;
        } else {
            self.expr(elt)?;
            // The result container sits below one iterator per loop level.
            let distance = (depth + 2) as u32;
            match target {
                CompTarget::Yield => {
                    self.yield_value();
                    self.emit(Opcode::PopTop, 0);
                }
                CompTarget::List => {
                    self.emit(Opcode::ListAppend, distance);
                }
                CompTarget::Set => {
                    self.emit(Opcode::SetAdd, distance);
                }
                CompTarget::Dict(value) => {
                    self.expr(value)?;
                    self.emit(Opcode::MapAdd, distance);
                }
            }
        }
        self.unit().bind(next_item);
        self.unit().jump(Opcode::JumpBackward, top);
        self.unit().bind(end);
        if is_async {
            self.emit(Opcode::EndAsyncFor, 0);
        }
        Ok(())
    }
}

/// A pattern's failure targets, by how many stack items each must pop.
#[derive(Default)]
struct FailLabels {
    labels: Vec<(usize, Label)>,
}

impl FailLabels {
    fn get(&mut self, c: &mut Compiler<'_, '_>, pops: usize) -> Label {
        if let Some((_, l)) = self.labels.iter().find(|(k, _)| *k == pops) {
            return *l;
        }
        let l = c.unit().new_label();
        self.labels.push((pops, l));
        l
    }
}

/// A literal whose identity is meaningless (`is` with it warns): not None/True/False/Ellipsis.
fn is_literal(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant { value, .. } => {
            !matches!(value, Constant::None | Constant::Bool(_) | Constant::Ellipsis)
        }
        // A tuple of constants is folded into a constant, so it counts too.
        ExprKind::Tuple { elts, .. } => elts.iter().all(|x| matches!(x.kind, ExprKind::Constant { .. })),
        _ => false,
    }
}

/// Why a case pattern makes the following ones unreachable (CPython's compile-time error).
fn irrefutable(p: &Pattern) -> Option<String> {
    match &p.kind {
        PatternKind::MatchAs { pattern: None, name: Some(n) } => {
            Some(format!("name capture '{n}' makes remaining patterns unreachable"))
        }
        PatternKind::MatchAs { pattern: None, name: None } => {
            Some("wildcard makes remaining patterns unreachable".to_string())
        }
        PatternKind::MatchOr { patterns } => patterns.iter().find_map(irrefutable),
        _ => None,
    }
}

/// Where a comprehension's element goes.
enum CompTarget<'a> {
    List,
    Set,
    /// The key is the element; this is the value expression.
    Dict(&'a Expr),
    Yield,
}

enum FunctionBody<'a> {
    Block(&'a [Stmt]),
    Expr(&'a Expr),
}

fn docstring(body: &[Stmt]) -> Option<PyStr> {
    match &body.first()?.kind {
        StmtKind::Expr { value } => match &value.kind {
            ExprKind::Constant { value: Constant::Str(s), .. } => Some(s.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn constant(c: &Constant) -> ConstValue {
    match c {
        Constant::None => ConstValue::None,
        Constant::Bool(b) => ConstValue::Bool(*b),
        Constant::Int(i) => ConstValue::Int(i.clone()),
        Constant::Float(f) => ConstValue::Float(*f),
        Constant::Complex { real, imag } => ConstValue::Complex { real: *real, imag: *imag },
        Constant::Str(s) => ConstValue::Str(s.clone()),
        Constant::Bytes(b) => ConstValue::Bytes(b.clone()),
        Constant::Ellipsis => ConstValue::Ellipsis,
        Constant::Tuple(items) => ConstValue::Tuple(items.iter().map(constant).collect()),
        Constant::FrozenSet(items) => ConstValue::FrozenSet(items.iter().map(constant).collect()),
    }
}

/// The span of the last pattern node a pre-order walk of `p` enters: where CPython's compiler
/// stands when it finds an or-pattern's alternatives disagree.
fn last_pattern_node(p: &Pattern) -> Span {
    let children: Vec<&Pattern> = match &p.kind {
        PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
            patterns.iter().collect()
        }
        PatternKind::MatchMapping { patterns, .. } => patterns.iter().collect(),
        PatternKind::MatchClass { patterns, kwd_patterns, .. } => {
            patterns.iter().chain(kwd_patterns).collect()
        }
        PatternKind::MatchAs { pattern: Some(q), .. } => vec![&**q],
        _ => Vec::new(),
    };
    children.last().map_or(p.span, |q| last_pattern_node(q))
}

/// The names a pattern binds, with the node binding each, in order.
fn pattern_captures<'p>(p: &'p Pattern, out: &mut Vec<(&'p str, Span)>) {
    match &p.kind {
        PatternKind::MatchValue { .. } | PatternKind::MatchSingleton { .. } => {}
        PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
            // An or-pattern binds what its first alternative binds (the others must agree).
            let patterns = if matches!(p.kind, PatternKind::MatchOr { .. }) {
                &patterns[..1.min(patterns.len())]
            } else {
                patterns
            };
            patterns.iter().for_each(|q| pattern_captures(q, out));
        }
        PatternKind::MatchMapping { patterns, rest, .. } => {
            patterns.iter().for_each(|q| pattern_captures(q, out));
            if let Some(r) = rest {
                out.push((r, p.span));
            }
        }
        PatternKind::MatchClass { patterns, kwd_patterns, .. } => {
            patterns.iter().chain(kwd_patterns).for_each(|q| pattern_captures(q, out));
        }
        PatternKind::MatchStar { name } => {
            if let Some(n) = name {
                out.push((n, p.span));
            }
        }
        PatternKind::MatchAs { pattern, name } => {
            if let Some(q) = pattern {
                pattern_captures(q, out);
            }
            if let Some(n) = name {
                out.push((n, p.span));
            }
        }
    }
}

fn binary_op_kind(op: Operator) -> BinaryOpKind {
    match op {
        Operator::Add => BinaryOpKind::Add,
        Operator::Sub => BinaryOpKind::Subtract,
        Operator::Mult => BinaryOpKind::Multiply,
        Operator::MatMult => BinaryOpKind::MatrixMultiply,
        Operator::Div => BinaryOpKind::TrueDivide,
        Operator::Mod => BinaryOpKind::Remainder,
        Operator::Pow => BinaryOpKind::Power,
        Operator::LShift => BinaryOpKind::Lshift,
        Operator::RShift => BinaryOpKind::Rshift,
        Operator::BitOr => BinaryOpKind::Or,
        Operator::BitXor => BinaryOpKind::Xor,
        Operator::BitAnd => BinaryOpKind::And,
        Operator::FloorDiv => BinaryOpKind::FloorDivide,
    }
}

fn expr_name(e: &ExprKind) -> &'static str {
    match e {
        ExprKind::Starred { .. } => "starred expressions",
        _ => "this expression",
    }
}
