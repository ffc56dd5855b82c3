//! The bytecode cache: `import mod` writes `__pycache__/mod.kaa-311.pyc`; a later run reads it;
//! stale, truncated, corrupted and other-version files are ignored and rewritten; `-B`,
//! `PYTHONDONTWRITEBYTECODE` and `PYTHONPYCACHEPREFIX` are honoured; parallel runs never see a
//! half-written file; `kaa --compile` fills the cache. `KAA_DEBUG_IMPORT=1` makes Kaa report
//! each import's cache decision on stderr ("cached", "rejected …", "compiled", "wrote").

mod common;

use common::{run_with_limit, scratch_dir};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

const MODULE: &str = "VALUE = 6 * 7\ndef f():\n    return [x * 2 for x in range(3)]\n";
const MAIN: &str = "import mod\nprint(mod.VALUE, mod.f())\n";
const EXPECTED: &str = "42 [0, 2, 4]\n";

struct Project {
    dir: PathBuf,
}

impl Project {
    fn new(tag: &str) -> Project {
        let dir = scratch_dir(&format!("cache-{tag}"));
        std::fs::write(dir.join("mod.py"), MODULE).unwrap();
        std::fs::write(dir.join("main.py"), MAIN).unwrap();
        Project { dir }
    }

    fn cache_file(&self) -> PathBuf {
        self.dir.join("__pycache__/mod.kaa-311.pyc")
    }

    fn command(&self, extra: &[&str]) -> Command {
        let mut c = Command::new(common::kaa_bin());
        c.args(extra)
            .arg("main.py")
            .current_dir(&self.dir)
            .env_remove("PYTHONDONTWRITEBYTECODE")
            .env_remove("PYTHONPYCACHEPREFIX")
            .env("KAA_DEBUG_IMPORT", "1");
        c
    }

    /// Runs main.py; checks its output and returns its stderr (the cache report).
    fn run_with(&self, cmd: &mut Command) -> String {
        let (out, _) = run_with_limit(cmd, Duration::from_secs(20)).expect("kaa timed out");
        check_ok(&out);
        String::from_utf8_lossy(&out.stderr).into_owned()
    }

    fn run(&self) -> String {
        self.run_with(&mut self.command(&[]))
    }
}

impl Drop for Project {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn check_ok(out: &Output) {
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        EXPECTED,
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success());
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().unwrap())
}

#[test]
fn import_writes_a_cache_file_with_its_header_and_a_second_run_reads_it() {
    let p = Project::new("write");
    let report = p.run();
    assert!(report.contains("# kaa: compiled"), "{report}");
    assert!(report.contains("# kaa: wrote"), "{report}");
    let data = std::fs::read(p.cache_file()).expect("cache file written");
    assert_eq!(&data[0..4], b"Kaa\x0b", "magic");
    assert_eq!(u32_at(&data, 8), 0, "flags");
    let meta = std::fs::metadata(p.dir.join("mod.py")).unwrap();
    let mtime = meta.modified().unwrap().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64;
    assert_eq!(u64_at(&data, 12), mtime, "source mtime");
    assert_eq!(u64_at(&data, 20), MODULE.len() as u64, "source size");
    assert!(data.len() > 36, "a body follows the header");
    // Only the module is cached: the script itself never is (as in CPython).
    assert!(!p.dir.join("__pycache__/main.kaa-311.pyc").exists());

    let report = p.run();
    assert!(report.contains("# kaa: cached"), "second run must use the cache: {report}");
    assert!(!report.contains("compiled"), "{report}");
}

#[test]
fn cache_tag_and_cache_from_source_agree() {
    let p = Project::new("tag");
    std::fs::write(
        p.dir.join("main.py"),
        "import sys, importlib.util\nprint(sys.implementation.cache_tag)\n\
         print(importlib.util.cache_from_source('/x/y/mod.py'))\n\
         print(importlib.util.source_from_cache('/x/y/__pycache__/mod.kaa-311.pyc'))\n",
    )
    .unwrap();
    let (out, _) = run_with_limit(&mut p.command(&[]), Duration::from_secs(20)).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "kaa-311\n/x/y/__pycache__/mod.kaa-311.pyc\n/x/y/mod.py\n"
    );
}

/// Damages the cache file with `damage`, checks the next run ignores it (still printing the
/// right output) and rewrites a good one, which the run after that reads.
fn survives(tag: &str, expected_reason: &str, damage: impl Fn(&Path)) {
    let p = Project::new(tag);
    p.run();
    damage(&p.cache_file());
    let report = p.run();
    assert!(report.contains(&format!("rejected {}", p.cache_file().display())), "{tag}: {report}");
    assert!(report.contains(expected_reason), "{tag}: expected '{expected_reason}' in {report}");
    assert!(report.contains("# kaa: wrote"), "{tag}: the bad cache must be rewritten: {report}");
    let report = p.run();
    assert!(report.contains("# kaa: cached"), "{tag}: {report}");
}

