//! Symbol tables: which scope each name belongs to, by CPython's rules.
//!
//! Pass one records, per scope, how each name is used (assigned, parameter, declared global or
//! nonlocal, read). Pass two resolves each name to local, global (explicit or implicit), free or
//! cell, walking the scopes from the module inwards and back out.

use crate::fast_hash::FastHashMap;
use kaa_syntax::ast::*;
use kaa_syntax::{SyntaxError, SyntaxErrorKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    pub fn is_function_like(self) -> bool {
        matches!(self, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
    }
}

/// Where a name lives once resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    /// A fast local (functions) or a namespace entry (module and class bodies).
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

pub const DEF_LOCAL: u32 = 1;
pub const DEF_PARAM: u32 = 2;
pub const DEF_GLOBAL: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;

#[derive(Clone, Debug)]
pub struct Symbol {
    pub name: String,
    pub flags: u32,
    pub scope: NameScope,
}

#[derive(Clone, Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub symbols: Vec<Symbol>,
    index: FastHashMap<String, usize>,
    /// Parameters in order (`varnames` starts with these).
    pub params: Vec<String>,
    /// Nested scopes in the order the code generator meets them.
    pub children: Vec<Scope>,
    pub is_generator: bool,
    /// `async def`.
    pub is_coroutine: bool,
    /// Functions in a class that use `super` or `__class__` make the class provide a `__class__` cell.
    pub needs_class_cell: bool,
    /// The span of the node that opens this scope (def, class, lambda, comprehension).
    pub span: Span,
    /// The address of that node (`node_key`): what the code generator finds the scope by.
    /// Spans are not unique in trees built with the `ast` module (every node of a tree made
    /// by `ast.fix_missing_locations` can sit at line 1, column 0).
    pub node: usize,
    /// The name of the innermost enclosing class (this scope's own, for a class): private names
    /// (`__x`) used here are mangled with it (`_C__x`).
    pub private: Option<String>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, span: Span, node: usize) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            symbols: Vec::new(),
            index: FastHashMap::default(),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            needs_class_cell: false,
            span,
            node,
            private: None,
        }
    }

    /// `name` as stored in this scope: private names inside a class are mangled.
    pub fn mangle<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        match &self.private {
            Some(class) => mangle(class, name),
            None => std::borrow::Cow::Borrowed(name),
        }
    }

    fn add(&mut self, name: &str, flag: u32) -> usize {
        let name = &*self.mangle(name);
        if let Some(&i) = self.index.get(name) {
            self.symbols[i].flags |= flag;
            return i;
        }
        self.index.insert(name.to_string(), self.symbols.len());
        self.symbols.push(Symbol { name: name.to_string(), flags: flag, scope: NameScope::GlobalImplicit });
        self.symbols.len() - 1
    }

    /// The nested scope opened by the node whose `node_key` is `node`.
    pub fn child_at(&self, node: usize) -> Option<&Scope> {
        self.children.iter().find(|c| c.node == node)
    }

    /// The symbol of `name` (an already mangled name).
    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    /// Where `name` lives in this scope (names never mentioned are implicit globals).
    pub fn scope_of(&self, name: &str) -> NameScope {
        self.lookup(name).map(|s| s.scope).unwrap_or(NameScope::GlobalImplicit)
    }

    /// Names with the given resolution, in first-seen order.
    pub fn names_in(&self, scope: NameScope) -> Vec<String> {
        self.symbols.iter().filter(|s| s.scope == scope).map(|s| s.name.clone()).collect()
    }
}

/// CPython's private name mangling: `__spam` used in class `Ham` is `_Ham__spam`. Dunder names,
/// dotted names and names in classes named only with underscores stay as they are.
pub fn mangle<'n>(class: &str, name: &'n str) -> std::borrow::Cow<'n, str> {
    let class = class.trim_start_matches('_');
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') || class.is_empty() {
        return std::borrow::Cow::Borrowed(name);
    }
    std::borrow::Cow::Owned(format!("_{class}{name}"))
}

fn error(msg: String, span: Span) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        lineno: span.lineno,
        offset: span.col_offset + 1,
        end_lineno: span.end_lineno,
        end_offset: span.end_col_offset + 1,
        text: None,
    }
}

/// What identifies the node that opens a scope: its address in the tree being compiled.
pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// Builds the scope tree of a module.
pub fn build(module: &Mod) -> Result<Scope, SyntaxError> {
    let mut b = Builder { stack: vec![Scope::new(ScopeKind::Module, "top", Span::default(), 0)] };
    match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => b.stmts(body)?,
        Mod::Expression { body } => b.expr(body)?,
        Mod::FunctionType { .. } => {}
    }
    let mut top = b.stack.pop().expect("module scope");
    analyze(&mut top, &[], &mut Vec::new())?;
    Ok(top)
}

