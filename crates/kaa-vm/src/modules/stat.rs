//! `_stat`: the file-mode constants, the `S_IS*` tests, `S_IMODE`/`S_IFMT` and `filemode`, with
//! CPython's mode conversion (`mode_t` is 32 bits unsigned: "mode out of range" above it).

use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::function::NativeFn;
use crate::value::Value;

const S_IFMT: u32 = 0o170000;
const S_IFDIR: u32 = 0o040000;
const S_IFCHR: u32 = 0o020000;
const S_IFBLK: u32 = 0o060000;
const S_IFREG: u32 = 0o100000;
const S_IFIFO: u32 = 0o010000;
const S_IFLNK: u32 = 0o120000;
const S_IFSOCK: u32 = 0o140000;

pub fn init(dict: &DictObject) {
    let tests: &[(&'static str, NativeFn)] = &[
        ("S_ISDIR", |vm, a, k| is_kind(vm, a, k, "S_ISDIR", S_IFDIR)),
        ("S_ISCHR", |vm, a, k| is_kind(vm, a, k, "S_ISCHR", S_IFCHR)),
        ("S_ISBLK", |vm, a, k| is_kind(vm, a, k, "S_ISBLK", S_IFBLK)),
        ("S_ISREG", |vm, a, k| is_kind(vm, a, k, "S_ISREG", S_IFREG)),
        ("S_ISFIFO", |vm, a, k| is_kind(vm, a, k, "S_ISFIFO", S_IFIFO)),
        ("S_ISLNK", |vm, a, k| is_kind(vm, a, k, "S_ISLNK", S_IFLNK)),
        ("S_ISSOCK", |vm, a, k| is_kind(vm, a, k, "S_ISSOCK", S_IFSOCK)),
        // Solaris doors, event ports and BSD whiteouts do not exist here.
        ("S_ISDOOR", |vm, a, k| mode_arg(vm, a, k, "S_ISDOOR").map(|_| Value::Bool(false))),
        ("S_ISPORT", |vm, a, k| mode_arg(vm, a, k, "S_ISPORT").map(|_| Value::Bool(false))),
        ("S_ISWHT", |vm, a, k| mode_arg(vm, a, k, "S_ISWHT").map(|_| Value::Bool(false))),
        ("S_IMODE", |vm, a, k| mode_arg(vm, a, k, "S_IMODE").map(|m| Value::Int((m & 0o7777) as i64))),
        ("S_IFMT", |vm, a, k| mode_arg(vm, a, k, "S_IFMT").map(|m| Value::Int((m & S_IFMT) as i64))),
        ("filemode", filemode),
    ];
    super::add_functions(dict, tests);
    let constants: &[(&str, i64)] = &[
        ("S_IFDIR", S_IFDIR as i64),
        ("S_IFCHR", S_IFCHR as i64),
        ("S_IFBLK", S_IFBLK as i64),
        ("S_IFREG", S_IFREG as i64),
        ("S_IFIFO", S_IFIFO as i64),
        ("S_IFLNK", S_IFLNK as i64),
        ("S_IFSOCK", S_IFSOCK as i64),
        ("S_IFDOOR", 0),
        ("S_IFPORT", 0),
        ("S_IFWHT", 0),
        ("S_ISUID", 0o4000),
        ("S_ISGID", 0o2000),
        ("S_ISVTX", 0o1000),
        ("S_ENFMT", 0o2000),
        ("S_IREAD", 0o400),
        ("S_IWRITE", 0o200),
        ("S_IEXEC", 0o100),
        ("S_IRWXU", 0o700),
        ("S_IRUSR", 0o400),
        ("S_IWUSR", 0o200),
        ("S_IXUSR", 0o100),
        ("S_IRWXG", 0o070),
        ("S_IRGRP", 0o040),
        ("S_IWGRP", 0o020),
        ("S_IXGRP", 0o010),
        ("S_IRWXO", 0o007),
        ("S_IROTH", 0o004),
        ("S_IWOTH", 0o002),
        ("S_IXOTH", 0o001),
        ("UF_NODUMP", 0x1),
        ("UF_IMMUTABLE", 0x2),
        ("UF_APPEND", 0x4),
        ("UF_OPAQUE", 0x8),
        ("UF_NOUNLINK", 0x10),
        ("UF_COMPRESSED", 0x20),
        ("UF_HIDDEN", 0x8000),
        ("SF_ARCHIVED", 0x10000),
        ("SF_IMMUTABLE", 0x20000),
        ("SF_APPEND", 0x40000),
        ("SF_NOUNLINK", 0x100000),
        ("SF_SNAPSHOT", 0x200000),
        ("ST_MODE", 0),
        ("ST_INO", 1),
        ("ST_DEV", 2),
        ("ST_NLINK", 3),
        ("ST_UID", 4),
        ("ST_GID", 5),
        ("ST_SIZE", 6),
        ("ST_ATIME", 7),
        ("ST_MTIME", 8),
        ("ST_CTIME", 9),
    ];
    for (name, v) in constants {
        dict.set_str(name, Value::Int(*v));
    }
}

/// The single `mode` argument as a `mode_t`.
fn mode_arg(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str) -> PyResult<u32> {
    crate::builtins::no_kwargs(name, kwargs)?;
    if args.len() != 1 {
        return Err(PyErr::type_error(format!(
            "_stat.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let v = match &args[0] {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => crate::objects::args::index_value(vm, &args[0])?,
        Value::Instance(_) if crate::objects::builtin_subclass::base_value(&args[0]).is_some() => {
            crate::objects::args::index_value(vm, &args[0])?
        }
        _ => return Err(PyErr::type_error("an integer is required")),
    };
    match v {
        Value::Int(i) if i < 0 => {
            Err(PyErr::new(ExcKind::OverflowError, "can't convert negative value to unsigned int"))
        }
        Value::Int(i) if i <= u32::MAX as i64 => Ok(i as u32),
        Value::BigInt(b) if num_traits::Signed::is_negative(&*b) => {
            Err(PyErr::new(ExcKind::OverflowError, "can't convert negative value to unsigned int"))
        }
        _ => Err(PyErr::new(ExcKind::OverflowError, "mode out of range")),
    }
}

fn is_kind(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &str, kind: u32) -> PyResult<Value> {
    Ok(Value::Bool(mode_arg(vm, args, kwargs, name)? & S_IFMT == kind))
}

/// `ls -l`'s mode text: the file type letter and the nine permission letters.
fn filemode(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let m = mode_arg(vm, args, kwargs, "filemode")?;
    let kind = match m & S_IFMT {
        S_IFDIR => 'd',
        S_IFCHR => 'c',
        S_IFBLK => 'b',
        S_IFREG => '-',
        S_IFIFO => 'p',
        S_IFLNK => 'l',
        S_IFSOCK => 's',
        _ => '?',
    };
    let bit = |mask: u32, c: char| if m & mask != 0 { c } else { '-' };
    let special = |x: u32, s: u32, set_exec: char, set_only: char| match (m & x != 0, m & s != 0) {
        (true, true) => set_exec,
        (false, true) => set_only,
        (true, false) => 'x',
        (false, false) => '-',
    };
    let text: String = [
        kind,
        bit(0o400, 'r'),
        bit(0o200, 'w'),
        special(0o100, 0o4000, 's', 'S'),
        bit(0o040, 'r'),
        bit(0o020, 'w'),
        special(0o010, 0o2000, 's', 'S'),
        bit(0o004, 'r'),
        bit(0o002, 'w'),
        special(0o001, 0o1000, 't', 'T'),
    ]
    .iter()
    .collect();
    Ok(Value::str(&text))
}
