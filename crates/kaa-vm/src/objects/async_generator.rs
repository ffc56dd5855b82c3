//! Asynchronous generators: the awaitables their `__anext__`/`asend`/`athrow`/`aclose` return.
//!
//! An async generator is a generator frame whose `yield`s are marked (ASYNC_GEN_WRAP): driving
//! one of these awaitables resumes the frame; a marked yield ends the awaitable with the value
//! (StopIteration(value) to whoever awaits it), while an unmarked one comes from an `await`
//! inside the generator and is passed through to the event loop.

use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::function::NativeFn;
use crate::objects::generator::{GenState, GenStep, GeneratorObject};
use crate::value::Value;
use std::cell::Cell;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum OpState {
    Init,
    Iter,
    Closed,
}

pub enum AsyncOpKind {
    /// `__anext__()` (value None) or `asend(value)`.
    Send(Value),
    /// `athrow(exc)`.
    Throw(Value),
    /// `aclose()`.
    Close,
}

/// `async_generator_asend` / `async_generator_athrow`.
pub struct AsyncGenOp {
    pub gen: Rc<GeneratorObject>,
    pub kind: AsyncOpKind,
    pub state: Cell<OpState>,
}

impl AsyncGenOp {
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            AsyncOpKind::Send(_) => "async_generator_asend",
            _ => "async_generator_athrow",
        }
    }
}

fn op_value(gen: &Rc<GeneratorObject>, kind: AsyncOpKind) -> Value {
    Value::AsyncGenOp(Rc::new(AsyncGenOp { gen: gen.clone(), kind, state: Cell::new(OpState::Init) }))
}

impl Vm {
    /// Resumes the async generator's frame; its end is StopAsyncIteration.
    fn async_gen_step(
        &mut self,
        gen: &Rc<GeneratorObject>,
        sent: Value,
        throw: Option<PyErr>,
    ) -> PyResult<GenStep> {
        if gen.state.get() == GenState::Finished && throw.is_none() {
            return Err(PyErr::new(ExcKind::StopAsyncIteration, ""));
        }
        match self.resume_generator(gen, sent, throw)? {
            GenStep::Returned(_) => Err(PyErr::new(ExcKind::StopAsyncIteration, "")),
            step => Ok(step),
        }
    }

    /// The generator's own yields finish the awaitable; errors end the generator's run.
    fn async_gen_unwrap(&mut self, op: &AsyncGenOp, step: PyResult<GenStep>) -> PyResult<GenStep> {
        let gen = &op.gen;
        match step {
            Err(e) => {
                let exc = self.materialize(e);
                let ends = [ExcKind::StopAsyncIteration, ExcKind::GeneratorExit]
                    .iter()
                    .any(|k| exc.class.is_subclass(&self.exception_type(*k)));
                if ends {
                    gen.async_closed.set(true);
                }
                gen.running_async.set(false);
                op.state.set(OpState::Closed);
                Err(PyErr::Raised(exc))
            }
            Ok(GenStep::Yielded(v)) if gen.yielded_own_value.get() => {
                gen.running_async.set(false);
                op.state.set(OpState::Closed);
                Ok(GenStep::Returned(v))
            }
            other => other,
        }
    }

    #[cold]
    fn ignored_generator_exit(&self, op: &AsyncGenOp) -> PyErr {
        op.gen.running_async.set(false);
        op.state.set(OpState::Closed);
        PyErr::new(ExcKind::RuntimeError, "async generator ignored GeneratorExit")
    }

    /// How an athrow/aclose awaitable ends with an error: aclose treats the generator stopping
    /// (StopAsyncIteration or GeneratorExit) as success.
    fn athrow_error(&mut self, op: &AsyncGenOp, err: PyErr) -> PyResult<GenStep> {
        op.gen.running_async.set(false);
        op.state.set(OpState::Closed);
        let exc = self.materialize(err);
        let stopped = [ExcKind::StopAsyncIteration, ExcKind::GeneratorExit]
            .iter()
            .any(|k| exc.class.is_subclass(&self.exception_type(*k)));
        if matches!(op.kind, AsyncOpKind::Close) && stopped {
            return Ok(GenStep::Returned(Value::None));
        }
        Err(PyErr::Raised(exc))
    }

