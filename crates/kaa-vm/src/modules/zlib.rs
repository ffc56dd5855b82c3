//! `zlib`: compression over `flate2` linked to the system's zlib (the library CPython links,
//! so compressed bytes match CPython's; zlib-rs and miniz produce different streams), with
//! CPython's API: one-shot `compress`/`decompress`, the streaming
//! `Compress`/`Decompress` objects, `crc32`/`adler32`, and `zlib.error` with zlib's messages.

use super::native_class::{add_class, check_arity, new_instance, no_kwargs, state, Slots};
use crate::builtins::Kwargs;
use crate::exceptions::{ExceptionObject, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::args::keywords;
use crate::objects::bytes::new_bytes;
use crate::objects::dict::DictObject;
use crate::value::Value;
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use std::rc::Rc;

const PYTHON_PART: &str = "class error(Exception):\n    pass\nerror.__module__ = 'zlib'\n";

pub fn init(vm: &mut Vm, dict: &Rc<DictObject>) {
    super::run_python_part(vm, dict, PYTHON_PART, "<frozen zlib>");
    if let Some(Value::Type(err)) = dict.get_str("error") {
        vm.native_classes.insert("zlib.error", err);
    }
    for (name, v) in [
        ("MAX_WBITS", 15),
        ("DEFLATED", 8),
        ("DEF_MEM_LEVEL", 8),
        ("DEF_BUF_SIZE", 16384),
        ("Z_NO_COMPRESSION", 0),
        ("Z_BEST_SPEED", 1),
        ("Z_BEST_COMPRESSION", 9),
        ("Z_DEFAULT_COMPRESSION", -1),
        ("Z_DEFAULT_STRATEGY", 0),
        ("Z_FILTERED", 1),
        ("Z_HUFFMAN_ONLY", 2),
        ("Z_RLE", 3),
        ("Z_FIXED", 4),
        ("Z_NO_FLUSH", 0),
        ("Z_PARTIAL_FLUSH", 1),
        ("Z_SYNC_FLUSH", 2),
        ("Z_FULL_FLUSH", 3),
        ("Z_FINISH", 4),
        ("Z_BLOCK", 5),
        ("Z_TREES", 6),
    ] {
        dict.set_str(name, Value::Int(v));
    }
    dict.set_str("ZLIB_VERSION", Value::str("1.2.13"));
    dict.set_str("ZLIB_RUNTIME_VERSION", Value::str("1.2.13"));
    super::add_functions(
        dict,
        &[
            ("compress", compress),
            ("decompress", decompress),
            ("compressobj", compressobj),
            ("decompressobj", decompressobj),
            ("crc32", crc32),
            ("adler32", adler32),
        ],
    );
    let c = add_class(
        vm,
        dict,
        "zlib",
        "Compress",
        None,
        &[("compress", stream_compress), ("flush", stream_compress_flush), ("copy", stream_compress_copy)],
    );
    vm.native_classes.insert("zlib.Compress", c);
    let d = add_class(
        vm,
        dict,
        "zlib",
        "Decompress",
        None,
        &[("decompress", stream_decompress), ("flush", stream_decompress_flush)],
    );
    for (attr, getter) in [
        (
            "unused_data",
            (|_, a, _| Ok(new_bytes(dstate(a)?.borrow().unused.clone())))
                as crate::objects::function::NativeFn,
        ),
        ("unconsumed_tail", |_, a, _| Ok(new_bytes(dstate(a)?.borrow().tail.clone()))),
        ("eof", |_, a, _| Ok(Value::Bool(dstate(a)?.borrow().eof))),
    ] {
        let fget = Value::Builtin(Rc::new(crate::objects::function::BuiltinFunction {
            name: attr,
            func: getter,
            bound_self: None,
            is_method: true,
        }));
        d.dict.set_str(
            attr,
            Value::Property(Rc::new(crate::objects::types::PropertyObject {
                fget,
                fset: Value::None,
                fdel: Value::None,
                doc: Default::default(),
            })),
        );
    }
    vm.native_classes.insert("zlib.Decompress", d);
    dict.remove_str("Compress");
    dict.remove_str("Decompress");
}

fn zlib_error(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    let msg = msg.into();
    match vm.native_classes.get("zlib.error") {
        Some(cls) => {
            let cls = cls.clone();
            PyErr::Raised(Rc::new(ExceptionObject::new(cls, vec![Value::str(&msg)])))
        }
        None => PyErr::value_error(msg),
    }
}

fn data_arg(v: &Value) -> PyResult<Vec<u8>> {
    Ok(crate::objects::bytes::buffer_arg(v)?.to_vec())
}

fn int_arg(vm: &mut Vm, v: Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        Some(v) => {
            if matches!(v, Value::Float(_)) {
                return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
            }
            crate::objects::args::cint_arg(vm, &v)
        }
        None => Ok(default),
    }
}

