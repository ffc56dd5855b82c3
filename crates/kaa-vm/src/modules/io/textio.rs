//! `TextIOWrapper` (text over a buffered binary stream: encoding, decoding, newline
//! translation, line buffering) and `IncrementalNewlineDecoder`.
//!
//! Reading keeps a buffer of decoded text (already translated for `newline=None`; `collapsed`
//! remembers where a "\r\n" became "\n") and the undecoded tail of the last chunk (an
//! incomplete character, or a "\r" that may start a "\r\n"). So `tell()` is simply the
//! buffer's position minus the bytes not yet consumed, and `seek` to such a position works.
//! Writing encodes into a pending byte buffer handed to the binary buffer in chunks, at each
//! newline with line buffering, or at once with `write_through`.

use super::buffered::{plain_buffered, Kind};
use super::newline::{self, Mode};
use super::{call_method, make_class, method_args, size_arg, unsupported};
use crate::builtins::{clinic, native_self, new_native_instance, Kwargs};
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::codecs;
use crate::objects::function::NativeFn;
use crate::objects::types::{NativeData, TypeObject};
use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::io::Write;
use std::rc::Rc;

const CHUNK_SIZE: usize = 8192;

pub struct TextIo {
    buffer: RefCell<Value>,
    /// The encoding as reported (`f.encoding`).
    encoding: RefCell<String>,
    /// The codec for decoding and encoding (after a BOM, the byte order it chose).
    read_codec: RefCell<&'static str>,
    write_codec: RefCell<&'static str>,
    /// For an encoding Kaa has no native codec for (cp1252, ...): the registry's incremental
    /// encoder and decoder; the codecs above are then `REGISTRY`.
    registry_codec: RefCell<Option<(Value, Value)>>,
    errors: RefCell<String>,
    mode: Cell<Mode>,
    line_buffering: Cell<bool>,
    write_through: Cell<bool>,
    /// 1 or 2 for `sys.stdout`/`sys.stderr`: writes go to the VM's stdout buffer / stderr.
    pub console: Cell<i32>,
    pending: RefCell<Vec<u8>>,
    decoded: RefCell<String>,
    pos: Cell<usize>,
    collapsed: RefCell<Vec<usize>>,
    undecoded: RefCell<Vec<u8>>,
    eof: Cell<bool>,
    seen: Cell<u8>,
    chunk_size: Cell<usize>,
    /// Unknown (-1), no (0), yes (1).
    readable: Cell<i8>,
    writable: Cell<i8>,
    seekable: Cell<i8>,
    initialized: Cell<bool>,
}

impl NativeData for TextIo {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.buffer.borrow());
        if let Some((e, d)) = &*self.registry_codec.borrow() {
            visit(e);
            visit(d);
        }
    }
    fn clear(&self, bin: &mut Vec<Value>) {
        bin.push(self.buffer.replace(Value::None));
        if let Some((e, d)) = self.registry_codec.take() {
            bin.push(e);
            bin.push(d);
        }
    }
}

/// The codec name standing for "the registry's incremental encoder/decoder".
const REGISTRY: &str = "<registry>";

impl Drop for TextIo {
    /// An unclosed text file hands its pending bytes to its buffer (which writes them out
    /// when it goes too), as CPython's finalizer would.
    fn drop(&mut self) {
        let pending = std::mem::take(&mut *self.pending.borrow_mut());
        if pending.is_empty() {
            return;
        }
        if let Some(b) = plain_buffered(&self.buffer.borrow()) {
            b.push_pending(&pending);
        }
    }
}

fn blank(buffer: Value) -> TextIo {
    TextIo {
        buffer: RefCell::new(buffer),
        encoding: RefCell::new("UTF-8".into()),
        read_codec: RefCell::new("utf-8"),
        write_codec: RefCell::new("utf-8"),
        registry_codec: RefCell::new(None),
        errors: RefCell::new("strict".into()),
        mode: Cell::new(Mode::Translate),
        line_buffering: Cell::new(false),
        write_through: Cell::new(false),
        console: Cell::new(-1),
        pending: RefCell::new(Vec::new()),
        decoded: RefCell::new(String::new()),
        pos: Cell::new(0),
        collapsed: RefCell::new(Vec::new()),
        undecoded: RefCell::new(Vec::new()),
        eof: Cell::new(false),
        seen: Cell::new(0),
        chunk_size: Cell::new(CHUNK_SIZE),
        readable: Cell::new(-1),
        writable: Cell::new(-1),
        seekable: Cell::new(-1),
        initialized: Cell::new(true),
    }
}

/// The encoded length of `text` in `codec`.
fn encoded_len(text: &str, codec: &str) -> usize {
    match codec {
        "utf-8" => text.len(),
        "latin-1" | "ascii" => text.chars().count(),
        c if c.starts_with("utf-16") => text.chars().map(|ch| ch.len_utf16() * 2).sum(),
        c if c.starts_with("utf-32") => text.chars().count() * 4,
        _ => text.len(),
    }
}

/// How many leading bytes of `data` are whole characters in `codec`.
pub fn complete_prefix(data: &[u8], codec: &str) -> usize {
    match codec {
        "utf-8" => {
            let len = data.len();
            let mut i = len;
            while i > 0 && len - i < 4 {
                i -= 1;
                let b = data[i];
                if b & 0xC0 != 0x80 {
                    let need = if b < 0x80 {
                        1
                    } else if b >> 5 == 6 {
                        2
                    } else if b >> 4 == 14 {
                        3
                    } else if b >> 3 == 30 {
                        4
                    } else {
                        1
                    };
                    return if len - i < need { i } else { len };
                }
            }
            len
        }
        c if c.starts_with("utf-16") => data.len() & !1,
        c if c.starts_with("utf-32") => data.len() & !3,
        _ => data.len(),
    }
}

