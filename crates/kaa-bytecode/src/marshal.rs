//! Code objects to bytes and back: Kaa's own compact binary format (not CPython's marshal).
//! Integers are little-endian; strings and lists are a u32 length then their items. Reading
//! checks every length, tag and opcode against the data, so malformed input is an error, never a
//! panic. Any change to this layout or to the instruction set must change
//! [`crate::cache_file::bytecode_version`] (the opcode table is hashed into it automatically).

use crate::code::{CodeFlags, CodeObject, ConstValue, ExceptionEntry};
use crate::opcode::{Instr, Opcode};
use kaa_syntax::ast::Int;
use kaa_syntax::PyStr;
use num_bigint::BigInt;
use std::rc::Rc;

/// Bumped by hand whenever the layout written below changes, or when a compiler fix makes code
/// compiled before it wrong (3: exception-handler stack depths after a `return` in a handler).
pub const FORMAT_REVISION: u32 = 3;

const TAG_NONE: u8 = 0;
const TAG_FALSE: u8 = 1;
const TAG_TRUE: u8 = 2;
const TAG_INT: u8 = 3;
const TAG_BIG_INT: u8 = 4;
const TAG_FLOAT: u8 = 5;
const TAG_COMPLEX: u8 = 6;
const TAG_STR: u8 = 7;
const TAG_BYTES: u8 = 8;
const TAG_ELLIPSIS: u8 = 9;
const TAG_TUPLE: u8 = 10;
const TAG_FROZENSET: u8 = 11;
const TAG_CODE: u8 = 12;

/// Nested code objects and constant tuples deeper than this are refused when reading (the
/// compiler never produces them; a crafted file must not exhaust the stack).
const MAX_NESTING: u32 = 1000;

/// Serializes a code object (and the code objects nested in its constants).
pub fn dump_code(code: &CodeObject) -> Vec<u8> {
    let mut out = Vec::new();
    dump_code_into(code, &mut out);
    out
}

/// [`dump_code`] appending to `out` (reserved up front from the size of the whole code tree, so
/// the buffer is not regrown and copied while writing).
pub fn dump_code_into(code: &CodeObject, out: &mut Vec<u8>) {
    fn estimate(code: &CodeObject) -> usize {
        let nested: usize = code
            .consts
            .iter()
            .map(|c| match c {
                ConstValue::Code(inner) => estimate(inner),
                _ => 0,
            })
            .sum();
        256 + code.instructions.len() * 16 + nested
    }
    out.reserve(estimate(code));
    let mut w = Writer { out: std::mem::take(out) };
    w.code(code);
    *out = w.out;
}

/// Reads back what [`dump_code`] wrote; `None` if the bytes are not exactly one code object.
pub fn load_code(bytes: &[u8]) -> Option<CodeObject> {
    let mut r = Reader { bytes, pos: 0 };
    let code = r.code(0)?;
    (r.pos == bytes.len()).then_some(code)
}

struct Writer {
    out: Vec<u8>,
}

impl Writer {
    fn u32(&mut self, v: u32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    fn len(&mut self, n: usize) {
        self.u32(n as u32);
    }

    fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.out.extend_from_slice(b);
    }

    fn names(&mut self, names: &[String]) {
        self.len(names.len());
        for n in names {
            self.bytes(n.as_bytes());
        }
    }

    fn code(&mut self, c: &CodeObject) {
        self.bytes(c.name.as_bytes());
        self.bytes(c.qualname.as_bytes());
        self.bytes(c.filename.as_bytes());
        for v in [c.firstlineno, c.argcount, c.posonlyargcount, c.kwonlyargcount, c.flags.0, c.stacksize] {
            self.u32(v);
        }
        self.len(c.instructions.len());
        for i in &c.instructions {
            self.u32(i.bits());
        }
        for l in &c.lines {
            self.u32(*l);
        }
        for (end_line, col, end_col) in &c.positions {
            self.u32(*end_line);
            self.u32(*col);
            self.u32(*end_col);
        }
        self.len(c.consts.len());
        for k in &c.consts {
            self.constant(k);
        }
        self.names(&c.names);
        self.names(&c.varnames);
        self.names(&c.cellvars);
        self.names(&c.freevars);
        self.len(c.exception_table.len());
        for e in &c.exception_table {
            for v in [e.start, e.end, e.target, e.depth, e.push_lasti as u32] {
                self.u32(v);
            }
        }
    }

