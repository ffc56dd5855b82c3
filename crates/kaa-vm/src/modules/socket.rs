//! `_socket`: socket objects for AF_INET, AF_INET6 and AF_UNIX over the system calls, the
//! module functions `socket.py` builds on (`socketpair`, `getaddrinfo`, `gethostname`, the
//! `inet_*` conversions, byte-order helpers, default timeout) and the constants. Timeouts
//! follow CPython: a socket with a timeout is non-blocking underneath and waits with `poll`
//! before each operation, raising TimeoutError("timed out"); errors are OSError subclasses by
//! errno, name-resolution errors `socket.gaierror`.

use super::native_class::{add_class, cls_of, new_instance, state, tuple, Slots};
use super::posix::{errno_error, last_errno};
use crate::builtins::{hidden, Kwargs};
use crate::exceptions::{ExcKind, ExceptionObject, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::bytes::new_bytes;
use crate::objects::dict::DictObject;
use crate::value::Value;
use std::ffi::{CStr, CString};
use std::rc::Rc;

const CLASS: &str = "_socket.socket";

// The address conversions of the C library (glibc), which the `libc` crate does not declare.
extern "C" {
    #[link_name = "inet_ntop"]
    fn c_inet_ntop(
        af: libc::c_int,
        src: *const libc::c_void,
        dst: *mut libc::c_char,
        size: libc::socklen_t,
    ) -> *const libc::c_char;
    #[link_name = "inet_pton"]
    fn c_inet_pton(af: libc::c_int, src: *const libc::c_char, dst: *mut libc::c_void) -> libc::c_int;
    #[link_name = "inet_aton"]
    fn c_inet_aton(cp: *const libc::c_char, inp: *mut libc::in_addr) -> libc::c_int;
}
const DEFAULT_TIMEOUT_KEY: &str = "default_timeout";

pub fn init(vm: &mut Vm, dict: &Rc<DictObject>) {
    let methods: &[(&'static str, crate::objects::function::NativeFn)] = &[
        ("__init__", sock_init),
        ("__repr__", sock_repr),
        ("bind", sock_bind),
        ("connect", sock_connect),
        ("connect_ex", sock_connect_ex),
        ("listen", sock_listen),
        ("_accept", sock_accept),
        ("send", sock_send),
        ("sendall", sock_sendall),
        ("sendto", sock_sendto),
        ("recv", sock_recv),
        ("recv_into", sock_recv_into),
        ("recvfrom", sock_recvfrom),
        ("close", sock_close),
        ("detach", sock_detach),
        ("fileno", sock_fileno),
        ("dup", sock_dup),
        ("getsockname", sock_getsockname),
        ("getpeername", sock_getpeername),
        ("setsockopt", sock_setsockopt),
        ("getsockopt", sock_getsockopt),
        ("setblocking", sock_setblocking),
        ("getblocking", sock_getblocking),
        ("settimeout", sock_settimeout),
        ("gettimeout", sock_gettimeout),
        ("shutdown", sock_shutdown),
    ];
    let t = add_class(vm, dict, "_socket", "socket", Some(sock_new), methods);
    for (name, f) in [
        (
            "family",
            (|_, a, _| Ok(Value::Int(me(a)?.borrow().family as i64))) as crate::objects::function::NativeFn,
        ),
        ("type", |_, a, _| Ok(Value::Int(me(a)?.borrow().kind as i64))),
        ("proto", |_, a, _| Ok(Value::Int(me(a)?.borrow().proto as i64))),
        ("timeout", |_, a, _| Ok(timeout_value(me(a)?.borrow().timeout))),
    ] {
        t.dict.set_str(name, super::io::property(name, f, None));
    }
    dict.set_str("SocketType", Value::Type(t.clone()));
    vm.native_classes.insert(CLASS, t);
    super::add_functions(
        dict,
        &[
            ("socketpair", socketpair),
            ("gethostname", gethostname),
            ("getaddrinfo", getaddrinfo),
            ("gethostbyname", gethostbyname),
            ("inet_aton", inet_aton),
            ("inet_ntoa", inet_ntoa),
            ("inet_pton", inet_pton),
            ("inet_ntop", inet_ntop),
            ("htons", |vm, a, _| byte_order(vm, a, "htons", 16)),
            ("ntohs", |vm, a, _| byte_order(vm, a, "ntohs", 16)),
            ("htonl", |vm, a, _| byte_order(vm, a, "htonl", 32)),
            ("ntohl", |vm, a, _| byte_order(vm, a, "ntohl", 32)),
            ("getdefaulttimeout", getdefaulttimeout),
            ("setdefaulttimeout", setdefaulttimeout),
            ("close", close_fd),
            ("dup", dup_fd),
        ],
    );
    dict.set_str("error", Value::Type(vm.exception_type(ExcKind::OSError)));
    dict.set_str("timeout", Value::Type(vm.exception_type(ExcKind::TimeoutError)));
    dict.set_str("has_ipv6", Value::Bool(true));
    dict.set_str(&hidden(DEFAULT_TIMEOUT_KEY), Value::None);
    for (name, v) in CONSTANTS {
        dict.set_str(name, Value::Int(*v));
    }
    super::run_python_part(
        vm,
        dict,
        "class herror(OSError):\n    __module__ = 'socket'\nclass gaierror(OSError):\n    __module__ = 'socket'\n",
        "<frozen _socket>",
    );
}

const CONSTANTS: &[(&str, i64)] = &[
    ("AF_UNSPEC", libc::AF_UNSPEC as i64),
    ("AF_INET", libc::AF_INET as i64),
    ("AF_INET6", libc::AF_INET6 as i64),
    ("AF_UNIX", libc::AF_UNIX as i64),
    ("SOCK_STREAM", libc::SOCK_STREAM as i64),
    ("SOCK_DGRAM", libc::SOCK_DGRAM as i64),
    ("SOCK_RAW", libc::SOCK_RAW as i64),
    ("SOCK_SEQPACKET", libc::SOCK_SEQPACKET as i64),
    ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK as i64),
    ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC as i64),
    ("SOL_SOCKET", libc::SOL_SOCKET as i64),
    ("SO_REUSEADDR", libc::SO_REUSEADDR as i64),
    ("SO_REUSEPORT", libc::SO_REUSEPORT as i64),
    ("SO_KEEPALIVE", libc::SO_KEEPALIVE as i64),
    ("SO_BROADCAST", libc::SO_BROADCAST as i64),
    ("SO_ERROR", libc::SO_ERROR as i64),
    ("SO_TYPE", libc::SO_TYPE as i64),
    ("SO_RCVBUF", libc::SO_RCVBUF as i64),
    ("SO_SNDBUF", libc::SO_SNDBUF as i64),
    ("SO_LINGER", libc::SO_LINGER as i64),
    ("SO_RCVTIMEO", libc::SO_RCVTIMEO as i64),
    ("SO_SNDTIMEO", libc::SO_SNDTIMEO as i64),
    ("SO_DOMAIN", libc::SO_DOMAIN as i64),
    ("SO_PROTOCOL", libc::SO_PROTOCOL as i64),
    ("SO_ACCEPTCONN", libc::SO_ACCEPTCONN as i64),
    ("SOMAXCONN", 4096),
    ("IPPROTO_IP", libc::IPPROTO_IP as i64),
    ("IPPROTO_TCP", libc::IPPROTO_TCP as i64),
    ("IPPROTO_UDP", libc::IPPROTO_UDP as i64),
    ("IPPROTO_IPV6", libc::IPPROTO_IPV6 as i64),
    ("IPPROTO_ICMP", libc::IPPROTO_ICMP as i64),
    ("IPPROTO_RAW", libc::IPPROTO_RAW as i64),
    ("IPV6_V6ONLY", libc::IPV6_V6ONLY as i64),
    ("TCP_NODELAY", libc::TCP_NODELAY as i64),
    ("TCP_KEEPIDLE", libc::TCP_KEEPIDLE as i64),
    ("TCP_KEEPINTVL", libc::TCP_KEEPINTVL as i64),
    ("TCP_KEEPCNT", libc::TCP_KEEPCNT as i64),
    ("MSG_PEEK", libc::MSG_PEEK as i64),
    ("MSG_OOB", libc::MSG_OOB as i64),
    ("MSG_WAITALL", libc::MSG_WAITALL as i64),
    ("MSG_DONTWAIT", libc::MSG_DONTWAIT as i64),
    ("MSG_NOSIGNAL", libc::MSG_NOSIGNAL as i64),
    ("MSG_TRUNC", libc::MSG_TRUNC as i64),
    ("MSG_CTRUNC", libc::MSG_CTRUNC as i64),
    ("MSG_DONTROUTE", libc::MSG_DONTROUTE as i64),
    ("MSG_EOR", libc::MSG_EOR as i64),
    ("SHUT_RD", libc::SHUT_RD as i64),
    ("SHUT_WR", libc::SHUT_WR as i64),
    ("SHUT_RDWR", libc::SHUT_RDWR as i64),
    ("AI_PASSIVE", libc::AI_PASSIVE as i64),
    ("AI_CANONNAME", libc::AI_CANONNAME as i64),
    ("AI_NUMERICHOST", libc::AI_NUMERICHOST as i64),
    ("AI_NUMERICSERV", libc::AI_NUMERICSERV as i64),
    ("AI_V4MAPPED", libc::AI_V4MAPPED as i64),
    ("AI_ALL", libc::AI_ALL as i64),
    ("AI_ADDRCONFIG", libc::AI_ADDRCONFIG as i64),
    ("NI_NUMERICHOST", libc::NI_NUMERICHOST as i64),
    ("NI_NUMERICSERV", libc::NI_NUMERICSERV as i64),
    ("NI_NOFQDN", libc::NI_NOFQDN as i64),
    ("NI_NAMEREQD", libc::NI_NAMEREQD as i64),
    ("NI_DGRAM", libc::NI_DGRAM as i64),
    ("NI_MAXHOST", 1025),
    ("NI_MAXSERV", 32),
    ("EAI_NONAME", libc::EAI_NONAME as i64),
    ("EAI_AGAIN", libc::EAI_AGAIN as i64),
    ("EAI_FAIL", libc::EAI_FAIL as i64),
    ("EAI_FAMILY", libc::EAI_FAMILY as i64),
    ("EAI_SERVICE", libc::EAI_SERVICE as i64),
    ("EAI_SOCKTYPE", libc::EAI_SOCKTYPE as i64),
    ("INADDR_ANY", 0),
    ("INADDR_BROADCAST", 0xffff_ffff),
    ("INADDR_LOOPBACK", 0x7f00_0001),
    ("INADDR_NONE", 0xffff_ffff),
];