fn level_of(vm: &mut Vm, level: i64) -> PyResult<Compression> {
    match level {
        -1 => Ok(Compression::new(6)),
        0..=9 => Ok(Compression::new(level as u32)),
        _ => Err(zlib_error(vm, "Bad compression level")),
    }
}

/// A compressor for `wbits` (9..15 zlib, -9..-15 raw deflate, 25..31 gzip).
fn compressor(level: Compression, wbits: i64) -> PyResult<Compress> {
    match wbits {
        9..=15 => Ok(Compress::new_with_window_bits(level, true, wbits as u8)),
        -15..=-9 => Ok(Compress::new_with_window_bits(level, false, (-wbits) as u8)),
        25..=31 => Ok(Compress::new_gzip(level, (wbits - 16) as u8)),
        _ => Err(PyErr::value_error("Invalid initialization option")),
    }
}

/// A decompressor for `wbits`; `data` is looked at for the automatic header detection (40..47).
fn decompressor(vm: &mut Vm, wbits: i64, data: &[u8]) -> PyResult<Decompress> {
    let _ = &vm;
    match wbits {
        0 => Ok(Decompress::new(true)),
        8..=15 => Ok(Decompress::new_with_window_bits(true, wbits.max(9) as u8)),
        -15..=-8 => Ok(Decompress::new_with_window_bits(false, (-wbits).max(9) as u8)),
        24..=31 => Ok(Decompress::new_gzip((wbits - 16).max(9) as u8)),
        32..=47 => {
            let bits = if wbits == 32 { 15 } else { (wbits - 32).max(9) as u8 };
            if data.starts_with(&[0x1f, 0x8b]) {
                Ok(Decompress::new_gzip(bits))
            } else {
                Ok(Decompress::new_with_window_bits(true, bits))
            }
        }
        _ => Err(PyErr::value_error("Invalid initialization option")),
    }
}

/// Runs `c` over all of `input` with `flush`, collecting the output.
fn run_compress(vm: &mut Vm, c: &mut Compress, input: &[u8], flush: FlushCompress) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len() / 2 + 64);
    let mut pos = 0;
    loop {
        if out.capacity() - out.len() < 64 {
            out.reserve(out.capacity().max(1024));
        }
        let before_in = c.total_in();
        let before_out = c.total_out();
        let status = c
            .compress_vec(&input[pos..], &mut out, flush)
            .map_err(|e| zlib_error(vm, format!("Error -2 while compressing data: {e}")))?;
        pos += (c.total_in() - before_in) as usize;
        let produced = c.total_out() - before_out;
        match status {
            Status::StreamEnd => break,
            _ if pos >= input.len() && out.len() < out.capacity() && produced == 0 => break,
            _ if pos >= input.len() && matches!(flush, FlushCompress::None) && out.len() < out.capacity() => {
                break
            }
            _ => {}
        }
    }
    Ok(out)
}

fn compress(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [data, level, wbits] = keywords("compress", args, kwargs, ["data", "level", "wbits"], 3)?;
    let data =
        data.ok_or_else(|| PyErr::type_error("compress() missing required argument 'data' (pos 1)"))?;
    let data = data_arg(&data)?;
    let level = int_arg(vm, level, -1)?;
    let level = level_of(vm, level)?;
    let wbits = int_arg(vm, wbits, 15)?;
    let mut c = compressor(level, wbits)?;
    Ok(new_bytes(run_compress(vm, &mut c, &data, FlushCompress::Finish)?))
}

