//! The built-in hash modules `hashlib` falls back on when there is no OpenSSL: `_md5`, `_sha1`,
//! `_sha256`, `_sha512`, `_sha3` and `_blake2`, over the RustCrypto implementations. Each
//! algorithm is a class whose instances hold the running hash state.

use super::native_class::{add_class, cls_of, new_instance, state, Slots};
use crate::builtins::Kwargs;
use crate::exceptions::{PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::bytes::new_bytes;
use crate::objects::dict::DictObject;
use crate::objects::function::{BuiltinFunction, NativeFn};
use crate::objects::types::PropertyObject;
use crate::value::Value;
use digest::{Digest, ExtendableOutput, Update, VariableOutput, XofReader};
use std::rc::Rc;

#[derive(Clone)]
enum Hasher {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(blake2::Blake2bVar),
    Blake2s(blake2::Blake2sVar),
}

#[derive(Clone)]
struct HashState {
    hasher: Hasher,
    name: &'static str,
    digest_size: usize,
    block_size: usize,
}
impl Slots for HashState {}

impl HashState {
    fn update(&mut self, data: &[u8]) {
        match &mut self.hasher {
            Hasher::Md5(h) => Digest::update(h, data),
            Hasher::Sha1(h) => Digest::update(h, data),
            Hasher::Sha224(h) => Digest::update(h, data),
            Hasher::Sha256(h) => Digest::update(h, data),
            Hasher::Sha384(h) => Digest::update(h, data),
            Hasher::Sha512(h) => Digest::update(h, data),
            Hasher::Sha3_224(h) => Digest::update(h, data),
            Hasher::Sha3_256(h) => Digest::update(h, data),
            Hasher::Sha3_384(h) => Digest::update(h, data),
            Hasher::Sha3_512(h) => Digest::update(h, data),
            Hasher::Shake128(h) => Update::update(h, data),
            Hasher::Shake256(h) => Update::update(h, data),
            Hasher::Blake2b(h) => Update::update(h, data),
            Hasher::Blake2s(h) => Update::update(h, data),
        }
    }

    /// The digest so far (the state itself goes on); `length` for the SHAKE functions.
    fn digest(&self, length: usize) -> Vec<u8> {
        match self.hasher.clone() {
            Hasher::Md5(h) => h.finalize().to_vec(),
            Hasher::Sha1(h) => h.finalize().to_vec(),
            Hasher::Sha224(h) => h.finalize().to_vec(),
            Hasher::Sha256(h) => h.finalize().to_vec(),
            Hasher::Sha384(h) => h.finalize().to_vec(),
            Hasher::Sha512(h) => h.finalize().to_vec(),
            Hasher::Sha3_224(h) => h.finalize().to_vec(),
            Hasher::Sha3_256(h) => h.finalize().to_vec(),
            Hasher::Sha3_384(h) => h.finalize().to_vec(),
            Hasher::Sha3_512(h) => h.finalize().to_vec(),
            Hasher::Shake128(h) => {
                let mut out = vec![0; length];
                h.finalize_xof().read(&mut out);
                out
            }
            Hasher::Shake256(h) => {
                let mut out = vec![0; length];
                h.finalize_xof().read(&mut out);
                out
            }
            Hasher::Blake2b(h) => {
                let mut out = vec![0; self.digest_size];
                let _ = h.finalize_variable(&mut out);
                out
            }
            Hasher::Blake2s(h) => {
                let mut out = vec![0; self.digest_size];
                let _ = h.finalize_variable(&mut out);
                out
            }
        }
    }

    fn is_shake(&self) -> bool {
        matches!(self.hasher, Hasher::Shake128(_) | Hasher::Shake256(_))
    }
}

/// A new hash state for `name` (digest size for BLAKE2).
fn make(name: &'static str, digest_size: usize) -> Option<HashState> {
    let (hasher, ds, bs) = match name {
        "md5" => (Hasher::Md5(md5::Md5::new()), 16, 64),
        "sha1" => (Hasher::Sha1(sha1::Sha1::new()), 20, 64),
        "sha224" => (Hasher::Sha224(sha2::Sha224::new()), 28, 64),
        "sha256" => (Hasher::Sha256(sha2::Sha256::new()), 32, 64),
        "sha384" => (Hasher::Sha384(sha2::Sha384::new()), 48, 128),
        "sha512" => (Hasher::Sha512(sha2::Sha512::new()), 64, 128),
        "sha3_224" => (Hasher::Sha3_224(sha3::Sha3_224::new()), 28, 144),
        "sha3_256" => (Hasher::Sha3_256(sha3::Sha3_256::new()), 32, 136),
        "sha3_384" => (Hasher::Sha3_384(sha3::Sha3_384::new()), 48, 104),
        "sha3_512" => (Hasher::Sha3_512(sha3::Sha3_512::new()), 64, 72),
        "shake_128" => (Hasher::Shake128(sha3::Shake128::default()), 0, 168),
        "shake_256" => (Hasher::Shake256(sha3::Shake256::default()), 0, 136),
        "blake2b" => (Hasher::Blake2b(blake2::Blake2bVar::new(digest_size).ok()?), digest_size, 128),
        "blake2s" => (Hasher::Blake2s(blake2::Blake2sVar::new(digest_size).ok()?), digest_size, 64),
        _ => return None,
    };
    Some(HashState { hasher, name, digest_size: ds, block_size: bs })
}

const METHODS: &[(&str, NativeFn)] =
    &[("update", update), ("digest", digest), ("hexdigest", hexdigest), ("copy", copy)];

pub fn init(vm: &mut Vm, dict: &DictObject, module: &str) {
    let names: &[&'static str] = match module {
        "_md5" => &["md5"],
        "_sha1" => &["sha1"],
        "_sha256" => &["sha224", "sha256"],
        "_sha512" => &["sha384", "sha512"],
        "_sha3" => &["sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256"],
        _ => &["blake2b", "blake2s"],
    };
    for &name in names {
        let new: NativeFn = match name {
            "md5" => |vm, a, k| construct(vm, a, k, "md5"),
            "sha1" => |vm, a, k| construct(vm, a, k, "sha1"),
            "sha224" => |vm, a, k| construct(vm, a, k, "sha224"),
            "sha256" => |vm, a, k| construct(vm, a, k, "sha256"),
            "sha384" => |vm, a, k| construct(vm, a, k, "sha384"),
            "sha512" => |vm, a, k| construct(vm, a, k, "sha512"),
            "sha3_224" => |vm, a, k| construct(vm, a, k, "sha3_224"),
            "sha3_256" => |vm, a, k| construct(vm, a, k, "sha3_256"),
            "sha3_384" => |vm, a, k| construct(vm, a, k, "sha3_384"),
            "sha3_512" => |vm, a, k| construct(vm, a, k, "sha3_512"),
            "shake_128" => |vm, a, k| construct(vm, a, k, "shake_128"),
            "shake_256" => |vm, a, k| construct(vm, a, k, "shake_256"),
            "blake2b" => |vm, a, k| construct(vm, a, k, "blake2b"),
            _ => |vm, a, k| construct(vm, a, k, "blake2s"),
        };
        let cls = add_class(vm, dict, module, name, Some(new), METHODS);
        for (attr, getter) in [
            ("name", (|_, a, _| Ok(Value::str(me(a)?.borrow().name))) as NativeFn),
            ("digest_size", |_, a, _| Ok(Value::Int(me(a)?.borrow().digest_size as i64))),
            ("block_size", |_, a, _| Ok(Value::Int(me(a)?.borrow().block_size as i64))),
        ] {
            let fget = Value::Builtin(Rc::new(BuiltinFunction {
                name: attr,
                func: getter,
                bound_self: None,
                is_method: true,
            }));
            cls.dict.set_str(
                attr,
                Value::Property(Rc::new(PropertyObject {
                    fget,
                    fset: Value::None,
                    fdel: Value::None,
                    doc: Default::default(),
                })),
            );
        }
    }
    if module == "_blake2" {
        for (k, v) in [
            ("BLAKE2B_SALT_SIZE", 16),
            ("BLAKE2B_PERSON_SIZE", 16),
            ("BLAKE2B_MAX_KEY_SIZE", 64),
            ("BLAKE2B_MAX_DIGEST_SIZE", 64),
            ("BLAKE2S_SALT_SIZE", 8),
            ("BLAKE2S_PERSON_SIZE", 8),
            ("BLAKE2S_MAX_KEY_SIZE", 32),
            ("BLAKE2S_MAX_DIGEST_SIZE", 32),
        ] {
            dict.set_str(k, Value::Int(v));
        }
    }
    if module == "_sha3" {
        dict.set_str("implementation", Value::str("RustCrypto sha3"));
        dict.set_str("keccakopt", Value::Int(64));
    }
}

fn me(args: &[Value]) -> PyResult<&std::cell::RefCell<HashState>> {
    state::<HashState>(args, "hash", "digest")
}

fn data_of(v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Str(_) => Err(PyErr::type_error("Strings must be encoded before hashing")),
        other => Ok(crate::objects::bytes::buffer(other)
            .ok_or_else(|| PyErr::type_error("object supporting the buffer API required"))?
            .to_vec()),
    }
}

