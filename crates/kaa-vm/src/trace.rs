//! `kaa --trace`: one line per executed instruction — where it is (file:line, function), what it
//! is, and the top of the value stack just before it runs. The interpreter loop has a traced
//! instantiation (`run_until_error::<true>`) used only while `Vm::tracer` is set, so untraced
//! runs pay nothing.

use crate::interp::Vm;
use crate::value::Value;
use kaa_bytecode::CodeObject;
use std::io::Write;

/// How many stack items a line shows, and how long one item's repr may be.
const STACK_ITEMS: usize = 4;
const ITEM_WIDTH: usize = 40;

pub struct Tracer {
    /// Stop tracing (the program runs on) after this many instructions.
    pub limit: Option<u64>,
    pub count: u64,
    pub out: Box<dyn Write>,
}

impl Tracer {
    pub fn new(limit: Option<u64>, out: Box<dyn Write>) -> Tracer {
        Tracer { limit, count: 0, out }
    }
}

/// A repr cut to `ITEM_WIDTH` characters.
fn short(text: String) -> String {
    if text.chars().count() <= ITEM_WIDTH {
        return text;
    }
    let cut: String = text.chars().take(ITEM_WIDTH - 3).collect();
    format!("{cut}...")
}

impl Vm {
    /// Prints the trace line for instruction `index` of `code`, about to run with `stack_len`
    /// values on the stack, of which the frame's own start at `stack_floor`.
    #[cold]
    #[inline(never)]
    pub(crate) fn trace_instruction(&mut self, code: &CodeObject, index: usize, stack_floor: usize) {
        // The tracer is out of the VM while reprs run, so code they call is not traced.
        let Some(mut tracer) = self.tracer.take() else {
            return;
        };
        if tracer.limit.is_some_and(|l| tracer.count >= l) {
            let _ = self.stdout.flush();
            let _ = writeln!(
                tracer.out,
                "# trace limit of {} instructions reached; the program goes on untraced",
                tracer.count
            );
            let _ = tracer.out.flush();
            return; // dropped: tracing is over
        }
        tracer.count += 1;
        let top: Vec<Value> =
            self.stack[stack_floor.min(self.stack.len())..].iter().rev().take(STACK_ITEMS).cloned().collect();
        let hidden = self.stack.len().saturating_sub(stack_floor).saturating_sub(top.len());
        let mut items = Vec::with_capacity(top.len() + 1);
        for v in top.iter().rev() {
            items.push(match v {
                Value::Null => "NULL".to_string(),
                _ => short(self.repr(v).unwrap_or_else(|_| format!("<{} object>", v.type_name()))),
            });
        }
        if hidden > 0 {
            items.insert(0, format!("...{hidden} more"));
        }
        let file = code.filename.rsplit('/').next().unwrap_or(&code.filename);
        let line = code.lines.get(index).copied().unwrap_or(0);
        let location = format!("{file}:{line}");
        let text = short(kaa_bytecode::dis::describe_instruction(code, index));
        // Program output printed so far comes first, so the two interleave in order.
        let _ = self.stdout.flush();
        let _ = writeln!(
            tracer.out,
            "{location:<14} {:<12} {index:>4} {text:<36} | stack: [{}]",
            code.name,
            items.join(", ")
        );
        self.tracer = Some(tracer);
    }
}
