//! The front-end fuzzer's engine, shared by the `fuzz` example (long runs) and the `kaa` crate's
//! test suite (a 20-second run): input generation, the checks run on each input, and a supervisor
//! that runs the checks in a child process so that even an abort or a stack overflow is caught
//! and the input that caused it saved.
//!
//! Inputs are deterministic: input number `i` of a run with seed `s` depends only on `(s, i)` and
//! the seed files (sorted), so `--seed s --only i` reproduces any finding.
//!
//! Each input goes through `source::decode`, the C-mode tokenizer, the `tokenize`-module listing,
//! `parser::parse` (exec mode, and now and then eval/single/func_type) and `ast::dump`, on a
//! thread with the CLI's 256 MB stack. Findings:
//! * a panic anywhere (caught), or the process dying (abort, stack overflow): "crash";
//! * an input taking more than a few seconds: "slow", and past the hang limit "hang";
//! * a SyntaxError whose location is impossible (line 0 from the parser, past the end of the
//!   input, end before start, empty message), or an AST whose line numbers fall outside the
//!   input: "bad-error" / "bad-ast";
//! * a program built by the generator of valid code (valid Python 3.11 by construction) that
//!   Kaa rejects, or that it parses differently on a second try: "rejects-valid" /
//!   "nondeterministic". This is what a front end that does nothing cannot pass.

#![allow(dead_code)]

use kaa_syntax::parser::{self, Mode, ParseOptions};
use kaa_syntax::{ast, source, token_dump, tokenizer, SyntaxError};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The CLI's front-end stack (crates/kaa/src/main.rs, FRONT_END_STACK).
pub const FRONT_END_STACK: usize = 256 << 20;
/// An input slower than this is reported as "slow".
const SLOW: Duration = Duration::from_secs(3);
/// A worker silent for this long is killed and its input reported as a hang.
const HANG: Duration = Duration::from_secs(30);
/// Findings of one kind saved to files (the rest are only counted).
const SAVED_PER_KIND: usize = 20;

// ---------------------------------------------------------------------------------------------
// Randomness

#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64, stream: u64) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        r.next();
        r
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// Seeds

/// Seed programs: the installed CPython stdlib (if `python3` can tell where it is, or
/// `KAA_FUZZ_SEEDS` names a directory), the repository's test programs, and a few built in.
pub fn load_seeds(extra_dirs: &[PathBuf], max_files: usize) -> Vec<Vec<u8>> {
    let mut files = Vec::new();
    let mut dirs: Vec<PathBuf> = extra_dirs.to_vec();
    if let Ok(d) = std::env::var("KAA_FUZZ_SEEDS") {
        dirs.push(PathBuf::from(d));
    } else if let Ok(out) = Command::new("python3")
        .args(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
        .output()
    {
        let p = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if out.status.success() && !p.is_empty() {
            dirs.push(PathBuf::from(p));
        }
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    dirs.push(repo.join("tests/syntax_errors"));
    dirs.push(repo.join("tests/frontend/snippets"));
    for d in &dirs {
        collect_py(d, &mut files);
    }
    files.sort();
    files.dedup();
    // Keep the run's memory and per-input cost modest: small and medium files, spread evenly.
    files.retain(|p| std::fs::metadata(p).map(|m| m.len() <= 64 * 1024).unwrap_or(false));
    if files.len() > max_files {
        let step = files.len() as f64 / max_files as f64;
        files = (0..max_files).map(|i| files[(i as f64 * step) as usize].clone()).collect();
    }
    let mut seeds: Vec<Vec<u8>> = files.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    for s in BUILTIN_SEEDS {
        seeds.push(s.as_bytes().to_vec());
    }
    seeds
}

fn collect_py(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        let name = e.file_name();
        let name = name.to_string_lossy();
        if p.is_dir() {
            if name != "site-packages" && name != "__pycache__" {
                collect_py(&p, out);
            }
        } else if name.ends_with(".py") {
            out.push(p);
        }
    }
}

const BUILTIN_SEEDS: &[&str] = &[
    "import os\n\ndef main(argv=None):\n    for i, a in enumerate(argv or []):\n        print(f\"{i}: {a!r:>10}\")\n    return 0\n",
    "class A(B, metaclass=M):\n    x: int = 1\n    @property\n    def y(self) -> 'A':\n        return self\n",
    "match p:\n    case Point(x=0, y=0) | [1, *rest] if rest:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case _:\n        pass\n",
    "async def f():\n    async with a as b, c:\n        async for x in y:\n            await z\n    return [i async for i in g() if await i]\n",
    "try:\n    x = 1 / 0\nexcept* (ValueError, TypeError) as eg:\n    raise\nelse:\n    pass\nfinally:\n    del x\n",
    "s = b'\\x00' rb'\\d' f'{a}{b:{c}.{d}}' '''multi\nline''' u'u' R'raw'\nn = 0x_ff + 0o17 + 0b1_0 + 1_000.5e-3j\n",
    "x = lambda a, /, b=2, *c, d, e=5, **f: (yield)\nif (n := len(a)) > 10: print(n, sep='')\n",
    "# -*- coding: latin-1 -*-\ns = 'caf\\xe9'\n",
    "def g():\n    global x\n    x = yield from h()\n    return [*x, *(y for y in x)], {**x}\n",
];

// ---------------------------------------------------------------------------------------------
// Input generation

const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ";",
    ".",
    "...",
    "=",
    "==",
    ":=",
    "->",
    "*",
    "**",
    "@",
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "f\"",
    "f'{",
    "rb'",
    "b\"",
    "u'",
    "\\",
    "\\\n",
    "\n",
    "\r\n",
    "\r",
    "\t",
    " ",
    "    ",
    "\x0c",
    "#",
    "# type: int",
    "# type: ignore",
    "\0",
    "\u{feff}",
    "lambda",
    "lambda:",
    "def ",
    "class ",
    "if ",
    "elif ",
    "else:",
    "for ",
    " in ",
    "while ",
    "try:",
    "except",
    "except*",
    "finally:",
    "with ",
    " as ",
    "async ",
    "await ",
    "yield",
    "yield from ",
    "return",
    "match ",
    "case ",
    "_",
    "not ",
    " and ",
    " or ",
    " is ",
    "global ",
    "nonlocal ",
    "del ",
    "import ",
    "from ",
    "pass",
    "break",
    "continue",
    "raise ",
    "assert ",
    "None",
    "True",
    "0x",
    "0o",
    "0b",
    "1_",
    "1e",
    "1j",
    ".5",
    "09",
    "1__0",
    "{x!r}",
    "{x:>{w}}",
    "{{",
    "}}",
    "=}",
    "\\N{",
    "\\N{BULLET}",
    "\\u12",
    "\\x",
    "é",
    "π",
    "ﬁ",
    "𝔘",
    "\u{300}",
    "\u{200b}",
    "\u{a0}",
    "“",
    "€",
    "٣",
    "Ⅻ",
    "\u{1F600}",
    "# -*- coding: latin-1 -*-\n",
    "# coding: utf-8\n",
];