impl TextIo {
    fn buffer(&self) -> PyResult<Value> {
        let b = self.buffer.borrow().clone();
        if matches!(b, Value::None) {
            return Err(PyErr::value_error("underlying buffer has been detached"));
        }
        Ok(b)
    }

    fn is_closed(&self, vm: &mut Vm) -> PyResult<bool> {
        if self.console.get() > 0 {
            return Ok(false);
        }
        let b = self.buffer()?;
        if let Some(buf) = plain_buffered(&b) {
            return buf.is_closed(vm);
        }
        super::base::is_closed(vm, &b)
    }

    fn check_open(&self, vm: &mut Vm) -> PyResult<()> {
        if self.is_closed(vm)? {
            return Err(PyErr::value_error("I/O operation on closed file."));
        }
        Ok(())
    }

    fn ask(&self, vm: &mut Vm, cache: &Cell<i8>, method: &str) -> PyResult<bool> {
        if cache.get() < 0 {
            let b = self.buffer()?;
            let r = call_method(vm, &b, method, Vec::new())?;
            cache.set(vm.truthy(&r)? as i8);
        }
        Ok(cache.get() == 1)
    }

    /// Hands the pending bytes to the buffer.
    fn flush_pending(&self, vm: &mut Vm) -> PyResult<()> {
        let pending = std::mem::take(&mut *self.pending.borrow_mut());
        if pending.is_empty() {
            return Ok(());
        }
        let b = self.buffer()?;
        if let Some(buf) = plain_buffered(&b) {
            buf.write(vm, &pending)?;
            return Ok(());
        }
        call_method(vm, &b, "write", vec![crate::objects::bytes::new_bytes(pending)])?;
        Ok(())
    }

    fn flush(&self, vm: &mut Vm) -> PyResult<()> {
        if self.console.get() > 0 {
            let _ = vm.stdout.flush();
            return Ok(());
        }
        self.check_open(vm)?;
        self.flush_pending(vm)?;
        let b = self.buffer()?;
        if let Some(buf) = plain_buffered(&b) {
            return buf.flush(vm);
        }
        call_method(vm, &b, "flush", Vec::new())?;
        Ok(())
    }

    fn encode(&self, vm: &mut Vm, text: &str) -> PyResult<Vec<u8>> {
        let codec = *self.write_codec.borrow();
        if codec == "utf-8" {
            return Ok(text.as_bytes().to_vec());
        }
        if codec == REGISTRY {
            return self.registry_encode(vm, text);
        }
        let out = codecs::encode(text, codec, &self.errors.borrow())?;
        // After the first write a BOM-writing codec goes on in the byte order it chose.
        match codec {
            "utf-16" => *self.write_codec.borrow_mut() = "utf-16-le",
            "utf-32" => *self.write_codec.borrow_mut() = "utf-32-le",
            _ => {}
        }
        Ok(out)
    }

    /// A BOM-writing codec (utf-16, utf-32) writes its BOM only at the start of a seekable
    /// stream; elsewhere (pipes, appending) it goes on in native byte order, as CPython's does.
    fn settle_bom(&self, vm: &mut Vm) -> PyResult<()> {
        let codec = *self.write_codec.borrow();
        let le = match codec {
            "utf-16" => "utf-16-le",
            "utf-32" => "utf-32-le",
            REGISTRY => "",
            _ => return Ok(()),
        };
        let seekable = self.ask(vm, &self.seekable, "seekable")?;
        let at_start = seekable && {
            let pos = call_method(vm, &self.buffer()?, "tell", Vec::new())?;
            matches!(pos, Value::Int(0))
        };
        if codec == REGISTRY {
            // A registry encoder (utf-8-sig, ...) is told it is past the start only when the
            // stream can say so.
            let encoder = self.registry_codec.borrow().as_ref().map(|(e, _)| e.clone());
            if let (Some(encoder), true, false) = (encoder, seekable, at_start) {
                call_method(vm, &encoder, "setstate", vec![Value::Int(0)])?;
            }
        } else if !at_start {
            *self.write_codec.borrow_mut() = le;
        }
        Ok(())
    }

    #[cold]
    fn registry_encode(&self, vm: &mut Vm, text: &str) -> PyResult<Vec<u8>> {
        let encoder = self.registry_codec.borrow().as_ref().map(|(e, _)| e.clone());
        let Some(encoder) = encoder else { return Ok(text.as_bytes().to_vec()) };
        let out = call_method(vm, &encoder, "encode", vec![Value::str(text)])?;
        match crate::objects::bytes::buffer(&out) {
            Some(d) => Ok(d.into_vec()),
            None => Err(PyErr::type_error(format!(
                "encoder should return a bytes object, not '{}'",
                out.type_name()
            ))),
        }
    }

