//! The VM fuzzer's engine: generates programs (mutated test programs and random compositions of
//! statement templates), runs each through `kaa` (compile and execute) in a child process with a
//! step limit (`KAA_STEP_LIMIT`, so loops always end) and a wall-clock limit, and classifies
//! what went wrong. A Python exception is a normal outcome; a panic, an abort, a stack overflow,
//! a death by signal or a hang is a finding.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// xorshift64*: deterministic per seed, so a finding replays from (seed, iteration).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64, iteration: u64) -> Rng {
        let mut r =
            Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ iteration.wrapping_mul(0xD1B5_4A32_D192_ED03) | 1);
        for _ in 0..4 {
            r.next();
        }
        r
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Every `.py` under tests/programs and bench/vm: the material mutations start from.
pub fn load_seeds(repo: &Path) -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else { return };
        let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "py") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(&repo.join("tests/programs"), &mut files);
    walk(&repo.join("bench/vm"), &mut files);
    files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

/// Statement templates for random programs; `N` becomes a small number, `K` a name suffix.
const TEMPLATES: &[&str] = &[
    "x = [N, N + 1]\nx.append(x)",
    "d = {}\nd['self'] = d\nd[N] = [d]",
    "class KK:\n    def __init__(self):\n        self.me = self\n    def __del__(self):\n        print('del KK')\nKK()",
    "class KK:\n    def __del__(self):\n        raise ValueError(N)\no = KK()\no = None",
    "import gc\nprint(gc.collect())",
    "import gc\ngc.set_threshold(N)\n",
    "import gc\ngc.disable()\ngc.enable()",
    "import weakref\nclass KK: pass\nk = KK()\nr = weakref.ref(k, lambda w: print('cb'))\ndel k\nprint(r())",
    "import weakref\nclass KK: pass\nwv = weakref.WeakValueDictionary()\nfor i in range(N):\n    wv[i] = KK()\nprint(len(wv))",
    "import weakref\nclass KK: pass\np = weakref.proxy(KK())\ntry:\n    p.a\nexcept ReferenceError as e:\n    print(e)",
    "def gK():\n    while True:\n        yield gK\ng = gK()\nnext(g)\ng.gen = g",
    "def fK(n):\n    return n if n < 2 else fK(n - 1) + fK(n - 2)\nprint(fK(N % 15))",
    "def fK():\n    def inner():\n        return inner\n    return inner\nfK()",
    "try:\n    raise KeyError(N)\nexcept KeyError as e:\n    e.e = e",
    "l = [[]] * N\nl[0].append(l)\nprint(len(l))",
    "s = 'ab' * N\nprint(s[N:N*2], s.upper()[:3])",
    "t = (N, [N])\nt[1].append(t)",
    "class AK:\n    pass\nclass BK(AK):\n    def m(self):\n        return super().m if hasattr(super(), 'm') else N\nprint(BK().m())",
    "print(sorted({N, N * 2, -N}), list(range(N))[-1:])",
    "x = N\nwhile x > 0:\n    x -= 1\nprint(x)",
    "for i in range(N):\n    if i % 3 == 0:\n        continue\n    print(i, end=' ')\nprint()",
    "print(divmod(N, 7), N ** 3, N / 3, N // -2, N % -5)",
    "with open(__file__) as fh:\n    print(len(fh.readline()) > 0)",
    "print([i * i for i in range(N) if i & 1], {i: i for i in range(3)})",
    "a, *b = range(N + 1)\nprint(a, b[:2])",
    "match [N, 2]:\n    case [x, y]:\n        print(x + y)\n    case _:\n        pass",
    "import sys\nsys.setrecursionlimit(N + 50)\nprint(sys.getrecursionlimit())",
    "def rK(n):\n    return rK(n + 1)\ntry:\n    rK(0)\nexcept RecursionError:\n    print('deep')",
    "async def cK():\n    return N\ntry:\n    cK().send(None)\nexcept StopIteration as e:\n    print(e.value)",
    "print(eval('N + 1'), exec('z = N'))",
    "print(str(N).zfill(8), format(N, 'x'), f'{N:>6}')",
    "x = [N]\nx *= 3\ndel x[1:]\nprint(x)",
    "class PK:\n    @property\n    def p(self):\n        return self\no = PK()\no.keep = o.p",
    "import gc\nclass KK:\n    def __del__(self):\n        self.again = self\n        print('resurrect')\na = KK(); b = KK(); a.b = b; b.a = a\ndel a, b\nprint(gc.collect())",
];

