//! "Did you mean" hints for NameError and AttributeError, chosen the way CPython 3.11 chooses
//! them: the closest candidate by a case-aware Levenshtein distance, if close enough.

use crate::exceptions::{ExceptionObject, SuggestFrom};
use crate::interp::Vm;
use crate::value::Value;
use std::rc::Rc;

const MAX_CANDIDATES: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// Edit distance over UTF-8 bytes, giving up (max_cost + 1) once it must exceed `max_cost`.
fn distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut dist = bi * MOVE_COST;
        result = dist;
        let mut minimum = usize::MAX;
        for (ai, &ch) in a.iter().enumerate() {
            let substitute = dist + substitution_cost(code, ch);
            dist = row[ai];
            let insert_delete = result.min(dist) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The best candidate for `name` among `candidates`, if any is close enough.
fn best(candidates: &[String], name: &str) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(&String, usize)> = None;
    for item in candidates {
        if item == name {
            continue;
        }
        let mut max = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), item.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s.clone())
}

impl Vm {
    /// The "Did you mean" hint for an exception, computed when it is displayed.
    pub fn suggestion_for(&mut self, exc: &Rc<ExceptionObject>) -> Option<String> {
        let source = exc.suggest.borrow_mut().take()?;
        match source {
            SuggestFrom::Names { name, groups } => groups.iter().find_map(|g| best(g, &name)),
            SuggestFrom::Attribute { obj, name } => {
                let dir = self.builtins.get_str("dir")?;
                let listing = self.call_value(&dir, vec![obj], Vec::new()).ok()?;
                let names: Vec<String> = match listing {
                    Value::List(l) => l
                        .borrow()
                        .iter()
                        .filter_map(|v| if let Value::Str(s) = v { Some(s.to_string()) } else { None })
                        .collect(),
                    _ => return None,
                };
                best(&names, &name)
            }
        }
    }
}
