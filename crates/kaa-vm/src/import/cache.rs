//! The bytecode cache: `__pycache__/NAME.kaa-311.pyc` beside each imported `NAME.py` (or under
//! `PYTHONPYCACHEPREFIX`). A cache file is used only when its header matches the source's
//! current mtime and size, its bytecode version is this build's and its checksum is right;
//! anything else is ignored and rewritten. Writes go to a temporary file that is renamed over
//! the cache file, so a concurrent reader sees the old file or the new one, never half of one.

use super::ImportConfig;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use kaa_bytecode::cache_file::{self, CACHE_TAG};
use kaa_bytecode::CodeObject;
use kaa_compiler::codegen::CompileError;
use kaa_syntax::parser::{self, Mode, ParseOptions};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Where the cache file for `source` lives (`importlib.util.cache_from_source`).
pub fn cache_path(config: &ImportConfig, source: &Path) -> PathBuf {
    match config.optimize {
        0 => cache_path_tagged(config, source, ""),
        level => cache_path_tagged(config, source, &level.to_string()),
    }
}

/// [`cache_path`] for an optimization tag (`""`, or `1` for `NAME.kaa-311.opt-1.pyc`).
pub fn cache_path_tagged(config: &ImportConfig, source: &Path, optimization: &str) -> PathBuf {
    let dir = source.parent().unwrap_or(Path::new(""));
    let file = source.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = file.strip_suffix(".py").unwrap_or(&file);
    let name = match optimization {
        "" => format!("{stem}.{CACHE_TAG}.pyc"),
        tag => format!("{stem}.{CACHE_TAG}.opt-{tag}.pyc"),
    };
    match &config.pycache_prefix {
        Some(prefix) => {
            let abs = super::stdlib::absolute(dir);
            let rel = abs.to_string_lossy();
            prefix.join(rel.trim_start_matches('/')).join(name)
        }
        None => dir.join("__pycache__").join(name),
    }
}

/// `importlib.util.source_from_cache`: the source file a cache file was written for.
pub fn source_from_cache(config: &ImportConfig, cache: &str) -> Result<String, String> {
    let path = Path::new(cache);
    let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    let Some(mut stem) = file.strip_suffix(".pyc") else {
        return Err(format!("expected only 2 or 3 dots in {file:?}"));
    };
    // `NAME.kaa-311.opt-1.pyc`: the optimization level is not part of the source's name.
    if let Some((rest, level)) = stem.rsplit_once(".opt-") {
        if !level.is_empty() && level.bytes().all(|b| b.is_ascii_alphanumeric()) {
            stem = rest;
        }
    }
    let Some(base) = stem.strip_suffix(&format!(".{CACHE_TAG}")) else {
        return Err(format!("{file:?} is not a {CACHE_TAG} cache file"));
    };
    let dir = path.parent().unwrap_or(Path::new(""));
    let source_dir = match &config.pycache_prefix {
        Some(prefix) if dir.starts_with(prefix) => {
            let rest = dir.strip_prefix(prefix).unwrap_or(dir);
            Path::new("/").join(rest)
        }
        _ => {
            if dir.file_name().is_none_or(|d| d != "__pycache__") {
                return Err(format!("__pycache__ not bottom-level directory in {cache:?}"));
            }
            dir.parent().unwrap_or(Path::new("")).to_path_buf()
        }
    };
    Ok(source_dir.join(format!("{base}.py")).to_string_lossy().into_owned())
}

/// A source file's mtime (nanoseconds) and size, which its cache file must record.
fn source_stamp(meta: &std::fs::Metadata) -> (u64, u64) {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64);
    (mtime, meta.len())
}

/// Why compiling a file failed, without a VM to make an exception.
pub enum CompileFailure {
    Syntax(kaa_syntax::SyntaxError, String),
    Unsupported(String, u32),
}

