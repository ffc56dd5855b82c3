//! Frame and traceback objects: what `sys._getframe()`, `gen.gi_frame` and `exc.__traceback__`
//! hand to Python code.
//!
//! The interpreter's own frames (`interp::Frame`) are plain structs on a vector; a `FrameObject`
//! is made for one only when Python code asks (or a traceback needs it) and stays attached to it,
//! so asking twice gives the same object. While the frame runs, `f_lineno` and `f_locals` are read
//! from it live; once it has ended they come from what was recorded when it was last seen.

use crate::exceptions::TraceEntry;
use crate::objects::dict::DictObject;
use crate::value::Value;
use kaa_bytecode::CodeObject;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub struct FrameObject {
    pub code: Rc<CodeObject>,
    pub globals: Rc<DictObject>,
    /// The calling frame's object (None for a module's frame and for generator frames).
    pub back: Option<Rc<FrameObject>>,
    /// The instruction index last seen executing (for a frame no longer running).
    pub lasti: Cell<u32>,
    /// The local variables as last recorded (for a frame no longer running).
    pub locals: RefCell<Option<Rc<DictObject>>>,
}

impl FrameObject {
    /// The line of instruction `index`.
    pub fn line_at(&self, index: u32) -> u32 {
        // u32::MAX marks a generator frame that has not started: it is at its `def` line.
        self.code.lines.get(index as usize).copied().unwrap_or(self.code.firstlineno)
    }
}

/// One link of `exc.__traceback__`: a frame the exception passed through, the instruction it
/// was at, and the next link towards where the exception was raised.
pub struct TracebackObject {
    pub frame: Rc<FrameObject>,
    pub lasti: u32,
    pub entry: TraceEntry,
    pub next: RefCell<Option<Rc<TracebackObject>>>,
}

impl TracebackObject {
    /// The links from this one inwards (this one first).
    pub fn chain(self: &Rc<Self>) -> Vec<Rc<TracebackObject>> {
        let mut out = vec![self.clone()];
        loop {
            let next = out.last().and_then(|t| t.next.borrow().clone());
            match next {
                // A cycle made through `tb_next` assignment would loop forever.
                Some(n) if !out.iter().any(|t| Rc::ptr_eq(t, &n)) => out.push(n),
                _ => return out,
            }
        }
    }
}

/// Reads attributes of frames and tracebacks that need no VM state.
pub fn traceback_attr(tb: &Rc<TracebackObject>, name: &str) -> Option<Value> {
    Some(match name {
        "tb_frame" => Value::Frame(tb.frame.clone()),
        "tb_lineno" => Value::Int(tb.entry.lineno as i64),
        "tb_lasti" => Value::Int(tb.lasti as i64 * 2),
        "tb_next" => tb.next.borrow().clone().map_or(Value::None, Value::Traceback),
        _ => return None,
    })
}

/// `tb.tb_next = value`, refusing loops as CPython does.
#[cold]
pub fn set_tb_next(tb: &Rc<TracebackObject>, value: &Value) -> crate::exceptions::PyResult<()> {
    use crate::exceptions::PyErr;
    let next = match value {
        Value::None => None,
        Value::Traceback(n) => {
            let mut cursor = Some(n.clone());
            while let Some(c) = cursor {
                if Rc::ptr_eq(&c, tb) {
                    return Err(PyErr::value_error("traceback loop detected"));
                }
                cursor = c.next.borrow().clone();
            }
            Some(n.clone())
        }
        other => {
            return Err(PyErr::type_error(format!(
                "expected traceback object or None, got '{}'",
                other.type_name()
            )))
        }
    };
    *tb.next.borrow_mut() = next;
    Ok(())
}

/// The chain starting at `head` without the links `keep` rejects (relinking the kept ones).
pub fn retain_links(
    head: Option<Rc<TracebackObject>>,
    keep: impl Fn(&TracebackObject) -> bool,
) -> Option<Rc<TracebackObject>> {
    let kept: Vec<Rc<TracebackObject>> =
        head.map(|h| h.chain()).unwrap_or_default().into_iter().filter(|l| keep(l)).collect();
    for pair in kept.windows(2) {
        *pair[0].next.borrow_mut() = Some(pair[1].clone());
    }
    if let Some(last) = kept.last() {
        *last.next.borrow_mut() = None;
    }
    kept.into_iter().next()
}
