//! The command line against CPython's: each case runs `python3 ARGS` and `kaa ARGS` with the same
//! standard input, environment and working directory, and compares stdout, stderr and the exit
//! status (the program name, which differs, is replaced by `PROG` in both).

mod common;

use common::{kaa_bin, python311};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

struct Case<'a> {
    args: &'a [&'a str],
    stdin: &'a str,
    env: &'a [(&'a str, &'a str)],
    /// Compare stderr too (off where CPython prints its own noise, e.g. `-v`).
    compare_stderr: bool,
}

const fn case<'a>(args: &'a [&'a str]) -> Case<'a> {
    Case { args, stdin: "", env: &[], compare_stderr: true }
}

struct Outcome {
    stdout: String,
    stderr: String,
    status: Option<i32>,
}

/// A scratch directory with a script, a module and packages for `-m`.
fn workdir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kaa-cli-test-{}-{test}", std::process::id()));
    let _ = std::fs::create_dir_all(dir.join("pkg"));
    let _ = std::fs::create_dir_all(dir.join("nomain"));
    let _ = std::fs::create_dir_all(dir.join("extra"));
    let _ = std::fs::create_dir_all(dir.join("broken"));
    let files: &[(&str, &str)] = &[
        (
            "script.py",
            "import sys\nprint('script', sys.argv, __name__)\nprint(__file__.endswith('script.py'))\n",
        ),
        ("mod.py", "import sys\nprint('mod', __name__, sys.argv[1:], sys.argv[0].endswith('mod.py'))\n"),
        ("pkg/__init__.py", "import sys\nprint('pkg init', __name__, sys.argv)\n"),
        ("broken/__init__.py", "1 / 0\n"),
        ("broken/sub.py", "print('not reached')\n"),
        ("pkg/__main__.py", "import sys\nprint('pkg main', __name__, sys.argv[1:])\n"),
        ("pkg/sub.py", "import sys\nprint('sub', __name__, sys.argv[0].endswith('sub.py'))\n"),
        ("nomain/__init__.py", ""),
        ("skip.py", "this line is not Python\nprint('second line runs')\n"),
        ("startup.py", "started = 'startup ran'\nprint('in startup')\n"),
        ("fails.py", "def f():\n    return 1 / 0\nprint('before')\nf()\n"),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("write test file");
    }
    dir
}

fn run(program: &Path, c: &Case, dir: &Path) -> Outcome {
    let mut cmd = Command::new(program);
    cmd.args(c.args).current_dir(dir).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    // Only the variables a case sets: the developer's PYTHON* settings must not leak in.
    for (k, _) in std::env::vars() {
        if k.starts_with("PYTHON") {
            cmd.env_remove(k);
        }
    }
    cmd.envs(c.env.iter().copied());
    let mut child = cmd.spawn().expect("start");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = c.stdin.to_string();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let out = child.wait_with_output().expect("wait");
    let _ = writer.join();
    let name = program.to_string_lossy().to_string();
    let clean = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .replace(&name, "PROG")
            .replace("Try `python -h'", "Try `kaa -h'")
            .replace(&dir.canonicalize().unwrap_or(dir.to_path_buf()).to_string_lossy().to_string(), "DIR")
    };
    Outcome { stdout: clean(&out.stdout), stderr: clean(&out.stderr), status: out.status.code() }
}

fn python_path() -> PathBuf {
    let py = python311();
    let found =
        Command::new(&py).args(["-c", "import sys; print(sys.executable)"]).output().expect("python3 runs");
    PathBuf::from(String::from_utf8_lossy(&found.stdout).trim())
}

