//! A field that Python code may rebind (`f.__defaults__ = ...`, `C.__name__ = ...`) but that
//! the VM reads as a plain reference on hot paths (no borrow flag). The first value is stored
//! inline (creating the owner allocates nothing more); each rebinding boxes the new value and
//! keeps every earlier one until the owner dies, so a reference taken before a rebinding never
//! dangles. Rebinding is rare, so what is kept is negligible.

use std::cell::UnsafeCell;

pub struct Replaceable<T> {
    initial: T,
    later: UnsafeCell<Vec<Box<T>>>,
}

impl<T> Replaceable<T> {
    pub fn new(value: T) -> Replaceable<T> {
        Replaceable { initial: value, later: UnsafeCell::new(Vec::new()) }
    }

    /// Makes `value` the current contents.
    pub fn replace(&self, value: T) {
        // SAFETY: single-threaded, and no reference to the vector itself ever escapes (`deref`
        // hands out references into the boxes, whose contents do not move when it grows).
        unsafe { (*self.later.get()).push(Box::new(value)) }
    }
}

impl<T> std::ops::Deref for Replaceable<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: see `replace`.
        match unsafe { (*self.later.get()).last() } {
            Some(b) => b,
            None => &self.initial,
        }
    }
}
