//! Iterators over the built-in containers.

use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

pub enum IterState {
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    List {
        list: Rc<RefCell<Vec<Value>>>,
        index: usize,
    },
    /// Any snapshot of values: tuples, dict keys, characters of a str.
    Values {
        items: Rc<Vec<Value>>,
        index: usize,
    },
    Enumerate {
        inner: Value,
        count: i64,
    },
}

impl IterState {
    pub fn type_name(&self) -> &'static str {
        match self {
            IterState::Range { .. } => "range_iterator",
            IterState::List { .. } => "list_iterator",
            IterState::Values { .. } => "tuple_iterator",
            IterState::Enumerate { .. } => "enumerate",
        }
    }
}
