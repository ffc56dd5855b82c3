//! Memory management beyond reference counting: the cycle collector, `__del__` finalizers and
//! weak-reference callbacks.
//!
//! Reference counting (`Rc`) frees almost everything. What it cannot free are reference cycles,
//! so container objects are *tracked*: on creation a weak pointer goes into the youngest of three
//! generations (as in CPython). A collection of generation `g` takes every tracked object of
//! generations `0..=g` as a candidate and computes, for each, its strong count minus the
//! references it receives from other candidates (`traverse.rs` lists each type's references).
//! Candidates left with a positive count are referenced from outside (the VM stack, older
//! objects, untracked objects, Rust locals) and so are alive, as is everything they reach; the
//! rest is unreachable and is cleared (its containers emptied), which breaks the cycles and lets
//! reference counting free it.
//!
//! The analysis is conservative by construction: a reference the traversal does not know about
//! only makes its target look externally referenced. Objects created at sites that do not track
//! them are never collected, never wrongly freed.
//!
//! Finalizers need the VM but `Drop` has none, so a dying instance whose class defines `__del__`
//! moves its contents into a new object queued in `GcSignals`; the interpreter drains the queue at
//! safe points (calls and backward jumps) and calls `__del__` there (`finalize.rs`).

pub mod finalize;
pub mod traverse;

use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::function::FunctionObject;
use crate::objects::generator::GeneratorObject;
use crate::objects::set::SetObject;
use crate::objects::types::{InstanceObject, TypeObject};
use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

/// A tracked container, held weakly so tracking never keeps anything alive.
pub enum Tracked {
    List(Weak<RefCell<Vec<Value>>>),
    Dict(Weak<DictObject>),
    Instance(Weak<InstanceObject>),
    Function(Weak<FunctionObject>),
    Type(Weak<TypeObject>),
    Generator(Weak<GeneratorObject>),
    Set(Weak<SetObject>),
    Cell(Weak<RefCell<Value>>),
    /// A frame object: once its frame has ended it holds the last locals, which may refer back
    /// to it (`tb = sys.exc_info()[2]` kept in a local).
    Frame(Weak<crate::objects::frame::FrameObject>),
}

impl Tracked {
    fn upgrade(&self) -> Option<Value> {
        Some(match self {
            Tracked::List(w) => Value::List(w.upgrade()?),
            Tracked::Dict(w) => Value::Dict(w.upgrade()?),
            Tracked::Instance(w) => Value::Instance(w.upgrade()?),
            Tracked::Function(w) => Value::Function(w.upgrade()?),
            Tracked::Type(w) => Value::Type(w.upgrade()?),
            Tracked::Generator(w) => Value::Generator(w.upgrade()?),
            Tracked::Set(w) => Value::Set(w.upgrade()?),
            Tracked::Cell(w) => Value::Cell(w.upgrade()?),
            Tracked::Frame(w) => Value::Frame(w.upgrade()?),
        })
    }

    fn is_alive(&self) -> bool {
        match self {
            Tracked::List(w) => w.strong_count() > 0,
            Tracked::Dict(w) => w.strong_count() > 0,
            Tracked::Instance(w) => w.strong_count() > 0,
            Tracked::Function(w) => w.strong_count() > 0,
            Tracked::Type(w) => w.strong_count() > 0,
            Tracked::Generator(w) => w.strong_count() > 0,
            Tracked::Set(w) => w.strong_count() > 0,
            Tracked::Cell(w) => w.strong_count() > 0,
            Tracked::Frame(w) => w.strong_count() > 0,
        }
    }

    /// The tracked entry for a value, if it is of a trackable kind.
    pub fn of(v: &Value) -> Option<Tracked> {
        Some(match v {
            Value::List(r) => Tracked::List(Rc::downgrade(r)),
            Value::Dict(r) => Tracked::Dict(Rc::downgrade(r)),
            Value::Instance(r) => Tracked::Instance(Rc::downgrade(r)),
            Value::Function(r) => Tracked::Function(Rc::downgrade(r)),
            Value::Type(r) => Tracked::Type(Rc::downgrade(r)),
            Value::Generator(r) => Tracked::Generator(Rc::downgrade(r)),
            Value::Set(r) => Tracked::Set(Rc::downgrade(r)),
            Value::Cell(r) => Tracked::Cell(Rc::downgrade(r)),
            Value::Frame(r) => Tracked::Frame(Rc::downgrade(r)),
            _ => return None,
        })
    }
}

