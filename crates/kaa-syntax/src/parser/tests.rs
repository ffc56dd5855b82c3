//! Unit tests of the parser: trees (dumped with attributes, as `ast.dump(..., include_attributes=True)`
//! prints them) and syntax errors, each recorded from CPython 3.11.7; and the nesting bound.
//! The stdlib-wide comparison lives in tests/frontend/stdlib_parity.py.

use super::{parse, Mode, ParseOptions};
use crate::ast::dump;
use crate::SyntaxErrorKind;

fn opts() -> ParseOptions {
    ParseOptions { mode: Mode::Exec, type_comments: true }
}

/// (source, `ast.dump(ast.parse(source, type_comments=True), include_attributes=True)`)
const TREES: &[(&str, &str)] = &[
    ("@d\nasync def f(a, /, b=1, *c, d, e=2, **f) -> int: pass", "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a', lineno=2, col_offset=12, end_lineno=2, end_col_offset=13)], args=[arg(arg='b', lineno=2, col_offset=18, end_lineno=2, end_col_offset=19)], vararg=arg(arg='c', lineno=2, col_offset=24, end_lineno=2, end_col_offset=25), kwonlyargs=[arg(arg='d', lineno=2, col_offset=27, end_lineno=2, end_col_offset=28), arg(arg='e', lineno=2, col_offset=30, end_lineno=2, end_col_offset=31)], kw_defaults=[None, Constant(value=2, lineno=2, col_offset=32, end_lineno=2, end_col_offset=33)], kwarg=arg(arg='f', lineno=2, col_offset=37, end_lineno=2, end_col_offset=38), defaults=[Constant(value=1, lineno=2, col_offset=20, end_lineno=2, end_col_offset=21)]), body=[Pass(lineno=2, col_offset=48, end_lineno=2, end_col_offset=52)], decorator_list=[Name(id='d', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=2)], returns=Name(id='int', ctx=Load(), lineno=2, col_offset=43, end_lineno=2, end_col_offset=46), lineno=2, col_offset=0, end_lineno=2, end_col_offset=52)], type_ignores=[])"),
    ("f(x for x in y)", "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), args=[GeneratorExp(elt=Name(id='x', ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), generators=[comprehension(target=Name(id='x', ctx=Store(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), iter=Name(id='y', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), ifs=[], is_async=0)], lineno=1, col_offset=1, end_lineno=1, end_col_offset=15)], keywords=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=15), lineno=1, col_offset=0, end_lineno=1, end_col_offset=15)], type_ignores=[])"),
    ("x = 1  # type: int", "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), type_comment='int', lineno=1, col_offset=0, end_lineno=1, end_col_offset=18)], type_ignores=[])"),
    ("(a): int = 1", "Module(body=[AnnAssign(target=Name(id='a', ctx=Store(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=2), annotation=Name(id='int', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=8), value=Constant(value=1, lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), simple=0, lineno=1, col_offset=0, end_lineno=1, end_col_offset=12)], type_ignores=[])"),
    ("match x:\n    case [1, *r] | {\"k\": _} as z if z: pass", "Module(body=[Match(subject=Name(id='x', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), cases=[match_case(pattern=MatchAs(pattern=MatchOr(patterns=[MatchSequence(patterns=[MatchValue(value=Constant(value=1, lineno=2, col_offset=10, end_lineno=2, end_col_offset=11), lineno=2, col_offset=10, end_lineno=2, end_col_offset=11), MatchStar(name='r', lineno=2, col_offset=13, end_lineno=2, end_col_offset=15)], lineno=2, col_offset=9, end_lineno=2, end_col_offset=16), MatchMapping(keys=[Constant(value='k', lineno=2, col_offset=20, end_lineno=2, end_col_offset=23)], patterns=[MatchAs(lineno=2, col_offset=25, end_lineno=2, end_col_offset=26)], lineno=2, col_offset=19, end_lineno=2, end_col_offset=27)], lineno=2, col_offset=9, end_lineno=2, end_col_offset=27), name='z', lineno=2, col_offset=9, end_lineno=2, end_col_offset=32), guard=Name(id='z', ctx=Load(), lineno=2, col_offset=36, end_lineno=2, end_col_offset=37), body=[Pass(lineno=2, col_offset=39, end_lineno=2, end_col_offset=43)])], lineno=1, col_offset=0, end_lineno=2, end_col_offset=43)], type_ignores=[])"),
    ("a or b or (c or d)", "Module(body=[Expr(value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), Name(id='b', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), BoolOp(op=Or(), values=[Name(id='c', ctx=Load(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), Name(id='d', ctx=Load(), lineno=1, col_offset=16, end_lineno=1, end_col_offset=17)], lineno=1, col_offset=11, end_lineno=1, end_col_offset=17)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=18), lineno=1, col_offset=0, end_lineno=1, end_col_offset=18)], type_ignores=[])"),
    ("del (a), [b]", "Module(body=[Delete(targets=[Name(id='a', ctx=Del(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), List(elts=[Name(id='b', ctx=Del(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=11)], ctx=Del(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=12)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=12)], type_ignores=[])"),
    ("print(f\"{x!r:>{w}}\")", "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5), args=[JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), conversion=114, format_spec=JoinedStr(values=[Constant(value='>', lineno=1, col_offset=6, end_lineno=1, end_col_offset=19), FormattedValue(value=Name(id='w', ctx=Load(), lineno=1, col_offset=15, end_lineno=1, end_col_offset=16), conversion=-1, lineno=1, col_offset=6, end_lineno=1, end_col_offset=19)], lineno=1, col_offset=6, end_lineno=1, end_col_offset=19), lineno=1, col_offset=6, end_lineno=1, end_col_offset=19)], lineno=1, col_offset=6, end_lineno=1, end_col_offset=19)], keywords=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=20), lineno=1, col_offset=0, end_lineno=1, end_col_offset=20)], type_ignores=[])"),
    ("def f(a,  # type: int\n      b):\n    # type: (...) -> None\n    pass  # type: ignore[x]\n", "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a', type_comment='int', lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), arg(arg='b', lineno=2, col_offset=6, end_lineno=2, end_col_offset=7)], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass(lineno=4, col_offset=4, end_lineno=4, end_col_offset=8)], decorator_list=[], type_comment='(...) -> None', lineno=1, col_offset=0, end_lineno=4, end_col_offset=8)], type_ignores=[TypeIgnore(lineno=4, tag='[x]')])"),
    ("with (a as b, c):\n    pass", "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), optional_vars=Name(id='b', ctx=Store(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12)), withitem(context_expr=Name(id='c', ctx=Load(), lineno=1, col_offset=14, end_lineno=1, end_col_offset=15))], body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=2, end_col_offset=8)], type_ignores=[])"),
    ("x[1:2, ::3, *y] = z", "Module(body=[Assign(targets=[Subscript(value=Name(id='x', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), slice=Tuple(elts=[Slice(lower=Constant(value=1, lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), upper=Constant(value=2, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=2, end_lineno=1, end_col_offset=5), Slice(step=Constant(value=3, lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), lineno=1, col_offset=7, end_lineno=1, end_col_offset=10), Starred(value=Name(id='y', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), ctx=Load(), lineno=1, col_offset=12, end_lineno=1, end_col_offset=14)], ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=14), ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=15)], value=Name(id='z', ctx=Load(), lineno=1, col_offset=18, end_lineno=1, end_col_offset=19), lineno=1, col_offset=0, end_lineno=1, end_col_offset=19)], type_ignores=[])"),
    ("lambda *, k=1, **kw: (yield)", "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='k', lineno=1, col_offset=10, end_lineno=1, end_col_offset=11)], kw_defaults=[Constant(value=1, lineno=1, col_offset=12, end_lineno=1, end_col_offset=13)], kwarg=arg(arg='kw', lineno=1, col_offset=17, end_lineno=1, end_col_offset=19), defaults=[]), body=Yield(lineno=1, col_offset=22, end_lineno=1, end_col_offset=27), lineno=1, col_offset=0, end_lineno=1, end_col_offset=28), lineno=1, col_offset=0, end_lineno=1, end_col_offset=28)], type_ignores=[])"),
];

