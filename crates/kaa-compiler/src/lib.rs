//! Kaa's compiler: AST → code objects.
//!
//! `symtable` decides where every name lives (local, global, cell, free) with CPython's scoping
//! rules; `codegen` walks the tree and emits instructions using those decisions.

mod annotations;
pub mod codegen;
mod fast_hash;
mod future;
pub mod symtable;

pub use codegen::{
    compile_module, compile_module_with_options, compile_module_with_warnings, CompileWarning,
};
