//! Tests for string groups and f-strings, driven by a small string-token scanner and a fake
//! sub-parser (field expressions are names or integers), so they run without the main parser.
//! `differential_against_cpython` (ignored by default) compares with `python3` on random inputs.

use super::*;
use crate::ast::{Dump, Dumper, ExprContext};

/// The string-literal tokens of `src` (everything else is skipped), with CPython's positions.
fn string_tokens(src: &str) -> Vec<Token> {
    let b = src.as_bytes();
    let mut toks = Vec::new();
    let (mut i, mut line, mut line_start) = (0usize, 1u32, 0usize);
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            i += 1;
            line += 1;
            line_start = i;
            continue;
        }
        let mut j = i;
        while j < b.len() && b"rRbBuUfF".contains(&b[j]) {
            j += 1;
        }
        let starts_word = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        if j < b.len() && (b[j] == b'\'' || b[j] == b'"') && starts_word {
            let q = b[j];
            let triple = b.get(j + 1) == Some(&q) && b.get(j + 2) == Some(&q);
            let (start, lineno, col) = (i, line, (i - line_start) as u32);
            let mut k = j + if triple { 3 } else { 1 };
            loop {
                if k >= b.len() {
                    panic!("unterminated string in test source {src:?}");
                }
                if b[k] == b'\\' {
                    if b.get(k + 1) == Some(&b'\n') {
                        line += 1;
                        line_start = k + 2;
                    }
                    k += 2;
                    continue;
                }
                if b[k] == b'\n' {
                    line += 1;
                    line_start = k + 1;
                }
                if b[k] == q && (!triple || (b.get(k + 1) == Some(&q) && b.get(k + 2) == Some(&q))) {
                    k += if triple { 3 } else { 1 };
                    break;
                }
                k += 1;
            }
            toks.push(Token {
                kind: TokenKind::String,
                start: start as u32,
                end: k as u32,
                lineno,
                col,
                end_lineno: line,
                end_col: (k - line_start) as u32,
            });
            i = k;
            continue;
        }
        i += 1;
    }
    toks
}

/// Parses field expressions that are a single name or integer, placing them as a real parser
/// given the same offsets would; records every call.
#[derive(Default)]
struct FakeSub {
    calls: Vec<(String, u32, u32)>,
    after: Vec<Token>,
    fstring: Option<u32>,
    byte_columns: bool,
}

impl SubParser for FakeSub {
    fn parse_fstring_expr(&mut self, src: &str, lineno: u32, col: u32) -> Result<Expr, SyntaxError> {
        self.calls.push((src.to_string(), lineno, col));
        let inner = &src[1..src.len() - 1];
        let start = inner.find(|c: char| !c.is_whitespace()).unwrap_or(0);
        let word = inner[start..].trim_end();
        let keyword = ["True", "False", "None", "yield", "await", "lambda", "not"].contains(&word);
        let ok = !word.is_empty() && !keyword && word.chars().all(|c| c.is_alphanumeric() || c == '_');
        if !ok {
            return Err(SyntaxError {
                kind: SyntaxErrorKind::SyntaxError,
                msg: format!("fake sub-parser: unsupported {word:?}"),
                lineno,
                offset: 0,
                end_lineno: lineno,
                end_offset: 0,
                text: None,
            });
        }
        // Position of `word` within src ("(" + inner + ")"): line index and byte column.
        let abs = 1 + start;
        let line_idx = src[..abs].matches('\n').count() as u32;
        let line_start = src[..abs].rfind('\n').map_or(0, |i| i + 1);
        let mut c = (abs - line_start) as u32;
        if line_idx == 0 {
            c += col;
        }
        let span = Span::new(lineno + line_idx, c, lineno + line_idx, c + word.len() as u32);
        let kind = match word.parse::<i64>() {
            Ok(v) => ExprKind::Constant { value: Constant::Int(crate::ast::Int::Small(v)), kind: None },
            Err(_) => ExprKind::Name { id: word.to_string(), ctx: ExprContext::Load },
        };
        Ok(Expr { kind, span })
    }

