//! The tokenizer: text → tokens. (stub: being written)

use crate::error::SyntaxError;
use crate::token::Token;

/// Tokenizes the whole text, giving the token stream `python3 -m tokenize` shows.
pub fn tokenize(text: &str) -> Result<Vec<Token>, SyntaxError> {
    let _ = text;
    Ok(Vec::new())
}
