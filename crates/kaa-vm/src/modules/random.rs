//! `_random`: the Mersenne Twister (MT19937) behind `random.Random`, seeded exactly as CPython
//! seeds it (`init_by_array` over the 32-bit words of the seed), so every number `random`
//! produces matches CPython's for the same seed.

use super::native_class::{add_class, check_arity, cls_of, new_instance, no_kwargs, state, Slots};
use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::value::Value;
use num_bigint::{BigInt, Sign};
use num_traits::Signed;

const N: usize = 624;
const M: usize = 397;
const NAME: &str = "_random.Random";

struct Twister {
    mt: [u32; N],
    index: usize,
}
impl Slots for Twister {}

impl Twister {
    fn new() -> Twister {
        Twister { mt: [0; N], index: N + 1 }
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1812433253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        let len = key.len().max(1);
        for _ in 0..N.max(len) {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1664525))
                .wrapping_add(key.get(j).copied().unwrap_or(0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
        }
        self.mt[0] = 0x8000_0000;
        self.index = N;
    }

    fn next_u32(&mut self) -> u32 {
        const MAG01: [u32; 2] = [0, 0x9908_b0df];
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        if self.index >= N {
            let mt = &mut self.mt;
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ MAG01[(y & 1) as usize];
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ MAG01[(y & 1) as usize];
            }
            let y = (mt[N - 1] & UPPER) | (mt[0] & LOWER);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ MAG01[(y & 1) as usize];
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }
}

pub fn init(vm: &mut Vm, dict: &DictObject) {
    add_class(
        vm,
        dict,
        "_random",
        "Random",
        Some(random_new),
        &[
            ("random", random),
            ("seed", seed),
            ("getstate", getstate),
            ("setstate", setstate),
            ("getrandbits", getrandbits),
        ],
    );
}

fn random_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let cls = cls_of(args)?;
    let exact = cls.name == "Random"
        && matches!(&*cls.module.borrow(), Some(Value::Str(m)) if m.as_str() == "_random");
    if exact {
        no_kwargs("Random", kwargs)?;
        if args.len() > 2 {
            return Err(PyErr::type_error("Random() requires 0 or 1 argument"));
        }
    }
    let mut tw = Twister::new();
    let arg = if args.len() == 2 { args[1].clone() } else { Value::None };
    seed_twister(vm, &mut tw, &arg)?;
    Ok(new_instance(vm, &cls, tw))
}

/// The seed's key: the 32-bit words of |n|, least significant first.
fn seed_twister(vm: &mut Vm, tw: &mut Twister, arg: &Value) -> PyResult<()> {
    let n: BigInt = match arg {
        Value::None => {
            let mut bytes = [0u8; N * 4];
            if read_urandom(&mut bytes).is_err() {
                let t = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos())
                    .unwrap_or(0);
                bytes[..16].copy_from_slice(&t.to_le_bytes());
                bytes[16..20].copy_from_slice(&std::process::id().to_le_bytes());
            }
            let key: Vec<u32> =
                bytes.chunks(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
            tw.init_by_array(&key);
            return Ok(());
        }
        Value::Int(i) => BigInt::from(*i).abs(),
        Value::Bool(b) => BigInt::from(*b as i64),
        Value::BigInt(b) => b.abs(),
        other => {
            let h = crate::objects::key_lookup::hash_key(vm, other)?;
            BigInt::from(h as u64)
        }
    };
    let (_, mut key) = n.to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    tw.init_by_array(&key);
    Ok(())
}

fn read_urandom(buf: &mut [u8]) -> std::io::Result<()> {
    use std::io::Read;
    std::fs::File::open("/dev/urandom")?.read_exact(buf)
}

fn random(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = state::<Twister>(args, NAME, "random")?;
    crate::objects::args::noargs("Random", "random", args, kwargs)?;
    let r = st.borrow_mut().random();
    Ok(Value::Float(r))
}

fn seed(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = state::<Twister>(args, NAME, "seed")?;
    no_kwargs("seed", kwargs)?;
    check_arity("seed", args.len() - 1, 0, 1)?;
    let arg = args.get(1).cloned().unwrap_or(Value::None);
    let mut tw = Twister::new();
    seed_twister(vm, &mut tw, &arg)?;
    *st.borrow_mut() = tw;
    Ok(Value::None)
}

fn getstate(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = state::<Twister>(args, NAME, "getstate")?;
    crate::objects::args::noargs("Random", "getstate", args, kwargs)?;
    let tw = st.borrow();
    let mut items: Vec<Value> = tw.mt.iter().map(|&w| Value::Int(w as i64)).collect();
    items.push(Value::Int(tw.index as i64));
    Ok(Value::Tuple(std::rc::Rc::new(items)))
}

fn setstate(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = state::<Twister>(args, NAME, "setstate")?;
    let arg = crate::objects::args::one_arg("Random", "setstate", args, kwargs)?;
    let Value::Tuple(t) = arg else {
        return Err(PyErr::type_error("state vector must be a tuple"));
    };
    if t.len() != N + 1 {
        return Err(PyErr::value_error("state vector is the wrong size"));
    }
    let word = |v: &Value| -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(_) => {
                Err(PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C unsigned long"))
            }
            other => {
                Err(PyErr::type_error(format!("an integer is required (got type {})", other.type_name())))
            }
        }
    };
    let mut tw = Twister::new();
    for i in 0..N {
        let w = word(&t[i])?;
        if !(0..=u32::MAX as i64).contains(&w) {
            return Err(PyErr::new(
                ExcKind::OverflowError,
                "Python int too large to convert to C unsigned long",
            ));
        }
        tw.mt[i] = w as u32;
    }
    let index = word(&t[N])?;
    if !(0..=N as i64).contains(&index) {
        return Err(PyErr::value_error("invalid state"));
    }
    tw.index = index as usize;
    *st.borrow_mut() = tw;
    Ok(Value::None)
}

fn getrandbits(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = state::<Twister>(args, NAME, "getrandbits")?;
    let k = crate::objects::args::one_arg("Random", "getrandbits", args, kwargs)?;
    if matches!(k, Value::Float(_)) {
        return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
    }
    let k = crate::objects::args::cint_arg(vm, k)?;
    if k < 0 {
        return Err(PyErr::value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    let mut tw = st.borrow_mut();
    if k <= 32 {
        return Ok(Value::Int((tw.next_u32() >> (32 - k)) as i64));
    }
    let words = ((k - 1) / 32 + 1) as usize;
    let mut out = Vec::with_capacity(words);
    let mut left = k;
    for _ in 0..words {
        let mut r = tw.next_u32();
        if left < 32 {
            r >>= 32 - left;
        }
        out.push(r);
        left -= 32;
    }
    Ok(Value::from_bigint(BigInt::from_slice(Sign::Plus, &out)))
}
