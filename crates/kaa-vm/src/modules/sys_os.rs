//! The parts of `sys` that `os`, `subprocess`, `threading` and friends read at import:
//! encodings, the executable and prefixes, `excepthook`, audit hooks (accepted, never called).

use crate::exceptions::PyResult;
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::function::NativeFn;
use crate::value::Value;

/// `sys.excepthook(type, value, traceback)`: prints the exception as an uncaught one.
fn excepthook(vm: &mut Vm, args: &[Value], _: &crate::builtins::Kwargs) -> PyResult<Value> {
    crate::builtins::arity("excepthook", args, 3, 3)?;
    match &args[1] {
        Value::Exception(e) => vm.print_exception(&e.clone()),
        other => {
            let text = vm.str(other)?;
            eprintln!("{}: {text}", args[0].type_name());
        }
    }
    Ok(Value::None)
}

pub fn install(vm: &mut Vm, dict: &DictObject) {
    // sys.float_info: IEEE 754 binary64, as CPython reports it on every platform Kaa runs on.
    let names = [
        "max",
        "max_exp",
        "max_10_exp",
        "min",
        "min_exp",
        "min_10_exp",
        "dig",
        "mant_dig",
        "epsilon",
        "radix",
        "rounds",
    ];
    let fields: Vec<Option<&str>> = names.iter().map(|n| Some(*n)).collect();
    let class = super::structseq::new_type(vm, "sys", "float_info", &fields, fields.len());
    let values = vec![
        Value::Float(f64::MAX),
        Value::Int(f64::MAX_EXP as i64),
        Value::Int(f64::MAX_10_EXP as i64),
        Value::Float(f64::MIN_POSITIVE),
        Value::Int(f64::MIN_EXP as i64),
        Value::Int(f64::MIN_10_EXP as i64),
        Value::Int(f64::DIGITS as i64),
        Value::Int(f64::MANTISSA_DIGITS as i64),
        Value::Float(f64::EPSILON),
        Value::Int(f64::RADIX as i64),
        Value::Int(1),
    ];
    let info = super::structseq::make(vm, &class, values);
    dict.set_str("float_info", info);

    // sys.hash_info: the numeric hash parameters Kaa uses (those of CPython 3.11 on 64 bits).
    let names = ["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"];
    let fields: Vec<Option<&str>> = names.iter().map(|n| Some(*n)).collect();
    let class = super::structseq::new_type(vm, "sys", "hash_info", &fields, fields.len());
    let values = vec![
        Value::Int(64),
        Value::Int((1i64 << 61) - 1),
        Value::Int(314159),
        Value::Int(0),
        Value::Int(1000003),
        Value::str("siphash13"),
        Value::Int(64),
        Value::Int(128),
        Value::Int(0),
    ];
    let info = super::structseq::make(vm, &class, values);
    dict.set_str("hash_info", info);

    // sys.int_info: CPython's 30-bit digits (Kaa's big ints are laid out differently, but code
    // that sizes things by these numbers expects CPython's).
    let names = ["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"];
    let fields: Vec<Option<&str>> = names.iter().map(|n| Some(*n)).collect();
    let class = super::structseq::new_type(vm, "sys", "int_info", &fields, fields.len());
    let values = vec![Value::Int(30), Value::Int(4), Value::Int(4300), Value::Int(640)];
    let info = super::structseq::make(vm, &class, values);
    dict.set_str("int_info", info);

    let functions: &[(&str, NativeFn)] = &[
        ("getfilesystemencoding", |_, _, _| Ok(Value::str("utf-8"))),
        ("getfilesystemencodeerrors", |_, _, _| Ok(Value::str("surrogateescape"))),
        ("getdefaultencoding", |_, _, _| Ok(Value::str("utf-8"))),
        ("excepthook", excepthook),
        ("audit", |_, _, _| Ok(Value::None)),
        ("addaudithook", |_, _, _| Ok(Value::None)),
    ];
    super::add_functions(dict, functions);
    if let Some(hook) = dict.get_str("excepthook") {
        dict.set_str("__excepthook__", hook);
    }
    let exe = std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    dict.set_str("executable", Value::str(&exe));
    dict.set_str("_base_executable", Value::str(&exe));
    let prefix = vm
        .imports
        .stdlib
        .as_ref()
        .and_then(|lib| lib.parent().and_then(|p| p.parent()).map(|p| p.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "/usr".to_string());
    for name in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
        dict.set_str(name, Value::str(&prefix));
    }
    dict.set_str("platlibdir", Value::str("lib"));
    dict.set_str("maxunicode", Value::Int(0x10FFFF));
    dict.set_str("abiflags", Value::str(""));
    dict.set_str("api_version", Value::Int(1013));
    let argv = dict.get_str("argv").unwrap_or(Value::None);
    let orig: Vec<Value> = match &argv {
        Value::List(l) => l.borrow().clone(),
        _ => Vec::new(),
    };
    let orig = vm.new_list(orig);
    dict.set_str("orig_argv", orig);
}