    fn tokens_after(&self) -> &[Token] {
        &self.after
    }

    fn fstring_col_offset(&self) -> Option<u32> {
        self.fstring
    }

    fn byte_columns(&self) -> bool {
        self.byte_columns
    }
}

/// The `)` closing a test source that continues on later lines after the group, as the
/// tokenizer would give it (the text fallback assumes no open bracket).
fn closing_paren_after(src: &str, last: &Token) -> Vec<Token> {
    let rest = &src[last.end as usize..];
    let Some(k) = rest.find(|c: char| !c.is_whitespace()) else { return Vec::new() };
    if !rest[..k].contains('\n') || !rest[k..].starts_with(')') {
        return Vec::new();
    }
    let start = last.end as usize + k;
    let lineno = src[..start].matches('\n').count() as u32 + 1;
    let col = (start - src[..start].rfind('\n').map_or(0, |i| i + 1)) as u32;
    let (start, end) = (start as u32, start as u32 + 1);
    vec![Token {
        kind: TokenKind::Op(Op::Rpar),
        start,
        end,
        lineno,
        col,
        end_lineno: lineno,
        end_col: col + 1,
    }]
}

fn parse(src: &str) -> (Result<Expr, SyntaxError>, FakeSub) {
    let toks = string_tokens(src);
    let mut sub = FakeSub::default();
    if let Some(last) = toks.last() {
        sub.after = closing_paren_after(src, last);
    }
    let r = parse_string_group(src, &toks, &mut sub);
    (r, sub)
}

fn dump(src: &str) -> String {
    match parse(src).0 {
        Ok(e) => e.dump(&Dumper::new(None, true), 0).0,
        Err(e) => format!("ERR {}|{}|{}|{}|{}", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset),
    }
}

fn err(src: &str) -> String {
    match parse(src).0 {
        Ok(_) => "OK".into(),
        Err(e) => e.msg,
    }
}

#[test]
fn plain_strings() {
    assert_eq!(
        dump("'a' \"b\""),
        "Constant(value='ab', lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)"
    );
    assert_eq!(
        dump("u'a' 'b'"),
        "Constant(value='ab', kind='u', lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)"
    );
    assert_eq!(dump("U'a'"), "Constant(value='a', lineno=1, col_offset=0, end_lineno=1, end_col_offset=4)");
    assert_eq!(
        dump("b'a' B'\\x00'"),
        "Constant(value=b'a\\x00', lineno=1, col_offset=0, end_lineno=1, end_col_offset=12)"
    );
    assert_eq!(
        dump("r'\\n' '\\n'"),
        "Constant(value='\\\\n\\n', lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)"
    );
    assert_eq!(dump("''"), "Constant(value='', lineno=1, col_offset=0, end_lineno=1, end_col_offset=2)");
    assert_eq!(err("'a' b'b'"), "cannot mix bytes and nonbytes literals");
    assert_eq!(err("b'a' 'b'"), "cannot mix bytes and nonbytes literals");
    assert_eq!(err("b'a' f'b'"), "cannot mix bytes and nonbytes literals");
    assert_eq!(err("b'\u{e9}'"), "bytes can only contain ASCII literal characters");
}