/// Decompresses as much of `input` as possible; returns (output, bytes consumed, stream ended).
fn run_decompress(
    vm: &mut Vm,
    d: &mut Decompress,
    input: &[u8],
    max_length: usize,
    flush: FlushDecompress,
) -> PyResult<(Vec<u8>, usize, bool)> {
    let mut out: Vec<u8> =
        Vec::with_capacity(if max_length > 0 { max_length.min(1 << 16) } else { input.len() * 3 + 64 });
    let mut pos = 0;
    loop {
        let room = if max_length > 0 { max_length - out.len() } else { usize::MAX };
        if room == 0 {
            return Ok((out, pos, false));
        }
        if out.capacity() == out.len() {
            out.reserve(out.capacity().max(1024).min(room));
        }
        let limit = out.len() + (out.capacity() - out.len()).min(room);
        let mut chunk = std::mem::take(&mut out);
        let spare = limit - chunk.len();
        let mut buf = vec![0u8; spare];
        let before_in = d.total_in();
        let before_out = d.total_out();
        let status = d.decompress(&input[pos..], &mut buf, flush).map_err(|e| {
            let msg = e.message().unwrap_or("invalid input data").to_string();
            zlib_error(vm, format!("Error -3 while decompressing data: {msg}"))
        })?;
        let consumed = (d.total_in() - before_in) as usize;
        let produced = (d.total_out() - before_out) as usize;
        pos += consumed;
        chunk.extend_from_slice(&buf[..produced]);
        out = chunk;
        match status {
            Status::StreamEnd => return Ok((out, pos, true)),
            _ if consumed == 0 && produced == 0 => return Ok((out, pos, false)),
            _ => {}
        }
    }
}

fn decompress(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [data, wbits, bufsize] = keywords("decompress", args, kwargs, ["data", "wbits", "bufsize"], 3)?;
    let data =
        data.ok_or_else(|| PyErr::type_error("decompress() missing required argument 'data' (pos 1)"))?;
    let data = data_arg(&data)?;
    let wbits = int_arg(vm, wbits, 15)?;
    let bufsize = int_arg(vm, bufsize, 16384)?;
    if bufsize < 0 {
        return Err(PyErr::value_error("bufsize must be non-negative"));
    }
    let Ok(mut d) = decompressor(vm, wbits, &data) else {
        return Err(zlib_error(vm, "Error -2 while preparing to decompress data: inconsistent stream state"));
    };
    let (out, _, ended) = run_decompress(vm, &mut d, &data, 0, FlushDecompress::Finish)?;
    if !ended {
        return Err(zlib_error(vm, "Error -5 while decompressing data: incomplete or truncated stream"));
    }
    Ok(new_bytes(out))
}

fn crc32(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("crc32", kwargs)?;
    check_arity("crc32", args.len(), 1, 2)?;
    let data = data_arg(&args[0])?;
    let start = super::binascii::crc_start(vm, args.get(1))?;
    Ok(Value::Int(super::binascii::crc32(&data, start) as i64))
}

fn adler32(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    no_kwargs("adler32", kwargs)?;
    check_arity("adler32", args.len(), 1, 2)?;
    let data = data_arg(&args[0])?;
    let start = match args.get(1) {
        Some(v) => super::binascii::crc_start(vm, Some(v))?,
        None => 1,
    };
    let (mut a, mut b) = (start & 0xffff, start >> 16);
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += x as u32;
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    Ok(Value::Int(((b << 16) | a) as i64))
}

// ---- streaming objects ----

struct CompressState {
    c: Option<Compress>,
}
impl Slots for CompressState {}

struct DecompressState {
    d: Decompress,
    unused: Vec<u8>,
    tail: Vec<u8>,
    eof: bool,
    wbits: i64,
    started: bool,
}
impl Slots for DecompressState {}

fn compressobj(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [level, method, wbits, mem_level, strategy, zdict] = keywords(
        "compressobj",
        args,
        kwargs,
        ["level", "method", "wbits", "memLevel", "strategy", "zdict"],
        6,
    )?;
    let level = int_arg(vm, level, -1)?;
    let level = level_of(vm, level)?;
    let method = int_arg(vm, method, 8)?;
    let wbits = int_arg(vm, wbits, 15)?;
    let mem_level = int_arg(vm, mem_level, 8)?;
    let _ = int_arg(vm, strategy, 0)?;
    if method != 8 || !(1..=9).contains(&mem_level) {
        return Err(PyErr::value_error("Invalid initialization option"));
    }
    if zdict.is_some() {
        return Err(PyErr::value_error("Kaa's zlib does not support zdict yet"));
    }
    let c = compressor(level, wbits)?;
    let cls = super::native_class::class_named(vm, "zlib.Compress")?;
    Ok(new_instance(vm, &cls, CompressState { c: Some(c) }))
}