struct Builder {
    stack: Vec<Scope>,
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        self.stack.last_mut().expect("scope stack is never empty")
    }

    fn declare(&mut self, name: &str, flag: u32, span: Span) -> Result<(), SyntaxError> {
        let cur = self.cur();
        if let Some(f) = cur.lookup(&cur.mangle(name)).map(|sym| sym.flags) {
            if flag & DEF_GLOBAL != 0 && f & (DEF_LOCAL | USE | DEF_PARAM) != 0 && f & DEF_GLOBAL == 0 {
                let what = if f & DEF_PARAM != 0 {
                    "is parameter and global"
                } else if f & USE != 0 {
                    "is used prior to global declaration"
                } else {
                    "is assigned to before global declaration"
                };
                return Err(error(format!("name '{name}' {what}"), span));
            }
            if flag & DEF_NONLOCAL != 0 && f & (DEF_LOCAL | USE | DEF_PARAM) != 0 && f & DEF_NONLOCAL == 0 {
                let what = if f & DEF_PARAM != 0 {
                    "is parameter and nonlocal"
                } else if f & USE != 0 {
                    "is used prior to nonlocal declaration"
                } else {
                    "is assigned to before nonlocal declaration"
                };
                return Err(error(format!("name '{name}' {what}"), span));
            }
        }
        cur.add(name, flag);
        Ok(())
    }

    fn push(&mut self, kind: ScopeKind, name: &str, span: Span, node: usize) {
        let mut scope = Scope::new(kind, name, span, node);
        scope.private = match kind {
            ScopeKind::Class => Some(name.to_string()),
            _ => self.stack.last().and_then(|s| s.private.clone()),
        };
        self.stack.push(scope);
    }

    fn pop(&mut self) {
        let s = self.stack.pop().expect("pushed scope");
        self.cur().children.push(s);
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&mut self, es: &[Expr]) -> Result<(), SyntaxError> {
        es.iter().try_for_each(|e| self.expr(e))
    }

    fn arguments_defaults(&mut self, args: &Arguments) -> Result<(), SyntaxError> {
        self.exprs(&args.defaults)?;
        for d in args.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        Ok(())
    }

    fn annotations(&mut self, args: &Arguments) -> Result<(), SyntaxError> {
        let all =
            args.posonlyargs.iter().chain(&args.args).chain(args.vararg.as_deref()).chain(&args.kwonlyargs);
        for a in all.chain(args.kwarg.as_deref()) {
            if let Some(ann) = &a.annotation {
                self.expr(ann)?;
            }
        }
        Ok(())
    }

    fn params(&mut self, args: &Arguments) -> Result<(), SyntaxError> {
        let ordered = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
            .chain(args.vararg.as_deref())
            .chain(args.kwarg.as_deref());
        for a in ordered {
            let mangled = self.cur().mangle(&a.arg).into_owned();
            if self.cur().lookup(&mangled).is_some_and(|s| s.flags & DEF_PARAM != 0) {
                return Err(error(format!("duplicate argument '{}' in function definition", a.arg), a.span));
            }
            self.declare(&a.arg, DEF_PARAM, a.span)?;
            self.cur().params.push(mangled);
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        match &s.kind {
            StmtKind::FunctionDef { name, args, body, decorator_list, returns, .. }
            | StmtKind::AsyncFunctionDef { name, args, body, decorator_list, returns, .. } => {
                self.exprs(decorator_list)?;
                self.arguments_defaults(args)?;
                self.annotations(args)?;
                if let Some(r) = returns {
                    self.expr(r)?;
                }
                self.declare(name, DEF_LOCAL, s.span)?;
                self.push(ScopeKind::Function, name, s.span, node_key(s));
                self.cur().is_coroutine = matches!(s.kind, StmtKind::AsyncFunctionDef { .. });
                self.params(args)?;
                self.stmts(body)?;
                self.pop();
            }
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list } => {
                self.exprs(decorator_list)?;
                self.exprs(bases)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
                self.declare(name, DEF_LOCAL, s.span)?;
                self.push(ScopeKind::Class, name, s.span, node_key(s));
                self.stmts(body)?;
                self.pop();
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete { targets } => self.exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.exprs(targets)?;
                self.expr(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                if let ExprKind::Name { id, .. } = &target.kind {
                    self.declare(id, USE, target.span)?;
                }
                self.expr(value)?;
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                self.expr(target)?;
                self.expr(annotation)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::For { target, iter, body, orelse, .. }
            | StmtKind::AsyncFor { target, iter, body, orelse, .. } => {
                self.expr(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body, .. } | StmtKind::AsyncWith { items, body, .. } => {
                for it in items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for c in cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody }
            | StmtKind::TryStar { body, handlers, orelse, finalbody } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.declare(n, DEF_LOCAL, h.span)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        continue;
                    }
                    let bound = a.asname.as_deref().unwrap_or_else(|| a.name.split('.').next().unwrap_or(""));
                    self.declare(bound, DEF_LOCAL, a.span)?;
                }
            }
            StmtKind::Global { names } => {
                for n in names {
                    self.declare(n, DEF_GLOBAL, s.span)?;
                }
            }
            StmtKind::Nonlocal { names } => {
                if self.cur().kind == ScopeKind::Module {
                    return Err(error("nonlocal declaration not allowed at module level".into(), s.span));
                }
                for n in names {
                    self.declare(n, DEF_NONLOCAL, s.span)?;
                }
            }
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern) -> Result<(), SyntaxError> {
        match &p.kind {
            PatternKind::MatchValue { value } => self.expr(value),
            PatternKind::MatchSingleton { .. } => Ok(()),
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                patterns.iter().try_for_each(|q| self.pattern(q))
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.exprs(keys)?;
                patterns.iter().try_for_each(|q| self.pattern(q))?;
                if let Some(r) = rest {
                    self.declare(r, DEF_LOCAL, p.span)?;
                }
                Ok(())
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.expr(cls)?;
                patterns.iter().chain(kwd_patterns).try_for_each(|q| self.pattern(q))
            }
            PatternKind::MatchStar { name } => match name {
                Some(n) => self.declare(n, DEF_LOCAL, p.span),
                None => Ok(()),
            },
            PatternKind::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.pattern(q)?;
                }
                match name {
                    Some(n) => self.declare(n, DEF_LOCAL, p.span),
                    None => Ok(()),
                }
            }
        }
    }

    fn comprehension(
        &mut self,
        name: &str,
        span: Span,
        node: usize,
        generators: &[Comprehension],
        elts: &[&Expr],
    ) -> Result<(), SyntaxError> {
        // The first iterable is evaluated in the enclosing scope; the rest inside.
        let Some(first) = generators.first() else { return Ok(()) };
        self.expr(&first.iter)?;
        self.push(ScopeKind::Comprehension, name, span, node);
        self.declare(".0", DEF_PARAM, span)?;
        self.cur().params.push(".0".into());
        for (i, g) in generators.iter().enumerate() {
            self.expr(&g.target)?;
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.exprs(&g.ifs)?;
        }
        for e in elts {
            self.expr(e)?;
        }
        if name == "<genexpr>" {
            self.cur().is_generator = true;
        }
        // `async for` (or an `await`, noted by `expr`) makes the comprehension a coroutine, or an
        // async generator for a generator expression; a coroutine comprehension is awaited where
        // it is called, which makes an enclosing comprehension one too.
        if generators.iter().any(|g| g.is_async != 0) {
            self.cur().is_coroutine = true;
        }
        let awaited_here = self.cur().is_coroutine && name != "<genexpr>";
        self.pop();
        if awaited_here && self.cur().kind == ScopeKind::Comprehension {
            self.cur().is_coroutine = true;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ExprContext::Load { USE } else { DEF_LOCAL };
                self.declare(id, flag, e.span)?;
                if *ctx == ExprContext::Load && (id == "super" || id == "__class__") {
                    self.uses_class_cell();
                }
            }
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                // The target binds in the nearest enclosing non-comprehension scope.
                if let ExprKind::Name { id, .. } = &target.kind {
                    let depth =
                        self.stack.iter().rposition(|s| s.kind != ScopeKind::Comprehension).unwrap_or(0);
                    let in_comprehension = depth + 1 < self.stack.len();
                    self.stack[depth].add(id, DEF_LOCAL);
                    if in_comprehension {
                        let flag = if self.stack[depth].kind == ScopeKind::Module {
                            DEF_GLOBAL
                        } else {
                            DEF_NONLOCAL
                        };
                        self.cur().add(id, flag);
                    }
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.arguments_defaults(args)?;
                self.push(ScopeKind::Lambda, "<lambda>", e.span, node_key(e));
                self.params(args)?;
                self.expr(body)?;
                self.pop();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(values)?;
            }
            ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
                self.exprs(elts)?
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension("<listcomp>", e.span, node_key(e), generators, &[elt])?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension("<setcomp>", e.span, node_key(e), generators, &[elt])?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension("<genexpr>", e.span, node_key(e), generators, &[elt])?
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension("<dictcomp>", e.span, node_key(e), generators, &[key, value])?
            }
            ExprKind::Await { value } | ExprKind::YieldFrom { value } => {
                let is_await = matches!(e.kind, ExprKind::Await { .. });
                self.cur().is_generator |= !is_await;
                if is_await && self.cur().kind == ScopeKind::Comprehension {
                    self.cur().is_coroutine = true;
                }
                self.expr(value)?;
            }
            ExprKind::Yield { value } => {
                self.cur().is_generator = true;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func)?;
                self.exprs(args)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value)?;
                if let Some(f) = format_spec {
                    self.expr(f)?;
                }
            }
            ExprKind::JoinedStr { values } => self.exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
            }
        }
        Ok(())
    }

    /// Marks the innermost function as using `__class__` and its class as providing it.
    fn uses_class_cell(&mut self) {
        let Some(fi) = self.stack.iter().rposition(|s| s.kind.is_function_like()) else { return };
        if let Some(ci) = self.stack[..fi].iter().rposition(|s| s.kind == ScopeKind::Class) {
            self.stack[ci].needs_class_cell = true;
            for s in &mut self.stack[ci + 1..] {
                s.add("__class__", USE);
            }
        }
    }
}

