//! Making classes: `__build_class__` (bases with `__mro_entries__`, the metaclass, `__prepare__`,
//! class keywords), `type.__new__` (the namespace, `__slots__`, `__set_name__`,
//! `__init_subclass__`) and the methods `type` gives every metaclass (`__new__`, `__call__`,
//! `mro`, `__subclasses__`, ...).

use crate::builtins::Kwargs;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::function::{BuiltinFunction, NativeFn};
use crate::objects::native::{MemberDescriptor, NativeObject};
use crate::objects::str::Name;
use crate::objects::types::TypeObject;
use crate::value::Value;
use std::rc::Rc;

#[cold]
fn metaclass_conflict() -> PyErr {
    PyErr::type_error(
        "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
    )
}

impl Vm {
    /// `__build_class__(body, name, *bases, metaclass=..., **keywords)`.
    pub fn build_class(&mut self, args: &[Value], kwargs: &[(Name, Value)]) -> PyResult<Value> {
        let (Some(Value::Function(body)), Some(Value::Str(name))) = (args.first(), args.get(1)) else {
            return Err(PyErr::type_error("__build_class__: func must be a function"));
        };
        let orig_bases = &args[2..];
        let bases = self.resolve_mro_entries(orig_bases)?;
        let mut meta = None;
        let mut class_kwargs = Vec::new();
        for (k, v) in kwargs {
            if k.as_str() == "metaclass" {
                meta = Some(v.clone());
            } else {
                class_kwargs.push((k.clone(), v.clone()));
            }
        }
        let meta = match meta {
            Some(m) => m,
            None => match bases.first() {
                Some(b) => Value::Type(self.type_of(b)),
                None => Value::Type(self.types.type_.clone()),
            },
        };
        // A class as metaclass yields to the most derived of it and the bases' metaclasses.
        let meta = match meta {
            Value::Type(m) => Value::Type(self.most_derived_metaclass(&m, &bases)?),
            other => other,
        };
        let plain_type = matches!(&meta, Value::Type(m) if Rc::ptr_eq(m, &self.types.type_));
        let bases_tuple = Value::Tuple(Rc::new(bases.clone()));
        let (namespace, mapping) = if plain_type {
            (Rc::new(DictObject::new()), None)
        } else {
            self.prepare_namespace(&meta, name, &bases_tuple, &class_kwargs)?
        };
        if let Some(m) = &mapping {
            self.prepared_namespaces.push((namespace.clone(), m.clone()));
        }
        let ran = self.run_class_body(body, namespace.clone());
        if mapping.is_some() {
            self.prepared_namespaces.pop();
        }
        ran?;
        if bases.len() != orig_bases.len() || bases.iter().zip(orig_bases).any(|(a, b)| !a.is(b)) {
            let orig = Value::Tuple(Rc::new(orig_bases.to_vec()));
            match &mapping {
                Some(m) => self.store_subscript(m, Value::str("__orig_bases__"), orig)?,
                None => namespace.set_str("__orig_bases__", orig),
            }
        }
        if plain_type {
            let type_ = self.types.type_.clone();
            return self.type_new(&type_, name, &bases, &namespace, &class_kwargs);
        }
        let ns = mapping.unwrap_or(Value::Dict(namespace));
        self.call_value(&meta, vec![Value::Str(name.clone()), bases_tuple, ns], class_kwargs)
    }

