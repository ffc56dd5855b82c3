//! `python3 -m tokenize -e` output for a token stream. (stub: being written)

use crate::token::Token;

pub fn format_tokens(text: &str, encoding: &str, tokens: &[Token]) -> String {
    let _ = (text, encoding, tokens);
    String::new()
}
