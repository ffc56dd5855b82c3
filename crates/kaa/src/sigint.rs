//! SIGINT while the interactive prompt runs code: instead of ending the process, Ctrl-C asks the
//! interpreter to raise KeyboardInterrupt (see `kaa_vm::interrupt`). The previous disposition
//! comes back when the handler is dropped.

pub struct Handler {
    previous: libc::sighandler_t,
}

extern "C" fn on_sigint(_: libc::c_int) {
    kaa_vm::interrupt::request();
}

impl Handler {
    pub fn install() -> Handler {
        let handler: extern "C" fn(libc::c_int) = on_sigint;
        // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
        let previous = unsafe { libc::signal(libc::SIGINT, handler as libc::sighandler_t) };
        if previous == libc::SIG_IGN {
            // Like CPython, a SIGINT ignored by the parent (`nohup`, a background job) stays
            // ignored: no KeyboardInterrupt, and `signal.getsignal(SIGINT)` says SIG_IGN.
            // SAFETY: puts back the disposition just replaced.
            unsafe { libc::signal(libc::SIGINT, libc::SIG_IGN) };
        }
        Handler { previous }
    }
}

impl Drop for Handler {
    fn drop(&mut self) {
        // SAFETY: restores the disposition `install` replaced.
        unsafe {
            libc::signal(libc::SIGINT, self.previous);
        }
    }
}

/// Blocks every signal in the calling thread (the main thread, which only waits for the
/// interpreter's thread): the kernel then delivers process-directed signals to the thread
/// running Python, so a handler set with `signal.signal` runs right after `os.kill(os.getpid(),
/// ...)` returns, as in CPython.
pub fn block_in_this_thread() {
    // SAFETY: `set` is initialized by sigfillset before use; only this thread's mask changes.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}
