//! The token stream as the parser sees it: CPython's parser reads the C tokenizer, which never
//! hands over comments or non-logical line breaks, marks keywords, and (with `type_comments`)
//! turns `# type: ...` comments into TYPE_COMMENT tokens and `# type: ignore` into records.
//! The tokenizer gives `tokenize`-module tokens, so they are filtered and reclassified here.

use crate::error::SyntaxError;
use crate::token::{Op, Token, TokenKind};

/// Hard keywords (`keyword.kwlist`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kw {
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

impl Kw {
    fn from_str(s: &str) -> Option<Kw> {
        // Most names are not keywords: rule them out by length and first letter first.
        let b = s.as_bytes();
        if b.len() < 2
            || b.len() > 8
            || !matches!(b[0], b'F' | b'N' | b'T' | b'a'..=b'g' | b'i' | b'l' | b'n'..=b'p' | b'r' | b't' | b'w' | b'y')
        {
            return None;
        }
        Some(match s {
            "False" => Kw::False,
            "None" => Kw::None,
            "True" => Kw::True,
            "and" => Kw::And,
            "as" => Kw::As,
            "assert" => Kw::Assert,
            "async" => Kw::Async,
            "await" => Kw::Await,
            "break" => Kw::Break,
            "class" => Kw::Class,
            "continue" => Kw::Continue,
            "def" => Kw::Def,
            "del" => Kw::Del,
            "elif" => Kw::Elif,
            "else" => Kw::Else,
            "except" => Kw::Except,
            "finally" => Kw::Finally,
            "for" => Kw::For,
            "from" => Kw::From,
            "global" => Kw::Global,
            "if" => Kw::If,
            "import" => Kw::Import,
            "in" => Kw::In,
            "is" => Kw::Is,
            "lambda" => Kw::Lambda,
            "nonlocal" => Kw::Nonlocal,
            "not" => Kw::Not,
            "or" => Kw::Or,
            "pass" => Kw::Pass,
            "raise" => Kw::Raise,
            "return" => Kw::Return,
            "try" => Kw::Try,
            "while" => Kw::While,
            "with" => Kw::With,
            "yield" => Kw::Yield,
            _ => return None,
        })
    }
}

/// A token's kind for the grammar. Soft keywords (`match`, `case`, `_`) stay `Name`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum K {
    Name,
    Number,
    String,
    Newline,
    Indent,
    Dedent,
    EndMarker,
    TypeComment,
    Op(Op),
    Kw(Kw),
    /// A character the C tokenizer passes on but no rule accepts (`$`, `?`, `!`).
    Junk,
    /// Stands for the tokenizer's error: the stream stops here, and fetching it raises the error.
    TokError,
}

impl K {
    /// Tokens `_PyPegen_get_last_nonnwhitespace_token` skips when finding a node's end.
    #[inline]
    pub(crate) fn is_whitespace(self) -> bool {
        matches!(self, K::Newline | K::Indent | K::Dedent | K::EndMarker)
    }
}

/// The filtered stream. `toks[i]` keeps the tokenizer's positions (shifted for f-string
/// sub-parsers); `kinds[i]` is its grammar kind; `levels[i]` the bracket depth after it (the C
/// tokenizer's `level`, which one error rule consults); `raw[i]` its index in the raw stream.
pub(crate) struct TokStream {
    pub toks: Vec<Token>,
    pub kinds: Vec<K>,
    pub levels: Vec<u16>,
    pub raw: Vec<u32>,
    /// `# type: ignore` comments: (line, tag).
    pub type_ignores: Vec<(u32, String)>,
    /// The tokenizer's error, whose stand-in token ends the stream.
    pub error: Option<SyntaxError>,
    /// "'(' was never closed" when the tokenizer stopped with brackets open.
    pub unclosed: Option<SyntaxError>,
}

/// What a comment is when type comments are recognised, following the C tokenizer's matching
/// of the prefix `# type: ` (each blank in it matches any run of blanks, even none).
enum TypeCommentKind {
    /// TYPE_COMMENT whose text starts at this byte offset in the comment.
    Comment(usize),
    /// TYPE_IGNORE whose tag starts at this byte offset.
    Ignore(usize),
}

fn classify_comment(text: &str) -> Option<TypeCommentKind> {
    let b = text.as_bytes();
    let prefix = b"# type: ";
    let mut p = 0;
    let mut k = 0;
    while k < prefix.len() && p < b.len() {
        if prefix[k] == b' ' {
            while p < b.len() && (b[p] == b' ' || b[p] == b'\t') {
                p += 1;
            }
        } else if prefix[k] == b[p] {
            p += 1;
        } else {
            return None;
        }
        k += 1;
    }
    if k < prefix.len() {
        return None;
    }
    let rest = &b[p..];
    let is_ignore = rest.starts_with(b"ignore")
        && !(rest.len() > 6 && (rest[6] >= 128 || rest[6].is_ascii_alphanumeric()));
    Some(if is_ignore { TypeCommentKind::Ignore(p + 6) } else { TypeCommentKind::Comment(p) })
}