// ---- the socket object ----

struct Socket {
    fd: i32,
    family: i32,
    kind: i32,
    proto: i32,
    /// Seconds; negative means blocking without a timeout (None).
    timeout: f64,
}
impl Slots for Socket {}

impl Drop for Socket {
    fn drop(&mut self) {
        if self.fd >= 0 {
            // SAFETY: the descriptor belongs to this socket object.
            unsafe { libc::close(self.fd) };
        }
    }
}

fn me(args: &[Value]) -> PyResult<&std::cell::RefCell<Socket>> {
    state::<Socket>(args, CLASS, "socket")
}

fn timeout_value(t: f64) -> Value {
    if t < 0.0 {
        Value::None
    } else {
        Value::Float(t)
    }
}

fn module_dict(vm: &Vm) -> Option<Rc<DictObject>> {
    match vm.modules.get_str("_socket") {
        Some(Value::Module(m)) => Some(m.dict.clone()),
        _ => None,
    }
}

fn default_timeout(vm: &Vm) -> f64 {
    match module_dict(vm).and_then(|d| d.get_str(&hidden(DEFAULT_TIMEOUT_KEY))) {
        Some(Value::Float(f)) => f,
        _ => -1.0,
    }
}

fn sock_new(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    let st = Socket { fd: -1, family: libc::AF_INET, kind: libc::SOCK_STREAM, proto: 0, timeout: -1.0 };
    Ok(new_instance(vm, &cls, st))
}

fn int_arg(vm: &mut Vm, v: &Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => crate::objects::args::cint_arg(vm, v),
    }
}

fn getsockopt_int(fd: i32, level: i32, opt: i32) -> Option<i32> {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: `v` and `len` are valid for the call.
    let r = unsafe { libc::getsockopt(fd, level, opt, (&mut v as *mut libc::c_int).cast(), &mut len) };
    (r == 0).then_some(v)
}

