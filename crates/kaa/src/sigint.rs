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