const STRATEGIES: &[&str] =
    &["bytes", "splice", "lines", "nesting", "unicode", "valid", "valid-mutated", "seed"];

/// Input `iter` of the run seeded `seed`: its bytes, its strategy, and whether it must parse.
pub fn make_input(seeds: &[Vec<u8>], seed: u64, iter: u64) -> (Vec<u8>, &'static str, bool) {
    let mut rng = Rng::new(seed, iter);
    let strategy = match rng.below(100) {
        0..=29 => "bytes",
        30..=44 => "splice",
        45..=54 => "lines",
        55..=64 => "nesting",
        65..=72 => "unicode",
        73..=86 => "valid",
        87..=94 => "valid-mutated",
        _ => "seed",
    };
    let input = match strategy {
        "bytes" => {
            let mut v = window(pick_seed(seeds, &mut rng), &mut rng);
            let n = 1 + rng.below(8);
            for _ in 0..n {
                mutate_bytes(&mut v, &mut rng);
            }
            v
        }
        "splice" => splice_tokens(pick_seed(seeds, &mut rng), pick_seed(seeds, &mut rng), &mut rng),
        "lines" => splice_lines(pick_seed(seeds, &mut rng), pick_seed(seeds, &mut rng), &mut rng),
        "nesting" => nesting(&mut rng),
        "unicode" => random_unicode(&mut rng),
        "valid" => return (Gen::new(&mut rng).module().into_bytes(), "valid", true),
        "valid-mutated" => {
            let mut v = Gen::new(&mut rng).module().into_bytes();
            mutate_bytes(&mut v, &mut rng);
            v
        }
        _ => pick_seed(seeds, &mut rng).to_vec(),
    };
    (input, strategy, false)
}

fn pick_seed<'s>(seeds: &'s [Vec<u8>], rng: &mut Rng) -> &'s [u8] {
    if seeds.is_empty() {
        return b"";
    }
    &seeds[rng.below(seeds.len())]
}

/// A random run of whole lines of `src` (the whole file now and then).
fn window(src: &[u8], rng: &mut Rng) -> Vec<u8> {
    if src.len() < 2000 || rng.chance(8) {
        return src.to_vec();
    }
    let lines: Vec<&[u8]> = src.split_inclusive(|&b| b == b'\n').collect();
    let len = 5 + rng.below(120);
    let start = rng.below(lines.len().saturating_sub(len).max(1));
    lines[start..(start + len).min(lines.len())].concat()
}

fn mutate_bytes(v: &mut Vec<u8>, rng: &mut Rng) {
    let pos = rng.below(v.len() + 1);
    match rng.below(9) {
        0 if !v.is_empty() => {
            let p = pos.min(v.len() - 1);
            v[p] ^= 1 << rng.below(8);
        }
        1 => v.insert(pos, rng.next() as u8),
        2 if !v.is_empty() => {
            let n = 1 + rng.below(16);
            let end = (pos + n).min(v.len());
            v.drain(pos.min(end)..end);
        }
        3 if !v.is_empty() => {
            let start = rng.below(v.len());
            let end = (start + 1 + rng.below(64)).min(v.len());
            let chunk = v[start..end].to_vec();
            let at = rng.below(v.len() + 1);
            v.splice(at..at, chunk);
        }
        4 if !v.is_empty() => {
            // Replace a byte by an "interesting" ASCII character.
            let p = pos.min(v.len() - 1);
            v[p] = rng.pick(b"()[]{}:;,.='\"\\#\n\t \r*@!$?`0");
        }
        _ => {
            let frag = rng.pick(FRAGMENTS).as_bytes();
            v.splice(pos..pos, frag.iter().copied());
        }
    }
}

/// A crude lexical split (words, numbers, strings' quote runs, operators, whitespace): enough to
/// splice at token boundaries without needing Kaa's own tokenizer.
fn crude_tokens(src: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < src.len() {
        let c = src[i];
        let start = i;
        let class = |b: u8| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | 0x80..=0xff => 0,
            b' ' | b'\t' => 1,
            b'\n' | b'\r' => 2,
            _ => 3,
        };
        let k = class(c);
        i += 1;
        if k != 3 {
            while i < src.len() && class(src[i]) == k && k != 2 {
                i += 1;
            }
        }
        out.push(&src[start..i]);
    }
    out
}

fn splice_tokens(a: &[u8], b: &[u8], rng: &mut Rng) -> Vec<u8> {
    let a = window(a, rng);
    let b = window(b, rng);
    let ta = crude_tokens(&a);
    let tb = crude_tokens(&b);
    let mut out: Vec<&[u8]> = Vec::new();
    match rng.below(4) {
        0 => {
            // Prefix of a, suffix of b.
            out.extend(&ta[..rng.below(ta.len() + 1)]);
            out.extend(&tb[rng.below(tb.len() + 1)..]);
        }
        1 => {
            // A run of b's tokens dropped into a.
            let at = rng.below(ta.len() + 1);
            let s = rng.below(tb.len() + 1);
            let e = (s + 1 + rng.below(40)).min(tb.len());
            out.extend(&ta[..at]);
            out.extend(&tb[s..e.max(s)]);
            out.extend(&ta[at..]);
        }
        2 => {
            // Delete or duplicate a run of a's tokens.
            let s = rng.below(ta.len() + 1);
            let e = (s + 1 + rng.below(20)).min(ta.len()).max(s);
            out.extend(&ta[..s]);
            if rng.chance(2) {
                out.extend(&ta[s..e]);
                out.extend(&ta[s..e]);
            }
            out.extend(&ta[e..]);
        }
        _ => {
            // Swap single tokens around.
            out.extend(ta.iter().copied());
            for _ in 0..1 + rng.below(6) {
                if out.len() > 1 {
                    let i = rng.below(out.len());
                    let j = rng.below(out.len());
                    out.swap(i, j);
                }
            }
        }
    }
    out.concat()
}