    #[cold]
    fn registry_decode(&self, vm: &mut Vm, data: &[u8], last: bool) -> PyResult<String> {
        let decoder = self.registry_codec.borrow().as_ref().map(|(_, d)| d.clone());
        let Some(decoder) = decoder else { return Ok(String::from_utf8_lossy(data).into_owned()) };
        let bytes = crate::objects::bytes::new_bytes(data.to_vec());
        let out = call_method(vm, &decoder, "decode", vec![bytes, Value::Bool(last)])?;
        match out {
            Value::Str(s) => Ok(s.as_str().to_string()),
            other => Err(PyErr::type_error(format!(
                "decoder should return a string result, not '{}'",
                other.type_name()
            ))),
        }
    }

    pub fn write(&self, vm: &mut Vm, text: &str) -> PyResult<()> {
        let translated = newline::translate_out(text, self.mode.get());
        let flush_line = self.line_buffering.get() && (text.contains('\n') || text.contains('\r'));
        if self.console.get() > 0 {
            let bytes;
            let data: &[u8] = if *self.write_codec.borrow() == "utf-8" {
                translated.as_bytes()
            } else {
                bytes = self.encode(vm, &translated)?;
                &bytes
            };
            if self.console.get() == 1 {
                let _ = vm.stdout.write_all(data);
                if flush_line {
                    let _ = vm.stdout.flush();
                }
            } else {
                let _ = vm.stdout.flush();
                let _ = std::io::stderr().write_all(data);
            }
            return Ok(());
        }
        self.check_open(vm)?;
        if !self.ask(vm, &self.writable, "writable")? {
            return Err(unsupported(vm, "not writable"));
        }
        if !self.decoded.borrow().is_empty() || !self.undecoded.borrow().is_empty() {
            self.rewind_reading(vm)?;
        }
        let over = {
            let encoded = self.encode(vm, &translated)?;
            let mut pending = self.pending.borrow_mut();
            pending.extend_from_slice(&encoded);
            pending.len() >= self.chunk_size.get()
        };
        if over || flush_line || self.write_through.get() {
            self.flush_pending(vm)?;
        }
        if flush_line {
            let b = self.buffer()?;
            call_method(vm, &b, "flush", Vec::new())?;
        }
        Ok(())
    }

    /// Moves the binary position back to the text position and forgets read-ahead (a write
    /// after reads in a '+' mode file).
    fn rewind_reading(&self, vm: &mut Vm) -> PyResult<()> {
        let pos = self.tell(vm)?;
        let b = self.buffer()?;
        call_method(vm, &b, "seek", vec![Value::Int(pos)])?;
        self.reset_reading();
        Ok(())
    }

    fn reset_reading(&self) {
        self.decoded.borrow_mut().clear();
        self.pos.set(0);
        self.collapsed.borrow_mut().clear();
        self.undecoded.borrow_mut().clear();
        self.eof.set(false);
    }

    fn check_readable(&self, vm: &mut Vm) -> PyResult<()> {
        self.check_open(vm)?;
        if !self.ask(vm, &self.readable, "readable")? {
            return Err(unsupported(vm, "not readable"));
        }
        if !self.pending.borrow().is_empty() {
            self.flush(vm)?;
        }
        Ok(())
    }

    /// Reads and decodes one chunk; false at end of file.
    fn read_chunk(&self, vm: &mut Vm, all: bool) -> PyResult<bool> {
        if self.eof.get() {
            return Ok(false);
        }
        let b = self.buffer()?;
        let chunk: Vec<u8> = if let Some(buf) = plain_buffered(&b) {
            if all {
                buf.read(vm, None)?.unwrap_or_default()
            } else {
                buf.read1_public(vm, self.chunk_size.get())?
            }
        } else {
            let r = if all {
                call_method(vm, &b, "read", Vec::new())?
            } else {
                let method = if vm.get_attr(&b, "read1").is_ok() { "read1" } else { "read" };
                call_method(vm, &b, method, vec![Value::Int(self.chunk_size.get() as i64)])?
            };
            match r {
                Value::None => Vec::new(),
                v => match crate::objects::bytes::buffer(&v) {
                    Some(d) => d.into_vec(),
                    None => {
                        return Err(PyErr::type_error(format!(
                            "underlying read1() should have returned a bytes-like object, not '{}'",
                            v.type_name()
                        )))
                    }
                },
            }
        };
        let at_eof = chunk.is_empty() || all;
        let mut data = std::mem::take(&mut *self.undecoded.borrow_mut());
        data.extend_from_slice(&chunk);
        let codec = *self.read_codec.borrow();
        let mode = self.mode.get();
        let hold_cr = !at_eof && matches!(mode, Mode::Translate | Mode::Universal);
        let (text, cut) = if codec == REGISTRY {
            // The registry's incremental decoder keeps partial characters itself; a final
            // '\r' waits (as bytes) for the next chunk in case a '\n' follows.
            let mut text = self.registry_decode(vm, &data, at_eof)?;
            data.clear();
            if hold_cr && text.ends_with('\r') {
                text.pop();
                data.push(b'\r');
            }
            (text, 0)
        } else {
            let mut cut = if at_eof { data.len() } else { complete_prefix(&data, codec) };
            if hold_cr
                && cut > 0
                && data[cut - 1] == b'\r'
                && !codec.starts_with("utf-1")
                && !codec.starts_with("utf-3")
            {
                cut -= 1;
            }
            let text = codecs::decode(&data[..cut], codec, &self.errors.borrow())?;
            match codec {
                "utf-16" | "utf-32" if !data.is_empty() => {
                    let be = data.starts_with(&[0xFE, 0xFF]) || data.starts_with(&[0, 0, 0xFE, 0xFF]);
                    *self.read_codec.borrow_mut() = match (codec, be) {
                        ("utf-16", true) => "utf-16-be",
                        ("utf-16", false) => "utf-16-le",
                        (_, true) => "utf-32-be",
                        _ => "utf-32-le",
                    };
                }
                _ => {}
            }
            (text, cut)
        };
        *self.undecoded.borrow_mut() = data[cut..].to_vec();
        if at_eof {
            self.eof.set(true);
        }
        // Drop what was consumed before appending.
        {
            let mut decoded = self.decoded.borrow_mut();
            let pos = self.pos.get();
            if pos > 0 {
                decoded.drain(..pos);
                let mut collapsed = self.collapsed.borrow_mut();
                collapsed.retain(|&c| c >= pos);
                collapsed.iter_mut().for_each(|c| *c -= pos);
                self.pos.set(0);
            }
            if mode.tracks_seen() {
                let mut seen = self.seen.get();
                newline::note_seen(&text, &mut seen);
                self.seen.set(seen);
            }
            if mode == Mode::Translate && text.contains('\r') {
                let base = decoded.len();
                let t = newline::translate_in(&text, base, &mut self.collapsed.borrow_mut());
                decoded.push_str(&t);
            } else {
                decoded.push_str(&text);
            }
        }
        Ok(!chunk.is_empty() || cut > 0 || !text.is_empty())
    }

