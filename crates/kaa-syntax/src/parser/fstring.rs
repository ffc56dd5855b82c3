//! f-strings, parsed the way CPython 3.11's `Parser/string_parser.c` does it: the literal text is
//! scanned for `{`, each replacement field's expression is delimited by a small scanner (quotes
//! and brackets only) and handed to the main parser wrapped in parentheses, then the conversion
//! and the format spec (itself an f-string, one level deep at most) follow.
//!
//! Positions follow 3.11 exactly, quirks included: the `Constant` and `FormattedValue` nodes carry
//! the span of the whole string group; a format spec's `JoinedStr` (and its trailing `Constant`)
//! carries the span of the STRING token it sits in.

use super::literals::decode_str;
use super::SubParser;
use crate::ast::{Constant, Expr, ExprKind, Span};
use crate::error::SyntaxError;
use crate::pystr::PyStr;
use crate::token::Token;

/// Why parsing stopped: a message CPython raises at the parser's current token (the caller
/// knows where that is), or an error the sub-parser already located.
#[derive(Debug)]
pub enum Failure {
    Msg(String),
    /// A message CPython places on this token (`RAISE_SYNTAX_ERROR_KNOWN_LOCATION`).
    At(Token, String),
    Located(SyntaxError),
}

fn fail<T>(msg: impl Into<String>) -> Result<T, Failure> {
    Err(Failure::Msg(msg.into()))
}

/// CPython's tokenizer limit on bracket nesting, which its f-string scanner shares.
const MAX_NESTING: usize = 200;

/// The group being parsed and the STRING token currently scanned.
pub struct Ctx<'a> {
    /// Text of the current token (line ends already `\n`).
    pub text: &'a str,
    pub token: &'a Token,
    /// Span of the whole group (first token start to last token end).
    pub group: Span,
    /// Whether the group's first token text starts with a lower-case `u` (CPython's test for
    /// `kind='u'`).
    pub group_u: bool,
    pub raw: bool,
    pub sub: &'a mut dyn SubParser,
}

impl Ctx<'_> {
    fn at(&self, i: usize) -> u8 {
        // Past the body lies the closing quote, never a character the scanner looks for; past
        // the token, a NUL stands in like C's terminator.
        self.text.as_bytes().get(i).copied().unwrap_or(0)
    }

    fn token_span(&self) -> Span {
        let t = self.token;
        Span::new(t.lineno, t.col, t.end_lineno, t.end_col)
    }
}

/// The pieces collected so far: CPython's `FstringParser` state.
#[derive(Default)]
pub struct Pieces {
    /// Literal text not yet turned into a `Constant` (never empty when `Some`).
    pub last_str: Option<PyStr>,
    pub values: Vec<Expr>,
    /// Whether an f-string was seen (the result is then a `JoinedStr`).
    pub fmode: bool,
}

impl Pieces {
    pub fn push_str(&mut self, s: PyStr) {
        if s.is_empty() {
            return;
        }
        match &mut self.last_str {
            Some(last) => last.push_pystr(&s),
            None => self.last_str = Some(s),
        }
    }

    fn flush(&mut self, span: Span, u: bool) {
        if let Some(s) = self.last_str.take() {
            self.values.push(str_node(s, span, u));
        }
    }

    /// The final node: a `Constant` for plain strings, else a `JoinedStr`.
    pub fn finish(mut self, span: Span, u: bool) -> Expr {
        if !self.fmode {
            let s = self.last_str.take().unwrap_or_default();
            return str_node(s, span, u);
        }
        self.flush(span, u);
        Expr { kind: ExprKind::JoinedStr { values: self.values }, span }
    }
}

pub fn str_node(s: PyStr, span: Span, u: bool) -> Expr {
    Expr { kind: ExprKind::Constant { value: Constant::Str(s), kind: u.then(|| "u".to_string()) }, span }
}

/// Parses the f-string body `text[*pos..end]` into `pieces` (`_PyPegen_FstringParser_ConcatFstring`).
/// At `recurse > 0` this is a format spec, which ends at an unmatched `}`.
pub fn concat_fstring(
    cx: &mut Ctx,
    pieces: &mut Pieces,
    pos: &mut usize,
    end: usize,
    recurse: u32,
) -> Result<(), Failure> {
    pieces.fmode = true;
    loop {
        let (more, literal) = find_literal(cx, pos, end, recurse)?;
        if more {
            if let Some(lit) = literal {
                pieces.push_str(lit);
            }
            continue;
        }
        let field =
            if *pos < end && cx.at(*pos) != b'}' { Some(find_expr(cx, pos, end, recurse)?) } else { None };
        if let Some(lit) = literal {
            pieces.push_str(lit);
        }
        let Some((debug_text, value)) = field else { break };
        if let Some(text) = debug_text {
            pieces.push_str(text);
        }
        pieces.flush(cx.group, cx.group_u);
        pieces.values.push(value);
    }
    if recurse == 0 && *pos + 1 < end {
        return fail("f-string: unexpected end of string");
    }
    if recurse != 0 && (*pos >= end || cx.at(*pos) != b'}') {
        return fail("f-string: expecting '}'");
    }
    Ok(())
}