fn construct(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, name: &'static str) -> PyResult<Value> {
    let cls = cls_of(args)?;
    let blake = name.starts_with("blake2");
    let mut data: Option<Value> = args.get(1).cloned();
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most 1 positional argument ({} given)",
            args.len() - 1
        )));
    }
    let mut digest_size = if name == "blake2s" { 32 } else { 64 };
    for (k, v) in kwargs {
        match k.as_str() {
            "string" | "data" if data.is_none() => data = Some(v.clone()),
            "usedforsecurity" => {}
            "digest_size" if blake => {
                let n = crate::objects::args::ssize_arg(vm, v)?;
                let max = if name == "blake2s" { 32 } else { 64 };
                if n < 1 || n > max {
                    return Err(PyErr::value_error(format!("digest_size must be between 1 and {max} bytes")));
                }
                digest_size = n as usize;
            }
            "key" | "salt" | "person" if blake => {
                if !data_of(v)?.is_empty() {
                    return Err(PyErr::value_error(format!("Kaa's {name} does not support '{k}' yet")));
                }
            }
            "fanout" | "depth" | "leaf_size" | "node_offset" | "node_depth" | "inner_size" | "last_node"
                if blake => {}
            _ => return Err(PyErr::type_error(format!("'{k}' is an invalid keyword argument for {name}()"))),
        }
    }
    let Some(mut st) = make(name, digest_size) else {
        return Err(PyErr::value_error(format!("unsupported hash type {name}")));
    };
    if let Some(d) = data {
        st.update(&data_of(&d)?);
    }
    Ok(new_instance(vm, &cls, st))
}