    fn take(&self, end: usize) -> String {
        let decoded = self.decoded.borrow();
        let pos = self.pos.get();
        let end = end.min(decoded.len()).max(pos);
        self.pos.set(end);
        decoded[pos..end].to_string()
    }

    fn read(&self, vm: &mut Vm, n: Option<usize>) -> PyResult<String> {
        self.check_readable(vm)?;
        match n {
            None => {
                self.read_chunk(vm, true)?;
                let end = self.decoded.borrow().len();
                let out = self.take(end);
                self.reset_reading();
                self.eof.set(false);
                Ok(out)
            }
            Some(n) => loop {
                let end = {
                    let decoded = self.decoded.borrow();
                    let pos = self.pos.get();
                    decoded[pos..].char_indices().nth(n).map(|(i, _)| pos + i)
                };
                if let Some(end) = end {
                    return Ok(self.take(end));
                }
                if !self.read_chunk(vm, false)? {
                    let end = self.decoded.borrow().len();
                    return Ok(self.take(end));
                }
            },
        }
    }

    fn readline(&self, vm: &mut Vm, limit: Option<usize>) -> PyResult<String> {
        self.check_readable(vm)?;
        let split = match self.mode.get() {
            Mode::Translate => Mode::Lf,
            m => m,
        };
        loop {
            let found = {
                let decoded = self.decoded.borrow();
                let pos = self.pos.get();
                let end = newline::line_end(&decoded, pos, split, self.eof.get());
                let cap = limit.and_then(|l| decoded[pos..].char_indices().nth(l).map(|(i, _)| pos + i));
                match (end, cap) {
                    (Some(e), Some(c)) => Some(e.min(c)),
                    (Some(e), None) => Some(e),
                    (None, Some(c)) => Some(c),
                    (None, None) => None,
                }
            };
            if let Some(end) = found {
                return Ok(self.take(end));
            }
            if !self.read_chunk(vm, false)? {
                let end = self.decoded.borrow().len();
                return Ok(self.take(end));
            }
        }
    }

    fn tell(&self, vm: &mut Vm) -> PyResult<i64> {
        self.check_open(vm)?;
        if !self.ask(vm, &self.seekable, "seekable")? {
            return Err(unsupported(vm, "underlying stream is not seekable"));
        }
        self.flush(vm)?;
        let b = self.buffer()?;
        let r = call_method(vm, &b, "tell", Vec::new())?;
        let pos = crate::objects::args::ssize_arg(vm, &r)?;
        let decoded = self.decoded.borrow();
        let at = self.pos.get().min(decoded.len());
        let unconsumed = encoded_len(&decoded[at..], *self.read_codec.borrow())
            + self.collapsed.borrow().iter().filter(|&&c| c >= at).count()
            + self.undecoded.borrow().len();
        Ok(pos - unconsumed as i64)
    }

    fn seek(&self, vm: &mut Vm, cookie: &Value, whence: i64) -> PyResult<Value> {
        self.check_open(vm)?;
        if !self.ask(vm, &self.seekable, "seekable")? {
            return Err(unsupported(vm, "underlying stream is not seekable"));
        }
        let offset = crate::objects::args::ssize_arg(vm, cookie)?;
        let b = self.buffer()?;
        match whence {
            1 if offset != 0 => Err(unsupported(vm, "can't do nonzero cur-relative seeks")),
            1 => Ok(Value::Int(self.tell(vm)?)),
            2 if offset != 0 => Err(unsupported(vm, "can't do nonzero end-relative seeks")),
            2 => {
                self.flush(vm)?;
                self.reset_reading();
                call_method(vm, &b, "seek", vec![Value::Int(0), Value::Int(2)])
            }
            0 => {
                if offset < 0 {
                    return Err(PyErr::value_error(format!("negative seek position {offset}")));
                }
                self.flush(vm)?;
                self.reset_reading();
                call_method(vm, &b, "seek", vec![Value::Int(offset)])?;
                Ok(Value::Int(offset))
            }
            w => Err(PyErr::value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
        }
    }

    fn close(&self, vm: &mut Vm) -> PyResult<()> {
        if self.console.get() > 0 {
            let _ = vm.stdout.flush();
            return Ok(());
        }
        if self.is_closed(vm)? {
            return Ok(());
        }
        let flushed = self.flush(vm);
        let b = self.buffer()?;
        let closed = call_method(vm, &b, "close", Vec::new());
        flushed?;
        closed.map(|_| ())
    }
}

fn me<'a>(args: &'a [Value], method: &str) -> PyResult<&'a TextIo> {
    let t = native_self::<TextIo>(args, "_io.TextIOWrapper", method)?;
    if !t.initialized.get() {
        return Err(PyErr::value_error("I/O operation on uninitialized object"));
    }
    Ok(t)
}

