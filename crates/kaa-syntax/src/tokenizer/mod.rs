//! The tokenizer: text → tokens, in one pass over the bytes.
//!
//! One scanner serves two masters, which agree on valid code and differ on bad code:
//! - [`tokenize`] / [`tokenize_lazy`] behave like CPython 3.11.7's C tokenizer, which the parser
//!   reads: `\r\n` and a lone `\r` end lines, and malformed input is a `SyntaxError` with
//!   CPython's message and location. A character that starts no token but is no error for the
//!   tokenizer (`$`, `?`, `!`, `` ` ``, and `<>`) is an ERRORTOKEN: the parser reports "invalid
//!   syntax" there. Backslash continuations at the start of a line count toward its
//!   indentation, as in CPython 3.11.7 (`tokenize` ignores them there).
//! - [`tokenize_compat`] behaves like the `tokenize` module (`python -m tokenize`), which the
//!   `--tokens` view reproduces: lines end only at `\n`, a character that starts no token is an
//!   ERRORTOKEN and scanning goes on, and only a few conditions (EOF inside a string or a
//!   bracket, a dedent to an unknown column) stop it.
//!
//! Both streams include COMMENT and NL tokens and end with NEWLINE (when the last logical line
//! has no line break), DEDENTs and ENDMARKER, positioned as `tokenize` positions them. Token
//! positions are byte offsets and byte columns; string tokens span the source text as written
//! (a `\r\n` inside a string stays two bytes, although CPython reads it as `\n`).

use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::token::{Op, Token, TokenKind};
use crate::unicode;
use std::cell::Cell;

mod numbers;
#[cfg(test)]
mod tests;

const TABSIZE: u64 = 8;
/// CPython's MAXINDENT and MAXLEVEL.
const MAX_INDENT: usize = 100;
const MAX_LEVEL: usize = 200;

/// An error from [`tokenize_compat`], as `tokenize` reports it: `lineno` is 1-based, `col` is a
/// 0-based character column (`python -m tokenize` prints `FILE:LINE:COL: error: MSG`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenizeError {
    pub msg: String,
    pub lineno: u32,
    pub col: u32,
}

/// The C tokenizer's result when the caller wants CPython's error *order*: CPython's parser pulls
/// tokens one at a time, so a parse error before the bad spot wins over the tokenizer's error.
/// `tokens` holds every token before the error; the parser should report `error` when it needs
/// a token beyond the last one.
#[derive(Clone, Debug)]
pub struct Tokenized {
    pub tokens: Vec<Token>,
    pub error: Option<SyntaxError>,
    /// When the tokenizer stopped with brackets open: "'(' was never closed" for the innermost.
    /// CPython's final scan after a parser error raises this instead when the scan ends on a
    /// tokenizer error it only records (a dedent, tab, continuation or EOF problem) and the
    /// bracket opened on a line before the parser's furthest token.
    pub unclosed: Option<SyntaxError>,
}

/// Tokenizes with the C tokenizer's rules; the first malformed spot is an error.
pub fn tokenize(text: &str) -> Result<Vec<Token>, SyntaxError> {
    let t = tokenize_lazy(text);
    match t.error {
        Some(e) => Err(e),
        None => Ok(t.tokens),
    }
}

/// Settings of [`tokenize_lazy_with`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// CPython 3.11 quirk: when a *file* declares no encoding (no coding cookie, no BOM), the
    /// errors its parser raises at a known location keep byte columns (offset = byte column + 1)
    /// instead of character columns. Of the tokenizer's errors this concerns "'(' was never
    /// closed", "unexpected EOF while parsing", "unexpected character after line continuation
    /// character" and "unindent does not match any outer indentation level"; the parser's own
    /// errors ("invalid syntax", ...) behave the same way. `Source::encoding_declared` says which.
    pub byte_columns: bool,
}

/// Tokenizes with the C tokenizer's rules, keeping the tokens read before an error.
pub fn tokenize_lazy(text: &str) -> Tokenized {
    tokenize_lazy_with(text, Options::default())
}

/// [`tokenize_lazy`] with settings.
pub fn tokenize_lazy_with(text: &str, options: Options) -> Tokenized {
    // CPython reads source line by line and rejects a line holding a NUL when it gets there, so
    // what comes before that line still tokenizes (and may fail first).
    let nul = text.find('\0');
    let scan = match nul {
        Some(i) => {
            &text[..text.as_bytes()[..i].iter().rposition(|&c| c == b'\n' || c == b'\r').map_or(0, |j| j + 1)]
        }
        None => text,
    };
    let mut lx = Lexer::new(scan, false);
    lx.byte_cols = options.byte_columns;
    let result = lx.run();
    if let Some(i) = nul {
        if result.is_ok() || lx.eof_hit.get() {
            lx.toks.truncate(lx.toks_before_eof.min(lx.toks.len()));
            return Tokenized { tokens: lx.toks, error: Some(null_byte_error(text, i)), unclosed: None };
        }
    }
    let error = match result {
        Ok(()) => None,
        Err(LexError::Syntax(e)) => Some(*e),
        Err(LexError::Compat(e)) => Some(SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: e.msg,
            lineno: e.lineno,
            offset: e.col + 1,
            end_lineno: e.lineno,
            end_offset: e.col + 1,
            text: None,
        }),
    };
    let unclosed = match (&error, lx.parens.is_empty()) {
        (Some(_), false) => match lx.never_closed() {
            LexError::Syntax(e) => Some(*e),
            LexError::Compat(_) => None,
        },
        _ => None,
    };
    Tokenized { tokens: lx.toks, error, unclosed }
}