#[test]
fn error_locations() {
    // Errors point at the token after the group; the non-ASCII bytes error at the token.
    assert_eq!(dump("x = 'a' b'b'"), "ERR cannot mix bytes and nonbytes literals|1|13|1|13");
    assert_eq!(dump("x = 'a' b'b' + 1"), "ERR cannot mix bytes and nonbytes literals|1|14|1|15");
    assert_eq!(dump("x = 'a' b'b'  # c"), "ERR cannot mix bytes and nonbytes literals|1|15|1|18");
    assert_eq!(dump("x = 'a' b'b' \\\n + 1"), "ERR cannot mix bytes and nonbytes literals|2|2|2|3");
    assert_eq!(dump("x = 'a' b'\u{e9}'"), "ERR bytes can only contain ASCII literal characters|1|9|1|13");
    assert_eq!(
        dump("\u{e9} = 'ab\\x1' + 2"),
        "ERR (unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: truncated \\xXX escape|1|13|1|14"
    );
    assert_eq!(dump("f'{x}' f'{}' + 1"), "ERR f-string: empty expression not allowed|1|14|1|15");
    assert_eq!(dump("x = rb'\u{e9}'"), "ERR bytes can only contain ASCII literal characters|1|5|1|10");
}

/// A string group inside a field's `(expr)`, as the sub-parser would pass it: tokens ending on
/// the first line shifted by the field's column, lines by its line.
fn sub_error(src: &str, lineno: u32, col: u32) -> String {
    let mut toks = string_tokens(src);
    for t in &mut toks {
        if t.end_lineno == 1 {
            t.col += col;
            t.end_col += col;
        }
        t.lineno += lineno - 1;
        t.end_lineno += lineno - 1;
    }
    let mut sub = FakeSub { fstring: Some(col), ..FakeSub::default() };
    match parse_string_group(src, &toks, &mut sub) {
        Ok(_) => "OK".into(),
        Err(e) => {
            format!("{}|{}|{}|{}|{}|{:?}", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text)
        }
    }
}

#[test]
fn byte_columns_for_files_without_declared_encoding() {
    // From python3's compile() of the file's bytes (no coding cookie).
    let err = |src: &str| {
        let toks = string_tokens(src);
        let mut sub = FakeSub { byte_columns: true, ..FakeSub::default() };
        let e = parse_string_group(src, &toks, &mut sub).unwrap_err();
        (e.offset, e.end_offset)
    };
    assert_eq!(err("data = b'caf\u{e9}'\n"), (8, 16));
    assert_eq!(err("\u{e9} = 'ab\\x1' + 2\n"), (14, 15));
}

#[test]
fn errors_inside_fields() {
    // From python3 on `x = f"{1 + b'é'}"`, `x = f"""{\n'a' b'b'}"""`, `f"{'a' b'b'}"`:
    // byte columns relative to the field's text.
    assert_eq!(
        sub_error("(1 + b'\u{e9}')", 1, 6),
        "f-string: bytes can only contain ASCII literal characters|1|6|1|11|Some(\"(1 + b'\u{e9}')\\n\")"
    );
    assert_eq!(
        sub_error("(\n'a' b'b')", 1, 4),
        "f-string: cannot mix bytes and nonbytes literals|2|5|2|6|Some(\"'a' b'b')\\n\")"
    );
    assert_eq!(
        sub_error("('a' b'b')", 1, 2),
        "f-string: cannot mix bytes and nonbytes literals|1|10|1|11|Some(\"('a' b'b')\\n\")"
    );
    assert_eq!(
        sub_error("(f'{}' + 1)", 1, 6),
        "f-string: f-string: empty expression not allowed|1|8|1|9|Some(\"(f'{}' + 1)\\n\")"
    );
}

#[test]
fn fstring_structure() {
    assert_eq!(dump("f''"), "JoinedStr(values=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=3)");
    assert_eq!(
        dump("f'a' 'b'"),
        "JoinedStr(values=[Constant(value='ab', lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], \
         lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)"
    );
    assert_eq!(
        dump("f'{x=}'"),
        "JoinedStr(values=[Constant(value='x=', lineno=1, col_offset=0, end_lineno=1, end_col_offset=7), \
         FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), \
         conversion=114, lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)], lineno=1, col_offset=0, \
         end_lineno=1, end_col_offset=7)"
    );
    // From CPython 3.11: the spec's JoinedStr and its last Constant span the current token only.
    assert_eq!(
        dump("u'a' f'{x:{y}b}c'"),
        "JoinedStr(values=[Constant(value='a', kind='u', lineno=1, col_offset=0, end_lineno=1, end_col_offset=17), \
         FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), \
         conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load(), lineno=1, \
         col_offset=11, end_lineno=1, end_col_offset=12), conversion=-1, lineno=1, col_offset=0, end_lineno=1, \
         end_col_offset=17), Constant(value='b', lineno=1, col_offset=5, end_lineno=1, end_col_offset=17)], \
         lineno=1, col_offset=5, end_lineno=1, end_col_offset=17), lineno=1, col_offset=0, end_lineno=1, \
         end_col_offset=17), Constant(value='c', kind='u', lineno=1, col_offset=0, end_lineno=1, \
         end_col_offset=17)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=17)"
    );
}

