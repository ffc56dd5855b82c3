//! The process's memory allocator: mimalloc. The front end allocates one small box or vector per
//! AST node and frees the whole tree after compiling it, and the VM allocates objects at a high
//! rate; mimalloc's thread-local free lists cut `kaa --compile`'s instruction count by about a
//! quarter against glibc's malloc (callgrind, Lib/typing.py) and help the VM's allocation-heavy
//! programs.
//!
//! mimalloc commits its first arena eagerly on Linux, which costs a small program about 6 MB of
//! resident memory; committing on demand instead keeps `kaa -c pass` as small as with malloc.
//! Freed memory is also returned to the system at once (purge delay 0, not mimalloc's 10 ms):
//! a program that builds and drops large structures (or a full cycle collection's temporary
//! tables) otherwise peaks 10–25% higher in resident memory, for a few percent more system time.
//! The options must be set before the first allocation, so they are set by an ELF constructor.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_arena_eager_commit` in mimalloc's `mi_option_t` (the same number in v2 and v3).
const MI_OPTION_ARENA_EAGER_COMMIT: libc::c_int = 4;
/// `mi_option_purge_delay` (v2's numbering).
const MI_OPTION_PURGE_DELAY: libc::c_int = 15;

extern "C" {
    fn mi_option_set(option: libc::c_int, value: libc::c_long);
}

extern "C" fn commit_on_demand() {
    // SAFETY: only records an option value; mimalloc reads it when it first maps an arena.
    unsafe {
        mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0);
        mi_option_set(MI_OPTION_PURGE_DELAY, 0);
    }
}

#[used]
#[link_section = ".init_array"]
static SET_ALLOCATOR_OPTIONS: extern "C" fn() = commit_on_demand;

/// `kaa --compile` frees and reallocates whole syntax trees on every core: returning that
/// memory at once costs it about a third of its time in the kernel, and its peak does not
/// matter, so it goes back to mimalloc's usual delay (10 ms).
pub fn delay_purging() {
    // SAFETY: mimalloc reads this option each time it considers purging.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 10) }
}
