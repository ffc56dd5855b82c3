//! `gc`: Kaa frees memory by reference counting; there is no cycle collector yet, so `collect`
//! finds nothing to free.

use crate::objects::dict::DictObject;
use crate::value::Value;

pub fn init(dict: &DictObject) {
    super::add_functions(
        dict,
        &[
            ("collect", |_, _, _| Ok(Value::Int(0))),
            ("enable", |_, _, _| Ok(Value::None)),
            ("disable", |_, _, _| Ok(Value::None)),
            ("isenabled", |_, _, _| Ok(Value::Bool(true))),
        ],
    );
}
