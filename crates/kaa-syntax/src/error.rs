//! `SyntaxError` and its subclasses as the front end reports them.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// A syntax error with the attributes CPython's `SyntaxError` carries. `offset` and `end_offset`
/// are 1-based *character* columns (as CPython exposes them; 0 means "no column"); `text` is the
/// offending source line including its newline, when there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    pub text: Option<String>,
}