/// Builds the parser's stream from the tokenizer's. `error` (the tokenizer stopped early) turns
/// into a final `TokError` token placed after the last one.
pub(crate) fn build(
    src: &str,
    raw: &[Token],
    error: Option<SyntaxError>,
    unclosed: Option<SyntaxError>,
    type_comments: bool,
) -> TokStream {
    let n = raw.len();
    let mut ts = TokStream {
        toks: Vec::with_capacity(n),
        kinds: Vec::with_capacity(n),
        levels: Vec::with_capacity(n),
        raw: Vec::with_capacity(n),
        type_ignores: Vec::new(),
        error,
        unclosed,
    };
    let mut level: u16 = 0;
    let mut i = 0;
    while i < n {
        let t = raw[i];
        let kind = match t.kind {
            TokenKind::Comment | TokenKind::Nl => {
                if type_comments && t.kind == TokenKind::Comment {
                    let text = src.get(t.start as usize..t.end as usize).unwrap_or("");
                    let text = text.trim_end_matches('\r');
                    match classify_comment(text) {
                        None => {}
                        Some(TypeCommentKind::Ignore(off)) => {
                            ts.type_ignores.push((t.lineno, text[off..].to_string()));
                            // On an otherwise blank line the C tokenizer swallows the line break.
                            if level == 0 && i + 1 < n && raw[i + 1].kind == TokenKind::Nl {
                                i += 1;
                            }
                        }
                        Some(TypeCommentKind::Comment(off)) => {
                            let start = t.start + off as u32;
                            let end = t.start + text.len() as u32;
                            let tc = Token {
                                kind: TokenKind::Comment,
                                start,
                                end,
                                lineno: t.lineno,
                                col: t.col + off as u32,
                                end_lineno: t.lineno,
                                end_col: t.col + text.len() as u32,
                            };
                            push(&mut ts, tc, K::TypeComment, level, i);
                            // A type comment alone on its line is followed by a NEWLINE in the
                            // C tokenizer (outside brackets).
                            if level == 0 && i + 1 < n && raw[i + 1].kind == TokenKind::Nl {
                                i += 1;
                                push(&mut ts, raw[i], K::Newline, level, i);
                            }
                        }
                    }
                }
                i += 1;
                continue;
            }
            TokenKind::Name => {
                let text = src.get(t.start as usize..t.end as usize).unwrap_or("");
                match Kw::from_str(text) {
                    Some(kw) => K::Kw(kw),
                    None => K::Name,
                }
            }
            TokenKind::Number => K::Number,
            TokenKind::String => K::String,
            TokenKind::Newline => K::Newline,
            TokenKind::Indent => K::Indent,
            TokenKind::Dedent => K::Dedent,
            TokenKind::EndMarker => K::EndMarker,
            TokenKind::ErrorToken => K::Junk,
            TokenKind::Op(op) => {
                match op {
                    Op::Lpar | Op::Lsqb | Op::Lbrace => level = level.saturating_add(1),
                    Op::Rpar | Op::Rsqb | Op::Rbrace => level = level.saturating_sub(1),
                    _ => {}
                }
                K::Op(op)
            }
        };
        push(&mut ts, t, kind, level, i);
        i += 1;
    }
    if ts.error.is_some() || ts.kinds.last() != Some(&K::EndMarker) {
        // Positioned at the end of the last token, so "furthest token" logic stays sane.
        let last = ts.toks.last().copied().unwrap_or(Token {
            kind: TokenKind::EndMarker,
            start: 0,
            end: 0,
            lineno: 1,
            col: 0,
            end_lineno: 1,
            end_col: 0,
        });
        let t = Token {
            kind: TokenKind::ErrorToken,
            start: last.end,
            end: last.end,
            lineno: last.end_lineno,
            col: last.end_col,
            end_lineno: last.end_lineno,
            end_col: last.end_col,
        };
        let k = if ts.error.is_some() { K::TokError } else { K::EndMarker };
        push(&mut ts, t, k, level, n);
    }
    ts
}

#[inline]
fn push(ts: &mut TokStream, t: Token, k: K, level: u16, raw_index: usize) {
    ts.toks.push(t);
    ts.kinds.push(k);
    ts.levels.push(level);
    ts.raw.push(raw_index as u32);
}

/// Tokenizer errors the C tokenizer only records (`tok->done`) and that the parser turns into
/// an exception when it reads the bad token. Every other tokenizer error is raised on the spot,
/// and CPython's final scan of the whole source lets it replace a parser error.
pub(crate) fn is_deferred_tokenizer_error(msg: &str) -> bool {
    msg == "unindent does not match any outer indentation level"
        || msg == "too many levels of indentation"
        || msg == "inconsistent use of tabs and spaces in indentation"
        || msg == "unexpected character after line continuation character"
        || msg == "unexpected EOF while parsing"
        || is_unclosed_bracket_error(msg)
}

/// `'(' was never closed`, raised at end of input.
fn is_unclosed_bracket_error(msg: &str) -> bool {
    msg.ends_with("' was never closed")
}
