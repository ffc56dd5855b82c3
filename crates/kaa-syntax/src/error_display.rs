//! Printing a [`SyntaxError`] the way CPython 3.11 prints an uncaught one when running a file:
//!
//! ```text
//!   File "/abs/path/prog.py", line 3
//!     x = (1 +
//!         ^
//! SyntaxError: '(' was never closed
//! ```
//!
//! The rules follow CPython's `print_exception` / `print_error_text` (Python/pythonrun.c), which
//! has a few quirks worth knowing, all reproduced here:
//!
//! * `offset` and `end_offset` are *character* columns, but the source line is handled as UTF-8
//!   bytes when it is clipped and measured, so on lines with non-ASCII text a caret can land on a
//!   different spot than the character it names. (We do what CPython does, not what it means.)
//! * Leading spaces, tabs and form feeds are stripped from the shown line and the caret moves left
//!   by as many; a caret that would land left of the text is not drawn at all. Offset 0 ("no
//!   column") therefore never draws a caret.
//! * The caret run is `end_offset - offset` long when `end_offset > offset` (at least one), cut at
//!   the end of the line; an error spanning several lines underlines to the end of the first.
//!   `IndentationError` and `TabError` always get one caret (CPython ignores their end columns).
//! * The text is a C string to CPython: anything after a NUL character is not shown.
//! * An error with no line number (`lineno == 0` here, CPython's `None`: e.g. the source-decoding
//!   errors `Non-UTF-8 code starting with ...`) prints only its last line, `SyntaxError: msg`.

use crate::error::{SyntaxError, SyntaxErrorKind};

impl SyntaxError {
    /// The complete stderr text CPython 3.11 prints for this error, uncaught, when running the
    /// file `filename` (pass the name as CPython would show it; see [`display_filename`]).
    pub fn render(&self, filename: &str) -> String {
        let mut out = String::new();
        if self.lineno > 0 {
            out.push_str(&format!("  File \"{filename}\", line {}\n", self.lineno));
            if let Some(text) = &self.text {
                self.render_text(text, &mut out);
            }
        }
        out.push_str(self.kind.name());
        if !self.msg.is_empty() {
            out.push_str(": ");
            out.push_str(&self.msg);
        }
        out.push('\n');
        out
    }

    /// The source line and caret line (`print_error_text`).
    fn render_text(&self, text: &str, out: &mut String) {
        let offset = self.offset as i64;
        // Only a plain SyntaxError has a meaningful end; its subclasses get end_offset = -1.
        let (end_lineno, mut end_offset) = match self.kind {
            SyntaxErrorKind::SyntaxError => {
                let end_lineno = if self.end_lineno == 0 { self.lineno } else { self.end_lineno };
                let end_offset = if self.end_offset == 0 { -1 } else { self.end_offset as i64 };
                (end_lineno, end_offset)
            }
            _ => (self.lineno, -1),
        };
        let line_size = text.len() as i64; // UTF-8 bytes, whatever follows a NUL included
        if end_lineno > self.lineno {
            end_offset = line_size;
        }
        if end_offset > line_size + 1 {
            end_offset = line_size + 1;
        }
        let carets = if end_offset > 0 && end_offset > offset { end_offset - offset } else { 1 };

        // From here on the text is a C string: it ends at the first NUL.
        let mut t = text.as_bytes();
        if let Some(nul) = t.iter().position(|&b| b == 0) {
            t = &t[..nul];
        }
        let mut offset = offset - 1;
        while let [b' ' | b'\t' | b'\x0c', rest @ ..] = t {
            t = rest;
            offset -= 1;
        }
        let mut len = t.len() as i64;
        if t.last() == Some(&b'\n') {
            len -= 1;
        }
        if offset > len {
            offset = len;
        }
        // A text holding several lines shows the one the offset falls in, from there on.
        while let Some(nl) = t.iter().position(|&b| b == b'\n') {
            let nl = nl as i64;
            if nl >= offset {
                break;
            }
            t = &t[(nl + 1) as usize..];
            len -= nl + 1;
            offset -= nl + 1;
        }
        out.push_str("    ");
        out.push_str(&String::from_utf8_lossy(t));
        if len < 0 || t.get(len as usize) != Some(&b'\n') {
            out.push('\n');
        }
        if offset < 0 {
            return;
        }
        out.push_str("    ");
        out.extend(std::iter::repeat_n(' ', offset as usize));
        out.extend(std::iter::repeat_n('^', carets as usize));
        out.push('\n');
    }
}

/// The file name CPython shows for the script it runs: a relative path is made absolute by
/// putting the current directory and a `/` in front, with no other normalisation (so `./a.py`
/// run in `/` shows as `//./a.py`).
pub fn display_filename(path: &str) -> String {
    if path.starts_with('/') {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => format!("{}/{path}", cwd.display()),
        Err(_) => path.to_string(),
    }
}