#[test]
fn crlf_line_ends() {
    // Checked with python3 on a file with CRLF line ends.
    assert_eq!(
        dump("(f'''a\r\n{x}''' '\\\r\nb')\r\n"),
        "JoinedStr(values=[Constant(value='a\\n', lineno=1, col_offset=1, end_lineno=3, end_col_offset=2), \
         FormattedValue(value=Name(id='x', ctx=Load(), lineno=2, col_offset=1, end_lineno=2, end_col_offset=2), \
         conversion=-1, lineno=1, col_offset=1, end_lineno=3, end_col_offset=2), Constant(value='b', lineno=1, \
         col_offset=1, end_lineno=3, end_col_offset=2)], lineno=1, col_offset=1, end_lineno=3, end_col_offset=2)"
    );
}

#[test]
fn field_locations() {
    let calls = |src: &str| {
        let (r, sub) = parse(src);
        r.unwrap();
        sub.calls
    };
    assert_eq!(calls("f'{x!r}'"), vec![("(x)".to_string(), 1, 2)]);
    assert_eq!(calls("f'{{x}} {x}'"), vec![("(x)".to_string(), 1, 8)]);
    assert_eq!(calls("f'''ab\nc{x}'''"), vec![("(x)".to_string(), 2, 1)]);
    assert_eq!(calls("yy=f'''\n{x!r}'''"), vec![("(x)".to_string(), 2, 0)]);
    assert_eq!(calls("f'''ab\nc{\nx}'''"), vec![("(\nx)".to_string(), 2, 0)]);
    assert_eq!(calls("(f'a'\n  f'b{x}')"), vec![("(x)".to_string(), 2, 5)]);
    assert_eq!(calls("\u{e9} = f'\u{e9}{x}'"), vec![("(x)".to_string(), 1, 9)]);
}

