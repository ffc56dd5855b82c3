//! The interpreter loop.
//!
//! All frames share one value stack (`Vm::stack`): a frame's fast locals sit at `base..`, its
//! evaluation stack right above them. A call to a Python function pushes a `Frame` and the same
//! loop continues in the callee; `RETURN_VALUE` pops it and resumes the caller. The Rust stack
//! only grows when native code calls back into Python (e.g. a `key=` function), and the recursion
//! limit bounds both.

use crate::builtins;
use crate::exceptions::{ExcKind, ExceptionObject, PyErr, PyResult};
use crate::objects::dict::DictObject;
use crate::objects::float::{as_f64, float_binary};
use crate::objects::function::{
    AttrCache, AttrCacheEntry, AttrKind, BuiltinFunction, Cells, CodeValues, FunctionObject, GlobalCacheEntry,
};
use crate::objects::generator::{GenState, GenStep, GeneratorObject};
use crate::objects::int::int_binary;
use crate::objects::iter::IterState;
use crate::objects::native::{NativeObject, ViewKind};
use crate::objects::replaceable::Replaceable;
use crate::objects::str::Name;
use crate::objects::types::TypeName;
use crate::objects::types::TypeObject;
use crate::value::Value;
use kaa_bytecode::opcode::{BinaryOpKind, CompareKind};
use kaa_bytecode::{CodeFlags, CodeObject, ConstValue, Opcode};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

pub(crate) struct Frame {
    pub(crate) code: Rc<CodeObject>,
    consts: Rc<CodeValues>,
    pub(crate) pc: usize,
    /// Index in `Vm::stack` of local slot 0; the evaluation stack starts after the locals.
    pub(crate) base: usize,
    /// Where the stack is cut back to when the frame ends: `base`, or below it when the
    /// callee's locals were built in place over the caller's call arguments.
    floor: usize,
    pub(crate) cells: Cells,
    pub(crate) globals: Rc<DictObject>,
    /// The namespace of module and class bodies (LOAD_NAME / STORE_NAME).
    pub(crate) locals: Option<Rc<DictObject>>,
    /// Keyword names announced by KW_NAMES for the next CALL.
    kw_names: Option<Rc<Vec<Value>>>,
    /// Set when this frame runs `__init__` for a class call made by the CALL fast path: the
    /// instance is the call's result (and `__init__` must return None).
    init_instance: Option<Value>,
    /// The frame's Python object, made when first asked for (see `objects::frame`).
    pub(crate) object: Option<Rc<crate::objects::frame::FrameObject>>,
    /// The generator whose frame this is, while it runs. When FOR_ITER or SEND of the frame below
    /// resumed it inside the same loop (`resume_inline`), YIELD_VALUE pushes the value there and
    /// continues after that instruction, and returning pops the generator and jumps where
    /// FOR_ITER/SEND would on exhaustion (SEND keeping the return value).
    pub(crate) generator: Option<Rc<GeneratorObject>>,
}

impl Frame {
    /// Is the frame's object referenced from elsewhere (a traceback, a variable, a callee's
    /// `f_back`)? Only then must an ending frame record its final state into it: an exception
    /// caught in a loop makes frame objects that die with their frames.
    #[inline]
    fn object_outlives_frame(&self) -> bool {
        self.object.as_ref().is_some_and(|o| Rc::strong_count(o) > 1)
    }
}

/// A generator's frame while it is not running (see `objects::generator`).
pub struct SuspendedFrame {
    pub(crate) frame: Frame,
}

impl SuspendedFrame {
    /// The references the frame itself holds (its values are kept beside it), for the collector.
    pub(crate) fn gc_references(&self, out: &mut dyn FnMut(crate::gc::traverse::Node)) {
        use crate::gc::traverse::Node;
        let f = &self.frame;
        out(Node::Cells(f.cells.clone()));
        out(Node::Value(Value::Dict(f.globals.clone())));
        if let Some(l) = &f.locals {
            out(Node::Value(Value::Dict(l.clone())));
        }
    }
}

/// What ended a run: an exception that nobody caught (already turned into an object).
pub enum RunError {
    Exception(Rc<ExceptionObject>),
}

/// One interpreter: its builtins, types, frames and value stack. No global state, so several
/// can live in one process.
pub struct Vm {
    pub builtins: Rc<DictObject>,
    /// Class bodies running in a `__prepare__` mapping that is not a plain dict: the namespace
    /// dict standing in for it, and the mapping (innermost last).
    pub(crate) prepared_namespaces: Vec<(Rc<DictObject>, Value)>,
    /// `sys.modules`.
    pub modules: Rc<DictObject>,
    /// `sys.argv`, set by the embedder before `sys` is first imported.
    pub argv: Vec<String>,
    pub types: crate::objects::builtin_types::Types,
    exception_types: HashMap<ExcKind, Rc<TypeObject>>,
    pub(crate) frames: Vec<Frame>,
    pub(crate) stack: Vec<Value>,
    pub recursion_limit: usize,
    /// Native-to-Python re-entries currently active (each uses Rust stack).
    native_depth: usize,
    /// Nesting of container comparisons in progress (`==` of nested lists recurses in Rust).
    compare_depth: usize,
    /// Keyed by address; the entry keeps its code object alive so the address is never reused.
    const_cache: HashMap<*const CodeObject, (Rc<CodeObject>, Rc<CodeValues>)>,
    interned: HashMap<String, Value>,
    /// The exception being handled (`sys.exc_info()`), set by PUSH_EXC_INFO.
    pub(crate) handling: Option<Rc<ExceptionObject>>,
    /// Set by YIELD_VALUE when a run ends because its generator frame yielded (the frame is back
    /// in its generator).
    yielded: bool,
    /// Argument buffer reused by CALL of built-in functions (taken while a call runs).
    call_args: Vec<Value>,
    /// Set by ASYNC_GEN_WRAP: the YIELD_VALUE that follows yields an async generator's own value.
    pub(crate) async_gen_wrapped: bool,
    pub stdout: std::io::BufWriter<crate::config::StdoutSink>,
    /// What the embedder chose (flags, `sys.path`, warning and `-X` options).
    pub config: crate::config::Config,
    /// Set by `kaa --trace`: every executed instruction is reported to it.
    pub tracer: Option<Box<crate::trace::Tracer>>,
    /// The cycle collector's registry and state (`gc/`).
    pub gc: crate::gc::Collector,
    /// Live weak references by referent (`objects/weakref.rs`).
    pub weakrefs: crate::objects::weakref::WeakRegistry,
    /// Backward jumps and calls left before the process ends (the fuzzer's step limit,
    /// `KAA_STEP_LIMIT`; unlimited otherwise).
    pub loop_budget: u64,
    /// The import system's state and settings (`crate::import`).
    pub imports: crate::import::ImportState,
    /// Classes of native modules that their own code must find again (`itertools._grouper`),
    /// keyed by qualified name; filled when the module is imported.
    pub native_classes: HashMap<&'static str, Rc<TypeObject>>,
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

impl Vm {
    pub fn new() -> Vm {
        let mut vm = Vm {
            builtins: Rc::new(DictObject::new()),
            prepared_namespaces: Vec::new(),
            modules: Rc::new(DictObject::new()),
            argv: Vec::new(),
            types: crate::objects::builtin_types::Types::new(builtins::constructors()),
            exception_types: HashMap::new(),
            frames: Vec::new(),
            stack: Vec::with_capacity(1024),
            recursion_limit: 1000,
            native_depth: 0,
            compare_depth: 0,
            const_cache: HashMap::new(),
            interned: HashMap::new(),
            handling: None,
            yielded: false,
            call_args: Vec::new(),
            async_gen_wrapped: false,
            stdout: crate::config::stdout_writer(false, false),
            config: crate::config::Config::default(),
            tracer: None,
            gc: crate::gc::Collector::default(),
            weakrefs: Default::default(),
            loop_budget: u64::MAX,
            imports: Default::default(),
            native_classes: HashMap::new(),
        };
        for &kind in ExcKind::ALL {
            let base =
                kind.parent().map(|p| vm.exception_types[&p].clone()).unwrap_or(vm.types.object.clone());
            let mut t = TypeObject::builtin(kind.name(), Some(base), None);
            t.exception = Some(kind);
            if kind == ExcKind::BaseException {
                builtins::install_exception_methods(&t.dict);
                crate::exception_methods::install_methods(&t.dict);
            }
            if kind == ExcKind::BaseExceptionGroup {
                crate::exception_group::install_methods(&t.dict);
            }
            if kind == ExcKind::ExceptionGroup {
                // ExceptionGroup derives from both BaseExceptionGroup and Exception.
                let bases = vec![
                    vm.exception_type(ExcKind::BaseExceptionGroup),
                    vm.exception_type(ExcKind::Exception),
                ];
                if let Ok(mut both) = TypeObject::new_class(kind.name(), kind.name(), bases) {
                    both.is_heap_type = false;
                    t = both;
                    t.exception = Some(kind);
                }
            }
            let t = Rc::new(t);
            vm.builtins.set_str(kind.name(), Value::Type(t.clone()));
            vm.exception_types.insert(kind, t);
        }
        builtins::install(&vm.builtins, &vm.types);
        let os_error = Value::Type(vm.exception_type(ExcKind::OSError));
        vm.builtins.set_str("EnvironmentError", os_error.clone());
        vm.builtins.set_str("IOError", os_error);
        vm
    }

    /// The globals of the innermost running Python frame (the caller of a built-in function).
    pub fn current_globals(&self) -> Option<Rc<DictObject>> {
        self.frames.last().map(|f| f.globals.clone())
    }

    /// `locals()` of the innermost running frame: the namespace dict of module and class bodies;
    /// in a function, its bound variables (fast locals, then cells that are not arguments, then
    /// free variables), in CPython's order.
    pub fn current_locals(&self) -> Option<Rc<DictObject>> {
        self.locals_of(self.frames.len().checked_sub(1)?)
    }

    /// `locals()` as frame number `index` would see it.
    pub(crate) fn locals_of(&self, index: usize) -> Option<Rc<DictObject>> {
        let f = self.frames.get(index)?;
        if let Some(l) = &f.locals {
            return Some(l.clone());
        }
        let d = DictObject::new();
        let code = &f.code;
        let ncells = code.cellvars.len();
        for (i, name) in code.varnames.iter().enumerate() {
            // Defensive: bytecode with a wrong handler depth could leave the stack shorter than
            // the locals (what once made os.walk panic here); read that as unbound.
            let v = match code.cellvars.iter().position(|c| c == name) {
                Some(c) => f.cells.get(c).map_or(Value::Null, |cell| cell.borrow().clone()),
                None => self.stack.get(f.base + i).cloned().unwrap_or(Value::Null),
            };
            if !v.is_null() {
                d.set_str(name, v);
            }
        }
        for (i, name) in code.cellvars.iter().enumerate() {
            if !code.varnames.contains(name) {
                let v = f.cells.get(i).map_or(Value::Null, |cell| cell.borrow().clone());
                if !v.is_null() {
                    d.set_str(name, v);
                }
            }
        }
        for (i, name) in code.freevars.iter().enumerate() {
            let v = f.cells.get(ncells + i).map_or(Value::Null, |cell| cell.borrow().clone());
            if !v.is_null() {
                d.set_str(name, v);
            }
        }
        Some(Rc::new(d))
    }

    /// NameError for `name` raised in frame `f`, remembering the names the frame could see for
    /// the "Did you mean" hint.
    #[cold]
    fn name_error(&self, name: &str, f: usize) -> PyErr {
        self.name_error_with(name, f, format!("name '{name}' is not defined"))
    }

    /// An empty cell read or deleted in frame `f`: UnboundLocalError for the frame's own cell
    /// variables; a NameError (with the "Did you mean" material) for free variables.
    #[cold]
    fn unbound_cell(&self, f: usize, slot: u32) -> PyErr {
        let code = &self.frames[f].code;
        let err = crate::frames::unbound_deref(code, slot);
        match err {
            PyErr::New(ExcKind::NameError, msg) => {
                let name =
                    code.freevars.get(slot as usize - code.cellvars.len()).cloned().unwrap_or_default();
                self.name_error_with(&name, f, msg)
            }
            other => other,
        }
    }

    #[cold]
    fn name_error_with(&self, name: &str, f: usize, message: String) -> PyErr {
        let keys = |d: &DictObject| -> Vec<String> {
            d.keys()
                .into_iter()
                .filter_map(|k| if let Value::Str(s) = k { Some(s.to_string()) } else { None })
                .collect()
        };
        let frame = &self.frames[f];
        let locals = match &frame.locals {
            Some(l) => keys(l),
            None => self.current_locals().map(|d| keys(&d)).unwrap_or_default(),
        };
        let groups = vec![locals, keys(&frame.globals), keys(&self.builtins)];
        let exc = ExceptionObject::new(self.exception_type(ExcKind::NameError), vec![Value::str(&message)]);
        *exc.suggest.borrow_mut() =
            Some(crate::exceptions::SuggestFrom::Names { name: name.to_string(), groups });
        PyErr::Raised(Rc::new(exc))
    }

    /// `sys.exc_info()`.
    pub fn exc_info(&self) -> Value {
        match &self.handling {
            Some(e) => Value::Tuple(Rc::new(vec![
                Value::Type(e.class.clone()),
                Value::Exception(e.clone()),
                e.traceback.borrow().clone().map_or(Value::None, Value::Traceback),
            ])),
            None => Value::Tuple(Rc::new(vec![Value::None, Value::None, Value::None])),
        }
    }

    /// `a <op> b` for native code (e.g. `math.prod`).
    pub fn binary_value_op(&mut self, op: BinaryOpKind, a: &Value, b: &Value) -> PyResult<Value> {
        self.binary_op(op as u32, a, b)
    }

    /// `type(v)`.
    pub fn type_of(&self, v: &Value) -> Rc<TypeObject> {
        self.types.of(v)
    }

    /// Runs a class body with `namespace` as its locals (LOAD_NAME/STORE_NAME go there).
    pub fn run_class_body(&mut self, body: &Rc<FunctionObject>, namespace: Rc<DictObject>) -> PyResult<()> {
        let code = body.code.clone();
        let base = self.stack.len();
        self.stack.resize(base + code.varnames.len(), Value::Null);
        let mut cells: Vec<Rc<RefCell<Value>>> = Vec::new();
        for _ in &code.cellvars {
            let cell = Rc::new(RefCell::new(Value::Null));
            self.gc.track(crate::gc::Tracked::Cell(Rc::downgrade(&cell)));
            cells.push(cell);
        }
        cells.extend(body.closure.iter().cloned());
        let cells: Cells = cells.into();
        self.frames.push(Frame {
            code,
            consts: body.consts.clone(),
            pc: 0,
            base,
            floor: base,
            cells,
            globals: body.globals.clone(),
            locals: Some(namespace),
            kw_names: None,
            init_instance: None,
            object: None,
            generator: None,
        });
        let depth = self.frames.len();
        self.native_depth += 1;
        let r = self.run(depth);
        self.native_depth -= 1;
        r.map(|_| ())
    }

    /// For zero-argument `super()`: the `__class__` cell and first argument of the calling frame.
    pub fn caller_class_and_self(&self) -> PyResult<(Rc<TypeObject>, Value)> {
        let err = || PyErr::new(ExcKind::RuntimeError, "super(): no arguments");
        let frame = self.frames.last().ok_or_else(err)?;
        let code = &frame.code;
        if code.argcount == 0 {
            return Err(err());
        }
        let mut first = self.stack[frame.base].clone();
        // A first argument captured by a closure lives in its cell.
        if let Some(i) = code.cellvars.iter().position(|c| *c == code.varnames[0]) {
            first = frame.cells[i].borrow().clone();
        }
        let idx = code
            .cellvars
            .iter()
            .chain(code.freevars.iter())
            .position(|n| n == "__class__")
            .ok_or_else(|| PyErr::new(ExcKind::RuntimeError, "super(): __class__ cell not found"))?;
        match &*frame.cells[idx].borrow() {
            Value::Type(t) => Ok((t.clone(), first)),
            _ => Err(PyErr::new(ExcKind::RuntimeError, "super(): empty __class__ cell")),
        }
    }

    pub fn exception_type(&self, kind: ExcKind) -> Rc<TypeObject> {
        self.exception_types[&kind].clone()
    }

    /// Turns an error into an exception object.
    #[cold]
    pub fn materialize(&self, err: PyErr) -> Rc<ExceptionObject> {
        match err {
            PyErr::Raised(e) | PyErr::Reraised(e) => e,
            PyErr::New(kind, msg) => Rc::new(ExceptionObject::new(
                self.exception_type(kind),
                if msg.is_empty() { vec![] } else { vec![Value::str(&msg)] },
            )),
        }
    }

    /// Runs a module's code object with `globals` as its namespace.
    pub fn run_module(&mut self, code: Rc<CodeObject>, globals: Rc<DictObject>) -> Result<Value, RunError> {
        let consts = self.consts_for(&code);
        let base = self.stack.len();
        self.frames.push(Frame {
            code,
            consts,
            pc: 0,
            base,
            floor: base,
            cells: Rc::new([]),
            globals: globals.clone(),
            locals: Some(globals),
            kw_names: None,
            init_instance: None,
            object: None,
            generator: None,
        });
        let depth = self.frames.len();
        self.run(depth).map_err(|e| RunError::Exception(self.materialize(e)))
    }

    /// One shared `str` object per distinct name, so namespace lookups mostly compare pointers.
    pub fn intern(&mut self, name: &str) -> Value {
        if let Some(v) = self.interned.get(name) {
            return v.clone();
        }
        let v = Value::str(name);
        self.interned.insert(name.to_string(), v.clone());
        v
    }

    /// Counts one backward jump or call against `loop_budget` (the fuzzer's step limit).
    #[inline]
    fn spend_step(&mut self) {
        self.loop_budget -= 1;
        if self.loop_budget == 0 {
            self.step_limit_reached();
        }
    }

    /// The step limit is a testing hook, and Python code must not be able to catch it (a bare
    /// `except:` in a loop would go on forever): the process ends.
    #[cold]
    fn step_limit_reached(&mut self) -> ! {
        let _ = std::io::Write::flush(&mut self.stdout);
        eprintln!("kaa: step limit reached (KAA_STEP_LIMIT)");
        std::process::exit(125);
    }

    /// Forgets every LOAD_GLOBAL cache entry (a full collection does, so stale entries do not
    /// keep dead objects alive).
    pub(crate) fn clear_global_caches(&mut self) {
        for (_, values) in self.const_cache.values() {
            if let Ok(mut cache) = values.global_cache.try_borrow_mut() {
                cache.iter_mut().for_each(|e| *e = None);
            }
        }
    }

    pub(crate) fn consts_for(&mut self, code: &Rc<CodeObject>) -> Rc<CodeValues> {
        let key = Rc::as_ptr(code);
        if let Some((_, c)) = self.const_cache.get(&key) {
            return c.clone();
        }
        let (instructions, attr_caches, name_caches) = crate::objects::function::attach_caches(code);
        let values = CodeValues {
            consts: code.consts.iter().map(const_value).collect(),
            names: code.names.iter().map(|n| self.intern(n)).collect(),
            global_cache: RefCell::new(vec![None; code.names.len()]),
            instructions,
            attr_caches,
            name_caches,
        };
        let rc = Rc::new(values);
        self.const_cache.insert(key, (code.clone(), rc.clone()));
        rc
    }