fn sock_init(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args)?;
    let [family, kind, proto, fileno] =
        crate::builtins::clinic("socket", &args[1..], kwargs, ["family", "type", "proto", "fileno"], 4, 0)?;
    let mut family = int_arg(vm, &family, -1)? as i32;
    let mut kind = int_arg(vm, &kind, -1)? as i32;
    let mut proto = int_arg(vm, &proto, -1)? as i32;
    let fd = match fileno.filter(|v| !matches!(v, Value::None)) {
        Some(v) => {
            let fd = match v {
                Value::Float(_) => {
                    return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"))
                }
                other => crate::objects::args::cint_arg(vm, &other)? as i32,
            };
            if fd < 0 {
                return Err(PyErr::value_error("negative file descriptor"));
            }
            if family == -1 {
                family = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_DOMAIN)
                    .ok_or_else(|| errno_error(vm, last_errno(), None, None))?;
            }
            if kind == -1 {
                kind = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_TYPE)
                    .ok_or_else(|| errno_error(vm, last_errno(), None, None))?;
            }
            if proto == -1 {
                proto = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_PROTOCOL).unwrap_or(0);
            }
            fd
        }
        None => {
            if family == -1 {
                family = libc::AF_INET;
            }
            if kind == -1 {
                kind = libc::SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            // SAFETY: plain system call.
            let fd = unsafe { libc::socket(family, kind | libc::SOCK_CLOEXEC, proto) };
            if fd < 0 {
                return Err(errno_error(vm, last_errno(), None, None));
            }
            fd
        }
    };
    let timeout = if kind & libc::SOCK_NONBLOCK != 0 { 0.0 } else { default_timeout(vm) };
    let mut s = st.borrow_mut();
    let old_fd = std::mem::replace(&mut s.fd, fd);
    if old_fd >= 0 && old_fd != fd {
        // SAFETY: re-initialization replaces our own earlier descriptor.
        unsafe { libc::close(old_fd) };
    }
    s.family = family;
    s.kind = kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC);
    s.proto = proto;
    s.timeout = timeout;
    drop(s);
    if timeout >= 0.0 {
        set_blocking(fd, false);
    }
    Ok(Value::None)
}

fn set_blocking(fd: i32, blocking: bool) {
    // SAFETY: fcntl on a descriptor we own.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags >= 0 {
            let new = if blocking { flags & !libc::O_NONBLOCK } else { flags | libc::O_NONBLOCK };
            libc::fcntl(fd, libc::F_SETFL, new);
        }
    }
}

fn sock_repr(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = me(args)?.borrow();
    Ok(Value::str(&format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        s.fd, s.family, s.kind, s.proto
    )))
}

/// The open descriptor and timeout of `args[0]`; a closed socket fails with EBADF.
fn open_fd(vm: &Vm, args: &[Value]) -> PyResult<(i32, f64)> {
    let s = me(args)?.borrow();
    if s.fd < 0 {
        return Err(errno_error(vm, libc::EBADF, None, None));
    }
    Ok((s.fd, s.timeout))
}

#[cold]
fn timed_out(vm: &Vm) -> PyErr {
    let cls = vm.exception_type(ExcKind::TimeoutError);
    PyErr::Raised(Rc::new(ExceptionObject::new(cls, vec![Value::str("timed out")])))
}

fn monotonic() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is valid to write.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

/// Runs `op` (a system call returning -1 with errno on failure) as CPython's `sock_call`
/// does: retried on EINTR; with a timeout, preceded by waiting for `events` and retried while
/// it would block, until the deadline.
fn sock_call(
    vm: &mut Vm,
    fd: i32,
    timeout: f64,
    events: i16,
    mut op: impl FnMut() -> isize,
) -> PyResult<isize> {
    let deadline = (timeout > 0.0).then(|| monotonic() + timeout);
    loop {
        if let Some(d) = deadline {
            let left = d - monotonic();
            if left <= 0.0 {
                return Err(timed_out(vm));
            }
            let mut p = libc::pollfd { fd, events, revents: 0 };
            let ms = (left * 1000.0).ceil() as i32;
            // SAFETY: one valid pollfd.
            let n = unsafe { libc::poll(&mut p, 1, ms) };
            if n < 0 {
                let e = last_errno();
                if e == libc::EINTR {
                    vm.run_signal_handlers()?;
                    continue;
                }
                return Err(errno_error(vm, e, None, None));
            }
            if n == 0 {
                return Err(timed_out(vm));
            }
        }
        let r = op();
        if r >= 0 {
            return Ok(r);
        }
        let e = last_errno();
        if e == libc::EINTR {
            vm.run_signal_handlers()?;
            continue;
        }
        if deadline.is_some() && (e == libc::EAGAIN || e == libc::EWOULDBLOCK) {
            continue;
        }
        return Err(errno_error(vm, e, None, None));
    }
}

// ---- addresses ----

/// A C socket address.
struct SockAddr {
    storage: libc::sockaddr_storage,
    len: libc::socklen_t,
}

impl SockAddr {
    fn empty() -> SockAddr {
        // SAFETY: sockaddr_storage is plain data.
        SockAddr {
            storage: unsafe { std::mem::zeroed() },
            len: std::mem::size_of::<libc::sockaddr_storage>() as _,
        }
    }
    fn ptr(&self) -> *const libc::sockaddr {
        (&self.storage as *const libc::sockaddr_storage).cast()
    }
    fn mut_ptr(&mut self) -> *mut libc::sockaddr {
        (&mut self.storage as *mut libc::sockaddr_storage).cast()
    }
}

#[cold]
fn gai_error(vm: &mut Vm, code: i32) -> PyErr {
    // SAFETY: gai_strerror returns a static string.
    let msg = unsafe { CStr::from_ptr(libc::gai_strerror(code)) }.to_string_lossy().into_owned();
    let cls = module_dict(vm).and_then(|d| d.get_str("gaierror"));
    match cls {
        Some(cls) => match vm.call_value(&cls, vec![Value::Int(code as i64), Value::str(&msg)], vec![]) {
            Ok(Value::Exception(e)) => PyErr::Raised(e),
            Ok(_) => PyErr::new(ExcKind::OSError, msg),
            Err(e) => e,
        },
        None => PyErr::new(ExcKind::OSError, msg),
    }
}

/// The host part of an address: "" is INADDR_ANY, "<broadcast>" the broadcast address,
/// anything else resolved by getaddrinfo.
fn resolve_host(vm: &mut Vm, host: &str, family: i32) -> PyResult<SockAddr> {
    let mut out = SockAddr::empty();
    if family == libc::AF_INET && (host.is_empty() || host == "<broadcast>") {
        let ip: u32 = if host.is_empty() { 0 } else { 0xffff_ffff };
        let sin = libc::sockaddr_in {
            sin_family: libc::AF_INET as libc::sa_family_t,
            sin_port: 0,
            sin_addr: libc::in_addr { s_addr: ip.to_be() },
            sin_zero: [0; 8],
        };
        // SAFETY: the storage is large enough for a sockaddr_in.
        unsafe { std::ptr::write(out.mut_ptr().cast(), sin) };
        out.len = std::mem::size_of::<libc::sockaddr_in>() as _;
        return Ok(out);
    }
    let c = CString::new(host).map_err(|_| PyErr::type_error("host name must not contain null character"))?;
    // SAFETY: addrinfo hints are plain data.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = family;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: valid C strings and out pointer.
    let code = unsafe { libc::getaddrinfo(c.as_ptr(), std::ptr::null(), &hints, &mut res) };
    if code != 0 {
        return Err(gai_error(vm, code));
    }
    // SAFETY: getaddrinfo succeeded, so `res` is a valid list with at least one entry.
    unsafe {
        let ai = &*res;
        let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
        std::ptr::copy_nonoverlapping(ai.ai_addr.cast::<u8>(), out.mut_ptr().cast::<u8>(), n);
        out.len = n as _;
        libc::freeaddrinfo(res);
    }
    Ok(out)
}

