//! Kaa's virtual machine: Python objects in memory and the loop that runs code objects.
//!
//! * `value` — `Value`, a 16-byte enum: `None`, `bool`, small `int` and `float` live inline (no
//!   allocation); everything else is a reference-counted heap object (`Rc`, non-atomic).
//! * `objects/` — one file per built-in type, as CPython keeps `Objects/*.c`.
//! * `interp` — the interpreter loop. Python-to-Python calls push a frame and continue the same
//!   loop, so deep Python recursion never deepens the Rust stack.
//! * `builtins` — the `builtins` module's functions.

pub mod attributes;
pub mod builtins;
pub mod class_creation;
pub mod class_namespace;
pub mod config;
pub mod exception_group;
pub mod exception_methods;
pub mod exceptions;
pub mod frames;
pub mod gc;
pub mod import;
pub mod interp;
pub mod interrupt;
pub mod introspection;
pub mod modules;
pub mod objects;
pub mod suggestions;
pub mod syntax_errors;
pub mod trace;
pub mod traceback;
pub mod unicode_errors;
pub mod value;

pub use interp::{RunError, Vm};
pub use value::Value;
