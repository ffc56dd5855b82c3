//! The matcher: runs the code `re._compiler` produces with the semantics of CPython 3.11's
//! `_sre` (same backtracking order, same treatment of marks, repeats and zero-width
//! iterations), so every match, span and group is CPython's.
//!
//! It never recurses on the Rust stack for the pattern's structure: a sub-match that CPython's
//! engine "jumps" into (an alternative, a repeat's body or tail, a lookaround) pushes a `Ctx`
//! on `State::ctxs` and the loop goes on with it; when it ends, the context below resumes at
//! the point recorded in its `Resume` tag. Saved marks live on `State::data`.
//!
//! Positions are character indices into the text (`Text`: bytes, or code points of a `str`).

use super::chars;
use super::constants::*;

/// The characters being searched.
pub trait Text {
    fn len(&self) -> usize;
    fn at(&self, i: usize) -> u32;
}

impl Text for [u8] {
    #[inline(always)]
    fn len(&self) -> usize {
        <[u8]>::len(self)
    }
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self[i] as u32
    }
}

impl Text for [u32] {
    #[inline(always)]
    fn len(&self) -> usize {
        <[u32]>::len(self)
    }
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self[i]
    }
}

/// Why a match could not be decided.
#[derive(Debug, Clone, Copy)]
pub enum Failure {
    /// The code is malformed (CPython: "internal error in regular expression engine").
    Illegal,
    /// Ctrl-C arrived while matching.
    Interrupted,
    /// Hand-made code nested single-character repeats too deeply.
    Recursion,
}

/// "No position" for marks and `last_ptr`.
const NULL: usize = usize::MAX;

/// A running `REPEAT ... MAX_UNTIL/MIN_UNTIL` loop.
struct Repeat {
    /// Iterations done so far (-1 before the first).
    count: isize,
    /// Code index of the REPEAT's skip word (min, max and body follow it).
    pattern: usize,
    /// The enclosing repeat (index into `State::repeats`), or NULL.
    prev: usize,
    /// Where the last iteration started (stops zero-width iterations).
    last_ptr: usize,
}

/// Where a context goes on when the sub-match it started ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Resume {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// One level of the matching machine (CPython's `match_context`).
#[derive(Clone, Copy)]
struct Ctx {
    count: isize,
    /// A character (REPEAT_ONE before a literal) or a repeat index (UNTIL ops).
    u: usize,
    lastmark: isize,
    lastindex: isize,
    pattern: usize,
    ptr: usize,
    toplevel: bool,
    resume: Resume,
}

/// The search state: bounds, group marks and the machine's stacks. One per `match()` call (or
/// per scanner), reset between the searches of `findall`, `sub`, `split`.
pub struct State {
    pub start: usize,
    pub end: usize,
    pub ptr: usize,
    /// Clamped `pos` and `endpos` of the call.
    pub pos: usize,
    pub endpos: usize,
    /// Start and end of each group (2 per group), NULL when unset; valid up to `lastmark`.
    pub marks: Vec<usize>,
    pub lastmark: isize,
    pub lastindex: isize,
    /// `fullmatch`: success only at `end`.
    pub match_all: bool,
    /// The previous match was empty here: an empty match at `start` does not count.
    pub must_advance: bool,
    repeat: usize,
    repeats: Vec<Repeat>,
    data: Vec<usize>,
    ctxs: Vec<Ctx>,
    steps: u32,
    depth: u32,
}

impl State {
    /// A state for a text of `len` characters with 2*`groups` marks; `pos`/`endpos` are clamped
    /// to the text as CPython clamps them.
    pub fn new(groups: usize, len: usize, pos: i64, endpos: i64) -> State {
        let clamp = |v: i64| -> usize { v.clamp(0, len as i64) as usize };
        let (start, end) = (clamp(pos), clamp(endpos));
        State {
            start,
            end,
            ptr: start,
            pos: start,
            endpos: end,
            marks: vec![NULL; 2 * groups + 2],
            lastmark: -1,
            lastindex: -1,
            match_all: false,
            must_advance: false,
            repeat: NULL,
            repeats: Vec::new(),
            data: Vec::new(),
            ctxs: Vec::new(),
            steps: 0,
            depth: 0,
        }
    }

    /// Forgets the marks and stacks of the previous search (CPython's `state_reset`).
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = NULL;
        self.repeats.clear();
        self.data.clear();
        self.ctxs.clear();
    }

    /// The span of group `g` (1-based), if it took part in the match.
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let i = 2 * (g - 1);
        if (i + 1) as isize > self.lastmark {
            return None;
        }
        match (self.marks[i], self.marks[i + 1]) {
            (a, b) if a != NULL && b != NULL => Some((a, b)),
            _ => None,
        }
    }
}

/// What the machine does next.
enum Step {
    /// Start the context on top of the stack (at `State::ptr`).
    Enter,
    /// Execute opcodes at the current pattern position.
    Dispatch,
    /// Run a sub-match at code index `.1` (inheriting toplevel unless `.2` is false), then go on
    /// at `.0`.
    Call(Resume, usize, bool),
    /// The current context ends with this result.
    Return(bool),
}

/// The matcher over one text and one code array.
pub struct Matcher<'a, T: ?Sized + Text> {
    pub text: &'a T,
    pub code: &'a [u32],
    pub st: &'a mut State,
}

