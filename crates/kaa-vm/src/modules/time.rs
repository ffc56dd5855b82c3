//! `time`: clocks, sleeping, and calendar time through the C library (`gmtime`, `localtime`,
//! `mktime`, `strftime`); `strptime` is Lib's `_strptime`, as in CPython.

use crate::builtins::{arity, Kwargs};
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::function::NativeFn;
use crate::objects::types::TypeObject;
use crate::value::Value;
use std::ffi::{CStr, CString};
use std::rc::Rc;
use std::time::Duration;

fn clock(id: libc::clockid_t) -> (i64, i64) {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid out-pointer.
    unsafe { libc::clock_gettime(id, &mut ts) };
    (ts.tv_sec, ts.tv_nsec)
}

fn seconds(id: libc::clockid_t) -> Value {
    let (s, ns) = clock(id);
    Value::Float(s as f64 + ns as f64 * 1e-9)
}

fn nanoseconds(id: libc::clockid_t) -> Value {
    let (s, ns) = clock(id);
    Value::from_bigint(num_bigint::BigInt::from(s) * 1_000_000_000 + ns)
}

fn number(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Float(f) => Ok(*f),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(_) => {
            Err(PyErr::new(ExcKind::OverflowError, "timestamp out of range for platform time_t"))
        }
        Value::Instance(_) => {
            if let Some(Value::Float(f)) = vm.call_dunder(v, "__float__", &[])? {
                return Ok(f);
            }
            Err(not_integer(v))
        }
        _ => Err(not_integer(v)),
    }
}

#[cold]
fn not_integer(v: &Value) -> PyErr {
    PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name()))
}

fn sleep(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("sleep", kwargs)?;
    arity("sleep", args, 1, 1)?;
    let secs = match &args[0] {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        other => number(vm, other)?,
    };
    if secs.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    // Sleep in short steps so Ctrl-C interrupts promptly.
    let deadline = std::time::Instant::now() + Duration::from_secs_f64(secs);
    loop {
        let now = std::time::Instant::now();
        if now >= deadline {
            return Ok(Value::None);
        }
        if crate::interrupt::pending() {
            return Ok(Value::None);
        }
        std::thread::sleep((deadline - now).min(Duration::from_millis(50)));
    }
}

// ---- calendar time ----

fn struct_time_type(vm: &Vm) -> PyResult<Rc<TypeObject>> {
    if let Some(Value::Module(m)) = vm.modules.get_str("time") {
        if let Some(Value::Type(t)) = m.dict.get_str("struct_time") {
            return Ok(t);
        }
    }
    Err(PyErr::new(ExcKind::SystemError, "time lost its struct_time type"))
}

fn tm_value(vm: &mut Vm, tm: &libc::tm) -> PyResult<Value> {
    let zone = if tm.tm_zone.is_null() {
        Value::None
    } else {
        // SAFETY: a non-null tm_zone points to a NUL-terminated name.
        Value::str(&unsafe { CStr::from_ptr(tm.tm_zone) }.to_string_lossy())
    };
    let values = vec![
        Value::Int(tm.tm_year as i64 + 1900),
        Value::Int(tm.tm_mon as i64 + 1),
        Value::Int(tm.tm_mday as i64),
        Value::Int(tm.tm_hour as i64),
        Value::Int(tm.tm_min as i64),
        Value::Int(tm.tm_sec as i64),
        Value::Int((tm.tm_wday as i64 + 6) % 7),
        Value::Int(tm.tm_yday as i64 + 1),
        Value::Int(tm.tm_isdst as i64),
        zone,
        Value::Int(tm.tm_gmtoff),
    ];
    let class = struct_time_type(vm)?;
    Ok(super::structseq::make(vm, &class, values))
}