/// What code without VM access (destructors, allocation sites) tells the interpreter: a flag the
/// loop checks at its safe points, and the queue of objects waiting for their finalizer or for
/// their weak references' callbacks.
#[derive(Default)]
pub struct GcSignals {
    /// Something is waiting: a collection is due or `pending` is not empty.
    pub attention: Cell<bool>,
    pub collection_due: Cell<bool>,
    pub pending: RefCell<Vec<Pending>>,
}

pub enum Pending {
    /// An instance whose last reference went away and whose class defines `__del__`: its
    /// contents, resurrected into a new object for the finalizer to see.
    Finalize(Rc<InstanceObject>),
    /// The address of an object that died while weak references with callbacks pointed at it.
    Died(usize),
}

impl GcSignals {
    pub fn push(&self, p: Pending) {
        self.pending.borrow_mut().push(p);
        self.attention.set(true);
    }
}

pub const GENERATIONS: usize = 3;

pub struct Collector {
    generations: [Vec<Tracked>; GENERATIONS],
    /// `gc.get_count()`: tracked allocations since the last collection, then collections of the
    /// younger generation since the last collection of this one.
    pub counts: [usize; GENERATIONS],
    pub thresholds: [usize; GENERATIONS],
    pub enabled: bool,
    /// A collection is running (finalizers it calls must not start another).
    pub collecting: bool,
    /// Objects that survived into the oldest generation since its last collection, and how many
    /// lived there then: a full collection waits until the first is a quarter of the second, so
    /// programs that build large structures do not collect quadratically (CPython's rule).
    long_lived_pending: usize,
    long_lived_total: usize,
    pub signals: Rc<GcSignals>,
    /// `gc.garbage` and `gc.callbacks`: lists made once, handed out by the `gc` module.
    pub garbage: Rc<RefCell<Vec<Value>>>,
    pub callbacks: Rc<RefCell<Vec<Value>>>,
    /// Objects collected, per generation, for `gc.get_stats()`.
    pub collected: [usize; GENERATIONS],
    pub collections: [usize; GENERATIONS],
}

impl Default for Collector {
    fn default() -> Self {
        Collector {
            generations: Default::default(),
            counts: [0; GENERATIONS],
            thresholds: [700, 10, 10],
            enabled: true,
            collecting: false,
            long_lived_pending: 0,
            long_lived_total: 0,
            signals: Rc::new(GcSignals::default()),
            garbage: Rc::new(RefCell::new(Vec::new())),
            callbacks: Rc::new(RefCell::new(Vec::new())),
            collected: [0; GENERATIONS],
            collections: [0; GENERATIONS],
        }
    }
}

impl Collector {
    /// Registers a new container. Cheap: one weak pointer pushed, one counter bumped.
    #[inline]
    pub fn track(&mut self, t: Tracked) {
        self.generations[0].push(t);
        self.counts[0] += 1;
        if self.counts[0] > self.thresholds[0] && self.thresholds[0] != 0 && self.enabled {
            self.request_collection();
        }
    }

    #[cold]
    fn request_collection(&self) {
        self.signals.collection_due.set(true);
        self.signals.attention.set(true);
    }

    /// The oldest generation whose threshold is exceeded, as CPython's collect_generations picks.
    fn generation_due(&self) -> Option<usize> {
        (0..GENERATIONS).rev().find(|&g| {
            self.counts[g] > self.thresholds[g]
                && !(g == GENERATIONS - 1 && self.long_lived_pending < self.long_lived_total / 4)
        })
    }
}

/// The result of analysing a set of candidates.
struct Analysis {
    /// Strong handles on every candidate (kept so nothing dies mid-analysis).
    candidates: Vec<Value>,
    unreachable: Vec<bool>,
}

