//! Running `__del__` and weak-reference callbacks: what destructors queued (see `GcSignals`),
//! drained by the interpreter at safe points, and what is left when the program ends.

use super::Pending;
use crate::exceptions::ExceptionObject;
use crate::interp::Vm;
use crate::objects::types::InstanceObject;
use crate::value::Value;
use std::io::Write;
use std::rc::Rc;

/// Called when an instance's last reference goes away (from `Drop`, so without the VM). If its
/// class has a finalizer that has not run yet, the instance's contents move into a fresh object
/// queued for `__del__`; weak references with callbacks get a death notice.
pub fn instance_died(inst: &mut InstanceObject) {
    let Some(signals) = inst.class.gc_signals.get() else { return };
    // CPython calls __del__ first, then clears the weak references.
    if !inst.finalized.get() && inst.class.lookup("__del__").is_some() {
        let mut revived = InstanceObject::new(inst.class.clone());
        revived.dict = inst.dict.clone();
        revived.slots = std::mem::take(&mut inst.slots);
        revived.finalized.set(true);
        signals.push(Pending::Finalize(Rc::new(revived)));
    }
    if inst.has_weakrefs.get() {
        signals.push(Pending::Died(inst as *const InstanceObject as usize));
    }
}

impl Vm {
    /// Runs every queued finalizer and weakref callback (including ones queued meanwhile).
    pub fn run_pending_finalizers(&mut self) {
        // Bounded so a finalizer that keeps making finalizable garbage cannot hang us here; what
        // is left waits for the next safe point.
        for _ in 0..10_000 {
            let next = {
                let mut pending = self.gc.signals.pending.borrow_mut();
                if pending.is_empty() {
                    None
                } else {
                    Some(pending.remove(0))
                }
            };
            match next {
                None => return,
                Some(Pending::Finalize(inst)) => self.call_finalizer(&inst),
                Some(Pending::Died(address)) => self.run_weakref_callbacks(address),
            }
        }
        self.gc.signals.attention.set(true);
    }

    /// Calls `inst.__del__()`; an exception is reported and ignored, as CPython does.
    pub fn call_finalizer(&mut self, inst: &Rc<InstanceObject>) {
        let Some(del) = inst.class.lookup("__del__") else { return };
        let this = Value::Instance(inst.clone());
        if let Err(e) = self.call_value(&del, vec![this], Vec::new()) {
            let exc = self.materialize(e);
            self.report_unraisable("Exception ignored in", &del, &exc);
        }
    }

    /// CPython's "Exception ignored in: <obj>" report, then the traceback, on stderr.
    #[cold]
    pub fn report_unraisable(&mut self, message: &str, obj: &Value, exc: &Rc<ExceptionObject>) {
        let _ = self.stdout.flush();
        let what = self.repr(obj).unwrap_or_else(|_| format!("<{} object>", obj.type_name()));
        eprintln!("{message}: {what}");
        self.print_exception(exc);
    }

    /// At interpreter exit: finalizers of what is still queued, then of the objects the main
    /// module's globals hold, then a last collection so instances in cycles are finalized too.
    pub fn finalize_at_exit(&mut self, globals: &Rc<crate::objects::dict::DictObject>) {
        self.run_pending_finalizers();
        // The main module's namespace goes away with the module: its entries are released in
        // insertion order.
        for k in globals.keys() {
            if matches!(&k, Value::Str(s) if s.as_str() == "__builtins__") {
                continue;
            }
            let _ = globals.set(k, Value::None);
            self.run_pending_finalizers();
        }
        self.collect_generation(super::GENERATIONS - 1, "shutdown");
        self.run_pending_finalizers();
        self.poll_dead_weakrefs();
        self.run_pending_finalizers();
        let _ = self.stdout.flush();
    }
}
