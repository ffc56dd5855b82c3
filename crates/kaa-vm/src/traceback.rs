//! The source-line part of a traceback entry, as CPython 3.11 prints it: the stripped line, then
//! carets under the failing expression when it does not span the whole line, with `~` for the
//! operands and `^` for the operator of a binary operation (or `^` for a subscript's index).

use crate::exceptions::{ExceptionObject, TraceEntry};
use crate::interp::Vm;
use crate::value::Value;
use kaa_syntax::ast::{ExprKind, Mod, StmtKind};
use kaa_syntax::parser::{self, Mode, ParseOptions};
use std::io::Write;
use std::rc::Rc;

/// The character index of byte offset `b` in `s`.
fn char_offset(s: &str, b: usize) -> usize {
    let b = b.min(s.len());
    let mut end = b;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].chars().count() + usize::from(end < b)
}

/// Where the secondary (`~`) and primary (`^`) carets split, in characters of `segment`.
struct Anchors {
    left_end: usize,
    right_start: usize,
    primary: char,
    secondary: char,
}

fn anchors_for(segment: &str) -> Option<Anchors> {
    let tree = parser::parse(segment, ParseOptions { mode: Mode::Exec, type_comments: false }).ok()?;
    let Mod::Module { body, .. } = &tree else { return None };
    let [stmt] = body.as_slice() else { return None };
    let StmtKind::Expr { value } = &stmt.kind else { return None };
    let chars: Vec<char> = segment.chars().collect();
    match &value.kind {
        ExprKind::BinOp { left, right, .. } => {
            let op_start = char_offset(segment, left.span.end_col_offset as usize);
            let op_end = char_offset(segment, right.span.col_offset as usize);
            let op_str: String = chars.get(op_start..op_end)?.iter().collect();
            let offset = op_str.chars().count() - op_str.trim_start().chars().count();
            let op_chars: Vec<char> = op_str.chars().collect();
            let mut left_anchor = left.span.end_col_offset as usize + offset;
            let mut right_anchor = left_anchor + 1;
            if offset + 1 < op_chars.len() && !op_chars[offset + 1].is_whitespace() {
                right_anchor += 1;
            }
            // Skip closing parentheses and comments between the left operand and the operator.
            while left_anchor < chars.len()
                && (chars[left_anchor].is_whitespace() || ")#".contains(chars[left_anchor]))
            {
                left_anchor += 1;
                right_anchor += 1;
            }
            Some(Anchors {
                left_end: char_offset(segment, left_anchor),
                right_start: char_offset(segment, right_anchor),
                primary: '~',
                secondary: '^',
            })
        }
        ExprKind::Subscript { value: base, slice, .. } => {
            let mut left = char_offset(segment, base.span.end_col_offset as usize);
            let mut right = char_offset(segment, slice.span.end_col_offset as usize + 1);
            while left < chars.len() && (chars[left].is_whitespace() || chars[left] != '[') {
                left += 1;
            }
            while right < chars.len() && (chars[right].is_whitespace() || chars[right] != ']') {
                right += 1;
            }
            if right < chars.len() {
                right += 1;
            }
            Some(Anchors { left_end: left, right_start: right, primary: '~', secondary: '^' })
        }
        _ => None,
    }
}

/// Appends `    <stripped line>` and, when useful, the caret line for `entry`.
pub fn format_source_line(line: &str, entry: &TraceEntry, out: &mut String) {
    let stripped = line.trim();
    out.push_str("    ");
    out.push_str(stripped);
    out.push('\n');
    if entry.end_lineno == 0 {
        return;
    }
    let line_chars = line.chars().count();
    let stripped_chars = line_chars - line.trim_start().chars().count();
    let start = char_offset(line, entry.col as usize);
    let mut end = char_offset(line, entry.end_col as usize);
    let mut anchors = None;
    if entry.lineno == entry.end_lineno {
        let segment: String = line.chars().skip(start).take(end.saturating_sub(start)).collect();
        anchors = anchors_for(&segment);
    } else {
        end = line.trim_end().chars().count();
    }
    let stripped_len = stripped.chars().count();
    let anchors_split = anchors.as_ref().is_some_and(|a| a.right_start > a.left_end);
    if end.saturating_sub(start) >= stripped_len && !anchors_split {
        return;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat((start + 1).saturating_sub(stripped_chars + 1)));
    let width = end.saturating_sub(start);
    match anchors {
        Some(a) => {
            let left = a.left_end.min(width);
            let right = a.right_start.clamp(left, width);
            out.extend(std::iter::repeat_n(a.primary, left));
            out.extend(std::iter::repeat_n(a.secondary, right - left));
            out.extend(std::iter::repeat_n(a.primary, width - right));
        }
        None => out.extend(std::iter::repeat_n('^', width)),
    }
    out.push('\n');
}