    /// `op.send(value)`: one step of the awaitable.
    pub fn async_op_send(&mut self, op: &AsyncGenOp, sent: Value) -> PyResult<GenStep> {
        let gen = op.gen.clone();
        match &op.kind {
            AsyncOpKind::Send(initial) => {
                if op.state.get() == OpState::Closed {
                    return Err(PyErr::new(
                        ExcKind::RuntimeError,
                        "cannot reuse already awaited __anext__()/asend()",
                    ));
                }
                let mut sent = sent;
                if op.state.get() == OpState::Init {
                    if gen.running_async.get() {
                        op.state.set(OpState::Closed);
                        return Err(PyErr::new(
                            ExcKind::RuntimeError,
                            "anext(): asynchronous generator is already running",
                        ));
                    }
                    if matches!(sent, Value::None) {
                        sent = initial.clone();
                    }
                    op.state.set(OpState::Iter);
                }
                gen.running_async.set(true);
                let step = self.async_gen_step(&gen, sent, None);
                self.async_gen_unwrap(op, step)
            }
            AsyncOpKind::Throw(_) | AsyncOpKind::Close => {
                let closing = matches!(op.kind, AsyncOpKind::Close);
                if op.state.get() == OpState::Closed {
                    return Err(PyErr::new(
                        ExcKind::RuntimeError,
                        "cannot reuse already awaited aclose()/athrow()",
                    ));
                }
                if gen.state.get() == GenState::Finished {
                    op.state.set(OpState::Closed);
                    return Ok(GenStep::Returned(Value::None));
                }
                if op.state.get() == OpState::Init {
                    if gen.running_async.get() {
                        op.state.set(OpState::Closed);
                        let which = if closing { "aclose" } else { "athrow" };
                        return Err(PyErr::new(
                            ExcKind::RuntimeError,
                            format!("{which}(): asynchronous generator is already running"),
                        ));
                    }
                    if gen.async_closed.get() {
                        op.state.set(OpState::Closed);
                        return Err(PyErr::new(ExcKind::StopAsyncIteration, ""));
                    }
                    if !matches!(sent, Value::None) {
                        return Err(PyErr::new(
                            ExcKind::RuntimeError,
                            "can't send non-None value to a just-started coroutine",
                        ));
                    }
                    op.state.set(OpState::Iter);
                    gen.running_async.set(true);
                    let exc = match &op.kind {
                        AsyncOpKind::Throw(e) => self.make_raisable(e.clone()),
                        _ => {
                            gen.async_closed.set(true);
                            PyErr::new(ExcKind::GeneratorExit, "")
                        }
                    };
                    return self.athrow_step(op, Value::None, Some(exc));
                }
                self.athrow_step(op, sent, None)
            }
        }
    }

    fn athrow_step(&mut self, op: &AsyncGenOp, sent: Value, throw: Option<PyErr>) -> PyResult<GenStep> {
        let gen = op.gen.clone();
        match self.async_gen_step(&gen, sent, throw) {
            Err(e) => self.athrow_error(op, e),
            Ok(GenStep::Yielded(_))
                if matches!(op.kind, AsyncOpKind::Close) && gen.yielded_own_value.get() =>
            {
                Err(self.ignored_generator_exit(op))
            }
            Ok(step) => self.async_gen_unwrap(op, Ok(step)),
        }
    }