/// CPython's error for a NUL byte at `i`: on its line, with the line's text up to the NUL.
fn null_byte_error(text: &str, i: usize) -> SyntaxError {
    let upto = &text.as_bytes()[..i];
    let lineno = 1 + upto.iter().filter(|&&c| c == b'\n').count() as u32;
    let ls = upto.iter().rposition(|&c| c == b'\n').map_or(0, |j| j + 1);
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: "source code cannot contain null bytes".into(),
        lineno,
        offset: 0,
        end_lineno: lineno,
        end_offset: 0,
        text: Some(String::from_utf8_lossy(&upto[ls..]).into_owned()),
    }
}

/// Tokenizes as the `tokenize` module does (see the module comment).
pub fn tokenize_compat(text: &str) -> Result<Vec<Token>, TokenizeError> {
    let mut lx = Lexer::new(text, true);
    match lx.run() {
        Ok(()) => Ok(lx.toks),
        Err(LexError::Compat(e)) => Err(e),
        Err(LexError::Syntax(e)) => Err(TokenizeError { msg: e.msg, lineno: e.lineno, col: e.offset }),
    }
}

enum LexError {
    Syntax(Box<SyntaxError>),
    Compat(TokenizeError),
}

type LResult<T> = Result<T, LexError>;

/// An open bracket, remembered for the C tokenizer's messages.
#[derive(Clone, Copy)]
struct Paren {
    ch: u8,
    lineno: u32,
    col: u32,
    line_start: usize,
}

struct Lexer<'a> {
    text: &'a str,
    s: &'a [u8],
    compat: bool,
    pos: usize,
    line_start: usize,
    lineno: u32,
    toks: Vec<Token>,
    /// Indentation columns (tab stops every 8) and, for the C tokenizer's TabError check, the
    /// same columns counting a tab as one.
    indents: Vec<u64>,
    alt_indents: Vec<u64>,
    parens: Vec<Paren>,
    /// `tokenize`'s bracket depth, which a stray closer can drive negative.
    level: i64,
    /// The previous physical line ended with a backslash continuation.
    continued: bool,
    /// tokenize's `needcont` (see `compat_multiline`).
    needcont: bool,
    /// An error or the end of the token stream came from reaching the end of the input, and how
    /// many tokens there were before the end-of-input ones (for `tokenize_lazy`'s NUL check).
    eof_hit: Cell<bool>,
    toks_before_eof: usize,
    /// See [`Options::byte_columns`].
    byte_cols: bool,
    /// The current physical line began after a line break outside any token (not inside a
    /// string or after a backslash).
    line_atbol: bool,
    /// Where CPython's line buffer starts: the current line, or an earlier one when a string
    /// or a backslash continuation carried on to this line.
    buf_start: usize,
    /// `tokenize` stopped on a last line of only blanks (no line break): it does not count as
    /// a line read past.
    stopped_on_blank_tail: bool,
}

