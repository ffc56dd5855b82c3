//! Generators: a function frame that can be suspended at `yield` and resumed later.
//!
//! While suspended, the frame's locals and value stack are moved off the VM's shared stack into
//! the generator; resuming moves them back on top and continues the interpreter loop there.

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
    pub saved: RefCell<Option<(crate::interp::SuspendedFrame, Vec<Value>)>>,
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
