//! Checks that a code array has the shape `re._compiler` gives it before the engine runs it
//! (CPython rejects anything else with "invalid SRE code"): every operand present, every skip
//! inside its enclosing construct, groups and categories in range.

use super::constants::*;

struct Reader<'a> {
    code: &'a [u32],
    at: usize,
    end: usize,
}

type Check<T> = Result<T, ()>;

impl Reader<'_> {
    fn word(&mut self) -> Check<u32> {
        if self.at >= self.end {
            return Err(());
        }
        let w = self.code[self.at];
        self.at += 1;
        Ok(w)
    }

    /// A skip word: the code it reaches (`at + skip - adj - 1` from after the word) must stay
    /// inside the current range.
    fn skip(&mut self, adj: usize) -> Check<usize> {
        if self.at >= self.end {
            return Err(());
        }
        let skip = self.code[self.at] as usize;
        if skip.wrapping_sub(adj) > self.end - self.at {
            return Err(());
        }
        self.at += 1;
        Ok(skip)
    }
}

fn charset(code: &[u32], from: usize, end: usize) -> Check<()> {
    let mut r = Reader { code, at: from, end };
    while r.at < r.end {
        match r.word()? {
            NEGATE => {}
            LITERAL => {
                r.word()?;
            }
            RANGE | RANGE_UNI_IGNORE => {
                r.word()?;
                r.word()?;
            }
            CHARSET => {
                if 8 > r.end - r.at {
                    return Err(());
                }
                r.at += 8;
            }
            BIGCHARSET => {
                let blocks = r.word()? as usize;
                if 64 > r.end - r.at {
                    return Err(());
                }
                for i in 0..256 {
                    let byte = (code[r.at + i / 4] >> ((i % 4) * 8)) & 0xFF;
                    if byte as usize >= blocks {
                        return Err(());
                    }
                }
                r.at += 64;
                if blocks.saturating_mul(8) > r.end - r.at {
                    return Err(());
                }
                r.at += blocks * 8;
            }
            CATEGORY => {
                if r.word()? > CATEGORY_UNI_NOT_LINEBREAK {
                    return Err(());
                }
            }
            _ => return Err(()),
        }
    }
    Ok(())
}

