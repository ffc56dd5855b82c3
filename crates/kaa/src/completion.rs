//! Tab completion at the interactive prompt, after CPython's `rlcompleter`: a bare word
//! completes to keywords, globals and builtins (callables get `(`); `expr.word` evaluates the
//! dotted name `expr` and completes to the names `dir()` gives for it (names starting with `_`
//! only when the word does). An empty word inserts indentation.

use kaa_vm::objects::dict::DictObject;
use kaa_vm::{Value, Vm};
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::Context;
use std::cell::RefCell;
use std::rc::Rc;

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

pub struct PythonCompleter {
    vm: Rc<RefCell<Vm>>,
    globals: Rc<DictObject>,
}

impl PythonCompleter {
    pub fn new(vm: Rc<RefCell<Vm>>, globals: Rc<DictObject>) -> PythonCompleter {
        PythonCompleter { vm, globals }
    }

    /// Completions of `word` (a possibly dotted name under the cursor), sorted.
    fn candidates(&self, word: &str) -> Vec<String> {
        let Ok(mut vm) = self.vm.try_borrow_mut() else {
            return Vec::new();
        };
        let mut found = match word.rsplit_once('.') {
            Some((expr, prefix)) => attribute_candidates(&mut vm, &self.globals, expr, prefix),
            None => name_candidates(&mut vm, &self.globals, word),
        };
        found.sort();
        found.dedup();
        found
    }
}

fn str_keys(d: &DictObject) -> Vec<String> {
    d.keys()
        .into_iter()
        .filter_map(|k| if let Value::Str(s) = k { Some(s.as_str().to_string()) } else { None })
        .collect()
}

fn is_callable(vm: &mut Vm, v: &Value) -> bool {
    let Some(callable) = vm.builtins.get_str("callable") else {
        return false;
    };
    matches!(vm.call_value(&callable, vec![v.clone()], Vec::new()), Ok(Value::Bool(true)))
}

fn name_candidates(vm: &mut Vm, globals: &DictObject, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    for kw in KEYWORDS.iter().filter(|k| k.starts_with(prefix)) {
        out.push(match *kw {
            "finally" | "try" => format!("{kw}:"),
            "False" | "None" | "True" | "break" | "continue" | "pass" | "else" => kw.to_string(),
            _ => format!("{kw} "),
        });
    }
    let builtins = vm.builtins.clone();
    for d in [globals, &*builtins] {
        for name in str_keys(d).into_iter().filter(|n| n.starts_with(prefix)) {
            if KEYWORDS.contains(&name.as_str()) {
                continue;
            }
            let value = d.get_str(&name).unwrap_or(Value::None);
            out.push(if is_callable(vm, &value) { format!("{name}(") } else { name });
        }
    }
    out
}

fn attribute_candidates(vm: &mut Vm, globals: &DictObject, expr: &str, prefix: &str) -> Vec<String> {
    // Only dotted names are evaluated, so completing never runs arbitrary code beyond
    // attribute lookups (what rlcompleter's pattern allows too).
    let mut parts = expr.split('.');
    let Some(first) = parts.next() else {
        return Vec::new();
    };
    let Some(mut value) = globals.get_str(first).or_else(|| vm.builtins.get_str(first)) else {
        return Vec::new();
    };
    for part in parts {
        match vm.get_attr(&value, part) {
            Ok(v) => value = v,
            Err(_) => return Vec::new(),
        }
    }
    let Some(dir) = vm.builtins.get_str("dir") else {
        return Vec::new();
    };
    let names = match vm.call_value(&dir, vec![value.clone()], Vec::new()) {
        Ok(Value::List(items)) => items.borrow().clone(),
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    for name in names {
        let Value::Str(name) = name else { continue };
        let name = name.as_str().to_string();
        let hidden = match prefix {
            "" => name.starts_with('_'),
            "_" => name.starts_with("__"),
            _ => false,
        };
        let wanted = name.starts_with(prefix) && !hidden;
        if !wanted {
            continue;
        }
        let callable = vm.get_attr(&value, &name).map(|v| is_callable(vm, &v)).unwrap_or(false);
        out.push(format!("{expr}.{name}{}", if callable { "(" } else { "" }));
    }
    out
}

impl Completer for PythonCompleter {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric() || *c == '_' || *c == '.')
            .last()
            .map_or(pos, |(i, _)| i);
        let word = &before[start..];
        if word.is_empty() {
            // Nothing to complete: Tab indents, as in CPython's prompt.
            return Ok((pos, vec![Pair { display: String::new(), replacement: "    ".into() }]));
        }
        let pairs = self
            .candidates(word)
            .into_iter()
            .map(|c| Pair {
                display: c.rsplit_once('.').map_or(c.clone(), |(_, n)| n.to_string()),
                replacement: c,
            })
            .collect();
        Ok((start, pairs))
    }
}

impl Hinter for PythonCompleter {
    type Hint = String;
}
impl Highlighter for PythonCompleter {}
impl Validator for PythonCompleter {}
impl rustyline::Helper for PythonCompleter {}
