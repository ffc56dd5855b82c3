//! The disassembler: `kaa --dis` output laid out like `python3 -m dis`.

use crate::code::{CodeObject, ConstValue};
use crate::opcode::{BinaryOpKind, CompareKind, Opcode};
use std::fmt::Write;

/// `repr()` of a constant as `dis` shows it.
pub fn const_repr(c: &ConstValue) -> String {
    use kaa_syntax::ast::Constant as C;
    let simple = |k: C| k.repr();
    match c {
        ConstValue::None => "None".into(),
        ConstValue::Bool(b) => simple(C::Bool(*b)),
        ConstValue::Int(i) => simple(C::Int(i.clone())),
        ConstValue::Float(f) => simple(C::Float(*f)),
        ConstValue::Complex { real, imag } => simple(C::Complex { real: *real, imag: *imag }),
        ConstValue::Str(s) => simple(C::Str(s.clone())),
        ConstValue::Bytes(b) => simple(C::Bytes(b.clone())),
        ConstValue::Ellipsis => "Ellipsis".into(),
        ConstValue::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        ConstValue::FrozenSet(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            format!("frozenset({{{}}})", parts.join(", "))
        }
        ConstValue::Code(code) => {
            format!("<code object {}, file \"{}\", line {}>", code.name, code.filename, code.firstlineno)
        }
    }
}

/// The argument shown in parentheses after the number, as `dis` does.
fn arg_description(code: &CodeObject, index: usize, op: Opcode, arg: u32) -> String {
    let name = |v: &Vec<String>, i: usize| v.get(i).cloned().unwrap_or_default();
    let cell_name =
        |i: usize| code.cellvars.iter().chain(code.freevars.iter()).nth(i).cloned().unwrap_or_default();
    match op {
        Opcode::LoadConst | Opcode::KwNames => {
            code.consts.get(arg as usize).map(const_repr).unwrap_or_default()
        }
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
        | Opcode::ImportFrom => name(&code.names, arg as usize),
        Opcode::LoadGlobal => {
            let n = name(&code.names, (arg >> 1) as usize);
            if arg & 1 == 1 {
                format!("NULL + {n}")
            } else {
                n
            }
        }
        Opcode::LoadFast | Opcode::StoreFast | Opcode::DeleteFast => name(&code.varnames, arg as usize),
        Opcode::LoadDeref | Opcode::StoreDeref | Opcode::LoadClosure => cell_name(arg as usize),
        Opcode::BinaryOp => {
            let (kind, inplace) = BinaryOpKind::from_arg(arg);
            format!("{}{}", kind.symbol(), if inplace { "=" } else { "" })
        }
        Opcode::CompareOp => {
            CompareKind::ALL.get(arg as usize).map(|k| k.symbol().to_string()).unwrap_or_default()
        }
        Opcode::IsOp => if arg == 0 { "is" } else { "is not" }.into(),
        Opcode::ContainsOp => if arg == 0 { "in" } else { "not in" }.into(),
        Opcode::JumpBackward => format!("to {}", index as i64 - arg as i64 + 1),
        _ if op.is_jump() => format!("to {}", index + arg as usize + 1),
        _ => String::new(),
    }
}

fn has_arg(op: Opcode) -> bool {
    !matches!(
        op,
        Opcode::Nop
            | Opcode::PopTop
            | Opcode::PrintExpr
            | Opcode::PushNull
            | Opcode::UnaryNegative
            | Opcode::UnaryPositive
            | Opcode::UnaryNot
            | Opcode::UnaryInvert
            | Opcode::BinarySubscr
            | Opcode::StoreSubscr
            | Opcode::DeleteSubscr
            | Opcode::GetIter
            | Opcode::ReturnValue
            | Opcode::LoadBuildClass
            | Opcode::LoadAssertionError
            | Opcode::PushExcInfo
            | Opcode::PopExcept
            | Opcode::CheckExcMatch
            | Opcode::YieldValue
            | Opcode::ListToTuple
            | Opcode::BeforeWith
            | Opcode::WithExceptStart
            | Opcode::ImportStar
            | Opcode::GetAwaitable
            | Opcode::BeforeAsyncWith
            | Opcode::GetAiter
            | Opcode::GetAnext
            | Opcode::EndAsyncFor
            | Opcode::MatchSequence
            | Opcode::MatchMapping
            | Opcode::GetLen
            | Opcode::MatchKeys
            | Opcode::CopyDictWithoutKeys
            | Opcode::GetYieldFromIter
    )
}

/// Disassembles `code` and, after it, every code object in its constants.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out);
    out
}

fn disassemble_into(code: &CodeObject, out: &mut String) {
    let mut last_line = 0;
    for (i, instr) in code.instructions.iter().enumerate() {
        let line = code.lines.get(i).copied().unwrap_or(0);
        if line != last_line && line != 0 {
            if i > 0 {
                out.push('\n');
            }
            let _ = write!(out, "{line:>3}");
            last_line = line;
        } else {
            out.push_str("   ");
        }
        let op = instr.op();
        let _ = write!(out, " {:>12} {:<24}", i, op.name());
        if has_arg(op) {
            let _ = write!(out, " {}", instr.arg());
            let desc = arg_description(code, i, op, instr.arg());
            if !desc.is_empty() {
                let _ = write!(out, " ({desc})");
            }
        }
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        out.push('\n');
    }
    for c in &code.consts {
        if let ConstValue::Code(inner) = c {
            let _ = write!(out, "\nDisassembly of {}:\n", const_repr(c));
            disassemble_into(inner, out);
        }
    }
}
