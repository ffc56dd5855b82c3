//! `-W` options and `PYTHONWARNINGS` applied to the compiler's warnings (`SyntaxWarning`,
//! `DeprecationWarning`), with the rules of CPython's `warnings` module: each option is
//! `action:message:category:module:lineno`; later options take precedence over earlier ones,
//! and CPython's default filters come last. A bad option is reported and ignored, as CPython
//! does at start-up. (Warnings raised by Python code go through the warnings module itself.)

use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Error,
    Ignore,
    /// default, always, module, once: the warning is shown (the compiler warns once per site).
    Show,
}

struct Filter {
    action: Action,
    /// Lower-cased literal that the message must start with (case-insensitive prefix match).
    message: String,
    category: &'static str,
    /// Literal the whole module name must equal ("" matches any).
    module: String,
    lineno: u32,
}

/// The warning classes the compiler raises, with their bases (the ones `-W` may name).
const CATEGORIES: &[(&str, &[&str])] = &[
    ("Warning", &["Warning"]),
    ("UserWarning", &["UserWarning", "Warning"]),
    ("DeprecationWarning", &["DeprecationWarning", "Warning"]),
    ("PendingDeprecationWarning", &["PendingDeprecationWarning", "Warning"]),
    ("SyntaxWarning", &["SyntaxWarning", "Warning"]),
    ("RuntimeWarning", &["RuntimeWarning", "Warning"]),
    ("FutureWarning", &["FutureWarning", "Warning"]),
    ("ImportWarning", &["ImportWarning", "Warning"]),
    ("UnicodeWarning", &["UnicodeWarning", "Warning"]),
    ("BytesWarning", &["BytesWarning", "Warning"]),
    ("ResourceWarning", &["ResourceWarning", "Warning"]),
    ("EncodingWarning", &["EncodingWarning", "Warning"]),
];

/// Builtin names that exist but are not warning classes.
const NOT_WARNINGS: &[&str] =
    &["Exception", "BaseException", "object", "ValueError", "TypeError", "int", "str"];

static FILTERS: OnceLock<Vec<Filter>> = OnceLock::new();

/// Parses `sys.warnoptions` once at start-up, printing CPython's message for each bad one.
pub fn install(warnoptions: &[String]) {
    let mut filters = Vec::new();
    for option in warnoptions {
        match parse(option) {
            Ok(f) => filters.push(f),
            Err(why) => eprintln!("Invalid -W option ignored: {why}"),
        }
    }
    // Each option is inserted in front of the previous ones; CPython's defaults follow.
    filters.reverse();
    let default = |action, category, module: &str| Filter {
        action,
        message: String::new(),
        category,
        module: module.into(),
        lineno: 0,
    };
    filters.push(default(Action::Show, "DeprecationWarning", "__main__"));
    filters.push(default(Action::Ignore, "DeprecationWarning", ""));
    filters.push(default(Action::Ignore, "PendingDeprecationWarning", ""));
    filters.push(default(Action::Ignore, "ImportWarning", ""));
    filters.push(default(Action::Ignore, "ResourceWarning", ""));
    let _ = FILTERS.set(filters);
}

fn parse(option: &str) -> Result<Filter, String> {
    let parts: Vec<&str> = option.split(':').collect();
    if parts.len() > 5 {
        return Err(format!("too many fields (max 5): '{option}'"));
    }
    let field = |i: usize| parts.get(i).map_or("", |s| s.trim());
    let action = match field(0) {
        "" => Action::Show,
        a if "error".starts_with(a) => Action::Error,
        a if "ignore".starts_with(a) => Action::Ignore,
        a if ["default", "always", "module", "once"].iter().any(|n| n.starts_with(a)) => Action::Show,
        a => return Err(format!("invalid action: '{a}'")),
    };
    let category = match field(2) {
        "" => "Warning",
        name => match CATEGORIES.iter().find(|(n, _)| *n == name) {
            Some((n, _)) => n,
            None if NOT_WARNINGS.contains(&name) => {
                return Err(format!("invalid warning category: '{name}'"))
            }
            None => return Err(format!("unknown warning category: '{name}'")),
        },
    };
    let lineno = match field(4) {
        "" => 0,
        // The message shows int(lineno) when it parsed, else the text's repr.
        text => match text.parse::<i64>() {
            Ok(n) if n >= 0 => n as u32,
            Ok(n) => return Err(format!("invalid lineno {n}")),
            Err(_) => return Err(format!("invalid lineno '{text}'")),
        },
    };
    Ok(Filter { action, message: field(1).to_lowercase(), category, module: field(3).to_string(), lineno })
}

/// What to do with a compile-time warning in `filename` (its module name is the file name
/// without `.py`, as CPython's `_warnings` derives it).
pub fn action_for(category: &str, message: &str, filename: &str, lineno: u32) -> Action {
    let Some(filters) = FILTERS.get() else { return Action::Show };
    let module = filename.strip_suffix(".py").unwrap_or(filename);
    let bases = CATEGORIES.iter().find(|(n, _)| *n == category).map_or(&[][..], |(_, b)| *b);
    let message = message.to_lowercase();
    for f in filters {
        let matches = message.starts_with(&f.message)
            && bases.contains(&f.category)
            && (f.module.is_empty() || f.module == module)
            && (f.lineno == 0 || f.lineno == lineno);
        if matches {
            return f.action;
        }
    }
    Action::Show
}