fn port_arg(vm: &mut Vm, v: &Value, caller: &str) -> PyResult<u16> {
    let p = match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => crate::objects::args::index_value(vm, v)?,
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                super::native_class::type_name_of(other)
            )))
        }
    };
    match p {
        Value::Int(i) if (0..=65535).contains(&i) => Ok(i as u16),
        _ => Err(PyErr::new(ExcKind::OverflowError, format!("{caller}(): port must be 0-65535."))),
    }
}

/// `getsockaddrarg`: a Python address for a socket of `family` as a C address.
fn sockaddr_arg(vm: &mut Vm, family: i32, addr: &Value, caller: &str) -> PyResult<SockAddr> {
    match family {
        libc::AF_UNIX => {
            let path: Vec<u8> = match addr {
                Value::Str(s) => s.as_str().as_bytes().to_vec(),
                other => match crate::objects::bytes::buffer(other) {
                    Some(b) => b.to_vec(),
                    None => {
                        return Err(PyErr::type_error(format!(
                            "a bytes-like object is required, not '{}'",
                            other.type_name()
                        )))
                    }
                },
            };
            let mut out = SockAddr::empty();
            // SAFETY: sockaddr_un fits in the storage; the path is bounds-checked below.
            let un = unsafe { &mut *(out.mut_ptr() as *mut libc::sockaddr_un) };
            if path.len() >= un.sun_path.len() {
                return Err(PyErr::new(ExcKind::OSError, "AF_UNIX path too long"));
            }
            un.sun_family = libc::AF_UNIX as libc::sa_family_t;
            for (d, s) in un.sun_path.iter_mut().zip(&path) {
                *d = *s as libc::c_char;
            }
            let base = std::mem::size_of::<libc::sa_family_t>();
            // Abstract names (leading NUL) are exactly as long as given; paths end in a NUL.
            let extra = if path.first() == Some(&0) { 0 } else { 1 };
            out.len = (base + path.len() + extra) as _;
            Ok(out)
        }
        libc::AF_INET | libc::AF_INET6 => {
            let Value::Tuple(t) = addr else {
                let fam = if family == libc::AF_INET { "AF_INET" } else { "AF_INET6" };
                return Err(PyErr::type_error(format!(
                    "{caller}(): {fam} address must be tuple, not {}",
                    super::native_class::type_name_of(addr)
                )));
            };
            let ok_len = if family == libc::AF_INET { t.len() == 2 } else { (2..=4).contains(&t.len()) };
            if !ok_len {
                return Err(PyErr::type_error(if family == libc::AF_INET {
                    "AF_INET address must be a pair (host, port)".to_string()
                } else {
                    "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])".to_string()
                }));
            }
            let host = match &t[0] {
                Value::Str(s) => s.as_str().to_string(),
                other => match crate::objects::bytes::buffer(other) {
                    Some(b) => String::from_utf8_lossy(&b).into_owned(),
                    None => {
                        return Err(PyErr::type_error(format!(
                            "str, bytes or bytearray expected, not {}",
                            super::native_class::type_name_of(other)
                        )))
                    }
                },
            };
            let port = port_arg(vm, &t[1], caller)?;
            let mut out = resolve_host(vm, &host, family)?;
            // SAFETY: the resolved address is of `family`, so the cast matches its layout.
            unsafe {
                if family == libc::AF_INET {
                    (*(out.mut_ptr() as *mut libc::sockaddr_in)).sin_port = port.to_be();
                } else {
                    let sin6 = &mut *(out.mut_ptr() as *mut libc::sockaddr_in6);
                    sin6.sin6_port = port.to_be();
                    if let Some(v) = t.get(2) {
                        sin6.sin6_flowinfo = (crate::objects::args::cint_arg(vm, v)? as u32).to_be();
                    }
                    if let Some(v) = t.get(3) {
                        sin6.sin6_scope_id = crate::objects::args::cint_arg(vm, v)? as u32;
                    }
                }
            }
            Ok(out)
        }
        _ => Err(PyErr::new(ExcKind::OSError, format!("{caller}(): bad family"))),
    }
}

fn ip_text(family: i32, addr: *const libc::c_void) -> String {
    let mut buf = [0 as libc::c_char; 64];
    // SAFETY: `addr` points at an address of `family`; the buffer is large enough.
    let p = unsafe { c_inet_ntop(family, addr, buf.as_mut_ptr(), buf.len() as _) };
    if p.is_null() {
        return String::new();
    }
    // SAFETY: inet_ntop wrote a NUL-terminated string.
    unsafe { CStr::from_ptr(buf.as_ptr()) }.to_string_lossy().into_owned()
}

/// `makesockaddr`: a C address as the Python value CPython gives.
fn sockaddr_value(addr: &SockAddr) -> Value {
    let family = addr.storage.ss_family as i32;
    // SAFETY: each cast matches the family the kernel reported.
    unsafe {
        match family {
            libc::AF_INET => {
                let sin = &*(addr.ptr() as *const libc::sockaddr_in);
                let ip = ip_text(family, (&sin.sin_addr as *const libc::in_addr).cast());
                tuple(vec![Value::str(&ip), Value::Int(u16::from_be(sin.sin_port) as i64)])
            }
            libc::AF_INET6 => {
                let sin6 = &*(addr.ptr() as *const libc::sockaddr_in6);
                let ip = ip_text(family, (&sin6.sin6_addr as *const libc::in6_addr).cast());
                tuple(vec![
                    Value::str(&ip),
                    Value::Int(u16::from_be(sin6.sin6_port) as i64),
                    Value::Int(u32::from_be(sin6.sin6_flowinfo) as i64),
                    Value::Int(sin6.sin6_scope_id as i64),
                ])
            }
            libc::AF_UNIX => {
                let un = &*(addr.ptr() as *const libc::sockaddr_un);
                let base = std::mem::size_of::<libc::sa_family_t>();
                let n = (addr.len as usize).saturating_sub(base).min(un.sun_path.len());
                let path: Vec<u8> = un.sun_path[..n].iter().map(|c| *c as u8).collect();
                if n > 0 && path[0] == 0 {
                    new_bytes(path)
                } else {
                    let end = path.iter().position(|b| *b == 0).unwrap_or(path.len());
                    Value::str(&String::from_utf8_lossy(&path[..end]))
                }
            }
            _ => tuple(vec![Value::Int(family as i64), new_bytes(Vec::new())]),
        }
    }
}

