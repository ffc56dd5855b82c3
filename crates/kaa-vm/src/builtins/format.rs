//! `format(value, spec)`: the format-spec mini-language for str, int, bool and float, with
//! CPython's checks and messages (Python/formatter_unicode.c), and `__format__` dispatch.

use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::int::to_bigint;
use crate::value::Value;
use num_traits::{Signed, ToPrimitive};

/// A parsed spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
struct Spec {
    fill: char,
    /// Whether `fill` was written (a written fill turns off the `0` shorthand).
    fill_given: bool,
    align: char,
    align_given: bool,
    sign: Option<char>,
    no_neg_zero: bool,
    alternate: bool,
    width: Option<usize>,
    /// ',' or '_'.
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

#[cold]
fn too_many_digits() -> PyErr {
    PyErr::value_error("Too many decimal digits in format string")
}

fn parse_number(c: &[char], i: &mut usize) -> PyResult<Option<usize>> {
    let start = *i;
    while *i < c.len() && c[*i].is_ascii_digit() {
        *i += 1;
    }
    if start == *i {
        return Ok(None);
    }
    let text: String = c[start..*i].iter().collect();
    // CPython reads the number into a Py_ssize_t.
    match text.parse::<usize>() {
        Ok(n) if n <= isize::MAX as usize => Ok(Some(n)),
        _ => Err(too_many_digits()),
    }
}

fn parse_spec(spec: &str, default_align: char) -> PyResult<Spec> {
    let c: Vec<char> = spec.chars().collect();
    let mut s = Spec {
        fill: ' ',
        fill_given: false,
        align: default_align,
        align_given: false,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        width: None,
        grouping: None,
        precision: None,
        kind: None,
    };
    let is_align = |ch: char| matches!(ch, '<' | '>' | '^' | '=');
    let mut i = 0;
    if c.len() >= 2 && is_align(c[1]) {
        s.fill = c[0];
        s.fill_given = true;
        s.align = c[1];
        s.align_given = true;
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        s.align = c[0];
        s.align_given = true;
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        s.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        s.no_neg_zero = true;
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    // `0` before the width: zero padding after the sign, unless a fill was written.
    if !s.fill_given && i < c.len() && c[i] == '0' {
        s.fill = '0';
        if !s.align_given && default_align == '>' {
            s.align = '=';
        }
        i += 1;
    }
    s.width = parse_number(&c, &mut i)?;
    if i < c.len() && c[i] == ',' {
        s.grouping = Some(',');
        i += 1;
    }
    if i < c.len() && c[i] == '_' {
        if s.grouping.is_some() {
            return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
        }
        s.grouping = Some('_');
        i += 1;
    }
    if i < c.len() && c[i] == ',' && s.grouping == Some('_') {
        return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        s.precision = parse_number(&c, &mut i)?;
        if s.precision.is_none() {
            return Err(PyErr::value_error("Format specifier missing precision"));
        }
    }
    if c.len() - i > 1 {
        return Err(PyErr::value_error("Invalid format specifier"));
    }
    if i < c.len() {
        s.kind = Some(c[i]);
    }
    if let Some(g) = s.grouping {
        let kind = s.kind.unwrap_or(if default_align == '<' { 's' } else { '\0' });
        let ok = match kind {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => true,
            'b' | 'o' | 'x' | 'X' => g == '_',
            _ => false,
        };
        if !ok {
            return Err(PyErr::value_error(format!("Cannot specify '{g}' with '{kind}'.")));
        }
    }
    Ok(s)
}

/// Digits with separators every `every` digits from the right; with zero padding, leading
/// zeros (and separators among them) until `min_width` characters, as CPython's
/// `_PyUnicode_InsertThousandsGrouping` does.
fn group_digits(digits: &str, sep: char, every: usize, min_width: isize) -> String {
    let d: Vec<char> = digits.chars().collect();
    let mut remaining = d.len() as isize;
    let mut min_width = min_width;
    let mut pieces: Vec<String> = Vec::new();
    let mut use_sep = false;
    loop {
        let l = (every as isize).min(remaining.max(min_width).max(1));
        let zeros = (l - remaining).max(0);
        let chars = remaining.min(l).max(0);
        if use_sep {
            pieces.push(sep.to_string());
        }
        let end = remaining.max(0) as usize;
        let group: String = d[end - chars as usize..end].iter().collect();
        pieces.push(format!("{}{group}", "0".repeat(zeros as usize)));
        use_sep = true;
        remaining -= chars;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    pieces.reverse();
    pieces.concat()
}

/// Pads `prefix + body` (prefix: sign and `0x`-style prefix) to the spec's width.
fn pad(prefix: &str, body: &str, s: &Spec) -> String {
    let len = prefix.chars().count() + body.chars().count();
    let width = s.width.unwrap_or(0);
    if len >= width {
        return format!("{prefix}{body}");
    }
    let n = width - len;
    let fill = |k: usize| s.fill.to_string().repeat(k);
    match s.align {
        '<' => format!("{prefix}{body}{}", fill(n)),
        '^' => format!("{}{prefix}{body}{}", fill(n / 2), fill(n - n / 2)),
        '=' => format!("{prefix}{}{body}", fill(n)),
        _ => format!("{}{prefix}{body}", fill(n)),
    }
}

fn sign_text(negative: bool, sign: Option<char>) -> &'static str {
    match (negative, sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

#[cold]
fn unknown_code(kind: char, v: &Value) -> PyErr {
    PyErr::value_error(format!("Unknown format code '{kind}' for object of type '{}'", v.type_name()))
}

/// `format(v, spec)`: a class's own `__format__` first, then the built-in types' formatting.
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    let class = vm.type_of(v);
    if class.is_heap_type {
        if let Some(f) = class.lookup("__format__") {
            return match vm.call_value(&f, vec![v.clone(), Value::str(spec)], Vec::new())? {
                Value::Str(s) => Ok(s.to_string()),
                other => {
                    Err(PyErr::type_error(format!("__format__ must return a str, not {}", other.type_name())))
                }
            };
        }
    }
    if spec.is_empty() {
        return vm.str(v);
    }
    match v {
        Value::Str(text) => format_str(text, spec),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => format_int(v, spec),
        Value::Float(x) => format_float_spec(*x, v, spec),
        Value::Complex(z) => format_complex(z.re, z.im, spec),
        // object.__format__
        other => Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            other.type_name()
        ))),
    }
}

