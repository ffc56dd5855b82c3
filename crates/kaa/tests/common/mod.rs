//! Helpers shared by the `kaa` integration tests: paths, running the binary, finding CPython 3.11,
//! and a small JSON reader for the recorded expectations (the tests need no extra crates).

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The repository root (absolute, canonical).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repo root")
}

pub fn kaa_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_kaa"))
}

/// Runs `kaa ARGS...` with a time limit; `None` if it had to be killed.
pub fn run_kaa(args: &[&str], limit: Duration) -> Option<(Output, Duration)> {
    run_with_limit(Command::new(kaa_bin()).args(args), limit)
}

pub fn run_with_limit(cmd: &mut Command, limit: Duration) -> Option<(Output, Duration)> {
    let start = Instant::now();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot start the command");
    // Drain the pipes on threads so a chatty child cannot block on a full pipe.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut out, &mut v);
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut err, &mut v);
        v
    });
    loop {
        match child.try_wait().expect("wait") {
            Some(status) => {
                let elapsed = start.elapsed();
                let stdout = t_out.join().unwrap();
                let stderr = t_err.join().unwrap();
                return Some((Output { status, stdout, stderr }, elapsed));
            }
            None if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    }
}

/// The `python3` on PATH, which must be CPython 3.11: the tests compare against it. Panics with a
/// clear message otherwise (a missing reference is a failure, never a silent pass).
pub fn python311() -> String {
    let py = std::env::var("KAA_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let out = Command::new(&py)
        .args(["-c", "import sys, platform; print(platform.python_implementation(), sys.version.split()[0])"])
        .output();
    match out {
        Ok(o) if o.status.success() => {
            let s = String::from_utf8_lossy(&o.stdout).trim().to_string();
            if !s.starts_with("CPython 3.11.") {
                panic!("these tests compare Kaa with CPython 3.11, but `{py}` is {s}; install CPython 3.11 as python3 (or set KAA_TEST_PYTHON)");
            }
            py
        }
        _ => panic!("these tests compare Kaa with CPython 3.11, but `{py}` cannot be run; install CPython 3.11 as python3 (or set KAA_TEST_PYTHON)"),
    }
}

/// True if stderr shows a Rust panic or abort rather than a clean error.
pub fn looks_like_crash(out: &Output) -> bool {
    let err = String::from_utf8_lossy(&out.stderr);
    err.contains("panicked") || err.contains("stack overflow") || err.contains("RUST_BACKTRACE") || {
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            out.status.signal().is_some()
        }
        #[cfg(not(unix))]
        {
            false
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A small JSON reader: enough for the files our scripts write (json.dump output).

#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(BTreeMap<String, Json>),
}

impl Json {
    pub fn get(&self, key: &str) -> &Json {
        match self {
            Json::Obj(m) => m.get(key).unwrap_or(&Json::Null),
            _ => &Json::Null,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Json::Num(n) => Some(*n as i64),
            _ => None,
        }
    }
    pub fn as_obj(&self) -> Option<&BTreeMap<String, Json>> {
        match self {
            Json::Obj(m) => Some(m),
            _ => None,
        }
    }
}

pub fn parse_json(text: &str) -> Json {
    let mut p = JsonParser { s: text.as_bytes(), i: 0 };
    let v = p.value();
    p.ws();
    assert_eq!(p.i, p.s.len(), "trailing data in JSON");
    v
}

struct JsonParser<'a> {
    s: &'a [u8],
    i: usize,
}

impl JsonParser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\n' | b'\r' | b'\t') {
            self.i += 1;
        }
    }
    fn eat(&mut self, lit: &str) -> bool {
        if self.s[self.i..].starts_with(lit.as_bytes()) {
            self.i += lit.len();
            true
        } else {
            false
        }
    }
    fn value(&mut self) -> Json {
        self.ws();
        let c = self.s[self.i];
        if self.eat("null") {
            return Json::Null;
        } else if self.eat("true") {
            return Json::Bool(true);
        } else if self.eat("false") {
            return Json::Bool(false);
        }
        match c {
            b'{' => {
                self.i += 1;
                let mut m = BTreeMap::new();
                self.ws();
                if self.eat("}") {
                    return Json::Obj(m);
                }
                loop {
                    self.ws();
                    let Json::Str(k) = self.value() else { panic!("JSON key") };
                    self.ws();
                    assert!(self.eat(":"), "JSON ':' expected at {}", self.i);
                    let v = self.value();
                    m.insert(k, v);
                    self.ws();
                    if self.eat("}") {
                        return Json::Obj(m);
                    }
                    assert!(self.eat(","), "JSON ',' expected at {}", self.i);
                }
            }
            b'[' => {
                self.i += 1;
                let mut a = Vec::new();
                self.ws();
                if self.eat("]") {
                    return Json::Arr(a);
                }
                loop {
                    a.push(self.value());
                    self.ws();
                    if self.eat("]") {
                        return Json::Arr(a);
                    }
                    assert!(self.eat(","), "JSON ',' expected at {}", self.i);
                }
            }
            b'"' => Json::Str(self.string()),
            _ => {
                let start = self.i;
                while self.i < self.s.len()
                    && matches!(self.s[self.i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    self.i += 1;
                }
                let t = std::str::from_utf8(&self.s[start..self.i]).unwrap();
                Json::Num(t.parse().unwrap_or_else(|_| panic!("bad JSON number {t:?}")))
            }
        }
    }
    fn hex4(&mut self) -> u32 {
        let t = std::str::from_utf8(&self.s[self.i..self.i + 4]).unwrap();
        self.i += 4;
        u32::from_str_radix(t, 16).expect("JSON \\u escape")
    }
    fn string(&mut self) -> String {
        self.i += 1;
        let mut out = String::new();
        loop {
            let c = self.s[self.i];
            match c {
                b'"' => {
                    self.i += 1;
                    return out;
                }
                b'\\' => {
                    let e = self.s[self.i + 1];
                    self.i += 2;
                    match e {
                        b'n' => out.push('\n'),
                        b't' => out.push('\t'),
                        b'r' => out.push('\r'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'/' => out.push('/'),
                        b'\\' => out.push('\\'),
                        b'"' => out.push('"'),
                        b'u' => {
                            let hi = self.hex4();
                            let cp = if (0xD800..0xDC00).contains(&hi) && self.s[self.i..].starts_with(b"\\u")
                            {
                                self.i += 2;
                                let lo = self.hex4();
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                        }
                        _ => panic!("bad JSON escape"),
                    }
                }
                _ => {
                    // Copy one UTF-8 sequence.
                    let len = match c {
                        0..=0x7F => 1,
                        0xC0..=0xDF => 2,
                        0xE0..=0xEF => 3,
                        _ => 4,
                    };
                    out.push_str(std::str::from_utf8(&self.s[self.i..self.i + len]).unwrap());
                    self.i += len;
                }
            }
        }
    }
}

/// What a run with streamed (not kept) stdout gave: its size, head and tail.
pub struct Streamed {
    pub status: std::process::ExitStatus,
    pub stdout_len: u64,
    pub head: Vec<u8>,
    pub tail: Vec<u8>,
    pub stderr: Vec<u8>,
    pub elapsed: Duration,
}

/// Runs a command whose stdout may be huge, keeping only its size, first and last bytes.
pub fn run_streaming(cmd: &mut Command, limit: Duration) -> Option<Streamed> {
    use std::io::Read;
    let start = Instant::now();
    let mut child =
        cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let (mut len, mut head, mut tail) = (0u64, Vec::new(), Vec::new());
        let mut buf = vec![0u8; 1 << 16];
        loop {
            match out.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    len += n as u64;
                    if head.len() < 256 {
                        head.extend_from_slice(&buf[..n.min(256 - head.len())]);
                    }
                    tail.extend_from_slice(&buf[..n]);
                    if tail.len() > 256 {
                        tail.drain(..tail.len() - 256);
                    }
                }
            }
        }
        (len, head, tail)
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    loop {
        match child.try_wait().expect("wait") {
            Some(status) => {
                let elapsed = start.elapsed();
                let (stdout_len, head, tail) = t_out.join().unwrap();
                let stderr = t_err.join().unwrap();
                return Some(Streamed { status, stdout_len, head, tail, stderr, elapsed });
            }
            None if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
            None => std::thread::sleep(Duration::from_millis(10)),
        }
    }
}

/// A small deterministic generator (splitmix64), so generated inputs are reproducible.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A fresh empty directory under the system temp dir, unique to this process and `tag`
/// (removed first if a previous run left it).
pub fn scratch_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kaa-test-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir.canonicalize().expect("scratch dir")
}

/// Copies the tree `from` into `to`, giving every copied file the modification time `mtime`
/// (so two copies made at different times have identical source stamps).
pub fn copy_tree(from: &Path, to: &Path, mtime: std::time::SystemTime) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let src = entry.path();
        let dst = to.join(entry.file_name());
        if src.is_dir() {
            if entry.file_name() != "__pycache__" {
                copy_tree(&src, &dst, mtime);
            }
        } else {
            std::fs::copy(&src, &dst).expect("copy file");
            let f = std::fs::OpenOptions::new().write(true).open(&dst).expect("open copy");
            f.set_modified(mtime).expect("set mtime");
        }
    }
}
