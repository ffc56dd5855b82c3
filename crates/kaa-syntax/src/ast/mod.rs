//! The abstract syntax tree, node for node as CPython 3.11's `ast` module.
//!
//! `nodes.rs` is generated (tools/gen_ast.py) from CPython's node schema; `dump.rs` prints a tree
//! exactly as `ast.dump(tree, indent=..., include_attributes=...)` does.

pub mod constant;
pub mod dump;
mod nodes;

pub use constant::{Constant, Int};
pub use dump::{dump, try_dump, Dump, Dumper};
pub use nodes::*;

/// A node's source range as CPython records it: 1-based lines, 0-based columns in UTF-8 bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub lineno: u32,
    pub col_offset: u32,
    pub end_lineno: u32,
    pub end_col_offset: u32,
}

impl Span {
    pub fn new(lineno: u32, col_offset: u32, end_lineno: u32, end_col_offset: u32) -> Span {
        Span { lineno, col_offset, end_lineno, end_col_offset }
    }

    /// The span from the start of `self` to the end of `other`.
    pub fn to(self, other: Span) -> Span {
        Span {
            lineno: self.lineno,
            col_offset: self.col_offset,
            end_lineno: other.end_lineno,
            end_col_offset: other.end_col_offset,
        }
    }
}
