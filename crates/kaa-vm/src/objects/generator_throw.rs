//! `gen.throw(exc)` / `coro.throw(exc)` while the generator is suspended in `yield from` or
//! `await`: the exception goes to the inner iterator first, as CPython's `gen_throw` does. If
//! the inner one yields, the outer yields that; if it finishes, the outer leaves its delegation
//! loop with the inner's return value; if it raises, the error is thrown into the outer frame.

use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::generator::{GenStep, GeneratorObject};
use crate::value::Value;
use kaa_bytecode::Opcode;
use std::rc::Rc;

/// The iterator a suspended generator delegates to, and the instruction index just after its
/// delegation loop. A frame paused inside `yield from`/`await` resumes at the loop's
/// JUMP_BACKWARD to SEND, with the inner iterator on top of its stack.
fn delegate_of(g: &GeneratorObject) -> Option<(Value, usize)> {
    let saved = g.saved.borrow();
    let (suspended, values) = saved.parts()?;
    let code = &suspended.frame.code;
    let pc = suspended.frame.pc;
    let jump = code.instructions.get(pc)?;
    if jump.op() != Opcode::JumpBackward {
        return None;
    }
    let send_at = (pc + 1).checked_sub(jump.arg() as usize)?;
    let send = code.instructions.get(send_at)?;
    if send.op() != Opcode::Send {
        return None;
    }
    Some((values.last()?.clone(), send_at + 1 + send.arg() as usize))
}

impl Vm {
    /// Throws `err` into `g`, through the iterator it is delegating to if any.
    pub(crate) fn throw_through_delegate(
        &mut self,
        g: &Rc<GeneratorObject>,
        err: PyErr,
    ) -> PyResult<GenStep> {
        let Some((inner, loop_end)) = delegate_of(g) else {
            return self.resume_generator(g, Value::None, Some(err));
        };
        let is_exit = crate::objects::args::err_is(self, &err, ExcKind::GeneratorExit);
        if is_exit {
            // The inner iterator is closed first; an error from closing it replaces GeneratorExit.
            let closed = match &inner {
                Value::Generator(sub) => self.generator_close(sub).map(|_| ()),
                other => match self.get_attr(other, "close") {
                    Ok(close) => self.call_value(&close, Vec::new(), Vec::new()).map(|_| ()),
                    Err(_) => Ok(()),
                },
            };
            let err = closed.err().unwrap_or(err);
            return self.resume_generator(g, Value::None, Some(err));
        }
        let outcome: PyResult<Value> = match &inner {
            Value::Generator(sub) => match self.throw_through_delegate(sub, err) {
                Ok(GenStep::Yielded(v)) => return Ok(GenStep::Yielded(v)),
                Ok(GenStep::Returned(r)) => Ok(r),
                Err(e) => Err(e),
            },
            other => {
                let throw = match self.get_attr(other, "throw") {
                    Ok(t) => t,
                    Err(_) => return self.resume_generator(g, Value::None, Some(err)),
                };
                let exc = Value::Exception(self.materialize(err));
                match self.call_value(&throw, vec![exc], Vec::new()) {
                    Ok(v) => return Ok(GenStep::Yielded(v)),
                    Err(e) if crate::objects::args::err_is(self, &e, ExcKind::StopIteration) => {
                        let stop = self.materialize(e);
                        let value = stop.args.borrow().first().cloned().unwrap_or(Value::None);
                        Ok(value)
                    }
                    Err(e) => Err(e),
                }
            }
        };
        match outcome {
            Ok(value) => {
                // The inner iterator finished: leave the delegation loop as SEND would, with its
                // return value as the value of the `await`/`yield from`.
                if let Some((suspended, values)) = g.saved.borrow_mut().parts_mut() {
                    values.pop();
                    suspended.frame.pc = loop_end;
                }
                self.resume_generator(g, value, None)
            }
            Err(e) => self.resume_generator(g, Value::None, Some(e)),
        }
    }
}

/// The exception `throw(typ[, val[, tb]])` raises, from its arguments (after `self`) as
/// CPython's `_gen_throw` builds it: a class is called with the value (a tuple spreads), an
/// instance stands alone, and a traceback is attached.
pub fn thrown_exception(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let Some(typ) = args.first() else {
        return Err(PyErr::type_error("throw expected at least 1 argument, got 0"));
    };
    if args.len() > 3 {
        return Err(PyErr::type_error(format!("throw expected at most 3 arguments, got {}", args.len())));
    }
    let val = args.get(1).filter(|v| !matches!(v, Value::None));
    let tb = args.get(2).filter(|v| !matches!(v, Value::None));
    if let Some(tb) = tb {
        if !matches!(tb, Value::Traceback(_)) {
            return Err(PyErr::type_error("throw() third argument must be a traceback object"));
        }
    }
    if val.is_none() && tb.is_none() {
        return Ok(typ.clone());
    }
    let exc = match typ {
        Value::Type(t) => {
            let is_instance = val.is_some_and(|v| vm.type_of(v).is_subclass(t));
            match val {
                Some(v) if is_instance => v.clone(),
                Some(Value::Tuple(items)) => vm.call_value(typ, items.to_vec(), Vec::new())?,
                Some(v) => vm.call_value(typ, vec![v.clone()], Vec::new())?,
                None => vm.call_value(typ, Vec::new(), Vec::new())?,
            }
        }
        _ if val.is_some() => {
            return Err(PyErr::type_error("instance exception may not have a separate value"));
        }
        other => other.clone(),
    };
    if let Some(tb) = tb {
        vm.set_attr(&exc, "__traceback__", tb.clone())?;
    }
    Ok(exc)
}