fn cstate(args: &[Value]) -> PyResult<&std::cell::RefCell<CompressState>> {
    state::<CompressState>(args, "zlib.Compress", "compress")
}

fn dstate(args: &[Value]) -> PyResult<&std::cell::RefCell<DecompressState>> {
    state::<DecompressState>(args, "zlib.Decompress", "decompress")
}

fn stream_compress(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = cstate(args)?;
    no_kwargs("compress", kwargs)?;
    check_arity("compress", args.len() - 1, 1, 1)?;
    let data = data_arg(&args[1])?;
    let mut s = st.borrow_mut();
    let Some(c) = s.c.as_mut() else {
        return Err(zlib_error(vm, "Error -2 while compressing data: inconsistent stream state"));
    };
    let out = run_compress(vm, c, &data, FlushCompress::None)?;
    Ok(new_bytes(out))
}

fn stream_compress_flush(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = cstate(args)?;
    no_kwargs("flush", kwargs)?;
    check_arity("flush", args.len() - 1, 0, 1)?;
    let mode = int_arg(vm, args.get(1).cloned(), 4)?;
    let flush = match mode {
        0 => return Ok(new_bytes(Vec::new())),
        1 => FlushCompress::Partial,
        2 => FlushCompress::Sync,
        3 => FlushCompress::Full,
        _ => FlushCompress::Finish,
    };
    let mut s = st.borrow_mut();
    let Some(c) = s.c.as_mut() else {
        return Err(zlib_error(vm, "Error -2 while flushing: inconsistent stream state"));
    };
    let out = run_compress(vm, c, &[], flush)?;
    if mode == 4 {
        s.c = None;
    }
    Ok(new_bytes(out))
}

fn stream_compress_copy(_: &mut Vm, _args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Err(PyErr::new(
        crate::exceptions::ExcKind::NotImplementedError,
        "Kaa's zlib cannot copy a compressor yet",
    ))
}

fn decompressobj(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [wbits, zdict] = keywords("decompressobj", args, kwargs, ["wbits", "zdict"], 2)?;
    let wbits = int_arg(vm, wbits, 15)?;
    if zdict.is_some() {
        return Err(PyErr::value_error("Kaa's zlib does not support zdict yet"));
    }
    // Checks the option now; the automatic header detection waits for the first data.
    let d = decompressor(vm, wbits, &[])?;
    let cls = super::native_class::class_named(vm, "zlib.Decompress")?;
    let state =
        DecompressState { d, unused: Vec::new(), tail: Vec::new(), eof: false, wbits, started: false };
    Ok(new_instance(vm, &cls, state))
}

fn stream_decompress(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = dstate(args)?;
    let [data, max_length] = keywords("decompress", &args[1..], kwargs, ["data", "max_length"], 2)?;
    let data =
        data.ok_or_else(|| PyErr::type_error("decompress() missing required argument 'data' (pos 1)"))?;
    let data = data_arg(&data)?;
    let max_length = int_arg(vm, max_length, 0)?;
    if max_length < 0 {
        return Err(PyErr::value_error("max_length must be non-negative"));
    }
    let mut s = st.borrow_mut();
    if !s.started && (32..=47).contains(&s.wbits) {
        s.d = decompressor(vm, s.wbits, &data)?;
    }
    s.started = true;
    if s.eof {
        s.unused.extend_from_slice(&data);
        return Ok(new_bytes(Vec::new()));
    }
    let (out, used, ended) = run_decompress(vm, &mut s.d, &data, max_length as usize, FlushDecompress::None)?;
    if ended {
        s.eof = true;
        s.unused.extend_from_slice(&data[used..]);
        s.tail.clear();
    } else {
        s.tail = data[used..].to_vec();
    }
    Ok(new_bytes(out))
}

fn stream_decompress_flush(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = dstate(args)?;
    no_kwargs("flush", kwargs)?;
    check_arity("flush", args.len() - 1, 0, 1)?;
    let mut s = st.borrow_mut();
    let tail = std::mem::take(&mut s.tail);
    if s.eof || tail.is_empty() {
        return Ok(new_bytes(Vec::new()));
    }
    let (out, used, ended) = run_decompress(vm, &mut s.d, &tail, 0, FlushDecompress::Finish)?;
    if ended {
        s.eof = true;
        s.unused.extend_from_slice(&tail[used..]);
    } else {
        s.tail = tail[used..].to_vec();
    }
    Ok(new_bytes(out))
}
