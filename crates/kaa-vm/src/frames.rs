//! Frames seen from Python: frame objects for running frames (`sys._getframe`), traceback links
//! added as an exception leaves a frame, and the attributes of both.

use crate::exceptions::{ExcKind, ExceptionObject, PyErr, PyResult, TraceEntry};
use crate::interp::Vm;
use crate::objects::frame::{FrameObject, TracebackObject};
use crate::objects::function::NativeFn;
use crate::objects::generator::{GenState, GeneratorObject};
use crate::value::Value;
use kaa_bytecode::Opcode;
use std::rc::Rc;

impl Vm {
    /// The object of running frame number `index` (0 = outermost), made on first request along
    /// with those of the frames below it that lack one (for `f_back`).
    pub(crate) fn frame_object(&mut self, index: usize) -> Rc<FrameObject> {
        if let Some(o) = &self.frames[index].object {
            return o.clone();
        }
        let mut first = index;
        while first > 0 && self.frames[first - 1].object.is_none() {
            first -= 1;
        }
        for i in first..=index {
            let back = if i == 0 { None } else { self.frames[i - 1].object.clone() };
            let f = &self.frames[i];
            let object = Rc::new(FrameObject {
                code: f.code.clone(),
                globals: f.globals.clone(),
                back,
                lasti: std::cell::Cell::new(f.pc.saturating_sub(1) as u32),
                locals: std::cell::RefCell::new(None),
            });
            self.gc_track(&Value::Frame(object.clone()));
            self.frames[i].object = Some(object);
        }
        self.frames[index].object.clone().expect("frame object just made")
    }

    /// Prepends the innermost running frame to `exc.__traceback__` (the exception is passing
    /// through it at its current instruction).
    #[cold]
    pub(crate) fn add_traceback_here(&mut self, exc: &Rc<ExceptionObject>) {
        let index = self.frames.len() - 1;
        if self.frames[index].code.flags.has(kaa_bytecode::code::CodeFlags::KAA_INTERNAL) {
            return;
        }
        let frame = self.frame_object(index);
        let f = &self.frames[index];
        let at = f.pc.saturating_sub(1);
        let (end_lineno, col, end_col) = f.code.positions.get(at).copied().unwrap_or((0, 0, 0));
        let entry =
            TraceEntry { lineno: f.code.lines.get(at).copied().unwrap_or(0), end_lineno, col, end_col };
        let next = exc.traceback.borrow_mut().take();
        let link = TracebackObject { frame, lasti: at as u32, entry, next: std::cell::RefCell::new(next) };
        *exc.traceback.borrow_mut() = Some(Rc::new(link));
    }

    /// Saves frame `index`'s position and locals into its object, for after the frame is gone.
    #[cold]
    pub(crate) fn record_frame_state(&mut self, index: usize) {
        let locals = self.locals_of(index);
        let f = &self.frames[index];
        if let Some(o) = &f.object {
            o.lasti.set(f.pc.saturating_sub(1) as u32);
            *o.locals.borrow_mut() = locals;
        }
    }

    /// Where `frame` is on the running stack, if it is still running.
    fn running_index(&self, frame: &Rc<FrameObject>) -> Option<usize> {
        self.frames.iter().rposition(|f| f.object.as_ref().is_some_and(|o| Rc::ptr_eq(o, frame)))
    }

    /// `frame.<name>`.
    pub(crate) fn frame_attr(&mut self, frame: &Rc<FrameObject>, name: &str) -> Option<Value> {
        let running = self.running_index(frame);
        Some(match name {
            "f_code" => Value::Code(frame.code.clone()),
            "f_globals" => Value::Dict(frame.globals.clone()),
            "f_builtins" => Value::Dict(self.builtins.clone()),
            "f_back" => frame.back.clone().map_or(Value::None, Value::Frame),
            "f_lineno" => {
                let at = match running {
                    Some(i) => self.frames[i].pc.saturating_sub(1) as u32,
                    None => frame.lasti.get(),
                };
                Value::Int(frame.line_at(at) as i64)
            }
            "f_lasti" => {
                let at = running.map_or(frame.lasti.get(), |i| self.frames[i].pc.saturating_sub(1) as u32);
                Value::Int(at as i64 * 2)
            }
            "f_locals" => {
                let d = match running {
                    Some(i) => self.locals_of(i),
                    None => frame.locals.borrow().clone(),
                };
                Value::Dict(d.unwrap_or_else(|| Rc::new(crate::objects::dict::DictObject::new())))
            }
            "f_trace" => Value::None,
            _ => return None,
        })
    }

