//! `_locale`: `setlocale`, `localeconv`, `nl_langinfo`, `getencoding`, `strcoll`, `strxfrm` over
//! the C library (glibc's item numbers). Like CPython at start-up, importing it sets LC_CTYPE from
//! the environment, so the encoding it reports is the one CPython reports.

use crate::builtins::Kwargs;
use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::value::Value;
use std::ffi::{CStr, CString};
use std::rc::Rc;

extern "C" {
    fn nl_langinfo(item: libc::c_int) -> *const libc::c_char;
}

/// glibc's `nl_item` values.
const LANGINFO: &[(&str, i64)] = &[
    ("CODESET", 14),
    ("D_T_FMT", 0x20028),
    ("D_FMT", 0x20029),
    ("T_FMT", 0x2002a),
    ("T_FMT_AMPM", 0x2002b),
    ("AM_STR", 0x20026),
    ("PM_STR", 0x20027),
    ("DAY_1", 0x20007),
    ("DAY_2", 0x20008),
    ("DAY_3", 0x20009),
    ("DAY_4", 0x2000a),
    ("DAY_5", 0x2000b),
    ("DAY_6", 0x2000c),
    ("DAY_7", 0x2000d),
    ("ABDAY_1", 0x20000),
    ("ABDAY_2", 0x20001),
    ("ABDAY_3", 0x20002),
    ("ABDAY_4", 0x20003),
    ("ABDAY_5", 0x20004),
    ("ABDAY_6", 0x20005),
    ("ABDAY_7", 0x20006),
    ("MON_1", 0x2001a),
    ("MON_2", 0x2001b),
    ("MON_3", 0x2001c),
    ("MON_4", 0x2001d),
    ("MON_5", 0x2001e),
    ("MON_6", 0x2001f),
    ("MON_7", 0x20020),
    ("MON_8", 0x20021),
    ("MON_9", 0x20022),
    ("MON_10", 0x20023),
    ("MON_11", 0x20024),
    ("MON_12", 0x20025),
    ("ABMON_1", 0x2000e),
    ("ABMON_2", 0x2000f),
    ("ABMON_3", 0x20010),
    ("ABMON_4", 0x20011),
    ("ABMON_5", 0x20012),
    ("ABMON_6", 0x20013),
    ("ABMON_7", 0x20014),
    ("ABMON_8", 0x20015),
    ("ABMON_9", 0x20016),
    ("ABMON_10", 0x20017),
    ("ABMON_11", 0x20018),
    ("ABMON_12", 0x20019),
    ("RADIXCHAR", 0x10000),
    ("THOUSEP", 0x10001),
    ("YESEXPR", 0x50000),
    ("NOEXPR", 0x50001),
    ("CRNCYSTR", 0x4000f),
    ("ERA", 0x2002c),
    ("ERA_D_FMT", 0x2002e),
    ("ALT_DIGITS", 0x2002f),
    ("ERA_D_T_FMT", 0x20030),
    ("ERA_T_FMT", 0x20031),
    ("_DATE_FMT", 0x2006c),
];

pub fn init(vm: &mut Vm, dict: &Rc<DictObject>) {
    // CPython sets LC_CTYPE from the environment at start-up.
    // SAFETY: the argument is a valid empty C string.
    unsafe { libc::setlocale(libc::LC_CTYPE, c"".as_ptr()) };
    super::add_functions(
        dict,
        &[
            ("setlocale", setlocale),
            ("localeconv", localeconv),
            ("nl_langinfo", langinfo),
            ("getencoding", getencoding),
            ("strcoll", strcoll),
            ("strxfrm", strxfrm),
        ],
    );
    let categories: &[(&str, i32)] = &[
        ("LC_CTYPE", libc::LC_CTYPE),
        ("LC_NUMERIC", libc::LC_NUMERIC),
        ("LC_TIME", libc::LC_TIME),
        ("LC_COLLATE", libc::LC_COLLATE),
        ("LC_MONETARY", libc::LC_MONETARY),
        ("LC_MESSAGES", libc::LC_MESSAGES),
        ("LC_ALL", libc::LC_ALL),
    ];
    for (name, v) in categories {
        dict.set_str(name, Value::Int(*v as i64));
    }
    for (name, v) in LANGINFO {
        dict.set_str(name, Value::Int(*v));
    }
    dict.set_str("CHAR_MAX", Value::Int(127));
    super::run_python_part(
        vm,
        dict,
        "class Error(Exception):\n    __module__ = 'locale'\n",
        "<frozen _locale>",
    );
}