    /// Bases that are not classes may stand for others through `__mro_entries__`.
    fn resolve_mro_entries(&mut self, orig: &[Value]) -> PyResult<Vec<Value>> {
        if orig.iter().all(|b| matches!(b, Value::Type(_))) {
            return Ok(orig.to_vec());
        }
        let orig_tuple = Value::Tuple(Rc::new(orig.to_vec()));
        let mut out = Vec::with_capacity(orig.len());
        for b in orig {
            if let Value::Type(_) = b {
                out.push(b.clone());
                continue;
            }
            // Looked up on the object itself, as CPython does (typing.NamedTuple is a function
            // given the attribute).
            let entries = match self.get_attr(b, "__mro_entries__") {
                Ok(f) => Some(f),
                Err(e) if crate::objects::args::err_is(self, &e, ExcKind::AttributeError) => None,
                Err(e) => return Err(e),
            };
            match entries {
                Some(f) => match self.call_value(&f, vec![orig_tuple.clone()], Vec::new())? {
                    Value::Tuple(t) => out.extend(t.iter().cloned()),
                    _ => return Err(PyErr::type_error("__mro_entries__ must return a tuple")),
                },
                None => out.push(b.clone()),
            }
        }
        Ok(out)
    }

    /// The metaclass that is a subclass of `meta` and of every base's metaclass.
    pub fn most_derived_metaclass(
        &mut self,
        meta: &Rc<TypeObject>,
        bases: &[Value],
    ) -> PyResult<Rc<TypeObject>> {
        let mut winner = meta.clone();
        for b in bases {
            let bt = self.type_of(b);
            if winner.is_subclass(&bt) {
                continue;
            }
            if bt.is_subclass(&winner) {
                winner = bt;
                continue;
            }
            return Err(metaclass_conflict());
        }
        Ok(winner)
    }

    fn prepare_namespace(
        &mut self,
        meta: &Value,
        name: &Name,
        bases: &Value,
        kwargs: &[(Name, Value)],
    ) -> PyResult<(Rc<DictObject>, Option<Value>)> {
        let prepare = match meta {
            Value::Type(m) => match m.lookup("__prepare__") {
                Some(_) => Some(self.get_attr(meta, "__prepare__")?),
                None => None,
            },
            _ => match self.get_attr(meta, "__prepare__") {
                Ok(f) => Some(f),
                Err(e) if crate::objects::args::err_is(self, &e, ExcKind::AttributeError) => None,
                Err(e) => return Err(e),
            },
        };
        let Some(prepare) = prepare else { return Ok((Rc::new(DictObject::new()), None)) };
        match self.call_value(&prepare, vec![Value::Str(name.clone()), bases.clone()], kwargs.to_vec())? {
            Value::Dict(d) => Ok((d, None)),
            // Another mapping: the body's name operations go to it (`class_namespace.rs`).
            m @ Value::Instance(_) if self.type_of(&m).lookup("__getitem__").is_some() => {
                Ok((self.routed_namespace(&m), Some(m)))
            }
            other => {
                let meta_name = match meta {
                    Value::Type(m) => m.name.to_string(),
                    _ => "<metaclass>".to_string(),
                };
                Err(crate::class_namespace::not_a_mapping(&meta_name, &other))
            }
        }
    }