impl<'a, T: ?Sized + Text> Matcher<'a, T> {
    /// Code word `i`; reading past the end gives FAILURE (validated code never does).
    #[inline(always)]
    fn c(&self, i: usize) -> u32 {
        match self.code.get(i) {
            Some(&w) => w,
            None => FAILURE,
        }
    }

    #[inline(always)]
    fn ch(&self, i: usize) -> u32 {
        self.text.at(i)
    }

    /// `end - ptr` as CPython computes it (negative when `pos > endpos`).
    #[inline(always)]
    fn room(&self, ptr: usize) -> isize {
        self.st.end as isize - ptr as isize
    }

    fn top(&mut self) -> &mut Ctx {
        let n = self.st.ctxs.len() - 1;
        &mut self.st.ctxs[n]
    }

    fn lastmark_save(&mut self) {
        let (lm, li) = (self.st.lastmark, self.st.lastindex);
        let c = self.top();
        c.lastmark = lm;
        c.lastindex = li;
    }

    fn lastmark_restore(&mut self) {
        let c = *self.top();
        self.st.lastmark = c.lastmark;
        self.st.lastindex = c.lastindex;
    }

    fn mark_push(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let st = &mut *self.st;
            st.data.extend_from_slice(&st.marks[..n]);
        }
    }

    /// Restores the marks saved by `mark_push`, dropping (`discard`) or keeping the copy.
    fn mark_pop(&mut self, lastmark: isize, discard: bool) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let st = &mut *self.st;
            let from = st.data.len().saturating_sub(n);
            let k = st.data.len() - from;
            st.marks[..k].copy_from_slice(&st.data[from..]);
            if discard {
                st.data.truncate(from);
            }
        }
    }

    fn mark_discard(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let len = self.st.data.len();
            self.st.data.truncate(len.saturating_sub(n));
        }
    }

    fn in_repeat(&self) -> bool {
        self.st.repeat != NULL
    }

    /// Is `ch` in the set starting at code index `set`?
    fn charset(&self, mut set: usize, ch: u32) -> bool {
        let mut ok = true;
        loop {
            match self.c(set) {
                FAILURE => return !ok,
                LITERAL => {
                    if ch == self.c(set + 1) {
                        return ok;
                    }
                    set += 2;
                }
                CATEGORY => {
                    if chars::category(self.c(set + 1), ch) {
                        return ok;
                    }
                    set += 2;
                }
                CHARSET => {
                    if ch < 256 && self.c(set + 1 + (ch as usize >> 5)) & (1 << (ch & 31)) != 0 {
                        return ok;
                    }
                    set += 1 + 8;
                }
                RANGE => {
                    if self.c(set + 1) <= ch && ch <= self.c(set + 2) {
                        return ok;
                    }
                    set += 3;
                }
                RANGE_UNI_IGNORE => {
                    let (lo, hi) = (self.c(set + 1), self.c(set + 2));
                    if lo <= ch && ch <= hi {
                        return ok;
                    }
                    let up = chars::upper_unicode(ch);
                    if lo <= up && up <= hi {
                        return ok;
                    }
                    set += 3;
                }
                NEGATE => {
                    ok = !ok;
                    set += 1;
                }
                BIGCHARSET => {
                    // <BIGCHARSET> <blockcount> <256 block indices as bytes> <blocks>
                    let count = self.c(set + 1) as usize;
                    let table = set + 2;
                    let blocks = table + 64;
                    if ch < 0x10000 {
                        let hi = (ch >> 8) as usize;
                        let block = (self.c(table + hi / 4) >> ((hi % 4) * 8)) & 0xFF;
                        let bit = block as usize * 256 + (ch as usize & 255);
                        if self.c(blocks + bit / 32) & (1 << (bit % 32)) != 0 {
                            return ok;
                        }
                    }
                    set = blocks + count * 8;
                }
                _ => return false,
            }
        }
    }

    fn charset_loc_ignore(&self, set: usize, ch: u32) -> bool {
        let lo = chars::lower_locale(ch);
        if self.charset(set, lo) {
            return true;
        }
        let up = chars::upper_locale(ch);
        up != lo && self.charset(set, up)
    }

    /// Is the position test `at` true at `ptr`?
    fn at(&self, ptr: usize, at: u32) -> bool {
        let end = self.st.end;
        let len = self.text.len();
        let prev_is = |f: fn(u32) -> bool| ptr > 0 && ptr <= len && f(self.ch(ptr - 1));
        let next_is = |f: fn(u32) -> bool| ptr < end && f(self.ch(ptr));
        match at {
            AT_BEGINNING | AT_BEGINNING_STRING => ptr == 0,
            AT_BEGINNING_LINE => ptr == 0 || prev_is(chars::is_linebreak),
            AT_END => (end as isize - ptr as isize == 1 && chars::is_linebreak(self.ch(ptr))) || ptr == end,
            AT_END_LINE => ptr == end || (ptr < len && chars::is_linebreak(self.ch(ptr))),
            AT_END_STRING => ptr == end,
            AT_BOUNDARY | AT_NON_BOUNDARY | AT_LOC_BOUNDARY | AT_LOC_NON_BOUNDARY | AT_UNI_BOUNDARY
            | AT_UNI_NON_BOUNDARY => {
                if end == 0 {
                    return false;
                }
                let word: fn(u32) -> bool = match at {
                    AT_BOUNDARY | AT_NON_BOUNDARY => chars::is_ascii_word,
                    AT_LOC_BOUNDARY | AT_LOC_NON_BOUNDARY => chars::is_locale_word,
                    _ => chars::is_uni_word,
                };
                let differ = prev_is(word) != next_is(word);
                if matches!(at, AT_BOUNDARY | AT_LOC_BOUNDARY | AT_UNI_BOUNDARY) {
                    differ
                } else {
                    !differ
                }
            }
            _ => false,
        }
    }

    /// How many times (up to `maxcount`) the single-character item at `item` matches from
    /// `ptr` on.
    fn count(&mut self, item: usize, ptr: usize, maxcount: u32) -> Result<usize, Failure> {
        let mut end = self.st.end;
        if maxcount != MAXREPEAT && (maxcount as isize) < self.room(ptr) {
            end = ptr + maxcount as usize;
        }
        let mut p = ptr;
        let arg = self.c(item + 1);
        macro_rules! scan {
            ($cond:expr) => {{
                while p < end && {
                    let ch = self.ch(p);
                    $cond(ch)
                } {
                    p += 1;
                }
            }};
        }
        match self.c(item) {
            IN => scan!(|ch| self.charset(item + 2, ch)),
            ANY => scan!(|ch| !chars::is_linebreak(ch)),
            ANY_ALL => p = end.max(ptr),
            LITERAL => scan!(|ch| ch == arg),
            LITERAL_IGNORE => scan!(|ch| chars::lower_ascii(ch) == arg),
            LITERAL_UNI_IGNORE => scan!(|ch| chars::lower_unicode(ch) == arg),
            LITERAL_LOC_IGNORE => scan!(|ch| chars::char_loc_ignore(arg, ch)),
            NOT_LITERAL => scan!(|ch| ch != arg),
            NOT_LITERAL_IGNORE => scan!(|ch| chars::lower_ascii(ch) != arg),
            NOT_LITERAL_UNI_IGNORE => scan!(|ch| chars::lower_unicode(ch) != arg),
            NOT_LITERAL_LOC_IGNORE => scan!(|ch| !chars::char_loc_ignore(arg, ch)),
            CATEGORY if self.c(item + 2) == SUCCESS => scan!(|ch| chars::category(arg, ch)),
            IN_IGNORE if self.c(item + 1 + arg as usize) == SUCCESS => {
                scan!(|ch| self.charset(item + 2, chars::lower_ascii(ch)))
            }
            IN_UNI_IGNORE if self.c(item + 1 + arg as usize) == SUCCESS => {
                scan!(|ch| self.charset(item + 2, chars::lower_unicode(ch)))
            }
            IN_LOC_IGNORE if self.c(item + 1 + arg as usize) == SUCCESS => {
                scan!(|ch| self.charset_loc_ignore(item + 2, ch))
            }
            _ => {
                // Anything else: run the item as a pattern, once per character.
                if self.st.depth >= 100 {
                    return Err(Failure::Recursion);
                }
                self.st.ptr = ptr;
                while self.st.ptr < end {
                    let before = self.st.ptr;
                    self.st.depth += 1;
                    let r = self.run(item, false);
                    self.st.depth -= 1;
                    if !r? || self.st.ptr <= before {
                        break;
                    }
                }
                return Ok(self.st.ptr.saturating_sub(ptr));
            }
        }
        Ok(p - ptr)
    }

    /// Compares a group's text with the text at `ptr` through `fold`; the end of the copy on
    /// success.
    fn groupref(&self, group: u32, ptr: usize, fold: fn(u32) -> u32) -> Option<usize> {
        let g = group as usize * 2;
        if g as isize >= self.st.lastmark {
            return None;
        }
        let (p, e) = (self.st.marks[g], self.st.marks[g + 1]);
        if p == NULL || e == NULL || e < p {
            return None;
        }
        let end = self.st.end;
        let mut q = ptr;
        for i in p..e {
            if q >= end || fold(self.ch(q)) != fold(self.ch(i)) {
                return None;
            }
            q += 1;
        }
        Some(q)
    }

    /// Matches the code at `start` against the text at `State::ptr`; on success `State::ptr`
    /// is the end of the match. `toplevel` applies `match_all` and `must_advance`.
    pub fn run(&mut self, start: usize, toplevel: bool) -> Result<bool, Failure> {
        self.st.steps = self.st.steps.wrapping_add(1);
        if self.st.steps & 0xFFF == 0 && crate::interrupt::take() {
            return Err(Failure::Interrupted);
        }
        let base = self.st.ctxs.len();
        self.st.ctxs.push(Ctx {
            count: 0,
            u: 0,
            lastmark: -1,
            lastindex: -1,
            pattern: start,
            ptr: 0,
            toplevel,
            resume: Resume::None,
        });
        let mut pattern = start;
        let mut ptr = self.st.ptr;
        let mut step = Step::Enter;
        loop {
            step = match step {
                Step::Enter => {
                    ptr = self.st.ptr;
                    if self.c(pattern) == INFO {
                        let min = self.c(pattern + 3) as usize;
                        // CPython compares as unsigned: a negative room never rejects.
                        if min != 0 && (self.room(ptr) as usize) < min {
                            Step::Return(false)
                        } else {
                            pattern += self.c(pattern + 1) as usize + 1;
                            Step::Dispatch
                        }
                    } else {
                        Step::Dispatch
                    }
                }
                Step::Dispatch => self.dispatch(&mut pattern, &mut ptr)?,
                Step::Call(resume, next, inherit) => {
                    // Jumps inside one context only go forward, so every loop of the matcher
                    // passes here: the place to notice Ctrl-C.
                    self.st.steps = self.st.steps.wrapping_add(1);
                    if self.st.steps & 0xFFF == 0 && crate::interrupt::take() {
                        return Err(Failure::Interrupted);
                    }
                    let c = self.top();
                    c.pattern = pattern;
                    c.ptr = ptr;
                    let toplevel = inherit && c.toplevel;
                    self.st.ctxs.push(Ctx {
                        count: 0,
                        u: 0,
                        lastmark: -1,
                        lastindex: -1,
                        pattern: next,
                        ptr: 0,
                        toplevel,
                        resume,
                    });
                    pattern = next;
                    Step::Enter
                }
                Step::Return(ret) => {
                    let done = self.st.ctxs.pop().map_or(Resume::None, |c| c.resume);
                    if self.st.ctxs.len() <= base {
                        return Ok(ret);
                    }
                    let c = *self.top();
                    pattern = c.pattern;
                    ptr = c.ptr;
                    self.resume(done, ret, &mut pattern, &mut ptr)?
                }
            };
        }
    }

    /// Executes opcodes until one needs a sub-match or decides the context.
    #[inline(always)]
    fn dispatch(&mut self, pattern: &mut usize, ptr: &mut usize) -> Result<Step, Failure> {
        let end = self.st.end;
        loop {
            let op = self.c(*pattern);
            *pattern += 1;
            let p = *pattern;
            match op {
                MARK => {
                    let i = self.c(p) as usize;
                    if i >= self.st.marks.len() {
                        return Err(Failure::Illegal);
                    }
                    if i & 1 == 1 {
                        self.st.lastindex = (i / 2 + 1) as isize;
                    }
                    if i as isize > self.st.lastmark {
                        let from = (self.st.lastmark + 1) as usize;
                        for m in &mut self.st.marks[from..i] {
                            *m = NULL;
                        }
                        self.st.lastmark = i as isize;
                    }
                    self.st.marks[i] = *ptr;
                    *pattern += 1;
                }
                LITERAL => {
                    if *ptr >= end || self.ch(*ptr) != self.c(p) {
                        return Ok(Step::Return(false));
                    }
                    *pattern += 1;
                    *ptr += 1;
                }
                NOT_LITERAL
                | LITERAL_IGNORE
                | NOT_LITERAL_IGNORE
                | LITERAL_UNI_IGNORE
                | NOT_LITERAL_UNI_IGNORE
                | LITERAL_LOC_IGNORE
                | NOT_LITERAL_LOC_IGNORE => {
                    if *ptr >= end {
                        return Ok(Step::Return(false));
                    }
                    let ch = self.ch(*ptr);
                    let arg = self.c(p);
                    let ok = match op {
                        NOT_LITERAL => ch != arg,
                        LITERAL_IGNORE => chars::lower_ascii(ch) == arg,
                        NOT_LITERAL_IGNORE => chars::lower_ascii(ch) != arg,
                        LITERAL_UNI_IGNORE => chars::lower_unicode(ch) == arg,
                        NOT_LITERAL_UNI_IGNORE => chars::lower_unicode(ch) != arg,
                        LITERAL_LOC_IGNORE => chars::char_loc_ignore(arg, ch),
                        _ => !chars::char_loc_ignore(arg, ch),
                    };
                    if !ok {
                        return Ok(Step::Return(false));
                    }
                    *pattern += 1;
                    *ptr += 1;
                }
                SUCCESS => {
                    let c = *self.top();
                    if c.toplevel
                        && ((self.st.match_all && *ptr != end)
                            || (self.st.must_advance && *ptr == self.st.start))
                    {
                        return Ok(Step::Return(false));
                    }
                    self.st.ptr = *ptr;
                    return Ok(Step::Return(true));
                }
                AT => {
                    if !self.at(*ptr, self.c(p)) {
                        return Ok(Step::Return(false));
                    }
                    *pattern += 1;
                }
                CATEGORY => {
                    if *ptr >= end || !chars::category(self.c(p), self.ch(*ptr)) {
                        return Ok(Step::Return(false));
                    }
                    *pattern += 1;
                    *ptr += 1;
                }
                ANY => {
                    if *ptr >= end || chars::is_linebreak(self.ch(*ptr)) {
                        return Ok(Step::Return(false));
                    }
                    *ptr += 1;
                }
                ANY_ALL => {
                    if *ptr >= end {
                        return Ok(Step::Return(false));
                    }
                    *ptr += 1;
                }
                IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => {
                    if *ptr >= end {
                        return Ok(Step::Return(false));
                    }
                    let ch = self.ch(*ptr);
                    let ok = match op {
                        IN => self.charset(p + 1, ch),
                        IN_IGNORE => self.charset(p + 1, chars::lower_ascii(ch)),
                        IN_UNI_IGNORE => self.charset(p + 1, chars::lower_unicode(ch)),
                        _ => self.charset_loc_ignore(p + 1, ch),
                    };
                    if !ok {
                        return Ok(Step::Return(false));
                    }
                    *pattern += self.c(p) as usize;
                    *ptr += 1;
                }
                JUMP | INFO => {
                    *pattern += self.c(p) as usize;
                }
                BRANCH => {
                    self.lastmark_save();
                    if self.in_repeat() {
                        let lm = self.top().lastmark;
                        self.mark_push(lm);
                    }
                    return Ok(self.branch_next(pattern, *ptr));
                }
                REPEAT_ONE | MIN_REPEAT_ONE | POSSESSIVE_REPEAT_ONE => {
                    let min = self.c(p + 1) as isize;
                    if min > self.room(*ptr) {
                        return Ok(Step::Return(false));
                    }
                    self.st.ptr = *ptr;
                    let c = *self.top();
                    let tail = p + self.c(p) as usize;
                    if op == MIN_REPEAT_ONE {
                        let mut count = 0;
                        if min != 0 {
                            let n = self.count(p + 3, *ptr, min as u32)?;
                            if (n as isize) < min {
                                return Ok(Step::Return(false));
                            }
                            count = n;
                            *ptr += n;
                        }
                        self.top().count = count as isize;
                        if self.c(tail) == SUCCESS
                            && !(c.toplevel
                                && ((self.st.match_all && *ptr != end)
                                    || (self.st.must_advance && *ptr == self.st.start)))
                        {
                            self.st.ptr = *ptr;
                            return Ok(Step::Return(true));
                        }
                        self.lastmark_save();
                        if self.in_repeat() {
                            self.mark_push(self.st.lastmark);
                        }
                        return Ok(self.min_repeat_one_next(*pattern, *ptr));
                    }
                    let n = self.count(p + 3, *ptr, self.c(p + 2))?;
                    *ptr += n;
                    if (n as isize) < min {
                        return Ok(Step::Return(false));
                    }
                    if self.c(tail) == SUCCESS
                        && *ptr == end
                        && !(c.toplevel && self.st.must_advance && *ptr == self.st.start)
                    {
                        self.st.ptr = *ptr;
                        return Ok(Step::Return(true));
                    }
                    if op == POSSESSIVE_REPEAT_ONE {
                        *pattern = tail;
                        continue;
                    }
                    self.top().count = n as isize;
                    self.lastmark_save();
                    if self.in_repeat() {
                        self.mark_push(self.st.lastmark);
                    }
                    if self.c(tail) == LITERAL {
                        self.top().u = self.c(tail + 1) as usize;
                        return Ok(self.repeat_one_literal_next(*pattern, ptr));
                    }
                    return Ok(self.repeat_one_next(*pattern, *ptr));
                }
                REPEAT => {
                    let prev = self.st.repeat;
                    let idx = self.st.repeats.len();
                    self.st.repeats.push(Repeat { count: -1, pattern: p, prev, last_ptr: NULL });
                    self.st.repeat = idx;
                    self.top().u = idx;
                    self.st.ptr = *ptr;
                    return Ok(Step::Call(Resume::Repeat, p + self.c(p) as usize, true));
                }
                MAX_UNTIL | MIN_UNTIL => {
                    let rep = self.st.repeat;
                    if rep == NULL || rep >= self.st.repeats.len() {
                        return Err(Failure::Illegal);
                    }
                    self.st.ptr = *ptr;
                    let count = self.st.repeats[rep].count + 1;
                    let rp = self.st.repeats[rep].pattern;
                    {
                        let c = self.top();
                        c.count = count;
                        c.u = rep;
                    }
                    let resume1 = if op == MAX_UNTIL { Resume::MaxUntil1 } else { Resume::MinUntil1 };
                    if count < self.c(rp + 1) as isize {
                        self.st.repeats[rep].count = count;
                        return Ok(Step::Call(resume1, rp + 3, true));
                    }
                    if op == MAX_UNTIL {
                        return Ok(self.max_until_more(*pattern, rep, count));
                    }
                    self.st.repeat = self.st.repeats[rep].prev;
                    self.lastmark_save();
                    if self.in_repeat() {
                        self.mark_push(self.st.lastmark);
                    }
                    return Ok(Step::Call(Resume::MinUntil2, *pattern, true));
                }
                POSSESSIVE_REPEAT => {
                    self.st.ptr = *ptr;
                    self.top().count = 0;
                    let step = self.poss_repeat_min(*pattern, ptr);
                    if let Step::Dispatch = step {
                        *pattern += self.c(*pattern) as usize + 1;
                        continue;
                    }
                    return Ok(step);
                }
                ATOMIC_GROUP => {
                    self.st.ptr = *ptr;
                    return Ok(Step::Call(Resume::AtomicGroup, p + 1, false));
                }
                GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                    let fold: fn(u32) -> u32 = match op {
                        GROUPREF => |c| c,
                        GROUPREF_IGNORE => chars::lower_ascii,
                        GROUPREF_UNI_IGNORE => chars::lower_unicode,
                        _ => chars::lower_locale,
                    };
                    match self.groupref(self.c(p), *ptr, fold) {
                        Some(q) => *ptr = q,
                        None => return Ok(Step::Return(false)),
                    }
                    *pattern += 1;
                }
                GROUPREF_EXISTS => {
                    let g = self.c(p) as usize * 2;
                    let exists = (g as isize) < self.st.lastmark && {
                        let (a, b) = (self.st.marks[g], self.st.marks[g + 1]);
                        a != NULL && b != NULL && a <= b
                    };
                    if exists {
                        *pattern += 2;
                    } else {
                        *pattern += self.c(p + 1) as usize;
                    }
                }
                ASSERT => {
                    let back = self.c(p + 1) as usize;
                    if *ptr < back {
                        return Ok(Step::Return(false));
                    }
                    self.st.ptr = *ptr - back;
                    return Ok(Step::Call(Resume::Assert, p + 2, false));
                }
                ASSERT_NOT => {
                    let back = self.c(p + 1) as usize;
                    if *ptr >= back {
                        self.st.ptr = *ptr - back;
                        self.lastmark_save();
                        if self.in_repeat() {
                            self.mark_push(self.st.lastmark);
                        }
                        return Ok(Step::Call(Resume::AssertNot, p + 2, false));
                    }
                    *pattern += self.c(p) as usize;
                }
                FAILURE => return Ok(Step::Return(false)),
                _ => return Err(Failure::Illegal),
            }
        }
    }

    /// BRANCH: tries the alternatives from the one whose skip word is at `pattern`.
    fn branch_next(&mut self, pattern: &mut usize, ptr: usize) -> Step {
        let end = self.st.end;
        loop {
            let skip = self.c(*pattern) as usize;
            if skip == 0 {
                break;
            }
            let op = self.c(*pattern + 1);
            let cannot = (op == LITERAL && (ptr >= end || self.ch(ptr) != self.c(*pattern + 2)))
                || (op == IN && (ptr >= end || !self.charset(*pattern + 3, self.ch(ptr))));
            if cannot {
                *pattern += skip;
                continue;
            }
            self.st.ptr = ptr;
            return Step::Call(Resume::Branch, *pattern + 1, true);
        }
        if self.in_repeat() {
            let lm = self.top().lastmark;
            self.mark_discard(lm);
        }
        Step::Return(false)
    }

    /// REPEAT_ONE followed by a literal: backs off to the next position where the literal is.
    fn repeat_one_literal_next(&mut self, pattern: usize, ptr: &mut usize) -> Step {
        let min = self.c(pattern + 1) as isize;
        let end = self.st.end;
        let chr = self.top().u as u32;
        let mut count = self.top().count;
        while count >= min && (*ptr >= end || self.ch(*ptr) != chr) {
            *ptr = ptr.wrapping_sub(1);
            count -= 1;
        }
        self.top().count = count;
        if count < min {
            if self.in_repeat() {
                let lm = self.top().lastmark;
                self.mark_discard(lm);
            }
            return Step::Return(false);
        }
        self.st.ptr = *ptr;
        Step::Call(Resume::RepeatOne1, pattern + self.c(pattern) as usize, true)
    }

    fn repeat_one_next(&mut self, pattern: usize, ptr: usize) -> Step {
        let min = self.c(pattern + 1) as isize;
        if self.top().count < min {
            if self.in_repeat() {
                let lm = self.top().lastmark;
                self.mark_discard(lm);
            }
            return Step::Return(false);
        }
        self.st.ptr = ptr;
        Step::Call(Resume::RepeatOne2, pattern + self.c(pattern) as usize, true)
    }

    fn min_repeat_one_next(&mut self, pattern: usize, ptr: usize) -> Step {
        let max = self.c(pattern + 2);
        if max == MAXREPEAT || self.top().count <= max as isize {
            self.st.ptr = ptr;
            return Step::Call(Resume::MinRepeatOne, pattern + self.c(pattern) as usize, true);
        }
        if self.in_repeat() {
            let lm = self.top().lastmark;
            self.mark_discard(lm);
        }
        Step::Return(false)
    }

    /// MAX_UNTIL with enough iterations: one more if allowed, else the tail.
    fn max_until_more(&mut self, pattern: usize, rep: usize, count: isize) -> Step {
        let rp = self.st.repeats[rep].pattern;
        let max = self.c(rp + 2);
        if (count < max as isize || max == MAXREPEAT) && self.st.ptr != self.st.repeats[rep].last_ptr {
            self.st.repeats[rep].count = count;
            self.lastmark_save();
            self.mark_push(self.st.lastmark);
            let last = self.st.repeats[rep].last_ptr;
            self.st.data.push(last);
            self.st.repeats[rep].last_ptr = self.st.ptr;
            return Step::Call(Resume::MaxUntil2, rp + 3, true);
        }
        self.max_until_tail(pattern, rep)
    }

    fn max_until_tail(&mut self, pattern: usize, rep: usize) -> Step {
        self.st.repeat = self.st.repeats[rep].prev;
        Step::Call(Resume::MaxUntil3, pattern, true)
    }

    /// POSSESSIVE_REPEAT: the required iterations, then as many more as match.
    fn poss_repeat_min(&mut self, pattern: usize, ptr: &mut usize) -> Step {
        let min = self.c(pattern + 1) as isize;
        if self.top().count < min {
            return Step::Call(Resume::PossRepeat1, pattern + 3, false);
        }
        *ptr = NULL;
        self.poss_repeat_more(pattern, ptr)
    }

    fn poss_repeat_more(&mut self, pattern: usize, ptr: &mut usize) -> Step {
        let max = self.c(pattern + 2);
        if (self.top().count < max as isize || max == MAXREPEAT) && self.st.ptr != *ptr {
            self.lastmark_save();
            self.mark_push(self.st.lastmark);
            *ptr = self.st.ptr;
            return Step::Call(Resume::PossRepeat2, pattern + 3, false);
        }
        self.poss_repeat_done(pattern, ptr)
    }

    fn poss_repeat_done(&mut self, pattern: usize, ptr: &mut usize) -> Step {
        // Continue after the body's SUCCESS; the caller's `pattern` is updated by `resume`.
        *ptr = self.st.ptr;
        let _ = pattern;
        Step::Dispatch
    }

    /// Continues the context on top after a sub-match started at `resume` ended with `ret`.
    fn resume(
        &mut self,
        resume: Resume,
        ret: bool,
        pattern: &mut usize,
        ptr: &mut usize,
    ) -> Result<Step, Failure> {
        let c = *self.top();
        Ok(match resume {
            Resume::None => return Err(Failure::Illegal),
            Resume::Branch => {
                if ret {
                    if self.in_repeat() {
                        self.mark_discard(c.lastmark);
                    }
                    return Ok(Step::Return(true));
                }
                if self.in_repeat() {
                    self.mark_pop(c.lastmark, false);
                }
                self.lastmark_restore();
                *pattern += self.c(*pattern) as usize;
                self.branch_next(pattern, *ptr)
            }
            Resume::RepeatOne1 | Resume::RepeatOne2 => {
                if ret {
                    if self.in_repeat() {
                        self.mark_discard(c.lastmark);
                    }
                    return Ok(Step::Return(true));
                }
                if self.in_repeat() {
                    self.mark_pop(c.lastmark, false);
                }
                self.lastmark_restore();
                *ptr = ptr.wrapping_sub(1);
                self.top().count -= 1;
                if resume == Resume::RepeatOne1 {
                    self.repeat_one_literal_next(*pattern, ptr)
                } else {
                    self.repeat_one_next(*pattern, *ptr)
                }
            }
            Resume::MinRepeatOne => {
                if ret {
                    if self.in_repeat() {
                        self.mark_discard(c.lastmark);
                    }
                    return Ok(Step::Return(true));
                }
                if self.in_repeat() {
                    self.mark_pop(c.lastmark, false);
                }
                self.lastmark_restore();
                self.st.ptr = *ptr;
                if self.count(*pattern + 3, *ptr, 1)? == 0 {
                    if self.in_repeat() {
                        self.mark_discard(c.lastmark);
                    }
                    return Ok(Step::Return(false));
                }
                *ptr += 1;
                self.top().count += 1;
                self.min_repeat_one_next(*pattern, *ptr)
            }
            Resume::Repeat => {
                let rep = c.u;
                if let Some(r) = self.st.repeats.get(rep) {
                    self.st.repeat = r.prev;
                }
                self.st.repeats.truncate(rep);
                Step::Return(ret)
            }
            Resume::MaxUntil1 | Resume::MinUntil1 => {
                if ret {
                    return Ok(Step::Return(true));
                }
                self.st.repeats[c.u].count = c.count - 1;
                self.st.ptr = *ptr;
                Step::Return(false)
            }
            Resume::MaxUntil2 => {
                let rep = c.u;
                let last = self.st.data.pop().unwrap_or(NULL);
                self.st.repeats[rep].last_ptr = last;
                if ret {
                    self.mark_discard(c.lastmark);
                    return Ok(Step::Return(true));
                }
                self.mark_pop(c.lastmark, true);
                self.lastmark_restore();
                self.st.repeats[rep].count = c.count - 1;
                self.st.ptr = *ptr;
                self.max_until_tail(*pattern, rep)
            }
            Resume::MaxUntil3 => {
                self.st.repeat = c.u;
                if ret {
                    return Ok(Step::Return(true));
                }
                self.st.ptr = *ptr;
                Step::Return(false)
            }
            Resume::MinUntil2 => {
                let rep = c.u;
                let repeat_of_tail = self.st.repeat;
                self.st.repeat = rep;
                if ret {
                    if repeat_of_tail != NULL {
                        self.mark_discard(c.lastmark);
                    }
                    return Ok(Step::Return(true));
                }
                if repeat_of_tail != NULL {
                    self.mark_pop(c.lastmark, true);
                }
                self.lastmark_restore();
                self.st.ptr = *ptr;
                let rp = self.st.repeats[rep].pattern;
                let max = self.c(rp + 2);
                if (c.count >= max as isize && max != MAXREPEAT)
                    || self.st.ptr == self.st.repeats[rep].last_ptr
                {
                    return Ok(Step::Return(false));
                }
                self.st.repeats[rep].count = c.count;
                let last = self.st.repeats[rep].last_ptr;
                self.st.data.push(last);
                self.st.repeats[rep].last_ptr = self.st.ptr;
                Step::Call(Resume::MinUntil3, rp + 3, true)
            }
            Resume::MinUntil3 => {
                let rep = c.u;
                let last = self.st.data.pop().unwrap_or(NULL);
                self.st.repeats[rep].last_ptr = last;
                if ret {
                    return Ok(Step::Return(true));
                }
                self.st.repeats[rep].count = c.count - 1;
                self.st.ptr = *ptr;
                Step::Return(false)
            }
            Resume::PossRepeat1 => {
                if !ret {
                    self.st.ptr = *ptr;
                    return Ok(Step::Return(false));
                }
                self.top().count += 1;
                let step = self.poss_repeat_min(*pattern, ptr);
                self.finish_possessive(step, pattern)
            }
            Resume::PossRepeat2 => {
                let step = if ret {
                    self.mark_discard(c.lastmark);
                    self.top().count += 1;
                    self.poss_repeat_more(*pattern, ptr)
                } else {
                    self.mark_pop(c.lastmark, true);
                    self.lastmark_restore();
                    self.st.ptr = *ptr;
                    self.poss_repeat_done(*pattern, ptr)
                };
                self.finish_possessive(step, pattern)
            }
            Resume::AtomicGroup => {
                if !ret {
                    self.st.ptr = *ptr;
                    return Ok(Step::Return(false));
                }
                *pattern += self.c(*pattern) as usize;
                *ptr = self.st.ptr;
                Step::Dispatch
            }
            Resume::Assert => {
                if !ret {
                    return Ok(Step::Return(false));
                }
                *pattern += self.c(*pattern) as usize;
                Step::Dispatch
            }
            Resume::AssertNot => {
                if ret {
                    if self.in_repeat() {
                        self.mark_discard(c.lastmark);
                    }
                    return Ok(Step::Return(false));
                }
                if self.in_repeat() {
                    self.mark_pop(c.lastmark, true);
                }
                self.lastmark_restore();
                *pattern += self.c(*pattern) as usize;
                Step::Dispatch
            }
        })
    }

    /// A possessive repeat that is done goes on after its body's SUCCESS.
    fn finish_possessive(&mut self, step: Step, pattern: &mut usize) -> Step {
        if let Step::Dispatch = step {
            *pattern += self.c(*pattern) as usize + 1;
        }
        step
    }

    /// Finds the first match at or after `State::start` (CPython's `sre_search`, including
    /// its use of the INFO block's literal prefix or first-character set).
    pub fn search(&mut self) -> Result<bool, Failure> {
        let mut ptr = self.st.start;
        let mut end = self.st.end;
        if ptr > end {
            return Ok(false);
        }
        let mut pattern = 0;
        let mut flags = 0;
        let mut prefix_len = 0;
        let mut prefix_skip = 0;
        let mut prefix = 0;
        let mut charset = None;
        if self.c(0) == INFO {
            flags = self.c(2);
            let min = self.c(3) as usize;
            if min != 0 && end - ptr < min {
                return Ok(false);
            }
            if min > 1 {
                end -= min - 1;
                if end <= ptr {
                    end = ptr;
                }
            }
            if flags & INFO_PREFIX != 0 {
                prefix_len = self.c(5) as usize;
                prefix_skip = self.c(6) as usize;
                prefix = 7;
            } else if flags & INFO_CHARSET != 0 {
                charset = Some(5);
            }
            pattern = 1 + self.c(1) as usize;
        }

        if prefix_len >= 1 {
            // Every occurrence of the literal prefix, left to right.
            let end = self.st.end;
            if prefix_len > end - ptr {
                return Ok(false);
            }
            let first = self.c(prefix);
            self.st.must_advance = false;
            while ptr + prefix_len <= end {
                if self.ch(ptr) != first {
                    ptr += 1;
                    continue;
                }
                if (1..prefix_len).all(|i| self.ch(ptr + i) == self.c(prefix + i)) {
                    self.st.start = ptr;
                    self.st.ptr = ptr + prefix_skip;
                    if flags & INFO_LITERAL != 0 {
                        return Ok(true);
                    }
                    if self.run(pattern + 2 * prefix_skip, false)? {
                        return Ok(true);
                    }
                    self.reset_capture();
                }
                ptr += 1;
            }
            return Ok(false);
        }

        if let Some(set) = charset {
            let end = self.st.end;
            self.st.must_advance = false;
            loop {
                while ptr < end && !self.charset(set, self.ch(ptr)) {
                    ptr += 1;
                }
                if ptr >= end {
                    return Ok(false);
                }
                self.st.start = ptr;
                self.st.ptr = ptr;
                if self.run(pattern, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.reset_capture();
            }
        }

        self.st.start = ptr;
        self.st.ptr = ptr;
        let mut found = self.run(pattern, true)?;
        self.st.must_advance = false;
        if !found
            && self.c(pattern) == AT
            && matches!(self.c(pattern + 1), AT_BEGINNING | AT_BEGINNING_STRING)
        {
            self.st.start = end;
            self.st.ptr = end;
            return Ok(false);
        }
        while !found && ptr < end {
            ptr += 1;
            self.reset_capture();
            self.st.start = ptr;
            self.st.ptr = ptr;
            found = self.run(pattern, false)?;
        }
        Ok(found)
    }

    fn reset_capture(&mut self) {
        self.st.lastmark = -1;
        self.st.lastindex = -1;
    }

    /// `match`/`fullmatch` at `State::start`.
    pub fn match_here(&mut self) -> Result<bool, Failure> {
        self.st.ptr = self.st.start;
        self.run(0, true)
    }
}
