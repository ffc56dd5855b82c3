//! The values a `Constant` node (and `MatchSingleton`) can hold.

use crate::pystr::PyStr;
use num_bigint::BigInt;

/// A Python `int` literal value: machine-sized when it fits, arbitrary precision otherwise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Int {
    Small(i64),
    Big(BigInt),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Int(Int),
    Float(f64),
    /// A complex literal; the parser only produces pure imaginary ones (`2j`).
    Complex {
        real: f64,
        imag: f64,
    },
    Str(PyStr),
    Bytes(Vec<u8>),
    Ellipsis,
    Tuple(Vec<Constant>),
    /// Only from a tree built in Python (`ast.Constant(frozenset(...))`); the parser never makes one.
    FrozenSet(Vec<Constant>),
}

impl Constant {
    /// `repr()` of the value, as CPython prints it.
    pub fn repr(&self) -> String {
        use crate::repr;
        match self {
            Constant::None => "None".into(),
            Constant::Bool(true) => "True".into(),
            Constant::Bool(false) => "False".into(),
            Constant::Int(Int::Small(i)) => i.to_string(),
            Constant::Int(Int::Big(b)) => b.to_string(),
            Constant::Float(f) => repr::float_repr(*f),
            Constant::Complex { real, imag } => repr::complex_repr(*real, *imag),
            Constant::Str(s) => repr::str_repr(s),
            Constant::Bytes(b) => repr::bytes_repr(b),
            Constant::Ellipsis => "Ellipsis".into(),
            Constant::Tuple(items) => {
                let parts: Vec<String> = items.iter().map(|c| c.repr()).collect();
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Constant::FrozenSet(items) if items.is_empty() => "frozenset()".into(),
            Constant::FrozenSet(items) => {
                let parts: Vec<String> = items.iter().map(|c| c.repr()).collect();
                format!("frozenset({{{}}})", parts.join(", "))
            }
        }
    }
}
