//! `python3 -m tokenize -e` output for a token stream.
//!
//! Each line is `"%-20s%-15s%-15r"` of `START-END:`, the exact type name and the repr of the
//! token's text, with columns counted in characters (tokens carry byte columns).

use crate::pystr::PyStr;
use crate::repr::str_repr;
use crate::token::{Token, TokenKind};
use crate::tokenizer;
use crate::unicode;

/// What `python3 -m tokenize -e FILE` prints for decoded `text`: the listing (stdout), or the
/// message it writes to stderr before exiting with status 1 (it prints no tokens then).
pub fn tokenize_listing(text: &str, encoding: &str, filename: &str) -> Result<String, String> {
    match tokenizer::tokenize_compat(text) {
        Ok(tokens) => Ok(format_tokens(text, encoding, &tokens)),
        Err(e) => Err(format!("{filename}:{}:{}: error: {}", e.lineno, e.col, e.msg)),
    }
}

/// Formats `tokens` (from [`tokenizer::tokenize_compat`] or [`tokenizer::tokenize`]) of `text`
/// as `tokenize -e` does, starting with the ENCODING line.
pub fn format_tokens(text: &str, encoding: &str, tokens: &[Token]) -> String {
    let mut out = String::with_capacity(tokens.len() * 52 + 64);
    let encoding = if encoding == "utf-8-sig" { "utf-8" } else { encoding };
    line(&mut out, "0,0-0,0:", "ENCODING", &repr(encoding));
    let mut cols = CharCols { line_start: usize::MAX, byte: 0, chars: 0 };
    let mut range = String::new();
    for t in tokens {
        let (start, end) = (t.start as usize, t.end as usize);
        let col = cols.get(text, start.saturating_sub(t.col as usize), t.col as usize);
        let end_col = if start == end {
            // Empty tokens (DEDENT, ENDMARKER, tokenize's NEWLINE '') may end past their start.
            col + t.end_col.saturating_sub(t.col)
        } else {
            cols.get(text, end.saturating_sub(t.end_col as usize), t.end_col as usize)
        };
        range.clear();
        push_num(&mut range, t.lineno);
        range.push(',');
        push_num(&mut range, col);
        range.push('-');
        push_num(&mut range, t.end_lineno);
        range.push(',');
        push_num(&mut range, end_col);
        range.push(':');
        let piece = text.get(start..end).unwrap_or("");
        pad(&mut out, &range, 20);
        pad(&mut out, kind_name(t, piece), 15);
        push_repr(&mut out, piece);
        out.push('\n');
    }
    out
}

fn push_num(out: &mut String, mut n: u32) {
    let mut buf = [0u8; 10];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or("0"));
}

const SPACES: &str = "                    ";

fn push_spaces(out: &mut String, n: usize) {
    out.push_str(&SPACES[..n.min(SPACES.len())]);
}

/// `%-15r` of `piece`: plain printable ASCII without quotes or backslashes is quoted as is;
/// anything else goes through Python's full `repr` rules.
fn push_repr(out: &mut String, piece: &str) {
    let plain = piece.bytes().all(|c| (0x20..0x7F).contains(&c) && c != b'\\' && c != b'\'');
    if plain {
        out.push('\'');
        out.push_str(piece);
        out.push('\'');
        push_spaces(out, 15usize.saturating_sub(piece.len() + 2));
    } else {
        pad(out, &repr(piece), 15);
    }
}

fn repr(s: &str) -> String {
    let mut p = PyStr::new();
    p.push_str(s);
    str_repr(&p)
}

/// `tokenize` gives a run of word characters that cannot start a name the generic type OP; the
/// tokenizer marks it as an ERRORTOKEN (no other ERRORTOKEN is made of word characters only).
fn kind_name(t: &Token, piece: &str) -> &'static str {
    if t.kind == TokenKind::ErrorToken
        && !piece.is_empty()
        && piece.chars().all(|c| unicode::is_word(c as u32))
    {
        return "OP";
    }
    t.kind.name()
}

fn line(out: &mut String, range: &str, name: &str, repr: &str) {
    pad(out, range, 20);
    pad(out, name, 15);
    pad(out, repr, 15);
    out.push('\n');
}

/// `%-Ns`: left-justified in N characters.
fn pad(out: &mut String, s: &str, width: usize) {
    out.push_str(s);
    let n = if s.is_ascii() { s.len() } else { s.chars().count() };
    push_spaces(out, width.saturating_sub(n));
}

/// Converts byte columns to character columns, remembering the last answer so a line with many
/// tokens is counted once, not once per token.
struct CharCols {
    line_start: usize,
    byte: usize,
    chars: u32,
}

impl CharCols {
    fn get(&mut self, text: &str, line_start: usize, byte_col: usize) -> u32 {
        let target = line_start + byte_col;
        if self.line_start != line_start || self.byte > target {
            self.line_start = line_start;
            self.byte = line_start;
            self.chars = 0;
        }
        let bytes = text.as_bytes();
        let from = self.byte.min(bytes.len());
        let to = target.min(bytes.len()).max(from);
        self.chars += bytes[from..to].iter().filter(|&&c| (c & 0xC0) != 0x80).count() as u32;
        self.byte = target;
        self.chars + (target - to.max(from)) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listing_matches_tokenize() {
        let src = "if x:\n    y = \"é\"  # c\n";
        let want = "\
0,0-0,0:            ENCODING       'utf-8'        
1,0-1,2:            NAME           'if'           
1,3-1,4:            NAME           'x'            
1,4-1,5:            COLON          ':'            
1,5-1,6:            NEWLINE        '\\n'           
2,0-2,4:            INDENT         '    '         
2,4-2,5:            NAME           'y'            
2,6-2,7:            EQUAL          '='            
2,8-2,11:           STRING         '\"é\"'          
2,13-2,16:          COMMENT        '# c'          
2,16-2,17:          NEWLINE        '\\n'           
3,0-3,0:            DEDENT         ''             
3,0-3,0:            ENDMARKER      ''             
";
        assert_eq!(tokenize_listing(src, "utf-8", "f.py").unwrap(), want);
    }

    #[test]
    fn error_tokens_and_implicit_newline() {
        let want = "\
0,0-0,0:            ENCODING       'utf-8'        
1,0-1,1:            NAME           'x'            
1,2-1,3:            EQUAL          '='            
1,4-1,5:            NUMBER         '1'            
1,5-1,6:            ERRORTOKEN     ' '            
1,6-1,7:            ERRORTOKEN     '$'            
1,8-1,9:            NUMBER         '2'            
1,9-1,10:           NEWLINE        ''             
2,0-2,0:            ENDMARKER      ''             
";
        assert_eq!(tokenize_listing("x = 1 $ 2", "utf-8-sig", "f.py").unwrap(), want);
        assert_eq!(
            tokenize_listing("x = (\n", "utf-8", "f.py").unwrap_err(),
            "f.py:2:0: error: EOF in multi-line statement"
        );
    }
}
