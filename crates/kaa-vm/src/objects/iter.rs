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
        /// The iterator's type name (`tuple_iterator`, `str_ascii_iterator`, `set_iterator`, ...).
        kind: &'static str,
    },
    Enumerate {
        inner: Value,
        count: i64,
    },
    /// A live walk over a dict (keys, values or items) that fails if the dict changes size.
    Dict {
        dict: Rc<crate::objects::dict::DictObject>,
        kind: crate::objects::native::ViewKind,
        /// The next entry position (reversed: one past it).
        pos: usize,
        /// The size when iteration started.
        len: usize,
        reversed: bool,
    },
    /// Over a `range` with bounds beyond 64 bits.
    LongRange(Box<crate::objects::long_range::LongRangeIter>),
}

impl IterState {
    pub fn type_name(&self) -> &'static str {
        match self {
            IterState::Range { .. } => "range_iterator",
            IterState::LongRange(_) => "longrange_iterator",
            IterState::List { .. } => "list_iterator",
            IterState::Values { kind, .. } => kind,
            IterState::Enumerate { .. } => "enumerate",
            IterState::Dict { kind, reversed, .. } => {
                use crate::objects::native::ViewKind;
                match (kind, reversed) {
                    (ViewKind::Keys, false) => "dict_keyiterator",
                    (ViewKind::Values, false) => "dict_valueiterator",
                    (ViewKind::Items, false) => "dict_itemiterator",
                    (ViewKind::Keys, true) => "dict_reversekeyiterator",
                    (ViewKind::Values, true) => "dict_reversevalueiterator",
                    (ViewKind::Items, true) => "dict_reverseitemiterator",
                }
            }
        }
    }
}