    /// `sys._getframe(depth)`.
    pub fn getframe(&mut self, depth: &Value) -> PyResult<Value> {
        let depth = match depth {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            other => {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    other.type_name()
                )))
            }
        };
        let top = self.frames.len() as i64 - 1;
        if depth > top {
            return Err(PyErr::new(ExcKind::ValueError, "call stack is not deep enough"));
        }
        let index = (top - depth.max(0)) as usize;
        Ok(Value::Frame(self.frame_object(index)))
    }
}

/// `<frame at 0x..., file '...', line N, code name>`.
pub fn frame_repr(vm: &mut Vm, frame: &Rc<FrameObject>) -> String {
    let line = match vm.frame_attr(frame, "f_lineno") {
        Some(Value::Int(l)) => l,
        _ => 0,
    };
    format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        Rc::as_ptr(frame) as usize,
        frame.code.filename,
        line,
        frame.code.name
    )
}

/// The `co_*` attributes of a code object.
pub fn code_attr(code: &Rc<kaa_bytecode::CodeObject>, name: &str) -> Option<Value> {
    let names = |v: &[String]| Value::Tuple(Rc::new(v.iter().map(|s| Value::str(s)).collect()));
    Some(match name {
        "co_name" => Value::str(&code.name),
        "co_qualname" => Value::str(&code.qualname),
        "co_filename" => Value::str(&code.filename),
        "co_firstlineno" => Value::Int(code.firstlineno as i64),
        "co_argcount" => Value::Int(code.argcount as i64),
        "co_posonlyargcount" => Value::Int(code.posonlyargcount as i64),
        "co_kwonlyargcount" => Value::Int(code.kwonlyargcount as i64),
        "co_nlocals" => Value::Int(code.varnames.len() as i64),
        "co_flags" => Value::Int(code.flags.0 as i64),
        "co_varnames" => names(&code.varnames),
        "co_cellvars" => names(&code.cellvars),
        "co_freevars" => names(&code.freevars),
        "co_names" => names(&code.names),
        _ => return None,
    })
}

fn code_self<'a>(args: &'a [Value], name: &str) -> PyResult<&'a Rc<kaa_bytecode::CodeObject>> {
    match args.first() {
        Some(Value::Code(c)) => Ok(c),
        _ => Err(crate::objects::args::descriptor_error("code", name, args)),
    }
}

fn iterator_over(items: Vec<Value>) -> Value {
    let state = crate::objects::iter::IterState::Values { items: Rc::new(items), index: 0, kind: "iterator" };
    Value::Iterator(Rc::new(std::cell::RefCell::new(state)))
}

/// The methods of code objects. Offsets are in CPython's units (two per instruction, as
/// `f_lasti`/`tb_lasti` report them); Kaa has no inline cache entries in its instruction array,
/// so each instruction is one entry of `co_positions()`.
pub static CODE_METHODS: &[(&str, NativeFn)] = &[
    ("co_positions", |_, a, k| {
        let code = code_self(a, "co_positions")?;
        crate::objects::args::noargs("code", "co_positions", a, k)?;
        let opt = |n: u32| if n == 0 { Value::None } else { Value::Int(n as i64) };
        let items = code
            .lines
            .iter()
            .zip(&code.positions)
            .map(|(&line, &(end_line, col, end_col))| {
                let t = if line == 0 {
                    vec![Value::None, Value::None, Value::None, Value::None]
                } else {
                    vec![opt(line), opt(end_line), Value::Int(col as i64), Value::Int(end_col as i64)]
                };
                Value::Tuple(Rc::new(t))
            })
            .collect();
        Ok(iterator_over(items))
    }),
    ("co_lines", |_, a, k| {
        let code = code_self(a, "co_lines")?;
        crate::objects::args::noargs("code", "co_lines", a, k)?;
        let mut items = Vec::new();
        let mut start = 0usize;
        for i in 1..=code.lines.len() {
            if i == code.lines.len() || code.lines[i] != code.lines[start] {
                let line = code.lines[start];
                let line = if line == 0 { Value::None } else { Value::Int(line as i64) };
                items.push(Value::Tuple(Rc::new(vec![
                    Value::Int(start as i64 * 2),
                    Value::Int(i as i64 * 2),
                    line,
                ])));
                start = i;
            }
        }
        Ok(iterator_over(items))
    }),
];

