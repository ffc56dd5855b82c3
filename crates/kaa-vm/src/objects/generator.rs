//! Generators: a function frame that can be suspended at `yield` and resumed later.
//!
//! While suspended, the frame's locals and value stack are moved off the VM's shared stack into
//! the generator; resuming moves them back on top and continues the interpreter loop there.
//! FOR_ITER and SEND resume a generator inside the running loop (`Vm::resume_inline`); other
//! resumers (`next()`, `send()`, built-ins consuming an iterable) re-enter the loop from Rust.

use crate::value::Value;
use std::cell::{Cell, RefCell};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    /// Created by the call, not started yet (only `None` can be sent).
    Created,
    Suspended,
    Running,
    Finished,
}

pub struct GeneratorObject {
    /// A coroutine (`async def`) rather than a generator: same machinery, other type.
    pub is_coroutine: bool,
    pub code: std::rc::Rc<kaa_bytecode::CodeObject>,
    /// An asynchronous generator (`async def` with `yield`), driven through `AsyncGenOp`s.
    pub is_async_generator: bool,
    /// Async generators: an `asend`/`athrow` awaitable is being driven (CPython's
    /// `ag_running_async`).
    pub running_async: Cell<bool>,
    /// Async generators: closed by `aclose()` or by finishing with StopAsyncIteration/GeneratorExit.
    pub async_closed: Cell<bool>,
    /// Whether the last value the frame yielded came from a `yield` of the async generator itself
    /// (ASYNC_GEN_WRAP) rather than from an `await` inside it passing a value through.
    pub yielded_own_value: Cell<bool>,
    pub name: String,
    pub qualname: String,
    pub state: Cell<GenState>,
    /// The suspended frame and its values (locals, then the evaluation stack).
    pub saved: RefCell<Suspension>,
}

/// A generator's frame while it is not running. The value buffer stays with the generator while
/// the frame runs (emptied), so suspending again reuses its capacity.
pub struct Suspension {
    pub(crate) frame: Option<crate::interp::SuspendedFrame>,
    /// The frame's locals, then its evaluation stack (empty while the frame runs or is gone).
    pub(crate) values: Vec<Value>,
}

impl Suspension {
    pub(crate) fn new(frame: crate::interp::SuspendedFrame, values: Vec<Value>) -> Suspension {
        Suspension { frame: Some(frame), values }
    }

    pub(crate) fn is_suspended(&self) -> bool {
        self.frame.is_some()
    }

    /// The frame and its values, if suspended.
    pub(crate) fn parts(&self) -> Option<(&crate::interp::SuspendedFrame, &Vec<Value>)> {
        Some((self.frame.as_ref()?, &self.values))
    }

    pub(crate) fn parts_mut(&mut self) -> Option<(&mut crate::interp::SuspendedFrame, &mut Vec<Value>)> {
        Some((self.frame.as_mut()?, &mut self.values))
    }

    /// Takes the frame and its values away (the generator is finished or being cleared).
    pub(crate) fn take(&mut self) -> Option<(crate::interp::SuspendedFrame, Vec<Value>)> {
        let frame = self.frame.take()?;
        Some((frame, std::mem::take(&mut self.values)))
    }
}

/// How a resumption ended.
pub enum GenStep {
    Yielded(Value),
    Returned(Value),
}

/// What error messages call the object: "generator", "coroutine" or "async generator".
pub fn kind_name(g: &GeneratorObject) -> &'static str {
    if g.is_coroutine {
        "coroutine"
    } else if g.is_async_generator {
        "async generator"
    } else {
        "generator"
    }
}
