//! Kaa's front end: the first stages of running Python code.
//!
//! `source` (bytes → text, PEP 263) → `tokenizer` (text → tokens) → `parser` (tokens → `ast`).
//! Every stage reports problems as a [`SyntaxError`] with CPython's message and location.

pub mod ast;
pub mod error;
pub mod error_display;
pub mod pystr;
pub mod repr;
pub mod token;
pub mod unicode;
mod unicode_tables;

pub use error::{SyntaxError, SyntaxErrorKind};
pub use pystr::PyStr;
pub mod parser;
pub mod source;
pub mod token_dump;
pub mod tokenizer;