/// (source, exception type, msg, lineno, offset, end_lineno, end_offset) from `ast.parse`.
#[allow(clippy::type_complexity)]
const ERRORS: &[(&str, &str, &str, u32, u32, u32, u32)] = &[
    (
        "f() = 1",
        "SyntaxError",
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        1,
        1,
        1,
        4,
    ),
    ("if x\n  y = 1\n", "SyntaxError", "expected ':'", 1, 5, 1, 5),
    (
        "if x:\npass\n",
        "IndentationError",
        "expected an indented block after 'if' statement on line 1",
        2,
        1,
        2,
        5,
    ),
    ("x = 1\n    y = 2\n", "IndentationError", "unexpected indent", 2, 4, 2, 0),
    (
        "print \"x\"",
        "SyntaxError",
        "Missing parentheses in call to 'print'. Did you mean print(...)?",
        1,
        1,
        1,
        10,
    ),
    (
        "f(**k, *a)",
        "SyntaxError",
        "iterable argument unpacking follows keyword argument unpacking",
        1,
        8,
        1,
        9,
    ),
    ("f(a=1, b)", "SyntaxError", "positional argument follows keyword argument", 1, 9, 1, 10),
    ("def f(a=1, b): pass", "SyntaxError", "non-default argument follows default argument", 1, 12, 1, 13),
    (
        "[x, y for x in z]",
        "SyntaxError",
        "did you forget parentheses around the comprehension target?",
        1,
        2,
        1,
        6,
    ),
    ("x = (1, 2 3)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 9, 1, 12),
    ("a b", "SyntaxError", "invalid syntax", 1, 3, 1, 4),
    ("try:\n    pass\nx = 1\n", "SyntaxError", "expected 'except' or 'finally' block", 3, 1, 3, 2),
    ("for x in y\n    pass", "SyntaxError", "expected ':'", 1, 11, 1, 11),
    ("x = 5 if 3", "SyntaxError", "expected 'else' after 'if' expression", 1, 5, 1, 11),
    ("del f()", "SyntaxError", "cannot delete function call", 1, 5, 1, 8),
    ("class A(x for x in y): pass", "SyntaxError", "invalid syntax", 1, 11, 1, 14),
    ("(*a)", "SyntaxError", "cannot use starred expression here", 1, 2, 1, 4),
    ("foo()  # type: int", "SyntaxError", "invalid syntax", 1, 16, 1, 19),
    ("x = (1,\ny = 2 3\n", "SyntaxError", "'(' was never closed", 1, 5, 1, 0),
    ("lambda x=1, y: x", "SyntaxError", "non-default argument follows default argument", 1, 13, 1, 14),
    (
        "match x:\n    case a.b(1, c=2, 3): pass",
        "SyntaxError",
        "positional patterns follow keyword patterns",
        2,
        22,
        2,
        23,
    ),
    ("def f(*): pass", "SyntaxError", "named arguments must follow bare *", 1, 7, 1, 8),
    ("a := 1", "SyntaxError", "invalid syntax", 1, 3, 1, 5),
    ("{1: *a}", "SyntaxError", "cannot use a starred expression in a dictionary value", 1, 5, 1, 7),
    ("x += yield = 1", "SyntaxError", "invalid syntax", 1, 12, 1, 13),
];

#[test]
fn trees_match_cpython() {
    for (src, want) in TREES {
        let tree = parse(src, opts()).unwrap_or_else(|e| panic!("{src:?}: {e:?}"));
        assert_eq!(dump(&tree, None, true), *want, "source: {src:?}");
    }
}

#[test]
fn errors_match_cpython() {
    for &(src, kind, msg, line, off, end_line, end_off) in ERRORS {
        let e = parse(src, opts()).expect_err(src);
        let got = (e.kind.name(), e.msg.as_str(), e.lineno, e.offset, e.end_lineno, e.end_offset);
        assert_eq!(got, (kind, msg, line, off, end_line, end_off), "source: {src:?}");
    }
}

#[test]
fn other_modes() {
    let e = parse("a, b", ParseOptions { mode: Mode::Eval, type_comments: false }).unwrap();
    assert!(dump(&e, None, false).starts_with("Expression(body=Tuple("));
    let f =
        parse("(int, *str) -> None", ParseOptions { mode: Mode::FuncType, type_comments: false }).unwrap();
    assert_eq!(
        dump(&f, None, false),
        "FunctionType(argtypes=[Name(id='int', ctx=Load()), Name(id='str', ctx=Load())], returns=Constant(value=None))"
    );
    let i = parse("x = 1\n", ParseOptions { mode: Mode::Single, type_comments: false }).unwrap();
    assert!(dump(&i, None, false).starts_with("Interactive(body=[Assign("));
    assert!(parse("x = 1\ny = 2\n", ParseOptions { mode: Mode::Single, type_comments: false }).is_err());
}

/// Deep nesting ends in a clean error or a tree, never a crash; run on a thread with a small
/// stack to show the recursion stays bounded.
#[test]
fn deep_nesting_is_bounded() {
    let cases: Vec<String> = vec![
        format!("{}1", "-".repeat(100_000)),
        format!("{}x", "not ".repeat(100_000)),
        format!("{}x", "lambda: ".repeat(50_000)),
        format!("{}c", "a if b else ".repeat(50_000)),
        format!("a{}", "**a".repeat(100_000)),
        format!("1{}", "+1".repeat(100_000)),
        format!("a{}", ".b".repeat(100_000)),
        format!("f{}", "()".repeat(100_000)),
        format!("x{}", "[0]".repeat(100_000)),
        format!("({}1 2)", "-".repeat(5_000)),
        format!("{}1 2{}", "[".repeat(199), "]".repeat(199)),
        format!("{}a.b := 1{}", "(".repeat(150), ")".repeat(150)),
        // Failures nested in displays, subscripts and star-arguments: linear, not exponential.
        format!("x = [{}5 6{}]", "(1, {2: [3, (4,".repeat(40), ")]})".repeat(40)),
        format!("{}1 +{}", "x[(".repeat(60), ")]".repeat(60)),
        format!("{}1 +{}", "f(*(".repeat(60), "))".repeat(60)),
    ];
    let worker = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            for src in &cases {
                match parse(src, opts()) {
                    Ok(_) => {}
                    Err(e) => assert!(e.kind == SyntaxErrorKind::SyntaxError, "{}", &src[..20]),
                }
            }
        })
        .unwrap();
    worker.join().unwrap();
    // What CPython accepts stays accepted.
    assert!(parse(&format!("{}1", "-".repeat(2_000)), opts()).is_ok());
    assert!(parse(&format!("1{}", "+1".repeat(2_000)), opts()).is_ok());
    assert!(parse(&format!("{}{}", "[".repeat(199), "]".repeat(199)), opts()).is_ok());
}
