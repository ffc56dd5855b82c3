//! Attribute access (`obj.name`), class creation and instantiation: the parts of the object model
//! that walk a type's MRO and apply the descriptor protocol.

use crate::builtins;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::native::{self, NativeObject};
use crate::objects::str::Name;
use crate::objects::types::{InstanceObject, SuperObject, TypeObject};
use crate::value::Value;
use std::rc::Rc;

/// Binds what a class attribute lookup found to the instance it was looked up on.
fn bind(descr: Value, obj: &Value, owner: &Rc<TypeObject>) -> Value {
    match descr {
        Value::Function(_) => Value::BoundMethod(Rc::new((descr, obj.clone()))),
        Value::Builtin(b) if b.is_method && b.bound_self.is_none() => {
            // Ordinary methods of a built-in base work on the base value (they return plain
            // values, as CPython's do); special methods see the instance (`__missing__`).
            let this = match crate::objects::builtin_subclass::base_value(obj) {
                Some(base) if !b.name.starts_with("__") => base,
                _ => obj,
            };
            Value::Builtin(Rc::new(crate::objects::function::BuiltinFunction {
                name: b.name,
                func: b.func,
                bound_self: Some(this.clone()),
                is_method: false,
            }))
        }
        Value::ClassMethod(f) => Value::BoundMethod(Rc::new(((*f).clone(), Value::Type(owner.clone())))),
        Value::StaticMethod(f) => (*f).clone(),
        other => other,
    }
}

