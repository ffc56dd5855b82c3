//! Kaa's bytecode: the instruction set, code objects and the disassembler.
//!
//! An instruction is one 32-bit word: the opcode in the low byte, its argument in the upper 24
//! bits (no EXTENDED_ARG needed below 16M). Names follow CPython 3.11 where they fit, so `--dis`
//! reads like `python3 -m dis`.

pub mod cache_file;
pub mod code;
pub mod dis;
pub mod marshal;
pub mod opcode;

pub use code::{CodeFlags, CodeObject, ConstValue};
pub use opcode::{Instr, Opcode};
