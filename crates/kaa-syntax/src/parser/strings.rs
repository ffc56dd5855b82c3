//! String and number literals: decoding escapes, implicit concatenation, f-strings (parsed into
//! `JoinedStr`/`FormattedValue` as CPython 3.11 does), and numeric literal values.
//!
//! Errors: CPython raises most literal errors while its parser stands on the token *after* the
//! string group (its `STRING+` loop has just looked at it), so that is where they point; only
//! `bytes can only contain ASCII literal characters` points at the offending token. The main
//! parser tells us the following tokens through [`SubParser::tokens_after`]; without them the
//! location is worked out from the source text.

#[path = "fstring.rs"]
mod fstring;
#[path = "literals.rs"]
mod literals;
#[path = "literals_number.rs"]
mod literals_number;

use crate::ast::{Constant, Expr, ExprKind, Span};
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::token::{Op, Token, TokenKind};
use fstring::{Ctx, Failure, Pieces};
use std::borrow::Cow;

/// Parses the expression inside an f-string replacement field. Implemented by the main parser.
pub trait SubParser {
    /// `src` is the field's expression text wrapped in parentheses (`"(x + 1)"`), exactly as
    /// CPython 3.11 builds it. Nodes parsed from the first line of `src` get `starting_col_offset`
    /// added to their byte columns; lines are `starting_lineno + (line in src) - 1`.
    fn parse_fstring_expr(
        &mut self,
        src: &str,
        starting_lineno: u32,
        starting_col_offset: u32,
    ) -> Result<Expr, SyntaxError>;

    /// The token stream right after the string group (COMMENT and NL tokens included, as the
    /// tokenizer produced it), used to place errors where CPython does. The default (empty)
    /// makes the location be derived from the source text, assuming no open bracket (except in
    /// an f-string field, which is all inside parentheses).
    fn tokens_after(&self) -> &[Token] {
        &[]
    }

    /// `Some(starting_col_offset)` when this parser is an f-string field's sub-parser (its
    /// source is the field's `(expr)`). CPython then reports literal errors its own way:
    /// `f-string: ` before the message, byte columns less that offset, and the field's line
    /// as the text.
    fn fstring_col_offset(&self) -> Option<u32> {
        None
    }

    /// Whether error columns stay in bytes: CPython 3.11 skips the conversion to characters
    /// when the file declares no encoding (no coding cookie, no BOM); see
    /// `tokenizer::Options::byte_columns`.
    fn byte_columns(&self) -> bool {
        false
    }
}

/// The value of a NUMBER token (`Int`, `Float` or `Complex`), or CPython's error message.
/// The only error a well-formed token can give is the 4300-digit limit on decimal ints, which
/// CPython reports on the token's lines with no columns (offset 0 and end offset 0).
pub fn parse_number(text: &str) -> Result<Constant, String> {
    literals_number::parse_number(text)
}

/// Parses adjacent STRING tokens (implicit concatenation) into one expression: a `Constant`
/// (`str` or `bytes`; `kind='u'` when the first piece has a `u` prefix) or a `JoinedStr`.
/// `source` is the whole decoded text the tokens index into.
pub fn parse_string_group(
    source: &str,
    tokens: &[Token],
    sub: &mut dyn SubParser,
) -> Result<Expr, SyntaxError> {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return Err(internal_error("empty string group"));
    };
    let group = Span::new(first.lineno, first.col, last.end_lineno, last.end_col);
    let group_u = token_text(source, first).starts_with('u');
    match parse_group(source, tokens, group, group_u, sub) {
        Ok(e) => Ok(e),
        Err(Failure::Located(e)) => Err(e),
        Err(Failure::Msg(msg)) => {
            let fstring = sub.fstring_col_offset();
            // A field's text is all inside its parentheses.
            let site = site_from_tokens(sub.tokens_after())
                .unwrap_or_else(|| site_from_text(source, last, fstring.is_some()));
            Err(make_error(source, &site, msg, fstring, sub.byte_columns()))
        }
        Err(Failure::At(t, msg)) => {
            let site = Site {
                start: t.start as usize,
                lineno: t.lineno,
                col: t.col,
                end_lineno: t.end_lineno,
                end_col: t.end_col,
            };
            Err(make_error(source, &site, msg, sub.fstring_col_offset(), sub.byte_columns()))
        }
    }
}