/// Candidate positions by object address: an open-addressing table of `u32` positions into the
/// candidate list (4 bytes a slot, at most half full), hashed by multiplication. A collection
/// of a large heap needs this for every candidate, so it must be small and quick; a general
/// map with SipHash cost a third of a GC-heavy program's time and ~40 bytes per object.
struct AddressIndex {
    slots: Vec<u32>,
    shift: u32,
}

impl AddressIndex {
    const EMPTY: u32 = u32::MAX;

    fn new(candidates: &[Value]) -> AddressIndex {
        let size = (candidates.len() * 2).next_power_of_two().max(16);
        let mut index = AddressIndex { slots: vec![Self::EMPTY; size], shift: 64 - size.trailing_zeros() };
        for (i, v) in candidates.iter().enumerate() {
            let mut slot = index.home(v.address());
            while index.slots[slot] != Self::EMPTY {
                slot = (slot + 1) & (index.slots.len() - 1);
            }
            index.slots[slot] = i as u32;
        }
        index
    }

    #[inline]
    fn home(&self, address: usize) -> usize {
        // Fibonacci hashing: the high bits of the product spread nearby addresses apart.
        ((address as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    #[inline]
    fn get(&self, address: usize, candidates: &[Value]) -> Option<usize> {
        let mut slot = self.home(address);
        loop {
            match self.slots[slot] {
                Self::EMPTY => return None,
                i if candidates[i as usize].address() == address => return Some(i as usize),
                _ => slot = (slot + 1) & (self.slots.len() - 1),
            }
        }
    }
}

fn analyse(entries: &[Tracked]) -> Analysis {
    let candidates: Vec<Value> = entries.iter().filter_map(Tracked::upgrade).collect();
    let index = AddressIndex::new(&candidates);
    // Each candidate's references, minus the handle held in `candidates`.
    let mut gc_refs: Vec<isize> = candidates.iter().map(|v| traverse::strong_count(v) as isize - 1).collect();
    let mut work = Vec::new();
    for v in &candidates {
        traverse::for_each_reference(v, &mut work, &mut |child| {
            if let Some(j) = index.get(child.address(), &candidates) {
                gc_refs[j] -= 1;
            }
        });
    }
    // Everything reachable from a candidate referenced from outside is alive.
    let mut reachable: Vec<bool> = gc_refs.iter().map(|&r| r > 0).collect();
    drop(gc_refs);
    let mut stack: Vec<usize> = (0..candidates.len()).filter(|&i| reachable[i]).collect();
    while let Some(i) = stack.pop() {
        traverse::for_each_reference(&candidates[i], &mut work, &mut |child| {
            if let Some(j) = index.get(child.address(), &candidates) {
                if !reachable[j] {
                    reachable[j] = true;
                    stack.push(j);
                }
            }
        });
    }
    let unreachable = reachable.iter().map(|r| !r).collect();
    Analysis { candidates, unreachable }
}

impl Vm {
    /// Tracks a freshly made container for the cycle collector.
    #[inline]
    pub fn gc_track(&mut self, v: &Value) {
        if let Some(t) = Tracked::of(v) {
            self.gc.track(t);
        }
    }

    /// A new tracked list.
    #[inline]
    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        let rc = Rc::new(RefCell::new(items));
        self.gc.track(Tracked::List(Rc::downgrade(&rc)));
        Value::List(rc)
    }

    /// A new tracked dict.
    #[inline]
    pub fn new_dict(&mut self, d: DictObject) -> Value {
        let rc = Rc::new(d);
        self.gc.track(Tracked::Dict(Rc::downgrade(&rc)));
        Value::Dict(rc)
    }

    /// What the interpreter does at a safe point when `GcSignals::attention` is set: run queued
    /// finalizers and weakref callbacks, and the collection that is due.
    #[cold]
    pub fn gc_safe_point(&mut self) {
        let signals = self.gc.signals.clone();
        signals.attention.set(false);
        self.run_pending_finalizers();
        if signals.collection_due.get() {
            signals.collection_due.set(false);
            if self.gc.enabled && !self.gc.collecting {
                if let Some(g) = self.gc.generation_due() {
                    self.collect_generation(g, "automatic");
                } else {
                    // Below the young threshold again (counts moved): nothing to do.
                    self.gc.counts[0] = self.gc.counts[0].min(self.gc.thresholds[0]);
                }
            }
            self.run_pending_finalizers();
        }
    }

    /// Collects generations `0..=generation`; returns how many unreachable objects were found
    /// (what `gc.collect()` returns).
    pub fn collect_generation(&mut self, generation: usize, reason: &str) -> usize {
        if self.gc.collecting {
            return 0;
        }
        self.gc.collecting = true;
        self.run_gc_callbacks("start", generation, 0, reason);
        if generation == GENERATIONS - 1 {
            // Stale inline-cache entries would keep dead globals alive.
            self.clear_global_caches();
        }
        let mut entries: Vec<Tracked> = Vec::new();
        for g in 0..=generation {
            entries.append(&mut self.gc.generations[g]);
        }
        entries.retain(Tracked::is_alive);
        let mut found = 0;
        // Finalizers run before anything is cleared (PEP 442); they may resurrect objects, so
        // the analysis is redone afterwards. Each instance is finalized once, so this ends.
        for _round in 0..4 {
            let analysis = analyse(&entries);
            let to_finalize: Vec<Rc<InstanceObject>> = analysis
                .candidates
                .iter()
                .zip(&analysis.unreachable)
                .filter_map(|(v, &dead)| match v {
                    Value::Instance(i)
                        if dead && !i.finalized.get() && i.class.lookup("__del__").is_some() =>
                    {
                        Some(i.clone())
                    }
                    _ => None,
                })
                .collect();
            if !to_finalize.is_empty() {
                drop(analysis);
                for inst in to_finalize {
                    inst.finalized.set(true);
                    self.call_finalizer(&inst);
                }
                continue;
            }
            found = traverse::count_unreachable(&analysis.candidates, &analysis.unreachable);
            // Empty the unreachable containers; what they held is dropped once every handle is
            // gone, outside any borrow.
            let mut bin: Vec<Value> = Vec::new();
            for (v, &dead) in analysis.candidates.iter().zip(&analysis.unreachable) {
                if dead {
                    traverse::clear(v, &mut bin);
                }
            }
            drop(analysis);
            drop(bin);
            break;
        }
        // Survivors age by one generation.
        entries.retain(Tracked::is_alive);
        let older = (generation + 1).min(GENERATIONS - 1);
        if generation == GENERATIONS - 1 {
            self.gc.long_lived_pending = 0;
            self.gc.long_lived_total = entries.len();
        } else if older == GENERATIONS - 1 {
            self.gc.long_lived_pending += entries.len();
        }
        self.gc.generations[older].append(&mut entries);
        if generation + 1 < GENERATIONS {
            self.gc.counts[generation + 1] += 1;
        }
        for g in 0..=generation {
            self.gc.counts[g] = 0;
        }
        self.gc.collected[generation] += found;
        self.gc.collections[generation] += 1;
        self.run_gc_callbacks("stop", generation, found, reason);
        self.gc.collecting = false;
        found
    }

    /// `gc.callbacks`: each is called with ("start" | "stop", info dict).
    fn run_gc_callbacks(&mut self, phase: &str, generation: usize, collected: usize, _reason: &str) {
        if self.gc.callbacks.borrow().is_empty() {
            return;
        }
        let callbacks = self.gc.callbacks.borrow().clone();
        let info = DictObject::new();
        info.set_str("generation", Value::Int(generation as i64));
        info.set_str("collected", Value::Int(collected as i64));
        info.set_str("uncollectable", Value::Int(0));
        let info = Value::Dict(Rc::new(info));
        for cb in callbacks {
            if let Err(e) = self.call_value(&cb, vec![Value::str(phase), info.clone()], Vec::new()) {
                let exc = self.materialize(e);
                self.report_unraisable("Exception ignored in garbage collector callback", &cb, &exc);
            }
        }
    }
}
