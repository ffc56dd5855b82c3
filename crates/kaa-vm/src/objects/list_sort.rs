//! The sort behind `list.sort` and `sorted`: CPython 3.11's timsort, step for step (natural
//! runs extended by binary insertion to `minrun`, the powersort merge order, galloping merges
//! with an adaptive `min_gallop`). Following the same steps means the same `<` calls in the
//! same order, so `__lt__` side effects and inconsistent orders (NaN) give CPython's results.
//!
//! It sorts `order`, a permutation of indices into `keys`. Whatever happens, `order` stays a
//! permutation: a failing comparison leaves it partly sorted, as CPython leaves the list.

use crate::exceptions::PyResult;
use crate::interp::Vm;
use crate::value::Value;
use kaa_bytecode::opcode::CompareKind;

const MIN_GALLOP: usize = 7;

struct Cmp<'v> {
    vm: &'v mut Vm,
    keys: &'v [Value],
}

impl Cmp<'_> {
    #[inline]
    fn lt(&mut self, x: usize, y: usize) -> PyResult<bool> {
        self.vm.compare(CompareKind::Lt, &self.keys[x], &self.keys[y])
    }
}

struct Run {
    base: usize,
    len: usize,
    power: u32,
}

struct Sorter<'s, 'v> {
    cmp: Cmp<'v>,
    a: &'s mut [usize],
    min_gallop: usize,
    pending: Vec<Run>,
}

/// Sorts `order` stably by `keys[order[i]] < keys[order[j]]`.
pub fn timsort(vm: &mut Vm, keys: &[Value], order: &mut [usize]) -> PyResult<()> {
    let n = order.len();
    if n < 2 {
        return Ok(());
    }
    let mut s = Sorter { cmp: Cmp { vm, keys }, a: order, min_gallop: MIN_GALLOP, pending: Vec::new() };
    let minrun = {
        let (mut m, mut r) = (n, 0);
        while m >= 64 {
            r |= m & 1;
            m >>= 1;
        }
        m + r
    };
    let mut lo = 0;
    while lo < n {
        let remaining = n - lo;
        let (mut run, descending) = s.count_run(lo, n)?;
        if descending {
            s.a[lo..lo + run].reverse();
        }
        if run < minrun {
            let force = remaining.min(minrun);
            s.binary_insertion(lo, lo + force, lo + run)?;
            run = force;
        }
        s.found_new_run(run, n)?;
        s.pending.push(Run { base: lo, len: run, power: 0 });
        lo += run;
    }
    while s.pending.len() > 1 {
        let mut i = s.pending.len() - 2;
        if i > 0 && s.pending[i - 1].len < s.pending[i + 1].len {
            i -= 1;
        }
        s.merge_at(i)?;
    }
    Ok(())
}