// ---- methods ----

fn method_args<'a>(
    name: &str,
    args: &'a [Value],
    kwargs: &Kwargs,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    crate::builtins::no_kwargs(name, kwargs)?;
    let rest = &args[1.min(args.len())..];
    crate::builtins::arity(name, rest, min, max)?;
    Ok(rest)
}

fn family_of(args: &[Value]) -> PyResult<i32> {
    Ok(me(args)?.borrow().family)
}

fn sock_bind(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("bind", args, kwargs, 1, 1)?;
    let (fd, _) = open_fd(vm, args)?;
    let addr = sockaddr_arg(vm, family_of(args)?, &rest[0], "bind")?;
    // SAFETY: a valid address of its length.
    if unsafe { libc::bind(fd, addr.ptr(), addr.len) } < 0 {
        return Err(errno_error(vm, last_errno(), None, None));
    }
    Ok(Value::None)
}

/// Connects; returns the errno (0 on success) for `connect_ex`, as CPython's `internal_connect`.
fn connect(vm: &mut Vm, args: &[Value], address: &Value, caller: &str) -> PyResult<i32> {
    let (fd, timeout) = open_fd(vm, args)?;
    let addr = sockaddr_arg(vm, family_of(args)?, address, caller)?;
    loop {
        // SAFETY: a valid address of its length.
        let r = unsafe { libc::connect(fd, addr.ptr(), addr.len) };
        if r == 0 {
            return Ok(0);
        }
        let e = last_errno();
        if e == libc::EINTR {
            vm.run_signal_handlers()?;
            if timeout == 0.0 {
                return Ok(e);
            }
            continue;
        }
        if e == libc::EINPROGRESS && timeout > 0.0 {
            sock_call(vm, fd, timeout, libc::POLLOUT, || 0)?;
            let err = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_ERROR).unwrap_or(0);
            return Ok(err);
        }
        return Ok(e);
    }
}

fn sock_connect(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("connect", args, kwargs, 1, 1)?;
    match connect(vm, args, &rest[0], "connect")? {
        0 => Ok(Value::None),
        e => Err(errno_error(vm, e, None, None)),
    }
}

fn sock_connect_ex(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("connect_ex", args, kwargs, 1, 1)?;
    Ok(Value::Int(connect(vm, args, &rest[0], "connect_ex")? as i64))
}

fn sock_listen(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("listen", args, kwargs, 0, 1)?;
    let (fd, _) = open_fd(vm, args)?;
    let backlog = match rest.first() {
        Some(v) => crate::objects::args::cint_arg(vm, v)?.max(0) as i32,
        None => 128,
    };
    // SAFETY: plain system call.
    if unsafe { libc::listen(fd, backlog) } < 0 {
        return Err(errno_error(vm, last_errno(), None, None));
    }
    Ok(Value::None)
}

fn sock_accept(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    method_args("_accept", args, kwargs, 0, 0)?;
    let (fd, timeout) = open_fd(vm, args)?;
    let mut addr = SockAddr::empty();
    let ptr = addr.mut_ptr();
    let mut len = addr.len;
    let new = sock_call(vm, fd, timeout, libc::POLLIN, || {
        len = std::mem::size_of::<libc::sockaddr_storage>() as _;
        // SAFETY: `ptr`/`len` describe the storage.
        unsafe { libc::accept4(fd, ptr, &mut len, libc::SOCK_CLOEXEC) as isize }
    })?;
    addr.len = len;
    Ok(tuple(vec![Value::Int(new as i64), sockaddr_value(&addr)]))
}

fn flags_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i32> {
    Ok(match v {
        Some(v) => crate::objects::args::cint_arg(vm, v)? as i32,
        None => 0,
    })
}

fn sock_send(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("send", args, kwargs, 1, 2)?;
    let (fd, timeout) = open_fd(vm, args)?;
    let data = crate::objects::bytes::buffer_arg(&rest[0])?;
    let flags = flags_arg(vm, rest.get(1))? | libc::MSG_NOSIGNAL;
    let n = sock_call(vm, fd, timeout, libc::POLLOUT, || {
        // SAFETY: `data` is valid for its length.
        unsafe { libc::send(fd, data.as_ptr().cast(), data.len(), flags) }
    })?;
    Ok(Value::Int(n as i64))
}

fn sock_sendall(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("sendall", args, kwargs, 1, 2)?;
    let (fd, timeout) = open_fd(vm, args)?;
    let data = crate::objects::bytes::buffer_arg(&rest[0])?;
    let flags = flags_arg(vm, rest.get(1))? | libc::MSG_NOSIGNAL;
    let mut sent = 0;
    while sent < data.len() {
        let chunk = &data[sent..];
        let n = sock_call(vm, fd, timeout, libc::POLLOUT, || {
            // SAFETY: `chunk` is valid for its length.
            unsafe { libc::send(fd, chunk.as_ptr().cast(), chunk.len(), flags) }
        })?;
        sent += n as usize;
    }
    Ok(Value::None)
}

fn sock_sendto(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("sendto", args, kwargs, 2, 3)?;
    let (fd, timeout) = open_fd(vm, args)?;
    let data = crate::objects::bytes::buffer_arg(&rest[0])?;
    let (flags, address) =
        if rest.len() == 3 { (flags_arg(vm, Some(&rest[1]))?, &rest[2]) } else { (0, &rest[1]) };
    let addr = sockaddr_arg(vm, family_of(args)?, address, "sendto")?;
    let n = sock_call(vm, fd, timeout, libc::POLLOUT, || {
        // SAFETY: `data` and `addr` are valid for their lengths.
        unsafe {
            libc::sendto(
                fd,
                data.as_ptr().cast(),
                data.len(),
                flags | libc::MSG_NOSIGNAL,
                addr.ptr(),
                addr.len,
            )
        }
    })?;
    Ok(Value::Int(n as i64))
}

fn recv_size(vm: &mut Vm, v: &Value, caller: &str) -> PyResult<usize> {
    let n = crate::objects::args::ssize_arg(vm, v)?;
    if n < 0 {
        return Err(PyErr::value_error(format!("negative buffersize in {caller}")));
    }
    Ok(n as usize)
}

