//! Numbers: the C tokenizer's scan (with its errors) and the `tokenize` module's `Number`
//! regex, emulated.

use super::{is_ident_ascii, LResult, Lexer};
use crate::error::SyntaxErrorKind;
use crate::token::TokenKind;

impl Lexer<'_> {
    pub(super) fn number(&mut self, p: usize) -> LResult<()> {
        let e = if self.compat { compat_number(self.s, p).unwrap_or(p + 1) } else { self.c_number(p)? };
        self.push(TokenKind::Number, p, e);
        self.pos = e;
        Ok(())
    }

    /// The C tokenizer's number scan: returns the end, or its error.
    fn c_number(&self, p: usize) -> LResult<usize> {
        let s = self.s;
        let at = |i: usize| self.at(i);
        let mut i = p;
        if at(i) == b'.' {
            i += 1;
            return self.c_fraction(p, i);
        }
        if at(i) == b'0' {
            let c = at(i + 1);
            let radix = match c {
                b'x' | b'X' => Some((16u32, "hexadecimal")),
                b'o' | b'O' => Some((8, "octal")),
                b'b' | b'B' => Some((2, "binary")),
                _ => None,
            };
            if let Some((radix, kind)) = radix {
                i += 2;
                let is_digit = |c: u8| (c as char).is_digit(radix);
                loop {
                    if at(i) == b'_' {
                        i += 1;
                    }
                    if !is_digit(at(i)) {
                        if radix != 16 && at(i).is_ascii_digit() {
                            return Err(self.syntax_error(
                                format!("invalid digit '{}' in {kind} literal", at(i) as char),
                                i + 1,
                            ));
                        }
                        return Err(self.syntax_error(format!("invalid {kind} literal"), i));
                    }
                    while is_digit(at(i)) {
                        i += 1;
                    }
                    if at(i) != b'_' {
                        break;
                    }
                }
                if radix != 16 && at(i).is_ascii_digit() {
                    return Err(self.syntax_error(
                        format!("invalid digit '{}' in {kind} literal", at(i) as char),
                        i + 1,
                    ));
                }
                return self.end_of_number(i, kind);
            }
            // Zeros, maybe more digits: only a float or imaginary may have leading zeros.
            i += 1;
            loop {
                if at(i) == b'_' {
                    i += 1;
                    if !at(i).is_ascii_digit() {
                        return Err(self.syntax_error("invalid decimal literal".into(), i));
                    }
                }
                if at(i) != b'0' {
                    break;
                }
                i += 1;
            }
            let zeros_end = i + 1;
            let mut nonzero = false;
            if at(i).is_ascii_digit() {
                nonzero = true;
                i = self.decimal_tail(i)?;
            }
            match at(i) {
                b'.' => return self.c_fraction(p, i + 1),
                b'e' | b'E' => return self.c_exponent(i),
                b'j' | b'J' => return self.end_of_number(i + 1, "imaginary"),
                _ if nonzero => {
                    // CPython passes this range in bytes, unconverted.
                    let (a, b) = ((p - self.line_start + 1) as u32, (zeros_end - self.line_start) as u32);
                    let _ = s;
                    return Err(self.error_at(
                        SyntaxErrorKind::SyntaxError,
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
                        self.lineno,
                        self.line_start,
                        a,
                        b,
                        false,
                    ));
                }
                _ => return self.end_of_number(i, "decimal"),
            }
        }
        i = self.decimal_tail(i)?;
        match at(i) {
            b'.' => self.c_fraction(p, i + 1),
            b'e' | b'E' => self.c_exponent(i),
            b'j' | b'J' => self.end_of_number(i + 1, "imaginary"),
            _ => self.end_of_number(i, "decimal"),
        }
    }

    /// Digits and single underscores from `i` (a digit); returns the end.
    fn decimal_tail(&self, mut i: usize) -> LResult<usize> {
        loop {
            while self.at(i).is_ascii_digit() {
                i += 1;
            }
            if self.at(i) != b'_' {
                return Ok(i);
            }
            i += 1;
            if !self.at(i).is_ascii_digit() {
                return Err(self.syntax_error("invalid decimal literal".into(), i));
            }
        }
    }

    /// After the '.' of a float (at `i`).
    fn c_fraction(&self, _p: usize, mut i: usize) -> LResult<usize> {
        if self.at(i).is_ascii_digit() {
            i = self.decimal_tail(i)?;
        }
        match self.at(i) {
            b'e' | b'E' => self.c_exponent(i),
            b'j' | b'J' => self.end_of_number(i + 1, "imaginary"),
            _ => self.end_of_number(i, "decimal"),
        }
    }

    /// At the 'e' of an exponent.
    fn c_exponent(&self, e: usize) -> LResult<usize> {
        let mut i = e + 1;
        if matches!(self.at(i), b'+' | b'-') {
            i += 1;
            if !self.at(i).is_ascii_digit() {
                return Err(self.syntax_error("invalid decimal literal".into(), i));
            }
        } else if !self.at(i).is_ascii_digit() {
            // "1e" is the number 1 followed by a name — unless that reads as a bad literal.
            self.end_of_number(e, "decimal")?;
            return Ok(e);
        }
        i = self.decimal_tail(i)?;
        if matches!(self.at(i), b'j' | b'J') {
            return self.end_of_number(i + 1, "imaginary");
        }
        self.end_of_number(i, "decimal")
    }

    /// CPython rejects a number running into an ASCII name character, except before the
    /// keywords that can follow a number in valid code (`1if x else y` only warns).
    fn end_of_number(&self, i: usize, kind: &str) -> LResult<usize> {
        let c = self.at(i);
        let is_ident = |c: u8| is_ident_ascii(c) || c >= 0x80;
        // "and", "else", "for", "not", "or" count only as whole words; "if", "in", "is" do not
        // need to end there.
        let word = |rest: &[u8]| {
            self.s.get(i + 1..).is_some_and(|r| r.starts_with(rest)) && !is_ident(self.at(i + 1 + rest.len()))
        };
        let keyword = match c {
            b'a' => word(b"nd"),
            b'e' => word(b"lse"),
            b'f' => word(b"or"),
            b'i' => matches!(self.at(i + 1), b'f' | b'n' | b's'),
            b'o' => word(b"r"),
            b'n' => word(b"ot"),
            _ => false,
        };
        if !keyword && is_ident_ascii(c) {
            return Err(self.syntax_error(format!("invalid {kind} literal"), i));
        }
        Ok(i)
    }
}