    #[inline(always)]
    fn push(&mut self, v: Value) {
        self.stack.reserve(1);
        let n = self.stack.len();
        // SAFETY: there is room at n; the value moves in (word by word: see `read_value_words`).
        unsafe {
            crate::value::write_value_words(self.stack.as_mut_ptr().add(n), v);
            self.stack.set_len(n + 1);
        }
    }

    /// Pops the top of the stack (Null if it is empty, which verified bytecode never does).
    /// Written without `Vec::pop`: moving a `Value` out of the `Option` it returns copies the
    /// payload bytes piecewise, and that defeats store forwarding on the hottest path.
    #[inline(always)]
    fn pop(&mut self) -> Value {
        let n = self.stack.len();
        if n == 0 {
            return Value::Null;
        }
        // SAFETY: slot n - 1 is initialized; shortening the vector first hands its ownership
        // to the value read out.
        unsafe {
            self.stack.set_len(n - 1);
            crate::value::read_value_words(self.stack.as_ptr().add(n - 1))
        }
    }

    /// Replaces the two values on top of the stack, which must be inline scalars (nothing to
    /// drop), with `r`: the in-place result of a fast binary operation or comparison.
    #[inline(always)]
    fn replace_scalar_pair(&mut self, r: Value) {
        let n = self.stack.len();
        debug_assert!(n >= 2 && self.stack[n - 1].is_inline() && self.stack[n - 2].is_inline());
        // SAFETY: n >= 2 (the caller just read both slots), and both values are inline
        // scalars, so forgetting the top one and overwriting the other leaks nothing.
        unsafe {
            self.stack.set_len(n - 1);
            crate::value::write_value_words(self.stack.as_mut_ptr().add(n - 2), r);
        }
    }

    #[inline(always)]
    fn top(&self) -> &Value {
        self.stack.last().unwrap_or(&Value::Null)
    }

    /// Runs frames until the frame at depth `entry` returns; its return value is the result.
    /// Exceptions go to the innermost handler of the exception table, frame by frame.
    fn run(&mut self, entry: usize) -> PyResult<Value> {
        self.run_with(entry, None)
    }

    /// `run`, starting with `pending` raised at the top frame's current instruction (how
    /// `generator.throw()` delivers its exception).
    fn run_with(&mut self, entry: usize, mut pending: Option<PyErr>) -> PyResult<Value> {
        loop {
            let err = match pending.take() {
                Some(e) => e,
                None => match self.run_traced_or_not(entry) {
                    Ok(v) => return Ok(v),
                    Err(e) => e,
                },
            };
            let mut in_traceback = matches!(err, PyErr::Reraised(_));
            let mut exc = self.materialize(err);
            if !in_traceback {
                self.chain_context(&exc);
            }
            loop {
                if !in_traceback {
                    self.add_traceback_here(&exc);
                }
                let frame = self.frames.last_mut().expect("a running frame");
                let index = frame.pc.saturating_sub(1);
                let handler = frame
                    .code
                    .exception_table
                    .iter()
                    .find(|e| e.start as usize <= index && index < e.end as usize);
                if let Some(h) = handler {
                    frame.pc = h.target as usize;
                    let keep = frame.base + frame.code.varnames.len() + h.depth as usize;
                    self.stack.truncate(keep);
                    self.stack.push(Value::Exception(exc.clone()));
                    break;
                }
                if self.frames.last().is_some_and(Frame::object_outlives_frame) {
                    self.record_frame_state(self.frames.len() - 1);
                }
                let frame = self.frames.pop().expect("a running frame");
                self.stack.truncate(frame.floor);
                if let Some(g) = frame.generator {
                    g.state.set(GenState::Finished);
                    exc = self.escaping_generator(&g, exc);
                }
                if self.frames.len() < entry {
                    return Err(PyErr::Raised(exc));
                }
                // The caller sees the exception at its CALL instruction.
                in_traceback = false;
            }
        }
    }

    /// The loop, traced only while a tracer is installed.
    fn run_traced_or_not(&mut self, entry: usize) -> PyResult<Value> {
        if self.tracer.is_some() {
            self.run_until_error::<true>(entry)
        } else {
            self.run_until_error::<false>(entry)
        }
    }

    /// Records the exception being handled as the new one's `__context__`, as raising inside an
    /// `except` or `finally` block does.
    fn chain_context(&self, exc: &Rc<ExceptionObject>) {
        if let Some(current) = &self.handling {
            if !Rc::ptr_eq(current, exc) && exc.context.borrow().is_none() {
                *exc.context.borrow_mut() = Some(current.clone());
            }
        }
    }