/// Where `key` goes in sorted `seq`: before any equal items. The search starts at `hint`,
/// galloping outwards, then bisects.
fn gallop_left(cmp: &mut Cmp, key: usize, seq: &[usize], hint: usize) -> PyResult<usize> {
    let n = seq.len();
    let (mut lastofs, mut ofs) = (0usize, 1usize);
    let (mut lo, mut hi);
    if cmp.lt(seq[hint], key)? {
        // seq[hint] < key: gallop right until seq[hint + lastofs] < key <= seq[hint + ofs].
        let maxofs = n - hint;
        while ofs < maxofs && cmp.lt(seq[hint + ofs], key)? {
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        lo = hint + lastofs + 1;
        hi = hint + ofs;
    } else {
        // key <= seq[hint]: gallop left until seq[hint - ofs] < key <= seq[hint - lastofs].
        let maxofs = hint + 1;
        while ofs < maxofs && !cmp.lt(seq[hint - ofs], key)? {
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        // lo is one past hint - ofs, which may be -1.
        lo = hint + 1 - ofs;
        hi = hint - lastofs;
    }
    while lo < hi {
        let m = lo + ((hi - lo) >> 1);
        if cmp.lt(seq[m], key)? {
            lo = m + 1;
        } else {
            hi = m;
        }
    }
    Ok(hi)
}

/// Where `key` goes in sorted `seq`: after any equal items.
fn gallop_right(cmp: &mut Cmp, key: usize, seq: &[usize], hint: usize) -> PyResult<usize> {
    let n = seq.len();
    let (mut lastofs, mut ofs) = (0usize, 1usize);
    let (mut lo, mut hi);
    if cmp.lt(key, seq[hint])? {
        // key < seq[hint]: gallop left until seq[hint - ofs] <= key < seq[hint - lastofs].
        let maxofs = hint + 1;
        while ofs < maxofs && cmp.lt(key, seq[hint - ofs])? {
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        lo = hint + 1 - ofs;
        hi = hint - lastofs;
    } else {
        // seq[hint] <= key: gallop right until seq[hint + lastofs] <= key < seq[hint + ofs].
        let maxofs = n - hint;
        while ofs < maxofs && !cmp.lt(key, seq[hint + ofs])? {
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        lo = hint + lastofs + 1;
        hi = hint + ofs;
    }
    while lo < hi {
        let m = lo + ((hi - lo) >> 1);
        if cmp.lt(key, seq[m])? {
            hi = m;
        } else {
            lo = m + 1;
        }
    }
    Ok(hi)
}

/// The positions of a low-side merge: the rest of run A lives in `tmp[ia..ia + na]`, the rest
/// of run B in `a[ib..ib + nb]`, and the output goes to `a[dest..]` (`dest + na == ib`).
struct Lo {
    dest: usize,
    ia: usize,
    na: usize,
    ib: usize,
    nb: usize,
}

/// The positions of a high-side merge, from the right: A's rest ends at `a[ja]` (inclusive,
/// `na` items), B's rest is `tmp[..nb]`, and the output fills `a[..=dest]` downwards.
struct Hi {
    dest: usize,
    ja: usize,
    na: usize,
    nb: usize,
}

impl Sorter<'_, '_> {
    /// The length of the run starting at `lo`, and whether it is strictly descending.
    fn count_run(&mut self, lo: usize, hi: usize) -> PyResult<(usize, bool)> {
        if lo + 1 == hi {
            return Ok((1, false));
        }
        let a = &*self.a;
        let mut i = lo + 2;
        if self.cmp.lt(a[lo + 1], a[lo])? {
            while i < hi && self.cmp.lt(a[i], a[i - 1])? {
                i += 1;
            }
            Ok((i - lo, true))
        } else {
            while i < hi && !self.cmp.lt(a[i], a[i - 1])? {
                i += 1;
            }
            Ok((i - lo, false))
        }
    }

    /// Extends the sorted `a[lo..start]` to `a[lo..hi]` by binary insertion (after equals).
    fn binary_insertion(&mut self, lo: usize, hi: usize, mut start: usize) -> PyResult<()> {
        if start == lo {
            start += 1;
        }
        while start < hi {
            let pivot = self.a[start];
            let (mut l, mut r) = (lo, start);
            while l < r {
                let p = l + ((r - l) >> 1);
                if self.cmp.lt(pivot, self.a[p])? {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            self.a.copy_within(l..start, l + 1);
            self.a[l] = pivot;
            start += 1;
        }
        Ok(())
    }

    /// Powersort: the new run's power decides which pending runs to merge first.
    fn found_new_run(&mut self, n2: usize, n: usize) -> PyResult<()> {
        let Some(last) = self.pending.last() else { return Ok(()) };
        let (s1, n1) = (last.base, last.len);
        // The first bit where the midpoints of the two runs, as fractions of n, differ.
        let (mut a, mut b) = (2 * s1 + n1, 2 * s1 + 2 * n1 + n2);
        let mut power = 0;
        loop {
            power += 1;
            if a >= n {
                a -= n;
                b -= n;
            } else if b >= n {
                break;
            }
            a <<= 1;
            b <<= 1;
        }
        while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
            self.merge_at(self.pending.len() - 2)?;
        }
        if let Some(last) = self.pending.last_mut() {
            last.power = power;
        }
        Ok(())
    }

    /// Merges pending runs `i` and `i + 1`.
    fn merge_at(&mut self, i: usize) -> PyResult<()> {
        let (mut pa, mut na) = (self.pending[i].base, self.pending[i].len);
        let (pb, nb) = (self.pending[i + 1].base, self.pending[i + 1].len);
        self.pending[i].len = na + nb;
        self.pending.remove(i + 1);
        // Items of A before B's first belong where they are; so do B's after A's last.
        let k = gallop_right(&mut self.cmp, self.a[pb], &self.a[pa..pa + na], 0)?;
        pa += k;
        na -= k;
        if na == 0 {
            return Ok(());
        }
        let nb = gallop_left(&mut self.cmp, self.a[pa + na - 1], &self.a[pb..pb + nb], nb - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(pa, na, pb, nb)
        } else {
            self.merge_hi(pa, na, pb, nb)
        }
    }

    /// Merges A = `a[pa..pa + na]` and the following B (`na <= nb`) from the left, with A
    /// copied aside. A's first item is known to be greater than B's first, B's last greater
    /// than A's last.
    fn merge_lo(&mut self, pa: usize, na: usize, pb: usize, nb: usize) -> PyResult<()> {
        let tmp: Vec<usize> = self.a[pa..pa + na].to_vec();
        let mut st = Lo { dest: pa, ia: 0, na, ib: pb, nb };
        let result = self.merge_lo_steps(&tmp, &mut st);
        // Done or failed: A's unmerged rest fills the gap (a no-op after the CopyB finish).
        self.a[st.dest..st.dest + st.na].copy_from_slice(&tmp[st.ia..st.ia + st.na]);
        result
    }

    fn merge_lo_steps(&mut self, tmp: &[usize], st: &mut Lo) -> PyResult<()> {
        let a = &mut *self.a;
        let cmp = &mut self.cmp;
        a[st.dest] = a[st.ib];
        st.dest += 1;
        st.ib += 1;
        st.nb -= 1;
        if st.nb == 0 {
            return Ok(());
        }
        // A's last item belongs after all of B's rest.
        let copy_b = |a: &mut [usize], st: &mut Lo| {
            a.copy_within(st.ib..st.ib + st.nb, st.dest);
            a[st.dest + st.nb] = tmp[st.ia];
            st.na = 0;
        };
        if st.na == 1 {
            copy_b(a, st);
            return Ok(());
        }
        let mut min_gallop = self.min_gallop;
        loop {
            let (mut acount, mut bcount) = (0, 0);
            // One at a time until one side wins min_gallop times in a row.
            loop {
                if cmp.lt(a[st.ib], tmp[st.ia])? {
                    a[st.dest] = a[st.ib];
                    st.dest += 1;
                    st.ib += 1;
                    st.nb -= 1;
                    bcount += 1;
                    acount = 0;
                    if st.nb == 0 {
                        return Ok(());
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                } else {
                    a[st.dest] = tmp[st.ia];
                    st.dest += 1;
                    st.ia += 1;
                    st.na -= 1;
                    acount += 1;
                    bcount = 0;
                    if st.na == 1 {
                        copy_b(a, st);
                        return Ok(());
                    }
                    if acount >= min_gallop {
                        break;
                    }
                }
            }
            // Galloping: move whole stretches while either side keeps winning big.
            min_gallop += 1;
            loop {
                min_gallop -= (min_gallop > 1) as usize;
                self.min_gallop = min_gallop;
                let k = gallop_right(cmp, a[st.ib], &tmp[st.ia..st.ia + st.na], 0)?;
                acount = k;
                if k > 0 {
                    a[st.dest..st.dest + k].copy_from_slice(&tmp[st.ia..st.ia + k]);
                    st.dest += k;
                    st.ia += k;
                    st.na -= k;
                    if st.na == 1 {
                        copy_b(a, st);
                        return Ok(());
                    }
                    // Only an inconsistent order empties A here.
                    if st.na == 0 {
                        return Ok(());
                    }
                }
                a[st.dest] = a[st.ib];
                st.dest += 1;
                st.ib += 1;
                st.nb -= 1;
                if st.nb == 0 {
                    return Ok(());
                }
                let k = gallop_left(cmp, tmp[st.ia], &a[st.ib..st.ib + st.nb], 0)?;
                bcount = k;
                if k > 0 {
                    a.copy_within(st.ib..st.ib + k, st.dest);
                    st.dest += k;
                    st.ib += k;
                    st.nb -= k;
                    if st.nb == 0 {
                        return Ok(());
                    }
                }
                a[st.dest] = tmp[st.ia];
                st.dest += 1;
                st.ia += 1;
                st.na -= 1;
                if st.na == 1 {
                    copy_b(a, st);
                    return Ok(());
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            // Leaving galloping mode costs: it must be earned back.
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
    }

    /// Merges A = `a[pa..pa + na]` and the following B (`na > nb`) from the right, with B
    /// copied aside.
    fn merge_hi(&mut self, pa: usize, na: usize, pb: usize, nb: usize) -> PyResult<()> {
        let tmp: Vec<usize> = self.a[pb..pb + nb].to_vec();
        let mut st = Hi { dest: pb + nb - 1, ja: pa + na - 1, na, nb };
        let result = self.merge_hi_steps(pa, &tmp, &mut st);
        // Done or failed: B's unmerged rest fills the gap (a no-op after the CopyA finish).
        if st.nb > 0 {
            self.a[st.dest + 1 - st.nb..=st.dest].copy_from_slice(&tmp[..st.nb]);
        }
        result
    }

    fn merge_hi_steps(&mut self, pa: usize, tmp: &[usize], st: &mut Hi) -> PyResult<()> {
        let a = &mut *self.a;
        let cmp = &mut self.cmp;
        a[st.dest] = a[st.ja];
        st.dest -= 1;
        st.na -= 1;
        if st.na == 0 {
            return Ok(());
        }
        st.ja -= 1;
        // B's first item belongs before all of A's rest.
        let copy_a = |a: &mut [usize], st: &mut Hi| {
            a.copy_within(st.ja + 1 - st.na..=st.ja, st.dest + 1 - st.na);
            a[st.dest - st.na] = tmp[0];
            st.nb = 0;
        };
        if st.nb == 1 {
            copy_a(a, st);
            return Ok(());
        }
        let mut min_gallop = self.min_gallop;
        loop {
            let (mut acount, mut bcount) = (0, 0);
            loop {
                if cmp.lt(tmp[st.nb - 1], a[st.ja])? {
                    a[st.dest] = a[st.ja];
                    st.dest -= 1;
                    st.na -= 1;
                    acount += 1;
                    bcount = 0;
                    if st.na == 0 {
                        return Ok(());
                    }
                    st.ja -= 1;
                    if acount >= min_gallop {
                        break;
                    }
                } else {
                    a[st.dest] = tmp[st.nb - 1];
                    st.dest -= 1;
                    st.nb -= 1;
                    bcount += 1;
                    acount = 0;
                    if st.nb == 1 {
                        copy_a(a, st);
                        return Ok(());
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= (min_gallop > 1) as usize;
                self.min_gallop = min_gallop;
                let k = st.na - gallop_right(cmp, tmp[st.nb - 1], &a[pa..pa + st.na], st.na - 1)?;
                acount = k;
                if k > 0 {
                    a.copy_within(st.ja + 1 - k..=st.ja, st.dest + 1 - k);
                    st.dest -= k;
                    st.na -= k;
                    if st.na == 0 {
                        return Ok(());
                    }
                    st.ja -= k;
                }
                a[st.dest] = tmp[st.nb - 1];
                st.dest -= 1;
                st.nb -= 1;
                if st.nb == 1 {
                    copy_a(a, st);
                    return Ok(());
                }
                let k = st.nb - gallop_left(cmp, a[st.ja], &tmp[..st.nb], st.nb - 1)?;
                bcount = k;
                if k > 0 {
                    a[st.dest + 1 - k..=st.dest].copy_from_slice(&tmp[st.nb - k..st.nb]);
                    st.dest -= k;
                    st.nb -= k;
                    if st.nb == 1 {
                        copy_a(a, st);
                        return Ok(());
                    }
                    // Only an inconsistent order empties B here.
                    if st.nb == 0 {
                        return Ok(());
                    }
                }
                a[st.dest] = a[st.ja];
                st.dest -= 1;
                st.na -= 1;
                if st.na == 0 {
                    return Ok(());
                }
                st.ja -= 1;
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
    }
}
