//! `posix`: the first few of the operating-system calls CPython's `posix` module offers
//! (`remove`/`unlink`), enough for programs to clean up the files they write.

use crate::builtins::Kwargs;
use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::value::Value;

fn path_arg(fname: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<String> {
    let [path, _dir_fd] = crate::builtins::clinic(fname, args, kwargs, ["path", "dir_fd"], 1, 1)?;
    match path {
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(Value::Bytes(b)) => Ok(String::from_utf8_lossy(&b).into_owned()),
        Some(other) => Err(PyErr::type_error(format!(
            "{fname}: path should be string, bytes or os.PathLike, not {}",
            other.type_name()
        ))),
        None => Err(PyErr::type_error(format!("{fname}() missing required argument 'path' (pos 1)"))),
    }
}

/// `remove(path)` / `unlink(path)`.
fn remove(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let path = path_arg("remove", args, kwargs)?;
    std::fs::remove_file(&path).map_err(|e| crate::builtins::os_error(vm, &e, Some(&path)))?;
    Ok(Value::None)
}

pub fn init(dict: &DictObject) {
    super::add_functions(dict, &[("remove", remove), ("unlink", remove)]);
}