impl Vm {
    /// `getattr(obj, name)`.
    pub fn get_attr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match obj {
            Value::Type(t) => return self.type_get_attr(t, name),
            Value::Module(m) => {
                return match m.dict.get_str(name) {
                    Some(v) => Ok(v),
                    None if name == "__dict__" => Ok(Value::Dict(m.dict.clone())),
                    None => self.module_attr_missing(obj, m, name),
                }
            }
            Value::Super(s) => return self.super_get_attr(s, name),
            Value::WeakRef(r) => {
                if r.kind != crate::objects::weakref::WeakKind::Ref {
                    let target = self.proxy_target(r)?;
                    return self.get_attr(&target, name);
                }
                if name == "__callback__" {
                    return Ok(r.callback.borrow().clone());
                }
            }
            Value::Instance(i) if i.class.has_getattribute_hook() => {
                let class = i.class.clone();
                return self.hooked_get_attr(obj, &class, name);
            }
            _ => {}
        }
        match self.object_getattribute(obj, name) {
            Err(e) => self.getattr_fallback(obj, name, e),
            ok => ok,
        }
    }

    /// A class overriding `__getattribute__`: it answers every read, `__getattr__` covers its
    /// AttributeErrors.
    #[cold]
    fn hooked_get_attr(&mut self, obj: &Value, class: &Rc<TypeObject>, name: &str) -> PyResult<Value> {
        let hook = class.lookup("__getattribute__").unwrap_or(Value::None);
        match self.call_value(&hook, vec![obj.clone(), Value::str(name)], Vec::new()) {
            Err(e) => self.getattr_fallback(obj, name, e),
            ok => ok,
        }
    }

    /// After a failed lookup: `__getattr__` if the class has one and the error is an
    /// AttributeError.
    #[cold]
    fn getattr_fallback(&mut self, obj: &Value, name: &str, err: PyErr) -> PyResult<Value> {
        let class = self.type_of(obj);
        if !class.is_heap_type || !crate::objects::args::err_is(self, &err, ExcKind::AttributeError) {
            return Err(err);
        }
        match class.lookup("__getattr__") {
            Some(hook) => self.call_value(&hook, vec![obj.clone(), Value::str(name)], Vec::new()),
            None => Err(err),
        }
    }

    /// `object.__getattribute__`: data descriptors, then the instance dict, then other class
    /// attributes (bound), then built-in attributes.
    pub fn object_getattribute(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let class = self.type_of(obj);
        let descr = class.lookup(name);
        match &descr {
            Some(Value::Property(p)) => {
                if matches!(p.fget, Value::None) {
                    return Err(PyErr::new(
                        ExcKind::AttributeError,
                        format!("property '{name}' of '{}' object has no getter", class.name),
                    ));
                }
                let getter = p.fget.clone();
                return self.call_value(&getter, vec![obj.clone()], Vec::new());
            }
            Some(Value::Native(n)) => match &**n {
                NativeObject::Member(m) => return native::member_get(self, m, obj),
                NativeObject::Getset { name: "__dict__", .. } => {
                    if let Value::Instance(i) = obj {
                        return Ok(Value::Dict(i.dict.clone()));
                    }
                }
                NativeObject::Getset { name: "__weakref__", .. } => return Ok(Value::None),
                // Data attributes of built-in objects (`function.__code__`) described in their
                // type's dict, so that `type(FunctionType.__code__)` exists.
                NativeObject::Getset { .. } => {
                    // (A function's `__name__`/`__qualname__` assigned later live in its dict.)
                    if let Value::Function(f) = obj {
                        if let Some(v) = f.dict.get_str(name) {
                            return Ok(v);
                        }
                    }
                    if let Some(v) = self.builtin_attr(obj, name)? {
                        return Ok(v);
                    }
                }
                _ => {}
            },
            Some(d @ Value::Instance(di)) if is_data_descriptor(&di.class) => {
                let d = d.clone();
                return self.descriptor_get(&d, obj.clone(), Value::Type(class));
            }
            _ => {}
        }
        let own = match obj {
            Value::Instance(i) => i.dict.get_str(name),
            Value::Exception(e) => e.dict.get_str(name),
            Value::Function(f) => f.dict.get_str(name),
            _ => None,
        };
        if let Some(v) = own {
            return Ok(v);
        }
        if let Some(d) = descr {
            if let Value::Instance(di) = &d {
                if di.class.lookup("__get__").is_some() {
                    return self.descriptor_get(&d, obj.clone(), Value::Type(class));
                }
            }
            return Ok(bind(d, obj, &class));
        }
        if let Some(v) = self.builtin_attr(obj, name)? {
            return Ok(v);
        }
        if name == "__class__" {
            return Ok(Value::Type(class));
        }
        if name == "__dict__" {
            match obj {
                Value::Instance(i) if class.instances_have_dict => return Ok(Value::Dict(i.dict.clone())),
                // (Snapshots: these dicts are not shared objects yet.)
                Value::Exception(e) => return Ok(Value::Dict(Rc::new(copy_dict(&e.dict)?))),
                Value::Function(f) => return Ok(Value::Dict(Rc::new(copy_dict(&f.dict)?))),
                _ => {}
            }
            if let Value::Exception(e) = obj {
                return Ok(Value::Dict(Rc::new(copy_dict(&e.dict)?)));
            }
        }
        if let Some(f) = crate::objects::object_dunders::lookup(self, name) {
            return Ok(bind(f, obj, &class));
        }
        if let Some(base) = crate::objects::builtin_subclass::base_value(obj) {
            // Data attributes of the built-in base (`real`, `imag`, `numerator`, ...).
            let base = base.clone();
            if let Some(v) = self.builtin_attr(&base, name)? {
                return Ok(v);
            }
        }
        if name == "__doc__" {
            // Every object has a `__doc__` through its type; built-in types without a docstring
            // here answer None (`None.__doc__`, `(1).__doc__` read by types.py and enum).
            return Ok(self.type_of(obj).dict.get_str("__doc__").unwrap_or(Value::None));
        }
        Err(self.no_attribute(obj, name))
    }

    /// `descr.__get__(obj, owner)` of a descriptor written in Python.
    fn descriptor_get(&mut self, descr: &Value, obj: Value, owner: Value) -> PyResult<Value> {
        let get = self.type_of(descr).lookup("__get__").unwrap_or(Value::None);
        self.call_value(&get, vec![descr.clone(), obj, owner], Vec::new())
    }

    #[cold]
    fn no_attribute(&self, obj: &Value, name: &str) -> PyErr {
        self.attribute_error(obj, name, format!("'{}' object has no attribute '{name}'", obj.type_name()))
    }

    /// An AttributeError that remembers the object and name for the "Did you mean" hint.
    #[cold]
    pub fn attribute_error(&self, obj: &Value, name: &str, msg: String) -> PyErr {
        let exc = crate::exceptions::ExceptionObject::new(
            self.exception_type(ExcKind::AttributeError),
            vec![Value::str(&msg)],
        );
        *exc.suggest.borrow_mut() =
            Some(crate::exceptions::SuggestFrom::Attribute { obj: obj.clone(), name: name.to_string() });
        PyErr::Raised(Rc::new(exc))
    }

    /// Attributes of built-in objects that are not found in a type dict.
    fn builtin_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        if let Some(m) = builtins::method(obj, name) {
            return Ok(Some(m));
        }
        Ok(match (obj, name) {
            (Value::Complex(z), _) => crate::objects::complex::attr(z, name),
            (Value::MemoryView(m), _) => crate::objects::memoryview::attr(m, name)?,
            (Value::Function(f), "__name__") => Some(Value::str(&f.name)),
            (Value::Function(f), "__qualname__") => Some(Value::str(&f.qualname)),
            (Value::Function(f), "__code__") => Some(Value::Code(f.code.clone())),
            // Functions are non-data descriptors: `f.__get__(obj, type=None)` binds them
            // (enum and inspect test for `__get__` to tell descriptors from plain values).
            (Value::Function(_), "__get__") => Some(builtins::bound(
                "__get__",
                |_, a, _| match a {
                    [f, Value::None] | [f, Value::None, _] => Ok(f.clone()),
                    [f, obj] | [f, obj, _] => Ok(Value::BoundMethod(Rc::new((f.clone(), obj.clone())))),
                    _ => Err(PyErr::type_error("__get__(None, None) is invalid")),
                },
                obj,
            )),
            (Value::Function(f), "__doc__") => Some(f.consts.consts.first().cloned().unwrap_or(Value::None)),
            (Value::Function(f), "__annotations__") => {
                let d = DictObject::new();
                for (k, v) in &f.annotations {
                    d.set(Value::Str(k.clone()), v.clone())?;
                }
                Some(Value::Dict(Rc::new(d)))
            }
            (Value::Function(f), "__closure__") => Some(if f.closure.is_empty() {
                Value::None
            } else {
                Value::Tuple(Rc::new(f.closure.iter().map(|c| Value::Cell(c.clone())).collect()))
            }),
            (Value::Function(f), "__globals__") => Some(Value::Dict(f.globals.clone())),
            (Value::Function(f), "__builtins__") => Some(match f.globals.get_str("__builtins__") {
                Some(Value::Module(m)) => Value::Dict(m.dict.clone()),
                Some(d @ Value::Dict(_)) => d,
                _ => Value::Dict(self.builtins.clone()),
            }),
            (Value::Function(f), "__module__") => Some(f.globals.get_str("__name__").unwrap_or(Value::None)),
            (Value::Function(f), "__kwdefaults__") => Some(if f.kwdefaults.is_empty() {
                Value::None
            } else {
                let d = DictObject::new();
                for (k, v) in f.kwdefaults.iter() {
                    d.set(Value::Str(k.clone()), v.clone())?;
                }
                Value::Dict(Rc::new(d))
            }),
            (Value::Cell(c), "cell_contents") => match &*c.borrow() {
                Value::Null => return Err(PyErr::value_error("Cell is empty")),
                v => Some(v.clone()),
            },
            (Value::Function(f), "__defaults__") => Some(if f.defaults.is_empty() {
                Value::None
            } else {
                Value::Tuple(Rc::new(f.defaults.clone()))
            }),
            (Value::Generator(g), "__name__") => Some(Value::str(&g.name)),
            (Value::Generator(g), "__qualname__") => Some(Value::str(&g.qualname)),
            (Value::Generator(g), "gi_running" | "cr_running") => {
                Some(Value::Bool(g.state.get() == crate::objects::generator::GenState::Running))
            }
            (Value::BoundMethod(m), "__self__") => Some(m.1.clone()),
            (Value::BoundMethod(m), "__func__") => Some(m.0.clone()),
            (Value::BoundMethod(m), "__name__") => return self.get_attr(&m.0.clone(), "__name__").map(Some),
            (Value::Builtin(b), "__name__") => Some(Value::str(b.name)),
            // Built-in functions do not record their module; those of `builtins` are known.
            (Value::Builtin(b), "__module__") => Some(match self.builtins.get_str(b.name) {
                Some(Value::Builtin(f)) if b.bound_self.is_none() && f.func as usize == b.func as usize => {
                    Value::str("builtins")
                }
                _ => Value::None,
            }),
            (Value::Exception(e), "args") => Some(Value::Tuple(Rc::new(e.args.borrow().clone()))),
            (Value::Exception(e), "code")
                if e.class.is_subclass(&self.exception_type(ExcKind::SystemExit)) =>
            {
                let args = e.args.borrow();
                Some(match args.len() {
                    0 => Value::None,
                    1 => args[0].clone(),
                    _ => Value::Tuple(Rc::new(args.clone())),
                })
            }
            (Value::Exception(e), "value") if e.class.exception == Some(ExcKind::StopIteration) => {
                Some(e.args.borrow().first().cloned().unwrap_or(Value::None))
            }
            (Value::Exception(e), "__cause__") => {
                Some(e.cause.borrow().clone().map_or(Value::None, Value::Exception))
            }
            (Value::Exception(e), "__context__") => {
                Some(e.context.borrow().clone().map_or(Value::None, Value::Exception))
            }
            (Value::Exception(e), "__suppress_context__") => Some(Value::Bool(e.suppress_context.get())),
            (Value::Property(p), "fget") => Some(p.fget.clone()),
            (Value::Property(p), "fset") => Some(p.fset.clone()),
            (Value::Property(p), "__doc__") => match p.doc.borrow().clone() {
                Some(doc) => Some(doc),
                None if matches!(p.fget, Value::None) => Some(Value::None),
                None => Some(self.get_attr(&p.fget.clone(), "__doc__").unwrap_or(Value::None)),
            },
            (Value::Property(_), "setter" | "getter" | "deleter") => {
                Some(builtins::property_copier(obj, name))
            }
            (Value::ClassMethod(f) | Value::StaticMethod(f), "__func__") => Some((**f).clone()),
            (Value::ClassMethod(f) | Value::StaticMethod(f), "__isabstractmethod__") => {
                let func = (**f).clone();
                Some(Value::Bool(self.is_abstract(&func).unwrap_or(false)))
            }
            (Value::Property(p), "__isabstractmethod__") => {
                let parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
                Some(Value::Bool(parts.iter().any(|v| self.is_abstract(v).unwrap_or(false))))
            }
            (Value::Int(_) | Value::Bool(_), "real" | "numerator") => Some(builtins::as_int(obj)),
            (Value::Int(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
            (Value::Int(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
            (Value::Float(_), "real") => Some(obj.clone()),
            (Value::Float(_), "imag") => Some(Value::Float(0.0)),
            (Value::Range(r), "start") => Some(Value::Int(r.0)),
            (Value::Range(r), "stop") => Some(Value::Int(r.1)),
            (Value::Range(r), "step") => Some(Value::Int(r.2)),
            (Value::Native(n), "start" | "stop" | "step") => match &**n {
                native::NativeObject::LongRange(r) => Some(Value::from_bigint(match name {
                    "start" => r.start.clone(),
                    "stop" => r.stop.clone(),
                    _ => r.step.clone(),
                })),
                _ => None,
            },
            (Value::Native(n), "mapping") => native::view_mapping(n),
            (Value::Slice(s), "start") => Some(s.0.clone()),
            (Value::Slice(s), "stop") => Some(s.1.clone()),
            (Value::Slice(s), "step") => Some(s.2.clone()),
            (Value::Exception(e), _) => self.exception_attr(e, name),
            (Value::Frame(f), _) => self.frame_attr(f, name),
            (Value::Generator(g), _) => self.generator_attr(g, name),
            (Value::Code(c), _) => crate::frames::code_attr(c, name),
            (Value::Traceback(t), _) => crate::objects::frame::traceback_attr(t, name),
            _ => None,
        })
    }

    /// `cls.name`: data attributes of `type`, the class's MRO (descriptors get `None` as the
    /// instance), then the metaclass's attributes bound to the class.
    fn type_get_attr(&mut self, t: &Rc<TypeObject>, name: &str) -> PyResult<Value> {
        if name.starts_with("__") {
            if let Some(v) = self.type_data_attr(t, name)? {
                return Ok(v);
            }
        }
        if let Some(meta) = &t.metaclass {
            if let Some(v) = meta.lookup(name) {
                let is_data = match &v {
                    Value::Property(_) => true,
                    Value::Instance(di) => is_data_descriptor(&di.class),
                    _ => false,
                };
                if is_data {
                    return self.bind_to_class(v, t, meta);
                }
            }
        }
        if let Some(v) = t.lookup(name) {
            return Ok(match v {
                Value::ClassMethod(f) => Value::BoundMethod(Rc::new(((*f).clone(), Value::Type(t.clone())))),
                Value::StaticMethod(f) => (*f).clone(),
                Value::Instance(ref di) if di.class.lookup("__get__").is_some() => {
                    return self.descriptor_get(&v, Value::None, Value::Type(t.clone()));
                }
                other => other,
            });
        }
        match name {
            "__module__" => return Ok(t.module.borrow().clone().unwrap_or_else(|| Value::str("builtins"))),
            "__doc__" => return Ok(Value::None),
            _ => {}
        }
        if let Some(f) = generic_attribute_function(name) {
            return Ok(f);
        }
        if let Some(m) = builtins::type_method(t, name) {
            return Ok(m);
        }
        if t.is_heap_type {
            // Methods of a built-in base (`MyList.append`).
            if let Some(m) =
                t.mro_tail.iter().find(|b| !b.is_heap_type).and_then(|b| builtins::type_method(b, name))
            {
                return Ok(m);
            }
        }
        if let Some(f) = crate::objects::object_dunders::lookup(self, name) {
            return Ok(match f {
                Value::ClassMethod(f) => Value::BoundMethod(Rc::new(((*f).clone(), Value::Type(t.clone())))),
                Value::StaticMethod(f) => (*f).clone(),
                other => other,
            });
        }
        let meta = self.type_of(&Value::Type(t.clone()));
        if let Some(v) = meta.lookup(name) {
            return self.bind_to_class(v, t, &meta);
        }
        Err(self.attribute_error(
            &Value::Type(t.clone()),
            name,
            format!("type object '{}' has no attribute '{name}'", t.name),
        ))
    }

    /// The attributes every class has through `type`'s data descriptors.
    fn type_data_attr(&mut self, t: &Rc<TypeObject>, name: &str) -> PyResult<Option<Value>> {
        Ok(Some(match name {
            "__name__" => Value::str(&t.name),
            "__qualname__" => Value::str(&t.qualname),
            "__bases__" => Value::Tuple(Rc::new(t.bases.iter().map(|b| Value::Type(b.clone())).collect())),
            "__base__" => match solid_base(t) {
                Some(b) => Value::Type(b),
                None => Value::None,
            },
            "__mro__" => Value::Tuple(Rc::new(t.mro().into_iter().map(Value::Type).collect())),
            "__dict__" => {
                Value::Native(Rc::new(NativeObject::MappingProxy(native::ProxyTarget::Class(t.clone()))))
            }
            "__class__" => Value::Type(self.type_of(&Value::Type(t.clone()))),
            _ => return Ok(None),
        }))
    }

    /// A metaclass attribute as seen through one of its classes.
    fn bind_to_class(&mut self, v: Value, t: &Rc<TypeObject>, meta: &Rc<TypeObject>) -> PyResult<Value> {
        let cls = Value::Type(t.clone());
        Ok(match v {
            Value::Property(p) => {
                let getter = p.fget.clone();
                return self.call_value(&getter, vec![cls], Vec::new());
            }
            Value::Instance(ref di) if di.class.lookup("__get__").is_some() => {
                return self.descriptor_get(&v, cls, Value::Type(meta.clone()));
            }
            Value::ClassMethod(f) => Value::BoundMethod(Rc::new(((*f).clone(), Value::Type(meta.clone())))),
            other => bind(other, &cls, meta),
        })
    }

    fn super_get_attr(&mut self, s: &Rc<SuperObject>, name: &str) -> PyResult<Value> {
        if let Some(v) = s.obj_type.lookup_after(&s.start, name) {
            return Ok(match (&s.obj, v) {
                (Value::Type(t), Value::Function(_)) if Rc::ptr_eq(t, &s.obj_type) => {
                    s.obj_type.lookup_after(&s.start, name).unwrap_or(Value::None)
                }
                (Value::Type(_), Value::ClassMethod(f)) => {
                    Value::BoundMethod(Rc::new(((*f).clone(), s.obj.clone())))
                }
                (_, Value::Property(p)) => {
                    let getter = p.fget.clone();
                    return self.call_value(&getter, vec![s.obj.clone()], Vec::new());
                }
                (_, v) => bind(v, &s.obj, &s.obj_type),
            });
        }
        // object's own methods (object.__init__, __repr__, ...) are built in.
        if let Some(m) = builtins::object_method(&s.obj, name) {
            return Ok(m);
        }
        Err(PyErr::new(ExcKind::AttributeError, format!("'super' object has no attribute '{name}'")))
    }

    /// `obj.name = value`.
    pub fn set_attr(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        if let Value::WeakRef(r) = obj {
            if r.kind != crate::objects::weakref::WeakKind::Ref {
                let target = self.proxy_target(r)?;
                return self.set_attr(&target, name, value);
            }
        }
        if let Value::Module(m) = obj {
            m.dict.set_str(name, value);
            return Ok(());
        }
        if let Value::Type(t) = obj {
            return self.type_set_attr(t, name, Some(value));
        }
        let class = self.type_of(obj);
        if class.is_heap_type {
            if let Some(setter) = class.lookup("__setattr__") {
                return self
                    .call_value(&setter, vec![obj.clone(), Value::str(name), value], Vec::new())
                    .map(|_| ());
            }
        }
        self.generic_set_attr(obj, &class, name, value)
    }

    /// `cls.name = value` (or `del cls.name` when `value` is None).
    fn type_set_attr(&mut self, t: &Rc<TypeObject>, name: &str, value: Option<Value>) -> PyResult<()> {
        if !t.is_heap_type {
            // CPython says "set" for deletions too.
            return Err(PyErr::type_error(format!(
                "cannot set '{name}' attribute of immutable type '{}'",
                t.name
            )));
        }
        if name == "__del__" {
            let _ = t.gc_signals.set(self.gc.signals.clone());
        }
        if let Some(meta) = &t.metaclass {
            match (meta.lookup(name), &value) {
                (Some(Value::Property(p)), Some(v)) if !matches!(p.fset, Value::None) => {
                    let setter = p.fset.clone();
                    return self
                        .call_value(&setter, vec![Value::Type(t.clone()), v.clone()], Vec::new())
                        .map(|_| ());
                }
                (Some(d @ Value::Instance(_)), Some(v)) => {
                    if let Some(set) = self.type_of(&d).lookup("__set__") {
                        return self
                            .call_value(&set, vec![d, Value::Type(t.clone()), v.clone()], Vec::new())
                            .map(|_| ());
                    }
                }
                _ => {}
            }
        }
        if matches!(name, "__name__" | "__qualname__" | "__doc__" | "__module__") {
            if value.is_none() {
                return Err(PyErr::type_error(format!(
                    "cannot delete '{name}' attribute of immutable type '{}'",
                    t.name
                )));
            }
            if matches!(name, "__name__" | "__qualname__") {
                return set_type_name(t, name, value.as_ref());
            }
        }
        if name == "__bases__" {
            // Assigning the bases a class already has (typing.NamedTuple does) changes nothing.
            if let Some(Value::Tuple(new)) = &value {
                let same = new.len() == t.bases.len()
                    && new.iter().zip(&t.bases).all(|(n, b)| matches!(n, Value::Type(n) if Rc::ptr_eq(n, b)));
                if same {
                    return Ok(());
                }
            }
        }
        if matches!(name, "__bases__" | "__mro__" | "__dict__") {
            return Err(PyErr::new(ExcKind::SystemError, format!("Kaa cannot change a class's {name} yet")));
        }
        if name.starts_with("__") {
            t.invalidate_hooks();
        }
        match value {
            Some(v) => {
                if name == "__module__" {
                    *t.module.borrow_mut() = Some(v.clone());
                }
                t.dict.set_str(name, v);
                Ok(())
            }
            None => match t.dict.remove_str(name) {
                Some(_) => Ok(()),
                None => Err(self.attribute_error(
                    &Value::Type(t.clone()),
                    name,
                    format!("type object '{}' has no attribute '{name}'", t.name),
                )),
            },
        }
    }

    /// `object.__setattr__`: data descriptors first, then the instance dict.
    pub fn generic_set_attr(
        &mut self,
        obj: &Value,
        class: &Rc<TypeObject>,
        name: &str,
        value: Value,
    ) -> PyResult<()> {
        let descr = class.lookup(name);
        match &descr {
            Some(Value::Property(p)) => {
                if matches!(p.fset, Value::None) {
                    return Err(PyErr::new(
                        ExcKind::AttributeError,
                        format!("property '{name}' of '{}' object has no setter", class.name),
                    ));
                }
                let setter = p.fset.clone();
                return self.call_value(&setter, vec![obj.clone(), value], Vec::new()).map(|_| ());
            }
            Some(Value::Native(n)) => {
                if let NativeObject::Member(m) = &**n {
                    return native::member_set(self, m, obj, Some(value));
                }
            }
            Some(d @ Value::Instance(di)) if is_data_descriptor(&di.class) => {
                return match di.class.lookup("__set__") {
                    Some(set) => {
                        self.call_value(&set, vec![d.clone(), obj.clone(), value], Vec::new()).map(|_| ())
                    }
                    None => Err(PyErr::new(ExcKind::AttributeError, "__set__")),
                };
            }
            _ => {}
        }
        if name == "__class__" {
            return crate::objects::class_assignment::set_class(obj, class, Some(&value));
        }
        match obj {
            Value::Instance(i) => {
                if !class.instances_have_dict {
                    let msg = match descr {
                        Some(_) => format!("'{}' object attribute '{name}' is read-only", class.name),
                        None => format!("'{}' object has no attribute '{name}'", class.name),
                    };
                    return Err(self.attribute_error(obj, name, msg));
                }
                i.dict.set_str(name, value);
                Ok(())
            }
            Value::Exception(e) => {
                if !self.set_exception_attr(e, name, value.clone())? {
                    e.dict.set_str(name, value);
                }
                Ok(())
            }
            Value::Function(f) => {
                if name.starts_with("__") && set_function_special(f, name, Some(&value))? {
                    return Ok(());
                }
                f.dict.set_str(name, value);
                Ok(())
            }
            Value::Traceback(tb) if name == "tb_next" => crate::objects::frame::set_tb_next(tb, &value),
            Value::Property(p) if name == "__doc__" => {
                p.doc.replace(Some(value));
                Ok(())
            }
            _ => Err(PyErr::new(
                ExcKind::AttributeError,
                format!("'{}' object has no attribute '{name}'", obj.type_name()),
            )),
        }
    }

    /// `del obj.name`.
    pub fn del_attr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        match obj {
            Value::Type(t) => return self.type_set_attr(t, name, None),
            Value::Module(m) => {
                return match m.dict.remove_str(name) {
                    Some(_) => Ok(()),
                    None => Err(self.no_attribute(obj, name)),
                }
            }
            _ => {}
        }
        let class = self.type_of(obj);
        if class.is_heap_type {
            if let Some(hook) = class.lookup("__delattr__") {
                return self.call_value(&hook, vec![obj.clone(), Value::str(name)], Vec::new()).map(|_| ());
            }
        }
        self.generic_del_attr(obj, name)
    }

    /// `object.__delattr__`.
    pub fn generic_del_attr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        if let Value::Function(f) = obj {
            if name.starts_with("__") && set_function_special(f, name, None)? {
                return Ok(());
            }
        }
        let class = self.type_of(obj);
        if name == "__class__" && class.lookup(name).is_none() {
            return crate::objects::class_assignment::set_class(obj, &class, None);
        }
        match class.lookup(name) {
            Some(Value::Property(p)) => {
                if matches!(p.fdel, Value::None) {
                    return Err(PyErr::new(
                        ExcKind::AttributeError,
                        format!("property '{name}' of '{}' object has no deleter", class.name),
                    ));
                }
                let deleter = p.fdel.clone();
                return self.call_value(&deleter, vec![obj.clone()], Vec::new()).map(|_| ());
            }
            Some(Value::Native(n)) => {
                if let NativeObject::Member(m) = &*n {
                    return native::member_set(self, m, obj, None);
                }
            }
            Some(d @ Value::Instance(_)) => {
                let dclass = self.type_of(&d);
                if is_data_descriptor(&dclass) {
                    return match dclass.lookup("__delete__") {
                        Some(del) => {
                            self.call_value(&del, vec![d.clone(), obj.clone()], Vec::new()).map(|_| ())
                        }
                        None => Err(PyErr::new(ExcKind::AttributeError, "__delete__")),
                    };
                }
            }
            _ => {}
        }
        let removed = match obj {
            Value::Instance(i) => i.dict.remove(&Value::str(name))?,
            Value::Exception(e) => e.dict.remove(&Value::str(name))?,
            Value::Function(f) => f.dict.remove(&Value::str(name))?,
            Value::Module(m) => m.dict.remove(&Value::str(name))?,
            _ => None,
        };
        match removed {
            Some(_) => Ok(()),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// Calls a class: its metaclass's `__call__` if that is written in Python, else
    /// `type.__call__`.
    pub fn call_type(
        &mut self,
        t: &Rc<TypeObject>,
        args: Vec<Value>,
        kwargs: Vec<(Name, Value)>,
    ) -> PyResult<Value> {
        if let Some(meta) = &t.metaclass {
            if let Some(f @ Value::Function(_)) = meta.lookup("__call__") {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(Value::Type(t.clone()));
                full.extend(args);
                return self.call_value(&f, full, kwargs);
            }
        }
        self.type_call(t, args, kwargs)
    }

    /// `type.__call__`: builds the instance and runs `__init__` (or the built-in constructor).
    pub fn type_call(
        &mut self,
        t: &Rc<TypeObject>,
        args: Vec<Value>,
        kwargs: Vec<(Name, Value)>,
    ) -> PyResult<Value> {
        if !t.is_heap_type {
            if let Some(ctor) = t.constructor {
                return ctor(self, &args, &kwargs);
            }
            if t.exception.is_some() {
                return Ok(Value::Exception(self.new_exception(t, args, &kwargs)?));
            }
            return Err(PyErr::type_error(format!("cannot create '{}' instances", t.name)));
        }
        let user_new = t.lookup("__new__");
        let instance = match user_new {
            Some(new) => {
                let mut full = vec![Value::Type(t.clone())];
                full.extend(args.iter().cloned());
                let new_fn = match new {
                    Value::StaticMethod(f) => (*f).clone(),
                    other => other,
                };
                let obj = self.call_value(&new_fn, full, kwargs.clone())?;
                if !self.type_of(&obj).is_subclass(t) {
                    return Ok(obj);
                }
                obj
            }
            None if t.exception.is_some() => {
                Value::Exception(self.new_exception(t, args.clone(), &kwargs)?)
            }
            None => {
                crate::objects::types::check_not_abstract(self, t)?;
                let v = Value::Instance(Rc::new(InstanceObject::new(t.clone())));
                self.gc_track(&v);
                v
            }
        };
        match t.lookup("__init__") {
            Some(init) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(instance.clone());
                full.extend(args);
                let r = self.call_value(&init, full, kwargs)?;
                if !matches!(r, Value::None) {
                    return Err(PyErr::type_error(format!(
                        "__init__() should return None, not '{}'",
                        r.type_name()
                    )));
                }
            }
            None => {
                if t.exception.is_none()
                    && (!args.is_empty() || !kwargs.is_empty())
                    && t.lookup("__new__").is_none()
                {
                    return Err(PyErr::type_error(format!("{}() takes no arguments", t.name)));
                }
            }
        }
        Ok(instance)
    }

    /// `super()` with no arguments: the class from the caller's `__class__` cell and its first
    /// argument.
    pub fn zero_arg_super(&mut self) -> PyResult<Value> {
        let (class, first) = self.caller_class_and_self()?;
        self.make_super(class, first)
    }

    pub fn make_super(&mut self, start: Rc<TypeObject>, obj: Value) -> PyResult<Value> {
        let obj_type = match &obj {
            Value::Type(t) if t.is_subclass(&start) => t.clone(),
            other => {
                let t = self.type_of(other);
                if !t.is_subclass(&start) {
                    return Err(PyErr::type_error(
                        "super(type, obj): obj must be an instance or subtype of type",
                    ));
                }
                t
            }
        };
        Ok(Value::Super(Rc::new(SuperObject { start, obj, obj_type })))
    }
}

/// `object.__getattribute__` / `__setattr__` / `__delattr__` reached through a class: the
/// generic attribute protocol, bypassing any override (how `__setattr__` overrides store).
fn generic_attribute_function(name: &str) -> Option<Value> {
    let func: crate::objects::function::NativeFn = match name {
        "__getattribute__" => |vm, a, _| match a {
            [obj, Value::Str(n)] => vm.object_getattribute(obj, n),
            _ => Err(PyErr::type_error("expected 2 arguments, got other")),
        },
        "__setattr__" => |vm, a, _| match a {
            [obj, Value::Str(n), v] => {
                let class = vm.type_of(obj);
                vm.generic_set_attr(obj, &class, n, v.clone()).map(|_| Value::None)
            }
            _ => Err(PyErr::type_error("expected 3 arguments")),
        },
        "__delattr__" => |vm, a, _| match a {
            [obj, Value::Str(n)] => vm.generic_del_attr(obj, n).map(|_| Value::None),
            _ => Err(PyErr::type_error("expected 2 arguments")),
        },
        _ => return None,
    };
    let name: &'static str = match name {
        "__getattribute__" => "__getattribute__",
        "__setattr__" => "__setattr__",
        _ => "__delattr__",
    };
    Some(Value::Builtin(Rc::new(crate::objects::function::BuiltinFunction {
        name,
        func,
        bound_self: None,
        is_method: false,
    })))
}