#[test]
fn fstring_errors() {
    for (src, msg) in [
        ("f'{'", "f-string: expecting '}'"),
        ("f'{x!'", "f-string: expecting '}'"),
        ("f'{x:{y'", "f-string: expecting '}'"),
        ("f'{x:{y:{z}}}'", "f-string: expressions nested too deeply"),
        ("f'{(}'", "f-string: closing parenthesis '}' does not match opening parenthesis '('"),
        ("f'{)}'", "f-string: unmatched ')'"),
        ("f'{x#}'", "f-string expression part cannot include '#'"),
        ("f'{\\n}'", "f-string expression part cannot include a backslash"),
        ("f'{!r}'", "f-string: expression required before '!'"),
        ("f'{:x}'", "f-string: expression required before ':'"),
        ("f'{=}'", "f-string: expression required before '='"),
        ("f'{ }'", "f-string: empty expression not allowed"),
        ("f'{x}}'", "f-string: single '}' is not allowed"),
        ("f'{x!z}'", "f-string: invalid conversion character: expected 's', 'r', or 'a'"),
        ("f'{x!}'", "f-string: invalid conversion character: expected 's', 'r', or 'a'"),
        ("f'{\"a}'", "f-string: unterminated string"),
        ("f'{x=y}'", "f-string: expecting '}'"),
        ("f'\\Nab{x}'", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape"),
    ] {
        assert_eq!(err(src), msg, "for {src:?}");
    }
    for ok in
        ["f'{x==y}'", "f'{x!=y}'", "f'{x<y}'", "f'{x>=y}'", "f'\\{x}'", "f'{x:{{y}}}'", "f'\\N{EM DASH}{x}'"]
    {
        // Expressions like `x==y` are beyond the fake sub-parser; only the scanner is tested.
        let e = err(ok);
        assert!(e == "OK" || e.starts_with("fake sub-parser"), "for {ok:?}: {e}");
    }
}

/// Random inputs never panic (and errors always carry a message).
#[test]
fn no_panics() {
    let alphabet: Vec<&str> = vec![
        "{",
        "}",
        "{{",
        "}}",
        "!",
        "r",
        "s",
        ":",
        "=",
        "x",
        " ",
        "\\",
        "N",
        "{EM DASH}",
        "'",
        "\"",
        "(",
        ")",
        "[",
        "]",
        "#",
        "\u{e9}",
        "\u{1F600}",
        "\n",
        "\r",
        "\\x4",
        "\\u12",
        "\\U0001F600",
        "<",
        ">",
        "0",
        "7",
        "\\N{",
    ];
    let mut seed: u64 = 0x9E3779B97F4A7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..20000 {
        let n = (next() % 12) as usize;
        let mut body = String::new();
        for _ in 0..n {
            body.push_str(alphabet[(next() % alphabet.len() as u64) as usize]);
        }
        let prefix = ["f", "rf", "", "b", "u", "rb", "F"][(next() % 7) as usize];
        let src = format!("{prefix}'''{body}'''");
        // Hand-made token spanning the whole text (the scanner may disagree on quotes).
        let tok = Token {
            kind: TokenKind::String,
            start: 0,
            end: src.len() as u32,
            lineno: 1,
            col: 0,
            end_lineno: 1 + src.matches('\n').count() as u32,
            end_col: 3,
        };
        let mut sub = FakeSub::default();
        if let Err(e) = parse_string_group(&src, &[tok, tok], &mut sub) {
            assert!(!e.msg.is_empty());
        }
    }
}

/// Tokens that don't match the text (odd offsets, inside multi-byte characters) give errors,
/// not panics.
#[test]
fn no_panics_on_bad_tokens() {
    let src = "f'\u{e9}{x}\u{1F600}' b'a'\r\n'''\u{e9}''' #\u{e9}\\\n";
    let n = src.len() as u32;
    for start in 0..=n + 1 {
        for end in 0..=n + 1 {
            let t = Token {
                kind: TokenKind::String,
                start,
                end,
                lineno: 1,
                col: start,
                end_lineno: 1,
                end_col: end,
            };
            let mut sub = FakeSub::default();
            let _ = parse_string_group(src, &[t], &mut sub);
            let _ = parse_string_group(src, &[t, t], &mut sub);
        }
    }
    let mut sub = FakeSub::default();
    assert!(parse_string_group(src, &[], &mut sub).is_err());
}

/// Compares with `python3` on random string groups: `cargo test -p kaa-syntax -- --ignored`.
#[test]
#[ignore]
fn differential_against_cpython() {
    let cases = random_cases(6000);
    let outputs = run_python(&cases);
    assert_eq!(outputs.len(), cases.len());
    let (mut bad, mut ok, mut errors, mut skipped) = (0, 0, 0, 0);
    for (src, want) in cases.iter().zip(outputs) {
        let got = dump(src);
        if got == want {
            if got.starts_with("ERR") {
                errors += 1;
            } else {
                ok += 1;
            }
        } else if got.starts_with("ERR fake sub-parser") {
            // Expressions beyond the fake sub-parser: CPython's own parse errors, `x==y`, ...
            skipped += 1;
        } else {
            bad += 1;
            if bad <= 30 {
                eprintln!("source: {src:?}\n  want: {want}\n  got:  {got}");
            }
        }
    }
    eprintln!("{ok} trees and {errors} errors agree, {skipped} skipped, {bad} differ");
    assert_eq!(bad, 0, "{bad} of {} cases differ", cases.len());
}

fn random_cases(n: usize) -> Vec<String> {
    let lits = [
        "a",
        " ",
        "{{",
        "}}",
        "\u{e9}",
        "\\n",
        "\\x41",
        "\\N{EM DASH}",
        "\\t",
        "\\\\",
        "\\q",
        "\\{",
        "\u{1F600}",
        "\\0",
        "\\777",
        "\\1234",
        "\\u00e9",
        "\\ud800",
        "\\U0001F600",
        "\\N{LATIN SMALL LETTER A}",
        "\\N{nbsp}",
        "\\N{BOGUS}",
        "\\N{",
        "\\x4",
        "\\u12",
        "\\U00110000",
        "\\\n",
        "\\'",
        "\\\"",
        "\\N{}",
        "\\\u{e9}",
        "\\8",
        "\\a\\b\\f\\v\\r",
        "\\Nx",
        "\\N{HANGUL SYLLABLE GAG}",
        "\\N{CJK UNIFIED IDEOGRAPH-4E00}",
    ];
    let fields = [
        "{x}",
        "{ x }",
        "{x!r}",
        "{x=}",
        "{x = }",
        "{x=!s}",
        "{x=:>4}",
        "{x:>{w}}",
        "{x:{y}.{z}}",
        "{x!a:^10}",
        "{x:%Y}",
        "{1}",
        "{x:}",
        "{x!r:}",
        "{x:{y}b{z}}",
        "{}",
        "{!r}",
        "{x!z}",
        "}",
        "{",
        "{x:{y:{z}}}",
        "{x#}",
        "{(x}",
        "{x)}",
        "{x!}",
        "{x:{}}",
        "{x=y}",
        "{x:\\x41}",
        "{x:\u{e9}{y}}",
    ];
    let ml_fields = ["{\nx}", "{x\n}", "{ \n x}", "\n{x}", "{x:\n{y}}"];
    let prefixes = ["f", "f", "f", "rf", "F", "", "r", "u", "b", "fR"];
    let quotes = ["'", "\"", "'''", "\"\"\""];
    let leads = ["", "\u{e9} = ", "x = ", "(\n"];
    let mut seed: u64 = 0x2545F4914F6CDD1D;
    let mut next = move |m: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m as u64) as usize
    };
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let lead = leads[next(leads.len())];
        let mut src = String::from(lead);
        if !lead.ends_with('\n') {
            src.push('(');
        }
        let ntok = 1 + next(3);
        let mut pushed = 0;
        for _ in 0..ntok {
            if pushed > 0 {
                src.push_str(if next(2) == 0 { " " } else { "\n   " });
            }
            let prefix = prefixes[next(prefixes.len())];
            let quote = quotes[next(quotes.len())];
            let triple = quote.len() == 3;
            let mut body = String::new();
            for _ in 0..next(5) {
                let piece = match next(4) {
                    0 | 1 => lits[next(lits.len())],
                    2 if triple => ml_fields[next(ml_fields.len())],
                    _ => fields[next(fields.len())],
                };
                if prefix.contains(['b', 'B']) && !piece.is_ascii() {
                    continue;
                }
                body.push_str(piece);
            }
            if body.ends_with('\\') || (body.contains('\n') && !triple) {
                continue;
            }
            src.push_str(prefix);
            src.push_str(quote);
            src.push_str(&body);
            src.push_str(quote);
            pushed += 1;
        }
        src.push(')');
        if !string_tokens_ok(&src) || pushed == 0 {
            continue;
        }
        out.push(src);
    }
    out
}