#[inline]
fn is_ident_ascii(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Python's `str.isspace()`.
fn is_py_space(cp: u32) -> bool {
    matches!(
        cp,
        0x09..=0x0D
            | 0x1C..=0x20
            | 0x85
            | 0xA0
            | 0x1680
            | 0x2000..=0x200A
            | 0x2028
            | 0x2029
            | 0x202F
            | 0x205F
            | 0x3000
    )
}

/// Decodes the character at byte `p` of `text` (which must be a char boundary).
#[inline]
fn char_at(text: &str, p: usize) -> (u32, usize) {
    match text.get(p..).and_then(|t| t.chars().next()) {
        Some(c) => (c as u32, c.len_utf8()),
        None => (0, 1),
    }
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str, compat: bool) -> Lexer<'a> {
        Lexer {
            text,
            s: text.as_bytes(),
            compat,
            pos: 0,
            line_start: 0,
            lineno: 1,
            toks: Vec::with_capacity(text.len() / 5 + 16),
            indents: vec![0],
            alt_indents: vec![0],
            parens: Vec::new(),
            level: 0,
            continued: false,
            needcont: false,
            eof_hit: Cell::new(false),
            toks_before_eof: usize::MAX,
            byte_cols: false,
            line_atbol: true,
            buf_start: 0,
            stopped_on_blank_tail: false,
        }
    }

    /// The byte at `p`, or 0 past the end (callers that care about NUL check the length).
    #[inline]
    fn at(&self, p: usize) -> u8 {
        match self.s.get(p) {
            Some(&c) => c,
            None => 0,
        }
    }

    /// Length of the line break at `p` (0 if none): `\n`, `\r\n`, and for the C tokenizer a lone
    /// `\r`.
    #[inline]
    fn newline_len(&self, p: usize) -> usize {
        match self.at(p) {
            b'\n' if p < self.s.len() => 1,
            b'\r' if p < self.s.len() => {
                if self.at(p + 1) == b'\n' {
                    2
                } else if self.compat {
                    0
                } else {
                    1
                }
            }
            _ => 0,
        }
    }

    /// Where the physical line containing `p` ends: (end of its content, start of the next).
    fn line_end(&self, p: usize) -> (usize, usize) {
        let n = self.s.len();
        let rest = self.s.get(p..).unwrap_or(&[]);
        if self.compat {
            match rest.iter().position(|&c| c == b'\n') {
                Some(i) => (p + i, p + i + 1),
                None => (n, n),
            }
        } else {
            match rest.iter().position(|&c| c == b'\n' || c == b'\r') {
                Some(i) => {
                    let e = p + i;
                    (e, e + self.newline_len(e).max(1))
                }
                None => (n, n),
            }
        }
    }

    #[inline]
    fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        let ls = self.line_start;
        let l = self.lineno;
        self.toks.push(Token {
            kind,
            start: start as u32,
            end: end as u32,
            lineno: l,
            col: (start - ls) as u32,
            end_lineno: l,
            end_col: (end - ls) as u32,
        });
    }

    #[inline]
    fn new_line(&mut self, start: usize) {
        self.pos = start;
        self.line_start = start;
        self.lineno += 1;
    }

    // ----- errors -----

    /// Number of characters in `text[a..b]`.
    fn chars(&self, a: usize, b: usize) -> u32 {
        let b = b.min(self.s.len());
        if a >= b {
            return 0;
        }
        self.s[a..b].iter().filter(|&&c| (c & 0xC0) != 0x80).count() as u32
    }

    /// A column for the errors CPython's parser raises from the tokenizer's state: characters,
    /// or bytes where CPython leaves them unconverted (see [`Options::byte_columns`]).
    fn located(&self, ls: usize, p: usize) -> u32 {
        if self.byte_cols {
            p.saturating_sub(ls) as u32
        } else {
            self.chars(ls, p)
        }
    }

    /// The source line starting at `ls`, without its line break.
    fn line_text(&self, ls: usize) -> String {
        let (e, _) = self.line_end(ls);
        String::from_utf8_lossy(self.s.get(ls..e).unwrap_or(&[])).into_owned()
    }

    /// The source line starting at `ls`, with its line break (always `\n`, as CPython reads).
    fn line_text_nl(&self, ls: usize) -> String {
        let mut t = self.line_text(ls);
        t.push('\n');
        t
    }

    /// An error the way the C tokenizer's `syntaxerror()` reports it: the caret after the
    /// characters up to byte `cur` of the current line.
    fn syntax_error(&self, msg: String, cur: usize) -> LexError {
        let off = self.chars(self.line_start, cur);
        self.error_at(SyntaxErrorKind::SyntaxError, msg, self.lineno, self.line_start, off, off, false)
    }

    #[allow(clippy::too_many_arguments)]
    fn error_at(
        &self,
        kind: SyntaxErrorKind,
        msg: String,
        lineno: u32,
        ls: usize,
        offset: u32,
        end_offset: u32,
        with_newline: bool,
    ) -> LexError {
        let text = if with_newline { self.line_text_nl(ls) } else { self.line_text(ls) };
        LexError::Syntax(Box::new(SyntaxError {
            kind,
            msg,
            lineno,
            offset,
            end_lineno: lineno,
            end_offset,
            text: Some(text),
        }))
    }

    fn compat_error(&self, msg: &str, lineno: u32, ls: usize, p: usize) -> LexError {
        LexError::Compat(TokenizeError { msg: msg.to_string(), lineno, col: self.chars(ls, p) })
    }

    // ----- the line loop -----

    fn run(&mut self) -> LResult<()> {
        let n = self.s.len();
        if n >= u32::MAX as usize - 2 {
            return Err(self.syntax_error("source code too large".into(), 0));
        }
        loop {
            if self.pos >= n {
                break;
            }
            let at_statement_start =
                if self.compat { self.level == 0 } else { self.parens.is_empty() } && !self.continued;
            if at_statement_start {
                let (mut col, mut alt) = (0u64, 0u64);
                let mut p = self.pos;
                // CPython 3.11.7 also reads backslash continuations while measuring
                // indentation; the first one's column is the line's indentation (zero meaning
                // "none": then the blanks of the following lines count).
                let mut cont_col = 0u64;
                loop {
                    while p < n {
                        match self.s[p] {
                            b' ' => {
                                col += 1;
                                alt += 1;
                            }
                            b'\t' => {
                                col = (col / TABSIZE + 1) * TABSIZE;
                                alt += 1;
                            }
                            0x0C => {
                                col = 0;
                                alt = 0;
                            }
                            _ => break,
                        }
                        p += 1;
                    }
                    if self.compat || p >= n || self.s[p] != b'\\' {
                        break;
                    }
                    let nl = self.newline_len(p + 1);
                    if nl == 0 {
                        if p + 1 >= n {
                            return Err(self.eof_after_continuation(p));
                        }
                        return Err(self.line_cont_error(p));
                    }
                    if cont_col == 0 {
                        cont_col = col;
                    }
                    self.new_line(p + 1 + nl);
                    self.buf_start = self.line_start;
                    if self.pos >= n {
                        return Err(self.eof_after_continuation(p));
                    }
                    p = self.pos;
                }
                if p == n {
                    // A last line of only blanks: tokenize stops here; for CPython it is blank.
                    self.stopped_on_blank_tail = true;
                    break;
                }
                let c = self.s[p];
                if c == b'#' || c == b'\n' || c == b'\r' {
                    self.blank_line(p);
                    continue;
                }
                if cont_col != 0 {
                    col = cont_col;
                    alt = cont_col;
                }
                self.indentation(col, alt, p)?;
                self.pos = p;
            } else {
                self.continued = false;
            }
            if !self.scan_line()? {
                break;
            }
        }
        self.finish()
    }

    /// A line of only blanks and maybe a comment: COMMENT and NL, no indentation change.
    fn blank_line(&mut self, p: usize) {
        let (content_end, next) = self.line_end(p);
        let mut q = p;
        if self.at(p) == b'#' {
            // tokenize strips trailing "\r\n" characters from the rest of the line; the C
            // tokenizer ends the comment at the line break.
            let mut e = content_end;
            if self.compat {
                while e > p && self.s[e - 1] == b'\r' {
                    e -= 1;
                }
            }
            self.push(TokenKind::Comment, p, e);
            q = e;
        }
        self.push(TokenKind::Nl, q, next);
        self.new_line_if(next);
        self.buf_start = self.line_start;
        self.line_atbol = true;
    }

    /// Moves to the line starting at `next` if there is a line break before it.
    fn new_line_if(&mut self, next: usize) {
        if next > 0 && self.at(next - 1) == b'\n' || (!self.compat && next > 0 && self.at(next - 1) == b'\r')
        {
            self.new_line(next);
        } else {
            self.pos = next;
        }
    }

    fn indentation(&mut self, col: u64, alt: u64, p: usize) -> LResult<()> {
        let top = *self.indents.last().unwrap_or(&0);
        let alt_top = *self.alt_indents.last().unwrap_or(&0);
        let ls = self.line_start;
        if col == top {
            if !self.compat && alt != alt_top {
                return Err(self.tab_error());
            }
        } else if col > top {
            if !self.compat {
                if self.indents.len() >= MAX_INDENT {
                    return Err(self.error_at(
                        SyntaxErrorKind::IndentationError,
                        "too many levels of indentation".into(),
                        self.lineno,
                        ls,
                        1,
                        0,
                        true,
                    ));
                }
                if alt <= alt_top {
                    return Err(self.tab_error());
                }
            }
            self.indents.push(col);
            self.alt_indents.push(alt);
            self.push(TokenKind::Indent, ls, p);
        } else {
            // Dedent: find the outer level first so an error leaves no DEDENT behind.
            let Some(keep) = self.indents.iter().rposition(|&c| c <= col) else {
                return Err(self.unindent_error(p));
            };
            if self.indents[keep] != col {
                return Err(self.unindent_error(p));
            }
            if !self.compat && alt != self.alt_indents[keep] {
                return Err(self.tab_error());
            }
            for _ in keep + 1..self.indents.len() {
                self.push(TokenKind::Dedent, p, p);
            }
            self.indents.truncate(keep + 1);
            self.alt_indents.truncate(keep + 1);
        }
        Ok(())
    }

    fn unindent_error(&self, p: usize) -> LexError {
        let msg = "unindent does not match any outer indentation level";
        if self.compat {
            return self.compat_error(msg, self.lineno, self.line_start, p);
        }
        self.indentation_error(msg)
    }

    /// CPython's IndentationError from the tokenizer: the caret past the line's end.
    fn indentation_error(&self, msg: &str) -> LexError {
        let ls = self.line_start;
        let off = self.located(ls, self.line_end(ls).0) + 1;
        self.error_at(SyntaxErrorKind::IndentationError, msg.into(), self.lineno, ls, off, 0, true)
    }

    /// "'(' was never closed", for the innermost open bracket.
    fn never_closed(&self) -> LexError {
        let Some(par) = self.parens.last() else {
            return self.syntax_error("unexpected EOF while parsing".into(), self.pos);
        };
        self.error_at(
            SyntaxErrorKind::SyntaxError,
            format!("'{}' was never closed", par.ch as char),
            par.lineno,
            par.line_start,
            self.located(par.line_start, par.line_start + par.col as usize) + 1,
            0,
            true,
        )
    }

    fn tab_error(&self) -> LexError {
        self.error_at(
            SyntaxErrorKind::TabError,
            "inconsistent use of tabs and spaces in indentation".into(),
            self.lineno,
            self.line_start,
            1,
            0,
            true,
        )
    }

    /// End of input: the C tokenizer's complaints, then NEWLINE, DEDENTs and ENDMARKER.
    fn finish(&mut self) -> LResult<()> {
        self.eof_hit.set(true);
        self.toks_before_eof = self.toks.len();
        let n = self.s.len();
        let ends_with_break = n > 0 && (self.s[n - 1] == b'\n' || (!self.compat && self.s[n - 1] == b'\r'));
        let ends_with_cr = n > 0 && self.s[n - 1] == b'\r';
        // The line number tokenize reads its final empty line at.
        let end_lineno = if self.stopped_on_blank_tail || ends_with_break || n == 0 {
            self.lineno
        } else {
            self.lineno + 1
        };
        if self.compat {
            if self.level != 0 || self.continued {
                return Err(LexError::Compat(TokenizeError {
                    msg: "EOF in multi-line statement".into(),
                    lineno: end_lineno,
                    col: 0,
                }));
            }
        } else if !self.parens.is_empty() {
            return Err(self.never_closed());
        }
        // tokenize adds NEWLINE '' when the last line has no line break and is not a comment.
        if !self.stopped_on_blank_tail && n > 0 && !ends_with_break && !ends_with_cr {
            let last_ls = self.line_start;
            let need = if self.compat {
                let rest = &self.text[last_ls.min(n)..];
                !rest.trim_start_matches(|c: char| is_py_space(c as u32)).starts_with('#')
            } else {
                !matches!(
                    self.toks.iter().rev().find(|t| !matches!(t.kind, TokenKind::Comment | TokenKind::Nl)),
                    None | Some(Token {
                        kind: TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent,
                        ..
                    })
                )
            };
            if need {
                let col = (n - last_ls) as u32;
                self.toks.push(Token {
                    kind: TokenKind::Newline,
                    start: n as u32,
                    end: n as u32,
                    lineno: self.lineno,
                    col,
                    end_lineno: self.lineno,
                    end_col: col + 1,
                });
            }
        }
        let eof = Token {
            kind: TokenKind::Dedent,
            start: n as u32,
            end: n as u32,
            lineno: end_lineno,
            col: 0,
            end_lineno,
            end_col: 0,
        };
        for _ in 1..self.indents.len() {
            self.toks.push(eof);
        }
        self.toks.push(Token { kind: TokenKind::EndMarker, ..eof });
        Ok(())
    }

    // ----- tokens within a line -----

    /// Scans tokens until the current physical line ends (true) or the input does (false).
    fn scan_line(&mut self) -> LResult<bool> {
        let n = self.s.len();
        loop {
            let ws_start = self.pos;
            let mut p = self.pos;
            while p < n && matches!(self.s[p], b' ' | b'\t' | 0x0C) {
                p += 1;
            }
            self.pos = p;
            if p >= n {
                return Ok(false);
            }
            let c = self.s[p];
            match c {
                b'\n' | b'\r' => {
                    let nl = self.newline_len(p);
                    if nl == 0 {
                        // A lone '\r' for tokenize: no token starts with it.
                        self.error_chars(ws_start, p);
                        continue;
                    }
                    let open = if self.compat { self.level > 0 } else { !self.parens.is_empty() };
                    let kind = if open { TokenKind::Nl } else { TokenKind::Newline };
                    self.push(kind, p, p + nl);
                    self.new_line(p + nl);
                    self.buf_start = self.line_start;
                    self.line_atbol = true;
                    return Ok(true);
                }
                b'#' => {
                    let mut e = p + 1;
                    while e < n && self.s[e] != b'\n' && self.s[e] != b'\r' {
                        e += 1;
                    }
                    self.push(TokenKind::Comment, p, e);
                    self.pos = e;
                }
                b'\\' => {
                    let nl = self.newline_len(p + 1);
                    if nl > 0 {
                        // Only blanks before it on a line that began a fresh (bracketed) line:
                        // CPython reads it while measuring indentation, with a fresh buffer.
                        let fresh = self.line_atbol
                            && self.s[self.line_start..p].iter().all(|&c| matches!(c, b' ' | b'\t' | 0x0C));
                        self.continued = true;
                        self.new_line(p + 1 + nl);
                        if fresh {
                            self.buf_start = self.line_start;
                        } else {
                            self.line_atbol = false;
                        }
                        if !self.compat && self.pos >= n {
                            return Err(self.eof_after_continuation(p));
                        }
                        return Ok(true);
                    }
                    if self.compat {
                        self.error_chars(ws_start, p);
                        continue;
                    }
                    if p + 1 >= n {
                        // CPython adds the missing final line break, then finds EOF.
                        return Err(self.eof_after_continuation(p));
                    }
                    return Err(self.line_cont_error(p));
                }
                b'0'..=b'9' => self.number(p)?,
                b'.' if self.at(p + 1).is_ascii_digit() => self.number(p)?,
                b'\'' | b'"' => {
                    if !self.string(ws_start, p, p)? {
                        return Ok(true);
                    }
                }
                _ if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => {
                    if !self.name_or_string(ws_start, p)? {
                        return Ok(true);
                    }
                }
                b'<' if !self.compat && self.at(p + 1) == b'>' => {
                    // CPython reads "<>" as one token (PEP 401's NOTEQUAL) that the parser then
                    // rejects as "invalid syntax".
                    self.push(TokenKind::ErrorToken, p, p + 2);
                    self.pos = p + 2;
                }
                _ => match op_at(self.s, p) {
                    Some((op, len)) => self.operator(op, p, len)?,
                    None => {
                        if self.compat {
                            self.error_chars(ws_start, p);
                        } else if c < 0x20 || c == 0x7F {
                            return Err(self.syntax_error(
                                format!("invalid non-printable character U+{:04X}", c),
                                p + 1,
                            ));
                        } else {
                            // '$', '?', '!', '`': the parser reports "invalid syntax" here.
                            self.push(TokenKind::ErrorToken, p, p + 1);
                            self.pos = p + 1;
                        }
                    }
                },
            }
        }
    }

    /// CPython's column for "unexpected character after line continuation character": the
    /// bytes from the start of its line buffer, which still holds the earlier lines of a string
    /// or backslash continuation this line finishes; converted to characters (when they are)
    /// against this line alone.
    fn line_cont_offset(&self, backslash: usize) -> u32 {
        let col = (backslash + 2 - self.buf_start) as u32;
        if self.byte_cols {
            return col;
        }
        let ls = self.line_start;
        // The line as CPython reads it, with its line break.
        let len = (self.line_end(ls).0 - ls) as u32 + 1;
        if col <= len {
            self.chars(ls, ls + col as usize)
        } else {
            self.chars(ls, ls + len as usize) + 1
        }
    }

    fn line_cont_error(&self, backslash: usize) -> LexError {
        let off = self.line_cont_offset(backslash);
        self.error_at(
            SyntaxErrorKind::SyntaxError,
            "unexpected character after line continuation character".into(),
            self.lineno,
            self.line_start,
            off,
            0,
            true,
        )
    }

    fn eof_after_continuation(&self, backslash: usize) -> LexError {
        self.eof_hit.set(true);
        if !self.parens.is_empty() {
            return self.never_closed();
        }
        // The backslash's line, with the line break CPython reads; the caret after it.
        let ls = self.line_start_of(backslash);
        let lineno = self.lineno_of_line_before(backslash);
        let off = self.located(ls, backslash + 1) + 1;
        LexError::Syntax(Box::new(SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: "unexpected EOF while parsing".into(),
            lineno,
            offset: off,
            end_lineno: lineno,
            end_offset: 0,
            text: Some(self.line_text_nl(ls)),
        }))
    }

    /// Start of the line holding byte `p` (which lies on the current line or the one before).
    fn line_start_of(&self, p: usize) -> usize {
        if p >= self.line_start {
            return self.line_start;
        }
        let upto = &self.s[..p];
        upto.iter().rposition(|&c| c == b'\n' || (!self.compat && c == b'\r')).map_or(0, |j| j + 1)
    }

    fn lineno_of_line_before(&self, p: usize) -> u32 {
        if p >= self.line_start {
            self.lineno
        } else {
            self.lineno - 1
        }
    }

    /// tokenize's fallback when nothing matches at `p`: one ERRORTOKEN per blank skipped before
    /// it and one for the character itself.
    fn error_chars(&mut self, ws_start: usize, p: usize) {
        for q in ws_start..p {
            self.push(TokenKind::ErrorToken, q, q + 1);
        }
        let (_, len) = char_at(self.text, p);
        self.push(TokenKind::ErrorToken, p, p + len);
        self.pos = p + len;
    }

    fn operator(&mut self, op: Op, p: usize, len: usize) -> LResult<()> {
        let c = self.s[p];
        if self.compat {
            match c {
                b'(' | b'[' | b'{' => self.level += 1,
                b')' | b']' | b'}' => self.level -= 1,
                _ => {}
            }
        } else {
            match c {
                b'(' | b'[' | b'{' => {
                    if self.parens.len() >= MAX_LEVEL {
                        return Err(self.syntax_error("too many nested parentheses".into(), p + 1));
                    }
                    self.parens.push(Paren {
                        ch: c,
                        lineno: self.lineno,
                        col: (p - self.line_start) as u32,
                        line_start: self.line_start,
                    });
                }
                b')' | b']' | b'}' => {
                    let Some(open) = self.parens.pop() else {
                        return Err(self.syntax_error(format!("unmatched '{}'", c as char), p + 1));
                    };
                    let ok = matches!((open.ch, c), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                    if !ok {
                        let msg = if open.lineno != self.lineno {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                c as char, open.ch as char, open.lineno
                            )
                        } else {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                c as char, open.ch as char
                            )
                        };
                        return Err(self.syntax_error(msg, p + 1));
                    }
                }
                _ => {}
            }
        }
        self.push(TokenKind::Op(op), p, p + len);
        self.pos = p + len;
        Ok(())
    }

    // ----- names -----

    /// A name, or a string if the name is a string prefix followed by a quote. Returns false if
    /// a string left the scanner at the start of a fresh line.
    fn name_or_string(&mut self, ws_start: usize, p: usize) -> LResult<bool> {
        // String prefixes: b r u f br rb fr rf, any case.
        let mut q = p;
        while q < p + 3 && matches!(self.at(q), b'b' | b'B' | b'r' | b'R' | b'u' | b'U' | b'f' | b'F') {
            q += 1;
        }
        if q > p && matches!(self.at(q), b'\'' | b'"') && valid_prefix(&self.s[p..q]) {
            return self.string(ws_start, p, q);
        }
        if self.compat {
            self.compat_name(ws_start, p);
            return Ok(true);
        }
        let n = self.s.len();
        let mut e = p;
        let mut ascii = true;
        while e < n {
            let c = self.s[e];
            if is_ident_ascii(c) {
                e += 1;
            } else if c >= 0x80 {
                ascii = false;
                e += 1;
            } else {
                break;
            }
        }
        if !ascii {
            self.verify_identifier(p, e)?;
        }
        self.push(TokenKind::Name, p, e);
        self.pos = e;
        Ok(true)
    }

    /// The C tokenizer's check of a name with non-ASCII characters.
    fn verify_identifier(&self, p: usize, e: usize) -> LResult<()> {
        let name = self.text.get(p..e).unwrap_or("");
        let mut first = true;
        for (i, ch) in name.char_indices() {
            let cp = ch as u32;
            let ok = if first { unicode::is_id_start(cp) } else { unicode::is_id_continue(cp) };
            first = false;
            if !ok {
                let cur = p + i + ch.len_utf8();
                let msg = if unicode::is_printable(cp) {
                    format!("invalid character '{}' (U+{:04X})", ch, cp)
                } else {
                    format!("invalid non-printable character U+{:04X}", cp)
                };
                return Err(self.syntax_error(msg, cur));
            }
        }
        Ok(())
    }

    /// tokenize's name: the regex `\w+`; one whose first character cannot start an identifier
    /// (a digit like '²') falls through to its generic OP, which we mark as an ERRORTOKEN made
    /// of word characters (the printer shows it as OP).
    fn compat_name(&mut self, ws_start: usize, p: usize) {
        let n = self.s.len();
        let mut e = p;
        while e < n {
            let c = self.s[e];
            if c < 0x80 {
                if is_ident_ascii(c) {
                    e += 1;
                    continue;
                }
                break;
            }
            let (cp, len) = char_at(self.text, e);
            if !unicode::is_word(cp) {
                break;
            }
            e += len;
        }
        if e == p {
            self.error_chars(ws_start, p);
            return;
        }
        let (first, _) = char_at(self.text, p);
        let kind = if unicode::is_id_start(first) { TokenKind::Name } else { TokenKind::ErrorToken };
        self.push(kind, p, e);
        self.pos = e;
    }

    // ----- strings -----

    /// A string starting at `p` (prefix) whose opening quote is at `q`. Returns false if the
    /// string ended the line (tokenize's unterminated continued string) so the caller must
    /// restart at a fresh line.
    fn string(&mut self, ws_start: usize, p: usize, q: usize) -> LResult<bool> {
        let quote = self.s[q];
        let n = self.s.len();
        let (start_line, start_ls) = (self.lineno, self.line_start);
        if self.at(q + 1) == quote && self.at(q + 2) == quote && q + 2 < n {
            if self.compat {
                if let Some(end) = self.compat_close(q + 3, quote, true) {
                    self.push_string(p, end, start_line, start_ls);
                    return Ok(true);
                }
                let (_, next) = self.line_end(q);
                if next >= n && self.at(n - 1) != b'\n' {
                    return Err(self.compat_error("EOF in multi-line string", start_line, start_ls, p));
                }
                self.new_line(next);
                return self.compat_multiline(p, start_line, start_ls, quote, true);
            }
            // Triple-quoted: runs to the matching triple quote, across lines.
            let mut i = q + 3;
            loop {
                if i >= n {
                    self.eof_hit.set(true);
                    return Err(self.unterminated(true, start_line, start_ls, p));
                }
                let c = self.s[i];
                if c == b'\\' {
                    i += 1;
                    if i < n {
                        i += self.skip_in_string(i);
                    }
                } else if c == quote && self.at(i + 1) == quote && self.at(i + 2) == quote && i + 2 < n {
                    i += 3;
                    break;
                } else {
                    i += self.skip_in_string(i);
                }
            }
            self.push_string(p, i, start_line, start_ls);
            return Ok(true);
        }
        // Single-quoted: ends at the quote; a backslash-newline continues it.
        let mut i = q + 1;
        loop {
            if i >= n {
                if self.compat {
                    return self.compat_unterminated_first(ws_start, p, q);
                }
                self.eof_hit.set(true);
                return Err(self.unterminated(false, start_line, start_ls, p));
            }
            let c = self.s[i];
            if c == quote {
                i += 1;
                break;
            }
            if c == b'\\' {
                let nl = self.newline_len(i + 1);
                if nl > 0 {
                    self.new_line(i + 1 + nl);
                    if self.compat {
                        self.needcont = true;
                        return self.compat_multiline(p, start_line, start_ls, quote, false);
                    }
                    i += 1 + nl;
                    continue;
                }
                if i + 1 >= n {
                    i += 1;
                    continue;
                }
                i += 1 + char_at(self.text, i + 1).1;
                continue;
            }
            if self.newline_len(i) > 0 || (c == b'\n') {
                if self.compat {
                    return self.compat_unterminated_first(ws_start, p, q);
                }
                return Err(self.unterminated(false, start_line, start_ls, p));
            }
            i += 1;
        }
        self.push_string(p, i, start_line, start_ls);
        Ok(true)
    }

    /// Steps over the character at `i` inside a string, counting line breaks.
    #[inline]
    fn skip_in_string(&mut self, i: usize) -> usize {
        let nl = self.newline_len(i);
        if nl > 0 {
            self.line_start = i + nl;
            self.lineno += 1;
            nl
        } else {
            1
        }
    }

    /// Pushes a string token from `p` (on `start_line`) to `end` (on the current line).
    fn push_string(&mut self, p: usize, end: usize, start_line: u32, start_ls: usize) {
        self.toks.push(Token {
            kind: TokenKind::String,
            start: p as u32,
            end: end as u32,
            lineno: start_line,
            col: (p - start_ls) as u32,
            end_lineno: self.lineno,
            end_col: (end - self.line_start) as u32,
        });
        self.pos = end;
    }

    fn unterminated(&self, triple: bool, start_line: u32, start_ls: usize, p: usize) -> LexError {
        if self.compat {
            return self.compat_error("EOF in multi-line string", start_line, start_ls, p);
        }
        // "detected at" the last line of the input.
        let n = self.s.len();
        let mut last = self.lineno;
        if n > 0 && (self.s[n - 1] == b'\n' || self.s[n - 1] == b'\r') && self.line_start == n {
            last -= 1;
        }
        let kind = if triple { "triple-quoted string" } else { "string" };
        let off = self.chars(start_ls, p) + 1;
        self.error_at(
            SyntaxErrorKind::SyntaxError,
            format!("unterminated {kind} literal (detected at line {last})"),
            start_line,
            start_ls,
            off,
            off,
            false,
        )
    }

    /// tokenize on a one-line string without its closing quote: the prefix (if any) is a name,
    /// the quote an ERRORTOKEN, and scanning goes on after it.
    fn compat_unterminated_first(&mut self, ws_start: usize, p: usize, q: usize) -> LResult<bool> {
        if q > p {
            self.push(TokenKind::Name, p, q);
            self.error_chars(q, q);
        } else {
            self.error_chars(ws_start, q);
        }
        Ok(true)
    }

    /// tokenize's `endprog.match(line, i)`: the end of the string if it closes on this line.
    /// A backslash escapes any character but the line break.
    fn compat_close(&self, mut i: usize, quote: u8, triple: bool) -> Option<usize> {
        let n = self.s.len();
        while i < n {
            let c = self.s[i];
            if c == quote {
                if !triple {
                    return Some(i + 1);
                }
                if self.at(i + 1) == quote && self.at(i + 2) == quote && i + 2 < n {
                    return Some(i + 3);
                }
            } else if c == b'\n' {
                return None;
            } else if c == b'\\' {
                if i + 1 >= n || self.s[i + 1] == b'\n' {
                    return None;
                }
                i += 1;
            }
            i += 1;
        }
        None
    }

    /// tokenize's lines after the first of a string: each one either closes it, or (while
    /// `needcont` holds — set by a one-quote string continued with a backslash and, a quirk of
    /// tokenize, only cleared when a multi-line string closes) must end with another
    /// backslash-newline, or else everything so far becomes one ERRORTOKEN.
    fn compat_multiline(
        &mut self,
        p: usize,
        start_line: u32,
        start_ls: usize,
        quote: u8,
        triple: bool,
    ) -> LResult<bool> {
        let n = self.s.len();
        loop {
            let ls = self.line_start;
            if ls >= n {
                return Err(self.compat_error("EOF in multi-line string", start_line, start_ls, p));
            }
            if let Some(end) = self.compat_close(ls, quote, triple) {
                self.needcont = false;
                self.push_string(p, end, start_line, start_ls);
                return Ok(true);
            }
            let (_, next) = self.line_end(ls);
            let line = &self.s[ls..next];
            if !self.needcont || line.ends_with(b"\\\n") || line.ends_with(b"\\\r\n") {
                if next >= n && self.at(n - 1) != b'\n' {
                    return Err(self.compat_error("EOF in multi-line string", start_line, start_ls, p));
                }
                self.new_line(next);
                continue;
            }
            self.toks.push(Token {
                kind: TokenKind::ErrorToken,
                start: p as u32,
                end: next as u32,
                lineno: start_line,
                col: (p - start_ls) as u32,
                end_lineno: self.lineno,
                end_col: (next - ls) as u32,
            });
            self.new_line_if(next);
            return Ok(false);
        }
    }
}

