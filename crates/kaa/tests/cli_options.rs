//! Command-line options whose output is compared with python3's on the parts both must share:
//! `-O`/`-OO` on imported modules and their cache file names, `-X importtime` and
//! `PYTHONPROFILEIMPORTTIME` (format and nesting of the lines for the test's own modules; the
//! microseconds differ), `-v`'s `import 'NAME' # ...` lines, `-W`/`PYTHONWARNINGS` applied to
//! the compiler's warnings (stdout and stderr compared whole), and `-X int_max_str_digits`.

mod common;

use common::{kaa_bin, python311};
use std::path::{Path, PathBuf};
use std::process::Command;

fn workdir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kaa-cli-options-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("tpkg")).expect("scratch dir");
    let files: &[(&str, &str)] = &[
        (
            "tmod.py",
            "\"\"\"module doc\"\"\"\nimport tpkg.tsub\n\ndef f():\n    \"function doc\"\n    assert False, 'assert ran'\n    return 'no assert'\n\nclass C:\n    \"class doc\"\n\nDEBUG = __debug__\n",
        ),
        ("tpkg/__init__.py", "from . import tleaf\n"),
        ("literal_is.py", "x = 1\nif x is 1:\n    print('ran')\nif x is not ():\n    print('ran too')\n"),
        (
            "digits.py",
            "import sys\nprint(sys.flags.int_max_str_digits, sys.get_int_max_str_digits())\ntry:\n    print(len(str(10 ** 1000)))\nexcept ValueError as e:\n    print(e)\ntry:\n    print(int('5' * 900) % 7)\nexcept ValueError as e:\n    print(e)\n",
        ),
        ("tpkg/tleaf.py", "X = 1\n"),
        ("tpkg/tsub.py", "import tpkg.tleaf\nY = 2\n"),
        (
            "main.py",
            "import sys, importlib.util\nimport tmod\nprint(sys.flags.optimize, tmod.DEBUG, __debug__)\nprint(repr(tmod.__doc__), repr(tmod.f.__doc__), repr(tmod.C.__doc__))\ntry:\n    print(tmod.f())\nexcept AssertionError as e:\n    print('AssertionError', e)\nc = importlib.util.cache_from_source('/x/y.py')\nprint(c.split('.', 1)[0], c.rsplit('-311', 1)[1])\nfor opt in ('', 1, 2, 'z'):\n    print(repr(opt), importlib.util.cache_from_source('/x/y.py', optimization=opt).rsplit('-311', 1)[1])\ntry:\n    importlib.util.cache_from_source('/x/y.py', optimization='a-b')\nexcept ValueError as e:\n    print('ValueError', e)\n",
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("write test file");
    }
    dir
}