/// Scans literal text up to a field's `{`, a spec-ending `}` or the end. Returns whether the
/// caller should come back for more (after a doubled brace, whose first half ends the literal).
fn find_literal(
    cx: &mut Ctx,
    pos: &mut usize,
    end: usize,
    recurse: u32,
) -> Result<(bool, Option<PyStr>), Failure> {
    let b = cx.text.as_bytes();
    let start = *pos;
    let mut s = start;
    let mut more = false;
    while s < end {
        let mut ch = b[s];
        s += 1;
        if !cx.raw && ch == b'\\' && s < end {
            ch = b[s];
            s += 1;
            if ch == b'N' {
                // `\N{...}` braces belong to the escape. Anything else after `\N` ends the
                // literal here; decoding it then fails, as in CPython.
                if s < end {
                    s += 1;
                    if b[s - 1] == b'{' {
                        while s < end {
                            s += 1;
                            if b[s - 1] == b'}' {
                                break;
                            }
                        }
                        continue;
                    }
                }
                break;
            }
        }
        if ch == b'{' || ch == b'}' {
            // Doubled braces only count at the top level: in `f'{0:{3}}'` the `}}` closes twice.
            if recurse == 0 {
                if s < end && b[s] == ch {
                    *pos = s + 1;
                    more = true;
                    return Ok((more, decode_piece(cx, start, s)?));
                }
                if ch == b'}' {
                    *pos = s - 1;
                    return fail("f-string: single '}' is not allowed");
                }
            }
            s -= 1;
            break;
        }
    }
    *pos = s;
    Ok((more, decode_piece(cx, start, s)?))
}

fn decode_piece(cx: &Ctx, start: usize, end: usize) -> Result<Option<PyStr>, Failure> {
    if start == end {
        return Ok(None);
    }
    // Slices fall on character boundaries: they end before an ASCII brace or at the body end.
    let Some(piece) = cx.text.get(start..end) else { return fail("f-string: invalid text") };
    match decode_str(piece, cx.raw) {
        Ok(s) => Ok(Some(s)),
        Err(e) => fail(e.message()),
    }
}