    /// `type.__new__(meta, name, bases, namespace, **kwargs)`: the class itself.
    pub fn type_new(
        &mut self,
        meta: &Rc<TypeObject>,
        name: &str,
        bases: &[Value],
        ns: &DictObject,
        kwargs: &[(Name, Value)],
    ) -> PyResult<Value> {
        let meta = self.most_derived_metaclass(meta, bases)?;
        let mut base_types = Vec::with_capacity(bases.len());
        for b in bases {
            match b {
                Value::Type(t) => base_types.push(t.clone()),
                _ => return Err(metaclass_conflict()),
            }
        }
        for (i, b) in base_types.iter().enumerate() {
            if base_types[..i].iter().any(|earlier| Rc::ptr_eq(earlier, b)) {
                return Err(PyErr::type_error(format!("duplicate base class {}", b.name)));
            }
            if Rc::ptr_eq(b, &self.types.bool_) || Rc::ptr_eq(b, &self.types.range) || b.name == "NoneType" {
                return Err(PyErr::type_error(format!("type '{}' is not an acceptable base type", b.name)));
            }
        }
        if base_types.is_empty() {
            base_types.push(self.types.object.clone());
        }
        let qualname = match ns.get_str("__qualname__") {
            None => name.to_string(),
            Some(Value::Str(q)) => q.to_string(),
            Some(other) => {
                return Err(PyErr::type_error(format!(
                    "type __qualname__ must be a str, not {}",
                    other.type_name()
                )))
            }
        };
        // Bases with slots must share one layout: the class that added the slots of the deepest
        // of them (its "solid base", as CPython says) extends those of all the others.
        let solids: Vec<Rc<TypeObject>> = base_types
            .iter()
            .filter(|b| b.slot_count > 0)
            .map(crate::objects::class_assignment::slots_solid_base)
            .collect();
        if let Some(deepest) = solids.iter().max_by_key(|b| b.slot_count) {
            if solids.iter().any(|b| !deepest.is_subclass(b)) {
                return Err(PyErr::type_error("multiple bases have instance lay-out conflict"));
            }
        }
        // Built-in types' instances have no `__dict__` (exceptions and classes aside), even
        // where Kaa's own layout would allow one.
        let base_has_dict = base_types.iter().any(|b| {
            b.instances_have_dict
                && (b.is_heap_type || b.exception.is_some() || Rc::ptr_eq(b, &self.types.type_))
        });
        let base_has_weakref =
            base_types.iter().any(|b| b.lookup("__weakref__").is_some() || Rc::ptr_eq(b, &self.types.type_));
        let mut class = TypeObject::new_class(name, &qualname, base_types)?;
        if !Rc::ptr_eq(&meta, &self.types.type_) {
            class.metaclass = Some(meta.clone());
        }
        let slots = match ns.get_str("__slots__") {
            Some(s) => Some(self.slot_names(&s, name, ns, base_has_dict)?),
            None => None,
        };
        if let Some(s) = &slots {
            if !s.members.is_empty() || s.dict || s.weakref {
                // Variable-size built-ins keep their items where slots would go.
                let sized = [&self.types.int, &self.types.bytes, &self.types.tuple];
                if let Some(t) = class.mro_tail.iter().find(|t| sized.iter().any(|v| Rc::ptr_eq(t, v))) {
                    return Err(PyErr::type_error(format!(
                        "nonempty __slots__ not supported for subtype of '{}'",
                        t.name
                    )));
                }
            }
        }
        let mut class_cell = None;
        for (k, v) in ns.items() {
            let v = match (&k, v) {
                (Value::Str(key), v) => match (key.as_str(), v) {
                    ("__qualname__", _) => continue,
                    ("__classcell__", v) => {
                        class_cell = Some(v);
                        continue;
                    }
                    // Implicit class methods.
                    ("__init_subclass__" | "__class_getitem__", f @ Value::Function(_)) => {
                        Value::ClassMethod(Rc::new(f))
                    }
                    (_, v) => v,
                },
                (_, v) => v,
            };
            class.dict.set(k, v)?;
        }
        // Defining __eq__ alone makes instances unhashable.
        if class.dict.get_str("__eq__").is_some() && class.dict.get_str("__hash__").is_none() {
            class.dict.set_str("__hash__", Value::None);
        }
        let (wants_dict, wants_weakref) = match &slots {
            Some(s) => {
                let n_base = class.slot_count;
                for (i, slot) in s.members.iter().enumerate() {
                    class.dict.set_str(
                        slot,
                        Value::Native(Rc::new(NativeObject::Member(MemberDescriptor {
                            name: slot.clone(),
                            owner: name.to_string(),
                            index: n_base + i,
                        }))),
                    );
                }
                class.slot_count = n_base + s.members.len();
                class.instances_have_dict = base_has_dict || s.dict;
                (s.dict && !base_has_dict, s.weakref && !base_has_weakref)
            }
            None => (!base_has_dict, !base_has_weakref),
        };
        for (wanted, attr) in [(wants_dict, "__dict__"), (wants_weakref, "__weakref__")] {
            if wanted {
                let getset = NativeObject::Getset { name: attr, owner: name.to_string() };
                class.dict.set_str(attr, Value::Native(Rc::new(getset)));
            }
        }
        if class.dict.get_str("__doc__").is_none() {
            class.dict.set_str("__doc__", Value::None);
        }
        // The module is the namespace's `__module__`, else the calling code's `__name__`.
        let module = match class.dict.get_str("__module__") {
            Some(m) => Some(m),
            None => self.frame_globals().and_then(|g| g.get_str("__name__")),
        };
        if let Some(m) = module {
            if class.dict.get_str("__module__").is_none() {
                class.dict.set_str("__module__", m.clone());
            }
            *class.module.borrow_mut() = Some(m);
        }
        let mut class = Rc::new(class);
        if let Some(order) = self.custom_mro(&meta, &class)? {
            match Rc::get_mut(&mut class) {
                Some(c) => c.mro_tail = order,
                None => {
                    return Err(PyErr::new(
                        ExcKind::SystemError,
                        "Kaa cannot apply mro() when it keeps the class",
                    ))
                }
            }
        }
        TypeObject::register_subclass(&class);
        self.gc_track(&Value::Type(class.clone()));
        if class.lookup("__del__").is_some() {
            let _ = class.gc_signals.set(self.gc.signals.clone());
        }
        if let Some(Value::Cell(cell)) = class_cell {
            *cell.borrow_mut() = Value::Type(class.clone());
        }
        for (k, v) in class.dict.items() {
            if let Value::Instance(i) = &v {
                if let Some(h) = i.class.lookup("__set_name__") {
                    self.call_value(&h, vec![v.clone(), Value::Type(class.clone()), k], Vec::new())?;
                }
            }
        }
        self.init_subclass(&class, kwargs)?;
        Ok(Value::Type(class))
    }