fn token_text<'a>(source: &'a str, t: &Token) -> &'a str {
    source.get(t.start as usize..t.end as usize).unwrap_or("")
}

fn parse_group(
    source: &str,
    tokens: &[Token],
    group: Span,
    group_u: bool,
    sub: &mut dyn SubParser,
) -> Result<Expr, Failure> {
    let mut pieces = Pieces::default();
    let mut bytes: Option<Vec<u8>> = None;
    for (i, t) in tokens.iter().enumerate() {
        let raw_text = token_text(source, t);
        // CPython's tokenizer hands the parser `\n` line ends only.
        let text: Cow<str> = if raw_text.contains('\r') {
            Cow::Owned(raw_text.replace("\r\n", "\n").replace('\r', "\n"))
        } else {
            Cow::Borrowed(raw_text)
        };
        let Some(lit) = literals::split_literal(&text) else {
            return Err(Failure::Located(internal_error("malformed string token")));
        };
        let body = &text[lit.body_start..lit.body_end];
        if lit.bytes {
            if !body.is_ascii() {
                return Err(Failure::At(*t, "bytes can only contain ASCII literal characters".into()));
            }
            let value =
                literals::decode_bytes(body.as_bytes(), lit.raw).map_err(|e| Failure::Msg(e.message()))?;
            if i != 0 && bytes.is_none() {
                return Err(Failure::Msg("cannot mix bytes and nonbytes literals".into()));
            }
            match &mut bytes {
                Some(b) => b.extend_from_slice(&value),
                None => bytes = Some(value),
            }
            continue;
        }
        if lit.fstring {
            if bytes.is_some() {
                return Err(Failure::Msg("cannot mix bytes and nonbytes literals".into()));
            }
            let mut cx = Ctx { text: &text, token: t, group, group_u, raw: lit.raw, sub: &mut *sub };
            let mut pos = lit.body_start;
            fstring::concat_fstring(&mut cx, &mut pieces, &mut pos, lit.body_end, 0)?;
            continue;
        }
        let value = literals::decode_str(body, lit.raw).map_err(|e| Failure::Msg(e.message()))?;
        if bytes.is_some() {
            return Err(Failure::Msg("cannot mix bytes and nonbytes literals".into()));
        }
        pieces.push_str(value);
    }
    if let Some(b) = bytes {
        return Ok(Expr { kind: ExprKind::Constant { value: Constant::Bytes(b), kind: None }, span: group });
    }
    Ok(pieces.finish(group, group_u))
}

fn internal_error(msg: &str) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: format!("internal error: {msg}"),
        lineno: 1,
        offset: 0,
        end_lineno: 1,
        end_offset: 0,
        text: None,
    }
}

/// A byte range of the source where an error points: start offset, then lines and byte columns.
struct Site {
    start: usize,
    lineno: u32,
    col: u32,
    end_lineno: u32,
    end_col: u32,
}

/// The first significant token of `after`. A NEWLINE that ends a comment line starts, for
/// CPython's tokenizer, where the comment starts.
fn site_from_tokens(after: &[Token]) -> Option<Site> {
    let mut comment: Option<&Token> = None;
    for t in after {
        match t.kind {
            TokenKind::Comment => comment = Some(t),
            TokenKind::Nl => comment = None,
            TokenKind::Newline | TokenKind::EndMarker => {
                let (start, col) = match comment {
                    Some(c) if c.lineno == t.lineno => (c.start as usize, c.col),
                    _ => (t.start as usize, t.col),
                };
                return Some(Site { start, lineno: t.lineno, col, end_lineno: t.lineno, end_col: t.col });
            }
            _ => {
                return Some(Site {
                    start: t.start as usize,
                    lineno: t.lineno,
                    col: t.col,
                    end_lineno: t.end_lineno,
                    end_col: t.end_col,
                })
            }
        }
    }
    None
}