/// Resolves every symbol of `scope`. `bound` are names bound by enclosing function scopes;
/// `free_out` collects names this scope needs from outside (free variables).
fn analyze(scope: &mut Scope, bound: &[String], free_out: &mut Vec<String>) -> Result<(), SyntaxError> {
    let is_func = scope.kind.is_function_like();
    for sym in &mut scope.symbols {
        sym.scope = if sym.flags & DEF_GLOBAL != 0 {
            NameScope::GlobalExplicit
        } else if sym.flags & DEF_NONLOCAL != 0 {
            if !bound.contains(&sym.name) {
                return Err(error(format!("no binding for nonlocal '{}' found", sym.name), Span::default()));
            }
            NameScope::Free
        } else if sym.flags & (DEF_LOCAL | DEF_PARAM) != 0 {
            NameScope::Local
        } else if scope.kind != ScopeKind::Module && bound.contains(&sym.name) {
            NameScope::Free
        } else {
            NameScope::GlobalImplicit
        };
    }
    if scope.kind == ScopeKind::Class && scope.needs_class_cell {
        let i = scope.add("__class__", 0);
        scope.symbols[i].scope = NameScope::Cell;
    }
    // Names visible to nested functions: enclosing ones plus this function's locals.
    let mut child_bound: Vec<String> = bound.to_vec();
    if is_func {
        for s in &scope.symbols {
            if s.scope == NameScope::Local && !child_bound.contains(&s.name) {
                child_bound.push(s.name.clone());
            }
        }
    } else if scope.kind == ScopeKind::Class && scope.needs_class_cell {
        child_bound.push("__class__".into());
    }
    // Globals declared here stay global in children unless they rebind.
    child_bound.retain(|n| scope.lookup(n).is_none_or(|s| s.scope != NameScope::GlobalExplicit));
    let mut child_free = Vec::new();
    let mut children = std::mem::take(&mut scope.children);
    for child in &mut children {
        analyze(child, &child_bound, &mut child_free)?;
    }
    scope.children = children;
    for name in child_free {
        match scope.lookup(&name).map(|s| s.scope) {
            Some(NameScope::Local) if is_func => {
                let i = scope.add(&name, 0);
                scope.symbols[i].scope = NameScope::Cell;
            }
            Some(NameScope::Cell) => {}
            Some(NameScope::Free) => {}
            _ => {
                // Passes through this scope on its way to an enclosing function.
                if scope.kind != ScopeKind::Module {
                    let i = scope.add(&name, 0);
                    if scope.kind == ScopeKind::Class && scope.symbols[i].flags & (DEF_LOCAL | DEF_PARAM) != 0
                    {
                        // A class-level binding of the same name: the class body uses its own.
                    } else {
                        scope.symbols[i].scope = NameScope::Free;
                    }
                    if !free_out.contains(&name) {
                        free_out.push(name);
                    }
                }
            }
        }
    }
    for s in &scope.symbols {
        if s.scope == NameScope::Free && !free_out.contains(&s.name) {
            free_out.push(s.name.clone());
        }
    }
    Ok(())
}