    /// The interpreter loop; `TRACE` is the instantiation `kaa --trace` runs (see `trace.rs`).
    fn run_until_error<const TRACE: bool>(&mut self, entry: usize) -> PyResult<Value> {
        let mut f = self.frames.len() - 1;
        let mut code = self.frames[f].code.clone();
        let mut consts = self.frames[f].consts.clone();
        let mut pc = self.frames[f].pc;
        let mut base = self.frames[f].base;
        macro_rules! save_pc {
            () => {
                self.frames[f].pc = pc
            };
        }
        // Where finalizers and weakref callbacks queued by destructors run (`gc/`): after
        // instructions that typically drop the last reference to something, and at calls and
        // backward jumps.
        macro_rules! gc_safe_point {
            () => {
                if self.gc.signals.attention.get() {
                    save_pc!();
                    self.gc_safe_point();
                }
            };
        }
        loop {
            if TRACE && self.tracer.is_some() {
                self.trace_instruction(&code, pc, base + code.varnames.len());
            }
            let ins = consts.instructions[pc];
            pc += 1;
            let arg = ins.arg();
            match ins.op() {
                Opcode::Nop | Opcode::Resume => {}
                Opcode::PopTop => {
                    self.pop().discard();
                    gc_safe_point!();
                }
                Opcode::PushNull => self.push(Value::Null),
                Opcode::Copy => {
                    let v = self.stack[self.stack.len() - arg as usize].clone();
                    self.push(v);
                }
                Opcode::Swap => {
                    let n = self.stack.len();
                    self.stack.swap(n - 1, n - arg as usize);
                }
                Opcode::LoadConst => push_clone(&mut self.stack, &consts.consts[arg as usize]),
                Opcode::LoadFast => {
                    let slot = base + arg as usize;
                    if self.stack[slot].is_null() {
                        save_pc!();
                        return Err(unbound_local(&code, arg));
                    }
                    push_clone_of_slot(&mut self.stack, slot);
                }
                Opcode::StoreFast => {
                    let v = self.pop();
                    std::mem::replace(&mut self.stack[base + arg as usize], v).discard();
                }
                Opcode::DeleteFast => {
                    if self.stack[base + arg as usize].is_null() {
                        save_pc!();
                        return Err(unbound_local(&code, arg));
                    }
                    self.stack[base + arg as usize] = Value::Null;
                    gc_safe_point!();
                }
                Opcode::LoadDeref | Opcode::LoadClosure => {
                    let cell = self.frames[f].cells[arg as usize].clone();
                    if ins.op() == Opcode::LoadClosure {
                        self.push(Value::Cell(cell));
                    } else {
                        let v = cell.borrow().clone();
                        if v.is_null() {
                            save_pc!();
                            return Err(self.unbound_cell(f, arg));
                        }
                        self.push(v);
                    }
                }
                Opcode::DeleteDeref => {
                    let cell = self.frames[f].cells[arg as usize].clone();
                    if cell.borrow().is_null() {
                        save_pc!();
                        return Err(self.unbound_cell(f, arg));
                    }
                    *cell.borrow_mut() = Value::Null;
                }
                Opcode::StoreDeref => {
                    let v = self.pop();
                    *self.frames[f].cells[arg as usize].borrow_mut() = v;
                }
                Opcode::LoadGlobal => {
                    let idx = (arg >> 1) as usize;
                    let globals = &self.frames[f].globals;
                    let (gp, gv, bv) =
                        (Rc::as_ptr(globals) as usize, globals.version(), self.builtins.version());
                    let hit = match &consts.global_cache.borrow()[idx] {
                        Some(e) if e.globals == gp && e.globals_version == gv && e.builtins_version == bv => {
                            Some(e.value.clone())
                        }
                        _ => None,
                    };
                    let v = match hit {
                        Some(v) => v,
                        None => {
                            let key = &consts.names[idx];
                            let found = match globals.get(key)? {
                                Some(v) => Some(v),
                                None => self.builtins.get(key)?,
                            };
                            let Some(v) = found else {
                                save_pc!();
                                return Err(self.name_error(&code.names[idx], f));
                            };
                            consts.global_cache.borrow_mut()[idx] = Some(GlobalCacheEntry {
                                globals: gp,
                                globals_version: gv,
                                builtins_version: bv,
                                value: v.clone(),
                            });
                            v
                        }
                    };
                    if arg & 1 == 1 {
                        self.push(Value::Null);
                    }
                    self.push(v);
                }
                Opcode::LoadName => {
                    let cache = &consts.name_caches[arg as usize];
                    let idx = cache.name;
                    let Value::Str(key) = &consts.names[idx as usize] else { unreachable!() };
                    let frame = &self.frames[f];
                    let found = match &frame.locals {
                        Some(l) => match l.get_hinted(key, &cache.dict_hint) {
                            None if l.is_routed() => {
                                let l = l.clone();
                                save_pc!();
                                self.routed_load(&l, &consts.names[idx as usize])?
                            }
                            found => found,
                        },
                        None => None,
                    };
                    let frame = &self.frames[f];
                    let found = match found {
                        Some(v) => Some(v),
                        None => match frame.globals.get_hinted(key, &cache.dict_hint) {
                            Some(v) => Some(v),
                            None => self.builtins.get_hinted(key, &cache.builtins_hint),
                        },
                    };
                    let Some(v) = found else {
                        save_pc!();
                        return Err(self.name_error(&code.names[idx as usize], f));
                    };
                    self.push(v);
                }
                Opcode::StoreName => {
                    let v = self.pop();
                    let cache = &consts.name_caches[arg as usize];
                    let Value::Str(key) = &consts.names[cache.name as usize] else { unreachable!() };
                    let frame = &self.frames[f];
                    let ns = frame.locals.as_ref().unwrap_or(&frame.globals);
                    if ns.is_routed() {
                        let ns = ns.clone();
                        save_pc!();
                        self.routed_store(&ns, consts.names[cache.name as usize].clone(), v)?;
                        continue;
                    }
                    ns.set_hinted(key, v, &cache.dict_hint);
                    gc_safe_point!();
                }
                Opcode::StoreGlobal => {
                    let v = self.pop();
                    self.frames[f].globals.set(consts.names[arg as usize].clone(), v)?;
                    gc_safe_point!();
                }
                Opcode::DeleteName | Opcode::DeleteGlobal => {
                    let name_index = match ins.op() {
                        Opcode::DeleteName => consts.name_caches[arg as usize].name,
                        _ => arg,
                    };
                    let name = &code.names[name_index as usize];
                    let frame = &self.frames[f];
                    let ns = match (&frame.locals, ins.op()) {
                        (Some(l), Opcode::DeleteName) => l.clone(),
                        _ => frame.globals.clone(),
                    };
                    if ns.is_routed() {
                        save_pc!();
                        let name = name.clone();
                        if !self.routed_delete(&ns, &Value::str(&name))? {
                            return Err(self.name_error(&name, f));
                        }
                        continue;
                    }
                    if ns.remove(&Value::str(name))?.is_none() {
                        save_pc!();
                        let name = name.clone();
                        return Err(self.name_error(&name, f));
                    }
                    gc_safe_point!();
                }
                Opcode::LoadAttr => {
                    let cache = &consts.attr_caches[arg as usize];
                    let obj = self.pop();
                    save_pc!();
                    if let Value::Instance(inst) = &obj {
                        match cached_instance_load(cache, inst, &consts.names) {
                            Some(CachedLoad::Own(v) | CachedLoad::ClassValue(v)) => {
                                self.push(v);
                                continue;
                            }
                            Some(CachedLoad::Method(f)) => {
                                self.push(Value::BoundMethod(Rc::new((f, obj))));
                                continue;
                            }
                            None => {}
                        }
                    }
                    // A module's attribute is its namespace entry (`math.pi`).
                    if let Value::Module(m) = &obj {
                        if let Some(v) =
                            m.dict.get_hinted(cached_name(cache, &consts.names), &cache.dict_hint)
                        {
                            self.push(v);
                            continue;
                        }
                    }
                    let v = self.get_attr(&obj, &code.names[cache.name as usize])?;
                    self.push(v);
                }
                Opcode::LoadMethod => {
                    let cache = &consts.attr_caches[arg as usize];
                    let obj = self.pop();
                    save_pc!();
                    // A plain function found on the class is called with obj as self, unbound.
                    if let Value::Instance(inst) = &obj {
                        match cached_instance_load(cache, inst, &consts.names) {
                            Some(CachedLoad::Own(v) | CachedLoad::ClassValue(v)) => {
                                self.push(Value::Null);
                                self.push(v);
                                continue;
                            }
                            Some(CachedLoad::Method(f)) => {
                                self.push(f);
                                self.push(obj);
                                continue;
                            }
                            None => {}
                        }
                    }
                    // A module's function (`math.sqrt(x)`): its namespace entry, called plainly.
                    if let Value::Module(m) = &obj {
                        if let Some(v) =
                            m.dict.get_hinted(cached_name(cache, &consts.names), &cache.dict_hint)
                        {
                            self.push(Value::Null);
                            self.push(v);
                            continue;
                        }
                    }
                    // A method of a built-in type (`items.append`): the unbound native function
                    // is pushed with obj as its first argument, so no bound method is made.
                    if let Some(tag) = builtin_method_tag(&obj) {
                        let entry = match cache.lookup(tag) {
                            Some(e) => e,
                            None => {
                                fill_builtin_method_cache(cache, &obj, &code.names[cache.name as usize], tag)
                            }
                        };
                        if entry.kind.get() == AttrKind::BuiltinMethod {
                            let f = entry.class_value.borrow().clone();
                            self.push(f);
                            self.push(obj);
                            continue;
                        }
                    }
                    let v = self.get_attr(&obj, &code.names[cache.name as usize])?;
                    self.push(Value::Null);
                    self.push(v);
                }
                Opcode::StoreAttr => {
                    let cache = &consts.attr_caches[arg as usize];
                    let obj = self.pop();
                    let value = self.pop();
                    save_pc!();
                    if let Value::Instance(inst) = &obj {
                        let entry = instance_entry(cache, inst, &consts.names, true);
                        match entry.kind.get() {
                            AttrKind::StoreToDict => {
                                inst.dict.set_hinted(
                                    cached_name(cache, &consts.names),
                                    value,
                                    &cache.dict_hint,
                                );
                                continue;
                            }
                            AttrKind::Slot => {
                                let mut slots = inst.slots.borrow_mut();
                                if let Some(slot) = slots.get_mut(entry.slot.get() as usize) {
                                    let old = std::mem::replace(slot, value);
                                    drop(slots);
                                    old.discard();
                                    continue;
                                }
                                drop(slots);
                                self.set_attr(&obj, &code.names[cache.name as usize], value)?;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    self.set_attr(&obj, &code.names[cache.name as usize], value)?;
                }
                Opcode::DeleteAttr => {
                    let obj = self.pop();
                    save_pc!();
                    self.del_attr(&obj, &code.names[arg as usize])?;
                    drop(obj);
                    gc_safe_point!();
                }
                Opcode::BinaryOp => {
                    // Fast paths: small ints that do not overflow, and floats, computed in place.
                    let n = self.stack.len();
                    if let Some(r) = fast_binary_op(arg, &self.stack[n - 2], &self.stack[n - 1]) {
                        self.replace_scalar_pair(r);
                        continue;
                    }
                    let b = self.pop();
                    let a = self.pop();
                    save_pc!();
                    let r = self.binary_op(arg, &a, &b)?;
                    self.push(r);
                }
                Opcode::CompareOp => {
                    let n = self.stack.len();
                    let fast = match (&self.stack[n - 2], &self.stack[n - 1]) {
                        (Value::Int(x), Value::Int(y)) => Some(compare_ord(arg, x.cmp(y))),
                        (Value::Float(x), Value::Float(y)) => Some(compare_floats(arg, *x, *y)),
                        _ => None,
                    };
                    if let Some(r) = fast {
                        self.replace_scalar_pair(Value::Bool(r));
                        continue;
                    }
                    let b = self.pop();
                    let a = self.pop();
                    save_pc!();
                    let r = self.compare_value(CompareKind::ALL[arg as usize], &a, &b)?;
                    self.push(r);
                }
                Opcode::IsOp => {
                    let b = self.pop();
                    let a = self.pop();
                    self.push(Value::Bool(a.is(&b) != (arg == 1)));
                }
                Opcode::ContainsOp => {
                    let container = self.pop();
                    let item = self.pop();
                    save_pc!();
                    let r = self.contains(&container, &item)?;
                    self.push(Value::Bool(r != (arg == 1)));
                }
                Opcode::UnaryNot => {
                    let v = self.pop();
                    save_pc!();
                    let t = self.truthy(&v)?;
                    self.push(Value::Bool(!t));
                }
                Opcode::UnaryNegative | Opcode::UnaryPositive | Opcode::UnaryInvert => {
                    let v = self.pop();
                    save_pc!();
                    let r = self.unary(ins.op(), &v)?;
                    self.push(r);
                }
                Opcode::BinarySubscr => {
                    // stack: container, key -> item
                    if subscript_in_place(&mut self.stack) {
                        continue;
                    }
                    let key = self.pop();
                    let container = self.pop();
                    if let Some(v) = fast_subscript(&container, &key) {
                        key.discard();
                        drop_container(container);
                        self.push(v);
                        continue;
                    }
                    save_pc!();
                    let r = self.subscript(&container, &key)?;
                    self.push(r);
                }
                Opcode::StoreSubscr => {
                    let key = self.pop();
                    let container = self.pop();
                    let value = self.pop();
                    // Fast path: a list item by an in-range int index.
                    if let (Value::List(l), Value::Int(i)) = (&container, &key) {
                        let mut items = l.borrow_mut();
                        let len = items.len() as i64;
                        let i = if *i < 0 { *i + len } else { *i };
                        if (0..len).contains(&i) {
                            let old = std::mem::replace(&mut items[i as usize], value);
                            drop(items);
                            old.discard();
                            drop_container(container);
                            continue;
                        }
                        drop(items);
                    }
                    save_pc!();
                    self.store_subscript(&container, key, value)?;
                }
                Opcode::DeleteSubscr => {
                    let key = self.pop();
                    let container = self.pop();
                    save_pc!();
                    self.delete_subscript(&container, &key)?;
                }
                Opcode::BuildSlice => {
                    let step = if arg == 3 { self.pop() } else { Value::None };
                    let stop = self.pop();
                    let start = self.pop();
                    self.push(Value::Slice(Rc::new((start, stop, step))));
                }
                Opcode::BuildTuple | Opcode::BuildList | Opcode::BuildSet => {
                    let items = self.stack.split_off(self.stack.len() - arg as usize);
                    let v = match ins.op() {
                        Opcode::BuildTuple => Value::Tuple(Rc::new(items)),
                        Opcode::BuildList => self.new_list(items),
                        _ => {
                            save_pc!();
                            let set = crate::objects::set::SetObject::new(false);
                            for item in items {
                                crate::objects::key_lookup::set_add(self, &set, item)?;
                            }
                            let set = Value::Set(Rc::new(set));
                            self.gc_track(&set);
                            set
                        }
                    };
                    self.push(v);
                }
                Opcode::BuildMap => {
                    let items = self.stack.split_off(self.stack.len() - 2 * arg as usize);
                    let d = DictObject::new();
                    save_pc!();
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        crate::objects::key_lookup::dict_set(self, &d, k, v)?;
                    }
                    let d = self.new_dict(d);
                    self.push(d);
                }
                Opcode::BuildString => {
                    let parts = self.stack.split_off(self.stack.len() - arg as usize);
                    let mut s = String::new();
                    for p in &parts {
                        if let Value::Str(t) = p {
                            s.push_str(t);
                        }
                    }
                    self.push(Value::str(&s));
                }
                Opcode::ListExtend => {
                    let items = self.pop();
                    save_pc!();
                    let items = self.collect_iterable(&items)?;
                    let idx = self.stack.len() - arg as usize;
                    if let Value::List(l) = &self.stack[idx] {
                        l.borrow_mut().extend(items);
                    }
                }
                Opcode::ListToTuple => {
                    let v = self.pop();
                    let items = match v {
                        Value::List(l) => l.borrow().clone(),
                        _ => Vec::new(),
                    };
                    self.push(Value::Tuple(Rc::new(items)));
                }
                Opcode::SetAdd | Opcode::SetUpdate => {
                    let v = self.pop();
                    save_pc!();
                    let idx = self.stack.len() - arg as usize;
                    let Value::Set(set) = self.stack[idx].clone() else { continue };
                    if ins.op() == Opcode::SetAdd {
                        crate::objects::key_lookup::set_add(self, &set, v)?;
                    } else {
                        let t = crate::objects::set_methods::table_of(self, &v)?;
                        set.table.borrow_mut().merge(&t);
                    }
                }
                Opcode::MapAdd => {
                    let value = self.pop();
                    let key = self.pop();
                    save_pc!();
                    let idx = self.stack.len() - arg as usize;
                    if let Value::Dict(d) = self.stack[idx].clone() {
                        crate::objects::key_lookup::dict_set(self, &d, key, value)?;
                    }
                }
                Opcode::DictUpdate | Opcode::DictMerge => {
                    let source = self.pop();
                    save_pc!();
                    let idx = self.stack.len() - arg as usize;
                    let Value::Dict(target) = self.stack[idx].clone() else { continue };
                    let pairs = match &source {
                        Value::Dict(d) => d.items(),
                        Value::Instance(_) if self.type_of(&source).lookup("keys").is_some() => {
                            crate::objects::builtin_subclass::mapping_items(self, &source)?
                        }
                        other if ins.op() == Opcode::DictMerge => {
                            return Err(PyErr::type_error(format!(
                                "argument after ** must be a mapping, not {}",
                                other.type_name()
                            )))
                        }
                        other => {
                            return Err(PyErr::type_error(format!(
                                "'{}' object is not a mapping",
                                other.type_name()
                            )))
                        }
                    };
                    for (k, v) in pairs {
                        if ins.op() == Opcode::DictMerge && target.get(&k)?.is_some() {
                            let callee = self.stack.get(idx.wrapping_sub(2)).cloned().unwrap_or(Value::None);
                            let name = self.callable_name(&callee);
                            let key = self.str(&k)?;
                            return Err(PyErr::type_error(format!(
                                "{name} got multiple values for keyword argument '{key}'"
                            )));
                        }
                        target.set(k, v)?;
                    }
                }
                Opcode::CallFunctionEx => {
                    let kwargs = if arg & 1 == 1 { Some(self.pop()) } else { None };
                    let args = self.pop();
                    let callable = self.pop();
                    let self_or_null = self.pop();
                    save_pc!();
                    let mut positional = match args {
                        Value::Tuple(t) => t.to_vec(),
                        other => self.collect_iterable(&other)?,
                    };
                    let (callable, self_arg) = if self_or_null.is_null() {
                        (callable, None)
                    } else {
                        (self_or_null, Some(callable))
                    };
                    if let Some(s) = self_arg {
                        positional.insert(0, s);
                    }
                    let mut keywords = Vec::new();
                    if let Some(Value::Dict(d)) = kwargs {
                        for (k, v) in d.items() {
                            match k {
                                Value::Str(s) => keywords.push((s, v)),
                                _ => return Err(PyErr::type_error("keywords must be strings")),
                            }
                        }
                    }
                    let r = self.call_value(&callable, positional, keywords)?;
                    self.push(r);
                }
                Opcode::UnpackEx => {
                    let seq = self.pop();
                    save_pc!();
                    let items = self.collect_iterable(&seq)?;
                    let (before, after) = ((arg & 0xFF) as usize, (arg >> 8) as usize);
                    if items.len() < before + after {
                        return Err(PyErr::value_error(format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            before + after,
                            items.len()
                        )));
                    }
                    let middle = items[before..items.len() - after].to_vec();
                    for v in items[items.len() - after..].iter().rev() {
                        self.push(v.clone());
                    }
                    let middle = self.new_list(middle);
                    self.push(middle);
                    for v in items[..before].iter().rev() {
                        self.push(v.clone());
                    }
                }
                Opcode::BeforeWith => {
                    let manager = self.pop();
                    save_pc!();
                    let class = self.type_of(&manager);
                    let (Some(enter), Some(exit)) = (class.lookup("__enter__"), class.lookup("__exit__"))
                    else {
                        let missing = if class.lookup("__enter__").is_none() {
                            ""
                        } else {
                            " (missed __exit__ method)"
                        };
                        return Err(PyErr::type_error(format!(
                            "'{}' object does not support the context manager protocol{missing}",
                            class.name
                        )));
                    };
                    let exit_bound = Value::BoundMethod(Rc::new((exit, manager.clone())));
                    self.push(exit_bound);
                    let r = self.call_value(&enter, vec![manager], Vec::new())?;
                    self.push(r);
                }
                Opcode::WithExceptStart => {
                    let n = self.stack.len();
                    let exit = self.stack[n - 3].clone();
                    let exc = self.stack[n - 1].clone();
                    save_pc!();
                    let class = match &exc {
                        Value::Exception(e) => Value::Type(e.class.clone()),
                        _ => Value::None,
                    };
                    let r = self.call_value(&exit, vec![class, exc, Value::None], Vec::new())?;
                    self.push(r);
                }
                Opcode::GetAwaitable => {
                    let v = self.pop();
                    save_pc!();
                    let a = self.awaitable(v)?;
                    self.push(a);
                }
                Opcode::BeforeAsyncWith => {
                    let manager = self.pop();
                    save_pc!();
                    let class = self.type_of(&manager);
                    let (Some(enter), Some(exit)) = (class.lookup("__aenter__"), class.lookup("__aexit__"))
                    else {
                        let missing = if class.lookup("__aenter__").is_none() {
                            ""
                        } else {
                            " (missed __aexit__ method)"
                        };
                        return Err(PyErr::type_error(format!(
                            "'{}' object does not support the asynchronous context manager protocol{missing}",
                            class.name
                        )));
                    };
                    self.push(Value::BoundMethod(Rc::new((exit, manager.clone()))));
                    let r = self.call_value(&enter, vec![manager], Vec::new())?;
                    self.push(r);
                }
                Opcode::GetAiter => {
                    let v = self.pop();
                    save_pc!();
                    if matches!(&v, Value::Generator(g) if g.is_async_generator) {
                        self.push(v);
                        continue;
                    }
                    match self.call_dunder(&v, "__aiter__", &[])? {
                        Some(it) => self.push(it),
                        None => {
                            return Err(PyErr::type_error(format!(
                                "'async for' requires an object with __aiter__ method, got {}",
                                v.type_name()
                            )))
                        }
                    }
                }
                Opcode::GetAnext => {
                    let it = self.top().clone();
                    save_pc!();
                    if let Value::Generator(g) = &it {
                        if g.is_async_generator {
                            let op = self.async_gen_anext(g);
                            self.push(op);
                            continue;
                        }
                    }
                    match self.call_dunder(&it, "__anext__", &[])? {
                        Some(a) => self.push(a),
                        None => {
                            return Err(PyErr::type_error(format!(
                                "'async for' requires an iterator with __anext__ method, got {}",
                                it.type_name()
                            )))
                        }
                    }
                }
                Opcode::EndAsyncFor => {
                    let exc = self.pop();
                    save_pc!();
                    let stop = self.exception_type(ExcKind::StopAsyncIteration);
                    match exc {
                        Value::Exception(e) if e.class.is_subclass(&stop) => {
                            self.pop();
                        }
                        Value::Exception(e) => return Err(PyErr::Reraised(e)),
                        _ => {
                            return Err(PyErr::new(
                                ExcKind::SystemError,
                                "END_ASYNC_FOR without an exception",
                            ))
                        }
                    }
                }
                Opcode::MatchSequence | Opcode::MatchMapping => {
                    let v = self.top().clone();
                    let is = if ins.op() == Opcode::MatchSequence {
                        self.is_match_sequence(&v)
                    } else {
                        matches!(v, Value::Dict(_))
                            || matches!(&v, Value::Instance(i) if i.class.lookup("keys").is_some() && i.class.lookup("__getitem__").is_some())
                    };
                    self.push(Value::Bool(is));
                }
                Opcode::GetLen => {
                    let v = self.top().clone();
                    save_pc!();
                    let n = self.len_of(&v)?;
                    self.push(Value::Int(n as i64));
                }
                Opcode::MatchKeys => {
                    let keys = self.top().clone();
                    let subject = self.stack[self.stack.len() - 2].clone();
                    save_pc!();
                    let values = self.match_keys(&subject, &keys)?;
                    self.push(values);
                }
                Opcode::CopyDictWithoutKeys => {
                    let keys = self.top().clone();
                    let subject = self.stack[self.stack.len() - 2].clone();
                    save_pc!();
                    let rest = DictObject::new();
                    let pairs = match &subject {
                        Value::Dict(d) => d.items(),
                        _ => Vec::new(),
                    };
                    let Value::Tuple(keys) = keys else { continue };
                    for (k, v) in pairs {
                        let mut skip = false;
                        for key in keys.iter() {
                            if self.equals(&k, key)? {
                                skip = true;
                                break;
                            }
                        }
                        if !skip {
                            rest.set(k, v)?;
                        }
                    }
                    self.push(Value::Dict(Rc::new(rest)));
                }
                Opcode::MatchClass => {
                    let names = self.pop();
                    let cls = self.pop();
                    let subject = self.pop();
                    save_pc!();
                    let r = self.match_class(&subject, &cls, arg as usize, &names)?;
                    self.push(r);
                }
                Opcode::ImportName => {
                    let fromlist = self.pop();
                    let level = match self.pop() {
                        Value::Int(l) => l,
                        _ => 0,
                    };
                    save_pc!();
                    let m = self.import_name(&code.names[arg as usize], &fromlist, level)?;
                    self.push(m);
                }
                Opcode::ImportFrom => {
                    let module = self.top().clone();
                    save_pc!();
                    let v = self.import_from(&module, &code.names[arg as usize])?;
                    self.push(v);
                }
                Opcode::ImportStar => {
                    let module = self.pop();
                    save_pc!();
                    let frame = &self.frames[f];
                    let ns = frame.locals.clone().unwrap_or_else(|| frame.globals.clone());
                    self.import_star(&module, &ns)?;
                }
                Opcode::ListAppend => {
                    let v = self.pop();
                    let idx = self.stack.len() - arg as usize;
                    if let Value::List(l) = &self.stack[idx] {
                        l.borrow_mut().push(v);
                    }
                }
                Opcode::FormatValue => {
                    let spec = if arg & 4 != 0 { Some(self.pop()) } else { None };
                    let v = self.pop();
                    save_pc!();
                    let v = match arg & 3 {
                        1 => Value::str(&self.str(&v)?),
                        2 => Value::str(&self.repr(&v)?),
                        3 => Value::str(&builtins::ascii_of(&self.repr(&v)?)),
                        _ => v,
                    };
                    let spec = match &spec {
                        Some(Value::Str(s)) => s.to_string(),
                        _ => String::new(),
                    };
                    let s = match (&v, spec.is_empty()) {
                        (Value::Str(_), true) => v,
                        _ => Value::str(&builtins::format_value(self, &v, &spec)?),
                    };
                    self.push(s);
                }
                Opcode::UnpackSequence => {
                    let seq = self.pop();
                    // Fast path: a tuple or list of the right length.
                    match &seq {
                        Value::Tuple(t) if t.len() == arg as usize => {
                            self.stack.extend(t.iter().rev().cloned());
                            continue;
                        }
                        Value::List(l) if l.borrow().len() == arg as usize => {
                            self.stack.extend(l.borrow().iter().rev().cloned());
                            continue;
                        }
                        _ => {}
                    }
                    save_pc!();
                    let items = self.collect_iterable(&seq)?;
                    if items.len() != arg as usize {
                        return Err(if items.len() > arg as usize {
                            PyErr::value_error(format!("too many values to unpack (expected {arg})"))
                        } else {
                            PyErr::value_error(format!(
                                "not enough values to unpack (expected {arg}, got {})",
                                items.len()
                            ))
                        });
                    }
                    self.stack.extend(items.into_iter().rev());
                }
                Opcode::JumpForward => pc += arg as usize,
                Opcode::JumpBackward => {
                    if crate::interrupt::pending() && crate::interrupt::take() {
                        save_pc!();
                        self.run_signal_handlers()?;
                    }
                    pc -= arg as usize;
                    self.spend_step();
                    gc_safe_point!();
                }
                Opcode::PopJumpForwardIfFalse | Opcode::PopJumpForwardIfTrue => {
                    let v = self.pop();
                    let t = match v {
                        Value::Bool(b) => b,
                        _ => {
                            save_pc!();
                            self.truthy(&v)?
                        }
                    };
                    if t == (ins.op() == Opcode::PopJumpForwardIfTrue) {
                        pc += arg as usize;
                    }
                }
                Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => {
                    let v = self.top().clone();
                    save_pc!();
                    let t = self.truthy(&v)?;
                    if t == (ins.op() == Opcode::JumpIfTrueOrPop) {
                        pc += arg as usize;
                    } else {
                        self.pop();
                    }
                }
                Opcode::GetIter => {
                    let v = self.pop();
                    save_pc!();
                    let it = self.get_iter(&v)?;
                    self.push(it);
                }
                Opcode::ForIter => {
                    let next = match self.top() {
                        Value::Generator(g) if self.inline_resumable(g, true) => {
                            let g = g.clone();
                            save_pc!();
                            self.resume_inline(g, Value::None);
                            f = self.frames.len() - 1;
                            code = self.frames[f].code.clone();
                            consts = self.frames[f].consts.clone();
                            pc = self.frames[f].pc;
                            base = self.frames[f].base;
                            continue;
                        }
                        Value::Iterator(it) => {
                            let it = it.clone();
                            save_pc!();
                            self.iter_next(&it)?
                        }
                        other => {
                            let other = other.clone();
                            save_pc!();
                            self.next_of(&other)?
                        }
                    };
                    match next {
                        Some(v) => self.push(v),
                        None => {
                            self.pop();
                            pc += arg as usize;
                        }
                    }
                }
                Opcode::KwNames => {
                    if let Value::Tuple(t) = &consts.consts[arg as usize] {
                        self.frames[f].kw_names = Some(t.clone());
                    }
                }
                Opcode::Call => {
                    self.spend_step();
                    gc_safe_point!();
                    if self.frames[f].kw_names.is_none()
                        && (self.try_call_in_place(arg as usize) || self.try_construct_in_place(arg as usize))
                    {
                        // The callee's frame now sits on top: switch to it.
                        self.frames[f].pc = pc;
                        f = self.frames.len() - 1;
                        code = self.frames[f].code.clone();
                        consts = self.frames[f].consts.clone();
                        pc = 0;
                        base = self.frames[f].base;
                        continue;
                    }
                    // Built-in functions and methods called positionally: the arguments move to a
                    // reused buffer instead of a fresh Vec.
                    if self.frames[f].kw_names.is_none() {
                        let argc = arg as usize;
                        let callable_at = self.stack.len() - argc - 2;
                        let (callee, args_start) = if self.stack[callable_at].is_null() {
                            (&self.stack[callable_at + 1], callable_at + 2)
                        } else {
                            (&self.stack[callable_at], callable_at + 1)
                        };
                        let native = match callee {
                            Value::Builtin(b) if b.bound_self.is_none() => Some(b.func),
                            // Built-in types whose call is their constructor (`str(x)`, `len` is above).
                            Value::Type(t) if !t.is_heap_type && t.exception.is_none() => t.constructor,
                            _ => None,
                        };
                        if let Some(func) = native {
                            {
                                let mut args = std::mem::take(&mut self.call_args);
                                args.extend(self.stack.drain(args_start..));
                                self.stack.truncate(callable_at);
                                save_pc!();
                                let r = func(self, &args, &[]);
                                args.clear();
                                self.call_args = args;
                                self.push(r?);
                                continue;
                            }
                        }
                    }
                    let kw_names = self.frames[f].kw_names.take();
                    let nkw = kw_names.as_ref().map_or(0, |k| k.len());
                    let argc = arg as usize;
                    let callable_at = self.stack.len() - argc - 2;
                    let (callable, self_arg) = if self.stack[callable_at].is_null() {
                        (self.stack[callable_at + 1].clone(), None)
                    } else {
                        (self.stack[callable_at].clone(), Some(self.stack[callable_at + 1].clone()))
                    };
                    let mut args: Vec<Value> = self.stack.split_off(callable_at + 2);
                    self.stack.truncate(callable_at);
                    if let Some(s) = self_arg {
                        args.insert(0, s);
                    }
                    let kwargs: Vec<(Name, Value)> = match &kw_names {
                        Some(names) => {
                            let kwvals = args.split_off(args.len() - nkw);
                            names
                                .iter()
                                .zip(kwvals)
                                .map(|(n, v)| {
                                    (
                                        if let Value::Str(s) = n {
                                            s.clone()
                                        } else {
                                            Rc::new(crate::objects::str::StrObject::new(""))
                                        },
                                        v,
                                    )
                                })
                                .collect()
                        }
                        None => Vec::new(),
                    };
                    save_pc!();
                    match &callable {
                        Value::Function(func) => {
                            if self.frames.len() >= self.recursion_limit {
                                return Err(PyErr::new(
                                    ExcKind::RecursionError,
                                    "maximum recursion depth exceeded",
                                ));
                            }
                            self.push_frame(func, args, kwargs)?;
                            if func.code.flags.0 & SUSPENDABLE != 0 {
                                let g = self.detach_generator(func);
                                self.push(g);
                                continue;
                            }
                            f = self.frames.len() - 1;
                            code = self.frames[f].code.clone();
                            consts = self.frames[f].consts.clone();
                            pc = 0;
                            base = self.frames[f].base;
                        }
                        _ => {
                            let r = self.call_value(&callable, args, kwargs)?;
                            self.push(r);
                        }
                    }
                }
                Opcode::MakeFunction => {
                    let code_v = self.pop();
                    let closure = if arg & 8 != 0 { Some(self.pop()) } else { None };
                    let annotations = if arg & 4 != 0 { Some(self.pop()) } else { None };
                    let kwdefaults = if arg & 2 != 0 { Some(self.pop()) } else { None };
                    let defaults = if arg & 1 != 0 { Some(self.pop()) } else { None };
                    let Value::Code(fcode) = code_v else {
                        save_pc!();
                        return Err(PyErr::new(ExcKind::SystemError, "MAKE_FUNCTION without a code object"));
                    };
                    let fconsts = self.consts_for(&fcode);
                    let tuple_items = |v: Option<Value>| match v {
                        Some(Value::Tuple(t)) => t.to_vec(),
                        _ => Vec::new(),
                    };
                    let pairs = |items: Vec<Value>| {
                        items
                            .chunks(2)
                            .map(|c| {
                                (
                                    if let Value::Str(s) = &c[0] {
                                        s.clone()
                                    } else {
                                        Rc::new(crate::objects::str::StrObject::new(""))
                                    },
                                    c[1].clone(),
                                )
                            })
                            .collect::<Vec<_>>()
                    };
                    let kwdefaults = match kwdefaults {
                        Some(Value::Dict(d)) => d
                            .items()
                            .into_iter()
                            .map(|(k, v)| {
                                (
                                    if let Value::Str(s) = k {
                                        s
                                    } else {
                                        Rc::new(crate::objects::str::StrObject::new(""))
                                    },
                                    v,
                                )
                            })
                            .collect(),
                        _ => Vec::new(),
                    };
                    let closure: Cells = tuple_items(closure)
                        .into_iter()
                        .filter_map(|c| if let Value::Cell(c) = c { Some(c) } else { None })
                        .collect();
                    let func = FunctionObject {
                        name: TypeName::from_string(fcode.name.clone()),
                        qualname: TypeName::from_string(fcode.qualname.clone()),
                        code: fcode,
                        consts: fconsts,
                        globals: self.frames[f].globals.clone(),
                        defaults: Replaceable::new(tuple_items(defaults)),
                        kwdefaults: Replaceable::new(kwdefaults),
                        annotations: pairs(tuple_items(annotations)),
                        closure,
                        dict: DictObject::new(),
                    };
                    let func = Value::Function(Rc::new(func));
                    self.gc_track(&func);
                    self.push(func);
                }
                Opcode::ReturnValue => {
                    let mut v = self.pop();
                    if self.frames[f].object.is_some() && self.frames[f].object_outlives_frame() {
                        self.frames[f].pc = pc;
                        self.record_frame_state(f);
                    }
                    let frame = self.frames.pop().expect("returning frame");
                    self.stack.truncate(frame.floor);
                    if let Some(instance) = frame.init_instance {
                        if !matches!(v, Value::None) {
                            return Err(init_returned(&v));
                        }
                        v = instance;
                    }
                    if self.frames.len() < entry {
                        return Ok(v);
                    }
                    f = self.frames.len() - 1;
                    code = self.frames[f].code.clone();
                    consts = self.frames[f].consts.clone();
                    pc = self.frames[f].pc;
                    base = self.frames[f].base;
                    if let Some(g) = frame.generator {
                        // A generator resumed by FOR_ITER/SEND finished: the frame below drops it
                        // and leaves its loop, as on exhaustion (SEND keeps the return value).
                        g.state.set(GenState::Finished);
                        let resumer = consts.instructions[pc - 1];
                        pc += resumer.arg() as usize;
                        drop(self.pop());
                        if resumer.op() == Opcode::Send {
                            self.push(v);
                        } else {
                            v.discard();
                        }
                    } else {
                        self.push(v);
                    }
                    gc_safe_point!();
                }
                Opcode::RaiseVarargs => {
                    save_pc!();
                    let cause = if arg >= 2 { Some(self.pop()) } else { None };
                    if arg == 0 {
                        // A bare `raise` adds no traceback entry for this frame (as RERAISE).
                        return Err(match &self.handling {
                            Some(e) => PyErr::Reraised(e.clone()),
                            None => PyErr::new(ExcKind::RuntimeError, "No active exception to reraise"),
                        });
                    }
                    let exc = self.pop();
                    let err = self.make_raisable(exc);
                    if let (Some(cause), PyErr::Raised(e)) = (cause, &err) {
                        let cause = match cause {
                            Value::None => None,
                            other => match self.make_raisable(other) {
                                PyErr::Raised(c) => Some(c),
                                _ => {
                                    return Err(PyErr::type_error(
                                        "exception causes must derive from BaseException",
                                    ))
                                }
                            },
                        };
                        *e.cause.borrow_mut() = cause;
                        e.suppress_context.set(true);
                    }
                    return Err(err);
                }
                Opcode::YieldValue => {
                    // Only a generator's own frame yields: hand the frame back to the generator.
                    let v = self.pop();
                    self.frames[f].pc = pc;
                    if self.frames[f].object.is_some() {
                        self.record_frame_state(f);
                    }
                    let mut frame = self.frames.pop().expect("yielding frame");
                    let Some(g) = frame.generator.take() else {
                        return Err(PyErr::new(ExcKind::SystemError, "YIELD_VALUE outside a generator"));
                    };
                    {
                        let mut saved = g.saved.borrow_mut();
                        move_tail(&mut self.stack, frame.base, &mut saved.values);
                        saved.frame = Some(SuspendedFrame { frame });
                    }
                    g.state.set(GenState::Suspended);
                    if self.frames.len() < entry {
                        // Resumed from Rust (`resume_generator`): the run ends here.
                        self.yielded = true;
                        return Ok(v);
                    }
                    // Resumed by FOR_ITER/SEND of the frame below, which goes on with the value.
                    f = self.frames.len() - 1;
                    code = self.frames[f].code.clone();
                    consts = self.frames[f].consts.clone();
                    pc = self.frames[f].pc;
                    base = self.frames[f].base;
                    self.push(v);
                }
                Opcode::GetYieldFromIter => {
                    let v = self.pop();
                    save_pc!();
                    let it = match v {
                        Value::Generator(_) => v,
                        other => self.get_iter(&other)?,
                    };
                    self.push(it);
                }
                Opcode::Send => {
                    let sent = self.pop();
                    if let Value::Generator(g) = self.top() {
                        if self.inline_resumable(g, matches!(sent, Value::None)) {
                            let g = g.clone();
                            save_pc!();
                            self.resume_inline(g, sent);
                            f = self.frames.len() - 1;
                            code = self.frames[f].code.clone();
                            consts = self.frames[f].consts.clone();
                            pc = self.frames[f].pc;
                            base = self.frames[f].base;
                            continue;
                        }
                    }
                    let receiver = self.top().clone();
                    save_pc!();
                    let step = match &receiver {
                        Value::Generator(g) => self.resume_generator(g, sent, None)?,
                        Value::AsyncGenOp(op) => self.async_op_send(op, sent)?,
                        _ if matches!(sent, Value::None) => match self.next_of(&receiver)? {
                            Some(v) => GenStep::Yielded(v),
                            None => GenStep::Returned(Value::None),
                        },
                        _ => {
                            let send = self.get_attr(&receiver, "send")?;
                            GenStep::Yielded(self.call_value(&send, vec![sent], Vec::new())?)
                        }
                    };
                    match step {
                        GenStep::Yielded(v) => self.push(v),
                        GenStep::Returned(r) => {
                            self.pop();
                            self.push(r);
                            pc += arg as usize;
                        }
                    }
                }
                Opcode::PushExcInfo => {
                    let exc = self.pop();
                    let prev = match self.handling.take() {
                        Some(e) => Value::Exception(e),
                        None => Value::None,
                    };
                    if let Value::Exception(e) = &exc {
                        self.handling = Some(e.clone());
                    }
                    self.push(prev);
                    self.push(exc);
                }
                Opcode::PopExcept => {
                    self.handling = match self.pop() {
                        Value::Exception(e) => Some(e),
                        _ => None,
                    };
                }
                Opcode::CheckExcMatch => {
                    let class = self.pop();
                    save_pc!();
                    let matched = self.exception_matches(self.top(), &class)?;
                    self.push(Value::Bool(matched));
                }
                Opcode::Reraise => {
                    save_pc!();
                    return Err(match self.pop() {
                        Value::Exception(e) => PyErr::Reraised(e),
                        _ => PyErr::new(ExcKind::SystemError, "RERAISE of a non-exception"),
                    });
                }
                Opcode::CheckEgMatch => {
                    let class = self.pop();
                    let exc = self.pop();
                    save_pc!();
                    let (matched, rest) = self.except_star_match(&exc, &class)?;
                    if let Value::Exception(m) = &matched {
                        self.handling = Some(m.clone());
                        self.push(rest);
                    } else {
                        self.push(exc);
                    }
                    self.push(matched);
                }
                Opcode::PrepReraiseStar => {
                    let raised = self.pop();
                    let orig = self.pop();
                    save_pc!();
                    let r = self.prep_reraise_star(&orig, &raised)?;
                    self.push(r);
                }
                Opcode::PopJumpForwardIfNone | Opcode::PopJumpForwardIfNotNone => {
                    let is_none = matches!(self.pop(), Value::None);
                    if is_none == (ins.op() == Opcode::PopJumpForwardIfNone) {
                        pc += arg as usize;
                    }
                }
                Opcode::AsyncGenWrap => self.async_gen_wrapped = true,
                Opcode::LoadAssertionError => {
                    self.push(Value::Type(self.exception_type(ExcKind::AssertionError)));
                }
                Opcode::PrintExpr => {
                    let v = self.pop();
                    save_pc!();
                    self.display_value(v)?;
                }
                Opcode::LoadBuildClass => {
                    let f = self.builtins.get_str("__build_class__").unwrap_or(Value::None);
                    self.push(f);
                }
            }
        }
    }

    /// `except class:` — does the exception `exc` match `class` (a class or tuple of classes)?
    fn exception_matches(&self, exc: &Value, class: &Value) -> PyResult<bool> {
        let Value::Exception(e) = exc else { return Ok(false) };
        match class {
            Value::Type(t) if t.exception.is_some() => Ok(e.class.is_subclass(t)),
            Value::Tuple(items) => {
                for c in items.iter() {
                    if self.exception_matches(exc, c)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(PyErr::type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    #[cold]
    pub(crate) fn make_raisable(&mut self, exc: Value) -> PyErr {
        match exc {
            Value::Exception(e) => PyErr::Raised(e),
            Value::Type(t) if t.exception.is_some() => match self.call_type(&t, Vec::new(), Vec::new()) {
                Ok(Value::Exception(e)) => PyErr::Raised(e),
                Ok(_) => PyErr::type_error("exceptions must derive from BaseException"),
                Err(e) => e,
            },
            _ => PyErr::type_error("exceptions must derive from BaseException"),
        }
    }

    /// Binds arguments and pushes a frame for `func` (the loop then runs it).
    fn push_frame(
        &mut self,
        func: &Rc<FunctionObject>,
        args: Vec<Value>,
        kwargs: Vec<(Name, Value)>,
    ) -> PyResult<()> {
        if kwargs.is_empty() && fits_in_place(func, args.len()) {
            // Positional arguments only, no cells: the arguments are the first locals.
            let base = self.stack.len();
            let nargs = args.len();
            self.stack.extend(args);
            let first_default = func.code.argcount as usize - func.defaults.len();
            for i in nargs..func.code.argcount as usize {
                self.stack.push(func.defaults[i - first_default].clone());
            }
            while self.stack.len() < base + func.code.varnames.len() {
                self.push(Value::Null);
            }
            self.frames.push(Frame {
                code: func.code.clone(),
                consts: func.consts.clone(),
                pc: 0,
                base,
                floor: base,
                cells: func.closure.clone(),
                globals: func.globals.clone(),
                locals: None,
                kw_names: None,
                init_instance: None,
                object: None,
                generator: None,
            });
            return Ok(());
        }
        let code = func.code.clone();
        let base = self.stack.len();
        let nlocals = code.varnames.len();
        self.stack.resize(base + nlocals, Value::Null);
        if let Err(e) = bind_arguments(func, &mut self.stack[base..base + nlocals], args, kwargs) {
            self.stack.truncate(base);
            return Err(e);
        }
        let mut cells: Vec<Rc<RefCell<Value>>> =
            Vec::with_capacity(code.cellvars.len() + code.freevars.len());
        for name in &code.cellvars {
            // A parameter captured by an inner function starts out holding the argument.
            let init = code.varnames.iter().position(|v| v == name).map(|i| self.stack[base + i].clone());
            let cell = Rc::new(RefCell::new(init.unwrap_or(Value::Null)));
            self.gc.track(crate::gc::Tracked::Cell(Rc::downgrade(&cell)));
            cells.push(cell);
        }
        cells.extend(func.closure.iter().cloned());
        let cells: Cells = if code.cellvars.is_empty() { func.closure.clone() } else { cells.into() };
        self.frames.push(Frame {
            code,
            consts: func.consts.clone(),
            pc: 0,
            base,
            floor: base,
            cells,
            globals: func.globals.clone(),
            locals: None,
            kw_names: None,
            init_instance: None,
            object: None,
            generator: None,
        });
        Ok(())
    }

    /// The fast call: a plain Python function called with positional arguments only. Its local
    /// slots are the arguments already on the stack (no copying); missing trailing arguments
    /// come from the defaults. Returns false when the call needs the general path.
    #[inline]
    fn try_call_in_place(&mut self, argc: usize) -> bool {
        let callable_at = self.stack.len() - argc - 2;
        let (func, args_start) = match (&self.stack[callable_at], &self.stack[callable_at + 1]) {
            (Value::Null, Value::Function(func)) => (func, callable_at + 2),
            (Value::Function(func), _) => (func, callable_at + 1),
            _ => return false,
        };
        let nargs = self.stack.len() - args_start;
        if !fits_in_place(func, nargs) || self.frames.len() >= self.recursion_limit {
            return false;
        }
        let code = &func.code;
        let argcount = code.argcount as usize;
        let nlocals = code.varnames.len();
        let func = func.clone();
        let first_default = argcount - func.defaults.len();
        for i in nargs..argcount {
            self.stack.push(func.defaults[i - first_default].clone());
        }
        // Unset locals start as Null. Not `Vec::resize`: that is an out-of-line call even when,
        // as usual, the arguments already fill every local.
        while self.stack.len() < args_start + nlocals {
            self.push(Value::Null);
        }
        self.frames.push(Frame {
            code: func.code.clone(),
            consts: func.consts.clone(),
            pc: 0,
            base: args_start,
            floor: callable_at,
            cells: func.closure.clone(),
            globals: func.globals.clone(),
            locals: None,
            kw_names: None,
            init_instance: None,
            object: None,
            generator: None,
        });
        true
    }

    /// The class-call fast path: `C(args)` where calling C only makes a plain instance and runs
    /// a Python `__init__` that fits `try_call_in_place` (see `TypeObject::simple_init`). The
    /// stack `[NULL, C, args]` becomes `[__init__, instance, args]` and `__init__`'s frame is
    /// pushed, marked to return the instance. False when the general path must run.
    #[inline]
    fn try_construct_in_place(&mut self, argc: usize) -> bool {
        let callable_at = self.stack.len() - argc - 2;
        let (Value::Null, Value::Type(t)) = (&self.stack[callable_at], &self.stack[callable_at + 1]) else {
            return false;
        };
        let Some(init) = t.simple_init() else { return false };
        let Value::Function(func) = &init else { return false };
        if !fits_in_place(func, argc + 1) || self.frames.len() >= self.recursion_limit {
            return false;
        }
        let instance = Value::Instance(Rc::new(crate::objects::types::InstanceObject::new(t.clone())));
        self.gc_track(&instance);
        self.stack[callable_at] = init;
        self.stack[callable_at + 1] = instance.clone();
        // The layout is now a method call: callable, then argc + 1 arguments (self first).
        let pushed = self.try_call_in_place(argc);
        debug_assert!(pushed);
        if let Some(frame) = self.frames.last_mut() {
            frame.init_instance = Some(instance);
        }
        pushed
    }

    /// `len(v)`.
    pub fn len_of(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) => d.len(),
            Value::Set(s) => s.len(),
            Value::Range(r) => range_len(r.0, r.1, r.2) as usize,
            Value::Native(n) if matches!(**n, NativeObject::LongRange(_)) => match &**n {
                NativeObject::LongRange(r) => r.len()?,
                _ => 0,
            },
            Value::Bytes(b) => b.len(),
            Value::ByteArray(b) => b.data.borrow().len(),
            Value::MemoryView(m) => m.len()?,
            other => match self.call_dunder(other, "__len__", &[])? {
                // `__len__` may return anything with `__index__`; it must be a non-negative int
                // that fits a machine size.
                Some(r) => match crate::objects::args::index_value(self, &r)? {
                    Value::Int(n) if n >= 0 => n as usize,
                    Value::BigInt(b) if num_traits::Signed::is_positive(&*b) => {
                        return Err(PyErr::new(
                            ExcKind::OverflowError,
                            "cannot fit 'int' into an index-sized integer",
                        ))
                    }
                    _ => return Err(PyErr::value_error("__len__() should return >= 0")),
                },
                None => {
                    return Err(PyErr::type_error(format!(
                        "object of type '{}' has no len()",
                        other.type_name()
                    )))
                }
            },
        })
    }

    /// Does `match` treat `v` as a sequence? (Not str, bytes or dict, as PEP 634 says.)
    fn is_match_sequence(&self, v: &Value) -> bool {
        match v {
            Value::List(_) | Value::Tuple(_) | Value::Range(_) => true,
            Value::Instance(i) => {
                i.class.lookup("__getitem__").is_some()
                    && i.class.lookup("__len__").is_some()
                    && i.class.lookup("keys").is_none()
            }
            _ => false,
        }
    }

    /// MATCH_KEYS: the values for `keys` in the mapping, or None when one is missing.
    fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let Value::Tuple(keys) = keys else { return Ok(Value::None) };
        let mut values = Vec::with_capacity(keys.len());
        for (i, key) in keys.iter().enumerate() {
            if keys[..i].iter().any(|k| crate::objects::dict::keys_equal(k, key)) {
                let r = self.repr(key)?;
                return Err(PyErr::value_error(format!("mapping pattern checks duplicate key ({r})")));
            }
            let found = match subject {
                Value::Dict(d) => d.get(key)?,
                other => {
                    let get = self.get_attr(other, "get")?;
                    let marker = Value::Instance(Rc::new(crate::objects::types::InstanceObject::new(
                        self.types.object.clone(),
                    )));
                    let v = self.call_value(&get, vec![key.clone(), marker.clone()], Vec::new())?;
                    if v.is(&marker) {
                        None
                    } else {
                        Some(v)
                    }
                }
            };
            match found {
                Some(v) => values.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(Value::Tuple(Rc::new(values)))
    }

    /// MATCH_CLASS: isinstance check, then the positional (via `__match_args__`) and keyword
    /// attributes; None when the subject does not match.
    fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        positional: usize,
        names: &Value,
    ) -> PyResult<Value> {
        let Value::Type(t) = cls else {
            return Err(PyErr::type_error("called match pattern must be a class"));
        };
        if !self.type_of(subject).is_subclass(t) {
            return Ok(Value::None);
        }
        let mut attrs = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        if positional > 0 {
            // Built-in types like int and str match their one positional pattern with the subject.
            let self_matching = !t.is_heap_type
                && [
                    "bool",
                    "bytearray",
                    "bytes",
                    "dict",
                    "float",
                    "frozenset",
                    "int",
                    "list",
                    "set",
                    "str",
                    "tuple",
                ]
                .contains(&t.name.as_str());
            if self_matching {
                if positional > 1 {
                    return Err(PyErr::type_error(format!(
                        "{}() accepts 1 positional sub-pattern ({positional} given)",
                        t.name
                    )));
                }
                attrs.push(subject.clone());
            } else {
                let match_args = match t.lookup("__match_args__") {
                    Some(Value::Tuple(items)) => items.to_vec(),
                    Some(_) => {
                        return Err(PyErr::type_error(format!("{}.__match_args__ must be a tuple", t.name)))
                    }
                    None => Vec::new(),
                };
                if positional > match_args.len() {
                    let s = if match_args.len() == 1 { "" } else { "s" };
                    return Err(PyErr::type_error(format!(
                        "{}() accepts {} positional sub-pattern{s} ({positional} given)",
                        t.name,
                        match_args.len()
                    )));
                }
                for name in &match_args[..positional] {
                    let Value::Str(n) = name else {
                        return Err(PyErr::type_error("__match_args__ elements must be strings"));
                    };
                    seen.push(n.to_string());
                    match self.get_attr(subject, n) {
                        Ok(v) => attrs.push(v),
                        Err(_) => return Ok(Value::None),
                    }
                }
            }
        }
        if let Value::Tuple(kw) = names {
            for name in kw.iter() {
                let Value::Str(n) = name else { continue };
                if seen.iter().any(|s| s == n.as_str()) {
                    return Err(PyErr::type_error(format!(
                        "{}() got multiple sub-patterns for attribute '{n}'",
                        t.name
                    )));
                }
                match self.get_attr(subject, n) {
                    Ok(v) => attrs.push(v),
                    Err(_) => return Ok(Value::None),
                }
            }
        }
        Ok(Value::Tuple(Rc::new(attrs)))
    }

    /// GET_AWAITABLE: a coroutine itself, or the iterator its `__await__()` returns.
    fn awaitable(&mut self, v: Value) -> PyResult<Value> {
        match &v {
            Value::Generator(g) if g.is_coroutine => return Ok(v),
            Value::AsyncGenOp(_) => return Ok(v),
            Value::Generator(g) if g.is_async_generator => {
                return Err(PyErr::type_error("object async_generator can't be used in 'await' expression"))
            }
            Value::Generator(_) => {
                return Err(PyErr::type_error("object generator can't be used in 'await' expression"))
            }
            _ => {}
        }
        match self.call_dunder(&v, "__await__", &[])? {
            Some(it @ (Value::Generator(_) | Value::Iterator(_))) => Ok(it),
            Some(Value::Instance(i)) if i.class.lookup("__next__").is_some() => Ok(Value::Instance(i)),
            Some(other) => Err(PyErr::type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                other.type_name()
            ))),
            None => Err(PyErr::type_error(format!(
                "object {} can't be used in 'await' expression",
                v.type_name()
            ))),
        }
    }

    /// How a TypeError names a callable: `f()` for functions (qualified name), `X()` otherwise.
    fn callable_name(&self, v: &Value) -> String {
        match v {
            Value::Function(f) => match f.globals.get_str("__name__") {
                Some(Value::Str(m)) if m.as_str() != "builtins" => format!("{m}.{}()", f.qualname),
                _ => format!("{}()", f.qualname),
            },
            Value::BoundMethod(m) => self.callable_name(&m.0),
            Value::Type(t) => format!("{}()", t.name),
            Value::Builtin(b) => format!("{}()", b.name),
            other => format!("{}()", other.type_name()),
        }
    }

    /// Turns the frame just pushed for a generator (or coroutine) function into its object.
    fn detach_generator(&mut self, func: &Rc<FunctionObject>) -> Value {
        let frame = self.frames.pop().expect("generator frame");
        let values = self.stack.split_off(frame.base);
        let g = Value::Generator(Rc::new(GeneratorObject {
            is_coroutine: func.code.flags.has(CodeFlags::COROUTINE),
            code: func.code.clone(),
            is_async_generator: func.code.flags.has(CodeFlags::ASYNC_GENERATOR),
            running_async: std::cell::Cell::new(false),
            async_closed: std::cell::Cell::new(false),
            yielded_own_value: std::cell::Cell::new(false),
            name: func.name.to_string(),
            qualname: func.qualname.to_string(),
            state: std::cell::Cell::new(GenState::Created),
            saved: RefCell::new(crate::objects::generator::Suspension::new(SuspendedFrame { frame }, values)),
        }));
        self.gc_track(&g);
        g
    }

    /// Runs a generator until it yields or returns; `throw` raises an exception at its yield.
    pub fn resume_generator(
        &mut self,
        g: &Rc<GeneratorObject>,
        sent: Value,
        throw: Option<PyErr>,
    ) -> PyResult<GenStep> {
        match g.state.get() {
            GenState::Running => {
                let what = crate::objects::generator::kind_name(g);
                return Err(PyErr::value_error(format!("{what} already executing")));
            }
            GenState::Finished if g.is_coroutine && throw.is_none() => {
                return Err(PyErr::new(ExcKind::RuntimeError, "cannot reuse already awaited coroutine"))
            }
            GenState::Finished => {
                return match throw {
                    Some(e) => Err(e),
                    None => Ok(GenStep::Returned(Value::None)),
                }
            }
            GenState::Created if throw.is_none() && !matches!(sent, Value::None) => {
                return Err(PyErr::type_error("can't send non-None value to a just-started generator"))
            }
            _ => {}
        }
        if self.frames.len() >= self.recursion_limit || self.native_depth > 200 {
            return Err(PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        let was_suspended = g.state.get() == GenState::Suspended;
        if !self.enter_generator_frame(g) {
            return Err(PyErr::value_error("generator already executing"));
        }
        if was_suspended && throw.is_none() {
            // The value of the `yield` expression the generator is paused at.
            self.push(sent);
        }
        let depth = self.frames.len();
        self.native_depth += 1;
        let result = self.run_with(depth, throw);
        self.native_depth -= 1;
        match result {
            Ok(v) if self.yielded => {
                self.yielded = false;
                g.yielded_own_value.set(std::mem::take(&mut self.async_gen_wrapped));
                Ok(GenStep::Yielded(v))
            }
            Ok(v) => {
                g.state.set(GenState::Finished);
                Ok(GenStep::Returned(v))
            }
            Err(e) => {
                g.state.set(GenState::Finished);
                let exc = self.materialize(e);
                Err(PyErr::Raised(self.escaping_generator(g, exc)))
            }
        }
    }

    /// The exception the resumer of `g` sees when `exc` escapes the generator's frame.
    #[cold]
    fn escaping_generator(&self, g: &GeneratorObject, exc: Rc<ExceptionObject>) -> Rc<ExceptionObject> {
        let stop_async =
            g.is_async_generator && exc.class.is_subclass(&self.exception_type(ExcKind::StopAsyncIteration));
        if !stop_async && !exc.class.is_subclass(&self.exception_type(ExcKind::StopIteration)) {
            return exc;
        }
        // PEP 479: a StopIteration escaping a generator becomes a RuntimeError.
        let what = crate::objects::generator::kind_name(g);
        let stop = if stop_async { "StopAsyncIteration" } else { "StopIteration" };
        let err = Rc::new(ExceptionObject::new(
            self.exception_type(ExcKind::RuntimeError),
            vec![Value::str(&format!("{what} raised {stop}"))],
        ));
        *err.cause.borrow_mut() = Some(exc.clone());
        *err.context.borrow_mut() = Some(exc);
        err.suppress_context.set(true);
        err
    }

    /// Can FOR_ITER/SEND run `g`'s frame inside the current loop (`resume_inline`)? Not for async
    /// generators (their yields are interpreted by `AsyncGenOp`), nor when resuming would fail:
    /// the general path raises those errors.
    #[inline]
    fn inline_resumable(&self, g: &GeneratorObject, sent_is_none: bool) -> bool {
        let state = g.state.get();
        (state == GenState::Suspended || (state == GenState::Created && sent_is_none))
            && !g.is_async_generator
            && self.frames.len() < self.recursion_limit
            && g.saved.try_borrow().is_ok_and(|s| s.is_suspended())
    }

    /// FOR_ITER/SEND resuming `g` (checked by `inline_resumable`): its frame goes on top and the
    /// loop continues in it; the frame below has saved its pc (see `Frame::generator`).
    #[inline]
    fn resume_inline(&mut self, g: Rc<GeneratorObject>, sent: Value) {
        let was_suspended = g.state.get() == GenState::Suspended;
        if self.enter_generator_frame(&g) && was_suspended {
            self.push(sent);
        }
    }

    /// Moves `g`'s suspended frame on top of the frame stack and its values on top of the value
    /// stack, marked as running. False if it has no suspended frame.
    #[inline]
    fn enter_generator_frame(&mut self, g: &Rc<GeneratorObject>) -> bool {
        let mut saved = g.saved.borrow_mut();
        let Some(SuspendedFrame { mut frame }) = saved.frame.take() else { return false };
        frame.base = self.stack.len();
        frame.floor = frame.base;
        move_tail(&mut saved.values, 0, &mut self.stack);
        drop(saved);
        frame.generator = Some(g.clone());
        g.state.set(GenState::Running);
        self.frames.push(frame);
        true
    }

    /// `gen.send(value)` / `next(gen)`: the yielded value, or StopIteration carrying the return value.
    pub fn generator_send(&mut self, g: &Rc<GeneratorObject>, sent: Value) -> PyResult<Value> {
        match self.resume_generator(g, sent, None)? {
            GenStep::Yielded(v) => Ok(v),
            GenStep::Returned(r) => Err(self.stop_iteration(r)),
        }
    }

    #[cold]
    pub(crate) fn stop_iteration(&self, value: Value) -> PyErr {
        let args = if matches!(value, Value::None) { vec![] } else { vec![value] };
        PyErr::Raised(Rc::new(ExceptionObject::new(self.exception_type(ExcKind::StopIteration), args)))
    }

    /// `gen.throw(exc)`.
    pub fn generator_throw(&mut self, g: &Rc<GeneratorObject>, exc: Value) -> PyResult<Value> {
        let err = self.make_raisable(exc);
        match self.throw_through_delegate(g, err)? {
            GenStep::Yielded(v) => Ok(v),
            GenStep::Returned(r) => Err(self.stop_iteration(r)),
        }
    }

    /// `gen.close()`: raises GeneratorExit inside; the generator must not yield again.
    pub fn generator_close(&mut self, g: &Rc<GeneratorObject>) -> PyResult<Value> {
        match g.state.get() {
            GenState::Created => {
                g.state.set(GenState::Finished);
                g.saved.borrow_mut().take();
                return Ok(Value::None);
            }
            GenState::Finished => return Ok(Value::None),
            _ => {}
        }
        let exit = PyErr::new(ExcKind::GeneratorExit, "");
        match self.throw_through_delegate(g, exit) {
            Ok(GenStep::Yielded(_)) => {
                Err(PyErr::new(ExcKind::RuntimeError, "generator ignored GeneratorExit"))
            }
            Ok(GenStep::Returned(_)) => Ok(Value::None),
            Err(e) => {
                let exc = self.materialize(e);
                let benign = [ExcKind::GeneratorExit, ExcKind::StopIteration]
                    .iter()
                    .any(|k| exc.class.is_subclass(&self.exception_type(*k)));
                if benign {
                    Ok(Value::None)
                } else {
                    Err(PyErr::Raised(exc))
                }
            }
        }
    }

    /// Calls any callable from native code (re-entering the loop for Python functions).
    pub fn call_value(
        &mut self,
        callable: &Value,
        args: Vec<Value>,
        kwargs: Vec<(Name, Value)>,
    ) -> PyResult<Value> {
        match callable {
            Value::Builtin(b) => {
                let b: Rc<BuiltinFunction> = b.clone();
                match &b.bound_self {
                    Some(s) => {
                        let mut full = Vec::with_capacity(args.len() + 1);
                        full.push(s.clone());
                        full.extend(args);
                        (b.func)(self, &full, &kwargs)
                    }
                    None => (b.func)(self, &args, &kwargs),
                }
            }
            Value::Function(func) => {
                self.spend_step();
                if self.frames.len() >= self.recursion_limit || self.native_depth > 200 {
                    return Err(PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded"));
                }
                self.push_frame(func, args, kwargs)?;
                if func.code.flags.0 & SUSPENDABLE != 0 {
                    return Ok(self.detach_generator(func));
                }
                let depth = self.frames.len();
                self.native_depth += 1;
                let r = self.run(depth);
                self.native_depth -= 1;
                r
            }
            Value::Generator(_) => Err(PyErr::type_error("'generator' object is not callable")),
            // Static methods are callable since 3.10.
            Value::StaticMethod(f) => {
                let f = Value::clone(f);
                self.call_value(&f, args, kwargs)
            }
            Value::WeakRef(r) => {
                let r = r.clone();
                crate::objects::weakref::call_weakref(self, &r, args, kwargs)
            }
            Value::BoundMethod(m) => {
                let (func, this) = (m.0.clone(), m.1.clone());
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(this);
                full.extend(args);
                self.call_value(&func, full, kwargs)
            }
            Value::Type(t) => {
                let t = t.clone();
                self.call_type(&t, args, kwargs)
            }
            Value::Instance(i) => match i.class.lookup("__call__") {
                Some(f) => {
                    if matches!(f, Value::Instance(_)) {
                        return self.call_instance_chain(callable, f, args, kwargs);
                    }
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(callable.clone());
                    full.extend(args);
                    self.call_value(&f, full, kwargs)
                }
                None => Err(PyErr::type_error(format!("'{}' object is not callable", i.class.name))),
            },
            other => Err(PyErr::type_error(format!("'{}' object is not callable", other.type_name()))),
        }
    }

    /// Calls an instance whose class's `__call__` is itself an instance. Such a `__call__` is
    /// not a descriptor, so it is called without the original object (as CPython's
    /// `slot_tp_call` does), which may repeat: bounded like CPython's recursion
    /// (`A.__call__ = A()` would never end).
    #[cold]
    fn call_instance_chain(
        &mut self,
        _callable: &Value,
        mut target: Value,
        args: Vec<Value>,
        kwargs: Vec<(Name, Value)>,
    ) -> PyResult<Value> {
        let mut depth = self.frames.len();
        loop {
            depth += 1;
            if depth > self.recursion_limit {
                return Err(PyErr::new(
                    ExcKind::RecursionError,
                    "maximum recursion depth exceeded while calling a Python object",
                ));
            }
            let Value::Instance(inner) = &target else {
                return self.call_value(&target, args, kwargs);
            };
            let Some(next) = inner.class.lookup("__call__") else {
                return Err(PyErr::type_error(format!("'{}' object is not callable", inner.class.name)));
            };
            if matches!(next, Value::Instance(_)) {
                target = next;
                continue;
            }
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(target.clone());
            full.extend(args);
            return self.call_value(&next, full, kwargs);
        }
    }

    /// Calls special method `name` of a class instance (looked up on its type, as Python does);
    /// None when the object is not a class instance or its class does not define it.
    #[inline]
    pub fn call_dunder(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(_) | Value::Native(_) => self.call_instance_dunder(obj, name, args),
            Value::Exception(e) if e.class.is_heap_type => self.call_instance_dunder(obj, name, args),
            Value::Type(t) if t.metaclass.is_some() => self.call_instance_dunder(obj, name, args),
            _ => Ok(None),
        }
    }

    fn call_instance_dunder(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
        let class = match obj {
            Value::Instance(i) => i.class.clone(),
            Value::Exception(e) => e.class.clone(),
            _ => match crate::class_creation::dunder_class(self, obj) {
                Some(c) => c,
                None => return Ok(None),
            },
        };
        let Some(f) = class.lookup(name) else { return Ok(None) };
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(obj.clone());
        full.extend_from_slice(args);
        self.call_value(&f, full, Vec::new()).map(Some)
    }

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        if let Value::Instance(_) = v {
            if let Some(r) = self.call_dunder(v, "__bool__", &[])? {
                return match r {
                    Value::Bool(b) => Ok(b),
                    other => Err(PyErr::type_error(format!(
                        "__bool__ should return bool, returned {}",
                        other.type_name()
                    ))),
                };
            }
            if let Value::Instance(i) = v {
                if i.class.lookup("__len__").is_some() {
                    return Ok(self.len_of(v)? > 0);
                }
            }
            return Ok(true);
        }
        Ok(match v {
            Value::Null | Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Set(s) => !s.is_empty(),
            Value::Range(r) => range_len(r.0, r.1, r.2) > 0,
            Value::Native(n) => n.truthy(),
            Value::Bytes(b) => !b.is_empty(),
            Value::ByteArray(b) => !b.data.borrow().is_empty(),
            Value::Complex(z) => z.re != 0.0 || z.im != 0.0,
            Value::MemoryView(m) => m.len()? > 0,
            _ => true,
        })
    }

    pub(crate) fn binary_op(&mut self, arg: u32, a: &Value, b: &Value) -> PyResult<Value> {
        let (op, inplace) = BinaryOpKind::from_arg(arg);
        if let (BinaryOpKind::Add, Value::Str(x), Value::Str(y)) = (op, a, b) {
            return Ok(Value::Str(Rc::new(crate::objects::str::StrObject::concat(x, y))));
        }
        // (`dict |= x` is dict's own business before any reflected operand.)
        if (matches!(a, Value::Instance(_) | Value::Native(_))
            || matches!(b, Value::Instance(_) | Value::Native(_)))
            && !(inplace && matches!(a, Value::Dict(_)))
        {
            let [forward, reflected, in_place] = binary_dunders(op);
            if inplace {
                if let Some(r) = self.call_dunder(a, in_place, std::slice::from_ref(b))? {
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
            if let Some(r) = self.call_dunder(a, forward, std::slice::from_ref(b))? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
            if let Some(r) = self.call_dunder(b, reflected, std::slice::from_ref(a))? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
            if let Some(r) = crate::objects::builtin_subclass::binary_fallback(self, arg, a, b) {
                return r;
            }
        }
        if let Some(r) = int_binary(op, a, b)? {
            return Ok(r);
        }
        if let (Some(x), Some(y)) = (as_f64(a), as_f64(b)) {
            if let Some(r) = float_binary(op, x?, y?)? {
                return Ok(r);
            }
        }
        match (op, a, b) {
            (BinaryOpKind::Add, Value::List(x), Value::List(y)) => {
                if inplace {
                    let extra = y.borrow().clone();
                    x.borrow_mut().extend(extra);
                    return Ok(a.clone());
                }
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                return Ok(self.new_list(v));
            }
            (BinaryOpKind::Add, Value::Tuple(x), Value::Tuple(y)) => {
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                return Ok(Value::Tuple(Rc::new(v)));
            }
            (
                BinaryOpKind::Multiply,
                Value::Str(_) | Value::List(_) | Value::Tuple(_),
                Value::Int(_) | Value::Bool(_),
            )
            | (
                BinaryOpKind::Multiply,
                Value::Int(_) | Value::Bool(_),
                Value::Str(_) | Value::List(_) | Value::Tuple(_),
            ) => {
                let (seq, n) = if matches!(a, Value::Int(_) | Value::Bool(_)) { (b, a) } else { (a, b) };
                let n = match n {
                    Value::Int(i) => (*i).max(0) as usize,
                    Value::Bool(b) => *b as usize,
                    _ => 0,
                };
                let len = match seq {
                    Value::Str(s) => s.as_str().len(),
                    Value::List(l) => l.borrow().len(),
                    Value::Tuple(t) => t.len(),
                    _ => 0,
                };
                // A result that could never be allocated is a MemoryError (not a wrapped
                // capacity and an endless loop).
                if len > 0 && len.checked_mul(n).is_none_or(|total| total > 1 << 40) {
                    if matches!(seq, Value::Str(_)) {
                        return Err(PyErr::new(ExcKind::OverflowError, "repeated string is too long"));
                    }
                    return Err(PyErr::new(ExcKind::MemoryError, ""));
                }
                let n = if len == 0 { 0 } else { n };
                return Ok(match seq {
                    Value::Str(s) => Value::str(&s.repeat(n)),
                    Value::List(l) => {
                        let items = l.borrow();
                        let mut v = Vec::with_capacity(items.len() * n);
                        for _ in 0..n {
                            v.extend(items.iter().cloned());
                        }
                        drop(items);
                        self.new_list(v)
                    }
                    Value::Tuple(t) => {
                        let mut v = Vec::with_capacity(t.len() * n);
                        for _ in 0..n {
                            v.extend(t.iter().cloned());
                        }
                        Value::Tuple(Rc::new(v))
                    }
                    _ => unreachable!("matched above"),
                });
            }
            (BinaryOpKind::Add, Value::Str(_) | Value::List(_) | Value::Tuple(_), _)
                if std::mem::discriminant(a) != std::mem::discriminant(b)
                    && !matches!(b, Value::Instance(_)) =>
            {
                let t = a.type_name();
                return Err(PyErr::type_error(format!(
                    "can only concatenate {t} (not \"{}\") to {t}",
                    b.type_name()
                )));
            }
            (
                BinaryOpKind::Or | BinaryOpKind::And | BinaryOpKind::Subtract | BinaryOpKind::Xor,
                Value::Set(x),
                Value::Set(y),
            ) => {
                use crate::objects::set;
                let (ta, tb) = (x.table.borrow().clone(), y.table.borrow().clone());
                use crate::objects::key_lookup as kl;
                let table = match op {
                    BinaryOpKind::Or => kl::table_union(self, &ta, &tb)?,
                    BinaryOpKind::And => kl::table_intersection(self, &ta, &tb)?,
                    BinaryOpKind::Subtract => kl::table_difference(self, &ta, &tb)?,
                    _ => kl::table_symmetric_difference(self, &ta, &tb)?,
                };
                if inplace && !x.frozen {
                    *x.table.borrow_mut() = table;
                    return Ok(a.clone());
                }
                return Ok(Value::Set(Rc::new(set::SetObject::from_table(table, x.frozen))));
            }
            (BinaryOpKind::Multiply, Value::Str(_) | Value::List(_) | Value::Tuple(_), other)
            | (BinaryOpKind::Multiply, other, Value::Str(_) | Value::List(_) | Value::Tuple(_))
                if !matches!(other, Value::Instance(_) | Value::Bytes(_) | Value::ByteArray(_)) =>
            {
                return Err(PyErr::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    other.type_name()
                )));
            }
            (BinaryOpKind::Or, Value::Dict(x), _) if inplace || matches!(b, Value::Dict(_)) => {
                return crate::objects::dict::dict_or(self, x, b, inplace);
            }
            (BinaryOpKind::Remainder, Value::Str(fmt), _) => {
                return Ok(Value::str(&builtins::percent_format(self, fmt, b)?));
            }
            _ => {
                if let Some(r) = crate::objects::bytes::binary_op(self, op, inplace, a, b)? {
                    return Ok(r);
                }
                if let Some(r) = crate::objects::complex::binary_op(op, a, b)? {
                    return Ok(r);
                }
                if op == BinaryOpKind::Or {
                    if let Some(r) = crate::objects::generic_alias::type_union(self, a, b)? {
                        return Ok(r);
                    }
                }
            }
        }
        Err(PyErr::type_error(format!(
            "unsupported operand type(s) for {}{}: '{}' and '{}'",
            op.symbol(),
            if inplace { "=" } else { "" },
            a.type_name(),
            b.type_name()
        )))
    }

    pub(crate) fn unary(&mut self, op: Opcode, v: &Value) -> PyResult<Value> {
        let r = match (op, v) {
            (Opcode::UnaryNegative, Value::Int(i)) => i.checked_neg().map(Value::Int),
            (Opcode::UnaryNegative, Value::Bool(b)) => Some(Value::Int(-(*b as i64))),
            (Opcode::UnaryNegative, Value::BigInt(b)) => Some(Value::from_bigint(-(**b).clone())),
            (Opcode::UnaryNegative, Value::Float(f)) => Some(Value::Float(-f)),
            (Opcode::UnaryPositive, Value::Int(_) | Value::BigInt(_) | Value::Float(_)) => Some(v.clone()),
            (Opcode::UnaryPositive, Value::Bool(b)) => Some(Value::Int(*b as i64)),
            (Opcode::UnaryInvert, Value::Int(i)) => Some(Value::Int(!i)),
            (Opcode::UnaryInvert, Value::Bool(b)) => Some(Value::Int(!(*b as i64))),
            (Opcode::UnaryInvert, Value::BigInt(b)) => Some(Value::from_bigint(-(**b).clone() - 1)),
            _ => None,
        };
        if let Some(r) = r {
            return Ok(r);
        }
        if let (Opcode::UnaryNegative, Value::Int(i)) = (op, v) {
            return Ok(Value::from_bigint(-num_bigint::BigInt::from(*i)));
        }
        if let (Opcode::UnaryNegative | Opcode::UnaryPositive, Value::Complex(z)) = (op, v) {
            return crate::objects::complex::unary(if op == Opcode::UnaryNegative { '-' } else { '+' }, z);
        }
        let (sym, dunder) = match op {
            Opcode::UnaryNegative => ("-", "__neg__"),
            Opcode::UnaryPositive => ("+", "__pos__"),
            _ => ("~", "__invert__"),
        };
        if let Some(r) = self.call_dunder(v, dunder, &[])? {
            return Ok(r);
        }
        Err(PyErr::type_error(format!("bad operand type for unary {sym}: '{}'", v.type_name())))
    }

    pub fn equals(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        use Value::*;
        if matches!(a, Instance(_) | Native(_)) || matches!(b, Instance(_) | Native(_)) {
            for (x, y) in [(a, b), (b, a)] {
                if let Some(r) = self.call_dunder(x, "__eq__", std::slice::from_ref(y))? {
                    if !matches!(r, NotImplemented) {
                        return self.truthy(&r);
                    }
                }
            }
            if let Some(r) = crate::objects::builtin_subclass::equals_fallback(self, a, b) {
                return r;
            }
            if matches!(a, MemoryView(_)) || matches!(b, MemoryView(_)) {
                if let Some(r) = crate::objects::memoryview::equal(a, b) {
                    return Ok(r);
                }
            }
            return Ok(a.is(b));
        }
        Ok(match (a, b) {
            (WeakRef(x), WeakRef(y)) => {
                let (x, y) = (x.clone(), y.clone());
                self.weakref_eq(&x, &y)?
            }
            (List(x), List(y)) => {
                if Rc::ptr_eq(x, y) {
                    return Ok(true);
                }
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.seq_equal(&x, &y)?
            }
            (Tuple(x), Tuple(y)) => self.seq_equal(&x.clone(), &y.clone())?,
            (Dict(x), Dict(y)) => {
                if x.len() != y.len() {
                    return Ok(false);
                }
                self.enter_comparison()?;
                let result = self.dict_items_equal(x, y);
                self.compare_depth -= 1;
                result?
            }
            (Range(x), Range(y)) => x == y,
            (Set(x), Set(y)) => {
                let (a, b) = (x.table.borrow().clone(), y.table.borrow().clone());
                crate::objects::key_lookup::tables_equal(self, &a, &b)?
            }
            _ => crate::objects::dict::keys_equal(a, b),
        })
    }

    /// Nested containers compare recursively; bound the depth like CPython's recursion limit.
    fn enter_comparison(&mut self) -> PyResult<()> {
        if self.compare_depth + self.frames.len() > self.recursion_limit {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded in comparison",
            ));
        }
        self.compare_depth += 1;
        Ok(())
    }