fn locale_error(vm: &mut Vm, msg: &str) -> PyErr {
    let cls = match vm.modules.get_str("_locale") {
        Some(Value::Module(m)) => m.dict.get_str("Error"),
        _ => None,
    };
    match cls.map(|c| vm.call_value(&c, vec![Value::str(msg)], vec![])) {
        Some(Ok(Value::Exception(e))) => PyErr::Raised(e),
        Some(Err(e)) => e,
        _ => PyErr::value_error(msg),
    }
}

fn c_text(p: *const libc::c_char) -> String {
    if p.is_null() {
        return String::new();
    }
    // SAFETY: the C library returned a NUL-terminated string.
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

fn setlocale(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [category, locale] =
        crate::builtins::clinic("setlocale", args, kwargs, ["category", "locale"], 2, 1)?;
    let category = crate::objects::args::cint_arg(vm, category.as_ref().unwrap_or(&Value::None))? as i32;
    let result = match locale {
        None | Some(Value::None) => {
            // SAFETY: a null locale queries.
            let p = unsafe { libc::setlocale(category, std::ptr::null()) };
            if p.is_null() {
                return Err(locale_error(vm, "locale query failed"));
            }
            c_text(p)
        }
        Some(Value::Str(s)) => {
            let c = CString::new(s.as_str()).map_err(|_| PyErr::value_error("embedded null character"))?;
            // SAFETY: a valid C string.
            let p = unsafe { libc::setlocale(category, c.as_ptr()) };
            if p.is_null() {
                return Err(locale_error(vm, "unsupported locale setting"));
            }
            c_text(p)
        }
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "setlocale() argument 2 must be str or None, not {}",
                super::native_class::type_name_of(&other)
            )))
        }
    };
    Ok(Value::str(&result))
}

/// A `grouping` string as CPython lists it: the sizes up to and including the terminator.
fn grouping(p: *const libc::c_char) -> Vec<Value> {
    let bytes = if p.is_null() {
        Vec::new()
    } else {
        // SAFETY: a NUL-terminated string from localeconv.
        unsafe { CStr::from_ptr(p) }.to_bytes().to_vec()
    };
    if bytes.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for b in &bytes {
        out.push(Value::Int(*b as i8 as i64));
        if *b == 127 {
            return out;
        }
    }
    out.push(Value::Int(0));
    out
}

fn localeconv(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("localeconv", kwargs)?;
    crate::builtins::arity("localeconv", args, 0, 0)?;
    // SAFETY: localeconv returns a pointer to static data, read at once.
    let lc = unsafe { &*libc::localeconv() };
    let d = DictObject::new();
    let s = |p| Value::str(&c_text(p));
    let n = |c: libc::c_char| Value::Int(c as u8 as i64);
    d.set_str("int_curr_symbol", s(lc.int_curr_symbol));
    d.set_str("currency_symbol", s(lc.currency_symbol));
    d.set_str("mon_decimal_point", s(lc.mon_decimal_point));
    d.set_str("mon_thousands_sep", s(lc.mon_thousands_sep));
    let mg = vm.new_list(grouping(lc.mon_grouping));
    d.set_str("mon_grouping", mg);
    d.set_str("positive_sign", s(lc.positive_sign));
    d.set_str("negative_sign", s(lc.negative_sign));
    d.set_str("int_frac_digits", n(lc.int_frac_digits));
    d.set_str("frac_digits", n(lc.frac_digits));
    d.set_str("p_cs_precedes", n(lc.p_cs_precedes));
    d.set_str("p_sep_by_space", n(lc.p_sep_by_space));
    d.set_str("n_cs_precedes", n(lc.n_cs_precedes));
    d.set_str("n_sep_by_space", n(lc.n_sep_by_space));
    d.set_str("p_sign_posn", n(lc.p_sign_posn));
    d.set_str("n_sign_posn", n(lc.n_sign_posn));
    d.set_str("decimal_point", s(lc.decimal_point));
    d.set_str("thousands_sep", s(lc.thousands_sep));
    let g = vm.new_list(grouping(lc.grouping));
    d.set_str("grouping", g);
    Ok(vm.new_dict(d))
}