/// Checks `code[from..end]`; `Ok(true)` when it ends with a JUMP (a branch's alternative or a
/// conditional's "then" part).
fn inner(code: &[u32], from: usize, end: usize, groups: usize, depth: usize) -> Check<bool> {
    if from > end || depth > 2000 {
        return Err(());
    }
    let mut r = Reader { code, at: from, end };
    while r.at < r.end {
        match r.word()? {
            MARK => {
                if r.word()? as usize > 2 * groups + 1 {
                    return Err(());
                }
            }
            LITERAL
            | NOT_LITERAL
            | LITERAL_IGNORE
            | NOT_LITERAL_IGNORE
            | LITERAL_UNI_IGNORE
            | NOT_LITERAL_UNI_IGNORE
            | LITERAL_LOC_IGNORE
            | NOT_LITERAL_LOC_IGNORE => {
                r.word()?;
            }
            SUCCESS | FAILURE | ANY | ANY_ALL => {}
            AT => {
                if r.word()? > AT_UNI_NON_BOUNDARY {
                    return Err(());
                }
            }
            IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => {
                let skip = r.skip(0)?;
                if skip < 2 {
                    return Err(());
                }
                charset(code, r.at, r.at + skip - 2)?;
                if code[r.at + skip - 2] != FAILURE {
                    return Err(());
                }
                r.at += skip - 1;
            }
            INFO => {
                let skip = r.skip(0)?;
                if skip < 1 {
                    return Err(());
                }
                let newcode = r.at + skip - 1;
                let flags = r.word()?;
                r.word()?;
                r.word()?;
                if flags & !(INFO_PREFIX | INFO_LITERAL | INFO_CHARSET) != 0
                    || (flags & INFO_PREFIX != 0 && flags & INFO_CHARSET != 0)
                    || (flags & INFO_LITERAL != 0 && flags & INFO_PREFIX == 0)
                {
                    return Err(());
                }
                if flags & INFO_PREFIX != 0 {
                    let prefix_len = r.word()? as usize;
                    r.word()?;
                    if newcode < r.at || prefix_len > newcode - r.at {
                        return Err(());
                    }
                    r.at += prefix_len;
                    if prefix_len > newcode - r.at {
                        return Err(());
                    }
                    if code[r.at..r.at + prefix_len].iter().any(|&o| o as usize >= prefix_len) {
                        return Err(());
                    }
                    r.at += prefix_len;
                }
                if flags & INFO_CHARSET != 0 {
                    if newcode < r.at + 1 {
                        return Err(());
                    }
                    charset(code, r.at, newcode - 1)?;
                    if code[newcode - 1] != FAILURE {
                        return Err(());
                    }
                    r.at = newcode;
                } else if r.at != newcode {
                    return Err(());
                }
            }
            BRANCH => {
                let mut target = None;
                loop {
                    let skip = r.skip(0)?;
                    if skip == 0 {
                        break;
                    }
                    if skip < 3 {
                        return Err(());
                    }
                    inner(code, r.at, r.at + skip - 3, groups, depth + 1)?;
                    r.at += skip - 3;
                    if r.word()? != JUMP {
                        return Err(());
                    }
                    let s = r.skip(0)?;
                    let t = r.at + s - 1;
                    match target {
                        None => target = Some(t),
                        Some(t0) if t0 != t => return Err(()),
                        _ => {}
                    }
                }
                if target.is_some_and(|t| t != r.at) {
                    return Err(());
                }
            }
            REPEAT_ONE | MIN_REPEAT_ONE | POSSESSIVE_REPEAT_ONE => {
                let skip = r.skip(0)?;
                let min = r.word()?;
                let max = r.word()?;
                if min > max || skip < 4 {
                    return Err(());
                }
                inner(code, r.at, r.at + skip - 4, groups, depth + 1)?;
                r.at += skip - 4;
                if r.word()? != SUCCESS {
                    return Err(());
                }
            }
            op @ (REPEAT | POSSESSIVE_REPEAT) => {
                let skip = r.skip(0)?;
                let min = r.word()?;
                let max = r.word()?;
                if min > max || skip < 3 {
                    return Err(());
                }
                inner(code, r.at, r.at + skip - 3, groups, depth + 1)?;
                r.at += skip - 3;
                let last = r.word()?;
                let ok = if op == POSSESSIVE_REPEAT {
                    last == SUCCESS
                } else {
                    last == MAX_UNTIL || last == MIN_UNTIL
                };
                if !ok {
                    return Err(());
                }
            }
            ATOMIC_GROUP => {
                let skip = r.skip(0)?;
                if skip < 2 {
                    return Err(());
                }
                inner(code, r.at, r.at + skip - 2, groups, depth + 1)?;
                r.at += skip - 2;
                if r.word()? != SUCCESS {
                    return Err(());
                }
            }
            GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                if r.word()? as usize >= groups {
                    return Err(());
                }
            }
            GROUPREF_EXISTS => {
                if r.word()? as usize >= groups {
                    return Err(());
                }
                let skip = r.skip(1)?;
                r.at -= 1; // the skip counts from the group word
                if skip < 2 {
                    return Err(());
                }
                let then_ends_with_jump = inner(code, r.at + 1, r.at + skip - 1, groups, depth + 1)?;
                if then_ends_with_jump {
                    r.at += skip - 2;
                    let s = r.skip(0)?;
                    if s < 1 || inner(code, r.at, r.at + s - 1, groups, depth + 1)? {
                        return Err(());
                    }
                    r.at += s - 1;
                } else {
                    r.at += skip - 1;
                }
            }
            ASSERT | ASSERT_NOT => {
                let skip = r.skip(0)?;
                r.word()?;
                r.at -= 1;
                if skip < 2 {
                    return Err(());
                }
                inner(code, r.at + 1, r.at + skip - 2, groups, depth + 1)?;
                r.at += skip - 2;
                if r.word()? != SUCCESS {
                    return Err(());
                }
            }
            JUMP => {
                if r.at + 1 != r.end {
                    return Err(());
                }
                return Ok(true);
            }
            _ => return Err(()),
        }
    }
    Ok(false)
}

/// Is `code` well-formed for a pattern with `groups` groups?
pub fn is_valid(code: &[u32], groups: i64) -> bool {
    if !(0..=MAXGROUPS).contains(&groups) || code.last() != Some(&SUCCESS) {
        return false;
    }
    inner(code, 0, code.len() - 1, groups as usize, 0).is_ok()
}