const NUMBERS: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "7",
    "-1",
    "255",
    "256",
    "2**63",
    "2**64 - 1",
    "10**20",
    "1e308",
    "0.5",
    "-0.0",
    "True",
    "None",
    "()",
    "''",
    "[]",
];
const PUNCT: &[u8] = b"+-*/%<>=()[]{}:,.@&|^~";

fn fill(template: &str, rng: &mut Rng, k: usize) -> String {
    let mut out = template
        .replace("KK", &format!("K{k}"))
        .replace("fK", &format!("f{k}"))
        .replace("gK", &format!("g{k}"));
    out = out.replace("rK", &format!("r{k}")).replace("cK", &format!("c{k}")).replace("AK", &format!("A{k}"));
    out = out.replace("BK", &format!("B{k}")).replace("PK", &format!("P{k}"));
    while let Some(i) = out.find('N') {
        // Only whole-word N placeholders (templates use no other capital N).
        let n = [1, 2, 3, 5, 8, 13, 40, 100][rng.below(8)];
        out.replace_range(i..i + 1, &n.to_string());
    }
    out
}

fn indent(block: &str, prefix: &str) -> String {
    block.lines().map(|l| format!("{prefix}{l}\n")).collect()
}

/// A random program: templates, some wrapped in functions, loops, try blocks or classes.
pub fn random_program(rng: &mut Rng) -> String {
    let mut out = String::new();
    for k in 0..1 + rng.below(12) {
        let template = *rng.pick(TEMPLATES);
        let body = fill(template, rng, k);
        let wrapped = match rng.below(6) {
            0 => format!("def w{k}():\n{}\nw{k}()\n", indent(&body, "    ")),
            1 => format!("for _i{k} in range({}):\n{}", 1 + rng.below(3), indent(&body, "    ")),
            2 => format!(
                "try:\n{}except Exception as exc:\n    print(type(exc).__name__)\n",
                indent(&body, "    ")
            ),
            3 => format!("class W{k}:\n{}", indent(&body, "    ")),
            _ => format!("{body}\n"),
        };
        out.push_str(&wrapped);
    }
    out
}

/// A mutation of `src`: lines deleted, duplicated, swapped or spliced in, numbers and operators
/// replaced, templates inserted.
pub fn mutate(src: &str, other: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = src.lines().map(str::to_string).collect();
    let others: Vec<&str> = other.lines().collect();
    for _ in 0..1 + rng.below(4) {
        if lines.is_empty() {
            lines.push("pass".into());
        }
        let i = rng.below(lines.len());
        match rng.below(8) {
            0 => {
                lines.remove(i);
            }
            1 => {
                let l = lines[i].clone();
                lines.insert(i, l);
            }
            2 if i + 1 < lines.len() => lines.swap(i, i + 1),
            3 if !others.is_empty() => {
                let l = rng.pick(&others).to_string();
                lines.insert(i, l);
            }
            4 => {
                // Replace a number with an interesting one.
                let l = &lines[i];
                if let Some(p) = l.find(|c: char| c.is_ascii_digit()) {
                    let end = l[p..]
                        .find(|c: char| !c.is_ascii_alphanumeric() && c != '.')
                        .map_or(l.len(), |e| p + e);
                    let n = rng.pick(NUMBERS).to_string();
                    lines[i].replace_range(p..end, &n);
                }
            }
            5 => {
                // Replace one punctuation character with another.
                let bytes: Vec<usize> =
                    lines[i].bytes().enumerate().filter(|(_, b)| PUNCT.contains(b)).map(|(j, _)| j).collect();
                if !bytes.is_empty() {
                    let j = *rng.pick(&bytes);
                    let c = *rng.pick(PUNCT) as char;
                    lines[i].replace_range(j..j + 1, &c.to_string());
                }
            }
            _ => {
                let lead: String = lines[i].chars().take_while(|c| *c == ' ').collect();
                let template = *rng.pick(TEMPLATES);
                let snippet = fill(template, rng, 90 + i);
                lines.insert(i, indent(&snippet, &lead).trim_end().to_string());
            }
        }
    }
    let mut s = lines.join("\n");
    s.push('\n');
    s
}