fn copy_dict(d: &DictObject) -> PyResult<DictObject> {
    let out = DictObject::new();
    for (k, v) in d.items() {
        out.set(k, v)?;
    }
    Ok(out)
}

/// Does a class make its instances data descriptors (`__set__` or `__delete__`)?
fn is_data_descriptor(class: &Rc<TypeObject>) -> bool {
    class.is_heap_type && (class.lookup("__set__").is_some() || class.lookup("__delete__").is_some())
}

/// `cls.__base__`: the first base (CPython picks the "solid" one; for classes without
/// built-in layouts that is the first base).
fn solid_base(t: &Rc<TypeObject>) -> Option<Rc<TypeObject>> {
    t.bases.first().cloned()
}

impl Vm {
    /// `getattr(v, "__isabstractmethod__", False)` is true (CPython's `_PyObject_IsAbstract`).
    #[cold]
    pub(crate) fn is_abstract(&mut self, v: &Value) -> PyResult<bool> {
        if matches!(v, Value::None) {
            return Ok(false);
        }
        match self.get_attr(v, "__isabstractmethod__") {
            Ok(flag) => self.truthy(&flag),
            Err(e) if crate::objects::args::err_is(self, &e, ExcKind::AttributeError) => Ok(false),
            Err(e) => Err(e),
        }
    }
}