/// Reading or deleting an empty cell: UnboundLocalError for the frame's own cell variables,
/// NameError for free variables of an enclosing scope.
#[cold]
pub fn unbound_deref(code: &kaa_bytecode::CodeObject, slot: u32) -> PyErr {
    let slot = slot as usize;
    match code.cellvars.get(slot) {
        Some(name) => PyErr::new(
            ExcKind::UnboundLocalError,
            format!("cannot access local variable '{name}' where it is not associated with a value"),
        ),
        None => {
            let name = code.freevars.get(slot - code.cellvars.len()).cloned().unwrap_or_default();
            PyErr::new(
                ExcKind::NameError,
                format!(
                    "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                ),
            )
        }
    }
}

impl Vm {
    /// The frame object of a generator that has not finished.
    fn generator_frame(&mut self, g: &Rc<GeneratorObject>) -> Option<Rc<FrameObject>> {
        if let Some((suspended, values)) = g.saved.borrow_mut().parts_mut() {
            let f = &mut suspended.frame;
            if f.object.is_none() {
                let locals = crate::objects::dict::DictObject::new();
                for (name, v) in f.code.varnames.iter().zip(values.iter()) {
                    if !v.is_null() {
                        locals.set_str(name, v.clone());
                    }
                }
                f.object = Some(Rc::new(FrameObject {
                    code: f.code.clone(),
                    globals: f.globals.clone(),
                    back: None,
                    // Not started yet: the frame is at its `def` line.
                    lasti: std::cell::Cell::new(if g.state.get() == GenState::Created {
                        u32::MAX
                    } else {
                        f.pc.saturating_sub(1) as u32
                    }),
                    locals: std::cell::RefCell::new(Some(Rc::new(locals))),
                }));
            }
            return f.object.clone();
        }
        if g.state.get() == GenState::Running {
            let index = self
                .frames
                .iter()
                .rposition(|f| f.generator.as_ref().is_some_and(|running| Rc::ptr_eq(running, g)))?;
            return Some(self.frame_object(index));
        }
        None
    }

    /// What a suspended generator is delegating to (`yield from` / `await`): the receiver on top
    /// of its stack when it is paused inside the SEND loop.
    fn generator_delegate(&self, g: &Rc<GeneratorObject>) -> Value {
        let saved = g.saved.borrow();
        let Some((suspended, values)) = saved.parts() else { return Value::None };
        if g.state.get() != GenState::Suspended {
            return Value::None;
        }
        let code = &suspended.frame.code;
        let pc = suspended.frame.pc;
        let Some(ins) = code.instructions.get(pc) else { return Value::None };
        let in_send_loop = ins.op() == Opcode::JumpBackward
            && code
                .instructions
                .get((pc + 1).wrapping_sub(ins.arg() as usize))
                .is_some_and(|t| t.op() == Opcode::Send);
        if in_send_loop {
            values.last().cloned().unwrap_or(Value::None)
        } else {
            Value::None
        }
    }

    /// `gi_*` / `cr_*` / `ag_*` attributes.
    pub(crate) fn generator_attr(&mut self, g: &Rc<GeneratorObject>, name: &str) -> Option<Value> {
        let prefix = if g.is_coroutine {
            "cr_"
        } else if g.is_async_generator {
            "ag_"
        } else {
            "gi_"
        };
        let field = name.strip_prefix(prefix)?;
        Some(match field {
            "frame" => self.generator_frame(g).map_or(Value::None, Value::Frame),
            "code" => Value::Code(g.code.clone()),
            "running" if g.is_async_generator => Value::Bool(g.running_async.get()),
            "running" => Value::Bool(g.state.get() == GenState::Running),
            "suspended" if !g.is_async_generator => Value::Bool(g.state.get() == GenState::Suspended),
            "yieldfrom" if prefix == "gi_" => self.generator_delegate(g),
            "await" if prefix != "gi_" => self.generator_delegate(g),
            "origin" if g.is_coroutine => Value::None,
            _ => return None,
        })
    }
}