fn timestamp_arg(vm: &mut Vm, fname: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<libc::time_t> {
    crate::builtins::no_kwargs(fname, kwargs)?;
    arity(fname, args, 0, 1)?;
    match args.first() {
        None | Some(Value::None) => Ok(clock(libc::CLOCK_REALTIME).0),
        Some(Value::Float(f)) => {
            if f.is_nan() {
                return Err(PyErr::value_error("Invalid value NaN (not a number)"));
            }
            if !f.is_finite() || f.abs() > 1e18 {
                return Err(PyErr::new(ExcKind::OverflowError, "timestamp out of range for platform time_t"));
            }
            Ok(f.trunc() as libc::time_t)
        }
        Some(v) => Ok(crate::objects::args::ssize_arg(vm, v)?),
    }
}

fn convert(vm: &mut Vm, t: libc::time_t, local: bool) -> PyResult<Value> {
    // SAFETY: a zeroed tm is a valid out-parameter; both calls are the reentrant forms.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let ok = unsafe {
        if local {
            !libc::localtime_r(&t, &mut tm).is_null()
        } else {
            !libc::gmtime_r(&t, &mut tm).is_null()
        }
    };
    if !ok {
        return Err(PyErr::new(ExcKind::OverflowError, "timestamp out of range for platform time_t"));
    }
    tm_value(vm, &tm)
}