fn run(program: &Path, args: &[&str], env: &[(&str, &str)], dir: &Path) -> (String, String) {
    let mut cmd = Command::new(program);
    cmd.args(args).current_dir(dir);
    for (k, _) in std::env::vars() {
        if k.starts_with("PYTHON") {
            cmd.env_remove(k);
        }
    }
    cmd.env("PYTHONDONTWRITEBYTECODE", "1").envs(env.iter().copied());
    let out = cmd.output().expect("run");
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn python() -> PathBuf {
    PathBuf::from(python311())
}

#[test]
fn optimize_levels_apply_to_imported_modules() {
    let dir = workdir("optimize");
    for args in [&["main.py"][..], &["-O", "main.py"], &["-OO", "main.py"]] {
        let want = run(&python(), args, &[], &dir).0;
        let got = run(&kaa_bin(), args, &[], &dir).0;
        assert_eq!(got, want, "kaa {args:?}");
    }
    let want = run(&python(), &["main.py"], &[("PYTHONOPTIMIZE", "2")], &dir).0;
    assert_eq!(run(&kaa_bin(), &["main.py"], &[("PYTHONOPTIMIZE", "2")], &dir).0, want);
}

/// The import-time lines of the test's own modules: (indentation + name), after checking that
/// every line has CPython's shape.
fn import_time_lines(stderr: &str) -> Vec<String> {
    let mut lines = stderr.lines();
    assert_eq!(lines.next(), Some("import time: self [us] | cumulative | imported package"), "{stderr}");
    let mut own = Vec::new();
    for line in lines {
        let Some(rest) = line.strip_prefix("import time: ") else { continue };
        let parts: Vec<&str> = rest.splitn(3, " | ").collect();
        assert_eq!(parts.len(), 3, "{line}");
        assert!(parts[0].len() >= 9 && parts[0].trim().parse::<u64>().is_ok(), "{line}");
        assert!(parts[1].len() >= 10 && parts[1].trim().parse::<u64>().is_ok(), "{line}");
        let name = parts[2].trim_start();
        if name == "tmod" || name.starts_with("tpkg") {
            own.push(parts[2].to_string());
        }
    }
    own
}

#[test]
fn import_time_has_cpythons_format_and_nesting() {
    let dir = workdir("importtime");
    let code = "import tmod";
    let want = import_time_lines(&run(&python(), &["-X", "importtime", "-c", code], &[], &dir).1);
    let got = import_time_lines(&run(&kaa_bin(), &["-X", "importtime", "-c", code], &[], &dir).1);
    assert_eq!(got, want);
    assert_eq!(want.len(), 4, "{want:?}");
    let env = [("PYTHONPROFILEIMPORTTIME", "1")];
    let got = import_time_lines(&run(&kaa_bin(), &["-c", code], &env, &dir).1);
    assert_eq!(got, want);
    // -E ignores the variable: no header at all.
    let (_, err) = run(&kaa_bin(), &["-E", "-c", code], &env, &dir);
    assert!(!err.contains("import time"), "{err}");
}

#[test]
fn verbose_reports_each_module_loaded() {
    let dir = workdir("verbose");
    let lines = |err: &str| -> Vec<String> {
        err.lines()
            .filter(|l| l.starts_with("import 'tmod'") || l.starts_with("import 'tpkg"))
            .map(|l| l.split(" # ").next().unwrap_or("").to_string())
            .collect()
    };
    let want = lines(&run(&python(), &["-v", "-c", "import tmod"], &[], &dir).1);
    let got = lines(&run(&kaa_bin(), &["-v", "-c", "import tmod"], &[], &dir).1);
    assert_eq!(got, want);
    assert_eq!(want.len(), 4, "{want:?}");
    let (_, err) = run(&kaa_bin(), &["-v", "-c", "import math"], &[], &dir);
    assert!(err.contains("import 'math' # <class '_frozen_importlib.BuiltinImporter'>"), "{err}");
    let (_, err) = run(&kaa_bin(), &["-c", "import tmod"], &[], &dir);
    assert!(!err.contains("import 'tmod'"), "{err}");
}

#[test]
fn warning_options_apply_to_compiler_warnings() {
    let dir = workdir("warnings");
    let cases: &[&[&str]] = &[
        &[],
        &["-W", "error"],
        &["-W", "ignore"],
        &["-W", "error::DeprecationWarning"],
        &["-W", "error::SyntaxWarning::2"],
        &["-W", "error::SyntaxWarning::3"],
        &["-W", "e:\"IS\" not"],
        &["-W", "error::SyntaxWarning:literal_is"],
        &["-W", "error", "-W", "ignore::SyntaxWarning"],
        &["-W", "ignore", "-W", "always"],
        &["-W", "bogus", "-W", "error::NoSuch", "-W", "error::Exception", "-W", "a:b:c:d:e:f"],
        &["-W", "error::Warning::-1", "-W", "error::Warning::1x"],
    ];
    for args in cases {
        let full: Vec<&str> = args.iter().copied().chain(["literal_is.py"]).collect();
        let want = run(&python(), &full, &[], &dir);
        let got = run(&kaa_bin(), &full, &[], &dir);
        assert_eq!(got, want, "kaa {full:?}");
    }
    for env in [("PYTHONWARNINGS", "error"), ("PYTHONWARNINGS", "ignore::SyntaxWarning,error::Warning::4")] {
        let want = run(&python(), &["literal_is.py"], &[env], &dir);
        assert_eq!(run(&kaa_bin(), &["literal_is.py"], &[env], &dir), want, "{env:?}");
    }
}

#[test]
fn int_max_str_digits_options() {
    let dir = workdir("digits");
    let cases: &[(&[&str], &[(&str, &str)])] = &[
        (&["digits.py"], &[]),
        (&["-X", "int_max_str_digits=700", "digits.py"], &[]),
        (&["-X", "int_max_str_digits=0", "digits.py"], &[]),
        (&["digits.py"], &[("PYTHONINTMAXSTRDIGITS", "640")]),
        (&["-X", "int_max_str_digits=2000", "digits.py"], &[("PYTHONINTMAXSTRDIGITS", "640")]),
    ];
    for (args, env) in cases {
        let want = run(&python(), args, env, &dir);
        assert_eq!(run(&kaa_bin(), args, env, &dir), want, "kaa {args:?} {env:?}");
    }
}
