//! Attribute access (`obj.name`), class creation and instantiation: the parts of the object model
//! that walk a type's MRO and apply the descriptor protocol.

use crate::builtins;
use crate::exceptions::{ExcKind, ExceptionObject, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::str::Name;
use crate::objects::types::{InstanceObject, SuperObject, TypeObject};
use crate::value::Value;
use std::rc::Rc;

/// Binds what a class attribute lookup found to the instance it was looked up on.
fn bind(descr: Value, obj: &Value, owner: &Rc<TypeObject>) -> Value {
    match descr {
        Value::Function(_) => Value::BoundMethod(Rc::new((descr, obj.clone()))),
        Value::Builtin(b) if b.is_method && b.bound_self.is_none() => {
            Value::Builtin(Rc::new(crate::objects::function::BuiltinFunction {
                name: b.name,
                func: b.func,
                bound_self: Some(obj.clone()),
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
            _ => {}
        }
        let class = self.type_of(obj);
        let descr = class.lookup(name);
        if let Some(Value::Property(p)) = &descr {
            if matches!(p.fget, Value::None) {
                return Err(PyErr::new(
                    ExcKind::AttributeError,
                    format!("property '{name}' of '{}' object has no getter", class.name),
                ));
            }
            let getter = p.fget.clone();
            return self.call_value(&getter, vec![obj.clone()], Vec::new());
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
            return Ok(bind(d, obj, &class));
        }
        if let Some(v) = self.builtin_attr(obj, name)? {
            return Ok(v);
        }
        if name == "__class__" {
            return Ok(Value::Type(class));
        }
        if name == "__dict__" {
            if let Value::Instance(i) = obj {
                return Ok(Value::Dict(Rc::new(copy_dict(&i.dict)?)));
            }
        }
        if let Some(hook) = class.lookup("__getattr__") {
            return self.call_value(&hook, vec![obj.clone(), Value::str(name)], Vec::new());
        }
        Err(self.no_attribute(obj, name))
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
            (Value::Function(f), "__doc__") => Some(f.consts.consts.first().cloned().unwrap_or(Value::None)),
            (Value::Function(f), "__annotations__") => {
                let d = DictObject::new();
                for (k, v) in &f.annotations {
                    d.set(Value::Str(k.clone()), v.clone())?;
                }
                Some(Value::Dict(Rc::new(d)))
            }
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
            (Value::Exception(e), "args") => Some(Value::Tuple(Rc::new(e.args.borrow().clone()))),
            (Value::Exception(e), "msg" | "name" | "path")
                if e.class.is_subclass(&self.exception_type(ExcKind::ImportError)) =>
            {
                // ImportError's own attributes default to None (msg: the only argument).
                let args = e.args.borrow();
                Some(if name == "msg" && args.len() == 1 { args[0].clone() } else { Value::None })
            }
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
            (Value::Property(_), "setter" | "getter" | "deleter") => {
                Some(builtins::property_copier(obj, name))
            }
            (Value::ClassMethod(f) | Value::StaticMethod(f), "__func__") => Some((**f).clone()),
            (Value::Int(_) | Value::Bool(_), "real" | "numerator") => Some(builtins::as_int(obj)),
            (Value::Int(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
            (Value::Int(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
            (Value::Float(_), "real") => Some(obj.clone()),
            (Value::Float(_), "imag") => Some(Value::Float(0.0)),
            (Value::Range(r), "start") => Some(Value::Int(r.0)),
            (Value::Range(r), "stop") => Some(Value::Int(r.1)),
            (Value::Range(r), "step") => Some(Value::Int(r.2)),
            (Value::Slice(s), "start") => Some(s.0.clone()),
            (Value::Slice(s), "stop") => Some(s.1.clone()),
            (Value::Slice(s), "step") => Some(s.2.clone()),
            _ => None,
        })
    }

    fn type_get_attr(&mut self, t: &Rc<TypeObject>, name: &str) -> PyResult<Value> {
        if let Some(v) = t.lookup(name) {
            return Ok(match v {
                Value::ClassMethod(f) => Value::BoundMethod(Rc::new(((*f).clone(), Value::Type(t.clone())))),
                Value::StaticMethod(f) => (*f).clone(),
                other => other,
            });
        }
        Ok(match name {
            "__name__" => Value::str(&t.name),
            "__qualname__" => Value::str(&t.qualname),
            "__module__" => t.module.borrow().clone().unwrap_or_else(|| Value::str("builtins")),
            "__bases__" => Value::Tuple(Rc::new(t.bases.iter().map(|b| Value::Type(b.clone())).collect())),
            "__base__" => t.bases.first().map_or(Value::None, |b| Value::Type(b.clone())),
            "__mro__" => Value::Tuple(Rc::new(t.mro().into_iter().map(Value::Type).collect())),
            "__dict__" => Value::Dict(Rc::new(copy_dict(&t.dict)?)),
            "__doc__" => Value::None,
            "__class__" => Value::Type(self.types.type_.clone()),
            _ => {
                if let Some(f) = generic_attribute_function(name) {
                    return Ok(f);
                }
                if let Some(m) = builtins::type_method(t, name) {
                    return Ok(m);
                }
                return Err(self.attribute_error(
                    &Value::Type(t.clone()),
                    name,
                    format!("type object '{}' has no attribute '{name}'", t.name),
                ));
            }
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
        if let Value::Module(m) = obj {
            m.dict.set_str(name, value);
            return Ok(());
        }
        if let Value::Type(t) = obj {
            if !t.is_heap_type {
                return Err(PyErr::type_error(format!(
                    "cannot set '{name}' attribute of immutable type '{}'",
                    t.name
                )));
            }
            if name == "__setattr__" {
                t.setattr_hook.set(None);
            }
            t.dict.set_str(name, value);
            return Ok(());
        }
        let class = self.type_of(obj);
        if let Some(setter) = class.lookup("__setattr__") {
            return self
                .call_value(&setter, vec![obj.clone(), Value::str(name), value], Vec::new())
                .map(|_| ());
        }
        self.generic_set_attr(obj, &class, name, value)
    }

    /// `object.__setattr__`: data descriptors first, then the instance dict.
    pub fn generic_set_attr(
        &mut self,
        obj: &Value,
        class: &Rc<TypeObject>,
        name: &str,
        value: Value,
    ) -> PyResult<()> {
        if let Some(Value::Property(p)) = class.lookup(name) {
            if matches!(p.fset, Value::None) {
                return Err(PyErr::new(
                    ExcKind::AttributeError,
                    format!("property '{name}' of '{}' object has no setter", class.name),
                ));
            }
            let setter = p.fset.clone();
            return self.call_value(&setter, vec![obj.clone(), value], Vec::new()).map(|_| ());
        }
        match obj {
            Value::Instance(i) => {
                i.dict.set_str(name, value);
                Ok(())
            }
            Value::Exception(e) => {
                e.dict.set_str(name, value);
                Ok(())
            }
            Value::Function(f) => {
                f.dict.set_str(name, value);
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
        if !matches!(obj, Value::Type(_) | Value::Module(_)) {
            let class = self.type_of(obj);
            if let Some(Value::Property(p)) = class.lookup(name) {
                if matches!(p.fdel, Value::None) {
                    return Err(PyErr::new(
                        ExcKind::AttributeError,
                        format!("property '{name}' of '{}' object has no deleter", class.name),
                    ));
                }
                let deleter = p.fdel.clone();
                return self.call_value(&deleter, vec![obj.clone()], Vec::new()).map(|_| ());
            }
        }
        let removed = match obj {
            Value::Instance(i) => i.dict.remove(&Value::str(name))?,
            Value::Type(t) if t.is_heap_type => t.dict.remove(&Value::str(name))?,
            Value::Exception(e) => e.dict.remove(&Value::str(name))?,
            Value::Module(m) => m.dict.remove(&Value::str(name))?,
            _ => None,
        };
        match removed {
            Some(_) => Ok(()),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// Calls a class: builds the instance and runs `__init__` (or the built-in constructor).
    pub fn call_type(
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
                if !kwargs.is_empty() && t.is_subclass(&self.exception_type(ExcKind::ImportError)) {
                    let e = Rc::new(ExceptionObject::new(t.clone(), args));
                    crate::import::import_error_keywords(&e, &kwargs)?;
                    return Ok(Value::Exception(e));
                }
                if !kwargs.is_empty() {
                    return Err(PyErr::type_error(format!("{}() takes no keyword arguments", t.name)));
                }
                return Ok(Value::Exception(Rc::new(ExceptionObject::new(t.clone(), args))));
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
                Value::Exception(Rc::new(ExceptionObject::new(t.clone(), args.clone())))
            }
            None => Value::Instance(Rc::new(InstanceObject { class: t.clone(), dict: DictObject::new() })),
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

    /// `__build_class__(body, name, *bases, **keywords)`: runs the class body in a fresh namespace
    /// and makes the class.
    pub fn build_class(&mut self, args: &[Value], kwargs: &[(Name, Value)]) -> PyResult<Value> {
        let (Some(Value::Function(body)), Some(Value::Str(name))) = (args.first(), args.get(1)) else {
            return Err(PyErr::type_error("__build_class__: func must be a function"));
        };
        if let Some((k, _)) = kwargs.first() {
            return Err(PyErr::new(
                ExcKind::SystemError,
                format!("class keyword '{k}' is not supported yet"),
            ));
        }
        let mut bases = Vec::new();
        for b in &args[2..] {
            match b {
                Value::Type(t) => bases.push(t.clone()),
                other => {
                    return Err(PyErr::type_error(format!("bases must be types, not {}", other.type_name())))
                }
            }
        }
        if bases.is_empty() {
            bases.push(self.types.object.clone());
        }
        let namespace = Rc::new(DictObject::new());
        self.run_class_body(body, namespace.clone())?;
        let class = TypeObject::new_class(name, &body.qualname, bases)?;
        let mut class_cell = None;
        for (k, v) in namespace.items() {
            if let Value::Str(key) = &k {
                if key.as_str() == "__classcell__" {
                    class_cell = Some(v);
                    continue;
                }
                if key.as_str() == "__module__" {
                    *class.module.borrow_mut() = Some(v.clone());
                }
            }
            class.dict.set(k, v)?;
        }
        let class = Rc::new(class);
        if let Some(Value::Cell(cell)) = class_cell {
            *cell.borrow_mut() = Value::Type(class.clone());
        }
        // __set_name__ on attributes that define it, then __init_subclass__ of the parent.
        for (k, v) in class.dict.items() {
            let hook = match &v {
                Value::Instance(i) => i.class.lookup("__set_name__"),
                _ => None,
            };
            if let Some(h) = hook {
                self.call_value(&h, vec![v.clone(), Value::Type(class.clone()), k], Vec::new())?;
            }
        }
        if let Some(parent) = class.mro_tail.first() {
            if let Some(init_sub) = parent.lookup("__init_subclass__") {
                let f = match init_sub {
                    Value::ClassMethod(f) => (*f).clone(),
                    other => other,
                };
                self.call_value(&f, vec![Value::Type(class.clone())], Vec::new())?;
            }
        }
        Ok(Value::Type(class))
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
            [obj, Value::Str(n)] => {
                let class = vm.type_of(obj);
                // Everything but the __getattr__ fallback.
                let own = match obj {
                    Value::Instance(i) => i.dict.get_str(n),
                    _ => None,
                };
                match (own, class.lookup(n)) {
                    (_, Some(Value::Property(p))) => {
                        vm.call_value(&p.fget.clone(), vec![obj.clone()], Vec::new())
                    }
                    (Some(v), _) => Ok(v),
                    (None, Some(d)) => Ok(bind(d, obj, &class)),
                    (None, None) => Err(PyErr::new(
                        ExcKind::AttributeError,
                        format!("'{}' object has no attribute '{n}'", obj.type_name()),
                    )),
                }
            }
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
            [obj, Value::Str(n)] => vm.del_attr(obj, n).map(|_| Value::None),
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
