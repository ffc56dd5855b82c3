//! `set` and `frozenset`: an open-addressing hash table laid out the way CPython lays out sets
//! (linear probes of 9, then perturbed jumps; fill ≤ 60%; growth ×4), so iteration order — the
//! order of table slots — is the same as CPython's for the same hashes and insertions.

use crate::exceptions::PyResult;
use crate::objects::dict::keys_equal;
use crate::objects::int::hash_value;
use crate::value::Value;
use std::cell::RefCell;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot {
    Empty,
    /// A removed key: probing continues past it.
    Dummy,
    Active(i64, Value),
}

#[derive(Clone)]
pub struct SetTable {
    slots: Vec<Slot>,
    /// Active + dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop()` starts looking.
    finger: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable { slots: vec![Slot::Empty; MIN_SIZE], fill: 0, used: 0, finger: 0 }
    }
}

impl SetTable {
    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The slot holding `key`, if present.
    // Probing is by slot number (the probe sequence is CPython's), hence the index loops.
    #[allow(clippy::needless_range_loop)]
    fn find(&self, hash: i64, key: &Value) -> Option<usize> {
        let mask = self.mask();
        let mut i = hash as usize & mask;
        let mut perturb = hash as u64;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Empty => return None,
                    Slot::Active(h, k) if *h == hash && keys_equal(k, key) => return Some(j),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// The active slots holding keys with this hash, in probe order, with their keys (for
    /// lookups that run Python `__eq__` without holding the table borrowed).
    #[allow(clippy::needless_range_loop)]
    pub fn candidates(&self, hash: i64) -> Vec<(usize, Value)> {
        let mut out = Vec::new();
        let mask = self.mask();
        let mut i = hash as usize & mask;
        let mut perturb = hash as u64;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Empty => return out,
                    Slot::Active(h, k) if *h == hash => out.push((j, k.clone())),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Removes the key in slot `j` if that slot still holds `key` (by identity).
    pub fn discard_slot(&mut self, j: usize, key: &Value) -> bool {
        match &self.slots[j] {
            Slot::Active(_, k) if k.is(key) => {
                self.slots[j] = Slot::Dummy;
                self.used -= 1;
                true
            }
            _ => false,
        }
    }

    pub fn contains(&self, hash: i64, key: &Value) -> bool {
        self.find(hash, key).is_some()
    }

    /// Adds `key` (with its hash); does nothing if an equal key is present.
    // Probing is by slot number (the probe sequence is CPython's), hence the index loops.
    #[allow(clippy::needless_range_loop)]
    pub fn add(&mut self, hash: i64, key: Value) {
        let mask = self.mask();
        let mut i = hash as usize & mask;
        let mut perturb = hash as u64;
        let mut free_slot = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Empty => {
                        match free_slot {
                            Some(d) => {
                                self.slots[d] = Slot::Active(hash, key);
                                self.used += 1;
                            }
                            None => {
                                self.slots[j] = Slot::Active(hash, key);
                                self.fill += 1;
                                self.used += 1;
                                if self.fill * 5 >= mask * 3 {
                                    self.resize(if self.used > 50000 {
                                        self.used * 2
                                    } else {
                                        self.used * 4
                                    });
                                }
                            }
                        }
                        return;
                    }
                    Slot::Active(h, k) if *h == hash && keys_equal(k, &key) => return,
                    Slot::Dummy => free_slot = Some(j),
                    Slot::Active(..) => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Inserts into a table known to have no dummies and no equal key.
    // Probing is by slot number (the probe sequence is CPython's), hence the index loops.
    #[allow(clippy::needless_range_loop)]
    fn insert_clean(slots: &mut [Slot], hash: i64, key: Value) {
        let mask = slots.len() - 1;
        let mut i = hash as usize & mask;
        let mut perturb = hash as u64;
        loop {
            if matches!(slots[i], Slot::Empty) {
                slots[i] = Slot::Active(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in i + 1..=i + LINEAR_PROBES {
                    if matches!(slots[j], Slot::Empty) {
                        slots[j] = Slot::Active(hash, key);
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        for slot in old {
            if let Slot::Active(h, k) = slot {
                Self::insert_clean(&mut self.slots, h, k);
            }
        }
        self.fill = self.used;
    }

    pub fn discard(&mut self, hash: i64, key: &Value) -> bool {
        match self.find(hash, key) {
            Some(j) => {
                self.slots[j] = Slot::Dummy;
                self.used -= 1;
                true
            }
            None => false,
        }
    }

    /// `set.pop()`: the first active slot from the finger on.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let n = self.slots.len();
        let mut j = self.finger & (n - 1);
        while !matches!(self.slots[j], Slot::Active(..)) {
            j = (j + 1) % n;
        }
        let Slot::Active(_, key) = std::mem::replace(&mut self.slots[j], Slot::Dummy) else { return None };
        self.used -= 1;
        self.finger = j + 1;
        Some(key)
    }

    /// Adds every key of `other` (CPython's set_merge: one resize up front, then clean inserts
    /// in `other`'s slot order when this table is empty).
    pub fn merge(&mut self, other: &SetTable) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.slots.len() == other.slots.len() && other.fill == other.used {
            self.slots = other.slots.clone();
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            for s in &other.slots {
                if let Slot::Active(h, k) = s {
                    Self::insert_clean(&mut self.slots, *h, k.clone());
                }
            }
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        for (h, k) in other.entries() {
            self.add(h, k);
        }
    }

    /// (hash, key) pairs in slot order — the iteration order.
    pub fn entries(&self) -> Vec<(i64, Value)> {
        self.slots
            .iter()
            .filter_map(|s| match s {
                Slot::Active(h, k) => Some((*h, k.clone())),
                _ => None,
            })
            .collect()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.entries().into_iter().map(|(_, k)| k).collect()
    }
}

pub struct SetObject {
    pub table: RefCell<SetTable>,
    pub frozen: bool,
}

impl SetObject {
    pub fn new(frozen: bool) -> SetObject {
        SetObject { table: RefCell::new(SetTable::default()), frozen }
    }

    pub fn from_table(table: SetTable, frozen: bool) -> SetObject {
        SetObject { table: RefCell::new(table), frozen }
    }

    pub fn add(&self, key: Value) -> PyResult<()> {
        let h = hash_value(&key)?;
        self.table.borrow_mut().add(h, key);
        Ok(())
    }

    pub fn contains(&self, key: &Value) -> PyResult<bool> {
        let h = hash_value(key)?;
        Ok(self.table.borrow().contains(h, key))
    }

    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn keys(&self) -> Vec<Value> {
        self.table.borrow().keys()
    }
}

/// `a & b`: iterate the smaller set, keep what the larger one has (CPython's order).
pub fn intersection(a: &SetTable, b: &SetTable) -> SetTable {
    // CPython iterates `b` unless it is the larger one.
    let (small, large) = if b.len() > a.len() { (a, b) } else { (b, a) };
    let mut out = SetTable::default();
    for (h, k) in small.entries() {
        if large.contains(h, &k) {
            out.add(h, k);
        }
    }
    out
}

/// `a - b`.
pub fn difference(a: &SetTable, b: &SetTable) -> SetTable {
    if a.len() >> 2 > b.len() {
        let mut out = SetTable::default();
        out.merge(a);
        for (h, k) in b.entries() {
            out.discard(h, &k);
        }
        return out;
    }
    let mut out = SetTable::default();
    for (h, k) in a.entries() {
        if !b.contains(h, &k) {
            out.add(h, k);
        }
    }
    out
}

/// `a ^ b`: a copy of b, then each key of a toggled in.
pub fn symmetric_difference(a: &SetTable, b: &SetTable) -> SetTable {
    let mut out = SetTable::default();
    out.merge(b);
    for (h, k) in a.entries() {
        if !out.discard(h, &k) {
            out.add(h, k);
        }
    }
    out
}

/// `hash(frozenset)`: order-independent mix of the element hashes, as CPython computes it.
pub fn frozenset_hash(t: &SetTable) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut hash: u64 = 0;
    for (h, _) in t.entries() {
        hash ^= shuffle(h as u64);
    }
    hash ^= (t.len() as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let h = hash as i64;
    if h == -1 {
        590923713
    } else {
        h
    }
}

/// `a | b`.
pub fn union(a: &SetTable, b: &SetTable) -> SetTable {
    let mut out = SetTable::default();
    out.merge(a);
    out.merge(b);
    out
}
