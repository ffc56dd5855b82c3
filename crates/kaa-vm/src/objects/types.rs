//! `type` objects. For now only classes the VM creates itself (built-in exceptions).

use crate::exceptions::ExcKind;
use std::rc::Rc;

pub struct TypeObject {
    pub name: String,
    pub base: Option<Rc<TypeObject>>,
    /// Set for the built-in exception classes.
    pub exception: Option<ExcKind>,
}

impl TypeObject {
    /// Is `self` `other` or a subclass of it?
    pub fn is_subclass(self: &Rc<Self>, other: &Rc<TypeObject>) -> bool {
        let mut t = Some(self.clone());
        while let Some(cur) = t {
            if Rc::ptr_eq(&cur, other) {
                return true;
            }
            t = cur.base.clone();
        }
        false
    }
}