fn check(test: &str, cases: &[Case]) {
    let dir = workdir(test);
    let python = python_path();
    let mut failures = Vec::new();
    for c in cases {
        let want = run(&python, c, &dir);
        let got = run(&kaa_bin(), c, &dir);
        let same = want.stdout == got.stdout
            && want.status == got.status
            && (!c.compare_stderr || want.stderr == got.stderr);
        if !same {
            failures.push(format!(
                "kaa {:?} (stdin {:?}, env {:?}):\n--- python3: status {:?}\n{}{}--- kaa: status {:?}\n{}{}",
                c.args,
                c.stdin,
                c.env,
                want.status,
                want.stdout,
                want.stderr,
                got.status,
                got.stdout,
                got.stderr
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from CPython:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn program_sources() {
    check(
        "program_sources",
        &[
            case(&["-c", "import sys; print(sys.argv)", "a", "-b", "--c"]),
            case(&["-cprint('glued')"]),
            case(&["-Bc", "import sys; print(sys.flags.dont_write_bytecode)"]),
            case(&["-c", "print(__name__, __doc__, __package__, __spec__); print('__file__' in globals())"]),
            case(&["script.py", "x", "-y"]),
            case(&["./script.py"]),
            case(&["--", "script.py", "-c"]),
            case(&["-x", "skip.py"]),
            case(&["fails.py"]),
            case(&["missing.py"]),
            case(&["--", "-c"]),
            Case { stdin: "import sys\nprint('stdin', sys.argv)\n", ..case(&["-", "a"]) },
            Case { stdin: "print('no args')\nimport sys\nprint(sys.argv)\n1/0\n", ..case(&[]) },
            case(&["-c", "1 +"]),
            case(&["-c", "import sys; print(sys.argv); 1/0"]),
            case(&["-c", "raise SystemExit(3)"]),
            case(&["-c", "import sys; sys.exit('bye')"]),
            case(&["-c", "import sys; sys.exit()"]),
        ],
    );
}

#[test]
fn modules() {
    check(
        "modules",
        &[
            case(&["-m", "mod", "a", "b"]),
            case(&["-mmod"]),
            case(&["-m", "pkg", "x"]),
            case(&["-m", "pkg.sub"]),
            case(&["-m", "nomain"]),
            case(&["-m", "nonexistent"]),
            case(&["-m", "pkg.nonexistent"]),
            case(&["-m", ".relative"]),
            case(&["-m", "math"]),
            Case {
                env: &[("PYTHONPATH", "extra")],
                ..case(&["-c", "import sys; print(sys.path[1].endswith('/extra'), sys.path[0])"])
            },
            // runpy prints its own frames in this traceback: stdout and status only.
            Case { compare_stderr: false, ..case(&["-m", "broken.sub"]) },
            case(&["-m", "this"]),
        ],
    );
}

#[test]
fn usage_errors() {
    check(
        "usage_errors",
        &[
            case(&["-Z"]),
            case(&["--nonsense"]),
            case(&["-c"]),
            case(&["-m"]),
            case(&["-W"]),
            case(&["-X"]),
            case(&["-BZ", "-c", "pass"]),
            case(&["-V"]),
            case(&["--version"]),
        ],
    );
}

#[test]
fn flags_and_options() {
    let show = "import sys; print(sys.flags); print(sys.flags[0], sys.flags[-1], len(sys.flags), sys.flags.dev_mode)";
    let warn = "import sys; print(sys.warnoptions, sys._xoptions)";
    check(
        "flags_and_options",
        &[
            case(&["-c", show]),
            case(&["-bb", "-d", "-OO", "-q", "-s", "-S", "-B", "-u", "-R", "-c", show]),
            case(&["-E", "-c", show]),
            case(&["-I", "-c", show]),
            case(&["-P", "-c", "import sys; print(sys.flags.safe_path, '' in sys.path)"]),
            case(&["-c", "import sys; print(sys.flags.safe_path, '' in sys.path)"]),
            Case { compare_stderr: false, ..case(&["-vv", "-c", "import sys; print(sys.flags.verbose)"]) },
            case(&["-W", "error", "-Wignore::DeprecationWarning", "-b", "-c", warn]),
            case(&["-X", "dev", "-X", "a=b", "-Xc", "-c", warn]),
            case(&["-X", "int_max_str_digits=1000", "-c", "import sys; print(sys.flags.int_max_str_digits)"]),
            Case {
                env: &[("PYTHONWARNINGS", "error,ignore::UserWarning")],
                ..case(&["-W", "default", "-c", warn])
            },
            Case {
                env: &[("PYTHONHASHSEED", "0")],
                ..case(&["-c", "import sys; print(sys.flags.hash_randomization)"])
            },
            Case {
                env: &[("PYTHONHASHSEED", "123")],
                ..case(&["-c", "import sys; print(sys.flags.hash_randomization)"])
            },
            Case {
                env: &[("PYTHONHASHSEED", "0")],
                ..case(&["-E", "-c", "import sys; print(sys.flags.hash_randomization)"])
            },
            Case { env: &[("PYTHONHASHSEED", "nope")], ..case(&["-c", "pass"]) },
            Case {
                env: &[
                    ("PYTHONSAFEPATH", "1"),
                    ("PYTHONDONTWRITEBYTECODE", "1"),
                    ("PYTHONOPTIMIZE", "2"),
                    ("PYTHONVERBOSE", ""),
                ],
                ..case(&["-c", show])
            },
            Case {
                env: &[("PYTHONIOENCODING", "latin-1:replace")],
                ..case(&["-c", "import sys; print(sys.stdout.encoding, sys.stdout.errors)"])
            },
            Case {
                env: &[("PYTHONIOENCODING", "latin-1:replace")],
                ..case(&["-c", "print('caf\\u00e9 \\u20ac \\u0416'); import sys; print('x\\u0416', file=sys.stderr)"])
            },
            Case {
                env: &[("PYTHONIOENCODING", "cp1252")],
                stdin: "na\u{ef}ve\n",
                ..case(&["-c", "import sys; s = input(); print(ascii(s), s, '\\u20ac', sys.stdout.encoding, sys.stdin.errors)"])
            },
            Case {
                env: &[("PYTHONIOENCODING", "koi8-r:xmlcharrefreplace")],
                ..case(&["-c", "print('\\u0416\\u0438\\u0437\\u043d\\u044c \\u00e9'); import sys; print(sys.stdout.errors)"])
            },
            Case {
                env: &[("PYTHONIOENCODING", "utf-16")],
                ..case(&["-c", "print('two lines'); print('\\u00e9')"])
            },
            Case {
                env: &[("PYTHONIOENCODING", ":backslashreplace")],
                ..case(&["-c", "import sys; print(sys.stdout.encoding, sys.stdout.errors, sys.stdin.errors)"])
            },
            // An unknown or non-text codec stops the interpreter (a fatal error naming the thread).
            Case { env: &[("PYTHONIOENCODING", "no-such-codec")], compare_stderr: false, ..case(&["-c", "print(1)"]) },
            Case { env: &[("PYTHONIOENCODING", "rot13")], compare_stderr: false, ..case(&["-c", "pass"]) },
            Case {
                env: &[("PYTHONUNBUFFERED", "1")],
                ..case(&["-c", "import sys; print('x', end=''); print('y', file=sys.stderr); print('z')"])
            },
            case(&["-u", "-c", "import sys; print('x', end=''); print('y', file=sys.stderr); print('z')"]),
            case(&["-O", "-c", "assert False, 'gone'\nprint(__debug__)\nif __debug__: print('debug')\nimport builtins; print(builtins.__debug__)"]),
            case(&["-c", "print(__debug__)\nassert 1 == 2, 'kept'"]),
            Case { env: &[("PYTHONOPTIMIZE", "1")], ..case(&["-c", "assert False; print('optimized', __debug__)"]) },
        ],
    );
}

#[test]
fn interactive_from_a_pipe() {
    check(
        "interactive_from_a_pipe",
        &[
            Case { stdin: "x * 2\n", ..case(&["-i", "-c", "x = 21"]) },
            Case { stdin: "1 + 1\n_ + 1\nNone\nprint('p')\n", ..case(&["-i", "-c", "pass"]) },
            Case {
                stdin: "if True:\n    'inside'\n\nfor i in range(2): i\n\n",
                ..case(&["-i", "-c", "pass"])
            },
            Case { stdin: "1 +\nundefined\n(1,\n2)\n", ..case(&["-i", "-c", "pass"]) },
            Case { stdin: "print('after the error')\n", ..case(&["-i", "fails.py"]) },
            Case { stdin: "raise SystemExit(4)\nprint('not reached')\n", ..case(&["-i", "-c", "pass"]) },
            Case {
                stdin: "import sys; print(sys.flags.interactive, sys.flags.inspect)\n",
                ..case(&["-i", "-c", "pass"])
            },
            Case {
                stdin: "import sys\nsys.ps1 = 'kaa> '\nsys.ps2 = ' .. '\nif 1:\n  2\n\n",
                ..case(&["-i", "-c", "pass"])
            },
            Case { stdin: "import sys\nprint(sys.ps1, sys.ps2)\n", ..case(&["-i", "-c", "pass"]) },
            case(&["-c", "import sys; print(hasattr(sys, 'ps1'))"]),
            // No program: the prompt reads the pipe (values echoed); the banners differ, so stdout only.
            Case { stdin: "6 * 7\nx = 1\nx\n", compare_stderr: false, ..case(&["-i"]) },
            Case { stdin: "6 * 7\n", compare_stderr: false, ..case(&["-i", "-"]) },
            Case {
                stdin: "started\n",
                env: &[("PYTHONSTARTUP", "startup.py")],
                compare_stderr: false,
                ..case(&["-i"])
            },
            Case { stdin: "6 * 7\n", env: &[("PYTHONINSPECT", "1")], compare_stderr: false, ..case(&[]) },
        ],
    );
}

#[test]
fn help_has_cpythons_shape() {
    let out = Command::new(kaa_bin()).arg("-h").output().expect("kaa -h");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let first = text.lines().next().unwrap_or_default();
    let expected =
        format!("usage: {} [option] ... [-c cmd | -m mod | file | -] [arg] ...", kaa_bin().display());
    assert_eq!(first, expected);
    for option in ["-c cmd", "-m mod", "-W arg", "-X opt", "--trace", "--explain", "PYTHONPATH"] {
        assert!(text.contains(option), "kaa -h does not mention {option}");
    }
    let vv = Command::new(kaa_bin()).arg("-VV").output().expect("kaa -VV");
    assert!(String::from_utf8_lossy(&vv.stdout).starts_with("Python 3.11.7 (Kaa "));
}