    fn dict_items_equal(&mut self, x: &Rc<DictObject>, y: &Rc<DictObject>) -> PyResult<bool> {
        for (k, v) in x.items() {
            match crate::objects::key_lookup::dict_get(self, y, &k)? {
                Some(w) if v.is(&w) || self.equals(&v, &w)? => {}
                _ => return Ok(false),
            }
        }
        Ok(true)
    }

    fn seq_equal(&mut self, x: &[Value], y: &[Value]) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        self.enter_comparison()?;
        let mut result = Ok(true);
        for (p, q) in x.iter().zip(y) {
            if p.is(q) {
                continue;
            }
            match self.equals(p, q) {
                Ok(true) => {}
                other => {
                    result = other;
                    break;
                }
            }
        }
        self.compare_depth -= 1;
        result
    }

    /// COMPARE_OP: the value of `a <op> b`, which for class instances is whatever their rich
    /// comparison method returned (`x == y` may be any object), else a bool.
    pub fn compare_value(&mut self, op: CompareKind, a: &Value, b: &Value) -> PyResult<Value> {
        if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
            if let Some(r) = self.instance_compare(op, a, b)? {
                return Ok(r);
            }
            return self.compare_after_dunders(op, a, b).map(Value::Bool);
        }
        self.compare(op, a, b).map(Value::Bool)
    }

    /// The rich comparison methods of instance operands (forward, then reflected), then the
    /// built-in values of built-in subclasses; None when all declined.
    fn instance_compare(&mut self, op: CompareKind, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let (name, reflected) = match op {
            CompareKind::Lt => ("__lt__", "__gt__"),
            CompareKind::Le => ("__le__", "__ge__"),
            CompareKind::Gt => ("__gt__", "__lt__"),
            CompareKind::Ge => ("__ge__", "__le__"),
            CompareKind::Eq => ("__eq__", "__eq__"),
            CompareKind::Ne => ("__ne__", "__ne__"),
        };
        if let Some(r) = self.call_dunder(a, name, std::slice::from_ref(b))? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        }
        if let Some(r) = self.call_dunder(b, reflected, std::slice::from_ref(a))? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        }
        match crate::objects::builtin_subclass::compare_fallback(self, op, a, b) {
            Some(r) => r.map(|b| Some(Value::Bool(b))),
            None => Ok(None),
        }
    }

    pub fn compare(&mut self, op: CompareKind, a: &Value, b: &Value) -> PyResult<bool> {
        if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
            if let Some(r) = self.instance_compare(op, a, b)? {
                return self.truthy(&r);
            }
        }
        self.compare_after_dunders(op, a, b)
    }

    /// `compare` once no special method decided.
    fn compare_after_dunders(&mut self, op: CompareKind, a: &Value, b: &Value) -> PyResult<bool> {
        // Sequences order by their first differing items, compared with the same operator (so
        // errors name the items' types, as in CPython).
        let seqs = match (a, b) {
            (Value::List(x), Value::List(y)) => Some((x.borrow().clone(), y.borrow().clone())),
            (Value::Tuple(x), Value::Tuple(y)) => Some((x.to_vec(), y.to_vec())),
            _ => None,
        };
        if let (Some((x, y)), false) = (seqs, matches!(op, CompareKind::Eq | CompareKind::Ne)) {
            for (p, q) in x.iter().zip(&y) {
                if !p.is(q) && !self.equals(p, q)? {
                    return self.compare(op, p, q);
                }
            }
            return Ok(compare_ord(op as u32, x.len().cmp(&y.len())));
        }
        match op {
            CompareKind::Eq => return self.equals(a, b),
            CompareKind::Ne => return Ok(!self.equals(a, b)?),
            _ => {}
        }
        let ord = self.order(a, b).ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                a.type_name(),
                b.type_name()
            ))
        })??;
        use std::cmp::Ordering::*;
        Ok(match (op, ord) {
            (_, Option::None) => false, // NaN
            (CompareKind::Lt, Some(o)) => o == Less,
            (CompareKind::Le, Some(o)) => o != Greater,
            (CompareKind::Gt, Some(o)) => o == Greater,
            (CompareKind::Ge, Some(o)) => o != Less,
            _ => false,
        })
    }

    /// Ordering of two values of comparable built-in types; None if they cannot be ordered.
    fn order(&mut self, a: &Value, b: &Value) -> Option<PyResult<Option<std::cmp::Ordering>>> {
        use crate::objects::int::to_bigint;
        use Value::*;
        Some(Ok(match (a, b) {
            (Int(x), Int(y)) => Some(x.cmp(y)),
            (Str(x), Str(y)) => Some(x.cmp(y)),
            (Int(_) | Bool(_) | BigInt(_), Float(y)) => {
                crate::objects::int::cmp_int_float(&crate::objects::int::to_bigint(a)?, *y)
            }
            (Float(x), Int(_) | Bool(_) | BigInt(_)) => {
                crate::objects::int::cmp_int_float(&crate::objects::int::to_bigint(b)?, *x)
                    .map(|o| o.reverse())
            }
            (Float(_), _) | (_, Float(_)) => {
                let (x, y) = (as_f64(a)?, as_f64(b)?);
                match (x, y) {
                    (Ok(x), Ok(y)) => x.partial_cmp(&y),
                    (Err(e), _) | (_, Err(e)) => return Some(Err(e)),
                }
            }
            (Int(_) | Bool(_) | BigInt(_), Int(_) | Bool(_) | BigInt(_)) => {
                Some(to_bigint(a)?.cmp(&to_bigint(b)?))
            }
            (Set(x), Set(y)) => {
                let (a, b) = (x.table.borrow(), y.table.borrow());
                let sub = crate::objects::set_methods::is_subset(&a, &b);
                let sup = crate::objects::set_methods::is_subset(&b, &a);
                // Sets are partially ordered: incomparable sets make every ordering false.
                match (sub, sup) {
                    (true, true) => Some(std::cmp::Ordering::Equal),
                    (true, false) => Some(std::cmp::Ordering::Less),
                    (false, true) => Some(std::cmp::Ordering::Greater),
                    (false, false) => Option::None,
                }
            }
            (Bytes(_) | ByteArray(_), Bytes(_) | ByteArray(_)) => crate::objects::bytes::order(a, b),
            (List(_), List(_)) | (Tuple(_), Tuple(_)) => {
                let (x, y) = match (a, b) {
                    (List(x), List(y)) => (x.borrow().clone(), y.borrow().clone()),
                    (Tuple(x), Tuple(y)) => (x.to_vec(), y.to_vec()),
                    _ => unreachable!("matched above"),
                };
                for (p, q) in x.iter().zip(&y) {
                    match self.equals(p, q) {
                        Ok(true) => continue,
                        Ok(false) => return self.order(p, q),
                        Err(e) => return Some(Err(e)),
                    }
                }
                Some(x.len().cmp(&y.len()))
            }
            _ => return Option::None,
        }))
    }

    pub(crate) fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Some(r) = self.call_dunder(container, "__contains__", std::slice::from_ref(item))? {
            return self.truthy(&r);
        }
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.contains(sub.as_str())),
                _ => Err(PyErr::type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    item.type_name()
                ))),
            },
            Value::Dict(d) => Ok(crate::objects::key_lookup::dict_get(self, d, item)?.is_some()),
            Value::Set(s) => crate::objects::key_lookup::set_has(self, s, item),
            Value::Bytes(b) => crate::objects::bytes::contains(self, b, item),
            Value::ByteArray(b) => {
                let data = b.data.borrow().clone();
                crate::objects::bytes::contains(self, &data, item)
            }
            Value::Range(r) => Ok(match item {
                Value::Int(i) => {
                    let (start, stop, step) = (r.0, r.1, r.2);
                    let inside = if step > 0 { start <= *i && *i < stop } else { stop < *i && *i <= start };
                    inside && (i - start) % step == 0
                }
                _ => false,
            }),
            Value::Native(n) if matches!(**n, NativeObject::LongRange(_)) => Ok(match (&**n, item) {
                (NativeObject::LongRange(r), Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => {
                    crate::objects::long_range::to_bigint(item).is_some_and(|i| r.contains(&i))
                }
                _ => false,
            }),
            _ => {
                let items = self.collect_iterable(container)?;
                for x in &items {
                    if x.is(item) || self.equals(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    fn index(&self, len: usize, key: &Value, what: &str) -> PyResult<usize> {
        let i = match key {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            // CPython words the str case differently (and quotes the type there).
            _ if what == "string" => {
                return Err(PyErr::type_error(format!(
                    "string indices must be integers, not '{}'",
                    key.type_name()
                )))
            }
            _ if what.ends_with("assignment") => {
                let kind = what.trim_end_matches(" assignment");
                return Err(PyErr::type_error(format!(
                    "{kind} indices must be integers or slices, not {}",
                    key.type_name()
                )));
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "{what} indices must be integers or slices, not {}",
                    key.type_name()
                )))
            }
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(PyErr::new(ExcKind::IndexError, format!("{what} index out of range")));
        }
        Ok(j as usize)
    }

    pub(crate) fn subscript(&mut self, container: &Value, key: &Value) -> PyResult<Value> {
        if let Some(r) = self.call_dunder(container, "__getitem__", std::slice::from_ref(key))? {
            return Ok(r);
        }
        if let Value::Type(t) = container {
            if let Some(f) = t.lookup("__class_getitem__") {
                let f = match f {
                    Value::ClassMethod(f) => (*f).clone(),
                    other => other,
                };
                return self.call_value(&f, vec![container.clone(), key.clone()], Vec::new());
            }
            return crate::objects::generic_alias::subscript_type(self, t, key);
        }
        match container {
            Value::Bytes(b) => return crate::objects::bytes::subscript(self, container, b, key),
            Value::ByteArray(b) => {
                let data = b.data.borrow().clone();
                return crate::objects::bytes::subscript(self, container, &data, key);
            }
            Value::MemoryView(m) => return crate::objects::memoryview::subscript(self, m, key),
            _ => {}
        }
        if let Value::Slice(s) = key {
            return self.slice(container, s);
        }
        if let Some(k) = crate::objects::builtin_subclass::index_key(self, container, key)? {
            return self.subscript(container, &k);
        }
        match container {
            Value::List(l) => {
                let l = l.borrow();
                let i = self.index(l.len(), key, "list")?;
                Ok(l[i].clone())
            }
            Value::Tuple(t) => {
                let i = self.index(t.len(), key, "tuple")?;
                Ok(t[i].clone())
            }
            Value::Str(s) => {
                let i = self.index(s.char_len(), key, "string")?;
                let c = s.char_at(i).unwrap_or('\0');
                Ok(Value::str(c.encode_utf8(&mut [0; 4])))
            }
            Value::Dict(d) => match crate::objects::key_lookup::dict_get(self, d, key)? {
                Some(v) => Ok(v),
                None => Err(DictObject::key_error(key, self)),
            },
            Value::Range(r) => {
                let n = range_len(r.0, r.1, r.2);
                let i = self.index(n as usize, key, "range object")?;
                Ok(Value::Int(r.0 + r.2 * i as i64))
            }
            Value::Native(n) if matches!(**n, NativeObject::LongRange(_)) => {
                let index = crate::objects::args::index_value(self, key)?;
                match (&**n, crate::objects::long_range::to_bigint(&index)) {
                    (NativeObject::LongRange(r), Some(i)) => r.item(&i),
                    _ => Err(PyErr::type_error("range indices must be integers or slices")),
                }
            }
            _ => Err(PyErr::type_error(format!("'{}' object is not subscriptable", container.type_name()))),
        }
    }

    fn slice(&mut self, container: &Value, s: &(Value, Value, Value)) -> PyResult<Value> {
        Ok(match container {
            Value::Range(r) => range_slice(r, s)?,
            Value::List(l) => {
                let items = l.borrow();
                let idx = slice_indices(s, items.len())?;
                let picked = idx.into_iter().map(|i| items[i].clone()).collect();
                drop(items);
                self.new_list(picked)
            }
            Value::Tuple(t) => {
                let idx = slice_indices(s, t.len())?;
                Value::Tuple(Rc::new(idx.into_iter().map(|i| t[i].clone()).collect()))
            }
            Value::Str(st) => {
                let idx = slice_indices(s, st.char_len())?;
                let step_one = idx.windows(2).all(|w| w[1] == w[0] + 1);
                if st.is_ascii() && step_one {
                    // ASCII text indexes by byte: a contiguous slice is a plain substring.
                    let text = match (idx.first(), idx.last()) {
                        (Some(&a), Some(&b)) => &st.as_str()[a..=b],
                        _ => "",
                    };
                    Value::str(text)
                } else if st.is_ascii() {
                    let bytes = st.as_str().as_bytes();
                    let text: String = idx.into_iter().map(|i| bytes[i] as char).collect();
                    Value::str(&text)
                } else {
                    let chars: Vec<char> = st.chars().collect();
                    let text: String = idx.into_iter().map(|i| chars[i]).collect();
                    Value::str(&text)
                }
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not subscriptable",
                    container.type_name()
                )))
            }
        })
    }

    /// `lst[a:b:c] = iterable` / `del lst[a:b:c]` (value None).
    fn list_slice_assign(
        &mut self,
        list: &Rc<RefCell<Vec<Value>>>,
        s: &(Value, Value, Value),
        value: Option<&Value>,
    ) -> PyResult<()> {
        let new_items = match value {
            Some(v) => Some(self.collect_iterable(v)?),
            None => None,
        };
        let len = list.borrow().len();
        let idx = slice_indices(s, len)?;
        let step_one = matches!(s.2, Value::None | Value::Int(1));
        let mut l = list.borrow_mut();
        if step_one {
            // Contiguous: replace the range (insert at the start for empty ranges).
            let start = match (&s.0, idx.first()) {
                (_, Some(&i)) => i,
                (Value::None, None) => 0,
                (v, None) => {
                    let i = match v {
                        Value::Int(i) => *i,
                        Value::Bool(b) => *b as i64,
                        _ => 0,
                    };
                    let i = if i < 0 { (i + len as i64).max(0) } else { i };
                    (i as usize).min(len)
                }
            };
            let end = start + idx.len();
            l.splice(start..end, new_items.unwrap_or_default());
            return Ok(());
        }
        match new_items {
            Some(items) => {
                if items.len() != idx.len() {
                    return Err(PyErr::value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        items.len(),
                        idx.len()
                    )));
                }
                for (i, v) in idx.into_iter().zip(items) {
                    l[i] = v;
                }
            }
            None => {
                let mut sorted = idx;
                sorted.sort_unstable();
                for i in sorted.into_iter().rev() {
                    l.remove(i);
                }
            }
        }
        Ok(())
    }

    pub(crate) fn store_subscript(&mut self, container: &Value, key: Value, value: Value) -> PyResult<()> {
        if let (Value::List(l), Value::Slice(s)) = (container, &key) {
            return self.list_slice_assign(l, s, Some(&value));
        }
        if self.call_dunder(container, "__setitem__", &[key.clone(), value.clone()])?.is_some() {
            return Ok(());
        }
        if let Some(k) = crate::objects::builtin_subclass::index_key(self, container, &key)? {
            return self.store_subscript(container, k, value);
        }
        match container {
            Value::List(l) => {
                let len = l.borrow().len();
                let i = self.index(len, &key, "list assignment")?;
                l.borrow_mut()[i] = value;
                Ok(())
            }
            Value::Dict(d) => crate::objects::key_lookup::dict_set(self, d, key, value),
            Value::ByteArray(b) => crate::objects::bytearray::store_subscript(self, b, &key, &value),
            Value::MemoryView(m) => crate::objects::memoryview::store_subscript(self, m, &key, &value),
            _ => Err(PyErr::type_error(format!(
                "'{}' object does not support item assignment",
                container.type_name()
            ))),
        }
    }

    pub(crate) fn delete_subscript(&mut self, container: &Value, key: &Value) -> PyResult<()> {
        if let (Value::List(l), Value::Slice(s)) = (container, key) {
            return self.list_slice_assign(l, s, None);
        }
        if self.call_dunder(container, "__delitem__", std::slice::from_ref(key))?.is_some() {
            return Ok(());
        }
        if let Some(k) = crate::objects::builtin_subclass::index_key(self, container, key)? {
            return self.delete_subscript(container, &k);
        }
        match container {
            Value::List(l) => {
                let len = l.borrow().len();
                let i = self.index(len, key, "list assignment")?;
                l.borrow_mut().remove(i);
                Ok(())
            }
            Value::Dict(d) => match crate::objects::key_lookup::dict_remove(self, d, key)? {
                Some(_) => Ok(()),
                None => Err(DictObject::key_error(key, self)),
            },
            Value::ByteArray(b) => crate::objects::bytearray::delete_subscript(self, b, key),
            Value::MemoryView(m) if m.readonly() => Err(PyErr::type_error("cannot modify read-only memory")),
            Value::MemoryView(_) => Err(PyErr::type_error("cannot delete memory")),
            _ => Err(PyErr::type_error(format!(
                "'{}' object doesn't support item deletion",
                container.type_name()
            ))),
        }
    }

    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(it) = self.call_dunder(v, "__iter__", &[])? {
            let is_iterator = match &it {
                Value::Iterator(_) | Value::Generator(_) => true,
                other => self.type_of(other).lookup("__next__").is_some(),
            };
            if !is_iterator {
                return Err(PyErr::type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    it.type_name()
                )));
            }
            return Ok(it);
        }
        if let Value::Instance(i) = v {
            if i.class.lookup("__getitem__").is_some() {
                // The old sequence protocol: v[0], v[1], ... until IndexError.
                let items = self.collect_by_getitem(v)?;
                return Ok(Value::Iterator(Rc::new(RefCell::new(IterState::Values {
                    items: Rc::new(items),
                    index: 0,
                    kind: "iterator",
                }))));
            }
        }
        let state = match v {
            Value::Range(r) => IterState::Range { next: r.0, stop: r.1, step: r.2 },
            Value::Native(n) if matches!(**n, NativeObject::LongRange(_)) => match &**n {
                NativeObject::LongRange(r) => {
                    IterState::LongRange(Box::new(crate::objects::long_range::LongRangeIter::new(r)))
                }
                _ => unreachable!("matched LongRange"),
            },
            Value::List(l) => IterState::List { list: l.clone(), index: 0 },
            Value::Tuple(t) => IterState::Values { items: t.clone(), index: 0, kind: "tuple_iterator" },
            Value::Str(s) => IterState::Values {
                items: Rc::new(s.chars().map(|c| Value::str(c.encode_utf8(&mut [0; 4]))).collect()),
                index: 0,
                kind: if s.is_ascii() { "str_ascii_iterator" } else { "str_iterator" },
            },
            Value::Dict(d) => return Ok(crate::objects::native::dict_iterator(ViewKind::Keys, d, false)),
            Value::Set(s) => IterState::Values { items: Rc::new(s.keys()), index: 0, kind: "set_iterator" },
            Value::Iterator(_) | Value::AsyncGenOp(_) => return Ok(v.clone()),
            Value::Generator(g) if !g.is_coroutine && !g.is_async_generator => return Ok(v.clone()),
            Value::MemoryView(m) => {
                let items = Rc::new(crate::objects::memoryview::iter_values(m)?);
                IterState::Values { items, index: 0, kind: "memory_iterator" }
            }
            Value::Bytes(_) | Value::ByteArray(_) => {
                let data = crate::objects::bytes::buffer(v)
                    .ok_or_else(|| PyErr::value_error("operation forbidden on released memoryview object"))?;
                let kind = if matches!(v, Value::Bytes(_)) { "bytes_iterator" } else { "bytearray_iterator" };
                IterState::Values { items: Rc::new(crate::objects::bytes::iter_items(&data)), index: 0, kind }
            }
            _ => return Err(PyErr::type_error(format!("'{}' object is not iterable", v.type_name()))),
        };
        Ok(Value::Iterator(Rc::new(RefCell::new(state))))
    }

    pub fn iter_next(&mut self, it: &Rc<RefCell<IterState>>) -> PyResult<Option<Value>> {
        let mut st = it.borrow_mut();
        Ok(match &mut *st {
            IterState::Range { next, stop, step } => {
                if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                    let v = *next;
                    *next = next.checked_add(*step).unwrap_or(*stop);
                    Some(Value::Int(v))
                } else {
                    None
                }
            }
            IterState::LongRange(r) => r.next_value(),
            IterState::List { list, index } => {
                let v = list.borrow().get(*index).cloned();
                *index += 1;
                v
            }
            IterState::Values { items, index, .. } => {
                let v = items.get(*index).cloned();
                *index += 1;
                v
            }
            IterState::Dict { dict, kind, pos, len, reversed } => {
                crate::objects::native::dict_iter_next(dict, *kind, pos, len, *reversed)?
            }
            IterState::Enumerate { inner, count } => {
                let inner = inner.clone();
                let n = *count;
                *count += 1;
                drop(st);
                let Value::Iterator(inner_it) = inner else { return Ok(None) };
                return Ok(self.iter_next(&inner_it)?.map(|v| Value::Tuple(Rc::new(vec![Value::Int(n), v]))));
            }
        })
    }

    fn collect_by_getitem(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        let mut out = Vec::new();
        for i in 0.. {
            match self.call_dunder(v, "__getitem__", &[Value::Int(i)]) {
                Ok(Some(x)) => out.push(x),
                Ok(None) => break,
                Err(e) => {
                    let exc = self.materialize(e);
                    if exc.class.is_subclass(&self.exception_type(ExcKind::IndexError)) {
                        break;
                    }
                    return Err(PyErr::Raised(exc));
                }
            }
        }
        Ok(out)
    }

    /// The next item of any iterator object; None when it is exhausted.
    pub fn next_of(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Generator(g) => match self.resume_generator(g, Value::None, None)? {
                GenStep::Yielded(v) => Ok(Some(v)),
                GenStep::Returned(_) => Ok(None),
            },
            Value::Iterator(state) => {
                let state = state.clone();
                self.iter_next(&state)
            }
            Value::AsyncGenOp(op) => match self.async_op_send(op, Value::None)? {
                GenStep::Yielded(v) => Ok(Some(v)),
                GenStep::Returned(_) => Ok(None),
            },
            _ => match self.call_dunder(it, "__next__", &[]) {
                Ok(Some(v)) => Ok(Some(v)),
                Ok(None) => Err(PyErr::type_error(format!("'{}' object is not an iterator", it.type_name()))),
                Err(e) => {
                    let exc = self.materialize(e);
                    if exc.class.is_subclass(&self.exception_type(ExcKind::StopIteration)) {
                        Ok(None)
                    } else {
                        Err(PyErr::Raised(exc))
                    }
                }
            },
        }
    }

    /// All items of an iterable, in order.
    pub fn collect_iterable(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok(t.to_vec()),
            _ => {}
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next_of(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        // `C.__repr__ = C.__str__` makes repr and str call each other natively; bound it.
        if self.native_depth > self.recursion_limit {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        self.native_depth += 1;
        let r = builtins::repr_value(self, v, 0);
        self.native_depth -= 1;
        r
    }

    pub fn str(&mut self, v: &Value) -> PyResult<String> {
        if let Some(r) = self.call_dunder(v, "__str__", &[])? {
            return match r {
                Value::Str(s) => Ok(s.to_string()),
                other => Err(PyErr::type_error(format!(
                    "__str__ returned non-string (type {})",
                    other.type_name()
                ))),
            };
        }
        match v {
            Value::Str(s) => Ok(s.to_string()),
            Value::WeakRef(r) if r.kind != crate::objects::weakref::WeakKind::Ref => {
                let target = self.proxy_target(r)?;
                self.str(&target)
            }
            Value::Exception(e) => self.exception_str(e),
            _ => self.repr(v),
        }
    }
}

/// What a filled attribute cache gives for a load on an instance (None: the general path).
enum CachedLoad {
    /// Found in the instance dict.
    Own(Value),
    /// A plain function of the class, to be bound to (or called with) the instance.
    Method(Value),
    /// A plain class attribute.
    ClassValue(Value),
}

/// The cached attribute name (an interned `str`).
#[inline(always)]
fn cached_name<'n>(cache: &AttrCache, names: &'n [Value]) -> &'n Rc<crate::objects::str::StrObject> {
    match &names[cache.name as usize] {
        Value::Str(s) => s,
        _ => unreachable!("co_names holds only str"),
    }
}