/// Decodes, parses and compiles one source file's bytes.
pub fn compile_bytes(bytes: &[u8], filename: &str, optimize: u32) -> Result<CodeObject, CompileFailure> {
    let src =
        kaa_syntax::source::decode(bytes, filename).map_err(|e| CompileFailure::Syntax(e, String::new()))?;
    let tree = parser::parse_source(&src, ParseOptions { mode: Mode::Exec, type_comments: false })
        .map_err(|e| CompileFailure::Syntax(e, src.text.clone()))?;
    match kaa_compiler::compile_module_with_options(&tree, filename, optimize) {
        Ok((code, _)) => Ok(Rc::try_unwrap(code).unwrap_or_else(|rc| (*rc).clone())),
        Err(CompileError::Syntax(e)) => Err(CompileFailure::Syntax(e, src.text.clone())),
        Err(CompileError::Unsupported { what, lineno }) => Err(CompileFailure::Unsupported(what, lineno)),
    }
}

fn failure_to_exception(vm: &Vm, failure: CompileFailure, filename: &str) -> PyErr {
    match failure {
        CompileFailure::Syntax(e, text) => crate::builtins::code::syntax_error(vm, e, filename, &text),
        CompileFailure::Unsupported(what, _) => {
            PyErr::new(ExcKind::SystemError, format!("Kaa cannot compile {what} yet"))
        }
    }
}

/// Compiles source text (a frozen module's) into a code object.
pub fn compile_text(vm: &Vm, text: &str, filename: &str) -> PyResult<Rc<CodeObject>> {
    compile_bytes(text.as_bytes(), filename, vm.config.flags.optimize)
        .map(Rc::new)
        .map_err(|f| failure_to_exception(vm, f, filename))
}

/// The code of the module at `path`: from its cache file when that is valid, else compiled
/// (and the cache file written, unless writing bytecode is off).
pub fn get_code(vm: &mut Vm, path: &str) -> PyResult<Rc<CodeObject>> {
    let config = vm.import_settings();
    let meta = std::fs::metadata(path).map_err(|e| {
        PyErr::new(
            ExcKind::FileNotFoundError,
            format!("[Errno {}] {}: '{path}'", e.raw_os_error().unwrap_or(2), e.kind()),
        )
    })?;
    let (mtime, size) = source_stamp(&meta);
    let cpath = cache_path(&config, Path::new(path));
    if let Ok(bytes) = std::fs::read(&cpath) {
        match cache_file::decode(&bytes, mtime, size) {
            Ok(mut code) => {
                if config.verbose {
                    eprintln!("# kaa: cached {} for {path}", cpath.display());
                }
                if code.filename != path {
                    // Compiled under another name for the same file (`kaa --compile` of a
                    // relative path): tracebacks must name the file as imported.
                    retarget_filename(&mut code, path);
                }
                return Ok(Rc::new(code));
            }
            Err(why) => {
                if config.verbose {
                    eprintln!("# kaa: rejected {}: {}", cpath.display(), why.describe());
                }
            }
        }
    }
    let bytes = std::fs::read(path).map_err(|e| {
        PyErr::new(ExcKind::OSError, format!("[Errno {}] {e}: '{path}'", e.raw_os_error().unwrap_or(0)))
    })?;
    let code = compile_bytes(&bytes, path, config.optimize).map_err(|f| failure_to_exception(vm, f, path))?;
    if config.verbose {
        eprintln!("# kaa: compiled {path}");
    }
    if config.write_bytecode {
        match write_atomic(&cpath, &cache_file::encode(&code, mtime, size)) {
            Ok(()) if config.verbose => eprintln!("# kaa: wrote {}", cpath.display()),
            Err(e) if config.verbose => eprintln!("# kaa: could not write {}: {e}", cpath.display()),
            _ => {}
        }
    }
    Ok(Rc::new(code))
}