#[test]
fn stale_cache_is_ignored_and_rewritten() {
    let p = Project::new("stale");
    p.run();
    // Same size, different content and mtime: only the stamp can tell.
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(p.dir.join("mod.py"), MODULE.replace("6 * 7", "7 * 6")).unwrap();
    let report = p.run();
    assert!(report.contains("stale"), "{report}");
    // Different size, same mtime as recorded: rejected too.
    survives("stale-size", "stale", |cache| {
        let dir = project_dir_of(cache);
        let src = dir.join("mod.py");
        let mtime = std::fs::metadata(&src).unwrap().modified().unwrap();
        std::fs::write(&src, format!("{MODULE}# a comment that changes the size\n")).unwrap();
        std::fs::OpenOptions::new().write(true).open(&src).unwrap().set_modified(mtime).unwrap();
    });
}

fn project_dir_of(cache: &Path) -> PathBuf {
    cache.parent().and_then(Path::parent).unwrap().to_path_buf()
}

#[test]
fn truncated_cache_is_ignored() {
    for keep in [0usize, 10, 36, 50] {
        survives(&format!("trunc{keep}"), "", |f| {
            let data = std::fs::read(f).unwrap();
            std::fs::write(f, &data[..keep.min(data.len() - 1)]).unwrap();
        });
    }
}

#[test]
fn corruption_anywhere_is_caught() {
    let len = {
        let p = Project::new("corrupt-len");
        p.run();
        std::fs::read(p.cache_file()).unwrap().len()
    };
    // Flip one bit at a spread of offsets past the header: the checksum must catch each.
    for at in (36..len).step_by((len / 12).max(1)).chain([len - 1]) {
        survives(&format!("corrupt{at}"), "checksum mismatch", |f| {
            let mut data = std::fs::read(f).unwrap();
            data[at] ^= 0x10;
            std::fs::write(f, data).unwrap();
        });
    }
    // A damaged checksum field itself.
    survives("corrupt-sum", "checksum mismatch", |f| {
        let mut data = std::fs::read(f).unwrap();
        data[30] ^= 1;
        std::fs::write(f, data).unwrap();
    });
    survives("corrupt-magic", "bad magic", |f| {
        let mut data = std::fs::read(f).unwrap();
        data[0] = b'X';
        std::fs::write(f, data).unwrap();
    });
    survives("garbage", "", |f| std::fs::write(f, vec![0xAB; 4096]).unwrap());
}

#[test]
fn cache_from_another_bytecode_version_is_ignored() {
    survives("version", "another Kaa bytecode version", |f| {
        let mut data = std::fs::read(f).unwrap();
        data[4] = data[4].wrapping_add(1);
        std::fs::write(f, data).unwrap();
    });
}

#[test]
fn dash_b_and_pythondontwritebytecode_prevent_writing() {
    let p = Project::new("no-write");
    p.run_with(&mut p.command(&["-B"]));
    assert!(!p.cache_file().exists(), "-B wrote a cache");
    p.run_with(p.command(&[]).env("PYTHONDONTWRITEBYTECODE", "1"));
    assert!(!p.cache_file().exists(), "PYTHONDONTWRITEBYTECODE wrote a cache");
    // Reading an existing cache is still allowed, as in CPython.
    p.run();
    let report = p.run_with(&mut p.command(&["-B"]));
    assert!(report.contains("# kaa: cached"), "{report}");
}

#[test]
fn pycache_prefix_mirrors_the_source_tree() {
    let p = Project::new("prefix");
    let prefix = scratch_dir("cache-prefix-root");
    let report = p.run_with(p.command(&[]).env("PYTHONPYCACHEPREFIX", &prefix));
    let mirrored = prefix.join(p.dir.strip_prefix("/").unwrap()).join("mod.kaa-311.pyc");
    assert!(mirrored.exists(), "expected {} ({report})", mirrored.display());
    assert!(!p.cache_file().exists(), "no __pycache__ beside the source with a prefix");
    let report = p.run_with(p.command(&[]).env("PYTHONPYCACHEPREFIX", &prefix));
    assert!(report.contains("# kaa: cached"), "{report}");
    let script = "import sys, importlib.util\nprint(sys.pycache_prefix == PREFIX)\n\
                  print(importlib.util.cache_from_source('/a/b.py') == PREFIX + '/a/b.kaa-311.pyc')\n";
    std::fs::write(p.dir.join("check.py"), format!("PREFIX = {:?}\n{script}", prefix.to_string_lossy()))
        .unwrap();
    let (out, _) = run_with_limit(
        Command::new(common::kaa_bin())
            .arg("check.py")
            .current_dir(&p.dir)
            .env("PYTHONPYCACHEPREFIX", &prefix),
        Duration::from_secs(20),
    )
    .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "True\nTrue\n");
    let _ = std::fs::remove_dir_all(&prefix);
}

#[test]
fn unwritable_directory_means_no_cache_and_no_error() {
    let p = Project::new("readonly");
    // A file where the __pycache__ directory would go: creating it fails for any user.
    std::fs::write(p.dir.join("__pycache__"), "not a directory").unwrap();
    let report = p.run();
    assert!(report.contains("could not write"), "{report}");
    let report = p.run();
    assert!(report.contains("compiled"), "{report}");
}