fn new(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let Some(Value::Type(cls)) = args.first() else {
        return Err(PyErr::type_error("TextIOWrapper.__new__(X): X is not a type object"));
    };
    let state = blank(Value::None);
    state.initialized.set(false);
    Ok(new_native_instance(vm, cls, Box::new(state)))
}

/// The encoding `open`/`TextIOWrapper` use for None or "locale".
fn default_encoding() -> &'static str {
    "UTF-8"
}

/// Sets the encoding and errors arguments (shared by `__init__`, `reconfigure` and `open`).
fn configure_codec(
    vm: &mut Vm,
    state: &TextIo,
    encoding: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<()> {
    if let Some(e) = errors {
        let errors = match e {
            Value::None => "strict".to_string(),
            Value::Str(s) => s.to_string(),
            other => {
                return Err(PyErr::type_error(format!(
                    "TextIOWrapper() argument 'errors' must be str or None, not {}",
                    other.type_name()
                )))
            }
        };
        *state.errors.borrow_mut() = errors;
    }
    if let Some(e) = encoding {
        let name = match e {
            Value::None => default_encoding().to_string(),
            Value::Str(s) if s.as_str() == "locale" => default_encoding().to_string(),
            Value::Str(s) => s.to_string(),
            other => {
                return Err(PyErr::type_error(format!(
                    "TextIOWrapper() argument 'encoding' must be str or None, not {}",
                    other.type_name()
                )))
            }
        };
        let native = codecs::canonical_name(&name).ok().filter(|_| !writes_signature(&name));
        let codec = match native.ok_or(()) {
            Ok(codec) => {
                *state.registry_codec.borrow_mut() = None;
                codec
            }
            Err(_) => {
                *state.registry_codec.borrow_mut() = Some(registry_codec(vm, &name, &state.errors.borrow())?);
                REGISTRY
            }
        };
        *state.encoding.borrow_mut() = name;
        *state.read_codec.borrow_mut() = codec;
        *state.write_codec.borrow_mut() = codec;
    } else if errors.is_some() && state.registry_codec.borrow().is_some() {
        let name = state.encoding.borrow().clone();
        *state.registry_codec.borrow_mut() = Some(registry_codec(vm, &name, &state.errors.borrow())?);
    }
    Ok(())
}

/// utf-8-sig: the registry's codec writes and skips the signature (BOM).
fn writes_signature(name: &str) -> bool {
    let norm = name.trim().to_ascii_lowercase().replace('_', "-");
    norm == "utf-8-sig" || norm == "utf8-sig"
}

/// The registry's incremental encoder and decoder for `encoding` (cp1252, koi8-r, ...), refusing
/// codecs that are not text encodings as CPython does.
#[cold]
fn registry_codec(vm: &mut Vm, encoding: &str, errors: &str) -> PyResult<(Value, Value)> {
    let info = registry_lookup(vm, encoding)?;
    let is_text = vm.get_attr(&info, "_is_text_encoding").map(|v| !matches!(v, Value::Bool(false)));
    if !is_text.unwrap_or(true) {
        return Err(PyErr::new(
            ExcKind::LookupError,
            format!("'{encoding}' is not a text encoding; use codecs.open() to handle arbitrary codecs"),
        ));
    }
    let make_encoder = vm.get_attr(&info, "incrementalencoder")?;
    let encoder = vm.call_value(&make_encoder, vec![Value::str(errors)], Vec::new())?;
    let make_decoder = vm.get_attr(&info, "incrementaldecoder")?;
    let decoder = vm.call_value(&make_decoder, vec![Value::str(errors)], Vec::new())?;
    Ok((encoder, decoder))
}

/// `codecs.lookup(encoding)`: the registry's CodecInfo.
#[cold]
fn registry_lookup(vm: &mut Vm, encoding: &str) -> PyResult<Value> {
    // CPython imports `encodings` (the registry's search function) at start-up.
    let _ = vm.import_module("encodings");
    let codecs_module = vm.import_module("_codecs")?;
    let lookup = vm.get_attr(&codecs_module, "lookup")?;
    vm.call_value(&lookup, vec![Value::str(encoding)], Vec::new())
}

fn init(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let state = native_self::<TextIo>(args, "_io.TextIOWrapper", "__init__")?;
    let [buffer, encoding, errors, nl, line_buffering, write_through] = clinic(
        "TextIOWrapper",
        &args[1..],
        kwargs,
        ["buffer", "encoding", "errors", "newline", "line_buffering", "write_through"],
        6,
        1,
    )?;
    let encoding = encoding.unwrap_or(Value::None);
    configure_codec(vm, state, Some(&encoding), Some(&errors.unwrap_or(Value::None)))?;
    state.mode.set(newline::parse(Some(&nl.unwrap_or(Value::None)), Mode::Translate)?);
    state.line_buffering.set(match line_buffering {
        Some(v) => vm.truthy(&v)?,
        None => false,
    });
    state.write_through.set(match write_through {
        Some(v) => vm.truthy(&v)?,
        None => false,
    });
    *state.buffer.borrow_mut() = buffer.unwrap_or(Value::None);
    state.reset_reading();
    state.readable.set(-1);
    state.writable.set(-1);
    state.seekable.set(-1);
    state.initialized.set(true);
    state.settle_bom(vm)?;
    Ok(Value::None)
}

fn reconfigure(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let state = me(args, "reconfigure")?;
    if args.len() > 1 {
        return Err(PyErr::type_error("reconfigure() takes no positional arguments"));
    }
    let [encoding, errors, nl, line_buffering, write_through] = clinic(
        "reconfigure",
        &[],
        kwargs,
        ["encoding", "errors", "newline", "line_buffering", "write_through"],
        0,
        0,
    )?;
    if (encoding.is_some() || errors.is_some() || nl.is_some()) && !state.decoded.borrow().is_empty() {
        return Err(unsupported(
            vm,
            "It is not possible to set the encoding or newline of stream after the first read",
        ));
    }
    state.flush(vm)?;
    let errors = match (&encoding, errors) {
        (Some(_), None) => Some(Value::str("strict")),
        (_, e) => e,
    };
    configure_codec(vm, state, encoding.as_ref(), errors.as_ref())?;
    if encoding.is_some() {
        state.settle_bom(vm)?;
    }
    if let Some(nl) = nl {
        state.mode.set(newline::parse(Some(&nl), Mode::Translate)?);
    }
    if let Some(v) = line_buffering {
        if !matches!(v, Value::None) {
            state.line_buffering.set(vm.truthy(&v)?);
        }
    }
    if let Some(v) = write_through {
        if !matches!(v, Value::None) {
            state.write_through.set(vm.truthy(&v)?);
        }
    }
    Ok(Value::None)
}

fn write(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("write", args, kwargs, 1, 1)?;
    let state = me(args, "write")?;
    let Value::Str(s) = &rest[0] else {
        return Err(PyErr::type_error(format!("write() argument must be str, not {}", rest[0].type_name())));
    };
    state.write(vm, s.as_str())?;
    Ok(Value::Int(s.char_len() as i64))
}

fn read(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("read", args, kwargs, 0, 1)?;
    let n = size_arg(vm, rest.first())?;
    Ok(Value::str(&me(args, "read")?.read(vm, n)?))
}

fn readline(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("readline", args, kwargs, 0, 1)?;
    let n = size_arg(vm, rest.first())?;
    Ok(Value::str(&me(args, "readline")?.readline(vm, n)?))
}

fn next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let line = me(args, "__next__")?.readline(vm, None)?;
    if line.is_empty() {
        return Err(PyErr::new(ExcKind::StopIteration, ""));
    }
    Ok(Value::str(&line))
}

