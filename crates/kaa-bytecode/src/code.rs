//! Code objects: compiled bytecode plus everything the VM needs to run it.

use crate::opcode::Instr;
use kaa_syntax::ast::Int;
use kaa_syntax::PyStr;
use std::rc::Rc;

/// A constant in `co_consts`. Nested code objects (function bodies) are constants too.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    None,
    Bool(bool),
    Int(Int),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(PyStr),
    Bytes(Vec<u8>),
    Ellipsis,
    Tuple(Vec<ConstValue>),
    /// A frozenset of constants (from folding a `{1, 2, 3}` display), elements in source order.
    FrozenSet(Vec<ConstValue>),
    Code(Rc<CodeObject>),
}

/// `co_flags` bits, with CPython's values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeFlags(pub u32);

impl CodeFlags {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const NOFREE: u32 = 0x40;
    pub const COROUTINE: u32 = 0x80;
    pub const ASYNC_GENERATOR: u32 = 0x200;
    /// Kaa's own: code of a native module's Python part, which stands for C code in CPython and
    /// so leaves no entries in tracebacks.
    pub const KAA_INTERNAL: u32 = 0x4000_0000;

    pub fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }
}

/// One row of the exception table: an exception raised by an instruction in `start..end` jumps
/// to `target` after trimming the value stack to `depth` (pushing the last instruction index
/// first when `push_lasti`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub push_lasti: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: CodeFlags,
    pub instructions: Vec<Instr>,
    /// Source line of each instruction (same length as `instructions`); 0 for none.
    pub lines: Vec<u32>,
    /// Source range of each instruction, as CPython's `co_positions()`: (end line, start column,
    /// end column), columns in UTF-8 bytes; the start line is in `lines`.
    pub positions: Vec<(u32, u32, u32)>,
    pub consts: Vec<ConstValue>,
    /// Global, attribute and imported names.
    pub names: Vec<String>,
    /// Local variables; parameters first.
    pub varnames: Vec<String>,
    /// Local variables captured by inner functions.
    pub cellvars: Vec<String>,
    /// Variables of enclosing functions this code uses.
    pub freevars: Vec<String>,
    pub exception_table: Vec<ExceptionEntry>,
    pub stacksize: u32,
}

impl CodeObject {
    /// Number of parameters including `*args` and `**kwargs`.
    pub fn total_args(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        n += self.flags.has(CodeFlags::VARARGS) as usize;
        n += self.flags.has(CodeFlags::VARKEYWORDS) as usize;
        n
    }
}