fn splice_lines(a: &[u8], b: &[u8], rng: &mut Rng) -> Vec<u8> {
    let la: Vec<&[u8]> = a.split_inclusive(|&c| c == b'\n').collect();
    let lb: Vec<&[u8]> = b.split_inclusive(|&c| c == b'\n').collect();
    let mut out: Vec<Vec<u8>> = la.iter().map(|l| l.to_vec()).collect();
    for _ in 0..1 + rng.below(5) {
        if lb.is_empty() {
            break;
        }
        let line = rng.pick(&lb).to_vec();
        let at = rng.below(out.len() + 1);
        match rng.below(4) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out.remove(i);
            }
            1 => {
                // Re-indent a line.
                let indent = rng.below(5) * 4;
                let ch = if rng.chance(6) { b'\t' } else { b' ' };
                let trimmed = line.iter().copied().skip_while(|c| *c == b' ');
                out.insert(at, std::iter::repeat_n(ch, indent).chain(trimmed).collect());
            }
            _ => out.insert(at, line),
        }
    }
    let mut v = out.concat();
    if v.len() > 200_000 {
        v.truncate(200_000);
    }
    v
}

/// Deeply nested constructs, balanced or not.
fn nesting(rng: &mut Rng) -> Vec<u8> {
    const OPEN: &[(&str, &str)] = &[
        ("(", ")"),
        ("[", "]"),
        ("{", "}"),
        ("f(", ")"),
        ("a[", "]"),
        ("-", ""),
        ("not ", ""),
        ("~", ""),
        ("await ", ""),
        ("lambda: ", ""),
        ("*", ""),
        ("x if ", " else y"),
        ("f'{", "}'"),
        ("2 ** ", ""),
        ("(yield ", ")"),
        ("[x for x in ", "]"),
        ("{1: ", "}"),
        ("(a := ", ")"),
    ];
    let depth = match rng.below(4) {
        0 => rng.below(50),
        1 => rng.below(300),
        2 => rng.below(3000),
        _ => rng.below(30000),
    };
    let uniform = rng.chance(2);
    let first = rng.below(OPEN.len());
    let mut open = String::new();
    let mut close = Vec::new();
    for _ in 0..depth {
        let (o, c) = OPEN[if uniform { first } else { rng.below(OPEN.len()) }];
        open.push_str(o);
        close.push(c);
    }
    let mut s = match rng.below(4) {
        0 => String::from("x = "),
        1 => String::from("def f():\n    return "),
        2 => String::from("async def f():\n    "),
        _ => String::new(),
    };
    s.push_str(&open);
    s.push('1');
    let mut closes: String = close.iter().rev().copied().collect();
    if rng.chance(4) && !closes.is_empty() {
        // Unbalance it.
        let cut = rng.below(closes.len());
        if closes.is_char_boundary(cut) {
            closes.truncate(cut);
        }
    }
    s.push_str(&closes);
    if rng.chance(3) {
        // Deep indentation instead of (or after) deep expressions.
        let levels = rng.below(120);
        for i in 0..levels {
            s.push_str(&format!("\n{}if x:", " ".repeat(i)));
        }
        s.push_str(&format!("\n{}pass", " ".repeat(levels)));
    }
    s.push('\n');
    s.into_bytes()
}

fn random_char(rng: &mut Rng) -> char {
    let ranges: &[(u32, u32)] = &[
        (0x20, 0x7f),
        (0x00, 0x20),
        (0xa0, 0x250),
        (0x300, 0x370),
        (0x370, 0x800),
        (0x2000, 0x2100),
        (0x3040, 0x3100),
        (0x4e00, 0x4e80),
        (0xfb00, 0xfb10),
        (0xfe00, 0xff70),
        (0x1d400, 0x1d800),
        (0x1f300, 0x1f700),
        (0xe0000, 0xe0080),
    ];
    let (lo, hi) = rng.pick(ranges);
    char::from_u32(lo + rng.below((hi - lo) as usize) as u32).unwrap_or('\u{fffd}')
}

fn random_unicode(rng: &mut Rng) -> Vec<u8> {
    let mut s = String::new();
    for _ in 0..1 + rng.below(30) {
        match rng.below(5) {
            0 => {
                // An identifier made of random characters.
                for _ in 0..1 + rng.below(6) {
                    s.push(random_char(rng));
                }
                s.push_str(" = 1\n");
            }
            1 => {
                s.push_str(rng.pick(&["'", "\"", "f'", "b'", "r'"]));
                for _ in 0..rng.below(10) {
                    s.push(random_char(rng));
                }
                s.push_str("'\n");
            }
            2 => {
                s.push_str("# ");
                for _ in 0..rng.below(10) {
                    s.push(random_char(rng));
                }
                s.push('\n');
            }
            3 => s.push(random_char(rng)),
            _ => s.push_str(rng.pick(FRAGMENTS)),
        }
    }
    s.into_bytes()
}

/// A generator of valid Python 3.11 (parser-valid: it may well fail at compile or run time).
/// Sub-expressions are parenthesized wherever precedence could bite.
pub struct Gen<'a> {
    rng: &'a mut Rng,
    out: String,
    budget: usize,
}

const NAMES: &[&str] = &["a", "b", "x", "y", "foo", "_bar", "Spam", "café", "π", "ｎａｍｅ", "self"];
/// Attribute names: soft keywords are fine here.
const ATTRS: &[&str] = &["attr", "match", "case", "type", "_", "ｎ", "real"];