/// Skips sources whose quoting the tiny scanner would misread (a quote char ending a body).
fn string_tokens_ok(src: &str) -> bool {
    !src.contains("''''") && !src.contains("\"\"\"\"")
}

fn run_python(cases: &[String]) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!("kaa-strings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("cases");
    std::fs::write(&input, cases.join("\0")).unwrap();
    let script = r#"
import ast, sys
# A real file name makes CPython quote error lines from the file, as `python3 FILE` does.
path = sys.argv[1] + '.py'
for src in open(sys.argv[1], encoding='utf-8').read().split('\0'):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(src)
    try:
        tree = ast.parse(src, path)
        print('OK', ast.dump(tree.body[0].value, include_attributes=True))
    except SyntaxError as e:
        print('ERR %s|%s|%s|%s|%s' % (e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset))
"#;
    let out = std::process::Command::new("python3").arg("-c").arg(script).arg(&input).output().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines().map(|l| l.strip_prefix("OK ").unwrap_or(l).to_string()).collect()
}

/// Every string group of the standard library (real tokens from the tokenizer), against the
/// nodes CPython builds; groups whose fields the fake sub-parser can't handle are skipped.
/// `KAA_STDLIB_DIR=... cargo test -p kaa-syntax stdlib_strings -- --ignored --nocapture`
#[test]
#[ignore]
fn stdlib_strings_against_cpython() {
    let dir = std::env::var("KAA_STDLIB_DIR")
        .unwrap_or_else(|_| "/root/.pyenv/versions/3.11.7/lib/python3.11".to_string());
    let script = r#"
import ast, os, sys, warnings
warnings.simplefilter('ignore')
root = sys.argv[1]
for dp, dns, fns in os.walk(root):
    dns.sort()
    if 'site-packages' in dp:
        continue
    for fn in sorted(fns):
        if not fn.endswith('.py'):
            continue
        path = os.path.join(dp, fn)
        try:
            src = open(path, 'rb').read().decode('utf-8')
            tree = ast.parse(src, path)
        except Exception:
            continue
        inner = set()
        for n in ast.walk(tree):
            if isinstance(n, ast.JoinedStr):
                # Strings inside fields come from the sub-parser, not from these tokens.
                inner.update(id(m) for m in ast.walk(n) if m is not n)
        for n in ast.walk(tree):
            if id(n) in inner:
                continue
            if isinstance(n, ast.JoinedStr) or (isinstance(n, ast.Constant) and isinstance(n.value, (str, bytes))):
                print('%s\t%d\t%d\t%s' % (path, n.lineno, n.col_offset, ast.dump(n, include_attributes=True)))
"#;
    let out = std::process::Command::new("python3").arg("-c").arg(script).arg(&dir).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut want: std::collections::HashMap<String, Vec<(u32, u32, String)>> = Default::default();
    for line in text.lines() {
        let mut it = line.splitn(4, '\t');
        let (p, l, c, d) = (it.next().unwrap(), it.next().unwrap(), it.next().unwrap(), it.next().unwrap());
        want.entry(p.to_string()).or_default().push((l.parse().unwrap(), c.parse().unwrap(), d.to_string()));
    }
    let (mut same, mut skipped, mut bad) = (0, 0, 0);
    let mut paths: Vec<_> = want.keys().cloned().collect();
    paths.sort();
    for path in paths {
        let nodes = &want[&path];
        let src = std::fs::read_to_string(&path).unwrap();
        let Ok(toks) = crate::tokenizer::tokenize(&src) else { continue };
        let mut got: std::collections::HashMap<(u32, u32), String> = Default::default();
        let mut i = 0;
        while i < toks.len() {
            if toks[i].kind != TokenKind::String {
                i += 1;
                continue;
            }
            let mut group = vec![toks[i]];
            let mut j = i + 1;
            while j < toks.len() {
                match toks[j].kind {
                    TokenKind::String => group.push(toks[j]),
                    TokenKind::Nl | TokenKind::Comment => {}
                    _ => break,
                }
                j += 1;
            }
            let last_index = toks.iter().position(|t| t == group.last().unwrap()).unwrap();
            let mut sub = FakeSub { after: toks[last_index + 1..].to_vec(), ..FakeSub::default() };
            let d = match parse_string_group(&src, &group, &mut sub) {
                Ok(e) => e.dump(&Dumper::new(None, true), 0).0,
                Err(e) if e.msg.starts_with("fake sub-parser") => "SKIP".to_string(),
                Err(e) => format!("ERR {}", e.msg),
            };
            got.insert((group[0].lineno, group[0].col), d);
            i = j;
        }
        for (l, c, d) in nodes {
            match got.get(&(*l, *c)) {
                Some(g) if g == d => same += 1,
                Some(g) if g == "SKIP" => skipped += 1,
                g => {
                    bad += 1;
                    if bad <= 20 {
                        eprintln!("{path}:{l}:{c}\n  want: {d}\n  got:  {g:?}");
                    }
                }
            }
        }
    }
    eprintln!("{same} string groups agree, {skipped} skipped (complex fields), {bad} differ");
    assert_eq!(bad, 0);
}