    /// `super(cls, cls).__init_subclass__(**kwargs)`.
    fn init_subclass(&mut self, class: &Rc<TypeObject>, kwargs: &[(Name, Value)]) -> PyResult<()> {
        let hook = class.mro_tail.iter().find_map(|t| t.dict.get_str("__init_subclass__"));
        match hook {
            Some(Value::ClassMethod(f)) | Some(Value::StaticMethod(f)) => {
                self.call_value(&f, vec![Value::Type(class.clone())], kwargs.to_vec())?;
            }
            Some(f) => {
                self.call_value(&f, vec![Value::Type(class.clone())], kwargs.to_vec())?;
            }
            None if !kwargs.is_empty() => {
                return Err(PyErr::type_error(format!(
                    "{}.__init_subclass__() takes no keyword arguments",
                    class.name
                )))
            }
            None => {}
        }
        Ok(())
    }

    /// A metaclass's own `mro()`: the order it returns, after the class itself.
    fn custom_mro(
        &mut self,
        meta: &Rc<TypeObject>,
        class: &Rc<TypeObject>,
    ) -> PyResult<Option<Vec<Rc<TypeObject>>>> {
        if !meta.is_heap_type {
            return Ok(None);
        }
        let Some(f @ Value::Function(_)) = meta.lookup("mro") else { return Ok(None) };
        let order = self.call_value(&f, vec![Value::Type(class.clone())], Vec::new())?;
        let items = self.collect_iterable(&order)?;
        drop(order);
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            match item {
                Value::Type(t) if i == 0 && Rc::ptr_eq(&t, class) => {}
                Value::Type(t) => out.push(t),
                other => {
                    return Err(PyErr::type_error(format!(
                        "mro() returned a non-class ('{}')",
                        other.type_name()
                    )))
                }
            }
        }
        Ok(Some(out))
    }

    /// The `__slots__` of a class body, checked as CPython checks them.
    fn slot_names(
        &mut self,
        slots: &Value,
        class_name: &str,
        ns: &DictObject,
        base_has_dict: bool,
    ) -> PyResult<SlotSpec> {
        let names = match slots {
            Value::Str(_) => vec![slots.clone()],
            other => self.collect_iterable(other)?,
        };
        let mut spec = SlotSpec { members: Vec::new(), dict: false, weakref: false };
        for n in names {
            let Value::Str(s) = &n else {
                return Err(PyErr::type_error(format!(
                    "__slots__ items must be strings, not '{}'",
                    n.type_name()
                )));
            };
            if !is_identifier(s.as_str()) {
                return Err(PyErr::type_error("__slots__ must be identifiers"));
            }
            match s.as_str() {
                "__dict__" => {
                    if base_has_dict || spec.dict {
                        return Err(PyErr::type_error("__dict__ slot disallowed: we already got one"));
                    }
                    spec.dict = true;
                }
                "__weakref__" => {
                    if spec.weakref {
                        return Err(PyErr::type_error("__weakref__ slot disallowed: we already got one"));
                    }
                    spec.weakref = true;
                }
                name => {
                    let mangled = mangle(class_name, name);
                    if ns.get_str(&mangled).is_some() {
                        return Err(PyErr::value_error(format!(
                            "'{mangled}' in __slots__ conflicts with class variable"
                        )));
                    }
                    spec.members.push(mangled);
                }
            }
        }
        spec.members.sort();
        spec.members.dedup();
        Ok(spec)
    }
}