/// The cache entry for instances of `inst`'s class, filled now if needed.
#[inline(always)]
fn instance_entry<'c>(
    cache: &'c AttrCache,
    inst: &crate::objects::types::InstanceObject,
    names: &[Value],
    store: bool,
) -> &'c AttrCacheEntry {
    match cache.lookup(Rc::as_ptr(&inst.class) as usize) {
        Some(e) => e,
        None => fill_attr_cache(cache, &inst.class, &names[cache.name as usize], store),
    }
}

/// LOAD_ATTR / LOAD_METHOD on an instance through the cache: the instance dict first (with the
/// entry hint), then what the class lookup recorded.
#[inline(always)]
fn cached_instance_load(
    cache: &AttrCache,
    inst: &crate::objects::types::InstanceObject,
    names: &[Value],
) -> Option<CachedLoad> {
    let entry = instance_entry(cache, inst, names, false);
    let kind = entry.kind.get();
    if kind == AttrKind::Unhandled {
        return None;
    }
    if kind == AttrKind::Slot {
        // A `__slots__` member is a data descriptor: it wins over the instance dict. Unset
        // slots take the general path (AttributeError).
        let slots = inst.slots.borrow();
        return match slots.get(entry.slot.get() as usize) {
            Some(v) if !v.is_null() => Some(CachedLoad::Own(v.clone())),
            _ => None,
        };
    }
    if let Some(v) = inst.dict.get_hinted(cached_name(cache, names), &cache.dict_hint) {
        return Some(CachedLoad::Own(v));
    }
    match kind {
        AttrKind::Method => Some(CachedLoad::Method(entry.class_value.borrow().clone())),
        AttrKind::ClassValue => Some(CachedLoad::ClassValue(entry.class_value.borrow().clone())),
        _ => None,
    }
}

