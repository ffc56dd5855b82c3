//! The hash table behind `dict` (and namespaces): a dense, insertion-ordered entry vector plus a
//! sparse index of slots, probed with CPython's perturbation scheme. Deleting leaves a tombstone
//! in both; the table is rebuilt (compacted) when it fills up.
//!
//! A table of at most `SMALL` entries has no index at all and is searched linearly (hashes
//! compared first): most dicts — instance attributes, keyword arguments, JSON objects — are that
//! small, and skipping the index saves an allocation per dict and the probing.

use crate::value::Value;

const EMPTY: u32 = u32::MAX;
const DELETED: u32 = u32::MAX - 1;
/// Entries (tombstones included) a table holds before it builds its index.
const SMALL: usize = 8;

pub struct Entry {
    pub hash: i64,
    /// `Value::Null` marks a deleted entry.
    pub key: Value,
    pub value: Value,
}

#[derive(Default)]
pub struct Table {
    entries: Vec<Entry>,
    indices: Vec<u32>,
    len: usize,
}

/// The probe sequence for `hash` in a table of `mask + 1` slots.
struct Probe {
    slot: usize,
    perturb: u64,
    mask: usize,
}

impl Probe {
    fn new(hash: i64, mask: usize) -> Probe {
        Probe { slot: hash as u64 as usize & mask, perturb: hash as u64, mask }
    }

    fn advance(&mut self) {
        self.perturb >>= 5;
        self.slot =
            (self.slot.wrapping_mul(5).wrapping_add(1).wrapping_add(self.perturb as usize)) & self.mask;
    }
}

impl Table {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The entry index holding a key equal to the probe (by `eq`), if any.
    #[inline]
    pub fn find(&self, hash: i64, mut eq: impl FnMut(&Value) -> bool) -> Option<usize> {
        if self.indices.is_empty() {
            return self.entries.iter().position(|e| e.hash == hash && !e.key.is_null() && eq(&e.key));
        }
        let mut probe = Probe::new(hash, self.indices.len() - 1);
        loop {
            match self.indices[probe.slot] {
                EMPTY => return None,
                DELETED => {}
                ix => {
                    let e = &self.entries[ix as usize];
                    if e.hash == hash && eq(&e.key) {
                        return Some(ix as usize);
                    }
                }
            }
            probe.advance();
        }
    }

    pub fn entry(&self, ix: usize) -> &Entry {
        &self.entries[ix]
    }

    /// Entry `ix` if it exists (it may be a deleted one, whose key is `Null`).
    #[inline]
    pub fn entry_at(&self, ix: usize) -> Option<&Entry> {
        self.entries.get(ix)
    }

    pub fn value_mut(&mut self, ix: usize) -> &mut Value {
        &mut self.entries[ix].value
    }

    /// Adds a key known to be absent; returns its entry index.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) -> usize {
        if self.indices.is_empty() {
            if self.entries.len() < SMALL {
                self.entries.push(Entry { hash, key, value });
                self.len += 1;
                return self.entries.len() - 1;
            }
            self.rebuild((self.len + 1) * 3);
        } else if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.rebuild((self.len + 1) * 3);
        }
        let ix = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        let mut probe = Probe::new(hash, self.indices.len() - 1);
        while self.indices[probe.slot] < DELETED {
            probe.advance();
        }
        self.indices[probe.slot] = ix;
        self.len += 1;
        ix as usize
    }

    /// Removes entry `ix`, returning its key and value.
    pub fn remove(&mut self, ix: usize) -> (Value, Value) {
        if !self.indices.is_empty() {
            let hash = self.entries[ix].hash;
            let mut probe = Probe::new(hash, self.indices.len() - 1);
            while self.indices[probe.slot] != ix as u32 {
                probe.advance();
            }
            self.indices[probe.slot] = DELETED;
        }
        self.len -= 1;
        let e = &mut self.entries[ix];
        (std::mem::replace(&mut e.key, Value::Null), std::mem::replace(&mut e.value, Value::Null))
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_null())
    }

    pub fn entry_count(&self) -> usize {
        self.entries.len()
    }

    /// The first live entry index at or after `pos`.
    #[inline]
    pub fn next_live(&self, pos: usize) -> Option<usize> {
        let rest = self.entries.get(pos..)?;
        rest.iter().position(|e| !e.key.is_null()).map(|i| pos + i)
    }

    /// The last live entry index before `pos`.
    pub fn prev_live(&self, pos: usize) -> Option<usize> {
        self.entries[..pos.min(self.entries.len())].iter().rposition(|e| !e.key.is_null())
    }

    /// Indices of the entries whose hash is `hash`, in probe order (for lookups that must run
    /// Python `__eq__` without holding the table borrowed).
    pub fn candidates(&self, hash: i64) -> Vec<usize> {
        let mut out = Vec::new();
        if self.indices.is_empty() {
            out.extend(
                self.entries
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.hash == hash && !e.key.is_null())
                    .map(|(i, _)| i),
            );
            return out;
        }
        let mut probe = Probe::new(hash, self.indices.len() - 1);
        loop {
            match self.indices[probe.slot] {
                EMPTY => return out,
                DELETED => {}
                ix => {
                    if self.entries[ix as usize].hash == hash {
                        out.push(ix as usize);
                    }
                }
            }
            probe.advance();
        }
    }

    /// The last live entry (for `popitem`).
    pub fn last_index(&self) -> Option<usize> {
        self.entries.iter().rposition(|e| !e.key.is_null())
    }

    pub fn clear(&mut self) {
        *self = Table::default();
    }

    /// Compacts the entries and re-indexes them into a table with room for `min_slots * 3 / 2`.
    fn rebuild(&mut self, min_slots: usize) {
        let mut size = 8;
        while size < min_slots {
            size <<= 1;
        }
        self.entries.retain(|e| !e.key.is_null());
        self.indices = vec![EMPTY; size];
        for (ix, e) in self.entries.iter().enumerate() {
            let mut probe = Probe::new(e.hash, size - 1);
            while self.indices[probe.slot] != EMPTY {
                probe.advance();
            }
            self.indices[probe.slot] = ix as u32;
        }
    }
}