fn seek(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("seek", args, kwargs, 1, 2)?;
    let whence = match rest.get(1) {
        Some(w) => crate::objects::args::ssize_arg(vm, w)?,
        None => 0,
    };
    me(args, "seek")?.seek(vm, &rest[0], whence)
}

fn truncate(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("truncate", args, kwargs, 0, 1)?;
    let state = me(args, "truncate")?;
    state.flush(vm)?;
    let b = state.buffer()?;
    let pos = match rest.first() {
        None | Some(Value::None) => Value::Int(state.tell(vm)?),
        Some(v) => v.clone(),
    };
    call_method(vm, &b, "truncate", vec![pos])
}

fn detach(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let state = me(args, "detach")?;
    state.flush(vm)?;
    let b = state.buffer()?;
    *state.buffer.borrow_mut() = Value::None;
    Ok(b)
}

fn delegate(vm: &mut Vm, args: &[Value], method: &str, call: bool) -> PyResult<Value> {
    let b = me(args, method)?.buffer()?;
    if call {
        call_method(vm, &b, method, Vec::new())
    } else {
        vm.get_attr(&b, method)
    }
}

fn repr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let state = me(args, "__repr__")?;
    let Value::Instance(inst) = &args[0] else { return Ok(Value::None) };
    let mut out = format!("<_io.{}", inst.class.name);
    if let Ok(name) = vm.get_attr(&args[0], "name") {
        out.push_str(&format!(" name={}", vm.repr(&name)?));
    }
    if let Some(mode) = inst.dict.get_str("mode") {
        out.push_str(&format!(" mode={}", vm.repr(&mode)?));
    }
    let enc = state.encoding.borrow().clone();
    out.push_str(&format!(" encoding={}>", vm.repr(&Value::str(&enc))?));
    Ok(Value::str(&out))
}