fn retarget_filename(code: &mut CodeObject, path: &str) {
    code.filename = path.to_string();
    for k in &mut code.consts {
        if let kaa_bytecode::ConstValue::Code(inner) = k {
            retarget_filename(Rc::make_mut(inner), path);
        }
    }
}

/// Writes `data` to a temporary file beside `path` and renames it into place.
pub fn write_atomic(path: &Path, data: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))?;
    write_replacing(path, data)
}

/// [`write_atomic`] into a directory known to exist. No fsync: a cache file cut short by a crash
/// fails its checksum and is rewritten.
fn write_replacing(path: &Path, data: &[u8]) -> std::io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = path.parent().unwrap_or(Path::new("."));
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{file}.{}.{n}.tmp", std::process::id()));
    let result = std::fs::write(&tmp, data).and_then(|_| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The cache directories one `kaa --compile` run has already made (or found), so that each is
/// created once rather than once per file.
#[derive(Default)]
pub struct MadeDirs(std::sync::Mutex<std::collections::HashSet<PathBuf>>);

impl MadeDirs {
    fn ensure(&self, dir: &Path) -> std::io::Result<()> {
        let mut made = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if !made.contains(dir) {
            std::fs::create_dir_all(dir)?;
            made.insert(dir.to_path_buf());
        }
        Ok(())
    }
}

/// Compiles `source` into its cache file (for `kaa --compile`); the error text on failure.
pub fn compile_to_cache(config: &ImportConfig, source: &Path, dirs: &MadeDirs) -> Result<(), CompileFailure> {
    use std::io::Read;
    let path = source.to_string_lossy();
    let io_failure = |e: std::io::Error| CompileFailure::Unsupported(format!("{e}"), 0);
    // One open, one fstat, one read: the stamp comes from the file that is read.
    let mut file = std::fs::File::open(source).map_err(io_failure)?;
    let meta = file.metadata().map_err(io_failure)?;
    let (mtime, size) = source_stamp(&meta);
    let mut bytes = Vec::with_capacity(size as usize + 1);
    file.read_to_end(&mut bytes).map_err(io_failure)?;
    drop(file);
    let code = compile_bytes(&bytes, &path, config.optimize)?;
    let target = cache_path(config, source);
    let dir = target.parent().unwrap_or(Path::new("."));
    if dirs.ensure(dir).is_ok() {
        let _ = write_replacing(&target, &cache_file::encode(&code, mtime, size));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::compile_bytes;
    use kaa_bytecode::cache_file;
    use std::path::{Path, PathBuf};

    fn python_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                python_files(&p, out);
            } else if p.extension().is_some_and(|x| x == "py") {
                out.push(p);
            }
        }
    }

    /// Every code object the compiler makes for the differential and import test programs reads
    /// back from its cache file equal to what was written (and passes the operand checks).
    #[test]
    fn cache_files_round_trip_every_test_program() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests");
        let mut files = Vec::new();
        python_files(&root.join("programs"), &mut files);
        python_files(&root.join("imports"), &mut files);
        // KAA_ROUNDTRIP_DIR=/usr/lib/python3.11 checks a whole standard library too.
        if let Some(extra) = std::env::var_os("KAA_ROUNDTRIP_DIR") {
            python_files(Path::new(&extra), &mut files);
        }
        assert!(files.len() > 100, "found only {} test programs", files.len());
        let mut checked = 0;
        for f in &files {
            let Ok(bytes) = std::fs::read(f) else { continue };
            let Ok(code) = compile_bytes(&bytes, &f.to_string_lossy(), 0) else { continue };
            let file = cache_file::encode(&code, 7, 11);
            let back =
                cache_file::decode(&file, 7, 11).unwrap_or_else(|why| panic!("{}: {why:?}", f.display()));
            assert!(back == code, "{} does not round-trip", f.display());
            assert_eq!(cache_file::decode(&file, 8, 11).err(), Some(cache_file::Rejection::Stale));
            checked += 1;
        }
        assert!(checked > 100, "only {checked} programs compiled");
    }
}