    fn constant(&mut self, k: &ConstValue) {
        match k {
            ConstValue::None => self.out.push(TAG_NONE),
            ConstValue::Bool(false) => self.out.push(TAG_FALSE),
            ConstValue::Bool(true) => self.out.push(TAG_TRUE),
            ConstValue::Int(Int::Small(i)) => {
                self.out.push(TAG_INT);
                self.out.extend_from_slice(&i.to_le_bytes());
            }
            ConstValue::Int(Int::Big(b)) => {
                self.out.push(TAG_BIG_INT);
                self.bytes(&b.to_signed_bytes_le());
            }
            ConstValue::Float(f) => {
                self.out.push(TAG_FLOAT);
                self.out.extend_from_slice(&f.to_bits().to_le_bytes());
            }
            ConstValue::Complex { real, imag } => {
                self.out.push(TAG_COMPLEX);
                self.out.extend_from_slice(&real.to_bits().to_le_bytes());
                self.out.extend_from_slice(&imag.to_bits().to_le_bytes());
            }
            ConstValue::Str(s) => {
                self.out.push(TAG_STR);
                self.bytes(s.as_wtf8_bytes());
            }
            ConstValue::Bytes(b) => {
                self.out.push(TAG_BYTES);
                self.bytes(b);
            }
            ConstValue::Ellipsis => self.out.push(TAG_ELLIPSIS),
            ConstValue::Tuple(items) | ConstValue::FrozenSet(items) => {
                self.out.push(if matches!(k, ConstValue::Tuple(_)) { TAG_TUPLE } else { TAG_FROZENSET });
                self.len(items.len());
                for item in items {
                    self.constant(item);
                }
            }
            ConstValue::Code(c) => {
                self.out.push(TAG_CODE);
                self.code(c);
            }
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }

    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }

    fn u32(&mut self) -> Option<u32> {
        self.take(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&mut self) -> Option<u64> {
        let b = self.take(8)?;
        Some(u64::from_le_bytes(b.try_into().ok()?))
    }

    /// A count of items, each at least `item_size` bytes: refused when the rest of the input
    /// could not hold them, so a corrupted length never makes a huge allocation.
    fn count(&mut self, item_size: usize) -> Option<usize> {
        let n = self.u32()? as usize;
        (n.checked_mul(item_size)? <= self.bytes.len() - self.pos).then_some(n)
    }

    fn byte_string(&mut self) -> Option<&'a [u8]> {
        let n = self.count(1)?;
        self.take(n)
    }

    fn string(&mut self) -> Option<String> {
        std::str::from_utf8(self.byte_string()?).ok().map(str::to_owned)
    }

    fn names(&mut self) -> Option<Vec<String>> {
        let n = self.count(4)?;
        (0..n).map(|_| self.string()).collect()
    }

    fn code(&mut self, depth: u32) -> Option<CodeObject> {
        if depth > MAX_NESTING {
            return None;
        }
        let name = self.string()?;
        let qualname = self.string()?;
        let filename = self.string()?;
        let firstlineno = self.u32()?;
        let argcount = self.u32()?;
        let posonlyargcount = self.u32()?;
        let kwonlyargcount = self.u32()?;
        let flags = CodeFlags(self.u32()?);
        let stacksize = self.u32()?;
        // Each instruction has its word, its line and its three position numbers.
        let n = self.count(20)?;
        let instructions = (0..n).map(|_| Instr::from_bits(self.u32()?)).collect::<Option<Vec<_>>>()?;
        let lines = (0..n).map(|_| self.u32()).collect::<Option<Vec<_>>>()?;
        let positions =
            (0..n).map(|_| Some((self.u32()?, self.u32()?, self.u32()?))).collect::<Option<Vec<_>>>()?;
        let nconsts = self.count(1)?;
        let consts = (0..nconsts).map(|_| self.constant(depth + 1)).collect::<Option<Vec<_>>>()?;
        let names = self.names()?;
        let varnames = self.names()?;
        let cellvars = self.names()?;
        let freevars = self.names()?;
        let nexc = self.count(20)?;
        let mut exception_table = Vec::with_capacity(nexc);
        for _ in 0..nexc {
            let (start, end, target, depth) = (self.u32()?, self.u32()?, self.u32()?, self.u32()?);
            let push_lasti = match self.u32()? {
                0 => false,
                1 => true,
                _ => return None,
            };
            if start > end || end as usize > n || target as usize >= n {
                return None;
            }
            exception_table.push(ExceptionEntry { start, end, target, depth, push_lasti });
        }
        let code = CodeObject {
            name,
            qualname,
            filename,
            firstlineno,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            instructions,
            lines,
            positions,
            consts,
            names,
            varnames,
            cellvars,
            freevars,
            exception_table,
            stacksize,
        };
        operands_in_range(&code).then_some(code)
    }