/// Decides how an attribute instruction on instances of `class` can be served from its cache
/// (see `AttrCache`), records it, and returns it. Anything unusual is `Unhandled`, which sends
/// the instruction down the general path of `get_attr`/`set_attr`.
#[cold]
fn fill_attr_cache<'c>(
    cache: &'c AttrCache,
    class: &Rc<TypeObject>,
    name: &Value,
    store: bool,
) -> &'c AttrCacheEntry {
    let found = class.lookup_value(name);
    let slot = match &found {
        Some(Value::Native(n)) => match &**n {
            NativeObject::Member(m) => u32::try_from(m.index).ok(),
            _ => None,
        },
        _ => None,
    };
    let kind = if !class.is_heap_type || class.has_getattribute_hook() {
        AttrKind::Unhandled
    } else if let Some(index) = slot {
        // (`has_setattr_hook` counts every slots-only class; only a real override matters here.)
        if store && class.lookup("__setattr__").is_some() {
            AttrKind::Unhandled
        } else {
            let entry = cache.fill(Rc::as_ptr(class) as usize, AttrKind::Slot, Value::Null);
            entry.slot.set(index);
            return entry;
        }
    } else if store {
        match &found {
            // Slots-only instances have no dict to store into.
            _ if class.has_setattr_hook() || !class.instances_have_dict => AttrKind::Unhandled,
            // `obj.__class__ = C` changes the class, never the dict.
            _ if matches!(name, Value::Str(s) if s.as_str() == "__class__") => AttrKind::Unhandled,
            None | Some(Value::Function(_) | Value::Int(_) | Value::Float(_) | Value::Str(_)) => {
                AttrKind::StoreToDict
            }
            Some(Value::None | Value::Bool(_) | Value::Tuple(_)) => AttrKind::StoreToDict,
            _ => AttrKind::Unhandled,
        }
    } else {
        match &found {
            None => AttrKind::InstanceOnly,
            Some(Value::Function(_)) => AttrKind::Method,
            Some(
                Value::Int(_)
                | Value::Float(_)
                | Value::Str(_)
                | Value::None
                | Value::Bool(_)
                | Value::Tuple(_),
            ) => AttrKind::ClassValue,
            _ => AttrKind::Unhandled,
        }
    };
    let value = if matches!(kind, AttrKind::Method | AttrKind::ClassValue) {
        found.unwrap_or(Value::Null)
    } else {
        Value::Null
    };
    cache.fill(Rc::as_ptr(class) as usize, kind, value)
}