/// The text of an uncaught exception's display, built as CPython's `traceback.TracebackException`
/// formats it: chained causes and contexts first, exception groups drawn as nested boxes.
struct Printer {
    out: String,
    /// Nesting of exception groups being drawn (0 outside any group).
    group_depth: usize,
    /// Whether the innermost open box still needs its closing line.
    need_close: bool,
    /// Exceptions already shown (chains may form cycles).
    seen: Vec<*const ExceptionObject>,
}

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;
const CAUSE_MESSAGE: &str = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";

impl Printer {
    fn indent(&self) -> String {
        " ".repeat(2 * self.group_depth)
    }

    /// Appends `text`, every line prefixed with the box margin of the current depth.
    fn emit(&mut self, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.group_depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }
}

impl Vm {
    /// Writes the traceback of an uncaught exception to stderr as CPython does.
    pub fn print_exception(&mut self, exc: &Rc<ExceptionObject>) {
        let _ = self.stdout.flush();
        let mut p = Printer { out: String::new(), group_depth: 0, need_close: false, seen: Vec::new() };
        self.format_exception(exc, &mut p);
        eprint!("{}", p.out);
    }

    fn format_exception(&mut self, exc: &Rc<ExceptionObject>, p: &mut Printer) {
        // The chain, newest first: each exception with the message that links it to the next.
        let mut chain: Vec<(Option<&str>, Rc<ExceptionObject>)> = Vec::new();
        let mut current = Some(exc.clone());
        let mut message = None;
        while let Some(e) = current {
            p.seen.push(Rc::as_ptr(&e));
            let cause = e.cause.borrow().clone();
            let context = e.context.borrow().clone();
            chain.push((message, e.clone()));
            let unseen = |x: &Rc<ExceptionObject>| !p.seen.contains(&Rc::as_ptr(x));
            (message, current) = match (cause, context) {
                (Some(c), _) if unseen(&c) => (Some(CAUSE_MESSAGE), Some(c)),
                (Some(_), _) => (None, None),
                (None, Some(c)) if !e.suppress_context.get() && unseen(&c) => {
                    (Some(CONTEXT_MESSAGE), Some(c))
                }
                _ => (None, None),
            };
        }
        // Printed oldest first; each link's message comes after the exception it explains.
        let mut pending: Option<&str> = None;
        for (msg, e) in chain.into_iter().rev() {
            if let Some(m) = pending.take() {
                p.emit(m, '|');
            }
            self.format_one(&e, p);
            pending = msg;
        }
    }

