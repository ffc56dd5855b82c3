//! Signals while Python code runs: a C signal handler records the signal number in a bit set
//! and raises a flag, and the interpreter acts at its next backward jump (every loop passes
//! one), as CPython's eval breaker does: SIGINT without a Python handler raises
//! KeyboardInterrupt, other signals run their `signal.signal` handlers
//! (`modules/signal.rs`). Atomics are all a signal handler may touch.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);
/// Bit `n` set: signal `n` arrived and is not handled yet.
static SIGNALS: AtomicU64 = AtomicU64::new(0);

/// Ctrl-C: asks the running code to stop (async-signal-safe).
pub fn request() {
    request_signal(libc::SIGINT);
}

/// Records that signal `signum` arrived (async-signal-safe).
pub fn request_signal(signum: i32) {
    if (0..64).contains(&signum) {
        SIGNALS.fetch_or(1 << signum, Ordering::Relaxed);
    }
    REQUESTED.store(true, Ordering::Relaxed);
}

/// Forgets a request nobody acted on.
pub fn clear() {
    REQUESTED.store(false, Ordering::Relaxed);
    SIGNALS.store(0, Ordering::Relaxed);
}

/// Is a request pending? Cheap enough for every backward jump.
#[inline(always)]
pub fn pending() -> bool {
    REQUESTED.load(Ordering::Relaxed)
}

/// Takes the pending request (the check after `pending()` said yes).
#[cold]
pub fn take() -> bool {
    REQUESTED.swap(false, Ordering::Relaxed)
}

/// Takes the set of signals that arrived (bit `n` for signal `n`).
#[cold]
pub fn take_signals() -> u64 {
    SIGNALS.swap(0, Ordering::Relaxed)
}