#[cold]
fn init_returned(v: &Value) -> PyErr {
    PyErr::type_error(format!("__init__() should return None, not '{}'", v.type_name()))
}

/// Can a call of `func` with `nargs` positional arguments build its frame over the arguments
/// (no `*args`/`**kwargs`, keyword-only parameters, cells, generators; defaults fill the rest)?
#[inline]
fn fits_in_place(func: &FunctionObject, nargs: usize) -> bool {
    let code = &func.code;
    let argcount = code.argcount as usize;
    const NOT_SIMPLE: u32 = CodeFlags::VARARGS | CodeFlags::VARKEYWORDS | SUSPENDABLE;
    code.flags.0 & NOT_SIMPLE == 0
        && code.kwonlyargcount == 0
        && code.cellvars.is_empty()
        && nargs <= argcount
        && nargs + func.defaults.len() >= argcount
}

/// Moves `src[from..]` to the end of `dst` with one copy (suspending a generator frame).
#[inline]
fn move_tail(src: &mut Vec<Value>, from: usize, dst: &mut Vec<Value>) {
    assert!(from <= src.len());
    let n = src.len() - from;
    dst.reserve(n);
    // SAFETY: the `n` values are moved bitwise (as any Rust move) into reserved space of `dst`,
    // and `src` forgets them by shrinking its length, so each value is owned exactly once.
    // A generator frame holds a handful of values: a word-by-word loop is cheaper than a call
    // to memcpy for them.
    unsafe {
        let from_ptr = src.as_ptr().add(from) as *const u64;
        let to_ptr = dst.as_mut_ptr().add(dst.len()) as *mut u64;
        if n <= 8 {
            for i in 0..2 * n {
                std::ptr::write(to_ptr.add(i), std::ptr::read(from_ptr.add(i)));
            }
        } else {
            std::ptr::copy_nonoverlapping(from_ptr, to_ptr, 2 * n);
        }
        src.set_len(from);
        dst.set_len(dst.len() + n);
    }
}