    fn constant(&mut self, depth: u32) -> Option<ConstValue> {
        if depth > MAX_NESTING {
            return None;
        }
        Some(match self.u8()? {
            TAG_NONE => ConstValue::None,
            TAG_FALSE => ConstValue::Bool(false),
            TAG_TRUE => ConstValue::Bool(true),
            TAG_INT => ConstValue::Int(Int::Small(self.u64()? as i64)),
            TAG_BIG_INT => ConstValue::Int(Int::Big(BigInt::from_signed_bytes_le(self.byte_string()?))),
            TAG_FLOAT => ConstValue::Float(f64::from_bits(self.u64()?)),
            TAG_COMPLEX => {
                ConstValue::Complex { real: f64::from_bits(self.u64()?), imag: f64::from_bits(self.u64()?) }
            }
            TAG_STR => ConstValue::Str(PyStr::from_wtf8(self.byte_string()?.to_vec())?),
            TAG_BYTES => ConstValue::Bytes(self.byte_string()?.to_vec()),
            TAG_ELLIPSIS => ConstValue::Ellipsis,
            tag @ (TAG_TUPLE | TAG_FROZENSET) => {
                let n = self.count(1)?;
                let items = (0..n).map(|_| self.constant(depth + 1)).collect::<Option<Vec<_>>>()?;
                if tag == TAG_TUPLE {
                    ConstValue::Tuple(items)
                } else {
                    ConstValue::FrozenSet(items)
                }
            }
            TAG_CODE => ConstValue::Code(Rc::new(self.code(depth + 1)?)),
            _ => return None,
        })
    }
}

/// Do the instructions' operands index the tables they name, and do jumps land inside the code?
/// The interpreter indexes without checking, so a file that passes the checksum but was not
/// written by Kaa (crafted by hand) must not reach it with an index out of range.
fn operands_in_range(c: &CodeObject) -> bool {
    let n = c.instructions.len();
    let cells = c.cellvars.len() + c.freevars.len();
    c.instructions.iter().enumerate().all(|(i, ins)| {
        let arg = ins.arg() as usize;
        match ins.op() {
            Opcode::LoadConst => arg < c.consts.len(),
            Opcode::KwNames => matches!(c.consts.get(arg), Some(ConstValue::Tuple(_))),
            Opcode::LoadName
            | Opcode::StoreName
            | Opcode::DeleteName
            | Opcode::StoreGlobal
            | Opcode::DeleteGlobal
            | Opcode::LoadAttr
            | Opcode::StoreAttr
            | Opcode::DeleteAttr
            | Opcode::LoadMethod
            | Opcode::ImportName
            | Opcode::ImportFrom => arg < c.names.len(),
            Opcode::LoadGlobal => arg >> 1 < c.names.len(),
            Opcode::LoadFast | Opcode::StoreFast | Opcode::DeleteFast => arg < c.varnames.len(),
            Opcode::LoadDeref | Opcode::StoreDeref | Opcode::LoadClosure => arg < cells,
            Opcode::CompareOp => arg < 6,
            Opcode::BinaryOp => arg < 26,
            Opcode::JumpBackward => arg <= i + 1,
            op if op.is_jump() => i + arg + 1 < n,
            _ => true,
        }
    })
}
