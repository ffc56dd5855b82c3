//! Ctrl-C while Python code runs: the embedder's SIGINT handler calls `request()`, and the
//! interpreter raises KeyboardInterrupt at its next backward jump (every loop passes one), as
//! CPython's eval breaker does. An atomic flag is all a signal handler may touch.

use std::sync::atomic::{AtomicBool, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Asks the running code to stop (async-signal-safe).
pub fn request() {
    REQUESTED.store(true, Ordering::Relaxed);
}

/// Forgets a request nobody acted on.
pub fn clear() {
    REQUESTED.store(false, Ordering::Relaxed);
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