/// Finds the token after `last` by reading the source: blanks and backslash continuations are
/// skipped; outside brackets a comment or line end counts as the NEWLINE token, inside them
/// both are skipped too.
fn site_from_text(source: &str, last: &Token, in_brackets: bool) -> Site {
    let b = source.as_bytes();
    let mut pos = (last.end as usize).min(b.len());
    let (mut lineno, mut col) = (last.end_lineno, last.end_col);
    loop {
        match b.get(pos) {
            Some(b' ' | b'\t' | 0x0c) => {
                pos += 1;
                col += 1;
            }
            Some(b'\\') if matches!(b.get(pos + 1), Some(b'\n' | b'\r')) => {
                pos += if b.get(pos + 1) == Some(&b'\r') && b.get(pos + 2) == Some(&b'\n') { 3 } else { 2 };
                lineno += 1;
                col = 0;
            }
            Some(b'#') if in_brackets => {
                while pos < b.len() && b[pos] != b'\n' && b[pos] != b'\r' {
                    pos += 1;
                }
            }
            Some(b'\n' | b'\r') if in_brackets => {
                pos += if b[pos] == b'\r' && b.get(pos + 1) == Some(&b'\n') { 2 } else { 1 };
                lineno += 1;
                col = 0;
            }
            _ => break,
        }
    }
    let newline =
        |start: usize, col: u32, end_col: u32| Site { start, lineno, col, end_lineno: lineno, end_col };
    match b.get(pos) {
        None | Some(b'\n' | b'\r') => newline(pos, col, col),
        Some(b'#') => {
            let len = b[pos..].iter().position(|&c| c == b'\n' || c == b'\r').unwrap_or(b.len() - pos);
            newline(pos, col, col + len as u32)
        }
        Some(_) => {
            let len = token_len(source.get(pos..).unwrap_or(""));
            Site { start: pos, lineno, col, end_lineno: lineno, end_col: col + len as u32 }
        }
    }
}

/// Length in bytes of the token starting `rest` (an operator, a name, a number; else one char).
fn token_len(rest: &str) -> usize {
    let first = rest.chars().next().map_or(0, char::len_utf8);
    let word = |c: char| c.is_alphanumeric() || c == '_' || !c.is_ascii();
    if rest.starts_with(|c: char| c.is_ascii_digit())
        || (rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_ascii_digit()))
    {
        let mut prev = ' ';
        let n = rest
            .char_indices()
            .find(|&(_, c)| {
                let ok = c.is_ascii_alphanumeric()
                    || c == '_'
                    || c == '.'
                    || ((c == '+' || c == '-') && matches!(prev, 'e' | 'E'));
                prev = c;
                !ok
            })
            .map_or(rest.len(), |(i, _)| i);
        return n;
    }
    if rest.starts_with(word) {
        return rest.char_indices().find(|&(_, c)| !word(c)).map_or(rest.len(), |(i, _)| i);
    }
    for (spelling, _op) in Op::ALL {
        if rest.starts_with(spelling) {
            return spelling.len();
        }
    }
    first
}

/// Builds the `SyntaxError` for `site`. For a file, offsets are CPython's character columns,
/// both measured on the text of the first line (as CPython does, even for a multi-line range).
/// Inside an f-string field (`fstring` = its column offset), CPython keeps byte columns and
/// subtracts the offset, which can leave them negative (clamped to 0 here); `byte_columns`
/// keeps byte columns for a file too.
fn make_error(
    source: &str,
    site: &Site,
    msg: String,
    fstring: Option<u32>,
    byte_columns: bool,
) -> SyntaxError {
    let start = site.start.min(source.len());
    let b = source.as_bytes();
    let eol = |c: &u8| *c == b'\n' || *c == b'\r';
    let line_start = b[..start].iter().rposition(eol).map_or(0, |i| i + 1);
    let line_end = b[start..].iter().position(eol).map_or(b.len(), |i| start + i);
    let line = &b[line_start..line_end];
    let mut text = String::from_utf8_lossy(line).into_owned();
    text.push('\n');
    let (msg, offset, end_offset) = match fstring {
        Some(shift) => {
            let cols =
                |col: u32| (i64::from(col) + 1 - i64::from(shift)).clamp(0, i64::from(u32::MAX)) as u32;
            (format!("f-string: {msg}"), cols(site.col), cols(site.end_col))
        }
        None if byte_columns => (msg, site.col + 1, site.end_col + 1),
        None => {
            let chars = |col: u32| -> u32 {
                let col = (col as usize).min(line.len());
                line[..col].iter().filter(|&&c| (c & 0xC0) != 0x80).count() as u32 + 1
            };
            (msg, chars(site.col), chars(site.end_col))
        }
    };
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        lineno: site.lineno,
        offset,
        end_lineno: site.end_lineno,
        end_offset,
        text: Some(text),
    }
}

#[cfg(test)]
#[path = "literals_tests.rs"]
mod tests;