fn sock_recv(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("recv", args, kwargs, 1, 2)?;
    let (fd, timeout) = open_fd(vm, args)?;
    let size = recv_size(vm, &rest[0], "recv")?;
    let flags = flags_arg(vm, rest.get(1))?;
    let mut buf = crate::objects::bytes::with_capacity(size)?;
    buf.resize(size, 0);
    let ptr = buf.as_mut_ptr();
    let n = sock_call(vm, fd, timeout, libc::POLLIN, || {
        // SAFETY: `ptr` is valid for `size` bytes.
        unsafe { libc::recv(fd, ptr.cast(), size, flags) }
    })?;
    buf.truncate(n as usize);
    Ok(new_bytes(buf))
}

fn sock_recv_into(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [buffer, nbytes, flags] =
        crate::builtins::clinic("recv_into", &args[1..], kwargs, ["buffer", "nbytes", "flags"], 3, 1)?;
    let (fd, timeout) = open_fd(vm, args)?;
    let buffer = buffer.unwrap_or(Value::None);
    let cap = super::io::buffer_len(vm, &buffer)?;
    let mut size = match nbytes {
        Some(v) => {
            let n = crate::objects::args::ssize_arg(vm, &v)?;
            if n < 0 {
                return Err(PyErr::value_error("negative buffersize in recv_into"));
            }
            n as usize
        }
        None => 0,
    };
    if size == 0 {
        size = cap;
    }
    if size > cap {
        return Err(PyErr::value_error("buffer too small for requested bytes"));
    }
    let flags = flags_arg(vm, flags.as_ref())?;
    let mut buf = vec![0u8; size];
    let ptr = buf.as_mut_ptr();
    let n = sock_call(vm, fd, timeout, libc::POLLIN, || {
        // SAFETY: `ptr` is valid for `size` bytes.
        unsafe { libc::recv(fd, ptr.cast(), size, flags) }
    })? as usize;
    super::io::fill_buffer(vm, &buffer, &buf[..n])?;
    Ok(Value::Int(n as i64))
}

fn sock_recvfrom(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("recvfrom", args, kwargs, 1, 2)?;
    let (fd, timeout) = open_fd(vm, args)?;
    let size = recv_size(vm, &rest[0], "recvfrom")?;
    let flags = flags_arg(vm, rest.get(1))?;
    let mut buf = vec![0u8; size];
    let ptr = buf.as_mut_ptr();
    let mut addr = SockAddr::empty();
    let aptr = addr.mut_ptr();
    let mut len = addr.len;
    let n = sock_call(vm, fd, timeout, libc::POLLIN, || {
        len = std::mem::size_of::<libc::sockaddr_storage>() as _;
        // SAFETY: buffers valid for their lengths.
        unsafe { libc::recvfrom(fd, ptr.cast(), size, flags, aptr, &mut len) }
    })?;
    addr.len = len;
    buf.truncate(n as usize);
    let a = if len == 0 { Value::None } else { sockaddr_value(&addr) };
    Ok(tuple(vec![new_bytes(buf), a]))
}

fn sock_close(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let fd = std::mem::replace(&mut me(args)?.borrow_mut().fd, -1);
    // SAFETY: the descriptor was ours and is forgotten above.
    if fd >= 0 && unsafe { libc::close(fd) } < 0 {
        let e = last_errno();
        // ECONNRESET on close is ignored, as in CPython.
        if e != libc::ECONNRESET {
            return Err(errno_error(vm, e, None, None));
        }
    }
    Ok(Value::None)
}

fn sock_detach(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(std::mem::replace(&mut me(args)?.borrow_mut().fd, -1) as i64))
}

fn sock_fileno(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(me(args)?.borrow().fd as i64))
}

fn sock_dup(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (fd, _) = open_fd(vm, args)?;
    let (family, kind, proto, timeout) = {
        let s = me(args)?.borrow();
        (s.family, s.kind, s.proto, s.timeout)
    };
    // SAFETY: plain system call.
    let new = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if new < 0 {
        return Err(errno_error(vm, last_errno(), None, None));
    }
    let cls = super::native_class::class_named(vm, CLASS)?;
    Ok(new_instance(vm, &cls, Socket { fd: new, family, kind, proto, timeout }))
}

fn sock_name(vm: &mut Vm, args: &[Value], peer: bool) -> PyResult<Value> {
    let (fd, _) = open_fd(vm, args)?;
    let mut addr = SockAddr::empty();
    let mut len = addr.len;
    // SAFETY: the storage and its length are valid.
    let r = unsafe {
        if peer {
            libc::getpeername(fd, addr.mut_ptr(), &mut len)
        } else {
            libc::getsockname(fd, addr.mut_ptr(), &mut len)
        }
    };
    if r < 0 {
        return Err(errno_error(vm, last_errno(), None, None));
    }
    addr.len = len;
    if addr.storage.ss_family == 0 {
        addr.storage.ss_family = family_of(args)? as libc::sa_family_t;
    }
    Ok(sockaddr_value(&addr))
}

fn sock_getsockname(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    method_args("getsockname", args, kwargs, 0, 0)?;
    sock_name(vm, args, false)
}

fn sock_getpeername(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    method_args("getpeername", args, kwargs, 0, 0)?;
    sock_name(vm, args, true)
}

fn sock_setsockopt(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("setsockopt", args, kwargs, 3, 4)?;
    let (fd, _) = open_fd(vm, args)?;
    let level = crate::objects::args::cint_arg(vm, &rest[0])? as i32;
    let opt = crate::objects::args::cint_arg(vm, &rest[1])? as i32;
    let r = match &rest[2] {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let v = crate::objects::args::cint_arg(vm, &rest[2])? as libc::c_int;
            // SAFETY: an int option value.
            unsafe {
                libc::setsockopt(
                    fd,
                    level,
                    opt,
                    (&v as *const libc::c_int).cast(),
                    std::mem::size_of::<libc::c_int>() as _,
                )
            }
        }
        other => {
            let data = crate::objects::bytes::buffer_arg(other)?;
            // SAFETY: a byte buffer of its length.
            unsafe { libc::setsockopt(fd, level, opt, data.as_ptr().cast(), data.len() as _) }
        }
    };
    if r < 0 {
        return Err(errno_error(vm, last_errno(), None, None));
    }
    Ok(Value::None)
}

fn sock_getsockopt(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("getsockopt", args, kwargs, 2, 3)?;
    let (fd, _) = open_fd(vm, args)?;
    let level = crate::objects::args::cint_arg(vm, &rest[0])? as i32;
    let opt = crate::objects::args::cint_arg(vm, &rest[1])? as i32;
    match rest.get(2) {
        None => match getsockopt_int(fd, level, opt) {
            Some(v) => Ok(Value::Int(v as i64)),
            None => Err(errno_error(vm, last_errno(), None, None)),
        },
        Some(n) => {
            let n = crate::objects::args::cint_arg(vm, n)?;
            if !(0..=1024).contains(&n) {
                return Err(PyErr::new(ExcKind::OSError, "getsockopt buflen out of range"));
            }
            let mut buf = vec![0u8; n as usize];
            let mut len = n as libc::socklen_t;
            // SAFETY: the buffer is valid for `len` bytes.
            if unsafe { libc::getsockopt(fd, level, opt, buf.as_mut_ptr().cast(), &mut len) } < 0 {
                return Err(errno_error(vm, last_errno(), None, None));
            }
            buf.truncate(len as usize);
            Ok(new_bytes(buf))
        }
    }
}