impl<'a> Gen<'a> {
    pub fn new(rng: &'a mut Rng) -> Gen<'a> {
        let budget = 20 + rng.below(400);
        Gen { rng, out: String::new(), budget }
    }

    fn name(&mut self) -> String {
        NAMES[self.rng.below(NAMES.len())].to_string()
    }

    fn target_name(&mut self) -> String {
        // Names safe as plain assignment targets and parameters.
        ["a", "b", "x", "y", "foo", "_bar", "café", "π", "ｎ"][self.rng.below(9)].to_string()
    }

    fn string(&mut self) -> String {
        let bodies = [
            "",
            "abc",
            "tab\\tnew\\nline",
            "\\x41\\u00e9\\N{BULLET}",
            "é€😀",
            "{{}}",
            "a\\\\b",
            "q\\'uote\\\"",
        ];
        let body = bodies[self.rng.below(bodies.len())];
        match self.rng.below(8) {
            0 => format!("'{body}'"),
            1 => format!("\"{body}\""),
            2 => format!("'''{body}\nsecond line'''"),
            3 => "b'bytes\\x00\\xff'".into(),
            4 => "r'\\d+\\s'".into(),
            5 => format!("u'{body}'"),
            6 => {
                // 3.11 f-strings: no quotes, backslashes or comments inside the braces.
                let e = self.fexpr(0);
                let conv = ["", "!r", "!s", "!a"][self.rng.below(4)];
                let spec = ["", ":", ":>10", ":{x}", ":{w}.{p}f"][self.rng.below(5)];
                let eq = if self.rng.chance(5) { "=" } else { "" };
                format!("f'pre {{{e}{eq}{conv}{spec}}} {{{{literal}}}} post'")
            }
            _ => format!("'{body}' \"implicit\""),
        }
    }

    /// An expression fit for an f-string's braces in 3.11: no strings, no backslashes.
    fn fexpr(&mut self, depth: usize) -> String {
        let d = depth + 1;
        if depth > 2 {
            return if self.rng.chance(2) { self.name() } else { self.number() };
        }
        match self.rng.below(7) {
            0 => format!("{} + {}", self.fexpr(d), self.fexpr(d)),
            1 => format!("({}).attr", self.fexpr(d)),
            2 => format!("{}[{}]", self.name(), self.fexpr(d)),
            3 => format!("{}({}, k={})", self.name(), self.fexpr(d), self.fexpr(d)),
            4 => format!("[{} for a in {}]", self.fexpr(d), self.name()),
            5 => format!("({} if {} else {})", self.fexpr(d), self.fexpr(d), self.fexpr(d)),
            _ => self.name(),
        }
    }

    fn number(&mut self) -> String {
        let nums = [
            "0",
            "7",
            "123456789012345678901234567890",
            "0x1F",
            "0o17",
            "0b1011",
            "1_000_000",
            "1.5",
            ".5",
            "5.",
            "1e10",
            "1.5e-3",
            "3j",
            "2.5J",
            "0_0",
            "00",
            "1E+5",
        ];
        nums[self.rng.below(nums.len())].to_string()
    }

    fn atom(&mut self) -> String {
        match self.rng.below(8) {
            0 | 1 => self.name(),
            2 | 3 => self.number(),
            4 | 5 => self.string(),
            6 => ["None", "True", "False", "..."][self.rng.below(4)].into(),
            _ => "self".into(),
        }
    }

    pub fn expr(&mut self, depth: usize) -> String {
        if depth > 4 || self.budget == 0 {
            return self.atom();
        }
        self.budget -= 1;
        let d = depth + 1;
        match self.rng.below(20) {
            0 => {
                let op =
                    ["+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^"][self.rng.below(13)];
                format!("({}) {op} ({})", self.expr(d), self.expr(d))
            }
            1 => {
                let op = ["-", "+", "~", "not "][self.rng.below(4)];
                format!("{op}({})", self.expr(d))
            }
            2 => {
                let op =
                    ["<", "<=", "==", "!=", ">", ">=", "is", "is not", "in", "not in"][self.rng.below(10)];
                format!("({}) {op} ({}) < ({})", self.expr(d), self.expr(d), self.expr(d))
            }
            3 => format!("({}) and ({}) or not ({})", self.expr(d), self.expr(d), self.expr(d)),
            4 => {
                let mut args = Vec::new();
                for _ in 0..self.rng.below(3) {
                    args.push(self.expr(d));
                }
                if self.rng.chance(3) {
                    args.push(format!("*({})", self.expr(d)));
                }
                if self.rng.chance(3) {
                    args.push(format!("key=({})", self.expr(d)));
                }
                if self.rng.chance(4) {
                    args.push(format!("**({})", self.expr(d)));
                }
                format!("{}({})", self.name(), args.join(", "))
            }
            5 => format!("({}).{}", self.expr(d), ATTRS[self.rng.below(ATTRS.len())]),
            6 => match self.rng.below(3) {
                0 => format!("({})[{}]", self.expr(d), self.expr(d)),
                1 => format!("({})[{}:{}:{}]", self.expr(d), self.expr(d), self.expr(d), self.expr(d)),
                _ => format!("({})[{}:, ::{}]", self.expr(d), self.expr(d), self.expr(d)),
            },
            7 => format!("[{}, *({}), {}]", self.expr(d), self.expr(d), self.expr(d)),
            8 => format!("({}, {},)", self.expr(d), self.expr(d)),
            9 => format!("{{{}: {}, **({})}}", self.expr(d), self.expr(d), self.expr(d)),
            10 => format!("{{{}, {}}}", self.expr(d), self.expr(d)),
            11 => {
                let t = self.target_name();
                match self.rng.below(4) {
                    0 => format!("[{} for {t} in {} if {}]", self.expr(d), self.expr(d), self.expr(d)),
                    1 => format!("{{{}: {} for {t} in {}}}", self.expr(d), self.expr(d), self.expr(d)),
                    2 => {
                        format!("{{{} for {t} in {} for y in {}}}", self.expr(d), self.expr(d), self.expr(d))
                    }
                    _ => format!("({} for {t} in {})", self.expr(d), self.expr(d)),
                }
            }
            12 => {
                let params = self.params(true);
                format!("(lambda {params}: {})", self.expr(d))
            }
            13 => format!("(({}) if ({}) else ({}))", self.expr(d), self.expr(d), self.expr(d)),
            14 => format!("({} := {})", self.target_name(), self.expr(d)),
            15 => format!("{}()()[0].attr", self.name()),
            _ => self.atom(),
        }
    }

    fn params(&mut self, lambda: bool) -> String {
        let mut ps: Vec<String> = Vec::new();
        let mut names = vec!["p1", "p2", "p3", "p4", "p5", "p6"].into_iter();
        let ann = |g: &mut Gen, lambda: bool| {
            if lambda || !g.rng.chance(2) {
                String::new()
            } else {
                ": int".into()
            }
        };
        let n = self.rng.below(3);
        for _ in 0..n {
            let a = ann(self, lambda);
            ps.push(format!("{}{a}", names.next().unwrap()));
        }
        if n > 0 && self.rng.chance(3) {
            ps.push("/".into());
        }
        if self.rng.chance(2) {
            let a = ann(self, lambda);
            let d = self.atom();
            ps.push(format!("{}{a}={d}", names.next().unwrap()));
        }
        match self.rng.below(3) {
            0 => ps.push(format!("*{}", names.next().unwrap())),
            1 => {
                ps.push("*".into());
                ps.push(names.next().unwrap().to_string());
            }
            _ => {}
        }
        if self.rng.chance(3) {
            ps.push(format!("**{}", names.next().unwrap()));
        }
        ps.join(", ")
    }

    fn line(&mut self, indent: usize, text: &str) {
        for _ in 0..indent {
            self.out.push_str("    ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn simple_stmt(&mut self, in_func: bool) -> String {
        let t = self.target_name();
        match self.rng.below(16) {
            0 => self.expr(0),
            1 => format!("{t} = {}", self.expr(0)),
            2 => format!("{t}, *{} = {}", self.target_name(), self.expr(0)),
            3 => format!("{t} += {}", self.expr(0)),
            4 => format!("{t}: {} = {}", self.expr(2), self.expr(0)),
            5 => format!("({t}).attr[{}] = {t} = {}", self.expr(1), self.expr(0)),
            6 => "pass".into(),
            7 => format!("del {t}, ({t}).x, {t}[0]"),
            8 => format!("import os.path as {t}, sys"),
            9 => format!("from ..pkg.mod import (a as {t}, b,)"),
            10 => format!("assert {}, {}", self.expr(1), self.expr(1)),
            11 => format!("raise {} from {}", self.expr(1), self.expr(1)),
            12 if in_func => format!("return {}", self.expr(0)),
            13 if in_func => format!("{t} = yield {}", self.expr(1)),
            14 => format!("global {t}"),
            _ => format!("print({}, sep='')", self.expr(0)),
        }
    }

    fn block(&mut self, indent: usize, depth: usize, in_func: bool, in_loop: bool) {
        let n = 1 + self.rng.below(3);
        for _ in 0..n {
            self.stmt(indent, depth, in_func, in_loop);
        }
    }

    fn stmt(&mut self, indent: usize, depth: usize, in_func: bool, in_loop: bool) {
        if depth > 3 || self.budget == 0 || self.rng.chance(2) {
            let mut s = if self.rng.chance(6) {
                format!("{}; {}", self.simple_stmt(in_func), self.simple_stmt(in_func))
            } else if in_loop && self.rng.chance(8) {
                ["break", "continue"][self.rng.below(2)].into()
            } else {
                self.simple_stmt(in_func)
            };
            if self.rng.chance(8) {
                s.push_str("  # a comment");
            }
            self.line(indent, &s);
            return;
        }
        self.budget = self.budget.saturating_sub(1);
        let d = depth + 1;
        match self.rng.below(11) {
            0 => {
                let e = self.expr(1);
                self.line(indent, &format!("if {e}:"));
                self.block(indent + 1, d, in_func, in_loop);
                if self.rng.chance(2) {
                    let e = self.expr(1);
                    self.line(indent, &format!("elif {e}:"));
                    self.block(indent + 1, d, in_func, in_loop);
                }
                if self.rng.chance(2) {
                    self.line(indent, "else:");
                    self.block(indent + 1, d, in_func, in_loop);
                }
            }
            1 => {
                let e = self.expr(1);
                self.line(indent, &format!("while {e}:"));
                self.block(indent + 1, d, in_func, true);
            }
            2 => {
                let (t, e) = (self.target_name(), self.expr(1));
                self.line(indent, &format!("for {t}, ({t}2, *{t}3) in {e}:"));
                self.block(indent + 1, d, in_func, true);
                if self.rng.chance(3) {
                    self.line(indent, "else:");
                    self.block(indent + 1, d, in_func, in_loop);
                }
            }
            3 => {
                self.line(indent, "try:");
                self.block(indent + 1, d, in_func, in_loop);
                let star = if self.rng.chance(3) { "*" } else { "" };
                let e = self.expr(2);
                self.line(indent, &format!("except{star} ({e}, ValueError) as err:"));
                self.block(indent + 1, d, in_func, in_loop);
                if star.is_empty() && self.rng.chance(2) {
                    self.line(indent, "except:");
                    self.block(indent + 1, d, in_func, in_loop);
                }
                if self.rng.chance(2) {
                    self.line(indent, "else:");
                    self.block(indent + 1, d, in_func, in_loop);
                }
                if self.rng.chance(2) {
                    self.line(indent, "finally:");
                    self.block(indent + 1, d, in_func, in_loop);
                }
            }
            4 => {
                let (e, t) = (self.expr(1), self.target_name());
                if self.rng.chance(2) {
                    self.line(indent, &format!("with ({e}) as {t}, open('f') as g:"));
                } else {
                    self.line(indent, &format!("with (\n    ({e}) as {t},\n    open('f'),\n):"));
                }
                self.block(indent + 1, d, in_func, in_loop);
            }
            5 | 6 => {
                if self.rng.chance(2) {
                    let e = self.expr(2);
                    self.line(indent, &format!("@{}", e.replace('\n', " ")));
                }
                let is_async = self.rng.chance(3);
                let params = self.params(false);
                let ret = if self.rng.chance(2) { " -> 'Ret'" } else { "" };
                let name = self.target_name();
                let a = if is_async { "async " } else { "" };
                self.line(indent, &format!("{a}def {name}({params}){ret}:"));
                if self.rng.chance(3) {
                    self.line(indent + 1, "\"\"\"Docstring.\"\"\"");
                }
                if is_async {
                    let e = self.expr(2);
                    self.line(indent + 1, &format!("async for i in {e}:"));
                    self.line(indent + 2, "await i");
                    self.line(indent + 1, "async with a as b:");
                    self.line(indent + 2, "x = [await j async for j in b]");
                }
                self.block(indent + 1, d, true, false);
            }
            7 => {
                let bases = if self.rng.chance(2) { "(Base, metaclass=Meta)" } else { "" };
                let name = self.target_name();
                self.line(indent, &format!("class {name}{bases}:"));
                self.block(indent + 1, d, false, false);
            }
            8 => {
                let e = self.expr(1);
                self.line(indent, &format!("match {e}:"));
                let n = 1 + self.rng.below(3);
                for _ in 0..n {
                    let p = self.pattern(0);
                    let guard =
                        if self.rng.chance(3) { format!(" if {}", self.expr(2)) } else { String::new() };
                    self.line(indent + 1, &format!("case {p}{guard}:"));
                    self.block(indent + 2, d, in_func, in_loop);
                }
            }
            9 => {
                // A statement spread over lines with a backslash and brackets.
                let (a, b) = (self.expr(1), self.expr(1));
                self.line(indent, &format!("value = {a} + \\"));
                self.line(indent + 1, &format!("call(\n{b},\n    # comment inside brackets\n)"));
            }
            _ => {
                let e = self.expr(0);
                self.line(indent, &format!("{e}  # type: ignore"));
            }
        }
    }

    fn pattern(&mut self, depth: usize) -> String {
        let d = depth + 1;
        if depth > 2 {
            return ["1", "'s'", "None", "x", "_", "-1", "1 + 2j", "Color.RED"][self.rng.below(8)].into();
        }
        match self.rng.below(9) {
            0 => format!("[{}, *rest]", self.pattern(d)),
            1 => format!("({}, {})", self.pattern(d), self.pattern(d)),
            2 => format!("{{'k': {}, **kw}}", self.pattern(d)),
            3 => format!("Point({}, y={})", self.pattern(d), self.pattern(d)),
            4 => format!("{} | {}", self.pattern(d), self.pattern(d)),
            5 => format!("(({}) as whole)", self.pattern(d)),
            6 => "[]".into(),
            7 => "b'x' | 'y' | 3.5 | True".into(),
            _ => self.pattern(3),
        }
    }

    /// A module: a few statements, with a blank line or comment now and then.
    pub fn module(mut self) -> String {
        if self.rng.chance(10) {
            self.out.push_str("# -*- coding: utf-8 -*-\n");
        }
        if self.rng.chance(4) {
            self.out.push_str("\"\"\"Module docstring.\"\"\"\n");
        }
        let n = 1 + self.rng.below(8);
        for _ in 0..n {
            self.stmt(0, 0, false, false);
            if self.rng.chance(4) {
                self.out.push('\n');
            }
        }
        if self.rng.chance(5) && self.out.ends_with('\n') {
            self.out.pop(); // no final newline
        }
        self.out
    }
}

// ---------------------------------------------------------------------------------------------
// Checking one input

/// What one input did. `problem` is set when it is a finding.
pub struct Outcome {
    pub stage: &'static str,
    pub error: Option<String>,
    pub problem: Option<(String, String)>,
}

/// Lines as the C tokenizer counts them: `\n`, `\r\n` and a lone `\r` each end one.
fn line_count(text: &str) -> u32 {
    let b = text.as_bytes();
    let mut n = 1;
    for (i, &c) in b.iter().enumerate() {
        if c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            n += 1;
        }
    }
    n
}

fn check_error(e: &SyntaxError, text: Option<&str>, from_decode: bool) -> Option<String> {
    if e.msg.is_empty() {
        return Some("SyntaxError with an empty message".into());
    }
    if e.lineno == 0 && !from_decode {
        return Some(format!("SyntaxError without a line: {}", e.msg));
    }
    if let Some(t) = text {
        let max = line_count(t) + 1;
        if e.lineno > max {
            return Some(format!("error line {} past the end ({} lines): {}", e.lineno, max - 1, e.msg));
        }
    }
    if e.end_lineno != 0 && e.end_lineno < e.lineno {
        return Some(format!("end line {} before line {}: {}", e.end_lineno, e.lineno, e.msg));
    }
    let _ = e.render("fuzz.py");
    None
}

/// Checks that every `lineno=`/`end_lineno=` in an attribute dump lies within the text.
fn check_dump_lines(dump: &str, text: &str) -> Option<String> {
    let max = line_count(text) as u64 + 1;
    for (i, _) in dump.match_indices("lineno=") {
        let digits: String = dump[i + 7..].chars().take_while(|c| c.is_ascii_digit()).collect();
        if let Ok(n) = digits.parse::<u64>() {
            if n == 0 || n > max {
                return Some(format!("AST line number {n} outside 1..={max}"));
            }
        }
    }
    None
}

/// Runs the whole front end on one input (no panic catching here: see [`check_caught`]).
pub fn check(input: &[u8], must_parse: bool, iter: u64) -> Outcome {
    let mut out = Outcome { stage: "decode", error: None, problem: None };
    let src = match source::decode(input, "fuzz.py") {
        Ok(s) => s,
        Err(e) => {
            out.problem = check_error(&e, None, true).map(|p| ("bad-error".into(), p));
            if must_parse {
                out.problem = Some(("rejects-valid".into(), format!("decode: {}", e.msg)));
            }
            out.error = Some(e.msg);
            return out;
        }
    };
    let text = src.text.as_str();
    out.stage = "tokenize";
    let toks = tokenizer::tokenize(text);
    if let Err(e) = &toks {
        if let Some(p) = check_error(e, Some(text), false) {
            out.problem = Some(("bad-error".into(), format!("tokenize: {p}")));
            return out;
        }
    }
    let listing = token_dump::tokenize_listing(text, &src.encoding, "fuzz.py");
    if must_parse {
        if let Err(e) = &listing {
            out.problem = Some(("rejects-valid".into(), format!("tokenize listing: {e}")));
            return out;
        }
    }
    out.stage = "parse";
    let mode = match iter % 16 {
        3 => Mode::Eval,
        7 => Mode::Single,
        11 => Mode::FuncType,
        _ => Mode::Exec,
    };
    let mode = if must_parse { Mode::Exec } else { mode };
    let opts = ParseOptions { mode, type_comments: iter.is_multiple_of(2) || must_parse };
    match parser::parse(text, opts) {
        Err(e) => {
            if let Some(p) = check_error(&e, Some(text), false) {
                out.problem = Some(("bad-error".into(), format!("parse: {p}")));
            } else if must_parse {
                out.problem = Some((
                    "rejects-valid".into(),
                    format!("line {}: {}: {}", e.lineno, e.kind.name(), e.msg),
                ));
            }
            out.error = Some(e.msg);
        }
        Ok(tree) => {
            out.stage = "dump";
            // Like `kaa --ast`: a tree deeper than CPython's ast.dump can go fails instead of being
            // printed (an empty dump here), which keeps deep inputs cheap.
            let dump = ast::try_dump(&tree, Some(3), true).unwrap_or_default();
            if let Some(p) = check_dump_lines(&dump, text) {
                out.problem = Some(("bad-ast".into(), p));
            } else if must_parse || iter.is_multiple_of(8) {
                let _ = ast::try_dump(&tree, None, false);
                // A second parse must give the same tree.
                match parser::parse(text, opts) {
                    Ok(again) if ast::try_dump(&again, Some(3), true).unwrap_or_default() == dump => {}
                    _ => out.problem = Some(("nondeterministic".into(), "second parse differs".into())),
                }
            }
        }
    }
    out
}

thread_local! {
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Installs a panic hook that records the message and location instead of printing them.
pub fn quiet_panics() {
    panic::set_hook(Box::new(|info| {
        let msg = if let Some(s) = info.payload().downcast_ref::<&str>() {
            s.to_string()
        } else if let Some(s) = info.payload().downcast_ref::<String>() {
            s.clone()
        } else {
            "panic".into()
        };
        let loc = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{msg}{loc}")));
    }));
}

/// [`check`] with panics turned into "crash" findings.
pub fn check_caught(input: &[u8], must_parse: bool, iter: u64) -> Outcome {
    caught(|| check(input, must_parse, iter))
}

fn caught(f: impl FnOnce() -> Outcome) -> Outcome {
    match panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(o) => o,
        Err(_) => {
            let msg = LAST_PANIC.with(|p| p.borrow_mut().take()).unwrap_or_else(|| "panic".into());
            Outcome { stage: "?", error: None, problem: Some(("crash".into(), format!("panicked: {msg}"))) }
        }
    }
}

#[allow(unconditional_recursion)]
fn overflow(n: u64) -> u64 {
    let pad = [n; 64];
    overflow(std::hint::black_box(pad)[3] + 1) + pad[5]
}

fn misbehave(what: &str) {
    match what {
        "abort" => std::process::abort(),
        "overflow" => {
            overflow(0);
        }
        "hang" => loop {
            std::thread::sleep(Duration::from_secs(1));
        },
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// The worker: runs inputs from `start` until the deadline, reporting on stdout:
//   "I <iter>"                      before input <iter>
//   "F <iter> <kind> <detail>"      a finding (caught in-process)
//   "T <iter> <millis>"             a slow input
//   "S <key> <count>"               statistics, at the end
//   "D <next iter>"                 done

pub fn worker(
    seeds: &[Vec<u8>],
    seed: u64,
    start: u64,
    deadline: Instant,
    only: Option<u64>,
    out: &mut dyn Write,
) {
    quiet_panics();
    // KAA_FUZZ_SELFTEST=KIND:ITER makes input ITER misbehave (abort, overflow, panic, hang), to
    // check that the supervisor notices and saves it.
    let selftest: Option<(String, u64)> = std::env::var("KAA_FUZZ_SELFTEST").ok().and_then(|v| {
        let (k, n) = v.split_once(':')?;
        Some((k.to_string(), n.parse().ok()?))
    });
    let mut stats: BTreeMap<String, u64> = BTreeMap::new();
    let mut iter = start;
    while Instant::now() < deadline {
        if let Some(o) = only {
            if iter > o {
                break;
            }
            if iter < o {
                iter = o;
            }
        }
        let _ = writeln!(out, "I {iter}");
        let _ = out.flush();
        let (input, strategy, must_parse) = make_input(seeds, seed, iter);
        let t0 = Instant::now();
        if let Some((what, at)) = &selftest {
            if *at == iter {
                misbehave(what);
            }
        }
        let o = match &selftest {
            Some((what, at)) if *at == iter && what == "panic" => caught(|| panic!("self-test panic")),
            _ => check_caught(&input, must_parse, iter),
        };
        let took = t0.elapsed();
        if took > SLOW {
            let _ = writeln!(out, "T {iter} {}", took.as_millis());
        }
        *stats.entry(format!("strategy:{strategy}")).or_default() += 1;
        *stats.entry(format!("reached:{}", o.stage)).or_default() += 1;
        if o.error.is_none() && o.stage == "dump" {
            *stats.entry("parsed-ok".into()).or_default() += 1;
        }
        if let Some(e) = &o.error {
            let key: String = e.chars().take(60).collect::<String>().replace(char::is_whitespace, " ");
            *stats.entry(format!("error:{key}")).or_default() += 1;
        }
        if let Some((kind, detail)) = o.problem {
            let detail: String = detail.chars().take(300).collect::<String>().replace('\n', "\\n");
            let _ = writeln!(out, "F {iter} {kind} {detail}");
        }
        iter += 1;
    }
    for (k, v) in &stats {
        let _ = writeln!(out, "S {} {v}", k.replace(' ', "\u{a0}"));
    }
    let _ = writeln!(out, "D {iter}");
    let _ = out.flush();
}

// ---------------------------------------------------------------------------------------------
// The supervisor

pub struct Report {
    pub inputs: u64,
    pub findings: Vec<(u64, String, String)>,
    pub slow: Vec<(u64, u64)>,
    pub stats: BTreeMap<String, u64>,
    pub restarts: u64,
}

/// Runs workers (started by `spawn(start_iter, seconds_left)`) until `seconds` have passed,
/// restarting after a crash, and saves every finding's input under `out_dir`.
pub fn supervise(
    seeds: &[Vec<u8>],
    seed: u64,
    seconds: u64,
    out_dir: &Path,
    spawn: &dyn Fn(u64, u64) -> Command,
    log: &mut dyn Write,
    once: bool,
) -> Report {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut report =
        Report { inputs: 0, findings: Vec::new(), slow: Vec::new(), stats: BTreeMap::new(), restarts: 0 };
    let mut start = 0u64;
    let mut first = true;
    while Instant::now() < deadline && (first || !once) {
        first = false;
        let left = deadline.saturating_duration_since(Instant::now()).as_secs().max(1);
        let mut child = spawn(start, left)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("cannot start a fuzz worker");
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        let err_thread = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = std::io::Read::read_to_string(&mut BufReader::new(stderr), &mut s);
            s
        });
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut current: Option<u64> = None;
        let mut done = None;
        let mut hung = false;
        loop {
            match rx.recv_timeout(HANG) {
                Ok(line) => {
                    let (tag, rest) = line.split_once(' ').unwrap_or((line.as_str(), ""));
                    match tag {
                        "I" => {
                            current = rest.parse().ok();
                            report.inputs += 1;
                        }
                        "F" => {
                            let mut parts = rest.splitn(3, ' ');
                            let iter: u64 = parts.next().unwrap_or("0").parse().unwrap_or(0);
                            let kind = parts.next().unwrap_or("?").to_string();
                            let detail = parts.next().unwrap_or("").to_string();
                            let seen = report.findings.iter().filter(|f| f.1 == kind).count();
                            if seen < SAVED_PER_KIND {
                                save_finding(seeds, seed, iter, &kind, &detail, out_dir, log);
                            }
                            report.findings.push((iter, kind, detail));
                        }
                        "T" => {
                            let mut parts = rest.split(' ');
                            let iter = parts.next().unwrap_or("0").parse().unwrap_or(0);
                            let ms = parts.next().unwrap_or("0").parse().unwrap_or(0);
                            report.slow.push((iter, ms));
                        }
                        "S" => {
                            if let Some((k, v)) = rest.rsplit_once(' ') {
                                *report.stats.entry(k.replace('\u{a0}', " ")).or_default() +=
                                    v.parse().unwrap_or(0);
                            }
                        }
                        "D" => done = rest.parse::<u64>().ok(),
                        _ => {}
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    hung = true;
                    let _ = child.kill();
                    break;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        }
        let status = child.wait().expect("wait for worker");
        let stderr_text = err_thread.join().unwrap_or_default();
        match done {
            Some(next) if status.success() => start = next,
            _ => {
                // The worker died (or hung) on input `current`.
                let iter = current.unwrap_or(start);
                let kind = if hung { "hang" } else { "crash" };
                let tail: String = stderr_text.lines().rev().take(3).collect::<Vec<_>>().join(" | ");
                let detail =
                    format!("worker died ({status}): {}", tail.chars().take(300).collect::<String>());
                save_finding(seeds, seed, iter, kind, &detail, out_dir, log);
                report.findings.push((iter, kind.into(), detail));
                report.restarts += 1;
                start = iter + 1;
            }
        }
    }
    report
}

fn save_finding(
    seeds: &[Vec<u8>],
    seed: u64,
    iter: u64,
    kind: &str,
    detail: &str,
    out_dir: &Path,
    log: &mut dyn Write,
) {
    let (input, strategy, _) = make_input(seeds, seed, iter);
    let _ = std::fs::create_dir_all(out_dir);
    let base = out_dir.join(format!("{kind}-seed{seed}-{iter}"));
    let py = base.with_extension("py");
    let _ = std::fs::write(&py, &input);
    let _ = std::fs::write(
        base.with_extension("txt"),
        format!("{kind}: {detail}\nstrategy: {strategy}\nreproduce: --seed {seed} --only {iter}\n"),
    );
    let _ =
        writeln!(log, "finding: {kind} (input {iter}, {strategy}): {detail}\n  saved as {}", py.display());
}

pub fn print_report(r: &Report, seconds: u64, log: &mut dyn Write) {
    let _ = writeln!(
        log,
        "fuzz: {} inputs in {seconds}s, {} findings, {} worker restarts",
        r.inputs,
        r.findings.len(),
        r.restarts
    );
    let interesting = ["parsed-ok", "reached:decode", "reached:tokenize", "reached:parse", "reached:dump"];
    for k in interesting {
        let _ = writeln!(log, "  {k:<20} {}", r.stats.get(k).copied().unwrap_or(0));
    }
    for (k, v) in r.stats.iter().filter(|(k, _)| k.starts_with("strategy:")) {
        let _ = writeln!(log, "  {k:<20} {v}");
    }
    let mut errors: Vec<(&String, &u64)> = r.stats.iter().filter(|(k, _)| k.starts_with("error:")).collect();
    errors.sort_by(|a, b| b.1.cmp(a.1));
    let _ = writeln!(log, "  distinct error messages: {}; most common:", errors.len());
    for (k, v) in errors.iter().take(8) {
        let _ = writeln!(log, "    {v:>7}  {}", &k[6..]);
    }
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, k, _) in &r.findings {
        *kinds.entry(k.as_str()).or_default() += 1;
    }
    for (k, n) in kinds {
        let _ = writeln!(log, "  findings of kind {k}: {n}");
    }
    for (iter, ms) in r.slow.iter().take(5) {
        let _ = writeln!(log, "  slow: input {iter} took {ms} ms");
    }
}
