//! Loading source: bytes → text per PEP 263 (UTF-8 BOM, coding cookie on line 1 or 2, UTF-8 by
//! default). (stub: being written)

use crate::error::SyntaxError;

/// Decoded source text and the encoding name `tokenize` reports for it.
pub struct Source {
    pub text: String,
    pub encoding: String,
}

pub fn decode(bytes: &[u8], filename: &str) -> Result<Source, SyntaxError> {
    let _ = filename;
    Ok(Source { text: String::from_utf8_lossy(bytes).into_owned(), encoding: "utf-8".into() })
}