fn update(_: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args)?;
    let data = crate::objects::args::one_arg("hash", "update", args, kwargs)?;
    let data = data_of(data)?;
    st.borrow_mut().update(&data);
    Ok(Value::None)
}

fn length_arg(vm: &mut Vm, st: &HashState, args: &[Value], kwargs: &Kwargs, method: &str) -> PyResult<usize> {
    if !st.is_shake() {
        crate::objects::args::noargs(st.name, method, args, kwargs)?;
        return Ok(0);
    }
    let len = crate::objects::args::one_arg(st.name, method, args, kwargs)?;
    let n = crate::objects::args::ssize_arg(vm, len)?;
    if n < 0 {
        return Err(PyErr::value_error("value must be positive"));
    }
    Ok(n as usize)
}

fn digest(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args)?.borrow().clone();
    let n = length_arg(vm, &st, args, kwargs, "digest")?;
    Ok(new_bytes(st.digest(n)))
}

fn hexdigest(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let st = me(args)?.borrow().clone();
    let n = length_arg(vm, &st, args, kwargs, "hexdigest")?;
    let hex = super::binascii::hex_with_sep(&st.digest(n), None, 1);
    Ok(Value::str(&String::from_utf8_lossy(&hex)))
}

fn copy(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let st = me(args)?.borrow().clone();
    let cls = vm.type_of(&args[0]);
    Ok(new_instance(vm, &cls, st))
}