fn format_str(text: &str, spec: &str) -> PyResult<String> {
    let s = parse_spec(spec, '<')?;
    match s.kind {
        None | Some('s') => {}
        Some(k) => return Err(unknown_code(k, &Value::str(""))),
    }
    if s.sign.is_some() {
        return Err(PyErr::value_error("Sign not allowed in string format specifier"));
    }
    if s.no_neg_zero {
        return Err(PyErr::value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if s.alternate {
        return Err(PyErr::value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if s.align == '=' {
        return Err(PyErr::value_error("'=' alignment not allowed in string format specifier"));
    }
    let body: String = match s.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_string(),
    };
    Ok(pad("", &body, &s))
}

fn format_int(v: &Value, spec: &str) -> PyResult<String> {
    let s = parse_spec(spec, '>')?;
    let kind = s.kind.unwrap_or('d');
    match kind {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = crate::objects::float::as_f64(v).unwrap_or(Ok(0.0))?;
            return format_float_with(x, &s);
        }
        k => return Err(unknown_code(k, v)),
    }
    if s.precision.is_some() {
        return Err(PyErr::value_error("Precision not allowed in integer format specifier"));
    }
    if s.no_neg_zero {
        return Err(PyErr::value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    let n = to_bigint(v).unwrap_or_default();
    if kind == 'c' {
        if s.sign.is_some() {
            return Err(PyErr::value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if s.alternate {
            return Err(PyErr::value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let code = n
            .to_i64()
            .ok_or_else(|| PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C long"))?;
        let c = u32::try_from(code)
            .ok()
            .and_then(char::from_u32)
            .filter(|_| code <= 0x10FFFF)
            .ok_or_else(|| PyErr::new(ExcKind::OverflowError, "%c arg not in range(0x110000)"))?;
        return Ok(pad("", &c.to_string(), &s));
    }
    let (radix, prefix, upper) = match kind {
        'b' => (2, "0b", false),
        'o' => (8, "0o", false),
        'x' => (16, "0x", false),
        'X' => (16, "0X", true),
        _ => (10, "", false),
    };
    let mut digits =
        if radix == 10 { super::int_limit::to_decimal(&n.abs())? } else { n.abs().to_str_radix(radix) };
    if upper {
        digits = digits.to_uppercase();
    }
    let mut lead = sign_text(n.is_negative(), s.sign).to_string();
    if s.alternate {
        lead.push_str(prefix);
    }
    let body = match s.grouping {
        Some(g) => {
            let every = if radix == 10 { 3 } else { 4 };
            group_digits(&digits, g, every, zero_pad_width(&s, lead.chars().count()))
        }
        None => digits,
    };
    Ok(pad(&lead, &body, &s))
}

/// With `0`-fill and `=` alignment, grouped digits get leading zeros up to the width that the
/// sign and prefix leave.
fn zero_pad_width(s: &Spec, lead: usize) -> isize {
    match (s.fill, s.align, s.width) {
        ('0', '=', Some(w)) => w as isize - lead as isize,
        _ => 0,
    }
}

fn format_float_spec(x: f64, v: &Value, spec: &str) -> PyResult<String> {
    let s = parse_spec(spec, '>')?;
    match s.kind {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' | 'n') => format_float_with(x, &s),
        Some(k) => Err(unknown_code(k, v)),
    }
}

/// A float formatted per the spec (also ints with a float presentation type).
fn format_float_with(x: f64, s: &Spec) -> PyResult<String> {
    let mut kind = s.kind.unwrap_or('r');
    let mut add_dot_zero = false;
    let mut precision = s.precision;
    if s.kind.is_none() {
        // Like repr() without a precision; like 'g' with one, keeping a '.0'.
        add_dot_zero = true;
        if precision.is_some() {
            kind = 'g';
        }
    }
    if kind == 'n' {
        kind = 'g';
    }
    let mut value = x;
    let percent = kind == '%';
    if percent {
        kind = 'f';
        value *= 100.0;
    }
    if precision.is_none() && kind != 'r' {
        precision = Some(6);
    }
    let negative = value.is_sign_negative() && !value.is_nan();
    let mag = value.abs();
    let mut body = match kind {
        'r' => kaa_syntax::repr::float_repr(mag),
        _ => format_float(mag, kind, precision, s.alternate),
    };
    if add_dot_zero && kind == 'g' && mag.is_finite() && !body.contains(['.', 'e', 'E']) {
        body.push_str(".0");
    }
    if percent {
        body.push('%');
    }
    // `z`: a value that rounds to zero loses its minus sign.
    let negative = negative && !(s.no_neg_zero && body.chars().all(|c| !c.is_ascii_digit() || c == '0'));
    let lead = sign_text(negative, s.sign);
    if let Some(g) = s.grouping {
        let split = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
        let (int_part, rest) = body.split_at(split);
        if mag.is_finite() {
            let min = zero_pad_width(s, lead.len() + rest.chars().count());
            body = format!("{}{rest}", group_digits(int_part, g, 3, min));
        }
    }
    Ok(pad(lead, &body, s))
}

/// The 'e', 'f', 'g' presentations of a non-negative float (and inf/nan).
/// A double's exact decimal expansion ends within this many fractional digits (and has fewer
/// significant ones), so more precision only adds zeros; Rust's formatter refuses precisions
/// beyond 65535.
const EXACT_DIGITS: usize = 1100;

/// `x` with `p` digits after the point.
fn fixed(x: f64, p: usize) -> String {
    if p <= EXACT_DIGITS {
        return format!("{x:.p$}");
    }
    let mut out = format!("{x:.EXACT_DIGITS$}");
    out.extend(std::iter::repeat_n('0', p - EXACT_DIGITS));
    out
}

/// `x` in Rust's scientific notation with `p` digits after the point.
fn scientific(x: f64, p: usize) -> String {
    if p <= EXACT_DIGITS {
        return format!("{x:.p$e}");
    }
    let text = format!("{x:.EXACT_DIGITS$e}");
    let (m, e) = text.split_once('e').unwrap_or((&text, "0"));
    format!("{m}{}e{e}", "0".repeat(p - EXACT_DIGITS))
}

pub fn format_float(x: f64, kind: char, precision: Option<usize>, alternate: bool) -> String {
    let upper = kind.is_ascii_uppercase();
    if x.is_nan() {
        return if upper { "NAN".into() } else { "nan".into() };
    }
    if x.is_infinite() {
        return if upper { "INF".into() } else { "inf".into() };
    }
    let out = match kind.to_ascii_lowercase() {
        'f' => {
            let p = precision.unwrap_or(6);
            let mut out = fixed(x, p);
            if alternate && p == 0 {
                out.push('.');
            }
            out
        }
        'e' => {
            let p = precision.unwrap_or(6);
            let text = scientific(x, p);
            let (m, e) = text.split_once('e').unwrap_or((&text, "0"));
            let e: i32 = e.parse().unwrap_or(0);
            let dot = if alternate && p == 0 { "." } else { "" };
            format!("{m}{dot}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
        }
        _ => {
            let p = precision.unwrap_or(6).max(1);
            // The exponent after rounding to p significant digits decides the notation.
            let sci = scientific(x, p - 1);
            let e: i32 = sci.split_once('e').and_then(|(_, e)| e.parse().ok()).unwrap_or(0);
            let mut out = if x != 0.0 && (e < -4 || e >= p as i32) {
                format_float(x, 'e', Some(p - 1), alternate)
            } else {
                let decimals = if x == 0.0 { p - 1 } else { (p as i32 - 1 - e).max(0) as usize };
                let mut t = fixed(x, decimals);
                if alternate && !t.contains('.') {
                    t.push('.');
                }
                t
            };
            if !alternate {
                // Trailing zeros of the fraction go, and a bare point.
                let (m, rest) = match out.find('e') {
                    Some(i) => out.split_at(i),
                    None => (out.as_str(), ""),
                };
                let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
                out = format!("{m}{rest}");
            }
            out
        }
    };
    if upper {
        out.to_uppercase()
    } else {
        out
    }
}

/// `format(z, spec)` for a complex number (CPython's `format_complex_internal`): both parts
/// formatted like floats, the imaginary one always signed unless the real part is omitted, then
/// padded as a whole.
pub fn format_complex(re: f64, im: f64, spec: &str) -> PyResult<String> {
    let s = parse_spec(spec, '>')?;
    match s.kind {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(k) => {
            return Err(PyErr::value_error(format!("Unknown format code '{k}' for object of type 'complex'")))
        }
    }
    if s.fill == '0' && !s.fill_given {
        return Err(PyErr::value_error("Zero padding is not allowed in complex format specifier"));
    }
    if s.align == '=' {
        return Err(PyErr::value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let (mut kind, mut skip_re, mut parens) = (s.kind.unwrap_or('r'), false, false);
    if s.kind.is_none() {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    if kind == 'n' {
        kind = 'g';
    }
    let precision = match (s.precision, kind) {
        (None, 'r') => None,
        (None, _) => Some(6),
        (Some(p), 'r') => {
            kind = 'g';
            Some(p)
        }
        (Some(p), _) => Some(p),
    };
    let part = |x: f64, sign: Option<char>| -> String {
        let negative = x.is_sign_negative() && !x.is_nan();
        let mag = x.abs();
        let mut body = match kind {
            'r' => kaa_syntax::repr::format_float_r(mag, false),
            _ => format_float(mag, kind, precision, s.alternate),
        };
        let negative = negative && !(s.no_neg_zero && body.chars().all(|c| !c.is_ascii_digit() || c == '0'));
        if let (Some(g), true) = (s.grouping, mag.is_finite()) {
            let split = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
            let (int_part, rest) = body.split_at(split);
            body = format!("{}{rest}", group_digits(int_part, g, 3, 0));
        }
        format!("{}{body}", sign_text(negative, sign))
    };
    let re_text = if skip_re { String::new() } else { part(re, s.sign) };
    let im_text = part(im, if skip_re { s.sign } else { Some('+') });
    let body = if parens { format!("({re_text}{im_text}j)") } else { format!("{re_text}{im_text}j") };
    Ok(pad("", &body, &s))
}