fn langinfo(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("nl_langinfo", kwargs)?;
    crate::builtins::arity("nl_langinfo", args, 1, 1)?;
    let key = crate::objects::args::cint_arg(vm, &args[0])?;
    if !LANGINFO.iter().any(|(_, v)| *v == key) {
        return Err(PyErr::value_error("unsupported langinfo constant"));
    }
    // SAFETY: a known item number.
    Ok(Value::str(&c_text(unsafe { nl_langinfo(key as libc::c_int) })))
}

fn getencoding(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("getencoding", kwargs)?;
    crate::builtins::arity("getencoding", args, 0, 0)?;
    // SAFETY: CODESET is a valid item.
    let codeset = c_text(unsafe { nl_langinfo(14) });
    Ok(Value::str(if codeset.is_empty() { "utf-8" } else { &codeset }))
}

fn wide(vm: &Vm, v: &Value, fname: &str, n: usize) -> PyResult<Vec<libc::wchar_t>> {
    let _ = vm;
    match v {
        Value::Str(s) => {
            let mut w: Vec<libc::wchar_t> = s.as_str().chars().map(|c| c as libc::wchar_t).collect();
            if w.contains(&0) {
                return Err(PyErr::value_error("embedded null character"));
            }
            w.push(0);
            Ok(w)
        }
        other => Err(PyErr::type_error(format!(
            "{fname}() argument {n} must be str, not {}",
            super::native_class::type_name_of(other)
        ))),
    }
}

extern "C" {
    fn wcscoll(a: *const libc::wchar_t, b: *const libc::wchar_t) -> libc::c_int;
    fn wcsxfrm(dst: *mut libc::wchar_t, src: *const libc::wchar_t, n: libc::size_t) -> libc::size_t;
}

fn strcoll(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("strcoll", kwargs)?;
    crate::builtins::arity("strcoll", args, 2, 2)?;
    let a = wide(vm, &args[0], "strcoll", 1)?;
    let b = wide(vm, &args[1], "strcoll", 2)?;
    // SAFETY: both are NUL-terminated wide strings.
    Ok(Value::Int(unsafe { wcscoll(a.as_ptr(), b.as_ptr()) } as i64))
}

fn strxfrm(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("strxfrm", kwargs)?;
    crate::builtins::arity("strxfrm", args, 1, 1)?;
    let s = wide(vm, &args[0], "strxfrm", 1)?;
    // SAFETY: a size query (null destination, length 0), then a buffer of that size plus NUL.
    let n = unsafe { wcsxfrm(std::ptr::null_mut(), s.as_ptr(), 0) };
    let mut buf: Vec<libc::wchar_t> = vec![0; n + 1];
    // SAFETY: `buf` holds n + 1 wide characters.
    unsafe { wcsxfrm(buf.as_mut_ptr(), s.as_ptr(), n + 1) };
    buf.truncate(n);
    let text: String = buf.iter().filter_map(|c| char::from_u32(*c as u32)).collect();
    Ok(Value::str(&text))
}