#[inline]
fn byte(s: &[u8], p: usize) -> u8 {
    s.get(p).copied().unwrap_or(0)
}

/// `[0-9](?:_?[0-9])*` at `p`: its end, or `p` if none.
fn digit_part(s: &[u8], p: usize) -> usize {
    if !byte(s, p).is_ascii_digit() {
        return p;
    }
    let mut i = p + 1;
    loop {
        if byte(s, i).is_ascii_digit() {
            i += 1;
        } else if byte(s, i) == b'_' && byte(s, i + 1).is_ascii_digit() {
            i += 2;
        } else {
            return i;
        }
    }
}

/// `[eE][-+]?[0-9](?:_?[0-9])*` at `p`: its end, or `p` if none.
fn exponent(s: &[u8], p: usize) -> usize {
    if !matches!(byte(s, p), b'e' | b'E') {
        return p;
    }
    let mut q = p + 1;
    if matches!(byte(s, q), b'+' | b'-') {
        q += 1;
    }
    let e = digit_part(s, q);
    if e > q {
        e
    } else {
        p
    }
}

fn point_float(s: &[u8], p: usize) -> Option<usize> {
    let d = digit_part(s, p);
    let base = if d > p && byte(s, d) == b'.' {
        digit_part(s, d + 1)
    } else if byte(s, p) == b'.' {
        let e = digit_part(s, p + 1);
        if e == p + 1 {
            return None;
        }
        e
    } else {
        return None;
    };
    Some(exponent(s, base))
}

fn exp_float(s: &[u8], p: usize) -> Option<usize> {
    let d = digit_part(s, p);
    if d == p {
        return None;
    }
    let e = exponent(s, d);
    if e > d {
        Some(e)
    } else {
        None
    }
}

fn float_number(s: &[u8], p: usize) -> Option<usize> {
    point_float(s, p).or_else(|| exp_float(s, p))
}

fn radix_int(s: &[u8], p: usize, marks: [u8; 2], is_digit: fn(u8) -> bool) -> Option<usize> {
    if byte(s, p) != b'0' || !marks.contains(&byte(s, p + 1)) {
        return None;
    }
    let mut i = p + 2;
    loop {
        if is_digit(byte(s, i)) {
            i += 1;
        } else if byte(s, i) == b'_' && is_digit(byte(s, i + 1)) {
            i += 2;
        } else {
            break;
        }
    }
    if i > p + 2 {
        Some(i)
    } else {
        None
    }
}

/// tokenize's `Number` regex at `p` (alternatives tried in order, as `re` does).
fn compat_number(s: &[u8], p: usize) -> Option<usize> {
    let d = digit_part(s, p);
    if d > p && matches!(byte(s, d), b'j' | b'J') {
        return Some(d + 1);
    }
    if let Some(f) = float_number(s, p) {
        if matches!(byte(s, f), b'j' | b'J') {
            return Some(f + 1);
        }
        return Some(f);
    }
    radix_int(s, p, [b'x', b'X'], |c| c.is_ascii_hexdigit())
        .or_else(|| radix_int(s, p, [b'b', b'B'], |c| c == b'0' || c == b'1'))
        .or_else(|| radix_int(s, p, [b'o', b'O'], |c| (b'0'..=b'7').contains(&c)))
        .or_else(|| match byte(s, p) {
            b'0' => {
                let mut i = p + 1;
                loop {
                    if byte(s, i) == b'0' {
                        i += 1;
                    } else if byte(s, i) == b'_' && byte(s, i + 1) == b'0' {
                        i += 2;
                    } else {
                        return Some(i);
                    }
                }
            }
            b'1'..=b'9' => Some(digit_part(s, p)),
            _ => None,
        })
}