fn timeout_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::None => Ok(-1.0),
        other => {
            let f = match crate::objects::float::as_f64(other) {
                Some(r) => r?,
                None => {
                    return Err(PyErr::type_error(format!(
                        "'{}' object cannot be interpreted as an integer or float",
                        super::native_class::type_name_of(other)
                    )))
                }
            };
            let _ = vm;
            if f.is_nan() {
                return Err(PyErr::value_error("Invalid value NaN (not a number)"));
            }
            if f < 0.0 {
                return Err(PyErr::value_error("Timeout value out of range"));
            }
            Ok(f)
        }
    }
}

fn set_timeout(vm: &mut Vm, args: &[Value], timeout: f64) -> PyResult<Value> {
    let fd = {
        let mut s = me(args)?.borrow_mut();
        s.timeout = timeout;
        s.fd
    };
    if fd >= 0 {
        set_blocking(fd, timeout < 0.0);
    }
    let _ = vm;
    Ok(Value::None)
}

fn sock_settimeout(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("settimeout", args, kwargs, 1, 1)?;
    let t = timeout_arg(vm, &rest[0])?;
    set_timeout(vm, args, t)
}

fn sock_gettimeout(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(timeout_value(me(args)?.borrow().timeout))
}

fn sock_setblocking(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("setblocking", args, kwargs, 1, 1)?;
    let blocking = vm.truthy(&rest[0])?;
    set_timeout(vm, args, if blocking { -1.0 } else { 0.0 })
}

fn sock_getblocking(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(me(args)?.borrow().timeout != 0.0))
}

fn sock_shutdown(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let rest = method_args("shutdown", args, kwargs, 1, 1)?;
    let (fd, _) = open_fd(vm, args)?;
    let how = crate::objects::args::cint_arg(vm, &rest[0])? as i32;
    // SAFETY: plain system call.
    if unsafe { libc::shutdown(fd, how) } < 0 {
        return Err(errno_error(vm, last_errno(), None, None));
    }
    Ok(Value::None)
}

// ---- module functions ----

fn socketpair(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("socketpair", kwargs)?;
    crate::builtins::arity("socketpair", args, 0, 3)?;
    let family = match args.first() {
        None | Some(Value::None) => libc::AF_UNIX,
        Some(v) => crate::objects::args::cint_arg(vm, v)? as i32,
    };
    let kind = match args.get(1) {
        Some(v) => crate::objects::args::cint_arg(vm, v)? as i32,
        None => libc::SOCK_STREAM,
    };
    let proto = match args.get(2) {
        Some(v) => crate::objects::args::cint_arg(vm, v)? as i32,
        None => 0,
    };
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for two descriptors.
    if unsafe { libc::socketpair(family, kind | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) } < 0 {
        return Err(errno_error(vm, last_errno(), None, None));
    }
    let cls = super::native_class::class_named(vm, CLASS)?;
    let timeout = default_timeout(vm);
    let kind = kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC);
    let mut out = Vec::new();
    for fd in fds {
        if timeout >= 0.0 {
            set_blocking(fd, false);
        }
        out.push(new_instance(vm, &cls, Socket { fd, family, kind, proto, timeout }));
    }
    Ok(tuple(out))
}

fn gethostname(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("gethostname", kwargs)?;
    crate::builtins::arity("gethostname", args, 0, 0)?;
    let mut buf = [0 as libc::c_char; 1024];
    // SAFETY: the buffer is valid for its length.
    if unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len()) } < 0 {
        return Err(errno_error(vm, last_errno(), None, None));
    }
    // SAFETY: gethostname wrote a NUL-terminated name.
    Ok(Value::str(&unsafe { CStr::from_ptr(buf.as_ptr()) }.to_string_lossy()))
}

fn text_or_bytes(v: &Value) -> Option<String> {
    match v {
        Value::Str(s) => Some(s.as_str().to_string()),
        other => crate::objects::bytes::buffer(other).map(|b| String::from_utf8_lossy(&b).into_owned()),
    }
}

fn getaddrinfo(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [host, port, family, kind, proto, flags] = crate::builtins::clinic(
        "getaddrinfo",
        args,
        kwargs,
        ["host", "port", "family", "type", "proto", "flags"],
        6,
        2,
    )?;
    let host = match host.unwrap_or(Value::None) {
        Value::None => None,
        v => Some(
            text_or_bytes(&v)
                .ok_or_else(|| PyErr::type_error("getaddrinfo() argument 1 must be string or None"))?,
        ),
    };
    let port = match port.unwrap_or(Value::None) {
        Value::None => None,
        Value::Int(i) => Some(i.to_string()),
        v @ (Value::Str(_) | Value::Bytes(_)) => text_or_bytes(&v),
        _ => return Err(PyErr::new(ExcKind::OSError, "Int or String expected")),
    };
    // SAFETY: addrinfo hints are plain data.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = int_arg(vm, &family, 0)? as i32;
    hints.ai_socktype = int_arg(vm, &kind, 0)? as i32;
    hints.ai_protocol = int_arg(vm, &proto, 0)? as i32;
    hints.ai_flags = int_arg(vm, &flags, 0)? as i32;
    let c_host =
        host.map(CString::new).transpose().map_err(|_| PyErr::value_error("embedded null character"))?;
    let c_port =
        port.map(CString::new).transpose().map_err(|_| PyErr::value_error("embedded null character"))?;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: valid (possibly null) C strings and out pointer.
    let code = unsafe {
        libc::getaddrinfo(
            c_host.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            c_port.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            &hints,
            &mut res,
        )
    };
    if code != 0 {
        return Err(gai_error(vm, code));
    }
    let mut out = Vec::new();
    let mut p = res;
    while !p.is_null() {
        // SAFETY: walking the list getaddrinfo returned.
        unsafe {
            let ai = &*p;
            let mut addr = SockAddr::empty();
            let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
            std::ptr::copy_nonoverlapping(ai.ai_addr.cast::<u8>(), addr.mut_ptr().cast::<u8>(), n);
            addr.len = n as _;
            let canon = if ai.ai_canonname.is_null() {
                String::new()
            } else {
                CStr::from_ptr(ai.ai_canonname).to_string_lossy().into_owned()
            };
            out.push(tuple(vec![
                Value::Int(ai.ai_family as i64),
                Value::Int(ai.ai_socktype as i64),
                Value::Int(ai.ai_protocol as i64),
                Value::str(&canon),
                sockaddr_value(&addr),
            ]));
            p = ai.ai_next;
        }
    }
    // SAFETY: the list came from getaddrinfo.
    unsafe { libc::freeaddrinfo(res) };
    Ok(vm.new_list(out))
}

