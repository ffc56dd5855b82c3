//! Unit tests of the tokenizer (CPython 3.11.7 is the reference for every expectation).

use super::*;

fn kinds(src: &str) -> Vec<String> {
    tokenize(src).unwrap().iter().map(|t| t.kind.name().to_string()).collect()
}

fn texts(src: &str) -> Vec<&str> {
    tokenize(src).unwrap().iter().map(|t| &src[t.start as usize..t.end as usize]).collect()
}

/// (kind, msg, lineno, offset, end_offset) of the C tokenizer's error.
fn err(src: &str) -> (&'static str, String, u32, u32, u32) {
    let e = tokenize(src).unwrap_err();
    (e.kind.name(), e.msg, e.lineno, e.offset, e.end_offset)
}

#[test]
fn block_structure() {
    assert_eq!(
        kinds("if x:\n    y = 1  # c\n\nz\n"),
        [
            "NAME",
            "NAME",
            "COLON",
            "NEWLINE",
            "INDENT",
            "NAME",
            "EQUAL",
            "NUMBER",
            "COMMENT",
            "NEWLINE",
            "NL",
            "DEDENT",
            "NAME",
            "NEWLINE",
            "ENDMARKER"
        ]
    );
    // No final line break: tokenize's NEWLINE '' one column past the end, then DEDENT.
    let t = tokenize("if x:\n  y").unwrap();
    let nl = t[t.len() - 3];
    assert_eq!(
        (nl.kind, nl.start, nl.end, nl.lineno, nl.col, nl.end_col),
        (TokenKind::Newline, 9, 9, 2, 3, 4)
    );
    assert_eq!((t[t.len() - 2].kind, t[t.len() - 2].lineno), (TokenKind::Dedent, 3));
    assert_eq!(kinds("# only a comment"), ["COMMENT", "NL", "ENDMARKER"]);
    assert_eq!(kinds(""), ["ENDMARKER"]);
}

#[test]
fn byte_columns() {
    let t = tokenize("é = 'ü' + x\n").unwrap();
    assert_eq!((t[0].col, t[0].end_col), (0, 2));
    assert_eq!((t[2].col, t[2].end_col), (5, 9));
    assert_eq!((t[4].col, t[4].end_col), (12, 13));
}

#[test]
fn brackets_and_continuations() {
    assert_eq!(
        kinds("(1,\n\n 2)\n"),
        ["LPAR", "NUMBER", "COMMA", "NL", "NL", "NUMBER", "RPAR", "NEWLINE", "ENDMARKER"]
    );
    assert_eq!(
        kinds("x = 1 + \\\n  2\n"),
        ["NAME", "EQUAL", "NUMBER", "PLUS", "NUMBER", "NEWLINE", "ENDMARKER"]
    );
    assert_eq!(texts("a\r\nb\rc\n"), ["a", "\r\n", "b", "\r", "c", "\n", ""]);
}

#[test]
fn numbers() {
    for n in [
        "0",
        "00",
        "0_0",
        "1_000",
        "0x_1f",
        "0XdeadBEEF",
        "0o17",
        "0b1_0",
        "1.",
        ".5",
        "1.5e-3",
        "1E+5",
        "1e5j",
        "1_000.5e-3j",
        "09.5",
        "09e1",
        "0j",
        "1J",
        "0.0",
    ] {
        let src = format!("{n}\n");
        assert_eq!(texts(&src), [n, "\n", ""], "{n}");
    }
    assert_eq!(texts("1if x else 2\n")[..2], ["1", "if"]);
    assert_eq!(texts("1 .__class__\n")[..3], ["1", ".", "__class__"]);
    assert_eq!(tokenize("1.__class__\n").unwrap_err().msg, "invalid decimal literal");
}

#[test]
fn strings() {
    for s in [
        "'a'",
        "\"a\"",
        "b'a'",
        "Rb'a'",
        "bR'a'",
        "rB\"a\"",
        "f'{x}'",
        "Fr'a'",
        "rf'a'",
        "u'a'",
        "U'a'",
        "'''a\n'b''\n'''",
        "\"\"\"\"\"\"",
        "'a\\'b'",
        "'a\\\nb'",
        "'\\\\'",
    ] {
        let src = format!("{s}\n");
        assert_eq!(texts(&src), [s, "\n", ""], "{s}");
    }
    assert_eq!(texts("ur'a'\n")[..2], ["ur", "'a'"]);
    let t = tokenize("x = '''a\nbc''' + 1\n").unwrap();
    assert_eq!((t[2].lineno, t[2].col, t[2].end_lineno, t[2].end_col), (1, 4, 2, 5));
}