/// A small number standing for the built-in type of `obj` when its methods come from a native
/// method table (`builtins::method`); it takes the place of a type address in attribute caches
/// (no real address is that small).
#[inline]
fn builtin_method_tag(obj: &Value) -> Option<usize> {
    Some(match obj {
        Value::Str(_) => 1,
        Value::List(_) => 2,
        Value::Dict(_) => 3,
        Value::Tuple(_) => 4,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => 5,
        Value::Float(_) => 6,
        Value::Set(_) => 7,
        // Generators and coroutines share one table (`gen.send(x)` in a loop); async generators
        // have their own.
        Value::Generator(g) if !g.is_async_generator => 8,
        _ => return None,
    })
}

#[cold]
fn fill_builtin_method_cache<'c>(
    cache: &'c AttrCache,
    obj: &Value,
    name: &str,
    tag: usize,
) -> &'c AttrCacheEntry {
    match builtins::method(obj, name) {
        Some(Value::Builtin(b)) => {
            let unbound =
                BuiltinFunction { name: b.name, func: b.func, bound_self: None, is_method: b.is_method };
            cache.fill(tag, AttrKind::BuiltinMethod, Value::Builtin(Rc::new(unbound)))
        }
        _ => cache.fill(tag, AttrKind::Unhandled, Value::Null),
    }
}

/// Pushes a copy of `v` (a constant), moved straight from its slot to the new top of the stack
/// rather than through a temporary (LOAD_CONST is among the most frequent instructions).
#[inline(always)]
fn push_clone(stack: &mut Vec<Value>, v: &Value) {
    stack.reserve(1);
    let len = stack.len();
    v.add_ref();
    // SAFETY: there is room for one more value; the bitwise copy owns the reference just added.
    unsafe {
        crate::value::write_value_words(stack.as_mut_ptr().add(len), crate::value::read_value_words(v));
        stack.set_len(len + 1);
    }
}

/// LOAD_FAST's push: a copy of stack slot `slot` (a local, checked to exist by the caller) onto
/// the top, copied in place (by index: the reserve may move the stack).
#[inline(always)]
fn push_clone_of_slot(stack: &mut Vec<Value>, slot: usize) {
    stack.reserve(1);
    let len = stack.len();
    assert!(slot < len);
    // SAFETY: slot < len is initialized, there is room at len, and the copy owns the reference
    // just added.
    unsafe {
        let p = stack.as_mut_ptr();
        (*p.add(slot)).add_ref();
        crate::value::write_value_words(p.add(len), crate::value::read_value_words(p.add(slot)));
        stack.set_len(len + 1);
    }
}

/// BINARY_SUBSCR of a list or tuple by an in-range int index, done where the operands lie: the
/// item is copied into the container's slot and the key (an int) is forgotten, so no `Value`
/// travels through registers and back. False: take the other paths (which report every error).
#[inline(always)]
fn subscript_in_place(stack: &mut Vec<Value>) -> bool {
    let n = stack.len();
    if n < 2 {
        return false;
    }
    let Value::Int(i) = stack[n - 1] else { return false };
    let in_range = |items: &[Value]| {
        let len = items.len() as i64;
        let i = if i < 0 { i + len } else { i };
        (0..len).contains(&i).then(|| &items[i as usize] as *const Value)
    };
    let item = match &stack[n - 2] {
        Value::List(l) => match l.try_borrow() {
            Ok(items) => in_range(&items),
            Err(_) => None,
        },
        Value::Tuple(t) => in_range(t),
        _ => None,
    };
    let Some(item) = item else { return false };
    // SAFETY: `item` points into the container held at slot n - 2, which nothing can change
    // before the copy (no code runs in between); the new reference is added before the
    // container's is given up, so the item outlives even the container's last reference.
    unsafe {
        let p = stack.as_mut_ptr();
        (*item).add_ref();
        let container = crate::value::read_value_words(p.add(n - 2));
        crate::value::write_value_words(p.add(n - 2), crate::value::read_value_words(item));
        stack.set_len(n - 1);
        drop_container(container);
    }
    true
}

/// Drops a list, tuple or dict with an inline reference-count decrement (the generic drop glue
/// of `Value` is an out-of-line call).
#[inline(always)]
fn drop_container(v: Value) {
    match v {
        Value::List(l) => drop(l),
        Value::Tuple(t) => drop(t),
        Value::Dict(d) => drop(d),
        other => other.discard(),
    }
}

/// BINARY_SUBSCR without any Python-level hook: list and tuple items by in-range int index,
/// dict items by str key. None means the general path decides (including every error).
#[inline(always)]
fn fast_subscript(container: &Value, key: &Value) -> Option<Value> {
    let item = |items: &[Value], i: i64| {
        let len = items.len() as i64;
        let i = if i < 0 { i + len } else { i };
        if (0..len).contains(&i) {
            Some(items[i as usize].clone())
        } else {
            None
        }
    };
    match (container, key) {
        (Value::List(l), Value::Int(i)) => item(&l.borrow(), *i),
        (Value::Tuple(t), Value::Int(i)) => item(t, *i),
        (Value::Dict(d), Value::Str(_)) => d.get(key).ok().flatten(),
        _ => None,
    }
}

/// BINARY_OP on two small ints (no overflow) or two floats/int-float pairs, inline; None means
/// "take the general path" (which also produces every error).
#[inline(always)]
fn fast_binary_op(arg: u32, a: &Value, b: &Value) -> Option<Value> {
    use BinaryOpKind::*;
    let op = if arg >= 13 { arg - 13 } else { arg };
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            let (x, y) = (*x, *y);
            let r = match op {
                o if o == Add as u32 => x.checked_add(y)?,
                o if o == Subtract as u32 => x.checked_sub(y)?,
                o if o == Multiply as u32 => x.checked_mul(y)?,
                o if o == Remainder as u32 && y > 0 && x >= 0 => x % y,
                o if o == Remainder as u32 && y != 0 && y != -1 => {
                    x.rem_euclid(y) + if y < 0 && x.rem_euclid(y) != 0 { y } else { 0 }
                }
                o if o == FloorDivide as u32 && y > 0 && x >= 0 => x / y,
                o if o == FloorDivide as u32 && y != 0 && y != -1 => num_integer::Integer::div_floor(&x, &y),
                o if o == And as u32 => x & y,
                o if o == Or as u32 => x | y,
                o if o == Xor as u32 => x ^ y,
                // A negative exponent gives a float: the general path.
                o if o == Power as u32 && (0..=u32::MAX as i64).contains(&y) => x.checked_pow(y as u32)?,
                _ => return None,
            };
            Some(Value::Int(r))
        }
        (Value::Float(x), Value::Float(y)) => float_fast(op, *x, *y),
        (Value::Float(x), Value::Int(y)) => float_fast(op, *x, *y as f64),
        (Value::Int(x), Value::Float(y)) => float_fast(op, *x as f64, *y),
        _ => None,
    }
}

#[inline(always)]
fn float_fast(op: u32, x: f64, y: f64) -> Option<Value> {
    use BinaryOpKind::*;
    Some(Value::Float(match op {
        o if o == Add as u32 => x + y,
        o if o == Subtract as u32 => x - y,
        o if o == Multiply as u32 => x * y,
        o if o == TrueDivide as u32 && y != 0.0 => x / y,
        // Only where C's pow() is all CPython does: a negative base (complex results), a zero
        // base with a negative exponent (ZeroDivisionError) and overflow take the general path.
        o if o == Power as u32 && x > 0.0 && x.is_finite() && y.is_finite() => {
            let r = x.powf(y);
            if !r.is_finite() {
                return None;
            }
            r
        }
        _ => return None,
    }))
}

#[inline(always)]
fn compare_ord(arg: u32, o: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match arg {
        0 => o == Less,
        1 => o != Greater,
        2 => o == Equal,
        3 => o != Equal,
        4 => o == Greater,
        _ => o != Less,
    }
}

#[inline(always)]
fn compare_floats(arg: u32, x: f64, y: f64) -> bool {
    match arg {
        0 => x < y,
        1 => x <= y,
        2 => x == y,
        3 => x != y,
        4 => x > y,
        _ => x >= y,
    }
}

/// Code flags of functions whose call makes a suspendable object instead of running.
const SUSPENDABLE: u32 = CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR;

/// The name part of an operator's special methods: `add` for `__add__`/`__radd__`/`__iadd__`.
/// The special methods of a binary operator: forward, reflected, in-place.
fn binary_dunders(op: BinaryOpKind) -> [&'static str; 3] {
    match op {
        BinaryOpKind::Add => ["__add__", "__radd__", "__iadd__"],
        BinaryOpKind::And => ["__and__", "__rand__", "__iand__"],
        BinaryOpKind::FloorDivide => ["__floordiv__", "__rfloordiv__", "__ifloordiv__"],
        BinaryOpKind::Lshift => ["__lshift__", "__rlshift__", "__ilshift__"],
        BinaryOpKind::MatrixMultiply => ["__matmul__", "__rmatmul__", "__imatmul__"],
        BinaryOpKind::Multiply => ["__mul__", "__rmul__", "__imul__"],
        BinaryOpKind::Remainder => ["__mod__", "__rmod__", "__imod__"],
        BinaryOpKind::Or => ["__or__", "__ror__", "__ior__"],
        BinaryOpKind::Power => ["__pow__", "__rpow__", "__ipow__"],
        BinaryOpKind::Rshift => ["__rshift__", "__rrshift__", "__irshift__"],
        BinaryOpKind::Subtract => ["__sub__", "__rsub__", "__isub__"],
        BinaryOpKind::TrueDivide => ["__truediv__", "__rtruediv__", "__itruediv__"],
        BinaryOpKind::Xor => ["__xor__", "__rxor__", "__ixor__"],
    }
}

/// The "[Previous line repeated N more times]" note after a cut run of identical entries.
pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

/// The indices a slice selects from a sequence of length `len`.
pub(crate) fn slice_indices(s: &(Value, Value, Value), len: usize) -> PyResult<Vec<usize>> {
    let (start, stop, step) = slice_adjust(s, len)?;
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        // A step near the integer limits ends the walk instead of wrapping around.
        match i.checked_add(step) {
            Some(next) => i = next,
            None => break,
        }
    }
    Ok(out)
}

/// `slice.indices(len)`: start, stop and step clamped to a sequence of length `len`.
pub(crate) fn slice_adjust(s: &(Value, Value, Value), len: usize) -> PyResult<(i64, i64, i64)> {
    let get = |v: &Value| -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            // Out-of-range big ints clamp, as CPython's PySlice_Unpack does.
            Value::BigInt(b) => {
                Ok(Some(if num_traits::Signed::is_negative(&**b) { i64::MIN / 2 } else { i64::MAX / 2 }))
            }
            _ => Err(PyErr::type_error("slice indices must be integers or None or have an __index__ method")),
        }
    };
    let step = get(&s.2)?.unwrap_or(1);
    if step == 0 {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let len = len as i64;
    let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
    let norm = |v: Option<i64>, default: i64, lo: i64, hi: i64| match v {
        None => default,
        Some(i) if i < 0 => clamp(i.saturating_add(len), lo, hi),
        Some(i) => clamp(i, lo, hi),
    };
    let (start, stop) = if step > 0 {
        (norm(get(&s.0)?, 0, 0, len), norm(get(&s.1)?, len, 0, len))
    } else {
        (norm(get(&s.0)?, len - 1, -1, len - 1), norm(get(&s.1)?, -1, -1, len - 1))
    };
    Ok((start, stop, step))
}

/// `r[a:b:c]` of a range is a range (CPython's compute_slice).
fn range_slice(r: &(i64, i64, i64), s: &(Value, Value, Value)) -> PyResult<Value> {
    let len = range_len(r.0, r.1, r.2) as usize;
    let (start, stop, step) = slice_adjust(s, len)?;
    let at = |i: i64| i64::try_from(r.0 as i128 + i as i128 * r.2 as i128);
    match (at(start), at(stop), r.2.checked_mul(step)) {
        (Ok(a), Ok(b), Some(c)) => Ok(Value::Range(Rc::new((a, b, c)))),
        _ => Err(PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C ssize_t")),
    }
}

#[cold]
fn unbound_local(code: &CodeObject, arg: u32) -> PyErr {
    let name = code.varnames.get(arg as usize).cloned().unwrap_or_default();
    PyErr::new(
        ExcKind::UnboundLocalError,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

/// Puts call arguments into a new frame's local slots, with CPython's errors for bad calls.
fn bind_arguments(
    func: &FunctionObject,
    slots: &mut [Value],
    args: Vec<Value>,
    kwargs: Vec<(Name, Value)>,
) -> PyResult<()> {
    let code = &func.code;
    let argcount = code.argcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let has_varargs = code.flags.has(CodeFlags::VARARGS);
    let has_varkw = code.flags.has(CodeFlags::VARKEYWORDS);
    let qual = &func.qualname;
    let nargs = args.len();
    let mut extra = Vec::new();
    for (i, a) in args.into_iter().enumerate() {
        if i < argcount {
            slots[i] = a;
        } else {
            extra.push(a);
        }
    }
    if !extra.is_empty() && !has_varargs {
        // CPython counts the keyword-only arguments that were given.
        let given_kw = kwargs
            .iter()
            .filter(|(k, _)| {
                code.varnames[argcount..argcount + kwonly].iter().any(|v| v.as_str() == k.as_str())
            })
            .count();
        let takes = if func.defaults.is_empty() {
            format!("{argcount} positional argument{}", if argcount == 1 { "" } else { "s" })
        } else {
            format!("from {} to {argcount} positional arguments", argcount - func.defaults.len())
        };
        let given = if given_kw > 0 {
            format!(
                "{nargs} positional argument{} (and {given_kw} keyword-only argument{}) were given",
                if nargs == 1 { "" } else { "s" },
                if given_kw == 1 { "" } else { "s" }
            )
        } else {
            format!("{nargs} {}", if nargs == 1 { "was given" } else { "were given" })
        };
        return Err(PyErr::type_error(format!("{qual}() takes {takes} but {given}")));
    }
    let mut varkw: Vec<(Name, Value)> = Vec::new();
    let mut posonly_as_kw = Vec::new();
    for (name, value) in kwargs {
        let pos = code.varnames[..argcount + kwonly].iter().position(|v| v.as_str() == name.as_str());
        match pos {
            Some(i) if i < code.posonlyargcount as usize => {
                if has_varkw {
                    varkw.push((name, value));
                } else {
                    posonly_as_kw.push(name.to_string());
                }
            }
            Some(i) => {
                if !slots[i].is_null() {
                    return Err(PyErr::type_error(format!(
                        "{qual}() got multiple values for argument '{name}'"
                    )));
                }
                slots[i] = value;
            }
            None if has_varkw => varkw.push((name, value)),
            None => {
                return Err(PyErr::type_error(format!(
                    "{qual}() got an unexpected keyword argument '{name}'"
                )));
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{qual}() got some positional-only arguments passed as keyword arguments: '{}'",
            posonly_as_kw.join(", ")
        )));
    }
    // Defaults for the trailing positional parameters.
    let first_default = argcount - func.defaults.len().min(argcount);
    let mut missing = Vec::new();
    for (i, slot) in slots.iter_mut().enumerate().take(argcount) {
        if slot.is_null() {
            if i >= first_default {
                *slot = func.defaults[i - first_default].clone();
            } else {
                missing.push(code.varnames[i].clone());
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_error(qual, "positional", &missing));
    }
    for (i, slot) in slots.iter_mut().enumerate().take(argcount + kwonly).skip(argcount) {
        if slot.is_null() {
            let name = &code.varnames[i];
            match func.kwdefaults.iter().find(|(k, _)| k.as_str() == name.as_str()) {
                Some((_, v)) => *slot = v.clone(),
                None => missing.push(name.clone()),
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_error(qual, "keyword-only", &missing));
    }
    let mut next = argcount + kwonly;
    if has_varargs {
        slots[next] = Value::Tuple(Rc::new(extra));
        next += 1;
    }
    if has_varkw {
        let d = DictObject::new();
        for (k, v) in varkw {
            d.set(Value::Str(k), v)?;
        }
        slots[next] = Value::Dict(Rc::new(d));
    }
    Ok(())
}

#[cold]
fn missing_error(qual: &str, kind: &str, names: &[String]) -> PyErr {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => format!("{}, and {}", quoted[..quoted.len() - 1].join(", "), quoted[quoted.len() - 1]),
    };
    PyErr::type_error(format!(
        "{qual}() missing {} required {kind} argument{}: {list}",
        names.len(),
        if names.len() == 1 { "" } else { "s" }
    ))
}

/// Turns a compile-time constant into a runtime value.
fn const_value(c: &ConstValue) -> Value {
    use kaa_syntax::ast::Int;
    match c {
        ConstValue::None => Value::None,
        ConstValue::Bool(b) => Value::Bool(*b),
        ConstValue::Int(Int::Small(i)) => Value::Int(*i),
        ConstValue::Int(Int::Big(b)) => Value::from_bigint(b.clone()),
        ConstValue::Float(f) => Value::Float(*f),
        ConstValue::Complex { real, imag } => crate::objects::complex::new_complex(*real, *imag),
        ConstValue::Str(s) => Value::str(&s.to_string_lossy()),
        ConstValue::Bytes(b) => crate::objects::bytes::new_bytes(b.clone()),
        ConstValue::Ellipsis => Value::Ellipsis,
        ConstValue::Tuple(items) => Value::Tuple(Rc::new(items.iter().map(const_value).collect())),
        ConstValue::FrozenSet(items) => {
            let set = crate::objects::set::SetObject::new(true);
            for item in items {
                // Constants always hash.
                let _ = set.add(const_value(item));
            }
            Value::Set(Rc::new(set))
        }
        ConstValue::Code(code) => Value::Code(code.clone()),
    }
}
