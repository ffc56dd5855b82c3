//! The source-line part of a traceback entry, as CPython 3.11 prints it: the stripped line, then
//! carets under the failing expression when it does not span the whole line, with `~` for the
//! operands and `^` for the operator of a binary operation (or `^` for a subscript's index).

use crate::exceptions::TraceEntry;
use kaa_syntax::ast::{ExprKind, Mod, StmtKind};
use kaa_syntax::parser::{self, Mode, ParseOptions};

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
