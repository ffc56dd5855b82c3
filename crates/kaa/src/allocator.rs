//! The process's memory allocator: mimalloc. The front end allocates one small box or vector per
//! AST node and frees the whole tree after compiling it, and the VM allocates objects at a high
//! rate; mimalloc's thread-local free lists cut `kaa --compile`'s instruction count by about a
//! quarter against glibc's malloc (callgrind, Lib/typing.py) and help the VM's allocation-heavy
//! programs.
//!
//! mimalloc commits its first arena eagerly on Linux, which costs a small program about 6 MB of
//! resident memory; committing on demand instead keeps `kaa -c pass` as small as with malloc.
//! The option must be set before the first allocation, so it is set by an ELF constructor.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_arena_eager_commit` in mimalloc's `mi_option_t` (the same number in v2 and v3).
const MI_OPTION_ARENA_EAGER_COMMIT: libc::c_int = 4;

extern "C" {
    fn mi_option_set(option: libc::c_int, value: libc::c_long);
}

extern "C" fn commit_on_demand() {
    // SAFETY: only records an option value; mimalloc reads it when it first maps an arena.
    unsafe { mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0) }
}

#[used]
#[link_section = ".init_array"]
static SET_ALLOCATOR_OPTIONS: extern "C" fn() = commit_on_demand;