/// `cls.__name__ = value` / `cls.__qualname__ = value` on a class made by a `class` statement.
#[cold]
fn set_type_name(t: &Rc<TypeObject>, name: &str, value: Option<&Value>) -> PyResult<()> {
    let text = match value {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "can only assign string to {}.{name}, not '{}'",
                t.name,
                other.type_name()
            )))
        }
        None => return Ok(()),
    };
    if name == "__name__" {
        if text.contains('\0') {
            return Err(PyErr::value_error("type name must not contain null characters"));
        }
        t.name.set(&text);
    } else {
        t.qualname.set(&text);
    }
    crate::objects::types::advance_type_epoch();
    Ok(())
}

/// Assigning (or deleting, `value` None) a function attribute that lives in the function
/// object itself; false for names that go to its `__dict__`.
#[cold]
fn set_function_special(
    f: &crate::objects::function::FunctionObject,
    name: &str,
    value: Option<&Value>,
) -> PyResult<bool> {
    match name {
        "__defaults__" => f.defaults.replace(match value {
            None | Some(Value::None) => Vec::new(),
            Some(Value::Tuple(t)) => t.to_vec(),
            Some(_) => return Err(PyErr::type_error("__defaults__ must be set to a tuple object")),
        }),
        "__kwdefaults__" => f.kwdefaults.replace(match value {
            None | Some(Value::None) => Vec::new(),
            Some(Value::Dict(d)) => {
                let mut pairs = Vec::new();
                for (k, v) in d.items() {
                    if let Value::Str(k) = k {
                        pairs.push((k, v));
                    }
                }
                pairs
            }
            Some(_) => return Err(PyErr::type_error("__kwdefaults__ must be set to a dict object")),
        }),
        "__name__" | "__qualname__" => {
            let Some(Value::Str(s)) = value else {
                return Err(PyErr::type_error(format!("{name} must be set to a string object")));
            };
            if name == "__name__" {
                f.name.set(s.as_str());
            } else {
                f.qualname.set(s.as_str());
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}
