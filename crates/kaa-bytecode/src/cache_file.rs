//! The bytecode cache file (`__pycache__/NAME.kaa-311.pyc`): a fixed header, then the code
//! object as [`crate::marshal`] writes it.
//!
//! Header, 36 bytes, little-endian:
//! - `0..4`   magic `b"Kaa\x0b"` (file type; 0x0b for Python 3.11)
//! - `4..8`   [`bytecode_version`]: changes whenever the instruction set or the layout does
//! - `8..12`  flags (0: validated by source mtime and size)
//! - `12..20` source mtime in nanoseconds since the Unix epoch
//! - `20..28` source size in bytes
//! - `28..36` [`checksum`] of the body
//!
//! The checksum is our own few lines rather than a dependency: FNV-1a's step
//! `h = (h ^ x) * prime` applied to 64-bit little-endian words (then the last few bytes, and the
//! length). Each step is a bijection of the state, so a change confined to any one word — any
//! single damaged byte included — always changes the result; and eight bytes per step keep it
//! off the profile of `kaa --compile`.

use crate::code::CodeObject;
use crate::marshal;
use crate::opcode::Opcode;

pub const MAGIC: [u8; 4] = *b"Kaa\x0b";
pub const HEADER_LEN: usize = 36;
/// The part of `sys.implementation.cache_tag` and of every cache file's name.
pub const CACHE_TAG: &str = "kaa-311";

/// Why a cache file was not used (shown by `kaa -v`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rejection {
    Truncated,
    BadMagic,
    OtherVersion,
    UnknownFlags,
    Stale,
    BadChecksum,
    Malformed,
}

impl Rejection {
    pub fn describe(self) -> &'static str {
        match self {
            Rejection::Truncated => "truncated",
            Rejection::BadMagic => "bad magic number",
            Rejection::OtherVersion => "written by another Kaa bytecode version",
            Rejection::UnknownFlags => "unknown flags",
            Rejection::Stale => "stale (source changed)",
            Rejection::BadChecksum => "checksum mismatch",
            Rejection::Malformed => "malformed code object",
        }
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a, 64-bit, one byte per step (used where speed does not matter).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, &b| (h ^ b as u64).wrapping_mul(FNV_PRIME))
}

/// The body checksum: FNV-1a's step over 64-bit words, then the tail bytes and the length.
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut words = bytes.chunks_exact(8);
    let mut h = FNV_OFFSET;
    for w in &mut words {
        let x = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        h = (h ^ x).wrapping_mul(FNV_PRIME);
    }
    for &b in words.remainder() {
        h = (h ^ b as u64).wrapping_mul(FNV_PRIME);
    }
    (h ^ bytes.len() as u64).wrapping_mul(FNV_PRIME)
}

/// The number that ties cache files to this build's bytecode: the marshal layout revision mixed
/// with a hash of the opcode table (names in numbering order), so adding, removing or renumbering
/// an opcode invalidates every existing cache without anyone remembering to bump a constant.
pub fn bytecode_version() -> u32 {
    let mut table = Vec::with_capacity(Opcode::ALL.len() * 16);
    for op in Opcode::ALL {
        table.extend_from_slice(op.name().as_bytes());
        table.push(0);
    }
    table.extend_from_slice(&marshal::FORMAT_REVISION.to_le_bytes());
    let h = fnv1a64(&table);
    (h ^ (h >> 32)) as u32
}

/// A whole cache file for `code`, compiled from a source of this mtime and size.
pub fn encode(code: &CodeObject, source_mtime_ns: u64, source_size: u64) -> Vec<u8> {
    // Header, then the body written in place; the checksum slot is filled in afterwards.
    let mut out = Vec::new();
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&bytecode_version().to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&source_mtime_ns.to_le_bytes());
    out.extend_from_slice(&source_size.to_le_bytes());
    let checksum_at = out.len();
    out.extend_from_slice(&0u64.to_le_bytes());
    debug_assert_eq!(out.len(), HEADER_LEN);
    marshal::dump_code_into(code, &mut out);
    let sum = checksum(&out[HEADER_LEN..]).to_le_bytes();
    out[checksum_at..checksum_at + sum.len()].copy_from_slice(&sum);
    out
}

/// The code object in a cache file, if the file is intact, of this bytecode version, and was
/// written for a source with this mtime and size.
pub fn decode(file: &[u8], source_mtime_ns: u64, source_size: u64) -> Result<CodeObject, Rejection> {
    if file.len() < HEADER_LEN {
        return Err(Rejection::Truncated);
    }
    let word = |at: usize| u32::from_le_bytes([file[at], file[at + 1], file[at + 2], file[at + 3]]);
    let dword = |at: usize| u64::from(word(at)) | (u64::from(word(at + 4)) << 32);
    if file[0..4] != MAGIC {
        return Err(Rejection::BadMagic);
    }
    if word(4) != bytecode_version() {
        return Err(Rejection::OtherVersion);
    }
    if word(8) != 0 {
        return Err(Rejection::UnknownFlags);
    }
    if dword(12) != source_mtime_ns || dword(20) != source_size {
        return Err(Rejection::Stale);
    }
    let body = &file[HEADER_LEN..];
    if checksum(body) != dword(28) {
        return Err(if body.is_empty() { Rejection::Truncated } else { Rejection::BadChecksum });
    }
    marshal::load_code(body).ok_or(Rejection::Malformed)
}