/// Is `pre` (letters from `bBrRuUfF`) a valid string prefix?
fn valid_prefix(pre: &[u8]) -> bool {
    let mut lower = [0u8; 2];
    if pre.len() > 2 {
        return false;
    }
    for (i, c) in pre.iter().enumerate() {
        lower[i] = c.to_ascii_lowercase();
    }
    matches!(&lower[..pre.len()], b"b" | b"r" | b"u" | b"f" | b"br" | b"rb" | b"fr" | b"rf")
}

/// The longest operator at `p`.
fn op_at(s: &[u8], p: usize) -> Option<(Op, usize)> {
    use Op::*;
    let c = *s.get(p)?;
    let c1 = s.get(p + 1).copied().unwrap_or(0);
    let c2 = s.get(p + 2).copied().unwrap_or(0);
    let r = match (c, c1, c2) {
        (b'(', _, _) => (Lpar, 1),
        (b')', _, _) => (Rpar, 1),
        (b'[', _, _) => (Lsqb, 1),
        (b']', _, _) => (Rsqb, 1),
        (b'{', _, _) => (Lbrace, 1),
        (b'}', _, _) => (Rbrace, 1),
        (b',', _, _) => (Comma, 1),
        (b';', _, _) => (Semi, 1),
        (b'~', _, _) => (Tilde, 1),
        (b':', b'=', _) => (ColonEqual, 2),
        (b':', _, _) => (Colon, 1),
        (b'+', b'=', _) => (PlusEqual, 2),
        (b'+', _, _) => (Plus, 1),
        (b'-', b'=', _) => (MinEqual, 2),
        (b'-', b'>', _) => (Rarrow, 2),
        (b'-', _, _) => (Minus, 1),
        (b'*', b'*', b'=') => (DoubleStarEqual, 3),
        (b'*', b'*', _) => (DoubleStar, 2),
        (b'*', b'=', _) => (StarEqual, 2),
        (b'*', _, _) => (Star, 1),
        (b'/', b'/', b'=') => (DoubleSlashEqual, 3),
        (b'/', b'/', _) => (DoubleSlash, 2),
        (b'/', b'=', _) => (SlashEqual, 2),
        (b'/', _, _) => (Slash, 1),
        (b'|', b'=', _) => (VbarEqual, 2),
        (b'|', _, _) => (Vbar, 1),
        (b'&', b'=', _) => (AmperEqual, 2),
        (b'&', _, _) => (Amper, 1),
        (b'<', b'<', b'=') => (LeftShiftEqual, 3),
        (b'<', b'<', _) => (LeftShift, 2),
        (b'<', b'=', _) => (LessEqual, 2),
        (b'<', _, _) => (Less, 1),
        (b'>', b'>', b'=') => (RightShiftEqual, 3),
        (b'>', b'>', _) => (RightShift, 2),
        (b'>', b'=', _) => (GreaterEqual, 2),
        (b'>', _, _) => (Greater, 1),
        (b'=', b'=', _) => (EqEqual, 2),
        (b'=', _, _) => (Equal, 1),
        (b'!', b'=', _) => (NotEqual, 2),
        (b'.', b'.', b'.') => (Ellipsis, 3),
        (b'.', _, _) => (Dot, 1),
        (b'%', b'=', _) => (PercentEqual, 2),
        (b'%', _, _) => (Percent, 1),
        (b'^', b'=', _) => (CircumflexEqual, 2),
        (b'^', _, _) => (Circumflex, 1),
        (b'@', b'=', _) => (AtEqual, 2),
        (b'@', _, _) => (At, 1),
        _ => return None,
    };
    Some(r)
}