struct SlotSpec {
    members: Vec<String>,
    dict: bool,
    weakref: bool,
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => chars.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    }
}

/// Private-name mangling of a slot: `__x` in class `_C` is stored as `_C__x`.
fn mangle(class_name: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") {
        return name.to_string();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// Where `call_dunder` looks up special methods of built-in views and descriptors, and of
/// classes made by a Python metaclass (None: they have none). Out of line: the common
/// containers never get here.
#[cold]
#[inline(never)]
pub fn dunder_class(vm: &Vm, obj: &Value) -> Option<Rc<TypeObject>> {
    match obj {
        Value::Native(_) => Some(vm.type_of(obj)),
        Value::Type(t) => t.metaclass.clone(),
        _ => None,
    }
}

fn method(name: &'static str, func: NativeFn) -> Value {
    Value::Builtin(Rc::new(BuiltinFunction { name, func, bound_self: None, is_method: true }))
}

/// The methods `type` gives metaclasses (found through a metaclass's MRO, or `super()`).
pub fn install_type_methods(type_: &Rc<TypeObject>) {
    let new: NativeFn = type_dunder_new;
    type_.dict.set_str(
        "__new__",
        Value::StaticMethod(Rc::new(Value::Builtin(Rc::new(BuiltinFunction {
            name: "__new__",
            func: new,
            bound_self: None,
            is_method: false,
        })))),
    );
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", |_, _, _| Ok(Value::None)),
        ("__call__", |vm, a, kw| match a.first() {
            Some(Value::Type(t)) => vm.type_call(&t.clone(), a[1..].to_vec(), kw.to_vec()),
            _ => Err(PyErr::type_error("descriptor '__call__' requires a 'type' object")),
        }),
        ("mro", |_, a, _| match a.first() {
            Some(Value::Type(t)) => {
                let order = crate::objects::types::c3_order(t)?;
                Ok(Value::List(Rc::new(std::cell::RefCell::new(
                    order.into_iter().map(Value::Type).collect(),
                ))))
            }
            _ => Err(PyErr::type_error("descriptor 'mro' of 'type' object needs an argument")),
        }),
        ("__subclasses__", |_, a, _| match a.first() {
            Some(Value::Type(t)) => Ok(Value::List(Rc::new(std::cell::RefCell::new(
                t.live_subclasses().into_iter().map(Value::Type).collect(),
            )))),
            _ => Err(PyErr::type_error("descriptor '__subclasses__' of 'type' object needs an argument")),
        }),
        ("__instancecheck__", |vm, a, _| match (a.first(), a.get(1)) {
            (Some(Value::Type(t)), Some(obj)) => Ok(Value::Bool(vm.type_of(obj).is_subclass(t))),
            _ => Err(PyErr::type_error("__instancecheck__ expected 1 argument")),
        }),
        ("__subclasscheck__", |_, a, _| match (a.first(), a.get(1)) {
            (Some(Value::Type(t)), Some(Value::Type(sub))) => Ok(Value::Bool(sub.is_subclass(t))),
            (Some(Value::Type(_)), Some(_)) => Err(PyErr::type_error("issubclass() arg 1 must be a class")),
            _ => Err(PyErr::type_error("__subclasscheck__ expected 1 argument")),
        }),
        ("__repr__", |vm, a, _| Ok(Value::str(&crate::builtins::repr_value(vm, &a[0], 0)?))),
    ];
    for &(n, f) in methods {
        type_.dict.set_str(n, method(n, f));
    }
    let prepare: NativeFn = |_, _, _| Ok(Value::Dict(Rc::new(DictObject::new())));
    type_.dict.set_str("__prepare__", Value::ClassMethod(Rc::new(method("__prepare__", prepare))));
}