/// Parses one replacement field starting at the `{` at `*pos`: returns the `=` debug text, if
/// any, and the `FormattedValue`.
fn find_expr(
    cx: &mut Ctx,
    pos: &mut usize,
    end: usize,
    recurse: u32,
) -> Result<(Option<PyStr>, Expr), Failure> {
    if recurse >= 2 {
        return fail("f-string: expressions nested too deeply");
    }
    let brace = *pos;
    *pos += 1;
    let expr_start = *pos;
    let mut quote: u8 = 0;
    let mut triple = false;
    let mut stack: Vec<u8> = Vec::new();
    while *pos < end {
        let ch = cx.at(*pos);
        if ch == b'\\' {
            return fail("f-string expression part cannot include a backslash");
        }
        if quote != 0 {
            if ch == quote {
                if triple {
                    if *pos + 2 < end && cx.at(*pos + 1) == ch && cx.at(*pos + 2) == ch {
                        *pos += 2;
                        quote = 0;
                        triple = false;
                    }
                } else {
                    quote = 0;
                }
            }
        } else if ch == b'\'' || ch == b'"' {
            triple = *pos + 2 < end && cx.at(*pos + 1) == ch && cx.at(*pos + 2) == ch;
            if triple {
                *pos += 2;
            }
            quote = ch;
        } else if matches!(ch, b'[' | b'{' | b'(') {
            if stack.len() >= MAX_NESTING {
                return fail("f-string: too many nested parenthesis");
            }
            stack.push(ch);
        } else if ch == b'#' {
            return fail("f-string expression part cannot include '#'");
        } else if stack.is_empty() && matches!(ch, b'!' | b':' | b'}' | b'=' | b'<' | b'>') {
            if *pos + 1 < end {
                let next = cx.at(*pos + 1);
                // `!=`, `==`, `<=`, `>=` are operators, and lone `<`, `>` too.
                if next == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                    *pos += 2;
                    continue;
                }
                if ch == b'<' || ch == b'>' {
                    *pos += 1;
                    continue;
                }
            }
            break;
        } else if matches!(ch, b']' | b'}' | b')') {
            let Some(open) = stack.pop() else {
                return fail(format!("f-string: unmatched '{}'", ch as char));
            };
            if !matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                return fail(format!(
                    "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                    ch as char, open as char
                ));
            }
        }
        *pos += 1;
    }
    let expr_end = *pos;
    if quote != 0 {
        return fail("f-string: unterminated string");
    }
    if let Some(&open) = stack.last() {
        return fail(format!("f-string: unmatched '{}'", open as char));
    }
    if *pos >= end {
        return fail("f-string: expecting '}'");
    }
    // The expression is parsed before the conversion and spec are looked at, so its errors win.
    let value = compile_expr(cx, brace, expr_start, expr_end)?;

    let mut debug_text = None;
    if cx.at(*pos) == b'=' {
        *pos += 1;
        while matches!(cx.at(*pos), b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            *pos += 1;
        }
        let Some(text) = cx.text.get(expr_start..*pos) else { return fail("f-string: invalid text") };
        debug_text = Some(PyStr::from(text));
    }

    let mut conversion: i64 = -1;
    if cx.at(*pos) == b'!' {
        *pos += 1;
        if *pos >= end {
            return fail("f-string: expecting '}'");
        }
        let c = cx.at(*pos);
        *pos += 1;
        if !matches!(c, b's' | b'r' | b'a') {
            return fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
        }
        conversion = i64::from(c);
    }

    if *pos >= end {
        return fail("f-string: expecting '}'");
    }
    let mut format_spec = None;
    if cx.at(*pos) == b':' {
        *pos += 1;
        if *pos >= end {
            return fail("f-string: expecting '}'");
        }
        let mut spec = Pieces::default();
        concat_fstring(cx, &mut spec, pos, end, recurse + 1)?;
        // CPython builds the spec's node from the current token alone.
        let u = cx.text.starts_with('u');
        format_spec = Some(Box::new(spec.finish(cx.token_span(), u)));
    }
    if *pos >= end || cx.at(*pos) != b'}' {
        return fail("f-string: expecting '}'");
    }
    *pos += 1;

    if debug_text.is_some() && format_spec.is_none() && conversion == -1 {
        conversion = i64::from(b'r');
    }
    let node = Expr {
        kind: ExprKind::FormattedValue { value: Box::new(value), conversion, format_spec },
        span: cx.group,
    };
    Ok((debug_text, node))
}

/// Parses the field expression `text[start..end]` with the main parser, as `(expr)`, telling it
/// where the text sits in the file.
fn compile_expr(cx: &mut Ctx, brace: usize, start: usize, end: usize) -> Result<Expr, Failure> {
    let b = cx.text.as_bytes();
    if b[start..end].iter().all(|c| matches!(c, b' ' | b'\t' | b'\n' | 0x0c)) {
        let next = cx.at(end);
        if matches!(next, b'!' | b':' | b'=') {
            return fail(format!("f-string: expression required before '{}'", next as char));
        }
        return fail("f-string: empty expression not allowed");
    }
    let Some(expr) = cx.text.get(start..end) else { return fail("f-string: invalid text") };
    let mut src = String::with_capacity(expr.len() + 2);
    src.push('(');
    src.push_str(expr);
    src.push(')');
    let (lineno, col) = expr_location(cx.text, brace, cx.token);
    cx.sub.parse_fstring_expr(&src, lineno, col).map_err(Failure::Located)
}

/// Where line 1 of `(expr)` sits in the file, for the field whose `{` is at `text[brace]`:
/// CPython 3.11's `fstring_find_expr_location` and the offsets `fstring_compile_expr` derives.
/// When only blanks separate the `{` from a newline, no column shift is applied (the expression
/// starts on a later line anyway).
pub fn expr_location(text: &str, brace: usize, t: &Token) -> (u32, u32) {
    let b = text.as_bytes();
    let mut newline_after_brace = true;
    let mut p = brace + 1;
    loop {
        match b.get(p) {
            Some(b'}') | Some(b'\n') => break,
            Some(b' ') | Some(b'\t') | Some(0x0c) => p += 1,
            _ => {
                newline_after_brace = false;
                break;
            }
        }
    }
    let mut cols = 0;
    if !newline_after_brace {
        let line_start = b[..brace].iter().rposition(|&c| c == b'\n').map_or(0, |i| i + 1);
        cols = brace - line_start;
    }
    let lines = b[..brace].iter().filter(|&&c| c == b'\n').count() as u32;
    let lineno = t.lineno + lines;
    let col = if lines != 0 { cols as u32 } else { t.col + cols as u32 };
    (lineno, col)
}