    /// `op.throw(exc)`.
    pub fn async_op_throw(&mut self, op: &AsyncGenOp, exc: Value) -> PyResult<GenStep> {
        if op.state.get() == OpState::Closed {
            let msg = match op.kind {
                AsyncOpKind::Send(_) => "cannot reuse already awaited __anext__()/asend()",
                _ => "cannot reuse already awaited aclose()/athrow()",
            };
            return Err(PyErr::new(ExcKind::RuntimeError, msg));
        }
        let gen = op.gen.clone();
        let err = self.make_raisable(exc);
        match op.kind {
            AsyncOpKind::Send(_) => {
                let step = self.async_gen_step(&gen, Value::None, Some(err));
                self.async_gen_unwrap(op, step)
            }
            _ => self.athrow_step(op, Value::None, Some(err)),
        }
    }

    /// A step's result as a method call returns it: the yielded value, or StopIteration.
    fn step_result(&mut self, step: GenStep) -> PyResult<Value> {
        match step {
            GenStep::Yielded(v) => Ok(v),
            GenStep::Returned(v) => Err(self.stop_iteration(v)),
        }
    }

    /// `async for`'s GET_AITER on an async generator / GET_ANEXT.
    pub fn async_gen_anext(&self, gen: &Rc<GeneratorObject>) -> Value {
        op_value(gen, AsyncOpKind::Send(Value::None))
    }
}

fn op_self(a: &[Value]) -> PyResult<Rc<AsyncGenOp>> {
    match a.first() {
        Some(Value::AsyncGenOp(o)) => Ok(o.clone()),
        _ => Err(PyErr::type_error("descriptor requires an async generator awaitable")),
    }
}

fn gen_self(a: &[Value]) -> PyResult<Rc<GeneratorObject>> {
    match a.first() {
        Some(Value::Generator(g)) if g.is_async_generator => Ok(g.clone()),
        _ => Err(PyErr::type_error("descriptor requires an 'async_generator' object")),
    }
}

/// The methods of `async_generator_asend` / `async_generator_athrow` objects.
pub static OP_METHODS: &[(&str, NativeFn)] = &[
    ("send", |vm, a, _| {
        let op = op_self(a)?;
        let step = vm.async_op_send(&op, a.get(1).cloned().unwrap_or(Value::None))?;
        vm.step_result(step)
    }),
    ("__next__", |vm, a, _| {
        let op = op_self(a)?;
        let step = vm.async_op_send(&op, Value::None)?;
        vm.step_result(step)
    }),
    ("throw", |vm, a, _| {
        let op = op_self(a)?;
        let exc = crate::objects::generator_throw::thrown_exception(vm, &a[1..])?;
        let step = vm.async_op_throw(&op, exc)?;
        vm.step_result(step)
    }),
    ("close", |_, a, _| {
        op_self(a)?.state.set(OpState::Closed);
        Ok(Value::None)
    }),
    ("__await__", |_, a, _| Ok(a[0].clone())),
    ("__iter__", |_, a, _| Ok(a[0].clone())),
];

/// The methods of async generator objects.
pub static ASYNC_GEN_METHODS: &[(&str, NativeFn)] = &[
    ("__aiter__", |_, a, _| Ok(a[0].clone())),
    ("__anext__", |vm, a, _| Ok(vm.async_gen_anext(&gen_self(a)?))),
    ("asend", |_, a, _| {
        let g = gen_self(a)?;
        let v = a
            .get(1)
            .cloned()
            .ok_or_else(|| PyErr::type_error("asend() takes exactly one argument (0 given)"))?;
        Ok(op_value(&g, AsyncOpKind::Send(v)))
    }),
    ("athrow", |_, a, _| {
        let g = gen_self(a)?;
        let e = a
            .get(1)
            .cloned()
            .ok_or_else(|| PyErr::type_error("athrow expected at least 1 argument, got 0"))?;
        Ok(op_value(&g, AsyncOpKind::Throw(e)))
    }),
    ("aclose", |_, a, _| Ok(op_value(&gen_self(a)?, AsyncOpKind::Close))),
];