#[test]
fn concurrent_runs_never_read_a_half_written_file() {
    // A module big enough that writing its cache takes a moment.
    let p = Project::new("concurrent");
    let mut big = String::from(MODULE);
    for i in 0..3000 {
        big.push_str(&format!("def g{i}(a, b=[{i}, '{i}']):\n    return a + b[0] * {i}\n"));
    }
    std::fs::write(p.dir.join("mod.py"), &big).unwrap();
    for round in 0..3 {
        if round > 0 {
            // Invalidate so every round races on writing again.
            std::thread::sleep(Duration::from_millis(20));
            std::fs::write(p.dir.join("mod.py"), format!("{big}# round {round}\n")).unwrap();
        }
        let children: Vec<_> = (0..8)
            .map(|_| {
                p.command(&[])
                    .env_remove("KAA_DEBUG_IMPORT")
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("spawn kaa")
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            check_ok(&out);
            assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
        }
    }
    let report = p.run();
    assert!(report.contains("# kaa: cached"), "{report}");
    // No temporary files are left behind.
    let leftovers: Vec<_> = std::fs::read_dir(p.dir.join("__pycache__"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "mod.kaa-311.pyc")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn compile_fills_the_cache_and_reports_syntax_errors() {
    let p = Project::new("compile");
    std::fs::create_dir_all(p.dir.join("pkg/sub")).unwrap();
    std::fs::write(p.dir.join("pkg/__init__.py"), "").unwrap();
    std::fs::write(p.dir.join("pkg/sub/deep.py"), "X = 1\n").unwrap();
    let (out, _) = run_with_limit(
        Command::new(common::kaa_bin()).args(["--compile", "."]).current_dir(&p.dir),
        Duration::from_secs(60),
    )
    .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    for f in [
        "__pycache__/mod.kaa-311.pyc",
        "__pycache__/main.kaa-311.pyc",
        "pkg/__pycache__/__init__.kaa-311.pyc",
        "pkg/sub/__pycache__/deep.kaa-311.pyc",
    ] {
        assert!(p.dir.join(f).exists(), "{f} missing");
    }
    let report = p.run();
    assert!(report.contains("# kaa: cached") && !report.contains("compiled"), "{report}");

    std::fs::write(p.dir.join("pkg/bad.py"), "x = = 1\n").unwrap();
    let (out, _) = run_with_limit(
        Command::new(common::kaa_bin()).args(["--compile", "pkg"]).current_dir(&p.dir),
        Duration::from_secs(60),
    )
    .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("*** Error compiling 'pkg/bad.py'..."), "{text}");
    assert!(text.contains("SyntaxError: invalid syntax"), "{text}");

    // Like compileall, a named file that is not `.py` is passed over without a word.
    std::fs::remove_file(p.dir.join("pkg/bad.py")).unwrap();
    std::fs::write(p.dir.join("notes.txt"), "not python at all\n").unwrap();
    let (out, _) = run_with_limit(
        Command::new(common::kaa_bin()).args(["--compile", "notes.txt", "mod.py"]).current_dir(&p.dir),
        Duration::from_secs(60),
    )
    .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{out:?}");
}

#[test]
fn crafted_cache_with_a_valid_checksum_but_bad_operands_is_refused() {
    use kaa_bytecode::{cache_file, marshal, Instr, Opcode};
    // An operand out of range for each kind of table the interpreter indexes.
    let breakers: [fn(Opcode, u32) -> Option<u32>; 4] = [
        |op, _| matches!(op, Opcode::LoadName | Opcode::StoreName | Opcode::ImportName).then_some(60_000),
        |op, _| (op == Opcode::LoadConst).then_some(60_000),
        |op, _| (op == Opcode::LoadGlobal).then_some(60_000 << 1),
        |op, _| op.is_jump().then_some(Instr::MAX_ARG),
    ];
    let mut applied = 0;
    for (n, breaker) in breakers.iter().enumerate() {
        let p = Project::new(&format!("crafted{n}"));
        std::fs::write(
            p.dir.join("mod.py"),
            format!("import sys\nif len(sys.argv) > 0:\n    BIG = True\n{MODULE}"),
        )
        .unwrap();
        p.run();
        let file = std::fs::read(p.cache_file()).unwrap();
        let mut code =
            marshal::load_code(&file[cache_file::HEADER_LEN..]).expect("Kaa's own cache reads back");
        let mut changed = false;
        for ins in code.instructions.iter_mut() {
            if let Some(arg) = breaker(ins.op(), ins.arg()) {
                *ins = Instr::new(ins.op(), arg);
                changed = true;
                break;
            }
        }
        if !changed {
            continue; // module-level code has no LOAD_GLOBAL
        }
        applied += 1;
        let stamp = |at: usize| u64::from_le_bytes(file[at..at + 8].try_into().unwrap());
        std::fs::write(p.cache_file(), cache_file::encode(&code, stamp(12), stamp(20))).unwrap();
        let report = p.run();
        assert!(report.contains("malformed code object"), "breaker {n}: {report}");
    }
    assert_eq!(applied, 3, "the module must exercise names, constants and jumps");
}
