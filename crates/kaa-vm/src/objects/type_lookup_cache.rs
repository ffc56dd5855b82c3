//! A per-type cache of `TypeObject::lookup` answers (the name's value along the MRO, or its
//! absence), as CPython's method cache: special methods are looked up by name on every operator
//! applied to an instance, and a miss walks the MRO hashing the name in each class's dict.
//! Entries are valid in the type epoch they were filled in (`types::type_epoch`), which moves on
//! any change to any type's namespace, so a stale answer is never served.

use crate::value::Value;
use std::cell::RefCell;

const ENTRIES: usize = 32;

struct Entry {
    epoch: u64,
    name: Box<str>,
    value: Option<Value>,
}

/// Direct-mapped by a cheap hash of the name; made on first use.
#[derive(Default)]
pub struct LookupCache {
    entries: RefCell<Option<Box<[Option<Entry>; ENTRIES]>>>,
}

/// Two entries per bucket, so a few names that share a bucket do not evict each other.
#[inline]
fn bucket_of(name: &str) -> usize {
    // Special method names differ in their length and middle letters; sampling four bytes is
    // enough for a spread, and far cheaper than hashing the text.
    let b = name.as_bytes();
    let n = b.len();
    if n == 0 {
        return 0;
    }
    let mix = (n as u32)
        .wrapping_mul(31)
        .wrapping_add(b[n / 2] as u32 * 7)
        .wrapping_add(b[n - 1] as u32 * 3)
        .wrapping_add(b[(n - 1).min(2)] as u32)
        .wrapping_add(b[n * 3 / 4] as u32 * 13);
    (mix as usize % (ENTRIES / 2)) * 2
}

#[inline]
fn same_name(stored: &str, name: &str) -> bool {
    std::ptr::eq(stored.as_ptr(), name.as_ptr()) && stored.len() == name.len() || stored == name
}

impl LookupCache {
    /// The cached answer for `name` in `epoch`: `Some(found)` on a hit.
    #[inline]
    pub fn get(&self, name: &str, epoch: u64) -> Option<Option<Value>> {
        let entries = self.entries.borrow();
        let table = entries.as_ref()?;
        let at = bucket_of(name);
        for e in table[at..at + 2].iter().flatten() {
            if e.epoch == epoch && same_name(&e.name, name) {
                return Some(e.value.clone());
            }
        }
        None
    }

    pub fn put(&self, name: &str, epoch: u64, value: Option<Value>) {
        let Ok(mut entries) = self.entries.try_borrow_mut() else { return };
        let table = entries.get_or_insert_with(|| Box::new(std::array::from_fn(|_| None)));
        let at = bucket_of(name);
        // The same name's entry, else a free or stale one, else the second (the first is kept:
        // it was usually filled first and is as likely to be asked again).
        let pick = (at..at + 2)
            .find(|&i| table[i].as_ref().is_some_and(|e| &*e.name == name))
            .or_else(|| (at..at + 2).find(|&i| table[i].as_ref().is_none_or(|e| e.epoch != epoch)))
            .unwrap_or(at + 1);
        match &mut table[pick] {
            Some(e) if &*e.name == name => {
                e.epoch = epoch;
                e.value = value;
            }
            slot => *slot = Some(Entry { epoch, name: name.into(), value }),
        }
    }
}