/// Every NUMBER token of the standard library against CPython's value (by `repr`).
#[test]
#[ignore]
fn stdlib_numbers_against_cpython() {
    let dir = std::env::var("KAA_STDLIB_DIR")
        .unwrap_or_else(|_| "/root/.pyenv/versions/3.11.7/lib/python3.11".to_string());
    let script = r#"
import ast, os, sys, warnings
warnings.simplefilter('ignore')
for dp, dns, fns in os.walk(sys.argv[1]):
    dns.sort()
    if 'site-packages' in dp:
        continue
    for fn in sorted(fns):
        if not fn.endswith('.py'):
            continue
        path = os.path.join(dp, fn)
        try:
            tree = ast.parse(open(path, 'rb').read().decode('utf-8'), path)
        except Exception:
            continue
        inner = set()
        for n in ast.walk(tree):
            if isinstance(n, ast.JoinedStr):
                inner.update(id(m) for m in ast.walk(n) if m is not n)
        for n in ast.walk(tree):
            if id(n) not in inner and isinstance(n, ast.Constant) and type(n.value) in (int, float, complex):
                print('%s\t%d\t%d\t%r' % (path, n.lineno, n.col_offset, n.value))
"#;
    let out = std::process::Command::new("python3").arg("-c").arg(script).arg(&dir).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut by_file: std::collections::BTreeMap<String, Vec<(u32, u32, String)>> = Default::default();
    for line in text.lines() {
        let mut it = line.splitn(4, '\t');
        let (p, l, c, v) = (it.next().unwrap(), it.next().unwrap(), it.next().unwrap(), it.next().unwrap());
        by_file.entry(p.to_string()).or_default().push((
            l.parse().unwrap(),
            c.parse().unwrap(),
            v.to_string(),
        ));
    }
    let (mut same, mut bad) = (0, 0);
    for (path, nodes) in &by_file {
        let src = std::fs::read_to_string(path).unwrap();
        let Ok(toks) = crate::tokenizer::tokenize(&src) else { continue };
        let got: std::collections::HashMap<(u32, u32), String> = toks
            .iter()
            .filter(|t| t.kind == TokenKind::Number)
            .map(|t| {
                let v = parse_number(&src[t.start as usize..t.end as usize]).map(|c| c.repr());
                ((t.lineno, t.col), v.unwrap_or_else(|e| format!("ERR {e}")))
            })
            .collect();
        for (l, c, v) in nodes {
            if got.get(&(*l, *c)) == Some(v) {
                same += 1;
            } else {
                bad += 1;
                if bad <= 20 {
                    eprintln!("{path}:{l}:{c}: want {v}, got {:?}", got.get(&(*l, *c)));
                }
            }
        }
    }
    eprintln!("{same} numbers agree, {bad} differ");
    assert_eq!(bad, 0);
}