pub fn make_type(text_base: &Rc<TypeObject>) -> Rc<TypeObject> {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", init),
        ("reconfigure", reconfigure),
        ("write", write),
        ("read", read),
        ("readline", readline),
        ("__next__", next),
        ("flush", |vm, a, _| {
            me(a, "flush")?.flush(vm)?;
            Ok(Value::None)
        }),
        ("close", |vm, a, _| {
            me(a, "close")?.close(vm)?;
            Ok(Value::None)
        }),
        ("tell", |vm, a, _| Ok(Value::Int(me(a, "tell")?.tell(vm)?))),
        ("seek", seek),
        ("truncate", truncate),
        ("detach", detach),
        ("fileno", |vm, a, _| delegate(vm, a, "fileno", true)),
        ("isatty", |vm, a, _| delegate(vm, a, "isatty", true)),
        ("readable", |vm, a, _| delegate(vm, a, "readable", true)),
        ("writable", |vm, a, _| delegate(vm, a, "writable", true)),
        ("seekable", |vm, a, _| delegate(vm, a, "seekable", true)),
        ("__repr__", repr),
    ];
    let properties: &[(&'static str, NativeFn, Option<NativeFn>)] = &[
        ("closed", |vm, a, _| Ok(Value::Bool(me(a, "closed")?.is_closed(vm)?)), None),
        ("buffer", |_, a, _| Ok(me(a, "buffer")?.buffer.borrow().clone()), None),
        ("name", |vm, a, _| delegate(vm, a, "name", false), None),
        ("encoding", |_, a, _| Ok(Value::str(&me(a, "encoding")?.encoding.borrow())), None),
        ("errors", |_, a, _| Ok(Value::str(&me(a, "errors")?.errors.borrow())), None),
        ("line_buffering", |_, a, _| Ok(Value::Bool(me(a, "line_buffering")?.line_buffering.get())), None),
        ("write_through", |_, a, _| Ok(Value::Bool(me(a, "write_through")?.write_through.get())), None),
        (
            "newlines",
            |_, a, _| {
                let s = me(a, "newlines")?;
                Ok(if s.mode.get().tracks_seen() { newline::seen_value(s.seen.get()) } else { Value::None })
            },
            None,
        ),
        (
            "_CHUNK_SIZE",
            |_, a, _| Ok(Value::Int(me(a, "_CHUNK_SIZE")?.chunk_size.get() as i64)),
            Some(|vm, a, _| {
                let n = crate::objects::args::ssize_arg(vm, a.get(1).unwrap_or(&Value::None))?;
                if n <= 0 {
                    return Err(PyErr::value_error("a strictly positive integer is required"));
                }
                me(a, "_CHUNK_SIZE")?.chunk_size.set(n as usize);
                Ok(Value::None)
            }),
        ),
    ];
    make_class(text_base, "TextIOWrapper", Some(new), methods, properties)
}

/// Wraps `buffer` in a TextIOWrapper (for `open`).
pub fn wrap(
    vm: &mut Vm,
    buffer: Value,
    encoding: &Value,
    errors: &Value,
    nl: &Value,
    line_buffering: bool,
) -> PyResult<Value> {
    let cls = super::io_type(vm, "TextIOWrapper")?;
    let state = blank(buffer);
    configure_codec(vm, &state, Some(encoding), Some(errors))?;
    state.mode.set(newline::parse(Some(nl), Mode::Translate)?);
    state.line_buffering.set(line_buffering);
    state.settle_bom(vm)?;
    Ok(new_native_instance(vm, &cls, Box::new(state)))
}

/// `sys.stdin` (fd 0), `sys.stdout` (1) or `sys.stderr` (2): a TextIOWrapper over a
/// BufferedReader/Writer over FileIO(fd, closefd=False). Output streams write through the VM's
/// stdout buffer (fd 1) or straight to stderr (fd 2).
pub fn console_stream(vm: &mut Vm, fd: i32) -> PyResult<Value> {
    let fileio = super::io_type(vm, "FileIO")?;
    let raw = new_native_instance(vm, &fileio, Box::new(super::fileio::FileIo::closed()));
    let mode = if fd == 0 { "rb" } else { "wb" };
    let init = vm.get_attr(&raw, "__init__")?;
    let closefd = (Rc::new(crate::objects::str::StrObject::new("closefd")), Value::Bool(false));
    vm.call_value(&init, vec![Value::Int(fd as i64), Value::str(mode)], vec![closefd])?;
    let name = match fd {
        0 => "<stdin>",
        1 => "<stdout>",
        _ => "<stderr>",
    };
    if let Value::Instance(i) = &raw {
        i.dict.set_str("name", Value::str(name));
    }
    // Under -u the output streams have no buffer layer, as in CPython.
    let unbuffered = vm.stdout.get_ref().unbuffered;
    let kind = if fd == 0 { Kind::Reader } else { Kind::Writer };
    let buffer = if unbuffered && fd > 0 {
        raw
    } else {
        super::buffered::wrap(vm, kind, raw, super::DEFAULT_BUFFER_SIZE)?
    };
    if let Some(b) = plain_buffered(&buffer) {
        if fd > 0 {
            b.console.set(fd);
        }
    }
    let errors = if fd == 2 { "backslashreplace".to_string() } else { vm.config.stdio_errors.clone() };
    let mut encoding = vm.config.stdio_encoding.clone();
    if codecs::canonical_name(&encoding).is_err() {
        // CPython reports the registry's name for the codec (CP1252 -> cp1252, rot13 -> rot-13).
        let info = registry_lookup(vm, &encoding)?;
        if let Value::Str(name) = vm.get_attr(&info, "name")? {
            encoding = name.as_str().to_string();
        }
    }
    // SAFETY: plain system call.
    let tty = unsafe { libc::isatty(fd) } == 1;
    let text = wrap(vm, buffer, &Value::str(&encoding), &Value::str(&errors), &Value::None, tty && fd > 0)?;
    if let Value::Instance(i) = &text {
        if let Some(t) = i.native_data::<TextIo>() {
            if fd > 0 {
                t.console.set(fd);
            }
            t.write_through.set(fd == 2 || unbuffered);
        }
        i.dict.set_str("mode", Value::str(if fd == 0 { "r" } else { "w" }));
    }
    Ok(text)
}