fn gethostbyname(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("gethostbyname", kwargs)?;
    crate::builtins::arity("gethostbyname", args, 1, 1)?;
    let Value::Str(name) = &args[0] else {
        return Err(PyErr::type_error(format!(
            "gethostbyname() argument 1 must be str, not {}",
            super::native_class::type_name_of(&args[0])
        )));
    };
    let addr = resolve_host(vm, name.as_str(), libc::AF_INET)?;
    match sockaddr_value(&addr) {
        Value::Tuple(t) => Ok(t[0].clone()),
        other => Ok(other),
    }
}

fn inet_aton(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("inet_aton", kwargs)?;
    crate::builtins::arity("inet_aton", args, 1, 1)?;
    let Value::Str(s) = &args[0] else {
        return Err(PyErr::type_error(format!(
            "inet_aton() argument 1 must be str, not {}",
            super::native_class::type_name_of(&args[0])
        )));
    };
    let c = CString::new(s.as_str()).map_err(|_| PyErr::value_error("embedded null character"))?;
    let mut a = libc::in_addr { s_addr: 0 };
    // SAFETY: valid C string and out pointer.
    if unsafe { c_inet_aton(c.as_ptr(), &mut a) } == 0 {
        let _ = vm;
        return Err(PyErr::new(ExcKind::OSError, "illegal IP address string passed to inet_aton"));
    }
    Ok(new_bytes(a.s_addr.to_ne_bytes().to_vec()))
}

fn inet_ntoa(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("inet_ntoa", kwargs)?;
    crate::builtins::arity("inet_ntoa", args, 1, 1)?;
    let b = crate::objects::bytes::buffer_arg(&args[0])?;
    if b.len() != 4 {
        return Err(PyErr::new(ExcKind::OSError, "packed IP wrong length for inet_ntoa"));
    }
    Ok(Value::str(&format!("{}.{}.{}.{}", b[0], b[1], b[2], b[3])))
}

fn inet_pton(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("inet_pton", kwargs)?;
    crate::builtins::arity("inet_pton", args, 2, 2)?;
    let family = crate::objects::args::cint_arg(vm, &args[0])? as i32;
    let Value::Str(s) = &args[1] else {
        return Err(PyErr::type_error(format!(
            "inet_pton() argument 2 must be str, not {}",
            super::native_class::type_name_of(&args[1])
        )));
    };
    let c = CString::new(s.as_str()).map_err(|_| PyErr::value_error("embedded null character"))?;
    let mut buf = [0u8; 16];
    // SAFETY: the buffer is large enough for either family.
    let r = unsafe { c_inet_pton(family, c.as_ptr(), buf.as_mut_ptr().cast()) };
    match r {
        1 => Ok(new_bytes(buf[..if family == libc::AF_INET { 4 } else { 16 }].to_vec())),
        0 => Err(PyErr::new(ExcKind::OSError, "illegal IP address string passed to inet_pton")),
        _ => Err(errno_error(vm, last_errno(), None, None)),
    }
}

fn inet_ntop(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("inet_ntop", kwargs)?;
    crate::builtins::arity("inet_ntop", args, 2, 2)?;
    let family = crate::objects::args::cint_arg(vm, &args[0])? as i32;
    let b = crate::objects::bytes::buffer_arg(&args[1])?;
    let want = match family {
        libc::AF_INET => 4,
        libc::AF_INET6 => 16,
        _ => return Err(PyErr::value_error("unknown address family")),
    };
    if b.len() != want {
        return Err(PyErr::value_error("invalid length of packed IP address string"));
    }
    Ok(Value::str(&ip_text(family, b.as_ptr().cast())))
}

fn byte_order(vm: &mut Vm, args: &[Value], name: &str, bits: u32) -> PyResult<Value> {
    crate::builtins::arity(name, args, 1, 1)?;
    let v = match crate::objects::args::index_value(vm, &args[0]) {
        Ok(Value::Int(i)) => i,
        Ok(_) => return Err(PyErr::new(ExcKind::OverflowError, "int larger than 32 bits")),
        Err(_) => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                super::native_class::type_name_of(&args[0])
            )))
        }
    };
    if v < 0 {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            if bits == 16 {
                format!("{name}: can't convert negative Python int to C 16-bit unsigned integer")
            } else {
                "can't convert negative value to unsigned int".to_string()
            },
        ));
    }
    if bits == 16 {
        if v > 0xffff {
            return Err(PyErr::new(
                ExcKind::OverflowError,
                format!("{name}: Python int too large to convert to C 16-bit unsigned integer"),
            ));
        }
        return Ok(Value::Int((v as u16).swap_bytes() as i64));
    }
    if v > 0xffff_ffff {
        return Err(PyErr::new(ExcKind::OverflowError, "int larger than 32 bits"));
    }
    Ok(Value::Int((v as u32).swap_bytes() as i64))
}

fn getdefaulttimeout(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(timeout_value(default_timeout(vm)))
}

fn setdefaulttimeout(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("setdefaulttimeout", kwargs)?;
    crate::builtins::arity("setdefaulttimeout", args, 1, 1)?;
    let t = timeout_arg(vm, &args[0])?;
    if let Some(d) = module_dict(vm) {
        d.set_str(&hidden(DEFAULT_TIMEOUT_KEY), if t < 0.0 { Value::None } else { Value::Float(t) });
    }
    Ok(Value::None)
}

fn close_fd(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("close", kwargs)?;
    crate::builtins::arity("close", args, 1, 1)?;
    let fd = crate::objects::args::cint_arg(vm, &args[0])? as i32;
    // SAFETY: closing a descriptor the caller names.
    if unsafe { libc::close(fd) } < 0 && last_errno() != libc::ECONNRESET {
        return Err(errno_error(vm, last_errno(), None, None));
    }
    Ok(Value::None)
}

fn dup_fd(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("dup", kwargs)?;
    crate::builtins::arity("dup", args, 1, 1)?;
    let fd = crate::objects::args::cint_arg(vm, &args[0])? as i32;
    // SAFETY: plain system call.
    let new = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if new < 0 {
        return Err(errno_error(vm, last_errno(), None, None));
    }
    Ok(Value::Int(new as i64))
}