/// A struct_time or 9-tuple into a C `tm` (fields checked as CPython's `gettmarg` does).
fn tm_arg(vm: &mut Vm, fname: &str, v: &Value) -> PyResult<libc::tm> {
    let items: Vec<Value> = match v {
        Value::Tuple(t) => t.to_vec(),
        Value::Instance(i) if i.native_data::<super::structseq::StructSeq>().is_some() => {
            vm.collect_iterable(v)?
        }
        _ => return Err(PyErr::type_error("Tuple or struct_time argument required")),
    };
    if items.len() != 9 {
        return Err(PyErr::type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut n = [0i64; 9];
    for (slot, item) in n.iter_mut().zip(&items) {
        *slot = crate::objects::args::ssize_arg(vm, item)?;
    }
    // SAFETY: a zeroed tm is valid.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = (n[0] - 1900) as i32;
    tm.tm_mon = (n[1] - 1) as i32;
    tm.tm_mday = n[2] as i32;
    tm.tm_hour = n[3] as i32;
    tm.tm_min = n[4] as i32;
    tm.tm_sec = n[5] as i32;
    tm.tm_wday = ((n[6] + 1) % 7) as i32;
    tm.tm_yday = (n[7] - 1) as i32;
    tm.tm_isdst = n[8] as i32;
    if let Value::Instance(i) = v {
        if let Some(Value::Int(off)) = i.dict.get_str("tm_gmtoff") {
            tm.tm_gmtoff = off;
        }
    }
    Ok(tm)
}

/// The check `strftime` and `asctime` make on a time tuple (`checktm`).
fn check_tm(tm: &mut libc::tm, fname: &str) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(PyErr::value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(PyErr::value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(PyErr::value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(PyErr::value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(PyErr::value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(PyErr::value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(PyErr::value_error("day of year out of range"));
    }
    let _ = fname;
    Ok(())
}

fn current_tm(vm: &mut Vm) -> PyResult<libc::tm> {
    let now = clock(libc::CLOCK_REALTIME).0;
    // SAFETY: reentrant conversion into a zeroed tm.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    unsafe { libc::localtime_r(&now, &mut tm) };
    let _ = vm;
    Ok(tm)
}

fn strftime(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("strftime", kwargs)?;
    arity("strftime", args, 1, 2)?;
    let Value::Str(format) = &args[0] else {
        return Err(PyErr::type_error(format!(
            "strftime() argument 1 must be str, not {}",
            args[0].type_name()
        )));
    };
    let mut tm = match args.get(1) {
        Some(t) => tm_arg(vm, "strftime", t)?,
        None => current_tm(vm)?,
    };
    check_tm(&mut tm, "strftime")?;
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    let fmt = CString::new(format.as_str()).map_err(|_| PyErr::value_error("embedded null character"))?;
    if format.is_empty() {
        return Ok(Value::str(""));
    }
    let mut size = 1024usize.max(format.len() * 4);
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` has `size` bytes; `fmt` is NUL-terminated; `tm` is initialized.
        let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), size, fmt.as_ptr(), &tm) };
        if n > 0 || size >= 256 * format.len() + 4096 {
            buf.truncate(n);
            return Ok(Value::str(&String::from_utf8_lossy(&buf)));
        }
        size *= 2;
    }
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn asctime_text(tm: &libc::tm) -> String {
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year as i64 + 1900
    )
}

fn asctime(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("asctime", kwargs)?;
    arity("asctime", args, 0, 1)?;
    let mut tm = match args.first() {
        Some(t) => tm_arg(vm, "asctime", t)?,
        None => current_tm(vm)?,
    };
    check_tm(&mut tm, "asctime")?;
    Ok(Value::str(&asctime_text(&tm)))
}

fn ctime(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let t = timestamp_arg(vm, "ctime", args, kwargs)?;
    // SAFETY: reentrant conversion into a zeroed tm.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    if unsafe { libc::localtime_r(&t, &mut tm) }.is_null() {
        return Err(PyErr::new(ExcKind::OverflowError, "timestamp out of range for platform time_t"));
    }
    Ok(Value::str(&asctime_text(&tm)))
}

fn mktime(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("mktime", kwargs)?;
    arity("mktime", args, 1, 1)?;
    let mut tm = tm_arg(vm, "mktime", &args[0])?;
    tm.tm_wday = -1;
    // SAFETY: `tm` is initialized; mktime normalizes it in place.
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(PyErr::new(ExcKind::OverflowError, "mktime argument out of range"));
    }
    Ok(Value::Float(t as f64))
}

fn strptime(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let module = vm.import_module("_strptime")?;
    let f = vm.get_attr(&module, "_strptime_time")?;
    let kwargs = kwargs.to_vec();
    vm.call_value(&f, args.to_vec(), kwargs)
}

/// `get_clock_info(name)`: a namespace describing the clock.
fn get_clock_info(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("get_clock_info", kwargs)?;
    arity("get_clock_info", args, 1, 1)?;
    let Value::Str(name) = &args[0] else {
        return Err(PyErr::type_error(format!(
            "get_clock_info() argument 1 must be str, not {}",
            args[0].type_name()
        )));
    };
    let (implementation, monotonic, adjustable) = match name.as_str() {
        "time" => ("clock_gettime(CLOCK_REALTIME)", false, true),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", true, false),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false),
        _ => return Err(PyErr::value_error("unknown clock")),
    };
    let types = vm.import_module("types")?;
    let ns = vm.get_attr(&types, "SimpleNamespace")?;
    let name = |s: &str| Rc::new(crate::objects::str::StrObject::new(s));
    let kw = vec![
        (name("implementation"), Value::str(implementation)),
        (name("monotonic"), Value::Bool(monotonic)),
        (name("adjustable"), Value::Bool(adjustable)),
        (name("resolution"), Value::Float(1e-9)),
    ];
    vm.call_value(&ns, Vec::new(), kw)
}

fn timezone_facts(dict: &DictObject) {
    // SAFETY: tzset reads TZ; the globals it sets are read right after, on this thread.
    unsafe { tzset() };
    let now = clock(libc::CLOCK_REALTIME).0;
    // Probe January and July of this year for the standard and daylight offsets.
    let year_start = now - now.rem_euclid(365 * 86400);
    let offset = |t: libc::time_t| {
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        unsafe { libc::localtime_r(&t, &mut tm) };
        let zone = if tm.tm_zone.is_null() {
            String::new()
        } else {
            unsafe { CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned()
        };
        (tm.tm_gmtoff, tm.tm_isdst, zone)
    };
    let jan = offset(year_start);
    let jul = offset(year_start + 182 * 86400);
    let (std, dst) = if jan.1 > 0 { (jul, jan) } else { (jan, jul) };
    dict.set_str("timezone", Value::Int(-std.0));
    dict.set_str("altzone", Value::Int(-dst.0));
    dict.set_str("daylight", Value::Int((std.0 != dst.0) as i64));
    dict.set_str("tzname", Value::Tuple(Rc::new(vec![Value::str(&std.2), Value::str(&dst.2)])));
}

extern "C" {
    fn tzset();
}

pub fn init(vm: &mut Vm, dict: &DictObject) {
    let functions: &[(&str, NativeFn)] = &[
        ("time", |_, _, _| Ok(seconds(libc::CLOCK_REALTIME))),
        ("time_ns", |_, _, _| Ok(nanoseconds(libc::CLOCK_REALTIME))),
        ("monotonic", |_, _, _| Ok(seconds(libc::CLOCK_MONOTONIC))),
        ("monotonic_ns", |_, _, _| Ok(nanoseconds(libc::CLOCK_MONOTONIC))),
        ("perf_counter", |_, _, _| Ok(seconds(libc::CLOCK_MONOTONIC))),
        ("perf_counter_ns", |_, _, _| Ok(nanoseconds(libc::CLOCK_MONOTONIC))),
        ("process_time", |_, _, _| Ok(seconds(libc::CLOCK_PROCESS_CPUTIME_ID))),
        ("process_time_ns", |_, _, _| Ok(nanoseconds(libc::CLOCK_PROCESS_CPUTIME_ID))),
        ("thread_time", |_, _, _| Ok(seconds(libc::CLOCK_THREAD_CPUTIME_ID))),
        ("thread_time_ns", |_, _, _| Ok(nanoseconds(libc::CLOCK_THREAD_CPUTIME_ID))),
        ("clock_gettime", |vm, a, _| {
            arity("clock_gettime", a, 1, 1)?;
            let id = crate::objects::args::cint_arg(vm, &a[0])?;
            Ok(seconds(id as libc::clockid_t))
        }),
        ("clock_gettime_ns", |vm, a, _| {
            arity("clock_gettime_ns", a, 1, 1)?;
            let id = crate::objects::args::cint_arg(vm, &a[0])?;
            Ok(nanoseconds(id as libc::clockid_t))
        }),
        ("sleep", sleep),
        ("gmtime", |vm, a, k| {
            let t = timestamp_arg(vm, "gmtime", a, k)?;
            convert(vm, t, false)
        }),
        ("localtime", |vm, a, k| {
            let t = timestamp_arg(vm, "localtime", a, k)?;
            convert(vm, t, true)
        }),
        ("mktime", mktime),
        ("strftime", strftime),
        ("strptime", strptime),
        ("asctime", asctime),
        ("ctime", ctime),
        ("get_clock_info", get_clock_info),
        ("tzset", |_, _, _| {
            // SAFETY: re-reads TZ.
            unsafe { tzset() };
            Ok(Value::None)
        }),
    ];
    super::add_functions(dict, functions);
    for (name, id) in [
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
    ] {
        dict.set_str(name, Value::Int(id as i64));
    }
    dict.set_str("_STRUCT_TM_ITEMS", Value::Int(11));
    let fields = [
        Some("tm_year"),
        Some("tm_mon"),
        Some("tm_mday"),
        Some("tm_hour"),
        Some("tm_min"),
        Some("tm_sec"),
        Some("tm_wday"),
        Some("tm_yday"),
        Some("tm_isdst"),
        Some("tm_zone"),
        Some("tm_gmtoff"),
    ];
    let t = super::structseq::new_type(vm, "time", "struct_time", &fields, 9);
    dict.set_str("struct_time", Value::Type(t));
    timezone_facts(dict);
}