/// The program for (seed, iteration).
pub fn generate(seeds: &[String], seed: u64, iteration: u64) -> String {
    let mut rng = Rng::new(seed, iteration);
    match rng.below(10) {
        0..=3 if !seeds.is_empty() => {
            let a = rng.pick(seeds).clone();
            let b = rng.pick(seeds).clone();
            mutate(&a, &b, &mut rng)
        }
        4 if !seeds.is_empty() => {
            // A whole program followed by random statements (run after everything it set up).
            let mut a = rng.pick(seeds).clone();
            a.push('\n');
            a.push_str(&random_program(&mut rng));
            a
        }
        _ => random_program(&mut rng),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Fine,
    /// Ran out of memory (Rust aborts on allocation failure): noted, not counted as a crash.
    OutOfMemory,
    Finding(&'static str, String),
}

/// Runs one program under `kaa` and judges how it ended.
pub fn run_one(kaa: &Path, file: &Path, time_limit: Duration) -> Verdict {
    use std::os::unix::process::ExitStatusExt;
    // A memory ceiling so that 10**10**9-style programs fail fast instead of swapping.
    let mut child = match Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 3000000; exec \"$0\" \"$1\"")
        .arg(kaa)
        .arg(file)
        .env("KAA_STEP_LIMIT", "300000")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => return Verdict::Finding("spawn", e.to_string()),
    };
    let mut err = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut err, &mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if start.elapsed() > time_limit => {
                let _ = child.kill();
                let _ = child.wait();
                let _ = reader.join();
                return Verdict::Finding("hang", format!("still running after {time_limit:?}"));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => return Verdict::Finding("wait", e.to_string()),
        }
    };
    let stderr = String::from_utf8_lossy(&reader.join().unwrap_or_default()).to_string();
    let tail: String =
        stderr.lines().rev().take(6).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join("\n");
    if stderr.contains("memory allocation of") || stderr.contains("MemoryError") {
        return Verdict::OutOfMemory;
    }
    if stderr.contains("has overflowed its stack") {
        return Verdict::Finding("stack-overflow", tail);
    }
    if stderr.contains("panicked at") {
        return Verdict::Finding("panic", tail);
    }
    if let Some(sig) = status.signal() {
        return Verdict::Finding("signal", format!("killed by signal {sig}\n{tail}"));
    }
    match status.code() {
        Some(0..=2) | Some(125) | Some(130) => Verdict::Fine,
        Some(c) => {
            // sys.exit(n) in a mutated program is fine; Rust's own exit codes are not.
            if c == 101 || c == 134 {
                Verdict::Finding("abort", format!("exit status {c}\n{tail}"))
            } else {
                Verdict::Fine
            }
        }
        None => Verdict::Finding("signal", tail),
    }
}

pub struct Report {
    pub inputs: u64,
    pub out_of_memory: u64,
    pub findings: Vec<(u64, &'static str, String)>,
}

/// Fuzzes for `seconds` with `workers` child processes at a time; findings are saved in
/// `out_dir` as KIND-seedS-ITER.py.
pub fn fuzz(
    kaa: &Path,
    seeds: &[String],
    seed: u64,
    seconds: u64,
    workers: usize,
    out_dir: &Path,
    log: &mut dyn std::io::Write,
) -> Report {
    let _ = std::fs::create_dir_all(out_dir);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let report = std::sync::Mutex::new(Report { inputs: 0, out_of_memory: 0, findings: Vec::new() });
    let next = std::sync::atomic::AtomicU64::new(0);
    let logged = std::sync::Mutex::new(Vec::<String>::new());
    std::thread::scope(|scope| {
        for w in 0..workers.max(1) {
            let (report, next, logged) = (&report, &next, &logged);
            scope.spawn(move || {
                let file = out_dir.join(format!("current-{}-{w}.py", std::process::id()));
                while Instant::now() < deadline {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let program = generate(seeds, seed, i);
                    if std::fs::write(&file, &program).is_err() {
                        break;
                    }
                    let verdict = run_one(kaa, &file, Duration::from_secs(20));
                    let mut r = report.lock().unwrap();
                    r.inputs += 1;
                    match verdict {
                        Verdict::Fine => {}
                        Verdict::OutOfMemory => r.out_of_memory += 1,
                        Verdict::Finding(kind, detail) => {
                            let _ =
                                std::fs::write(out_dir.join(format!("{kind}-seed{seed}-{i}.py")), &program);
                            logged.lock().unwrap().push(format!("{kind} input {i}: {detail}"));
                            r.findings.push((i, kind, detail));
                        }
                    }
                }
                let _ = std::fs::remove_file(&file);
            });
        }
    });
    for line in logged.into_inner().unwrap() {
        let _ = writeln!(log, "{line}");
    }
    report.into_inner().unwrap()
}
