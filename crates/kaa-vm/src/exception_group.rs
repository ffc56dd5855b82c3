//! `BaseExceptionGroup` / `ExceptionGroup` (PEP 654): construction rules, `split`, `subgroup`,
//! `derive`, and the two steps `except*` compiles to (CHECK_EG_MATCH, PREP_RERAISE_STAR).

use crate::exceptions::{ExcKind, ExceptionObject, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::function::{BuiltinFunction, NativeFn};
use crate::objects::types::TypeObject;
use crate::value::Value;
use std::rc::Rc;

/// What `split` and `subgroup` test each exception with.
enum Matcher {
    /// An exception class or a tuple of them: `isinstance`.
    Types(Value),
    /// A predicate called with each exception (groups included).
    Predicate(Value),
    /// The leaves that are these very objects (how PREP_RERAISE_STAR projects the original group).
    Identities(Vec<Rc<ExceptionObject>>),
}

/// What a split yields: the matching part and the rest, each absent when empty.
type SplitParts = (Option<Rc<ExceptionObject>>, Option<Rc<ExceptionObject>>);

/// Is `t` a class deriving from BaseExceptionGroup?
pub fn is_group_class(t: &TypeObject) -> bool {
    matches!(t.exception, Some(ExcKind::BaseExceptionGroup | ExcKind::ExceptionGroup))
}

/// The sub-exceptions of `v` if it is an exception group.
pub fn group_members(v: &Value) -> Option<Rc<Vec<Value>>> {
    match v {
        Value::Exception(e) => e.group.borrow().clone(),
        _ => None,
    }
}

impl Vm {
    /// `BaseExceptionGroup.__new__(cls, message, exceptions)`: checks the arguments and picks the
    /// class (a BaseExceptionGroup of only `Exception`s is an ExceptionGroup).
    pub(crate) fn new_exception_group(
        &mut self,
        class: &Rc<TypeObject>,
        args: Vec<Value>,
    ) -> PyResult<Rc<ExceptionObject>> {
        if args.len() != 2 {
            return Err(PyErr::type_error(format!(
                "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
                args.len()
            )));
        }
        if !matches!(args[0], Value::Str(_)) {
            return Err(PyErr::type_error(format!(
                "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
                args[0].type_name()
            )));
        }
        let is_sequence = match &args[1] {
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_) => true,
            Value::Instance(i) => i.class.lookup("__getitem__").is_some(),
            _ => false,
        };
        if !is_sequence {
            return Err(PyErr::type_error("second argument (exceptions) must be a sequence"));
        }
        let items = self.collect_iterable(&args[1])?;
        if items.is_empty() {
            return Err(PyErr::value_error("second argument (exceptions) must be a non-empty sequence"));
        }
        let exception = self.exception_type(ExcKind::Exception);
        let mut all_exceptions = true;
        for (i, item) in items.iter().enumerate() {
            match item {
                Value::Exception(e) => all_exceptions &= e.class.is_subclass(&exception),
                _ => {
                    return Err(PyErr::value_error(format!(
                        "Item {i} of second argument (exceptions) is not an exception"
                    )))
                }
            }
        }
        let base_group = self.exception_type(ExcKind::BaseExceptionGroup);
        let group = self.exception_type(ExcKind::ExceptionGroup);
        let mut class = class.clone();
        if Rc::ptr_eq(&class, &base_group) {
            if all_exceptions {
                class = group;
            }
        } else if Rc::ptr_eq(&class, &group) {
            if !all_exceptions {
                return Err(PyErr::type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
            }
        } else if class.is_subclass(&exception) && !all_exceptions {
            return Err(PyErr::type_error(format!("Cannot nest BaseExceptions in '{}'", class.name)));
        }
        let exc = ExceptionObject::new(class, args);
        *exc.group.borrow_mut() = Some(Rc::new(items));
        Ok(Rc::new(exc))
    }

    fn matcher(&self, condition: &Value) -> PyResult<Matcher> {
        let is_exception_class = |v: &Value| matches!(v, Value::Type(t) if t.exception.is_some());
        let valid = match condition {
            Value::Type(_) => is_exception_class(condition),
            Value::Tuple(items) => items.iter().all(is_exception_class),
            Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) => {
                return Ok(Matcher::Predicate(condition.clone()))
            }
            Value::Instance(i) if i.class.lookup("__call__").is_some() => {
                return Ok(Matcher::Predicate(condition.clone()))
            }
            _ => false,
        };
        if !valid {
            return Err(PyErr::type_error("expected a function, exception type or tuple of exception types"));
        }
        Ok(Matcher::Types(condition.clone()))
    }

    fn matches(&mut self, matcher: &Matcher, exc: &Rc<ExceptionObject>) -> PyResult<bool> {
        match matcher {
            Matcher::Types(t) => Ok(instance_of(exc, t)),
            Matcher::Predicate(f) => {
                let r = self.call_value(f, vec![Value::Exception(exc.clone())], Vec::new())?;
                self.truthy(&r)
            }
            Matcher::Identities(leaves) => {
                Ok(exc.group.borrow().is_none() && leaves.iter().any(|l| Rc::ptr_eq(l, exc)))
            }
        }
    }

    /// `group.derive(excs)` (possibly overridden), then the original's traceback, cause, context
    /// and a copy of its notes.
    fn derive_and_copy(
        &mut self,
        group: &Rc<ExceptionObject>,
        excs: Vec<Value>,
    ) -> PyResult<Rc<ExceptionObject>> {
        let derive = self.get_attr(&Value::Exception(group.clone()), "derive")?;
        let made =
            self.call_value(&derive, vec![Value::List(Rc::new(std::cell::RefCell::new(excs)))], Vec::new())?;
        let made = match made {
            Value::Exception(e) if e.group.borrow().is_some() => e,
            _ => return Err(PyErr::type_error("derive must return an instance of BaseExceptionGroup")),
        };
        *made.traceback.borrow_mut() = group.traceback.borrow().clone();
        *made.cause.borrow_mut() = group.cause.borrow().clone();
        *made.context.borrow_mut() = group.context.borrow().clone();
        made.suppress_context.set(group.suppress_context.get());
        if let Some(notes) = group.dict.get_str("__notes__") {
            if matches!(notes, Value::List(_) | Value::Tuple(_)) {
                let copy = self.collect_iterable(&notes)?;
                made.dict.set_str("__notes__", Value::List(Rc::new(std::cell::RefCell::new(copy))));
            }
        }
        Ok(made)
    }

    /// The parts of `exc` that match and (when `want_rest`) those that do not, each a group of
    /// the same shape, or None when empty.
    fn split_recursive(
        &mut self,
        exc: &Rc<ExceptionObject>,
        matcher: &Matcher,
        want_rest: bool,
        depth: usize,
    ) -> PyResult<SplitParts> {
        if depth > 200 {
            return Err(PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        if self.matches(matcher, exc)? {
            return Ok((Some(exc.clone()), None));
        }
        let Some(members) = exc.group.borrow().clone() else {
            return Ok((None, want_rest.then(|| exc.clone())));
        };
        let mut matched = Vec::new();
        let mut rest = Vec::new();
        for m in members.iter() {
            let Value::Exception(e) = m else { continue };
            let (a, b) = self.split_recursive(e, matcher, want_rest, depth + 1)?;
            matched.extend(a.map(Value::Exception));
            rest.extend(b.map(Value::Exception));
        }
        let matched = if matched.is_empty() { None } else { Some(self.derive_and_copy(exc, matched)?) };
        let rest = if rest.is_empty() { None } else { Some(self.derive_and_copy(exc, rest)?) };
        Ok((matched, rest))
    }

    /// CHECK_EG_MATCH: splits the exception being handled by an `except*` clause's type into
    /// (match, rest); a plain exception that matches is wrapped in an ExceptionGroup("").
    pub(crate) fn except_star_match(&mut self, exc: &Value, class: &Value) -> PyResult<(Value, Value)> {
        let valid = |v: &Value| matches!(v, Value::Type(t) if t.exception.is_some());
        let classes: Vec<Value> = match class {
            Value::Tuple(items) => items.to_vec(),
            other => vec![other.clone()],
        };
        if !classes.iter().all(valid) {
            return Err(PyErr::type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        if classes.iter().any(|c| matches!(c, Value::Type(t) if is_group_class(t))) {
            return Err(PyErr::type_error(
                "catching ExceptionGroup with except* is not allowed. Use except instead.",
            ));
        }
        let Value::Exception(e) = exc else { return Ok((Value::None, Value::None)) };
        if instance_of(e, class) {
            if e.group.borrow().is_some() {
                return Ok((exc.clone(), Value::None));
            }
            let wrapper = self.new_exception_group(
                &self.exception_type(ExcKind::BaseExceptionGroup),
                vec![Value::str(""), Value::Tuple(Rc::new(vec![exc.clone()]))],
            )?;
            return Ok((Value::Exception(wrapper), Value::None));
        }
        if e.group.borrow().is_some() {
            let (m, r) = self.split_recursive(e, &Matcher::Types(class.clone()), true, 0)?;
            return Ok((m.map_or(Value::None, Value::Exception), r.map_or(Value::None, Value::Exception)));
        }
        Ok((Value::None, exc.clone()))
    }

    /// PREP_RERAISE_STAR: what leaves a `try`/`except*`, from the original exception and the
    /// list of what each clause raised or re-raised (plus the unmatched rest). Re-raised parts
    /// keep the original group's shape; newly raised ones join them in an ExceptionGroup("").
    pub(crate) fn prep_reraise_star(&mut self, orig: &Value, raised: &Value) -> PyResult<Value> {
        let items: Vec<Value> = match raised {
            Value::List(l) => l.borrow().clone(),
            _ => Vec::new(),
        };
        let Value::Exception(orig) = orig else { return Ok(Value::None) };
        let items: Vec<Rc<ExceptionObject>> = items
            .into_iter()
            .filter_map(|v| if let Value::Exception(e) = v { Some(e) } else { None })
            .collect();
        if items.is_empty() {
            return Ok(Value::None);
        }
        if orig.group.borrow().is_none() {
            // A plain exception was wrapped: only one clause ran, so there is one thing to raise.
            return Ok(Value::Exception(items[0].clone()));
        }
        let same_metadata = |e: &Rc<ExceptionObject>| {
            let same = |a: &Option<Rc<ExceptionObject>>, b: &Option<Rc<ExceptionObject>>| match (a, b) {
                (Some(x), Some(y)) => Rc::ptr_eq(x, y),
                (None, None) => true,
                _ => false,
            };
            let tb_same = match (&*e.traceback.borrow(), &*orig.traceback.borrow()) {
                (Some(x), Some(y)) => Rc::ptr_eq(x, y),
                (None, None) => true,
                _ => false,
            };
            tb_same
                && same(&e.cause.borrow(), &orig.cause.borrow())
                && same(&e.context.borrow(), &orig.context.borrow())
        };
        let (reraised, mut new): (Vec<_>, Vec<_>) = items.into_iter().partition(|e| same_metadata(e));
        let mut leaves = Vec::new();
        for e in &reraised {
            collect_leaves(e, &mut leaves, 0);
        }
        let projected = self.split_recursive(orig, &Matcher::Identities(leaves), false, 0)?.0;
        if new.is_empty() {
            return Ok(projected.map_or(Value::None, Value::Exception));
        }
        new.extend(projected);
        if new.len() == 1 {
            return Ok(Value::Exception(new.remove(0)));
        }
        let members = new.into_iter().map(Value::Exception).collect();
        let group = self.new_exception_group(
            &self.exception_type(ExcKind::BaseExceptionGroup),
            vec![Value::str(""), Value::List(Rc::new(std::cell::RefCell::new(members)))],
        )?;
        Ok(Value::Exception(group))
    }
}

fn collect_leaves(e: &Rc<ExceptionObject>, out: &mut Vec<Rc<ExceptionObject>>, depth: usize) {
    match e.group.borrow().as_ref() {
        Some(members) if depth < 200 => {
            for m in members.iter() {
                if let Value::Exception(x) = m {
                    collect_leaves(x, out, depth + 1);
                }
            }
        }
        _ => out.push(e.clone()),
    }
}

/// `isinstance(exc, classes)` for an exception class or tuple of them.
fn instance_of(exc: &Rc<ExceptionObject>, classes: &Value) -> bool {
    match classes {
        Value::Type(t) => exc.class.is_subclass(t),
        Value::Tuple(items) => items.iter().any(|c| instance_of(exc, c)),
        _ => false,
    }
}

fn group_self(a: &[Value]) -> PyResult<Rc<ExceptionObject>> {
    match a.first() {
        Some(Value::Exception(e)) if e.group.borrow().is_some() => Ok(e.clone()),
        _ => Err(PyErr::type_error("descriptor requires a 'BaseExceptionGroup' object")),
    }
}

fn one_argument(name: &str, a: &[Value]) -> PyResult<Value> {
    match a.len() {
        2 => Ok(a[1].clone()),
        n => Err(PyErr::type_error(format!(
            "BaseExceptionGroup.{name}() takes exactly one argument ({} given)",
            n.saturating_sub(1)
        ))),
    }
}

/// The methods of BaseExceptionGroup, stored in its type dict so subclasses can override them.
pub fn install_methods(dict: &DictObject) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("derive", |vm, a, _| {
            let g = group_self(a)?;
            let excs = one_argument("derive", a)?;
            let message = g.args.borrow().first().cloned().unwrap_or_else(|| Value::str(""));
            let base = vm.exception_type(ExcKind::BaseExceptionGroup);
            Ok(Value::Exception(vm.new_exception_group(&base, vec![message, excs])?))
        }),
        ("split", |vm, a, _| {
            let g = group_self(a)?;
            let matcher = vm.matcher(&one_argument("split", a)?)?;
            let (m, r) = vm.split_recursive(&g, &matcher, true, 0)?;
            Ok(Value::Tuple(Rc::new(vec![
                m.map_or(Value::None, Value::Exception),
                r.map_or(Value::None, Value::Exception),
            ])))
        }),
        ("subgroup", |vm, a, _| {
            let g = group_self(a)?;
            let matcher = vm.matcher(&one_argument("subgroup", a)?)?;
            let (m, _) = vm.split_recursive(&g, &matcher, false, 0)?;
            Ok(m.map_or(Value::None, Value::Exception))
        }),
    ];
    for (name, func) in methods {
        dict.set_str(
            name,
            Value::Builtin(Rc::new(BuiltinFunction { name, func: *func, bound_self: None, is_method: true })),
        );
    }
}