/// `type.__new__(meta, name, bases, namespace, **kwargs)` (or `type.__new__(type, obj)`).
fn type_dunder_new(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let meta = match args.first() {
        Some(Value::Type(m)) if m.is_subclass(&vm.types.type_) => m.clone(),
        Some(Value::Type(m)) => {
            return Err(PyErr::type_error(format!("type.__new__({0}): {0} is not a subtype of type", m.name)))
        }
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "type.__new__(X): X is not a type object ({})",
                other.type_name()
            )))
        }
        None => return Err(PyErr::type_error("type.__new__(): not enough arguments")),
    };
    match &args[1..] {
        [obj] if Rc::ptr_eq(&meta, &vm.types.type_) && kwargs.is_empty() => Ok(Value::Type(vm.type_of(obj))),
        [name, bases, dict] => type_new_checked(vm, &meta, name, bases, dict, kwargs),
        _ => Err(PyErr::type_error("type.__new__() takes exactly 3 arguments (0 given)")),
    }
}

/// `type(name, bases, dict)` and `type.__new__` with their argument checks.
pub fn type_new_checked(
    vm: &mut Vm,
    meta: &Rc<TypeObject>,
    name: &Value,
    bases: &Value,
    dict: &Value,
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let Value::Str(name) = name else {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            name.type_name()
        )));
    };
    let Value::Tuple(bases) = bases else {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            bases.type_name()
        )));
    };
    let Some(dict) = vm.namespace_dict(dict)? else {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            dict.type_name()
        )));
    };
    let bases = bases.to_vec();
    vm.type_new(meta, name, &bases, &dict, kwargs)
}

/// `type(name, bases, ns, **kw)` whose bases have a more derived metaclass with a `__new__`
/// written in Python: CPython's `type_new` hands the call to that metaclass (enum's
/// `_simple_enum` makes its classes this way), then runs its `__init__`. None otherwise.
pub fn type_call_with_metaclass(
    vm: &mut Vm,
    name: &Value,
    bases: &Value,
    dict: &Value,
    kwargs: &Kwargs,
) -> PyResult<Option<Value>> {
    let Value::Tuple(base_items) = bases else { return Ok(None) };
    let type_ = vm.types.type_.clone();
    let winner = vm.most_derived_metaclass(&type_, base_items)?;
    if Rc::ptr_eq(&winner, &type_) {
        return Ok(None);
    }
    let new = match winner.lookup("__new__") {
        Some(Value::StaticMethod(f)) => (*f).clone(),
        Some(f @ Value::Function(_)) => f,
        _ => return Ok(None),
    };
    let args = vec![Value::Type(winner.clone()), name.clone(), bases.clone(), dict.clone()];
    let cls = vm.call_value(&new, args, kwargs.to_vec())?;
    if let (Value::Type(_), Some(init @ Value::Function(_))) = (&cls, winner.lookup("__init__")) {
        vm.call_value(&init, vec![cls.clone(), name.clone(), bases.clone(), dict.clone()], kwargs.to_vec())?;
    }
    Ok(Some(cls))
}