#[test]
fn c_errors() {
    use SyntaxErrorKind as K;
    let se = K::SyntaxError.name();
    assert_eq!(err("x = 0x\n"), (se, "invalid hexadecimal literal".into(), 1, 6, 6));
    assert_eq!(err("x = 0o8\n"), (se, "invalid digit '8' in octal literal".into(), 1, 7, 7));
    assert_eq!(err("x = 0b\n"), (se, "invalid binary literal".into(), 1, 6, 6));
    assert_eq!(err("x = 1abc\n"), (se, "invalid decimal literal".into(), 1, 5, 5));
    assert_eq!(err("x = 1.5j_\n"), (se, "invalid imaginary literal".into(), 1, 8, 8));
    assert_eq!(
        err("x = 00007_7\n"),
        (
            se,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
                .into(),
            1,
            5,
            9
        )
    );
    assert_eq!(err("x = 'abc\n"), (se, "unterminated string literal (detected at line 1)".into(), 1, 5, 5));
    assert_eq!(
        err("x = f'abc\\\ndef\n"),
        (se, "unterminated string literal (detected at line 2)".into(), 1, 5, 5)
    );
    assert_eq!(
        err("def f():\n  x = '''\n"),
        (se, "unterminated triple-quoted string literal (detected at line 2)".into(), 2, 7, 7)
    );
    assert_eq!(err("y = 2\nx = (1,\n"), (se, "'(' was never closed".into(), 2, 5, 0));
    assert_eq!(err("x = 1)\n"), (se, "unmatched ')'".into(), 1, 6, 6));
    assert_eq!(
        err("x = (1,\n2]\n"),
        (se, "closing parenthesis ']' does not match opening parenthesis '(' on line 1".into(), 2, 2, 2)
    );
    assert_eq!(
        err("x = (1]\n"),
        (se, "closing parenthesis ']' does not match opening parenthesis '('".into(), 1, 7, 7)
    );
    assert_eq!(err(&"(".repeat(100_000)), (se, "too many nested parentheses".into(), 1, 201, 201));
    assert_eq!(err("x = a€\n"), (se, "invalid character '€' (U+20AC)".into(), 1, 6, 6));
    assert_eq!(err("x = \u{a0}\n"), (se, "invalid non-printable character U+00A0".into(), 1, 5, 5));
    assert_eq!(err("x = \x01\n"), (se, "invalid non-printable character U+0001".into(), 1, 5, 5));
    assert_eq!(
        err("y = 2\nx = 1 \\ 2\n"),
        (se, "unexpected character after line continuation character".into(), 2, 8, 0)
    );
    assert_eq!(err("if 1:\n  x = 1 \\"), (se, "unexpected EOF while parsing".into(), 2, 10, 0));
    assert_eq!(err("x = 1\nx = \0\n"), (se, "source code cannot contain null bytes".into(), 2, 0, 0));
    assert_eq!(
        err("if x:\n\ty = 1\n        z = 2\n"),
        (K::TabError.name(), "inconsistent use of tabs and spaces in indentation".into(), 3, 1, 0)
    );
    assert_eq!(
        err("if x:\n    y = 1\n  z = 2\n"),
        (K::IndentationError.name(), "unindent does not match any outer indentation level".into(), 3, 8, 0)
    );
    // '$' and '<>' are tokens the parser rejects ("invalid syntax").
    assert_eq!(kinds("a $ b\n")[1], "ERRORTOKEN");
    assert_eq!(texts("a <> b\n")[1], "<>");
}

#[test]
fn lazy_keeps_tokens_before_the_error() {
    let t = tokenize_lazy("  x = 0x\n");
    assert_eq!(t.tokens.iter().map(|t| t.kind.name()).collect::<Vec<_>>(), ["INDENT", "NAME", "EQUAL"]);
    assert_eq!(t.error.unwrap().msg, "invalid hexadecimal literal");
}

#[test]
fn compat_quirks() {
    let k = |src: &str| -> Vec<String> {
        tokenize_compat(src)
            .unwrap()
            .iter()
            .map(|t| format!("{}:{}", t.kind.name(), &src[t.start as usize..t.end as usize]))
            .collect()
    };
    assert_eq!(
        k("1 $ 2"),
        ["NUMBER:1", "ERRORTOKEN: ", "ERRORTOKEN:$", "NUMBER:2", "NEWLINE:", "ENDMARKER:"]
    );
    assert_eq!(k("0777\n")[..2], ["NUMBER:0", "NUMBER:777"]);
    assert_eq!(k("b'x\n")[..3], ["NAME:b", "ERRORTOKEN:'", "NAME:x"]);
    assert_eq!(k("a\rb\n")[..3], ["NAME:a", "ERRORTOKEN:\r", "NAME:b"]);
    assert_eq!(k("'a\\\nb\n")[0], "ERRORTOKEN:'a\\\nb\n");
    let e = tokenize_compat("x = (1,\n").unwrap_err();
    assert_eq!((e.msg.as_str(), e.lineno, e.col), ("EOF in multi-line statement", 2, 0));
    let e = tokenize_compat("x = '''\n").unwrap_err();
    assert_eq!((e.msg.as_str(), e.lineno, e.col), ("EOF in multi-line string", 1, 4));
    let e = tokenize_compat("if x:\n    y\n  z\n").unwrap_err();
    assert_eq!((e.lineno, e.col), (3, 2));
}

#[test]
fn no_panics_on_odd_input() {
    let mut seed = 12345u64;
    let alphabet: Vec<char> = "ab1_0x.e'\"\\#\n\r\t\x0c ([{}])é€\u{a0}$!:=<>*/-+jJ".chars().collect();
    for _ in 0..3000 {
        let mut s = String::new();
        for _ in 0..(seed % 40) {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            s.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
        }
        let _ = tokenize(&s);
        let _ = tokenize_compat(&s);
    }
}