    /// One exception without its chain: traceback, message, notes; for a group, its members.
    fn format_one(&mut self, exc: &Rc<ExceptionObject>, p: &mut Printer) {
        let members = exc.group.borrow().clone();
        let Some(members) = members else {
            if exc.traceback.borrow().is_some() {
                p.emit("Traceback (most recent call last):\n", '|');
                let stack = self.format_stack(exc);
                p.emit(&stack, '|');
            }
            let only = self.format_exception_only(exc);
            p.emit(&only, '|');
            return;
        };
        if p.group_depth > MAX_GROUP_DEPTH {
            p.emit(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"), '|');
            return;
        }
        let toplevel = p.group_depth == 0;
        if toplevel {
            p.group_depth += 1;
        }
        if exc.traceback.borrow().is_some() {
            p.emit("Exception Group Traceback (most recent call last):\n", if toplevel { '+' } else { '|' });
            let stack = self.format_stack(exc);
            p.emit(&stack, '|');
        }
        let only = self.format_exception_only(exc);
        p.emit(&only, '|');
        let count = members.len();
        let shown = if count <= MAX_GROUP_WIDTH { count } else { MAX_GROUP_WIDTH + 1 };
        p.need_close = false;
        for i in 0..shown {
            let last = i == shown - 1;
            if last {
                p.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
            let head = if i == 0 { "+-" } else { "  " };
            p.out.push_str(&format!("{}{head}+---------------- {title} ----------------\n", p.indent()));
            p.group_depth += 1;
            if truncated {
                let remaining = count - MAX_GROUP_WIDTH;
                let plural = if remaining > 1 { "s" } else { "" };
                p.emit(&format!("and {remaining} more exception{plural}\n"), '|');
            } else if let Value::Exception(member) = &members[i] {
                self.format_exception(member, p);
            }
            if last && p.need_close {
                p.out.push_str(&format!("{}+------------------------------------\n", p.indent()));
                p.need_close = false;
            }
            p.group_depth -= 1;
        }
        if toplevel {
            p.group_depth = 0;
        }
    }

    /// The `File ..., line ..., in ...` lines of an exception's traceback, outermost first.
    fn format_stack(&mut self, exc: &Rc<ExceptionObject>) -> String {
        let mut out = String::new();
        let Some(head) = exc.traceback.borrow().clone() else { return out };
        let mut previous: Option<(String, u32, String)> = None;
        let mut repeats = 0;
        for link in head.chain() {
            let code = &link.frame.code;
            let key = (code.filename.clone(), link.entry.lineno, code.name.clone());
            // Runs of the same frame line are cut after three, as CPython does.
            if previous.as_ref() == Some(&key) {
                repeats += 1;
                if repeats >= 3 {
                    continue;
                }
            } else {
                flush_repeats(&mut out, repeats);
                repeats = 0;
            }
            out.push_str(&format!("  File \"{}\", line {}, in {}\n", key.0, key.1, key.2));
            if let Some(line) = source_line(&key.0, key.1) {
                format_source_line(&line, &link.entry, &mut out);
            }
            previous = Some(key);
        }
        flush_repeats(&mut out, repeats);
        out
    }

    /// `Type: message` and the exception's notes.
    fn format_exception_only(&mut self, exc: &Rc<ExceptionObject>) -> String {
        let value = Value::Exception(exc.clone());
        let mut msg = match self.str(&value) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        };
        if let Some(hint) = self.suggestion_for(exc) {
            msg.push_str(&format!(". Did you mean: '{hint}'?"));
        }
        let class = &exc.class;
        let mut name = class.qualname.to_string();
        if let Some(Value::Str(m)) = &*class.module.borrow() {
            if !matches!(m.as_str(), "builtins" | "__main__") {
                name = format!("{m}.{name}");
            }
        }
        let mut out = match crate::syntax_errors::traceback_text(self, exc, &name) {
            Some(located) => located,
            None if msg.is_empty() => format!("{name}\n"),
            None => format!("{name}: {msg}\n"),
        };
        match exc.dict.get_str("__notes__") {
            Some(notes @ (Value::List(_) | Value::Tuple(_))) => {
                for note in self.collect_iterable(&notes).unwrap_or_default() {
                    let text = match &note {
                        Value::Str(s) => s.to_string(),
                        other => self.str(other).unwrap_or_else(|_| "<note str() failed>".to_string()),
                    };
                    for line in text.split('\n') {
                        out.push_str(line);
                        out.push('\n');
                    }
                }
            }
            Some(other) => {
                let text = self.repr(&other).unwrap_or_else(|_| "<__notes__ repr() failed>".to_string());
                out.push_str(&text);
                out.push('\n');
            }
            None => {}
        }
        out
    }
}

fn flush_repeats(out: &mut String, repeats: usize) {
    if repeats >= 3 {
        let n = repeats - 2;
        out.push_str(&format!("  [Previous line repeated {n} more time{}]\n", if n == 1 { "" } else { "s" }));
    }
}

fn source_line(filename: &str, lineno: u32) -> Option<String> {
    let text = std::fs::read_to_string(filename).ok()?;
    text.lines().nth(lineno.checked_sub(1)? as usize).map(str::to_string)
}