/// The console payload of `sys.stdout` when it is still the console stream (print's fast path).
pub fn console_of(v: &Value) -> Option<&TextIo> {
    match v {
        // Only UTF-8 output may skip the encoder.
        Value::Instance(i) => {
            i.native_data::<TextIo>().filter(|t| t.console.get() == 1 && *t.write_codec.borrow() == "utf-8")
        }
        _ => None,
    }
}

// ---- IncrementalNewlineDecoder ----

struct NewlineDecoder {
    decoder: Value,
    translate: bool,
    pending_cr: Cell<bool>,
    seen: Cell<u8>,
}

impl NativeData for NewlineDecoder {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.decoder);
    }
}

fn nd_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Some(Value::Type(cls)) = args.first() else {
        return Err(PyErr::type_error("IncrementalNewlineDecoder.__new__(X): X is not a type object"));
    };
    let [decoder, translate, _errors] =
        clinic("IncrementalNewlineDecoder", &args[1..], kwargs, ["decoder", "translate", "errors"], 3, 2)?;
    let translate = vm.truthy(&translate.unwrap_or(Value::None))?;
    let state = NewlineDecoder {
        decoder: decoder.unwrap_or(Value::None),
        translate,
        pending_cr: Cell::new(false),
        seen: Cell::new(0),
    };
    Ok(new_native_instance(vm, cls, Box::new(state)))
}

fn nd<'a>(args: &'a [Value], method: &str) -> PyResult<&'a NewlineDecoder> {
    native_self::<NewlineDecoder>(args, "_io.IncrementalNewlineDecoder", method)
}

fn nd_decode(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [input, fin] = clinic("decode", &args[1.min(args.len())..], kwargs, ["input", "final"], 2, 1)?;
    let state = nd(args, "decode")?;
    let input = input.unwrap_or(Value::None);
    let fin = match fin {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let output = if matches!(state.decoder, Value::None) {
        input
    } else {
        let d = state.decoder.clone();
        let m = vm.get_attr(&d, "decode")?;
        vm.call_value(&m, vec![input, Value::Bool(fin)], Vec::new())?
    };
    let Value::Str(s) = &output else {
        return Err(PyErr::type_error("decoder should return a string result"));
    };
    let mut text = String::new();
    if state.pending_cr.replace(false) {
        text.push('\r');
    }
    text.push_str(s.as_str());
    if text.ends_with('\r') && !fin {
        text.pop();
        state.pending_cr.set(true);
    }
    let mut seen = state.seen.get();
    newline::note_seen(&text, &mut seen);
    state.seen.set(seen);
    if state.translate && text.contains('\r') {
        text = newline::translate_in(&text, 0, &mut Vec::new());
    }
    Ok(Value::str(&text))
}

pub fn make_newline_decoder_type(object: &Rc<TypeObject>) -> Rc<TypeObject> {
    let methods: &[(&'static str, NativeFn)] = &[
        ("decode", nd_decode),
        ("reset", |vm, a, _| {
            let s = nd(a, "reset")?;
            s.pending_cr.set(false);
            s.seen.set(0);
            if !matches!(s.decoder, Value::None) {
                let d = s.decoder.clone();
                call_method(vm, &d, "reset", Vec::new())?;
            }
            Ok(Value::None)
        }),
        ("getstate", |vm, a, _| {
            let s = nd(a, "getstate")?;
            let (buf, flag) = if matches!(s.decoder, Value::None) {
                (crate::objects::bytes::new_bytes(Vec::new()), 0)
            } else {
                let d = s.decoder.clone();
                let st = call_method(vm, &d, "getstate", Vec::new())?;
                let items = vm.collect_iterable(&st)?;
                let flag = match items.get(1) {
                    Some(v) => crate::objects::args::ssize_arg(vm, v)?,
                    None => 0,
                };
                (items.first().cloned().unwrap_or(Value::None), flag)
            };
            let flag = (flag << 1) | s.pending_cr.get() as i64;
            Ok(Value::Tuple(Rc::new(vec![buf, Value::Int(flag)])))
        }),
        ("setstate", |vm, a, _| {
            let s = nd(a, "setstate")?;
            let items = vm.collect_iterable(a.get(1).unwrap_or(&Value::None))?;
            let flag = match items.get(1) {
                Some(v) => crate::objects::args::ssize_arg(vm, v)?,
                None => 0,
            };
            s.pending_cr.set(flag & 1 == 1);
            if !matches!(s.decoder, Value::None) {
                let d = s.decoder.clone();
                let st = Value::Tuple(Rc::new(vec![
                    items.first().cloned().unwrap_or(Value::None),
                    Value::Int(flag >> 1),
                ]));
                call_method(vm, &d, "setstate", vec![st])?;
            }
            Ok(Value::None)
        }),
    ];
    let properties: &[(&'static str, NativeFn, Option<NativeFn>)] =
        &[("newlines", |_, a, _| Ok(newline::seen_value(nd(a, "newlines")?.seen.get())), None)];
    make_class(object, "IncrementalNewlineDecoder", Some(nd_new), methods, properties)
}
